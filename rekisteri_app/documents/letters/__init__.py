"""Formal replies to data subject requests, as PDF bytes (fi, sv, en).

    data = LetterData(kind=LetterKind.ACCESS_RESPONSE, language=Language.FI, ...)
    for w in letter_warnings(data): ...           # show before printing
    pdf = render_letter(data, draft=True)         # preview
    pdf = render_letter(data, copy=True)          # archive copy

Layout: SFS 2487 on A4 with the address in the window field (layout.py,
docs/letter-layout.md). Wording: resources/letters/<lang>.toml (templates.py).
"""

from .checks import LetterWarning, WarningCode, letter_warnings
from .compose import ComposedLetter, compose_letter, format_date, needs_remedies
from .data import (
    DEFAULT_SUPERVISORY_AUTHORITY,
    DataCopyEntry,
    ErasureDecision,
    Ground,
    IdentityRequest,
    LegalBasis,
    LetterData,
    Officer,
    Organisation,
    Recipient,
    RegisterInfo,
    RightDecision,
    SupervisoryAuthority,
    Transfer,
    default_supervisory_authority,
)
from .render import AddressFieldOverflow, render_letter
from .templates import (
    KNOWN_PLACEHOLDERS,
    MissingPlaceholder,
    default_templates,
    placeholders,
    template_placeholders,
    template_text,
    unknown_placeholders,
)

__all__ = [
    "DEFAULT_SUPERVISORY_AUTHORITY",
    "KNOWN_PLACEHOLDERS",
    "AddressFieldOverflow",
    "ComposedLetter",
    "DataCopyEntry",
    "ErasureDecision",
    "Ground",
    "IdentityRequest",
    "LegalBasis",
    "LetterData",
    "LetterWarning",
    "MissingPlaceholder",
    "Officer",
    "Organisation",
    "Recipient",
    "RegisterInfo",
    "RightDecision",
    "SupervisoryAuthority",
    "Transfer",
    "WarningCode",
    "compose_letter",
    "default_supervisory_authority",
    "default_templates",
    "format_date",
    "letter_warnings",
    "needs_remedies",
    "placeholders",
    "render_letter",
    "template_placeholders",
    "template_text",
    "unknown_placeholders",
]
