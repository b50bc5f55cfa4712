"""Draw a composed letter on A4 pages: the SFS 2487 frame around a flowing body.

The fixed parts of page 1 (letterhead, metadata block, the recipient's address in the
envelope window) are drawn at absolute positions from layout.py; the body flows through
reportlab platypus frames. The page number "1 (2)" needs the total page count, so the
canvas keeps every page until save() and numbers them all then.

Output is deterministic: reportlab's invariant mode fixes the creation date and document
ID, and nothing here reads the clock, the environment or the disk (except the shipped
fonts and templates).
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ...domain.enums import LetterKind
from ...i18n import _
from ..fonts import BOLD, REGULAR, register_fonts
from . import layout as L
from .compose import Block, ComposedLetter, compose_letter
from .data import LetterData, Organisation, Recipient

INK = black
MUTED = Color(0.32, 0.32, 0.32)
RULE = Color(0.6, 0.6, 0.6)
STAMP = Color(0.55, 0.55, 0.55, alpha=0.30)


class AddressFieldOverflow(ValueError):
    """The recipient's address does not fit the envelope window; printing would hide it."""

    def __init__(self, lines: int):
        self.lines = lines
        super().__init__(
            _("The address has {count} lines; at most {limit} fit in the envelope window.").format(
                count=lines, limit=L.ADDRESS_MAX_LINES
            )
        )


def render_letter(
    data: LetterData,
    *,
    copy: bool = False,
    draft: bool = False,
    overrides: Mapping[LetterKind | str, str] | None = None,
) -> bytes:
    """The letter as PDF bytes.

    `copy` stamps every page KOPIO/KOPIA/COPY (the archive copy), `draft` stamps
    LUONNOS/UTKAST/DRAFT (the preview before the officer approves). `overrides` maps a
    letter kind to the officer's own body wording in the letter's language.
    Raises MissingPlaceholder when any field the wording needs has no value.
    """
    composed = compose_letter(data, overrides)
    return render_composed(composed, data.organisation, data.recipient, copy=copy, draft=draft)


def render_composed(
    composed: ComposedLetter,
    organisation: Organisation,
    recipient: Recipient,
    *,
    copy: bool = False,
    draft: bool = False,
) -> bytes:
    """A letter composed elsewhere (e.g. an Art. 34 breach notice) in the same frame:
    letterhead, window-envelope address, footer, page numbers and stamps."""
    address = [recipient.name, *(line for line in recipient.address_lines if line)]
    if len(address) > L.ADDRESS_MAX_LINES:
        raise AddressFieldOverflow(len(address))
    stamps = []
    if draft:
        stamps.append(composed.labels["draft_stamp"])
    if copy:
        stamps.append(composed.labels["copy_stamp"])
    return _Renderer(composed, organisation, address, stamps).render()


# -- canvas that knows the page count ---------------------------------------------------


