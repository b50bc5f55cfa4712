"""The start dialog: create, open, refuse clearly, remember, demo; and the entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from .conftest import PASSPHRASE

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path):
    """QSettings in a temporary folder, so tests never see the user's recent files."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def boxes(monkeypatch):
    """Every message box shown, as (title, text, informative text); answered with OK."""
    shown: list[tuple[str, str, str]] = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def make_database(path: Path) -> None:
    from rekisteri_app.storage.database import Database

    Database.create(path, PASSPHRASE).close()


def test_creating_a_database_through_the_dialog(qtbot, db_path, boxes):
    from rekisteri_app.gui import settings
    from rekisteri_app.gui.start_dialog import NEW_TAB, StartDialog

    dialog = StartDialog(tab=NEW_TAB)
    qtbot.addWidget(dialog)
    dialog.new_path.setText(str(db_path))
    dialog.new_passphrase.setText(PASSPHRASE)
    assert not dialog.create_button.isEnabled()  # not repeated yet
    dialog.new_passphrase2.setText(PASSPHRASE + "x")
    assert dialog.match_label.text()
    assert not dialog.create_button.isEnabled()
    dialog.new_passphrase2.setText(PASSPHRASE)
    assert dialog.match_label.text() == ""
    assert dialog.strength_bar.value() >= 2
    assert str(db_path) in dialog.storage_note.text()
    assert dialog.create_button.isEnabled()

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not hasattr(dialog, "passphrase")  # only the open database is handed on
    assert db_path.exists()
    dialog.database.close()
    assert settings.recent_databases() == [str(db_path.resolve())]
    assert settings.last_database() == str(db_path.resolve())


def test_a_short_passphrase_cannot_be_used(qtbot, db_path):
    from rekisteri_app.gui.start_dialog import NEW_TAB, StartDialog

    dialog = StartDialog(tab=NEW_TAB)
    qtbot.addWidget(dialog)
    dialog.new_path.setText(str(db_path))
    dialog.new_passphrase.setText("short")
    dialog.new_passphrase2.setText("short")
    assert not dialog.create_button.isEnabled()
    assert "8" in dialog.strength_label.text()


def test_a_wrong_passphrase_is_a_clear_message_not_a_traceback(qtbot, db_path, boxes):
    from rekisteri_app.gui.start_dialog import OPEN_TAB, StartDialog
    from rekisteri_app.storage.errors import WrongPassphrase

    make_database(db_path)
    before = db_path.read_bytes()
    dialog = StartDialog(tab=OPEN_TAB)
    qtbot.addWidget(dialog)
    dialog.open_path.setText(str(db_path))
    dialog.open_passphrase.setText("not the passphrase")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    assert len(boxes) == 1
    _title, text, _info = boxes[0]
    assert text == WrongPassphrase(db_path).message
    assert "Traceback" not in text
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.database is None
    assert db_path.read_bytes() == before


def test_a_database_in_use_names_the_process(qtbot, db, db_path, boxes):
    import os

    from rekisteri_app.gui.start_dialog import OPEN_TAB, StartDialog

    dialog = StartDialog(tab=OPEN_TAB)
    qtbot.addWidget(dialog)
    dialog.open_path.setText(str(db_path))
    dialog.open_passphrase.setText(PASSPHRASE)
    assert not dialog.open_database()
    assert str(os.getpid()) in boxes[0][1]


def test_not_a_rekisteri_file(qtbot, tmp_path, boxes):
    from rekisteri_app.gui.start_dialog import OPEN_TAB, StartDialog

    plain = tmp_path / "notes.db"
    plain.write_bytes(b"")
    dialog = StartDialog(tab=OPEN_TAB)
    qtbot.addWidget(dialog)
    dialog.open_path.setText(str(plain))
    dialog.open_passphrase.setText(PASSPHRASE)
    assert not dialog.open_database()
    assert str(plain) in boxes[0][1]


def test_opening_a_recent_database(qtbot, db_path, boxes):
    from rekisteri_app.gui import settings
    from rekisteri_app.gui.start_dialog import StartDialog

    make_database(db_path)
    settings.remember_database(db_path)
    dialog = StartDialog()
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentIndex() == 0
    assert dialog.recent_list.count() == 1
    assert dialog.open_path.text() == str(db_path.resolve())
    qtbot.keyClicks(dialog.open_passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.open_passphrase, Qt.Key.Key_Return)
    assert boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.database.close()


def test_the_demo(qtbot, tmp_path, monkeypatch, boxes):
    from rekisteri_app.gui import start_dialog
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.entities import list_registers

    if start_dialog.demo_service() is None:
        pytest.skip("services.demo is not installed")
    target = tmp_path / "demo" / "demo.db"
    monkeypatch.setattr(start_dialog, "demo_path", lambda: target)
    dialog = start_dialog.StartDialog(tab=start_dialog.DEMO_TAB)
    qtbot.addWidget(dialog)
    assert dialog.demo_button.isEnabled()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert list_registers(ServiceContext(dialog.database))
    dialog.database.close()


def test_the_demo_button_is_disabled_without_the_demo_service(qtbot, monkeypatch):
    from rekisteri_app.gui import start_dialog

    monkeypatch.setattr(start_dialog, "demo_service", lambda: None)
    dialog = start_dialog.StartDialog(tab=start_dialog.DEMO_TAB)
    qtbot.addWidget(dialog)
    assert not dialog.demo_button.isEnabled()
    assert dialog.demo_button.toolTip()


def test_the_entry_point_quits_when_the_start_dialog_is_closed(qtbot, qapp, monkeypatch):
    import sys

    from rekisteri_app.gui import app, start_dialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(start_dialog.StartDialog, "exec", lambda self: 0)
    try:
        assert app.main(["--lang", "en"]) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)


def test_switching_and_closing_databases(qtbot, tmp_path, monkeypatch):
    from rekisteri_app.gui import app, start_dialog
    from rekisteri_app.storage.database import Database

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    make_database(first)
    make_database(second)
    answers: list[Path | None] = [first, second, None]

    def fake_exec(dialog):
        path = answers.pop(0)
        if path is None:
            return 0
        dialog.database = Database.open(path, PASSPHRASE)
        return 1

    class FakeApp:
        quits = 0

        def quit(self):
            self.quits += 1

    monkeypatch.setattr(start_dialog.StartDialog, "exec", fake_exec)
    fake_app = FakeApp()
    controller = app.Controller(fake_app)
    assert controller.start()
    window = controller.window
    qtbot.addWidget(window)
    assert window.database.path == first

    window.request_switch(0)  # File > Open database…
    assert controller.window is not window
    qtbot.addWidget(controller.window)
    assert controller.window.database.path == second
    Database.open(first, PASSPHRASE).close()  # the first one was closed and unlocked
    assert fake_app.quits == 0

    controller.window.request_switch(None)  # File > Close database, then cancel
    assert fake_app.quits == 1
    Database.open(second, PASSPHRASE).close()
