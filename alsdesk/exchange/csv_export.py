"""CSV for R, SAS, Stata and Excel: one file per form, a data dictionary and the code lists.

Each form file has one row per subject, event (and repeat of the event) and repeat of the
form; its columns are the keys, the form status and the field ids. A missing-data code sits in
its own column ``<field>__missing`` beside the field, never in the value column, so a numeric
column holds numbers or nothing. Choice columns hold the codes; ``codes.csv`` has the labels.
Dates are ISO (partial dates shortened: 2014-03, 2014); date-times are ``YYYY-MM-DD HH:MM``,
the clinic's local time.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from alsdesk.exchange import heads
from alsdesk.exchange.dataset import (
    ExportOptions, ExportResult, Output, Progress, Snapshot, export_codes, is_numeric, run_export,
    value_text,
)
from alsdesk.store.schema import missing_column
from alsdesk.study.model import CodeList, Field, FieldType, Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store

KEY_COLUMNS = ("subject", "event", "event_repeat", "repeat", "status")
# ...and in each form's file the CRF version its data were last changed under (a database
# amended mid-study holds forms of several: alsdesk/store/amend.py)
FORM_KEYS = KEY_COLUMNS + ("crf_version",)
DICTIONARY_COLUMNS = (
    "form", "form_label", "column", "field", "label", "type", "unit", "codelist",
    "codes", "min", "max", "digits", "length", "partial_dates", "required", "missing_codes",
    "visible_when", "section", "cdash", "sdtm", "identifier",
)
# one row per code per CRF version: join a form row on (crf_version, code) for its label
CODE_COLUMNS = ("codelist", "code", "label", "order", "crf_version")
AUDIT_COLUMNS = (
    "seq", "ts", "user_id", "role", "action", "subject", "event", "event_repeat", "form",
    "repeat", "field", "old_value", "new_value", "reason", "hash",
)
_KEY_DOC = {
    "subject": ("Subject (screening number)", "text"),
    "event": ("Event id (visit); see events in README.txt", "text"),
    "event_repeat": ("Repeat of the event (unscheduled visits 1, 2, ...; else 1)", "integer"),
    "repeat": ("Repeat of the form within the event (log entries 1, 2, ...; else 1)",
               "integer"),
    "status": ("Form status: in progress, complete, verified, signed, locked", "text"),
    "crf_version": ("CRF version (study definition) the form's data were last changed "
                    "under; 'alsdesk study versions' lists them. The labels of this row's "
                    "codes are those of codes.csv with the same crf_version", "text"),
}


def export_csv(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
               progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """Write the CSV files into the folder `out` (new or empty) and log the export."""
    return run_export(store, "csv", out, options, True, _write, progress, overwrite)


def _write(snap: Snapshot, out: Output, progress: Progress) -> None:
    encoding = "utf-8-sig" if snap.options.bom else "utf-8"
    total = len(snap.forms) + 4
    for n, form in enumerate(snap.forms, start=1):
        progress(n, total, f"Writing {form.id}.csv")
        _write_rows(out.path(f"{form.id}.csv"), encoding, form_header(form),
                    form_rows(snap, form))
    progress(total - 3, total, "Writing the data dictionary")
    _write_rows(out.path("data_dictionary.csv"), encoding, DICTIONARY_COLUMNS,
                dictionary_rows(snap))
    _write_rows(out.path("codes.csv"), encoding, CODE_COLUMNS, code_rows(snap))
    status_cols = ("subject", "status") + (("initials",) if snap.options.include_identifiers
                                           else ())
    _write_rows(out.path("subjects.csv"), encoding, status_cols,
                ([s.code, s.status] + ([s.initials or ""] if snap.options.include_identifiers
                                       else []) for s in snap.subjects))
    if snap.options.include_audit:
        progress(total - 1, total, "Writing the audit trail")
        cell = (lambda v: excel_safe(_cell(v))) if snap.options.bom else _cell
        _write_rows(out.path("audit_trail.csv"), encoding, AUDIT_COLUMNS,
                    ([cell(row[c]) for c in AUDIT_COLUMNS] for row in snap.audit_rows()))
        _write_rows(out.path("signatures.csv"), encoding,
                    KEY_COLUMNS[:4] + ("form", "signed_by", "full_name", "role", "meaning",
                                       "signed_at", "valid"),
                    signature_rows(snap))
    readme = out.path("README.txt")
    readme.write_text(readme_text(snap), encoding="utf-8")


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _write_rows(path: Path, encoding: str, header: Iterable[str],
                rows: Iterable[Iterable[Any]]) -> None:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(list(header))
        writer.writerows(rows)


def form_header(form: Form) -> list[str]:
    cols = list(FORM_KEYS)
    for f in form.fields:
        cols.append(f.id)
        if f.missing:
            cols.append(missing_column(f.id))
    return cols


def csv_value(f: Field, value: Any) -> str:
    if f.type is FieldType.DATETIME and isinstance(value, str):
        return value.replace("T", " ")
    return value_text(f, value)


# A cell that Excel would run as a formula (=HYPERLINK(...) typed into a text field): the
# byte order mark is asked for to open the files in Excel, so there such text gets a leading
# apostrophe, which Excel shows as text and hides. Without it the text is as stored (R and
# pandas run nothing). Numbers are never text, so a negative number is not touched.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _ExcelWriter:
    """A csv.writer whose text cells pass through excel_safe."""

    def __init__(self, fh) -> None:
        self._w = csv.writer(fh)

    def writerow(self, row) -> None:
        self._w.writerow([excel_safe(c) if isinstance(c, str) else c for c in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def table_writer(fh, bom: bool):
    """The writer of a derived table (analysis, PRO-ACT): for Excel (`bom`), guarded."""
    return _ExcelWriter(fh) if bom else csv.writer(fh)


def excel_safe(text: str) -> str:
    if not text.startswith(FORMULA_START):
        return text
    try:
        float(text)  # -3 or +1.5 (an old value in the audit trail): a number, no formula
        return text
    except ValueError:
        return "'" + text


def form_rows(snap: Snapshot, form: Form) -> Iterable[list[str]]:
    codes = export_codes(snap.study)
    guard = {f.id for f in form.fields if f.type in (FieldType.TEXT, FieldType.MEMO)} \
        if snap.options.bom else set()
    from alsdesk.store.definitions import labels as crf_labels

    labels = crf_labels(snap.conn)
    for inst in snap.instances_of(form.id):
        row = [inst.subject, inst.event, str(inst.event_repeat), str(inst.repeat), inst.status,
               labels.get(inst.crf_changed, snap.study.crf_version)]
        for f in form.fields:
            text = csv_value(f, inst.values.get(f.id))
            row.append(excel_safe(text) if f.id in guard else text)
            if f.missing:
                code = inst.missing.get(f.id)
                row.append(codes.get(code, code) if code else "")
        yield row


def type_text(f: Field) -> str:
    """The dictionary's type: what a column holds and how it is written."""
    if f.type is FieldType.CHOICE and f.codelist is not None:
        return "integer code" if f.codelist.data_type == "integer" else "text code"
    return {
        FieldType.TEXT: "text", FieldType.MEMO: "text (several lines)",
        FieldType.INTEGER: "integer", FieldType.DECIMAL: "decimal",
        FieldType.DATE: "date YYYY-MM-DD" + (" (or YYYY-MM, YYYY)" if f.partial else ""),
        FieldType.DATETIME: "date-time YYYY-MM-DD HH:MM (local time)",
        FieldType.TIME: "time HH:MM",
    }[f.type]


