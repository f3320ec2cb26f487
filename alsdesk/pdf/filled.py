"""Filled forms of one visit, and the subject casebook with its audit trail appendix."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, NextPageTemplate, PageBreak,
                                Spacer, Table)

from alsdesk.anchor import Head
from alsdesk.errors import NotFound
from alsdesk.pdf import page, signoff, styles as st
from alsdesk.pdf.rows import compact_rows, field_rows
from alsdesk.pdf.collect import (AuditRow, Collector, EventBlock, FormBlock, QueryRow,
                                 SubjectDoc, fingerprint, latest, short)
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head

if TYPE_CHECKING:
    from alsdesk.store.core import Store

_SPLIT_ROW = 100.0  # points: rows up to this height are placed with the height measured once

STATUS_NOTE = {
    "in progress": "not yet complete",
    "complete": "complete, not yet signed",
    "verified": "source data verified, not yet signed",
    "signed": "signed by the investigator",
    "locked": "locked",
    "deleted": "DELETED entry, kept with its history",
}


def build_visit(store: "Store", subject: str, event_id: str, event_repeat: int,
                options: PrintOptions, progress: Progress | None) -> PdfResult:
    """The forms of one visit, filled in."""
    try:
        event = store.study.event(event_id)
    except KeyError:
        raise NotFound(f"The study has no event '{event_id}'.") from None
    # The collector reads as it is made: made inside the read transaction too.
    doc, audit_head = with_head(store, lambda: Collector(
        store, subject, options.include_identifiers).subject_doc([(event, event_repeat)],
                                                                 with_audit=False))
    digest = fingerprint(doc)
    label = doc.events[0].label
    suffix = f"-{event_repeat}" if event.repeating else ""
    spec = _spec(store, doc, options, f"Visit forms: {label}", digest,
                 f"visit-{doc.head.code}-{event.id}{suffix}.pdf", audit_head)
    width = page.frame_width(spec)
    flow: list = [page.Mark(label, "Summary"), st.t(f"{label}: filled forms", st.TITLE),
                  _head_table(doc, width, digest)]
    flow += _event(doc.events[0], width, new_page=False)
    if doc.queries:
        flow += _queries(doc.queries, width, label)
    data, pages = page.build(flow, spec, progress)
    return PdfResult(data, spec.title, spec.filename, pages, short(digest), audit_head)


def build_casebook(store: "Store", subject: str, options: PrintOptions,
                   progress: Progress | None) -> PdfResult:
    """Every event and log of one subject, queries, and the subject's audit trail."""
    if progress is not None:
        progress(0, 1, "reading the subject's data")
    doc, audit_head = with_head(
        store, lambda: Collector(store, subject, options.include_identifiers).subject_doc())
    digest = fingerprint(doc)
    spec = _spec(store, doc, options, "Subject casebook", digest,
                 f"casebook-{doc.head.code}.pdf", audit_head)
    width = page.frame_width(spec)
    flow: list = [page.Mark("All events", "Summary", outline="Summary"),
                  st.t(f"Casebook of subject {doc.head.code}", st.TITLE),
                  _head_table(doc, width, digest), Spacer(1, 4 * mm),
                  st.t("Visit schedule", st.H2), _schedule(doc, width)]
    flow += signoff.signoff_page(doc.signoff, store.study.casebook_statement, width)
    for block in doc.events:
        flow += _event(block, width, new_page=True)
    # The appendix starts a page unless it fits below the last form (no queries: a line).
    flow.append(CondPageBreak(25 * mm) if not doc.queries else PageBreak())
    flow.append(page.Mark("Appendix", "Queries", outline="Appendix A: queries"))
    flow.append(st.t("Appendix A: data queries", st.H1))
    if doc.queries:
        flow += _queries(doc.queries, width, None, heading=False)
    else:
        flow.append(st.t("No query was raised on this subject's data.", st.NOTE))
    flow += [NextPageTemplate("wide"), PageBreak()]
    flow.append(page.Mark("Appendix", "Audit trail", outline="Appendix B: audit trail"))
    flow += _audit(doc.audit, page.frame_width(spec, wide=True))
    data, pages = page.build(flow, spec, progress)
    return PdfResult(data, spec.title, spec.filename, pages, short(digest), audit_head)


def _spec(store: "Store", doc: SubjectDoc, options: PrintOptions, title: str, digest: str,
          filename: str, audit_head: Head) -> page.PageSpec:
    return page.PageSpec(study=store.study, title=title, options=options,
                         subject=doc.head.code, initials=doc.head.initials or None,
                         fingerprint=short(digest), data_time=latest([doc.data_time]),
                         filename=filename, audit_head=audit_head)


