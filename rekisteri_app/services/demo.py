"""The demo database: an invented utility group with four registers and 40 requests.

Everything is invented (people, companies, business IDs with valid check digits). It is
built as one exchange document and imported, so the demo exercises the same path as a
real import, and it contains one transfer on repealed SCCs so the checker has something
to show.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.deadlines import add_months

ORG = "Esimerkki Energia Oy"
NETWORK = "Esimerkki Sähköverkko Oy"

FIRST = ["Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Maija", "Niko", "Oona", "Pekka",
         "Riikka", "Sami", "Tuula", "Ville", "Elsa", "Onni", "Sofia", "Väinö", "Linnea", "Åke"]
LAST = ["Esimerkki", "Kuvitteellinen", "Testinen", "Mallikas", "Keksitty", "Harjoitus",
        "Demonen", "Näytteinen", "Kokeilu", "Sepite"]
STREETS = ["Koivukuja", "Männistöntie", "Rantapolku", "Lähdekatu", "Kalliotie", "Niittykuja"]


def _controllers() -> list[dict[str, Any]]:
    return [
        {"key": "energia", "name": ORG, "business_id": "2345678-0",
         "visiting_address": "Voimalatie 1, 40100 Jyväskylä",
         "postal_address": "PL 100, 40101 Jyväskylä", "phone": "014 000 1000",
         "email": "tietosuoja@esimerkkienergia.invalid", "web": "https://esimerkkienergia.invalid",
         "dpo_contact": "Tietosuojavastaava, tietosuoja@esimerkkienergia.invalid",
         "contacts": [{"name": "Aino Esimerkki", "role": "tietosuojavastaava",
                       "email": "tietosuoja@esimerkkienergia.invalid", "phone": "014 000 1001"}]},
        {"key": "verkko", "name": NETWORK, "business_id": "4567890-7",
         "visiting_address": "Voimalatie 1, 40100 Jyväskylä",
         "postal_address": "PL 100, 40101 Jyväskylä", "phone": "014 000 1100",
         "email": "verkko@esimerkkienergia.invalid", "contacts": []},
    ]


def _processors() -> list[dict[str, Any]]:
    return [
        {"key": "posti", "name": "Postiviesti Inc.", "country": "US",
         "address": "1 Example Plaza, Springfield", "email": "privacy@postiviesti.invalid",
         "services": ["uutiskirjeiden lähetys", "sähköpostimarkkinointi"],
         "dpa_signed_on": "2024-03-01", "dpa_review_on": "2027-03-01"},
        {"key": "pilvi", "name": "Asiakaspilvi Oy", "business_id": "5678901-2", "country": "FI",
         "services": ["asiakastietojärjestelmän ylläpito"],
         "dpa_signed_on": "2022-05-01", "dpa_review_on": "2025-05-01"},
        {"key": "puhelu", "name": "Puhelupalvelu Oy", "business_id": "6789012-4",
         "country": "FI", "services": ["puheluiden tallennus"],
         "dpa_signed_on": "2023-09-15", "dpa_review_on": "2026-12-31"},
        {"key": "data", "name": "Lämpödata Analytics Pvt Ltd", "country": "IN",
         "services": ["kulutusanalytiikka"], "parent": "pilvi"},
    ]


def _common(name: str, purposes: list[str], bases: list[dict], categories: list[tuple],
            **extra: Any) -> dict[str, Any]:
    reg: dict[str, Any] = {
        "name": name,
        "controllers": [{"controller": "energia", "role": "controller"},
                        {"controller": "verkko", "role": "group-company"}],
        "purposes": purposes,
        "legal_bases": bases,
        "subject_groups": [{"name": "asiakkaat"}, {"name": "asiakkaiden yhteyshenkilöt"}],
        "data_categories": [{"key": f"{name}:{n}", "heading": h, "name": n}
                            for h, n in categories],
        "retention_rules": [],
        "sources": [{"name": "rekisteröity itse", "kind": "data-subject"},
                    {"name": "Väestötietojärjestelmä (DVV)", "kind": "public-register"}],
        "recipients": [{"name": "viranomaiset lain edellyttämissä tapauksissa",
                        "kind": "authority"}],
        "processors": [{"processor": "pilvi", "service": "järjestelmän ylläpito"}],
        "transfers": [],
        "security_measures": [
            {"kind": "technical", "text": "palomuurit, salasanat ja salattu tietoliikenne"},
            {"kind": "organisational", "text": "käyttöoikeudet vain tehtävien mukaan; "
                                               "vaitiolositoumukset"},
            {"kind": "manual", "text": "paperiaineisto lukituissa tiloissa"}],
        "automated_decisions": [],
        "rights": [{"right": r, "description": None} for r in
                   ("access", "rectification", "erasure", "restriction", "objection",
                    "portability", "consent-withdrawal")],
        "rights_instructions": "Pyynnöt kirjallisesti ja allekirjoitettuna osoitteeseen "
                               "Esimerkki Energia Oy, Tietosuoja, PL 100, 40101 Jyväskylä.",
        "identity_proof": "Rekisteröidyn tulee todistaa henkilöllisyytensä luotettavasti.",
        "response_time": "Vastaamme kuukauden kuluessa pyynnön saamisesta.",
        "request_address": "Esimerkki Energia Oy, Tietosuoja, PL 100, 40101 Jyväskylä",
        "provision_requirement": "Sopimuksen tekeminen edellyttää perustietoja.",
        "changes_policy": "Päivitämme selostetta, kun käsittely muuttuu.",
        "notice_versions": [{"version": "1", "issued_on": "2025-01-15"}],
    }
    reg.update(extra)
    return reg


def _registers() -> list[dict[str, Any]]:
    customer = _common(
        "Asiakasrekisteri",
        ["asiakassuhteen hoitaminen ja kehittäminen", "sähkön ja lämmön toimitus",
         "laskutus, maksujen valvonta ja perintä", "lakisääteisten velvoitteiden hoitaminen"],
        [{"article": "6.1.b", "description": "asiakassopimus"},
         {"article": "6.1.c", "national_law": "sähkömarkkinalaki (588/2013)"},
         {"article": "6.1.f", "description": "asiakassuhteen kehittäminen"}],
        [("Asiakastiedot", "nimi"), ("Asiakastiedot", "henkilötunnus"),
         ("Asiakastiedot", "yhteystiedot"), ("Käyttöpaikka", "käyttöpaikan tunnus"),
         ("Käyttöpaikka", "kulutustiedot"), ("Laskutus", "laskutus- ja maksutiedot")],
        key="asiakas")
    customer["retention_rules"] = [
        {"data_category": "Asiakasrekisteri:laskutus- ja maksutiedot", "period_value": 10,
         "period_unit": "years", "trigger": "sopimuksen päättymisestä",
         "legal_ground": "kuluttaja-asiakkaan laskutuksen oikaisuvelvoite"},
        {"data_category": "Asiakasrekisteri:kulutustiedot", "period_value": 6,
         "period_unit": "years", "trigger": "mittauksesta"}]
    customer["sources"].append({"name": "Fingrid Datahub Oy", "kind": "market-party"})
    customer["recipients"].append({"name": "perintätoimisto", "kind": "debt-collection"})
    customer["automated_decisions"] = [{
        "description": "sopimuskelpoisuuden automaattinen tarkistus verkkopalvelussa",
        "logic": "luottotietomerkintä estää sopimuksen ilman vakuutta",
        "consequences": "asiakasta pyydetään asettamaan vakuus", "is_profiling": False}]

    marketing = _common(
        "Markkinointirekisteri",
        ["suoramarkkinointi ja uutiskirjeet", "asiakastyytyväisyyskyselyt"],
        [{"article": "6.1.a", "description": "suostumus sähköiseen markkinointiin"}],
        [("Markkinointitiedot", "nimi"), ("Markkinointitiedot", "sähköpostiosoite"),
         ("Markkinointitiedot", "markkinointiluvat ja -kiellot")],
        key="markkinointi")
    marketing["processors"].append({"processor": "posti", "service": "uutiskirjeiden lähetys"})
    marketing["transfers"] = [{"country": "US", "recipient": "Postiviesti Inc.",
                               "processor": "posti", "safeguard": "dpf",
                               "dpf_checked_on": "2026-09-01"}]
    marketing["retention_rules"] = [{"period_value": 1, "period_unit": "years",
                                     "trigger": "suostumuksen peruuttamisesta"}]

    calls = _common(
        "Puhelutallenteet",
        ["asiakaspalvelun laadun kehittäminen", "sopimusten ja laskutusasioiden varmentaminen"],
        [{"article": "6.1.f", "description": "oikeutettu etu: palvelun laatu ja "
                                              "väitteiltä puolustautuminen"}],
        [("Tallenteet", "puhelutallenteet"), ("Tallenteet", "soittajan puhelinnumero")],
        key="puhelut")
    calls["processors"] = [{"processor": "puhelu", "service": "puheluiden tallennus"}]
    calls["retention_rules"] = [{"data_category": "Puhelutallenteet:puhelutallenteet",
                                 "period_value": 1, "period_unit": "years",
                                 "trigger": "puhelusta"}]

    heating = _common(
        "Kaukolämmön asiakasrekisteri",
        ["kaukolämmön toimitus ja laskutus", "kulutuksen analysointi"],
        [{"article": "6.1.b", "description": "kaukolämpösopimus"},
         {"article": "6.1.c", "national_law": "energiatehokkuuslaki (1429/2014)"}],
        [("Asiakastiedot", "nimi"), ("Asiakastiedot", "osoite"),
         ("Käyttöpaikka", "lämmönkulutus")],
        key="kaukolampo")
    heating["processors"].append({"processor": "data", "service": "kulutusanalytiikka"})
    heating["transfers"] = [{"country": "IN", "recipient": "Lämpödata Analytics Pvt Ltd",
                             "processor": "data", "safeguard": "scc-2010-87",
                             "description": "Vakiosopimuslausekkeet, päätös C(2010)593"}]
    heating["retention_rules"] = [{"period_value": 10, "period_unit": "years",
                                   "trigger": "asiakassuhteen päättymisestä"}]
    return [customer, marketing, calls, heating]


STATUSES = ["received"] * 6 + ["awaiting"] * 6 + ["in-progress"] * 10 + ["extended"] * 3 \
    + ["answered"] * 7 + ["closed"] * 8
RIGHTS = ["access", "access", "access", "erasure", "rectification", "marketing-ban",
          "consent-withdrawal", "objection", "portability", "restriction"]


def _requests(today: date, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    sequences: dict[int, int] = {}
    plan = []
    for status in STATUSES:
        age = {"received": rng.randint(0, 6), "awaiting": rng.randint(5, 25),
               "in-progress": rng.randint(3, 40), "extended": rng.randint(25, 60),
               "answered": rng.randint(20, 120), "closed": rng.randint(60, 330)}[status]
        plan.append((today - timedelta(days=age), status))
    plan.sort()
    registers = ["asiakas", "markkinointi", "puhelut", "kaukolampo"]
    for received, status in plan:
        seq = sequences[received.year] = sequences.get(received.year, 0) + 1
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        address = f"{rng.choice(STREETS)} {rng.randint(1, 40)}, 40{rng.randint(100, 999)} " \
                  "Jyväskylä"
        rights = sorted({rng.choice(RIGHTS) for _ in range(rng.randint(1, 2))})
        represented = rng.random() < 0.15
        req: dict[str, Any] = {
            "case_number": f"{received.year}-{seq:04d}", "received_on": received.isoformat(),
            "logged_at": f"{received.isoformat()}T09:{rng.randint(10, 59)}:00",
            "channel": rng.choice(["post", "post", "post", "email", "eservice", "phone",
                                   "in-person"]),
            "language": rng.choice(["fi"] * 8 + ["sv", "en"]),
            "status": status, "controller": "energia",
            "subject": {"name": name, "address": address},
            "requester": ({"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                           "address": "Lakimiehenkatu 1, 00100 Helsinki"}
                          if represented else None),
            "authority": "power-of-attorney" if represented else "self",
            "authority_checked_on": received.isoformat() if represented else None,
            "registers": rng.sample(registers, rng.randint(1, 2)),
            "rights": [], "identity_checks": [], "pauses": [], "events": [],
        }
        done = status in ("answered", "closed")
        for right in rights:
            outcome = "pending"
            ground = None
            if done:
                outcome = rng.choice(["granted", "granted", "partly", "refused"])
                if outcome in ("partly", "refused"):
                    ground = "art-17-3-b" if right == "erasure" else "art-12-5"
            req["rights"].append({"right": right, "outcome": outcome, "legal_ground": ground,
                                  "reason": "laskutuksen oikaisuvelvoite 10 vuotta"
                                  if ground == "art-17-3-b" else
                                  ("toistuva pyyntö" if ground else None),
                                  "decided_on": (received + timedelta(days=20)).isoformat()
                                  if done else None, "erasures": []})
        if status != "received":
            req["identity_checks"].append({"method": "signed-letter-address",
                                           "verified_by": "Aino Esimerkki",
                                           "verified_on": (received + timedelta(days=3))
                                           .isoformat()} if status != "awaiting" else None)
            req["identity_checks"] = [c for c in req["identity_checks"] if c]
        if status == "awaiting":
            req["pauses"].append({"kind": "identity",
                                  "asked_on": (received + timedelta(days=2)).isoformat()})
        if status == "extended":
            req["extended_on"] = (received + timedelta(days=20)).isoformat()
            req["extension_reasons"] = "Pyyntö koskee useita rekistereitä ja laajaa aineistoa."
        if done:
            req["answered_on"] = min(add_months(received, 1), today).isoformat()
        if status == "closed":
            req["closed_on"] = min(add_months(received, 1) + timedelta(days=7),
                                   today).isoformat()
        req["events"].append({"at": req["logged_at"], "kind": "intake",
                              "text": "Pyyntö kirjattu"})
        out.append(req)
    return out


def demo_document(today: date, seed: int = 2026) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "format": "rekisteri", "version": 1,
        "settings": {"organisation.name": ORG, "officer.name": "Aino Esimerkki",
                     "officer.title": "tietosuojavastaava"},
        "controllers": _controllers(),
        "processors": _processors(),
        "registers": _registers(),
        "requests": _requests(today, rng),
    }


def create_demo(path: Path | str, passphrase: str, *, today: date | None = None) -> Path:
    """Create a new encrypted database at `path` filled with the demo data."""
    from ..storage.database import Database
    from .context import ServiceContext
    from .exchange import import_document

    today = today or datetime.now(UTC).date()
    with Database.create(Path(path), passphrase) as db:
        import_document(ServiceContext(db, actor="demo"), demo_document(today))
    return Path(path)
