"""The automatic daily backup: once a day, into the chosen folder, the newest N kept."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from rekisteri_app.services import settings
from rekisteri_app.services.backups import auto_backup, backup_folder
from rekisteri_app.services.context import ServiceContext
from rekisteri_app.storage.backups import auto_backups, default_backup_folder
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clocked(db):
    clock = Clock()
    return ServiceContext(db, actor="tester", clock=clock), clock


def test_one_backup_a_day_beside_the_database_by_default(clocked):
    ctx, clock = clocked
    folder = default_backup_folder(ctx.db.path)
    assert backup_folder(ctx) == folder
    first = auto_backup(ctx)
    assert first == folder / "rekisteri-2026-11-23.db"
    assert auto_backup(ctx) is None  # the same day: nothing new
    if os.name == "posix":
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
    with Database.open(first, PASSPHRASE):  # encrypted with the same passphrase
        pass
    clock.now += timedelta(days=1)
    assert auto_backup(ctx).name == "rekisteri-2026-11-24.db"


def test_only_the_newest_are_kept(clocked):
    ctx, clock = clocked
    settings.set_value(ctx, settings.BACKUP_KEEP, "3")
    for _day in range(5):
        auto_backup(ctx)
        clock.now += timedelta(days=1)
    kept = auto_backups(default_backup_folder(ctx.db.path), ctx.db.path)
    assert [p.name for p in kept] == [
        "rekisteri-2026-11-25.db",
        "rekisteri-2026-11-26.db",
        "rekisteri-2026-11-27.db",
    ]


def test_the_folder_is_a_setting_and_must_be_a_full_path(clocked, tmp_path):
    from rekisteri_app.services.context import ServiceError

    ctx, _clock = clocked
    with pytest.raises(ServiceError):
        settings.set_value(ctx, settings.BACKUP_FOLDER, "relative/folder")
    settings.set_value(ctx, settings.BACKUP_FOLDER, str(tmp_path / "elsewhere"))
    assert auto_backup(ctx).parent == tmp_path / "elsewhere"


def test_backup_auto_on_the_command_line(db_path, cli):
    Database.create(db_path, PASSPHRASE).close()
    code, out, err = cli("backup", "--auto")
    assert code == 0, err
    assert f"{db_path.name}-backups" in out
    code, out, _err = cli("backup", "--auto")
    assert code == 0
    code, _out, err = cli("backup")
    assert code == 1 and "--auto" in err


def test_a_crash_report_keeps_code_locations_only(tmp_path, monkeypatch):
    from rekisteri_app import crash_report

    monkeypatch.setenv("REKISTERI_STATE_DIR", str(tmp_path / "state"))
    try:
        try:
            open(tmp_path / "Maija Esimerkki.txt")  # noqa: SIM115 - the OSError is the point
        except OSError as exc:
            raise RuntimeError("Koivukuja 3, 40100 Jyväskylä") from exc
    except RuntimeError as exc:
        path = crash_report.write(exc, where="test")
    text = path.read_text(encoding="utf-8")
    assert "Maija" not in text and "Koivukuja" not in text and str(tmp_path) not in text
    assert "RuntimeError" in text and "FileNotFoundError [ENOENT]" in text
    assert "tests/test_backups.py" in text or "test_backups.py:" in text
