"""Loading the Qt Designer forms of ui/ and translating them through gettext.

The .ui files keep English texts so that they stay editable in Designer; babel.cfg runs
ui_extract over them, so the catalogues carry every text, and `translate_tree` applies
`_()` right after loading. Qt's own translation system (.qm files) is used only for Qt's
built-in dialogs.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QToolBox,
    QWidget,
)

from ..i18n import _
from ..paths import data_dir

W = TypeVar("W", bound=QWidget)


def ui_path(name: str) -> str:
    return str(data_dir("ui") / name)


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the form `name` (e.g. "register_editor.ui"), translated, as a child of parent."""
    from PySide6.QtUiTools import QUiLoader

    from .list_editor import ListEditor

    loader = QUiLoader()
    loader.registerCustomWidget(ListEditor)
    file = QFile(ui_path(name))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(ui_path(name))
    try:
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"{name}: {loader.errorString()}")
    translate_tree(widget)
    from .screen import elide_headers

    elide_headers(widget)
    return widget


def child(root: QWidget, kind: type[W], name: str) -> W:
    """A named widget of the form; a missing one is a bug in the .ui file, so fail loudly."""
    found = root.findChild(kind, name)
    if found is None:
        raise LookupError(f"{kind.__name__} {name!r} missing from the form")
    return found


def _tr(text: str) -> str:
    return _(text) if text else text


def translate_tree(root: QWidget) -> None:
    """Apply `_()` to every text property the user can see, once, after loading."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property("rekisteriTranslated"):
            continue
        widget.setProperty("rekisteriTranslated", True)
        if isinstance(widget, QLabel | QAbstractButton):
            widget.setText(_tr(widget.text()))
        if isinstance(widget, QGroupBox):
            widget.setTitle(_tr(widget.title()))
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            widget.setPlaceholderText(_tr(widget.placeholderText()))
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                widget.setTabText(index, _tr(widget.tabText(index)))
                widget.setTabToolTip(index, _tr(widget.tabToolTip(index)))
        if isinstance(widget, QToolBox):
            for index in range(widget.count()):
                widget.setItemText(index, _tr(widget.itemText(index)))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for index in range(widget.count()):
                widget.setItemText(index, _tr(widget.itemText(index)))
        widget.setToolTip(_tr(widget.toolTip()))
        widget.setStatusTip(_tr(widget.statusTip()))
        widget.setWhatsThis(_tr(widget.whatsThis()))
        if widget.isWindow() or widget is root:
            widget.setWindowTitle(_tr(widget.windowTitle()))
