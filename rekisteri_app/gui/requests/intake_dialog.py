"""Logging a new rights request: receipt, people, rights, controller and registers, scans.

Widgets hold no rules: the form builds one `services.requests.Intake` and the service
stores it (one transaction, one audit event) or refuses with a translated message,
shown in the dialog's message line so the officer can correct the field and try again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Authority, Channel, Language, RequestClass, Right
from ...domain.vocabulary import (
    AUTHORITIES,
    CHANNELS,
    CLASSIFICATIONS,
    LANGUAGES,
    RIGHTS,
    choices,
    label,
)
from ...i18n import _
from ...services import entities, settings
from ...services import requests as rq
from ...services.context import ServiceError
from .. import dialogs
from ..formatting import format_date
from ..screen import fit_to_screen, scroll_area, show_placeholder
from .case_summary import esc
from .widgets import DateField, MessageLine, make_combo, select_data, text_or_none


class OptionalDate(QWidget):
    """A date that may be left out: a check box enables it."""

    def __init__(self, text: str, value: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text)
        self.field = DateField(value)
        self.field.setEnabled(False)
        self.check.toggled.connect(self.field.setEnabled)
        layout.addWidget(self.check)
        layout.addWidget(self.field)
        layout.addStretch(1)

    def value(self) -> date | None:
        return self.field.value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.field.set_value(value)


def _short_right(value: str) -> str:
    return label(RIGHTS, value).split(" (")[0]


def _address_box(height: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * height + 12)
    return box


class IntakeDialog(QDialog):
    """Log a new request: receipt, people, rights, controller and registers, scans."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_number: str | None = None
        self.attachments: list[rq.AttachmentInput] = []
        self.setWindowTitle(_("New rights request"))
        today = ctx.today()
        self.targets = rq.controllers_and_registers(ctx)
        self.all_registers = [(r.id, r.name) for r in entities.list_registers(ctx)]

        # --- the request
        request_box = QGroupBox(_("Request"))
        form = QFormLayout(request_box)
        self.received_on = DateField(today)
        self.received_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.received_on.setMinimumDate(QDate(1900, 1, 1))  # older dates are refused
        form.addRow(_("Received on"), self.received_on)
        self.channel = make_combo(choices(CHANNELS))
        form.addRow(_("Arrived by"), self.channel)
        self.language = make_combo(choices(LANGUAGES))
        replies = str(settings.get(ctx, settings.REPLY_LANGUAGES) or "").split(",")
        select_data(self.language, replies[0])  # the organisation's first reply language
        form.addRow(_("Reply in"), self.language)
        self.classification = make_combo(choices(CLASSIFICATIONS))
        self.classification.setToolTip(
            _(
                "A request outside the GDPR (e.g. from an estate) "
                "is answered without the statutory deadline."
            )
        )
        form.addRow(_("Classification"), self.classification)
        self.controller = make_combo(
            [(c.id, c.name) for c, _regs in self.targets], none=_("— not named —")
        )
        if len(self.targets) == 1:
            self.controller.setCurrentIndex(1)
        else:  # the organisation itself, when it is one of several (group companies)
            own = settings.get(ctx, settings.ORGANISATION_NAME)
            if own and self.controller.findText(own) > 0:
                self.controller.setCurrentIndex(self.controller.findText(own))
        form.addRow(_("Addressed to"), self.controller)
        self.other_controllers = QListWidget()
        self.other_controllers.setMaximumHeight(60)
        self.other_controllers.setToolTip(
            _(
                "Group companies or joint controllers (GDPR Art. 26) the same letter "
                "concerns: one case, one deadline."
            )
        )
        form.addRow(_("Also concerns"), self.other_controllers)
        self.registers = QListWidget()
        self.registers.setMaximumHeight(100)
        form.addRow(_("Registers concerned"), self.registers)
        rights_widget = QWidget()
        grid = QGridLayout(rights_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rights: dict[Right, QCheckBox] = {}
        for i, right in enumerate(Right):
            box = QCheckBox(label(RIGHTS, right))
            self.rights[right] = box
            grid.addWidget(box, i // 2, i % 2)
        form.addRow(_("Rights requested"), rights_widget)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.description.setPlaceholderText(_("What the request says, in brief"))
        form.addRow(_("Description"), self.description)

        # --- the data subject
        subject_box = QGroupBox(_("Data subject"))
        form = QFormLayout(subject_box)
        self.subject_name = QLineEdit()
        form.addRow(_("Name"), self.subject_name)
        self.subject_address = _address_box()
        form.addRow(_("Address"), self.subject_address)
        self.subject_email = QLineEdit()
        form.addRow(_("Email"), self.subject_email)
        self.subject_phone = QLineEdit()
        form.addRow(_("Phone"), self.subject_phone)
        self.subject_customer = QLineEdit()
        form.addRow(_("Customer number"), self.subject_customer)
        self.subject_hetu = QLineEdit()
        self.subject_hetu.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.subject_hetu.setPlaceholderText(_("optional; kept as a hash"))
        self.subject_hetu.setToolTip(
            _("Used only to recognise the same person later. The code itself is never stored.")
        )
        show_placeholder(self.subject_hetu)  # the hint says what is kept: never cut it
        form.addRow(_("Personal identity code"), self.subject_hetu)
        self.address_on_record = _address_box(2)
        self.address_on_record.setToolTip(
            _("The data subject's address on our own records, typed in after checking them.")
        )
        form.addRow(_("Address on record"), self.address_on_record)
        self.delivery_address = _address_box(2)
        self.delivery_address.setToolTip(
            _("Where the requester asked the reply to go, if not to the address above.")
        )
        form.addRow(_("Delivery address"), self.delivery_address)

        # --- the requester, when someone else acts
        self.represented = QGroupBox(_("Made by a representative"))
        self.represented.setCheckable(True)
        self.represented.setChecked(False)
        form = QFormLayout(self.represented)
        self.requester_name = QLineEdit()
        form.addRow(_("Name"), self.requester_name)
        self.requester_address = _address_box(2)
        form.addRow(_("Address"), self.requester_address)
        self.requester_email = QLineEdit()
        form.addRow(_("Email"), self.requester_email)
        self.requester_phone = QLineEdit()
        form.addRow(_("Phone"), self.requester_phone)
        self.authority = make_combo(
            [(v, t) for v, t in choices(AUTHORITIES) if v != Authority.SELF]
        )
        form.addRow(_("Authority"), self.authority)
        self.authority_checked = OptionalDate(_("checked on"), today)
        form.addRow("", self.authority_checked)

        # --- scans
        self.files_box = files_box = QGroupBox(_("Attachments (kept encrypted in the database)"))
        files_layout = QVBoxLayout(files_box)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(60)
        files_layout.addWidget(self.attachment_list)
        row = QHBoxLayout()
        add_file = QPushButton(_("Add scan…"))
        remove_file = QPushButton(_("Remove"))
        row.addWidget(add_file)
        row.addWidget(remove_file)
        row.addStretch(1)
        files_layout.addLayout(row)
        add_file.clicked.connect(self._choose_files)
        remove_file.clicked.connect(self._remove_file)

        self.repeat_label = QLabel()
        self.repeat_label.setWordWrap(True)
        self.repeat_label.setTextFormat(Qt.TextFormat.RichText)
        self.repeat_label.setStyleSheet("background: #fff8e1; padding: 6px;")
        self.repeat_label.hide()
        self.message = MessageLine()

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(request_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(subject_box)
        right.addWidget(self.represented)
        right.addWidget(files_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(columns)
        inner.addWidget(self.repeat_label)
        self.extra_layout = QVBoxLayout()  # the edit form's reason goes here
        inner.addLayout(self.extra_layout)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_area(content, horizontal=True), 1)  # a laptop is lower
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Log request"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.controller.currentIndexChanged.connect(self._controller_changed)
        self._controller_changed()
        self.other_controllers.itemChanged.connect(self._refresh_registers)
        for widget in (self.subject_name, self.subject_hetu):
            widget.editingFinished.connect(self._check_repeats)
        self.subject_address.textChanged.connect(self._check_repeats)
        self.received_on.dateChanged.connect(self._check_repeats)
        wanted = content.sizeHint()
        fit_to_screen(self, max(980, wanted.width() + 40), wanted.height() + 90)

    # -------------------------------------------------------------- helpers
    def _controller_changed(self, *_args: Any) -> None:
        """Offer the other controllers, then the registers of every chosen controller."""
        addressed = self.controller.currentData()
        checked = set(self.checked_others())
        self.other_controllers.blockSignals(True)
        self.other_controllers.clear()
        for c, _regs in self.targets:
            if c.id == addressed:
                continue
            item = QListWidgetItem(c.name)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in checked else Qt.CheckState.Unchecked
            )
            self.other_controllers.addItem(item)
        self.other_controllers.blockSignals(False)
        self._refresh_registers()

    def chosen_controllers(self) -> list[int]:
        """The addressed controller first, then the others ticked."""
        addressed = self.controller.currentData()
        return ([] if addressed is None else [addressed]) + self.checked_others()

    def checked_others(self) -> list[int]:
        return _checked(self.other_controllers)

    def _refresh_registers(self, *_args: Any, checked: set[int] | None = None) -> None:
        """The registers of the chosen controllers (every register when none is named);
        new ones are ticked, as all of a controller's registers are by default."""
        before = {
            self.registers.item(i).data(Qt.ItemDataRole.UserRole): self.registers.item(
                i
            ).checkState()
            == Qt.CheckState.Checked
            for i in range(self.registers.count())
        }
        chosen = self.chosen_controllers()
        if bool(chosen) != getattr(self, "_listing_chosen", None):
            before = {}  # from every register to a controller's (or back): fresh defaults
        self._listing_chosen = bool(chosen)
        if not chosen:
            options, default = self.all_registers, False
        else:
            seen: dict[int, str] = {}
            for c, regs in self.targets:
                if c.id in chosen:
                    for r in regs:
                        seen.setdefault(r.id, r.name)
            options, default = sorted(seen.items(), key=lambda x: x[1]), True
        self.registers.clear()
        for ident, name in options:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = ident in checked if checked is not None else before.get(ident, default)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.registers.addItem(item)

    def checked_registers(self) -> list[int]:
        return _checked(self.registers)

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Add scanned documents"))
        for path in paths:
            self.add_attachment_file(Path(path))

    def add_attachment_file(self, path: Path) -> None:
        try:
            content = path.read_bytes()
        except OSError as exc:
            self.message.error(
                _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
            )
            return
        self.attachments.append(rq.AttachmentInput(path.name, content))
        self.attachment_list.addItem(f"{path.name} ({len(content)} B)")

    def _remove_file(self) -> None:
        row = self.attachment_list.currentRow()
        if row >= 0:
            self.attachment_list.takeItem(row)
            del self.attachments[row]

    def _check_repeats(self, *_args: Any) -> None:
        name = self.subject_name.text().strip()
        if not name:
            self.repeat_label.hide()
            return
        matches = rq.possible_repeats(
            self.ctx,
            name,
            text_or_none(self.subject_address),
            self.received_on.value(),
            text_or_none(self.subject_hetu),
        )
        if not matches:
            self.repeat_label.hide()
            return
        items = ", ".join(
            f"{esc(m['case_number'])} ({esc(format_date(m['received']))}: "
            f"{esc(', '.join(_short_right(r) for r in m['rights']))})"
            for m in matches
        )
        self.repeat_label.setText(
            "<b>"
            + esc(_("The same data subject asked within the last 12 months:"))
            + "</b> "
            + items
            + "<br/>"
            + esc(_("For information only: nothing is charged or refused automatically."))
        )
        self.repeat_label.show()

    def intake(self) -> rq.Intake:
        requester = None
        authority = Authority.SELF
        checked = None
        if self.represented.isChecked():
            requester = rq.PersonInput(
                self.requester_name.text(),
                text_or_none(self.requester_address),
                text_or_none(self.requester_email),
                text_or_none(self.requester_phone),
            )
            authority = Authority(self.authority.currentData())
            checked = self.authority_checked.value()
        return rq.Intake(
            received_on=self.received_on.value(),
            channel=Channel(self.channel.currentData()),
            language=Language(self.language.currentData()),
            rights=tuple(r for r, box in self.rights.items() if box.isChecked()),
            subject=rq.PersonInput(
                self.subject_name.text(),
                text_or_none(self.subject_address),
                text_or_none(self.subject_email),
                text_or_none(self.subject_phone),
                text_or_none(self.subject_customer),
                text_or_none(self.subject_hetu),
            ),
            requester=requester,
            authority=authority,
            authority_checked_on=checked,
            controller=self.controller.currentData(),
            other_controllers=tuple(self.checked_others()),
            registers=tuple(self.checked_registers()),
            description=text_or_none(self.description),
            classification=RequestClass(self.classification.currentData()),
            attachments=tuple(self.attachments),
            address_on_record=text_or_none(self.address_on_record),
            delivery_address=text_or_none(self.delivery_address),
        )

    def confirm_date(self, reasons: list[str]) -> bool:
        """Ask before storing a received date before the GDPR or over a year ago."""
        return dialogs.confirm(
            self,
            _("Check the received date"),
            "\n\n".join([*reasons, _("Store the request with this date?")]),
            _("Store"),
        )

    def store(self, confirmed: bool) -> None:
        """One service call; raises ServiceError (NeedsConfirmation for odd dates)."""
        self.case_number = rq.add_request(self.ctx, self.intake(), confirmed=confirmed)

    def accept(self) -> None:
        confirmed = False
        while True:
            try:
                self.store(confirmed)
                break
            except rq.NeedsConfirmation as exc:
                if confirmed or not self.confirm_date(exc.reasons):
                    self.message.error(str(exc))
                    return
                confirmed = True
            except ServiceError as exc:
                self.message.error(str(exc))
                return
        self.subject_hetu.clear()
        super().accept()


def _checked(widget: QListWidget) -> list[int]:
    out = []
    for i in range(widget.count()):
        item = widget.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(item.data(Qt.ItemDataRole.UserRole))
    return out


def open_intake(ctx: Any, parent: QWidget, logged: Any) -> IntakeDialog:
    """The intake form, window-modal but not blocking; `logged(case_number)` runs after."""
    dialog = IntakeDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: logged(dialog.case_number))
    dialog.open()
    return dialog
