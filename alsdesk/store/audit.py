"""The audit trail: append-only, hash-chained, and replayable.

Each row's hash covers its own columns and its predecessor's hash, so an edited, removed or
re-ordered row breaks the chain; the head (row count and last hash) is kept in ``meta`` to
catch rows cut off the end. Replaying the value rows rebuilds the clinical data, which
:func:`replay_differences` compares with the tables to catch edits made around the program.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import json
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from alsdesk.errors import StoreError
from alsdesk.store.schema import GENESIS_HASH, missing_column
from alsdesk.study import values as fv
from alsdesk.study.model import Study


class A:
    """Audit action names (plain strings in the file, so any SQLite browser reads them)."""

    LOGIN = "user.login"
    LOGIN_FAILED = "user.login_failed"
    LOCKED_OUT = "user.locked_out"
    LOGOUT = "user.logout"
    USER_CREATE = "user.create"
    USER_ROLE = "user.role"
    USER_NAME = "user.name"
    USER_DEACTIVATE = "user.deactivate"
    USER_REACTIVATE = "user.reactivate"
    USER_UNLOCK = "user.unlock"
    PASSWORD_RESET = "user.password_reset"
    PASSWORD_CHANGE = "user.password_change"
    SUBJECT_CREATE = "subject.create"
    SUBJECT_STATUS = "subject.status"
    SUBJECT_INITIALS = "subject.initials"
    FORM_CREATE = "form.create"
    FORM_STATUS = "form.status"
    # A form created under an earlier stored definition than the one in force (an ODM import
    # of data entered under it): new_value names the version (definitions.describe), and the
    # rows of that save are of it (definitions.RowVersions).
    FORM_VERSION = "form.crf_version"
    VALUE_ENTERED = "value.entered"
    VALUE_CHANGED = "value.changed"
    VALUE_CLEARED = "value.cleared"
    CODE_ENTERED = "code.entered"
    CODE_CHANGED = "code.changed"
    CODE_CLEARED = "code.cleared"
    SIGN = "signature.sign"
    SIGNATURE_INVALIDATED = "signature.invalidated"
    VERIFY = "form.verify"
    VERIFY_CLEARED = "form.verify_cleared"
    LOCK = "form.lock"
    UNLOCK = "form.unlock"
    QUERY_OPEN = "query.open"
    QUERY_ANSWER = "query.answer"
    QUERY_CLOSE = "query.close"
    # Double data entry (alsdesk/store/double.py): the second, blind keying of a form (its
    # summary row, then a row per value and code keyed), each difference found (old value:
    # the first entry's, new: the second's), each resolution (old value: first, second or
    # other; new: the value put into the form) and the row saying all are resolved.
    DOUBLE_ENTRY = "double.second_entry"
    DOUBLE_VALUE = "double.value"
    DOUBLE_CODE = "double.code"
    DOUBLE_DIFFERENCE = "double.difference"
    DOUBLE_RESOLVE = "double.resolve"
    DOUBLE_RESOLVED = "double.resolved"
    # a second entry taken back before any of its differences was resolved (old value:
    # "second entry N"; the form awaits its second entry again)
    DOUBLE_WITHDRAWN = "double.withdrawn"
    SETTING = "settings.change"
    SCHEMA = "schema.change"
    ENCRYPTED = "file.encrypted"  # made encrypted (alsdesk init, encrypt), or re-keyed
    # The study definition stored with the file, then each amendment of it
    # (alsdesk/store/definitions.py): old and new value name the version and its digest.
    STUDY_DEFINE = "study.define"
    STUDY_AMEND = "study.amend"
    EXPORT = "data.export"
    IMPORT_REFUSED = "data.import_refused"  # an ODM file refused: who, which file, why
    # The workstation's clock is earlier than the trail's newest time (alsdesk/store/clock.py).
    CLOCK_BEHIND = "system.clock_behind"


VALUE_ACTIONS = {A.VALUE_ENTERED, A.VALUE_CHANGED, A.VALUE_CLEARED}
CODE_ACTIONS = {A.CODE_ENTERED, A.CODE_CHANGED, A.CODE_CLEARED}

_COLUMNS = (
    "seq",
    "ts",
    "user_id",
    "role",
    "action",
    "subject",
    "event",
    "event_repeat",
    "form",
    "repeat",
    "instance_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "prev_hash",
)


def named(path: Path, size: int, digest: str) -> str:
    """A file as the audit rows of imports name it: which bytes, not only which name."""
    return f"{path.name} ({size} bytes, SHA-256 {digest})"


def file_named(path: Path) -> str:
    """`named` of a file on disk (read whole for its SHA-256)."""
    try:
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        return named(path, path.stat().st_size, digest)
    except OSError:
        return f"{path.name} (unreadable)"


def utc_now() -> str:
    """Now as UTC ISO 8601 with the offset, to the microsecond."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def row_hash(row: dict[str, Any]) -> str:
    """SHA-256 over the row's columns (all but its own hash) in a fixed order."""
    payload = _ENCODE([row.get(c) for c in _COLUMNS])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class AuditContext:
    """Who is acting; attached to every row written."""

    user_id: str | None
    role: str | None


