"""The two request dialogs: logging a new request, and working on one case.

Widgets hold no rules: every button builds a service input, calls one service function
(one transaction, one audit event) and shows the service's translated message when it
refuses. Errors appear in the dialog's message line, never in a modal box, so the
officer can correct the field and try again.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain import workflow
from ...domain.enums import (
    Authority,
    Channel,
    IdentityMethod,
    Language,
    Outcome,
    PauseKind,
    RequestClass,
    RequestStatus,
    Right,
)
from ...domain.identity_code import IdentityDocument
from ...domain.legal_grounds import LEGAL_GROUNDS, grounds_for
from ...i18n import _, current_language
from ...services import entities, settings
from ...services import requests as rq
from ...services.context import ServiceError
from ...services.requests_labels import (
    AUTHORITIES,
    CHANNELS,
    CLASSIFICATIONS,
    DOCUMENTS,
    IDENTITY_METHODS,
    LANGUAGES,
    OUTCOMES,
    PAUSE_KINDS,
    RIGHTS,
    STATUSES,
    URGENCIES,
    choices,
    label,
)
from ..formatting import (
    TITLE_STYLE,
    URGENCY_FOREGROUND,
    days_left_text,
    format_date,
    format_weekday_date,
)
from .case_summary import repeats_html, rule_html

ERROR_STYLE = "color: #c62828; font-weight: bold;"
OK_STYLE = "color: #2e7d32;"
HINT_STYLE = "color: #666;"


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


# ------------------------------------------------------------------------ fields


class DateField(QDateEdit):
    """A calendar date in the UI language's order, with a popup calendar."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d.M.yyyy" if current_language() == "fi" else "yyyy-MM-dd")
        self.setMinimumWidth(120)
        if value is not None:
            self.set_value(value)

    def value(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


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


def make_combo(items: list[tuple[Any, str]], none: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(20)
    if none is not None:
        combo.addItem(none, None)
    for value, text in items:
        combo.addItem(text, value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _text(widget: QLineEdit | QPlainTextEdit) -> str | None:
    value = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    return value.strip() or None


def _short_right(value: str) -> str:
    return label(RIGHTS, value).split(" (")[0]


def _address_box(height: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * height + 12)
    return box


def _logged_text(value: str | None) -> str:
    """When the case was entered (stored as naive UTC), in Helsinki time."""
    if not value:
        return ""
    from datetime import UTC, datetime

    from ...services.context import HELSINKI

    moment = datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone(HELSINKI)
    return f"{format_date(moment.date())} {moment:%H:%M}"


class MessageLine(QLabel):
    """The dialog's one line of feedback: red for a refusal, green for done."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)

    def done(self, text: str) -> None:
        self.setStyleSheet(OK_STYLE)
        self.setText(text)


# ------------------------------------------------------------------------ intake


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
        self.received = DateField(today)
        self.received.setMaximumDate(QDate(today.year, today.month, today.day))
        form.addRow(_("Received on"), self.received)
        self.channel = make_combo(choices(CHANNELS))
        form.addRow(_("Arrived by"), self.channel)
        self.language = make_combo(choices(LANGUAGES))
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
        self.registers = QListWidget()
        self.registers.setMaximumHeight(110)
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
        self.subject_hetu.setPlaceholderText(_("optional; kept only as a keyed hash"))
        self.subject_hetu.setToolTip(
            _("Used only to recognise the same person later. The code itself is never stored.")
        )
        form.addRow(_("Personal identity code"), self.subject_hetu)

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
        files_box = QGroupBox(_("Attachments (kept encrypted in the database)"))
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
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.repeat_label)
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
        for widget in (self.subject_name, self.subject_hetu):
            widget.editingFinished.connect(self._check_repeats)
        self.subject_address.textChanged.connect(self._check_repeats)
        self.received.dateChanged.connect(self._check_repeats)
        self.resize(980, 640)

    # -------------------------------------------------------------- helpers
    def _controller_changed(self, *_args: Any) -> None:
        chosen = self.controller.currentData()
        self.registers.clear()
        if chosen is None:
            options, checked = self.all_registers, False
        else:
            regs = next(r for c, r in self.targets if c.id == chosen)
            options, checked = [(r.id, r.name) for r in regs], True
        for ident, name in options:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.registers.addItem(item)

    def checked_registers(self) -> list[int]:
        out = []
        for i in range(self.registers.count()):
            item = self.registers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

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
            _text(self.subject_address),
            self.received.value(),
            _text(self.subject_hetu),
        )
        if not matches:
            self.repeat_label.hide()
            return
        items = ", ".join(
            f"{_e(m['case_number'])} ({_e(format_date(m['received']))}: "
            f"{_e(', '.join(_short_right(r) for r in m['rights']))})"
            for m in matches
        )
        self.repeat_label.setText(
            "<b>"
            + _e(_("The same data subject asked within the last 12 months:"))
            + "</b> "
            + items
            + "<br/>"
            + _e(_("For information only: nothing is charged or refused automatically."))
        )
        self.repeat_label.show()

    def intake(self) -> rq.Intake:
        requester = None
        authority = Authority.SELF
        checked = None
        if self.represented.isChecked():
            requester = rq.PersonInput(
                self.requester_name.text(),
                _text(self.requester_address),
                _text(self.requester_email),
                _text(self.requester_phone),
            )
            authority = Authority(self.authority.currentData())
            checked = self.authority_checked.value()
        return rq.Intake(
            received_on=self.received.value(),
            channel=Channel(self.channel.currentData()),
            language=Language(self.language.currentData()),
            rights=tuple(r for r, box in self.rights.items() if box.isChecked()),
            subject=rq.PersonInput(
                self.subject_name.text(),
                _text(self.subject_address),
                _text(self.subject_email),
                _text(self.subject_phone),
                _text(self.subject_customer),
                _text(self.subject_hetu),
            ),
            requester=requester,
            authority=authority,
            authority_checked_on=checked,
            controller=self.controller.currentData(),
            registers=tuple(self.checked_registers()),
            description=_text(self.description),
            classification=RequestClass(self.classification.currentData()),
            attachments=tuple(self.attachments),
        )

    def accept(self) -> None:
        try:
            self.case_number = rq.add_request(self.ctx, self.intake())
        except ServiceError as exc:
            self.message.error(str(exc))
            return
        self.subject_hetu.clear()
        super().accept()


def open_intake(ctx: Any, parent: QWidget, logged: Any) -> IntakeDialog:
    """The intake form, window-modal but not blocking; `logged(case_number)` runs after."""
    dialog = IntakeDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: logged(dialog.case_number))
    dialog.open()
    return dialog


# ------------------------------------------------------------------------ case


class TimelineModel(QAbstractTableModel):
    HEADERS = ("Time", "Who", "Event")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Time"), _("Who"), _("Event"))[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row["local"], row["actor"] or "", row["description"])[index.column()]
        return None


class CaseDialog(QDialog):
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

        self.message = MessageLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.populate()
        self.resize(900, 680)

    # ------------------------------------------------------------- building
    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(inner)
        return area

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

    def _identity_tab(self, today: date) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.identity_info = QLabel()
        self.identity_info.setWordWrap(True)
        self.identity_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.identity_info)
        box = QGroupBox(_("Record an identity verification"))
        form = QFormLayout(box)
        self.method = make_combo(choices(IDENTITY_METHODS))
        form.addRow(_("Method"), self.method)
        self.verified_by = QLineEdit(
            settings.get(self.ctx, settings.OFFICER_NAME) or self.ctx.actor
        )
        form.addRow(_("Verified by"), self.verified_by)
        self.verified_on = DateField(today)
        form.addRow(_("Verified on"), self.verified_on)
        self.document_type = make_combo(choices(DOCUMENTS), none=_("— no document —"))
        form.addRow(_("Document seen"), self.document_type)
        self.document_last4 = QLineEdit()
        self.document_last4.setMaxLength(4)
        self.document_last4.setMaximumWidth(80)
        self.document_last4.setToolTip(
            _("Only the last four characters of the document number are kept.")
        )
        form.addRow(_("Last four characters"), self.document_last4)
        self.identity_hetu = QLineEdit()
        self.identity_hetu.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.identity_hetu.setPlaceholderText(_("optional; kept only as a keyed hash"))
        form.addRow(_("Personal identity code"), self.identity_hetu)
        self.identity_note = QLineEdit()
        form.addRow(_("Note"), self.identity_note)
        self.verify_button = QPushButton(_("Record verification"))
        self.verify_button.clicked.connect(self.record_identity)
        form.addRow("", self.verify_button)
        layout.addWidget(box)
        self.authority_box = QGroupBox(_("Representative's authority"))
        row = QHBoxLayout(self.authority_box)
        self.authority_info = QLabel()
        row.addWidget(self.authority_info)
        row.addStretch(1)
        self.authority_checked = DateField(today)
        row.addWidget(self.authority_checked)
        button = QPushButton(_("Record authority check"))
        button.clicked.connect(self.record_authority)
        row.addWidget(button)
        layout.addWidget(self.authority_box)
        layout.addStretch(1)
        return self._scroll(page)

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
        return self._scroll(page)

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

        box = QGroupBox(_("Fee or refusal as excessive (GDPR Art. 12(5))"))
        row = QHBoxLayout(box)
        self.fee_reason = QLineEdit()
        self.fee_reason.setPlaceholderText(
            _("the officer's reason; nothing is charged automatically")
        )
        row.addWidget(self.fee_reason, 1)
        button = QPushButton(_("Record reason"))
        button.clicked.connect(self.record_fee_reason)
        row.addWidget(button)
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
            [(g.code, f"{g.article} — {g.label()}") for g in grounds_for(Right.ERASURE)],
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

        self.notify_info = QLabel()
        self.notify_info.setWordWrap(True)
        self.notify_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.notify_info)
        layout.addStretch(1)
        return self._scroll(page)

    def _timeline_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(True)
        self.timeline.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.timeline.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.timeline, 1)
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("A note for the case file"))
        self.note.returnPressed.connect(self.add_note)
        button = QPushButton(_("Add note"))
        button.clicked.connect(self.add_note)
        row.addWidget(self.note, 1)
        row.addWidget(button)
        layout.addLayout(row)
        box = QGroupBox(_("Attachments"))
        files = QHBoxLayout(box)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(70)
        files.addWidget(self.attachment_list, 1)
        self.attachment_list.itemActivated.connect(lambda _item: self.open_attachment())
        column = QVBoxLayout()
        add = QPushButton(_("Add scan…"))
        add.clicked.connect(self._choose_attachment)
        self.open_attachment_button = QPushButton(_("Open"))
        self.open_attachment_button.clicked.connect(self.open_attachment)
        save = QPushButton(_("Save as…"))
        save.clicked.connect(self._save_attachment)
        column.addWidget(add)
        column.addWidget(self.open_attachment_button)
        column.addWidget(save)
        files.addLayout(column)
        layout.addWidget(box)
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
                f"<span style='color:{colour}; font-size: 12pt'><b>{_e(text)}</b> {_e(left)}</span>"
            )
        else:
            self.due_label.setText(
                f"<span style='color:{colour}'>{_e(label(URGENCIES, v['urgency']))}</span>"
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

        checks = v["identity_checks"]
        if checks:
            items = "".join(
                f"<li>{_e(format_date(c['verified_on']))} — {_e(c['verified_by'])}: "
                f"{_e(label(IDENTITY_METHODS, c['method']))}"
                + (
                    f", {_e(label(DOCUMENTS, c['document_type']))} …"
                    f"{_e(c.get('document_last4') or '')}"
                    if c.get("document_type")
                    else ""
                )
                + "</li>"
                for c in checks
            )
            text = f"<b>{_e(_('Identity verified'))}</b><ul>{items}</ul>"
        else:
            text = f"<b>{_e(_('Identity not verified yet.'))}</b>"
        if v["identity_code_recorded"]:
            text += (
                "<p style='color:#666'>"
                + _e(_("A personal identity code is recorded for matching (as a keyed hash only)."))
                + "</p>"
            )
        self.identity_info.setText(text)
        self.identity_hetu.clear()
        self.document_last4.clear()
        requester = v.get("requester")
        self.authority_box.setVisible(requester is not None)
        if requester is not None:
            checked = v.get("authority_checked_on")
            self.authority_info.setText(
                _("{name} acts by {authority}; checked: {checked}").format(
                    name=requester["name"],
                    authority=label(AUTHORITIES, v["authority"]),
                    checked=format_date(checked) if checked else _("not yet"),
                )
            )

        self.rule.setText(f"<b>{_e(_('How the deadline was computed'))}</b>{rule_html(v)}")
        pauses = v["pauses"]
        self.pauses_info.setText(
            "<br/>".join(
                _e(
                    _("{kind}: asked {asked}, arrived {received}").format(
                        kind=label(PAUSE_KINDS, p["kind"]).capitalize(),
                        asked=format_date(p["asked_on"]),
                        received=format_date(p["received_on"]) if p.get("received_on") else "—",
                    )
                )
                for p in pauses
            )
            or _e(_("Nothing asked from the requester."))
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
                _e(
                    _("{category}: placed {placed}, released {released}").format(
                        category=h["category_name"],
                        placed=format_date(h["placed_on"]),
                        released=format_date(h["released_on"]) if h.get("released_on") else "—",
                    )
                )
                for h in holds
            )
            or _e(_("No legal holds."))
        )
        self.notify_info.setText(self._notify_html())

        self.timeline_model.set_rows(v["timeline"])
        self.timeline.resizeRowsToContents()
        self.attachment_list.clear()
        for a in v["attachments"]:
            item = QListWidgetItem(f"{a['filename']} ({a.get('size') or 0} B)")
            item.setData(Qt.ItemDataRole.UserRole, a["id"])
            self.attachment_list.addItem(item)

    def _overview_html(self) -> str:
        v = self.view
        rows = [
            (_("Received"), f"{format_date(v['received'])} ({label(CHANNELS, v['channel'])})"),
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
            (_("Addressed to"), v.get("controller_name") or "—"),
            (_("Registers"), ", ".join(v["register_names"]) or "—"),
            (
                _("Rights"),
                "; ".join(
                    f"{label(RIGHTS, r['right'])}: {label(OUTCOMES, r['outcome'])}"
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
            f"<tr><td style='color:#555;padding-right:12px'>{_e(k)}</td><td>{_e(val)}</td></tr>"
            for k, val in rows
            if val
        )
        parts = [
            f"<table>{table}</table>",
            f"<p><b>{_e(_('How the deadline was computed'))}</b></p>{rule_html(v)}",
            repeats_html(v),
            self._notify_html(),
        ]
        return "".join(parts)

    def _rights_html(self) -> str:
        rows = []
        for r in self.view["rights"]:
            ground = r.get("legal_ground")
            article = LEGAL_GROUNDS[ground].article if ground in LEGAL_GROUNDS else (ground or "")
            rows.append(
                f"<tr><td><b>{_e(label(RIGHTS, r['right']))}</b></td>"
                f"<td style='padding:0 10px'>{_e(label(OUTCOMES, r['outcome']))}</td>"
                f"<td>{_e(article)}</td><td style='padding-left:10px'>"
                f"{_e(r.get('reason') or '')}</td></tr>"
            )
            for e in r.get("erasures") or []:
                text = (
                    _("{category}: erased.").format(category=e["category_name"])
                    if e["erased"]
                    else _("{category}: kept until {day} ({ground}).").format(
                        category=e["category_name"],
                        day=format_date(e["kept_until"]),
                        ground=LEGAL_GROUNDS[e["legal_ground"]].article
                        if e.get("legal_ground") in LEGAL_GROUNDS
                        else "",
                    )
                )
                rows.append(f"<tr><td></td><td colspan='3' style='color:#555'>{_e(text)}</td></tr>")
        return f"<table>{''.join(rows)}</table>"

    def _notify_html(self) -> str:
        notify = self.view["notify"]
        if not notify:
            return ""
        items = "".join(
            f"<li>{_e(n['name'])} <span style='color:#666'>({_e(n['register'])})</span></li>"
            for n in notify
        )
        return (
            f"<p><b>{_e(_('Recipients to inform of the change (GDPR Art. 19)'))}</b></p>"
            f"<ul>{items}</ul>"
        )

    def _right_changed(self, *_args: Any) -> None:
        right = self.decision_right.currentData()
        self.decision_ground.clear()
        self.decision_ground.addItem(_("— no ground —"), None)
        if right:
            for g in grounds_for(Right(right)):
                self.decision_ground.addItem(f"{g.article} — {g.label()}", g.code)
                self.decision_ground.setItemData(
                    self.decision_ground.count() - 1, g.label(), Qt.ItemDataRole.ToolTipRole
                )

    def _open_other(self, url: Any) -> None:
        other = url.toString()
        if other and other != self.case:
            show_case(self, self.ctx, other, self.changed.emit)

    # ------------------------------------------------------------- actions
    def _load(self) -> dict[str, Any]:
        return rq.get_request(self.ctx, self.case, date_format=format_weekday_date)

    def _apply(self, update: rq.CaseUpdate, done: str) -> bool:
        try:
            rq.update_request(self.ctx, self.case, update)
        except ServiceError as exc:
            self.message.error(str(exc))
            return False
        self.view = self._load()
        self.populate()
        self.message.done(done)
        self.changed.emit()
        return True

    def change_status(self) -> bool:
        status = self.status_combo.currentData()
        if status is None:
            return False
        return self._apply(
            rq.CaseUpdate(status=RequestStatus(status), withdrawn=self.withdrawn.isChecked()),
            _("Status changed."),
        )

    def record_identity(self) -> bool:
        doc = self.document_type.currentData()
        data = rq.IdentityInput(
            method=IdentityMethod(self.method.currentData()),
            verified_by=self.verified_by.text(),
            verified_on=self.verified_on.value(),
            document_type=None if doc is None else IdentityDocument(doc),
            document_last4=_text(self.document_last4),
            note=_text(self.identity_note),
            hetu=_text(self.identity_hetu),
        )
        ok = self._apply(rq.CaseUpdate(identity=data), _("Identity verification recorded."))
        self.identity_hetu.clear()
        if ok:
            self.identity_note.clear()
        return ok

    def record_authority(self) -> bool:
        return self._apply(
            rq.CaseUpdate(authority_checked_on=self.authority_checked.value()),
            _("Authority check recorded."),
        )

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
                        _text(self.decision_reason),
                    ),
                )
            ),
            _("Decision recorded."),
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
                        _text(self.erasure_reason),
                    ),
                )
            ),
            _("Erasure decision recorded."),
        )

    def place_hold(self) -> bool:
        return self._apply(
            rq.CaseUpdate(
                holds=(rq.HoldInput(self.hold_category.currentText(), _text(self.hold_reason)),)
            ),
            _("Legal hold placed."),
        )

    def release_hold(self) -> bool:
        return self._apply(
            rq.CaseUpdate(releases=(self.hold_category.currentText(),)), _("Legal hold released.")
        )

    def add_note(self) -> bool:
        try:
            rq.add_note(self.ctx, self.case, self.note.text())
        except ServiceError as exc:
            self.message.error(str(exc))
            return False
        self.note.clear()
        self.view = self._load()
        self.populate()
        self.message.done(_("Note added."))
        self.changed.emit()
        return True

    def _choose_attachment(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Add a scanned document"))
        if path:
            self.add_attachment_file(Path(path))

    def add_attachment_file(self, path: Path) -> bool:
        try:
            content = path.read_bytes()
        except OSError as exc:
            self.message.error(
                _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
            )
            return False
        return self._apply(
            rq.CaseUpdate(attachments=(rq.AttachmentInput(path.name, content),)),
            _("Attachment added."),
        )

    def open_attachment(self) -> Any:
        """Show the selected attachment from memory (no temporary file)."""
        from .attachment_viewer import AttachmentViewer

        item = self.attachment_list.currentItem()
        if item is None:
            return None
        name, media, content = rq.attachment_content(
            self.ctx, self.case, item.data(Qt.ItemDataRole.UserRole)
        )
        viewer = AttachmentViewer(name, media, content, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def _save_attachment(self) -> None:
        item = self.attachment_list.currentItem()
        if item is None:
            return
        name, _media, content = rq.attachment_content(
            self.ctx, self.case, item.data(Qt.ItemDataRole.UserRole)
        )
        path, _filter = QFileDialog.getSaveFileName(self, _("Save attachment"), name)
        if path:
            try:
                Path(path).write_bytes(content)
            except OSError as exc:
                self.message.error(
                    _("Cannot write {path}: {error}").format(path=path, error=exc.strerror)
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
