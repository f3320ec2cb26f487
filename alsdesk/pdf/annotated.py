"""The annotated CRF: the data manager's map from the printed forms to the data.

Every form of the study definition with, for each field, its label, the variable name (the
column in the database and in every export), its CDASH and SDTM names, type and format, code
list, visibility rule, the checks that read it, and the help with its CDISC codes. The site's
pages (alsdesk.pdf.blank) carry none of these codes; this document carries all of them.
Everything comes from the definition: nothing about a single field is written here.
"""
from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table
from reportlab.platypus.doctemplate import LayoutError

from alsdesk.pdf import page, styles as st
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.wording import num
from alsdesk.study.model import Check, Event, EventKind, Field, FieldType, Form, Study

# Column widths as shares of the landscape frame: variable, label, CDASH/SDTM, type and
# format, code list, visible when / checks, help.
_SHARES = (0.09, 0.19, 0.10, 0.14, 0.17, 0.13, 0.18)
_HEAD = ("Variable", "Label (section)", "CDASH / SDTM", "Type and format", "Code list",
         "Visible when · checks", "Help (with codes)")


def build_annotated_crf(study: Study, options: PrintOptions,
                        progress: Progress | None = None) -> PdfResult:
    """Every form of the definition, one field per row, landscape."""
    spec = page.PageSpec(study=study, title="Annotated CRF", options=options,
                         all_subjects=True, landscape=True,
                         filename=f"annotated-crf-{study.id}-v{study.crf_version}.pdf")
    try:
        data, pages = page.build(_flow(study, spec, whole_rows=True), spec, progress)
    except LayoutError:
        # a row taller than a page (a help of thousands of characters): split inside rows
        data, pages = page.build(_flow(study, spec, whole_rows=False), spec, progress)
    return PdfResult(data, spec.title, spec.filename, pages, None)


def _flow(study: Study, spec: page.PageSpec, whole_rows: bool) -> list:
    width = page.frame_width(spec)
    flow: list = _cover(study, width)
    used = _events_of(study)
    for form in study.forms.values():
        flow.append(PageBreak())
        # dest: define.xml's def:PDFPageRef names the form's id (alsdesk.exchange.sdtm.define)
        flow.append(page.Mark("Study definition", form.label, outline=form.label, level=0,
                              dest=form.id))
        flow.extend(_form(study, form, used.get(form.id, []), width, whole_rows))
    return flow


def _table(rows: list, widths: list[float], whole_rows: bool) -> Table:
    """A table with its header repeated on every page. Rows are kept whole when they fit a
    page: a field's row cut in two (its code list on the next page) reads as two fields."""
    if whole_rows:
        return Table(rows, colWidths=widths, style=st.grid(1), repeatRows=1)
    return st.table(rows, widths, st.grid(1), header_rows=1)


def _events_of(study: Study) -> dict[str, list[Event]]:
    used: dict[str, list[Event]] = {}
    for event in study.events:
        for form_id in event.forms:
            used.setdefault(form_id, []).append(event)
    return used


def _cover(study: Study, width: float) -> list:
    flow: list = [page.Mark("Study definition", "Contents"),
                  st.t("Annotated case report form", st.TITLE),
                  st.t(f"{study.id} · {study.protocol} · CRF version {study.crf_version}", st.H2),
                  st.t(study.title), st.t(study.site), Spacer(1, 3 * mm),
                  st.t("For the data manager and the monitor, not for the site: every field of "
                       "every form with its variable name (the database column and the name in "
                       "every export), its CDASH and SDTM names, type, format, code list, "
                       "visibility rule and checks. The site's blank CRF book shows the same "
                       "forms without these codes. Fields marked * are required while visible; "
                       "a missing-data code is stored in the column <variable>__missing.",
                       st.NOTE), Spacer(1, 3 * mm),
                  st.t("Missing-data codes", st.H2)]
    rows = [[st.t("Code", st.CELL_BOLD), st.t("Meaning", st.CELL_BOLD)]]
    rows += [[st.t(m.code, st.CELL_BOLD), st.t(m.label, st.CELL)] for m in study.missing_codes]
    flow.append(Table(rows, colWidths=[25 * mm, 70 * mm], style=st.grid(1), hAlign="LEFT"))
    flow += [Spacer(1, 3 * mm), st.t("Forms", st.H2)]
    used = _events_of(study)
    rows = [[st.t(h, st.CELL_BOLD) for h in ("Form (table)", "Label", "Domain", "Fields",
                                             "Events")]]
    for form in study.forms.values():
        events = ", ".join(e.label for e in used.get(form.id, []))
        rows.append([st.t(form.id, st.CELL_BOLD), st.t(form.label, st.CELL),
                     st.t(form.domain or "–", st.CELL), st.t(str(len(form.fields)), st.CELL),
                     st.t(events, st.CELL)])
    flow.append(st.table(rows, [0.12 * width, 0.28 * width, 0.08 * width, 0.06 * width,
                                0.46 * width], st.grid(1), header_rows=1))
    return flow


