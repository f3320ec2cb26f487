"""Study-wide dashboard figures computed from a real demo database."""
from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest

from alsdesk import dashboard
from alsdesk.clinical.schedule import VisitStatus
from alsdesk.demo import build_demo
from alsdesk.states import SubjectStatus
from alsdesk.store import Store

TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db", today=TODAY)


@pytest.fixture
def demo(demo_file, tmp_path, study):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    with Store.open(path, study, readonly=True) as st:
        yield st


def test_enrolment_counts_subjects_ever_enrolled(demo):
    # S003 completed, S004 died, S005 and S006 ongoing; S001, S002 screen failures, S007 screening
    assert dashboard.enrolled_count(demo) == 4


def test_withdrawn_counts_only_after_enrolment(store):
    a = store.subjects.create().code
    b = store.subjects.create().code
    store.subjects.set_status(a, SubjectStatus.WITHDRAWN)  # withdrew during screening
    store.subjects.set_status(b, SubjectStatus.ENROLLED)
    store.subjects.set_status(b, SubjectStatus.WITHDRAWN, "consent withdrawn")
    assert dashboard.enrolled_count(store) == 1


def test_visits_due_and_overdue(demo):
    now = datetime.combine(TODAY, datetime.min.time()).replace(hour=12)
    due, overdue = dashboard.visits_due(demo, now)
    got = {(d.subject, d.event_id): d for d in due}
    assert got[("S005", "m2")].status is VisitStatus.IN_WINDOW
    h72 = got[("S006", "h72")]
    assert h72.when.endswith("(72 h)") and " 09:00" in h72.when
    assert not any(d.subject in ("S003", "S004", "S001") for d in due + overdue)
    later = now + timedelta(days=30)
    _, overdue = dashboard.visits_due(demo, later)
    assert ("S005", "m2") in {(d.subject, d.event_id) for d in overdue}


def test_serious_events(demo):
    events = dashboard.serious_events(demo)
    assert [(e.subject, e.term) for e in events] == [
        ("S004", "Pulmonary embolism"), ("S004", "Respiratory failure"),
        ("S005", "Pulmonary embolism")]
    assert events[1].outcome == "Fatal"
    assert dashboard.serious_events(demo, "S003") == []


def test_progression_is_in_date_order_with_both_measures(demo):
    points = dashboard.progression(demo, "S003")
    assert [p.event_id for p in points] == ["screening", "m2", "m4", "m6", "m12"]
    assert [p.alsfrs_total for p in points] == [42, 42, 42, 41, 38]
    assert points[1].fvc_pct == 76.5  # the corrected value
    assert all(a.when < b.when for a, b in zip(points, points[1:]))


def test_summary(demo):
    s = dashboard.summary(demo, datetime.combine(TODAY, datetime.min.time()))
    assert (s.enrolled, s.target) == (4, 19)
    assert s.open_queries == 1
    assert len(s.serious) == 3
    assert "S003" in s.progression and "S007" not in s.progression


def test_progression_skips_visits_without_a_date(store):
    code = store.subjects.create().code
    store.forms.save(code, "screening", "fvc", {"fvcpp": 80.0})
    assert dashboard.progression(store, code) == []
    store.forms.save(code, "screening", "sv", {"svdone": "Y", "svstdtc": "2015-01-02T09:00"})
    (point,) = dashboard.progression(store, code)
    assert point.fvc_pct == 80.0 and point.alsfrs_total is None


def test_charted_measures_come_from_the_definition_bindings(demo):
    assert demo.study.bindings["alsfrs_total"] == "alsfrs.total"
    assert demo.study.bindings["fvc_pct"] == "fvc.fvcpp"
    assert dashboard._measures(demo) == (("alsfrs", "total"), ("fvc", "fvcpp"))
