"""Report benchmarks: PDF and xlsx for a programme year of demo data and ten times
that; the xlsx writer against xlsxwriter writing the same rows directly (same run);
and the memory a report needs against holding the database's rows.

    python -m bench.run --only reports [--quick]

Also callable on its own: ``run(quick) -> list[dict]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bench.run import CACHE_DIR, Context, Result, benchmark, cached_demo

T = TypeVar("T")
STRESS_ROWS = 100_000
XLSX_TARGET = 0.8
BUILD_LIMIT_S = 30.0  # any report, any benchmark scale
BUILD_TARGET_S = {("overview", 1.0): 2.0}


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    gc.collect()
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def _peak(fn: Callable[[], Any]) -> int:
    """Peak Python heap (tracemalloc) while ``fn`` runs, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _all_rows_peak(db_path: Path) -> tuple[int, int]:
    """Memory and count of the rows a naive report would load: every contact,
    attendance, session, referral and status event, fetched into Python."""
    holder: list[Any] = []

    def load() -> None:
        conn = sqlite3.connect(db_path)
        try:
            for table in ("encounter", "attendance", "session", "referral", "referral_event"):
                holder.append(conn.execute(f"SELECT * FROM {table} "
                                           "WHERE deleted_at IS NULL").fetchall())
        finally:
            conn.close()

    peak = _peak(load)
    return peak, sum(len(rows) for rows in holder)


