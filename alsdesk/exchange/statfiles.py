"""Stata (.dta) and SPSS (.sav) files of the raw forms, written with pyreadstat.

One file per form, as the CSV export: keys (subject, event, event_repeat, repeat, status),
then one variable per field, with the field's label, value labels for choices, and the
study's missing-data codes as the packages' own missing values, so "not done" never reads
as a number or as plain "missing":

* numeric fields (integer, decimal, integer-coded choices): Stata extended missing values
  ``.a``, ``.b``, ``.c``... and SPSS user-missing values -999991, -999992, ... in the study's
  order of ``[[missing]]``, each labelled ("Not done"...). SPSS allows three discrete
  user-missing values per variable: a study with more is refused with the reason.
* other fields (text, text-coded choices, dates, date-times, times) keep their value, and a
  companion string variable ``<field>_m`` holds the code as data files write it (NAP for NA).

Full dates and date-times are the packages' date types; partial dates (2014-03) and times
are text, as in the CSV files. Everything about a variable comes from the study definition.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, export_codes,
    is_numeric, run_export,
)
from alsdesk.study.model import Field, FieldType, Form, Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store

KEYS = ("subject", "event", "event_repeat", "repeat", "status")
KEY_LABELS = {
    "subject": "Subject (screening number)",
    "event": "Event id (visit)",
    "event_repeat": "Repeat of the event (unscheduled visits; else 1)",
    "repeat": "Repeat of the form within the event (log entries; else 1)",
    "status": "Form status",
}
SPSS_MISSING_BASE = -999990  # code n (from 1) is -999990 - n: outside every field's range
STATA_NAME, SPSS_NAME = 32, 64
STATA_LABEL = 80  # Stata's limit for variable and file labels


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


def companion(f: Field) -> str:
    """The variable holding a non-numeric field's missing-data code."""
    return f"{f.id}_m"


def variable_names(form: Form, limit: int) -> list[str]:
    names = list(KEYS)
    for f in form.fields:
        names.append(f.id)
        if f.missing and not is_numeric(f):
            names.append(companion(f))
    long = [n for n in names if len(n) > limit]
    if long:
        raise ExportError(f"Form {form.id}: the variable names {', '.join(long)} are longer "
                          f"than the {limit} characters the format allows.")
    if len(set(names)) != len(names):
        raise ExportError(f"Form {form.id}: a field id ends in '_m' like a missing-code "
                          "variable; rename it in the study definition.")
    return names


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


def _columns(snap: Snapshot, form: Form, kind: str) -> dict[str, list[Any]]:
    """The form's data as columns, missing codes as the format's own missing values."""
    letters, numbers = missing_letters(snap.study), missing_numbers(snap.study)
    exported = export_codes(snap.study)
    names = variable_names(form, STATA_NAME if kind == "dta" else SPSS_NAME)
    cols: dict[str, list[Any]] = {n: [] for n in names}
    for inst in snap.instances_of(form.id):
        for key, value in zip(KEYS, (inst.subject, inst.event, inst.event_repeat, inst.repeat,
                                     inst.status)):
            cols[key].append(value)
        for f in form.fields:
            value, code = inst.values.get(f.id), inst.missing.get(f.id)
            if is_numeric(f):
                if code:
                    value = letters[code] if kind == "dta" else numbers[code]
                cols[f.id].append(None if value is None else
                                  value if isinstance(value, str) else float(value))
                continue
            if _is_date_column(f):
                cols[f.id].append(_date(f, value))
            else:
                cols[f.id].append("" if value is None else str(value))
            if f.missing:
                cols[companion(f)].append(exported[code] if code else "")
    return cols


def _labels(snap: Snapshot, form: Form, kind: str, limit: int | None) -> dict[str, str]:
    def cut(text: str) -> str:
        return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"

    labels = {k: cut(v) for k, v in KEY_LABELS.items()}
    for f in form.fields:
        labels[f.id] = cut(f.label + (f" ({f.unit})" if f.unit else ""))
        if f.missing and not is_numeric(f):
            labels[companion(f)] = cut(f"{f.label}: missing-data code")
    return labels


