"""Each stored study definition against the audit row that loaded it.

The rows of study_versions cannot be changed through the program (triggers of format 3), but
someone with the file and an SQLite tool can drop the triggers and rewrite a row. Every row
has its study.define or study.amend audit row, written in the same transaction, and those
rows are in the hash chain (anchored outside the file): its time is loaded_at, its user is
loaded_by, its reason is the reason, and its value names the number, study, CRF label and
digest of the text and companions. So:

- `verify` compares every column of every row with that audit row (`problems`);
- opening a file for work compares each row's number, study, label and digest with its audit
  row, and the audit row with its own hash (`refuse_unrecorded`): a definition rewritten
  with a digest made to match (a field's `identifier = true` dropped, so exports would carry
  a name) is refused before anything is read under it.
"""
from __future__ import annotations

import json
import re
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass
from pathlib import Path

from alsdesk.errors import StoreError
from alsdesk.store import audit
from alsdesk.store.definitions import DEFINE_ACTIONS, has_table
from alsdesk.study.versions import digest

# describe(): "version 2: NCT02492516 CRF 1.1 sha256:<64 hex>"
_NAMED = re.compile(r"version (\d+): (.+?) CRF (.+) sha256:([0-9a-f]{64})", re.DOTALL)
_ACTIONS = ", ".join("?" * len(DEFINE_ACTIONS))


@dataclass(frozen=True)
class Loaded:
    """What one study.define / study.amend audit row recorded."""

    seq: int
    ts: str
    user_id: str | None
    reason: str | None
    new_value: str | None
    row_ok: bool  # the row still has its own hash (checked at opening; verify checks the chain)

    @property
    def named(self) -> tuple[int, str, str, str] | None:
        """(number, study id, CRF label, digest) named by the row, None if it names none."""
        m = _NAMED.fullmatch(self.new_value or "")
        return (int(m[1]), m[2], m[3], m[4]) if m else None


def loaded_rows(conn: sqlite3.Connection, *, at_opening: bool = False) -> list[Loaded]:
    """The define and amend audit rows, oldest first.

    At opening the rows are found through the index audit_instance: they have no form
    instance and no field, like only the few login, logout and schema rows, so the look-up
    does not read the whole trail (seconds on a large file). verify reads every row anyway
    and takes them by action alone."""
    where = "instance_id IS NULL AND field IS NULL AND " if at_opening else ""
    cur = conn.execute(f"SELECT * FROM audit_trail WHERE {where}action IN ({_ACTIONS}) "
                       "ORDER BY seq", DEFINE_ACTIONS)
    names = [d[0] for d in cur.description]
    out = []
    for values in cur:
        row = dict(zip(names, values))
        out.append(Loaded(row["seq"], row["ts"], row["user_id"], row["reason"],
                          row["new_value"], audit.row_hash(row) == row["hash"]))
    return out


def refuse_unrecorded(conn: sqlite3.Connection, path: Path | str) -> None:
    """StoreError when a stored definition is not the one its audit row records as loaded
    (number, study, CRF label, digest), or that audit row was itself rewritten."""
    if not has_table(conn):
        return
    rows = conn.execute("SELECT version, study_id, crf_version, sha256 FROM study_versions "
                        "ORDER BY version").fetchall()
    loaded = loaded_rows(conn, at_opening=True)
    for i, (number, study_id, crf, sha) in enumerate(rows):
        mark = loaded[i] if i < len(loaded) else None
        if mark is not None and mark.row_ok and mark.named == (number, study_id, crf, sha):
            continue
        raise StoreError(
            f"The study definition stored in {path} (version {number}, CRF {crf}) is not the "
            "one the audit trail records as loaded (its SHA-256, number or label differ from "
            "what the trail recorded, or that audit row was changed): the file may have been "
            "altered outside ALS Desk, so it was not opened. Run 'alsdesk verify', keep this "
            "file aside unchanged and restore the latest good backup.")


_ROW = ("version, crf_version, study_id, definition, companions, sha256, loaded_at, "
        "loaded_by, reason")


def problems(conn: sqlite3.Connection) -> list[str]:
    """What verify says of the stored definitions: each row's text still has its digest,
    every column is what its audit row recorded, and the versions run 1, 2, 3 ... of one
    study."""
    if not has_table(conn):
        return []
    out = []
    rows = conn.execute(f"SELECT {_ROW} FROM study_versions ORDER BY version").fetchall()
    loaded = loaded_rows(conn)
    if not rows:
        out.append("the database holds no study definition (table study_versions is empty)")
    for i, (number, crf, study_id, text, companions, sha, at, by, reason) in enumerate(rows):
        where = f"study definition version {number} (CRF {crf})"
        if number != i + 1:
            out.append(f"{where}: versions are not numbered 1, 2, 3 ...: one was removed")
        try:
            actual = digest(text, json.loads(companions))
        except (ValueError, TypeError):
            out.append(f"{where}: its companion files (column companions) cannot be read: "
                       "they were changed outside ALS Desk")
            actual = None
        if actual is not None and actual != sha:
            out.append(f"{where}: its text is not the one loaded (columns definition and "
                       f"companions: SHA-256 {actual[:12]}..., recorded {sha[:12]}...): it was "
                       "changed outside ALS Desk")
        if study_id != rows[0][2]:
            out.append(f"{where}: it is for study {study_id}, not {rows[0][2]}")
        if i >= len(loaded):
            out.append(f"{where}: the audit trail does not record it as loaded: it was added "
                       "outside ALS Desk")
            continue
        out.extend(f"{where}: {p}: it was changed outside ALS Desk" for p in _differences(
            loaded[i], (number, study_id, crf, sha, actual, at, by, reason)))
    if len(loaded) > len(rows):
        out.append(f"the audit trail records {len(loaded)} study definitions loaded but the "
                   f"file holds {len(rows)}: one was removed outside ALS Desk")
    return out


def _differences(mark: Loaded, row: tuple) -> list[str]:
    """Each column of a study_versions row that is not what its audit row recorded."""
    number, study_id, crf, sha, actual, at, by, reason = row
    named = mark.named
    by_row = f"audit row {mark.seq}"
    if named is None:
        return [f"{by_row}, which loaded it, names no stored definition "
                f"({str(mark.new_value)[:60]!r})"]
    out = []
    for column, have, want in (("version", number, named[0]), ("study_id", study_id, named[1]),
                               ("crf_version (the CRF label)", crf, named[2]),
                               ("sha256", sha, named[3]),
                               ("loaded_at", at, mark.ts), ("loaded_by", by, mark.user_id),
                               ("reason", reason, mark.reason)):
        if have != want:
            out.append(f"its {column} is {_shown(have)} in study_versions but {_shown(want)} "
                       f"by {by_row}")
    if actual is not None and actual != named[3] and actual == sha:
        # (a text that differs from its own digest column is said above)
        out.append(f"its text (columns definition, companions) is not the one {by_row} "
                   f"recorded as loaded (SHA-256 {actual[:12]}..., recorded "
                   f"{named[3][:12]}...)")
    return out


def _shown(value: object) -> str:
    if value is None:
        return "empty"
    text = str(value)
    return repr(text if len(text) <= 70 else text[:67] + "...")
