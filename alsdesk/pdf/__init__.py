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
           "double_entry_report",
           "blank_book",
           "casebook", "paper_setting", "sae_report", "schedule_card", "visit_forms"]


def paper_setting(store: "Store") -> str:
    """The site's paper size from the settings ('paper': A4 or letter); A4 when unset."""
    try:
        return normalise_paper(store.setting("paper"))
    except ValueError:
        return "A4"


def blank_book(study: "Study", options: PrintOptions | None = None,
               progress: Progress | None = None) -> PdfResult:
    """Every form of every event, empty, for writing by hand (in options.language)."""
    from alsdesk.pdf.blank import build_blank_book

    options = options or PrintOptions()
    with _language(options):
        return build_blank_book(_localized(study, options), options, progress)


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
    _may_disclose(store, options)
    with _language(options):
        result = build_visit(store, subject, event, event_repeat, options, progress)
    return _record(store, options, result, f"visit forms {subject} {event}"
                   + (f" #{event_repeat}" if event_repeat != 1 else ""),
                   subject=subject, event=event, event_repeat=event_repeat)


def casebook(store: "Store", subject: str, options: PrintOptions | None = None,
             progress: Progress | None = None) -> PdfResult:
    """All events and logs of one subject, with signatures, queries and the audit trail."""
    from alsdesk.pdf.filled import build_casebook

    options = _options(store, options)
    _english_only(options, "casebook")
    _may_disclose(store, options)
    result = build_casebook(store, subject, options, progress)
    return _record(store, options, result, f"casebook {subject}", subject=subject)


def ae_listing(store: "Store", options: PrintOptions | None = None,
               progress: Progress | None = None) -> PdfResult:
    """Every adverse event of every subject; serious ones marked."""
    from alsdesk.pdf.listings import build_ae_listing

    options = _options(store, options)
    _english_only(options, "adverse event listing")
    _may_disclose(store, options)
    return _record(store, options, build_ae_listing(store, options, progress), "AE listing")


def double_entry_report(store: "Store", options: PrintOptions | None = None,
                        progress: Progress | None = None) -> PdfResult:
    """Double data entry per form, subject and user: awaiting, differences, error rates."""
    from alsdesk.pdf.double_report import build_double_report

    options = _options(store, options)
    _english_only(options, "double data entry report")
    return _record(store, options, build_double_report(store, options, progress),
                   "double data entry report")


def sae_report(store: "Store", subject: str, entry: int,
               options: PrintOptions | None = None,
               progress: Progress | None = None) -> PdfResult:
    """The SAE report form (CIOMS I layout) of one serious adverse event of a subject."""
    from alsdesk.pdf.cioms import build_sae_report

    options = _options(store, options)
    _english_only(options, "SAE report")
    _may_disclose(store, options)
    _not_blinded(store, subject, entry)
    result = build_sae_report(store, subject, entry, options, progress)
    return _record(store, options, result, f"SAE report {subject} AE {entry}",
                   subject=subject)


def schedule_card(store: "Store", subject: str, options: PrintOptions | None = None,
                  progress: Progress | None = None) -> PdfResult:
    """The subject's visit dates, to hand to the patient: English beside Persian, or in
    Persian alone (options.language "fa")."""
    from alsdesk.pdf.card import build_schedule_card

    options = _options(store, options)
    with _language(options):  # "en": English beside Persian; "fa": Persian alone
        result = build_schedule_card(store, subject, options, progress)
    return _record(store, options, result, f"schedule card {subject}", subject=subject)


def _not_blinded(store: "Store", subject: str, entry: int) -> None:
    """An adverse event keyed twice, awaiting its second entry, which this user may make:
    its values are not shown to them, so its SAE report is not theirs to print (it would
    print blanks as "not serious")."""
    from alsdesk.errors import AlsDeskError
    from alsdesk.pdf.listings import ae_form

    form = ae_form(store.study)
    for inst in store.forms.instances(subject):
        if inst.form == form.id and inst.repeat == entry and store.forms.get_instance(
                inst.instance_id).blinded:
            raise AlsDeskError(
                f"Adverse event {entry} of {subject} awaits its second entry, which you may "
                "make: its values are not shown to you, so its SAE report is printed by its "
                "first keyer, another investigator or a monitor.")


