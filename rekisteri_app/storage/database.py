"""Opening, creating, migrating and backing up the encrypted database.

Encryption: SQLCipher 4 through sqlcipher3, keyed with `PRAGMA key` before any other
statement, at SQLCipher 4's defaults (AES-256, PBKDF2-HMAC-SHA512 with 256 000
iterations, HMAC-SHA512 page authentication). Nothing is written before the key is
proved right, so a wrong passphrase or a foreign file leaves the file's bytes unchanged.

Journal mode: DELETE (rollback journal) with synchronous=FULL. One officer writes on one
workstation, so WAL's reader/writer concurrency buys nothing, while its -wal and -shm
side files break on network drives, outlive crashes beside the database and make "copy
the file" an unsafe backup. The rollback journal is encrypted by SQLCipher like the
database and exists only during a write transaction.
"""

from __future__ import annotations

import sqlite3 as _stdlib_sqlite  # only for its exception types' names in messages
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlcipher import SQLiteDialect_pysqlcipher
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ..files import atomic_path, touch_private
from . import errors
from .integrity import IntegrityReport, check_connection, is_damage
from .lock import DatabaseInUse, DatabaseLock, open_for_lock

APPLICATION_ID = 0x52454B49  # "REKI": marks a Rekisteri database inside the encrypted header
MIN_PASSPHRASE = 8
PAGE_SIZE = 4096
SQLITE_MAGIC = b"SQLite format 3\x00"

del _stdlib_sqlite


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _raw_connect(path: Path, passphrase: str, *, uri_readonly: bool = False):
    """A keyed sqlcipher3 connection (the key is proved by `_prove_key`)."""
    if not passphrase:
        raise errors.EmptyPassphrase(path)
    target = f"{path.resolve().as_uri()}?mode=ro" if uri_readonly else str(path)
    conn = sqlcipher3.connect(
        target, uri=uri_readonly, check_same_thread=False, isolation_level=None
    )
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    return conn


