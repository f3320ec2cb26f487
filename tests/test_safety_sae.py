"""The SAE clock (alsdesk/safety/sae.py) over the study definition's [sae], run across
midnight, a weekend, a change of summer time and the UTC/local day boundary, on real stores."""
from __future__ import annotations

import dataclasses
import tomllib
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from alsdesk.errors import DefinitionError
from alsdesk.paths import default_study_file
from alsdesk.safety.sae import ReportKind, ReportState, reports_for, sae_clocks, span_text
from alsdesk.study import load_study
from tests.conftest import PASSWORD

TEHRAN = ZoneInfo("Asia/Tehran")  # UTC+03:30 all year since 2022


def _ae(**values):
    base = {"aeterm": "Pulmonary embolism", "aestdat": "2026-05-01", "aeser": "Y",
            "aeongo": "Y", "aeshosp": "Y"}
    return {**base, **values}


def _reports(study, now, tz=TEHRAN, **values):
    return reports_for(study.sae, study.form("ae"), _ae(**values), {}, now, tz)[1]


def test_definition_names_the_clock_fields(study):
    rules = study.sae
    assert (rules.event, rules.form, rules.aware_date, rules.aware_time) == (
        "logs", "ae", "aesawdat", "aesawtim")
    assert (rules.initial_hours, rules.followup_days) == (24, 7)
    ae = study.form("ae")
    assert ae.field("aesawtim").type.value == "time"
    assert ae.field("aesawdat").type.value == "date"  # the existing field keeps its type


def test_friday_evening_awareness_is_due_saturday_evening(study):
    # 1 May 2026 is a Friday: the clock does not stop for the weekend.
    friday = dict(aesawdat="2026-05-01", aesawtim="18:00")
    (r,) = _reports(study, datetime(2026, 5, 2, 13, 0), **friday)
    assert r.kind is ReportKind.INITIAL and r.state is ReportState.DUE
    assert r.due == datetime(2026, 5, 2, 18, 0)
    assert r.text == ("Initial SAE report to the sponsor due in 5 h (Sat 02/MAY/2026 18:00)")
    (r,) = _reports(study, datetime(2026, 5, 2, 18, 0), **friday)
    assert r.state is ReportState.DUE and "due in 0 min" in r.text  # due this minute
    # the form records the report's date only, and a report dated Saturday is on time: the
    # clock says "due today" until Saturday ends, then OVERDUE from the due moment
    (r,) = _reports(study, datetime(2026, 5, 2, 21, 0), **friday)
    assert r.state is ReportState.DUE
    assert r.text == ("Initial SAE report to the sponsor due today (by Sat 02/MAY/2026 18:00;"
                      " a report dated today is on time)")
    (r,) = _reports(study, datetime(2026, 5, 3, 0, 1), **friday)
    assert r.state is ReportState.OVERDUE
    assert r.text == ("Initial SAE report to the sponsor OVERDUE by 6 h (was due "
                      "Sat 02/MAY/2026 18:00)")
    (r,) = _reports(study, datetime(2026, 5, 4, 9, 0), **friday)  # Monday morning
    assert "OVERDUE by 39 h" in r.text


def test_across_midnight(study):
    late = dict(aesawdat="2026-05-01", aesawtim="23:30")
    (r,) = _reports(study, datetime(2026, 5, 2, 0, 15), **late)  # the next day already
    assert r.due == datetime(2026, 5, 2, 23, 30) and "due in 23 h" in r.text
    (r,) = _reports(study, datetime(2026, 5, 3, 0, 10), **late)
    assert r.state is ReportState.OVERDUE and "OVERDUE by 40 min" in r.text


def test_unknown_awareness_time_counts_from_the_start_of_the_day(study):
    (r,) = _reports(study, datetime(2026, 5, 1, 20, 0), aesawdat="2026-05-01")
    assert r.due == datetime(2026, 5, 2, 0, 0)
    assert r.text.endswith("time of awareness not recorded: counted from 00:00")
    (r,) = _reports(study, datetime(2026, 5, 1, 20, 0), aesawdat="2026-05-01")
    (r,) = reports_for(study.sae, study.form("ae"), _ae(aesawdat="2026-05-01"),
                       {"aesawtim": "UNK"}, datetime(2026, 5, 1, 20, 0), TEHRAN)[1]
    assert r.due == datetime(2026, 5, 2, 0, 0)
    # due at 00:00, dated reports: all of that day is still on time, not OVERDUE from 00:01
    (r,) = _reports(study, datetime(2026, 5, 2, 9, 0), aesawdat="2026-05-01")
    assert r.state is ReportState.DUE and "due today" in r.text
    (r,) = _reports(study, datetime(2026, 5, 3, 0, 0), aesawdat="2026-05-01")
    assert r.state is ReportState.OVERDUE


