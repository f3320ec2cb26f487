"""The primary outcomes (fever, GCS fall within 72 h) on the demo file, with readings added
through the normal save path, and the [primary_outcomes] keys refused when wrong."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.errors import DefinitionError
from alsdesk.safety.outcomes import Verdict, _bounds, outcomes, subject_outcomes
from alsdesk.store import Store
from alsdesk.study import load_study
from alsdesk.study.model import FieldType
from alsdesk.study.loader import default_study_file

LATER = datetime(2100, 1, 1)  # every demo subject's 72 h are over


def _start(store, code):
    return datetime.fromisoformat(store.forms.get(code, "infusion", "inf").values["infstdtc"])


def _vs(store, code, when, temp, repeat):
    """An unscheduled visit's vital signs (in progress: the fever check needs no note)."""
    store.forms.save(code, "unscheduled", "vs", {"vsdtc": when.strftime("%Y-%m-%dT%H:%M"),
                                                 "temp": temp}, event_repeat=repeat)


@pytest.fixture
def nurse(demo_db):
    st = Store.open(demo_db)
    st.login("nurse", DEMO_PASSWORD)
    yield st
    st.close()


def test_the_demo_has_no_fever_and_no_gcs_fall(nurse):
    lst = outcomes(nurse, now=LATER)
    infused = nurse.conn.execute("SELECT count(*) FROM inf WHERE infstdtc IS NOT NULL").fetchone()[0]
    assert len(lst.rows) == infused == 4
    assert lst.not_infused == nurse.subjects.count() - infused
    s003 = next(r for r in lst.rows if r.subject == "S003")
    # by hand: 7 infusion time points after the start (the one before is not counted) and
    # the 72 h visit at 71 h; the highest is 37.2 at 60 min
    assert (s003.fever.verdict, s003.fever.value, s003.fever.readings) == (Verdict.NO, 37.2, 8)
    assert s003.fever.at == "1 h" and "after 72 h not counted" in s003.fever.note
    assert s003.gcs.verdict is Verdict.NO and s003.gcs.reference == 15


def test_a_no_before_the_72_hours_are_over_is_not_an_answer(nurse):
    start = _start(nurse, "S006")
    early = outcomes(nurse, {"S006"}, now=start + timedelta(hours=60)).rows[0]
    assert early.fever.verdict is Verdict.NOT_ASSESSABLE and "not over" in early.fever.note
    assert outcomes(nurse, {"S006"}, now=LATER).rows[0].fever.verdict is Verdict.NO


def test_fever_at_the_threshold_and_the_window_edges(nurse):
    start = _start(nurse, "S006")
    _vs(nurse, "S006", start + timedelta(hours=72, minutes=30), 39.5, 1)  # after: not counted
    o = subject_outcomes(nurse, "S006", LATER)
    assert o.fever.verdict is Verdict.NO and "1 reading after 72 h" in o.fever.note
    _vs(nurse, "S006", start + timedelta(hours=72), 38.0, 2)  # the last minute, 38.0: fever
    o = subject_outcomes(nurse, "S006", LATER)
    assert (o.fever.verdict, o.fever.value, o.fever.at) == (Verdict.YES, 38.0, "72 h")
    _vs(nurse, "S006", start + timedelta(hours=71, minutes=59), 38.5, 3)  # told apart from 72
    o = subject_outcomes(nurse, "S006", LATER)
    assert (o.fever.value, o.fever.at) == (38.5, "71 h 59 min")


def test_a_time_only_reading_takes_the_day_nearest_the_infusion():
    late = datetime(2025, 3, 1, 22, 0)
    assert _bounds("02:00", late, FieldType.TIME) == (4.0, 4.0)  # the next morning
    assert _bounds("21:45", late, FieldType.TIME) == (-0.25, -0.25)
    early = datetime(2025, 3, 1, 0, 10)
    assert _bounds("23:50", early, FieldType.TIME)[0] == pytest.approx(-1 / 3)  # the evening before


