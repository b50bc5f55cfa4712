"""Shared fixtures: real encrypted databases in a temporary folder, never plain SQLite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rekisteri_app.i18n import set_language

# the audit-pack tests' demo database (demo_file, demo_copy)
pytest_plugins = ["tests.pack_fixtures"]

PASSPHRASE = "correct horse battery"
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.json"))


@pytest.fixture(autouse=True)
def _finnish_by_default() -> Iterator[None]:
    set_language("fi")
    yield
    set_language("fi")


@pytest.fixture
def private_settings(tmp_path: Path) -> Iterator[None]:
    """The window's QSettings in a temporary folder, never the user's recent files."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "rekisteri.db"


@pytest.fixture
def db(db_path: Path):
    from rekisteri_app.storage.database import Database

    database = Database.create(db_path, PASSPHRASE)
    yield database
    database.close()


class FixedClock:
    def __init__(self, when: datetime) -> None:
        self.when = when

    def __call__(self) -> datetime:
        return self.when


def cli_context_at(when: datetime, actor: str = "cli"):
    """A stand-in for `cli.common.open_context` whose service context has a fixed clock."""
    from contextlib import contextmanager

    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database

    @contextmanager
    def open_context(args, **_options):
        database = Database.open(args.db, PASSPHRASE)
        try:
            yield ServiceContext(database, actor=actor, clock=FixedClock(when))
        finally:
            database.close()

    return open_context


@pytest.fixture
def ctx(db):
    from rekisteri_app.services.context import ServiceContext

    return ServiceContext(
        db, actor="tester", clock=FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    )


@pytest.fixture
def cli(db_path: Path, monkeypatch, capsys):
    """Run `rekisteri --db DB ...` in-process; returns (exit code, stdout, stderr)."""
    from rekisteri_app.cli.main import main

    monkeypatch.setenv("REKISTERI_PASSPHRASE", PASSPHRASE)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system, to run out of space for real (needs root and mount)."""
    import subprocess

    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True)


# ------------------------------------------------------------------ the bundle test
# tests/test_bundle.py builds the PyInstaller bundle once per run (a few minutes): CI runs
# it with the suite; `--skip-bundle` or REKISTERI_SKIP_BUNDLE=1 leaves it out locally.

BUNDLE_TIMINGS: dict[str, float] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--skip-bundle",
        action="store_true",
        help="skip the tests that build and run the desktop bundle (marker: bundle)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not (config.getoption("--skip-bundle") or os.environ.get("REKISTERI_SKIP_BUNDLE")):
        return
    skip = pytest.mark.skip(reason="bundle tests skipped (--skip-bundle / REKISTERI_SKIP_BUNDLE)")
    for item in items:
        if "bundle" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if BUNDLE_TIMINGS:
        parts = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in BUNDLE_TIMINGS.items())
        terminalreporter.write_line(f"bundle: {parts}")
