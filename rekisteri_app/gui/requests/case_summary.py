"""A case in HTML: the deadline rule, the earlier requests of the same person, and the
compact summary the Requests page previews. The case dialog's overview reuses the rule
and the repeats, so both say the same in the same words."""

from __future__ import annotations

import html
from typing import Any

from ...domain.vocabulary import NOTIFICATION_STATUSES, RIGHTS, STATUSES, URGENCIES, label
from ...i18n import _
from ...services import requests as rq
from ..formatting import URGENCY_FOREGROUND, format_date


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def heading_html(text: str) -> str:
    """A bold paragraph heading; `text` comes translated (never `_()` in an f-string)."""
    return f"<p><b>{esc(text)}</b></p>"


def rule_section_html(view: dict[str, Any]) -> str:
    """The heading and the numbered steps of the deadline rule."""
    return heading_html(_("How the deadline was computed")) + rule_html(view)


def rule_html(view: dict[str, Any]) -> str:
    lines = "".join(f"<li>{esc(line)}</li>" for line in view["rule_lines"])
    return f"<ol style='margin-top:0'>{lines}</ol>" if lines else ""


def repeats_html(view: dict[str, Any]) -> str:
    if not view["repeats"]:
        return ""
    items = "".join(
        f"<li><a href='{esc(r['case_number'])}'>{esc(r['case_number'])}</a> — "
        f"{esc(format_date(r['received']))}: "
        f"{esc(', '.join(label(RIGHTS, x).split(' (')[0] for x in r['rights']))} "
        f"({esc(label(STATUSES, r['status']))})</li>"
        for r in view["repeats"]
    )
    title = esc(_("Earlier requests of the same data subject within 12 months"))
    note = esc(_("For information only: nothing is charged or refused automatically."))
    return f"<p><b>{title}</b><br/><span style='color:#666'>{note}</span></p><ul>{items}</ul>"


def case_html(view: dict[str, Any]) -> str:
    """A compact read-only summary: due date, rule, repeats, last events."""
    due = view.get("effective_due_date")
    urgency = view["urgency"]
    colour = URGENCY_FOREGROUND.get(urgency, "#333")
    name = esc(view["subject"]["name"])
    head = f"<h3 style='margin:0'>{esc(view['case_number'])} — {name}</h3>"
    state = esc(label(STATUSES, view["status"]))
    if due:
        due_text = esc(_("due {day}").format(day=format_date(due)))
        state += f" · <span style='color:{colour}'><b>{due_text}</b></span>"
    elif view["status"] in rq.OPEN_STATUSES:
        state += f" · <span style='color:{colour}'>{esc(label(URGENCIES, urgency))}</span>"
    parts = [head, f"<p>{state}</p>"]
    parts.append(rule_section_html(view))
    parts.append(repeats_html(view))
    events = view["timeline"][-5:]
    if events:
        rows = "".join(
            f"<tr><td style='color:#666;padding-right:8px'>{esc(t['local'])}</td>"
            f"<td>{esc(t['description'])}</td></tr>"
            for t in events
        )
        parts.append(heading_html(_("Latest events")) + f"<table>{rows}</table>")
    return "".join(parts)


def notify_html(view: dict[str, Any]) -> str:
    """The recipients to tell of a rectification, erasure or restriction (Art. 19)."""
    notify = view["notify"]
    if not notify:
        return ""

    def recorded(n: dict[str, Any]) -> str:
        if not n.get("status"):
            return _("nothing recorded: the letter says nothing about it")
        extra = n.get("notified_on") or n.get("reason") or ""
        status = label(NOTIFICATION_STATUSES, n["status"])
        return f"{status} {extra}".strip()

    items = "".join(
        f"<li>{esc(n['name'])} <span style='color:#666'>({esc(n['register'])})</span>: "
        f"{esc(recorded(n))}</li>"
        for n in notify
    )
    title = heading_html(_("Recipients to inform of the change (GDPR Art. 19)"))
    return f"{title}<ul>{items}</ul>"