def test_no_awareness_date_no_clock(study):
    (r,) = _reports(study, datetime(2026, 5, 1, 20, 0))
    assert r.state is ReportState.NO_CLOCK and r.due is None
    assert r.text.startswith("Record when the site learned that the event was serious")


def test_a_non_serious_entry_hides_the_fields_and_has_no_clock(study, store):
    code = store.subjects.create().code
    store.forms.save(code, "logs", "ae", _ae(aeser="N", aeshosp=None))
    assert sae_clocks(store, datetime(2026, 5, 2, 12, 0)) == []


def test_initial_report_on_time_or_late_by_its_date(study):
    # the definition records the day of the report, not its hour: sent on the day it was
    # due counts as on time, a day later as late
    aware = dict(aesawdat="2026-05-01", aesawtim="18:00")
    now = datetime(2026, 5, 3, 12, 0)
    on_time, follow = _reports(study, now, **aware, aesspdat="2026-05-02")
    assert on_time.state is ReportState.DONE
    assert on_time.text == ("Initial SAE report to the sponsor sent Sat 02/MAY/2026 (time not "
                            "recorded), on time (due Sat 02/MAY/2026 18:00)")
    early, _ = _reports(study, now, **aware, aesspdat="2026-05-01")
    assert early.state is ReportState.DONE
    late, _ = _reports(study, now, **aware, aesspdat="2026-05-03")
    assert late.state is ReportState.LATE and ": 1 day late (due Sat 02/MAY/2026 18:00)" in late.text
    # a follow-up is due 7 days after the initial report, counted from 00:00 of its day
    assert follow.kind is ReportKind.FOLLOWUP and follow.due == datetime(2026, 5, 9, 0, 0)
    assert follow.text == ("Follow-up SAE report to the sponsor due in 5 days 12 h "
                           "(Sat 09/MAY/2026 00:00)")


def test_a_report_time_when_the_definition_records_one(study):
    # [sae] initial_time is optional; a definition that names a time field gets hours
    rules = dataclasses.replace(study.sae, initial_time="aesttim")
    values = _ae(aesawdat="2026-05-01", aesawtim="18:00", aesspdat="2026-05-02")
    now = datetime(2026, 5, 3, 12, 0)
    (r, _) = reports_for(rules, study.form("ae"), {**values, "aesttim": "19:30"}, {}, now)[1]
    assert r.state is ReportState.LATE and ": 1 h late" in r.text
    (r, _) = reports_for(rules, study.form("ae"), {**values, "aesttim": "17:59"}, {}, now)[1]
    assert r.state is ReportState.DONE and "sent Sat 02/MAY/2026 17:59, on time" in r.text


def test_follow_ups_until_the_final_report(study):
    sent = dict(aesawdat="2026-05-01", aesawtim="18:00", aesspdat="2026-05-02")
    _, latest, nxt = _reports(study, datetime(2026, 5, 20, 9, 0), **sent,
                              aesfudat="2026-05-09", aesfufin="N")
    assert latest.kind is ReportKind.FOLLOWUP and latest.state is ReportState.DONE
    assert nxt.due == datetime(2026, 5, 16, 0, 0) and nxt.state is ReportState.OVERDUE
    assert "Follow-up SAE report to the sponsor OVERDUE by 4 days 9 h" in nxt.text
    # the event is over: the next report is the final one
    *_, nxt = _reports(study, datetime(2026, 5, 10, 9, 0), **sent, aesfudat="2026-05-09",
                       aesfufin="N", aeongo="N", aeendat="2026-05-08")
    assert nxt.kind is ReportKind.FINAL and nxt.state is ReportState.DUE
    assert nxt.text.startswith("Final SAE follow-up report (the outcome) to the sponsor due in")
    # the final report stops the clock
    reports = _reports(study, datetime(2026, 7, 1, 9, 0), **sent, aesfudat="2026-05-12",
                       aesfufin="Y", aeongo="N", aeendat="2026-05-08")
    assert [r.kind for r in reports] == [ReportKind.INITIAL, ReportKind.FINAL]
    assert not any(r.state.open for r in reports)


