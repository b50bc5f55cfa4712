"""The Linux bundle, built from a clean copy of this checkout and used as an officer would.

One build per run (`packaging/build-linux.sh`, which runs `packaging/rekisteri.spec`): the
archive it makes is unpacked into a folder outside the source tree, the clean copy is then
deleted, and every program runs from the unpacked folder only, with PYTHONPATH, the venv
and this interpreter out of reach. Skipped with `--skip-bundle` or REKISTERI_SKIP_BUNDLE=1;
the build's and the checks' times are printed at the end of the run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from rekisteri_app import __version__
from rekisteri_app.domain import deadlines
from rekisteri_app.storage.lock import read_lock

from .conftest import BUNDLE_TIMINGS

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parent.parent
BUNDLE_RULES = ROOT / "packaging" / "bundle_rules.py"
PASSPHRASE = "bundle-test-passphrase"
WINDOW_SECONDS = 6
# what Qt's offscreen platform itself prints for any window (the same from the venv)
OFFSCREEN_NOTICES = {"This plugin does not support propagateSizeHints()"}
BUILD_TIMEOUT = 1800


@dataclass
class Installed:
    folder: Path  # the unpacked archive: rekisteri, rekisteri-app, _internal/, share/
    work: Path  # where the programs run and write their files
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.folder / "rekisteri"), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def ok(self, *args: str) -> str:
        done = self.run(*args)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        return done.stdout


def tracked_copy(destination: Path) -> Path:
    """The files git tracks (as they are in the work tree): what a clean clone holds."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: the bundle test builds from the tracked files")
    for name in listed.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def isolated_env(home: Path) -> dict[str, str]:
    """No PYTHONPATH, no venv, no Python on PATH; a fresh home for the window's settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "XDG_")) and key != "LD_LIBRARY_PATH"
    }
    env.update(
        PATH="/usr/bin:/bin",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        REKISTERI_PASSPHRASE=PASSPHRASE,
        LANG="C.UTF-8",
    )
    (home / "runtime").mkdir(parents=True, mode=0o700)
    return env


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if not sys.platform.startswith("linux"):
        pytest.skip("packaging/build-linux.sh builds the Linux bundle")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: scripts/test installs the bundle extra")
        pytest.skip("PyInstaller is not installed (pip install -e '.[bundle]')")
    base = tmp_path_factory.mktemp("bundle")
    source = tracked_copy(base / "source")
    started = time.monotonic()
    built = subprocess.run(
        ["bash", "packaging/build-linux.sh"],
        cwd=source,
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    BUNDLE_TIMINGS["build"] = time.monotonic() - started
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    archive = source / built.stdout.strip().splitlines()[-1]
    unpacked = base / "installed"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    shutil.rmtree(source)  # from here on nothing can come from the checkout's copy
    (folder,) = unpacked.iterdir()
    work = base / "work"
    work.mkdir()
    BUNDLE_TIMINGS["checks"] = 0.0
    return Installed(folder, work, isolated_env(base / "home"))


@pytest.fixture(autouse=True)
def _timed():
    started = time.monotonic()
    yield
    if "checks" in BUNDLE_TIMINGS:
        BUNDLE_TIMINGS["checks"] += time.monotonic() - started


@pytest.fixture(scope="session")
def demo(installed: Installed) -> Path:
    out = installed.ok("demo", "demo.db")
    path = installed.work / "demo.db"
    assert path.is_file(), out
    return path


def a_received_date_whose_deadline_falls_on_a_holiday() -> date:
    """A past date one month before a Finnish public holiday: the deadline must roll."""
    day = date.today() - timedelta(days=1)
    while deadlines.public_holiday(deadlines.add_months(day, 1)) is None:
        day -= timedelta(days=1)
    return day


def load_bundle_rules():
    spec = importlib.util.spec_from_file_location("bundle_rules", BUNDLE_RULES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file (readelf comes with binutils, as strip does)."""
    shown = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", shown.stdout)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


# ------------------------------------------------------------------------ the checks


def test_the_command_line_names_its_version(installed):
    assert installed.ok("--version").strip() == f"rekisteri {__version__}"


def test_the_archive_carries_the_desktop_entry_icons_and_metainfo(installed):
    share = installed.folder / "share"
    assert (share / "applications" / "fi.rekisteri.Rekisteri.desktop").is_file()
    assert (share / "metainfo" / "fi.rekisteri.Rekisteri.metainfo.xml").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (share / f"icons/hicolor/{size}x{size}/apps/fi.rekisteri.Rekisteri.png").is_file()
    assert os.access(installed.folder / "install-desktop-entry.sh", os.X_OK)


def test_the_bundle_carries_no_tests_sources_or_catalogue_sources(installed):
    package = installed.folder / "_internal" / "rekisteri_app"
    assert not (package / "tests").exists()
    assert not (package / "packaging").exists()
    assert not list(package.rglob("*.po")) and not list(package.rglob("*.pot"))
    assert (package / "translations" / "fi" / "LC_MESSAGES" / "rekisteri.mo").is_file()


