"""Issue 10 in the window: what the officer records in the case dialog, and what the
letter dialog then shows, previews and issues (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

from rekisteri_app.domain.enums import LetterKind
from rekisteri_app.services import letters
from rekisteri_app.services import requests as rq
from tests.test_gui_letters import text_of
from tests.test_letters_true import make_cases
from tests.test_requests_helpers import state

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english():
    """The window's messages in English, whatever an earlier test chose."""
    from rekisteri_app.i18n import set_language

    set_language("en")


@pytest.fixture
def yes(monkeypatch):
    """Answer the window's confirmations (issue 17: `dialogs.confirm`, Cancel by default)."""
    monkeypatch.setattr("rekisteri_app.gui.dialogs.confirm", lambda *a, **k: True)


@pytest.fixture
def cases(ctx):
    return make_cases(ctx)


def case_dialog(qtbot, ctx, case):
    from rekisteri_app.gui.requests.case_dialog import CaseDialog

    dialog = CaseDialog(ctx, case)
    qtbot.addWidget(dialog)
    return dialog


def letter_dialog(qtbot, ctx, case, kind: LetterKind, lang: str = "fi", parent=None):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    dialog = LetterDialog(ctx, case, parent)
    if parent is None:
        qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.setCurrentIndex(dialog.language.findData(lang))
    index = dialog.kind.findData(kind.value)
    assert index >= 0, kind
    dialog.kind.setCurrentIndex(index)
    return dialog


def fill_copy(dialog) -> None:
    dialog.data_copy.list.setCurrentRow(0)
    dialog.data_copy.text.setPlainText("Nimi: Matti Meikäläinen")


