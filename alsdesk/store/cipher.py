"""SQLCipher files (issue 20): telling an encrypted file from a plain one, opening one with
the key a login unwrapped (alsdesk.keyslots), and making the encrypted copy of a plain file
that `alsdesk encrypt` swaps in.

An encrypted file has no SQLite header: its first 16 bytes are SQLCipher's salt, the rest
pages that read as noise without the key. The page key is derived from the passphrase and
that salt once (keyslots.raw_key), then given raw, so opening a connection costs no key
derivation. The copy is made by SQLCipher's own sqlcipher_export into a new file beside the
plain one, checked (integrity, every table's row count, the application id this program
marks its files with) and synced before anyone may use it; the plain file is only read, so
a kill at any moment leaves it as it was, and a half-made copy is recognised and removed.
"""
from __future__ import annotations

import os
from alsdesk.store.sqldb import driver as sqlite3
from pathlib import Path

from alsdesk.errors import AlsDeskError
from alsdesk.keyslots import raw_key
from alsdesk.store import sqldb

PARTIAL = ".encrypting"  # the copy while it is made: never opened as a database


class CipherError(AlsDeskError):
    """The key does not open the file, or the copy could not be made; the message says what
    to do, and nothing was changed."""


def is_encrypted(path: Path) -> bool:
    """Whether the file is not a plain SQLite file (its header is SQLCipher's salt). Says
    nothing of whose file it is: a key opens it, or it is not ours."""
    return sqldb.is_encrypted(path)


def salt_of(path: Path) -> bytes:
    with open(path, "rb") as fh:
        salt = fh.read(16)
    if len(salt) != 16:
        raise CipherError(f"{path} is too short to be an encrypted database.")
    return salt


def connect(path: Path, passphrase: str, *, readonly: bool = False):
    """A connection to an encrypted file, checked to open (CipherError otherwise); the key
    is kept for the process (alsdesk/store/sqldb.py)."""
    path = Path(path)
    salt = salt_of(path)
    sqldb.learn(salt, raw_key(passphrase, salt))
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(uri, uri=readonly, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        conn.close()
        raise CipherError(f"The key does not open {path}: the file is another database's, "
                          "or damaged. Nothing was changed.") from None
    return conn


def partial_copy(plain: Path) -> Path:
    return Path(str(plain) + PARTIAL)


def remove_partial(plain: Path) -> None:
    """The half-made copy a killed `alsdesk encrypt` left (called with the database's lock
    held: no conversion is running). It is encrypted: no data in the clear, only clutter."""
    target = partial_copy(plain)
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm"),
                     Path(f"{target}-journal"), Path(f"{target}.lock"), Path(f"{target}.keys")):
        leftover.unlink(missing_ok=True)


def encrypt_copy(plain: Path, passphrase: str) -> Path:
    """Make, check and sync the encrypted copy of a plain database, beside it; its path.

    The plain file is opened read-only and never written; a copy left by an earlier,
    interrupted run is removed first."""
    plain = Path(plain)
    target = partial_copy(plain)
    remove_partial(plain)
    source = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        counts = _counts(source)
        app_id = source.execute("PRAGMA application_id").fetchone()[0]
        version = source.execute("PRAGMA user_version").fetchone()[0]
    finally:
        source.close()
    salt = os.urandom(16)
    raw = raw_key(passphrase, salt)
    sqldb.learn(salt, raw)
    conn = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        # The raw key with its salt: derived once here, and the copy's salt is the one the
        # program keeps the key of (DB Browser derives the same key from the passphrase).
        conn.execute("ATTACH DATABASE ? AS enc KEY ?",
                     (str(target), "x'%s%s'" % (raw.hex(), salt.hex())))
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.application_id = {int(app_id)}")
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    except sqlite3.DatabaseError as exc:
        conn.close()
        target.unlink(missing_ok=True)
        raise CipherError(f"The encrypted copy of {plain} could not be made ({exc}): the "
                          "database is unchanged.") from None
    conn.close()
    check = connect(target, passphrase)
    try:
        found = check.execute("PRAGMA integrity_check").fetchone()[0]
        copied = _counts(check)
        marked = check.execute("PRAGMA application_id").fetchone()[0]
    finally:
        check.close()
    if found != "ok" or copied != counts or marked != app_id:
        target.unlink(missing_ok=True)
        raise CipherError(f"The encrypted copy of {plain} did not match it ({found}; "
                          f"{_differ(counts, copied)}): it was removed, the database is "
                          "unchanged.")
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    return target


def _counts(conn) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _differ(a: dict[str, int], b: dict[str, int]) -> str:
    names = sorted(n for n in set(a) | set(b) if a.get(n) != b.get(n))
    return ", ".join(f"{n}: {a.get(n)} rows, copied {b.get(n)}" for n in names[:5]) or \
        "same rows"
