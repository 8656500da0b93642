"""Report outputs read back the way a reader (or a program) reads them: PDF text
with pypdf, Excel with openpyxl, CSV with the csv module; every export recorded."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from gezond_desktop import cli
from gezond_desktop.cli_export import add_export
from gezond_desktop.models import ChangeLog, ExportRecord
from gezond_desktop.reports.csvout import read_csv_rows, render_csv, table_names
from gezond_desktop.reports.excel import render_xlsx
from gezond_desktop.reports.export import export_report
from gezond_desktop.reports.model import (
    REPORT_TITLES,
    Chart,
    Column,
    ReportResult,
    ReportSpec,
    Section,
    Table,
)
from gezond_desktop.reports.pdf import render_pdf
from gezond_desktop.services import Services
from gezond_desktop.tasks import Cancelled

REPO = Path(__file__).resolve().parent.parent
MONTHS = [dt.date(2025, m, 1) for m in range(1, 13)]
HOODS = ["Hambaken", "Kruiskamp", "Graafsewijk", "Boschveld", "Demo-buurt Ëikenlaan"]


def sample_result(suppress: bool = True, n_activities: int = 70) -> ReportResult:
    """A hand-made attendance report: a long wide table, a month table, charts."""
    spec = ReportSpec("attendance", dt.date(2025, 1, 1), dt.date(2025, 12, 31),
                      suppress=suppress)
    small: Any = "<5" if suppress else 3
    cols = [Column("activity", "Activiteit", "text"), Column("hood", "Buurt", "text"),
            Column("sessions", "Bijeenkomsten"), Column("participations", "Deelnames"),
            Column("unique", "Unieke deelnemers"), Column("new", "Nieuw"),
            Column("returning", "Terugkerend"),
            Column("avg", "Gemiddeld per bijeenkomst", "float"),
            Column("anon", "Anonieme gasten"), Column("volunteers", "Vrijwilligers"),
            Column("step", "Van deelnemer naar vrijwilliger")]
    rows: list[list[Any]] = []
    for i in range(n_activities):
        sessions = 10 + i % 40
        rows.append([f"Activiteit {i:03d} Café’s", HOODS[i % len(HOODS)], sessions,
                     sessions * 7, 20 + i, 10, 10 + i, 7.5, i % 30, small, small])
    per_activity = Table("per_activiteit", "Per activiteit", cols, rows,
                         note="Een inwoner telt per activiteit één keer.",
                         total_row=["Totaal", "", 1234, 8642, 4321, 700, 3621, 7.0, 999, 37, 12])
    mcols = [Column("month", "Maand", "month"), Column("participations", "Deelnames"),
             Column("share_new", "Aandeel nieuw", "pct")]
    per_month = Table("per_maand", "Per maand", mcols,
                      [[m, 500 + i, 0.25] for i, m in enumerate(MONTHS)],
                      total_row=["Totaal", 6066, 0.25])
    charts = [Chart("bar", "Deelnames per buurt", HOODS, {"Deelnames": [900, 450, 300, None, 20]},
                    y_label="Aantal"),
              Chart("line", "Deelnames per maand", [f"m{i}" for i in range(12)],
                    {"Deelnames": [500.0 + i for i in range(12)]}),
              Chart("spider", "Positieve Gezondheid", ["a", "b", "c", "d", "e", "f"],
                    {"Intake": [5, 5, 5, 5, None, 5], "Afsluiting": [6, 6, 6, 6, 6, 6]})]
    section = Section("Aanwezigheid", figures=[("Deelnames", 8642), ("Gemiddeld", 7.5),
                                               ("Van deelnemer naar vrijwilliger", small)],
                      tables=[per_activity, per_month], charts=charts)
    return ReportResult(spec, REPORT_TITLES["attendance"],
                        ["Periode: 01-01-2025 tot en met 31-12-2025",
                         "Buurt: Hambaken, Kruiskamp"],
                        [section], dt.datetime(2026, 1, 5, 14, 30), "Fatima de Vries")


def pdf_pages(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


# -- PDF ----------------------------------------------------------------------------------
def test_pdf_has_title_period_figures_and_page_numbers(tmp_path: Path) -> None:
    out = render_pdf(sample_result(), tmp_path / "rapport.pdf")
    pages = pdf_pages(out)
    n = len(pages)
    assert n >= 4  # title page, figures and charts, a table over several pages
    first = pages[0]
    assert "Aanwezigheid bij activiteiten" in first
    assert "1 januari 2025 tot en met 31 december 2025" in first
    assert "Buurt: Hambaken, Kruiskamp" in first
    assert "Aantallen van 1 tot 4 zijn weergegeven als '<5'" in first
    assert "Periode: 01-01" not in first  # the period is not repeated as a filter
    for i, text in enumerate(pages, start=1):
        assert f"Pagina {i} van {n}" in text
        assert "Gemaakt op 5 januari 2026" in text
        assert "Interne werkversie" not in text
    body = "\n".join(pages)
    assert "8.642" in body and "1.234" in body  # key figure, total row (Dutch grouping)
    assert "Café’s" in body and "Ëikenlaan" in body  # Dutch characters survive
    assert "jan 2025" in body and "25,0%" in body


def test_pdf_long_table_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    out = render_pdf(sample_result(n_activities=120), tmp_path / "lang.pdf")
    reader = PdfReader(str(out))
    table_pages = [p for p in reader.pages if "Activiteit 0" in (p.extract_text() or "")]
    assert len(table_pages) >= 3
    for page in table_pages:
        text = page.extract_text() or ""
        assert "Bijeenkomsten" in text and "Terugkerend" in text
        # An 11-column table is set on landscape pages, so nothing is squeezed.
        assert float(page.mediabox.width) > float(page.mediabox.height)
    last = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert "Activiteit 119" in last and "Activiteit 000" in last


def test_internal_pdf_says_so_on_every_page(tmp_path: Path) -> None:
    out = render_pdf(sample_result(suppress=False), tmp_path / "intern.pdf")
    pages = pdf_pages(out)
    assert "Let op: interne werkversie" in pages[0]
    assert all("Interne werkversie: niet verspreiden" in t for t in pages)
    assert "<5" not in "\n".join(pages)


# -- Excel --------------------------------------------------------------------------------
def test_xlsx_types_frozen_headers_and_widths(tmp_path: Path) -> None:
    result = sample_result()
    out = render_xlsx(result, tmp_path / "rapport.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Over dit rapport", "Kerncijfers", "Per activiteit", "Per maand"]
    about = wb["Over dit rapport"]
    cells = {row[0]: row[1] for row in about.iter_rows(values_only=True) if row[0]}
    assert cells["Van"] == dt.datetime(2025, 1, 1)
    assert cells["Tot en met"] == dt.datetime(2025, 12, 31)
    assert cells["Filters"] == "Buurt: Hambaken, Kruiskamp"
    assert "weergegeven als '<5'" in cells["Kleine aantallen"]
    assert isinstance(cells["Gemaakt op"], dt.datetime)

    ws = wb["Per activiteit"]
    assert ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("Activiteit", "Buurt", "Bijeenkomsten", "Deelnames")
    first = rows[1]
    assert first[0] == "Activiteit 000 Café’s"
    assert isinstance(first[2], int) and first[2] == 10
    assert isinstance(first[7], float) and first[7] == 7.5
    assert first[9] == "<5"  # suppressed: text by necessity
    assert len(rows) == 1 + 70 + 1 and rows[-1][0] == "Totaal" and rows[-1][3] == 8642
    width_a = ws.column_dimensions["A"].width
    assert width_a >= len("Activiteit 000 Café’s")

    months = wb["Per maand"]
    assert months.freeze_panes == "A2"
    m = list(months.iter_rows(min_row=2, values_only=True))
    assert m[0][0] == dt.datetime(2025, 1, 1) and m[0][2] == 0.25
    assert months["C2"].number_format == "0.0%"
    figures = list(wb["Kerncijfers"].iter_rows(min_row=2, values_only=True))
    assert ("Aanwezigheid", "Deelnames", 8642) in figures


def test_sheet_and_file_names_are_short_unique_and_legal() -> None:
    sections = [Section(f"Demo-buurt met een heel lange naam {i % 2}", tables=[
        Table("t", "Aanwezigheid per activiteit: [alles]?", [Column("a", "A", "text")], [["x"]]),
        Table("t", "Aanwezigheid per activiteit: [alles]?", [Column("a", "A", "text")], [["y"]]),
    ]) for i in range(4)]
    result = ReportResult(ReportSpec("overview", dt.date(2025, 1, 1), dt.date(2025, 3, 1)),
                          "Overzicht", [], sections, dt.datetime(2026, 1, 1))
    names = [n for _s, _t, n in table_names(result)]
    assert len(names) == 8 and len({n.casefold() for n in names}) == 8
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


# -- CSV ----------------------------------------------------------------------------------
def test_csv_semicolon_zip_for_dutch_excel(tmp_path: Path) -> None:
    out = render_csv(sample_result(), tmp_path / "rapport.csv", delimiter=";")
    assert out.suffix == ".zip"
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert names[0] == "over_dit_rapport.txt"
        about = zf.read(names[0]).decode("utf-8-sig")
        assert "weergegeven als '<5'" in about and "Buurt: Hambaken" in about
        raw = zf.read("01_per_activiteit.csv")
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
        rows = read_csv_rows(raw)
        months = read_csv_rows(zf.read("02_per_maand.csv"))
    assert rows[0][:3] == ["Activiteit", "Buurt", "Bijeenkomsten"]
    assert rows[1][0] == "Activiteit 000 Café’s" and rows[1][2] == "10"
    assert rows[1][7] == "7,5" and rows[1][9] == "<5"  # decimal comma
    assert rows[-1][0] == "Totaal" and rows[-1][3] == "8642"
    assert months[0][2] == "Aandeel nieuw (%)"
    assert months[1] == ["2025-01", "500", "25,0"]


def test_csv_comma_single_table(tmp_path: Path) -> None:
    result = sample_result()
    result.sections[0].tables = result.sections[0].tables[1:]
    out = render_csv(result, tmp_path / "maanden", delimiter=",")
    assert out.name == "maanden.csv"
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv_rows(raw)
    assert rows[1] == ["2025-01", "500", "25.0"]
    assert len(rows) == 1 + 12 + 1


# -- export: file and record ----------------------------------------------------------------
def _records(svc: Services) -> list[ExportRecord]:
    with svc.db.read() as s:
        return list(s.scalars(select(ExportRecord)))


def test_export_writes_file_and_a_synced_record(services: Services, tmp_path: Path) -> None:
    hood = services.reference.list("neighbourhood")[0]
    spec = ReportSpec("attendance", dt.date(2025, 1, 1), dt.date(2025, 12, 31),
                      neighbourhood_ids=(hood.id,))
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        steps.append((done, total))
        return True

    path = export_report(services.db, spec, "xlsx", tmp_path / "aanwezigheid",
                         worker_id=services.worker_id, worker_name="Fatima de Vries",
                         progress=progress, result=sample_result())
    assert path == tmp_path / "aanwezigheid.xlsx" and path.is_file()
    assert steps and steps[-1] == (100, 100)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]
    [rec] = _records(services)
    assert (rec.report, rec.file_format, rec.file_name) == ("attendance", "xlsx",
                                                           "aanwezigheid.xlsx")
    assert (rec.date_from, rec.date_to, rec.suppressed) == (spec.date_from, spec.date_to, True)
    assert rec.row_count == 70 + 12
    assert rec.created_by == services.worker_id
    filters = json.loads(rec.filters)
    assert filters["neighbourhood_ids"] == [str(hood.id)]
    assert filters["worker_name"] == "Fatima de Vries"
    assert "Buurt: Hambaken, Kruiskamp" in filters["filters_text"]
    with services.db.read() as s:  # the record travels through the change log
        entries = s.scalars(select(ChangeLog).where(ChangeLog.entity == "export_record")).all()
    assert [e.record_id for e in entries] == [rec.id]


def test_cancelled_export_leaves_no_file_and_no_record(services: Services,
                                                        tmp_path: Path) -> None:
    spec = ReportSpec("attendance", dt.date(2025, 1, 1), dt.date(2025, 12, 31))

    def progress(done: int, total: int) -> bool:
        if done > 75:
            raise Cancelled()
        return True

    out_dir = tmp_path / "uit"
    out_dir.mkdir()
    with pytest.raises(Cancelled):
        export_report(services.db, spec, "pdf", out_dir / "a.pdf", worker_id=None,
                      worker_name="", progress=progress, result=sample_result())
    assert list(out_dir.iterdir()) == []
    assert _records(services) == []


def test_export_refuses_missing_folder_and_bad_format(services: Services,
                                                      tmp_path: Path) -> None:
    from gezond_desktop.errors import GezondError

    spec = ReportSpec("reach", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    with pytest.raises(GezondError, match="bestaat niet"):
        export_report(services.db, spec, "pdf", tmp_path / "nergens" / "a.pdf",
                      worker_id=None, worker_name="")
    with pytest.raises(GezondError, match="Kies uit: pdf, xlsx, csv"):
        export_report(services.db, spec, "docx", tmp_path / "a.docx", worker_id=None,
                      worker_name="")
    assert _records(services) == []


def test_export_builds_real_reports(services: Services, tmp_path: Path) -> None:
    """Every report kind builds from the database and renders in every format."""
    today = dt.date.today()
    for kind in ("attendance", "reach", "referrals", "impact", "overview"):
        spec = ReportSpec(kind, today - dt.timedelta(days=365), today)
        for fmt in ("pdf", "xlsx", "csv"):
            path = export_report(services.db, spec, fmt, tmp_path / f"{kind}.{fmt}",
                                 worker_id=services.worker_id, worker_name="Fatima")
            assert path.is_file() and path.stat().st_size > 0
    assert len(_records(services)) == 15
    assert REPORT_TITLES["reach"] in pdf_pages(tmp_path / "reach.pdf")[0]


# -- CLI -----------------------------------------------------------------------------------
def test_cli_export(services: Services, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = services.db.data_dir
    out = tmp_path / "bereik.pdf"
    args = ["--data-dir", str(data_dir), "export", "--report", "reach", "--from",
            "01-01-2025", "--to", "2025-12-31", "--format", "pdf", "--out", str(out),
            "--neighbourhood", "Hambaken", "--internal"]
    if add_export in cli.COMMANDS:  # registered: run it as a user does
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "gezond_desktop.cli", *args],
                              capture_output=True, text=True, env=env, timeout=120)
        code, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
        monkeypatch.setattr(cli, "COMMANDS", [*cli.COMMANDS, add_export])
        code = cli.main(args)
        captured = capsys.readouterr()
        stdout, stderr = captured.out, captured.err
    assert code == 0, stderr
    assert f"opgeslagen: {out}" in stdout and "interne werkversie" in stderr.lower()
    text = pdf_pages(out)
    assert "Interne werkversie: niet verspreiden" in text[0]
    [rec] = _records(services)
    hood = services.reference.find("neighbourhood", "Hambaken")
    assert hood is not None
    assert rec.suppressed is False and rec.report == "reach"
    assert json.loads(rec.filters)["neighbourhood_ids"] == [str(hood.id)]

    monkeypatch.setattr(cli, "COMMANDS", [*cli.COMMANDS, add_export]
                        if add_export not in cli.COMMANDS else cli.COMMANDS)
    bad = ["--data-dir", str(data_dir), "export", "--report", "reach", "--from", "2025-01-01",
           "--to", "2025-12-31", "--out", str(tmp_path / "x.pdf"), "--neighbourhood", "Atlantis"]
    assert cli.main(bad) == cli.EXIT_ERROR
    assert "De buurt 'Atlantis' is niet gevonden" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
