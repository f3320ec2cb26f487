"""Account administration as a screen shows it: the accounts, what may be done to each, the steps.

Each step is the UserService call the CLI makes (alsdesk/store/users.py), after the checks a
person at a screen needs that the service leaves to its caller: a reason is required, a role
change must change the role, an active account is not "reactivated". :func:`account_steps`
states those rules without side effects so a screen can grey a button and say why; the step
functions refuse with the same sentences, so the two cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import TYPE_CHECKING

from alsdesk.auth import Action, Role
from alsdesk.errors import AuthError, ReadOnlyDatabase, ReasonRequired
from alsdesk.permissions import role_refusal
from alsdesk.store.audit import A
from alsdesk.store.users import User
from alsdesk.store.users import _role as as_role

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["Account", "AccountStep", "accounts", "account_steps", "add", "deactivate",
           "reactivate", "reset_password", "unlock", "change_role"]


@dataclass(frozen=True)
class Account:
    """One account with what the users table does not hold: its last login."""

    user: User
    last_login: str | None  # UTC ISO time stamp from the audit trail; None: never
    locked: bool  # locked now (a lockout whose time has passed no longer counts)

    @property
    def user_id(self) -> str:
        return self.user.user_id


class AccountStep(str, Enum):
    """What an administrator can do to an account (the value completes "... nurse.ali")."""

    RESET_PASSWORD = "reset the password of"
    UNLOCK = "unlock"
    CHANGE_ROLE = "change the role of"
    DEACTIVATE = "deactivate"
    REACTIVATE = "reactivate"


def _locked(user: User, now: datetime) -> bool:
    return bool(user.locked_until) and datetime.fromisoformat(user.locked_until) > now


def _last_logins(store: "Store", users: list[User]) -> dict[str, str]:
    """Each account's newest login.

    The trail has no index on the action or the user: SQLite reads it backwards from its end
    and stops at the account's newest login, which is near the end for anyone who works here.
    """
    found: dict[str, str] = {}
    for u in users:
        row = store.conn.execute(
            "SELECT ts FROM audit_trail WHERE action = ? AND user_id = ? ORDER BY seq DESC "
            "LIMIT 1", (A.LOGIN, u.user_id)).fetchone()
        if row is not None:
            found[u.user_id] = row[0]
    return found


def accounts(store: "Store") -> list[Account]:
    """Every account, by user id, with its last login (administrators only)."""
    store.require(Action.MANAGE_USERS)
    users = store.users.list()
    logins = _last_logins(store, users)
    now = datetime.now(timezone.utc)
    return [Account(u, logins.get(u.user_id), _locked(u, now)) for u in users]


def _refusal(store: "Store", user: User, step: AccountStep) -> str | None:
    if refusal := role_refusal(store.role, Action.MANAGE_USERS):
        return refusal
    if store.readonly:
        return "The database is open read-only: accounts cannot be changed in this window."
    own = user.user_id == store.user_id
    if step is AccountStep.DEACTIVATE:
        if own:
            return "You cannot deactivate your own account."
        if not user.active:
            return f"{user.user_id} is already deactivated."
    elif step is AccountStep.REACTIVATE and user.active:
        return f"{user.user_id} is active."
    elif step is AccountStep.UNLOCK and not _locked(user, datetime.now(timezone.utc)):
        return f"{user.user_id} is not locked."
    elif step is AccountStep.CHANGE_ROLE and own:
        return "You cannot take the administrator role from your own account."
    return None


def account_steps(store: "Store", user: User) -> dict[AccountStep, str | None]:
    """For each step: None when the logged-in user may take it now, else why not."""
    return {step: _refusal(store, user, step) for step in AccountStep}


def _check(store: "Store", user_id: str, step: AccountStep, reason: str | None) -> str:
    store.require(Action.MANAGE_USERS)
    user = store.users.get(user_id)
    refusal = _refusal(store, user, step)
    if refusal is not None:
        raise (ReadOnlyDatabase if store.readonly else AuthError)(refusal)
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired(f"Give the reason to {step.value} {user_id}: it is kept in the "
                             "audit trail.")
    return reason


def _same(password: str, repeat: str) -> None:
    if password != repeat:
        raise AuthError("The two passwords differ: type the same password twice.")


def add(store: "Store", user_id: str, full_name: str, role: Role | str, password: str,
        repeat: str) -> User:
    """A new account (UserService.add), the password typed twice."""
    store.require(Action.MANAGE_USERS)
    _same(password, repeat)
    return store.users.add(user_id, full_name, role, password)


def deactivate(store: "Store", user_id: str, reason: str) -> None:
    store.users.set_active(user_id, False, _check(store, user_id, AccountStep.DEACTIVATE,
                                                  reason))


def reactivate(store: "Store", user_id: str, reason: str) -> None:
    store.users.set_active(user_id, True, _check(store, user_id, AccountStep.REACTIVATE,
                                                 reason))


def reset_password(store: "Store", user_id: str, password: str, repeat: str,
                   reason: str) -> None:
    """A new password set by an administrator (it also unlocks the account)."""
    reason = _check(store, user_id, AccountStep.RESET_PASSWORD, reason)
    _same(password, repeat)
    store.users.reset_password(user_id, password, reason)


def unlock(store: "Store", user_id: str, reason: str) -> None:
    store.users.unlock(user_id, _check(store, user_id, AccountStep.UNLOCK, reason))


def change_role(store: "Store", user_id: str, role: Role | str, reason: str) -> None:
    reason = _check(store, user_id, AccountStep.CHANGE_ROLE, reason)
    role = as_role(role)
    if store.users.get(user_id).role is role:
        raise AuthError(f"{user_id} already has the role {role.label}: choose another role.")
    store.users.set_role(user_id, role, reason)
