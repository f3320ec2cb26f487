"""Whether the live audit chain extends every head kept outside the file.

A file's own hash chain proves only that the file agrees with itself: whoever can write the
file can rewrite the chain. Heads kept elsewhere are what an insider at the workstation
cannot reach: each backup's last audit row, the heads log beside the backups (one line per
backup, so a head outlives the rotation that deletes the backup), seal files (alsdesk seal)
and heads given by hand (printed on a PDF, in an export). The live chain must contain each of
them, unless a restore, itself a row of the audit trail with its user and reason, rewound the
database past it (alsdesk.backup.restore).

Every read here is read-only and never raises for what it finds: a folder that is not there
is a note, a head the chain does not contain is a problem, both in words.
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from alsdesk import anchor
from alsdesk.anchor import Head
from alsdesk.errors import AlsDeskError

SETTING_FOLDER = "backup.folder"  # as alsdesk.backup (imported lazily there: no cycle here)
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


@dataclass
class AnchorReport:
    checked: int = 0  # distinct heads compared with the chain
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.problems:
            first = "Heads kept outside the file: the audit trail DOES NOT contain them all"
        elif self.checked:
            first = (f"Heads kept outside the file: {self.checked} checked, the audit trail "
                     "contains them (or a restore replaced them)")
        else:
            first = "Heads kept outside the file: none found"
        return [first, *(f"  {p}" for p in self.problems),
                *(f"  note: {n}" for n in self.notes)]


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
        found.append(Seen(head, f"{what} {path}, line {n}", _time(line.split("\t")[0])))
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
    return Seen(head, f"backup {path}", _time(row[0]) if row else None)


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
    if settings.get(SETTING_SEAL):
        target = seal_file(Path(settings[SETTING_SEAL]), db_path.stem)
        try:
            found, _others = heads_in_text(target, ident, "seal file")
            seen += found
        except OSError:
            notes.append(f"the seal file {target} cannot be read (not connected?): it was "
                         "not compared")
    return seen, notes


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
        try:
            if _identity_of(path) != ident:
                others += 1  # another workstation's database of the same name
                continue
            seen.append(head_of_backup(path))
        except (sqlite3.Error, KeyError, TypeError):
            notes.append(f"the backup {path} cannot be read (damaged, or not an ALS Desk "
                         "file): it was not compared")
    log = heads_log(folder, stem)
    if log.exists():
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
            return [Seen(anchor.parse(arg), f"the head given ({arg})")]
        except AlsDeskError:
            raise AlsDeskError(
                f"--against {arg}: there is no such file, and it is not an audit head either "
                "(a head looks like 1234:3f9a2b7c1d0e4f5a, as printed at the foot of every "
                "PDF).") from None
    if path.is_dir():
        notes: list[str] = []
        found = _in_folder(path, Path(db_path).stem, identity(conn), notes)
        if not found:
            raise AlsDeskError(f"--against {arg}: the folder holds no backup or heads log of "
                               "this database.")
        return found
    with open(path, "rb") as f:
        start = f.read(len(_SQLITE_MAGIC))
    if start == _SQLITE_MAGIC:
        try:
            return [head_of_backup(path)]
        except (sqlite3.Error, KeyError, TypeError):
            raise AlsDeskError(f"--against {arg}: this SQLite file is not an ALS Desk "
                               "database with an audit trail.") from None
    found, others = heads_in_text(path, identity(conn), "file")
    if found:
        return found
    if others:
        raise AlsDeskError(
            f"--against {arg}: every head in this file is of another database (its study or "
            "creation time differ from this file's meta): the wrong file was given, or this "
            "file's meta was changed.")
    return [Seen(_head_in_document(path), f"{path}")]


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
        raise AlsDeskError(f"{path} holds no audit head: give the file a PDF or export of "
                           "ALS Desk printed, or the head itself (1234:3f9a2b7c1d0e4f5a)."
                           ) from None


# --- comparing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Restore:
    seq: int
    ts: datetime | None
    who: str
    replaced: Head | None  # the head of the database it replaced (None: an older program's)


def _restores(conn: sqlite3.Connection) -> list[_Restore]:
    out = []
    for seq, ts, user, old in conn.execute(
            "SELECT seq, ts, user_id, old_value FROM audit_trail WHERE action = ? "
            "ORDER BY seq", (RESTORED,)):
        replaced = None
        if old and anchor.PREFIX in old:
            try:
                replaced = anchor.parse(old[old.index(anchor.PREFIX):])
            except AlsDeskError:
                replaced = None
        out.append(_Restore(int(seq), _time(ts), str(user), replaced))
    return out


def _covering(restores: list[_Restore], seen: Seen) -> _Restore | None:
    """The restore that legitimately rewound the database past `seen`, if one did.

    Only a restore row at or before the head's row can explain it (the rows before a restore
    row are the restored backup's, which the head must share). A row written by this program
    names the head it replaced; an older program's row names none, so it covers the heads
    taken before it was written.
    """
    for r in restores:
        if r.seq > seen.head.seq:
            break
        if r.replaced is not None:
            if r.replaced.seq >= seen.head.seq:
                return r
        elif seen.when is not None and r.ts is not None and seen.when < r.ts:
            return r
    return None


def _hint(restores: list[_Restore], group: list[Seen]) -> str:
    """A restore by an older program records no head: it may explain a head of unknown time
    (typed from a page), which the check cannot tell from a rewrite."""
    head = group[0].head
    if any(s.when is not None for s in group):
        return ""
    old = [r.seq for r in restores if r.replaced is None and r.seq <= head.seq]
    if not old:
        return ""
    return (f" (if that head was printed before the restore at audit row {old[-1]}, the "
            "restore explains it: that restore did not record the head it replaced)")


def compare(conn: sqlite3.Connection, seen: Iterable[Seen]) -> AnchorReport:
    """Which of the heads the chain does not contain, said as what it means."""
    report = AnchorReport()
    by_head: dict[tuple[int, str], list[Seen]] = {}
    for s in seen:
        by_head.setdefault((s.head.seq, s.head.hash[:anchor.HEX_CHARS].lower()), []).append(s)
    restores = _restores(conn)
    for (_seq, _h), group in sorted(by_head.items()):
        report.checked += 1
        problem = anchor.extends(conn, group[0].head)
        if problem is None:
            continue
        where = "; ".join(s.where for s in group[:3]) + (
            f" and {len(group) - 3} more" if len(group) > 3 else "")
        # The latest sighting decides an old restore row's cover: a head still seen after
        # the restore was not rewound by it.
        times = [s.when for s in group if s.when is not None]
        cover = _covering(restores, Seen(group[0].head, where, max(times) if times else None))
        if cover is not None:
            report.notes.append(
                f"head {group[0].head.text()} ({where}) was replaced by the restore at audit "
                f"row {cover.seq} by {cover.who}")
        else:
            report.problems.append(f"{problem} [head from {where}]" + _hint(restores, group))
    return report


def check(conn: sqlite3.Connection, db_path: Path, against: Iterable[str] = ()) -> AnchorReport:
    """Compare the chain with every head found, and with those given by hand."""
    seen, notes = gather(conn, db_path)
    extra = [s for arg in against for s in given(arg, conn, db_path)]
    report = compare(conn, seen + extra)
    report.notes = notes + report.notes
    if not seen and not extra:
        report.notes.append("no backup, heads log or seal file of this database was found: "
                            "verify can only show that the file agrees with itself")
    return report


def check_file(db_path: Path) -> AnchorReport:
    """`check` on a database by path, read-only (for the backup about to be written)."""
    from alsdesk.store import schema

    conn = schema.open_readonly(Path(db_path))
    try:
        return check(conn, db_path)
    finally:
        conn.close()


def _time(text: str | None) -> datetime | None:
    try:
        t = datetime.fromisoformat(str(text).strip())
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)
