"""The defects found by attacking the command line, each a regression test run as a real
process: a clear message and the documented exit code, never a traceback, stored data
unchanged, and no personal data in stderr or in the crash report."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from rekisteri_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(path, PASSPHRASE)
    return path


@pytest.fixture(scope="module")
def demo_data(demo_file, tmp_path_factory) -> dict:
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.exchange import export_document
    from rekisteri_app.storage.database import Database

    with Database.open(demo_file, PASSPHRASE) as db, ServiceContext(db).read() as session:
        return export_document(session)


def personal_values(doc: dict) -> set[str]:
    """Every requester's and data subject's name, address and e-mail in the demo."""
    found = set()
    for req in doc["requests"]:
        for role in ("subject", "requester"):
            person = req.get(role) or {}
            for field in ("name", "address", "email"):
                if person.get(field):
                    found.add(person[field])
    return found


@pytest.fixture
def demo(demo_file, tmp_path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file, copy)
    return copy


@pytest.fixture
def state(tmp_path) -> Path:
    return tmp_path / "state"


def rekisteri(
    *args: str, state: Path, env: dict | None = None, **kw
) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "REKISTERI_PASSPHRASE": PASSPHRASE,
        "REKISTERI_STATE_DIR": str(state),
        "LANG": "en_GB.UTF-8",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "rekisteri_app.cli.main", "--lang", "en", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
        **kw,
    )


def crash_text(state: Path) -> str:
    log = state / "crash.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def write_json(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def damage_a_page(path: Path) -> None:
    """Overwrite bytes in the root page of the requests table, which every export reads
    (a page picked by position may be free or hold an index that nothing reads)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'requests'").fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek(4096 * (root - 1) + 100)
        handle.write(b"\0" * 64)


