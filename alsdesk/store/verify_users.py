"""Accounts as the audit trail says they should be: roles, names, activity, passwords, lockouts.

One SQL statement could make a nurse an administrator, swap a password hash, re-activate an
account or clear a lockout, and the clinical replay would not see it. Every change the
program makes to a user row writes an audit row (alsdesk.store.users), so replaying those
rows rebuilds each account; :func:`account_problems` compares the rebuilt accounts with the
users table (for `alsdesk verify`) and :func:`login_refusal` does the same for one account
when it logs in, so a forged role cannot act. Both only read the file.
"""
from __future__ import annotations

import hashlib
import re
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from alsdesk.store import schema
from alsdesk.store.audit import A

LIMIT = 50
FINGERPRINT = "password fingerprint"


def password_fingerprint(stored_hash: str) -> str:
    """16 hex of SHA-256 of the stored hash string, kept in the audit row that set it.

    Never the hash itself: the fingerprint tells whether the hash in the users table is the
    one the program wrote, and nothing more. The hash it stands for carries its own random
    salt, so once a password is changed its old fingerprint helps no one guess it.
    """
    return hashlib.sha256(stored_hash.encode("utf-8")).hexdigest()[:16]


def with_fingerprint(text: str | None, stored_hash: str) -> str:
    """An audit row's new value with the fingerprint of the password hash it set."""
    mark = f"{FINGERPRINT} {password_fingerprint(stored_hash)}"
    return f"{text}; {mark}" if text else mark


_FP = re.compile(rf"(?:^|; ){FINGERPRINT} ([0-9a-f]{{16}})$")
_CREATED = re.compile(r"^(?P<name>.*) \((?P<role>[a-z]+)\)$")
_WRONG = re.compile(r"^wrong password at (?P<purpose>.+) \((?P<count>\d+)\)$")
_ACCOUNT_ACTIONS = (A.USER_CREATE, A.USER_ROLE, A.USER_NAME, A.USER_DEACTIVATE,
                    A.USER_REACTIVATE, A.PASSWORD_RESET, A.PASSWORD_CHANGE, A.LOGIN_FAILED,
                    A.LOCKED_OUT, A.USER_UNLOCK)


@dataclass
class Account:
    """One account rebuilt from its audit rows."""

    user_id: str
    seq: int  # the user.create row
    created_at: str
    created_by: str | None
    full_name: str
    role: str
    active: bool = True
    # The fingerprint of the last password the program set, None when that row was written
    # before fingerprints were kept (then any hash is accepted), and its row.
    fingerprint: str | None = None
    password_seq: int = 0
    failed: int = 0
    locked_until: str | None = None
    # The last failure was at a signature or the idle lock: a right password there resets
    # the count and any lock without an audit row of its own (users.authenticate).
    silent_reset_allowed: bool = False


def replay_accounts(conn: sqlite3.Connection, only: str | None = None,
                    problems: list[str] | None = None) -> dict[str, Account]:
    """Accounts from the audit trail; with ``problems``, also rows written under a role or by
    an account the trail does not give at that time (a forged role that acted, then was put
    back)."""
    sql = ("SELECT seq, ts, user_id, role, action, field, new_value, reason FROM audit_trail")
    params: tuple[Any, ...] = ()
    if only is not None:
        # This account's rows only, picked in SQL (a nurse writes thousands of value rows).
        # Account rows belong to no form ("instance_id IS NULL"), which lets SQLite find them
        # through the audit_instance index instead of reading every row of the trail: at
        # login, 10,000 subjects (7 million rows) take 5 ms instead of 2.3 s. A row of such an
        # action with a form is never written by the program; a forged one left out here
        # can only make the replay differ from the accounts table, which refuses the login.
        marks = ", ".join("?" * len(_ACCOUNT_ACTIONS))
        sql += (f" WHERE instance_id IS NULL AND ((field = ? AND action IN ({marks})) "
                "OR (user_id = ? AND action = ?))")
        params = (only, *_ACCOUNT_ACTIONS, only, A.LOGIN)
    accounts: dict[str, Account] = {}
    for seq, ts, actor, role, action, field, new, reason in conn.execute(
            sql + " ORDER BY seq", params):
        if problems is not None and actor is not None:
            _check_actor(accounts, seq, actor, role, action, problems)
        if action == A.LOGIN:
            acc = accounts.get(actor)
            if acc is not None:
                acc.failed, acc.locked_until, acc.silent_reset_allowed = 0, None, False
            continue
        if action not in _ACCOUNT_ACTIONS or field is None:
            continue
        if action == A.USER_CREATE:
            accounts[field] = _created(seq, ts, actor, field, new)
            continue
        acc = accounts.get(field)
        if acc is None:
            continue  # a failed login with an unknown user id, or an account never created
        _apply(acc, seq, action, new, reason)
    return accounts


