"""Every transfer outside the EU/EEA, across registers: the list the window shows.

A transfer belongs to its register and is edited through it (`entities.save`); this
module only reads, inside `ctx.read()`, and returns frozen rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..storage import models as m
from .context import ServiceContext


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
        registers = session.scalars(
            select(m.Register)
            .order_by(m.Register.name)
            .options(selectinload(m.Register.transfers).selectinload(m.Transfer.processor))
        ).all()
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
