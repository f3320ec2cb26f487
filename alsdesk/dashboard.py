"""Study-wide figures for the dashboard: enrolment, visits due and overdue, open queries,
serious adverse events, and each subject's ALSFRS-R total and FVC % predicted over time.

Which adverse event is serious, which subject counts as enrolled and which visit is due are
decided here, once, so the screen, a report and the CLI agree. Fields are found through the
study definition (CDASH names, the eligibility inputs, the visit-date binding), never by a
field id written in code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from alsdesk import overview
from alsdesk.clinical.schedule import VisitPlan, VisitStatus
from alsdesk.states import FormStatus, SubjectStatus
from alsdesk.study import values as fv
from alsdesk.study.model import EventKind, Form, TimeUnit

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = [
    "DueVisit", "SeriousEvent", "ProgressPoint", "Summary", "enrolled_count", "visits_due",
    "serious_events", "progression", "summary", "when_text", "target_offset",
]

# A subject counts towards enrolment once enrolled, whatever happened afterwards.
_ENROLLED = (SubjectStatus.ENROLLED, SubjectStatus.COMPLETED, SubjectStatus.DIED)
_FOLLOWED = (SubjectStatus.SCREENING, SubjectStatus.ENROLLED)


@dataclass(frozen=True)
class DueVisit:
    """A visit that is due, in its window, or overdue."""

    subject: str
    event_id: str
    label: str
    status: VisitStatus
    target: datetime | None
    window_start: datetime | None
    window_end: datetime | None
    when: str  # target as shown: "2015-03-01", or "2015-03-01 10:00 (72 h)" for hour visits


@dataclass(frozen=True)
class SeriousEvent:
    """A serious adverse event from the running logs (status not deleted)."""

    subject: str
    instance_id: int
    term: str
    start: str  # as shown on screen ("" when not recorded)
    outcome: str


@dataclass(frozen=True)
class ProgressPoint:
    """One visit's ALSFRS-R total and FVC % predicted (either may be None)."""

    event_id: str
    event_repeat: int
    label: str
    when: date
    alsfrs_total: int | None
    fvc_pct: float | None


@dataclass(frozen=True)
class Summary:
    enrolled: int
    target: int
    due: tuple[DueVisit, ...]
    overdue: tuple[DueVisit, ...]
    open_queries: int
    serious: tuple[SeriousEvent, ...]
    progression: dict[str, tuple[ProgressPoint, ...]] = field(default_factory=dict)


def target_offset(plan: VisitPlan) -> float | None:
    """The target as an offset from the anchor in the plan's unit (72 for the 72 h visit)."""
    if plan.target is None or plan.window is None or plan.window_start is None:
        return None
    # window_start lies window[0] units after the anchor, so the target's offset follows
    seconds = (plan.target - plan.window_start).total_seconds()
    unit = 3600 if plan.unit is TimeUnit.HOURS else 86400
    return plan.window[0] + seconds / unit


def when_text(plan: VisitPlan) -> str:
    """A plan's target as shown: "2015-03-01", or "2015-03-01 10:00 (72 h)" for hour visits."""
    if plan.target is None:
        return ""
    if plan.unit is TimeUnit.HOURS:
        text = plan.target.strftime("%Y-%m-%d %H:%M")
        offset = target_offset(plan)
        return text + (f" ({offset:g} h)" if offset is not None else "")
    return plan.target.strftime("%Y-%m-%d")


def _ever_enrolled(store: "Store", code: str) -> bool:
    from alsdesk.store import audit

    return any(r["new_value"] == SubjectStatus.ENROLLED.value
               for r in audit.rows(store.conn, action="subject.status", subject=code))


def enrolled_count(store: "Store") -> int:
    """Subjects enrolled so far (still followed, completed, died, or withdrawn after enrolment)."""
    count = 0
    for s in store.subjects.list():
        if s.status in _ENROLLED or (s.status is SubjectStatus.WITHDRAWN
                                     and _ever_enrolled(store, s.code)):
            count += 1
    return count


def visits_due(store: "Store", now: datetime | None = None
               ) -> tuple[list[DueVisit], list[DueVisit]]:
    """(due or in window, overdue) visits of every subject still followed, soonest first.

    "Due" is the schedule's own verdict: the window opens within `due_ahead_days`.
    """
    now = now or datetime.now()
    due: list[DueVisit] = []
    overdue: list[DueVisit] = []
    schedules = overview.all_schedules(store, now)
    for s in store.subjects.list():
        if s.status not in _FOLLOWED:
            continue
        for plan in schedules[s.code]:
            item = DueVisit(s.code, plan.event_id, plan.label, plan.status, plan.target,
                            plan.window_start, plan.window_end, when_text(plan))
            if plan.status in (VisitStatus.DUE, VisitStatus.IN_WINDOW):
                due.append(item)
            elif plan.status is VisitStatus.OVERDUE:
                overdue.append(item)
    key = lambda d: d.window_start or datetime.max  # noqa: E731
    return sorted(due, key=key), sorted(overdue, key=key)


