"""Where audit heads are kept outside the database, and reading them back.

Each backup's own last audit row; the heads log beside the backups (``<database>-heads.txt``,
one line per backup, appended and fsynced, so a head outlives the rotation that deletes its
backup); seal files (alsdesk.seal); and what is given to ``verify --against``: a head, a
file (seal file, heads log, backup, PDF or export) or a folder. Read-only, and a folder or
file that is not there is a note for the caller, never an exception, unless it was given by
hand.
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from alsdesk import anchor
from alsdesk.anchor import Head
from alsdesk.errors import AlsDeskError
from alsdesk.store.filekind import kind_of, refuse_special

SETTING_FOLDER = "backup.folder"  # as alsdesk.backup, which imports this module
SETTING_SEAL = "seal.path"
RESTORED = "database.restore"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BACKUP_NAME = r"-\d{8}-\d{6}(?:-\d+)?-[a-z]+\.db"


@dataclass(frozen=True)
class Seen:
    """A head found outside the file: where, and when it was taken (UTC) when known."""

    head: Head
    where: str
    when: datetime | None = None
    place: str = ""  # the folder or file it was read from, for the summary of where verify looked


# --- where heads are kept -----------------------------------------------------------------


def heads_log(folder: Path, db_stem: str) -> Path:
    return Path(folder) / f"{db_stem}-heads.txt"


def seal_file(path: Path, db_stem: str) -> Path:
    """The seal file at a chosen place: the file itself, or `<db>-seal.txt` in a folder."""
    path = Path(path).expanduser()
    return path / f"{db_stem}-seal.txt" if path.is_dir() else path


def identity(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    rows = dict(conn.execute(
        "SELECT key, value FROM meta WHERE key IN ('study_id', 'created_at')").fetchall())
    return rows.get("study_id"), rows.get("created_at")


def head_line(head: Head, name: str, ident: tuple[str | None, str | None]) -> str:
    """One line of a heads log or seal file: time, file name, database, full head."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return (f"{now}\t{name}\tstudy={ident[0]} created={ident[1]}\t"
            f"{anchor.PREFIX} {head.seq}:{head.hash}\n")


def append_line(path: Path, line: str) -> None:
    """Append and fsync: a head that is not on the disk protects nothing."""
    refuse_special(path, "heads log")  # opening a FIFO to write blocks until a reader comes
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def heads_in_text(path: Path, ident: tuple[str | None, str | None] | None,
                  what: str) -> tuple[list[Seen], int]:
    """Every head in a heads log or seal file (one a line), and how many lines were another
    database's (a shared folder holds the logs of other workstations' files of that name)."""
    found, others = [], 0
    refuse_special(path, what)  # a FIFO would block the read for ever
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for n, line in enumerate(text.splitlines(), 1):
        if anchor.PREFIX not in line:
            continue
        created = re.search(r"created=(\S+)", line)
        study = re.search(r"study=(\S+)", line)
        if ident is not None and ((created and created[1] != str(ident[1]))
                                  or (study and study[1] != str(ident[0]))):
            others += 1
            continue
        try:
            head = anchor.parse(line[line.index(anchor.PREFIX):])
        except AlsDeskError:
            continue
        found.append(Seen(head, f"{what} {path}, line {n}", parse_time(line.split("\t")[0]),
                          f"{what} {path}"))
    return found, others


def head_of_backup(path: Path) -> Seen:
    """A backup's own last audit row; raises sqlite3.Error / KeyError when unreadable."""
    from alsdesk.store import schema

    conn = schema.open_readonly(Path(path))
    try:
        head = anchor.of(conn)
        row = conn.execute("SELECT ts FROM audit_trail WHERE seq = ?", (head.seq,)).fetchone()
    finally:
        conn.close()
    return Seen(head, f"backup {path}", parse_time(row[0]) if row else None,
                f"backups in {Path(path).parent}")


def _identity_of(path: Path) -> tuple[str | None, str | None]:
    """A backup's (study, creation time); raises sqlite3.Error when it cannot be read."""
    from alsdesk.store import schema

    conn = schema.open_readonly(path)
    try:
        return identity(conn)
    finally:
        conn.close()


def gather(conn: sqlite3.Connection, db_path: Path) -> tuple[list[Seen], list[str]]:
    """The heads in the backup folder (backups and heads log) and the configured seal file."""
    seen: list[Seen] = []
    notes: list[str] = []
    db_path = Path(db_path)
    settings = dict(conn.execute(
        "SELECT key, value FROM settings WHERE key IN (?, ?)",
        (SETTING_FOLDER, SETTING_SEAL)).fetchall())
    folder = (Path(settings[SETTING_FOLDER]) if settings.get(SETTING_FOLDER)
              else db_path.parent / "backups")
    ident = identity(conn)
    if folder.is_dir():
        seen += _in_folder(folder, db_path.stem, ident, notes)
    else:
        notes.append(f"the backup folder {folder} is not there (a USB stick or share not "
                     "connected?): its backups were not compared")
    # The setting is in the file, so whoever rewrites the file can point it elsewhere: the
    # folders it named before (by the trail) and the default are looked at too, when there.
    for earlier in _earlier_folders(conn, db_path) - {folder}:
        if earlier.is_dir():
            seen += _in_folder(earlier, db_path.stem, ident, [])
    if settings.get(SETTING_SEAL):
        target = seal_file(Path(settings[SETTING_SEAL]), db_path.stem)
        try:
            found, _others = heads_in_text(target, ident, "seal file")
            seen += found
        except FileNotFoundError:
            notes.append(f"no seal was written to {target} yet" if target.parent.is_dir()
                         else f"the folder of the seal file {target} is not there (a stick "
                         "or share not connected?): the seal was not compared")
        except OSError as exc:
            notes.append(f"the seal file {target} cannot be read ({exc.strerror}): it was "
                         "not compared")
        except AlsDeskError as exc:  # a FIFO or device where the seal file should be
            notes.append(f"{exc} The seal was not compared.")
    return seen, notes


