"""Things to write in by hand: rows of boxes (numbers, dates, times) and tick boxes."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from alsdesk import i18n
from alsdesk.pdf import fonts, shaping

BOX_W = 5.0 * mm
BOX_H = 6.0 * mm
TICK = 3.4 * mm
CAPTION = 2.8 * mm  # room under a row of boxes for "DD MMM YYYY"
INK = colors.Color(0.15, 0.15, 0.15)
HINT = colors.Color(0.22, 0.22, 0.22)  # help text that a photocopy keeps


def replay(canv, key: tuple, draw) -> None:
    """Run draw() in its own graphics state, once per document for the same key; copy the
    operators it made the next times (a CRF book prints the same forms at many events)."""
    drawn = canv.__dict__.setdefault("_alsdesk_widgets", {})
    code = drawn.get(key)
    if code is not None:
        canv._code.extend(code)
        return
    start = len(canv._code)
    canv.saveState()
    draw()
    canv.restoreState()
    drawn[key] = canv._code[start:]


def draw_boxes(canv, x: float, y: float, n: int, text: str = "", *, box_w: float = BOX_W,
               box_h: float = BOX_H, size: float = 10) -> float:
    """n joined boxes with their bottom-left corner at (x, y); returns the x after them."""
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.6)
    canv.rect(x, y, n * box_w, box_h, stroke=1, fill=0)
    for i in range(1, n):
        canv.line(x + i * box_w, y, x + i * box_w, y + box_h)
    if text:
        canv.setFillColor(colors.black)
        canv.setFont(fonts.BOLD, size)
        for i, ch in enumerate(text[:n]):
            shaping.draw_string(canv, x + (i + 0.5) * box_w, y + (box_h - size * 0.72) / 2, ch,
                                "centre")  # a character the font lacks shows the mark
    canv.restoreState()
    return x + n * box_w


@dataclass(frozen=True)
class Part:
    """One piece of an entry line: boxes (`n` > 0, with an optional caption) or text."""

    n: int = 0
    text: str = ""
    caption: str = ""
    small: bool = False  # text in small grey (units, hints)
    gap: float = 1.2 * mm  # space before this part


def boxes(n: int, caption: str = "", gap: float = 1.2 * mm) -> Part:
    return Part(n=n, caption=caption, gap=gap)


def text(value: str, small: bool = False, gap: float = 1.2 * mm) -> Part:
    return Part(text=value, small=small, gap=gap)


class EntryLine(Flowable):
    """Boxes and separators on one line, e.g. [][] / [][][] / [][][][] for a date."""

    def __init__(self, parts: list[Part]) -> None:
        super().__init__()
        self.parts = parts
        self.captions = any(p.caption for p in parts)

    def _size(self, part: Part) -> float:
        if part.n:
            return part.n * BOX_W
        font, size = (fonts.REGULAR, 7.5) if part.small else (fonts.BOLD, 10)
        return shaping.width(part.text, font, size)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = sum(p.gap + self._size(p) for p in self.parts)
        self.height = BOX_H + (CAPTION if self.captions else 0)
        return self.width, self.height

    def draw(self) -> None:
        replay(self.canv, ("entry", tuple(self.parts)), self._draw)

    def _draw(self) -> None:
        canv = self.canv
        x = 0.0
        y = CAPTION if self.captions else 0.0
        for i, part in enumerate(self.parts):
            x += part.gap if i else 0
            if part.n:
                draw_boxes(canv, x, y, part.n)
                if part.caption:
                    canv.setFont(fonts.REGULAR, 5.5)
                    canv.setFillColor(HINT)
                    shaping.draw_string(canv, x + part.n * BOX_W / 2, y - 2.3 * mm,
                                        part.caption, "centre")
                    canv.setFillColor(colors.black)
            else:
                font, size = (fonts.REGULAR, 7.5) if part.small else (fonts.BOLD, 10)
                canv.setFont(font, size)
                canv.setFillColor(HINT if part.small else colors.black)
                shaping.draw_string(canv, x, y + 1.6 * mm, part.text)
                canv.setFillColor(colors.black)
            x += self._size(part)


def tick(canv, x: float, y: float, size: float = TICK) -> None:
    """An empty tick box with its bottom-left corner at (x, y)."""
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.6)
    canv.rect(x, y, size, size, stroke=1, fill=0)
    canv.restoreState()


class TickRow(Flowable):
    """Tick boxes with short labels side by side: [ ] Yes   [ ] No."""

    def __init__(self, labels: list[str], size: float = 8.5, prefix: str = "") -> None:
        super().__init__()
        self.labels, self.size, self.prefix = labels, size, prefix
        self.tick = TICK if size >= 8 else 2.8 * mm
        # In a right-to-left document the row runs from the right: the first choice right
        # of the others, each box right of its label (as a Persian reader reads them).
        self.rtl = i18n.language() in i18n.RIGHT_TO_LEFT

    def _widths(self) -> list[float]:
        # Labels come from the study definition, in any script: shaped (shaping.py).
        return [self.tick + 1.5 * mm + shaping.width(label, fonts.REGULAR, self.size)
                for label in self.labels]

    def natural_width(self) -> float:
        lead = shaping.width(self.prefix, fonts.REGULAR, self.size) + 1.5 * mm if self.prefix else 0
        return lead + sum(self._widths()) + 5 * mm * (len(self.labels) - 1)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = self.natural_width()
        self.height = max(self.tick, self.size * 1.25) + 0.6 * mm
        return self.width, self.height

    def draw(self) -> None:
        replay(self.canv, ("ticks", tuple(self.labels), self.size, self.prefix, self.rtl),
               self._draw_rtl if self.rtl else self._draw)

    def _draw_rtl(self) -> None:
        canv = self.canv
        x = self.width
        canv.setFont(fonts.REGULAR, self.size)
        base = (self.tick - self.size * 0.72) / 2 + 0.3 * mm
        if self.prefix:
            canv.setFillColor(HINT)
            shaping.draw_string(canv, x, base, self.prefix, "right")
            canv.setFillColor(colors.black)
            x -= shaping.width(self.prefix, fonts.REGULAR, self.size) + 1.5 * mm
        for label, width in zip(self.labels, self._widths()):
            tick(canv, x - self.tick, 0.3 * mm, self.tick)
            shaping.draw_string(canv, x - self.tick - 1.5 * mm, base, label, "right")
            x -= width + 5 * mm

    def _draw(self) -> None:
        canv = self.canv
        x = 0.0
        canv.setFont(fonts.REGULAR, self.size)
        base = (self.tick - self.size * 0.72) / 2 + 0.3 * mm
        if self.prefix:
            canv.setFillColor(HINT)
            shaping.draw_string(canv, 0, base, self.prefix)
            canv.setFillColor(colors.black)
            x = shaping.width(self.prefix, fonts.REGULAR, self.size) + 1.5 * mm
        for label, width in zip(self.labels, self._widths()):
            tick(canv, x, 0.3 * mm, self.tick)
            shaping.draw_string(canv, x + self.tick + 1.5 * mm, base, label)
            x += width + 5 * mm


class TickBox(Flowable):
    """One empty tick box (for a table cell beside a wrapping label)."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return TICK, TICK

    def draw(self) -> None:
        replay(self.canv, ("tick",), lambda: tick(self.canv, 0, 0))


class WriteLines(Flowable):
    """Ruled lines to write free text on."""

    def __init__(self, lines: int = 1, spacing: float = 7 * mm) -> None:
        super().__init__()
        self.lines, self.spacing = lines, spacing

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        replay(self.canv, ("lines", self.lines, self.spacing, self.width), self._draw)

    def _draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.5)
        for i in range(self.lines):
            y = i * self.spacing + 0.5 * mm
            canv.line(0, y, self.width, y)
        canv.restoreState()
