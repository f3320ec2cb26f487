"""Form instances read from the database a block of subjects at a time, for exports.

An export of 10,000 subjects once held every instance in memory (~1.1 GB). The reader keeps
at most one block of subjects' instances: each block is read form table by form table inside
the export's one read transaction (dataset.take_snapshot), sorted in the export order
(subject number, event order, event repeat, form order, repeat) and handed out one by one.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Iterable, Iterator, Sequence

from alsdesk.states import FormStatus
from alsdesk.store.schema import missing_column
from alsdesk.study.model import Form, Study

# Subjects per block: one block of the trial's forms is a few MB; SQLite takes the codes as
# parameters (its default limit is 32,766).
BLOCK = 400

__all__ = ["BLOCK", "count", "ids", "instances"]


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
              codes: Sequence[str], make: Any) -> Iterator[Any]:
    """Every instance of `forms` for the subjects `codes` (in their order), built by
    ``make(instance_id, subject, event, event_repeat, form, repeat, status, values,
    missing)``, in the export order."""
    event_order = {e.id: n for n, e in enumerate(study.events)}
    form_order = {f.id: n for n, f in enumerate(forms)}
    subject_order = {c: n for n, c in enumerate(codes)}
    for start in range(0, len(codes), BLOCK):
        block = list(codes[start:start + BLOCK])
        rows: list[tuple] = []
        for form in forms:
            rows.extend(_form_rows(conn, form, block, event_order))
        rows.sort(key=lambda r: (subject_order[r[1]], event_order[r[2]], r[3],
                                 form_order[r[4]], r[5]))
        for row in rows:
            yield make(*row)


def _form_rows(conn: sqlite3.Connection, form: Form, block: list[str],
               event_order: dict[str, int]) -> Iterable[tuple]:
    cols = [f.id for f in form.fields]
    miss = [f.id for f in form.fields if f.missing]
    picked = ", ".join([f't."{c}"' for c in cols] + [f't."{missing_column(c)}"' for c in miss])
    cur = conn.execute(
        f'SELECT fi.id, s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, fi.status'
        f'{", " + picked if picked else ""} FROM form_instances fi '
        f'JOIN subjects s ON s.id = fi.subject_id '
        f'LEFT JOIN "{form.id}" t ON t.instance_id = fi.id '
        f'WHERE fi.form = ? AND fi.status != ? AND s.code IN ({_placeholders(len(block))})',
        (form.id, FormStatus.DELETED.value, *block))
    n_cols = len(cols)
    for r in cur:
        if r[2] not in event_order:
            continue  # an event the definition no longer has: not exported, as before
        data = r[7:7 + n_cols]
        codes = r[7 + n_cols:]
        values = {c: v for c, v in zip(cols, data) if v is not None}
        missing = {c: v for c, v in zip(miss, codes) if v}
        yield (r[0], r[1], r[2], r[3], r[4], r[5], r[6], values, missing)


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
