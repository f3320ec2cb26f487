"""Queries, settings, subjects and form details as the audit trail says they should be.

The clinical replay (alsdesk.store.audit) rebuilds values and statuses; these rebuild the
rest of what the program audits: each query's text, answer and closure, each site setting,
each subject's number, initials and creation, each form's creation, completion,
verification and lock. What the audit trail cannot tell (a form's last save time) is not
checked. Everything here only reads the file.
"""
from __future__ import annotations

import re
from alsdesk.store.sqldb import driver as sqlite3
from datetime import datetime
from dataclasses import dataclass
from typing import Any

from alsdesk.store.audit import A, CODE_ACTIONS, VALUE_ACTIONS
from alsdesk.store import definition_checks, definitions, verify_double
from alsdesk.study.model import Study

LIMIT = 50


def record_problems(conn: sqlite3.Connection, study: Study, limit: int = LIMIT) -> list[str]:
    problems: list[str] = []
    for table, check in (("settings", setting_problems),
                         ("subjects", lambda c: subject_problems(c, study)),
                         ("queries", query_problems), ("form_instances", instance_problems),
                         ("ctcae_terms", lambda c: _terminology_problems(c, study)),
                         ("study_versions", definition_checks.problems),
                         ("form_instances", definitions.instance_version_problems),
                         ("second_entries", lambda c: verify_double.problems(c, study))):
        try:
            problems.extend(check(conn))
        except sqlite3.Error as exc:  # a column dropped behind the program (schema says so)
            problems.append(f"the {table} table cannot be compared with the audit trail "
                            f"({exc})")
    if len(problems) > limit:
        return problems[:limit] + [f"... and {len(problems) - limit} more"]
    return problems


def _terminology_problems(conn: sqlite3.Connection, study: Study) -> list[str]:
    from alsdesk.safety import ctcae  # the terminology's own rule, kept with its import

    return ctcae.problems(conn, study)


# -- settings ---------------------------------------------------------------------------------


def setting_problems(conn: sqlite3.Connection) -> list[str]:
    """Every settings row against the last settings.change row of its key."""
    want: dict[str, tuple[int, str | None]] = {}
    for seq, key, new in conn.execute(
            "SELECT seq, field, new_value FROM audit_trail WHERE action = ? ORDER BY seq",
            (A.SETTING,)):
        want[key] = (seq, new)
    have = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    out = []
    for key in sorted(set(want) | set(have)):
        if key not in want:
            out.append(f"setting {key} = {have[key]!r} has no audit row: it was set behind "
                       "the program")
        elif key not in have:
            out.append(f"setting {key} is missing, but audit row {want[key][0]} set it to "
                       f"{want[key][1]!r}: it was removed behind the program")
        elif have[key] != want[key][1]:
            out.append(f"setting {key} is {have[key]!r} in the settings table but "
                       f"{want[key][1]!r} by audit row {want[key][0]}")
    return out


# -- subjects ---------------------------------------------------------------------------------


def subject_problems(conn: sqlite3.Connection, study: Study) -> list[str]:
    """Number, initials and creation of each subject (their status is in the clinical
    replay, which also reports a subject missing from either side)."""
    created: dict[str, tuple[int, str, str | None]] = {}
    initials: dict[str, str | None] = {}
    for seq, ts, actor, action, code, new in conn.execute(
            "SELECT seq, ts, user_id, action, subject, new_value FROM audit_trail "
            "WHERE action IN (?, ?) ORDER BY seq", (A.SUBJECT_CREATE, A.SUBJECT_INITIALS)):
        if action == A.SUBJECT_CREATE:
            created[code] = (seq, ts, actor)
        else:
            initials[code] = new
    out = []
    for code, number, have_initials, created_at, created_by in conn.execute(
            "SELECT code, number, initials, created_at, created_by FROM subjects ORDER BY id"):
        where = f"subject {code}"
        try:
            expected_code = study.subject_pattern.format(n=number)
        except (ValueError, TypeError):
            expected_code = None
        if expected_code != code:
            out.append(f"{where}: screening number {number!r} in the subjects table does not "
                       "give this code: the number was changed behind the program")
        if have_initials != initials.get(code):
            out.append(f"{where}: initials {have_initials!r} in the subjects table but "
                       f"{initials.get(code)!r} by the audit trail")
        if code in created:
            seq, ts, actor = created[code]
            if (created_at, created_by) != (ts, actor):
                out.append(f"{where}: registered at {created_at} by {created_by} in the "
                           f"subjects table but at {ts} by {actor} by audit row {seq}")
    return out


# -- queries ----------------------------------------------------------------------------------

