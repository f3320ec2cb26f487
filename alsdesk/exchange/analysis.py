"""The analysis-ready subject table: one row per subject, and an AE incidence table.

What the columns are is resources/study/analysis.toml; the values come from the store and
the core's own derived values (ALSFRS-R total, King's, MiToS, Delta-FS, age: alsdesk.derive),
never computed a second way here. The AE incidence is the safety tables' count
(alsdesk.safety.tables: the subjects infused, by SOC and term), the rows of the safety
export's ae_by_soc_term.csv. Written through the audited export path (run_export).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk import overview
from alsdesk.clinical.dates import DAYS_PER_MONTH, as_date
from alsdesk.exchange import heads
from alsdesk.exchange.csv_export import table_writer
from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, plain_number, run_export,
)
from alsdesk.safety import tables as tb
from alsdesk.safety.tables_csv import TERM_COLUMNS, term_cells
from alsdesk.study.model import Study
from alsdesk.study.companion import companion_file, study_companion
from alsdesk.study.source import Source

if TYPE_CHECKING:
    from alsdesk.store.core import Store

KINDS = ("value", "day", "months", "ratio")


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    ref: str
    kind: str = "value"
    to: str | None = None
    change: bool = False
    slope: bool = False


@dataclass(frozen=True)
class AnalysisDef:
    baseline: tuple[str, ...]  # the first of these events holding a value is the baseline
    visits: tuple[str, ...]
    days_per_month: float
    subject: tuple[Column, ...]
    visit: tuple[Column, ...]
    ae: dict[str, str]
    visit_date: str = "sv.svstdtc"  # the study's bindings.visit_date


def definition_file() -> Path:
    return companion_file("analysis.toml")


def _fail(src: Source, key: str, what: str) -> None:
    src.fail(key, what)


def _check_ref(study: Study, src: Source, key: str, ref: str, event: str | None) -> None:
    parts = ref.split(".")
    if event is None and len(parts) != 3:
        _fail(src, key, f"{ref!r} must be event.form.field (e.g. screening.dm.age)")
    if event is not None and len(parts) != 2:
        _fail(src, key, f"{ref!r} must be form.field (the visit is filled in)")
    ev, form_id, name = (parts if event is None else (event, *parts))
    events = {e.id: e for e in study.events}
    if ev not in events:
        _fail(src, key, f"{ref!r}: the study has no event {ev!r}")
    if form_id not in events[ev].forms:
        _fail(src, key, f"{ref!r}: the event {ev!r} has no form {form_id!r}")
    form = study.forms[form_id]
    if name not in form.field_ids and name not in {d.id for d in form.derived}:
        _fail(src, key, f"{ref!r}: the form {form_id!r} has no field or derived value "
                        f"{name!r}")


def load_analysis(study: Study, path: Path | None = None) -> AnalysisDef:
    """analysis.toml, checked against the study; DefinitionError names file and key."""
    data, src = study_companion(study, "analysis.toml", path)
    visits = tuple(data.get("visits", ()))
    for n, ev in enumerate(visits):
        if ev not in {e.id for e in study.events}:
            _fail(src, f"visits[{n}]", f"the study has no event {ev!r}")
    baseline = data.get("baseline", [])
    baseline = tuple([baseline] if isinstance(baseline, str) else baseline)
    for n, ev in enumerate(baseline):
        if ev not in {e.id for e in study.events}:
            _fail(src, f"baseline[{n}]", f"the study has no event {ev!r}")
    if not baseline:
        _fail(src, "baseline", "name the baseline event(s), e.g. [\"baseline\", \"screening\"]")
    names: set[str] = set()

    def columns(kind: str) -> tuple[Column, ...]:
        out = []
        for n, raw in enumerate(data.get(kind, [])):
            key = f"{kind}[{n}]"
            try:
                col = Column(**raw)
            except TypeError as exc:
                _fail(src, key, f"{exc}; keys: name, label, ref, kind, to, change, slope")
            if col.kind not in KINDS:
                _fail(src, f"{key}.kind", f"{col.kind!r}: one of {', '.join(KINDS)}")
            if col.name in names or not col.name.isidentifier():
                _fail(src, f"{key}.name", f"{col.name!r} is repeated or not a plain name")
            names.add(col.name)
            for ev in (visits if kind == "visit" else (None,)):
                _check_ref(study, src, f"{key}.ref", col.ref, ev)
                if col.kind in ("months", "ratio"):
                    if not col.to:
                        _fail(src, f"{key}.to", f"kind {col.kind!r} needs `to`")
                    _check_ref(study, src, f"{key}.to", col.to, ev)
            out.append(col)
        return tuple(out)

    ae = data.get("adverse_events", {})
    if ae.get("form") not in study.forms:
        _fail(src, "adverse_events.form", f"the study has no form {ae.get('form')!r}")
    for key in ("grade", "serious"):
        if ae.get(key) not in study.forms[ae["form"]].field_ids:
            _fail(src, f"adverse_events.{key}", f"the form {ae['form']!r} has no field "
                                                f"{ae.get(key)!r}")
    # Months as the core counts them everywhere (Delta-FS, the dashboard): one rule.
    return AnalysisDef(baseline, visits, DAYS_PER_MONTH,
                       columns("subject"), columns("visit"), ae,
                       study.bindings.get("visit_date", "sv.svstdtc"))


def export_analysis(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(),
                    *, progress: Progress | None = None, overwrite: bool = False
                    ) -> ExportResult:
    """subjects.csv, its dictionary and ae_incidence.csv into the folder `out` (audited)."""
    if options.include_audit:
        raise ExportError("The analysis tables hold no audit trail: export CSV or ODM with "
                          "the audit trail for it.")
    spec = load_analysis(store.study)  # a refused file stops the export before it starts
    return run_export(store, "analysis", out, options, True,
                      lambda s, o, p: _write(store, spec, s, o, p), progress, overwrite)


def _moment(value: Any) -> date | None:
    if value is None:
        return None
    return as_date(str(value)[:10])[0]


class _Subject:
    """One subject's values by reference, through the core's deriver."""

    def __init__(self, store: "Store", code: str) -> None:
        self.store, self.code = store, code
        self.deriver = overview.deriver(store, code)
        self.anchor = _moment(self.get(store.study.bindings["anchor"]))

    def get(self, ref: str) -> Any:
        return self.deriver.value(ref)

    def column(self, col: Column, event: str | None, days_per_month: float) -> Any:
        ref = col.ref if event is None else f"{event}.{col.ref}"
        value = self.get(ref)
        if col.kind == "value":
            return value
        if col.kind == "day":
            when = _moment(value)
            return None if when is None or self.anchor is None else (when - self.anchor).days
        other = self.get(col.to if event is None else f"{event}.{col.to}")
        if col.kind == "ratio":
            return None if value is None or not other else float(value) / float(other)
        start, end = _moment(value), _moment(other)
        return None if start is None or end is None else (end - start).days / days_per_month


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return plain_number(round(value, 6))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of y on x (None with fewer than two distinct x)."""
    if len({x for x, _ in points}) < 2:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def header(spec: AnalysisDef) -> list[tuple[str, str]]:
    """(column name, label) in the order written."""
    cols = [("subject", "Subject (screening number)"), ("status", "Subject status")]
    cols += [(c.name, c.label) for c in spec.subject]
    first = " or ".join(spec.baseline)
    for c in spec.visit:
        if c.change:
            cols.append((f"{c.name}_bl", f"{c.label} at baseline (the first of {first} "
                                         "with a value)"))
        for ev in spec.visits:
            cols.append((f"{c.name}_{ev}", f"{c.label}, {ev}"))
            if c.change and ev not in spec.baseline:
                cols.append((f"{c.name}_chg_{ev}", f"{c.label}: change from baseline to {ev}"))
        if c.slope:
            cols.append((f"{c.name}_slope", f"{c.label}: least-squares slope per month over "
                                            "the baseline and the visits (visit day / "
                                            f"{spec.days_per_month})"))
    cols += [(f"ae_grade{g}", f"Adverse events of worst CTCAE grade {g}") for g in range(1, 6)]
    cols += [("ae_serious", "Serious adverse events"), ("ae_total", "Adverse events")]
    return cols


