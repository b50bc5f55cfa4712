"""Register rules (check_register; numbers are GDPR articles): the Art. 30(1) record and
the Art. 13/14 notice items one register still lacks (its transfers are checked apart).

- controller-missing RED: no controller; 30(1)(a), 13(1)(a).
- controller-contact-missing RED: a controller without contact details, when no contact
  person or role of the register or the controller has any either; same.
- dpo-contact-missing RED: a DPO is appointed but has no contact; 13(1)(b), 30(1)(a).
- purposes-missing RED: neither purposes nor a statement on them; 30(1)(b), 13(1)(c).
- legal-basis-missing RED: neither an Art. 6(1) point nor a national law; 13(1)(c).
- legal-basis-article-missing AMBER: a national law without its 6(1) point. The law alone
  is not a basis, but the gap is one of labelling, not of substance.
- legal-basis-law-missing AMBER: 6(1)(c) or (e) without the law behind it (6(3)).
- legitimate-interests-missing RED: 6(1)(f) without the interests described; 13(1)(d).
- subject-groups-missing, data-categories-missing RED: 30(1)(c) (and 14(1)(d)).
- recipients-missing RED: 30(1)(d), 13(1)(e). "No recipients" can be true, but then the
  officer records that statement (or a general one on disclosures): the notice never
  assumes it.
- retention-missing RED: 13(2)(a) is unconditional even though 30(1)(f) says "where
  possible".
- security-missing RED: 30(1)(g) says "where possible", but the notice has a section for
  it, which would print "not recorded".
- rights-information-missing RED: 13(2)(b).
- consent-withdrawal-missing RED: consent (6(1)(a)) cited; 13(2)(c).
- complaint-right-missing RED: 13(2)(d).
- provision-requirement-missing AMBER: 13(2)(e), only when data come from the data
  subject; often explained in the contract terms, so flagged for review, not blocking.
- automated-decision-logic-missing RED: a decision without logic and consequences;
  13(2)(f).
- sources-missing RED: no source at all, so it is unknown whether 14(2)(f) applies, and
  the notice's section would print "not recorded".
- source-description-missing AMBER: a non-data-subject source named only by its kind;
  recital 61 allows general information, so the kind may suffice.
- repealed-personal-data-act AMBER: free text cites henkilötietolaki 523/1999 (repealed
  1.1.2019); the processing may be fine, the notice is out of date. Every text of the
  register counts (`texts`, all languages; text_quality.py has this and the other traps).
- notice-predates-gdpr AMBER: notice dated before 25.5.2018, i.e. written for the old law.

notice_items.py adds what the printed notice would leave "not recorded" or contradict.
"""

from __future__ import annotations

from datetime import date

from rekisteri_app.i18n import N_

from ..enums import LegalBasisArticle, SourceKind, StatementKind
from .model import (
    CheckedRegister,
    CheckedText,
    Finding,
    FindingCode,
    Severity,
    SubjectKind,
    _Collector,
    _filled,
)
from .notice_items import check_notice_items
from .text_quality import check_contact_fields, check_texts

GDPR_APPLICATION_DATE = date(2018, 5, 25)


def check_register(register: CheckedRegister) -> list[Finding]:
    """Art. 30(1) record and Art. 13/14 notice gaps of one register (not its transfers)."""
    out = _Collector(SubjectKind.REGISTER, register.name)
    _check_controllers(register, out)
    _check_purposes_and_bases(register, out)
    _check_contents(register, out)
    _check_notice_items(register, out)
    _check_sources(register, out)
    check_notice_items(register, out)
    # The services give every text with its path; a caller that fills only the fields
    # gets those checked.
    check_texts(register.texts or _register_texts(register), out)
    check_contact_fields(register.contact_fields, out)
    return sorted(out.findings, key=lambda f: f.sort_key)


def _check_controllers(register: CheckedRegister, out: _Collector) -> None:
    if not any(_filled(c.name) for c in register.controllers):
        out.add(
            Severity.RED,
            FindingCode.CONTROLLER_MISSING,
            N_(
                "No controller is recorded. The record and the notice must name the "
                "controller and give its contact details."
            ),
            "GDPR Art. 30(1)(a), 13(1)(a)",
            _path="$.controllers",
        )
    # A contact person or a customer-service role with details reaches the controller too.
    reachable = any(_filled(p.contact_details) for p in register.contact_points if not p.is_dpo)
    for i, controller in enumerate(register.controllers):
        if _filled(controller.name) and not _filled(controller.contact_details) and not reachable:
            out.add(
                Severity.RED,
                FindingCode.CONTROLLER_CONTACT_MISSING,
                N_("Controller {controller} has no contact details."),
                "GDPR Art. 30(1)(a), 13(1)(a)",
                _path=f"$.controllers[{i}]",
                controller=controller.name,
            )
    if register.dpo_appointed and not any(
        p.is_dpo and _filled(p.contact_details) for p in register.contact_points
    ):
        out.add(
            Severity.RED,
            FindingCode.DPO_CONTACT_MISSING,
            N_(
                "A data protection officer has been appointed but no contact details for "
                "the officer are recorded."
            ),
            "GDPR Art. 13(1)(b), 30(1)(a), 37(7)",
            _path="$.controllers",
        )