def test_nothing_kept_links_a_library_the_recipe_leaves_out(installed):
    rules = load_bundle_rules()
    internal = installed.folder / "_internal"
    linked: dict[str, set[str]] = {}
    for path in [installed.folder / "rekisteri", *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        for needed in needed_libraries(path):
            linked.setdefault(needed, set()).add(path.name)
    assert linked, "readelf found no libraries"
    dropped = {name: users for name, users in linked.items() if not rules.keep_binary(name)}
    assert not dropped, dropped


def test_a_demo_database_is_created_and_lists_its_requests(installed, demo):
    listed = json.loads(installed.ok("--db", str(demo), "request", "list", "--json"))
    assert listed and all(row["case_number"] for row in listed)


@dataclass
class Case:
    number: str
    received: date


@pytest.fixture(scope="session")
def new_case(installed: Installed, demo: Path) -> Case:
    """A request logged through the bundle, received a month before a public holiday."""

    def numbers() -> set[str]:
        listed = json.loads(installed.ok("--db", str(demo), "request", "list", "--json"))
        return {row["case_number"] for row in listed}

    before = numbers()
    received = a_received_date_whose_deadline_falls_on_a_holiday()
    installed.ok(
        "--db", str(demo), "request", "add", "--received", received.isoformat(),
        "--channel", "post", "--type", "access", "--name", "Maija Esimerkki",
        "--address", "Kuja 1, 40100 Jyväskylä", "--lang", "sv",
    )  # fmt: skip
    (number,) = numbers() - before
    return Case(number, received)


def test_a_deadline_rolls_past_finnish_public_holidays(installed, demo, new_case):
    shown = json.loads(
        installed.ok("--db", str(demo), "request", "show", new_case.number, "--json")
    )
    expected = deadlines.compute_deadline(new_case.received)
    assert shown["received_on"] == new_case.received.isoformat()
    assert shown["due_date"] == expected.due.isoformat()
    assert expected.due != expected.raw_due  # the holiday was skipped


def test_a_letter_is_issued_and_reads_as_the_case_says(installed, demo, new_case):
    installed.ok(
        "--db", str(demo), "letter", new_case.number, "--kind", "acknowledgement",
        "--lang", "sv", "--out", "kvitto.pdf",
    )  # fmt: skip
    text = pdf_text(installed.work / "kvitto.pdf")
    shown = json.loads(
        installed.ok("--db", str(demo), "request", "show", new_case.number, "--json")
    )
    assert new_case.number in text
    assert shown["controller_name"] in text
    assert "Maija Esimerkki" in text and "Jyväskylä" in text  # embedded font: å ä ö
    assert len(shown["letters"]) == 1


def test_a_privacy_notice_is_printed(installed, demo):
    register = json.loads(installed.ok("--db", str(demo), "register", "show", "Asiakasrekisteri",
                                       "--json"))  # fmt: skip
    installed.ok(
        "--db", str(demo), "notice", "Asiakasrekisteri", "--lang", "en", "--format", "pdf",
        "--out", "notice.pdf",
    )  # fmt: skip
    text = pdf_text(installed.work / "notice.pdf")
    assert register["name"] in text
    assert register["data_categories"][0]["heading"] in text


def test_the_exchange_format_round_trips_through_its_json_schema(installed, demo):
    installed.ok("--db", str(demo), "export", "--json", "export.json")
    copy = installed.work / "copy.db"
    installed.ok("--db", str(copy), "init")
    installed.ok("--db", str(copy), "import", "--json", "export.json")
    exported = json.loads((installed.work / "export.json").read_text(encoding="utf-8"))
    assert len(json.loads(installed.ok("--db", str(copy), "register", "list", "--json"))) == len(
        exported["registers"]
    )


def test_the_audit_chain_verifies(installed, demo):
    done = installed.run("--db", str(demo), "audit", "verify")
    assert done.returncode == 0, done.stderr


def test_the_window_opens_the_demo_database_and_stays_up_quietly(installed, demo):
    window = subprocess.Popen(
        [str(installed.folder / "rekisteri-app"), "--db", str(demo)],
        cwd=installed.work,
        env=installed.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while (lock := read_lock(demo)) is None or lock.pid != window.pid:
            assert window.poll() is None, window.communicate()
            assert time.monotonic() < deadline, "the window did not open the database"
            time.sleep(0.2)
        time.sleep(WINDOW_SECONDS)  # the pages load and the checker runs
        assert window.poll() is None, window.communicate()
    finally:
        window.send_signal(signal.SIGTERM)
        out, err = window.communicate(timeout=30)
    assert out == ""
    assert [line for line in err.splitlines() if line not in OFFSCREEN_NOTICES] == [], err
