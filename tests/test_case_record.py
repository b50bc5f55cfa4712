"""Issue 11 through the services: a case record the officer can correct and complete.

Corrections with reasons, several controllers per case, the three addresses, legal holds
from receipt, one action one fact, and the sanity of received dates.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from rekisteri_app.domain.enums import (
    Authority,
    Channel,
    DeliveryChoice,
    IdentityMethod,
    Language,
    LetterKind,
    Outcome,
    PauseKind,
    RequestClass,
    Right,
)
from rekisteri_app.i18n import set_language
from rekisteri_app.services import exchange, letters
from rekisteri_app.services import requests as rq
from rekisteri_app.services.context import NotFound, ServiceContext, ServiceError
from rekisteri_app.storage import models as m
from rekisteri_app.storage.audit import verify
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, FixedClock
from tests.exchange_samples import full_document
from tests.test_letter_service import officer, pdf_text
from tests.test_requests_helpers import (
    HETU,
    audit_count,
    every_stored_text,
    intake,
    load_organisation,
    represented,
    state,
)

EE, VERKKO = "Esimerkki Energia Oy", "Esimerkki Sähköverkko Oy"


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def org(ctx):
    load_organisation(ctx)
    officer(ctx)
    return ctx


def chain_ok(ctx) -> bool:
    with ctx.read() as s:
        return verify(s).ok


def correct(ctx, case: str, reason: str = "typed from the letter again", **fields):
    return rq.correct_intake(ctx, case, rq.CorrectionInput(**fields), reason)


def later(ctx, when: datetime) -> ServiceContext:
    """The same database a few days on."""
    return ServiceContext(ctx.db, actor="tester", clock=FixedClock(when))


# ------------------------------------------------------------------- corrections


def test_a_corrected_received_date_moves_the_deadline_and_says_why(org):
    case = rq.add_request(org, intake(date(2026, 11, 12)))
    assert rq.get_request(org, case)["due_date"] == "2026-12-14"  # 12 Dec is a Saturday
    before = audit_count(org)
    view = correct(org, case, "the stamp says 2 November", received_on=date(2026, 11, 2))
    assert view["received"] == "2026-11-02" and view["due_date"] == "2026-12-02"
    assert audit_count(org) == before + 1 and chain_ok(org)
    [item] = view["corrections"]
    assert (item["field"], item["before"], item["after"], item["reason"]) == (
        "received_on",
        "2026-11-12",
        "2026-11-02",
        "the stamp says 2 November",
    )
    assert item["at"].startswith("2026-11-23T09:00") and item["actor"] == "tester"
    explained = [line for line in view["rule_lines"] if line.startswith("Due date moved")]
    assert explained == [
        "Due date moved from Monday 2026-12-14 to Wednesday 2026-12-02 because the "
        "received date was corrected on Monday 2026-11-23: the stamp says 2 November"
    ]
    entry = view["timeline"][-1]
    assert entry["kind"] == "correction"
    assert "the stamp says 2 November." in entry["description"]
    assert "The due date moved from 2026-12-14 to 2026-12-02." in entry["description"]
    with org.read() as s:
        event = s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id.desc())).first()
        assert event.action == "correct"
        assert json.loads(event.before_json)["received_on"] == "2026-11-12"
        assert json.loads(event.after_json)["received_on"] == "2026-11-02"


def test_every_intake_fact_can_be_corrected_and_each_change_is_recorded(org):
    case = rq.add_request(org, represented())
    view = rq.correct_intake(
        org,
        case,
        rq.CorrectionInput(
            channel=Channel.EMAIL,
            language=Language.SV,
            description="Kopia av uppgifterna",
            subject=rq.PersonCorrection(
                name="Matti Meikäläinen-Korhonen",
                address="Uusikatu 3, 40100 Jyväskylä",
                email="matti@example.invalid",
                phone="040 123 4567",
                customer_number="A-1001",
                hetu=HETU,
            ),
            requester=rq.PersonCorrection(name="Liisa Asianajaja-Koski", phone="09 1234"),
            authority=Authority.LEGAL_COUNSEL,
            address_on_record="Kuja 1\n40100 Jyväskylä",
            delivery_address="PL 7, 00101 Helsinki",
        ),
        "verified against the customer register",
    )
    fields = {c["field"]: (c["before"], c["after"]) for c in view["corrections"]}
    assert fields == {
        "channel": ("post", "email"),
        "language": ("fi", "sv"),
        "description": (None, "Kopia av uppgifterna"),
        "subject.name": ("Matti Meikäläinen", "Matti Meikäläinen-Korhonen"),
        "subject.address": ("Kuja 1, 40100 Jyväskylä", "Uusikatu 3, 40100 Jyväskylä"),
        "subject.email": (None, "matti@example.invalid"),
        "subject.phone": (None, "040 123 4567"),
        "subject.customer_number": (None, "A-1001"),
        "subject.hetu": (None, "recorded"),
        "requester.name": ("Liisa Asianajaja", "Liisa Asianajaja-Koski"),
        "requester.phone": (None, "09 1234"),
        "authority": ("power-of-attorney", "legal-counsel"),
        "address_on_record": (None, "Kuja 1\n40100 Jyväskylä"),
        "delivery_address": (None, "PL 7, 00101 Helsinki"),
    }
    assert view["language"] == "sv" and view["channel"] == "email"
    assert view["subject"]["customer_number"] == "A-1001"
    assert view["identity_code_recorded"] is True
    assert view["address_on_record"] == "Kuja 1\n40100 Jyväskylä"
    assert view["delivery_address"] == "PL 7, 00101 Helsinki"
    assert HETU not in every_stored_text(org)  # the code itself is never stored
    # the representative turns out to be the subject's own letter after all
    view = correct(org, case, remove_requester=True, authority=Authority.SELF)
    assert view["requester"] is None and view["authority"] == "self"


def test_reclassifying_a_request_removes_or_restores_its_statutory_deadline(org):
    case = rq.add_request(org, intake())
    view = correct(org, case, "an estate asks", classification=RequestClass.NON_GDPR)
    assert view["due_date"] is None and view["urgency"] == "no-deadline"
    assert (
        "The case no longer has a due date (it was 2026-12-02)."
        in (view["timeline"][-1]["description"])
    )
    view = correct(org, case, "a living person after all", classification=RequestClass.GDPR)
    assert view["due_date"] == "2026-12-02"


def test_a_right_raised_later_is_added_with_its_date_and_one_can_be_withdrawn(org):
    case = rq.add_request(org, intake(rights=(Right.ACCESS, Right.MARKETING_BAN)))
    view = correct(
        org,
        case,
        "follow-up letter of 10 November",
        add_rights=(rq.RightRaised(Right.ERASURE, date(2026, 11, 10)),),
    )
    rights = {r["right"]: r for r in view["rights"]}
    assert rights["erasure"]["raised_on"] == "2026-11-10"
    assert rights["erasure"]["outcome"] == "pending"
    assert rights["access"]["raised_on"] is None  # with the request
    assert view["due_date"] == "2026-12-02"  # one case, one deadline from receipt
    view = correct(
        org,
        case,
        "phone call of 20 November",
        withdraw_rights=(rq.RightWithdrawn(Right.MARKETING_BAN, "I still want the newsletter"),),
    )
    assert [r["right"] for r in view["rights"]] == ["access", "erasure"]
    descriptions = [t["description"] for t in view["timeline"]]
    assert any("“I still want the newsletter”" in d for d in descriptions)
    assert view["corrections"][-1]["before"] == json.dumps(["access", "marketing-ban", "erasure"])


def test_several_controllers_are_kept_each_with_its_registers(org):
    case = rq.add_request(org, intake(controller=EE, other_controllers=(VERKKO,)))
    view = rq.get_request(org, case)
    assert [(c["name"], c["role"], c["addressed_to"]) for c in view["controllers"]] == [
        (EE, "controller", True),
        (VERKKO, "group-company", False),
    ]
    assert view["controller_name"] == EE
    assert view["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]
    assert view["controllers"][1]["registers"] == ["Asiakasrekisteri"]  # shared register


def test_controllers_and_registers_are_corrected_item_by_item(org):
    case = rq.add_request(org, intake(registers=("Asiakasrekisteri",)))
    view = correct(org, case, add_controllers=(VERKKO,))
    assert [c["name"] for c in view["controllers"]] == [EE, VERKKO]
    view = correct(org, case, addressed_to=VERKKO)
    assert view["controller_name"] == VERKKO
    assert [c["name"] for c in view["controllers"]] == [VERKKO, EE]
    view = correct(org, case, add_registers=("Markkinointirekisteri",))
    assert view["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]
    # Markkinointirekisteri is kept by Esimerkki Energia only: it leaves with it
    view = correct(org, case, remove_controllers=(EE,))
    assert [c["name"] for c in view["controllers"]] == [VERKKO]
    assert view["register_names"] == ["Asiakasrekisteri"]
    changed = [c["field"] for c in view["corrections"]]
    assert changed == [
        "controllers",  # added
        "controllers",  # reordered: the addressed one first
        "addressed_to",
        "registers",
        "controllers",  # removed
        "registers",  # with the register only it keeps
    ]


def test_issued_letters_stay_byte_identical_and_the_dialog_is_warned(org):
    case = rq.add_request(org, intake())
    issued = letters.issue(org, case, LetterKind.ACKNOWLEDGEMENT, Language.FI)
    assert "case-corrected" not in [
        w.code for w in letters.warnings(org, case, "acknowledgement", "fi")
    ]
    next_day = later(org, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    correct(next_day, case, "wrong date", received_on=date(2026, 10, 30))
    stored = letters.letter_pdf(org, issued.info.id)
    assert hashlib.sha256(stored).hexdigest() == issued.info.sha256 and stored == issued.pdf
    codes = {w.code: w.message for w in letters.warnings(next_day, case, "acknowledgement", "fi")}
    assert "received date" in codes["case-corrected"]


# ------------------------------------------------------------------- bad corrections


@pytest.mark.parametrize(
    ("fields", "reason", "message"),
    [
        ({"subject": rq.PersonCorrection(hetu="131052-308X")}, "r", "check"),
        ({"received_on": date(1899, 12, 31)}, "r", "before 1900"),
        ({"received_on": date(2026, 11, 24)}, "r", "in the future"),
        ({"received_on": date(2026, 11, 6)}, "r", "Identity was verified on 2026-11-05"),
        ({"add_controllers": ("Tuntematon Oy",)}, "r", "No controller found"),
        ({"add_registers": ("Ei ole",)}, "r", "No register found"),
        ({"remove_rights": (Right.ACCESS,)}, "r", "at least one right"),
        ({"remove_rights": (Right.ERASURE,)}, "r", "does not request"),
        ({"withdraw_rights": (rq.RightWithdrawn(Right.ACCESS, " "),)}, "r", "words"),
        ({"add_rights": (rq.RightRaised(Right.ERASURE, date(2026, 10, 1)),)}, "r", "before"),
        ({"add_rights": (rq.RightRaised(Right.ACCESS),)}, "r", "already requests"),
        ({"subject": rq.PersonCorrection(name=" ")}, "r", "cannot be emptied"),
        ({"authority": Authority.GUARDIAN}, "r", "representative"),
        ({"registers": ("Markkinointirekisteri",), "controllers": (VERKKO,)}, "r", "not kept"),
        ({"description": "same"}, " ", "reason"),
        ({}, "r", "Nothing to change"),
        ({"channel": Channel.POST}, "r", "values given are the ones recorded"),
    ],
)
def test_a_correction_that_fails_changes_nothing(org, fields, reason, message):
    case = rq.add_request(org, intake())
    rq.record_identity(
        org, case, rq.IdentityInput(IdentityMethod.STRONG_EID, "AV", date(2026, 11, 5))
    )
    before = state(org)
    with pytest.raises(ServiceError, match=message):
        rq.correct_intake(org, case, rq.CorrectionInput(**fields), reason)
    assert state(org) == before
    assert chain_ok(org)
    with org.read() as s:
        assert s.get(m.Setting, "identity.hash_key") is None  # a bad code creates no key


def test_a_decided_right_is_not_removed_silently(org):
    case = rq.add_request(org, intake(rights=(Right.ACCESS, Right.ERASURE)))
    rq.record_identity(
        org, case, rq.IdentityInput(IdentityMethod.STRONG_EID, "AV", date(2026, 11, 5))
    )
    rq.decide(org, case, rq.OutcomeInput(Right.ERASURE, Outcome.GRANTED))
    with pytest.raises(ServiceError, match="already been decided"):
        correct(org, case, remove_rights=(Right.ERASURE,))


def test_an_unknown_case_is_not_found(org):
    with pytest.raises(NotFound):
        correct(org, "2026-9999", description="x")


# ------------------------------------------------------------------- letters


def test_the_letter_comes_from_the_chosen_controller_and_names_the_others(org):
    case = rq.add_request(org, intake(other_controllers=(VERKKO,)))
    default = letters.prepare(org, case, LetterKind.ACKNOWLEDGEMENT, Language.FI).data
    assert default.organisation.name == EE and default.other_controllers == (VERKKO,)
    chosen = letters.prepare(
        org,
        case,
        LetterKind.ACKNOWLEDGEMENT,
        Language.FI,
        letters.LetterOptions(controller=VERKKO),
    ).data
    assert chosen.organisation.name == VERKKO and chosen.other_controllers == (EE,)
    text = pdf_text(letters.preview(org, case, LetterKind.ACKNOWLEDGEMENT, Language.FI))
    assert "Vastaamme myös seuraavien rekisterinpitäjien puolesta" in text and VERKKO in text
    alone = letters.LetterOptions(covered_controllers=())
    text = pdf_text(letters.preview(org, case, LetterKind.ACKNOWLEDGEMENT, Language.FI, alone))
    assert VERKKO not in text
    with pytest.raises(ServiceError, match="not a controller of case"):
        letters.prepare(
            org,
            case,
            LetterKind.ACKNOWLEDGEMENT,
            Language.FI,
            letters.LetterOptions(controller="Muu Oy"),
        )


def test_a_differing_delivery_address_must_be_confirmed_and_the_choice_is_recorded(org):
    case = rq.add_request(
        org,
        intake(
            address="Kuja 1, 40100 Jyväskylä",
            address_on_record="Kuja 1\n40100 Jyväskylä",  # the same, written differently
        ),
    )
    assert rq.get_request(org, case)["delivery_differs"] is False
    correct(
        org,
        case,
        "the letter asks for the summer cottage",
        delivery_address="Mökkitie 9, 41800 Korpilahti",
    )
    assert rq.get_request(org, case)["delivery_differs"] is True
    codes = [w.code for w in letters.warnings(org, case, "acknowledgement", "fi")]
    assert "delivery-unconfirmed" in codes
    before = state(org)
    with pytest.raises(ServiceError, match="confirm where the letter goes"):
        letters.issue(org, case, LetterKind.ACKNOWLEDGEMENT, Language.FI)
    assert state(org) == before
    kept = letters.issue(
        org,
        case,
        LetterKind.ACKNOWLEDGEMENT,
        Language.FI,
        options=letters.LetterOptions(deliver_to=DeliveryChoice.ON_RECORD),
    )
    text = pdf_text(kept.pdf)
    assert "40100 Jyväskylä" in text and "Korpilahti" not in text
    asked = letters.issue(
        org,
        case,
        LetterKind.ACKNOWLEDGEMENT,
        Language.FI,
        options=letters.LetterOptions(deliver_to=DeliveryChoice.REQUESTED),
    )
    assert "41800 Korpilahti" in pdf_text(asked.pdf)
    choices = [t for t in rq.get_request(org, case)["timeline"] if t["kind"] == "delivery-address"]
    assert [json.loads(t["text"])["choice"] for t in choices] == ["on-record", "requested"]
    assert "the address on the controller's records" in choices[0]["description"]


def test_on_record_is_refused_when_no_address_is_on_record(org):
    case = rq.add_request(org, intake())
    on_record = letters.LetterOptions(deliver_to=DeliveryChoice.ON_RECORD)
    with pytest.raises(ServiceError, match="no address on record"):
        letters.issue(org, case, LetterKind.ACKNOWLEDGEMENT, Language.FI, options=on_record)


def test_an_intake_document_lists_every_controller(org):
    data = {
        "received_on": "2026-11-02",
        "channel": "post",
        "language": "fi",
        "rights": ["access"],
        "subject": {"name": "Matti"},
        "controllers": [{"controller": "controller-2"}, EE],
        "address_on_record": "Kuja 1",
    }
    case = rq.add_request(org, rq.intake_from_dict(data))
    view = rq.get_request(org, case)
    assert [(c["name"], c["addressed_to"]) for c in view["controllers"]] == [
        (VERKKO, True),
        (EE, False),
    ]
    assert view["address_on_record"] == "Kuja 1"


def test_issuing_an_identity_request_starts_the_pause_and_the_reply_ends_it(org):
    case = rq.add_request(org, intake(date(2026, 11, 12)))
    letters.issue(org, case, LetterKind.IDENTITY_REQUEST, Language.FI)
    view = rq.get_request(org, case)
    assert [(p["kind"], p["asked_on"], p["received_on"]) for p in view["pauses"]] == [
        ("identity", "2026-11-23", None)
    ]
    assert view["status"] == "awaiting" and view["due_date"] is None
    # a reminder does not open a second pause
    letters.issue(org, case, LetterKind.IDENTITY_REQUEST, Language.FI)
    assert len(rq.get_request(org, case)["pauses"]) == 1
    view = rq.update_request(
        later(org, datetime(2026, 11, 26, 9, tzinfo=UTC)),
        case,
        rq.CaseUpdate(identity_received=date(2026, 11, 26)),
    )
    assert view["status"] == "in-progress"
    assert view["due_date"] == "2026-12-15"  # 12 Dec + 3 days stopped = 15 Dec
    assert chain_ok(org)


def test_unticking_the_pause_issues_the_letter_alone_or_asks_for_a_clarification(org):
    case = rq.add_request(org, intake())
    letters.issue(
        org,
        case,
        LetterKind.IDENTITY_REQUEST,
        Language.FI,
        options=letters.LetterOptions(pause=None),
    )
    assert rq.get_request(org, case)["pauses"] == []
    letters.issue(
        org,
        case,
        LetterKind.IDENTITY_REQUEST,
        Language.FI,
        options=letters.LetterOptions(pause=PauseKind.CLARIFICATION),
    )
    assert [p["kind"] for p in rq.get_request(org, case)["pauses"]] == ["clarification"]


def test_withdrawing_the_whole_request_closes_the_case(org):
    case = rq.add_request(org, intake())
    view = rq.update_request(org, case, rq.CaseUpdate(withdrawn=True))
    assert view["status"] == "closed" and view["closed_on"] == "2026-11-23"
    assert "The request was withdrawn." in view["timeline"][-1]["description"]


# ------------------------------------------------------------------- dates


def test_an_old_received_date_needs_confirmation_and_is_shown_as_such(org):
    before = state(org)
    with pytest.raises(rq.NeedsConfirmation, match="before 25 May 2018") as caught:
        rq.add_request(org, intake(date(2018, 5, 24)))
    assert len(caught.value.reasons) == 2  # before the GDPR and over a year ago
    assert state(org) == before
    case = rq.add_request(org, intake(date(2018, 5, 24)), confirmed=True)
    view = rq.get_request(org, case)
    assert len(view["received_date_notes"]) == 2
    assert "Confirmed although it is before the GDPR applied" in view["timeline"][0]["description"]
    with pytest.raises(rq.NeedsConfirmation, match="more than a year"):
        rq.add_request(org, intake(date(2025, 11, 22)))
    assert rq.add_request(org, intake(date(2025, 11, 23)))  # exactly a year: plausible


def test_a_corrected_received_date_is_checked_the_same_way(org):
    case = rq.add_request(org, intake())
    with pytest.raises(rq.NeedsConfirmation):
        correct(org, case, received_on=date(2016, 11, 2))
    view = rq.correct_intake(
        org, case, rq.CorrectionInput(received_on=date(2016, 11, 2)), "old letter", confirmed=True
    )
    assert view["received"] == "2016-11-02" and view["received_date_notes"]
    with pytest.raises(ServiceError, match="before 1900"):
        rq.add_request(org, intake(date(1899, 1, 1)), confirmed=True)
    document = {
        "received_on": "0001-01-01",
        "channel": "post",
        "language": "fi",
        "rights": ["access"],
        "subject": {"name": "Matti"},
    }
    with pytest.raises(ServiceError, match="before 1900"):
        rq.intake_from_dict(document)


# ------------------------------------------------------------------- holds


def test_a_hold_is_effective_from_receipt_and_follows_a_corrected_date(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    view = rq.update_request(org, case, rq.CaseUpdate(holds=(rq.HoldInput("puhelutallenteet"),)))
    [hold] = view["legal_holds"]
    assert (hold["placed_on"], hold["effective_from"]) == ("2026-11-23", "2026-11-02")
    assert "effective from 2026-11-02" in view["timeline"][-1]["description"]
    view = correct(org, case, received_on=date(2026, 10, 30))
    assert view["legal_holds"][0]["effective_from"] == "2026-10-30"


def test_the_dashboard_lists_holds_whose_data_would_expire_before_the_due_date(org):
    held = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.update_request(org, held, rq.CaseUpdate(holds=(rq.HoldInput("puhelutallenteet"),)))
    names = rq.add_request(org, intake(date(2026, 11, 3), name="Toinen"))
    rq.update_request(org, names, rq.CaseUpdate(holds=(rq.HoldInput("nimi"),)))
    free = rq.add_request(org, intake(date(2026, 11, 4), name="Kolmas"))
    rq.update_request(org, free, rq.CaseUpdate(holds=(rq.HoldInput("sähköpostiosoite"),)))
    found = [h.to_json() for h in rq.holds_at_risk(org)]
    # call recordings (1 year): those of 2 Nov - 1 Dec 2025 would go before 2 Dec 2026;
    # names (10 years); the e-mail category has no rule with a period: not listed
    assert found == [
        {
            "case_number": held,
            "category": "puhelutallenteet",
            "effective_from": "2026-11-02",
            "due_date": "2026-12-02",
            "period_value": 1,
            "period_unit": "years",
            "records_from": "2025-11-02",
            "records_before": "2025-12-02",
        },
        {
            "case_number": names,
            "category": "nimi",
            "effective_from": "2026-11-03",
            "due_date": "2026-12-03",
            "period_value": 10,
            "period_unit": "years",
            "records_from": "2016-11-03",
            "records_before": "2016-12-03",
        },
    ]
    rq.update_request(org, held, rq.CaseUpdate(releases=("puhelutallenteet",)))
    assert [h.case_number for h in rq.holds_at_risk(org)] == [names]


# ------------------------------------------------------------------- split


def test_a_letter_to_two_companies_is_split_into_two_cross_referenced_cases(org):
    case = rq.add_request(org, intake(other_controllers=(VERKKO,), hetu=HETU))
    before = audit_count(org)
    new = rq.split_case(org, case, (VERKKO,), "the network company answers itself")
    assert new == "2026-0002" and audit_count(org) == before + 2 and chain_ok(org)
    old, split = rq.get_request(org, case), rq.get_request(org, new)
    assert [c["name"] for c in old["controllers"]] == [EE]
    assert [c["name"] for c in split["controllers"]] == [VERKKO]
    assert split["register_names"] == ["Asiakasrekisteri"]
    assert old["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]
    assert (split["received"], split["subject"]["name"], split["status"]) == (
        "2026-11-02",
        "Matti Meikäläinen",
        "received",
    )
    assert split["identity_code_recorded"] is True
    assert split["due_date"] == old["due_date"] == "2026-12-02"
    assert "moved to case 2026-0002" in old["timeline"][-1]["description"]
    assert "Split from case 2026-0001" in split["timeline"][-1]["description"]
    with pytest.raises(ServiceError, match="At least one controller"):
        rq.split_case(org, case, (EE,), "r")
    with pytest.raises(ServiceError, match="reason"):
        rq.split_case(org, case, (VERKKO,), "")


# ------------------------------------------------------------------- exchange


def test_the_new_fields_round_trip_through_export_and_import(org, tmp_path):
    case = rq.add_request(
        org,
        intake(other_controllers=(VERKKO,), address_on_record="Kuja 1", delivery_address="PL 7"),
    )
    correct(org, case, add_rights=(rq.RightRaised(Right.ERASURE, date(2026, 11, 10)),))
    rq.update_request(org, case, rq.CaseUpdate(holds=(rq.HoldInput("puhelutallenteet"),)))
    first = exchange.export_json(org)
    req = json.loads(first)["requests"][0]
    assert [c["role"] for c in req["controllers"]] == ["controller", "group-company"]
    assert req["corrections"][0]["field"] == "rights"
    assert (req["address_on_record"], req["delivery_address"]) == ("Kuja 1", "PL 7")
    assert req["rights"][1]["raised_on"] == "2026-11-10"
    assert req["legal_holds"][0]["effective_from"] == "2026-11-02"
    other = ServiceContext(Database.create(tmp_path / "o.db", PASSPHRASE), actor="t")
    exchange.import_document(other, json.loads(first))
    assert exchange.export_json(other) == first
    other.db.close()


def test_a_document_from_before_several_controllers_is_read_as_one(ctx):
    doc = copy.deepcopy(full_document())
    assert "controllers" not in doc["requests"][0]
    exchange.import_document(ctx, doc)
    view = rq.get_request(ctx, "2026-0001")
    assert [(c["name"], c["addressed_to"]) for c in view["controllers"]] == [(EE, True)]
    assert view["legal_holds"][0]["effective_from"] == "2026-11-03"  # as placed
