"""Every letter kind in every language, rendered and read back from the PDF."""

from __future__ import annotations

import dataclasses
import io
import re
from dataclasses import replace
from datetime import date

import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from rekisteri_app.documents.fonts import REGULAR, register_fonts
from rekisteri_app.documents.letters import (
    AddressFieldOverflow,
    MissingPlaceholder,
    Recipient,
    default_supervisory_authority,
    format_date,
    render_letter,
)
from rekisteri_app.documents.letters import layout as L
from rekisteri_app.documents.letters.templates import catalogue
from rekisteri_app.domain.enums import Language, LetterKind
from tests.letter_samples import sample_letter, sample_representative_letter

ALL = [(kind, lang) for lang in Language for kind in LetterKind]
REFUSING_SAMPLES = {LetterKind.ERASURE, LetterKind.OBJECTION, LetterKind.REFUSAL}
COURTS = {
    Language.FI: ("hallinto-oikeuteen", "käräjäoikeudessa"),
    Language.SV: ("förvaltningsdomstolen", "tingsrätten"),
    Language.EN: ("administrative court", "district court"),
}


def pdf_pages(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[LetterKind, Language], list[str]]:
    return {(k, lang): pdf_pages(render_letter(sample_letter(k, lang))) for k, lang in ALL}


@pytest.mark.parametrize(("kind", "lang"), ALL, ids=[f"{k.value}-{lang.value}" for k, lang in ALL])
def test_letter_has_its_required_elements(rendered, kind, lang):
    data = sample_letter(kind, lang)
    pages = rendered[(kind, lang)]
    text = " ".join(pages)
    cat = catalogue(lang)
    entry = cat["kinds"][kind.value]

    assert data.case_number in text
    assert format_date(data.issue_date, lang) in pages[0]
    assert flat(entry["subject"]) in text
    assert flat(entry["document_name"]) in pages[0]
    assert data.organisation.business_id in text
    assert data.officer.name in text and data.officer.title in text
    # "1 (2)": every page carries its number and the total
    for number, page in enumerate(pages, start=1):
        assert f"{number} ({len(pages)})" in page
    # no raw placeholder ever reaches paper
    assert not re.search(r"\{[A-Za-z_]\w*\}", text)

    blocks = cat["blocks"]
    authority = default_supervisory_authority(lang)
    if kind in REFUSING_SAMPLES:
        assert blocks["remedies_heading"] in text
        assert authority.name in text
        assert authority.email in text
        assert authority.postal_address in text
        for court in COURTS[lang]:
            assert court in text
    else:
        assert blocks["remedies_heading"] not in text
        if kind is not LetterKind.PUBLICITY_ACT_REPLY:  # its own referral (621/1999 § 14(3))
            assert COURTS[lang][0] not in text


@pytest.mark.parametrize("lang", list(Language))
def test_access_response_lists_article_15_items(rendered, lang):
    text = " ".join(rendered[(LetterKind.ACCESS_RESPONSE, lang)])
    blocks = catalogue(lang)["blocks"]
    for key in (
        "access_purposes",
        "access_categories",
        "access_recipients",
        "access_transfers",
        "access_retention",
        "access_sources",
        "access_automated",
        "access_rights_heading",
    ):
        assert flat(blocks[key]) in text, key
    data = sample_letter(LetterKind.ACCESS_RESPONSE, lang)
    register = data.registers[0]
    assert register.name in text
    assert register.purposes[0] in text
    assert register.retention[0] in text
    assert catalogue(lang)["safeguards"]["scc-2021-914"] in text
    assert flat(blocks["access_automated_none"]) in text
    # the Art. 15(3) copy is an enclosure, listed and printed
    assert catalogue(lang)["labels"]["data_copy_title"] in text
    for entry in data.data_copy:
        assert entry.category in text
        assert flat(entry.content) in text


@pytest.mark.parametrize("lang", list(Language))
def test_kind_specific_content(rendered, lang):
    cat = catalogue(lang)
    ident = sample_letter(LetterKind.IDENTITY_REQUEST, lang)
    text = " ".join(rendered[(LetterKind.IDENTITY_REQUEST, lang)])
    assert ident.identity_request.needed[0] in text
    assert cat["blocks"]["identity_no_copy"] in text
    assert cat["identity_methods"]["strong-eid"] in text

    ext = sample_letter(LetterKind.EXTENSION, lang)
    text = " ".join(rendered[(LetterKind.EXTENSION, lang)])
    assert format_date(ext.extended_due_date, lang) in text
    assert ext.extension_reasons in text

    text = " ".join(rendered[(LetterKind.PORTABILITY, lang)])
    assert cat["labels"]["portability_enclosure"] in text
    assert cat["labels"]["enclosures"] in text

    for kind in (LetterKind.RECTIFICATION, LetterKind.ERASURE, LetterKind.RESTRICTION):
        data = sample_letter(kind, lang)
        text = " ".join(rendered[(kind, lang)])
        assert data.notifications[0].recipient in text

    erasure = sample_letter(LetterKind.ERASURE, lang)
    text = " ".join(rendered[(LetterKind.ERASURE, lang)])
    kept = erasure.erasure_decisions[1]
    assert format_date(kept.kept_until, lang) in text
    assert kept.ground.article in text

    refusal = sample_letter(LetterKind.REFUSAL, lang)
    assert flat(refusal.refusal_reasons) in " ".join(rendered[(LetterKind.REFUSAL, lang)])


