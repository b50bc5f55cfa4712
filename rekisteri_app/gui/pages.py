"""The pages of the main window: lists, the audit trail and the findings panel.

Pages only show rows and say what the officer asked for (open, new, delete …) through
signals; the main window decides what to do, so no page talks to a service directly
except the audit page's read-only list and chain check (services/audit_trail.py).
Every page queries when it is shown (`LoadsWhenShown`) and reads a page of rows at a
time; sorting and filtering re-query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain import vocabulary
from ..i18n import N_, _, ngettext
from . import status
from .formatting import cited, format_timestamp
from .table_models import (
    ROW_ROLE,
    FilteredTable,
    FilterProxy,
    PagedTableModel,
    RowTableModel,
    TableColumn,
)
from .uiload import child, load_ui


def _embed(host: QWidget, form: QWidget) -> None:
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)


class LoadsWhenShown:
    """Mixed into a page: it queries when it is shown, not when the window is built.

    `refresh()` loads it (and clears `stale`); `changed()` says the entities it shows
    were changed elsewhere: a visible page reloads at once, a hidden one on its next
    show. `stale` starts True, so the first show loads the page."""

    stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self.stale:
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError

    def changed(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()
        else:
            self.stale = True


# fetch(offset, limit, text, order, descending) -> rows; count(text) -> int
Fetch = Callable[[int, int, str | None, str | None, bool], Sequence[Any]]
Count = Callable[[str | None], int]


class ListPage(LoadsWhenShown, FilteredTable, QWidget):
    """A paged table of service rows with New/Open/Duplicate/Delete: `fetch` returns a
    page in the order and filter asked, `count` how many rows a filter keeps. Sorting
    by a column and typing a filter re-query."""

    open_requested = Signal(object)
    new_requested = Signal()
    delete_requested = Signal(object)
    duplicate_requested = Signal(object)

    def __init__(
        self,
        title: str,
        columns: Sequence[TableColumn],
        *,
        fetch: Fetch,
        count: Count,
        order: str | None = None,
        duplicate: bool = False,
        empty_hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fetch, self.count = fetch, count
        self.order = order if order is not None else columns[0].order
        self.descending = False
        self.empty_hint = empty_hint
        self.form = load_ui("list_page.ui", self)
        _embed(self, self.form)
        child(self.form, QLabel, "title").setText(_(title))
        self.filter = child(self.form, QLineEdit, "filter")
        self.table = child(self.form, QTableView, "table")
        self.count_label = child(self.form, QLabel, "countLabel")
        self.hint = child(self.form, QLabel, "hint")
        self.hint.setText(_(empty_hint) if empty_hint else "")
        self.hint.setVisible(bool(empty_hint))
        self.model = PagedTableModel(columns, self)
        self.model.loader = self._load
        self.model.on_sort = self._sort
        self.proxy = self.model  # what the table shows (tests and helpers read it)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.filter.textChanged.connect(self._filter_changed)
        self.table.activated.connect(self._activated)
        self.new_button = child(self.form, QPushButton, "newButton")
        self.edit_button = child(self.form, QPushButton, "editButton")
        self.duplicate_button = child(self.form, QPushButton, "duplicateButton")
        self.delete_button = child(self.form, QPushButton, "deleteButton")
        self.duplicate_button.setVisible(duplicate)
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.duplicate_button.clicked.connect(lambda: self._emit(self.duplicate_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _text(self) -> str | None:
        return self.filter.text().strip() or None

    def _load(self, offset: int, limit: int) -> Sequence[Any]:
        return self.fetch(offset, limit, self._text(), self.order, self.descending)

    def refresh(self) -> None:
        """Query the first page again, keeping the selected row and the rows in view."""
        self.stale = False
        selected = self.current_row()
        self.model.reload(keep=self.model.rowCount())
        self._fit_columns()
        if selected is not None:
            self.select_where(lambda row: row == selected)
        self._update_count()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show `rows` as they are (for small in-memory lists); the next refresh asks
        `fetch` again."""
        self.model.beginResetModel()
        self.model.rows, self.model.more = list(rows), False
        self.model.endResetModel()
        self._update_count()

    def _sort(self, column: int, descending: bool) -> None:
        order = self.model.columns[column].order
        if order is None or (order, descending) == (self.order, self.descending):
            return  # not sortable in the database, or already so: keep the rows shown
        self.order, self.descending = order, descending
        self.refresh()

    def _fit_columns(self) -> None:
        """Fit columns to their content once there are rows; the last one takes the rest."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        stretch = [i for i, c in enumerate(self.model.columns) if c.stretch]
        for column in range(self.model.columnCount()):
            width = header.sectionSize(column)
            header.resizeSection(column, min(max(width + 16, 80), 420))
            if column in stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(not stretch)

    def current_row(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return index.data(ROW_ROLE)

    def _filter_changed(self, _text: str) -> None:
        self.refresh()

    def _update_count(self) -> None:
        total = self.count(None)
        shown = total if self._text() is None else self.count(self._text())
        self.hint.setVisible(bool(self.empty_hint) and not total)
        if shown == total:
            self.count_label.setText(ngettext("{n} row", "{n} rows", total).format(n=total))
        else:
            self.count_label.setText(_("{shown} of {total} rows").format(shown=shown, total=total))

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_requested.emit(row)

    def _emit(self, signal: Any) -> None:
        row = self.current_row()
        if row is not None:
            signal.emit(row)

    def _update_buttons(self, *_args: Any) -> None:
        has_row = bool(self.table.selectionModel().selectedRows())
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            button.setEnabled(has_row)


def memory_source(rows: Callable[[], Sequence[Any]], columns: Sequence[TableColumn]):
    """(fetch, count) over a small list held in memory (the transfers of all registers):
    filtered on the shown texts, sorted by the columns' sort keys."""

    def keep(text: str | None) -> list[Any]:
        items = list(rows())
        if not text:
            return items
        needle = text.casefold()
        return [
            r for r in items if any(needle in str(c.value(r) or "").casefold() for c in columns)
        ]

    def fetch(offset: int, limit: int, text: str | None, order: str | None, desc: bool):
        items = keep(text)
        column = next((c for c in columns if c.order == order), None)
        if column is not None:
            key = column.sort or column.value
            items.sort(key=lambda r: str(key(r) or "").casefold(), reverse=desc)
        return items[offset : offset + limit] if limit >= 0 else items[offset:]

    return fetch, lambda text: len(keep(text))


