"""Form fields with live checks: a red border and the domain's message as tooltip.

The checks are the domain's own normalisers (domain/validation.py), so an editor refuses
exactly what the service and the command line refuse; the widgets add no rules of their
own. Pickers for countries and enumerations keep the stored identifier as item data and
show the translated words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from ..domain.validation import ValidationError
from ..i18n import _, current_language

INVALID_STYLE = "border: 2px solid #c62828; border-radius: 3px;"


class ChoiceCombo:
    """Helpers for a QComboBox whose items carry stored values as item data."""

    @staticmethod
    def fill(
        combo: QComboBox,
        options: Sequence[tuple[Any, str]],
        *,
        blank: str | None = None,
        danger: Callable[[Any], bool] | None = None,
    ) -> None:
        with QSignalBlocker(combo):
            current = combo.currentData()
            combo.clear()
            if blank is not None:
                combo.addItem(blank, None)
            for value, text in options:
                combo.addItem(text, value)
                if danger is not None and danger(value):
                    combo.setItemData(
                        combo.count() - 1, Qt.GlobalColor.darkRed, Qt.ItemDataRole.ForegroundRole
                    )
            ChoiceCombo.select(combo, current)

    @staticmethod
    def select(combo: QComboBox, value: Any) -> None:
        for position in range(combo.count()):
            data = combo.itemData(position)
            if (data is None and value is None) or (data is not None and str(data) == str(value)):
                combo.setCurrentIndex(position)
                return
        if value is not None:  # keep an unknown stored value rather than losing it
            combo.addItem(str(value), value)
            combo.setCurrentIndex(combo.count() - 1)

    @staticmethod
    def value(combo: QComboBox) -> Any:
        return combo.currentData()


class CountryCombo(QObject):
    """Turns an editable QComboBox into a country picker: type a name or an ISO code."""

    def __init__(self, combo: QComboBox, *, blank: bool) -> None:
        super().__init__(combo)
        from ..domain.adequacy import countries

        self.combo = combo
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        with QSignalBlocker(combo):
            combo.clear()
            if blank:
                combo.addItem("", None)
            for code, name in countries(current_language()):
                combo.addItem(f"{name} ({code})", code)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        if blank:
            combo.setCurrentIndex(0)

    def code(self) -> str:
        """The ISO code chosen or typed (as typed when it is not a known one)."""
        text = self.combo.currentText().strip()
        position = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if position >= 0:
            return self.combo.itemData(position) or ""
        if text.endswith(")") and "(" in text:
            return text[text.rfind("(") + 1 : -1].strip()
        return text

    def set_code(self, code: str | None) -> None:
        position = self.combo.findData(code) if code else -1
        if position >= 0:
            self.combo.setCurrentIndex(position)
        else:
            self.combo.setEditText(code or "")


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    raise TypeError(type(widget).__name__)


def set_text(widget: QWidget, value: str | None) -> None:
    text = "" if value is None else str(value)
    if widget.property("dateInput"):  # a stored ISO date, shown in the inputs' form
        text = format_date_text(value)
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QComboBox):
        widget.setEditText(text)
    else:
        raise TypeError(type(widget).__name__)


def changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    raise TypeError(type(widget).__name__)


class FieldCheck(QObject):
    """One field checked on every keystroke by a domain normaliser.

    `value()` gives the text to check (default: the widget's text); blank passes unless
    `required`. `problem()` is the translated message, or None.
    """

    checked = Signal()

    def __init__(
        self,
        widget: QWidget,
        normaliser: Callable[[str], object] | None,
        *,
        required: bool = False,
        value: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.normaliser = normaliser
        self.required = required
        self._value = value or (lambda: text_of(widget))
        self._tooltip = widget.toolTip()
        self._problem: str | None = None
        self.label = ""
        changed_signal(widget).connect(self.run)
        self.run()

    def problem(self) -> str | None:
        return self._problem

    def run(self, *_args: Any) -> None:
        text = self._value().strip()
        problem = None
        if not text:
            if self.required:
                problem = _("This field is required.")
        elif self.normaliser is not None:
            try:
                self.normaliser(text)
            except ValidationError as exc:
                problem = exc.message
        self._problem = problem
        target = self.widget
        target.setStyleSheet(INVALID_STYLE if problem else "")
        target.setToolTip(problem or self._tooltip)
        target.setProperty("invalid", bool(problem))
        self.checked.emit()


# ------------------------------------------------------------------ dates
_DMY = __import__("re").compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*")


def date_display_format() -> str:
    """The one date form of every date input (as the request dialogs' pickers)."""
    return "d.M.yyyy" if current_language() == "fi" else "yyyy-MM-dd"


def parse_date_text(text: str, field: str = "date") -> Any:
    """A date typed as d.M.yyyy (2.11.2026) or as ISO (2026-11-02); the domain's message
    for anything else."""
    from datetime import date

    from ..domain import validation as v

    match = _DMY.fullmatch(text or "")
    if match is not None:
        day, month, year = (int(group) for group in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass  # an impossible date: the ISO check below words the refusal
        return v.parse_iso_date(f"{year:04d}-{month:02d}-{day:02d}", field)
    return v.parse_iso_date(text, field)


def format_date_text(value: Any) -> str:
    """An ISO date (text or date) in the inputs' form; other text as it is."""
    from datetime import date

    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip()) if len(value.strip()) == 10 else value
        except ValueError:
            return value
    if not isinstance(value, date):
        return "" if value is None else str(value)
    if current_language() == "fi":
        return f"{value.day}.{value.month}.{value.year}"
    return value.isoformat()


class DateInput(QObject):
    """Turns a QLineEdit into the one date input of the window: the UI language's form
    (d.M.yyyy in Finnish), ISO accepted when typed, and a calendar popup. The text may
    stay empty (an optional date); `iso()` is what is stored."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        from PySide6.QtWidgets import QStyle

        self.field = field
        field.setProperty("dateInput", True)
        field.setPlaceholderText(_("e.g. {example}").format(example=format_date_text("2026-11-02")))
        icon = field.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = field.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(_("Choose from a calendar"))
        self.calendar_action.triggered.connect(self.pop_up)
        self.popup: Any = None

    def iso(self) -> str | None:
        text = self.field.text().strip()
        return parse_date_text(text).isoformat() if text else None

    def pop_up(self) -> Any:
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QCalendarWidget

        calendar = QCalendarWidget()
        calendar.setWindowFlags(Qt.WindowType.Popup)
        try:
            current = parse_date_text(self.field.text())
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        except ValidationError:
            pass
        calendar.clicked.connect(self._chosen)
        calendar.move(self.field.mapToGlobal(self.field.rect().bottomLeft()))
        calendar.show()
        self.popup = calendar
        return calendar

    def _chosen(self, day: Any) -> None:
        from datetime import date

        self.field.setText(format_date_text(date(day.year(), day.month(), day.day())))
        self.field.editingFinished.emit()
        if self.popup is not None:
            self.popup.close()
