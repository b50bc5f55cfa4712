"""The deadline of a stored case, from its receipt date, pauses, extension and the
pause-policy setting.

The one place that calls `domain.deadlines.compute_deadline`: every list, view, letter
and check in the services reads a case's deadline through these functions, so a rule is
applied the same way everywhere. Deadlines are never stored.
"""

from __future__ import annotations

import json
from datetime import date

from ...domain import deadlines as dl
from ...domain.enums import LetterKind, PauseKind, RequestClass
from ...storage import models as m
from ..context import ServiceError


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


def deadline_for_display(
    req: m.RightsRequest, policy: dl.PausePolicy
) -> tuple[dl.Deadline | None, str | None]:
    """Never fails: a stored extension that no longer holds is shown with the reason."""
    try:
        return compute(req, policy), None
    except dl.DeadlineError as exc:
        problem = str(exc)
    try:
        return _deadline(req, policy, None), problem
    except dl.DeadlineError as exc:
        return None, f"{problem} {exc}"


def _validate_deadline(req: m.RightsRequest, policy: dl.PausePolicy) -> None:
    try:
        compute(req, policy)
    except dl.DeadlineError as exc:
        raise ServiceError(str(exc)) from None
