"""Study-wide dashboard figures computed from a real demo database, and the page showing them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from alsdesk import dashboard
from alsdesk.clinical.schedule import VisitStatus
from alsdesk.demo import build_demo
from alsdesk.store import Store
from tests.helpers import screen_eligible, withdraw
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, open_window, settle, ui_settings,
)

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
    withdraw(store, a)  # in screening
    screen_eligible(store, b)
    store.forms.save(b, "infusion", "inf", {"infstdtc": "2015-03-01T10:00"})  # enrolled
    withdraw(store, b)
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
    assert "S003" in s.charted and "S007" not in s.charted
    # one curve is read: the subject followed longest
    assert s.shown == "S003" and list(s.curve) == dashboard.progression(demo, "S003")


def test_summary_reads_the_curve_of_the_subject_asked_for(demo):
    s = dashboard.summary(demo, subject="S004")
    assert s.shown == "S004" and list(s.curve) == dashboard.progression(demo, "S004")
    assert dashboard.summary(demo, subject="S007").shown == "S003"  # nothing to chart


def test_charted_counts_match_the_curves(demo):
    counts = dashboard.charted_subjects(demo)
    for s in demo.subjects.list():
        assert counts.get(s.code, 0) == len(dashboard.progression(demo, s.code)), s.code


def _ae(store, code, term, serious):
    values = {"aeterm": term, "aestdat": "2025-05-02", "aeser": "Y" if serious else "N"}
    return store.forms.save(code, "logs", "ae", values).record.instance_id


def test_serious_event_counted_and_a_deleted_one_not(store):
    code = store.subjects.create().code
    other = store.subjects.create().code
    kept = _ae(store, code, "Pneumonia", serious=True)
    _ae(store, code, "Headache", serious=False)
    gone = _ae(store, other, "Fall", serious=True)
    assert [(e.subject, e.term) for e in dashboard.serious_events(store)] == [
        (code, "Pneumonia"), (other, "Fall")]
    store.forms.delete(gone, "entered for the wrong patient")
    (event,) = dashboard.serious_events(store)
    assert (event.instance_id, event.start) == (kept, "02/MAY/2025")  # as shown
    assert dashboard.serious_events(store, other) == []
    assert len(dashboard.summary(store).serious) == 1


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


def test_progression_reads_a_derived_total_with_one_query(demo):
    statements: list[str] = []
    demo.conn.set_trace_callback(statements.append)
    try:
        points = dashboard.progression(demo, "S003")
    finally:
        demo.conn.set_trace_callback(None)
    assert [p.alsfrs_total for p in points] == [42, 42, 42, 41, 38]
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 1


# -- the page ---------------------------------------------------------------------------------

def test_page_module_imports_no_charts_or_core_at_start():
    code = ("import sys, ui.dashboard; print(','.join(m for m in ('PySide6.QtCharts', "
            "'ui.charts', 'alsdesk.dashboard', 'alsdesk.overview') if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=Path(__file__).resolve().parents[1], timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_page_shows_the_default_curve_and_loads_the_chosen_one(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    dash = window.dashboard
    assert dash.chart is not None and dash.chart.isVisible()
    assert not dash.chart_placeholder.isVisible()
    assert dash.subject.currentText() == "S003"  # the subject followed longest
    assert [dash.subject.itemText(i) for i in range(dash.subject.count())] == [
        "S001", "S002", "S003", "S004", "S005", "S006"]
    assert dash.chart.alsfrs.count() == 5 and dash.chart.alsfrs.at(4).y() == 38
    dash.subject.setCurrentText("S005")
    want = dashboard.progression(window.store, "S005")
    qtbot.waitUntil(lambda: dash.chart.chart().title() == "Subject S005")
    assert dash.chart.points == tuple(want)
    assert dash.chart.alsfrs.count() == sum(p.alsfrs_total is not None for p in want)
    # a refresh keeps the chosen subject and reads its curve again
    window.refresh_all()
    settle(qtbot, window)
    assert dash.subject.currentText() == "S005" and dash.data.shown == "S005"
    assert dash.chart.points == tuple(want)


def test_page_counts_a_serious_event_until_it_is_deleted(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    dash = window.dashboard
    assert dash.sae.value.text() == "3"
    iid = _ae(window.store, "S006", "Aspiration pneumonia", serious=True)
    window.refresh_all()
    settle(qtbot, window)
    assert dash.sae.value.text() == "4"
    rows = {dash.serious.item(r, 2).text() for r in range(dash.serious.rowCount())}
    assert "Aspiration pneumonia" in rows
    window.store.forms.delete(iid, "entered twice")
    window.refresh_all()
    settle(qtbot, window)
    assert dash.sae.value.text() == "3" and dash.serious.rowCount() == 3


def test_page_shows_a_placeholder_until_there_is_a_curve(qtbot, tmp_path, study):
    path = tmp_path / "empty.db"
    st = Store.create(path, study)
    st.users.create_first_admin("admin", "Ada Admin", "Demo-password-1")
    st.close()
    window = open_window(qtbot, path, "admin", "Demo-password-1")
    dash = window.dashboard
    assert dash.chart is None
    assert dash.chart_placeholder.isVisible()
    assert dash.chart_placeholder.text() == "No subject has ALSFRS-R or FVC data yet"
    assert dash.subject.count() == 0 and dash.sae.value.text() == "0"
