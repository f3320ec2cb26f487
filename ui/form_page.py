"""The page that shows one form of one subject at one visit: header, editors, live values.

What it shows comes from core calls: the record (store.forms), visibility and messages
(alsdesk.rules.engine), derived values (alsdesk.overview.derived), what the user may do
(alsdesk.permissions). Saving, signing and locking are in ui.form_actions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QSplitter, QToolBar,
    QVBoxLayout, QWidget,
)

from alsdesk import permissions
from alsdesk.auth import Action
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.rules.context import check_context
from alsdesk.states import FormStatus, QueryStatus
from alsdesk.store.forms import FormRecord
from .i18n import shown as shown_study
from .derived_panel import DerivedPanel
from .fmt import approvals_html, gate, local_time
from . import double_steps
from .form_actions import FormActions
from .form_live import FormLive
from .form_renderer import FormView
from .icons import status_icon
from .suggestions import SuggestionPanel
from .lab_grades import LabGradePanel
from .terms_ui import offer_terms

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["FormPage"]

_NO_HELP = QT_TRANSLATE_NOOP("", "Click into a field to see its help here.")


class FormPage(QWidget, FormActions, FormLive, double_steps.DoubleEntrySteps):
    """One form instance on screen; at most one at a time (switching asks about changes)."""

    changed_in_store = Signal()  # data, status, signature or queries changed: refresh views

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.main = window
        self.setObjectName("form_page")
        self.subject: str | None = None
        self.event_id: str | None = None
        self.event_repeat = 1
        self.form_id: str | None = None
        self.repeat: int | None = 1  # None: a new entry of a repeating form, not saved yet
        self.record: FormRecord | None = None
        self.view: FormView | None = None
        self.restricted: frozenset[str] = frozenset()
        self.active = False  # whether the Form page is the one on screen (ui.main_window)
        self._views: dict[tuple[str, frozenset[str]], FormView] = {}
        self.required_shown: set[str] = set()  # fields "required" was said of, until filled
        self.check_context: dict[str, Any] = {}
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(0)
        self._live.timeout.connect(self.refresh_live)
        self._build()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 4)
        head = QHBoxLayout()
        # title and place on one line: the rows of a form need the height
        titles = QHBoxLayout()
        titles.setSpacing(14)
        self.title = QLabel(tr("No form open"))
        self.title.setObjectName("form_title")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.place = QLabel(tr("Open a form from a subject's casebook."))
        self.place.setObjectName("form_place")
        self.place.setStyleSheet("color: #3c4043;")
        titles.addWidget(self.title, 0, Qt.AlignmentFlag.AlignBaseline)
        titles.addWidget(self.place, 1, Qt.AlignmentFlag.AlignBaseline)
        head.addLayout(titles, 1)
        self.status_icon = QLabel()
        self.status_text = QLabel()
        self.status_text.setObjectName("form_status")
        self.status_text.setStyleSheet("font-weight: bold;")
        self.modified = QLabel(tr("● modified, not saved"))
        self.modified.setObjectName("form_modified")
        self.modified.setStyleSheet("color: #b45309; font-weight: bold; padding-right: 12px;")
        self.modified.setAccessibleName(tr("The form has changes that are not saved"))
        self.modified.hide()
        head.addWidget(self.modified)
        head.addWidget(self.status_icon)
        head.addWidget(self.status_text)
        outer.addLayout(head)
        self.signature = QLabel()
        self.signature.setObjectName("form_signature")
        self.signature.setWordWrap(True)
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signature.setStyleSheet("background: #eef3fb; border: 1px solid #c5d5ee; "
                                     "padding: 4px;")
        self.signature.hide()
        outer.addWidget(self.signature)
        outer.addWidget(self.double_line_widget())
        outer.addWidget(self._buttons())
        split = QSplitter(Qt.Orientation.Horizontal)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setObjectName("form_scroll")
        split.addWidget(self.scroll_area)
        side = QWidget()
        side.setMinimumWidth(240)
        self.side = QVBoxLayout(side)
        self.side.setContentsMargins(4, 0, 0, 0)
        self.derived = DerivedPanel()
        self.side.addWidget(self.derived)
        self.lab_grades = LabGradePanel()
        self.side.addWidget(self.lab_grades)
        self.suggestion_panel = SuggestionPanel()
        self.side.addWidget(self.suggestion_panel)
        self.queries_box = QGroupBox(tr("Queries on this form"))
        self.queries_label = QLabel(tr("None."))
        self.queries_label.setObjectName("form_queries")
        self.queries_label.setWordWrap(True)
        QVBoxLayout(self.queries_box).addWidget(self.queries_label)
        self.side.addWidget(self.queries_box)
        self.help_box = QGroupBox(tr("About this field"))
        self.help_label = QLabel(tr(_NO_HELP))
        self.help_label.setObjectName("field_help")
        self.help_label.setWordWrap(True)
        QVBoxLayout(self.help_box).addWidget(self.help_label)
        self.side.addWidget(self.help_box)
        self.side.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(side)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setMinimumWidth(250)  # the derived values stay readable beside a grid
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 300])
        self.split = split
        outer.addWidget(split, 1)

    def _action(self, name: str, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(False)
        return action

    def _buttons(self) -> QToolBar:
        self.save_action = self._action("save", tr("&Save draft"), self.save, "Ctrl+S")
        self.complete_action = self._action("complete", tr("Mark &complete"), self.mark_complete,
                                            "Ctrl+Return")
        self.next_action = self._action("save_next", tr("Save and ne&xt form"),
                                        self.save_and_next, "Ctrl+Shift+Return")
        self.sign_action = self._action("sign", tr("Si&gn form…"), self.sign_form)
        self.verify_action = self._action("verify", tr("&Verify"), self.verify_form)
        self.lock_action = self._action("lock", tr("&Lock"), self.lock_form)
        self.unlock_action = self._action("unlock", tr("&Unlock…"), self.unlock_form)
        self.delete_action = self._action("delete", tr("&Delete entry…"), self.delete_entry)
        self.query_action = self._action("raise_query", tr("Raise &query…"),
                                         lambda: self.raise_query(None))
        self.history_action = self._action("history", tr("&History…"),
                                           lambda: self.show_history(None))
        self.double_entry_actions()
        self.form_actions = [self.save_action, self.complete_action, self.next_action,
                             self.sign_action,
                             self.verify_action, self.lock_action, self.unlock_action,
                             self.delete_action, self.query_action, self.history_action,
                             self.second_entry_action, self.resolve_action]
        # A tool bar, not a row of buttons: on a narrow window (1024 px, 150 %) the buttons
        # that do not fit go behind its » menu instead of widening the whole window.
        bar = QToolBar()
        bar.setObjectName("form_buttons")
        bar.setAccessibleName(tr("Form actions"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        bar.setStyleSheet("QToolBar { border: none; spacing: 4px; } "
                          "QToolButton { border: 1px solid #b0b4ba; border-radius: 3px; "
                          "padding: 2px 6px; } QToolButton:disabled { color: #9aa0a6; "
                          "border-color: #dadce0; }")
        for i, action in enumerate(self.form_actions):
            if i in (3, 5, 7, 10):
                bar.addSeparator()
            bar.addAction(action)
            bar.widgetForAction(action).setObjectName(f"{action.objectName()}_button")
        return bar

    # -- loading -------------------------------------------------------------------------
    def has_form(self) -> bool:
        return self.view is not None

    def load(self, subject: str, event: str, form_id: str, *, event_repeat: int = 1,
             repeat: int | None = 1) -> bool:
        """Show a form (repeat=None: a new entry); False if the user kept the current one."""
        if not self.maybe_leave():
            return False
        store = self.main.store
        fdef = shown_study(store.study).form(form_id)  # its words in the language in use
        restricted = permissions.restricted_fields(store.role, fdef)
        if restricted and set(restricted) >= set(fdef.field_ids):
            self.main.prompts.error(
                tr("Restricted"), tr("'{form}' holds direct identifiers only, shown to site "
                                     "staff only ({reason})").format(
                    form=fdef.label,
                    reason=permissions.role_refusal(store.role, Action.VIEW_IDENTIFIERS) or ""))
            return False
        if repeat is None:
            record = FormRecord(subject, event, event_repeat, form_id, 0, None,
                                FormStatus.NOT_STARTED, {}, {})
        else:
            record = store.forms.get(subject, event, form_id, event_repeat=event_repeat,
                                     repeat=repeat)
            shown = double_steps.blind(self.main, record)  # the first entry kept from view
            if shown is False:
                return False
            if shown:
                record = store.forms.get(subject, event, form_id, event_repeat=event_repeat,
                                         repeat=repeat)
        self.subject, self.event_id, self.event_repeat = subject, event, event_repeat
        self.form_id, self.repeat, self.restricted = form_id, repeat, restricted
        view = self._view_for(fdef, restricted)
        if self.scroll_area.widget() is not view:
            self._park(self.scroll_area.takeWidget())
            self.scroll_area.setWidget(view)
        self.view = view
        # a grid's score columns want the width: the side panel shrinks to its minimum
        self.split.setSizes([100000, 1] if fdef.layout == "grid" else [1000, 300])
        self._rebuild_side(fdef)
        self.show_record(record)
        return True

    def set_active(self, active: bool) -> None:
        """The Form page came into view (or left it): its buttons follow."""
        if active != self.active:
            self.active = active
            self.refresh_state()

    def reopen(self) -> None:
        """Show the same form again (after another user logged in: other role, other rights).

        The editors kept from the previous session are dropped: nothing the last user saw
        stays behind, even hidden.
        """
        place = (self.subject, self.event_id, self.form_id)
        self._park(self.scroll_area.takeWidget())
        self.view = None
        for view in self._views.values():
            view.deleteLater()
        self._views.clear()
        if None in place:
            self.clear()
            return
        if not self.load(self.subject, self.event_id, self.form_id,  # type: ignore[arg-type]
                         event_repeat=self.event_repeat, repeat=self.repeat):
            self.clear()

    def _view_for(self, fdef, restricted: frozenset[str]) -> FormView:
        """The editors of a form, built once and reused (building a long form takes time)."""
        role = self.main.store.role
        key = (fdef.id, restricted, role)  # help and tool tips differ by role
        view = self._views.get(key)
        if view is None:
            labels = {m.code: m.label for m in shown_study(self.main.store.study).missing_codes}
            helps = {f.id: h for f in fdef.fields if (h := permissions.field_help(role, f))}
            view = FormView(fdef, labels, restricted, helps=helps)
            view.changed.connect(self._changed)
            view.left.connect(self.field_left)
            view.context_requested.connect(self.field_menu)
            view.moved_to.connect(lambda fid: self._focus(fid))
            self._views[key] = view
        return view

    def _park(self, view: QWidget | None) -> None:
        """Keep a view that leaves the screen hidden under this page, ready for next time."""
        if view is not None:
            view.hide()
            view.setParent(self)  # destroyed with the page, never a window of its own

    def clear(self) -> None:
        """No form on screen."""
        self._park(self.scroll_area.takeWidget())
        self.view = None
        self.record = None
        self.subject = self.event_id = self.form_id = None
        self.title.setText(tr("No form open"))
        self.place.setText(tr("Open a form from a subject's casebook."))
        self.derived.reset()
        self.derived.hide()
        self.lab_grades.hide()
        self.status_text.clear()
        self.status_icon.clear()
        self.modified.hide()
        self.suggestion_panel.show_for(None, {})
        self.signature.hide()
        self.refresh_state()

    def _rebuild_side(self, fdef) -> None:
        self.derived.reset()
        self.derived.setVisible(bool(fdef.derived))
        self.help_label.setText(tr(_NO_HELP))

    def show_record(self, record: FormRecord) -> None:
        """Put a stored record on screen; it becomes the unchanged state."""
        assert self.view is not None
        self.record = record
        if record.instance_id is not None:
            self.repeat = record.repeat
        self.view.load(record.values, record.missing)
        offer_terms(self.view, self.main.store)  # the CTCAE terms, as the nurse types
        self.required_shown: set[str] = set()
        # what the form's checks read from the subject's other forms (consent date, the
        # infusion start, the visit window): read once per showing, so the messages at the
        # fields say what marking complete would say
        self.check_context = check_context(self.main.store, record.subject, record.event,
                                           record.form, event_repeat=record.event_repeat)
        self.refresh_state()
        self.refresh_live()
        self._mark_modified()

    def reload(self) -> None:
        """Read the record again from the store (after a sign, lock, verify ...)."""
        if self.record is not None and self.record.instance_id is not None:
            self.show_record(self.main.store.forms.get_instance(self.record.instance_id))
        else:
            self.refresh_state()

    def refresh_state(self) -> None:
        """Header, signature, buttons and read-only state from the record and the role."""
        if self.view is None or self.record is None:
            for action in self.form_actions + [self.withdraw_action]:
                gate(action, tr("Open a form first."))
            return
        store, rec = self.main.store, self.record
        fdef = shown_study(store.study).form(rec.form)
        event = shown_study(store.study).event(rec.event)
        self.title.setText(fdef.label)
        where = event.label + (f" {rec.event_repeat}" if event.repeating else "")
        entry = ""
        if fdef.repeating:
            entry = " · " + (tr("new entry") if self.repeat is None
                             else tr("entry {n}").format(n=self.repeat))
        saved = (" · " + tr("last saved {when} by {user}").format(
            when=local_time(rec.updated_at), user=rec.updated_by) if rec.updated_at else "")
        self.place.setText(tr("Subject {subject} · {where}{entry}{saved}").format(
            subject=rec.subject, where=where, entry=entry, saved=saved))
        self.status_icon.setPixmap(status_icon(rec.status).pixmap(20, 20))
        self.status_text.setText(rec.status.shown)
        self._show_signature(rec)
        allowed = permissions.form_steps(store.role, rec.status, repeating=fdef.repeating,
                                           verified=bool(rec.verified_at))
        S = permissions.Step
        steps = allowed
        if not self.active:  # Ctrl+S on another page must not save a form out of sight
            away = tr("Go to the Form page first (Ctrl+4).")
            steps = {step: refusal or away for step, refusal in allowed.items()}
        if rec.status.is_complete:  # saving keeps it complete: the checks run again
            self.save_action.setText(tr("&Save"))
            gate(self.save_action, steps[S.EDIT], tr("Save the change; the form stays complete "
                                                     "(the checks run again, a reason is asked) "
                                                     "(Ctrl+S)"))
        else:
            self.save_action.setText(tr("&Save draft"))
            gate(self.save_action, steps[S.EDIT], tr("Save what is typed as a draft (Ctrl+S)"))
        gate(self.next_action, steps[S.EDIT],
             tr("Mark complete and open the visit's next form (Ctrl+Shift+Return)"))
        gate(self.complete_action, steps[S.EDIT], tr("Run every check and mark the form complete"))
        gate(self.sign_action, steps[S.SIGN], tr("Sign this form electronically"))
        gate(self.verify_action, steps[S.VERIFY], tr("Record source data verification"))
        gate(self.lock_action, steps[S.LOCK], tr("Lock the form against changes"))
        gate(self.unlock_action, steps[S.UNLOCK], tr("Unlock the form (with a reason)"))
        gate(self.delete_action, steps[S.DELETE], tr("Withdraw this entry (with a reason)"))
        gate(self.query_action, steps[S.RAISE_QUERY],
             tr("Ask the site a question about this form"))
        no_history = (tr("Nothing is recorded yet.") if rec.instance_id is None
                      else permissions.role_refusal(store.role, Action.VIEW_AUDIT))
        gate(self.history_action, no_history, tr("The audit trail of this form"))
        self.view.set_read_only(allowed[S.EDIT] is not None or store.readonly)
        self.refresh_double(rec, fdef)  # while its two entries differ, it does not change
        self._show_queries()

    def _show_signature(self, rec: FormRecord) -> None:
        text = approvals_html(rec)
        self.signature.setText(text)
        self.signature.setVisible(bool(text))

    def _show_queries(self) -> None:
        by_field: dict[str, list[str]] = {}
        lines = []
        rec = self.record
        if rec is not None and rec.instance_id is not None:
            for q in self.main.store.queries.list(instance_id=rec.instance_id):
                if q.status is QueryStatus.CLOSED:
                    continue
                by_field.setdefault(q.field or "", []).append(q.text)
                where = (self.view.form.field(q.field).label
                         if self.view and q.field in self.view.form.field_ids else tr("form"))
                answer = "<br>" + tr("Answer: {answer}").format(answer=q.answer) if q.answer else ""
                lines.append(f"<b>#{q.id} {q.status.shown}</b> ({where}): {q.text}{answer}")
        if self.view is not None:
            self.view.set_queries(by_field)
        self.queries_label.setText("<br><br>".join(lines) or tr("None."))
