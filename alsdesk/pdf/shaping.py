"""Text in any script as it must look on paper: Persian and Arabic joined and right to left,
mixed with Latin and digits in the order of the Unicode bidi algorithm, and a visible mark
for what the font cannot draw.

A PDF shows glyphs at positions; it has no idea of joining or direction. reportlab 5.1 can
shape with uharfbuzz, but its bidi ordering needs rlbidi, which is not on the package
registry. So the text is shaped here with arabic-reshaper (the joining forms, lam-alef
ligatures: all in DejaVu Sans's Arabic Presentation Forms) and ordered with python-bidi's
levels of the bidi algorithm (brackets paired, isolates), one printed line at a time: a paragraph is broken into
lines in logical order first, then each line is reordered, so a long Persian note reads from
its first line down.

The text layer keeps the presentation forms a reader's "copy" gives back: pdftotext and
pypdf put right-to-left words back in logical order, and NFKC turns the forms back into
the stored letters (tests/test_pdf_scripts.py checks what is guaranteed).

Latin-only text never comes here (needs() is False) and prints as before, at the same speed.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from html import unescape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from alsdesk.pdf import bidi_order, fonts
from alsdesk.pdf.bidi_order import FORMATTING as _FORMATTING, still_open as _still_open

MARK = "\ufffd"  # REPLACEMENT CHARACTER: DejaVu Sans draws it (a diamond with "?")
# Hebrew, Arabic, Syriac, Thaana, NKo..., the Arabic presentation forms, RTL astral scripts.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff"
                  "\U0001e800-\U0001efff]")
# Invisible by design: variation selectors (emoji style), the tag characters. Dropped
# instead of marked when the font has no glyph (they carry no letter of their own).
_SILENT = re.compile("[\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef]")
_SPACE = re.compile(r"( +|\n)")


@functools.lru_cache(maxsize=None)
def _cmap(font: str) -> frozenset[int]:
    fonts.register()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and line feed are text


def needs(text: str, font: str = fonts.REGULAR) -> bool:
    """Whether `text` needs shaping, reordering or replacement marks to print right (run on
    every text a document prints: plain Latin must be decided fast)."""
    if _CONTROL.search(text):
        return True
    if text.isascii():
        return False
    if _RTL.search(text):
        return True
    cmap = _cmap(font)
    return any(ord(ch) not in cmap for ch in set(text))


def clean(text: str, font: str = fonts.REGULAR) -> str:
    """Tabs as spaces, CR LF as one break, control characters as the replacement mark, so
    nothing stored vanishes from paper. Characters the font lacks stay (they take part in
    the bidi ordering as themselves) and become the mark only when drawn (ink())."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if _RTL.search(text):
        # A range of numbers ("(0-12)") in a Persian line: the bidi algorithm reads Latin
        # digits after Arabic letters as Arabic numbers and turns it into "(12-0)"; kept
        # left to right as the screen shows it (an isolate, U+2066..U+2069)
        text = _RANGE.sub("\u2066\\g<0>\u2069", text)
    cmap = _cmap(font)
    odd = {ch for ch in set(text) if ch != "\n" and (ord(ch) not in cmap
                                                      or unicodedata.category(ch) == "Cc")}
    if not odd:
        return text
    table = {}
    for ch in odd:
        if unicodedata.category(ch) == "Cc":
            table[ord(ch)] = MARK
        elif ch in _FORMATTING:
            continue  # ordered by the bidi algorithm, not drawn (ink)
        elif _SILENT.match(ch) or unicodedata.category(ch) == "Cf":
            table[ord(ch)] = None  # invisible format characters the font lacks are dropped
    return text.translate(table) if table else text


def ink(text: str, font: str) -> str:
    """What is drawn: every character the font has no glyph for as the replacement mark."""
    cmap = _cmap(font)
    odd = [ch for ch in set(text) if ord(ch) not in cmap]
    return text.translate({ord(ch): None if ch in _FORMATTING else MARK
                           for ch in odd}) if odd else text


