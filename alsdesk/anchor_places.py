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
from alsdesk.store import sqldb
from alsdesk.store.sqldb import driver as sqlite3
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
    line: int = 0  # its line in a heads log or seal file (0: not a line), for the order of lines
    # On a restore line (alsdesk.anchor_restore): the head of the database that was replaced;
    # `head` is then the restored database's head just after the restore.
    replaced: Head | None = None
    kept: str = ""  # on a restore line: the name of the replaced file, kept aside beside it


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
                  what: str) -> tuple[list[Seen], int, int]:
    """Every head in a heads log or seal file (one a line); how many lines were of another
    study's database; how many of this study's but created at another time (this file's meta
    changed, or another workstation's database of the same name: see `mismatch_problem`)."""
    found, others, mismatched = [], 0, 0
    refuse_special(path, what)  # a FIFO would block the read for ever
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for n, line in enumerate(text.splitlines(), 1):
        if anchor.PREFIX not in line:
            continue
        created = re.search(r"created=(\S+)", line)
        study = re.search(r"study=(\S+)", line)
        if ident is not None and study and study[1] != str(ident[0]):
            others += 1
            continue
        if ident is not None and created and created[1] != str(ident[1]):
            mismatched += 1
            continue
        try:
            head = anchor.parse(line[line.index(anchor.PREFIX):])
        except AlsDeskError:
            continue
        found.append(Seen(head, f"{what} {path}, line {n}", parse_time(line.split("\t")[0]),
                          f"{what} {path}", n, *_replaced_on(line)))
    return found, others, mismatched


def _replaced_on(line: str) -> tuple[Head | None, str]:
    """The replaced head and kept-aside file named on a restore line (anchor_restore)."""
    named = re.search(r"\trestore replaced=(\d+:[0-9a-fA-F]+)(?: kept=([^\t/\\]+))?\t", line)
    if named is None:
        return None, ""
    try:
        return anchor.parse(named[1]), named[2] or ""
    except AlsDeskError:
        return None, ""


def mismatch_problem(count: int, where: str, ident) -> str:
    """A same-name, same-study witness of another creation time: said as a problem, not
    passed over, since the creation time is in the file and the insider can change it."""
    return (f"{count} backups or heads log / seal lines in {where} are of a database of this "
            f"name and study ({ident[0]}) created at another time than this file's meta says "
            f"({ident[1]}): either the file's meta was changed behind the program (to make "
            "the heads kept outside look like another database's), or another workstation's "
            "database with the same name shares this folder (give each database its own name "
            "or folder)")


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


