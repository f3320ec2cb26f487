"""Subjects: screening numbers from the study's pattern, status changes, all audited."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.errors import NotFound, WorkflowError
from alsdesk.i18n import tr
from alsdesk.states import SubjectStatus
from alsdesk.store import status_rules
from alsdesk.store.audit import A, utc_now
from alsdesk.argcheck import checked
from alsdesk.textcheck import shown

if TYPE_CHECKING:
    from alsdesk.store.core import Store


@dataclass(frozen=True)
class Subject:
    id: int
    code: str
    number: int
    initials: str | None
    status: SubjectStatus
    created_at: str


_COLS = "id, code, number, initials, status, created_at"


def _subject(row: tuple) -> Subject:
    return Subject(row[0], row[1], row[2], row[3], SubjectStatus(row[4]), row[5])


@checked
class SubjectService:
    def __init__(self, store: "Store") -> None:
        self.store = store

    @property
    def conn(self):
        return self.store.conn

    def create(self, initials: str | None = None, *, number: int | None = None) -> Subject:
        """Register a new subject in screening with the next screening number.

        `number` keeps a number given elsewhere (an import from another system).
        """
        self.store.require(Action.MANAGE_SUBJECTS)
        initials = _clean_initials(initials)
        with self.store.transaction():
            if number is None:
                number = self.conn.execute(
                    "SELECT coalesce(max(number), 0) + 1 FROM subjects").fetchone()[0]
            elif number < 1 or self.conn.execute(
                    "SELECT 1 FROM subjects WHERE number = ?", (number,)).fetchone():
                raise WorkflowError(tr("Screening number {number} is taken or not "
                                       "valid.").format(number=number))
            code = self.store.study.subject_pattern.format(n=number)
            now = utc_now()
            cur = self.conn.execute(
                "INSERT INTO subjects (code, number, initials, status, created_at, created_by) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (code, number, initials, SubjectStatus.SCREENING.value, now, self.store.user_id),
            )
            self.store.audit(A.SUBJECT_CREATE, subject=code, field="status",
                             new_value=SubjectStatus.SCREENING.value, ts=now)
            if initials:
                self.store.audit(A.SUBJECT_INITIALS, subject=code, field="initials",
                                 new_value=initials, ts=now)
        if not self.conn.in_transaction:
            # Committed, so the code's row id is final: the form service need not look it up.
            self.store.forms._subject_ids[code] = cur.lastrowid
        return self.get_by_id(cur.lastrowid)

    def get(self, code: str) -> Subject:
        row = self.conn.execute(f"SELECT {_COLS} FROM subjects WHERE code = ?", (code,)).fetchone()
        if row is None:
            # shown(): a code holding an escape is echoed visibly ('S0\x1b[31m01'), not
            # as the 'S001' a terminal would show once the escape acted
            raise NotFound(tr("There is no subject {subject}.").format(
                subject=shown(str(code), 40)))
        return _subject(row)

    def get_by_id(self, subject_id: int) -> Subject:
        row = self.conn.execute(f"SELECT {_COLS} FROM subjects WHERE id = ?", (subject_id,)).fetchone()
        if row is None:
            raise NotFound(tr("There is no subject with id {id}.").format(id=subject_id))
        return _subject(row)

    def list(self) -> list[Subject]:
        return [_subject(r) for r in self.conn.execute(f"SELECT {_COLS} FROM subjects ORDER BY number")]

    def count(self, status: SubjectStatus | None = None) -> int:
        if status is None:
            return self.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
        return self.conn.execute(
            "SELECT count(*) FROM subjects WHERE status = ?", (status.value,)
        ).fetchone()[0]

    def set_status(self, code: str, status: SubjectStatus | str, reason: str | None = None) -> Subject:
        """Change a subject's status by hand: with a reason, and only as the data allows.

        No screen failure (or screening) once the infusion is recorded, no enrolment without
        it, completed and died only from the end-of-study form, nothing against a complete
        end-of-study form (alsdesk.store.status_rules). Asking for the current status
        changes nothing.
        """
        self.store.require(Action.MANAGE_SUBJECTS)
        try:
            status = SubjectStatus(status)
        except ValueError:
            names = ", ".join(s.value for s in SubjectStatus)
            raise WorkflowError(tr("'{given}' is not a subject status: choose one of "
                                   "{statuses}.").format(given=str(status)[:40],
                                                         statuses=names)) from None
        subject = self.get(code)
        if subject.status is status:
            return subject
        status_rules.require_manual(self.store, code, subject.status, status, reason)
        with self.store.transaction():
            self._write_status(subject, status, (reason or "").strip())
        return self.get(code)

    def status_choices(self, code: str) -> list[status_rules.StatusChoice]:
        """Every other status with the reason it may not be chosen now (None: allowed)."""
        return status_rules.status_choices(self.store, code)

    def _write_status(self, subject: Subject, status: SubjectStatus, reason: str) -> None:
        """The status change and its audit row, inside the caller's transaction."""
        self.conn.execute("UPDATE subjects SET status = ? WHERE id = ?", (status.value, subject.id))
        self.store.audit(A.SUBJECT_STATUS, subject=subject.code, field="status",
                         old_value=subject.status.value, new_value=status.value, reason=reason)

    def set_initials(self, code: str, initials: str | None, reason: str) -> Subject:
        self.store.require(Action.CHANGE_DATA)
        subject = self.get(code)
        initials = _clean_initials(initials)
        if not reason.strip():
            raise WorkflowError(tr("Give a reason for changing the subject's initials."))
        with self.store.transaction():
            self.conn.execute("UPDATE subjects SET initials = ? WHERE id = ?", (initials, subject.id))
            self.store.audit(A.SUBJECT_INITIALS, subject=code, field="initials",
                             old_value=subject.initials, new_value=initials, reason=reason)
        return self.get(code)


def _clean_initials(initials: str | None) -> str | None:
    if initials is None or not initials.strip():
        return None
    cleaned = initials.strip().upper()
    if not (2 <= len(cleaned) <= 4) or not all(c.isalpha() or c == "-" for c in cleaned):
        raise WorkflowError(tr("Initials are 2 to 4 letters (use '-' for a missing middle "
                               "initial)."))
    return cleaned
