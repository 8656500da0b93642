"""Charts of a report as reportlab drawings (no Qt): bars per neighbourhood, a line
per month and a spider for Positive Health.

:func:`chart_drawing` turns a :class:`~.model.Chart` into a
:class:`~reportlab.graphics.shapes.Drawing` of the given width; the PDF places it
as a flowable. Suppressed or missing values (``None``) are left out of the
drawing, never drawn as 0 (a bar is missing, a line has a gap, a spider point is
not drawn); the caption under the chart says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .model import Chart

# A calm, municipal palette: one dark blue for a single series, then muted tones
# that stay apart in greyscale print.
PRIMARY = colors.HexColor("#1F3A5F")
ACCENT = colors.HexColor("#2E7D7A")
GRID = colors.HexColor("#D5DCE4")
TEXT = colors.HexColor("#2B2B2B")
MUTED = colors.HexColor("#5F6B77")
SERIES_COLOURS = [
    PRIMARY,
    colors.HexColor("#C28A2C"),  # muted ochre
    ACCENT,
    colors.HexColor("#8FA8C8"),  # light blue
    colors.HexColor("#9B4F3F"),  # brick
    colors.HexColor("#6E7F3A"),  # olive
]

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


def set_fonts(regular: str, bold: str) -> None:
    """Use these (registered) font names in every chart (the PDF calls this)."""
    global FONT, FONT_BOLD
    FONT, FONT_BOLD = regular, bold


def nl_number(value: float, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5' (Dutch thousands separator and decimal comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _axis_label(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return nl_number(value)
    return nl_number(value, 1)


def _colour(i: int) -> colors.Color:
    return SERIES_COLOURS[i % len(SERIES_COLOURS)]


def _nice_max(values: Sequence[float | None]) -> float:
    """A round axis maximum just above the largest value (at least 1)."""
    top = max((v for v in values if v is not None), default=0.0)
    if top <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 2.5, 5, 10):
        if top <= step * exp:
            return float(step * exp)
    return float(10 * exp)  # pragma: no cover - the loop always returns


def _step(top: float) -> float:
    """A value step giving 4 to 5 grid lines."""
    raw = top / 5
    exp = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for s in (1, 2, 2.5, 5, 10):
        if raw <= s * exp:
            step = s * exp
            return float(max(step, 1.0)) if top >= 4 else float(step)
    return float(10 * exp)  # pragma: no cover


def _shorten(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _legend(series: Sequence[str], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x = x
    legend.y = y
    legend.alignment = "right"
    legend.fontName = FONT
    legend.fontSize = 8
    legend.fillColor = TEXT
    legend.boxAnchor = "nw"
    legend.columnMaximum = 1
    legend.deltax = 0
    legend.dxTextSpace = 4
    legend.dx = 8
    legend.dy = 8
    legend.autoXPadding = 14
    legend.strokeWidth = 0
    legend.strokeColor = None
    legend.colorNamePairs = [(_colour(i), name) for i, name in enumerate(series)]
    return legend


def _values(chart: Chart) -> list[float | None]:
    return [v for vals in chart.series.values() for v in vals]


def _data(chart: Chart) -> list[tuple[float | None, ...]]:
    return [tuple(None if v is None else float(v) for v in vals)
            for vals in chart.series.values()]


def has_missing(chart: Chart) -> bool:
    return any(v is None for v in _values(chart))


def bar_drawing(chart: Chart, width: float) -> Drawing:
    """Horizontal bars (labels on the left read well for neighbourhood and
    activity names); vertical bars when there are few short labels."""
    n = max(1, len(chart.categories))
    n_series = max(1, len(chart.series))
    longest = max((stringWidth(c, FONT, 8) for c in chart.categories), default=0)
    legend_h = 16 if n_series > 1 else 0
    if n <= 6 and longest < 60:
        height = 190 + legend_h
        d = Drawing(width, height)
        bc = VerticalBarChart()
        bc.x, bc.y = 44, 30
        bc.width, bc.height = width - 60, height - 50 - legend_h
        bc.categoryAxis.labels.angle = 0
        bc.categoryAxis.labels.dy = -4
    else:
        label_w = min(max(longest + 8, 60), width * 0.38)
        bar_h = 10 if n_series == 1 else 6 * n_series
        height = n * (bar_h + 4) + 40 + legend_h
        d = Drawing(width, height)
        bc = HorizontalBarChart()
        bc.x, bc.y = label_w, 24
        bc.width, bc.height = width - label_w - 14, height - 34 - legend_h
        bc.categoryAxis.reverseDirection = 1  # first category on top
        bc.categoryAxis.labels.boxAnchor = "e"
        bc.categoryAxis.labels.dx = -4
    bc.data = _data(chart)
    bc.categoryAxis.categoryNames = [_shorten(c, FONT, 8, 0.38 * width) for c in chart.categories]
    bc.categoryAxis.labels.fontName = FONT
    bc.categoryAxis.labels.fontSize = 8
    bc.categoryAxis.labels.fillColor = TEXT
    bc.categoryAxis.strokeColor = MUTED
    bc.categoryAxis.tickShift = 0
    top = _nice_max(_values(chart))
    va = bc.valueAxis
    va.valueMin, va.valueMax, va.valueStep = 0, top, _step(top)
    va.labels.fontName = FONT
    va.labels.fontSize = 8
    va.labels.fillColor = MUTED
    va.labelTextFormat = _axis_label
    va.strokeColor = MUTED
    va.visibleGrid = 1
    va.gridStrokeColor = GRID
    va.gridStrokeWidth = 0.5
    bc.barSpacing = 1
    bc.groupSpacing = 4
    for i in range(n_series):
        bc.bars[i].fillColor = _colour(i)
        bc.bars[i].strokeColor = None
    d.add(bc)
    if chart.y_label:
        if isinstance(bc, HorizontalBarChart):  # the value axis is at the bottom
            d.add(String(bc.x + bc.width, 1, chart.y_label, fontName=FONT, fontSize=7.5,
                         fillColor=MUTED, textAnchor="end"))
        else:
            d.add(String(4, bc.y + bc.height + 8, chart.y_label, fontName=FONT,
                         fontSize=7.5, fillColor=MUTED))
    if n_series > 1:
        d.add(_legend(list(chart.series), 4, height - 2))
    return d


def line_drawing(chart: Chart, width: float) -> Drawing:
    """One line per series over the months; a suppressed month is a gap."""
    n_series = max(1, len(chart.series))
    legend_h = 16 if n_series > 1 else 0
    height = 200 + legend_h
    d = Drawing(width, height)
    lc = HorizontalLineChart()
    lc.x, lc.y = 44, 34
    lc.width, lc.height = width - 60, height - 56 - legend_h
    lc.data = _data(chart)
    lc.joinedLines = 1
    lc.categoryAxis.categoryNames = list(chart.categories)
    lc.categoryAxis.labels.fontName = FONT
    lc.categoryAxis.labels.fontSize = 7.5
    lc.categoryAxis.labels.fillColor = TEXT
    many = len(chart.categories) > 8
    lc.categoryAxis.labels.angle = 35 if many else 0
    lc.categoryAxis.labels.boxAnchor = "ne" if many else "n"
    lc.categoryAxis.labels.dy = -3
    lc.categoryAxis.strokeColor = MUTED
    top = _nice_max(_values(chart))
    va = lc.valueAxis
    va.valueMin, va.valueMax, va.valueStep = 0, top, _step(top)
    va.labels.fontName = FONT
    va.labels.fontSize = 8
    va.labels.fillColor = MUTED
    va.labelTextFormat = _axis_label
    va.strokeColor = MUTED
    va.visibleGrid = 1
    va.gridStrokeColor = GRID
    va.gridStrokeWidth = 0.5
    for i in range(n_series):
        lc.lines[i].strokeColor = _colour(i)
        lc.lines[i].strokeWidth = 1.8
        lc.lines[i].symbol = None
    d.add(lc)
    # Dots show single months between gaps, which a line alone would hide.
    for si, vals in enumerate(_data(chart)):
        n = max(1, len(vals))
        for ci, v in enumerate(vals):
            if v is None:
                continue
            x = lc.x + (ci + 0.5) * lc.width / n
            y = lc.y + (v / top) * lc.height
            d.add(Circle(x, y, 2.2, fillColor=_colour(si), strokeColor=None))
    if chart.y_label:
        d.add(String(4, lc.y + lc.height + 8, chart.y_label, fontName=FONT, fontSize=7.5,
                     fillColor=MUTED))
    if n_series > 1:
        d.add(_legend(list(chart.series), 4, height - 2))
    return d


def spider_drawing(chart: Chart, width: float, scale_max: float = 10.0) -> Drawing:
    """Positive Health: six spokes on a fixed 0-10 scale, one polygon per moment."""
    n_series = max(1, len(chart.series))
    legend_h = 18 if n_series > 1 else 0
    height = min(width * 0.62, 300) + legend_h
    d = Drawing(width, height)
    cx, cy = width / 2, (height - legend_h) / 2
    radius = (height - legend_h) / 2 - 22
    spokes = len(chart.categories)
    if spokes < 3:
        return d

    def point(i: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / spokes
        r = radius * max(0.0, min(value, scale_max)) / scale_max
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for ring in range(2, int(scale_max) + 1, 2):
        pts: list[float] = []
        for i in range(spokes):
            pts.extend(point(i, ring))
        d.add(Polygon(pts, fillColor=None, strokeColor=GRID, strokeWidth=0.6))
        if ring < scale_max:  # the outer ring is the label's place
            x, y = point(0, ring)
            d.add(String(x + 3, y - 3, nl_number(ring), fontName=FONT, fontSize=6.5,
                         fillColor=MUTED))
    for i, label in enumerate(chart.categories):
        x, y = point(i, scale_max)
        d.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.6))
        lx, ly = point(i, scale_max * 1.08)
        anchor = "middle"
        if lx > cx + 5:
            anchor = "start"
        elif lx < cx - 5:
            anchor = "end"
        if ly > cy + radius * 0.9:
            ly += 3
        elif ly < cy - radius * 0.9:
            ly -= 5
        d.add(String(lx, ly - 3, label, fontName=FONT, fontSize=8, fillColor=TEXT,
                     textAnchor=anchor))
    for si, vals in enumerate(_data(chart)):
        colour = _colour(si)
        known = [(i, v) for i, v in enumerate(vals) if v is not None]
        if len(known) == spokes:
            pts = [c for i, v in known for c in point(i, v)]
            fill = colors.Color(colour.red, colour.green, colour.blue, alpha=0.12)
            d.add(Polygon(pts, fillColor=fill, strokeColor=colour, strokeWidth=1.6))
        else:  # draw only the sides between two known neighbours
            for (i, v), (j, w) in zip(known, known[1:] + known[:1], strict=True):
                if (i + 1) % spokes == j:
                    d.add(PolyLine([*point(i, v), *point(j, w)], strokeColor=colour,
                                   strokeWidth=1.6))
        for i, v in known:
            x, y = point(i, v)
            d.add(Circle(x, y, 2.2, fillColor=colour, strokeColor=None))
    if n_series > 1:
        d.add(_legend(list(chart.series), 4, height - 2))
    return d


def chart_drawing(chart: Chart, width: float) -> Drawing:
    if chart.kind == "bar":
        return bar_drawing(chart, width)
    if chart.kind == "line":
        return line_drawing(chart, width)
    if chart.kind == "spider":
        return spider_drawing(chart, width)
    raise ValueError(f"unknown chart kind {chart.kind!r}")
