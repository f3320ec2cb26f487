"""Lists: the adverse event listing of all subjects (the schedule card: alsdesk.pdf.card)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from alsdesk.errors import NotFound
from alsdesk.pdf import page, shaping, styles as st
from alsdesk.pdf.collect import fingerprint, latest, short
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head
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
            markup = "<br/>".join(f"<font color='#444444'>{esc(label)}:</font> <b>{esc(shaping.embedded(v))}</b>"
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


def build_schedule_card(store: "Store", subject: str, options: PrintOptions,
                        progress: Progress | None) -> PdfResult:
    """The visit schedule card: in alsdesk.pdf.card now (named here for old callers)."""
    from alsdesk.pdf.card import build_schedule_card as build

    return build(store, subject, options, progress)
