"""An encrypted database's key, as the store uses it (issue 20): unlocking it with a login
or the recovery key before the file is opened, making a new one for a new file, and keeping
each account's key slot in step with its password.

The key file (`trial.db.keys`, alsdesk/keyslots.py) changes beside the database, never in
one transaction with it, so the order is chosen for a kill at any moment to leave every
account able to open the file: a password change adds the new slot before the database
stores the new password, and removes the old slot after (a kill between leaves both: the
old password still unwraps the key, and the store still refuses it at login, the next
change of that account tidies it). A deactivated account's slot goes after the database
says so; a slot of an account the database calls inactive is removed whenever the file is
opened for writing.
"""
from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from alsdesk.i18n import tr
from alsdesk.keyslots import KeyFile, key_file, new_recovery_key, raw_key
from alsdesk.store import sqldb

if TYPE_CHECKING:
    from alsdesk.store.core import Store


@dataclass(frozen=True)
class NewKey:
    """A new database's key: the recovery key (shown once), the file's salt and raw key."""

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


def unlock(db: Path, user_id: str, password: str) -> bool:
    """Unwrap the database key with a login, for this process; False for a wrong password
    or an unknown user id alike (and True for a plain file, which needs no key). A damaged,
    missing or newer key file raises KeyFileError saying what to do."""
    db = Path(db)
    if not sqldb.is_encrypted(db):
        return True
    keys = KeyFile.read(key_file(db))
    phrase = keys.unlock(str(user_id), str(password))
    if phrase is None:
        return False
    _keep(db, phrase)
    return True


def recover(db: Path, recovery_key: str) -> None:
    """Open the database key with the recovery key from the binder (KeyFileError for one
    that is not this file's, nothing changed)."""
    db = Path(db)
    phrase = KeyFile.read(key_file(db)).recover(recovery_key)
    _keep(db, phrase)


def _keep(db: Path, phrase: str) -> None:
    salt = sqldb.head(db)
    sqldb.remember(phrase)
    if salt is not None:
        sqldb.learn(salt, raw_key(phrase, salt), phrase)


def passphrase_of(store: "Store") -> str | None:
    """The key of an open encrypted store (None for a plain one)."""
    salt = sqldb.head(store.path)
    if salt is None or salt == sqldb.SQLITE_HEADER:
        return None
    return sqldb.passphrase_for(salt)


# -- a new database ---------------------------------------------------------------------------


def prepare_new(tmp: Path, key: NewKey) -> None:
    """The file about to be made at `tmp` is encrypted with this key."""
    sqldb.encrypt_new_with(tmp, key.salt, key.raw, key.recovery_key)


def write_new_key_file(db: Path, key: NewKey, user_id: str, password: str) -> None:
    """The key file of a new database: the recovery key's check and the first
    administrator's slot (written before the database is moved into place)."""
    keys = KeyFile.new(key.recovery_key)
    keys.put(key.recovery_key, user_id, password)
    keys.write(key_file(db))


# -- slots kept in step with the accounts -----------------------------------------------------


class Slots:
    """The key slots of one open store's accounts (no-ops on a plain file)."""

    def __init__(self, store: "Store") -> None:
        self.store = store

    def _phrase(self) -> str | None:
        return passphrase_of(self.store)

    @contextlib.contextmanager
    def changing(self, user_id: str | None, password: str) -> Iterator[None]:
        """Around the transaction that stores an account's new password (None: no slot):
        the new slot is added before, the old ones removed after; if the transaction fails,
        the key file is put back as it was."""
        phrase = self._phrase() if user_id is not None else None
        if phrase is None:
            yield
            return
        path = key_file(self.store.path)
        keys = KeyFile.read(path)
        previous = list(keys.slots)
        label = KeyFile.label(phrase, user_id)
        old = [s for s in previous if s.label == label]
        keys.put(phrase, user_id, password)  # (it replaces by label: the old ones kept too)
        keys.slots = [s for s in previous if s.label != label] + old + \
            [s for s in keys.slots if s.label == label]
        keys.write(path)
        try:
            yield
        except BaseException:
            keys.slots = previous
            keys.write(path)
            raise
        self.after_password(old)

    def after_password(self, old: list | None) -> None:
        if not old:
            return
        path = key_file(self.store.path)
        keys = KeyFile.read(path)
        keys.slots = [s for s in keys.slots if s not in old]
        keys.write(path)

    def remove(self, user_id: str) -> None:
        """Take out a deactivated account's slot (it can no longer unwrap the key)."""
        phrase = self._phrase()
        if phrase is None:
            return
        path = key_file(self.store.path)
        keys = KeyFile.read(path)
        if keys.remove(phrase, user_id):
            keys.write(path)

    def tidy(self) -> int:
        """Remove the slots of accounts the database calls inactive (a deactivation killed
        before its slot went); how many."""
        phrase = self._phrase()
        if phrase is None or self.store.readonly:
            return 0
        path = key_file(self.store.path)
        keys = KeyFile.read(path)
        inactive = {KeyFile.label(phrase, r[0]) for r in self.store.conn.execute(
            "SELECT user_id FROM users WHERE active = 0")}
        before = len(keys.slots)
        keys.slots = [s for s in keys.slots if s.label not in inactive]
        if len(keys.slots) != before:
            keys.write(path)
        return before - len(keys.slots)

    def without_slot_note(self, user_id: str) -> str | None:
        """What to say of an active account that cannot open the encrypted file (a
        reactivated one, or one from before the conversion): None when it can."""
        if self.has_slot(user_id):
            return None
        return tr("The database is encrypted and {user} has no key slot: they open it again "
                  "after a password reset, which makes one.").format(user=user_id)

    def has_slot(self, user_id: str) -> bool:
        phrase = self._phrase()
        if phrase is None:
            return True
        label = KeyFile.label(phrase, user_id)
        return any(s.label == label for s in KeyFile.read(key_file(self.store.path)).slots)


def copy_key_file(db: Path, copy: Path) -> None:
    """Put the database's key file beside a copy of it (a backup), replaced whole; nothing
    for a plain database."""
    if not sqldb.is_encrypted(db):
        return
    KeyFile.read(key_file(db)).write(key_file(copy))


def plain_warning(path: Path) -> str | None:
    """What the window says of a plain file (None for an encrypted one)."""
    if sqldb.is_encrypted(path):
        return None
    return tr("This database is not encrypted: anyone who copies {path} reads its patients' "
              "names and numbers. An administrator converts it with 'alsdesk encrypt' (see "
              "the README).").format(path=path)
