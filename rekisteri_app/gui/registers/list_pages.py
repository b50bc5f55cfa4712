"""The lists of the record of processing: registers, processors, controllers, data
protection officers and transfers outside the EU/EEA, as the main window shows them
(columns, sort keys, the hint shown while a list is empty). The window wires their
signals to the editors."""

from __future__ import annotations

from ...domain import vocabulary
from ...i18n import N_, current_language
from ..formatting import format_date
from ..pages import ListPage
from ..table_models import TableColumn


def _country(code: str | None) -> str:
    if not code:
        return ""
    from ...domain.adequacy import country_name

    return country_name(code, current_language())


def registers_page() -> ListPage:
    """Registers with their controllers and counts (Duplicate shown)."""
    return ListPage(
        N_("Registers"),
        [
            TableColumn(N_("Name"), lambda r: r.name),
            TableColumn(N_("Controllers"), lambda r: r.controllers, stretch=True),
            TableColumn(N_("Data categories"), lambda r: r.categories),
            TableColumn(N_("Transfers"), lambda r: r.transfers),
            TableColumn(N_("Processors"), lambda r: r.processors),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        duplicate=True,
        empty_hint=N_(
            "No registers yet. Press New (Ctrl+N) to describe the first one, or import a "
            "JSON document (File → Import JSON…)."
        ),
    )


def processors_page() -> ListPage:
    """Processors with their agreement dates."""
    return ListPage(
        N_("Processors"),
        [
            TableColumn(N_("Name"), lambda r: r.name),
            TableColumn(N_("Business ID"), lambda r: r.business_id),
            TableColumn(N_("Country"), lambda r: _country(r.country)),
            TableColumn(N_("Services"), lambda r: r.services, stretch=True),
            TableColumn(
                N_("Agreement signed"),
                lambda r: format_date(r.dpa_signed_on),
                sort=lambda r: str(r.dpa_signed_on or ""),
            ),
            TableColumn(
                N_("Agreement review"),
                lambda r: format_date(r.dpa_review_on),
                sort=lambda r: str(r.dpa_review_on or ""),
            ),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        empty_hint=N_(
            "No processors yet: add the companies that process personal data "
            "on your behalf under a processing agreement."
        ),
    )


def controllers_page() -> ListPage:
    """Controllers by name and business ID."""
    return ListPage(
        N_("Controllers"),
        [
            TableColumn(N_("Name"), lambda r: r.name, stretch=True),
            TableColumn(N_("Business ID"), lambda r: r.business_id),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        empty_hint=N_("No controllers yet: add your own company first; registers refer to it."),
    )


def dpos_page() -> ListPage:
    """Data protection officers and the controllers that refer to each."""
    return ListPage(
        N_("Data protection officers"),
        [
            TableColumn(N_("Name"), lambda r: r.name),
            TableColumn(N_("E-mail"), lambda r: r.email),
            TableColumn(N_("Controllers"), lambda r: r.controllers, stretch=True),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        empty_hint=N_(
            "No data protection officers yet. Add one here and choose it in each "
            "controller it serves: the notice prints it once."
        ),
    )


def transfers_page() -> ListPage:
    """Every transfer of every register, one row each."""
    return ListPage(
        N_("Transfers outside the EU/EEA"),
        [
            TableColumn(N_("Country"), lambda r: _country(r.country)),
            TableColumn(N_("Recipient"), lambda r: r.recipient),
            TableColumn(
                N_("Safeguard"), lambda r: vocabulary.label(vocabulary.SAFEGUARDS, r.safeguard)
            ),
            TableColumn(N_("Register"), lambda r: r.register_name, stretch=True),
            TableColumn(N_("Status"), lambda r: None, badge=True),
        ],
        empty_hint=N_(
            "No transfers outside the EU/EEA are recorded. Transfers belong to "
            "registers: add them here or in a register's editor."
        ),
    )
