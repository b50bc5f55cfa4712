"""Create, read, update and delete controllers, processors, registers and data
protection officers.

Editors and the command line hand over the entity in its exchange form (the same dict
`rekisteri register show --json` prints), so every field the importer accepts can be
edited, and every edit is validated exactly like an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..i18n import _
from ..storage import models as m
from .context import ServiceContext, ServiceError, not_found
from .exchange import InvalidDocument, entity_to_dict, save_entity, validate_entity

MODELS: dict[str, type] = {
    "controllers": m.Controller,
    "processors": m.Processor,
    "registers": m.Register,
    "dpos": m.DataProtectionOfficer,
}


def _label(kind: str) -> str:
    return {
        "controllers": _("controller"),
        "processors": _("processor"),
        "registers": _("register"),
        "dpos": _("data protection officer"),
    }[kind]


def find(session: Session, kind: str, name_or_id: str | int) -> Any:
    """By numeric id, export key (`register-3`) or exact name (case-insensitive)."""
    model = MODELS[kind]
    text = str(name_or_id).strip()
    prefix = kind.removesuffix("s") + "-"
    ident = text.removeprefix(prefix)
    if ident.isdigit():
        obj = session.get(model, int(ident))
        if obj is not None:
            return obj
    matches = session.scalars(select(model).where(func.lower(model.name) == text.lower())).all()
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ServiceError(
            _("Several {kind}s are named {name!r}: use the id.").format(
                kind=_label(kind), name=text
            )
        )
    raise not_found(_label(kind), text)


def get(ctx: ServiceContext, kind: str, name_or_id: str | int) -> dict[str, Any]:
    with ctx.read() as session:
        return entity_to_dict(session, kind, find(session, kind, name_or_id))


def save(
    ctx: ServiceContext, kind: str, data: dict[str, Any], name_or_id: str | int | None = None
) -> dict[str, Any]:
    """Create (no `name_or_id`) or replace one entity; returns it as stored."""
    with ctx.change() as tx:
        current = None if name_or_id is None else find(tx.session, kind, name_or_id)
        before = None if current is None else entity_to_dict(tx.session, kind, current)
        problems = validate_entity(tx.session, kind, data, None if current is None else current.id)
        if problems:
            raise InvalidDocument(problems)
        obj = save_entity(tx.session, kind, data, current)
        after = entity_to_dict(tx.session, kind, obj)
        tx.audit("create" if current is None else "update", kind[:-1], obj.id, before, after)
        return after


def delete(ctx: ServiceContext, kind: str, name_or_id: str | int) -> None:
    with ctx.change() as tx:
        obj = find(tx.session, kind, name_or_id)
        before = entity_to_dict(tx.session, kind, obj)
        tx.session.delete(obj)
        try:
            tx.session.flush()
        except IntegrityError:
            raise ServiceError(
                _(
                    "{name} is still referred to (by a register, a transfer, a request or a "
                    "breach) and cannot be deleted."
                ).format(name=before.get("name"))
            ) from None
        tx.audit("delete", kind[:-1], obj.id, before, None)


def duplicate_register(ctx: ServiceContext, name_or_id: str | int, new_name: str) -> dict[str, Any]:
    """Start a new register from an existing one (notice versions are not copied)."""
    data = get(ctx, "registers", name_or_id)
    for category in data["data_categories"]:
        category["key"] = "copy-" + category["key"]
    for rule in data["retention_rules"]:
        if rule["data_category"]:
            rule["data_category"] = "copy-" + rule["data_category"]
    data = _strip_keys(data)
    data["name"] = new_name
    data["notice_versions"] = []
    return save(ctx, "registers", data)


def _strip_keys(value: Any) -> Any:
    """Drop the register's own key so the copy is a new row; the rest stays."""
    value = dict(value)
    value.pop("key", None)
    return value


# -------------------------------------------------------------------- the lists
#
# Each list is one query (counts as scalar subqueries, the registers' controllers in one
# more for the page), ordered and filtered in SQL and read a page at a time; the window
# re-queries to sort or filter. Text matches case-insensitively also for å, ä and ö
# (the `casefold` SQL function of storage/database.py).

PAGE = 200


@dataclass(frozen=True)
class RegisterRow:
    id: int
    name: str
    controllers: str
    categories: int
    transfers: int
    processors: int


def _count(model: Any) -> Any:
    return (
        select(func.count())
        .select_from(model)
        .where(model.register_id == m.Register.id)
        .correlate(m.Register)
        .scalar_subquery()
    )


def _matches(text: str | None, *columns: Any) -> Any | None:
    if not text or not text.strip():
        return None
    needle = text.strip().casefold()
    return or_(*(func.casefold(c).contains(needle, autoescape=True) for c in columns))


def _ordered(keys: list[Any], descending: bool) -> list[Any]:
    return [k.desc() for k in keys] if descending else keys


REGISTER_ORDERS = ("name", "categories", "transfers", "processors")


