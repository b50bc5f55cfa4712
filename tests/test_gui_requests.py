"""The request pages and dialogs, driven like the officer drives them (offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from rekisteri_app.domain.enums import Authority, Right
from rekisteri_app.i18n import set_language
from rekisteri_app.services import requests as rq
from tests.test_requests_helpers import HETU, load_organisation, state

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def org(ctx):
    load_organisation(ctx)
    return ctx


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def log_postal_request_by_a_representative(qtbot, ctx) -> str:
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog

    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.received_on.setDate(qdate(date(2026, 10, 26)))  # due Thursday 26 November
    dialog.channel.setCurrentIndex(dialog.channel.findData("post"))
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    dialog.controller.setCurrentIndex(dialog.controller.findText("Esimerkki Energia Oy"))
    assert dialog.registers.count() == 2  # every register of the controller, checked
    dialog.rights[Right.ACCESS].setChecked(True)
    dialog.rights[Right.ERASURE].setChecked(True)
    dialog.subject_name.setText("Matti Meikäläinen")  # keyClicks types ASCII only
    dialog.subject_address.setPlainText("Kuja 1\n40100 Jyväskylä")
    dialog.represented.setChecked(True)
    qtbot.keyClicks(dialog.requester_name, "Liisa Asianajaja")
    dialog.requester_address.setPlainText("Katu 2\n00100 Helsinki")
    dialog.authority.setCurrentIndex(dialog.authority.findData("power-of-attorney"))
    dialog.authority_checked.check.setChecked(True)
    dialog.authority_checked.field.setDate(qdate(date(2026, 10, 27)))
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))  # "Log request"
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    return dialog.case_number


def test_log_verify_extend_and_see_the_dashboard_change(qtbot, org):
    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.dashboard_page import DashboardPage
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    dashboard = DashboardPage(org)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    assert dashboard.tiles["soon"].number.text() == "0"

    case = log_postal_request_by_a_representative(qtbot, org)
    view = rq.get_request(org, case)
    assert (view["channel"], view["language"], view["authority"]) == (
        "post",
        "sv",
        "power-of-attorney",
    )
    assert view["requester"]["name"] == "Liisa Asianajaja"
    assert view["authority_checked_on"] == "2026-10-27"
    assert view["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]
    assert [r["right"] for r in view["rights"]] == ["access", "erasure"]

    dashboard.refresh()
    assert dashboard.tiles["soon"].number.text() == "1"
    assert dashboard.tiles["overdue"].number.text() == "0"
    assert dashboard.model.rows[0].case_number == case

    dialog = CaseDialog(org, case)
    qtbot.addWidget(dialog)
    seen = []
    dialog.changed.connect(lambda: seen.append(True))
    assert "in progress" not in dialog.status_badge.text()
    # identity: a passport seen at the office, last four characters only
    dialog.method.setCurrentIndex(dialog.method.findData("in-person-document"))
    dialog.verified_on.setDate(qdate(date(2026, 10, 28)))
    dialog.document_type.setCurrentIndex(dialog.document_type.findData("passport"))
    qtbot.keyClicks(dialog.document_last4, "123456")  # the field keeps four
    qtbot.keyClicks(dialog.identity_hetu, HETU)
    click(qtbot, dialog.verify_button)
    assert dialog.message.text() == "Identity verification recorded."
    assert dialog.status_badge.text() == "in progress"
    [check] = dialog.view["identity_checks"]
    assert (check["document_type"], check["document_last4"]) == ("passport", "1234")
    assert dialog.view["identity_code_recorded"]
    assert dialog.identity_hetu.text() == ""  # not kept in the widget either

    # extension, decided and letter sent within the first month
    dialog.extension_reasons.setPlainText("Pyyntö koskee kahta rekisteriä.")
    dialog.extension_decided.setDate(qdate(date(2026, 11, 20)))
    dialog.extension_letter.setDate(qdate(date(2026, 11, 20)))
    click(qtbot, dialog.extend_button)
    assert dialog.message.text() == "The deadline was extended."
    assert dialog.view["status"] == "extended"
    assert dialog.view["extended_due_date"] == "2027-01-26"
    assert "Extended by two further months" in dialog.rule.text()
    assert not dialog.extend_button.isEnabled()
    assert seen == [True, True]

    dashboard.refresh()
    assert dashboard.tiles["soon"].number.text() == "0"
    assert dashboard.tiles["open"].number.text() == "1"
    assert "extended: <b>1</b>" in dashboard.counts_label.text()

    page = RequestsPage(org)
    qtbot.addWidget(page)
    page.refresh()
    assert page.select_case(case)
    assert case in page.preview.toHtml() and "Extended" in page.preview.toHtml()
    due = page.proxy.index(0, 2).data()
    assert "(extended)" in due


def test_a_refused_action_shows_the_reason_and_stores_nothing(qtbot, org):
    from rekisteri_app.gui.requests.case_dialog import CaseDialog

    case = rq.add_request(
        org,
        rq.Intake(
            date(2026, 11, 2),
            "post",
            "fi",
            (Right.ACCESS,),
            rq.PersonInput("Maija Muu", "Tie 3"),
            controller="Esimerkki Energia Oy",
        ),
    )
    dialog = CaseDialog(org, case)
    qtbot.addWidget(dialog)
    before = state(org)
    dialog.decision_outcome.setCurrentIndex(dialog.decision_outcome.findData("refused"))
    assert not dialog.record_decision()
    assert "legal ground" in dialog.message.text()
    qtbot.keyClicks(dialog.identity_hetu, "131052-308X")
    assert not dialog.record_identity()
    assert "check character" in dialog.message.text()
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("closed"))
    assert not dialog.change_status()  # not withdrawn
    assert state(org) == before
    # the right ground makes the same decision acceptable
    dialog.decision_ground.setCurrentIndex(dialog.decision_ground.findData("art-15-4"))
    assert dialog.record_decision()
    assert dialog.view["rights"][0]["outcome"] == "refused"
    dialog.note.setText("Soitettu")
    assert dialog.add_note()
    assert dialog.timeline_model.rows[-1]["description"] == "Soitettu"


def test_intake_errors_keep_the_dialog_open(qtbot, org):
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog

    dialog = IntakeDialog(org)
    qtbot.addWidget(dialog)
    before = state(org)
    dialog.accept()  # no rights, no name
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.message.text()
    dialog.rights[Right.ACCESS].setChecked(True)
    qtbot.keyClicks(dialog.subject_name, "Anna")
    dialog.represented.setChecked(True)  # representative without a name
    dialog.accept()
    assert "needs a name" in dialog.message.text()
    assert state(org) == before


def test_the_intake_form_shows_earlier_requests_of_the_same_person(qtbot, org):
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog

    earlier = rq.add_request(
        org,
        rq.Intake(
            date(2026, 3, 2),
            "email",
            "fi",
            (Right.ACCESS,),
            rq.PersonInput("Matti Meikäläinen", "Kuja 1"),
            authority=Authority.SELF,
        ),
    )
    dialog = IntakeDialog(org)
    qtbot.addWidget(dialog)
    dialog.received_on.setDate(qdate(date(2026, 11, 2)))
    dialog.subject_name.setText("Meikäläinen Matti")
    dialog.subject_address.setPlainText("kuja 1")
    dialog._check_repeats()
    assert not dialog.repeat_label.isHidden()
    assert earlier in dialog.repeat_label.text()


@pytest.fixture
def window(qtbot, org, tmp_path):
    from PySide6.QtCore import QSettings

    from rekisteri_app.gui.main_window import MainWindow

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    main = MainWindow(org.db, ctx=org)
    qtbot.addWidget(main)
    main.show()
    return main


def test_the_window_shows_the_real_pages_ctrl_n_logs_and_enter_opens(qtbot, window):
    from PySide6.QtGui import QKeySequence

    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.dashboard_page import DashboardPage
    from rekisteri_app.gui.requests.intake_dialog import IntakeDialog
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    window.show_page("dashboard")
    assert isinstance(window.current_page(), DashboardPage)
    window.show_page("requests")
    page = window.current_page()
    assert isinstance(page, RequestsPage)
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    window.new_action.trigger()  # Ctrl+N
    intake = window.findChild(IntakeDialog)
    assert intake is not None and intake.isVisible()
    intake.rights[Right.ACCESS].setChecked(True)
    intake.subject_name.setText("Maija Muu")
    click(qtbot, intake.buttons.button(intake.buttons.StandardButton.Ok))
    assert not intake.isVisible(), intake.message.text()
    # the new case is listed, selected and opened; the dashboard counts it
    case = page.current_case()
    assert case == "2026-0001"
    opened = [d for d in page.findChildren(CaseDialog) if d.isVisible()]
    assert [d.case for d in opened] == [case]
    assert "Logged" in opened[0].overview.toPlainText()  # entered today, not "received"
    opened[0].close()
    window.show_page("dashboard")  # the hidden dashboard follows when it is shown
    assert window.dashboard_page.tiles["open"].number.text() == "1"
    window.show_page("requests")
    # Enter on the selected row opens the case again (and only once)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    opened = [d for d in page.findChildren(CaseDialog) if d.isVisible()]
    assert [d.case for d in opened] == [case]
    # a change in the case reaches the dashboard without a manual refresh
    dialog = opened[0]
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("closed"))
    dialog.withdrawn.setChecked(True)
    assert dialog.change_status()
    window.show_page("dashboard")
    assert "closed: <b>1</b>" in window.dashboard_page.counts_label.text()
    assert window.dashboard_page.tiles["open"].number.text() == "0"


def test_settings_dialog_changes_prefix_and_pause_policy(qtbot, window):
    from rekisteri_app.gui.settings_dialog import SettingsDialog
    from rekisteri_app.services import settings

    case = rq.add_request(
        window.ctx,
        rq.Intake(date(2026, 11, 2), "post", "fi", (Right.ACCESS,), rq.PersonInput("Anna")),
    )
    rq.update_request(
        window.ctx,
        case,
        rq.CaseUpdate(identity_asked=date(2026, 11, 3), identity_received=date(2026, 11, 13)),
    )
    window.refresh()
    assert window.requests_page.model.rows[0].due == date(2026, 12, 14)  # 10 days added
    dialog = window.edit_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.policy_buttons["suspend"].isChecked()
    dialog.prefix.setText("ts")
    assert "TS-2026-0001" in dialog.example.text()
    dialog.policy_buttons["none"].setChecked(True)
    dialog.accept()
    assert settings.get(window.ctx, settings.CASE_PREFIX) == "TS"
    assert settings.get(window.ctx, settings.PAUSE_POLICY) == "none"
    # every deadline follows the policy at once (stored ones too: recomputed)
    window.show_page("requests")
    assert window.requests_page.model.rows[0].due == date(2026, 12, 2)
    bad = window.edit_settings()
    bad.prefix.setText("a b/c")
    bad.accept()
    assert bad.isVisible() and bad.message.text()
    assert settings.get(window.ctx, settings.CASE_PREFIX) == "TS"
    bad.reject()


def test_attachments_are_added_opened_from_memory_and_saved(qtbot, org, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from rekisteri_app.gui.requests.attachment_viewer import AttachmentViewer
    from rekisteri_app.gui.requests.case_dialog import CaseDialog

    case = rq.add_request(
        org, rq.Intake(date(2026, 11, 2), "post", "fi", (Right.ACCESS,), rq.PersonInput("Anna"))
    )
    dialog = CaseDialog(org, case)
    qtbot.addWidget(dialog)
    scan = tmp_path / "kirje.txt"
    scan.write_text("Pyydän tietoni.", encoding="utf-8")
    assert dialog.add_attachment_file(scan)
    scan.unlink()  # from now on only the database has it
    assert dialog.attachment_list.count() == 1
    dialog.attachment_list.setCurrentRow(0)
    viewer = dialog.open_attachment()
    assert isinstance(viewer, AttachmentViewer) and viewer.kind == "text"
    assert viewer.view.toPlainText() == "Pyydän tietoni."
    out = tmp_path / "copy.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog._save_attachment()
    assert out.read_text(encoding="utf-8") == "Pyydän tietoni."
    viewer.close()


def test_the_attachment_viewer_shows_a_pdf_and_refuses_what_it_cannot_show(qtbot):
    from rekisteri_app.gui.requests.attachment_viewer import AttachmentViewer
    from rekisteri_app.services.demo import _scan_pdf

    pdf = AttachmentViewer("kirje.pdf", "application/pdf", _scan_pdf("Kirje", ["rivi"]))
    qtbot.addWidget(pdf)
    assert pdf.kind == "pdf" and pdf.pdf.pageCount() == 1
    broken = AttachmentViewer("kirje.pdf", "application/pdf", b"not a pdf")
    qtbot.addWidget(broken)
    assert "damaged" in broken.view.text()
    other = AttachmentViewer("data.bin", None, b"\x00\x01")
    qtbot.addWidget(other)
    assert "Save as" in other.view.text()


def test_a_deadline_on_christmas_eve_is_warned_about_in_the_case_and_the_list(qtbot, org):
    from rekisteri_app.gui.requests.case_dialog import CaseDialog
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    case = rq.add_request(
        org, rq.Intake(date(2025, 11, 24), "post", "fi", (Right.ACCESS,), rq.PersonInput("Anna"))
    )
    dialog = CaseDialog(org, case)
    qtbot.addWidget(dialog)
    assert dialog.view["due_date"] == "2025-12-24"  # not a public holiday: it stays
    assert "Christmas Eve" in dialog.rule.text()
    assert "Christmas Eve" in dialog.overview.toPlainText()
    page = RequestsPage(org)
    qtbot.addWidget(page)
    page.status_filter.setCurrentIndex(0)
    page.refresh()
    assert page.select_case(case)
    assert "Christmas Eve" in page.preview.toPlainText()
