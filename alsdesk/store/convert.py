"""`alsdesk encrypt` (a plain file made encrypted) and `alsdesk recover` (every password
lost), issue 20.

Encrypting: the administrator logs in to the plain file, which must verify OK; the
encrypted copy is made beside it and checked row by row (alsdesk/store/cipher.py); the
copy's audit trail records who encrypted it, and the copy verifies; the key file gets the
administrator's slot; the recovery key is shown; the plain file is kept aside under a hard
link (or a copy); then the copy replaces the file in one rename. A kill before that rename
leaves the plain file as it was (the next run removes the half-made copy); after it, the
encrypted one, whose recovery key was shown already. The encrypted file is verified after.
The plain file kept aside stays until the administrator confirms, with the recovery key
typed back from the binder (`alsdesk encrypt --confirm`), which deletes it.

The other accounts get no slot: their passwords were never typed here, and their hashes
were readable in the plain file (a copy of it may be anywhere). The administrator gives
each a new password (`alsdesk users reset-password`), which makes its slot.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from alsdesk.auth import Action
from alsdesk.errors import StoreError
from alsdesk.keyslots import KeyFile, key_file, new_recovery_key
from alsdesk.store import cipher, encryption, sqldb
from alsdesk.store.audit import A
from alsdesk.store.lock import DbLock

ASIDE = ".plain-"  # trial.db.plain-20261208-101500: the plain file kept aside
OLD_KEY = ".oldkey-"  # trial.db.oldkey-20261208-101500: the file under its old key
STEP_ENV = "ALSDESK_ENCRYPT_PAUSE_AT"  # tests: stop at a named step, so a kill lands there
STEPS = ("verified", "copied", "recorded", "keyfile", "aside", "replaced")
REKEY_STEPS = ("verified", "copied", "recorded", "keyfile", "aside", "swapped", "replaced")


@dataclass
class Encrypted:
    path: Path
    aside: Path
    recovery_key: str
    verify_before: str
    verify_after: str
    ok_after: bool
    without_slot: list[str]  # the other active accounts (a new password each)


def asides(db: Path, kind: str = ASIDE) -> list[Path]:
    db = Path(db)
    return sorted(p for p in db.parent.glob(db.name + kind + "*")
                  if p.is_file() and not p.name.endswith(".keys"))


def encrypt(db: Path, user_id: str, password: str,
            show_key: Callable[[str], None] = lambda _key: None, *,
            rekey: bool = False) -> Encrypted:
    """Encrypt a plain database in place (see above); StoreError saying why not, with the
    file unchanged. `show_key(recovery_key)` is called once the encrypted copy is checked and
    before it replaces the file: a kill after the swap can no longer lose the key.

    ``rekey=True``: an encrypted database under a new key (a page key taken out by someone
    who has since left): the same steps, the file under the old key kept aside with its key
    file. The new key file replaces the old one after the swap (a kill between: the new
    recovery key, shown before, opens the file and makes its key file anew)."""
    from alsdesk.store.core import Store

    db = Path(db)
    if sqldb.is_encrypted(db) != rekey:
        raise StoreError(f"{db} is encrypted already: 'alsdesk encrypt --rekey' gives it a "
                         "new key." if not rekey else f"{db} is not encrypted: 'alsdesk "
                         "encrypt' encrypts it.")
    lock = DbLock.acquire(db)  # held throughout: nobody writes the file meanwhile
    try:
        with Store.open(db) as store:
            store.login(user_id, password)
            store.require(Action.MANAGE_USERS)
            before = store.verify()
            if not before.ok:
                raise StoreError(f"{db} does not verify, so it is not encrypted as it is: "
                                 "run 'alsdesk verify' and deal with what it reports first.\n"
                                 + before.text())
            others = [u.user_id for u in store.users.list()
                      if u.active and u.user_id != user_id]
            # The last connection closes: SQLite folds the WAL into the file, so the copy
            # below reads everything and no plain WAL is left beside the encrypted file.
        _no_wal_left(db)
        _step("verified")
        key = new_recovery_key()
        copy = cipher.encrypt_copy(db, key)
        _step("copied")
        _record(copy, user_id, password, len(others), rekey)
        _step("recorded")
        salt = sqldb.head(copy)
        # A plain file: its key file before the swap (beside a plain file it is never read).
        # A re-key: after, the old one opening the old file until then.
        encryption.new_key_file(copy if rekey else db, sqldb.raw_for(salt), salt, user_id,
                                password)
        _step("keyfile")
        show_key(key)
        aside = _aside_name(db, OLD_KEY if rekey else ASIDE)
        _keep_aside(db, aside)
        if rekey:
            shutil.copyfile(key_file(db), key_file(aside))
        _step("aside")
        os.replace(copy, db)
        if rekey:
            _step("swapped")
            os.replace(key_file(copy), key_file(db))
        _sync_folder(db.parent)
        _step("replaced")
    finally:
        lock.release()
    with Store.open(db) as store:
        store.login(user_id, password)
        after = store.verify()
    return Encrypted(db, aside, key, before.text(), after.text(), after.ok, others)


def _record(copy: Path, user_id: str, password: str, others: int, rekey: bool) -> None:
    """The encryption's audit row, written into the encrypted copy (the plain file is never
    written: a kill before the swap leaves it as it was), which then verifies."""
    from alsdesk.store.core import Store

    with Store.open(copy) as store:
        store.login(user_id, password)
        key = f", key {encryption.fingerprint(encryption.raw_of(store))}"
        with store.transaction():
            store.audit(A.ENCRYPTED, new_value=("SQLCipher 4, a new key (alsdesk encrypt "
                        "--rekey)" if rekey else "SQLCipher 4 (alsdesk encrypt)") + key,
                        reason=f"the {'file under the old key' if rekey else 'plain file'} "
                               f"is kept aside until confirmed; {others} other active "
                               "accounts get new passwords")
        report = store.verify()
        if not report.ok:
            raise StoreError(f"The encrypted copy of {copy} did not verify: the database is "
                             "unchanged.\n" + report.text())
    for side in (Path(f"{copy}-wal"), Path(f"{copy}-shm"), Path(f"{copy}.lock")):
        side.unlink(missing_ok=True)
    with open(copy, "rb+") as fh:
        os.fsync(fh.fileno())


def _step(name: str) -> None:
    """For the kill tests: at the step named in ALSDESK_ENCRYPT_PAUSE_AT, say so on
    standard error (the test kills this process there) and wait."""
    if os.environ.get(STEP_ENV) == name:
        os.write(2, f"paused at {name}\n".encode())
        time.sleep(60)


def _no_wal_left(db: Path) -> None:
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        if side.exists() and side.name.endswith("-wal") and side.stat().st_size:
            raise StoreError(f"{db} still has changes in {side.name} (another program has "
                             "it open?): close every ALS Desk using it and try again.")
        side.unlink(missing_ok=True)


def _aside_name(db: Path, kind: str) -> Path:
    """A new name for the file kept aside (a killed run may have left one)."""
    stamp = db.name + kind + datetime.now().strftime("%Y%m%d-%H%M%S")
    aside, n = db.with_name(stamp), 1
    while aside.exists():
        n += 1
        aside = db.with_name(f"{stamp}-{n}")
    return aside


def _keep_aside(db: Path, aside: Path) -> None:
    try:
        os.link(db, aside)  # the same bytes under a second name, in no time
    except OSError:  # (a file system without hard links)
        shutil.copy2(db, aside)
        with open(aside, "rb+") as fh:
            os.fsync(fh.fileno())


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows: NTFS journals the rename itself
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def confirm(db: Path, recovery_key: str) -> list[Path]:
    """Delete the plain files kept aside, once the recovery key typed back from the binder
    opens the encrypted file (so it was written down right); the files deleted. Refused while
    the database itself is plain; KeyFileError for a key that is not this file's."""
    db = Path(db)
    if not sqldb.is_encrypted(db):
        raise StoreError(f"{db} is not encrypted: the plain copies kept aside stay.")
    encryption.recover(db, recovery_key)
    gone = asides(db) + asides(db, OLD_KEY)
    for path in gone:
        path.unlink()
        key_file(path).unlink(missing_ok=True)
    return gone


