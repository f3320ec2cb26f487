"""Subject-level views computed from stored data: derived values, eligibility, schedule.

These are the calls the GUI, the PDF casebook and the CLI share, so a stage, an eligibility
verdict or a visit status is decided in one place.
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Mapping

from alsdesk import datefmt
from alsdesk.clinical.eligibility import EligibilityResult
from alsdesk.clinical.schedule import VisitPlan, VisitStatus, next_due, plan_visits
from alsdesk.states import QueryStatus, SubjectStatus
from alsdesk.derive import Deriver, DerivedValue
from alsdesk.i18n import tr
from alsdesk.study.model import EventKind

if TYPE_CHECKING:
    from alsdesk.study.model import Study
    from alsdesk.store.core import Store


def form_values(store: "Store", subject: str, event: str, form: str) -> Mapping[str, Any]:
    """Stored values of a once-per-visit form (empty when not entered or deleted)."""
    rec = store.forms.get(subject, event, form)
    return {} if rec.status.value == "deleted" else rec.values


def deriver(store: "Store", subject: str, study: "Study | None" = None) -> Deriver:
    """A Deriver that looks up the subject's other forms in the store; `study`: the version
    of the definition to compute under (the store's own by default)."""
    cache: dict[tuple[str, str], Mapping[str, Any]] = {}

    def lookup(event: str, form: str) -> Mapping[str, Any]:
        if (event, form) not in cache:
            ev = store.study.event(event)
            cache[(event, form)] = form_values(store, subject, event, form) if form in ev.forms else {}
        return cache[(event, form)]

    from alsdesk.safety.ctcae import terms_of  # read once per store, at the first use

    return Deriver(study or store.study, lookup, terms_of(store))


def _version_study(store: "Store", version: int | None) -> "Study | None":
    """The definition a stored form was last changed under, when it is not the one in force:
    its derived values read that version's parameters (an amendment's new age limit must not
    make a subject infused under the old one read "not eligible" on its old pages)."""
    if version is None or version == store.study_version:
        return None
    from alsdesk.store.definitions import study_at

    return study_at(store.conn, version)


def derived(store: "Store", subject: str, event: str, form: str,
            values: Mapping[str, Any] | None = None, *, event_repeat: int = 1,
            repeat: int = 1, version: int | None = None) -> dict[str, DerivedValue]:
    """Derived values of one form; `values` are what is on screen (default: stored);
    `version`: the definition version the values were saved under (a printed old form),
    else the one in force (what is being typed is saved under it)."""
    study = _version_study(store, version)
    fdef = (study or store.study).form(form)
    if values is None:
        values = store.forms.get(subject, event, form, event_repeat=event_repeat,
                                 repeat=repeat).values
    return deriver(store, subject, study).compute(fdef, event, values)


def eligibility(store: "Store", subject: str) -> EligibilityResult | None:
    """The eligibility verdict computed from the screening forms (None if not defined)."""
    for event in store.study.events:
        for form_id in event.forms:
            fdef = store.study.form(form_id)
            for d in fdef.derived:
                if d.function == "eligibility":
                    rec = store.forms.get(subject, event.id, form_id)
                    study = _version_study(store, rec.crf_changed if rec.instance_id else None)
                    if study is not None and form_id in study.forms:
                        fdef = study.form(form_id)  # judged by the version it was saved under
                    values = form_values(store, subject, event.id, form_id)
                    return deriver(store, subject, study).compute(fdef, event.id, values)[
                        d.id].value
    return None


def parse_moment(value: Any) -> datetime | date | None:
    """A stored date or date-time text as a date or datetime (partial dates give None)."""
    if value is None:
        return None
    text = str(value)
    if len(text) > 10:
        return datetime.fromisoformat(text)
    if len(text) == 10:
        return date.fromisoformat(text)
    return None


def schedule(store: "Store", subject: str, now: datetime | None = None) -> list[VisitPlan]:
    """The subject's visit plan: target, window and status of each scheduled visit."""
    return all_schedules(store, now, only=subject)[subject]


def _plans(study, anchor_value: Any, done_values: Mapping[str, Any], status: SubjectStatus,
           now: datetime | None, entered: Mapping[str, Any] | None = None) -> list[VisitPlan]:
    moment = parse_moment(anchor_value)
    anchor = None
    if isinstance(moment, datetime):
        anchor = moment
    elif isinstance(moment, date):
        anchor = datetime.combine(moment, datetime.min.time())
    done = {event: parse_moment(value) for event, value in done_values.items()}
    # A visit done is judged by the window of the definition it was entered under: an
    # amendment that moves a window does not turn visits done before it into deviations.
    events = [entered[e.id] if entered and e.id in entered and done.get(e.id) is not None
              else e for e in study.events]
    plans = plan_visits(events, anchor, done, now or datetime.now(),
                        _due_ahead(study.parameters), study.anchor_words)
    if status in _LEFT_STUDY:
        # Visits not done by a subject who has left are not expected, never "overdue".
        plans = [p if p.is_done else dataclasses.replace(p, status=VisitStatus.ENDED)
                 for p in plans]
    return plans


def all_schedules(store: "Store", now: datetime | None = None, *, study=None,
                  as_entered: bool = True, only: str | None = None
                  ) -> dict[str, list[VisitPlan]]:
    """Every subject's visit plan (or `only` one's), read with three queries (lists and the
    dashboard). `study`: as another definition would plan them (an amendment's impact);
    `as_entered=False`: every visit judged by that definition's windows."""
    from alsdesk.store.definitions import study_at, version_column

    study = study or store.study
    conn = store.conn
    who, args = ("WHERE code = ?", (only,)) if only is not None else ("", ())
    statuses = {code: SubjectStatus(status) for code, status in conn.execute(
        f"SELECT code, status FROM subjects {who}", args)}
    if only is not None and only not in statuses:
        store.subjects.get(only)  # its own words for a subject that is not there
    anchors: dict[str, Any] = {}
    done: dict[str, dict[str, Any]] = {code: {} for code in statuses}
    entered: dict[str, dict[str, Any]] = {code: {} for code in statuses}
    join = ("JOIN form_instances fi ON fi.id = f.instance_id JOIN subjects s ON "
            "s.id = fi.subject_id WHERE fi.event_repeat = 1 AND fi.repeat = 1 AND "
            "fi.status != 'deleted'" + (" AND s.code = ?" if only is not None else ""))
    if "anchor" in study.bindings:
        ev, form, field = study.binding("anchor")
        anchors = dict(conn.execute(
            f'SELECT s.code, f."{field}" FROM "{form}" f {join} AND fi.event = ?',
            (*args, ev)))
    if "visit_date" in study.bindings:
        form, field = study.binding("visit_date")[-2:]
        visits = {e.id for e in study.events if e.kind is EventKind.VISIT and form in e.forms}
        version_of = version_column(conn, "crf_entered")
        for code, event, value, version in conn.execute(
                f'SELECT s.code, fi.event, f."{field}", {version_of} FROM "{form}" f {join}',
                args):
            if event in visits:
                done[code][event] = value
                if as_entered and version != store.study_version:
                    old = study_at(conn, version)
                    if any(e.id == event for e in old.events):
                        entered[code][event] = old.event(event)
    return {code: _plans(study, anchors.get(code), done[code], status, now, entered[code])
            for code, status in statuses.items()}


def next_visit_texts(store: "Store", now: datetime | None = None) -> dict[str, str]:
    """Every subject's next visit text (the subject list)."""
    fmt = datefmt.site_format(store)
    labels = _shown_labels(store)
    return {code: plan_text(next_due(plans), fmt, labels)
            for code, plans in all_schedules(store, now).items()}


_LEFT_STUDY = (SubjectStatus.SCREEN_FAILURE, SubjectStatus.COMPLETED, SubjectStatus.WITHDRAWN,
               SubjectStatus.DIED)


def due_ahead_days(params: Mapping[str, float]) -> float:
    """How many days before its window opens a visit is "due" (study parameter)."""
    return float(params.get("due_ahead_days", 14))


def _due_ahead(params: Mapping[str, float]) -> timedelta:
    return timedelta(days=due_ahead_days(params))


def next_visit_text(store: "Store", subject: str, now: datetime | None = None) -> str:
    """"Month 2 01/MAR/2015 (in window)" or "" when nothing is scheduled."""
    return plan_text(next_due(schedule(store, subject, now)), datefmt.site_format(store),
                     _shown_labels(store))


def _shown_labels(store: "Store") -> dict[str, str]:
    """The events' labels in the language texts are shown in (alsdesk.i18n)."""
    from alsdesk.i18n import language
    from alsdesk.study.translation import localized

    return {e.id: e.label for e in localized(store.study, language()).events}


def plan_text(plan: VisitPlan | None, fmt: str = datefmt.DEFAULT_FORMAT,
              labels: Mapping[str, str] | None = None) -> str:
    """One visit as "Month 2 01/MAR/2015 (in window)" (dates in `fmt`, the site's format;
    `labels`: the events' labels to show, the plan's own by default); "" for None or an
    unscheduled one."""
    if plan is None or plan.window_start is None:
        return ""
    moment = plan.target or plan.window_end
    when = datefmt.shown_datetime(moment, fmt) if plan.unit and plan.unit.value == "hours" \
        else datefmt.shown_date(moment, fmt)
    label = (labels or {}).get(plan.event_id, plan.label)
    return f"{label} {when} ({plan.status.shown})"



@dataclasses.dataclass(frozen=True)
class QueryFlag:
    """The queries not closed on one form of a visit: open ones need the site, answered
    ones wait for the monitor."""

    open: int = 0
    answered: int = 0
    fields: tuple[str, ...] = ()  # the fields queried (open first), for the tool tip

    @property
    def text(self) -> str:
        """"2 open queries, 1 answered", "1 answered query" or "" when nothing is pending."""
        if self.open:
            if self.answered:
                text = (tr("{open} open query, {answered} answered") if self.open == 1
                        else tr("{open} open queries, {answered} answered"))
                return text.format(open=self.open, answered=self.answered)
            return (tr("{n} open query") if self.open == 1
                    else tr("{n} open queries")).format(n=self.open)
        if not self.answered:
            return ""
        return (tr("{n} answered query") if self.answered == 1
                else tr("{n} answered queries")).format(n=self.answered)


def query_flags(store: "Store", subject: str) -> dict[tuple[str, int, str], QueryFlag]:
    """(event, event repeat, form) -> its open and answered queries, for one subject.

    Forms without a pending query are absent; closed queries do not count.
    """
    found: dict[tuple[str, int, str], list] = {}
    for q in store.queries.list(subject=subject):
        if q.status is QueryStatus.CLOSED:
            continue
        found.setdefault((q.event, q.event_repeat, q.form), []).append(q)
    flags = {}
    for place, queries in found.items():
        queries.sort(key=lambda q: (q.status is not QueryStatus.OPEN, q.id))
        flags[place] = QueryFlag(
            open=sum(q.status is QueryStatus.OPEN for q in queries),
            answered=sum(q.status is QueryStatus.ANSWERED for q in queries),
            fields=tuple(dict.fromkeys(q.field for q in queries if q.field)))
    return flags