def read_head(conn: sqlite3.Connection) -> tuple[int, str]:
    """The chain head kept in meta: (last sequence number, last hash)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    head = _parse_head(row[0] if row else None)
    # Writing on after a damaged head would chain new rows to a row that is not the last
    # one (or to nothing): stop instead. One look-up by primary key per transaction.
    last = conn.execute("SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1"
                        ).fetchone()
    if head is None or head != ((int(last[0]), str(last[1])) if last else (0, GENESIS_HASH)):
        raise StoreError("The database's record of its audit trail is damaged, so nothing "
                         "can be saved: run 'alsdesk verify', keep the file aside unchanged "
                         "and restore the latest backup.")
    return head


def _parse_head(value: object) -> tuple[int, str] | None:
    """(seq, hash) from meta's 'seq:hash', or None when it is not one (damaged)."""
    seq, _, digest = str(value if value is not None else "").partition(":")
    if not seq.isdigit() or len(digest) != len(GENESIS_HASH) or not all(
            c in "0123456789abcdef" for c in digest):
        return None
    return int(seq), digest


_INDEX = {c: i for i, c in enumerate(_COLUMNS)}


def make_row(head: tuple[int, str], ctx: AuditContext, action: str, ts: str | None,
             cols: dict[str, Any]) -> tuple[list[Any], tuple[int, str]]:
    """The next row after `head` as column values (hash last), and the new head.

    Builds the list in _COLUMNS order directly (this runs for every field of every save);
    the hash is the same as row_hash() of the equivalent dict.
    """
    values: list[Any] = [None] * len(_COLUMNS)
    for name, value in cols.items():
        values[_INDEX[name]] = value
    seq = head[0] + 1
    values[0], values[1], values[2], values[3], values[4] = (
        seq, ts or utc_now(), ctx.user_id, ctx.role, action)
    values[-1] = head[1]
    digest = hashlib.sha256(_ENCODE(values).encode("utf-8")).hexdigest()
    values.append(digest)
    return values, (seq, digest)


# The same text _ENCODE gives for a single value, as it stands inside the encoded list: the
# JSON of a list with separators "," is "[" + ",".join(JSON of each item) + "]". str, int and
# None (nearly every audit column) are encoded here without the encoder's per-call set-up;
# anything else goes through _ENCODE itself, so the hashed text cannot differ.
_encode_str = json.encoder.encode_basestring  # what JSONEncoder(ensure_ascii=False) uses
_int_repr = int.__repr__


def _enc(value: Any) -> str:
    if value is None:
        return "null"
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if kind is int:
        return _int_repr(value)
    return _ENCODE([value])[1:-1]


# The place columns the rows of one make_rows batch share.
_BATCH_COMMON = ("subject", "event", "event_repeat", "form", "repeat", "instance_id")

AuditItem = tuple[str, Any, Any, Any, Any]  # action, field, old_value, new_value, reason


def make_rows(head: tuple[int, str], ctx: AuditContext, ts: str, common: dict[str, Any],
              items: list[AuditItem]) -> tuple[list[list[Any]], tuple[int, str]]:
    """Rows for several actions at one time and place (a form's saved fields), chained on.

    ``common`` holds place columns (subject, event, event_repeat, form, repeat, instance_id);
    each item gives (action, field, old_value, new_value, reason). The rows and their hashes
    are exactly what make_row gives for each in turn; the columns shared by the batch are
    encoded once instead of once per row.
    """
    template: list[Any] = [None] * len(_COLUMNS)
    for name, value in common.items():
        if name not in _BATCH_COMMON:
            raise ValueError(f"make_rows: {name!r} is not a place column")
        template[_INDEX[name]] = value
    template[1], template[2], template[3] = ts, ctx.user_id, ctx.role
    # [seq,ts,user_id,role,action,subject,...,instance_id,field,old,new,reason,prev_hash]
    who = "," + ",".join(_enc(v) for v in template[1:4]) + ","
    where = "," + ",".join(_enc(v) for v in template[5:11]) + ","
    seq, prev = head
    prev_text = _enc(prev)  # after the first row, a hex digest: its JSON is itself in quotes
    sha256 = hashlib.sha256
    # Text and None, nearly every value, are encoded inline (a call less per value); the
    # rest by _enc.
    enc_str, enc = _encode_str, _enc
    ts_, user, role = template[1:4]
    subject, event, event_repeat, form, repeat, instance_id = template[5:11]
    out: list[list[Any]] = []
    for action, field_id, old, new, reason in items:
        seq += 1
        payload = (
            f"[{seq}{who}{enc_str(action) if type(action) is str else enc(action)}{where}"
            f"{enc_str(field_id) if type(field_id) is str else enc(field_id)},"
            f"{enc_str(old) if type(old) is str else 'null' if old is None else enc(old)},"
            f"{enc_str(new) if type(new) is str else 'null' if new is None else enc(new)},"
            f"{'null' if reason is None else enc(reason)},{prev_text}]")
        digest = sha256(payload.encode("utf-8")).hexdigest()
        out.append([seq, ts_, user, role, action, subject, event, event_repeat, form, repeat,
                    instance_id, field_id, old, new, reason, prev, digest])
        prev_text = f'"{digest}"'
        prev = digest
    return out, (seq, prev)


