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


# ---------------------------------------------------- the OS lock on the file itself

HOLD_IN_CHILD = textwrap.dedent("""
    import sys, time
    from rekisteri_app.storage.database import Database
    db = Database.open(sys.argv[1], sys.argv[2])
    print("holding", flush=True)
    sys.stdin.readline()
    db.close()
""")


def _open_in_child(path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_IN_CHILD, str(path), PASSPHRASE],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


@pytest.mark.parametrize("alias", ["symlink", "hardlink", "second path"])
def test_every_path_to_the_same_file_is_refused_while_another_process_writes(
    db_path, tmp_path, alias
):
    import os

    Database.create(db_path, PASSPHRASE).close()
    if alias == "symlink":
        other = tmp_path / "elsewhere" / "alias.db"
        other.parent.mkdir()
        other.symlink_to(db_path)
    elif alias == "hardlink":
        other = tmp_path / "hard.db"
        os.link(db_path, other)
    else:
        other = tmp_path / "sub" / ".." / db_path.name
        (tmp_path / "sub").mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_IN_CHILD, str(db_path), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        # A hard link has no lock file beside it: only the OS lock can refuse it, and
        # the message cannot name the process.
        named = "0" if alias == "hardlink" else str(holder.pid)
        assert _open_in_child(other) == ["in-use", named]
        with pytest.raises(errors.InUse) as info:
            Database.open(other, PASSPHRASE)
        assert named == "0" or named in info.value.message
    finally:
        holder.communicate("\n", timeout=30)
    assert _open_in_child(other) == ["opened"]


def test_a_leftover_lock_file_does_not_block_when_the_os_lock_is_free(db_path):
    """The info file only names the holder; a crash on another host leaves it behind."""
    Database.create(db_path, PASSPHRASE).close()
    lock_path(db_path).write_text(json.dumps({"pid": 4242, "host": "another-computer"}))
    with Database.open(db_path, PASSPHRASE):
        assert json.loads(lock_path(db_path).read_text())["host"] != "another-computer"


def test_without_os_locks_a_foreign_hosts_lock_file_names_the_file_to_remove(db_path, monkeypatch):
    import errno

    from rekisteri_app.storage import lock

    Database.create(db_path, PASSPHRASE).close()

    def no_locks(_fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock, "_os_lock", no_locks)
    lock_path(db_path).write_text(json.dumps({"pid": 4242, "host": "another-computer"}))
    with pytest.raises(errors.InUse) as info:
        Database.open(db_path, PASSPHRASE)
    message = info.value.message
    assert str(lock_path(db_path)) in message and "another-computer" in message
    assert "delete" in message.lower() or "poista" in message.lower()
    lock_path(db_path).unlink()
    with Database.open(db_path, PASSPHRASE):  # the lock file is the lock here
        assert lock_path(db_path).exists()
        with pytest.raises(errors.InUse):
            Database.open(db_path, PASSPHRASE)
    assert not lock_path(db_path).exists()


def test_a_new_database_is_readable_by_its_owner_only(db_path):
    import os
    import stat

    Database.create(db_path, PASSPHRASE).close()
    if os.name == "posix":
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_backup_reads_without_the_lock_while_the_database_is_open(db_path, tmp_path):
    from rekisteri_app.storage.database import backup

    Database.create(db_path, PASSPHRASE).close()
    with Database.open(db_path, PASSPHRASE):
        out = backup(db_path, PASSPHRASE, tmp_path / "copy.db")
    with Database.open(out, PASSPHRASE):
        pass
