"""The page footer: print stamp, data fingerprint, audit head, and "Page X of Y".

The audit head is the head of the audit chain when the data on the page was read. A printed
page kept in a binder is out of reach of whoever can rewrite the database file, so a head
copied from it by hand (digits of equal width, on a line of its own) lets `alsdesk verify`
prove later that the file's chain still contains that row (see alsdesk.anchor).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm

from alsdesk.i18n import RIGHT_TO_LEFT, tr
from alsdesk.pdf import fonts, shaping
from alsdesk.pdf.widgets import draw_boxes

if TYPE_CHECKING:
    from alsdesk.pdf.page import PageSpec

GREY = colors.Color(0.3, 0.3, 0.3)
RULE = colors.Color(0.4, 0.4, 0.4)  # dark enough for a photocopy
BASE = 8 * mm  # the baseline of the footer's last line, from the bottom edge


class Sides:
    """Drawing of header and footer at positions measured from the left edge, mirrored on
    the page of a document that reads right to left (what is at the left in English is at
    the right in Persian; boxes keep their order inside, as digits do)."""

    def __init__(self, canv, spec: "PageSpec") -> None:
        self.canv, self.width = canv, canv._pagesize[0]
        self.rtl = spec.options.language in RIGHT_TO_LEFT

    def x(self, x: float, w: float = 0.0) -> float:
        """Where something `w` wide placed at `x` from the left is drawn."""
        return self.width - x - w if self.rtl else x

    def text(self, x: float, y: float, text: str, align: str = "left") -> None:
        if self.rtl:
            x, align = self.width - x, {"left": "right", "right": "left"}.get(align, align)
        shaping.draw_string(self.canv, x, y, text, align)

    def boxes(self, x: float, y: float, n: int, text: str = "", **kw) -> float:
        from alsdesk.pdf.widgets import BOX_W

        w = n * kw.get("box_w", BOX_W)
        draw_boxes(self.canv, self.x(x, w), y, n, text, **kw)
        return x + w

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.canv.line(self.x(x1), y1, self.x(x2), y2)


def draw_footer(canv, spec: "PageSpec", left: float, right: float, printed: str) -> None:
    """What every page of a document shares at its foot (drawn once, in the page frame);
    `printed` is the time printed, as the page writes times."""
    base = BASE
    side = Sides(canv, spec)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(left, base + 10.5 * mm, right, base + 10.5 * mm)
    canv.setFillColor(colors.black)
    if spec.blank:
        y = base + 4.2 * mm
        canv.setFont(fonts.REGULAR, 8)
        side.text(left, y + 1.2 * mm, tr("Completed by (name, signature):"))
        canv.setStrokeColor(colors.black)
        side.line(left + 46 * mm, y + 0.8 * mm, left + 118 * mm, y + 0.8 * mm)
        side.text(left + 122 * mm, y + 1.2 * mm, tr("Date:"))
        # the date in the order the document writes dates: in Persian year / month / day
        # from the left, as the form's own date boxes (mirrored here: the day nearest the
        # label, on the right)
        parts = (((131, 2), (138.8, "/"), (141.5, 2), (149.5, "/"), (152.2, 4)) if side.rtl
                 else ((131, 2), (138.8, "/"), (141.5, 3), (153, "/"), (155.7, 4)))
        for at, what in parts:
            if what == "/":
                side.text(left + at * mm, y + 1.2 * mm, "/")
            else:
                side.boxes(left + at * mm, y, what, "", box_w=3.6 * mm, box_h=4.4 * mm)
        line = tr("CRF version {version}").format(version=spec.study.crf_version)
    else:
        line = _stamp(spec, printed)  # the CRF version is the page's own (alsdesk/pdf/page.py)
        if spec.audit_head is not None:
            _draw_head(canv, spec, left, base + 4.4 * mm)
    canv.setFillColor(GREY)
    canv.setFont(fonts.REGULAR, 7.5)
    side.text(left, base, line)


def _stamp(spec: "PageSpec", printed: str) -> str:
    line = tr("Printed {when}").format(when=printed)
    if spec.fingerprint:
        line += " · " + tr("Data fingerprint {fingerprint}").format(
            fingerprint=spec.fingerprint)
    return line


def stamp_width(spec: "PageSpec", printed: str) -> float:
    """How wide the print stamp is on the footer's last line (what the page's CRF version
    beside it must leave)."""
    return shaping.width(_stamp(spec, printed), fonts.REGULAR, 7.5)


def _draw_head(canv, spec: "PageSpec", x: float, y: float) -> None:
    """'Audit head 1234:3f9a2b7c1d0e4f5a', the head in black so it reads well when copied.

    One text object, so a reader's text layer gives the label and the head as one line.
    """
    label = tr("Audit head") + " "
    if spec.options.language in RIGHT_TO_LEFT:  # the label right of the head, from the right
        right = canv._pagesize[0] - x
        canv.setFont(fonts.BOLD, 8)
        canv.setFillColor(colors.black)
        head = spec.audit_head.text()
        canv.drawString(right - shaping.width(label, fonts.REGULAR, 7.5)
                        - canv.stringWidth(head, fonts.BOLD, 8), y, head)
        canv.setFont(fonts.REGULAR, 7.5)
        canv.setFillColor(GREY)
        shaping.draw_string(canv, right, y, label.strip(), "right")
        return
    text = canv.beginText(x, y)
    text.setFont(fonts.REGULAR, 7.5)
    text.setFillColor(GREY)
    text.textOut(label)
    text.setFont(fonts.BOLD, 8)
    text.setFillColor(colors.black)
    text.textOut(spec.audit_head.text())
    canv.drawText(text)


def draw_page_number(canv, number: int, total: int, right: float) -> None:
    """'Page X of Y' at the right end of the footer's last line (drawn page by page; the
    left end in a right-to-left document)."""
    canv.saveState()
    canv.setFont(fonts.BOLD, 8.5)
    canv.setFillColor(colors.black)
    side = Sides(canv, canv.spec)
    side.text(right, BASE, tr("Page {number} of {total}").format(number=number, total=total),
              "right")
    canv.restoreState()
