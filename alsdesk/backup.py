"""Backups: written with SQLite's online backup API, checked, rotated, and restored.

A backup is a complete, self-contained copy of the database (rollback journal, not WAL, so
it is one file), taken as one consistent snapshot even while someone keeps saving. It is
written under a temporary name, checked (SQLite integrity check, that it is an ALS Desk file
of the same study, and the audit hash chain), and only then given its final name: a file
with a backup's name is always a good backup, whatever happened while it was written.

Automatic backups go to the backup folder (setting ``backup.folder``; default ``backups``
beside the database), so a USB stick or a network share can receive them, named
``<database>-YYYYMMDD-HHMMSS-<start|close>.db``; the newest ``backup.keep`` of them are kept.
Backups made by hand (``alsdesk backup``) are never deleted by the program.

Each backup also appends its audit head to ``<database>-heads.txt`` beside it, and must
extend every head found before (alsdesk.anchor_check): a database whose trail was rewritten
is still backed up, but then nothing is rotated away and the backup reports the rewrite.

Every function here opens its own connections and never uses ``store.conn``, so the GUI can
run them in a worker thread while the window goes on.
"""
from __future__ import annotations

import os
import re
from alsdesk.store.sqldb import driver as sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk import anchor_check, anchor_local, anchor_places
from alsdesk.auth import Action
from alsdesk.backup_check import check_backup  # the check of every backup written (re-exported)
from alsdesk.errors import DiskFull, StoreError
from alsdesk.i18n import tr
from alsdesk.keyslots import key_file
from alsdesk.store import encryption, schema, sqldb
from alsdesk.store.filekind import is_special
from alsdesk.store.lock import pid_alive
from alsdesk.store.sink import SETTING_MAX
from alsdesk.textcheck import text_problem

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.study.model import Study

SETTING_FOLDER = "backup.folder"
SETTING_KEEP = "backup.keep"
DEFAULT_KEEP = 10
MAX_KEEP = 1000
AUTO_REASONS = ("start", "close")
RESTORED = "database.restore"  # audit action of a restore, in the restored file

_STAMP = "%Y%m%d-%H%M%S"
_PARTIAL = re.compile(r"\.(?P<name>.+)\.partial-(?P<pid>\d+)")
_PARTIAL_MAX_IDLE = 600  # seconds without a write before a partial backup counts as dead


@dataclass(frozen=True)
class BackupInfo:
    """A checked backup file."""

    path: Path
    study_id: str
    audit_rows: int
    audit_head: str  # "rows:hash" of the audit trail in the backup
    subjects: int
    size: int

    def summary(self) -> str:
        return tr("{name}: study {study}, {subjects} subjects, {rows} audit rows, {mb:.1f} "
                  "MB, checked OK").format(name=self.path.name, study=self.study_id,
                                           subjects=self.subjects, rows=self.audit_rows,
                                           mb=self.size / 1e6)


# --- settings -----------------------------------------------------------------------------


def default_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def settings_of(db_path: Path) -> tuple[Path, int]:
    """The backup folder and how many automatic backups to keep, read from the file itself."""
    db_path = Path(db_path)
    conn = schema.open_readonly(db_path)
    try:
        rows = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN (?, ?)", (SETTING_FOLDER, SETTING_KEEP)
        ).fetchall())
    finally:
        conn.close()
    folder = Path(rows[SETTING_FOLDER]) if rows.get(SETTING_FOLDER) else default_folder(db_path)
    try:
        keep = int(rows.get(SETTING_KEEP, DEFAULT_KEEP))
    except ValueError:
        keep = DEFAULT_KEEP
    return folder, min(max(keep, 1), MAX_KEEP)


