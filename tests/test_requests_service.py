"""Rights requests through the service layer: intake, identity, deadlines, workflow."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from rekisteri_app.domain.enums import (
    Authority,
    IdentityMethod,
    LetterKind,
    Outcome,
    RequestClass,
    RequestStatus,
    Right,
)
from rekisteri_app.domain.identity_code import IdentityDocument, identity_code_hash
from rekisteri_app.i18n import set_language
from rekisteri_app.services import requests as rq
from rekisteri_app.services import settings
from rekisteri_app.services.context import NotFound, ServiceError
from rekisteri_app.storage import models as m
from tests.test_requests_helpers import (
    HETU,
    audit_count,
    every_stored_text,
    intake,
    load_organisation,
    represented,
    state,
)


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def org(ctx):
    load_organisation(ctx)
    return ctx


def verified(on: date = date(2026, 11, 5)) -> rq.IdentityInput:
    return rq.IdentityInput(IdentityMethod.STRONG_EID, "Aino Virtanen", on)


def in_progress(ctx, case: str) -> None:
    rq.record_identity(ctx, case, verified())


# ----------------------------------------------------------------------- intake


def test_intake_numbers_cases_per_receipt_year_and_logs_separately(org):
    first = rq.add_request(org, intake(date(2026, 11, 2)))
    second = rq.add_request(org, intake(date(2026, 11, 3)))
    older = rq.add_request(org, intake(date(2025, 12, 30)))
    assert (first, second, older) == ("2026-0001", "2026-0002", "2025-0001")
    view = rq.get_request(org, first)
    assert view["received"] == "2026-11-02"
    assert view["logged_at"].startswith("2026-11-23T09:00")  # ctx.now(), not the receipt


def test_the_case_number_prefix_comes_from_settings_and_the_sequence_continues(org):
    rq.add_request(org, intake())
    settings.set_value(org, settings.CASE_PREFIX, "ts")
    assert rq.add_request(org, intake()) == "TS-2026-0002"
    with pytest.raises(ServiceError):
        settings.set_value(org, settings.CASE_PREFIX, "T-S")


def test_registers_default_to_every_register_of_the_controller(org):
    case = rq.add_request(org, intake())
    view = rq.get_request(org, case)
    assert view["controller_name"] == "Esimerkki Energia Oy"
    assert view["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]
    only = rq.add_request(org, intake(registers=("Markkinointirekisteri",)))
    assert rq.get_request(org, only)["register_names"] == ["Markkinointirekisteri"]


def test_without_a_named_controller_the_organisation_itself_is_meant(org):
    """Group companies: an unaddressed request goes to the organisation named in settings."""
    settings.set_value(org, settings.ORGANISATION_NAME, "")
    unnamed = rq.get_request(org, rq.add_request(org, intake(controller=None)))
    assert unnamed["controller_name"] is None and unnamed["register_names"] == []
    settings.set_value(org, settings.ORGANISATION_NAME, "Esimerkki Energia Oy")
    view = rq.get_request(org, rq.add_request(org, intake(controller=None)))
    assert view["controller_name"] == "Esimerkki Energia Oy"
    assert view["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]


@pytest.mark.parametrize(
    "change",
    [
        {"registers": ("Ei ole",)},
        {"controller": "Tuntematon Oy"},
        {"controller": "Esimerkki Sähköverkko Oy", "registers": ("Markkinointirekisteri",)},
        {"received": date(2026, 11, 24)},  # tomorrow
        {"rights": ()},
        {"rights": (Right.ACCESS, Right.ACCESS)},
        {"hetu": "131052-308X"},
        {"authority": Authority.GUARDIAN},  # no requester named
    ],
)
def test_bad_intake_is_refused_and_stores_nothing(org, change):
    before = state(org)
    received = change.pop("received", date(2026, 11, 2))
    with pytest.raises(ServiceError):
        rq.add_request(org, intake(received, **change))
    assert state(org) == before
    with org.read() as s:
        assert s.get(m.Setting, settings.IDENTITY_HASH_KEY) is None


def test_intake_stores_subject_requester_authority_and_attachments(org):
    scan = b"%PDF-1.4 scanned letter"
    case = rq.add_request(
        org,
        represented(
            authority_checked_on=date(2026, 11, 4),
            description="Kirje ja valtakirja",
            attachments=(rq.AttachmentInput("kirje.pdf", scan),),
        ),
    )
    view = rq.get_request(org, case)
    assert view["subject"]["name"] == "Matti Meikäläinen"
    assert view["requester"]["name"] == "Liisa Asianajaja"
    assert view["authority"] == "power-of-attorney"
    assert view["authority_checked_on"] == "2026-11-04"
    [att] = view["attachments"]
    assert (att["filename"], att["media_type"], att["size"]) == (
        "kirje.pdf",
        "application/pdf",
        len(scan),
    )
    assert att["sha256"] == hashlib.sha256(scan).hexdigest()
    assert rq.attachment_content(org, case, att["id"]) == ("kirje.pdf", "application/pdf", scan)


def test_each_use_case_appends_exactly_one_audit_event(org):
    n = audit_count(org)
    case = rq.add_request(org, intake())
    assert audit_count(org) == n + 1
    rq.update_request(
        org, case, rq.CaseUpdate(identity=verified(), clarification_asked=date(2026, 11, 6))
    )
    assert audit_count(org) == n + 2
    rq.add_note(org, case, "Soitettu asiakkaalle")
    assert audit_count(org) == n + 3


# ------------------------------------------------------------------- identity code


def test_identity_code_is_stored_only_as_a_keyed_hash(org, db_path):
    case = rq.add_request(org, intake(hetu=HETU))
    other = rq.add_request(org, intake(name="Maija Muu", address="Tie 3"))
    rq.update_request(
        org,
        other,
        rq.CaseUpdate(
            identity=rq.IdentityInput(
                IdentityMethod.IN_PERSON_DOCUMENT,
                "AV",
                date(2026, 11, 20),
                IdentityDocument.PASSPORT,
                "1234",
                hetu="010101A123N",
            )
        ),
    )
    with org.read() as s:
        key = bytes.fromhex(s.get(m.Setting, settings.IDENTITY_HASH_KEY).value)
        req = rq.find_case(s, case)
        assert req.subject.hetu_hash == identity_code_hash(HETU, key)
        audit = " ".join(f"{e.before_json} {e.after_json}" for e in s.scalars(select(m.AuditEvent)))
    stored = every_stored_text(org)
    org.db.close()
    raw = db_path.read_bytes()
    for code in (HETU, "010101A123N"):
        for form in (code, code.lower(), code.replace("-", "").replace("A", "")):
            assert form not in stored
            assert form.encode() not in raw
            assert form not in audit
    assert key.hex() not in audit
    assert "hetu" not in audit


def test_an_invalid_identity_code_on_update_changes_nothing(org):
    case = rq.add_request(org, intake())
    before = state(org)
    with pytest.raises(ServiceError, match="check character"):
        rq.update_request(org, case, rq.CaseUpdate(hetu="131052-308X"))
    with pytest.raises(ServiceError, match="birth date"):
        rq.update_request(
            org,
            case,
            rq.CaseUpdate(
                identity=rq.IdentityInput(
                    IdentityMethod.STRONG_EID, "AV", date(2026, 11, 5), hetu="320152-308T"
                )
            ),
        )
    assert state(org) == before


def test_identity_verification_keeps_minimised_evidence_and_starts_work(org):
    case = rq.add_request(org, intake())
    view = rq.record_identity(
        org,
        case,
        rq.IdentityInput(
            IdentityMethod.IN_PERSON_DOCUMENT,
            "Aino Virtanen",
            date(2026, 11, 5),
            IdentityDocument.DRIVING_LICENCE,
            "ab12",
        ),
    )
    [check] = view["identity_checks"]
    assert check == {
        "method": "in-person-document",
        "verified_by": "Aino Virtanen",
        "verified_on": "2026-11-05",
        "document_type": "driving-licence",
        "document_last4": "AB12",
        "note": None,
    }
    assert view["status"] == "in-progress"
    with pytest.raises(ServiceError, match="four"):
        rq.record_identity(
            org,
            case,
            rq.IdentityInput(
                IdentityMethod.IN_PERSON_DOCUMENT,
                "AV",
                date(2026, 11, 5),
                IdentityDocument.PASSPORT,
                "XY1234567",
            ),
        )


# ----------------------------------------------------------------------- deadlines


def test_identity_pause_suspends_the_clock_and_shows_on_the_dashboard(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    view = rq.update_request(org, case, rq.CaseUpdate(identity_asked=date(2026, 11, 4)))
    assert view["status"] == "awaiting"
    assert view["due_date"] is None and view["suspended"]
    assert view["urgency"] == "suspended"
    assert [r.case_number for r in rq.dashboard(org).awaiting_identity] == [case]
    view = rq.update_request(org, case, rq.CaseUpdate(identity_received=date(2026, 11, 14)))
    assert view["status"] == "in-progress"
    # 2 December + 10 days = Saturday 12 December → Monday 14 December 2026
    assert view["due_date"] == "2026-12-14"
    assert "Clock stopped for 10 days" in view["rule"]
    assert rq.dashboard(org).awaiting_identity == ()


def test_the_pause_policy_setting_changes_every_deadline(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.update_request(
        org,
        case,
        rq.CaseUpdate(
            clarification_asked=date(2026, 11, 4), clarification_received=date(2026, 11, 14)
        ),
    )
    assert rq.get_request(org, case)["due_date"] == "2026-12-14"
    settings.set_value(org, settings.PAUSE_POLICY, "none")
    assert rq.get_request(org, case)["due_date"] == "2026-12-02"
    settings.set_value(org, settings.PAUSE_POLICY, "restart")
    assert rq.get_request(org, case)["due_date"] == "2026-12-14"  # 14.12. is a Monday
    with pytest.raises(ServiceError):
        settings.set_value(org, settings.PAUSE_POLICY, "sometimes")


@pytest.mark.parametrize(
    "update, message",
    [
        (rq.CaseUpdate(identity_received=date(2026, 11, 5)), "No identity proof"),
        (rq.CaseUpdate(identity_asked=date(2026, 10, 1)), "before the request"),
        (rq.CaseUpdate(identity_asked=date(2026, 11, 30)), "future"),
        (
            rq.CaseUpdate(identity_asked=date(2026, 11, 10), identity_received=date(2026, 11, 9)),
            "before the question",
        ),
    ],
)
def test_impossible_pauses_are_refused(org, update, message):
    case = rq.add_request(org, intake())
    before = state(org)
    with pytest.raises(ServiceError, match=message):
        rq.update_request(org, case, update)
    assert state(org) == before


def test_extension_needs_work_in_progress_reasons_and_a_timely_letter(org):
    case = rq.add_request(org, intake(date(2026, 10, 20)))  # due Friday 20 Nov 2026
    ext = rq.ExtensionInput("Useita rekistereitä", date(2026, 11, 18))
    with pytest.raises(ServiceError, match="cannot move"):
        rq.extend(org, case, ext)
    in_progress(org, case)
    with pytest.raises(ServiceError, match="after the deadline"):
        rq.extend(org, case, rq.ExtensionInput("Myöhässä", date(2026, 11, 23)))
    with pytest.raises(ServiceError, match="reasons"):
        rq.extend(org, case, rq.ExtensionInput("  ", date(2026, 11, 18)))
    view = rq.extend(org, case, ext)
    assert view["status"] == "extended"
    assert (view["due_date"], view["extended_due_date"]) == ("2026-11-20", "2027-01-20")
    assert view["extension_letter_sent_on"] == "2026-11-18"
    assert "Extended by two further months" in view["rule"]
    kinds = [t["kind"] for t in view["timeline"]]
    assert "extension" in kinds and "letter-sent" in kinds
    with pytest.raises(ServiceError, match="already"):
        rq.extend(org, case, ext)


def test_an_issued_extension_letter_counts_as_the_letter(org):
    case = rq.add_request(org, intake(date(2026, 10, 20)))
    in_progress(org, case)
    rq.extend(org, case, rq.ExtensionInput("Laaja aineisto", date(2026, 11, 19)))
    with org.change() as tx:  # what the letters service will do
        req = rq.find_case(tx.session, case)
        req.letters.append(
            m.Letter(
                kind=LetterKind.EXTENSION.value,
                language="fi",
                issued_on=date(2026, 11, 19),
                sent_via="post",
                pdf=b"%PDF",
                sha256="0" * 64,
                created_at=datetime(2026, 11, 17),
            )
        )
        req.events.clear()
        tx.audit("test", "request", case)
    view = rq.get_request(org, case)
    assert view["extension_letter_sent_on"] == "2026-11-19"
    assert view["deadline_problem"] is None
    assert view["extended_due_date"] == "2027-01-20"


def test_non_gdpr_requests_have_no_statutory_deadline(org):
    case = rq.add_request(org, intake(classification=RequestClass.NON_GDPR))
    view = rq.get_request(org, case)
    assert view["due_date"] is None and view["urgency"] == "no-deadline"
    assert "Not a GDPR request" in view["rule"]
    in_progress(org, case)
    with pytest.raises(ServiceError, match="outside the GDPR"):
        rq.extend(org, case, rq.ExtensionInput("x", date(2026, 11, 20)))


# ----------------------------------------------------------------------- workflow


@pytest.mark.parametrize(
    "steps, target",
    [
        ((), RequestStatus.ANSWERED),
        ((), RequestStatus.EXTENDED),
        ((), RequestStatus.RECEIVED),
        ((), RequestStatus.CLOSED),  # a GDPR request closes unanswered only when withdrawn
        ((RequestStatus.IN_PROGRESS,), RequestStatus.RECEIVED),
        ((RequestStatus.IN_PROGRESS,), RequestStatus.ANSWERED),  # rights not decided yet
    ],
)
def test_illegal_transitions_are_refused_with_the_reason(org, steps, target):
    case = rq.add_request(org, intake())
    for step in steps:
        rq.set_status(org, case, step)
    before = state(org)
    with pytest.raises(ServiceError) as info:
        rq.set_status(org, case, target)
    assert str(info.value)
    assert state(org) == before


def test_a_case_runs_through_the_workflow_to_closed(org):
    case = rq.add_request(org, intake(rights=(Right.ACCESS, Right.ERASURE)))
    in_progress(org, case)
    rq.update_request(
        org,
        case,
        rq.CaseUpdate(
            outcomes=(
                rq.OutcomeInput(Right.ACCESS, Outcome.GRANTED),
                rq.OutcomeInput(Right.ERASURE, Outcome.PARTLY, "art-17-3-b", "kirjanpito"),
            )
        ),
    )
    view = rq.set_status(org, case, RequestStatus.ANSWERED)
    assert view["answered_on"] == "2026-11-23"
    view = rq.update_request(org, case, rq.CaseUpdate(close=True))
    assert (view["status"], view["closed_on"]) == ("closed", "2026-11-23")
    with pytest.raises(ServiceError, match="closed"):
        rq.record_identity(org, case, verified())
    rq.add_note(org, case, "Arkistoitu")  # notes are still allowed
    statuses = [
        json.loads(t["text"])["to"]
        for t in rq.get_request(org, case)["timeline"]
        if t["kind"] == "status"
    ]
    assert statuses == ["in-progress", "answered", "closed"]


def test_a_withdrawn_request_closes_unanswered(org):
    case = rq.add_request(org, intake())
    view = rq.set_status(org, case, RequestStatus.CLOSED, withdrawn=True)
    assert view["status"] == "closed"


@pytest.mark.parametrize(
    "outcome, message",
    [
        (rq.OutcomeInput(Right.ACCESS, Outcome.REFUSED), "legal ground"),
        (rq.OutcomeInput(Right.ACCESS, Outcome.REFUSED, "art-17-3-b"), "cannot be cited"),
        (rq.OutcomeInput(Right.ACCESS, Outcome.GRANTED, "art-15-4"), "partly"),
        (rq.OutcomeInput(Right.ACCESS, Outcome.REFUSED, "no-such"), "Unknown legal ground"),
        (rq.OutcomeInput(Right.ERASURE, Outcome.GRANTED), "does not request"),
        (rq.OutcomeInput(Right.ACCESS, Outcome.REFUSED, "art-12-5"), "fee reason"),
    ],
)
def test_decisions_need_a_fitting_legal_ground(org, outcome, message):
    case = rq.add_request(org, intake())
    before = state(org)
    with pytest.raises(ServiceError, match=message):
        rq.decide(org, case, outcome)
    assert state(org) == before


def test_an_art_12_5_refusal_is_accepted_with_the_officers_reason(org):
    case = rq.add_request(org, intake())
    view = rq.update_request(
        org,
        case,
        rq.CaseUpdate(
            fee_reason="Kolmas samanlainen pyyntö kuukauden sisällä",
            outcomes=(rq.OutcomeInput(Right.ACCESS, Outcome.REFUSED, "art-12-5", "toistuva"),),
        ),
    )
    [right] = view["rights"]
    assert (right["outcome"], right["legal_ground"], right["decided_on"]) == (
        "refused",
        "art-12-5",
        "2026-11-23",
    )
    assert view["fee_reason"].startswith("Kolmas")


def test_erasure_is_decided_per_data_category(org):
    case = rq.add_request(org, intake(rights=(Right.ERASURE,), registers=("Asiakasrekisteri",)))
    view = rq.update_request(
        org,
        case,
        rq.CaseUpdate(
            erasures=(
                rq.ErasureInput("Puhelutallenteet", True),
                rq.ErasureInput("nimi", False, date(2036, 11, 20), "art-17-3-b", "kirjanpitolaki"),
            )
        ),
    )
    erasures = {e["category_name"]: e for e in view["rights"][0]["erasures"]}
    assert erasures["puhelutallenteet"]["erased"] is True
    assert erasures["nimi"]["kept_until"] == "2036-11-20"
    assert erasures["nimi"]["data_category"].startswith("category-")
    for bad, message in (
        (rq.ErasureInput("kengännumero", True), "No data category"),
        (rq.ErasureInput("nimi", False, date(2036, 1, 1)), "legal ground"),
        (rq.ErasureInput("nimi", False, date(2036, 1, 1), "art-15-4"), "cannot be cited"),
        (rq.ErasureInput("nimi", False, date(2020, 1, 1), "art-17-3-b"), "passed"),
    ):
        with pytest.raises(ServiceError, match=message):
            rq.update_request(org, case, rq.CaseUpdate(erasures=(bad,)))
    # deciding a category again replaces the earlier decision
    view = rq.update_request(org, case, rq.CaseUpdate(erasures=(rq.ErasureInput("nimi", True),)))
    assert sorted((e["category_name"], e["erased"]) for e in view["rights"][0]["erasures"]) == [
        ("nimi", True),
        ("puhelutallenteet", True),
    ]


def test_art_19_list_comes_from_the_registers_recipients(org):
    access = rq.add_request(org, intake())
    assert rq.art19_recipients(org, access) == []
    erasure = rq.add_request(org, intake(rights=(Right.ERASURE, Right.ACCESS)))
    names = {(n.register, n.name) for n in rq.art19_recipients(org, erasure)}
    assert names == {
        ("Asiakasrekisteri", "Viranomaiset"),
        ("Markkinointirekisteri", "Postitus Inc."),
    }
    rq.decide(org, erasure, rq.OutcomeInput(Right.ERASURE, Outcome.REFUSED, "art-17-1-not-met"))
    assert rq.art19_recipients(org, erasure) == []


def test_legal_holds_are_placed_and_released_even_after_closing(org):
    case = rq.add_request(org, intake(registers=("Asiakasrekisteri",)))
    view = rq.update_request(
        org, case, rq.CaseUpdate(holds=(rq.HoldInput("puhelutallenteet", "riita-asia"),))
    )
    [hold] = view["legal_holds"]
    assert (hold["category_name"], hold["placed_on"], hold["released_on"], hold["reason"]) == (
        "puhelutallenteet",
        "2026-11-23",
        None,
        "riita-asia",
    )
    with pytest.raises(ServiceError, match="already on legal hold"):
        rq.update_request(org, case, rq.CaseUpdate(holds=(rq.HoldInput("puhelutallenteet"),)))
    rq.set_status(org, case, RequestStatus.CLOSED, withdrawn=True)
    view = rq.update_request(org, case, rq.CaseUpdate(releases=("Puhelutallenteet",)))
    assert view["legal_holds"][0]["released_on"] == "2026-11-23"
    with pytest.raises(ServiceError, match="not on legal hold"):
        rq.update_request(org, case, rq.CaseUpdate(releases=("puhelutallenteet",)))


# ----------------------------------------------------------------- repeats, timeline


def test_repeat_requests_are_shown_with_the_earlier_cases(org):
    first = rq.add_request(org, intake(date(2025, 12, 1)))
    too_old = rq.add_request(org, intake(date(2025, 11, 1)), confirmed=True)  # > a year ago
    stranger = rq.add_request(org, intake(date(2026, 1, 10), name="Maija Muu"))
    current = rq.add_request(
        org, intake(date(2026, 11, 2), name="meikäläinen, matti", address="KUJA 1 40100 Jyväskylä")
    )
    repeats = rq.get_request(org, current)["repeats"]
    assert [r["case_number"] for r in repeats] == [first]
    assert repeats[0]["basis"] == "name-and-address"
    assert repeats[0]["shared_rights"] == ["access"]
    assert too_old not in json.dumps(repeats) and stranger not in json.dumps(repeats)
    # nothing is charged or refused automatically
    view = rq.get_request(org, current)
    assert view["fee_reason"] is None and view["rights"][0]["outcome"] == "pending"


def test_identity_code_hashes_match_across_addresses(org):
    first = rq.add_request(org, intake(date(2026, 3, 1), address="Vanha tie 1", hetu=HETU))
    current = rq.add_request(org, intake(date(2026, 11, 2), address="Uusi tie 9"))
    assert rq.get_request(org, current)["repeats"] == []
    rq.update_request(org, current, rq.CaseUpdate(hetu=HETU))
    [match] = rq.get_request(org, current)["repeats"]
    assert (match["case_number"], match["basis"]) == (first, "identity-code")


def test_notes_and_events_make_the_timeline(org):
    case = rq.add_request(org, represented())
    rq.add_note(org, case, "Valtakirja tarkistettu puhelimessa")
    with pytest.raises(ServiceError):
        rq.add_note(org, case, "   ")
    with pytest.raises(NotFound):
        rq.add_note(org, "2026-9999", "x")
    timeline = rq.get_request(org, case)["timeline"]
    assert [t["kind"] for t in timeline] == ["intake", "note"]
    assert timeline[1]["description"] == "Valtakirja tarkistettu puhelimessa"
    assert timeline[0]["actor"] == "tester"
    assert timeline[0]["local"] == "2026-11-23 11:00"  # 09:00 UTC in Helsinki


def test_free_text_events_from_an_import_are_shown_as_they_are():
    assert rq.describe_event("intake", "Pyyntö kirjattu") == "Pyyntö kirjattu"


# ----------------------------------------------------------------------- dashboard


def test_dashboard_buckets_and_counts(org):
    overdue = rq.add_request(org, intake(date(2026, 10, 1), name="A"))  # due 2 Nov
    soon = rq.add_request(org, intake(date(2026, 10, 26), name="B"))  # due 26 Nov
    later = rq.add_request(org, intake(date(2026, 11, 20), name="C"))  # due 21 Dec
    waiting = rq.add_request(org, intake(date(2026, 11, 10), name="D"))
    rq.update_request(org, waiting, rq.CaseUpdate(identity_asked=date(2026, 11, 11)))
    other = rq.add_request(
        org, intake(date(2026, 9, 1), name="E", classification=RequestClass.NON_GDPR)
    )
    done = rq.add_request(org, intake(date(2026, 9, 1), name="F"))
    rq.set_status(org, done, RequestStatus.CLOSED, withdrawn=True)
    board = rq.dashboard(org)
    assert [r.case_number for r in board.overdue] == [overdue]
    assert [r.case_number for r in board.due_soon] == [soon]
    assert board.overdue[0].days_left == -21 and board.due_soon[0].days_left == 3
    assert [r.case_number for r in board.awaiting_identity] == [waiting]
    assert [r.case_number for r in board.open_cases] == [overdue, soon, later, waiting, other]
    assert board.counts == {
        "received": 4,
        "awaiting": 1,
        "in-progress": 0,
        "extended": 0,
        "answered": 0,
        "closed": 1,
    }
    assert json.loads(json.dumps(board.to_json()))["counts"]["closed"] == 1


def test_list_filters_by_status_and_due_date(org):
    a = rq.add_request(org, intake(date(2026, 10, 1)))
    b = rq.add_request(org, intake(date(2026, 11, 20)))
    rq.record_identity(org, b, verified(date(2026, 11, 21)))
    assert [r.case_number for r in rq.list_requests(org, status="in-progress")] == [b]
    assert [r.case_number for r in rq.list_requests(org, due_before=date(2026, 12, 1))] == [a]
    assert [r.case_number for r in rq.list_requests(org)] == [a, b]


def test_an_unknown_case_is_not_found(org):
    with pytest.raises(NotFound, match="2026-0042"):
        rq.get_request(org, "2026-0042")
    with pytest.raises(NotFound):
        rq.update_request(org, "2026-0042", rq.CaseUpdate(fee_reason="x"))


def test_settings_are_typed_with_defaults(ctx):
    assert settings.get(ctx, settings.PAUSE_POLICY) == "suspend"
    assert settings.get(ctx, settings.CASE_PREFIX) is None
    assert settings.get(ctx, settings.AUTHORITY_NAME) == "Tietosuojavaltuutetun toimisto"
    settings.set_many(
        ctx, {settings.OFFICER_NAME: "Aino Virtanen", settings.OFFICER_TITLE: "tietosuojavastaava"}
    )
    assert settings.all_settings(ctx)[settings.OFFICER_NAME] == "Aino Virtanen"
    assert settings.IDENTITY_HASH_KEY not in settings.all_settings(ctx)
    with pytest.raises(ServiceError):
        settings.set_value(ctx, settings.IDENTITY_HASH_KEY, "00" * 32)
    with pytest.raises(ServiceError):
        settings.set_value(ctx, "no.such", "x")
