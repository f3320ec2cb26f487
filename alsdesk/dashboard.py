"""Study-wide figures for the dashboard: enrolment, visits due and overdue, open queries,
serious adverse events, and one subject's ALSFRS-R total and FVC % predicted over time.

Which adverse event is serious, which subject counts as enrolled and which visit is due are
decided here, once, so the screen, a report and the CLI agree. Fields are found through the
study definition (CDASH names, the eligibility inputs, the visit-date binding), never by a
field id written in code.

Study-wide figures are read with a few bulk queries (10,000 subjects in about the time of the
bulk schedule read); a progression curve is read for one subject at a time, when it is shown.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from alsdesk import datefmt, overview
from alsdesk.clinical.schedule import VisitPlan, VisitStatus
from alsdesk.i18n import tr
from alsdesk.states import FormStatus, QueryStatus, SubjectStatus
from alsdesk.study.model import Derived, EventKind, Form, TimeUnit

if TYPE_CHECKING:
    from alsdesk.safety.sae import SaeClock
    from alsdesk.store.core import Store

__all__ = [
    "DueVisit", "SeriousEvent", "ProgressPoint", "Summary", "enrolled_count", "visits_due",
    "serious_events", "progression", "charted_subjects", "summary", "when_text",
    "target_offset", "query_counts",
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
    unit: TimeUnit | None = None  # hours: the window is clock times; days: whole dates


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
    open_queries: int  # raised and waiting for the site's answer
    serious: tuple[SeriousEvent, ...]
    answered_queries: int = 0  # answered, waiting for the monitor to close them
    due_ahead_days: float = 14  # "due": the window opens within this many days
    charted: tuple[str, ...] = ()  # subjects with a visit to chart, by code (the chooser)
    shown: str | None = None  # the subject whose curve is loaded below (None: nobody charted)
    curve: tuple[ProgressPoint, ...] = ()  # that subject's progression, the only one read
    # the SAE clock of every serious event (alsdesk.safety.sae): what report is due when
    sae: tuple["SaeClock", ...] = ()


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
        if offset is None:
            return text
        return tr("{when} ({offset:g} h)").format(when=text, offset=offset)
    return plan.target.strftime("%Y-%m-%d")


def query_counts(store: "Store") -> dict[QueryStatus, int]:
    """How many queries are open, answered and closed (every status present, 0 if none)."""
    counts = dict.fromkeys(QueryStatus, 0)
    for status, n in store.conn.execute("SELECT status, count(*) FROM queries GROUP BY status"):
        counts[QueryStatus(status)] = n
    return counts


def _ever_enrolled(store: "Store", code: str) -> bool:
    from alsdesk.store import audit

    return any(r["new_value"] == SubjectStatus.ENROLLED.value
               for r in audit.rows(store.conn, action="subject.status", subject=code))


def enrolled_count(store: "Store") -> int:
    """Subjects enrolled so far (still followed, completed, died, or withdrawn after enrolment)."""
    count = 0
    for code, status in _statuses(store):
        if status in _ENROLLED or (status is SubjectStatus.WITHDRAWN
                                   and _ever_enrolled(store, code)):
            count += 1
    return count


def _statuses(store: "Store") -> list[tuple[str, SubjectStatus]]:
    """(code, status) of every subject in number order: one light query."""
    return [(code, SubjectStatus(status)) for code, status in
            store.conn.execute("SELECT code, status FROM subjects ORDER BY number")]


def visits_due(store: "Store", now: datetime | None = None
               ) -> tuple[list[DueVisit], list[DueVisit]]:
    """(due or in window, overdue) visits of every subject still followed, soonest first.

    "Due" is the schedule's own verdict: the window opens within `due_ahead_days`.
    """
    now = now or datetime.now()
    due: list[DueVisit] = []
    overdue: list[DueVisit] = []
    schedules = overview.all_schedules(store, now)
    for code, status in _statuses(store):
        if status not in _FOLLOWED:
            continue
        for plan in schedules[code]:
            item = DueVisit(code, plan.event_id, plan.label, plan.status, plan.target,
                            plan.window_start, plan.window_end, when_text(plan), plan.unit)
            if plan.status in (VisitStatus.DUE, VisitStatus.IN_WINDOW):
                due.append(item)
            elif plan.status is VisitStatus.OVERDUE:
                overdue.append(item)
    key = lambda d: d.window_start or datetime.max  # noqa: E731
    return sorted(due, key=key), sorted(overdue, key=key)


def _by_cdash(form: Form, name: str):
    return next((f for f in form.fields if f.cdash == name), None)


def serious_events(store: "Store", subject: str | None = None) -> list[SeriousEvent]:
    """Adverse events recorded as serious (CDASH AESER = Y), of one subject or all.

    One query per running-log form with an AESER field (the AE log in this study), in subject
    number then entry order. Entries whose status is deleted do not count.
    """
    found: list[tuple[int, int, SeriousEvent]] = []
    for form_id in dict.fromkeys(store.study.log_forms):
        form = store.study.form(form_id)
        ser = _by_cdash(form, "AESER")
        if ser is None:
            continue
        shown = [_by_cdash(form, name) for name in ("AETERM", "AESTDAT", "AEOUT")]
        cols = ", ".join(f'f."{f.id}"' if f is not None else "NULL" for f in shown)
        sql = (f'SELECT s.number, fi.id, s.code, {cols} FROM "{form.id}" f '
               "JOIN form_instances fi ON fi.id = f.instance_id "
               "JOIN subjects s ON s.id = fi.subject_id "
               f"WHERE upper(f.\"{ser.id}\") = 'Y' AND fi.status != ?")
        params: list[Any] = [FormStatus.DELETED.value]
        if subject:
            sql += " AND s.code = ?"
            params.append(subject)
        for number, iid, code, *values in store.conn.execute(sql, params):
            term, start, outcome = (datefmt.shown_value(f, v) if f is not None else ""
                                    for f, v in zip(shown, values))
            found.append((number, iid,
                          SeriousEvent(code, iid, term or tr("(no term)"), start, outcome)))
    return [event for *_, event in sorted(found, key=lambda row: row[:2])]


def _measures(store: "Store") -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """(form, id) of what the dashboard charts: the bindings alsfrs_total and fvc_pct."""
    found = []
    for name in ("alsfrs_total", "fvc_pct"):
        parts = store.study.binding(name) if name in store.study.bindings else ()
        found.append((parts[-2], parts[-1]) if len(parts) >= 2 else None)
    return found[0], found[1]


def _chartable(store: "Store") -> bool:
    total_ref, fvc_ref = _measures(store)
    return "visit_date" in store.study.bindings and (total_ref, fvc_ref) != (None, None)


def _with_only(form: Form, name: str) -> Form:
    """The form with only the derived value `name` and those of the same form it reads.

    Computing one value then looks up no other form unless that value itself needs one
    (the ALSFRS-R total reads only q1..q12, while Delta-FS would read the onset date).
    """
    by_id: dict[str, Derived] = {d.id: d for d in form.derived}
    keep: set[str] = set()
    todo = [name]
    while todo:
        d = by_id.get(todo.pop())
        if d is None or d.id in keep:
            continue
        keep.add(d.id)
        for ref in d.inputs:
            parts = ref.split(".")
            if len(parts) == 1 or parts[-2] == form.id:
                todo.append(parts[-1])
    return dataclasses.replace(form, derived=tuple(d for d in form.derived if d.id in keep))


def progression(store: "Store", subject: str) -> list[ProgressPoint]:
    """ALSFRS-R total and FVC % predicted at each visit that has either, in date order.

    A visit without a recorded visit date is left out: it cannot be placed in time. One
    query reads the subject's visit dates and measures (a charted derived value that read
    another form would read that form as well; the ALSFRS-R total does not).
    """
    study = store.study
    if not _chartable(store):
        return []
    total_ref, fvc_ref = _measures(store)
    sv_form, sv_field = study.binding("visit_date")[-2:]
    refs = {"total": total_ref, "fvc": fvc_ref}
    # the columns read from each form: a stored measure alone, or every field of a form whose
    # measure is derived (the derivation needs the form's values)
    wanted: dict[str, list[str]] = {sv_form: [sv_field]}
    derived: dict[str, tuple[Form, str]] = {}
    for ref in refs.values():
        if ref is None:
            continue
        form = study.form(ref[0])
        if ref[1] in form.field_ids:
            wanted.setdefault(ref[0], []).append(ref[1])
        else:
            wanted.setdefault(ref[0], []).extend(form.field_ids)
            derived[ref[0] + "." + ref[1]] = (_with_only(form, ref[1]), ref[1])
    forms = list(wanted)
    cols, joins, slices = [], [], {}
    for i, form_id in enumerate(forms):
        names = list(dict.fromkeys(wanted[form_id]))
        slices[form_id] = (len(cols), names)
        cols += [f't{i}."{n}"' for n in names]
        joins.append(f'LEFT JOIN "{form_id}" t{i} ON fi.form = ? AND t{i}.instance_id = fi.id')
    sql = (f"SELECT fi.event, fi.event_repeat, fi.form, {', '.join(cols)} "
           f"FROM form_instances fi {' '.join(joins)} "
           "WHERE fi.subject_id = (SELECT id FROM subjects WHERE code = ?) "
           f"AND fi.form IN ({', '.join('?' * len(forms))}) AND fi.status != ? ORDER BY fi.id")
    rows = store.conn.execute(sql, (*forms, subject, *forms, FormStatus.DELETED.value))
    visits = {e.id for e in study.events if e.kind is EventKind.VISIT}
    deriver = None
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for event, repeat, form_id, *row in rows:
        if event not in visits:
            continue
        first, names = slices[form_id]
        values = {n: v for n, v in zip(names, row[first:first + len(names)]) if v is not None}
        key = (event, repeat)
        for name, ref in refs.items():
            if ref is None or ref[0] != form_id:
                continue
            if ref[1] in study.form(form_id).field_ids:
                value = values.get(ref[1])
            else:
                if deriver is None:
                    deriver = overview.deriver(store, subject)
                form, field_id = derived[form_id + "." + ref[1]]
                value = deriver.compute(form, event, values)[field_id].value
            found.setdefault(key, {})[name] = value
        if form_id == sv_form:
            found.setdefault(key, {})["when"] = overview.parse_moment(values.get(sv_field))
    points = []
    for (event_id, repeat), got in found.items():
        when = got.get("when")
        if when is None or (got.get("total") is None and got.get("fvc") is None):
            continue
        label = study.event(event_id).label + (f" {repeat}" if repeat > 1 else "")
        day = when.date() if isinstance(when, datetime) else when
        points.append(ProgressPoint(event_id, repeat, label, day, got.get("total"),
                                    got.get("fvc")))
    return sorted(points, key=lambda p: p.when)


def charted_subjects(store: "Store") -> dict[str, int]:
    """Subjects with visits to chart: code -> how many visits have a date and a measure.

    One query for all subjects, without building any curve. A derived measure (the ALSFRS-R
    total) counts when its form is there, so the count is the most `progression` can give:
    exact unless a form lacks an item the total needs.
    """
    study = store.study
    if not _chartable(store):
        return {}
    total_ref, fvc_ref = _measures(store)
    sv_form, sv_field = study.binding("visit_date")[-2:]
    visits = [e.id for e in study.events if e.kind is EventKind.VISIT]
    params: dict[str, Any] = {"deleted": FormStatus.DELETED.value}
    params.update((f"e{i}", event) for i, event in enumerate(visits))
    tables: dict[str, str] = {}  # form -> alias of its LEFT JOIN (only forms with a column read)

    def column(form_id: str, field_id: str) -> str:
        if form_id not in tables:
            tables[form_id] = f"t{len(tables)}"
            params[f"f{tables[form_id]}"] = form_id
        return f'{tables[form_id]}."{field_id}"'

    def on_form(form_id: str) -> str:
        key = f"form{len(params)}"
        params[key] = form_id
        return f"fi.form = :{key}"

    # parse_moment places a text of 10 characters or more (a date, or a date and time)
    dated = f'{on_form(sv_form)} AND length({column(sv_form, sv_field)}) >= 10'
    measured = []
    for form_id, name in (ref for ref in (total_ref, fvc_ref) if ref is not None):
        if name in study.form(form_id).field_ids:
            measured.append(f"({on_form(form_id)} AND {column(form_id, name)} IS NOT NULL)")
        else:
            measured.append(f"{on_form(form_id)}")
    forms = list(dict.fromkeys([sv_form] + [r[0] for r in (total_ref, fvc_ref) if r]))
    params.update((f"in{i}", form_id) for i, form_id in enumerate(forms))
    joins = " ".join(f'LEFT JOIN "{form_id}" {alias} ON fi.form = :f{alias} '
                     f"AND {alias}.instance_id = fi.id" for form_id, alias in tables.items())
    # one row per visit of a subject: has it a date, has it a measure
    per_visit = (
        f"SELECT fi.subject_id AS sid, max({dated}) AS dated, "
        f"max({' OR '.join(measured)}) AS measured FROM form_instances fi {joins} "
        f"WHERE fi.form IN ({', '.join(f':in{i}' for i in range(len(forms)))}) "
        f"AND fi.status != :deleted "
        f"AND fi.event IN ({', '.join(f':e{i}' for i in range(len(visits)))}) "
        "GROUP BY fi.subject_id, fi.event, fi.event_repeat")
    return dict(store.conn.execute(
        f"SELECT s.code, count(*) FROM ({per_visit}) v JOIN subjects s ON s.id = v.sid "
        "WHERE v.dated AND v.measured GROUP BY v.sid", params))


# Curves read at most while looking for the subject to show first (each is one query).
_MAX_TRIES = 25


def _followed_longest(store: "Store", counts: dict[str, int]
                      ) -> tuple[str | None, list[ProgressPoint]]:
    """The subject with the most charted visits (the first by code on a tie) and its curve.

    Subjects are tried from the highest count down; a count is an upper bound, so the search
    stops as soon as no later subject can have more points than the best curve found.
    """
    best: str | None = None
    best_curve: list[ProgressPoint] = []
    for tries, code in enumerate(sorted(counts, key=lambda c: (-counts[c], c))):
        if best is not None and (tries >= _MAX_TRIES or counts[code] < len(best_curve)
                                 or (counts[code] == len(best_curve) and code > best)):
            break
        curve = progression(store, code)
        if curve and (best is None or len(curve) > len(best_curve)
                      or (len(curve) == len(best_curve) and code < best)):
            best, best_curve = code, curve
    return best, best_curve


def summary(store: "Store", now: datetime | None = None, subject: str | None = None
            ) -> Summary:
    """Everything the dashboard shows, in one call (run it in a worker thread).

    The progression curve is read for one subject only: `subject` when it has visits to
    chart (the one already on screen), otherwise the subject followed longest.
    """
    due, overdue = visits_due(store, now)
    queries = query_counts(store)
    counts = charted_subjects(store)
    if subject is not None and subject in counts:
        shown, curve = subject, progression(store, subject)
    else:
        shown, curve = _followed_longest(store, counts)
    return Summary(
        enrolled=enrolled_count(store),
        target=store.study.target_enrolment,
        due=tuple(due),
        overdue=tuple(overdue),
        open_queries=queries[QueryStatus.OPEN],
        serious=tuple(serious_events(store)),
        answered_queries=queries[QueryStatus.ANSWERED],
        due_ahead_days=overview.due_ahead_days(store.study.parameters),
        charted=tuple(sorted(counts)),
        shown=shown,
        curve=tuple(curve),
        sae=tuple(_sae_clocks(store, now)),
    )


def _sae_clocks(store: "Store", now: datetime | None) -> list["SaeClock"]:
    from alsdesk.safety.sae import sae_clocks

    return sae_clocks(store, now)
