"""Files the program must never write a PDF or an export over, even with --force.

`--out trial.db --force` replaced the live database with an ODM file; `pdf blank --out
trial.db` with a PDF; a backup or the heads log beside the backups could be replaced the same
way, and with it the evidence verify compares against.
"""
from __future__ import annotations

import re
from pathlib import Path

from alsdesk.errors import StoreError

_SIDE = ("-wal", "-shm", "-journal", ".lock")


def refuse_program_file(target: Path, db_path: Path | None) -> None:
    """Raise StoreError when `target` is the database, one of its side files, a backup of it
    or its heads log (or any SQLite database, a backup of another)."""
    target = Path(target)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        resolved = target.absolute()
    if db_path is not None:
        db = Path(db_path).resolve()
        if resolved == db or any(str(resolved) == f"{db}{s}" for s in _SIDE):
            raise StoreError(f"{target} is the database itself (or one of its own files): "
                             "give another file name for the output.")
        stem = re.escape(db.stem)
        if re.fullmatch(stem + r"-(\d{8}-\d{6}(-\d+)?-[a-z]+\.db|heads\.txt|seal\.txt)",
                        resolved.name):
            raise StoreError(f"{target} is a backup, heads log or seal of the database: "
                             "those are never written over. Give another file name.")
    if not resolved.is_file():
        return  # not there (a FIFO or a device is refused by the writer: never opened here)
    try:
        with open(resolved, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return  # not readable: nothing of ours to lose
    if head == b"SQLite format 3\x00":
        raise StoreError(f"{target} is an SQLite database (perhaps a backup): a PDF or an "
                         "export is never written over one. Give another file name.")
