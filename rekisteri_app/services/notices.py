"""Privacy notices (tietosuojaseloste) printed from the stored registers.

`notice_data` maps one register, or several registers of one controller, to the
renderer's `NoticeData` (documents/notices): every stored field of the register reaches
the notice. `render` prints it as PDF bytes or an HTML page; `publish` stores a dated,
numbered version (bytes, SHA-256 and the per-section text for later comparison) in one
audited transaction, and refuses while the compliance checker has red findings for the
register unless the officer confirms; `changes_since_published` compares the current
data with the last published version of the same language, section by section.

A notice of several registers (Kuopio's customer and marketing registers in one
document) is published as one version row per register with the same bytes and number.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents.notices import (
    NOTICE_LANGUAGES,
    NoticeData,
    SectionChange,
    diff_sections,
    render_notice_html,
    render_notice_pdf,
    section_texts,
)
from ..i18n import _
from ..storage import models as m
from . import entities
from .compliance import FindingRow, check_session
from .context import HELSINKI, ServiceContext, ServiceError
from .notice_content import notice_content
from .translations import MissingText, missing_texts

FORMATS = ("pdf", "html")

#: One register (name, export key or id) or several registers of one controller.
RegisterRef = str | int | Sequence[str | int]


class RedFindings(ServiceError):
    """Publishing refused: the checker has red findings and nobody confirmed them."""

    def __init__(self, message: str, findings: list[FindingRow]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class NoticeVersionInfo:
    """One stored notice version of one register (content not included)."""

    id: int
    register_id: int
    register_name: str
    version: str
    issued_on: date
    language: str | None
    format: str | None
    note: str | None
    sha256: str | None
    size: int
    has_sections: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "register_id": self.register_id,
            "register": self.register_name,
            "version": self.version,
            "issued_on": self.issued_on.isoformat(),
            "language": self.language,
            "format": self.format,
            "note": self.note,
            "sha256": self.sha256,
            "size": self.size,
            "has_sections": self.has_sections,
        }


@dataclass(frozen=True)
class PublishedNotice:
    """What `publish` stored: one version row per register, all with these bytes."""

    versions: tuple[NoticeVersionInfo, ...]
    content: bytes
    red_findings_confirmed: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        return self.versions[0].version

    @property
    def issued_on(self) -> date:
        return self.versions[0].issued_on

    @property
    def sha256(self) -> str:
        return self.versions[0].sha256 or ""

    @property
    def language(self) -> str:
        return self.versions[0].language or ""

    @property
    def format(self) -> str:
        return self.versions[0].format or ""


# ----------------------------------------------------------------------- checking input


def _check_lang(lang: str) -> str:
    if lang not in NOTICE_LANGUAGES:
        raise ServiceError(
            _("Unknown notice language {value!r}: use one of {allowed}.").format(
                value=lang, allowed=", ".join(NOTICE_LANGUAGES)
            )
        )
    return lang


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ServiceError(
            _("Unknown notice format {value!r}: use one of {allowed}.").format(
                value=fmt, allowed=", ".join(FORMATS)
            )
        )
    return fmt


def _refs(register: RegisterRef) -> list[str | int]:
    if isinstance(register, str | int):
        return [register]
    refs = list(register)
    if not refs:
        raise ServiceError(_("Name at least one register."))
    return refs


def find_registers(session: Session, register: RegisterRef) -> list[m.Register]:
    """The registers named (duplicates dropped), checked to share a controller."""
    found: list[m.Register] = []
    for ref in _refs(register):
        reg = entities.find(session, "registers", ref)
        if reg not in found:
            found.append(reg)
    if len(found) > 1:
        shared = set.intersection(*({rc.controller_id for rc in r.controllers} for r in found))
        if not shared:
            raise ServiceError(
                _(
                    "One notice can only cover registers of the same controller; {names} have "
                    "no controller in common."
                ).format(names=", ".join(r.name for r in found))
            )
    return found


def controller_registers(ctx: ServiceContext, controller: str | int) -> list[int]:
    """Ids of every register the controller (name, export key or id) takes part in."""
    with ctx.read() as session:
        found = entities.find(session, "controllers", controller)
        ids = sorted(
            set(
                session.scalars(
                    select(m.RegisterController.register_id).where(
                        m.RegisterController.controller_id == found.id
                    )
                )
            )
        )
        if not ids:
            raise ServiceError(_("{controller} has no registers.").format(controller=found.name))
        return ids


def _versions(registers: Sequence[m.Register]) -> list[m.NoticeVersion]:
    rows = [v for reg in registers for v in reg.notice_versions]
    return sorted(rows, key=lambda v: (v.issued_on, v.id))


def _helsinki_today() -> date:
    return datetime.now(HELSINKI).date()


def _latest_published(
    registers: Sequence[m.Register], lang: str | None = None
) -> m.NoticeVersion | None:
    """The newest version published by the app (it has section texts), in `lang` if given."""
    rows = [
        v for v in _versions(registers) if v.sections_json and (lang is None or v.language == lang)
    ]
    return rows[-1] if rows else None


def _unchanged_since(session: Session, ids: Sequence[int], row: m.NoticeVersion) -> bool:
    """Would the notice, printed now in the row's language, say exactly what it said?"""
    lang = row.language if row.language in NOTICE_LANGUAGES else "fi"
    data = notice_data(session, ids, lang, version=row.version, dated=row.issued_on)
    stored = json.loads(row.sections_json or "[]")
    return [list(s) for s in section_texts(data, lang)] == stored


