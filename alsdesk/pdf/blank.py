"""The blank CRF book: every form of every event, to fill in by hand.

Everything printed comes from the study definition: a field added there appears here, with
boxes for its type, its unit, its range, its choices and the missing-data codes it accepts.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from alsdesk.i18n import tr
from alsdesk.pdf import logpage, page, signoff, styles as st
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.widgets import EntryLine, TickBox, TickRow, WriteLines, boxes, replay, text
from alsdesk.pdf.wording import condition_text, num, range_text
from alsdesk.permissions import field_help
from alsdesk.study.model import Event, EventKind, Field, FieldType, Form, Study

LABEL_SHARE = 0.42


class _FieldTable(st.Table):
    """The field rows of a form section. A form used at several events prints the same
    table each time: drawn once per document, copied the next times (a part of a table
    split over pages is a plain table and is drawn as usual)."""

    same_key: tuple | None = None

    def draw(self) -> None:
        if self.same_key is None:
            super().draw()
            return
        replay(self.canv, self.same_key + (self._width, self._height, tuple(self._rowHeights)),
               lambda: st.Table.draw(self))


def restricted(form: Form, include_identifiers: bool) -> bool:
    """Whether a whole form is left out because it holds only direct identifiers."""
    return not include_identifiers and all(f.identifier for f in form.fields)


def printable_fields(form: Form, include_identifiers: bool) -> list[Field]:
    return [f for f in form.fields if include_identifiers or not f.identifier]


def build_blank_book(study: Study, options: PrintOptions,
                     progress: Progress | None = None) -> PdfResult:
    """The blank CRF book of the whole study."""
    suffix = "" if options.language == "en" else f"-{options.language}"
    spec = page.PageSpec(study=study, title=tr("Blank CRF book"), options=options, blank=True,
                         filename=f"crf-book-{study.id}-v{study.crf_version}{suffix}.pdf")
    width = page.frame_width(spec)
    flow: list = _cover(study, width)
    cells: dict = {}  # a form used at several events: its cells are made once
    frame_h = page.pagesize(spec)[1] - page.HEADER_H - page.FOOTER_H
    plans: dict = {}  # a log form's page layout, made once
    for event in study.events:
        first, own_page = True, True
        for form_id in event.forms:
            form = study.form(form_id)
            log = _log_plan(study, event, form, spec, options.include_identifiers, plans)
            marks = []
            if first:
                marks.append(page.Mark(event.label, form.label, outline=event.label, level=0))
                first = False
            marks.append(page.Mark(event.label, form.label, outline=form.label, level=1))
            body = blank_form(study, event, form, log.width if log else width,
                              options.include_identifiers, cells, log)
            sign = signoff.blank_blocks(study, event, form, log.width if log else width,
                                        log=log is not None)
            if log is not None:
                # A log page is copied by the site: a page of its own, in its orientation.
                flow += [NextPageTemplate("wide" if log.wide else "page"), PageBreak(),
                         *marks, *body, *sign, NextPageTemplate("page")]
                own_page = True
                continue
            parts = _form_parts(marks, body, sign)
            if own_page or form.repeating:
                flow += [PageBreak(), *parts]
                own_page = form.repeating  # a page per entry, copied: no other form on it
            else:
                # Forms of one event share pages: one that fits in the rest of the page
                # follows the one before, under its own title; one that does not starts
                # there if a good part of the page is left, else on a new page.
                flow += [Spacer(1, 6 * mm), st.Follow(parts, 0.4 * frame_h)]
    data, pages = page.build(flow, spec, progress)
    return PdfResult(data, spec.title, spec.filename, pages, None)


def _log_plan(study: Study, event: Event, form: Form, spec: page.PageSpec,
              include_identifiers: bool, plans: dict) -> logpage.Plan | None:
    """The log page layout of a repeating form (None for other forms)."""
    if not form.repeating or restricted(form, include_identifiers):
        return None
    if (event.id, form.id) not in plans:
        size = page.pagesize(spec)
        body = size[1] - page.HEADER_H - 8 * mm - page.FOOTER_H - 6 * mm
        widths = {False: page.frame_width(spec), True: page.frame_width(spec, wide=True)}
        # the investigator's block (a serious AE is signed) stands on the log page too
        sign = signoff.blank_blocks(study, event, form, widths[False], log=True)
        reserve = sum(_height(f, widths[False]) for f in sign)
        heights = {False: body - reserve,
                   True: size[0] - page.HEADER_H - 8 * mm - page.FOOTER_H - 6 * mm - reserve}
        plans[event.id, form.id] = logpage.plan(
            study, form, printable_fields(form, include_identifiers), widths, heights)
    return plans[event.id, form.id]


def _form_parts(marks: list, body: list, sign: list) -> list:
    """A form as parts that break only between them: its title with its first section, then
    each further section; the signature blocks stay with the last part (never alone on a
    page)."""
    items = list(body)
    if sign:
        items[-1:] = [st.Keep(items[-1:] + sign)]
    first = next((n for n, f in enumerate(items) if isinstance(f, st.Keep)), len(items) - 1)
    return [st.Keep(marks + items[:first + 1]), *items[first + 1:]]


def _height(flowable, width: float) -> float:
    """A flowable's height before it is placed (a Keep has no canvas yet: its parts)."""
    parts = getattr(flowable, "_content", None)
    if parts is not None:
        return sum(_height(f, width) for f in parts)
    return flowable.wrap(width, 1e6)[1]


