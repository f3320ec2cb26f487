"""Where a database file lives: building a new one beside its final name, read-only disks,
the file still being the one opened, what a killed restore left, and damage met on reading.

Used by Store.create, Store.open and Store.transaction (alsdesk.store.core), the backup
check and restore.
"""
from __future__ import annotations

import os
import time
from alsdesk.store.sqldb import driver as sqlite3
from pathlib import Path

from alsdesk.errors import MovedDatabase, StoreError
from alsdesk.i18n import tr
from alsdesk.store import schema

CREATING = ".creating"  # suffix of a database being built by Store.create


def remove_db_files(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def move_into_place(tmp: Path, path: Path) -> None:
    """Give the finished file its name in one step (a rename: atomic on the same disk).

    Another ALS Desk cannot create the same file meanwhile (we hold its lock); the check
    just before is for a file some other program put there during the creation.
    """
    if Path(str(tmp) + "-wal").exists():
        raise StoreError(tr("The new database {path} was not closed cleanly; nothing was "
                            "created.").format(path=tmp))
    if path.exists() or path.is_symlink():
        raise StoreError(tr("{path} already exists: pick a new file name or open it "
                            "instead.").format(path=path))
    os.replace(tmp, path)
    if os.name == "posix":  # the new name itself must survive a power cut
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, or None when nothing is there."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def refuse_moved_file(path: Path, identity: tuple[int, int] | None) -> None:
    """Raise MovedDatabase unless `path` still names the file opened as `identity`.

    SQLite writes through the open file, whatever became of its name: a sync tool or an
    antivirus that renames, deletes or replaces the file while it is open would have every
    later save acknowledged into a file nobody opens again. Store.transaction calls this
    just before each COMMIT (one stat, a few microseconds a save).
    """
    if identity is None:
        return  # ":memory:", or no identity could be read at open
    now = file_identity(path)
    if now == identity:
        return
    what = (tr("is no longer there (deleted, or renamed or moved)") if now is None else
            tr("was replaced by another file of the same name"))
    raise MovedDatabase(
        tr("The database {path} {what} while ALS Desk had it open, perhaps by a sync tool, an "
           "antivirus program or someone in the file manager: nothing was saved, and what you "
           "typed is still on the screen. Do not close this window yet: ask whoever manages "
           "the computer to find the file and put it back under its name (or tell the data "
           "manager), then save again.").format(path=path, what=what)
    )


def refuse_lost_wal(path: Path, identity: tuple[int, int] | None) -> None:
    """Raise MovedDatabase when the database's WAL file (``<db>-wal``, where SQLite keeps the
    saves not yet folded into the database) was deleted or replaced while open: a cleanup
    tool or an antivirus that removes it has every later save acknowledged, then lost."""
    if identity is None:
        return  # not yet made (the first save makes it): nothing to compare
    if file_identity(Path(f"{path}-wal")) == identity:
        return
    raise MovedDatabase(
        tr("The journal file {path}-wal, which holds this database's latest saves, was deleted "
           "or replaced while ALS Desk had it open, perhaps by a cleanup tool or an antivirus "
           "program: nothing was saved, and what you typed is still on the screen. Do not "
           "close this window yet: ask whoever manages the computer to stop that program and "
           "put the file back, or tell the data manager.").format(path=path)
    )


def set_aside_orphans(path: Path, wal: tuple[int, int] | None,
                      shm: tuple[int, int] | None) -> Path | None:
    """After closing a database whose name no longer leads to it: move its WAL and shared-
    memory files (still named after the path) out of the way, so that a file now at the path
    does not read them as its own (which damages it). Only files that are still this
    connection's are touched. Returns where the WAL went, or None."""
    moved = None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for suffix, identity in (("-wal", wal), ("-shm", shm)):
        side = Path(f"{path}{suffix}")
        if identity is None or file_identity(side) != identity:
            continue
        if suffix == "-shm":
            side.unlink(missing_ok=True)  # an index SQLite rebuilds from the WAL
            continue
        target = side.with_name(f"{path.stem}-orphaned-{stamp}{path.suffix}{suffix}")
        try:
            os.replace(side, target)
            moved = target
        except OSError:
            pass
    return moved


def on_read_only_disk(path: Path) -> bool:
    """Whether the file's folder is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no such folder (reported later), or not POSIX
        return False


def refuse_read_only_disk(path: Path) -> None:
    """On a read-only disk SQLite cannot open a WAL database at all (it must create the
    '-shm' index beside it), which the file check would report as damage: say what it is."""
    if not path.is_file() or not on_read_only_disk(path):
        return
    try:
        schema.open_readonly(path).close()
    except sqlite3.Error:
        # Not ReadOnlyDatabase: that offers to open the file read-only, which fails too.
        raise StoreError(
            tr("The database {path} is on a disk that is mounted read-only (a write-protected "
               "USB stick or memory card, or a drive or share mounted read-only), so ALS Desk "
               "cannot open it there; this does not mean the file is damaged. Make the disk "
               "writable (the stick's lock switch, or ask IT), or copy the database (with its "
               "'{name}-wal' file, if there is one) to a folder you can write to and open "
               "the copy.").format(path=path, name=path.name)
        ) from None


RESTORING = ".restoring-"  # in the name of a copy being made by a restore (alsdesk.restore)


def clean_restore_leftovers(path: Path) -> list[Path]:
    """Remove what a killed restore of `path` left: copies with patient data, a second name.

    Called with the database's lock held (Store.open for writing, a restore): no restore of
    this database runs, so every such copy is dead. A dated ``-replaced-`` name that is the
    very file at `path` (a hard link made just before the kill) is a second name, not a kept
    file: removing it removes no data. Returns what was removed.
    """
    path = Path(path)
    removed: list[Path] = []
    try:
        copies = list(path.parent.glob(f".{_glob_escape(path.name)}{RESTORING}*"))
        links = list(path.parent.glob(f"{_glob_escape(path.stem)}-replaced-*{path.suffix}"))
    except OSError:
        return removed
    for leftover in copies:
        try:
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
        except OSError:
            continue  # not ours to remove (another account's): the next open tries again
    for link in links:
        try:
            if link.is_file() and os.path.samefile(link, path):
                link.unlink(missing_ok=True)
                removed.append(link)
        except OSError:
            continue
    return removed


def _glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


# What reading a damaged file can raise beyond SQLite's own errors: text that is no longer
# UTF-8 (in a value, or in SQLite's message quoting the schema), a code the study does not
# know (KeyError), a number where text belongs (TypeError), a malformed date (ValueError).
DAMAGE = (sqlite3.Error, UnicodeError, KeyError, TypeError, ValueError)


def damage_reported(fn):
    """Turn what a damaged file makes `fn` raise into a StoreError naming the file.

    For the checks (open, verify, backup check): a bit flip anywhere must end in a message,
    never a traceback. Our own errors (some are ValueErrors) pass through unchanged; the
    original exception stays attached as the cause, for whoever debugs.
    """
    import functools

    from alsdesk.errors import AlsDeskError

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AlsDeskError:
            raise
        except DAMAGE as exc:
            target = _file_named(args, kwargs)
            raise StoreError(
                f"The database {target} is damaged: it cannot be read as ALS Desk wrote it "
                f"({type(exc).__name__}: {str(exc)[:200]}). Keep it aside unchanged and "
                "restore the latest backup (or use another backup)."
            ) from exc

    return wrapper


def _file_named(args: tuple, kwargs: dict) -> object:
    """The file a call is about: its first path argument, or a Store's own file."""
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, (str, os.PathLike)):
            return arg
        if isinstance(getattr(arg, "path", None), Path):
            return arg.path
    return "(unknown)"
