"""Lists: the adverse event listing of all subjects, and one subject's visit schedule card."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from alsdesk import overview
from alsdesk.errors import NotFound
from alsdesk.pdf import page, styles as st
from alsdesk.pdf.collect import fingerprint, latest, short
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head
from alsdesk.pdf.wording import MONTHS
from alsdesk.rules import engine
from alsdesk.study import values as fv
from alsdesk.study.model import Form, Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store

SERIOUS_BG = colors.Color(1.0, 0.9, 0.9)


@dataclass(frozen=True)
class AeRow:
    subject: str
    entry: int
    status: str
    serious: bool
    cells: tuple[tuple[tuple[str, str], ...], ...]  # per section: (label, value) lines


@dataclass(frozen=True)
class AeListing:
    sections: tuple[str, ...]
    rows: tuple[AeRow, ...]
    deleted: int
    data_time: str


def ae_form(study: Study) -> Form:
    """The adverse event form: the log form of CDISC domain AE (or with id 'ae')."""
    for form in study.forms.values():
        if (form.domain or "").upper() == "AE":
            return form
    if "ae" in study.forms:
        return study.forms["ae"]
    raise NotFound("The study definition has no adverse event form (domain AE).")


def _is_serious(form: Form, values: dict) -> bool:
    for f in form.fields:
        if (f.cdash or "").upper() == "AESER" or f.id == "aeser":
            return values.get(f.id) == "Y"
    return False


def collect_ae(store: "Store", include_identifiers: bool = False) -> AeListing:
    """Every adverse event of every subject, in subject and entry order."""
    form = ae_form(store.study)
    fields = [f for f in form.fields if include_identifiers or not f.identifier]
    sections = tuple(dict.fromkeys(f.section or form.label for f in fields))
    rows, deleted, times = [], 0, []
    for subject in store.subjects.list():
        for inst in store.forms.instances(subject.code):
            if inst.form != form.id:
                continue
            if inst.status.value == "deleted":
                deleted += 1
                continue
            rec = store.forms.get_instance(inst.instance_id)
            times.append(rec.updated_at or "")
            visible = engine.visibility(form, rec.values, rec.missing)
            cells = []
            for section in sections:
                lines = []
                for f in fields:
                    if (f.section or form.label) != section or not visible.get(f.id, True):
                        continue
                    text = fv.display(f, rec.values.get(f.id))
                    code = rec.missing.get(f.id)
                    text = text or (f"{code} ({store.study.missing_label(code)})" if code else "–")
                    lines.append((f.label, text))
                cells.append(tuple(lines))
            rows.append(AeRow(subject.code, rec.repeat, rec.status.value,
                              _is_serious(form, rec.values), tuple(cells)))
    stamps = [t for t in times if t]
    return AeListing(sections, tuple(rows), deleted, max(stamps) if stamps else "")


def build_ae_listing(store: "Store", options: PrintOptions,
                     progress: Progress | None) -> PdfResult:
    """The adverse event listing, landscape, serious events marked."""
    listing, audit_head = with_head(store,
                                    lambda: collect_ae(store, options.include_identifiers))
    digest = fingerprint(listing)
    spec = page.PageSpec(study=store.study, title="Adverse event listing", options=options,
                         all_subjects=True, fingerprint=short(digest), landscape=True,
                         data_time=latest([listing.data_time]), filename="ae-listing.pdf",
                         audit_head=audit_head)
    width = page.frame_width(spec)
    serious = sum(r.serious for r in listing.rows)
    flow: list = [page.Mark("All events", "Adverse events"),
                  st.t("Adverse event listing", st.TITLE),
                  st.t(f"{len(listing.rows)} adverse events in "
                       f"{len({r.subject for r in listing.rows})} subjects; {serious} serious "
                       f"(marked SERIOUS, shaded)."
                       + (f" {listing.deleted} entries deleted with a reason are not listed."
                          if listing.deleted else ""), st.NOTE), Spacer(1, 3 * mm)]
    head = [st.t("Subject / entry", st.TINY_BOLD)] + [st.t(s, st.TINY_BOLD)
                                                      for s in listing.sections]
    data, extra = [head], []
    for row in listing.rows:
        first = f"<b>{esc(row.subject)}</b> · AE {row.entry}<br/>{esc(row.status)}"
        if row.serious:
            first += "<br/><font color='#b30d0d'><b>SERIOUS</b></font>"
            extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), SERIOUS_BG))
        cells = [st.p(first, st.CELL)]
        for lines in row.cells:
            markup = "<br/>".join(f"<font color='#444444'>{esc(label)}:</font> <b>{esc(v)}</b>"
                                  for label, v in lines)
            cells.append(st.p(markup, st.TINY))
        data.append(cells)
    rest = (width - 26 * mm) / max(len(listing.sections), 1)
    flow.append(st.table(data, [26 * mm] + [rest] * len(listing.sections),
                         st.grid(1, extra), header_rows=1))
    if not listing.rows:
        flow.append(st.t("No adverse event has been recorded.", st.NOTE))
    data_bytes, pages = page.build(flow, spec, progress)
    return PdfResult(data_bytes, spec.title, spec.filename, pages, short(digest),
                     audit_head)


@dataclass(frozen=True)
class ScheduleCard:
    subject: str
    initials: str
    rows: tuple[tuple[str, str, str, str], ...]  # visit, target, come between, done


def _day(moment, with_time: bool) -> str:
    if moment is None:
        return "–"
    text = f"{moment.day:02d}/{MONTHS[moment.month - 1]}/{moment.year}"
    return text + (f" {moment.hour:02d}:{moment.minute:02d}" if with_time else "")


def collect_schedule(store: "Store", subject: str) -> ScheduleCard:
    """Target dates and windows of the subject's scheduled visits."""
    s = store.subjects.get(subject)
    rows = []
    for plan in overview.schedule(store, s.code):
        if plan.window is None:
            continue  # unscheduled visits and the end of study have no date to give
        hours = plan.unit is not None and plan.unit.value == "hours"
        if plan.window_start is not None and plan.window_end is not None:
            start, end = _day(plan.window_start, hours), _day(plan.window_end, hours)
            between = start if start == end else f"{start} to {end}"
        else:
            between = plan.describe_window()
        done = _day(plan.done_at, False) if plan.done_at else (
            "not expected" if plan.status.value == "not expected" else "")
        rows.append((plan.label, _day(plan.target, hours), between, done))
    return ScheduleCard(s.code, "", tuple(rows))  # initials are an identifier: not printed


