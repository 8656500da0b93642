"""The shape every report has, whatever it is rendered to (PDF, Excel, CSV, screen)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

ColumnKind = Literal["text", "int", "float", "pct", "date", "month"]
# A cell: the exact value, or the string "<5" (or "<N") where it is suppressed.
Cell = Any

REPORT_KINDS = ("attendance", "reach", "referrals", "impact", "overview", "central")
REPORT_TITLES = {
    "attendance": "Aanwezigheid bij activiteiten",
    "reach": "Bereik van inwoners",
    "referrals": "Verwijzingen",
    "impact": "Positieve Gezondheid: intake en afsluiting",
    "overview": "Programma-overzicht per focusbuurt",
    "central": "Centrale export voor het programmateam",
}


@dataclass(frozen=True)
class ReportSpec:
    """Period and filters of a report. Dates are inclusive."""

    kind: str
    date_from: dt.date
    date_to: dt.date
    neighbourhood_ids: tuple[uuid.UUID, ...] = ()
    activity_ids: tuple[uuid.UUID, ...] = ()
    programme_line_ids: tuple[uuid.UUID, ...] = ()
    track_ids: tuple[uuid.UUID, ...] = ()
    target_group_ids: tuple[uuid.UUID, ...] = ()
    organisation_ids: tuple[uuid.UUID, ...] = ()
    # External reports suppress small counts; internal working views may not.
    suppress: bool = True
    threshold: int = 5


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Dutch header
    kind: ColumnKind = "int"


@dataclass
class Table:
    key: str  # sheet / file name, e.g. "per_activiteit"
    title: str  # Dutch
    columns: list[Column]
    rows: list[list[Cell]]
    note: str = ""  # e.g. how suppression was applied
    total_row: list[Cell] | None = None


@dataclass
class Chart:
    kind: Literal["bar", "line", "spider"]
    title: str
    categories: list[str]  # x axis / spokes
    series: dict[str, list[float | None]]  # legend -> values (None = suppressed/missing)
    y_label: str = ""


@dataclass
class Section:
    """A part of a report (the overview has one per focus neighbourhood)."""

    title: str
    figures: list[tuple[str, Cell]] = field(default_factory=list)  # key figures, label->value
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    text: str = ""


@dataclass
class ReportResult:
    spec: ReportSpec
    title: str
    filters_text: list[str]  # Dutch, one line per filter, e.g. "Buurt: Hambaken, West"
    sections: list[Section]
    generated_at: dt.datetime
    generated_by: str = ""

    @property
    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]

    @property
    def suppression_text(self) -> str:
        if self.spec.suppress:
            return (f"Aantallen van 1 tot {self.spec.threshold - 1} zijn weergegeven als "
                    f"'<{self.spec.threshold}', zodat niemand herkenbaar is.")
        return "Interne werkversie: exacte aantallen, niet voor verspreiding buiten de organisatie."
