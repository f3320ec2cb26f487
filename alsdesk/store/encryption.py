"""An encrypted database's key, as the store uses it (issue 20): unlocking it with a login
(under the login's own lockout) or the recovery key before the file is opened, making one
for a new file, and keeping each account's key slot in step with its password.

The key file (`trial.db.keys`, alsdesk/keyslots.py) changes beside the database, never in
one transaction with it, so the order is chosen for a kill at any moment to leave every
account able to open the file: a password change adds the new slot before the database
stores the new password, and removes the old slot after (a kill between leaves both: the
old password still unwraps the key, and the store still refuses it at login; the next
change of that account tidies it). A deactivated account's slot goes after the database
says so; a slot of an account the database calls inactive is removed whenever the file is
opened for writing.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from alsdesk.errors import AuthError
from alsdesk.i18n import tr
from alsdesk.keyslots import KeyFile, KeyFileError, key_file, new_recovery_key, \
    parse_recovery_key, raw_key
from alsdesk.store import logins, sqldb

if TYPE_CHECKING:
    from alsdesk.store.core import Store


@dataclass(frozen=True)
class NewKey:
    """A new database's key: the recovery key (shown once), the file's salt and page key."""

    recovery_key: str
    salt: bytes
    raw: bytes

    @classmethod
    def make(cls) -> "NewKey":
        phrase = new_recovery_key()
        salt = os.urandom(16)
        return cls(phrase, salt, raw_key(phrase, salt))


def is_encrypted(path: Path) -> bool:
    return sqldb.is_encrypted(path)


def locked(path: Path) -> bool:
    """An encrypted database (its key file beside it) whose key this process has not
    unlocked: a login must come first. (A file that is neither SQLite nor has a key file is
    no database of ours: opening it says so.)"""
    path = Path(path)
    return (path.is_file() and sqldb.is_encrypted(path) and key_file(path).exists()
            and not sqldb.unlocked(path))


def _keys(db: Path) -> KeyFile:
    return KeyFile.read(key_file(db)).of_database(sqldb.head(db), db)


def unlock(db: Path, user_id: str, password: str) -> bool:
    """Unwrap the page key with a login, for this process; False for a wrong password or
    an unknown user id alike (and True for a plain file, which needs no key). A damaged,
    missing, newer or another database's key file raises KeyFileError saying what to do.
    No lockout here: `open_door` is the login's."""
    db = Path(db)
    if not sqldb.is_encrypted(db):
        return True
    raw = _keys(db).unlock(str(user_id), str(password))
    if raw is None:
        return False
    sqldb.learn(sqldb.head(db), raw)
    return True


def open_door(db: Path, user_id: str, password: str) -> None:
    """The login at an encrypted file's door, under the login's own rules: AuthError with
    the words a plain file's login says (wrong id or password; five wrong passwords lock
    the account for 15 minutes). The key file tells which ids have a slot, so the count is
    kept against that account in this workstation's login log (alsdesk/store/logins.py),
    written to the trail and the account at the next writable open; an id without a slot
    is counted as an unknown one, nothing of it kept."""
    from alsdesk.store.users import MAX_FAILED_LOGINS, LOCKOUT, locked_message, \
        lockout_message, wrong_login

    from alsdesk.store import door

    db = Path(db)
    keys = _keys(db)
    user_id, password = str(user_id), str(password)
    known = keys.has(user_id)
    count, until = door.state(db, user_id) if known else (0, None)
    now = datetime.now(timezone.utc)
    raw = keys.unlock(user_id, password)  # on every path: the same time for each
    if until and datetime.fromisoformat(until) > now:
        raise AuthError(locked_message(until))
    if raw is None:
        if not known:
            logins.note_door_failure(db)
            raise AuthError(wrong_login())
        failed = count + 1
        ends = (now + LOCKOUT).isoformat() if failed >= MAX_FAILED_LOGINS else None
        door.note(db, user_id, 0 if ends else failed, ends, failed)
        raise AuthError(lockout_message() if ends else wrong_login())
    if known and count:
        door.clear(db, user_id)
    sqldb.learn(sqldb.head(db), raw)


