"""Double data entry as the audit trail says it should be: each second entry, what comparing
it with the first entry found, and each resolution (alsdesk/store/double.py).

The second entry's values are rebuilt from its double.value and double.code rows, the first
entry's from the form's own value rows before it; comparing the two again (the same
alsdesk.double_entry.compare, under the definition in force then) must find the differences
the trail and the tables record. Everything here only reads the file.
"""
from __future__ import annotations

import json
import re
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass, field
from typing import Any

from alsdesk.double_entry import Entry, compare
from alsdesk.errors import AlsDeskError
from alsdesk.store import definitions
from alsdesk.store.audit import A, CODE_ACTIONS, VALUE_ACTIONS
from alsdesk.store.double import entry_summary, side_text
from alsdesk.store.schema import has_table
from alsdesk.study import values as fv
from alsdesk.study.model import Study

_ACTIONS = (A.DOUBLE_ENTRY, A.DOUBLE_VALUE, A.DOUBLE_CODE, A.DOUBLE_DIFFERENCE,
            A.DOUBLE_RESOLVE, A.DOUBLE_RESOLVED, A.DOUBLE_WITHDRAWN)
_NUMBERED = re.compile(r"^second entry (\d+)$")


@dataclass
class _Entry:
    instance_id: int
    seq: int
    ts: str
    actor: str | None
    form: str
    where: str
    number: int | None
    summary: str | None
    values: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    diffs: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # field -> (time, who, choice, value put in, reason)
    resolves: dict[str, tuple[str, str | None, str | None, str | None, str | None]] = \
        field(default_factory=dict)
    resolved: tuple[str, str | None] | None = None


def _rebuilt(conn: sqlite3.Connection) -> dict[int, _Entry]:
    out: dict[int, _Entry] = {}
    for seq, ts, actor, action, code, event, form, iid, fid, old, new, reason in conn.execute(
            "SELECT seq, ts, user_id, action, subject, event, form, instance_id, field, "
            f"old_value, new_value, reason FROM audit_trail WHERE action IN "
            f"({', '.join('?' * len(_ACTIONS))}) ORDER BY seq", _ACTIONS):
        if action == A.DOUBLE_ENTRY:
            number = _NUMBERED.match(reason or "")
            out[iid] = _Entry(iid, seq, ts, actor, form, f"subject {code}, {event}, {form} (form "
                              f"instance {iid})", int(number[1]) if number else None, new)
            continue
        e = out.get(iid)
        if e is None:
            continue  # reported below: a row of a second entry that was never made
        if action == A.DOUBLE_WITHDRAWN:  # taken back: the form awaits its second entry
            if e.resolves:
                e.resolved = ("withdrawn after a resolution", None)  # reported as a mismatch
            else:
                del out[iid]
            continue
        if action == A.DOUBLE_VALUE:
            e.values[fid] = new
        elif action == A.DOUBLE_CODE:
            e.codes[fid] = new
        elif action == A.DOUBLE_DIFFERENCE:
            e.diffs[fid] = (old, new)
        elif action == A.DOUBLE_RESOLVE:
            e.resolves[fid] = (ts, actor, old, new, reason)
        else:
            e.resolved = (ts, actor)
    return out


def problems(conn: sqlite3.Connection, study: Study) -> list[str]:
    """Every second entry and difference row against the audit rows that made them."""
    if not has_table(conn, "second_entries"):
        return []
    want = _rebuilt(conn)
    out: list[str] = []
    orphans = conn.execute(
        f"SELECT count(*) FROM audit_trail WHERE action IN ({', '.join('?' * 6)}) AND "
        "instance_id NOT IN (SELECT instance_id FROM audit_trail WHERE action = ?)",
        (*_ACTIONS[1:], A.DOUBLE_ENTRY)).fetchone()[0]
    if orphans:
        out.append(f"{orphans} audit row(s) of double entry belong to no second entry's row")
    versions = definitions.RowVersions(conn)
    seen: set[int] = set()
    for eid, iid, by, at, text, first_by, fields, differences, resolved_at, resolved_by in \
            conn.execute("SELECT id, instance_id, entered_by, entered_at, entry, first_by, "
                         "fields, differences, resolved_at, resolved_by FROM second_entries "
                         "ORDER BY id"):
        seen.add(iid)
        e = want.get(iid)
        if e is None:
            out.append(f"second entry {eid} (form instance {iid}) has no audit row of its "
                       "keying: it was added behind the program")
            continue
        where = f"second entry of {e.where}"
        if (eid, by, at) != (e.number, e.actor, e.ts):
            out.append(f"{where}: number {eid}, keyed by {by} at {at} in the table but "
                       f"{e.number}, {e.actor} at {e.ts} by audit row {e.seq}")
        if entry_summary(fields, differences) != e.summary:
            out.append(f"{where}: '{entry_summary(fields, differences)}' in the table but "
                       f"'{e.summary}' by audit row {e.seq}")
        out += _entry_values(conn, study, versions, e, where, text)
        out += _first(conn, e, where, first_by)
        out += _differences(conn, e, where, eid, differences, resolved_at, resolved_by)
    for iid in sorted(set(want) - seen):
        out.append(f"second entry of {want[iid].where} was keyed by audit row "
                   f"{want[iid].seq} but is not in the table: it was removed behind the program")
    return out


