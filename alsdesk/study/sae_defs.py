"""The SAE clock's part of the study definition: ``[sae]`` and ``[sae.cioms]``.

``[sae]`` names, on one log form, the condition that makes an entry a serious adverse event,
the fields of the site's awareness and of the reports to the sponsor, and the protocol's
deadlines (hours to the initial report, days between follow-ups). ``[sae.cioms]`` says where
each box of the printed SAE report (CIOMS I layout) takes its data from. Everything is
checked here at load: a field that does not exist, or is of the wrong type, stops the
program at start-up, not on the day an SAE is reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from types import MappingProxyType
from typing import Any, Callable, Mapping

from alsdesk.errors import ExpressionError
from alsdesk.rules.expr import parse_expr, undefined_names
from alsdesk.study.model import FieldType, Form
from alsdesk.study.source import Source

__all__ = ["SaeRules", "read_sae", "CIOMS_TEXTS", "CIOMS_FIELDS", "CIOMS_REFS"]

Resolve = Callable[[str, Any], Any]

# [sae]: key -> field types allowed (None: an expression over the form's fields)
_FIELD_KEYS: dict[str, tuple[FieldType, ...]] = {
    "aware_date": (FieldType.DATE,), "aware_time": (FieldType.TIME,),
    "initial_date": (FieldType.DATE,), "initial_time": (FieldType.TIME,),
    "followup_date": (FieldType.DATE,), "followup_time": (FieldType.TIME,),
}
_EXPR_KEYS = ("serious", "final", "resolved")
# [sae.cioms]: words printed as they are; fields of the SAE's own form; other forms' fields
CIOMS_TEXTS = ("country", "reporter", "sponsor", "product", "route", "indication")
CIOMS_FIELDS = ("term", "coded_term", "grade", "onset_date", "onset_time", "end_date",
                "outcome", "relationship", "action", "narrative")
CIOMS_REFS = ("birth_date", "sex", "weight", "dose", "therapy_start", "therapy_end", "lot")
_CIOMS_LOGS = (("medications", "medication_fields"), ("history", "history_fields"))
KEYS = {
    "sae": (("form", "serious", "aware_date", "initial_date", "initial_hours"),
            ("aware_time", "initial_time", "followup_date", "followup_time", "final",
             "resolved", "followup_days", "recipient", "cioms")),
    "cioms": ((), (*CIOMS_TEXTS, *CIOMS_FIELDS, *CIOMS_REFS, "criteria",
                   *(k for pair in _CIOMS_LOGS for k in pair))),
}


@dataclass(frozen=True)
class SaeRules:
    """Where the SAE clock reads its data, and the protocol's deadlines."""

    event: str  # the log event holding the form ("logs")
    form: str  # the adverse event form ("ae")
    serious: str  # condition over the form: the entry is serious
    aware_date: str
    initial_date: str
    initial_hours: float
    aware_time: str | None = None
    initial_time: str | None = None
    followup_date: str | None = None
    followup_time: str | None = None
    final: str | None = None  # condition: the final follow-up report was sent
    resolved: str | None = None  # condition: the event is over (the final report is next)
    followup_days: float | None = None  # None: no follow-up clock
    recipient: str = "the sponsor"
    # [sae.cioms]: box -> text, field id, event.form.field, or (form, field ids)
    cioms: Mapping[str, Any] = dc_field(default_factory=lambda: MappingProxyType({}))


