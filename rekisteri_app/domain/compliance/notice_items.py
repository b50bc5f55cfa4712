"""What the notice printed from a register would have to leave "not recorded", what it
would say in contradiction with itself, and what it lacks in a published language.

Every section of a notice prints what the register holds, or an explicit statement the
officer recorded; when neither exists the notice prints a visible placeholder and these
rules report it RED, so publishing asks for confirmation.

- transfers-not-recorded RED: no transfer, no "no transfers" statement and no general
  statement on transfers; 13(1)(f).
- automated-decisions-not-recorded RED: no decision and no "no automated decisions"
  statement; 13(2)(f).
- request-channel-missing RED: no request address or web form, and section 1 gives no
  postal or e-mail address to send requests to; 12(2), 13(2)(b).
- changes-policy-missing RED: neither a changes policy nor where the notice is available.
- joint-arrangement-missing RED: joint controllers without the essence of their
  arrangement; 26(2).
- rights-incomplete RED: the recorded rights leave out rights the legal bases give
  (one recorded right is not complete); 13(2)(b)-(c).
- disclosures-contradiction / transfers-contradiction / automated-decisions-contradiction
  / profiling-contradiction RED: a "no …" statement while the register records the very
  thing (recipients; transfers outside the EEA; automated decisions; a profiling purpose
  or decision).
- category-group-unknown AMBER: a data category assigned to a subject group the register
  does not have; 30(1)(c).
- purpose-basis-not-recorded AMBER: a purpose linked to an Art. 6(1) point that is not
  among the register's legal bases; 13(1)(c).
- translation-missing RED: a language the notice is published in lacks texts; the
  notice in that language would print them in the primary language. Only publishing in
  that language asks for confirmation.
"""

from __future__ import annotations

import re

from rekisteri_app.i18n import N_

from .. import adequacy
from ..enums import ControllerRole, LegalBasisArticle, StatementKind
from ..rights import applicable_rights
from ..vocabulary import LANGUAGES, RIGHTS
from .model import CheckedRegister, FindingCode, Label, Severity, _Collector, _filled

#: Profiling in a purpose, in Finnish, Swedish or English ("profilointi", "profilering").
_PROFILING_RE = re.compile(r"\bprofil(?:oi|ointi|oinn|er|ing)\w*", re.IGNORECASE)

SHOWN_PATHS = 5


def mentions_profiling(text: str) -> bool:
    return bool(_PROFILING_RE.search(text or ""))


def check_notice_items(register: CheckedRegister, out: _Collector) -> None:
    _check_unrecorded(register, out)
    _check_contradictions(register, out)
    _check_links(register, out)
    _check_rights(register, out)
    _check_translations(register, out)


def _check_unrecorded(register: CheckedRegister, out: _Collector) -> None:
    if (
        not register.transfers
        and not register.stated(StatementKind.NO_TRANSFERS)
        and not _filled(register.transfers_statement)
    ):
        out.add(
            Severity.RED,
            FindingCode.TRANSFERS_NOT_RECORDED,
            N_(
                "Nothing is recorded about transfers outside the EU/EEA. Record the "
                "transfers, or the statement that there are none; the notice will not "
                "assume it."
            ),
            "GDPR Art. 13(1)(f), 30(1)(e)",
            _path="$.transfers",
        )
    if not register.automated_decisions and not register.stated(
        StatementKind.NO_AUTOMATED_DECISIONS
    ):
        out.add(
            Severity.RED,
            FindingCode.AUTOMATED_DECISIONS_NOT_RECORDED,
            N_(
                "Nothing is recorded about automated decision-making. Record the decisions, "
                "or the statement that there are none."
            ),
            "GDPR Art. 13(2)(f), 22",
            _path="$.automated_decisions",
        )
    if not _filled(register.request_channel) and not any(
        c.postal_or_email for c in register.controllers
    ):
        out.add(
            Severity.RED,
            FindingCode.REQUEST_CHANNEL_MISSING,
            N_(
                "The notice cannot say where to send requests: record the address or web "
                "form for requests, or a postal or e-mail address of the controller."
            ),
            "GDPR Art. 12(2), 13(2)(b)",
            _path="$.request_address",
        )
    if not _filled(register.changes_info):
        out.add(
            Severity.RED,
            FindingCode.CHANGES_POLICY_MISSING,
            N_(
                "Nothing is recorded about changes to the notice or where it is available; "
                "the notice would print “not recorded” there."
            ),
            "GDPR Art. 12(1)",
            _path="$.changes_policy",
        )
    joint = [c for c in register.controllers if c.role is ControllerRole.JOINT_CONTROLLER]
    if joint and not _filled(register.joint_arrangement):
        out.add(
            Severity.RED,
            FindingCode.JOINT_ARRANGEMENT_MISSING,
            N_(
                "{controller} is a joint controller, but the essence of the joint "
                "controllers' arrangement is not recorded."
            ),
            "GDPR Art. 26(2)",
            _path="$.joint_arrangement",
            controller=joint[0].name,
        )


def _statement_path(register: CheckedRegister, kind: StatementKind) -> str:
    index = next(i for i, s in enumerate(register.statements) if s.kind is kind)
    return f"$.statements[{index}]"


