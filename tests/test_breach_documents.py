"""The notification draft (the Ombudsman's form headings, fi/sv/en) and the Art. 34
letters (window envelope, mail-merge, archived and immutable)."""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from rekisteri_app.documents.breaches import SECTIONS, catalogue
from rekisteri_app.i18n import set_language
from rekisteri_app.services import breaches as br
from rekisteri_app.services import settings
from rekisteri_app.services.context import ServiceError
from rekisteri_app.storage import models as m
from tests.breach_helpers import (
    LETTER_TEXTS,
    THREE_RECIPIENTS,
    breach_ctx,
    complete_record,
    misdirected_invoices,
    organisation,
)
from tests.test_requests_helpers import state


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def bctx(db):
    ctx = breach_ctx(db)
    organisation(ctx)
    return ctx


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def in_order(text: str, parts: list[str]) -> bool:
    position = -1
    for part in parts:
        found = text.find(part, position + 1)
        if found < 0:
            return False
        position = found
    return True


# ------------------------------------------------------------------ the draft


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "fi",
            [
                "1. Ilmoitus",
                "2. Rekisterinpitäjä ja yhteyshenkilö",
                "3. Tietoturvaloukkauksen kuvaus",
                "4. Ajankohta",
                "5. Rekisteröidyt ja henkilötiedot",
                "6. Todennäköiset seuraukset",
                "7. Toimenpiteet",
                "8. Rekisteröidyille ilmoittaminen",
            ],
        ),
        (
            "sv",
            [
                "1. Anmälan",
                "2. Personuppgiftsansvarig och kontaktperson",
                "3. Beskrivning av personuppgiftsincidenten",
                "4. Tidpunkt",
                "5. Registrerade och personuppgifter",
                "6. Sannolika konsekvenser",
                "7. Åtgärder",
                "8. Information till de registrerade",
            ],
        ),
        (
            "en",
            [
                "1. Notification",
                "2. Controller and contact person",
                "3. Description of the breach",
                "4. Time",
                "5. Data subjects and personal data",
                "6. Likely consequences",
                "7. Measures",
                "8. Informing the data subjects",
            ],
        ),
    ],
)
def test_the_draft_has_the_form_headings_in_order_in_each_language(bctx, lang, expected):
    ref = misdirected_invoices(bctx, **complete_record())
    draft = br.notification_draft(bctx, ref, lang, "preliminary")
    assert [catalogue(lang)["sections"][key] for key in SECTIONS] == expected
    assert in_order(draft.text, expected)
    assert in_order(pdf_text(draft.pdf), expected)
    assert catalogue(lang)["kinds"]["preliminary"] in draft.text


def test_the_draft_prints_the_record_and_the_clock_in_finnish_time(bctx):
    ref = misdirected_invoices(bctx, **complete_record())
    text = br.notification_draft(bctx, ref, "fi").text
    assert "23.10.2026 klo 10.00" in text  # became aware, summer time
    assert "26.10.2026 klo 9.00" in text  # 72 hours, winter time
    assert "22.10.2026 klo 6.00 – 22.10.2026 klo 7.30" in text
    assert "Esimerkki Energia Oy" in text and "0112038-9" in text
    assert "Aino Virtanen, tietosuojavastaava" in text
    assert "aiheuttaa riskin rekisteröityjen oikeuksille" in text
    assert "Täydennetään myöhemmin" in text  # informing the data subjects is not recorded
    assert text.count("Rekisteröidyille ilmoittaminen") == 2  # the heading and the list


def test_what_is_not_recorded_is_left_out_and_listed_never_filled_in(bctx):
    ref = misdirected_invoices(bctx)
    text = br.notification_draft(bctx, ref, "en").text
    supplement = text.split("To be supplemented (GDPR Art. 33(4))")[1]
    for label in (
        "How the breach was discovered",
        "The breach occurred",
        "Approximate number of data subjects",
        "Likely consequences for the data subjects",
        "Risk assessment",
        "Measures taken",
    ):
        assert label in supplement
        assert label not in text.split("To be supplemented")[0]
    assert "(to follow)" in text  # the empty section 7
    br.update_breach(bctx, ref, {"occurred_unknown": True})
    assert "The breach occurred:\n  not known" in br.notification_draft(bctx, ref, "en").text


