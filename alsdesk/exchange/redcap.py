"""REDCap project files: data dictionary, events, instrument-event mapping, repeating
instruments, and the records in REDCap's import layout (longitudinal, repeating logs).

REDCap rules followed (see docs/exchange.md for where each was checked):

* data dictionary: the 18 columns, in order, with REDCap's header texts; the first row is the
  record id field; variable names are lower-case letters, digits and underscores, start with
  a letter and are unique in the project (a field id used on two forms, such as ``weight``,
  becomes ``<form>_<field>``); choices are ``code, label | code, label``; text validation
  ``integer``, ``number``, ``date_ymd``, ``datetime_ymd``, ``time``; ``y`` marks identifiers
  and required fields;
* choice codes are letters, digits and underscores: a list with other characters
  (``NOT RELATED``) gets ``NOT_RELATED`` (or 1, 2, ... if that is not unique); the field
  annotation keeps the ALS Desk code of each;
* records: ``record_id, redcap_event_name, redcap_repeat_instrument, redcap_repeat_instance``,
  then the fields; one row per record and event with the non-repeating instruments, one row
  per instance of a repeating instrument (its name and instance number), and for a repeating
  event the instance number with an empty instrument; ``<form>_complete`` is 0 incomplete,
  1 unverified, 2 complete;
* missing-data codes go in the field itself, as REDCap's "Missing Data Codes" feature stores
  them; the README gives the line to paste into the project's settings.
"""
from __future__ import annotations

import ast
import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from alsdesk.exchange import heads
from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Instance, Output, Progress, Snapshot,
    decimal_text, export_codes, plain_number, run_export,
)
from alsdesk.study.model import CodeList, Event, Field, FieldType, Form, TimeUnit

if TYPE_CHECKING:
    from alsdesk.store.core import Store

RECORD_ID = "record_id"
DICTIONARY_HEADER = (
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min",
    "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
    "Required Field?", "Custom Alignment", "Question Number (surveys only)",
    "Matrix Group Name", "Matrix Ranking?", "Field Annotation",
)
EVENT_HEADER = ("event_name", "arm_num", "day_offset", "offset_min", "offset_max",
                "unique_event_name", "custom_event_label")
MAPPING_HEADER = ("arm_num", "unique_event_name", "form")
REPEATING_HEADER = ("event_name", "form_name", "custom_form_label")
RECORD_KEYS = (RECORD_ID, "redcap_event_name", "redcap_repeat_instrument",
               "redcap_repeat_instance")
# ALS Desk form status -> REDCap form status (0 Incomplete, 1 Unverified, 2 Complete)
COMPLETE_CODES = {"in progress": "0", "complete": "1", "verified": "2", "signed": "2",
                  "locked": "2"}
_VARIABLE = re.compile(r"[a-z][a-z0-9_]*")
_CODE = re.compile(r"[A-Za-z0-9_]+")
_RADIO_MAX = 6  # longer lists become drop-downs
_EVENT_NAME_MAX = 18  # REDCap builds unique event names from the first 18 characters


