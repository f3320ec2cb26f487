"""Whether the live audit chain extends every head kept outside the file.

A file's own hash chain proves only that the file agrees with itself: whoever can write the
file can rewrite the chain. Heads kept elsewhere are what an insider at the workstation
cannot reach: each backup's last audit row, the heads log beside the backups (one line per
backup, so a head outlives the rotation that deletes the backup), seal files (alsdesk seal)
and heads given by hand (printed on a PDF, in an export). The live chain must contain each of
them, unless a restore rewound the database past it: a restore recorded outside the file, in
the heads log or seal beside the heads (alsdesk.anchor_restore). A restore row inside the file
excuses nothing (the insider can write one) but is mentioned. Where heads are found:
alsdesk.anchor_places; a witness of this name and study but another creation time is a
problem too (the creation time is in the file).

A head the chain does not contain is a problem, said as what it means; a folder that is not
there, or a head a restore rewound past, is a note that does not fail the check.
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable

from alsdesk import anchor
from alsdesk.anchor_places import RESTORED, Seen, gather, given, parse_time
from alsdesk.errors import AlsDeskError


@dataclass
class AnchorReport:
    checked: int = 0  # distinct heads compared with the chain
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Where heads were read, with how many: shown so that a reader sees where verify looked
    # (a check that looked in the wrong folder is no check).
    places: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.problems:
            first = "Heads kept outside the file: the audit trail DOES NOT contain them all"
        elif self.checked:
            first = (f"Heads kept outside the file: {self.checked} checked, the audit trail "
                     "contains them (or a restore superseded them)")
        else:
            first = "Heads kept outside the file: none found"
        looked = [f"  looked at: {'; '.join(self.places)}"] if self.places else []
        return [first, *looked, *(f"  {p}" for p in self.problems),
                *(f"  note: {n}" for n in self.notes)]

# --- comparing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Restore:
    seq: int
    ts: datetime | None
    who: str
    replaced: anchor.Head | None  # the head of the database it replaced (None: an older program's)

    def when_text(self) -> str:
        return f" on {self.ts:%Y-%m-%d %H:%M} UTC" if self.ts is not None else ""


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
        out.append(_Restore(int(seq), parse_time(ts), str(user), replaced))
    return out


def _outside_cover(conn: sqlite3.Connection, seen: list[Seen], group: list[Seen],
                   folder: Path | None) -> Seen | None:
    """The restore line kept outside the file (alsdesk.anchor_restore) that explains a head
    the chain does not contain, if one does.

    A restore line names the head it replaced and the restored database's head just after
    the restore. It explains a head when it replaced exactly that head, or when it comes
    later in the same heads log or seal file than a line of that head (the head was then part
    of what was replaced), or when the replaced file it names, kept aside in the database's
    folder, ends at the replaced head and contains this one (a head printed on a page before
    the restore). It counts only when the chain contains its restored head: this
    file is then the one that restore made, with its rows up to there.
    """
    for r in seen:
        if r.replaced is None or anchor.extends(conn, r.head) is not None:
            continue
        for s in group:
            same = s.head.seq == r.replaced.seq and (
                r.replaced.matches(s.head.hash) or s.head.matches(r.replaced.hash))
            if same or (s.line and s.place == r.place and s.line < r.line):
                return r
            if folder is not None and r.kept and s.head.seq <= r.replaced.seq and _kept_holds(
                    folder / r.kept, r.replaced, s.head):
                return r
    return None


def _kept_holds(path: Path, replaced: anchor.Head, head: anchor.Head) -> bool:
    """Whether the file a restore replaced ends at `replaced` and contains `head`. Its chain
    is walked whole: it is in the insider's reach, but no one makes a chain that ends at the
    replaced head's hash, recorded outside, other than the one that was there."""
    from alsdesk.store import schema
    from alsdesk.store.audit import verify_chain

    if not path.is_file():
        return False
    try:
        conn = schema.open_readonly(path)
        try:
            last = anchor.of(conn)
            return (last.seq == replaced.seq and last.hash.lower() == replaced.hash.lower()
                    and anchor.extends(conn, head) is None and verify_chain(conn).ok)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, KeyError, TypeError, ValueError, AlsDeskError):
        return False


def _inside_only(restores: list[_Restore], head: anchor.Head) -> str:
    """A restore row in the file is no excuse (an insider can write one), but it is said."""
    rows = [r.seq for r in restores if r.seq <= head.seq + 1] or [r.seq for r in restores]
    if not rows:
        return ""
    return (f" (a restore recorded only inside the file (audit row {rows[-1]}) claims to "
            "explain this; a restore made by this version is also recorded in the heads log "
            "beside the backups, and none there explains it)")


def compare(conn: sqlite3.Connection, seen: Iterable[Seen],
            folder: Path | None = None) -> AnchorReport:
    """Which of the heads the chain does not contain, said as what it means."""
    report = AnchorReport()
    seen = list(seen)
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
        cover = _outside_cover(conn, seen, group, folder)
        if cover is not None:
            report.notes.append(
                f"head {group[0].head.text()} ({where}) is superseded by the restore recorded "
                f"in {cover.where} (it replaced {cover.replaced.text()}{_when(cover)}): the "
                "database was rewound to an older backup there")
        else:
            report.problems.append(f"{problem} [head from {where}]"
                                   + _inside_only(restores, group[0].head))
    return report


def _when(seen: Seen) -> str:
    return f" on {seen.when:%Y-%m-%d %H:%M} UTC" if seen.when is not None else ""


def check(conn: sqlite3.Connection, db_path: Path, against: Iterable[str] = ()) -> AnchorReport:
    """Compare the chain with every head found, and with those given by hand."""
    problems: list[str] = []
    seen, notes = gather(conn, db_path, problems)
    against = [against] if isinstance(against, (str, bytes)) else list(against)
    if not all(isinstance(a, str) for a in against):
        raise AlsDeskError("The heads to verify against are given as a list of texts (heads, "
                           f"files or folders), not {against!r}.")
    extra = [s for arg in against for s in given(arg, conn, db_path)]
    report = compare(conn, seen + extra, Path(db_path).parent)
    report.problems = problems + report.problems
    report.notes = notes + report.notes
    counts = Counter(s.place for s in seen + extra if s.place)
    report.places = [f"{place} ({n})" for place, n in counts.items()]
    if not seen and not extra and not problems:
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
