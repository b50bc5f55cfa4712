"""The benchmark's bulk builder writes exactly the rows the services would: the same
small plan carried out both ways gives equal tables, row for row."""

from __future__ import annotations

from sqlalchemy import text

from benchmarks import make_data
from rekisteri_app.storage.database import Database

TABLES = (
    "persons",
    "requests",
    "request_controllers",
    "request_registers",
    "request_rights",
    "identity_checks",
    "pauses",
    "case_events",
    "letters",
    "audit_events",
    "settings",
)


def rows(path, table: str) -> list[tuple]:
    with Database.open(path, make_data.PASSPHRASE) as db, db.engine.connect() as conn:
        order = "key" if table == "settings" else "id"
        return [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))]


def test_bulk_and_service_builds_write_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("REKISTERI_BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(make_data, "YEARS", 1)  # forty cases in one year: all states occur
    bulk = make_data.create(tmp_path / "bulk.db", 40, bulk=True)
    services = make_data.create(tmp_path / "services.db", 40, bulk=False)
    kinds = {r[3] for r in rows(services, "case_events")}
    assert {"intake", "identity", "pause-asked", "pause-received", "outcome", "status"} <= kinds
    assert {"note", "letter-sent", "extension"} <= kinds  # the rarer steps occur too
    for table in TABLES:
        expected = rows(services, table)
        assert expected, table
        assert rows(bulk, table) == expected, table


def test_the_plan_is_reproducible_and_in_time_order():
    first = list(make_data.plan(300))
    again = list(make_data.plan(300))
    assert [(c.name, c.received, c.steps) for c in first] == [
        (c.name, c.received, c.steps) for c in again
    ]
    times = [step.at for _case, step in make_data.steps_in_time_order(iter(first))]
    assert times == sorted(times)
    assert all(step.at.date() <= make_data.BUILD_DAY for c in first for step in c.steps)
