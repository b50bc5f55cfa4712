"""The lock screen: shown while the database is closed by an idle, screen or manual lock.

It names the file, asks for the passphrase and reopens the same database; or closes it
for good (then any draft kept from an idle lock is discarded). It holds no data: the
window and the editors were hidden and the lists cleared before it appears.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _


class LockScreen(QWidget):
    """Emits `unlocked(database)` with the reopened database, or `close_requested`."""

    unlocked = Signal(object)
    close_requested = Signal()

    def __init__(self, path: Path, *, drafts: int = 0, reason: str = "") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.path = Path(path)
        self.setObjectName("lockScreen")
        self.setWindowTitle(_("Locked — Rekisteri"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        title = QLabel(_("Rekisteri is locked"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        self.file_label = QLabel(
            _("The database {name} was closed. Enter its passphrase to continue.").format(
                name=self.path.name
            )
        )
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is data
        self.file_label.setWordWrap(True)
        self.file_label.setToolTip(str(self.path))
        layout.addWidget(self.file_label)
        self.reason_label = QLabel(reason)
        self.reason_label.setStyleSheet("color: #666;")
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(bool(reason))
        layout.addWidget(self.reason_label)
        self.drafts_label = QLabel(
            _(
                "Unsaved changes in {n} open windows are kept in memory until you unlock; "
                "closing the database discards them."
            ).format(n=drafts)
        )
        self.drafts_label.setWordWrap(True)
        self.drafts_label.setVisible(drafts > 0)
        layout.addWidget(self.drafts_label)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("Passphrase"))
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        layout.addWidget(self.passphrase)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(_("Close the database"))
        self.close_button.clicked.connect(self.close_requested)
        self.unlock_button = QPushButton(_("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(540)
        self.adjustSize()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.passphrase.setFocus()

    def unlock(self) -> bool:
        from ..storage.database import Database
        from ..storage.errors import StorageError

        passphrase = self.passphrase.text()
        if not passphrase:
            return False
        try:
            database = Database.open(self.path, passphrase)
        except StorageError as exc:
            self.message.setText(exc.message)
            self.passphrase.selectAll()
            self.adjustSize()
            return False
        finally:
            passphrase = ""
        self.passphrase.clear()
        self.unlocked.emit(database)
        return True
