"""Whether a letter can be issued now, without rendering it: the window disables
"Issue…" while a value is missing and says which, in words, with where to fill it in.

The same checks as preview and issue (the composed wording's placeholders and the
kind's own needs), so the button and the service never disagree.
"""

from __future__ import annotations

from ...documents.letters.compose import compose_letter
from ...documents.letters.templates import MissingPlaceholder
from ...domain.enums import Language, LetterKind
from .. import requests as rq
from ..context import ServiceContext
from ._common import LetterBlocked, _kind, _lang
from .compose import LetterOptions
from .issuing import _check_kind, _prepare


def missing_values(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    options: LetterOptions | None = None,
) -> tuple[str, ...]:
    """The names (FIELD_HINTS keys) of what blocks this letter; empty when it can go."""
    kind, lang, options = _kind(kind), _lang(lang), options or LetterOptions()
    names: set[str] = set()
    with ctx.read() as session:
        req = rq.find_case(session, case)
        prepared = _prepare(session, ctx, req, kind, lang, options)
        try:
            _check_kind(req, kind, prepared.data, options)
        except LetterBlocked as exc:
            names.update(exc.names)
    try:
        compose_letter(prepared.data, prepared.overrides)
    except MissingPlaceholder as exc:
        names.update(exc.names)
    return tuple(sorted(names))


# Where the officer fills in each value a letter can miss: a settings page, the case's
# controller record, or the case itself (the window turns this into a button).
SETTINGS, CONTROLLER, CASE, LETTER = "settings", "controller", "case", "letter"
FILLED_IN: dict[str, str] = {
    "officer_name": SETTINGS,
    "officer_contact": SETTINGS,
    "officer_title": SETTINGS,
    "organisation_name": CONTROLLER,
    "identity_needed": LETTER,
    "reply_by": LETTER,
    "portability_data": LETTER,
}


def where_filled(name: str) -> str:
    """SETTINGS, CONTROLLER, LETTER (this dialog's own inputs) or CASE (the default)."""
    return FILLED_IN.get(name, CASE)
