"""The pages of the main window: lists, the audit trail and the findings panel.

Pages only show rows and say what the officer asked for (open, new, delete …) through
signals; the main window decides what to do, so no page talks to a service directly
except the audit page's read-only list and chain check (services/audit_trail.py).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import vocabulary
from ..i18n import N_, _, ngettext
from . import status
from .formatting import cited, format_timestamp
from .table_models import ROW_ROLE, FilteredTable, FilterProxy, RowTableModel, TableColumn
from .uiload import child, load_ui


def _embed(host: QWidget, form: QWidget) -> None:
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)


class ListPage(FilteredTable, QWidget):
    """A sortable, filterable table of service rows with New/Open/Duplicate/Delete."""

    open_requested = Signal(object)
    new_requested = Signal()
    delete_requested = Signal(object)
    duplicate_requested = Signal(object)

    def __init__(
        self,
        title: str,
        columns: Sequence[TableColumn],
        *,
        duplicate: bool = False,
        empty_hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
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
        self.model = RowTableModel(columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
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
        self.proxy.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def set_rows(self, rows: Sequence[Any]) -> None:
        selected = self.current_row()
        self.model.set_rows(rows)
        self._fit_columns()
        if selected is not None:
            self.select_where(lambda row: row == selected)
        self.hint.setVisible(bool(self.empty_hint) and not rows)
        self._update_count()

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

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
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


AUDIT_COLUMNS = [
    TableColumn(N_("No."), lambda r: r.id, sort=lambda r: r.id),
    TableColumn(N_("Time"), lambda r: format_timestamp(r.at), sort=lambda r: r.id),
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


class AuditPage(FilteredTable, QWidget):
    """The audit trail, newest first, with what changed and a check of the hash chain."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = load_ui("audit_page.ui", self)
        _embed(self, self.form)
        self.filter = child(self.form, QLineEdit, "filter")
        self.table = child(self.form, QTableView, "table")
        self.details = child(self.form, QPlainTextEdit, "details")
        self.result = child(self.form, QLabel, "verifyResult")
        self.count_label = child(self.form, QLabel, "countLabel")
        self.verify_button = child(self.form, QPushButton, "verifyButton")
        self.model = RowTableModel(AUDIT_COLUMNS, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.verify_button.clicked.connect(self.verify)

    def refresh(self) -> None:
        from ..services.audit_trail import audit_rows

        self.model.set_rows(audit_rows(self.ctx))
        self.table.resizeColumnsToContents()
        total = self.model.rowCount()
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
        row = current.data(ROW_ROLE)
        if row is None:
            self.details.clear()
            return
        parts = []
        for heading, text in ((_("Before:"), row.before_json), (_("After:"), row.after_json)):
            if text:
                with contextlib.suppress(ValueError):
                    text = json.dumps(json.loads(text), ensure_ascii=False, indent=2)
                parts.append(f"{heading}\n{text}")
        self.details.setPlainText("\n\n".join(parts) or _("No details recorded."))


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
        self, findings: Sequence[Any], *, available: bool = True, error: str | None = None
    ) -> None:
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
