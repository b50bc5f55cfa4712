"""Words for the closed vocabularies of domain/enums.py, as the officer reads them.

The identifiers (`scc-2021-914`) are stable data; these English phrases are N_-marked and
translated only when shown, so a change of UI language needs no reload of any model.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..domain.enums import (
    INVALID_SAFEGUARDS,
    ControllerRole,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Safeguard,
    SccModule,
    SecurityKind,
    SourceKind,
)
from ..i18n import N_

# one vocabulary for rights, one way to word a value: shared with the command line
from ..services.requests_labels import RIGHTS, choices, label  # noqa: F401

CONTROLLER_ROLES: Mapping[str, str] = {
    ControllerRole.CONTROLLER: N_("controller"),
    ControllerRole.JOINT_CONTROLLER: N_("joint controller"),
    ControllerRole.GROUP_COMPANY: N_("group company"),
}

ARTICLES: Mapping[str, str] = {
    LegalBasisArticle.CONSENT: N_("6(1)(a) consent"),
    LegalBasisArticle.CONTRACT: N_("6(1)(b) contract"),
    LegalBasisArticle.LEGAL_OBLIGATION: N_("6(1)(c) legal obligation"),
    LegalBasisArticle.VITAL_INTERESTS: N_("6(1)(d) vital interests"),
    LegalBasisArticle.PUBLIC_TASK: N_("6(1)(e) public task"),
    LegalBasisArticle.LEGITIMATE_INTERESTS: N_("6(1)(f) legitimate interests"),
}

SOURCE_KINDS: Mapping[str, str] = {
    SourceKind.DATA_SUBJECT: N_("the data subject"),
    SourceKind.PUBLIC_REGISTER: N_("public register"),
    SourceKind.PRIVATE_REGISTER: N_("private register"),
    SourceKind.MARKET_PARTY: N_("market party"),
    SourceKind.OBSERVED: N_("observed in use of the service"),
    SourceKind.OTHER: N_("other source"),
}

RECIPIENT_KINDS: Mapping[str, str] = {
    RecipientKind.AUTHORITY: N_("authority"),
    RecipientKind.GROUP_COMPANY: N_("group company"),
    RecipientKind.MARKET_PARTY: N_("market party"),
    RecipientKind.SERVICE_PROVIDER: N_("service provider"),
    RecipientKind.DEBT_COLLECTION: N_("debt collection"),
    RecipientKind.DATA_SUBJECT_REPRESENTATIVE: N_("data subject's representative"),
    RecipientKind.OTHER: N_("other recipient"),
}

SECURITY_KINDS: Mapping[str, str] = {
    SecurityKind.TECHNICAL: N_("technical"),
    SecurityKind.ORGANISATIONAL: N_("organisational"),
    SecurityKind.MANUAL: N_("manual material"),
}

PERIOD_UNITS: Mapping[str, str] = {
    PeriodUnit.DAYS: N_("days"),
    PeriodUnit.MONTHS: N_("months"),
    PeriodUnit.YEARS: N_("years"),
}

SAFEGUARDS: Mapping[str, str] = {
    Safeguard.ADEQUACY: N_("adequacy decision (Art. 45)"),
    Safeguard.DPF: N_("EU-US Data Privacy Framework"),
    Safeguard.SCC_2021: N_("standard contractual clauses 2021/914"),
    Safeguard.BCR: N_("binding corporate rules (Art. 47)"),
    Safeguard.DEROGATION: N_("derogation (Art. 49)"),
    Safeguard.PRIVACY_SHIELD: N_("Privacy Shield (invalid)"),
    Safeguard.SCC_2001_497: N_("old clauses 2001/497 (repealed)"),
    Safeguard.SCC_2004_915: N_("old clauses 2004/915 (repealed)"),
    Safeguard.SCC_2010_87: N_("old clauses 2010/87, C(2010)593 (repealed)"),
    Safeguard.NONE: N_("no safeguard named"),
}

SCC_MODULES: Mapping[str, str] = {
    SccModule.C2C: N_("module 1: controller to controller"),
    SccModule.C2P: N_("module 2: controller to processor"),
    SccModule.P2P: N_("module 3: processor to processor"),
    SccModule.P2C: N_("module 4: processor to controller"),
}

STATUSES: Mapping[str, str] = {
    "red": N_("Must fix"),
    "amber": N_("Check"),
    "ok": N_("OK"),
}

AUDIT_ACTIONS: Mapping[str, str] = {
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "import": N_("imported"),
    "note": N_("note added"),
}

AUDIT_ENTITIES: Mapping[str, str] = {
    "controller": N_("controller"),
    "processor": N_("processor"),
    "register": N_("register"),
    "request": N_("request"),
    "database": N_("database"),
    "setting": N_("setting"),
    "settings": N_("settings"),
    "letter": N_("letter"),
    "letter_template": N_("letter template"),
}

SUBJECT_KINDS: Mapping[str, str] = {
    "register": N_("Register"),
    "transfer": N_("Transfer"),
    "processor": N_("Processor"),
}


def is_invalid_safeguard(value: object) -> bool:
    """True for the transfer tools the law no longer accepts (shown in red in pickers)."""
    return str(value) in {str(s) for s in INVALID_SAFEGUARDS}
