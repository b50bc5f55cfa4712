"""The case dialog's Timeline tab: events and notes, and the attachments shown from memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import requests as rq
from ...services.context import ServiceError
from ..screen import elide_headers
from ..table_models import HEADER_ROLES
from .widgets import MessageLine


class TimelineModel(QAbstractTableModel):
    """The case's events, oldest first: time, who, what."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in HEADER_ROLES:  # tip: if cut
            return (_("Time"), _("Who"), _("Event"))[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row["local"], row["actor"] or "", row["description"])[index.column()]
        return None


class TimelineTab:
    """The Timeline tab: every event, notes, and the scanned attachments. Mixed into
    CaseDialog, which provides what is listed below."""

    # provided by CaseDialog
    ctx: Any
    case: str
    view: dict[str, Any]
    message: MessageLine
    changed: Any
    _load: Callable[[], dict[str, Any]]
    populate: Callable[[], None]
    _apply: Callable[[rq.CaseUpdate, str], bool]

    def _timeline_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        elide_headers(self.timeline)
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(True)
        self.timeline.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.timeline.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.timeline, 1)
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("A note for the case file"))
        self.note.returnPressed.connect(self.add_note)
        button = QPushButton(_("Add note"))
        button.clicked.connect(self.add_note)
        row.addWidget(self.note, 1)
        row.addWidget(button)
        layout.addLayout(row)
        box = QGroupBox(_("Attachments"))
        files = QHBoxLayout(box)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(70)
        files.addWidget(self.attachment_list, 1)
        self.attachment_list.itemActivated.connect(lambda _item: self.open_attachment())
        column = QVBoxLayout()
        add = QPushButton(_("Add scan…"))
        add.clicked.connect(self._choose_attachment)
        self.open_attachment_button = QPushButton(_("Open"))
        self.open_attachment_button.clicked.connect(self.open_attachment)
        save = QPushButton(_("Save as…"))
        save.clicked.connect(self._save_attachment)
        column.addWidget(add)
        column.addWidget(self.open_attachment_button)
        column.addWidget(save)
        files.addLayout(column)
        layout.addWidget(box)
        return page

    def _show_timeline(self, v: dict[str, Any]) -> None:
        """Fill the tab from the case view."""
        self.timeline_model.set_rows(v["timeline"])
        self.timeline.resizeRowsToContents()
        self.attachment_list.clear()
        for a in v["attachments"]:
            item = QListWidgetItem(f"{a['filename']} ({a.get('size') or 0} B)")
            item.setData(Qt.ItemDataRole.UserRole, a["id"])
            self.attachment_list.addItem(item)

    def add_note(self) -> bool:
        try:
            rq.add_note(self.ctx, self.case, self.note.text())
        except ServiceError as exc:
            self.message.error(str(exc))
            return False
        self.note.clear()
        self.view = self._load()
        self.populate()
        self.message.done(_("Note added."))
        self.changed.emit()
        return True

    def _choose_attachment(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Add a scanned document"))
        if path:
            self.add_attachment_file(Path(path))

    def add_attachment_file(self, path: Path) -> bool:
        try:
            content = path.read_bytes()
        except OSError as exc:
            self.message.error(
                _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
            )
            return False
        return self._apply(
            rq.CaseUpdate(attachments=(rq.AttachmentInput(path.name, content),)),
            _("Attachment added."),
        )

    def open_attachment(self) -> Any:
        """Show the selected attachment from memory (no temporary file)."""
        from .attachment_viewer import AttachmentViewer

        item = self.attachment_list.currentItem()
        if item is None:
            return None
        name, media, content = rq.attachment_content(
            self.ctx, self.case, item.data(Qt.ItemDataRole.UserRole)
        )
        viewer = AttachmentViewer(name, media, content, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def _save_attachment(self) -> None:
        item = self.attachment_list.currentItem()
        if item is None:
            return
        name, _media, content = rq.attachment_content(
            self.ctx, self.case, item.data(Qt.ItemDataRole.UserRole)
        )
        path, _filter = QFileDialog.getSaveFileName(self, _("Save attachment"), name)
        if path:
            from ...files import WriteFailed, write_atomically

            try:
                write_atomically(path, content)  # 0600, whole or not at all
            except WriteFailed as exc:
                self.message.error(
                    _("Cannot write {path}: {error}").format(path=path, error=exc.detail)
                )
