"""What `alsdesk verify` checks beyond the clinical replay: signatures and the schema.

The replay (alsdesk.store.audit) rebuilds values and statuses only. Someone with the file
and plain sqlite3 could still insert a signature row, change signed data together with its
table row, or drop the triggers that keep the audit trail append-only. These checks read
the file and report; they never change it.
"""
from __future__ import annotations

import re
from alsdesk.store.sqldb import driver as sqlite3
from typing import TYPE_CHECKING, Any

from alsdesk.errors import AlsDeskError
from alsdesk.store import schema
from alsdesk.store.audit import A
from alsdesk.store.records import data_hash

if TYPE_CHECKING:
    from alsdesk.store.core import Store

LIMIT = 50


def signature_problems(store: "Store", limit: int = LIMIT) -> list[str]:
    """Signature rows that the audit trail did not make, or whose signed data changed."""
    conn = store.conn
    problems: list[str] = []
    # The program writes the signature row and its audit row with the same time stamp
    # (workflow._sign_confirmed), so (instance, time) pairs them; who and meaning must agree.
    signed: dict[tuple[Any, str], list[dict[str, Any]]] = {}
    voided: dict[tuple[Any, str], list[dict[str, Any]]] = {}
    cur = conn.execute(
        "SELECT seq, ts, user_id, role, action, instance_id, old_value, new_value "
        "FROM audit_trail WHERE action IN (?, ?) ORDER BY seq",
        (A.SIGN, A.SIGNATURE_INVALIDATED))
    for seq, ts, user_id, role, action, iid, old, new in cur:
        row = dict(seq=seq, ts=ts, user_id=user_id, role=role, old=old, new=new)
        if action == A.SIGN:
            signed.setdefault((iid, ts), []).append(row)
        else:
            voided.setdefault((iid, old), []).append(row)
    sigs = conn.execute(
        "SELECT id, instance_id, user_id, full_name, role, meaning, signed_at, data_hash, "
        "valid, invalidated_at FROM signatures ORDER BY id").fetchall()
    for (sid, iid, user_id, full_name, role, meaning, signed_at, stored_hash, valid,
         invalidated_at) in sigs:
        label = f"signature {sid} (form instance {iid}, {full_name}, {signed_at})"
        candidates = signed.get((iid, signed_at), [])
        if not candidates:
            problems.append(f"{label}: no audit row records this signature: it was not made "
                            "by the program (forged, or its time was changed)")
        else:
            # The candidate that agrees on who signed, else the first: each is used once.
            match = next((r for r in candidates if r["user_id"] == user_id), candidates[0])
            candidates.remove(match)
            problems.extend(_disagreements(label, match, user_id, role, full_name, meaning))
        void = voided.get((iid, f"signed by {full_name} at {signed_at}"), [])
        if valid and void:
            problems.append(f"{label}: marked valid, but audit row {void[0]['seq']} records "
                            "it as invalidated: it was made valid again behind the program")
        elif not valid and not void:
            problems.append(f"{label}: marked invalid, but no audit row records why")
        elif not valid and void and void[0]["ts"] != invalidated_at:
            problems.append(f"{label}: invalidated at {invalidated_at} in the table but at "
                            f"{void[0]['ts']} by audit row {void[0]['seq']}")
        if valid:
            problems.extend(_hash_problem(store, label, iid, stored_hash))
        if len(problems) >= limit:
            return problems[:limit]
    for rows in signed.values():
        for r in rows:
            problems.append(f"audit row {r['seq']} records a signature ({r['new']}) that is "
                            "not in the signatures table: the signature row was removed")
    return problems[:limit]


def _disagreements(label: str, audit_row: dict[str, Any], user_id: str, role: str,
                   full_name: str, meaning: str) -> list[str]:
    out = []
    seq = audit_row["seq"]
    if audit_row["user_id"] != user_id:
        out.append(f"{label}: signed by {user_id!r} in the table but by "
                   f"{audit_row['user_id']!r} by audit row {seq}")
    if audit_row["role"] != role:
        out.append(f"{label}: role {role!r} in the table but {audit_row['role']!r} by audit "
                   f"row {seq}")
    if audit_row["new"] != f"{full_name}: {meaning}":
        out.append(f"{label}: name and meaning {full_name!r}: {meaning!r} in the table but "
                   f"{audit_row['new']!r} by audit row {seq}")
    return out


