"""Visit schedule: where each planned visit falls relative to the infusion, and its status.

Every target and window in the study definition is an offset from one anchor, the infusion
start (Event.anchor). Two units, with different meanings of "inside the window":

* HOURS: exact clock offsets, inclusive at both ends, compared to the minute. A [48, 96]
  window after an infusion at 10:00 on day 0 opens at 10:00 on day 2 and closes at 10:00
  on day 4; 10:00:59 on day 4 is still inside, 10:01 is not. Seconds are dropped because
  date-times are entered to the minute.
* DAYS: whole calendar days counted from the anchor's date, whatever the infusion time. A
  [53, 67] window opens at 00:00 on day 53 and closes at 23:59:59.999999 on day 67, so a
  visit at any time on day 67 is in the window.

A visit recorded with a date only (no time) counts as 12:00 that day. For DAYS windows this
is the same as judging by the day. For HOURS windows a date-only visit is judged by whole
day: it is in the window when that day overlaps the window at all, because we cannot know
it was outside.

All date-times are the clinic's local time, all naive (or all timezone-aware); mixing the
two is refused.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum

from alsdesk.states import Shown
from alsdesk.errors import ClinicalError
from alsdesk.i18n import tr
from alsdesk.study.model import Event, EventKind, TimeUnit

__all__ = ["VisitStatus", "VisitPlan", "plan_visits", "next_due"]

DATE_ONLY_TIME = time(12, 0)


class VisitStatus(Shown, str, Enum):
    """Where a planned visit stands relative to its window and to now."""

    NOT_DUE = "not due"
    DUE = "due"  # window opens within due_ahead
    IN_WINDOW = "in window"
    OVERDUE = "overdue"  # window closed, visit not done
    DONE_IN_WINDOW = "done in window"
    DONE_OUT_OF_WINDOW = "done out of window"
    DONE = "done"  # done, but there is no window to judge it against
    UNSCHEDULED = "not scheduled"  # no window, or no anchor (infusion) yet
    ENDED = "not expected"  # the subject left the study before this visit


def _fmt(value: float) -> str:
    # + 0.0 turns -0.0 into 0.0 so day 0 never prints as "day -0".
    return f"{value + 0.0:g}"


@dataclass(frozen=True)
class VisitPlan:
    """One planned visit: its target, window, when it was done, and its status.

    ``window`` keeps the offsets as defined (in ``unit``) so the window can be described
    before the infusion has happened. ``done_date_only`` is True when the visit was recorded
    with a date only; ``done_at`` is then that day at 12:00.
    """

    event_id: str
    label: str
    unit: TimeUnit | None
    target: datetime | None
    window_start: datetime | None
    window_end: datetime | None
    done_at: datetime | None
    status: VisitStatus
    window: tuple[float, float] | None = None
    done_date_only: bool = False
    anchor_name: str = "infusion"  # how the window's words name the anchor

    @property
    def is_done(self) -> bool:
        """True when the visit has been recorded as done."""
        return self.done_at is not None

    def describe_window(self, anchor_label: str | None = None) -> str:
        """The window in words: "48 h to 96 h after infusion" or "day 53 to day 67".

        Day numbers count from the anchor's date (day 0). "no window" when there is none.
        In the language in use (a check's message, kept as a query's text, takes it in
        English: alsdesk.rules.context.VisitWindow.describe).
        """
        if self.window is None:
            return tr("no window")
        anchor_label = anchor_label or self.anchor_name
        low, high = self.window
        if self.unit is TimeUnit.DAYS:
            if low == high:
                return tr("day {day}").format(day=_fmt(low))
            return tr("day {first} to day {last}").format(first=_fmt(low), last=_fmt(high))
        if self.unit is TimeUnit.HOURS:
            if low >= 0:
                if low == high:
                    return tr("{hours} h after {anchor}").format(hours=_fmt(low),
                                                                 anchor=anchor_label)
                return tr("{first} h to {last} h after {anchor}").format(
                    first=_fmt(low), last=_fmt(high), anchor=anchor_label)
            if high <= 0:
                if low == high:
                    return tr("{hours} h before {anchor}").format(hours=_fmt(-low),
                                                                  anchor=anchor_label)
                return tr("{first} h to {last} h before {anchor}").format(
                    first=_fmt(-low), last=_fmt(-high), anchor=anchor_label)
            return tr("{first} h before to {last} h after {anchor}").format(
                first=_fmt(-low), last=_fmt(high), anchor=anchor_label)
        return tr("{first} to {last}").format(first=_fmt(low), last=_fmt(high))


def _to_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _offset(anchor: datetime, unit: TimeUnit, amount: float) -> datetime:
    """The target moment ``amount`` units after the anchor (midnight of the day for DAYS)."""
    if unit is TimeUnit.HOURS:
        return _to_minute(anchor) + timedelta(hours=amount)
    midnight = datetime.combine(anchor.date(), time.min, tzinfo=anchor.tzinfo)
    return midnight + timedelta(days=amount)


def _window(event: Event, anchor: datetime) -> tuple[datetime, datetime]:
    assert event.window is not None and event.unit is not None
    low, high = event.window
    if event.unit is TimeUnit.HOURS:
        return _offset(anchor, event.unit, low), _offset(anchor, event.unit, high)
    if not (float(low).is_integer() and float(high).is_integer()):
        raise ClinicalError(
            tr("visit {visit}: a window in days must use whole days, not {low} to {high}")
            .format(visit=repr(event.label), low=low, high=high))
    first = anchor.date() + timedelta(days=int(low))
    last = anchor.date() + timedelta(days=int(high))
    return (datetime.combine(first, time.min, tzinfo=anchor.tzinfo),
            datetime.combine(last, time.max, tzinfo=anchor.tzinfo))


def _done_moment(value: datetime | date | None, event: Event,
                 tz: tzinfo | None) -> tuple[datetime | None, bool]:
    """(moment the visit counts as done, was only a date given?)."""
    if value is None:
        return None, False
    if isinstance(value, datetime):
        return value, False
    if isinstance(value, date):
        return datetime.combine(value, DATE_ONLY_TIME, tzinfo=tz), True
    raise ClinicalError(tr("visit {visit}: done {value} is not a date or a date-time").format(
        visit=repr(event.label), value=repr(value)))


def _done_status(event: Event, done_at: datetime, date_only: bool,
                 start: datetime, end: datetime) -> VisitStatus:
    if date_only and event.unit is TimeUnit.HOURS:
        inside = start.date() <= done_at.date() <= end.date()
    elif event.unit is TimeUnit.HOURS:
        inside = start <= _to_minute(done_at) <= end
    else:
        inside = start <= done_at <= end
    return VisitStatus.DONE_IN_WINDOW if inside else VisitStatus.DONE_OUT_OF_WINDOW


def _pending_status(event: Event, now: datetime, start: datetime, end: datetime,
                    due_ahead: timedelta) -> VisitStatus:
    if event.unit is TimeUnit.HOURS:
        # Same minute resolution as a recorded visit, so "now" agrees with what would be saved.
        now = _to_minute(now)
    if now > end:
        return VisitStatus.OVERDUE
    if start <= now:
        return VisitStatus.IN_WINDOW
    if start - due_ahead <= now:
        return VisitStatus.DUE
    return VisitStatus.NOT_DUE


def _plan(event: Event, anchor: datetime | None, done_value: datetime | date | None,
          now: datetime, due_ahead: timedelta, anchor_name: str) -> VisitPlan:
    if event.window is not None and event.unit is None:
        raise ClinicalError(tr("visit {visit} has a window but no unit (hours or days)").format(
            visit=repr(event.label)))
    if event.window is not None and event.window[0] > event.window[1]:
        raise ClinicalError(
            tr("visit {visit}: the window opens ({opens}) after it closes ({closes})").format(
                visit=repr(event.label), opens=_fmt(event.window[0]),
                closes=_fmt(event.window[1])))
    tz = anchor.tzinfo if anchor is not None else now.tzinfo
    done_at, date_only = _done_moment(done_value, event, tz)
    target = None
    if anchor is not None and event.unit is not None and event.target is not None:
        target = _offset(anchor, event.unit, event.target)
    start: datetime | None = None
    end: datetime | None = None
    if anchor is None or event.window is None:
        status = VisitStatus.DONE if done_at is not None else VisitStatus.UNSCHEDULED
    else:
        start, end = _window(event, anchor)
        if done_at is not None:
            status = _done_status(event, done_at, date_only, start, end)
        else:
            status = _pending_status(event, now, start, end, due_ahead)
    return VisitPlan(event_id=event.id, label=event.label, unit=event.unit, target=target,
                     window_start=start, window_end=end, done_at=done_at, status=status,
                     window=event.window, done_date_only=date_only, anchor_name=anchor_name)


def _check_moments(anchor: datetime | None, now: datetime,
                   done: Mapping[str, datetime | date | None]) -> None:
    if not isinstance(now, datetime):
        raise ClinicalError(tr("the current time must be a date-time, not {value}").format(
            value=repr(now)))
    if anchor is not None and not isinstance(anchor, datetime):
        raise ClinicalError(tr("the infusion start must be a date-time, not {value}").format(
            value=repr(anchor)))
    moments = [now] + ([anchor] if anchor is not None else [])
    moments += [v for v in done.values() if isinstance(v, datetime)]
    if len({m.tzinfo is not None for m in moments}) > 1:
        raise ClinicalError(tr("date-times mix clinic local time with time-zone stamped times"))


def plan_visits(
    events: Sequence[Event],
    anchor: datetime | None,
    done: Mapping[str, datetime | date | None],
    now: datetime,
    due_ahead: timedelta = timedelta(days=14),
    anchor_name: str = "infusion",
) -> list[VisitPlan]:
    """Plan every non-repeating VISIT event (logs and repeating visits are skipped).

    ``anchor`` is the infusion start (None before the infusion); ``done`` maps event id to
    when the visit was done (a date counts as 12:00 that day); ``now`` is the current time.
    Without an anchor or a window a visit is DONE or UNSCHEDULED. Otherwise a done visit is
    DONE_IN_WINDOW or DONE_OUT_OF_WINDOW, and one not done is OVERDUE after the window,
    IN_WINDOW inside it, DUE within ``due_ahead`` before it opens, else NOT_DUE.
    Plans come back in the order of ``events``. Raises ClinicalError for a window without
    a unit, a window that closes before it opens, or a DAYS window in fractional days.
    """
    _check_moments(anchor, now, done)
    if due_ahead < timedelta(0):
        raise ClinicalError(tr("the 'due' warning period cannot be negative"))
    return [
        _plan(event, anchor, done.get(event.id), now, due_ahead, anchor_name)
        for event in events
        if event.kind is EventKind.VISIT and not event.repeating
    ]


def next_due(plans: Sequence[VisitPlan]) -> VisitPlan | None:
    """The not-done visit whose window opens first (overdue ones included), or None.

    Visits without a window (or before there is an anchor) are never "next due". Ties keep
    the order of ``plans``.
    """
    best: tuple[datetime, VisitPlan] | None = None
    for plan in plans:
        if plan.done_at is not None or plan.window_start is None:
            continue
        if plan.status is VisitStatus.ENDED:
            continue
        # Strict < keeps the first of equal windows.
        if best is None or plan.window_start < best[0]:
            best = (plan.window_start, plan)
    return best[1] if best is not None else None
