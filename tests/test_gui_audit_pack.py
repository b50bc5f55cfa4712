"""The audit pack in the window: the export dialog with its presets, progress and cancel,
"open folder" when done, and "Verify a pack…"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from tests.pack_fixtures import members, opened, pdf_text, rezip

pytestmark = pytest.mark.gui


class Boxes:
    """Every message box shown; `click` names the button to press (by its text)."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.click: str | None = None

    def run(self, box: QMessageBox):
        self.shown.append(box.text())
        for button in box.buttons():
            if self.click and button.text() == self.click:
                button.click()
                return None
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    record = Boxes()
    monkeypatch.setattr("rekisteri_app.gui.dialogs.run_box", record.run)
    return record


@pytest.fixture
def demo_ctx(demo_copy):
    with opened(demo_copy) as ctx:  # its today: 2 April 2026
        yield ctx


def dialog_for(qtbot, ctx):
    from rekisteri_app.gui.audit_pack.export_dialog import AuditPackDialog

    dialog = AuditPackDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def dates(dialog) -> tuple[date, date]:
    from rekisteri_app.gui.audit_pack.export_dialog import _pydate

    return _pydate(dialog.from_date.date()), _pydate(dialog.to_date.date())


def test_presets_fill_the_dates_and_editing_a_date_makes_it_custom(qtbot, demo_ctx):
    dialog = dialog_for(qtbot, demo_ctx)
    assert dialog.preset.currentData() == "last-quarter"
    assert dates(dialog) == (date(2026, 1, 1), date(2026, 3, 31))
    dialog.preset.setCurrentIndex(dialog.preset.findData("last-year"))
    assert dates(dialog) == (date(2025, 1, 1), date(2025, 12, 31))
    assert dialog.path.text().endswith("-2025-01-01_2025-12-31.zip")
    dialog.from_date.setDate(QDate(2025, 6, 1))
    assert dialog.preset.currentData() == "custom"
    assert dialog.language.currentData() == "fi"  # the UI language by default


def test_letters_need_an_identified_pack(qtbot, demo_ctx):
    dialog = dialog_for(qtbot, demo_ctx)
    assert not dialog.include_letters.isEnabled()
    dialog.identify.setChecked(True)
    dialog.include_letters.setChecked(True)
    dialog.identify.setChecked(False)
    assert not dialog.include_letters.isEnabled() and not dialog.include_letters.isChecked()


def test_mismatched_or_short_passwords_start_nothing(qtbot, demo_ctx, boxes, tmp_path):
    dialog = dialog_for(qtbot, demo_ctx)
    dialog.path.setText(str(tmp_path / "p.zip"))
    dialog.encrypt.setChecked(True)
    dialog.password.setText("a long enough password")
    dialog.password2.setText("a different password")
    assert dialog.create() is False and dialog.thread is None
    dialog.password.setText("short")
    dialog.password2.setText("short")
    assert dialog.create() is False
    assert "12" in boxes.shown[-1] and not (tmp_path / "p.zip").exists()


def test_the_pack_is_written_in_the_background_and_its_folder_opens(
    qtbot, demo_ctx, boxes, tmp_path, monkeypatch
):
    from rekisteri_app.gui.audit_pack import export_dialog

    opened_folders: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_folder", opened_folders.append)
    boxes.click = "Avaa kansio"
    dialog = dialog_for(qtbot, demo_ctx)
    out = tmp_path / "q1.zip"
    dialog.path.setText(str(out))
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    with qtbot.waitSignal(dialog.written, timeout=60000) as written:
        assert dialog.create()
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=10000)
    result = written.args[0]
    assert result.path == out and out.exists()
    assert "Granskningspaket" in pdf_text(members(out)["index.pdf"])
    assert opened_folders == [tmp_path]
    assert result.head in boxes.shown[-1]


def test_a_cancelled_export_leaves_no_file(qtbot, demo_ctx, boxes, tmp_path):
    dialog = dialog_for(qtbot, demo_ctx)
    out = tmp_path / "q1.zip"
    dialog.path.setText(str(out))
    assert dialog.create()
    from PySide6.QtWidgets import QPushButton

    dialog.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=60000)
    assert dialog.result is None
    assert list(tmp_path.glob("q1.zip*")) == []
    assert "Peruttu" in boxes.shown[-1]


def test_the_file_menu_and_the_dashboard_open_the_export(qtbot, ctx, private_settings):
    from rekisteri_app.gui.audit_pack.export_dialog import AuditPackDialog
    from rekisteri_app.gui.main_window import MainWindow

    window = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Auditointiaineisto…" in texts and "Tarkista aineisto…" in texts
    window.dashboard_page.pack_button.click()
    found = window.findChildren(AuditPackDialog)
    assert len(found) == 1 and found[0].isVisible()
    found[0].reject()


def test_an_empty_database_makes_a_pack_too(qtbot, ctx, boxes, tmp_path):
    from rekisteri_app.services.audit_pack import verify_pack

    dialog = dialog_for(qtbot, ctx)
    dialog.path.setText(str(tmp_path / "empty.zip"))
    with qtbot.waitSignal(dialog.written, timeout=60000):
        dialog.create()
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=10000)
    assert verify_pack(tmp_path / "empty.zip").ok


def test_verify_a_pack_in_the_window(qtbot, demo_copy, tmp_path):
    from rekisteri_app.gui.audit_pack.verify_dialog import VerifyPackDialog
    from tests.pack_fixtures import make_pack

    make_pack(demo_copy, tmp_path / "p.zip")
    make_pack(demo_copy, tmp_path / "e.zip", password="a long enough password")
    dialog = VerifyPackDialog()
    qtbot.addWidget(dialog)
    dialog.pack.setText(str(tmp_path / "p.zip"))
    assert dialog.verify().ok and "eheä" in dialog.verdict.text()

    contents = members(tmp_path / "p.zip")
    contents["letters.csv"] += b"\r\n"
    rezip(tmp_path / "p.zip", contents)
    assert not dialog.verify().ok
    assert dialog.problems.count() == 1 and dialog.problems.item(0).text().startswith("letters.csv")

    dialog.pack.setText(str(tmp_path / "e.zip"))
    assert dialog.verify() is None and "salattu" in dialog.verdict.text()
    dialog.password.setText("a long enough password")
    assert dialog.verify().ok