def _hash_problem(store: "Store", label: str, iid: int, stored_hash: str) -> list[str]:
    """The signed data as it is now against the fingerprint kept when it was signed."""
    try:
        rec = store.forms.get_instance(iid)
    except (AlsDeskError, KeyError, ValueError, sqlite3.Error) as exc:
        return [f"{label}: the signed form cannot be read ({exc})"]
    if data_hash(rec) != stored_hash:
        return [f"{label}: the signed data is not what was signed (its fingerprint differs): "
                "the data or the signature row was changed behind the program"]
    return []


# -- schema ---------------------------------------------------------------------------------


def schema_problems(conn: sqlite3.Connection, study, limit: int = LIMIT) -> list[str]:
    """Tables, views, columns and triggers of the file against what the program creates."""
    want = _expected(study, schema.file_version(conn))
    have = _layout(conn)
    form_ids = set(study.forms)
    evidence = _form_evidence(conn)
    problems: list[str] = []
    for name in sorted(set(want["table"]) | set(have["table"])):
        if name not in have["table"]:
            # A form table the program has not made yet (a study definition newer than the
            # file, opened read-only since) is added at the next writable open.
            if name in form_ids and name not in evidence:
                continue
            problems.append(f"table {name} is missing: it was dropped")
            continue
        if name not in want["table"]:
            # Data entered under an older study definition stays in the file.
            if name not in evidence:
                problems.append(f"table {name} was added behind the program")
            continue
        wanted, got = want["table"][name], have["table"][name]
        for col in [c for c in wanted if c not in got]:
            if name in form_ids and col not in evidence.get(name, set()):
                continue  # a field newer than the file: added at the next writable open
            problems.append(f"column {name}.{col} is missing: it was dropped")
        for col in [c for c in got if c not in wanted]:
            if name in form_ids and col in evidence.get(name, set()):
                continue  # a field of an older study definition, kept with its data
            problems.append(f"column {name}.{col} was added behind the program")
    for kind in ("trigger", "view"):
        for name in sorted(set(want[kind]) | set(have[kind])):
            if name not in have[kind]:
                problems.append(f"{kind} {name} is missing: it was dropped"
                                + (f" ({_protected(want[kind][name])} no longer protected "
                                   "against changes)" if kind == "trigger" else ""))
            elif name not in want[kind]:
                problems.append(f"{kind} {name} was added behind the program: "
                                f"{_short(have[kind][name])}")
            elif _norm(have[kind][name]) != _norm(want[kind][name]):
                problems.append(f"{kind} {name} was changed behind the program: "
                                f"{_short(have[kind][name])}")
    return problems[:limit]


# What each table's triggers protect, as a verify line says it.
_PROTECTS = {"audit_trail": "the audit trail is", "ctcae_terms": "the CTCAE terms are",
             "ctcae_versions": "the record of the CTCAE imports is"}


def _protected(sql: str) -> str:
    """Whose protection a dropped trigger was: the table its expected SQL is ON."""
    table = re.search(r"\bON\s+\"?(\w+)", sql, re.IGNORECASE)
    name = table[1] if table else "?"
    return _PROTECTS.get(name, f"table {name} is")


def _expected(study, version: int) -> dict[str, dict[str, Any]]:
    """The layout a new file of this study gets in that format, made by the program's own
    code in memory."""
    mem = sqlite3.connect(":memory:")
    try:
        schema.create_schema(mem, study, "1970-01-01T00:00:00+00:00", upto=version)
        return _layout(mem)
    finally:
        mem.close()


def _layout(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {"table": {}, "trigger": {}, "view": {}}
    for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger', "
            "'view') AND name NOT LIKE 'sqlite_%'").fetchall():
        if kind == "table":
            out["table"][name] = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        else:
            out[kind][name] = sql or ""
    return out


def _form_evidence(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Form -> columns the audit trail shows the program made or filled in this file."""
    out: dict[str, set[str]] = {}
    for form_id, field_id, action in conn.execute(
            "SELECT DISTINCT form, field, action FROM audit_trail WHERE form IS NOT NULL "
            "AND field IS NOT NULL"):
        cols = out.setdefault(form_id, set())
        cols.add(schema.missing_column(field_id) if action.startswith("code.") else field_id)
    for (added,) in conn.execute(
            "SELECT field FROM audit_trail WHERE action = ? AND field LIKE '%.%'", (A.SCHEMA,)):
        form_id, _, col = added.partition(".")
        out.setdefault(form_id, set()).add(col)
    for (form_id,) in conn.execute("SELECT DISTINCT form FROM form_instances"):
        out.setdefault(form_id, set())
    return out


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def _short(sql: str) -> str:
    text = _norm(sql)
    return text if len(text) <= 120 else text[:117] + "..."
