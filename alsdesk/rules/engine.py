"""Checks over one form's data: values, missing-data codes, required, visibility, edit checks.

Everything the GUI shows next to a field, and everything that blocks marking a form complete,
comes from :func:`evaluate` here, so the screen, the CLI and the store agree.

Values of other forms that a check reads (``screening.ic.icdat``) and the visit window come
in ``values`` as context (see :mod:`alsdesk.rules.context`, which the store's save uses);
without them such a check is unknown and passes. Every date and date-time field is also
checked against the clock ("future:<field>", hard) unless the definition allows the future.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Collection, Mapping

from alsdesk.datefmt import date_text, datetime_text
from alsdesk.errors import ExpressionError, ValidationError
from alsdesk.i18n import tr
from alsdesk.rules import temporal
from alsdesk.rules.expr import NOW, TODAY, WINDOW, Expr, parse_expr
from alsdesk.rules.temporal import Partial
from alsdesk.study.forms import PLACEHOLDER
from alsdesk.study.model import Check, Field, FieldType, Form, Severity
from alsdesk.study.values import check_value, display, to_python

__all__ = ["Finding", "evaluate", "field_findings", "visibility"]


@dataclass(frozen=True)
class Finding:
    """One problem on a form: what failed, how hard, the message, the fields it is shown at."""

    # "value:<field>", "required:<field>", "hidden:<field>", "visible:<field>",
    # "future:<field>" or a Check.id
    check_id: str
    severity: Severity
    message: str
    fields: tuple[str, ...]
    # the protocol-deviation category the check offers its note to (Check.deviation)
    deviation: str | None = None


@dataclass(slots=True)
class _Visibility:
    visible: dict[str, bool]
    own: dict[str, bool]  # what the field's own condition said, before the chain rule
    deps: dict[str, frozenset[str]]  # names each condition reads
    errors: dict[str, str]  # field id -> why its condition could not be evaluated
    labels: dict[str, str]


def visibility(form: Form, values: Mapping[str, Any],
               missing: Mapping[str, str] | None = None) -> dict[str, bool]:
    """Whether each field of ``form`` applies, given storage values (absent keys are None).

    A field is hidden when its condition is false or unknown, or when any field the condition
    reads is itself hidden. Keys of ``values`` that are not fields of this form are passed to
    the conditions unchanged, as context from other forms (already as Python values).
    """
    plan = _plan(form)
    return _visibility(plan, _env(plan, values, missing or {}, {})).visible


def holds(form: Form, expr: str, values: Mapping[str, Any],
          missing: Mapping[str, str] | None = None) -> bool | None:
    """Whether a condition over the form's fields is true, False, or None when unknown
    (a signature's ``when``: alsdesk/store/signoff.py)."""
    result = parse_expr(expr).evaluate(_env(_plan(form), values, missing or {}, {}))
    return None if result is None else bool(result)


def evaluate(form: Form, values: Mapping[str, Any],
             missing: Mapping[str, str] | None = None, *,
             checked: Collection[str] = (), now: dt.datetime | None = None) -> list[Finding]:
    """Every finding on the form: per field in order, then the form's edit checks in order.

    ``checked`` names fields whose values in ``values`` the caller has just validated with
    check_value and found good (the store's save does), so they are not validated twice.
    ``now`` is the clinic's local time that today(), now() and the future-date rule judge
    by (default: the computer's clock).
    """
    missing = missing or {}
    plan = _plan(form)
    problems: dict[str, str | None] = dict.fromkeys(checked) if checked else {}
    env = _env(plan, values, missing, problems)
    now = (now or temporal.clock()).replace(second=0, microsecond=0)
    env.setdefault(NOW, now)
    env.setdefault(TODAY, now.date())
    vis = _visibility(plan, env)
    visible, errors = vis.visible, vis.errors
    findings: list[Finding] = []
    for f in form.fields:
        fid = f.id
        value = values.get(fid)
        code = (missing.get(fid) or None) if missing else None
        problem = problems[fid] if fid in problems else _checked(f, value, values)
        if fid in plan.no_future and problem is None and visible[fid]:
            late = _in_future(f, env.get(fid), env)
            if late is not None:
                findings.append(late)
        # The common case, a field with nothing to say, without building the lists below.
        if problem is None and code is None and fid not in errors:
            if visible[fid]:
                if value is not None or not f.required:
                    continue
            elif value is None:
                continue
        findings.extend(_field_problems(f, value, code, vis, problem, form))
    # A hidden field does not apply, so the checks see it as unknown whatever it still holds.
    hidden = [k for k, shown in visible.items() if shown is False and k in env]
    if hidden:
        check_env = dict(env)
        for k in hidden:
            check_env[k] = None
    else:
        check_env = env
    for check, expr, parse_error, fields in plan.checks:
        if expr is None:
            findings.append(Finding(check.id, Severity.HARD,
                                    tr("Check {check} could not be evaluated: {problem}")
                                    .format(check=check.id, problem=parse_error), fields))
            continue
        try:
            result = expr.evaluate(check_env)
        except ExpressionError as e:
            findings.append(Finding(check.id, Severity.HARD,
                                    tr("Check {check} could not be evaluated: {problem}")
                                    .format(check=check.id, problem=e), fields))
            continue
        if result is False:
            message = (_fill(check.message, form, values, check_env) if "{" in check.message
                       else check.message) + expr.hint(check_env)
            findings.append(Finding(check.id, check.severity, message, fields, check.deviation))
        elif result is not True and result is not None:
            findings.append(Finding(
                check.id, Severity.HARD,
                tr("Check {check} could not be evaluated: it gave {result}, not true or false, "
                   "in check '{expr}'").format(check=check.id, result=repr(result),
                                               expr=check.expr), fields))
    return findings


def field_findings(form: Form, values: Mapping[str, Any], missing: Mapping[str, str] | None,
                   field_id: str) -> list[Finding]:
    """The findings that concern one field, for the message shown as the user leaves it."""
    form.field(field_id)  # a wrong id is a programming error: fail loudly, not with "no findings"
    return [f for f in evaluate(form, values, missing) if field_id in f.fields]


def _in_future(f: Field, value: Any, env: Mapping[str, Any]) -> Finding | None:
    """The future-date finding of one field, when its value is certainly after now."""
    if value is None:
        return None
    if f.type is FieldType.DATETIME:
        now = env[NOW]
        if not isinstance(value, dt.datetime) or value <= now:
            return None
        told = (tr("{time} today").format(time=f"{now:%H:%M}") if value.date() == now.date()
                else display(f, now.strftime("%Y-%m-%dT%H:%M")))
        stored = value.strftime("%Y-%m-%dT%H:%M")
    else:
        today = env[TODAY]
        first = value.first if isinstance(value, Partial) else value
        if not isinstance(first, dt.date) or first <= today:
            return None  # a partial date that may still be today or earlier is not refused
        told = display(f, today.isoformat())
        stored = str(value) if isinstance(value, Partial) else value.isoformat()
    return Finding(f"future:{f.id}", Severity.HARD,
                   tr("{label}: {value} is in the future (now: {now}) — enter the date it "
                      "happened").format(label=f.label, value=display(f, stored), now=told),
                   (f.id,))


def _fill(message: str, form: Form, values: Mapping[str, Any],
          env: Mapping[str, Any]) -> str:
    """A check's message with {field}, {event.form.field}, {window} and {today} filled in."""
    ids = set(form.field_ids)

    def text(m: re.Match) -> str:
        name = m.group(1)
        if name == "window":
            window = env.get(WINDOW)
            return window.describe() if window is not None else "its window"
        if name == "today":
            return date_text(env[TODAY])
        if name in ids:
            shown = display(form.field(name), values.get(name))
            return shown or "(blank)"
        value = env.get(name)
        if value is None:
            return "(blank)"
        if isinstance(value, dt.datetime):
            return datetime_text(value)
        return date_text(value) if isinstance(value, dt.date) else str(value)
    return PLACEHOLDER.sub(text, message)


def _field_problems(f: Field, value: Any, code: str | None, vis: _Visibility,
                    problem: str | None, form: Form | None = None) -> list[Finding]:
    """The findings at one field; ``problem`` is check_value(f, value)."""
    out: list[Finding] = []
    one = (f.id,)
    if problem is not None:
        out.append(Finding(f"value:{f.id}", Severity.HARD, problem, one))
    if code is not None:
        if code not in f.missing:
            said = (tr("{label}: '{code}' is not an allowed missing-data code (allowed here: "
                       "{codes})") if f.missing else
                    tr("{label}: '{code}' is not an allowed missing-data code (none is allowed "
                       "here, so enter a value)"))
            out.append(Finding(f"value:{f.id}", Severity.HARD, said.format(
                label=f.label, code=code, codes=", ".join(f.missing)), one))
        if value is not None:
            out.append(Finding(f"value:{f.id}", Severity.HARD,
                               tr("{label} has both a value and a missing-data code ({code}) — "
                                  "keep one").format(label=f.label, code=code), one))
    if f.id in vis.errors:
        out.append(Finding(f"visible:{f.id}", Severity.HARD,
                           tr("Whether {label} applies could not be worked out: {problem}")
                           .format(label=f.label, problem=vis.errors[f.id]), one))
    if vis.visible[f.id]:
        if f.required and value is None and code is None:
            said = (tr("{label} is required: enter a value or a missing-data code ({codes})")
                    if f.missing else tr("{label} is required: enter a value"))
            out.append(Finding(f"required:{f.id}", Severity.HARD,
                               said.format(label=f.label, codes=", ".join(f.missing)), one))
    elif value is not None or code is not None:
        out.append(Finding(f"hidden:{f.id}", Severity.HARD,
                           tr("{label} does not apply ({why}) — clear it").format(
                               label=f.label, why=_why_hidden(f, vis, form)), one))
    return out


def _why_hidden(f: Field, vis: _Visibility, form: Form | None = None) -> str:
    if not vis.own[f.id]:
        # in the words of the printed CRF ("Only if "ALT (SGPT)" is recorded"), not the rule
        from alsdesk.pdf.wording import condition_text

        words = condition_text(form, f.visible) if form is not None else f.visible
        return tr("it applies only if {condition}").format(condition=words)
    hidden = [label for fid, label in vis.labels.items()
              if fid in vis.deps[f.id] and vis.visible[fid] is False]
    said = (tr("it depends on {fields}, which does not apply") if len(hidden) == 1 else
            tr("it depends on {fields}, which do not apply"))
    return said.format(fields=", ".join(hidden))


@dataclass(frozen=True)
class _Plan:
    """What evaluating a form needs that depends only on its definition, worked out once."""

    form: Form
    ids: frozenset[str]
    temporal: frozenset[str]  # fields whose values expressions see as dates and times
    no_future: frozenset[str]  # date and date-time fields that may not lie after now
    # (field id, parsed condition or None, why it could not be parsed) per conditional field
    conditions: tuple[tuple[str, Expr | None, str | None], ...]
    # (check, parsed expression or None, why it could not be parsed, fields it is shown at)
    checks: tuple[tuple[Check, Expr | None, str | None, tuple[str, ...]], ...]
    labels: dict[str, str]


_TEMPORAL = (FieldType.DATE, FieldType.DATETIME, FieldType.TIME)
_DATED = (FieldType.DATE, FieldType.DATETIME)  # a time alone is never "in the future"
# Form definitions are immutable; their plans are kept by identity (the form is kept with its
# plan, so an id is never mistaken for another form's). Bounded for programs that make many.
_PLANS: dict[int, _Plan] = {}
_MAX_PLANS = 256


def _plan(form: Form) -> _Plan:
    plan = _PLANS.get(id(form))
    if plan is not None and plan.form is form:
        return plan
    conditions = []
    for f in form.fields:
        if f.visible is None:
            continue
        try:
            conditions.append((f.id, parse_expr(f.visible), None))
        except ExpressionError as e:
            conditions.append((f.id, None, str(e)))
    checks = []
    for check in form.checks:
        try:
            expr = parse_expr(check.expr)
        except ExpressionError as e:
            checks.append((check, None, str(e), check.fields))
            continue
        fields = check.fields or tuple(fid for fid in form.field_ids if fid in expr.names)
        checks.append((check, expr, None, fields))
    plan = _Plan(
        form=form,
        ids=frozenset(form.field_ids),
        temporal=frozenset(f.id for f in form.fields if f.type in _TEMPORAL),
        no_future=frozenset(f.id for f in form.fields if f.type in _DATED and not f.future),
        conditions=tuple(conditions),
        checks=tuple(checks),
        labels={f.id: f.label for f in form.fields},
    )
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[id(form)] = plan
    return plan


def _checked(f: Field, value: Any, values: Mapping[str, Any]) -> str | None:
    """check_value, a result in the unit its unit field gives (alsdesk/study/units.py)."""
    if f.unit_field:
        return check_value(f, value, values.get(f.unit_field))
    return check_value(f, value)


def _env(plan: _Plan, values: Mapping[str, Any], missing: Mapping[str, str],
         problems: dict[str, str | None]) -> dict[str, Any]:
    """The expressions' names; ``problems`` gets check_value of each value it checked."""
    form_ids = plan.ids
    env = {} if form_ids.issuperset(values) else {
        k: v for k, v in values.items() if k not in form_ids}
    temporal = plan.temporal
    for f in plan.form.fields:
        fid = f.id
        value = values.get(fid)
        # A missing-data code stands in for a value nobody has; a bad value is reported on its
        # own, so the checks treat both as unknown rather than failing a second time.
        if value is None or (missing and missing.get(fid)):
            env[fid] = None
            continue
        if fid in problems:
            problem = problems[fid]
        else:
            problem = problems[fid] = _checked(f, value, values)
        if problem is not None:
            # a result that fits another of its units is there (its unit field, shown when
            # it is, is how the nurse puts it right), but it is no number to judge
            env[fid] = value if f.unit_field and check_value(f, value) is None else None
        elif fid in temporal:
            if f.partial and len(value) < 10:
                # Not unknown: a month or a year still settles many comparisons honestly.
                env[fid] = Partial.parse(value)
                continue
            try:
                env[fid] = to_python(f, value)
            except ValidationError:
                env[fid] = None
        else:
            env[fid] = value  # to_python changes only dates and times
    return env


_NO_DEPS: frozenset[str] = frozenset()


def _visibility(plan: _Plan, env: Mapping[str, Any]) -> _Visibility:
    own: dict[str, bool] = dict.fromkeys(plan.labels, True)
    deps: dict[str, frozenset[str]] = dict.fromkeys(plan.labels, _NO_DEPS)
    errors: dict[str, str] = {}
    for fid, expr, parse_error in plan.conditions:
        if expr is None:
            # Showing the field keeps its data in view; hiding it on a broken condition could
            # make a required answer silently disappear. The error itself is reported.
            errors[fid] = parse_error
            continue
        deps[fid] = expr.names
        try:
            result = expr.evaluate(env)
        except ExpressionError as e:
            errors[fid] = str(e)
            continue
        if result is not None and not isinstance(result, bool):
            errors[fid] = tr("it gave {result}, not true or false, in check '{expr}'").format(
                result=repr(result), expr=expr.src)
            continue
        own[fid] = result is True
    visible = dict(own)
    # Hiding spreads along the chain until nothing changes; it only ever turns fields off, so
    # this ends, and a cycle in a (bad) definition cannot make it loop.
    chained = [(fid, names) for fid, names in deps.items() if names]
    changed = True
    while changed:
        changed = False
        for fid, names in chained:
            if visible[fid] and any(visible.get(n) is False for n in names):
                visible[fid] = False
                changed = True
    return _Visibility(visible, own, deps, errors, plan.labels)
