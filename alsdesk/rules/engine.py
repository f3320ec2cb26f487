"""Checks over one form's data: values, missing-data codes, required, visibility, edit checks.

Everything the GUI shows next to a field, and everything that blocks marking a form complete,
comes from :func:`evaluate` here, so the screen, the CLI and the store agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from alsdesk.errors import ExpressionError, ValidationError
from alsdesk.rules.expr import parse_expr
from alsdesk.study.model import Field, Form, Severity
from alsdesk.study.values import check_value, to_python

__all__ = ["Finding", "evaluate", "field_findings", "visibility"]


@dataclass(frozen=True)
class Finding:
    """One problem on a form: what failed, how hard, the message, the fields it is shown at."""

    # "value:<field>", "required:<field>", "hidden:<field>", "visible:<field>" or a Check.id
    check_id: str
    severity: Severity
    message: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
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
    return _visibility(form, _env(form, values, missing or {})).visible


def evaluate(form: Form, values: Mapping[str, Any],
             missing: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding on the form: per field in order, then the form's edit checks in order."""
    missing = missing or {}
    env = _env(form, values, missing)
    vis = _visibility(form, env)
    findings: list[Finding] = []
    for f in form.fields:
        findings.extend(_field_problems(f, values.get(f.id), missing.get(f.id) or None, vis))
    # A hidden field does not apply, so the checks see it as unknown whatever it still holds.
    check_env = {k: (None if vis.visible.get(k) is False else v) for k, v in env.items()}
    for check in form.checks:
        fields = check.fields
        try:
            expr = parse_expr(check.expr)
            fields = fields or tuple(fid for fid in form.field_ids if fid in expr.names)
            result = expr.evaluate(check_env)
        except ExpressionError as e:
            findings.append(Finding(check.id, Severity.HARD,
                                    f"Check {check.id} could not be evaluated: {e}", fields))
            continue
        if result is False:
            findings.append(Finding(check.id, check.severity, check.message, fields))
        elif result is not True and result is not None:
            findings.append(Finding(
                check.id, Severity.HARD,
                f"Check {check.id} could not be evaluated: it gave {result!r},"
                f" not true or false, in check '{check.expr}'", fields))
    return findings


def field_findings(form: Form, values: Mapping[str, Any], missing: Mapping[str, str] | None,
                   field_id: str) -> list[Finding]:
    """The findings that concern one field, for the message shown as the user leaves it."""
    form.field(field_id)  # a wrong id is a programming error: fail loudly, not with "no findings"
    return [f for f in evaluate(form, values, missing) if field_id in f.fields]


def _field_problems(f: Field, value: Any, code: str | None, vis: _Visibility) -> list[Finding]:
    out: list[Finding] = []
    one = (f.id,)
    problem = check_value(f, value)
    if problem is not None:
        out.append(Finding(f"value:{f.id}", Severity.HARD, problem, one))
    if code is not None:
        if code not in f.missing:
            allowed = (f"allowed here: {', '.join(f.missing)}" if f.missing
                       else "none is allowed here, so enter a value")
            out.append(Finding(f"value:{f.id}", Severity.HARD,
                               f"{f.label}: '{code}' is not an allowed missing-data code"
                               f" ({allowed})", one))
        if value is not None:
            out.append(Finding(f"value:{f.id}", Severity.HARD,
                               f"{f.label} has both a value and a missing-data code ({code})"
                               f" — keep one", one))
    if f.id in vis.errors:
        out.append(Finding(f"visible:{f.id}", Severity.HARD,
                           f"Whether {f.label} applies could not be worked out:"
                           f" {vis.errors[f.id]}", one))
    if vis.visible[f.id]:
        if f.required and value is None and code is None:
            how = (f"enter a value or a missing-data code ({', '.join(f.missing)})" if f.missing
                   else "enter a value")
            out.append(Finding(f"required:{f.id}", Severity.HARD,
                               f"{f.label} is required: {how}", one))
    elif value is not None or code is not None:
        out.append(Finding(f"hidden:{f.id}", Severity.HARD,
                           f"{f.label} does not apply ({_why_hidden(f, vis)}) — clear it", one))
    return out


def _why_hidden(f: Field, vis: _Visibility) -> str:
    if not vis.own[f.id]:
        return f"it applies only when {f.visible}"
    hidden = [label for fid, label in vis.labels.items()
              if fid in vis.deps[f.id] and vis.visible[fid] is False]
    verb = "does" if len(hidden) == 1 else "do"
    return f"it depends on {', '.join(hidden)}, which {verb} not apply"


def _env(form: Form, values: Mapping[str, Any], missing: Mapping[str, str]) -> dict[str, Any]:
    form_ids = set(form.field_ids)
    env = {k: v for k, v in values.items() if k not in form_ids}
    for f in form.fields:
        value = values.get(f.id)
        # A missing-data code stands in for a value nobody has; a bad value is reported on its
        # own, so the checks treat both as unknown rather than failing a second time.
        if missing.get(f.id) or value is None or check_value(f, value) is not None:
            env[f.id] = None
            continue
        try:
            env[f.id] = to_python(f, value)
        except ValidationError:
            env[f.id] = None
    return env


def _visibility(form: Form, env: Mapping[str, Any]) -> _Visibility:
    own: dict[str, bool] = {}
    deps: dict[str, frozenset[str]] = {}
    errors: dict[str, str] = {}
    for f in form.fields:
        own[f.id], deps[f.id] = True, frozenset()
        if f.visible is None:
            continue
        try:
            expr = parse_expr(f.visible)
            deps[f.id] = expr.names
            result = expr.evaluate(env)
        except ExpressionError as e:
            # Showing the field keeps its data in view; hiding it on a broken condition could
            # make a required answer silently disappear. The error itself is reported.
            errors[f.id] = str(e)
            continue
        if result is not None and not isinstance(result, bool):
            errors[f.id] = f"it gave {result!r}, not true or false, in check '{f.visible}'"
            continue
        own[f.id] = result is True
    visible = dict(own)
    # Hiding spreads along the chain until nothing changes; it only ever turns fields off, so
    # this ends, and a cycle in a (bad) definition cannot make it loop.
    changed = True
    while changed:
        changed = False
        for fid, names in deps.items():
            if visible[fid] and any(visible.get(n) is False for n in names):
                visible[fid] = False
                changed = True
    return _Visibility(visible, own, deps, errors, {f.id: f.label for f in form.fields})