def build_schedule_card(store: "Store", subject: str, options: PrintOptions,
                        progress: Progress | None) -> PdfResult:
    """The visit schedule card to hand to the patient."""
    card, audit_head = with_head(store, lambda: collect_schedule(store, subject))
    digest = fingerprint(card)
    spec = page.PageSpec(study=store.study, title="Visit schedule", options=options,
                         subject=card.subject, initials=card.initials, fingerprint=short(digest),
                         filename=f"schedule-{card.subject}.pdf",
                         audit_head=audit_head)
    width = page.frame_width(spec)
    flow: list = [page.Mark("All visits", "Visit schedule card"),
                  st.t("Your visit schedule", st.TITLE),
                  st.t(f"Study {store.study.id} · {store.study.site}", st.BODY), Spacer(1, 3 * mm)]
    if not any(r[1] != "–" for r in card.rows):
        flow.append(st.t("The dates are set on the day of the infusion: ask for this card "
                         "again after it.", st.BODY))
    data = [[st.t(h, st.LABEL) for h in ("Visit", "Planned for", "Please come between",
                                         "Done")]]
    data += [[st.t(c, st.BODY) for c in r] for r in card.rows]
    flow.append(Table(data, colWidths=[0.27 * width, 0.19 * width, 0.39 * width, 0.15 * width],
                      style=st.grid(1, [("TOPPADDING", (0, 0), (-1, -1), 5),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]),
                      repeatRows=1))
    flow += [Spacer(1, 5 * mm),
             st.t("Please bring this card to every visit. If you cannot come within these "
                  "dates, or if you feel unwell between visits, call the study team.", st.BODY)]
    data_bytes, pages = page.build(flow, spec, progress)
    return PdfResult(data_bytes, spec.title, spec.filename, pages, short(digest),
                     audit_head)
