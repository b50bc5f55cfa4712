"""The breach editor: the Art. 33(5) record in tabs, its letters and its timeline.

Widgets hold no rules: Save sends every field as one dict to `services.breaches`
(`add_breach` or `update_breach`), which checks the record as a whole and stores it in
one audited transaction or refuses with a translated message shown in the message line.
Importing recipients, issuing letters and notes are their own service calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import BreachNature, Language, SentVia
from ...domain.vocabulary import (
    ART34_EXCEPTIONS,
    BREACH_NATURES,
    LANGUAGES,
    NOTIFICATION_KINDS,
    NOTIFY_DECISIONS,
    RISK_LEVELS,
    SENT_VIA,
    choices,
    label,
)
from ...i18n import _
from ...services import breaches as br
from ...services import entities
from ...services.context import ServiceError
from .. import dialogs
from ..pdf_output import PdfPreview, print_with_dialog, write_files
from ..requests.widgets import MessageLine, make_combo, scroll_area, select_data
from .common import DateTimeField, OptionalDateTime, local_text

ROLE = Qt.ItemDataRole.UserRole


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _caption(field: str) -> str:
    return _(br.FIELD_CAPTIONS[field])


class BreachEditor(QDialog):
    """One breach: new (`reference` None) or stored. Emits `saved(reference)`."""

    saved = Signal(str)

    def __init__(self, ctx: Any, reference: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.view: dict[str, Any] | None = None
        self.texts: dict[str, dict[str, str]] = {}
        self.text_language = Language.FI.value
        self.register_categories: dict[str, list[tuple[str, bool]]] = {}
        self.resize(900, 720)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(scroll_area(self._breach_tab()), _("Breach"))
        self.tabs.addTab(scroll_area(self._data_tab()), _("Data concerned"))
        self.tabs.addTab(scroll_area(self._assessment_tab()), _("Risk and notification"))
        self.tabs.addTab(scroll_area(self._subjects_tab()), _("Data subjects"))
        self.tabs.addTab(self._letters_tab(), _("Letters"))
        self.tabs.addTab(self._timeline_tab(), _("Timeline"))
        layout.addWidget(self.tabs, 1)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.draft_button = self.buttons.addButton(
            _("Notification draft…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.draft_button.clicked.connect(self.open_draft)
        layout.addWidget(self.buttons)
        self.load()

    # ------------------------------------------------------------------ tabs
    def _breach_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.aware_at = DateTimeField()
        self.aware_at.setToolTip(_("Finnish time; the 72 hours run from this moment."))
        form.addRow(_caption("aware_at"), self.aware_at)
        natures = QWidget()
        row = QHBoxLayout(natures)
        row.setContentsMargins(0, 0, 0, 0)
        self.natures: dict[BreachNature, QCheckBox] = {}
        for nature in BreachNature:
            box = QCheckBox(label(BREACH_NATURES, nature))
            self.natures[nature] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(_caption("nature"), natures)
        self.description = _text_box(5)
        form.addRow(_caption("description"), self.description)
        self.occurred_from = OptionalDateTime(_("known"))
        form.addRow(_caption("occurred_from"), self.occurred_from)
        self.occurred_to = OptionalDateTime(_("known"))
        form.addRow(_caption("occurred_to"), self.occurred_to)
        self.occurred_unknown = QCheckBox(_caption("occurred_unknown"))
        form.addRow("", self.occurred_unknown)
        self.discovered_how = _text_box(2)
        form.addRow(_caption("discovered_how"), self.discovered_how)
        self.discovered_by = QLineEdit()
        form.addRow(_caption("discovered_by"), self.discovered_by)
        self.controller = make_combo(
            [(f"controller-{c.id}", c.name) for c in entities.list_controllers(self.ctx)],
            none=_("— not named —"),
        )
        form.addRow(_caption("controller"), self.controller)
        self.processor = make_combo(
            [(f"processor-{p.id}", p.name) for p in entities.list_processors(self.ctx)],
            none=_("— none —"),
        )
        form.addRow(_caption("processor"), self.processor)
        self.processor_reported_at = OptionalDateTime(_("reported"))
        form.addRow(_caption("processor_reported_at"), self.processor_reported_at)
        return page

    def _data_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.registers = QListWidget()
        self.registers.setMaximumHeight(120)
        for row in entities.list_registers(self.ctx):
            item = QListWidgetItem(row.name)
            item.setData(ROLE, f"register-{row.id}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.registers.addItem(item)
        self.registers.itemChanged.connect(lambda _item: self._fill_categories())
        form.addRow(_caption("registers"), self.registers)
        self.categories = QListWidget()
        self.categories.setMinimumHeight(140)
        self.categories.setToolTip(_("⚠ marks a special category (GDPR Art. 9 or 10)."))
        form.addRow(_caption("categories"), self.categories)
        adder = QWidget()
        row = QHBoxLayout(adder)
        row.setContentsMargins(0, 0, 0, 0)
        self.new_category = QLineEdit()
        self.new_category.setPlaceholderText(_("another data category"))
        self.new_special = QCheckBox(_("special (Art. 9 or 10)"))
        self.add_category_button = QPushButton(_("Add"))
        self.add_category_button.clicked.connect(self._add_category)
        row.addWidget(self.new_category, 1)
        row.addWidget(self.new_special)
        row.addWidget(self.add_category_button)
        form.addRow("", adder)
        self.subject_groups = _text_box(2)
        self.subject_groups.setToolTip(_("One group per line, e.g. electricity customers."))
        form.addRow(_caption("subject_groups"), self.subject_groups)
        self.subject_count = QLineEdit()
        self.subject_count.setMaximumWidth(140)
        form.addRow(_caption("subject_count"), self.subject_count)
        self.record_count = QLineEdit()
        self.record_count.setMaximumWidth(140)
        form.addRow(_caption("record_count"), self.record_count)
        return page

    def _assessment_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.consequences = _text_box(3)
        form.addRow(_caption("consequences"), self.consequences)
        self.risk_level = make_combo(choices(RISK_LEVELS), none=_("— not assessed —"))
        form.addRow(_caption("risk_level"), self.risk_level)
        self.risk_reasoning = _text_box(2)
        form.addRow(_caption("risk_reasoning"), self.risk_reasoning)
        self.measures_taken = _text_box(3)
        form.addRow(_caption("measures_taken"), self.measures_taken)
        self.measures_proposed = _text_box(2)
        form.addRow(_caption("measures_proposed"), self.measures_proposed)
        self.notify_decision = make_combo(choices(NOTIFY_DECISIONS), none=_("— not decided —"))
        form.addRow(_caption("notify_decision"), self.notify_decision)
        self.decision_reasons = _text_box(2)
        form.addRow(_caption("decision_reasons"), self.decision_reasons)
        self.delay_reasons = _text_box(2)
        form.addRow(_caption("delay_reasons"), self.delay_reasons)
        self.notifications = QListWidget()
        self.notifications.setMaximumHeight(80)
        form.addRow(_("Notifications sent"), self.notifications)
        box = QGroupBox(_("Record a notification sent through the e-service"))
        box.setCheckable(True)
        box.setChecked(False)
        self.notification_box = box
        inner = QFormLayout(box)
        self.notification_kind = make_combo(choices(NOTIFICATION_KINDS))
        inner.addRow(_("Kind"), self.notification_kind)
        self.notification_at = DateTimeField()
        inner.addRow(_("Sent at"), self.notification_at)
        self.notification_ref = QLineEdit()
        inner.addRow(_("E-service reference"), self.notification_ref)
        self.notification_note = QLineEdit()
        inner.addRow(_("Note"), self.notification_note)
        form.addRow(box)
        return page

    def _subjects_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.informed_at = OptionalDateTime(_("informed"))
        form.addRow(_caption("subjects_informed_at"), self.informed_at)
        self.informed_how = _text_box(2)
        form.addRow(_caption("subjects_informed_how"), self.informed_how)
        self.exception = make_combo(choices(ART34_EXCEPTIONS), none=_("— none —"))
        form.addRow(_caption("art34_exception"), self.exception)
        self.informing_reasons = _text_box(2)
        form.addRow(_caption("informing_reasons"), self.informing_reasons)
        box = QGroupBox(_("The Art. 34 letter's texts, clear and plain, for the data subjects"))
        inner = QFormLayout(box)
        self.text_lang = make_combo(choices(LANGUAGES))
        self.text_lang.currentIndexChanged.connect(self._switch_text_language)
        inner.addRow(_("Language"), self.text_lang)
        self.letter_fields: dict[str, QPlainTextEdit] = {}
        for name, caption in (
            ("description", _("What happened")),
            ("consequences", _("What it may lead to")),
            ("measures", _("What we have done")),
            ("advice", _("What the person can do")),
        ):
            self.letter_fields[name] = _text_box(3)
            inner.addRow(caption, self.letter_fields[name])
        form.addRow(box)
        return page

    def _letters_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.recipients_label = QLabel()
        row.addWidget(self.recipients_label, 1)
        self.import_button = QPushButton(_("Import recipients (CSV)…"))
        self.import_button.setToolTip(
            _("Columns: name and address (or street, postcode, city); optional language.")
        )
        self.import_button.clicked.connect(self.import_recipients)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.letter_lang = make_combo(choices(LANGUAGES))
        self.sent_via = make_combo(choices(SENT_VIA))
        select_data(self.sent_via, SentVia.POST.value)
        self.preview_button = QPushButton(_("Preview"))
        self.issue_button = QPushButton(_("Issue letters…"))
        self.preview_button.clicked.connect(self.preview_letter)
        self.issue_button.clicked.connect(self.issue_letters)
        for widget in (
            QLabel(_("Language")),
            self.letter_lang,
            QLabel(_("Sent via")),
            self.sent_via,
            self.preview_button,
            self.issue_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.letters = QListWidget()
        self.letters.currentItemChanged.connect(self._letter_selected)
        column.addWidget(QLabel(_("Issued letters")))
        column.addWidget(self.letters, 1)
        row = QHBoxLayout()
        self.print_copy_button = QPushButton(_("Print copy…"))
        self.save_all_button = QPushButton(_("Save all…"))
        self.save_all_button.setToolTip(_("Write every issued letter as PDF into a folder"))
        self.print_copy_button.clicked.connect(self.print_copy)
        self.save_all_button.clicked.connect(self.save_all)
        row.addWidget(self.print_copy_button)
        row.addWidget(self.save_all_button)
        column.addLayout(row)
        splitter.addWidget(left)
        self.letter_preview = PdfPreview()
        self.letter_preview.setMinimumWidth(320)
        splitter.addWidget(self.letter_preview)
        splitter.setSizes([300, 500])
        layout.addWidget(splitter, 1)
        return page

    def _timeline_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        layout.addWidget(self.timeline, 1)
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("A note for the timeline"))
        self.note_button = QPushButton(_("Add note"))
        self.note_button.clicked.connect(self.add_note)
        row.addWidget(self.note, 1)
        row.addWidget(self.note_button)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------ categories
    def _categories_of(self, key: str) -> list[tuple[str, bool]]:
        if key not in self.register_categories:
            data = entities.get(self.ctx, "registers", key)
            self.register_categories[key] = [
                (c["name"], bool(c.get("special"))) for c in data["data_categories"]
            ]
        return self.register_categories[key]

    def _category_state(self) -> dict[str, tuple[str, bool, bool, bool]]:
        """casefold name → (name, special, checked, own) as the list shows them now."""
        state = {}
        for index in range(self.categories.count()):
            item = self.categories.item(index)
            name, special, own = item.data(ROLE)
            checked = item.checkState() == Qt.CheckState.Checked
            state[name.casefold()] = (name, special, checked, own)
        return state

    def _fill_categories(
        self, wanted: list[dict[str, Any]] | None = None, *, keep: bool = True
    ) -> None:
        state = self._category_state() if keep else {}
        if wanted is not None:
            for c in wanted:
                name = c["category_name"]
                state[name.casefold()] = (name, bool(c["special"]), True, True)
        entries: dict[str, tuple[str, bool, bool, bool]] = {}
        for key in self._checked_registers():
            for name, special in self._categories_of(key):
                old = state.get(name.casefold())
                entries.setdefault(
                    name.casefold(),
                    (name, special or bool(old and old[1]), bool(old and old[2]), False),
                )
        for folded, (name, special, checked, own) in state.items():
            if own and folded not in entries:
                entries[folded] = (name, special, checked, True)
        self.categories.blockSignals(True)
        self.categories.clear()
        for name, special, checked, own in entries.values():
            item = QListWidgetItem(f"{name} ⚠" if special else name)
            item.setData(ROLE, (name, special, own))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.categories.blockSignals(False)

    def _add_category(self) -> None:
        name = self.new_category.text().strip()
        if not name:
            return
        state = self._category_state()
        state[name.casefold()] = (name, self.new_special.isChecked(), True, True)
        self.categories.clear()
        self._fill_categories(
            [
                {"category_name": n, "special": s}
                for n, s, checked, _own in state.values()
                if checked
            ],
            keep=False,
        )
        self.new_category.clear()
        self.new_special.setChecked(False)

    def _checked_registers(self) -> list[str]:
        out = []
        for index in range(self.registers.count()):
            item = self.registers.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ROLE))
        return out

    # ---------------------------------------------------------- letter texts
    def _keep_texts(self) -> None:
        self.texts[self.text_language] = {
            name: box.toPlainText().strip() for name, box in self.letter_fields.items()
        }

    def _switch_text_language(self, *_args: Any) -> None:
        self._keep_texts()
        self.text_language = self.text_lang.currentData()
        values = self.texts.get(self.text_language, {})
        for name, box in self.letter_fields.items():
            box.setPlainText(values.get(name, ""))

    # ------------------------------------------------------------- load/save
    def load(self) -> None:
        view = br.get_breach(self.ctx, self.reference) if self.reference else None
        self.view = view
        saved = view is not None
        for index in (4, 5):
            self.tabs.setTabEnabled(index, saved)
        self.draft_button.setEnabled(saved)
        self.setWindowTitle(
            _("Breach {ref}").format(ref=self.reference) if saved else _("New personal data breach")
        )
        if view is None:
            self.aware_at.set_moment(self.ctx.now())
            self.notification_at.set_moment(self.ctx.now())
            self.occurred_from.set_stored(None, self.ctx.now())
            self.occurred_to.set_stored(None, self.ctx.now())
            self.processor_reported_at.set_stored(None, self.ctx.now())
            self.informed_at.set_stored(None, self.ctx.now())
            self.baseline = self.collect()
            return
        self.aware_at.set_stored(view["aware_at"])
        for nature, box in self.natures.items():
            box.setChecked(nature.value in view["nature"])
        self.description.setPlainText(view["description"] or "")
        now = self.ctx.now()
        self.occurred_from.set_stored(view["occurred_from"], now)
        self.occurred_to.set_stored(view["occurred_to"], now)
        self.occurred_unknown.setChecked(bool(view["occurred_unknown"]))
        self.discovered_how.setPlainText(view["discovered_how"] or "")
        self.discovered_by.setText(view["discovered_by"] or "")
        select_data(self.controller, view["controller"])
        select_data(self.processor, view["processor"])
        self.processor_reported_at.set_stored(view["processor_reported_at"], now)
        keys = {link["register"] for link in view["registers"]}
        self.registers.blockSignals(True)
        for index in range(self.registers.count()):
            item = self.registers.item(index)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(ROLE) in keys else Qt.CheckState.Unchecked
            )
        self.registers.blockSignals(False)
        self._fill_categories(view["categories"], keep=False)
        self.subject_groups.setPlainText(view["subject_groups"] or "")
        self.subject_count.setText(
            "" if view["subject_count"] is None else str(view["subject_count"])
        )
        self.record_count.setText("" if view["record_count"] is None else str(view["record_count"]))
        self.consequences.setPlainText(view["consequences"] or "")
        select_data(self.risk_level, view["risk_level"])
        if view["risk_level"] is None:
            self.risk_level.setCurrentIndex(0)
        self.risk_reasoning.setPlainText(view["risk_reasoning"] or "")
        self.measures_taken.setPlainText(view["measures_taken"] or "")
        self.measures_proposed.setPlainText(view["measures_proposed"] or "")
        select_data(self.notify_decision, view["notify_decision"])
        if view["notify_decision"] is None:
            self.notify_decision.setCurrentIndex(0)
        self.decision_reasons.setPlainText(view["decision_reasons"] or "")
        self.delay_reasons.setPlainText(view["delay_reasons"] or "")
        self.notifications.clear()
        for n in view["notifications"]:
            text = f"{local_text(n['notified_at'])} — {label(NOTIFICATION_KINDS, n['kind'])}"
            if n["reference"]:
                text += f" ({n['reference']})"
            self.notifications.addItem(text)
        self.notification_box.setChecked(False)
        self.notification_at.set_moment(now)
        self.notification_ref.clear()
        self.notification_note.clear()
        self.informed_at.set_stored(view["subjects_informed_at"], now)
        self.informed_how.setPlainText(view["subjects_informed_how"] or "")
        select_data(self.exception, view["art34_exception"])
        if view["art34_exception"] is None:
            self.exception.setCurrentIndex(0)
        self.informing_reasons.setPlainText(view["informing_reasons"] or "")
        self.texts = {
            t["language"]: {name: t[name] or "" for name in br.LETTER_TEXT_FIELDS}
            for t in view["letter_texts"]
        }
        values = self.texts.get(self.text_language, {})
        for name, box in self.letter_fields.items():
            box.setPlainText(values.get(name, ""))
        self._load_letters(view)
        self.timeline.clear()
        for entry in view["timeline"]:
            who = f" ({entry['actor']})" if entry["actor"] else ""
            self.timeline.addItem(f"{entry['local']}{who} — {entry['description']}")
        self.baseline = self.collect()

    def _load_letters(self, view: dict[str, Any]) -> None:
        total = len(view["recipients"])
        self.recipients_label.setText(
            _("Recipients: {n}; letters issued: {m}.").format(n=total, m=len(view["letters"]))
            if total or view["letters"]
            else _("No recipients yet: import the list of data subjects to write to.")
        )
        self.letters.clear()
        for letter in view["letters"]:
            item = QListWidgetItem(
                f"{letter['issued_on']}  {letter['recipient_name']}  ({letter['language']})"
            )
            item.setData(ROLE, letter["id"])
            self.letters.addItem(item)
        has_letters = bool(view["letters"])
        self.print_copy_button.setEnabled(has_letters)
        self.save_all_button.setEnabled(has_letters)
        self.letter_preview.show_message(_("Select a letter, or press Preview.") if total else "")

    def collect(self) -> dict[str, Any]:
        """Every field as the service reads it (texts trimmed as the service trims them,
        so an unchanged form compares equal to what was loaded)."""
        self._keep_texts()
        stored = {t["language"] for t in (self.view or {}).get("letter_texts", [])}
        texts = {
            lang: dict(values)
            for lang, values in self.texts.items()
            if lang in stored or any(values.values())
        }
        categories = [
            {"name": name, "special": special}
            for name, special, checked, _own in self._category_state().values()
            if checked
        ]
        return {
            "aware_at": self.aware_at.value(),
            "nature": [n.value for n, box in self.natures.items() if box.isChecked()],
            "description": self.description.toPlainText().strip(),
            "occurred_from": self.occurred_from.value(),
            "occurred_to": self.occurred_to.value(),
            "occurred_unknown": self.occurred_unknown.isChecked(),
            "discovered_how": self.discovered_how.toPlainText().strip(),
            "discovered_by": self.discovered_by.text().strip(),
            "controller": self.controller.currentData(),
            "processor": self.processor.currentData(),
            "processor_reported_at": self.processor_reported_at.value(),
            "registers": self._checked_registers(),
            "categories": categories,
            "subject_groups": self.subject_groups.toPlainText().strip(),
            "subject_count": self.subject_count.text().strip(),
            "record_count": self.record_count.text().strip(),
            "consequences": self.consequences.toPlainText().strip(),
            "risk_level": self.risk_level.currentData(),
            "risk_reasoning": self.risk_reasoning.toPlainText().strip(),
            "measures_taken": self.measures_taken.toPlainText().strip(),
            "measures_proposed": self.measures_proposed.toPlainText().strip(),
            "notify_decision": self.notify_decision.currentData(),
            "decision_reasons": self.decision_reasons.toPlainText().strip(),
            "delay_reasons": self.delay_reasons.toPlainText().strip(),
            "subjects_informed_at": self.informed_at.value(),
            "subjects_informed_how": self.informed_how.toPlainText().strip(),
            "art34_exception": self.exception.currentData(),
            "informing_reasons": self.informing_reasons.toPlainText().strip(),
            "letter_texts": texts,
        }

    def _notification(self) -> Any:
        if not self.notification_box.isChecked():
            return None
        return br.parse_notification(
            {
                "kind": self.notification_kind.currentData(),
                "at": self.notification_at.value(),
                "reference": self.notification_ref.text(),
                "note": self.notification_note.text(),
            }
        )

    def is_dirty(self) -> bool:
        return self.collect() != self.baseline or self.notification_box.isChecked()

    def save(self) -> bool:
        data = self.collect()
        try:
            notification = self._notification()
            if self.reference is None:
                reference = br.add_breach(self.ctx, data)
                if notification is not None:
                    br.update_breach(self.ctx, reference, notification=notification)
            elif data != self.baseline or notification is not None:
                reference = br.update_breach(
                    self.ctx, self.reference, data, notification=notification
                )
            else:
                self.message.done(_("No changes to save."))
                return True
        except ServiceError as exc:
            self.message.error(str(exc))
            return False
        self.reference = reference
        self.load()
        self.message.done(_("Saved {ref}.").format(ref=reference))
        self.saved.emit(reference)
        return True

    def reject(self) -> None:
        if self.is_dirty():
            answer = dialogs.ask_unsaved(self, self.windowTitle())
            if answer == dialogs.CANCEL or (answer == dialogs.SAVE and not self.save()):
                return
        super().reject()

    # ---------------------------------------------------------------- actions
    def open_draft(self) -> Any:
        from .notification_dialog import NotificationDialog

        if self.reference is None:
            return None
        dialog = NotificationDialog(self.ctx, self.reference, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def add_note(self) -> None:
        text = self.note.text().strip()
        if not text or self.reference is None:
            return
        try:
            br.add_note(self.ctx, self.reference, text)
        except ServiceError as exc:
            self.message.error(str(exc))
            return
        self.note.clear()
        self._reload_keeping_edits()

    def _reload_keeping_edits(self) -> None:
        """After a separate service call: refresh letters and timeline, keep the form."""
        edits = self.collect()
        dirty = edits != self.baseline
        self.view = br.get_breach(self.ctx, self.reference)
        self._load_letters(self.view)
        self.timeline.clear()
        for entry in self.view["timeline"]:
            who = f" ({entry['actor']})" if entry["actor"] else ""
            self.timeline.addItem(f"{entry['local']}{who} — {entry['description']}")
        if not dirty:
            self.baseline = self.collect()
        if self.reference:
            self.saved.emit(self.reference)

    def import_recipients(self, path: str | None = None) -> int | None:
        if self.reference is None:
            return None
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Import recipients"), "", _("CSV files (*.csv *.txt);;All files (*)")
            )
        if not path:
            return None
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            self.message.error(
                _("Could not read {path}: {error}").format(path=path, error=exc.strerror)
            )
            return None
        try:
            count = br.import_recipients(self.ctx, self.reference, content)
        except ServiceError as exc:
            self.message.error(str(exc))
            return None
        self.message.done(_("Recipients imported: {n}").format(n=count))
        self._reload_keeping_edits()
        return count

    def preview_letter(self) -> bytes | None:
        if self.reference is None:
            return None
        try:
            pdf = br.preview_letter(
                self.ctx,
                self.reference,
                self.letter_lang.currentData(),
                self.sent_via.currentData(),
            )
        except ServiceError as exc:
            self.message.error(str(exc))
            self.letter_preview.show_message(str(exc))
            return None
        self.letter_preview.show_pdf(pdf)
        return pdf

    def issue_letters(self, confirmed: bool = False) -> Any:
        if self.reference is None:
            return None
        if self.is_dirty():
            self.message.error(_("Save the breach first: the letters print what is stored."))
            return None
        language = self.letter_lang.currentData()
        if not confirmed and not dialogs.confirm(
            self,
            _("Issue letters"),
            _(
                "Issue the letter in {language} to every recipient not yet written to? "
                "Issued letters are stored as sent and cannot be changed."
            ).format(language=label(LANGUAGES, language)),
            _("Issue"),
        ):
            return None
        try:
            batch = br.issue_letters(
                self.ctx, self.reference, language, self.sent_via.currentData()
            )
        except ServiceError as exc:
            self.message.error(str(exc))
            return None
        self.message.done(br.describe_batch(batch))
        self._reload_keeping_edits()
        if batch.pdfs:
            self.letter_preview.show_pdf(batch.pdfs[0])
        return batch

    def _letter_selected(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        if current is None:
            return
        self.letter_preview.show_pdf(br.breach_letter_pdf(self.ctx, current.data(ROLE)))

    def print_copy(self) -> bool:
        item = self.letters.currentItem()
        if item is None:
            return False
        pdf = br.reprint_breach_letter(self.ctx, item.data(ROLE))
        return print_with_dialog(self, pdf, f"{self.reference}-{item.data(ROLE)}")

    def save_all(self, folder: str | None = None) -> list[Path]:
        if self.view is None or not self.view["letters"]:
            return []
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, _("Save letters in folder"))
        if not folder:
            return []
        files = [
            (f"{self.reference}-{letter['id']}.pdf", br.breach_letter_pdf(self.ctx, letter["id"]))
            for letter in self.view["letters"]
        ]
        return write_files(self, Path(folder), files)