_OPENED = re.compile(r"^query (?P<id>\d+) \((?P<origin>.*)\)$", re.S)


@dataclass
class _Query:
    seq: int
    instance_id: int | None
    field: str | None
    origin: str
    text: str | None
    raised_by: str | None
    raised_at: str
    status: str = "open"
    answer: str | None = None
    answered_by: str | None = None
    answered_at: str | None = None
    closed_by: str | None = None
    closed_at: str | None = None
    close_note: str | None = None


def replay_queries(conn: sqlite3.Connection, closed_at: dict[int, str] | None = None
                   ) -> tuple[dict[int, _Query], list[str]]:
    """Queries from their audit rows; and close rows that fit no query.

    ``closed_at`` (query id -> the table's closing time) picks, among the open queries of a
    form instance, the one a close row with a note belongs to.
    """
    closed_at = closed_at or {}
    queries: dict[int, _Query] = {}
    closes: list[tuple[int, str, str | None, Any, str | None]] = []
    for seq, ts, actor, action, iid, field, new, reason in conn.execute(
            "SELECT seq, ts, user_id, action, instance_id, field, new_value, reason "
            "FROM audit_trail WHERE action IN (?, ?, ?) ORDER BY seq",
            (A.QUERY_OPEN, A.QUERY_ANSWER, A.QUERY_CLOSE)):
        if action == A.QUERY_OPEN:
            match = _OPENED.match(reason or "")
            if match:
                queries[int(match["id"])] = _Query(seq, iid, field, match["origin"], new,
                                                   actor, ts)
        elif action == A.QUERY_ANSWER:
            match = re.match(r"^query (\d+)$", reason or "")
            q = queries.get(int(match[1])) if match else None
            if q is not None:
                q.status, q.answer, q.answered_by, q.answered_at = "answered", new, actor, ts
        else:
            closes.append((seq, ts, actor, iid, reason))
    # A close row names its query only when closed without a note (the note takes the
    # reason column); otherwise its form instance and time, the same as closed_at, place it.
    left: list[str] = []
    by_place = {}
    for qid, q in queries.items():
        by_place.setdefault(q.instance_id, []).append(qid)
    for seq, ts, actor, iid, reason in closes:
        match = re.match(r"^query (\d+)$", reason or "")
        candidates = [int(match[1])] if match else sorted(
            (qid for qid in by_place.get(iid, ()) if queries[qid].status != "closed"),
            key=lambda qid: closed_at.get(qid) != ts)
        q = None
        for qid in candidates:
            if qid in queries and queries[qid].status != "closed":
                q = queries[qid]
                break
        if q is None:
            left.append(f"audit row {seq} records a query closed at {ts} that the queries "
                        "table does not hold")
            continue
        q.status, q.closed_by, q.closed_at = "closed", actor, ts
        q.close_note = None if match else reason
    return queries, left


_QUERY_COLS = ("id", "instance_id", "field", "origin", "text", "status", "raised_by",
               "raised_at", "answer", "answered_by", "answered_at", "closed_by", "closed_at",
               "close_note")
_QUERY_WORDS = {"instance_id": "form instance", "raised_by": "raised by", "raised_at":
                "raised at", "answered_by": "answered by", "answered_at": "answered at",
                "closed_by": "closed by", "closed_at": "closed at", "close_note":
                "closing note"}


def query_problems(conn: sqlite3.Connection) -> list[str]:
    """Every row of the queries table against the query.open/answer/close rows."""
    closed_at = dict(conn.execute(
        "SELECT id, closed_at FROM queries WHERE closed_at IS NOT NULL").fetchall())
    want, out = replay_queries(conn, closed_at)
    seen = set()
    for row in conn.execute(f"SELECT {', '.join(_QUERY_COLS)} FROM queries ORDER BY id"):
        have = dict(zip(_QUERY_COLS, row))
        qid = have["id"]
        seen.add(qid)
        q = want.get(qid)
        if q is None:
            out.append(f"query {qid} ({_short(have['text'])}) has no audit row of its "
                       "opening: it was added behind the program")
            continue
        for col in _QUERY_COLS[1:]:
            expected = getattr(q, col)
            if have[col] != expected:
                out.append(f"query {qid}: {_QUERY_WORDS.get(col, col)} {_short(have[col])} in "
                           f"the queries table but {_short(expected)} by the audit trail "
                           f"(opened in audit row {q.seq})")
    for qid in sorted(set(want) - seen):
        out.append(f"query {qid} was opened by audit row {want[qid].seq} but is not in the "
                   "queries table: it was removed behind the program")
    return out


def _short(value: Any) -> str:
    if value is None:
        return "(none)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


