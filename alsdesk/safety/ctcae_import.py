"""`alsdesk ctcae import FILE`: one CTCAE version into the file, audited, once.

The terms go into ctcae_versions and ctcae_terms, whose triggers refuse any change after; the
audit row keeps the terms' SHA-256, which verify recomputes from the rows. Importing the
same version again changes nothing; other terms under it are refused (adverse events may be
graded by it).

One repair is allowed: when the version's terms have gone from the file (ctcae_terms dropped
or emptied with sqlite3 behind the program) and the workbook given holds exactly the terms
imported - the SHA-256 its import row keeps in the hash-chained audit trail. Putting those
back changes no adverse event's meaning (the same codes, SOCs and grade texts), keeps every
row the file holds, and is its own audit row (who, when, the file, what was missing), so an
inspector sees both the damage and the repair; restoring a backup would also lose the data
entered since. Anything else - other terms, some rows still there or changed, an unreadable
table - is refused: only the backup gives back what the file held.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.errors import PermissionDenied
from alsdesk.safety.ctcae import (
    COLUMNS, IMPORT_ACTION, Terminology, Version, has_table, recorded_digests, versions,
)
from alsdesk.safety.ctcae_sheet import Sheet, TerminologyError, digest, read_sheet
from alsdesk.store import audit, schema

if TYPE_CHECKING:
    from alsdesk.store.core import Store

REPAIR_ACTION = "terminology.repair"
_BACKUP = ("Run 'alsdesk verify' and restore the latest good backup (alsdesk restore); an "
           "import never changes the terms of a version imported.")


@dataclass(frozen=True)
class Imported:
    version: str
    terms: int
    digest: str
    already: bool  # the same version with the same terms was in the file: nothing written
    repaired: bool = False  # the version's terms were missing: the same ones put back


def import_ctcae(store: "Store", path: str | Path) -> Imported:
    """One CTCAE workbook into the file (administrators); TerminologyError when it is not
    one, nothing written. The same version again with the same terms changes nothing, or
    puts them back when they are missing from the file; with other terms it is refused."""
    path = Path(path)
    try:
        store.require(Action.MANAGE_TERMINOLOGY)
    except PermissionDenied as exc:
        _record_refusal(store, path, str(exc))
        raise
    try:
        sheet = read_sheet(path)
        if not has_table(store.conn, "ctcae_versions"):
            raise TerminologyError("The table of CTCAE imports (ctcae_versions) is missing "
                                   "from this database: it was dropped behind the program. "
                                   + _BACKUP)
        old = {v.version: v for v in versions(store.conn)}.get(sheet.version)
        if old is not None:
            return _again(store, path, sheet, old)
    except TerminologyError as exc:
        _record_refusal(store, path, str(exc))
        raise
    found = sheet.digest
    source = audit.file_named(path)
    with store.transaction():
        now = audit.utc_now()
        store.conn.execute(
            "INSERT INTO ctcae_versions (version, source, sheet, terms, digest, imported_at, "
            "imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sheet.version, source, sheet.sheet, len(sheet.terms), found, now, store.user_id))
        _insert_terms(store, sheet)
        store.audit(IMPORT_ACTION, ts=now, field=f"CTCAE v{sheet.version}",
                    new_value=f"{len(sheet.terms)} terms, SHA-256 of the terms {found}, "
                              f"from {source}, sheet {sheet.sheet!r}")
    store.terminology = None  # read again at its next use
    return Imported(sheet.version, len(sheet.terms), found, False)


def _again(store: "Store", path: Path, sheet: Sheet, old: Version) -> Imported:
    """A version already imported: nothing to do, a repair, or a refusal (TerminologyError)."""
    found = sheet.digest
    held = Terminology(store.conn, sheet.version)
    if held.missing is None:
        rows = digest(list(held.terms.values()))
        if rows == old.digest == found:
            return Imported(sheet.version, old.terms, found, True)
        if rows != old.digest:
            raise TerminologyError(
                f"The terms of CTCAE v{sheet.version} in this database are not those imported "
                f"({len(held.terms)} terms now, {old.terms} imported): they were changed "
                f"behind the program. {_BACKUP}")
        raise TerminologyError(
            f"CTCAE v{sheet.version} is already in this database (imported from {old.source} "
            f"on {old.imported_at[:10]} by {old.imported_by}) with other terms or grades "
            f"({old.terms} terms then, {len(sheet.terms)} now). An imported version never "
            "changes: adverse events may be graded by it.")
    recorded = recorded_digests(store.conn).get(sheet.version)
    if found != old.digest or recorded != old.digest or not held.emptied:
        why = ("the workbook given holds other terms than those imported" if found !=
               old.digest else "the record of its import does not match" if recorded !=
               old.digest else "the table of terms cannot be read")
        raise TerminologyError(
            f"The terms of CTCAE v{sheet.version} are missing from this database "
            f"({held.missing}), and {why}, so they cannot be put back from {path.name}. "
            + _BACKUP)
    return _repair(store, path, sheet, old, held.missing)


def _repair(store: "Store", path: Path, sheet: Sheet, old: Version, missing: str) -> Imported:
    """Put back the terms of a version whose terms are gone, proven the same as imported."""
    source = audit.file_named(path)
    with store.transaction():
        made = schema.restore_ctcae_terms(store.conn)
        _insert_terms(store, sheet)
        store.audit(REPAIR_ACTION, field=f"CTCAE v{sheet.version}",
                    old_value=f"terms missing: {missing}"
                              + (f" (made again: {', '.join(made)})" if made else ""),
                    new_value=f"{len(sheet.terms)} terms put back from {source}, sheet "
                              f"{sheet.sheet!r}, SHA-256 of the terms {old.digest}: those "
                              f"imported on {old.imported_at[:10]} by {old.imported_by}")
    store.terminology = None
    return Imported(sheet.version, len(sheet.terms), old.digest, False, repaired=True)


def _insert_terms(store: "Store", sheet: Sheet) -> None:
    store.conn.executemany(
        f"INSERT INTO ctcae_terms (version, {', '.join(COLUMNS)}) VALUES "
        f"({', '.join('?' * (len(COLUMNS) + 1))})",
        [(sheet.version, t.code, t.soc, t.term, *t.grades, t.definition, t.note)
         for t in sheet.terms])


def _record_refusal(store: "Store", path: Path, why: str) -> None:
    """One audit row for a refused import (who, which file, why), as for ODM imports; none
    in a read-only window or before a login (there is no one to name)."""
    if store.readonly or store.user_id is None:
        return
    with store.transaction():
        store.audit(audit.A.IMPORT_REFUSED, field="CTCAE",
                    new_value=f"{audit.file_named(path)}: {why}"[:2000])


__all__ = ["Imported", "REPAIR_ACTION", "import_ctcae"]
