"""Small-cell suppression for reports that leave the organisation.

Primary suppression: a count of 1 up to ``threshold - 1`` is published as
``"<threshold"`` (e.g. ``"<5"``); 0 stays 0 (nobody can be recognised in a zero).

Secondary suppression: a table with totals is a set of linear equations (every
column sums to its total in the total row; every row sums to its total column).
A reader who knows the published cells, the totals and the rules could work a hidden cell
back out (a ``"<5"`` cell holds 1..4; an ``"x"`` cell holds 1 or more: it says
nothing about its size). :func:`recoverable_cells` plays that reader: it narrows the range of
every hidden cell equation by equation (subtract the known cells from the total,
use the ranges of the other hidden cells) until nothing changes, and reports every
hidden cell whose range shrank to one value. :func:`suppress_table` keeps hiding
one more cell -- the smallest published non-zero cell of the equation that gave
the cell away, or when there is none, the equation's total -- until no hidden cell
can be worked out. A cell hidden only to protect another one is shown as
``SECONDARY`` ("x"): it is usually not small, so showing it as "<5" would be
untrue. Rarely a small cell is shown as "x" too, when the "<5" ranges of several
small cells would give them away together.

Averages derived from a hidden count are hidden too (``derived``).

:func:`apply` suppresses a whole :class:`~.model.ReportResult`: every table (its
``int`` columns are counts; a column with key ``"total"`` is the row total), the
key figures (mirroring the table cell they repeat) and the charts (rebuilt from
the suppressed tables; a hidden value becomes ``None``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .model import Cell, Chart, ReportResult, Section, Table

SECONDARY = "x"
TOTAL_COLUMN_KEY = "total"

# Column key -> count column keys it is computed from (same table). An average is
# hidden when any of its counts is hidden, or it would give the count away.
DERIVED: dict[str, tuple[str, ...]] = {
    "avg_per_session": ("sessions", "participations", "anonymous_guests"),
    "median_days": ("n",),
    "mean_days": ("n",),
    "mean_intake": ("n",),
    "mean_closing": ("n",),
    "mean_change": ("n",),
}

# Key figure label -> labels of the figures it is computed from (same section).
DERIVED_FIGURES: dict[str, tuple[str, ...]] = {}

_INF = math.inf


def marker(threshold: int) -> str:
    """The published value of a small count, e.g. ``"<5"``."""
    return f"<{threshold}"


def is_hidden(cell: Cell) -> bool:
    """True for a cell that was suppressed (a "<N" marker or the secondary "x")."""
    return isinstance(cell, str) and (cell == SECONDARY or (cell.startswith("<")
                                                            and cell[1:].isdigit()))


def primary(value: Cell, threshold: int) -> Cell:
    """One count on its own: 1..threshold-1 becomes "<threshold"; anything else stays."""
    if _is_count(value) and 0 < value < threshold:
        return marker(threshold)
    return value


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- the equations of a table -------------------------------------------------------------

Pos = tuple[int, int]  # (row index, column index); row index len(rows) is the total row


@dataclasses.dataclass
class _Grid:
    values: dict[Pos, int]
    hidden: dict[Pos, str]  # pos -> "primary" | "secondary"
    # (member positions, total position): sum(members) == total
    equations: list[tuple[list[Pos], Pos]]


def _bounds(grid: _Grid, pos: Pos, threshold: int) -> tuple[float, float]:
    if grid.hidden.get(pos) == "primary":
        return (1.0, float(threshold - 1))
    return (1.0, _INF)  # "x" says only: not shown (zeros are always shown)


def _narrow(grid: _Grid, threshold: int) -> dict[Pos, tuple[float, float]]:
    """The range a reader can give every hidden cell, from all equations together."""
    rng = {p: _bounds(grid, p, threshold) for p in grid.hidden}
    for _ in range(50):
        changed = False
        for members, total in grid.equations:
            # sum(members) - total == 0, every term with coefficient +1 or -1
            terms = [(p, 1) for p in members] + [(total, -1)]
            known = sum(c * grid.values[p] for p, c in terms if p not in rng)
            unknown = [(p, c) for p, c in terms if p in rng]
            if not unknown:
                continue
            # Range of c_j * x_j per term, and their sums (infinite parts counted apart).
            parts = []
            for q, cj in unknown:
                lo_q, hi_q = rng[q]
                parts.append((cj * lo_q, cj * hi_q) if cj > 0 else (cj * hi_q, cj * lo_q))
            lo_fin = sum(a for a, _ in parts if math.isfinite(a))
            hi_fin = sum(b for _, b in parts if math.isfinite(b))
            lo_inf = sum(1 for a, _ in parts if not math.isfinite(a))
            hi_inf = sum(1 for _, b in parts if not math.isfinite(b))
            for (p, c), (a, b) in zip(unknown, parts, strict=True):
                # c * x_p = -known - sum(other c_j x_j)
                if lo_inf - (0 if math.isfinite(a) else 1) > 0:
                    lo_rest = -_INF
                else:
                    lo_rest = lo_fin - (a if math.isfinite(a) else 0.0)
                if hi_inf - (0 if math.isfinite(b) else 1) > 0:
                    hi_rest = _INF
                else:
                    hi_rest = hi_fin - (b if math.isfinite(b) else 0.0)
                lo_v, hi_v = -known - hi_rest, -known - lo_rest
                if c < 0:
                    lo_v, hi_v = -hi_v, -lo_v
                old_lo, old_hi = rng[p]
                new_lo, new_hi = max(old_lo, lo_v), min(old_hi, hi_v)
                if new_lo > new_hi:  # inconsistent (a non-additive total): learn nothing
                    continue
                if (new_lo, new_hi) != (old_lo, old_hi):
                    rng[p] = (new_lo, new_hi)
                    changed = True
        if not changed:
            break
    return rng


def _determined(grid: _Grid, threshold: int) -> list[Pos]:
    if threshold <= 2:  # "<2" means 1 by itself; the totals add nothing
        return []
    return sorted(p for p, (lo, hi) in _narrow(grid, threshold).items() if lo == hi)


def _make_grid(table: Table, count_columns: Sequence[str], total_row: bool,
               total_column: str | None) -> _Grid:
    keys = [c.key for c in table.columns]
    idx = [keys.index(k) for k in count_columns if k in keys]
    rows: list[list[Cell]] = [list(r) for r in table.rows]
    has_total_row = total_row and table.total_row is not None
    if has_total_row:
        assert table.total_row is not None
        rows.append(list(table.total_row))
    values: dict[Pos, int] = {}
    for r, row in enumerate(rows):
        for c in idx:
            v: Any = row[c] if c < len(row) else None
            if _is_count(v):
                values[(r, c)] = v
    equations: list[tuple[list[Pos], Pos]] = []
    n_data = len(table.rows)
    tc = keys.index(total_column) if total_column and total_column in keys else None
    if has_total_row:
        for c in idx:
            members = [(r, c) for r in range(n_data) if (r, c) in values]
            if (n_data, c) in values and members:
                equations.append((members, (n_data, c)))
    if tc is not None:
        for r in range(len(rows)):
            members = [(r, c) for c in idx if c != tc and (r, c) in values]
            if (r, tc) in values and members:
                equations.append((members, (r, tc)))
    return _Grid(values, {}, equations)


def _protect(grid: _Grid, threshold: int, forced: Iterable[Pos] = ()) -> None:
    for pos, v in grid.values.items():
        if 0 < v < threshold:
            grid.hidden[pos] = "primary"
    for pos in forced:
        if pos in grid.values and grid.values[pos] != 0 and pos not in grid.hidden:
            grid.hidden[pos] = "secondary"
    while True:
        # A published total with exactly one hidden member gives it away at once;
        # the bounds reasoning below also catches the subtler cases.
        leaks = _determined(grid, threshold)
        if not leaks:
            return
        target = leaks[0]
        if not _hide_one_more(grid, target):
            return  # cannot happen: a fully hidden table gives nothing away


def _hide_one_more(grid: _Grid, leaked: Pos) -> bool:
    """Hide one more cell in an equation that involves ``leaked``."""
    eqs = [(m, t) for m, t in grid.equations if leaked in m or leaked == t]
    # Prefer an equation that still has a published total (that is the leak).
    eqs.sort(key=lambda e: e[1] in grid.hidden)
    for members, _total in eqs:
        candidates = [p for p in members if p not in grid.hidden and grid.values[p] > 0]
        if candidates:
            best = min(candidates, key=lambda p: (grid.values[p], p))
            grid.hidden[best] = "secondary"
            return True
    for _members, total in eqs:
        if total not in grid.hidden and grid.values[total] > 0:
            grid.hidden[total] = "secondary"
            return True
    # Only small cells left, whose "<N" ranges give them away together (say three
    # "<4" cells adding up to a "<4" total: all ones). Show one as "x" instead, which
    # says nothing about its size: the total first.
    for members, total in eqs:
        for p in [total, *sorted(members, key=lambda q: (grid.values[q], q))]:
            if grid.hidden.get(p) == "primary":
                grid.hidden[p] = "secondary"
                return True
    # Everything around it is hidden already: hide or widen any cell of the table
    # (published first, then a "<N" shown as "x"), smallest first.
    rest = sorted((p for p in grid.values if grid.values[p] > 0 and p not in grid.hidden),
                  key=lambda q: (grid.values[q], q))
    if rest:
        grid.hidden[rest[0]] = "secondary"
        return True
    small = sorted((p for p, kind in grid.hidden.items() if kind == "primary"),
                   key=lambda q: (-q[0], -q[1]))  # totals (last row / column) first
    if small:
        grid.hidden[small[0]] = "secondary"
        return True
    return False


def suppress_table(table: Table, threshold: int, count_columns: list[str],
                   total_row: bool = False, total_column: str | None = None, *,
                   derived: Mapping[str, Sequence[str]] | None = None,
                   forced: Iterable[tuple[int, str]] = ()) -> Table:
    """A copy of ``table`` that is safe to publish.

    * ``count_columns``: keys of the columns that hold counts.
    * ``total_row``: ``table.total_row`` holds the column totals of the rows.
    * ``total_column``: key of the column that holds each row's total of the other
      count columns (None: the count columns are separate measures).
    * ``derived``: column key -> count column keys it is computed from; such a cell
      is hidden (``"x"``) when one of those counts is hidden in its row.
      Defaults to :data:`DERIVED`.
    * ``forced``: (row index, column key) cells to hide as well (row index
      ``len(table.rows)`` is the total row), e.g. a total hidden in another table.

    Counts 1..threshold-1 become ``"<threshold"``; cells hidden so that no small
    count can be worked out from the totals become ``"x"``; 0 stays 0.
    """
    if threshold < 2:
        raise ValueError("threshold must be at least 2")
    keys = [c.key for c in table.columns]
    grid = _make_grid(table, count_columns, total_row, total_column)
    forced_pos = [(r, keys.index(k)) for r, k in forced if k in keys]
    _protect(grid, threshold, forced_pos)

    n_data = len(table.rows)
    out_rows = [list(r) for r in table.rows]
    out_total = list(table.total_row) if table.total_row is not None else None

    def row_of(r: int) -> list[Cell] | None:
        return out_total if r == n_data else out_rows[r]

    for (r, c), kind in grid.hidden.items():
        row = row_of(r)
        if row is not None:
            row[c] = marker(threshold) if kind == "primary" else SECONDARY
    # Any count column cell not in an equation still gets primary suppression.
    count_idx = {keys.index(k) for k in count_columns if k in keys}
    for row in [*out_rows, *([out_total] if out_total is not None else [])]:
        for c in count_idx:
            if c < len(row):
                row[c] = primary(row[c], threshold)
    dmap = DERIVED if derived is None else derived
    for key, sources in dmap.items():
        if key not in keys:
            continue
        c = keys.index(key)
        src = [keys.index(k) for k in sources if k in keys]
        for row in [*out_rows, *([out_total] if out_total is not None else [])]:
            if any(is_hidden(row[s]) for s in src) and row[c] is not None:
                row[c] = SECONDARY
    note = table.note
    if grid.hidden or any(is_hidden(v) for row in out_rows for v in row):
        extra = (f"'{marker(threshold)}': een klein aantal (1 tot {threshold - 1}). "
                 f"'{SECONDARY}': niet getoond, zodat een klein aantal niet uit de "
                 "totalen is terug te rekenen.")
        note = f"{note} {extra}".strip()
    return dataclasses.replace(table, rows=out_rows, total_row=out_total, note=note)


def recoverable_cells(table: Table, threshold: int, count_columns: list[str],
                      total_row: bool = False,
                      total_column: str | None = None) -> list[tuple[int, str]]:
    """Hidden cells of a *published* table that a reader can work out exactly from
    the totals and the ranges of the markers: (row index, column key). Empty when
    the table is safe. Row index ``len(table.rows)`` is the total row."""
    keys = [c.key for c in table.columns]
    idx = [keys.index(k) for k in count_columns if k in keys]
    rows = [list(r) for r in table.rows]
    if total_row and table.total_row is not None:
        rows.append(list(table.total_row))
    grid = _Grid({}, {}, [])
    for r, row in enumerate(rows):
        for c in idx:
            v = row[c]
            if _is_count(v):
                grid.values[(r, c)] = v
            elif is_hidden(v):
                grid.values[(r, c)] = 0
                grid.hidden[(r, c)] = "secondary" if v == SECONDARY else "primary"
    n_data = len(table.rows)
    tc = keys.index(total_column) if total_column and total_column in keys else None
    if total_row and table.total_row is not None:
        for c in idx:
            members = [(r, c) for r in range(n_data) if (r, c) in grid.values]
            if (n_data, c) in grid.values and members:
                grid.equations.append((members, (n_data, c)))
    if tc is not None:
        for r in range(len(rows)):
            members = [(r, c) for c in idx if c != tc and (r, c) in grid.values]
            if (r, tc) in grid.values and members:
                grid.equations.append((members, (r, tc)))
    return [(r, keys[c]) for r, c in _determined(grid, threshold)]


# -- a whole report ---------------------------------------------------------------------


def count_columns_of(table: Table) -> list[str]:
    return [c.key for c in table.columns if c.kind == "int"]


def _total_column_of(table: Table) -> str | None:
    return TOTAL_COLUMN_KEY if any(c.key == TOTAL_COLUMN_KEY for c in table.columns) else None


def _suppress_in_report(table: Table, threshold: int,
                        forced: Iterable[tuple[int, str]] = ()) -> Table:
    return suppress_table(table, threshold, count_columns_of(table),
                          total_row=table.total_row is not None,
                          total_column=_total_column_of(table), forced=forced)


def _category(cell: Cell) -> str:
    if isinstance(cell, dt.date):
        from .queries import month_label

        return month_label(cell)
    return str(cell)


def _chart_value(cell: Cell) -> float | None:
    if cell is None or is_hidden(cell) or isinstance(cell, str):
        return None
    return float(cell)


def _rebuild_chart(chart: Chart, tables: list[Table], threshold: int) -> Chart:
    series: dict[str, list[float | None]] = {}
    for name, values in chart.series.items():
        source: tuple[Table, int] | None = None
        for t in tables:
            labels = [c.label for c in t.columns]
            firsts = [_category(r[0]) for r in t.rows]
            if name in labels and all(cat in firsts for cat in chart.categories):
                source = (t, labels.index(name))
                break
        if source is None:
            series[name] = [None if v is not None and 0 < v < threshold
                            and float(v).is_integer() else v for v in values]
            continue
        t, c = source
        by_cat = {_category(r[0]): r[c] for r in t.rows}
        series[name] = [_chart_value(by_cat[cat]) for cat in chart.categories]
    return dataclasses.replace(chart, series=series)


def apply(result: ReportResult) -> ReportResult:
    """A copy of ``result`` with every count safe to publish (``spec.threshold``).

    Tables: ``int`` columns are counts, ``table.total_row`` the column totals, a
    column keyed ``"total"`` the row totals. A total hidden in one table of a
    section is hidden in the other tables of that section that repeat it (same
    column label, same value), so no table gives away what another hides.
    Key figures repeat a table cell when a table of the same section has a total
    row with a column of the same label, or when a table anywhere in the report has
    a row named like the section with such a column; otherwise an int figure gets
    primary suppression. Charts are rebuilt from the suppressed tables.
    """
    t = result.spec.threshold
    sections: list[Section] = []
    for sec in result.sections:
        tables = [_suppress_in_report(tb, t) for tb in sec.tables]
        # Hide a total in every table that repeats a total hidden elsewhere.
        for _ in range(5):
            hidden_totals: set[tuple[str, Any]] = set()
            for orig, sup in zip(sec.tables, tables, strict=True):
                if orig.total_row is None or sup.total_row is None:
                    continue
                for col, a, b in zip(orig.columns, orig.total_row, sup.total_row, strict=True):
                    if b == SECONDARY:
                        hidden_totals.add((col.label, a))
            changed = False
            for i, (orig, sup) in enumerate(zip(sec.tables, tables, strict=True)):
                if orig.total_row is None or sup.total_row is None:
                    continue
                force = [(len(orig.rows), col.key) for col, a, b in
                         zip(orig.columns, orig.total_row, sup.total_row, strict=True)
                         if (col.label, a) in hidden_totals and not is_hidden(b)]
                if force:
                    prev = [(len(orig.rows), col.key) for col, b in
                            zip(orig.columns, sup.total_row, strict=True) if b == SECONDARY]
                    tables[i] = _suppress_in_report(orig, t, forced=force + prev)
                    changed = True
            if not changed:
                break
        sections.append(dataclasses.replace(sec, tables=tables))
    all_tables = [tb for s in sections for tb in s.tables]
    out: list[Section] = []
    for orig_sec, sec in zip(result.sections, sections, strict=True):
        figures = [(label, _figure(label, value, orig_sec.title, sec, all_tables, t))
                   for label, value in sec.figures]
        hidden_labels = {label for label, v in figures if is_hidden(v)}
        figures = [(label, SECONDARY if any(d in hidden_labels
                                            for d in DERIVED_FIGURES.get(label, ()))
                    and not is_hidden(v) else v) for label, v in figures]
        charts = [_rebuild_chart(ch, sec.tables, t) for ch in sec.charts]
        out.append(dataclasses.replace(sec, figures=figures, charts=charts))
    return dataclasses.replace(result, sections=out)


def _figure(label: str, value: Cell, title: str, sec: Section, all_tables: list[Table],
            threshold: int) -> Cell:
    for tb in sec.tables:
        labels = [c.label for c in tb.columns]
        if tb.total_row is not None and label in labels:
            return tb.total_row[labels.index(label)]
    for tb in all_tables:
        labels = [c.label for c in tb.columns]
        if label in labels:
            for row in tb.rows:
                if row and row[0] == title:
                    return row[labels.index(label)]
    return primary(value, threshold)
