"""The Requests page: every rights-request case by due date, with its deadline rule.

Self-contained: `RequestsPage(ctx)` with `refresh()`; it opens the intake and case
dialogs itself and emits `changed` after anything was stored, so the window can refresh
its other pages (the dashboard). The table model here is shared with the dashboard.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.deadlines import Urgency
from ..i18n import N_, _, current_language, ngettext
from ..services import requests as rq
from ..services.requests_labels import RIGHTS, STATUSES, URGENCIES, label
from .table_models import ROW_ROLE, SORT_ROLE, FilteredTable, RowsModel

Index = QModelIndex | QPersistentModelIndex

# Tints for whole rows and strong colours for the due date (as the findings badges).
URGENCY_BACKGROUND = {
    Urgency.OVERDUE: "#fde4e1",
    Urgency.DUE_SOON: "#fff1d2",
    Urgency.SUSPENDED: "#e8ecf7",
}
URGENCY_FOREGROUND = {
    Urgency.OVERDUE: "#c62828",
    Urgency.DUE_SOON: "#a15c00",
    Urgency.OK: "#2e7d32",
    Urgency.SUSPENDED: "#3949ab",
}
TITLE_STYLE = "font-size: 14pt; font-weight: bold;"


def date_locale() -> str:
    """Babel locale for dates: British English rather than 11/2/26."""
    lang = current_language()
    return "en_GB" if lang == "en" else lang


def format_date(value: date | str | None, fmt: str = "short") -> str:
    """A date in the UI language (2.11.2026 in Finnish, 2 Nov 2026 in English)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    from babel.dates import format_date as babel_format_date

    if fmt == "short":
        fmt = {"fi": "d.M.yyyy", "sv": "yyyy-MM-dd"}.get(current_language(), "d MMM yyyy")
    return babel_format_date(value, format=fmt, locale=date_locale())


def format_weekday_date(value: date) -> str:
    """Weekday and date, for the deadline explanation (ma 7.12.2026)."""
    from babel.dates import format_date as babel_format_date

    fmt = {"fi": "EEEEEE d.M.yyyy", "sv": "EEE yyyy-MM-dd"}.get(
        current_language(), "EEE d MMM yyyy"
    )
    return babel_format_date(value, format=fmt, locale=date_locale())


def days_left_text(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return ngettext("{n} day late", "{n} days late", -days).format(n=-days)
    if days == 0:
        return _("due today")
    return ngettext("{n} day", "{n} days", days).format(n=days)


def open_intake(ctx: Any, parent: QWidget, logged: Any) -> Any:
    """The intake form, window-modal but not blocking; `logged(case_number)` runs after."""
    from .request_dialog import IntakeDialog

    dialog = IntakeDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: logged(dialog.case_number))
    dialog.open()
    return dialog


def title_label(text: str) -> QLabel:
    widget = QLabel(text)
    widget.setStyleSheet(TITLE_STYLE)
    return widget


# ------------------------------------------------------------------------ model


COLUMNS: tuple[tuple[str, str], ...] = (
    ("case", N_("Case")),
    ("received", N_("Received")),
    ("due", N_("Due")),
    ("left", N_("Time left")),
    ("status", N_("Status")),
    ("subject", N_("Data subject")),
    ("rights", N_("Rights")),
)
DUE_COLUMN = 2


