"""Verify a pack…: the same check as `rekisteri verify-pack`, in the window.

The officer picks a pack (and, optionally, an earlier one); an encrypted pack asks for its
password. The result is one line when everything holds, else every file or chain
position that fails, as the command line names them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import audit_pack as ap

OK_STYLE = "color: #2e7d32; font-weight: bold;"
FAIL_STYLE = "color: #c62828; font-weight: bold;"


class VerifyPackDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Verify a pack"))
        self.resize(720, 460)
        self.folder = folder or Path.home()
        self.result: ap.PackVerification | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Checks every file of an audit pack against its manifest and the audit "
                "events against their chain. With an earlier pack it also checks that the "
                "chain head recorded in the earlier pack is still in this one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pack = QLineEdit()
        self.earlier = QLineEdit()
        self.earlier.setPlaceholderText(_("optional"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("only for an encrypted pack"))
        self.earlier_password = QLineEdit()
        self.earlier_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.earlier_password.setPlaceholderText(_("when it differs"))
        form.addRow(_("Pack:"), self._with_browse(self.pack))
        form.addRow(_("Earlier pack:"), self._with_browse(self.earlier))
        form.addRow(_("Password:"), self.password)
        form.addRow(_("Earlier pack's password:"), self.earlier_password)
        layout.addLayout(form)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.verify_button = buttons.addButton(_("Verify"), QDialogButtonBox.ButtonRole.ActionRole)
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.verify)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _with_browse(self, field: QLineEdit) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(field, 1)
        button = QPushButton(_("Choose…"))
        button.clicked.connect(lambda: self._browse(field))
        box.addWidget(button)
        return row

    def _browse(self, field: QLineEdit) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Verify a pack"), str(self.folder), _("ZIP files (*.zip)")
        )
        if chosen:
            field.setText(chosen)
            self.folder = Path(chosen).parent

    def _show(self, ok: bool, text: str, problems: list[str] = ()) -> None:
        self.verdict.setStyleSheet(OK_STYLE if ok else FAIL_STYLE)
        self.verdict.setText(text)
        self.problems.clear()
        self.problems.addItems(list(problems))
        self.problems.setVisible(bool(problems))

    def verify(self) -> ap.PackVerification | None:
        path = self.pack.text().strip()
        if not path:
            self._show(False, _("Choose the pack to verify."))
            return None
        earlier = self.earlier.text().strip() or None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = ap.verify_pack(
                Path(path),
                password=self.password.text() or None,
                against=Path(earlier) if earlier else None,
                against_password=self.earlier_password.text() or None,
            )
        except ap.PasswordNeeded as exc:
            self._show(False, str(exc))
            self.password.setFocus()
            return None
        except ap.CannotOpenPack as exc:
            self._show(False, str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.result = result
        if result.ok:
            lines = [
                _(
                    "The pack is intact: {members} files match the manifest; {events} audit "
                    "events link up ({rehashed} of them rehashed from their contents)."
                ).format(
                    members=result.members_checked, events=result.events, rehashed=result.rehashed
                ),
                _("Audit-chain head recorded at creation: {head}").format(head=result.head),
            ]
            if result.against is not None:
                lines.append(
                    _("The head recorded in {earlier} is an ancestor of this pack's chain.").format(
                        earlier=result.against
                    )
                )
            self._show(True, "\n".join(lines))
        else:
            self._show(
                False,
                _("The pack does not verify: {n} problems.").format(n=len(result.problems)),
                [f"{p.where}: {p.message}" for p in result.problems],
            )
        return result


def open_verify_dialog(parent: QWidget, folder: Path | None = None) -> VerifyPackDialog:
    dialog = VerifyPackDialog(parent, folder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
