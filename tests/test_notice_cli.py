"""`rekisteri notice`: print, publish (with red findings), compare, list; bad input exits 1."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime

import pytest

from rekisteri_app.services.context import ServiceContext
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, FixedClock, cli_context_at
from tests.test_notice_service import (
    KUOPIO_CUSTOMERS,
    KUOPIO_MARKETING,
    VALKEAKOSKI,
    fix_mailchimp_safeguard,
    load_seed,
    pdf_text,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def run(ctx, cli, monkeypatch, db_path):
    """The CLI (messages in English) on a database holding two seeds, with the test clock."""
    from rekisteri_app.cli import notice_commands

    load_seed(ctx, "004_valkeakoski", "002_kuopio")
    ctx.db.close()

    monkeypatch.setattr(notice_commands, "open_context", cli_context_at(NOW))

    def call(*args: str) -> tuple[int, str, str]:
        return cli("--lang", "en", *args)

    call.ctx = lambda: ServiceContext(
        Database.open(db_path, PASSPHRASE), actor="cli", clock=FixedClock(NOW)
    )
    return call


@pytest.fixture
def out_dir(tmp_path):
    """Where the notices go (the database lives in tmp_path)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def stored(run) -> tuple[list[dict], int]:
    """The stored notice versions of Valkeakoski and the audit trail's length."""
    from rekisteri_app.services import notices
    from rekisteri_app.storage import models as m

    ctx = run.ctx()
    try:
        versions = [v.as_dict() for v in notices.list_versions(ctx, VALKEAKOSKI)]
        with ctx.read() as session:
            events = session.query(m.AuditEvent).count()
        return versions, events
    finally:
        ctx.db.close()


def test_prints_pdf_and_html_without_storing(run, out_dir):
    before = stored(run)
    code, out, err = run("notice", VALKEAKOSKI, "--lang", "sv", "--out", str(out_dir / "n.pdf"))
    assert code == 0, err
    assert out.startswith("Wrote the notice to")
    assert "Dataskyddsbeskrivning" in pdf_text((out_dir / "n.pdf").read_bytes())
    code, _, err = run("notice", "1", "--lang", "en", "--out", str(out_dir / "n.html"))
    assert code == 0, err  # the format follows the file name; "1" is the register's id
    html = (out_dir / "n.html").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Privacy notice" in html
    code, _, err = run("notice", "1", "--format", "html", "--out", str(out_dir / "x.bin"))
    assert code == 0 and (out_dir / "x.bin").read_bytes().startswith(b"<!DOCTYPE html>")
    assert stored(run) == before
    assert not list(out_dir.glob("*.partial"))


def test_controller_option_and_several_registers_make_one_notice(run, out_dir):
    code, _, err = run(
        "notice",
        "--controller",
        "Kuopion Energia Oy",
        "--format",
        "html",
        "--out",
        str(out_dir / "a.html"),
    )
    assert code == 0, err
    code, _, err = run(
        "notice",
        KUOPIO_CUSTOMERS,
        KUOPIO_MARKETING,
        "--format",
        "html",
        "--out",
        str(out_dir / "b.html"),
    )
    assert code == 0, err
    joint = (out_dir / "a.html").read_text("utf-8")
    assert joint == (out_dir / "b.html").read_text("utf-8")
    assert KUOPIO_CUSTOMERS in joint and KUOPIO_MARKETING in joint
    code, _, err = run("notice", KUOPIO_CUSTOMERS, VALKEAKOSKI, "--out", str(out_dir / "c.pdf"))
    assert code == 1 and "same controller" in err
    assert not (out_dir / "c.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["No such register", "--out", "{tmp}/n.pdf"], "No register found"),
        ([VALKEAKOSKI, "--lang", "de", "--out", "{tmp}/n.pdf"], "invalid choice: 'de'"),
        ([VALKEAKOSKI, "--format", "docx", "--out", "{tmp}/n.pdf"], "invalid choice: 'docx'"),
        ([VALKEAKOSKI, "--out", "{tmp}/missing-dir/n.pdf"], "Could not write"),
        (
            [VALKEAKOSKI, "--out", "{tmp}/missing-dir/n.pdf", "--publish", "--yes"],
            "Could not write",
        ),
        (["No such register", "--out", "{tmp}/n.pdf", "--publish", "--yes"], "No register found"),
        ([VALKEAKOSKI], "--out"),
        ([VALKEAKOSKI, "--out", "{tmp}/n.pdf", "--yes"], "--publish"),
        (["--out", "{tmp}/n.pdf"], "--controller"),
        (["--controller", "Nobody Oy", "--out", "{tmp}/n.pdf"], "No controller found"),
    ],
)
def test_bad_input_exits_1_with_a_message_and_stores_nothing(run, out_dir, args, message):
    before = stored(run)
    code, _, err = run("notice", *[a.format(tmp=out_dir) for a in args])
    assert code == 1
    assert message in err
    assert stored(run) == before
    assert sorted(p.name for p in out_dir.iterdir()) == []


