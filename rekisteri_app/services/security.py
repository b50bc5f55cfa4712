"""The database's own safety: changing the passphrase, and the whole-file integrity check.

Changing the passphrase re-encrypts every page first and records the audit event only
once that succeeded, so the trail never claims a rekey that did not happen.

The integrity check is SQLCipher's page authentication and SQLite's structure check
(storage/integrity.py), the audit chain (storage/audit.py) and every check registered
with `register_check` — the place for checks of stored derived values, e.g. the stored
deadlines against a fresh computation (services/requests/deadlines.py registers
"Stored deadlines" when it is imported, which every front end's open does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..storage import audit
from ..storage.database import MIN_PASSPHRASE, verify_passphrase
from ..storage.errors import WeakPassphrase
from ..storage.integrity import IntegrityReport
from .context import ServiceContext

# name -> check(session) returning problem lines (no personal data: ids and numbers)
_CHECKS: dict[str, Callable[[Session], list[str]]] = {}


def register_check(name: str, check: Callable[[Session], list[str]]) -> None:
    _CHECKS[name] = check


def change_passphrase(ctx: ServiceContext, new: str, *, current: str | None = None) -> None:
    """Re-encrypt under `new`; with `current` (the window asks for it), prove it first.

    WrongPassphrase when `current` is wrong, WeakPassphrase when `new` is too short; the
    audit event `rekey` is written only after the rekey succeeded."""
    if current is not None:
        verify_passphrase(ctx.db.path, current)
    if len(new) < MIN_PASSPHRASE:
        raise WeakPassphrase(ctx.db.path, str(MIN_PASSPHRASE))
    ctx.db.rekey(new)
    with ctx.change() as tx:
        tx.audit("rekey", "database", None, None, None)


@dataclass(frozen=True)
class IntegrityResult:
    pages: IntegrityReport
    chain: audit.Verification | None
    other: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (
            self.pages.ok
            and self.chain is not None
            and self.chain.ok
            and not any(self.other.values())
        )


def check_integrity(ctx: ServiceContext) -> IntegrityResult:
    """Pages and structure first; the chain and the registered checks only when the file
    reads cleanly (a damaged page would fail them for the same reason)."""
    pages = ctx.db.check_integrity()
    if not pages.ok:
        return IntegrityResult(pages, None)
    with ctx.read() as session:
        chain = audit.verify(session)
        other = {name: list(check(session)) for name, check in sorted(_CHECKS.items())}
    return IntegrityResult(pages, chain, other)
