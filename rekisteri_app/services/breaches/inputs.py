"""What callers hand the breach service: the record's fields by name, each parsed and
checked here with a translated message that names the field.

The window, the command line and JSON all send the same dict (`{"aware_at": "2026-10-23
10:00", "nature": ["confidentiality"], ...}`); only the fields present are changed, and
an empty value clears an optional field. Moments are wall-clock times in Europe/Helsinki
(`YYYY-MM-DD HH:MM`) or aware datetimes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ...domain import breaches as rules
from ...domain.enums import (
    Art34Exception,
    BreachNature,
    Language,
    NotificationKind,
    NotifyDecision,
    RiskLevel,
)
from ...i18n import N_, _
from ..context import ServiceError

TIMES = (
    "aware_at",
    "occurred_from",
    "occurred_to",
    "processor_reported_at",
    "subjects_informed_at",
)
TEXTS = (
    "description",
    "discovered_how",
    "subject_groups",
    "consequences",
    "risk_reasoning",
    "measures_taken",
    "measures_proposed",
    "decision_reasons",
    "delay_reasons",
    "subjects_informed_how",
    "informing_reasons",
)
LINES = ("discovered_by",)
FLAGS = ("occurred_unknown",)
COUNTS = ("subject_count", "record_count")
ENUMS: dict[str, type] = {
    "risk_level": RiskLevel,
    "notify_decision": NotifyDecision,
    "art34_exception": Art34Exception,
}
DATES = ("closed_on",)
REFS = ("controller", "processor")
LISTS = ("nature", "registers", "categories", "letter_texts")
FIELDS = frozenset(TIMES + TEXTS + LINES + FLAGS + COUNTS + DATES + REFS + LISTS) | set(ENUMS)
LETTER_TEXT_FIELDS = ("description", "consequences", "measures", "advice")

# How the window, the command line and the timeline name each field (gettext sources).
FIELD_CAPTIONS: dict[str, str] = {
    "aware_at": N_("Became aware"),
    "occurred_from": N_("Occurred from"),
    "occurred_to": N_("Occurred until"),
    "occurred_unknown": N_("Time of occurrence not known"),
    "discovered_how": N_("How it was discovered"),
    "discovered_by": N_("Discovered by"),
    "controller": N_("Controller"),
    "processor": N_("Reported by processor"),
    "processor_reported_at": N_("Processor reported at"),
    "nature": N_("Nature"),
    "description": N_("Description"),
    "registers": N_("Registers concerned"),
    "categories": N_("Data categories concerned"),
    "subject_groups": N_("Groups of data subjects"),
    "subject_count": N_("Data subjects (approx.)"),
    "record_count": N_("Records (approx.)"),
    "consequences": N_("Likely consequences"),
    "risk_level": N_("Risk"),
    "risk_reasoning": N_("Reasons for the risk assessment"),
    "measures_taken": N_("Measures taken"),
    "measures_proposed": N_("Measures proposed"),
    "notify_decision": N_("Decision on notifying"),
    "decision_reasons": N_("Reasons for the decision"),
    "delay_reasons": N_("Reasons for a delay over 72 hours"),
    "subjects_informed_at": N_("Data subjects informed"),
    "subjects_informed_how": N_("How they were informed"),
    "art34_exception": N_("Art. 34(3) exception"),
    "informing_reasons": N_("Reasons for not informing individually"),
    "closed_on": N_("Closed"),
    "letter_texts": N_("Letter texts"),
}


@dataclass(frozen=True)
class CategoryInput:
    name: str
    special: bool = False  # Art. 9 or 10 data; a register's own flag counts too


@dataclass(frozen=True)
class NotificationInput:
    """A notification sent through the Ombudsman's e-service."""

    kind: NotificationKind
    at: datetime  # aware
    reference: str | None = None  # the e-service's reference
    note: str | None = None


