"""What kind of thing a path names, asked before anything opens or replaces it.

A FIFO opened for reading blocks until someone writes to it (verify would hang for ever), a
device can be read without end or written to (``--force`` over /dev/sda), and a socket or a
folder is not a database either. ``os.stat`` never opens the path, so asking costs nothing
and cannot hang; a symbolic link is followed, as opening it would be.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from alsdesk.errors import StoreError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device (character device)"),
    (stat.S_ISBLK, "a device (disk or partition)"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(path: Path) -> str | None:
    """None for a regular file or no file at all; otherwise what it is, in words."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return None  # unreadable: the open that follows says why in its own words
    if stat.S_ISREG(mode):
        return None
    for test, words in _KINDS:
        if test(mode):
            return words
    return "not an ordinary file"


def refuse_special(path: Path, role: str = "database") -> None:
    """Raise StoreError when `path` exists and is not a regular file (`role`: what it is for)."""
    kind = kind_of(Path(path))
    if kind is None:
        return
    hint = " Pick the .db file inside it." if kind == "a folder" else ""
    raise StoreError(f"{path} is {kind}, not a {role} file: ALS Desk neither reads nor "
                     f"writes it.{hint}")


def is_special(path: Path) -> bool:
    """Whether `path` exists and is something other than a regular file."""
    return kind_of(Path(path)) is not None


_SIDE_FILES = (("-wal", "write-ahead log (WAL) file"), ("-shm", "shared-memory index (-shm) "
               "file"), ("-journal", "rollback journal"))


def refuse_odd_side_files(db: Path) -> None:
    """Raise StoreError when the database's WAL, -shm or journal file is a symbolic link or
    not a regular file. SQLite will not open through them (it said only "unable to open
    database file", which read as damage); a link there would have SQLite write the log
    into another program's file. Nothing of the database is wrong: the link is."""
    for suffix, words in _SIDE_FILES:
        side = Path(str(db) + suffix)
        if os.path.islink(side):
            what = "a symbolic link"
        else:
            what = kind_of(side)
        if what is None:
            continue
        raise StoreError(
            f"{side} is {what} where the database's {words} should be, so ALS Desk will not "
            f"open {Path(db).name} (this does not mean the database is damaged). Remove "
            f"{side.name} (it is not ALS Desk's; if it points to a file, that file is left "
            "as it is), then open the database again.")
