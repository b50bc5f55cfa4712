"""What every service call needs: the open database, who acts, and the clock.

`ctx.change(...)` is the single door for writes: one transaction, and an audit event
appended inside it. A write that forgets its audit event is refused at commit, so no
code path can change data silently.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..i18n import _
from ..storage import audit
from ..storage.database import Database

HELSINKI = ZoneInfo("Europe/Helsinki")


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "officer"


class ServiceError(ValueError):
    """Bad input or a refused operation; the message is translated for the user."""


class NotFound(ServiceError):
    pass


@dataclass
class Transaction:
    session: Session
    ctx: ServiceContext
    audited: int = 0

    def audit(
        self, action: str, entity: str, entity_id: Any, before: Any = None, after: Any = None
    ) -> None:
        self.session.flush()
        audit.append(
            self.session,
            at=self.ctx.now(),
            actor=self.ctx.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )
        self.audited += 1


@dataclass
class ServiceContext:
    db: Database
    actor: str = field(default_factory=_default_actor)
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def today(self) -> date:
        """Deadlines are calendar dates in Europe/Helsinki."""
        return self.clock().astimezone(HELSINKI).date()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.sessions() as session:
            yield session

    @contextmanager
    def change(self) -> Iterator[Transaction]:
        with self.db.sessions() as session, session.begin():
            tx = Transaction(session, self)
            wrote = []

            def _flush(sess, _ctx, _instances):
                if sess.new or sess.dirty or sess.deleted:
                    wrote.append(True)

            event.listen(session, "before_flush", _flush)
            try:
                yield tx
                session.flush()
                if wrote and not tx.audited:
                    raise RuntimeError("a change without an audit event")
            finally:
                event.remove(session, "before_flush", _flush)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ServiceError(message)


def not_found(kind: str, key: Any) -> NotFound:
    return NotFound(_("No {kind} found: {key}").format(kind=kind, key=key))
