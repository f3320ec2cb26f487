"""The study definitions a database holds: version 1 made with the file, one per amendment.

A file opens with the newest definition stored in it, never with the one the program brings
(that is only the default for new files), so a database is self-describing: the text an
inspector reads in it is the text the data were entered under. Rows are never changed or
deleted (triggers of format 3); each has its audit row, which records every column of the
row, so a row rewritten behind the program, with its triggers dropped, is found by `verify`;
one whose text is not the one loaded is refused at opening (alsdesk/store/definition_checks.py).
"""
from __future__ import annotations

import dataclasses
import json
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from alsdesk.errors import DefinitionError, StoreError
from alsdesk.store.audit import A, utc_now
from alsdesk.study.loader import load_study_text
from alsdesk.study.model import Study
from alsdesk.study.versions import digest

if TYPE_CHECKING:
    from alsdesk.store.core import Store

# The rows that make a version: the first, then each amendment (their order in the trail is
# the order of the versions; replay counts them to know which version was in force).
DEFINE_ACTIONS = (A.STUDY_DEFINE, A.STUDY_AMEND)
# Parsed stored definitions by digest: a file is opened many times in one process (workers,
# the tests) and its definitions never change.
_PARSED: dict[str, Study] = {}


@dataclass(frozen=True)
class StoredVersion:
    """One row of study_versions, without its text."""

    version: int
    crf_version: str
    study_id: str
    sha256: str
    loaded_at: str
    loaded_by: str | None
    reason: str


def has_table(conn: sqlite3.Connection) -> bool:
    """False for a file of format 2 opened read-only (not migrated: no versions yet)."""
    from alsdesk.store.schema import has_table as exists

    return exists(conn, "study_versions")


def version_column(conn: sqlite3.Connection, column: str) -> str:
    """The SQL for form_instances.<column> (crf_entered, crf_changed) as `fi`: 1 in a file
    of format 2 opened read-only, which has one definition and no column for it."""
    return f"fi.{column}" if has_table(conn) else "1"


def forms_entered(conn: sqlite3.Connection) -> dict[int, int]:
    """Stored version -> how many form instances were entered under it."""
    if not has_table(conn):
        return {}
    return dict(conn.execute(
        "SELECT crf_entered, count(*) FROM form_instances GROUP BY crf_entered"))


def labels(conn: sqlite3.Connection) -> dict[int, str]:
    """Stored version -> its CRF version label ({} in a file of format 2)."""
    return {v.version: v.crf_version for v in versions(conn)}


def versions(conn: sqlite3.Connection) -> list[StoredVersion]:
    """The stored versions, oldest first ([] in a file of format 2)."""
    if not has_table(conn):
        return []
    return [StoredVersion(*r) for r in conn.execute(
        "SELECT version, crf_version, study_id, sha256, loaded_at, loaded_by, reason "
        "FROM study_versions ORDER BY version")]


def latest_number(conn: sqlite3.Connection) -> int:
    """The newest version's number; 0 when none is stored (a format 2 file)."""
    if not has_table(conn):
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM study_versions").fetchone()[0]


def study_at(conn: sqlite3.Connection, version: int, where: str = "the database", *,
             check: bool = True) -> Study:
    """The definition stored as `version`, parsed (StoreError when it is not there or this
    program cannot read it)."""
    row = conn.execute("SELECT study_id, crf_version, definition, companions, sha256 "
                       "FROM study_versions WHERE version = ?", (version,)).fetchone()
    if row is None:
        raise StoreError(f"{where} holds no study definition version {version}.")
    study_id, crf, text, companions, sha = row
    try:
        parts = json.loads(companions)
        actual = digest(text, parts)
    except (ValueError, TypeError, AttributeError):
        parts, actual = None, None
    if actual != sha and check:
        raise StoreError(
            f"The study definition stored in {where} (version {version}, CRF {crf}) is not "
            "the one loaded (its SHA-256 differs from the one recorded): it was changed "
            "outside ALS Desk. Run 'alsdesk verify' and restore the latest good backup.")
    if actual in _PARSED:  # keyed by what the text is, not by what the row says it is
        return _PARSED[actual]
    name = f"{study_id} CRF {crf} (version {version} stored in {where})"
    try:
        study = load_study_text(text, name, parts if isinstance(parts, dict) else {})
    except (DefinitionError, ValueError, TypeError) as exc:
        raise StoreError(
            f"The study definition stored in {where} (version {version}, CRF {crf}) cannot be "
            f"read by this program: {exc}. Run 'alsdesk verify'; if the file is intact, use "
            "the ALS Desk version that made it.") from None
    if actual is not None:
        _PARSED[actual] = study
    return study


