"""Issue 11 in the window (pytest-qt, offscreen): the intake form as an edit form with a
required reason, the deadline label after a received-date correction, several
controllers, unusual dates, the letter dialog's controller, delivery and pause, the
dashboard's holds and splitting a case."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from rekisteri_app.domain.enums import LetterKind, Right
from rekisteri_app.i18n import set_language
from rekisteri_app.services import letters
from rekisteri_app.services import requests as rq
from tests.test_letter_service import officer
from tests.test_requests_helpers import intake, load_organisation, state

pytestmark = pytest.mark.gui

EE, VERKKO = "Esimerkki Energia Oy", "Esimerkki Sähköverkko Oy"


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def org(ctx):
    load_organisation(ctx)
    officer(ctx)
    return ctx


@pytest.fixture
def answers(monkeypatch):
    """Confirmations answered from a list (Yes when it runs out); asked texts kept."""
    asked: list[str] = []
    replies: list[QMessageBox.StandardButton] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return (replies.pop(0) if replies else QMessageBox.StandardButton.Yes) == (
            QMessageBox.StandardButton.Yes
        )

    monkeypatch.setattr("rekisteri_app.gui.dialogs.confirm", question)
    answers.asked, answers.replies = asked, replies
    return answers


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def ok(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


def rows(model) -> list[dict]:
    return list(model.rows)


def test_edit_intake_needs_a_reason_and_the_deadline_label_follows(qtbot, org):
    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.intake_edit import EditIntakeDialog

    case = rq.add_request(org, intake(date(2026, 11, 12), rights=(Right.ACCESS, Right.ERASURE)))
    dialog = CaseDialog(org, case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "14 December 2026" in dialog.due_label.text()
    assert dialog.edit_button.shortcut().toString() == "Ctrl+E"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.findChild(EditIntakeDialog) is not None)  # animated click
    form = dialog.findChild(EditIntakeDialog)
    assert form.isVisible()
    # the intake form, filled in from the case
    assert form.received_on.value() == date(2026, 11, 12)
    assert form.subject_name.text() == "Matti Meikäläinen"
    assert form.controller.currentText() == EE
    assert form.rights[Right.ERASURE].isChecked() and not form.rights[Right.OBJECTION].isChecked()
    assert form.registers.count() == 2
    before = state(org)
    form.received_on.setDate(qdate(date(2026, 11, 2)))
    ok(form)  # no reason
    assert form.isVisible() and "reason" in form.message.text()
    assert state(org) == before
    form.reason.setPlainText("The envelope is stamped 2 November.")
    ok(form)
    assert form.result() == QDialog.DialogCode.Accepted, form.message.text()
    assert "Wednesday, 2 December 2026" in dialog.due_label.text()
    assert dialog.message.text() == "The correction was stored."
    last = rows(dialog.timeline_model)[-1]
    assert last["kind"] == "correction"
    assert "The envelope is stamped 2 November." in last["description"]
    assert "Due date moved from" in dialog.rule.text()


def test_the_edit_form_adds_withdraws_and_reassigns(qtbot, org):
    from rekisteri_app.gui.requests.intake_edit import EditIntakeDialog

    case = rq.add_request(org, intake(rights=(Right.ACCESS, Right.MARKETING_BAN)))
    form = EditIntakeDialog(org, rq.get_request(org, case))
    qtbot.addWidget(form)
    form.rights[Right.ERASURE].setChecked(True)
    form.raised_on.check.setChecked(True)
    form.raised_on.field.setDate(qdate(date(2026, 11, 10)))
    form.rights[Right.MARKETING_BAN].setChecked(False)
    form.withdrawn.setChecked(True)
    form.words.setText("keep sending the newsletter")
    item = form.other_controllers.item(0)
    assert item.text() == VERKKO
    item.setCheckState(Qt.CheckState.Checked)
    form.address_on_record.setPlainText("Kuja 1\n40100 Jyväskylä")
    form.reason.setPlainText("Follow-up letter and phone call.")
    ok(form)
    assert form.result() == QDialog.DialogCode.Accepted, form.message.text()
    view = rq.get_request(org, case)
    assert {r["right"]: r["raised_on"] for r in view["rights"]} == {
        "access": None,
        "erasure": "2026-11-10",
    }
    assert [c["name"] for c in view["controllers"]] == [EE, VERKKO]
    assert view["address_on_record"] == "Kuja 1\n40100 Jyväskylä"
    assert any("keep sending the newsletter" in t["description"] for t in view["timeline"])
    # unchanged form: the service says so and nothing is stored
    again = EditIntakeDialog(org, view)
    qtbot.addWidget(again)
    again.reason.setPlainText("just looking")
    before = state(org)
    ok(again)
    assert "Nothing to change" in again.message.text() and state(org) == before


def test_intake_with_two_controllers_and_an_old_date_after_confirming(qtbot, org, answers):
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog

    dialog = IntakeDialog(org)
    qtbot.addWidget(dialog)
    dialog.received_on.setDate(qdate(date(2018, 3, 1)))
    assert dialog.received_on.minimumDate() == QDate(1900, 1, 1)
    dialog.controller.setCurrentIndex(dialog.controller.findText(EE))
    dialog.other_controllers.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.rights[Right.ACCESS].setChecked(True)
    dialog.subject_name.setText("Matti Meikäläinen")
    answers.replies.append(QMessageBox.StandardButton.No)
    before = state(org)
    ok(dialog)
    assert "before 25 May 2018" in answers.asked[0] and state(org) == before
    assert dialog.result() != QDialog.DialogCode.Accepted
    ok(dialog)  # asked again, confirmed this time
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    view = rq.get_request(org, dialog.case_number)
    assert [c["name"] for c in view["controllers"]] == [EE, VERKKO]
    assert len(view["received_date_notes"]) == 2


def test_the_letter_dialog_confirms_delivery_and_starts_the_pause(qtbot, org, answers):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    case = rq.add_request(
        org,
        intake(
            other_controllers=(VERKKO,),
            address_on_record="Kuja 1, 40100 Jyväskylä",
            delivery_address="Mökkitie 9, 41800 Korpilahti",
        ),
    )
    dialog = LetterDialog(org, case, kind=LetterKind.IDENTITY_REQUEST)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.deliver_to.isVisible() and dialog.controller.isVisible()
    assert dialog.pause.isVisible() and dialog.pause.isChecked()
    warnings = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("differs from the address" in w for w in warnings)
    assert dialog.issue() is None
    assert "confirm where the letter goes" in dialog.problem.text()
    assert letters.list_letters(org, case) == []
    dialog.deliver_to.setCurrentIndex(dialog.deliver_to.findData("on-record"))
    dialog.controller.setCurrentIndex(dialog.controller.findText(VERKKO))
    issued = dialog.issue()
    assert issued is not None, dialog.problem.text()
    assert "It goes to: Kuja 1, 40100 Jyväskylä" in answers.asked[-1]
    view = rq.get_request(org, case)
    assert [(p["kind"], p["asked_on"]) for p in view["pauses"]] == [("identity", "2026-11-23")]
    assert [t for t in view["timeline"] if t["kind"] == "delivery-address"]
    assert issued.info.kind is LetterKind.IDENTITY_REQUEST

    other = rq.add_request(org, intake(name="Toinen"))
    dialog = LetterDialog(org, other, kind=LetterKind.IDENTITY_REQUEST)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.deliver_to.isVisible() and not dialog.controller.isVisible()
    dialog.pause.setChecked(False)
    assert dialog.issue() is not None
    assert rq.get_request(org, other)["pauses"] == []


def test_the_dashboard_lists_holds_whose_data_would_expire(qtbot, org):
    from rekisteri_app.gui.requests.dashboard_page import DashboardPage

    case = rq.add_request(org, intake())
    rq.update_request(org, case, rq.CaseUpdate(holds=(rq.HoldInput("puhelutallenteet"),)))
    page = DashboardPage(org)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    assert page.holds_label.isVisible()
    text = page.holds_label.text()
    assert case in text and "puhelutallenteet (1 year)" in text and "2 Dec 2026" in text


def test_a_case_is_split_from_the_case_dialog(qtbot, org, monkeypatch):
    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.split_dialog import SplitDialog

    case = rq.add_request(org, intake(other_controllers=(VERKKO,)))
    dialog = CaseDialog(org, case)
    qtbot.addWidget(dialog)
    assert dialog.split_button.isEnabled()
    chosen: list[SplitDialog] = []

    def run(split_dialog) -> int:
        chosen.append(split_dialog)
        split_dialog.accept()  # nothing ticked, no reason
        assert split_dialog.message.text()
        split_dialog.controllers.item(1).setCheckState(Qt.CheckState.Checked)
        split_dialog.reason.setPlainText("answered by the network company")
        split_dialog.accept()
        return split_dialog.result()

    monkeypatch.setattr(SplitDialog, "exec", run)
    new = dialog.split()
    assert new == "2026-0002"
    assert [c["name"] for c in dialog.view["controllers"]] == [EE]
    assert not dialog.split_button.isEnabled()
    assert "Case 2026-0002 was created" in dialog.message.text()
