"""The languages side by side: every free text of an entity in Finnish, Swedish and English.

Why one table: a notice published in two languages needs each text in both, and the
officer translates best seeing the primary text beside the translation. The table edits
the `translations` value of the exchange-form dicts it is given (a register's own, or a
row of one of its lists, which the list editors carry through unchanged), so a row keeps
its translations when it is moved or the register is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.translations import LANGUAGES, translation
from ...i18n import _

LANGUAGE_HEADERS = {"fi": "suomi", "sv": "svenska", "en": "English"}
MISSING = QColor("#fde2e2")
PRIMARY = QColor("#f0f3f7")
ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Slot:
    """One translated field of one exchange-form dict (`holder`); `label` says where."""

    label: str
    field: str
    holder: dict[str, Any]
    optional: bool = False  # proper names and addresses may stay untranslated

    @property
    def primary_text(self) -> str:
        value = self.holder.get(self.field)
        return value.strip() if isinstance(value, str) else ""


class TranslationTable(QTableWidget):
    """Text | suomi | svenska | English. For a register the primary language's column is
    read-only (it is edited in the form itself) and the others write the holder's
    `translations`; for a controller, whose texts are read in the language of each
    register that prints them (`shared=True`), an "As written" column is read-only and
    all three languages are editable. Cells a published language lacks are tinted."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent)
        self.slots: list[Slot] = []
        self.primary = "" if shared else "fi"
        self.published: tuple[str, ...] = ()
        self.languages_from = 2 if shared else 1
        headers = [_("Text")] + ([_("As written")] if shared else [])
        headers += [LANGUAGE_HEADERS[lang] for lang in LANGUAGES]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 190)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        self.itemChanged.connect(self._edited)

    def set_slots(
        self, slots: Sequence[Slot], primary: str = "", published: Sequence[str] = ()
    ) -> None:
        """Show these texts; only non-blank primary texts get a row."""
        self.slots = [s for s in slots if s.primary_text]
        if self.languages_from == 1:
            self.primary = primary if primary in LANGUAGES else "fi"
        self.published = tuple(published)
        with QSignalBlocker(self):
            self.setRowCount(len(self.slots))
            for row, slot in enumerate(self.slots):
                head = QTableWidgetItem(slot.label)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(row, 0, head)
                if self.languages_from == 2:
                    self.setItem(row, 1, self._written(slot))
                for column, lang in enumerate(LANGUAGES, start=self.languages_from):
                    self.setItem(row, column, self._cell(slot, lang))

    def _written(self, slot: Slot) -> QTableWidgetItem:
        item = QTableWidgetItem(slot.primary_text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setBackground(PRIMARY)
        item.setToolTip(_("Edit the text itself in the form."))
        return item

    def _cell(self, slot: Slot, lang: str) -> QTableWidgetItem:
        if lang == self.primary:
            return self._written(slot)
        text = translation(slot.holder.get("translations"), slot.field, lang) or ""
        item = QTableWidgetItem(text)
        item.setData(ROLE, lang)
        if not text and lang in self.published and not slot.optional:
            item.setBackground(MISSING)
            item.setToolTip(_("Missing: the notice in this language prints the primary text."))
        return item

    def _edited(self, item: QTableWidgetItem) -> None:
        lang = item.data(ROLE)
        if lang is None or not 0 <= item.row() < len(self.slots):
            return
        slot = self.slots[item.row()]
        set_translation(slot.holder, slot.field, lang, item.text())
        with QSignalBlocker(self):
            self.setItem(item.row(), item.column(), self._cell(slot, lang))
        self.changed.emit()


def set_translation(holder: dict[str, Any], field: str, lang: str, text: str) -> None:
    """Write (or, when blank, remove) one translation in an exchange-form dict."""
    translations = dict(holder.get("translations") or {})
    per_lang = dict(translations.get(lang) or {})
    if text.strip():
        per_lang[field] = text.strip()
    else:
        per_lang.pop(field, None)
    if per_lang:
        translations[lang] = per_lang
    else:
        translations.pop(lang, None)
    holder["translations"] = translations or None


def slots_for(kind: str, holder: dict[str, Any], label: Callable[[str], str]) -> list[Slot]:
    """The translated fields of one exchange-form dict (domain.translations.FIELDS)."""
    from ...domain.translations import FIELDS

    return [Slot(label(f.name), f.name, holder, f.optional) for f in FIELDS.get(kind, ())]
