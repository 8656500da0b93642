"""A spider (radar) chart of the six Positive Health dimensions.

Two series are drawn over each other: the scores at intake and at closing. The
series differ in colour AND in line style (dashed / solid) and marker shape
(square / round), so the chart also reads without colour. All sizes follow the
font, so the chart stays readable at 150% scaling.

* :class:`SpiderChart` is the widget.
* :func:`paint_spider` paints on any ``QPainter`` (widget, image, printer).
* :func:`render_spider` renders to a ``QImage`` (for PDF reports).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...enums import HEALTH_DIMENSIONS

MAX_SCORE = 10
RINGS = (2, 4, 6, 8, 10)

INTAKE_COLOR = QColor(0, 114, 178)  # blue (colour-blind safe pair with orange)
CLOSING_COLOR = QColor(213, 94, 0)  # vermillion


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpiderChart", text)


def _dimension_label(dutch: str) -> str:
    return QCoreApplication.translate("Labels", dutch)


@dataclass(frozen=True)
class Series:
    """One set of scores: dimension code -> 0..10."""

    label: str
    values: Mapping[str, int]
    color: QColor
    dashed: bool = False
    square_markers: bool = False


def default_series(intake: Mapping[str, int] | None,
                   closing: Mapping[str, int] | None) -> list[Series]:
    """The usual pair: 'Bij intake' (dashed, blue) and 'Bij afsluiten' (solid, orange)."""
    out: list[Series] = []
    if intake:
        out.append(Series(_tr("Bij intake"), dict(intake), INTAKE_COLOR, dashed=True,
                          square_markers=True))
    if closing:
        out.append(Series(_tr("Bij afsluiten"), dict(closing), CLOSING_COLOR))
    return out


def _point(center: QPointF, radius: float, index: int, value: float) -> QPointF:
    # Axis 0 points straight up; the others follow clockwise.
    angle = -math.pi / 2 + 2 * math.pi * index / len(HEALTH_DIMENSIONS)
    r = radius * max(0.0, min(float(MAX_SCORE), value)) / MAX_SCORE
    return QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle))


def paint_spider(painter: QPainter, rect: QRectF, series: Sequence[Series], font: QFont,
                 text_color: QColor | None = None, grid_color: QColor | None = None,
                 empty_text: str | None = None) -> None:
    """Paint the chart (grid, axis labels, series and legend) inside ``rect``."""
    text_color = text_color or QColor(30, 30, 30)
    grid_color = grid_color or QColor(170, 170, 170)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    fm = QFontMetricsF(font)
    line_h = fm.height()
    pad = line_h * 0.5

    # Legend at the bottom: one row per series (swatch line + marker + label).
    legend_h = (line_h * 1.3) * max(1, len(series)) + pad
    chart = QRectF(rect.left() + pad, rect.top() + pad, rect.width() - 2 * pad,
                   rect.height() - legend_h - 2 * pad)
    labels = [_dimension_label(nl) for _, nl in HEALTH_DIMENSIONS]
    n = len(labels)
    # Labels on the sides wrap onto two lines; the top and bottom ones stay whole.
    wrapped = [[t] if i in (0, n // 2) else _wrap(t, fm) for i, t in enumerate(labels)]
    side_w = max(fm.horizontalAdvance(line) for i, lines in enumerate(wrapped)
                 for line in lines if i not in (0, n // 2))
    radius = max(10.0, min((chart.width() - 2 * side_w - 2 * pad) / 2,
                           (chart.height() - 2 * line_h - 2 * pad) / 2))
    center = chart.center()

    # Grid: rings (hexagons) with their value, and the axes.
    grid_pen = QPen(grid_color, max(1.0, line_h / 20))
    painter.setPen(grid_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for ring in RINGS:
        poly = QPolygonF([_point(center, radius, i, ring) for i in range(len(labels))])
        painter.drawPolygon(poly)
    for i in range(len(labels)):
        painter.drawLine(center, _point(center, radius, i, MAX_SCORE))
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
    painter.setFont(small)
    painter.setPen(QPen(grid_color.darker(140)))
    sfm = QFontMetricsF(small)
    for ring in RINGS:
        p = _point(center, radius, 0, ring)
        painter.drawText(QPointF(p.x() + sfm.horizontalAdvance(" "), p.y() + sfm.ascent() / 2),
                         str(ring))
    painter.setFont(font)

    # Axis labels just outside the outer ring.
    painter.setPen(QPen(text_color))
    for i, lines in enumerate(wrapped):
        p = _point(center, radius + pad, i, MAX_SCORE)
        dx = p.x() - center.x()
        dy = p.y() - center.y()
        block_h = line_h * len(lines)
        top = p.y() - block_h / 2  # side axes: centred on the point
        if abs(dx) < 1:  # top or bottom axis: above or below the point
            top = p.y() - block_h if dy < 0 else p.y()
        for k, text in enumerate(lines):
            w = fm.horizontalAdvance(text)
            if abs(dx) < 1:
                x = p.x() - w / 2
            elif dx > 0:
                x = p.x()
            else:
                x = p.x() - w
            painter.drawText(QPointF(x, top + k * line_h + fm.ascent()), text)

    # Series.
    marker = max(3.0, line_h / 4)
    width = max(2.0, line_h / 8)
    codes = [code for code, _ in HEALTH_DIMENSIONS]
    for s in series:
        pts = [_point(center, radius, i, float(s.values.get(code, 0)))
               for i, code in enumerate(codes)]
        fill = QColor(s.color)
        fill.setAlpha(50)
        pen = QPen(s.color, width)
        if s.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPolygon(QPolygonF(pts))
        painter.setPen(QPen(s.color, 1))
        painter.setBrush(QBrush(s.color))
        for p in pts:
            _marker(painter, p, marker, s.square_markers)

    if not series:
        painter.setPen(QPen(text_color))
        painter.drawText(chart, Qt.AlignmentFlag.AlignCenter,
                         empty_text if empty_text is not None else _tr("Nog geen scores"))

    # Legend.
    y = chart.bottom() + pad
    x0 = rect.left() + pad * 2
    swatch = line_h * 2
    for s in series:
        mid = y + line_h * 0.65
        pen = QPen(s.color, width)
        if s.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, mid), QPointF(x0 + swatch, mid))
        painter.setPen(QPen(s.color, 1))
        painter.setBrush(QBrush(s.color))
        _marker(painter, QPointF(x0 + swatch / 2, mid), marker, s.square_markers)
        painter.setPen(QPen(text_color))
        avg = sum(s.values.get(c, 0) for c in codes) / len(codes)
        text = _tr("%1 (gemiddeld %2)").replace("%1", s.label).replace(
            "%2", f"{avg:.1f}".replace(".", ","))
        painter.drawText(QPointF(x0 + swatch + pad, mid + (fm.ascent() - fm.descent()) / 2),
                         text)
        y += line_h * 1.3
    painter.restore()


def _wrap(text: str, fm: QFontMetricsF) -> list[str]:
    """Split a label at the space that gives the most even two lines."""
    words = text.split()
    if len(words) < 2:
        return [text]
    best = [text]
    best_w = float("inf")
    for k in range(1, len(words)):
        lines = [" ".join(words[:k]), " ".join(words[k:])]
        w = max(fm.horizontalAdvance(line) for line in lines)
        if w < best_w:
            best, best_w = lines, w
    return best


def _marker(painter: QPainter, p: QPointF, size: float, square: bool) -> None:
    if square:
        painter.drawRect(QRectF(p.x() - size, p.y() - size, 2 * size, 2 * size))
    else:
        painter.drawEllipse(p, size, size)


def render_spider(series: Sequence[Series], size: QSize, font: QFont | None = None,
                  scale: float = 2.0) -> QImage:
    """Render the chart to an image (white background) for PDFs and exports.

    ``size`` is in logical pixels; the image has ``scale`` times as many pixels.
    """
    image = QImage(int(size.width() * scale), int(size.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_spider(painter, QRectF(0, 0, size.width(), size.height()), series,
                     font or QFont())
    finally:
        painter.end()
    return image


class SpiderChart(QWidget):
    """The chart as a widget. Give it scores with :meth:`set_scores`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: list[Series] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Positieve Gezondheid: spindiagram"))
        self._update_tooltip()

    # -- data ---------------------------------------------------------------------
    def set_scores(self, intake: Mapping[str, int] | None,
                   closing: Mapping[str, int] | None) -> None:
        self.set_series(default_series(intake, closing))

    def set_series(self, series: Sequence[Series]) -> None:
        self._series = list(series)
        self._update_tooltip()
        self.update()

    def series(self) -> list[Series]:
        return list(self._series)

    def _update_tooltip(self) -> None:
        # The numbers as text: for screen readers and anyone who prefers them.
        if not self._series:
            text = self.tr("Nog geen scores")
        else:
            lines = []
            for code, nl in HEALTH_DIMENSIONS:
                vals = " / ".join(f"{s.label}: {s.values.get(code, 0)}" for s in self._series)
                lines.append(f"{_dimension_label(nl)}: {vals}")
            text = "\n".join(lines)
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    # -- rendering ------------------------------------------------------------------
    def to_image(self, size: QSize | None = None, scale: float = 2.0) -> QImage:
        return render_spider(self._series, size or QSize(480, 420), self.font(), scale)

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(int(fm.height() * 26), int(fm.height() * 20))

    def minimumSizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(int(fm.height() * 18), int(fm.height() * 14))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            pal = self.palette()
            painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
            paint_spider(painter, QRectF(self.rect()), self._series, self.font(),
                         text_color=pal.color(QPalette.ColorRole.Text),
                         grid_color=pal.color(QPalette.ColorRole.Mid))
        finally:
            painter.end()
