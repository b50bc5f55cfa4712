"""The audit pack export: choose a period (last quarter, last calendar year or custom),
what goes in and where, then write the pack in a worker thread behind a progress dialog.

Cancelling stops the worker at its next step; the services write through
`files.atomic_output`, so a cancelled or failed export leaves no file (an earlier file
of the same name stays as it was). When done, the officer can open the folder.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, current_language
from ...services import audit_pack as ap
from .. import dialogs
from ..uiload import child, load_ui

log = logging.getLogger(__name__)

CUSTOM = "custom"
PRESET_CHOICES = (
    (ap.LAST_QUARTER, N_("Last quarter")),
    (ap.LAST_YEAR, N_("Last calendar year")),
    (CUSTOM, N_("Custom period")),
)
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _Worker(QObject):
    """Runs build_pack off the window's thread; reports progress and the outcome."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # PackResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, ctx: Any, options: ap.PackOptions, out: Path) -> None:
        super().__init__()
        self.ctx, self.options, self.out = ctx, options, out
        self.stop = threading.Event()

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.stop.is_set():
            raise ap.PackCancelled
        self.progressed.emit(done, total, name)

    def run(self) -> None:
        from ...files import WriteFailed
        from ...services.context import ServiceError

        try:
            result = ap.build_pack(self.ctx, self.options, self.out, progress=self._progress)
        except ap.PackCancelled:
            self.cancelled.emit()
        except WriteFailed as exc:
            self.failed.emit(exc.message)
        except ServiceError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must not leave the progress dialog hanging
            log.exception("audit pack failed")
            self.failed.emit(_("The pack could not be written: {error}").format(error=exc))
        else:
            self.succeeded.emit(result)


