"""A breach in HTML for the page's preview: the clock, what is still to do, the facts
recorded and the timeline."""

from __future__ import annotations

import html
from typing import Any

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


def breach_html(view: dict[str, Any]) -> str:
    colour = CLOCK_FOREGROUND.get(view["clock"], "#333")
    clock = label(BREACH_CLOCKS, view["clock"])
    if view["hours_left"] is not None:
        clock += " — " + hours_text(view["hours_left"])
    deadline = _("Notify by {time}").format(time=local_text(view["notify_by"]))
    parts = [
        f"<h3 style='margin-bottom:2px'>{esc(view['reference'])}</h3>",
        f"<p style='margin-top:0'><b style='color:{colour}'>{esc(clock)}</b> · {esc(deadline)}</p>",
    ]
    if view["duties"]:
        items = "".join(f"<li>{esc(duty)}</li>" for duty in view["duties"])
        parts.append(f"<p><b>{esc(_('Still to do'))}</b></p><ul>{items}</ul>")
    rows = [
        ("aware_at", view["aware_at_local"]),
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
        f"<tr><td style='color:#555;padding-right:12px'>{esc(_(FIELD_CAPTIONS[key]))}</td>"
        f"<td>{esc(value)}</td></tr>"
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
    parts.append(f"<p><b>{esc(_('Timeline'))}</b></p><ul>{events}</ul>")
    return "".join(parts)
