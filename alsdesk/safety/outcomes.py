"""The trial's primary outcomes per subject: fever and a fall in the GCS within 72 h.

What counts is the study definition's ``[primary_outcomes]`` (alsdesk/study/safety_defs.py):
every temperature and GCS total it lists, from entries not deleted, placed in hours after
the infusion start (``bindings.anchor``). A reading's time may be known to the minute, only
to the day or month (a partial date), or not at all; each is held as the earliest and latest
hour it can have been taken, so a reading is in the window, outside it, or "may be in it".
A verdict is never made from a reading that may lie outside the window: such a reading can
only turn "no" into "not assessable".
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, Iterator

from alsdesk.i18n import tr
from alsdesk.states import Shown
from alsdesk.derive import Deriver
from alsdesk.states import FormStatus
from alsdesk.study.model import FieldType, Study
from alsdesk.safety.tables import start_cleared
from alsdesk.study.safety_defs import PrimaryOutcomes, Reading

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["Verdict", "Measure", "Outcome", "SubjectOutcomes", "OutcomesListing",
           "outcomes", "subject_outcomes", "hours_text"]


class Verdict(Shown, str, Enum):
    YES = "yes"
    NO = "no"
    NOT_ASSESSABLE = "not assessable"


@dataclass(frozen=True)
class Measure:
    """One reading: its value and the earliest and latest hour after the start it can have
    been taken (equal when the time is known; None: no bound)."""

    value: float | None
    earliest: float | None
    latest: float | None
    where: str  # event and form, as shown

    @property
    def timed(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    def inside(self, window: float) -> bool:
        return (self.earliest is not None and self.latest is not None
                and self.earliest >= 0 and self.latest <= window)

    def outside(self, window: float) -> bool:
        return ((self.latest is not None and self.latest < 0)
                or (self.earliest is not None and self.earliest > window))


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    value: float | None = None  # the highest temperature, the lowest GCS (in the window)
    at: str = ""  # when, as hours after the start ("14.5 h", "24-48 h")
    reference: float | None = None  # GCS: the total it is compared with
    reference_text: str = ""  # "before the infusion (-0.5 h)", "15, none before the infusion"
    readings: int = 0  # readings in the window
    note: str = ""  # why not assessable; readings not counted
    span: str = ""  # the first and last reading in the window ("0.0–71.0 h")


@dataclass(frozen=True)
class SubjectOutcomes:
    subject: str
    start: str  # the infusion start as stored
    fever: Outcome
    gcs: Outcome


@dataclass(frozen=True)
class OutcomesListing:
    rows: tuple[SubjectOutcomes, ...]
    not_infused: int  # subjects without an infusion start (not listed)
    window_hours: float
    fever_at: float
    gcs_expected: int | None

    def count(self, which: str, verdict: Verdict) -> int:
        return sum(getattr(r, which).verdict is verdict for r in self.rows)


def hours_text(m: Measure) -> str:
    """When a reading was taken, as hours after the infusion start."""
    if m.earliest is None or m.latest is None:
        return "time unknown"
    if m.timed:  # to the minute: 71 h 59 min is inside a 72 h window, 72.0 h reads as its edge
        minutes = round(m.earliest * 60)
        hours, rest = divmod(abs(minutes), 60)
        sign = "-" if minutes < 0 else ""
        if not hours:
            return f"{sign}{rest} min"
        return f"{sign}{hours} h {rest:02d} min" if rest else f"{sign}{hours} h"
    return f"{m.earliest:.0f}–{m.latest:.0f} h"


def _bounds(value: Any, anchor: datetime, kind: FieldType) -> tuple[float | None, float | None]:
    """Earliest and latest hour after `anchor` a stored moment can mean."""
    if value is None or str(value).strip() == "":
        return None, None
    text = str(value)
    try:
        if kind is FieldType.TIME:
            clock = time.fromisoformat(text)
            # The infusion's time points lie within hours of its start: the day that puts
            # the time nearest the start is the day it was measured.
            best = min((datetime.combine(anchor.date() + timedelta(days=d), clock)
                        for d in (-1, 0, 1)), key=lambda m: abs((m - anchor).total_seconds()))
            h = (best - anchor).total_seconds() / 3600
            return h, h
        if len(text) > 10:
            h = (datetime.fromisoformat(text) - anchor).total_seconds() / 3600
            return h, h
        parts = [int(p) for p in text.split("-")]
    except ValueError:
        return None, None
    if len(parts) == 3:
        first = last = date(*parts)
    elif len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        last = date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    else:
        first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
    lo = datetime.combine(first, time())
    hi = datetime.combine(last, time(23, 59))
    return ((lo - anchor).total_seconds() / 3600, (hi - anchor).total_seconds() / 3600)


def _rows(store: "Store", study: Study, reading: Reading, codes: set[str] | None
          ) -> Iterator[tuple[str, str, int, dict[str, Any]]]:
    """(subject, event, event repeat, values) of every entry holding the reading's form."""
    form = study.form(reading.form)
    cols = ", ".join(f't."{f.id}"' for f in form.fields)
    sql = (f'SELECT s.code, fi.event, fi.event_repeat, {cols} FROM form_instances fi '
           f'JOIN subjects s ON s.id = fi.subject_id JOIN "{form.id}" t ON t.instance_id = fi.id '
           "WHERE fi.form = ? AND fi.status != ?")
    params: list[Any] = [form.id, FormStatus.DELETED.value]
    if reading.event is not None:
        sql += " AND fi.event = ?"
        params.append(reading.event)
    for code, event, repeat, *values in store.conn.execute(sql, params):
        if codes is None or code in codes:
            yield code, event, repeat, dict(zip(form.field_ids, values))