def _check_contradictions(register: CheckedRegister, out: _Collector) -> None:
    if register.stated(StatementKind.NO_DISCLOSURES) and register.recipients:
        out.add(
            Severity.RED,
            FindingCode.DISCLOSURES_CONTRADICTION,
            N_(
                "The register states that there are no regular disclosures, but {count} "
                "recipients are recorded."
            ),
            "GDPR Art. 13(1)(e)",
            _path=_statement_path(register, StatementKind.NO_DISCLOSURES),
            count=len(register.recipients),
        )
    third = [t for t in register.transfers if not adequacy.is_eea(t.country)]
    if register.stated(StatementKind.NO_TRANSFERS) and third:
        out.add(
            Severity.RED,
            FindingCode.TRANSFERS_CONTRADICTION,
            N_(
                "The register states that no data are transferred outside the EU/EEA, but "
                "a transfer to {country} is recorded."
            ),
            "GDPR Art. 13(1)(f)",
            _path=_statement_path(register, StatementKind.NO_TRANSFERS),
            country=third[0].country,
        )
    decisions = [d for d in register.automated_decisions if not d.is_profiling]
    if register.stated(StatementKind.NO_AUTOMATED_DECISIONS) and decisions:
        out.add(
            Severity.RED,
            FindingCode.AUTOMATED_DECISIONS_CONTRADICTION,
            N_(
                "The register states that there is no automated decision-making, but the "
                "decision “{decision}” is recorded."
            ),
            "GDPR Art. 13(2)(f), 22",
            _path=_statement_path(register, StatementKind.NO_AUTOMATED_DECISIONS),
            decision=decisions[0].description.strip(),
        )
    if register.stated(StatementKind.NO_PROFILING):
        profiling = [p for p in register.purposes if mentions_profiling(p)]
        profiling += [d.description for d in register.automated_decisions if d.is_profiling]
        if profiling:
            out.add(
                Severity.RED,
                FindingCode.PROFILING_CONTRADICTION,
                N_("The register states that there is no profiling, but “{purpose}” is recorded."),
                "GDPR Art. 13(2)(f), 21(2)",
                _path=_statement_path(register, StatementKind.NO_PROFILING),
                purpose=profiling[0].strip(),
            )


def _check_links(register: CheckedRegister, out: _Collector) -> None:
    groups = {g.strip().casefold() for g in register.subject_groups if _filled(g)}
    for i, category in enumerate(register.data_categories):
        group = category.subject_group.strip()
        if group and group.casefold() not in groups:
            out.add(
                Severity.AMBER,
                FindingCode.CATEGORY_GROUP_UNKNOWN,
                N_(
                    "The data category “{category}” belongs to the subject group “{group}”, "
                    "which the register does not have."
                ),
                "GDPR Art. 30(1)(c)",
                _path=f"$.data_categories[{i}].subject_group",
                category=category.name.strip(),
                group=group,
            )
    recorded = {b.article for b in register.legal_bases if b.article is not None}
    for i, bases in enumerate(register.purpose_bases):
        for article in bases:
            if article not in recorded:
                out.add(
                    Severity.AMBER,
                    FindingCode.PURPOSE_BASIS_NOT_RECORDED,
                    N_(
                        "The purpose “{purpose}” rests on Article {article}, which is not "
                        "among the register's legal bases."
                    ),
                    "GDPR Art. 13(1)(c), 6(1)",
                    _path=f"$.purposes[{i}].bases",
                    purpose=register.purposes[i].strip() if i < len(register.purposes) else "",
                    article=_article(article),
                )


def _article(article: LegalBasisArticle) -> str:
    major, paragraph, point = article.value.split(".")
    return f"{major}({paragraph})({point})"


def _check_rights(register: CheckedRegister, out: _Collector) -> None:
    if not register.rights:
        return  # the notice then prints the rights of the bases; nothing recorded to miss
    bases = [b.article for b in register.legal_bases]
    for bases_of_purpose in register.purpose_bases:
        bases.extend(bases_of_purpose)
    decisions = any(not d.is_profiling for d in register.automated_decisions)
    expected = applicable_rights(bases, automated_decisions=decisions)
    missing = [r for r in expected if r not in register.rights]
    if missing:
        out.add(
            Severity.RED,
            FindingCode.RIGHTS_INCOMPLETE,
            N_(
                "The notice lists {listed} rights, but the register's legal bases also give "
                "the right to {missing}."
            ),
            "GDPR Art. 13(2)(b)-(c)",
            _path="$.rights",
            listed=len(set(register.rights)),
            missing=Label(RIGHTS[missing[0]]),
            count=len(missing),
        )


def _check_translations(register: CheckedRegister, out: _Collector) -> None:
    for missing in register.missing_translations:
        if not missing.paths:
            continue
        shown = ", ".join(missing.paths[:SHOWN_PATHS])
        more = len(missing.paths) - SHOWN_PATHS
        out.add(
            Severity.RED,
            FindingCode.TRANSLATION_MISSING,
            N_(
                "The notice is published in {language}, but {count} texts have no "
                "{language} version and would print in the primary language: {paths}"
            ),
            "GDPR Art. 12(1)",
            _path=missing.paths[0],
            lang=missing.lang,
            language=Label(LANGUAGES.get(missing.lang, missing.lang)),
            count=len(missing.paths),
            paths=shown + (f" … (+{more})" if more > 0 else ""),
        )
