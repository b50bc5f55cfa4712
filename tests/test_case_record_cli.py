"""Issue 11 on the command line: `request edit`, several controllers, `request split`,
confirmations of unusual dates, withdrawals, the letter's controller, delivery and pause.

Every failing correction exits 1 with a message, stores nothing and leaves the audit
chain verifiable.
"""

from __future__ import annotations

import json

import pytest

from rekisteri_app.storage.audit import verify
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, cli_context_at
from tests.test_letter_service import officer, pdf_text
from tests.test_requests_cli import NOW, add, export, show
from tests.test_requests_helpers import HETU, load_organisation

EE, VERKKO = "Esimerkki Energia Oy", "Esimerkki Sähköverkko Oy"


@pytest.fixture
def run(ctx, cli, monkeypatch, db_path):
    """The CLI on the sample organisation, with the test clock, for requests and letters."""
    from rekisteri_app.cli import letter_commands, request_commands

    load_organisation(ctx)
    officer(ctx)
    ctx.db.close()
    monkeypatch.setattr(request_commands, "open_context", cli_context_at(NOW))
    monkeypatch.setattr(letter_commands, "open_context", cli_context_at(NOW))

    def call(*args: str) -> tuple[int, str, str]:
        return cli("--lang", "en", *args)

    call.db_path = db_path
    call.raw = cli  # without the English default
    return call


def chain_ok(run) -> bool:
    with Database.open(run.db_path, PASSPHRASE) as db, db.sessions() as s:
        return verify(s).ok


def edit(run, case: str, *args: str) -> tuple[int, str, str]:
    return run("request", "edit", case, *args)


def test_add_with_two_controllers_keeps_both(run):
    case = add(run, "--controller", EE, "--controller", VERKKO)
    v = show(run, case)
    assert [(c["name"], c["addressed_to"]) for c in v["controllers"]] == [
        (EE, True),
        (VERKKO, False),
    ]
    _code, out, _err = run("request", "show", case)
    assert "Controllers:" in out and f"{VERKKO} (group company)" in out


def test_edit_corrects_the_received_date_and_show_explains_the_move(run):
    case = add(run)
    code, out, err = edit(run, case, "--received", "2026-10-30", "--reason", "stamp misread")
    assert code == 0, err
    assert "Corrected 2026-0001: due 2026-11-30." in out
    assert "The due date moved from 2026-12-02 to 2026-11-30." in out
    v = show(run, case)
    assert v["due_date"] == "2026-11-30"
    [c] = v["corrections"]
    assert {k: c[k] for k in ("field", "before", "after", "reason")} == {
        "field": "received_on",
        "before": "2026-11-02",
        "after": "2026-10-30",
        "reason": "stamp misread",
    }
    assert c["at"].startswith("2026-11-23T09:00")
    assert any(
        line.startswith("Due date moved from Wednesday 2026-12-02 to Monday 2026-11-30 because")
        for line in v["rule_lines"]
    )
    code, out, _err = run("request", "show", case)
    assert "Corrections:" in out and "received date: 2026-11-02 → 2026-10-30" in out
    assert chain_ok(run)


def test_edit_takes_the_intake_options_and_the_removals(run):
    case = add(run, "--type", "erasure", "--controller", EE)
    code, _out, err = edit(
        run,
        case,
        "--reason",
        "second letter of 10 November",
        "--name",
        "Matti Meikäläinen-Korhonen",
        "--lang",
        "sv",
        "--classification",
        "gdpr",
        "--controller",
        VERKKO,
        "--remove-register",
        "Markkinointirekisteri",
        "--type",
        "rectification",
        "--raised-on",
        "2026-11-10",
        "--remove-type",
        "erasure",
        "--address-on-record",
        "Kuja 1\n40100 Jyväskylä",
        "--delivery-address",
        "PL 7, 00101 Helsinki",
    )
    assert code == 0, err
    v = show(run, case)
    assert v["subject"]["name"] == "Matti Meikäläinen-Korhonen" and v["language"] == "sv"
    assert [c["name"] for c in v["controllers"]] == [EE, VERKKO]
    assert v["register_names"] == ["Asiakasrekisteri"]
    assert {r["right"]: r["raised_on"] for r in v["rights"]} == {
        "access": None,
        "rectification": "2026-11-10",
    }
    assert v["address_on_record"] == "Kuja 1\n40100 Jyväskylä"
    assert v["delivery_address"] == "PL 7, 00101 Helsinki"
    assert v["delivery_differs"] is True
    code, _out, err = edit(run, case, "--reason", "handled apart", "--remove-controller", VERKKO)
    assert code == 0, err
    assert [c["name"] for c in show(run, case)["controllers"]] == [EE]
    code, _out, err = edit(
        run,
        case,
        "--reason",
        "phone call",
        "--withdraw-type",
        "rectification",
        "--words",
        "forget the rectification",
    )
    assert code == 0, err
    v = show(run, case)
    assert [r["right"] for r in v["rights"]] == ["access"]
    assert "“forget the rectification”" in v["timeline"][-2]["description"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--hetu",), "check character"),  # the code from $REKISTERI_HETU, never argv
        (("--received", "2026-02-30"), "not a valid date"),
        (("--received", "1899-12-31"), "1900"),
        (("--received", "2026-11-24"), "future"),
        (("--controller", "Tuntematon Oy"), "Tuntematon Oy"),
        (("--register", "Ei tällaista"), "Ei tällaista"),
        (("--remove-register", "Ei tällaista"), "Ei tällaista"),
        (("--remove-type", "access"), "at least one right"),
        (("--remove-controller", VERKKO), "not a controller of this case"),
        (("--withdraw-type", "access"), "--words"),
        (("--name", "Uusi Nimi", "--reason", " "), "--reason"),
        (("--name", "Uusi Nimi", "--no-reason"), "unrecognized"),
        ((), "nothing to correct"),
    ],
)
def test_a_failing_correction_exits_1_and_changes_nothing(run, args, message, monkeypatch):
    monkeypatch.setenv("REKISTERI_HETU", "131052-308X")
    case = add(run)
    before = export(run)
    argv = list(args)
    if "--reason" not in argv:
        argv += ["--reason", "checked again"]
    code, _out, err = edit(run, case, *argv)
    assert code == 1, err
    assert message in err
    assert "Traceback" not in err
    assert export(run) == before
    assert chain_ok(run)


