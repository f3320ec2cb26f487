"""The safety tables and the primary outcomes listing as PDF (landscape, all subjects).

The numbers are alsdesk.safety.tables' and alsdesk.safety.outcomes', read with the audit
head in one read transaction; each print is an audit row (alsdesk.pdf._record), as every
printout of trial data is.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from alsdesk.datefmt import datetime_text, site_format
from alsdesk.pdf import page, styles as st
from alsdesk.pdf.collect import fingerprint, latest, short
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head
from alsdesk.safety import outcomes as oc
from alsdesk.safety import tables as tb

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["safety_tables_pdf", "outcomes_pdf"]

_HEAD = st.TINY_BOLD


def _term_table(rows: tuple[tb.TermRow, ...], n: int, width: float) -> list:
    head = [st.t(x, _HEAD) for x in ("System organ class / term", "Subjects n (%)", "Events",
                                      *tb.grade_header())]
    data, extra = [head], []
    for row in rows:
        name = row.soc if row.term is None else row.term
        style = st.CELL_BOLD if row.term is None else st.CELL
        cell = st.t(name, style)
        if row.term is not None:
            extra.append(("LEFTPADDING", (0, len(data)), (0, len(data)), 12))
        else:
            extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), st.BAND))
        data.append([cell, st.t(tb.percent(row.subjects, n), st.CELL),
                     st.t(row.events, st.CELL), *(st.t(c, st.CELL) for c in row.worst)])
    rest = 17 * mm
    first = width - 2 * 24 * mm - 6 * rest
    return [st.table(data, [first, 24 * mm, 24 * mm] + [rest] * 6, st.grid(1, extra),
                     header_rows=1)]


def _section(title: str, note: str) -> list:
    return [Spacer(1, 4 * mm), st.t(title, st.SECTION), st.t(note, st.NOTE),
            Spacer(1, 1.5 * mm)]


def _safety_flow(t: tb.SafetyTables, width: float) -> list:
    n = t.population
    worst = ("Worst grade per subject: each subject is counted once per row, under the "
             "highest CTCAE grade of their events in that row.")
    flow: list = [page.Mark("All events", "Safety tables"),
                  st.t("Safety tables", st.TITLE), st.t(t.population_text, st.BODY)]
    notes = [f"{len(t.events)} adverse events of the subjects infused, from consent on"
             + (f" ({t.before_infusion} began before the infusion)" if t.before_infusion
                else "") + "."]
    if t.excluded:
        notes.append(tb.excluded_text(t.excluded))
    notes.append("Deleted entries are not counted. A term is the CTCAE term where coded, "
                 "else the verbatim term (under 'SOC not coded').")
    flow.append(st.t(" ".join(notes), st.NOTE))
    flow += _section("1. Adverse events by system organ class and term", worst)
    flow += _term_table(t.by_term, n, width)
    flow += _section("2. Serious adverse events by system organ class and term", worst)
    flow += _term_table(t.serious, n, width)
    flow += _section("3. Adverse events by relationship to the infusion",
                     "Related: " + ", ".join(t.related_codes) + ". A subject is counted in "
                     "each category they have an event in.")
    data = [[st.t(x, _HEAD) for x in ("Relationship", "Subjects n (%)", "Events")]]
    extra = []
    for r in t.by_relationship:
        if r.code == "RELATED":
            extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), st.BAND))
        data.append([st.t(r.label, st.CELL_BOLD if r.code == "RELATED" else st.CELL),
                     st.t(tb.percent(r.subjects, n), st.CELL), st.t(r.events, st.CELL)])
    flow.append(st.table(data, [width - 48 * mm, 24 * mm, 24 * mm], st.grid(1, extra),
                         header_rows=1))
    flow += _section("4. Adverse events related to the infusion by system organ class and "
                     "term", worst)
    flow += _term_table(t.related, n, width)
    flow += _section("5. Per subject", "Every subject infused, with or without events; "
                     "terms with their grade, worst first.")
    data = [[st.t(x, _HEAD) for x in ("Subject", "Events", "Worst grade", "Serious",
                                      "Related", "Terms (grade)")]]
    for r in t.subjects:
        data.append([st.t(r.subject, st.CELL_BOLD), st.t(r.events, st.CELL),
                     st.t(r.worst if r.worst is not None else "–", st.CELL),
                     st.t(r.serious, st.CELL), st.t(r.related, st.CELL),
                     # one term a line: a right-to-left term beside another would be
                     # reordered with its neighbour's grade by the bidi algorithm
                     st.p("<br/>".join(esc(x) for x in r.items) or "no adverse event",
                          st.CELL)])
    small = 18 * mm
    flow.append(st.table(data, [22 * mm] + [small] * 4 + [width - 22 * mm - 4 * small],
                         st.grid(1), header_rows=1))
    return flow


def _build(store: "Store", options: PrintOptions, progress: Progress | None, title: str,
           filename: str, read, flow_of, data_time) -> PdfResult:
    """Read (with the audit head), lay out with `flow_of(data, width)`, build: landscape."""
    data, audit_head = with_head(store, lambda: read(store))
    digest = fingerprint(data)
    spec = page.PageSpec(study=store.study, title=title, options=options, all_subjects=True,
                         fingerprint=short(digest), landscape=True,
                         data_time=latest([data_time(data)]), filename=filename,
                         audit_head=audit_head)
    pdf, pages = page.build(flow_of(data, page.frame_width(spec)), spec, progress)
    return PdfResult(pdf, spec.title, spec.filename, pages, short(digest), audit_head)


def build_safety(store: "Store", options: PrintOptions, progress: Progress | None
                 ) -> PdfResult:
    """The safety tables, landscape."""
    return _build(store, options, progress, "Safety tables", "safety-tables.pdf",
                  tb.safety_tables, _safety_flow, lambda t: t.data_time)


def _verdict(o: oc.Outcome) -> str:
    return o.verdict.value.upper() if o.verdict is oc.Verdict.YES else o.verdict.value


def _start_text(stored: str, fmt: str) -> str:
    try:
        return datetime_text(datetime.fromisoformat(stored), fmt)
    except ValueError:
        return stored


def _outcomes_flow(lst: oc.OutcomesListing, width: float, fmt: str) -> list:
    w = f"{lst.window_hours:g} h"
    flow: list = [page.Mark("All events", "Primary outcomes"),
                  st.t(f"Primary outcomes: fever and GCS within {w} of the infusion", st.TITLE),
                  st.t(f"{len(lst.rows)} subjects infused"
                       + (f" ({lst.not_infused} not infused are not listed)"
                          if lst.not_infused else "") + f". Fever: a temperature of "
                       f"{lst.fever_at:.1f} °C or more from the infusion start to {w} after "
                       f"it: {lst.count('fever', oc.Verdict.YES)} yes, "
                       f"{lst.count('fever', oc.Verdict.NO)} no, "
                       f"{lst.count('fever', oc.Verdict.NOT_ASSESSABLE)} not assessable. "
                       f"GCS fall: a total below the one before the infusion"
                       + (f" (or below {lst.gcs_expected} without one)"
                          if lst.gcs_expected is not None else "")
                       + f": {lst.count('gcs', oc.Verdict.YES)} yes, "
                       f"{lst.count('gcs', oc.Verdict.NO)} no, "
                       f"{lst.count('gcs', oc.Verdict.NOT_ASSESSABLE)} not assessable.",
                       st.BODY),
                  st.t("Hours count from the infusion start. Readings of deleted entries, "
                       f"before the start or after {w} are not counted; a reading whose time "
                       "is known only to the day counts when the whole day lies in the "
                       "window.", st.NOTE), Spacer(1, 3 * mm)]
    head = [st.t(x, _HEAD) for x in ("Subject", "Infusion start", "Fever", "Highest °C (when)",
                                      "Readings", "GCS fall", "Lowest GCS (when)",
                                      "Compared with", "Notes")]
    data, extra = [head], []
    for r in lst.rows:
        f, g = r.fever, r.gcs
        if oc.Verdict.YES in (f.verdict, g.verdict):
            extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), st.BAND))
        notes = "; ".join(x for x in (f"fever: {f.note}" if f.note else "",
                                      f"GCS: {g.note}" if g.note else "") if x)
        data.append([
            st.t(r.subject, st.CELL_BOLD), st.t(_start_text(r.start, fmt), st.CELL),
            st.t(_verdict(f), st.CELL_BOLD),
            st.t(f"{f.value:.1f} ({f.at})" if f.value is not None else "–", st.CELL),
            st.t(f"{f.readings}" + (f", {f.span}" if f.span else ""), st.CELL),
            st.t(_verdict(g), st.CELL_BOLD),
            st.t(f"{g.value:g} ({g.at})" if g.value is not None else "–", st.CELL),
            st.t(f"{g.reference:g}: {g.reference_text}" if g.reference is not None else "–",
                 st.CELL),
            st.t(notes or "", st.TINY)])
    fixed = [16, 26, 20, 28, 26, 20, 28, 36]
    widths = [x * mm for x in fixed]
    flow.append(st.table(data, widths + [width - sum(widths)], st.grid(1, extra),
                         header_rows=1))
    if not lst.rows:
        flow.append(st.t("No subject has been infused.", st.NOTE))
    return flow


def build_outcomes(store: "Store", options: PrintOptions, progress: Progress | None
                   ) -> PdfResult:
    """The primary outcomes listing, landscape."""
    fmt = site_format(store)
    return _build(store, options, progress, "Primary outcomes", "primary-outcomes.pdf",
                  oc.outcomes, lambda lst, width: _outcomes_flow(lst, width, fmt),
                  lambda lst: _last_change(store))


def _last_change(store: "Store") -> str:
    d = store.study.primary_outcomes
    forms = sorted({r.form for r in (*d.temperature, *d.gcs)})
    row = store.conn.execute(
        f"SELECT max(updated_at) FROM form_instances WHERE form IN ({','.join('?' * len(forms))})",
        forms).fetchone()
    return row[0] or ""


def safety_tables_pdf(store: "Store", options: PrintOptions | None = None,
                      progress: Progress | None = None) -> PdfResult:
    """The safety tables, recorded in the audit trail."""
    from alsdesk.pdf import _options, _record

    options = _options(store, options)
    return _record(store, options, build_safety(store, options, progress), "safety tables")


def outcomes_pdf(store: "Store", options: PrintOptions | None = None,
                 progress: Progress | None = None) -> PdfResult:
    """The primary outcomes listing, recorded in the audit trail."""
    from alsdesk.pdf import _options, _record

    options = _options(store, options)
    return _record(store, options, build_outcomes(store, options, progress),
                   "primary outcomes")
