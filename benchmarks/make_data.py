"""The benchmark's databases: seeded, reproducible, cached outside the repository.

    .venv/bin/python benchmarks/make_data.py --scale S|M|L [--rebuild]

Scales (cases): S 2 000, M 20 000, L 100 000; every scale has the same organisation of
3 controllers, 200 registers and 500 processors, a fifth of the cases have an issued
letter, and the cases' life (intake, identity, pauses, extensions, decisions, answers,
closing, notes) writes about nine audit events per case, so L holds about a million.

The organisation is imported through `services.exchange` (a few seconds). The cases are
*planned* once per seed (`plan`), and the plan can be carried out two ways:

- `build_with_services(db, plan)` calls the real services (add_request, update_request,
  add_note, letters.issue) with the clock set to each step: what the officer would
  produce, but about 20 ms a step, hours at L;
- `build_in_bulk(db, plan)` applies the same steps to plain, session-less ORM objects,
  writes the audit events with their real snapshots (services.requests.snapshot) and
  hash chain, and inserts everything with core INSERTs: minutes at L.

tests/test_bench_data.py builds a small plan both ways and compares every row of every
table, so the bulk builder writes exactly what the services would. Letters store one
real letter PDF per language, rendered once through the letters service and reused.

Databases are cached in $REKISTERI_BENCH_CACHE or ~/.cache/rekisteri-bench/, named
after the scale and DATA_VERSION (raise it when the plan or the schema changes).
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase"
DATA_VERSION = 4
SCALES = {"S": 2_000, "M": 20_000, "L": 100_000}
BUILD_DAY = date(2026, 11, 23)  # "today" of every benchmark database
YEARS = 5
REGISTERS, PROCESSORS = 200, 500
OFFICER = "Aino Esimerkki"
ACTOR = "aino"
ORG = "Esimerkki Energia Oy"
CONTROLLERS = (ORG, "Esimerkki Sähköverkko Oy", "Esimerkki Lämpö Oy")

FIRST = (  # noqa: SIM905 - a word list is easier to read as text
    "Aino Eero Helmi Juho Kaisa Lauri Maija Niko Oona Pekka Riikka Sami Tuula Ville Elsa "
    "Onni Sofia Väinö Linnea Åke Ilona Kalle Matilda Eino Venla Aarne Iida Toivo Sanni "
    "Jussi"
).split()
LAST = (  # noqa: SIM905 - a word list is easier to read as text
    "Esimerkki Kuvitteellinen Testinen Mallikas Keksitty Harjoitus Demonen Näytteinen "
    "Kokeilu Sepite Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen "
    "Koskinen Järvinen Lehtonen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen "
    "Salonen Turunen Salo Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila "
    "Savolainen Lahtinen Ahonen Öhman"
).split()
STREETS = (  # noqa: SIM905 - a word list is easier to read as text
    "Koivukuja Männistöntie Rantapolku Lähdekatu Kalliotie Niittykuja Ratakatu"
).split()
NOTES = (
    "Soitto rekisteröidylle: pyyntö tarkennettu puhelimessa.",
    "Tiedot koottu asiakasjärjestelmästä ja laskutuksesta.",
    "Kopio vastauksesta arkistoitu.",
    "Rekisteröity kuittasi vastauksen vastaanotetuksi.",
    "Asiakaspalvelu ilmoitti pyynnöstä sisäisesti.",
)
EXTENSION_REASONS = (
    "Pyyntö koskee useaa rekisteriä ja laajaa kulutus- ja laskutusaineistoa; tietojen "
    "kokoaminen järjestelmätoimittajalta vie aikaa."
)


def cache_dir() -> Path:
    return Path(os.environ.get("REKISTERI_BENCH_CACHE") or Path.home() / ".cache/rekisteri-bench")


def database_path(scale: str) -> Path:
    return cache_dir() / f"bench-{scale}-v{DATA_VERSION}.db"


# ------------------------------------------------------------------ the organisation


def organisation_document(seed: int = 18) -> dict[str, Any]:
    """3 controllers, 200 registers and 500 processors, as one exchange document."""
    rng = random.Random(seed)
    # a letterhead needs a postal address and a business ID (issue 10)
    business_ids = ("0112038-9", "0174747-2", "1234567-1")
    controllers = [
        {
            "key": f"c{i}",
            "name": name,
            "postal_address": "PL 100, 40101 Jyväskylä",
            "business_id": business_ids[i % len(business_ids)],
        }
        for i, name in enumerate(CONTROLLERS)
    ]
    processors = []
    for i in range(PROCESSORS):
        abroad = i % 10 == 0
        processors.append(
            {
                "key": f"p{i}",
                "name": f"Käsittelijä {i:03d} {'Inc.' if abroad else 'Oy'}",
                "country": "US" if abroad else "FI",
                "services": [f"palvelu {i % 17}", "ylläpito"][: 1 + i % 2],
                "dpa_signed_on": f"{2018 + i % 7}-0{1 + i % 9}-15",
                "dpa_review_on": f"{2025 + i % 4}-0{1 + i % 9}-15",
            }
        )
    registers = []
    for i in range(REGISTERS):
        name = f"Rekisteri {i:03d}"
        categories = [
            {"key": f"r{i}k{j}", "heading": "Perustiedot" if j < 3 else "Muut", "name": cat}
            for j, cat in enumerate(
                ["nimi", "yhteystiedot", "asiakasnumero", "laskutustiedot", "kulutustiedot"]
                + [f"tieto {j}" for j in range(rng.randint(0, 7))]
            )
        ]
        linked = rng.sample(range(PROCESSORS), rng.randint(0, 3))
        registers.append(
            {
                "key": f"r{i}",
                "name": name,
                "controllers": [{"controller": f"c{i % 3}", "role": "controller"}],
                "purposes": ["asiakassuhteen hoitaminen", f"tarkoitus {i % 13}"],
                "legal_bases": [{"article": "6.1.b", "description": "sopimus"}],
                "subject_groups": [{"name": "asiakkaat"}],
                "data_categories": categories,
                "retention_rules": [
                    {
                        "data_category": f"r{i}k3",
                        "period_value": 6 + i % 5,
                        "period_unit": "years",
                        "trigger": "sopimuksen päättymisestä",
                    }
                ],
                "sources": [{"name": "rekisteröity itse", "kind": "data-subject"}],
                "recipients": [{"name": "viranomaiset", "kind": "authority"}],
                "processors": [{"processor": f"p{p}", "service": "ylläpito"} for p in linked],
                "transfers": [
                    {
                        "country": "US",
                        "recipient": f"Käsittelijä {p:03d} Inc.",
                        "processor": f"p{p}",
                        "safeguard": "dpf",
                        "dpf_checked_on": "2026-09-01",
                    }
                    for p in linked
                    if p % 10 == 0
                ],
                "security_measures": [
                    {"kind": "technical", "text": "salattu tietoliikenne"},
                    {"kind": "organisational", "text": "käyttöoikeudet tehtävien mukaan"},
                ],
                "rights": [{"right": r} for r in ("access", "rectification", "erasure")],
                "rights_instructions": "Pyynnöt kirjallisesti osoitteeseen PL 100.",
                "identity_proof": "Henkilöllisyys todistetaan luotettavasti.",
                "response_time": "Vastaamme kuukauden kuluessa.",
                "request_address": "PL 100, 40101 Jyväskylä",
            }
        )
    return {
        "format": "rekisteri",
        "version": 1,
        "settings": {
            "organisation.name": ORG,
            "officer.name": OFFICER,
            "officer.title": "tietosuojavastaava",
            # Swedish and English letters print the title in their language (issue 10)
            "officer.title.sv": "dataskyddsansvarig",
            "officer.title.en": "privacy officer",
        },
        "controllers": controllers,
        "processors": processors,
        "registers": registers,
        "requests": [],
    }


# ------------------------------------------------------------------------ the plan


@dataclass(frozen=True)
class Step:
    at: datetime  # UTC, aware; the service clock during the step
    kind: str  # intake identity ask arrive extend decide answer close note letter
    text: str | None = None  # a note


@dataclass
class CasePlan:
    index: int
    received: date
    channel: str
    language: str
    rights: tuple[str, ...]
    name: str
    address: str
    requester: tuple[str, str] | None
    controller: str
    registers: tuple[str, ...]
    steps: list[Step] = field(default_factory=list)


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, datetime.min.time(), UTC) + timedelta(minutes=minutes)


def plan_case(index: int, received: date, rank: int, seed: int) -> CasePlan:
    """One case and its steps, from its own seeded generator (independent of the others)."""
    rng = random.Random(seed * 1_000_003 + index)
    registers = tuple(
        f"Rekisteri {r:03d}"
        for r in sorted(rng.sample(range(index % 3, REGISTERS, 3), rng.randint(1, 3)))
    )
    person = (rng.choice(FIRST), rng.choice(LAST))
    plan = CasePlan(
        index=index,
        received=received,
        channel=rng.choice(("post", "post", "email", "eservice", "in-person")),
        language=rng.choice(("fi",) * 8 + ("sv", "en")),
        rights=tuple(
            rng.sample(("access", "rectification", "erasure", "objection"), rng.randint(1, 2))
        ),
        name=f"{person[0]} {person[1]}",
        address=f"{rng.choice(STREETS)} {rng.randint(1, 60)}, 40{rng.randint(100, 999)} Jyväskylä",
        requester=(
            (f"{rng.choice(FIRST)} Asianajaja", "Katu 2, 00100 Helsinki")
            if rng.random() < 0.05
            else None
        ),
        controller=CONTROLLERS[index % 3],
        registers=registers,
    )
    steps = [Step(_at(received, 360 + rank // 6), "intake")]  # 06:00, in case order
    chain: list[tuple[int, str]] = []
    day = 0
    if rng.random() < 0.2:
        chain.append((rng.randint(0, 1), "letter"))
    if rng.random() < 0.3:
        day = rng.randint(1, 3)
        chain.append((day, "ask"))
        day += rng.randint(2, 8)
        chain.append((day, "arrive"))
    day += rng.randint(1, 4)
    chain.append((day, "identity"))
    if rng.random() < 0.05:
        day += rng.randint(5, 12)
        chain.append((day, "extend"))
        day += rng.randint(20, 50)
    else:
        day += rng.randint(5, 20)
    chain.append((day, "decide"))
    chain.append((day, "answer"))
    day += rng.randint(2, 10)
    chain.append((day, "close"))
    last = day
    for _n in range(rng.randint(1, 7)):
        chain.append((rng.randint(0, last + 30), "note"))
    chain.sort(key=lambda c: c[0])  # stable: the chain keeps its order within a day
    for order, (offset, kind) in enumerate(chain):
        when = received + timedelta(days=offset)
        if when > BUILD_DAY:
            break
        steps.append(
            Step(
                _at(when, 480 + order * 13 + rng.randint(0, 9)),  # from 08:00, in order
                kind,
                rng.choice(NOTES) if kind == "note" else None,
            )
        )
    plan.steps = steps
    return plan


def plan(cases: int, seed: int = 18) -> Iterator[CasePlan]:
    """`cases` cases received over YEARS years up to BUILD_DAY, in receipt order."""
    span = 365 * YEARS
    start = BUILD_DAY - timedelta(days=span - 1)
    previous, rank = None, 0
    for index in range(cases):
        received = start + timedelta(days=index * span // cases)
        rank = rank + 1 if received == previous else 0
        previous = received
        yield plan_case(index, received, rank, seed)


def steps_in_time_order(plans: Iterator[CasePlan]) -> Iterator[tuple[CasePlan, Step]]:
    """Every step of every case in the order a clock would see them (ties: case, step)."""
    heap: list[tuple[datetime, int, int, CasePlan, Step]] = []
    for case in plans:
        first = case.steps[0].at
        while heap and heap[0][:3] < (first, case.index, 0):
            *_key, owner, step = heapq.heappop(heap)
            yield owner, step
        for j, step in enumerate(case.steps):
            heapq.heappush(heap, (step.at, case.index, j, case, step))
    while heap:
        *_key, owner, step = heapq.heappop(heap)
        yield owner, step


# --------------------------------------------------------------- the letter bytes


def letter_pdfs() -> dict[str, bytes]:
    """One real acknowledgement letter per language, rendered once by the letters
    service on a throw-away database and reused for every issued letter."""
    path = cache_dir() / "letters-v1.json"
    if path.exists():
        import base64

        return {k: base64.b64decode(v) for k, v in json.loads(path.read_text()).items()}
    import base64
    import tempfile

    from rekisteri_app.domain.enums import Channel, Language, Right
    from rekisteri_app.services import exchange, letters
    from rekisteri_app.services import requests as rq
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database

    out = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        Database.create(Path(tmp) / "l.db", PASSPHRASE) as db,
    ):
        clock = _at(BUILD_DAY, 600)
        ctx = ServiceContext(db, actor=ACTOR, clock=lambda: clock)
        exchange.import_document(ctx, organisation_document())
        for lang in ("fi", "sv", "en"):
            case = rq.add_request(
                ctx,
                rq.Intake(
                    received_on=BUILD_DAY,
                    channel=Channel.POST,
                    language=Language(lang),
                    rights=(Right.ACCESS,),
                    subject=rq.PersonInput("Aino Kuvitteellinen", "Koivukuja 1, 40100 Jyväskylä"),
                    controller=ORG,
                    registers=("Rekisteri 000",),
                ),
            )
            out[lang] = letters.issue(ctx, case, "acknowledgement", lang, "post").pdf
    cache_dir().mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({k: base64.b64encode(v).decode() for k, v in out.items()}))
    return out


# ---------------------------------------------------------- through the services


def build_with_services(db: Any, plans: list[CasePlan], pdfs: dict[str, bytes]) -> None:
    """Carry out the plan through the services, step by step, with the plan's clock.

    Letters are rendered by the real service with `pdfs` standing in for the renderer's
    output (the same bytes the bulk builder stores)."""
    from rekisteri_app.services import letters
    from rekisteri_app.services import requests as rq
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.letters import issuing

    now = [_at(BUILD_DAY, 0)]
    ctx = ServiceContext(db, actor=ACTOR, clock=lambda: now[0])
    numbers: dict[int, str] = {}
    real_render = issuing._render
    issuing._render = lambda prepared, draft: pdfs[prepared.data.language.value]
    try:
        for case, step in steps_in_time_order(iter(plans)):
            now[0] = step.at
            today = ctx.today()
            if step.kind == "intake":
                numbers[case.index] = rq.add_request(ctx, _intake(rq, case))
                continue
            number = numbers[case.index]
            if step.kind == "note":
                rq.add_note(ctx, number, step.text or "")
            elif step.kind == "letter":
                letters.issue(ctx, number, "acknowledgement", case.language, "post")
            else:
                update = _update(rq, step.kind, case, today)
                rq.update_request(ctx, number, update, view=False)
    finally:
        issuing._render = real_render


def _update(rq: Any, kind: str, case: CasePlan, today: date) -> Any:
    from rekisteri_app.domain.enums import IdentityMethod, Outcome, RequestStatus, Right

    if kind == "identity":
        return rq.CaseUpdate(identity=rq.IdentityInput(IdentityMethod.STRONG_EID, OFFICER, today))
    if kind == "ask":
        return rq.CaseUpdate(identity_asked=today)
    if kind == "arrive":
        return rq.CaseUpdate(identity_received=today)
    if kind == "extend":
        return rq.CaseUpdate(extension=rq.ExtensionInput(EXTENSION_REASONS, today))
    if kind == "decide":
        granted = tuple(rq.OutcomeInput(Right(r), Outcome.GRANTED) for r in case.rights)
        return rq.CaseUpdate(outcomes=granted)
    if kind == "answer":
        return rq.CaseUpdate(status=RequestStatus.ANSWERED)
    if kind == "close":
        return rq.CaseUpdate(close=True)
    raise ValueError(kind)


def _intake(rq: Any, case: CasePlan) -> Any:
    from rekisteri_app.domain.enums import Authority, Channel, Language, Right

    return rq.Intake(
        received_on=case.received,
        channel=Channel(case.channel),
        language=Language(case.language),
        rights=tuple(Right(r) for r in case.rights),
        subject=rq.PersonInput(case.name, case.address),
        requester=None if case.requester is None else rq.PersonInput(*case.requester),
        authority=Authority.SELF if case.requester is None else Authority.POWER_OF_ATTORNEY,
        controller=case.controller,
        registers=case.registers,
    )


# ----------------------------------------------------------------------- in bulk


class _Ids:
    """The next row id of each table, as SQLite would hand them out (max + 1)."""

    def __init__(self, session: Any, tables: list[str]) -> None:
        from sqlalchemy import text

        self.next = {
            t: (session.execute(text(f"SELECT max(id) FROM {t}")).scalar() or 0) + 1 for t in tables
        }

    def __call__(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


class BulkBuilder:
    """The service steps mirrored on session-less ORM objects (see the module text)."""

    TABLES = [
        "persons",
        "requests",
        "request_controllers",
        "request_registers",
        "request_rights",
        "identity_checks",
        "pauses",
        "case_events",
        "letters",
        "audit_events",
    ]

    def __init__(self, session: Any, pdfs: dict[str, bytes]) -> None:
        from sqlalchemy import select

        from rekisteri_app.services import settings
        from rekisteri_app.storage import audit
        from rekisteri_app.storage import models as m

        self.m = m
        self.session = session
        self.pdfs = pdfs
        self.digests = {k: hashlib.sha256(v).hexdigest() for k, v in pdfs.items()}
        self.ids = _Ids(session, self.TABLES)
        self.policy = settings.pause_policy(session)
        self.head_count, self.head_hash = audit._head(session)
        self.controllers = {c.name: c for c in session.scalars(select(m.Controller))}
        self.registers = {r.name: r.id for r in session.scalars(select(m.Register))}
        self.sequences: dict[int, int] = {}
        self.open: dict[int, Any] = {}  # case index -> its RightsRequest
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in self.TABLES}
        self.stamp_written = session.get(m.Setting, "deadline.calendar") is not None

    # the clock of one step
    def _clock(self, at: datetime) -> tuple[datetime, date]:
        from rekisteri_app.services.context import HELSINKI

        return at.replace(tzinfo=None), at.astimezone(HELSINKI).date()

    def _event(self, req: Any, naive: datetime, kind: str, data: Any) -> None:
        text = (
            data
            if isinstance(data, str) or data is None
            else json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
        )
        req.events.append(
            self.m.CaseEvent(
                id=self.ids("case_events"),
                request_id=req.id,
                at=naive,
                kind=kind,
                text=text,
                actor=ACTOR,
            )
        )

    def _audit(self, at: datetime, action: str, entity: str, eid: Any, before, after) -> None:
        from rekisteri_app.storage.audit import canonical_json, sealed

        stamp = at.astimezone(UTC).isoformat(timespec="microseconds")
        row = sealed(
            self.head_hash,
            at=stamp,
            actor=ACTOR,
            action=action,
            entity=entity,
            entity_id=None if eid is None else str(eid),
            before_json=canonical_json(before),
            after_json=canonical_json(after),
            # reproducible salts: the event's number, not a random draw
            salt=f"{self.head_count:032x}",
        )
        row["id"] = self.ids("audit_events")
        self.rows["audit_events"].append(row)
        digest = row["hash"]
        self.head_count += 1
        self.head_hash = digest

    def _move(self, req: Any, new: str, today: date, changes: list) -> None:
        if new == "answered":
            req.answered_on = today
        if new == "closed":
            req.closed_on = today
        changes.append(("status", {"from": req.status, "to": new}))
        req.status = new

    def step(self, case: CasePlan, step: Step) -> None:
        from rekisteri_app.services.requests import snapshot

        m = self.m
        naive, today = self._clock(step.at)
        if step.kind == "intake":
            self._intake(case, step, naive)
            return
        req = self.open[case.index]
        if step.kind == "note":
            self._event(req, naive, "note", step.text)
            self._audit(step.at, "note", "request", req.case_number, None, {"note": step.text})
            return
        if step.kind == "letter":
            self._letter(req, step, naive, today)
            return
        before = snapshot(None, req)
        changes: list[tuple[str, Any]] = []
        if step.kind == "identity":
            req.identity_checks.append(
                m.IdentityCheck(
                    id=self.ids("identity_checks"),
                    request_id=req.id,
                    method="strong-eid",
                    verified_by=OFFICER,
                    verified_on=today,
                )
            )
            changes.append(
                (
                    "identity",
                    {
                        "method": "strong-eid",
                        "verified_by": OFFICER,
                        "verified_on": today.isoformat(),
                        "document_type": None,
                    },
                )
            )
            if req.status == "received":
                self._move(req, "in-progress", today, changes)
        elif step.kind == "ask":
            req.pauses.append(
                m.Pause(id=self.ids("pauses"), request_id=req.id, kind="identity", asked_on=today)
            )
            changes.append(("pause-asked", {"kind": "identity", "on": today.isoformat()}))
            if req.status in ("received", "in-progress"):
                self._move(req, "awaiting", today, changes)
        elif step.kind == "arrive":
            pause = next(p for p in req.pauses if p.received_on is None)
            pause.received_on = today
            changes.append(("pause-received", {"kind": "identity", "on": today.isoformat()}))
            if req.status == "awaiting" and all(p.received_on for p in req.pauses):
                self._move(req, "in-progress", today, changes)
        elif step.kind == "extend":
            req.extended_on, req.extension_reasons = today, EXTENSION_REASONS
            changes.append(
                ("extension", {"decided_on": today.isoformat(), "reasons": EXTENSION_REASONS})
            )
            changes.append(("letter-sent", {"kind": "extension", "on": today.isoformat()}))
            self._move(req, "extended", today, changes)
        elif step.kind == "decide":
            for row in req.rights:
                row.outcome, row.legal_ground, row.reason = "granted", None, None
                row.decided_on = today
                changes.append(
                    ("outcome", {"right": row.right, "outcome": "granted", "ground": None})
                )
        elif step.kind == "answer":
            self._move(req, "answered", today, changes)
        elif step.kind == "close":
            self._move(req, "closed", today, changes)
        else:
            raise ValueError(step.kind)
        for kind, data in changes:
            self._event(req, naive, kind, data)
        self._audit(step.at, "update", "request", req.case_number, before, snapshot(None, req))

    def _intake(self, case: CasePlan, step: Step, naive: datetime) -> None:
        from rekisteri_app.domain.repeat_requests import normalise_name
        from rekisteri_app.services.requests import snapshot

        m = self.m
        year = case.received.year
        sequence = self.sequences.get(year, 0) + 1
        self.sequences[year] = sequence
        subject = m.Person(id=self.ids("persons"), name=case.name, address=case.address)
        subject.name_key = normalise_name(case.name)
        requester = None
        if case.requester is not None:
            requester = m.Person(
                id=self.ids("persons"), name=case.requester[0], address=case.requester[1]
            )
            requester.name_key = normalise_name(case.requester[0])
        controller = self.controllers[case.controller]
        req = m.RightsRequest(
            id=self.ids("requests"),
            case_number=f"{year:04d}-{sequence:04d}",
            year=year,
            sequence=sequence,
            received_on=case.received,
            logged_at=naive,
            channel=case.channel,
            language=case.language,
            classification="gdpr",
            status="received",
            controller_id=controller.id,
            subject_id=subject.id,
            requester_id=None if requester is None else requester.id,
            authority="self" if requester is None else "power-of-attorney",
            recipients_requested=False,  # as the ORM's insert would: the snapshot shows it
        )
        req.controller, req.subject, req.requester = controller, subject, requester
        req.controllers = [  # the organisation's registers name their controller plainly
            m.RequestController(
                id=self.ids("request_controllers"),
                request_id=req.id,
                controller_id=controller.id,
                role="controller",
                position=0,
            )
        ]
        req.controllers[0].controller = controller
        req.registers = [
            m.RequestRegister(
                id=self.ids("request_registers"), request_id=req.id, register_id=self.registers[r]
            )
            for r in case.registers
        ]
        req.rights = [
            m.RequestRight(
                id=self.ids("request_rights"), request_id=req.id, right=r, outcome="pending"
            )
            for r in case.rights
        ]
        self._event(
            req,
            naive,
            "intake",
            {"received_on": case.received.isoformat(), "channel": case.channel},
        )
        self.open[case.index] = req
        self._audit(step.at, "create", "request", req.case_number, None, snapshot(None, req))

    def _letter(self, req: Any, step: Step, naive: datetime, today: date) -> None:
        m = self.m
        pdf = self.pdfs[req.language]
        letter = m.Letter(
            id=self.ids("letters"),
            request_id=req.id,
            kind="acknowledgement",
            language=req.language,
            issued_on=today,
            sent_via="post",
            pdf=pdf,
            sha256=self.digests[req.language],
            created_at=naive,
            mixed_language=False,
        )
        req.letters.append(letter)
        record = {
            "kind": "acknowledgement",
            "on": today.isoformat(),
            "language": req.language,
            "sent_via": "post",
            "letter_id": letter.id,
            "sha256": letter.sha256,
        }
        req.events.append(
            m.CaseEvent(
                id=self.ids("case_events"),
                request_id=req.id,
                at=naive,
                kind="letter-sent",
                text=json.dumps(record, ensure_ascii=False, sort_keys=True),
                actor=ACTOR,
            )
        )
        self._audit(
            step.at,
            "letter.issue",
            "letter",
            letter.id,
            None,
            {"case_number": req.case_number, **record, "size": len(pdf)},
        )

    def finish(self, index: int) -> None:
        """The case has no more steps: its rows, with the stored deadline, are final."""
        from dataclasses import asdict

        from rekisteri_app.services.requests.deadlines import derive

        req = self.open.pop(index)
        for name, value in asdict(derive(req, self.policy)).items():
            setattr(req, name, value)
        out = self.rows
        for person in (req.subject, req.requester):
            if person is not None:
                out["persons"].append(_columns(person))
        out["requests"].append(_columns(req))
        for table, items in (
            ("request_controllers", req.controllers),
            ("request_registers", req.registers),
            ("request_rights", req.rights),
            ("identity_checks", req.identity_checks),
            ("pauses", req.pauses),
            ("case_events", req.events),
            ("letters", req.letters),
        ):
            out[table].extend(_columns(item) for item in items)

    def flush(self) -> None:
        """Insert what is ready, parents first; audit events in id order."""
        from sqlalchemy import insert

        for table in self.TABLES:
            rows = self.rows[table]
            if rows:
                model_table = self.m.Base.metadata.tables[table]
                rows.sort(key=lambda r: r["id"])
                self.session.execute(insert(model_table), rows)
                self.rows[table] = []

    def close(self) -> None:
        """Every case still open is final too; then the chain head and the stamp."""
        from rekisteri_app.services.requests.deadlines import CALENDAR_KEY, calendar_stamp
        from rekisteri_app.storage import audit

        for index in list(self.open):
            self.finish(index)
        self.flush()
        m = self.m
        head = self.session.get(m.Setting, audit.HEAD_KEY)
        value = f"{self.head_count}:{self.head_hash}"
        if head is None:
            self.session.add(m.Setting(key=audit.HEAD_KEY, value=value))
        else:
            head.value = value
        if not self.stamp_written:
            self.session.add(m.Setting(key=CALENDAR_KEY, value=calendar_stamp(self.policy)))


def _columns(obj: Any) -> dict[str, Any]:
    """The row's values; a column never set gets its scalar default, as the ORM's insert
    would give it (e.g. issue 10's `recipients_requested`, `mixed_language`)."""
    out = {}
    for c in obj.__table__.columns:
        value = getattr(obj, c.key)
        if c.key not in obj.__dict__ and c.default is not None and c.default.is_scalar:
            value = c.default.arg
        out[c.key] = value
    return out


def build_in_bulk(db: Any, plans: Iterator[CasePlan], pdfs: dict[str, bytes]) -> None:
    """The plan's rows written directly, in one transaction per ~2 000 cases' steps."""
    pending_steps: dict[int, int] = {}
    session = db.sessions()
    try:
        session.begin()
        builder = BulkBuilder(session, pdfs)
        done = 0

        def counted(source: Iterator[CasePlan]) -> Iterator[CasePlan]:
            for case in source:
                pending_steps[case.index] = len(case.steps)
                yield case

        for case, step in steps_in_time_order(counted(plans)):
            builder.step(case, step)
            pending_steps[case.index] -= 1
            if pending_steps[case.index] == 0:
                del pending_steps[case.index]
                builder.finish(case.index)
                done += 1
                if done % 2_000 == 0:
                    builder.flush()
        builder.close()
        session.commit()
    finally:
        session.close()


# ------------------------------------------------------------------------ the cache


def create(path: Path, cases: int, *, bulk: bool = True, seed: int = 18) -> Path:
    """A new database at `path` with the organisation and `cases` planned cases."""
    from sqlalchemy import event

    from rekisteri_app.services import exchange
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database

    pdfs = letter_pdfs()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    with Database.create(partial, PASSPHRASE) as db:
        event.listen(db.engine, "checkout", _no_sync)
        ctx = ServiceContext(db, actor=ACTOR, clock=lambda: ORGANISED)
        exchange.import_document(ctx, organisation_document(seed))
        if bulk:
            build_in_bulk(db, plan(cases, seed), pdfs)
        else:
            build_with_services(db, list(plan(cases, seed)), pdfs)
    partial.replace(path)
    return path


ORGANISED = _at(BUILD_DAY - timedelta(days=365 * YEARS), 300)  # the organisation's import


def _no_sync(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Throw-away data: no fsync per transaction while building (as services.demo)."""
    dbapi_connection.execute("PRAGMA synchronous = OFF")


def ensure(scale: str, *, rebuild: bool = False) -> Path:
    """The cached database of `scale`, built first when missing."""
    path = database_path(scale)
    if rebuild or not path.exists():
        started = time.perf_counter()
        print(f"building the {scale} database ({SCALES[scale]} cases) at {path} …", flush=True)
        create(path, SCALES[scale])
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="S")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    print(ensure(args.scale, rebuild=args.rebuild))


if __name__ == "__main__":
    main()