def codes_text(codelist: CodeList | None) -> str:
    if codelist is None:
        return ""
    return " | ".join(f"{c.code}={c.label}" for c in codelist.choices)


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def dictionary_rows(snap: Snapshot) -> Iterable[list[str]]:
    missing_labels = {m.code: m.label for m in snap.study.missing_codes}
    exported = export_codes(snap.study)
    for form in snap.forms:
        for key in FORM_KEYS:
            label, kind = _KEY_DOC[key]
            yield [form.id, form.label, key, "", label, kind] + [""] * 15
        for f in form.fields:
            yield [
                form.id, form.label, f.id, f.id, f.label, type_text(f), f.unit or "",
                f.codelist.id if f.codelist else "", codes_text(f.codelist), _num(f.min),
                _num(f.max), "" if f.digits is None else str(f.digits),
                "" if f.length is None else str(f.length), "yes" if f.partial else "",
                "yes" if f.required else "", " | ".join(exported[c] for c in f.missing),
                f.visible or "",
                f.section or "", f.cdash or "", f.sdtm or "", "yes" if f.identifier else "",
            ]
            if f.missing:
                codes = " | ".join(f"{exported[c]}={missing_labels[c]}" for c in f.missing)
                yield [form.id, form.label, missing_column(f.id), f.id,
                       f"{f.label}: missing-data code", "text code", "", "missing", codes]\
                    + [""] * 12


