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

from alsdesk.pdf import fonts
from alsdesk.pdf.widgets import draw_boxes

if TYPE_CHECKING:
    from alsdesk.pdf.page import PageSpec

GREY = colors.Color(0.3, 0.3, 0.3)
RULE = colors.Color(0.4, 0.4, 0.4)  # dark enough for a photocopy
BASE = 8 * mm  # the baseline of the footer's last line, from the bottom edge


def draw_footer(canv, spec: "PageSpec", left: float, right: float, printed: str) -> None:
    """What every page of a document shares at its foot (drawn once, in the page frame);
    `printed` is the time printed, as the page writes times."""
    base = BASE
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(left, base + 10.5 * mm, right, base + 10.5 * mm)
    canv.setFillColor(colors.black)
    if spec.blank:
        y = base + 4.2 * mm
        canv.setFont(fonts.REGULAR, 8)
        canv.drawString(left, y + 1.2 * mm, "Completed by (name, signature):")
        canv.setStrokeColor(colors.black)
        canv.line(left + 46 * mm, y + 0.8 * mm, left + 118 * mm, y + 0.8 * mm)
        canv.drawString(left + 122 * mm, y + 1.2 * mm, "Date:")
        draw_boxes(canv, left + 131 * mm, y, 2, "", box_w=3.6 * mm, box_h=4.4 * mm)
        canv.drawString(left + 138.8 * mm, y + 1.2 * mm, "/")
        draw_boxes(canv, left + 141.5 * mm, y, 3, "", box_w=3.6 * mm, box_h=4.4 * mm)
        canv.drawString(left + 153 * mm, y + 1.2 * mm, "/")
        draw_boxes(canv, left + 155.7 * mm, y, 4, "", box_w=3.6 * mm, box_h=4.4 * mm)
        line = f"CRF version {spec.study.crf_version}"
    else:
        line = _stamp(spec, printed)  # the CRF version is the page's own (alsdesk/pdf/page.py)
        if spec.audit_head is not None:
            _draw_head(canv, spec, left, base + 4.4 * mm)
    canv.setFillColor(GREY)
    canv.setFont(fonts.REGULAR, 7.5)
    canv.drawString(left, base, line)


def _stamp(spec: "PageSpec", printed: str) -> str:
    line = f"Printed {printed}"
    if spec.fingerprint:
        line += f" · Data fingerprint {spec.fingerprint}"
    return line


def stamp_width(spec: "PageSpec", printed: str) -> float:
    """How wide the print stamp is on the footer's last line (what the page's CRF version
    beside it must leave)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(_stamp(spec, printed), fonts.REGULAR, 7.5)


def _draw_head(canv, spec: "PageSpec", x: float, y: float) -> None:
    """'Audit head 1234:3f9a2b7c1d0e4f5a', the head in black so it reads well when copied.

    One text object, so a reader's text layer gives the label and the head as one line.
    """
    label = "Audit head "
    text = canv.beginText(x, y)
    text.setFont(fonts.REGULAR, 7.5)
    text.setFillColor(GREY)
    text.textOut(label)
    text.setFont(fonts.BOLD, 8)
    text.setFillColor(colors.black)
    text.textOut(spec.audit_head.text())
    canv.drawText(text)


def draw_page_number(canv, number: int, total: int, right: float) -> None:
    """'Page X of Y' at the right end of the footer's last line (drawn page by page)."""
    canv.saveState()
    canv.setFont(fonts.BOLD, 8.5)
    canv.setFillColor(colors.black)
    canv.drawRightString(right, BASE, f"Page {number} of {total}")
    canv.restoreState()
