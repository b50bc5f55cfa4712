"""The officer's main window: navigation, the lists, the findings panel and the menus.

It owns the open database for as long as it is shown, and keeps no passphrase: a backup
is written through the open, keyed database (`Database.backup_to`).

Pages load when shown: building the window queries nothing; the page shown first
queries when the window appears, the others on their first show (gui/pages.py,
`LoadsWhenShown`). Every change goes through an editor or a service call and is
announced as a change of one kind of entity (`entities_changed`): the pages showing
that kind reload if visible, or on their next show, and an organisation change re-runs
the compliance checker, so badges and findings always describe what is stored. The
checker first runs before a page with badges is shown, or just after the first paint.
View → Refresh reloads everything.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import SIGNAL, QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..i18n import LANGUAGES, N_, NATIVE_NAMES, _, current_language, ngettext, set_language
from . import dialogs, safety_actions, settings, status
from .breaches.breaches_page import BreachesPage
from .breaches.dashboard_card import BreachCard
from .letters.letters_page import LettersPage
from .pages import AuditPage, FindingsPanel, ListPage
from .registers.controller_editor import ControllerEditor
from .registers.dpo_editor import DpoEditor
from .registers.editor_dialog import EditorDialog
from .registers.list_pages import (
    controllers_page,
    dpos_page,
    processors_page,
    registers_page,
    transfers_page,
)
from .registers.processor_editor import ProcessorEditor
from .registers.register_editor import RegisterEditor, duplicate_register
from .registers.transfer_editor import TransferEditor
from .requests.dashboard_page import DashboardPage
from .requests.requests_page import RequestsPage
from .screen import fit_to_screen, scroll_area

log = logging.getLogger(__name__)

DASHBOARD, REGISTERS, PROCESSORS, CONTROLLERS, TRANSFERS, REQUESTS, LETTERS, AUDIT = (
    "dashboard",
    "registers",
    "processors",
    "controllers",
    "transfers",
    "requests",
    "letters",
    "audit",
)
DPOS = "dpos"
BREACHES = "breaches"

NAVIGATION = [
    (DASHBOARD, N_("Dashboard")),
    (REGISTERS, N_("Registers")),
    (PROCESSORS, N_("Processors")),
    (CONTROLLERS, N_("Controllers")),
    (DPOS, N_("Data protection officers")),
    (TRANSFERS, N_("Transfers")),
    (REQUESTS, N_("Requests")),
    (BREACHES, N_("Breaches")),
    (LETTERS, N_("Letters")),
    (AUDIT, N_("Audit")),
]

LANGUAGE_NAMES = NATIVE_NAMES
PAGE_KEY = "main_window/page"  # the page shown last, shown first next time

# Kinds of change and the pages that show them. Every change is audited, so the audit
# page follows each; organisation changes also re-run the checker (FINDINGS).
ORGANISATION = (REGISTERS, PROCESSORS, CONTROLLERS, DPOS, TRANSFERS)
FINDINGS_PAGES = ORGANISATION  # their badges need the findings
SHOWS: dict[str, tuple[str, ...]] = {
    "requests": (DASHBOARD, REQUESTS, LETTERS, AUDIT),
    "letters": (LETTERS, DASHBOARD, REQUESTS, AUDIT),  # an extension letter moves a date
    "settings": (DASHBOARD, REQUESTS, AUDIT),  # the pause policy moves every date
    "registers": (*ORGANISATION, AUDIT),
    "processors": (*ORGANISATION, AUDIT),
    "controllers": (*ORGANISATION, AUDIT),
    "transfers": (*ORGANISATION, AUDIT),
    "dpos": (*ORGANISATION, AUDIT),
    "breaches": (BREACHES, DASHBOARD, AUDIT),
    "everything": tuple(key for key, _title in NAVIGATION),
}


class MainWindow(QMainWindow):
    """Emits `switch_requested(tab)` when the officer wants another database."""

    switch_requested = Signal(object)  # closed; show the start dialog
    replace_requested = Signal(object)  # closed; show this (open) database
    closed = Signal(bool)  # True when closed to switch databases, False to quit
    lock_requested = Signal()  # File → Lock: the controller closes the database
    language_changed = Signal(str)  # the controller rebuilds the window in that language

    def __init__(self, database: Any, *, ctx: Any = None, page: str | None = None) -> None:
        super().__init__()
        from ..services.context import ServiceContext
        from ..services.requests import refresh_stale_deadlines

        self.database = database
        self.ctx = ctx if ctx is not None else ServiceContext(database)
        refresh_stale_deadlines(self.ctx)  # a new holiday calendar: recomputed, audited
        self.findings: list[Any] = []
        self.findings_loaded = False
        self.statuses: dict[tuple[str, Any], str] = {}
        self.transfers: list[Any] = []
        self.editors: dict[tuple[str, Any], EditorDialog] = {}
        self.closing_for_switch = False
        self.keep_database_open = False  # closed to be rebuilt in another language
        self.setWindowTitle(_("{name} — Rekisteri").format(name=Path(database.path).name))

        self._build_pages()
        self._build_findings_dock()
        self._build_menus()
        self.path_label = QLabel(str(database.path))
        self.statusBar().addPermanentWidget(self.path_label)
        fit_to_screen(self, 1280, 820)
        store = settings.settings()
        geometry = store.value(settings.GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        state = store.value(settings.STATE_KEY)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)
        start = page or str(store.value(PAGE_KEY) or REGISTERS)
        if start not in self.pages:
            start = REGISTERS
        if start not in FINDINGS_PAGES:  # the checker runs once the window is painted
            self.installEventFilter(self)
        self.show_page(start)

    # --------------------------------------------------------------- building
    def _build_pages(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            "QListWidget { font-size: 11pt; }QListWidget::item { padding: 6px 8px; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.page_order: list[str] = []

        self.registers_page = registers_page(self.ctx)
        self.registers_page.model.status_of = self.register_status
        self.registers_page.model.findings_of = self.register_findings
        self.registers_page.open_requested.connect(lambda r: self.open_register(r.id))
        self.registers_page.new_requested.connect(lambda: self.open_register(None))
        self.registers_page.delete_requested.connect(
            lambda r: self.delete_entity("registers", r.id, r.name)
        )
        self.registers_page.duplicate_requested.connect(self.duplicate)

        self.processors_page = processors_page(self.ctx)
        self.processors_page.model.status_of = lambda r: self.status_of("processor", r.id)
        self.processors_page.model.findings_of = lambda r: self.findings_for("processor", r.id)
        self.processors_page.open_requested.connect(lambda r: self.open_processor(r.id))
        self.processors_page.new_requested.connect(lambda: self.open_processor(None))
        self.processors_page.delete_requested.connect(
            lambda r: self.delete_entity("processors", r.id, r.name)
        )

        self.controllers_page = controllers_page(self.ctx)
        self.controllers_page.model.status_of = lambda r: self.status_of("controller", r.id)
        self.controllers_page.model.findings_of = lambda r: self.findings_for("controller", r.id)
        self.controllers_page.open_requested.connect(lambda r: self.open_controller(r.id))
        self.controllers_page.new_requested.connect(lambda: self.open_controller(None))
        self.controllers_page.delete_requested.connect(
            lambda r: self.delete_entity("controllers", r.id, r.name)
        )

        self.dpos_page = dpos_page(self.ctx)
        self.dpos_page.model.status_of = lambda r: self.status_of("dpo", r.id)
        self.dpos_page.model.findings_of = lambda r: self.findings_for("dpo", r.id)
        self.dpos_page.open_requested.connect(lambda r: self.open_dpo(r.id))
        self.dpos_page.new_requested.connect(lambda: self.open_dpo(None))
        self.dpos_page.delete_requested.connect(lambda r: self.delete_entity("dpos", r.id, r.name))

        self.transfers_page = transfers_page(lambda: self.transfers)
        self.transfers_page.model.status_of = lambda r: self.status_of("transfer", r.id)
        self.transfers_page.model.findings_of = lambda r: self.findings_for("transfer", r.id)
        self.transfers_page.open_requested.connect(
            lambda r: self.open_transfer(r.register_id, r.index)
        )
        self.transfers_page.new_requested.connect(lambda: self.open_transfer(None, None))
        self.transfers_page.delete_requested.connect(self.delete_transfer)

        self.audit_page = AuditPage(self.ctx)
        self.dashboard_page = DashboardPage(self.ctx)
        self.requests_page = RequestsPage(self.ctx)
        # A case changed in one page: reload the other and the audit trail.
        self.dashboard_page.changed.connect(self._requests_changed)
        self.dashboard_page.audit_pack_requested.connect(self.audit_pack)
        self.requests_page.changed.connect(self._requests_changed)
        self.letters_page = LettersPage(self.ctx)
        self.breaches_page = BreachesPage(self.ctx)
        self.breaches_page.changed.connect(self._breaches_changed)
        self.breach_card = BreachCard(self.ctx)
        self.breach_card.clicked.connect(self._breaches_from_card)
        self.dashboard_page.add_tile(self.breach_card)
        pages = {
            DASHBOARD: self.dashboard_page,
            REQUESTS: self.requests_page,
            BREACHES: self.breaches_page,
            LETTERS: self.letters_page,
            REGISTERS: self.registers_page,
            PROCESSORS: self.processors_page,
            CONTROLLERS: self.controllers_page,
            DPOS: self.dpos_page,
            TRANSFERS: self.transfers_page,
            AUDIT: self.audit_page,
        }
        for key, title in NAVIGATION:
            item = QListWidgetItem(_(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
            self.pages[key] = pages[key]
            self.page_order.append(key)
            # a page wider than a 125 % laptop screen scrolls rather than being cut
            self.stack.addWidget(scroll_area(pages[key], horizontal=True))
        # Wide enough for the longest translated title ("Henkilötietojen käsittelijät").
        self.navigation.setFixedWidth(max(170, self.navigation.sizeHintForColumn(0) + 24))
        self.navigation.currentRowChanged.connect(self._navigate)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_findings_dock(self) -> None:
        self.findings_panel = FindingsPanel()
        self.findings_panel.finding_activated.connect(self.open_finding)
        self.findings_dock = QDockWidget(_("Findings"), self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings_panel)
        self.findings_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [230], Qt.Orientation.Vertical)

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):  # the platform's standard key and a fixed one
            keys = dict.fromkeys(QKeySequence(key).toString() for key in shortcut)
            action.setShortcuts([QKeySequence(key) for key in keys if key])  # once each
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(
            self._action(_("New database…"), lambda: self.request_switch(1), "Ctrl+Shift+N")
        )
        file_menu.addAction(
            self._action(
                _("Open database…"), lambda: self.request_switch(0), QKeySequence.StandardKey.Open
            )
        )
        file_menu.addAction(
            self._action(
                _("Close database"),
                lambda: self.request_switch(None),
                QKeySequence.StandardKey.Close,
            )
        )
        self.recent_menu = file_menu.addMenu(_("Recent databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Export JSON…"), self.export_json))
        file_menu.addAction(self._action(_("Import JSON…"), self.import_json))
        file_menu.addAction(
            self._action(
                _("Backup…"), self.backup, tip=_("Write an encrypted copy of the database")
            )
        )
        safety_actions.add_to_file_menu(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                _("Audit pack…"),
                self.audit_pack,
                "Ctrl+Shift+A",
                _("The period's pack for management or the Data Protection Ombudsman"),
            )
        )
        file_menu.addAction(self._action(_("Verify a pack…"), self.verify_pack))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                _("Quit"),
                self.close,
                [*QKeySequence.keyBindings(QKeySequence.StandardKey.Quit), "Ctrl+Q"],
            )
        )

        edit_menu = bar.addMenu(_("&Edit"))
        self.new_action = self._action(_("New"), self.new_item, QKeySequence.StandardKey.New)
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(
            self._action(
                _("Open selected"),
                self.open_selected,
                tip=_("Enter in a list opens the row too"),
            )
        )
        self.duplicate_action = self._action(_("Duplicate register…"), self.duplicate_selected)
        edit_menu.addAction(self.duplicate_action)
        self.notice_action = self._action(
            _("Privacy notice…"),
            self.privacy_notice,
            "Ctrl+Shift+P",
            _("Preview, save and publish the privacy notice of the selected register(s)"),
        )
        edit_menu.addAction(self.notice_action)
        # several registers of one controller make one notice
        self.registers_page.table.setSelectionMode(
            self.registers_page.table.SelectionMode.ExtendedSelection
        )
        edit_menu.addAction(
            self._action(
                _("Delete selected…"), self.delete_selected, QKeySequence.StandardKey.Delete
            )
        )
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(_("Find"), self.focus_filter, QKeySequence.StandardKey.Find)
        )
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                _("Settings…"),
                lambda: self.edit_settings(),
                # Ctrl+, on every platform (Linux has no standard key for Preferences)
                [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences), "Ctrl+,"],
                _(
                    "Case number prefix, the deadline clock's pause "
                    "policy, the officer named in letters"
                ),
            )
        )

        view_menu = bar.addMenu(_("&View"))
        for number, (key, title) in enumerate(NAVIGATION, start=1):
            view_menu.addAction(
                self._action(
                    _(title),
                    lambda _c=False, k=key: self.show_page(k),
                    f"Ctrl+{number % 10}" if number <= 10 else None,  # Ctrl+1 … Ctrl+9, Ctrl+0
                )
            )
        view_menu.addSeparator()
        toggle = self.findings_dock.toggleViewAction()
        toggle.setText(_("Findings panel"))
        view_menu.addAction(toggle)
        view_menu.addAction(
            self._action(_("Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        )
        language_menu = view_menu.addMenu(_("Language"))
        group = QActionGroup(self)
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES.get(lang, lang), self, checkable=True)
            action.setChecked(lang == current_language())
            action.triggered.connect(lambda _c=False, lang=lang: self.choose_language(lang))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(
            self._action(_("User manual"), self.show_help, QKeySequence.StandardKey.HelpContents)
        )
        help_menu.addAction(self._action(_("About Rekisteri"), self.about))

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """View → Refresh: re-run the checker and reload every page."""
        self.load_findings()
        for page in self.pages.values():
            page.refresh()

    def entities_changed(self, kind: str) -> None:
        """Something of `kind` was stored: the pages that show it follow (a visible one
        now, a hidden one when shown next); the checker re-runs for the organisation."""
        keys = SHOWS.get(kind, SHOWS["everything"])
        if any(key in ORGANISATION for key in keys):
            self.load_findings()
        for key in keys:
            self.pages[key].changed()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """The first paint of the window: now run the checker, after the paint."""
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._first_findings)
        return super().eventFilter(watched, event)

    def _first_findings(self) -> None:
        if not self.findings_loaded and self.isVisible():  # not once closed (rebuilt)
            self.load_findings()

    def load_findings(self) -> None:
        """Run the checker and the transfers list; badges, findings panel, status line."""
        from ..services.transfer_list import transfer_rows

        self.transfers = transfer_rows(self.ctx)
        error = None
        try:
            self.findings = status.load_findings(self.ctx)
        except Exception as exc:  # a checker bug must not take the window down
            log.exception("compliance check failed")
            self.findings, error = [], dialogs.unexpected_message(exc)
        self.findings_loaded = True
        self.statuses = status.status_by_subject(self.findings)
        for key in FINDINGS_PAGES:
            self.pages[key].table.viewport().update()  # the badges read the new statuses
        nothing = False
        if not self.findings and not error:  # complete, or nothing recorded yet?
            from ..services import entities

            nothing = not entities.list_registers(self.ctx)
        self.findings_panel.set_findings(
            self.findings, available=status.checker_available(), error=error, nothing=nothing
        )
        red = sum(1 for f in self.findings if str(f.severity) == status.RED)
        self.findings_dock.setWindowTitle(
            _("Findings ({n})").format(n=len(self.findings)) if self.findings else _("Findings")
        )
        if red:
            self.statusBar().showMessage(
                ngettext("{n} finding must be fixed.", "{n} findings must be fixed.", red).format(
                    n=red
                )
            )
        else:
            self.statusBar().clearMessage()

    def _requests_changed(self) -> None:
        """A case was stored from one request page: the other pages follow."""
        self.entities_changed("requests")

    def _breaches_changed(self) -> None:
        """A breach was stored: the Breaches page, the dashboard (with its breach card)
        and the audit trail follow, now if shown, else when shown next."""
        self.entities_changed("breaches")

    def _breaches_from_card(self) -> None:
        """The card re-reads on a timer; the page it opens shows what the card just read."""
        self.breaches_page.stale = True
        if self.current_page() is self.breaches_page:
            self.breaches_page.refresh()
        self.show_page(BREACHES)

    def status_of(self, kind: str, ident: Any) -> str:
        return self.statuses.get((kind, ident), status.OK)

    def findings_for(self, kind: str, ident: Any) -> list[Any]:
        return [
            f
            for f in self.findings
            if str(f.subject_kind) == kind and status._subject_id(f.subject_id) == ident
        ]

    def register_status(self, row: Any) -> str:
        """A register's badge also shows the worst of its transfers."""
        own = [self.status_of("register", row.id)]
        own += [self.status_of("transfer", t.id) for t in self.transfers if t.register_id == row.id]
        return status.worst(own)

    def register_findings(self, row: Any) -> list[Any]:
        found = self.findings_for("register", row.id)
        for transfer in self.transfers:
            if transfer.register_id == row.id:
                found += self.findings_for("transfer", transfer.id)
        return found

    # ---------------------------------------------------------------- pages
    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self.page_order.index(key))

    def current_page(self) -> QWidget:
        return self.pages[self.page_order[max(0, self.stack.currentIndex())]]

    def _navigate(self, row: int) -> None:
        """Show page `row`; the checker first if its badges need it."""
        key = self.page_order[row]
        if key in FINDINGS_PAGES and not self.findings_loaded:
            self.load_findings()
        self.stack.setCurrentIndex(row)
        settings.settings().setValue(PAGE_KEY, key)
        page = self.current_page()
        is_list = isinstance(page, ListPage)
        self.new_action.setEnabled(
            is_list or hasattr(page, "new_request") or hasattr(page, "new_breach")
        )
        self.duplicate_action.setEnabled(page is self.registers_page)

    def focus_filter(self) -> None:
        page = self.current_page()
        if hasattr(page, "focus_filter"):
            page.focus_filter()

    def new_item(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page.new_requested.emit()
        elif hasattr(page, "new_request"):  # Requests and Dashboard: a new request
            page.new_request()
        elif hasattr(page, "new_breach"):
            page.new_breach()

    def open_selected(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page._emit(page.open_requested)
        elif hasattr(page, "open_selected"):
            page.open_selected()

    def delete_selected(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page._emit(page.delete_requested)

    def privacy_notice(self) -> Any:
        """The notice window for the registers selected on the Registers page."""
        from .notices.notice_dialog import open_notice_dialog

        self.show_page(REGISTERS)
        return open_notice_dialog(self, self.registers_page, self.ctx)

    def duplicate_selected(self) -> None:
        row = self.registers_page.current_row()
        if row is not None and self.current_page() is self.registers_page:
            self.duplicate(row)

    # -------------------------------------------------------------- editors
    def _show_editor(self, key: tuple[str, Any], make: Any) -> EditorDialog | None:
        existing = self.editors.get(key)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            editor = make()
        except Exception as exc:
            from ..services.context import ServiceError

            if not isinstance(exc, ServiceError):
                log.exception("opening an editor failed")
            message = str(exc) if isinstance(exc, ServiceError) else dialogs.unexpected_message(exc)
            dialogs.show_error(self, _("Cannot open"), message)
            self.entities_changed("registers")
            return None
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _r, k=key, e=editor: self._editor_closed(k, e))
        self.editors[key] = editor
        editor.show()
        return editor

    def _editor_closed(self, key: tuple[str, Any], editor: EditorDialog) -> None:
        if self.editors.get(key) is editor:
            del self.editors[key]
        editor.deleteLater()

    def _saved(self, kind: str, _ident: int) -> None:
        self.entities_changed(kind)

    def open_register(self, ident: int | None) -> EditorDialog | None:
        key = ("register", ident if ident is not None else object())

        def make() -> RegisterEditor:
            editor = RegisterEditor(self.ctx, ident, self)
            editor.duplicate_requested.connect(self.open_register)
            return editor

        return self._show_editor(key, make)

    def open_processor(self, ident: int | None) -> EditorDialog | None:
        key = ("processor", ident if ident is not None else object())
        return self._show_editor(key, lambda: ProcessorEditor(self.ctx, ident, self))

    def open_controller(self, ident: int | None) -> EditorDialog | None:
        key = ("controller", ident if ident is not None else object())
        return self._show_editor(key, lambda: ControllerEditor(self.ctx, ident, self))

    def open_dpo(self, ident: int | None) -> EditorDialog | None:
        key = ("dpo", ident if ident is not None else object())
        return self._show_editor(key, lambda: DpoEditor(self.ctx, ident, self))

    def open_transfer(self, register_id: int | None, index: int | None) -> EditorDialog | None:
        if register_id is None and not self.registers_page.model.rows:
            dialogs.show_info(
                self,
                _("No registers"),
                _("A transfer belongs to a register. Create a register first."),
            )
            return None
        key = ("transfer", (register_id, index) if register_id is not None else object())
        return self._show_editor(key, lambda: TransferEditor(self.ctx, register_id, index, self))

    def open_finding(self, finding: Any) -> EditorDialog | None:
        kind = str(finding.subject_kind)
        ident = status._subject_id(finding.subject_id)
        if kind == "register":
            return self.open_register(ident)
        if kind == "processor":
            return self.open_processor(ident)
        if kind == "controller":
            return self.open_controller(ident)
        if kind == "dpo":
            return self.open_dpo(ident)
        if kind == "settings":  # the checker's settings findings are the authority's
            self.edit_settings("authority")
            return None
        if kind == "transfer":
            for row in self.transfers:
                if row.id == ident:
                    return self.open_transfer(row.register_id, row.index)
        self.entities_changed("registers")
        return None

    def close_editors(self) -> bool:
        """Close every editor, asking about unsaved changes; False if one stays open."""
        for editor in list(self.editors.values()):
            if editor.isVisible():
                editor.raise_()
                editor.reject()
                if editor.isVisible():
                    return False
        return True

    # ------------------------------------------------------- list actions
    def delete_entity(self, kind: str, ident: int, name: str) -> bool:
        from ..services import entities
        from ..services.context import ServiceError

        if not dialogs.confirm(
            self,
            _("Delete"),
            _("Delete {name}? The deletion is recorded in the audit trail.").format(name=name),
            _("Delete"),
        ):
            return False
        try:
            entities.delete(self.ctx, kind, ident)
        except ServiceError as exc:
            dialogs.show_error(self, _("Not deleted"), str(exc))
            return False
        self.entities_changed(kind)
        return True

    def delete_transfer(self, row: Any) -> bool:
        from ..services import entities
        from ..services.context import ServiceError

        if not dialogs.confirm(
            self,
            _("Delete"),
            _("Delete the transfer to {recipient} from register {register}?").format(
                recipient=row.recipient, register=row.register_name
            ),
            _("Delete"),
        ):
            return False
        try:
            data = entities.get(self.ctx, "registers", row.register_id)
            del data["transfers"][row.index]
            entities.save(self.ctx, "registers", data, row.register_id)
        except ServiceError as exc:
            dialogs.show_error(self, _("Not deleted"), str(exc))
            return False
        self.entities_changed("transfers")
        return True

    def duplicate(self, row: Any) -> int | None:
        copy_id = duplicate_register(self, self.ctx, row.id, row.name)
        if copy_id is not None:
            self.entities_changed("registers")
            self.registers_page.select_where(lambda r: r.id == copy_id)
            self.open_register(copy_id)
        return copy_id

    # ---------------------------------------------------------- file menu
    def export_json(self) -> None:
        from ..services import exchange

        if not dialogs.confirm(
            self,
            _("Export JSON"),
            _(
                "The export is a plain, unencrypted JSON file with every register and "
                "request, including personal data. Store it only where such data may be "
                "kept, and delete it when it is no longer needed."
            ),
            _("Export…"),
        ):
            return
        default = Path(self.database.path).with_name(
            f"rekisteri-export-{date.today().isoformat()}.json"
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export JSON"), str(default), "JSON (*.json)"
        )
        if not path:
            return
        from ..files import WriteFailed

        try:
            exchange.export_to_file(self.ctx, path)
        except WriteFailed as exc:
            dialogs.show_error(self, _("Export failed"), exc.message)
            return
        self.statusBar().showMessage(_("Exported to {path}").format(path=path), 8000)

    def import_json(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import JSON"), str(Path(self.database.path).parent), "JSON (*.json);;*"
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        from ..services import exchange
        from ..services.context import ServiceError

        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            dialogs.show_error(
                self,
                _("Import failed"),
                _("Could not read {path}: {error}").format(path=path, error=exc.strerror),
            )
            return False
        except (ValueError, UnicodeDecodeError) as exc:
            dialogs.show_error(
                self,
                _("Import failed"),
                _("{path} is not a JSON document: {error}").format(path=path, error=exc),
            )
            return False
        except RecursionError:
            dialogs.show_error(
                self, _("Import failed"), _("The input is nested too deeply to be read.")
            )
            return False
        try:
            counts = exchange.import_document(self.ctx, document)
        except exchange.InvalidDocument as exc:
            dialogs.show_problems(
                self,
                _("Import failed"),
                _("Nothing was imported: the document has {n} problems.").format(
                    n=len(exc.problems)
                ),
                [str(p) for p in exc.problems],
            )
            return False
        except ServiceError as exc:
            dialogs.show_error(self, _("Import failed"), str(exc))
            return False
        self.entities_changed("everything")
        dialogs.show_info(
            self,
            _("Imported"),
            _(
                "Imported {registers} registers, {processors} processors, {controllers} "
                "controllers and {requests} requests."
            ).format(
                registers=counts.get("registers", 0),
                processors=counts.get("processors", 0),
                controllers=counts.get("controllers", 0),
                requests=counts.get("requests", 0),
            ),
        )
        return True

    def backup(self) -> None:
        source = Path(self.database.path)
        default = source.with_name(f"{source.stem}-backup-{date.today():%Y%m%d}{source.suffix}")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Backup"),
            str(default),
            "Rekisteri (*.db *.rekisteri);;*",
        )  # the file dialog asks before an older backup is replaced
        if path:
            self.backup_to(Path(path), replace=True)

    def backup_to(self, out: Path, *, replace: bool = False) -> bool:
        from ..storage.errors import StorageError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.database.backup_to(out, replace=replace)
        except StorageError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(self, _("Backup failed"), exc.message)
            return False
        QApplication.restoreOverrideCursor()
        dialogs.show_info(
            self,
            _("Backup"),
            _("The backup was written to {path}. It is encrypted with the same passphrase.").format(
                path=out
            ),
        )
        return True

    def audit_pack(self) -> Any:
        """The export dialog of the period's audit pack."""
        from .audit_pack.export_dialog import open_audit_pack_dialog

        return open_audit_pack_dialog(self, self.ctx)

    def verify_pack(self) -> Any:
        from .audit_pack.verify_dialog import open_verify_dialog

        return open_verify_dialog(self, Path(self.database.path).parent)

    def edit_settings(self, page: str = "cases") -> Any:
        """The database's settings; deadlines are recomputed when they are saved."""
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.entities_changed("settings"))
        dialog.open()
        return dialog

    def choose_language(self, lang: str) -> None:
        """Save the choice and apply it now: gettext, Qt's own texts, then the window is
        rebuilt by the controller (a window without one says when it applies)."""
        from .qt_language import install_qt_translations

        settings.save_language(lang)
        if lang == current_language():
            return
        set_language(lang)
        install_qt_translations(QApplication.instance(), lang)
        if self.receivers(SIGNAL("language_changed(QString)")) > 0:
            self.language_changed.emit(lang)
        else:
            dialogs.show_info(
                self, _("Language"), _("The new language is used the next time Rekisteri starts.")
            )

    def current_key(self) -> str:
        return self.page_order[max(0, self.stack.currentIndex())]

    def show_help(self) -> Any:
        from .help_window import show_help

        return show_help(self)

    def about(self) -> None:
        from .about_dialog import show_about

        show_about(self, self.database)

    # ------------------------------------------------------------- locking
    def clear_for_lock(self) -> None:
        """Every list and detail view of the window emptied (the lock screen shows)."""
        safety_actions.clear_views(self)

    def reopen(self, database: Any) -> None:
        """The same file unlocked again: the lists reload from it."""
        self.database = database
        self.ctx.db = database
        self.refresh()

    # ------------------------------------------------------------- closing
    def _fill_recent(self) -> None:
        """The databases opened last (paths only, from the window's settings)."""
        self.recent_menu.clear()
        here = str(Path(self.database.path).resolve())
        for number, path in enumerate(settings.recent_databases()[: settings.MAX_RECENT], 1):
            action = self.recent_menu.addAction(f"&{number} " + path.replace("&", "&&"))
            action.setEnabled(path != here and Path(path).exists())
            action.triggered.connect(lambda _c=False, p=path: self.request_switch(0, p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(_("(none)")).setEnabled(False)

    def request_switch(self, tab: int | None, path: str | None = None) -> None:
        """Another database: New/Open ask first and keep this one if cancelled; Close
        closes this one and shows the start dialog."""
        if tab is None:
            self.closing_for_switch = True
            if self.close():
                self.switch_requested.emit(None)
            self.closing_for_switch = False
            return
        if not self.close_editors():
            return
        from .start_dialog import LANGUAGE_CHANGED, StartDialog

        was = current_language()
        while True:
            dialog = StartDialog(self, tab=tab)
            if path is not None:  # File → Recent databases: only the passphrase is asked
                dialog.open_path.setText(path)
                dialog.open_passphrase.setFocus()
            result = dialog.exec()
            if result != LANGUAGE_CHANGED:
                break
            tab = dialog.tabs.currentIndex()
        if not result:
            if current_language() != was:  # chosen in the start dialog, then cancelled
                self.language_changed.emit(current_language())
            return
        self.closing_for_switch = True
        self.created_new_database = dialog.created
        if self.close():
            self.replace_requested.emit(dialog.database)
        else:  # pragma: no cover - editors were closed above
            dialog.database.close()
        self.closing_for_switch = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_editors():
            event.ignore()
            return
        store = settings.settings()
        store.setValue(settings.GEOMETRY_KEY, self.saveGeometry())
        store.setValue(settings.STATE_KEY, self.saveState())
        event.accept()
        if self.keep_database_open:  # rebuilt in another language: the file stays open
            return
        self.database.close()
        self.closed.emit(self.closing_for_switch)
