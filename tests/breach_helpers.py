"""Shared set-up for the breach tests (no tests here): an organisation, a clock near the
October change of time, a recorded breach, texts for the letters, a recipient list."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from rekisteri_app.services import breaches as br
from rekisteri_app.services import settings
from rekisteri_app.services.context import ServiceContext
from tests.conftest import FixedClock
from tests.test_requests_helpers import load_organisation

OFFICER = {
    "officer.name": "Aino Virtanen",
    "officer.title": "tietosuojavastaava",
    "officer.phone": "014 000 0002",
    "officer.email": "aino.virtanen@esimerkki.invalid",
}

# Saturday 24.10.2026 12:00 in Helsinki (09:00 UTC), a day after becoming aware.
SATURDAY_NOON = datetime(2026, 10, 24, 9, 0, tzinfo=UTC)

LETTER_TEXTS = {
    "fi": {
        "description": "Laskunne lähetettiin 22.10.2026 virheellisesti toiselle asiakkaalle.",
        "consequences": "Vieras henkilö on voinut nähdä nimenne, osoitteenne ja kulutuksenne.",
        "measures": "Pyysimme vastaanottajaa hävittämään laskun ja korjasimme osoitteiston.",
        "advice": "Teidän ei tarvitse tehdä mitään. Olkaa tarkkana epäilyttävien viestien kanssa.",
    },
    "sv": {
        "description": "Er faktura skickades av misstag till en annan kund.",
        "consequences": "En utomstående kan ha sett ert namn, er adress och er förbrukning.",
        "measures": "Vi bad mottagaren att förstöra fakturan och rättade adressregistret.",
        "advice": "Ni behöver inte göra något. Var uppmärksam på misstänkta meddelanden.",
    },
}

# Semicolons, a Finnish header and Windows-1252, as Excel saves a CSV in Finland.
THREE_RECIPIENTS = (
    "Nimi;Katuosoite;Postinumero;Postitoimipaikka;Kieli\r\n"
    "Matti Meikäläinen;Kuja 1;40100;Jyväskylä;fi\r\n"
    "Maija Möttönen;Polku 2 B 7;40200;Jyväskylä;\r\n"
    "Åsa Öberg;Gatan 3;65100;Vasa;fi\r\n"
).encode("cp1252")


def breach_ctx(db, when: datetime = SATURDAY_NOON) -> ServiceContext:
    return ServiceContext(db, actor="tester", clock=FixedClock(when))


def organisation(ctx: ServiceContext) -> None:
    load_organisation(ctx)
    settings.set_many(ctx, OFFICER)


def misdirected_invoices(ctx: ServiceContext, **fields: Any) -> str:
    """Invoices posted to the wrong customers, known on Friday 23.10.2026 at 10:00."""
    data: dict[str, Any] = {
        "aware_at": "2026-10-23 10:00",
        "nature": ["confidentiality"],
        "description": "Laskuajo yhdisti 40 asiakkaan laskut vääriin osoitteisiin.",
        "registers": ["Asiakasrekisteri"],
        "categories": ["nimi", {"name": "kulutustiedot", "special": False}],
    }
    data.update(fields)
    return br.add_breach(ctx, data)


def complete_record() -> dict[str, Any]:
    """Everything the notification draft can print."""
    return {
        "occurred_from": "2026-10-22 06:00",
        "occurred_to": "2026-10-22 07:30",
        "discovered_how": "Asiakas soitti saaneensa toisen asiakkaan laskun.",
        "discovered_by": "asiakaspalvelu",
        "subject_groups": "Sähkön asiakkaat",
        "subject_count": 40,
        "record_count": 40,
        "consequences": "Nimi, osoite ja kulutus paljastuivat toiselle asiakkaalle.",
        "risk_level": "risk",
        "risk_reasoning": "Ei erityisiä henkilötietoryhmiä eikä taloudellisia tietoja.",
        "measures_taken": "Laskut pyydettiin hävittämään; laskuajo korjattiin.",
        "measures_proposed": "Laskuajon tarkistuslista.",
        "notify_decision": "notify",
    }
