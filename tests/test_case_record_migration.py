"""Migration 0004 (issue 11), tested by name: a case stored before it keeps its
controller as its one controller, and its holds are effective from the day placed."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select, text

from rekisteri_app.storage import models as m
from rekisteri_app.storage.database import Database
from rekisteri_app.storage.migrate import _config
from tests.conftest import PASSPHRASE


def test_revision_0004_moves_existing_cases_into_the_new_lists(db_path):
    with Database.create(db_path, PASSPHRASE) as db, db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        assert "request_controllers" not in inspect(conn).get_table_names()
        conn.execute(text("INSERT INTO controllers (id, name) VALUES (7, 'Energia Oy')"))
        conn.execute(text("INSERT INTO persons (id, name) VALUES (1, 'Matti')"))
        for ident, controller in ((1, 7), (2, None)):
            conn.execute(
                text(
                    "INSERT INTO requests (id, case_number, year, sequence, received_on, "
                    "logged_at, channel, language, classification, status, controller_id, "
                    "subject_id, authority) VALUES (:id, :case, 2026, :id, '2026-11-02', "
                    "'2026-11-02 08:00:00', 'post', 'fi', 'gdpr', 'received', :controller, "
                    "1, 'self')"
                ),
                {"id": ident, "case": f"2026-000{ident}", "controller": controller},
            )
        conn.execute(
            text(
                "INSERT INTO legal_holds (request_id, category_name, placed_on) "
                "VALUES (1, 'puhelutallenteet', '2026-11-20')"
            )
        )

    with Database.open(db_path, PASSPHRASE) as db, db.sessions() as s:
        first, second = s.scalars(select(m.RightsRequest).order_by(m.RightsRequest.id))
        assert [(c.controller.name, c.role) for c in first.controllers] == [
            ("Energia Oy", "controller")
        ]
        assert second.controllers == [] and second.controller is None
        assert first.legal_holds[0].effective_from.isoformat() == "2026-11-20"
        assert first.address_on_record is None and first.corrections == []
