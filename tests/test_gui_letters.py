"""The letter dialog and the Letters page (pytest-qt, offscreen)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from rekisteri_app.domain.enums import LetterKind
from rekisteri_app.services import letters
from rekisteri_app.services import requests as rq
from tests.test_letter_service import decided_case

pytestmark = pytest.mark.gui


def text_of(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.fixture
def yes(monkeypatch):

    asked: list[str] = []

    def answer(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return True

    monkeypatch.setattr("rekisteri_app.gui.dialogs.confirm", answer)
    return asked


def test_letter_dialog_preview_issue_and_letters_page(qtbot, ctx, yes, tmp_path):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog
    from rekisteri_app.gui.letters.letters_page import LettersPage

    case = decided_case(ctx)
    dialog = LetterDialog(ctx, case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current_language().value == "fi"  # the case's reply language
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.ACCESS_RESPONSE.value))
    assert dialog.data_copy_box.isVisible() and not dialog.identity_box.isVisible()
    # the officer fills the copy of the data for one category
    names = [dialog.data_copy.list.item(i).text() for i in range(dialog.data_copy.list.count())]
    assert "nimi" in names and "puhelutallenteet" in names
    dialog.data_copy.list.setCurrentRow(names.index("puhelutallenteet"))
    dialog.data_copy.text.setPlainText("Puhelu 3.10.2026 klo 10.12")
    warnings = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("2010/87" in w for w in warnings)

    draft = dialog.preview()
    assert draft is not None
    assert dialog.preview_widget.page_count() >= 2
    assert "LUONNOS" in text_of(draft)
    assert "Puhelu 3.10.2026 klo 10.12" in text_of(draft)
    assert letters.list_letters(ctx) == []
    assert not dialog.print_button.isEnabled()

    issued = dialog.issue()
    assert issued is not None and yes and "2010/87" in yes[0]
    # every right is decided, so the dialog offers to mark the case answered (said yes)
    assert len(yes) == 2 and case in yes[1]
    assert rq.get_request(ctx, case)["status"] == "answered"
    assert dialog.print_button.isEnabled() and not dialog.issue_button.isEnabled()
    [info] = letters.list_letters(ctx, case)
    assert info.kind is LetterKind.ACCESS_RESPONSE
    assert "Puhelu 3.10.2026 klo 10.12" in text_of(letters.letter_pdf(ctx, info.id))
    dialog.grab().save(str(tmp_path / "letter-dialog.png"))

    page = LettersPage(ctx)
    qtbot.addWidget(page)
    page.show()  # refreshes
    assert page.model.rowCount() == 1
    assert page.proxy.index(0, 0).data() == case
    assert page.select_letter(info.id)
    assert page.preview.page_count() >= 2
    assert page.copy_button.isEnabled()
    copy = page.letter_bytes(copy=True)
    assert "KOPIO" in text_of(copy)
    assert letters.letter_pdf(ctx, info.id) == issued.pdf  # stored bytes unchanged
    page.grab().save(str(tmp_path / "letters-page.png"))


def test_identity_request_fields_follow_the_kind_and_language(qtbot, ctx):
    from rekisteri_app.documents.letters.templates import catalogue
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    case = decided_case(ctx, verified=False)
    dialog = LetterDialog(ctx, case, kind=LetterKind.IDENTITY_REQUEST)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.identity_box.isVisible() and not dialog.data_copy_box.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    assert dialog.needed.toPlainText().splitlines() == list(
        catalogue("sv")["identity_defaults"]["needed"]
    )
    pdf = dialog.preview()
    assert "UTKAST" in text_of(pdf)


def test_blocked_letter_shows_the_reason_and_stores_nothing(qtbot, ctx, yes):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    case = decided_case(ctx, extend=False)
    dialog = LetterDialog(ctx, case, kind=LetterKind.EXTENSION)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview() is None
    # in words, never the internal key name
    assert "määräajan pidentäminen" in dialog.problem.text()
    assert "extended_due_date" not in dialog.problem.text()
    assert dialog.issue() is None
    assert letters.list_letters(ctx) == []


def test_printing_paints_every_page(qtbot, ctx, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from rekisteri_app.gui.pdf_output import print_pdf_to

    case = decided_case(ctx)
    issued = letters.issue(ctx, case, LetterKind.ERASURE, "fi")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = print_pdf_to(printer, issued.pdf)
    assert pages == len(PdfReader(io.BytesIO(issued.pdf)).pages)
    assert len(PdfReader(str(out)).pages) == pages


def test_requests_page_letter_button_opens_the_dialog(qtbot, ctx):
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    case = decided_case(ctx)
    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.status_filter.setCurrentIndex(0)
    assert not page.letter_button.isEnabled() or page.current_case()
    assert page.select_case(case)
    assert page.letter_button.isEnabled()
    assert page.letter_button.shortcut().toString() == "Ctrl+L"
    dialog = page.open_letter()
    qtbot.addWidget(dialog)
    assert dialog.case == case
    dialog.close()


def test_template_dialog_saves_versions_and_resets(qtbot, ctx):
    from rekisteri_app.gui.letters.template_dialog import TemplateDialog

    dialog = TemplateDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.select("refusal", "en")
    assert dialog.text.toPlainText() == dialog.shipped_text()
    assert not dialog.reset_button.isEnabled()
    dialog.text.setPlainText("We will not act on case {case_number}: {refusal_reasons}")
    assert dialog.save()
    state = letters.template_state(ctx, "refusal", "en")
    assert state.overridden and state.version == 1
    assert dialog.reset_button.isEnabled()
    dialog.text.setPlainText("Typo {refusal_reason}")
    assert not dialog.save()
    assert "refusal_reason" in dialog.message.text()
    assert dialog.reset()
    assert dialog.text.toPlainText() == dialog.shipped_text()
    assert [v.version for v in letters.template_state(ctx, "refusal", "en").versions] == [1, 2]


def test_main_window_has_the_letters_page(qtbot, ctx):
    from rekisteri_app.gui.letters.letters_page import LettersPage
    from rekisteri_app.gui.main_window import MainWindow

    main = MainWindow(ctx.db, ctx=ctx)
    qtbot.addWidget(main)
    main.show()
    main.show_page("letters")
    assert isinstance(main.current_page(), LettersPage)


def test_a_pre_decision_letter_does_not_offer_to_answer_the_case(qtbot, ctx, yes):
    from rekisteri_app.gui.letters.letter_dialog import LetterDialog

    case = decided_case(ctx)
    status = rq.get_request(ctx, case)["status"]
    dialog = LetterDialog(ctx, case)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.ACKNOWLEDGEMENT.value))
    assert dialog.issue() is not None
    assert len(yes) == 1  # only "issue this letter?"
    assert rq.get_request(ctx, case)["status"] == status
