"""Transfer rules (check_transfer): is there a valid transfer tool for a transfer
outside the EEA? A transfer recorded to an EEA country is not a Chapter V transfer and
yields no finding. Paths are inside the transfer's exchange form ($.safeguard); the
services place them under the register ($.transfers[2].safeguard).

- transfer-destination-invalid RED: no valid country or organisation code; 30(1)(e).
- transfer-privacy-shield RED: invalid since C-311/18 (16.7.2020).
- transfer-repealed-scc RED: 2001/497, 2004/915 or 2010/87 (C(2010)593), repealed by
  Decision (EU) 2021/914; old contracts lost effect on 27.12.2022.
- transfer-no-safeguard RED: Safeguard.NONE without a full adequacy decision; 44, 46.
  Partial decisions (US, Canada, Japan) cannot be assumed to cover an unnamed importer.
- transfer-adequacy-not-recorded AMBER: Safeguard.NONE but a full adequacy decision
  exists: lawful, but the record must name the basis.
- transfer-no-adequacy-decision RED: ADEQUACY claimed where none exists, so in substance
  there is no transfer tool at all.
- transfer-adequacy-scope-unconfirmed AMBER: partial decision (Canada, Japan) and
  `scope_confirmed` not set.
- transfer-dpf-not-recorded AMBER: ADEQUACY to the US; only DPF-certified importers are
  covered, so record DPF and the certification check.
- transfer-dpf-wrong-destination RED: DPF named for a country other than the US.
- transfer-dpf-unchecked AMBER: DPF without the date the certification was checked.
- transfer-dpf-check-stale AMBER: the check is older than 12 months (with `today`);
  certifications must be renewed yearly and lapse otherwise.
- transfer-scc-module-missing AMBER: 2021 SCCs without the module.
- transfer-derogation-undocumented AMBER: Art. 49 derogation without documentation;
  30(1)(e), 49(6).
"""

from __future__ import annotations

import calendar
from datetime import date

from rekisteri_app.i18n import N_

from .. import adequacy
from ..enums import INVALID_SAFEGUARDS, Safeguard
from .model import (
    CheckedTransfer,
    Finding,
    FindingCode,
    Label,
    Severity,
    SubjectKind,
    _Collector,
    _filled,
)

DPF_CHECK_MAX_AGE_MONTHS = 12


def is_third_country_transfer(transfer: CheckedTransfer) -> bool:
    """False for a transfer recorded to an EEA country: Chapter V does not apply there."""
    return not adequacy.is_eea(transfer.country)


