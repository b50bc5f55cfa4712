"""Issue 10: every letter true to its case, through the `rekisteri` CLI, read back from the
issued PDF (pypdf) in Finnish and Swedish; every block and refusal stores nothing."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest

from rekisteri_app.documents.letters.compose import format_date
from rekisteri_app.domain.enums import Authority, IdentityMethod, Outcome, RequestClass, Right
from rekisteri_app.services import exchange
from rekisteri_app.services import requests as rq
from tests.conftest import cli_context_at
from tests.test_letter_cli import flat, text_of
from tests.test_letter_service import officer
from tests.test_requests_helpers import intake, organisation_document, state

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RECEIVED = date(2026, 11, 2)
LANGS = ["fi", "sv"]


def document() -> dict:
    """The sample organisation, plus a self-recipient, a network company without a postal
    address and a municipality (a public authority) with a register of its own."""
    doc = organisation_document()
    doc["controllers"][1].pop("postal_address", None)
    doc["registers"][0]["recipients"].append({"name": "Asiakas itse", "kind": "other"})
    doc["controllers"].append(
        {
            "key": "aanekoski",
            "name": "Äänekosken kaupunki",
            "controller_type": "municipality",
            "business_id": "0174747-2",
            "postal_address": "PL 85, 44101 Äänekoski",
        }
    )
    doc["registers"].append(
        {
            "key": "rakennus",
            "name": "Rakennusvalvonnan asiakirjat",
            "controllers": [{"controller": "aanekoski", "role": "controller"}],
            "data_categories": [{"key": "lupa", "name": "rakennusluvat"}],
        }
    )
    return doc


ERASED = tuple(
    rq.ErasureInput(name, True) for name in ("nimi", "puhelutallenteet", "sähköpostiosoite")
)


def verified(ctx, case: str) -> None:
    rq.record_identity(
        ctx,
        case,
        rq.IdentityInput(IdentityMethod.STRONG_EID, "Aino Virtanen", verified_on=RECEIVED),
    )


def decide(ctx, case: str, *outcomes: rq.OutcomeInput, **kw) -> None:
    rq.update_request(ctx, case, rq.CaseUpdate(outcomes=outcomes, **kw))


def make_cases(ctx) -> dict[str, str]:
    """One case per situation of the issue, on the organisation above."""
    exchange.import_document(ctx, document())
    officer(ctx)
    cases: dict[str, str] = {}
    cases["rep"] = rq.add_request(
        ctx,
        intake(
            RECEIVED,
            requester=rq.PersonInput("Liisa Asianajaja", "Katu 2, 00100 Helsinki"),
            authority=Authority.POWER_OF_ATTORNEY,
        ),
    )
    verified(ctx, cases["rep"])
    decide(ctx, cases["rep"], rq.OutcomeInput(Right.ACCESS, Outcome.GRANTED))
    cases["cpoa"] = rq.add_request(
        ctx,
        intake(
            RECEIVED,
            rights=(Right.ERASURE,),
            requester=rq.PersonInput("Pekka Valtuutettu", "Tie 3, 40100 Jyväskylä"),
            authority=Authority.CONTINUING_POA,
        ),
    )
    verified(ctx, cases["cpoa"])
    decide(ctx, cases["cpoa"], rq.OutcomeInput(Right.ERASURE, Outcome.GRANTED), erasures=ERASED)
    cases["nothing"] = rq.add_request(ctx, intake(RECEIVED, name="Outi Outsider"))
    verified(ctx, cases["nothing"])
    cases["erasure"] = rq.add_request(ctx, intake(RECEIVED, rights=(Right.ERASURE,)))
    verified(ctx, cases["erasure"])
    decide(ctx, cases["erasure"], rq.OutcomeInput(Right.ERASURE, Outcome.GRANTED), erasures=ERASED)
    cases["access"] = rq.add_request(
        ctx, intake(RECEIVED, other_controllers=("Esimerkki Sähköverkko Oy",))
    )
    verified(ctx, cases["access"])
    decide(
        ctx,
        cases["access"],
        rq.OutcomeInput(Right.ACCESS, Outcome.GRANTED),
        fee_reason="Pyysitte kolmatta jäljennöstä samoista tiedoista.",
    )
    cases["estate"] = rq.add_request(
        ctx,
        intake(
            RECEIVED,
            name="Vainaja Virtanen",
            requester=rq.PersonInput("Kalle Osakas", "Polku 4, 40100 Jyväskylä"),
            authority=Authority.ESTATE_SHAREHOLDER,
            classification=RequestClass.NON_GDPR,
        ),
    )
    cases["publicity"] = rq.add_request(
        ctx,
        intake(
            RECEIVED,
            name="Kaisa Kuntalainen",
            controller="Äänekosken kaupunki",
            classification=RequestClass.PUBLICITY_ACT,
        ),
    )
    cases["publicity-new"] = rq.add_request(
        ctx,
        intake(
            date(2026, 11, 20),
            name="Kaisa Kuntalainen",
            controller="Äänekosken kaupunki",
            classification=RequestClass.PUBLICITY_ACT,
        ),
    )
    return cases


@pytest.fixture
def run(ctx, cli, monkeypatch, db_path, tmp_path):
    """The CLI on the organisation above, with one case per situation of the issue."""
    from rekisteri_app.cli import letter_commands, request_commands

    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps({"nimi": "Nimi: Matti Meikäläinen"}), encoding="utf-8")
    cases = make_cases(ctx)
    ctx.db.close()
    monkeypatch.setattr(letter_commands, "open_context", cli_context_at(NOW))
    monkeypatch.setattr(request_commands, "open_context", cli_context_at(NOW))

    def call(*args: str) -> tuple[int, str, str]:
        return cli("--lang", "en", *args)

    def stored() -> tuple[str, int]:
        from rekisteri_app.services.context import ServiceContext
        from rekisteri_app.storage.database import Database
        from tests.conftest import PASSPHRASE, FixedClock

        opened = ServiceContext(Database.open(db_path, PASSPHRASE), clock=FixedClock(NOW))
        try:
            return state(opened)
        finally:
            opened.db.close()

    call.cases = cases
    call.stored = stored
    call.tmp = tmp_path
    call.copy = copy
    return call


def letter(run, case: str, kind: str, lang: str, *extra: str) -> tuple[int, str, str, str]:
    """Issue a letter; returns (exit code, PDF text or "", stdout, stderr)."""
    out = run.tmp / f"{case}-{kind}-{lang}.pdf"
    if kind == "access-response":
        extra = ("--data-copy", str(run.copy), *extra)
    code, stdout, err = run(
        "letter", run.cases[case], "--kind", kind, "--lang", lang, "--out", str(out), *extra
    )
    text = flat(text_of(out.read_bytes())) if out.exists() else ""
    if code != 0:
        assert not out.exists(), "a refused letter leaves no file"
    return code, text, stdout, err


def refused(run, case: str, kind: str, lang: str, *extra: str) -> str:
    """A letter that must be refused: exit 1, nothing stored, the message returned."""
    before = run.stored()
    code, _text, _out, err = letter(run, case, kind, lang, *extra)
    assert code == 1, err
    assert run.stored() == before
    return flat(err)


def update(run, case: str, *args: str) -> None:
    code, _out, err = run("request", "update", run.cases[case], *args)
    assert code == 0, err


def show(run, case: str) -> dict:
    code, out, err = run("request", "show", run.cases[case], "--json")
    assert code == 0, err
    return json.loads(out)


CHECKED = (
    "--authority-checked",
    "2026-11-05",
    "--authority-checked-by",
    "Aino Virtanen",
    "--authority-evidence",
    "power-of-attorney",
)

# -- 1. a representative's authority before any disclosure ----------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_disclosing_letter_to_a_representative_waits_for_the_recorded_authority(run, lang):
    message = refused(run, "rep", "access-response", lang, "--yes")
    for what in ("checked", "evidence"):
        assert what in message
    update(run, "rep", *CHECKED)
    code, text, _out, err = letter(run, "rep", "access-response", lang, "--yes")
    assert code == 0, err
    assert "Liisa Asianajaja" in text and "Matti Meikäläinen" in text
    if lang == "fi":
        assert "päämiehenne henkilötietoihin" in text
        assert "teidän henkilötietojanne" not in text
    else:
        assert "huvudman" in text
        assert "era personuppgifter" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_acknowledgement_to_a_representative_speaks_of_the_principal(run, lang):
    # an acknowledgement discloses nothing: it goes out before the authority is checked
    code, text, _out, err = letter(run, "rep", "acknowledgement", lang, "--yes")
    assert code == 0, err
    assert ("päämiehenne" if lang == "fi" else "huvudman") in text
    assert "authority" in err  # but the officer is told it is not recorded as checked


def test_continuing_power_of_attorney_has_no_effect_before_its_confirmation(run):
    base = ("--authority-checked", "2026-11-05", "--authority-checked-by", "Aino Virtanen")
    update(run, "cpoa", *base, "--authority-evidence", "confirmation-decision")
    assert "confirmed" in refused(run, "cpoa", "erasure", "fi")
    code, _out, err = run(
        "request",
        "update",
        run.cases["cpoa"],
        *base,
        "--authority-evidence",
        "confirmation-decision",
        "--authority-confirmed",
        "2026-11-25",
    )
    assert code == 1 and "future" in err
    update(
        run,
        "cpoa",
        *base,
        "--authority-evidence",
        "confirmation-decision",
        "--authority-confirmed",
        "2026-11-04",
    )
    code, text, _out, err = letter(run, "cpoa", "erasure", "fi", "--yes")
    assert code == 0, err
    assert "päämiehenne" in text
    assert show(run, "cpoa")["authority_confirmed_on"] == "2026-11-04"


def test_wrong_evidence_for_the_kind_of_authority_is_refused_and_stores_nothing(run):
    before = run.stored()
    code, _out, err = run(
        "request",
        "update",
        run.cases["rep"],
        *CHECKED[:4],
        "--authority-evidence",
        "estate-inventory",
    )
    assert code == 1
    assert "power of attorney" in err
    assert run.stored() == before


# -- 2. "we hold no personal data about you" ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_not_held_gives_a_negative_confirmation_without_copy_or_purposes(run, lang):
    update(run, "nothing", "--outcome", "access=not-held")
    assert "access-not-held" in refused(run, "nothing", "access-response", lang, "--yes")
    code, text, _out, err = letter(
        run,
        "nothing",
        "access-not-held",
        lang,
        "--yes",
        "--other-holder",
        "Fingrid Datahub Oy",
        "--holder-contact",
        "asiakaspalvelu@fingrid.invalid",
        "--holder-data",
        "mittaustiedot",
    )
    assert code == 0, err
    if lang == "fi":
        assert "Emme käsittele teitä koskevia henkilötietoja" in text
        assert "Jäljennös" not in text and "liitteenä" not in text
        assert "Käsittelyn tarkoitukset" not in text
    else:
        assert "Vi behandlar inga personuppgifter om er" in text
        assert "bilaga" not in text.lower()
        assert "Ändamålen med behandlingen" not in text
    assert "Fingrid Datahub Oy (mittaustiedot)" in text
    assert "asiakaspalvelu@fingrid.invalid" in text
    assert "Asiakasrekisteri" in text  # where the controller looked


def test_not_held_letter_needs_the_recorded_outcome(run):
    assert "no personal data held" in refused(run, "nothing", "access-not-held", "fi")


@pytest.mark.parametrize("lang", LANGS)
def test_partial_answer_names_the_other_holder(run, lang):
    code, text, _out, err = letter(
        run,
        "access",
        "access-response",
        lang,
        "--yes",
        "--other-holder",
        "Fingrid Datahub Oy",
        "--holder-contact",
        "www.fingrid.fi",
        "--holder-data",
        "mittaustiedot ennen vuotta 2020",
    )
    assert code == 0, err
    assert "Fingrid Datahub Oy (mittaustiedot ennen vuotta 2020)" in text
    assert ("Osa teitä koskevista tiedoista" if lang == "fi" else "En del av uppgifterna") in text


# -- 3. Art. 19 notifications recorded, not claimed -----------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_erasure_letter_lists_exactly_the_recorded_notifications(run, lang):
    code, text, _out, err = letter(run, "erasure", "erasure", lang, "--yes", "--draft")
    assert code == 0
    assert "Viranomaiset" in err and "Postitus Inc." in err  # nothing recorded: a warning
    assert "Viranomaiset" not in text and "Postitus Inc." not in text
    update(run, "erasure", "--recipient-notified", "Viranomaiset=2026-11-20")
    update(
        run, "erasure", "--recipient-not-notified", "Postitus Inc.=Postituslista on jo hävitetty"
    )
    code, text, _out, err = letter(run, "erasure", "erasure", lang, "--yes")
    assert code == 0, err
    if lang == "fi":
        assert "Viranomaiset: ilmoitettu 20.11.2026" in text
    else:
        assert "Viranomaiset: underrättad 2026-11-20" in text
    assert "Postitus Inc.: Postituslista on jo hävitetty" in text
    assert "Asiakas itse" not in text
    assert ("Kerromme pyynnöstänne" if lang == "fi" else "På begäran meddelar vi") in text


@pytest.mark.parametrize("lang", LANGS)
def test_erasure_letter_answers_the_request_for_the_list_of_recipients(run, lang):
    update(run, "erasure", "--not-a-recipient", "Viranomaiset", "--recipients-requested")
    update(run, "erasure", "--recipient-notified", "Postitus Inc.=2026-11-21")
    code, text, _out, err = letter(run, "erasure", "erasure", lang, "--yes")
    assert code == 0, err
    assert "Postitus Inc." in text
    assert "Viranomaiset" not in text  # it never received this person's data
    assert ("Pyysitte tietoa vastaanottajista" if lang == "fi" else "Ni har bett att få veta") in (
        text
    )


def test_art19_records_show_in_request_show_json_and_the_self_recipient_is_not_offered(run):
    update(run, "erasure", "--recipient-notified", "Viranomaiset=2026-11-20")
    rows = {n["name"]: n for n in show(run, "erasure")["notify"]}
    assert rows["Viranomaiset"]["status"] == "notified"
    assert rows["Viranomaiset"]["notified_on"] == "2026-11-20"
    assert rows["Postitus Inc."].get("status") is None
    assert "Asiakas itse" not in rows
    before = run.stored()
    code, _out, err = run(
        "request", "update", run.cases["erasure"], "--recipient-notified", "Naapuri Oy=2026-11-20"
    )
    assert code == 1 and "Naapuri Oy" in err
    code, _out, err = run(
        "request", "update", run.cases["erasure"], "--recipient-not-notified", "Viranomaiset"
    )
    assert code == 1
    assert run.stored() == before


# -- 4. fees, only with a reason ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_fee_is_stated_with_reason_and_costs_and_the_first_copy_stays_free(run, lang):
    code, text, _out, err = letter(run, "access", "access-response", lang, "--yes", "--draft")
    assert code == 0, err
    assert ("Jäljennös on maksuton" if lang == "fi" else "Kopian är avgiftsfri") in text
    assert "12,50" not in text
    update(
        run,
        "access",
        "--fee",
        "further-copies",
        "--fee-amount",
        "12,50",
        "--fee-costs",
        "tulostus ja postitus 30 min työtä",
    )
    code, text, _out, err = letter(run, "access", "access-response", lang, "--yes")
    assert code == 0, err
    assert "12,50 €" in text
    assert "Pyysitte kolmatta jäljennöstä samoista tiedoista." in text
    assert "tulostus ja postitus 30 min työtä" in text
    assert ("Jäljennös on maksuton." if lang == "fi" else "Kopian är avgiftsfri.") not in text
    if lang == "fi":
        assert "Ensimmäinen jäljennös on maksuton" in text
        assert "hallinnollisiin kustannuksiin" in text
    else:
        assert "Den första kopian är avgiftsfri" in text
        assert "administrativa kostnaderna" in text
    assert show(run, "access")["fee_cents"] == 1250


def test_a_fee_without_its_costs_or_reason_is_refused_and_stores_nothing(run):
    before = run.stored()
    code, _out, err = run(
        "request", "update", run.cases["access"], "--fee", "excessive", "--fee-amount", "20"
    )
    assert code == 1 and "--fee-costs" in err
    code, _out, err = run(
        "request",
        "update",
        run.cases["erasure"],  # no fee reason recorded
        "--fee",
        "excessive",
        "--fee-amount",
        "20",
        "--fee-costs",
        "käsittely 1 h",
    )
    assert code == 1 and "reason" in err
    assert run.stored() == before


# -- 5. non-GDPR requests get non-GDPR letters ----------------------------------------

GDPR_WORDS = {
    "fi": ("12 artiklan 3", "valvontaviranomai", "77 artikla"),
    "sv": ("artikel 12.3", "tillsynsmyndighet", "artikel 77"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_estate_request_gets_letters_outside_the_gdpr(run, lang):
    for kind in ("acknowledgement", "access-response"):
        assert "not-gdpr" in refused(run, "estate", kind, lang, "--yes") or "non-gdpr" in (
            refused(run, "estate", kind, lang, "--yes")
        )
    code, text, _out, err = letter(run, "estate", "non-gdpr-acknowledgement", lang, "--yes")
    assert code == 0, err
    assert "Vainaja Virtanen" in text and "Kalle Osakas" in text
    assert ("johdanto-osan 27" if lang == "fi" else "skäl 27") in text
    for word in GDPR_WORDS[lang]:
        assert word not in text
    # the reply discloses the deceased's data: only once the estate's authority is recorded
    message = refused(run, "estate", "non-gdpr-reply", lang, "--answer", "Sopimus päättyi.")
    assert "authority" in message
    update(
        run,
        "estate",
        "--authority-checked",
        "2026-11-05",
        "--authority-checked-by",
        "Aino Virtanen",
        "--authority-evidence",
        "estate-inventory",
    )
    code, text, _out, err = letter(
        run, "estate", "non-gdpr-reply", lang, "--yes", "--answer", "Sopimus päättyi 1.10.2026."
    )
    assert code == 0, err
    assert "Sopimus päättyi 1.10.2026." in text
    for word in GDPR_WORDS[lang]:
        assert word not in text


@pytest.mark.parametrize("lang", LANGS)
def test_publicity_act_request_to_a_municipality_has_the_acts_deadline(run, lang):
    code, text, _out, err = letter(run, "publicity", "non-gdpr-acknowledgement", lang, "--yes")
    assert code == 0, err
    assert "621/1999" in text
    assert format_date(date(2026, 11, 16), lang) in text  # two weeks from 2.11. (§ 14(4))
    for word in GDPR_WORDS[lang]:
        assert word not in text
    assert show(run, "publicity")["due_date"] == "2026-11-16"
    code, text, _out, err = letter(
        run,
        "publicity",
        "publicity-act-reply",
        lang,
        "--yes",
        "--document",
        "Rakennuslupa 12/2026",
        "--refuse-document",
        "Naapurin lausunto=salassa pidettävä (JulkL 24 § 1 mom. 32 k)",
    )
    assert code == 0, err
    assert "Rakennuslupa 12/2026" in text
    assert "Naapurin lausunto" in text and "JulkL 24 §" in text
    assert ("14 §:n 3 momentti" if lang == "fi" else "14 § 3 mom.") in text
    for word in GDPR_WORDS[lang]:
        assert word not in text


@pytest.mark.parametrize("lang", LANGS)
def test_publicity_act_acknowledgement_in_time_states_the_two_weeks(run, lang):
    code, text, _out, err = letter(run, "publicity-new", "non-gdpr-acknowledgement", lang)
    assert code == 0, err
    assert ("kahden viikon" if lang == "fi" else "två veckor") in text
    assert ("Asiakirjapyyntö" if lang == "fi" else "Begäran om handlingar") in text
    assert format_date(date(2026, 12, 4), lang) in text  # 20.11. + 14 days
    assert ("myöhässä" if lang == "fi" else "försenat") not in text


def test_late_publicity_act_acknowledgement_promises_no_date(run):
    code, text, _out, err = letter(run, "publicity", "non-gdpr-acknowledgement", "fi")
    assert code == 0, err
    assert "myöhässä" in text and "päättyi 16.11.2026" in text
    assert "Vastaamme pyyntöönne viimeistään" not in text


def test_publicity_act_extension_to_one_month(run):
    update(run, "publicity", "--status", "in-progress")
    update(run, "publicity", "--extend", "--reasons", "Pyyntö koskee 300 asiakirjaa.")
    view = show(run, "publicity")
    assert view["due_date"] == "2026-11-16"
    assert view["effective_due_date"] == "2026-12-02"  # at most one month (§ 14(4))


# -- 6. a reply wholly in the reply language ------------------------------------------


def test_texts_only_in_finnish_refuse_a_swedish_letter_unless_confirmed(run):
    message = refused(run, "access", "access-response", "sv")
    assert "Asiakasrekisteri" in message
    assert "--yes" in message
    code, _text, stdout, err = letter(run, "access", "access-response", "sv", "--yes")
    assert code == 0, err
    assert "mixed language" in stdout
    code, out, _err = run("letter", "list", run.cases["access"], "--json")
    [row] = json.loads(out)
    assert row["mixed_language"] is True


def test_finnish_letter_of_finnish_texts_is_not_mixed(run):
    code, _text, _stdout, err = letter(run, "access", "access-response", "fi")
    assert code == 0, err
    code, out, _err = run("letter", "list", run.cases["access"], "--json")
    assert json.loads(out)[0]["mixed_language"] is False


# -- 7. warnings before the letter ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_transfer_warning_in_the_draft_and_the_safeguard_as_recorded(run, lang):
    code, text, _out, err = letter(run, "access", "access-response", lang, "--yes", "--draft")
    assert code == 0
    assert "2010/87" in err  # the officer is warned before anything is issued
    assert "2010/87" in text  # the customer is told the safeguard the register records
    assert ("kumottu" if lang == "fi" else "upphävts") not in text
    code, text, _out, err = letter(run, "access", "access-response", lang, "--yes")
    assert code == 0 and "2010/87" in err  # the same warning before issuing
    assert "2010/87" in text and ("kumottu" if lang == "fi" else "upphävts") not in text
    code, text, _out, err = letter(
        run, "access", "access-response", lang, "--yes", "--say-repealed"
    )
    assert code == 0
    assert ("kumottu" if lang == "fi" else "upphävts") in text


# -- 8. the controller that answers ---------------------------------------------------


def test_letterhead_controller_without_postal_address_blocks_with_the_list(run):
    message = refused(
        run, "access", "access-response", "fi", "--from-controller", "Esimerkki Sähköverkko Oy"
    )
    assert "postal address of Esimerkki Sähköverkko Oy" in message
    # not even a draft: the requester could not reply to it by post
    draft = refused(
        run,
        "access",
        "access-response",
        "fi",
        "--draft",
        "--from-controller",
        "esimerkki sähköverkko oy",
    )
    assert "postal address" in draft


@pytest.mark.parametrize("lang", LANGS)
def test_controller_found_by_name_with_non_ascii_initials(run, lang):
    code, text, _out, err = letter(
        run,
        "publicity",
        "non-gdpr-acknowledgement",
        lang,
        "--from-controller",
        "ÄÄNEKOSKEN KAUPUNKI",
    )
    assert code == 0, err
    assert "Äänekosken kaupunki" in text and "0174747-2" in text


# -- every kind to a representative speaks of the principal, never "your data" ---------

YOUR_DATA = {
    "fi": r"henkilötietojenne|tietojanne|teitä koskevi|teistä",
    "sv": r"era personuppgifter|era uppgifter|om er (?!huvudman)",
    "en": r"your personal data|your data|about you",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_letter_to_a_representative_says_your_data(lang):
    import re

    from rekisteri_app.documents.letters import render_letter
    from rekisteri_app.domain.enums import Language, LetterKind
    from tests.letter_samples import sample_representative_letter
    from tests.test_letters_render import pdf_pages

    principal = {"fi": "päämie", "sv": "huvudman", "en": "principal"}[lang]
    for kind in LetterKind:
        data = sample_representative_letter(kind, Language(lang))
        text = flat(" ".join(pdf_pages(render_letter(data))))
        found = re.search(YOUR_DATA[lang], text)
        assert found is None, (kind.value, text[max(0, found.start() - 60) : found.end() + 30])
        # the extension and the letters outside the GDPR speak of "your request" only
        quiet = (
            LetterKind.EXTENSION,
            LetterKind.NON_GDPR_ACKNOWLEDGEMENT,
            LetterKind.NON_GDPR_REPLY,
            LetterKind.PUBLICITY_ACT_REPLY,
        )
        if kind not in quiet:
            assert principal in text, kind.value


# -- the new facts round-trip through export and import -------------------------------


def test_the_recorded_facts_round_trip_through_export_and_import(ctx, tmp_path):
    from rekisteri_app.domain.enums import (
        AuthorityEvidence,
        FeeBasis,
        Language,
        LetterKind,
        NotificationStatus,
    )
    from rekisteri_app.services import letters
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    cases = make_cases(ctx)
    rq.update_request(
        ctx,
        cases["rep"],
        rq.CaseUpdate(
            authority_check=rq.AuthorityInput(
                date(2026, 11, 5), "Aino Virtanen", AuthorityEvidence.POWER_OF_ATTORNEY
            )
        ),
    )
    rq.update_request(
        ctx,
        cases["erasure"],
        rq.CaseUpdate(
            notifications=(
                rq.NotificationInput(
                    "Viranomaiset", NotificationStatus.NOTIFIED, date(2026, 11, 20)
                ),
                rq.NotificationInput(
                    "Postitus Inc.", NotificationStatus.NOT_NOTIFIED, reason="lista hävitetty"
                ),
            ),
            recipients_requested=True,
        ),
    )
    rq.update_request(
        ctx, cases["access"], rq.CaseUpdate(fee=rq.FeeInput(FeeBasis.EXCESSIVE, 2000, "1 h"))
    )
    letters.set_template(
        ctx, LetterKind.ACKNOWLEDGEMENT, "fi", "Saimme {received_date}.", "representative"
    )
    from rekisteri_app.documents.letters import DataCopyEntry

    options = letters.LetterOptions(
        data_copy=(DataCopyEntry("nimi", "Nimi: Matti Meikäläinen"),), mixed_language_ok=True
    )
    letters.issue(ctx, cases["access"], LetterKind.ACCESS_RESPONSE, Language.SV, options=options)
    first = exchange.export_json(ctx)
    doc = json.loads(first)
    reqs = {r["case_number"]: r for r in doc["requests"]}
    assert reqs[cases["rep"]]["authority_evidence"] == "power-of-attorney"
    assert [n["status"] for n in reqs[cases["erasure"]]["notifications"]] == [
        "notified",
        "not-notified",
    ]
    assert reqs[cases["erasure"]]["recipients_requested"] is True
    assert reqs[cases["access"]]["fee_cents"] == 2000
    assert reqs[cases["access"]]["letters"][0]["mixed_language"] is True
    assert doc["letter_templates"][-1]["audience"] == "representative"
    other = ServiceContext(Database.create(tmp_path / "o.db", PASSPHRASE), actor="t")
    exchange.import_document(other, json.loads(first))
    assert exchange.export_json(other) == first
    other.db.close()


def test_request_add_finds_the_controller_by_a_non_ascii_name_in_any_case(run):
    code, out, err = run(
        "request",
        "add",
        "--received",
        "2026-11-20",
        "--channel",
        "email",
        "--type",
        "access",
        "--name",
        "Kaisa Kuntalainen",
        "--lang",
        "fi",
        "--controller",
        "ÄÄNEKOSKEN KAUPUNKI",
        "--classification",
        "publicity-act",
    )
    assert code == 0, err
    case = re.search(r"\b2026-\d{4}\b", out).group(0)
    code, out, err = run("request", "show", case, "--json")
    assert code == 0, err
    view = json.loads(out)
    assert [c["name"] for c in view["controllers"]] == ["Äänekosken kaupunki"]
    assert view["due_date"] == "2026-12-04"  # the Publicity Act's two weeks


def test_the_window_is_told_what_blocks_a_letter_in_words_and_where(ctx):
    """The letter dialog lists `missing_items`: the block's own words (which controller
    lacks its postal address), never a key name, and the Controller button's place."""
    from rekisteri_app.domain.enums import Language, LetterKind
    from rekisteri_app.services import letters

    cases = make_cases(ctx)
    options = letters.LetterOptions(controller="Esimerkki Sähköverkko Oy")
    found = letters.missing_items(
        ctx, cases["access"], LetterKind.ACCESS_RESPONSE, Language.FI, options
    )
    assert "controller_postal_address" in found
    words = found["controller_postal_address"]
    assert "Esimerkki Sähköverkko Oy" in words and "controller_postal_address" not in words
    assert letters.where_filled("controller_postal_address") == "controller"
    assert letters.missing_values(
        ctx, cases["access"], LetterKind.ACCESS_RESPONSE, Language.FI, options
    ) == tuple(found)
