"""Issued letters as archive records: listing, the stored bytes, reprints stamped as
copies in the letter's own language, the embedded enclosures.

An issued letter is never changed or deleted: the ORM guard in storage/models.py
refuses updates and `delete_letter` always refuses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from ...documents.letters.templates import catalogue
from ...domain.case_numbers import canonical_case_number
from ...domain.enums import Language, LetterKind, SentVia
from ...domain.repeat_requests import normalise_name
from ...i18n import _
from ...storage import models as m
from .. import requests as rq
from ..context import ServiceContext, ServiceError, not_found
from ._common import LetterImmutable, kind_label, sent_via_label


@dataclass(frozen=True)
class LetterInfo:
    id: int
    case_number: str
    subject_name: str
    kind: LetterKind
    language: Language
    issued_on: date
    sent_via: SentVia
    sha256: str
    size: int
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_number": self.case_number,
            "subject_name": self.subject_name,
            "kind": self.kind.value,
            "language": self.language.value,
            "issued_on": self.issued_on.isoformat(),
            "sent_via": self.sent_via.value,
            "sha256": self.sha256,
            "size": self.size,
        }


def delete_letter(ctx: ServiceContext, letter_id: int) -> None:
    """Issued letters are archive records: always refused, say so clearly."""
    with ctx.read() as session:
        if session.get(m.Letter, letter_id) is None:
            raise not_found(_("letter"), letter_id)
    raise LetterImmutable(
        _("An issued letter cannot be deleted (letter {id}).").format(id=letter_id)
    )


def _info(letter: m.Letter) -> LetterInfo:
    return LetterInfo(
        id=letter.id,
        case_number=letter.request.case_number,
        subject_name=letter.request.subject.name,
        kind=LetterKind(letter.kind),
        language=Language(letter.language),
        issued_on=letter.issued_on,
        sent_via=SentVia(letter.sent_via),
        sha256=letter.sha256,
        size=len(letter.pdf or b""),
        created_at=letter.created_at,
    )


def _letter(session: Session, letter_id: int) -> m.Letter:
    letter = session.get(m.Letter, int(letter_id))
    if letter is None:
        raise not_found(_("letter"), letter_id)
    return letter


def letter_pdf(ctx: ServiceContext, letter_id: int) -> bytes:
    """The stored bytes, exactly as issued."""
    with ctx.read() as session:
        return bytes(_letter(session, letter_id).pdf)


def reprint(ctx: ServiceContext, letter_id: int) -> bytes:
    """The stored letter stamped KOPIO / KOPIA / COPY in the letter's own language.

    The stamp is laid over the stored pages, so the copy shows exactly what was sent
    even if the wording or settings changed since; the stored bytes never change."""
    from ...documents.letters.stamp import stamp_pdf

    with ctx.read() as session:
        letter = _letter(session, letter_id)
        pdf, lang = _intact(letter), Language(letter.language)
    return _read_pdf(letter_id, lambda: stamp_pdf(pdf, catalogue(lang)["labels"]["copy_stamp"]))


def enclosure_files(ctx: ServiceContext, letter_id: int) -> list[tuple[str, bytes]]:
    """The machine-readable enclosures embedded in an issued letter (portability)."""
    from ...documents.letters.stamp import attached_files

    with ctx.read() as session:
        pdf = _intact(_letter(session, letter_id))
    return _read_pdf(letter_id, lambda: attached_files(pdf))


def _damaged(letter_id: int) -> ServiceError:
    return ServiceError(
        _(
            "Letter {id} is damaged: its archived bytes do not match their SHA-256 or are not "
            "a readable PDF, so no copy can be made. Restore the database from a backup."
        ).format(id=letter_id)
    )


def _intact(letter: m.Letter) -> bytes:
    """The archived bytes, if they are still the bytes that were issued."""
    pdf = bytes(letter.pdf or b"")
    if hashlib.sha256(pdf).hexdigest() != letter.sha256:
        raise _damaged(letter.id)
    return pdf


def _read_pdf(letter_id: int, work: Any) -> Any:
    try:
        return work()
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        if isinstance(exc, ServiceError):
            raise
        raise _damaged(letter_id) from None


# ------------------------------------------------------------------------ the list

LETTER_ORDERS = ("date", "case", "subject", "kind", "language", "sent_via")
PAGE = 200
_L, _R, _P = m.Letter, m.RightsRequest, m.Person
_COLUMNS = (
    _L.id,
    _R.case_number,
    _P.name.label("subject_name"),
    _L.kind,
    _L.language,
    _L.issued_on,
    _L.sent_via,
    _L.sha256,
    func.length(_L.pdf).label("size"),  # from the record header: the bytes are not read
    _L.created_at,
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _select(columns, text: str | None = None, case_id: int | None = None) -> Select:
    stmt = select(*columns).select_from(_L).join(_R, _L.request_id == _R.id)
    stmt = stmt.join(_P, _R.subject_id == _P.id)
    if case_id is not None:
        stmt = stmt.where(_L.request_id == case_id)
    if text and text.strip():
        words = normalise_name(text).split()
        number = _R.case_number.like(_like(canonical_case_number(text)), escape="\\")
        names = and_(*(_P.name_key.like(_like(w), escape="\\") for w in words))
        stmt = stmt.where(or_(number, names) if words else number)
    return stmt


def _order(order: str, descending: bool) -> list:
    newest = [_L.issued_on, _L.id]
    if order == "date":
        keys = newest
    elif order == "case":
        keys = [_R.year, _R.sequence, _R.case_number, _L.id]
    elif order == "subject":
        keys = [_P.name.collate("NOCASE"), _L.id]
    elif order == "kind":
        labels = {k.value: kind_label(k).casefold() for k in LetterKind}
        keys = [case(labels, value=_L.kind, else_=_L.kind), *newest]
    elif order == "language":
        keys = [_L.language, *newest]
    elif order == "sent_via":
        labels = {s.value: sent_via_label(s).casefold() for s in SentVia}
        keys = [case(labels, value=_L.sent_via, else_=_L.sent_via), *newest]
    else:
        raise ValueError(order)
    return [k.desc() for k in keys] if descending else keys


def _row_info(row) -> LetterInfo:
    return LetterInfo(
        id=row.id,
        case_number=row.case_number,
        subject_name=row.subject_name,
        kind=LetterKind(row.kind),
        language=Language(row.language),
        issued_on=row.issued_on,
        sent_via=SentVia(row.sent_via),
        sha256=row.sha256,
        size=row.size or 0,
        created_at=row.created_at,
    )


def letter_page(
    ctx: ServiceContext,
    *,
    offset: int = 0,
    limit: int = PAGE,
    text: str | None = None,
    order: str = "date",
    descending: bool = True,
) -> list[LetterInfo]:
    """One page of issued letters (newest first by default), in one query: no PDF bytes
    are read and no query runs per letter."""
    with ctx.read() as session:
        stmt = _select(_COLUMNS, text).order_by(*_order(order, descending))
        return [_row_info(r) for r in session.execute(stmt.offset(offset).limit(limit))]


def count_letters(ctx: ServiceContext, text: str | None = None) -> int:
    with ctx.read() as session:
        return session.scalar(_select((func.count(),), text)) or 0


def list_letters(ctx: ServiceContext, case: str | None = None) -> list[LetterInfo]:
    """Issued letters, newest first; only those of `case` when given."""
    with ctx.read() as session:
        case_id = None if not case else rq.find_case(session, case).id
        stmt = _select(_COLUMNS, case_id=case_id).order_by(*_order("date", True))
        return [_row_info(r) for r in session.execute(stmt)]
