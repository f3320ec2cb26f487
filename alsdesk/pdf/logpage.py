"""Blank log pages: several entries of a repeating form on one page, as a site's paper log.

A repeating form (adverse events, medicines, deviations, medical history) printed one entry
per page made sites copy a page per entry, every copy with the same page number. A log page
instead holds numbered rows, one entry each; the site numbers its log pages ("Log page __ of
__") and continues on a copy. Each entry is one row of the table, in one or more lines: the
fields in definition order, packed into lines as wide as the page; memo fields get a line of
their own at the end of the row. Choices with a few short labels are ticked in the cell;
longer code lists are written as a code explained in the legend under the table, with the
conditions ("only if") and the fields' help. Everything comes from the study definition
(Form.log_rows sets the number of rows; otherwise as many as fit).
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from alsdesk.i18n import tr
from alsdesk.pdf import fonts, shaping, styles as st
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.widgets import HINT, EntryLine, TickRow, boxes, text
from alsdesk.pdf.wording import condition_text, num
from alsdesk.permissions import field_help
from alsdesk.study.model import Field, FieldType, Form, Study

NO_W = 8 * mm  # the row number column
LINE_H = 8.5 * mm  # one written line of a row: room for handwriting over the guides
MEMO_H = 14 * mm  # a memo field's line: two lines of handwriting
TICK_SIZE = 7.0
PAD = 2.5  # points of cell padding either side
_TITLE = 11 * mm  # the form title above the log, and a little to spare
_TICK_W = 24 * mm  # choices are ticked in the cell when their boxes fit this; else coded


@dataclass(frozen=True)
class Column:
    field: Field
    kind: str  # "ticks", "code", "date", "time", "datetime", "number", "text", "memo"
    need: float  # the narrowest legible width, points
    codes: tuple[tuple[str, str], ...] = ()  # "code": (what to write, its meaning)


@dataclass(frozen=True)
class Plan:
    """How one form's log page is laid out: its lines of columns, rows and orientation."""

    lines: tuple[tuple[Column, ...], ...]
    widths: tuple[tuple[float, ...], ...]
    rows: int
    wide: bool  # landscape
    width: float


def _label_need(f: Field) -> float:
    """Wide enough for the label's longest word, and for the label in at most four lines."""
    words = (f.label + (" *" if f.required else "")).split()
    longest = max(stringWidth(w, fonts.BOLD, st.TINY_BOLD.fontSize) for w in words)
    whole = stringWidth(" ".join(words), fonts.BOLD, st.TINY_BOLD.fontSize)
    return max(longest, whole / 4) + 2 * PAD + 2


def _column(f: Field) -> Column:
    kind = f.type
    label = _label_need(f)
    if kind is FieldType.CHOICE:
        assert f.codelist is not None
        choices = f.codelist.choices
        ticks = TickRow([c.label for c in choices], size=TICK_SIZE).natural_width()
        if f.codelist.data_type != "integer" and ticks <= _TICK_W:
            return Column(f, "ticks", max(label, ticks + 2 * PAD))
        short = f.codelist.data_type == "integer" or all(len(str(c.code)) <= 4
                                                         for c in choices)
        codes = tuple((str(c.code) if short else str(i), c.label)
                      for i, c in enumerate(choices, start=1))
        return Column(f, "code", max(label, 13 * mm), codes)
    if kind is FieldType.DATE:
        return Column(f, "date", max(label, 27 * mm))
    if kind is FieldType.TIME:
        return Column(f, "time", max(label, 14 * mm))
    if kind is FieldType.DATETIME:
        return Column(f, "datetime", max(label, 41 * mm))
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        unit = stringWidth(f.unit or "", fonts.REGULAR, 6.5)
        return Column(f, "number", max(label, 16 * mm + unit))
    if kind is FieldType.MEMO:
        return Column(f, "memo", label)
    return Column(f, "text", max(label, (48 if (f.length or 200) > 60 else 28) * mm))


def _pack(columns: list[Column], width: float) -> list[list[Column]]:
    """Columns in order into lines no wider than the page; memo fields last, a line each."""
    lines: list[list[Column]] = []
    used = width  # start a line at the first column
    for c in (c for c in columns if c.kind != "memo"):
        if used + c.need > width:
            lines.append([])
            used = 0.0
        lines[-1].append(c)
        used += c.need
    lines += [[c] for c in columns if c.kind == "memo"]
    return lines


def _stretch(line: list[Column], width: float) -> tuple[float, ...]:
    """The line's widths, spread to the whole width; text fields take most of the rest."""
    rest = width - sum(c.need for c in line)
    weights = [3.0 if c.kind in ("text", "memo") else 1.0 for c in line]
    total = sum(weights)
    return tuple(c.need + rest * w / total for c, w in zip(line, weights))


