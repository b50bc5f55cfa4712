"""Qt's own texts (file dialogs, standard buttons) in the UI language, from the
translations PySide6 ships; replaced when the officer chooses another language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_QT_TRANSLATORS: list[QTranslator] = []  # the one installed, replaced on a switch


def install_qt_translations(app: QApplication, lang: str) -> None:
    """Qt's own texts (file dialogs, standard buttons) in the same language; a later
    call (the officer chose another language) replaces the earlier translation."""
    QLocale.setDefault(QLocale(lang))
    while _QT_TRANSLATORS:
        app.removeTranslator(_QT_TRANSLATORS.pop())
    if lang == "en":
        return  # Qt's own texts are English
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _QT_TRANSLATORS.append(translator)
    else:  # a packaging fault: the bundle test reads this line as a failure
        log.warning("Qt's own translations (qtbase_%s) are missing from %s", lang, folder)