def latest_study(conn: sqlite3.Connection, where: str = "the database", *,
                 check: bool = True) -> Study | None:
    number = latest_number(conn)
    return study_at(conn, number, where, check=check) if number else None


def describe(version: int, study: Study) -> str:
    """How the audit trail names a stored version: number, study, CRF label, digest."""
    return f"version {version}: {study.id} CRF {study.crf_version} sha256:{study.digest}"


def store_version(store: "Store", study: Study, reason: str, *, ts: str | None = None) -> int:
    """Store `study` as the next version, with its audit row, in the caller's transaction.

    The user acting (None before the first account exists) is both loaded_by and the audit
    row's user: verify holds one against the other."""
    conn = store.conn
    number = latest_number(conn) + 1
    previous = describe(number - 1, study_at(conn, number - 1)) if number > 1 else None
    ts = ts or utc_now()
    conn.execute(
        "INSERT INTO study_versions (version, crf_version, study_id, definition, companions, "
        "sha256, loaded_at, loaded_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (number, study.crf_version, study.id, study.text,
         json.dumps(dict(study.companions), ensure_ascii=False, sort_keys=True),
         study.digest, ts, store.user_id, reason))
    store.audit(A.STUDY_DEFINE if number == 1 else A.STUDY_AMEND, ts=ts,
                old_value=previous, new_value=describe(number, study), reason=reason)
    return number


def version_marks(conn: sqlite3.Connection) -> list[int]:
    """The audit seq of each define/amend row, oldest first: the version in force at a row
    is the number of marks before it (at least 1: a format 2 file's data came first)."""
    return [r[0] for r in conn.execute(
        f"SELECT seq FROM audit_trail WHERE action IN ({', '.join('?' * len(DEFINE_ACTIONS))}) "
        "ORDER BY seq", DEFINE_ACTIONS)]


