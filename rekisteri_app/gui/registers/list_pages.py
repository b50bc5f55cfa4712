"""The lists of the record of processing: registers, processors, controllers, data
protection officers and transfers outside the EU/EEA, as the main window shows them
(columns, their SQL orders, the hint shown while a list is empty). Registers,
processors and controllers are paged queries (services/entities.py); the data
protection officers and the transfers, a few each, are lists in memory. The window
wires their signals to the editors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...domain import vocabulary
from ...i18n import N_, current_language
from ...services import entities
from ..formatting import format_date
from ..pages import ListPage, memory_source
from ..table_models import TableColumn


def _country(code: str | None) -> str:
    if not code:
        return ""
    from ...domain.adequacy import country_name

    return country_name(code, current_language())


def _paged(page: Callable[..., Sequence[Any]], ctx: Any) -> Any:
    def fetch(offset: int, limit: int, text: str | None, order: str | None, desc: bool):
        return page(ctx, offset=offset, limit=limit, text=text, order=order, descending=desc)

    return fetch


def registers_page(ctx: Any) -> ListPage:
    """Registers with their controllers and counts (Duplicate shown)."""
    return ListPage(
        N_("Registers"),
        [
            TableColumn(N_("Name"), lambda r: r.name, order="name"),
            TableColumn(N_("Controllers"), lambda r: r.controllers, stretch=True),
            TableColumn(N_("Data categories"), lambda r: r.categories, order="categories"),
            TableColumn(N_("Transfers"), lambda r: r.transfers, order="transfers"),
            TableColumn(N_("Processors"), lambda r: r.processors, order="processors"),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        fetch=_paged(entities.register_page, ctx),
        count=lambda text: entities.count_registers(ctx, text),
        duplicate=True,
        empty_hint=N_(
            "No registers yet. Press New (Ctrl+N) to describe the first one, or import a "
            "JSON document (File → Import JSON…)."
        ),
    )


def processors_page(ctx: Any) -> ListPage:
    """Processors with their agreement dates."""
    return ListPage(
        N_("Processors"),
        [
            TableColumn(N_("Name"), lambda r: r.name, order="name"),
            TableColumn(N_("Business ID"), lambda r: r.business_id, order="business_id"),
            TableColumn(N_("Country"), lambda r: _country(r.country), order="country"),
            TableColumn(N_("Services"), lambda r: r.services, stretch=True, order="services"),
            TableColumn(
                N_("Agreement signed"), lambda r: format_date(r.dpa_signed_on), order="signed"
            ),
            TableColumn(
                N_("Agreement review"), lambda r: format_date(r.dpa_review_on), order="review"
            ),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        fetch=_paged(entities.processor_page, ctx),
        count=lambda text: entities.count_processors(ctx, text),
        empty_hint=N_(
            "No processors yet: add the companies that process personal data "
            "on your behalf under a processing agreement."
        ),
    )


def controllers_page(ctx: Any) -> ListPage:
    """Controllers by name and business ID."""
    return ListPage(
        N_("Controllers"),
        [
            TableColumn(N_("Name"), lambda r: r.name, stretch=True, order="name"),
            TableColumn(N_("Business ID"), lambda r: r.business_id, order="business_id"),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        fetch=_paged(entities.controller_page, ctx),
        count=lambda text: entities.count_controllers(ctx, text),
        empty_hint=N_("No controllers yet: add your own company first; registers refer to it."),
    )


def dpos_page(ctx: Any) -> ListPage:
    """Data protection officers and the controllers that refer to each (a few)."""
    columns = [
        TableColumn(N_("Name"), lambda r: r.name, order="name"),
        TableColumn(N_("E-mail"), lambda r: r.email, order="email"),
        TableColumn(N_("Controllers"), lambda r: r.controllers, stretch=True, order="controllers"),
        TableColumn(N_("Status"), lambda r: None, badge=True),
    ]
    fetch, count = memory_source(lambda: entities.list_dpos(ctx), columns)
    return ListPage(
        N_("Data protection officers"),
        columns,
        fetch=fetch,
        count=count,
        empty_hint=N_(
            "No data protection officers yet. Add one here and choose it in each "
            "controller it serves: the notice prints it once."
        ),
    )


def transfers_page(rows: Callable[[], Sequence[Any]]) -> ListPage:
    """Every transfer of every register, one row each (`rows`: the window's list)."""
    columns = [
        TableColumn(N_("Country"), lambda r: _country(r.country), order="country"),
        TableColumn(N_("Recipient"), lambda r: r.recipient, order="recipient"),
        TableColumn(
            N_("Safeguard"),
            lambda r: vocabulary.label(vocabulary.SAFEGUARDS, r.safeguard),
            order="safeguard",
        ),
        TableColumn(N_("Register"), lambda r: r.register_name, stretch=True, order="register"),
        TableColumn(N_("Status"), lambda r: None, badge=True),
    ]
    fetch, count = memory_source(rows, columns)
    return ListPage(
        N_("Transfers outside the EU/EEA"),
        columns,
        fetch=fetch,
        count=count,
        empty_hint=N_(
            "No transfers outside the EU/EEA are recorded. Transfers belong to "
            "registers: add them here or in a register's editor."
        ),
    )
