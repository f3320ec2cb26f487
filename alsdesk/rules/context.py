"""What a form's checks read from outside the form: other forms of the subject, the window.

:func:`check_context` gives the values the engine takes as context (keys of ``values`` that
are not fields of the form): each reference a check names (``ic.icdat``,
``screening.ic.icdat``) and, for ``in_window(x)``, the protocol window of the visit. The
store's save passes it when a form is marked complete; the screen can pass it too, so the
messages at the fields are the ones completion will give.

A value counts only as the other form shows it: a deleted entry, a hidden field, a missing
code or a value that is not valid give unknown, which never makes a check fire.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alsdesk.clinical.schedule import plan_visits
from alsdesk.datefmt import date_text, datetime_text
from alsdesk.i18n import english
from alsdesk.rules.engine import visibility
from alsdesk.rules.expr import TERMS, WINDOW, parse_expr
from alsdesk.rules.temporal import Partial
from alsdesk.states import FormStatus
from alsdesk.study.model import Event, EventKind, Field, FieldType, Form, Study, TimeUnit
from alsdesk.study.values import check_value

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["VisitWindow", "check_context", "expr_value", "references"]

_IN_WINDOW = re.compile(r"\bin_window\s*\(")
_TERMS = re.compile(r"\b(?:is_ctcae_term|ctcae_has_grade)\s*\(")


def expr_value(field: Field, value: Any) -> Any:
    """A stored value as expressions see it (dates, date-times, Partial); bad ones unknown."""
    if value is None or check_value(field, value) is not None:
        return None
    if field.type is FieldType.DATE:
        return dt.date.fromisoformat(value) if len(value) == 10 else Partial.parse(value)
    if field.type is FieldType.DATETIME:
        return dt.datetime.fromisoformat(value)
    if field.type is FieldType.TIME:
        return dt.time.fromisoformat(value)
    return value


# Worked out once per form definition (kept by identity, with the form, as the engine's plans).
_REFS: dict[int, tuple[Form, frozenset[str], bool]] = {}


def references(form: Form) -> tuple[frozenset[str], bool]:
    """(the other forms' references the form's checks read, does any use in_window?)."""
    known = _REFS.get(id(form))
    if known is not None and known[0] is form:
        return known[1], known[2]
    refs: set[str] = set()
    window = False
    for check in form.checks:
        refs.update(n for n in parse_expr(check.expr).names if "." in n)
        window = window or bool(_IN_WINDOW.search(check.expr))
    if len(_REFS) >= 256:
        _REFS.clear()
    _REFS[id(form)] = (form, frozenset(refs), window)
    return frozenset(refs), window


def check_context(store: "Store", subject: str, event: str, form: str, *,
                  event_repeat: int = 1, crf_version: int | None = None) -> dict[str, Any]:
    """The context of one form's checks for one subject at one event (see the module text);
    `crf_version`: of a form created under an earlier stored definition (an import), whose
    checks and visit window are that definition's."""
    study = store.study
    if crf_version is not None and crf_version != store.study_version:
        from alsdesk.store.definitions import study_at

        study = study_at(store.conn, crf_version)
    refs, window = references(study.form(form))
    out: dict[str, Any] = {}
    for ref in refs:
        parts = ref.split(".")
        if len(parts) == 2:
            out[ref] = _value(store, subject, event, event_repeat, parts[0], parts[1])
        else:
            out[ref] = _value(store, subject, parts[0], 1, parts[1], parts[2])
    if any(_TERMS.search(c.expr) for c in study.form(form).checks):
        from alsdesk.safety.ctcae import terms_of  # the terms in the file, read once

        out[TERMS] = terms_of(store)
    if window:
        anchor = _anchor(store, study, subject)
        ev = (_event_as_entered(store, subject, event, event_repeat, form)
              if study is store.study else study.event(event))
        if anchor is not None and ev.kind is EventKind.VISIT and ev.window is not None:
            out[WINDOW] = VisitWindow(ev, anchor, study.anchor_words)
    return out


