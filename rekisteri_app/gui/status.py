"""The compliance findings as the window shows them: badges, dots and the findings panel.

The checker itself is services/compliance.py (`check_database`, `status_by_subject`);
this module only adapts it for display. While that service is not installed the
window still works and simply shows no findings (`checker_available()` says so).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

log = logging.getLogger(__name__)

RED, AMBER, OK = "red", "amber", "ok"
COLOURS = {RED: "#c62828", AMBER: "#ef8f00", OK: "#2e7d32"}
RANK = {RED: 0, AMBER: 1, OK: 2}

Key = tuple[str, int]


def _service() -> Any | None:
    try:
        from ..services import compliance
    except ImportError:
        return None
    return compliance if hasattr(compliance, "check_database") else None


def checker_available() -> bool:
    return _service() is not None


def load_findings(ctx: Any) -> list[Any]:
    """All current findings, worst first; [] without the checker service."""
    service = _service()
    if service is None:
        return []
    return list(service.check_database(ctx))


def _subject_id(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def status_by_subject(findings: Iterable[Any]) -> dict[Key, str]:
    """(kind, id) -> "red" | "amber" | "ok": the service's, or the same rule locally."""
    findings = list(findings)
    service = _service()
    if service is not None and hasattr(service, "status_by_subject"):
        raw = service.status_by_subject(findings)
        return {
            (str(kind), _subject_id(ident)): str(status) for (kind, ident), status in raw.items()
        }
    out: dict[Key, str] = {}
    for finding in findings:
        key = (str(finding.subject_kind), _subject_id(finding.subject_id))
        out[key] = worst([out.get(key, OK), str(finding.severity)])
    return out


def worst(statuses: Iterable[str]) -> str:
    """The worst of some statuses; OK for none."""
    return min(statuses, key=lambda s: RANK.get(s, 2), default=OK)


@cache
def dot(status: str, size: int = 12) -> QIcon:
    """A filled coloured circle: the badge's picture (the word is beside it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS.get(status, COLOURS[OK])))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)
