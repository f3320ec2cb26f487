"""Paragraph and table styles shared by every document."""
from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as _Table

from alsdesk import i18n
from alsdesk.pdf import fonts, shaping

# Greys and weights that survive a photocopier (which turns everything lighter than about half
# grey white): a 0.4 pt line at 72 % grey vanished from copies (tests/test_pdf_photocopy.py).
GRID = colors.Color(0.3, 0.3, 0.3)
GRID_WIDTH = 0.6
BAND = colors.Color(0.92, 0.92, 0.92)
BAND_DARK = colors.Color(0.82, 0.82, 0.82)
SERIOUS = colors.Color(0.72, 0.05, 0.05)
MUTED = colors.Color(0.25, 0.25, 0.25)

fonts.register()  # paragraphs look their fonts up when they are made, before any build


def _style(name: str, size: float, bold: bool = False, leading: float | None = None,
           **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.BOLD if bold else fonts.REGULAR, fontSize=size,
                          leading=leading or size * 1.25, **kw)


TITLE = _style("title", 17, True, spaceAfter=6)
H1 = _style("h1", 13, True, spaceBefore=2, spaceAfter=4, keepWithNext=1)
H2 = _style("h2", 10.5, True, spaceBefore=6, spaceAfter=3, keepWithNext=1)
SECTION = _style("section", 9, True, spaceBefore=5, spaceAfter=2, keepWithNext=1)
BODY = _style("body", 9)
LABEL = _style("label", 9, True)
VALUE = _style("value", 9)
SMALL = _style("small", 7.2, textColor=MUTED)
NOTE = _style("note", 8)
CELL = _style("cell", 7.6, leading=9.2)
CELL_BOLD = _style("cellb", 7.6, True, leading=9.2)
TINY = _style("tiny", 6.8, leading=8.2)
TINY_BOLD = _style("tinyb", 6.8, True, leading=8.2)
RIGHT = _style("right", 9, alignment=TA_RIGHT)
_KNOWN = {id(v) for v in list(globals().values()) if isinstance(v, ParagraphStyle)}


# Text a single-line fast path may draw as it is: no line breaks, tabs, other white space,
# soft hyphens or zero-width characters (a Paragraph treats those specially).
_SPECIAL = re.compile("[^\\S ]|[\xad\u200b-\u200d\u2028\u2029\ufeff]")
_MARKUP = re.compile("[<&]")
_WIDTHS: dict[tuple[str, str, float], float] = {}  # per process: text widths never change
_SIZES: dict[tuple[str, int, float], tuple[float, float]] = {}  # paragraph sizes, likewise


class _Para(Paragraph):
    """A Paragraph that remembers its last wrap: a table wraps its cells more than once (to
    size the rows, to split, to draw), always at the same width."""

    _last: tuple[float, tuple[float, float]] | None = None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        last = self._last
        # The parts of a split paragraph are copies that carry the whole one's size but
        # have not broken their own lines yet (no blPara): they must be wrapped.
        if last is not None and last[0] == aw and "blPara" in self.__dict__:
            self.width, self.height = last[1]
            return last[1]
        size = super().wrap(aw, ah)
        self._last = (aw, size)
        return size


def _plain_style(style: ParagraphStyle) -> bool:
    return (style.alignment in (TA_LEFT, TA_RIGHT, TA_CENTER) and not style.leftIndent
            and not style.rightIndent and not style.firstLineIndent and not style.backColor
            and not (style.borderWidth and style.borderColor) and not style.wordWrap
            and not getattr(style, "autoLeading", ""))


