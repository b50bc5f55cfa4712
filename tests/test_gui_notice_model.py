"""Issue 12 in the window: the register editor's languages side by side, purpose bases,
statements and notice dates; the controller's type, shared officer and address block; the
officers' page; findings with their place; the notice window naming missing texts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QTabWidget

from rekisteri_app.gui.fields import ChoiceCombo
from rekisteri_app.gui.list_editor import ListEditor
from rekisteri_app.services import entities
from rekisteri_app.services.exchange import import_document
from tests.exchange_samples import notice_model_document

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, ctx, private_settings):
    from rekisteri_app.gui.main_window import MainWindow

    import_document(ctx, notice_model_document())
    main = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(main)
    main.show()
    yield main
    for editor in list(main.editors.values()):
        editor.baseline = editor.collect_raw()
        editor.close()


def register_editor(window):
    editor = window.open_register(1)
    assert editor is not None and not editor.is_dirty()
    return editor


def row_of(table, label_start: str) -> int:
    return next(
        r for r in range(table.rowCount()) if table.item(r, 0).text().startswith(label_start)
    )


def test_the_register_editor_shows_the_languages_side_by_side(window):
    editor = register_editor(window)
    tabs = editor.widget(QTabWidget, "tabs")
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Kielet"))
    table = editor.translations
    assert [table.horizontalHeaderItem(c).text() for c in range(4)][1:] == [
        "suomi",
        "svenska",
        "English",
    ]
    row = row_of(table, "Tarkoitukset 1")
    assert table.item(row, 1).text() == "Asiakassuhteen hoitaminen"
    assert table.item(row, 2).text() == "Skötsel av kundrelationen"
    table.item(row, 3).setText("Customer relationship")
    assert editor.is_dirty() and editor.save()
    saved = entities.get(window.ctx, "registers", 1)
    assert saved["purposes"][0]["translations"] == {
        "en": {"text": "Customer relationship"},
        "sv": {"text": "Skötsel av kundrelationen"},
    }


def test_a_translation_moves_with_its_row(window):
    editor = register_editor(window)
    purposes = editor.widget(ListEditor, "purposes")
    purposes.view.setCurrentIndex(purposes.model.index(1, 0))
    purposes.move_row(-1)
    assert editor.save()
    saved = entities.get(window.ctx, "registers", 1)
    assert saved["purposes"][0] == "Laskutus ja perintä"
    assert saved["purposes"][1]["translations"]["sv"]["text"] == "Skötsel av kundrelationen"


def test_purpose_bases_are_typed_as_points_of_article_6(window):
    editor = register_editor(window)
    purposes = editor.widget(ListEditor, "purposes")
    column = next(i for i, c in enumerate(purposes.model.columns) if c.field == "bases")
    assert purposes.model.index(0, column).data() == "6(1)(b)"
    purposes.model.setData(purposes.model.index(1, column), "g")
    assert editor.problems() and not editor.save_button.isEnabled()
    purposes.model.setData(purposes.model.index(1, column), "b, c")
    assert editor.save()
    saved = entities.get(window.ctx, "registers", 1)
    assert saved["purposes"][1]["bases"] == ["6.1.b", "6.1.c"]


def test_statements_dates_and_languages_are_saved(window):
    editor = register_editor(window)
    statements = editor.widget(ListEditor, "statements")
    statements.add_row()
    row = statements.model.rowCount() - 1
    statements.model.setData(statements.model.index(row, 0), "no-automated-decisions")
    editor.widget(QLineEdit, "notice_updated_on").setText("2026-02-30")
    assert not editor.save_button.isEnabled()  # not a real date
    editor.widget(QLineEdit, "notice_updated_on").setText("2026-02-04")
    editor.widget(QCheckBox, "publish_en").setChecked(True)
    assert editor.save()
    saved = entities.get(window.ctx, "registers", 1)
    assert saved["statements"][-1] == {
        "kind": "no-automated-decisions",
        "text": None,
        "translations": None,
    }
    assert saved["notice_updated_on"] == "2026-02-04"
    assert saved["languages"] == ["fi", "sv", "en"]


def test_the_controller_editor_keeps_type_officer_and_shared_block(window):
    editor = window.open_controller(2)
    assert editor is not None and not editor.is_dirty()
    assert ChoiceCombo.value(editor.widget(QComboBox, "address_from")) == "controller-1"
    assert ChoiceCombo.value(editor.widget(QComboBox, "dpo")) == "dpo-1"
    ChoiceCombo.select(editor.widget(QComboBox, "controller_type"), "cooperative")
    ChoiceCombo.select(editor.widget(QComboBox, "address_from"), None)
    assert editor.save()
    saved = entities.get(window.ctx, "controllers", 2)
    assert (saved["controller_type"], saved["address_from"]) == ("cooperative", None)


def test_the_officers_have_a_page_and_an_editor(window):
    window.show_page("dpos")
    assert window.dpos_page.model.rowCount() == 1
    editor = window.open_dpo(1)
    assert editor is not None and not editor.is_dirty()
    editor.widget(QLineEdit, "email").setText("tietosuoja (at) esimerkki.invalid")
    assert editor.save()
    assert entities.get(window.ctx, "dpos", 1)["email"] == "tietosuoja@esimerkki.invalid"


def test_a_finding_tells_where_and_opens_its_controller(window):
    data = entities.get(window.ctx, "controllers", 1)
    data["controller_type"] = None
    entities.save(window.ctx, "controllers", data, 1)
    window.refresh()
    finding = next(f for f in window.findings if f.code == "controller-type-missing")
    panel = window.findings_panel
    where = next(i for i, c in enumerate(panel.model.columns) if c.header == "Where")
    row = panel.model.rows.index(finding)
    assert panel.model.index(row, where).data()  # the place, in the editor's words
    editor = window.open_finding(finding)
    assert editor is not None and editor.kind == "controllers"


def test_the_notice_window_names_the_texts_a_language_lacks(qtbot, window):
    from rekisteri_app.gui.notices.notice_dialog import NoticeDialog

    dialog = NoticeDialog(window.ctx, [1], window)
    qtbot.addWidget(dialog)
    dialog.lang_box.setCurrentIndex(dialog.lang_box.findData("sv"))
    assert dialog.missing and "$.purposes[1].text" in dialog.info_label.text()
    dialog.lang_box.setCurrentIndex(dialog.lang_box.findData("fi"))
    assert dialog.missing == []