def damage_letter(path: Path) -> int:
    """Change one issued letter's stored PDF bytes behind the application's back."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    letter_id = conn.execute("SELECT min(id) FROM letters").fetchone()[0]
    conn.execute("UPDATE letters SET pdf = ? WHERE id = ?", (b"%PDF-1.4 broken", letter_id))
    conn.commit()
    conn.close()
    return letter_id


def failing_commands(demo: Path, tmp: Path, data: dict) -> list[tuple[str, list[str], int]]:
    """(label, argv, expected exit code) of inputs that used to end in a traceback."""
    name = data["requests"][0]["subject"]["name"]
    empty = tmp / "empty.pass"
    empty.write_text("")
    folder = tmp / "a-folder"
    folder.mkdir()
    damaged = tmp / "damaged.db"
    shutil.copyfile(demo, damaged)
    damage_a_page(damaged)
    broken_letter = tmp / "letter.db"
    shutil.copyfile(demo, broken_letter)
    letter_id = damage_letter(broken_letter)
    deep = write_json(tmp / "deep.json", "[" * 100_000)
    nested = write_json(
        tmp / "nested.json",
        '{"format": "rekisteri", "version": 1, "x": ' + "[" * 500 + "]" * 500 + "}",
    )
    surrogate = write_json(
        tmp / "surrogate.json",
        f'{{"format":"rekisteri","version":1,"controllers":[{{"name":"{name} \\ud800"}}]}}',
    )
    huge_int = write_json(
        tmp / "int.json",
        '{"format":"rekisteri","version":1,"registers":[{"name":"' + name + '",'
        '"retention_rules":[{"period_value":' + str(10**30) + ',"period_unit":"years"}]}]}',
    )
    long_value = write_json(
        tmp / "long.json",
        json.dumps(
            {
                "format": "rekisteri",
                "version": 1,
                "registers": [{"name": name, "description": (name + " ") * 60_000}],
            }
        ),
    )
    bad_policy = write_json(
        tmp / "policy.json",
        '{"format":"rekisteri","version":1,"settings":{"deadline.pause_policy":"sometimes"}}',
    )
    return [
        (
            "empty passphrase file",
            ["--db", str(demo), "--passphrase-file", str(empty), "register", "list"],
            1,
        ),
        ("a folder as the database", ["--db", str(folder), "register", "list"], 2),
        (
            "a damaged page hit by export",
            ["--db", str(damaged), "export", "--json", str(tmp / "out.json")],
            2,
        ),
        ("deeply nested JSON", ["--db", str(demo), "import", "--json", str(deep)], 1),
        (
            "nested JSON within the parser's reach",
            ["--db", str(demo), "import", "--json", str(nested)],
            1,
        ),
        ("a lone surrogate", ["--db", str(demo), "import", "--json", str(surrogate)], 1),
        ("an integer of 10**30", ["--db", str(demo), "import", "--json", str(huge_int)], 1),
        ("a value of megabytes", ["--db", str(demo), "import", "--json", str(long_value)], 1),
        ("an unknown pause policy", ["--db", str(demo), "import", "--json", str(bad_policy)], 1),
        (
            "--received 0001-01-01",
            [
                "--db",
                str(demo),
                "request",
                "add",
                "--received",
                "0001-01-01",
                "--channel",
                "post",
                "--type",
                "access",
                "--name",
                name,
                "--lang",
                "fi",
            ],
            1,
        ),
        (
            "a missing --new-passphrase-file",
            ["--db", str(demo), "passwd", "--new-passphrase-file", str(tmp / "nope")],
            1,
        ),
        (
            "a reprint of a damaged letter",
            [
                "--db",
                str(broken_letter),
                "letter",
                "reprint",
                str(letter_id),
                "--out",
                str(tmp / "copy.pdf"),
            ],
            1,
        ),
        (
            "an identity code on the command line",
            [
                "--db",
                str(demo),
                "request",
                "update",
                data["requests"][0]["case_number"],
                "--hetu",
                "131052-308T",
            ],
            1,
        ),
        (
            "a wrong passphrase",
            [
                "--db",
                str(demo),
                "--passphrase-file",
                str(write_json(tmp / "wrong.pass", "wrong passphrase")),
                "register",
                "list",
            ],
            2,
        ),
    ]


def test_every_failing_command_says_why_with_its_exit_code_and_no_personal_data(
    demo, demo_data, tmp_path, state
):
    names = personal_values(demo_data)
    assert len(names) > 40  # the demo's people, addresses and e-mails
    before = demo.read_bytes()
    for label, argv, code in failing_commands(demo, tmp_path, demo_data):
        done = rekisteri(*argv, state=state)
        assert done.returncode == code, (label, done.stderr)
        assert "Traceback" not in done.stderr, label
        assert done.stderr.strip(), label
        leaked = [n for n in names if n in done.stderr]
        assert not leaked, (label, leaked)
    assert demo.read_bytes() == before
    log = crash_text(state)
    assert not [n for n in names if n in log]
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.json.partial").exists()


def test_a_damaged_page_names_the_problem_and_the_backups(demo, state):
    damage_a_page(demo)
    done = rekisteri(
        "--db", str(demo), "export", "--json", str(demo.with_suffix(".json")), state=state
    )
    assert done.returncode == 2
    assert "damaged" in done.stderr and "HMAC" in done.stderr
    assert "rekisteri restore" in done.stderr and f"{demo.name}-backups" in done.stderr
    check = rekisteri("--db", str(demo), "check-integrity", "--json", state=state)
    assert check.returncode == 2
    report = json.loads(check.stdout)
    assert not report["ok"] and report["pages"]


def test_an_unexpected_error_is_reported_by_type_and_code_location_only(demo_data, demo, state):
    secret = personal_values(demo_data).pop()
    script = textwrap.dedent(f"""
        import sys
        from rekisteri_app.services import entities
        def boom(*args, **kwargs):
            raise RuntimeError({secret!r} + " lives here")
        entities.list_registers = boom
        from rekisteri_app.cli.main import main
        sys.exit(main(["--lang", "en", "--db", {str(demo)!r}, "register", "list"]))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "REKISTERI_PASSPHRASE": PASSPHRASE, "REKISTERI_STATE_DIR": str(state)},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1
    assert secret not in done.stderr and "Traceback" not in done.stderr
    assert "RuntimeError" in done.stderr and str(state / "crash.log") in done.stderr
    log = crash_text(state)
    assert secret not in log and "lives here" not in log
    assert "RuntimeError" in log and "rekisteri_app/cli/entity_commands.py:" in log
    if os.name == "posix":
        assert (state / "crash.log").stat().st_mode & 0o077 == 0


def test_passwd_records_the_rekey_only_after_it_succeeded(demo, tmp_path, state):
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database
    from rekisteri_app.storage.models import AuditEvent

    def rekeys(passphrase: str) -> int:
        with Database.open(demo, passphrase) as db, ServiceContext(db).read() as session:
            return session.query(AuditEvent).filter_by(action="rekey").count()

    weak = tmp_path / "weak.pass"
    weak.write_text("short\n")
    done = rekisteri("--db", str(demo), "passwd", "--new-passphrase-file", str(weak), state=state)
    assert done.returncode == 1 and "8" in done.stderr
    assert rekeys(PASSPHRASE) == 0
    good = tmp_path / "good.pass"
    good.write_text("a much longer passphrase\n")
    done = rekisteri("--db", str(demo), "passwd", "--new-passphrase-file", str(good), state=state)
    assert done.returncode == 0, done.stderr
    assert rekeys("a much longer passphrase") == 1


def open_case(data: dict) -> str:
    return next(r["case_number"] for r in data["requests"] if r["status"] == "in-progress")


