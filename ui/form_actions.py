"""What the buttons of a form page do: save, complete, sign, verify, lock, delete, queries.

Each step is one core call. The core refuses with an exception whose message is shown as it
is; what was typed stays on screen whatever happens.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from alsdesk import permissions
from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError, CheckFailed, ReasonRequired, ValidationError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.rules import engine
from alsdesk.rules.engine import Finding
from alsdesk.states import QueryStatus
from alsdesk.store import status_rules
from alsdesk.store.status_rules import EligibilityStop
from alsdesk.study.model import Severity
from .i18n import shown as shown_study
from .deviation_offer import offer_deviations
from .lab_grades import offer_lab_aes
from .fmt import local_time
from .history import history_rows
from .prompts import CANCEL, DISCARD, SAVE

if TYPE_CHECKING:
    from .form_page import FormPage

__all__ = ["FormActions"]

KEPT = QT_TRANSLATE_NOOP("", "Nothing was saved; what you typed is still on screen.")


class FormActions:
    """Mixed into FormPage (which provides window, view, record and the place)."""

    # -- saving ----------------------------------------------------------------------------
    def save(self: "FormPage") -> bool:
        """Save what is on screen as a draft (Ctrl+S)."""
        return self._save(complete=False)

    def mark_complete(self: "FormPage") -> bool:
        """Save and run every check: hard findings block, soft ones need a note."""
        return self._save(complete=True)

    def save_and_next(self: "FormPage") -> bool:
        """Mark complete, then open the visit's next form (Ctrl+Shift+Return)."""
        if self.record is None:
            return False
        from alsdesk.store.double import State

        # a form keyed twice cannot be complete before its second entry: saved as a draft,
        # it waits for it, and the nurse keys the next paper page
        waits = self.main.store.double.state(self.record) is State.AWAITING
        if not (self.save() if waits else self.mark_complete()):
            return False
        if waits:
            self.main.show_status(tr("'{form}' saved as a draft: it awaits its second "
                                     "entry.").format(form=self.view.form.label))
        store = self.main.store
        event = store.study.event(self.record.event)
        forms = list(event.forms)
        here = forms.index(self.record.form) if self.record.form in forms else len(forms)
        for form_id in forms[here + 1:]:
            if store.study.form(form_id).repeating:
                continue  # log entries are added on purpose, not walked through
            if self.main.open_form(self.record.subject, event.id, form_id,
                                   self.record.event_repeat):
                return True
        self.main.show_status(tr("That was the last form of {event} for {subject}.").format(
            event=event.label, subject=self.subject))
        return True

    def _save(self: "FormPage", complete: bool) -> bool:
        if self.view is None or self.record is None:
            return False
        store, prompts = self.main.store, self.main.prompts
        # Saving a complete form keeps it complete: the checks run again and the change
        # needs a reason. (A draft save used to demote it to "in progress" without a word.)
        complete = complete or self.record.status.is_complete
        signed = self.record.valid_signature
        c = self.view.collect()
        if c.errors:
            for fid, message in c.errors.items():
                self.view.set_messages(fid, [(Severity.HARD, message)])
            self._focus(next(iter(c.errors)))
            prompts.error(tr("Not saved"), tr("These entries cannot be read:") + "\n"
                          + "\n".join(f"- {m}" for m in c.errors.values())
                          + f"\n\n{tr(KEPT)}")
            return False
        if complete and not self._hard_findings_first(c):
            return False
        values = {f: c.values[f] for f in c.changed if f not in self.restricted}
        missing = {f: c.missing[f] for f in c.changed if f in c.missing}
        if signed is not None and (values or missing) and not prompts.confirm(
                tr("The signature will be voided"),
                tr("'{form}' was signed by {name} on {when}. Saving this change voids that "
                   "signature (the audit trail keeps it); the investigator must sign again.\n\n"
                   "Save the change and void the signature?").format(
                    form=self.view.form.label, name=signed.full_name,
                    when=local_time(signed.signed_at)), destructive=True):
            return False
        reason: str | None = None
        override: str | None = None
        notes: dict[str, str] = {}
        while True:
            try:
                result = store.forms.save(
                    self.subject, self.event_id, self.form_id, values, missing,
                    event_repeat=self.event_repeat, repeat=self.repeat, complete=complete,
                    reason=reason, notes=notes, eligibility_override=override)
                break
            except EligibilityStop as exc:
                # Only the investigator may override (the core says who); with a reason.
                if status_rules.may_override(store) is not None:
                    prompts.error(tr("Not saved"), f"{exc}\n\n{tr(KEPT)}")
                    return False
                override = prompts.reason(
                    tr("Give the infusion although not eligible?"),
                    tr("{message}\n\nAs the investigator you may override this: give the "
                       "reason. It is recorded as a protocol-deviation entry.").format(
                        message=exc))
                if not override:
                    return False
            except ReasonRequired as exc:
                reason = prompts.reason(tr("Reason for the change"), str(exc))
                if not reason:
                    return False
            except CheckFailed as exc:
                self._show_findings(exc.findings)
                hard = [f for f in exc.findings if f.severity is Severity.HARD]
                if hard:
                    self._refuse(hard)
                    return False
                got = prompts.notes(exc.findings)
                if got is None:
                    return False
                notes.update(got)
            except ValidationError as exc:
                if exc.field_id in self.view.rows:
                    self.view.set_messages(exc.field_id, [(Severity.HARD, exc.message)])
                    self._focus(exc.field_id)
                prompts.error(tr("Not saved"), f"{exc}\n\n{tr(KEPT)}")
                return False
            except AlsDeskError as exc:
                prompts.error(tr("Not saved"), f"{exc}\n\n{tr(KEPT)}")
                return False
        self.show_record(result.record)
        what = tr("Marked complete") if complete else tr("Saved")
        queries = ("; " + tr("{n} note(s) kept as open queries").format(n=len(result.queries))
                   if result.queries else "")
        self.main.show_status(tr("{what}: {form} of {subject}{queries}").format(
            what=what, form=self.view.form.label, subject=self.subject, queries=queries))
        if result.notices:  # the subject's status or a deviation entry changed with it
            prompts.info(tr("Saved"), "\n".join(result.notices))
            self.main.show_status(" ".join(result.notices))
        offer_deviations(self, result, notes)
        offer_lab_aes(self, result)  # a lab grade worse than baseline: an adverse event?
        self.changed_in_store.emit()
        return True

    def _hard_findings_first(self: "FormPage", c) -> bool:
        """The core's hard findings on what is on screen, before asking for any reason.

        The store runs the same checks again when saving; asking here first spares the
        nurse a reason for a change that could not be completed anyway.
        """
        assert self.view is not None
        values = {k: v for k, v in c.values.items() if v is not None}
        missing = {k: v for k, v in c.missing.items() if v}
        found = engine.evaluate(self.view.form, {**self.check_context, **values}, missing)
        hard = [f for f in found if f.severity is Severity.HARD]
        if hard:
            self._show_findings(found)
            self._refuse(hard)
            return False
        return True

    def _refuse(self: "FormPage", hard: list[Finding]) -> None:
        self.main.prompts.error(
            tr("Cannot mark complete"), tr("Correct these first:") + "\n"
            + "\n".join(f"- {self._where(f)}{f.message}" for f in hard)
            + "\n\n" + tr("The form was not saved as complete; what you typed is still on "
                           "screen."))
        self._focus(hard[0].fields[0] if hard[0].fields else None)

    def _where(self: "FormPage", f: Finding) -> str:
        assert self.view is not None
        labels = [self.view.form.field(x).label for x in f.fields if x in self.view.form.field_ids]
        text = " / ".join(labels)
        return f"{text}: " if text and not any(f.message.startswith(x) for x in labels) else ""

    def _show_findings(self: "FormPage", findings: list[Finding]) -> None:
        assert self.view is not None
        by_field: dict[str, list[tuple[Severity, str]]] = {}
        for f in findings:
            for fid in f.fields:
                by_field.setdefault(fid, []).append((f.severity, f.message))
                if f.check_id.startswith("required:"):
                    self.required_shown.add(fid)  # stays at the field until it is filled
        for fid in self.view.form.field_ids:
            if fid in by_field:
                self.view.set_messages(fid, by_field[fid])

    def _focus(self: "FormPage", field_id: str | None) -> None:
        if self.view is None or field_id is None or field_id not in self.view.rows:
            return
        editor = self.view.rows[field_id].editor
        if editor is not None:
            self.scroll_area.ensureWidgetVisible(editor)
            editor.setFocus()

    def maybe_leave(self: "FormPage") -> bool:
        """Before the form is replaced or closed: ask about unsaved changes. True to go on."""
        if self.view is None or self.view.read_only or not self.view.is_dirty():
            return True
        assert self.record is not None
        form = shown_study(self.main.store.study).form(self.record.form)
        answer = self.main.prompts.unsaved(tr("'{form}' of subject {subject}").format(
            form=form.label, subject=self.subject))
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.show_record(self.record)
            return True
        assert answer == CANCEL
        return False

    # -- workflow steps --------------------------------------------------------------------
    def _ready(self: "FormPage", what: str) -> int | None:
        """The instance id, after making sure nothing unsaved is on screen."""
        if self.record is None or self.record.instance_id is None or self.view is None:
            return None
        if self.view.is_dirty():
            self.main.prompts.error(what, tr("Save or undo the changes on screen first."))
            return None
        return self.record.instance_id

    def _step(self: "FormPage", title: str, call) -> bool:
        try:
            call()
        except AlsDeskError as exc:
            self.main.prompts.error(title, str(exc))
            return False
        self.reload()
        self.changed_in_store.emit()
        return True

    def sign_form(self: "FormPage") -> bool:
        iid = self._ready(tr("Sign"))
        if iid is None:
            return False
        store = self.main.store
        assert self.record is not None
        form = shown_study(store.study).form(self.record.form).label
        event = shown_study(store.study).event(self.record.event).label
        open_queries = [q for q in store.queries.list(instance_id=iid)
                        if q.status is not QueryStatus.CLOSED]
        n = len(open_queries)
        if open_queries and not self.main.prompts.confirm(
                tr("Open queries"), (tr("'{form}' has {n} open queries:") if n > 1
                                     else tr("'{form}' has {n} open query:")).format(
                    form=form, n=n) + "\n"
                + "\n".join(f"- {q.text if len(q.text) <= 160 else q.text[:159] + '…'}"
                            for q in open_queries[:5])
                + "\n\n" + tr("Data under question is usually settled before it is signed. "
                               "Sign anyway?"), destructive=True):
            return False
        signed = self.main.prompts.signature(
            tr("{form}, {event}, subject {subject}").format(
                form=form, event=event, subject=self.subject),
            store.full_name or store.user_id or "",
            store.role, lambda password, meaning: store.forms.sign(iid, password, meaning),
            store.study.signature_meanings)
        if signed:
            self.reload()
            self.main.show_status(tr("Signed: {form} of {subject}").format(
                form=form, subject=self.subject))
            self.changed_in_store.emit()
        return signed

    def verify_form(self: "FormPage") -> bool:
        iid = self._ready(tr("Verify"))
        return iid is not None and self._step(
            tr("Verify"), lambda: self.main.store.forms.verify(iid))

    def lock_form(self: "FormPage") -> bool:
        iid = self._ready(tr("Lock"))
        if iid is None:
            return False
        reason = self.main.prompts.reason(
            tr("Lock form"), tr("Lock this form? Nobody can change it until an administrator "
                                "unlocks it. A reason is optional."), required=False)
        if reason is None:
            return False
        return self._step(tr("Lock"), lambda: self.main.store.forms.lock(iid, reason or None))

    def unlock_form(self: "FormPage") -> bool:
        iid = self._ready(tr("Unlock"))
        if iid is None:
            return False
        reason = self.main.prompts.reason(tr("Unlock form"),
                                          tr("Why must this form change again?"))
        return bool(reason) and self._step(
            tr("Unlock"), lambda: self.main.store.forms.unlock(iid, reason))

    def delete_entry(self: "FormPage") -> bool:
        iid = self._ready(tr("Delete"))
        if iid is None:
            return False
        reason = self.main.prompts.reason(
            tr("Delete entry"), tr("Withdraw this entry? It stays in the file with its "
                                   "history, marked deleted."))
        return bool(reason) and self._step(
            tr("Delete"), lambda: self.main.store.forms.delete(iid, reason))

    # -- queries and history ---------------------------------------------------------------
    def raise_query(self: "FormPage", field_id: str | None) -> bool:
        if self.record is None or self.record.instance_id is None or self.view is None:
            return False
        iid = self.record.instance_id
        label = self.view.form.field(field_id).label if field_id else self.view.form.label
        text = self.main.prompts.text(tr("Raise a query"),
                                      tr("Question for the site about '{label}':").format(
                                          label=label))
        return bool(text) and self._step(
            tr("Raise a query"), lambda: self.main.store.queries.raise_query(iid, field_id, text))

    def show_history(self: "FormPage", field_id: str | None) -> None:
        if self.record is None or self.record.instance_id is None or self.view is None:
            self.main.prompts.info(tr("History"), tr("Nothing has been saved on this form yet."))
            return
        store = self.main.store
        refusal = permissions.role_refusal(store.role, Action.VIEW_AUDIT)
        if refusal:
            self.main.prompts.error(tr("History"), refusal)
            return
        rows = history_rows(shown_study(store.study), self.record.form,
                            store.forms.history(self.record.instance_id, field_id),
                            self.restricted)
        what = self.view.form.field(field_id).label if field_id else self.view.form.label
        self.main.prompts.history(tr("History of '{what}' — subject {subject}").format(
            what=what, subject=self.subject), rows)

    def field_menu(self: "FormPage", field_id: str, widget: QWidget, pos: QPoint) -> None:
        """Right-click on a field: its history, a query on it (plus cut/copy/paste in text)."""
        menu = self.build_field_menu(field_id, widget)
        menu.exec(pos)
        # whatever the menu did (a query asked in a dialog, a code set), the keyboard
        # is back on the question it was opened from
        if self.view is not None and field_id in self.view.rows:
            self._focus(field_id)

    def build_field_menu(self: "FormPage", field_id: str, widget: QWidget) -> QMenu:
        assert self.view is not None
        label = self.view.form.field(field_id).label
        menu = widget.createStandardContextMenu() if isinstance(widget, QLineEdit) else QMenu()
        if not menu.isEmpty():
            menu.addSeparator()
        history = menu.addAction(tr("History of '{label}'…").format(label=label),
                                 lambda: self.show_history(field_id))
        history.setObjectName("field_history")
        query = menu.addAction(tr("Raise a query on '{label}'…").format(label=label),
                               lambda: self.raise_query(field_id))
        query.setObjectName("field_query")
        saved = self.record is not None and self.record.instance_id is not None
        history.setEnabled(saved)
        refusal = permissions.role_refusal(self.main.store.role, Action.RAISE_QUERY)
        query.setEnabled(saved and refusal is None)
        query.setToolTip(refusal or "")
        self._code_and_picker_items(menu, field_id)
        menu.setToolTipsVisible(True)
        return menu

    def _code_and_picker_items(self: "FormPage", menu: QMenu, field_id: str) -> None:
        """The missing-data codes and the calendar / now of a field, for the keyboard too."""
        assert self.view is not None
        row = self.view.rows[field_id]
        editor = row.editor
        editable = editor is not None and not self.view.read_only
        pickers = [(name, text) for name, text in (
                   ("calendar_button", tr("Pick from the calendar…") + "\tAlt+Down"),
                   ("now_button", tr("Fill in now"))) if hasattr(editor, name)]
        if pickers or row.missing is not None:
            menu.addSeparator()
        for name, text in pickers:
            button = getattr(editor, name)
            act = menu.addAction(text, button.showMenu if name == "calendar_button"
                                 else button.click)
            act.setObjectName(f"field_{name.split('_')[0]}")
            act.setEnabled(editable)
        if row.missing is None:
            return
        current = self.view.code(field_id)
        labels = {m.code: m.label for m in shown_study(self.main.store.study).missing_codes}
        for code in (None, *row.field.missing):
            text = tr("No missing-data code (a value)") if code is None else \
                tr("Missing: {code} — {label}").format(code=code, label=labels.get(code, code))
            act = menu.addAction(text, lambda c=code: self._set_code(field_id, c))
            act.setObjectName(f"field_code_{code or 'none'}")
            act.setCheckable(True)
            act.setChecked(code == current)
            act.setEnabled(editable)

    def _set_code(self: "FormPage", field_id: str, code: str | None) -> None:
        assert self.view is not None
        self.view.set_code(field_id, code)
        self._focus(field_id)
