"""Settings of the database (not of the window): case numbers, the pause policy of the
deadline clock, the officer and the supervisory authority named in letters.

The values live in the encrypted database (`services.settings`), so the same file gives
the same deadlines on any workstation; saving is one service call and one audit event,
exactly like `rekisteri settings --set KEY=VALUE`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.case_numbers import InvalidCaseNumber, next_case_number, normalise_prefix
from ..domain.deadlines import PausePolicy
from ..domain.vocabulary import PAUSE_POLICIES, PAUSE_POLICY_HELP
from ..i18n import LANGUAGES, N_, NATIVE_NAMES, _, current_language
from ..services import settings
from ..services.context import ServiceError
from .screen import fit_to_screen, scroll_area

HINT_STYLE = "color: #666;"
SPECIAL = (settings.CASE_PREFIX, settings.PAUSE_POLICY)
SAFETY = (
    settings.BACKUP_FOLDER,
    settings.BACKUP_KEEP,
    settings.IDLE_LOCK_MINUTES,
    settings.RETENTION_YEARS,
)
OFFICER_KEYS = (
    settings.ORGANISATION_NAME,
    settings.OFFICER_NAME,
    settings.OFFICER_TITLE,
    settings.OFFICER_PHONE,
    settings.OFFICER_EMAIL,
)

# The dialog's pages, in order: the key a caller names to open one (a blocked letter's
# "Open settings" button opens OFFICER) and its title.
CASES, OFFICER, AUTHORITY, SAFETY_PAGE = "cases", "officer", "authority", "safety"
PAGES = (
    (CASES, N_("Cases and deadlines")),
    (OFFICER, N_("Officer and organisation")),
    (AUTHORITY, N_("Supervisory authority")),
    (SAFETY_PAGE, N_("Backups, locking and retention")),
)


def page_of(key: str) -> str:
    """The page that shows the setting `key`."""
    if key in OFFICER_KEYS or key.split(".")[0] in ("officer", "organisation", "letter"):
        return OFFICER
    if key.startswith("authority."):
        return AUTHORITY
    if key in SAFETY:
        return SAFETY_PAGE
    return CASES


class SettingsDialog(QDialog):
    """Edit every public setting; OK stores them together or shows why not."""

    def __init__(self, ctx: Any, parent: QWidget | None = None, page: str = CASES) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Settings"))
        self.values = settings.all_settings(ctx)
        layout = QVBoxLayout(self)
        contents: dict[str, QVBoxLayout] = {}
        self.tabs = QTabWidget()
        for key, title in PAGES:
            inner = QWidget()
            contents[key] = QVBoxLayout(inner)
            self.tabs.addTab(scroll_area(inner), _(title))
        layout.addWidget(self.tabs, 1)
        # The window's language is the workstation's, not the database's (QSettings).
        self.window_language = QComboBox()
        for code in LANGUAGES:
            self.window_language.addItem(NATIVE_NAMES[code], code)
        self.window_language.setCurrentIndex(
            max(0, self.window_language.findData(current_language()))
        )
        language_row = QFormLayout()
        language_row.addRow(_("Language of the window"), self.window_language)
        contents[CASES].insertLayout(0, language_row)

        cases = QGroupBox(_("Case numbers"))
        form = QFormLayout(cases)
        self.prefix = QLineEdit(self.values.get(settings.CASE_PREFIX) or "")
        self.prefix.setPlaceholderText(_("none"))
        self.prefix.setMaximumWidth(160)
        form.addRow(_(settings.spec(settings.CASE_PREFIX).label), self.prefix)
        self.example = QLabel()
        self.example.setStyleSheet(HINT_STYLE)
        form.addRow("", self.example)
        self.prefix.textChanged.connect(self._show_example)
        contents[CASES].addWidget(cases)

        clock = QGroupBox(_("Identity proof or clarification asked: the deadline clock"))
        box = QVBoxLayout(clock)
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[str, QRadioButton] = {}
        current = str(self.values.get(settings.PAUSE_POLICY) or PausePolicy.SUSPEND)
        for value, text in PAUSE_POLICIES.items():
            button = QRadioButton(_(text))
            button.setChecked(str(value) == current)
            self.policy_group.addButton(button)
            self.policy_buttons[str(value)] = button
            explanation = QLabel(_(PAUSE_POLICY_HELP[value]))
            explanation.setWordWrap(True)
            explanation.setStyleSheet(HINT_STYLE + " margin-left: 22px;")
            box.addWidget(button)
            box.addWidget(explanation)
        note = QLabel(_("Changing the policy recomputes the due date of every case."))
        note.setWordWrap(True)
        note.setStyleSheet("font-style: italic;")
        box.addWidget(note)
        contents[CASES].addWidget(clock)

        self.fields: dict[str, QLineEdit] = {}
        forms: dict[str, QFormLayout] = {}
        for key, _title in PAGES:
            group = QGroupBox(_("Named in letters") if key in (OFFICER, AUTHORITY) else "")
            if key == CASES:
                group.setTitle(_("Other settings"))
            forms[key] = QFormLayout(group)
            forms[key].setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            contents[key].addWidget(group)
        for key in settings.known_keys():
            if key in SPECIAL:
                continue
            value = self.values.get(key)
            field = QLineEdit("" if value is None else str(value))
            field.setMinimumWidth(280)
            if key == settings.BACKUP_FOLDER:
                from ..storage.backups import default_backup_folder

                field.setPlaceholderText(str(default_backup_folder(ctx.db.path)))
            self.fields[key] = field
            forms[page_of(key)].addRow(_(settings.spec(key).label), field)
        for key, layout_of_page in contents.items():
            if forms[key].rowCount() == 0:
                forms[key].parentWidget().hide()
            layout_of_page.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_example()
        self.show_page(page)
        fit_to_screen(self, 760, 560)

    def show_page(self, page: str) -> None:
        keys = [key for key, _title in PAGES]
        self.tabs.setCurrentIndex(keys.index(page) if page in keys else 0)

    def _show_example(self, *_args: Any) -> None:
        try:
            prefix = normalise_prefix(self.prefix.text())
        except InvalidCaseNumber as exc:
            self.example.setText(str(exc))
            return
        year = self.ctx.today().year
        self.example.setText(
            _("New cases are numbered like {example}.").format(
                example=next_case_number(year, [], prefix)
            )
        )

    def policy(self) -> str:
        for value, button in self.policy_buttons.items():
            if button.isChecked():
                return value
        return str(PausePolicy.SUSPEND)

    def changes(self) -> dict[str, Any]:
        """Only what differs from the stored values (so an unchanged OK writes nothing)."""
        wanted: dict[str, Any] = {
            settings.CASE_PREFIX: self.prefix.text().strip() or None,
            settings.PAUSE_POLICY: self.policy(),
        }
        for key, field in self.fields.items():
            wanted[key] = field.text().strip() or None
        out = {}
        for key, value in wanted.items():
            old = self.values.get(key)
            if (None if old is None else str(old)) != value:
                out[key] = value
        return out

    def accept(self) -> None:
        changes = self.changes()
        if changes:
            try:
                settings.set_many(self.ctx, changes)
            except ServiceError as exc:
                self.message.setText(str(exc))
                return
        super().accept()
        lang = self.window_language.currentData()
        owner = self.parentWidget()
        if lang != current_language() and hasattr(owner, "choose_language"):
            owner.choose_language(lang)  # applied at once: the window is rebuilt