def _form_at(conn: sqlite3.Connection, study: Study, versions, e: _Entry):
    """The form as the definition in force at the second entry had it."""
    try:
        return definitions.study_at(conn, versions.at(e.seq), check=False).form(e.form)
    except (AlsDeskError, KeyError):
        return study.form(e.form)


def _entry_values(conn, study, versions, e: _Entry, where: str, text: str) -> list[str]:
    """The stored entry against its value rows; and the comparison made again."""
    try:
        fdef = _form_at(conn, study, versions, e)
    except (AlsDeskError, KeyError):
        return [f"{where}: its form is not in the study definition"]
    try:
        kept = json.loads(text)
        values, missing = dict(kept["values"]), dict(kept["missing"])
        shown = {k: fv.to_text(fdef.field(k), v) for k, v in values.items()}
    except (ValueError, TypeError, KeyError, AttributeError, AlsDeskError):
        return [f"{where}: the stored entry is not readable ({str(text)[:60]!r})"]
    out = []
    if shown != e.values or missing != e.codes:
        out.append(f"{where}: the values kept in the table are not those keyed by the audit "
                   f"trail (rows from {e.seq}): they were changed behind the program")
    first_values, first_codes = _first_entry(conn, fdef, e)
    second = Entry({k: fv.from_text(fdef.field(k), v) for k, v in e.values.items()
                    if k in fdef.field_ids}, e.codes)
    found = compare(fdef, Entry(first_values, first_codes), second)
    if (entry_summary(found.fields, len(found.differences)) != e.summary
            or [d.field for d in found.differences] != list(e.diffs)):
        out.append(f"{where}: comparing the two entries again finds "
                   f"{[d.field for d in found.differences]} in {found.fields} fields, not "
                   f"the {list(e.diffs)} recorded at audit row {e.seq}")
    return out


def _first_entry(conn, fdef, e: _Entry) -> tuple[dict[str, Any], dict[str, str]]:
    """The first entry as the form's value rows had made it before the second entry."""
    values: dict[str, Any] = {}
    codes: dict[str, str] = {}
    iid = e.instance_id
    for action, fid, new in conn.execute(
            "SELECT action, field, new_value FROM audit_trail WHERE instance_id = ? AND "
            "seq < ? ORDER BY seq", (iid, e.seq)):
        if fid not in fdef.field_ids:
            continue
        if action in VALUE_ACTIONS:
            values[fid] = fv.from_text(fdef.field(fid), new)
        elif action in CODE_ACTIONS:
            codes[fid] = new
    return ({k: v for k, v in values.items() if v is not None},
            {k: c for k, c in codes.items() if c})


def _first(conn, e: _Entry, where: str, first_by: str) -> list[str]:
    acts = sorted(VALUE_ACTIONS | CODE_ACTIONS | {A.FORM_CREATE})
    users = [r[0] for r in conn.execute(
        f"SELECT user_id FROM audit_trail WHERE instance_id = ? AND seq < ? AND action IN "
        f"({', '.join('?' * len(acts))}) ORDER BY seq", (e.instance_id, e.seq, *acts))]
    keyers = ",".join(dict.fromkeys(u for u in users if u))
    if keyers != first_by:
        return [f"{where}: first keyed by {first_by!r} in the table but by {keyers!r} by the "
                "audit trail"]
    if e.actor in keyers.split(","):
        return [f"{where}: keyed by {e.actor}, who also keyed the first entry"]
    return []


def _differences(conn, e: _Entry, where: str, eid: int, differences: int,
                 resolved_at: str | None, resolved_by: str | None) -> list[str]:
    out = []
    have = {r[0]: r[1:] for r in conn.execute(
        "SELECT field, first_value, first_missing, second_value, second_missing, chosen, "
        "resolved_value, resolved_missing, reason, resolved_by, resolved_at FROM "
        "entry_differences WHERE entry_id = ?", (eid,))}
    if set(have) != set(e.diffs) or len(have) != differences:
        out.append(f"{where}: differences {sorted(have)} in the table but "
                   f"{sorted(e.diffs)} by the audit trail")
    for fid in sorted(set(have) & set(e.diffs)):
        fv1, fm1, sv2, sm2, chosen, rv, rm, reason, by, at = have[fid]
        if (side_text(fv1, fm1), side_text(sv2, sm2)) != e.diffs[fid]:
            out.append(f"{where}, {fid}: the two sides of the difference are not those the "
                       "audit trail recorded")
        res = e.resolves.get(fid)
        kept = (at, by, chosen, side_text(rv, rm), reason) if chosen is not None else None
        if kept != res:
            out.append(f"{where}, {fid}: resolution {kept!r} in the table but {res!r} by the "
                       "audit trail")
    if differences == 0:
        expected = (e.ts, e.actor)
    else:
        expected = e.resolved
        if expected is not None and len(e.resolves) != differences:
            out.append(f"{where}: recorded as resolved with {len(e.resolves)} of "
                       f"{differences} differences resolved")
    if (resolved_at, resolved_by) != (expected or (None, None)):
        out.append(f"{where}: resolved {resolved_at!r} by {resolved_by!r} in the table but "
                   f"{expected!r} by the audit trail")
    return out
