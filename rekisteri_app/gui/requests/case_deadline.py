"""The case dialog's Deadline tab: the deadline rule, pauses and the Art. 12(3) extension."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import PauseKind, RequestClass
from ...domain.vocabulary import PAUSE_KINDS, choices, label
from ...i18n import _
from ...services import requests as rq
from ..formatting import format_date
from .case_summary import esc, rule_html
from .widgets import DateField, make_combo, scroll_area


class DeadlineTab:
    """The Deadline tab: the rule behind the due date, what was asked from the requester,
    the extension. Mixed into CaseDialog, which provides what is listed below."""

    # provided by CaseDialog
    _apply: Callable[[rq.CaseUpdate, str], bool]

    def _deadline_tab(self, today: date) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.rule)
        box = QGroupBox(_("Identity proof or clarification asked from the requester"))
        grid = QGridLayout(box)
        self.pauses_info = QLabel()
        self.pauses_info.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.pauses_info, 0, 0, 1, 4)
        self.pause_kind = make_combo(choices(PAUSE_KINDS))
        grid.addWidget(QLabel(_("What")), 1, 0)
        grid.addWidget(self.pause_kind, 1, 1)
        self.pause_date = DateField(today)
        grid.addWidget(QLabel(_("Date")), 2, 0)
        grid.addWidget(self.pause_date, 2, 1)
        ask = QPushButton(_("Asked on this date"))
        ask.clicked.connect(lambda: self.record_pause(asked=True))
        arrived = QPushButton(_("Arrived on this date"))
        arrived.clicked.connect(lambda: self.record_pause(asked=False))
        grid.addWidget(ask, 2, 2)
        grid.addWidget(arrived, 2, 3)
        grid.setColumnStretch(4, 1)
        layout.addWidget(box)
        self.extension_box = QGroupBox(_("Extend by two further months (GDPR Art. 12(3))"))
        form = QFormLayout(self.extension_box)
        self.extension_reasons = QPlainTextEdit()
        self.extension_reasons.setTabChangesFocus(True)
        self.extension_reasons.setFixedHeight(60)
        form.addRow(_("Reasons for the delay"), self.extension_reasons)
        self.extension_decided = DateField(today)
        form.addRow(_("Decided on"), self.extension_decided)
        self.extension_letter = DateField(today)
        form.addRow(_("Letter to the requester sent on"), self.extension_letter)
        self.extend_button = QPushButton(_("Extend"))
        self.extend_button.clicked.connect(self.extend)
        form.addRow("", self.extend_button)
        self.extension_info = QLabel()
        self.extension_info.setWordWrap(True)
        form.addRow(self.extension_info)
        layout.addWidget(self.extension_box)
        layout.addStretch(1)
        return scroll_area(page)

    def _show_deadline(self, v: dict[str, Any]) -> None:
        """Fill the tab from the case view."""
        title = esc(_("How the deadline was computed"))
        self.rule.setText(f"<b>{title}</b>{rule_html(v)}")
        pauses = v["pauses"]
        self.pauses_info.setText(
            "<br/>".join(
                esc(
                    _("{kind}: asked {asked}, arrived {received}").format(
                        kind=label(PAUSE_KINDS, p["kind"]).capitalize(),
                        asked=format_date(p["asked_on"]),
                        received=format_date(p["received_on"]) if p.get("received_on") else "—",
                    )
                )
                for p in pauses
            )
            or esc(_("Nothing asked from the requester."))
        )
        extended = v.get("extended_on") is not None
        for widget in (
            self.extension_reasons,
            self.extension_decided,
            self.extension_letter,
            self.extend_button,
        ):
            widget.setEnabled(not extended and v["classification"] == RequestClass.GDPR)
        if extended:
            self.extension_info.setText(
                _("Extended on {day}: {reasons}. Letter sent {letter}.").format(
                    day=format_date(v["extended_on"]),
                    reasons=v.get("extension_reasons") or "",
                    letter=format_date(v["extension_letter_sent_on"])
                    if v.get("extension_letter_sent_on")
                    else "—",
                )
            )
        elif v["classification"] != RequestClass.GDPR:
            self.extension_info.setText(
                _("A request outside the GDPR has no statutory deadline to extend.")
            )
        else:
            self.extension_info.setText("")

    def record_pause(self, *, asked: bool) -> bool:
        kind = PauseKind(self.pause_kind.currentData())
        day = self.pause_date.value()
        field = f"{kind.value}_{'asked' if asked else 'received'}"
        return self._apply(rq.CaseUpdate(**{field: day}), _("Recorded."))

    def extend(self) -> bool:
        return self._apply(
            rq.CaseUpdate(
                extension=rq.ExtensionInput(
                    self.extension_reasons.toPlainText(),
                    self.extension_letter.value(),
                    self.extension_decided.value(),
                )
            ),
            _("The deadline was extended."),
        )
