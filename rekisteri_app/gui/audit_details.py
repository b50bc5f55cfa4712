"""An audit event's details for people: the fields that changed, before and after.

The trail stores whole JSON snapshots (before, after); the officer wants to see what
changed. Nested values are compared leaf by leaf and named by their path in words
("Rights 2 · Outcome"), known field names translated; values are shown as they were
stored, shortened, and never read as markup.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ..i18n import _
from .dialogs import FIELD_NAMES, LIST_NAMES

MAX_VALUE = 120  # characters of one value shown in the table


def _load(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _flatten(value: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    if isinstance(value, dict):
        out: dict[tuple[str, ...], Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, (*path, str(key))))
        return out or {path: {}}
    if isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        out = {}
        for number, item in enumerate(value, start=1):
            out.update(_flatten(item, (*path, f"#{number}")))
        return out or {path: []}
    return {path: value}


def field_name(path: tuple[str, ...]) -> str:
    """("rights", "#2", "outcome") -> "Rights 2 · outcome" in the UI language."""
    words = []
    for part in path:
        if part.startswith("#") and words:
            words[-1] = f"{words[-1]} {part[1:]}"
        elif part in LIST_NAMES:
            words.append(_(LIST_NAMES[part]))
        elif part in FIELD_NAMES:
            words.append(_(FIELD_NAMES[part]))
        else:
            words.append(part.replace("_", " "))
    return " · ".join(words) or _("value")


def _shown(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def changed_fields(before_json: str | None, after_json: str | None) -> list[tuple[str, str, str]]:
    """(field, before, after) of every leaf that differs, in the snapshot's order."""
    before, after = _flatten(_load(before_json)), _flatten(_load(after_json))
    if _load(before_json) is None:
        before = {}
    if _load(after_json) is None:
        after = {}
    rows = []
    for path in dict.fromkeys([*before, *after]):
        old, new = before.get(path), after.get(path)
        if old != new:
            rows.append((field_name(path), _shown(old), _shown(new)))
    return rows


def changes_html(before_json: str | None, after_json: str | None) -> str:
    """The before/after table, or a sentence when nothing was recorded."""
    rows = changed_fields(before_json, after_json)
    if not rows:
        return "<p>" + escape(_("No details recorded.")) + "</p>"
    head = "".join(
        f"<th align='left' style='padding-right:12px'>{escape(text)}</th>"
        for text in (_("Field"), _("Before"), _("After"))
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td style='padding-right:12px' valign='top'>{escape(cell)}</td>"
            for cell in (name, old, new)
        )
        + "</tr>"
        for name, old, new in rows
    )
    return f"<table cellspacing='0' cellpadding='2'><tr>{head}</tr>{body}</table>"