def plan(study: Study, form: Form, fields: list[Field], widths: dict[bool, float],
         heights: dict[bool, float]) -> Plan | None:
    """The layout with more rows a page, portrait or landscape (when equal: the one with
    fewer lines an entry, a row read across at once); None when not even one entry fits on
    a page (a form of many long texts): it is printed as a form, one entry per copy."""
    best: Plan | None = None
    for wide in (False, True):
        width = widths[wide] - NO_W
        lines = _pack([_column(f) for f in fields], width)
        spread = tuple(_stretch(line, width) for line in lines)
        trial = Plan(tuple(tuple(x) for x in lines), spread, 1, wide, widths[wide])
        fixed = sum(_height(x, trial.width) for x in _around(study, form, trial, 1))
        entry = _entry_height(trial)
        room = heights[wide] - fixed - _TITLE  # `fixed` holds one row already
        if room < 0:
            continue
        rows = 1 + int(room // entry)
        if form.log_rows is not None:
            rows = min(rows, form.log_rows)
        trial = Plan(trial.lines, trial.widths, rows, wide, trial.width)
        if best is None or rows > best.rows or (rows == best.rows
                                                and len(trial.lines) < len(best.lines)):
            best = trial
    return best


def _height(flowable: Flowable, width: float) -> float:
    _, h = flowable.wrap(width, 1e6)
    style = getattr(flowable, "style", None)
    return h + (style.spaceBefore + style.spaceAfter if style is not None else 0)


def _entry_height(p: Plan) -> float:
    return sum(MEMO_H if line[0].kind == "memo" else LINE_H for line in p.lines)


def log_page(study: Study, form: Form, event_label: str, p: Plan) -> list:
    """The instructions, the table of numbered rows and the legend of one log page."""
    return _around(study, form, p, p.rows, event_label)


def _around(study: Study, form: Form, p: Plan, rows: int, event_label: str = "") -> list:
    n = rows
    intro = tr("Event: {event}. A log: one entry per row, {n} rows a page. When the page is "
               "full, continue on a copy of this page and number the log pages 1, 2, 3 … in "
               "order; row 1 of log page 2 is entry {next}.").format(event=event_label, n=n,
                                                                     next=n + 1)
    if form.derived:  # as on a form's page: computed from the entries, nothing to write
        intro += " " + tr("Calculated by ALS Desk when an entry is entered (nothing to write "
                          "here): {names}.").format(
                              names=", ".join(d.label for d in form.derived))
    page_no = EntryLine([text(tr("Log page")), boxes(2, gap=1.5 * mm),
                         text(tr("of"), gap=1.5 * mm), boxes(2, gap=1.5 * mm)])
    top = st.Table([[st.t(intro, st.SMALL), page_no]],
                colWidths=[p.width - 48 * mm, 48 * mm], hAlign="LEFT",
                style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [top, Spacer(1, 1.5 * mm), _table(form, p, rows), Spacer(1, 1.5 * mm),
            *_legend(study, form, p)]


def _conditions(form: Form, p: Plan) -> dict[str, str]:
    """Each distinct "only if" condition of the page and its footnote letter."""
    notes: dict[str, str] = {}
    for line in p.lines:
        for c in line:
            words = condition_text(form, c.field.visible)
            if words and words not in notes:
                n = len(notes)
                notes[words] = "abcdefghijklmnopqrstuvwxyz"[n] if n < 26 else str(n + 1)
    return notes


def _head_cell(form: Form, c: Column, notes: dict[str, str]) -> list:
    f = c.field
    cell = [st.p(esc(f.label) + (" *" if f.required else ""), st.TINY_BOLD)]
    hints = []
    if f.unit and c.kind == "number":
        hints.append(esc(f.unit))
    if f.min is not None and f.max is not None:
        hints.append(esc(tr("{low} to {high}").format(low=num(f.min), high=num(f.max))))
    if f.type is FieldType.DECIMAL and f.digits:
        hints.append(esc((tr("{n} decimals") if f.digits > 1 else tr("{n} decimal")).format(
            n=f.digits)))
    if c.kind in ("time", "datetime"):
        hints.append(esc(tr("24 h")))
    if c.kind == "code":
        hints.append(esc(tr("write the code")))
    if c.kind in ("date", "datetime") and f.partial:
        hints.append(esc(tr("partial date allowed")))
    if f.missing:
        hints.append(esc(tr("or {codes}").format(codes="/".join(f.missing))))
    words = condition_text(form, f.visible)
    if words:
        hints.append("<b>" + esc(tr("only if ({note})").format(note=notes[words])) + "</b>")
    if hints:
        cell.append(st.p(" · ".join(hints), st.TINY))
    return cell


class _Guide(Flowable):
    """Faint separators and captions to write a date or a time over: DD / MMM / YYYY."""

    def __init__(self, parts: tuple[tuple[str, float], ...], height: float) -> None:
        super().__init__()
        self.parts, self.h = parts, height  # (caption or separator, share of the width)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.h

    def draw(self) -> None:
        canv, x = self.canv, 0.0
        canv.saveState()
        canv.setFillColor(HINT)
        for mark, share in self.parts:
            w = share * self.width
            if mark in ("/", ":"):
                canv.setFont(fonts.BOLD, 10)
                canv.drawCentredString(x + w / 2, self.h * 0.42, mark)
            else:
                canv.setFont(fonts.REGULAR, 5.5)
                shaping.draw_string(canv, x + w / 2, 1.0, tr(mark), "centre")
            x += w
        canv.setFillColor(colors.black)
        canv.restoreState()


_UNIT = ParagraphStyle("logunit", parent=st.TINY, alignment=TA_RIGHT, textColor=HINT)
_DATE = (("DD", 0.2), ("/", 0.08), ("MMM", 0.26), ("/", 0.08), ("YYYY", 0.38))
# year first, in digits, in a right-to-left document (alsdesk.pdf.blank.year_first)
_DATE_YEAR_FIRST = (("year", 0.38), ("/", 0.08), ("month", 0.23), ("/", 0.08), ("day", 0.23))
_TIME = (("HH", 0.42), (":", 0.16), ("MM", 0.42))


def _entry_cell(c: Column, height: float):
    inner = height - 2 * PAD
    if c.kind == "ticks":
        assert c.field.codelist is not None
        return TickRow([ch.label for ch in c.field.codelist.choices], size=TICK_SIZE)
    dates = _DATE_YEAR_FIRST if st.rtl() else _DATE
    if c.kind == "date":
        return _Guide(dates, inner)
    if c.kind == "time":
        return _Guide(_TIME, inner)
    if c.kind == "datetime":
        return _Guide(tuple((t, s * 0.66) for t, s in dates) + (("", 0.04),)
                      + tuple((t, s * 0.30) for t, s in _TIME), inner)
    if c.kind == "number" and c.field.unit:
        return st.t(c.field.unit, _UNIT)
    return ""


def _table(form: Form, p: Plan, rows: int) -> st.Table:
    notes = _conditions(form, p)
    tight = [("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
             ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("GRID", (0, 0), (-1, -1), st.GRID_WIDTH, st.GRID)]
    heads = [st.Table([[_head_cell(form, c, notes) for c in line]], colWidths=list(w),
                   style=tight + [("BACKGROUND", (0, 0), (-1, -1), st.BAND)])
             for line, w in zip(p.lines, p.widths)]
    bottom = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    entry = []
    for line, w in zip(p.lines, p.widths):
        h = MEMO_H if line[0].kind == "memo" else LINE_H
        entry.append(([_entry_cell(c, h) for c in line], list(w), h))
    number = tr("No.") if st.rtl() else "No"  # "No" alone would be the answer's word
    data = [[st.t(number, st.TINY_BOLD), _stack(heads)]]
    for number in range(1, rows + 1):
        lines = [st.Table([cells], colWidths=w, rowHeights=[h], style=tight + bottom)
                 for cells, w, h in entry]
        data.append([st.t(str(number), st.CELL_BOLD), _stack(lines)])
    outer = [("GRID", (0, 0), (-1, -1), st.GRID_WIDTH * 1.5, st.GRID),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
             ("BACKGROUND", (0, 0), (0, 0), st.BAND),
             ("LEFTPADDING", (1, 0), (1, -1), 0), ("RIGHTPADDING", (1, 0), (1, -1), 0),
             ("TOPPADDING", (1, 0), (1, -1), 0), ("BOTTOMPADDING", (1, 0), (1, -1), 0)]
    return st.Table(data, colWidths=[NO_W, p.width - NO_W], style=outer, repeatRows=1)


def _stack(tables: list[st.Table]) -> st.Table:
    if len(tables) == 1:
        return tables[0]
    zero = [(k, (0, 0), (-1, -1), 0) for k in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING",
                                               "BOTTOMPADDING")]
    return st.Table([[t] for t in tables], style=zero)


def _legend(study: Study, form: Form, p: Plan) -> list:
    """Codes of the coded columns, the "only if" footnotes, missing codes and the help."""
    parts = []
    columns = [c for line in p.lines for c in line]
    for c in columns:
        if c.codes:
            codes = " · ".join(f"<b>{esc(code)}</b> {esc(label)}" for code, label in c.codes)
            parts.append(f"<b>{esc(c.field.label)}</b>: {codes}")
    for words, letter in _conditions(form, p).items():
        parts.append(f"<b>({letter})</b> " + esc(tr("Only if {condition}").format(
            condition=words)))
    used = sorted({m for c in columns for m in c.field.missing})
    if used:
        meanings = ", ".join(f"<b>{esc(m)}</b> {esc(study.missing_label(m) or '')}".strip()
                             for m in used)
        parts.append(esc(tr("Missing-data codes (write the code in the cell):")) + " "
                     + meanings)
    # the site's words: CDISC codes in the help are for the annotated CRF
    helps = [f"<b>{esc(c.field.label)}</b>: {esc(field_help(None, c.field))}" for c in columns
             if field_help(None, c.field)]
    codes, notes = tr("Codes."), tr("Notes.")
    flow = ([st.p(f"<b>{esc(codes)}</b> " + " &nbsp; ".join(parts), st.TINY)]
            if parts else [])
    if helps:
        flow.append(Spacer(1, 1 * mm))
        flow.append(st.p(f"<b>{esc(notes)}</b> " + " &nbsp; ".join(helps), st.TINY))
    return flow
