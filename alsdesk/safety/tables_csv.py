"""`alsdesk export safety`: the safety tables and the primary outcomes as CSV files.

The numbers are those of the screen and the PDF (alsdesk.safety.tables and .outcomes), read
in the export's one read transaction and written through the audited export path
(alsdesk.exchange.dataset.run_export): a folder, all or nothing, one audit row. Counts and
percentages are separate columns, for a statistician's program rather than for the eye.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, run_export,
)
from alsdesk.safety import outcomes as oc
from alsdesk.safety import tables as tb

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["export_safety", "FILES", "TERM_COLUMNS", "term_cells"]

FILES = {
    "ae_by_soc_term.csv": "adverse events by system organ class and term, worst grade per "
                          "subject",
    "sae_by_soc_term.csv": "serious adverse events, the same columns",
    "related_by_soc_term.csv": "adverse events related to the infusion, the same columns",
    "ae_by_relationship.csv": "adverse events by relationship to the infusion",
    "ae_per_subject.csv": "one row per subject infused",
    "primary_outcomes.csv": "fever and GCS fall within the window, one row per subject infused",
}


def export_safety(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(),
                  *, progress: Progress | None = None, overwrite: bool = False
                  ) -> ExportResult:
    """The safety CSV files into the folder `out` (audited)."""
    if options.include_audit:
        raise ExportError("The safety tables hold no audit trail: export CSV or ODM with "
                          "the audit trail for it.")
    return run_export(store, "safety", out, options, True,
                      lambda s, o, p: _write(store, s, o, p), progress, overwrite)


def _pct(n: int, of: int) -> str:
    return f"{100 * n / of:.1f}" if of else ""


# The first columns of a row of a SOC and term table: the analysis export's
# ae_incidence.csv has them too, so the two files are compared row by row
TERM_COLUMNS = ("level", "soc", "term", "subjects", "subjects_pct", "events", "N")


def term_cells(i: int, r: tb.TermRow, n: int) -> list:
    """TERM_COLUMNS of the i-th row of a table (0: the overall row) of population n."""
    level = "overall" if i == 0 else ("soc" if r.term is None else "term")
    return [level, "" if i == 0 else r.soc, r.term or "", r.subjects, _pct(r.subjects, n),
            r.events, n]


def _terms(path: Path, rows: tuple[tb.TermRow, ...], n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*TERM_COLUMNS, *(f"worst_grade{g}" for g in tb.GRADES),
                    "worst_not_graded"])
        for i, r in enumerate(rows):
            w.writerow([*term_cells(i, r, n), *r.worst])


def _write(store: "Store", snap: Snapshot, out: Output, progress: Progress) -> None:
    codes = {s.code for s in snap.subjects} if snap.options.subjects else None
    progress(0, 3, "Counting adverse events")
    t = tb.safety_tables(store, codes)
    n = t.population
    _terms(out.path("ae_by_soc_term.csv"), t.by_term, n)
    _terms(out.path("sae_by_soc_term.csv"), t.serious, n)
    _terms(out.path("related_by_soc_term.csv"), t.related, n)
    with out.path("ae_by_relationship.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["relationship", "label", "counted_as_related", "subjects", "subjects_pct",
                    "events", "N"])
        for r in t.by_relationship:
            w.writerow([r.code or "", r.label, "Y" if r.related else "N", r.subjects,
                        _pct(r.subjects, n), r.events, n])
    with out.path("ae_per_subject.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["subject", "events", "worst_grade", "serious_events", "related_events",
                    "terms"])
        for r in t.subjects:
            w.writerow([r.subject, r.events, "" if r.worst is None else r.worst, r.serious,
                        r.related, r.terms])
    progress(2, 3, "Primary outcomes")
    lst = oc.outcomes(store, codes)
    with out.path("primary_outcomes.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["subject", "infusion_start", "fever", "temp_max", "temp_max_at",
                    "temp_readings", "fever_note", "gcs_fall", "gcs_min", "gcs_min_at",
                    "gcs_reference", "gcs_reference_is", "gcs_readings", "gcs_note"])
        for r in lst.rows:
            f, g = r.fever, r.gcs
            w.writerow([r.subject, r.start, f.verdict.value, _num(f.value), f.at, f.readings,
                        f.note, g.verdict.value, _num(g.value), g.at, _num(g.reference),
                        g.reference_text, g.readings, g.note])
    out.path("README.txt").write_text(_readme(snap, t, lst), encoding="utf-8")


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _readme(snap: Snapshot, t: tb.SafetyTables, lst: oc.OutcomesListing) -> str:
    files = "\n".join(f"{name:<26}{what}" for name, what in FILES.items())
    return f"""ALS Desk safety tables: {snap.study.id}, exported {snap.taken_at} by {snap.taken_by}.
{files}
{t.population_text}
Every percentage (subjects_pct) is of N. Events are counted from consent on; events of
subjects not infused ({t.excluded}) and deleted entries are not counted. A term is the
CTCAE term where coded, else the verbatim term (system organ class "{tb.NOT_CODED}").
worst_gradeG: subjects whose worst grade in that row is G. Related: {", ".join(t.related_codes)}.
Primary outcomes: from the infusion start to {lst.window_hours:g} h after it; fever is a
temperature of {lst.fever_at:.1f} °C or more. Hours (the *_at columns) count from the start.
"""
