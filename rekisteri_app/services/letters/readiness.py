"""Whether a letter can be issued now, without rendering it: the window disables
"Issue…" while a value is missing and says which, in words, with where to fill it in.

The same checks as preview and issue (the composed wording's placeholders and the
kind's own needs), so the button and the service never disagree.
"""

from __future__ import annotations

from ...documents.letters.compose import compose_letter
from ...documents.letters.templates import MissingPlaceholder
from ...domain.enums import Language, LetterKind
from ...i18n import _
from .. import requests as rq
from ..context import ServiceContext
from ._common import FIELD_HINTS, LetterBlocked, _kind, _lang
from .compose import LetterOptions
from .issuing import _check_kind, _prepare


def missing_items(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    options: LetterOptions | None = None,
) -> dict[str, str]:
    """What blocks this letter, name → words for the officer (in the UI language): the
    kind's own needs as the block describes them (which controller lacks its business ID,
    which fact of the representative's authority is missing), then the field hints.
    Empty when the letter can go."""
    kind, lang, options = _kind(kind), _lang(lang), options or LetterOptions()
    found: dict[str, str] = {}
    with ctx.read() as session:
        req = rq.find_case(session, case)
        prepared = _prepare(session, ctx, req, kind, lang, options)
        try:
            _check_kind(req, kind, prepared.data, options)
        except LetterBlocked as exc:
            for name in exc.names:
                found[name] = exc.described.get(name) or hint(name)
    try:
        compose_letter(prepared.data, prepared.overrides)
    except MissingPlaceholder as exc:
        for name in exc.names:
            found.setdefault(name, hint(name))
    return dict(sorted(found.items()))


def missing_values(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    options: LetterOptions | None = None,
) -> tuple[str, ...]:
    """The names (FIELD_HINTS keys and the block's own) of what blocks this letter."""
    return tuple(missing_items(ctx, case, kind, lang, options))


def hint(name: str) -> str:
    """The officer's words for a missing value (the name itself only for an unknown one)."""
    return _(FIELD_HINTS[name]) if name in FIELD_HINTS else name


# Where the officer fills in each value a letter can miss: a settings page, the case's
# controller record, or the case itself (the window turns this into a button).
SETTINGS, CONTROLLER, CASE, LETTER = "settings", "controller", "case", "letter"
FILLED_IN: dict[str, str] = {
    "officer_name": SETTINGS,
    "officer_contact": SETTINGS,
    "officer_title": SETTINGS,
    "organisation_name": CONTROLLER,
    "controller": CASE,
    "controller_postal_address": CONTROLLER,
    "controller_business_id": CONTROLLER,
    "identity_needed": LETTER,
    "reply_by": LETTER,
    "portability_data": LETTER,
}


def where_filled(name: str) -> str:
    """SETTINGS, CONTROLLER, LETTER (this dialog's own inputs) or CASE (the default)."""
    return FILLED_IN.get(name, CASE)
