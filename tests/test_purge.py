"""The application's own retention: old closed cases leave only a pseudonymous row."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from rekisteri_app.services import settings
from rekisteri_app.services.context import ServiceContext
from rekisteri_app.services.requests import retention
from rekisteri_app.storage import models as m
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, FixedClock

# The demo's cases were received and closed in 2026; six years on, all closed ones are due.
LATER = datetime(2032, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from rekisteri_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("purge") / "demo.db"
    create_demo(path, PASSPHRASE, today=date(2026, 11, 23))
    return path


@pytest.fixture
def later(demo_file, tmp_path):
    import shutil

    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file, copy)
    db = Database.open(copy, PASSPHRASE)
    yield ServiceContext(db, actor="tester", clock=FixedClock(LATER))
    db.close()


def close_with_files(ctx, *cases: str) -> None:
    """Close cases that hold letters or attachments (the demo closes none of those)."""
    with ctx.change() as tx:
        for case in cases:
            req = tx.session.scalars(
                select(m.RightsRequest).where(m.RightsRequest.case_number == case)
            ).one()
            req.status, req.closed_on = "closed", date(2026, 11, 20)
            tx.audit("test-close", "request", case)


def _closed(ctx) -> list[m.RightsRequest]:
    with ctx.read() as session:
        return list(
            session.scalars(select(m.RightsRequest).where(m.RightsRequest.status == "closed"))
        )


def test_the_dry_run_lists_what_would_go_and_writes_nothing(later):
    from rekisteri_app.services.exchange import export_json

    before = export_json(later)
    plan = retention.purge_plan(later)
    assert plan.years == 5 and plan.cutoff == date(2027, 6, 1)
    closed = _closed(later)
    assert len(plan.cases) + plan.held == len(closed) > 0
    assert export_json(later) == before


def test_a_purged_case_keeps_only_a_pseudonymous_row(later):
    close_with_files(later, "2026-0024", "2026-0023")
    with later.read() as session:
        names = {p.name for p in session.scalars(select(m.Person))}
    plan = retention.purge(later)
    assert plan.cases
    purged = {c.case_number for c in plan.cases}
    with later.read() as session:
        for req in session.scalars(select(m.RightsRequest)):
            if req.case_number not in purged:
                continue
            assert req.purged_on == LATER.date()
            assert req.subject.name == "" and req.subject.address is None
            assert req.subject.email is None and req.subject.hetu_hash is None
            assert req.requester is None
            assert req.attachments == []
            assert req.description is None and req.extension_reasons is None
            assert all(c.document_last4 is None and c.note is None for c in req.identity_checks)
            assert all(r.reason is None for r in req.rights)
            for letter in req.letters:
                assert letter.pdf == b"" and letter.purged_on and len(letter.sha256) == 64
            for item in req.events:
                assert item.kind in retention.KEPT_EVENT_TEXT or item.text is None
            assert req.rights and req.received_on and req.closed_on  # statistics stay
        event = session.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "purge")).one()
        assert sorted(json.loads(event.after_json)["cases"]) == sorted(purged)
        remaining = {p.name for p in session.scalars(select(m.Person))}
    assert names - remaining  # people of the purged cases are gone from the tables
    assert {"2026-0024", "2026-0023"} <= purged
    with later.read() as session:
        assert (
            session.scalar(
                select(func.count(m.Attachment.id))
                .join(m.RightsRequest)
                .where(m.RightsRequest.case_number == "2026-0023")
            )
            == 0
        )
        letters = session.scalars(
            select(m.Letter).join(m.RightsRequest).where(m.RightsRequest.case_number == "2026-0024")
        ).all()
        assert len(letters) == 2 and all(x.pdf == b"" for x in letters)
    assert retention.purge_plan(later).cases == []  # nothing twice


def test_a_case_under_a_legal_hold_is_never_purged(later):
    from rekisteri_app.services import requests as rq

    case = _closed(later)[0].case_number
    with later.change() as tx:
        req = tx.session.scalars(
            select(m.RightsRequest).where(m.RightsRequest.case_number == case)
        ).one()
        req.legal_holds.append(
            m.LegalHold(category_name="Asiakastiedot", placed_on=date(2026, 12, 1))
        )
        tx.audit("test-hold", "request", case)
    plan = retention.purge(later)
    assert case not in {c.case_number for c in plan.cases} and plan.held >= 1
    assert rq.get_request(later, case)["subject"]["name"]


def test_the_retention_years_come_from_the_setting(later):
    settings.set_value(later, settings.RETENTION_YEARS, "10")
    assert retention.purge_plan(later).cases == []
    with pytest.raises(Exception, match="1–100"):
        settings.set_value(later, settings.RETENTION_YEARS, "0")


def test_a_purged_database_still_exports_imports_and_verifies(later, tmp_path, monkeypatch, capsys):
    from rekisteri_app.cli.main import main
    from rekisteri_app.services.exchange import export_json, import_document
    from rekisteri_app.storage.audit import verify

    close_with_files(later, "2026-0024", "2026-0023")
    retention.purge(later)
    text = export_json(later)
    with Database.create(tmp_path / "copy.db", PASSPHRASE) as copy:
        import_document(ServiceContext(copy), json.loads(text))
    with later.read() as session:
        assert verify(session).ok
    monkeypatch.setenv("REKISTERI_PASSPHRASE", PASSPHRASE)
    later.db.close()
    assert main(["--lang", "en", "--db", str(later.db.path), "purge", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dry_run"] is True


def test_a_purged_letter_cannot_be_changed_otherwise(later):
    from rekisteri_app.storage.models import LetterImmutable

    close_with_files(later, "2026-0024")
    retention.purge(later)
    with pytest.raises(LetterImmutable), later.change() as tx:
        letter = tx.session.scalars(select(m.Letter).where(m.Letter.purged_on.is_not(None))).first()
        letter.pdf = b"%PDF-1.4 replaced"
        tx.audit("test", "letter", letter.id)