def _created(seq: int, ts: str, actor: str | None, user_id: str, new: str | None) -> Account:
    text, fingerprint = _split_fingerprint(new)
    match = _CREATED.match(text or "")
    name, role = (match["name"], match["role"]) if match else (text or "", "?")
    # The first administrator creates their own account: its row names nobody as creator.
    created_by = None if actor == user_id else actor
    return Account(user_id, seq, ts, created_by, name, role, fingerprint=fingerprint,
                   password_seq=seq)


def _apply(acc: Account, seq: int, action: str, new: str | None, reason: str | None) -> None:
    if action == A.USER_ROLE:
        acc.role = new or ""
    elif action == A.USER_NAME:
        acc.full_name = new or ""
    elif action in (A.USER_DEACTIVATE, A.USER_REACTIVATE):
        acc.active = new == "1"
    elif action in (A.PASSWORD_RESET, A.PASSWORD_CHANGE):
        # A row of a file written before fingerprints were kept carries none: any hash is
        # accepted until the next password the program sets.
        acc.fingerprint = _split_fingerprint(new)[1]
        acc.password_seq = seq
        if action == A.PASSWORD_RESET:
            acc.failed, acc.locked_until, acc.silent_reset_allowed = 0, None, False
    elif action == A.USER_UNLOCK:
        acc.failed, acc.locked_until, acc.silent_reset_allowed = 0, None, False
    elif action == A.LOGIN_FAILED:
        match = _WRONG.match(reason or "")
        if match:  # "unknown user id", "account locked", "account deactivated" change nothing
            acc.failed, acc.locked_until = int(match["count"]), None
            acc.silent_reset_allowed = match["purpose"] != "login"
    elif action == A.LOCKED_OUT:
        acc.failed, acc.locked_until = 0, new


def _split_fingerprint(new: str | None) -> tuple[str | None, str | None]:
    if new is None:
        return None, None
    match = _FP.search(new)
    if not match:
        return new, None
    return new[:match.start()] or None, match[1]


def _check_actor(accounts: dict[str, Account], seq: int, actor: str, role: str | None,
                 action: str, problems: list[str]) -> None:
    acc = accounts.get(actor)
    if acc is None:
        if action != A.USER_CREATE:  # the first administrator's own creation row
            problems.append(f"audit row {seq} ({action}) was written by '{actor}', an "
                            "account the audit trail never created")
        return
    if role is not None and role != acc.role:
        problems.append(
            f"audit row {seq} ({action}) was written by '{actor}' as {role}, but the audit "
            f"trail gives '{actor}' the role {acc.role} at that time: the role was changed "
            "behind the program while they worked")
    if action == A.LOGIN and not acc.active:
        problems.append(f"audit row {seq}: '{actor}' logged in while the audit trail has "
                        "the account deactivated")


_USER_COLS = ("user_id, full_name, role, password_hash, active, failed_logins, locked_until, "
              "created_at, created_by")


def account_problems(conn: sqlite3.Connection, limit: int = LIMIT) -> list[str]:
    """Every user row against its audit rows, and every audited account against the table."""
    try:
        return _account_problems(conn, limit)
    except sqlite3.Error as exc:  # a column dropped behind the program (schema reports it)
        return [f"the users table cannot be compared with the audit trail ({exc})"]


def _account_problems(conn: sqlite3.Connection, limit: int) -> list[str]:
    problems: list[str] = []
    accounts = replay_accounts(conn, problems=problems)
    seen = set()
    for row in conn.execute(f"SELECT {_USER_COLS} FROM users ORDER BY user_id"):
        seen.add(row[0])
        problems.extend(_row_problems(row, accounts.get(row[0])))
        if len(problems) >= limit:
            return problems[:limit]
    for user_id in sorted(set(accounts) - seen):
        acc = accounts[user_id]
        problems.append(f"account '{user_id}' ({acc.full_name}, {acc.role}) was created by "
                        f"audit row {acc.seq} but is not in the users table: it was removed "
                        "behind the program")
    return problems[:limit]


