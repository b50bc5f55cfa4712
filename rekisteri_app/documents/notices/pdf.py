"""The printed notice: A4, embedded DejaVu, numbered sections, "1 (3)" page numbers.

Rendered to memory (the notice is public, but the habit of never writing files from the
documents layer keeps the rule simple). `invariant=1` makes reportlab omit the creation
time and random document id, so the same input gives the same bytes — the app can hash a
published version and tell whether a re-render changed anything.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import BalancedColumns

from ..fonts import BOLD, ITALIC, REGULAR, register_fonts
from .data import NoticeData
from .structure import (
    Block,
    Bullets,
    Card,
    Heading,
    Item,
    NoticeDocument,
    Para,
    Placeholder,
    build_notice,
)

_MARGIN_X = 20 * mm
_MARGIN_TOP = 18 * mm
_MARGIN_BOTTOM = 20 * mm
_TEXT = colors.HexColor("#1a1a1a")
_MUTED = colors.HexColor("#555555")
_ACCENT = colors.HexColor("#1f4e79")
_NOT_RECORDED = colors.HexColor("#b71c1c")


def _styles() -> dict[str, ParagraphStyle]:
    family = register_fonts()
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=_TEXT, spaceAfter=4
    )
    return {
        "body": base,
        "lead_in": ParagraphStyle("lead_in", parent=base, keepWithNext=1),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD,
            fontSize=18,
            leading=22,
            textColor=_ACCENT,
            spaceAfter=3,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceAfter=2
        ),
        "law": ParagraphStyle("law", parent=base, fontSize=8.5, textColor=_MUTED, spaceAfter=8),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=_ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13.5,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "h4": ParagraphStyle(
            "h4",
            parent=base,
            fontName=BOLD,
            fontSize=9.5,
            leading=13,
            textColor=_MUTED,
            spaceBefore=4,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "item": ParagraphStyle(
            "item",
            parent=base,
            leftIndent=12,
            bulletIndent=2,
            bulletFontName=REGULAR,
            bulletColor=_MUTED,
            spaceAfter=1.5,
        ),
        "detail": ParagraphStyle(
            "detail", parent=base, leftIndent=12, textColor=_MUTED, spaceAfter=1.5
        ),
        "note": ParagraphStyle("note", parent=base, leftIndent=12, fontName=ITALIC, spaceAfter=1.5),
        "not_recorded": ParagraphStyle(
            "not_recorded", parent=base, fontName=ITALIC, textColor=_NOT_RECORDED
        ),
        "card_title": ParagraphStyle("card_title", parent=base, fontName=BOLD, spaceAfter=0.5),
        "card_line": ParagraphStyle("card_line", parent=base, spaceAfter=0.5),
        "footer": ParagraphStyle("footer", fontName=family, fontSize=7.5, textColor=_MUTED),
        "footer_right": ParagraphStyle(
            "footer_right", fontName=family, fontSize=7.5, textColor=_MUTED, alignment=TA_RIGHT
        ),
    }


def _e(text: str) -> str:
    """Escape plain text for reportlab's paragraph mini-markup (it parses & < >)."""
    return escape(text)


def _labelled(label: str, text: str) -> str:
    return f"<b>{_e(label)}:</b> {_e(text)}" if label else _e(text)


def _item_markup(item: Item) -> str:
    if item.title and item.text:
        return f"<b>{_e(item.title)}:</b> {_e(item.text)}"
    if item.title:
        return f"<b>{_e(item.title)}</b>"
    return _e(item.text)


def _block_flowables(
    block: Block, s: dict[str, ParagraphStyle], *, lead_in: bool = False
) -> list[Flowable]:
    """Flowables of one block; `lead_in` keeps a paragraph on the page of what follows
    ("Requests should be addressed to:" must not be orphaned from the address)."""
    if isinstance(block, Heading):
        return [Paragraph(_e(block.text), s["h3" if block.level <= 1 else "h4"])]
    if isinstance(block, Para):
        style = s["lead_in" if lead_in else "body"]
        return [Paragraph(_labelled(block.label, block.text), style)]
    if isinstance(block, Placeholder):
        return [Paragraph(_e(block.text), s["not_recorded"])]
    if isinstance(block, Card):
        rows: list[Flowable] = []
        if block.title:
            rows.append(Paragraph(_e(block.title), s["card_title"]))
        for line in block.lines:
            value = _e(line.value)
            if line.href:
                value = f"<link href={quoteattr(line.href)}>{value}</link>"
            label = f"{_e(line.label)}: " if line.label else ""
            rows.append(Paragraph(label + value, s["card_line"]))
        return [*_chained(rows), Spacer(1, 5)]
    if isinstance(block, Bullets):
        if block.compact:
            return [_two_columns(block, s), Spacer(1, 3)]
        # Hand-made bullets rather than ListFlowable: each item and its details stay on one
        # page, so a right's name is never orphaned from its text.
        flowables: list[Flowable] = []
        for item in block.items:
            parts: list[Flowable] = [Paragraph(_item_markup(item), s["item"], bulletText="•")]
            parts += [Paragraph(_e(d), s["detail"]) for d in item.details]
            parts += [Paragraph(_e(n), s["note"]) for n in item.notes]
            flowables.extend(_chained(parts))
        flowables.append(Spacer(1, 3))
        return flowables
    raise TypeError(f"unknown block {block!r}")


