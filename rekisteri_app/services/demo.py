"""The demo database: an invented utility group with four registers and 40 requests.

Everything is invented (people, companies, business IDs with valid check digits). It is
built as one exchange document and imported, so the demo exercises the same path as a
real import, and it contains one transfer on repealed SCCs so the checker has something
to show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from .context import HELSINKI

ORG = "Esimerkki Energia Oy"
NETWORK = "Esimerkki Sähköverkko Oy"

FIRST = [
    "Aino",
    "Eero",
    "Helmi",
    "Juho",
    "Kaisa",
    "Lauri",
    "Maija",
    "Niko",
    "Oona",
    "Pekka",
    "Riikka",
    "Sami",
    "Tuula",
    "Ville",
    "Elsa",
    "Onni",
    "Sofia",
    "Väinö",
    "Linnea",
    "Åke",
]
LAST = [
    "Esimerkki",
    "Kuvitteellinen",
    "Testinen",
    "Mallikas",
    "Keksitty",
    "Harjoitus",
    "Demonen",
    "Näytteinen",
    "Kokeilu",
    "Sepite",
]
STREETS = ["Koivukuja", "Männistöntie", "Rantapolku", "Lähdekatu", "Kalliotie", "Niittykuja"]


def _controllers() -> list[dict[str, Any]]:
    return [
        {
            "key": "energia",
            "name": ORG,
            "business_id": "2345678-0",
            "controller_type": "company",
            "visiting_address": "Voimalatie 1, 40100 Jyväskylä",
            "postal_address": "PL 100, 40101 Jyväskylä",
            "phone": "014 000 1000",
            "email": "tietosuoja@esimerkkienergia.invalid",
            "web": "https://esimerkkienergia.invalid",
            "dpo_contact": "Tietosuojavastaava, tietosuoja@esimerkkienergia.invalid",
            "contacts": [
                {
                    "name": "Aino Esimerkki",
                    "role": "tietosuojavastaava",
                    "email": "tietosuoja@esimerkkienergia.invalid",
                    "phone": "014 000 1001",
                }
            ],
        },
        {
            "key": "verkko",
            "name": NETWORK,
            "business_id": "4567890-7",
            "controller_type": "company",
            "visiting_address": "Voimalatie 1, 40100 Jyväskylä",
            "postal_address": "PL 100, 40101 Jyväskylä",
            "phone": "014 000 1100",
            "email": "verkko@esimerkkienergia.invalid",
            "contacts": [],
        },
    ]


def _processors() -> list[dict[str, Any]]:
    return [
        {
            "key": "posti",
            "name": "Postiviesti Inc.",
            "country": "US",
            "address": "1 Example Plaza, Springfield",
            "email": "privacy@postiviesti.invalid",
            "services": ["uutiskirjeiden lähetys", "sähköpostimarkkinointi"],
            "dpa_signed_on": "2024-03-01",
            "dpa_review_on": "2027-03-01",
        },
        {
            "key": "pilvi",
            "name": "Asiakaspilvi Oy",
            "business_id": "5678901-2",
            "country": "FI",
            "services": ["asiakastietojärjestelmän ylläpito"],
            "dpa_signed_on": "2022-05-01",
            "dpa_review_on": "2025-05-01",
        },
        {
            "key": "puhelu",
            "name": "Puhelupalvelu Oy",
            "business_id": "6789012-4",
            "country": "FI",
            "services": ["puheluiden tallennus"],
            "dpa_signed_on": "2023-09-15",
            "dpa_review_on": "2026-12-31",
        },
        {
            "key": "data",
            "name": "Lämpödata Analytics Pvt Ltd",
            "country": "IN",
            "services": ["kulutusanalytiikka"],
            "parent": "pilvi",
        },
    ]


def _common(
    name: str, purposes: list[str], bases: list[dict], categories: list[tuple], **extra: Any
) -> dict[str, Any]:
    reg: dict[str, Any] = {
        "name": name,
        "controllers": [
            {"controller": "energia", "role": "controller"},
            {"controller": "verkko", "role": "group-company"},
        ],
        "purposes": purposes,
        "legal_bases": bases,
        "subject_groups": [{"name": "asiakkaat"}, {"name": "asiakkaiden yhteyshenkilöt"}],
        "data_categories": [{"key": f"{name}:{n}", "heading": h, "name": n} for h, n in categories],
        "retention_rules": [],
        "sources": [
            {"name": "rekisteröity itse", "kind": "data-subject"},
            {"name": "Väestötietojärjestelmä (DVV)", "kind": "public-register"},
        ],
        "recipients": [
            {"name": "viranomaiset lain edellyttämissä tapauksissa", "kind": "authority"}
        ],
        "processors": [{"processor": "pilvi", "service": "järjestelmän ylläpito"}],
        "transfers": [],
        "security_measures": [
            {"kind": "technical", "text": "palomuurit, salasanat ja salattu tietoliikenne"},
            {
                "kind": "organisational",
                "text": "käyttöoikeudet vain tehtävien mukaan; vaitiolositoumukset",
            },
            {"kind": "manual", "text": "paperiaineisto lukituissa tiloissa"},
        ],
        "automated_decisions": [],
        "rights": [
            {"right": r, "description": None}
            for r in (
                "access",
                "rectification",
                "erasure",
                "restriction",
                "objection",
                "portability",
                "consent-withdrawal",
            )
        ],
        "rights_instructions": "Pyynnöt kirjallisesti ja allekirjoitettuna osoitteeseen "
        "Esimerkki Energia Oy, Tietosuoja, PL 100, 40101 Jyväskylä.",
        "identity_proof": "Rekisteröidyn tulee todistaa henkilöllisyytensä luotettavasti.",
        "response_time": "Vastaamme kuukauden kuluessa pyynnön saamisesta.",
        "request_address": "Esimerkki Energia Oy, Tietosuoja, PL 100, 40101 Jyväskylä",
        "provision_requirement": "Sopimuksen tekeminen edellyttää perustietoja.",
        "changes_policy": "Päivitämme selostetta, kun käsittely muuttuu.",
        "notice_versions": [{"version": "1", "issued_on": "2025-01-15"}],
        "statements": [{"kind": "identity-proof-required"}],
    }
    reg.update(extra)
    return reg


def _stated(reg: dict[str, Any]) -> dict[str, Any]:
    """What the officer states about a demo register: the notice says "no transfers" or
    "no automated decisions" only when it is recorded."""
    if not reg["transfers"]:
        reg["statements"].append({"kind": "no-transfers"})
    if not reg["automated_decisions"]:
        reg["statements"].append({"kind": "no-automated-decisions"})
    return reg


def _registers() -> list[dict[str, Any]]:
    customer = _common(
        "Asiakasrekisteri",
        [
            "asiakassuhteen hoitaminen ja kehittäminen",
            "sähkön ja lämmön toimitus",
            "laskutus, maksujen valvonta ja perintä",
            "lakisääteisten velvoitteiden hoitaminen",
        ],
        [
            {"article": "6.1.b", "description": "asiakassopimus"},
            {"article": "6.1.c", "national_law": "sähkömarkkinalaki (588/2013)"},
            {"article": "6.1.f", "description": "asiakassuhteen kehittäminen"},
        ],
        [
            ("Asiakastiedot", "nimi"),
            ("Asiakastiedot", "henkilötunnus"),
            ("Asiakastiedot", "yhteystiedot"),
            ("Käyttöpaikka", "käyttöpaikan tunnus"),
            ("Käyttöpaikka", "kulutustiedot"),
            ("Laskutus", "laskutus- ja maksutiedot"),
        ],
        key="asiakas",
    )
    customer["retention_rules"] = [
        {
            "data_category": "Asiakasrekisteri:laskutus- ja maksutiedot",
            "period_value": 10,
            "period_unit": "years",
            "trigger": "sopimuksen päättymisestä",
            "legal_ground": "kuluttaja-asiakkaan laskutuksen oikaisuvelvoite",
        },
        {
            "data_category": "Asiakasrekisteri:kulutustiedot",
            "period_value": 6,
            "period_unit": "years",
            "trigger": "mittauksesta",
        },
    ]
    customer["sources"].append({"name": "Fingrid Datahub Oy", "kind": "market-party"})
    customer["recipients"].append({"name": "perintätoimisto", "kind": "debt-collection"})
    customer["automated_decisions"] = [
        {
            "description": "sopimuskelpoisuuden automaattinen tarkistus verkkopalvelussa",
            "logic": "luottotietomerkintä estää sopimuksen ilman vakuutta",
            "consequences": "asiakasta pyydetään asettamaan vakuus",
            "is_profiling": False,
        }
    ]
    customer["rights"].append({"right": "automated-decision", "description": None})

    marketing = _common(
        "Markkinointirekisteri",
        ["suoramarkkinointi ja uutiskirjeet", "asiakastyytyväisyyskyselyt"],
        [{"article": "6.1.a", "description": "suostumus sähköiseen markkinointiin"}],
        [
            ("Markkinointitiedot", "nimi"),
            ("Markkinointitiedot", "sähköpostiosoite"),
            ("Markkinointitiedot", "markkinointiluvat ja -kiellot"),
        ],
        key="markkinointi",
    )
    marketing["processors"].append({"processor": "posti", "service": "uutiskirjeiden lähetys"})
    marketing["transfers"] = [
        {
            "country": "US",
            "recipient": "Postiviesti Inc.",
            "processor": "posti",
            "safeguard": "dpf",
            "dpf_checked_on": "2026-09-01",
        }
    ]
    marketing["retention_rules"] = [
        {"period_value": 1, "period_unit": "years", "trigger": "suostumuksen peruuttamisesta"}
    ]

    calls = _common(
        "Puhelutallenteet",
        ["asiakaspalvelun laadun kehittäminen", "sopimusten ja laskutusasioiden varmentaminen"],
        [
            {
                "article": "6.1.f",
                "description": "oikeutettu etu: palvelun laatu ja väitteiltä puolustautuminen",
            }
        ],
        [("Tallenteet", "puhelutallenteet"), ("Tallenteet", "soittajan puhelinnumero")],
        key="puhelut",
    )
    calls["processors"] = [{"processor": "puhelu", "service": "puheluiden tallennus"}]
    calls["retention_rules"] = [
        {
            "data_category": "Puhelutallenteet:puhelutallenteet",
            "period_value": 1,
            "period_unit": "years",
            "trigger": "puhelusta",
        }
    ]

    heating = _common(
        "Kaukolämmön asiakasrekisteri",
        ["kaukolämmön toimitus ja laskutus", "kulutuksen analysointi"],
        [
            {"article": "6.1.b", "description": "kaukolämpösopimus"},
            {"article": "6.1.c", "national_law": "energiatehokkuuslaki (1429/2014)"},
        ],
        [("Asiakastiedot", "nimi"), ("Asiakastiedot", "osoite"), ("Käyttöpaikka", "lämmönkulutus")],
        key="kaukolampo",
    )
    heating["processors"].append({"processor": "data", "service": "kulutusanalytiikka"})
    heating["transfers"] = [
        {
            "country": "IN",
            "recipient": "Lämpödata Analytics Pvt Ltd",
            "processor": "data",
            "safeguard": "scc-2010-87",
            "description": "Vakiosopimuslausekkeet, päätös C(2010)593",
        }
    ]
    heating["retention_rules"] = [
        {"period_value": 10, "period_unit": "years", "trigger": "asiakassuhteen päättymisestä"}
    ]
    return [_stated(r) for r in (customer, marketing, calls, heating)]


# ------------------------------------------------------------------ rights requests
#
# About forty cases in every state, logged and worked on through services.requests
# with the clock set to the day of each step, so case numbers, audit events and
# timelines are what the officer would have produced. Steps of all cases run in time
# order, so the audit trail is chronological too.

OFFICER = "Aino Esimerkki"
CUSTOMER, MARKETING, CALLS, HEATING = (
    "Asiakasrekisteri",
    "Markkinointirekisteri",
    "Puhelutallenteet",
    "Kaukolämmön asiakasrekisteri",
)
HOLD_REASON = "Pyyntö koskee puhelutallenteita: poistoajo keskeytetty, kunnes asia on ratkaistu."
REPEAT = ("Väinö Kuvitteellinen", "Rantapolku 7, 40250 Jyväskylä")


@dataclass
class _Case:
    """One planned case: intake and the later steps as (days after receipt, update)."""

    age: int  # days before today that the request was received
    rights: tuple[str, ...]
    name: str | None = None
    address: str | None = None
    channel: str = "post"
    language: str = "fi"
    registers: tuple[str, ...] | None = None
    controller: str = ORG
    requester: tuple[str, str, str] | None = None  # name, address, authority
    classification: str = "gdpr"
    description: str | None = None
    scan: str | None = None  # file name of an attached (invented) scan
    steps: list[tuple[int, Any]] = dc_field(default_factory=list)
    number: str = ""


def _scan_pdf(title: str, lines: list[str]) -> bytes:
    from ..documents.scan_stand_in import scan_stand_in

    return scan_stand_in(title, lines)


def _people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    names = [
        f"{f} {last}" for f in FIRST for last in LAST if f"{f} {last}" not in (OFFICER, REPEAT[0])
    ]
    chosen = rng.sample(names, n)
    return [
        (name, f"{rng.choice(STREETS)} {rng.randint(1, 40)}, 40{rng.randint(100, 999)} Jyväskylä")
        for name in chosen
    ]


def _identity(day: int, method: str = "signed-letter-address", **kw: Any) -> tuple[int, Any]:
    from . import requests as rq

    def update(today: date, received_on: date) -> rq.CaseUpdate:
        return rq.CaseUpdate(
            identity=rq.IdentityInput(method, OFFICER, received_on + timedelta(days=day), **kw)
        )

    return day, update


def _plain(day: int, **fields: Any) -> tuple[int, Any]:
    """An update whose dates are given as days after receipt (ints) in `fields`."""
    from . import requests as rq

    def update(today: date, received_on: date) -> rq.CaseUpdate:
        values = {
            k: received_on + timedelta(days=v)
            if isinstance(v, int) and k.endswith(("_asked", "_received", "_checked_on"))
            else v
            for k, v in fields.items()
        }
        return rq.CaseUpdate(**values)

    return day, update


def _note(day: int, text: str) -> tuple[int, Any]:
    return day, text


def _extend(day: int) -> tuple[int, Any]:
    from . import requests as rq

    def update(today: date, received_on: date) -> rq.CaseUpdate:
        when = received_on + timedelta(days=day)
        return rq.CaseUpdate(
            extension=rq.ExtensionInput(
                "Pyyntö koskee useaa rekisteriä ja laajaa kulutus- ja laskutusaineistoa; "
                "tietojen kokoaminen järjestelmätoimittajalta vie aikaa.",
                when,
                when,
            )
        )

    return day, update


def _decide(
    day: int,
    *outcomes: tuple[str, str, str | None, str | None],
    erasures: tuple[Any, ...] = (),
    answer: bool = True,
) -> tuple[int, Any]:
    from ..domain.enums import Outcome, RequestStatus, Right
    from . import requests as rq

    def update(today: date, received_on: date) -> rq.CaseUpdate:
        return rq.CaseUpdate(
            outcomes=tuple(
                rq.OutcomeInput(Right(r), Outcome(o), g, why) for r, o, g, why in outcomes
            ),
            erasures=tuple(
                rq.ErasureInput(
                    c,
                    erased,
                    None if erased else today.replace(year=today.year + 10),
                    None if erased else "art-17-3-b",
                    why,
                )
                for c, erased, why in erasures
            ),
            status=RequestStatus.ANSWERED if answer else None,
        )

    return day, update


def _close(day: int, withdrawn: bool = False) -> tuple[int, Any]:
    from . import requests as rq

    return day, lambda today, received_on: rq.CaseUpdate(close=True, withdrawn=withdrawn)


@dataclass(frozen=True)
class _Letter:
    """A letter issued through the letters service on the step's day."""

    kind: str
    data_copy: tuple[tuple[str, str], ...] = ()