# -- form instances ---------------------------------------------------------------------------


@dataclass
class _Instance:
    seq: int
    created_at: str
    created_by: str | None
    completed_at: str | None = None
    verified_at: str | None = None
    verified_by: str | None = None
    status_before_lock: str | None = None


def replay_instances(conn: sqlite3.Connection) -> dict[int, _Instance]:
    out: dict[int, _Instance] = {}
    last_lock: set[int] = set()
    for seq, ts, actor, action, iid, old, new in conn.execute(
            "SELECT seq, ts, user_id, action, instance_id, old_value, new_value FROM "
            "audit_trail WHERE instance_id IS NOT NULL AND action IN (?, ?, ?, ?, ?, ?) "
            "ORDER BY seq", (A.FORM_CREATE, A.FORM_STATUS, A.VERIFY, A.VERIFY_CLEARED,
                             A.LOCK, A.UNLOCK)):
        if action == A.FORM_CREATE:
            out[iid] = _Instance(seq, ts, actor)
            continue
        inst = out.get(iid)
        if inst is None:
            continue  # reported by the clinical replay (a status with no form)
        if action == A.FORM_STATUS:
            # The first time a form is marked complete is kept: later ones leave it.
            if new == "complete" and inst.completed_at is None:
                inst.completed_at = ts
            if iid in last_lock and new == "locked":
                inst.status_before_lock = old
                last_lock.discard(iid)
        elif action == A.VERIFY:
            inst.verified_at, inst.verified_by = ts, actor
        elif action == A.VERIFY_CLEARED:
            inst.verified_at = inst.verified_by = None
        elif action == A.LOCK:
            last_lock.add(iid)  # its status row follows with the status before the lock
        elif action == A.UNLOCK:
            inst.status_before_lock = None
    return out


_INSTANCE_WORDS = {"created_at": "created at", "created_by": "created by", "completed_at":
                   "first completed at", "verified_at": "verified at", "verified_by":
                   "verified by", "status_before_lock": "status before the lock"}


def instance_problems(conn: sqlite3.Connection) -> list[str]:
    """Creation, completion, verification and lock details of each form instance."""
    want = replay_instances(conn)
    out = []
    cols = tuple(_INSTANCE_WORDS)
    for row in conn.execute(
            f"SELECT fi.id, s.code, fi.event, fi.form, {', '.join('fi.' + c for c in cols)} "
            "FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id ORDER BY fi.id"):
        iid, code, event, form = row[:4]
        inst = want.get(iid)
        if inst is None:
            continue  # the clinical replay reports a form with no creation row
        for col, have in zip(cols, row[4:]):
            expected = getattr(inst, col)
            if have != expected:
                out.append(f"subject {code}, {event}, {form} (form instance {iid}): "
                           f"{_INSTANCE_WORDS[col]} {_short(have)} in the table but "
                           f"{_short(expected)} by the audit trail")
    return out + _last_change_problems(conn)


def _last_change_problems(conn: sqlite3.Connection) -> list[str]:
    """"Last change" and its author, as shown on screen and printed: no earlier than the
    form's newest entry or change of data, and by one of the accounts. (Not equal to it: older versions
    moved them on saves that changed nothing, without an audit row.)"""
    # Only entries and changes of data move it (a signature, a lock or a query does not).
    acts = sorted(VALUE_ACTIONS | CODE_ACTIONS | {A.FORM_CREATE})
    newest = dict(conn.execute(
        "SELECT instance_id, max(ts) FROM audit_trail WHERE instance_id IS NOT NULL AND "
        f"action IN ({', '.join('?' * len(acts))}) GROUP BY instance_id", acts).fetchall())
    users = {r[0] for r in conn.execute("SELECT user_id FROM users")}
    out = []
    for iid, code, event, form, updated_at, updated_by in conn.execute(
            "SELECT fi.id, s.code, fi.event, fi.form, fi.updated_at, fi.updated_by FROM "
            "form_instances fi JOIN subjects s ON s.id = fi.subject_id ORDER BY fi.id"):
        where = f"subject {code}, {event}, {form} (form instance {iid})"
        last = newest.get(iid)
        try:
            early = last is not None and (datetime.fromisoformat(updated_at)
                                          < datetime.fromisoformat(last))
        except (TypeError, ValueError):
            out.append(f"{where}: last change {_short(updated_at)} in the table is not a time")
            continue
        if early:
            out.append(f"{where}: last change {_short(updated_at)} in the table is earlier "
                       f"than its newest audit row ({last})")
        if updated_by not in users:
            out.append(f"{where}: last changed by {_short(updated_by)}, who has no account")
    return out
