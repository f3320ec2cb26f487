"""The CTCAE grades of the lab panel on its form page, and a graded result offered as an
adverse event after a save. Every grade and proposal is the core's
(alsdesk/safety/labgrade.py, labae.py); here they are only shown and answered.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.safety import labae
from alsdesk.safety.labgrade import grades, lab_grading
from .wrap_label import WrapLabel

if TYPE_CHECKING:
    from alsdesk.store.forms import SaveResult

    from .form_page import FormPage

# the buttons of the question (shown with tr(); prompts.choose gives back the text shown)
RECORD = QT_TRANSLATE_NOOP("", "Record as an adverse event")
DISMISS = QT_TRANSLATE_NOOP("", "Not an adverse event…")
LATER = QT_TRANSLATE_NOOP("", "Decide later")


class LabGradePanel(QGroupBox):
    """One line per graded result of the lab form on screen, refreshed as the nurse types."""

    def __init__(self) -> None:
        super().__init__(tr("CTCAE grades"))
        self.setObjectName("lab_grades")
        self.label = WrapLabel()
        self.label.setObjectName("lab_grades_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self).addWidget(self.label)
        self.hide()

    def show_for(self, page: "FormPage", values: dict[str, Any]) -> None:
        store = page.main.store
        try:
            rules = lab_grading(store)
        except AlsDeskError:  # no rules file in a study without lab grading
            self.hide()
            return
        if page.view is None or page.view.form.id != rules.form or page.subject is None:
            self.hide()
            return
        version = store.study.ctcae_version
        self.setTitle(tr("CTCAE grades (v{version})").format(version=version) if version
                      else tr("CTCAE grades"))
        form = page.view.form
        lines, quiet = [], []
        for g in grades(store, page.subject, page.event_id, values):
            f = form.field(g.field)
            if g.grade == 0:  # the usual case: named, not explained
                quiet.append(html.escape(f.label))
                continue
            text = html.escape(labae.shown(g, f.label))
            lines.append(f"<b>{text}</b>" if g.grade else text)
        if quiet:
            lines.append(tr("No grade: {fields}.").format(fields=", ".join(quiet)))
        self.label.setText("<br>".join(lines) or tr("No result entered yet."))
        self.label.fit()
        self.show()


def offer_lab_aes(page: "FormPage", result: "SaveResult") -> int:
    """Ask about each new or worse grade of the saved lab form; returns entries made."""
    store, prompts = page.main.store, page.main.prompts
    try:
        found = labae.proposals(store, result.record)
    except AlsDeskError:
        return 0
    made = 0
    record, dismiss, later = tr(RECORD), tr(DISMISS), tr(LATER)
    for p in found:
        answer = prompts.choose(
            tr("An adverse event?"),
            tr("{proposal}.\n\nThis is worse than the subject's baseline. Record it as an "
               "adverse event? A draft entry of the adverse event log is made with the term, "
               "grade and date; seriousness, relationship and outcome are left for you to "
               "complete. If it is not an adverse event, say why.").format(proposal=p.text),
            [record, dismiss, later])
        try:
            if answer == record:
                entry = labae.confirm(store, p).record
                made += 1
                page.main.show_status(tr("Adverse event recorded as a draft: entry {entry} of "
                                         "{subject} — complete it there.").format(
                    entry=entry.repeat, subject=p.subject))
            elif answer == dismiss:
                reason = prompts.reason(tr("Not an adverse event"), tr(
                    "{proposal}.\n\nWhy is this result not an adverse event? (Kept in the "
                    "audit trail.)").format(proposal=p.text))
                if reason:
                    labae.dismiss(store, p, reason)
        except AlsDeskError as exc:
            prompts.error(tr("Not recorded"), str(exc))
    return made