def plan_version(
    session: Session, registers: Sequence[m.Register], today: date
) -> tuple[str, date, bool]:
    """(version, date, new?) that publishing now would print.

    Why: the Finnish, Swedish and English notice, PDF or HTML, of unchanged data is one
    version, so a translation published later keeps the number and date of the version it
    translates. Any change of content (in any section) makes the next number, dated today.
    """
    ids = [r.id for r in registers]
    last = _latest_published(registers)
    if last is not None and _unchanged_since(session, ids, last):
        return last.version, last.issued_on, False
    return next_version(v.version for v in _versions(registers)), today, True


def notice_data(
    session: Session,
    register_ids: Sequence[int],
    lang: str,
    *,
    today: date | None = None,
    version: str | None = None,
    dated: date | None = None,
) -> NoticeData:
    """The notice of these registers (one, or several of one controller) in `lang`.

    Version and date are what publishing now would print (`plan_version`): those of the
    last published version while nothing has changed, else the next number and `today`;
    `version` / `dated` override both.
    """
    _check_lang(lang)
    registers = find_registers(session, list(register_ids))
    history = _versions(registers)
    if version is None or dated is None:
        planned, planned_on, _new = plan_version(session, registers, today or _helsinki_today())
        version = planned if version is None else version
        dated = planned_on if dated is None else dated
    first = history[0].issued_on if history else None
    return notice_content(
        session,
        registers,
        lang,
        version=version,
        dated=dated,
        first_published=first if first is not None and first < dated else None,
    )


def _render(data: NoticeData, lang: str, fmt: str) -> bytes | str:
    if fmt == "pdf":
        return render_notice_pdf(data, lang)
    return render_notice_html(data, lang)


# --------------------------------------------------------------------------- use cases


def render(ctx: ServiceContext, register: RegisterRef, lang: str, fmt: str = "pdf") -> bytes | str:
    """The current notice: PDF bytes, or the HTML page as text. Stores nothing."""
    _check_lang(lang)
    _check_format(fmt)
    with ctx.read() as session:
        ids = [r.id for r in find_registers(session, register)]
        return _render(notice_data(session, ids, lang, today=ctx.today()), lang, fmt)


def _red(
    session: Session, registers: Sequence[m.Register], today: date, lang: str | None = None
) -> list[FindingRow]:
    """The red findings that concern these registers' notice: their own, their transfers',
    their controllers' and officers', the settings'; a finding about one language (a
    missing translation) only when publishing in that language (`lang`; None: any)."""
    ids = {r.id for r in registers}
    controllers = {rc.controller_id for r in registers for rc in r.controllers}
    officers = {
        rc.controller.dpo_id for r in registers for rc in r.controllers if rc.controller.dpo_id
    }

    def concerns(f: FindingRow) -> bool:
        if f.language and lang is not None and f.language != lang:
            return False
        return (
            (f.subject_kind == "register" and f.subject_id in ids)
            or (f.subject_kind == "transfer" and f.register_id in ids)
            or (f.subject_kind == "controller" and f.subject_id in controllers)
            or (f.subject_kind == "dpo" and f.subject_id in officers)
            or f.subject_kind == "settings"
        )

    return [f for f in check_session(session, today) if f.severity == "red" and concerns(f)]


def red_findings(
    ctx: ServiceContext, register: RegisterRef, lang: str | None = None
) -> list[FindingRow]:
    """The checker's red findings about the notice of these registers (in `lang`)."""
    with ctx.read() as session:
        return _red(session, find_registers(session, register), ctx.today(), lang)


def missing_translations(
    ctx: ServiceContext, register: RegisterRef, lang: str
) -> list[MissingText]:
    """The texts of these registers (and their controllers and officers) that have no
    version in `lang`: a notice in `lang` prints them in the primary language."""
    _check_lang(lang)
    with ctx.read() as session:
        out: list[MissingText] = []
        for reg in find_registers(session, register):
            out += [mt for mt in missing_texts(session, reg, lang) if mt not in out]
        return out


def next_version(existing: Iterable[str]) -> str:
    """One more than the highest leading number of the stored versions ("3", "v2.1")."""
    numbers = [
        int(found.group(1)) for v in existing if (found := re.match(r"\s*[vV]?(\d+)", v or ""))
    ]
    return str(max(numbers, default=0) + 1)


