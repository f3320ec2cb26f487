"""The audit chain's head, as printed and exported, and whether a file's chain extends one.

Anyone who can write the file and compute SHA-256 can rewrite the whole chain, so the chain
proves nothing about itself. What it can prove is that it *extends* a head seen earlier and
kept where the insider cannot reach: on paper (every PDF prints the head), in an export, in a
backup on a stick or share, in a seal file. A head is the last row's sequence number and the
first HEX_CHARS characters of its hash: short enough to copy by hand from a page, long enough
(64 bits) that no one forges a different chain that matches it.
"""
from __future__ import annotations

import re
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass

from alsdesk.errors import AlsDeskError

HEX_CHARS = 16
PREFIX = "Audit head"  # printed before the head on every PDF and in every export
_PATTERN = re.compile(r"(?<![0-9A-Za-z])(\d{1,12})\s*:\s*([0-9a-fA-F]{%d,64})(?![0-9A-Za-z])"
                      % HEX_CHARS)


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str  # the full hash when read from a file, at least HEX_CHARS hex when parsed

    def text(self) -> str:
        """The printed form: '1234:3f9a2b7c1d0e4f5a'."""
        return f"{self.seq}:{self.hash[:HEX_CHARS]}"

    def label(self) -> str:
        return f"{PREFIX} {self.text()}"

    def matches(self, full_hash: str) -> bool:
        return full_hash.lower().startswith(self.hash.lower())


def of(conn: sqlite3.Connection) -> Head:
    """The head of the chain in an open database (from its last audit row)."""
    row = conn.execute("SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        from alsdesk.store.schema import GENESIS_HASH
        return Head(0, GENESIS_HASH)
    return Head(int(row[0]), str(row[1]))


def parse(text: str) -> Head:
    """A head from what a person typed or a file holds ('Audit head 1234:3f9a...')."""
    found = _PATTERN.findall(text or "")
    if not found:
        raise AlsDeskError(
            f"{text!r} is not an audit head. A head is a row number, a colon and at least "
            f"{HEX_CHARS} hexadecimal characters, as printed at the foot of every PDF "
            "(for example 1234:3f9a2b7c1d0e4f5a).")
    seq, digest = found[-1]
    return Head(int(seq), digest.lower())


def extends(conn: sqlite3.Connection, head: Head) -> str | None:
    """None when the file's chain contains `head`; otherwise what is wrong, in words.

    Only the row at head.seq is compared: that the rows after it follow from it is what
    the chain check (audit.verify_chain) proves.
    """
    if head.seq == 0:
        return None
    row = conn.execute("SELECT hash FROM audit_trail WHERE seq = ?", (head.seq,)).fetchone()
    if row is None:
        last = of(conn).seq
        return (f"the audit trail ends at row {last}, but a head of row {head.seq} was seen "
                f"before ({head.text()}): rows at the end were removed, or an older copy of "
                "the database was put in its place")
    if not head.matches(str(row[0])):
        return (f"audit row {head.seq} is not the row seen before ({head.text()}): the audit "
                "trail up to that row was rewritten")
    return None