def configure(store: Store, *, folder: str | Path | None = None,
              keep: int | None = None) -> None:
    """Set the backup folder ('' = the default beside the database) and/or keep-N (admin)."""
    store.require(Action.CHANGE_SETTINGS)
    if folder is not None and (problem := text_problem(str(folder), limit=SETTING_MAX,
                                                       lines=False)):
        # before any Path() of it: a NUL in a path is a ValueError of the operating system
        raise StoreError(tr("The backup folder {problem}.").format(problem=problem))
    if keep is not None:
        if isinstance(keep, bool) or not isinstance(keep, int) or not 1 <= keep <= MAX_KEEP:
            raise StoreError(tr("Keep between 1 and {most} automatic backups.").format(
                most=MAX_KEEP))
    if folder is not None and str(folder).strip():
        target = Path(folder).expanduser()
        if not target.is_absolute():
            raise StoreError(tr("Give the backup folder as a full path, not "
                                "'{folder}'.").format(folder=folder))
        _check_writable_folder(target)
    if folder is not None:
        store.set_setting(SETTING_FOLDER, str(Path(folder).expanduser()) if str(folder).strip()
                          else "")
        # Kept outside the file too (anchor_local): verify reads it whatever the setting says.
        anchor_local.remember(Path(store.path), folder=(
            Path(folder).expanduser() if str(folder).strip() else default_folder(store.path)))
    if keep is not None:
        store.set_setting(SETTING_KEEP, str(keep))


# --- making backups -----------------------------------------------------------------------


def make_backup(db_path: Path, dest: Path, *,
                progress: Callable[[int, int], None] | None = None,
                study: "Study | None" = None) -> BackupInfo:
    """Copy the database to `dest` (which must not exist) and check the copy.

    `progress(pages_left, pages_total)` is called along the way when given.
    """
    db_path, dest = Path(db_path), Path(dest)
    source_info = schema.inspect_file(db_path)
    if dest.exists():
        raise StoreError(tr("{path} already exists: pick a new file name for the "
                            "backup.").format(path=dest))
    if not dest.parent.is_dir():
        raise StoreError(
            tr("The backup folder {folder} is not there. If it is on a USB stick or a "
               "network drive, check that it is connected; otherwise choose another "
               "folder.").format(folder=dest.parent)
        )
    # Compared before the copy: the heads found are what this backup must extend.
    anchors = anchor_check.check_file(db_path)
    partial = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    try:
        _copy(db_path, partial, progress)
        _fsync(partial)
        info = check_backup(partial, source_info.study_id)
        _check_schema(partial, study)
        # An encrypted database's backup carries its key file: written first, so the backup
        # never lies there without the key file that opens it (alsdesk/store/encryption.py).
        encryption.copy_key_file(db_path, dest)
        os.replace(partial, dest)
        _fsync_dir(dest.parent)
    except sqlite3.Error as exc:
        raise _backup_error(dest, exc) from None
    except OSError as exc:
        raise _os_error(dest, exc) from None
    finally:
        # SQLite's rollback journal of the copy stays behind when the disk fills mid-copy
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    result = BackupInfo(dest, info.study_id, info.audit_rows, info.audit_head, info.subjects,
                        dest.stat().st_size)
    try:
        anchor_places.log_backup(dest, db_path.stem)
        # read by verify whatever the settings in the file say
        anchor_local.remember(db_path, folder=dest.parent)
    except (OSError, sqlite3.Error, StoreError) as exc:  # StoreError: the log is a FIFO...
        raise StoreError(tr("The backup was written to {path}, but its audit head could not "
                            "be added to the heads log in {folder} ({error}). Check that the "
                            "folder can be written to.").format(
            path=dest, folder=dest.parent, error=exc)) from None
    if anchors.problems:
        # The backup is written all the same: the newest work then survives a dead disk, and
        # the copy is evidence too. What protects the site is that nothing is rotated away
        # (auto_backup stops here): the older backups that prove the rewrite stay, and the
        # person at the keyboard is told now, not at the next verify.
        raise BackupDoesNotExtend(result, anchors.problems)
    return result


