"""Form instances read from the database a block of subjects at a time, for exports.

An export of 10,000 subjects once held every instance in memory (~1.1 GB). The reader keeps
at most one block of subjects' instances: each block is read form table by form table inside
the export's one read transaction (dataset.take_snapshot), sorted in the export order
(subject number, event order, event repeat, form order, repeat) and handed out one by one.
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3
from typing import Any, Iterable, Iterator, Sequence

from alsdesk.states import FormStatus
from alsdesk.store.definitions import version_column
from alsdesk.store.schema import missing_column
from alsdesk.study.model import Form, Study

# Subjects per block: one block of the trial's forms is a few MB; SQLite takes the codes as
# parameters (its default limit is 32,766).
BLOCK = 400

__all__ = ["BLOCK", "count", "ids", "instances", "subjects_by_version"]


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


def _selected(conn: sqlite3.Connection, what: str, forms: Sequence[Form],
              codes: Sequence[str]) -> Iterator[tuple]:
    ids = [f.id for f in forms]
    for start in range(0, len(codes), BLOCK):
        block = list(codes[start:start + BLOCK])
        yield from conn.execute(
            f"SELECT {what} FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id "
            f"WHERE fi.status != ? AND fi.form IN ({_placeholders(len(ids))}) "
            f"AND s.code IN ({_placeholders(len(block))})",
            (FormStatus.DELETED.value, *ids, *block))


def count(conn: sqlite3.Connection, forms: Sequence[Form], codes: Sequence[str]) -> int:
    """How many instances an export of these forms and subjects holds."""
    return sum(r[0] for r in _selected(conn, "count(*)", forms, codes))


def ids(conn: sqlite3.Connection, forms: Sequence[Form], codes: Sequence[str]) -> set[int]:
    """The row ids of those instances (to pick their signatures)."""
    return {r[0] for r in _selected(conn, "fi.id", forms, codes)}


def instances(conn: sqlite3.Connection, study: Study, forms: Sequence[Form],
              codes: Sequence[str], make: Any, version: int | None = None) -> Iterator[Any]:
    """Every instance of `forms` for the subjects `codes` (in their order), built by
    ``make(instance_id, subject, event, event_repeat, form, repeat, status, values,
    missing, crf_changed)``, in the export order; only those last changed under the stored
    definition `version` when it is given."""
    event_order = {e.id: n for n, e in enumerate(study.events)}
    form_order = {f.id: n for n, f in enumerate(forms)}
    subject_order = {c: n for n, c in enumerate(codes)}
    changed = version_column(conn, "crf_changed")
    for start in range(0, len(codes), BLOCK):
        block = list(codes[start:start + BLOCK])
        rows: list[tuple] = []
        for form in forms:
            rows.extend(_form_rows(conn, form, block, event_order, changed, version))
        rows.sort(key=lambda r: (subject_order[r[1]], event_order[r[2]], r[3],
                                 form_order[r[4]], r[5]))
        for row in rows:
            yield make(*row)


def subjects_by_version(conn: sqlite3.Connection, study: Study, forms: Sequence[Form],
                        codes: Sequence[str]) -> dict[int, set[str]]:
    """Stored definition version -> the subjects (of `codes`) with an instance of `forms`
    last changed under it: where the ODM export puts each subject's forms (a file of
    format 3: one of format 2 has a single definition)."""
    out: dict[int, set[str]] = {}
    ids = [f.id for f in forms]
    events = [e.id for e in study.events]  # as instances(): other events are not exported
    for start in range(0, len(codes), BLOCK):
        block = list(codes[start:start + BLOCK])
        for version, code in conn.execute(
                f"SELECT DISTINCT fi.crf_changed, s.code FROM form_instances fi "
                f"JOIN subjects s ON s.id = fi.subject_id WHERE fi.status != ? "
                f"AND fi.form IN ({_placeholders(len(ids))}) "
                f"AND fi.event IN ({_placeholders(len(events))}) "
                f"AND s.code IN ({_placeholders(len(block))})",
                (FormStatus.DELETED.value, *ids, *events, *block)):
            out.setdefault(version, set()).add(code)
    return out


def _form_rows(conn: sqlite3.Connection, form: Form, block: list[str],
               event_order: dict[str, int], changed: str,
               version: int | None) -> Iterable[tuple]:
    cols = [f.id for f in form.fields]
    miss = [f.id for f in form.fields if f.missing]
    picked = ", ".join([f't."{c}"' for c in cols] + [f't."{missing_column(c)}"' for c in miss])
    only = "" if version is None else f" AND {changed} = ?"
    cur = conn.execute(
        f'SELECT fi.id, s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, fi.status, '
        f'{changed}{", " + picked if picked else ""} FROM form_instances fi '
        f'JOIN subjects s ON s.id = fi.subject_id '
        f'LEFT JOIN "{form.id}" t ON t.instance_id = fi.id '
        f'WHERE fi.form = ? AND fi.status != ? AND s.code IN ({_placeholders(len(block))})'
        f'{only}',
        (form.id, FormStatus.DELETED.value, *block, *(() if version is None else (version,))))
    n_cols = len(cols)
    for r in cur:
        if r[2] not in event_order:
            continue  # an event the definition no longer has: not exported, as before
        data = r[8:8 + n_cols]
        codes = r[8 + n_cols:]
        values = {c: v for c, v in zip(cols, data) if v is not None}
        missing = {c: v for c, v in zip(miss, codes) if v}
        yield (r[0], r[1], r[2], r[3], r[4], r[5], r[6], values, missing, r[7])


def latest(conn: sqlite3.Connection, form: Form, columns: Sequence[str],
           codes: Sequence[str]) -> dict[str, str]:
    """Subject -> the greatest of the ISO 8601 texts in `columns` of the form (SDTM's
    RFPENDTC), found by SQLite a block of subjects at a time: no instance is read."""
    cols = [c for c in columns if c in {f.id for f in form.fields}]
    out: dict[str, str] = {}
    if not cols:
        return out
    # max() of one argument is the aggregate, of several the scalar: one query per column
    for col in cols:
        for start in range(0, len(codes), BLOCK):
            block = list(codes[start:start + BLOCK])
            for code, value in conn.execute(
                    f'SELECT s.code, max(t."{col}") FROM form_instances fi '
                    f'JOIN subjects s ON s.id = fi.subject_id '
                    f'JOIN "{form.id}" t ON t.instance_id = fi.id '
                    f'WHERE fi.form = ? AND fi.status != ? AND t."{col}" IS NOT NULL '
                    f'AND s.code IN ({_placeholders(len(block))}) GROUP BY s.code',
                    (form.id, FormStatus.DELETED.value, *block)):
                if value is not None and str(value) > out.get(code, ""):
                    out[code] = str(value)
    return out
