"""Make a report file and record that it was made (no Qt).

:func:`export_report` is what the Rapportages page and ``gezond export`` call:
build the report (:func:`.queries.build_report`), render it to PDF, Excel or
CSV, and save an :class:`~gezond_desktop.models.work.ExportRecord` (who, when,
what, which period and filters, suppressed or exact) in the same database, with
its change log entry, so the record syncs to the programme team.

The file appears whole or not at all: it is written under a temporary name in
the target folder and renamed at the end. A cancelled or failed export leaves
no file and no record.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from ..errors import GezondError, StorageError
from ..ids import uuid7
from ..models import ExportRecord
from ..store import Database
from ..tasks import Cancelled
from .csvout import csv_path, render_csv
from .excel import render_xlsx
from .model import REPORT_KINDS, ReportResult, ReportSpec
from .pdf import render_pdf

Progress = Callable[[int, int], Any]
Format = Literal["pdf", "xlsx", "csv"]

FORMATS = ("pdf", "xlsx", "csv")
CENTRAL_FORMATS = ("csv", "xlsx", "parquet")
SUFFIX = {"pdf": ".pdf", "xlsx": ".xlsx", "csv": ".csv", "parquet": ".parquet"}
BUILD_SHARE = 70  # of 100 progress steps: building; the rest is writing the file


def _phase(progress: Progress | None, start: int, end: int) -> Progress | None:
    """Map a step's (done, total) onto start..end of 100; False from the caller cancels."""
    if progress is None:
        return None

    def step(done: int, total: int) -> bool:
        frac = min(1.0, done / total) if total else 0.0
        if progress(start + round((end - start) * frac), 100) is False:
            raise Cancelled()
        return True

    return step


def filters_json(spec: ReportSpec, result: ReportResult | None = None, **extra: Any) -> str:
    """The period-independent choices of a report, as stored on its ExportRecord."""
    data: dict[str, Any] = {
        "neighbourhood_ids": [str(i) for i in spec.neighbourhood_ids],
        "activity_ids": [str(i) for i in spec.activity_ids],
        "programme_line_ids": [str(i) for i in spec.programme_line_ids],
        "track_ids": [str(i) for i in spec.track_ids],
        "target_group_ids": [str(i) for i in spec.target_group_ids],
        "organisation_ids": [str(i) for i in spec.organisation_ids],
        "threshold": spec.threshold,
    }
    if result is not None:
        data["filters_text"] = list(result.filters_text)
    data.update(extra)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def target_path(out: Path | str, fmt: str) -> Path:
    """``out`` with the suffix of ``fmt`` (added when missing, replaced when different)."""
    out = Path(out)
    suffix = SUFFIX[fmt]
    if out.suffix.lower() == suffix:
        return out
    if fmt == "csv" and out.suffix.lower() == ".zip":
        return out
    if out.suffix.lower() in (".pdf", ".xlsx", ".csv", ".zip", ".xls", ".parquet"):
        return out.with_suffix(suffix)
    return out.with_name(out.name + suffix)