def check_transfer(transfer: CheckedTransfer, today: date | None = None) -> list[Finding]:
    """Is there a valid transfer tool? With `today`, stale DPF checks and expired decisions."""
    out = _Collector(SubjectKind.TRANSFER, transfer.label)
    country = adequacy.normalise_code(transfer.country)
    if not adequacy.is_valid_destination(country):
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_DESTINATION_INVALID,
            N_(
                "The destination “{country}” is not a known country code; the record must "
                "identify the third country."
            ),
            "GDPR Art. 30(1)(e), 13(1)(f)",
            _path="$.country",
            country=transfer.country.strip(),
        )
        return out.findings
    if adequacy.is_eea(country):
        return []
    decision = adequacy.adequacy_for(country, on=today)
    safeguard = transfer.safeguard
    if safeguard is Safeguard.PRIVACY_SHIELD:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_PRIVACY_SHIELD,
            N_(
                "The transfer relies on the EU-US Privacy Shield, which the Court of Justice "
                "invalidated on 16 July 2020 (C-311/18). Use the Data Privacy Framework if the "
                "importer is certified, otherwise the 2021 standard contractual clauses."
            ),
            "GDPR Art. 44, 45; CJEU C-311/18",
            _path="$.safeguard",
        )
    elif safeguard in INVALID_SAFEGUARDS:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_REPEALED_SCC,
            N_(
                "The transfer relies on repealed standard contractual clauses ({decision}); "
                "contracts on them lost effect on 27 December 2022. Sign the 2021 clauses "
                "(Decision (EU) 2021/914)."
            ),
            "GDPR Art. 46(2)(c); Decision (EU) 2021/914 Art. 4",
            _path="$.safeguard",
            decision=_REPEALED_SCC_NAMES[safeguard],
        )
    elif safeguard is Safeguard.NONE:
        if decision is not None and not decision.is_partial:
            out.add(
                Severity.AMBER,
                FindingCode.TRANSFER_ADEQUACY_NOT_RECORDED,
                N_(
                    "No safeguard is recorded; the destination has an adequacy decision "
                    "({reference}), so record that as the basis."
                ),
                "GDPR Art. 45, 30(1)(e), 13(1)(f)",
                _path="$.safeguard",
                reference=decision.reference,
            )
        else:
            out.add(
                Severity.RED,
                FindingCode.TRANSFER_NO_SAFEGUARD,
                N_(
                    "No safeguard is recorded for a transfer to {country}, which has no "
                    "adequacy decision covering every recipient. Name the transfer tool, "
                    "e.g. the 2021 standard contractual clauses."
                ),
                "GDPR Art. 44, 46, 13(1)(f)",
                _path="$.safeguard",
                country=country,
            )
    elif safeguard is Safeguard.ADEQUACY:
        _check_adequacy_claim(transfer, country, decision, out)
    elif safeguard is Safeguard.DPF:
        _check_dpf(transfer, country, today, out)
    elif safeguard is Safeguard.SCC_2021 and transfer.scc_module is None:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_SCC_MODULE_MISSING,
            N_(
                "The 2021 standard contractual clauses are named but not the module "
                "(controller-to-controller, controller-to-processor, …)."
            ),
            "GDPR Art. 46(2)(c); Decision (EU) 2021/914",
            _path="$.scc_module",
        )
    elif safeguard is Safeguard.DEROGATION and not _filled(transfer.documentation):
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DEROGATION_UNDOCUMENTED,
            N_(
                "The transfer relies on an Article 49 derogation, which is for occasional "
                "transfers only, and no documentation of the assessment is recorded."
            ),
            "GDPR Art. 49, 30(1)(e)",
            _path="$.description",
        )
    return out.findings


_REPEALED_SCC_NAMES = {
    Safeguard.SCC_2001_497: "2001/497/EC",
    Safeguard.SCC_2004_915: "2004/915/EC",
    Safeguard.SCC_2010_87: "2010/87/EU, C(2010) 593",
}


def _check_adequacy_claim(
    transfer: CheckedTransfer,
    country: str,
    decision: adequacy.AdequacyDecision | None,
    out: _Collector,
) -> None:
    if decision is None:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_NO_ADEQUACY_DECISION,
            N_(
                "The transfer is recorded as covered by an adequacy decision, but {country} "
                "has none. Name another transfer tool."
            ),
            "GDPR Art. 45, 46",
            _path="$.safeguard",
            country=country,
        )
    elif country == adequacy.DPF_DESTINATION:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DPF_NOT_RECORDED,
            N_(
                "The US adequacy decision covers only importers certified under the Data "
                "Privacy Framework. Record the safeguard as DPF with the date the "
                "certification was checked."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
            _path="$.safeguard",
        )
    elif decision.is_partial and not transfer.scope_confirmed:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_ADEQUACY_SCOPE_UNCONFIRMED,
            N_(
                "The adequacy decision for {country} covers {scope}; confirm that the "
                "importer is one of them."
            ),
            "GDPR Art. 45(1)",
            _path="$.safeguard",
            country=country,
            scope=Label(decision.scope_note),
        )


def _check_dpf(
    transfer: CheckedTransfer, country: str, today: date | None, out: _Collector
) -> None:
    if country != adequacy.DPF_DESTINATION:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_DPF_WRONG_DESTINATION,
            N_(
                "The Data Privacy Framework covers only transfers to the United States, not "
                "to {country}."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
            _path="$.safeguard",
            country=country,
        )
    elif transfer.dpf_checked_on is None:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DPF_UNCHECKED,
            N_(
                "Record the date you checked the importer's certification on the Data "
                "Privacy Framework List."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
            _path="$.dpf_checked_on",
        )
    elif today is not None and transfer.dpf_checked_on < _months_before(
        today, DPF_CHECK_MAX_AGE_MONTHS
    ):
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DPF_CHECK_STALE,
            N_(
                "The importer's Data Privacy Framework certification was last checked on "
                "{date}; certifications lapse unless renewed every year, so check it again."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
            _path="$.dpf_checked_on",
            date=transfer.dpf_checked_on,
        )


def _months_before(day: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (29.2. -> 28.2.)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
