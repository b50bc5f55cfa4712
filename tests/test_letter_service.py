"""services/letters.py: letters built from a real case, issued, archived and reprinted."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from rekisteri_app.documents.letters import DataCopyEntry
from rekisteri_app.documents.letters.templates import catalogue, template_text
from rekisteri_app.domain.enums import (
    IdentityMethod,
    Language,
    LetterKind,
    Outcome,
    RequestStatus,
    Right,
)
from rekisteri_app.services import letters, settings
from rekisteri_app.services import requests as rq
from rekisteri_app.services.context import ServiceError
from rekisteri_app.storage import models as m
from tests.test_requests_helpers import intake, load_organisation, state

ALL_RIGHTS = (
    Right.ACCESS,
    Right.RECTIFICATION,
    Right.ERASURE,
    Right.RESTRICTION,
    Right.PORTABILITY,
    Right.OBJECTION,
    Right.MARKETING_BAN,
    Right.CONSENT_WITHDRAWAL,
)

DATA_COPY = (
    DataCopyEntry("nimi", "Nimi: Matti Meikäläinen\nOsoite: Kuja 1, 40100 Jyväskylä"),
    DataCopyEntry("puhelutallenteet", "Puhelu 3.10.2026 klo 10.12 (2 min)"),
)

OPTIONS = letters.LetterOptions(
    data_copy=DATA_COPY,
    actions=("Osoite korjattu asiakasrekisteriin",),
    identity_reply_by=date(2026, 12, 7),
)


def officer(ctx) -> None:
    settings.set_many(
        ctx,
        {
            settings.OFFICER_NAME: "Aino Virtanen",
            settings.OFFICER_TITLE: "Tietosuojavastaava",
            settings.OFFICER_TITLE_SV: "Dataskyddsansvarig",
            settings.OFFICER_TITLE_EN: "Privacy Officer",
            settings.OFFICER_EMAIL: "tietosuoja@esimerkki.invalid",
        },
    )


def decided_case(
    ctx,
    *,
    received: date = date(2026, 11, 2),
    verified: bool = True,
    extend: bool = True,
    rights=ALL_RIGHTS,
    **kw,
) -> str:
    """A case that can produce every letter kind: identity verified, every right
    decided (erasure partly, with one category kept), the deadline extended."""
    load_organisation(ctx)
    officer(ctx)
    case = rq.add_request(ctx, intake(received, rights=rights, **kw))
    if verified:
        rq.record_identity(
            ctx,
            case,
            rq.IdentityInput(IdentityMethod.STRONG_EID, "Aino Virtanen", verified_on=received),
        )
    else:
        rq.set_status(ctx, case, RequestStatus.IN_PROGRESS)
    if extend:
        rq.extend(
            ctx,
            case,
            rq.ExtensionInput(
                "Pyyntö koskee usean järjestelmän tietoja.", letter_sent_on=date(2026, 11, 20)
            ),
        )
    outcomes = []
    for right in rights:
        if right is Right.ERASURE:
            outcomes.append(rq.OutcomeInput(right, Outcome.PARTLY, "art-17-3-b"))
        elif right is Right.OBJECTION:
            outcomes.append(
                rq.OutcomeInput(
                    right,
                    Outcome.REFUSED,
                    "art-21-1-compelling",
                    "Tietoja tarvitaan erääntyneen laskun perintään.",
                )
            )
        else:
            outcomes.append(rq.OutcomeInput(right, Outcome.GRANTED))
    erasures = ()
    if Right.ERASURE in rights:
        erasures = (
            rq.ErasureInput("puhelutallenteet", True),
            rq.ErasureInput("nimi", False, date(2036, 12, 31), "art-17-3-b"),
        )
    rq.update_request(
        ctx,
        case,
        rq.CaseUpdate(
            outcomes=tuple(outcomes),
            erasures=erasures,
            fee_reason="Sama pyyntö on esitetty viisi kertaa kahden kuukauden aikana.",
        ),
    )
    return case


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


# -- building and previewing --------------------------------------------------------------


# Every GDPR kind a decided GDPR case can have (the negative confirmation and the kinds
# outside the GDPR have cases of their own: tests/test_letters_true.py).
CASE_KINDS = [k for k in letters.kinds_for("gdpr") if k is not LetterKind.ACCESS_NOT_HELD]


@pytest.mark.parametrize("kind", CASE_KINDS)
def test_preview_of_every_kind_is_a_draft_and_stores_nothing(ctx, kind):
    case = decided_case(ctx)
    before = state(ctx)
    pdf = letters.preview(ctx, case, kind, Language.FI, OPTIONS)
    text = pdf_text(pdf)
    assert case in text
    assert "LUONNOS" in text
    assert "{" not in text
    assert state(ctx) == before
    assert letters.list_letters(ctx) == []


def test_access_response_is_compiled_from_the_registers(ctx):
    case = decided_case(ctx)
    data = letters.prepare(ctx, case, LetterKind.ACCESS_RESPONSE, Language.FI, OPTIONS).data
    assert data.organisation.name == "Esimerkki Energia Oy"
    assert data.organisation.postal_address == ("PL 1", "40101 Jyväskylä")
    assert data.recipient.address_lines == ("Kuja 1", "40100 Jyväskylä")
    assert [d.right for d in data.rights] == [Right.ACCESS]
    reg = {r.name: r for r in data.registers}["Asiakasrekisteri"]
    assert reg.purposes == ("Asiakassuhteen hoitaminen", "Laskutus ja perintä")
    assert "nimi" in reg.data_categories
    assert reg.retention[0] == "nimi: 10 vuotta sopimuksen päättymisestä (laskujen oikaisu)"
    assert reg.sources == ("Fingrid Datahub Oy",)
    assert "Postitus Inc. (uutiskirjeet)" in reg.recipients
    assert reg.transfers[0].country == "Yhdysvallat"
    assert reg.automated_decisions.startswith("sopimuskelpoisuuden tarkistus")
    text = pdf_text(letters.preview(ctx, case, LetterKind.ACCESS_RESPONSE, Language.FI, OPTIONS))
    assert "Jäljennös henkilötiedoistanne" in text
    assert "Puhelu 3.10.2026" in text


def test_erasure_letter_has_a_line_per_category_and_the_remedies(ctx):
    case = decided_case(ctx)
    data = letters.prepare(ctx, case, LetterKind.ERASURE, Language.FI, OPTIONS).data
    assert [(e.category, e.erased) for e in data.erasure_decisions] == [
        ("puhelutallenteet", True),
        ("nimi", False),
    ]
    kept = data.erasure_decisions[1]
    assert kept.ground.article == "17(3)(b)"
    assert kept.ground.reason == catalogue(Language.FI)["grounds"]["art-17-3-b"]
    text = pdf_text(letters.preview(ctx, case, LetterKind.ERASURE, Language.FI, OPTIONS))
    assert "31.12.2036" in text
    assert "Tietosuojavaltuutetun toimisto" in text
    assert "Viranomaiset" not in text  # no notification recorded: nothing claimed
    rq.update_request(
        ctx,
        case,
        rq.CaseUpdate(
            notifications=(rq.NotificationInput("viranomaiset", "notified", date(2026, 11, 20)),)
        ),
    )
    text = pdf_text(letters.preview(ctx, case, LetterKind.ERASURE, Language.FI, OPTIONS))
    assert "Viranomaiset: ilmoitettu 20.11.2026" in text


def test_refusal_uses_the_recorded_reasons(ctx):
    case = decided_case(ctx)
    text = pdf_text(letters.preview(ctx, case, LetterKind.REFUSAL, Language.EN, OPTIONS))
    assert "Sama pyyntö on esitetty viisi kertaa" in text
    assert "Office of the Data Protection Ombudsman" in text


# -- warnings ------------------------------------------------------------------------------


def codes(ctx, case, kind=LetterKind.ACCESS_RESPONSE) -> set[str]:
    return {w.code.value for w in letters.warnings(ctx, case, kind, Language.FI, OPTIONS)}


def test_warning_for_an_invalid_safeguard_in_a_register_concerned(ctx):
    case = decided_case(ctx)  # the sample register transfers to the US on 2010/87 SCCs
    assert "invalid-safeguard" in codes(ctx, case)


def test_warning_for_unverified_identity(ctx):
    case = decided_case(ctx, verified=False)
    assert "identity-not-verified" in codes(ctx, case)
    assert "identity-not-verified" not in codes(ctx, case, LetterKind.IDENTITY_REQUEST)


def test_warning_and_polite_apology_when_the_deadline_passed(ctx):
    case = decided_case(ctx, received=date(2026, 9, 1), extend=False)
    assert "deadline-passed" in codes(ctx, case)
    text = pdf_text(letters.preview(ctx, case, LetterKind.ACCESS_RESPONSE, Language.FI, OPTIONS))
    late = catalogue(Language.FI)["blocks"]["late"].split("{")[0].strip()
    assert " ".join(late.split()) in text


def test_no_deadline_warning_in_time(ctx):
    case = decided_case(ctx)
    assert "deadline-passed" not in codes(ctx, case)


# -- issuing -------------------------------------------------------------------------------


def test_issue_stores_pdf_hash_and_a_timeline_event(ctx):
    case = decided_case(ctx)
    issued = letters.issue(ctx, case, LetterKind.ACCESS_RESPONSE, Language.FI, "post", OPTIONS)
    assert issued.info.sha256 == hashlib.sha256(issued.pdf).hexdigest()
    assert "LUONNOS" not in pdf_text(issued.pdf)
    stored = letters.letter_pdf(ctx, issued.info.id)
    assert stored == issued.pdf
    [info] = letters.list_letters(ctx, case)
    assert (info.kind, info.language, info.issued_on, info.sent_via.value) == (
        LetterKind.ACCESS_RESPONSE,
        Language.FI,
        date(2026, 11, 23),
        "post",
    )
    view = rq.get_request(ctx, case)
    sent = [t for t in view["timeline"] if t["kind"] == "letter-sent"]
    assert any(json.loads(t["text"]).get("letter_id") == info.id for t in sent)
    with ctx.read() as s:
        audit = s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id.desc())).first()
        assert audit.action == "letter.issue"
        assert issued.info.sha256 in audit.after_json


def test_issuing_the_extension_letter_records_it_for_the_deadline(ctx):
    load_organisation(ctx)
    officer(ctx)
    case = rq.add_request(ctx, intake(date(2026, 11, 2)))
    rq.set_status(ctx, case, RequestStatus.IN_PROGRESS)
    with ctx.change() as tx:  # an extension decided without a letter yet
        req = rq.find_case(tx.session, case)
        req.extended_on = date(2026, 11, 23)
        req.extension_reasons = "Monimutkainen pyyntö."
        tx.audit("test", "request", req.id)
    assert rq.get_request(ctx, case)["extension_letter_sent_on"] is None
    letters.issue(ctx, case, LetterKind.EXTENSION, Language.FI)
    assert rq.get_request(ctx, case)["extension_letter_sent_on"] == "2026-11-23"


def test_issued_letter_is_immutable(ctx):
    case = decided_case(ctx)
    issued = letters.issue(ctx, case, LetterKind.ACKNOWLEDGEMENT, Language.FI)
    with pytest.raises(m.LetterImmutable), ctx.change() as tx:
        tx.session.get(m.Letter, issued.info.id).pdf = b"forged"
        tx.audit("forge", "letter", issued.info.id)
    with pytest.raises(letters.LetterImmutable):
        letters.delete_letter(ctx, issued.info.id)
    assert letters.letter_pdf(ctx, issued.info.id) == issued.pdf


@pytest.mark.parametrize(
    ("lang", "word"), [(Language.FI, "KOPIO"), (Language.SV, "KOPIA"), (Language.EN, "COPY")]
)
def test_reprint_is_stamped_in_the_letters_language_and_stored_bytes_unchanged(ctx, lang, word):
    case = decided_case(ctx)
    issued = letters.issue(ctx, case, LetterKind.RECTIFICATION, lang)
    copy = letters.reprint(ctx, issued.info.id)
    pages = PdfReader(io.BytesIO(copy)).pages
    assert len(pages) == len(PdfReader(io.BytesIO(issued.pdf)).pages)
    for page in pages:
        assert word in page.extract_text()
    assert word not in pdf_text(issued.pdf)
    assert pdf_text(issued.pdf).replace(" ", "") in pdf_text(copy).replace(" ", "").replace(
        word, ""
    )
    stored = letters.letter_pdf(ctx, issued.info.id)
    assert stored == issued.pdf
    assert hashlib.sha256(stored).hexdigest() == issued.info.sha256


def test_missing_placeholder_blocks_issuing_and_stores_nothing(ctx):
    case = decided_case(ctx)
    settings.set_value(ctx, settings.OFFICER_NAME, None)
    before = state(ctx)
    with pytest.raises(letters.LetterBlocked) as info:
        letters.issue(ctx, case, LetterKind.ACCESS_RESPONSE, Language.FI, "post", OPTIONS)
    assert "officer_name" in info.value.names
    # the message names the setting in words and where to fill it in, no key names
    assert "officer.name" not in str(info.value) and "officer_name" not in str(info.value)
    assert "Asetukset" in str(info.value)  # Edit → Settings, in the UI language
    assert isinstance(info.value, ServiceError)
    assert state(ctx) == before
    with pytest.raises(letters.LetterBlocked):
        letters.preview(ctx, case, LetterKind.ACCESS_RESPONSE, Language.FI, OPTIONS)


def test_extension_letter_without_a_recorded_extension_is_blocked(ctx):
    case = decided_case(ctx, extend=False)
    before = state(ctx)
    with pytest.raises(letters.LetterBlocked) as info:
        letters.issue(ctx, case, LetterKind.EXTENSION, Language.FI)
    assert info.value.names == ("extended_due_date",)
    assert state(ctx) == before


def test_a_posted_letter_needs_the_recipients_address(ctx):
    """A window envelope showing a bare name never reaches anyone."""
    case = decided_case(ctx, address=None)
    before = state(ctx)
    with pytest.raises(letters.LetterBlocked) as info:
        letters.issue(ctx, case, LetterKind.ACKNOWLEDGEMENT, Language.FI, "post")
    assert info.value.names == ("recipient_address",)
    assert state(ctx) == before
    issued = letters.issue(ctx, case, LetterKind.ACKNOWLEDGEMENT, Language.FI, "email")
    assert issued.info.sent_via == "email"


def test_decision_letter_for_a_right_not_requested_is_blocked(ctx):
    case = decided_case(ctx, rights=(Right.ACCESS,))
    with pytest.raises(letters.LetterBlocked) as info:
        letters.preview(ctx, case, LetterKind.ERASURE, Language.FI)
    assert "rights" in info.value.names


# -- portability ----------------------------------------------------------------------------


def test_portability_enclosure_is_valid_json_and_csv_and_archived_in_the_letter(ctx):
    case = decided_case(ctx)
    issued = letters.issue(ctx, case, LetterKind.PORTABILITY, Language.FI, "email", OPTIONS)
    files = dict(issued.enclosure_files)
    [json_name] = [n for n in files if n.endswith(".json")]
    [csv_name] = [n for n in files if n.endswith(".csv")]
    doc = json.loads(files[json_name])
    assert doc["format"] == letters.PORTABILITY_FORMAT
    assert doc["case_number"] == case
    assert doc["categories"][0] == {
        "category": "nimi",
        "records": [
            {"field": "Nimi", "value": "Matti Meikäläinen"},
            {"field": "Osoite", "value": "Kuja 1, 40100 Jyväskylä"},
        ],
    }
    rows = list(csv.reader(io.StringIO(files[csv_name].decode("utf-8-sig"))))
    assert rows[0] == ["category", "field", "value"]
    assert ["nimi", "Osoite", "Kuja 1, 40100 Jyväskylä"] in rows
    assert ["puhelutallenteet", "", "Puhelu 3.10.2026 klo 10.12 (2 min)"] in rows
    # embedded in the archived PDF, so the stored hash covers what was sent
    assert dict(letters.enclosure_files(ctx, issued.info.id)) == files
    assert catalogue(Language.FI)["labels"]["portability_enclosure"] in pdf_text(issued.pdf)


def test_portability_without_data_is_blocked(ctx):
    case = decided_case(ctx)
    with pytest.raises(letters.LetterBlocked) as info:
        letters.issue(ctx, case, LetterKind.PORTABILITY, Language.FI)
    assert info.value.names == ("portability_data",)


def test_parse_data_copy_accepts_object_and_list():
    assert letters.parse_data_copy({"nimi": "A", "osoite": ["x", "y"]}) == (
        DataCopyEntry("nimi", "A"),
        DataCopyEntry("osoite", "x\ny"),
    )
    assert letters.parse_data_copy([{"category": "nimi", "content": "A"}]) == (
        DataCopyEntry("nimi", "A"),
    )
    with pytest.raises(ServiceError):
        letters.parse_data_copy([{"content": "A"}])
    with pytest.raises(ServiceError):
        letters.parse_data_copy("nimi")


# -- templates ------------------------------------------------------------------------------


def test_template_override_is_versioned_printed_and_reset(ctx):
    case = decided_case(ctx)
    kind, lang = LetterKind.ACKNOWLEDGEMENT, Language.FI
    assert not letters.template_state(ctx, kind, lang).overridden
    v1 = letters.set_template(
        ctx, kind, lang, "Kiitos viestistänne {received_date}. Dnro {case_number}."
    )
    v2 = letters.set_template(ctx, kind, lang, "Toinen muotoilu, saapunut {received_date}.")
    assert (v1.version, v2.version) == (1, 2)
    text = pdf_text(letters.preview(ctx, case, kind, lang))
    assert "Toinen muotoilu, saapunut 2.11.2026." in text
    assert "Kiitos viestistänne" not in text
    # other languages keep their shipped wording
    assert letters.template_state(ctx, kind, Language.SV).text == template_text(kind, "sv")
    reset = letters.reset_template(ctx, kind, lang)
    assert reset.version == 3 and reset.text is None
    state_ = letters.template_state(ctx, kind, lang)
    assert not state_.overridden
    assert state_.text == template_text(kind, lang)
    assert [v.version for v in state_.versions] == [1, 2, 3]
    assert "Toinen muotoilu" not in pdf_text(letters.preview(ctx, case, kind, lang))


def test_template_with_unknown_placeholder_is_refused(ctx):
    before = state(ctx)
    with pytest.raises(ServiceError, match="dew_date"):
        letters.set_template(ctx, "extension", "fi", "Vastaamme {dew_date} mennessä.")
    with pytest.raises(ServiceError):
        letters.reset_template(ctx, "extension", "fi")
    assert state(ctx) == before


def test_unknown_kind_and_language_are_refused(ctx):
    case = decided_case(ctx)
    with pytest.raises(ServiceError, match="acknowledgement"):
        letters.preview(ctx, case, "thanks", "fi")
    with pytest.raises(ServiceError):
        letters.preview(ctx, case, "acknowledgement", "de")


def test_identity_request_asks_only_for_what_is_needed(ctx):
    case = decided_case(ctx, verified=False)
    text = pdf_text(letters.preview(ctx, case, LetterKind.IDENTITY_REQUEST, Language.FI, OPTIONS))
    for item in catalogue(Language.FI)["identity_defaults"]["needed"]:
        assert " ".join(item.split()) in text
    assert "7.12.2026" in text
    own = letters.LetterOptions(identity_needed=("Syntymäaikanne",))
    text = pdf_text(letters.preview(ctx, case, LetterKind.IDENTITY_REQUEST, Language.FI, own))
    assert "Syntymäaikanne" in text


def test_representative_gets_the_letter_about_the_data_subject(ctx):
    from tests.test_requests_helpers import represented

    load_organisation(ctx)
    officer(ctx)
    case = rq.add_request(ctx, represented())
    data = letters.prepare(ctx, case, LetterKind.ACKNOWLEDGEMENT, Language.FI).data
    assert data.recipient.name == "Liisa Asianajaja"
    assert data.data_subject_name == "Matti Meikäläinen"


def test_late_letter_dates(ctx):
    case = decided_case(ctx, received=date(2026, 9, 1), extend=False)
    data = letters.prepare(ctx, case, LetterKind.ACKNOWLEDGEMENT, Language.FI).data
    assert data.is_late
    assert data.due_date < data.issue_date
    assert data.issue_date - data.due_date < timedelta(days=60)


def test_refusal_letter_warns_when_rights_are_recorded_as_granted(ctx):
    case = decided_case(ctx)  # most rights granted: a refusal letter would contradict it
    assert "refusal-of-granted" in codes(ctx, case, LetterKind.REFUSAL)
    refused = decided_case_refused(ctx)
    assert "refusal-of-granted" not in codes(ctx, refused, LetterKind.REFUSAL)


def decided_case_refused(ctx) -> str:
    case = rq.add_request(
        ctx, intake(date(2026, 11, 3), rights=(Right.ACCESS,), name="Toinen Henkilö")
    )
    rq.record_identity(
        ctx,
        case,
        rq.IdentityInput(IdentityMethod.STRONG_EID, "Aino Virtanen", verified_on=date(2026, 11, 3)),
    )
    rq.update_request(
        ctx,
        case,
        rq.CaseUpdate(
            outcomes=(rq.OutcomeInput(Right.ACCESS, Outcome.REFUSED, "art-12-5"),),
            fee_reason="Viides samanlainen pyyntö kahden kuukauden aikana.",
        ),
    )
    return case