def _check_schema(copy: Path, study: "Study | None") -> None:
    """The copy's tables, columns and triggers as the program makes them (cheap: the schema
    only). A flipped bit in a column's name passes SQLite's own checks; a backup of it called
    "checked OK" would then rotate a good one away."""
    from alsdesk.store import schema_text
    from alsdesk.store.verify_more import schema_problems
    from alsdesk.study import load_study

    from alsdesk.store import definitions

    conn = schema.open_readonly(copy)
    try:
        # the copy's own definition (every version of it), else the open store's (no second
        # parse), else the program's (a file of format 2)
        own = definitions.latest_study(conn, str(copy), check=False)
        study = definitions.layout_study(conn, own or study or load_study())
        if conn.execute("SELECT value FROM meta WHERE key = 'study_id'").fetchone() != (
                study.id,):
            return  # another study's file: check_backup's study comparison decides
        problems = schema_problems(conn, study, limit=3) or schema_text.problems(conn, study,
                                                                                limit=3)
    finally:
        conn.close()
    if problems:
        raise StoreError(tr("The database's tables are not as ALS Desk made them "
                            "({problems}), so no backup was made and no older one was "
                            "deleted. Run 'alsdesk verify', and restore the latest good "
                            "backup.").format(problems="; ".join(problems)))


class BackupDoesNotExtend(StoreError):
    """The backup was written, but the database no longer contains heads kept before."""

    def __init__(self, info: BackupInfo, problems: list[str]) -> None:
        self.info = info
        self.problems = problems
        super().__init__(
            tr("The backup was written to {path}, but the database's audit trail no longer "
               "contains what earlier backups or seals recorded:\n{problems}\nNo older "
               "backup was deleted. Keep the database and the backup folder as they are, run "
               "'alsdesk verify' and tell the data manager.").format(
                path=info.path, problems="\n".join(f"- {p}" for p in problems[:5])))


def backup_now(db_path: Path, out: Path | None = None) -> BackupInfo:
    """A backup by hand: to `out`, or dated into the backup folder (never rotated away)."""
    db_path = Path(db_path)
    schema.inspect_file(db_path)
    if out is None:
        folder, _keep = settings_of(db_path)
        _ensure_folder(folder, db_path)
        out = _new_name(folder, db_path, "manual")
    return make_backup(db_path, Path(out))


def auto_backup(store: Store, reason: str) -> BackupInfo | None:
    """The automatic backup at start ('start') or close ('close'); None when not needed.

    At start, at most once a day (more often only when the last session crashed); never when
    nothing changed since the newest automatic backup, nor from a read-only window. The oldest backups beyond the
    ``backup.keep`` setting are deleted afterwards. Raises StoreError when the backup cannot be
    written (the GUI shows it as a warning and goes on).
    """
    if reason not in AUTO_REASONS:
        raise ValueError(f"reason must be one of {AUTO_REASONS}, not {reason!r}")
    if store.readonly:
        return None  # the instance that writes the file makes its backups
    db_path = Path(store.path)
    folder, keep = settings_of(db_path)
    _ensure_folder(folder, db_path)
    existing = list_backups(folder, db_path)
    if existing:
        newest = existing[-1]
        if _head_of(newest) == _head_of(db_path):
            return None
        taken = _taken_at(newest)
        crashed = store.stale_lock is not None
        if reason == "start" and not crashed and taken and taken.date() == datetime.now().date():
            return None
    info = make_backup(db_path, _new_name(folder, db_path, reason), study=store.study)
    rotate(folder, db_path, keep)
    return info


def list_backups(folder: Path, db_path: Path) -> list[Path]:
    """The automatic backups of this very database in `folder`, oldest first.

    A shared folder may hold backups of other workstations' databases with the same file
    name; they are told apart by the database's identity (study and creation time in meta).
    """
    pattern = re.compile(
        re.escape(Path(db_path).stem) + r"-\d{8}-\d{6}(?:-\d+)?-(?:start|close)\.db")
    try:
        # Regular files only: reading a FIFO named like a backup would block for ever (and
        # rotation never deletes what is not a file ALS Desk wrote).
        names = [p for p in Path(folder).iterdir()
                 if pattern.fullmatch(p.name) and not is_special(p)]
    except OSError:
        return []
    me = _identity(Path(db_path))
    mine = [p for p in names if _identity(p) == me]
    return sorted(mine, key=lambda p: (_taken_at(p) or datetime.min, _mtime(p), p.name))