class Line(Flowable):
    """Text in a paragraph style, looking exactly as a Paragraph of it would.

    Most table cells hold a few words: when plain text fits on one line it is measured once
    and drawn with one text operation instead of being parsed, broken into lines and drawn as
    a Paragraph (the costly part of every document). Otherwise (markup, or text that wraps) a
    real Paragraph does the work, but only once for the same text in the same style and
    width: its size is remembered for the process and its drawing for the document, since
    a CRF book prints the same forms at many events.
    """

    def __init__(self, text: str, style: ParagraphStyle, markup: str | None = None) -> None:
        super().__init__()
        self.text, self.style = text, style
        self._markup = markup
        self._para: Paragraph | None = None
        # Right-to-left scripts, characters the font lacks: shaped, ordered and marked by
        # shaping.Shaped, which a Paragraph cannot do (reportlab's bidi needs rlbidi).
        self._shaped: shaping.Shaped | None = None
        if shaping.needs(text, style.fontName):
            runs = [(text, False, None)] if markup is None else shaping.runs_from_markup(markup)
            self._shaped = shaping.Shaped(runs or [(shaping.plain(text), False, None)], style)
        self._one = None if (markup is not None or _SPECIAL.search(text) or self._shaped
                             or not _plain_style(style)) else " ".join(text.split())
        self._wrapped: tuple[float, tuple[float, float]] | None = None
        self._fast = False  # drawn as one line at the last wrap
        self._shared = id(style) in _KNOWN  # a style of this module: safe to key caches on

    @property
    def markup(self) -> str:
        if self._markup is None:
            self._markup = fonts.esc(self.text)
        return self._markup

    def _paragraph(self) -> Paragraph:
        if self._para is None:
            self._para = _Para(self.markup, self.style)
        return self._para

    def _line_width(self) -> float:
        key = (self._one, self.style.fontName, self.style.fontSize)
        width = _WIDTHS.get(key)
        if width is None:
            if len(_WIDTHS) > 100_000:
                _WIDTHS.clear()
            width = _WIDTHS[key] = stringWidth(*key)
        return width

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == aw:
            return self._wrapped[1]
        if self._shaped is not None:
            size = self._shaped.wrap(aw, ah)
        elif self._one is not None and aw >= 1e-8 and self._line_width() <= aw - 1e-3:
            self._fast = True
            size = (aw, self.style.leading if self._one else 0.0)
        else:
            self._fast = False
            key = (self.markup, id(self.style), aw)
            size = _SIZES.get(key) if self._shared else None
            if size is None:
                size = self._paragraph().wrap(aw, ah)
                if self._shared and size[1] < 0x7fffffff:
                    if len(_SIZES) > 50_000:
                        _SIZES.clear()
                    _SIZES[key] = size
        self.width, self.height = size
        self._wrapped = (aw, size)
        return size

    def minWidth(self) -> float:  # reportlab's name
        return (self._shaped or self._paragraph()).minWidth()

    def split(self, aw: float, ah: float) -> list:
        if self._shaped is not None:
            return self._shaped.split(aw, ah)
        self.wrap(aw, ah)
        if self._fast:
            return []  # one line: it moves whole
        para = self._paragraph()
        para.wrap(aw, ah)
        parts = para.split(aw, ah)
        if len(parts) == 1:
            # The paragraph fits after all ([itself]); a table splitting a row inside takes
            # the second part for the next page without asking (IndexError in reportlab's
            # Table._splitCell): give it an empty one.
            return [parts[0], Spacer(0, 0)]
        return parts

    def draw(self) -> None:
        style, canv = self.style, self.canv
        if self._shaped is not None:
            self._shaped.canv = canv
            try:
                self._shaped.draw()
            finally:
                del self._shaped.canv
            return
        if self._fast:
            if not self._one:
                return
            x = 0.0
            if style.alignment == TA_RIGHT:
                x = self.width - self._line_width()
            elif style.alignment == TA_CENTER:
                x = (self.width - self._line_width()) / 2
            key = (self._one, id(style), x, self.height)
        else:
            key = (None, self.markup, id(style), self.width, self.height)
        # The same text in the same style and size draws the same operators (the table or
        # frame has moved the origin beforehand): made once per document, then copied. The
        # fonts' subsets belong to the document, so the copies do too.
        drawn = canv.__dict__.setdefault("_alsdesk_lines", {}) if self._shared else {}
        code = drawn.get(key)
        if code is not None:
            canv._code.extend(code)
            return
        start = len(canv._code)
        if self._fast:
            canv.saveState()
            canv.setFillColor(style.textColor)
            text = canv.beginText(x, self.height - style.fontSize)
            text.setFont(style.fontName, style.fontSize, style.leading)
            text.textOut(self._one)
            canv.drawText(text)
            canv.restoreState()
        else:
            para = self._paragraph()
            para.wrap(self.width, 0x7fffffff)
            para.canv = canv
            try:
                para.draw()
            finally:
                del para.canv
        drawn[key] = canv._code[start:]