def _event_as_entered(store: "Store", subject: str, event: str, event_repeat: int,
                      form: str) -> Event:
    """The visit as the definition the form was entered under has it: a visit done before
    an amendment moved its window keeps being judged by the window it was done in (as the
    schedule judges it: alsdesk/overview.py), also when the form is corrected later."""
    current = store.study.event(event)
    rec = store.forms.get(subject, event, form, event_repeat=event_repeat)
    if rec.instance_id is None or rec.crf_entered == store.study_version:
        return current
    from alsdesk.store.definitions import study_at

    older = study_at(store.conn, rec.crf_entered)
    return next((e for e in older.events if e.id == event), current)


def _value(store: "Store", subject: str, event: str, event_repeat: int, form_id: str,
           field_id: str) -> Any:
    fdef = store.study.form(form_id)
    rec = store.forms.get(subject, event, form_id, event_repeat=event_repeat)
    if rec.status is FormStatus.DELETED or rec.missing.get(field_id):
        return None
    if fdef.field(field_id).visible is not None and not visibility(
            fdef, rec.values, rec.missing)[field_id]:
        return None
    return expr_value(fdef.field(field_id), rec.values.get(field_id))


def _anchor(store: "Store", study: Study, subject: str) -> dt.datetime | None:
    if "anchor" not in study.bindings:
        return None
    ev, form_id, field_id = study.binding("anchor")
    value = _value(store, subject, ev, 1, form_id, field_id)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date) and not isinstance(value, Partial):
        return dt.datetime.combine(value, dt.time.min)
    return None


@dataclass(frozen=True)
class VisitWindow:
    """The protocol window of the visit a form belongs to, for ``in_window(x)``.

    The judgement is the schedule's (alsdesk/clinical/schedule.py), so the casebook's "done
    out of window" and this check never disagree. In the anchor's own event (the infusion,
    window [0, 0] hours) the visit is judged by its day: the infusion start *is* time zero,
    and a visit recorded at 09:30 for an infusion started at 10:00 is not a deviation.
    """

    event: Event
    anchor: dt.datetime
    anchor_name: str = "infusion"  # the study's words for the anchor (Study.anchor_words)

    def contains(self, value: Any) -> bool | None:
        """True inside, False outside, None when it cannot be told (partial, blank)."""
        if not isinstance(value, dt.date) or self.event.window is None:
            return None
        if self.event.anchor:
            day = value.date() if isinstance(value, dt.datetime) else value
            first, last = self._days()
            return first <= day <= last
        plan = plan_visits([self.event], self.anchor, {self.event.id: value}, self.anchor)[0]
        return plan.status.value == "done in window"

    def _days(self) -> tuple[dt.date, dt.date]:
        assert self.event.window is not None
        low, high = self.event.window
        if self.event.unit is TimeUnit.HOURS:
            return ((self.anchor + dt.timedelta(hours=low)).date(),
                    (self.anchor + dt.timedelta(hours=high)).date())
        return (self.anchor.date() + dt.timedelta(days=low),
                self.anchor.date() + dt.timedelta(days=high))

    def describe(self) -> str:
        """The window in words and clock times, for the check's message: in English, what
        ever the window's language, as the study's own text it is filled into is (a soft
        check's message is kept as a query's text, and in a deviation's description)."""
        if self.event.anchor:
            first, last = self._days()
            if first == last:
                return f"the day of the {self.anchor_name}, {date_text(first)}"
            return f"{date_text(first)} to {date_text(last)}"
        plan = plan_visits([self.event], self.anchor, {}, self.anchor,
                           anchor_name=self.anchor_name)[0]
        with english():
            words = plan.describe_window()
        if plan.window_start is None or plan.window_end is None:
            return words
        # The forms' own date format (a site's other setting is for lists, not messages).
        if self.event.unit is TimeUnit.HOURS:
            span = f"{datetime_text(plan.window_start)} to {datetime_text(plan.window_end)}"
        else:
            span = f"{date_text(plan.window_start)} to {date_text(plan.window_end)}"
        return f"{words}: {span}"