def _head_table(doc: SubjectDoc, width: float, digest: str) -> Table:
    head = doc.head
    subject = f"{head.code} (initials {head.initials})" if head.initials else head.code
    rows = [("Subject", subject),
            ("Status", head.status), ("Registered", head.registered),
            ("Eligibility (computed)", head.eligibility or "–"),
            ("Forms", _form_counts(doc)),
            ("Data fingerprint", f"{short(digest)}  (SHA-256 {digest})")]
    data = [[st.t(k, st.CELL_BOLD), st.t(v, st.CELL)] for k, v in rows]
    return st.table(data, [40 * mm, width - 40 * mm], st.grid())


def _form_counts(doc: SubjectDoc) -> str:
    counts: dict[str, int] = {}
    for block in doc.events:
        for form in block.forms:
            counts[form.status] = counts.get(form.status, 0) + 1
    total = sum(counts.values())
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    open_ = sum(1 for q in doc.queries if q.status != "closed")
    return f"{total} entered ({parts}); {open_} open or answered queries" if total else "none"


def _schedule(doc: SubjectDoc, width: float) -> Table:
    rows = [[st.t(h, st.CELL_BOLD) for h in ("Visit", "Target", "Window", "Done")]]
    rows += [[st.t(c, st.CELL) for c in r] for r in doc.head.schedule]
    return st.table(rows, [0.27 * width, 0.18 * width, 0.25 * width, 0.30 * width],
                    st.grid(1), header_rows=1)


def _event(block: EventBlock, width: float, new_page: bool) -> list:
    flow: list = []
    if new_page and block.forms:
        flow.append(PageBreak())
    elif new_page:
        flow.append(CondPageBreak(40 * mm))
    first = block.forms[0].form if block.forms else "–"
    flow.append(page.Mark(block.label, first, outline=block.label, level=0))
    flow.append(st.t(block.label, st.H1))
    if block.visit:
        flow.append(st.t(block.visit, st.SMALL))
    if not block.forms:
        flow.append(st.t("No data entered for this event.", st.NOTE))
    if block.not_started:
        flow.append(st.t("Not started: " + ", ".join(block.not_started), st.SMALL))
    flow.append(Spacer(1, 2 * mm))
    for form in block.forms:
        flow += _form(form, width)
    return flow


