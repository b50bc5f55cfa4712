"""A breach in HTML for the page's preview: the clock, what is still to do, the facts
recorded and the timeline."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from ...domain import breaches as rules
from ...domain.vocabulary import (
    ART34_EXCEPTIONS,
    BREACH_CLOCKS,
    BREACH_NATURES,
    NOTIFY_DECISIONS,
    RISK_LEVELS,
    label,
)
from ...i18n import _
from ...services.breaches import FIELD_CAPTIONS
from .common import CLOCK_FOREGROUND, hours_text, local_text


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def breach_html(view: dict[str, Any], now: datetime) -> str:
    """`now` gives the hours left to the minute, as the table shows them."""
    colour = CLOCK_FOREGROUND.get(view["clock"], "#333")
    clock = label(BREACH_CLOCKS, view["clock"])
    if view["hours_left"] is not None:
        left = rules.hours_between(now, datetime.fromisoformat(view["notify_by"]))
        clock += " — " + hours_text(left)
    deadline = _("Notify by {time}").format(time=local_text(view["notify_by"]))
    parts = [
        f"<h3 style='margin-bottom:2px'>{esc(view['reference'])}</h3>",
        f"<p style='margin-top:0'><b style='color:{colour}'>{esc(clock)}</b> · {esc(deadline)}</p>",
    ]
    if view["duties"]:
        items = "".join(f"<li>{esc(duty)}</li>" for duty in view["duties"])
        todo = _("Still to do")
        parts.append(f"<p><b>{esc(todo)}</b></p><ul>{items}</ul>")
    rows = [
        ("aware_at", local_text(view["aware_at"])),
        ("nature", ", ".join(label(BREACH_NATURES, n) for n in view["nature"])),
        ("description", view["description"]),
        ("registers", ", ".join(view["register_names"])),
        (
            "categories",
            ", ".join(
                c["category_name"] + (" ⚠" if c["special"] else "") for c in view["categories"]
            ),
        ),
        ("subject_count", view["subject_count"]),
        ("risk_level", label(RISK_LEVELS, view["risk_level"])),
        ("notify_decision", label(NOTIFY_DECISIONS, view["notify_decision"])),
        ("subjects_informed_at", local_text(view["subjects_informed_at"])),
        ("art34_exception", label(ART34_EXCEPTIONS, view["art34_exception"])),
    ]
    cells = "".join(
        "<tr><td style='color:#555;padding-right:12px'>"
        + esc(_(FIELD_CAPTIONS[key]))
        + f"</td><td>{esc(value)}</td></tr>"
        for key, value in rows
        if value not in (None, "")
    )
    parts.append(f"<table>{cells}</table>")
    if view["letters"]:
        parts.append(
            "<p>" + esc(_("Art. 34 letters issued: {n}").format(n=len(view["letters"]))) + "</p>"
        )
    events = "".join(
        f"<li>{esc(t['local'])} — {esc(t['description'])}</li>" for t in view["timeline"]
    )
    title = _("Timeline")
    parts.append(f"<p><b>{esc(title)}</b></p><ul>{events}</ul>")
    return "".join(parts)