def _earlier_folders(conn: sqlite3.Connection, db_path: Path) -> set[Path]:
    named = conn.execute(
        "SELECT old_value, new_value FROM audit_trail WHERE action = 'settings.change' "
        "AND field = ?", (SETTING_FOLDER,)).fetchall()
    return {Path(v) for pair in named for v in pair if v} | {db_path.parent / "backups"}


def _in_folder(folder: Path, stem: str, ident, notes: list[str]) -> list[Seen]:
    seen: list[Seen] = []
    pattern = re.compile(re.escape(stem) + _BACKUP_NAME)
    try:
        names = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
    except OSError as exc:
        notes.append(f"the backup folder {folder} cannot be read ({exc.strerror})")
        return seen
    others = 0
    for path in names:
        kind = kind_of(path)
        if kind is not None:  # a FIFO would block the open for ever
            notes.append(f"{path} is {kind}, not a backup: it was not compared")
            continue
        try:
            if _identity_of(path) != ident:
                others += 1  # another workstation's database of the same name
                continue
            seen.append(head_of_backup(path))
        except (sqlite3.Error, KeyError, TypeError):
            notes.append(f"the backup {path} cannot be read (damaged, or not an ALS Desk "
                         "file): it was not compared")
    log = heads_log(folder, stem)
    kind = kind_of(log)
    if kind is not None:
        notes.append(f"the heads log {log} is {kind}, not a file: it was not read")
    elif log.exists():
        try:
            found, other_lines = heads_in_text(log, ident, "heads log")
            seen += found
            others += other_lines
        except OSError as exc:
            notes.append(f"the heads log {log} cannot be read ({exc.strerror})")
    if others:
        notes.append(f"{others} backups or heads log lines in {folder} are of another "
                     "database of this name (another workstation's, or this file's study or "
                     "creation time in meta were changed): they were not compared")
    return seen


def given(arg: str, conn: sqlite3.Connection, db_path: Path) -> list[Seen]:
    """The heads in what was given to `verify --against`: a head, or a file or folder."""
    path = Path(arg).expanduser()
    if not path.exists():
        try:
            return [Seen(anchor.parse(arg), f"the head given ({arg})", place="heads given")]
        except AlsDeskError:
            raise AlsDeskError(
                f"--against {arg}: there is no such file, and it is not an audit head either "
                "(a head looks like 1234:3f9a2b7c1d0e4f5a, as printed at the foot of every "
                "PDF).") from None
    kind = kind_of(path)
    if kind is not None and kind != "a folder":
        raise AlsDeskError(f"--against {arg}: this is {kind}, not a file: ALS Desk does not "
                           "read it (give a backup, seal file, heads log, PDF or export).")
    if path.is_dir():
        notes: list[str] = []
        found = _in_folder(path, Path(db_path).stem, identity(conn), notes)
        if not found:
            raise AlsDeskError(f"--against {arg}: the folder holds no backup or heads log of "
                               "this database.")
        return found
    try:
        with open(path, "rb") as f:
            start = f.read(len(_SQLITE_MAGIC))
        if start == _SQLITE_MAGIC:
            return [_given_backup(path, arg, identity(conn))]
        found, others = heads_in_text(path, identity(conn), "file")
    except OSError as exc:
        raise AlsDeskError(f"--against {arg}: the file cannot be read "
                           f"({exc.strerror or exc}).") from None
    if found:
        return found
    if others:
        raise AlsDeskError(
            f"--against {arg}: every head in this file is of another database (its study or "
            "creation time differ from this file's meta): the wrong file was given, or this "
            "file's meta was changed.")
    return [Seen(_head_in_document(path), f"{path}", place=f"file {path}")]


def _given_backup(path: Path, arg: str, ident) -> Seen:
    try:
        theirs = _identity_of(path)
        seen = head_of_backup(path)
    except (sqlite3.Error, KeyError, TypeError):
        raise AlsDeskError(f"--against {arg}: this SQLite file is not an ALS Desk database "
                           "with an audit trail.") from None
    if theirs != ident:
        # Given by hand, so not passed over as another workstation's: said, and failed.
        raise AlsDeskError(
            f"--against {arg}: this is a backup of another database (study {theirs[0]}, "
            f"created {theirs[1]}), not of this one (study {ident[0]}, created {ident[1]}): "
            "the wrong file was given, or this file's meta was changed.")
    return seen


def _head_in_document(path: Path) -> Head:
    """The head printed on a PDF or written into an export (alsdesk.anchor_read, when
    installed; before it, the last head in the file's text)."""
    try:
        from alsdesk.anchor_read import head_in_file
    except ImportError:
        head_in_file = None
    if head_in_file is not None:
        return head_in_file(path)
    try:
        return anchor.parse(Path(path).read_text(encoding="utf-8", errors="replace"))
    except AlsDeskError:
        raise AlsDeskError(f"{path} holds no audit head: give a PDF or export that ALS "
                           "Desk wrote, or the head itself (1234:3f9a2b7c1d0e4f5a)."
                           ) from None


def log_backup(backup: Path, db_stem: str) -> None:
    """Append a new backup's head to the heads log beside it."""
    from alsdesk.store import schema

    conn = schema.open_readonly(Path(backup))
    try:
        line = head_line(anchor.of(conn), Path(backup).name, identity(conn))
    finally:
        conn.close()
    append_line(heads_log(Path(backup).parent, db_stem), line)


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time as UTC (a time without offset is taken as UTC); None if not one."""
    try:
        t = datetime.fromisoformat(str(text).strip())
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)