def _value_labels(snap: Snapshot, form: Form, kind: str) -> dict[str, dict[Any, str]]:
    letters, numbers = missing_letters(snap.study), missing_numbers(snap.study)
    names = {m.code: m.label for m in snap.study.missing_codes}
    exported = export_codes(snap.study)
    out: dict[str, dict[Any, str]] = {}
    for f in form.fields:
        labels: dict[Any, str] = {}
        if f.codelist is not None and (is_numeric(f) or kind == "sav"):
            labels = {(float(c.code) if is_numeric(f) else c.code): c.label
                      for c in f.codelist.choices}
        if is_numeric(f):
            for code in f.missing:
                labels[letters[code] if kind == "dta" else numbers[code]] = names[code]
        elif f.missing and kind == "sav":
            out[companion(f)] = {exported[c]: names[c] for c in f.missing}
        if labels:
            out[f.id] = labels
    return out


def text_columns(form: Form) -> list[str]:
    """Variables holding text: keys, text fields and the missing-code companions."""
    names = ["subject", "event", "status"]
    for f in form.fields:
        if not is_numeric(f) and not _is_date_column(f):
            names.append(f.id)
        if f.missing and not is_numeric(f):
            names.append(companion(f))
    return names


def typed_frame(pd: Any, cols: dict[str, list[Any]], form: Form) -> Any:
    """The columns as a DataFrame whose types are the fields', even with no rows (pandas
    makes an empty column float, and ReadStat would then write text as numbers)."""
    frame = pd.DataFrame(cols)
    for name in text_columns(form):
        if name in frame and (frame[name].dtype.kind == "f" or not len(frame)):
            frame[name] = pd.Series([str(v) for v in frame[name]], dtype="str")
    for f in form.fields:  # numbers stay numbers; only Stata's letters (.a) make them mixed
        if is_numeric(f) and not any(isinstance(v, str) for v in cols.get(f.id, ())):
            frame[f.id] = pd.Series(cols.get(f.id, []), dtype="float64")
    return frame


def _write(snap: Snapshot, out: Output, progress: Progress, kind: str) -> None:
    import pandas as pd  # here: only these exports need it (and it takes a second to load)
    import pyreadstat

    numbers = missing_numbers(snap.study)
    total = len(snap.forms) + 1
    for n, form in enumerate(snap.forms, start=1):
        progress(n, total, f"Writing {form.id}.{kind}")
        cols = _columns(snap, form, kind)
        frame = typed_frame(pd, cols, form)
        path = out.path(f"{form.id}.{kind}")
        numeric = [f for f in form.fields if is_numeric(f)]
        if kind == "dta":
            letters = missing_letters(snap.study)
            pyreadstat.write_dta(
                frame, str(path), file_label=form.label[:STATA_LABEL],
                column_labels=_labels(snap, form, kind, STATA_LABEL),
                variable_value_labels=_value_labels(snap, form, kind),
                missing_user_values={f.id: [letters[c] for c in f.missing]
                                     for f in numeric if f.missing})
        else:
            for f in numeric:
                if f.missing and len(f.missing) > 3:
                    raise ExportError(f"{form.id}.{f.id}: SPSS allows three user-missing "
                                      f"values; the field allows {len(f.missing)} codes.")
                if f.min is not None and f.min <= SPSS_MISSING_BASE:
                    raise ExportError(f"{form.id}.{f.id}: its range reaches the SPSS missing "
                                      f"values ({SPSS_MISSING_BASE - 1} and below).")
            pyreadstat.write_sav(
                frame, str(path), file_label=form.label,
                column_labels=_labels(snap, form, kind, None),
                variable_value_labels=_value_labels(snap, form, kind),
                missing_ranges={f.id: [numbers[c] for c in f.missing]
                                for f in numeric if f.missing},
                variable_measure={f.id: "nominal" for f in form.fields
                                  if f.codelist is not None})
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
    return f"""ALS Desk {'Stata' if kind == 'dta' else 'SPSS'} export: {study.id} ({study.protocol}), CRF version {study.crf_version}
Exported {snap.taken_at} by {snap.taken_by}. Subjects: {len(snap.subjects)}.
One file per form: {', '.join(f.id + '.' + kind for f in snap.forms)}.
Keys: subject, event, event_repeat, repeat; status is the form's status.

Missing-data codes.
{how}
Other variables (text, text-coded choices, dates, times) keep their value; the code is in
the companion variable <field>_m ({exported}).
Dates: full dates and date-times are date variables (local clinic time); partial dates
(2014-03, 2014) and times (HH:MM) are text.
Direct identifiers: {'INCLUDED - keep these files secure' if snap.options.include_identifiers else 'not included'}.
data_dictionary.csv and codes.csv of the CSV export describe every variable.
"""