def test_dates_are_formatted_per_language():
    day = date(2026, 11, 22)
    assert format_date(day, Language.FI) == "22.11.2026"
    assert format_date(day, Language.SV) == "2026-11-22"
    assert format_date(day, Language.EN) == "22 November 2026"
    assert format_date(date(2026, 3, 5), Language.FI) == "5.3.2026"  # SFS 4175: no zeros


# -- no Finnish in Swedish and English letters -------------------------------------------

WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    return []


def _words(strings: list[str]) -> set[str]:
    return {w.lower() for s in strings for w in WORD.findall(s) if len(w) >= 4}


def finnish_only_words() -> set[str]:
    fi = _words(_strings(dict(catalogue(Language.FI))))
    other = _words(_strings(dict(catalogue(Language.SV))) + _strings(dict(catalogue(Language.EN))))
    return fi - other


def test_finnish_word_list_is_meaningful():
    words = finnish_only_words()
    assert {"pyyntönne", "henkilötietojenne", "tietosuoja", "valvontaviranomaiselle"} <= words
    assert len(words) > 300


@pytest.mark.parametrize("lang", [Language.SV, Language.EN])
@pytest.mark.parametrize("kind", list(LetterKind))
def test_no_finnish_template_text_in_other_languages(kind, lang):
    fi_words = finnish_only_words()
    for data in (sample_letter(kind, lang), sample_representative_letter(kind, lang)):
        text = " ".join(pdf_pages(render_letter(data, copy=True)))
        injected = sorted(
            {flat(s) for s in [*_strings(data), *_strings(data.authority)] if s.strip()},
            key=len,
            reverse=True,
        )
        for value in injected:  # names, addresses and the officer's texts are not templates
            text = text.replace(value, " ")
        leaked = {w.lower() for w in WORD.findall(text)} & fi_words
        assert not leaked, f"{kind.value}/{lang.value}: {sorted(leaked)}"


# -- stamps, determinism, blocking --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "copy_word", "draft_word"),
    [
        (Language.FI, "KOPIO", "LUONNOS"),
        (Language.SV, "KOPIA", "UTKAST"),
        (Language.EN, "COPY", "DRAFT"),
    ],
)
def test_copy_and_draft_stamps_on_every_page(lang, copy_word, draft_word):
    data = sample_letter(LetterKind.ACCESS_RESPONSE, lang)
    plain = pdf_pages(render_letter(data))
    copy = pdf_pages(render_letter(data, copy=True))
    draft = pdf_pages(render_letter(data, draft=True))
    assert len(copy) == len(plain) >= 2
    assert all(copy_word in page for page in copy)
    assert all(draft_word in page for page in draft)
    assert not any(copy_word in page or draft_word in page for page in plain)


def test_same_input_gives_same_bytes():
    for kind in (LetterKind.ACCESS_RESPONSE, LetterKind.ERASURE):
        data = sample_letter(kind, Language.FI)
        assert render_letter(data) == render_letter(data)
        assert render_letter(data, copy=True) == render_letter(data, copy=True)
        assert render_letter(data) != render_letter(data, copy=True)


def test_missing_placeholder_blocks_rendering():
    data = replace(sample_letter(LetterKind.EXTENSION, Language.FI), extended_due_date=None)
    with pytest.raises(MissingPlaceholder) as info:
        render_letter(data)
    assert "extended_due_date" in info.value.names
    assert "extended_due_date" in str(info.value)


def test_override_with_unknown_placeholder_blocks_rendering():
    data = sample_letter(LetterKind.ACKNOWLEDGEMENT, Language.FI)
    with pytest.raises(MissingPlaceholder) as info:
        render_letter(data, overrides={LetterKind.ACKNOWLEDGEMENT: "Hei {asiakasnumero}, {x}."})
    assert info.value.names == ("asiakasnumero", "x")


def test_override_wording_is_printed():
    data = sample_letter(LetterKind.ACKNOWLEDGEMENT, Language.FI)
    wording = "Kiitos viestistänne {received_date}.\n\nKäsittelemme sen viimeistään {due_date}."
    text = " ".join(pdf_pages(render_letter(data, overrides={"acknowledgement": wording})))
    assert "Kiitos viestistänne 2.11.2026." in text
    assert "Käsittelemme sen viimeistään 2.12.2026." in text
    assert "Mainitsettehan diaarinumeron" not in text


