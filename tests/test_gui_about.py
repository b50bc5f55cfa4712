"""Help → About, the window icon, and `rekisteri-app --db PATH`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, qVersion
from PySide6.QtWidgets import QDialog, QMessageBox

from rekisteri_app import __version__

from .conftest import PASSPHRASE

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("private_settings")]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def about(qtbot, db):
    from rekisteri_app.gui.about_dialog import AboutDialog

    dialog = AboutDialog(None, db)
    qtbot.addWidget(dialog)
    return dialog


def test_about_names_the_version_the_open_database_and_the_libraries(qtbot, db):
    dialog = about(qtbot, db)
    with db.engine.connect() as conn:
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    assert dialog.facts["version"].text() == __version__
    assert dialog.facts["database"].text() == str(db.path)
    assert dialog.facts["sqlcipher"].text() == cipher
    assert dialog.facts["qt"].text().startswith(qVersion())


def test_about_carries_the_lgpl_notice_for_qt_and_its_full_text(qtbot, db):
    dialog = about(qtbot, db)
    text = dialog.licences.toPlainText()
    assert "LGPL-3.0" in text and qVersion() in text
    assert "https://download.qt.io/official_releases/qt/" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text
    assert "Bitstream" in text  # the DejaVu fonts' licence
    assert "ZETETIC LLC" in text  # SQLCipher's notice
    assert "Lisenssit" in text  # translated like every other window (Finnish here)


def test_about_lists_every_component_with_its_licence(qtbot, db):
    listed = json.loads((ROOT / "resources/licences/components.json").read_text("utf-8"))
    dialog = about(qtbot, db)
    text = dialog.licences.toPlainText()
    for entry in listed["components"]:
        if entry.get("bundle_only"):
            assert entry["name"] not in text  # only a bundle carries the bootloader
            continue
        assert entry["name"] in text and entry["licence"] in text, entry["name"]


def test_every_listed_distribution_shows_its_installed_version(db):
    import importlib.metadata

    from rekisteri_app.gui.about_dialog import components, runtime_versions

    found = {c.name: c for c in components(runtime_versions(db))}
    assert found["SQLAlchemy"].version == importlib.metadata.version("SQLAlchemy")
    assert found["SQLCipher"].version == db.library_versions()["sqlcipher"]
    assert found["python-stdnum"].texts  # its LGPL text, from the package metadata
    assert all(c.version for c in found.values() if c.name != "DejaVu fonts"), found


def test_help_about_opens_the_dialog_on_the_window_database(qtbot, ctx, monkeypatch):
    from rekisteri_app.gui.about_dialog import AboutDialog
    from rekisteri_app.gui.main_window import MainWindow

    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(window)
    window.about()
    assert len(opened) == 1
    assert opened[0].facts["database"].text() == str(ctx.db.path)


def test_every_window_has_the_application_icon(qapp):
    from rekisteri_app.gui.app import application_icon

    sizes = application_icon().availableSizes()
    assert QSize(16, 16) in sizes and QSize(512, 512) in sizes


class FakeApp:
    def quit(self) -> None:
        pass


def make_database(path: Path) -> None:
    from rekisteri_app.storage.database import Database

    Database.create(path, PASSPHRASE).close()


def test_db_opens_that_database_with_the_passphrase_from_the_environment(
    qtbot, db_path, monkeypatch, boxes
):
    from rekisteri_app.gui import app, settings, start_dialog

    make_database(db_path)
    monkeypatch.setenv("REKISTERI_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(start_dialog.StartDialog, "exec", lambda self: pytest.fail("asked"))
    controller = app.Controller(FakeApp())
    assert controller.start(path=db_path)
    qtbot.addWidget(controller.window)
    assert controller.window.database.path == db_path
    assert settings.recent_databases() == [str(db_path.resolve())]
    assert boxes == []
    controller.window.database.close()


@pytest.mark.parametrize("passphrase", ["", "not the passphrase"])
def test_db_asks_for_the_passphrase_when_none_is_given_or_it_is_wrong(
    qtbot, db_path, monkeypatch, boxes, passphrase
):
    from rekisteri_app.gui import app, start_dialog

    make_database(db_path)
    monkeypatch.setenv("REKISTERI_PASSPHRASE", passphrase)
    asked: list[tuple[int, str]] = []

    def fake_exec(dialog: QDialog) -> int:
        asked.append((dialog.tabs.currentIndex(), dialog.open_path.text()))
        return 0

    monkeypatch.setattr(start_dialog.StartDialog, "exec", fake_exec)
    assert not app.Controller(FakeApp()).start(path=db_path)
    assert asked == [(start_dialog.OPEN_TAB, str(db_path))]
    assert len(boxes) == (1 if passphrase else 0)  # a wrong one is said, then asked again
