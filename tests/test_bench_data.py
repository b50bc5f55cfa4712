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


# Each event's salt is drawn at random by the services (storage/audit.py), so the salted
# columns and the chain built on them differ between the builds; both chains must verify.
SALTED = {"payload_salt", "before_digest", "after_digest", "prev_hash", "hash"}


def rows(path, table: str) -> list[tuple]:
    with Database.open(path, make_data.PASSPHRASE) as db, db.engine.connect() as conn:
        order = "key" if table == "settings" else "id"
        result = conn.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).mappings()
        return [
            tuple(
                v
                for k, v in r.items()
                if not (table == "audit_events" and k in SALTED)
                and not (table == "settings" and r["key"] == "audit.head" and k == "value")
            )
            for r in result
        ]


def chain_verifies(path) -> bool:
    from rekisteri_app.storage import audit

    with Database.open(path, make_data.PASSPHRASE) as db, db.session() as session:
        return audit.verify(session).ok


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
    assert chain_verifies(bulk) and chain_verifies(services)


def test_the_plan_is_reproducible_and_in_time_order():
    first = list(make_data.plan(300))
    again = list(make_data.plan(300))
    assert [(c.name, c.received, c.steps) for c in first] == [
        (c.name, c.received, c.steps) for c in again
    ]
    times = [step.at for _case, step in make_data.steps_in_time_order(iter(first))]
    assert times == sorted(times)
    assert all(step.at.date() <= make_data.BUILD_DAY for c in first for step in c.steps)