def test_a_failing_correction_is_explained_in_the_officers_language(run):
    case = add(run)
    before = export(run)
    code, _out, err = run.raw(
        "--lang", "fi", "request", "edit", case, "--remove-type", "access", "--reason", "x"
    )
    assert code == 1
    assert "Pyynnössä on oltava vähintään yksi oikeus" in err
    assert export(run) == before and chain_ok(run)


def test_edit_needs_a_reason(run):
    case = add(run)
    code, _out, err = edit(run, case, "--name", "Uusi Nimi")
    assert code == 1 and "--reason" in err


def test_an_unusual_received_date_needs_yes(run):
    before = export(run)
    code, _out, err = run(
        "request",
        *("add", "--received", "2018-01-15", "--channel", "post", "--type", "access"),
        *("--name", "Matti", "--lang", "fi"),
    )
    assert code == 1
    assert "before 25 May 2018" in err and "--yes" in err
    assert export(run) == before
    case = add(run)
    code, _out, err = edit(run, case, "--received", "2025-06-01", "--reason", "old letter")
    assert code == 1 and "more than a year" in err and "--yes" in err
    code, out, err = edit(run, case, "--received", "2025-06-01", "--reason", "old", "--yes")
    assert code == 0, err
    assert "more than a year" in out
    assert show(run, case)["received_date_notes"]


def test_split_gives_a_controller_a_case_of_its_own(run, monkeypatch):
    monkeypatch.setenv("REKISTERI_HETU", HETU)
    case = add(run, "--controller", EE, "--controller", VERKKO, "--hetu")
    code, out, err = run(
        "request", "split", case, "--controller", VERKKO, "--reason", "the network answers"
    )
    assert code == 0, err
    new = out.split()[-1]
    assert new == "2026-0002"
    assert [c["name"] for c in show(run, new)["controllers"]] == [VERKKO]
    assert [c["name"] for c in show(run, case)["controllers"]] == [EE]
    before = export(run)
    code, _out, err = run("request", "split", case, "--controller", EE, "--reason", "x")
    assert code == 1 and "At least one controller" in err
    assert export(run) == before


def test_withdrawn_alone_closes_the_case(run):
    case = add(run)
    code, _out, err = run("request", "update", case, "--withdrawn")
    assert code == 0, err
    assert show(run, case)["status"] == "closed"


def test_the_letter_chooses_its_controller_delivery_and_pause(run, tmp_path):
    case = add(run, "--controller", EE, "--controller", VERKKO)
    out = tmp_path / "ident.pdf"
    code, _o, err = run(
        "letter", case, "--kind", "identity-request", "--lang", "fi", "--out", str(out)
    )
    assert code == 0, err
    v = show(run, case)
    assert [(p["kind"], p["asked_on"]) for p in v["pauses"]] == [("identity", "2026-11-23")]
    code, _o, err = run("request", "update", case, "--identity-received", "2026-11-23")
    assert code == 0, err
    code, _o, err = run(
        "letter",
        case,
        *("--kind", "identity-request", "--lang", "fi", "--out", str(out), "--no-pause"),
    )
    assert code == 0, err
    assert len(show(run, case)["pauses"]) == 1

    code, _o, err = edit(run, case, "--reason", "asked", "--address-on-record", "Toinen 5")
    assert code == 0, err
    ack = tmp_path / "ack.pdf"
    base = ("letter", case, "--kind", "acknowledgement", "--lang", "fi", "--out", str(ack))
    before = export(run)
    code, _o, err = run(*base)
    assert code == 1 and "confirm where the letter goes" in err
    assert export(run) == before and not ack.exists()
    code, _o, err = run(*base, "--deliver-to", "on-record", "--from-controller", VERKKO)
    assert code == 0, err
    data = json.loads(run("letter", "list", case, "--json")[1])
    kinds = sorted(d["kind"] for d in data)
    assert kinds == ["acknowledgement", "identity-request", "identity-request"]
    text = pdf_text(ack.read_bytes())
    assert "Toinen 5" in text and text.index(VERKKO) < text.index("Toinen 5")  # letterhead
    assert f"puolesta, joita pyyntönne koskee: {EE}." in text
    kinds = [t["kind"] for t in show(run, case)["timeline"]]
    assert "delivery-address" in kinds


def test_the_dashboard_lists_holds_at_risk(run):
    case = add(run, "--controller", EE)
    code, _o, err = run("request", "update", case, "--hold", "puhelutallenteet")
    assert code == 0, err
    code, out, err = run("request", "dashboard")
    assert code == 0, err
    assert (
        "2026-0001: puhelutallenteet (1 year): records dated 2025-11-02 to 2025-12-01 would "
        "be deleted before the due date 2026-12-02." in out
    )
    code, out, err = run("request", "dashboard", "--json")
    assert json.loads(out)["holds_at_risk"][0]["records_before"] == "2025-12-02"
