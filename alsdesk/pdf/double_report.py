"""The double data entry report on paper (alsdesk.double_report has the figures): per form,
per subject and per user, then the forms still waiting for their second entry and those
with differences to resolve. English, as the study binder's documents are."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from alsdesk import double_report as dr
from alsdesk.pdf import page, styles as st
from alsdesk.pdf.collect import fingerprint, latest, short
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head

if TYPE_CHECKING:
    from alsdesk.store.core import Store

_COUNTS = ("Awaiting second entry", "Keyed twice", "Fields compared", "Differences",
           "Resolved", "To resolve", "Per 10,000", "Withdrawn")
_USER = ("Forms keyed", "Fields keyed", "Differences in them", "Their errors", "Per 10,000",
         "Second entries withdrawn")


def _rate(t: dr.Tally) -> str:
    return f"{t.rate:,.1f}" if t.fields else "-"


def _tally_table(width: float, first: str, tallies: list[dr.Tally], names: dict[str, str]):
    head = [st.t(first, st.TINY_BOLD)] + [st.t(c, st.TINY_BOLD) for c in _COUNTS]
    data = [head] + [[st.t(names.get(t.name, t.name), st.CELL),
                      *(st.t(f"{n:,}", st.CELL) for n in (t.awaiting, t.keyed, t.fields,
                                                          t.differences, t.resolved, t.open)),
                      st.t(_rate(t), st.CELL), st.t(f"{t.withdrawn:,}", st.CELL)]
                     for t in tallies]
    rest = (width - 38 * mm) / len(_COUNTS)  # "Differences", "Withdrawn" unbroken
    return st.table(data, [38 * mm] + [rest] * len(_COUNTS), st.grid(1), header_rows=1)


def _user_table(width: float, tallies: list[dr.Tally], names: dict[str, str]):
    head = [st.t("User", st.TINY_BOLD)] + [st.t(c, st.TINY_BOLD) for c in _USER]
    data = [head] + [[st.t(names.get(t.name, t.name), st.CELL),
                      *(st.t(f"{n:,}", st.CELL) for n in (t.keyed, t.fields, t.differences,
                                                          t.errors or 0)),
                      st.t(_rate(t), st.CELL), st.t(f"{t.withdrawn:,}", st.CELL)]
                     for t in tallies]
    rest = (width - 50 * mm) / len(_USER)
    return st.table(data, [50 * mm] + [rest] * len(_USER), st.grid(1), header_rows=1)


def _waiting_table(store: "Store", width: float, items: list[dr.Waiting], second: bool,
                   users: dict[str, str]):
    study = store.study
    cols = ["Subject", "Visit", "Form", "First keyed by"] + (
        ["Second keyed by", "To resolve"] if second else ["Last saved (UTC)"])
    data = [[st.t(c, st.TINY_BOLD) for c in cols]]
    for w in items:
        event = study.event(w.event)
        visit = event.label + (f" {w.event_repeat}" if event.repeating else "")
        form = study.form(w.form).label + (f" {w.repeat}" if study.form(w.form).repeating
                                            else "")
        cells = [w.subject, visit, form, ", ".join(users.get(u, u) for u in w.first_by)]
        cells += [users.get(w.second_by or "", w.second_by or ""), f"{w.open:,}"] if second \
            else [
            w.since[:16].replace("T", " ")]
        data.append([st.t(c, st.CELL) for c in cells])
    widths = [18 * mm, 32 * mm, 42 * mm] + (
        [(width - 92 * mm) / 3] * 3 if second else [(width - 92 * mm) / 2] * 2)
    return st.table(data, widths, st.grid(1), header_rows=1)


def build_double_report(store: "Store", options: PrintOptions,
                        progress: Progress | None) -> PdfResult:
    rep, audit_head = with_head(store, lambda: dr.report(store))
    digest = fingerprint(rep)
    stamps = [w.since for w in rep.awaiting] + [w.since for w in rep.unresolved] + [
        e.resolved_at or e.entered_at for e in store.double.entries()]
    spec = page.PageSpec(study=store.study, title="Double data entry report",
                         options=options, all_subjects=True, fingerprint=short(digest),
                         data_time=latest(stamps), filename="double-entry-report.pdf",
                         audit_head=audit_head)
    width = page.frame_width(spec)
    forms = {f.id: f.label for f in store.study.forms.values()}
    # names as signatures print them, beside the id the audit trail holds
    users = {u.user_id: f"{u.full_name} ({u.user_id})" for u in store.users.list()}
    t = rep.total
    flow: list = [page.Mark("All subjects", "Double data entry"),
                  st.t("Double data entry report", st.TITLE),
                  st.t(f"Keyed twice: {t.keyed:,} form(s), {t.fields:,} fields compared, "
                       f"{t.differences:,} difference(s) ({_rate(t)} per 10,000 fields), "
                       f"{t.resolved:,} resolved, {t.open:,} to resolve. Awaiting their "
                       f"second entry: {t.awaiting:,} form(s). A user's rate counts the "
                       "differences resolved against what that user keyed.", st.NOTE),
                  Spacer(1, 3 * mm)]
    double = [f.label for f in store.study.forms.values() if f.double_entry]
    if not double:
        flow.append(st.t("No form of the study definition in force is keyed twice "
                         "(double_entry).", st.NOTE))
    sections = [("By form", rep.forms, lambda: _tally_table(width, "Form", rep.forms, forms)),
                ("By subject", rep.subjects,
                 lambda: _tally_table(width, "Subject", rep.subjects, {})),
                ("By user", rep.users, lambda: _user_table(width, rep.users, users)),
                ("Awaiting second entry", rep.awaiting,
                 lambda: _waiting_table(store, width, rep.awaiting, False, users)),
                ("Differences to resolve", rep.unresolved,
                 lambda: _waiting_table(store, width, rep.unresolved, True, users))]
    for title, items, table in sections:
        flow += [st.t(title, st.SECTION), table() if items else st.t("None.", st.NOTE),
                 Spacer(1, 2 * mm)]
    data_bytes, pages = page.build(flow, spec, progress)
    return PdfResult(data_bytes, spec.title, spec.filename, pages, short(digest), audit_head)