def _check_purposes_and_bases(register: CheckedRegister, out: _Collector) -> None:
    if not any(_filled(p) for p in register.purposes) and not _filled(register.purposes_statement):
        out.add(
            Severity.RED,
            FindingCode.PURPOSES_MISSING,
            N_("No purpose of the processing is recorded."),
            "GDPR Art. 30(1)(b), 13(1)(c)",
            _path="$.purposes",
        )
    bases = register.legal_bases
    if not any(b.article is not None or _filled(b.national_law) for b in bases):
        out.add(
            Severity.RED,
            FindingCode.LEGAL_BASIS_MISSING,
            N_(
                "No legal basis is recorded. Name the point of Article 6(1) GDPR the "
                "processing relies on."
            ),
            "GDPR Art. 13(1)(c), 6(1)",
            _path="$.legal_bases",
        )
    for i, basis in enumerate(bases):
        if basis.article is None and _filled(basis.national_law):
            out.add(
                Severity.AMBER,
                FindingCode.LEGAL_BASIS_ARTICLE_MISSING,
                N_(
                    "The legal basis “{law}” names a national law but no point of Article "
                    "6(1) GDPR; a statutory duty is usually Article 6(1)(c)."
                ),
                "GDPR Art. 6(1), 6(3), 13(1)(c)",
                _path=f"$.legal_bases[{i}].article",
                law=basis.national_law.strip(),
            )
        if basis.article in (
            LegalBasisArticle.LEGAL_OBLIGATION,
            LegalBasisArticle.PUBLIC_TASK,
        ) and not _filled(basis.national_law):
            out.add(
                Severity.AMBER,
                FindingCode.LEGAL_BASIS_LAW_MISSING,
                N_(
                    "The legal basis Article {article} rests on a law, but the law is not "
                    "named (for example sähkömarkkinalaki 588/2013)."
                ),
                "GDPR Art. 6(3), 13(1)(c)",
                _path=f"$.legal_bases[{i}].national_law",
                article=_article_text(basis.article),
            )
        if basis.article is LegalBasisArticle.LEGITIMATE_INTERESTS and not _filled(
            basis.description
        ):
            out.add(
                Severity.RED,
                FindingCode.LEGITIMATE_INTERESTS_MISSING,
                N_(
                    "Legitimate interests are cited as a legal basis, but the interests "
                    "pursued are not described."
                ),
                "GDPR Art. 13(1)(d), 6(1)(f)",
                _path=f"$.legal_bases[{i}].description",
            )


def _article_text(article: LegalBasisArticle) -> str:
    """Write "6.1.c" as "6(1)(c)", the way a reader expects to see it."""
    major, paragraph, point = article.value.split(".")
    return f"{major}({paragraph})({point})"


def _check_contents(register: CheckedRegister, out: _Collector) -> None:
    if not any(_filled(g) for g in register.subject_groups):
        out.add(
            Severity.RED,
            FindingCode.SUBJECT_GROUPS_MISSING,
            N_("No categories of data subjects are recorded."),
            "GDPR Art. 30(1)(c)",
            _path="$.subject_groups",
        )
    if not any(_filled(c.name) for c in register.data_categories):
        out.add(
            Severity.RED,
            FindingCode.DATA_CATEGORIES_MISSING,
            N_("No categories of personal data are recorded."),
            "GDPR Art. 30(1)(c), 14(1)(d)",
            _path="$.data_categories",
        )
    if (
        not register.recipients
        and not register.stated(StatementKind.NO_DISCLOSURES)
        and not register.stated(StatementKind.DISCLOSURES)
    ):
        out.add(
            Severity.RED,
            FindingCode.RECIPIENTS_MISSING,
            N_(
                "No recipients are recorded. If the data are disclosed to no one, record "
                "that statement; processors such as IT providers are recipients too."
            ),
            "GDPR Art. 30(1)(d), 13(1)(e), 4(9)",
            _path="$.recipients",
        )
    if not any(rule.is_stated for rule in register.retention_rules):
        out.add(
            Severity.RED,
            FindingCode.RETENTION_MISSING,
            N_("No retention period, nor the criteria for setting one, is recorded."),
            "GDPR Art. 13(2)(a), 30(1)(f)",
            _path="$.retention_rules",
        )
    if not any(_filled(m.description) for m in register.security_measures):
        out.add(
            Severity.RED,
            FindingCode.SECURITY_MISSING,
            N_("No security measures are described."),
            "GDPR Art. 30(1)(g), 32(1)",
            _path="$.security_measures",
        )


