"""One vocabulary: every closed value has its words, shown in the UI language."""

from __future__ import annotations

import pytest

from rekisteri_app.domain import enums
from rekisteri_app.domain import vocabulary as v
from rekisteri_app.domain.identity_code import IdentityDocument
from rekisteri_app.i18n import set_language

TABLES = [
    (enums.Right, v.RIGHTS),
    (enums.Channel, v.CHANNELS),
    (enums.Language, v.LANGUAGES),
    (enums.Authority, v.AUTHORITIES),
    (enums.RequestClass, v.CLASSIFICATIONS),
    (enums.IdentityMethod, v.IDENTITY_METHODS),
    (IdentityDocument, v.DOCUMENTS),
    (enums.PauseKind, v.PAUSE_KINDS),
    (enums.DeliveryChoice, v.DELIVERY_CHOICES),
    (enums.CorrectionField, v.CORRECTION_FIELDS),
    (enums.PausePolicy, v.PAUSE_POLICIES),
    (enums.PausePolicy, v.PAUSE_POLICY_HELP),
    (enums.Urgency, v.URGENCIES),
    (enums.RequestStatus, v.STATUSES),
    (enums.Outcome, v.OUTCOMES),
    (enums.LetterKind, v.LETTER_KINDS),
    (enums.SentVia, v.SENT_VIA),
    (enums.ControllerRole, v.CONTROLLER_ROLES),
    (enums.SourceKind, v.SOURCE_KINDS),
    (enums.RecipientKind, v.RECIPIENT_KINDS),
    (enums.SecurityKind, v.SECURITY_KINDS),
    (enums.PeriodUnit, v.PERIOD_UNITS),
    (enums.Safeguard, v.SAFEGUARDS),
    (enums.SccModule, v.SCC_MODULES),
    (enums.ControllerType, v.CONTROLLER_TYPES),
    (enums.StatementKind, v.STATEMENT_KINDS),
    (enums.AuthorityEvidence, v.AUTHORITY_EVIDENCE),
    (enums.FeeBasis, v.FEE_BASES),
    (enums.NotificationStatus, v.NOTIFICATION_STATUSES),
    (enums.LetterAudience, v.LETTER_AUDIENCES),
    (enums.LetterKind, v.LETTER_KIND_DESCRIPTIONS),
    (enums.BreachNature, v.BREACH_NATURES),
    (enums.RiskLevel, v.RISK_LEVELS),
    (enums.NotifyDecision, v.NOTIFY_DECISIONS),
    (enums.NotificationKind, v.NOTIFICATION_KINDS),
    (enums.Art34Exception, v.ART34_EXCEPTIONS),
    (enums.BreachClock, v.BREACH_CLOCKS),
]


@pytest.mark.parametrize(("kind", "table"), TABLES, ids=lambda x: getattr(x, "__name__", ""))
def test_every_value_of_a_closed_vocabulary_has_words(kind, table):
    assert {str(value) for value in kind} <= set(table)


def test_a_label_is_translated_when_shown_and_unknown_values_stay_readable():
    set_language("sv")
    assert v.label(v.RIGHTS, "erasure") != "erasure (Art. 17)"
    set_language("en")
    assert v.label(v.RIGHTS, "erasure") == "erasure (Art. 17)"
    assert v.label(v.RIGHTS, "not-a-right") == "not-a-right"
    assert v.label(v.RIGHTS, None) == ""


def test_choices_keep_the_order_of_the_law():
    set_language("en")
    assert [value for value, _text in v.choices(v.RIGHTS)][:2] == ["access", "rectification"]


def test_every_audit_action_the_services_write_has_words():
    """Issue 17: the audit trail shows actions as translated words, so every action and
    entity a service writes (tx.audit, finish_case_write, the letter wording) is named."""
    import re
    from pathlib import Path

    from rekisteri_app.domain.vocabulary import AUDIT_ACTIONS, AUDIT_ENTITIES

    root = Path(__file__).resolve().parent.parent / "rekisteri_app"
    source = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    actions = set(re.findall(r"\.audit\(\s*\"([a-z_.-]+)\"", source))
    actions |= set(re.findall(r"finish_case_write\(\s*tx,\s*\w+,\s*\"([a-z_.-]+)\"", source))
    actions |= set(re.findall(r"\"(letter_template\.[a-z]+)\"", source))
    entities = set(re.findall(r"\.audit\(\s*[^,]+,\s*\"([a-z_]+)\"", source))
    assert actions and entities
    assert sorted(actions - set(AUDIT_ACTIONS)) == []
    assert sorted(entities - set(AUDIT_ENTITIES)) == []
