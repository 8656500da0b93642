"""Small-cell suppression: nothing below the threshold is published, and no hidden
cell can be worked back out from the published totals."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from gezond_desktop.reports.model import Chart, Column, ReportResult, ReportSpec, Section, Table
from gezond_desktop.reports.suppression import (
    SECONDARY,
    apply,
    recoverable_cells,
    suppress_table,
)


def _matrix_table(matrix: list[list[int]], total_column: bool) -> tuple[Table, list[str]]:
    n_cols = len(matrix[0])
    keys = [f"c{j}" for j in range(n_cols)]
    cols = [Column("name", "Naam", "text"), *[Column(k, k.upper()) for k in keys]]
    rows: list[list[object]] = [[f"r{i}", *row] for i, row in enumerate(matrix)]
    total = ["Totaal", *[sum(r[j] for r in matrix) for j in range(n_cols)]]
    if total_column:
        cols.append(Column("total", "Totaal"))
        for row, values in zip(rows, matrix, strict=True):
            row.append(sum(values))
        total.append(sum(map(sum, matrix)))
        keys = [*keys, "total"]
    return Table("t", "T", cols, rows, total_row=total), keys


def _bounds(cell: object, threshold: int) -> tuple[float, float] | None:
    if cell == f"<{threshold}":
        return (1, threshold - 1)
    if cell == SECONDARY:
        return (1, math.inf)
    return None


def _uniquely_determined(published: list[object], total: object, threshold: int) -> bool:
    """Simple linear reasoning on one row or column: subtract the known cells from the
    total and use the ranges the markers give. True if a hidden cell follows."""
    if _bounds(total, threshold) is not None or not isinstance(total, int):
        return False
    hidden = [_bounds(c, threshold) for c in published]
    ranges = [b for b in hidden if b is not None]
    if not ranges:
        return False
    rest = total - sum(c for c in published if isinstance(c, int))
    if len(ranges) == 1:
        return True  # the one hidden cell equals the rest
    for i, (lo, hi) in enumerate(ranges):
        others = ranges[:i] + ranges[i + 1:]
        lo_i = max(lo, rest - sum(h for _, h in others))
        hi_i = min(hi, rest - sum(lo2 for lo2, _ in others))
        if lo_i == hi_i:
            return True
    return False


small_counts = st.one_of(st.integers(0, 6), st.integers(0, 40))
matrices = st.integers(1, 5).flatmap(lambda n_cols: st.lists(
    st.lists(small_counts, min_size=n_cols, max_size=n_cols), min_size=1, max_size=6))


@settings(max_examples=300, deadline=None)
@given(matrix=matrices, threshold=st.integers(3, 10), total_column=st.booleans())
def test_random_tables_are_safe_to_publish(matrix: list[list[int]], threshold: int,
                                           total_column: bool) -> None:
    table, keys = _matrix_table(matrix, total_column)
    out = suppress_table(table, threshold, keys, total_row=True,
                         total_column="total" if total_column else None)
    assert out.total_row is not None and table.total_row is not None
    marker = f"<{threshold}"
    originals = [*table.rows, table.total_row]
    published = [*out.rows, out.total_row]
    idx = [[c.key for c in table.columns].index(k) for k in keys]
    for orig, pub in zip(originals, published, strict=True):
        for j in idx:
            v, p = orig[j], pub[j]
            # (a) nothing below the threshold except 0 and the marker; no lies
            if p == marker:
                assert 0 < v < threshold
            elif p == SECONDARY:
                assert v >= 1
            else:
                assert p == v and (p == 0 or p >= threshold)
    # (b) every row and column with a published total: 0 or >= 2 hidden cells, and no
    # hidden cell follows from subtracting the known cells from the total.
    data_idx = [j for j in idx if table.columns[j].key != "total"]
    groups = [([r[j] for r in out.rows], out.total_row[j]) for j in idx]
    if total_column:
        t = [c.key for c in table.columns].index("total")
        groups += [([r[j] for j in data_idx], r[t]) for r in published]
    for cells, total in groups:
        if isinstance(total, int):
            n_hidden = sum(1 for c in cells if c in (marker, SECONDARY))
            assert n_hidden != 1, (cells, total)
        assert not _uniquely_determined(cells, total, threshold), (cells, total)
    # the module's own reader (all equations together) finds nothing either
    assert recoverable_cells(out, threshold, keys, total_row=True,
                             total_column="total" if total_column else None) == []


def test_primary_and_secondary_in_a_column() -> None:
    table = Table("t", "T", [Column("name", "Naam", "text"), Column("n", "Aantal")],
                  [["a", 3], ["b", 12], ["c", 0], ["d", 30]], total_row=["Totaal", 45])
    out = suppress_table(table, 5, ["n"], total_row=True)
    # 3 is small; the next smallest non-zero cell (12) hides with it; 0 stays 0.
    assert [r[1] for r in out.rows] == ["<5", SECONDARY, 0, 30]
    assert out.total_row == ["Totaal", 45]
    assert "<5" in out.note
    assert table.rows[0][1] == 3  # the input is not changed


def test_a_total_that_would_give_a_cell_away_is_hidden() -> None:
    # Only one non-zero cell: it equals the total, so the total cannot be published.
    table = Table("t", "T", [Column("name", "Naam", "text"), Column("n", "Aantal")],
                  [["a", 3], ["b", 0]], total_row=["Totaal", 3])
    out = suppress_table(table, 5, ["n"], total_row=True)
    assert out.rows[0][1] == "<5" and out.rows[1][1] == 0
    assert out.total_row is not None and out.total_row[1] == "<5"
    # Four '<5' cells adding up to a '<5' total: all ones. One of them must say less.
    table = Table("t", "T", [Column("name", "Naam", "text"), Column("n", "Aantal")],
                  [["a", 1], ["b", 1], ["c", 1], ["d", 1]], total_row=["Totaal", 4])
    out = suppress_table(table, 5, ["n"], total_row=True)
    assert out.total_row is not None and out.total_row[1] == SECONDARY
    assert recoverable_cells(out, 5, ["n"], total_row=True) == []


def test_averages_of_hidden_counts_are_hidden() -> None:
    table = Table("t", "T", [Column("name", "Naam", "text"), Column("sessions", "Bijeenk."),
                             Column("participations", "Deeln."),
                             Column("avg_per_session", "Gem.", "float")],
                  [["a", 2, 9, 4.5], ["b", 10, 50, 5.0], ["c", 8, 40, 5.0]])
    out = suppress_table(table, 5, ["sessions", "participations"])
    assert out.rows[0] == ["a", "<5", 9, SECONDARY]
    assert out.rows[1] == ["b", 10, 50, 5.0]


def test_apply_mirrors_figures_and_charts_from_the_tables() -> None:
    spec = ReportSpec("attendance", dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    t1 = Table("per_buurt", "Per buurt", [Column("nb", "Buurt", "text"),
                                          Column("n", "Deelnames")],
               [["Hambaken", 2], ["West", 7], ["Oost", 20]], total_row=["Totaal", 29])
    t2 = Table("per_maand", "Per maand", [Column("m", "Maand", "month"),
                                          Column("n", "Deelnames")],
               [[dt.date(2025, 1, 1), 29]], total_row=["Totaal", 29])
    sec = Section("Aanwezigheid", figures=[("Deelnames", 29), ("Vrijwilligers", 3)],
                  tables=[t1, t2],
                  charts=[Chart("bar", "Per buurt", ["Hambaken", "West", "Oost"],
                                {"Deelnames": [2.0, 7.0, 20.0]}),
                          Chart("line", "Per maand", ["jan 2025"], {"Deelnames": [29.0]})])
    res = ReportResult(spec, "Aanwezigheid", [], [sec], dt.datetime(2025, 2, 1))
    out = apply(res)
    s = out.sections[0]
    assert [r[1] for r in s.tables[0].rows] == ["<5", SECONDARY, 20]
    assert dict(s.figures) == {"Deelnames": 29, "Vrijwilligers": "<5"}
    assert s.charts[0].series["Deelnames"] == [None, None, 20.0]
    assert s.charts[1].series["Deelnames"] == [29.0]
    assert res.sections[0].tables[0].rows[0][1] == 2  # the original is untouched
