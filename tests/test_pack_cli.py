"""`rekisteri audit-pack`, `verify-pack` and `audit verify --expect-head` from the
command line, as a scheduled job runs them: no prompts, no progress without a terminal,
documented exit codes."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest

from tests.conftest import cli_context_at
from tests.pack_fixtures import members, rezip

WHEN = datetime(2026, 4, 2, 6, 30, tzinfo=UTC)


@pytest.fixture
def cli_demo(demo_file, db_path, cli, monkeypatch):
    """`cli` on a copy of the demo database, its clock at WHEN."""
    shutil.copyfile(demo_file, db_path)
    monkeypatch.setattr("rekisteri_app.cli.pack_commands.open_context", cli_context_at(WHEN))
    monkeypatch.setattr("rekisteri_app.cli.db_commands.open_context", cli_context_at(WHEN))
    monkeypatch.delenv("REKISTERI_PACK_PASSWORD", raising=False)
    return cli


def test_the_period_choices_are_the_services_presets():
    from rekisteri_app.cli.pack_commands import PERIODS
    from rekisteri_app.services.audit_pack import PRESETS

    assert tuple(PRESETS) == PERIODS


def test_audit_pack_writes_a_pack_that_verify_pack_accepts(cli_demo, tmp_path):
    out = tmp_path / "q1.zip"
    code, stdout, stderr = cli_demo(
        "--lang",
        "en",
        "audit-pack",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--out",
        str(out),
    )
    assert code == 0, stderr
    assert f"Wrote the audit pack {out}" in stdout and "Audit-chain head at creation: " in stdout
    assert stderr == ""  # stderr is no terminal here: no progress lines
    head = stdout.split("Audit-chain head at creation: ")[1].split()[0]
    code, stdout, stderr = cli_demo("--lang", "en", "verify-pack", str(out))
    assert code == 0 and "The pack is intact" in stdout and head in stdout


def test_a_preset_period_and_json_output(cli_demo, tmp_path):
    code, stdout, _err = cli_demo(
        "audit-pack", "--period", "last-quarter", "--out", str(tmp_path / "p.zip"), "--json"
    )
    assert code == 0
    data = json.loads(stdout)
    assert data["period"] == {"start": "2026-01-01", "end": "2026-03-31"}
    assert data["head"].count(":") == 1 and set(data["members"]) >= {"index.pdf", "requests.csv"}


def test_the_pack_language_is_an_option(cli_demo, tmp_path):
    from tests.pack_fixtures import pdf_text

    code, _out, _err = cli_demo(
        "audit-pack", "--period", "last-quarter", "--lang", "sv", "--out", str(tmp_path / "p.zip")
    )
    assert code == 0
    assert "Granskningspaket" in pdf_text(members(tmp_path / "p.zip")["index.pdf"])


def test_bad_arguments_exit_1_and_write_nothing(cli_demo, tmp_path):
    out = tmp_path / "p.zip"
    for args in (
        ["--period", "last-quarter", "--from", "2026-01-01"],
        ["--from", "2026-01-01"],
        ["--from", "2026-03-31", "--to", "2026-01-01"],
        ["--period", "last-quarter", "--include-letters"],
        ["--period", "last-quarter", "--password-file", str(tmp_path / "pw")],
    ):
        code, _out, err = cli_demo("--lang", "en", "audit-pack", *args, "--out", str(out))
        assert code == 1 and err.strip() and "Traceback" not in err, args
    assert not out.exists()


def test_encrypting_never_prompts_without_a_terminal(cli_demo, tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "p.zip"
    code, _out, err = cli_demo(
        "--lang", "en", "audit-pack", "--period", "last-quarter", "--encrypt", "--out", str(out)
    )
    assert code == 1 and "REKISTERI_PACK_PASSWORD" in err and not out.exists()
    (tmp_path / "pw").write_text("correct battery staple horse\n")
    code, stdout, _err = cli_demo(
        "--lang", "en", "audit-pack", "--period", "last-quarter", "--encrypt",
        "--password-file", str(tmp_path / "pw"), "--out", str(out),
    )  # fmt: skip
    assert code == 0 and "AES-256" in stdout
    code, _out, err = cli_demo("--lang", "en", "verify-pack", str(out))
    assert code == 2 and "encrypted" in err
    monkeypatch.setenv("REKISTERI_PACK_PASSWORD", "correct battery staple horse")
    code, stdout, _err = cli_demo("verify-pack", str(out))
    assert code == 0


def test_verify_pack_exit_codes_name_what_fails(cli_demo, tmp_path):
    out = tmp_path / "p.zip"
    assert cli_demo("audit-pack", "--period", "last-quarter", "--out", str(out))[0] == 0
    contents = members(out)
    contents["findings.csv"] = contents["findings.csv"] + b"x"
    rezip(out, contents)
    code, stdout, _err = cli_demo("--lang", "en", "verify-pack", str(out), "--json")
    assert code == 1
    data = json.loads(stdout)
    assert data["ok"] is False and [p["where"] for p in data["problems"]] == ["findings.csv"]
    code, stdout, err = cli_demo("--lang", "en", "verify-pack", str(out))
    assert code == 1 and stdout.startswith("findings.csv: ") and "1 problems" in err
    code, _out, err = cli_demo("--lang", "en", "verify-pack", str(tmp_path / "none.zip"))
    assert code == 2 and "none.zip" in err


def test_audit_verify_prints_the_head_and_proves_an_expected_one(cli_demo):
    code, stdout, _err = cli_demo("--lang", "en", "audit", "verify")
    assert code == 0
    head = stdout.split("Chain head: ")[1].strip()
    count, digest = head.split(":")
    code, stdout, _err = cli_demo("--lang", "en", "audit", "verify", "--expect-head", head)
    assert code == 0 and f"position {count} has that hash" in stdout
    wrong = f"{int(count) - 5}:{digest}"
    code, stdout, _err = cli_demo("--lang", "en", "audit", "verify", "--expect-head", wrong)
    assert code == 1 and f"position {int(count) - 5} has hash" in stdout and "rewritten" in stdout
    code, stdout, _err = cli_demo(
        "--lang", "en", "audit", "verify", "--expect-head", f"{int(count) + 9}:{digest}"
    )
    assert code == 1 and f"only {count} events" in stdout
    code, stdout, _err = cli_demo("audit", "verify", "--json", "--expect-head", head)
    assert json.loads(stdout)["expected_head_found"] is True and json.loads(stdout)["head"] == head
    code, _out, err = cli_demo("--lang", "en", "audit", "verify", "--expect-head", "12:xyz")
    assert code == 1 and "COUNT:HASH" in err


def test_a_scheduled_pack_reads_a_copy_while_the_window_holds_the_database(
    demo_file, db_path, cli, tmp_path, monkeypatch
):
    """The window is open all day (auto-locked): a cron job's pack must still be made,
    from a consistent copy, leaving the database and the temporary folder as they were."""
    import hashlib
    import tempfile

    from rekisteri_app.storage import audit
    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    shutil.copyfile(demo_file, db_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "q1.zip"
    with Database.open(db_path, PASSPHRASE) as window:  # holds the one-writer lock
        with window.session() as session:
            head = str(audit.head(session))
        before = hashlib.sha256(db_path.read_bytes()).hexdigest()
        assert cli("request", "list")[0] == 2  # a command that may write still waits
        code, stdout, stderr = cli(
            "--lang",
            "en",
            "audit-pack",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--out",
            str(out),
        )
        assert code == 0, stderr
        assert f"Audit-chain head at creation: {head}" in stdout
        assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert list(scratch.iterdir()) == []  # the copy is gone
    code, stdout, _err = cli("--lang", "en", "verify-pack", str(out))
    assert code == 0 and head in stdout


def test_audit_pack_never_writes_over_the_database(demo_file, db_path, cli):
    import hashlib

    shutil.copyfile(demo_file, db_path)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    for target in (db_path, db_path.with_name(db_path.name + ".lock")):
        code, _out, stderr = cli(
            "--lang", "en", "audit-pack", "--period", "this-year", "--out", str(target)
        )
        assert code == 1 and "choose another name" in stderr
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
