"""`alsdesk encrypt` (a plain file made encrypted) and `alsdesk recover` (every password
lost), issue 20.

Encrypting: the administrator logs in to the plain file, which must verify OK; the audit
trail records who encrypted it; the encrypted copy is made beside it, checked row by row
(alsdesk/store/cipher.py) and synced; the key file gets the recovery check and the
administrator's slot; the plain file is kept aside under a hard link (or a copy); then the
copy replaces the file in one rename. A kill before that rename leaves the plain file as it
was (the next run removes the half-made copy); after it, the encrypted one. The encrypted
file is verified after. The plain file kept aside stays until the administrator confirms
(`alsdesk encrypt --confirm`), which deletes it.

The other accounts get no slot: their passwords were never typed here, and their hashes
were readable in the plain file (a copy of it may be anywhere). The administrator gives
each a new password (`alsdesk users reset-password`), which makes its slot.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alsdesk.auth import Action
from alsdesk.errors import StoreError
from alsdesk.keyslots import KeyFile, key_file, new_recovery_key
from alsdesk.store import cipher, sqldb
from alsdesk.store.audit import A
from alsdesk.store.lock import DbLock

ASIDE = ".plain-"  # trial.db.plain-20261208-101500: the plain file kept aside


@dataclass
class Encrypted:
    path: Path
    aside: Path
    recovery_key: str
    verify_before: str
    verify_after: str
    ok_after: bool
    without_slot: list[str]  # the other active accounts (a new password each)


def asides(db: Path) -> list[Path]:
    db = Path(db)
    return sorted(p for p in db.parent.glob(db.name + ASIDE + "*") if p.is_file())


def encrypt(db: Path, user_id: str, password: str) -> Encrypted:
    """Encrypt a plain database in place (see above); StoreError saying why not, with the
    file unchanged."""
    from alsdesk.store.core import Store

    db = Path(db)
    if sqldb.is_encrypted(db):
        raise StoreError(f"{db} is encrypted already.")
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
            with store.transaction():
                store.audit(A.ENCRYPTED, new_value="SQLCipher 4 (alsdesk encrypt): begun, the "
                            "checked encrypted copy replaces the file",
                            reason=f"the plain file is kept aside until confirmed; "
                                   f"{len(others)} other active accounts get new passwords")
            # The last connection closes: SQLite folds the WAL into the file, so the copy
            # below reads everything and no plain WAL is left beside the encrypted file.
        _no_wal_left(db)
        key = new_recovery_key()
        copy = cipher.encrypt_copy(db, key)
        keys = KeyFile.new(key)
        keys.put(key, user_id, password)
        keys.write(key_file(db))
        aside = db.with_name(db.name + ASIDE + datetime.now().strftime("%Y%m%d-%H%M%S"))
        _keep_aside(db, aside)
        os.replace(copy, db)
        _sync_folder(db.parent)
    finally:
        lock.release()
    sqldb.remember(key)
    with Store.open(db) as store:
        store.login(user_id, password)
        after = store.verify()
    return Encrypted(db, aside, key, before.text(), after.text(), after.ok, others)


def _no_wal_left(db: Path) -> None:
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        if side.exists() and side.name.endswith("-wal") and side.stat().st_size:
            raise StoreError(f"{db} still has changes in {side.name} (another program has "
                             "it open?): close every ALS Desk using it and try again.")
        side.unlink(missing_ok=True)


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


def confirm(db: Path) -> list[Path]:
    """Delete the plain files kept aside (the administrator checked the encrypted one); the
    files deleted. Refused while the database itself is plain."""
    db = Path(db)
    if not sqldb.is_encrypted(db):
        raise StoreError(f"{db} is not encrypted: the plain copies kept aside stay.")
    gone = asides(db)
    for path in gone:
        path.unlink()
    return gone


def recover(db: Path, recovery_key: str, user_id: str, password: str, reason: str) -> None:
    """Every password lost: the recovery key opens the file, and this administrator's
    account gets a new password (its slot made again), audited as done with the recovery
    key. KeyFileError for a key that is not this file's; nothing changed then."""
    from alsdesk.store import encryption
    from alsdesk.store.core import Store

    encryption.recover(db, recovery_key)
    with Store.open(db) as store:
        user = store.users.get(user_id)
        if user.role.value != "admin" or not user.active:
            raise StoreError(f"'{user_id}' is not an active administrator's account: the "
                             "recovery key gives an administrator a new password, who then "
                             "gives the others theirs.")
        # Nobody can log in: the row names the administrator it was done for.
        store.user_id, store.role, store.full_name = user.user_id, user.role, user.full_name
        store.users.reset_password(user_id, password, f"with the recovery key: {reason}")
        store.user_id = store.role = store.full_name = None
