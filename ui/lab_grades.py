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
from alsdesk.safety import labae
from alsdesk.safety.labgrade import grades, lab_grading
from .wrap_label import WrapLabel

if TYPE_CHECKING:
    from alsdesk.store.forms import SaveResult

    from .form_page import FormPage

RECORD, DISMISS, LATER = "Record as an adverse event", "Not an adverse event…", "Decide later"


class LabGradePanel(QGroupBox):
    """One line per graded result of the lab form on screen, refreshed as the nurse types."""

    def __init__(self) -> None:
        super().__init__("CTCAE grades")
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
        self.setTitle(f"CTCAE grades (v{version})" if version else "CTCAE grades")
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
            lines.append("No grade: " + ", ".join(quiet) + ".")
        self.label.setText("<br>".join(lines) or "No result entered yet.")
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
    for p in found:
        answer = prompts.choose(
            "An adverse event?",
            f"{p.text}.\n\nThis is worse than the subject's baseline. Record it as an adverse "
            "event? A draft entry of the adverse event log is made with the term, grade and "
            "date; seriousness, relationship and outcome are left for you to complete. If it "
            "is not an adverse event, say why.", [RECORD, DISMISS, LATER])
        try:
            if answer == RECORD:
                entry = labae.confirm(store, p).record
                made += 1
                page.main.show_status(f"Adverse event recorded as a draft: entry "
                                      f"{entry.repeat} of {p.subject} — complete it there.")
            elif answer == DISMISS:
                reason = prompts.reason("Not an adverse event", f"{p.text}.\n\nWhy is this "
                                        "result not an adverse event? (Kept in the audit "
                                        "trail.)")
                if reason:
                    labae.dismiss(store, p, reason)
        except AlsDeskError as exc:
            prompts.error("Not recorded", str(exc))
    return made
