"""Double data entry on the form page: the line saying where a form stands, its steps
(Second entry…, Resolve differences…, Withdraw the second entry…) and what opening a form
keeps from view; the dialogs are ui.double_entry's, the rules the core's
(alsdesk/store/double_rules.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from .double_entry import ResolveDialog, SecondEntryDialog, where
from .i18n import shown as shown_study

if TYPE_CHECKING:
    from alsdesk.store.records import FormRecord
    from .main_window import MainWindow

__all__ = ["DoubleEntrySteps", "blind", "open_second_entry", "open_resolution"]


def open_second_entry(window: "MainWindow", record: "FormRecord") -> bool:
    """The second entry of a form, or the reason it cannot be made now; True if saved."""
    why = window.store.double.refusal(record)
    if why:
        window.prompts.error(tr("Second entry"), why)
        return False
    dialog = SecondEntryDialog(window, record)
    return window.prompts._run(dialog) == QDialog.DialogCode.Accepted


def open_resolution(window: "MainWindow", record: "FormRecord") -> bool:
    """The resolution of a form's open differences; True if any was resolved."""
    why = window.store.double.resolution_refusal(record)
    if why:
        window.prompts.error(tr("Resolve differences"), why)
        return False
    entry = window.store.double.entry(record.instance_id)
    dialog = ResolveDialog(window, record, entry)
    return window.prompts._run(dialog) == QDialog.DialogCode.Accepted


def withdraw_second_entry(window: "MainWindow", record: "FormRecord") -> bool:
    """Take back the form's second entry, with a reason; True if taken back."""
    store = window.store
    why = store.double.withdrawal_refusal(record)
    if why:
        window.prompts.error(tr("Withdraw the second entry"), why)
        return False
    reason = window.prompts.reason(tr("Withdraw the second entry"), tr(
        "The second entry and its differences are taken back (the audit trail keeps them); "
        "the form then awaits its second entry again. Why?"))
    if not reason:
        return False
    try:
        store.double.withdraw(record.instance_id, reason)
    except AlsDeskError as exc:
        window.prompts.error(tr("Withdraw the second entry"), str(exc))
        return False
    window.show_status(tr("The second entry was withdrawn: the form awaits it again."))
    return True


def state_text(window: "MainWindow", record: "FormRecord") -> str:
    """The form page's line on its double entry ("" for a form keyed once)."""
    from alsdesk.store.double import State

    store = window.store
    state = store.double.state(record)
    if state is State.NOT_NEEDED:
        return ""
    if state is State.EXEMPT:
        return tr("Keyed twice from paper: this form was completed before double entry "
                  "applied to it.")
    if state is State.AWAITING:
        first = ", ".join(store.double.first_keyers(record.instance_id, False)) \
            if record.instance_id is not None else ""
        return (tr("Keyed twice from paper: awaiting its second entry by another person "
                   "(first keyed by {first}).").format(first=first) if first else
                tr("Keyed twice from paper: key it here first; another person then makes "
                   "its second entry."))
    entry = store.double.entry(record.instance_id)
    if state is State.DIFFERENCES:
        return tr("Keyed twice from paper: {n} difference(s) between the two entries to "
                  "resolve (second entry by {user}): Form > Resolve differences…").format(
                      n=len(entry.open), user=entry.entered_by)
    return tr("Keyed twice from paper: both entries agree (second entry by {user}; "
              "{n} difference(s) resolved).").format(user=entry.entered_by,
                                                      n=len(entry.differences))