def test_an_identity_code_comes_from_a_file_or_the_environment(demo, demo_data, tmp_path, state):
    case = open_case(demo_data)
    code_file = tmp_path / "hetu.txt"
    code_file.write_text("131052-308T\n")
    done = rekisteri(
        "--db", str(demo), "request", "update", case, "--hetu-file", str(code_file), state=state
    )
    assert done.returncode == 0, done.stderr
    done = rekisteri(
        "--db",
        str(demo),
        "request",
        "update",
        case,
        "--hetu",
        state=state,
        env={"REKISTERI_HETU": "131052-308X"},
    )
    assert done.returncode == 1 and "check character" in done.stderr
    assert "131052-308X" not in done.stderr


def test_the_readme_never_shows_an_identity_code_on_the_command_line():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--hetu " not in readme.replace("--hetu-file", "")


# ------------------------------------------------------------------------- import


def _import_doc(tmp_path: Path, doc: dict) -> Path:
    return write_json(tmp_path / "doc.json", json.dumps(doc))


def test_an_import_may_refer_to_a_stored_register_and_controller(demo, demo_data, tmp_path, state):
    register = demo_data["registers"][0]
    doc = {
        "format": "rekisteri",
        "version": 1,
        "requests": [
            {
                "case_number": "2020-0099",
                "received_on": "2020-01-02",
                "channel": "post",
                "language": "fi",
                "subject": {"name": "Testi Henkilö"},
                "registers": [register["key"]],
                "controller": demo_data["controllers"][0]["key"],
            }
        ],
    }
    done = rekisteri(
        "--db", str(demo), "import", "--json", str(_import_doc(tmp_path, doc)), state=state
    )
    assert done.returncode == 0, done.stderr
    shown = rekisteri("--db", str(demo), "request", "show", "2020-0099", "--json", state=state)
    assert register["name"] in shown.stdout
    registers = rekisteri("--db", str(demo), "register", "list", "--json", state=state)
    assert len(json.loads(registers.stdout)) == len(demo_data["registers"])  # none edited or added


def test_an_import_refuses_letters_and_attachments_whose_bytes_do_not_match(demo_data, tmp_path):
    from rekisteri_app.i18n import set_language
    from rekisteri_app.services.exchange import validate_document

    set_language("en")
    doc = json.loads(json.dumps(demo_data))
    doc["registers"] = doc["controllers"] = doc["processors"] = doc["breaches"] = []
    doc["settings"] = {}
    with_letter = next(r for r in doc["requests"] if r["letters"])
    with_scan = next(r for r in doc["requests"] if r["attachments"])
    for other in doc["requests"]:
        other["registers"], other["controller"], other["controllers"] = [], None, []
        for right in other["rights"]:
            for erasure in right["erasures"]:
                erasure["data_category"] = None
        for hold in other["legal_holds"]:
            hold["data_category"] = None
    assert validate_document(doc) == []
    letter, scan = doc["requests"].index(with_letter), doc["requests"].index(with_scan)
    with_letter["letters"][0]["pdf_base64"] = base64.b64encode(b"%PDF-1.4 not really").decode()
    with_letter["letters"][0]["sha256"] = None
    with_scan["attachments"][0]["sha256"] = "0" * 64
    problems = {p.path: p.message for p in validate_document(doc)}
    assert "readable PDF" in problems[f"$.requests[{letter}].letters[0].pdf_base64"]
    assert "SHA-256" in problems[f"$.requests[{scan}].attachments[0].sha256"]


def test_an_imported_setting_is_checked_like_settings_set(demo, tmp_path, state):
    doc = {"format": "rekisteri", "version": 1, "settings": {"deadline.pause_policy": "sometimes"}}
    done = rekisteri(
        "--db", str(demo), "import", "--json", str(_import_doc(tmp_path, doc)), state=state
    )
    assert done.returncode == 1 and "$.settings.deadline.pause_policy" in done.stderr
    listed = rekisteri("--db", str(demo), "request", "list", state=state)
    assert listed.returncode == 0, listed.stderr
    doc["settings"] = {"deadline.pause_policy": "SUSPEND", "no.such.key": "1"}
    done = rekisteri(
        "--db", str(demo), "import", "--json", str(_import_doc(tmp_path, doc)), state=state
    )
    assert done.returncode == 1 and "no.such.key" in done.stderr


def test_a_validation_message_never_quotes_more_than_40_characters(tmp_path):
    from rekisteri_app.services.exchange import validate_document

    value = "Maija Esimerkki, Koivukuja 3 " * 1000
    doc = {
        "format": "rekisteri",
        "version": 1,
        "registers": [{"name": "R", "legal_bases": [{"article": value}]}],
    }
    problems = validate_document(doc)
    assert problems and all(value[:41] not in p.message for p in problems)
    assert problems[0].path == "$.registers[0].legal_bases[0].article"


