"""Double data entry's rules: who may see a form's first entry, who may make its second
entry, resolve or withdraw it, and what the form's own save, completion and lock ask while
two entries are kept (alsdesk/store/double.py holds the entries and their steps)."""
from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from alsdesk.auth import Action
from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.states import FormStatus
from alsdesk.store.audit import A
from alsdesk.study.model import Form

if TYPE_CHECKING:
    from alsdesk.store.records import FormRecord


class DoubleEntryRules:
    """Mixed into DoubleEntryService, which has store, conn, entry() and first_keyers()."""

    def blinded(self, record: "FormRecord") -> bool:
        """Whether the user logged in must not see this form's first entry: it awaits its
        second entry and they could make it (a data-entry role, none of the first keyed by
        them). Monitors and administrators key nothing, so see it."""
        from alsdesk.auth import allowed

        fdef = self.store.study.forms.get(record.form)
        if (fdef is None or not fdef.double_entry or record.instance_id is None
                or record.completed_at or self.store.role is None
                or record.status in (FormStatus.DELETED, FormStatus.LOCKED)
                or not allowed(self.store.role, Action.ENTER_DATA) or not self._tables()):
            return False
        if self.conn.execute("SELECT 1 FROM second_entries WHERE instance_id = ?",
                             (record.instance_id,)).fetchone():
            return False
        return self.store.user_id not in self.first_keyers(record.instance_id, False)

    def blinded_ids(self, subject: str) -> set[int]:
        """The subject's form instances whose first entry the user must not see (blinded)."""
        forms = self.store.forms
        return {i.instance_id for i in forms.instances(subject)
                if i.form in self.store.study.forms and self.store.study.form(i.form)
                .double_entry and self.blinded(forms._record(i.instance_id))}

    def refusal(self, record: "FormRecord") -> str | None:
        """Why the user logged in may not key this form's second entry now; None if they may."""
        from alsdesk import permissions

        fdef = self.store.study.form(record.form)
        label = fdef.label
        if (why := permissions.role_refusal(self.store.role, Action.ENTER_DATA)):
            return why
        if not fdef.double_entry:
            return tr("'{form}' is not keyed twice: the study definition does not ask for a "
                      "second entry of it.").format(form=label)
        if record.instance_id is None:
            return tr("'{form}' has no first entry yet: key the form itself first; its "
                      "second entry is made from the same paper page afterwards.").format(
                          form=label)
        if record.status is FormStatus.DELETED:
            return tr("This entry of '{form}' was deleted ({reason}): a deleted form is not "
                      "keyed again.").format(form=label, reason=self._deleted_why(record))
        if record.status is FormStatus.LOCKED:
            return tr("'{form}' is locked: it is not keyed again.").format(form=label)
        entry = self.entry(record.instance_id)
        if entry is not None:
            return tr("'{form}' was already keyed a second time, by {user} at {when}.").format(
                form=label, user=entry.entered_by, when=entry.entered_at[:16].replace("T", " "))
        if record.completed_at:
            return tr("'{form}' was completed before its study definition asked for a second "
                      "entry: it is not keyed again.").format(form=label)
        if self.store.user_id in self.first_keyers(record.instance_id, False):
            return tr("You keyed the first entry of '{form}' (or part of it): the second "
                      "entry is made by another person, without seeing the first.").format(
                          form=label)
        if (seen := self._has_seen(record.instance_id)):
            return seen.format(form=label)
        first = self.store.forms._record(record.instance_id)  # as stored, not as shown
        if blank := unanswered(fdef, first.values, first.missing):
            return tr("The first entry of '{form}' is not finished: {n} required question(s) "
                      "are blank ({fields}). The first keyer keys the whole page first (a "
                      "question the page leaves blank gets its missing-data code, F2).").format(
                          form=label, n=len(blank), fields=", ".join(blank[:5])
                          + (", …" if len(blank) > 5 else ""))
        return None

    def _has_seen(self, instance_id: int) -> str | None:
        """Why the user logged in may have seen this form's first entry although they keyed
        none of it: they made a second entry of it that was withdrawn (its first entry was
        shown to them then), or exported the trial's data since the form was made."""
        user = self.store.user_id
        made = self.conn.execute(
            "SELECT min(seq) FROM audit_trail WHERE instance_id = ? AND action = ?",
            (instance_id, A.FORM_CREATE)).fetchone()[0] or 0
        if self.conn.execute("SELECT 1 FROM audit_trail WHERE instance_id = ? AND action = ? "
                             "AND user_id = ?", (instance_id, A.DOUBLE_ENTRY, user)).fetchone():
            return tr("You made an earlier second entry of '{form}', since withdrawn, and "
                      "were shown its first entry then: the second entry is made by "
                      "another person.")
        if self.conn.execute(
                "SELECT 1 FROM audit_trail WHERE action = ? AND user_id = ? AND seq > ? AND "
                "field IS NOT NULL AND field != 'pdf'", (A.EXPORT, user, made)).fetchone():
            return tr("You exported the trial's data after the first entry of '{form}' was "
                      "made, so may have seen it: the second entry is made by another "
                      "person.")
        return None

    def _deleted_why(self, record: "FormRecord") -> str:
        row = self.conn.execute(
            "SELECT reason FROM audit_trail WHERE instance_id = ? AND action = ? AND "
            "new_value = 'deleted' ORDER BY seq DESC LIMIT 1",
            (record.instance_id, A.FORM_STATUS)).fetchone()
        return (row[0] if row and row[0] else tr("no reason recorded"))

    def resolution_refusal(self, record: "FormRecord") -> str | None:
        """Why the user logged in may not resolve this form's differences now; None if
        they may (the first keyer or a third person, with a data-entry role)."""
        from alsdesk import permissions

        label = self.store.study.form(record.form).label
        if (why := permissions.role_refusal(self.store.role, Action.CHANGE_DATA)):
            return why
        entry = self.entry(record.instance_id) if record.instance_id is not None else None
        if entry is None:
            return tr("'{form}' has no second entry yet: there is nothing to resolve.").format(
                form=label)
        if not entry.open:
            return tr("Both entries of '{form}' agree: there is nothing to resolve.").format(
                form=label)
        if record.status is FormStatus.DELETED:
            return tr("This entry was deleted; it cannot be changed.")
        if record.status is FormStatus.LOCKED:
            return tr("This form is locked: an administrator must unlock it before it can "
                      "change.")
        if self.store.user_id == entry.entered_by:
            return tr("You made the second entry of '{form}': its differences are resolved "
                      "by the person who keyed the first entry or by a third person, with "
                      "the paper page.").format(form=label)
        return None

    def lock_refusal(self, instance_ids: Sequence[int]) -> str | None:
        """Why these forms cannot be locked now: two entries of one still differ, or one
        awaits its second entry (the lock would keep them so, and stop the second entry or
        the resolution)."""
        if not self._tables() or not instance_ids:
            return None
        double = [f.id for f in self.store.study.forms.values() if f.double_entry]
        waiting = self.conn.execute(
            "SELECT s.code, fi.event, fi.form FROM form_instances fi JOIN subjects s ON s.id "
            "= fi.subject_id WHERE fi.completed_at IS NULL AND fi.status != 'deleted' AND "
            f"fi.form IN ({', '.join('?' * len(double))}) AND fi.id IN "
            f"({', '.join('?' * len(instance_ids))}) AND fi.id NOT IN "
            "(SELECT instance_id FROM second_entries)", (*double, *instance_ids)).fetchall() \
            if double else []
        if waiting:
            return tr("{names} await(s) the second entry: lock once it is made and the two "
                      "entries agree.").format(names=self._names(waiting))
        rows = self.conn.execute(
            "SELECT s.code, fi.event, fi.form FROM second_entries se JOIN form_instances fi ON "
            "fi.id = se.instance_id JOIN subjects s ON s.id = fi.subject_id WHERE "
            f"se.resolved_at IS NULL AND se.instance_id IN ({', '.join('?' * len(instance_ids))})",
            list(instance_ids)).fetchall()
        if not rows:
            return None
        return tr("The two entries of {names} still differ: resolve the differences first "
                  "(Form > Resolve differences…), then lock.").format(names=self._names(rows))

    def _names(self, rows: Sequence[tuple[str, str, str]]) -> str:
        """'S001 Baseline Vital signs, …' of (subject, event, form) rows, five at most."""
        study = self.store.study
        return ", ".join(f"{code} {study.event(ev).label} {study.form(form).label}"
                         for code, ev, form in rows[:5]) + (", …" if len(rows) > 5 else "")

    def withdrawal_refusal(self, record: "FormRecord") -> str | None:
        """Why the user logged in may not take back this form's second entry; None if they
        may (the second keyer or an investigator, while none of its differences is resolved
        into the form)."""
        from alsdesk import permissions
        from alsdesk.auth import Role

        if (why := permissions.role_refusal(self.store.role, Action.ENTER_DATA)):
            return why
        label = self.store.study.form(record.form).label
        entry = self.entry(record.instance_id) if record.instance_id is not None else None
        if entry is None:
            return tr("'{form}' has no second entry to withdraw.").format(form=label)
        if not entry.differences:
            return tr("The second entry of '{form}' agreed with the first: there is nothing "
                      "to take back.").format(form=label)
        if any(d.resolved for d in entry.differences):
            return tr("Differences of the second entry of '{form}' were already resolved "
                      "into the form: it is kept (a value it changed is corrected with a "
                      "reason instead).").format(form=label)
        if self.store.user_id != entry.entered_by and self.store.role is not Role.INVESTIGATOR:
            return tr("Only the person who made the second entry, or an investigator, "
                      "withdraws it.")
        return None

    # -- what the form's own save asks of it --------------------------------------------

    def gate(self, fdef: Form, current: "FormRecord", changed: tuple[str, ...],
             complete: bool, reason: str | None) -> None:
        """Inside forms.save, for a form keyed twice: no change while differences are open
        (but the resolution's own), no completion before both entries agree, and a reason
        for a change after they were made to agree."""
        if self._importing:
            return
        iid = current.instance_id
        entry = self.entry(iid) if iid is not None else None
        if entry is not None and entry.open and self._resolving != iid and changed:
            raise WorkflowError(tr(
                "'{form}' has {n} difference(s) between its first and second entry to "
                "resolve first (Resolve differences…, with the paper page); until then the "
                "form does not change otherwise. Nothing was saved.").format(
                    form=fdef.label, n=len(entry.open)))
        if complete and not current.completed_at and (entry is None or entry.open):
            if entry is None:
                text = tr("'{form}' is keyed twice from its paper page: it can be marked "
                          "complete once another person has made its second entry and any "
                          "differences are resolved. Save it as a draft now.")
            else:
                text = tr("'{form}' has {n} difference(s) between its two entries: resolve "
                          "them first, then mark it complete.")
            raise WorkflowError(text.format(form=fdef.label, n=len(entry.open) if entry else 0))
        if (entry is not None and not entry.open and changed and not current.completed_at
                and self._resolving != iid and not (reason or "").strip()):
            raise ReasonRequired(tr(
                "'{form}' was keyed twice and its entries were made to agree: give a reason "
                "for changing {fields}.").format(
                    form=fdef.label, fields=", ".join(fdef.field(k).label for k in changed)))

    @contextlib.contextmanager
    def importing(self) -> Iterator[None]:
        """Forms imported as the source holds them (alsdesk.exchange.odm_import)."""
        self._importing = True
        try:
            yield
        finally:
            self._importing = False


def unanswered(fdef: Form, values: Mapping[str, Any], missing: Mapping[str, str]) -> list[str]:
    """The labels of the required questions shown by the form's own rules that hold neither
    a value nor a missing-data code."""
    from alsdesk.rules.engine import visibility

    shown = visibility(fdef, values, missing)
    return [f.label for f in fdef.fields if f.required and shown.get(f.id, True)
            and values.get(f.id) in (None, "") and not missing.get(f.id)]
