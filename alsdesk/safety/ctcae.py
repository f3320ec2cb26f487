"""The CTCAE terminology in the database: look-ups, and what verify says of it.

`alsdesk ctcae import FILE` (alsdesk/safety/ctcae_import.py) puts one version's terms into
the tables ctcae_versions and ctcae_terms (alsdesk/store/schema.py, format 2), whose triggers
refuse any change after. The
audit row of the import keeps the terms' SHA-256 (ctcae_sheet.digest); verify recomputes it
from the rows, so a grade text or a term edited behind the program with sqlite3 is found.
The study definition names the version its adverse events are graded by
(``[study] ctcae_version``); the checks and the entry screen read it through
:class:`Terminology`.
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.safety.ctcae_sheet import Term, TerminologyError, digest
from alsdesk.store.schema import has_table  # noqa: F401 - ctcae_import takes it from here

if TYPE_CHECKING:
    from alsdesk.safety.ctcae_import import Imported
    from alsdesk.store.core import Store
    from alsdesk.study.model import Study

IMPORT_ACTION = "terminology.import"
COLUMNS = ("code", "soc", "term", "grade1", "grade2", "grade3", "grade4", "grade5",
           "definition", "note")


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
    return has_table(conn, "ctcae_terms")


def versions(conn: sqlite3.Connection) -> list[Version]:
    """The versions the file records as imported (whether or not their terms are still
    there: Terminology.missing says)."""
    if not has_table(conn, "ctcae_versions"):
        return []
    return [Version(*r) for r in conn.execute(
        "SELECT version, source, sheet, terms, digest, imported_at, imported_by "
        "FROM ctcae_versions ORDER BY version")]


def recorded_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """Version -> the SHA-256 of its terms its import row in the audit trail keeps."""
    out: dict[str, str] = {}
    marker = "SHA-256 of the terms "
    for field, value in conn.execute("SELECT field, new_value FROM audit_trail WHERE "
                                     "action = ?", (IMPORT_ACTION,)):
        if marker in (value or ""):
            out[(field or "").removeprefix("CTCAE v")] = value.split(marker, 1)[1][:64]
    return out


def import_ctcae(store: "Store", path: str | Path) -> "Imported":
    """One CTCAE workbook into the file: alsdesk.safety.ctcae_import (which reads this
    module's tables, hence imported here when called)."""
    from alsdesk.safety.ctcae_import import import_ctcae as run

    return run(store, path)


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
        self._missing: str | None = None
        self._emptied = False

    @property
    def terms(self) -> dict[str, Term]:
        if self._terms is None:
            self._terms = {}
            try:
                self._read()
            except sqlite3.Error as exc:  # a column dropped or changed behind the program
                self._terms, self._missing = {}, f"table ctcae_terms cannot be read: {exc}"
        return self._terms

    def _read(self) -> None:
        if not self.version or not self._imported():
            return  # nothing imported: unknown, never damaged
        if not has_tables(self._conn):
            self._missing, self._emptied = "table ctcae_terms is missing", True
            return
        for r in self._conn.execute(f"SELECT {', '.join(COLUMNS)} FROM ctcae_terms "
                                    "WHERE version = ? ORDER BY code", (self.version,)):
            t = Term(r[0], r[1], r[2], tuple(r[3:8]), r[8], r[9])
            self._terms[t.term.lower()] = t  # type: ignore[index]
        if not self._terms:
            self._missing = f"table ctcae_terms holds none of the terms of v{self.version}"
            self._emptied = True

    def _imported(self) -> bool:
        """Whether the file records this version's import: its row in ctcae_versions, or
        (that table dropped too) its import row in the audit trail."""
        if has_table(self._conn, "ctcae_versions") and self._conn.execute(
                "SELECT 1 FROM ctcae_versions WHERE version = ?", (self.version,)).fetchone():
            return True
        return self.version in recorded_digests(self._conn)

    @property
    def available(self) -> bool:
        return bool(self.terms)

    @property
    def missing(self) -> str | None:
        """What is wrong when the file records this version as imported but its terms are
        missing or unreadable (a table dropped or emptied behind the program); else None."""
        _ = self.terms
        return self._missing

    @property
    def emptied(self) -> bool:
        """The terms are gone (their table dropped, or none of its rows left), not changed:
        what an import of the same terms may put back (alsdesk.safety.ctcae_import)."""
        _ = self.terms
        return self._emptied

    @property
    def damaged(self) -> str | None:
        """What a check or a calculated value says instead of passing when the terms are
        missing: the terminology cannot be checked, and what to do."""
        if self.missing is None:
            return None
        return (f"the terms of CTCAE v{self.version} are missing or unreadable in this file "
                f"({self._missing}), though it records their import: the terminology in the "
                "file is damaged, so the term and its grade cannot be checked. Run 'alsdesk "
                "verify' and restore the latest good backup, or have an administrator import "
                f"the NCI's v{self.version} workbook again (it puts back the same terms)")

    def names(self) -> list[str]:
        """Every term as CTCAE spells it, in alphabetical order (the screen's list)."""
        return sorted((t.term for t in self.terms.values()), key=str.lower)

    def term(self, name: object) -> Term | None:
        """The term spelt exactly so: what the checks and the calculated SOC and code accept
        (another case or other spaces would be stored as typed and counted apart)."""
        found = self.like(name)
        return found if found is not None and found.term == name else None

    def like(self, name: object) -> Term | None:
        """The term spelt so but for case and spaces: what "did you mean" offers."""
        if not isinstance(name, str):
            return None
        return self.terms.get(" ".join(name.split()).lower())

    def search(self, text: str, limit: int = 20) -> list[tuple[Term, str]]:
        """Terms for what was typed, best first, with where it matched (offers)."""
        return [(o.term, o.where) for o in self.offers(text, limit)]

    def offers(self, text: str, limit: int = 20) -> list["Offer"]:
        """Terms for what was typed, best first: those whose name starts with it, has words
        starting with its words, or holds it anywhere; then those whose grades, definition
        or note mention it, with the words around (v5.0 has no term "Pulmonary embolism":
        typing it finds "Thromboembolic event", whose grade 3 names it)."""
        words = text.strip().lower().split()
        if not words:
            return []
        ranked: list[tuple[int, str, Offer]] = []
        phrase = " ".join(words)
        for key, t in self.terms.items():
            if key.startswith(phrase):
                ranked.append((0, key, Offer(t, "term")))
            elif all(any(w.startswith(x) for w in key.replace("-", " ").split())
                     for x in words):
                ranked.append((1, key, Offer(t, "term")))
            elif phrase in key:
                ranked.append((2, key, Offer(t, "term")))
            else:
                found = _mentioned(t, phrase)
                if found:
                    ranked.append((3, key, Offer(t, found[0], _excerpt(found[1], phrase))))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [offer for _, _, offer in ranked[:limit]]


@dataclass(frozen=True)
class Offer:
    """One line of the list of terms: a term, and where what was typed was found in it."""

    term: Term
    where: str  # "term", or "grade 3", "definition", "navigational note"
    excerpt: str = ""  # the words around it there, shortened

    @property
    def label(self) -> str:
        """What the list shows: the name, or why a term of another name is offered."""
        if self.where == "term":
            return self.term.term
        return tr("{term} — {where}: {excerpt}").format(term=self.term.term,
                                                      where=_where_shown(self.where),
                                                      excerpt=self.excerpt)


# Where a term's texts mention what was typed, as the list shows it (`where` itself stays
# the English the screen's tool tip looks up).
_WHERE = {"definition": QT_TRANSLATE_NOOP("", "definition"),
          "navigational note": QT_TRANSLATE_NOOP("", "navigational note")}


def _where_shown(where: str) -> str:
    if where.startswith("grade ") and where[6:].isdigit():
        return tr("grade {n}").format(n=where[6:])
    return tr(_WHERE[where]) if where in _WHERE else where


def grade_lines(terms: "Terminology", name: object) -> list[str]:
    """What the screen shows beside a grade: the term's grades as CTCAE words them, those
    it lacks said so; nothing without the terminology or for a term CTCAE does not have."""
    t = terms.like(name) if terms.available else None  # guidance: the check says the spelling
    if t is None:
        return []
    lines = [f"CTCAE v{terms.version}: {t.term} ({t.soc})"]
    for g, text in enumerate(t.grades, start=1):
        lines.append(tr("Grade {n}: {text}").format(n=g, text=text) if text else
                     tr("Grade {n}: does not exist for this term").format(n=g))
    return lines


def _mentioned(t: Term, phrase: str) -> tuple[str, str] | None:
    """Where a term's texts mention the phrase first, and that text."""
    places = [(f"grade {g}", text) for g, text in enumerate(t.grades, start=1)]
    for where, text in [*places, ("definition", t.definition), ("navigational note", t.note)]:
        if text and phrase in text.lower():
            return where, text
    return None


EXCERPT = 60  # characters of a grade text shown beside a term: the list stays one line each


def _excerpt(text: str, phrase: str, width: int = EXCERPT) -> str:
    """The words of ``text`` around ``phrase``, "…" where cut ("… (e.g., pulmonary embolism
    or intracardiac thrombus)")."""
    if len(text) <= width:
        return text
    at = text.lower().find(phrase)
    start = max(0, min(at - (width - len(phrase)) // 2, len(text) - width))
    end = min(len(text), start + max(width, len(phrase)))
    if start > 0 and " " in text[start:at]:  # begin at a word
        start = text.index(" ", start, at) + 1
    if end < len(text) and " " in text[at + len(phrase):end]:  # end at a word
        end = text.rindex(" ", at + len(phrase), end)
    return ("… " if start > 0 else "") + text[start:end] + (" …" if end < len(text) else "")


def problems(conn: sqlite3.Connection, study: "Study | None" = None) -> list[str]:
    """What verify reports: each version's terms against the SHA-256 its import row kept
    (a term, code or grade text changed, added or removed behind the program), terms
    missing though imported (with the completed adverse events that then cannot be
    trusted, given the study), and versions without an import row."""
    recorded = recorded_digests(conn)
    out = []
    listed = versions(conn)
    for v in listed:
        held = Terminology(conn, v.version)
        if v.version not in recorded:
            out.append(tr("CTCAE v{version} is in the file without an import in the audit "
                          "trail: it was added behind the program").format(version=v.version))
            continue
        if held.missing is not None:
            out.append(tr("the terms of CTCAE v{version} are missing or unreadable "
                          "({missing}): the term and grade checks of adverse events cannot run "
                          "(restore the latest good backup, or import the NCI's v{version} "
                          "workbook again to put back the same terms)").format(
                              version=v.version, missing=held.missing)
                       + _unchecked(conn, study, v.version))
            continue
        rows = [Term(r[0], r[1], r[2], tuple(r[3:8]), r[8], r[9]) for r in conn.execute(
            f"SELECT {', '.join(COLUMNS)} FROM ctcae_terms WHERE version = ?", (v.version,))]
        now = digest(rows)
        if now != recorded[v.version] or v.digest != recorded[v.version] \
                or v.terms != len(rows):
            out.append(tr("the terms of CTCAE v{version} are not those imported ({n} terms, "
                          "SHA-256 {now}..., the import recorded {recorded}...): a term or "
                          "grade was changed behind the program").format(
                              version=v.version, n=len(rows), now=now[:12],
                              recorded=recorded[v.version][:12]))
    have = {v.version for v in listed}
    out += [tr("CTCAE v{version} was imported (audit trail) but the file holds no record of "
               "it: it was removed behind the program").format(version=version)
            + _unchecked(conn, study, version)
            for version in sorted(set(recorded) - have)]
    if has_tables(conn) and has_table(conn, "ctcae_versions"):
        orphans = conn.execute("SELECT DISTINCT version FROM ctcae_terms WHERE version NOT "
                               "IN (SELECT version FROM ctcae_versions)").fetchall()
        out += [tr("CTCAE terms of version {version} have no version row: added behind the "
                   "program").format(version=r[0]) for r in orphans]
    return out


def _unchecked(conn: sqlite3.Connection, study: "Study | None", version: str) -> str:
    """The adverse events marked complete with a CTCAE term while its terms are missing:
    their term and grade cannot be trusted (the drop is not audited, so when it happened,
    and which were completed without the checks, cannot be told)."""
    if study is None or study.ctcae_version != version:
        return ""
    count = 0
    for form in study.forms.values():
        for f in form.fields:
            if f.terminology == "ctcae" and has_table(conn, form.id):
                count += conn.execute(
                    f'SELECT count(*) FROM form_instances fi JOIN "{form.id}" t ON '
                    f't.instance_id = fi.id WHERE fi.form = ? AND t."{f.id}" IS NOT NULL AND '
                    "fi.status IN ('complete', 'verified', 'signed', 'locked')",
                    (form.id,)).fetchone()[0]
    if not count:
        return ""
    return (tr("; when they went missing is not recorded, so {n} adverse events marked "
               "complete with a CTCAE term cannot be trusted: check each one's term and grade "
               "once the terms are back") if count != 1 else
            tr("; when they went missing is not recorded, so {n} adverse event marked complete "
               "with a CTCAE term cannot be trusted: check each one's term and grade once the "
               "terms are back")).format(n=count)


__all__ = ["COLUMNS", "IMPORT_ACTION", "Offer", "Terminology", "TerminologyError", "Version",
           "grade_lines", "has_table", "has_tables", "import_ctcae", "problems",
           "recorded_digests", "terms_of", "versions"]
