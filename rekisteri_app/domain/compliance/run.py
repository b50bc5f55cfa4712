"""Running every rule family over a database's registers, transfers and processors, and
the badge (worst severity) of a set of findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .model import CheckedProcessor, CheckedRegister, CheckedTransfer, Finding, Severity, Status
from .processors import check_processor
from .registers import check_register
from .transfers import check_transfer


def check_all(
    registers: Iterable[CheckedRegister] = (),
    processors: Iterable[CheckedProcessor] = (),
    transfers: Iterable[CheckedTransfer] = (),
    *,
    today: date,
) -> list[Finding]:
    """Every finding, worst first: registers, their transfers, extra transfers, processors.

    A transfer shared by several registers (equal CheckedTransfer values) is checked once.
    """
    findings: list[Finding] = []
    all_transfers: dict[CheckedTransfer, None] = {}
    for register in registers:
        findings.extend(check_register(register))
        all_transfers.update(dict.fromkeys(register.transfers))
    all_transfers.update(dict.fromkeys(transfers))
    for transfer in all_transfers:
        findings.extend(check_transfer(transfer, today))
    for processor in processors:
        findings.extend(check_processor(processor, today))
    return sorted(findings, key=lambda f: f.sort_key)


def worst_severity(findings: Iterable[Finding]) -> Status:
    """The badge: RED if any finding is red, AMBER if any is amber, else OK."""
    severities = {f.severity for f in findings}
    if Severity.RED in severities:
        return Status.RED
    if Severity.AMBER in severities:
        return Status.AMBER
    return Status.OK
