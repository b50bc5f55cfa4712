"""Read-only queries the window needs that the services do not offer (yet).

Both only read, inside `ctx.read()`, and return plain frozen rows, so no ORM object
outlives its session and nothing here can change data. They belong in services/ once a
second front end (the CLI, the audit pack) needs the same list; see the hand-over note.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..services.context import ServiceContext
from ..storage import models as m


@dataclass(frozen=True)
class TransferRow:
    """One transfer with its register; `index` is its place in the register's list."""

    id: int
    register_id: int
    register_name: str
    index: int
    country: str
    recipient: str
    safeguard: str
    scc_module: str | None
    processor: str | None


def transfer_rows(ctx: ServiceContext) -> list[TransferRow]:
    """Every transfer of every register, in register then list order.

    `index` matches the position in `entities.get(ctx, "registers", id)["transfers"]`,
    which is how an editor finds the transfer again: a register save rebuilds its
    transfer rows, so the row id alone does not survive an edit.
    """
    with ctx.read() as session:
        rows = []
        registers = session.scalars(select(m.Register).order_by(m.Register.name)).all()
        for register in registers:
            for index, transfer in enumerate(register.transfers):
                rows.append(
                    TransferRow(
                        transfer.id,
                        register.id,
                        register.name,
                        index,
                        transfer.country,
                        transfer.recipient,
                        transfer.safeguard,
                        transfer.scc_module,
                        transfer.processor.name if transfer.processor is not None else None,
                    )
                )
        return rows


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before_json: str | None
    after_json: str | None


def audit_rows(ctx: ServiceContext) -> list[AuditRow]:
    """The audit trail, oldest first (the view sorts newest first)."""
    with ctx.read() as session:
        return [
            AuditRow(
                e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.before_json, e.after_json
            )
            for e in session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]


def verify_audit(ctx: ServiceContext):
    """storage.audit.verify in a read session: is the hash chain unbroken?"""
    from ..storage import audit

    with ctx.read() as session:
        return audit.verify(session)