def _info(v: m.NoticeVersion) -> NoticeVersionInfo:
    return NoticeVersionInfo(
        id=v.id,
        register_id=v.register_id,
        register_name=v.register.name,
        version=v.version,
        issued_on=v.issued_on,
        language=v.language,
        format=v.format,
        note=v.note,
        sha256=v.sha256,
        size=len(v.content or b""),
        has_sections=bool(v.sections_json),
    )


def publish(
    ctx: ServiceContext,
    register: RegisterRef,
    lang: str,
    fmt: str = "pdf",
    *,
    confirm_red: bool = False,
    note: str | None = None,
    deliver: Callable[[bytes], None] | None = None,
) -> PublishedNotice:
    """Store the notice as a version of the register(s).

    Changed content becomes the next version, dated today; unchanged content in another
    language or format joins the last version (same number and date), and publishing the
    same version, language and format twice is refused.

    Refused (RedFindings) while red findings exist, unless `confirm_red`; the confirmed
    findings are named in the audit event. `deliver(content)` runs before the commit
    (e.g. writing the file the officer asked for): if it raises, nothing is stored.
    """
    _check_lang(lang)
    _check_format(fmt)
    with ctx.change() as tx:
        session = tx.session
        registers = find_registers(session, register)
        red = _red(session, registers, ctx.today(), lang)
        if red and not confirm_red:
            names = ", ".join(r.name for r in registers)
            raise RedFindings(
                _(
                    "{register} has {count} red finding(s); publishing the notice needs "
                    "confirmation."
                ).format(register=names, count=len(red)),
                red,
            )
        ids = [r.id for r in registers]
        version, dated, _new = plan_version(session, registers, ctx.today())
        if any(
            v.version == version and v.language == lang and v.format == fmt and v.sections_json
            for v in _versions(registers)
        ):
            raise ServiceError(
                _(
                    "Version {version} ({lang}, {format}) is already published and nothing has "
                    "changed since."
                ).format(version=version, lang=lang, format=fmt)
            )
        data = notice_data(session, ids, lang, version=version, dated=dated)
        rendered = _render(data, lang, fmt)
        content = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
        digest = hashlib.sha256(content).hexdigest()
        sections = json.dumps([list(s) for s in section_texts(data, lang)], ensure_ascii=False)
        rows = []
        for reg in registers:
            row = m.NoticeVersion(
                version=version,
                issued_on=dated,
                language=lang,
                format=fmt,
                note=(note or "").strip() or None,
                content=content,
                sections_json=sections,
                sha256=digest,
            )
            reg.notice_versions.append(row)
            rows.append(row)
        session.flush()
        confirmed = tuple(f"{f.code}: {f.subject_name}" for f in red)
        tx.audit(
            "publish",
            "notice",
            ",".join(str(r.id) for r in rows),
            None,
            {
                "registers": [r.name for r in registers],
                "register_ids": ids,
                "version": version,
                "issued_on": dated.isoformat(),
                "language": lang,
                "format": fmt,
                "sha256": digest,
                "size": len(content),
                "red_findings_confirmed": list(confirmed),
            },
        )
        published = PublishedNotice(tuple(_info(r) for r in rows), content, confirmed)
        if deliver is not None:
            deliver(content)
        return published


def list_versions(ctx: ServiceContext, register: RegisterRef) -> list[NoticeVersionInfo]:
    """Every stored version of the register(s), oldest first."""
    with ctx.read() as session:
        return [_info(v) for v in _versions(find_registers(session, register))]


def version_content(ctx: ServiceContext, version_id: int) -> bytes:
    """The stored bytes of one version (empty for versions known only by their date)."""
    with ctx.read() as session:
        row = session.get(m.NoticeVersion, version_id)
        if row is None:
            raise ServiceError(_("No notice version {id}.").format(id=version_id))
        return row.content or b""


def last_published(
    ctx: ServiceContext, register: RegisterRef, lang: str
) -> NoticeVersionInfo | None:
    """The latest version in `lang` that can be compared with (it has section texts)."""
    _check_lang(lang)
    with ctx.read() as session:
        row = _latest_published(find_registers(session, register), lang)
        return None if row is None else _info(row)


def changes_since_published(
    ctx: ServiceContext, register: RegisterRef, lang: str
) -> list[SectionChange]:
    """Section by section, how the current notice differs from the last one published in
    `lang` (every section ADDED when none was). The current text is built with the
    published version's number and date, so only the content can differ."""
    _check_lang(lang)
    with ctx.read() as session:
        registers = find_registers(session, register)
        ids = [r.id for r in registers]
        last = _latest_published(registers, lang)
        if last is None:
            old: list[tuple[str, str, str]] = []
            data = notice_data(session, ids, lang, today=ctx.today())
        else:
            old = [tuple(s) for s in json.loads(last.sections_json or "[]")]
            data = notice_data(session, ids, lang, version=last.version, dated=last.issued_on)
        return diff_sections(old, section_texts(data, lang))
