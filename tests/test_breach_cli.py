"""`rekisteri breach ...`: the record, the clock in JSON, the draft and the letters from
the command line; bad input exits 1, stores nothing and shows no traceback."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from rekisteri_app.services.context import ServiceContext
from rekisteri_app.storage.database import Database
from tests.breach_helpers import OFFICER, THREE_RECIPIENTS
from tests.conftest import PASSPHRASE, cli_context_at
from tests.test_requests_helpers import load_organisation, state

NOW = datetime(2026, 10, 24, 9, 0, tzinfo=UTC)  # Saturday noon in Helsinki


@pytest.fixture
def run(ctx, cli, monkeypatch, db_path):
    from rekisteri_app.cli import breach_commands
    from rekisteri_app.services import settings

    load_organisation(ctx)
    settings.set_many(ctx, OFFICER)
    ctx.db.close()
    monkeypatch.setattr(breach_commands, "open_context", cli_context_at(NOW))

    def call(*args: str) -> tuple[int, str, str]:
        return cli("--lang", "en", *args)

    call.db_path = db_path
    return call


def stored(run) -> tuple[str, int]:
    with Database.open(run.db_path, PASSPHRASE) as db:
        return state(ServiceContext(db))


def add(run, *extra: str) -> str:
    code, out, err = run(
        "breach",
        "add",
        "--aware-at",
        "2026-10-23 10:00",
        "--nature",
        "confidentiality",
        "--description",
        "Laskut väärille asiakkaille",
        "--register",
        "Asiakasrekisteri",
        *extra,
    )
    assert code == 0, err
    last = out.strip().splitlines()[-1]
    assert last.startswith("New breach reference: ")
    return last.rsplit(" ", 1)[1]


def show(run, ref: str) -> dict:
    code, out, err = run("breach", "show", ref, "--json")
    assert code == 0, err
    return json.loads(out)


def test_add_prints_the_deadline_and_the_reference_last(run):
    code, out, _err = run(
        "breach",
        "add",
        "--aware-at",
        "2026-10-23 10:00",
        "--nature",
        "confidentiality",
        "--nature",
        "availability",
        "--description",
        "Kadonnut kannettava",
    )
    assert code == 0
    assert out.splitlines() == [
        "Notify the Ombudsman by 2026-10-26 09:00 if the breach carries a risk (72 hours).",
        "New breach reference: TL-2026-0001",
    ]


def test_show_json_carries_notify_by_with_its_offset_and_hours_left(run):
    ref = add(run)
    view = show(run, ref)
    assert view["notify_by"] == "2026-10-26T09:00+02:00"
    assert datetime.fromisoformat(view["notify_by"]).utcoffset().total_seconds() == 7200
    assert view["hours_left"] == 46.0
    assert view["nature"] == ["confidentiality"]
    assert view["register_names"] == ["Asiakasrekisteri"]


def test_update_records_the_assessment_and_the_notification(run):
    ref = add(run)
    code, out, err = run(
        "breach",
        "update",
        ref,
        "--risk",
        "risk",
        "--consequences",
        "Nimet ja osoitteet paljastuivat",
        "--subjects",
        "40",
        "--special-category",
        "terveystiedot",
        "--notified-at",
        "2026-10-24 11:30",
        "--notification-kind",
        "preliminary",
        "--notification-ref",
        "TSV/77/2026",
        "--note",
        "Ilmoitettu verkossa.",
    )
    assert code == 0, err
    assert out.splitlines()[0] == f"Updated {ref}: notified."
    view = show(run, ref)
    assert view["hours_left"] is None and view["hours_to_notify"] == 25.5
    assert view["subject_count"] == 40
    assert view["categories"][0]["special"] is True
    assert [t["kind"] for t in view["timeline"]][-2:] == ["notified", "note"]
    code, out, _err = run("breach", "show", ref)
    assert "Notified: 2026-10-24 11:30, preliminary notification, reference TSV/77/2026" in out


def test_list_sorts_by_the_clock_and_prints_json(run):
    later = add(run)
    code, _out, _err = run(
        "breach", "update", later, "--notified-at", "2026-10-24 10:00"
    )  # notified: to the end
    assert code == 0
    urgent = add(run, "--aware-at", "2026-10-21 14:00")
    code, out, _err = run("breach", "list", "--json")
    rows = json.loads(out)
    assert [r["reference"] for r in rows] == [urgent, later]
    assert rows[0]["clock"] == "due-soon" and rows[0]["hours_left"] == 2.0
    code, out, _err = run("breach", "list")
    assert out.splitlines()[1].startswith(urgent)


def test_the_notification_draft_on_stdout_and_as_pdf(run, tmp_path):
    ref = add(run)
    pdf = tmp_path / "draft.pdf"
    code, out, err = run("breach", "notification", ref, "--lang", "sv", "--pdf", str(pdf))
    assert code == 0, err
    assert out.startswith("ANMÄLAN OM PERSONUPPGIFTSINCIDENT")
    assert "4. Tidpunkt" in out
    assert pdf.read_bytes().startswith(b"%PDF")


def test_letters_from_a_csv_to_three_recipients(run, tmp_path):
    ref = add(run, "--risk", "high")
    texts = [
        "--text-lang",
        "fi",
        "--letter-description",
        "Laskunne meni toiselle asiakkaalle.",
        "--letter-consequences",
        "Nimenne ja osoitteenne paljastuivat.",
        "--letter-measures",
        "Korjasimme laskuajon.",
        "--letter-advice",
        "Teidän ei tarvitse tehdä mitään.",
    ]
    assert run("breach", "update", ref, *texts)[0] == 0
    csv_file = tmp_path / "vastaanottajat.csv"
    csv_file.write_bytes(THREE_RECIPIENTS)
    preview = tmp_path / "preview.pdf"
    code, out, err = run(
        "breach", "letter", ref, "--recipients", str(csv_file), "--preview", str(preview)
    )
    assert code == 0, err
    assert out.splitlines()[0] == "Recipients imported: 3"
    assert preview.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "kirjeet"
    folder.mkdir()
    code, out, err = run("breach", "letter", ref, "--issue", "--out", str(folder))
    assert code == 0, err
    assert out.strip() == "3 letters issued."
    assert len(list(folder.glob("TL-2026-0001-*.pdf"))) == 3
    code, out, _err = run("breach", "letter", ref, "--list", "--json")
    assert [r["recipient_name"] for r in json.loads(out)] == [
        "Matti Meikäläinen",
        "Maija Möttönen",
        "Åsa Öberg",
    ]


@pytest.mark.parametrize(
    "args,message",
    [
        (("breach", "add", "--nature", "confidentiality"), "missing --aware-at, --description"),
        (
            (
                "breach",
                "add",
                "--aware-at",
                "23.10.2026 10:00",
                "--nature",
                "integrity",
                "--description",
                "x",
            ),
            "is not a date and time",
        ),
        (("breach", "show", "TL-2026-0099"), "No breach found"),
        (("breach", "update", "TL-2026-0001"), "nothing to change"),
        (("breach", "update", "TL-2026-0001", "--subjects", "many"), "whole number"),
        (("breach", "letter", "TL-2026-0001", "--issue"), "recipients"),
        (("breach", "purge"), "breach.retention_years"),
    ],
)
def test_bad_input_exits_1_with_a_message_and_stores_nothing(run, args, message):
    add(run)
    before = stored(run)
    code, _out, err = run(*args)
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert stored(run) == before
