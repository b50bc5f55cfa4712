"""Nothing cut on a 1366×768 laptop, at 100 % and at 125 % scaling, in fi, sv and en:
every dialog and page of the window opens on the demo database and is checked by
tests/clipping.py (the window fits the screen; no child lies outside its visible parent;
no button, check box or label text needs more room than it has; a cut column header
has its title as a tooltip)."""

from __future__ import annotations

import pytest

from tests import clipping

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.demo import create_demo
    from rekisteri_app.storage.database import Database

    path = tmp_path_factory.mktemp("fits") / "demo.db"
    create_demo(path, "fits-the-screen")
    db = Database.open(path, "fits-the-screen")
    yield ServiceContext(db, actor="tester")
    db.close()


@pytest.mark.parametrize("screen", [clipping.LAPTOP, clipping.LAPTOP_125], ids=["100", "125"])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_window_fits_a_laptop_screen(qtbot, demo_ctx, private_settings, lang, screen):
    from rekisteri_app.i18n import set_language

    set_language(lang)
    problems = []
    opened = []
    for name, factory in clipping.windows(demo_ctx):
        window = factory()
        if window not in opened:
            opened.append(window)
        clipping.place(window, screen)
        problems += [f"{name}: {p}" for p in clipping.cut_widgets(window, screen)]
        if not name.startswith("page-"):
            window.close()
    for window in opened:
        if window.isVisible():
            window.hide()  # the main window: closing it would close the database
        window.deleteLater()
    assert problems == []


def test_the_check_finds_a_cut_button(qtbot):
    """The checker itself: a button squeezed below its text's width is reported."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    button = QPushButton("A rather long button text that needs room")
    layout.addWidget(button)
    window.show()
    button.setMinimumWidth(0)
    button.setFixedWidth(60)
    clipping.settle()
    assert any("needs" in p for p in clipping.cut_widgets(window, clipping.LAPTOP))
    window.resize(3000, 200)  # wider than the screen
    clipping.settle()
    button.setFixedWidth(400)
    clipping.settle()
    assert any("is 3000" in p for p in clipping.cut_widgets(window, clipping.LAPTOP))