def parse_time(value: Any, what: str) -> datetime | None:
    """A Helsinki wall-clock time (or an aware datetime) → aware UTC; blank → None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ServiceError(_("{what}: a time without a time zone.").format(what=what))
        return rules.as_utc(value)
    try:
        return rules.parse_local(str(value))
    except rules.InvalidTime as exc:
        raise ServiceError(f"{what}: {exc}") from None


def _text(value: Any, limit: int | None = None) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if limit is not None and len(text) > limit:
        raise ServiceError(_("At most {n} characters.").format(n=limit))
    return text or None


def _flag(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "kyllä", "ja"):
        return True
    if text in ("", "0", "false", "no", "ei", "nej"):
        return False
    raise ServiceError(_("{what}: {value!r} is not yes or no.").format(what=what, value=text))


def _count(value: Any, what: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip().replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        number = -1
    if number < 0:
        raise ServiceError(
            _("{what}: {value!r} is not a whole number of zero or more.").format(
                what=what, value=str(value)
            )
        )
    return number


def parse_enum(kind: type, value: Any, what: str) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return kind(str(value).strip())
    except ValueError:
        allowed = ", ".join(v.value for v in kind)
        raise ServiceError(
            _("{what}: {value!r} is not one of: {allowed}").format(
                what=what, value=str(value), allowed=allowed
            )
        ) from None


def _date(value: Any, what: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ServiceError(
            _("{what}: {value!r} is not a valid date (YYYY-MM-DD).").format(
                what=what, value=str(value)
            )
        ) from None


def _categories(value: Any) -> tuple[CategoryInput, ...]:
    out: list[CategoryInput] = []
    for item in value or ():
        if isinstance(item, CategoryInput):
            out.append(item)
        elif isinstance(item, Mapping):
            name = _text(item.get("name") or item.get("category_name"))
            if not name:
                raise ServiceError(_("A data category concerned needs a name."))
            out.append(CategoryInput(name, _flag(item.get("special") or False, "special")))
        else:
            name = _text(item)
            if name:
                out.append(CategoryInput(name))
    return tuple(out)


def _letter_texts(value: Any) -> dict[Language, dict[str, str | None]]:
    if not isinstance(value, Mapping):
        raise ServiceError(_("letter_texts: an object by language (fi, sv, en)."))
    out: dict[Language, dict[str, str | None]] = {}
    for lang, texts in value.items():
        language = parse_enum(Language, lang, "letter_texts")
        if not isinstance(texts, Mapping):
            raise ServiceError(_("letter_texts: an object by language (fi, sv, en)."))
        unknown = sorted(set(texts) - set(LETTER_TEXT_FIELDS))
        if unknown:
            raise ServiceError(
                _("Unknown fields in the breach: {names}").format(names=", ".join(unknown))
            )
        out[language] = {key: _text(texts[key]) for key in LETTER_TEXT_FIELDS if key in texts}
    return out


def parse_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of `data`, typed; unknown names and bad values are refused."""
    if not isinstance(data, Mapping):
        raise ServiceError(_("The breach must be a JSON object."))
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise ServiceError(
            _("Unknown fields in the breach: {names}").format(names=", ".join(unknown))
        )
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name in TIMES:
            out[name] = parse_time(value, name)
        elif name in TEXTS:
            out[name] = _text(value)
        elif name in LINES:
            try:
                out[name] = _text(value, 300)
            except ServiceError as exc:
                raise ServiceError(f"{name}: {exc}") from None
        elif name in FLAGS:
            out[name] = _flag(value, name)
        elif name in COUNTS:
            out[name] = _count(value, name)
        elif name in ENUMS:
            out[name] = parse_enum(ENUMS[name], value, name)
        elif name in DATES:
            out[name] = _date(value, name)
        elif name in REFS:
            out[name] = _text(value)
        elif name == "nature":
            items = [value] if isinstance(value, str) else list(value or ())
            out[name] = frozenset(parse_enum(BreachNature, v, name) for v in items if v)
        elif name == "registers":
            out[name] = tuple(str(v).strip() for v in value or () if str(v).strip())
        elif name == "categories":
            out[name] = _categories(value)
        else:
            out[name] = _letter_texts(value)
    return out


def parse_notification(data: Mapping[str, Any]) -> NotificationInput:
    """{kind, at, reference, note} from JSON or the command line."""
    extra = sorted(set(data) - {"kind", "at", "reference", "note"})
    if extra:
        raise ServiceError(
            _("Unknown fields in the notification: {names}").format(names=", ".join(extra))
        )
    kind = parse_enum(NotificationKind, data.get("kind") or "complete", "kind")
    at = parse_time(data.get("at"), "at")
    if at is None:
        raise ServiceError(_("A notification needs the date and time it was sent."))
    return NotificationInput(kind, at, _text(data.get("reference"), 100), _text(data.get("note")))
