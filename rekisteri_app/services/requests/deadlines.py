"""The deadline of a stored case, from its receipt date, pauses, extension and the
pause-policy setting, and the derived columns that lists sort and filter by.

The one place that calls `domain.deadlines.compute_deadline`: every list, view, letter
and check in the services reads a case's deadline through these functions, so a rule is
applied the same way everywhere.

Stored, derived: a list ordered by due date must be asked of the database, so each
case keeps its computed dates in indexed columns (storage/models.py,
DERIVED_REQUEST_COLUMNS). `store_deadline(session, req)` is the only writer; the
service calls that change a case (intake, update, issuing a letter, import) call it in
the same transaction. The values never depend on today (days left and urgency are
computed for the rows shown), only on the case's facts, the pause policy and the
calendar, so they are recomputed all at once when the policy changes (a settings hook)
or when the calendar changes (`refresh_stale_deadlines`, on open: the `holidays`
release or `CALENDAR_RULES_VERSION` differs from the stamp the values were computed
with). `deadline_drift` recomputes from scratch and names every case whose stored
values differ.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from ...domain import deadlines as dl
from ...domain.enums import LetterKind, PauseKind, RequestClass, RequestStatus
from ...i18n import N_, _
from ...storage import models as m
from .. import security, settings
from ..context import ServiceContext, ServiceError, Transaction

OPEN_STATUSES = frozenset(
    {
        RequestStatus.RECEIVED,
        RequestStatus.AWAITING,
        RequestStatus.IN_PROGRESS,
        RequestStatus.EXTENDED,
    }
)

# clock_state values. Their alphabetical order is the list's order (cases with a date,
# then those whose clock is stopped, then those without a statutory deadline), so the
# index (clock_state, effective_due_on, received_on, case_number) serves ORDER BY.
CLOCK_DATED = "dated"
CLOCK_SUSPENDED = "suspended"
CLOCK_UNDATED = "undated"
CLOCK_ORDER = (CLOCK_DATED, CLOCK_SUSPENDED, CLOCK_UNDATED)
assert tuple(sorted(CLOCK_ORDER)) == CLOCK_ORDER

# deadline_problem values; the translated sentence is made again when a case is shown.
PROBLEM_EXTENSION = "extension"  # a recorded extension that does not hold
PROBLEM_INVALID = "invalid"  # the case's dates contradict each other: no deadline at all

CALENDAR_KEY = "deadline.calendar"  # how the stored values were computed (never exported)
BATCH = 1000


def extension_letter_date(req: m.RightsRequest) -> date | None:
    """When the extension letter went out: an issued Letter, else the recorded event."""
    dates = [letter.issued_on for letter in req.letters if letter.kind == LetterKind.EXTENSION]
    for ev in req.events:
        if ev.kind == "letter-sent" and ev.text:
            try:
                data = json.loads(ev.text)
                if data.get("kind") == LetterKind.EXTENSION:
                    dates.append(date.fromisoformat(data["on"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
    return min(dates) if dates else None


def case_pauses(req: m.RightsRequest) -> list[dl.Pause]:
    return [dl.Pause(PauseKind(p.kind), p.asked_on, p.received_on) for p in req.pauses]


def _deadline(
    req: m.RightsRequest, policy: dl.PausePolicy, extension: dl.Extension | None
) -> dl.Deadline | None:
    return dl.compute_deadline(
        req.received_on,
        request_class=RequestClass(req.classification),
        pauses=case_pauses(req),
        policy=policy,
        extension=extension,
    )


def compute(
    req: m.RightsRequest, policy: dl.PausePolicy, *, letter_on: date | None = None
) -> dl.Deadline | None:
    """The deadline of a stored case; raises DeadlineError when its data contradict.

    `letter_on` dates the extension letter when none is recorded yet: the extension
    letter being composed is what makes a recorded extension valid (Art. 12(3))."""
    extension = None
    if req.extended_on is not None:
        extension = dl.Extension(
            req.extended_on, req.extension_reasons or "", extension_letter_date(req) or letter_on
        )
    return _deadline(req, policy, extension)


def _with_problem(
    req: m.RightsRequest, policy: dl.PausePolicy
) -> tuple[dl.Deadline | None, str | None, str | None]:
    """(deadline, problem code, translated problem) without ever failing."""
    try:
        return compute(req, policy), None, None
    except dl.DeadlineError as exc:
        problem = str(exc)
    try:
        return _deadline(req, policy, None), PROBLEM_EXTENSION, problem
    except dl.DeadlineError as exc:
        return None, PROBLEM_INVALID, f"{problem} {exc}"


def deadline_for_display(
    req: m.RightsRequest, policy: dl.PausePolicy
) -> tuple[dl.Deadline | None, str | None]:
    """Never fails: a stored extension that no longer holds is shown with the reason."""
    deadline, _code, problem = _with_problem(req, policy)
    return deadline, problem


def _validate_deadline(req: m.RightsRequest, policy: dl.PausePolicy) -> None:
    try:
        compute(req, policy)
    except dl.DeadlineError as exc:
        raise ServiceError(str(exc)) from None


# ------------------------------------------------------------------ stored values


@dataclass(frozen=True)
class Derived:
    """The stored, derived columns of one case (storage/models.py)."""

    due_on: date | None
    extended_due_on: date | None
    effective_due_on: date | None
    clock_state: str
    awaiting_identity: bool
    deadline_problem: str | None


def derive(req: m.RightsRequest, policy: dl.PausePolicy) -> Derived:
    """The derived columns from the case's facts alone (pure apart from reading `req`)."""
    deadline, code, _problem = _with_problem(req, policy)
    if deadline is None:
        clock = CLOCK_UNDATED
    elif deadline.effective_due is None:
        clock = CLOCK_SUSPENDED
    else:
        clock = CLOCK_DATED
    waiting = req.status in OPEN_STATUSES and any(
        p.kind == PauseKind.IDENTITY and p.received_on is None for p in req.pauses
    )
    return Derived(
        due_on=None if deadline is None else deadline.due,
        extended_due_on=None if deadline is None else deadline.extended_due,
        effective_due_on=None if deadline is None else deadline.effective_due,
        clock_state=clock,
        awaiting_identity=waiting,
        deadline_problem=code,
    )