def export_redcap(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(),
                  *, progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """Write the REDCap files into the folder `out` (new or empty) and log the export."""
    if options.include_audit:
        # The audit row would say "audit trail included" of files that cannot hold it.
        raise ExportError("REDCap's import files cannot carry the audit trail or signatures: "
                          "export CSV or ODM with the audit trail for them.")
    return run_export(store, "redcap", out, options, True, _write, progress, overwrite)


class Names:
    """REDCap names of fields, codes and events for one export."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        # Counted over the whole study, so a field keeps its name whatever the filters.
        counts: dict[str, int] = {}
        for form in snap.study.forms.values():
            for f in form.fields:
                counts[f.id] = counts.get(f.id, 0) + 1
        self.variables: dict[tuple[str, str], str] = {}
        for form in snap.forms:
            for f in form.fields:
                name = f.id
                if counts[f.id] > 1 or name == RECORD_ID or name.startswith("redcap_") \
                        or name.endswith("_complete"):
                    name = f"{form.id}_{f.id}"
                if not _VARIABLE.fullmatch(name) or len(name) > 100:
                    raise ExportError(f"{form.id}.{f.id} cannot be named in REDCap ({name}).")
                self.variables[(form.id, f.id)] = name
        self.codes: dict[str, dict[Any, str]] = {}
        for form in snap.forms:
            for f in form.fields:
                if f.codelist is not None and f.codelist.id not in self.codes:
                    self.codes[f.codelist.id] = _code_map(f.codelist)
        # REDCap stores a missing-data code as the value: the code data files write.
        self.missing = export_codes(snap.study)
        self.events: dict[str, str] = {}
        for event in snap.events:
            if len(event.id) > _EVENT_NAME_MAX:
                raise ExportError(f"The event id '{event.id}' is longer than {_EVENT_NAME_MAX}"
                                  " characters: REDCap would shorten its unique name.")
            self.events[event.id] = f"{event.id}_arm_1"

    def var(self, form: Form, f: Field) -> str:
        return self.variables[(form.id, f.id)]

    def code(self, f: Field, value: Any) -> str:
        assert f.codelist is not None
        return self.codes[f.codelist.id][value]


def _code_map(codelist: CodeList) -> dict[Any, str]:
    codes = [c.code for c in codelist.choices]
    if all(_CODE.fullmatch(str(c)) for c in codes):
        return {c: str(c) for c in codes}
    cleaned = {c: re.sub(r"[^A-Za-z0-9]+", "_", str(c)).strip("_") for c in codes}
    if all(cleaned.values()) and len(set(cleaned.values())) == len(codes):
        return cleaned
    return {c: str(n) for n, c in enumerate(codes, start=1)}


def _write(snap: Snapshot, out: Output, progress: Progress) -> None:
    names = Names(snap)
    encoding = "utf-8-sig" if snap.options.bom else "utf-8"
    progress(1, 4, "Writing the REDCap data dictionary")
    _csv(out.path("data_dictionary.csv"), encoding, DICTIONARY_HEADER,
         dictionary_rows(snap, names))
    _csv(out.path("events.csv"), encoding, EVENT_HEADER, event_rows(snap, names))
    _csv(out.path("instrument_event_mapping.csv"), encoding, MAPPING_HEADER,
         ([1, names.events[e.id], f] for e in snap.events for f in e.forms))
    _csv(out.path("repeating_instruments_events.csv"), encoding, REPEATING_HEADER,
         repeating_rows(snap, names))
    progress(2, 4, "Writing the REDCap records")
    header, rows = record_rows(snap, names)
    _csv(out.path("records.csv"), encoding, header, rows)
    out.path("README.txt").write_text(readme_text(snap, names), encoding="utf-8")


def _csv(path: Path, encoding: str, header: Iterable[str], rows: Iterable[Iterable[Any]]):
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(list(header))
        writer.writerows(rows)


# --- data dictionary ----------------------------------------------------------------------


def field_type(f: Field) -> tuple[str, str]:
    """REDCap field type and text validation of a field."""
    if f.type is FieldType.CHOICE:
        assert f.codelist is not None
        return ("radio" if len(f.codelist.choices) <= _RADIO_MAX else "dropdown"), ""
    if f.type is FieldType.MEMO:
        return "notes", ""
    validation = {
        FieldType.INTEGER: "integer", FieldType.DECIMAL: "number",
        FieldType.DATE: "" if f.partial else "date_ymd", FieldType.DATETIME: "datetime_ymd",
        FieldType.TIME: "time",
    }.get(f.type, "")
    return "text", validation


def _bound(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else plain_number(value)


def dictionary_rows(snap: Snapshot, names: Names) -> Iterable[list[str]]:
    first = snap.forms[0].id
    yield [RECORD_ID, first, "", "text", "Subject (screening number)"] + [""] * 13
    for form in snap.forms:
        section = None
        for f in form.fields:
            kind, validation = field_type(f)
            header = f.section if f.section and f.section != section else ""
            section = f.section
            choices = ""
            if f.codelist is not None:
                choices = " | ".join(f"{names.code(f, c.code)}, {c.label}"
                                     for c in f.codelist.choices)
            note = [f.unit] if f.unit else []
            if f.partial:
                note.append("YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is unknown")
            if f.type is FieldType.DATETIME:
                note.append("clinic local time")
            annotation = [f"ALS Desk {form.id}.{f.id}"]
            if f.cdash:
                annotation.append(f"CDASH {f.cdash}")
            if f.sdtm:
                annotation.append(f"SDTM {f.sdtm}")
            if f.codelist is not None and any(str(k) != v for k, v in
                                               names.codes[f.codelist.id].items()):
                annotation.append("ALS Desk codes: " + ", ".join(
                    f"{v}={k}" for k, v in names.codes[f.codelist.id].items()))
            if f.missing:
                annotation.append("missing-data codes allowed: "
                                  + ", ".join(names.missing[c] for c in f.missing))
            yield [
                names.var(form, f), form.id, header, kind, f.label, choices, "; ".join(note),
                validation, _bound(f.min) if validation in ("integer", "number") else "",
                _bound(f.max) if validation in ("integer", "number") else "",
                "y" if f.identifier else "", branching(f, form, names),
                "y" if f.required else "", "", "", "", "", "; ".join(annotation),
            ]


class _Untranslatable(Exception):
    pass


def branching(f: Field, form: Form, names: Names) -> str:
    """The field's `visible` condition in REDCap logic ("" when there is none or it is
    beyond the simple comparisons REDCap logic shares with ours)."""
    if not f.visible:
        return ""
    try:
        return _logic(ast.parse(f.visible, mode="eval").body, form, names)
    except (_Untranslatable, SyntaxError, KeyError):
        return ""


def _logic(node: ast.AST, form: Form, names: Names, negate: bool = False) -> str:
    if isinstance(node, ast.BoolOp):
        joiner = " or " if isinstance(node.op, ast.Or) != negate else " and "
        return "(" + joiner.join(_logic(v, form, names, negate) for v in node.values) + ")"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return _logic(node.operand, form, names, not negate)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 \
            and isinstance(node.args[0], ast.Name) and node.func.id in ("present", "blank"):
        ref = _ref(node.args[0].id, form, names)
        empty = (node.func.id == "blank") != negate
        return f"{ref} {'=' if empty else '<>'} ''"
    if isinstance(node, ast.Compare) and len(node.ops) == 1 \
            and isinstance(node.left, ast.Name):
        f = form.field(node.left.id)
        ref = _ref(node.left.id, form, names)
        op, right = node.ops[0], node.comparators[0]
        if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (ast.List, ast.Tuple)):
            inside = isinstance(op, ast.In) != negate
            parts = [f"{ref} {'=' if inside else '<>'} {_literal(f, e, names)}"
                     for e in right.elts]
            return "(" + (" or " if inside else " and ").join(parts) + ")"
        symbols = {ast.Eq: "=", ast.NotEq: "<>", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
                   ast.GtE: ">="}
        opposite = {"=": "<>", "<>": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
        symbol = symbols.get(type(op))
        if symbol is None:
            raise _Untranslatable
        if negate:
            symbol = opposite[symbol]
        text = f"{ref} {symbol} {_literal(f, right, names)}"
        # Our logic is unknown (so hidden) while the field is blank; REDCap's <> is true.
        return f"({text} and {ref} <> '')" if symbol == "<>" else text
    raise _Untranslatable


def _ref(field_id: str, form: Form, names: Names) -> str:
    return f"[{names.var(form, form.field(field_id))}]"


def _literal(f: Field, node: ast.AST, names: Names) -> str:
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        raise _Untranslatable
    value = node.value
    if f.codelist is not None:
        value = names.code(f, value)
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "") + "'"


# --- events -------------------------------------------------------------------------------


def _days(event: Event, value: float) -> float:
    return value / 24 if event.unit is TimeUnit.HOURS else value


def event_rows(snap: Snapshot, names: Names) -> Iterable[list[Any]]:
    """Day offsets count from the infusion, moved so the earliest window starts at day 0
    (REDCap orders events by their offset); unscheduled events follow in protocol order."""
    planned: dict[str, tuple[float, float, float]] = {}
    for e in snap.events:
        if e.target is None and e.window is None:
            continue
        lo, hi = (_days(e, w) for w in e.window) if e.window else (None, None)
        day = _days(e, e.target) if e.target is not None else lo
        planned[e.id] = (day, day - (lo if lo is not None else day),
                         (hi if hi is not None else day) - day)
    shift = -min((p[0] for p in planned.values()), default=0)
    shift = max(shift, 0)
    last = 0.0
    for e in snap.events:
        if e.id in planned:
            day, before, after = planned[e.id]
            day += shift
        else:
            day, before, after = last + 1, 0, 0
        last = max(last, day)
        yield [e.id, 1, _bound(round(day, 2)), _bound(round(before, 2)),
               _bound(round(after, 2)), names.events[e.id], e.label]


def repeating_rows(snap: Snapshot, names: Names) -> Iterable[list[str]]:
    for e in snap.events:
        if e.repeating:
            yield [names.events[e.id], "", ""]
        for form_id in e.forms:
            if snap.form(form_id).repeating:
                yield [names.events[e.id], form_id, ""]


# --- records ------------------------------------------------------------------------------


def redcap_value(f: Field, value: Any, names: Names) -> str:
    if value is None:
        return ""
    if f.codelist is not None:
        return names.code(f, value)
    if f.type is FieldType.DECIMAL:
        return decimal_text(f, value)
    if f.type is FieldType.DATETIME:
        return str(value).replace("T", " ")
    return str(value)


def record_rows(snap: Snapshot, names: Names) -> tuple[list[str], Iterator[list[str]]]:
    header = list(RECORD_KEYS)
    column: dict[str, int] = {}
    for form in snap.forms:
        for f in form.fields:
            column[names.var(form, f)] = len(header)
            header.append(names.var(form, f))
        column[f"{form.id}_complete"] = len(header)
        header.append(f"{form.id}_complete")
    repeating_events = {e.id for e in snap.events if e.repeating}
    return header, _records(snap, names, header, column, repeating_events)


def _records(snap: Snapshot, names: Names, header: list[str], column: dict[str, int],
             repeating_events: set[str]) -> Iterator[list[str]]:
    """The rows of records.csv, one subject's at a time (instances come in subject order)."""
    rows: dict[tuple[str, str, str, str], list[str]] = {}
    for inst in snap.all_instances():
        if rows and next(iter(rows))[0] != inst.subject:
            yield from rows.values()
            rows = {}
        form = snap.form(inst.form)
        if form.repeating and inst.event in repeating_events:
            raise ExportError(f"REDCap cannot repeat the form '{form.label}' inside the "
                              f"repeating event '{inst.event}'.")
        key = (inst.subject, names.events[inst.event],
               form.id if form.repeating else "",
               str(inst.repeat) if form.repeating
               else str(inst.event_repeat) if inst.event in repeating_events else "")
        row = rows.setdefault(key, [*key] + [""] * (len(header) - 4))
        _fill(row, column, form, inst, names)
    yield from rows.values()


