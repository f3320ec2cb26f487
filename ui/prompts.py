"""Every question the program asks the user, in one replaceable object.

The window calls ``self.prompts.reason(...)`` and the like rather than opening dialogs
itself, so a test can replace one prompt with a function returning the answer a nurse would
give, while the core and the rest of the window stay real.
"""
from __future__ import annotations

from typing import Callable, Sequence

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from alsdesk.auth import Role
from alsdesk.i18n import tr
from alsdesk.rules.engine import Finding
from alsdesk.states import SubjectStatus
from .dialogs import (
    NewSubjectDialog, NotesDialog, ReasonDialog, SettingsDialog, SubjectStatusDialog, TextDialog,
)
from .dialogs_auth import SignatureDialog
from .history import HistoryDialog

__all__ = ["Prompts", "SAVE", "DISCARD", "CANCEL"]

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _key_lines(key: str) -> str:
    """The key in lines of whole groups, left to right in either language: never broken
    inside a group or at a dash the reader could take for part of it."""
    groups = key.split("-")
    lines = ["-".join(groups[i:i + 5]) for i in range(0, len(groups), 5)]
    return ("<p dir='ltr' style='font-family: monospace; font-size: 13pt; "
            "white-space: pre'>" + "-<br>".join(lines) + "</p>")


class Prompts:
    """Message boxes and small dialogs, parented to the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    @staticmethod
    def _run(dialog: QDialog) -> int:
        """Show a dialog until it closes; then the keyboard goes back where it was.

        Without this the focus may be left nowhere after a dialog (seen after raising a
        query from a field's menu): the next keys a nurse types would go to no field.
        """
        before = QApplication.focusWidget()
        try:
            return dialog.exec()
        finally:
            if (before is not None and shiboken6.isValid(before) and before.isVisible()
                    and QApplication.focusWidget() is None):
                before.setFocus(Qt.FocusReason.OtherFocusReason)

    def error(self, title: str, message: str) -> None:
        """Something was refused or failed; `message` is the core's own sentence."""
        QMessageBox.warning(self.parent, title, message)

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def recovery_key(self, db_name: str, key: str) -> None:
        """A new encrypted database's recovery key, shown this once (selectable, to copy)."""
        box = QMessageBox(QMessageBox.Icon.Information,
                          tr("Recovery key — for the study binder"), "", parent=self.parent)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(tr("The database {name} is encrypted. Its <b>recovery key</b> is shown "
                       "this once: write it on the study binder's page (or copy it to a "
                       "printed sheet) and keep it locked away.").format(name=db_name)
                    + _key_lines(key)
                    + tr("It opens the database when every password is lost ('alsdesk "
                         "recover'), and in DB Browser for SQLite. Nobody needs it day to day: "
                         "each person's password opens the file."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        box.addButton(tr("I have written it down"), QMessageBox.ButtonRole.AcceptRole)
        self._run(box)

    def notify(self, title: str, message: str) -> None:
        """A warning that does not wait for an answer (a window-less box, closes itself)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.parent)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self._notices = [b for b in getattr(self, "_notices", []) if b.isVisible()] + [box]

    def choose(self, title: str, message: str, choices: Sequence[str]) -> str | None:
        """One of `choices` (button texts; the last one is the cancel); None if closed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=self.parent)
        buttons = [box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
                   for text in choices[:-1]]
        buttons.append(box.addButton(choices[-1], QMessageBox.ButtonRole.RejectRole))
        box.setDefaultButton(buttons[0])
        self._run(box)
        clicked = box.clickedButton()
        return choices[buttons.index(clicked)] if clicked in buttons else None

    def confirm(self, title: str, message: str, *, destructive: bool = False) -> bool:
        """Yes or No; with `destructive`, No is the default, so one Enter changes nothing."""
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=self.parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No if destructive
                             else QMessageBox.StandardButton.Yes)
        return self._run(box) == QMessageBox.StandardButton.Yes

    def unsaved(self, what: str) -> str:
        """Unsaved changes on `what`: SAVE, DISCARD or CANCEL."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Unsaved changes"),
                          tr("{what} has changes that are not saved.").format(what=what),
                          parent=self.parent)
        box.setInformativeText(tr("Save them first?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = self._run(box)
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL

    def reason(self, title: str, message: str, *, required: bool = True) -> str | None:
        """A reason for a change, an unlock, a deletion; None when cancelled."""
        dialog = ReasonDialog(title, message, required=required, parent=self.parent)
        return dialog.text() if self._run(dialog) == QDialog.DialogCode.Accepted else None

    def notes(self, findings: Sequence[Finding]) -> dict[str, str] | None:
        """A note per soft-check finding (keyed by check id); None when cancelled."""
        dialog = NotesDialog(findings, parent=self.parent)
        return dialog.notes() if self._run(dialog) == QDialog.DialogCode.Accepted else None

    def text(self, title: str, label: str, *, initial: str = "",
             required: bool = True) -> str | None:
        """Free text (a query, an answer, a closing note); None when cancelled."""
        dialog = TextDialog(title, label, initial=initial, required=required,
                            parent=self.parent)
        return dialog.text() if self._run(dialog) == QDialog.DialogCode.Accepted else None

    def signature(self, what: str, printed_name: str, role: Role,
                  sign: Callable[[str, str], object], meanings: Sequence[str] = (),
                  scope=None) -> bool:
        """The signature dialog; `sign(password, meaning)` is the core call. True if signed.

        `scope` (alsdesk.store.workflow.VisitScope) lists what a visit signature covers."""
        dialog = SignatureDialog(what, printed_name, role, sign, parent=self.parent,
                                 meanings=meanings, scope=scope)
        return self._run(dialog) == QDialog.DialogCode.Accepted

    def history(self, title: str, rows: list[tuple[str, ...]]) -> None:
        """Show audit rows (see ui.history.history_rows)."""
        self._run(HistoryDialog(title, rows, parent=self.parent))

    def new_subject(self) -> str | None:
        """Initials for a new subject ("" for none); None when cancelled."""
        dialog = NewSubjectDialog(parent=self.parent)
        if self._run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.initials.text().strip()

    def subject_status(self, code: str, current: SubjectStatus,
                       choices: Sequence = ()) -> tuple[SubjectStatus, str] | None:
        """A new status (from the core's `choices`) and its reason; None when cancelled."""
        dialog = SubjectStatusDialog(code, current, choices, parent=self.parent)
        return dialog.choice() if self._run(dialog) == QDialog.DialogCode.Accepted else None

    def settings(self, idle_minutes: int, date_format: str = "DD/MMM/YYYY",
                 formats: Sequence[str] = ("DD/MMM/YYYY",)) -> tuple[int, str] | None:
        """The idle minutes before the window locks and the screen's date format; None when
        cancelled."""
        dialog = SettingsDialog(idle_minutes, date_format, formats, parent=self.parent)
        if self._run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.idle.value(), dialog.date_format.currentText()
