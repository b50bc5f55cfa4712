"""The checker over stored data, the demo database and `rekisteri check`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from rekisteri_app.services import entities
from rekisteri_app.services.compliance import check_database, status_by_subject
from rekisteri_app.services.demo import create_demo, demo_document
from rekisteri_app.services.exchange import import_document, validate_document
from rekisteri_app.storage import models as m
from tests.conftest import PASSPHRASE, FixedClock


def test_the_demo_document_is_valid_and_invented():
    doc = demo_document(date(2026, 11, 23))
    assert validate_document(doc) == []
    assert len(doc["registers"]) == 4
    assert doc["requests"] == []  # logged through the requests service instead


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database as `rekisteri demo` makes it, opened with the demo's today."""
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(path, PASSPHRASE, today=date(2026, 11, 23))
    with Database.open(path, PASSPHRASE) as db:
        yield ServiceContext(
            db, actor="tester", clock=FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
        )


def test_the_demo_has_forty_requests_in_every_state(demo):
    from rekisteri_app.services import requests as rq

    rows = rq.list_requests(demo)
    assert len(rows) == 40
    board = rq.dashboard(demo)
    assert board.counts == {
        "received": 5,
        "awaiting": 6,
        "in-progress": 11,
        "extended": 3,
        "answered": 7,
        "closed": 8,
    }
    assert len(board.overdue) == 2
    assert len(board.due_soon) == 3
    assert len(board.awaiting_identity) == 5
    assert any(r.extended for r in board.due_soon)  # an extended case due this week
    [estate] = [r for r in rows if r.classification == "non-gdpr"]
    assert estate.due is None and estate.urgency == "no-deadline"
    assert estate.requester and "Kuolinpesä" in estate.requester
    # numbered in the order the requests were logged, one sequence per year
    assert sorted(r.case_number for r in rows) == [f"2026-{i:04d}" for i in range(1, 41)]


def test_the_demo_cases_were_made_by_the_service_with_real_timelines(demo):
    from rekisteri_app.services import requests as rq

    views = {r.case_number: rq.get_request(demo, r.case_number) for r in rq.list_requests(demo)}
    for view in views.values():
        kinds = [t["kind"] for t in view["timeline"]]
        assert kinds[0] == "intake"
        if view["status"] == "closed":
            assert "status" in kinds and view["closed_on"]
        if view["status"] in ("answered", "closed") and not any(
            "withdrawn" in (t["text"] or "") for t in view["timeline"]
        ):
            assert all(r["outcome"] != "pending" for r in view["rights"])
    extended = [v for v in views.values() if v["status"] == "extended"]
    assert all(v["extension_letter_sent_on"] and v["extension_reasons"] for v in extended)
    # one requester asked three times: the current case lists the two earlier ones
    repeat = [v for v in views.values() if len(v["repeats"]) == 2]
    assert len(repeat) == 1 and repeat[0]["fee_reason"]
    # a partly granted erasure per data category, with its Art. 19 recipients
    erasure = [
        v
        for v in views.values()
        if v["status"] == "answered" and any(r["erasures"] for r in v["rights"])
    ]
    assert len(erasure) == 1 and erasure[0]["notify"]
    assert any(h["released_on"] is None for v in views.values() for h in v["legal_holds"])
    assert sum(len(v["attachments"]) for v in views.values()) == 3
    # every case change is in the audit trail, by the officer of the demo
    with demo.read() as session:
        actions = session.execute(
            select(m.AuditEvent.action, m.AuditEvent.actor).where(m.AuditEvent.entity == "request")
        ).all()
    assert sum(1 for a, _who in actions if a == "create") == 40
    assert {who for _a, who in actions} == {"aino"}


def test_the_demo_has_issued_letters_on_the_case_timelines(demo):
    from rekisteri_app.services import letters
    from rekisteri_app.services import requests as rq

    issued = letters.list_letters(demo)
    kinds = {str(info.kind) for info in issued}
    assert {
        "acknowledgement",
        "identity-request",
        "extension",
        "access-response",
        "erasure",
        "rectification",
        "marketing-ban",
    } <= kinds
    for info in issued:
        view = rq.get_request(demo, info.case_number)
        assert any(e.get("kind") == "letter-sent" for e in view["events"]), info.case_number


def test_demo_people_are_invented(demo):
    from rekisteri_app.services import requests as rq
    from rekisteri_app.services.demo import FIRST, LAST

    for row in rq.list_requests(demo):
        first, last = row.subject.split(" ", 1)
        assert first in FIRST and last in LAST


def test_check_json_on_the_demo_lists_the_repealed_scc_transfer_as_red(
    tmp_path, monkeypatch, capsys
):
    from rekisteri_app.cli.main import main

    path = tmp_path / "demo.db"
    create_demo(path, PASSPHRASE, today=date(2026, 11, 23))
    monkeypatch.setenv("REKISTERI_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(path), "check", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    red = [f for f in findings if f["severity"] == "red" and f["subject_kind"] == "transfer"]
    assert [f["code"] for f in red] == ["transfer-repealed-scc"]
    assert "Lämpödata" in red[0]["subject_name"]


def test_a_finding_appears_and_clears_when_the_transfer_is_fixed(ctx):
    import_document(ctx, demo_document(date(2026, 11, 23)))
    reg = entities.get(ctx, "registers", "Markkinointirekisteri")
    reg["transfers"][0]["safeguard"] = "privacy-shield"
    entities.save(ctx, "registers", reg, "Markkinointirekisteri")
    rows = [r for r in check_database(ctx) if r.code == "transfer-privacy-shield"]
    assert len(rows) == 1
    register_id = rows[0].register_id
    assert status_by_subject(check_database(ctx))[("register", register_id)] == "red"
    reg["transfers"][0].update(safeguard="scc-2021-914", scc_module="1")
    entities.save(ctx, "registers", reg, "Markkinointirekisteri")
    assert not [
        r
        for r in check_database(ctx)
        if r.subject_kind == "transfer" and r.register_id == register_id and r.severity == "red"
    ]
