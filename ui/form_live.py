"""What the form page shows while the nurse types: visibility, derived values, suggestions,
the messages at the fields, the help of the field in use, the "modified" mark and where the
cursor goes. Mixed into FormPage (ui.form_page), which holds the view and the record.

Every decision is a core call: alsdesk.rules.engine (visibility, findings, with the subject's
other forms from check_context), alsdesk.overview.derived, alsdesk.suggest.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from alsdesk import overview, permissions
from alsdesk.i18n import tr
from alsdesk.rules import engine
from alsdesk.study.model import Severity
from alsdesk.suggest import suggestions

from .terms_ui import grade_help

if TYPE_CHECKING:
    from .form_page import FormPage

__all__ = ["FormLive"]


class FormLive:
    """Mixed into FormPage: the page's reactions to typing and to the focus."""

    # -- live values and messages ------------------------------------------------------------
    def _changed(self: "FormPage", _field_id: str) -> None:
        self._live.start()
        self._mark_modified()

    def _present(self: "FormPage") -> tuple[dict[str, Any], dict[str, str], Any]:
        assert self.view is not None
        c = self.view.collect()
        values = {k: v for k, v in c.values.items() if v is not None}
        missing = {k: v for k, v in c.missing.items() if v}
        return values, missing, c

    def refresh_live(self: "FormPage") -> None:
        """Visibility and derived values from what is on screen, saved or not."""
        if self.view is None or self.subject is None:
            return
        store = self.main.store
        form = self.view.form
        values, missing, c = self._present()
        visible = engine.visibility(form, values, missing)
        holding = set(values) | set(missing) | set(c.errors)
        self.view.apply_visibility(visible, holding)
        self.view.show_units(values)
        for fid in form.field_ids:
            # a message already shown follows the typing (it said "2030 is in the future"
            # while the field held 20301); new ones wait until the nurse leaves the field
            if (not visible.get(fid, True) and fid in holding) or self.view.messages(fid):
                self._messages_for(fid, values, missing, c.errors)
        if form.derived:
            derived = overview.derived(store, self.subject, self.event_id, form.id, values,
                                       event_repeat=self.event_repeat, repeat=self.repeat or 1)
            # the labels as the form shows them (its study's Persian, in Persian)
            self.derived.show_values(derived, {d.id: d.label for d in form.derived})
        self.lab_grades.show_for(self, values)  # the lab panel's CTCAE grades, live
        if any(f.suggest for f in form.fields):  # values recorded elsewhere, offered (F3)
            self.suggestion_panel.show_for(self.view, suggestions(
                store, self.subject, self.event_id, form.id, values,
                event_repeat=self.event_repeat, repeat=self.repeat or 1))
        else:
            self.suggestion_panel.show_for(None, {})

    def _messages_for(self: "FormPage", fid: str, values: dict, missing: dict, errors: dict) -> None:
        assert self.view is not None
        if fid in errors:
            self.view.set_messages(fid, [(Severity.HARD, errors[fid])])
            return
        found = engine.field_findings(self.view.form, {**self.check_context, **values},
                                      missing, fid)
        if errors:  # a mistyped value (ALT "2 ukat/L") is no reason to clear what hangs on it
            found = [f for f in found if not f.check_id.startswith("hidden:")]
        # "required" is said when marking complete, not while the nurse is still typing; once
        # said it stays at the field until the field is filled
        self.view.set_messages(fid, [(f.severity, f.message) for f in found
                                     if not f.check_id.startswith("required:")
                                     or fid in self.required_shown])

    def field_left(self: "FormPage", fid: str) -> None:
        """As the nurse leaves a field: its messages, and those of fields already showing one."""
        if self.view is None or self.view.read_only:
            return
        values, missing, c = self._present()
        for other in self.view.form.field_ids:
            if other == fid or self.view.messages(other):
                self._messages_for(other, values, missing, c.errors)

    def _focus_changed(self: "FormPage", _old: QWidget | None, new: QWidget | None) -> None:
        if self.view is None or new is None or not self.view.isAncestorOf(new):
            return
        fid = self.view.field_of(new)
        if fid is not None:
            f = self.view.form.field(fid)
            help_ = permissions.field_help(self.main.store.role, f)  # no CDISC codes for staff
            grades = grade_help(self.main.store, f, self._present()[0]) if f.grade_of else ""
            self.help_label.setText(f"<b>{f.label}</b>" + (f"<br>{help_}" if help_ else "")
                                    + grades)

    def focus_field(self: "FormPage", field_id: str) -> None:
        """Scroll to the field's editor and give it the focus (the field a query is about)."""
        self._focus(field_id)

    def focus_first(self: "FormPage") -> None:
        """The cursor in the form's first question that takes typing."""
        first = self.view.first_input() if self.view is not None else None
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark_modified(self: "FormPage") -> None:
        """'modified' beside the status while what is on screen differs from what is saved."""
        dirty = self.view is not None and not self.view.read_only and self.view.is_dirty()
        signed = self.record is not None and self.record.valid_signature is not None
        # said while typing, not only at saving: the change will void the signature
        self.modified.setText(tr("● modified: saving voids the signature") if signed
                              else tr("● modified, not saved"))
        self.modified.setVisible(dirty)
