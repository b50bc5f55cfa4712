"""The officer's own wording of a letter kind and language, kept as versioned
`LetterTemplate` rows: the newest version wins, and a version with text None means
"back to the shipped text". Letters to a representative have a wording of their own
(`audience`), since they speak of the principal's data, never of "your data".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...documents.letters import template_text, unknown_placeholders
from ...domain.enums import Language, LetterAudience, LetterKind
from ...i18n import _
from ...storage import models as m
from ..context import ServiceContext, ServiceError
from ._common import _kind, _lang


@dataclass(frozen=True)
class TemplateVersion:
    version: int
    text: str | None  # None: reset to the shipped wording
    created_at: datetime


@dataclass(frozen=True)
class TemplateState:
    kind: LetterKind
    language: Language
    text: str  # the wording in force
    default: str  # the shipped wording
    version: int | None  # newest stored version, None when never edited
    overridden: bool
    versions: tuple[TemplateVersion, ...] = field(default=())
    audience: LetterAudience = LetterAudience.DATA_SUBJECT


def _audience(value: LetterAudience | str) -> LetterAudience:
    try:
        return LetterAudience(value)
    except ValueError:
        raise ServiceError(
            _("Unknown audience {value!r}: use data-subject or representative.").format(
                value=str(value)
            )
        ) from None


def _template_rows(
    session: Session, kind: LetterKind, lang: Language, audience: LetterAudience
) -> list[m.LetterTemplate]:
    return list(
        session.scalars(
            select(m.LetterTemplate)
            .where(
                m.LetterTemplate.kind == kind.value,
                m.LetterTemplate.language == lang.value,
                m.LetterTemplate.audience == audience.value,
            )
            .order_by(m.LetterTemplate.version)
        )
    )


def overrides_for(
    session: Session, lang: Language, audience: LetterAudience = LetterAudience.DATA_SUBJECT
) -> dict[LetterKind, str]:
    """The officer's wording in force per kind in `lang` for `audience` (newest version;
    None = default)."""
    newest: dict[str, m.LetterTemplate] = {}
    for row in session.scalars(
        select(m.LetterTemplate)
        .where(
            m.LetterTemplate.language == lang.value,
            m.LetterTemplate.audience == LetterAudience(audience).value,
        )
        .order_by(m.LetterTemplate.version)
    ):
        newest[row.kind] = row
    out: dict[LetterKind, str] = {}
    for kind, row in newest.items():
        try:
            if row.text is not None and row.text.strip():
                out[LetterKind(kind)] = row.text
        except ValueError:
            continue
    return out


def template_state(
    ctx: ServiceContext,
    kind: LetterKind | str,
    lang: Language | str,
    audience: LetterAudience | str = LetterAudience.DATA_SUBJECT,
) -> TemplateState:
    kind, lang, audience = _kind(kind), _lang(lang), _audience(audience)
    default = template_text(kind, lang, audience)
    with ctx.read() as session:
        rows = _template_rows(session, kind, lang, audience)
    versions = tuple(TemplateVersion(r.version, r.text, r.created_at) for r in rows)
    current = rows[-1].text if rows else None
    overridden = current is not None and bool(current.strip())
    return TemplateState(
        kind,
        lang,
        current if overridden else default,
        default,
        rows[-1].version if rows else None,
        overridden,
        versions,
        audience,
    )


def _write_template(
    ctx: ServiceContext,
    kind: LetterKind,
    lang: Language,
    text: str | None,
    action: str,
    audience: LetterAudience,
) -> TemplateVersion:
    with ctx.change() as tx:
        rows = _template_rows(tx.session, kind, lang, audience)
        before = rows[-1].text if rows else None
        number = (
            tx.session.scalar(
                select(func.max(m.LetterTemplate.version)).where(
                    m.LetterTemplate.kind == kind.value, m.LetterTemplate.language == lang.value
                )
            )
            or 0
        ) + 1
        now = ctx.now().replace(tzinfo=None)
        row = m.LetterTemplate(
            kind=kind.value,
            language=lang.value,
            version=number,
            text=text,
            created_at=now,
            audience=audience.value,
        )
        tx.session.add(row)
        tx.audit(
            action,
            "letter_template",
            f"{kind.value}/{lang.value}"
            + ("" if audience is LetterAudience.DATA_SUBJECT else f"/{audience.value}"),
            {"version": number - 1 if rows else None, "text": before},
            {"version": number, "text": text},
        )
        return TemplateVersion(number, text, now)


def set_template(
    ctx: ServiceContext,
    kind: LetterKind | str,
    lang: Language | str,
    text: str,
    audience: LetterAudience | str = LetterAudience.DATA_SUBJECT,
) -> TemplateVersion:
    """Store the officer's wording as the next version; unknown placeholders refused."""
    kind, lang, audience = _kind(kind), _lang(lang), _audience(audience)
    text = (text or "").replace("\r\n", "\n").strip("\n")
    if not text.strip():
        raise ServiceError(
            _("The wording is empty. To go back to the shipped wording, reset it instead.")
        )
    unknown = unknown_placeholders(text)
    if unknown:
        raise ServiceError(
            _("The wording names fields that no letter can fill: {names}").format(
                names=", ".join("{" + n + "}" for n in unknown)
            )
        )
    if text == template_text(kind, lang, audience):
        if template_state(ctx, kind, lang, audience).overridden:
            return reset_template(ctx, kind, lang, audience)
        raise ServiceError(_("The wording is the shipped one; nothing to store."))
    return _write_template(ctx, kind, lang, text, "letter_template.set", audience)


def reset_template(
    ctx: ServiceContext,
    kind: LetterKind | str,
    lang: Language | str,
    audience: LetterAudience | str = LetterAudience.DATA_SUBJECT,
) -> TemplateVersion:
    """Go back to the shipped wording (stored as a version, so the history stays)."""
    kind, lang, audience = _kind(kind), _lang(lang), _audience(audience)
    if not template_state(ctx, kind, lang, audience).overridden:
        raise ServiceError(_("The wording is already the shipped one."))
    return _write_template(ctx, kind, lang, None, "letter_template.reset", audience)


def list_templates(
    ctx: ServiceContext,
    lang: Language | str | None = None,
    audience: LetterAudience | str | None = None,
) -> list[TemplateState]:
    langs = [_lang(lang)] if lang else list(Language)
    audiences = [_audience(audience)] if audience else list(LetterAudience)
    return [
        template_state(ctx, kind, language, who)
        for who in audiences
        for language in langs
        for kind in LetterKind
    ]
