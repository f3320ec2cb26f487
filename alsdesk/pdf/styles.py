"""Paragraph and table styles shared by every document."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from alsdesk.pdf import fonts

GRID = colors.Color(0.72, 0.72, 0.72)
BAND = colors.Color(0.92, 0.92, 0.92)
BAND_DARK = colors.Color(0.82, 0.82, 0.82)
SERIOUS = colors.Color(0.72, 0.05, 0.05)
MUTED = colors.Color(0.42, 0.42, 0.42)

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


def p(markup: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph from markup that is already escaped (see fonts.esc)."""
    return Paragraph(markup, style)


def t(value: object, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped here)."""
    return Paragraph(fonts.esc(value), style)


def grid(header_rows: int = 0, extra: list | None = None) -> TableStyle:
    """Thin grey grid, top-aligned cells, an optional shaded header row."""
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), BAND))
    return TableStyle(cmds + (extra or []))