def _by_cdash(form: Form, name: str):
    return next((f for f in form.fields if f.cdash == name), None)


def serious_events(store: "Store", subject: str | None = None) -> list[SeriousEvent]:
    """Adverse events recorded as serious (CDASH AESER = Y), of one subject or all."""
    out: list[SeriousEvent] = []
    log_forms = {fid: store.study.form(fid) for fid in store.study.log_forms}
    codes = [subject] if subject else [s.code for s in store.subjects.list()]
    for code in codes:
        for inst in store.forms.instances(code):
            form = log_forms.get(inst.form)
            if form is None or inst.status is FormStatus.DELETED:
                continue
            ser = _by_cdash(form, "AESER")
            if ser is None:
                continue
            rec = store.forms.get_instance(inst.instance_id)
            if str(rec.values.get(ser.id, "")).upper() != "Y":
                continue
            out.append(SeriousEvent(code, inst.instance_id,
                                    _shown(form, "AETERM", rec.values) or "(no term)",
                                    _shown(form, "AESTDAT", rec.values),
                                    _shown(form, "AEOUT", rec.values)))
    return out


def _shown(form: Form, cdash: str, values: dict[str, Any]) -> str:
    f = _by_cdash(form, cdash)
    return fv.display(f, values.get(f.id)) if f is not None else ""


def _measures(store: "Store") -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """(form, id) of what the dashboard charts: the bindings alsfrs_total and fvc_pct."""
    found = []
    for name in ("alsfrs_total", "fvc_pct"):
        parts = store.study.binding(name) if name in store.study.bindings else ()
        found.append((parts[-2], parts[-1]) if len(parts) >= 2 else None)
    return found[0], found[1]


def _measure(store: "Store", subject: str, inst, rec, name: str) -> Any:
    """A field's stored value, or a derived value computed from the form's values."""
    if name in store.study.form(inst.form).field_ids:
        return rec.values.get(name)
    der = overview.derived(store, subject, inst.event, inst.form, rec.values,
                           event_repeat=inst.event_repeat)
    return der[name].value


def progression(store: "Store", subject: str) -> list[ProgressPoint]:
    """ALSFRS-R total and FVC % predicted at each visit that has either, in date order.

    A visit without a recorded visit date is left out: it cannot be placed in time.
    """
    total_ref, fvc_ref = _measures(store)
    if "visit_date" not in store.study.bindings or (total_ref is None and fvc_ref is None):
        return []
    sv_form, sv_field = store.study.binding("visit_date")[-2:]
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for inst in store.forms.instances(subject):
        if inst.status is FormStatus.DELETED:
            continue
        ev = store.study.event(inst.event)
        if ev.kind is not EventKind.VISIT:
            continue
        key = (inst.event, inst.event_repeat)
        for name, ref in (("total", total_ref), ("fvc", fvc_ref)):
            if ref and inst.form == ref[0]:
                rec = store.forms.get_instance(inst.instance_id)
                found.setdefault(key, {})[name] = _measure(store, subject, inst, rec, ref[1])
        if inst.form == sv_form:
            rec = store.forms.get_instance(inst.instance_id)
            found.setdefault(key, {})["when"] = overview.parse_moment(rec.values.get(sv_field))
    points = []
    for (event_id, repeat), got in found.items():
        when = got.get("when")
        if when is None or (got.get("total") is None and got.get("fvc") is None):
            continue
        label = store.study.event(event_id).label + (f" {repeat}" if repeat > 1 else "")
        day = when.date() if isinstance(when, datetime) else when
        points.append(ProgressPoint(event_id, repeat, label, day, got.get("total"),
                                    got.get("fvc")))
    return sorted(points, key=lambda p: p.when)


def summary(store: "Store", now: datetime | None = None) -> Summary:
    """Everything the dashboard shows, in one call (run it in a worker thread)."""
    due, overdue = visits_due(store, now)
    trends = {}
    for s in store.subjects.list():
        points = progression(store, s.code)
        if points:
            trends[s.code] = tuple(points)
    return Summary(
        enrolled=enrolled_count(store),
        target=store.study.target_enrolment,
        due=tuple(due),
        overdue=tuple(overdue),
        open_queries=store.queries.count_open(),
        serious=tuple(serious_events(store)),
        progression=trends,
    )
