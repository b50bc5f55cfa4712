"""Correcting a case's intake: the intake form filled in from the case, with a required
reason (Ctrl+E on the case dialog).

The form sends everything it shows as one `services.requests.CorrectionInput`; the
service stores only what differs, one correction per changed fact with the reason, and
refuses (message line) when nothing changed or a check fails. Rights ticked off are
removed as entered by mistake, or recorded as withdrawn with the requester's words;
rights ticked on count as raised with the request, or on the date given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain.enums import Authority, Channel, Language, RequestClass, Right
from ...i18n import _
from ...services import requests as rq
from .intake_dialog import IntakeDialog, OptionalDate
from .widgets import select_data


def _key_id(key: str | None) -> int | None:
    """ "controller-3" -> 3."""
    if not key:
        return None
    tail = str(key).rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


class EditIntakeDialog(IntakeDialog):
    """The intake form of an existing case: correct any fact, say why."""

    def __init__(self, ctx: Any, view: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = view
        self.case = view["case_number"]
        self.setWindowTitle(_("Correct the intake of case {case}").format(case=self.case))
        self.files_box.hide()  # scans are added on the Timeline tab
        self.authority_checked.hide()  # recorded on the Identity tab
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save correction"))

        box = QGroupBox(_("Correction"))
        form = QFormLayout(box)
        self.raised_on = OptionalDate(_("raised later, on"), ctx.today())
        self.raised_on.setToolTip(
            _("For rights ticked now: the date of the follow-up letter that raised them.")
        )
        form.addRow(_("Rights added"), self.raised_on)
        self.withdrawn = QCheckBox(_("the requester withdrew them, in these words:"))
        self.words = QLineEdit()
        self.words.setEnabled(False)
        self.withdrawn.toggled.connect(self.words.setEnabled)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.withdrawn)
        line.addWidget(self.words, 1)
        form.addRow(_("Rights removed"), row)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 2 + 12)
        self.reason.setPlaceholderText(
            _("Why the record is corrected, e.g. “the stamp on the envelope says 2 November”")
        )
        form.addRow(_("Reason (required)"), self.reason)
        self.extra_layout.addWidget(box)
        self._fill(view)

    # -------------------------------------------------------------- filling
    def _fill(self, v: dict[str, Any]) -> None:
        received = date.fromisoformat(v["received"])
        self.received_on.setMinimumDate(QDate(1900, 1, 1))
        self.received_on.set_value(received)
        select_data(self.channel, v["channel"])
        select_data(self.language, v["language"])
        select_data(self.classification, v["classification"])
        controllers = v.get("controllers") or []
        addressed = next((c for c in controllers if c["addressed_to"]), None)
        select_data(self.controller, None if addressed is None else _key_id(addressed["key"]))
        others = {_key_id(c["key"]) for c in controllers if not c["addressed_to"]}
        for i in range(self.other_controllers.count()):
            item = self.other_controllers.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in others:
                item.setCheckState(Qt.CheckState.Checked)
        self._refresh_registers(checked={_key_id(k) for k in v.get("registers") or []})
        rights = {r["right"] for r in v["rights"]}
        for right, box in self.rights.items():
            box.setChecked(right.value in rights)
        self.description.setPlainText(v.get("description") or "")
        subject = v["subject"]
        self.subject_name.setText(subject.get("name") or "")
        self.subject_address.setPlainText(subject.get("address") or "")
        self.subject_email.setText(subject.get("email") or "")
        self.subject_phone.setText(subject.get("phone") or "")
        self.subject_customer.setText(subject.get("customer_number") or "")
        if v.get("identity_code_recorded"):
            self.subject_hetu.setPlaceholderText(_("recorded (as a keyed hash); type to replace"))
        requester = v.get("requester")
        self.represented.setChecked(requester is not None)
        if requester is not None:
            self.requester_name.setText(requester.get("name") or "")
            self.requester_address.setPlainText(requester.get("address") or "")
            self.requester_email.setText(requester.get("email") or "")
            self.requester_phone.setText(requester.get("phone") or "")
            select_data(self.authority, v["authority"])
        self.address_on_record.setPlainText(v.get("address_on_record") or "")
        self.delivery_address.setPlainText(v.get("delivery_address") or "")
        self.repeat_label.hide()

    # -------------------------------------------------------------- collecting
    def correction(self) -> rq.CorrectionInput:
        """Everything the form shows; the service keeps only what differs."""
        v = self.view
        had = {r["right"] for r in v["rights"]}
        ticked = [r for r, box in self.rights.items() if box.isChecked()]
        added = [r for r in ticked if r.value not in had]
        removed = [Right(r) for r in had if Right(r) not in ticked]
        raised = self.raised_on.value()
        withdraw = ()
        if removed and self.withdrawn.isChecked():
            withdraw = tuple(rq.RightWithdrawn(r, self.words.text()) for r in removed)
        requester = None
        remove_requester = False
        authority = Authority.SELF
        if self.represented.isChecked():
            requester = rq.PersonCorrection(
                name=self.requester_name.text(),
                address=self.requester_address.toPlainText(),
                email=self.requester_email.text(),
                phone=self.requester_phone.text(),
            )
            authority = Authority(self.authority.currentData())
        elif v.get("requester") is not None:
            remove_requester = True
        hetu = self.subject_hetu.text().strip() or None
        return rq.CorrectionInput(
            received_on=self.received_on.value(),
            channel=Channel(self.channel.currentData()),
            language=Language(self.language.currentData()),
            classification=RequestClass(self.classification.currentData()),
            description=self.description.toPlainText(),
            subject=rq.PersonCorrection(
                name=self.subject_name.text(),
                address=self.subject_address.toPlainText(),
                email=self.subject_email.text(),
                phone=self.subject_phone.text(),
                customer_number=self.subject_customer.text(),
                hetu=hetu,
            ),
            requester=requester,
            remove_requester=remove_requester,
            authority=authority,
            address_on_record=self.address_on_record.toPlainText(),
            delivery_address=self.delivery_address.toPlainText(),
            addressed_to=self.controller.currentData(),
            controllers=tuple(self.chosen_controllers()),
            registers=tuple(self.checked_registers()),
            rights=tuple(ticked),
            add_rights=tuple(rq.RightRaised(r, raised) for r in added if raised is not None),
            withdraw_rights=withdraw,
        )

    def store(self, confirmed: bool) -> None:
        self.result_view = rq.correct_intake(
            self.ctx, self.case, self.correction(), self.reason.toPlainText(), confirmed=confirmed
        )
        self.case_number = self.case


def open_edit_intake(owner: QWidget, ctx: Any, view: dict[str, Any], done: Any) -> EditIntakeDialog:
    """The correction form, window-modal; `done()` runs after a stored correction."""
    dialog = EditIntakeDialog(ctx, view, owner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(done)
    dialog.open()
    return dialog
