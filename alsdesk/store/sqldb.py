"""The SQLite driver of every connection the program makes: SQLCipher's (sqlcipher3, the
DB-API of Python's sqlite3 over SQLite with SQLCipher's codec). A plain file opens with it
as with sqlite3; an encrypted one with its key (alsdesk/store/cipher.py, issue 20). One
driver, so the exceptions caught are the ones raised: sqlcipher3's classes are not
sqlite3's. And one SQLite library in the process: two copies of SQLite do not share their
POSIX locks on a file, so the other's connection closing drops this one's locks and may
delete the WAL under it (seen: a test's sqlite3 look at an open store's file made the store
refuse its next save as "journal deleted"). Import it as
`from alsdesk.store.sqldb import driver as sqlite3`, in the tests too."""
from __future__ import annotations

from sqlcipher3 import dbapi2 as driver

__all__ = ["driver"]
