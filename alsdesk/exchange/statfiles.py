"""Stata (.dta) and SPSS (.sav) files of the raw forms, written with pyreadstat.

One file per form, as the CSV export: keys (subject, event, event_repeat, repeat, status),
then one variable per field, with the field's label, value labels for choices, and the
study's missing-data codes as the packages' own missing values, so "not done" never reads
as a number or as plain "missing":

* numeric fields (integer, decimal, integer-coded choices): Stata extended missing values
  ``.a``, ``.b``, ``.c``... and SPSS user-missing values -999991, -999992, ... in the study's
  order of ``[[missing]]``, each labelled ("Not done"...). SPSS allows three discrete
  user-missing values per variable, or a range: a field allowing more codes gets the range
  from its lowest to its highest (the numbers are consecutive, nothing else lies between).
* other fields (text, text-coded choices, dates, date-times, times) keep their value, and a
  companion string variable ``<field>_m`` holds the code as data files write it (NAP for NA).

Full dates and date-times are the packages' date types; partial dates (2014-03) and times
are text, as in the CSV files. Text-coded choices (Y/N, NOT RELATED) stay text in Stata,
whose value labels take integers only: numbering them here would invent codes the study
does not have, and the files would no longer match the CSV and ODM exports. Variable names
are the field ids unless a format forbids one (alsdesk/exchange/statnames.py). Everything
about a variable comes from the study definition.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk.exchange import heads
from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, export_codes,
    is_numeric, run_export,
)
from alsdesk.exchange.statnames import KEYS, Variable, variables
from alsdesk.study.model import Field, FieldType, Form, Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store

KEY_LABELS = {
    "subject": "Subject (screening number)",
    "event": "Event id (visit)",
    "event_repeat": "Repeat of the event (unscheduled visits; else 1)",
    "repeat": "Repeat of the form within the event (log entries; else 1)",
    "status": "Form status",
}
SPSS_MISSING_BASE = -999990  # code n (from 1) is -999990 - n: outside every field's range
# Label limits (characters, UTF-8 bytes): ReadStat refuses a Stata variable label over 80
# characters and silently cuts the others (measured with pyreadstat 1.3.8), so every label
# is cut here, visibly, ending in "…"; the codebook has them whole.
LABEL_LIMITS = {
    ("dta", "variable"): (80, 320), ("dta", "file"): (80, 256), ("dta", "value"): (None, 32000),
    ("sav", "variable"): (None, 256), ("sav", "file"): (None, 64), ("sav", "value"): (None, 120),
}


def fit(text: str, kind: str, what: str) -> str:
    """`text` within the format's limit for a `what` label (variable, file, value)."""
    chars, size = LABEL_LIMITS[(kind, what)]
    if (chars is None or len(text) <= chars) and len(text.encode("utf-8")) <= size:
        return text
    cut = text[:chars - 1] if chars is not None else text
    while len(cut.encode("utf-8")) > size - len("…".encode("utf-8")):
        cut = cut[:-1]
    return cut + "…"