# -- direction ----------------------------------------------------------------------------
# A document written in a right-to-left language (alsdesk.i18n.writing("fa")) is mirrored as
# it is made: paragraphs set from the right, table columns in reverse order (a form's label
# on the right, the boxes to write in on its left), cells aligned right. Boxes for digits
# keep their order: numbers and dates are written left to right in Persian too.


def rtl() -> bool:
    """Whether the document being made reads right to left (its language, this thread's)."""
    return i18n.language() in i18n.RIGHT_TO_LEFT


_MIRRORED: dict[int, ParagraphStyle] = {}


def directed(style: ParagraphStyle) -> ParagraphStyle:
    """`style`, set from the right in a right-to-left document (a copy, made once)."""
    if style.alignment != TA_LEFT or not rtl():
        return style
    copy = _MIRRORED.get(id(style))
    if copy is None:
        copy = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        _MIRRORED[id(style)] = copy
        if id(style) in _KNOWN:
            _KNOWN.add(id(copy))
    return copy


_SWAP = {"LEFTPADDING": "RIGHTPADDING", "RIGHTPADDING": "LEFTPADDING",
         "LINEBEFORE": "LINEAFTER", "LINEAFTER": "LINEBEFORE"}
_SIDE = {"LEFT": "RIGHT", "RIGHT": "LEFT"}


def _mirror_command(cmd: tuple, columns: int) -> tuple:
    name, (c0, r0), (c1, r1), *rest = cmd
    c0, c1 = (c + columns if c < 0 else c for c in (c0, c1))
    name = _SWAP.get(name, name)
    if name == "ALIGN" and rest:
        rest = [_SIDE.get(str(rest[0]).upper(), rest[0]), *rest[1:]]
    return (name, (columns - 1 - c1, r0), (columns - 1 - c0, r1), *rest)


class Table(_Table):
    """reportlab's Table, mirrored when the document reads right to left (see rtl())."""

    def __init__(self, data, colWidths=None, rowHeights=None, style=None,  # noqa: N803
                 *args, **kw) -> None:
        if rtl() and data:
            columns = max(len(row) for row in data)
            data = [list(reversed(row)) for row in data]
            if colWidths is not None:
                colWidths = list(reversed(colWidths))
            cmds = (style.getCommands() if isinstance(style, TableStyle) else list(style or []))
            cmds = [_mirror_command(c, columns) for c in cmds]
            for name, (lo, r0), (hi, _r1), *_ in cmds:
                # a spanned cell shows its first (left) cell's content: the text that was
                # there is now at the span's right end
                if name == "SPAN" and lo != hi:
                    row = data[r0 + len(data) if r0 < 0 else r0]
                    row[lo], row[hi] = row[hi], row[lo]
            style = TableStyle([("ALIGN", (0, 0), (-1, -1), "RIGHT")] + cmds)
            kw["hAlign"] = _SIDE.get(str(kw.get("hAlign") or "CENTER").upper(),
                                     kw.get("hAlign"))
        super().__init__(data, colWidths, rowHeights, style, *args, **kw)


def p(markup: str, style: ParagraphStyle = BODY) -> Flowable:
    """A paragraph from markup that is already escaped (see fonts.esc)."""
    style = directed(style)
    if not _MARKUP.search(markup) and not _SPECIAL.search(markup):
        return Line(markup, style)
    return Line(markup, style, markup=markup)