def test_late_reply_says_so():
    data = replace(
        sample_letter(LetterKind.ACCESS_RESPONSE, Language.FI), issue_date=date(2026, 12, 9)
    )
    text = " ".join(pdf_pages(render_letter(data)))
    assert "Pahoittelemme, että vastauksemme on myöhässä" in text
    assert "9.12.2026" in text and "2.12.2026" in text
    on_time = " ".join(pdf_pages(render_letter(sample_letter(LetterKind.ACCESS_RESPONSE, "fi"))))
    assert "myöhässä" not in on_time


def test_late_after_extension_names_the_extended_date():
    data = replace(
        sample_letter(LetterKind.ACCESS_RESPONSE, Language.EN),
        extended_due_date=date(2027, 1, 15),
        issue_date=date(2027, 1, 20),
    )
    text = " ".join(pdf_pages(render_letter(data)))
    assert "The extended time limit we notified to you ended on 15 January 2027" in text


def test_representative_letter_names_the_data_subject():
    data = sample_representative_letter(LetterKind.ACCESS_RESPONSE, Language.FI)
    pages = pdf_pages(render_letter(data))
    assert "Asianajotoimisto Laine & Koski Oy" in pages[0]
    assert f"henkilötietoja: {data.data_subject_name}." in pages[0]
    assert "valtuutettu (valtakirja)" in pages[0]


def test_logo_is_drawn():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (400, 100), (20, 90, 160)).save(buffer, "PNG")
    data = sample_letter(LetterKind.ACKNOWLEDGEMENT, Language.FI)
    data = replace(data, organisation=replace(data.organisation, logo=buffer.getvalue()))
    pdf = render_letter(data)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1
    assert render_letter(data) == pdf


def test_too_many_address_lines_is_refused():
    data = sample_letter(LetterKind.ACKNOWLEDGEMENT, Language.FI)
    data = replace(data, recipient=Recipient("A", tuple(f"line {n}" for n in range(6))))
    with pytest.raises(AddressFieldOverflow):
        render_letter(data)


# -- the address sits in the envelope window --------------------------------------------


def positioned_text(pdf: bytes, page: int = 0) -> list[tuple[str, float, float, float]]:
    """(text, x mm from left, baseline mm from top, font size) of each shown line."""
    out: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, _font, size):
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        out.append((text.strip(), x / L.mm, L.PAGE_HEIGHT_MM - y / L.mm, size * tm[0] * cm[0]))

    pypdf.PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return out


LONG_ADDRESS = Recipient(
    "Asianajotoimisto Laine & Koski Oy",
    (
        "c/o Varatuomari Leena Laine-Kosken perikunta",
        "Perintäosasto",
        "Satamakatu 4 A 12",
        "PL 1234",
        "40101 KUUSINIEMI",
    ),
)


@pytest.mark.parametrize("recipient", [None, LONG_ADDRESS], ids=["short", "six-lines"])
@pytest.mark.parametrize("lang", list(Language))
def test_address_lines_lie_in_the_window_field(lang, recipient):
    register_fonts()
    data = sample_letter(LetterKind.ACKNOWLEDGEMENT, lang)
    if recipient is not None:
        data = replace(data, recipient=recipient)
    lines = [data.recipient.name, *data.recipient.address_lines]
    found = positioned_text(render_letter(data))
    field = L.ADDRESS_FIELD
    placed = [item for item in found if item[0] in lines]
    assert [item[0] for item in placed] == lines
    for text, x, baseline, size in placed:
        width = stringWidth(text, REGULAR, size) / L.mm
        top = baseline - size * 0.76 / L.mm * 1.0  # DejaVu ascender height
        assert field.left <= x and x + width <= field.right, (text, x, width)
        assert field.top <= top and baseline + size * 0.24 / L.mm <= field.bottom, (text, baseline)
        assert size >= L.ADDRESS_MIN_FONT_SIZE
    # nothing else on page 1 shows through the window
    others = [item for item in found if item[0] not in lines]
    for text, x, baseline, _size in others:
        assert not field.contains(x, baseline), text


def test_window_field_matches_the_documented_numbers():
    """docs/letter-layout.md quotes these; change both together."""
    assert (L.ADDRESS_FIELD.left, L.ADDRESS_FIELD.top) == (20.0, 45.0)
    assert (L.ADDRESS_FIELD.width, L.ADDRESS_FIELD.height) == (85.0, 35.0)
    assert (L.MARGIN_LEFT, L.BODY_LEFT, L.METADATA_LEFT) == (20.0, 43.0, 112.0)
