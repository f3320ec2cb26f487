"""Double data entry in the window: the blind second entry of a form, and the resolution of
its differences (the rules are the core's: alsdesk.store.double).

The second entry is a fresh set of the form's editors, empty: the first entry's values are
on no widget of this dialog. Saving hands what was typed to store.double.enter, which
compares it with the first; what it found is said at once. The resolution shows each
difference with both values, the choice of one or of another value, and its reason.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QLineEdit,
    QMenu, QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget,
)

from alsdesk import datefmt
from alsdesk.errors import AlsDeskError, ValidationError
from alsdesk.i18n import tr
from alsdesk.rules import engine
from alsdesk.store.double import Decision, SecondEntry
from alsdesk.study import values as fv
from alsdesk.study.model import Severity
from .fmt import site_format
from .form_renderer import FormView
from .i18n import shown as shown_study

if TYPE_CHECKING:
    from alsdesk.store.records import FormRecord
    from .main_window import MainWindow

__all__ = ["DoubleEntrySteps", "SecondEntryDialog", "ResolveDialog", "open_second_entry",
           "open_resolution"]


class _Keys:
    """Enter never saves (one Enter had saved a second entry of one field: saving is
    Ctrl+S, Ctrl+Return or the button itself). In the form's questions Enter goes on to the
    next (ui.form_renderer); in a resolution's reasons, to the next difference; a focused
    button is pressed by it."""

    enter_moves = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if self.enter_moves:
                self.focusNextChild()
            return
        super().keyPressEvent(event)


class _Choice(QRadioButton):
    """A choice of a difference: the arrows choose as they move, also before any choice
    was made (Qt's radio buttons then only move the focus, and the choice seen under the
    focus was not the one made)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            now = QApplication.focusWidget()
            if isinstance(now, _Choice) and now.group() is self.group() and \
                    not now.isChecked():
                now.setChecked(True)


def _where(window: "MainWindow", rec: "FormRecord") -> str:
    study = shown_study(window.store.study)
    event = study.event(rec.event)
    form = study.form(rec.form)
    visit = event.label + (f" {rec.event_repeat}" if event.repeating else "")
    entry = (" · " + tr("entry {n}").format(n=rec.repeat)) if form.repeating else ""
    return tr("Subject {subject} · {where}{entry}").format(subject=rec.subject, where=visit,
                                                           entry=entry)


