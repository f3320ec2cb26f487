"""The SAE report form in the CIOMS I layout, filled from the data of one serious event.

The boxes keep CIOMS I's numbers and order (I reaction, II suspect drug, III concomitant
drugs and history, IV manufacturer, here the sponsor), so a pharmacovigilance reader finds
each item where the paper form has it. A box whose text would not fit the first page (a
4,000-character narrative, a long medication list) prints its start and "continued on the
additional sheet", and the whole text follows the form, as on paper: nothing is cut.
Data are read with the audit head in one read (alsdesk.pdf.reading), and the print is an
audit row (alsdesk.pdf._record).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from alsdesk.pdf import page, styles as st
from alsdesk.pdf.collect import fingerprint, latest, short
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head
from alsdesk.safety.sae_report import CiomsReport, collect_report

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["build_sae_report", "BOX_CHARS"]

ON, OFF = "☒", "☐"
BOX_CHARS = 600  # characters of a long text printed in its box before "continued"
LIST_ROWS = 8  # medication / history entries printed in their box before "continued"
_COLS = (0.19, 0.10, 0.15, 0.09, 0.09, 0.11, 0.27)  # fractions of the width, 7 columns
_MORE = "… continued on the additional sheet"


def _box(number: str, caption: str, value: str = "", markup: str | None = None):
    """A CIOMS box: its number and caption in small capitals, then the value."""
    head = f"<font size='5.8'><b>{esc(number)}</b> {esc(caption.upper())}</font>"
    body = markup if markup is not None else f"<b>{esc(value)}</b>" if value else ""
    return st.p(head + ("<br/>" + body if body else ""), st.CELL)


def _ticks(options: list[tuple[str, bool]]) -> str:
    return "<br/>".join(f"{ON if on else OFF} {esc(label)}" for label, on in options)


def _cut(text: str, limit: int = BOX_CHARS) -> tuple[str, bool]:
    """The start of a long text for its box (at a word), and whether it goes on."""
    if len(text) <= limit:
        return text, False
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip() + " " + _MORE, True


def _row_text(titles: tuple[str, ...], row: tuple[str, ...]) -> str:
    return "; ".join(f"{t}: {v}" for t, v in zip(titles, row) if v)


def _form_rows(r: CiomsReport, printed: str) -> tuple[list, list, list[str]]:
    """(table rows, span commands, what continues on the additional sheet)."""
    rows: list = []
    spans: list = []
    more: list[str] = []

    def add(cells: list, widths: list[int]) -> None:
        """One table row of boxes, each spanning `widths[i]` of the 7 columns."""
        line, col = [], 0
        for cell, n in zip(cells, widths):
            line += [cell] + [""] * (n - 1)
            if n > 1:
                spans.append(("SPAN", (col, len(rows)), (col + n - 1, len(rows))))
            col += n
        rows.append(line)

    def band(title: str) -> None:
        spans.append(("SPAN", (0, len(rows)), (6, len(rows))))
        spans.append(("BACKGROUND", (0, len(rows)), (6, len(rows)), st.BAND_DARK))
        rows.append([st.p(f"<b>{esc(title)}</b>", st.CELL)] + [""] * 6)

    band("I. REACTION INFORMATION")
    patient = r.subject + (f" ({r.initials})" if r.initials else "")
    add([_box("1.", "Patient initials / subject", patient), _box("1a.", "Country", r.country),
         _box("2.", "Date of birth", r.birth), _box("2a.", "Age", r.age),
         _box("3.", "Sex", r.sex), _box("3a.", "Weight", r.weight),
         _box("4-6.", "Reaction onset", r.onset)], [1] * 7)
    lines = "<br/>".join(f"<font color='#444444'>{esc(k)}:</font> <b>{esc(v)}</b>"
                         for k, v in r.description)
    narrative, cut = _cut(r.narrative)
    if cut:
        more.append("narrative")
    if narrative:
        lines += f"<br/><font color='#444444'>Narrative:</font> {esc(narrative)}"
    add([_box("7 + 13.", "Describe reaction(s) (including relevant tests / lab data)",
              markup=lines),
         _box("8-12.", "Check all appropriate to adverse reaction", markup=_ticks(
             list(r.criteria)))], [5, 2])
    band("II. SUSPECT DRUG(S) INFORMATION")
    product = r.product + (f" — lot {r.lot}" if r.lot else "")
    add([_box("14.", "Suspect drug(s) (include generic name)", product),
         _box("20.", "Did reaction abate after stopping drug?",
              markup=_ticks([("yes", False), ("no", False), ("NA", False)]))], [5, 2])
    add([_box("15.", "Daily dose(s)", r.dose), _box("16.", "Route(s) of administration",
                                                    r.route),
         _box("21.", "Did reaction reappear after reintroduction?",
              markup=_ticks([("yes", False), ("no", False), ("NA", False)]))], [3, 2, 2])
    add([_box("17.", "Indication(s) for use", r.indication),
         _box("18.", "Therapy dates (from / to)", r.therapy),
         _box("19.", "Therapy duration", r.duration)], [3, 2, 2])
    band("III. CONCOMITANT DRUG(S) AND HISTORY")
    for number, caption, titles, entries, what in (
            ("22.", "Concomitant drug(s) and dates of administration", r.medications,
             r.medication_rows, "medications"),
            ("23.", "Other relevant history (e.g. diagnostics, allergies, pregnancy)",
             r.history, r.history_rows, "history")):
        texts = [_row_text(titles, row) for row in entries]
        shown, cut = [], False
        budget = BOX_CHARS
        for text in texts[:LIST_ROWS]:
            piece, over = _cut(text, budget)
            shown.append(piece)
            budget -= len(piece)
            if over or budget <= 0:
                cut = True
                break
        cut = cut or len(texts) > len(shown)
        if cut:
            more.append(what)
            if not shown[-1].endswith(_MORE):
                shown.append(_MORE.lstrip("… "))
        markup = "<br/>".join(esc(t) for t in shown) or "<b>None recorded</b>"
        add([_box(number, caption, markup=markup)], [7])
    band("IV. SPONSOR AND REPORTER")
    signed = esc(r.investigator) if r.investigator else "not yet signed"
    add([_box("24a.", "Name and address of the sponsor", r.sponsor),
         _box("", "Reporter (site)",
              markup=f"<b>{esc(r.reporter)}</b><br/>Investigator: {signed}")], [4, 3])
    add([_box("24b.", "Sponsor control no.", r.control_no),
         _box("24c.", "Date received by the sponsor", r.received),
         _box("24d.", "Report source", markup=_ticks(
             [("study", True), ("literature", False), ("health professional", False)]))],
        [2, 2, 3])
    add([_box("", "Date of this report", printed),
         _box("25a.", "Report type", markup=_ticks(
             [("initial", r.report_type == "initial"),
              (r.report_type if r.report_type != "initial" else "follow-up",
               r.report_type != "initial")]))], [2, 5])
    return rows, spans, more


def build_sae_report(store: "Store", subject: str, entry: int, options: PrintOptions,
                     progress: Progress | None) -> PdfResult:
    """The CIOMS I form of adverse event `entry` of `subject`, with its additional sheet."""
    report, audit_head = with_head(store, lambda: collect_report(
        store, subject, entry, options.include_identifiers))
    digest = fingerprint(report)
    spec = page.PageSpec(study=store.study, title="Serious adverse event report (CIOMS I)",
                         options=options, subject=report.subject,
                         initials=report.initials or None, fingerprint=short(digest),
                         data_time=latest([report.data_time]), audit_head=audit_head,
                         filename=f"sae-{report.subject}-ae{entry}.pdf")
    width = page.frame_width(spec)
    moment = options.moment
    rows, spans, more = _form_rows(
        report, f"{moment.day:02d}/{page.MONTHS[moment.month - 1]}/{moment.year}")
    flow: list = [page.Mark("Adverse event log", f"SAE report, AE {entry}"),
                  st.t("SUSPECT ADVERSE REACTION REPORT", st.TITLE),
                  st.t(f"CIOMS I layout · {report.study} · subject {report.subject} · adverse "
                       f"event {entry}", st.NOTE), Spacer(1, 2 * mm)]
    flow.append(st.table(rows, [width * f for f in _COLS], st.grid(0, spans)))
    # the timeline together: one of its lines alone on a page reads as a page of its own
    flow += [Spacer(1, 3 * mm), st.Keep([
        st.t("Reporting timeline (the SAE clock when printed)", st.SECTION),
        *(st.t(line, st.NOTE) for line in report.timeline)])]
    if more:
        flow += [_SheetBreak(), Spacer(1, 4 * mm),
                 page.Mark("Adverse event log", f"SAE report, AE {entry} (continued)"),
                 st.t("Additional sheet", st.H1)]
        if "narrative" in more:
            flow += [st.t("7 + 13. Describe reaction(s): narrative (whole text)", st.SECTION),
                     st.t(report.narrative, st.BODY)]
        for what, number, titles, entries in (
                ("medications", "22. Concomitant drug(s)", report.medications,
                 report.medication_rows),
                ("history", "23. Other relevant history", report.history,
                 report.history_rows)):
            if what in more:
                flow.append(st.t(f"{number} (every entry)", st.SECTION))
                flow += [st.t(f"{i}. {_row_text(titles, row)}", st.BODY)
                         for i, row in enumerate(entries, 1)]
    data_bytes, pages = page.build(flow, spec, progress)
    return PdfResult(data_bytes, spec.title, spec.filename, pages, short(digest), audit_head)


class _SheetBreak(Flowable):
    """The additional sheet starts a page of its own after the form's first page; when the
    timeline was pushed onto a second page, it goes on under it (not one page holding two
    lines, then the sheet)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # taller than the frame on the form's page: the frame moves to the next page, where
        # this is nothing (as reportlab's CondPageBreak does)
        return (0, avail_height + 1) if self.canv.getPageNumber() == 1 else (0, 0)

    def draw(self) -> None:
        pass
