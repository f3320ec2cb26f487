"""The wrong-password count at an encrypted file's door (issue 20).

A login that unwraps no key cannot write the file, so its count is kept in this workstation's
login log (alsdesk/store/logins.py), under the account the key file says the id is (an id
without a slot is an unknown one: nothing of it kept). The count goes on from the account's
own: every writable open adds the door's count to the account's (a lockout when they reach
five, as a plain file's login does) and then writes the account's count and lockout back
into the log, so the door goes on counting from there and refuses a locked account with the
plain file's words (a right password then reads like a wrong one: the lock is no oracle).
The log entry is tied to the file's salt: a new database made at the same path does not
inherit an old one's lockouts.

The count lives on this workstation: whoever can clear this account's data folder, or copy
the files elsewhere, can guess on; there, scrypt's cost per guess protects the file.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.store import logins, sqldb
from alsdesk.store.audit import A

if TYPE_CHECKING:
    from alsdesk.store.core import Store

def _salt(db: Path) -> str:
    head = sqldb.head(db)
    return head.hex() if head else ""


def _door(entry: dict) -> dict:
    door = entry.get("door")
    if not isinstance(door, dict):
        door = entry["door"] = {}
    return door


def state(db: Path, user_id: str) -> tuple[int, str | None]:
    """The count at the door for this account, and the end of its lockout (or None)."""
    entry = logins._entry(logins._read_log(), db)
    held = _door(entry).get(user_id)
    if not isinstance(held, dict) or held.get("salt") != _salt(db):
        return 0, None
    return logins.held(held)


def note(db: Path, user_id: str, count: int, until: str | None, attempt: int) -> None:
    """A wrong password at the door (the `attempt`th in a row): the count kept, and the
    lockout it reached (or None)."""
    data = logins._read_log()
    entry = logins._entry(data, db)
    _door(entry)[user_id] = {"count": count, "until": until, "salt": _salt(db)}
    logins.add_event(entry, user_id, logins.DOOR, attempt, until)
    logins._write_log(data)


def clear(db: Path, user_id: str) -> None:
    data = logins._read_log()
    if _door(logins._entry(data, db)).pop(user_id, None) is not None:
        logins._write_log(data)


def sync(store: "Store") -> None:
    """At a writable open of an encrypted file: the door's counts into the accounts
    (a lockout at five), then the accounts' counts and lockouts back into the log."""
    from alsdesk.store.users import LOCKOUT, MAX_FAILED_LOGINS

    if not sqldb.is_encrypted(store.path):
        return
    data = logins._read_log()
    entry = logins._entry(data, store.path)
    door, salt = _door(entry), _salt(store.path)
    now = datetime.now(timezone.utc)
    rows = {r[0]: (r[1] or 0, r[2]) for r in store.conn.execute(
        "SELECT user_id, failed_logins, locked_until FROM users")}
    with store.transaction():
        for user_id, held in door.items():
            if (user_id not in rows or not isinstance(held, dict) or held.get("salt") != salt
                    or not isinstance(held.get("count"), int)):
                continue
            failed, locked = rows[user_id]
            reached = held.get("until") if isinstance(held.get("until"), str) else None
            if reached and reached > now.isoformat() and not (locked and locked >= reached):
                store.conn.execute("UPDATE users SET failed_logins = 0, locked_until = ? "
                                   "WHERE user_id = ?", (reached, user_id))
                store.audit(A.LOCKED_OUT, field=user_id, new_value=reached,
                            reason=f"{MAX_FAILED_LOGINS} wrong passwords at the encrypted "
                                   "file's login")
                continue
            if held["count"] <= failed:
                continue
            failed = held["count"]
            until = (now + LOCKOUT).isoformat() if failed >= MAX_FAILED_LOGINS else None
            store.conn.execute("UPDATE users SET failed_logins = ?, locked_until = "
                               "coalesce(?, locked_until) WHERE user_id = ?",
                               (0 if until else failed, until, user_id))
            # (in the words verify replays the account's count from: alsdesk/store/
            # verify_users.py; the rows of each attempt were written by the flush before)
            store.audit(A.LOGIN_FAILED, field=user_id,
                        reason=f"wrong password at the encrypted file's login ({failed})")
            if until:
                store.audit(A.LOCKED_OUT, field=user_id, new_value=until,
                            reason=f"{MAX_FAILED_LOGINS} wrong passwords at the encrypted "
                                   "file's login")
    entry["door"] = {user_id: {"count": failed or 0, "until": until, "salt": salt}
                     for user_id, failed, until in store.conn.execute(
                         "SELECT user_id, failed_logins, locked_until FROM users")
                     if failed or (until and until > now.isoformat())}
    logins._write_log(data)
