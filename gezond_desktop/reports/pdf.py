"""PDF output of a report (reportlab platypus, no Qt).

A4 portrait, Dutch, a calm municipal look: a title page with the report title,
period, filters and the statement on small numbers; then per section its key
figures, charts and tables. Tables break across pages with the header row
repeated; every page carries "Pagina X van Y", the date the report was made and,
for an internal working version, a warning that it is not for distribution.

Fonts: DejaVu Sans when the system has it, else Bitstream Vera (shipped with
reportlab); both have ë, ö, é, ’ and the other characters of Dutch names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import charts
from .csvout import cell_text, filter_lines, nl_date, nl_datetime, period_text, report_title
from .model import Chart, ReportResult, Section
from .model import Table as ReportTable

Progress = Callable[[int, int], Any]

PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

PRIMARY = charts.PRIMARY
TEXT = charts.TEXT
MUTED = charts.MUTED
RULE = colors.HexColor("#B9C4D0")
ZEBRA = colors.HexColor("#F3F6F9")
TOTAL_BG = colors.HexColor("#E4EBF2")
WARN = colors.HexColor("#9B2C1F")
WARN_BG = colors.HexColor("#FBEDEA")
NOTE_BG = colors.HexColor("#EEF3F7")

_FONT_CANDIDATES = (
    ("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"),
)


def _register_fonts() -> tuple[str, str, str]:
    """Register a Unicode TrueType family once; returns (regular, bold, italic)."""
    if "GezondSans" in pdfmetrics.getRegisteredFontNames():
        return "GezondSans", "GezondSans-Bold", "GezondSans-Italic"
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts"
    candidates = [*_FONT_CANDIDATES,
                  ("Vera", str(vera / "Vera.ttf"), str(vera / "VeraBd.ttf"),
                   str(vera / "VeraIt.ttf"))]
    for _name, regular, bold, italic in candidates:
        if all(Path(p).exists() for p in (regular, bold, italic)):
            pdfmetrics.registerFont(TTFont("GezondSans", regular))
            pdfmetrics.registerFont(TTFont("GezondSans-Bold", bold))
            pdfmetrics.registerFont(TTFont("GezondSans-Italic", italic))
            pdfmetrics.registerFontFamily("GezondSans", normal="GezondSans",
                                          bold="GezondSans-Bold",
                                          italic="GezondSans-Italic",
                                          boldItalic="GezondSans-Bold")
            return "GezondSans", "GezondSans-Bold", "GezondSans-Italic"
    return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"  # pragma: no cover


class _Styles:
    def __init__(self) -> None:
        self.font, self.bold, self.italic = _register_fonts()
        charts.set_fonts(self.font, self.bold)
        base = ParagraphStyle("base", fontName=self.font, fontSize=9.5, leading=13,
                              textColor=TEXT, alignment=TA_LEFT)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5,
                                    textColor=MUTED)
        self.note = ParagraphStyle("note", parent=self.small, fontName=self.italic,
                                   spaceBefore=3, spaceAfter=10)
        self.title = ParagraphStyle("title", parent=base, fontName=self.bold, fontSize=24,
                                    leading=30, textColor=PRIMARY, spaceAfter=8)
        self.subtitle = ParagraphStyle("subtitle", parent=base, fontSize=13, leading=18,
                                       textColor=TEXT, spaceAfter=18)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=self.bold, fontSize=16,
                                 leading=21, textColor=PRIMARY, spaceBefore=4,
                                 spaceAfter=8, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=self.bold, fontSize=11,
                                 leading=15, textColor=PRIMARY, spaceBefore=12,
                                 spaceAfter=5, keepWithNext=1)
        # Before a table: no keepWithNext (that would push a long table to a new
        # page); a CondPageBreak keeps the heading from being orphaned instead.
        self.h2_table = ParagraphStyle("h2_table", parent=self.h2, keepWithNext=0)
        self.label = ParagraphStyle("label", parent=base, fontName=self.bold, fontSize=9,
                                    leading=12, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5)
        self.head = ParagraphStyle("head", parent=base, fontName=self.bold, fontSize=8,
                                   leading=10, textColor=colors.white)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=2)
        self.figure = ParagraphStyle("figure", parent=base, fontName=self.bold,
                                     fontSize=17, leading=21, textColor=PRIMARY)
        self.figure_label = ParagraphStyle("figure_label", parent=base, fontSize=8,
                                           leading=10, textColor=MUTED)
        self.box_head = ParagraphStyle("box_head", parent=base, fontName=self.bold,
                                       fontSize=10, leading=14, textColor=PRIMARY)
        self.warn_head = ParagraphStyle("warn_head", parent=self.box_head, textColor=WARN)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _local(t: dt.datetime) -> dt.datetime:
    return t.astimezone().replace(tzinfo=None) if t.tzinfo else t


# -- page decoration --------------------------------------------------------------------
def _canvas_class(title: str, made: str, internal: bool, font: str,
                  bold: str) -> type[Canvas]:
    """A canvas that knows the page count at the end and then draws the footers."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
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
            page = self.getPageNumber()
            page_w, page_h = self._pagesize
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            y = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, y + 4 * mm, page_w - MARGIN_X, y + 4 * mm)
            self.setFont(font, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, f"Gemaakt op {made}")
            self.drawRightString(page_w - MARGIN_X, y, f"Pagina {page} van {total}")
            if internal:
                self.setFont(bold, 7.5)
                self.setFillColor(WARN)
                self.drawCentredString(page_w / 2, y,
                                       "Interne werkversie: niet verspreiden")
            if page > 1:  # running head on the content pages
                self.setFont(font, 7.5)
                self.setFillColor(MUTED)
                top = page_h - MARGIN_TOP + 8 * mm
                self.drawString(MARGIN_X, top, title)
                self.drawRightString(page_w - MARGIN_X, top, "Gezond Desktop")
                self.line(MARGIN_X, top - 2.5 * mm, page_w - MARGIN_X, top - 2.5 * mm)
            self.restoreState()

    return NumberedCanvas


