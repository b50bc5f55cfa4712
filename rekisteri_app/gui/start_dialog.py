"""The first window: open a recent or another database, create a new one, or try the demo.

It hands the main window an open, unlocked `Database`, and nothing else: the passphrase
stays in the dialog's fields. Every failure to open arrives as a storage error with a
translated `.message` and is shown as a plain message box.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import LANGUAGES, NATIVE_NAMES, _, current_language, set_language
from ..storage.database import MIN_PASSPHRASE  # the one minimum, enforced by storage
from . import dialogs, settings
from .uiload import child, load_ui

log = logging.getLogger(__name__)

FILE_FILTER = "Rekisteri (*.db *.rekisteri);;*"
DEMO_FILE = "rekisteri-demo.db"
DEMO_PASSPHRASE = "rekisteri-demo"

OPEN_TAB, NEW_TAB, DEMO_TAB = 0, 1, 2
LANGUAGE_CHANGED = 2  # the dialog's result when the officer chose another UI language


def passphrase_strength(text: str, minimum: int = MIN_PASSPHRASE) -> tuple[int, str]:
    """0-4 and a word: length counts most, mixing character classes a little.

    Only feedback: the storage layer enforces the minimum. Long passphrases of ordinary
    words are encouraged over short complicated ones, since the officer must type it.
    """
    if not text:
        return 0, ""
    if len(text) < minimum:
        return 0, _("Too short: at least {n} characters.").format(n=minimum)
    classes = sum(
        any(test(ch) for ch in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda ch: not ch.isalnum())
    )
    score = 1 + (len(text) >= 12) + (len(text) >= 16) + (classes >= 3)
    score = min(score, 4)
    words = {1: _("Weak"), 2: _("Fair"), 3: _("Good"), 4: _("Strong")}
    return score, words[score]


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    return Path(documents) / "Rekisteri"


def suggested_new_path() -> Path:
    folder = default_folder()
    candidate = folder / "rekisteri.db"
    number = 2
    while candidate.exists():
        candidate = folder / f"rekisteri-{number}.db"
        number += 1
    return candidate


def demo_path() -> Path:
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(data or Path.home() / ".rekisteri") / "demo" / DEMO_FILE


def demo_service() -> Any | None:
    """services.demo.create_demo when it is installed, else None."""
    try:
        from ..services import demo
    except ImportError:
        return None
    return demo if hasattr(demo, "create_demo") else None


class StartDialog(QDialog):
    """Result: `database` (open), when accepted."""

    def __init__(self, parent: QWidget | None = None, *, tab: int | None = None) -> None:
        super().__init__(parent)
        self.database: Any = None
        self.created = False  # a new database (not the demo): the window offers its setup
        self.form = load_ui("start_dialog.ui", self)
        self.setWindowTitle(self.form.windowTitle())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.form)
        self.resize(640, 500)

        f = self.form
        self.tabs = child(f, QTabWidget, "tabs")
        self.recent_list = child(f, QListWidget, "recentList")
        self.open_path = child(f, QLineEdit, "openPath")
        self.open_passphrase = child(f, QLineEdit, "openPassphrase")
        self.open_button = child(f, QPushButton, "openButton")
        self.new_path = child(f, QLineEdit, "newPath")
        self.new_passphrase = child(f, QLineEdit, "newPassphrase")
        self.new_passphrase2 = child(f, QLineEdit, "newPassphrase2")
        self.strength_bar = child(f, QProgressBar, "strengthBar")
        self.strength_label = child(f, QLabel, "strengthLabel")
        self.match_label = child(f, QLabel, "matchLabel")
        self.storage_note = child(f, QLabel, "storageNote")
        self.create_button = child(f, QPushButton, "createButton")
        self.demo_button = child(f, QPushButton, "demoButton")
        self.demo_location = child(f, QLabel, "demoLocation")
        buttons = child(f, QDialogButtonBox, "buttons")
        buttons.rejected.connect(self.reject)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.setToolTip(_("The language of the window"))
        self.language.currentIndexChanged.connect(self.choose_language)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(_("Language:")))
        row.addWidget(self.language)
        layout.insertLayout(0, row)

        for path in settings.recent_databases():
            item = QListWidgetItem(Path(path).name + "  —  " + str(Path(path).parent))
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setForeground(Qt.GlobalColor.gray)
                item.setToolTip(_("{path} (not found)").format(path=path))
            self.recent_list.addItem(item)
        self.recent_list.currentItemChanged.connect(self._recent_chosen)
        self.recent_list.itemDoubleClicked.connect(lambda _item: self.open_passphrase.setFocus())
        last = settings.last_database()
        if last:
            self.open_path.setText(last)
            for row in range(self.recent_list.count()):
                if self.recent_list.item(row).data(Qt.ItemDataRole.UserRole) == last:
                    self.recent_list.setCurrentRow(row)
        child(f, QPushButton, "browseOpen").clicked.connect(self._browse_open)
        self.open_button.clicked.connect(self.open_database)
        self.open_passphrase.returnPressed.connect(self.open_database)
        self.open_path.textChanged.connect(self._update_open)
        self.open_passphrase.textChanged.connect(self._update_open)

        self.new_path.setText(str(suggested_new_path()))
        child(f, QPushButton, "browseNew").clicked.connect(self._browse_new)
        for widget in (self.new_path, self.new_passphrase, self.new_passphrase2):
            widget.textChanged.connect(self._update_new)
        self.new_passphrase2.returnPressed.connect(self.create_database)
        self.create_button.clicked.connect(self.create_database)

        self.demo_button.clicked.connect(self.open_demo)
        if demo_service() is None:
            self.demo_button.setEnabled(False)
            self.demo_button.setToolTip(_("The demo is not included in this version."))
        self.demo_location.setText(
            _("The demo is stored in {path} with the passphrase {passphrase}.").format(
                path=demo_path(), passphrase=DEMO_PASSPHRASE
            )
        )

        if tab is None:
            tab = OPEN_TAB if self.recent_list.count() else NEW_TAB
        self.tabs.setCurrentIndex(tab)
        self._update_open()
        self._update_new()
        (self.open_passphrase if tab == OPEN_TAB else self.new_passphrase).setFocus()

    def choose_language(self, *_args: Any) -> None:
        """Apply the language at once: the caller builds the dialog again in it."""
        from .qt_language import install_qt_translations

        lang = self.language.currentData()
        settings.save_language(lang)
        set_language(lang)
        install_qt_translations(QApplication.instance(), lang)
        self.done(LANGUAGE_CHANGED)

    # ------------------------------------------------------------------- open
    def _recent_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.open_path.setText(item.data(Qt.ItemDataRole.UserRole))

    def _browse_open(self) -> None:
        start = self.open_path.text() or str(default_folder())
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open a Rekisteri database"), start, FILE_FILTER
        )
        if path:
            self.open_path.setText(path)
            self.open_passphrase.setFocus()

    def _update_open(self, *_args: Any) -> None:
        self.open_button.setEnabled(
            bool(self.open_path.text().strip()) and bool(self.open_passphrase.text())
        )

    def open_database(self) -> bool:
        path = self.open_path.text().strip()
        passphrase = self.open_passphrase.text()
        if not path or not passphrase:
            return False
        if self._unlock(lambda: self._open(Path(path), passphrase), _("Cannot open the database")):
            settings.remember_database(path)
            return True
        self.open_passphrase.selectAll()
        self.open_passphrase.setFocus()
        return False

    @staticmethod
    def _open(path: Path, passphrase: str) -> Any:
        from ..storage.database import Database

        return Database.open(path, passphrase)

    # -------------------------------------------------------------------- new
    def _browse_new(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Create a Rekisteri database"), self.new_path.text(), FILE_FILTER
        )
        if path:
            self.new_path.setText(path)

    def _update_new(self, *_args: Any) -> None:
        first, second = self.new_passphrase.text(), self.new_passphrase2.text()
        score, word = passphrase_strength(first)
        self.strength_bar.setValue(score)
        colour = {0: "#c62828", 1: "#c62828", 2: "#ef8f00", 3: "#2e7d32", 4: "#2e7d32"}[score]
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.strength_label.setText(word)
        mismatch = bool(second) and first != second
        self.match_label.setText(_("The passphrases do not match.") if mismatch else "")
        path = self.new_path.text().strip()
        exists = bool(path) and Path(path).exists()
        if exists:
            self.storage_note.setText(
                _("A file named {path} already exists. Choose another name.").format(path=path)
            )
        else:
            self.storage_note.setText(
                _(
                    "The database will be stored in {path}. It is encrypted with this "
                    "passphrase: nobody can open it without the passphrase, and a forgotten "
                    "passphrase cannot be recovered. Keep the passphrase safe and make backups "
                    "(File → Backup)."
                ).format(path=path or "—")
            )
        self.create_button.setEnabled(
            bool(path) and not exists and len(first) >= MIN_PASSPHRASE and first == second
        )

    def create_database(self) -> bool:
        if not self.create_button.isEnabled():
            return False
        path = Path(self.new_path.text().strip()).expanduser()
        passphrase = self.new_passphrase.text()

        def create() -> Any:
            from ..storage.database import Database

            path.parent.mkdir(parents=True, exist_ok=True)
            return Database.create(path, passphrase)

        if self._unlock(create, _("Cannot create the database")):
            settings.remember_database(path)
            self.created = True
            return True
        return False

    # ------------------------------------------------------------------- demo
    def open_demo(self) -> bool:
        service = demo_service()
        if service is None:
            return False
        path = demo_path()

        def make() -> Any:
            from ..storage.database import Database

            if path.exists():
                return Database.open(path, DEMO_PASSPHRASE)
            path.parent.mkdir(parents=True, exist_ok=True)
            made = service.create_demo(path, DEMO_PASSPHRASE)
            if isinstance(made, Database):
                return made
            if hasattr(made, "db") and isinstance(made.db, Database):  # a ServiceContext
                return made.db
            return Database.open(path, DEMO_PASSPHRASE)

        return self._unlock(make, _("Cannot open the demo"))

    # ---------------------------------------------------------------- helpers
    def _unlock(self, action: Any, title: str) -> bool:
        from ..storage.errors import StorageError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            database = action()
        except StorageError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(self, title, exc.message)
            return False
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(self, title, exc.strerror or str(exc))
            return False
        except Exception as exc:  # never a traceback (nor its text) in front of the officer
            QApplication.restoreOverrideCursor()
            dialogs.show_error(self, title, dialogs.unexpected_message(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.database = database
        self.accept()
        return True