def _row(subject: _Subject, status: str, spec: AnalysisDef, aes: list[dict]) -> list[str]:
    row: list[Any] = [subject.code, status]
    row += [subject.column(c, None, spec.days_per_month) for c in spec.subject]
    day = Column("day", "", spec.visit_date, "day")
    days = {ev: subject.column(day, ev, spec.days_per_month) for ev in spec.visits}
    for c in spec.visit:
        values = {ev: subject.column(c, ev, spec.days_per_month) for ev in spec.visits}
        base, base_event = next(((v, ev) for v, ev in (
            (subject.column(c, ev, spec.days_per_month), ev) for ev in spec.baseline)
            if v is not None), (None, None))
        if c.change:
            row.append(base)
        for ev in spec.visits:
            row.append(values[ev])
            if c.change and ev not in spec.baseline:
                ok = isinstance(values[ev], (int, float)) and isinstance(base, (int, float))
                row.append(values[ev] - base if ok else None)
        if c.slope:
            at = dict(days)  # the baseline counts where it was measured (screening: < 0)
            if base_event is not None and base_event not in at:
                at[base_event] = subject.column(day, base_event, spec.days_per_month)
                values[base_event] = base
            pts = [(at[ev] / spec.days_per_month, float(values[ev])) for ev in at
                   if isinstance(values.get(ev), (int, float)) and at[ev] is not None]
            row.append(slope(pts))
    grades = [a.get(spec.ae["grade"]) for a in aes]
    row += [sum(1 for g in grades if g == n) for n in range(1, 6)]
    row += [sum(1 for a in aes if a.get(spec.ae["serious"]) == "Y"), len(aes)]
    return [_cell(v) for v in row]


