"""Privacy notices (tietosuojaseloste): NoticeData in, PDF / HTML / section texts out.

    from rekisteri_app.documents.notices import NoticeData, render_notice_pdf
    pdf_bytes = render_notice_pdf(data, "sv")

Pure rendering: no database, no clock, no files; same input → same bytes.
"""

from __future__ import annotations

from .data import (
    DATA_PROTECTION_OMBUDSMAN,
    Address,
    AutomatedDecision,
    ContactPerson,
    ControllerInfo,
    DataCategory,
    LegalBasis,
    Localized,
    Note,
    NoticeData,
    Processor,
    Purpose,
    Recipient,
    RegisterData,
    RequestInstructions,
    RetentionRule,
    RightStatement,
    SectionId,
    SecurityMeasure,
    Source,
    SupervisoryAuthority,
    Text,
    Transfer,
    applicable_rights,
    localize,
)
from .diff import ChangeStatus, SectionChange, diff_sections, section_texts
from .html import render_notice_html
from .pdf import render_notice_pdf
from .texts import NOTICE_LANGUAGES

__all__ = [
    "DATA_PROTECTION_OMBUDSMAN",
    "NOTICE_LANGUAGES",
    "Address",
    "AutomatedDecision",
    "ChangeStatus",
    "ContactPerson",
    "ControllerInfo",
    "DataCategory",
    "LegalBasis",
    "Localized",
    "Note",
    "NoticeData",
    "Processor",
    "Purpose",
    "Recipient",
    "RegisterData",
    "RequestInstructions",
    "RetentionRule",
    "RightStatement",
    "SectionChange",
    "SectionId",
    "SecurityMeasure",
    "Source",
    "SupervisoryAuthority",
    "Text",
    "Transfer",
    "applicable_rights",
    "diff_sections",
    "localize",
    "render_notice_html",
    "render_notice_pdf",
    "section_texts",
]
