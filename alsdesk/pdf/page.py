"""The page: header and footer on every page, "Page X of Y", bookmarks, fixed bytes.

Every document is built by :func:`build` from a list of flowables and a :class:`PageSpec`.
Zero-size :class:`Mark` flowables tell the header which event and form a page shows; the
header names the form the page starts with (a form continued from the page before keeps its
name) and any forms that begin further down.
"""
from __future__ import annotations

import io
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.tables import CellStyle

from alsdesk import __version__
from alsdesk.anchor import Head
from alsdesk.pdf import fonts, footer, shaping
from alsdesk.i18n import tr
from alsdesk.pdf.footer import GREY, RULE, Sides
from alsdesk.pdf.options import PrintOptions, Progress, check_moment
from alsdesk.i18n import ltr
from alsdesk.pdf.wording import MONTHS, utc_text  # noqa: F401 - re-exported
from alsdesk.study.model import Study

MARGIN_X = 14 * mm
HEADER_H = 25 * mm
FOOTER_H = 15 * mm
_SAVE = threading.Lock()  # rl_config is global: one document is written out at a time


@dataclass(frozen=True)
class PageSpec:
    """What the header and footer of a document show."""

    study: Study
    title: str  # "Blank CRF book", "Casebook", "Adverse event listing" ...
    options: PrintOptions
    subject: str | None = None  # None: empty boxes to write in
    initials: str | None = None
    all_subjects: bool = False  # listings: "All subjects" instead of boxes
    blank: bool = False  # footer with a signature line instead of the print stamp
    fingerprint: str | None = None
    data_time: datetime | None = None  # the PDF's creation date: the data's last change
    # The audit chain's head when the data was read (footer and Keywords); None: no data.
    audit_head: Head | None = None
    landscape: bool = False
    patient: bool = False  # for the patient (the schedule card): no Event and Form captions
    filename: str = "document.pdf"


class Mark(Flowable):
    """Invisible: from here on the pages show this event and form (and a bookmark).

    `dest` also makes the bookmark a named destination of the PDF under that name, for
    links from outside the file (define.xml's def:PDFPageRef to a form of the annotated
    CRF); it needs an `outline` and must be unique in the document."""

    _ZEROSIZE = 1

    def __init__(self, event: str, form: str, outline: str | None = None, level: int = 0,
                 key: str | None = None, dest: str | None = None,
                 crf: str | None = None) -> None:
        super().__init__()
        self.event, self.form, self.outline, self.level = event, form, outline, level
        # The CRF version the form from here on was entered under (its footer says it);
        # None: the document's own (spec.study's).
        self.crf = crf
        self.dest = dest
        self.key = dest or key or f"m{id(self)}"
        self.keepWithNext = 1

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def pagesize(spec: PageSpec) -> tuple[float, float]:
    size = letter if spec.options.paper == "letter" else A4
    return landscape(size) if spec.landscape else size


def frame_width(spec: PageSpec, wide: bool = False) -> float:
    """The width of the text frame: of the document's pages, or of its landscape pages."""
    size = pagesize(spec)
    if wide:
        size = landscape(size)
    return size[0] - 2 * MARGIN_X


