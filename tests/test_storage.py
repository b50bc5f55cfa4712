"""Encrypted storage: every way a file can fail to open leaves it byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rekisteri_app.storage import errors
from rekisteri_app.storage.database import Database, backup
from rekisteri_app.storage.models import Controller
from tests.conftest import PASSPHRASE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_db(path: Path) -> None:
    with Database.create(path, PASSPHRASE) as db, db.session() as s:
        s.add(Controller(name="Esimerkki Energia Oy"))


def test_the_file_is_encrypted_from_the_first_byte(db_path):
    make_db(db_path)
    raw = db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Esimerkki" not in raw
    assert b"CREATE TABLE" not in raw


def test_sqlcipher_4_key_derivation_at_its_defaults_or_stronger(db):
    with db.engine.connect() as conn:
        version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        kdf_iter = int(conn.exec_driver_sql("PRAGMA kdf_iter").scalar())
        fk = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert version.startswith("4.")
    assert kdf_iter >= 256_000
    assert fk == 1
    assert journal == "delete"


def test_reopen_with_the_right_passphrase(db_path):
    make_db(db_path)
    with Database.open(db_path, PASSPHRASE) as db, db.session() as s:
        assert s.query(Controller).one().name == "Esimerkki Energia Oy"


def test_wrong_passphrase_is_refused_and_the_file_is_unchanged(db_path):
    make_db(db_path)
    before = digest(db_path)
    with pytest.raises(errors.WrongPassphrase) as info:
        Database.open(db_path, "not the passphrase")
    assert "tunnuslause" in info.value.message
    assert digest(db_path) == before
    assert not db_path.with_name(db_path.name + ".lock").exists()


def test_sqlcipher_log_lines_are_silenced(db_path, tmp_path):
    make_db(db_path)
    script = textwrap.dedent(f"""
        from rekisteri_app.storage.database import Database
        from rekisteri_app.storage import errors
        try:
            Database.open({str(db_path)!r}, "wrong passphrase")
        except errors.WrongPassphrase:
            print("refused")
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "refused"
    assert result.stderr == ""


def test_issued_letters_are_immutable_in_a_process_without_the_letter_service(db_path):
    """The guard is registered with the model, so a script or a migration that never
    imports services.letters cannot change an issued letter either."""
    script = textwrap.dedent(f"""
        import sys
        from datetime import date, datetime
        from rekisteri_app.storage import models as m
        from rekisteri_app.storage.database import Database

        with Database.create({str(db_path)!r}, {PASSPHRASE!r}) as db:
            with db.session() as s:
                req = m.RightsRequest(
                    case_number="2026-0001", year=2026, sequence=1,
                    received_on=date(2026, 11, 2), logged_at=datetime(2026, 11, 2, 8),
                    channel="post", language="fi", subject=m.Person(name="Maija Meikäläinen"),
                )
                req.letters.append(m.Letter(
                    kind="acknowledgement", language="fi", issued_on=date(2026, 11, 2),
                    sent_via="post", pdf=b"as sent", sha256="0" * 64,
                    created_at=datetime(2026, 11, 2, 8),
                ))
                s.add(req)
            try:
                with db.session() as s:
                    s.get(m.Letter, 1).pdf = b"forged"
            except m.LetterImmutable:
                print("refused")
            with db.session() as s:
                print(s.get(m.Letter, 1).pdf.decode())
        print([name for name in sys.modules if name.startswith("rekisteri_app.services")])
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n") == ["refused", "as sent", "[]", ""]


@pytest.mark.parametrize(
    "kind,content,error",
    [
        ("empty", b"", errors.EmptyFile),
        ("random", os.urandom(8192), errors.WrongPassphrase),
        ("truncated", None, errors.Truncated),
        ("text", b"hello, not a database\n" * 10, errors.Truncated),
    ],
)
def test_a_file_that_is_not_a_rekisteri_database_is_refused_unchanged(
    tmp_path, kind, content, error
):
    path = tmp_path / f"{kind}.db"
    if content is None:
        make_db(path)
        content = path.read_bytes()[:5000]
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(error) as info:
        Database.open(path, PASSPHRASE)
    assert str(path) in info.value.message
    assert digest(path) == before


def test_a_plain_sqlite_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(errors.PlainSqlite):
        Database.open(path, PASSPHRASE)
    assert digest(path) == before


def test_an_encrypted_database_of_another_application_is_refused(tmp_path):
    import sqlcipher3

    path = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(errors.ForeignDatabase):
        Database.open(path, PASSPHRASE)
    assert digest(path) == before


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(errors.FileMissing):
        Database.open(tmp_path / "nothing.db", PASSPHRASE)


def test_create_refuses_to_overwrite_and_short_passphrases(tmp_path, db_path):
    make_db(db_path)
    before = digest(db_path)
    with pytest.raises(errors.AlreadyExists):
        Database.create(db_path, PASSPHRASE)
    assert digest(db_path) == before
    with pytest.raises(errors.WeakPassphrase):
        Database.create(tmp_path / "new.db", "short")
    assert not (tmp_path / "new.db").exists()


def test_rekey_changes_the_passphrase(db_path):
    make_db(db_path)
    with Database.open(db_path, PASSPHRASE) as db:
        db.rekey("a brand new passphrase")
    with pytest.raises(errors.WrongPassphrase):
        Database.open(db_path, PASSPHRASE)
    with Database.open(db_path, "a brand new passphrase") as db, db.session() as s:
        assert s.query(Controller).count() == 1


def test_backup_while_the_database_is_open_elsewhere(db_path, tmp_path):
    make_db(db_path)
    out = tmp_path / "copy.db"
    with Database.open(db_path, PASSPHRASE):  # the "window" holds it
        backup(db_path, PASSPHRASE, out)
    assert b"Esimerkki" not in out.read_bytes()
    with Database.open(out, PASSPHRASE) as copy, copy.session() as s:
        assert s.query(Controller).one().name == "Esimerkki Energia Oy"


def test_backup_to_an_unwritable_place_leaves_nothing_behind(db_path, tmp_path):
    make_db(db_path)
    target = tmp_path / "no-such-folder" / "copy.db"
    with pytest.raises(errors.WriteFailed):
        backup(db_path, PASSPHRASE, target)
    assert not target.exists()


def test_backup_to_a_full_disk_is_reported_and_leaves_no_partial_copy(db_path, small_disk):
    make_db(db_path)
    target = small_disk / "copy.db"
    with pytest.raises(errors.WriteFailed) as info:
        backup(db_path, PASSPHRASE, target)
    assert str(target) in info.value.message
    assert list(small_disk.iterdir()) == []


def test_the_library_versions_are_those_of_the_open_connection(db):
    versions = db.library_versions()
    with db.engine.connect() as conn:
        assert versions["sqlcipher"] == conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        assert versions["sqlite"] == conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    assert versions["sqlcipher"].startswith("4.")
    assert versions["crypto"]  # e.g. "OpenSSL 3.6.0 1 Oct 2025"