class RowVersions:
    """The definition version each audit row of a form was written under: the one in force
    at the row, which is the number of define/amend rows before it (at least 1: a format 2
    file's data came first); but the rows of a save that created a form under an earlier
    version (an ODM import: A.FORM_VERSION, same form, same time stamp) are of that one.
    Verify checks crf_entered and crf_changed by it, and the casebook reads each row's value
    under it (a label amended later is not the label the row was entered with)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.marks = version_marks(conn) if has_table(conn) else []
        # (instance, time stamp) -> the version named by its form.crf_version row
        self.pins: dict[tuple[int, str], int] = {}
        if self.marks:
            for iid, ts, named in conn.execute(
                    "SELECT instance_id, ts, new_value FROM audit_trail WHERE action = ?",
                    (A.FORM_VERSION,)):
                self.pins[(iid, ts)] = pinned_number(named)

    def at(self, seq: int, instance_id: int | None = None, ts: str | None = None) -> int:
        from bisect import bisect_left

        if self.pins and (instance_id, ts) in self.pins:
            return self.pins[(instance_id, ts)]
        return max(1, bisect_left(self.marks, seq))


def pinned_number(named: str | None) -> int:
    """The version number a form.crf_version row names ("version 1: ..."); 0 if none."""
    head = (named or "").partition(":")[0]
    number = head.removeprefix("version ")
    return int(number) if head.startswith("version ") and number.isdigit() else 0


def layout_study(conn: sqlite3.Connection, study: Study) -> Study:
    """`study` with every form and field any stored version had: the tables keep a removed
    field's column (nothing is ever dropped), so verify expects it, and replay reads values
    the trail holds for it."""
    older = [study_at(conn, v.version) for v in versions(conn)[:-1]]
    if not older:
        return study
    forms = dict(study.forms)
    for old in reversed(older):  # the newest definition of a field wins
        for form_id, form in old.forms.items():
            if form_id not in forms:
                forms[form_id] = form
                continue
            have = set(forms[form_id].field_ids)
            extra = tuple(f for f in form.fields if f.id not in have)
            if extra:
                forms[form_id] = dataclasses.replace(forms[form_id],
                                                     fields=forms[form_id].fields + extra)
    return dataclasses.replace(study, forms=forms)


def instance_version_problems(conn: sqlite3.Connection) -> list[str]:
    """Each form instance's crf_entered and crf_changed against the trail: the version its
    form.create row, and its last value or code row, were written under (RowVersions)."""
    from alsdesk.store.audit import CODE_ACTIONS, VALUE_ACTIONS
    from alsdesk.textcheck import shown as shown_text

    if not has_table(conn):
        return []
    versions_at = RowVersions(conn)
    out = []
    # a form created under an earlier version names one the file holds, as stored
    stored = {v.version: f"version {v.version}: {v.study_id} CRF {v.crf_version} "
                         f"sha256:{v.sha256}" for v in versions(conn)}
    for iid, named in conn.execute("SELECT instance_id, new_value FROM audit_trail WHERE "
                                   "action = ? ORDER BY seq", (A.FORM_VERSION,)):
        if stored.get(pinned_number(named)) != named:
            out.append(f"form instance {iid}: its audit trail says it was created under "
                       f"{shown_text(named)}, which is not a definition this file holds")
    entered: dict[int, int] = {}
    changed: dict[int, int] = {}
    acts = (A.FORM_CREATE, *VALUE_ACTIONS, *CODE_ACTIONS)
    for seq, ts, action, iid in conn.execute(
            f"SELECT seq, ts, action, instance_id FROM audit_trail WHERE instance_id IS NOT "
            f"NULL AND action IN ({', '.join('?' * len(acts))}) ORDER BY seq", acts):
        version = versions_at.at(seq, iid, ts)
        if action == A.FORM_CREATE:
            entered[iid] = version
        changed[iid] = version
    for iid, crf_entered, crf_changed in conn.execute(
            "SELECT id, crf_entered, crf_changed FROM form_instances ORDER BY id"):
        want = (entered.get(iid), changed.get(iid))
        if iid in entered and (crf_entered, crf_changed) != want:
            out.append(f"form instance {iid}: entered and last changed under definition "
                       f"versions {crf_entered} and {crf_changed} by the table but {want[0]} "
                       f"and {want[1]} by the audit trail")
    return out


def file_study(path) -> Study | None:
    """The newest definition stored in the database file at `path`, read-only; None when
    it keeps none (format 2) or cannot be read (the caller's own checks say why)."""
    from alsdesk.store import schema

    try:
        conn = schema.open_readonly(path)
    except (sqlite3.Error, OSError, StoreError):
        return None
    try:
        return latest_study(conn, str(path), check=False)
    except (sqlite3.Error, StoreError):
        return None
    finally:
        conn.close()


def made_with(study: Study) -> str:
    """The reason version 1 of a new file gives."""
    where = f" from {study.source.name}" if study.source is not None else ""
    return f"the definition the database was created with{where}"


def opening_study(conn: sqlite3.Connection, path, file_study_id: str | None,
                  given: Study | None, *, check: bool = True) -> tuple[Study, int]:
    """The definition a file opens with and its number: the newest stored in it (a file of
    format 2 has none yet: the program's own, stored at its migration). A definition passed
    in (the tests' variants of the trial, a worker's copy of the window's) is used instead,
    if it is of the same study."""
    # Read-only (verify, a look) the text is read even when its digest is not the one
    # recorded, for verify to say so; for writing such a file is refused.
    from alsdesk.study import load_study

    from alsdesk.store.definition_checks import refuse_unrecorded

    stored = latest_study(conn, str(path), check=check)
    if check:
        refuse_unrecorded(conn, path)
    number = latest_number(conn) or 1
    study = given or stored or load_study()
    if check and stored is None:  # format 2: `study` is about to be stored as version 1
        from alsdesk.store.format2 import refuse

        refuse(conn, path, study)
    if stored is not None and stored.id != file_study_id:
        raise StoreError(
            f"{path} says it holds data of study {file_study_id} but the definition stored "
            f"in it is of study {stored.id}: the file was changed outside ALS Desk. Run "
            "'alsdesk verify' and restore the latest good backup.")
    if file_study_id != study.id:
        raise StoreError(
            f"{path} holds data of study {file_study_id}, not {study.id}. Open the database "
            "of this study.")
    return study, number
