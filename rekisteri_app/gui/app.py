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

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..i18n import LANGUAGES, _, language_from_environment, set_language
from ..paths import resource
from . import settings

log = logging.getLogger(__name__)
DESKTOP_ID = "fi.rekisteri.Rekisteri"  # = packaging/linux/<id>.desktop and .metainfo.xml


def choose_language(requested: str | None = None) -> str:
    """--lang, else the language saved in the window's settings, else the environment."""
    for candidate in (requested, settings.saved_language(), language_from_environment()):
        if candidate in LANGUAGES:
            return candidate
    return "fi"


def install_qt_translations(app: QApplication, lang: str) -> None:
    """Qt's own texts (file dialogs, standard buttons) in the same language."""
    QLocale.setDefault(QLocale(lang))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
    else:  # a packaging fault: the bundle test reads this line as a failure
        log.warning("Qt's own translations (qtbase_%s) are missing from %s", lang, folder)


def application_icon() -> QIcon:
    """Every window's icon (title bar, task bar), from the PNGs rendered from the SVG."""
    icon = QIcon()
    for path in sorted(resource("icons").glob("rekisteri-*.png")):
        icon.addFile(str(path))
    return icon


class Controller:
    """Start dialog -> main window -> (close database) -> start dialog … -> quit."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.window: Any = None

    def start(self, tab: int | None = None, path: Path | None = None) -> bool:
        """The start dialog; with `path` (--db) it opens that file with the passphrase in
        $REKISTERI_PASSPHRASE without asking, and asks for it when none is set or it fails."""
        from .start_dialog import OPEN_TAB, StartDialog

        dialog = StartDialog(tab=OPEN_TAB if path is not None else tab)
        opened = False
        if path is not None:
            dialog.open_path.setText(str(path))
            dialog.open_passphrase.setText(os.environ.get("REKISTERI_PASSPHRASE", ""))
            opened = dialog.open_database()
        if not (opened or dialog.exec()):
            return False
        self.show_main(dialog.database)
        return True

    def show_main(self, database: Any) -> None:
        from .main_window import MainWindow

        self.window = MainWindow(database)
        self.window.switch_requested.connect(self.switch)
        self.window.replace_requested.connect(self.replace)
        self.window.closed.connect(self._closed)
        self.window.show()

    def switch(self, tab: int | None) -> None:
        old, self.window = self.window, None
        if old is not None:
            old.deleteLater()
        if not self.start(tab):
            self.app.quit()

    def replace(self, database: Any) -> None:
        old = self.window
        if old is not None:
            old.deleteLater()
        self.show_main(database)

    def _closed(self, switching: bool) -> None:
        if not switching:
            self.app.quit()


def _excepthook(kind: type[BaseException], value: BaseException, trace: Any) -> None:
    """A bug in a slot shows a short message, never a traceback; the log has the rest."""
    log.error("unexpected error", exc_info=(kind, value, trace))
    if QApplication.instance() is not None:
        from .dialogs import show_error

        show_error(None, _("Unexpected error"), _("Unexpected error: {error}").format(error=value))


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
    controller = Controller(app)
    if not controller.start(path=args.db):
        return 0
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
