"""Working on one case: overview and status, identity, deadline, decisions, timeline.

Widgets hold no rules: every button builds a service input, calls one service function
(one transaction, one audit event) and shows the service's translated message when it
refuses. Errors appear in the dialog's message line, never in a modal box, so the
officer can correct the field and try again. Each tab but the overview is a mixin of
its own module (case_identity, case_deadline, case_decisions, case_timeline).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from ...domain import workflow
from ...domain.enums import RequestClass, RequestStatus
from ...domain.vocabulary import (
    AUTHORITIES,
    CHANNELS,
    CLASSIFICATIONS,
    CONTROLLER_ROLES,
    LANGUAGES,
    OUTCOMES,
    PAUSE_KINDS,
    RIGHTS,
    STATUSES,
    URGENCIES,
    label,
)
from ...i18n import N_, _
from ...services import requests as rq
from ...services.context import ServiceError
from ..formatting import (
    TITLE_STYLE,
    URGENCY_FOREGROUND,
    days_left_text,
    format_date,
    format_weekday_date,
)
from ..screen import fit_to_screen
from .case_deadline import DeadlineTab
from .case_decisions import DecisionsTab
from .case_identity import IdentityTab
from .case_summary import esc, notify_html, repeats_html, rule_section_html
from .case_timeline import TimelineTab
from .widgets import MessageLine

# The legal terms of a case, for "What's this?" (English gettext sources).
LEGAL_TERMS = {
    "identity": N_(
        "Identity (GDPR Art. 12(6), 11(2)): when there is reasonable doubt about who "
        "asks, the controller may ask for the information needed to confirm it, and only "
        "that. While the answer is awaited the time limit is suspended (EDPB Guidelines "
        "01/2022 § 159), as the pause policy in Settings says."
    ),
    "deadline": N_(
        "Time limit (GDPR Art. 12(3)): one month from receipt, moved to the next working "
        "day when it ends on a weekend or public holiday (Regulation 1182/71 Art. 3(4)); "
        "it may be extended by two further months when the request is complex or "
        "requests are many, telling the data subject within the first month."
    ),
    "decisions": N_(
        "Decisions: each right requested gets an outcome (granted, partly, refused …) "
        "and, when anything is refused, the legal ground the letter cites. The data "
        "subject must be told of the right to complain to the Data Protection Ombudsman "
        "and to seek a judicial remedy (Art. 12(4))."
    ),
    "withdrawn": N_(
        "Withdrawn: the requester withdrew the request; the case may then be closed "
        "without an answer. Keep the withdrawal letter or note as an attachment."
    ),
    "ground": N_(
        "Legal ground: the article of the GDPR or the Finnish Data Protection Act "
        "(1050/2018) on which a refusal or restriction rests; the letter cites it."
    ),
    "extension": N_(
        "Extension (GDPR Art. 12(3)): by at most two further months, with the reasons, "
        "told to the data subject within the first month (the extension notice letter)."
    ),
    "excessive": N_(
        "Manifestly unfounded or excessive (GDPR Art. 12(5)): the controller may charge "
        "a reasonable fee or refuse to act, and must be able to show why."
    ),
}


def _logged_text(value: str | None) -> str:
    """When the case was entered (stored as naive UTC), in Helsinki time."""
    if not value:
        return ""
    from datetime import UTC, datetime

    from ...services.context import HELSINKI

    moment = datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone(HELSINKI)
    return f"{format_date(moment.date())} {moment:%H:%M}"


class CaseDialog(IdentityTab, DeadlineTab, DecisionsTab, TimelineTab, QDialog):
    """One case: overview and status, identity, deadline, decisions, timeline."""

    changed = Signal()

    def __init__(self, ctx: Any, case: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.view: dict[str, Any] = self._load()
        self.categories = rq.category_names(ctx, case)
        self.setWindowTitle(_("Case {case}").format(case=case))
        today = ctx.today()

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # the subject's name is data
        self.heading.setStyleSheet(TITLE_STYLE)
        self.status_badge = QLabel()
        self.due_label = QLabel()
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        # Heading and badge on one line, the due date below: long Finnish names and
        # dates ("maanantai 30. marraskuuta 2026") would not fit beside each other.
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addWidget(self.status_badge)
        title_row.addStretch(1)
        head = QVBoxLayout()
        head.addLayout(title_row)
        head.addWidget(self.due_label)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), _("Overview"))
        self.tabs.addTab(self._identity_tab(today), _("Identity"))
        self.tabs.addTab(self._deadline_tab(today), _("Deadline"))
        self.tabs.addTab(self._decisions_tab(today), _("Decisions"))
        self.tabs.addTab(self._timeline_tab(), _("Timeline"))
        for number in range(self.tabs.count()):  # Ctrl+1 … Ctrl+5: the tabs
            key = QKeySequence(f"Ctrl+{number + 1}")
            QShortcut(key, self, activated=lambda n=number: self.tabs.setCurrentIndex(n))
            self.tabs.setTabToolTip(number, key.toString(QKeySequence.SequenceFormat.NativeText))
        self._explain_terms()

        self.message = MessageLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.edit_button = QPushButton(_("Edit intake…"))
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_button.setToolTip(_("Correct what was logged at intake, with a reason (Ctrl+E)"))
        self.edit_button.clicked.connect(self.edit_intake)
        self.split_button = QPushButton(_("Split by controller…"))
        self.split_button.setToolTip(_("Give controllers of this letter a case of their own"))
        self.split_button.clicked.connect(self.split)
        self.letter_button = QPushButton(_("Letter…"))
        self.letter_button.setShortcut(QKeySequence("Ctrl+L"))
        self.letter_button.setToolTip(_("Write, preview and issue a letter of this case (Ctrl+L)"))
        self.letter_button.clicked.connect(self.write_letter)
        buttons.addButton(self.letter_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.split_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.populate()
        fit_to_screen(self, 960, 680)

    # ------------------------------------------------------------- building
    def _explain_terms(self) -> None:
        """ "What's this?" (Shift+F1, then click) for the legal terms of the case."""
        for widget, text in (
            (self.tabs.widget(1), LEGAL_TERMS["identity"]),
            (self.tabs.widget(2), LEGAL_TERMS["deadline"]),
            (self.tabs.widget(3), LEGAL_TERMS["decisions"]),
            (self.withdrawn, LEGAL_TERMS["withdrawn"]),
            (self.decision_ground, LEGAL_TERMS["ground"]),
            (self.extend_button, LEGAL_TERMS["extension"]),
            (self.fee_reason, LEGAL_TERMS["excessive"]),
        ):
            widget.setWhatsThis(_(text))
        QShortcut(QKeySequence("Shift+F1"), self, activated=QWhatsThis.enterWhatsThisMode)

    def _overview_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.overview = QTextBrowser()
        self.overview.setOpenLinks(False)
        self.overview.anchorClicked.connect(self._open_other)
        layout.addWidget(self.overview, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Move to")))
        self.status_combo = QComboBox()
        row.addWidget(self.status_combo)
        self.withdrawn = QCheckBox(_("the requester withdrew the request"))
        row.addWidget(self.withdrawn)
        self.status_button = QPushButton(_("Change status"))
        self.status_button.clicked.connect(self.change_status)
        row.addWidget(self.status_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------- showing
    def populate(self) -> None:
        v = self.view
        self.heading.setText(f"{v['case_number']} — {v['subject']['name']}")
        open_case = v["status"] in rq.OPEN_STATUSES
        colour = URGENCY_FOREGROUND.get(v["urgency"], "#455a64") if open_case else "#455a64"
        self.status_badge.setText(label(STATUSES, v["status"]))
        self.status_badge.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 8px; padding: 2px 10px;"
        )
        due = v.get("effective_due_date")
        if due:
            left = days_left_text(v["days_left"]) if open_case else ""
            text = _("Due {day}").format(day=format_date(due, "full"))
            self.due_label.setText(
                f"<span style='color:{colour}; font-size: 12pt'>"
                f"<b>{esc(text)}</b> {esc(left)}</span>"
            )
        else:
            self.due_label.setText(
                f"<span style='color:{colour}'>{esc(label(URGENCIES, v['urgency']))}</span>"
            )

        self.overview.setHtml(self._overview_html())
        self.status_combo.clear()
        # Offer closing unanswered too; the service refuses it unless "withdrawn" is ticked.
        for status in workflow.allowed_targets(
            RequestStatus(v["status"]),
            request_class=RequestClass(v["classification"]),
            withdrawn=True,
        ):
            if status != RequestStatus.EXTENDED:  # extend on the Deadline tab
                self.status_combo.addItem(label(STATUSES, status), status.value)
        self.status_button.setEnabled(self.status_combo.count() > 0)
        self.withdrawn.setChecked(False)
        self.split_button.setEnabled(
            len(v.get("controllers") or []) > 1 and v["status"] != RequestStatus.CLOSED
        )

        self._show_identity(v)
        self._show_deadline(v)
        self._show_decisions(v)
        self._show_timeline(v)

    def _overview_html(self) -> str:
        v = self.view
        received = f"{format_date(v['received'])} ({label(CHANNELS, v['channel'])})"
        for note in v.get("received_date_notes") or []:
            received += " — " + note
        rows = [
            (_("Received"), received),
            (_("Logged"), _logged_text(v.get("logged_at"))),
            (_("Reply in"), label(LANGUAGES, v["language"])),
            (_("Classification"), label(CLASSIFICATIONS, v["classification"])),
            (
                _("Data subject"),
                ", ".join(x for x in (v["subject"]["name"], v["subject"].get("address")) if x),
            ),
        ]
        if v.get("requester"):
            r = v["requester"]
            rows.append((_("Requester"), ", ".join(x for x in (r["name"], r.get("address")) if x)))
            rows.append((_("Authority"), label(AUTHORITIES, v["authority"])))
        checks = v["identity_checks"]
        identity = (
            _("verified {day} ({who})").format(
                day=format_date(checks[-1]["verified_on"]), who=checks[-1]["verified_by"]
            )
            if checks
            else _("not verified yet")
        )
        rows += [
            (_("Address on record"), v.get("address_on_record") or ""),
            (_("Delivery address"), v.get("delivery_address") or ""),
            (
                _("Delivery"),
                _("differs from the address on record: each letter asks where it goes")
                if v.get("delivery_differs")
                else "",
            ),
            (_("Addressed to"), v.get("controller_name") or "—"),
            (
                _("Also concerns"),
                "; ".join(
                    f"{c['name']} ({label(CONTROLLER_ROLES, c['role'])})"
                    for c in v.get("controllers") or []
                    if not c["addressed_to"]
                ),
            ),
            (_("Registers"), ", ".join(v["register_names"]) or "—"),
            (
                _("Rights"),
                "; ".join(
                    f"{label(RIGHTS, r['right'])}: {label(OUTCOMES, r['outcome'])}"
                    + (
                        " " + _("(raised on {day})").format(day=format_date(r["raised_on"]))
                        if r.get("raised_on")
                        else ""
                    )
                    for r in v["rights"]
                ),
            ),
            (_("Description"), v.get("description") or ""),
            (_("Identity"), identity),
            (
                _("Asked from the requester"),
                "; ".join(
                    _("{kind}: asked {asked}, arrived {received}").format(
                        kind=label(PAUSE_KINDS, p["kind"]),
                        asked=format_date(p["asked_on"]),
                        received=format_date(p["received_on"]) if p.get("received_on") else "—",
                    )
                    for p in v["pauses"]
                ),
            ),
            (
                _("Extended"),
                _("{day}: {reasons} (letter sent {letter})").format(
                    day=format_date(v["extended_on"]),
                    reasons=v.get("extension_reasons") or "",
                    letter=format_date(v["extension_letter_sent_on"]) or "—",
                )
                if v.get("extended_on")
                else "",
            ),
            (
                _("Legal holds"),
                "; ".join(
                    h["category_name"]
                    + " "
                    + _("(from {day})").format(
                        day=format_date(h.get("effective_from") or h["placed_on"])
                    )
                    + (
                        " " + _("(released {day})").format(day=format_date(h["released_on"]))
                        if h.get("released_on")
                        else ""
                    )
                    for h in v["legal_holds"]
                ),
            ),
            (_("Fee reason"), v.get("fee_reason") or ""),
            (_("Attachments"), ", ".join(a["filename"] for a in v["attachments"])),
        ]
        table = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{esc(k)}</td><td>{esc(val)}</td></tr>"
            for k, val in rows
            if val
        )
        parts = [
            f"<table>{table}</table>",
            rule_section_html(v),
            repeats_html(v),
            notify_html(v),
        ]
        return "".join(parts)

    def _open_other(self, url: Any) -> None:
        other = url.toString()
        if other and other != self.case:
            show_case(self, self.ctx, other, self.changed.emit)

    # ------------------------------------------------------------- actions
    def _load(self) -> dict[str, Any]:
        return rq.get_request(self.ctx, self.case, date_format=format_weekday_date)

    def _apply(self, update: rq.CaseUpdate, done: str) -> bool:
        try:
            # the view is read once below, with the dialog's date format
            rq.update_request(self.ctx, self.case, update, view=False)
        except ServiceError as exc:
            self.message.error(str(exc))
            return False
        self.view = self._load()
        self.populate()
        self.message.done(done)
        self.changed.emit()
        return True

    def _reload(self, done: str) -> None:
        self.view = self._load()
        self.categories = rq.category_names(self.ctx, self.case)
        self.populate()
        self.message.done(done)
        self.changed.emit()

    def write_letter(self) -> Any:
        """The letter dialog of this case; the case reloads when a letter is issued."""
        from ..letters.letter_dialog import open_letter_dialog

        return open_letter_dialog(
            self,
            self.ctx,
            self.case,
            lambda: self._reload(_("The letter was issued.")),
            open_case=self._raise_for_letter,
        )

    def _raise_for_letter(self) -> CaseDialog:
        self.raise_()
        self.activateWindow()
        return self

    def edit_intake(self) -> Any:
        """The intake form filled in from the case; the deadline follows the correction."""
        from .intake_edit import open_edit_intake

        return open_edit_intake(self, self.ctx, self.view, self._corrected)

    def _corrected(self) -> None:
        self._reload(_("The correction was stored."))

    def split(self) -> str | None:
        from .split_dialog import SplitDialog

        dialog = SplitDialog(self.ctx, self.view, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.new_case is None:
            return None
        self._reload(_("Case {case} was created for the same letter.").format(case=dialog.new_case))
        show_case(self, self.ctx, dialog.new_case, self.changed.emit)
        return dialog.new_case

    def change_status(self) -> bool:
        status = self.status_combo.currentData()
        if status is None:
            return False
        return self._apply(
            rq.CaseUpdate(status=RequestStatus(status), withdrawn=self.withdrawn.isChecked()),
            _("Status changed."),
        )


def show_case(owner: QWidget, ctx: Any, case: str, on_changed: Any) -> CaseDialog:
    """Show the case dialog without blocking (one per case: an open one is raised),
    so several cases, the lists and the dashboard can be used side by side."""
    dialogs: dict[str, Any] = owner.__dict__.setdefault("_case_dialogs", {})
    dialog = dialogs.get(case)
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    dialog = CaseDialog(ctx, case, owner)
    dialog.changed.connect(on_changed)
    dialog.finished.connect(lambda _r: dialogs.pop(case, None))
    dialogs[case] = dialog
    dialog.show()
    return dialog
