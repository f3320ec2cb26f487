"""Workflow steps after completion: verify, sign (one form or a whole visit), lock, unlock,
delete. Mixed into FormService so callers keep one object: ``store.forms.sign(...)``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.errors import PermissionDenied, ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.permissions import delete_state, signed_delete_refusal, verify_refusal
from alsdesk.states import FormStatus
from alsdesk.store.audit import A, place_of, utc_now
from alsdesk.store.signoff import DEFAULT_MEANING, signoff
from alsdesk.textcheck import says_something

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.store.forms import FormRecord, InstanceSummary



@dataclass(frozen=True)
class CasebookLock:
    """What :meth:`WorkflowSteps.lock_casebook` did."""

    subject: str
    locked: int  # forms locked now
    warning: str | None  # unsigned forms that need a signature, when the study only warns

# Forms in these states are signed by a visit signature; already signed or locked ones stay
# as they are; the rest (not started, in progress) are left out and named as such.
_SIGNABLE = (FormStatus.COMPLETE, FormStatus.VERIFIED)
_SETTLED = (FormStatus.SIGNED, FormStatus.LOCKED)


@dataclass(frozen=True)
class ScopeItem:
    """One form of a visit as a visit signature sees it."""

    form: str
    label: str  # the form's label, with the entry number for repeating forms
    repeat: int
    instance_id: int | None
    status: FormStatus
    completed_by: str | None  # printed name of whoever last marked it complete
    completed_at: str | None  # UTC time stamp of that
    open_queries: int = 0  # queries not closed on it: signed data under question


@dataclass(frozen=True)
class VisitScope:
    """What signing one visit would cover, and what it would leave out."""

    subject: str
    event: str
    event_repeat: int
    event_label: str
    covered: tuple[ScopeItem, ...]  # complete or verified: will be signed
    settled: tuple[ScopeItem, ...]  # already signed or locked: stay as they are
    left_out: tuple[ScopeItem, ...]  # not started or in progress: will not be signed

    @property
    def warning(self) -> str | None:
        """A sentence naming the forms the signature will not cover, or None."""
        sentences = []
        if self.left_out:
            parts = [f"{i.label} ({i.status.shown})" for i in self.left_out]
            said = (tr("{n} forms of this visit will not be signed: {forms}.") if len(parts) > 1
                    else tr("{n} form of this visit will not be signed: {forms}."))
            sentences.append(said.format(n=len(parts), forms=", ".join(parts)))
        queried = [i for i in self.covered if i.open_queries]
        if queried:
            n = sum(i.open_queries for i in queried)
            said = (tr("{n} queries are still open on forms you would sign: {forms}. Data "
                       "under question is usually settled before it is signed.") if n > 1
                    else tr("{n} query is still open on forms you would sign: {forms}. Data "
                            "under question is usually settled before it is signed."))
            sentences.append(said.format(n=n, forms=", ".join(
                f"{i.label} ({i.open_queries})" for i in queried)))
        return " ".join(sentences) or None

    @property
    def refusal(self) -> str | None:
        """Why there is nothing to sign, or None."""
        if self.covered:
            return None
        return tr("This visit has no complete form waiting for a signature.")


class WorkflowSteps:
    store: "Store"

    def get_instance(self, instance_id: int) -> "FormRecord":  # provided by FormService
        raise NotImplementedError

    def _record(self, instance_id: int) -> "FormRecord":  # provided by FormService (unmasked)
        raise NotImplementedError

    def instances(self, subject: str) -> list["InstanceSummary"]:  # provided by FormService
        raise NotImplementedError

    @property
    def conn(self):
        return self.store.conn

    def verify(self, instance_id: int) -> FormRecord:
        """Source data verified by a monitor: a complete form, or a signed one.

        Monitors often visit after the investigator has signed. Verifying reads the data and
        changes none of it, so a signed form keeps its status and its signature (which covers
        the data, not the absence of a monitor's check); the verification is recorded beside
        it, audited like any other.
        """
        self.store.require(Action.VERIFY)
        rec = self.get_instance(instance_id)
        if refusal := verify_refusal(rec.status, bool(rec.verified_at)):
            raise WorkflowError(refusal)
        now = utc_now()
        signed = rec.status is FormStatus.SIGNED
        new_status = rec.status if signed else FormStatus.VERIFIED
        with self.store.transaction():
            self.conn.execute(
                "UPDATE form_instances SET status = ?, verified_at = ?, verified_by = ? WHERE id = ?",
                (new_status.value, now, self.store.user_id, instance_id),
            )
            place = place_of(rec)
            self.store.audit(A.VERIFY, **place, ts=now,
                             new_value="signed form; the signature stays valid" if signed else None)
            if new_status is not rec.status:
                self.store.audit(A.FORM_STATUS, **place, old_value=rec.status.value,
                                 new_value=new_status.value, ts=now)
        return self.get_instance(instance_id)

    def visit_scope(self, subject: str, event: str, event_repeat: int = 1) -> VisitScope:
        """What :meth:`sign_event` would sign on this visit, and which forms it would not."""
        study = self.store.study
        ev = study.event(event)
        found: dict[str, list["InstanceSummary"]] = {}
        for inst in self.instances(subject):
            if (inst.event == event and inst.event_repeat == event_repeat
                    and inst.status is not FormStatus.DELETED):
                found.setdefault(inst.form, []).append(inst)
        covered: list[ScopeItem] = []
        settled: list[ScopeItem] = []
        left_out: list[ScopeItem] = []
        ids = [i.instance_id for entries in found.values() for i in entries]
        queries = dict(self.conn.execute(
            "SELECT instance_id, count(*) FROM queries WHERE status != 'closed' AND "
            f"instance_id IN ({','.join('?' * len(ids))}) GROUP BY instance_id", ids).fetchall()
        ) if ids else {}
        for form_id in ev.forms:
            fdef = study.form(form_id)
            entries = sorted(found.get(form_id, []), key=lambda i: i.repeat)
            if not entries:
                left_out.append(ScopeItem(form_id, fdef.label, 1, None, FormStatus.NOT_STARTED,
                                          None, None))
                continue
            for inst in entries:
                label = fdef.label + (f" #{inst.repeat}" if fdef.repeating else "")
                by, at = self._completed_by(inst.instance_id)
                item = ScopeItem(form_id, label, inst.repeat, inst.instance_id, inst.status,
                                 by, at, queries.get(inst.instance_id, 0))
                (covered if inst.status in _SIGNABLE
                 else settled if inst.status in _SETTLED else left_out).append(item)
        return VisitScope(subject, event, event_repeat, ev.label, tuple(covered),
                          tuple(settled), tuple(left_out))

    def _completed_by(self, instance_id: int) -> tuple[str | None, str | None]:
        """Printed name and time of the last 'complete' status row of an instance."""
        row = self.conn.execute(
            "SELECT a.ts, coalesce(u.full_name, a.user_id) FROM audit_trail a "
            "LEFT JOIN users u ON u.user_id = a.user_id WHERE a.instance_id = ? "
            "AND a.action = ? AND a.new_value = ? ORDER BY a.seq DESC LIMIT 1",
            (instance_id, A.FORM_STATUS, FormStatus.COMPLETE.value),
        ).fetchone()
        return (row[1], row[0]) if row else (None, None)

    def sign(self, instance_id: int, password: str, meaning: str = DEFAULT_MEANING) -> FormRecord:
        """Electronic signature (21 CFR 11.50/11.200): investigator, password re-entered."""
        self.store.require(Action.SIGN)
        _meaningful(meaning)
        self.store.users.confirm_password(password)
        rec = self.get_instance(instance_id)
        if rec.status not in (FormStatus.COMPLETE, FormStatus.VERIFIED):
            raise WorkflowError(tr(
                "Only a complete form can be signed (this one is {status}).").format(
                    status=rec.status.shown))
        with self.store.transaction():
            return self._sign_confirmed(instance_id, meaning)

    def sign_event(self, subject: str, event: str, password: str,
                   meaning: str = DEFAULT_MEANING, event_repeat: int = 1) -> list[FormRecord]:
        """Sign every complete or verified form of one visit, after one password entry."""
        self.store.require(Action.SIGN)
        _meaningful(meaning)
        self.store.users.confirm_password(password)
        scope = self.visit_scope(subject, event, event_repeat)
        if scope.refusal:
            raise WorkflowError(scope.refusal)
        signed = []
        with self.store.transaction():
            for item in scope.covered:
                assert item.instance_id is not None
                signed.append(self._sign_confirmed(item.instance_id, meaning))
        return signed

    def _sign_confirmed(self, instance_id: int, meaning: str) -> FormRecord:
        rec = self._record(instance_id)  # the fingerprint covers the data as stored
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
        """Lock a form (administrator): no change until unlocked.

        One form by itself is locked whether signed or not (an interim freeze of data is not a
        sign-off); a subject's whole casebook is locked by :meth:`lock_casebook`."""
        self.store.require(Action.LOCK)
        rec = self.get_instance(instance_id)
        if rec.status in (FormStatus.LOCKED, FormStatus.DELETED, FormStatus.NOT_STARTED):
            raise WorkflowError(tr("A form that is {status} cannot be locked.").format(
                status=rec.status.shown))
        if why := self.store.double.lock_refusal([instance_id]):
            raise WorkflowError(why)
        with self.store.transaction():
            self._lock_row(rec, reason)
        return self.get_instance(instance_id)

    def lock_casebook(self, subject: str, reason: str | None = None) -> CasebookLock:
        """Lock every entered form of a subject (administrator), once the investigator has
        signed what the protocol has signed.

        Professional EDCs lock a casebook after the investigator's sign-off (OpenClinica asks
        for the casebook signature once every event is complete): with the study's
        ``lock_unsigned = "refuse"`` (the default) an entered form that needs a signature and
        has no valid one stops the lock, and the message names each such form; with "warn"
        the casebook is locked, the warning is returned to be shown, and the lock row of
        every such form says it was locked unsigned.
        """
        self.store.require(Action.LOCK)
        sign, todo, refusal, problem = self._casebook_check(subject)
        if refusal:
            raise WorkflowError(refusal)
        why = "casebook locked" + (f": {reason.strip()}" if reason and reason.strip() else "")
        unsigned = {i.instance_id for i in sign.outstanding}
        with self.store.transaction():
            for inst in todo:
                self._lock_row(self.get_instance(inst.instance_id), why + (
                    " (locked without the investigator's signature the protocol asks for)"
                    if inst.instance_id in unsigned else ""))
        return CasebookLock(sign.subject, len(todo), problem)

    def casebook_lock_check(self, subject: str) -> tuple[str | None, str | None]:
        """(why :meth:`lock_casebook` would refuse, the warning it would give), each or None:
        for the window to say before it asks for a reason."""
        _, _, refusal, problem = self._casebook_check(subject)
        return refusal, None if refusal else problem

    def _casebook_check(self, subject: str):
        sign = signoff(self.store, subject)
        problem = sign.problem()
        todo = [i for i in self.instances(sign.subject) if i.status not in
                (FormStatus.LOCKED, FormStatus.DELETED, FormStatus.NOT_STARTED)]
        # two entries of a form keyed twice that still differ stop the lock first
        refusal = self.store.double.lock_refusal([i.instance_id for i in todo])
        if refusal is None and problem and self.store.study.lock_unsigned == "refuse":
            refusal = tr("The casebook cannot be locked yet: {problem} The investigator signs "
                         "them first (Sign on the form or Sign visit); then lock the casebook "
                         "again.").format(problem=problem)
        elif refusal is None and not todo:
            refusal = tr("The casebook of {subject} has no form left to lock.").format(
                subject=sign.subject)
        return sign, todo, refusal, problem

    def _lock_row(self, rec: FormRecord, reason: str | None) -> None:
        self.conn.execute(
            "UPDATE form_instances SET status = ?, status_before_lock = ? WHERE id = ?",
            (FormStatus.LOCKED.value, rec.status.value, rec.instance_id),
        )
        place = place_of(rec)
        self.store.audit(A.LOCK, **place, reason=reason)
        self.store.audit(A.FORM_STATUS, **place, old_value=rec.status.value,
                         new_value=FormStatus.LOCKED.value, reason=reason)

    def unlock(self, instance_id: int, reason: str) -> FormRecord:
        """Unlock (administrator, with a reason): the form returns to its status before."""
        self.store.require(Action.UNLOCK)
        if not reason.strip():
            raise ReasonRequired(tr("Give a reason for unlocking the form."))
        rec = self.get_instance(instance_id)
        if rec.status is not FormStatus.LOCKED:
            raise WorkflowError(tr("This form is not locked."))
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
        """Withdraw a log entry entered by mistake; its data and history stay in the file.

        Only entries of repeating forms (AEs, con-meds, medical history) are deleted: a
        once-per-visit form deleted could never be entered again, so it is corrected instead.
        Any data-entry role deletes an unsigned entry (not only whoever entered it: nurses
        cover for each other and a wrong entry must not wait for one person). A signed entry
        disappears from exports and listings, which is more than a change of signed data
        (that stays visible, voided): only a role that signs (the investigator) may withdraw
        it. A signature or verification of the entry is voided with audit rows, as a change
        of signed data voids them.
        """
        self.store.require(Action.DELETE_DATA)
        if not reason.strip():
            raise ReasonRequired(tr("Give a reason for deleting this entry."))
        rec = self._record(instance_id)
        if refusal := delete_state(rec.status, self.store.study.form(rec.form).repeating):
            raise WorkflowError(refusal)
        if refusal := signed_delete_refusal(self.store.role, rec.status):
            raise PermissionDenied(refusal)
        now = utc_now()
        place = place_of(rec)
        with self.store.transaction():
            self.conn.execute("UPDATE form_instances SET status = ? WHERE id = ?",
                              (FormStatus.DELETED.value, instance_id))
            self._void_approvals(rec, place, reason, now, why="entry deleted")
            self.store.audit(A.FORM_STATUS, **place, old_value=rec.status.value,
                             new_value=FormStatus.DELETED.value, reason=reason, ts=now)
        return self.get_instance(instance_id)

    def _void_approvals(self, current: "FormRecord", place: dict, reason: str, now: str,
                        why: str = "") -> None:  # provided by FormService
        raise NotImplementedError


def _data_hash(rec: "FormRecord") -> str:
    from alsdesk.store.forms import data_hash

    return data_hash(rec)


def _meaningful(meaning: str) -> None:
    """The meaning is printed with the signature (21 CFR 11.50): words, a sentence at most."""
    if not says_something(meaning):
        raise WorkflowError(tr("State the meaning of the signature in words."))
    if len(meaning.strip()) > 4000:  # as every reason (alsdesk.store.core.REASON_MAX)
        raise WorkflowError(tr("The meaning of a signature is at most 4,000 characters."))