def _raw_xlsx(path: Path, tables: list[Any]) -> None:
    """The baseline: xlsxwriter writing the same header and rows itself."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for i, table in enumerate(tables):
        ws = wb.add_worksheet(f"Blad {i + 1}")
        ws.write_row(0, 0, [c.label for c in table.columns])
        for r, row in enumerate(table.rows, start=1):
            ws.write_row(r, 0, row)
        if table.total_row is not None:
            ws.write_row(len(table.rows) + 1, 0, table.total_row)
    wb.close()


def _xlsx_ready(table: Any) -> Any:
    """The same table with month cells as dates (xlsxwriter's write_row needs them so)."""
    from gezond_desktop.reports.csvout import as_month

    months = [i for i, c in enumerate(table.columns) if c.kind == "month"]
    if not months:
        return table
    rows = [list(r) for r in table.rows]
    for row in rows:
        for i in months:
            row[i] = as_month(row[i]) or row[i]
    return dataclasses.replace(table, rows=rows, total_row=None)


def _xlsx_rate(work: Path, name: str, result: Any) -> Result:
    from gezond_desktop.reports.excel import render_xlsx

    tables = [_xlsx_ready(t) for t in result.tables]
    result = dataclasses.replace(result, sections=[dataclasses.replace(
        result.sections[0], tables=tables, figures=[], charts=[])])
    rows = sum(len(t.rows) for t in tables)
    ours = raw = float("inf")
    # Best of n, the same for both: a small report writes in milliseconds, where one
    # scheduling hiccup on a busy machine decides the ratio, so it gets more tries.
    for _ in range(3 if rows > 10_000 else 15):
        _, s = _timed(lambda: render_xlsx(result, work / "ours.xlsx"))
        ours = min(ours, s)
        _, s = _timed(lambda: _raw_xlsx(work / "raw.xlsx", tables))
        raw = min(raw, s)
    rate, raw_rate = rows / ours, rows / raw
    return Result(name, rate, raw_rate, "rows/s", f">= {XLSX_TARGET}x raw",
                  rate / raw_rate >= XLSX_TARGET,
                  f"{rows:,} rows in {len(tables)} sheets: {ours * 1000:.0f} ms; raw "
                  f"xlsxwriter write_row {raw * 1000:.0f} ms (ours adds the about sheet)")


def _stress(result: Any) -> Any:
    """One table of STRESS_ROWS rows made of the report's own rows, repeated."""
    table = max(result.tables, key=lambda t: len(t.rows) * len(t.columns))
    base = table.rows or [[None] * len(table.columns)]
    rows = [base[i % len(base)] for i in range(STRESS_ROWS)]
    from gezond_desktop.reports.model import Section

    big = dataclasses.replace(table, rows=rows, total_row=None)
    return dataclasses.replace(result, sections=[Section("Test", tables=[_xlsx_ready(big)])])


@benchmark("reports")
def bench_reports(ctx: Context) -> list[Result]:
    from gezond_desktop.reports.excel import render_xlsx
    from gezond_desktop.reports.model import ReportSpec
    from gezond_desktop.reports.pdf import render_pdf
    from gezond_desktop.reports.queries import build_report
    from gezond_desktop.services import open_services

    scales = (0.2, 2.0) if ctx.quick else (1.0, 10.0)
    results: list[Result] = []
    peaks: dict[float, tuple[int, int, int]] = {}
    for scale in scales:
        folder = cached_demo(ctx, scale)
        svc = open_services(folder)
        try:
            today = dt.date.today()
            label = f"x{scale:g}"
            for kind in ("attendance", "reach", "referrals", "impact", "overview"):
                spec = ReportSpec(kind, today - dt.timedelta(days=365), today)
                result, build_s = _timed(functools.partial(build_report, svc.db, spec))
                # Coordinators must get an answer in minutes: every report well under a
                # minute at ten times a programme year, the overview of a programme
                # year (one page per focus neighbourhood) in under 2 s.
                limit = BUILD_TARGET_S.get((kind, scale), BUILD_LIMIT_S)
                results.append(Result(
                    f"report {kind} build {label}", build_s * 1000, None, "ms",
                    f"< {limit:g} s", build_s < limit,
                    f"build_report (SQL and suppression), period of 365 days; "
                    f"{len(result.sections)} sections", higher_is_better=False))
                if kind not in ("attendance", "overview"):
                    continue
                _, pdf_s = _timed(functools.partial(render_pdf, result,
                                                    ctx.work_dir / f"{kind}.pdf"))
                _, xlsx_s = _timed(functools.partial(render_xlsx, result,
                                                     ctx.work_dir / f"{kind}.xlsx"))
                rows = sum(len(t.rows) for t in result.tables)
                results.append(Result(
                    f"report {kind} pdf {label}", pdf_s * 1000, None, "ms", "(info)", True,
                    f"build {build_s * 1000:.0f} ms (SQL), pdf {pdf_s * 1000:.0f} ms, "
                    f"xlsx {xlsx_s * 1000:.0f} ms; {len(result.tables)} tables, {rows:,} rows",
                    higher_is_better=False))
                if kind == "attendance":
                    results.append(_xlsx_rate(ctx.work_dir, f"xlsx rate {kind} {label}",
                                              result))
            spec = ReportSpec("attendance", today - dt.timedelta(days=365), today)

            def whole(spec: ReportSpec = spec, db: Any = svc.db) -> None:
                r = build_report(db, spec)
                render_pdf(r, ctx.work_dir / "mem.pdf")
                render_xlsx(r, ctx.work_dir / "mem.xlsx")

            report_peak = _peak(whole)
            rows_peak, n_rows = _all_rows_peak(svc.db.path)
            peaks[scale] = (report_peak, rows_peak, n_rows)
        finally:
            svc.db.close()

    big = scales[-1]
    report_peak, rows_peak, n_rows = peaks[big]
    small_peak = peaks[scales[0]][0]
    results.append(Result(
        f"memory: attendance x{big:g}", report_peak / 1e6, rows_peak / 1e6, "MB",
        "<= 0.5x all rows", report_peak <= 0.5 * rows_peak,
        f"tracemalloc peak of build + PDF + xlsx; baseline: the {n_rows:,} contact, "
        f"attendance, session and referral rows fetched; at x{scales[0]:g} the report "
        f"peaked at {small_peak / 1e6:.1f} MB", higher_is_better=False))

    # The writer alone on a big table: streaming, so the rate holds at any size.
    svc = open_services(cached_demo(ctx, scales[0]))
    try:
        today = dt.date.today()
        result = build_report(svc.db, ReportSpec("attendance", today - dt.timedelta(days=365),
                                                  today))
    finally:
        svc.db.close()
    stress = _stress(result)
    results.append(_xlsx_rate(ctx.work_dir, f"xlsx rate {STRESS_ROWS // 1000}k rows", stress))
    peak = _peak(lambda: render_xlsx(stress, ctx.work_dir / "stress.xlsx"))
    results[-1].note += f"; writer peak {peak / 1e6:.1f} MB over the table itself"
    return results


def run(quick: bool) -> list[dict[str, Any]]:
    """Run the report benchmarks alone; each figure as a dict (Result fields + ratio)."""
    CACHE_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gezond-bench-reports-") as tmp:
        ctx = Context(quick=quick, work_dir=Path(tmp), cache_dir=CACHE_DIR)
        out = []
        for r in bench_reports(ctx):
            d = dataclasses.asdict(r)
            d["ratio"] = r.ratio
            d["status"] = r.status
            out.append(d)
        return out