def stored(req: m.RightsRequest) -> Derived | None:
    """What the case's row holds now (None: never computed)."""
    if req.clock_state is None:
        return None
    return Derived(
        req.due_on,
        req.extended_due_on,
        req.effective_due_on,
        req.clock_state,
        bool(req.awaiting_identity),
        req.deadline_problem,
    )


def store_deadline(session: Session, req: m.RightsRequest) -> None:
    """Write the case's derived columns; call in the transaction that changed the case.

    The first value ever stored also records the calendar stamp, so that a later
    release with another holiday calendar knows these values are its to recompute."""
    policy = settings.pause_policy(session)
    values = derive(req, policy)
    for name, value in asdict(values).items():
        if getattr(req, name) != value:
            setattr(req, name, value)
    if _read_stamp(session) is None:
        _write_stamp(session, calendar_stamp(policy))


# ------------------------------------------------------------------------ batches


def _batches(session: Session) -> Iterator[list[m.RightsRequest]]:
    """Every case with what its deadline reads, a thousand at a time (keyset pages, so
    no cursor stays open while the batch is written and memory stays flat)."""
    R = m.RightsRequest
    last = 0
    while True:
        batch = list(
            session.scalars(
                select(R)
                .where(R.id > last)
                .order_by(R.id)
                .limit(BATCH)
                .options(selectinload(R.pauses))
            )
        )
        if not batch:
            return
        extended = [r for r in batch if r.extended_on is not None]
        if extended:  # only extended cases read their letters and events
            session.scalars(
                select(R)
                .where(R.id.in_([r.id for r in extended]))
                .options(selectinload(R.letters), selectinload(R.events))
            ).all()
        yield batch
        last = batch[-1].id


