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

__all__ = ["SecondEntryDialog", "ResolveDialog"]


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


def _scrolled(layout: QVBoxLayout, widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    layout.addWidget(scroll, 1)
    return scroll


def _closing_buttons(dialog: QDialog, layout: QVBoxLayout, text: str, name: str, tip: str,
                     slot, keys: tuple[str, ...]) -> QPushButton:
    """The dialog's step button and Cancel; the step also on `keys`. The step is no default
    button: Enter never takes it (_Keys)."""
    buttons = QDialogButtonBox()
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setDefault(False)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(dialog.reject)
    layout.addWidget(buttons)
    for key in keys:
        QShortcut(QKeySequence(key), dialog, activated=slot)
    return button


def where(window: "MainWindow", rec: "FormRecord") -> str:
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
        head = QLabel(f"<b>{_esc(fdef.label)}</b> · {_esc(where(window, record))}")
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
        self.scroll = _scrolled(layout, self.view)
        self.save_button = _closing_buttons(self, layout, tr("&Save second entry"),
                                            "second_entry_save", tr(
            "Compare with the first entry and keep this one (Ctrl+S)"), self.save,
                                            ("Ctrl+S", "Ctrl+Return"))
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


_CONTEXT = 60  # characters kept on each side of what differs in a long text


def _direction(text: str) -> str:
    """"rtl" or "ltr": the text's first strong character's (Unicode's paragraph rule)."""
    import unicodedata

    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _side(text: str, other: str) -> QLabel:
    """One side of a difference, wrapped (a memo's 4,000 characters ran off the dialog),
    the part that differs from the other side marked: the rest is the same on both."""
    start = next((i for i, (x, y) in enumerate(zip(text, other)) if x != y),
                 min(len(text), len(other)))
    end = len(text)
    while end > start and len(other) - (len(text) - end) > start and \
            text[end - 1] == other[len(other) - (len(text) - end) - 1]:
        end -= 1
    # a long text keeps some words on each side of what differs, the rest said in a count
    cut = text.find(" ", start - _CONTEXT, start) + 1  # at a word's start
    head = _esc(text[:start]) if start <= 2 * _CONTEXT else (
        "… " + _esc(text[cut or start - _CONTEXT:start]))
    stop = text.rfind(" ", end, end + _CONTEXT)
    tail = _esc(text[end:]) if len(text) - end <= 2 * _CONTEXT else (
        _esc(text[end:stop if stop > end else end + _CONTEXT]) + " …")
    shown = head + '<span style="background: #ffe08a;">' + _esc(text[start:end]) + \
        "</span>" + tail
    if start == end and len(other) > len(text):  # this one lacks what the other has
        shown += "<br><i>" + _esc(tr("(as the other entry up to character {a:,}; the other "
                                     "has more there)").format(a=start)) + "</i>"
    elif start > 2 * _CONTEXT or len(text) - end > 2 * _CONTEXT:
        shown += "<br><i>" + _esc(tr("(characters {a:,} to {b:,} of {n:,} differ; the rest "
                                     "is as in the other entry)").format(
            a=start + 1, b=max(end, start + 1), n=len(text))) + "</i>"
    # the whole text's direction, not the excerpt's (a cut may begin in a Persian word)
    label = QLabel(f'<div dir="{_direction(text)}">{shown}</div>')
    label.setTextFormat(Qt.TextFormat.RichText)  # the texts themselves escaped
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


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
        head = QLabel(f"<b>{_esc(self.form.label)}</b> · {_esc(where(window, record))}")
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
        _scrolled(layout, body)
        self.resolve_button = _closing_buttons(self, layout, tr("&Resolve"), "resolve_save",
                                               tr("Put the chosen values into the form, with "
                                                  "the reasons (Ctrl+Return)"), self.resolve,
                                               ("Ctrl+Return",))
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
        first = _Choice(tr("&First entry:"))
        second = _Choice(tr("&Second entry:"))
        a = self._shown(d.field, d.first_value, d.first_missing, codes)
        b = self._shown(d.field, d.second_value, d.second_missing, codes)
        first_value, second_value = _side(a, b), _side(b, a)
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
        grid.addWidget(first, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(first_value, 0, 1)
        grid.addWidget(second, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(second_value, 1, 1)
        grid.setColumnStretch(1, 1)
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
