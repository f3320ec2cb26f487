"""Data queries: raised by soft checks or by a monitor, answered by site staff, closed."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alsdesk.auth import Action
from alsdesk.errors import NotFound, WorkflowError
from alsdesk.i18n import tr
from alsdesk.states import QueryStatus
from alsdesk.store.audit import A, place_of, utc_now
from alsdesk.textcheck import NOTHING_VISIBLE, control_problem, says_something
from alsdesk.argcheck import checked

if TYPE_CHECKING:
    from alsdesk.rules.engine import Finding
    from alsdesk.store.core import Store


@dataclass(frozen=True)
class Query:
    id: int
    instance_id: int
    subject: str
    event: str
    event_repeat: int
    form: str
    repeat: int
    field: str | None
    origin: str  # "check:<id>" or "manual"
    text: str
    status: QueryStatus
    raised_by: str
    raised_at: str
    answer: str | None
    answered_by: str | None
    answered_at: str | None
    closed_by: str | None
    closed_at: str | None
    close_note: str | None


_SELECT = (
    "SELECT q.id, q.instance_id, s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, q.field, "
    "q.origin, q.text, q.status, q.raised_by, q.raised_at, q.answer, q.answered_by, "
    "q.answered_at, q.closed_by, q.closed_at, q.close_note FROM queries q "
    "JOIN form_instances fi ON fi.id = q.instance_id JOIN subjects s ON s.id = fi.subject_id"
)


def _query(row: tuple) -> Query:
    values = list(row)
    values[10] = QueryStatus(values[10])
    return Query(*values)


@checked
class QueryService:
    def __init__(self, store: "Store") -> None:
        self.store = store

    @property
    def conn(self):
        return self.store.conn

    def get(self, query_id: int) -> Query:
        row = self.conn.execute(_SELECT + " WHERE q.id = ?", (query_id,)).fetchone()
        if row is None:
            raise NotFound(tr("There is no query {id}.").format(id=query_id))
        return _query(row)

    def list(self, *, status: QueryStatus | None = None, subject: str | None = None,
             instance_id: int | None = None) -> list[Query]:
        clauses, params = [], []
        if status is not None:
            try:
                status = QueryStatus(status)
            except ValueError:
                raise WorkflowError(tr("'{given}' is not a query status: one of "
                                       "{statuses}.").format(
                    given=str(status)[:40],
                    statuses=", ".join(s.value for s in QueryStatus))) from None
            clauses.append("q.status = ?")
            params.append(status.value)
        if subject is not None:
            clauses.append("s.code = ?")
            params.append(subject)
        if instance_id is not None:
            clauses.append("q.instance_id = ?")
            params.append(instance_id)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return [_query(r) for r in self.conn.execute(_SELECT + where + " ORDER BY q.id", params)]

    def count_open(self) -> int:
        return self.conn.execute("SELECT count(*) FROM queries WHERE status != 'closed'").fetchone()[0]

    def raise_query(self, instance_id: int, field: str | None, text: str) -> Query:
        """A monitor raises a query on a form or one of its fields."""
        self.store.require(Action.RAISE_QUERY)
        text = _words(text, tr("The question"),
                      tr("Write the question the site should answer."))
        rec = self.store.forms.get_instance(instance_id)
        if field is not None:
            self.store.study.form(rec.form).field(field)
        place = place_of(rec)
        with self.store.transaction():
            qid = self._insert(instance_id, field, "manual", text, place)
        return self.get(qid)

    def _open_from_check(self, instance_id: int, place: dict[str, Any], finding: "Finding",
                         note: str) -> int:
        """Inside a save: keep a soft-check finding and the note explaining it as a query."""
        origin = f"check:{finding.check_id}"
        existing = self.conn.execute(
            "SELECT id FROM queries WHERE instance_id = ? AND origin = ? AND status != 'closed'",
            (instance_id, origin),
        ).fetchone()
        if existing:
            return existing[0]
        field = finding.fields[0] if finding.fields else None
        text = f"{finding.message}\nSite note: {note.strip()}"
        return self._insert(instance_id, field, origin, text, place)

    def _insert(self, instance_id: int, field: str | None, origin: str, text: str,
                place: dict[str, Any]) -> int:
        now = utc_now()
        cur = self.conn.execute(
            "INSERT INTO queries (instance_id, field, origin, text, status, raised_by, raised_at) "
            "VALUES (?, ?, ?, ?, 'open', ?, ?)",
            (instance_id, field, origin, text, self.store.user_id, now),
        )
        self.store.audit(A.QUERY_OPEN, **place, field=field, new_value=text,
                         reason=f"query {cur.lastrowid} ({origin})", ts=now)
        return cur.lastrowid

    def answer(self, query_id: int, answer: str) -> Query:
        """Site staff answer an open query."""
        self.store.require(Action.ANSWER_QUERY)
        q = self.get(query_id)
        if q.status is QueryStatus.CLOSED:
            raise WorkflowError(tr("This query is closed."))
        answer = _words(answer, tr("The answer"), tr("Write an answer."))
        now = utc_now()
        with self.store.transaction():
            self.conn.execute(
                "UPDATE queries SET status = 'answered', answer = ?, answered_by = ?, "
                "answered_at = ? WHERE id = ?",
                (answer, self.store.user_id, now, query_id),
            )
            self.store.audit(A.QUERY_ANSWER, **_qplace(q), old_value=q.answer,
                             new_value=answer, reason=f"query {query_id}", ts=now)
        return self.get(query_id)

    def close(self, query_id: int, note: str = "") -> Query:
        """A monitor (or administrator) closes a query."""
        self.store.require(Action.CLOSE_QUERY)
        q = self.get(query_id)
        if q.status is QueryStatus.CLOSED:
            raise WorkflowError(tr("This query is already closed."))
        note = _words(note, tr("The closing note"), "") if note.strip() else ""
        now = utc_now()
        with self.store.transaction():
            self.conn.execute(
                "UPDATE queries SET status = 'closed', closed_by = ?, closed_at = ?, "
                "close_note = ? WHERE id = ?",
                (self.store.user_id, now, note.strip() or None, query_id),
            )
            self.store.audit(A.QUERY_CLOSE, **_qplace(q), old_value=q.status.value,
                             new_value="closed", reason=note.strip() or f"query {query_id}",
                             ts=now)
        return self.get(query_id)


def _qplace(q: Query) -> dict[str, Any]:
    return {**place_of(q), "field": q.field}


TEXT_MAX = 4000  # characters of a question, an answer or a closing note (a printed page)


def _words(text: str, what: str, empty: str, *, error: type = WorkflowError,
           most: int = TEXT_MAX) -> str:
    """The text stripped; refused (with `error`) when empty, saying nothing, or longer
    than `most` (a page).

    `what` names the text as a message begins ("The answer"), in the language shown."""
    text = (text or "").strip()
    if not text:
        raise error(empty)
    if not says_something(text):
        raise error(tr("{what} {problem}: write it in words.").format(
            what=what, problem=tr(NOTHING_VISIBLE)))
    if problem := control_problem(text):
        raise error(f"{what} {problem}.")
    if len(text) > most:
        raise error(tr("{what} has {n:,} characters; at most {most:,} are allowed: "
                       "shorten it (the details belong in the form's notes).").format(
            what=what, n=len(text), most=most))
    return text
