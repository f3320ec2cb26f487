"""The schema's text, letter for letter: what a flipped bit in sqlite_master changes.

verify_more.schema_problems compares names (tables, columns, triggers). A single flipped
bit in a table's text can leave every name as it was and still change what the file means
(``INTEGER`` becomes ``INTEGUR``, ``NOT NULL`` or a ``REFERENCES`` target goes), and SQLite
reads such a file without complaint. Here:

- the program's own tables, indexes and triggers (everything not a form table) must have
  exactly the text the program writes: it comes from fixed migration steps, run in the same
  order for a new file and for a migrated one, so there is one right text;
- a form table's text grows with ALTER TABLE as the study definition gains fields, so there
  each column the program would make is compared by declaration (type, NOT NULL, default,
  key) and the table's references, as SQLite itself reads them.

A flip that only turns one blank into another (a newline into a tab, say) changes nothing
SQLite reads; in a form table it is not seen, in the program's own tables it is.
"""
from __future__ import annotations

import re
from alsdesk.store.sqldb import driver as sqlite3
from typing import Any

from alsdesk.store import schema

LIMIT = 50
# (study id, format) -> (the Study it was made for, (objects, form table layouts))
_EXPECTED: dict[tuple[str, int], tuple[object, tuple[dict, dict]]] = {}


def problems(conn: sqlite3.Connection, study, limit: int = LIMIT) -> list[str]:
    """Differences between the file's schema text and the program's, in words."""
    objects, forms = _expected(study, schema.file_version(conn))
    form_ids = set(study.forms)
    have = {(t, n): (tbl, sql) for t, n, tbl, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master")}
    out: list[str] = []
    for key, (tbl, sql) in sorted(objects.items()):
        kind, name = key
        if key not in have:
            # Only names: the name check (verify_more) says which one is missing.
            out.append(f"{kind} {name} is not in the file as the program wrote it")
        elif have[key] != (tbl, sql):
            out.append(f"the definition of {kind} {name} was changed (its text in the file "
                       f"is not what the program wrote): {_short(have[key][1])}")
    for (kind, name), (tbl, sql) in sorted(have.items()):
        if (kind, name) in objects or tbl in form_ids or tbl not in {t for t, _ in
                                                                   objects.values()}:
            continue
        out.append(f"{kind} {name} on table {tbl} was not made by the program: "
                   f"{_short(sql)}")
    out.extend(_check_constraint_problems(conn, objects, have))
    for form_id, (columns, refs) in sorted(forms.items()):
        if ("table", form_id) not in have:
            continue  # made at the next writable open (a newer study definition)
        got_cols, got_refs = _form_layout(conn, form_id)
        for col, decl in columns.items():
            if col in got_cols and got_cols[col] != decl:
                out.append(f"column {form_id}.{col} is declared {_decl(got_cols[col])}, not "
                           f"{_decl(decl)} as the program made it")
        for col, decl in got_cols.items():
            if col not in columns and decl[0] not in _FIELD_TYPES:
                out.append(f"column {form_id}.{col} has the type {decl[0]!r}, which the "
                           "program never gives a column")
        if got_refs != refs:
            out.append(f"the references of table {form_id} were changed: {got_refs}")
        if len(out) >= limit:
            break
    return out[:limit]


_FIELD_TYPES = {"TEXT", "INTEGER", "REAL", "FLOAT", ""}


def _check_constraint_problems(conn: sqlite3.Connection, objects: dict,
                               have: dict) -> list[str]:
    """Rows that break a CHECK constraint of the program's tables (a role no one has).

    SQLite drops CHECK constraints when it reads a schema on a read-only connection, so
    ``PRAGMA integrity_check`` there (verify, the backup check) never tests them: each is
    tested here by hand, with the program's own text of it (the file's text must equal it,
    see above).
    """
    out = []
    for (kind, name), (_tbl, sql) in sorted(objects.items()):
        if kind != "table" or not sql or have.get((kind, name)) is None:
            continue
        for expr in _checks(sql):
            try:
                bad = conn.execute(f'SELECT count(*) FROM "{name}" WHERE NOT ({expr})'
                                   ).fetchone()[0]
            except sqlite3.Error as exc:  # a column renamed by the damage: reported above
                out.append(f"table {name}: the rule CHECK ({expr}) cannot be tested ({exc})")
                continue
            if bad:
                out.append(f"table {name}: {bad} row(s) break the rule CHECK ({expr}): a "
                           "value was changed behind the program or damaged")
    return out


def _checks(sql: str) -> list[str]:
    """The expressions of the CHECK (...) clauses in a CREATE TABLE text."""
    found = []
    for m in re.finditer(r"\bCHECK\s*\(", sql, re.IGNORECASE):
        open_at = m.end() - 1
        depth, i = 0, open_at
        while i < len(sql):
            depth += {"(": 1, ")": -1}.get(sql[i], 0)
            if depth == 0:
                break
            i += 1
        found.append(sql[open_at + 1:i].strip())
    return found


def _expected(study, version: int) -> tuple[dict, dict]:
    """What a new file of this study holds in that format, made by the program's own code
    in memory."""
    key = (study.id, version)
    if key in _EXPECTED and _EXPECTED[key][0] is study:
        return _EXPECTED[key][1]
    mem = sqlite3.connect(":memory:")
    try:
        schema.create_schema(mem, study, "1970-01-01T00:00:00+00:00", upto=version)
        form_ids = set(study.forms)
        objects = {(t, n): (tbl, sql) for t, n, tbl, sql in mem.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master") if tbl not in form_ids}
        forms = {f: _form_layout(mem, f) for f in form_ids}
    finally:
        mem.close()
    _EXPECTED[key] = (study, (objects, forms))
    return objects, forms


def _form_layout(conn: sqlite3.Connection, table: str) -> tuple[dict[str, Any], list]:
    cols = {r[1]: (str(r[2]), r[3], r[4], r[5])
            for r in conn.execute(f'PRAGMA table_xinfo("{table}")')}
    refs = sorted((r[2], r[3], r[4]) for r in conn.execute(
        f'PRAGMA foreign_key_list("{table}")'))
    return cols, refs


def _decl(decl: tuple) -> str:
    kind, notnull, default, pk = decl
    words = [kind or "(no type)"]
    if notnull:
        words.append("NOT NULL")
    if default is not None:
        words.append(f"DEFAULT {default}")
    if pk:
        words.append("PRIMARY KEY")
    return " ".join(words)


def _short(sql: object) -> str:
    text = " ".join(str(sql).split())
    return text if len(text) <= 120 else text[:117] + "..."
