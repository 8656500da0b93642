"""Excel output of a report (xlsxwriter in constant-memory mode, no Qt).

* A first sheet "Over dit rapport": title, period (real dates), filters, the
  statement on small numbers, when and by whom it was made, and a list of the
  sheets with their notes. Then "Kerncijfers" (key figures) when the report has
  them, then one sheet per table.
* Dutch headers in row 1, frozen; real numbers, dates and months (as dates
  shown "mmm yyyy"); percentages as fractions shown "0,0%". A suppressed count
  is the text "<5" (right-aligned like the numbers around it).
* Column widths fit the content (measured while the rows stream out; widths are
  written when the sheet closes, so no row is kept in memory by xlsxwriter).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .csvout import as_month, filter_lines, header_label, period_text, report_title, table_names
from .model import Column, ReportResult
from .model import Table as ReportTable

Progress = Callable[[int, int], Any]

ABOUT_SHEET = "Over dit rapport"
FIGURES_SHEET = "Kerncijfers"
HEADER_BG = "#1F3A5F"
MIN_WIDTH = 6.0
MAX_WIDTH = 60.0
PROGRESS_EVERY = 5000

_NUMBER_FORMATS = {"int": "#,##0", "float": "#,##0.0", "pct": "0.0%",
                   "date": "dd-mm-yyyy", "month": "mmm yyyy"}


def _local(t: dt.datetime) -> dt.datetime:
    return t.astimezone().replace(tzinfo=None) if t.tzinfo else t


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self.header = wb.add_format({"bold": True, "font_color": "#FFFFFF",
                                     "bg_color": HEADER_BG, "valign": "bottom",
                                     "text_wrap": True, "border": 0})
        self.header_right = wb.add_format({"bold": True, "font_color": "#FFFFFF",
                                           "bg_color": HEADER_BG, "valign": "bottom",
                                           "text_wrap": True, "align": "right"})
        self.title = wb.add_format({"bold": True, "font_size": 16, "font_color": HEADER_BG})
        self.label = wb.add_format({"bold": True, "valign": "top", "font_color": "#5F6B77"})
        self.text = wb.add_format({"valign": "top", "text_wrap": True})
        self.warn = wb.add_format({"valign": "top", "text_wrap": True, "bold": True,
                                   "font_color": "#9B2C1F"})
        self.date = wb.add_format({"num_format": "dd-mm-yyyy", "align": "left"})
        self.datetime = wb.add_format({"num_format": "dd-mm-yyyy hh:mm", "align": "left"})
        self.sub = wb.add_format({"bold": True, "bottom": 1, "bottom_color": "#B9C4D0"})
        self._cells: dict[tuple[str, bool], Format] = {}

    def cell(self, kind: str, bold: bool = False) -> Format:
        key = (kind, bold)
        fmt = self._cells.get(key)
        if fmt is None:
            props: dict[str, Any] = {}
            if kind in _NUMBER_FORMATS:
                props["num_format"] = _NUMBER_FORMATS[kind]
            if kind in ("date", "month"):
                props["align"] = "left"
            if kind == "suppressed":
                props["align"] = "right"
            if bold:
                props.update({"bold": True, "top": 1, "bg_color": "#E4EBF2"})
            fmt = self.wb.add_format(props)
            self._cells[key] = fmt
        return fmt


def _number_width(value: float, kind: str) -> float:
    if kind == "pct":
        return len(f"{value * 100:.1f}%")
    if kind == "float":
        return len(f"{value:,.1f}")
    return len(f"{value:,.0f}")


def _set_widths(ws: Worksheet, widths: list[float]) -> None:
    for i, w in enumerate(widths):
        ws.set_column(i, i, max(MIN_WIDTH, min(MAX_WIDTH, w + 2)))


def _write_header(ws: Worksheet, columns: list[Column], fm: _Formats,
                  widths: list[float]) -> None:
    """Row 1: the Dutch headers. Long headers wrap at words (and the row grows)."""
    lines = 1
    for i, c in enumerate(columns):
        label = header_label(c)
        longest_word = max((len(w) for w in label.split()), default=0)
        # A header may wrap to at most three lines; columns stay readable.
        widths[i] = max(widths[i], longest_word, min(len(label), 14), len(label) / 3)
        ws.write_string(0, i, label, fm.header if c.kind == "text" else fm.header_right)
    for i, c in enumerate(columns):
        label = header_label(c)
        lines = max(lines, math.ceil(len(label) / max(widths[i], 1)))
    if lines > 1:
        ws.set_row(0, 15 * min(lines, 3) + 2)


def write_table_sheet(ws: Worksheet, table: ReportTable, fm: _Formats,
                      progress: Callable[[int], Any] | None = None) -> int:
    """Stream one table into ``ws`` (header, rows, total row); returns rows written."""
    columns = table.columns
    n = len(columns)
    kinds = [c.kind for c in columns]
    widths = [0.0] * n
    _write_header(ws, columns, fm, widths)
    ws.freeze_panes(1, 0)

    write_number = ws.write_number
    write_string = ws.write_string
    write_datetime = ws.write_datetime
    number_fmt = [fm.cell(k) for k in kinds]
    # Text in a number column is a suppressed count ("<5"): right-aligned.
    text_fmt: list[Format | None] = [None if k == "text" else fm.cell("suppressed")
                                     for k in kinds]
    is_month = [k == "month" for k in kinds]
    # Width bookkeeping kept cheap: the largest number per column, the longest text.
    num_max = [0.0] * n
    text_len = [0] * n

    def write_row(r: int, row: list[Any], nfmt: list[Format], tfmt: list[Format | None]
                  ) -> None:
        for c in range(min(n, len(row))):
            v = row[c]
            t = type(v)
            if t is int or t is float:
                write_number(r, c, v, nfmt[c])
                a = v if v >= 0 else -10 * v
                if a > num_max[c]:
                    num_max[c] = a
            elif t is str:
                if is_month[c]:
                    m = as_month(v)
                    if m is not None:
                        write_datetime(r, c, m, nfmt[c])
                        continue
                write_string(r, c, v, tfmt[c])
                if len(v) > text_len[c]:
                    text_len[c] = len(v)
            elif v is None:
                continue
            elif t is dt.date or t is dt.datetime:
                write_datetime(r, c, as_month(v) if is_month[c] else v, nfmt[c])
            elif t is bool:
                write_string(r, c, "ja" if v else "nee", tfmt[c])
            else:
                write_string(r, c, str(v), tfmt[c])

    r = 0
    rows = table.rows
    for r, row in enumerate(rows, start=1):
        write_row(r, row, number_fmt, text_fmt)
        if progress is not None and r % PROGRESS_EVERY == 0:
            progress(r)
    if table.total_row is not None:
        bold_num = [fm.cell(k, True) for k in kinds]
        bold_text: list[Format | None] = [fm.cell("text" if k == "text" else "suppressed", True)
                                          for k in kinds]
        r += 1
        write_row(r, table.total_row, bold_num, bold_text)
    for c in range(n):
        k = kinds[c]
        w = float(text_len[c])
        if num_max[c]:
            w = max(w, _number_width(num_max[c], k))
        if k == "date":
            w = max(w, 10)
        elif k == "month":
            w = max(w, 9)
        widths[c] = max(widths[c], w)
    _set_widths(ws, widths)
    return len(rows)


def _about_sheet(ws: Worksheet, result: ReportResult, fm: _Formats,
                 sheets: list[tuple[str, ReportTable, str]]) -> None:
    spec = result.spec
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 70)
    ws.set_column(2, 3, 14)
    ws.write_string(0, 0, report_title(result), fm.title)
    r = 2
    ws.write_string(r, 0, "Periode", fm.label)
    ws.write_string(r, 1, period_text(spec), fm.text)
    r += 1
    ws.write_string(r, 0, "Van", fm.label)
    ws.write_datetime(r, 1, spec.date_from, fm.date)
    r += 1
    ws.write_string(r, 0, "Tot en met", fm.label)
    ws.write_datetime(r, 1, spec.date_to, fm.date)
    r += 1
    filters = filter_lines(result) or ["Geen: alle gegevens in de periode"]
    for i, line in enumerate(filters):
        if i == 0:
            ws.write_string(r, 0, "Filters", fm.label)
        ws.write_string(r, 1, line, fm.text)
        r += 1
    ws.write_string(r, 0, "Kleine aantallen", fm.label)
    ws.write_string(r, 1, result.suppression_text, fm.text if spec.suppress else fm.warn)
    r += 1
    ws.write_string(r, 0, "Gemaakt op", fm.label)
    ws.write_datetime(r, 1, _local(result.generated_at), fm.datetime)
    r += 1
    if result.generated_by:
        ws.write_string(r, 0, "Gemaakt door", fm.label)
        ws.write_string(r, 1, result.generated_by, fm.text)
        r += 1
    r += 1
    ws.write_string(r, 0, "Blad", fm.sub)
    ws.write_string(r, 1, "Toelichting", fm.sub)
    ws.write_string(r, 2, "Rijen", fm.sub)
    r += 1
    for section_title, table, name in sheets:
        ws.write_url(r, 0, f"internal:'{name}'!A1", string=name)
        what = table.title
        if section_title and section_title not in (result.title, table.title):
            what = f"{section_title}: {what}"
        if table.note:
            what = f"{what}. {table.note}"
        ws.write_string(r, 1, what, fm.text)
        ws.write_number(r, 2, len(table.rows))
        r += 1


def _figures_sheet(ws: Worksheet, result: ReportResult, fm: _Formats) -> None:
    """Key figures: a whole number shows without decimals, a mean with one."""
    ws.write_string(0, 0, "Onderdeel", fm.header)
    ws.write_string(0, 1, "Kerncijfer", fm.header)
    ws.write_string(0, 2, "Waarde", fm.header_right)
    ws.freeze_panes(1, 0)
    widths = [10.0, 10.0, 8.0]
    r = 0
    for section in result.sections:
        for label, value in section.figures:
            r += 1
            ws.write_string(r, 0, section.title)
            ws.write_string(r, 1, label)
            if isinstance(value, bool) or value is None:
                pass
            elif isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
                ws.write_number(r, 2, value, fm.cell("int"))
            elif isinstance(value, float):
                ws.write_number(r, 2, value, fm.cell("float"))
            else:
                ws.write_string(r, 2, str(value), fm.cell("suppressed"))
            widths[0] = max(widths[0], len(section.title))
            widths[1] = max(widths[1], len(label))
    _set_widths(ws, widths)


def render_xlsx(result: ReportResult, out: Path, *, progress: Progress | None = None) -> Path:
    """Write the report as an .xlsx workbook at ``out``; returns ``out``."""
    out = Path(out)
    named = table_names(result)
    total_rows = sum(len(t.rows) for _s, t, _n in named) or 1
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True,
                                        "strings_to_numbers": False,
                                        "strings_to_formulas": False,
                                        "strings_to_urls": False})
    try:
        wb.set_properties({"title": report_title(result), "author": result.generated_by,
                           "subject": period_text(result.spec),
                           "comments": result.suppression_text})
        fm = _Formats(wb)
        about = wb.add_worksheet(ABOUT_SHEET)
        _about_sheet(about, result, fm, [(s.title, t, n) for s, t, n in named])
        if any(s.figures for s in result.sections):
            _figures_sheet(wb.add_worksheet(FIGURES_SHEET), result, fm)
        done = 0
        for _section, table, name in named:
            ws = wb.add_worksheet(name)
            base = done

            def report(r: int, base: int = base) -> None:
                if progress:
                    progress(base + r, total_rows)

            done += write_table_sheet(ws, table, fm, report)
            if progress:
                progress(done, total_rows)
    finally:
        wb.close()
    return out
