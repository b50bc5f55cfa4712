"""Changing the passphrase from the window: the current one, the new one twice, strength.

The strength feedback is the start dialog's rule set (length first, then the mix of
character classes); the storage layer enforces the one minimum (MIN_PASSPHRASE), like the
command line's `passwd`. The rekey re-encrypts every page; the audit event follows it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _
from ..storage.database import MIN_PASSPHRASE
from .start_dialog import passphrase_strength

COLOURS = {0: "#c62828", 1: "#c62828", 2: "#ef8f00", 3: "#2e7d32", 4: "#2e7d32"}


class PassphraseDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Change passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Every page of the database is re-encrypted under the new passphrase. "
                "Backups made earlier keep the passphrase they were made with."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = self._field("currentPassphrase")
        self.new = self._field("newPassphrase")
        self.again = self._field("newPassphraseAgain")
        form.addRow(_("Current passphrase"), self.current)
        form.addRow(_("New passphrase"), self.new)
        form.addRow(_("New passphrase again"), self.again)
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        form.addRow("", self.strength)
        self.strength_label = QLabel()
        form.addRow("", self.strength_label)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Change passphrase"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.current, self.new, self.again):
            field.textChanged.connect(self._update)
        self._update()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMinimumWidth(280)
        return field

    def _update(self, *_args: Any) -> None:
        new, again = self.new.text(), self.again.text()
        score, word = passphrase_strength(new)
        self.strength.setValue(score)
        self.strength.setStyleSheet(f"QProgressBar::chunk {{ background: {COLOURS[score]}; }}")
        problem = ""
        if again and new != again:
            problem = _("The passphrases do not match.")
        elif new and new == self.current.text():
            problem = _("The new passphrase is the current one.")
        self.strength_label.setText(word)
        self.message.setText(problem)
        self.ok.setEnabled(
            bool(self.current.text())
            and len(new) >= MIN_PASSPHRASE
            and new == again
            and new != self.current.text()
        )

    def accept(self) -> None:
        from ..services.security import change_passphrase
        from ..storage.errors import StorageError, WrongPassphrase

        if not self.ok.isEnabled():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change_passphrase(self.ctx, self.new.text(), current=self.current.text())
        except WrongPassphrase:
            QApplication.restoreOverrideCursor()
            self.message.setText(_("The current passphrase is wrong."))
            self.current.selectAll()
            self.current.setFocus()
            return
        except StorageError as exc:
            QApplication.restoreOverrideCursor()
            self.message.setText(exc.message)
            return
        QApplication.restoreOverrideCursor()
        for field in (self.current, self.new, self.again):
            field.clear()
        super().accept()
