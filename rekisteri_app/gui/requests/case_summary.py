"""A case in HTML: the deadline rule, the earlier requests of the same person, and the
compact summary the Requests page previews. The case dialog's overview reuses the rule
and the repeats, so both say the same in the same words."""

from __future__ import annotations

import html
from typing import Any

from ...i18n import _
from ...services import requests as rq
from ...services.requests_labels import RIGHTS, STATUSES, URGENCIES, label
from ..formatting import URGENCY_FOREGROUND, format_date


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def rule_html(view: dict[str, Any]) -> str:
    lines = "".join(f"<li>{_e(line)}</li>" for line in view["rule_lines"])
    return f"<ol style='margin-top:0'>{lines}</ol>" if lines else ""


def repeats_html(view: dict[str, Any]) -> str:
    if not view["repeats"]:
        return ""
    items = "".join(
        f"<li><a href='{_e(r['case_number'])}'>{_e(r['case_number'])}</a> — "
        f"{_e(format_date(r['received']))}: "
        f"{_e(', '.join(label(RIGHTS, x).split(' (')[0] for x in r['rights']))} "
        f"({_e(label(STATUSES, r['status']))})</li>"
        for r in view["repeats"]
    )
    title = _e(_("Earlier requests of the same data subject within 12 months"))
    note = _e(_("For information only: nothing is charged or refused automatically."))
    return f"<p><b>{title}</b><br/><span style='color:#666'>{note}</span></p><ul>{items}</ul>"


def case_html(view: dict[str, Any]) -> str:
    """A compact read-only summary: due date, rule, repeats, last events."""
    due = view.get("effective_due_date")
    urgency = view["urgency"]
    colour = URGENCY_FOREGROUND.get(urgency, "#333")
    name = _e(view["subject"]["name"])
    head = f"<h3 style='margin:0'>{_e(view['case_number'])} — {name}</h3>"
    state = _e(label(STATUSES, view["status"]))
    if due:
        due_text = _e(_("due {day}").format(day=format_date(due)))
        state += f" · <span style='color:{colour}'><b>{due_text}</b></span>"
    elif view["status"] in rq.OPEN_STATUSES:
        state += f" · <span style='color:{colour}'>{_e(label(URGENCIES, urgency))}</span>"
    parts = [head, f"<p>{state}</p>"]
    parts.append(f"<p><b>{_e(_('How the deadline was computed'))}</b></p>{rule_html(view)}")
    parts.append(repeats_html(view))
    events = view["timeline"][-5:]
    if events:
        rows = "".join(
            f"<tr><td style='color:#666;padding-right:8px'>{_e(t['local'])}</td>"
            f"<td>{_e(t['description'])}</td></tr>"
            for t in events
        )
        parts.append(f"<p><b>{_e(_('Latest events'))}</b></p><table>{rows}</table>")
    return "".join(parts)
