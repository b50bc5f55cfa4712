"""Whether a window shows everything at a given screen size: nothing cut, nothing
off-screen. Used by tests/test_gui_fits_the_screen.py and scripts/look_at_windows.py.

A widget is "cut" when
- the window cannot shrink to the screen (its layout's minimum is larger), or
- a visible child lies outside its visible parent (clipped by it), unless the parent
  scrolls (a scroll area's or item view's viewport), or
- a button's, check box's or single-line label's text, or an empty field's placeholder,
  needs more width than it has, or
- a table's column header text is wider than its column and is not elided or
  has no tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

LAPTOP = QSize(1366, 768)
LAPTOP_125 = QSize(1093, 614)  # the same screen at 125 % scaling, in logical pixels
FRAME = QSize(16, 48)  # title bar, borders and a task bar's share


def settle(rounds: int = 4) -> None:
    for _round in range(rounds):
        QApplication.processEvents()


def place(window: QWidget, screen: QSize) -> QSize:
    """Show the window at the size it asks for, capped at the screen (as fit_to_screen
    does on a real screen of that size)."""
    room = screen - FRAME
    window.show()
    settle()
    size = window.size().boundedTo(room)
    window.resize(size)
    settle()
    return room


def _scrolls(widget: QWidget) -> bool:
    """The content of a viewport scrolls: being larger than it is not being cut."""
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent


def _name(widget: QWidget) -> str:
    text = ""
    for attribute in ("text", "title", "windowTitle"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            try:
                text = getter()
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__}({widget.objectName() or ''}{' ' if text else ''}{text[:40]!r})"


def _text_width(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text.replace("&&", "\0").replace("&", ""))


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def cut_widgets(window: QWidget, screen: QSize) -> list[str]:
    """What of `window` the officer could not see in full on a screen of that size."""
    problems: list[str] = []
    room = screen - FRAME
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > room.width() or minimum.height() > room.height():
        problems.append(
            f"{_name(window)} needs at least {minimum.width()}×{minimum.height()}, "
            f"the screen has {room.width()}×{room.height()}"
        )
    if window.width() > room.width() or window.height() > room.height():
        problems.append(f"{_name(window)} is {window.width()}×{window.height()}")
    for child in window.findChildren(QWidget):
        if not _visible(child) or child.isWindow():
            continue
        parent = child.parentWidget()
        if parent is None or isinstance(parent, QTabBar | QHeaderView):
            continue  # a tab bar scrolls its own tabs
        if isinstance(child, QToolButton) and isinstance(parent, QTabBar):
            continue
        geometry = child.geometry()
        inside = parent.rect().adjusted(-1, -1, 1, 1)
        if (
            not inside.contains(geometry)
            and not isinstance(parent, QAbstractScrollArea)
            and not _scrolls(child)
        ):
            problems.append(
                f"{_name(child)} at {geometry.getRect()} outside {_name(parent)} "
                f"{parent.width()}×{parent.height()}"
            )
        problems += _text_cut(child)
        if isinstance(child, QAbstractItemView):
            problems += _headers_cut(child)
    return problems


def _text_cut(widget: QWidget) -> list[str]:
    if isinstance(widget, QPushButton | QCheckBox | QRadioButton):
        if widget.text() and widget.width() < widget.minimumSizeHint().width() - 2:
            return [f"{_name(widget)} is {widget.width()} wide, needs {widget.sizeHint().width()}"]
    elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
        if widget.textFormat() == Qt.TextFormat.RichText or "<" in widget.text():
            return []
        if widget.pixmap() is not None and not widget.pixmap().isNull():
            return []
        lines = widget.text().split("\n")
        needed = max(_text_width(widget, line) for line in lines)
        margins = widget.contentsMargins()
        room = widget.width() - margins.left() - margins.right() - 2 * widget.margin()
        if needed > room + 1:
            return [f"{_name(widget)} is {widget.width()} wide, its text needs {needed}"]
    elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
        needed = _text_width(widget, widget.placeholderText()) + 12
        if needed > widget.width():
            return [f"{_name(widget)}: placeholder {widget.placeholderText()!r} is cut"]
    return []


def _headers_cut(view: QAbstractItemView) -> list[str]:
    header = getattr(view, "horizontalHeader", None)
    model = view.model()
    if header is None or model is None:
        return []
    header = header()
    if not header.isVisible():
        return []
    out = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal)
        if not text:
            continue
        needed = header.fontMetrics().horizontalAdvance(str(text)) + 12
        if needed > header.sectionSize(section):
            tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            if header.textElideMode() == Qt.TextElideMode.ElideNone:
                out.append(f"column {str(text)!r} of {_name(view)} is cut in the middle")
            elif not tip:
                out.append(
                    f"column {str(text)!r} of {_name(view)} is cut "
                    f"({header.sectionSize(section)} < {needed}) and has no tooltip"
                )
    return out


# ------------------------------------------------------------------ the windows


def _case(ctx, wanted: str | None = None) -> str:
    from rekisteri_app.services import requests as rq

    rows = rq.list_requests(ctx)
    return rows[0].case_number if rows else ""


def _first(rows):
    return rows[0].id if rows else None


def windows(ctx):
    """(name, factory) of every dialog and page of the window, on a database with
    content (the demo); factories take no arguments and return the top-level widget."""
    from rekisteri_app.gui.about_dialog import AboutDialog
    from rekisteri_app.gui.audit_pack.export_dialog import AuditPackDialog
    from rekisteri_app.gui.audit_pack.verify_dialog import VerifyPackDialog
    from rekisteri_app.gui.first_run import FirstRunDialog
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog
    from rekisteri_app.gui.letters.template_dialog import TemplateDialog
    from rekisteri_app.gui.main_window import NAVIGATION, MainWindow
    from rekisteri_app.gui.notices.notice_dialog import NoticeDialog
    from rekisteri_app.gui.passphrase_dialog import PassphraseDialog
    from rekisteri_app.gui.registers.controller_editor import ControllerEditor
    from rekisteri_app.gui.registers.dpo_editor import DpoEditor
    from rekisteri_app.gui.registers.processor_editor import ProcessorEditor
    from rekisteri_app.gui.registers.register_editor import RegisterEditor
    from rekisteri_app.gui.registers.transfer_editor import TransferEditor
    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog
    from rekisteri_app.gui.requests.intake_edit import EditIntakeDialog
    from rekisteri_app.gui.settings_dialog import PAGES, SettingsDialog
    from rekisteri_app.gui.start_dialog import StartDialog
    from rekisteri_app.services import entities
    from rekisteri_app.services import requests as rq

    case = _case(ctx)
    register = _first(entities.list_registers(ctx))
    out = [
        ("start", lambda: StartDialog()),
        ("first-run", lambda: FirstRunDialog(ctx)),
        ("intake", lambda: IntakeDialog(ctx)),
        ("edit-intake", lambda: EditIntakeDialog(ctx, rq.get_request(ctx, case))),
        ("letter", lambda: LetterDialog(ctx, case)),
        ("templates", lambda: TemplateDialog(ctx)),
        ("register", lambda: RegisterEditor(ctx, register)),
        ("processor", lambda: ProcessorEditor(ctx, _first(entities.list_processors(ctx)))),
        ("controller", lambda: ControllerEditor(ctx, _first(entities.list_controllers(ctx)))),
        ("dpo", lambda: DpoEditor(ctx, _first(entities.list_dpos(ctx)))),
        ("transfer", lambda: TransferEditor(ctx, register, None)),
        ("notice", lambda: NoticeDialog(ctx, [register])),
        ("audit-pack", lambda: AuditPackDialog(ctx)),
        ("verify-pack", lambda: VerifyPackDialog()),
        ("passphrase", lambda: PassphraseDialog(ctx)),
        ("about", lambda: AboutDialog(None, ctx.db)),
    ]
    for number in range(5):
        out.append((f"case-tab-{number}", lambda n=number: _tab(CaseDialog(ctx, case), n)))
    for key, _title in PAGES:
        out.append((f"settings-{key}", lambda k=key: SettingsDialog(ctx, None, k)))
    shared: dict[str, MainWindow] = {}

    def page(key: str) -> MainWindow:
        if "window" not in shared:  # one window (closing it would close the database)
            shared["window"] = MainWindow(ctx.db, ctx=ctx)
        shared["window"].show_page(key)
        return shared["window"]

    for key, _title in NAVIGATION:
        out.append((f"page-{key}", lambda k=key: page(k)))
    return out


def _tab(dialog, number: int):
    dialog.tabs.setCurrentIndex(number)
    return dialog