def _letter(day: int, kind: str, *copy: tuple[str, str]) -> tuple[int, Any]:
    return day, _Letter(kind, copy)


ACCESS_COPY = (
    ("nimi ja yhteystiedot", "Nimi, osoite ja puhelinnumero asiakasrekisteristä."),
    ("laskutus- ja maksutiedot", "Laskut ja maksut viimeisen 24 kuukauden ajalta."),
    ("kulutustiedot", "Tuntikohtaiset kulutustiedot liitteenä olevassa taulukossa."),
)


GRANT = "granted"
ACCESS_SENT = ("access", GRANT, None, "Jäljennös tiedoista lähetetty kirjatulla kirjeellä.")


def _plan(rng: random.Random) -> list[_Case]:
    people = iter(_people(rng, 40))
    cases: list[_Case] = []

    def case(age: int, rights: tuple[str, ...], **kw: Any) -> _Case:
        if "name" not in kw:
            kw["name"], kw["address"] = next(people)
        item = _Case(age, rights, **kw)
        cases.append(item)
        return item

    # --- received, nothing done yet (one is the repeat requester's third request)
    case(0, ("access",), channel="email", language="sv")
    case(1, ("marketing-ban",), channel="phone", registers=(MARKETING,))
    case(
        2,
        ("access",),
        name=REPEAT[0],
        address=REPEAT[1],
        description="Pyytää jälleen kaikki tietonsa, myös puhelutallenteet.",
    )
    case(
        4,
        ("rectification",),
        registers=(CUSTOMER,),
        scan="oikaisupyynto.pdf",
        description="Nimi kirjoitettu laskulla väärin.",
    )
    case(
        5,
        ("access", "portability"),
        channel="eservice",
        language="en",
        registers=(CUSTOMER, HEATING),
    )
    case(6, ("objection",), channel="email", registers=(CALLS,))

    # --- awaiting identity proof (and one clarification)
    for age, channel in ((5, "email"), (8, "post"), (12, "email"), (15, "phone"), (20, "post")):
        case(
            age,
            ("access",),
            channel=channel,
            steps=[_plain(1, identity_asked=1), _letter(1, "identity-request")],
        )
    case(
        25,
        ("erasure",),
        channel="email",
        description='Pyytää poistamaan "kaikki tiedot".',
        steps=[
            _plain(2, clarification_asked=2),
            _note(2, "Pyydetty tarkentamaan, mitä asiakkuuksia pyyntö koskee."),
        ],
    )

    # --- in progress: on time, due within a week, overdue
    for age in (3, 9, 14):
        case(age, ("access",), channel="eservice", steps=[_identity(0, "strong-eid")])
    case(
        18,
        ("erasure", "access"),
        registers=(CUSTOMER, CALLS),
        steps=[_identity(2), _hold_step(3), _note(4, "Tallenteet haettu arkistosta.")],
    )
    case(
        24,
        ("access",),
        requester=("Liisa Edunvalvoja", "Oikeusaukio 3, 40100 Jyväskylä", "guardian"),
        scan="edunvalvojan-maarays.pdf",
        steps=[_plain(1, authority_checked_on=1), _identity(1, "population-register-address")],
    )
    case(
        27,
        ("access",),
        steps=[_plain(1, identity_asked=1), _plain(6, identity_received=6), _identity(6)],
    )
    case(29, ("restriction",), registers=(CUSTOMER,), steps=[_identity(3)])
    case(
        36,
        ("access", "rectification"),
        steps=[_identity(4), _note(20, "Odottaa laskutusjärjestelmän toimittajaa.")],
    )
    case(
        44,
        ("consent-withdrawal",),
        registers=(MARKETING,),
        channel="email",
        steps=[_identity(1, "strong-eid")],
    )
    case(
        10,
        ("access",),
        classification="non-gdpr",
        registers=(CUSTOMER,),
        requester=(
            "Kuolinpesä / Elsa Sepite",
            "Niittykuja 4, 40320 Jyväskylä",
            "power-of-attorney",
        ),
        description="Kuolinpesä kysyy edesmenneen asiakkaan viimeisiä laskuja ja "
        "sopimuksen päättämistä. Ei tietosuoja-asetuksen mukainen pyyntö "
        "(vainaja); vastataan tavanomaisena asiakaspalveluasiana.",
        scan="perukirja-ote.pdf",
        steps=[_plain(2, status="in-progress")],
    )

    # --- extended (one due within a week)
    for age in (40, 62, 86):
        case(
            age,
            ("access", "portability"),
            registers=(CUSTOMER, HEATING, CALLS),
            steps=[_identity(3), _extend(20), _letter(20, "extension")],
        )

    # --- answered
    case(
        21,
        ("access",),
        steps=[
            _letter(1, "acknowledgement"),
            _identity(2),
            _decide(18, ACCESS_SENT),
            _letter(18, "access-response", *ACCESS_COPY),
        ],
    )
    case(
        30,
        ("erasure",),
        registers=(CUSTOMER, CALLS),
        steps=[
            _identity(2),
            _decide(
                24,
                (
                    "erasure",
                    "partly",
                    "art-17-3-b",
                    "Laskutustiedot säilytetään laskutuksen oikaisuvelvoitteen vuoksi.",
                ),
                erasures=(
                    ("puhelutallenteet", True, None),
                    (
                        "laskutus- ja maksutiedot",
                        False,
                        "kuluttaja-asiakkaan laskutuksen oikaisuvelvoite",
                    ),
                ),
            ),
            _letter(24, "erasure"),
        ],
    )
    case(
        35,
        ("rectification",),
        registers=(CUSTOMER,),
        steps=[
            _identity(3),
            _decide(10, ("rectification", GRANT, None, None)),
            _letter(10, "rectification"),
        ],
    )
    case(
        44,
        ("access",),
        requester=(
            "Asianajotoimisto Esimerkki / Onni Harjoitus",
            "Lakimiehenkatu 1, 00100 Helsinki",
            "legal-counsel",
        ),
        steps=[
            _plain(1, authority_checked_on=1),
            _identity(3),
            _decide(
                25,
                ("access", "refused", "art-15-4", "Tallenteilla on myös toisen henkilön puhetta."),
            ),
        ],
    )
    case(
        52,
        ("objection",),
        registers=(CALLS,),
        steps=[
            _identity(2),
            _decide(
                20,
                (
                    "objection",
                    "refused",
                    "art-21-1-compelling",
                    "Tallenteita tarvitaan laskutusriitojen selvittämiseen.",
                ),
            ),
        ],
    )
    case(
        60,
        ("marketing-ban", "consent-withdrawal"),
        registers=(MARKETING,),
        channel="email",
        steps=[
            _identity(1, "strong-eid"),
            _decide(
                3, ("marketing-ban", GRANT, None, None), ("consent-withdrawal", GRANT, None, None)
            ),
            _letter(3, "marketing-ban"),
        ],
    )
    case(
        75,
        ("portability",),
        registers=(CUSTOMER,),
        channel="eservice",
        steps=[_identity(0, "strong-eid"), _decide(12, ("portability", GRANT, None, None))],
    )

    # --- closed (two are the repeat requester's earlier requests; one was withdrawn)
    case(
        300,
        ("access",),
        name=REPEAT[0],
        address=REPEAT[1],
        steps=[_identity(3), _decide(20, ACCESS_SENT), _close(27)],
    )
    case(
        150,
        ("access",),
        name=REPEAT[0],
        address=REPEAT[1],
        steps=[_identity(3), _decide(20, ACCESS_SENT), _close(27)],
    )
    for age in (95, 130, 200, 260):
        case(age, ("access",), steps=[_identity(2), _decide(19, ACCESS_SENT), _close(26)])
    case(
        110,
        ("rectification",),
        registers=(CUSTOMER,),
        steps=[_identity(2), _decide(8, ("rectification", GRANT, None, None)), _close(15)],
    )
    case(
        90,
        ("erasure",),
        registers=(MARKETING,),
        channel="email",
        steps=[
            _identity(1, "strong-eid"),
            _note(5, "Asiakas ilmoitti puhelimitse peruvansa pyynnön."),
            _close(6, True),
        ],
    )
    # the repeat requester's current case: reason for a refusal recorded by the officer
    cases[2].steps = [
        _identity(1),
        _plain(
            2,
            fee_reason=(
                "Kolmas samansisältöinen pyyntö vuoden sisällä; tiedot eivät ole muuttuneet "
                "edellisen vastauksen jälkeen."
            ),
        ),
    ]
    return cases


