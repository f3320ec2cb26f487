"""The PRO-ACT-shaped export: ALS trial data in the tables of the pooled PRO-ACT database.

The tables, columns and the fields they come from are resources/study/proact.toml; this
module only reads instances through the audited export path, turns dates into day offsets
from the infusion start (day 0) and computes derived values through the core's deriver.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk import overview
from alsdesk.clinical.dates import as_date
from alsdesk.errors import ClinicalError
from alsdesk.exchange import heads
from alsdesk.exchange.csv_export import table_writer
from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Instance, Output, Progress, Snapshot,
    decimal_text, run_export,
)
from alsdesk.study.model import FieldType, Study
from alsdesk.study.companion import companion_file, study_companion
from alsdesk.study.source import Source

if TYPE_CHECKING:
    from alsdesk.store.core import Store

_TABLE_KEYS = {"name", "form", "event", "delta", "delta_or", "delta_column", "end",
               "end_column", "columns", "dates", "constants", "died"}


@dataclass(frozen=True)
class Table:
    name: str
    form: str
    delta: str
    delta_column: str
    columns: dict[str, str]
    event: str | None = None  # per subject: the event of the form; else one row per instance
    delta_or: str | None = None
    end: str | None = None
    end_column: str | None = None
    dates: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    died: dict[str, str] = field(default_factory=dict)

    def header(self) -> list[str]:
        cols = ["subject_id", self.delta_column, f"{self.delta_column}_Imputed"]
        if self.end_column:
            cols += [self.end_column, f"{self.end_column}_Imputed"]
        for name in self.dates:
            cols += [name, f"{name}_Imputed"]
        cols += list(self.columns) + list(self.constants)
        if self.died:
            cols.append(self.died["column"])
        return cols


def definition_file() -> Path:
    return companion_file("proact.toml")


def _check_ref(study: Study, src: Source, key: str, form_id: str, ref: str) -> None:
    form_ref, _, name = ref.rpartition(".") if "." in ref else (form_id, "", ref)
    name = name.lstrip("=")
    if form_ref not in study.forms:
        src.fail(key, f"{ref!r}: the study has no form {form_ref!r}")
    form = study.forms[form_ref]
    derived = {d.id for d in form.derived}
    if ref.startswith("=") and name not in derived:
        src.fail(key, f"{ref!r}: the form {form_ref!r} has no derived value {name!r}")
    if not ref.startswith("=") and name not in form.field_ids:
        src.fail(key, f"{ref!r}: the form {form_ref!r} has no field {name!r}")


def load_proact(study: Study, path: Path | None = None) -> tuple[Table, ...]:
    """proact.toml checked against the study; DefinitionError names the file and key."""
    data, src = study_companion(study, "proact.toml", path)
    tables = []
    for n, raw in enumerate(data.get("tables", [])):
        key = f"tables[{n}]"
        unknown = set(raw) - _TABLE_KEYS
        if unknown:
            src.fail(key, f"unknown key {sorted(unknown)[0]!r}; allowed: "
                          + ", ".join(sorted(_TABLE_KEYS)))
        try:
            table = Table(**raw)
        except TypeError as exc:
            src.fail(key, str(exc))
        if table.form not in study.forms:
            src.fail(f"{key}.form", f"the study has no form {table.form!r}")
        if table.event is not None and table.event not in {e.id for e in study.events}:
            src.fail(f"{key}.event", f"the study has no event {table.event!r}")
        refs = [("delta", table.delta)] + [("delta_or", table.delta_or), ("end", table.end)]
        refs += [(f"columns.{c}", r) for c, r in table.columns.items()]
        refs += [(f"dates.{c}", r) for c, r in table.dates.items()]
        refs += [("died.field", table.died.get("field"))] if table.died else []
        for sub, ref in refs:
            if ref is not None:
                _check_ref(study, src, f"{key}.{sub}", table.form, ref)
        tables.append(table)
    return tuple(tables)


def export_proact(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(),
                  *, progress: Progress | None = None, overwrite: bool = False
                  ) -> ExportResult:
    """One CSV per PRO-ACT table into the folder `out` (audited)."""
    if options.include_audit:
        raise ExportError("The PRO-ACT tables hold no audit trail: export CSV or ODM with "
                          "the audit trail for it.")
    tables = load_proact(store.study)
    return run_export(store, "proact", out, options, True,
                      lambda s, o, p: _write(store, tables, s, o, p), progress, overwrite)


def _delta(value: Any, day0: Any) -> tuple[str, str]:
    """(days from day 0, "Y" when the date was partial and imputed) as cells."""
    if value is None or day0 is None:
        return "", ""
    try:
        when, imputed = as_date(str(value)[:10])
        start, _ = as_date(str(day0)[:10])
    except ClinicalError:
        return "", ""
    return str((when - start).days), "Y" if imputed else "N"


class _Rows:
    """Values of one subject's instances by reference (same form, other form, derived)."""

    def __init__(self, store: "Store", code: str) -> None:
        self.store = store
        self.deriver = overview.deriver(store, code)
        ev, form, name = store.study.bindings["anchor"].split(".")
        self.day0 = self.deriver.lookup(ev, form).get(name)

    def value(self, inst: Instance, ref: str) -> Any:
        study = self.store.study
        if ref.startswith("="):
            form = study.forms[inst.form]
            return self.deriver.compute(form, inst.event, inst.values)[ref[1:]].value
        if "." in ref:
            form_id, name = ref.split(".")
            return self.deriver.lookup(inst.event, form_id).get(name)
        return inst.values.get(ref)