def _preflight(path: Path) -> None:
    """Reject what can be recognised without the key; never writes."""
    if not path.exists():
        raise errors.FileMissing(path)
    if not path.is_file():
        raise errors.NotAFile(path)
    size = path.stat().st_size
    if size == 0:
        raise errors.EmptyFile(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise errors.Unreadable(path, exc.strerror or "") from None
    if head == SQLITE_MAGIC:
        raise errors.PlainSqlite(path)
    if size % 512 != 0 or size < 1024:
        raise errors.Truncated(path)


def _prove_key(conn, path: Path) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise errors.WrongPassphrase(path) from None
        raise errors.Damaged(path, str(exc)) from None
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        conn.close()
        raise errors.ForeignDatabase(path)


class KeyedCipherDialect(SQLiteDialect_pysqlcipher):
    """sqlite+pysqlcipher whose connections arrive already keyed by our creator.

    The stock dialect sends `PRAGMA key` from the URL's password; keeping the
    passphrase out of URLs (and their repr in logs) is the point of this subclass.
    """

    supports_statement_cache = True

    def on_connect_url(self, url):
        return SQLiteDialect_pysqlite.on_connect_url(self, url)


registry.register("sqlite.rekisteri_cipher", __name__, "KeyedCipherDialect")


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _make_engine(path: Path, passphrase: str, proved=None) -> Engine:
    """`proved`: the connection that proved the key, handed to the pool as its first
    connection, so opening derives the key once (PBKDF2 is most of an open's time)."""
    spare = [] if proved is None else [proved]

    def creator():
        conn = spare.pop() if spare else _raw_connect(path, passphrase)
        # SQLite's lower() and LIKE fold ASCII only; lists filter names with this (Ä = ä)
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn

    # A small pool: a read may happen while another session is open (e.g. a list
    # refreshing during an edit); each pooled connection derives its key only once.
    # hide_parameters: an error's text never carries the values of a statement
    # (names, addresses, identity evidence) into a message, a log or a crash report.
    engine = create_engine(
        "sqlite+rekisteri_cipher://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=3,
        max_overflow=2,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # the driver runs in autocommit mode; SQLAlchemy owns transactions
        conn.exec_driver_sql("BEGIN")

    return engine


class Database:
    """An open, unlocked, migrated database held by this process."""

    def __init__(self, path: Path, engine: Engine, lock: DatabaseLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self.closed = False
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    # ---------------------------------------------------------------- lifecycle
    @classmethod
    def create(cls, path: Path | str, passphrase: str) -> Database:
        path = Path(path)
        if len(passphrase) < MIN_PASSPHRASE:
            raise errors.WeakPassphrase(path, str(MIN_PASSPHRASE))
        if path.exists() or path.is_symlink():
            raise errors.AlreadyExists(path)
        lock = _acquire(path, create=True)
        try:
            try:
                conn = _raw_connect(path, passphrase)
                conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.close()
            except sqlcipher3.Error as exc:
                path.unlink(missing_ok=True)
                raise errors.WriteFailed(path, str(exc)) from None
            engine = _make_engine(path, passphrase)
            db = cls(path, engine, lock)
            try:
                from .migrate import upgrade

                upgrade(db, backup=False)
            except Exception:
                engine.dispose()
                path.unlink(missing_ok=True)
                raise
            return db
        except BaseException:
            lock.release()
            if path.exists() and path.stat().st_size == 0:
                path.unlink(missing_ok=True)  # the empty file made for the lock
            raise

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, migrate: bool = True) -> Database:
        path = Path(path)
        _preflight(path)
        lock = _acquire(path)
        try:
            conn = _raw_connect(path, passphrase)
            _prove_key(conn, path)
            engine = _make_engine(path, passphrase, conn)
            db = cls(path, engine, lock)
            if migrate:
                from .migrate import upgrade

                try:
                    upgrade(db, backup=True)
                except Exception as exc:
                    if not is_damage(exc):
                        raise
                    try:
                        detail = db.check_integrity().summary()
                    except Exception:  # the check met the damage too
                        detail = ""
                    db.engine.dispose()
                    raise errors.Damaged(path, detail or str(exc)[:120]) from None
            return db
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        """Dispose of the connections and release the lock; afterwards every session
        is refused (DatabaseClosed), so nothing reopens the file without its lock."""
        if self.closed:
            return
        self.closed = True
        self.engine.dispose()
        self.sessions = _refuse_session(self.path)  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any exception."""
        with self.sessions() as session, session.begin():
            yield session

    def library_versions(self) -> dict[str, str]:
        """SQLCipher's, its SQLite's and its crypto library's versions (Help → About):
        asked of the open connection, so they name what actually encrypts this file."""
        queries = {
            "sqlcipher": "PRAGMA cipher_version",
            "sqlite": "SELECT sqlite_version()",
            "crypto": "PRAGMA cipher_provider_version",
        }
        with self.engine.connect() as conn:
            return {
                name: str(conn.exec_driver_sql(sql).scalar() or "") for name, sql in queries.items()
            }

    # ------------------------------------------------------------- maintenance
    def check_integrity(self) -> IntegrityReport:
        """SQLCipher's page check and SQLite's structure check, on a fresh connection
        (a pooled one that met a bad page keeps failing)."""
        self.engine.dispose()
        conn = self.engine.raw_connection()
        try:
            return check_connection(conn.dbapi_connection)
        finally:
            conn.invalidate()
            self.engine.dispose()

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt every page under a new passphrase (SQLCipher `PRAGMA rekey`)."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise errors.WeakPassphrase(self.path, str(MIN_PASSPHRASE))
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")
        self.engine.dispose()
        self.engine = _make_engine(self.path, new_passphrase)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def backup_to(self, out: Path | str, *, replace: bool = False) -> Path:
        """An encrypted copy under the same passphrase, made through the open keyed engine.

        SQLCipher's ATTACH without a KEY reuses the main database's key, so the caller
        needs no passphrase (the window does not keep one). `replace` (the officer
        confirmed overwriting an older backup) swaps the new copy in atomically; the
        open database itself is never replaced.
        """
        out = Path(out)
        same = out.exists() and out.resolve() == Path(self.path).resolve()
        if out.exists() and (same or not replace):
            raise errors.AlreadyExists(out)
        with self.engine.connect() as conn:
            _export_copy(conn.connection.dbapi_connection, out, "", self.path)
        return out


def _refuse_session(path: Path):
    def refuse(*_args, **_kwargs):
        raise errors.DatabaseClosed(path)

    return refuse


def _acquire(path: Path, *, create: bool = False) -> DatabaseLock:
    """The OS lock on the database file (a new, empty 0600 file with `create`)."""
    lock = DatabaseLock(path)
    try:
        fd = open_for_lock(path, create=create)
    except FileExistsError:
        raise errors.AlreadyExists(path) from None
    except OSError as exc:
        if create:
            raise errors.WriteFailed(path, exc.strerror or str(exc)) from None
        raise errors.Unreadable(path, exc.strerror or str(exc)) from None
    try:
        try:
            lock.acquire(fd)
        except DatabaseInUse as exc:
            raise errors.InUse(path, exc.pid, exc.host, stale_file=exc.stale_file) from None
        except OSError as exc:
            raise errors.WriteFailed(path, exc.strerror or str(exc)) from None
    except errors.StorageError:
        if create:
            path.unlink(missing_ok=True)
        raise
    return lock


def _export_copy(conn, out: Path, key_clause: str, source: Path) -> None:
    """`sqlcipher_export` of the main database into `out`, inside one read transaction."""
    with atomic_path(out) as partial:
        touch_private(partial)  # SQLite fills an empty file; it stays 0600 meanwhile
        try:
            conn.execute(f"ATTACH DATABASE {_quote(str(partial))} AS copy{key_clause}")
            conn.execute("BEGIN")
            conn.execute("SELECT sqlcipher_export('copy')")
            conn.execute(f"PRAGMA copy.application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE copy")
        except sqlcipher3.Error as exc:
            with suppress(sqlcipher3.Error):
                conn.execute("ROLLBACK")
            with suppress(sqlcipher3.Error):
                conn.execute("DETACH DATABASE copy")
            if is_damage(exc) and "copy" not in str(exc):
                raise errors.Damaged(source, str(exc)) from None
            raise errors.WriteFailed(out, str(exc)) from None


def backup(path: Path | str, passphrase: str, out: Path | str) -> Path:
    """A consistent encrypted copy, also while another process has the database open.

    Reads through SQLCipher (`sqlcipher_export` inside one read transaction) rather
    than copying bytes, so a write in progress elsewhere can never tear the copy. The
    copy is keyed with the same passphrase, written beside `out` and renamed into place
    only when complete, so a full disk leaves no half-written backup behind.
    """
    path, out = Path(path), Path(out)
    _preflight(path)
    if out.exists():
        raise errors.AlreadyExists(out)
    conn = _raw_connect(path, passphrase)
    _prove_key(conn, path)
    try:
        _export_copy(conn, out, f" KEY {_quote(passphrase)}", path)
    finally:
        conn.close()
    return out


def check_file(path: Path | str, passphrase: str) -> IntegrityReport:
    """The integrity of a closed file (a backup before it is restored), read-only and
    without the lock: proves the passphrase first."""
    path = Path(path)
    _preflight(path)
    conn = _raw_connect(path, passphrase, uri_readonly=True)
    _prove_key(conn, path)
    try:
        return check_connection(conn)
    finally:
        conn.close()


def verify_passphrase(path: Path | str, passphrase: str) -> None:
    """WrongPassphrase unless `passphrase` opens `path` (read-only; the lock may be held,
    also by this process)."""
    path = Path(path)
    conn = _raw_connect(path, passphrase, uri_readonly=True)
    _prove_key(conn, path)
    conn.close()