def blind(window: "MainWindow", record: "FormRecord") -> bool | None:
    """Before a form is shown: to a user who may still make its second entry the first
    entry's values are not shown (the core gives them an empty record); they are offered
    the second entry, or told why it cannot be made yet. None: show the form as usual;
    True: the second entry was saved (show it now); False: do not show it."""
    store = window.store
    if not record.blinded:
        return None
    label = shown_study(store.study).form(record.form).label
    why = store.double.refusal(record)
    if why:
        window.prompts.error(tr("Second entry"), why + "\n\n" + tr(
            "Its first entry is not shown to you until its second entry is made."))
        return False
    if not window.prompts.confirm(tr("Second entry"), tr(
            "'{form}' ({where}) awaits its second entry, and you did not key the first: "
            "its values are not shown to you. Key the paper page again now?").format(
                form=label, where=where(window, record))):
        return False
    return open_second_entry(window, record)


class DoubleEntrySteps:
    """Mixed into FormPage (ui.form_page): the line saying where the form stands in its
    double entry, and its two steps, Second entry… and Resolve differences…."""

    def double_line_widget(self) -> QLabel:
        self.double_line = QLabel()
        self.double_line.setObjectName("form_double_entry")
        self.double_line.setWordWrap(True)
        self.double_line.setTextFormat(Qt.TextFormat.PlainText)
        self.double_line.setStyleSheet("background: #fff7e0; border: 1px solid #e8d49a; "
                                       "padding: 3px;")
        self.double_line.hide()
        return self.double_line

    def double_entry_actions(self) -> None:
        self.second_entry_action = self._action("second_entry", tr("Second entr&y…"),
                                                lambda: self._double("second"))
        self.resolve_action = self._action("resolve_differences", tr("R&esolve differences…"),
                                           lambda: self._double("resolve"))
        # on the Form menu only (ui.main_menus): a rare step, kept off the tool bar
        self.withdraw_action = self._action("withdraw_second_entry",
                                            tr("&Withdraw the second entry…"),
                                            lambda: self._double("withdraw"))

    def refresh_double(self, rec: "FormRecord", fdef) -> None:
        from .fmt import gate

        line = state_text(self.main, rec) if fdef.double_entry or rec.instance_id else ""
        self.double_line.setText(line)
        self.double_line.setVisible(bool(line))
        if not fdef.double_entry:
            no = tr("This form is keyed once: the study definition asks no second entry.")
            for action in (self.second_entry_action, self.resolve_action,
                           self.withdraw_action):
                gate(action, no)
            return
        away = None if self.active else tr("Go to the Form page first (Ctrl+4).")
        store = self.main.store
        entry = store.double.entry(rec.instance_id) if rec.instance_id is not None else None
        if rec.blinded:  # an empty record: nothing of it is theirs to change
            held = tr("Its first entry is not shown to you until its second entry is made.")
            for action in (self.save_action, self.complete_action, self.next_action):
                gate(action, held)
            self.view.set_read_only(True)
            self.double_line.setText(line + " " + held)
        elif entry is not None and entry.open:  # the core refuses every other change now
            held = tr("Resolve the differences between the two entries first (Form > "
                      "Resolve differences…).")
            for action in (self.save_action, self.complete_action, self.next_action):
                gate(action, held)
            self.view.set_read_only(True)
        gate(self.second_entry_action, store.double.refusal(rec) or away,
             tr("Key this form again from its paper page, without seeing the first entry"))
        gate(self.resolve_action, store.double.resolution_refusal(rec) or away,
             tr("Choose, for each difference between the two entries, the value the paper "
                "holds"))
        gate(self.withdraw_action, store.double.withdrawal_refusal(rec) or away,
             tr("Take back a second entry keyed from the wrong page or with slips, before "
                "any of its differences is resolved"))

    def _double(self, step: str) -> None:
        """Second entry… or Resolve differences…, then the form as it is now."""
        if self.record is None:
            return
        if self.view is not None and self.view.is_dirty():
            self.main.prompts.error(tr("Save first"), tr(
                "The form has changes that are not saved: save them (Ctrl+S) or undo them "
                "first."))
            return
        opener = {"second": open_second_entry, "resolve": open_resolution,
                  "withdraw": withdraw_second_entry}[step]
        if opener(self.main, self.record):
            self.reload()
            self.changed_in_store.emit()
