"""Failed logins that must neither leak, flood the audit trail, nor slip past the lockout.

- What was typed in the user-id box is never kept, not even as a fingerprint: people type
  their password there, and any fingerprint short enough to read can be tested against a
  list of common passwords in a second (a keyed one too, when the key sits in the same
  account's folder). The row says "unknown user id" and nothing of the text.
- An unknown id costs the same scrypt check as a wrong password, and gets the same message.
- Rows of failures that no lockout bounds (unknown ids, locked or deactivated accounts) are
  limited to UNLIMITED_PER_MINUTE a minute, then one row says more were not recorded. The
  count is taken from the trail itself, so it holds across program runs (a CLI loop) on the
  workstation that has the file.
- A read-only window cannot write the file. Its wrong passwords are counted in a small file
  in this account's data folder (the one place a read-only window can always write), with
  the same limit as the file's own count; they are written to the audit trail, and a lockout
  reached there to the account, the next time this workstation opens the database for
  writing (a login failure is evidence a monitor reads in the trail, not in a local file).
  Someone who can delete files in this account's folder can clear that count; they could as
  well copy the database, which the lockout does not protect either.
"""
from __future__ import annotations

import functools
import json
import os
import secrets
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.auth import check_password, hash_password
from alsdesk.paths import read_json_dict, user_data_dir
from alsdesk.store.audit import A

if TYPE_CHECKING:
    from alsdesk.store.core import Store

UNLIMITED_PER_MINUTE = 10
UNKNOWN = "unknown user id"
SUMMARY = "more failed logins within a minute: not recorded one by one"
_LIMITED = (UNKNOWN, "account locked", "account deactivated")
_LOOK_BACK = 200  # rows read from the end of the trail to count the last minute
_LOG_FILE = "readonly-logins.json"
_LOG_EVENTS_MAX = 100
_LONGEST = timedelta(minutes=16)  # the lockout (15 minutes) and a minute of clock skew


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(16))


def spend_a_check(password: object) -> None:
    """The cost of one password check, for an id that has no password (same timing)."""
    check_password(password if isinstance(password, str) else "", _dummy_hash())


def record_failure(store: "Store", field: str, reason: str) -> None:
    """One failed-login row, or the row saying more were left out, or nothing (see above)."""
    if reason.startswith(_LIMITED):
        cutoff = (datetime.now(timezone.utc) - timedelta(minutes=1)).isoformat(
            timespec="microseconds")
        reasons = [r[0] or "" for r in store.conn.execute(
            "SELECT reason FROM (SELECT ts, action, reason FROM audit_trail ORDER BY seq DESC "
            "LIMIT ?) WHERE action = ? AND ts >= ?", (_LOOK_BACK, A.LOGIN_FAILED, cutoff))]
        if SUMMARY in reasons:
            return
        if sum(r.startswith(_LIMITED) for r in reasons) >= UNLIMITED_PER_MINUTE:
            field, reason = None, SUMMARY
    with store.transaction():
        store.audit(A.LOGIN_FAILED, field=field, reason=reason)


# -- read-only windows ------------------------------------------------------------------------


def _log_path() -> Path:
    return user_data_dir() / _LOG_FILE


def _db_key(db: Path) -> str:
    return str(Path(db).resolve())


def _read_log() -> dict:
    return read_json_dict(_log_path())


def _write_log(data: dict) -> None:
    path = _log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a folder we cannot write: the count of this run (kept in memory) still holds


def _entry(data: dict, db: Path) -> dict:
    """This database's part of the log, made whole (the file may have been edited)."""
    entry = data.get(_db_key(db))
    if not isinstance(entry, dict):
        entry = data[_db_key(db)] = {}
    if not isinstance(entry.get("users"), dict):
        entry["users"] = {}
    if not isinstance(entry.get("events"), list):
        entry["events"] = []
    return entry


def readonly_state(db: Path, user_id: str) -> tuple[int, str | None]:
    """Wrong passwords counted here for this account in read-only windows, and the time a
    lockout reached there ends (or None)."""
    return held(_entry(_read_log(), db)["users"].get(user_id))