def test_the_draft_names_no_data_subject(bctx):
    ref = misdirected_invoices(bctx, letter_texts=LETTER_TEXTS, **complete_record())
    br.import_recipients(bctx, ref, THREE_RECIPIENTS)
    draft = br.notification_draft(bctx, ref, "fi")
    for name in ("Meikäläinen", "Möttönen", "Öberg", "Kuja 1"):
        assert name not in draft.text
        assert name not in pdf_text(draft.pdf)


def test_a_draft_without_a_contact_person_is_blocked_with_what_to_record(bctx):
    ref = misdirected_invoices(bctx)
    settings.set_many(bctx, {"officer.phone": "", "officer.email": ""})
    with pytest.raises(br.DraftNotReady, match="phone or email") as caught:
        br.notification_draft(bctx, ref, "fi")
    assert caught.value.names == ("contact_phone_or_email",)


def test_a_draft_after_72_hours_is_blocked_until_the_delay_is_explained(db):
    from datetime import UTC, datetime

    ctx = breach_ctx(db, datetime(2026, 10, 27, 9, 0, tzinfo=UTC))
    organisation(ctx)
    ref = misdirected_invoices(ctx)
    with pytest.raises(br.DraftNotReady, match="72 hours"):
        br.notification_draft(ctx, ref, "en")
    br.update_breach(ctx, ref, {"delay_reasons": "The invoices were found on Monday."})
    text = br.notification_draft(ctx, ref, "en").text
    assert "Reasons for the delay (Art. 33(1)):\n  The invoices were found on Monday." in text


def test_the_pdf_draft_is_the_same_bytes_for_the_same_record_and_moment(bctx):
    ref = misdirected_invoices(bctx, **complete_record())
    assert br.notification_draft(bctx, ref, "sv").pdf == br.notification_draft(bctx, ref, "sv").pdf


# --------------------------------------------------------------- Art. 34 letters


def test_the_mail_merge_issues_one_archived_letter_to_each_of_three_recipients(bctx):
    ref = misdirected_invoices(bctx, risk_level="high", letter_texts=LETTER_TEXTS)
    assert br.import_recipients(bctx, ref, THREE_RECIPIENTS) == 3
    batch = br.issue_letters(bctx, ref, "fi", "post")
    assert [i.recipient_name for i in batch.letters] == [
        "Matti Meikäläinen",
        "Maija Möttönen",
        "Åsa Öberg",
    ]
    for info, pdf in zip(batch.letters, batch.pdfs, strict=True):
        assert br.breach_letter_pdf(bctx, info.id) == pdf
        assert hashlib.sha256(pdf).hexdigest() == info.sha256
        text = pdf_text(pdf)
        assert info.recipient_name in text
        assert "Dnro TL-2026-0001" in text
        assert "korkean riskin" in text  # the record says high risk
        for part in LETTER_TEXTS["fi"].values():
            assert part[:40] in text.replace("\n", " ")
        assert "tietosuojavastaava Aino Virtanen, 014 000 0002" in text.replace("\n", " ")
    assert "Polku 2 B 7" in pdf_text(batch.pdfs[1])
    view = br.get_breach(bctx, ref)
    assert [letter["recipient_name"] for letter in view["letters"]] == [
        i.recipient_name for i in batch.letters
    ]
    assert view["timeline"][-1]["description"] == (
        "Art. 34 letter issued to 3 data subjects (post, fi)."
    )
    # everyone has a letter now: a second run writes to no one
    before = state(bctx)
    with pytest.raises(ServiceError, match="already"):
        br.issue_letters(bctx, ref, "fi", "post")
    assert state(bctx) == before


def test_an_issued_letter_cannot_be_changed_and_a_reprint_is_stamped_as_a_copy(bctx):
    ref = misdirected_invoices(bctx, letter_texts=LETTER_TEXTS)
    br.import_recipients(bctx, ref, THREE_RECIPIENTS)
    info = br.issue_letters(bctx, ref, "fi", "post").letters[0]
    with pytest.raises(m.LetterImmutable), bctx.change() as tx:
        letter = tx.session.get(m.BreachLetter, info.id)
        letter.recipient_name = "Joku muu"
        tx.session.flush()
    assert br.list_breach_letters(bctx, ref)[0].recipient_name == "Matti Meikäläinen"
    copy = br.reprint_breach_letter(bctx, info.id)
    assert "KOPIO" in pdf_text(copy)
    assert hashlib.sha256(br.breach_letter_pdf(bctx, info.id)).hexdigest() == info.sha256