class RequestTableModel(RowsModel):
    """Rows of `services.requests.RequestRow`, coloured by urgency."""

    def __init__(self, parent: Any = None, columns: Sequence[str] | None = None) -> None:
        keys = columns or [key for key, _title in COLUMNS]
        super().__init__([(key, title) for key, title in COLUMNS if key in keys], parent)
        self.rows: list[rq.RequestRow] = []

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section][1])
        return None

    def _text(self, row: rq.RequestRow, key: str) -> str:
        if key == "case":
            return row.case_number
        if key == "received":
            return format_date(row.received_on)
        if key == "subject":
            if row.requester:
                return _("{subject} (by {requester})").format(
                    subject=row.subject, requester=row.requester
                )
            return row.subject
        if key == "rights":
            return ", ".join(label(RIGHTS, r).split(" (")[0] for r in row.rights)
        if key == "status":
            return label(STATUSES, row.status)
        if key == "due":
            if row.due is None:
                return (
                    label(URGENCIES, row.urgency)
                    if row.urgency in (Urgency.SUSPENDED, Urgency.NO_DEADLINE)
                    else ""
                )
            text = format_date(row.due)
            return text + (" " + _("(extended)") if row.extended else "")
        if key == "left":
            if row.status not in rq.OPEN_STATUSES:
                return ""
            return days_left_text(row.days_left)
        return ""

    def _sort(self, row: rq.RequestRow, key: str) -> Any:
        if key == "case":
            return (row.received_on.year, row.case_number)
        if key == "received":
            return row.received_on.isoformat()
        if key in ("due", "left"):
            rank, due, received, case = rq.sort_key(row)
            return f"{rank}{due.isoformat()}{received.isoformat()}{case}"
        return self._text(row, key).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == SORT_ROLE:
            return self._sort(row, key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = URGENCY_BACKGROUND.get(row.urgency)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and key in ("due", "left"):
            colour = URGENCY_FOREGROUND.get(row.urgency)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # The full text (columns are capped in width) and the urgency in words.
            tip = "\n".join(
                x for x in (self._text(row, key), label(URGENCIES, row.urgency), row.problem) if x
            )
            if key == "rights":
                tip = "\n".join(label(RIGHTS, r) for r in row.rights)
            return tip
        return None


class RequestFilter(QSortFilterProxyModel):
    """Text in any column and, optionally, one status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_status(self, status: str | None) -> None:
        self.change_filter(lambda: setattr(self, "status", status))

    def change_filter(self, change: Any) -> None:
        """Apply `change()` and re-filter (Qt 6.9+ way when there is one)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if self.status and row is not None and row.status != self.status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def make_table(model: QAbstractTableModel, proxy: QSortFilterProxyModel) -> QTableView:
    proxy.setSourceModel(model)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 220  # long statuses and names are elided; the tooltip has them whole


def fit_columns(table: QTableView) -> None:
    """Fit to content within limits; the last column (rights) takes the rest."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(
            column, min(max(header.sectionSize(column) + 12, 70), MAX_COLUMN_WIDTH)
        )


# ------------------------------------------------------------------------ page


class RequestsPage(FilteredTable, QWidget):
    """The case list with a preview of the selected case's deadline rule and timeline."""

    changed = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title_text = N_("Requests")
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title_label(_("Requests")))
        header.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("All statuses"), None)
        self.status_filter.addItem(_("Open cases"), "open")
        for value, text in STATUSES.items():
            self.status_filter.addItem(_(text), str(value))
        header.addWidget(self.status_filter)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(240)
        header.addWidget(self.filter)
        layout.addLayout(header)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New request…"))
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton(_("Open"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        self.letter_button = QPushButton(_("Letter…"))  # the letter dialog of the case
        self.letter_button.setShortcut("Ctrl+L")
        self.letter_button.setToolTip("Ctrl+L")
        buttons.addWidget(self.letter_button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.model = RequestTableModel(self)
        self.proxy = _OpenFilter(self)
        self.table = make_table(self.model, self.proxy)
        self.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(lambda url: self.open_case(url.toString()))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.hint = QLabel(_("No requests yet. Press “New request…” to log the first one."))
        self.hint.setStyleSheet("color: #666;")
        layout.addWidget(self.hint)

        self.new_button.clicked.connect(self.new_request)
        self.open_button.clicked.connect(self.open_selected)
        self.letter_button.clicked.connect(self.open_letter)
        self.table.activated.connect(lambda index: self.open_case(index.data(ROW_ROLE).case_number))
        self.filter.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._set_status(self.status_filter.currentData())
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.status_filter.setCurrentIndex(1)  # open cases first; "All statuses" above

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        selected = self.current_case()
        self.model.set_rows(rq.list_requests(self.ctx))
        fit_columns(self.table)
        if selected:
            self.select_case(selected)
        self.hint.setVisible(not self.model.rows)
        self._update()

    def current_case(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE).case_number if rows else None

    def select_case(self, case: str) -> bool:
        return self.select_where(lambda row: row.case_number == case)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update()

    def _set_status(self, status: str | None) -> None:
        self.proxy.set_status(status)
        self._update()

    def _update(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            ngettext("{n} case", "{n} cases", total).format(n=total)
            if shown == total
            else _("{shown} of {total} cases").format(shown=shown, total=total)
        )
        self.open_button.setEnabled(self.current_case() is not None)
        self.letter_button.setEnabled(self.current_case() is not None)

    def _selection_changed(self, *_args: Any) -> None:
        self._update()
        case = self.current_case()
        if case is None:
            self.preview.clear()
            return
        self.preview.setHtml(
            case_html(rq.get_request(self.ctx, case, date_format=format_weekday_date))
        )

    # --------------------------------------------------------------- actions
    def new_request(self) -> Any:
        return open_intake(self.ctx, self, self._logged)

    def _logged(self, case: str | None) -> None:
        self._stored()
        if case:
            self.select_case(case)
            self.open_case(case)

    def open_letter(self) -> Any:
        from .letter_dialog import open_letter_dialog

        case = self.current_case()
        return open_letter_dialog(self, self.ctx, case, self._stored) if case else None

    def open_selected(self) -> None:
        case = self.current_case()
        if case:
            self.open_case(case)

    def open_case(self, case: str) -> Any:
        return show_case(self, self.ctx, case, self._stored)

    def _stored(self) -> None:
        self.refresh()
        self.changed.emit()


def show_case(owner: QWidget, ctx: Any, case: str, on_changed: Any) -> Any:
    """Show the case dialog without blocking (one per case: an open one is raised),
    so several cases, the lists and the dashboard can be used side by side."""
    from .request_dialog import CaseDialog

    dialogs: dict[str, Any] = owner.__dict__.setdefault("_case_dialogs", {})
    dialog = dialogs.get(case)
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    dialog = CaseDialog(ctx, case, owner)
    dialog.changed.connect(on_changed)
    dialog.finished.connect(lambda _r: dialogs.pop(case, None))
    dialogs[case] = dialog
    dialog.show()
    return dialog


class _OpenFilter(RequestFilter):
    """RequestFilter with the extra choice "open cases"."""

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.status == "open":
            row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
            if row is not None and row.status not in rq.OPEN_STATUSES:
                return False
            return QSortFilterProxyModel.filterAcceptsRow(self, source_row, source_parent)
        return super().filterAcceptsRow(source_row, source_parent)


# ------------------------------------------------------------------ preview HTML


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def rule_html(view: dict[str, Any]) -> str:
    lines = "".join(f"<li>{_e(line)}</li>" for line in view["rule_lines"])
    return f"<ol style='margin-top:0'>{lines}</ol>" if lines else ""


def repeats_html(view: dict[str, Any]) -> str:
    if not view["repeats"]:
        return ""
    items = "".join(
        f"<li><a href='{_e(r['case_number'])}'>{_e(r['case_number'])}</a> — "
        f"{_e(format_date(r['received']))}: "
        f"{_e(', '.join(label(RIGHTS, x).split(' (')[0] for x in r['rights']))} "
        f"({_e(label(STATUSES, r['status']))})</li>"
        for r in view["repeats"]
    )
    title = _e(_("Earlier requests of the same data subject within 12 months"))
    note = _e(_("For information only: nothing is charged or refused automatically."))
    return f"<p><b>{title}</b><br/><span style='color:#666'>{note}</span></p><ul>{items}</ul>"


def case_html(view: dict[str, Any]) -> str:
    """A compact read-only summary: due date, rule, repeats, last events."""
    due = view.get("effective_due_date")
    urgency = view["urgency"]
    colour = URGENCY_FOREGROUND.get(urgency, "#333")
    name = _e(view["subject"]["name"])
    head = f"<h3 style='margin:0'>{_e(view['case_number'])} — {name}</h3>"
    state = _e(label(STATUSES, view["status"]))
    if due:
        due_text = _e(_("due {day}").format(day=format_date(due)))
        state += f" · <span style='color:{colour}'><b>{due_text}</b></span>"
    elif view["status"] in rq.OPEN_STATUSES:
        state += f" · <span style='color:{colour}'>{_e(label(URGENCIES, urgency))}</span>"
    parts = [head, f"<p>{state}</p>"]
    parts.append(f"<p><b>{_e(_('How the deadline was computed'))}</b></p>{rule_html(view)}")
    parts.append(repeats_html(view))
    events = view["timeline"][-5:]
    if events:
        rows = "".join(
            f"<tr><td style='color:#666;padding-right:8px'>{_e(t['local'])}</td>"
            f"<td>{_e(t['description'])}</td></tr>"
            for t in events
        )
        parts.append(f"<p><b>{_e(_('Latest events'))}</b></p><table>{rows}</table>")
    return "".join(parts)
