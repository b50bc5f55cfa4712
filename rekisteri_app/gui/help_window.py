"""F1: the short user manual (resources/help/<lang>.html) in a window of its own.

The manual ships with the package in Finnish, Swedish and English and opens in the UI
language: the workflow from a postal request to the archived letter, the deadline rules,
backup and restore, and the keyboard shortcuts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..i18n import _, current_language
from ..paths import resource
from .screen import fit_to_screen


def manual_path(lang: str | None = None) -> Any:
    """The manual in `lang` (the UI language by default); Finnish if it is missing."""
    path = resource("help", f"{lang or current_language()}.html")
    return path if path.exists() else resource("help", "fi.html")


class HelpWindow(QDialog):
    """The manual, read only, with its links and headings."""

    def __init__(self, parent: QWidget | None = None, section: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("User manual"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(manual_path().read_text(encoding="utf-8"))
        if section:
            self.browser.scrollToAnchor(section)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 640)


def show_help(owner: QWidget, section: str = "") -> HelpWindow:
    """Open the manual beside the window (one at a time: an open one is raised)."""
    existing = owner.findChild(HelpWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    window = HelpWindow(owner, section)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
