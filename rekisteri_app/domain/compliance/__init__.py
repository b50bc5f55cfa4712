"""The compliance checker: what a register, a transfer or a processor still lacks.

Pure rules over frozen input dataclasses, so services map ORM rows to `Checked*` objects
and the GUI, the CLI and the audit pack all show the same findings. A finding carries a
stable code (for filters, tests and the audit trail) and an N_-marked English message
that is translated only when shown.

Severity policy: RED when the GDPR says the item *shall* be recorded or given and the
record lacks it, or when a transfer has no valid transfer tool; AMBER when the item is
"where possible"/"where applicable", when the absence may be legitimate but must be
stated, or when something needs a human check (a stale certification, an overdue review).

Rooms: `model` (the `Checked*` inputs, `Finding`, severities and codes), `registers`,
`notice_items` (what the printed notice would leave "not recorded" or contradict),
`text_quality` (traps in any text and in contact details), `controllers` (controllers,
officers, the settings), `transfers` and `processors` (one rule family each, with its
rules listed), `run` (`check_all`, `worst_severity`). This package re-exports their
public names. Every finding carries the JSON path of what it is about, inside its
subject's exchange form.
"""

from .controllers import check_controllers, check_officer, check_settings
from .model import (
    CheckedAutomatedDecision,
    CheckedContactField,
    CheckedContactPoint,
    CheckedController,
    CheckedControllerRecord,
    CheckedDataCategory,
    CheckedLegalBasis,
    CheckedMissingTexts,
    CheckedProcessor,
    CheckedRecipient,
    CheckedRegister,
    CheckedRetentionRule,
    CheckedSecurityMeasure,
    CheckedSource,
    CheckedStatement,
    CheckedText,
    CheckedTransfer,
    Finding,
    FindingCode,
    Label,
    Severity,
    Status,
    SubjectKind,
)
from .processors import check_processor
from .registers import GDPR_APPLICATION_DATE, check_register
from .run import check_all, worst_severity
from .transfers import DPF_CHECK_MAX_AGE_MONTHS, check_transfer, is_third_country_transfer

__all__ = [
    "DPF_CHECK_MAX_AGE_MONTHS",
    "GDPR_APPLICATION_DATE",
    "CheckedAutomatedDecision",
    "CheckedContactField",
    "CheckedContactPoint",
    "CheckedController",
    "CheckedControllerRecord",
    "CheckedDataCategory",
    "CheckedLegalBasis",
    "CheckedMissingTexts",
    "CheckedProcessor",
    "CheckedRecipient",
    "CheckedRegister",
    "CheckedRetentionRule",
    "CheckedSecurityMeasure",
    "CheckedSource",
    "CheckedStatement",
    "CheckedText",
    "CheckedTransfer",
    "Finding",
    "FindingCode",
    "Label",
    "Severity",
    "Status",
    "SubjectKind",
    "check_all",
    "check_controllers",
    "check_officer",
    "check_processor",
    "check_register",
    "check_settings",
    "check_transfer",
    "is_third_country_transfer",
    "worst_severity",
]