def t(value: object, style: ParagraphStyle = BODY) -> Flowable:
    """A paragraph of plain text (escaped here)."""
    style = directed(style)
    # Control characters stay: shaping prints them as a visible replacement mark.
    return Line("" if value is None else str(value), style)


def table(data: list, widths: list[float], style, *, header_rows: int = 0,
          heights: list | None = None, **kw) -> Table:
    """A table of data whose rows may hold any text the store accepts.

    A cell can hold 4,000 characters (or an 80-line note): reportlab refuses a row taller
    than the page (LayoutError), so rows are allowed to split between pages (splitInRow),
    their header repeated on the next page.
    """
    return Table(data, colWidths=widths, rowHeights=heights, style=style,
                 repeatRows=header_rows, splitInRow=0.01, **kw)


def grid(header_rows: int = 0, extra: list | None = None) -> TableStyle:
    """Thin grey grid, top-aligned cells, an optional shaded header row."""
    cmds = [
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), BAND))
    return TableStyle(cmds + (extra or []))


class Keep(KeepTogether):
    """Flowables kept on one page (moved whole to the next page when they do not fit there,
    split from the top of a page when taller than one), which tells a Keep around it its
    real height: reportlab's KeepTogether always says 'huge' to force its own split, so one
    nested in another made the outer one always start a new page."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        width, height = super().wrap(aw, ah)
        return (width, self._H) if ah >= 0xfffff else (width, height)

    def split(self, aw: float, ah: float) -> list:
        kept = self._split_in_place(aw, ah)
        if kept:
            return kept
        # The first part is placed as it is (never split again): a Keep there, which fits
        # since this one did, gives its content instead.
        parts = super().split(aw, ah)
        while parts and isinstance(parts[0], KeepTogether):
            parts = parts[0]._content[:] + parts[1:]
        return parts


    def _split_in_place(self, aw: float, ah: float) -> list:
        """Content taller than a whole page splits where it starts instead of moving to the
        next page first, which left the heading before it alone on a page ("Running logs"
        over an empty page, then a 4,000-character deviation). [] when it cannot."""
        frame = getattr(self, "_frame", None)
        if getattr(self, "_wrapInfo", None) != (aw, ah):
            self.wrap(aw, ah)
        if frame is None or self._H <= frame._height:
            return []
        parts = list(self._content)
        while parts and isinstance(parts[0], KeepTogether):
            parts = parts[0]._content[:] + parts[1:]
        if not parts:
            return []
        # reportlab places the first part as it is: one too tall for the room left is split
        if parts[0].wrapOn(self.canv, aw, ah)[1] > ah:
            pieces = parts[0].splitOn(self.canv, aw, ah)
            if len(pieces) < 2 or isinstance(pieces[0], KeepTogether):
                return []
            parts = pieces + parts[1:]
        return parts


class Follow(Keep):
    """A form that follows the one before on its page: kept whole when it fits there; when it
    does not but at least `room` is left, it starts there and goes on over the page, split
    only between its parts (each part a Keep: a section with its heading); with less room
    left it starts the next page. A one-question form no longer stands alone on a page
    because the long form after it does not fit below."""

    def __init__(self, content: list, room: float) -> None:
        super().__init__(content)
        self._room = room

    def split(self, aw: float, ah: float) -> list:
        self.wrap(aw, ah)
        first = self._content[0]
        height = first.wrapOn(self.canv, aw, ah)[1]
        height = getattr(first, "_H", height)  # a KeepTogether says "huge": its real height
        if self._H > ah >= self._room and height <= ah:
            # The first part fits here, so its pieces are placed one by one (a KeepTogether
            # itself would say "huge" and could not be placed unsplit).
            pieces = list(getattr(first, "_content", [first]))
            return pieces + list(self._content[1:])
        return super().split(aw, ah)

