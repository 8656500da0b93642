"""CSV output of a report, and the text forms of cells shared by every renderer.

Choices (issue 5, "Outputs"):

* One table: one ``.csv`` file. Several tables (the usual case): one ``.zip``
  with one CSV per table and ``over_dit_rapport.txt`` (title, period, filters
  and the suppression statement, which has no place inside a CSV table).
* Delimiter ``;`` (what Dutch Excel expects): UTF-8 **with** a byte order mark,
  because Excel only reads a double-clicked CSV as UTF-8 when it starts with
  one (otherwise ë, ö and ’ come out garbled), and a decimal comma (``12,5``) so
  Dutch Excel reads numbers as numbers. Delimiter ``,`` (for R, Python, SPSS and
  English Excel): plain UTF-8 without BOM and a decimal point.
* Dates as ``2025-03-01`` (ISO 8601), months as ``2025-03``, suppressed counts
  as the text ``<5``, an empty cell for "no value". Percentages (``pct``
  columns hold a fraction, 0.25 = 25%) are written as the percentage number
  (``25,0``), the column header says ``%``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .model import REPORT_TITLES, Cell, Column, ReportResult, ReportSpec, Section, Table

Progress = Callable[[int, int], Any]

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_SHORT_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                   "nov", "dec")


# -- text forms -------------------------------------------------------------------------
def nl_date(d: dt.date) -> str:
    """3 maart 2025."""
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def nl_datetime(t: dt.datetime) -> str:
    return f"{nl_date(t.date())} om {t:%H:%M} uur"


def period_text(spec: ReportSpec) -> str:
    return f"{nl_date(spec.date_from)} tot en met {nl_date(spec.date_to)}"


def report_title(result: ReportResult) -> str:
    return result.title or REPORT_TITLES.get(result.spec.kind, result.spec.kind)


def filter_lines(result: ReportResult) -> list[str]:
    """The filter lines of a report without the period (every output shows that on
    its own line) and without a leading "Filters:"; empty when nothing was filtered."""
    out = []
    for line in result.filters_text:
        text = line.strip()
        if not text or text.lower().startswith("periode"):
            continue
        if text.lower().startswith("filters:"):
            text = text.split(":", 1)[1].strip()
            text = text[:1].upper() + text[1:]
        out.append(text)
    return out


def as_month(value: Cell) -> dt.date | None:
    """A month cell (a date, or text like '2025-03') as the first day of that month."""
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", value.strip())
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), 1)
    return None


def as_date(value: Cell) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def is_number(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _group(text: str) -> str:
    """'1234567' -> '1.234.567'."""
    neg = text.startswith("-")
    digits = text[1:] if neg else text
    out = ""
    while len(digits) > 3:
        out = "." + digits[-3:] + out
        digits = digits[:-3]
    return ("-" if neg else "") + digits + out


def format_number(value: float, decimals: int, *, decimal: str = ",",
                  grouping: bool = True) -> str:
    if decimals == 0:
        text = str(round(value))
        return _group(text) if grouping else text
    whole, frac = f"{value:.{decimals}f}".split(".")
    return (_group(whole) if grouping else whole) + decimal + frac


def cell_text(value: Cell, kind: str) -> str:
    """The cell as people read it (PDF, screen): Dutch numbers, dates and months."""
    if value is None:
        return ""
    if isinstance(value, str):
        if kind == "month":
            m = as_month(value)
            if m is not None:
                return f"{MONTHS_SHORT_NL[m.month - 1]} {m.year}"
        return value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if kind == "month":
        m = as_month(value)
        return f"{MONTHS_SHORT_NL[m.month - 1]} {m.year}" if m else str(value)
    if kind == "date":
        d = as_date(value)
        return f"{d.day:02d}-{d.month:02d}-{d.year}" if d else str(value)
    if is_number(value):
        if kind == "pct":
            return format_number(float(value) * 100, 1) + "%"
        if kind == "float" or (isinstance(value, float) and not value.is_integer()):
            return format_number(float(value), 1)
        return format_number(float(value), 0)
    return str(value)


def csv_text(value: Cell, kind: str, decimal: str) -> str:
    """The cell as a program reads it: no thousands separator, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if kind == "month":
        m = as_month(value)
        return f"{m.year:04d}-{m.month:02d}" if m else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if kind == "date" else value.isoformat(" ", "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if is_number(value):
        if kind == "pct":
            return format_number(float(value) * 100, 1, decimal=decimal, grouping=False)
        if isinstance(value, int):
            return str(value)
        text = repr(float(value)) if not float(value).is_integer() else str(int(value))
        return text.replace(".", decimal)
    return str(value)


def header_label(column: Column) -> str:
    if column.kind == "pct" and "%" not in column.label:
        return f"{column.label} (%)"
    return column.label


# -- names of tables as sheets and files -----------------------------------------------
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def table_names(result: ReportResult, limit: int = 31) -> list[tuple[Section, Table, str]]:
    """Every table with a unique, readable name of at most ``limit`` characters
    (Excel's sheet name rules: no []:*?/\\, no leading or trailing apostrophe)."""
    with_tables = [s for s in result.sections if s.tables]
    prefix = len(with_tables) > 1
    used: set[str] = set()
    out: list[tuple[Section, Table, str]] = []
    for section in with_tables:
        for table in section.tables:
            base = table.title or table.key
            if prefix and section.title and section.title != result.title:
                sec = _clip(section.title, 14).rstrip("…")
                base = f"{sec} - {base}"
            base = _BAD_SHEET.sub("-", base).strip().strip("'").strip() or "Tabel"
            name = _clip(base, limit)
            n = 2
            while name.casefold() in used or name.casefold() in {"over dit rapport",
                                                                  "kerncijfers"}:
                suffix = f" ({n})"
                name = _clip(base, limit - len(suffix)) + suffix
                n += 1
            used.add(name.casefold())
            out.append((section, table, name))
    return out


def file_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_").lower()
    return out[:60] or "tabel"


# -- about the report ------------------------------------------------------------------
def about_lines(result: ReportResult) -> list[tuple[str, str]]:
    """(label, text) lines saying what the report is; every output carries them."""
    lines = [
        ("Rapport", report_title(result)),
        ("Periode", period_text(result.spec)),
        ("Filters", "; ".join(filter_lines(result)) or "Geen: alle gegevens in de periode"),
        ("Kleine aantallen", result.suppression_text),
        ("Gemaakt op", nl_datetime(result.generated_at)),
    ]
    if result.generated_by:
        lines.append(("Gemaakt door", result.generated_by))
    return lines


def about_text(result: ReportResult) -> str:
    rows = [f"{label}: {text}" for label, text in about_lines(result)]
    rows.append("")
    rows.append("Tabellen in dit bestand:")
    for _section, table, name in table_names(result, limit=60):
        rows.append(f"- {name}")
        if table.note:
            rows.append(f"  {table.note}")
    for section in result.sections:
        if section.figures:
            rows.append("")
            rows.append(f"Kerncijfers {section.title}:")
            for label, value in section.figures:
                rows.append(f"- {label}: {cell_text(value, 'int')}")
    return "\n".join(rows) + "\n"


# -- writing ---------------------------------------------------------------------------
def table_rows(table: Table, decimal: str) -> Iterator[list[str]]:
    kinds = [c.kind for c in table.columns]
    yield [header_label(c) for c in table.columns]
    for row in table.rows:
        yield [csv_text(v, k, decimal) for v, k in zip(row, kinds, strict=False)]
    if table.total_row is not None:
        yield [csv_text(v, k, decimal) for v, k in zip(table.total_row, kinds, strict=False)]


def write_table(stream: io.TextIOBase | Any, table: Table, delimiter: str) -> int:
    decimal = "," if delimiter == ";" else "."
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(table_rows(table, decimal))
    return len(table.rows)


def encoding_for(delimiter: str) -> str:
    return "utf-8-sig" if delimiter == ";" else "utf-8"


def csv_path(result: ReportResult, out: Path) -> Path:
    """Where :func:`render_csv` writes: ``out`` as ``.csv`` for one table, else ``.zip``."""
    return out.with_suffix(".csv" if len(result.tables) == 1 else ".zip")


def render_csv(result: ReportResult, out: Path, *, delimiter: str = ";",
               progress: Progress | None = None) -> Path:
    """Write the report's tables as CSV; returns the path written (see :func:`csv_path`)."""
    if delimiter not in (";", ","):
        raise ValueError("delimiter must be ';' or ','")
    out = csv_path(result, Path(out))
    names = table_names(result, limit=60)
    encoding = encoding_for(delimiter)
    total = len(names)
    if total == 1:
        with out.open("w", encoding=encoding, newline="") as f:
            write_table(f, names[0][1], delimiter)
        if progress:
            progress(1, 1)
        return out
    stamp = dt.datetime.now().timetuple()[:6]

    def entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(entry("over_dit_rapport.txt"), about_text(result).encode(encoding))
        for i, (_section, table, name) in enumerate(names, start=1):
            with zf.open(entry(f"{i:02d}_{file_slug(name)}.csv"), "w") as raw, \
                    io.TextIOWrapper(raw, encoding=encoding, newline="") as f:
                write_table(f, table, delimiter)
            if progress:
                progress(i, total)
    return out


def read_csv_rows(data: bytes | str) -> list[list[str]]:
    """Parse one CSV written here (either delimiter), for tests and checks."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    first = text.split("\r\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
