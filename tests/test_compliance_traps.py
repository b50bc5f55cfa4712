"""Issue 12: the checker catches the traps real notices contain, each with a code, a
severity and the JSON path of what it is about — through the service, as the window's
findings panel and `rekisteri check --json` show them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text

from rekisteri_app.services import entities, notices, settings
from rekisteri_app.services.compliance import check_database
from rekisteri_app.services.exchange import import_document
from tests.conftest import SEEDS


@pytest.fixture(autouse=True)
def _english_messages():
    from rekisteri_app.i18n import set_language

    set_language("en")


def complete(**register: Any) -> dict[str, Any]:
    """A register that prints a notice without placeholders, and its controller."""
    reg = {
        "key": "r",
        "name": "Asiakasrekisteri",
        "controllers": [{"controller": "c", "role": "controller"}],
        "purposes": ["Laskutus"],
        "legal_bases": [{"article": "6.1.b", "description": "sähkösopimus"}],
        "subject_groups": [{"name": "Asiakkaat"}],
        "data_categories": [{"key": "k", "name": "nimi"}],
        "sources": [{"name": "Asiakas itse", "kind": "data-subject"}],
        "recipients": [{"name": "Viranomaiset", "kind": "authority"}],
        "retention_rules": [{"period_value": 10, "period_unit": "years", "trigger": "x"}],
        "security_measures": [{"kind": "technical", "text": "palomuuri"}],
        "provision_requirement": "Sopimus edellyttää perustietoja.",
        "changes_policy": "Seloste päivitetään tarvittaessa.",
        "statements": [{"kind": "no-transfers"}, {"kind": "no-automated-decisions"}],
    }
    reg.update(register)
    return {
        "format": "rekisteri",
        "version": 1,
        "controllers": [
            {
                "key": "c",
                "name": "Esimerkki Energia Oy",
                "business_id": "0112038-9",
                "controller_type": "company",
                "email": "tietosuoja@esimerkki.fi",
            }
        ],
        "registers": [reg],
    }


def findings(ctx) -> list[dict[str, Any]]:
    return [f.as_dict("en") for f in check_database(ctx)]


def codes(ctx, severity: str | None = None) -> set[str]:
    return {f["code"] for f in findings(ctx) if severity is None or f["severity"] == severity}


def one(ctx, code: str) -> dict[str, Any]:
    (found,) = [f for f in findings(ctx) if f["code"] == code]
    return found


def test_the_complete_register_has_no_findings(ctx):
    import_document(ctx, complete())
    assert findings(ctx) == []


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("rights_instructions", "Oikeudet henkilötietolain mukaisesti.", "$.rights_instructions"),
        ("changes_policy", "Muutokset tehdään HetiL:n mukaan.", "$.changes_policy"),
        ("description", "Rekisteri personuppgiftslagen 523/1999 mukaan.", "$.description"),
    ],
)
def test_repealed_law_in_any_text_field_is_found(ctx, field, value, path):
    import_document(ctx, complete(**{field: value}))
    found = one(ctx, "repealed-personal-data-act")
    assert (found["severity"], found["path"]) == ("amber", path)


def test_repealed_law_in_a_statement_and_in_a_translation_is_found(ctx):
    doc = complete(
        statements=[
            {"kind": "no-transfers"},
            {"kind": "no-automated-decisions"},
            {"kind": "applicable-laws", "text": "henkilötietolaki 523/1999"},
        ],
        translations={"sv": {"description": "enligt personuppgiftslagen"}},
    )
    import_document(ctx, doc)
    paths = {f["path"] for f in findings(ctx) if f["code"] == "repealed-personal-data-act"}
    assert paths == {"$.statements[2].text", "$.translations.sv.description"}


def test_repealed_law_in_a_controllers_text_is_a_finding_about_the_controller(ctx):
    doc = complete()
    doc["controllers"][0]["dpo_contact"] = "Henkilötietolain mukainen yhteyshenkilö"
    import_document(ctx, doc)
    found = one(ctx, "repealed-personal-data-act")
    assert (found["subject_kind"], found["path"]) == ("controller", "$.dpo_contact")


def test_general_data_protection_legislation_is_not_the_repealed_act(ctx):
    import_document(ctx, complete(description="Henkilötietolainsäädännön mukaisesti."))
    assert "repealed-personal-data-act" not in codes(ctx)


def test_a_controller_without_a_business_id(ctx):
    doc = complete()
    doc["controllers"][0]["business_id"] = None
    import_document(ctx, doc)
    found = one(ctx, "business-id-missing")
    assert (found["severity"], found["subject_kind"], found["path"]) == (
        "amber",
        "controller",
        "$.business_id",
    )


def test_a_business_id_of_another_controller_is_not_missing(ctx):
    doc = complete()
    doc["controllers"].append(
        {
            "key": "b",
            "name": "Esimerkki Verkko Oy",
            "business_id_from": "c",
            "controller_type": "company",
        }
    )
    import_document(ctx, doc)
    assert "business-id-missing" not in codes(ctx)


def test_a_business_id_used_by_two_controllers_is_red_on_both(ctx):
    doc = complete()
    doc["controllers"].append(
        {
            "key": "b",
            "name": "Esimerkki Verkko Oy",
            "business_id": "0112038-9",
            "controller_type": "company",
        }
    )
    import_document(ctx, doc)
    found = [f for f in findings(ctx) if f["code"] == "business-id-duplicate"]
    assert {f["subject_name"] for f in found} == {"Esimerkki Energia Oy", "Esimerkki Verkko Oy"}
    assert {f["severity"] for f in found} == {"red"}


def test_a_stored_placeholder_business_id_is_red(ctx):
    """The importer refuses 0000000-0; one stored before that rule is still found."""
    import_document(ctx, complete())
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE controllers SET business_id = '0000000-0'"))
    found = one(ctx, "business-id-invalid")
    assert (found["severity"], found["path"]) == ("red", "$.business_id")


def test_a_controller_type_is_asked_for(ctx):
    doc = complete()
    doc["controllers"][0]["controller_type"] = None
    import_document(ctx, doc)
    assert one(ctx, "controller-type-missing")["severity"] == "amber"


@pytest.mark.parametrize(
    ("column", "value", "code", "severity"),
    [
        ("email", "tietosuoja (at) esimerkki.fi", "email-obfuscated", "amber"),
        ("email", "tietosuoja.esimerkki.fi", "email-invalid", "red"),
        ("email", "tietosuoja@esimerkki", "email-invalid", "red"),
        ("phone", "vaihde", "phone-invalid", "amber"),
        ("postal_address", "PL 1\n4010 Jyväskylä", "postcode-invalid", "amber"),
        ("visiting_address", "Voimalatie 1, 4O100 Jyväskylä", "postcode-invalid", "amber"),
    ],
)
def test_stored_contact_details_that_the_editor_would_refuse_are_found(
    ctx, column, value, code, severity
):
    import_document(ctx, complete())
    with ctx.db.engine.begin() as conn:
        conn.execute(text(f"UPDATE controllers SET {column} = :v"), {"v": value})
    found = one(ctx, code)
    assert (found["severity"], found["subject_kind"], found["path"]) == (
        severity,
        "controller",
        f"$.{column}",
    )


def test_an_obfuscated_email_in_a_text_offers_the_plain_form(ctx):
    import_document(ctx, complete(rights_instructions="Kirjoita: tietosuoja (at) esimerkki.fi"))
    found = one(ctx, "email-obfuscated")
    assert "tietosuoja@esimerkki.fi" in found["message"]
    assert found["path"] == "$.rights_instructions"


def test_the_old_authority_address_in_a_text_is_red(ctx):
    import_document(
        ctx, complete(rights_instructions="Tietosuojaviranomainen: Ratapihantie 9, 00520 Helsinki")
    )
    found = one(ctx, "supervisory-authority-outdated")
    assert (found["severity"], found["path"]) == ("red", "$.rights_instructions")
    assert "Lintulahdenkuja 4" in found["message"]


def test_a_wrong_authority_name_in_the_settings_is_red(ctx):
    import_document(ctx, complete())
    settings.set_value(ctx, settings.AUTHORITY_NAME, "Tietosuojavastaavan toimisto")
    found = one(ctx, "supervisory-authority-outdated")
    assert (found["subject_kind"], found["path"]) == ("settings", "$.settings['authority.name']")
    # it concerns every notice, so publishing asks about it
    assert "supervisory-authority-outdated" in {
        f.code for f in notices.red_findings(ctx, "Asiakasrekisteri")
    }


def test_the_jyvaskyla_seed_keeps_the_old_authority_address_and_the_checker_says_so(ctx):
    seed = next(p for p in SEEDS if p.stem == "000_jyvaskyla")
    import_document(ctx, json.loads(seed.read_text("utf-8")))
    found = one(ctx, "supervisory-authority-outdated")
    assert "Ratapihantie 9" in found["message"] and "00521" in found["message"]


def test_rights_fewer_than_the_bases_give_are_not_complete(ctx):
    doc = complete(
        rights=[{"right": "access"}],
        legal_bases=[{"article": "6.1.f", "description": "asiakasviestintä"}],
    )
    import_document(ctx, doc)
    found = one(ctx, "rights-incomplete")
    assert (found["severity"], found["path"]) == ("red", "$.rights")
    assert "rectification" in found["message"]


def test_no_regular_disclosures_while_recipients_are_recorded(ctx):
    import_document(
        ctx,
        complete(
            statements=[
                {"kind": "no-regular-disclosures"},
                {"kind": "no-transfers"},
                {"kind": "no-automated-decisions"},
            ]
        ),
    )
    found = one(ctx, "disclosures-contradiction")
    assert (found["severity"], found["path"]) == ("red", "$.statements[0]")


def test_a_profiling_purpose_with_a_no_profiling_statement(ctx):
    doc = complete(
        purposes=["Suoramarkkinointi, verkkomainonnan kohdentaminen ja profilointi"],
        statements=[
            {"kind": "no-transfers"},
            {"kind": "no-automated-decisions"},
            {"kind": "no-profiling"},
        ],
    )
    import_document(ctx, doc)
    found = one(ctx, "profiling-contradiction")
    assert (found["severity"], found["path"]) == ("red", "$.statements[2]")


def test_no_transfers_stated_while_a_transfer_is_recorded(ctx):
    transfer = {"country": "US", "recipient": "Mail Inc.", "safeguard": "dpf"}
    import_document(ctx, complete(transfers=[transfer]))
    assert one(ctx, "transfers-contradiction")["severity"] == "red"


def test_a_category_of_a_subject_group_that_does_not_exist(ctx):
    doc = complete(data_categories=[{"key": "k", "name": "nimi", "subject_group": "Yritykset"}])
    import_document(ctx, doc)
    found = one(ctx, "category-group-unknown")
    assert (found["severity"], found["path"]) == ("amber", "$.data_categories[0].subject_group")


def test_a_purpose_linked_to_a_basis_that_is_not_recorded(ctx):
    import_document(ctx, complete(purposes=[{"text": "Markkinointi", "bases": ["6.1.a"]}]))
    assert one(ctx, "purpose-basis-not-recorded")["path"] == "$.purposes[0].bases"


def test_joint_controllers_without_the_arrangement(ctx):
    doc = complete(controllers=[{"controller": "c", "role": "joint-controller"}])
    import_document(ctx, doc)
    assert one(ctx, "joint-arrangement-missing")["severity"] == "red"
    data = entities.get(ctx, "registers", "Asiakasrekisteri")
    data["joint_arrangement"] = "Kumpikin vastaa omien asiakkaidensa pyynnöistä."
    entities.save(ctx, "registers", data, "Asiakasrekisteri")
    assert "joint-arrangement-missing" not in codes(ctx)


def test_a_processor_whose_location_is_unknown(ctx):
    doc = complete(processors=[{"processor": "p"}])
    doc["processors"] = [{"key": "p", "name": "Laskutuspalvelut", "is_category": True}]
    import_document(ctx, doc)
    found = one(ctx, "processor-location-unknown")
    assert (found["subject_kind"], found["path"]) == ("processor", "$.country")


def test_no_false_red_when_a_contact_person_holds_the_contact_details(ctx):
    doc = complete(contacts=[{"role": "Asiakaspalvelu", "phone": "014 000 0000"}])
    doc["controllers"][0]["email"] = None
    import_document(ctx, doc)
    assert "controller-contact-missing" not in codes(ctx)
    data = entities.get(ctx, "registers", "Asiakasrekisteri")
    data["contacts"] = []
    entities.save(ctx, "registers", data, "Asiakasrekisteri")
    assert "controller-contact-missing" in codes(ctx, "red")


def test_missing_translations_are_listed_per_published_language(ctx):
    doc = complete(
        languages=["fi", "sv"],
        translations={"sv": {"name": "Kundregister"}},
        purposes=[{"text": "Laskutus", "translations": {"sv": {"text": "Fakturering"}}}],
    )
    import_document(ctx, doc)
    found = one(ctx, "translation-missing")
    assert found["severity"] == "red" and found["language"] == "sv"
    assert "$.legal_bases[0].description" in found["message"]
    assert "$.purposes[0].text" not in found["message"]
    # Only a Swedish notice waits for them; the Finnish one is complete.
    assert [f.code for f in notices.red_findings(ctx, "Asiakasrekisteri", "fi")] == []
    assert [f.code for f in notices.red_findings(ctx, "Asiakasrekisteri", "sv")] == [
        "translation-missing"
    ]


def test_a_language_not_published_is_not_checked(ctx):
    import_document(ctx, complete(languages=["fi"]))
    assert "translation-missing" not in codes(ctx)


def test_missing_texts_is_the_accessor_letters_will_use(ctx):
    from rekisteri_app.services.translations import localized, missing_texts, text_in
    from rekisteri_app.storage import models as m

    doc = complete(languages=["fi", "sv"], translations={"sv": {"name": "Kundregister"}})
    doc["controllers"][0]["translations"] = {"sv": {"name": "Exempel Energi Ab"}}
    import_document(ctx, doc)
    with ctx.read() as session:
        reg = session.query(m.Register).one()
        controller = reg.controllers[0].controller
        assert localized(reg, "name", "sv") == "Kundregister"
        assert localized(reg, "name", "en") is None
        assert localized(reg, "name", "fi") == "Asiakasrekisteri"
        assert text_in(reg, "description", "sv") == ""
        assert localized(controller, "name", "sv", reg.language) == "Exempel Energi Ab"
        assert text_in(reg.purposes[0], "text", "sv", reg.language) == "Laskutus"
        missing = {(mt.entity, mt.path) for mt in missing_texts(session, reg, "sv")}
    assert ("register", "$.purposes[0].text") in missing
    assert ("register", "$.name") not in missing


def test_a_plain_purpose_is_checked_with_its_path(ctx):
    import_document(ctx, complete(purposes=["Laskutus henkilötietolain mukaisesti"]))
    assert one(ctx, "repealed-personal-data-act")["path"] == "$.purposes[0].text"