def _options(store: "Store", options: PrintOptions | None) -> PrintOptions:
    return options or PrintOptions(paper=paper_setting(store))


def _language(options: PrintOptions):
    """Within: the printout's words in its language (this thread's, alsdesk.i18n.writing)."""
    from alsdesk import i18n

    return i18n.writing(options.language)


def _localized(study: "Study", options: PrintOptions) -> "Study":
    """The study's texts in the printout's language, where its translation has them."""
    from alsdesk.study.translation import localized

    return localized(study, options.language)


_LANGUAGE_NAMES = {"fa": "Persian"}  # in the audit row, which is English


def _english_only(options: PrintOptions, what: str) -> None:
    """The study binder's documents (casebook, listings, reports to the sponsor) are in
    English, what monitors, sponsors and inspectors read; refused in words otherwise."""
    if options.language != "en":
        from alsdesk.errors import AlsDeskError

        raise AlsDeskError(
            f"The {what} is printed in English only, the study binder's language; the blank "
            "CRF book, a visit's filled forms and the schedule card print in Persian too "
            "(--language fa).")


def _may_disclose(store: "Store", options: PrintOptions) -> None:
    """Printing direct identifiers (and initials): administrators only, on a store that can
    record it (checked before the document is made; the row is written with the print's)."""
    if not options.include_identifiers:
        return
    from alsdesk.auth import Role
    from alsdesk.errors import PermissionDenied, ReadOnlyDatabase

    if store.role is not Role.ADMIN:
        raise PermissionDenied("Only an administrator may print direct identifiers.")
    if store.readonly:
        raise ReadOnlyDatabase("Direct identifiers print only when the disclosure can be "
                               "recorded, and this database is open read-only: close the "
                               "other ALS Desk using it and open it again.")


def _record(store: "Store", options: PrintOptions, result: PdfResult, what: str,
            **place: object) -> PdfResult:
    """One audit row for every printout of trial data: what, for whom, the time printed, and
    the fingerprint and audit head on its pages (so a page found later is matched to its row).

    Written after the document is made, so a refused or failed print leaves no row; the row
    is not part of what the next printout shows (alsdesk.pdf.collect leaves prints out).
    A store opened read-only (another ALS Desk has the file) cannot write it: the document
    is still made, and `not_recorded` says why it is not in the trail, for the caller to
    tell the person. An administrator's disclosure of identifiers is never unrecorded
    (refused before: _may_disclose).
    """
    import dataclasses

    from alsdesk.store.audit import A

    if store.readonly:
        return dataclasses.replace(result, not_recorded=(
            "This printout is not recorded in the audit trail: the database is open "
            "read-only (another ALS Desk has it open). Print from that ALS Desk, or close "
            "it and print again, for a printout the trail knows of."))
    moment = options.moment.isoformat(timespec="seconds")
    if options.language != "en":  # which paper a filed page is: the trail says (in English)
        what += f" in {_LANGUAGE_NAMES.get(options.language, options.language)}"
    stamp = f"PDF {what}, printed {moment}"
    if result.fingerprint:
        stamp += f", data fingerprint {result.fingerprint}"
    if result.audit_head is not None:
        stamp += f", audit head {result.audit_head.text()}"
    stamp += f", {result.pages} page" + ("s" if result.pages != 1 else "")
    if "subject" in place:  # the code as the store spells it, whatever was typed
        place["subject"] = store.subjects.get(str(place["subject"])).code
    with store.transaction():
        if options.include_identifiers:
            store.audit(A.EXPORT, new_value=f"PDF {what} with direct identifiers",
                        reason="printed on request of an administrator")
        store.audit(A.EXPORT, field="pdf", new_value=stamp, **place)
    return result