def _form(study: Study, form: Form, events: list[Event], width: float,
          whole_rows: bool) -> list:
    kind = "repeating (one entry per row)" if form.repeating else "one entry per event"
    facts = [f"table {form.id}", f"domain {form.domain}" if form.domain else "no CDISC domain",
             kind]
    flow: list = [st.t(form.label, st.H1), st.t(" · ".join(facts), st.NOTE),
                  st.t("Events: " + (", ".join(_event_text(e) for e in events) or "none"),
                       st.SMALL), Spacer(1, 2 * mm)]
    reads = _checks_by_field(form)
    rows = [[st.t(h, st.TINY_BOLD) for h in _HEAD]]
    for f in form.fields:
        rows.append(_field_row(study, form, f, reads.get(f.id, [])))
    flow.append(_table(rows, [s * width for s in _SHARES], whole_rows))
    if form.derived:
        flow += _listing("Derived values (calculated, never stored)",
                         ("Id", "Label", "Function", "Inputs", "Unit"),
                         [(d.id, d.label, d.function, ", ".join(d.inputs) or "q1 … q12",
                           d.unit or "") for d in form.derived],
                         [0.12, 0.30, 0.14, 0.34, 0.10], width, whole_rows)
    if form.checks:
        flow += _listing("Edit checks (the expression states a clean form)",
                         ("Id", "Severity", "Expression", "Message", "Shown at"),
                         [(c.id, c.severity.value
                           + (f", deviation {c.deviation}" if c.deviation else ""), c.expr,
                           c.message, ", ".join(c.fields)) for c in form.checks],
                         [0.13, 0.08, 0.30, 0.37, 0.12], width, whole_rows)
    return flow


def _listing(title: str, head: tuple[str, ...], rows: list[tuple[str, ...]],
             shares: list[float], width: float, whole_rows: bool) -> list:
    """A titled table of a form's derived values or checks: the id in bold, then the rest."""
    data = [[st.t(h, st.TINY_BOLD) for h in head]]
    data += [[st.t(row[0], st.TINY_BOLD)] + [st.t(v, st.TINY) for v in row[1:]]
             for row in rows]
    return [Spacer(1, 3 * mm), st.t(title, st.SECTION),
            _table(data, [s * width for s in shares], whole_rows)]


def _event_text(event: Event) -> str:
    if event.kind is EventKind.LOG:
        return f"{event.label} ({event.id}, log)"
    return f"{event.label} ({event.id})"


_NAME = re.compile(r"\b[a-z_][a-z0-9_]*\b")


def _checks_by_field(form: Form) -> dict[str, list[Check]]:
    """The checks whose expression reads a field of this form (or that are shown at it)."""
    ids = set(form.field_ids)
    found: dict[str, list[Check]] = {}
    for c in form.checks:
        # a name after a dot is another form's field (screening.ic.icdat), not this form's
        names = {m.group(0) for m in _NAME.finditer(c.expr)
                 if m.start() == 0 or c.expr[m.start() - 1] != "."}
        for name in (names | set(c.fields)) & ids:
            found.setdefault(name, []).append(c)
    return found


def _field_row(study: Study, form: Form, f: Field, checks: list[Check]) -> list:
    label = esc(f.label) + (" *" if f.required else "")
    if f.section:
        label += f"<br/><font color='#444444'>({esc(f.section)})</font>"
    if f.identifier:
        label += "<br/><b>Direct identifier: never printed or exported</b>"
    names = "<br/>".join(esc(n) for n in (f.cdash, f.sdtm) if n) or "–"
    visible = []
    if f.visible:
        visible.append(st.p(f"<b>if</b> {esc(f.visible)}", st.TINY))
    if checks:
        visible.append(st.t("checks: " + ", ".join(c.id for c in checks), st.TINY))
    return [st.t(f.id, st.TINY_BOLD), st.p(label, st.TINY), st.p(names, st.TINY),
            st.t(_format(study, f), st.TINY), _codes(f),
            visible or st.t("always", st.TINY), st.t(f.help or "", st.TINY)]


def _format(study: Study, f: Field) -> str:
    parts = [f.type.value]
    if f.type is FieldType.DATE:
        parts.append("YYYY-MM-DD" + (", or YYYY-MM / YYYY (partial)" if f.partial else ""))
    elif f.type is FieldType.DATETIME:
        parts.append("YYYY-MM-DDTHH:MM")
    elif f.type is FieldType.TIME:
        parts.append("HH:MM")
    if f.length:
        parts.append(f"at most {f.length} characters")
    if f.digits is not None:
        parts.append(f"{f.digits} decimal places")
    if f.min is not None or f.max is not None:
        low = num(f.min) if f.min is not None else "…"
        high = num(f.max) if f.max is not None else "…"
        parts.append(f"range {low} to {high}")
    if f.unit:
        parts.append(f"unit {f.unit}" + (f", or as reported in {f.unit_field}"
                                         if f.unit_field else ""))
    if f.future:
        parts.append("may lie in the future")
    if f.missing:
        parts.append("missing codes " + ", ".join(f.missing))
    if f.suggest:
        parts.append("suggested from " + ", ".join(f.suggest))
    return "; ".join(parts)


def _codes(f: Field):
    if f.codelist is None:
        return st.t("", st.TINY)
    lines = [f"<b>{esc(c.code)}</b> = {esc(c.label)}" for c in f.codelist.choices]
    head = f"<font color='#444444'>list {esc(f.codelist.id)}</font><br/>"
    return st.p(head + "<br/>".join(lines), st.TINY)
