"""The CTCAE terminology in the database: its import (audited, once per version) and look-ups.

`alsdesk ctcae import FILE` puts one version's terms into the tables ctcae_versions and
ctcae_terms (alsdesk/store/schema.py, format 2), whose triggers refuse any change after. The
audit row of the import keeps the terms' SHA-256 (ctcae_sheet.digest); verify recomputes it
from the rows, so a grade text or a term edited behind the program with sqlite3 is found.
The study definition names the version its adverse events are graded by
(``[study] ctcae_version``); the checks and the entry screen read it through
:class:`Terminology`.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.errors import PermissionDenied
from alsdesk.safety.ctcae_sheet import Term, TerminologyError, digest, read_sheet
from alsdesk.store import audit

if TYPE_CHECKING:
    from alsdesk.store.core import Store

IMPORT_ACTION = "terminology.import"
_COLUMNS = ("code", "soc", "term", "grade1", "grade2", "grade3", "grade4", "grade5",
            "definition", "note")


@dataclass(frozen=True)
class Imported:
    version: str
    terms: int
    digest: str
    already: bool  # the same version with the same terms was in the file: nothing written


@dataclass(frozen=True)
class Version:
    version: str
    source: str
    sheet: str
    terms: int
    digest: str
    imported_at: str
    imported_by: str


def has_tables(conn: sqlite3.Connection) -> bool:
    """False for a file of format 1 opened read-only (not migrated: no terminology yet)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'ctcae_terms'").fetchone() is not None


def versions(conn: sqlite3.Connection) -> list[Version]:
    if not has_tables(conn):
        return []
    return [Version(*r) for r in conn.execute(
        "SELECT version, source, sheet, terms, digest, imported_at, imported_by "
        "FROM ctcae_versions ORDER BY version")]


def import_ctcae(store: "Store", path: str | Path) -> Imported:
    """One CTCAE workbook into the file (administrators); TerminologyError when it is not
    one, nothing written. The same version again with the same terms changes nothing; with
    other terms it is refused (adverse events may already be graded by them)."""
    path = Path(path)
    try:
        store.require(Action.MANAGE_TERMINOLOGY)
    except PermissionDenied as exc:
        _record_refusal(store, path, str(exc))
        raise
    try:
        sheet = read_sheet(path)
    except TerminologyError as exc:
        _record_refusal(store, path, str(exc))
        raise
    found = digest(sheet.terms)
    known = {v.version: v for v in versions(store.conn)}
    if sheet.version in known:
        old = known[sheet.version]
        if old.digest == found:
            return Imported(sheet.version, old.terms, found, True)
        problem = (f"CTCAE v{sheet.version} is already in this database (imported from "
                   f"{old.source} on {old.imported_at[:10]} by {old.imported_by}) with other "
                   f"terms or grades ({old.terms} terms then, {len(sheet.terms)} now). An "
                   "imported version never changes: adverse events may be graded by it.")
        _record_refusal(store, path, problem)
        raise TerminologyError(problem)
    source = audit.file_named(path)
    with store.transaction():
        now = audit.utc_now()
        store.conn.execute(
            "INSERT INTO ctcae_versions (version, source, sheet, terms, digest, imported_at, "
            "imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sheet.version, source, sheet.sheet, len(sheet.terms), found, now, store.user_id))
        store.conn.executemany(
            f"INSERT INTO ctcae_terms (version, {', '.join(_COLUMNS)}) VALUES "
            f"({', '.join('?' * (len(_COLUMNS) + 1))})",
            [(sheet.version, t.code, t.soc, t.term, *t.grades, t.definition, t.note)
             for t in sheet.terms])
        store.audit(IMPORT_ACTION, ts=now, field=f"CTCAE v{sheet.version}",
                    new_value=f"{len(sheet.terms)} terms, SHA-256 of the terms {found}, "
                              f"from {source}, sheet {sheet.sheet!r}")
    store.terminology = None  # read again at its next use
    return Imported(sheet.version, len(sheet.terms), found, False)


def _record_refusal(store: "Store", path: Path, why: str) -> None:
    """One audit row for a refused import (who, which file, why), as for ODM imports; none
    in a read-only window or before a login (there is no one to name)."""
    if store.readonly or store.user_id is None:
        return
    with store.transaction():
        store.audit(audit.A.IMPORT_REFUSED, field="CTCAE",
                    new_value=f"{audit.file_named(path)}: {why}"[:2000])


def terms_of(store: "Store") -> "Terminology":
    """The study's version's terms in this file, read once per store."""
    if not isinstance(store.terminology, Terminology):
        store.terminology = Terminology(store.conn, store.study.ctcae_version)
    return store.terminology


class Terminology:
    """The terms of one version in the file, for checks and the entry screen; read at the
    first look-up (a screen that never shows an adverse event never reads them)."""

    def __init__(self, conn: sqlite3.Connection, version: str | None) -> None:
        self.version = version
        self._conn = conn
        self._terms: dict[str, Term] | None = None

    @property
    def terms(self) -> dict[str, Term]:
        if self._terms is None:
            self._terms = {}
            if self.version and has_tables(self._conn):
                for r in self._conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM ctcae_terms "
                                            "WHERE version = ? ORDER BY code",
                                            (self.version,)):
                    t = Term(r[0], r[1], r[2], tuple(r[3:8]), r[8], r[9])
                    self._terms[t.term.lower()] = t
        return self._terms

    @property
    def available(self) -> bool:
        return bool(self.terms)

    def names(self) -> list[str]:
        """Every term as CTCAE spells it, in alphabetical order (the screen's list)."""
        return sorted((t.term for t in self.terms.values()), key=str.lower)

    def term(self, name: object) -> Term | None:
        return self.terms.get(str(name).strip().lower()) if name is not None else None

    def search(self, text: str, limit: int = 20) -> list[tuple[Term, str]]:
        """Terms for what was typed, best first, with where it matched: the term's start,
        a word of it, or its grades, definition or note (v5.0 has no term "Pulmonary
        embolism": typing it finds "Thromboembolic event", whose grade 3 names it)."""
        words = text.strip().lower().split()
        if not words:
            return []
        ranked: list[tuple[int, str, Term, str]] = []
        phrase = " ".join(words)
        for key, t in self.terms.items():
            if key.startswith(phrase):
                ranked.append((0, key, t, "term"))
            elif all(any(w.startswith(x) for w in key.replace("-", " ").split())
                     for x in words):
                ranked.append((1, key, t, "term"))
            else:
                where = _mentioned(t, phrase)
                if where:
                    ranked.append((2, key, t, where))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [(t, where) for _, _, t, where in ranked[:limit]]