def test_a_letter_missing_its_texts_is_blocked_with_the_list_and_stores_nothing(bctx):
    ref = misdirected_invoices(bctx, letter_texts={"fi": {"description": "Lasku meni väärin."}})
    br.import_recipients(bctx, ref, THREE_RECIPIENTS)
    before = state(bctx)
    with pytest.raises(br.BreachLetterBlocked) as caught:
        br.issue_letters(bctx, ref, "fi", "post")
    assert caught.value.names == ("advice", "consequences", "measures")
    assert state(bctx) == before
    with pytest.raises(br.BreachLetterBlocked) as caught:  # nothing in Swedish at all
        br.preview_letter(bctx, ref, "sv")
    assert caught.value.names == ("advice", "consequences", "description", "measures")


def test_recipients_who_read_another_language_get_that_letter_later(bctx):
    ref = misdirected_invoices(bctx, letter_texts=LETTER_TEXTS)
    mixed = (
        "name,address,language\n"
        'Anna Andersson,"Storgatan 1\n65100 Vasa",sv\n'
        'Matti Meikäläinen,"Kuja 1\n40100 Jyväskylä",fi\n'
    ).encode()
    br.import_recipients(bctx, ref, mixed)
    assert [i.recipient_name for i in br.issue_letters(bctx, ref, "fi").letters] == [
        "Matti Meikäläinen"
    ]
    swedish = br.issue_letters(bctx, ref, "sv")
    assert [i.recipient_name for i in swedish.letters] == ["Anna Andersson"]
    text = pdf_text(swedish.pdfs[0]).replace("\n", " ")
    assert "MEDDELANDE OM PERSONUPPGIFTSINCIDENT" in text and "Storgatan 1" in text
    # a longer list later: those written to keep their date, only the new one gets mail
    longer = mixed + 'Maija Möttönen,"Polku 2\n40200 Jyväskylä",fi\n'.encode()
    br.import_recipients(bctx, ref, longer)
    assert [i.recipient_name for i in br.issue_letters(bctx, ref, "fi").letters] == [
        "Maija Möttönen"
    ]


def test_a_preview_is_a_draft_and_is_not_stored(bctx):
    ref = misdirected_invoices(bctx, letter_texts=LETTER_TEXTS)
    br.import_recipients(bctx, ref, THREE_RECIPIENTS)
    before = state(bctx)
    assert "LUONNOS" in pdf_text(br.preview_letter(bctx, ref, "fi"))
    assert state(bctx) == before


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty"),
        (b"who;where\nMatti;Kuja 1\n", "name the columns"),
        ("nimi;osoite\n;Kuja 1\nMatti Meikäläinen;\n".encode(), "Row 2: the name is missing"),
        ("nimi;osoite;kieli\nMatti Meikäläinen;Kuja 1;de\n".encode(), "Row 2: the language"),
        (
            b'name,address\nMatti,"a\nb\nc\nd\ne\nf"\n',
            "Row 2: the address has 6 lines",
        ),
    ],
)
def test_a_bad_recipient_list_is_refused_by_row_without_echoing_it(bctx, content, message):
    ref = misdirected_invoices(bctx)
    before = state(bctx)
    with pytest.raises(ServiceError, match=message) as caught:
        br.import_recipients(bctx, ref, content)
    assert "Kuja" not in str(caught.value) and "Meikäläinen" not in str(caught.value)
    assert state(bctx) == before


def test_the_recipient_list_is_not_in_the_audit_trail(bctx):
    ref = misdirected_invoices(bctx, letter_texts=LETTER_TEXTS)
    br.import_recipients(bctx, ref, THREE_RECIPIENTS)
    br.issue_letters(bctx, ref, "fi", "post")
    with bctx.read() as session:
        trail = " ".join(
            (e.before_json or "") + (e.after_json or "")
            for e in session.scalars(select(m.AuditEvent))
        )
    assert "Meikäläinen" not in trail and "Polku" not in trail


def test_the_three_languages_have_the_same_words_and_placeholders():
    import re

    def shape(value, path=""):
        if isinstance(value, dict):
            out = {}
            for key, inner in value.items():
                out.update(shape(inner, f"{path}.{key}"))
            return out
        return {path: set(re.findall(r"\{(\w+)\}", str(value)))}

    fi, sv, en = (shape(dict(catalogue(lang))) for lang in ("fi", "sv", "en"))
    assert fi == sv == en
