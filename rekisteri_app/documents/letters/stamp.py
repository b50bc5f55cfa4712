"""Stamp an already issued letter as a copy, and carry machine-readable enclosures.

An issued letter is archived as the exact bytes that were sent. Printing it again must
not re-compose it (templates, settings or the engine may have changed since), so the
copy stamp is drawn on a separate transparent page and laid over every stored page;
the stored text underneath is untouched. The same library embeds the portability
enclosure (CSV and JSON) as PDF file attachments, so the archived PDF and its SHA-256
cover exactly what the data subject received.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from ..fonts import BOLD, register_fonts
from . import layout as L
from .render import STAMP, _fit


def _stamp_page(text: str, width: float, height: float) -> PdfReader:
    register_fonts()
    buffer = BytesIO()
    c = Canvas(buffer, pagesize=(width, height), invariant=1)
    c.setFillColor(STAMP)
    size = _fit(text, BOLD, L.STAMP_FONT_SIZE, 190, 40)
    c.setFont(BOLD, size)
    c.translate(width / 2, height / 2)
    c.rotate(35)
    c.drawCentredString(0, -size / 3, text)
    c.showPage()
    c.save()
    return PdfReader(BytesIO(buffer.getvalue()))


def stamp_pdf(pdf: bytes, text: str) -> bytes:
    """`pdf` with `text` stamped diagonally on every page (attachments kept)."""
    writer = PdfWriter(clone_from=BytesIO(pdf))
    cache: dict[tuple[float, float], PdfReader] = {}
    for page in writer.pages:
        box = (float(page.mediabox.width), float(page.mediabox.height))
        if box not in cache:
            cache[box] = _stamp_page(text, *box)
        page.merge_page(cache[box].pages[0])
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def attach_files(pdf: bytes, files: list[tuple[str, bytes]]) -> bytes:
    """`pdf` with `files` embedded as file attachments (name, content)."""
    if not files:
        return pdf
    writer = PdfWriter(clone_from=BytesIO(pdf))
    for name, content in files:
        writer.add_attachment(name, content)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def attached_files(pdf: bytes) -> list[tuple[str, bytes]]:
    """The files embedded in `pdf`, in name order."""
    reader = PdfReader(BytesIO(pdf))
    out: list[tuple[str, bytes]] = []
    for name, contents in sorted(reader.attachments.items()):
        out.extend((name, content) for content in contents)
    return out