_RANGE = re.compile(r"(?<![0-9A-Za-z])[0-9]+(?:[.,][0-9]+)?[-–][0-9]+(?:[.,][0-9]+)?")


def embedded(text: str) -> str:
    """`text` as a unit of its own direction inside a line of the other (a Persian answer
    after an English label: "Term: سردرد بعد از infusion" must not read "infusion" first):
    an isolate of its first strong letter's direction. Text without right-to-left letters
    is returned as it is."""
    if not _RTL.search(text):
        return text
    return ("\u2067" if is_rtl(text) else "\u2066") + text + "\u2069"


_WIDTHS: dict[tuple[str, str], float] = {}  # per process: widths at 1 pt never change


def _width(text: str, font: str, size: float) -> float:
    key = (text, font)
    w = _WIDTHS.get(key)
    if w is None:
        if len(_WIDTHS) > 200_000:
            _WIDTHS.clear()
        w = _WIDTHS[key] = stringWidth(ink(text, font), font, 1000.0) / 1000.0
    return w * size


def text_out(textobj, text: str, font: str) -> None:
    """Draw `text` into a reportlab text object; each replacement mark carries the stored
    character as /ActualText, which pdftotext (not pypdf) gives back on copy and search."""
    cmap = _cmap(font)
    start = 0
    for i, ch in enumerate(text):
        if ord(ch) in cmap:
            continue
        if start < i:
            textobj.textOut(text[start:i])
        textobj._code.append(f"/Span <</ActualText <FEFF{ch.encode('utf-16-be').hex()}>>> BDC")
        textobj.textOut(MARK)
        textobj._code.append("EMC")
        start = i + 1
    if start < len(text):
        textobj.textOut(text[start:])


@functools.lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    # Harakat (vowel marks) are kept: printing drops nothing that was stored.
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False,
                                                         "support_ligatures": True})


@functools.lru_cache(maxsize=20_000)
def shape(text: str) -> str:
    """Arabic-script letters in their joining forms (logical order still)."""
    return _reshaper().reshape(text) if _RTL.search(text) else text