def recover(db: Path, recovery_key: str, user_id: str, password: str, reason: str) -> bool:
    """Every password lost: the recovery key opens the file, and this administrator's
    account gets a new password (its slot made again), audited as done with the recovery
    key. KeyFileError for a key that is not this file's; nothing changed then."""
    from alsdesk.store.core import Store

    rebuilt = encryption.recover(db, recovery_key) is None
    with Store.open(db) as store:
        user = store.users.get(user_id)
        if user.role.value != "admin" or not user.active:
            raise StoreError(f"'{user_id}' is not an active administrator's account: the "
                             "recovery key gives an administrator a new password, who then "
                             "gives the others theirs.")
        # The new password is checked first: a refused one leaves the key file as it was.
        from alsdesk.auth import validate_password, words_of_study

        validate_password(password, user_id, user.full_name, words_of_study(store.study))
        if rebuilt:
            # The key file is missing or damaged: a new one, for the slot made below (the
            # other accounts need new passwords too: the command says so). A damaged one is
            # kept aside, never overwritten.
            keys = key_file(db)
            if keys.exists():
                keys.rename(keys.with_name(f"{keys.name}.damaged-"
                                           f"{datetime.now().strftime('%Y%m%d-%H%M%S')}"))
            salt = sqldb.head(db)
            KeyFile.new(sqldb.raw_for(salt), salt).write(keys)
        # Nobody can log in: the row names the administrator it was done for.
        store.user_id, store.role, store.full_name = user.user_id, user.role, user.full_name
        store.users.reset_password(user_id, password, f"with the recovery key: {reason}")
        store.user_id = store.role = store.full_name = None
    return rebuilt