def _differences(session: Session, policy: dl.PausePolicy) -> Iterator[tuple[int, str, Derived]]:
    """(id, case number, fresh values) of every case whose stored values differ.

    Reads through a second session on the same connection (and transaction), emptied
    after every batch, so memory stays flat and the caller's objects stay attached."""
    session.flush()
    reader = Session(bind=session.connection())
    try:
        for batch in _batches(reader):
            found = [
                (req.id, req.case_number, fresh)
                for req in batch
                if stored(req) != (fresh := derive(req, policy))
            ]
            reader.expunge_all()
            yield from found
    finally:
        reader.close()


def recompute_all(tx: Transaction) -> int:
    """Recompute every case's stored values inside `tx`; returns how many changed.

    Writes the calendar stamp too, so the next open does not do it again."""
    session = tx.session
    policy = settings.pause_policy(session)
    changed = 0
    pending: list[dict] = []
    for ident, _case, fresh in _differences(session, policy):
        pending.append({"id": ident, **asdict(fresh)})
        if len(pending) >= BATCH:
            session.execute(update(m.RightsRequest), pending)
            changed += len(pending)
            pending = []
    if pending:
        session.execute(update(m.RightsRequest), pending)
        changed += len(pending)
    _write_stamp(session, calendar_stamp(policy))
    return changed


def deadline_drift(ctx: ServiceContext) -> list[str]:
    """Case numbers whose stored deadline columns differ from a fresh computation
    (for `check-integrity` and `request check-deadlines`); nothing is written."""
    with ctx.read() as session:
        policy = settings.pause_policy(session)
        return sorted(case for _id, case, _fresh in _differences(session, policy))


def drifted_cases(session: Session) -> list[str]:
    """`deadline_drift` as a check of `rekisteri check-integrity` (services.security):
    one line per case whose stored deadline differs, naming only the case number."""
    policy = settings.pause_policy(session)
    cases = sorted(case for _id, case, _fresh in _differences(session, policy))
    return [
        _("{case}: the stored deadline differs from a fresh computation").format(case=case)
        for case in cases
    ]


DRIFT_CHECK = N_("Stored deadlines")
security.register_check(DRIFT_CHECK, drifted_cases)


# ----------------------------------------------------------------- the calendar


def calendar_stamp(policy: dl.PausePolicy) -> str:
    """What the stored values depend on besides each case's facts."""
    return f"{dl.calendar_version()};policy={policy.value}"


def _read_stamp(session: Session) -> str | None:
    row = session.get(m.Setting, CALENDAR_KEY)
    return None if row is None else row.value


def _write_stamp(session: Session, stamp: str) -> None:
    row = session.get(m.Setting, CALENDAR_KEY)
    if row is None:
        session.add(m.Setting(key=CALENDAR_KEY, value=stamp))
    elif row.value != stamp:
        row.value = stamp


def recompute_audited(tx: Transaction) -> int:
    """`recompute_all` with its audit event (what the values were computed with before
    and after, and how many cases changed)."""
    old = _read_stamp(tx.session)
    changed = recompute_all(tx)
    tx.audit(
        "recompute",
        "deadlines",
        None,
        None if old is None else {"calendar": old},
        {"calendar": _read_stamp(tx.session), "changed": changed},
    )
    return changed


def refresh_stale_deadlines(ctx: ServiceContext) -> int | None:
    """On open: recompute every stored deadline if the calendar, its rules or the pause
    policy differ from what they were computed with (a new `holidays` release), or if
    some case has none yet (a file migrated from before stored deadlines). Returns how
    many cases changed, or None when nothing was stale."""
    with ctx.read() as session:
        old = _read_stamp(session)
        new = calendar_stamp(settings.pause_policy(session))
        never = session.scalar(
            select(m.RightsRequest.id).where(m.RightsRequest.clock_state.is_(None)).limit(1)
        )
    if old in (None, new) and never is None:  # nothing stored yet, or all current
        return None
    with ctx.change() as tx:
        return recompute_audited(tx)


def _policy_changed(tx: Transaction) -> None:
    """The pause policy moves every due date: recompute them in the same transaction."""
    recompute_audited(tx)


settings.on_change(settings.PAUSE_POLICY, _policy_changed)