def _hold_step(day: int) -> tuple[int, Any]:
    from . import requests as rq

    return day, lambda today, received_on: rq.CaseUpdate(
        holds=(rq.HoldInput("puhelutallenteet", HOLD_REASON),)
    )


def add_demo_requests(db: Any, today: date, seed: int = 2026) -> list[str]:
    """Log the demo cases through the requests service; returns their case numbers."""
    from ..documents.letters.data import DataCopyEntry
    from ..domain.enums import Authority, Channel, Language, RequestClass, Right
    from . import letters
    from . import requests as rq
    from .context import ServiceContext

    rng = random.Random(seed)
    plan = _plan(rng)
    now = [datetime.combine(today, datetime.min.time(), UTC)]
    ctx = ServiceContext(db, actor="aino", clock=lambda: now[0])
    scans: dict[str, bytes] = {}

    def scan(name: str) -> rq.AttachmentInput:
        if name not in scans:
            scans[name] = _scan_pdf(
                name.removesuffix(".pdf").replace("-", " ").capitalize(),
                [
                    "Keksitty esimerkkiasiakirja Rekisterin demoa varten.",
                    "Ei oikean henkilön tietoja.",
                ],
            )
        return rq.AttachmentInput(name, scans[name], "application/pdf")

    # (when, order, case, action): intake first, then each case's steps in time order
    timeline: list[tuple[datetime, int, int, Any]] = []
    for i, item in enumerate(plan):
        received_on = today - timedelta(days=item.age)
        logged = datetime.combine(received_on, datetime.min.time(), UTC) + timedelta(
            hours=7, minutes=rng.randint(0, 240)
        )
        timeline.append((logged, 0, i, None))
        for order, (day, action) in enumerate(item.steps, start=1):
            when = min(received_on + timedelta(days=day), today)
            at = datetime.combine(when, datetime.min.time(), UTC) + timedelta(
                hours=11, minutes=10 * order + rng.randint(0, 9)
            )
            timeline.append((max(at, logged + timedelta(minutes=order)), order, i, action))
    timeline.sort(key=lambda t: (t[0], t[2], t[1]))
    for at, _order, i, action in timeline:
        now[0] = at
        item = plan[i]
        received_on = today - timedelta(days=item.age)
        if action is None:
            requester = None
            authority = Authority.SELF
            if item.requester:
                requester = rq.PersonInput(item.requester[0], item.requester[1])
                authority = Authority(item.requester[2])
            item.number = rq.add_request(
                ctx,
                rq.Intake(
                    received_on=received_on,
                    channel=Channel(item.channel),
                    language=Language(item.language),
                    rights=tuple(Right(r) for r in item.rights),
                    subject=rq.PersonInput(item.name or "", item.address),
                    requester=requester,
                    authority=authority,
                    controller=item.controller,
                    registers=item.registers,
                    description=item.description,
                    classification=RequestClass(item.classification),
                    attachments=(scan(item.scan),) if item.scan else (),
                ),
            )
        elif isinstance(action, str):
            rq.add_note(ctx, item.number, action)
        elif isinstance(action, _Letter):
            letters.issue(
                ctx,
                item.number,
                action.kind,
                item.language,
                "post",
                letters.LetterOptions(
                    data_copy=tuple(DataCopyEntry(c, text) for c, text in action.data_copy)
                ),
            )
        else:
            rq.update_request(ctx, item.number, action(ctx.today(), received_on), view=False)
    return [item.number for item in plan]


