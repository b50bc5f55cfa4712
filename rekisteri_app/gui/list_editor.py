"""A small table for editing one ordered list of a register: add, remove, move up/down.

Every list of the exchange format (purposes, legal bases, categories, transfers …) is a
list of flat dicts, so one model/view pair edits them all; a `Column` says how a field is
shown and edited. Order matters (it is the order printed in the notice), hence the move
buttons. Cell checks call the domain's normalisers, so the table rejects exactly what the
service would; a failing cell turns red and carries the message as its tooltip.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.validation import ValidationError
from ..i18n import _
from .screen import elide_headers

Index = QModelIndex | QPersistentModelIndex

INVALID_BACKGROUND = QColor("#fde2e2")
DANGER_FOREGROUND = QColor("#b71c1c")


@dataclass(frozen=True)
class Column:
    """How one field of the list's dicts is shown and edited.

    kind: "text" (one line), "long" (several lines), "bool" (check box), "choice" (combo
    of `choices()`), "int". `header` and `tooltip` are N_-marked English. `check` is a
    domain normaliser that raises ValidationError; it runs on non-blank values only.
    `danger(value)` marks values shown in red (e.g. a repealed safeguard).
    """

    field: str
    header: str
    kind: str = "text"
    choices: Callable[[], Sequence[tuple[Any, str]]] | None = None
    blank: bool = False  # a choice column that may stay empty
    check: Callable[[str], object] | None = None
    required: bool = False
    default: Any = None
    width: int = 0
    tooltip: str = ""
    danger: Callable[[Any], bool] | None = None

    def options(self) -> list[tuple[Any, str]]:
        items = list(self.choices()) if self.choices else []
        return ([(None, "")] if self.blank else []) + items


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class ListModel(QAbstractTableModel):
    """Rows are dicts; fields no column shows (keys, ids) are carried through unchanged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: list[Column] = []
        self.rows: list[dict[str, Any]] = []
        self.read_only = False

    # -------------------------------------------------------------------- shape
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _(column.header)
            if role == Qt.ItemDataRole.ToolTipRole:  # the whole title when it is cut
                return _(column.tooltip or column.header)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        if self.columns[index.column()].kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # --------------------------------------------------------------------- data
    def value_at(self, row: int, column: int) -> Any:
        return self.rows[row].get(self.columns[column].field)

    def display(self, column: Column, value: Any) -> str:
        if column.kind == "bool" or value is None:
            return ""
        if column.kind == "choice":
            for option, text in column.options():
                if option is not None and str(option) == str(value):
                    return text
        return str(value)

    def problem(self, row: int, column: int) -> str | None:
        """Why this cell cannot be saved as it is, in the UI language; None when fine."""
        spec = self.columns[column]
        value = self.value_at(row, column)
        if _blank(value):
            return _("This field is required.") if spec.required else None
        if spec.check is not None:
            try:
                spec.check(str(value))
            except ValidationError as exc:
                return exc.message
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.value_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and self.problem(index.row(), index.column()):
            return INVALID_BACKGROUND
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column.danger is not None
            and value is not None
            and column.danger(value)
        ):
            return DANGER_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self.problem(index.row(), index.column())
            if problem:
                return problem
            text = self.display(column, value)
            return text if len(text) > 40 else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            new = value
            if column.kind == "int":
                text = "" if value is None else str(value).strip()
                new = int(text) if text.lstrip("-").isdigit() else None
            elif isinstance(value, str) and column.kind in ("text", "long"):
                new = value
        else:
            return False
        row = self.rows[index.row()]
        if row.get(column.field) == new:
            return False
        row[column.field] = new
        self.dataChanged.emit(index, index)
        return True

    # ------------------------------------------------------------------ editing
    def insert(self, position: int, row: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()

    def remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self.rows[position]
        self.endRemoveRows()

    def move(self, source: int, target: int) -> bool:
        """Move one row to `target` (its index afterwards)."""
        if not (0 <= source < len(self.rows) and 0 <= target < len(self.rows)):
            return False
        if source == target:
            return False
        # Qt's destination index counts positions before the move.
        destination = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self.rows.insert(target, self.rows.pop(source))
        self.endMoveRows()
        return True

    def reset(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


class ListDelegate(QStyledItemDelegate):
    """Editors by column kind: combo for choices, several lines for long texts."""

    def __init__(self, model: ListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.model.columns[index.column()]
        if column.kind == "choice":
            combo = QComboBox(parent)
            for value, text in column.options():
                combo.addItem(text or "—", value)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        if column.kind == "long":
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            return editor
        editor = super().createEditor(parent, option, index)
        if column.kind == "int" and isinstance(editor, QLineEdit):
            editor.setValidator(QIntValidator(0, 1_000_000, editor))
        return editor

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            for position in range(editor.count()):
                data = editor.itemData(position)
                if (data is None and value is None) or (
                    data is not None and str(data) == str(value)
                ):
                    editor.setCurrentIndex(position)
                    return
            if value is not None:  # a stored value outside the list: keep it selectable
                editor.addItem(str(value), value)
                editor.setCurrentIndex(editor.count() - 1)
            return
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
            return
        if isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 96))
        editor.setGeometry(rect)

    def eventFilter(self, editor: Any, event: QEvent) -> bool:
        # Ctrl+Enter ends editing a long text; plain Enter is a line break there.
        if (
            isinstance(editor, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):  # type: ignore[attr-defined]
            self._commit(editor)
            return True
        return super().eventFilter(editor, event)


class ListEditor(QWidget):
    """The reusable list editor; placed in the .ui files as a promoted QWidget."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ListModel(self)
        self._scalar: str | None = None
        self._new_row: Callable[[list[dict[str, Any]]], dict[str, Any]] | None = None

        self.view = QTableView(self)
        elide_headers(self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ListDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumHeight(110)

        self.add_button = QPushButton(_("Add"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.up_button = QPushButton(_("Move up"), self)
        self.down_button = QPushButton(_("Move down"), self)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setProperty("rekisteriTranslated", True)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.modelReset,
        ):
            signal.connect(self._on_changed)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    # ------------------------------------------------------------ configuration
    def configure(
        self,
        columns: Sequence[Column],
        *,
        scalar: bool = False,
        new_row: Callable[[list[dict[str, Any]]], dict[str, Any]] | None = None,
        read_only: bool = False,
    ) -> None:
        """Set the columns; `scalar` for a list of plain strings (one column)."""
        self.model.beginResetModel()
        self.model.columns = list(columns)
        self.model.read_only = read_only
        self.model.endResetModel()
        self._scalar = columns[0].field if scalar else None
        self._new_row = new_row
        header = self.view.horizontalHeader()
        for position, column in enumerate(columns):
            if column.width:
                header.resizeSection(position, column.width)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setVisible(not read_only)
        if read_only:
            self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._update_buttons()

    # -------------------------------------------------------------------- value
    def set_value(self, items: Sequence[Any] | None) -> None:
        if self._scalar:
            rows = [{self._scalar: item} for item in items or []]
        else:
            rows = [copy.deepcopy(dict(item)) for item in items or []]
        self.model.reset(rows)

    def value(self) -> list[Any]:
        """The list in exchange form: blank optional texts become null."""
        out: list[Any] = []
        for row in self.model.rows:
            item = copy.deepcopy(row)
            for column in self.model.columns:
                current = item.get(column.field)
                if column.kind in ("text", "long") and isinstance(current, str):
                    current = current.strip()
                    item[column.field] = current or (None if not column.required else "")
                if column.kind == "bool":
                    item[column.field] = bool(current)
            out.append(item[self._scalar] if self._scalar else item)
        return out

    def problems(self) -> list[str]:
        """Every cell that cannot be saved, as "Row 2, Country: message"."""
        out = []
        for row in range(self.model.rowCount()):
            for position, column in enumerate(self.model.columns):
                problem = self.model.problem(row, position)
                if problem:
                    out.append(
                        _("Row {row}, {column}: {problem}").format(
                            row=row + 1, column=_(column.header), problem=problem
                        )
                    )
        return out

    # ------------------------------------------------------------------ actions
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self) -> None:
        row: dict[str, Any] = {column.field: column.default for column in self.model.columns}
        if self._new_row is not None:
            row.update(self._new_row(self.model.rows))
        position = self.current_row() + 1 if self.current_row() >= 0 else len(self.model.rows)
        self.model.insert(position, row)
        self.view.setFocus()
        first = self.model.index(position, 0)
        self.view.setCurrentIndex(first)
        if self.model.columns and self.model.columns[0].kind != "bool":
            self.view.edit(first)

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        if self.model.rows:
            self.view.setCurrentIndex(self.model.index(min(row, len(self.model.rows) - 1), 0))

    def move_row(self, step: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = self.view.currentIndex().column()
        if self.model.move(row, row + step):
            self.view.setCurrentIndex(self.model.index(row + step, column))

    def _on_changed(self, *_args: Any) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self, *_args: Any) -> None:
        row = self.current_row()
        count = len(self.model.rows)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