def _check_notice_items(register: CheckedRegister, out: _Collector) -> None:
    if not register.rights_information_present:
        out.add(
            Severity.RED,
            FindingCode.RIGHTS_INFORMATION_MISSING,
            N_(
                "The notice does not tell data subjects about their rights (access, "
                "rectification, erasure, restriction, objection, portability)."
            ),
            "GDPR Art. 13(2)(b), 14(2)(c)",
            _path="$.rights",
        )
    cites_consent = any(b.article is LegalBasisArticle.CONSENT for b in register.legal_bases)
    if cites_consent and not register.consent_withdrawal_info_present:
        out.add(
            Severity.RED,
            FindingCode.CONSENT_WITHDRAWAL_MISSING,
            N_(
                "Consent is cited as a legal basis, but the notice does not say that "
                "consent can be withdrawn at any time."
            ),
            "GDPR Art. 13(2)(c), 7(3)",
            _path="$.rights",
        )
    if not register.supervisory_authority_info_present:
        out.add(
            Severity.RED,
            FindingCode.COMPLAINT_RIGHT_MISSING,
            N_(
                "The notice does not mention the right to lodge a complaint with a "
                "supervisory authority (the Data Protection Ombudsman)."
            ),
            "GDPR Art. 13(2)(d), 14(2)(e)",
        )
    collected_from_subject = not register.sources or any(
        s.kind is SourceKind.DATA_SUBJECT for s in register.sources
    )
    if collected_from_subject and not _filled(register.provision_requirement_info):
        out.add(
            Severity.AMBER,
            FindingCode.PROVISION_REQUIREMENT_MISSING,
            N_(
                "The notice does not say whether giving the data is a statutory or "
                "contractual requirement, or what happens if the data are not given."
            ),
            "GDPR Art. 13(2)(e)",
            _path="$.provision_requirement",
        )
    for i, decision in enumerate(register.automated_decisions):
        if not _filled(decision.logic_and_consequences):
            out.add(
                Severity.RED,
                FindingCode.AUTOMATED_DECISION_LOGIC_MISSING,
                N_(
                    "The automated decision “{decision}” lacks meaningful information about "
                    "the logic involved and its consequences for the data subject."
                ),
                "GDPR Art. 13(2)(f), 14(2)(g), 22",
                _path=f"$.automated_decisions[{i}].logic",
                decision=decision.description.strip(),
            )
    if register.notice_date is not None and register.notice_date < GDPR_APPLICATION_DATE:
        out.add(
            Severity.AMBER,
            FindingCode.NOTICE_PREDATES_GDPR,
            N_(
                "The notice is dated {date}, before the GDPR applied (25 May 2018); review "
                "it against the GDPR."
            ),
            "GDPR Art. 99(2), 13, 14",
            _path="$.notice_versions",
            date=register.notice_date,
        )


def _check_sources(register: CheckedRegister, out: _Collector) -> None:
    if not register.sources:
        out.add(
            Severity.RED,
            FindingCode.SOURCES_MISSING,
            N_(
                "No sources of the data are recorded. If any data come from elsewhere than "
                "the data subject, the notice must name the source."
            ),
            "GDPR Art. 14(2)(f)",
            _path="$.sources",
        )
    for i, source in enumerate(register.sources):
        if source.kind is not SourceKind.DATA_SUBJECT and not _filled(source.description):
            out.add(
                Severity.AMBER,
                FindingCode.SOURCE_DESCRIPTION_MISSING,
                N_(
                    "A source of kind “{kind}” is not described; name the register or party "
                    "the data come from."
                ),
                "GDPR Art. 14(2)(f)",
                _path=f"$.sources[{i}].description",
                kind=source.kind.value,
            )


def _register_texts(register: CheckedRegister) -> list[CheckedText]:
    """The free texts a notice prints, from the checker's fields (without paths): for
    callers that fill the fields but not `texts`."""
    out: list[CheckedText] = []

    def add(label: str, text: str) -> None:
        out.append(CheckedText("$", text, label))

    for basis in register.legal_bases:
        add(N_("Legal basis"), basis.national_law)
        add(N_("Legal basis"), basis.description)
    for purpose in register.purposes:
        add(N_("Purposes"), purpose)
    for group in register.subject_groups:
        add(N_("Data subjects"), group)
    for category in register.data_categories:
        add(N_("Personal data"), category.name)
    for rule in register.retention_rules:
        add(N_("Retention"), rule.description)
    for source in register.sources:
        add(N_("Sources"), source.description)
    for recipient in register.recipients:
        add(N_("Recipients"), recipient.description)
    for transfer in register.transfers:
        add(N_("Transfers"), transfer.documentation)
    for measure in register.security_measures:
        add(N_("Security measures"), measure.description)
    for decision in register.automated_decisions:
        add(N_("Automated decisions"), decision.description)
        add(N_("Automated decisions"), decision.logic_and_consequences)
    add(N_("Statutory or contractual requirement"), register.provision_requirement_info)
    return out