def _chained(flowables: list[Flowable]) -> list[Flowable]:
    """Keep these paragraphs on one page by chaining keepWithNext, not KeepTogether: a
    KeepTogether is a container that reportlab will not join to a preceding keepWithNext
    heading or lead-in, which would let "Requests should be addressed to:" end a page."""
    for flowable in flowables[:-1]:
        flowable.keepWithNext = 1
    return flowables


def _two_columns(block: Bullets, s: dict[str, ParagraphStyle]) -> Flowable:
    """Short items flowed down the first column, then the second (BalancedColumns keeps
    the columns even and splits across pages)."""
    paras = [Paragraph(_item_markup(i), s["item"], bulletText="•") for i in block.items]
    return BalancedColumns(
        paras, nCols=2, innerPadding=8, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )


def _story(doc: NoticeDocument, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(_e(doc.title), s["title"])]
    if doc.subtitle:
        story.append(Paragraph(_e(doc.subtitle), s["subtitle"]))
    story.append(Paragraph(_e(doc.law), s["law"]))
    if doc.introduction:
        story.append(Paragraph(_e(doc.introduction), s["body"]))
    for section in doc.sections:
        story.append(Paragraph(_e(section.numbered_heading), s["h2"]))
        for block, following in zip(section.blocks, (*section.blocks[1:], None), strict=True):
            lead_in = isinstance(block, Para) and isinstance(following, Card)
            story.extend(_block_flowables(block, s, lead_in=lead_in))
    return story


def _canvas_maker(doc: NoticeDocument, s: dict[str, ParagraphStyle]):
    """A canvas class that holds pages back until the total is known, then numbers them."""

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
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = _MARGIN_BOTTOM - 10 * mm
            self.setStrokeColor(colors.HexColor("#cccccc"))
            self.setLineWidth(0.5)
            self.line(_MARGIN_X, y + 9, width - _MARGIN_X, y + 9)
            right_width = 32 * mm
            left = Paragraph(
                _e(doc.footer),
                _one_line(s["footer"], doc.footer, width - 2 * _MARGIN_X - right_width),
            )
            right = Paragraph(_e(doc.page_label(self._pageNumber, total)), s["footer_right"])
            top = y + 6  # both paragraphs hang from the same top edge
            _, h_left = left.wrap(width - 2 * _MARGIN_X - right_width, 20 * mm)
            _, h_right = right.wrap(right_width, 10 * mm)
            left.drawOn(self, _MARGIN_X, top - h_left)
            right.drawOn(self, width - _MARGIN_X - right_width, top - h_right)

    return NumberedCanvas


def _one_line(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """A smaller footer rather than one that breaks a date over two lines (group
    companies make long footers); below 6 pt it wraps instead."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = style.fontSize
    while size > 6 and stringWidth(text, style.fontName, size) > width:
        size -= 0.25
    return ParagraphStyle(f"{style.name}-fitted", parent=style, fontSize=size)


def render_notice_pdf(data: NoticeData, lang: str | None = None) -> bytes:
    """The notice as PDF bytes in `lang` (default: `data.language`)."""
    doc = build_notice(data, lang)
    styles = _styles()
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=f"{doc.title} – {doc.subtitle}" if doc.subtitle else doc.title,
        author=doc.author,
        subject=doc.subtitle,
        creator="Rekisteri",
        lang=doc.lang,
        invariant=1,
        # Start pages in the embedded font, so no unembedded Helvetica is referenced.
        initialFontName=REGULAR,
        initialFontSize=9.5,
        initialLeading=13,
    )
    # A frame without padding: BalancedColumns positions its columns from the frame's
    # outer edge, so any frame padding would shift the two-column lists down.
    frame = Frame(
        template.leftMargin,
        template.bottomMargin,
        template.width,
        template.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="notice", frames=[frame])])
    template.build(_story(doc, styles), canvasmaker=_canvas_maker(doc, styles))
    return buffer.getvalue()
