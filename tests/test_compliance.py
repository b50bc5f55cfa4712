"""The compliance checker: each rule fires on the gap and stops firing once it is fixed.

Every test starts from a complete register (no findings), breaks one thing, checks that
exactly the expected finding appears, then repairs it and checks the finding is gone. The
organisation and people below are invented.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rekisteri_app.domain.compliance import (
    CheckedAutomatedDecision,
    CheckedContactPoint,
    CheckedController,
    CheckedDataCategory,
    CheckedLegalBasis,
    CheckedProcessor,
    CheckedRecipient,
    CheckedRegister,
    CheckedRetentionRule,
    CheckedSecurityMeasure,
    CheckedSource,
    CheckedStatement,
    CheckedTransfer,
    Finding,
    FindingCode,
    Severity,
    Status,
    SubjectKind,
    check_all,
    check_processor,
    check_register,
    check_transfer,
    is_third_country_transfer,
    worst_severity,
)
from rekisteri_app.domain.enums import (
    ControllerRole,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Safeguard,
    SccModule,
    SecurityKind,
    SourceKind,
    StatementKind,
)

TODAY = date(2026, 11, 23)
C = FindingCode


def complete_register(**changes: object) -> CheckedRegister:
    """A register with every Art. 30 and Art. 13/14 item filled in."""
    register = CheckedRegister(
        name="Asiakasrekisteri",
        controllers=(
            CheckedController(
                "Esimerkkikylän Energia Oy",
                "PL 1, 99999 Esimerkkikylä, tietosuoja@example.fi",
                ControllerRole.CONTROLLER,
                postal_or_email=True,
            ),
        ),
        contact_points=(
            CheckedContactPoint("Tietosuojavastaava Testi Henkilö", "dpo@example.fi", True),
        ),
        dpo_appointed=True,
        purposes=("Asiakassuhteen hoitaminen ja laskutus",),
        legal_bases=(
            CheckedLegalBasis(LegalBasisArticle.CONTRACT, description="Sähkösopimus"),
            CheckedLegalBasis(
                LegalBasisArticle.LEGAL_OBLIGATION, national_law="sähkömarkkinalaki 588/2013"
            ),
            CheckedLegalBasis(
                LegalBasisArticle.LEGITIMATE_INTERESTS,
                description="Suoramarkkinointi nykyisille asiakkaille",
            ),
            CheckedLegalBasis(LegalBasisArticle.CONSENT, description="Sähköinen markkinointi"),
        ),
        subject_groups=("Asiakkaat", "Potentiaaliset asiakkaat"),
        data_categories=(CheckedDataCategory("Nimi"), CheckedDataCategory("Kulutustiedot")),
        retention_rules=(CheckedRetentionRule("Sopimuksen päättymisestä", 10, PeriodUnit.YEARS),),
        sources=(
            CheckedSource(SourceKind.DATA_SUBJECT, "Asiakas itse"),
            CheckedSource(SourceKind.PUBLIC_REGISTER, "Väestötietojärjestelmä"),
        ),
        recipients=(CheckedRecipient(RecipientKind.AUTHORITY, "Viranomaiset lain nojalla"),),
        processors=("Esimerkki IT Oy",),
        transfers=(),
        security_measures=(
            CheckedSecurityMeasure(SecurityKind.TECHNICAL, "Palomuurit ja salasanat"),
        ),
        automated_decisions=(),
        rights_information_present=True,
        supervisory_authority_info_present=True,
        consent_withdrawal_info_present=True,
        provision_requirement_info="Sopimuksen tekeminen edellyttää perustietoja.",
        notice_date=date(2026, 1, 15),
        statements=(CheckedStatement(StatementKind.NO_AUTOMATED_DECISIONS),),
        request_channel="PL 1, 99999 Esimerkkikylä",
        transfers_statement="Tietoja siirretään EU/ETA-alueen ulkopuolelle vain kohdan 9 mukaan.",
        changes_info="Seloste päivitetään, kun käsittely muuttuu.",
    )
    return replace(register, **changes)


def codes(findings: list[Finding]) -> set[FindingCode]:
    return {f.code for f in findings}


def assert_only(findings: list[Finding], code: FindingCode, severity: Severity) -> Finding:
    assert codes(findings) == {code}, [f.code for f in findings]
    (finding,) = [f for f in findings if f.code is code]
    assert finding.severity is severity
    return finding


def assert_rule(
    broken: CheckedRegister, fixed: CheckedRegister, code: FindingCode, severity: Severity
) -> Finding:
    finding = assert_only(check_register(broken), code, severity)
    assert check_register(fixed) == []
    return finding


# --- complete data ---------------------------------------------------------------------------


def test_complete_register_has_no_findings() -> None:
    assert check_register(complete_register()) == []


def test_complete_database_is_ok() -> None:
    register = complete_register(
        transfers=(
            CheckedTransfer(
                "Uutiskirjepalvelu",
                "US",
                "Example Mail Inc.",
                Safeguard.DPF,
                dpf_checked_on=date(2026, 6, 1),
            ),
            CheckedTransfer(
                "Tukipalvelu",
                "IN",
                "Example Support Pvt",
                Safeguard.SCC_2021,
                scc_module=SccModule.C2P,
            ),
        )
    )
    processor = CheckedProcessor(
        "Esimerkki IT Oy", date(2024, 5, 1), date(2027, 5, 1), country="FI"
    )
    findings = check_all([register], [processor], today=TODAY)
    assert findings == []
    assert worst_severity(findings) is Status.OK


def test_lists_from_services_become_tuples() -> None:
    register = CheckedRegister(name="R", purposes=["a", "b"])  # type: ignore[arg-type]
    assert register.purposes == ("a", "b")
    hash(register)


def test_a_blank_register_reports_every_gap() -> None:
    found = codes(check_register(CheckedRegister(name="Tyhjä")))
    assert found == {
        C.CONTROLLER_MISSING,
        C.PURPOSES_MISSING,
        C.LEGAL_BASIS_MISSING,
        C.SUBJECT_GROUPS_MISSING,
        C.DATA_CATEGORIES_MISSING,
        C.RECIPIENTS_MISSING,
        C.RETENTION_MISSING,
        C.SECURITY_MISSING,
        C.RIGHTS_INFORMATION_MISSING,
        C.COMPLAINT_RIGHT_MISSING,
        C.PROVISION_REQUIREMENT_MISSING,
        C.SOURCES_MISSING,
        C.TRANSFERS_NOT_RECORDED,
        C.AUTOMATED_DECISIONS_NOT_RECORDED,
        C.REQUEST_CHANNEL_MISSING,
        C.CHANGES_POLICY_MISSING,
    }


# --- Art. 30(1)(a) / 13(1)(a)-(b) ------------------------------------------------------------


def test_controller_missing() -> None:
    assert_rule(
        complete_register(controllers=()),
        complete_register(),
        C.CONTROLLER_MISSING,
        Severity.RED,
    )


def test_controller_contact_missing() -> None:
    nameless_contact = (CheckedController("Esimerkkikylän Energia Oy", "  "),)
    finding = assert_rule(
        complete_register(controllers=nameless_contact),
        complete_register(),
        C.CONTROLLER_CONTACT_MISSING,
        Severity.RED,
    )
    assert finding.params == {"controller": "Esimerkkikylän Energia Oy"}
    assert "Esimerkkikylän Energia Oy" in finding.text("en")


def test_dpo_contact_missing_only_when_a_dpo_is_appointed() -> None:
    no_dpo_contact = (CheckedContactPoint("Asiakaspalvelu", "asiakaspalvelu@example.fi"),)
    assert_rule(
        complete_register(contact_points=no_dpo_contact),
        complete_register(contact_points=no_dpo_contact, dpo_appointed=False),
        C.DPO_CONTACT_MISSING,
        Severity.RED,
    )


# --- Art. 30(1)(b) / 13(1)(c)-(d) / 6 --------------------------------------------------------


def test_purposes_missing() -> None:
    assert_rule(
        complete_register(purposes=("  ",)),
        complete_register(),
        C.PURPOSES_MISSING,
        Severity.RED,
    )


def test_legal_basis_missing() -> None:
    assert_rule(
        complete_register(
            legal_bases=(CheckedLegalBasis(None, description="voimassa oleva lainsäädäntö"),),
            consent_withdrawal_info_present=False,
        ),
        complete_register(
            legal_bases=(CheckedLegalBasis(LegalBasisArticle.CONTRACT),),
            consent_withdrawal_info_present=False,
        ),
        C.LEGAL_BASIS_MISSING,
        Severity.RED,
    )


def test_legal_basis_article_missing() -> None:
    finding = assert_rule(
        complete_register(legal_bases=(CheckedLegalBasis(None, "energiatehokkuuslaki"),)),
        complete_register(
            legal_bases=(
                CheckedLegalBasis(LegalBasisArticle.LEGAL_OBLIGATION, "energiatehokkuuslaki"),
            )
        ),
        C.LEGAL_BASIS_ARTICLE_MISSING,
        Severity.AMBER,
    )
    assert finding.params["law"] == "energiatehokkuuslaki"


@pytest.mark.parametrize(
    "article", [LegalBasisArticle.LEGAL_OBLIGATION, LegalBasisArticle.PUBLIC_TASK]
)
def test_legal_basis_law_missing(article: LegalBasisArticle) -> None:
    finding = assert_rule(
        complete_register(legal_bases=(CheckedLegalBasis(article),)),
        complete_register(legal_bases=(CheckedLegalBasis(article, "vesihuoltolaki 119/2001"),)),
        C.LEGAL_BASIS_LAW_MISSING,
        Severity.AMBER,
    )
    assert finding.params["article"] in ("6(1)(c)", "6(1)(e)")


def test_legitimate_interests_missing() -> None:
    assert_rule(
        complete_register(legal_bases=(CheckedLegalBasis(LegalBasisArticle.LEGITIMATE_INTERESTS),)),
        complete_register(
            legal_bases=(
                CheckedLegalBasis(
                    LegalBasisArticle.LEGITIMATE_INTERESTS, description="Puhelujen tallennus"
                ),
            )
        ),
        C.LEGITIMATE_INTERESTS_MISSING,
        Severity.RED,
    )


# --- Art. 30(1)(c)-(g) ------------------------------------------------------------------------


def test_subject_groups_missing() -> None:
    assert_rule(
        complete_register(subject_groups=()),
        complete_register(),
        C.SUBJECT_GROUPS_MISSING,
        Severity.RED,
    )


def test_data_categories_missing() -> None:
    assert_rule(
        complete_register(data_categories=(CheckedDataCategory(""),)),
        complete_register(data_categories=(CheckedDataCategory("Terveystieto", special=True),)),
        C.DATA_CATEGORIES_MISSING,
        Severity.RED,
    )


def test_recipients_missing() -> None:
    assert_rule(
        complete_register(recipients=()),
        complete_register(recipients=(CheckedRecipient(RecipientKind.SERVICE_PROVIDER),)),
        C.RECIPIENTS_MISSING,
        Severity.RED,
    )


def test_retention_missing() -> None:
    assert_rule(
        complete_register(retention_rules=(CheckedRetentionRule(),)),
        complete_register(
            retention_rules=(CheckedRetentionRule("Kunnes asiakassuhde on päättynyt"),)
        ),
        C.RETENTION_MISSING,
        Severity.RED,
    )
    # A period without its unit is not a period.
    assert C.RETENTION_MISSING in codes(
        check_register(complete_register(retention_rules=(CheckedRetentionRule(period=10),)))
    )


def test_security_missing() -> None:
    assert_rule(
        complete_register(security_measures=(CheckedSecurityMeasure(SecurityKind.MANUAL),)),
        complete_register(
            security_measures=(CheckedSecurityMeasure(SecurityKind.MANUAL, "Lukitut tilat"),)
        ),
        C.SECURITY_MISSING,
        Severity.RED,
    )


# --- Art. 13(2) / 14(2) -----------------------------------------------------------------------


def test_rights_information_missing() -> None:
    assert_rule(
        complete_register(rights_information_present=False),
        complete_register(),
        C.RIGHTS_INFORMATION_MISSING,
        Severity.RED,
    )


def test_consent_withdrawal_missing_only_when_consent_is_cited() -> None:
    without_consent = tuple(
        b for b in complete_register().legal_bases if b.article is not LegalBasisArticle.CONSENT
    )
    assert_rule(
        complete_register(consent_withdrawal_info_present=False),
        complete_register(consent_withdrawal_info_present=False, legal_bases=without_consent),
        C.CONSENT_WITHDRAWAL_MISSING,
        Severity.RED,
    )


def test_complaint_right_missing() -> None:
    assert_rule(
        complete_register(supervisory_authority_info_present=False),
        complete_register(),
        C.COMPLAINT_RIGHT_MISSING,
        Severity.RED,
    )


def test_provision_requirement_missing_only_for_data_from_the_data_subject() -> None:
    elsewhere = (CheckedSource(SourceKind.MARKET_PARTY, "Fingrid Datahub"),)
    assert_rule(
        complete_register(provision_requirement_info=""),
        complete_register(provision_requirement_info="", sources=elsewhere),
        C.PROVISION_REQUIREMENT_MISSING,
        Severity.AMBER,
    )


def test_automated_decision_logic_missing() -> None:
    decision = CheckedAutomatedDecision("Sopimuskelpoisuuden tarkistus")
    finding = assert_rule(
        complete_register(automated_decisions=(decision,), statements=()),
        complete_register(
            automated_decisions=(
                replace(decision, logic_and_consequences="Luottotiedot; kielteinen: vakuus"),
            ),
            statements=(),
        ),
        C.AUTOMATED_DECISION_LOGIC_MISSING,
        Severity.RED,
    )
    assert finding.params == {"decision": "Sopimuskelpoisuuden tarkistus"}


def test_sources_missing() -> None:
    assert_rule(
        complete_register(sources=()),
        complete_register(),
        C.SOURCES_MISSING,
        Severity.RED,
    )


def test_source_description_missing_for_sources_other_than_the_data_subject() -> None:
    finding = assert_rule(
        complete_register(sources=(CheckedSource(SourceKind.PRIVATE_REGISTER),)),
        complete_register(
            sources=(
                CheckedSource(SourceKind.DATA_SUBJECT),  # the data subject needs no name
                CheckedSource(SourceKind.PRIVATE_REGISTER, "Luottotietorekisteri"),
            )
        ),
        C.SOURCE_DESCRIPTION_MISSING,
        Severity.AMBER,
    )
    assert finding.params == {"kind": "private-register"}


def test_notice_predates_gdpr() -> None:
    finding = assert_rule(
        complete_register(notice_date=date(2018, 5, 15)),
        complete_register(notice_date=date(2018, 5, 25)),
        C.NOTICE_PREDATES_GDPR,
        Severity.AMBER,
    )
    assert "2018" in finding.text("en")
    assert check_register(complete_register(notice_date=None)) == []


# --- repealed henkilötietolaki ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "label"),
    [
        (
            {
                "legal_bases": (
                    CheckedLegalBasis(LegalBasisArticle.LEGAL_OBLIGATION, "henkilötietolaki"),
                )
            },
            "Legal basis",
        ),
        (
            {
                "retention_rules": (
                    CheckedRetentionRule(
                        "henkilötietolain 19 §:n sallimat tiedot", 10, PeriodUnit.YEARS
                    ),
                )
            },
            "Retention",
        ),
        (
            {
                "transfers": (
                    CheckedTransfer(
                        "Postituspalvelu",
                        "US",
                        safeguard=Safeguard.DPF,
                        dpf_checked_on=date(2026, 6, 1),
                        documentation="suojattu henkilötietolain edellyttämällä tavalla",
                    ),
                )
            },
            "Transfers",
        ),
    ],
)
def test_repealed_personal_data_act(changes: dict[str, object], label: str) -> None:
    finding = assert_only(
        check_register(complete_register(**changes)),
        C.REPEALED_PERSONAL_DATA_ACT,
        Severity.AMBER,
    )
    assert finding.params["field"] == label
    assert "523/1999" in finding.text("en")
    assert label in finding.text("en")


def test_repealed_act_disappears_when_the_current_law_is_cited() -> None:
    current = complete_register(
        legal_bases=(
            CheckedLegalBasis(
                LegalBasisArticle.LEGAL_OBLIGATION,
                "tietosuojalaki 1050/2018",
                "henkilötietolainsäädännön mukaisesti",
            ),
        )
    )
    assert check_register(current) == []


def test_repealed_act_reported_once_per_field() -> None:
    register = complete_register(purposes=("henkilötietolaki", "HetiL 8 §"))
    assert [f.code for f in check_register(register)] == [C.REPEALED_PERSONAL_DATA_ACT]


# --- transfers --------------------------------------------------------------------------------


def transfer(
    country: str = "IN", safeguard: Safeguard = Safeguard.SCC_2021, **kw
) -> CheckedTransfer:
    kw.setdefault("scc_module", SccModule.C2P if safeguard is Safeguard.SCC_2021 else None)
    return CheckedTransfer("Siirto", country, "Example Ltd", safeguard, **kw)


def assert_transfer_rule(
    broken: CheckedTransfer, fixed: CheckedTransfer, code: FindingCode, severity: Severity
) -> Finding:
    finding = assert_only(check_transfer(broken, TODAY), code, severity)
    assert finding.subject_kind is SubjectKind.TRANSFER
    assert check_transfer(fixed, TODAY) == []
    return finding


def test_transfer_destination_invalid() -> None:
    assert_transfer_rule(transfer(""), transfer("IN"), C.TRANSFER_DESTINATION_INVALID, Severity.RED)
    assert codes(check_transfer(transfer("XK"))) == {C.TRANSFER_DESTINATION_INVALID}


def test_transfer_privacy_shield() -> None:
    assert_transfer_rule(
        transfer("US", Safeguard.PRIVACY_SHIELD),
        transfer("US", Safeguard.DPF, dpf_checked_on=date(2026, 10, 1)),
        C.TRANSFER_PRIVACY_SHIELD,
        Severity.RED,
    )


@pytest.mark.parametrize(
    ("safeguard", "decision"),
    [
        (Safeguard.SCC_2001_497, "2001/497/EC"),
        (Safeguard.SCC_2004_915, "2004/915/EC"),
        (Safeguard.SCC_2010_87, "C(2010) 593"),
    ],
)
def test_transfer_repealed_scc(safeguard: Safeguard, decision: str) -> None:
    finding = assert_transfer_rule(
        transfer("IN", safeguard),
        transfer("IN", Safeguard.SCC_2021),
        C.TRANSFER_REPEALED_SCC,
        Severity.RED,
    )
    assert decision in finding.text("en")


@pytest.mark.parametrize("country", ["IN", "US", "CA", "JP", "CN"])
def test_transfer_no_safeguard(country: str) -> None:
    assert_transfer_rule(
        transfer(country, Safeguard.NONE),
        transfer(country, Safeguard.BCR),
        C.TRANSFER_NO_SAFEGUARD,
        Severity.RED,
    )


@pytest.mark.parametrize("country", ["CH", "GB", "BR", "EPO"])
def test_transfer_adequacy_not_recorded(country: str) -> None:
    assert_transfer_rule(
        transfer(country, Safeguard.NONE),
        transfer(country, Safeguard.ADEQUACY),
        C.TRANSFER_ADEQUACY_NOT_RECORDED,
        Severity.AMBER,
    )


def test_transfer_no_adequacy_decision() -> None:
    assert_transfer_rule(
        transfer("IN", Safeguard.ADEQUACY),
        transfer("NZ", Safeguard.ADEQUACY),
        C.TRANSFER_NO_ADEQUACY_DECISION,
        Severity.RED,
    )


def test_expired_adequacy_counts_as_none() -> None:
    later = date(2032, 1, 1)
    assert codes(check_transfer(transfer("GB", Safeguard.ADEQUACY), later)) == {
        C.TRANSFER_NO_ADEQUACY_DECISION
    }
    assert codes(check_transfer(transfer("GB", Safeguard.NONE), later)) == {C.TRANSFER_NO_SAFEGUARD}


@pytest.mark.parametrize("country", ["CA", "JP"])
def test_transfer_adequacy_scope_unconfirmed(country: str) -> None:
    finding = assert_transfer_rule(
        transfer(country, Safeguard.ADEQUACY),
        transfer(country, Safeguard.ADEQUACY, scope_confirmed=True),
        C.TRANSFER_ADEQUACY_SCOPE_UNCONFIRMED,
        Severity.AMBER,
    )
    assert "only" in finding.text("en")


def test_transfer_dpf_not_recorded() -> None:
    assert_transfer_rule(
        transfer("US", Safeguard.ADEQUACY, scope_confirmed=True),
        transfer("US", Safeguard.DPF, dpf_checked_on=date(2026, 11, 1)),
        C.TRANSFER_DPF_NOT_RECORDED,
        Severity.AMBER,
    )


def test_transfer_dpf_wrong_destination() -> None:
    assert_transfer_rule(
        transfer("IN", Safeguard.DPF, dpf_checked_on=date(2026, 11, 1)),
        transfer("US", Safeguard.DPF, dpf_checked_on=date(2026, 11, 1)),
        C.TRANSFER_DPF_WRONG_DESTINATION,
        Severity.RED,
    )


def test_transfer_dpf_unchecked() -> None:
    assert_transfer_rule(
        transfer("US", Safeguard.DPF),
        transfer("US", Safeguard.DPF, dpf_checked_on=date(2026, 11, 1)),
        C.TRANSFER_DPF_UNCHECKED,
        Severity.AMBER,
    )


def test_transfer_dpf_check_stale_after_twelve_months() -> None:
    finding = assert_transfer_rule(
        transfer("US", Safeguard.DPF, dpf_checked_on=date(2025, 11, 22)),
        transfer("US", Safeguard.DPF, dpf_checked_on=date(2025, 11, 23)),  # exactly a year
        C.TRANSFER_DPF_CHECK_STALE,
        Severity.AMBER,
    )
    assert finding.params["date"] == date(2025, 11, 22)
    # Without `today` the age cannot be judged, so no finding.
    assert check_transfer(transfer("US", Safeguard.DPF, dpf_checked_on=date(2020, 1, 1))) == []


def test_transfer_scc_module_missing() -> None:
    assert_transfer_rule(
        transfer("IN", Safeguard.SCC_2021, scc_module=None),
        transfer("IN", Safeguard.SCC_2021, scc_module=SccModule.P2P),
        C.TRANSFER_SCC_MODULE_MISSING,
        Severity.AMBER,
    )


def test_transfer_derogation_undocumented() -> None:
    assert_transfer_rule(
        transfer("IN", Safeguard.DEROGATION),
        transfer("IN", Safeguard.DEROGATION, documentation="Art. 49(1)(b), arvio 3.2.2026"),
        C.TRANSFER_DEROGATION_UNDOCUMENTED,
        Severity.AMBER,
    )


@pytest.mark.parametrize("country", ["SE", "de", "NO", "AX"])
def test_transfer_inside_the_eea_is_not_a_third_country_transfer(country: str) -> None:
    recorded = transfer(country, Safeguard.NONE)
    assert not is_third_country_transfer(recorded)
    assert check_transfer(recorded, TODAY) == []
    assert is_third_country_transfer(transfer("US"))


# --- processors -------------------------------------------------------------------------------


def test_processor_dpa_missing() -> None:
    finding = assert_only(
        check_processor(CheckedProcessor("Esimerkki IT Oy", country="FI"), TODAY),
        C.PROCESSOR_DPA_MISSING,
        Severity.AMBER,
    )
    assert finding.subject_kind is SubjectKind.PROCESSOR
    signed = CheckedProcessor("Esimerkki IT Oy", date(2025, 1, 1), country="FI")
    assert check_processor(signed, TODAY) == []


def test_processor_dpa_review_overdue() -> None:
    signed = date(2023, 1, 1)
    finding = assert_only(
        check_processor(
            CheckedProcessor("Esimerkki IT Oy", signed, date(2026, 11, 22), country="FI"), TODAY
        ),
        C.PROCESSOR_DPA_REVIEW_OVERDUE,
        Severity.AMBER,
    )
    assert finding.params == {"date": date(2026, 11, 22)}
    reviewed = CheckedProcessor("Esimerkki IT Oy", signed, TODAY, country="FI")
    assert check_processor(reviewed, TODAY) == []


# --- aggregation and display ------------------------------------------------------------------


def test_check_all_sorts_worst_first_and_checks_shared_transfers_once() -> None:
    shared = transfer("IN", Safeguard.NONE)
    registers = [
        complete_register(name="B-rekisteri", transfers=(shared,), provision_requirement_info=""),
        complete_register(name="A-rekisteri", transfers=(shared,), purposes=()),
    ]
    processors = [CheckedProcessor("Esimerkki IT Oy", country="FI")]
    findings = check_all(registers, processors, [shared], today=TODAY)
    assert [(f.severity, f.subject_kind, f.subject_name, f.code) for f in findings] == [
        (Severity.RED, SubjectKind.REGISTER, "A-rekisteri", C.PURPOSES_MISSING),
        (Severity.RED, SubjectKind.TRANSFER, "Siirto", C.TRANSFER_NO_SAFEGUARD),
        (Severity.AMBER, SubjectKind.REGISTER, "B-rekisteri", C.PROVISION_REQUIREMENT_MISSING),
        (Severity.AMBER, SubjectKind.PROCESSOR, "Esimerkki IT Oy", C.PROCESSOR_DPA_MISSING),
    ]


def test_worst_severity() -> None:
    red = check_register(complete_register(purposes=()))
    amber = check_register(complete_register(provision_requirement_info=""))
    assert worst_severity([]) is Status.OK
    assert worst_severity(amber) is Status.AMBER
    assert worst_severity(amber + red) is Status.RED


def test_finding_text_translates_and_formats_dates() -> None:
    (finding,) = check_processor(
        CheckedProcessor("Esimerkki IT Oy", date(2023, 1, 1), date(2026, 3, 9), country="FI"),
        TODAY,
    )
    assert finding.text("en") == "The data processing agreement was due for review on Mar 9, 2026."
    assert "9.3.2026" in finding.text("fi")
    assert finding.text()  # current language (fi in tests)
    assert finding.article == "GDPR Art. 28(3), 5(2)"


def test_every_finding_code_is_unique_and_kebab_case() -> None:
    values = [code.value for code in FindingCode]
    assert len(values) == len(set(values))
    assert all(v == v.lower() and " " not in v for v in values)
