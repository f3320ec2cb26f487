"""Subject-level results computed from stored data: derived values, eligibility, schedule."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from alsdesk import overview
from alsdesk.clinical.schedule import VisitStatus
from alsdesk.derive import FUNCTIONS
from alsdesk.study.loader import KNOWN_FUNCTIONS
from tests.helpers import alsfrs_values, screen_eligible, withdraw


@pytest.fixture
def subject(store):
    return store.subjects.create().code


def _screen(store, code, *, birth, consent, total_items=None, fvcpp=80.0, familial="N"):
    store.forms.save(code, "screening", "ic", {"icdat": consent})
    store.forms.save(code, "screening", "dm", {"brthdat": birth})
    store.forms.save(code, "screening", "alsfrs", total_items or alsfrs_values())
    store.forms.save(code, "screening", "fvc", {"fvcpp": fvcpp})
    store.forms.save(code, "screening", "alshx", {"sporadic": "Y", "onsetdat": "2014-03"})
    store.forms.save(code, "screening", "ie", {"exc_fals": familial, "exc_malig": "N",
                                               "exc_autoimm": "N", "exc_mnd": "N"})


def test_registry_matches_definition_loader():
    assert set(FUNCTIONS) == set(KNOWN_FUNCTIONS)


def test_age_56_on_consent_day_is_ineligible_with_reason(store, subject):
    _screen(store, subject, birth="1959-05-10", consent="2015-05-10")
    result = overview.eligibility(store, subject)
    assert result.eligible is False
    age = result.criterion("age")
    assert age.met is False and "56" in age.detail


def test_age_55_the_day_before_56_is_eligible(store, subject):
    _screen(store, subject, birth="1959-05-10", consent="2015-05-09")
    result = overview.eligibility(store, subject)
    assert result.eligible is True, [c.detail for c in result.criteria]


@pytest.mark.parametrize("fvcpp,ok", [(39.9, False), (40.0, True)])
def test_fvc_threshold_from_stored_data(store, subject, fvcpp, ok):
    _screen(store, subject, birth="1970-01-01", consent="2015-05-09", fvcpp=fvcpp)
    assert overview.eligibility(store, subject).criterion("fvc").met is ok


@pytest.mark.parametrize("q1,ok", [(0, False), (1, True)])
def test_alsfrs_threshold_23_24(store, subject, q1, ok):
    # items 3 each except q1: 11 x 2 + q1 => 22 + q1; use 2s to reach 23/24
    items = {k: 2 for k in alsfrs_values() if k.startswith("q")}
    items.update(gastro="N", q1=q1 + 1)  # 11 items x 2 = 22, q1 replaces one 2 -> 22 + q1 - 1
    total = sum(v for k, v in items.items() if k.startswith("q"))
    assert total == 23 + q1
    _screen(store, subject, birth="1970-01-01", consent="2015-05-09", total_items=items)
    assert overview.eligibility(store, subject).criterion("alsfrs").met is ok


def test_familial_excludes(store, subject):
    _screen(store, subject, birth="1970-01-01", consent="2015-05-09", familial="Y")
    result = overview.eligibility(store, subject)
    assert result.eligible is False
    assert result.criterion("no_familial").met is False


def test_live_derived_values_from_unsaved_screen_values(store, subject):
    store.forms.save(subject, "screening", "alshx", {"onsetdat": "2014-03"})
    store.forms.save(subject, "screening", "sv", {"svdone": "Y", "svstdtc": "2015-03-15T10:00"})
    on_screen = alsfrs_values(q1=3, q4=2)
    values = overview.derived(store, subject, "screening", "alsfrs", on_screen)
    assert values["total"].value == 45
    assert values["bulbar"].value == 11 and values["fine_motor"].value == 10
    assert values["kings"].value == "2"
    assert values["mitos"].value == 0
    assert values["delta_fs"].value == pytest.approx(3 / 12, rel=1e-3)
    assert values["delta_fs"].note and "mid" in values["delta_fs"].note
    partial = overview.derived(store, subject, "screening", "alsfrs", {"q1": 3})
    assert partial["total"].value is None and partial["total"].text == "–"


def test_dose_derived_from_weight(store, subject):
    values = overview.derived(store, subject, "infusion", "inf",
                              {"weight": 70.0, "cellsinf": 154.0})
    assert values["target_dose"].value == pytest.approx(1.4e8)
    assert values["target_dose"].text == "140.0 million cells"  # the unit cells are entered in
    dev = values["dose_deviation"].value
    assert dev.percent == pytest.approx(10.0) and dev.within_tolerance


def test_schedule_from_stored_infusion_and_visits(store, subject):
    screen_eligible(store, subject)
    store.forms.save(subject, "infusion", "inf", {"infstdtc": "2015-03-01T10:00"})
    for event, when in (("screening", "2015-02-10T09:00"), ("baseline", "2015-03-01T08:00"),
                        ("infusion", "2015-03-01T10:00")):
        store.forms.save(subject, event, "sv", {"svdone": "Y", "svstdtc": when})
    store.forms.save(subject, "h72", "sv", {"svdone": "Y", "svstdtc": "2015-03-04T10:00"})
    store.forms.save(subject, "m2", "sv", {"svdone": "Y", "svstdtc": "2015-05-20T10:00"})
    plans = {p.event_id: p for p in overview.schedule(store, subject, datetime(2015, 6, 20))}
    assert plans["h72"].status is VisitStatus.DONE_IN_WINDOW
    assert plans["h72"].target == datetime(2015, 3, 4, 10, 0)
    assert plans["m2"].status is VisitStatus.DONE_OUT_OF_WINDOW  # day 80, window 53-67
    assert plans["m4"].status is VisitStatus.IN_WINDOW  # day 111, window 106-134
    assert "Month 4" in overview.next_visit_text(store, subject, datetime(2015, 6, 20))


def test_no_schedule_before_infusion(store, subject):
    plans = overview.schedule(store, subject, datetime(2015, 6, 20))
    assert all(p.status in (VisitStatus.UNSCHEDULED,) for p in plans)
    assert overview.next_visit_text(store, subject) == ""


def test_subject_who_left_has_no_overdue_visits(store, subject):
    screen_eligible(store, subject)
    store.forms.save(subject, "infusion", "inf", {"infstdtc": "2015-03-01T10:00"})  # enrolled
    withdraw(store, subject)
    plans = overview.schedule(store, subject, datetime(2016, 1, 1))
    assert VisitStatus.OVERDUE not in {p.status for p in plans}
    assert overview.next_visit_text(store, subject, datetime(2016, 1, 1)) == ""


def test_parse_moment():
    assert overview.parse_moment("2015-03-01T10:00") == datetime(2015, 3, 1, 10, 0)
    assert overview.parse_moment("2015-03-01") == date(2015, 3, 1)
    assert overview.parse_moment("2015-03") is None


def test_bulk_next_visits_agree_with_one_by_one(tmp_path):
    from alsdesk.demo import build_demo
    from alsdesk.store import Store

    db = build_demo(tmp_path / "demo.db")
    now = datetime(2026, 11, 24, 12, 0)
    with Store.open(db, readonly=True) as st:
        bulk = overview.next_visit_texts(st, now)
        assert bulk == {s.code: overview.next_visit_text(st, s.code, now)
                        for s in st.subjects.list()}
        assert any(text for text in bulk.values())
