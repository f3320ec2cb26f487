"""The Print menu: blank CRF book, visit forms, casebook, AE listing, schedule card.

``install(window)`` fills ``window.print_menu``; each action opens a PdfPreview that makes the
document in a worker (its own Store, as the window's user) and shows it. The decisions (what is printed,
identifiers left out) are all made by alsdesk.pdf; this module only wires menus to it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from alsdesk.auth import Role
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from .tasks import Session

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .pdf_preview import PdfPreview

__all__ = ["install", "make_pdf", "open_preview"]

KINDS = {
    "blank": QT_TRANSLATE_NOOP("", "Blank CRF book"),
    "blank-fa": QT_TRANSLATE_NOOP("", "Blank CRF book in Persian"),
    "visit": QT_TRANSLATE_NOOP("", "Visit forms"),
    "visit-fa": QT_TRANSLATE_NOOP("", "Visit forms in Persian"),
    "casebook": QT_TRANSLATE_NOOP("", "Subject casebook"),
    "ae-listing": QT_TRANSLATE_NOOP("", "Adverse event listing"),
    "schedule": QT_TRANSLATE_NOOP("", "Visit schedule card"),
    "schedule-fa": QT_TRANSLATE_NOOP("", "Visit schedule card in Persian"),
    "outcomes": QT_TRANSLATE_NOOP("", "Primary outcomes"),
    "safety": QT_TRANSLATE_NOOP("", "Safety tables"),
    "double-entry": QT_TRANSLATE_NOOP("", "Double data entry report"),
    # event_repeat carries the adverse event's entry number
    "sae": QT_TRANSLATE_NOOP("", "SAE report (CIOMS I)"),
}
# The site's papers also print in Persian (right to left, Solar Hijri dates beside the
# Gregorian); the binder's documents are English whatever the window's language.
IN_LANGUAGE = {"blank-fa": ("blank", "fa"), "visit-fa": ("visit", "fa"),
               "schedule-fa": ("schedule", "fa")}


def make_pdf(store, kind: str, subject: str | None = None, event: str | None = None,
             event_repeat: int = 1, identifiers: bool = False,
             progress: Callable[[int, str], None] | None = None):
    """Worker side: one document as a PdfResult (runs off the GUI thread), in English (the
    study binder's language) whatever the window's, or in the language its kind names."""
    from alsdesk import i18n

    kind, language = IN_LANGUAGE.get(kind, (kind, "en"))
    with i18n.english():
        return _make_pdf(store, kind, subject, event, event_repeat, identifiers, progress,
                         language)


def _make_pdf(store, kind, subject, event, event_repeat, identifiers, progress, language):
    from alsdesk import pdf

    # With identifiers, alsdesk.pdf checks the role and writes the audit row itself.
    options = pdf.PrintOptions(paper=pdf.paper_setting(store), include_identifiers=identifiers,
                               language=language)

    def report(done: int, total: int, text: str) -> None:
        if progress is not None:
            progress(int(100 * done / max(total, 1)), text)

    if kind == "blank":
        return pdf.blank_book(store.study, options, report)
    if kind == "visit":
        return pdf.visit_forms(store, subject, event, event_repeat=event_repeat,
                               options=options, progress=report)
    if kind == "casebook":
        return pdf.casebook(store, subject, options, report)
    if kind == "ae-listing":
        return pdf.ae_listing(store, options, report)
    if kind == "schedule":
        return pdf.schedule_card(store, subject, options, report)
    if kind in ("outcomes", "safety"):
        from alsdesk.pdf import safety_tables as made

        make = made.outcomes_pdf if kind == "outcomes" else made.safety_tables_pdf
        return make(store, options, report)
    if kind == "sae":
        return pdf.sae_report(store, subject, event_repeat, options, report)
    if kind == "double-entry":
        return pdf.double_entry_report(store, options, report)
    raise ValueError(f"unknown document kind {kind!r}")


def open_preview(window: "MainWindow", kind: str, subject: str | None = None,
                 event: str | None = None, event_repeat: int = 1,
                 identifiers: bool = False) -> "PdfPreview":
    """Open the preview window and start making the document."""
    title = (tr(KINDS[kind]) + (f" – {subject}" if subject else "")
             + (f" – {event}" if event else ""))
    title += " – " + tr("AE {n}").format(n=event_repeat) if kind == "sae" else ""
    from .pdf_preview import PdfPreview  # QtPdf is loaded the first time one prints

    preview = PdfPreview(window, title)
    preview.setModal(False)
    # As the window's user, and for writing when the window can write: every printout of
    # trial data is recorded in the audit trail by alsdesk.pdf (a read-only window's is
    # made and says it is not recorded; the blank book writes nothing).
    preview.generate(make_pdf, kind, subject, event, event_repeat, identifiers,
                     db_path=window.db_path, study=window.store.study,
                     session=Session.of(window.store),
                     readonly=kind in ("blank", "blank-fa")
                     or bool(getattr(window.store, "readonly", False)))
    preview.show()
    return preview


def _event_of(window: "MainWindow") -> tuple[str | None, int]:
    """The visit on screen and which occurrence of it (unscheduled visits repeat)."""
    current: Any = window.current_event()
    if isinstance(current, tuple):
        return current[0], int(current[1]) if len(current) > 1 and current[1] else 1
    matrix = getattr(getattr(window, "casebook", None), "matrix", None)
    picked = matrix.current_event() if matrix is not None else None
    if isinstance(picked, tuple) and picked and picked[0] == current:
        return current, int(picked[1] or 1)
    return current, 1


def _casebook_button(window: "MainWindow", actions: dict[str, QAction]) -> None:
    """A Print button beside the casebook's own buttons, with the subject's documents."""
    page = getattr(window, "casebook", None)
    anchor = getattr(page, "sign_button", None)
    if page is None or anchor is None or page.layout() is None:
        return
    layout = _layout_holding(page.layout(), anchor)
    if layout is None:
        return
    menu = QMenu(page)
    for key in ("visit", "visit-fa", "casebook", "schedule", "schedule-fa",
                "casebook_identifiers"):
        menu.addAction(actions[key])
    menu.aboutToShow.connect(window.print_menu.aboutToShow.emit)
    button = QPushButton(tr("Print…"))
    button.setObjectName("casebook_print")
    button.setMenu(menu)
    layout.addWidget(button)


def _layout_holding(layout, widget):
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        found = _layout_holding(child, widget) if child is not None else None
        if found is not None:
            return found
    return None


def install(window: "MainWindow") -> None:
    """Fill window.print_menu with one action per document."""
    menu = window.print_menu
    actions: dict[str, QAction] = {}

    def add(key: str, text: str, handler: Callable[[], None]) -> None:
        action = QAction(text, window)
        action.setObjectName(f"print_{key}")
        action.triggered.connect(handler)
        menu.addAction(action)
        actions[key] = action

    def need_subject() -> str | None:
        subject = window.current_subject()
        if not subject:
            QMessageBox.information(window, tr("Print"), tr("Open a subject first."))
        return subject or None

    def visit(kind: str = "visit") -> None:
        subject = need_subject()
        event, repeat = _event_of(window)
        if subject and event:
            open_preview(window, kind, subject, event, repeat)
        elif subject:
            QMessageBox.information(window, tr("Print"),
                                    tr("Choose a visit in the casebook first."))

    def casebook_with_identifiers() -> None:
        subject = need_subject()
        if subject and QMessageBox.question(
                window, tr("Print direct identifiers"),
                tr("Print this casebook WITH the subject's direct identifiers (name, record "
                   "number, telephone)? The printout must stay at the site; the audit trail "
                   "records that you printed it.")) == QMessageBox.StandardButton.Yes:
            open_preview(window, "casebook", subject, identifiers=True)

    add("blank", tr("Blank CRF book…"), lambda: open_preview(window, "blank"))
    add("blank-fa", tr("Blank CRF book in Persian…"), lambda: open_preview(window, "blank-fa"))
    menu.addSeparator()
    add("visit", tr("Visit forms of the current visit…"), visit)
    add("visit-fa", tr("Visit forms of the current visit, in Persian…"),
        lambda: visit("visit-fa"))
    add("casebook", tr("Subject casebook…"),
        lambda: (s := need_subject()) and open_preview(window, "casebook", s))
    add("schedule", tr("Visit schedule card…"),
        lambda: (s := need_subject()) and open_preview(window, "schedule", s))
    add("schedule-fa", tr("Visit schedule card in Persian…"),
        lambda: (s := need_subject()) and open_preview(window, "schedule-fa", s))
    menu.addSeparator()
    add("ae-listing", tr("Adverse event listing…"), lambda: open_preview(window, "ae-listing"))
    add("safety", tr("Safety tables…"), lambda: open_preview(window, "safety"))
    add("outcomes", tr("Primary outcomes (fever, GCS)…"), lambda: open_preview(window, "outcomes"))
    add("double-entry", tr("Double data entry report…"),
        lambda: open_preview(window, "double-entry"))
    menu.addSeparator()
    add("casebook_identifiers", tr("Casebook with direct identifiers (administrator)…"),
        casebook_with_identifiers)

    def refresh() -> None:
        has_subject = bool(window.current_subject())
        event, _ = _event_of(window) if has_subject else (None, 1)
        actions["visit"].setEnabled(has_subject and bool(event))
        actions["visit-fa"].setEnabled(has_subject and bool(event))
        actions["casebook"].setEnabled(has_subject)
        actions["schedule"].setEnabled(has_subject)
        actions["schedule-fa"].setEnabled(has_subject)
        admin = getattr(window.store, "role", None) is Role.ADMIN
        actions["casebook_identifiers"].setVisible(admin)
        actions["casebook_identifiers"].setEnabled(admin and has_subject)

    menu.aboutToShow.connect(refresh)
    window.print_actions = actions
    _casebook_button(window, actions)
