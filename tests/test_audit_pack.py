"""Making audit packs of the demo database: what they hold, what they leave out, and
that the same database and period give the same member bytes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from datetime import UTC, date, datetime

import pytest

from tests.pack_fixtures import CREATED, HALF_YEAR, make_pack, members, opened, pdf_text

EXPECTED = {
    "audit-log.jsonl",
    "breaches.csv",
    "findings.csv",
    "index.pdf",
    "letters.csv",
    "manifest.json",
    "processors.csv",
    "records-of-processing.pdf",
    "registers.json",
    "requests.csv",
    "transfers.csv",
}


def rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads ä and ö only with the BOM
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_a_pack_holds_every_member_and_the_manifest_hashes_each(demo_file, tmp_path):
    result = make_pack(demo_file, tmp_path / "pack.zip")
    contents = members(tmp_path / "pack.zip")
    assert set(contents) == EXPECTED
    manifest = json.loads(contents["manifest.json"])
    assert manifest["format"] == "rekisteri-audit-pack"
    assert manifest["period"] == {"start": "2025-10-01", "end": "2026-03-31"}
    assert manifest["options"] == {
        "identify": False,
        "include_letters": False,
        "language": "fi",
        "encrypted": False,
    }
    for name, data in contents.items():
        if name != "manifest.json":
            assert manifest["members"][name]["sha256"] == hashlib.sha256(data).hexdigest()
            assert manifest["members"][name]["size"] == len(data)
    head = manifest["audit_chain"]["head"]
    assert f"{head['count']}:{head['hash']}" == result.head
    with zipfile.ZipFile(tmp_path / "pack.zip") as zf:
        names = zf.namelist()
        assert names == [*sorted(n for n in names if n != "manifest.json"), "manifest.json"]
        assert {info.date_time for info in zf.infolist()} == {(2026, 3, 31, 0, 0, 0)}
        assert {info.external_attr >> 16 for info in zf.infolist()} == {0o100600}
    assert (tmp_path / "pack.zip").stat().st_mode & 0o777 == 0o600


def test_the_same_database_and_period_give_the_same_member_bytes(demo_file, tmp_path):
    make_pack(demo_file, tmp_path / "a.zip", when=CREATED)
    later = datetime(2026, 4, 2, 14, 5, tzinfo=UTC)  # the same day, hours later
    make_pack(demo_file, tmp_path / "b.zip", when=later)
    a, b = members(tmp_path / "a.zip"), members(tmp_path / "b.zip")
    differing = {name for name in a if a[name] != b[name]}
    assert differing == {"manifest.json", "index.pdf"}
    ma, mb = json.loads(a["manifest.json"]), json.loads(b["manifest.json"])
    assert ma.pop("created_at") != mb.pop("created_at")
    ma["members"].pop("index.pdf"), mb["members"].pop("index.pdf")
    assert ma == mb
    text_a, text_b = pdf_text(a["index.pdf"]), pdf_text(b["index.pdf"])
    lines_a, lines_b = text_a.splitlines(), text_b.splitlines()
    changed = [(x, y) for x, y in zip(lines_a, lines_b, strict=True) if x != y]
    assert changed == [("2.4.2026 9.30.00 (Suomen aikaa)", "2.4.2026 17.05.00 (Suomen aikaa)")]
    make_pack(demo_file, tmp_path / "c.zip", when=CREATED)
    assert members(tmp_path / "c.zip") == a  # same clock: every byte the same


def demo_people(db_path) -> dict[str, set[str]]:
    """Every requester's and data subject's name, address, e-mail and phone."""
    from rekisteri_app.services.exchange import export_json

    with opened(db_path) as ctx:
        doc = json.loads(export_json(ctx))
    found: dict[str, set[str]] = {"name": set(), "address": set(), "email": set()}
    for req in doc["requests"]:
        for person in (req["subject"], req["requester"]):
            if not person:
                continue
            found["name"].add(person["name"])
            for key in ("address", "email"):
                if person.get(key):
                    found[key].add(person[key])
                    if key == "address":
                        found[key].add(person[key].split(",")[0])  # the street part
    return found


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_pseudonymised_pack_names_no_requester_in_any_member(demo_file, tmp_path):
    people = demo_people(demo_file)
    assert len(people["name"]) > 40 and people["address"]
    make_pack(demo_file, tmp_path / "pack.zip", language="sv")
    texts = {}
    for name, data in members(tmp_path / "pack.zip").items():
        texts[name] = data.decode("utf-8", errors="replace")
        if name.endswith(".pdf"):
            texts[name + " (text)"] = squeeze(pdf_text(data))
    leaks = [
        (member, value)
        for member, text in texts.items()
        for values in people.values()
        for value in values
        if value in text or squeeze(value) in text
    ]
    assert leaks == []
    requests = rows(members(tmp_path / "pack.zip")["requests.csv"])
    assert "subject_name" not in requests[0]


def test_an_identified_pack_names_the_persons_and_says_so_on_its_cover(demo_file, tmp_path):
    make_pack(demo_file, tmp_path / "pack.zip", language="en", identify=True)
    contents = members(tmp_path / "pack.zip")
    requests = rows(contents["requests.csv"])
    assert {r["subject_name"] for r in requests} & demo_people(demo_file)["name"]
    cover = pdf_text(contents["index.pdf"])
    assert "IDENTIFIED – for internal use only" in cover
    assert json.loads(contents["manifest.json"])["options"]["identify"] is True


def test_the_audit_log_withholds_case_snapshots_and_links_every_event(demo_pack):
    from types import SimpleNamespace

    from rekisteri_app.storage import audit

    AUDIT_COLUMNS = (
        "at",
        "actor",
        "action",
        "entity",
        "entity_id",
        "scheme",
        "payload_salt",
        "before_json",
        "after_json",
        "before_digest",
        "after_digest",
    )

    contents = members(demo_pack)
    lines = [json.loads(line) for line in contents["audit-log.jsonl"].splitlines()]
    start, events = lines[0], lines[1:]
    segment = json.loads(contents["manifest.json"])["audit_chain"]["segment"]
    assert start == {
        "kind": "start",
        "position": segment["first"] - 1,
        "hash": segment["previous_hash"],
    }
    assert [e["position"] for e in events] == list(range(segment["first"], segment["last"] + 1))
    prev = start["hash"]
    for event in events:
        assert event["prev_hash"] == prev
        prev = event["hash"]
        if event["entity"] == "request":
            assert event["redacted"] is True and "before_json" not in event
        if not event.get("redacted"):
            # Scheme 2: the hash covers the salted digests the line carries with the text.
            assert event["scheme"] == audit.SCHEME_DIGEST
            as_read = SimpleNamespace(**{k: event.get(k) for k in AUDIT_COLUMNS})
            assert audit.expected_hash(event["prev_hash"], as_read) == event["hash"]
    assert any(e.get("redacted") for e in events) and any(not e.get("redacted") for e in events)


def test_requests_csv_has_a_line_per_case_handled_in_the_period(demo_file, demo_pack):
    from rekisteri_app.services import requests as rq

    lines = rows(members(demo_pack)["requests.csv"])
    with opened(demo_file) as ctx:
        cases = {
            row.case_number: rq.get_request(ctx, row.case_number) for row in rq.list_requests(ctx)
        }
    start, end = (d.isoformat() for d in HALF_YEAR)
    handled = {
        case
        for case, v in cases.items()
        if v["received"] <= end
        and not (
            (v["closed_on"] or v["answered_on"] or "9999") < start
            and v["status"] in ("answered", "closed")
        )
    }
    assert {line["case_number"] for line in lines} == handled
    for line in lines:
        v = cases[line["case_number"]]
        assert line["received_on"] == v["received"]
        assert line["effective_due_on"] == (v["effective_due_date"] or "")
        assert line["answered_on"] == (v["answered_on"] or "")
        assert line["rights"] == ";".join(r["right"] for r in v["rights"])
        if v["answered_on"] and v["effective_due_date"]:
            assert line["on_time"] == (
                "true" if v["answered_on"] <= v["effective_due_date"] else "false"
            )


def test_letters_are_included_only_in_an_identified_pack_and_as_stored(demo_file, tmp_path):
    from rekisteri_app.services.audit_pack import PackOptions, Period
    from rekisteri_app.services.context import ServiceError

    with pytest.raises(ServiceError):
        PackOptions(Period(*HALF_YEAR), include_letters=True)
    make_pack(demo_file, tmp_path / "pack.zip", identify=True, include_letters=True)
    contents = members(tmp_path / "pack.zip")
    listed = rows(contents["letters.csv"])
    assert listed and all(line["file"].startswith("letters/") for line in listed)
    for line in listed:
        pdf = contents[line["file"]]
        assert hashlib.sha256(pdf).hexdigest() == line["sha256"]
        assert int(line["size_bytes"]) == len(pdf)
        assert HALF_YEAR[0].isoformat() <= line["issued_on"] <= HALF_YEAR[1].isoformat()


def test_an_encrypted_pack_does_not_open_without_its_password(demo_file, tmp_path):
    import pyzipper

    from rekisteri_app.services.audit_pack import PasswordNeeded, verify_pack
    from rekisteri_app.services.audit_pack.verify import CannotOpenPack

    password = "a separate long password"
    make_pack(demo_file, tmp_path / "pack.zip", password=password)
    with zipfile.ZipFile(tmp_path / "pack.zip") as zf, pytest.raises(RuntimeError):
        zf.read("requests.csv")
    with pyzipper.AESZipFile(tmp_path / "pack.zip") as zf:
        zf.setpassword(b"not the password at all")
        with pytest.raises(RuntimeError):
            zf.read("requests.csv")
        assert all(info.flag_bits & 1 for info in zf.infolist())
    with pytest.raises(PasswordNeeded):
        verify_pack(tmp_path / "pack.zip")
    with pytest.raises(CannotOpenPack):
        verify_pack(tmp_path / "pack.zip", password="not the password at all")
    assert verify_pack(tmp_path / "pack.zip", password=password).ok
    plain = make_pack(demo_file, tmp_path / "plain.zip")
    decrypted = members(tmp_path / "pack.zip", password)
    assert decrypted["requests.csv"] == members(tmp_path / "plain.zip")["requests.csv"]
    assert (
        plain.members["requests.csv"]["sha256"]
        == hashlib.sha256(decrypted["requests.csv"]).hexdigest()
    )


def test_a_short_pack_password_is_refused(demo_file):
    from rekisteri_app.services.audit_pack import PackOptions, Period
    from rekisteri_app.services.context import ServiceError

    with pytest.raises(ServiceError, match="12"):
        PackOptions(Period(*HALF_YEAR), password="short")


def test_a_cancelled_pack_leaves_no_file_and_keeps_an_earlier_one(demo_file, tmp_path):
    from rekisteri_app.services.audit_pack import PackCancelled, PackOptions, Period, build_pack

    out = tmp_path / "pack.zip"
    out.write_bytes(b"the earlier pack")
    seen = []

    def progress(done: int, total: int, name: str) -> None:
        seen.append(name)
        if name == "records-of-processing.pdf":
            raise PackCancelled

    with opened(demo_file) as ctx, pytest.raises(PackCancelled):
        build_pack(ctx, PackOptions(Period(*HALF_YEAR)), out, progress=progress)
    assert "index.pdf" in seen
    assert out.read_bytes() == b"the earlier pack"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.zip"]


def test_the_pack_is_not_written_over_the_database(demo_copy):
    from rekisteri_app.services.context import ServiceError

    before = demo_copy.read_bytes()
    with pytest.raises(ServiceError):
        make_pack(demo_copy, demo_copy)
    assert demo_copy.read_bytes() == before


def test_a_broken_audit_trail_refuses_the_pack(demo_copy, tmp_path):
    from sqlalchemy import text

    from rekisteri_app.services.context import ServiceError

    with opened(demo_copy) as ctx, ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'someone' WHERE id = 60"))
    with pytest.raises(ServiceError, match="#60"):
        make_pack(demo_copy, tmp_path / "pack.zip")
    assert list(tmp_path.glob("pack.zip*")) == []


def test_making_a_pack_changes_nothing_in_the_database(demo_copy, tmp_path):
    from rekisteri_app.storage.audit import head

    with opened(demo_copy) as ctx, ctx.read() as session:
        before = head(session)
    make_pack(demo_copy, tmp_path / "pack.zip")
    with opened(demo_copy) as ctx, ctx.read() as session:
        assert head(session) == before


def test_an_empty_period_still_anchors_the_chain(demo_file, tmp_path):
    from rekisteri_app.services.audit_pack import verify_pack

    result = make_pack(
        demo_file, tmp_path / "pack.zip", period=(date(2024, 1, 1), date(2024, 3, 31))
    )
    manifest = json.loads(members(tmp_path / "pack.zip")["manifest.json"])
    assert manifest["audit_chain"]["segment"] == {
        "first": 1,
        "last": 0,
        "previous_hash": "0" * 64,
    }
    assert rows(members(tmp_path / "pack.zip")["requests.csv"]) == []
    assert result.chain.events == 0
    assert verify_pack(tmp_path / "pack.zip").ok


def test_the_record_of_processing_gives_a_shared_dpo_as_recorded(demo_copy, tmp_path):
    """Art. 30(1)(a): the DPO's contact details, also when recorded as the shared entity."""
    from sqlalchemy import select

    from rekisteri_app.storage import models as m
    from tests.pack_fixtures import opened

    with opened(demo_copy) as ctx, ctx.change() as tx:
        dpo = m.DataProtectionOfficer(name="Dora Suojanen", email="dpo@konserni.invalid")
        for controller in tx.session.scalars(select(m.Controller)):
            controller.dpo = dpo
        tx.audit("update", "controller", None, None, {"dpo": "Dora Suojanen"})
    make_pack(demo_copy, tmp_path / "pack.zip", language="en")
    records = pdf_text(members(tmp_path / "pack.zip")["records-of-processing.pdf"])
    assert "Dora Suojanen" in records and "dpo@konserni.invalid" in records
