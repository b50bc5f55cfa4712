"""Demo breaches for `rekisteri demo` and the screenshots: invented events of an energy
company, recorded through the breach service as the officer would, around `today`.

One breach is due within hours, one was notified in time with its Art. 34 letters sent to
three (invented) customers, one was reported by a processor, and one was closed without
notifying (the stolen laptop's disk was encrypted).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from ...domain import breaches as rules
from .. import settings
from ..context import ServiceContext
from .inputs import parse_notification
from .letters import import_recipients, issue_letters
from .record import add_breach, add_note, update_breach

RECIPIENTS = (
    "nimi;katuosoite;postinumero;postitoimipaikka;kieli\n"
    "Eero Esimerkki;Koivukuja 4;40100;Jyväskylä;fi\n"
    "Helmi Kuvitteellinen;Rantapolku 12 A 3;40520;Jyväskylä;fi\n"
    "Oskari Keksitty;Lähdekatu 7;40320;Jyväskylä;fi\n"
).encode()

INVOICE_TEXTS = {
    "fi": {
        "description": (
            "Laskutusjärjestelmän virheen vuoksi laskunne postitettiin toiselle asiakkaalle. "
            "Laskussa näkyivät nimenne, osoitteenne, käyttöpaikkanne ja sähkön kulutus."
        ),
        "consequences": (
            "Vieras henkilö on voinut nähdä tietonne. Tietoja voidaan yrittää käyttää "
            "huijausviesteissä, joissa esiinnytään energiayhtiönä."
        ),
        "measures": (
            "Pyysimme väärät laskut palauttamaan tai hävittämään, korjasimme laskuajon ja "
            "lähetimme teille uuden laskun."
        ),
        "advice": (
            "Teidän ei tarvitse tehdä mitään. Emme koskaan kysy pankkitunnuksia "
            "sähköpostilla tai puhelimessa; jos saatte tällaisen viestin, älkää vastatko."
        ),
    }
}


def add_demo_breaches(db: Any, today: Any) -> list[str]:
    """Record the demo breaches; returns their references."""
    # noon of `today`, or now when the demo is made this morning (nothing in the future)
    noon = datetime.combine(today, time(12, 0), rules.HELSINKI).astimezone(UTC)
    noon = min(noon, datetime.now(UTC).replace(second=0, microsecond=0))
    now = [noon - timedelta(days=45)]
    ctx = ServiceContext(db, actor="aino", clock=lambda: now[0])

    def at(hours_before_noon: float) -> str:
        return rules.format_local(noon - timedelta(hours=hours_before_noon))

    if not settings.get(ctx, settings.OFFICER_EMAIL):
        settings.set_value(ctx, settings.OFFICER_EMAIL, "tietosuoja@esimerkkienergia.invalid")
    references = []

    # A stolen laptop, encrypted: documented, not notified, closed.
    now[0] = noon - timedelta(days=40)
    laptop = add_breach(
        ctx,
        {
            "aware_at": at(40 * 24 + 3),
            "nature": ["confidentiality", "availability"],
            "description": "Asentajan kannettava tietokone varastettiin huoltoautosta.",
            "discovered_how": "Asentaja ilmoitti varkaudesta esihenkilölleen.",
            "discovered_by": "asentaja",
            "registers": ["Asiakasrekisteri"],
            "categories": ["nimi", "yhteystiedot", "käyttöpaikan tunnus"],
            "subject_groups": "Asennuskohteiden asiakkaat",
            "subject_count": 120,
            "consequences": "Ei todennäköisiä seurauksia: levy on salattu (BitLocker).",
            "risk_level": "none",
            "risk_reasoning": "Koko levyn salaus, avain ei ollut laitteessa.",
            "measures_taken": "Laite poistettiin etähallinnasta; rikosilmoitus tehty.",
            "notify_decision": "not-required",
            "decision_reasons": "Salattu levy: loukkaus ei todennäköisesti aiheuta riskiä.",
        },
    )
    now[0] = noon - timedelta(days=39)
    update_breach(ctx, laptop, {"closed_on": (today - timedelta(days=39)).isoformat()})
    references.append(laptop)

    # A processor's exposed server: notified within 30 hours.
    now[0] = noon - timedelta(days=10)
    exposed = add_breach(
        ctx,
        {
            "aware_at": at(10 * 24 + 2),
            "nature": ["confidentiality"],
            "description": (
                "Uutiskirjeen postituspalvelun palvelin oli vuorokauden ajan avoinna internetiin."
            ),
            "processor": "Postiviesti Inc.",
            "processor_reported_at": at(10 * 24 + 2),
            "registers": ["Markkinointirekisteri"],
            "subject_groups": "Uutiskirjeen tilaajat",
            "subject_count": 2300,
            "record_count": 2300,
            "consequences": (
                "Sähköpostiosoitteet voivat päätyä roskapostin tai kalastelun kohteeksi."
            ),
            "risk_level": "risk",
            "measures_taken": "Käsittelijä sulki palvelimen ja vaihtoi tunnukset.",
            "measures_proposed": "Käsittelijän auditointi ennen sopimuksen jatkamista.",
            "notify_decision": "notify",
        },
    )
    now[0] = noon - timedelta(hours=9 * 24 - 5)
    update_breach(
        ctx,
        exposed,
        notification=parse_notification(
            {"kind": "complete", "at": at(9 * 24 - 4), "reference": "TSV/4412/2026"}
        ),
    )
    references.append(exposed)

    # Invoices to the wrong customers: high risk, notified, letters sent.
    now[0] = noon - timedelta(hours=20)
    invoices = add_breach(
        ctx,
        {
            "aware_at": at(22),
            "nature": ["confidentiality"],
            "description": (
                "Laskuajon virhe yhdisti 40 asiakkaan laskut vääriin postiosoitteisiin."
            ),
            "discovered_how": "Asiakas soitti saaneensa toisen asiakkaan laskun.",
            "discovered_by": "asiakaspalvelu",
            "occurred_from": at(30),
            "occurred_to": at(29),
            "registers": ["Asiakasrekisteri"],
            "categories": ["nimi", "yhteystiedot", "kulutustiedot", "laskutus- ja maksutiedot"],
            "subject_groups": "Sähkön asiakkaat",
            "subject_count": 40,
            "record_count": 40,
            "consequences": (
                "Nimi, osoite ja kulutus paljastuivat toiselle asiakkaalle; tietoja voidaan "
                "käyttää kalasteluun."
            ),
            "risk_level": "high",
            "risk_reasoning": "Laskutustiedot ja kulutus paljastavat asumisen tapoja.",
            "measures_taken": "Väärät laskut pyydettiin hävittämään; laskuajo korjattiin.",
            "notify_decision": "notify",
            "letter_texts": INVOICE_TEXTS,
        },
    )
    now[0] = noon - timedelta(hours=6)
    update_breach(
        ctx,
        invoices,
        notification=parse_notification(
            {"kind": "preliminary", "at": at(6.5), "reference": "TSV/5120/2026"}
        ),
    )
    import_recipients(ctx, invoices, RECIPIENTS)
    now[0] = noon - timedelta(hours=2)
    issue_letters(ctx, invoices, "fi", "post")
    update_breach(
        ctx,
        invoices,
        {"subjects_informed_at": at(2), "subjects_informed_how": "kirjeellä (Art. 34)"},
    )
    references.append(invoices)

    # An e-mail to the wrong customer this morning: the clock is running.
    now[0] = noon - timedelta(hours=1)
    email = add_breach(
        ctx,
        {
            "aware_at": at(62),
            "nature": ["confidentiality"],
            "description": "Asiakaspalvelu lähetti sopimusluonnoksen väärälle asiakkaalle.",
            "registers": ["Asiakasrekisteri"],
            "categories": ["nimi", "yhteystiedot"],
            "subject_count": 1,
        },
    )
    add_note(ctx, email, "Vastaanottajaa pyydetty poistamaan viesti; odotetaan vahvistusta.")
    references.append(email)
    return references
