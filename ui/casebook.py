"""A subject's casebook: visit matrix and schedule, running logs, eligibility and dose."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QTabWidget,
    QVBoxLayout, QWidget,
)

from alsdesk import dashboard, datefmt, overview, permissions
from alsdesk.auth import Action
from alsdesk.derive import DerivedValue, eligibility_text
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from alsdesk.states import FormStatus
from alsdesk.store.signoff import signoff
from alsdesk.study.model import EventKind
from .derived_panel import EligibilityView
from .fmt import gate, site_format
from .i18n import shown as shown_study
from .log_tables import LogTable
from .schedule_table import ScheduleTable
from .visit_matrix import VisitMatrix

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["CasebookPage"]


def _find_derived(study, function: str) -> tuple[str, str, str] | None:
    """(event, form, derived id) of the first visit form computing `function`."""
    for event in study.events:
        if event.kind is not EventKind.VISIT:
            continue
        for form_id in event.forms:
            for d in study.form(form_id).derived:
                if d.function == function:
                    return event.id, form_id, d.id
    return None


class CasebookPage(QWidget):
    """Everything recorded for one subject, and the way into each form."""

    open_form = Signal(str, str, int, object)  # event, form, event repeat, repeat (None = new)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.main = window
        self.setObjectName("casebook")
        self.subject: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        head = QHBoxLayout()
        self.code = QLabel(tr("No subject open"))
        self.code.setObjectName("casebook_subject")
        self.code.setStyleSheet("font-size: 15pt; font-weight: bold;")
        head.addWidget(self.code)
        self.summary = QLabel(tr("Open a subject from the Subjects list."))
        self.summary.setObjectName("casebook_summary")
        self.summary.setWordWrap(True)
        head.addWidget(self.summary, 1)
        self.status_button = QPushButton(tr("Change status…"))
        self.status_button.setObjectName("change_status")
        self.status_button.clicked.connect(self.change_status)
        self.unscheduled_button = QPushButton(tr("New unscheduled visit"))
        self.unscheduled_button.setObjectName("new_unscheduled")
        self.unscheduled_button.clicked.connect(self.new_unscheduled)
        self.sign_button = QPushButton(tr("Sign visit…"))
        self.sign_button.setObjectName("sign_visit")
        self.sign_button.clicked.connect(self.sign_visit)
        self.lock_button = QPushButton(tr("Lock casebook…"))
        self.lock_button.setObjectName("lock_casebook")
        self.lock_button.clicked.connect(self.lock_casebook)
        layout.addLayout(head)
        # The actions on a row of their own: beside the subject they made the window at least
        # 828 px wide (wider than an 800 px screen) once "Lock casebook…" joined them.
        actions = QHBoxLayout()
        actions.addStretch(1)
        for b in (self.status_button, self.unscheduled_button, self.sign_button,
                  self.lock_button):
            actions.addWidget(b)
        layout.addLayout(actions)
        self.eligibility_line = QLabel()
        self.eligibility_line.setObjectName("casebook_eligibility")
        self.eligibility_line.setWordWrap(True)
        layout.addWidget(self.eligibility_line)
        from .sae_view import SaePanel

        self.sae_panel = SaePanel(self.print_sae_report)  # the SAE clock (alsdesk.safety.sae)
        layout.addWidget(self.sae_panel)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("casebook_tabs")
        layout.addWidget(self.tabs, 1)
        self._build_tabs()
        self._gate()

    def _build_tabs(self) -> None:
        study = shown_study(self.main.store.study)
        self.matrix = VisitMatrix()
        self.matrix.open_form.connect(
            lambda ev, n, form, rep: self.open_form.emit(ev, form, n, rep))
        self.matrix.currentCellChanged.connect(lambda *_: self._gate())
        # Alt+V is the View menu; the matrix and the schedule each get the whole width (side
        # by side, the schedule's columns were cut at 1024 px)
        self.tabs.addTab(self.matrix, tr("V&isits"))
        self.schedule = ScheduleTable()
        self.tabs.addTab(self.schedule, tr("&Schedule"))
        self.logs: dict[str, LogTable] = {}
        self._add_logs(study)
        extra = QWidget()
        row = QHBoxLayout(extra)
        box = QGroupBox(tr("Eligibility (computed from the screening forms)"))
        self.eligibility = EligibilityView()
        inner = QVBoxLayout(box)
        inner.addWidget(self.eligibility)
        inner.addStretch(1)
        row.addWidget(box, 3)
        self.dose_box = QGroupBox(tr("Infusion dose"))
        self.dose = QFormLayout(self.dose_box)
        row.addWidget(self.dose_box, 2, Qt.AlignmentFlag.AlignTop)
        self.tabs.addTab(extra, tr("&Eligibility and dose"))
        from .outcomes_view import OutcomesPanel

        self.outcomes = OutcomesPanel()
        if study.primary_outcomes is not None:
            self.tabs.addTab(self.outcomes, tr("Primary outcomes (72 h)"))

    def _add_logs(self, study) -> None:
        """A table per log form (adverse events, medications ...), after the schedule."""
        log_event = next((e for e in study.events if e.kind is EventKind.LOG), None)
        self.log_event = log_event.id if log_event else None
        at = self.tabs.indexOf(self.schedule) + 1
        for i, form_id in enumerate(study.log_forms):
            table = LogTable(study.form(form_id))
            table.open_entry.connect(
                lambda form, rep: self.open_form.emit(self.log_event, form, 1, rep))
            self.logs[form_id] = table
            self.tabs.insertTab(at + i, table,
                                tr("{label}s").format(label=study.form(form_id).label))

    def study_changed(self) -> None:
        """The definition was amended: the log tables (whose columns are the forms' fields)
        and the outcomes tab are made again from it. The matrix and the schedule need not
        be: each refresh fills them from the study in force."""
        study = shown_study(self.main.store.study)
        for table in self.logs.values():
            self.tabs.removeTab(self.tabs.indexOf(table))
            table.deleteLater()
        self.logs = {}
        self._add_logs(study)
        shown = self.tabs.indexOf(self.outcomes)
        if study.primary_outcomes is None and shown >= 0:
            self.tabs.removeTab(shown)
        elif study.primary_outcomes is not None and shown < 0:
            self.tabs.addTab(self.outcomes, tr("Primary outcomes (72 h)"))
        # the subject's data are read again by the window's refresh that follows

    # -- loading -------------------------------------------------------------------------
    def load(self, subject: str) -> None:
        self.subject = subject
        self.refresh()

    def clear(self) -> None:
        """No subject open (after a log-out: nothing of the last user's casebook stays)."""
        self.subject = None
        self.code.setText(tr("No subject open"))
        self.summary.setText(tr("Open a subject from the Subjects list."))
        self.eligibility_line.clear()
        self.sae_panel.show_clocks([])
        self.matrix.clear()
        self.matrix.setRowCount(0)
        self.matrix.setColumnCount(0)
        self.matrix.columns = []
        self.schedule.show_plans([])
        for form_id, table in self.logs.items():
            table.show_entries([], set(), None)
            self.tabs.setTabText(self.tabs.indexOf(table),
                                 tr("{label}s").format(
                                     label=shown_study(self.main.store.study).form(form_id).label))
        self.eligibility.show_result(None, tr("No subject open."))
        self.dose_box.hide()
        self.outcomes.show_outcomes(None, 0, 0)
        self.tabs.setCurrentIndex(0)
        self._gate()

    def refresh(self) -> None:
        """Read the subject's data again from the store."""
        if self.subject is None:
            return
        store = self.main.store
        study = shown_study(store.study)
        subj = store.subjects.get(self.subject)
        self.code.setText(subj.code)
        initials = f" · {subj.initials}" if subj.initials else ""
        nxt = overview.next_visit_text(store, subj.code) or tr("no visit scheduled")
        # what the investigator still has to sign, as the casebook lock will judge it
        left = len(signoff(store, subj.code).outstanding)
        unsigned = (" · " + (tr("{n} forms await the investigator's signature") if left > 1
                             else tr("{n} form awaits the investigator's signature")).format(n=left)
                    if left else "")
        self.summary.setText(tr("{status}{initials} · next: {next}{unsigned}").format(
            status=subj.status.shown, initials=initials, next=nxt, unsigned=unsigned))
        instances = store.forms.instances(subj.code)
        restricted = {f for f in study.forms
                      if permissions.restricted_fields(store.role, study.form(f))}
        current = self.matrix.current_event()
        self.matrix.show_subject(study, instances, restricted,
                                 overview.query_flags(store, subj.code),
                                 store.double.pending(subj.code))
        if current:
            self.matrix.select_event(*current)
        plans = overview.schedule(store, subj.code)
        self.schedule.show_plans(plans)
        self.matrix.describe_visits(plans)
        self._show_logs(instances)
        from alsdesk.safety.sae import sae_clocks

        self.sae_panel.show_clocks(sae_clocks(store, subject=subj.code))
        self._show_eligibility()
        self._show_dose()
        self._show_outcomes()
        self._gate()

    def _show_outcomes(self) -> None:
        from alsdesk.safety.outcomes import subject_outcomes

        d = self.main.store.study.primary_outcomes
        if d is not None and self.subject is not None:
            self.outcomes.show_outcomes(subject_outcomes(self.main.store, self.subject),
                                        d.window_hours, d.fever_at)

    def _show_logs(self, instances) -> None:
        store = self.main.store
        serious = {e.instance_id for e in dashboard.serious_events(store, self.subject)}
        for form_id, table in self.logs.items():
            records = [store.forms.get_instance(x.instance_id) for x in instances
                       if x.form == form_id and x.event == self.log_event]
            refusal = permissions.role_refusal(store.role, Action.ENTER_DATA)
            table.show_entries(records, serious, refusal)
            live = sum(1 for r in records if r.status is not FormStatus.DELETED)
            label = tr("{label}s").format(label=shown_study(store.study).form(form_id).label)
            self.tabs.setTabText(self.tabs.indexOf(table), f"{label} ({live})")

    def _derived(self, function: str
                 ) -> tuple[tuple[str, str, str], dict[str, DerivedValue]] | None:
        where = _find_derived(self.main.store.study, function)
        if where is None or self.subject is None:
            return None
        event, form, _ = where
        return where, overview.derived(self.main.store, self.subject, event, form)

    def _show_eligibility(self) -> None:
        found = self._derived("eligibility")
        if found is None:
            self.eligibility.show_result(None)
            self.eligibility_line.setText("")
            return
        (_, _, did), derived = found
        d = derived[did]
        self.eligibility.show_result(d.value, d.error)
        text = eligibility_text(d.value) if d.value is not None else (d.error or "")
        colour = {True: "#1b5e20", False: "#b00020"}.get(getattr(d.value, "eligible", None),
                                                          "#5f6368")
        self.eligibility_line.setText(f"<span style='color:{colour}'>"
                                      + tr("<b>Eligibility:</b> {text}").format(text=text)
                                      + "</span>")

    def _show_dose(self) -> None:
        while self.dose.rowCount():
            self.dose.removeRow(0)
        found = self._derived("target_dose")
        if found is None or self.subject is None:
            self.dose_box.hide()
            return
        (event, form_id, _), derived = found
        store = self.main.store
        fdef = shown_study(store.study).form(form_id)
        values = overview.form_values(store, self.subject, event, form_id)
        inputs: list[str] = []
        for d in fdef.derived:
            inputs.extend(i for i in d.inputs if i in fdef.field_ids and i not in inputs)
        for fid in inputs:
            f = fdef.field(fid)
            shown = datefmt.shown_value(f, values.get(fid), site_format()) or "–"
            self.dose.addRow(f.label + ":", QLabel(f"{shown} {f.unit or ''}".strip()))
        for d in derived.values():
            value = QLabel(f"<b>{d.text}</b>")
            value.setObjectName(f"dose_{d.id}")
            self.dose.addRow(d.label + ":", value)
        self.dose_box.show()

    # -- actions -------------------------------------------------------------------------
    def _gate(self) -> None:
        role = self.main.store.role
        none = tr("Open a subject first.") if self.subject is None else None
        gate(self.status_button, none or permissions.role_refusal(role, Action.MANAGE_SUBJECTS),
             tr("Screen failure, withdrawal ... with a reason; enrolment follows the "
                "infusion, completion and death the end-of-study form"))
        gate(self.unscheduled_button, none or permissions.role_refusal(role, Action.ENTER_DATA),
             tr("Record a visit outside the schedule"))
        event = self.matrix.current_event()
        gate(self.sign_button, none or permissions.role_refusal(role, Action.SIGN)
             or (None if event else tr("Select a visit in the matrix first.")),
             tr("Sign every complete form of the selected visit"))
        gate(self.lock_button, none or permissions.role_refusal(role, Action.LOCK),
             tr("Lock every form of this subject, once the investigator has signed what the "
                "protocol has signed"))

    def print_sae_report(self, entry: int) -> object:
        """The SAE report form (CIOMS I) of this subject's adverse event `entry`."""
        from .print_actions import open_preview

        if self.subject is None:
            return None
        return open_preview(self.main, "sae", self.subject, event_repeat=entry)

    def change_status(self) -> None:
        if self.subject is None:
            return
        store = self.main.store
        current = store.subjects.get(self.subject).status
        # The core says which statuses the data allows now, and why not the others.
        choices = store.subjects.status_choices(self.subject)
        choice = self.main.prompts.subject_status(self.subject, current, choices)
        if choice is None:
            return
        status, reason = choice
        try:
            store.subjects.set_status(self.subject, status, reason or None)
        except AlsDeskError as exc:
            self.main.prompts.error(tr("Status not changed"), str(exc))
            return
        self.main.show_status(tr("{subject} is now {status} (was {was}).").format(
            subject=self.subject, status=status.shown, was=current.shown))
        self.main.subject_changed()

    def new_unscheduled(self) -> None:
        if self.subject is None:
            return
        event = next((e for e in self.main.store.study.events if e.repeating), None)
        if event is None:
            return
        n = permissions.next_event_repeat(self.main.store, self.subject, event.id)
        self.open_form.emit(event.id, event.forms[0], n, 1)

    def sign_visit(self) -> bool:
        picked = self.matrix.current_event()
        if self.subject is None or picked is None:
            return False
        event, n = picked
        store = self.main.store
        label = shown_study(store.study).event(event).label
        subject = self.subject
        scope = store.forms.visit_scope(subject, event, n)
        if scope.refusal:  # nothing to sign: say so before asking for a password
            self.main.prompts.error(tr("Nothing to sign"), tr(
                "{label}, subject {subject}: {refusal} {warning}").format(
                    label=label, subject=subject, refusal=scope.refusal,
                    warning=scope.warning or "").strip())
            return False
        signed = self.main.prompts.signature(
            tr("{label}, subject {subject}").format(label=label, subject=subject),
            store.full_name or "", store.role,
            lambda pw, meaning: store.forms.sign_event(subject, event, pw, meaning, n),
            store.study.signature_meanings, scope)
        if signed:
            self.main.show_status(tr("Signed the {label} visit of {subject}").format(
                label=label, subject=subject))
            self.main.subject_changed()
        return signed

    def lock_casebook(self) -> bool:
        """Lock the subject's casebook; the core says first whether it may, and what is unsigned."""
        if self.subject is None:
            return False
        store, subject = self.main.store, self.subject
        try:
            refusal, warning = store.forms.casebook_lock_check(subject)
        except AlsDeskError as exc:
            self.main.prompts.error(tr("Casebook not locked"), str(exc))
            return False
        if refusal:
            self.main.prompts.error(tr("Casebook not locked"), refusal)
            return False
        ask = tr("Lock every form of {subject}? Nobody can change them until unlocked.").format(
            subject=subject)
        if warning:
            ask = tr("{warning} The study allows locking all the same. {ask}").format(
                warning=warning, ask=ask)
        reason = self.main.prompts.reason(tr("Lock casebook"),
                                          tr("{ask} A reason is optional.").format(ask=ask),
                                          required=False)
        if reason is None:
            return False
        try:
            done = store.forms.lock_casebook(subject, reason or None)
        except AlsDeskError as exc:
            self.main.prompts.error(tr("Casebook not locked"), str(exc))
            return False
        self.main.show_status(tr("Locked the casebook of {subject} ({n} forms).").format(
            subject=subject, n=done.locked))
        if done.warning:
            self.main.prompts.info(tr("Casebook locked with unsigned forms"), done.warning)
        self.main.subject_changed()
        return True
