"""Formal response letters of a case: compose from the database, preview, issue, reprint.

The letter engine (documents/letters) renders one `LetterData`; this service is the only
place that knows where each value comes from: the case (requester, rights, outcomes,
erasure decisions, extension), the registers concerned (Art. 15 items), the settings
(officer, supervisory authority) and what the officer adds per letter (`LetterOptions`:
the copy of the data, actions taken, identity details...).

Issuing stores the PDF exactly as sent, with its SHA-256, and a `letter-sent` event on
the case timeline, in one audited transaction. An issued letter is never changed or
deleted (an ORM guard refuses updates); printing it again stamps the stored bytes as a
copy in the letter's own language. A placeholder without a value blocks both preview and
issue with a translated message naming what to fill in, and nothing is stored.

The officer's own wording of a kind+language is kept as versioned `LetterTemplate` rows:
the newest version wins, and a version with text None means "back to the shipped text".

Rooms: `compose` (LetterData from the case, registers and settings; portability files),
`issuing` (prepare, preview, issue), `archive` (issued letters: list, bytes, reprints),
`templates` (the officer's wording), `_common` (names and errors below them all). This
package re-exports their public names, so callers import `services.letters` only.
"""

from ._common import (
    FIELD_HINTS,
    LetterBlocked,
    LetterImmutable,
    MixedLanguage,
    kind_description,
    kind_label,
    sent_via_label,
)
from .archive import (
    LETTER_ORDERS,
    LetterInfo,
    count_letters,
    delete_letter,
    enclosure_files,
    letter_page,
    letter_pdf,
    list_letters,
    reprint,
)
from .compose import (
    DATA_COPY_KINDS,
    DEFAULT_IDENTITY_METHODS,
    KIND_RIGHT,
    PORTABILITY_FORMAT,
    PRE_DECISION_KINDS,
    Built,
    LetterOptions,
    address_lines,
    build_letter,
    build_letter_data,
    holder_choices,
    parse_data_copy,
    portability_files,
    register_info,
)
from .issuing import (
    CLASS_KINDS,
    DISCLOSING_KINDS,
    Issued,
    Prepared,
    issue,
    kinds_for,
    prepare,
    preview,
    warnings,
)
from .language import MixedText
from .readiness import missing_items, missing_values, where_filled
from .templates import (
    TemplateState,
    TemplateVersion,
    list_templates,
    overrides_for,
    reset_template,
    set_template,
    template_state,
)

__all__ = [
    "CLASS_KINDS",
    "DATA_COPY_KINDS",
    "DEFAULT_IDENTITY_METHODS",
    "DISCLOSING_KINDS",
    "FIELD_HINTS",
    "KIND_RIGHT",
    "LETTER_ORDERS",
    "PORTABILITY_FORMAT",
    "PRE_DECISION_KINDS",
    "Built",
    "Issued",
    "LetterBlocked",
    "LetterImmutable",
    "LetterInfo",
    "LetterOptions",
    "MixedLanguage",
    "MixedText",
    "Prepared",
    "TemplateState",
    "TemplateVersion",
    "address_lines",
    "build_letter",
    "build_letter_data",
    "count_letters",
    "delete_letter",
    "enclosure_files",
    "holder_choices",
    "issue",
    "kind_description",
    "kind_label",
    "kinds_for",
    "letter_page",
    "letter_pdf",
    "list_letters",
    "list_templates",
    "missing_items",
    "missing_values",
    "overrides_for",
    "parse_data_copy",
    "portability_files",
    "prepare",
    "preview",
    "register_info",
    "reprint",
    "reset_template",
    "sent_via_label",
    "set_template",
    "template_state",
    "warnings",
    "where_filled",
]