def stamp(moment: datetime) -> str:
    """01/MAR/2025 14:30 UTC+03:30: a time as it is printed."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    zone = "UTC" if minutes == 0 else f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return ltr(f"{moment.day:02d}/{MONTHS[moment.month - 1]}/{moment.year} "
               f"{moment.hour:02d}:{moment.minute:02d} {zone}")


class _Canvas(Canvas):
    """Holds pages back until the end, so each can say "Page X of Y"; adds bookmarks then."""

    spec: PageSpec

    def __init__(self, *args, **kwargs) -> None:
        kwargs["invariant"] = 1  # no time stamps or random ids: same data, same bytes
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._outlines: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        self._named: list[str] = []  # bookmark keys that are named destinations
        self.frame_forms: dict[tuple[float, float], tuple[str, float]] = {}

    def add_outline(self, key: str, title: str, level: int, named: bool = False) -> None:
        self._outlines[len(self._held)].append((key, title, level))
        if named:
            self._named.append(key)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        held, outlines = self._held, self._outlines
        total = len(held)
        for number, state in enumerate(held, start=1):
            self.__dict__.update(state)
            for key, title, level in outlines.get(number - 1, ()):
                self.bookmarkPage(key, fit="XYZ", top=None, left=None, zoom=None)
                self.addOutlineEntry(title, key, level=level, closed=level > 0)
            footer.draw_page_number(self, number, total, self._pagesize[0] - MARGIN_X)
            Canvas.showPage(self)
        if outlines:
            self.showOutline()
        if self._named:
            # reportlab binds bookmarks to pages but lists none in the catalog: a name tree
            # (/Names /Dests, names sorted as the PDF specification wants) makes them named
            # destinations a link from another file (file.pdf#ae) or a reader can resolve.
            names = []
            for key in sorted(set(self._named), key=lambda k: k.encode("utf-8")):
                names += [pdfdoc.PDFString(key), self._bookmarkReference(key)]
            self._doc.Catalog.Names = pdfdoc.PDFDictionary(
                {"Dests": pdfdoc.PDFDictionary({"Names": pdfdoc.PDFArray(names)})})
        # Streams are compressed but not also ASCII85-encoded (reportlab's default): the
        # encoding, in pure Python, took a sixth of the time and makes the file larger.
        with _SAVE:
            a85 = rl_config.useA85
            rl_config.useA85 = 0
            try:
                Canvas.save(self)
            finally:
                rl_config.useA85 = a85


class _Doc(BaseDocTemplate):
    def __init__(self, buffer, spec: PageSpec, progress: Progress | None, total: int) -> None:
        self.spec = spec
        width, height = pagesize(spec)
        super().__init__(
            buffer, pagesize=(width, height), invariant=1,
            leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=HEADER_H + 8 * mm, bottomMargin=FOOTER_H + 6 * mm,
            title=f"{spec.title} – {spec.study.id}" + (f" – {spec.subject}" if spec.subject else ""),
            author=f"ALS Desk {__version__}", creator=f"ALS Desk {__version__}",
            subject=f"{spec.study.id} ({spec.study.protocol}), {spec.study.site}",
            keywords=_keywords(spec),
            initialFontName=fonts.REGULAR,
        )
        templates = []
        # "page" in the document's orientation; "wide" in landscape for long tables.
        for name, size in (("page", (width, height)), ("wide", landscape((width, height)))):
            frame = Frame(self.leftMargin, self.bottomMargin,
                          size[0] - self.leftMargin - self.rightMargin,
                          size[1] - self.topMargin - self.bottomMargin, id=name,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(id=name, frames=[frame], onPageEnd=_draw_frame,
                                          pagesize=size))
        self.addPageTemplates(templates)
        self.progress, self.total, self.done = progress, max(total, 1), 0
        self.current: Mark | None = None
        self.page_first: Mark | None = None
        self.page_started = False
        self.page_more: list[str] = []
        self.page_crfs: list[str] = []  # CRF versions of the forms on this page

    def beforeDocument(self) -> None:  # noqa: N802
        when = self.spec.data_time
        if when is not None:
            stamp_ = self.canv._doc._timeStamp
            utc = when.astimezone(timezone.utc)
            stamp_.t = utc.timestamp()
            stamp_.YMDhms = (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
            stamp_.dhh = stamp_.dmm = 0

    def handle_pageBegin(self) -> None:  # noqa: N802
        self.page_first, self.page_started, self.page_more = None, False, []
        self.page_crfs = []
        super().handle_pageBegin()

    def afterFlowable(self, flowable) -> None:  # noqa: N802
        self.done += 1
        if self.progress is not None and self.done % 25 == 0:
            self.progress(min(self.done, self.total - 1), self.total, "laying out pages")
        if isinstance(flowable, Mark):
            self.current = flowable
            if flowable.outline:
                self.canv.add_outline(flowable.key, flowable.outline, flowable.level,
                                      named=flowable.dest is not None)
            first = self.page_first.form if self.page_first else None
            if self.page_started and flowable.form not in self.page_more + [first]:
                self.page_more.append(flowable.form)
            if self.page_started and flowable.crf and flowable.crf not in self.page_crfs:
                self.page_crfs.append(flowable.crf)
            return
        if not self.page_started and not isinstance(flowable, (ActionFlowable, Spacer)):
            self.page_started = True
            self.page_first = self.current
            if self.current is not None and self.current.crf:
                self.page_crfs.insert(0, self.current.crf)


def _keywords(spec: PageSpec) -> str:
    """The PDF's Keywords entry: what a program reads back (alsdesk.anchor_read)."""
    parts = [f"data fingerprint {spec.fingerprint}"] if spec.fingerprint else []
    if spec.audit_head is not None:
        parts.append(spec.audit_head.label())
    return "; ".join(parts)