AUDIT_COLUMNS = [
    TableColumn(N_("No."), lambda r: r.id),
    TableColumn(N_("Time"), lambda r: format_timestamp(r.at)),
    TableColumn(N_("Who"), lambda r: r.actor),
    TableColumn(N_("Action"), lambda r: vocabulary.label(vocabulary.AUDIT_ACTIONS, r.action)),
    TableColumn(
        N_("What"),
        lambda r: (
            vocabulary.label(vocabulary.AUDIT_ENTITIES, r.entity)
            + (f" {r.entity_id}" if r.entity_id else "")
        ),
    ),
]


class AuditPage(LoadsWhenShown, FilteredTable, QWidget):
    """The audit trail, newest first and a page at a time, filtered by kind of entity,
    an entity's id and a start date, with what changed and a check of the hash chain.
    Only the selected event's JSON is read."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = load_ui("audit_page.ui", self)
        _embed(self, self.form)
        self.filter = child(self.form, QLineEdit, "filter")
        self.entity_filter = child(self.form, QComboBox, "entityFilter")
        self.since_check = child(self.form, QCheckBox, "sinceCheck")
        self.since_date = child(self.form, QDateEdit, "sinceDate")
        self.table = child(self.form, QTableView, "table")
        self.details = child(self.form, QTextBrowser, "details")
        self.result = child(self.form, QLabel, "verifyResult")
        self.count_label = child(self.form, QLabel, "countLabel")
        self.verify_button = child(self.form, QPushButton, "verifyButton")
        self.model = PagedTableModel(AUDIT_COLUMNS, self)
        self.model.loader = self._load
        self.proxy = self.model
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # newest first, always
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)  # the arrow says what the rows do: No., newest first
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.entity_filter.addItem(_("All entities"), None)
        self.since_date.setDate(QDate.currentDate().addMonths(-1))
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.entity_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since_check.toggled.connect(self.since_date.setEnabled)
        self.since_check.toggled.connect(lambda _on: self.refresh())
        self.since_date.dateChanged.connect(
            lambda _d: self.since_check.isChecked() and self.refresh()
        )
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.verify_button.clicked.connect(self.verify)

    def _since_changed(self, _day: Any) -> None:
        if self.since_check.isChecked():
            self.refresh()

    def query(self) -> Any:
        from ..services.audit_trail import AuditQuery

        since = self.since_date.date().toPython() if self.since_check.isChecked() else None
        return AuditQuery(
            entity=self.entity_filter.currentData(),
            entity_id=self.filter.text().strip() or None,
            since=since,
        )

    def _load(self, offset: int, limit: int) -> Sequence[Any]:
        from ..services.audit_trail import audit_page

        return audit_page(self.ctx, self.query(), offset=offset, limit=limit)

    def refresh(self) -> None:
        from ..services.audit_trail import count_events, entity_kinds

        self.stale = False
        if self.entity_filter.count() == 1:  # the kinds present, once
            for kind in entity_kinds(self.ctx):
                self.entity_filter.addItem(vocabulary.label(vocabulary.AUDIT_ENTITIES, kind), kind)
        self.model.reload()
        self.table.resizeColumnsToContents()
        total = count_events(self.ctx, self.query())
        self.count_label.setText(ngettext("{n} event", "{n} events", total).format(n=total))

    def verify(self) -> bool:
        from ..services import audit_trail

        result = audit_trail.verify(self.ctx)
        if result.ok:
            self.result.setText(
                _("The chain is intact: {n} events checked.").format(n=result.checked)
            )
            self.result.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            reasons = {
                "altered": _("event {id} has been changed after it was recorded"),
                "missing-before": _("events before event {id} are missing"),
                "missing-tail": _("events at the end of the trail are missing"),
            }
            reason = reasons.get(result.reason or "", result.reason or "").format(
                id=result.broken_id
            )
            self.result.setText(_("The chain is broken: {reason}.").format(reason=reason))
            self.result.setStyleSheet("color: #c62828; font-weight: bold;")
        return result.ok

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from ..services.audit_trail import audit_details
        from .audit_details import changes_html

        row = current.data(ROW_ROLE)
        event = None if row is None else audit_details(self.ctx, row.id)
        if event is None:
            self.details.clear()
            return
        # what changed, field by field, before and after (not the raw JSON)
        self.details.setHtml(changes_html(event.before_json, event.after_json))


def _finding_subject(finding: Any) -> str:
    kind = vocabulary.label(vocabulary.SUBJECT_KINDS, finding.subject_kind)
    return f"{kind}: {finding.subject_name}" if finding.subject_name else kind


def _finding_place(finding: Any) -> str:
    """Where in the subject the finding is, in the editor's words ("Purposes, row 3")."""
    from .dialogs import describe_path

    path = getattr(finding, "path", "") or ""
    return "" if path in ("", "$") else describe_path(path)