def fingerprint(raw: bytes) -> str:
    """A short fingerprint of a page key, kept in the audit trail when a file is made
    encrypted or re-keyed (the key itself stays secret; the fingerprint tells a file
    re-keyed outside ALS Desk, whose trail then names another key)."""
    return hmac.new(raw, b"alsdesk key fingerprint", hashlib.sha256).hexdigest()[:16]


_RECORDED = re.compile(r"\bkey ([0-9a-f]{16})\b")


def recorded_fingerprint(conn) -> str | None:
    """The fingerprint of the key the audit trail last recorded (None: none recorded)."""
    from alsdesk.store.audit import A

    row = conn.execute("SELECT new_value FROM audit_trail WHERE action = ? ORDER BY seq "
                       "DESC LIMIT 1", (A.ENCRYPTED,)).fetchone()
    match = _RECORDED.search(row[0] or "") if row else None
    return match[1] if match else None


def _recorded_in(db: Path) -> str | None:
    conn = sqldb.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return recorded_fingerprint(conn)
    finally:
        conn.close()


def recover(db: Path, recovery_key: str) -> KeyFile | None:
    """Open the database with the recovery key from the binder, for this process; its key
    file, or None when that is missing or damaged (the recovery key then opens the file on
    its own, checked by reading it). KeyFileError for a key that is not this file's, a
    typing slip, a key file of another database; nothing is changed here."""
    db = Path(db)
    salt = sqldb.head(db)
    try:
        keys = _keys(db)
    except KeyFileError:  # missing, damaged, another's (a re-key killed before its swap)
        keys = None
    if keys is not None:
        raw = keys.recover(recovery_key)
    else:
        raw = raw_key(parse_recovery_key(recovery_key), salt or b"\0" * 16)
        if not sqldb.opens_with(db, salt, raw):
            raise KeyFileError("That recovery key is not this database's: check that the "
                               "binder's page is of this study's file.")
    sqldb.learn(salt, raw)
    recorded = _recorded_in(db)
    if recorded is not None and recorded != fingerprint(raw):
        sqldb.forget_salt(salt)  # (nothing is opened with it)
        raise KeyFileError("That recovery key opens the file, but it is not the key its audit "
                           "trail recorded: the file was re-keyed outside ALS Desk. Nothing "
                           "was changed: run 'alsdesk verify', and restore a backup made "
                           "before it.")
    return keys


def raw_of(store: "Store") -> bytes | None:
    """The page key of an open encrypted store (None for a plain one)."""
    salt = sqldb.head(store.path)
    if salt is None or salt == sqldb.SQLITE_HEADER:
        return None
    return sqldb.raw_for(salt)


# -- a new database ---------------------------------------------------------------------------


def prepare_new(tmp: Path, key: NewKey) -> None:
    """The file about to be made at `tmp` is encrypted with this key."""
    sqldb.encrypt_new_with(tmp, key.salt, key.raw)


def new_key_file(db: Path, raw: bytes, salt: bytes, user_id: str, password: str) -> None:
    """The key file of a new (or newly encrypted) database, with one administrator's slot
    (written before the database is moved into place)."""
    keys = KeyFile.new(raw, salt)
    keys.put(raw, user_id, password)
    keys.write(key_file(db))


# -- slots kept in step with the accounts -----------------------------------------------------


