"""Filled forms of one visit, and the subject casebook with its audit trail appendix."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Spacer

from alsdesk.anchor import Head
from alsdesk.errors import NotFound
from alsdesk import i18n
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
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
    "in progress": QT_TRANSLATE_NOOP("", "not yet complete"),
    "complete": QT_TRANSLATE_NOOP("", "complete, not yet signed"),
    "verified": QT_TRANSLATE_NOOP("", "source data verified, not yet signed"),
    "signed": QT_TRANSLATE_NOOP("", "signed by the investigator"),
    "locked": QT_TRANSLATE_NOOP("", "locked"),
    "deleted": QT_TRANSLATE_NOOP("", "DELETED entry, kept with its history"),
}


def build_visit(store: "Store", subject: str, event_id: str, event_repeat: int,
                options: PrintOptions, progress: Progress | None) -> PdfResult:
    """The forms of one visit, filled in."""
    try:
        event = store.study.event(event_id)
    except KeyError:
        raise NotFound(f"The study has no event '{event_id}'.") from None
    from alsdesk.study.translation import localized

    study = localized(store.study, options.language)  # the texts in the printout's language

    def read() -> tuple:
        # The fingerprint is of the data as the English document shows it, so the same data
        # printed in Persian carries the same fingerprint (a page matched to the file later).
        with i18n.english():
            english = Collector(store, subject, options.include_identifiers).subject_doc(
                [(event, event_repeat)], with_audit=False)
        if study is store.study and options.language == "en":
            return english, english
        shown = Collector(store, subject, options.include_identifiers, study).subject_doc(
            [(study.event(event.id), event_repeat)], with_audit=False)
        return english, shown

    # The collector reads as it is made: made inside the read transaction too.
    (english, doc), audit_head = with_head(store, read)
    digest = fingerprint(english)
    label = doc.events[0].label
    suffix = f"-{event_repeat}" if event.repeating else ""
    suffix += "" if options.language == "en" else f"-{options.language}"
    spec = _spec(store, doc, options, tr("Visit forms: {visit}").format(visit=label), digest,
                 f"visit-{doc.head.code}-{event.id}{suffix}.pdf", audit_head, study)
    width = page.frame_width(spec)
    flow: list = [page.Mark(label, tr("Summary")),
                  st.t(tr("{visit}: filled forms").format(visit=label), st.TITLE),
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
          filename: str, audit_head: Head, study=None) -> page.PageSpec:
    return page.PageSpec(study=study or store.study, title=title, options=options,
                         subject=doc.head.code, initials=doc.head.initials or None,
                         fingerprint=short(digest), data_time=latest([doc.data_time]),
                         filename=filename, audit_head=audit_head)


def _head_table(doc: SubjectDoc, width: float, digest: str) -> st.Table:
    head = doc.head
    subject = (tr("{code} (initials {initials})").format(code=head.code,
                                                         initials=head.initials)
               if head.initials else head.code)
    rows = [(tr("Subject"), subject),
            (tr("Status"), tr(head.status)), (tr("Registered"), head.registered),
            (tr("Eligibility (computed)"), head.eligibility or "–"),
            (tr("Forms"), _form_counts(doc)),
            (tr("Data fingerprint"), f"{short(digest)}  (SHA-256 {digest})")]
    data = [[st.t(k, st.CELL_BOLD), st.t(v, st.CELL)] for k, v in rows]
    return st.table(data, [40 * mm, width - 40 * mm], st.grid())


def _form_counts(doc: SubjectDoc) -> str:
    counts: dict[str, int] = {}
    for block in doc.events:
        for form in block.forms:
            counts[form.status] = counts.get(form.status, 0) + 1
    total = sum(counts.values())
    parts = ", ".join(f"{n} {tr(status)}" for status, n in sorted(counts.items()))
    open_ = sum(1 for q in doc.queries if q.status != "closed")
    return (tr("{total} entered ({parts}); {open} open or answered queries").format(
        total=total, parts=parts, open=open_) if total else tr("none"))


def _schedule(doc: SubjectDoc, width: float) -> st.Table:
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
        flow.append(st.t(tr("No data entered for this event."), st.NOTE))
    if block.not_started:
        flow.append(st.t(tr("Not started: {forms}").format(forms=", ".join(block.not_started)),
                         st.SMALL))
    flow.append(Spacer(1, 2 * mm))
    for form in block.forms:
        flow += _form(form, width)
    return flow


def _form(form: FormBlock, width: float) -> list:
    title = form.form + (" — " + tr("entry {n}").format(n=form.entry)
                         if form.entry is not None else "")
    status = tr(form.status).upper()
    note = tr(STATUS_NOTE[form.status]) if form.status in STATUS_NOTE else ""
    band = st.Table([[st.p(f"<b>{esc(title)}</b>", st.BODY),
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
    crf = (tr("CRF version {version}").format(version=form.crf) + (
        tr(", changed under {version}").format(version=form.crf_changed)
        if form.crf_changed else "")) if form.crf else ""
    info = " · ".join(x for x in (
        crf, tr("Last change {change}").format(change=form.updated) if form.updated else "",
        tr("Verified {verification}").format(verification=form.verified)
        if form.verified else "") if x)
    if info:
        head.append(st.t(info, st.SMALL))
    # A log entry prints compactly, kept on one page with its heading (an entry taller
    # than a page is split). Another form starts on a new page rather than leave its heading
    # alone at the bottom; its heading stays with its first section and its last section
    # with the calculated values and signatures under it (never alone atop a page).
    log = form.entry is not None
    if form.restricted:
        body = [st.t(tr("This form holds direct identifiers; they are not printed."),
                     st.NOTE)]
    else:
        body = compact_rows(form, width) if log else field_rows(form, width)
    tail: list = []
    if form.derived and log:  # compact as the entry: one line (an adverse event's SOC, code)
        parts = [f"{esc(d.label)}: <b>{esc(d.text)}</b>" + (f" ({esc(d.note)})" if d.note
                                                           else "") for d in form.derived]
        tail += [Spacer(1, 1 * mm), st.p(esc(tr("Calculated by ALS Desk:")) + " "
                                         + "; ".join(parts), st.CELL)]
    elif form.derived:
        rows = [[st.t(tr("Calculated"), st.CELL_BOLD), st.t(tr("Value"), st.CELL_BOLD)]]
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


_QUERY_HEADS = (QT_TRANSLATE_NOOP("", "No."), QT_TRANSLATE_NOOP("", "Where"),
                QT_TRANSLATE_NOOP("", "Query"), QT_TRANSLATE_NOOP("", "Status"),
                QT_TRANSLATE_NOOP("", "Answer / closed"))


def _queries(queries: tuple[QueryRow, ...], width: float, label: str | None,
             heading: bool = True, compact: bool = False) -> list:
    flow: list = []
    if heading:
        flow += [CondPageBreak(30 * mm),
                 page.Mark(label or "", tr("Queries"), outline=tr("Queries")),
                 st.t(tr("Data queries"), st.H2)]
    rows = [[st.t(tr(h), st.TINY_BOLD) for h in _QUERY_HEADS]]
    for q in queries:
        answer = q.answer + ("\n" + tr("Closed: {closed}").format(closed=q.closed)
                             if q.closed else "")
        rows.append([st.t(f"Q{q.id}", st.TINY_BOLD), st.t(q.place, st.TINY),
                     st.t(q.text + "\n" + tr("Raised: {raised}").format(raised=q.raised),
                          st.TINY),
                     st.t(tr(q.status).upper(), st.TINY_BOLD), st.t(answer or "–", st.TINY)])
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
    sized = st.Table(data, colWidths=columns, style=style, repeatRows=1)
    sized.wrap(width, 1e9)
    # A row taller than a fifth of a page (a long reason) keeps no fixed height, so that it
    # can be split across pages: only such rows are measured again.
    heights = [h if h < _SPLIT_ROW else None for h in sized._rowHeights]
    flow.append(st.table(sized._cellvalues, columns, style, header_rows=1, heights=heights))
    if not rows:
        flow.append(st.t("No audit rows.", st.NOTE))
    return flow