def _row_problems(row: tuple, acc: Account | None) -> list[str]:
    (user_id, full_name, role, pw_hash, active, failed, locked_until, created_at,
     created_by) = row
    who = f"account '{user_id}'"
    if acc is None:
        return [f"{who} ({full_name}, {role}) has no audit row of its creation: it was added "
                "behind the program"]
    out = []
    seq = f"audit row {acc.seq}"
    if role != acc.role:
        out.append(f"{who}: role '{role}' in the users table but '{acc.role}' by the audit "
                   "trail: the role was changed behind the program")
    if full_name != acc.full_name:
        out.append(f"{who}: full name {full_name!r} in the users table but "
                   f"{acc.full_name!r} by the audit trail")
    if bool(active) != acc.active:
        out.append(f"{who}: {'active' if active else 'deactivated'} in the users table but "
                   f"{'active' if acc.active else 'deactivated'} by the audit trail")
    if created_at != acc.created_at or created_by != acc.created_by:
        out.append(f"{who}: created at {created_at} by {created_by or 'itself'} in the users "
                   f"table but at {acc.created_at} by {acc.created_by or 'itself'} by {seq}")
    if acc.fingerprint is not None and password_fingerprint(pw_hash or "") != acc.fingerprint:
        out.append(f"{who}: the password hash is not the one the program set (audit row "
                   f"{acc.password_seq}): the password was replaced behind the program")
    out.extend(_lockout_problems(who, failed, locked_until, acc))
    return out


def _lockout_problems(who: str, failed: int, locked_until: str | None,
                      acc: Account) -> list[str]:
    if (failed, locked_until) == (acc.failed, acc.locked_until):
        return []
    if (failed, locked_until) == (0, None) and acc.silent_reset_allowed and (
            acc.locked_until is None or _passed(acc.locked_until)):
        return []  # a right password at a signature or the idle lock since the failures
    out = []
    if failed != acc.failed:
        out.append(f"{who}: {failed} wrong passwords counted in the users table but "
                   f"{acc.failed} by the audit trail (no login, unlock or password reset "
                   "row explains the difference)")
    if locked_until != acc.locked_until:
        out.append(f"{who}: " + (f"locked until {locked_until}" if locked_until else
                                 "not locked") + " in the users table but "
                   + (f"locked until {acc.locked_until}" if acc.locked_until else
                      "not locked") + " by the audit trail: the lockout was changed behind "
                   "the program")
    return out


def _passed(iso: str) -> bool:
    try:
        return datetime.fromisoformat(iso) <= datetime.now(timezone.utc)
    except ValueError:
        return False


# -- at login ---------------------------------------------------------------------------------

_TRIGGERS = dict(re.findall(r"CREATE TRIGGER (\w+) (.*?END;)", schema._BASE_SCHEMA, re.S))


def login_refusal(conn: sqlite3.Connection, user_id: str) -> str | None:
    """Why this account may not log in, when its row or the audit trail's protection was
    changed behind the program; None when all is as the program left it.

    Only this account's rows are replayed (a few milliseconds on a file of thousands of
    rows): one changed setting or another account's forged row does not stop anyone else.
    """
    advice = ("Ask the administrator to run 'alsdesk verify' and to restore the latest good "
              "backup ('alsdesk restore').")
    have = dict(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
        "'audit_trail'").fetchall())
    for name, sql in _TRIGGERS.items():
        if _norm(have.get(name)) != _norm(f"CREATE TRIGGER {name} {sql[:-1]}"):
            return ("The protection of this database's audit trail was removed or changed "
                    "outside ALS Desk, so nobody can log in to change data. " + advice)
    try:
        row = conn.execute(f"SELECT {_USER_COLS} FROM users WHERE user_id = ?",
                           (user_id,)).fetchone()
        if row is None:
            return None  # the usual "wrong user id or password"
        found = _row_problems(row, replay_accounts(conn, only=user_id).get(user_id))
    except sqlite3.Error as exc:
        return (f"The accounts of this database cannot be read ({exc}): the file was "
                "changed outside ALS Desk. " + advice)
    if not found:
        return None
    return ("This account's record in the database was changed outside ALS Desk and no "
            f"longer matches the audit trail ({found[0].split(': ', 1)[-1]}), so it cannot "
            "log in. " + advice)


def _norm(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().rstrip(";")