def _anchors(store: "Store", study: Study, codes: set[str] | None) -> dict[str, str | None]:
    """Every subject's infusion start as stored (None: not recorded)."""
    event, form_id, field = study.binding("anchor")
    out: dict[str, str | None] = {}
    for (code,) in store.conn.execute("SELECT code FROM subjects ORDER BY number"):
        if codes is None or code in codes:
            out[code] = None
    for code, ev, _rep, values in _rows(store, study, Reading(f"{event}.{form_id}.{field}",
                                                              f"{event}.{form_id}.{field}"),
                                        codes):
        if code in out:
            out[code] = values.get(field)
    return out


def _measures(store: "Store", study: Study, readings: tuple[Reading, ...],
              anchors: dict[str, datetime], codes: set[str] | None
              ) -> dict[str, list[Measure]]:
    """Every reading of every subject with an infusion start, as Measures."""
    from alsdesk.safety.ctcae import terms_of

    out: dict[str, list[Measure]] = {code: [] for code in anchors}
    deriver = Deriver(study, lambda event, form: {}, terms_of(store))
    for reading in readings:
        form = study.form(reading.form)
        kind = form.field(reading.time_id).type
        derived = reading.value_id not in form.field_ids
        for code, event, repeat, values in _rows(store, study, reading, codes):
            if code not in anchors:
                continue
            value = (deriver.compute(form, event, values)[reading.value_id].value if derived
                     else values.get(reading.value_id))
            if value is None and values.get(reading.time_id) is None:
                continue  # nothing recorded at this time point
            lo, hi = _bounds(values.get(reading.time_id), anchors[code], kind)
            label = study.event(event).label + (f" #{repeat}" if repeat > 1 else "")
            out[code].append(Measure(None if value is None else float(value), lo, hi,
                                     f"{label}, {form.label}"))
    return out


def _span(inside: list[Measure]) -> str:
    if not inside:
        return ""
    first = min(inside, key=lambda m: m.earliest)
    last = max(inside, key=lambda m: m.latest)
    return f"{first.earliest:.1f}–{last.latest:.1f} h" if len(inside) > 1 else hours_text(first)


def _still_open(outcome: Outcome, d: PrimaryOutcomes, anchor: datetime, now: datetime
                ) -> Outcome:
    """A "no" while the window is still running is not yet an answer."""
    end = anchor + timedelta(hours=d.window_hours)
    if outcome.verdict is not Verdict.NO or now >= end:
        return outcome
    note = f"the {d.window_hours:g} h after the start are not over yet"
    return Outcome(Verdict.NOT_ASSESSABLE, outcome.value, outcome.at, outcome.reference,
                   outcome.reference_text, outcome.readings,
                   "; ".join(x for x in (note, outcome.note) if x), outcome.span)


def _fever(ms: list[Measure], d: PrimaryOutcomes) -> Outcome:
    valued = [m for m in ms if m.value is not None]
    inside = [m for m in valued if m.inside(d.window_hours)]
    unsure = [m for m in valued if not m.inside(d.window_hours)
              and not m.outside(d.window_hours)]
    after = sum(1 for m in valued if m.earliest is not None and m.earliest > d.window_hours)
    notes = []
    if after:
        notes.append(f"{after} reading{'s' if after > 1 else ''} after {d.window_hours:g} h "
                     "not counted")
    top = max(inside, key=lambda m: (m.value, -(m.earliest or 0)), default=None)
    if top is not None and top.value >= d.fever_at:
        return Outcome(Verdict.YES, top.value, hours_text(top), readings=len(inside),
                       note="; ".join(notes), span=_span(inside))
    hot = [m for m in unsure if m.value >= d.fever_at]
    if hot:
        notes.insert(0, f"{hot[0].value:.1f} °C at a time not known to the hour "
                        f"({hours_text(hot[0])}, {hot[0].where})")
        return Outcome(Verdict.NOT_ASSESSABLE, top.value if top else None,
                       hours_text(top) if top else "", readings=len(inside),
                       note="; ".join(notes), span=_span(inside))
    if top is None:
        notes.insert(0, f"no temperature within {d.window_hours:g} h of the infusion start")
        return Outcome(Verdict.NOT_ASSESSABLE, note="; ".join(notes))
    return Outcome(Verdict.NO, top.value, hours_text(top), readings=len(inside),
                   note="; ".join(notes), span=_span(inside))