def title_band(subtitle: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    """The dark title band of a first page, with ``subtitle`` under the app name."""

    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(PRIMARY)
        canvas.rect(0, PAGE_H - 34 * mm, PAGE_W, 34 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor("#9DB3CC"))
        canvas.rect(0, PAGE_H - 35.5 * mm, PAGE_W, 1.5 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        font, bold, _ = _register_fonts()
        canvas.setFont(bold, 13)
        canvas.drawString(MARGIN_X, PAGE_H - 17 * mm, "Gezond Desktop")
        canvas.setFont(font, 9.5)
        canvas.drawString(MARGIN_X, PAGE_H - 23 * mm, subtitle)
        canvas.restoreState()

    return draw


_title_page_band = title_band("Rapportage voor gemeente, financiers en programmateam")


# -- building blocks -------------------------------------------------------------------
def _title_page(result: ReportResult, st: _Styles) -> list[Flowable]:
    spec = result.spec
    made = _local(result.generated_at)
    flow: list[Flowable] = [Spacer(1, 28 * mm), _p(report_title(result), st.title),
                            _p(period_text(spec), st.subtitle)]
    rows = [
        [_p("Periode", st.label), _p(period_text(spec), st.body)],
        [_p("Filters", st.label),
         _p("\n".join(filter_lines(result)) or "Geen: alle gegevens in de periode.",
            st.body)],
        [_p("Gemaakt op", st.label), _p(nl_datetime(made), st.body)],
    ]
    if result.generated_by:
        rows.append([_p("Gemaakt door", st.label), _p(result.generated_by, st.body)])
    info = Table(rows, colWidths=[32 * mm, CONTENT_W - 32 * mm])
    info.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    flow += [info, Spacer(1, 10 * mm)]
    if spec.suppress:
        head, style, bg, edge = "Over kleine aantallen", st.box_head, NOTE_BG, PRIMARY
    else:
        head, style, bg, edge = "Let op: interne werkversie", st.warn_head, WARN_BG, WARN
    box = Table([[_p(head, style)], [_p(result.suppression_text, st.body)]],
                colWidths=[CONTENT_W])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), bg),
        ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
    ]))
    flow.append(box)
    titled = [s.title for s in result.sections if s.title]
    if len(titled) > 1:
        flow += [Spacer(1, 10 * mm), _p("Inhoud", st.h2)]
        flow += [_p(f"{i}.  {t}", st.body) for i, t in enumerate(titled, start=1)]
    return flow


def _figures(section: Section, st: _Styles) -> Flowable:
    per_row = 3
    cells: list[list[Any]] = []
    row: list[Any] = []
    for label, value in section.figures:
        row.append([_p(cell_text(value, "int"), st.figure), _p(label, st.figure_label)])
        if len(row) == per_row:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (per_row - len(row)))
    gap = 4
    w = CONTENT_W / per_row
    table = Table(cells, colWidths=[w] * per_row)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]
    for r, cells_row in enumerate(cells):
        for c, cell in enumerate(cells_row):
            if cell != "":
                style += [("BACKGROUND", (c, r), (c, r), NOTE_BG),
                          ("LINEABOVE", (c, r), (c, r), 2, PRIMARY),
                          ("LINEAFTER", (c, r), (c, r), gap, colors.white),
                          ("LINEBELOW", (c, r), (c, r), gap, colors.white)]
    table.setStyle(TableStyle(style))
    return table