FINDING_COLUMNS = [
    TableColumn(N_("Severity"), lambda f: None, badge=True),
    TableColumn(N_("Subject"), _finding_subject),
    TableColumn(N_("Finding"), lambda f: f.text(), tooltip=lambda f: f.text()),
    TableColumn(N_("Article"), lambda f: cited(getattr(f, "article", "") or "")),
    TableColumn(N_("Where"), _finding_place, tooltip=lambda f: getattr(f, "path", "") or ""),
]


class FindingsProxy(FilterProxy):
    """The text filter plus a severity choice (all / must fix / check)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.severity: str | None = None

    def set_severity(self, severity: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.severity = severity
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.severity = severity
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self.severity is not None:
            finding = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
            if finding is not None and str(finding.severity) != self.severity:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class FindingsPanel(QWidget):
    """What the checker found; activating a finding asks to open its subject."""

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = load_ui("findings_panel.ui", self)
        _embed(self, self.form)
        self.summary = child(self.form, QLabel, "summary")
        self.table = child(self.form, QTableView, "table")
        self.filter = child(self.form, QLineEdit, "filter")
        self.severity = child(self.form, QComboBox, "severityFilter")
        self.model = RowTableModel(FINDING_COLUMNS, self)
        self.model.status_of = lambda f: str(f.severity)
        self.model.findings_of = lambda f: [f]
        self.proxy = FindingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.severity.currentIndexChanged.connect(
            lambda i: self.proxy.set_severity({1: status.RED, 2: status.AMBER}.get(i))
        )
        self.table.activated.connect(self._activated)

    def set_findings(
        self,
        findings: Sequence[Any],
        *,
        available: bool = True,
        error: str | None = None,
        nothing: bool = False,
    ) -> None:
        """`nothing`: no register is recorded yet, so "all in order" would mislead."""
        self.model.set_rows(findings)
        header = self.table.horizontalHeader()
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        header.resizeSection(1, min(header.sectionSize(1), 320))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(3)
        self.table.resizeColumnToContents(4)
        red = sum(1 for f in findings if str(f.severity) == status.RED)
        amber = sum(1 for f in findings if str(f.severity) == status.AMBER)
        if error:
            self.summary.setText(_("The compliance check failed: {error}").format(error=error))
        elif not available:
            self.summary.setText(_("The compliance checker is not available in this version."))
        elif not findings and nothing:
            self.summary.setText(
                _("No registers yet: nothing to check. Add the first one on the Registers page.")
            )
        elif not findings:
            self.summary.setText(
                _("No findings: every register, transfer and processor is complete.")
            )
        else:
            self.summary.setText(_("{red} to fix, {amber} to check").format(red=red, amber=amber))

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(ROW_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)
