"""Files a PDF or an export is never written over, even with --force.

`--out trial.db --force` replaced the live database with an ODM file, and `pdf blank --out
trial.db` with a PDF; a backup or the heads log beside the backups could be replaced the
same way, and with it the evidence verify compares against. Any SQLite database (the
database itself, a backup, another study's file), a database's side files and the heads logs
and seals are refused by what they are, whatever database the command was given.
"""
from __future__ import annotations

import re
from pathlib import Path

from alsdesk.errors import AlsDeskError

_SIDE = re.compile(r".+\.(db|sqlite3?)(-wal|-shm|-journal|\.lock|\.keys)$|.+-(heads|seal)\.txt$")
_SQLITE = b"SQLite format 3\x00"


class ProgramFile(AlsDeskError):
    """The output would replace a file the program keeps; the message says so."""


def refuse_program_file(target: Path) -> None:
    """Raise ProgramFile when `target` is a database, a side file of one, a heads log or a
    seal (followed through a link: replacing the link would not lose it, but the name says
    the person meant the file)."""
    target = Path(target)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        resolved = target.absolute()
    for name in {target.name, resolved.name}:
        if _SIDE.fullmatch(name):
            raise ProgramFile(f"{target} is one of the files ALS Desk keeps beside a "
                              "database (its journal, lock, heads log or seal): a PDF or an "
                              "export is never written over it. Give another file name.")
    if not resolved.is_file():
        return  # not there; a FIFO or device is refused by the writer, never opened here
    try:
        with open(resolved, "rb") as fh:
            head = fh.read(len(_SQLITE))
    except OSError:
        return  # not readable: the writer says so when it tries
    # (An encrypted database has no header: its key file beside it tells it.)
    if head == _SQLITE or (head and resolved.with_name(resolved.name + ".keys").exists()):
        raise ProgramFile(f"{target} is a database (the study's, or a backup of it): a PDF "
                          "or an export is never written over one, even with --force. Give "
                          "another file name.")
