"""The privacy notice window, opened from the Registers page on a real seed register."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.test_notice_service import (
    KUOPIO_CUSTOMERS,
    KUOPIO_MARKETING,
    VALKEAKOSKI,
    add_purpose,
    load_seed,
    pdf_text,
)

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path):
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


class Boxes:
    """Message boxes shown (title, text, details); each answered with `answer`."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.No


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    record = Boxes()

    def fake_exec(box):
        record.shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return record.answer

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return record


@pytest.fixture
def window(qtbot, ctx):
    from rekisteri_app.gui.main_window import MainWindow

    load_seed(ctx, "004_valkeakoski", "002_kuopio")
    main = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(main)
    main.show()
    return main


def select(window, *names: str) -> None:
    page = window.registers_page
    """Ctrl-click each named row, like the officer selecting several registers."""
    page.table.clearSelection()
    flags = page.table.selectionModel().SelectionFlag
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, 0)
        if index.data() in names:
            page.table.selectionModel().setCurrentIndex(index, flags.Select | flags.Rows)


def open_dialog(qtbot, window, *names: str):
    select(window, *names)
    dialog = window.privacy_notice()
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_the_action_is_in_the_menu_with_its_shortcut(window):
    assert window.notice_action.shortcut().toString() == "Ctrl+Shift+P"
    assert window.notice_action in window.menuBar().actions()[1].menu().actions()


def test_preview_pdf_and_html_in_each_language(qtbot, window):
    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    assert dialog.names == [VALKEAKOSKI]
    assert dialog.fmt == "pdf" and dialog.lang == "fi"
    assert dialog.preview_stack.currentWidget() is dialog._pdf_view
    qtbot.waitUntil(lambda: dialog.pdf_page_count() >= 5)
    assert "Tietosuojaseloste" in pdf_text(dialog.content)

    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    dialog.lang_box.setCurrentIndex(dialog.lang_box.findData("sv"))
    assert dialog.preview_stack.currentWidget() is dialog.html_view
    assert "Dataskyddsbeskrivning" in dialog.html_view.toPlainText()
    assert "Rekisterinpitäjä ja yhteystiedot" not in dialog.html_view.toPlainText()
    assert "2" in dialog.info_label.text()  # the two red findings are counted


def test_save_as_writes_the_file(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    target = tmp_path / "seloste.pdf"
    assert dialog.save_to_path(str(target), dialog.content)
    assert target.read_bytes() == dialog.content


def test_save_to_an_unwritable_place_warns_and_writes_nothing(qtbot, window, tmp_path, boxes):
    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    target = tmp_path / "missing" / "seloste.pdf"
    assert not dialog.save_to_path(str(target), dialog.content)
    assert boxes.shown and str(target) in boxes.shown[-1][2] + boxes.shown[-1][1]
    assert not target.parent.exists()


def test_publish_asks_about_red_findings_then_lists_the_version(qtbot, window, boxes, ctx):
    from rekisteri_app.services import notices

    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    boxes.answer = QMessageBox.StandardButton.No
    assert not dialog.publish()
    _title, text, details = boxes.shown[-1]
    assert "2" in text and "The Rocket Science Group LLC (Mailchimp)" in details
    assert len(notices.list_versions(ctx, VALKEAKOSKI)) == 1  # only the imported 2018 one

    boxes.answer = QMessageBox.StandardButton.Yes
    assert dialog.publish()
    versions = dialog.versions_model.rows
    assert [(v.version, v.language, v.format) for v in versions] == [
        ("1", "fi", None),
        ("2", "fi", "pdf"),
    ]
    assert "2" in dialog.info_label.text() and versions[-1].sha256 in dialog.info_label.text()
    assert {str(c.status) for c in dialog.changes} == {"unchanged"}

    # a stored version opens in the preview
    dialog.versions_table.selectRow(1)
    dialog.open_version()
    assert dialog.tabs.currentIndex() == 0 and dialog.shown_format == "pdf"
    qtbot.waitUntil(lambda: dialog.pdf_page_count() >= 5)
    # the imported version has no stored text: the officer is told so
    shown = len(boxes.shown)
    dialog.versions_table.selectRow(0)
    dialog.open_version()
    assert len(boxes.shown) == shown + 1 and dialog.shown_format == "pdf"


def test_changes_since_last_published_after_a_change(qtbot, window, boxes, ctx):
    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    assert {str(c.status) for c in dialog.changes} == {"added"}
    boxes.answer = QMessageBox.StandardButton.Yes
    assert dialog.publish()
    add_purpose(ctx, VALKEAKOSKI, "asiakastyytyväisyyden mittaaminen")
    dialog.refresh()
    shown = dialog.changes_view.toPlainText()
    assert "asiakastyytyväisyyden mittaaminen" in shown
    assert "4. Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet" in shown
    assert "3. Rekisterin nimi" not in shown
    assert [c.section_id for c in dialog.changes if str(c.status) != "unchanged"] == ["purposes"]


def test_two_registers_of_one_controller_make_one_notice(qtbot, window):
    dialog = open_dialog(qtbot, window, KUOPIO_CUSTOMERS, KUOPIO_MARKETING)
    assert sorted(dialog.names) == sorted([KUOPIO_CUSTOMERS, KUOPIO_MARKETING])
    text = pdf_text(dialog.content)
    assert "asiakasrekisteri" in text and "markkinointirekisteri" in text


def test_registers_of_different_controllers_are_refused(qtbot, window, boxes):
    select(window, KUOPIO_CUSTOMERS, VALKEAKOSKI)
    assert window.privacy_notice() is None
    assert boxes.shown


def test_screenshot(qtbot, window, tmp_path):
    """Rendered offscreen so the window can be looked at (tmp_path/notice_dialog.png)."""
    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    qtbot.waitUntil(lambda: dialog.pdf_page_count() >= 5)
    image = dialog.grab()
    assert not image.isNull() and image.width() > 600
    image.save(str(tmp_path / "notice_dialog.png"))
    assert (tmp_path / "notice_dialog.png").stat().st_size > 10_000


def test_preview_zooms_and_prints_what_it_shows(qtbot, window, monkeypatch):
    """Issue 17: zoom in and out (PDF pages and HTML text alike), print the shown notice."""
    from PySide6.QtGui import QKeySequence

    dialog = open_dialog(qtbot, window, VALKEAKOSKI)
    assert dialog.zoom_in_button.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)
    dialog.zoom_in_button.click()
    assert dialog.zoom == pytest.approx(1.25)
    assert dialog._pdf_view.zoomFactor() == pytest.approx(1.25)
    for _step in range(10):
        dialog.zoom_out_button.click()
    assert dialog.zoom == 0.5  # not below half size
    printed = []
    monkeypatch.setattr(
        "rekisteri_app.gui.pdf_output.print_with_dialog",
        lambda _parent, pdf, title: printed.append((pdf, title)) or True,
    )
    assert dialog.print_preview()
    assert len(printed) == 1 and printed[0][0] == dialog.content  # the PDF as shown
    assert printed[0][1].endswith("-fi.pdf")
