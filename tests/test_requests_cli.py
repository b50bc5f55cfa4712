"""`rekisteri request ...`: every field round-trips, bad input exits 1 and stores nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from rekisteri_app.services.context import ServiceContext
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, cli_context_at
from tests.test_requests_helpers import HETU, load_organisation, state

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def run(ctx, cli, monkeypatch, db_path):
    """The CLI on a database holding the sample organisation, with the test clock."""
    from rekisteri_app.cli import request_commands

    load_organisation(ctx)
    ctx.db.close()

    monkeypatch.setattr(request_commands, "open_context", cli_context_at(NOW))

    monkeypatch.setenv("REKISTERI_HETU", HETU)  # `--hetu` reads it; never argv

    def call(*args: str) -> tuple[int, str, str]:
        return cli("--lang", "en", *args)

    call.db_path = db_path
    return call


def show(run, case: str) -> dict:
    code, out, err = run("request", "show", case, "--json")
    assert code == 0, err
    return json.loads(out)


def export(run) -> tuple[str, int]:
    """Everything stored (the export and the audit trail's length)."""
    with Database.open(run.db_path, PASSPHRASE) as db:
        return state(ServiceContext(db))


def add(run, *extra: str) -> str:
    code, out, err = run(
        "request",
        "add",
        "--received",
        "2026-11-02",
        "--channel",
        "post",
        "--type",
        "access",
        "--name",
        "Matti Meikäläinen",
        "--address",
        "Kuja 1, 40100 Jyväskylä",
        "--lang",
        "fi",
        *extra,
    )
    assert code == 0, err
    return out.split()[-1]


def test_add_with_every_option_round_trips_through_show_json(run, tmp_path):
    scan = tmp_path / "valtakirja.pdf"
    scan.write_bytes(b"%PDF-1.4 valtakirja")
    code, out, err = run(
        "request",
        "add",
        "--received",
        "2026-11-02",
        "--channel",
        "post",
        "--type",
        "access",
        "--type",
        "erasure",
        "--name",
        "Matti Meikäläinen",
        "--address",
        "Kuja 1, 40100 Jyväskylä",
        "--email",
        "matti@example.invalid",
        "--phone",
        "040 000 0000",
        "--customer-number",
        "A-123",
        "--hetu",
        "--lang",
        "sv",
        "--register",
        "Asiakasrekisteri",
        "--controller",
        "Esimerkki Energia Oy",
        "--requester-name",
        "Liisa Asianajaja",
        "--requester-address",
        "Katu 2, 00100 Helsinki",
        "--requester-email",
        "liisa@example.invalid",
        "--requester-phone",
        "09 000",
        "--authority",
        "power-of-attorney",
        "--authority-checked",
        "2026-11-04",
        "--description",
        "Kirje ja valtakirja",
        "--classification",
        "gdpr",
        "--attach",
        str(scan),
    )
    assert code == 0, err
    case = out.split()[-1]
    assert case == "2026-0001"
    v = show(run, case)
    assert v["case_number"] == case
    assert v["received"] == v["received_on"] == "2026-11-02"
    assert v["due_date"] == "2026-12-02" and v["extended_due_date"] is None
    assert v["status"] == "received"
    assert (v["channel"], v["language"], v["classification"]) == ("post", "sv", "gdpr")
    assert v["subject"] == {
        "name": "Matti Meikäläinen",
        "address": "Kuja 1, 40100 Jyväskylä",
        "email": "matti@example.invalid",
        "phone": "040 000 0000",
        "customer_number": "A-123",
    }
    assert v["identity_code_recorded"] is True
    assert v["requester"]["name"] == "Liisa Asianajaja"
    assert v["requester"]["address"] == "Katu 2, 00100 Helsinki"
    assert v["requester"]["email"] == "liisa@example.invalid"
    assert v["requester"]["phone"] == "09 000"
    assert (v["authority"], v["authority_checked_on"]) == ("power-of-attorney", "2026-11-04")
    assert v["controller_name"] == "Esimerkki Energia Oy"
    assert v["register_names"] == ["Asiakasrekisteri"]
    assert v["description"] == "Kirje ja valtakirja"
    assert [(r["right"], r["outcome"]) for r in v["rights"]] == [
        ("access", "pending"),
        ("erasure", "pending"),
    ]
    assert [a["filename"] for a in v["attachments"]] == ["valtakirja.pdf"]
    assert v["attachments"][0]["size"] == len(b"%PDF-1.4 valtakirja")
    assert "One month from" in v["rule"]
    assert [t["kind"] for t in v["timeline"]] == ["intake", "identity-code"]
    assert v["repeats"] == []
    assert HETU not in json.dumps(v)


def test_add_from_a_json_file(run, tmp_path):
    path = tmp_path / "pyynto.json"
    path.write_text(
        json.dumps(
            {
                "received_on": "2026-11-02",
                "channel": "email",
                "language": "en",
                "rights": ["portability", {"right": "objection"}],
                "subject": {"name": "Anna Esimerkki", "address": "Tie 5"},
                "controller": "Esimerkki Energia Oy",
                "registers": ["Markkinointirekisteri"],
                "classification": "gdpr",
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run("request", "add", "--json", str(path))
    assert code == 0, err
    v = show(run, out.split()[-1])
    assert [r["right"] for r in v["rights"]] == ["portability", "objection"]
    assert v["register_names"] == ["Markkinointirekisteri"]
    path.write_text(
        json.dumps(
            {
                "received_on": "2026-11-02",
                "channel": "email",
                "language": "en",
                "rights": ["access"],
                "subject": {"name": "X"},
                "case_number": "2026-0099",
            }
        )
    )
    code, _out, err = run("request", "add", "--json", str(path))
    assert code == 1 and "case_number" in err


def test_update_each_kind_and_show_reflects_it(run):
    case = add(
        run, "--type", "erasure", "--type", "rectification", "--register", "Asiakasrekisteri"
    )
    steps = [
        ("--identity-asked", "2026-11-03"),
        ("--identity-received", "2026-11-05"),
        (
            "--identity-verified",
            "in-person-document",
            "--verified-by",
            "Aino Virtanen",
            "--verified-on",
            "2026-11-05",
            "--document-type",
            "passport",
            "--document-last4",
            "1234",
            "--hetu",
        ),
        ("--clarification-asked", "2026-11-06", "--clarification-received", "2026-11-09"),
        ("--status", "awaiting"),
        ("--status", "in-progress"),
        ("--extend", "--reasons", "Useita rekistereitä", "--letter-sent", "2026-11-20"),
        ("--fee-reason", "Toistuva pyyntö"),
        ("--outcome", "access=refused", "--ground", "art-12-5", "--reason", "toistuva"),
        (
            "--outcome",
            "erasure=partly",
            "--outcome",
            "rectification=granted",
            "--ground",
            "art-17-3-b",
            "--ground",
            "",
            "--reason",
            "kirjanpito",
            "--reason",
            "",
        ),
        (
            "--erasure",
            "puhelutallenteet=erased",
            "--erasure",
            "nimi=kept:2036-11-20:art-17-3-b:kirjanpitolaki",
        ),
        ("--hold", "puhelutallenteet", "--hold-reason", "riita"),
        ("--release", "puhelutallenteet"),
        ("--authority-checked", "2026-11-21"),
    ]
    for step in steps:
        code, _out, err = run("request", "update", case, *step)
        assert code == 0, (step, err)
    v = show(run, case)
    assert [(p["kind"], p["asked_on"], p["received_on"]) for p in v["pauses"]] == [
        ("identity", "2026-11-03", "2026-11-05"),
        ("clarification", "2026-11-06", "2026-11-09"),
    ]
    [check] = v["identity_checks"]
    assert (
        check["method"],
        check["verified_by"],
        check["verified_on"],
        check["document_type"],
        check["document_last4"],
    ) == ("in-person-document", "Aino Virtanen", "2026-11-05", "passport", "1234")
    assert v["status"] == "extended"
    assert (v["extended_on"], v["extension_reasons"], v["extension_letter_sent_on"]) == (
        "2026-11-20",
        "Useita rekistereitä",
        "2026-11-20",
    )
    # 2 Dec + 2 + 3 days suspended = 7 Dec; + 2 months = 7 Feb 2027, a Sunday → 8 Feb
    assert (v["due_date"], v["extended_due_date"]) == ("2026-12-07", "2027-02-08")
    assert "Clock stopped" in v["rule"] and "Extended" in v["rule"]
    rights = {r["right"]: r for r in v["rights"]}
    assert (
        rights["access"]["outcome"],
        rights["access"]["legal_ground"],
        rights["access"]["reason"],
    ) == ("refused", "art-12-5", "toistuva")
    assert (rights["erasure"]["outcome"], rights["erasure"]["legal_ground"]) == (
        "partly",
        "art-17-3-b",
    )
    assert (rights["rectification"]["outcome"], rights["rectification"]["legal_ground"]) == (
        "granted",
        None,
    )
    erasures = {e["category_name"]: e for e in rights["erasure"]["erasures"]}
    assert erasures["puhelutallenteet"]["erased"] is True
    assert (
        erasures["nimi"]["kept_until"],
        erasures["nimi"]["legal_ground"],
        erasures["nimi"]["reason"],
    ) == ("2036-11-20", "art-17-3-b", "kirjanpitolaki")
    [hold] = v["legal_holds"]
    assert (hold["reason"], hold["released_on"]) == ("riita", "2026-11-23")
    assert v["fee_reason"] == "Toistuva pyyntö"
    assert v["authority_checked_on"] == "2026-11-21"
    assert [n["name"] for n in v["notify"]] == ["Viranomaiset"]
    kinds = [t["kind"] for t in v["timeline"]]
    for kind in (
        "intake",
        "pause-asked",
        "pause-received",
        "identity",
        "identity-code",
        "status",
        "extension",
        "letter-sent",
        "fee-reason",
        "outcome",
        "erasure",
        "hold",
        "release",
        "authority-checked",
    ):
        assert kind in kinds, kind
    code, _out, err = run("request", "update", case, "--status", "answered")
    assert code == 0, err
    code, _out, err = run("request", "update", case, "--close")
    assert code == 0, err
    assert show(run, case)["status"] == "closed"


@pytest.mark.parametrize(
    "args, message",
    [
        (("--status", "answered"), "cannot move"),
        (("--status", "extended"), "extension"),
        (("--close",), "withdrawn"),
        (("--outcome", "access=refused"), "legal ground"),
        (("--outcome", "access=maybe"), "outcomes are"),
        (("--identity-received", "2026-11-05"), "No identity proof"),
        (("--identity-asked", "2026-02-30"), "not a valid date"),
        (("--hetu",), "check character"),
        (("--identity-verified", "strong-eid"), "--verified-by"),
        (("--extend", "--reasons", "x"), "letter informing the requester"),
        (("--erasure", "nimi=kept:2036-01-01:art-17-3-b"), "does not request"),
        (("--hold", "kengännumero"), "No data category"),
        ((), "nothing to change"),
    ],
)
def test_bad_updates_exit_1_with_a_message_and_change_nothing(run, args, message, monkeypatch):
    monkeypatch.setenv("REKISTERI_HETU", "131052-308X")  # read only where --hetu is given
    case = add(run, "--controller", "Esimerkki Energia Oy")
    before = export(run)
    code, _out, err = run("request", "update", case, *args)
    assert code == 1
    assert message in err
    assert export(run) == before


@pytest.mark.parametrize(
    "args, message",
    [
        (("--received", "2026-02-30"), "not a valid date"),
        (("--received", "2026-13-01"), "not a valid date"),
        (("--received", "2026-12-01"), "future"),
        (("--hetu",), "check character"),
        (("--register", "Ei tällaista"), "Ei tällaista"),
        (("--controller", "Tuntematon Oy"), "Tuntematon Oy"),
        (("--type", "everything"), "invalid choice"),
        (("--authority", "guardian"), "requester"),
    ],
)
def test_bad_intake_exits_1_and_stores_nothing(run, args, message, monkeypatch):
    monkeypatch.setenv("REKISTERI_HETU", "131052-308X")  # read only where --hetu is given
    base = {
        "--received": "2026-11-02",
        "--channel": "post",
        "--type": "access",
        "--name": "Matti",
        "--lang": "fi",
    }
    argv = []
    flags = [a for a in args if a == "--hetu"]
    pairs = [a for a in args if a != "--hetu"]
    given = dict(zip(pairs[::2], pairs[1::2], strict=True))
    for option, value in {**base, **given}.items():
        argv += [option, value]
    argv += flags
    before = export(run)
    code, _out, err = run("request", "add", *argv)
    assert code == 1
    assert message in err
    assert export(run) == before


def test_missing_required_intake_options_are_named(run):
    code, _out, err = run("request", "add", "--channel", "post")
    assert code == 1
    assert "--received" in err and "--name" in err


def test_an_unknown_case_number_exits_1(run):
    for argv in (
        ("show", "2026-0042"),
        ("update", "2026-0042", "--fee-reason", "x"),
        ("note", "2026-0042", "hello"),
    ):
        code, _out, err = run("request", *argv)
        assert code == 1
        assert "2026-0042" in err


def test_note_list_and_dashboard(run):
    late = add(run)
    code, _out, err = run("request", "note", late, "Soitettu", "asiakkaalle")
    assert code == 0, err
    assert show(run, late)["timeline"][-1]["description"] == "Soitettu asiakkaalle"
    code, out, _err = run(
        "request",
        "add",
        "--received",
        "2026-10-01",
        "--channel",
        "email",
        "--type",
        "access",
        "--name",
        "Maija Muu",
        "--lang",
        "fi",
    )
    overdue = out.split()[-1]
    code, out, _err = run("request", "list", "--json")
    assert [r["case_number"] for r in json.loads(out)] == [overdue, late]
    code, out, _err = run("request", "list", "--due-before", "2026-11-30", "--json")
    assert [r["case_number"] for r in json.loads(out)] == [overdue]
    run(
        "request",
        "update",
        late,
        "--identity-verified",
        "strong-eid",
        "--verified-by",
        "AV",
        "--verified-on",
        "2026-11-03",
    )
    code, out, _err = run("request", "list", "--status", "in-progress")
    assert code == 0 and late in out and overdue not in out
    code, out, _err = run("request", "dashboard", "--json")
    board = json.loads(out)
    assert [r["case_number"] for r in board["overdue"]] == [overdue]
    assert board["counts"]["received"] == 1 and board["counts"]["in-progress"] == 1
    code, out, _err = run("request", "dashboard")
    assert code == 0 and overdue in out
    code, out, _err = run("request", "show", late)
    assert code == 0 and "How the deadline was computed" in out


def test_repeat_requests_are_reported_at_intake_and_in_show(run):
    first = add(run)
    _code, out, _err = run(
        "request",
        "add",
        "--received",
        "2026-11-20",
        "--channel",
        "email",
        "--type",
        "access",
        "--name",
        "Matti Meikäläinen",
        "--address",
        "Kuja 1, 40100 Jyväskylä",
        "--lang",
        "fi",
    )
    second = out.split()[-1]
    assert first in out
    [match] = show(run, second)["repeats"]
    assert match["case_number"] == first


def test_the_case_number_prefix_setting(run):
    add(run)
    code, _out, err = run("request", "settings", "--set", "case.prefix=ts")
    assert code == 0, err
    assert add(run) == "TS-2026-0002"
    code, _out, err = run("request", "settings", "--set", "deadline.pause_policy=maybe")
    assert code == 1 and "maybe" in err


def test_reply_language_does_not_change_the_message_language(run):
    code, out, _err = run(
        "request",
        "add",
        "--received",
        "2026-11-02",
        "--channel",
        "post",
        "--type",
        "access",
        "--name",
        "Sven",
        "--lang",
        "sv",
    )
    assert code == 0 and out.split()[-1] == "2026-0001"


def test_every_field_round_trips_from_add_json_through_every_update_option(run, tmp_path):
    """`request add --json` with every intake field, then every `request update` option;
    `request show --json` gives each value back."""
    import base64

    scan = b"%PDF-1.4 kirje"
    intake = {
        "received_on": "2026-10-26",
        "channel": "in-person",
        "language": "en",
        "rights": ["erasure", {"right": "access"}, "marketing-ban"],
        "subject": {
            "name": "Matti Meikäläinen",
            "address": "Kuja 1, 40100 Jyväskylä",
            "email": "matti@example.invalid",
            "phone": "040 000 0000",
            "customer_number": "A-123",
            "hetu": HETU,
        },
        "requester": {
            "name": "Liisa Edunvalvoja",
            "address": "Katu 2, 00100 Helsinki",
            "email": "liisa@example.invalid",
            "phone": "09 000",
        },
        "authority": "guardian",
        "authority_checked_on": "2026-10-27",
        "controller": "Esimerkki Energia Oy",
        "registers": ["Asiakasrekisteri", "Markkinointirekisteri"],
        "description": "Kirje tiskillä",
        "classification": "gdpr",
        "attachments": [
            {
                "filename": "kirje.pdf",
                "media_type": "application/pdf",
                "content_base64": base64.b64encode(scan).decode(),
            }
        ],
    }
    path = tmp_path / "pyynto.json"
    path.write_text(json.dumps(intake, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("request", "add", "--json", str(path))
    assert code == 0, err
    case = out.split()[-1]
    v = show(run, case)
    assert (v["received"], v["channel"], v["language"], v["classification"]) == (
        "2026-10-26",
        "in-person",
        "en",
        "gdpr",
    )
    assert v["logged_at"].startswith("2026-11-23")  # logged today, received earlier
    assert v["subject"] == {k: val for k, val in intake["subject"].items() if k != "hetu"}
    assert v["identity_code_recorded"] and HETU not in json.dumps(v)
    assert v["requester"] == {**intake["requester"], "customer_number": None}
    assert (v["authority"], v["authority_checked_on"]) == ("guardian", "2026-10-27")
    assert v["controller_name"] == "Esimerkki Energia Oy"
    assert v["register_names"] == ["Asiakasrekisteri", "Markkinointirekisteri"]
    assert v["description"] == "Kirje tiskillä"
    assert [r["right"] for r in v["rights"]] == ["erasure", "access", "marketing-ban"]
    assert [(a["filename"], a["media_type"], a["size"]) for a in v["attachments"]] == [
        ("kirje.pdf", "application/pdf", len(scan))
    ]
    assert (v["due_date"], v["extended_due_date"], v["status"]) == ("2026-11-26", None, "received")

    extra = tmp_path / "valtakirja.png"
    extra.write_bytes(b"\x89PNG fake")
    code, out, err = run(
        "request",
        "update",
        case,
        "--json",
        "--identity-asked",
        "2026-10-27",
        "--identity-received",
        "2026-10-30",
        "--identity-verified",
        "in-person-document",
        "--verified-by",
        "Aino Virtanen",
        "--verified-on",
        "2026-10-30",
        "--document-type",
        "id-card",
        "--document-last4",
        "ab12",
        "--identity-note",
        "kortti nähty",
        "--hetu",
        "--authority-checked",
        "2026-10-31",
        "--clarification-asked",
        "2026-11-02",
        "--clarification-received",
        "2026-11-04",
        "--attach",
        str(extra),
    )
    assert code == 0, err
    v = json.loads(out)  # --json prints the case after the update
    assert v["status"] == "in-progress"
    [check] = v["identity_checks"]
    assert check == {
        **check,
        "method": "in-person-document",
        "verified_by": "Aino Virtanen",
        "verified_on": "2026-10-30",
        "document_type": "id-card",
        "document_last4": "AB12",
        "note": "kortti nähty",
    }
    assert v["authority_checked_on"] == "2026-10-31"
    assert [(p["kind"], p["asked_on"], p["received_on"]) for p in v["pauses"]] == [
        ("identity", "2026-10-27", "2026-10-30"),
        ("clarification", "2026-11-02", "2026-11-04"),
    ]
    assert [a["filename"] for a in v["attachments"]] == ["kirje.pdf", "valtakirja.png"]
    # 26 Nov + 3 + 2 days suspended = 1 Dec
    assert v["due_date"] == "2026-12-01"
    assert "Clock stopped" in v["rule"]

    code, _out, err = run(
        "request",
        "update",
        case,
        "--extend",
        "--reasons",
        "Laaja aineisto",
        "--extended-on",
        "2026-11-19",
        "--letter-sent",
        "2026-11-20",
    )
    assert code == 0, err
    code, _out, err = run(
        "request",
        "update",
        case,
        "--fee-reason",
        "Toinen pyyntö",
        "--outcome",
        "erasure=partly",
        "--ground",
        "art-17-3-b",
        "--reason",
        "kirjanpito",
        "--outcome",
        "access=granted",
        "--ground",
        "",
        "--reason",
        "kopio lähetetty",
        "--outcome",
        "marketing-ban=granted",
        "--ground",
        "",
        "--reason",
        "",
        "--erasure",
        "nimi=kept:2036-10-26:art-17-3-b:laskutus",
        "--erasure",
        "sähköpostiosoite=erased",
        "--hold",
        "sähköpostiosoite",
        "--hold-reason",
        "riita",
    )
    assert code == 0, err
    code, _out, err = run(
        "request", "update", case, "--release", "sähköpostiosoite", "--status", "answered"
    )
    assert code == 0, err
    v = show(run, case)
    assert (v["status"], v["answered_on"]) == ("answered", "2026-11-23")
    assert (v["extended_on"], v["extension_reasons"], v["extension_letter_sent_on"]) == (
        "2026-11-19",
        "Laaja aineisto",
        "2026-11-20",
    )
    assert (v["due_date"], v["extended_due_date"]) == ("2026-12-01", "2027-02-01")
    assert v["fee_reason"] == "Toinen pyyntö"
    rights = {r["right"]: r for r in v["rights"]}
    assert [
        (rights[k]["outcome"], rights[k]["legal_ground"], rights[k]["reason"])
        for k in ("erasure", "access", "marketing-ban")
    ] == [
        ("partly", "art-17-3-b", "kirjanpito"),
        ("granted", None, "kopio lähetetty"),
        ("granted", None, None),
    ]
    assert all(r["decided_on"] == "2026-11-23" for r in v["rights"])
    erasures = {e["category_name"]: e for e in rights["erasure"]["erasures"]}
    assert (
        erasures["nimi"]["erased"],
        erasures["nimi"]["kept_until"],
        erasures["nimi"]["legal_ground"],
        erasures["nimi"]["reason"],
    ) == (False, "2036-10-26", "art-17-3-b", "laskutus")
    assert erasures["sähköpostiosoite"]["erased"] is True
    [hold] = v["legal_holds"]
    assert (hold["category_name"], hold["reason"], hold["placed_on"], hold["released_on"]) == (
        "sähköpostiosoite",
        "riita",
        "2026-11-23",
        "2026-11-23",
    )
    assert {n["name"] for n in v["notify"]} >= {"Postitus Inc."}  # Art. 19 on erasure
    code, _out, err = run("request", "update", case, "--close")
    assert code == 0, err
    assert show(run, case)["status"] == "closed"

    # --withdrawn closes a case that was never answered
    code, out, err = run("request", "add", "--json", str(path))
    other = out.split()[-1]
    code, _out, err = run("request", "update", other, "--close", "--withdrawn")
    assert code == 0, err
    v = show(run, other)
    assert v["status"] == "closed" and v["answered_on"] is None
    assert any("withdrawn" in t["description"] for t in v["timeline"])
    # the second request of the same person within 12 months is flagged as a repeat
    assert [r["case_number"] for r in v["repeats"]] == [case]
