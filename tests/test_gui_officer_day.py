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


def test_citations_and_times_in_the_ui_language():
    from rekisteri_app.domain.legal_references import localise_citation
    from rekisteri_app.gui.formatting import format_timestamp
    from rekisteri_app.i18n import set_language

    cited = "GDPR Art. 46(2)(c); Decision (EU) 2021/914 Art. 4"
    assert localise_citation(cited, "sv") == (
        "dataskyddsförordningen art. 46(2)(c); beslut (EU) 2021/914 art. 4"
    )
    assert localise_citation(cited, "fi").startswith("tietosuoja-asetus art. 46(2)(c); päätös")
    assert localise_citation(cited, "en") == cited
    set_language("en")
    assert format_timestamp("2026-11-23T12:05:00") == "23 Nov 2026 14:05"  # not 2:05 PM
    set_language("fi")
    assert format_timestamp("2026-11-23T12:05:00") == "23.11.2026 14:05"


def test_a_new_database_opens_its_setup_and_the_first_letter_can_go(qtbot, ctx, monkeypatch):
    from rekisteri_app.gui.first_run import FirstRunDialog, needs_setup
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog
    from rekisteri_app.services import entities

    assert needs_setup(ctx)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.accept()  # nothing filled: refused in words, nothing stored
    assert dialog.message.text() and entities.list_controllers(ctx) == []
    dialog.name.setText("Esimerkki Oy")
    dialog.business_id.setText("0112038-9")
    dialog.street.setText("Esimerkkikatu 1")
    dialog.postcode.setText("00100")
    dialog.town.setText("Helsinki")
    dialog.officer[settings.OFFICER_NAME].setText("Tiina Tietosuoja")
    dialog.officer[settings.OFFICER_TITLE].setText("tietosuojavastaava")
    dialog.officer[settings.OFFICER_EMAIL].setText("tietosuoja@example.fi")
    dialog.languages["sv"].setChecked(True)
    dialog.languages["fi"].setChecked(False)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    assert not needs_setup(ctx)
    stored = entities.get(ctx, "controllers", "Esimerkki Oy")
    assert stored["postal_address"] == "Esimerkkikatu 1\n00100 Helsinki"
    assert stored["business_id"] == "0112038-9"
    assert settings.get(ctx, settings.OFFICER_NAME) == "Tiina Tietosuoja"
    assert settings.get(ctx, settings.REPLY_LANGUAGES) == "sv"
    intake = IntakeDialog(ctx)
    qtbot.addWidget(intake)
    assert intake.language.currentData() == "sv"  # the first reply language


def test_creating_a_database_in_the_start_dialog_offers_the_setup(
    qtbot, tmp_path, monkeypatch, private_settings
):
    from rekisteri_app.gui import app
    from rekisteri_app.gui.first_run import FirstRunDialog
    from rekisteri_app.gui.start_dialog import StartDialog

    def create(dialog):
        dialog.new_path.setText(str(tmp_path / "uusi.db"))
        dialog.new_passphrase.setText("correct horse battery staple")
        dialog.new_passphrase2.setText("correct horse battery staple")
        return dialog.create_database()

    monkeypatch.setattr(StartDialog, "exec", create)

    class FakeApp:
        def quit(self):
            pass

    controller = app.Controller(FakeApp())
    assert controller.start()
    qtbot.addWidget(controller.window)
    shown = [w for w in controller.window.findChildren(FirstRunDialog) if w.isVisible()]
    assert len(shown) == 1
    controller.window.database.close()


# The first word of an action's (English) text -> the platform's standard key for it.
STANDARD_WORDS = {
    "open": "Open",
    "close": "Close",
    "quit": "Quit",
    "new": "New",
    "find": "Find",
    "delete": "Delete",
    "settings": "Preferences",
    "refresh": "Refresh",
    "user": "HelpContents",
    "print": "Print",
    "save": "Save",
    "zoom": None,  # "Zoom in" / "Zoom out": the two words decide
}


