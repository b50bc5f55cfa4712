"""The Breaches page, the editor, the draft and the dashboard card, driven like the officer
drives them (offscreen)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from rekisteri_app.i18n import set_language
from rekisteri_app.services import breaches as br
from rekisteri_app.services import settings
from tests.breach_helpers import (
    LETTER_TEXTS,
    THREE_RECIPIENTS,
    breach_ctx,
    misdirected_invoices,
    organisation,
)

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def bctx(db):
    ctx = breach_ctx(db)
    organisation(ctx)
    return ctx


@pytest.fixture
def boxes(monkeypatch):
    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_page_lists_breaches_by_their_clock_and_previews_what_is_left_to_do(qtbot, db):
    from rekisteri_app.gui.breaches.breaches_page import BreachesPage
    from rekisteri_app.gui.breaches.common import CLOCK_BACKGROUND

    ctx = breach_ctx(db, datetime(2026, 10, 26, 8, 0, tzinfo=UTC))  # Monday 10:00
    organisation(ctx)
    on_time = misdirected_invoices(ctx, aware_at="2026-10-26 09:00")
    overdue = misdirected_invoices(ctx, aware_at="2026-10-22 08:00")
    closed = misdirected_invoices(
        ctx,
        aware_at="2026-10-25 09:00",
        risk_level="none",
        notify_decision="not-required",
        decision_reasons="Kirje palautui avaamattomana.",
    )
    br.update_breach(ctx, closed, {"closed_on": "2026-10-26"})

    page = BreachesPage(ctx)
    qtbot.addWidget(page)
    page.show()  # a page queries when it is shown
    assert page.count_label.text() == "2 of 3 breaches"  # open ones first
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == [overdue, on_time]
    first = page.proxy.index(0, 3)
    assert first.data().endswith("overdue")
    assert first.data(Qt.ItemDataRole.BackgroundRole).color().name() == CLOCK_BACKGROUND["overdue"]
    assert page.proxy.index(1, 3).data() == "71 hours left"
    assert page.current_reference() == overdue
    text = page.preview.toPlainText()
    assert "notification overdue" in text and "Assess the risk" in text
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    assert page.count_label.text() == "3 breaches"
    page.filter.setText("2026-0003")
    assert page.proxy.rowCount() == 1


def test_a_new_breach_is_recorded_from_the_editor_and_reopened_with_its_fields(qtbot, bctx):
    from rekisteri_app.domain.enums import BreachNature
    from rekisteri_app.gui.breaches.breaches_page import BreachesPage

    page = BreachesPage(bctx)
    qtbot.addWidget(page)
    page.show()
    assert page.hint.isVisible()
    editor = page.new_breach()
    qtbot.addWidget(editor)
    assert not editor.tabs.isTabEnabled(4)  # letters wait for a stored record
    editor.aware_at.setDateTime(
        editor.aware_at.dateTime().fromString("2026-10-23 10:00", "yyyy-MM-dd HH:mm")
    )
    editor.natures[BreachNature.CONFIDENTIALITY].setChecked(True)
    editor.description.setPlainText("Laskut väärille asiakkaille.")
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    assert editor.message.text() == "Saved TL-2026-0001.", editor.message.text()
    assert editor.tabs.isTabEnabled(4)
    assert page.current_reference() == "TL-2026-0001"
    assert "Notify by 26.10.2026" not in page.preview.toPlainText()  # English UI
    assert "Notify by 2026-10-26 09:00" in page.preview.toPlainText()

    item = editor.registers.findItems("Asiakasrekisteri", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)
    names = [editor.categories.item(i).text() for i in range(editor.categories.count())]
    assert names == ["nimi", "puhelutallenteet"]
    editor.categories.item(0).setCheckState(Qt.CheckState.Checked)
    editor.new_category.setText("terveystiedot")
    editor.new_special.setChecked(True)
    click(qtbot, editor.add_category_button)
    editor.risk_level.setCurrentIndex(editor.risk_level.findData("risk"))
    editor.notification_box.setChecked(True)
    editor.notification_kind.setCurrentIndex(editor.notification_kind.findData("preliminary"))
    editor.notification_at.set_wall_clock("2026-10-24 11:30")
    editor.notification_ref.setText("TSV/1/2026")
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    assert editor.message.text() == "Saved TL-2026-0001.", editor.message.text()
    view = br.get_breach(bctx, "TL-2026-0001")
    assert [(c["category_name"], c["special"]) for c in view["categories"]] == [
        ("nimi", False),
        ("terveystiedot", True),
    ]
    assert view["clock"] == "notified" and view["hours_to_notify"] == 25.5
    assert editor.notifications.count() == 1
    assert not editor.notification_box.isChecked()
    assert editor.timeline.count() == 4
    assert not editor.is_dirty()

    again = page.open_breach("TL-2026-0001")
    qtbot.addWidget(again)
    assert again.collect() == editor.collect()


def test_a_refused_save_says_why_and_stores_nothing(qtbot, bctx):
    from rekisteri_app.gui.breaches.breach_editor import BreachEditor
    from tests.test_requests_helpers import state

    ref = misdirected_invoices(bctx)
    editor = BreachEditor(bctx, ref)
    qtbot.addWidget(editor)
    before = state(bctx)
    editor.informed_at.check.setChecked(True)  # informed, but not how
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    assert editor.message.text() == "Record how the data subjects were informed."
    assert state(bctx) == before


def test_letters_are_imported_previewed_and_issued_to_three_recipients(qtbot, bctx, tmp_path):
    from rekisteri_app.gui.breaches.breach_editor import BreachEditor

    ref = misdirected_invoices(bctx, risk_level="high", letter_texts=LETTER_TEXTS)
    editor = BreachEditor(bctx, ref)
    qtbot.addWidget(editor)
    editor.tabs.setCurrentIndex(4)
    csv_file = tmp_path / "recipients.csv"
    csv_file.write_bytes(THREE_RECIPIENTS)
    assert editor.import_recipients(str(csv_file)) == 3
    assert editor.recipients_label.text() == "Recipients: 3; letters issued: 0."
    assert editor.preview_letter().startswith(b"%PDF")
    assert editor.letter_preview.page_count() == 1
    batch = editor.issue_letters(confirmed=True)
    assert len(batch.letters) == 3
    assert editor.message.text() == "3 letters issued."
    assert editor.letters.count() == 3
    written = editor.save_all(str(tmp_path))
    assert sorted(p.name for p in written) == sorted(
        f"{ref}-{info.id}.pdf" for info in batch.letters
    )
    assert (
        "Art. 34 letter issued to 3 data subjects"
        in editor.timeline.item(editor.timeline.count() - 1).text()
    )


def test_the_notification_draft_dialog_shows_the_text_and_the_pdf(qtbot, bctx):
    from rekisteri_app.gui.breaches.notification_dialog import NotificationDialog

    ref = misdirected_invoices(bctx)
    dialog = NotificationDialog(bctx, ref)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText().startswith("ILMOITUS HENKILÖTIETOJEN")
    assert dialog.pdf.page_count() >= 1
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "2. Controller and contact person" in dialog.text.toPlainText()
    settings.set_many(bctx, {"officer.phone": "", "officer.email": ""})
    dialog.render()
    assert "phone or email" in dialog.message.text()
    assert not dialog.copy_button.isEnabled()


def test_the_dashboard_card_counts_down_and_turns_red_when_overdue(qtbot, db, private_settings):
    from rekisteri_app.gui.breaches.common import CLOCK_FOREGROUND
    from rekisteri_app.gui.main_window import MainWindow

    ctx = breach_ctx(db, datetime(2026, 10, 26, 5, 0, tzinfo=UTC))  # Monday 07:00
    organisation(ctx)
    window = MainWindow(db, ctx=ctx, page="dashboard")  # the card reads when shown
    qtbot.addWidget(window)
    window.show()
    card = window.breach_card
    assert card.number.text() == "0"
    misdirected_invoices(ctx)  # 2 hours left
    window.refresh()
    assert card.number.text() == "2 hours"
    assert card.caption.text() == "left to notify breach TL-2026-0001"
    assert card.colour == CLOCK_FOREGROUND["due-soon"]
    misdirected_invoices(ctx, aware_at="2026-10-22 08:00")
    card.refresh()
    assert card.number.text() == "24 hours"  # the 72 hours from Thursday 08:00 ended Sunday 07:00
    assert card.caption.text() == "breach TL-2026-0002: notification overdue"
    assert card.colour == CLOCK_FOREGROUND["overdue"]
    assert card.detail.text() == "1 overdue · 2 awaiting notification"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.breaches_page
    assert window.breaches_page.proxy.rowCount() == 2
    window.new_item()  # Ctrl+N on the Breaches page: a new breach
    assert window.breaches_page.dialogs
    for dialog in list(window.breaches_page.dialogs):
        dialog.baseline = dialog.collect()
        dialog.close()
