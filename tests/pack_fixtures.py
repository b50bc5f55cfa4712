"""The demo database for the audit-pack tests, made once per session with a fixed clock,
and helpers to open packs. Test modules import the fixtures they use."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, FixedClock

DEMO_TODAY = date(2026, 3, 20)
CREATED = datetime(2026, 4, 2, 6, 30, tzinfo=UTC)  # 9.30 in Helsinki
Q1 = (date(2026, 1, 1), date(2026, 3, 31))
HALF_YEAR = (date(2025, 10, 1), date(2026, 3, 31))


def make_demo(path: Path) -> Path:
    """`rekisteri demo` with the import dated too, so every event has a known time."""
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.demo import add_demo_requests, demo_document
    from rekisteri_app.services.exchange import import_document
    from rekisteri_app.storage.database import Database

    with Database.create(path, PASSPHRASE) as db:
        clock = FixedClock(datetime(2025, 1, 2, 8, 0, tzinfo=UTC))
        import_document(ServiceContext(db, actor="demo", clock=clock), demo_document(DEMO_TODAY))
        add_demo_requests(db, DEMO_TODAY)
    return path


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    return make_demo(tmp_path_factory.mktemp("pack-demo") / "demo.db")


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy a test may change (tamper, add events)."""
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_file, target)
    return target


@pytest.fixture(scope="session")
def demo_pack(demo_file: Path, tmp_path_factory) -> Path:
    """The default pack of the demo (half a year, Finnish, pseudonymised); read only."""
    out = tmp_path_factory.mktemp("pack") / "pack.zip"
    make_pack(demo_file, out)
    return out


@contextmanager
def opened(path: Path, when: datetime = CREATED, actor: str = "tester") -> Iterator:
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database

    with Database.open(path, PASSPHRASE) as db:
        yield ServiceContext(db, actor=actor, clock=FixedClock(when))


def make_pack(
    db_path: Path, out: Path, period=HALF_YEAR, when: datetime = CREATED, **options
) -> object:
    from rekisteri_app.services.audit_pack import PackOptions, Period, build_pack

    with opened(db_path, when) as ctx:
        return build_pack(ctx, PackOptions(Period(*period), **options), out)


def members(path: Path, password: str | None = None) -> dict[str, bytes]:
    """Every member's bytes, decompressed (and decrypted)."""
    import pyzipper

    with pyzipper.AESZipFile(path) as zf:
        if password:
            zf.setpassword(password.encode())
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(path: Path, contents: dict[str, bytes]) -> None:
    """Write `contents` as a plain ZIP over `path` (a forger's copy of a pack)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in contents.items():
            zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def pdf_text(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)
