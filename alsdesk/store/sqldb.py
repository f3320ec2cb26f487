"""The SQLite driver of every connection the program makes: SQLCipher's (sqlcipher3, the
DB-API of Python's sqlite3 over SQLite with SQLCipher's codec), and the database keys this
process has unlocked.

One driver, so the exceptions caught are the ones raised: sqlcipher3's classes are not
sqlite3's. And one SQLite library in the process: two copies of SQLite do not share their
POSIX locks on a file, so the other's connection closing drops this one's locks and may
delete the WAL under it (seen: a test's sqlite3 look at an open store's file made the store
refuse its next save as "journal deleted"). Import it as
`from alsdesk.store.sqldb import driver as sqlite3`, in the tests too.

Keys (issue 20): a login unwraps the database's page key (alsdesk/keyslots.py) and hands it
to `learn`, with the file's salt. From then on every connection this process opens to a file encrypted with
it -- the database, its backups, a restore's copies, verify's look -- is keyed as it opens,
so none of the code that reads the file needs to know. The page key is derived once per
salt (PBKDF2, a fifth of a second) and given raw after that. The database and all its
copies share one salt and so one raw key; a new file is encrypted only when asked
(`encrypt_new`), with the salt and key of the file it is a copy of. A plain file opens as
with sqlite3. An encrypted file with no key known raises Encrypted before any read.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sqlcipher3 import dbapi2 as _dbapi2

from alsdesk.errors import StoreError
from alsdesk.keyslots import key_file

SQLITE_HEADER = b"SQLite format 3\x00"


class Encrypted(StoreError):
    """The file is encrypted and this process has not unlocked its key (no login yet, or
    the key of another database)."""


_lock = threading.Lock()
_raw_by_salt: dict[bytes, bytes] = {}
_new: dict[str, bytes] = {}  # a file to be made encrypted -> its salt


def _canonical(path: str | os.PathLike) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def head(path: str | os.PathLike) -> bytes | None:
    """The first 16 bytes of the file, or None when there is none (or nothing in it)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(16)
    except OSError:
        return None
    return data or None


def is_encrypted(path: str | os.PathLike) -> bool:
    """Whether the file has content and no SQLite header (SQLCipher's salt instead)."""
    data = head(path)
    return data is not None and data != SQLITE_HEADER


def raw_for(salt: bytes) -> bytes | None:
    """The page key of files with this salt, if this process unlocked it."""
    with _lock:
        return _raw_by_salt.get(salt)


def learn(salt: bytes, raw: bytes) -> None:
    """The page key of files with this salt (unwrapped by a login, derived from the
    recovery key, or made for a new file)."""
    with _lock:
        _raw_by_salt[salt] = raw


def forget_salt(salt: bytes) -> None:
    """Drop the page key of files with this salt (one that turned out not to be trusted)."""
    with _lock:
        _raw_by_salt.pop(salt, None)


def forget() -> None:
    """Drop every key of this process (tests; a program that closed its database)."""
    with _lock:
        _raw_by_salt.clear()
        _new.clear()


def unlocked(path: str | os.PathLike) -> bool:
    """Whether a connection to this file would be keyed (a plain file needs no key)."""
    data = head(path)
    if data is None or data == SQLITE_HEADER:
        return True
    with _lock:
        if data in _raw_by_salt:
            return True
    return False


def encrypt_new(path: str | os.PathLike, like: str | os.PathLike) -> bool:
    """Make the new file at `path` (a backup, a copy) encrypted with the key and salt of
    `like`, when `like` is encrypted; whether it will be."""
    salt = head(like)
    if salt is None or salt == SQLITE_HEADER:
        return False
    with _lock:
        _new[_canonical(path)] = salt
    return True


def encrypt_new_with(path: str | os.PathLike, salt: bytes, raw: bytes) -> None:
    """Make the new file at `path` encrypted with this salt and raw key (a new database)."""
    learn(salt, raw)
    with _lock:
        _new[_canonical(path)] = salt


def plain_new(path: str | os.PathLike) -> None:
    """Forget that the file at `path` was to be encrypted (it was made, or given up)."""
    with _lock:
        _new.pop(_canonical(path), None)


def _file_of(database, uri: bool) -> str | None:
    text = os.fspath(database) if not isinstance(database, str) else database
    if isinstance(text, bytes):
        text = text.decode()
    if text in ("", ":memory:"):
        return None
    if uri and text.startswith("file:"):
        parts = urlsplit(text)
        if "mode=memory" in parts.query:
            return None
        path = unquote(parts.path)
        if os.name == "nt" and len(path) > 2 and path[0] == "/" and path[2] == ":":
            path = path[1:]
        return path or None
    return text


def _key_of(path: str) -> tuple[bytes, bytes] | None:
    salt = head(path)
    if salt is None:  # a new file: encrypted only when asked
        with _lock:
            salt = _new.get(_canonical(path))
        if salt is None:
            return None
    elif salt == SQLITE_HEADER:
        return None
    raw = raw_for(salt)
    if raw is None:
        if not key_file(Path(path)).exists():
            return None  # no SQLite file, nor one of ours encrypted: SQLite says what it is
        raise Encrypted(f"{path} is encrypted: it opens after a login (or with its recovery "
                        "key), and none that opens it was given.")
    return raw, salt


def connect(database, *args, **kwargs):
    """The driver's connect, keyed when the file is encrypted (see above)."""
    path = _file_of(database, bool(kwargs.get("uri")))
    key = _key_of(path) if path is not None else None
    conn = _dbapi2.connect(database, *args, **kwargs)
    if key is not None:
        _keyed(conn, *key)
    return conn


def _keyed(conn, raw: bytes, salt: bytes) -> None:
    # SQLCipher's own log would print its errors (a wrong key's HMAC failures) to the
    # terminal: the program says what they mean instead.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = \"x'%s%s'\"" % (raw.hex(), salt.hex()))
    # Sorting and temporary tables stay in memory: SQLite's temporary files would hold
    # patient data in the clear.
    conn.execute("PRAGMA temp_store = MEMORY")


def opens_with(path: str | os.PathLike, salt: bytes | None, raw: bytes) -> bool:
    """Whether this page key opens the file (read-only; the key is not kept)."""
    if salt is None:
        return False
    conn = _dbapi2.connect(f"file:{os.fspath(path)}?mode=ro", uri=True)
    try:
        _keyed(conn, raw, salt)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except _dbapi2.DatabaseError:
        return False
    finally:
        conn.close()


class _Driver:
    """sqlcipher3's dbapi2, but for connect (keyed as above)."""

    connect = staticmethod(connect)

    def __getattr__(self, name: str):
        return getattr(_dbapi2, name)


driver = _Driver()

__all__ = ["driver", "Encrypted", "learn", "forget", "unlocked", "encrypt_new",
           "is_encrypted"]