def test_twenty_four_hours_stay_twenty_four_over_a_change_of_summer_time(study):
    london = ZoneInfo("Europe/London")  # clocks go forward at 01:00 on 29 March 2026
    (r,) = _reports(study, datetime(2026, 3, 29, 9, 0), london, aesawdat="2026-03-28",
                    aesawtim="12:00")
    assert r.due == datetime(2026, 3, 29, 13, 0)  # 24 real hours: 13:00 summer time
    # 09:00 and 13:00 are both summer time: 4 real hours are left
    assert "due in 4 h" in r.text
    (r,) = _reports(study, datetime(2026, 3, 28, 23, 0), london, aesawdat="2026-03-28",
                    aesawtim="12:00")
    assert "due in 13 h" in r.text  # 23:00 GMT to 13:00 BST: 13 real hours, 14 on the wall


def test_utc_now_is_read_on_the_clinic_clock(study):
    aware = dict(aesawdat="2026-05-01", aesawtim="22:00")  # Tehran, 18:30 UTC
    # 2026-05-02T18:00Z is 21:30 in Tehran, half an hour before the deadline; the UTC day
    # and the clinic's day agree here, and the next test makes them differ
    (r,) = _reports(study, datetime(2026, 5, 2, 18, 0, tzinfo=timezone.utc), **aware)
    assert r.state is ReportState.DUE and "due in 30 min" in r.text
    # 2026-05-02T21:00Z is already 00:30 on 3 May in Tehran: overdue by 2 h 30 min
    (r,) = _reports(study, datetime(2026, 5, 2, 21, 0, tzinfo=timezone.utc), **aware)
    assert r.state is ReportState.OVERDUE and "OVERDUE by 2 h" in r.text


def test_span_words():
    assert [span_text(timedelta(minutes=m)) for m in (0, 59, 60, 47 * 60 + 59, 48 * 60,
                                                      50 * 60)] == [
        "0 min", "59 min", "1 h", "47 h", "2 days", "2 days 2 h"]


def test_store_clock_reads_saved_entries_and_skips_deleted_ones(store):
    a = store.subjects.create().code
    b = store.subjects.create().code
    store.forms.save(a, "logs", "ae", _ae(aeterm="Headache", aeser="N", aeshosp=None))
    store.forms.save(a, "logs", "ae", _ae(aesawdat="2026-05-01", aesawtim="18:00"))
    gone = store.forms.save(b, "logs", "ae", _ae(aesawdat="2026-05-01")).record.instance_id
    now = datetime(2026, 5, 2, 13, 0)
    clocks = sae_clocks(store, now, tz=TEHRAN)
    assert [(c.subject, c.entry, c.term) for c in clocks] == [
        (a, 2, "Pulmonary embolism"), (b, 1, "Pulmonary embolism")]
    assert clocks[0].pending[0].text.startswith("Initial SAE report to the sponsor due in 5 h")
    assert not clocks[1].overdue and "due today" in clocks[1].pending[0].text
    assert sae_clocks(store, datetime(2026, 5, 3, 0, 5), tz=TEHRAN)[1].overdue
    store.forms.delete(gone, "entered for the wrong patient")
    assert [c.subject for c in sae_clocks(store, now, tz=TEHRAN)] == [a]
    assert sae_clocks(store, now, subject=b, tz=TEHRAN) == []
    # the site's date format is the one the texts use
    store.login("admin", PASSWORD)
    store.set_setting("date_format", "YYYY-MM-DD")
    (clock,) = sae_clocks(store, now, tz=TEHRAN)
    assert "(Sat 2026-05-02 18:00)" in clock.pending[0].text


def _with(tmp_path, old: str, new: str):
    text = default_study_file().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "study.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, says", [
    ('aware_date = "aesawdat"', 'aware_date = "aesawtim"', "must be a date field"),
    ('aware_time = "aesawtim"', 'aware_time = "aesawdat"', "must be a time field"),
    ('serious = "aeser == \'Y\'"', 'serious = "aesr == \'Y\'"', "aesr, which are not fields"),
    ('initial_hours = 24', 'initial_hours = 0', "hours above 0"),
    ('initial_hours = 24', 'initial_hourz = 24', "unknown key 'initial_hourz'"),
    ('form = "logs.ae"', 'form = "screening.dm"', "must be"),
    ('dose = "infusion.inf.cellsinf"', 'dose = "infusion.inf.cells"', "does not resolve"),
    ('history_fields = ["mhterm"', 'history_fields = ["mhtrm"', "does not resolve"),
])
def test_bad_sae_definitions_are_refused_at_load(tmp_path, old, new, says):
    with pytest.raises(DefinitionError) as e:
        load_study(_with(tmp_path, old, new))
    assert says in str(e.value) and "sae" in str(e.value)


def test_a_study_without_sae_has_no_clock(tmp_path, study):
    raw = tomllib.loads(default_study_file().read_text(encoding="utf-8"))
    assert "sae" in raw
    bare = dataclasses.replace(study, sae=None)
    assert bare.sae is None