def _check_folder(out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise GezondError(f"De map {folder} bestaat niet. Kies een bestaande map.")
    if not os.access(folder, os.W_OK):
        raise StorageError(
            f"In de map {folder} mag Gezond Desktop niet schrijven. Kies een andere map."
        )


def _storage_error(exc: OSError, out: Path) -> GezondError:
    if isinstance(exc, PermissionError):
        return StorageError(
            f"Het bestand {out.name} kon niet worden opgeslagen. Is het nog open in een "
            "ander programma, zoals Excel? Sluit het en probeer het opnieuw."
        )
    if getattr(exc, "errno", None) == 28:  # ENOSPC
        return StorageError(
            "De schijf is vol. Het bestand is niet opgeslagen. Maak ruimte vrij en "
            "probeer het opnieuw."
        )
    return StorageError(
        f"Het bestand {out.name} kon niet worden opgeslagen in {out.parent}. "
        "Kies een andere map en probeer het opnieuw."
    )


def _render(result: ReportResult, fmt: str, out: Path, delimiter: str,
            progress: Progress | None) -> tuple[Path, int]:
    """Render under a temporary name next to the target, then rename: whole or nothing."""
    final = csv_path(result, out) if fmt == "csv" else out
    tmp = final.with_name(f".~{final.stem}-{secrets.token_hex(4)}{final.suffix}")
    try:
        if fmt == "pdf":
            written = render_pdf(result, tmp, progress=progress)
        elif fmt == "xlsx":
            written = render_xlsx(result, tmp, progress=progress)
        else:
            written = render_csv(result, tmp, delimiter=delimiter, progress=progress)
        os.replace(written, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _storage_error(exc, final) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return final, sum(len(t.rows) for t in result.tables)


def _central(db: Database, spec: ReportSpec, fmt: str, out: Path, delimiter: str
             ) -> tuple[Path, int]:
    from . import central

    paths = [Path(p) for p in central.central_export(db, spec, out, fmt,  # type: ignore[arg-type]
                                                     delimiter=delimiter)]
    rows = 0
    for p in paths:
        if p.suffix.lower() == ".csv" and p.is_file():
            with p.open("rb") as f:
                rows += max(0, sum(1 for _ in f) - 1)
    if len(paths) == 1:
        return paths[0], rows
    return out, rows


def record_export(db: Database, worker_id: uuid.UUID | None, spec: ReportSpec, fmt: str,
                  path: Path, row_count: int, filters: str) -> uuid.UUID:
    """Save the ExportRecord of one export (it syncs like every record)."""
    record_id = uuid7()
    with db.write(worker_id) as s:
        s.add(ExportRecord(
            id=record_id,
            report=spec.kind,
            file_format=fmt,
            file_name=path.name[:260],
            date_from=spec.date_from,
            date_to=spec.date_to,
            filters=filters,
            suppressed=spec.suppress,
            row_count=row_count,
        ))
    return record_id


def export_report(
    db: Database,
    spec: ReportSpec,
    fmt: Format | str,
    out: Path | str,
    *,
    worker_id: uuid.UUID | None,
    worker_name: str,
    delimiter: str = ";",
    progress: Progress | None = None,
    result: ReportResult | None = None,
) -> Path:
    """Build, render and record one report; returns the path of the file written.

    ``fmt`` is ``pdf``, ``xlsx`` or ``csv`` (``csv`` gives a ``.zip`` with one CSV per
    table when there are several). For ``spec.kind == "central"`` the central export
    of :mod:`.central` is written instead (``csv``, ``xlsx`` or ``parquet``).
    ``progress(done, total)`` runs from 0 to 100; a cancel (it raises, or returns
    False) stops the export without a file or a record. Pass ``result`` to render an
    already built report (the preview on screen) instead of building it again.
    """
    if spec.kind not in REPORT_KINDS:
        raise GezondError(
            f"Het rapport '{spec.kind}' bestaat niet. Kies uit: {', '.join(REPORT_KINDS)}."
        )
    allowed = CENTRAL_FORMATS if spec.kind == "central" else FORMATS
    if fmt not in allowed:
        raise GezondError(
            f"Dit rapport kan niet als '{fmt}' worden opgeslagen. Kies uit: "
            f"{', '.join(allowed)}."
        )
    if delimiter not in (";", ","):
        raise GezondError("Kies als scheidingsteken een puntkomma (;) of een komma (,).")
    if spec.date_to < spec.date_from:
        raise GezondError("De einddatum ligt voor de begindatum. Kies een latere einddatum.")
    out = target_path(out, fmt) if spec.kind != "central" else Path(out)
    _check_folder(out)

    if spec.kind == "central":
        step = _phase(progress, 0, 100)
        if step:
            step(0, 1)
        path, rows = _central(db, spec, fmt, out, delimiter)
        filters = filters_json(spec, worker_name=worker_name, delimiter=delimiter)
    else:
        if result is None:
            from .queries import build_report

            result = build_report(db, spec, worker_name=worker_name,
                                  progress=_phase(progress, 0, BUILD_SHARE))
        path, rows = _render(result, fmt, out, delimiter,
                             _phase(progress, BUILD_SHARE, 100))
        extra: dict[str, Any] = {"worker_name": worker_name}
        if fmt == "csv":
            extra["delimiter"] = delimiter
        filters = filters_json(spec, result, **extra)
    try:
        record_export(db, worker_id, spec, fmt, path, rows, filters)
    except BaseException:
        # No record, no file: an export nobody can account for must not stay behind.
        if spec.kind != "central":
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return path