def test_red_findings_are_printed_and_publishing_needs_yes(run, out_dir):
    out_file = out_dir / "notice.pdf"
    before = stored(run)
    code, out, err = run("notice", VALKEAKOSKI, "--publish", "--out", str(out_file))
    assert code == 1
    assert "Red findings" in err and "The Rocket Science Group LLC (Mailchimp)" in err
    assert "--yes" in err
    assert stored(run) == before and not out_file.exists()

    code, out, err = run("notice", VALKEAKOSKI, "--publish", "--force", "--out", str(out_file))
    assert code == 0, err
    assert "Red findings" in err
    assert "Published version 2 of 2026-11-23 (fi, pdf)" in out
    digest = hashlib.sha256(out_file.read_bytes()).hexdigest()
    assert f"SHA-256: {digest}" in out
    versions, _ = stored(run)
    assert versions[-1]["sha256"] == digest and versions[-1]["version"] == "2"
    assert not list(out_dir.glob("*.partial"))


def test_publish_prints_changes_and_versions_are_listed(run, out_dir):
    ctx = run.ctx()
    try:
        fix_mailchimp_safeguard(ctx)
    finally:
        ctx.db.close()
    code, out, err = run("notice", VALKEAKOSKI, "--publish", "--out", str(out_dir / "1.pdf"))
    assert code == 0, err
    assert "every section is new" in out and err == ""

    code, out, err = run("notice", VALKEAKOSKI, "--changes")
    assert code == 0 and "No changes since version 2 of 2026-11-23 (fi)" in out

    ctx = run.ctx()
    try:
        from tests.test_notice_service import add_purpose

        add_purpose(ctx, VALKEAKOSKI, "asiakastyytyväisyyden mittaaminen")
    finally:
        ctx.db.close()
    code, out, err = run("notice", VALKEAKOSKI, "--changes")
    assert code == 0
    assert "Changes since version 2 of 2026-11-23 (fi):" in out
    assert "(changed)" in out and "+- asiakastyytyväisyyden mittaaminen" in out
    assert "Rekisterin nimi" not in out  # unchanged sections are not listed

    code, out, err = run("notice", VALKEAKOSKI, "--publish", "--out", str(out_dir / "2.html"))
    assert code == 0, err
    assert "+- asiakastyytyväisyyden mittaaminen" in out
    assert "Published version 3 of 2026-11-23 (fi, html)" in out

    code, out, err = run("notice", VALKEAKOSKI, "--versions", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(v["version"], v["language"], v["format"]) for v in listed] == [
        ("1", "fi", None),
        ("2", "fi", "pdf"),
        ("3", "fi", "html"),
    ]
    code, out, _ = run("notice", VALKEAKOSKI, "--versions")
    assert code == 0 and "Laatimispäivämäärä: 15.5.2018" in out


def test_a_refused_commit_leaves_no_file(run, out_dir, monkeypatch):
    from rekisteri_app.services import notices

    ctx = run.ctx()
    try:
        fix_mailchimp_safeguard(ctx)
    finally:
        ctx.db.close()
    real = notices.publish

    def refused_after_delivery(*args, deliver=None, **kwargs):
        real(*args, deliver=deliver, **kwargs)  # writes the .partial file, commits
        raise notices.ServiceError("refused at commit")

    monkeypatch.setattr(notices, "publish", refused_after_delivery)
    target = out_dir / "n.pdf"
    code, _, err = run("notice", VALKEAKOSKI, "--publish", "--out", str(target))
    assert code == 1 and "refused at commit" in err
    assert os.listdir(out_dir) == []
