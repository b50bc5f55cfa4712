"""Issue 17: the officer's day in the window — confirmations, letters from the case,
blocked letters that say what to fill in and where (pytest-qt, offscreen)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from rekisteri_app.domain.enums import LetterKind
from rekisteri_app.services import letters, settings
from tests.test_letter_service import decided_case

pytestmark = pytest.mark.gui

GUI = Path(__file__).resolve().parent.parent / "rekisteri_app" / "gui"


def test_no_window_question_defaults_to_yes():
    """QMessageBox.question() makes Yes the default button: Enter would confirm an
    irreversible step. Every question goes through dialogs.confirm (Cancel default)
    or builds its box and sets a No/Cancel default."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "question"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "QMessageBox"
            ):
                found.append(f"{path.name}:{node.lineno}")
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            source = ast.unparse(function)
            if "StandardButton.Yes |" in source and (
                "setDefaultButton(QMessageBox.StandardButton.No)" not in source
            ):
                found.append(f"{path.name}:{function.name} Yes without a No default")
    assert found == []


def test_confirm_defaults_to_cancel(qtbot, monkeypatch):
    from rekisteri_app.gui import dialogs

    seen = []

    def run(box):
        seen.append(box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(dialogs, "run_box", run)
    assert dialogs.confirm(None, "t", "m", "Issue") is False
    assert seen == [True]


def test_issue_confirmation_defaults_to_cancel_and_issued_state_is_shown(qtbot, ctx, monkeypatch):
    from rekisteri_app.gui import dialogs
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    defaults = []

    def run(box):
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        defaults.append(box.defaultButton() is cancel)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(dialogs, "run_box", run)
    case = decided_case(ctx)
    dialog = LetterDialog(ctx, case, kind=LetterKind.REFUSAL)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.issue_button.isEnabled() and not dialog.blocked_box.isVisible()
    issued = dialog.issue()
    assert issued is not None
    assert defaults and all(defaults)  # the Issue question (and "mark answered", if asked)
    text = dialog.issued_label.text()
    assert dialog.issued_label.isVisible()
    assert str(issued.info.id) in text and issued.info.sha256 in text
    assert "23.11.2026" in text  # the issue date, in the UI language
    assert not dialog.inputs.isEnabled()  # nothing can change what was stored
    assert not dialog.issue_button.isEnabled() and dialog.print_button.isEnabled()


def test_blocked_letter_names_the_setting_and_opens_its_page(qtbot, ctx, monkeypatch):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog
    from rekisteri_app.gui.settings_dialog import OFFICER, PAGES

    case = decided_case(ctx)
    settings.set_value(ctx, settings.OFFICER_NAME, None)
    dialog = LetterDialog(ctx, case, kind=LetterKind.REFUSAL)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.issue_button.isEnabled()  # "Kirjaa lähetetyksi…" waits
    text = dialog.blocked_text.text()
    assert "tietosuojavastaavan nimi" in text and "Asetukset" in text
    assert "officer" not in text  # no internal key names
    assert dialog.open_settings_button.isVisible()
    assert not dialog.open_case_button.isVisible()
    opened = dialog.open_settings()
    qtbot.addWidget(opened)
    assert opened.tabs.currentIndex() == [key for key, _t in PAGES].index(OFFICER)
    opened.fields[settings.OFFICER_NAME].setText("Tiina Tietosuoja")
    opened.accept()
    assert dialog.issue_button.isEnabled() and not dialog.blocked_box.isVisible()
    assert letters.missing_values(ctx, case, LetterKind.REFUSAL, "fi") == ()


def test_letter_from_the_case_dialog_with_ctrl_l(qtbot, ctx):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog
    from rekisteri_app.gui.requests.case_dialog import CaseDialog

    case = decided_case(ctx)
    dialog = CaseDialog(ctx, case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.letter_button.shortcut().toString() == "Ctrl+L"
    dialog.letter_button.click()
    opened = [w for w in dialog.findChildren(LetterDialog) if w.isVisible()]
    assert len(opened) == 1 and opened[0].case == case
