"""Typed settings of the installation, kept in the `settings` table as text.

Each known key has a `SettingSpec`: how its text is parsed and checked, its default,
and whether it may leave the database. Reading never writes, except the identity-code
hashing key, which is generated once (32 random bytes, stored hex) the first time a
write transaction needs it and is never shown, exported or put in the audit trail.

Other areas add their own keys with `register_setting(SettingSpec(...))`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.case_numbers import InvalidCaseNumber, normalise_prefix
from ..domain.deadlines import DEFAULT_PAUSE_POLICY, PausePolicy
from ..domain.supervisory_authority import OMBUDSMAN
from ..i18n import N_, _
from ..storage import models as m
from .context import ServiceContext, ServiceError, Transaction

CASE_PREFIX = "case.prefix"
PAUSE_POLICY = "deadline.pause_policy"
IDENTITY_HASH_KEY = "identity.hash_key"
ORGANISATION_NAME = "organisation.name"
OFFICER_NAME = "officer.name"
OFFICER_TITLE = "officer.title"
OFFICER_PHONE = "officer.phone"
OFFICER_EMAIL = "officer.email"
# Per-language values of what letters print (issue 10); the plain keys above are Finnish.
OFFICER_TITLE_SV = "officer.title.sv"
OFFICER_TITLE_EN = "officer.title.en"
ORGANISATION_NAME_SV = "organisation.name.sv"
ORGANISATION_NAME_EN = "organisation.name.en"
PO_BOX = {"fi": "letter.po_box.fi", "sv": "letter.po_box.sv", "en": "letter.po_box.en"}
AUTHORITY_NAME = "authority.name"
AUTHORITY_ADDRESS = "authority.address"
AUTHORITY_PHONE = "authority.phone"
AUTHORITY_EMAIL = "authority.email"
AUTHORITY_WEB = "authority.web"
BACKUP_FOLDER = "backup.folder"
BACKUP_KEEP = "backup.keep"
IDLE_LOCK_MINUTES = "lock.idle_minutes"
RETENTION_YEARS = "retention.closed_case_years"
BREACH_PREFIX = "breach.prefix"
BREACH_RETENTION_YEARS = "breach.retention_years"
DEFAULT_BREACH_PREFIX = "TL"  # tietoturvaloukkaus
# issue 17: the languages the organisation answers requests in (first-run setup); the
# intake offers the first as a new case's reply language.
REPLY_LANGUAGES = "organisation.reply_languages"


def _text(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _prefix(value: Any) -> str | None:
    try:
        return normalise_prefix(None if value is None else str(value))
    except InvalidCaseNumber as exc:
        raise ServiceError(str(exc)) from None


def _breach_prefix(value: Any) -> str:
    """Breach references always carry a prefix, so they never look like case numbers."""
    return _prefix(value) or DEFAULT_BREACH_PREFIX


def _languages(value: Any) -> str | None:
    """ "fi, sv" -> "fi,sv": known language codes only, in the order given."""
    from ..domain.enums import Language

    parts = value if isinstance(value, list | tuple) else str(value or "").split(",")
    codes = [str(part).strip().lower() for part in parts if str(part).strip()]
    allowed = [lang.value for lang in Language]
    wrong = [code for code in codes if code not in allowed]
    if wrong:
        raise ServiceError(_("Unknown language {code!r}: use fi, sv or en.").format(code=wrong[0]))
    return ",".join(dict.fromkeys(codes)) or None


def _years(value: Any) -> int | None:
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise ServiceError(
            _("{value!r} is not a number of years between 1 and 100.").format(value=text)
        )
    return int(text)


def _policy(value: Any) -> PausePolicy:
    if value is None or str(value).strip() == "":
        return DEFAULT_PAUSE_POLICY
    try:
        return PausePolicy(str(value).strip().lower())
    except ValueError:
        raise ServiceError(
            _("Unknown pause policy {value!r}: use one of {allowed}.").format(
                value=str(value), allowed=", ".join(p.value for p in PausePolicy)
            )
        ) from None


def _whole(low: int, high: int) -> Callable[[Any], int | None]:
    """A whole number from `low` to `high` (None: the default)."""

    def parse(value: Any) -> int | None:
        if value is None or str(value).strip() == "":
            return None
        text = str(value).strip()
        if not text.isdigit() or not low <= int(text) <= high:
            raise ServiceError(
                _("{value!r} is not a whole number from {low} to {high}.").format(
                    value=text[:40], low=low, high=high
                )
            )
        return int(text)

    return parse


def _folder(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if not (text.startswith(("/", "\\")) or (len(text) > 2 and text[1] == ":")):
        raise ServiceError(
            _("The backup folder must be a full path (such as {example}).").format(
                example="/home/officer/backups"
            )
        )
    return text


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str  # English gettext source (N_)
    parse: Callable[[Any], Any] = _text  # text or value -> typed value; ServiceError if bad
    default: Any = None
    private: bool = False  # never shown, exported, audited or set by hand

    def format(self, value: Any) -> str | None:
        """The stored text of a typed value (None deletes the row)."""
        return None if value is None else str(value)


_SPECS: dict[str, SettingSpec] = {}


def register_setting(spec: SettingSpec) -> None:
    _SPECS[spec.key] = spec


_OMBUDSMAN = OMBUDSMAN["fi"]

for _spec in (
    SettingSpec(CASE_PREFIX, N_("Case number prefix"), _prefix),
    SettingSpec(
        PAUSE_POLICY, N_("Pause policy of the deadline clock"), _policy, DEFAULT_PAUSE_POLICY
    ),
    SettingSpec(IDENTITY_HASH_KEY, N_("Identity code hashing key"), private=True),
    SettingSpec(ORGANISATION_NAME, N_("Organisation name")),
    SettingSpec(OFFICER_NAME, N_("Privacy officer's name")),
    SettingSpec(OFFICER_TITLE, N_("Privacy officer's title")),
    SettingSpec(OFFICER_PHONE, N_("Privacy officer's phone")),
    SettingSpec(OFFICER_EMAIL, N_("Privacy officer's email")),
    SettingSpec(OFFICER_TITLE_SV, N_("Privacy officer's title in Swedish letters")),
    SettingSpec(OFFICER_TITLE_EN, N_("Privacy officer's title in English letters")),
    SettingSpec(ORGANISATION_NAME_SV, N_("Organisation name in Swedish letters")),
    SettingSpec(ORGANISATION_NAME_EN, N_("Organisation name in English letters")),
    SettingSpec(PO_BOX["fi"], N_("Post office box in Finnish letters"), default="PL"),
    SettingSpec(PO_BOX["sv"], N_("Post office box in Swedish letters"), default="PB"),
    SettingSpec(PO_BOX["en"], N_("Post office box in English letters"), default="P.O. Box"),
    # The Office of the Data Protection Ombudsman (domain/supervisory_authority.py).
    SettingSpec(AUTHORITY_NAME, N_("Supervisory authority"), default=_OMBUDSMAN.name),
    SettingSpec(
        AUTHORITY_ADDRESS,
        N_("Supervisory authority's address"),
        default=f"{_OMBUDSMAN.po_box}, {_OMBUDSMAN.po_postcode} {_OMBUDSMAN.city}",
    ),
    SettingSpec(AUTHORITY_PHONE, N_("Supervisory authority's phone"), default=_OMBUDSMAN.phone),
    SettingSpec(AUTHORITY_EMAIL, N_("Supervisory authority's email"), default=_OMBUDSMAN.email),
    SettingSpec(AUTHORITY_WEB, N_("Supervisory authority's web site"), default=_OMBUDSMAN.web),
    # issue 14: the app's own safety and retention (docs/security.md)
    SettingSpec(BACKUP_FOLDER, N_("Folder of the automatic backups"), _folder),
    SettingSpec(BACKUP_KEEP, N_("Automatic backups kept"), _whole(1, 366), 7),
    SettingSpec(IDLE_LOCK_MINUTES, N_("Lock the window after idle minutes"), _whole(1, 240), 10),
    SettingSpec(RETENTION_YEARS, N_("Purge closed cases after years"), _whole(1, 100), 5),
    SettingSpec(
        BREACH_PREFIX, N_("Breach reference prefix"), _breach_prefix, DEFAULT_BREACH_PREFIX
    ),
    # No default: nothing is purged until the officer has set the period.
    SettingSpec(
        BREACH_RETENTION_YEARS,
        N_("Years a closed breach record is kept before it may be purged"),
        _years,
    ),
    SettingSpec(REPLY_LANGUAGES, N_("Reply languages (e.g. fi, sv)"), _languages, "fi"),
):
    register_setting(_spec)


# What must follow a change of a setting inside the same transaction, registered by the
# module that owns the consequence (the pause policy: services/requests/deadlines.py
# recomputes every stored deadline). Settings cannot import those modules: they read
# settings. A key listed in _MUST_HAVE_HOOKS refuses to change while nothing is
# registered, so a missing registration fails loudly instead of leaving stale dates.
ChangeHook = Callable[[Transaction], None]
_CHANGE_HOOKS: dict[str, list[ChangeHook]] = {}
_MUST_HAVE_HOOKS = frozenset({PAUSE_POLICY})


def on_change(key: str, hook: ChangeHook) -> None:
    """Run `hook(tx)` after `key` changed, in the transaction that changed it."""
    hooks = _CHANGE_HOOKS.setdefault(key, [])
    if hook not in hooks:
        hooks.append(hook)


def spec(key: str) -> SettingSpec:
    try:
        return _SPECS[key]
    except KeyError:
        raise ServiceError(_("Unknown setting: {key}").format(key=key)) from None


def known_keys() -> tuple[str, ...]:
    return tuple(k for k, s in _SPECS.items() if not s.private)


# ------------------------------------------------------------------------- reading


def read(session: Session, key: str) -> Any:
    """The typed value of `key` in an open session (its default when unset)."""
    item = spec(key)
    row = session.get(m.Setting, key)
    if row is None or row.value is None or row.value == "":
        return item.default
    value = item.parse(row.value)
    return item.default if value is None else value


def get(ctx: ServiceContext, key: str) -> Any:
    with ctx.read() as session:
        return read(session, key)


def all_settings(ctx: ServiceContext) -> dict[str, Any]:
    """Every public setting with its typed value (defaults included)."""
    with ctx.read() as session:
        return {key: read(session, key) for key in known_keys()}


def case_prefix(session: Session) -> str | None:
    return read(session, CASE_PREFIX)


def pause_policy(session: Session) -> PausePolicy:
    return read(session, PAUSE_POLICY)


# ------------------------------------------------------------------------- writing


def write(tx: Transaction, key: str, value: Any) -> tuple[Any, Any]:
    """Parse and store `value` inside a caller's transaction; the caller audits.

    Returns (before, after) as typed values.
    """
    item = spec(key)
    if item.private:
        raise ServiceError(_("The setting {key} cannot be changed by hand.").format(key=key))
    before = read(tx.session, key)
    typed = item.parse(value)
    text = item.format(typed)
    row = tx.session.get(m.Setting, key)
    if text is None:
        if row is not None:
            tx.session.delete(row)
    elif row is None:
        tx.session.add(m.Setting(key=key, value=text))
    else:
        row.value = text
    if typed != before:
        hooks = _CHANGE_HOOKS.get(key, [])
        if key in _MUST_HAVE_HOOKS and not hooks:
            raise RuntimeError(f"nothing follows a change of {key}")  # a programming error
        tx.session.flush()
        for hook in hooks:
            hook(tx)
    return before, typed


def set_value(ctx: ServiceContext, key: str, value: Any) -> Any:
    """Store one setting (None or "" resets it to its default); one audit event."""
    with ctx.change() as tx:
        before, after = write(tx, key, value)
        tx.audit("update", "setting", key, {"value": _plain(before)}, {"value": _plain(after)})
        return read(tx.session, key)


def set_many(ctx: ServiceContext, values: dict[str, Any]) -> dict[str, Any]:
    """Store several settings in one transaction and one audit event."""
    with ctx.change() as tx:
        before, after = {}, {}
        for key, value in values.items():
            old, new = write(tx, key, value)
            before[key], after[key] = _plain(old), _plain(new)
        tx.audit("update", "settings", None, before, after)
        return {key: read(tx.session, key) for key in values}


def _plain(value: Any) -> Any:
    return None if value is None else str(value)


# ------------------------------------------------------------------ identity key


def identity_hash_key(tx: Transaction) -> bytes:
    """The installation's HMAC key for identity codes, created on first use.

    Needs a write transaction: the first call stores a fresh key (32 bytes from
    `secrets`). The caller's audit event covers the write; the key itself is never
    put in the audit trail or the export (exchange_spec.PRIVATE_SETTINGS).
    """
    row = tx.session.get(m.Setting, IDENTITY_HASH_KEY)
    if row is not None and row.value:
        return bytes.fromhex(row.value)
    key = secrets.token_bytes(32)
    tx.session.add(m.Setting(key=IDENTITY_HASH_KEY, value=key.hex()))
    tx.session.flush()
    return key


def existing_identity_hash_key(session: Session) -> bytes | None:
    """The key if one was made already (reading never creates it)."""
    value = session.scalar(select(m.Setting.value).where(m.Setting.key == IDENTITY_HASH_KEY))
    return bytes.fromhex(value) if value else None
