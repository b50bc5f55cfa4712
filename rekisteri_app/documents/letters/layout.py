"""The SFS 2487 page frame of a letter, in millimetres from the top-left corner.

Every position the renderer uses lives here, once, so that docs/letter-layout.md, the
renderer and the test that measures the printed address all talk about the same numbers.
Distances are measured the way a person measures paper: from the top and left edges of
an A4 sheet. `y_pt()` turns them into reportlab's bottom-left points.

Sources (see docs/letter-layout.md for the reasoning):
- SFS 2487:2024 clause 4.1 and 5.2: margins left/bottom 20 mm, top/right 10 mm; body text
  one basic column (23 mm) in from the left margin; basic metadata (document name, date,
  case number, page number "1 (2)") 92 mm in from the left margin.
- Window of the envelopes used in Finland (C5 once-folded, E65/C65 folded in three):
  windows start 18-20 mm from the left and ~40 mm from the top of the sheet and are
  30-45 mm tall and 90-95 mm wide; ISO 269 / DIN 680 C6/5 and DL: 90 x 45 mm, 20 mm from
  the left. The address field below is the part of the sheet that shows through all of
  them with a few millimetres of play for the sheet moving inside the envelope.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
PAGE_SIZE = A4

# SFS 2487:2024, 4.1
MARGIN_LEFT = 20.0
MARGIN_RIGHT = 10.0
MARGIN_TOP = 10.0
MARGIN_BOTTOM = 20.0
BASIC_COLUMN = 23.0  # perussarake: body text and list items start one column in
BODY_LEFT = MARGIN_LEFT + BASIC_COLUMN  # 43 mm from the paper edge
TEXT_RIGHT = PAGE_WIDTH_MM - MARGIN_RIGHT  # 200 mm
METADATA_LEFT = MARGIN_LEFT + 92.0  # 112 mm: document name, date, case number
METADATA_VALUE_LEFT = METADATA_LEFT + BASIC_COLUMN  # 135 mm: values of Viite / Asia

# Sender block (logo / organisation name / postal address), top left, above the window.
SENDER_TOP = MARGIN_TOP
SENDER_BOTTOM = 38.0
LOGO_MAX_HEIGHT = 14.0
LOGO_MAX_WIDTH = 70.0

# First baseline of the metadata block and its line pitch.
METADATA_FIRST_BASELINE = 14.0
METADATA_PITCH = 4.2


@dataclass(frozen=True)
class Field:
    """A rectangle on the sheet, in mm from the top-left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


# The recipient's address field (vastaanottajan tietoalue) = what shows through the
# envelope window. Address text is set ADDRESS_INSET inside it.
ADDRESS_FIELD = Field(left=20.0, top=45.0, width=85.0, height=35.0)
ADDRESS_INSET = 2.0
ADDRESS_FIRST_BASELINE = ADDRESS_FIELD.top + 5.0  # 50 mm
ADDRESS_PITCH = 4.6
ADDRESS_FONT_SIZE = 10.0
ADDRESS_MIN_FONT_SIZE = 8.0
ADDRESS_MAX_LINES = 6  # Posti: rows 0-5 of an address; last baseline at 73 mm

# Body frame on the first page starts two paragraph gaps below the address field.
FIRST_BODY_TOP = ADDRESS_FIELD.bottom + 8.0  # 88 mm
LATER_BODY_TOP = 32.0
BODY_BOTTOM = PAGE_HEIGHT_MM - 25.0  # 272 mm: the footer lives below

# Footer with the organisation's contact details, on every page.
FOOTER_RULE = PAGE_HEIGHT_MM - 21.0  # 276 mm
FOOTER_FIRST_BASELINE = PAGE_HEIGHT_MM - 17.5
FOOTER_PITCH = 3.3
FOOTER_COLUMNS = (MARGIN_LEFT, 82.0, 144.0)

# Typography (DejaVu Sans runs wide: 10 pt reads like 11 pt of Arial).
BODY_FONT_SIZE = 10.0
BODY_LEADING = 13.5
PARAGRAPH_GAP_PT = 10.0  # SFS 2487:2024 6.4.3: at least 10 pt between paragraphs
SMALL_FONT_SIZE = 8.5
FOOTER_FONT_SIZE = 7.2
STAMP_FONT_SIZE = 96.0


def x_pt(x_mm: float) -> float:
    """Millimetres from the left edge as reportlab points."""
    return x_mm * mm


def y_pt(y_mm: float) -> float:
    """Millimetres from the TOP edge as reportlab points from the bottom edge."""
    return (PAGE_HEIGHT_MM - y_mm) * mm