def _cell(study: Study, form_id: str, ref: str, value: Any) -> str:
    if value is None:
        return ""
    name = ref.lstrip("=").rpartition(".")[2]
    fdef = next((f for f in study.forms[form_id].fields if f.id == name), None)
    if fdef is not None and fdef.type is FieldType.DECIMAL:
        return decimal_text(fdef, value)
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def _row(study: Study, table: Table, rows: _Rows, inst: Instance) -> list[str]:
    delta = rows.value(inst, table.delta)
    if delta is None and table.delta_or:
        delta = rows.value(inst, table.delta_or)
    cells = [inst.subject, *_delta(delta, rows.day0)]
    if table.end_column:
        cells += _delta(rows.value(inst, table.end), rows.day0)
    for ref in table.dates.values():
        cells += _delta(rows.value(inst, ref), rows.day0)
    cells += [_cell(study, inst.form, ref, rows.value(inst, ref))
              for ref in table.columns.values()]
    cells += list(table.constants.values())
    if table.died:
        cells.append("Yes" if rows.value(inst, table.died["field"]) else "No")
    return cells


def _write(store: "Store", tables: tuple[Table, ...], snap: Snapshot, out: Output,
           progress: Progress) -> None:
    exported = {f.id for f in snap.forms}
    encoding = "utf-8-sig" if snap.options.bom else "utf-8"  # --bom: for Excel
    written: list[str] = []
    left_out: set[str] = set()
    for n, table in enumerate(tables, start=1):
        if table.form not in exported:
            continue  # a form left out by --forms (or holding only identifiers)
        progress(n, len(tables) + 1, f"Writing {table.name}")
        cache: dict[str, _Rows] = {}
        with out.path(f"PROACT_{table.name}.csv").open("w", encoding=encoding,
                                                       newline="") as fh:
            w = table_writer(fh, snap.options.bom)
            w.writerow(table.header())
            for inst in snap.instances_of(table.form):
                if table.event is not None and inst.event != table.event:
                    continue
                rows = cache.get(inst.subject)
                if rows is None:  # one subject's lookups at a time (instances by subject)
                    cache = {inst.subject: _Rows(store, inst.subject)}
                    rows = cache[inst.subject]
                if rows.day0 is None:
                    left_out.add(inst.subject)  # never infused: no day 0 to count from
                    continue
                w.writerow(_row(snap.study, table, rows, inst))
        written.append(table.name)
    out.path("README.txt").write_text(
        f"PRO-ACT-shaped tables of {snap.study.id}, exported {snap.taken_at} by "
        f"{snap.taken_by}: {', '.join('PROACT_' + t + '.csv' for t in written)}.\n"
        f"{heads.readme_line(snap)}"
        "subject_id is the screening number. Every *_Delta / *_Days column is the number of "
        "days from day 0,\nthe infusion start; a partial date was imputed to the middle of "
        "its period (the 15th, or 2 July: the core's mid-period rule)\nand is marked Y in the *_Imputed column beside "
        "it. Codes are the study's (codes.csv of the CSV export).\nColumns and their "
        "sources: resources/study/proact.toml.\n"
        f"Left out, never infused (no day 0): {', '.join(sorted(left_out)) or 'none'}.\n",
        encoding="utf-8")