def test_every_action_with_a_standard_key_has_a_shortcut(qtbot, ctx, private_settings):
    from PySide6.QtGui import QAction, QKeySequence

    from rekisteri_app.gui.main_window import MainWindow
    from rekisteri_app.i18n import set_language

    set_language("en")
    window = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(window)
    missing = []
    for action in window.findChildren(QAction):
        words = action.text().replace("&", "").replace("…", "").lower().split()
        if not words or words[0] not in STANDARD_WORDS or action.menu() is not None:
            continue
        if words[:2] == ["open", "selected"]:
            continue  # Enter in the list (Ctrl+O opens a database); Ctrl+Enter commits cells
        name = STANDARD_WORDS[words[0]] or "".join(w.capitalize() for w in words[:2])
        standard = getattr(QKeySequence.StandardKey, name, None)
        if standard is not None and not action.shortcuts():
            missing.append(action.text())
    assert missing == [], missing
    settings_action = next(
        a for a in window.findChildren(QAction) if a.text().startswith("Settings")
    )
    assert QKeySequence("Ctrl+,") in settings_action.shortcuts()  # on Linux too


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_f1_opens_the_manual_in_the_ui_language(qtbot, ctx, private_settings, lang):
    from PySide6.QtGui import QAction, QKeySequence

    from rekisteri_app.gui.help_window import HelpWindow
    from rekisteri_app.gui.main_window import MainWindow
    from rekisteri_app.i18n import set_language

    set_language(lang)
    window = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(window)
    manual = [
        a
        for a in window.findChildren(QAction)
        if QKeySequence(QKeySequence.StandardKey.HelpContents) in a.shortcuts()
    ]
    assert len(manual) == 1
    manual[0].trigger()
    shown = window.findChild(HelpWindow)
    assert shown is not None and shown.isVisible()
    text = shown.browser.toPlainText()
    words = {"fi": "Varmuuskopiointi", "sv": "Säkerhetskopiering", "en": "Backup and restore"}
    assert words[lang] in text and "Ctrl+L" in text and "12(3)" in text


def test_case_dialog_tabs_by_keyboard_terms_explained_and_decisions_kept(qtbot, ctx):
    from rekisteri_app.domain.enums import Right
    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.widgets import select_data

    case = decided_case(ctx)
    dialog = CaseDialog(ctx, case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.tabs.tabToolTip(n) for n in range(5)] == [f"Ctrl+{n}" for n in range(1, 6)]
    assert "12(3)" in dialog.tabs.widget(2).whatsThis()
    assert "12(5)" in dialog.fee_reason.whatsThis()
    select_data(dialog.decision_right, Right.ERASURE.value)
    select_data(dialog.decision_outcome, "partly")
    ground = dialog.decision_ground.findData("art-17-3-b")
    assert ground > 0
    dialog.decision_ground.setCurrentIndex(ground)
    assert dialog.record_decision()
    # the form keeps the right, the outcome and the ground for the next decision
    assert dialog.decision_right.currentData() == Right.ERASURE.value
    assert dialog.decision_outcome.currentData() == "partly"
    assert dialog.decision_ground.currentData() == "art-17-3-b"


def test_backup_replaces_an_older_backup_only_when_asked(db, tmp_path):
    from rekisteri_app.storage import errors
    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    out = tmp_path / "backup.db"
    db.backup_to(out)
    with pytest.raises(errors.AlreadyExists):
        db.backup_to(out)  # the command line never overwrites
    before = out.stat().st_mtime_ns
    db.backup_to(out, replace=True)  # the window asked "Replace?" first
    assert out.stat().st_mtime_ns >= before
    Database.open(out, PASSPHRASE).close()
    with pytest.raises(errors.AlreadyExists):
        db.backup_to(db.path, replace=True)  # never the open database itself


def test_saving_enclosures_over_files_asks_first(qtbot, tmp_path, monkeypatch):
    from rekisteri_app.gui import dialogs
    from rekisteri_app.gui.pdf_output import write_files

    (tmp_path / "data.csv").write_bytes(b"old")
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a: asked.append(a[2]) or False)
    assert write_files(None, tmp_path, [("data.csv", b"new")]) == []
    assert (tmp_path / "data.csv").read_bytes() == b"old" and "data.csv" in asked[0]
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    assert write_files(None, tmp_path, [("data.csv", b"new")]) == [tmp_path / "data.csv"]
    assert (tmp_path / "data.csv").read_bytes() == b"new"


def test_editors_take_dates_in_the_window_form_and_store_iso(qtbot, ctx):
    from PySide6.QtWidgets import QLineEdit

    from rekisteri_app.gui.registers.processor_editor import ProcessorEditor
    from rekisteri_app.services import entities

    editor = ProcessorEditor(ctx)
    qtbot.addWidget(editor)
    editor.widget(QLineEdit, "name").setText("Pilvi Oy")
    signed = editor.widget(QLineEdit, "dpa_signed_on")
    review = editor.widget(QLineEdit, "dpa_review_on")
    assert signed.property("dateInput") and signed.actions()  # the calendar button
    signed.setText("2.11.2026")  # as the request dialogs show dates in Finnish
    review.setText("2027-11-02")  # ISO typed text is accepted too
    assert editor.problems() == []
    editor.save()
    stored = entities.get(ctx, "processors", "Pilvi Oy")
    assert (stored["dpa_signed_on"], stored["dpa_review_on"]) == ("2026-11-02", "2027-11-02")
    again = ProcessorEditor(ctx, entities.list_processors(ctx)[0].id)
    qtbot.addWidget(again)
    assert again.widget(QLineEdit, "dpa_signed_on").text() == "2.11.2026"
    again.widget(QLineEdit, "dpa_signed_on").setText("31.2.2026")
    assert again.problems()  # an impossible date is refused in words


