"""The charts of index.pdf, drawn with reportlab.graphics (vector, in the embedded font).

Each chart is a Drawing flowable; the numbers behind it are also printed as a table next
to it, so nothing is read off a bar.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..fonts import REGULAR, register_fonts
from .layout import ACCENT, MUTED, RULE, SEVERITY_COLOURS


def _step(top: int) -> int:
    """A value-axis step giving at most about six ticks, in whole requests."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return step
    return max(1, top // 6)


def _value_axis(axis, values: Sequence[int]) -> None:
    top = max([1, *values])
    step = _step(top)
    axis.valueMin = 0
    axis.valueMax = ((top + step - 1) // step) * step
    axis.valueStep = step
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = 7
    axis.labels.fillColor = MUTED
    axis.strokeColor = RULE
    axis.visibleGrid = 1
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.3


def column_chart(labels: Sequence[str], values: Sequence[int], width: float) -> Drawing:
    """Vertical bars, one per label (the months of the period)."""
    register_fonts()
    height = 52 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 9 * mm, 11 * mm
    chart.width, chart.height = width - 12 * mm, height - 15 * mm
    chart.data = [list(values)]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 6 if len(values) > 6 else 14
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.strokeColor = RULE
    _value_axis(chart.valueAxis, values)
    chart.barLabelFormat = lambda value: str(int(value)) if value else ""
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 5
    drawing.add(chart)
    return drawing


def bar_chart(labels: Sequence[str], values: Sequence[int], width: float) -> Drawing:
    """Horizontal bars with their labels at the left (requests by right)."""
    register_fonts()
    row = 6.5 * mm
    height = row * len(values) + 10 * mm
    size = 7.5
    longest = max((stringWidth(label, REGULAR, size) for label in labels), default=0)
    label_width = min(longest + 5 * mm, 0.5 * width)
    while size > 5.5 and longest + 5 * mm > label_width:
        size -= 0.25
        longest = max(stringWidth(label, REGULAR, size) for label in labels)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 7 * mm
    chart.width, chart.height = width - label_width - 8 * mm, row * len(values)
    # reportlab draws the first category at the bottom; list the first row on top
    chart.data = [list(reversed(values))]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = RULE
    _value_axis(chart.valueAxis, values)
    chart.barLabelFormat = lambda value: str(int(value)) if value else ""
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def share_chart(parts: Sequence[tuple[str, int, str]], width: float) -> Drawing:
    """A pie of (label, count, colour key) with a legend to its right (on time / late)."""
    register_fonts()
    height = 32 * mm
    drawing = Drawing(width, height)
    shown = [(label, count, key) for label, count, key in parts if count > 0]
    pie = Pie()
    pie.x, pie.y = 2 * mm, 2 * mm
    pie.width = pie.height = height - 4 * mm
    pie.data = [count for _label, count, _key in shown] or [1]
    pie.labels = None
    pie.simpleLabels = 1
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    for index, (_label, _count, key) in enumerate(shown):
        pie.slices[index].fillColor = SEVERITY_COLOURS.get(key, MUTED)
    drawing.add(pie)
    x = height + 4 * mm
    y = height - 8 * mm
    for label, count, key in parts:
        drawing.add(
            Rect(
                x,
                y,
                3.5 * mm,
                3.5 * mm,
                fillColor=SEVERITY_COLOURS.get(key, MUTED),
                strokeColor=None,
            )
        )
        drawing.add(
            String(x + 5.5 * mm, y + 0.6 * mm, f"{label}: {count}", fontName=REGULAR, fontSize=8)
        )
        y -= 6 * mm
    return drawing