def export_stata(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
                 progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """One Stata 15 .dta file per form into the folder `out`, logged as an export."""
    return run_export(store, "stata", out, _no_audit(options, "Stata"), True,
                      lambda s, o, p: _write(s, o, p, "dta"), progress, overwrite)


def export_spss(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
                progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """One SPSS .sav file per form into the folder `out`, logged as an export."""
    return run_export(store, "spss", out, _no_audit(options, "SPSS"), True,
                      lambda s, o, p: _write(s, o, p, "sav"), progress, overwrite)


def _no_audit(options: ExportOptions, what: str) -> ExportOptions:
    if options.include_audit:
        raise ExportError(f"The {what} files hold the data only: export CSV or ODM with the "
                          "audit trail for it.")
    return options


def missing_letters(study: Study) -> dict[str, str]:
    """Stored missing code -> Stata extended missing letter (.a for the first code...)."""
    if len(study.missing_codes) > 26:
        raise ExportError("Stata has 26 extended missing values (.a to .z); the study "
                          f"defines {len(study.missing_codes)} missing-data codes.")
    return {m.code: "abcdefghijklmnopqrstuvwxyz"[n] for n, m in enumerate(study.missing_codes)}


def missing_numbers(study: Study) -> dict[str, float]:
    """Stored missing code -> SPSS user-missing value."""
    return {m.code: float(SPSS_MISSING_BASE - n)
            for n, m in enumerate(study.missing_codes, start=1)}


def _date(f: Field, value: Any) -> Any:
    """A full date or date-time as the packages' date types; anything else stays text."""
    if not isinstance(value, str):
        return value
    try:
        if f.type is FieldType.DATE and len(value) == 10:
            return dt.date.fromisoformat(value)
        if f.type is FieldType.DATETIME:
            return dt.datetime.fromisoformat(value)
    except ValueError:
        pass
    return value


def _is_date_column(f: Field) -> bool:
    return (f.type is FieldType.DATE and not f.partial) or f.type is FieldType.DATETIME


def _columns(snap: Snapshot, form: Form, kind: str,
             plan: list[Variable]) -> dict[str, list[Any]]:
    """The form's data as columns, missing codes as the format's own missing values."""
    letters, numbers = missing_letters(snap.study), missing_numbers(snap.study)
    reserved = set(numbers.values())
    exported = export_codes(snap.study)
    cols: dict[str, list[Any]] = {v.name: [] for v in plan}
    for inst in snap.instances_of(form.id):
        keys = dict(zip(KEYS, (inst.subject, inst.event, inst.event_repeat, inst.repeat,
                               inst.status)))
        for v in plan:
            if v.field is None:
                cols[v.name].append(keys[v.key])
                continue
            f = v.field
            value, code = inst.values.get(f.id), inst.missing.get(f.id)
            if v.role == "code":
                cols[v.name].append(exported[code] if code else "")
            elif is_numeric(f):
                if code:
                    value = letters[code] if kind == "dta" else numbers[code]
                elif (kind == "sav" and isinstance(value, (int, float))
                      and float(value) in reserved):
                    # a field without a lower bound could hold one: SPSS would show it
                    # as "Not done", silently; the range check below cannot see it
                    raise ExportError(f"{form.id}.{f.id} of {inst.subject} holds {value}, "
                                      "a number SPSS files use for a missing-data code; "
                                      "give the field a range (min) in the definition.")
                cols[v.name].append(None if value is None else
                                    value if isinstance(value, str) else float(value))
            elif _is_date_column(f):
                cols[v.name].append(_date(f, value))
            else:
                cols[v.name].append("" if value is None else str(value))
    return cols


def _labels(plan: list[Variable], kind: str) -> dict[str, str]:
    def cut(text: str) -> str:
        return fit(text, kind, "variable")

    labels: dict[str, str] = {}
    for v in plan:
        f = v.field
        if f is None:
            labels[v.name] = cut(KEY_LABELS[v.key])
        elif v.role == "code":
            labels[v.name] = cut(f"{f.label}: missing-data code")
        else:
            labels[v.name] = cut(f.label + (f" ({f.unit})" if f.unit else ""))
    return labels


def _value_labels(snap: Snapshot, plan: list[Variable], kind: str) -> dict[str, dict[Any, str]]:
    """Choice labels (Stata: integer codes only) and the labels of the missing codes."""
    letters, numbers = missing_letters(snap.study), missing_numbers(snap.study)
    names = {m.code: m.label for m in snap.study.missing_codes}
    exported = export_codes(snap.study)
    out: dict[str, dict[Any, str]] = {}
    for v in plan:
        f = v.field
        if f is None:
            continue
        labels: dict[Any, str] = {}
        if v.role == "code":
            if kind == "sav":
                labels = {exported[c]: names[c] for c in f.missing}
        else:
            if f.codelist is not None and (is_numeric(f) or kind == "sav"):
                labels = {(float(c.code) if is_numeric(f) else c.code): c.label
                          for c in f.codelist.choices}
            if is_numeric(f):
                for code in f.missing:
                    labels[letters[code] if kind == "dta" else numbers[code]] = names[code]
        if labels:
            out[v.name] = {k: fit(text, kind, "value") for k, text in labels.items()}
    return out


def _is_text(v: Variable) -> bool:
    if v.field is None:
        return v.key in ("subject", "event", "status")
    return v.role == "code" or (not is_numeric(v.field) and not _is_date_column(v.field))


def typed_frame(pd: Any, cols: dict[str, list[Any]], plan: list[Variable]) -> Any:
    """The columns as a DataFrame whose types are the fields', even with no rows (pandas
    makes an empty column float, and ReadStat would then write text as numbers)."""
    frame = pd.DataFrame(cols)
    for v in plan:
        if _is_text(v) and (frame[v.name].dtype.kind == "f" or not len(frame)):
            frame[v.name] = pd.Series([str(x) for x in frame[v.name]], dtype="str")
        elif (v.field is not None and v.role == "value" and is_numeric(v.field)
              and not any(isinstance(x, str) for x in cols[v.name])):
            # numbers stay numbers; only Stata's letters (.a) make a column mixed
            frame[v.name] = pd.Series(cols[v.name], dtype="float64")
    return frame


def spss_missing(f: Field, numbers: dict[str, float]) -> list[Any]:
    """The field's user-missing declaration: its values, or one range when over three."""
    values = sorted(numbers[c] for c in f.missing)
    return values if len(values) <= 3 else [{"lo": values[0], "hi": values[-1]}]


def decimals(f: Field) -> int | None:
    """Decimal places a numeric field shows: 0 for integers and coded choices, the field's
    digits for decimals (None: not defined, the package's default format stays)."""
    return f.digits if f.type is FieldType.DECIMAL else 0


def display_format(f: Field, kind: str) -> str | None:
    """The display format of a numeric field, so that a height defined with 0 digits shows
    172, not 172.00 (SPSS's default), and 36.7 shows with its one decimal. Wide enough for
    the field's range and, in SPSS, for the user-missing values (-999991)."""
    places = decimals(f)
    if places is None:
        return None
    fraction = places + 1 if places else 0  # the point and the decimals
    whole = max(len(str(int(abs(b)))) for b in (f.min or 0, f.max or 0))
    width = whole + fraction + (1 if (f.min or 0) < 0 else 0)
    if kind == "sav":  # -999991 and its decimals, or SPSS shows asterisks
        return f"F{max(width, len(str(SPSS_MISSING_BASE)) + fraction)}.{places}"
    return f"%{max(width, 9)}.{places}f"  # 9: Stata's own default width


def _write(snap: Snapshot, out: Output, progress: Progress, kind: str) -> None:
    import pandas as pd  # here: only these exports need it (and it takes a second to load)
    import pyreadstat

    numbers = missing_numbers(snap.study)
    total = len(snap.forms) + 1
    for n, form in enumerate(snap.forms, start=1):
        progress(n, total, f"Writing {form.id}.{kind}")
        plan = variables(form, kind)
        frame = typed_frame(pd, _columns(snap, form, kind, plan), plan)
        path = out.path(f"{form.id}.{kind}")
        numeric = [(v.name, v.field) for v in plan
                   if v.field is not None and v.role == "value" and is_numeric(v.field)]
        formats = {name: fmt for name, f in numeric
                   if (fmt := display_format(f, kind)) is not None}
        if kind == "dta":
            letters = missing_letters(snap.study)
            pyreadstat.write_dta(
                frame, str(path), file_label=fit(form.label, kind, "file"),
                column_labels=_labels(plan, kind),
                variable_value_labels=_value_labels(snap, plan, kind),
                missing_user_values={name: [letters[c] for c in f.missing]
                                     for name, f in numeric if f.missing},
                variable_format=formats)
        else:
            for _, f in numeric:
                if f.min is not None and f.min <= SPSS_MISSING_BASE:
                    raise ExportError(f"{form.id}.{f.id}: its range reaches the SPSS missing "
                                      f"values ({SPSS_MISSING_BASE - 1} and below).")
            pyreadstat.write_sav(
                frame, str(path), file_label=fit(form.label, kind, "file"),
                column_labels=_labels(plan, kind),
                variable_value_labels=_value_labels(snap, plan, kind),
                missing_ranges={name: spss_missing(f, numbers)
                                for name, f in numeric if f.missing},
                variable_measure={v.name: "nominal" for v in plan
                                  if v.role == "value" and v.field.codelist is not None},
                variable_format=formats)
    progress(total, total, "Writing README.txt")
    out.path("README.txt").write_text(readme_text(snap, kind), encoding="utf-8")


def readme_text(snap: Snapshot, kind: str) -> str:
    study = snap.study
    if kind == "dta":
        codes = "\n".join(f"  .{missing_letters(study)[m.code]}  {m.label} ({m.code})"
                          for m in study.missing_codes)
        how = ("Numeric variables hold the codes as Stata's extended missing values, "
               "labelled:\n" + codes + "\n  . (plain) no value and no code")
    else:
        codes = "\n".join(f"  {missing_numbers(study)[m.code]:.0f}  {m.label} ({m.code})"
                          for m in study.missing_codes)
        how = ("Numeric variables hold the codes as SPSS user-missing values, labelled:\n"
               + codes + "\n  sysmis: no value and no code")
    exported = ", ".join(f"{m.exported} = {m.label}" for m in study.missing_codes)
    return _readme_head(snap, kind) + f"""
Missing-data codes.
{how}
Other variables (text, text-coded choices, dates, times) keep their value; the code is in
the companion variable <field>_m ({exported}).
Dates: full dates and date-times are date variables (local clinic time); partial dates
(2014-03, 2014) and times (HH:MM) are text.
Direct identifiers: {'INCLUDED - keep these files secure' if snap.options.include_identifiers else 'not included'}.
data_dictionary.csv and codes.csv of the CSV export, and the codebook (alsdesk export
codebook), describe every variable.
"""


def _readme_head(snap: Snapshot, kind: str) -> str:
    study = snap.study
    renamed = [f"  {form.id}.{kind}: {v.name} holds {v.field.id}"
               + (" (its missing-data code)" if v.role == "code" else "")
               for form in snap.forms for v in variables(form, kind)
               if v.field is not None and v.name != (v.field.id if v.role == "value"
                                                     else f"{v.field.id}_m")]
    names = ("Variable names are the field ids, except where the format forbids one:\n"
             + "\n".join(renamed)) if renamed else "Variable names are the field ids."
    return f"""ALS Desk {'Stata' if kind == 'dta' else 'SPSS'} export: {study.id} ({study.protocol}), CRF version {study.crf_version}
Exported {snap.taken_at} by {snap.taken_by}. Subjects: {len(snap.subjects)}.
{heads.readme_line(snap)}One file per form: {', '.join(f.id + '.' + kind for f in snap.forms)}.
Keys: subject, event, event_repeat, repeat; status is the form's status.
{names}
"""