def gather(conn: sqlite3.Connection, db_path: Path,
           problems: list[str] | None = None) -> tuple[list[Seen], list[str]]:
    """The heads in the backup folders (backups and heads logs) and the seal files: those the
    settings name, and those this workstation recorded for the database (anchor_local).
    Witnesses of this name and study but another creation time go to `problems` when given."""
    from alsdesk import anchor_local

    seen: list[Seen] = []
    notes: list[str] = []
    problems = [] if problems is None else problems
    db_path = Path(db_path)
    settings = dict(conn.execute(
        "SELECT key, value FROM settings WHERE key IN (?, ?)",
        (SETTING_FOLDER, SETTING_SEAL)).fetchall())
    folder = (Path(settings[SETTING_FOLDER]) if settings.get(SETTING_FOLDER)
              else db_path.parent / "backups")
    ident = identity(conn)
    if folder.is_dir():
        seen += _in_folder(folder, db_path.stem, ident, notes, problems)
    else:
        notes.append(f"the backup folder {folder} is not there (a USB stick or share not "
                     "connected?): its backups were not compared")
    # The setting is in the file, so whoever rewrites the file can point it elsewhere: the
    # folders it named before (by the trail) and the default are looked at too, when there.
    # The settings are in the file too: this workstation's record of the places used is not.
    local_folders, local_seals = anchor_local.places(db_path)
    looked = {_resolved(folder)}
    for earlier in sorted(_earlier_folders(conn, db_path) | set(local_folders)):
        if earlier.is_dir() and _resolved(earlier) not in looked:
            looked.add(_resolved(earlier))
            seen += _in_folder(earlier, db_path.stem, ident, [], problems)
    seals = []
    if settings.get(SETTING_SEAL):
        seals.append(seal_file(Path(settings[SETTING_SEAL]), db_path.stem))
    for recorded in local_seals:
        if _resolved(recorded) not in {_resolved(x) for x in seals}:
            now = (f"now {seals[0]}" if settings.get(SETTING_SEAL) else
                   "now none: a restore of a backup taken before the seal was set, the "
                   "setting changed, or a seal --to")
            seals.append(recorded)
            notes.append(f"the seal file {recorded} was used for this database on this "
                         "workstation but is no longer (or never was) its seal setting "
                         f"({now}): it is still compared")
    for target in seals:
        try:
            found, _others, mismatched = heads_in_text(target, ident, "seal file")
            seen += found
            if mismatched:
                problems.append(mismatch_problem(mismatched, f"the seal file {target}", ident))
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


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def _earlier_folders(conn: sqlite3.Connection, db_path: Path) -> set[Path]:
    named = conn.execute(
        "SELECT old_value, new_value FROM audit_trail WHERE action = 'settings.change' "
        "AND field = ?", (SETTING_FOLDER,)).fetchall()
    return {Path(v) for pair in named for v in pair if v} | {db_path.parent / "backups"}


def _in_folder(folder: Path, stem: str, ident, notes: list[str],
               problems: list[str] | None = None) -> list[Seen]:
    seen: list[Seen] = []
    mismatched = 0
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
            theirs = _identity_of(path)
            if theirs[0] != ident[0]:
                others += 1  # another study's database of the same name
                continue
            if theirs != ident:
                mismatched += 1
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
            found, other_lines, mismatched_lines = heads_in_text(log, ident, "heads log")
            seen += found
            others += other_lines
            mismatched += mismatched_lines
        except OSError as exc:
            notes.append(f"the heads log {log} cannot be read ({exc.strerror})")
    if others:
        notes.append(f"{others} backups or heads log lines in {folder} are of another "
                     "study's database of this name: they were not compared")
    if mismatched:
        text = mismatch_problem(mismatched, str(folder), ident)
        (problems if problems is not None else notes).append(text)
    return seen


def given(arg: str, conn: sqlite3.Connection, db_path: Path) -> list[Seen]:
    """The heads in what was given to `verify --against`: a head, or a file or folder."""
    if not isinstance(arg, str):
        raise AlsDeskError(f"--against {arg!r}: give a head, a file or a folder as text (for "
                           "example 1234:3f9a2b7c1d0e4f5a or a path).")
    if not arg.strip():
        # Path("") is the current folder: an empty value is a mistake, not a request for it.
        raise AlsDeskError("--against was given an empty value: give a head (for example "
                           "1234:3f9a2b7c1d0e4f5a), a file or a folder.")
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
        if found:
            return found
        try:  # a CSV or REDCap export folder names its head in its README.txt
            return [Seen(_head_in_document(path), f"export {path}", place=f"export {path}")]
        except AlsDeskError:
            raise AlsDeskError(f"--against {arg}: the folder holds no backup or heads log of "
                               "this database, and no README.txt of an ALS Desk export."
                               + "".join(f" Note: {n}." for n in notes)) from None
    try:
        with open(path, "rb") as f:
            start = f.read(len(_SQLITE_MAGIC))
        if start == _SQLITE_MAGIC or (sqldb.is_encrypted(path) and sqldb.unlocked(path)):
            return [_given_backup(path, arg, identity(conn))]
        found, others, mismatched = heads_in_text(path, identity(conn), "file")
        others += mismatched
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