def grade_lines(terms: "Terminology", name: object) -> list[str]:
    """What the screen shows beside a grade: the term's grades as CTCAE words them, those
    it lacks said so; nothing without the terminology or for a term CTCAE does not have."""
    t = terms.term(name) if terms.available else None
    if t is None:
        return []
    lines = [f"CTCAE v{terms.version}: {t.term} ({t.soc})"]
    for g, text in enumerate(t.grades, start=1):
        lines.append(f"Grade {g}: {text}" if text else
                     f"Grade {g}: does not exist for this term")
    return lines


def _mentioned(t: Term, phrase: str) -> str | None:
    for g, text in enumerate(t.grades, start=1):
        if text and phrase in text.lower():
            return f"grade {g}"
    if t.definition and phrase in t.definition.lower():
        return "definition"
    if t.note and phrase in t.note.lower():
        return "navigational note"
    return None


def problems(conn: sqlite3.Connection) -> list[str]:
    """What verify reports: each version's terms against the SHA-256 its import row kept
    (a term, code or grade text changed, added or removed behind the program), and versions
    without an import row (inserted behind the program)."""
    if not has_tables(conn):
        return []
    recorded: dict[str, str] = {}
    for field, value in conn.execute("SELECT field, new_value FROM audit_trail WHERE "
                                     "action = ?", (IMPORT_ACTION,)):
        version = (field or "").removeprefix("CTCAE v")
        marker = "SHA-256 of the terms "
        if marker in (value or ""):
            recorded[version] = value.split(marker, 1)[1][:64]
    out = []
    for v in versions(conn):
        rows = [Term(r[0], r[1], r[2], tuple(r[3:8]), r[8], r[9]) for r in conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM ctcae_terms WHERE version = ?", (v.version,))]
        now = digest(rows)
        if v.version not in recorded:
            out.append(f"CTCAE v{v.version} is in the file without an import in the audit "
                       "trail: it was added behind the program")
        elif now != recorded[v.version] or v.digest != recorded[v.version] \
                or v.terms != len(rows):
            out.append(f"the terms of CTCAE v{v.version} are not those imported ({len(rows)} "
                       f"terms, SHA-256 {now[:12]}..., the import recorded "
                       f"{recorded[v.version][:12]}...): a term or grade was changed behind "
                       "the program")
    orphans = conn.execute("SELECT DISTINCT version FROM ctcae_terms WHERE version NOT IN "
                           "(SELECT version FROM ctcae_versions)").fetchall()
    out += [f"CTCAE terms of version {r[0]} have no version row: added behind the program"
            for r in orphans]
    return out


__all__ = ["IMPORT_ACTION", "Imported", "Terminology", "TerminologyError", "Version",
           "grade_lines", "import_ctcae", "problems", "terms_of", "versions"]