class Slots:
    """The key slots of one open store's accounts (no-ops on a plain file)."""

    def __init__(self, store: "Store") -> None:
        self.store = store

    def _raw(self) -> bytes | None:
        return raw_of(self.store)

    def _read(self) -> KeyFile:
        return _keys(self.store.path)

    @contextlib.contextmanager
    def changing(self, user_id: str | None, password: str) -> Iterator[None]:
        """Around the transaction that stores an account's new password (None: no slot):
        the new slot is added before, the old ones removed after; if the transaction fails,
        the key file is put back as it was."""
        raw = self._raw() if user_id is not None else None
        if raw is None:
            yield
            return
        path = key_file(self.store.path)
        keys = self._read()
        previous = list(keys.slots)
        label = keys.label(user_id)
        old = [s for s in previous if s.label == label]
        keys.put(raw, user_id, password)  # (it replaces by label: the old ones kept too)
        keys.slots = [s for s in previous if s.label != label] + old + \
            [s for s in keys.slots if s.label == label]
        keys.write(path)
        try:
            yield
        except BaseException:
            keys.slots = previous
            keys.write(path)
            raise
        if old:
            keys = self._read()
            keys.slots = [s for s in keys.slots if s not in old]
            keys.write(path)

    def remove(self, user_id: str) -> None:
        """Take out a deactivated account's slot (it can no longer unwrap the key)."""
        if self._raw() is None:
            return
        keys = self._read()
        if keys.remove(user_id):
            keys.write(key_file(self.store.path))

    def tidy(self) -> int:
        """Remove the slots of accounts the database calls inactive (a deactivation killed
        before its slot went); how many."""
        if self._raw() is None or self.store.readonly:
            return 0
        try:
            keys = self._read()
        except KeyFileError:
            return 0  # (a copy being checked, or a file opened with the recovery key)
        inactive = {keys.label(r[0]) for r in self.store.conn.execute(
            "SELECT user_id FROM users WHERE active = 0")}
        before = len(keys.slots)
        keys.slots = [s for s in keys.slots if s.label not in inactive]
        if len(keys.slots) != before:
            keys.write(key_file(self.store.path))
        return before - len(keys.slots)

    def has_slot(self, user_id: str) -> bool:
        if self._raw() is None:
            return True
        try:
            return self._read().has(user_id)
        except KeyFileError:
            return False

    def without_slot_note(self, user_id: str) -> str | None:
        """What to say of an active account that cannot open the encrypted file (a
        reactivated one, or one from before the conversion): None when it can."""
        if self.has_slot(user_id):
            return None
        return tr("The database is encrypted and {user} has no key slot: they open it again "
                  "after a password reset, which makes one.").format(user=user_id)


def copy_key_file(db: Path, copy: Path) -> None:
    """Put the database's key file beside a copy of it (a backup), replaced whole; nothing
    for a plain database."""
    if not sqldb.is_encrypted(db):
        return
    _keys(db).write(key_file(copy))


def verify_problems(conn, path: Path) -> list[str]:
    """A file the audit trail says was encrypted (made so, or converted) that is plain now
    was decrypted outside ALS Desk: its patients' data lies in the clear, and so do the
    backups made since."""
    from alsdesk.store.audit import A

    row = conn.execute("SELECT seq FROM audit_trail WHERE action = ? ORDER BY seq DESC "
                       "LIMIT 1", (A.ENCRYPTED,)).fetchone()
    if row is not None and sqldb.is_encrypted(path):
        recorded = recorded_fingerprint(conn)
        raw = sqldb.raw_for(sqldb.head(path))
        if recorded is not None and raw and fingerprint(raw) != recorded:
            return [f"the file is encrypted under another key than the one its audit trail "
                    f"recorded (row {row[0]}): it was re-keyed outside ALS Desk, and the "
                    "recovery key in the binder no longer opens it. Restore a backup made "
                    "before, and find out who did it"]
    if row is None or sqldb.is_encrypted(path):
        return []
    return [f"the audit trail says the file was encrypted (row {row[0]}), and it is plain "
            "now: it was decrypted outside ALS Desk. Encrypt it again ('alsdesk encrypt'), "
            "delete the plain copies and backups made since, and find out who did it"]


def aside_warning(path: Path) -> str | None:
    """What the window tells an administrator of the plain file `alsdesk encrypt` kept
    aside (None when there is none)."""
    from alsdesk.store.convert import asides

    kept = asides(Path(path))
    if not kept or not sqldb.is_encrypted(path):
        return None
    return tr("{name} beside the database is its plain copy, kept aside by 'alsdesk "
              "encrypt': it holds the patients' data in the clear. Once the encrypted file is "
              "checked, delete it with 'alsdesk encrypt --confirm' (it asks for the recovery "
              "key).").format(name=", ".join(p.name for p in kept))


def plain_warning(path: Path) -> str | None:
    """What the window says of a plain file (None for an encrypted one)."""
    if sqldb.is_encrypted(path):
        return None
    return tr("This database is not encrypted: anyone who copies {path} reads its patients' "
              "names and numbers. An administrator converts it with 'alsdesk encrypt' (see "
              "the README).").format(path=path)
