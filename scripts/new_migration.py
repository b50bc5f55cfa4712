"""Autogenerate an Alembic revision against a scratch database at the current head.

    python scripts/new_migration.py "what changed"

Review the generated file under rekisteri_app/storage/migrations/versions/ before committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from rekisteri_app.storage.database import APPLICATION_ID, _make_engine, _raw_connect
from rekisteri_app.storage.migrate import _config


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scratch.db"
        conn = _raw_connect(path, "scratch passphrase")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.close()
        engine = _make_engine(path, "scratch passphrase")
        cfg = _config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.revision(cfg, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
