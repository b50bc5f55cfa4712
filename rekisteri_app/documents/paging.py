"""What every multi-page document needs from reportlab: a deterministic A4 template with
one padding-less frame, and a canvas that numbers pages "page (pages)".

reportlab knows the page count only at the end, so the canvas holds each page back and
draws the footers when the document is saved. `invariant=1` leaves out the creation time
and random document id, so the same story gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

#: draw_footer(canvas, page number, page count)
FooterDrawer = Callable[[Canvas, int, int], None]


def numbered_canvas(draw_footer: FooterDrawer) -> type[Canvas]:
    """A canvas class that calls `draw_footer` on every page once the count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def a4_document(
    out: BinaryIO,
    *,
    margins: tuple[float, float, float, float],  # left, right, top, bottom
    font: tuple[str, float, float],  # name, size, leading the pages start with
    template_id: str,
    **info: str,
) -> BaseDocTemplate:
    """An invariant A4 document with one frame filling the margins (no frame padding:
    tables and columns line up with the margins). `info`: title, author, subject, lang."""
    left, right, top, bottom = margins
    document = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        creator="Rekisteri",
        invariant=1,
        # start pages in the embedded font, so no unembedded Helvetica is referenced
        initialFontName=font[0],
        initialFontSize=font[1],
        initialLeading=font[2],
        **info,
    )
    frame = Frame(
        left,
        bottom,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id=template_id, frames=[frame])])
    return document