def demo_document(today: date) -> dict[str, Any]:
    """The organisation: settings, controllers, processors and registers (no requests;
    those are logged through the requests service by `add_demo_requests`)."""
    del today  # the registers do not depend on the day; kept for a stable signature
    return {
        "format": "rekisteri",
        "version": 1,
        "settings": {
            "organisation.name": ORG,
            "officer.name": OFFICER,
            "officer.title": "tietosuojavastaava",
            # letters print the title in their own language (issue 10: no mixed language)
            "officer.title.sv": "dataskyddsombud",
            "officer.title.en": "data protection officer",
        },
        "controllers": _controllers(),
        "processors": _processors(),
        "registers": _registers(),
        "requests": [],
    }


def create_demo(path: Path | str, passphrase: str, *, today: date | None = None) -> Path:
    """Create a new encrypted database at `path` filled with the demo data."""
    from ..storage.database import Database
    from .breaches.demo import add_demo_breaches
    from .context import ServiceContext
    from .exchange import import_document

    today = today or datetime.now(HELSINKI).date()
    with Database.create(Path(path), passphrase) as db:
        # Throw-away data: skip the fsync of each of the ~200 small transactions (a
        # crash only means running `rekisteri demo` again). Real databases keep FULL.
        event.listen(db.engine, "checkout", _no_sync)
        import_document(ServiceContext(db, actor="demo"), demo_document(today))
        add_demo_requests(db, today)
        add_demo_breaches(db, today)
    return Path(path)


def _no_sync(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous = OFF")
