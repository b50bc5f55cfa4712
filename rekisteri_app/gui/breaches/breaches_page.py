"""The Breaches page: every breach by its 72-hour clock, a preview of the selected one
(what is still to do, the facts, the timeline), and the doors to the editor and the
notification draft.

Self-contained: `BreachesPage(ctx)` queries when first shown and, after a change, when
shown next (gui/pages.LoadsWhenShown; the window calls `changed()` for the "breaches"
kind); it emits `changed` after anything was stored, so the window can refresh the
dashboard card. The breaches are few: one query, sorted and filtered in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services import breaches as br
from ..formatting import title_label
from ..pages import LoadsWhenShown
from ..requests.request_table import fit_columns, make_table
from ..table_models import ROW_ROLE, FilteredTable
from .breach_table import NOTIFY_BY_COLUMN, BreachFilter, BreachTableModel
from .common import moment_text
from .summary import breach_html


class BreachesPage(LoadsWhenShown, FilteredTable, QWidget):
    changed = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialogs: list[Any] = []
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title_label(_("Personal data breaches")))
        header.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("Open breaches"), "open")
        self.status_filter.addItem(_("Closed breaches"), "closed")
        self.status_filter.addItem(_("All breaches"), None)
        header.addWidget(self.status_filter)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(240)
        header.addWidget(self.filter)
        layout.addLayout(header)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New breach…"))
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton(_("Open"))
        self.draft_button = QPushButton(_("Notification draft…"))
        self.draft_button.setToolTip(_("The text for the Ombudsman's e-service, and a PDF"))
        for button in (self.new_button, self.open_button, self.draft_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.model = BreachTableModel(self)
        self.proxy = BreachFilter(self)
        self.proxy.setSourceModel(self.model)  # a few breaches: sorted and filtered in memory
        self.table = make_table(self.proxy)
        self.table.sortByColumn(NOTIFY_BY_COLUMN, Qt.SortOrder.AscendingOrder)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.hint = QLabel(
            _(
                "No breaches recorded. Record every personal data breach, also those "
                "you do not notify (GDPR Art. 33(5)): press “New breach…”."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        layout.addWidget(self.hint)

        self.new_button.clicked.connect(self.new_breach)
        self.open_button.clicked.connect(self.open_selected)
        self.draft_button.clicked.connect(self.open_draft)
        self.table.activated.connect(lambda index: self.open_breach(index.data(ROW_ROLE).reference))
        self.filter.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._set_status(self.status_filter.currentData())
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._update()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Query the breaches (on first show, and when a breach changed: LoadsWhenShown)."""
        self.stale = False
        selected = self.current_reference()
        self.model.set_rows(br.list_breaches(self.ctx))
        fit_columns(self.table)
        if not (selected and self.select_reference(selected)) and self.proxy.rowCount():
            self.table.selectRow(0)
        self.hint.setVisible(not self.model.rows)
        self._update()

    def current_reference(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE).reference if rows else None

    def select_reference(self, reference: str) -> bool:
        return self.select_where(lambda row: row.reference == reference)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update()

    def _set_status(self, status: str | None) -> None:
        self.proxy.set_status(status)
        self._update()

    def _update(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            ngettext("{n} breach", "{n} breaches", total).format(n=total)
            if shown == total
            else _("{shown} of {total} breaches").format(shown=shown, total=total)
        )
        selected = self.current_reference() is not None
        self.open_button.setEnabled(selected)
        self.draft_button.setEnabled(selected)

    def _selection_changed(self, *_args: Any) -> None:
        self._update()
        reference = self.current_reference()
        if reference is None:
            self.preview.clear()
            return
        view = br.get_breach(self.ctx, reference, time_format=moment_text)
        self.preview.setHtml(breach_html(view, self.ctx.now()))

    # --------------------------------------------------------------- actions
    def _keep(self, dialog: Any) -> Any:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.show()
        return dialog

    def _forget(self, dialog: Any) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def new_breach(self) -> Any:
        from .breach_editor import BreachEditor

        editor = BreachEditor(self.ctx, None, self)
        editor.saved.connect(self._stored)
        return self._keep(editor)

    def open_breach(self, reference: str) -> Any:
        from .breach_editor import BreachEditor

        editor = BreachEditor(self.ctx, reference, self)
        editor.saved.connect(self._stored)
        return self._keep(editor)

    def open_selected(self) -> Any:
        reference = self.current_reference()
        return self.open_breach(reference) if reference else None

    def open_draft(self) -> Any:
        from .notification_dialog import NotificationDialog

        reference = self.current_reference()
        if reference is None:
            return None
        return self._keep(NotificationDialog(self.ctx, reference, self))

    def _stored(self, reference: str) -> None:
        self.refresh()
        self.select_reference(reference)
        self.changed.emit()
