"""The Designer forms load, their texts reach the catalogues, and the pure GUI helpers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))

pytestmark = pytest.mark.gui


def ui_texts(path: Path) -> list[str]:
    return [
        el.text
        for el in ET.parse(path).iter("string")
        if el.get("notr") != "true" and (el.text or "").strip()
    ]


def test_there_are_forms():
    names = {p.name for p in UI_FILES}
    assert {
        "start_dialog.ui",
        "register_editor.ui",
        "processor_editor.ui",
        "controller_editor.ui",
        "transfer_editor.ui",
        "list_page.ui",
    } <= names


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_the_extractor_finds_every_form_text(path):
    from rekisteri_app.gui.ui_extract import ui_messages

    with path.open("rb") as handle:
        assert [text for _line, text, _notes in ui_messages(handle)] == ui_texts(path)


def test_the_extractor_skips_untranslatable_strings_and_keeps_translator_notes():
    import io

    from rekisteri_app.gui.ui_extract import extract_ui

    form = b"""<?xml version="1.0" encoding="UTF-8"?>
<ui version="4.0"><widget class="QLabel" name="a">
 <property name="text"><string comment="a verb">Open</string></property>
 <property name="styleSheet"><string notr="true">color: red;</string></property>
 <property name="toolTip"><string>  </string></property>
 <property name="whatsThis"><string>Fish &amp; chips</string></property>
</widget></ui>"""
    found = list(extract_ui(io.BytesIO(form), ["_"], [], {}))
    assert found == [(3, None, "Open", ["a verb"]), (6, None, "Fish & chips", [])]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_form_text_is_translated(lang):
    """Every text of every form has a translation: a form changed in Designer without
    running scripts/i18n.py and translating fails here."""
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / lang / "LC_MESSAGES" / "rekisteri.po").open("rb") as handle:
        catalogue = read_po(handle)
    missing = sorted(
        {
            text
            for path in UI_FILES
            for text in ui_texts(path)
            if not (catalogue.get(text) and catalogue.get(text).string)
        }
    )
    assert missing == [], f"run scripts/i18n.py and translate in {lang}: {missing}"


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_every_form_loads_and_is_translated(qtbot, path):
    from rekisteri_app.gui.uiload import load_ui
    from rekisteri_app.i18n import set_language

    set_language("sv")
    widget = load_ui(path.name)
    qtbot.addWidget(widget)
    assert widget.property("rekisteriTranslated")


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("", 0),
        ("short", 0),
        ("abcdefgh", 1),
        ("abcdefghijkl", 2),
        ("correct horse battery", 3),
        ("Correct horse battery 9", 4),
    ],
)
def test_passphrase_strength(text, score):
    from rekisteri_app.gui.start_dialog import passphrase_strength

    assert passphrase_strength(text)[0] == score


@pytest.mark.parametrize(
    ("stored", "parts"),
    [
        ("PL 1, 40101 Jyväskylä", ("PL 1", "40101", "Jyväskylä", ", ")),
        ("Voimalatie 1\n00520 Helsinki", ("Voimalatie 1", "00520", "Helsinki", "\n")),
        ("00520 Helsinki", ("", "00520", "Helsinki", "\n")),
        ("PL 4 40101 Jyväskylä", ("PL 4 40101 Jyväskylä", "", "", "\n")),
        (None, ("", "", "", "\n")),
    ],
)
def test_postal_address_split_and_join_round_trip(stored, parts):
    from rekisteri_app.gui.registers.controller_editor import (
        join_postal_address,
        split_postal_address,
    )

    assert split_postal_address(stored) == parts
    assert join_postal_address(*parts) == (stored or "")


def test_problem_paths_are_retold_in_the_editor_words():
    from rekisteri_app.gui.dialogs import describe_path
    from rekisteri_app.i18n import set_language

    set_language("en")
    assert describe_path("$.registers[0].transfers[1].safeguard") == ("Transfers, row 2, Safeguard")
    assert describe_path("$.processors[0].business_id") == "Business ID"


def test_list_model_moves_rows_and_flags_bad_cells(qtbot):
    from rekisteri_app.domain.validation import normalise_email
    from rekisteri_app.gui.list_editor import Column, ListEditor
    from rekisteri_app.i18n import set_language

    set_language("en")
    editor = ListEditor()
    qtbot.addWidget(editor)
    editor.configure(
        [Column("name", "Name", required=True), Column("email", "E-mail", check=normalise_email)]
    )
    editor.set_value(
        [{"name": "A", "email": "a@example.fi", "id": 7}, {"name": "B", "email": "not an address"}]
    )
    assert len(editor.problems()) == 1
    assert editor.problems()[0].startswith("Row 2, E-mail:")
    editor.view.setCurrentIndex(editor.model.index(1, 0))
    editor.move_row(-1)
    assert [row["name"] for row in editor.value()] == ["B", "A"]
    assert editor.value()[1]["id"] == 7  # fields without a column survive
    editor.model.setData(editor.model.index(0, 1), "b@example.fi")
    assert editor.problems() == []
    editor.remove_row()
    assert len(editor.value()) == 1
