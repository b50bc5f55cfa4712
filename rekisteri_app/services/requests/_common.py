"""Helpers every part of the request service shares: text cleaning, the clock, timeline
events, the audit snapshot, identity-code hashing, attachments, open pauses.

Kept below the use-case modules (intake, update, queries), which all import it.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ...domain.enums import PauseKind
from ...domain.identity_code import InvalidIdentityCode, identity_code_hash, validate_identity_code
from ...i18n import _
from ...storage import models as m
from .. import settings
from ..context import ServiceContext, ServiceError, Transaction
from ..exchange import entity_to_dict
from .inputs import AttachmentInput

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _now(ctx: ServiceContext) -> datetime:
    return ctx.now().replace(tzinfo=None)  # stored as naive UTC


def _event(tx: Transaction, req: m.RightsRequest, kind: str, data: Any = None) -> None:
    text = (
        data
        if isinstance(data, str) or data is None
        else json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    )
    req.events.append(m.CaseEvent(at=_now(tx.ctx), kind=kind, text=text, actor=tx.ctx.actor))


def add_event(tx: Transaction, req: m.RightsRequest, kind: str, data: Any = None) -> None:
    """A timeline event on the case, for use cases outside this package (letters)."""
    _event(tx, req, kind, data)


def snapshot(session: Session | None, req: m.RightsRequest) -> dict[str, Any]:
    """The case in its exchange form without file contents (for audit and display):
    the bytes are never read or encoded, so a write costs what it changes."""
    data = entity_to_dict(session, "requests", req, contents=False)
    for item, stored in zip(data.get("attachments") or [], req.attachments, strict=False):
        item["id"] = stored.id
        item["size"] = len(stored.content or b"")
    return data


def _hash_hetu(tx: Transaction, code: str) -> str:
    try:
        return identity_code_hash(code, settings.identity_hash_key(tx))
    except InvalidIdentityCode as exc:
        raise ServiceError(str(exc)) from None


def _check_hetu(code: str) -> None:
    """Validate before anything is written, so a bad code never creates the key."""
    try:
        validate_identity_code(code)
    except InvalidIdentityCode as exc:
        raise ServiceError(str(exc)) from None


def _attachment(ctx: ServiceContext, item: AttachmentInput) -> m.Attachment:
    name = _clean(item.filename)
    if not name:
        raise ServiceError(_("An attachment needs a file name."))
    if len(item.content) > MAX_ATTACHMENT_BYTES:
        raise ServiceError(_("{name} is too large to attach (over 50 MB).").format(name=name))
    media = item.media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return m.Attachment(
        filename=name[:300],
        media_type=media,
        content=item.content,
        sha256=hashlib.sha256(item.content).hexdigest(),
        added_at=_now(ctx),
    )


def _category_names(req: m.RightsRequest) -> dict[str, m.DataCategory]:
    out: dict[str, m.DataCategory] = {}
    for rr in req.registers:
        for cat in rr.register.data_categories:
            out.setdefault(cat.name.strip().casefold(), cat)
    return out


def _open_pause(req: m.RightsRequest, kind: PauseKind) -> m.Pause | None:
    for pause in req.pauses:
        if pause.kind == kind and pause.received_on is None:
            return pause
    return None
