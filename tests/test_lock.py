"""A second process on the same database is told it is in use; a dead owner's lock is stale."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from rekisteri_app.storage import errors
from rekisteri_app.storage.database import Database
from rekisteri_app.storage.lock import lock_path
from tests.conftest import PASSPHRASE

OPEN_IN_CHILD = textwrap.dedent("""
    import sys
    from rekisteri_app.storage.database import Database
    from rekisteri_app.storage import errors
    try:
        Database.open(sys.argv[1], sys.argv[2]).close()
        print("opened")
    except errors.InUse as exc:
        print("in-use", exc.pid)
""")


def test_a_second_process_is_told_the_database_is_in_use(db_path):
    Database.create(db_path, PASSPHRASE).close()
    before = db_path.read_bytes()
    with Database.open(db_path, PASSPHRASE):
        done = subprocess.run(
            [sys.executable, "-c", OPEN_IN_CHILD, str(db_path), PASSPHRASE],
            capture_output=True,
            text=True,
            check=True,
        )
        import os

        assert done.stdout.split() == ["in-use", str(os.getpid())]
    assert db_path.read_bytes() == before
    done = subprocess.run(
        [sys.executable, "-c", OPEN_IN_CHILD, str(db_path), PASSPHRASE],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "opened"


def test_a_stale_lock_of_a_dead_process_is_taken_over(db_path):
    Database.create(db_path, PASSPHRASE).close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    import socket

    lock_path(db_path).write_text(
        json.dumps({"pid": int(dead.stdout), "host": socket.gethostname()})
    )
    with Database.open(db_path, PASSPHRASE):
        assert json.loads(lock_path(db_path).read_text())["pid"] != int(dead.stdout)
    assert not lock_path(db_path).exists()


def test_the_cli_exits_2_when_the_database_is_in_use(db_path, cli):
    Database.create(db_path, PASSPHRASE).close()
    with Database.open(db_path, PASSPHRASE):
        code, _, err = cli("register", "list")
    assert code == 2
    assert str(db_path) in err


def test_in_use_message_names_the_process(db_path):
    Database.create(db_path, PASSPHRASE).close()
    with Database.open(db_path, PASSPHRASE), pytest.raises(errors.InUse) as info:
        Database.open(db_path, PASSPHRASE)
    assert str(info.value.pid) in info.value.message