def code_rows(snap: Snapshot) -> Iterable[list[str]]:
    """Every code list of the exported forms with its labels, once per CRF version stored:
    an amendment may relabel a code, and a form row is read with the labels of its own
    crf_version (join on crf_version and the code). Every version is listed, not only the
    ones whose labels differ, so that the join needs no fallback to another version."""
    for crf, study, forms in _versions(snap):
        seen: dict[str, CodeList] = {}
        for form in forms:
            for f in form.fields:
                if f.codelist is not None:
                    seen.setdefault(f.codelist.id, f.codelist)
        for cl in seen.values():
            for n, c in enumerate(cl.choices, start=1):
                yield [cl.id, str(c.code), c.label, str(n), crf]
        for n, m in enumerate(study.missing_codes, start=1):
            yield ["missing", m.exported, m.label, str(n), crf]


def _versions(snap: Snapshot):
    """(CRF version label, definition, exported forms) of each stored version, oldest
    first; the snapshot's own alone for a file of format 2, which stores none."""
    from alsdesk.exchange.odm_versions import selected_forms
    from alsdesk.store import definitions

    stored = definitions.versions(snap.conn)
    for row in stored:
        if row.version == snap.study_version:
            yield row.crf_version, snap.study, snap.forms
        elif row.version < snap.study_version:
            study = definitions.study_at(snap.conn, row.version)
            yield row.crf_version, study, selected_forms(study, snap)
    if not stored:
        yield snap.study.crf_version, snap.study, snap.forms


def signature_rows(snap: Snapshot) -> Iterable[list[str]]:
    for inst in snap.all_instances():
        for s in snap.signatures.get(inst.instance_id, []):
            yield [inst.subject, inst.event, str(inst.event_repeat), str(inst.repeat),
                   inst.form, s.user_id, s.full_name, s.role, s.meaning, s.signed_at,
                   "yes" if s.valid else "no (voided: data changed after signing)"]


def numeric_columns(form: Form) -> list[str]:
    """Columns of a form file that hold numbers only (keys included)."""
    return ["event_repeat", "repeat"] + [f.id for f in form.fields if is_numeric(f)]


_AUDIT_FILES = """
  audit_trail.csv      the audit trail of the exported subjects and forms
  signatures.csv       electronic signatures (voided ones marked)"""


def _missing_text(snap: Snapshot) -> str:
    codes = [f"{m.exported} ({m.label.lower()})" for m in snap.study.missing_codes]
    text = ", ".join(codes[:-1]) + (" or " if len(codes) > 1 else "") + codes[-1] \
        if codes else "a missing-data code"
    renamed = [f"{m.exported} is what ALS Desk shows as {m.code}"
               for m in snap.study.missing_codes if m.exported != m.code]
    return text + (" (" + "; ".join(renamed) + ", as pandas and R would read\n"
                   + "a cell " + renamed[0].split()[-1] + " as empty)" if renamed else "")


def readme_text(snap: Snapshot) -> str:
    study, opts = snap.study, snap.options
    events = "\n".join(f"  {e.id:<12} {e.label}" for e in snap.events)
    files = "\n".join(f"  {f.id}.csv{' ' * max(1, 12 - len(f.id))}{f.label}"
                      + (" (several entries per event: column repeat)" if f.repeating else "")
                      for f in snap.forms)
    return f"""ALS Desk data export: {study.id} ({study.protocol}), CRF version {study.crf_version}
Exported {snap.taken_at} by {snap.taken_by}. Subjects: {len(snap.subjects)}.
{heads.readme_line(snap)}Direct identifiers: {'INCLUDED - keep this folder secure' if opts.include_identifiers
                     else 'not included'}.

Files (UTF-8{' with byte order mark' if opts.bom else ''}, comma separated, one header row):
{files}
  data_dictionary.csv  every column: form, label, type, unit, codes, range, CDASH/SDTM names
  codes.csv            every code list: code, label, order, crf_version; list "missing" =
                       missing-data codes. Once per CRF version: an amendment may relabel a
                       code, so read a form row's codes with the labels of its crf_version
                       (join on crf_version and code)
  subjects.csv         subject and status{_AUDIT_FILES if opts.include_audit else ''}

Keys of every form file: subject, event, event_repeat, repeat; status is the form's status.
Events:
{events}

A value and its missing-data code are never in the same column: <field>__missing holds
{_missing_text(snap)} when the value is blank for that reason.
Numeric columns (type integer, decimal or integer code) hold only numbers or nothing.
Text columns and labels may hold words such as "None" (an ALSFRS-R answer) or whatever was
typed: read them as text, without turning words into missing values, e.g.
pandas.read_csv(f, keep_default_na=False, na_values=[""]), R read.csv(f, na.strings = "").
Deleted log entries are not exported; their history is in the audit trail.
{_EXCEL if opts.bom else ""}"""


_EXCEL = """For Excel (byte order mark): text that begins with = + - @ or a tab is written with an
apostrophe before it ('=...), which Excel shows as text instead of running it as a formula;
the value stored has no apostrophe. Export without the byte order mark for R, SAS or pandas.
"""