_INSERT_SQL = (f"INSERT INTO audit_trail ({', '.join((*_COLUMNS, 'hash'))}) "
               f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})")
# Up to this many rows go in one INSERT with a VALUES row each (a form's fields saved at
# once), which SQLite runs faster than the same rows one by one; more use executemany.
_MULTI_ROWS = 32


@functools.lru_cache(maxsize=_MULTI_ROWS)
def _insert_many_sql(count: int) -> str:
    row = f"({', '.join('?' * (len(_COLUMNS) + 1))})"
    return _INSERT_SQL.partition(" VALUES ")[0] + " VALUES " + ", ".join([row] * count)


def write_rows(conn: sqlite3.Connection, rows: list[list[Any]], head: tuple[int, str]) -> None:
    """Insert rows made by make_row and move the chain head, in the open transaction."""
    assert conn.in_transaction, "audit rows are written inside the change's transaction"
    if len(rows) == 1:
        conn.execute(_INSERT_SQL, rows[0])
    elif len(rows) <= _MULTI_ROWS:
        conn.execute(_insert_many_sql(len(rows)), list(itertools.chain.from_iterable(rows)))
    else:
        conn.executemany(_INSERT_SQL, rows)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{head[0]}:{head[1]}",))


@dataclass
class ChainReport:
    rows: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(conn: sqlite3.Connection) -> ChainReport:
    """Walk the audit trail and report every break in the hash chain."""
    report = ChainReport()
    prev_hash = GENESIS_HASH
    expected_seq = 1
    cur = conn.execute(f"SELECT {', '.join(_COLUMNS)}, hash FROM audit_trail ORDER BY rowid")
    for values in cur:
        row = dict(zip((*_COLUMNS, "hash"), values))
        seq = row["seq"]
        report.rows += 1
        if seq != expected_seq:
            report.problems.append(
                f"audit row {seq} stands where row {expected_seq} should: rows were removed "
                "or re-ordered"
            )
        if row["prev_hash"] != prev_hash:
            report.problems.append(
                f"audit row {seq} does not follow from the row before it: a row before it was "
                "removed, inserted or re-ordered"
            )
        if row_hash(row) != row["hash"]:
            report.problems.append(f"audit row {seq} was changed after it was written")
        prev_hash = row["hash"]
        expected_seq = seq + 1
        if len(report.problems) > 50:
            report.problems.append("... stopped after 50 problems")
            return report
    head = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if head is None:
        report.problems.append("the record of the audit trail's last row is missing")
    else:
        # A damaged record (a flipped bit, a hand edit) is a finding, never a traceback.
        parsed = _parse_head(head[0])
        if parsed is None:
            report.problems.append(f"the record of the audit trail's last row is damaged "
                                   f"({str(head[0])[:80]!r})")
        elif parsed[0] != report.rows or parsed[1] != prev_hash:
            head_seq = parsed[0]
            report.problems.append(
                f"the audit trail ends at row {report.rows} but {head_seq} rows were "
                "written: rows at the end were removed"
            )
    return report


InstanceKey = tuple[str, str, int, str, int]  # subject, event, event_repeat, form, repeat


@dataclass
class Rebuilt:
    """Clinical data as the audit trail says it should be."""

    subjects: dict[str, str] = field(default_factory=dict)  # code -> status
    instances: dict[InstanceKey, str] = field(default_factory=dict)  # key -> status
    values: dict[InstanceKey, dict[str, Any]] = field(default_factory=dict)
    # instances a monitor verified (a signed form keeps its status when verified)
    verified: set[InstanceKey] = field(default_factory=set)


