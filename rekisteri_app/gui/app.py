"""`rekisteri-app`: the desktop window's entry point.

Startup is kept light: only Qt and gettext load before the start dialog appears;
SQLAlchemy, SQLCipher and the services load when a database is opened.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
)

from ..i18n import LANGUAGES, _, language_from_environment, set_language
from ..paths import resource
from . import settings
from .qt_language import install_qt_translations

log = logging.getLogger(__name__)
DESKTOP_ID = "fi.rekisteri.Rekisteri"  # = packaging/linux/<id>.desktop and .metainfo.xml


def choose_language(requested: str | None = None) -> str:
    """--lang, else the language saved in the window's settings, else the environment."""
    for candidate in (requested, settings.saved_language(), language_from_environment()):
        if candidate in LANGUAGES:
            return candidate
    return "fi"


def application_icon() -> QIcon:
    """Every window's icon (title bar, task bar), from the PNGs rendered from the SVG."""
    icon = QIcon()
    for path in sorted(resource("icons").glob("rekisteri-*.png")):
        icon.addFile(str(path))
    return icon


class Controller:
    """Start dialog -> main window -> (lock -> lock screen -> main window) … -> quit."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.window: Any = None
        self.lock_screen: Any = None
        self.drafts: list[Any] = []  # windows hidden by an idle lock, shown on unlock
        from .lock_triggers import IdleWatcher, ScreenWatcher

        self.idle = IdleWatcher(self._idle_minutes, lambda: self.lock("idle"))
        self.screen = ScreenWatcher(self.lock)
        self.screen.start()

    def start(self, tab: int | None = None, path: Path | None = None) -> bool:
        """The start dialog; with `path` (--db) it opens that file with the passphrase in
        $REKISTERI_PASSPHRASE without asking, and asks for it when none is set or it fails."""
        from .start_dialog import LANGUAGE_CHANGED, OPEN_TAB, StartDialog

        dialog = StartDialog(tab=OPEN_TAB if path is not None else tab)
        opened = False
        if path is not None:
            dialog.open_path.setText(str(path))
            dialog.open_passphrase.setText(os.environ.get("REKISTERI_PASSPHRASE", ""))
            opened = dialog.open_database()
        while not opened:
            result = dialog.exec()
            if result != LANGUAGE_CHANGED:
                if not result:
                    return False
                break
            # another language: the same dialog again, built in it
            dialog = StartDialog(tab=dialog.tabs.currentIndex())
        self.show_main(dialog.database, first_run=dialog.created)
        return True

    def show_main(self, database: Any, *, first_run: bool = False) -> None:
        """The main window; on a database created just now, the first-run setup too."""
        from .main_window import MainWindow

        self.window = MainWindow(database)
        self.window.switch_requested.connect(self.switch)
        self.window.replace_requested.connect(self.replace)
        self.window.closed.connect(self._closed)
        self.window.lock_requested.connect(lambda: self.lock("manual"))
        self.window.language_changed.connect(self.relanguage)
        self.window.show()
        if first_run:
            from .first_run import offer_setup

            offer_setup(self.window, self.window.ctx, self.window.refresh)
        self.idle.start()
        QTimer.singleShot(0, self.daily_backup)

    def daily_backup(self) -> None:
        """Today's automatic backup, once, after the window is up; a failure is said in
        the status bar and never stops the work."""
        from ..files import WriteFailed
        from ..services.backups import auto_backup
        from ..storage.errors import StorageError

        window = self.window
        if window is None or window.database.closed:
            return
        try:
            made = auto_backup(window.ctx)
        except (StorageError, WriteFailed, OSError) as exc:
            detail = getattr(exc, "message", None) or getattr(exc, "strerror", "") or ""
            window.statusBar().showMessage(
                _("The automatic backup failed: {error}").format(error=detail), 15000
            )
            return
        if made is not None:
            window.statusBar().showMessage(
                _("Today's automatic backup: {path}").format(path=made), 8000
            )

    def _idle_minutes(self) -> float | None:
        from ..services import settings as db_settings

        window = self.window
        if window is None or window.database.closed:
            return None
        return db_settings.get(window.ctx, db_settings.IDLE_LOCK_MINUTES)

    # ------------------------------------------------------------------- locking
    def lock(self, reason: str) -> bool:
        """Close the database and show the lock screen. Transient questions (message
        boxes, file dialogs) are cancelled first; open editors are kept hidden as drafts
        on an idle or screen lock, and asked about on a manual one."""
        window = self.window
        if window is None or self.lock_screen is not None or window.database.closed:
            return False
        _cancel_transients()
        others = [w for w in _open_windows() if w is not window]
        if reason == "manual" and others:
            from . import dialogs

            choice = dialogs.ask_lock_with_drafts(window, len(others))
            if choice == dialogs.CANCEL:
                return False
            if choice == dialogs.DISCARD:
                for widget in others:
                    _discard(widget)
                others = []
        QTimer.singleShot(0, lambda: self._lock_now(others, reason))
        return True

    def _lock_now(self, keep: list[Any], reason: str) -> None:
        from .lock_screen import LockScreen

        window = self.window
        if window is None or window.database.closed:
            return
        self.idle.stop()
        for widget in keep:
            widget.hide()
        self.drafts = keep
        window.hide()
        window.clear_for_lock()
        path = window.database.path
        window.database.close()
        reasons = {
            "idle": _("Locked after a time without use."),
            "screen": _("Locked because the screen was locked."),
            "suspend": _("Locked because the computer went to sleep."),
            "manual": "",
        }
        self.lock_screen = LockScreen(path, drafts=len(keep), reason=reasons.get(reason, ""))
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.close_requested.connect(self._close_locked)
        self.lock_screen.show()
        self.lock_screen.raise_()
        self.lock_screen.activateWindow()

    def _unlocked(self, database: Any) -> None:
        screen, self.lock_screen = self.lock_screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        window = self.window
        window.reopen(database)
        window.show()
        for widget in self.drafts:
            widget.show()
        self.drafts = []
        self.idle.start()

    def _close_locked(self) -> None:
        screen, self.lock_screen = self.lock_screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        for widget in self.drafts:
            _discard(widget)
        self.drafts = []
        window = self.window
        if window is not None:
            window.editors.clear()
            window.closing_for_switch = True
            window.close()
            window.closing_for_switch = False
        self.switch(None)

    # --------------------------------------------------------------- switching
    def switch(self, tab: int | None) -> None:
        self.idle.stop()
        old, self.window = self.window, None
        if old is not None:
            old.deleteLater()
        if not self.start(tab):
            self.app.quit()

    def relanguage(self, _lang: str = "") -> None:
        """Another UI language, without a restart: the same open database in a main
        window built anew in that language (editors were closed, or kept, first)."""
        old = self.window
        if old is None or not old.close_editors():
            return
        old.keep_database_open = True
        page = old.current_key()
        old.close()
        old.deleteLater()
        self.show_main(old.database)
        self.window.show_page(page)

    def replace(self, database: Any) -> None:
        old = self.window
        if old is not None:
            old.deleteLater()
        self.show_main(database, first_run=bool(getattr(old, "created_new_database", False)))

    def _closed(self, switching: bool) -> None:
        if not switching:
            self.idle.stop()
            self.app.quit()

    def shutdown(self) -> None:
        """SIGTERM/SIGINT: no partial file stays, the database is closed, Qt quits."""
        from ..files import remove_partials_in_progress

        remove_partials_in_progress()
        window = self.window
        if window is not None:
            window.database.close()
        self.app.quit()
        # A signal during start-up arrives before Qt's loop runs, where quit() does
        # nothing: the queued quit ends the loop as soon as it starts.
        QTimer.singleShot(0, self.app.quit)


def _open_windows() -> list[Any]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.objectName() != "lockScreen" and not isinstance(w, QMenu)
    ]


def _cancel_transients() -> None:
    """A question or file dialog left open is answered "Cancel" before the lock."""
    for _attempt in range(10):
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QMessageBox | QFileDialog | QInputDialog | QProgressDialog):
            return
        modal.reject()


def _discard(widget: Any) -> None:
    """Close without the unsaved-changes question (the officer chose to discard)."""
    if isinstance(widget, QDialog):
        QDialog.done(widget, int(QDialog.DialogCode.Rejected))
    else:
        widget.close()
    widget.deleteLater()


def _excepthook(kind: type[BaseException], value: BaseException, trace: Any) -> None:
    """A bug in a slot: a short translated message, never the exception's text (it may
    quote personal data); the crash report has the code locations."""
    from .. import crash_report

    value.__traceback__ = value.__traceback__ or trace
    path = crash_report.write(value, where="window")
    log.error("unexpected error: %s (crash report: %s)", kind.__name__, path)
    if QApplication.instance() is not None:
        from .dialogs import show_error

        if path is None:
            text = _(
                "Unexpected error ({kind}). Its details are not shown, as they may contain "
                "personal data."
            )
        else:
            text = _(
                "Unexpected error ({kind}). Its details are not shown, as they may contain "
                "personal data; a report without data (the code locations only) was written "
                "to {log}. Please send it to the application's maintainers."
            )
        show_error(None, _("Unexpected error"), text.format(kind=kind.__name__, log=path))


def _qt_messages(mode: QtMsgType, context: Any, message: str) -> None:
    """Qt's own warnings go to the log by category only at debug level; a fatal one is a
    crash report (Qt's text is never written: it may name a file or a value)."""
    if mode == QtMsgType.QtFatalMsg:
        from .. import crash_report

        crash_report.write(RuntimeError("Qt fatal message"), where="qt")
    elif mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtWarningMsg):
        log.debug("Qt %s in %s", mode.name, getattr(context, "category", "") or "")


def install_signal_handlers(controller: Controller) -> QTimer:
    """SIGINT/SIGTERM end the window cleanly. Python runs signal handlers between
    bytecodes only, so a timer gives the interpreter a turn while Qt's loop waits."""
    import signal

    def handler(_signum: int, _frame: Any) -> None:
        controller.shutdown()

    for name in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, handler)
    timer = QTimer()
    timer.start(250)
    timer.timeout.connect(lambda: None)
    return timer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rekisteri-app")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=_("open this database (passphrase from $REKISTERI_PASSPHRASE, else asked)"),
    )
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else list(argv))
    logging.basicConfig(level=logging.WARNING)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Rekisteri")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(application_icon())
    app.setQuitOnLastWindowClosed(False)
    lang = choose_language(args.lang)
    set_language(lang)
    install_qt_translations(app, lang)
    sys.excepthook = _excepthook
    qInstallMessageHandler(_qt_messages)
    controller = Controller(app)
    _keep = install_signal_handlers(controller)
    if not controller.start(path=args.db):
        return 0
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
