"""Issue 12's model: per-language texts, statements, notice dates, references, shared DPOs
and address blocks, processor categories — in the database and the exchange format."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from rekisteri_app.services import entities
from rekisteri_app.services.context import ServiceContext
from rekisteri_app.services.exchange import (
    InvalidDocument,
    export_document,
    export_json,
    import_document,
)
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, FixedClock
from tests.exchange_samples import full_document, notice_model_document


def other_ctx(path) -> ServiceContext:
    return ServiceContext(
        Database.create(path, PASSPHRASE),
        actor="t",
        clock=FixedClock(datetime(2026, 11, 23, tzinfo=UTC)),
    )


def exported(ctx) -> dict:
    with ctx.read() as session:
        return export_document(session)


def test_every_new_field_round_trips_export_import_export(tmp_path, ctx):
    import_document(ctx, notice_model_document())
    first = export_json(ctx)
    other = other_ctx(tmp_path / "other.db")
    import_document(other, json.loads(first))
    assert export_json(other) == first
    other.db.close()


def test_the_export_carries_each_new_field(ctx):
    import_document(ctx, notice_model_document())
    doc = exported(ctx)
    dpo = doc["dpos"][0]
    assert dpo["publish_name"] is False and dpo["translations"]["sv"]["role"] == "Dataskyddsombud"
    ee, verkko = doc["controllers"]
    assert ee["dpo"] == verkko["dpo"] == dpo["key"]  # one officer, referenced twice
    assert ee["controller_type"] == "company"
    assert ee["translations"] == {"sv": {"name": "Exempel Energi Ab"}}
    assert verkko["address_from"] == verkko["business_id_from"] == ee["key"]
    assert verkko["business_id"] is None
    contact = ee["contacts"][0]
    assert contact["publish_name"] is False and contact["web"] == "https://esimerkki.invalid/yhteys"
    by_name = {p["name"]: p for p in doc["processors"]}
    assert by_name["Laskutus- ja mittarinlukupalvelut"]["is_category"] is True
    assert by_name["Postitus Inc."]["is_category"] is False
    reg = doc["registers"][0]
    assert reg["languages"] == ["fi", "sv"] and reg["language"] == "fi"
    assert reg["notice_valid_from"] == "2025-01-01"
    assert reg["notice_updated_on"] == "2024-12-15"
    assert reg["notice_version_label"] == "15.12.2024"
    assert reg["request_web_form"] == "https://esimerkki.invalid/lomake"
    assert reg["joint_arrangement"].startswith("Yhteisrekisterinpitäjät")
    assert reg["translations"]["sv"]["name"] == "Kundregister"
    assert reg["purposes"][0] == {
        "text": "Asiakassuhteen hoitaminen",
        "bases": ["6.1.b"],
        "translations": {"sv": {"text": "Skötsel av kundrelationen"}},
    }
    assert reg["purposes"][1] == "Laskutus ja perintä"  # nothing but its text: a string
    assert [s["kind"] for s in reg["statements"]] == [
        "applicable-laws",
        "no-profiling",
        "notice-availability",
    ]
    reference = reg["notice_references"][0]
    assert reference["url"] == "https://esimerkki.invalid/ilmoituskanava"
    assert reference["translations"]["sv"]["title"].startswith("Visselblåsar")


def test_an_old_document_with_purposes_as_strings_imports_unchanged(ctx):
    doc = full_document()
    assert all(isinstance(p, str) for p in doc["registers"][0]["purposes"])
    import_document(ctx, doc)
    reg = exported(ctx)["registers"][0]
    assert reg["purposes"] == doc["registers"][0]["purposes"]  # exported as they came
    assert reg["language"] == "fi" and reg["statements"] == []


def test_lists_keep_their_order_on_import(ctx):
    doc = full_document()
    reg = doc["registers"][0]
    reg["recipients"] = [
        {"name": name, "kind": kind}
        for name, kind in (
            ("Perintätoimisto", "debt-collection"),
            ("Verohallinto", "authority"),
            ("Poliisi", "authority"),
            ("Konserniyhtiö", "group-company"),
        )
    ]
    reg["purposes"] = ["c", "a", "b"]
    import_document(ctx, doc)
    stored = exported(ctx)["registers"][0]
    assert [r["name"] for r in stored["recipients"]] == [r["name"] for r in reg["recipients"]]
    assert stored["purposes"] == ["c", "a", "b"]


def test_blank_translations_are_not_stored(ctx):
    doc = full_document()
    doc["registers"][0]["purposes"] = [
        {"text": "Laskutus", "translations": {"sv": {"text": "  "}, "en": {}}}
    ]
    import_document(ctx, doc)
    assert exported(ctx)["registers"][0]["purposes"][0] == "Laskutus"


def test_a_translation_of_an_unknown_field_is_refused_with_its_path(ctx):
    doc = full_document()
    doc["registers"][0]["translations"] = {"sv": {"colour": "blå"}}
    with pytest.raises(InvalidDocument) as info:
        import_document(ctx, doc)
    assert "$.registers[0].translations.sv" in [p.path for p in info.value.problems]


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (
            lambda d: d["controllers"][0].update(email="tietosuoja.esimerkki.fi"),
            "$.controllers[0].email",
        ),
        (lambda d: d["controllers"][0].update(email="x@esimerkki"), "$.controllers[0].email"),
        (lambda d: d["controllers"][0].update(phone="vaihde"), "$.controllers[0].phone"),
        (
            lambda d: d["controllers"][0].update(postal_address="PL 1, 4010 Jyväskylä"),
            "$.controllers[0].postal_address",
        ),
        (
            lambda d: d["controllers"][0].update(visiting_address="Voimalatie 1, 4O100 Jyväskylä"),
            "$.controllers[0].visiting_address",
        ),
        (
            lambda d: d["controllers"][0]["contacts"][0].update(phone="puh. 040 1"),
            "$.controllers[0].contacts[0].phone",
        ),
        (
            lambda d: d["registers"][0]["contacts"][0].update(email="asiakaspalvelu"),
            "$.registers[0].contacts[0].email",
        ),
        (
            lambda d: d["controllers"][1].update(business_id="0000000-0"),
            "$.controllers[1].business_id",
        ),
        (
            lambda d: d["registers"][0].update(request_web_form="lomake"),
            "$.registers[0].request_web_form",
        ),
        (lambda d: d["processors"][0].update(email="@x.invalid"), "$.processors[0].email"),
        (
            lambda d: d["controllers"][1].update(address_from="verkko"),
            "$.controllers[1].address_from",
        ),
    ],
)
def test_the_importer_applies_the_editors_rules(ctx, mutate, path):
    """domain/validation.py decides for the editor and the importer alike."""
    doc = full_document()
    mutate(doc)
    with pytest.raises(InvalidDocument) as info:
        import_document(ctx, doc)
    assert path in [p.path for p in info.value.problems]
    assert exported(ctx)["controllers"] == []


def test_the_importer_stores_contact_details_in_their_normal_form(ctx):
    doc = full_document()
    doc["controllers"][0]["email"] = "tietosuoja (at) Esimerkki.invalid"
    doc["controllers"][0]["phone"] = "014   000 0000"
    import_document(ctx, doc)
    controller = exported(ctx)["controllers"][0]
    assert controller["email"] == "tietosuoja@esimerkki.invalid"
    assert controller["phone"] == "014 000 0000"


def test_a_processor_abroad_keeps_its_own_postcode_form(ctx):
    doc = full_document()
    doc["processors"][0]["address"] = "1600 Main Street, Springfield, IL 62701"
    import_document(ctx, doc)
    assert exported(ctx)["processors"][0]["address"].startswith("1600 Main Street")


def test_translations_survive_an_edit_that_recreates_the_rows(ctx):
    import_document(ctx, notice_model_document())
    data = entities.get(ctx, "registers", "Asiakasrekisteri")
    data["purposes"].insert(0, {"text": "Uusi tarkoitus"})
    data["description"] = "Muutettu kuvaus"
    saved = entities.save(ctx, "registers", data, "Asiakasrekisteri")
    assert saved["purposes"][1]["translations"] == {"sv": {"text": "Skötsel av kundrelationen"}}
    assert saved["translations"]["sv"]["name"] == "Kundregister"
    assert saved["statements"][1]["kind"] == "no-profiling"


def test_a_shared_officer_cannot_be_deleted_while_controllers_refer_to_it(ctx):
    import_document(ctx, notice_model_document())
    from rekisteri_app.services.context import ServiceError

    with pytest.raises(ServiceError):
        entities.delete(ctx, "dpos", "dpo-1")
    assert len(exported(ctx)["dpos"]) == 1


def test_a_database_at_0002_with_data_migrates_to_the_notice_model(db_path):
    """0005 adds columns in place: rows that other rows refer to survive the upgrade
    (rebuilding such a table would fail, or cascade, while SQLite enforces foreign keys)."""
    from alembic import command
    from sqlalchemy import text

    from rekisteri_app.storage.migrate import _config

    with Database.create(db_path, PASSPHRASE) as db, db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        for statement in (
            "INSERT INTO controllers (id, name) VALUES (1, 'Esimerkki Energia Oy')",
            "INSERT INTO contacts (id, controller_id, position, role) "
            "VALUES (1, 1, 0, 'asiakaspalvelu')",
            "INSERT INTO registers (id, name) VALUES (1, 'Asiakasrekisteri')",
            "INSERT INTO register_controllers (id, register_id, controller_id, role, position) "
            "VALUES (1, 1, 1, 'controller', 0)",
            "INSERT INTO purposes (id, register_id, position, text) VALUES (1, 1, 0, 'Laskutus')",
            "INSERT INTO processors (id, name) VALUES (1, 'Postitus Oy')",
            "INSERT INTO register_processors (id, register_id, processor_id, position) "
            "VALUES (1, 1, 1, 0)",
        ):
            conn.execute(text(statement))
    with Database.open(db_path, PASSPHRASE) as db:
        doc = exported(ServiceContext(db, actor="t"))
    assert doc["controllers"][0]["name"] == "Esimerkki Energia Oy"
    assert doc["controllers"][0]["contacts"][0]["publish_name"] is True
    reg = doc["registers"][0]
    assert reg["language"] == "fi" and reg["controllers"][0]["controller"] == "controller-1"
    assert reg["purposes"] == ["Laskutus"]
    assert reg["processors"][0]["processor"] == "processor-1"
    assert doc["processors"][0]["is_category"] is False


def test_a_statement_of_the_officers_own_words_needs_its_text(ctx):
    doc = full_document()
    doc["registers"][0]["statements"] = [{"kind": "no-transfers"}, {"kind": "applicable-laws"}]
    with pytest.raises(InvalidDocument) as info:
        import_document(ctx, doc)
    assert [p.path for p in info.value.problems] == ["$.registers[0].statements[1].text"]
