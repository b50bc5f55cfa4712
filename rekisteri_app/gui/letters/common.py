"""What the letters page and the letter dialogs share: the pickers for a letter's kind
and language, and the file name an issued letter is printed or saved under."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox

from ...domain.enums import Language, LetterKind
from ...domain.vocabulary import LANGUAGES
from ...i18n import _

if TYPE_CHECKING:
    from ...services import letters

LANGUAGE_NAMES = LANGUAGES  # the same words as the request forms


def language_combo(selected: str | None = None) -> QComboBox:
    combo = QComboBox()
    for lang in Language:
        combo.addItem(_(LANGUAGE_NAMES[lang.value]), lang.value)
    if selected:
        combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


def kind_combo() -> QComboBox:
    from ...services import letters  # the letters service (and reportlab) when needed

    combo = QComboBox()
    for kind in LetterKind:
        combo.addItem(letters.kind_label(kind), kind.value)
    return combo


def letter_file_name(info: letters.LetterInfo, copy: bool = False) -> str:
    stem = f"{info.case_number}-{info.kind.value}-{info.language.value}"
    copy_word = _("copy")  # a file name part, in the UI language
    return f"{stem}-{copy_word}.pdf" if copy else f"{stem}.pdf"