def held(state: object) -> tuple[int, str | None]:
    """A count and lockout end as the log holds them (read-only windows', the door's), made
    whole: the file may have been edited."""
    state = state if isinstance(state, dict) else {}
    count = state.get("count") if isinstance(state.get("count"), int) else 0
    until = state.get("until") if isinstance(state.get("until"), str) else None
    try:  # a lockout longer than any the program sets was written by hand: not obeyed
        if until and datetime.fromisoformat(until) > datetime.now(timezone.utc) + _LONGEST:
            until = None
    except (TypeError, ValueError):
        until = None
    return count, until


def note_readonly_failure(db: Path, user_id: str | None, purpose: str, count: int,
                          until: str | None, attempt: int | None = None) -> None:
    """Keep a read-only window's wrong password (user_id None: an unknown id, of which
    nothing is kept) until the file is next opened for writing."""
    data = _read_log()
    entry = _entry(data, db)
    if user_id is not None:
        entry["users"][user_id] = {"count": count, "until": until}
    add_event(entry, user_id, purpose, attempt or count, until)
    _write_log(data)


def add_event(entry: dict, user_id: str | None, purpose: str, count: int,
              until: str | None) -> None:
    """One failure for the trail, in this database's part of the log (at most
    _LOG_EVENTS_MAX, then only how many more)."""
    events = entry["events"]
    if len(events) < _LOG_EVENTS_MAX:
        events.append({"ts": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                       "user": user_id, "purpose": purpose, "count": count,
                       "until": until})
    else:
        entry["dropped"] = int(entry.get("dropped") or 0) + 1


DOOR = "door"  # the purpose of a failure to unwrap an encrypted file's key


def note_door_failure(db: Path) -> None:
    """A login that unwrapped no key of an encrypted file: a wrong password or an unknown
    id, which of the two nobody can tell without the key (nor whose account it was). Kept
    here like a read-only window's unknown id, for the trail at the next writable open."""
    note_readonly_failure(db, None, DOOR, 0, None)


def clear_readonly_count(db: Path, user_id: str) -> None:
    """A right password in a read-only window: the count starts again (the events stay)."""
    data = _read_log()
    users = _entry(data, db)["users"]
    if user_id in users:
        users.pop(user_id)
        _write_log(data)


def flush_readonly(store: "Store") -> int:
    """Write this workstation's read-only failures of this file to its audit trail, and the
    lockouts reached there to the accounts; returns the number of failures written."""
    data = _read_log()
    key = _db_key(store.path)
    if not isinstance(data.get(key), dict):
        return 0
    entry = _entry(data, store.path)
    events = [e for e in entry["events"] if isinstance(e, dict)]
    dropped = entry.get("dropped") if isinstance(entry.get("dropped"), int) else 0
    now = datetime.now(timezone.utc)
    known = {r[0] for r in store.conn.execute("SELECT user_id FROM users")}
    with store.transaction():
        for event in events:
            user = event.get("user") if event.get("user") in known else None
            field = user  # an unknown id: nothing of what was typed (see above)
            when = str(event.get("ts"))[:25]
            reason = (f"wrong password in a read-only window at "
                      f"{str(event.get('purpose'))[:40]} ({event.get('count')}), {when}"
                      if user else f"{UNKNOWN} in a read-only window, {when}")
            if event.get("purpose") == DOOR:
                reason = (f"wrong password at the encrypted file's login "
                          f"({event.get('count')}), {when}" if user else
                          f"{UNKNOWN} or wrong password: it unwrapped no key of the "
                          f"encrypted file, {when}")
            store.audit(A.LOGIN_FAILED, field=field, reason=reason)
        if dropped:
            store.audit(A.LOGIN_FAILED, reason=f"{dropped} more failed logins in read-only "
                                               "windows, not recorded one by one")
        for user_id, state in entry["users"].items():
            until = state.get("until") if isinstance(state, dict) else None
            if user_id not in known or not isinstance(until, str):
                continue
            try:
                ends = datetime.fromisoformat(until)
            except ValueError:
                continue
            if ends > now:
                store.conn.execute("UPDATE users SET failed_logins = 0, locked_until = ? "
                                   "WHERE user_id = ?", (until, user_id))
                store.audit(A.LOCKED_OUT, field=user_id, new_value=until,
                            reason="wrong passwords in a read-only window")
    door = entry.get("door")
    data.pop(key, None)
    if isinstance(door, dict) and door:  # the door's own counts: alsdesk/store/door.py
        data[key] = {"door": door}
    _write_log(data)
    return len(events)