# ------------------------------------------------------------------- outputs


KILLED_EXPORT = textwrap.dedent("""
    import os, sys, time
    real_fsync = os.fsync
    def slow_fsync(fd):
        print("writing", flush=True)   # the partial file now holds the plaintext export
        time.sleep(60)
        real_fsync(fd)
    os.fsync = slow_fsync
    from rekisteri_app.cli.main import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM to a child process needs POSIX")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_killed_export_leaves_no_partial_file(demo, tmp_path, state, sig):
    out = tmp_path / "export.json"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILLED_EXPORT,
            "--lang",
            "en",
            "--db",
            str(demo),
            "export",
            "--json",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "REKISTERI_PASSPHRASE": PASSPHRASE, "REKISTERI_STATE_DIR": str(state)},
    )
    assert child.stdout.readline().strip() == "writing"
    assert (tmp_path / "export.json.partial").exists()
    assert (tmp_path / "export.json.partial").stat().st_mode & 0o077 == 0
    child.send_signal(sig)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 1
    assert "Interrupted" in err and "Traceback" not in err
    assert not out.exists() and not (tmp_path / "export.json.partial").exists()


def test_a_full_disk_leaves_no_backup_or_export_behind(demo, small_disk, state):
    for argv in (
        ["backup", str(small_disk / "copy.db")],
        ["export", "--json", str(small_disk / "out.json")],
    ):
        done = rekisteri("--db", str(demo), *argv, state=state)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert list(small_disk.iterdir()) == []


def test_the_portability_csv_neutralises_formulas():
    from rekisteri_app.services.letters.compose import portability_files

    class Org:
        name = "Esimerkki Oy"
        business_id = "1234567-1"

    class Data:
        case_number = "2026-0001"
        organisation = Org()
        data_subject_name = "Maija"
        issue_date = __import__("datetime").date(2026, 11, 23)

    from rekisteri_app.documents.letters import DataCopyEntry

    files = dict(portability_files(Data(), (DataCopyEntry("Nimi", '=HYPERLINK("http://x")'),)))
    csv_text = files["2026-0001-portability.csv"].decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "\r\n=HYPERLINK" not in csv_text


# ------------------------------------------------------------ integrity and restore


def test_restore_proves_the_backup_and_keeps_the_replaced_file(demo, tmp_path, state):
    backup = tmp_path / "backup.db"
    assert rekisteri("--db", str(demo), "backup", str(backup), state=state).returncode == 0
    damage_a_page(demo)
    damaged = demo.read_bytes()
    done = rekisteri("--db", str(demo), "restore", str(backup), state=state)
    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("demo.db.replaced-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert demo.read_bytes() == backup.read_bytes()
    # (not the original's length: a backup rebuilds the indexes densely, a few pages fewer)
    check = rekisteri("--db", str(demo), "check-integrity", state=state)
    assert check.returncode == 0 and "intact" in check.stdout


def test_restore_refuses_a_backup_that_fails_its_checks_and_changes_nothing(demo, tmp_path, state):
    bad = tmp_path / "bad.db"
    shutil.copyfile(demo, bad)
    damage_a_page(bad)
    before = demo.read_bytes()
    done = rekisteri("--db", str(demo), "restore", str(bad), state=state)
    assert done.returncode == 1 and "not restored" in done.stderr
    assert demo.read_bytes() == before
    wrong = tmp_path / "wrong.pass"
    wrong.write_text("not the passphrase\n")
    done = rekisteri(
        "--db", str(demo), "--passphrase-file", str(wrong), "restore", str(demo), state=state
    )
    assert done.returncode in (1, 2) and demo.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]


def test_restore_is_refused_while_the_database_is_open(demo, tmp_path, state):
    from rekisteri_app.storage.database import Database, backup

    copy = backup(demo, PASSPHRASE, tmp_path / "copy.db")
    with Database.open(demo, PASSPHRASE):
        done = rekisteri("--db", str(demo), "restore", str(copy), state=state)
    assert done.returncode == 2 and "in use" in done.stderr


def test_an_unreadable_database_file_is_refused_with_exit_2(demo, state):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    demo.chmod(0)
    done = rekisteri("--db", str(demo), "register", "list", state=state)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_an_import_refuses_a_breach_letter_whose_bytes_do_not_match(demo_data):
    from rekisteri_app.i18n import set_language
    from rekisteri_app.services.exchange import validate_document

    set_language("en")
    doc = json.loads(json.dumps(demo_data))
    b, breach = next((i, x) for i, x in enumerate(doc["breaches"]) if x["letters"])
    breach["letters"][0]["sha256"] = "0" * 64
    problems = {p.path: p.message for p in validate_document(doc)}
    assert "SHA-256" in problems[f"$.breaches[{b}].letters[0].sha256"]