class AuditPackDialog(QDialog):
    """Emits `written(PackResult)` after a pack was written."""

    written = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = load_ui("audit_pack_dialog.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.resize(max(660, self.sizeHint().width()), max(560, self.sizeHint().height()))
        f = self.form
        self.preset = child(f, QComboBox, "preset")
        self.from_date = child(f, QDateEdit, "fromDate")
        self.to_date = child(f, QDateEdit, "toDate")
        self.language = child(f, QComboBox, "language")
        self.identify = child(f, QCheckBox, "identify")
        self.include_letters = child(f, QCheckBox, "includeLetters")
        self.encrypt = child(f, QGroupBox, "encryptBox")
        self.password = child(f, QLineEdit, "password")
        self.password2 = child(f, QLineEdit, "password2")
        self.path = child(f, QLineEdit, "path")
        buttons = child(f, QDialogButtonBox, "buttons")
        self.create_button = buttons.addButton(
            _("Create the pack"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        child(f, QPushButton, "browse").clicked.connect(self.browse)

        shown = "d.M.yyyy" if current_language() == "fi" else "yyyy-MM-dd"
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat(shown)
        for key, label in PRESET_CHOICES:
            self.preset.addItem(_(label), key)
        for lang in ("fi", "sv", "en"):
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.include_letters.setEnabled(False)
        self.identify.toggled.connect(self._identify_toggled)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.from_date.dateChanged.connect(self._dates_edited)
        self.to_date.dateChanged.connect(self._dates_edited)
        self._setting_dates = False
        self._path_edited = False
        self.path.textEdited.connect(lambda _text: setattr(self, "_path_edited", True))
        self._preset_changed()

        self.thread: QThread | None = None
        self.worker: _Worker | None = None
        self.progress: QProgressDialog | None = None
        self.result: ap.PackResult | None = None

    # ------------------------------------------------------------------ the form
    def _identify_toggled(self, on: bool) -> None:
        self.include_letters.setEnabled(on)
        if not on:
            self.include_letters.setChecked(False)

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        if key != CUSTOM:
            period = ap.preset(key, self.ctx.today())
            self._setting_dates = True
            self.from_date.setDate(_qdate(period.start))
            self.to_date.setDate(_qdate(period.end))
            self._setting_dates = False
        self._suggest_path()

    def _dates_edited(self) -> None:
        if not self._setting_dates:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.preset.blockSignals(False)
        self._suggest_path()

    def _suggest_path(self) -> None:
        if self._path_edited:
            return
        start, end = _pydate(self.from_date.date()), _pydate(self.to_date.date())
        folder = Path(self.ctx.db.path).parent
        stem = _("audit-pack")  # a file name: lower case, no spaces
        self.path.setText(str(folder / f"{stem}-{start.isoformat()}_{end.isoformat()}.zip"))

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Audit pack"), self.path.text(), _("ZIP files (*.zip)")
        )
        if chosen:
            if not chosen.lower().endswith(".zip"):
                chosen += ".zip"
            self.path.setText(chosen)
            self._path_edited = True

    def options(self) -> ap.PackOptions:
        """The options as entered; ServiceError with the reason when they do not hold."""
        from ...services.context import ServiceError

        password = None
        if self.encrypt.isChecked():
            password = self.password.text()
            if password != self.password2.text():
                raise ServiceError(_("The passwords do not match."))
        return ap.PackOptions(
            period=ap.Period(_pydate(self.from_date.date()), _pydate(self.to_date.date())),
            language=self.language.currentData(),
            identify=self.identify.isChecked(),
            include_letters=self.include_letters.isChecked(),
            password=password,
        )

    # ----------------------------------------------------------------- the export
    def create(self) -> bool:
        """Start writing the pack; False (with the reason shown) if the form does not hold."""
        from ...services.context import ServiceError

        try:
            options = self.options()
        except ServiceError as exc:
            dialogs.show_error(self, _("Audit pack"), str(exc))
            return False
        text = self.path.text().strip()
        if not text:
            dialogs.show_error(self, _("Audit pack"), _("Choose the file to write."))
            return False
        out = Path(text)
        if out.exists() and not dialogs.confirm(
            self,
            _("Audit pack"),
            _("{path} exists. Replace it when the new pack is complete?").format(path=out),
            _("Replace"),
        ):
            return False
        self.start(options, out)
        return True

    def start(self, options: ap.PackOptions, out: Path) -> None:
        self.create_button.setEnabled(False)
        self.progress = QProgressDialog(_("Writing the audit pack…"), _("Cancel"), 0, 1, self)
        self.progress.setWindowTitle(_("Audit pack"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.thread = QThread(self)
        self.worker = _Worker(self.ctx, options, out)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # the thread's loop ends as the outcome is emitted (in the worker's thread), so the
        # window-side slots below can wait for the thread without deadlock
        for signal in (self.worker.succeeded, self.worker.failed, self.worker.cancelled):
            signal.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.progress.show()
        self.thread.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()
            if self.progress is not None:
                self.progress.setLabelText(_("Cancelling…"))

    def busy(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def _progressed(self, done: int, total: int, name: str) -> None:
        progress = self.progress  # setValue may run the event loop and finish the export
        if progress is not None and self.worker is not None and not self.worker.stop.is_set():
            progress.setLabelText(_("Writing {name}…").format(name=name))
            progress.setMaximum(total)
            progress.setValue(done)

    def _finish(self) -> None:
        if self.thread is not None:
            self.thread.wait()
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        self.create_button.setEnabled(True)
        self.thread = None

    def _failed(self, message: str) -> None:
        self._finish()
        dialogs.show_error(self, _("The audit pack was not written"), message)

    def _cancelled(self) -> None:
        self._finish()
        dialogs.show_info(self, _("Audit pack"), _("Cancelled: no file was written."))

    def _succeeded(self, result: ap.PackResult) -> None:
        self._finish()
        self.result = result
        self.written.emit(result)
        self.show_done(result)
        self.accept()

    def show_done(self, result: ap.PackResult) -> None:
        """The result, with a button that opens the pack's folder."""
        lines = [
            _("The audit pack was written to {path}.").format(path=result.path),
            _("Audit-chain head at creation: {head}").format(head=result.head),
        ]
        if self.identify.isChecked():
            lines.append(_("The pack names persons: keep it for internal use."))
        if self.encrypt.isChecked():
            lines.append(_("Encrypted with AES-256: send the password by another channel."))
        box = QMessageBox(
            QMessageBox.Icon.Information, _("Audit pack"), "\n\n".join(lines), parent=self
        )
        folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        dialogs.run_box(box)
        if box.clickedButton() is folder:
            open_folder(result.path.parent)

    def reject(self) -> None:
        if self.busy():
            self.cancel()  # the worker stops at its next step; the dialog closes then
            return
        super().reject()


def open_folder(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_audit_pack_dialog(parent: QWidget, ctx: Any) -> AuditPackDialog:
    dialog = AuditPackDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