def test_language_changes_without_a_restart(qtbot, db_path, private_settings, monkeypatch):
    """Chosen in the start dialog, and again in the window: the same open database in a
    window rebuilt in that language; Qt's own buttons follow."""
    from PySide6.QtWidgets import QDialogButtonBox

    from rekisteri_app.gui import app, start_dialog
    from rekisteri_app.i18n import current_language
    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    Database.create(db_path, PASSPHRASE).close()
    shown = []

    def fake_exec(dialog):
        shown.append(dialog.language.currentData())
        if len(shown) == 1:  # the officer picks Svenska in the first dialog
            dialog.language.setCurrentIndex(dialog.language.findData("sv"))
            return dialog.result()
        dialog.open_path.setText(str(db_path))
        dialog.open_passphrase.setText(PASSPHRASE)
        return int(dialog.open_database())

    monkeypatch.setattr(start_dialog.StartDialog, "exec", fake_exec)

    class FakeApp:
        def quit(self):
            pass

    controller = app.Controller(FakeApp())
    assert controller.start()
    assert shown == ["fi", "sv"] and current_language() == "sv"
    window = controller.window  # the controller owns its windows (no qtbot.addWidget)
    assert window.menuBar().actions()[0].text() == "&Arkiv"
    window.show_page("letters")
    database = window.database
    window.choose_language("en")
    rebuilt = controller.window
    assert rebuilt is not window and rebuilt.database is database
    assert rebuilt.menuBar().actions()[0].text() == "&File"
    assert rebuilt.current_key() == "letters"
    rebuilt.refresh()  # the database stayed open
    rebuilt.choose_language("fi")
    finnish = controller.window
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Peru"  # Qt's own
    qtbot.wait(50)
    finnish.close()  # closes the database, as quitting does
    qtbot.wait(10)


def test_recent_databases_in_the_file_menu(qtbot, ctx, private_settings, tmp_path, monkeypatch):
    from rekisteri_app.gui import settings as window_settings
    from rekisteri_app.gui.main_window import MainWindow
    from rekisteri_app.gui.start_dialog import StartDialog

    other = tmp_path / "toinen.db"
    other.write_bytes(b"")
    window_settings.remember_database(other)
    window_settings.remember_database(ctx.db.path)
    window = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(window)
    window._fill_recent()
    items = window.recent_menu.actions()
    assert [a.text() for a in items] == [f"&1 {ctx.db.path.resolve()}", f"&2 {other.resolve()}"]
    assert not items[0].isEnabled() and items[1].isEnabled()  # this one is open already
    asked = []
    monkeypatch.setattr(StartDialog, "exec", lambda d: asked.append(d.open_path.text()) or 0)
    items[1].trigger()
    assert asked == [str(other.resolve())]  # only the passphrase is left to give


def test_the_window_language_is_also_chosen_in_settings(qtbot, ctx):
    from PySide6.QtWidgets import QWidget

    from rekisteri_app.gui.settings_dialog import SettingsDialog

    class Owner(QWidget):
        chosen: list[str] = []

        def choose_language(self, lang):
            self.chosen.append(lang)

    owner = Owner()
    qtbot.addWidget(owner)
    dialog = SettingsDialog(ctx, owner)
    dialog.window_language.setCurrentIndex(dialog.window_language.findData("sv"))
    dialog.accept()
    assert owner.chosen == ["sv"]


def test_new_letter_on_the_letters_page_asks_for_the_case(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from rekisteri_app.gui.letters.letter_dialog import LetterDialog
    from rekisteri_app.gui.letters.letters_page import LettersPage

    case = decided_case(ctx)
    page = LettersPage(ctx)
    qtbot.addWidget(page)
    offered = []

    def pick(_parent, _title, _label, items, *args):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    dialog = page.new_letter()
    assert dialog is not None and isinstance(dialog, LetterDialog) and dialog.case == case
    qtbot.addWidget(dialog)
    assert offered and offered[0].startswith(case)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("2099-9999", True))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: None)
    assert page.new_letter() is None  # an unknown case number: said, nothing opened