def rotate(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`, and leftovers of killed backups."""
    removed = []
    backups = list_backups(folder, db_path)
    for old in backups[:max(len(backups) - keep, 0)]:
        try:
            old.unlink(missing_ok=True)
            key_file(old).unlink(missing_ok=True)
        except PermissionError:
            # A write-once share (files can be added, not deleted) keeps every backup: the
            # site chose it so that no one at the workstation can remove the evidence.
            continue
        removed.append(old)
    now = datetime.now().timestamp()
    for leftover in Path(folder).glob(f".{Path(db_path).stem}-*.partial-*"):
        m = _PARTIAL.fullmatch(leftover.name)
        if is_special(leftover):
            continue  # not a copy this program made
        try:
            idle = now - leftover.stat().st_mtime
        except OSError:
            continue
        # The pid says nothing about other computers sharing the folder: age decides there.
        if m and not pid_alive(int(m["pid"])) and idle > _PARTIAL_MAX_IDLE:
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


# --- restoring ----------------------------------------------------------------------------


def restore(db_path: Path, backup_file: Path, **kwargs):
    """Replace the database with a checked backup: see alsdesk.restore.restore."""
    from alsdesk.restore import restore as _restore

    return _restore(db_path, backup_file, **kwargs)


# --- helpers ------------------------------------------------------------------------------


def _copy(source: Path, target: Path, progress: Callable[[int, int], None] | None) -> None:
    """SQLite's online backup of `source` into the new file `target`, as one plain file."""
    src = schema.open_readonly(source)
    # The copy of an encrypted file is encrypted with its key and salt, from the first page.
    sqldb.encrypt_new(target, like=source)
    try:
        dst = sqlite3.connect(target)
        try:
            if progress is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=1024,
                           progress=lambda _status, left, total: progress(left, total))
            # A backup is one self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            dst.close()
    finally:
        sqldb.plain_new(target)
        src.close()


def _meta(path: Path, *keys: str) -> tuple[str | None, ...] | None:
    try:
        conn = schema.open_readonly(path)
    except (sqlite3.Error, StoreError):  # StoreError: a FIFO or device, refused unopened
        return None
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        return tuple(rows.get(k) for k in keys)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _head_of(path: Path) -> str | None:
    meta = _meta(path, "audit_head")
    return meta[0] if meta else None


def _identity(path: Path) -> tuple[str | None, ...] | None:
    return _meta(path, "study_id", "created_at")


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _taken_at(path: Path) -> datetime | None:
    m = re.search(r"-(\d{8}-\d{6})(?:-\d+)?-[a-z]+\.db$", path.name)
    if not m:
        return None
    try:
        return datetime.strptime(m[1], _STAMP)
    except ValueError:
        return None


def _new_name(folder: Path, db_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{reason}.db"
    return target


def _ensure_folder(folder: Path, db_path: Path) -> None:
    """Create the default folder; a chosen one (USB stick, share) must already be there."""
    if folder.is_dir():
        return
    if folder == default_folder(db_path):
        try:
            folder.mkdir()
            return
        except OSError as exc:
            raise _os_error(folder / "x", exc) from None
    raise StoreError(
        tr("The backup folder {folder} is not there. If it is on a USB stick or a network "
           "drive, check that it is connected; an administrator can choose another folder in "
           "the settings.").format(folder=folder)
    )


def _check_writable_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise StoreError(tr("The folder {folder} is not there: create it or connect the "
                            "drive first.").format(folder=folder))
    probe = folder / f".alsdesk-write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(tr("ALS Desk cannot write to the folder {folder} ({error}): choose "
                            "another one.").format(folder=folder, error=exc.strerror)) from None


def _backup_error(dest: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "full" in text:
        return DiskFull(tr("The disk holding {folder} is full: the backup was not written. "
                           "Free some space or choose another backup folder.").format(
            folder=dest.parent))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(tr("ALS Desk cannot write to {folder}: the backup was not written. "
                             "Check the folder (and that a USB stick is not locked).").format(
            folder=dest.parent))
    return StoreError(tr("The backup to {path} failed ({error}); nothing was changed.").format(
        path=dest, error=exc))


def _os_error(dest: Path, exc: OSError) -> StoreError:
    import errno

    if exc.errno == errno.ENOSPC:
        return DiskFull(tr("The disk holding {folder} is full: the backup was not "
                           "written.").format(folder=dest.parent))
    return StoreError(tr("The backup to {path} failed ({error}); nothing was changed.").format(
        path=dest, error=exc.strerror or exc))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