class SecondEntryDialog(_Keys, QDialog):
    """The form's editors, empty, for keying the paper page a second time."""

    def __init__(self, window: "MainWindow", record: "FormRecord") -> None:
        super().__init__(window)
        self.main, self.record = window, record
        self.result_entry: SecondEntry | None = None
        fdef = shown_study(window.store.study).form(record.form)
        self.setObjectName("second_entry_dialog")
        self.setWindowTitle(tr("Second entry: {form}").format(form=fdef.label))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{_esc(fdef.label)}</b> · {_esc(_where(window, record))}")
        head.setObjectName("second_entry_place")
        layout.addWidget(head)
        note = QLabel(tr("Key the paper page again, as it is written. The first entry is not "
                         "shown; the two are compared when you save, and any difference is "
                         "resolved afterwards by the first keyer or a third person. F2 on a "
                         "question: its missing-data codes."))
        note.setWordWrap(True)
        note.setObjectName("second_entry_note")
        layout.addWidget(note)
        labels = {m.code: m.label for m in shown_study(window.store.study).missing_codes}
        self.view = FormView(fdef, labels)
        self.view.load({}, {})
        self.view.changed.connect(self._changed)
        self.view.context_requested.connect(self._menu)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        scroll.setObjectName("second_entry_scroll")
        self.scroll = scroll
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(tr("&Save second entry"))
        self.save_button.setObjectName("second_entry_save")
        self.save_button.setToolTip(tr("Compare with the first entry and keep this one "
                                       "(Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(False)  # Enter goes to the next question (_Keys)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+S", "Ctrl+Return"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        self._changed("")
        first = self.view.first_input()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, _fid: str) -> None:
        c = self.view.collect()
        values = {k: v for k, v in c.values.items() if v is not None}
        missing = {k: v for k, v in c.missing.items() if v}
        self.view.apply_visibility(engine.visibility(self.view.form, values, missing),
                                   set(values) | set(missing) | set(c.errors))
        self.view.show_units(values)

    def _menu(self, field_id: str, widget: QWidget, pos: QPoint) -> None:
        """F2: the question's missing-data codes (nothing of the first entry)."""
        row = self.view.rows[field_id]
        if row.missing is None:
            return
        menu = QMenu(self)
        labels = {m.code: m.label for m in shown_study(self.main.store.study).missing_codes}
        current = self.view.code(field_id)
        first = None
        for code in [*row.field.missing, None]:  # the codes first: Down, Enter picks one
            text = tr("No missing-data code") if code is None else f"{code} – {labels.get(code, code)}"
            act = menu.addAction(text, lambda c=code: self.view.set_code(field_id, c))
            act.setCheckable(True)
            act.setChecked(code == current)
            if first is None or code == current:
                first = act
        menu.setActiveAction(first)
        menu.exec(pos)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        c = self.view.collect()
        prompts = self.main.prompts
        if c.errors:
            for fid, message in c.errors.items():
                self.view.set_messages(fid, [(Severity.HARD, message)])
            prompts.error(tr("Not saved"), tr("These entries cannot be read:") + "\n"
                          + "\n".join(f"- {m}" for m in c.errors.values()) + "\n\n"
                          + tr("Nothing was saved; what you typed is still on screen."))
            self._focus(next(iter(c.errors)))
            return
        values = {k: v for k, v in c.values.items() if v is not None}
        missing = {k: v for k, v in c.missing.items() if v}
        if not values and not missing:
            prompts.error(tr("Not saved"), tr("Nothing is typed: key the paper page first."))
            return
        from alsdesk.store.double import unanswered

        blank = unanswered(self.view.form, values, missing)
        if blank and not prompts.confirm(tr("Required questions blank"), tr(
                "{n} required question(s) are blank: {fields}.\n\nIf the paper page leaves "
                "them blank, give each its missing-data code (F2). Save the second entry "
                "with them blank?").format(
                    n=len(blank), fields=", ".join(blank[:8]) + (", …" if len(blank) > 8
                                                                 else "")),
                destructive=True):
            return
        rec = self.record
        try:
            entry = self.main.store.double.enter(rec.subject, rec.event, rec.form, values,
                                                 missing, event_repeat=rec.event_repeat,
                                                 repeat=rec.repeat)
        except ValidationError as exc:
            if exc.field in self.view.rows:
                self.view.set_messages(exc.field, [(Severity.HARD, exc.message)])
                self._focus(exc.field)
            prompts.error(tr("Not saved"), f"{exc}\n\n"
                          + tr("Nothing was saved; what you typed is still on screen."))
            return
        except AlsDeskError as exc:
            prompts.error(tr("Not saved"), f"{exc}\n\n"
                          + tr("Nothing was saved; what you typed is still on screen."))
            return
        self.result_entry = entry
        fdef = self.view.form
        if entry.differences:
            names = "\n".join(f"- {fdef.field(d.field).label}" for d in entry.differences)
            prompts.info(tr("Second entry saved"), tr(
                "{fields} fields compared; {n} differ from the first entry:\n{names}\n\nThe "
                "first keyer or a third person resolves them with the paper page (Form > "
                "Resolve differences…); until then the form cannot be completed.").format(
                    fields=entry.fields, n=len(entry.differences), names=names))
        else:
            prompts.info(tr("Second entry saved"), tr(
                "{fields} fields compared: both entries agree. The form can now be marked "
                "complete.").format(fields=entry.fields))
        self.accept()

    def _focus(self, field_id: str) -> None:
        widgets = self.view.editor(field_id).focus_widgets()
        if widgets:
            self.scroll.ensureWidgetVisible(widgets[0])
            widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Esc or Cancel: what was typed is not thrown away without a word."""
        if self.view.is_dirty() and not self.main.prompts.confirm(
                tr("Discard the second entry?"),
                tr("What you typed of the second entry is not saved. Close and discard it?"),
                destructive=True):
            return
        super().reject()


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


class ResolveDialog(_Keys, QDialog):
    """Each open difference: both values, which one is right (or another), and why."""

    enter_moves = True

    def __init__(self, window: "MainWindow", record: "FormRecord", entry: SecondEntry) -> None:
        super().__init__(window)
        self.main, self.record, self.entry = window, record, entry
        study = shown_study(window.store.study)
        self.form = study.form(record.form)
        self.setObjectName("resolve_dialog")
        self.setWindowTitle(tr("Resolve differences: {form}").format(form=self.form.label))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{_esc(self.form.label)}</b> · {_esc(_where(window, record))}")
        layout.addWidget(head)
        note = QLabel(tr("Look at the paper page. For each difference choose the value it "
                         "holds (the first entry's, the second's, or type another) and say "
                         "why. The first entry was keyed by {first}, the second by "
                         "{second}.").format(first=", ".join(entry.first_by) or "?",
                                             second=entry.entered_by))
        note.setWordWrap(True)
        layout.addWidget(note)
        body = QWidget()
        rows = QVBoxLayout(body)
        self.items: dict[str, tuple[QButtonGroup, QLineEdit, QLineEdit]] = {}
        codes = {m.code: m.label for m in study.missing_codes}
        for d in entry.open:
            rows.addWidget(self._item(d, codes))
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.resolve_button = QPushButton(tr("&Resolve"))
        self.resolve_button.setObjectName("resolve_save")
        self.resolve_button.setToolTip(tr("Put the chosen values into the form, with the "
                                          "reasons (Ctrl+Return)"))
        self.resolve_button.clicked.connect(self.resolve)
        buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.resolve_button.setDefault(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.resolve)
        first = next(iter(self.items.values()), None)
        if first is not None:
            first[0].buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _shown(self, field_id: str, value: str | None, code: str | None,
               codes: dict[str, str]) -> str:
        if code is not None:
            return f"{code} – {codes.get(code, code)}"
        if value is None:
            return tr("(blank)")
        f = self.form.field(field_id)
        try:
            return datefmt.shown_value(f, fv.from_text(f, value), site_format())
        except AlsDeskError:
            return value

    def _item(self, d, codes: dict[str, str]) -> QGroupBox:
        f = self.form.field(d.field)
        box = QGroupBox(f.label)
        box.setObjectName(f"resolve_{d.field}")
        grid = QGridLayout(box)
        group = QButtonGroup(box)
        first = _Choice(tr("&First entry: {value}").format(
            value=self._shown(d.field, d.first_value, d.first_missing, codes)))
        second = _Choice(tr("&Second entry: {value}").format(
            value=self._shown(d.field, d.second_value, d.second_missing, codes)))
        other = _Choice(tr("&Another value:"))
        other_text = QLineEdit()
        other_text.setObjectName(f"resolve_{d.field}_other")
        other_text.setPlaceholderText(tr("as the paper page holds it; or a missing-data code "
                                         "({codes})").format(codes=", ".join(f.missing) or "–")
                                      if f.missing else tr("as the paper page holds it"))
        # reached (and typed in) only once "another value" is chosen: Tab from a choice goes
        # on to its reason, so a reason is never typed as a value
        other_text.setEnabled(False)
        other.toggled.connect(other_text.setEnabled)
        reason = QLineEdit()
        reason.setObjectName(f"resolve_{d.field}_reason")
        reason.setPlaceholderText(tr("why (for example: as on the paper page)"))
        for i, (name, button) in enumerate((("first", first), ("second", second),
                                            ("other", other))):
            button.setObjectName(f"resolve_{d.field}_{name}")
            group.addButton(button, i)
        grid.addWidget(first, 0, 0, 1, 2)
        grid.addWidget(second, 1, 0, 1, 2)
        grid.addWidget(other, 2, 0)
        grid.addWidget(other_text, 2, 1)
        grid.addWidget(QLabel(tr("Reason:")), 3, 0)
        grid.addWidget(reason, 3, 1)
        self.items[d.field] = (group, other_text, reason)
        return box

    def reject(self) -> None:
        """Esc or Cancel: choices made are not dropped without a word."""
        chosen = any(group.checkedId() >= 0 or reason.text().strip()
                     for group, _other, reason in self.items.values())
        if chosen and not self.main.prompts.confirm(
                tr("Discard your choices?"),
                tr("Nothing is resolved yet. Close and discard the choices and reasons "
                   "typed?"), destructive=True):
            return
        super().reject()

    def _hard_findings(self) -> list[str]:
        """The hard checks the form fails as it now is (with the subject's other forms)."""
        from alsdesk.rules.context import check_context
        from alsdesk.study.model import Severity as S

        store, rec = self.main.store, self.record
        now = store.forms.get_instance(rec.instance_id)
        context = check_context(store, rec.subject, rec.event, rec.form,
                                event_repeat=rec.event_repeat)
        found = engine.evaluate(self.form, {**context, **now.values}, now.missing)
        return [f.message for f in found if f.severity is S.HARD
                and not f.check_id.startswith("required:")]

    def decisions(self) -> list[Decision]:
        """The differences given a choice, as the core takes them (the typed value read as
        the form reads it; a missing-data code typed as itself)."""
        out = []
        for fid, (group, other_text, reason) in self.items.items():
            choice = {0: "first", 1: "second", 2: "other"}.get(group.checkedId())
            if choice is None:
                continue
            value: Any = None
            code: str | None = None
            if choice == "other":
                f = self.form.field(fid)
                typed = other_text.text().strip()
                if typed.upper() in f.missing:
                    code = typed.upper()
                else:
                    value = fv.parse_value(f, typed)  # ValidationError: said by resolve()
            out.append(Decision(fid, choice, reason.text(), value, code))
        return out

    def resolve(self) -> None:
        prompts = self.main.prompts
        try:
            decisions = self.decisions()
            if not decisions:
                prompts.error(tr("Nothing resolved"), tr(
                    "Choose, for at least one difference, the value the paper page holds."))
                return
            self.main.store.double.resolve(self.entry.instance_id, decisions)
        except AlsDeskError as exc:
            prompts.error(tr("Not resolved"), f"{exc}\n\n" + tr(
                "Nothing was changed; your choices are still on screen."))
            return
        left = len(self.entry.open) - len(decisions)
        text = (tr("{n} difference(s) resolved; {left} left.").format(n=len(decisions),
                                                                     left=left)
                if left else tr("Every difference is resolved: both entries now agree, and "
                                "the form can be marked complete."))
        failing = self._hard_findings()
        if failing:  # what marking complete will say: better now, with the page in hand
            text += "\n\n" + tr("The form's checks find these with the values chosen; "
                                   "correct them (with a reason) before marking it "
                                   "complete:") + "\n" + "\n".join(f"- {m}" for m in failing)
        prompts.info(tr("Differences resolved"), text)
        self.accept()


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
        first = ", ".join(store.double.first_keyers(record.instance_id)) \
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
    if not store.double.blinded(record):
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
                form=label, where=_where(window, record))):
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
        if store.double.blinded(rec):  # an empty record: nothing of it is theirs to change
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