def read_sae(src: Source, top: dict[str, Any], forms: Mapping[str, Form],
             resolve: Resolve) -> SaeRules | None:
    """The ``[sae]`` table checked against the forms, or None when the study has none."""
    if "sae" not in top:
        return None
    t = _table(src, top["sae"], "sae")
    ref = src.val(t, "sae", "form", "str")
    parts = ref.split(".")
    form = forms.get(parts[-1]) if len(parts) == 2 else None
    if form is None or not isinstance(resolve(f"{ref}.{form.fields[0].id}", None), tuple):
        src.fail("sae.form", f"{ref!r} must be event.form of a log form (e.g. \"logs.ae\")")
    if not form.repeating:
        src.fail("sae.form", f"{ref!r} must be a repeating (log) form: one entry per event")
    ids = [f.id for f in form.fields]
    values: dict[str, Any] = {}
    for key, types in _FIELD_KEYS.items():
        fid = src.val(t, "sae", key, "str")
        if fid is None:
            continue
        field = next((f for f in form.fields if f.id == fid), None)
        if field is None or field.type not in types:
            src.fail(f"sae.{key}", f"{fid!r} must be a {types[0].value} field of form "
                     f"{form.id!r}")
        values[key] = fid
    for key in _EXPR_KEYS:
        expr = src.val(t, "sae", key, "str")
        if expr is not None:
            _condition(src, f"sae.{key}", expr, ids)
            values[key] = expr
    hours = src.val(t, "sae", "initial_hours", "num")
    days = src.val(t, "sae", "followup_days", "num")
    if not 0 < hours <= 24 * 30:
        src.fail("sae.initial_hours", "must be a number of hours above 0 (24 in ICH E6)")
    if days is not None and not 0 < days <= 365:
        src.fail("sae.followup_days", "must be a number of days above 0, at most 365")
    if days is not None and "followup_date" not in values:
        src.fail("sae.followup_days", "needs followup_date: the field holding the date of "
                 "the latest follow-up report")
    for key, needs in (("aware_time", "aware_date"), ("initial_time", "initial_date"),
                       ("followup_time", "followup_date"), ("final", "followup_date")):
        if key in values and needs not in values:
            src.fail(f"sae.{key}", f"needs {needs}")
    cioms = (_cioms(src, t["cioms"], form, ids, resolve) if "cioms" in t
             else MappingProxyType({}))
    return SaeRules(event=parts[0], form=form.id, initial_hours=float(hours),
                    followup_days=None if days is None else float(days),
                    recipient=src.val(t, "sae", "recipient", "str", "the sponsor"),
                    cioms=cioms, **values)


def _table(src: Source, raw: Any, kind: str) -> dict[str, Any]:
    key = "sae" if kind == "sae" else "sae.cioms"
    t = src.table(raw, key, None)
    required, optional = KEYS[kind]
    allowed = set(required) | set(optional)
    for k in t:
        if k not in allowed:
            src.fail(f"{key}.{k}", f"unknown key {k!r}; allowed keys: {', '.join(sorted(allowed))}")
    for k in required:
        if k not in t:
            src.fail(key, f"missing required key {k!r}")
    return t


def _condition(src: Source, key: str, expr: str, ids: list[str]) -> None:
    try:
        names = undefined_names(parse_expr(expr), ids)
    except ExpressionError as e:
        src.fail(key, str(e))
    if names:
        src.fail(key, f"reads {', '.join(sorted(names))}, which are not fields of this form")


def _cioms(src: Source, raw: Any, form: Form, ids: list[str],
           resolve: Resolve) -> Mapping[str, Any]:
    t = _table(src, raw, "cioms")
    out: dict[str, Any] = {}
    for key in CIOMS_TEXTS:
        if key in t:
            out[key] = src.val(t, "sae.cioms", key, "str")
    for key in CIOMS_FIELDS:
        if key in t:
            fid = src.val(t, "sae.cioms", key, "str")
            if fid not in ids:
                src.fail(f"sae.cioms.{key}", f"{fid!r} is not a field of form {form.id!r}")
            out[key] = fid
    criteria = src.val(t, "sae.cioms", "criteria", "strs", ())
    for i, fid in enumerate(criteria):
        field = next((f for f in form.fields if f.id == fid), None)
        if field is None or field.type is not FieldType.CHOICE:
            src.fail(f"sae.cioms.criteria[{i}]", f"{fid!r} must be a yes/no choice field of "
                     f"form {form.id!r}")
    out["criteria"] = criteria
    for key in CIOMS_REFS:
        if key in t:
            ref = src.val(t, "sae.cioms", key, "str")
            found = resolve(ref, None)
            if ref.count(".") != 2:
                src.fail(f"sae.cioms.{key}", f"{ref!r}: write event.form.field")
            if isinstance(found, str):
                src.fail(f"sae.cioms.{key}", f"{ref!r} does not resolve: {found}")
            if found[0].repeating:
                src.fail(f"sae.cioms.{key}", f"{ref!r}: form {found[0].id!r} has several "
                         "entries per event; name a form with one")
            out[key] = ref
    for log_key, fields_key in _CIOMS_LOGS:
        if log_key not in t:
            continue
        ref = src.val(t, "sae.cioms", log_key, "str")
        fields = src.val(t, "sae.cioms", fields_key, "strs", ())
        if not fields:
            src.fail(f"sae.cioms.{fields_key}", f"needs the fields of {ref!r} to print")
        for fid in fields:
            found = resolve(f"{ref}.{fid}", None)
            if isinstance(found, str) or ref.count(".") != 1:
                src.fail(f"sae.cioms.{fields_key}", f"{ref}.{fid} does not resolve: "
                         f"{found if isinstance(found, str) else 'write event.form'}")
        out[log_key] = (ref, fields)
    return MappingProxyType(out)
