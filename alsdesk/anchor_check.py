"""Whether the live audit chain extends every head kept outside the file.

A file's own hash chain proves only that the file agrees with itself: whoever can write the
file can rewrite the chain. Heads kept elsewhere are what an insider at the workstation
cannot reach: each backup's last audit row, the heads log beside the backups (one line per
backup, so a head outlives the rotation that deletes the backup), seal files (alsdesk seal)
and heads given by hand (printed on a PDF, in an export). The live chain must contain each of
them, unless a restore, itself a row of the audit trail with its user and reason, rewound the
database past it (alsdesk.backup.restore). Where heads are found: alsdesk.anchor_places.

A head the chain does not contain is a problem, said as what it means; a folder that is not
there, or a head a restore rewound past, is a note that does not fail the check.
"""
from __future__ import annotations

import sqlite3
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
                f"head {group[0].head.text()} ({where}) is superseded by the restore at "
                f"audit row {cover.seq} (by {cover.who}{cover.when_text()}): the database "
                "was rewound to an older backup there")
        else:
            report.problems.append(f"{problem} [head from {where}]" + _hint(restores, group))
    return report


def check(conn: sqlite3.Connection, db_path: Path, against: Iterable[str] = ()) -> AnchorReport:
    """Compare the chain with every head found, and with those given by hand."""
    seen, notes = gather(conn, db_path)
    extra = [s for arg in against for s in given(arg, conn, db_path)]
    report = compare(conn, seen + extra)
    report.notes = notes + report.notes
    counts = Counter(s.place for s in seen + extra if s.place)
    report.places = [f"{place} ({n})" for place, n in counts.items()]
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