def _cover(study: Study, width: float) -> list:
    flow: list = [page.Mark(tr("All events"), tr("Instructions")),
                  st.t(tr("Case report form book"), st.TITLE),
                  st.t(tr("{study} · {protocol} · CRF version {version}").format(
                      study=study.id, protocol=study.protocol, version=study.crf_version),
                      st.H2),
                  st.t(study.title), st.t(study.site), Spacer(1, 5 * mm),
                  st.t(tr("How to fill in these forms"), st.H2)]
    dates = (tr("Dates are YYYY/MM/DD, in the Solar Hijri calendar (e.g. 1405/09/16) or the "
                "Gregorian (e.g. 2026/12/07): both are read when the form is entered. Where a "
                "field allows a partial date, leave the day (or the day and the month) blank "
                "when they are not known.") if year_first() else
             tr("Dates are DD/MMM/YYYY, e.g. 05/MAR/2014. Where a field allows a partial "
                "date, leave the day (or the day and the month) blank when they are not "
                "known."))
    rules = [
        tr("Write clearly in black or blue ink, one character per box. Tick one box where "
           "choices are listed."),
        dates,
        tr("Times are on the 24-hour clock, HH:MM, e.g. 14:30."),
        tr("When a value cannot be given, tick one of the missing-data codes the field "
           "allows instead of leaving it blank."),
        tr("A field marked “Only if …” is filled in only when that condition holds."),
        tr("Fields marked * are required. Numbers must lie in the allowed range printed "
           "beside them."),
        tr("To correct an entry, strike it through with a single line so it stays readable, "
           "write the new value beside it, and add your initials and the date."),
        tr("Write the subject's code and initials in the boxes at the top of every page; "
           "never write the patient's name on these pages."),
    ]
    if any(f.repeating for f in study.forms.values()):
        rules.append(tr("Logs (forms with numbered rows) hold one entry per row. When a log "
                        "page is full, continue on a copy of it and write the log page's "
                        "number in the box at its top right."))
    flow += [st.p(f"• {esc(r)}", st.BODY) for r in rules]
    flow += [Spacer(1, 3 * mm), st.t(tr("Missing-data codes"), st.H2)]
    codes = [[st.t(tr("Code"), st.CELL_BOLD), st.t(tr("Meaning"), st.CELL_BOLD)]]
    codes += [[st.t(m.code, st.CELL_BOLD), st.t(m.label, st.CELL)] for m in study.missing_codes]
    flow.append(st.Table(codes, colWidths=[25 * mm, 70 * mm], style=st.grid(1), hAlign="LEFT"))
    flow += [Spacer(1, 3 * mm), st.t(tr("Events and their forms"), st.H2)]
    rows = [[st.t(tr("Event"), st.CELL_BOLD), st.t(tr("When"), st.CELL_BOLD),
             st.t(tr("Forms"), st.CELL_BOLD)]]
    for event in study.events:
        forms = ", ".join(study.form(f).label for f in event.forms)
        rows.append([st.t(event.label, st.CELL), st.t(_when(event, study.anchor_words), st.CELL),
                     st.t(forms, st.CELL)])
    flow.append(st.Table(rows, colWidths=[0.24 * width, 0.28 * width, 0.48 * width],
                      style=st.grid(1), repeatRows=1))
    return flow


