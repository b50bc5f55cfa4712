"""Breach documents as bytes and text: the notification draft for the Ombudsman's
e-service (PDF and plain text) and the Art. 34 letter to data subjects (PDF, in the
letters engine's window-envelope frame). fi, sv, en from resources/breaches/.

    draft = NotificationDraft(language=Language.FI, reference="TL-2026-0001", ...)
    text = draft_text(draft)      # to copy into the e-service
    pdf = draft_pdf(draft)        # to keep
    pdf = render_breach_letter(BreachLetterData(...))
"""

from .data import BreachLetterData, CategoryConcerned, EarlierNotification, NotificationDraft
from .draft import SECTIONS, ComposedDraft, DraftBlocked, compose_draft, draft_pdf, draft_text
from .letter import LetterNotReady, compose_breach_letter, missing_values, render_breach_letter
from .texts import catalogue, when

__all__ = [
    "SECTIONS",
    "BreachLetterData",
    "CategoryConcerned",
    "ComposedDraft",
    "DraftBlocked",
    "EarlierNotification",
    "LetterNotReady",
    "NotificationDraft",
    "catalogue",
    "compose_breach_letter",
    "compose_draft",
    "draft_pdf",
    "draft_text",
    "missing_values",
    "render_breach_letter",
    "when",
]