def _write(store: "Store", spec: AnalysisDef, snap: Snapshot, out: Output,
           progress: Progress) -> None:
    ae_by_subject: dict[str, list[dict]] = {}
    if any(f.id == spec.ae["form"] for f in snap.forms):
        for inst in snap.instances_of(spec.ae["form"]):
            ae_by_subject.setdefault(inst.subject, []).append(inst.values)
    cols = header(spec)
    encoding = "utf-8-sig" if snap.options.bom else "utf-8"  # --bom: for Excel
    with out.path("subjects.csv").open("w", encoding=encoding, newline="") as fh:
        w = table_writer(fh, snap.options.bom)
        w.writerow([name for name, _ in cols])
        for n, s in enumerate(snap.subjects, start=1):
            progress(n, len(snap.subjects) + 2, f"Subject {s.code}")
            w.writerow(_row(_Subject(store, s.code), s.status, spec,
                            ae_by_subject.get(s.code, [])))
    with out.path("subjects_dictionary.csv").open("w", encoding=encoding, newline="") as fh:
        w = table_writer(fh, snap.options.bom)
        w.writerow(["column", "label"])
        w.writerows(cols)
    t = None
    if store.study.safety_tables is not None:  # what the safety tables count: no other count
        t = tb.safety_tables(store, {s.code for s in snap.subjects}
                             if snap.options.subjects else None)
        _incidence(out.path("ae_incidence.csv"), t, snap.options.bom)
    out.path("README.txt").write_text(_readme(snap, spec, t), encoding="utf-8")


def _incidence(path: Path, t: tb.SafetyTables, bom: bool) -> None:
    """The safety tables' adverse events by SOC and term, row for row as the safety export's
    ae_by_soc_term.csv, with each row's worst grade and its serious events (the events of
    the same row of the serious adverse events table)."""
    serious = {(r.soc, r.term): r.events for r in t.serious[1:]}
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = table_writer(fh, bom)
        w.writerow([*TERM_COLUMNS, "worst_grade", "serious_events"])
        for i, r in enumerate(t.by_term):
            worst = max((g for g, n in zip(tb.GRADES, r.worst) if n), default=None)
            w.writerow([*term_cells(i, r, t.population), _cell(worst),
                        t.serious[0].events if i == 0 else serious.get((r.soc, r.term), 0)])


def _incidence_line(t: tb.SafetyTables | None) -> str:
    if t is None:
        return ("ae_incidence.csv        not written: the study definition has no "
                "[safety_tables]\n")
    left = (f"{t.excluded_subjects} subject{'s' if t.excluded_subjects != 1 else ''} with "
            f"adverse events ({t.excluded} event{'s' if t.excluded != 1 else ''})")
    return f"""ae_incidence.csv        adverse events of the subjects infused (N = {t.population}, the
                        denominator of subjects_pct) by system organ class and term, as
                        the safety tables count them (alsdesk export safety's
                        ae_by_soc_term.csv, row for row): subjects, events, worst grade,
                        serious events. Not infused, so left out: {left}.
"""


def _readme(snap: Snapshot, spec: AnalysisDef, t: tb.SafetyTables | None) -> str:
    return f"""ALS Desk analysis tables: {snap.study.id}, exported {snap.taken_at} by {snap.taken_by}.
{heads.readme_line(snap)}subjects.csv            one row per subject ({len(snap.subjects)}); columns in subjects_dictionary.csv
{_incidence_line(t)}Visits: {', '.join(spec.visits)}; changes are from the baseline: the first of
{', '.join(spec.baseline)} with a value. Visit days count from the
day of {snap.study.anchor_words} (day 0). Months are days / {spec.days_per_month:.4f} (365.25 / 12). Derived values (ALSFRS-R total,
King's, MiToS, Delta-FS, age) are the program's own, as shown on screen and on paper.
An empty cell: no value (not entered, not done, not applicable: the raw CSV export's
<field>__missing columns say why). No missing code is written as NA (not applicable
is NAP); a text typed as "NA" or "None" (an adverse event's term) stays as typed: read with
pandas' keep_default_na=False or R's na.strings = "" to keep it as text.
"""