def select(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_authority_recorded_in_the_case_dialog_unblocks_the_representatives_letter(
    qtbot, ctx, cases, yes
):
    case = cases["rep"]
    dialog = letter_dialog(qtbot, ctx, case, LetterKind.ACCESS_RESPONSE)
    fill_copy(dialog)
    before = state(ctx)
    assert dialog.issue() is None
    assert "authority" in dialog.problem.text()
    assert state(ctx) == before
    warnings = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("authority" in w for w in warnings)

    cd = case_dialog(qtbot, ctx, case)
    evidence = [cd.authority_evidence.itemData(i) for i in range(cd.authority_evidence.count())]
    assert "power-of-attorney" in evidence and "estate-inventory" not in evidence
    select(cd.authority_evidence, "power-of-attorney")
    assert cd.record_authority(), cd.message.text()
    assert rq.get_request(ctx, case)["authority_evidence"] == "power-of-attorney"

    dialog = letter_dialog(qtbot, ctx, case, LetterKind.ACCESS_RESPONSE)
    fill_copy(dialog)
    issued = dialog.issue()
    assert issued is not None, dialog.problem.text()
    text = text_of(issued.pdf)
    assert "päämiehenne henkilötietoihin" in text and "Liisa Asianajaja" in text


def test_not_held_outcome_and_another_holder_from_the_window(qtbot, ctx, cases, yes):
    case = cases["nothing"]
    cd = case_dialog(qtbot, ctx, case)
    select(cd.decision_outcome, "not-held")
    assert cd.record_decision(), cd.message.text()
    dialog = letter_dialog(qtbot, ctx, case, LetterKind.ACCESS_NOT_HELD)
    inputs = dialog.true_inputs
    assert inputs.holder_box.isVisible() and not dialog.data_copy_box.isVisible()
    names = [inputs.holder_name.itemText(i) for i in range(inputs.holder_name.count())]
    assert "Fingrid Datahub Oy" in names and "Asiakas itse" not in names
    inputs.holder_name.setCurrentText("Fingrid Datahub Oy")
    inputs.holder_contact.setText("www.fingrid.fi")
    inputs.holder_scope.setText("mittaustiedot")
    assert inputs.add_holder()
    issued = dialog.issue()
    assert issued is not None, dialog.problem.text()
    text = text_of(issued.pdf)
    assert "Emme käsittele teitä koskevia henkilötietoja" in text
    assert "Fingrid Datahub Oy (mittaustiedot)" in text and "Jäljennös" not in text


def test_art19_and_fee_recorded_in_the_decisions_tab_are_what_the_letters_say(qtbot, ctx, cases):
    cd = case_dialog(qtbot, ctx, cases["erasure"])
    assert not cd.notify_box.isHidden()
    names = [cd.notify_recipient.itemData(i) for i in range(cd.notify_recipient.count())]
    assert "Viranomaiset" in names and "Asiakas itse" not in names
    select(cd.notify_recipient, "Viranomaiset")
    select(cd.notify_status, "notified")
    assert cd.record_notification(), cd.message.text()
    select(cd.notify_recipient, "Postitus Inc.")
    select(cd.notify_status, "not-notified")
    assert not cd.record_notification()  # no reason given: refused, nothing stored
    assert "reason" in cd.message.text()
    text = text_of(letters.preview(ctx, cases["erasure"], LetterKind.ERASURE, "fi"))
    assert "Viranomaiset: ilmoitettu 23.11.2026" in text
    assert "Postitus Inc." not in text

    cd = case_dialog(qtbot, ctx, cases["access"])
    assert "free of charge" in cd.fee_info.text()
    cd.fee_amount.setText("12,50")
    cd.fee_costs.setText("tulostus ja postitus")
    assert cd.record_fee(), cd.message.text()
    assert "12.50" in cd.fee_info.text()  # in the UI language (English here)
    dialog = letter_dialog(qtbot, ctx, cases["access"], LetterKind.ACCESS_RESPONSE)
    fill_copy(dialog)
    dialog.preview()
    text = text_of(
        letters.preview(ctx, cases["access"], LetterKind.ACCESS_RESPONSE, "fi", dialog.options())
    )
    assert "12,50 €" in text and "tulostus ja postitus" in text
    assert cd.remove_fee()
    assert "free of charge" in cd.fee_info.text()


def test_estate_case_offers_only_letters_outside_the_gdpr(qtbot, ctx, cases, yes):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    dialog = LetterDialog(ctx, cases["estate"])
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds == ["non-gdpr-acknowledgement", "non-gdpr-reply"]
    cd = case_dialog(qtbot, ctx, cases["estate"])
    select(cd.authority_evidence, "estate-inventory")
    assert cd.record_authority(), cd.message.text()
    dialog = letter_dialog(qtbot, ctx, cases["estate"], LetterKind.NON_GDPR_REPLY)
    assert dialog.true_inputs.answer_box.isVisible()
    dialog.true_inputs.answer.setPlainText("Sopimus päättyi 1.10.2026.")
    issued = dialog.issue()
    assert issued is not None, dialog.problem.text()
    text = text_of(issued.pdf)
    assert "Sopimus päättyi 1.10.2026." in text and "valvontaviranomai" not in text


def test_publicity_act_documents_from_the_window(qtbot, ctx, cases, yes):
    dialog = letter_dialog(qtbot, ctx, cases["publicity"], LetterKind.PUBLICITY_ACT_REPLY)
    inputs = dialog.true_inputs
    assert inputs.documents_box.isVisible()
    inputs.documents_given.setPlainText("Rakennuslupa 12/2026")
    inputs.documents_refused.setPlainText("Naapurin lausunto = salassa pidettävä")
    issued = dialog.issue()
    assert issued is not None, dialog.problem.text()
    text = text_of(issued.pdf)
    assert "Rakennuslupa 12/2026" in text and "Naapurin lausunto" in text


class Owner:
    """Stands in for the main window: the letter dialog asks it to open a register."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QWidget

        self.widget = QWidget()
        self.opened: list[int] = []
        self.widget.open_register = self.opened.append


def test_mixed_language_is_listed_with_the_register_and_needs_confirmation(qtbot, ctx, cases, yes):
    owner = Owner()
    qtbot.addWidget(owner.widget)
    dialog = letter_dialog(
        qtbot, ctx, cases["access"], LetterKind.ACCESS_RESPONSE, "sv", owner.widget
    )
    fill_copy(dialog)
    inputs = dialog.true_inputs
    assert inputs.mixed_box.isVisible()
    listed = [inputs.mixed_list.item(i).text() for i in range(inputs.mixed_list.count())]
    assert any("Asiakasrekisteri" in t for t in listed)
    before = state(ctx)
    assert dialog.issue() is None
    assert "--yes" in dialog.problem.text() or "mixed" in dialog.problem.text()
    assert state(ctx) == before
    assert inputs.open_register_button.isEnabled()
    inputs.open_register_button.click()
    assert len(owner.opened) == 1
    inputs.mixed_ok.setChecked(True)
    issued = dialog.issue()
    assert issued is not None, dialog.problem.text()
    assert issued.info.mixed_language


def test_the_officer_chooses_to_call_a_repealed_safeguard_so(qtbot, ctx, cases):
    dialog = letter_dialog(qtbot, ctx, cases["access"], LetterKind.ACCESS_RESPONSE)
    fill_copy(dialog)
    assert dialog.true_inputs.say_repealed.isVisible()
    assert "kumottu" not in text_of(dialog.preview())
    dialog.true_inputs.say_repealed.setChecked(True)
    assert "kumottu" in text_of(dialog.preview())


def test_the_representatives_wording_is_edited_on_its_own(qtbot, ctx, cases):
    from rekisteri_app.gui.letters.template_dialog import TemplateDialog

    dialog = TemplateDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.select(LetterKind.ACKNOWLEDGEMENT, "fi")
    select(dialog.audience, "representative")
    assert "päämiehenne" in dialog.text.toPlainText()
    dialog.text.setPlainText("Saimme pyyntönne päämiehenne puolesta {received_date}.")
    assert dialog.save(), dialog.message.text()
    text = text_of(letters.preview(ctx, cases["rep"], LetterKind.ACKNOWLEDGEMENT, "fi"))
    assert "Saimme pyyntönne päämiehenne puolesta 2.11.2026." in text
    mine = text_of(letters.preview(ctx, cases["access"], LetterKind.ACKNOWLEDGEMENT, "fi"))
    assert "päämiehenne" not in mine  # the data subject's wording is untouched


def test_in_the_main_window_the_button_opens_the_register_lacking_the_translation(
    qtbot, ctx, cases
):
    from rekisteri_app.gui.main_window import MainWindow
    from rekisteri_app.gui.registers.register_editor import RegisterEditor

    main = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(main)
    main.show()
    dialog = letter_dialog(qtbot, ctx, cases["access"], LetterKind.ACCESS_RESPONSE, "sv", main)
    fill_copy(dialog)
    dialog.check()
    inputs = dialog.true_inputs
    inputs.mixed_list.setCurrentRow(0)
    wanted = inputs.mixed[0].register_id
    editor = dialog.open_register(wanted)
    assert isinstance(editor, RegisterEditor)
    qtbot.addWidget(editor)
    assert editor.isVisible()
    dialog.close()
