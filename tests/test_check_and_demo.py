"""The checker over stored data, the demo database and `rekisteri check`."""

from __future__ import annotations

import json
from datetime import date

from rekisteri_app.services import entities
from rekisteri_app.services.compliance import check_database, status_by_subject
from rekisteri_app.services.demo import create_demo, demo_document
from rekisteri_app.services.exchange import import_document, validate_document
from tests.conftest import PASSPHRASE


def test_the_demo_document_is_valid_and_invented():
    doc = demo_document(date(2026, 11, 23))
    assert validate_document(doc) == []
    assert len(doc["registers"]) == 4
    assert len(doc["requests"]) == 40
    assert {r["status"] for r in doc["requests"]} == {
        "received", "awaiting", "in-progress", "extended", "answered", "closed"}


def test_check_json_on_the_demo_lists_the_repealed_scc_transfer_as_red(tmp_path, monkeypatch,
                                                                        capsys):
    from rekisteri_app.cli.main import main

    path = tmp_path / "demo.db"
    create_demo(path, PASSPHRASE, today=date(2026, 11, 23))
    monkeypatch.setenv("REKISTERI_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(path), "check", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    red = [f for f in findings if f["severity"] == "red" and f["subject_kind"] == "transfer"]
    assert [f["code"] for f in red] == ["transfer-repealed-scc"]
    assert "Lämpödata" in red[0]["subject_name"]


def test_a_finding_appears_and_clears_when_the_transfer_is_fixed(ctx):
    import_document(ctx, demo_document(date(2026, 11, 23)))
    reg = entities.get(ctx, "registers", "Markkinointirekisteri")
    reg["transfers"][0]["safeguard"] = "privacy-shield"
    entities.save(ctx, "registers", reg, "Markkinointirekisteri")
    rows = [r for r in check_database(ctx) if r.code == "transfer-privacy-shield"]
    assert len(rows) == 1
    register_id = rows[0].register_id
    assert status_by_subject(check_database(ctx))[("register", register_id)] == "red"
    reg["transfers"][0].update(safeguard="scc-2021-914", scc_module="1")
    entities.save(ctx, "registers", reg, "Markkinointirekisteri")
    assert not [r for r in check_database(ctx) if r.subject_kind == "transfer"
                and r.register_id == register_id and r.severity == "red"]
