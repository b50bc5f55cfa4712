"""The case dialog's Decisions tab: outcomes, erasure per category, legal holds, Art. 19."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import FeeBasis, NotificationStatus, Outcome, Right
from ...domain.legal_grounds import LEGAL_GROUNDS, grounds_for
from ...domain.vocabulary import (
    FEE_BASES,
    NOTIFICATION_STATUSES,
    OUTCOMES,
    RIGHTS,
    choices,
    label,
)
from ...i18n import _
from ...services import requests as rq
from ..formatting import cited, format_date
from .case_summary import esc, notify_html
from .widgets import DateField, make_combo, scroll_area, select_data, text_or_none


class DecisionsTab:
    """The Decisions tab: each right's outcome, fee reason, erasures, legal holds.
    Mixed into CaseDialog, which provides what is listed below."""

    # provided by CaseDialog
    view: dict[str, Any]
    categories: list[str]
    _apply: Callable[[rq.CaseUpdate, str], bool]
    message: Any

    def _decisions_tab(self, today: date) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.rights_info = QLabel()
        self.rights_info.setWordWrap(True)
        self.rights_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.rights_info)

        box = QGroupBox(_("Decide a requested right"))
        form = QFormLayout(box)
        self.decision_right = make_combo([])
        form.addRow(_("Right"), self.decision_right)
        self.decision_outcome = make_combo(choices(OUTCOMES))
        select_data(self.decision_outcome, Outcome.GRANTED.value)
        form.addRow(_("Outcome"), self.decision_outcome)
        self.decision_ground = make_combo([])
        form.addRow(_("Legal ground"), self.decision_ground)
        self.decision_reason = QLineEdit()
        form.addRow(_("Reason"), self.decision_reason)
        button = QPushButton(_("Record decision"))
        button.clicked.connect(self.record_decision)
        form.addRow("", button)
        self.decision_right.currentIndexChanged.connect(self._right_changed)
        layout.addWidget(box)

        box = QGroupBox(_("Fee or refusal as excessive (GDPR Art. 12(5), 15(3))"))
        grid = QGridLayout(box)
        self.fee_reason = QLineEdit()
        self.fee_reason.setPlaceholderText(
            _("the officer's reason; nothing is charged automatically")
        )
        grid.addWidget(self.fee_reason, 0, 0, 1, 3)
        button = QPushButton(_("Record reason"))
        button.clicked.connect(self.record_fee_reason)
        grid.addWidget(button, 0, 3)
        # issue 10: a fee is printed only with its reason, amount and cost basis
        self.fee_info = QLabel()
        self.fee_info.setWordWrap(True)
        grid.addWidget(self.fee_info, 1, 0, 1, 4)
        self.fee_basis = make_combo(choices(FEE_BASES))
        grid.addWidget(self.fee_basis, 2, 0)
        self.fee_amount = QLineEdit()
        # a number's example fits any width; the words are the tooltip
        self.fee_amount.setPlaceholderText("12,50 €")
        self.fee_amount.setToolTip(_("amount in euros, e.g. 12,50"))
        self.fee_amount.setMaximumWidth(160)
        grid.addWidget(self.fee_amount, 2, 1)
        self.fee_costs = QLineEdit()
        self.fee_costs.setPlaceholderText(_("how the amount follows from the administrative costs"))
        self.fee_costs.setToolTip(self.fee_costs.placeholderText())
        grid.addWidget(self.fee_costs, 3, 0, 1, 4)  # the whole width: the text is long
        row = QHBoxLayout()
        button = QPushButton(_("Record fee"))
        button.clicked.connect(self.record_fee)
        row.addWidget(button)
        button = QPushButton(_("Remove fee"))
        button.clicked.connect(self.remove_fee)
        row.addWidget(button)
        grid.addLayout(row, 2, 3)
        grid.setColumnStretch(2, 1)
        layout.addWidget(box)

        self.erasure_box = QGroupBox(_("Erasure per data category"))
        form = QFormLayout(self.erasure_box)
        self.erasure_category = make_combo([])
        self.erasure_category.setEditable(True)
        form.addRow(_("Data category"), self.erasure_category)
        choice = QHBoxLayout()
        self.erased = QRadioButton(_("erased"))
        self.kept = QRadioButton(_("kept until"))
        self.erased.setChecked(True)
        self.kept_until = DateField(date(today.year + 10, today.month, min(today.day, 28)))
        choice.addWidget(self.erased)
        choice.addWidget(self.kept)
        choice.addWidget(self.kept_until)
        choice.addStretch(1)
        form.addRow(_("Decision"), choice)
        self.erasure_ground = make_combo(
            [(g.code, f"{cited(g.article)} — {g.label()}") for g in grounds_for(Right.ERASURE)],
            none=_("— no ground —"),
        )
        form.addRow(_("Because of"), self.erasure_ground)
        self.erasure_reason = QLineEdit()
        form.addRow(_("Reason"), self.erasure_reason)
        button = QPushButton(_("Record erasure decision"))
        button.clicked.connect(self.record_erasure)
        form.addRow("", button)
        layout.addWidget(self.erasure_box)

        box = QGroupBox(_("Legal hold"))
        grid = QGridLayout(box)
        self.holds_info = QLabel()
        self.holds_info.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.holds_info, 0, 0, 1, 4)
        self.hold_category = make_combo([])
        self.hold_category.setEditable(True)
        self.hold_category.lineEdit().setPlaceholderText(_("data category"))
        grid.addWidget(self.hold_category, 1, 0)
        self.hold_reason = QLineEdit()
        self.hold_reason.setPlaceholderText(_("reason"))
        grid.addWidget(self.hold_reason, 1, 1)
        place = QPushButton(_("Place hold"))
        place.clicked.connect(self.place_hold)
        release = QPushButton(_("Release"))
        release.clicked.connect(self.release_hold)
        grid.addWidget(place, 1, 2)
        grid.addWidget(release, 1, 3)
        grid.setColumnStretch(1, 1)
        layout.addWidget(box)

        self.notify_box = QGroupBox(_("Recipients told of the change (GDPR Art. 19)"))
        form = QFormLayout(self.notify_box)
        self.notify_info = QLabel()
        self.notify_info.setWordWrap(True)
        self.notify_info.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.notify_info)
        self.notify_recipient = make_combo([])
        form.addRow(_("Recipient"), self.notify_recipient)
        self.notify_status = make_combo(choices(NOTIFICATION_STATUSES))
        form.addRow(_("Recorded"), self.notify_status)
        self.notified_on = DateField(today)
        form.addRow(_("Notified on"), self.notified_on)
        self.notify_reason = QLineEdit()
        self.notify_reason.setPlaceholderText(
            _("why notifying is impossible or would involve disproportionate effort")
        )
        form.addRow(_("Reason"), self.notify_reason)
        button = QPushButton(_("Record"))
        button.clicked.connect(self.record_notification)
        form.addRow("", button)
        self.recipients_requested = QCheckBox(_("the data subject asked to be told the recipients"))
        self.recipients_requested.clicked.connect(self.record_recipients_requested)
        form.addRow("", self.recipients_requested)
        self.notify_status.currentIndexChanged.connect(self._notify_status_changed)
        self._notify_status_changed()
        layout.addWidget(self.notify_box)
        layout.addStretch(1)
        return scroll_area(page)

    def _show_decisions(self, v: dict[str, Any]) -> None:
        """Fill the tab from the case view."""
        current_right = self.decision_right.currentData()
        self.decision_right.blockSignals(True)
        self.decision_right.clear()
        for r in v["rights"]:
            self.decision_right.addItem(label(RIGHTS, r["right"]), r["right"])
        select_data(self.decision_right, current_right)
        self.decision_right.blockSignals(False)
        self._right_changed()
        self.rights_info.setText(self._rights_html())
        self.fee_reason.setText(v.get("fee_reason") or "")
        has_erasure = any(r["right"] == Right.ERASURE for r in v["rights"])
        self.erasure_box.setVisible(has_erasure)
        for combo in (self.erasure_category, self.hold_category):
            text = combo.currentText()
            combo.clear()
            combo.addItems(self.categories)
            combo.setCurrentText(text)
        if not self.erasure_category.currentText() and self.categories:
            self.erasure_category.setCurrentIndex(0)
        holds = v["legal_holds"]
        self.holds_info.setText(
            "<br/>".join(
                esc(
                    _("{category}: placed {placed}, released {released}").format(
                        category=h["category_name"],
                        placed=format_date(h["placed_on"]),
                        released=format_date(h["released_on"]) if h.get("released_on") else "—",
                    )
                )
                for h in holds
            )
            or esc(_("No legal holds."))
        )
        self.notify_info.setText(notify_html(self.view))
        self._show_fee_and_art19(v)

    def _show_fee_and_art19(self, v: dict[str, Any]) -> None:
        from ...domain.fees import format_euros
        from ...i18n import current_language

        if v.get("fee_basis"):
            self.fee_info.setText(
                _("Recorded fee: {basis}, {amount}; costs: {costs}").format(
                    basis=label(FEE_BASES, v["fee_basis"]),
                    amount=format_euros(v.get("fee_cents") or 0, current_language()),
                    costs=v.get("fee_costs") or "",
                )
            )
        else:
            self.fee_info.setText(_("No fee recorded: the letters say the copy is free of charge."))
        current = self.notify_recipient.currentData()
        self.notify_recipient.clear()
        for n in v["notify"]:
            self.notify_recipient.addItem(f"{n['name']} ({n['register']})", n["name"])
        select_data(self.notify_recipient, current)
        self.notify_box.setVisible(bool(v["notify"]))
        self.recipients_requested.setChecked(bool(v.get("recipients_requested")))

    def _notify_status_changed(self, *_args: Any) -> None:
        status = self.notify_status.currentData()
        self.notified_on.setEnabled(status == NotificationStatus.NOTIFIED.value)
        self.notify_reason.setEnabled(status == NotificationStatus.NOT_NOTIFIED.value)

    def _rights_html(self) -> str:
        rows = []
        for r in self.view["rights"]:
            ground = r.get("legal_ground")
            article = (
                cited(LEGAL_GROUNDS[ground].article) if ground in LEGAL_GROUNDS else (ground or "")
            )
            rows.append(
                f"<tr><td><b>{esc(label(RIGHTS, r['right']))}</b></td>"
                f"<td style='padding:0 10px'>{esc(label(OUTCOMES, r['outcome']))}</td>"
                f"<td>{esc(article)}</td><td style='padding-left:10px'>"
                f"{esc(r.get('reason') or '')}</td></tr>"
            )
            for e in r.get("erasures") or []:
                text = (
                    _("{category}: erased.").format(category=e["category_name"])
                    if e["erased"]
                    else _("{category}: kept until {day} ({ground}).").format(
                        category=e["category_name"],
                        day=format_date(e["kept_until"]),
                        ground=cited(LEGAL_GROUNDS[e["legal_ground"]].article)
                        if e.get("legal_ground") in LEGAL_GROUNDS
                        else "",
                    )
                )
                rows.append(
                    f"<tr><td></td><td colspan='3' style='color:#555'>{esc(text)}</td></tr>"
                )
        return f"<table>{''.join(rows)}</table>"

    def _right_changed(self, *_args: Any) -> None:
        """The grounds of the chosen right; the chosen ground stays when it still applies
        (after recording a decision the form keeps its values)."""
        right = self.decision_right.currentData()
        kept = self.decision_ground.currentData()
        self.decision_ground.clear()
        self.decision_ground.addItem(_("— no ground —"), None)
        if right:
            for g in grounds_for(Right(right)):
                self.decision_ground.addItem(f"{cited(g.article)} — {g.label()}", g.code)
                self.decision_ground.setItemData(
                    self.decision_ground.count() - 1, g.label(), Qt.ItemDataRole.ToolTipRole
                )
        select_data(self.decision_ground, kept)

    def record_decision(self) -> bool:
        right = self.decision_right.currentData()
        if right is None:
            return False
        return self._apply(
            rq.CaseUpdate(
                outcomes=(
                    rq.OutcomeInput(
                        Right(right),
                        Outcome(self.decision_outcome.currentData()),
                        self.decision_ground.currentData(),
                        text_or_none(self.decision_reason),
                    ),
                )
            ),
            _("Decision recorded."),
        )

    def record_fee(self) -> bool:
        from ...domain.fees import InvalidFee, parse_amount

        try:
            cents = parse_amount(self.fee_amount.text())
        except InvalidFee as exc:
            self.message.error(str(exc))
            return False
        fee = rq.FeeInput(FeeBasis(self.fee_basis.currentData()), cents, self.fee_costs.text())
        return self._apply(rq.CaseUpdate(fee=fee), _("Fee recorded."))

    def remove_fee(self) -> bool:
        return self._apply(rq.CaseUpdate(clear_fee=True), _("Fee removed."))

    def record_notification(self) -> bool:
        name = self.notify_recipient.currentData()
        if name is None:
            return False
        status = NotificationStatus(self.notify_status.currentData())
        item = rq.NotificationInput(
            name,
            status,
            self.notified_on.value() if status is NotificationStatus.NOTIFIED else None,
            text_or_none(self.notify_reason) if status is NotificationStatus.NOT_NOTIFIED else None,
        )
        return self._apply(rq.CaseUpdate(notifications=(item,)), _("Art. 19 record saved."))

    def record_recipients_requested(self) -> bool:
        return self._apply(
            rq.CaseUpdate(recipients_requested=self.recipients_requested.isChecked()),
            _("Recorded."),
        )

    def record_fee_reason(self) -> bool:
        return self._apply(rq.CaseUpdate(fee_reason=self.fee_reason.text()), _("Reason recorded."))

    def record_erasure(self) -> bool:
        erased = self.erased.isChecked()
        return self._apply(
            rq.CaseUpdate(
                erasures=(
                    rq.ErasureInput(
                        self.erasure_category.currentText(),
                        erased,
                        None if erased else self.kept_until.value(),
                        None if erased else self.erasure_ground.currentData(),
                        text_or_none(self.erasure_reason),
                    ),
                )
            ),
            _("Erasure decision recorded."),
        )

    def place_hold(self) -> bool:
        return self._apply(
            rq.CaseUpdate(
                holds=(
                    rq.HoldInput(self.hold_category.currentText(), text_or_none(self.hold_reason)),
                )
            ),
            _("Legal hold placed."),
        )

    def release_hold(self) -> bool:
        return self._apply(
            rq.CaseUpdate(releases=(self.hold_category.currentText(),)), _("Legal hold released.")
        )
