"""Demo data: a deterministic, consistent programme year that scales."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gezond_desktop import demo
from gezond_desktop.enums import REFERRAL_TRANSITIONS, ReferralStatus, VenueKind
from gezond_desktop.errors import GezondError
from gezond_desktop.models import (
    ChangeLog,
    DeviceClock,
    Neighbourhood,
    PositiveHealthScore,
    Referral,
    ReferralEvent,
    Venue,
    Worker,
)
from gezond_desktop.services import Services, open_services

TODAY = dt.date(2026, 6, 15)
SMALL = 0.02
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _open(path: Path) -> Services:
    return open_services(path)


TOKEN_RE = re.compile(r"gz1:[0-9a-f]+:[A-Za-z0-9_-]+")


def _fingerprint(svc: Services) -> tuple[dict[str, int], str]:
    """Counts, and a hash of the demo's change entries in order. Ids of the reference
    data (made with the clock by the CSV import) and the device id are replaced by
    the order in which they first appear, so two runs can be compared."""
    with svc.db.read() as s:
        after = svc.db.setting("test_reference_seq")
        rows = s.execute(select(ChangeLog.entity, ChangeLog.record_id, ChangeLog.fields)
                         .where(ChangeLog.seq > int(after or 0)).order_by(ChangeLog.seq)).all()
    names: dict[str, str] = {}

    def canon(m: re.Match[str]) -> str:
        return names.setdefault(m.group(0), f"#{len(names)}")

    def plain(m: re.Match[str]) -> str:  # each database has its own key
        return svc.db.keyring.decrypt(m.group(0)) or "?"

    h = hashlib.sha256()
    for entity, record_id, fields in rows:
        fields = TOKEN_RE.sub(plain, fields)
        h.update(UUID_RE.sub(canon, f"{entity}|{record_id}|{fields}\n").encode())
    counts = svc.stats.counts()
    counts.pop("pending_changes", None)
    return counts, h.hexdigest()


def _generate(path: Path, seed: int = 1, scale: float = SMALL) -> Services:
    svc = _open(path)
    svc.imports.load_bundled_reference()
    with svc.db.read() as s:
        last = s.scalar(select(DeviceClock.last_seq).where(
            DeviceClock.device_id == svc.db.device_id))
    svc.db.set_setting("test_reference_seq", str(last))
    report = demo.generate(svc, seed=seed, scale=scale, today=TODAY)
    assert not report.cancelled
    return svc


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = _generate(tmp_path_factory.mktemp("demo") / "data")
    yield svc
    svc.db.close()


def test_same_seed_gives_the_same_records_and_change_entries(
        small: Services, tmp_path: Path) -> None:
    again = _generate(tmp_path / "again")
    other = _generate(tmp_path / "other", seed=2)
    try:
        assert _fingerprint(again) == _fingerprint(small)
        assert _fingerprint(other)[1] != _fingerprint(small)[1]
    finally:
        again.db.close()
        other.db.close()


def test_every_record_has_its_change_entry_and_the_database_is_sound(small: Services) -> None:
    assert small.stats.check() == []


def test_a_living_programme_with_a_demo_profile(small: Services) -> None:
    current = small.workers.current()
    assert current is not None and current.name == "Demo Coördinator"
    assert current.role == "coordinator"
    assert demo.is_demo_database(small)
    with small.db.read() as s:
        focus = s.scalars(select(Neighbourhood).where(Neighbourhood.is_focus.is_(True))).all()
        assert len(focus) == 12
        names = {n.name for n in focus}
        assert {"Hambaken", "Kruiskamp", "Boschveld"} <= names
        assert all(n.name.startswith("Demo-buurt") for n in focus if n.is_demo)
        assert any(n.is_demo for n in focus)
        kinds: dict[object, set[str]] = defaultdict(set)
        for v in s.scalars(select(Venue)):
            kinds[v.neighbourhood_id].add(v.kind)
        assert all(kinds[n.id] == {k.value for k in VenueKind} for n in focus)
        roles = [w.role for w in s.scalars(select(Worker))]
        assert 38 <= len(roles) <= 42 and roles.count("admin") == 1
    counts = small.stats.counts()
    assert counts["encounters"] == round(8000 * SMALL)
    assert counts["attendances"] > 0 and counts["sessions"] > 0


def test_referrals_follow_legal_status_paths_with_scores(small: Services) -> None:
    with small.db.read() as s:
        referrals = s.scalars(select(Referral)).all()
        assert referrals
        for r in referrals:
            events = s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == r.id)
                               .order_by(ReferralEvent.occurred_on, ReferralEvent.hlc)).all()
            steps = [ReferralStatus(e.status) for e in events]
            assert steps[0] == ReferralStatus.REGISTERED
            for a, b in itertools.pairwise(steps):
                assert b in REFERRAL_TRANSITIONS[a], (a, b)
            assert r.status == steps[-1].value
            assert all(e.occurred_on <= TODAY for e in events)
            moments = sorted(p.moment for p in s.scalars(
                select(PositiveHealthScore).where(PositiveHealthScore.referral_id == r.id)))
            expected = []
            if ReferralStatus.INTAKE in steps:
                expected.append("intake")
                if steps[-1] == ReferralStatus.COMPLETED:
                    expected.append("closing")
            assert moments == sorted(expected)
        for p in s.scalars(select(PositiveHealthScore)):
            assert all(0 <= getattr(p, k) <= 10 for k in
                       ("body", "mental", "meaning", "quality_of_life", "participation",
                        "daily_functioning"))


def test_counts_grow_with_scale(small: Services, tmp_path: Path) -> None:
    double = _generate(tmp_path / "double", scale=2 * SMALL)
    try:
        a, b = small.stats.counts(), double.stats.counts()
        for key in ("encounters", "residents", "referrals"):
            assert b[key] == 2 * a[key], key
        assert b["attendances"] > a["attendances"]
    finally:
        double.db.close()


def test_refused_when_contacts_exist_unless_forced(tmp_path: Path) -> None:
    small = _generate(tmp_path / "data")
    before = small.stats.counts()["encounters"]
    with pytest.raises(GezondError, match="contacten"):
        demo.generate(small, seed=1, scale=SMALL, today=TODAY)
    assert small.stats.counts()["encounters"] == before
    report = demo.generate(small, seed=1, scale=SMALL, today=TODAY, force=True)
    assert small.stats.counts()["encounters"] == 2 * before
    assert report.records > 0
    assert small.stats.check() == []
    with small.db.read() as s:  # one coordinator profile, no second demo neighbourhoods
        assert s.scalar(select(func.count()).select_from(Worker)
                        .where(Worker.name == "Demo Coördinator")) == 1
        assert s.scalar(select(func.count()).select_from(Neighbourhood)
                        .where(Neighbourhood.is_focus.is_(True))) == 12
    small.db.close()


def test_cancel_leaves_a_consistent_database(tmp_path: Path) -> None:
    svc = _open(tmp_path / "data")
    try:
        assert not demo.is_demo_database(svc)
        calls = []

        def progress(done: int, total: int) -> bool:
            calls.append(done)
            return len(calls) < 3

        report = demo.generate(svc, seed=1, scale=SMALL, today=TODAY, progress=progress,
                               batch_size=100)
        assert report.cancelled
        assert 200 <= report.records < 1000
        assert svc.stats.check() == []
        with svc.db.read() as s:  # a referral never lands without its events
            lonely = s.scalar(select(func.count()).select_from(Referral).where(
                ~select(ReferralEvent.id).where(ReferralEvent.referral_id == Referral.id)
                .exists()))
            assert lonely == 0
    finally:
        svc.db.close()


def test_one_programme_year_at_scale_one(tmp_path: Path) -> None:
    svc = _open(tmp_path / "data")
    try:
        report = demo.generate(svc, seed=1, scale=1.0, today=TODAY)
        counts = svc.stats.counts()
        assert counts["encounters"] == 8000
        assert counts["referrals"] == 600
        assert counts["activities"] == 60
        assert counts["attendances"] >= 5000
        assert report.records == sum(report.counts.values())
        with svc.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Worker)) == 40
        assert svc.stats.check(quick=True) == []
    finally:
        svc.db.close()
