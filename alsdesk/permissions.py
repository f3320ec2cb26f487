"""What the logged-in user may do next with a form or a subject, and why not.

The store enforces every rule itself (alsdesk/store/forms.py and alsdesk/store/workflow.py,
with the roles of alsdesk/auth.py). This module states the same rules without side effects so
a screen can grey a button and say why before anyone clicks; tests/test_permissions.py checks
that the two agree. A refusal is a sentence a nurse understands; ``None`` means the step is
open.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING

from alsdesk.auth import Action, Role, allowed, who_may
from alsdesk.errors import WorkflowError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.states import FormStatus
from alsdesk.study.model import Field, Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = [
    "Step", "role_refusal", "form_steps", "may_see_identifiers", "restricted_fields", "field_help",
    "next_event_repeat", "verify_refusal", "delete_state", "signed_delete_refusal",
]


class Step(str, Enum):
    """Things a user can do with one form instance."""

    EDIT = "enter or change data"
    VERIFY = "verify"
    SIGN = "sign"
    LOCK = "lock"
    UNLOCK = "unlock"
    DELETE = "delete the entry"
    RAISE_QUERY = "raise a query"


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return tr(", ").join(names[:-1]) + tr(" or ") + names[-1]


def role_refusal(role: Role | None, action: Action) -> str | None:
    """Why this role may not do the action ("Only an Investigator may sign forms."), or None."""
    if role is None:
        return tr("Log in first: you must be logged in to {action}.").format(
            action=action.shown)
    if allowed(role, action):
        return None
    roles = _join([r.shown for r in who_may(action)]) or tr("nobody")
    return tr("Only a user with the role {roles} may {action} (you are {role}).").format(
        roles=roles, action=action.shown, role=role.shown)


_LOCKED = QT_TRANSLATE_NOOP(
    "", "This form is locked: an administrator must unlock it before it can change.")
_DELETED = QT_TRANSLATE_NOOP("", "This entry was deleted; it cannot be changed.")


def _edit(role: Role | None, status: FormStatus) -> str | None:
    action = Action.ENTER_DATA if status is FormStatus.NOT_STARTED else Action.CHANGE_DATA
    if refusal := role_refusal(role, action):
        return refusal
    if status is FormStatus.LOCKED:
        return tr(_LOCKED)
    if status is FormStatus.DELETED:
        return tr(_DELETED)
    return None


def verify_refusal(status: FormStatus, verified: bool) -> str | None:
    """Why a form in this state cannot be verified now, or None (roles aside).

    A signed form can still be verified: a monitor often comes after the investigator, and
    verifying changes no data, so the signature stays valid (alsdesk/store/workflow.py).
    """
    if status is FormStatus.SIGNED:
        return tr("This form was already verified.") if verified else None
    if status is FormStatus.VERIFIED:
        return tr("This form was already verified.")
    if status is not FormStatus.COMPLETE:
        return tr("Only a complete or signed form can be verified (this one is "
                  "{status}).").format(status=status.shown)
    return None


def form_steps(role: Role | None, status: FormStatus, *,
               repeating: bool = False, verified: bool = False) -> dict[Step, str | None]:
    """For each step: None when this role may take it now, else the reason it may not.

    `repeating` is whether the form is a repeating one (log entries, medical history): only
    those entries are deleted; a once-per-visit form is corrected instead. `verified` is
    whether a monitor already verified it (a signed form may be verified once).
    """
    S = FormStatus
    steps: dict[Step, str | None] = {Step.EDIT: _edit(role, status)}

    def gate(step: Step, action: Action, state: str | None) -> None:
        steps[step] = role_refusal(role, action) or state

    steps[Step.VERIFY] = (role_refusal(role, Action.VERIFY)
                          or verify_refusal(status, verified))
    sign_state = None
    if status not in (S.COMPLETE, S.VERIFIED):
        sign_state = tr("Only a complete form can be signed (this one is {status}).").format(
            status=status.shown)
    gate(Step.SIGN, Action.SIGN, sign_state)
    lock_state = None
    if status in (S.LOCKED, S.DELETED, S.NOT_STARTED):
        lock_state = tr("A form that is {status} cannot be locked.").format(
            status=status.shown)
    gate(Step.LOCK, Action.LOCK, lock_state)
    gate(Step.UNLOCK, Action.UNLOCK,
         None if status is S.LOCKED else tr("This form is not locked."))
    steps[Step.DELETE] = (role_refusal(role, Action.DELETE_DATA)
                          or delete_state(status, repeating)
                          or signed_delete_refusal(role, status))
    query_state = (tr("Save the form first: a query is raised on stored data.")
                   if status is S.NOT_STARTED else None)
    gate(Step.RAISE_QUERY, Action.RAISE_QUERY, query_state)
    return steps


def delete_state(status: FormStatus, repeating: bool) -> str | None:
    """Why an entry in this state cannot be deleted, or None (roles aside).

    A once-per-visit form deleted could never be entered again: it is corrected instead.
    """
    if not repeating:
        return tr("Only entries of a log or list can be deleted; correct the values of this "
                  "form instead.")
    if status in (FormStatus.LOCKED, FormStatus.DELETED, FormStatus.NOT_STARTED):
        return tr("An entry that is {status} cannot be deleted.").format(status=status.shown)
    return None


def signed_delete_refusal(role: Role | None, status: FormStatus) -> str | None:
    """Why this role may not delete a signed entry, or None (alsdesk/store/workflow.py).

    A deleted entry leaves exports and listings, so withdrawing a signed one is the
    signer's decision: only a role that signs may do it (the signature is voided).
    """
    if status is not FormStatus.SIGNED or allowed(role, Action.SIGN):
        return None
    roles = _join([r.shown for r in who_may(Action.SIGN)]) or tr("nobody")
    if role is None:
        return tr("This entry is signed: only a user with the role {roles} may delete "
                  "it.").format(roles=roles)
    return tr("This entry is signed: only a user with the role {roles} may delete it (you "
              "are {role}).").format(roles=roles, role=role.shown)


# A CDISC code in help text: "VSTESTCD: TEMP", "(DSDECOD: INFORMED CONSENT OBTAINED)".
_CODE = re.compile(r"\s*\(?\b[A-Z][A-Z0-9]{2,}: [A-Z0-9][A-Z0-9 ]*[A-Z0-9]\b\)?")
_CODE_WORDS = re.compile(r"\b(CDASH|SDTM|CDISC)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def field_help(role: Role | None, field: Field) -> str | None:
    """The help this role is shown for a field, or None for nothing to show.

    Site staff get the help in plain words: CDISC codes and sentences about them are for
    the roles that may see codes (docs/study-definition.md, "Fields"), who also get the
    field's CDASH and SDTM names.
    """
    text = (field.help or "").strip()
    if allowed(role, Action.VIEW_CODES):
        names = [f"{k} {v}" for k, v in (("CDASH", field.cdash), ("SDTM", field.sdtm)) if v]
        return " — ".join(x for x in (text, " · ".join(names)) if x) or None
    kept = [s for s in _SENTENCE.split(_CODE.sub("", text)) if not _CODE_WORDS.search(s)]
    plain = " ".join(s.strip() for s in kept if s.strip(" .()"))
    return plain or None


def may_see_identifiers(role: Role | None) -> bool:
    """Whether the role may see direct identifiers (name, record number, phone)."""
    return allowed(role, Action.VIEW_IDENTIFIERS)


def restricted_fields(role: Role | None, form: Form) -> frozenset[str]:
    """Fields of `form` whose values this role may not see (direct identifiers)."""
    if may_see_identifiers(role):
        return frozenset()
    return frozenset(f.id for f in form.fields if f.identifier)


def next_event_repeat(store: "Store", subject: str, event: str) -> int:
    """The number of the next occurrence of a repeating event (unscheduled visits)."""
    ev = store.study.event(event)
    if not ev.repeating:
        raise WorkflowError(tr("The event '{event}' happens only once.").format(
            event=ev.label))
    used = [i.event_repeat for i in store.forms.instances(subject) if i.event == event]
    return max(used, default=0) + 1
