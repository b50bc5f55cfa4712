"""Issue 12: a printed notice states only what the register holds.

Every sentence of the notice is backed by a recorded field or by a statement the officer
recorded; otherwise the section prints the visible "not recorded" placeholder. The tests
print notices through the service (the same tree the PDF and HTML are laid out from) and
look at each section's text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rekisteri_app.documents.notices import section_texts
from rekisteri_app.documents.notices.texts import NOTICE_LANGUAGES, load_texts
from rekisteri_app.services import notices
from rekisteri_app.services.exchange import import_document

#: Every fixed sentence of the notice that states a fact about the processing. None of
#: them may appear unless the data back it.
CLAIMS = (
    "contact_via_controller",
    "no_disclosures",
    "processors_intro",
    "processors_agreement",
    "processor_agreement",
    "processor_category",
    "no_transfers",
    "transfers_copy_contact",
    "transfers_copy_controller",
    "no_automated_decisions",
    "no_profiling",
    "requests_via_controller",
    "requests_to",
    "identity",
    "representative",
    "rights_intro",
)

#: What the notice printed before issue 12 when nothing was recorded; never again.
OLD_DEFAULTS = {
    "fi": (
        "vain niin kauan kuin se on tarpeen",
        "saatavilla rekisterinpitäjän verkkosivuilla",
        "käsittelysopimuksen mukaisesti",
        "Tietoja ei siirretä",
        "Tietoja ei käytetä automaattiseen",
        "Tietoja ei luovuteta",
        "kohdassa 1 mainittuihin yhteystietoihin",
    ),
    "sv": (
        "endast så länge som det är nödvändigt",
        "finns på den personuppgiftsansvariges webbplats",
        "enligt ett biträdesavtal",
        "Uppgifter överförs inte",
        "används inte för automatiserat",
        "lämnas inte regelbundet ut",
    ),
    "en": (
        "only as long as necessary",
        "available on the controller's website",
        "under a data processing agreement",
        "are not transferred",
        "not used for automated",
        "not regularly disclosed",
    ),
}


def document(register: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    reg = {"key": "r", "name": "Asiakasrekisteri"}
    reg.update(register or {})
    return {"format": "rekisteri", "version": 1, "registers": [reg], **top}


def with_controller(register: dict[str, Any] | None = None, **controller: Any) -> dict:
    """A register with one controller (name only unless given more)."""
    reg = {"controllers": [{"controller": "c", "role": "controller"}], **(register or {})}
    return document(reg, controllers=[{"key": "c", "name": "Esimerkki Oy", **controller}])


def sections(ctx, doc: dict[str, Any], lang: str = "fi") -> dict[str, str]:
    import_document(ctx, doc)
    with ctx.read() as session:
        from rekisteri_app.storage.models import Register

        ids = [r.id for r in session.query(Register).order_by(Register.id)]
        data = notices.notice_data(session, ids, lang, today=date(2026, 11, 23))
    return {sid: text for sid, _heading, text in section_texts(data, lang)}


@pytest.mark.parametrize("lang", NOTICE_LANGUAGES)
def test_an_empty_register_makes_no_factual_claim_in_any_section(ctx, lang):
    t = load_texts(lang)
    printed = sections(ctx, document(), lang)
    claims = [t.text(key) for key in CLAIMS] + list(OLD_DEFAULTS[lang])
    for section, text in printed.items():
        found = [claim for claim in claims if claim in text]
        assert found == [], f"section {section} says {found}"
    placeholder = f"[{t.doc('not_recorded')}]"
    empty = {
        "controller",
        "contact",
        "purposes",
        "subjects",
        "categories",
        "sources",
        "recipients",
        "transfers",
        "retention",
        "security",
        "automated",
        "rights",
        "changes",
    }
    assert {s for s, text in printed.items() if placeholder in text} == empty
    assert placeholder not in printed["register"] and placeholder not in printed["version"]


def test_the_check_above_can_fail(ctx):
    """With the statements recorded, the same sentences do appear."""
    t = load_texts("fi")
    printed = sections(
        ctx,
        document(
            {
                "statements": [
                    {"kind": "no-regular-disclosures"},
                    {"kind": "no-transfers"},
                    {"kind": "no-automated-decisions"},
                    {"kind": "no-profiling"},
                ]
            }
        ),
    )
    assert t.text("no_disclosures") in printed["recipients"]
    assert t.text("no_transfers") in printed["transfers"]
    assert t.text("no_automated_decisions") in printed["automated"]
    assert t.text("no_profiling") in printed["automated"]
    assert "[Ei kirjattu.]" not in printed["transfers"]


def test_a_statement_with_own_words_replaces_the_standard_sentence(ctx):
    own = "Tietoja ei siirretä EU:n tai ETA-alueen ulkopuolelle missään tilanteessa."
    printed = sections(ctx, document({"statements": [{"kind": "no-transfers", "text": own}]}))
    assert printed["transfers"] == own


def test_the_processing_agreement_sentence_needs_an_agreement_for_every_processor(ctx):
    t = load_texts("fi")
    doc = document(
        {"processors": [{"processor": "a"}, {"processor": "b"}]},
        processors=[
            {"key": "a", "name": "Laskutus Oy", "dpa_signed_on": "2024-01-01"},
            {"key": "b", "name": "Posti Oy"},
        ],
    )
    printed = sections(ctx, doc)["recipients"]
    assert t.text("processors_agreement") not in printed
    assert printed.count(t.text("processor_agreement")) == 1  # only Laskutus Oy's
    assert printed.index("Laskutus Oy") < printed.index(t.text("processor_agreement"))
    assert printed.index(t.text("processor_agreement")) < printed.index("Posti Oy")


def test_with_every_agreement_recorded_the_sentence_is_said_once(ctx):
    t = load_texts("fi")
    doc = document(
        {"processors": [{"processor": "a"}]},
        processors=[{"key": "a", "name": "Laskutus Oy", "dpa_signed_on": "2024-01-01"}],
    )
    printed = sections(ctx, doc)["recipients"]
    assert t.text("processors_agreement") in printed
    assert t.text("processor_agreement") not in printed


def test_an_unnamed_processor_category_is_printed_as_a_category(ctx):
    t = load_texts("fi")
    doc = document(
        {"processors": [{"processor": "a"}]},
        processors=[{"key": "a", "name": "Laskutus- ja mittarinlukupalvelut", "is_category": True}],
    )
    printed = sections(ctx, doc)["recipients"]
    assert "Laskutus- ja mittarinlukupalvelut" in printed
    assert t.text("processor_category") in printed


@pytest.mark.parametrize(
    ("controller", "says_section_1"),
    [
        ({"phone": "014 000 0000"}, False),
        ({"email": "tietosuoja@esimerkki.fi"}, True),
        ({"postal_address": "PL 1\n40101 Jyväskylä"}, True),
    ],
)
def test_requests_go_to_section_1_only_when_it_has_a_postal_or_email_address(
    ctx, controller, says_section_1
):
    t = load_texts("fi")
    rights = sections(ctx, with_controller(**controller))["rights"]
    howto = rights.split(f"### {t.text('rights_howto')}", 1)[1]
    assert (t.text("requests_via_controller") in howto) is says_section_1
    assert ("[Ei kirjattu.]" in howto) is not says_section_1


def test_a_web_form_only_channel_is_named_and_section_1_is_not(ctx):
    t = load_texts("fi")
    doc = with_controller(
        {"request_web_form": "https://esimerkki.fi/tietopyynto"}, email="info@esimerkki.fi"
    )
    printed = sections(ctx, doc)["rights"]
    assert "Verkkolomake: https://esimerkki.fi/tietopyynto" in printed
    assert t.text("requests_via_controller") not in printed


def test_the_contact_section_names_section_1_only_when_it_has_contact_details(ctx):
    assert sections(ctx, with_controller())["contact"] == "[Ei kirjattu.]"


def test_the_contact_section_refers_to_section_1_with_details(ctx):
    t = load_texts("fi")
    printed = sections(ctx, with_controller(phone="014 000 0000"))["contact"]
    assert printed == t.text("contact_via_controller")


def test_the_copy_of_safeguards_is_offered_only_where_someone_can_give_it(ctx):
    t = load_texts("fi")
    transfer = {"country": "US", "recipient": "Mail Inc.", "safeguard": "scc-2021-914"}
    printed = sections(ctx, document({"transfers": [transfer]}))["transfers"]
    assert t.text("transfers_copy_contact") not in printed
    assert t.text("transfers_copy_controller") not in printed


def test_the_copy_of_safeguards_names_the_contact_of_section_2(ctx):
    t = load_texts("fi")
    transfer = {"country": "US", "recipient": "Mail Inc.", "safeguard": "scc-2021-914"}
    doc = with_controller({"transfers": [transfer], "contacts": [{"role": "Asiakaspalvelu"}]})
    assert t.text("transfers_copy_contact") in sections(ctx, doc)["transfers"]


def test_identity_and_representative_sentences_follow_the_statements(ctx):
    t = load_texts("fi")
    printed = sections(
        ctx,
        document(
            {
                "statements": [
                    {"kind": "identity-proof-required"},
                    {"kind": "representative-allowed", "text": "Edustajalta pyydetään valtakirja."},
                ]
            }
        ),
    )["rights"]
    assert t.text("identity") in printed
    assert "Edustajalta pyydetään valtakirja." in printed
    assert t.text("representative") not in printed


def test_rights_are_those_recorded_or_those_the_recorded_bases_give(ctx):
    t = load_texts("fi")
    printed = sections(ctx, document({"legal_bases": [{"article": "6.1.f", "description": "x"}]}))
    assert t.right_name("objection") in printed["rights"]
    assert t.right_name("portability") not in printed["rights"]


def test_the_notice_prints_its_recorded_dates_and_label_not_today(ctx):
    doc = document(
        {
            "notice_version_label": "4.2.2022",
            "notice_valid_from": "2022-02-04",
            "notice_updated_on": "2022-02-01",
        }
    )
    printed = sections(ctx, doc)["version"]
    assert "Versio: 4.2.2022" in printed
    assert "Voimassa alkaen: 4.2.2022" in printed
    assert "Päivitetty: 1.2.2022" in printed
    assert "23.11.2026" not in printed  # the day it was printed


def test_changes_section_prints_policy_and_where_the_notice_is_available(ctx):
    doc = document(
        {
            "changes_policy": "Selostetta päivitetään tarvittaessa.",
            "statements": [{"kind": "notice-availability", "text": "www.esimerkki.fi/tietosuoja"}],
        }
    )
    printed = sections(ctx, doc)["changes"]
    assert "Selostetta päivitetään tarvittaessa." in printed
    assert "Selosteen saatavuus: www.esimerkki.fi/tietosuoja" in printed


def test_one_officer_shared_by_two_controllers_is_printed_once(ctx):
    doc = document(
        {
            "controllers": [
                {"controller": "a", "role": "controller"},
                {"controller": "b", "role": "group-company"},
            ]
        },
        dpos=[{"key": "d", "role": "Tietosuojavastaava", "email": "tietosuoja@konserni.fi"}],
        controllers=[
            {"key": "a", "name": "Konserni Oy", "dpo": "d", "email": "info@konserni.fi"},
            {"key": "b", "name": "Verkko Oy", "dpo": "d", "address_from": "a"},
        ],
    )
    printed = sections(ctx, doc)["controller"]
    assert printed.count("tietosuoja@konserni.fi") == 1
    assert "Tietosuojavastaava: Konserni Oy ja Verkko Oy" in printed
    assert "Osoite ja yhteystiedot: samat kuin Konserni Oy" in printed
    assert printed.count("info@konserni.fi") == 1  # the shared block is not copied


def test_a_business_id_of_another_company_is_printed_with_its_owner(ctx):
    doc = document(
        {"controllers": [{"controller": "b", "role": "controller"}]},
        controllers=[
            {"key": "a", "name": "Esimerkin kaupunki", "business_id": "0112038-9"},
            {
                "key": "b",
                "name": "Esimerkin tekninen lautakunta",
                "business_id_from": "a",
                "controller_type": "municipal-board",
            },
        ],
    )
    printed = sections(ctx, doc)["controller"]
    assert "Y-tunnus: 0112038-9 (Esimerkin kaupunki)" in printed
    assert "Organisaatiomuoto: Kunnan toimielin" in printed


def test_a_name_that_is_not_published_is_not_printed(ctx):
    doc = with_controller(
        {
            "contacts": [
                {
                    "name": "Salla Salainen",
                    "publish_name": False,
                    "role": "Asiakaspalvelupäällikkö",
                    "web": "https://esimerkki.fi/yhteystiedot",
                }
            ]
        }
    )
    printed = sections(ctx, doc)["contact"]
    assert "Salla Salainen" not in printed
    assert "Asiakaspalvelupäällikkö" in printed
    assert "Verkkosivut: https://esimerkki.fi/yhteystiedot" in printed


def test_joint_arrangement_purpose_bases_laws_and_references_are_printed(ctx):
    doc = document(
        {
            "controllers": [],
            "joint_arrangement": "Kumpikin vastaa omien asiakkaidensa pyynnöistä.",
            "purposes": [{"text": "Laskutus", "bases": ["6.1.b"]}],
            "legal_bases": [{"article": "6.1.b"}],
            "statements": [{"kind": "applicable-laws", "text": "sähkömarkkinalaki 588/2013"}],
            "notice_references": [
                {"title": "Ilmoituskanavan seloste", "url": "https://esimerkki.fi/ilmoitus"}
            ],
        },
    )
    printed = sections(ctx, doc)
    assert "Peruste: Sopimus" in printed["purposes"]
    assert "Sovellettava lainsäädäntö: sähkömarkkinalaki 588/2013" in printed["purposes"]
    assert "Ilmoituskanavan seloste: https://esimerkki.fi/ilmoitus" in printed["register"]


def test_the_joint_arrangement_is_printed_in_section_1(ctx):
    doc = with_controller({"joint_arrangement": "Kumpikin vastaa omista tiedoistaan."})
    assert "Kumpikin vastaa omista tiedoistaan." in sections(ctx, doc)["controller"]


def test_each_language_prints_its_own_texts_and_the_primary_text_where_one_is_missing(ctx):
    doc = with_controller(
        {
            "languages": ["fi", "sv"],
            "translations": {"sv": {"name": "Kundregister"}},
            "purposes": [
                {"text": "Laskutus", "translations": {"sv": {"text": "Fakturering"}}},
                "Asiakassuhteen hoitaminen",
            ],
        },
        name="Turun Energia Oy",
        translations={"sv": {"name": "Åbo Energi Ab"}},
    )
    sv = sections(ctx, doc, "sv")
    assert "Åbo Energi Ab" in sv["controller"] and "Kundregister" in sv["register"]
    assert "Fakturering" in sv["purposes"] and "Laskutus" not in sv["purposes"]
    assert "Asiakassuhteen hoitaminen" in sv["purposes"]  # not translated: as recorded
    with ctx.read() as session:
        from rekisteri_app.storage.models import Register

        ids = [r.id for r in session.query(Register)]
        fi = notices.notice_data(session, ids, "fi", today=date(2026, 11, 23))
    fi_text = dict((s, t) for s, _h, t in section_texts(fi, "fi"))
    assert "Turun Energia Oy" in fi_text["controller"] and "Laskutus" in fi_text["purposes"]


def test_sources_and_recipients_are_grouped_by_kind_keeping_order_within_a_kind(ctx):
    recipients = [
        {"name": "Perintä Oy", "kind": "debt-collection"},
        {"name": "Verohallinto", "kind": "authority"},
        {"name": "Poliisi", "kind": "authority"},
        {"name": "Tuomioistuin", "kind": "authority"},
    ]
    printed = sections(ctx, document({"recipients": recipients}))["recipients"]
    order = [printed.index(r["name"]) for r in recipients]
    assert order[1] < order[2] < order[3] < order[0]  # authorities first, as listed


#: The red findings that stand behind each section's placeholder in an empty register.
PLACEHOLDER_FINDINGS = {
    "controller": {"controller-missing"},
    "contact": {"controller-missing"},
    "purposes": {"purposes-missing", "legal-basis-missing"},
    "subjects": {"subject-groups-missing"},
    "categories": {"data-categories-missing"},
    "sources": {"sources-missing"},
    "recipients": {"recipients-missing"},
    "transfers": {"transfers-not-recorded"},
    "retention": {"retention-missing"},
    "security": {"security-missing"},
    "automated": {"automated-decisions-not-recorded"},
    "rights": {"rights-information-missing", "request-channel-missing"},
    "changes": {"changes-policy-missing"},
}


def test_every_placeholder_has_a_red_finding_and_publishing_asks(ctx):
    from rekisteri_app.services.compliance import check_database

    printed = sections(ctx, document())
    placeholders = {s for s, text in printed.items() if "[Ei kirjattu.]" in text}
    assert placeholders == set(PLACEHOLDER_FINDINGS)
    red = {f.code for f in check_database(ctx) if f.severity == "red"}
    for section in placeholders:
        assert PLACEHOLDER_FINDINGS[section] <= red, section
    with pytest.raises(notices.RedFindings):
        notices.publish(ctx, "Asiakasrekisteri", "fi", "html")
    published = notices.publish(ctx, "Asiakasrekisteri", "fi", "html", confirm_red=True)
    assert "Ei kirjattu." in published.content.decode("utf-8")


def test_language_versions_share_one_version_number_and_date(ctx):
    from datetime import UTC, datetime

    from rekisteri_app.services.context import ServiceContext
    from tests.conftest import FixedClock

    doc = with_controller(
        {"languages": ["fi", "sv"], "purposes": [{"text": "Laskutus"}]}, email="info@esimerkki.fi"
    )
    import_document(ctx, doc)
    fi = notices.publish(ctx, "Asiakasrekisteri", "fi", "pdf", confirm_red=True)
    later = ServiceContext(ctx.db, actor="t", clock=FixedClock(datetime(2027, 1, 5, tzinfo=UTC)))
    sv = notices.publish(later, "Asiakasrekisteri", "sv", "pdf", confirm_red=True)
    assert (sv.version, sv.issued_on) == (fi.version, fi.issued_on)


def test_a_register_with_both_languages_prints_each_in_its_own(ctx):
    """The bilingual fixture: complete in fi and sv, so no finding and no placeholder."""
    import json
    from pathlib import Path

    from rekisteri_app.services.compliance import check_database

    doc = json.loads(
        (Path(__file__).parent / "fixtures" / "bilingual_register.json").read_text("utf-8")
    )
    fi = sections(ctx, doc, "fi")
    assert check_database(ctx) == []
    with ctx.read() as session:
        from rekisteri_app.storage.models import Register

        ids = [r.id for r in session.query(Register)]
        sv_data = notices.notice_data(session, ids, "sv", today=date(2026, 11, 23))
    sv = {sid: text for sid, _h, text in section_texts(sv_data, "sv")}
    assert not any("[" in text and "]" in text for text in fi.values())
    assert "Kustens Energi Ab" in sv["controller"] and "Rannikon Energia Oy" in fi["controller"]
    assert "Dataskyddsombud för Kustens Energi Ab och Kustens Elnät Ab" in sv["controller"]
    assert "Skötsel av kundrelationen och fakturering" in sv["purposes"]
    assert "Version: 1.3.2026" in sv["version"] and "Versio: 1.3.2026" in fi["version"]
    assert notices.missing_translations(ctx, ids, "sv") == []