def _fill(row: list[str], column: dict[str, int], form: Form, inst: Instance,
          names: Names) -> None:
    for f in form.fields:
        code = inst.missing.get(f.id)
        row[column[names.var(form, f)]] = names.missing[code] if code else \
            redcap_value(f, inst.values.get(f.id), names)
    row[column[f"{form.id}_complete"]] = COMPLETE_CODES.get(inst.status, "0")


def readme_text(snap: Snapshot, names: Names) -> str:
    missing = "\n".join(f"    {m.exported}, {m.label}" for m in snap.study.missing_codes)
    renamed = [f"    {form}.{field} -> {var}" for (form, field), var in names.variables.items()
               if var != field]
    long_names = [v for v in names.variables.values() if len(v) > 26]
    clash = sorted({str(c) for codes in names.codes.values() for c in codes.values()}
                   & {m.exported for m in snap.study.missing_codes})
    return f"""REDCap files for {snap.study.id} ({snap.study.protocol}), exported {snap.taken_at}.
{heads.readme_line(snap)}
To build the REDCap project:
 1. Create a project; in Project Setup enable "Use longitudinal data collection with
    defined events" and "Repeating instruments and events".
 2. Data Dictionary: upload data_dictionary.csv.
 3. Define My Events: upload events.csv (arm 1). Designate Instruments for My Events:
    upload instrument_event_mapping.csv.
 4. Repeating instruments and events: set them as in repeating_instruments_events.csv
    (an empty form_name means the whole event repeats).
 5. Additional customizations > Missing Data Codes: enter
{missing}
 6. Data Import Tool: upload records.csv, date format YYYY-MM-DD (Y-M-D).

Form status (<form>_complete): 0 = in progress, 1 = complete (not yet verified by a
monitor), 2 = verified, signed or locked in ALS Desk. Signatures, queries and the audit trail
do not travel to REDCap; the ODM and CSV exports carry them.
Fields renamed because REDCap needs names unique across the project:
{chr(10).join(renamed) or '    none'}
Variable names longer than REDCap's recommended 26 characters: {', '.join(long_names) or 'none'}
Choice codes equal to a missing-data code (REDCap could not tell them apart):
    {', '.join(clash) or 'none'}
Events: event_name is the ALS Desk event id, so REDCap's unique names are <id>_arm_1; the
protocol's name is the custom event label. Day offsets count from the start of the earliest
window (screening), as REDCap orders events by offset.
"""