def _gcs(ms: list[Measure], d: PrimaryOutcomes) -> Outcome:
    unscored = sum(1 for m in ms if m.value is None and not m.outside(d.window_hours))
    valued = [m for m in ms if m.value is not None]
    before = [m for m in valued if m.latest is not None and m.latest <= 0]
    ref_m = max(before, key=lambda m: m.latest, default=None)
    inside = [m for m in valued if m.inside(d.window_hours) and m is not ref_m]
    unsure = [m for m in valued if m is not ref_m and not m.inside(d.window_hours)
              and not m.outside(d.window_hours)]
    notes = [f"{unscored} assessment{'s' if unscored > 1 else ''} without a total"] \
        if unscored else []
    if ref_m is not None:
        reference, ref_text = ref_m.value, f"before the infusion ({hours_text(ref_m)})"
    elif d.gcs_expected is not None:
        reference, ref_text = float(d.gcs_expected), "none before the infusion: the normal total"
    else:
        notes.insert(0, "no GCS before the infusion")
        return Outcome(Verdict.NOT_ASSESSABLE, readings=len(inside), note="; ".join(notes),
                       span=_span(inside))
    low = min(inside, key=lambda m: (m.value, m.earliest or 0), default=None)
    common = dict(reference=reference, reference_text=ref_text, readings=len(inside),
                  span=_span(inside))
    if low is not None and low.value < reference:
        return Outcome(Verdict.YES, low.value, hours_text(low), note="; ".join(notes), **common)
    fallen = [m for m in unsure if m.value < reference]
    if fallen:
        notes.insert(0, f"GCS {fallen[0].value:g} at a time not known to the hour "
                        f"({hours_text(fallen[0])}, {fallen[0].where})")
    elif low is None:
        notes.insert(0, f"no GCS total within {d.window_hours:g} h of the infusion start")
    if fallen or low is None:
        return Outcome(Verdict.NOT_ASSESSABLE, low.value if low else None,
                       hours_text(low) if low else "", note="; ".join(notes), **common)
    return Outcome(Verdict.NO, low.value, hours_text(low), note="; ".join(notes), **common)


def outcomes(store: "Store", subjects: set[str] | None = None,
             now: datetime | None = None) -> OutcomesListing:
    """The primary outcomes of every subject infused (or of `subjects` among them), as of
    `now` (default: the clock; a "no" is not given before the window has ended)."""
    from alsdesk.errors import NotFound

    study = store.study
    d = study.primary_outcomes
    if d is None:
        raise NotFound(tr("The study definition has no [primary_outcomes]: nothing says where "
                          "temperatures and GCS totals are recorded."))
    stored = _anchors(store, study, subjects)
    anchors: dict[str, datetime] = {}
    for code, value in stored.items():
        try:
            if value is not None and len(str(value)) > 10:
                anchors[code] = datetime.fromisoformat(str(value))
        except ValueError:
            continue  # not a date-time: the subject counts as not infused
    temps = _measures(store, study, d.temperature, anchors, subjects)
    gcs = _measures(store, study, d.gcs, anchors, subjects)
    now = now or datetime.now()
    rows = [SubjectOutcomes(code, str(stored[code]),
                            _still_open(_fever(temps[code], d), d, anchors[code], now),
                            _still_open(_gcs(gcs[code], d), d, anchors[code], now))
            for code in anchors]
    # infused, the start recorded once and now blank: listed, the window cannot be placed
    blank = Outcome(Verdict.NOT_ASSESSABLE, note="the infusion start is not recorded (it "
                                                 "was, then cleared): no window to judge")
    cleared = [c for c in start_cleared(store, study)
               if c in stored and c not in anchors]
    rows += [SubjectOutcomes(code, "", blank, blank) for code in cleared]
    order = {code: n for n, code in enumerate(stored)}
    rows.sort(key=lambda r: order[r.subject])
    return OutcomesListing(tuple(rows), len(stored) - len(rows), d.window_hours, d.fever_at,
                           d.gcs_expected)


def subject_outcomes(store: "Store", subject: str, now: datetime | None = None
                     ) -> SubjectOutcomes | None:
    """One subject's primary outcomes; None before the infusion start is recorded."""
    code = store.subjects.get(subject).code
    rows = outcomes(store, {code}, now).rows
    return rows[0] if rows else None