class _NumberedCanvas(Canvas):
    """Holds every page until save() so that each can print "page (total)"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFillColor(INK)
            self.setFont(REGULAR, 9)
            self.drawRightString(
                L.x_pt(L.TEXT_RIGHT), L.y_pt(L.METADATA_FIRST_BASELINE), f"{number} ({total})"
            )
            super().showPage()
        super().save()


# -- styles -------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    indent = L.BASIC_COLUMN * mm
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=L.BODY_FONT_SIZE,
        leading=L.BODY_LEADING,
        leftIndent=indent,
        spaceAfter=L.PARAGRAPH_GAP_PT,
        textColor=INK,
    )
    return {
        "body": body,
        "tight": ParagraphStyle("tight", parent=body, spaceAfter=0),
        "subject": ParagraphStyle(
            "subject",
            parent=body,
            fontName=BOLD,
            leftIndent=0,
            fontSize=10.5,
            leading=14,
            spaceAfter=12,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            leftIndent=0,
            spaceBefore=8,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "label": ParagraphStyle(
            "label",
            parent=body,
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=2,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "item": ParagraphStyle(
            "item",
            parent=body,
            leftIndent=indent + 5 * mm,
            bulletIndent=indent + 1 * mm,
            spaceAfter=3,
        ),
        "ground": ParagraphStyle(
            "ground",
            parent=body,
            leftIndent=indent + 5 * mm,
            fontSize=9.5,
            leading=12.5,
            spaceAfter=5,
        ),
        "note": ParagraphStyle("note", parent=body, leftIndent=indent + 5 * mm, spaceAfter=6),
        "address": body,
        "copy": ParagraphStyle("copy", parent=body, spaceAfter=8),
        "encl_label": ParagraphStyle("encl_label", parent=body, leftIndent=0, spaceAfter=0),
    }


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _fit(text: str, font: str, size: float, width_mm: float, minimum: float) -> float:
    """The largest font size up to `size` at which `text` fits `width_mm`."""
    while size > minimum and stringWidth(text, font, size) > width_mm * mm:
        size -= 0.25
    return size


class _Renderer:
    def __init__(
        self,
        letter: ComposedLetter,
        organisation: Organisation,
        address: list[str],
        stamps: list[str],
    ):
        self.letter = letter
        self.organisation = organisation
        self.address = address
        self.stamps = stamps
        self.styles = _styles()

    # -- fixed parts ----------------------------------------------------------------
    def _stamp(self, c: Canvas) -> None:
        for index, text in enumerate(self.stamps):
            c.saveState()
            c.setFillColor(STAMP)
            size = _fit(text, BOLD, L.STAMP_FONT_SIZE, 190, 40)
            c.setFont(BOLD, size)
            c.translate(L.x_pt(L.PAGE_WIDTH_MM / 2), L.y_pt(L.PAGE_HEIGHT_MM / 2 + index * 45))
            c.rotate(35)
            c.drawCentredString(0, -size / 3, text)
            c.restoreState()

    def _footer(self, c: Canvas) -> None:
        org = self.organisation
        labels = self.letter.labels
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(
            L.x_pt(L.MARGIN_LEFT),
            L.y_pt(L.FOOTER_RULE),
            L.x_pt(L.TEXT_RIGHT),
            L.y_pt(L.FOOTER_RULE),
        )
        columns: list[list[tuple[str, str]]] = [
            [(BOLD, org.name), *((REGULAR, line) for line in org.postal_address)],
            [
                (REGULAR, line)
                for line in (
                    f"{labels['visiting_address']}: {org.visiting_address}"
                    if org.visiting_address
                    else "",
                    f"{labels['phone']} {org.phone}" if org.phone else "",
                )
                if line
            ],
            [
                (REGULAR, line)
                for line in (
                    org.email,
                    org.web,
                    f"{labels['business_id']} {org.business_id}" if org.business_id else "",
                )
                if line
            ],
        ]
        edges = [*L.FOOTER_COLUMNS[1:], L.TEXT_RIGHT + 2]
        for left, right, lines in zip(L.FOOTER_COLUMNS, edges, columns, strict=True):
            for row, (font, text) in enumerate(lines[:4]):
                size = _fit(text, font, L.FOOTER_FONT_SIZE, right - left - 2, 5.5)
                c.setFont(font, size)
                c.setFillColor(INK if font == BOLD else MUTED)
                c.drawString(
                    L.x_pt(left), L.y_pt(L.FOOTER_FIRST_BASELINE + row * L.FOOTER_PITCH), text
                )
        c.restoreState()

    def _sender(self, c: Canvas) -> None:
        org = self.organisation
        baseline = L.METADATA_FIRST_BASELINE
        if org.logo:
            image = ImageReader(BytesIO(org.logo))
            width_px, height_px = image.getSize()
            scale = min(L.LOGO_MAX_WIDTH / width_px, L.LOGO_MAX_HEIGHT / height_px)
            width, height = width_px * scale, height_px * scale
            c.drawImage(
                image,
                L.x_pt(L.MARGIN_LEFT),
                L.y_pt(L.SENDER_TOP + height),
                width * mm,
                height * mm,
                mask="auto",
            )
            baseline = L.SENDER_TOP + height + 4.5
        name_width = L.METADATA_LEFT - L.MARGIN_LEFT - 6
        size = _fit(org.name, BOLD, 10, name_width, 7)
        c.setFont(BOLD, size)
        c.setFillColor(INK)
        c.drawString(L.x_pt(L.MARGIN_LEFT), L.y_pt(baseline), org.name)
        c.setFont(REGULAR, L.SMALL_FONT_SIZE)
        c.setFillColor(MUTED)
        for line in org.postal_address:
            baseline += 3.8
            if baseline > L.SENDER_BOTTOM + 2:
                break
            c.drawString(L.x_pt(L.MARGIN_LEFT), L.y_pt(baseline), line)

    def _metadata(self, c: Canvas) -> None:
        letter = self.letter
        left = L.METADATA_LEFT
        name_width = (L.TEXT_RIGHT - 16 - left) * mm
        y = L.METADATA_FIRST_BASELINE
        c.setFillColor(INK)
        c.setFont(BOLD, 10)
        for line in simpleSplit(letter.document_name, BOLD, 10, name_width):
            c.drawString(L.x_pt(left), L.y_pt(y), line)
            y += L.METADATA_PITCH
        c.setFont(REGULAR, 9.5)
        c.drawString(L.x_pt(left), L.y_pt(y), letter.date_text)
        y += L.METADATA_PITCH
        c.drawString(
            L.x_pt(left), L.y_pt(y), f"{letter.labels['case_number']} {letter.case_number}"
        )
        y += L.METADATA_PITCH * 1.6
        value_width = (L.TEXT_RIGHT - L.METADATA_VALUE_LEFT) * mm
        for key, value in (
            ("reference", letter.reference),
            ("matter", letter.matter),
            ("sent_via", letter.sent_via),
        ):
            if not value:
                continue
            c.setFont(REGULAR, 8.5)
            c.setFillColor(MUTED)
            c.drawString(L.x_pt(left), L.y_pt(y), letter.labels[key])
            c.setFillColor(INK)
            c.setFont(REGULAR, 9)
            for line in simpleSplit(value, REGULAR, 9, value_width):
                c.drawString(L.x_pt(L.METADATA_VALUE_LEFT), L.y_pt(y), line)
                y += L.METADATA_PITCH - 0.3
            y += 0.6

    def _address(self, c: Canvas) -> None:
        field = L.ADDRESS_FIELD
        width = field.width - 2 * L.ADDRESS_INSET
        size = min(
            _fit(line, REGULAR, L.ADDRESS_FONT_SIZE, width, L.ADDRESS_MIN_FONT_SIZE)
            for line in self.address
        )
        c.setFillColor(INK)
        c.setFont(REGULAR, size)
        x = L.x_pt(field.left + L.ADDRESS_INSET)
        for row, line in enumerate(self.address):
            text = line
            while stringWidth(text, REGULAR, size) > width * mm and len(text) > 1:
                text = text[:-1]  # only an absurdly long word gets here; never overflow
            c.drawString(x, L.y_pt(L.ADDRESS_FIRST_BASELINE + row * L.ADDRESS_PITCH), text)

    def _later_header(self, c: Canvas) -> None:
        letter = self.letter
        y = L.METADATA_FIRST_BASELINE
        c.setFillColor(INK)
        org_width = L.METADATA_LEFT - L.MARGIN_LEFT - 6
        size = _fit(letter.organisation_name, BOLD, 9, org_width, 6.5)
        c.setFont(BOLD, size)
        c.drawString(L.x_pt(L.MARGIN_LEFT), L.y_pt(y), letter.organisation_name)
        # One line only (the date and case number follow at fixed places): a long name
        # such as "ILMOITUS VASTAUSAJAN PIDENTÄMISESTÄ" is set smaller, never cut.
        width = L.TEXT_RIGHT - 16 - L.METADATA_LEFT
        c.setFont(BOLD, _fit(letter.document_name, BOLD, 9, width, 5.5))
        c.drawString(L.x_pt(L.METADATA_LEFT), L.y_pt(y), letter.document_name)
        c.setFont(REGULAR, 9)
        c.drawString(L.x_pt(L.METADATA_LEFT), L.y_pt(y + L.METADATA_PITCH), letter.date_text)
        c.drawString(
            L.x_pt(L.METADATA_LEFT),
            L.y_pt(y + 2 * L.METADATA_PITCH),
            f"{letter.labels['case_number']} {letter.case_number}",
        )

    def _first_page(self, c: Canvas, _doc) -> None:
        c.saveState()
        self._stamp(c)
        self._sender(c)
        self._metadata(c)
        self._address(c)
        self._footer(c)
        c.restoreState()

    def _later_page(self, c: Canvas, _doc) -> None:
        c.saveState()
        self._stamp(c)
        self._later_header(c)
        self._footer(c)
        c.restoreState()

    # -- flowing body -----------------------------------------------------------------
    def _block(self, block: Block) -> Flowable:
        style = self.styles[block.style]
        if block.style == "item":
            return Paragraph(_markup(block.text), style, bulletText="•")
        if block.style == "address":  # an address split over two pages is no address
            return KeepTogether([Paragraph(_markup(block.text), style)])
        return Paragraph(_markup(block.text), style)

    def _flowables(self) -> list[Flowable]:
        letter, st = self.letter, self.styles
        story: list[Flowable] = [Paragraph(_markup(letter.subject), st["subject"])]
        blocks = list(letter.blocks)
        grouped = ("item", "ground", "note", "label")
        kept: set[int] = set()
        for index, block in enumerate(blocks):
            if index in kept:
                continue
            following = blocks[index + 1].style if index + 1 < len(blocks) else None
            if following == "address":  # "...the supervisory authority is:" + its address
                group = [self._block(block), self._block(blocks[index + 1])]
                if index and blocks[index - 1].style == "heading":
                    group.insert(0, story.pop())  # and the heading above them
                story.append(KeepTogether(group))
                kept.add(index + 1)
                continue
            story.append(self._block(block))
            if block.style in grouped and following not in ("item", "ground", "note"):
                # a list ends: give it the paragraph gap its small item spacing lacks
                story.append(Spacer(0, L.PARAGRAPH_GAP_PT - 3))
        signature = [
            Paragraph(_markup(letter.contact), st["body"]),
            Paragraph(_markup(letter.closing), st["tight"]),
            Spacer(0, 5 * mm),
            Paragraph(_markup(letter.organisation_name), st["tight"]),
            Spacer(0, 14 * mm),
            Paragraph(_markup(letter.officer_name), st["tight"]),
            Paragraph(_markup(letter.officer_title), st["body"]),
        ]
        story.append(KeepTogether(signature))
        if letter.enclosures:
            items = "<br/>".join(
                f"{n}. {_markup(text)}" for n, text in enumerate(letter.enclosures, start=1)
            )
            table = Table(
                [
                    [
                        Paragraph(_markup(letter.labels["enclosures"]), st["encl_label"]),
                        Paragraph(items, ParagraphStyle("encl", parent=st["body"], leftIndent=0)),
                    ]
                ],
                colWidths=[L.BASIC_COLUMN * mm, (L.TEXT_RIGHT - L.BODY_LEFT) * mm],
                hAlign="LEFT",
            )
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            story.append(table)
        if letter.appendix:
            story.append(PageBreak())
            story.extend(self._block(b) for b in letter.appendix)
        return story

    def render(self) -> bytes:
        buffer = BytesIO()
        width = (L.TEXT_RIGHT - L.MARGIN_LEFT) * mm
        first = Frame(
            L.x_pt(L.MARGIN_LEFT),
            L.y_pt(L.BODY_BOTTOM),
            width,
            (L.BODY_BOTTOM - L.FIRST_BODY_TOP) * mm,
            0,
            0,
            0,
            0,
            id="first",
        )
        later = Frame(
            L.x_pt(L.MARGIN_LEFT),
            L.y_pt(L.BODY_BOTTOM),
            width,
            (L.BODY_BOTTOM - L.LATER_BODY_TOP) * mm,
            0,
            0,
            0,
            0,
            id="later",
        )
        doc = BaseDocTemplate(
            buffer,
            pagesize=L.PAGE_SIZE,
            leftMargin=L.MARGIN_LEFT * mm,
            rightMargin=L.MARGIN_RIGHT * mm,
            topMargin=L.MARGIN_TOP * mm,
            bottomMargin=L.MARGIN_BOTTOM * mm,
            title=f"{self.letter.document_name} {self.letter.case_number}",
            author=self.organisation.name,
            creator="Rekisteri",
            producer="Rekisteri",
            lang=self.letter.language.value,
            invariant=1,
            pageTemplates=[
                PageTemplate(
                    id="first",
                    frames=[first],
                    onPage=self._first_page,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(id="later", frames=[later], onPage=self._later_page),
            ],
        )
        doc.build(self._flowables(), canvasmaker=_NumberedCanvas)
        return buffer.getvalue()