def _chart(chart: Chart, st: _Styles) -> Flowable:
    parts: list[Flowable] = [_p(chart.title, st.h2)]
    parts.append(charts.chart_drawing(chart, CONTENT_W))
    if charts.has_missing(chart):
        parts.append(_p("Afgeschermde of ontbrekende waarden zijn niet getekend.", st.note))
    else:
        parts.append(Spacer(1, 6))
    return KeepTogether(parts)


_NUMERIC = {"int", "float", "pct"}
_PAD = 10  # left + right cell padding
LANDSCAPE_W = PAGE_H - 2 * MARGIN_X


def _column_widths(table: ReportTable, st: _Styles, font_size: float,
                   texts: Sequence[Sequence[str]], avail: float,
                   head_size: float = 8, pad: float = _PAD) -> tuple[list[float], bool]:
    """Widths that fit ``avail``: numbers and dates on one line, headers wrapped at
    words, text columns wrapped at words and given the room that is left.
    The flag says whether it fits without breaking words."""
    n = len(table.columns)
    natural = [0.0] * n
    longest_word = [0.0] * n
    for row in texts:
        for i, text in enumerate(row[:n]):
            w = stringWidth(text, st.font, font_size)
            if w > natural[i]:
                natural[i] = w
            if table.columns[i].kind == "text" and w > longest_word[i]:
                longest_word[i] = max(longest_word[i], max(
                    (stringWidth(word, st.font, font_size) for word in text.split()),
                    default=0.0))
    head_min = [max((stringWidth(word, st.bold, head_size) for word in c.label.split()),
                    default=0) for c in table.columns]
    head_full = [stringWidth(c.label, st.bold, head_size) for c in table.columns]
    widths = []
    minimum = []
    for i, c in enumerate(table.columns):
        if c.kind != "text":
            want = max(natural[i], head_min[i], min(head_full[i], 62)) + pad
            minimum.append(max(natural[i], head_min[i]) + pad)
        else:
            want = max(natural[i], head_min[i]) + pad
            minimum.append(max(min(want, 24 * mm), longest_word[i] + pad, head_min[i] + pad))
        widths.append(want)
    text_cols = [i for i, c in enumerate(table.columns) if c.kind == "text"]
    if sum(minimum) > avail:
        scale = avail / sum(minimum)
        return [w * scale for w in minimum], False
    if sum(widths) <= avail:  # spread the spare room over the text columns
        spare = avail - sum(widths)
        targets = text_cols or list(range(n))
        for i in targets:
            widths[i] += spare / len(targets)
        return widths, True
    # Too wide at natural size: start from the minimum (headers wrapped at words),
    # give text columns their natural width first, then widen the number columns.
    out = list(minimum)
    for group in (text_cols, [i for i in range(n) if i not in text_cols]):
        spare = avail - sum(out)
        need = sum(widths[i] - out[i] for i in group)
        if need <= 0 or spare <= 0:
            continue
        share = min(1.0, spare / need)
        for i in group:
            out[i] += (widths[i] - out[i]) * share
    return out, True


class _TableLayout:
    """Font sizes, padding, widths and orientation of one table."""

    def __init__(self, table: ReportTable, st: _Styles) -> None:
        self.table = table
        kinds = [c.kind for c in table.columns]
        rows = list(table.rows)
        if table.total_row is not None:
            rows.append(table.total_row)
        self.texts = [[cell_text(v, k) for v, k in zip(row, kinds, strict=False)]
                      for row in rows]
        wide = len(kinds) > 7
        self.font_size = 7.5 if wide else 8.5
        self.head_size = 7 if wide else 8
        self.pad = 3.5 if wide else 5
        self.widths, fits = self._widths(st, CONTENT_W)
        self.landscape = False
        if not fits:
            self.widths, _ = self._widths(st, LANDSCAPE_W)
            self.landscape = True

    def _widths(self, st: _Styles, avail: float) -> tuple[list[float], bool]:
        return _column_widths(self.table, st, self.font_size, self.texts, avail,
                              self.head_size, 2 * self.pad)