def _form(form: FormBlock, width: float) -> list:
    title = form.form + (f" — entry {form.entry}" if form.entry is not None else "")
    status = form.status.upper()
    note = STATUS_NOTE.get(form.status, "")
    band = Table([[st.p(f"<b>{esc(title)}</b>", st.BODY),
                   st.p(f"<b>{esc(status)}</b>" + (f" · {esc(note)}" if note else ""),
                        st.RIGHT)]],
                 colWidths=[0.55 * width, 0.45 * width],
                 style=[("BACKGROUND", (0, 0), (-1, -1), st.BAND),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
    outline = title if form.entry is None else f"{form.form} {form.entry}"
    head = [page.Mark(form.event, title, outline=outline, level=1,
                      crf=form.crf_changed or form.crf or None), band]
    crf = (f"CRF version {form.crf}" + (f", changed under {form.crf_changed}"
                                         if form.crf_changed else "")) if form.crf else ""
    info = " · ".join(x for x in (crf, f"Last change {form.updated}" if form.updated else "",
                                  f"Verified {form.verified}" if form.verified else "") if x)
    if info:
        head.append(st.t(info, st.SMALL))
    # A log entry prints compactly, kept on one page with its heading (an entry taller
    # than a page is split). Another form starts on a new page rather than leave its heading
    # alone at the bottom; its heading stays with its first section and its last section
    # with the calculated values and signatures under it (never alone atop a page).
    log = form.entry is not None
    if form.restricted:
        body = [st.t("This form holds direct identifiers; they are not printed.", st.NOTE)]
    else:
        body = compact_rows(form, width) if log else field_rows(form, width)
    tail: list = []
    if form.derived and log:  # compact as the entry: one line (an adverse event's SOC, code)
        parts = [f"{esc(d.label)}: <b>{esc(d.text)}</b>" + (f" ({esc(d.note)})" if d.note
                                                           else "") for d in form.derived]
        tail += [Spacer(1, 1 * mm), st.p("Calculated by ALS Desk: " + "; ".join(parts),
                                         st.CELL)]
    elif form.derived:
        rows = [[st.t("Calculated", st.CELL_BOLD), st.t("Value", st.CELL_BOLD)]]
        for d in form.derived:
            text = esc(d.text) + (f"<br/><font color='#444444'>{esc(d.note)}</font>"
                                  if d.note else "")
            rows.append([st.t(d.label, st.CELL), st.p(text, st.CELL_BOLD)])
        tail += [Spacer(1, 1.5 * mm),
                 st.table(rows, [0.42 * width, 0.58 * width], st.grid(1))]
    tail += _signatures(form, width)
    if body and tail:
        body[-1] = st.Keep([body[-1]] + tail)
    elif tail:
        body = tail
    head += [Spacer(1, 1 * mm)]
    flow: list = [] if log else [CondPageBreak(40 * mm)]
    flow += [st.Keep(head + body[:1])] + body[1:]
    if form.queries:
        flow += _queries(form.queries, width, None, heading=False, compact=True)
    if log:
        return [st.Keep(flow), Spacer(1, 3 * mm)]
    flow.append(Spacer(1, 5 * mm))
    return flow


def _signatures(form: FormBlock, width: float) -> list:
    if form.sign_meaning is not None:  # the protocol has it signed: a block, signed or not
        return signoff.filled_block(form, width)
    if not form.signatures:
        return []
    flow: list = [Spacer(1, 1.5 * mm)]
    for s in form.signatures:
        text = signoff.signature_text(s)
        flow.append(st.table([[st.p(text, st.CELL)]], [width],
                             st.grid(extra=[("BOX", (0, 0), (-1, -1), 0.9, st.MUTED)])))
    return flow


def _queries(queries: tuple[QueryRow, ...], width: float, label: str | None,
             heading: bool = True, compact: bool = False) -> list:
    flow: list = []
    if heading:
        flow += [CondPageBreak(30 * mm), page.Mark(label or "", "Queries", outline="Queries"),
                 st.t("Data queries", st.H2)]
    rows = [[st.t(h, st.TINY_BOLD) for h in ("No.", "Where", "Query", "Status", "Answer / closed")]]
    for q in queries:
        answer = q.answer + (f"\nClosed: {q.closed}" if q.closed else "")
        rows.append([st.t(f"Q{q.id}", st.TINY_BOLD), st.t(q.place, st.TINY),
                     st.t(f"{q.text}\nRaised: {q.raised}", st.TINY),
                     st.t(q.status.upper(), st.TINY_BOLD), st.t(answer or "–", st.TINY)])
    widths = [0.07, 0.2, 0.37, 0.1, 0.26]
    flow += [Spacer(1, 1.5 * mm) if compact else Spacer(1, 0),
             st.table(rows, [w * width for w in widths], st.grid(1), header_rows=1)]
    return flow


def _audit(rows: tuple[AuditRow, ...], width: float) -> list:
    flow: list = [st.t("Appendix B: audit trail of this subject", st.H1),
                  st.t("Every entry, change, signature, status change and query about this "
                       "subject, oldest first, as recorded by the program (times in UTC). "
                       "No row can be changed or removed without breaking the hash chain "
                       "that `alsdesk verify` checks.", st.SMALL), Spacer(1, 2 * mm)]
    head = ("No.", "Time (UTC)", "User (role)", "Action", "Where", "Old value", "New value",
            "Reason")
    data = [[st.t(h, st.TINY_BOLD) for h in head]]
    for r in rows:
        data.append([st.t(r.seq, st.TINY), st.t(r.ts.replace(" UTC", ""), st.TINY),
                     st.t(r.user, st.TINY), st.t(r.action, st.TINY), st.t(r.place, st.TINY),
                     st.t(r.old, st.TINY), st.t(r.new, st.TINY), st.t(r.reason, st.TINY)])
    widths = [0.04, 0.12, 0.1, 0.09, 0.23, 0.14, 0.14, 0.14]
    tight = [("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8)]
    columns = [w * width for w in widths]
    style = st.grid(1, tight)
    # A long table is split page by page, and each remaining part measures its rows again:
    # measure them once here and give the heights, so the parts only place the rows.
    sized = Table(data, colWidths=columns, style=style, repeatRows=1)
    sized.wrap(width, 1e9)
    # A row taller than a fifth of a page (a long reason) keeps no fixed height, so that it
    # can be split across pages: only such rows are measured again.
    heights = [h if h < _SPLIT_ROW else None for h in sized._rowHeights]
    flow.append(st.table(sized._cellvalues, columns, style, header_rows=1, heights=heights))
    if not rows:
        flow.append(st.t("No audit rows.", st.NOTE))
    return flow
