"""The breach record: one service call per change, audited, on the timeline; refusals
leave everything as it was; export and import carry every field."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from rekisteri_app.i18n import set_language
from rekisteri_app.services import breaches as br
from rekisteri_app.services import exchange, settings
from rekisteri_app.services.context import ServiceError
from rekisteri_app.storage import audit
from rekisteri_app.storage import models as m
from rekisteri_app.storage.database import Database
from tests.breach_helpers import (
    LETTER_TEXTS,
    THREE_RECIPIENTS,
    breach_ctx,
    complete_record,
    misdirected_invoices,
    organisation,
)
from tests.conftest import PASSPHRASE
from tests.test_requests_helpers import audit_count, state


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def bctx(db):
    ctx = breach_ctx(db)
    organisation(ctx)
    return ctx


def test_a_new_breach_gets_a_prefixed_yearly_reference_and_its_72_hour_deadline(bctx):
    before = audit_count(bctx)
    ref = misdirected_invoices(bctx)
    assert ref == "TL-2026-0001"
    assert misdirected_invoices(bctx, aware_at="2026-10-23 11:00") == "TL-2026-0002"
    view = br.get_breach(bctx, ref)
    assert view["notify_by"] == "2026-10-26T09:00+02:00"
    assert view["hours_left"] == 46.0  # Saturday noon → Monday 09:00 winter time
    assert view["clock"] == "running"
    assert view["controller_name"] == "Esimerkki Energia Oy"  # the register's controller
    assert view["register_names"] == ["Asiakasrekisteri"]
    assert audit_count(bctx) == before + 2
    assert [t["kind"] for t in view["timeline"]] == ["created"]


def test_the_prefix_is_a_setting_and_the_sequence_restarts_each_year(bctx):
    settings.set_value(bctx, settings.BREACH_PREFIX, "tsl")
    assert misdirected_invoices(bctx) == "TSL-2026-0001"
    settings.set_value(bctx, settings.BREACH_PREFIX, "")  # back to the default
    assert misdirected_invoices(bctx) == "TL-2026-0002"  # one sequence across prefixes
    assert misdirected_invoices(bctx, aware_at="2025-12-31 23:30") == "TL-2025-0001"
    # 1.1.2026 01:00 in Helsinki is still 2025 in UTC: the year is Finland's
    assert misdirected_invoices(bctx, aware_at="2026-01-01 01:00") == "TL-2026-0003"


def test_categories_found_in_the_registers_point_at_them_others_are_kept_as_typed(bctx):
    ref = misdirected_invoices(
        bctx, categories=["NIMI", {"name": "terveystiedot", "special": True}]
    )
    categories = br.get_breach(bctx, ref)["categories"]
    assert [(c["category_name"], c["special"]) for c in categories] == [
        ("nimi", False),
        ("terveystiedot", True),
    ]
    assert categories[0]["data_category"] is not None
    assert categories[1]["data_category"] is None


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"aware_at": "2026-10-25 10:00"}, "future"),
        ({"nature": []}, "nature"),
        ({"aware_at": "2027-03-28 03:30"}, "does not exist"),
        ({"occurred_from": "2026-10-23 11:00"}, "after the controller became aware"),
        ({"occurred_unknown": True, "occurred_to": "2026-10-22 09:00"}, "not known"),
        ({"processor_reported_at": "2026-10-23 09:00"}, "processor"),
        ({"subjects_informed_at": "2026-10-24 09:00"}, "how the data subjects"),
        ({"art34_exception": "protected"}, "exception applies"),
        (
            {"risk_level": "high", "notify_decision": "not-required", "decision_reasons": "x"},
            "must be notified",
        ),
        ({"notify_decision": "not-required"}, "reasons"),
        ({"subject_count": "-3"}, "whole number"),
        ({"colour": "red"}, "Unknown fields"),
        ({"registers": ["No such register"]}, "No register"),
    ],
)
def test_a_contradictory_or_bad_record_is_refused_and_nothing_is_stored(bctx, fields, message):
    before = state(bctx)
    with pytest.raises(ServiceError, match=message):
        misdirected_invoices(bctx, **fields)
    assert state(bctx) == before


def test_updates_are_audited_and_told_on_the_timeline(bctx):
    ref = misdirected_invoices(bctx)
    before = audit_count(bctx)
    br.update_breach(bctx, ref, {"risk_level": "risk", "consequences": "Nimet paljastuivat."})
    br.update_breach(
        bctx,
        ref,
        notification=br.parse_notification(
            {"kind": "preliminary", "at": "2026-10-24 11:30", "reference": "TSV/1234/2026"}
        ),
    )
    br.add_note(bctx, ref, "Soitettiin vastaanottajalle.")
    view = br.get_breach(bctx, ref)
    assert audit_count(bctx) == before + 3
    assert [t["kind"] for t in view["timeline"]] == [
        "created",
        "risk",
        "changed",
        "notified",
        "note",
    ]
    assert "preliminary notification" in view["timeline"][3]["description"]
    assert "TSV/1234/2026" in view["timeline"][3]["description"]
    assert view["clock"] == "notified"
    assert view["hours_left"] is None
    assert view["hours_to_notify"] == 25.5
    assert view["notify_decision"] == "notify"  # notifying is deciding to notify
    with bctx.read() as session:
        last = session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id.desc())).first()
        assert (last.action, last.entity, last.entity_id) == ("note", "breach", ref)


def test_a_change_that_changes_nothing_is_refused(bctx):
    ref = misdirected_invoices(bctx)
    before = state(bctx)
    with pytest.raises(ServiceError, match="Nothing to change"):
        br.update_breach(bctx, ref, {"description": br.get_breach(bctx, ref)["description"]})
    assert state(bctx) == before


def test_a_notification_after_72_hours_needs_the_reasons_for_the_delay(db):
    ctx = breach_ctx(db, datetime(2026, 10, 27, 9, 0, tzinfo=UTC))
    organisation(ctx)
    ref = misdirected_invoices(ctx)
    assert br.get_breach(ctx, ref)["clock"] == "overdue"
    late = br.parse_notification({"at": "2026-10-27 10:00"})
    before = state(ctx)
    with pytest.raises(ServiceError, match=r"reasons for the\s+delay"):
        br.update_breach(ctx, ref, notification=late)
    assert state(ctx) == before
    br.update_breach(
        ctx, ref, {"delay_reasons": "The processor told us only on Monday."}, notification=late
    )
    assert br.get_breach(ctx, ref)["clock"] == "notified"


def test_a_supplementary_notification_cannot_be_the_first(bctx):
    ref = misdirected_invoices(bctx)
    with pytest.raises(ServiceError, match="supplementary"):
        br.update_breach(
            bctx,
            ref,
            notification=br.parse_notification({"kind": "supplementary", "at": "2026-10-24 11:00"}),
        )


def test_a_decision_not_to_notify_stops_the_clock_and_closing_needs_no_open_duties(bctx):
    ref = misdirected_invoices(bctx)
    with pytest.raises(ServiceError, match="cannot be closed yet"):
        br.update_breach(bctx, ref, {"closed_on": "2026-10-24"})
    br.update_breach(
        bctx,
        ref,
        {
            "risk_level": "none",
            "notify_decision": "not-required",
            "decision_reasons": "Kirje palautui avaamattomana.",
        },
    )
    assert br.get_breach(bctx, ref)["clock"] == "not-required"
    br.update_breach(bctx, ref, {"closed_on": "2026-10-24"})
    view = br.get_breach(bctx, ref)
    assert view["clock"] == "closed"
    assert view["timeline"][-1]["description"] == "Breach record closed on 2026-10-24."


def test_a_high_risk_breach_is_closed_only_after_informing_or_an_exception(bctx):
    ref = misdirected_invoices(bctx, risk_level="high")
    br.update_breach(bctx, ref, notification=br.parse_notification({"at": "2026-10-24 10:00"}))
    assert [d[:6] for d in br.get_breach(bctx, ref)["duties"]] == ["Inform"]
    with pytest.raises(ServiceError, match="Inform the data subjects"):
        br.update_breach(bctx, ref, {"closed_on": "2026-10-24"})
    br.update_breach(
        bctx,
        ref,
        {"subjects_informed_at": "2026-10-24 11:00", "subjects_informed_how": "kirjeellä"},
    )
    br.update_breach(bctx, ref, {"closed_on": "2026-10-24"})


def test_the_list_puts_the_most_urgent_first(db):
    ctx = breach_ctx(db, datetime(2026, 10, 26, 5, 0, tzinfo=UTC))  # Monday 07:00
    organisation(ctx)
    newest = misdirected_invoices(ctx, aware_at="2026-10-26 06:00")  # 71 hours left
    due = misdirected_invoices(ctx, aware_at="2026-10-23 10:00")  # 2 hours left
    overdue = misdirected_invoices(ctx, aware_at="2026-10-22 08:00")
    notified = misdirected_invoices(ctx, aware_at="2026-10-25 08:00")
    br.update_breach(ctx, notified, notification=br.parse_notification({"at": "2026-10-25 09:00"}))
    rows = br.list_breaches(ctx)
    assert [r.reference for r in rows] == [overdue, due, newest, notified]
    assert [r.clock for r in rows] == ["overdue", "due-soon", "running", "notified"]
    card = br.board(ctx)
    assert (card.overdue, card.due_soon, card.open_count) == (1, 1, 4)
    assert card.most_urgent.reference == overdue
    assert [r.reference for r in br.list_breaches(ctx, "closed")] == []


def test_export_then_import_carries_the_whole_breach_record(tmp_path, bctx):
    ref = misdirected_invoices(
        bctx,
        processor="Postitus Inc.",
        processor_reported_at="2026-10-23 09:30",
        letter_texts=LETTER_TEXTS,
        **complete_record(),
    )
    br.update_breach(
        bctx,
        ref,
        notification=br.parse_notification(
            {"kind": "preliminary", "at": "2026-10-24 11:00", "reference": "TSV/9/2026"}
        ),
    )
    br.import_recipients(bctx, ref, THREE_RECIPIENTS)
    br.issue_letters(bctx, ref, "fi", "post")
    first = exchange.export_json(bctx)
    doc = json.loads(first)
    breach = doc["breaches"][0]
    assert breach["reference"] == ref
    assert breach["processor"] == doc["processors"][0]["key"]
    assert breach["registers"] == [{"register": doc["registers"][0]["key"]}]
    assert len(breach["letters"]) == 3 and breach["letters"][0]["pdf_base64"]
    assert [r["sent_on"] for r in breach["recipients"]] == ["2026-10-24"] * 3
    assert breach["notifications"][0]["reference"] == "TSV/9/2026"

    other = breach_ctx(Database.create(tmp_path / "other.db", PASSPHRASE))
    exchange.import_document(other, doc)
    assert exchange.export_json(other) == first
    assert br.get_breach(other, ref)["clock"] == "notified"
    # the sequence goes on from the imported reference
    assert misdirected_invoices(other) == "TL-2026-0002"
    other.db.close()


def test_an_imported_reference_that_exists_already_is_a_problem_with_its_path(bctx):
    ref = misdirected_invoices(bctx)
    doc = json.loads(exchange.export_json(bctx))
    only = {"format": "rekisteri", "version": 1, "breaches": doc["breaches"]}
    only["breaches"][0]["controller"] = None
    only["breaches"][0]["registers"] = []
    only["breaches"][0]["categories"] = []
    with pytest.raises(exchange.InvalidDocument) as caught:
        exchange.import_document(bctx, only)
    assert [str(p) for p in caught.value.problems] == [
        f"$.breaches[0].reference: breach reference {ref} already exists"
    ]


def test_purge_needs_a_retention_period_and_takes_the_recipients_with_the_record(db):
    ctx = breach_ctx(db)
    organisation(ctx)
    ref = misdirected_invoices(
        ctx, risk_level="none", notify_decision="not-required", decision_reasons="x"
    )
    br.import_recipients(ctx, ref, THREE_RECIPIENTS)
    br.update_breach(ctx, ref, {"closed_on": "2026-10-24"})
    with pytest.raises(ServiceError, match=r"breach\.retention_years"):
        br.purge_expired(ctx)
    settings.set_value(ctx, settings.BREACH_RETENTION_YEARS, "5")
    assert br.purge_expired(ctx) == []  # closed this year: kept
    later = breach_ctx(db, datetime(2031, 10, 25, 9, 0, tzinfo=UTC))
    assert br.expired(later) == [ref]
    assert br.purge_expired(later) == [ref]
    with later.read() as session:
        assert session.scalar(select(func.count(m.Breach.id))) == 0
        assert session.scalar(select(func.count(m.BreachRecipient.id))) == 0
        purge = session.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "purge")).one()
        assert "Meikäläinen" not in (purge.before_json or "")
        assert json.loads(purge.before_json)["recipients"] == 3
        # The record's own events keep their digests, not their snapshots (migration 0008).
        trail = session.scalars(
            select(m.AuditEvent).where(
                m.AuditEvent.entity == "breach",
                m.AuditEvent.entity_id == ref,
                m.AuditEvent.action != "purge",
            )
        ).all()
        assert trail and all(e.after_json is None and e.erased_on for e in trail)
        assert audit.verify(session).ok


def test_a_register_named_in_a_breach_cannot_be_deleted(bctx):
    from rekisteri_app.services import entities

    misdirected_invoices(bctx)
    with pytest.raises(ServiceError, match="breach"):
        entities.delete(bctx, "registers", "Asiakasrekisteri")


def test_the_breach_log_and_its_figures_for_a_report(db):
    import csv
    import io
    from datetime import date

    from rekisteri_app.services.breaches.report import (
        COLUMNS,
        breach_figures,
        breach_log,
        breach_log_csv,
    )

    ctx = breach_ctx(db, datetime(2026, 10, 30, 9, 0, tzinfo=UTC))
    organisation(ctx)
    on_time = misdirected_invoices(ctx, risk_level="risk")
    br.update_breach(ctx, on_time, notification=br.parse_notification({"at": "2026-10-24 16:00"}))
    late = misdirected_invoices(
        ctx, aware_at="2026-10-25 08:00", delay_reasons="Tieto välittyi viikonlopun yli."
    )
    br.update_breach(ctx, late, notification=br.parse_notification({"at": "2026-10-29 08:00"}))
    misdirected_invoices(
        ctx,
        aware_at="2026-10-28 08:00",
        risk_level="none",
        notify_decision="not-required",
        decision_reasons="Avaamaton kirje palautui.",
    )
    misdirected_invoices(ctx, aware_at="2026-09-30 08:00")  # outside the period
    with ctx.read() as session:
        rows = breach_log(session, date(2026, 10, 1), date(2026, 10, 31))
    assert [r["reference"] for r in rows] == [on_time, late, "TL-2026-0003"]
    assert rows[0]["hours_to_notify"] == 30.0 and rows[0]["notified_late"] is False
    assert rows[1]["hours_to_notify"] == 96.0 and rows[1]["notified_late"] is True
    figures = breach_figures(rows)
    assert (figures.recorded, figures.notified, figures.notified_within_72h) == (3, 2, 1)
    assert (figures.notified_late, figures.decided_not_to_notify) == (1, 1)
    assert figures.awaiting_notification == 0
    assert (figures.median_hours_to_notify, figures.max_hours_to_notify) == (63.0, 96.0)
    assert [(c.key, c.count) for c in figures.by_risk] == [("none", 1), ("risk", 1), ("", 1)]
    table = list(csv.reader(io.StringIO(breach_log_csv(rows).decode("utf-8-sig"))))
    assert tuple(table[0]) == COLUMNS and len(table) == 4