def _table(layout: _TableLayout, st: _Styles) -> list[Flowable]:
    table = layout.table
    columns = table.columns
    kinds = [c.kind for c in columns]
    texts, widths, font_size = layout.texts, layout.widths, layout.font_size
    pad = layout.pad
    cell_style = ParagraphStyle("c", parent=st.cell, fontSize=font_size,
                                leading=font_size + 2.5)
    bold_style = ParagraphStyle("cb", parent=cell_style, fontName=st.bold)
    head = ParagraphStyle("h", parent=st.head, fontSize=layout.head_size,
                          leading=layout.head_size + 2)
    head_right = ParagraphStyle("hr", parent=head, alignment=2)
    left = [k in ("text", "date", "month") for k in kinds]
    header = [_p(c.label, head if left[i] else head_right) for i, c in enumerate(columns)]
    data: list[list[Any]] = [header]
    last = len(texts) - 1
    for r, row in enumerate(texts):
        is_total = table.total_row is not None and r == last
        out: list[Any] = []
        for i, text in enumerate(row):
            if kinds[i] == "text" and stringWidth(text, st.font, font_size) > widths[i] - 2 * pad:
                out.append(_p(text, bold_style if is_total else cell_style))
            else:
                out.append(text)
        data.append(out)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 1), (-1, -1), st.font, font_size),
        ("TEXTCOLOR", (0, 1), (-1, -1), TEXT),
        ("BACKGROUND", (0, 0), (-1, 0), PRIMARY),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
    ]
    for i in range(len(kinds)):
        if not left[i]:
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if table.total_row is not None:
        style += [("FONT", (0, -1), (-1, -1), st.bold, font_size),
                  ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.9, PRIMARY),
                  ("ALIGN", (0, -1), (0, -1), "LEFT")]
    cls = LongTable if len(data) > 40 else Table
    flow_table = cls(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    flow_table.setStyle(TableStyle(style))
    body: list[Flowable] = [_p(table.title, st.h2_table)]
    if not table.rows:
        body.append(_p("Geen gegevens in deze periode met deze filters.", st.body))
    else:
        body.append(flow_table)
    body.append(_p(table.note, st.note) if table.note else Spacer(1, 10))
    if len(data) <= 16:  # a short table is not split over two pages
        return [KeepTogether(body)]
    return [CondPageBreak(45 * mm), *body]


class _Story:
    """The flowables, switching to landscape pages for tables too wide for portrait."""

    def __init__(self) -> None:
        self.flow: list[Flowable] = []
        self.landscape = False

    def orientation(self, landscape: bool) -> None:
        if landscape != self.landscape:
            self.flow += [NextPageTemplate("landscape" if landscape else "content"),
                          PageBreak()]
            self.landscape = landscape


def _section(story: _Story, result: ReportResult, section: Section, st: _Styles,
             first: bool) -> None:
    flow = story.flow
    if result.spec.kind == "overview" and not first:
        if story.landscape:
            story.orientation(False)
        else:
            flow.append(PageBreak())  # one page (or more) per focus neighbourhood
    elif not first:
        story.orientation(False)
        flow.append(CondPageBreak(70 * mm))
    story.orientation(False)
    if section.title:
        flow.append(_p(section.title, st.h1))
    if section.text:
        flow += [_p(section.text, st.body), Spacer(1, 6)]
    if section.figures:
        flow += [_figures(section, st), Spacer(1, 4)]
    for chart in section.charts:
        flow.append(_chart(chart, st))
    for table in section.tables:
        layout = _TableLayout(table, st)
        story.orientation(layout.landscape)
        flow += _table(layout, st)
    if not (section.figures or section.charts or section.tables or section.text):
        flow.append(_p("Geen gegevens in deze periode met deze filters.", st.body))


def render_pdf(result: ReportResult, out: Path, *, progress: Progress | None = None) -> Path:
    """Write the report as an A4 PDF at ``out``; returns ``out``.

    ``progress(done, total)`` is called per section and per page laid out; when it
    raises (a cancelled task), nothing more is done (the caller removes the file).
    """
    out = Path(out)
    st = _Styles()
    title = report_title(result)
    made = _local(result.generated_at)
    sections = result.sections
    total = len(sections) + 1
    doc = BaseDocTemplate(
        str(out), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title,
        author=result.generated_by or "Gezond Desktop", subject=period_text(result.spec),
        creator="Gezond Desktop", lang="nl-NL",
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    wide = Frame(MARGIN_X, MARGIN_BOTTOM, LANDSCAPE_W, PAGE_W - MARGIN_TOP - MARGIN_BOTTOM,
                 id="wide", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="title", frames=[frame], onPage=_title_page_band, pagesize=A4),
        PageTemplate(id="content", frames=[frame], pagesize=A4),
        PageTemplate(id="landscape", frames=[wide], pagesize=landscape(A4)),
    ])
    story = _Story()
    story.flow += [*_title_page(result, st), NextPageTemplate("content"), PageBreak()]
    for i, section in enumerate(sections):
        _section(story, result, section, st, first=(i == 0))
        if progress:
            progress(i + 1, total)
    if not sections:
        story.flow.append(_p("Geen gegevens in deze periode met deze filters.", st.body))

    if progress:
        pages = [0]

        def on_progress(kind: str, _value: int) -> None:
            if kind == "PAGE":
                pages[0] += 1
                progress(len(sections), total)

        doc.setProgressCallBack(on_progress)
    doc.build(story.flow, canvasmaker=_canvas_class(
        title, nl_date(made.date()), not result.spec.suppress, st.font, st.bold))
    if progress:
        progress(total, total)
    return out
