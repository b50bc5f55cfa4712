"""Shared set-up for the rights-request tests (no tests here): an organisation, an intake."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select, text

from rekisteri_app.domain.enums import Authority, Channel, Language, Right
from rekisteri_app.services import exchange
from rekisteri_app.services import requests as rq
from rekisteri_app.storage import models as m
from tests.exchange_samples import full_document

HETU = "131052-308T"  # the check-digit example of the Population Register Centre


def organisation_document() -> dict[str, Any]:
    doc = full_document()
    doc["requests"] = []
    doc["letter_templates"] = []
    # a letter from the network company must be answerable by post (issue 10)
    doc["controllers"][1]["postal_address"] = "PL 2\n40101 Jyväskylä"
    doc["registers"].append(
        {
            "key": "markkinointi",
            "name": "Markkinointirekisteri",
            "controllers": [{"controller": "ee", "role": "controller"}],
            "data_categories": [{"key": "sposti", "name": "sähköpostiosoite"}],
            "recipients": [{"name": "Postitus Inc.", "kind": "service-provider"}],
        }
    )
    return doc


def load_organisation(ctx) -> None:
    exchange.import_document(ctx, organisation_document())


def intake(
    received: date = date(2026, 11, 2),
    *,
    rights=(Right.ACCESS,),
    name: str = "Matti Meikäläinen",
    address: str | None = "Kuja 1, 40100 Jyväskylä",
    hetu: str | None = None,
    **kw,
) -> rq.Intake:
    kw.setdefault("controller", "Esimerkki Energia Oy")
    return rq.Intake(
        received_on=received,
        channel=kw.pop("channel", Channel.POST),
        language=kw.pop("language", Language.FI),
        rights=tuple(rights),
        subject=rq.PersonInput(name, address, hetu=hetu),
        **kw,
    )


def represented(received: date = date(2026, 11, 2), **kw) -> rq.Intake:
    return intake(
        received,
        requester=rq.PersonInput("Liisa Asianajaja", "Katu 2, Helsinki"),
        authority=Authority.POWER_OF_ATTORNEY,
        **kw,
    )


def audit_count(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count(m.AuditEvent.id)))


def state(ctx) -> tuple[str, int]:
    """Everything stored, to prove a refused call changed nothing."""
    return exchange.export_json(ctx), audit_count(ctx)


def every_stored_text(ctx) -> str:
    """All values of all tables, as text (what an attacker with the key would see)."""
    parts = []
    with ctx.read() as s:
        tables = [
            r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        ]
        for table in tables:
            for row in s.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if isinstance(value, bytes):
                        parts.append(value.decode("latin-1"))
                    else:
                        parts.append(str(value))
    return "\n".join(parts)