def replay(conn: sqlite3.Connection, study: Study) -> Rebuilt:
    """Rebuild subjects, form statuses, values and missing codes from the audit trail."""
    out = Rebuilt()
    cur = conn.execute(
        "SELECT action, subject, event, event_repeat, form, repeat, field, new_value "
        "FROM audit_trail ORDER BY seq"
    )
    for action, subject, event, ev_rep, form_id, rep, field_id, new in cur:
        if action == A.SUBJECT_CREATE or action == A.SUBJECT_STATUS:
            out.subjects[subject] = new
            continue
        if form_id is None or subject is None:
            continue
        key = (subject, event, ev_rep, form_id, rep)
        if action == A.FORM_CREATE:
            out.instances[key] = new
            out.values[key] = {}
        elif action == A.FORM_STATUS:
            # Signing, locking and the rest each write a status row beside their own row.
            out.instances[key] = new
        elif action == A.VERIFY:
            out.verified.add(key)
        elif action == A.VERIFY_CLEARED:
            out.verified.discard(key)
        elif action in VALUE_ACTIONS:
            fdef = study.form(form_id).field(field_id)
            out.values.setdefault(key, {})[field_id] = fv.from_text(fdef, new)
        elif action in CODE_ACTIONS:
            out.values.setdefault(key, {})[missing_column(field_id)] = new
    return out


def current(conn: sqlite3.Connection, study: Study) -> Rebuilt:
    """The same picture read from the tables."""
    out = Rebuilt()
    out.subjects = dict(conn.execute("SELECT code, status FROM subjects"))
    inst = conn.execute(
        "SELECT fi.id, s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, fi.status, "
        "fi.verified_at FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id"
    ).fetchall()
    by_id: dict[int, InstanceKey] = {}
    for iid, code, event, ev_rep, form_id, rep, status, verified_at in inst:
        key = (code, event, ev_rep, form_id, rep)
        by_id[iid] = key
        out.instances[key] = status
        if verified_at:
            out.verified.add(key)
        out.values[key] = {}
    for form in study.forms.values():
        cur = conn.execute(f'SELECT * FROM "{form.id}"')
        names = [d[0] for d in cur.description]
        for row in cur:
            rec = dict(zip(names, row))
            key = by_id.get(rec.pop("instance_id"))
            if key is None:
                out.values[("?", "?", 0, form.id, 0)] = rec
                continue
            out.values[key] = {k: v for k, v in rec.items() if v is not None}
    return out


def replay_differences(conn: sqlite3.Connection, study: Study, limit: int = 50) -> list[str]:
    """Where the tables differ from what the audit trail says; empty when they agree."""
    want, have = replay(conn, study), current(conn, study)
    problems: list[str] = []
    for code in sorted(set(want.subjects) | set(have.subjects)):
        if want.subjects.get(code) != have.subjects.get(code):
            problems.append(
                f"subject {code}: status is {have.subjects.get(code)!r} in the tables but "
                f"{want.subjects.get(code)!r} by the audit trail"
            )
    for key in sorted(set(want.instances) | set(have.instances), key=str):
        if want.instances.get(key) != have.instances.get(key):
            problems.append(
                f"{_where(key)}: form status is {have.instances.get(key)!r} in the tables but "
                f"{want.instances.get(key)!r} by the audit trail"
            )
    for key in sorted(want.verified ^ have.verified, key=str):
        problems.append(
            f"{_where(key)}: {'verified' if key in have.verified else 'not verified'} in the "
            f"tables but {'verified' if key in want.verified else 'not verified'} by the "
            "audit trail"
        )
    for key in sorted(set(want.values) | set(have.values), key=str):
        w = {k: v for k, v in want.values.get(key, {}).items() if v is not None}
        h = have.values.get(key, {})
        for name in sorted(set(w) | set(h)):
            if w.get(name) != h.get(name):
                problems.append(
                    f"{_where(key)}, {name}: {h.get(name)!r} in the tables but "
                    f"{w.get(name)!r} by the audit trail"
                )
        if len(problems) >= limit:
            break
    return problems[:limit]


def _where(key: InstanceKey) -> str:
    subject, event, ev_rep, form_id, rep = key
    ev = event if ev_rep == 1 else f"{event}#{ev_rep}"
    return f"subject {subject}, {ev}, {form_id}" + ("" if rep == 1 else f" #{rep}")


def place_of(rec: Any) -> dict[str, Any]:
    """The audit columns that say where a form instance (or a query on it) belongs."""
    return dict(subject=rec.subject, event=rec.event, event_repeat=rec.event_repeat,
                form=rec.form, repeat=rec.repeat, instance_id=rec.instance_id)


def rows(conn: sqlite3.Connection, **where: Any) -> Iterator[dict[str, Any]]:
    """Audit rows, oldest first, filtered on equality of the given columns."""
    clauses = [f"{k} = ?" for k in where]
    sql = f"SELECT {', '.join(_COLUMNS)}, hash FROM audit_trail"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY seq"
    cur = conn.execute(sql, list(where.values()))
    names = [d[0] for d in cur.description]
    for values in cur:
        yield dict(zip(names, values))