def build(flowables: list, spec: PageSpec, progress: Progress | None = None) -> tuple[bytes, int]:
    """Lay out the flowables on pages with header and footer; the PDF bytes and page count."""
    check_moment(spec.options, spec.data_time)  # before the layout: a refusal comes at once
    fonts.register()
    # A table sets its cell style's font before each cell, even one holding a paragraph:
    # reportlab's default, Helvetica, was then referenced (not embedded) in every PDF.
    CellStyle.fontname = fonts.REGULAR
    buffer = io.BytesIO()
    doc = _Doc(buffer, spec, progress, len(flowables))
    canvas_class = type("DocCanvas", (_Canvas,), {"spec": spec})
    doc.build(flowables, canvasmaker=canvas_class)
    pages = doc.canv.getPageNumber() - 1
    if progress is not None:
        progress(doc.total, doc.total, "done")
    return buffer.getvalue(), pages


# -- drawing ----------------------------------------------------------------------------


def _fit(canv, text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Shrink to 75 % and then cut with an ellipsis so a text fits a width (measured as
    printed, shaped; the cut is at the logical end, the left of a right-to-left text)."""
    for s in (size, size * 0.9, size * 0.8, size * 0.75):
        if shaping.width(text, font, s) <= width:
            return text, s
    s = size * 0.75
    while text and shaping.width(text + "…", font, s) > width:
        text = text[:-1]
    return text + "…", s


def _draw_frame(canv, doc: _Doc) -> None:
    """Header and footer. What is the same on every page of a size is drawn once, as a form
    XObject that each page shows; only the event and the form are drawn on each page."""
    spec = doc.spec
    width, height = canv._pagesize
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 9 * mm
    forms = canv.frame_forms
    known = forms.get((width, height))
    if known is None:
        name = f"ALSDeskFrame{len(forms)}"
        canv.beginForm(name)
        canv.saveState()
        x = _draw_static(canv, spec, left, right, top)
        canv.restoreState()
        canv.endForm()
        canv.beginForm(f"{name}Foot")
        canv.saveState()
        footer.draw_footer(canv, spec, left, right, stamp(spec.options.moment))
        canv.restoreState()
        canv.endForm()
        known = forms[(width, height)] = (name, x)
    name, x = known
    # Drawn at the page's end (only then are its forms known) but moved to the front of the
    # page's content, so a text layer (pypdf, pdftotext -raw, a screen reader) reads the
    # header first; the footer's form stays at the end. Self-contained between q and Q.
    start = len(canv._code)
    canv.saveState()
    mark = doc.page_first or doc.current
    event = mark.event if mark else ""
    form = mark.form if mark else ""
    if spec.blank:
        # A page of the blank book, once filled in, is the source CRF of a visit: its head
        # names that form and event, not "Blank CRF book" (which the file's title keeps).
        _draw_head(canv, spec, left, right, top, f"{form or '–'} – {event or '–'}")
    canv.doForm(name)
    y = top - 13.5 * mm
    if doc.page_more:
        more = doc.page_more[:2] + ([f"+{len(doc.page_more) - 2}"] if len(doc.page_more) > 2
                                    else [])
        form = " · ".join(([form] if form else []) + more)
    room = right - x - 4 * mm
    side = Sides(canv, spec)
    canv.setFillColor(colors.black)
    if not spec.patient:
        text, size = _fit(canv, event or "–", fonts.BOLD, 9.5, room * 0.42 - 3 * mm)
        canv.setFont(fonts.BOLD, size)
        side.text(x + 4 * mm, y, text)
        text, size = _fit(canv, form or "–", fonts.BOLD, 9.5, room * 0.58)
        canv.setFont(fonts.BOLD, size)
        side.text(x + 4 * mm + room * 0.42, y, text)
    if not spec.blank:
        # Which CRF version the page's forms were entered under (a casebook spans
        # amendments), beside "Page X of Y"; the blank book is all of the current one.
        crfs = doc.page_crfs or [spec.study.crf_version]
        # Room left of "Page X of Y" and right of the print stamp (labels may be long).
        room = right - 27 * mm - (left + footer.stamp_width(spec, stamp(spec.options.moment))
                                  + 4 * mm)
        words = (tr("CRF versions {versions}") if len(crfs) > 1
                 else tr("CRF version {version}"))
        text, size = _fit(canv, words.format(versions=", ".join(crfs), version=crfs[0]),
                          fonts.REGULAR, 7.5, room)
        canv.setFont(fonts.REGULAR, size)
        canv.setFillColor(GREY)
        side.text(right - 27 * mm, footer.BASE, text, "right")
    canv.restoreState()
    header = canv._code[start:]
    del canv._code[start:]
    canv._code[0:0] = header
    canv.doForm(f"{name}Foot")


def _draw_static(canv, spec: PageSpec, left: float, right: float, top: float) -> float:
    """The parts of header and footer every page shares; the x after the subject boxes."""
    study = spec.study
    side = Sides(canv, spec)
    # line 1: the study, and the site on the right
    if not spec.blank:  # blank pages: drawn page by page, with the form (_draw_frame)
        _draw_head(canv, spec, left, right, top, spec.title)
    canv.setFillColor(colors.black)
    site, size = _fit(canv, study.site, fonts.REGULAR, 9, (right - left) * 0.4)
    canv.setFont(fonts.REGULAR, size)
    side.text(right, top, site, "right")
    title, size = _fit(canv, study.title, fonts.REGULAR, 7.5, right - left)
    canv.setFont(fonts.REGULAR, size)
    canv.setFillColor(GREY)
    side.text(left, top - 4.2 * mm, title)
    # line 2: subject and initials boxes, then captions for the event and the form
    y = top - 13.5 * mm
    canv.setFillColor(colors.black)
    x = _draw_subject(canv, spec, left, y)
    room = right - x - 4 * mm
    canv.setFont(fonts.REGULAR, 7)
    canv.setFillColor(GREY)
    if not spec.patient:  # a patient has visits, not events and forms
        side.text(x + 4 * mm, y + 5.0 * mm, tr("Event"))
        side.text(x + 4 * mm + room * 0.42, y + 5.0 * mm, tr("Form"))
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.8)
    canv.line(left, top - 17.5 * mm, right, top - 17.5 * mm)
    return x


def _draw_head(canv, spec: PageSpec, left: float, right: float, top: float,
               what: str) -> None:
    """The header's first line: study, protocol and what the page is."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    canv.setFillColor(colors.black)
    # What the site's name on the right leaves (it takes at most 40 % of the line).
    site = min(stringWidth(spec.study.site, fonts.REGULAR, 9), (right - left) * 0.4)
    head, size = _fit(canv, f"{spec.study.id} · {spec.study.protocol} · {what}", fonts.BOLD,
                      10.5, right - left - site - 6 * mm)
    canv.setFont(fonts.BOLD, size)
    Sides(canv, spec).text(left, top, head)


def _draw_subject(canv, spec: PageSpec, x: float, y: float) -> float:
    """Subject code and initials boxes (filled in when known); returns the x after them."""
    side = Sides(canv, spec)
    canv.setFont(fonts.REGULAR, 7)
    canv.setFillColor(GREY)
    side.text(x, y + 5.0 * mm, tr("Subject"))
    if spec.all_subjects:
        canv.setFillColor(colors.black)
        canv.setFont(fonts.BOLD, 9.5)
        side.text(x, y, tr("All subjects"))
        return x + 40 * mm
    boxes_y = y - 1.6 * mm
    if spec.subject:
        # Known values print as one word, so a reader can search the file for them.
        end = _word_box(side, x, boxes_y, spec.subject)
        if not spec.initials:
            return end  # initials are printed only with the identifiers
        x2 = end + 5 * mm
        _caption(side, x2, y, tr("Initials"))
        return _word_box(side, x2, boxes_y, spec.initials)
    code = _pattern_prefix(spec.study.subject_pattern)
    length = len(spec.study.subject_pattern.format(n=1))
    end = side.boxes(x, boxes_y, max(length, len(code)), code, box_w=4.6 * mm,
                     box_h=5.6 * mm, size=9)
    x2 = end + 5 * mm
    _caption(side, x2, y, tr("Initials"))
    return side.boxes(x2, boxes_y, 3, "", box_w=4.6 * mm, box_h=5.6 * mm, size=9)


def _caption(side: Sides, x: float, y: float, text: str) -> None:
    side.canv.setFont(fonts.REGULAR, 7)
    side.canv.setFillColor(GREY)
    side.text(x, y + 5.0 * mm, text)
    side.canv.setFillColor(colors.black)


def _word_box(side: Sides, x: float, y: float, text: str) -> float:
    canv = side.canv
    width = max(shaping.width(text, fonts.BOLD, 9.5) + 3 * mm, 12 * mm)
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.6)
    canv.rect(side.x(x, width), y, width, 5.6 * mm, stroke=1, fill=0)
    canv.setFont(fonts.BOLD, 9.5)
    canv.setFillColor(colors.black)
    shaping.draw_string(canv, side.x(x, width) + 1.5 * mm, y + 1.7 * mm, text)
    return x + width


def _pattern_prefix(pattern: str) -> str:
    """The constant characters a subject code starts with ("S" for "S{n:03d}")."""
    a, b = pattern.format(n=1), pattern.format(n=987)
    prefix = ""
    for ca, cb in zip(a, b):
        if ca != cb:
            break
        prefix += ca
    return prefix
