"""The window's safety: idle and manual locks, the passphrase dialog, the crash hook, and
no data rendered as Qt rich text."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QTabWidget
from sqlalchemy import select

from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _private(private_settings, tmp_path, monkeypatch):
    monkeypatch.setenv("REKISTERI_STATE_DIR", str(tmp_path / "state"))
    yield


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from rekisteri_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("gui-demo") / "demo.db"
    create_demo(path, PASSPHRASE, today=date(2026, 11, 23))
    return path


@pytest.fixture
def demo(demo_file, tmp_path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file, copy)
    return copy


@pytest.fixture
def boxes(monkeypatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []

    def fake_exec(box):
        shown.append(box)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def controller(qtbot, demo, monkeypatch):
    from rekisteri_app.gui.app import Controller
    from rekisteri_app.storage.database import Database

    control = Controller(QApplication.instance())
    monkeypatch.setattr(control, "daily_backup", lambda: None)
    control.show_main(Database.open(demo, PASSPHRASE))
    qtbot.addWidget(control.window)
    yield control
    control.idle.stop()
    if control.lock_screen is not None:
        control.lock_screen.close()
    for widget in control.drafts:
        widget.close()
    if control.window is not None:
        for editor in list(control.window.editors.values()):
            editor.baseline = editor.collect_raw()
            editor.close()
        control.window.database.close()


def _rows(window) -> int:
    from rekisteri_app.gui.table_models import RowsModel

    return sum(model.rowCount() for model in window.findChildren(RowsModel))


def test_an_idle_window_locks_keeps_the_draft_and_unlocks(qtbot, controller):
    window = controller.window
    editor = window.open_register(None)
    name_field = editor.findChildren(QLineEdit)[0]
    name_field.setText("Luonnos, ei tallennettu")
    assert _rows(window) > 0
    controller.idle.override_ms = 200
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.lock_screen is not None, timeout=5000)
    assert window.database.closed and not window.isVisible() and not editor.isVisible()
    assert _rows(window) == 0
    assert controller.drafts == [editor]
    screen = controller.lock_screen
    screen.passphrase.setText("wrong passphrase")
    assert not screen.unlock()
    assert "tunnuslause" in screen.message.text()
    screen.passphrase.setText(PASSPHRASE)
    assert screen.unlock()
    assert controller.lock_screen is None
    assert window.isVisible() and editor.isVisible() and not window.database.closed
    assert name_field.text() == "Luonnos, ei tallennettu"
    assert _rows(window) > 0


def test_locking_empties_the_paged_lists_and_nothing_fetches_from_the_closed_file(
    qtbot, controller, monkeypatch
):
    from rekisteri_app.gui.table_models import Paging

    monkeypatch.setattr(Paging, "page_size", 2)  # the demo's cases fill several pages
    window = controller.window
    window.show_page("requests")
    model = window.requests_page.model
    model.reload()
    assert model.rowCount() == 2 and model.canFetchMore()
    assert controller.lock("idle")
    qtbot.waitUntil(lambda: controller.lock_screen is not None, timeout=5000)
    assert window.database.closed
    assert model.rowCount() == 0 and not model.canFetchMore()
    model.fetchMore()  # a late scroll asks nothing of the closed database
    assert model.rowCount() == 0
    assert window.audit_page.stale and window.letters_page.stale
    controller.lock_screen.passphrase.setText(PASSPHRASE)
    assert controller.lock_screen.unlock()
    assert model.rowCount() == 2 and model.canFetchMore()
    assert controller.lock("idle")  # emptied again before the fixture closes the file
    qtbot.waitUntil(lambda: controller.lock_screen is not None, timeout=5000)


def test_activity_postpones_the_idle_lock(qtbot, controller):
    controller.idle.override_ms = 600
    controller.idle.start()
    for _ in range(6):
        qtbot.wait(150)
        qtbot.mouseMove(controller.window, controller.window.rect().center())
        qtbot.keyClick(controller.window, Qt.Key.Key_Shift)
    assert controller.lock_screen is None
    qtbot.waitUntil(lambda: controller.lock_screen is not None, timeout=5000)


def test_the_menu_and_shortcut_lock_and_ask_about_open_editors(qtbot, controller, monkeypatch):
    from rekisteri_app.gui import dialogs

    window = controller.window
    assert window.lock_action.shortcut().toString() == "Ctrl+Shift+L"
    window.open_register(None)
    asked = []
    monkeypatch.setattr(
        dialogs, "ask_lock_with_drafts", lambda parent, n: asked.append(n) or dialogs.CANCEL
    )
    window.lock_action.trigger()
    qtbot.wait(50)
    assert asked == [1] and controller.lock_screen is None and not window.database.closed
    monkeypatch.setattr(dialogs, "ask_lock_with_drafts", lambda parent, n: dialogs.DISCARD)
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: controller.lock_screen is not None, timeout=3000)
    assert controller.drafts == [] and window.editors == {}
    assert window.database.closed


def test_a_closed_database_refuses_every_session(controller):
    from rekisteri_app.storage.errors import DatabaseClosed

    db = controller.window.database
    db.close()
    with pytest.raises(DatabaseClosed):
        db.sessions()


def test_the_passphrase_dialog_checks_then_rekeys_and_audits_after(qtbot, controller, demo):
    from rekisteri_app.gui.passphrase_dialog import PassphraseDialog
    from rekisteri_app.storage import models as m
    from rekisteri_app.storage.database import verify_passphrase

    dialog = PassphraseDialog(controller.window.ctx, controller.window)
    qtbot.addWidget(dialog)
    dialog.current.setText("not the passphrase")
    dialog.new.setText("short")
    dialog.again.setText("short")
    assert not dialog.ok.isEnabled()
    dialog.new.setText("a new long passphrase")
    dialog.again.setText("a new long passphrase!")
    assert not dialog.ok.isEnabled() and dialog.message.text()
    dialog.again.setText("a new long passphrase")
    assert dialog.ok.isEnabled() and dialog.strength.value() >= 2
    dialog.accept()
    assert (dialog.result() == 0 and "wrong" in dialog.message.text().lower()) or "väärä" in (
        dialog.message.text()
    )
    with controller.window.ctx.read() as session:
        assert not session.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "rekey")).all()
    dialog.current.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() == 1
    verify_passphrase(demo, "a new long passphrase")
    with controller.window.ctx.read() as session:
        assert (
            len(session.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "rekey")).all())
            == 1
        )


def test_the_window_hook_shows_no_exception_text(qtbot, boxes, tmp_path):
    from rekisteri_app.gui.app import _excepthook

    try:
        raise ValueError("Maija Esimerkki, Koivukuja 3")
    except ValueError as exc:
        _excepthook(ValueError, exc, exc.__traceback__)
    assert len(boxes) == 1
    text = boxes[0].text()
    assert "Maija" not in text and "ValueError" in text
    log = (tmp_path / "state" / "crash.log").read_text(encoding="utf-8")
    assert "Maija" not in log and "test_gui_safety.py" in log


MARKUP = "<b>Rikas</b> <img src='x'> Teksti"


def _rich_labels_with_markup() -> list[str]:
    found = []
    for top in QApplication.topLevelWidgets():
        for label in [top, *top.findChildren(QLabel)]:
            if not isinstance(label, QLabel) or "<b>Rikas" not in label.text():
                continue
            fmt = label.textFormat()
            rich = fmt == Qt.TextFormat.RichText or (
                fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())
            )
            if rich:
                found.append(
                    f"{type(label.window()).__name__}: {label.objectName()} {label.text()[:80]!r}"
                )
    return found


def test_no_label_or_box_renders_data_as_rich_text(qtbot, controller, boxes, monkeypatch):
    from rekisteri_app.gui.requests.case_dialog import show_case
    from rekisteri_app.storage import models as m

    window = controller.window
    ctx = window.ctx
    with ctx.change() as tx:
        req = tx.session.scalars(
            select(m.RightsRequest).where(m.RightsRequest.case_number == "2026-0024")
        ).one()
        req.subject.name = MARKUP
        req.subject.address = MARKUP
        req.description = MARKUP
        register = tx.session.scalars(select(m.Register)).first()
        register.name = MARKUP + " rekisteri"
        tx.audit("test-markup", "request", req.case_number)
    window.refresh()
    dialog = show_case(window, ctx, "2026-0024", lambda: None)
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
    row = next(r for r in window.registers_page.model.rows if r.name.startswith("<b>"))
    window.delete_entity("registers", row.id, row.name)  # the confirmation box
    assert boxes, "the confirmation was shown"
    for box in boxes:
        if "<b>Rikas" in box.text():
            assert box.textFormat() == Qt.TextFormat.PlainText
    assert _rich_labels_with_markup() == []
    dialog.close()


@pytest.mark.skipif(__import__("os").name != "posix", reason="SIGTERM needs POSIX")
def test_sigterm_closes_the_window_and_releases_the_database(demo, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from rekisteri_app.storage.database import Database
    from rekisteri_app.storage.lock import lock_path

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "REKISTERI_PASSPHRASE": PASSPHRASE,
        "REKISTERI_STATE_DIR": str(tmp_path / "state"),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "rekisteri_app.gui.app", "--lang", "en", "--db", str(demo)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not lock_path(demo).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert lock_path(demo).exists(), "the window opened the database"
        time.sleep(1.0)
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert not lock_path(demo).exists()
    with Database.open(demo, PASSPHRASE):  # the OS lock is free again
        pass
