"""The PDF of a right-of-access report (inzageverzoek), in the look of the reports
(:mod:`.pdf`): A4, Dutch, title band, "Pagina X van Y" and the date made in the
footer; one section per kind of data, each a table. No Qt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
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
    Spacer,
    Table,
    TableStyle,
)

from .csvout import nl_date, nl_datetime
from .pdf import (
    CONTENT_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PRIMARY,
    RULE,
    TEXT,
    ZEBRA,
    _canvas_class,
    _p,
    _Styles,
    title_band,
)

TITLE = "Inzageverzoek: gegevens van een inwoner"

RESIDENT_FIELDS = (
    ("alias", "Schuilnaam"), ("full_name", "Naam"), ("phone", "Telefoon"),
    ("email", "E-mail"), ("birth_year", "Geboortejaar"), ("gender", "Geslacht"),
    ("neighbourhood", "Buurt"), ("target_groups", "Doelgroepen"), ("notes", "Notitie"),
    ("registered_at", "Vastgelegd op"), ("registered_by", "Vastgelegd door"),
    ("changed_at", "Laatst gewijzigd"), ("id", "Nummer in Gezond Desktop"),
)
# (data key, section title, [(field, column header, width share)])
SECTIONS: tuple[tuple[str, str, tuple[tuple[str, str, float], ...]], ...] = (
    ("consents", "Toestemming", (
        ("purpose", "Waarvoor", 3), ("given_on", "Gegeven op", 2),
        ("recorded_by", "Vastgelegd door", 3), ("withdrawn_on", "Ingetrokken op", 2),
        ("withdrawn_by", "Ingetrokken door", 3))),
    ("contacts", "Contacten", (
        ("at", "Moment", 3), ("kind", "Soort", 2), ("worker", "Medewerker", 2.5),
        ("place", "Vindplaats / buurt", 3), ("topics", "Onderwerpen", 3),
        ("notes", "Notitie", 3.5), ("follow_up_on", "Opvolgen", 2.2))),
    ("referrals", "Verwijzingen", (
        ("registered_on", "Aangemeld", 2.3), ("pathway", "Route", 2.2),
        ("source", "Via", 2), ("coach", "Coach", 2.2), ("status", "Status", 2),
        ("reason", "Reden", 3.5), ("follow_up_on", "Opvolgen", 2.3),
        ("outcome", "Resultaat", 2))),
    ("attendance", "Deelname aan activiteiten", (
        ("on", "Datum", 2), ("activity", "Activiteit", 4), ("neighbourhood", "Buurt", 3),
        ("role", "Rol", 2))),
    ("drafts", "Concepten op dit apparaat", (
        ("form", "Formulier", 2), ("saved_at", "Bewaard op", 2), ("content", "Inhoud", 6))),
    ("audit", "Controlelogboek", (
        ("at", "Moment", 3), ("action", "Wat", 3), ("by", "Door wie", 3),
        ("detail", "Details", 5))),
)


_band = title_band("Inzageverzoek volgens de AVG (artikel 15): vertrouwelijk")


def _text(v: Any) -> str:
    """A value as a Dutch reader wants it: dates as "3 maart 2025"."""
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(_text(x) for x in v)
    if isinstance(v, str) and len(v) >= 10 and v[4:5] == "-" and v[7:8] == "-":
        try:
            if len(v) == 10:
                return nl_date(dt.date.fromisoformat(v))
            if len(v) == 19 and v[10] == " ":
                return nl_datetime(dt.datetime.fromisoformat(v))
        except ValueError:
            return v
    return str(v)


def _grid(rows: list[list[Any]], widths: list[float], st: _Styles,
          header: bool = True) -> Flowable:
    cls = LongTable if len(rows) > 40 else Table
    t = cls(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), PRIMARY),
                  ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA])]
    else:
        style += [("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
    t.setStyle(TableStyle(style))
    return t


def _table(items: list[dict[str, Any]], cols: tuple[tuple[str, str, float], ...],
           st: _Styles) -> Flowable:
    total = sum(w for _, _, w in cols)
    widths = [CONTENT_W * w / total for _, _, w in cols]
    size = 8.5 if len(cols) <= 5 else 7.5
    head = ParagraphStyle("ah", parent=st.head, fontSize=size - 0.5, leading=size + 1.5)
    cell = ParagraphStyle("ac", parent=st.cell, fontSize=size, leading=size + 2)
    rows: list[list[Any]] = [[_p(h, head) for _, h, _ in cols]]
    rows += [[_p(_text(item.get(key)), cell) for key, _, _ in cols] for item in items]
    return _grid(rows, widths, st)


def _referral_details(ref: dict[str, Any], st: _Styles) -> list[Flowable]:
    flow: list[Flowable] = []
    head = f"Verwijzing van {_text(ref.get('registered_on'))}: {ref.get('pathway', '')}"
    steps = ref.get("status_history") or []
    if steps:
        # A heading never stays alone at the foot of a page.
        flow.append(CondPageBreak(30 * mm))
        flow.append(_p(f"{head}: statusgeschiedenis", st.h2_table))
        flow.append(_table(steps, (("on", "Datum", 2), ("status", "Status", 3),
                                   ("worker", "Medewerker", 3), ("note", "Notitie", 5)), st))
    scores = ref.get("positive_health") or []
    if scores:
        dims = [k for k in scores[0] if k not in ("id", "moment", "measured_on")]
        cols = (("moment", "Moment", 2.0), ("measured_on", "Gemeten op", 2.0),
                *((d, d, 1.6) for d in dims))
        flow.append(CondPageBreak(30 * mm))
        flow.append(_p(f"{head}: Positieve Gezondheid", st.h2_table))
        flow.append(_table(scores, cols, st))
    return flow


def render_access_pdf(data: dict[str, Any], out: Path) -> Path:
    """Write the access report ``data`` (see :mod:`..services.rights`) as an A4 PDF."""
    out = Path(out)
    st = _Styles()
    made = dt.datetime.fromisoformat(data["made_at"]) if data.get("made_at") \
        else dt.datetime.now()
    resident = data.get("resident", {})
    doc = BaseDocTemplate(
        str(out), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=TITLE,
        author=data.get("made_by") or "Gezond Desktop", creator="Gezond Desktop",
        lang="nl-NL")
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="title", frames=[frame], onPage=_band, pagesize=A4),
        PageTemplate(id="content", frames=[frame], pagesize=A4),
    ])
    flow: list[Flowable] = [
        Spacer(1, 28 * mm), _p(TITLE, st.title),
        _p(f"Inwoner: {resident.get('alias', '')}", st.subtitle),
        _p("Dit overzicht bevat alle gegevens die op dit apparaat over de inwoner zijn "
           "vastgelegd: persoonsgegevens, toestemming, contacten, verwijzingen, deelname "
           "aan activiteiten, concepten en het controlelogboek. Gegevens van andere "
           "inwoners staan er niet in.", st.body),
        Spacer(1, 6 * mm),
    ]
    info = [[_p("Gemaakt op", st.label), _p(nl_datetime(made), st.body)],
            [_p("Gemaakt door", st.label), _p(data.get("made_by") or "", st.body)],
            [_p("Apparaat", st.label), _p(data.get("device") or "", st.body)]]
    flow.append(_grid(info, [40 * mm, CONTENT_W - 40 * mm], st, header=False))
    flow += [NextPageTemplate("content"), PageBreak(),
             _p("Persoonsgegevens", st.h1)]
    rows = [[_p(label, st.label), _p(_text(resident.get(key)), st.body)]
            for key, label in RESIDENT_FIELDS]
    flow += [_grid(rows, [48 * mm, CONTENT_W - 48 * mm], st, header=False), Spacer(1, 8)]
    for key, title, cols in SECTIONS:
        items = data.get(key) or []
        if key == "contacts":
            items = [{**i, "place": " · ".join(str(x) for x in (i.get("venue"),
                                                                 i.get("neighbourhood")) if x)}
                     for i in items]
        body: list[Flowable] = [_p(f"{title} ({len(items)})", st.h1)]
        if not items:
            body.append(_p("Niets vastgelegd.", st.body))
            flow += [KeepTogether(body), Spacer(1, 8)]
            continue
        flow += [*body, _table(items, cols, st), Spacer(1, 8)]
        if key == "referrals":
            for ref in items:
                flow += [*_referral_details(ref, st), Spacer(1, 6)]
    doc.build(flow, canvasmaker=_canvas_class(TITLE, nl_date(made.date()), False,
                                              st.font, st.bold))
    return out


__all__ = ["render_access_pdf"]
