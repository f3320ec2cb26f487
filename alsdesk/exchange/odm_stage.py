"""Subjects read from an ODM file, held until the whole file is read, then handed out whole.

A subject whose forms are of several study definition versions appears in several
ClinicalData (alsdesk.exchange.odm_versions), and the order its forms are saved in matters:
the infusion is refused before the eligibility forms are in, a status before the data that
allow it. So the import writes nothing while it reads: each subject's forms go into a
temporary table of its connection (SQLite keeps it in a temporary file of its own, never in
the database, and drops it with the connection), and once the file is read each subject is
handed out with all its forms, in the study's order (event, event repeat, form, repeat),
which is the order of a file of one ClinicalData. Memory still holds one subject.
"""
from __future__ import annotations

import dataclasses
import json
from alsdesk.store.sqldb import driver as sqlite3
from typing import Iterator

from alsdesk.exchange.odm_read import FormIn, Problem, SubjectIn
from alsdesk.study.model import Study

_TABLE = "temp.odm_import_forms"


@dataclasses.dataclass
class _Subject:
    index: int  # in the order the file first names the subject
    number: int
    status: str
    refused: bool = False  # a part of it has a problem: it is not written


class Staged:
    """The subjects of one import; :meth:`close` drops what it holds."""

    def __init__(self, conn: sqlite3.Connection, study: Study) -> None:
        self.conn = conn
        self.subjects: dict[str, _Subject] = {}
        self.event_order = {e.id: n for n, e in enumerate(study.events)}
        self.form_order = {f: n for n, f in enumerate(study.forms)}
        conn.execute(f"DROP TABLE IF EXISTS {_TABLE}")
        # One row per form; the key refuses a form the file gives twice, in two ClinicalData.
        conn.execute(f"CREATE TABLE {_TABLE} (subject INTEGER, event INTEGER, event_repeat "
                     "INTEGER, form INTEGER, repeat INTEGER, record TEXT NOT NULL, "
                     "PRIMARY KEY (subject, event, event_repeat, form, repeat))")

    def _entry(self, subject: SubjectIn) -> _Subject:
        entry = self.subjects.get(subject.code)
        if entry is None:
            entry = self.subjects[subject.code] = _Subject(len(self.subjects), subject.number,
                                                           subject.status)
        entry.status = subject.status  # the reader saw to it that every part agrees
        return entry

    def refuse(self, subject: SubjectIn) -> None:
        """A part of this subject has a problem: none of it is written."""
        self._entry(subject).refused = True

    def add(self, subject: SubjectIn) -> list[Problem]:
        """Hold one SubjectData read without problem; a form the file gave already, in
        another ClinicalData, is a problem."""
        entry = self._entry(subject)
        problems = []
        for rec in subject.forms:
            try:
                self.conn.execute(
                    f"INSERT INTO {_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
                    # an earlier version's event or form the newest has not goes last
                    (entry.index,
                     self.event_order.setdefault(rec.event, len(self.event_order)),
                     rec.event_repeat,
                     self.form_order.setdefault(rec.form, len(self.form_order)), rec.repeat,
                     json.dumps(dataclasses.asdict(rec), ensure_ascii=False)))
            except sqlite3.IntegrityError:
                problems.append(Problem(rec.where, "this form appears twice in the file"))
        if problems:
            entry.refused = True
        return problems

    def __len__(self) -> int:
        return len(self.subjects)

    def written(self) -> Iterator[SubjectIn]:
        """Each subject without a problem, whole, in the order the file first named it."""
        for code, entry in self.subjects.items():
            if entry.refused:
                continue
            forms = [FormIn(**json.loads(record)) for (record,) in self.conn.execute(
                f"SELECT record FROM {_TABLE} WHERE subject = ? "
                "ORDER BY event, event_repeat, form, repeat", (entry.index,))]
            yield SubjectIn(code, entry.number, entry.status, forms)

    def close(self) -> None:
        self.conn.execute(f"DROP TABLE IF EXISTS {_TABLE}")