def is_rtl(text: str) -> bool:
    """The paragraph direction of the bidi algorithm (P2, P3): its first strong letter."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def reorder(segments: list[tuple[str, object]], rtl: bool) -> list[tuple[str, object]]:
    """Segments of one line (text, style) in logical order -> in visual order, left to right
    (alsdesk.pdf.bidi_order); a line without right-to-left letters as it is."""
    if not _RTL.search("".join(s for s, _ in segments)):
        return [seg for seg in segments if seg[0]]
    return bidi_order.reorder(segments, rtl)


@functools.lru_cache(maxsize=4096)
def _visual_line(line: tuple, rtl: bool) -> list:
    return reorder(list(line), rtl)  # a table draws a split cell's lines more than once


@functools.lru_cache(maxsize=20_000)
def visual(text: str, font: str = fonts.REGULAR) -> str:
    """One line of text as it is drawn left to right: cleaned, shaped, reordered."""
    text = shape(clean(text, font).replace("\n", " "))
    return "".join(s for s, _ in reorder([(text, None)], is_rtl(text)))


def width(text: str, font: str, size: float) -> float:
    """The printed width of one line of text."""
    return _width(visual(text, font), font, size) if needs(text, font) else stringWidth(
        text, font, size)


def draw_string(canv, x: float, y: float, text: str, align: str = "left") -> None:
    """canvas.drawString for user text (header labels, boxes): shaped and ordered."""
    font, size = canv._fontname, canv._fontsize
    if not needs(text, font):
        (canv.drawRightString if align == "right" else canv.drawCentredString
         if align == "centre" else canv.drawString)(x, y, text)
        return
    text = visual(text, font)
    w = _width(text, font, size)
    x -= w if align == "right" else w / 2 if align == "centre" else 0
    obj = canv.beginText(x, y)
    text_out(obj, text, font)
    canv.drawText(obj)


# --- paragraphs --------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(b|i|br|font)\b([^>]*)>")
_COLOR = re.compile(r"""color\s*=\s*['"]([^'"]+)['"]""")


def runs_from_markup(markup: str) -> list[tuple[str, bool, str | None]] | None:
    """Our own paragraph markup (<b>, <i>, <br/>, <font color>, entities: what fonts.esc and
    the documents write) as (text, bold, colour) runs; None for anything else."""
    runs: list[tuple[str, bool, str | None]] = []
    bold, colours, pos = 0, [], 0
    for m in _TAG.finditer(markup):
        if "<" in markup[pos:m.start()]:
            return None
        runs.append((unescape(markup[pos:m.start()]), bold > 0, colours[-1] if colours else None))
        closing, tag, attrs = m.groups()
        if tag == "br":
            runs.append(("\n", False, None))
        elif tag == "b":
            bold += -1 if closing else 1
        elif tag == "font":
            if closing:
                colours = colours[:-1]
            else:
                c = _COLOR.search(attrs)
                colours.append(c.group(1) if c else (colours[-1] if colours else None))
        pos = m.end()
    if "<" in markup[pos:]:
        return None
    runs.append((unescape(markup[pos:]), bold > 0, colours[-1] if colours else None))
    return [r for r in runs if r[0]]


def plain(markup: str) -> str:
    """The text of markup runs_from_markup does not know (tags dropped, breaks kept)."""
    return unescape(re.sub(r"<[^>]*>", "", re.sub(r"<br\s*/?>", "\n", markup)))


class _Run:
    """The look of one run: font and colour (identity matters: reorder() keys on it)."""

    __slots__ = ("font", "color")

    def __init__(self, font: str, color) -> None:
        self.font, self.color = font, color


class Shaped(Flowable):
    """A paragraph of runs broken into lines in logical order, each line drawn in visual
    order; it looks like a reportlab Paragraph of the same style (first baseline, leading,
    alignment) and splits between pages at line boundaries."""

    def __init__(self, runs: list[tuple[str, bool, str | None]] | None, style,
                 _paras: list | None = None) -> None:
        super().__init__()
        self.style = style
        self._runs = runs
        # [(rtl, [word, ...]), ...] per hard paragraph, a word being ((text, _Run)..., width
        # at 1 pt); made once, as a table wraps its cells many times. A part of a split
        # paragraph holds only its own lines' words.
        self._paras = _paras
        self._lines: tuple | None = None  # (width, [(paragraph index, [word, ...]), ...])

    @classmethod
    def from_text(cls, text: str, style) -> "Shaped":
        return cls([(text, False, None)], style)

    def _words(self) -> list:
        if self._paras is None:
            self._paras = self._make_words()
        return self._paras

    def _make_words(self) -> list:
        from reportlab.lib import colors

        paras: list[list[list[tuple[str, _Run]]]] = [[[]]]
        for text, bold, colour in self._runs:
            font = fonts.BOLD if bold else self.style.fontName
            run = _Run(font, colors.toColor(colour) if colour else self.style.textColor)
            for piece in _SPACE.split(clean(text, font)):
                if piece == "\n":
                    paras.append([[]])
                elif piece.startswith(" "):
                    if paras[-1][-1]:
                        paras[-1].append([])
                elif piece:
                    paras[-1][-1].append((shape(piece), run))
        out = []
        for para in paras:
            words = [(tuple(w), sum(_width(s, r.font, 1.0) for s, r in w)) for w in para if w]
            out.append((is_rtl("".join(s for w, _ in words for s, _ in w)), words))
        return out

    def _break(self, aw: float) -> list:
        size = self.style.fontSize
        space = _width(" ", self.style.fontName, size)
        lines = []
        for index, (_, words) in enumerate(self._words()):
            line: list = []
            used = 0.0
            for word in words:
                for piece in (self._cut(word, aw) if word[1] * size > aw else (word,)):
                    w = piece[1] * size
                    if line and used + space + w > aw:
                        lines.append((index, line))
                        line, used = [], 0.0
                    used += w + (space if line else 0.0)
                    line.append(piece)
            lines.append((index, line))
        return lines

    def _cut(self, word: tuple, aw: float) -> list:
        """A word wider than the line, cut between characters (a 4,000-letter 'word')."""
        size = self.style.fontSize
        pieces, piece, used = [], [], 0.0
        for s, r in word[0]:
            for ch in s:
                w = _width(ch, r.font, size)
                if piece and used + w > aw:
                    pieces.append((tuple(piece), used / size))
                    piece, used = [], 0.0
                if piece and piece[-1][1] is r:
                    piece[-1] = (piece[-1][0] + ch, r)
                else:
                    piece.append((ch, r))
                used += w
        return pieces + [(tuple(piece), used / size)]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self._lines is None or self._lines[0] != aw:
            self._lines = (aw, self._break(aw))
        lines = self._lines[1]
        n = 0 if len(lines) == 1 and not lines[0][1] else len(lines)  # no text: no room
        self.width, self.height = aw, n * self.style.leading
        return self.width, self.height

    def minWidth(self) -> float:  # reportlab's name
        return max([w * self.style.fontSize for _, words in self._words() for _, w in words]
                   or [0.0])

    def _part(self, lines: list) -> "Shaped":
        paras, last = [], None
        for index, words in lines:
            if index != last:
                paras.append((self._words()[index][0], []))
                last = index
            paras[-1][1].extend(words)
        part = Shaped(None, self.style, paras)
        renumbered, last, i = [], None, -1
        for index, words in lines:
            if index != last:
                i, last = i + 1, index
            renumbered.append((i, words))
        part._lines = (self._lines[0], renumbered)
        return part

    def split(self, aw: float, ah: float) -> list:
        self.wrap(aw, ah)
        lines = self._lines[1]
        # Asked to split, always in two (a table's cell splitter takes two parts, even when
        # its own sum of heights made it ask while all lines would fit).
        fit = min(int((ah + 1e-6) // self.style.leading), len(lines) - 1)
        if fit <= 0:
            return []
        return [self._part(lines[:fit]), self._part(lines[fit:])]

    def draw(self) -> None:
        canv, style = self.canv, self.style
        size = style.fontSize
        y = self.height - size
        paras = self._words()
        canv.saveState()
        # An isolate (a Persian value in an English line, embedded()) that a line break
        # falls inside goes on over the next line: its openers are given again there, as
        # the line is ordered on its own.
        carried: dict[int, str] = {}
        for index, words in self._lines[1]:
            rtl = paras[index][0]
            logical: list = []
            for word, _ in words:
                if logical:
                    logical.append((" ", logical[-1][1]))
                logical.extend(word)
            carry = carried.get(index, "")
            carried[index] = _still_open(carry + "".join(s for s, _ in logical))
            if carry and logical:
                logical.insert(0, (carry, logical[0][1]))
            parts = _visual_line(tuple(logical), rtl)
            total = sum(_width(s, r.font, size) for s, r in parts)
            x = 0.0
            if style.alignment == TA_RIGHT or (rtl and style.alignment != TA_CENTER):
                x = self.width - total
            elif style.alignment == TA_CENTER:
                x = (self.width - total) / 2
            text = canv.beginText(x, y)
            font = None
            for s, r in parts:
                if r.font != font:
                    text.setFont(r.font, size)
                    font = r.font
                text.setFillColor(r.color)
                text_out(text, s, r.font)
            canv.drawText(text)
            y -= style.leading
        canv.restoreState()
