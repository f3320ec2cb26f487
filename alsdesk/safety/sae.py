"""The SAE clock: for each serious adverse event, which report is due when, and whether it
has been sent, is due, or is overdue, at a given moment.

What counts as serious, which fields hold the site's awareness and the reports, and the
deadlines are the study definition's (``[sae]``, alsdesk/study/sae_defs.py). The rules:

* The initial report is due ``initial_hours`` after the site learned the event was serious.
  The clock is real elapsed time: it does not stop at night or for a weekend (a Friday 18:00
  awareness is due Saturday 18:00), and across a change of summer time 24 h stay 24 h.
* After the initial report, a follow-up report is due ``followup_days`` days after the last
  report (the initial one or the latest follow-up) until a report marked final is sent. Once
  the event is over (``resolved``) the next one due is the final report with the outcome.
* Clinical dates and times are the clinic's local clock, as the nurse wrote them (the audit
  trail's UTC stamps play no part). A time not recorded counts as the start of its day: the
  clock can have started no earlier, and a report sent that day counts as on time.
* ``now`` is passed in. A naive ``now`` is the clinic's local time; an aware one (UTC, say)
  is turned into local time first, so the day a report is due on is the clinic's day.
  ``tz`` (a ZoneInfo) is the clinic's time zone; None: the computer's own.

Nothing here imports Qt; the dashboard, the casebook, the CLI and the SAE report form read
the same answers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Mapping

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk import datefmt
from alsdesk.rules import engine
from alsdesk.states import FormStatus
from alsdesk.store.schema import missing_column
from alsdesk.study.model import Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.study.sae_defs import SaeRules

__all__ = ["ReportKind", "ReportState", "Report", "SaeClock", "reports_for", "sae_clocks",
           "local_now", "span_text", "moment_text"]

_DAYS = (QT_TRANSLATE_NOOP("", "Mon"), QT_TRANSLATE_NOOP("", "Tue"), QT_TRANSLATE_NOOP("", "Wed"),
         QT_TRANSLATE_NOOP("", "Thu"), QT_TRANSLATE_NOOP("", "Fri"), QT_TRANSLATE_NOOP("", "Sat"),
         QT_TRANSLATE_NOOP("", "Sun"))


class ReportKind(Enum):
    INITIAL = "initial"
    FOLLOWUP = "follow-up"
    FINAL = "final"


class ReportState(Enum):
    DONE = "sent"  # sent on time (or no deadline to judge it by)
    LATE = "sent late"
    DUE = "due"
    OVERDUE = "overdue"
    NO_CLOCK = "no awareness date"  # the site's awareness is not recorded: no clock yet

    @property
    def open(self) -> bool:
        """Something the site still has to do."""
        return self in (ReportState.DUE, ReportState.OVERDUE, ReportState.NO_CLOCK)


@dataclass(frozen=True)
class Report:
    """One report of an SAE: when it is due, when it was sent, and how that stands."""

    kind: ReportKind
    state: ReportState
    due: dt.datetime | None  # local clock; None: not known (no awareness, an earlier report)
    sent: dt.datetime | None = None  # local clock; 00:00 when only the date is recorded
    sent_time_known: bool = True
    text: str = ""  # in the nurse's words, at the moment asked about
    short: str = ""  # the same in a few words, for a table cell


@dataclass(frozen=True)
class SaeClock:
    """The reports of one serious adverse event."""

    subject: str
    instance_id: int
    entry: int  # the entry number in the log (its repeat)
    term: str
    aware: dt.datetime | None  # local clock
    aware_time_known: bool
    reports: tuple[Report, ...]

    @property
    def pending(self) -> tuple[Report, ...]:
        """Reports the site still has to send (or a clock that cannot start)."""
        return tuple(r for r in self.reports if r.state.open)

    @property
    def overdue(self) -> bool:
        return any(r.state is ReportState.OVERDUE for r in self.reports)


def local_now(now: dt.datetime | None = None, tz: dt.tzinfo | None = None) -> dt.datetime:
    """``now`` as the clinic's local clock (naive); the computer's clock when None."""
    if now is None:
        now = dt.datetime.now(dt.timezone.utc)
    if now.tzinfo is None:
        return now
    return now.astimezone(tz).replace(tzinfo=None)


def _aware(local: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    """A local clock reading as a moment (DST-aware with a ZoneInfo or the computer's zone)."""
    return local.replace(tzinfo=tz) if tz is not None else local.astimezone()


def _plus(local: dt.datetime, delta: dt.timedelta, tz: dt.tzinfo | None) -> dt.datetime:
    """Real elapsed time added to a local clock reading, read again on the local clock."""
    moment = _aware(local, tz).astimezone(dt.timezone.utc) + delta
    return moment.astimezone(tz).replace(tzinfo=None)


def _between(a: dt.datetime, b: dt.datetime, tz: dt.tzinfo | None) -> dt.timedelta:
    return _aware(b, tz).astimezone(dt.timezone.utc) - _aware(a, tz).astimezone(dt.timezone.utc)


def span_text(delta: dt.timedelta) -> str:
    """A duration as a nurse reads it, rounded down: 40 min, 5 h, 3 days 4 h."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    if minutes < 60:
        return tr("{n} min").format(n=minutes)
    hours = minutes // 60
    if hours < 48:
        return tr("{n} h").format(n=hours)
    days, rest = divmod(hours, 24)
    if rest:
        return tr("{days} days {hours} h").format(days=days, hours=rest)
    return tr("{days} days").format(days=days)


def moment_text(moment: dt.datetime, fmt: str = datefmt.DEFAULT_FORMAT,
                with_time: bool = True) -> str:
    """Sat 02/MAY/2026 18:00 (the weekday first: the clock runs over weekends)."""
    day = f"{tr(_DAYS[moment.weekday()])} {datefmt.shown_date(moment.date(), fmt)}"
    return f"{day} {moment:%H:%M}" if with_time else day


def _moment(date_value: Any, time_value: Any) -> tuple[dt.datetime | None, bool]:
    """A local date-time from a stored full date and an optional time (00:00 without)."""
    try:
        day = dt.date.fromisoformat(str(date_value)) if date_value else None
    except ValueError:
        return None, False  # a partial date cannot start or stop a clock
    if day is None:
        return None, False
    try:
        clock = dt.time.fromisoformat(str(time_value)) if time_value else None
    except ValueError:
        clock = None
    return dt.datetime.combine(day, clock or dt.time(0, 0)), clock is not None


def _name(rules: "SaeRules", kind: ReportKind) -> str:
    return {ReportKind.INITIAL: tr("Initial SAE report to {recipient}"),
            ReportKind.FOLLOWUP: tr("Follow-up SAE report to {recipient}"),
            ReportKind.FINAL: tr("Final SAE follow-up report (the outcome) to {recipient}"),
            }[kind].format(recipient=rules.recipient)


def _open_report(rules: "SaeRules", kind: ReportKind, due: dt.datetime, now: dt.datetime,
                 tz: dt.tzinfo | None, fmt: str) -> Report:
    left = _between(now, due, tz)
    when = moment_text(due, fmt)
    word = {ReportKind.INITIAL: tr("Initial report"), ReportKind.FOLLOWUP: tr("Follow-up report"),
            ReportKind.FINAL: tr("Final report")}[kind]
    by_day = (rules.initial_time if kind is ReportKind.INITIAL else rules.followup_time) is None
    if by_day and left < dt.timedelta(0) and now.date() == due.date():
        # the form records this report's date only, and a report dated the due day is on
        # time (_sent_report): the clock says so until that day ends, not "OVERDUE"
        return Report(kind, ReportState.DUE, due,
                      text=tr("{report} due today (by {when}; a report dated today is on "
                              "time)").format(report=_name(rules, kind), when=when),
                      short=tr("{report} due today").format(report=word))
    if left >= dt.timedelta(0):
        return Report(kind, ReportState.DUE, due,
                      text=tr("{report} due in {left} ({when})").format(
                          report=_name(rules, kind), left=span_text(left), when=when),
                      short=tr("{report} due in {left}").format(report=word,
                                                                 left=span_text(left)))
    return Report(kind, ReportState.OVERDUE, due,
                  text=tr("{report} OVERDUE by {late} (was due {when})").format(
                      report=_name(rules, kind), late=span_text(-left), when=when),
                  short=tr("{report} OVERDUE by {late}").format(report=word,
                                                                 late=span_text(-left)))


def _sent_report(rules: "SaeRules", kind: ReportKind, due: dt.datetime | None,
                 sent: dt.datetime, known: bool, tz: dt.tzinfo | None, fmt: str) -> Report:
    shown = moment_text(sent, fmt, with_time=known) + ("" if known else
                                                        tr(" (time not recorded)"))
    text = tr("{report} sent {when}").format(report=_name(rules, kind), when=shown)
    if due is None:
        return Report(kind, ReportState.DONE, None, sent, known, text)
    if known:
        late = _between(due, sent, tz)
        words = tr("{late} late").format(late=span_text(late))
    else:  # only the day is known: late only when sent on a later day than the due one
        days = (sent.date() - due.date()).days
        late = dt.timedelta(days=max(days, 0))
        words = (tr("{n} day late") if days == 1 else tr("{n} days late")).format(n=days)
    if late <= dt.timedelta(0):
        return Report(kind, ReportState.DONE, due, sent, known,
                      tr("{sent}, on time (due {when})").format(sent=text,
                                                               when=moment_text(due, fmt)))
    return Report(kind, ReportState.LATE, due, sent, known,
                  tr("{sent}: {late} (due {when})").format(sent=text, late=words,
                                                            when=moment_text(due, fmt)))


def reports_for(rules: "SaeRules", form: Form, values: Mapping[str, Any],
                missing: Mapping[str, str] | None, now: dt.datetime,
                tz: dt.tzinfo | None = None, fmt: str = datefmt.DEFAULT_FORMAT
                ) -> tuple[tuple[dt.datetime | None, bool], tuple[Report, ...]]:
    """((awareness, its time known), reports) of one serious entry at ``now`` (naive: the
    clinic's clock; aware: read on the clinic's clock first).

    ``values`` are storage values of the entry; fields the form hides count as blank.
    """
    missing = missing or {}
    now = local_now(now, tz)
    shown = engine.visibility(form, values, missing)
    vals = {k: v for k, v in values.items()
            if shown.get(k, True) and not missing.get(k)}

    def holds(expr: str | None) -> bool:
        return bool(expr) and engine.holds(form, expr, values, missing) is True

    aware, aware_known = _moment(vals.get(rules.aware_date),
                                 vals.get(rules.aware_time) if rules.aware_time else None)
    if aware is None:
        return (None, False), (Report(
            ReportKind.INITIAL, ReportState.NO_CLOCK, None, short="Awareness date missing",
            text=f"Record when the site learned that the event was serious: the "
                 f"{rules.initial_hours:g} h for the initial SAE report to {rules.recipient} "
                 "count from then"),)
    due = _plus(aware, dt.timedelta(hours=rules.initial_hours), tz)
    sent, sent_known = _moment(vals.get(rules.initial_date),
                               vals.get(rules.initial_time) if rules.initial_time else None)
    if sent is None:
        report = _open_report(rules, ReportKind.INITIAL, due, now, tz, fmt)
        if not aware_known:
            report = _with_note(report, "time of awareness not recorded: counted from 00:00")
        return (aware, aware_known), (report,)
    reports = [_sent_report(rules, ReportKind.INITIAL, due, sent, sent_known, tz, fmt)]
    if rules.followup_days is None or rules.followup_date is None:
        return (aware, aware_known), tuple(reports)
    latest, latest_known = _moment(vals.get(rules.followup_date),
                                   vals.get(rules.followup_time) if rules.followup_time else None)
    final = holds(rules.final)
    if latest is not None:
        kind = ReportKind.FINAL if final else ReportKind.FOLLOWUP
        reports.append(_sent_report(rules, kind, None, latest, latest_known, tz, fmt))
    if not final:
        base = latest if latest is not None else sent
        kind = ReportKind.FINAL if holds(rules.resolved) else ReportKind.FOLLOWUP
        reports.append(_open_report(rules, kind, _plus(
            base, dt.timedelta(days=rules.followup_days), tz), now, tz, fmt))
    return (aware, aware_known), tuple(reports)


def _with_note(report: Report, note: str) -> Report:
    from dataclasses import replace

    return replace(report, text=f"{report.text} — {note}")


def sae_clocks(store: "Store", now: dt.datetime | None = None, subject: str | None = None,
               tz: dt.tzinfo | None = None) -> list[SaeClock]:
    """The SAE clock of every serious entry (of one subject, or all), in subject and entry
    order; deleted entries do not count. [] when the study has no ``[sae]``."""
    rules = store.study.sae
    if rules is None:
        return []
    from alsdesk.i18n import language
    from alsdesk.study.translation import localized

    # the recipient named in the language the texts are written in (English on paper)
    rules = localized(store.study, language()).sae or rules
    form = store.study.form(rules.form)
    fmt = datefmt.site_format(store)
    at = local_now(now, tz)
    cols = ", ".join(f'f."{f.id}"' for f in form.fields)
    mcols = [f for f in form.fields if f.missing]
    extra = "".join(f', f."{missing_column(f.id)}"' for f in mcols)
    sql = (f'SELECT s.code, fi.id, fi.repeat, {cols}{extra} FROM "{form.id}" f '
           "JOIN form_instances fi ON fi.id = f.instance_id "
           "JOIN subjects s ON s.id = fi.subject_id "
           "WHERE fi.event = ? AND fi.status != ?")
    params: list[Any] = [rules.event, FormStatus.DELETED.value]
    if subject is not None:
        sql += " AND s.code = ?"
        params.append(store.subjects.get(subject).code)
    term_field = store.study.sae.cioms.get("term") if store.study.sae.cioms else None
    term_field = term_field or form.fields[0].id
    out: list[tuple[Any, ...]] = []
    for row in store.conn.execute(sql + " ORDER BY s.number, fi.repeat", params):
        code, iid, repeat = row[:3]
        stored = row[3:3 + len(form.fields)]
        values = {f.id: v for f, v in zip(form.fields, stored) if v is not None}
        missing = {f.id: v for f, v in zip(mcols, row[3 + len(form.fields):]) if v}
        if engine.holds(form, rules.serious, values, missing) is not True:
            continue
        (aware, known), reports = reports_for(rules, form, values, missing, at, tz, fmt)
        out.append(SaeClock(code, iid, repeat, str(values.get(term_field) or "(no term)"),
                            aware, known, reports))
    return out
