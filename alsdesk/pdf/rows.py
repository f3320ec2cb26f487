"""The field rows of a filled form: one field a row, or compact for the entries of a log.

A form's sections are tables of their own, each kept on one page with its heading row (a
section that does not fit in the rest of a page starts the next one; one taller than a page
is split, its heading repeated): a section heading ("Dates") alone at the foot of a page
was an orphan. Log entries (adverse events, medicines ...) print compactly, a section's
fields one after another on a line ("label: value") and the fields their condition leaves out
named on one line, so twenty entries take a few pages instead of one or two pages each. Every text still wraps and splits across pages.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from alsdesk.i18n import tr
from alsdesk.pdf import shaping, styles as st
from alsdesk.pdf.collect import FieldRow, FormBlock
from alsdesk.pdf.fonts import esc

_LONG = 90  # characters: a longer value starts a line of its own in a compact block

def value_and_note(row: FieldRow) -> tuple[Flowable, str]:
    """The printed value cell of a field and the note beside it."""
    if row.restricted:
        value, note = st.t(row.value, st.CELL), ""
    elif not row.applies and not row.value and not row.missing:
        value, note = st.p("<font color='#555555'>– " + esc(tr("(does not apply)"))
                           + "</font>", st.CELL), ""
    elif row.missing and not row.value:
        # The code stands where the value would, spelt out: an "ND" alone in the note
        # column beside an empty value cell was easy to miss.
        value, note = st.t(row.missing, st.CELL_BOLD), ""
    else:
        # A question left blank prints blank: a dash would read as an answer.
        value = st.t(row.value, st.CELL_BOLD)
        note = tr("code {code}").format(code=row.missing) if row.missing else ""
    if not row.applies and (row.value or row.missing):
        note = (note + " " if note else "") + tr("(does not apply: should be blank)")
    if row.queries:
        note = (note + " · " if note else "") + tr("query {queries}").format(
            queries=row.queries)
    return value, note


def _sections(rows: tuple[FieldRow, ...]) -> list[tuple[str, list[FieldRow]]]:
    out: list[tuple[str, list[FieldRow]]] = []
    for row in rows:
        if not out or (row.section and row.section != out[-1][0]):
            out.append((row.section, []))
        out[-1][1].append(row)
    return out


def _band(data: list, extra: list, text: str, columns: int) -> None:
    data.append([st.t(text, st.CELL_BOLD)] + [""] * (columns - 1))
    n = len(data) - 1
    extra += [("SPAN", (0, n), (-1, n)), ("BACKGROUND", (0, n), (-1, n), st.BAND)]


def field_rows(form: FormBlock, width: float) -> list:
    """One field a row (label, value, note), a table for each section."""
    flow: list = []
    widths = [0.42 * width, 0.36 * width, 0.22 * width]
    for section, rows in _sections(form.rows):
        data: list = []
        extra: list = []
        if section:
            _band(data, extra, section, 3)
        for row in rows:
            value, note = value_and_note(row)
            data.append([st.t(row.label, st.CELL), value, st.t(note, st.CELL)])
        table = st.table(data, widths, st.grid(extra=extra), header_rows=1 if section else 0)
        flow.append(st.Keep([table]) if section else table)
    return flow


def _value_markup(row: FieldRow) -> str:
    """A field as "label: value" markup, its note in brackets (as value_and_note says)."""
    if row.restricted:
        value = esc(row.value)
    elif row.missing and not row.value:
        value = f"<b>{esc(row.missing)}</b>"
    else:
        value = (f"<b>{esc(shaping.embedded(row.value))}</b>" if row.value
                 else "<font color='#555555'>" + esc(tr("(blank)")) + "</font>")
    notes = []
    if row.value and row.missing:
        notes.append(esc(tr("code {code}").format(code=row.missing)))
    if not row.applies and (row.value or row.missing):
        notes.append(esc(tr("does not apply: should be blank")))
    if row.queries:
        notes.append(esc(tr("query {queries}").format(queries=row.queries)))
    note = f" <font color='#444444'>({'; '.join(notes)})</font>" if notes else ""
    colon = "" if row.label.rstrip().endswith(("?", ":", "؟")) else ":"
    return f"{esc(row.label)}{colon} {value}{note}"


def _join(parts: list[tuple[str, bool]]) -> str:
    """Short fields one after another; a long text on lines of its own, so that the field
    after it does not hide at the end of a paragraph."""
    out = ""
    for i, (markup, long) in enumerate(parts):
        if i:
            out += "<br/>" if long or parts[i - 1][1] else " &nbsp;·&nbsp; "
        out += markup
    return out


def compact_rows(form: FormBlock, width: float) -> list:
    """A compact block: a row per section, its fields one after another ("label: value"),
    and the fields left out by their condition named on one line."""
    data: list = []
    skipped: list[str] = []
    for section, rows in _sections(form.rows):
        parts = []
        for row in rows:
            if not row.restricted and not row.applies and not row.value and not row.missing:
                skipped.append(row.label)
                continue
            parts.append((_value_markup(row), len(row.value) > _LONG or "\n" in row.value))
        if not parts:
            continue
        line = st.p(_join(parts), st.CELL)
        if section:
            data.append([st.t(section, st.CELL_BOLD), line])
        else:
            # Fields outside any section: the text column, no span. reportlab measures a
            # spanned cell at its first column's width when it splits the row across pages
            # (a 4,000-character text became a row taller than a page: LayoutError).
            data.append(["", line])
    if skipped:
        data.append([st.t(tr("Does not apply"), st.CELL_BOLD),
                     st.p("<font color='#444444'>" + esc(tr(
                         "left blank, as their condition is not met: {fields}").format(
                             fields=", ".join(skipped))) + "</font>", st.CELL)])
    if not data:
        return []
    return [st.table(data, [0.16 * width, 0.84 * width], st.grid())]
