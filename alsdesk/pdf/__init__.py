"""Printable case report forms: blank CRF book, filled visit forms, subject casebook, the
adverse event listing and the visit schedule card.

Each call returns a :class:`PdfResult` (the bytes, a title, a suggested file name, the page
count, the data fingerprint and the audit head printed at the foot of every page, read in the
same read transaction as the data: alsdesk.pdf.reading). reportlab is imported only when a document is made, so
importing this package (the CLI does at start-up) stays cheap. Nothing here imports Qt.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from alsdesk.pdf.options import PAPERS, PdfResult, PrintOptions, Progress, normalise_paper

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.study.model import Study

__all__ = ["PAPERS", "PdfResult", "PrintOptions", "Progress", "ae_listing", "annotated_crf",
           "blank_book",
           "casebook", "paper_setting", "schedule_card", "visit_forms"]


def paper_setting(store: "Store") -> str:
    """The site's paper size from the settings ('paper': A4 or letter); A4 when unset."""
    try:
        return normalise_paper(store.setting("paper"))
    except ValueError:
        return "A4"


def blank_book(study: "Study", options: PrintOptions | None = None,
               progress: Progress | None = None) -> PdfResult:
    """Every form of every event, empty, for writing by hand."""
    from alsdesk.pdf.blank import build_blank_book

    return build_blank_book(study, options or PrintOptions(), progress)


def annotated_crf(study: "Study", options: PrintOptions | None = None,
                  progress: Progress | None = None) -> PdfResult:
    """The data manager's annotated CRF: every field's variable, CDASH/SDTM names, format,
    code list, visibility rule and checks (no trial data, so no login)."""
    from alsdesk.pdf.annotated import build_annotated_crf

    return build_annotated_crf(study, options or PrintOptions(), progress)


def visit_forms(store: "Store", subject: str, event: str, *, event_repeat: int = 1,
                options: PrintOptions | None = None,
                progress: Progress | None = None) -> PdfResult:
    """The filled forms of one subject at one visit."""
    from alsdesk.pdf.filled import build_visit

    options = _options(store, options)
    _disclose(store, options, f"visit forms {subject} {event}")
    return build_visit(store, subject, event, event_repeat, options, progress)


def casebook(store: "Store", subject: str, options: PrintOptions | None = None,
             progress: Progress | None = None) -> PdfResult:
    """All events and logs of one subject, with signatures, queries and the audit trail."""
    from alsdesk.pdf.filled import build_casebook

    options = _options(store, options)
    _disclose(store, options, f"casebook {subject}")
    return build_casebook(store, subject, options, progress)


def ae_listing(store: "Store", options: PrintOptions | None = None,
               progress: Progress | None = None) -> PdfResult:
    """Every adverse event of every subject; serious ones marked."""
    from alsdesk.pdf.listings import build_ae_listing

    options = _options(store, options)
    _disclose(store, options, "AE listing")
    return build_ae_listing(store, options, progress)


def schedule_card(store: "Store", subject: str, options: PrintOptions | None = None,
                  progress: Progress | None = None) -> PdfResult:
    """The subject's visit dates and windows, to hand to the patient."""
    from alsdesk.pdf.listings import build_schedule_card

    return build_schedule_card(store, subject, _options(store, options), progress)


def _options(store: "Store", options: PrintOptions | None) -> PrintOptions:
    return options or PrintOptions(paper=paper_setting(store))


def _disclose(store: "Store", options: PrintOptions, what: str) -> None:
    """Printing direct identifiers (and initials): administrators only, and audited.

    The audit row needs a database opened for writing, as the logged-in administrator.
    """
    if not options.include_identifiers:
        return
    from alsdesk.auth import Role
    from alsdesk.errors import PermissionDenied
    from alsdesk.store.audit import A

    if store.role is not Role.ADMIN:
        raise PermissionDenied("Only an administrator may print direct identifiers.")
    with store.transaction():
        store.audit(A.EXPORT, new_value=f"PDF {what} with direct identifiers",
                    reason="printed on request of an administrator")