def register_page(
    ctx: ServiceContext,
    *,
    offset: int = 0,
    limit: int = PAGE,
    text: str | None = None,
    order: str = "name",
    descending: bool = False,
) -> list[RegisterRow]:
    """Registers with their controllers and counts, a page at a time."""
    R = m.Register
    counts = {
        "categories": _count(m.DataCategory).label("categories"),
        "transfers": _count(m.Transfer).label("transfers"),
        "processors": _count(m.RegisterProcessor).label("processors"),
    }
    stmt = select(R.id, R.name, *counts.values())
    condition = _matches(text, R.name)
    if condition is not None:
        stmt = stmt.where(condition)
    keys = [func.casefold(R.name), R.id] if order == "name" else [counts[order], R.name, R.id]
    with ctx.read() as session:
        found = session.execute(
            stmt.order_by(*_ordered(keys, descending)).offset(offset).limit(limit)
        ).all()
        names: dict[int, list[str]] = {row.id: [] for row in found}
        if names:
            for register_id, name in session.execute(
                select(m.RegisterController.register_id, m.Controller.name)
                .join(m.Controller)
                .where(m.RegisterController.register_id.in_(names))
                .order_by(m.RegisterController.position, m.RegisterController.id)
            ):
                names[register_id].append(name)
        return [
            RegisterRow(
                r.id, r.name, ", ".join(names[r.id]), r.categories, r.transfers, r.processors
            )
            for r in found
        ]


def count_registers(ctx: ServiceContext, text: str | None = None) -> int:
    stmt = select(func.count()).select_from(m.Register)
    condition = _matches(text, m.Register.name)
    with ctx.read() as session:
        return session.scalar(stmt if condition is None else stmt.where(condition)) or 0


def list_registers(ctx: ServiceContext) -> list[RegisterRow]:
    return register_page(ctx, limit=-1)


@dataclass(frozen=True)
class ProcessorRow:
    id: int
    name: str
    business_id: str | None
    country: str | None
    services: str
    dpa_signed_on: Any
    dpa_review_on: Any


PROCESSOR_ORDERS = ("name", "business_id", "country", "services", "signed", "review")


def processor_page(
    ctx: ServiceContext,
    *,
    offset: int = 0,
    limit: int = PAGE,
    text: str | None = None,
    order: str = "name",
    descending: bool = False,
) -> list[ProcessorRow]:
    """Processors with their agreement dates, a page at a time."""
    P = m.Processor
    columns = {
        "name": func.casefold(P.name),
        "business_id": P.business_id,
        "country": P.country,
        "services": func.casefold(P.services),
        "signed": P.dpa_signed_on,
        "review": P.dpa_review_on,
    }
    stmt = select(P)
    condition = _matches(text, P.name, P.business_id, P.services)
    if condition is not None:
        stmt = stmt.where(condition)
    keys = [columns[order], func.casefold(P.name), P.id]
    with ctx.read() as session:
        return [
            ProcessorRow(
                p.id,
                p.name,
                p.business_id,
                p.country,
                ", ".join((p.services or "").splitlines()),
                p.dpa_signed_on,
                p.dpa_review_on,
            )
            for p in session.scalars(
                stmt.order_by(*_ordered(keys, descending)).offset(offset).limit(limit)
            )
        ]


def count_processors(ctx: ServiceContext, text: str | None = None) -> int:
    P = m.Processor
    stmt = select(func.count()).select_from(P)
    condition = _matches(text, P.name, P.business_id, P.services)
    with ctx.read() as session:
        return session.scalar(stmt if condition is None else stmt.where(condition)) or 0


def list_processors(ctx: ServiceContext) -> list[ProcessorRow]:
    return processor_page(ctx, limit=-1)


@dataclass(frozen=True)
class ControllerRow:
    id: int
    name: str
    business_id: str | None


CONTROLLER_ORDERS = ("name", "business_id")


def controller_page(
    ctx: ServiceContext,
    *,
    offset: int = 0,
    limit: int = PAGE,
    text: str | None = None,
    order: str = "name",
    descending: bool = False,
) -> list[ControllerRow]:
    C = m.Controller
    stmt = select(C.id, C.name, C.business_id)
    condition = _matches(text, C.name, C.business_id)
    if condition is not None:
        stmt = stmt.where(condition)
    first = func.casefold(C.name) if order == "name" else C.business_id
    keys = [first, func.casefold(C.name), C.id]
    with ctx.read() as session:
        found = session.execute(
            stmt.order_by(*_ordered(keys, descending)).offset(offset).limit(limit)
        )
        return [ControllerRow(*row) for row in found]


def count_controllers(ctx: ServiceContext, text: str | None = None) -> int:
    C = m.Controller
    stmt = select(func.count()).select_from(C)
    condition = _matches(text, C.name, C.business_id)
    with ctx.read() as session:
        return session.scalar(stmt if condition is None else stmt.where(condition)) or 0


def list_controllers(ctx: ServiceContext) -> list[ControllerRow]:
    return controller_page(ctx, limit=-1)


@dataclass(frozen=True)
class OfficerRow:
    id: int
    name: str  # the name, else the role: how the officer is chosen in a picker
    email: str | None
    controllers: str


def list_dpos(ctx: ServiceContext) -> list[OfficerRow]:
    """The data protection officers with the controllers that refer to them."""
    with ctx.read() as session:
        served: dict[int, list[str]] = {}
        for c in session.scalars(select(m.Controller).order_by(m.Controller.name)):
            if c.dpo_id is not None:
                served.setdefault(c.dpo_id, []).append(c.name)
        return [
            OfficerRow(
                o.id,
                o.name or o.role or _("data protection officer {id}").format(id=o.id),
                o.email,
                ", ".join(served.get(o.id, [])),
            )
            for o in session.scalars(
                select(m.DataProtectionOfficer).order_by(m.DataProtectionOfficer.id)
            )
        ]
