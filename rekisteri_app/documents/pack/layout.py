"""What the pack's PDFs share: A4 in the embedded DejaVu family, styles, tables, and a
footer with the document's name, the period and "page (pages)".

Rendered to memory with reportlab's `invariant=1` (no creation date or random document
id in the file), so the same input gives the same bytes and the manifest's hashes repeat.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..fonts import BOLD, ITALIC, REGULAR, register_fonts
from ..paging import a4_document, numbered_canvas
from .texts import PackTexts

MARGIN_X = 18 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
WIDTH = A4[0] - 2 * MARGIN_X
TEXT = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#c8c8c8")
STRIPE = colors.HexColor("#f2f5f9")
SEVERITY_COLOURS = {
    "red": colors.HexColor("#c62828"),
    "amber": colors.HexColor("#ef8f00"),
    "ok": colors.HexColor("#2e7d32"),
}


def e(text: object) -> str:
    """Plain text escaped for reportlab's paragraph mini-markup."""
    return escape("" if text is None else str(text)).replace("\n", "<br/>")


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9, leading=12.5, textColor=TEXT, spaceAfter=4
    )
    return {
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7.5, leading=10, spaceBefore=3, spaceAfter=2
        ),
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "indented": ParagraphStyle("indented", parent=base, leftIndent=12, textColor=MUTED),
        "note": ParagraphStyle("note", parent=base, fontName=ITALIC, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=22, leading=27, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=12, leading=16, textColor=MUTED, spaceAfter=14
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11,
            leading=14.5,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=BOLD, fontSize=8, leading=10.5, spaceAfter=0
        ),
        "cell_bold_right": ParagraphStyle(
            "cell_bold_right",
            parent=base,
            fontName=BOLD,
            fontSize=8,
            leading=10.5,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
        "cell_right": ParagraphStyle(
            "cell_right", parent=base, fontSize=8, leading=10.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "banner": ParagraphStyle(
            "banner",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13.5,
            textColor=colors.white,
            spaceAfter=0,
        ),
        "footer": ParagraphStyle("footer", fontName=REGULAR, fontSize=7, textColor=MUTED),
        "footer_right": ParagraphStyle(
            "footer_right", fontName=REGULAR, fontSize=7, textColor=MUTED, alignment=TA_RIGHT
        ),
    }


def table(
    s: dict[str, ParagraphStyle],
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    drop_empty: bool = False,
) -> Table:
    """A striped table whose cells wrap; `right` lists the columns aligned right
    (numbers). The header row repeats on every page the table runs over. With
    `drop_empty`, a column no row fills is left out and its width goes to the widest."""
    if drop_empty and rows:
        keep = [i for i in range(len(headers)) if any(_filled(row[i]) for row in rows)]
        if keep and len(keep) < len(headers):
            spare = sum(w for i, w in enumerate(widths) if i not in keep)
            widest = max(keep, key=lambda i: widths[i])
            widths = [widths[i] + (spare if i == widest else 0) for i in keep]
            right = [keep.index(i) for i in right if i in keep]
            headers = [headers[i] for i in keep]
            rows = [[row[i] for i in keep] for row in rows]
    head = [
        Paragraph(e(h), s["cell_bold_right" if i in right else "cell_bold"])
        for i, h in enumerate(headers)
    ]
    body = [
        [
            cell
            if isinstance(cell, Flowable)
            else Paragraph(e(cell), s["cell_right" if i in right else "cell"])
            for i, cell in enumerate(row)
        ]
        for row in rows
    ]
    result = Table([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for index in range(1, len(body) + 1, 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), STRIPE))
    result.setStyle(TableStyle(commands))
    return result


def _filled(cell: object) -> bool:
    return isinstance(cell, Flowable) or bool(str(cell or "").strip())


def facts(
    s: dict[str, ParagraphStyle], pairs: Sequence[tuple[str, str]], label_width: float
) -> Table:
    """Label–value lines without a header (the cover, a register's card)."""
    rows = [
        [Paragraph(e(label), s["cell_bold"]), Paragraph(e(value), s["cell"])]
        for label, value in pairs
        if value
    ]
    result = Table(rows or [["", ""]], colWidths=[label_width, WIDTH - label_width], hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return result


def banner(s: dict[str, ParagraphStyle], text: str, colour: colors.Color) -> Table:
    """A coloured box across the page: the cover's pseudonymised/identified statement."""
    box = Table([[Paragraph(e(text), s["banner"])]], colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def _footer(footer: str, texts: PackTexts, s: dict[str, ParagraphStyle]):
    """The footer drawer: the document's line at the left, "page (pages)" at the right."""

    def draw(canvas: Canvas, page: int, total: int) -> None:
        y = MARGIN_BOTTOM - 9 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 9, MARGIN_X + WIDTH, y + 9)
        right_width = 30 * mm
        left = Paragraph(e(footer), s["footer"])
        right = Paragraph(e(texts.page_label(page, total)), s["footer_right"])
        _, h_left = left.wrap(WIDTH - right_width, 20 * mm)
        _, h_right = right.wrap(right_width, 10 * mm)
        left.drawOn(canvas, MARGIN_X, y + 6 - h_left)
        right.drawOn(canvas, MARGIN_X + WIDTH - right_width, y + 6 - h_right)

    return draw


def render(
    story: list[Flowable], *, title: str, footer: str, texts: PackTexts, author: str
) -> bytes:
    """The story as A4 PDF bytes, deterministic for the same story."""
    s = styles()
    buffer = io.BytesIO()
    document = a4_document(
        buffer,
        margins=(MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM),
        font=(REGULAR, 9, 12.5),
        template_id="pack",
        title=title,
        author=author,
        lang=texts.lang,
    )
    document.build(story, canvasmaker=numbered_canvas(_footer(footer, texts, s)))
    return buffer.getvalue()