def test_audit_details_show_the_changed_fields_before_and_after():
    import json

    from rekisteri_app.gui.audit_details import changed_fields, changes_html

    before = {"name": "Asiakasrekisteri", "rights": [{"right": "access", "outcome": "pending"}]}
    after = {"name": "Asiakasrekisteri", "rights": [{"right": "access", "outcome": "granted"}]}
    rows = changed_fields(json.dumps(before), json.dumps(after))
    assert rows == [("Oikeudet 1 · outcome", "pending", "granted")]  # only what changed
    created = changed_fields(None, json.dumps({"name": "<b>Uusi</b>"}))
    assert created == [("Nimi", "—", "<b>Uusi</b>")]
    assert "&lt;b&gt;" in changes_html(None, json.dumps({"name": "<b>Uusi</b>"}))  # not markup
    assert "Tietoja ei ole kirjattu." in changes_html(None, None)


def test_findings_name_the_country_in_the_readers_language():

    from rekisteri_app.domain.compliance.model import Finding, FindingCode, Severity, SubjectKind
    from rekisteri_app.i18n import N_

    finding = Finding(
        Severity.RED,
        FindingCode.TRANSFER_NO_SAFEGUARD,
        SubjectKind.TRANSFER,
        "Lämpödata Analytics",
        N_(
            "No safeguard is recorded for a transfer to {country}, which has no "
            "adequacy decision covering every recipient. Name the transfer tool, "
            "e.g. the 2021 standard contractual clauses."
        ),
        "GDPR Art. 44, 46, 13(1)(f)",
        {"country": "IN"},
    )
    assert "Intia (IN)" in finding.text("fi")
    assert "Indien (IN)" in finding.text("sv")
    assert "India (IN)" in finding.text("en")


def test_the_audit_trail_reads_for_people(qtbot, ctx):
    from PySide6.QtCore import Qt

    from rekisteri_app.gui.pages import AuditPage
    from rekisteri_app.i18n import set_language
    from rekisteri_app.services import entities

    entities.save(ctx, "processors", {"name": "Pilvi Oy"})
    entities.save(ctx, "processors", {"name": "Pilvi Oyj"}, "Pilvi Oy")
    settings.set_value(ctx, settings.OFFICER_NAME, "Tiina")
    set_language("en")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    header = page.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorOrder() == (
        Qt.SortOrder.DescendingOrder
    )
    ids = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert ids == sorted(ids, reverse=True)  # the arrow and the rows agree
    actions = [page.model.index(r, 3).data() for r in range(page.model.rowCount())]
    assert actions[:3] == ["changed", "changed", "created"]  # words, not codes
    assert "PM" not in page.model.index(0, 1).data() and "AM" not in page.model.index(0, 1).data()
    page.table.setCurrentIndex(page.model.index(1, 0))  # the rename
    text = page.details.toPlainText()
    assert "Name" in text and "Pilvi Oy" in text and "Pilvi Oyj" in text
    assert "{" not in text  # a table of fields, not raw JSON
    page.entity_filter.setCurrentIndex(page.entity_filter.findData("setting"))
    assert page.model.rowCount() == 1


def test_dashboard_explains_the_identity_tile_and_writes_letters(qtbot, ctx):
    from datetime import date

    from rekisteri_app.domain.enums import Right
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog
    from rekisteri_app.gui.requests.dashboard_page import DashboardPage
    from rekisteri_app.services import requests as rq

    def case(name: str, **update) -> str:
        number = rq.add_request(
            ctx, rq.Intake(date(2026, 11, 2), "post", "fi", (Right.ACCESS,), rq.PersonInput(name))
        )
        rq.update_request(ctx, number, rq.CaseUpdate(**update))
        return number

    case("Anna", identity_asked=date(2026, 11, 3))
    case("Ville", clarification_asked=date(2026, 11, 3))
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    # two cases wait (status), one of them for identity proof (the tile): both shown
    assert page.board.counts["awaiting"] == 2
    assert page.tiles["identity"].number.text() == "1"
    assert "<b>2</b> (" in page.counts_label.text() and "1)" in page.counts_label.text()
    page.table.selectRow(0)
    dialog = page.letter_for_selected()
    assert isinstance(dialog, LetterDialog)
    qtbot.addWidget(dialog)
    assert {a.text() for a in page.table.actions()} >= {"Avaa", "Kirje…"}


def test_an_empty_database_is_not_called_in_order(qtbot, ctx, private_settings):
    from rekisteri_app.gui.main_window import MainWindow

    window = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(window)
    window.load_findings()
    text = window.findings_panel.summary.text()
    assert "kunnossa" not in text and "Rekisterit" in text
