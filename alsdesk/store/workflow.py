"""Workflow steps after completion: verify, sign (one form or a whole visit), lock, unlock,
delete. Mixed into FormService so callers keep one object: ``store.forms.sign(...)``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.states import FormStatus
from alsdesk.store.audit import A, place_of, utc_now

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.store.forms import FormRecord, InstanceSummary

DEFAULT_MEANING = "I have reviewed the data on this form and confirm it is accurate and complete."


class WorkflowSteps:
    store: "Store"

    def get_instance(self, instance_id: int) -> "FormRecord":  # provided by FormService
        raise NotImplementedError

    def instances(self, subject: str) -> list["InstanceSummary"]:  # provided by FormService
        raise NotImplementedError

    @property
    def conn(self):
        return self.store.conn

    def verify(self, instance_id: int) -> FormRecord:
        """Source data verified by a monitor (complete forms only)."""
        self.store.require(Action.VERIFY)
        rec = self.get_instance(instance_id)
        if rec.status is not FormStatus.COMPLETE:
            raise WorkflowError(f"Only a complete form can be verified (this one is {rec.status.value}).")
        now = utc_now()
        with self.store.transaction():
            self.conn.execute(
                "UPDATE form_instances SET status = ?, verified_at = ?, verified_by = ? WHERE id = ?",
                (FormStatus.VERIFIED.value, now, self.store.user_id, instance_id),
            )
            place = place_of(rec)
            self.store.audit(A.VERIFY, **place, ts=now)
            self.store.audit(A.FORM_STATUS, **place, old_value=rec.status.value,
                             new_value=FormStatus.VERIFIED.value, ts=now)
        return self.get_instance(instance_id)

    def sign(self, instance_id: int, password: str, meaning: str = DEFAULT_MEANING) -> FormRecord:
        """Electronic signature (21 CFR 11.50/11.200): investigator, password re-entered."""
        self.store.require(Action.SIGN)
        if not meaning.strip():
            raise WorkflowError("State the meaning of the signature.")
        self.store.users.confirm_password(password)
        rec = self.get_instance(instance_id)
        if rec.status not in (FormStatus.COMPLETE, FormStatus.VERIFIED):
            raise WorkflowError(
                f"Only a complete form can be signed (this one is {rec.status.value})."
            )
        with self.store.transaction():
            return self._sign_confirmed(instance_id, meaning)

    def sign_event(self, subject: str, event: str, password: str,
                   meaning: str = DEFAULT_MEANING, event_repeat: int = 1) -> list[FormRecord]:
        """Sign every complete or verified form of one visit, after one password entry."""
        self.store.require(Action.SIGN)
        self.store.users.confirm_password(password)
        todo = [i for i in self.instances(subject)
                if i.event == event and i.event_repeat == event_repeat
                and i.status in (FormStatus.COMPLETE, FormStatus.VERIFIED)]
        if not todo:
            raise WorkflowError("This visit has no complete form waiting for a signature.")
        signed = []
        with self.store.transaction():
            for inst in todo:
                signed.append(self._sign_confirmed(inst.instance_id, meaning))
        return signed

    def _sign_confirmed(self, instance_id: int, meaning: str) -> FormRecord:
        rec = self.get_instance(instance_id)
        now = utc_now()
        self.conn.execute(
            "INSERT INTO signatures (instance_id, user_id, full_name, role, meaning, signed_at, "
            "data_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (instance_id, self.store.user_id, self.store.full_name, self.store.role.value,
             meaning, now, _data_hash(rec)),
        )
        self.conn.execute("UPDATE form_instances SET status = ? WHERE id = ?",
                          (FormStatus.SIGNED.value, instance_id))
        place = place_of(rec)
        self.store.audit(A.SIGN, **place, new_value=f"{self.store.full_name}: {meaning}", ts=now)
        self.store.audit(A.FORM_STATUS, **place, old_value=rec.status.value,
                         new_value=FormStatus.SIGNED.value, ts=now)
        return self.get_instance(instance_id)

    def lock(self, instance_id: int, reason: str | None = None) -> FormRecord:
        """Lock a form (administrator): no change until unlocked."""
        self.store.require(Action.LOCK)
        rec = self.get_instance(instance_id)
        if rec.status in (FormStatus.LOCKED, FormStatus.DELETED, FormStatus.NOT_STARTED):
            raise WorkflowError(f"A form that is {rec.status.value} cannot be locked.")
        with self.store.transaction():
            self.conn.execute(
                "UPDATE form_instances SET status = ?, status_before_lock = ? WHERE id = ?",
                (FormStatus.LOCKED.value, rec.status.value, instance_id),
            )
            place = place_of(rec)
            self.store.audit(A.LOCK, **place, reason=reason)
            self.store.audit(A.FORM_STATUS, **place, old_value=rec.status.value,
                             new_value=FormStatus.LOCKED.value, reason=reason)
        return self.get_instance(instance_id)

    def unlock(self, instance_id: int, reason: str) -> FormRecord:
        """Unlock (administrator, with a reason): the form returns to its status before."""
        self.store.require(Action.UNLOCK)
        if not reason.strip():
            raise ReasonRequired("Give a reason for unlocking the form.")
        rec = self.get_instance(instance_id)
        if rec.status is not FormStatus.LOCKED:
            raise WorkflowError("This form is not locked.")
        before = self.conn.execute(
            "SELECT status_before_lock FROM form_instances WHERE id = ?", (instance_id,)
        ).fetchone()[0] or FormStatus.IN_PROGRESS.value
        with self.store.transaction():
            self.conn.execute(
                "UPDATE form_instances SET status = ?, status_before_lock = NULL WHERE id = ?",
                (before, instance_id),
            )
            place = place_of(rec)
            self.store.audit(A.UNLOCK, **place, reason=reason)
            self.store.audit(A.FORM_STATUS, **place, old_value=FormStatus.LOCKED.value,
                             new_value=before, reason=reason)
        return self.get_instance(instance_id)

    def delete(self, instance_id: int, reason: str) -> FormRecord:
        """Withdraw a log entry entered by mistake; its data and history stay in the file."""
        self.store.require(Action.DELETE_DATA)
        if not reason.strip():
            raise ReasonRequired("Give a reason for deleting this entry.")
        rec = self.get_instance(instance_id)
        if rec.status in (FormStatus.LOCKED, FormStatus.DELETED):
            raise WorkflowError(f"A form that is {rec.status.value} cannot be deleted.")
        with self.store.transaction():
            self.conn.execute("UPDATE form_instances SET status = ? WHERE id = ?",
                              (FormStatus.DELETED.value, instance_id))
            self.store.audit(A.FORM_STATUS, **place_of(rec), old_value=rec.status.value,
                             new_value=FormStatus.DELETED.value, reason=reason)
        return self.get_instance(instance_id)




def _data_hash(rec: "FormRecord") -> str:
    from alsdesk.store.forms import data_hash

    return data_hash(rec)
