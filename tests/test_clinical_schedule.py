"""Tests of alsdesk.clinical.schedule: visit windows, statuses and the next visit due."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alsdesk.clinical.schedule import VisitPlan, VisitStatus, next_due, plan_visits
from alsdesk.errors import ClinicalError
from alsdesk.study.model import Event, EventKind, TimeUnit

H, D = TimeUnit.HOURS, TimeUnit.DAYS

SCREENING = Event(id="screening", label="Screening", forms=(), unit=D, target=-14,
                  window=(-28, 0))
BASELINE = Event(id="baseline", label="Baseline", forms=(), unit=D, target=0, window=(-7, 0))
INFUSION = Event(id="infusion", label="Infusion", forms=(), unit=D, target=0, window=(0, 0),
                 anchor=True)
H72 = Event(id="h72", label="72 hours", forms=(), unit=H, target=72, window=(48, 96))
M2 = Event(id="m2", label="Month 2", forms=(), unit=D, target=60, window=(53, 67))
M4 = Event(id="m4", label="Month 4", forms=(), unit=D, target=120, window=(106, 134))
M6 = Event(id="m6", label="Month 6", forms=(), unit=D, target=180, window=(166, 194))
M12 = Event(id="m12", label="Month 12", forms=(), unit=D, target=365, window=(335, 395))
UNSCHEDULED = Event(id="unsched", label="Unscheduled", forms=(), repeating=True)
END = Event(id="eos", label="End of study", forms=())
AE_LOG = Event(id="ae", label="Adverse events", forms=(), kind=EventKind.LOG)

EVENTS = (SCREENING, BASELINE, INFUSION, H72, M2, M4, M6, M12, UNSCHEDULED, END, AE_LOG)
VISIT_IDS = ["screening", "baseline", "infusion", "h72", "m2", "m4", "m6", "m12", "eos"]

ANCHOR = datetime(2015, 3, 10, 10, 0)  # infusion start; day 0 is 2015-03-10
DAY0 = ANCHOR.date()


def at_hours(hours: int, minutes: int = 0, seconds: int = 0) -> datetime:
    return ANCHOR + timedelta(hours=hours, minutes=minutes, seconds=seconds)


def on_day(n: int, clock: time = time(12, 0)) -> datetime:
    return datetime.combine(DAY0 + timedelta(days=n), clock)


def plan_one(event: Event, done: datetime | date | None = None,
             now: datetime = datetime(2030, 1, 1), anchor: datetime | None = ANCHOR,
             due_ahead: timedelta = timedelta(days=14)) -> VisitPlan:
    plans = plan_visits([event], anchor, {event.id: done}, now, due_ahead)
    assert len(plans) == 1
    return plans[0]


# ---------------------------------------------------------------- VisitStatus


def test_status_texts() -> None:
    assert [s.value for s in VisitStatus] == [
        "not due", "due", "in window", "overdue", "done in window", "done out of window",
        "done", "not scheduled", "not expected",
    ]
    assert VisitStatus.OVERDUE == "overdue"


# ---------------------------------------------------------------- which events


def test_plans_every_single_visit_in_order() -> None:
    plans = plan_visits(EVENTS, ANCHOR, {}, ANCHOR)
    assert [p.event_id for p in plans] == VISIT_IDS  # no repeating visit, no log
    assert [p.label for p in plans][:4] == ["Screening", "Baseline", "Infusion", "72 hours"]


def test_empty_inputs() -> None:
    assert plan_visits([], ANCHOR, {}, ANCHOR) == []
    assert next_due([]) is None


# ---------------------------------------------------------------- HOURS windows


def test_hours_window_and_target() -> None:
    p = plan_one(H72)
    assert p.unit is H
    assert p.target == datetime(2015, 3, 13, 10, 0)
    assert p.window_start == datetime(2015, 3, 12, 10, 0)
    assert p.window_end == datetime(2015, 3, 14, 10, 0)
    assert p.window == (48, 96)


@pytest.mark.parametrize(
    ("done", "status"),
    [
        (at_hours(47, 59), VisitStatus.DONE_OUT_OF_WINDOW),
        (at_hours(48), VisitStatus.DONE_IN_WINDOW),
        (at_hours(72), VisitStatus.DONE_IN_WINDOW),
        (at_hours(96), VisitStatus.DONE_IN_WINDOW),
        (at_hours(96, 0, 59), VisitStatus.DONE_IN_WINDOW),  # same minute as the end
        (at_hours(96, 1), VisitStatus.DONE_OUT_OF_WINDOW),
        (at_hours(24), VisitStatus.DONE_OUT_OF_WINDOW),
    ],
)
def test_hours_window_edges_when_done(done: datetime, status: VisitStatus) -> None:
    p = plan_one(H72, done)
    assert p.status is status
    assert p.done_at == done
    assert p.is_done
    assert not p.done_date_only


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (at_hours(47, 59), VisitStatus.DUE),
        (at_hours(48), VisitStatus.IN_WINDOW),
        (at_hours(96), VisitStatus.IN_WINDOW),
        (at_hours(96, 0, 30), VisitStatus.IN_WINDOW),
        (at_hours(96, 1), VisitStatus.OVERDUE),
    ],
)
def test_hours_window_edges_by_now(now: datetime, status: VisitStatus) -> None:
    p = plan_one(H72, now=now)
    assert p.status is status
    assert p.done_at is None and not p.is_done


def test_hours_window_ignores_anchor_seconds() -> None:
    p = plan_one(H72, anchor=ANCHOR.replace(second=45, microsecond=7))
    assert p.window_start == datetime(2015, 3, 12, 10, 0)
    assert p.target == datetime(2015, 3, 13, 10, 0)


def test_fractional_hours() -> None:
    event = Event(id="post", label="Post-infusion", forms=(), unit=H, target=1,
                  window=(0.5, 1.5))
    p = plan_one(event, at_hours(1, 31))
    assert p.window_start == at_hours(0, 30)
    assert p.window_end == at_hours(1, 30)
    assert p.status is VisitStatus.DONE_OUT_OF_WINDOW


@pytest.mark.parametrize(
    ("anchor_clock", "done_day", "status"),
    [
        # Infusion at 06:00: window day 2 06:00 to day 4 06:00. A date-only visit on day 4
        # would be out at 12:00 but the day overlaps the window, so it counts as in.
        (time(6, 0), 4, VisitStatus.DONE_IN_WINDOW),
        (time(6, 0), 2, VisitStatus.DONE_IN_WINDOW),
        # Infusion at 18:00: day 2 overlaps although 12:00 on day 2 is before the window.
        (time(18, 0), 2, VisitStatus.DONE_IN_WINDOW),
        (time(18, 0), 1, VisitStatus.DONE_OUT_OF_WINDOW),
        (time(6, 0), 5, VisitStatus.DONE_OUT_OF_WINDOW),
        (time(0, 0), 1, VisitStatus.DONE_OUT_OF_WINDOW),
    ],
)
def test_hours_window_date_only_by_whole_day(anchor_clock: time, done_day: int,
                                             status: VisitStatus) -> None:
    anchor = datetime.combine(DAY0, anchor_clock)
    p = plan_one(H72, DAY0 + timedelta(days=done_day), anchor=anchor)
    assert p.status is status
    assert p.done_date_only
    assert p.done_at == on_day(done_day)  # 12:00 that day


# ---------------------------------------------------------------- DAYS windows


def test_days_window_and_target() -> None:
    p = plan_one(M2)
    assert p.target == datetime(2015, 5, 9, 0, 0)  # day 60, midnight
    assert p.window_start == datetime(2015, 5, 2, 0, 0)  # day 53
    assert p.window_end == datetime(2015, 5, 16, 23, 59, 59, 999999)  # end of day 67


def test_days_counted_from_anchor_date_not_time() -> None:
    late = plan_one(M2, anchor=datetime(2015, 3, 10, 23, 50))
    early = plan_one(M2, anchor=datetime(2015, 3, 10, 0, 5))
    assert late.window_start == early.window_start == datetime(2015, 5, 2)
    assert late.target == early.target


@pytest.mark.parametrize(
    ("done", "status"),
    [
        (on_day(52, time(23, 59, 59)), VisitStatus.DONE_OUT_OF_WINDOW),
        (on_day(53, time(0, 0)), VisitStatus.DONE_IN_WINDOW),
        (on_day(60, time(9, 30)), VisitStatus.DONE_IN_WINDOW),
        (on_day(67, time(23, 59, 59)), VisitStatus.DONE_IN_WINDOW),
        (on_day(68, time(0, 0)), VisitStatus.DONE_OUT_OF_WINDOW),
    ],
)
def test_days_window_edges_when_done(done: datetime, status: VisitStatus) -> None:
    assert plan_one(M2, done).status is status


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (52, VisitStatus.DONE_OUT_OF_WINDOW),
        (53, VisitStatus.DONE_IN_WINDOW),
        (67, VisitStatus.DONE_IN_WINDOW),
        (68, VisitStatus.DONE_OUT_OF_WINDOW),
    ],
)
def test_days_window_edges_date_only(day: int, status: VisitStatus) -> None:
    p = plan_one(M2, DAY0 + timedelta(days=day))
    assert p.status is status
    assert p.done_at == on_day(day, time(12, 0))
    assert p.done_date_only


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (on_day(38, time(23, 59)), VisitStatus.NOT_DUE),
        (on_day(39, time(0, 0)), VisitStatus.DUE),  # exactly 14 days before day 53
        (on_day(52, time(23, 59, 59)), VisitStatus.DUE),
        (on_day(53, time(0, 0)), VisitStatus.IN_WINDOW),
        (on_day(67, time(23, 59, 59)), VisitStatus.IN_WINDOW),
        (on_day(68, time(0, 0)), VisitStatus.OVERDUE),
        (on_day(200), VisitStatus.OVERDUE),
    ],
)
def test_days_window_by_now(now: datetime, status: VisitStatus) -> None:
    assert plan_one(M2, now=now).status is status


def test_due_ahead_is_adjustable() -> None:
    now = on_day(46)  # 7 days before the window opens
    assert plan_one(M2, now=now).status is VisitStatus.DUE
    assert plan_one(M2, now=now, due_ahead=timedelta(days=6)).status is VisitStatus.NOT_DUE
    assert plan_one(M2, now=on_day(52), due_ahead=timedelta(0)).status is VisitStatus.NOT_DUE


def test_negative_due_ahead_refused() -> None:
    with pytest.raises(ClinicalError, match="cannot be negative"):
        plan_one(M2, due_ahead=timedelta(days=-1))


def test_screening_before_infusion() -> None:
    assert plan_one(SCREENING, on_day(-28, time(8, 0))).status is VisitStatus.DONE_IN_WINDOW
    assert plan_one(SCREENING, DAY0 - timedelta(days=29)).status is VisitStatus.DONE_OUT_OF_WINDOW
    assert plan_one(SCREENING, on_day(0, time(9, 0))).status is VisitStatus.DONE_IN_WINDOW
    p = plan_one(SCREENING)
    assert p.window_start == datetime(2015, 2, 10)
    assert p.target == datetime(2015, 2, 24)


def test_anchor_event_done_on_infusion_day() -> None:
    assert plan_one(INFUSION, ANCHOR).status is VisitStatus.DONE_IN_WINDOW
    assert plan_one(INFUSION, DAY0).status is VisitStatus.DONE_IN_WINDOW
    assert plan_one(INFUSION, on_day(1, time(0, 0))).status is VisitStatus.DONE_OUT_OF_WINDOW
    assert plan_one(INFUSION, now=ANCHOR).status is VisitStatus.IN_WINDOW


def test_anchor_event_in_hours() -> None:
    event = Event(id="inf", label="Infusion", forms=(), unit=H, target=0, window=(0, 0),
                  anchor=True)
    assert plan_one(event, ANCHOR).status is VisitStatus.DONE_IN_WINDOW
    assert plan_one(event, at_hours(0, 1)).status is VisitStatus.DONE_OUT_OF_WINDOW


def test_fractional_days_refused() -> None:
    event = Event(id="x", label="Odd visit", forms=(), unit=D, target=10, window=(9.5, 10))
    with pytest.raises(ClinicalError, match="'Odd visit'.*whole days"):
        plan_one(event)


def test_whole_float_days_accepted() -> None:
    event = Event(id="x", label="Float", forms=(), unit=D, target=60.0, window=(53.0, 67.0))
    assert plan_one(event).window_start == plan_one(M2).window_start


# ---------------------------------------------------------------- no window, no anchor


def test_no_anchor_yet() -> None:
    now = datetime(2015, 3, 1, 9, 0)
    plans = plan_visits(EVENTS, None, {"screening": date(2015, 2, 20)}, now)
    by_id = {p.event_id: p for p in plans}
    assert by_id["screening"].status is VisitStatus.DONE
    assert by_id["screening"].done_at == datetime(2015, 2, 20, 12, 0)
    for eid in VISIT_IDS[1:]:
        p = by_id[eid]
        assert p.status is VisitStatus.UNSCHEDULED
        assert (p.target, p.window_start, p.window_end) == (None, None, None)
    assert by_id["m2"].describe_window() == "day 53 to day 67"
    assert next_due(plans) is None


def test_window_none_visit() -> None:
    p = plan_one(END)
    assert p.status is VisitStatus.UNSCHEDULED
    assert (p.target, p.window_start, p.window_end, p.unit) == (None, None, None, None)
    assert plan_one(END, date(2016, 3, 1)).status is VisitStatus.DONE


def test_target_without_window() -> None:
    event = Event(id="call", label="Phone call", forms=(), unit=D, target=30)
    p = plan_one(event)
    assert p.target == datetime(2015, 4, 9)
    assert p.status is VisitStatus.UNSCHEDULED
    assert p.window_start is None


# ---------------------------------------------------------------- bad input


def test_window_without_unit() -> None:
    event = Event(id="x", label="Broken", forms=(), target=10, window=(5, 15))
    with pytest.raises(ClinicalError, match="'Broken' has a window but no unit"):
        plan_one(event)


def test_window_reversed() -> None:
    event = Event(id="x", label="Reversed", forms=(), unit=D, window=(67, 53))
    with pytest.raises(ClinicalError, match="opens \\(67\\) after it closes \\(53\\)"):
        plan_one(event)


def test_done_must_be_a_date() -> None:
    with pytest.raises(ClinicalError, match="'Month 2'.*not a date"):
        plan_visits([M2], ANCHOR, {"m2": "2015-05-09"}, ANCHOR)  # type: ignore[dict-item]


def test_now_and_anchor_must_be_datetimes() -> None:
    with pytest.raises(ClinicalError, match="current time"):
        plan_visits([M2], ANCHOR, {}, date(2015, 5, 1))  # type: ignore[arg-type]
    with pytest.raises(ClinicalError, match="infusion start"):
        plan_visits([M2], DAY0, {}, ANCHOR)  # type: ignore[arg-type]


def test_mixed_timezones_refused() -> None:
    aware = ANCHOR.replace(tzinfo=UTC)
    with pytest.raises(ClinicalError, match="time-zone"):
        plan_visits([M2], aware, {}, ANCHOR)
    with pytest.raises(ClinicalError, match="time-zone"):
        plan_visits([M2], ANCHOR, {"m2": on_day(60).replace(tzinfo=UTC)}, ANCHOR)


def test_aware_datetimes_work_throughout() -> None:
    aware = ANCHOR.replace(tzinfo=UTC)
    plans = plan_visits([H72, M2], aware, {"m2": DAY0 + timedelta(days=60)},
                        at_hours(50).replace(tzinfo=UTC))
    assert plans[0].status is VisitStatus.IN_WINDOW
    assert plans[1].status is VisitStatus.DONE_IN_WINDOW
    assert plans[1].window_start == datetime(2015, 5, 2, tzinfo=UTC)
    assert plans[1].done_at == datetime(2015, 5, 9, 12, 0, tzinfo=UTC)


# ---------------------------------------------------------------- whole schedule


def test_whole_schedule_mid_trial() -> None:
    done = {
        "screening": date(2015, 2, 20),
        "baseline": datetime(2015, 3, 10, 8, 0),
        "infusion": ANCHOR,
        "h72": at_hours(100),  # late
        "m2": date(2015, 5, 9),
    }
    now = on_day(100)  # window of month 4 opens on day 106
    plans = plan_visits(EVENTS, ANCHOR, done, now)
    assert {p.event_id: p.status for p in plans} == {
        "screening": VisitStatus.DONE_IN_WINDOW,
        "baseline": VisitStatus.DONE_IN_WINDOW,
        "infusion": VisitStatus.DONE_IN_WINDOW,
        "h72": VisitStatus.DONE_OUT_OF_WINDOW,
        "m2": VisitStatus.DONE_IN_WINDOW,
        "m4": VisitStatus.DUE,
        "m6": VisitStatus.NOT_DUE,
        "m12": VisitStatus.NOT_DUE,
        "eos": VisitStatus.UNSCHEDULED,
    }
    nxt = next_due(plans)
    assert nxt is not None and nxt.event_id == "m4"


def test_done_none_means_not_done() -> None:
    p = plan_visits([M2], ANCHOR, {"m2": None}, on_day(70))[0]
    assert p.status is VisitStatus.OVERDUE


# ---------------------------------------------------------------- next_due


def test_next_due_includes_overdue() -> None:
    plans = plan_visits(EVENTS, ANCHOR, {"screening": date(2015, 3, 1),
                                         "baseline": DAY0, "infusion": ANCHOR},
                        on_day(70))
    nxt = next_due(plans)
    assert nxt is not None
    assert (nxt.event_id, nxt.status) == ("h72", VisitStatus.OVERDUE)


def test_next_due_skips_done_and_windowless() -> None:
    done = {e: on_day(0) for e in ("screening", "baseline", "infusion")}
    done["h72"] = at_hours(72)
    plans = plan_visits(EVENTS, ANCHOR, done, on_day(3))
    nxt = next_due(plans)
    assert nxt is not None and nxt.event_id == "m2"


def test_next_due_none_when_all_done() -> None:
    windowed = [SCREENING, BASELINE, INFUSION, H72, M2, M4, M6, M12]
    done = {e.id: on_day(0) for e in windowed}
    assert next_due(plan_visits(EVENTS, ANCHOR, done, on_day(400))) is None


def test_next_due_picks_earliest_window_not_list_order() -> None:
    plans = plan_visits([M12, M4, H72], ANCHOR, {}, ANCHOR)
    nxt = next_due(plans)
    assert nxt is not None and nxt.event_id == "h72"


def test_next_due_tie_keeps_order() -> None:
    twin = Event(id="m2b", label="Month 2 bis", forms=(), unit=D, target=60, window=(53, 67))
    plans = plan_visits([twin, M2], ANCHOR, {}, ANCHOR)
    nxt = next_due(plans)
    assert nxt is not None and nxt.event_id == "m2b"


# ---------------------------------------------------------------- describe_window


@pytest.mark.parametrize(
    ("event", "text"),
    [
        (H72, "48 h to 96 h after infusion"),
        (M2, "day 53 to day 67"),
        (M12, "day 335 to day 395"),
        (SCREENING, "day -28 to day 0"),
        (INFUSION, "day 0"),
        (END, "no window"),
        (Event(id="a", label="a", forms=(), unit=H, window=(0, 0)), "0 h after infusion"),
        (Event(id="a", label="a", forms=(), unit=H, window=(0.5, 1.5)),
         "0.5 h to 1.5 h after infusion"),
        (Event(id="a", label="a", forms=(), unit=H, window=(-6, -2)),
         "6 h to 2 h before infusion"),
        (Event(id="a", label="a", forms=(), unit=H, window=(-1, -1)), "1 h before infusion"),
        (Event(id="a", label="a", forms=(), unit=H, window=(-1, 2)),
         "1 h before to 2 h after infusion"),
        (Event(id="a", label="a", forms=(), unit=D, window=(-0.0, 0.0)), "day 0"),
    ],
)
def test_describe_window(event: Event, text: str) -> None:
    assert plan_one(event).describe_window() == text
    assert plan_one(event, anchor=None).describe_window() == text


def test_describe_window_anchor_label() -> None:
    assert plan_one(H72).describe_window("infusion start") == "48 h to 96 h after infusion start"


def test_describe_window_without_unit() -> None:
    p = VisitPlan(event_id="x", label="x", unit=None, target=None, window_start=None,
                  window_end=None, done_at=None, status=VisitStatus.UNSCHEDULED,
                  window=(1, 2))
    assert p.describe_window() == "1 to 2"


def test_visit_plan_defaults_and_frozen() -> None:
    p = VisitPlan(event_id="x", label="x", unit=None, target=None, window_start=None,
                  window_end=None, done_at=None, status=VisitStatus.UNSCHEDULED)
    assert p.window is None and p.done_date_only is False
    assert p.describe_window() == "no window"
    with pytest.raises(AttributeError):
        p.status = VisitStatus.DONE  # type: ignore[misc]


# ---------------------------------------------------------------- properties


@given(st.integers(min_value=-2 * 24 * 60, max_value=8 * 24 * 60))
def test_hours_in_window_iff_within_offsets(minutes: int) -> None:
    done = ANCHOR + timedelta(minutes=minutes)
    inside = 48 * 60 <= minutes <= 96 * 60
    expected = VisitStatus.DONE_IN_WINDOW if inside else VisitStatus.DONE_OUT_OF_WINDOW
    assert plan_one(H72, done).status is expected


@given(st.integers(min_value=0, max_value=120), st.times())
def test_days_in_window_iff_day_within_offsets(day: int, clock: time) -> None:
    inside = 53 <= day <= 67
    expected = VisitStatus.DONE_IN_WINDOW if inside else VisitStatus.DONE_OUT_OF_WINDOW
    assert plan_one(M2, on_day(day, clock)).status is expected
    assert plan_one(M2, DAY0 + timedelta(days=day)).status is expected


@given(st.integers(min_value=-30 * 24 * 60, max_value=120 * 24 * 60))
def test_pending_status_is_consistent_with_window(minutes: int) -> None:
    now = ANCHOR + timedelta(minutes=minutes)
    p = plan_one(M2, now=now)
    assert p.window_start is not None and p.window_end is not None
    if now > p.window_end:
        assert p.status is VisitStatus.OVERDUE
    elif now >= p.window_start:
        assert p.status is VisitStatus.IN_WINDOW
    elif now >= p.window_start - timedelta(days=14):
        assert p.status is VisitStatus.DUE
    else:
        assert p.status is VisitStatus.NOT_DUE