def test_partial_dates_count_only_when_wholly_inside():
    start = datetime(2025, 3, 1, 8, 0)
    lo, hi = _bounds("2025-03-02", start, FieldType.DATETIME)
    assert (lo, round(hi, 2)) == (16.0, 39.98)
    lo, hi = _bounds("2025-03", start, FieldType.DATETIME)
    assert lo < 0 < 72 < hi  # the month straddles the window: may be in it
    assert _bounds(None, start, FieldType.DATETIME) == (None, None)
    assert _bounds("not a date", start, FieldType.DATETIME) == (None, None)


def test_a_fever_whose_hour_is_not_known_makes_not_assessable(nurse):
    # a datetime the screen cannot give, written as a date only (an import, an old file)
    start = _start(nurse, "S006")
    _vs(nurse, "S006", start + timedelta(hours=30), 37.0, 1)
    iid = nurse.forms.get("S006", "unscheduled", "vs").instance_id
    with nurse.conn:
        nurse.conn.execute("UPDATE vs SET vsdtc = ?, temp = 38.6 WHERE instance_id = ?",
                           (start.strftime("%Y-%m"), iid))
    o = subject_outcomes(nurse, "S006", LATER)
    assert o.fever.verdict is Verdict.NOT_ASSESSABLE and "38.6" in o.fever.note


def test_a_gcs_fall_against_the_normal_total_and_against_one_before(nurse):
    nurse.forms.save("S005", "h72", "gcs", {"gcsverb": 4}, reason="re-read the source")
    o = subject_outcomes(nurse, "S005", LATER)
    assert (o.gcs.verdict, o.gcs.value, o.gcs.reference, o.gcs.at) == (Verdict.YES, 14, 15,
                                                                        "71 h")
    # a GCS before the infusion of 13 is the reference instead: 14 and 15 are no fall
    start = _start(nurse, "S005")
    nurse.forms.save("S005", "infusion", "gcs", {
        "gcsdtc": (start - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"), "gcseye": 3,
        "gcsverb": 4}, reason="assessed before the start")
    o = subject_outcomes(nurse, "S005", LATER)
    assert (o.gcs.verdict, o.gcs.reference) == (Verdict.NO, 13)
    assert "before the infusion (-30 min)" in o.gcs.reference_text


def test_a_gcs_without_a_total_is_said(nurse):
    nurse.forms.save("S005", "h72", "gcs", {"gcsverb": None}, {"gcsverb": "NA"},
                     reason="anarthria")
    o = subject_outcomes(nurse, "S005", LATER)
    assert o.gcs.verdict is Verdict.NO and "1 assessment without a total" in o.gcs.note
    assert o.gcs.readings == 1


def test_a_subject_not_infused_has_no_outcomes(nurse):
    assert subject_outcomes(nurse, "S007") is None


@pytest.mark.parametrize("old, new, words", [
    ("window_hours = 72", "window_hours = 0", "must be more than 0"),
    ('{ value = "vs.temp", time = "vs.vsdtc" }', '{ value = "vs.temp", time = "vs.sysbp" }',
     "must be a datetime or time field"),
    ('{ value = "vs.temp", time = "vs.vsdtc" }', '{ value = "vs.vsdtc", time = "vs.vsdtc" }',
     "must be a number"),
    ('{ value = "vs.temp", time = "vs.vsdtc" }', '{ value = "infvs.h4_temp", time = "infvs.h4_tim" }',
     "holds a time without a date"),
    ('{ value = "vs.temp", time = "vs.vsdtc" }', '{ value = "vs.tmp", time = "vs.vsdtc" }',
     "does not resolve"),
    ("gcs_expected = 15", "gcs_expected = 16", "must be a GCS total"),
    ('related = ["POSSIBLE"', 'related = ["MAYBE"', "is not a code of 'aerel'"),
    ('grade = "aetoxgr"', 'grade = "aeterm"', "must be a choice field"),
    ('fever_at = 38.0', 'fever_al = 38.0', "unknown key 'fever_al'"),
])
def test_a_wrong_key_is_refused_with_its_line(tmp_path, old, new, words):
    text = default_study_file().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "study.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        load_study(path)
    assert words in str(err.value) and "study.toml:" in str(err.value)
