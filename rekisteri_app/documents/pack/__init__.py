"""The audit pack's PDFs: index.pdf (cover, figures, findings, notice versions) and
records-of-processing.pdf (the Art. 30(1) record), from the plain data in `data`.

Wording per language in resources/pack/<lang>.json (see `texts`); charts by
reportlab.graphics (`charts`); both documents deterministic (`layout`).
"""

from .data import (
    BreachFigures,
    ChainAnchor,
    Count,
    ExtensionLine,
    Figures,
    FindingLine,
    IndexData,
    MemberLine,
    NoticeVersionLine,
    RecordAutomated,
    RecordCategory,
    RecordContact,
    RecordController,
    RecordLegalBasis,
    RecordProcessor,
    RecordRecipient,
    RecordRetention,
    RecordsData,
    RecordSecurity,
    RecordSource,
    RecordSubjectGroup,
    RecordTransfer,
    RegisterRecord,
    RegisterSummary,
    RepeatLine,
)
from .index_pdf import render_index_pdf
from .records_pdf import render_records_pdf
from .texts import PACK_LANGUAGES, load_texts

__all__ = [
    "PACK_LANGUAGES",
    "BreachFigures",
    "ChainAnchor",
    "Count",
    "ExtensionLine",
    "Figures",
    "FindingLine",
    "IndexData",
    "MemberLine",
    "NoticeVersionLine",
    "RecordAutomated",
    "RecordCategory",
    "RecordContact",
    "RecordController",
    "RecordLegalBasis",
    "RecordProcessor",
    "RecordRecipient",
    "RecordRetention",
    "RecordSecurity",
    "RecordSource",
    "RecordSubjectGroup",
    "RecordTransfer",
    "RecordsData",
    "RegisterRecord",
    "RegisterSummary",
    "RepeatLine",
    "load_texts",
    "render_index_pdf",
    "render_records_pdf",
]