def _when(event: Event, anchor: str) -> str:
    """When an event happens, its window counted from the study's anchor (anchor_name)."""
    if event.kind is EventKind.LOG:
        return tr("running log, any time")
    if event.repeating:
        return tr("any time, as often as needed")
    if event.window is None or event.unit is None:
        return tr("when it happens")
    low, high = event.window
    unit = tr("h") if event.unit.value == "hours" else tr("days")
    target = (tr("target {target} {unit}; ").format(target=num(event.target), unit=unit)
              if event.target is not None else "")
    return target + tr("window {low} to {high} {unit} from {anchor}").format(
        low=num(low), high=num(high), unit=unit, anchor=anchor)


def blank_form(study: Study, event: Event, form: Form, width: float,
               include_identifiers: bool, cells: dict | None = None,
               log: logpage.Plan | None = None) -> list:
    """Heading, instructions and the field rows of one form, ready to write in.

    `cells` keeps the cells of the field tables between calls for the same form: they lay
    out and draw the same at every width, so one book shares them between events. `log`: a
    repeating form's log page layout (alsdesk/pdf/logpage.py): numbered rows, an entry each.
    """
    # The label only: CDISC domain codes are for the data manager's annotated CRF
    # (alsdesk.pdf.annotated), not for the site's pages.
    flow: list = [st.t(form.label, st.H1)]
    if log is not None:
        return flow + logpage.log_page(study, form, event.label, log)
    intro = tr("Event: {event}.").format(event=event.label)
    if form.repeating and not restricted(form, include_identifiers):
        # only a form too long for a log page (alsdesk/pdf/logpage.py) prints this way
        intro += " " + tr("One entry on each copy of this page: number the entries 1, 2, "
                          "3 … in order.")
    flow.append(st.t(intro, st.SMALL))
    if form.repeating and not restricted(form, include_identifiers):
        flow.append(Spacer(1, 1.5 * mm))
        flow.append(st.Table([[st.t(tr("Entry number"), st.LABEL), EntryLine([boxes(2)])]],
                          colWidths=[30 * mm, 20 * mm], hAlign="LEFT",
                          style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    flow.append(Spacer(1, 2 * mm))
    if restricted(form, include_identifiers):
        flow.append(st.t(tr("This form holds direct identifiers (such as the name, the "
                            "record number and the telephone number). They are kept at the "
                            "site on the subject identification log and are not printed in "
                            "this book."), st.NOTE))
        return flow
    sections: list[tuple[str | None, list[Field]]] = []
    for f in printable_fields(form, include_identifiers):
        if not sections or sections[-1][0] != f.section:
            sections.append((f.section, []))
        sections[-1][1].append(f)
    label_w = width * LABEL_SHARE
    entry_w = width - label_w - 6
    for number, (section, fields) in enumerate(sections):
        key = (form.id, number, width, include_identifiers)
        made = cells.get(key) if cells is not None else None
        if made is None:
            made = [(_label_cell(form, f), _entry_cell(study, f, entry_w)) for f in fields]
            if cells is not None:
                cells[key] = made
        rows = [list(row) for row in made]
        table = _FieldTable(rows, colWidths=[label_w, width - label_w], style=st.grid())
        table.same_key = ("fields", form.id, number, include_identifiers)
        # A section heading stays with its rows: the section fits in the rest of the page
        # or starts a new one (one taller than a page is split, from the top of one).
        head = [st.t(section, st.SECTION), Spacer(1, 0.5 * mm)] if section else []
        flow.append(st.Keep(head + [table]))
    if form.derived:
        names = ", ".join(d.label for d in form.derived)
        flow.append(Spacer(1, 2 * mm))
        flow.append(st.t(tr("Calculated by ALS Desk when the form is entered (nothing to "
                            "write here): {names}.").format(names=names), st.SMALL))
    return flow


def _label_cell(form: Form, f: Field) -> list:
    cell = [st.p(esc(f.label) + (" *" if f.required else ""), st.LABEL)]
    condition = condition_text(form, f.visible)
    if condition:
        only = tr("Only if")
        cell.append(st.p(f"<b>{esc(only)}</b> {esc(condition)}", st.SMALL))
    help_text = field_help(None, f)  # the site's words: CDISC codes are left out
    if help_text:
        cell.append(st.t(help_text, st.SMALL))
    return cell


def _entry_cell(study: Study, f: Field, width: float) -> list:
    cell: list = []
    kind = f.type
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        cell.append(EntryLine(_number_parts(f)))
    elif kind is FieldType.DATE:
        cell.append(EntryLine(_date_parts()))
        if f.partial:
            cell.append(Spacer(1, 0.8 * mm))
            cell.append(st.t(tr("Partial date allowed: leave the day, or the day and the "
                                "month, blank if unknown"), st.SMALL))
    elif kind is FieldType.DATETIME:
        cell.append(EntryLine(_date_parts() + [text("", gap=2.5 * mm)] + _time_parts()
                              + [text(tr("24 h"), small=True)]))
    elif kind is FieldType.TIME:
        cell.append(EntryLine(_time_parts() + [text(tr("24 h"), small=True)]))
    elif kind is FieldType.CHOICE:
        cell.extend(_choices(f, width))
    else:
        cell.append(WriteLines(4 if kind is FieldType.MEMO else 1))
        if f.length and f.length <= 500:
            cell.append(st.t(tr("At most {n} characters").format(n=f.length), st.SMALL))
    rng = range_text(f)
    if rng:
        cell.append(Spacer(1, 0.8 * mm))
        cell.append(st.t(rng, st.SMALL))
    if f.missing:
        labels = [f"{code} {study.missing_label(code) or ''}".strip() for code in f.missing]
        cell.append(Spacer(1, 1 * mm))
        cell.append(TickRow(labels, size=7, prefix=tr("or:")))
    return cell


def _number_parts(f: Field) -> list:
    highest = max(abs(f.min or 0), abs(f.max or 0))
    digits = len(str(int(highest))) if highest >= 1 else (1 if f.max is not None else 5)
    parts = []
    if f.min is not None and f.min < 0:
        parts.append(text("±", small=True))
    parts.append(boxes(digits, gap=0))
    if f.type is FieldType.DECIMAL:
        decimals = f.digits if f.digits is not None else 1
        if decimals:
            parts += [text(".", gap=0.8 * mm), boxes(decimals, gap=0.8 * mm)]
    if f.unit:  # a result reported in a choice of units: the unit ticked on the next line
        parts.append(text(tr("{unit} (or the report's unit, next)").format(unit=f.unit)
                          if f.unit_field else f.unit, gap=2 * mm))
    return parts


def year_first() -> bool:
    """Whether dates are written year first, in digits (YYYY/MM/DD): in Persian, as a Solar
    Hijri date is written (1405/09/16), or a Gregorian one the same way; a year 1278-1479
    can only be Solar Hijri, so the entry reads either (alsdesk.study.values)."""
    return st.rtl()


def _date_parts() -> list:
    if year_first():
        return [boxes(4, tr("year"), gap=0), text("/"), boxes(2, tr("month")),
                text("/"), boxes(2, tr("day"))]
    return [boxes(2, "DD", gap=0), text("/"), boxes(3, "MMM"), text("/"), boxes(4, "YYYY")]


def _time_parts() -> list:
    return [boxes(2, tr("HH")), text(":"), boxes(2, tr("MM"))]


def _choices(f: Field, width: float) -> list:
    assert f.codelist is not None
    scored = f.codelist.data_type == "integer"
    labels = [c.label for c in f.codelist.choices]
    row = TickRow(labels)
    if not scored and row.natural_width() <= width:
        return [row]
    rows = []
    for c in f.codelist.choices:
        markup = (f"<b>{esc(c.code)}</b>  " if scored else "") + esc(c.label)
        rows.append([TickBox(), st.p(markup, st.NOTE)])
    table = st.Table(rows, colWidths=[6 * mm, width - 6 * mm], hAlign="LEFT",
                  style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 0),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                         ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 2.0)])
    return [table]
