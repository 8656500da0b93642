"""Report figures, each checked against an independent SQL query written here.

Two datasets: a small random programme built through the services (seeded), and
the demo data at scale 0.05. Plus hand-made cases with answers known by heart.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gezond_desktop.enums import HEALTH_DIMENSIONS, ReferralStatus
from gezond_desktop.errors import GezondError
from gezond_desktop.reports.model import ReportResult, ReportSpec, Table
from gezond_desktop.reports.queries import build_report, month_label, months_between
from gezond_desktop.reports.suppression import SECONDARY, recoverable_cells
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.tasks import Cancelled

D0, D1 = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
TODAY = dt.date(2025, 7, 15)


# -- data builders -----------------------------------------------------------------------


def _ref(svc: Services, kind: str) -> dict[str, uuid.UUID]:
    return {i.code or i.name: i.id for i in svc.reference.list(kind)}


def _scores(rng: random.Random) -> dict[str, int]:
    return {code: rng.randint(0, 10) for code, _ in HEALTH_DIMENSIONS}


def build_random(svc: Services, seed: int = 7) -> Services:
    """A small random programme: residents, activities with sessions and attendance,
    contacts (anonymous and named) and referrals through their statuses."""
    rng = random.Random(seed)
    svc.imports.load_bundled_reference()
    hoods = [v for k, v in _ref(svc, "neighbourhood").items() if k in
             ("shb_hambaken", "shb_west", "shb_oost")]
    groups = list(_ref(svc, "target_group").values())
    tracks = list(_ref(svc, "track").values())
    orgs = list(_ref(svc, "organisation").values())
    worker = svc.workers.create("Coach Test", "coordinator", orgs[0])
    svc.workers.set_current(worker.id)
    svc = svc.as_worker(worker.id)
    residents = []
    for i in range(24):
        r = svc.residents.create(ResidentInput(
            alias=f"Inwoner {i}", birth_year=1950 + i,
            neighbourhood_id=rng.choice([*hoods, None]),
            target_group_ids=tuple(rng.sample(groups, rng.randint(0, 2))),
            consents=(("registration", dt.date(2024, 1, 1)),
                      ("referral_follow_up", dt.date(2024, 1, 1)))),
            allow_duplicate=True)
        residents.append(r.id)
    acts = [a for a in svc.activities.list() if a.name in
            ("Zumba West", "Naailessen", "Taalontmoeting Oost", "VeadsEat")]
    start = dt.date(2024, 11, 1)
    for a in acts:
        days = sorted(rng.sample(range(0, 300), 8))
        for d in days:
            sess = svc.activities.create_session(a.id, start + dt.timedelta(days=d),
                                                 anonymous_guests=rng.choice([0, 0, 2, 5]))
            for rid in rng.sample(residents, rng.randint(0, 6)):
                role = "volunteer" if rng.random() < 0.15 else "participant"
                svc.activities.add_attendance(sess.id, rid, role)
    for _ in range(30):
        when = dt.datetime.combine(start + dt.timedelta(days=rng.randint(0, 300)),
                                   dt.time(rng.randint(8, 20), 0))
        named = tuple(rng.sample(residents, rng.randint(1, 2))) if rng.random() < 0.5 else ()
        svc.encounters.log(EncounterInput(
            occurred_at=when, kind="street", head_count=rng.randint(max(1, len(named)), 5),
            neighbourhood_id=rng.choice(hoods), resident_ids=named,
            track_ids=tuple(rng.sample(tracks, rng.randint(0, 2)))))
    for _ in range(12):
        reg = start + dt.timedelta(days=rng.randint(0, 250))
        ref = svc.referrals.register(ReferralInput(
            resident_id=rng.choice(residents), pathway=rng.choice(["welzijn_op_recept",
                                                                    "vindplaats"]),
            source=rng.choice(["gp", "practice_nurse", "self"]), registered_on=reg,
            coach_id=worker.id, referring_organisation_id=rng.choice(orgs),
            destination_organisation_ids=(rng.choice(orgs),),
            follow_up_on=reg + dt.timedelta(days=rng.randint(5, 200)),
            intake_scores=_scores(rng) if rng.random() < 0.8 else None))
        on = reg
        path = rng.choice([["contact_made", "intake", "completed"], ["contact_made"],
                           ["not_reached"], ["contact_made", "intake", "in_progress",
                                             "completed"]])
        for status in path:
            on = on + dt.timedelta(days=rng.randint(1, 40))
            if on > TODAY:
                break
            closing = status == "completed"
            svc.referrals.step(ref.id, status, on, outcome="activity" if closing else None,
                               closing_scores=_scores(rng) if closing else None)
    return svc


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = open_services(tmp_path_factory.mktemp("built") / "data", device_name="Test")
    svc = build_random(svc)
    yield svc
    svc.db.close()


@pytest.fixture(scope="module")
def demo_svc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    demo = pytest.importorskip("gezond_desktop.demo")
    svc = open_services(tmp_path_factory.mktemp("demo") / "data", device_name="Test")
    demo.generate(svc, seed=3, scale=0.05, today=TODAY)
    yield svc
    svc.db.close()


@pytest.fixture(params=["built", "demo"])
def data(request: pytest.FixtureRequest) -> Services:
    svc: Services = request.getfixturevalue("built" if request.param == "built"
                                            else "demo_svc")
    return svc


def _sql(svc: Services) -> sqlite3.Connection:
    path = Path(svc.db.path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _spec(kind: str, **kw: Any) -> ReportSpec:
    kw.setdefault("suppress", False)
    return ReportSpec(kind, D0, D1, **kw)


def _table(res: ReportResult, key: str, section: int = 0) -> Table:
    return next(t for t in res.sections[section].tables if t.key == key)


def _col(t: Table, key: str) -> int:
    return [c.key for c in t.columns].index(key)


def _by_first(t: Table, key: str) -> dict[Any, Any]:
    i = _col(t, key)
    return {r[0]: r[i] for r in t.rows}


P = {"d0": D0.isoformat(), "d1": D1.isoformat()}
LIVE_ATT = """attendance at JOIN session s ON s.id = at.session_id AND s.deleted_at IS NULL
    JOIN activity a ON a.id = s.activity_id AND a.deleted_at IS NULL
    JOIN resident r ON r.id = at.resident_id AND r.deleted_at IS NULL
    WHERE at.deleted_at IS NULL"""


# -- attendance -----------------------------------------------------------------------------


def test_attendance_per_activity_matches_sql(data: Services) -> None:
    res = build_report(data.db, _spec("attendance"))
    t = _table(res, "per_activiteit")
    con = _sql(data)
    sessions = {n: (c, g) for n, c, g in con.execute(
        """SELECT a.name, COUNT(*), SUM(s.anonymous_guests) FROM session s
           JOIN activity a ON a.id = s.activity_id
           WHERE s.deleted_at IS NULL AND a.deleted_at IS NULL
             AND s.held_on BETWEEN :d0 AND :d1 GROUP BY a.name""", P)}
    assert sessions, "the dataset has sessions in the period"
    assert _by_first(t, "sessions") == {n: c for n, (c, _) in sessions.items()}
    assert _by_first(t, "anonymous_guests") == {n: g for n, (_, g) in sessions.items()}
    parts = {n: (c, u) for n, c, u in con.execute(
        f"""SELECT a.name, COUNT(*), COUNT(DISTINCT at.resident_id) FROM {LIVE_ATT}
            AND at.role = 'participant' AND s.held_on BETWEEN :d0 AND :d1
            GROUP BY a.name""", P)}
    assert {n: v for n, v in _by_first(t, "participations").items() if v} == \
        {n: c for n, (c, _) in parts.items()}
    assert {n: v for n, v in _by_first(t, "unique_participants").items() if v} == \
        {n: u for n, (_, u) in parts.items()}
    vols = dict(con.execute(
        f"""SELECT a.name, COUNT(DISTINCT at.resident_id) FROM {LIVE_ATT}
            AND at.role = 'volunteer' AND s.held_on BETWEEN :d0 AND :d1 GROUP BY a.name""",
        P).fetchall())
    assert {n: v for n, v in _by_first(t, "volunteers").items() if v} == vols
    new = dict(con.execute(
        f"""SELECT a.name, COUNT(*) FROM (
              SELECT DISTINCT s.activity_id AS act, at.resident_id AS rid FROM {LIVE_ATT}
              AND at.role = 'participant' AND s.held_on BETWEEN :d0 AND :d1) p
            JOIN activity a ON a.id = p.act
            WHERE NOT EXISTS (SELECT 1 FROM attendance x JOIN session y ON y.id = x.session_id
                WHERE x.resident_id = p.rid AND y.activity_id = p.act AND x.role = 'participant'
                  AND x.deleted_at IS NULL AND y.deleted_at IS NULL AND y.held_on < :d0)
            GROUP BY a.name""", P).fetchall())
    assert {n: v for n, v in _by_first(t, "new").items() if v} == new
    for row in t.rows:  # returning = unique - new
        assert row[_col(t, "returning")] == row[_col(t, "unique_participants")] - row[
            _col(t, "new")]
        if row[_col(t, "sessions")]:
            expect = (row[_col(t, "participations")] + row[_col(t, "anonymous_guests")]) / row[
                _col(t, "sessions")]
            assert row[_col(t, "avg_per_session")] == pytest.approx(expect, abs=0.05)
    step = dict(con.execute(
        f"""SELECT a.name, COUNT(DISTINCT at.resident_id) FROM {LIVE_ATT}
            AND at.role = 'volunteer' AND s.held_on BETWEEN :d0 AND :d1
            AND EXISTS (SELECT 1 FROM attendance x JOIN session y ON y.id = x.session_id
                WHERE x.resident_id = at.resident_id AND x.role = 'participant'
                  AND x.deleted_at IS NULL AND y.deleted_at IS NULL AND y.held_on < s.held_on)
            GROUP BY a.name""", P).fetchall())
    assert {n: v for n, v in _by_first(t, "step").items() if v} == step
    # The total row and the key figures: distinct over everything, not a sum of rows.
    total_unique = con.execute(
        f"""SELECT COUNT(DISTINCT at.resident_id) FROM {LIVE_ATT} AND at.role = 'participant'
            AND s.held_on BETWEEN :d0 AND :d1""", P).fetchone()[0]
    assert t.total_row is not None
    assert t.total_row[_col(t, "unique_participants")] == total_unique
    assert dict(res.sections[0].figures)["Unieke deelnemers"] == total_unique
    assert t.total_row[_col(t, "participations")] == sum(c for c, _ in parts.values())


def test_attendance_per_month_and_neighbourhood_match_sql(data: Services) -> None:
    res = build_report(data.db, _spec("attendance"))
    con = _sql(data)
    months = _table(res, "per_maand")
    assert [r[0] for r in months.rows] == months_between(D0, D1)
    assert next(c.kind for c in months.columns) == "month"
    per_month = dict(con.execute(
        f"""SELECT substr(s.held_on, 1, 7), COUNT(*) FROM {LIVE_ATT} AND at.role = 'participant'
            AND s.held_on BETWEEN :d0 AND :d1 GROUP BY 1""", P).fetchall())
    got = {f"{r[0]:%Y-%m}": r[_col(months, "participations")] for r in months.rows}
    assert {k: v for k, v in got.items() if v} == per_month
    per_nb = dict(con.execute(
        """SELECT COALESCE(n.name, '(geen buurt)'), COUNT(*) FROM session s
           JOIN activity a ON a.id = s.activity_id LEFT JOIN neighbourhood n
             ON n.id = a.neighbourhood_id
           WHERE s.deleted_at IS NULL AND a.deleted_at IS NULL
             AND s.held_on BETWEEN :d0 AND :d1 GROUP BY 1""", P).fetchall())
    assert _by_first(_table(res, "per_buurt"), "sessions") == per_nb
    line, bar = res.sections[0].charts
    assert line.kind == "line" and line.categories == [month_label(m) for m in
                                                       months_between(D0, D1)]
    assert bar.kind == "bar" and dict(zip(bar.categories, bar.series["Deelnames"],
                                          strict=True)) == {
        r[0]: float(r[2]) for r in _table(res, "per_buurt").rows}


def test_attendance_filters_on_neighbourhood_and_track(built: Services) -> None:
    con = _sql(built)
    west = _ref(built, "neighbourhood")["shb_west"]
    res = build_report(built.db, _spec("attendance", neighbourhood_ids=(west,)))
    expect = dict(con.execute(
        """SELECT a.name, COUNT(*) FROM session s JOIN activity a ON a.id = s.activity_id
           WHERE s.deleted_at IS NULL AND a.neighbourhood_id = :nb
             AND s.held_on BETWEEN :d0 AND :d1 GROUP BY a.name""",
        {**P, "nb": west.bytes}).fetchall())
    assert expect and _by_first(_table(res, "per_activiteit"), "sessions") == expect
    track = _ref(built, "track")["participation"]
    res = build_report(built.db, _spec("attendance", track_ids=(track,)))
    expect = dict(con.execute(
        """SELECT a.name, COUNT(*) FROM session s JOIN activity a ON a.id = s.activity_id
           JOIN activity_track t ON t.activity_id = a.id AND t.track_id = :t
           WHERE s.deleted_at IS NULL AND s.held_on BETWEEN :d0 AND :d1 GROUP BY a.name""",
        {**P, "t": track.bytes}).fetchall())
    assert expect and _by_first(_table(res, "per_activiteit"), "sessions") == expect


# -- reach ------------------------------------------------------------------------------------

REACHED = """r.deleted_at IS NULL AND (
  EXISTS (SELECT 1 FROM encounter_resident er JOIN encounter e ON e.id = er.encounter_id
          WHERE er.resident_id = r.id AND e.deleted_at IS NULL
            AND date(e.occurred_at) BETWEEN :d0 AND :d1)
  OR EXISTS (SELECT 1 FROM attendance at JOIN session s ON s.id = at.session_id
          JOIN activity a ON a.id = s.activity_id
          WHERE at.resident_id = r.id AND at.deleted_at IS NULL AND s.deleted_at IS NULL
            AND a.deleted_at IS NULL AND s.held_on BETWEEN :d0 AND :d1)
  OR EXISTS (SELECT 1 FROM referral f JOIN referral_event ev ON ev.referral_id = f.id
          WHERE f.resident_id = r.id AND f.deleted_at IS NULL AND ev.deleted_at IS NULL
            AND ev.occurred_on BETWEEN :d0 AND :d1))"""


def test_reach_matches_sql(data: Services) -> None:
    res = build_report(data.db, _spec("reach"))
    con = _sql(data)
    figures = dict(res.sections[0].figures)
    unique = con.execute(f"SELECT COUNT(*) FROM resident r WHERE {REACHED}", P).fetchone()[0]
    assert unique > 0 and figures["Unieke inwoners bereikt"] == unique
    per_nb = dict(con.execute(
        f"""SELECT COALESCE(n.name, '(geen buurt)'), COUNT(*) FROM resident r
            LEFT JOIN neighbourhood n ON n.id = r.neighbourhood_id WHERE {REACHED}
            GROUP BY 1""", P).fetchall())
    t = _table(res, "per_buurt")
    assert {k: v for k, v in _by_first(t, "unique_residents").items() if v} == per_nb
    anon = con.execute(
        """SELECT COALESCE(SUM(head_count), 0) FROM encounter e WHERE e.deleted_at IS NULL
           AND date(e.occurred_at) BETWEEN :d0 AND :d1
           AND NOT EXISTS (SELECT 1 FROM encounter_resident er
                           WHERE er.encounter_id = e.id)""", P).fetchone()[0]
    assert figures["Anonieme contacten (personen)"] == anon
    guests = con.execute(
        """SELECT COALESCE(SUM(s.anonymous_guests), 0) FROM session s
           JOIN activity a ON a.id = s.activity_id WHERE s.deleted_at IS NULL
           AND a.deleted_at IS NULL AND s.held_on BETWEEN :d0 AND :d1""", P).fetchone()[0]
    assert figures["Anonieme gasten bij activiteiten"] == guests
    per_tg = dict(con.execute(
        f"""SELECT g.name, COUNT(*) FROM resident r
            JOIN resident_target_group rg ON rg.resident_id = r.id
            JOIN target_group g ON g.id = rg.target_group_id WHERE {REACHED}
            GROUP BY g.name""", P).fetchall())
    tg = _by_first(_table(res, "per_doelgroep"), "unique_residents")
    assert {k: v for k, v in tg.items() if k != "(geen doelgroep)"} == per_tg
    # per month: a resident counts once per month
    months = _table(res, "per_maand")
    jan = con.execute(REACHED.replace(":d0", "'2025-01-01'").replace(":d1", "'2025-01-31'")
                      .join(["SELECT COUNT(*) FROM resident r WHERE ", ""])).fetchone()[0]
    assert months.rows[0][_col(months, "unique_residents")] == jan


def test_reach_filter_on_target_group_leaves_out_anonymous(built: Services) -> None:
    tg = _ref(built, "target_group")["money_worries"]
    res = build_report(built.db, _spec("reach", target_group_ids=(tg,)))
    con = _sql(built)
    expect = con.execute(
        f"""SELECT COUNT(*) FROM resident r WHERE {REACHED} AND EXISTS (
            SELECT 1 FROM resident_target_group rg WHERE rg.resident_id = r.id
            AND rg.target_group_id = :tg)""", {**P, "tg": tg.bytes}).fetchone()[0]
    figures = dict(res.sections[0].figures)
    assert figures["Unieke inwoners bereikt"] == expect
    assert figures["Anonieme contacten (personen)"] == 0
    assert "doelgroep" in _table(res, "per_buurt").note


# -- referrals and impact ----------------------------------------------------------------------

COHORT = """referral f JOIN resident r ON r.id = f.resident_id AND r.deleted_at IS NULL
    WHERE f.deleted_at IS NULL AND f.registered_on BETWEEN :d0 AND :d1"""


def test_referrals_match_sql(data: Services) -> None:
    res = build_report(data.db, _spec("referrals"), today=TODAY)
    con = _sql(data)
    labels = {"welzijn_op_recept": "Welzijn op Recept", "vindplaats": "Vindplaats",
              "other": "Anders"}
    per_route = {labels[p]: n for p, n in con.execute(
        f"SELECT f.pathway, COUNT(*) FROM {COHORT} GROUP BY f.pathway", P)}
    assert per_route and _by_first(_table(res, "per_route"), "referrals") == per_route
    overdue = con.execute(
        f"""SELECT COUNT(*) FROM {COHORT} AND f.follow_up_on < :today
            AND f.status NOT IN ('completed', 'stopped', 'not_reached')""",
        {**P, "today": TODAY.isoformat()}).fetchone()[0]
    assert dict(res.sections[0].figures)["Opvolging te laat"] == overdue
    funnel = _by_first(_table(res, "trechter"), "referrals")
    for st in ReferralStatus:
        n = con.execute(
            f"""SELECT COUNT(*) FROM {COHORT} AND EXISTS (SELECT 1 FROM referral_event ev
                WHERE ev.referral_id = f.id AND ev.deleted_at IS NULL AND ev.status = :st
                AND ev.occurred_on <= :d1)""", {**P, "st": st.value}).fetchone()[0]
        assert funnel[st.label] == n, st
    days = [
        d for (d,) in con.execute(
            """SELECT julianday(MIN(ev.occurred_on)) - julianday(f.registered_on)
               FROM referral f JOIN resident r ON r.id = f.resident_id AND r.deleted_at IS NULL
               JOIN referral_event ev ON ev.referral_id = f.id AND ev.deleted_at IS NULL
                 AND ev.status = 'contact_made' AND ev.occurred_on <= :d1
               WHERE f.deleted_at IS NULL AND f.registered_on BETWEEN :d0 AND :d1
               GROUP BY f.id""", P)]
    times = _table(res, "doorlooptijd")
    contact = times.rows[0]
    assert contact[_col(times, "n")] == len(days)
    if days:
        assert contact[_col(times, "median_days")] == pytest.approx(statistics.median(days),
                                                                    abs=0.05)
        assert contact[_col(times, "mean_days")] == pytest.approx(statistics.mean(days),
                                                                  abs=0.05)


def test_impact_matches_sql(data: Services) -> None:
    res = build_report(data.db, ReportSpec("impact", dt.date(2024, 1, 1), TODAY,
                                           suppress=False))
    con = _sql(data)
    t = _table(res, "positieve_gezondheid")
    for code, label in HEALTH_DIMENSIONS:
        n, a, b = con.execute(
            f"""SELECT COUNT(*), AVG(i.{code}), AVG(c.{code}) FROM referral f
                JOIN resident r ON r.id = f.resident_id AND r.deleted_at IS NULL
                JOIN positive_health_score i ON i.referral_id = f.id AND i.moment = 'intake'
                  AND i.deleted_at IS NULL
                JOIN positive_health_score c ON c.referral_id = f.id AND c.moment = 'closing'
                  AND c.deleted_at IS NULL
                WHERE f.deleted_at IS NULL AND c.measured_on BETWEEN '2024-01-01' AND :t""",
            {"t": TODAY.isoformat()}).fetchone()
        row = next(r for r in t.rows if r[0] == label)
        assert n > 0 and row[_col(t, "n")] == n
        assert row[_col(t, "mean_intake")] == pytest.approx(a, abs=0.006)
        assert row[_col(t, "mean_closing")] == pytest.approx(b, abs=0.006)
        assert row[_col(t, "mean_change")] == pytest.approx(b - a, abs=0.011)
    chart = res.sections[0].charts[0]
    assert chart.kind == "spider" and len(chart.series) == 2
    assert chart.categories == [label for _, label in HEALTH_DIMENSIONS]


# -- overview ---------------------------------------------------------------------------------


def test_overview_has_a_section_per_focus_neighbourhood(built: Services) -> None:
    res = build_report(built.db, _spec("overview"), today=TODAY)
    con = _sql(built)
    focus = [n for (n,) in con.execute(
        "SELECT name FROM neighbourhood WHERE is_focus = 1 AND deleted_at IS NULL")]
    assert sorted(s.title for s in res.sections[1:]) == sorted(focus)
    west = next(s for s in res.sections if s.title == "West")
    wid = _ref(built, "neighbourhood")["shb_west"]
    att = build_report(built.db, _spec("attendance", neighbourhood_ids=(wid,)))
    figures = dict(west.figures)
    for label in ("Bijeenkomsten", "Deelnames", "Unieke deelnemers", "Vrijwilligers"):
        assert figures[label] == dict(att.sections[0].figures)[label]
    reached = con.execute(f"SELECT COUNT(*) FROM resident r WHERE {REACHED} "
                          "AND r.neighbourhood_id = :nb", {**P, "nb": wid.bytes}).fetchone()[0]
    assert figures["Unieke inwoners bereikt"] == reached
    assert [t.key for t in west.tables] == ["per_spoor", "per_programmalijn"]
    summary = res.sections[0].tables[0]
    assert {r[0] for r in summary.rows} == set(focus)


FIGURE_SOURCES = {  # overview figure -> the full report that defines it
    "Bijeenkomsten": "attendance", "Deelnames": "attendance", "Unieke deelnemers": "attendance",
    "Nieuw": "attendance", "Vrijwilligers": "attendance",
    "Van deelnemer naar vrijwilliger": "attendance", "Unieke inwoners bereikt": "reach",
    "Anonieme contacten (personen)": "reach", "Anonieme gasten bij activiteiten": "reach",
    "Verwijzingen": "referrals", "Afgesloten": "referrals",
    "Met intake- en afsluitscore": "impact",
}


def test_overview_figures_per_neighbourhood_equal_the_full_reports(built: Services) -> None:
    """Each focus neighbourhood's page shows what the full reports show when filtered
    on that neighbourhood alone (all neighbourhoods are computed in one go)."""
    res = build_report(built.db, _spec("overview"), today=TODAY)
    hoods = {n.name: n.id for n in built.reference.list("neighbourhood")}
    assert set(dict(res.sections[1].figures)) == set(FIGURE_SOURCES)
    checked = 0
    for sec in res.sections[1:]:
        spec_kw = {"neighbourhood_ids": (hoods[sec.title],)}
        full = {kind: dict(build_report(built.db, _spec(kind, **spec_kw), today=TODAY)
                           .sections[0].figures)
                for kind in ("attendance", "reach", "referrals", "impact")}
        for label, value in sec.figures:
            assert value == full[FIGURE_SOURCES[label]][label], (sec.title, label)
            checked += bool(value)
        alone = build_report(built.db, _spec("overview", **spec_kw), today=TODAY)
        assert alone.sections[1] == sec
        assert alone.sections[0].tables[0].total_row == ["Totaal", *dict(sec.figures).values()]
        assert alone.sections[0].tables[1:] == sec.tables
    assert checked > 10  # the random programme fills most figures


def test_overview_new_and_step_per_neighbourhood_match_sql(data: Services) -> None:
    res = build_report(data.db, _spec("overview"), today=TODAY)
    con = _sql(data)
    ids = {n: i for i, n in con.execute("SELECT id, name FROM neighbourhood")}
    live_part = f"{LIVE_ATT} AND at.role = 'participant'"
    for sec in res.sections[1:]:
        q = {**P, "nb": ids[sec.title]}
        new = con.execute(f"""
            SELECT COUNT(DISTINCT at.resident_id) FROM {live_part}
              AND a.neighbourhood_id = :nb AND s.held_on BETWEEN :d0 AND :d1
              AND NOT EXISTS (SELECT 1 FROM attendance b JOIN session bs ON bs.id = b.session_id
                JOIN activity ba ON ba.id = bs.activity_id
                WHERE b.resident_id = at.resident_id AND b.deleted_at IS NULL
                  AND b.role = 'participant' AND bs.deleted_at IS NULL
                  AND ba.deleted_at IS NULL AND ba.neighbourhood_id = :nb
                  AND bs.held_on < :d0)""", q).fetchone()[0]
        step = con.execute(f"""
            SELECT COUNT(DISTINCT at.resident_id) FROM {LIVE_ATT} AND at.role = 'volunteer'
              AND a.neighbourhood_id = :nb AND s.held_on BETWEEN :d0 AND :d1
              AND EXISTS (SELECT 1 FROM attendance b JOIN session bs ON bs.id = b.session_id
                WHERE b.resident_id = at.resident_id AND b.deleted_at IS NULL
                  AND b.role = 'participant' AND bs.deleted_at IS NULL
                  AND bs.held_on < s.held_on)""", q).fetchone()[0]
        figures = dict(sec.figures)
        assert (figures["Nieuw"], figures["Van deelnemer naar vrijwilliger"]) == (new, step), \
            sec.title


def test_overview_with_a_track_filter(built: Services) -> None:
    track = _ref(built, "track")
    tid = next(iter(track.values()))
    res = build_report(built.db, _spec("overview", track_ids=(tid,)), today=TODAY)
    west = _ref(built, "neighbourhood")["shb_west"]
    att = build_report(built.db, _spec("attendance", neighbourhood_ids=(west,),
                                       track_ids=(tid,)))
    figures = dict(next(s for s in res.sections if s.title == "West").figures)
    for label in ("Bijeenkomsten", "Deelnames", "Unieke deelnemers", "Nieuw"):
        assert figures[label] == dict(att.sections[0].figures)[label]


def test_overview_queries_do_not_grow_with_the_number_of_neighbourhoods(
        built: Services) -> None:
    """One grouped query per figure for all focus neighbourhoods together."""
    from sqlalchemy import event

    statements: list[str] = []

    def count(*_: Any) -> None:
        statements.append("")

    hoods = [n.id for n in built.reference.list("neighbourhood") if n.is_focus]
    assert len(hoods) >= 3
    event.listen(built.db.engine, "before_cursor_execute", count)
    try:
        build_report(built.db, _spec("overview", neighbourhood_ids=tuple(hoods[:1])))
        one = len(statements)
        statements.clear()
        build_report(built.db, _spec("overview"))
        every = len(statements)
    finally:
        event.remove(built.db.engine, "before_cursor_execute", count)
    assert every <= one + 2  # at most the name look-ups differ (the old code: +20 each)


# -- hand-made cases with known answers -----------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[Services, dict[str, uuid.UUID]]]:
    svc = open_services(tmp_path / "data", device_name="Test")
    hood = svc.reference.save("neighbourhood", {"name": "Hambaken", "code": "hambaken",
                                                "municipality": "'s-Hertogenbosch",
                                                "is_focus": True})
    w = svc.workers.create("Sanne", "coordinator")
    svc.workers.set_current(w.id)
    svc = svc.as_worker(w.id)
    acts = {n: svc.activities.create(ActivityInput(name=n, weekday=1,
                                                         neighbourhood_id=hood.id)).id
            for n in ("Lunch", "Koken", "Zumba")}
    yield svc, {"hood": hood.id, **acts}
    svc.db.close()


def test_a_resident_at_three_activities_counts_once_in_reach(
        small: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, ids = small
    amina = svc.residents.create(ResidentInput(alias="Amina", neighbourhood_id=ids["hood"])).id
    for name in ("Lunch", "Koken", "Zumba"):
        sess = svc.activities.create_session(ids[name], dt.date(2025, 3, 4))
        svc.activities.add_attendance(sess.id, amina)
    svc.encounters.log(EncounterInput(occurred_at=dt.datetime(2025, 3, 5, 10), kind="street",
                                      resident_ids=(amina,), neighbourhood_id=ids["hood"]))
    res = build_report(svc.db, _spec("reach"))
    figures = dict(res.sections[0].figures)
    assert figures["Unieke inwoners bereikt"] == 1
    assert figures["Via activiteiten"] == 1 and figures["Via contacten"] == 1
    att = build_report(svc.db, _spec("attendance"))
    assert dict(att.sections[0].figures)["Deelnames"] == 3
    assert dict(att.sections[0].figures)["Unieke deelnemers"] == 1


def test_an_anonymous_head_count_never_becomes_a_unique_resident(
        small: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, ids = small
    svc.encounters.log(EncounterInput(occurred_at=dt.datetime(2025, 2, 1, 10), kind="group",
                                      head_count=7, neighbourhood_id=ids["hood"]))
    sess = svc.activities.create_session(ids["Lunch"], dt.date(2025, 2, 4), anonymous_guests=4)
    assert sess.anonymous_guests == 4
    res = build_report(svc.db, _spec("reach"))
    figures = dict(res.sections[0].figures)
    assert figures["Unieke inwoners bereikt"] == 0
    assert figures["Anonieme contacten (personen)"] == 7
    assert figures["Anonieme gasten bij activiteiten"] == 4
    row = _table(res, "per_buurt").rows[0]
    assert row[0] == "Hambaken" and row[1] == 0 and row[5:] == [7, 4]


def test_a_participant_who_later_volunteers_counts_in_that_step(
        small: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, ids = small
    fatma = svc.residents.create(ResidentInput(alias="Fatma")).id
    only_vol = svc.residents.create(ResidentInput(alias="Els")).id
    s1 = svc.activities.create_session(ids["Lunch"], dt.date(2024, 12, 3))  # before period
    s2 = svc.activities.create_session(ids["Lunch"], dt.date(2025, 3, 4))
    svc.activities.add_attendance(s1.id, fatma, "participant")
    svc.activities.add_attendance(s2.id, fatma, "volunteer")
    svc.activities.add_attendance(s2.id, only_vol, "volunteer")
    res = build_report(svc.db, _spec("attendance"))
    figures = dict(res.sections[0].figures)
    assert figures["Van deelnemer naar vrijwilliger"] == 1
    assert figures["Vrijwilligers"] == 2
    assert figures["Deelnames"] == 0  # the participation was before the period


def test_new_versus_returning(small: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, ids = small
    old = svc.residents.create(ResidentInput(alias="Oud")).id
    new = svc.residents.create(ResidentInput(alias="Nieuw")).id
    s0 = svc.activities.create_session(ids["Koken"], dt.date(2024, 11, 5))
    s1 = svc.activities.create_session(ids["Koken"], dt.date(2025, 1, 7))
    s2 = svc.activities.create_session(ids["Zumba"], dt.date(2025, 1, 8))
    svc.activities.add_attendance(s0.id, old)
    svc.activities.add_attendance(s1.id, old)
    svc.activities.add_attendance(s1.id, new)
    svc.activities.add_attendance(s2.id, old)  # new at Zumba, not new to the programme
    res = build_report(svc.db, _spec("attendance"))
    t = _table(res, "per_activiteit")
    assert _by_first(t, "new") == {"Koken": 1, "Zumba": 1}
    assert _by_first(t, "returning") == {"Koken": 1, "Zumba": 0}
    figures = dict(res.sections[0].figures)
    assert figures["Nieuw"] == 1 and figures["Terugkerend"] == 1


def test_deleted_records_do_not_count(small: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, ids = small
    r = svc.residents.create(ResidentInput(alias="Weg")).id
    sess = svc.activities.create_session(ids["Lunch"], dt.date(2025, 3, 4))
    svc.activities.add_attendance(sess.id, r)
    gone = svc.activities.create_session(ids["Lunch"], dt.date(2025, 3, 11))
    svc.activities.delete_session(gone.id)
    res = build_report(svc.db, _spec("attendance"))
    assert dict(res.sections[0].figures)["Bijeenkomsten"] == 1
    svc.residents.delete(r)
    res = build_report(svc.db, _spec("attendance"))
    assert dict(res.sections[0].figures)["Deelnames"] == 0


# -- suppression, errors, progress ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["attendance", "reach", "referrals", "impact", "overview"])
def test_suppressed_reports_never_show_a_small_count(data: Services, kind: str) -> None:
    res = build_report(data.db, ReportSpec(kind, D0, D1, suppress=True, threshold=5),
                       today=TODAY)
    for sec in res.sections:
        for label, v in sec.figures:
            assert not (isinstance(v, int) and 0 < v < 5), (sec.title, label, v)
        for t in sec.tables:
            counts = [c.key for c in t.columns if c.kind == "int"]
            for row in [*t.rows, *([t.total_row] if t.total_row else [])]:
                for key in counts:
                    v = row[_col(t, key)]
                    assert v in ("<5", SECONDARY) or ((isinstance(v, int) and v == 0) or v >= 5)
            assert recoverable_cells(t, 5, counts, total_row=t.total_row is not None) == []
        for ch in sec.charts:
            for values in ch.series.values():
                assert all(v is None or v == 0 or v >= 5 or ch.kind == "spider"
                           for v in values)
    assert "<5" in res.suppression_text


def test_internal_report_shows_exact_counts(built: Services) -> None:
    res = build_report(built.db, _spec("attendance", suppress=False))
    values = [v for t in res.tables for r in t.rows for v in r]
    assert any(isinstance(v, int) and 0 < v < 5 for v in values)
    assert not any(v in ("<5", SECONDARY) for v in values)
    assert "Interne werkversie" in res.suppression_text


def test_bad_spec_and_cancel(built: Services) -> None:
    with pytest.raises(GezondError, match="einddatum"):
        build_report(built.db, ReportSpec("attendance", D1, D0))
    with pytest.raises(GezondError, match="Onbekend"):
        build_report(built.db, ReportSpec("nonsense", D0, D1))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 2

    with pytest.raises(Cancelled):
        build_report(built.db, _spec("attendance"), progress=progress)
    assert seen[0] == (1, 4)


def test_result_metadata(built: Services) -> None:
    west = _ref(built, "neighbourhood")["shb_west"]
    res = build_report(built.db, _spec("reach", neighbourhood_ids=(west,)),
                       worker_name="Coach Test")
    assert res.title == "Bereik van inwoners"
    assert res.generated_by == "Coach Test"
    assert "Buurt: West" in res.filters_text
    assert res.filters_text[0] == "Periode: 01-01-2025 tot en met 30-06-2025"
    assert month_label(dt.date(2026, 1, 1)) == "jan 2026"
    assert month_label(dt.date(2025, 3, 1)) == "mrt 2025"
