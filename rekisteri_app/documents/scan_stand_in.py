"""A one-page PDF that stands in for a scanned letter in the demo database."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


def scan_stand_in(title: str, lines: list[str]) -> bytes:
    """Invented text on one A4 page, in a built-in font (no font file to load)."""
    regular = "Helvetica"
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.setFont(regular, 14)
    canvas.drawString(72, 770, title)
    canvas.setFont(regular, 11)
    for i, line in enumerate(lines):
        canvas.drawString(72, 730 - 18 * i, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
