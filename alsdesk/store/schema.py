"""The database file: opening it safely, its tables, and schema versions.

A file is inspected read-only before anything is written to it, so a file that is not ours,
is newer than this program, or is damaged is left byte-for-byte as it was.
"""
from __future__ import annotations

import os
import re
from alsdesk.store import sqldb
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


from alsdesk.errors import StoreError
from alsdesk.store.filekind import refuse_odd_side_files, refuse_special
from alsdesk.study.model import Field, Form, Study

# 'ALSD' in the header's application_id slot: lets us tell our files from other SQLite files.
APPLICATION_ID = 0x414C5344
SCHEMA_VERSION = 4
SQLITE_MAGIC = b"SQLite format 3\x00"
GENESIS_HASH = "0" * 64

# The store's own tables; the study definition loader refuses forms with these names.
SYSTEM_TABLES = (
    "meta",
    "settings",
    "users",
    "subjects",
    "form_instances",
    "signatures",
    "queries",
    "audit_trail",
    "locks",
    "ctcae_versions",
    "ctcae_terms",
    "study_versions",
    "second_entries",
    "entry_differences",
)

_BASE_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE users (
    user_id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('nurse', 'investigator', 'monitor', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT
);
CREATE TABLE subjects (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    number INTEGER NOT NULL UNIQUE,
    initials TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE form_instances (
    id INTEGER PRIMARY KEY,
    subject_id INTEGER NOT NULL REFERENCES subjects(id),
    event TEXT NOT NULL,
    event_repeat INTEGER NOT NULL DEFAULT 1,
    form TEXT NOT NULL,
    repeat INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL,
    status_before_lock TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    completed_at TEXT,
    verified_at TEXT,
    verified_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (subject_id, event, event_repeat, form, repeat)
);
CREATE INDEX form_instances_subject ON form_instances(subject_id, event, form);
CREATE TABLE signatures (
    id INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL REFERENCES form_instances(id),
    user_id TEXT NOT NULL REFERENCES users(user_id),
    full_name TEXT NOT NULL,
    role TEXT NOT NULL,
    meaning TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    data_hash TEXT NOT NULL,
    valid INTEGER NOT NULL DEFAULT 1,
    invalidated_at TEXT,
    invalidated_reason TEXT
);
CREATE INDEX signatures_instance ON signatures(instance_id);
CREATE TABLE queries (
    id INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL REFERENCES form_instances(id),
    field TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    raised_by TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    answer TEXT,
    answered_by TEXT,
    answered_at TEXT,
    closed_by TEXT,
    closed_at TEXT,
    close_note TEXT
);
CREATE INDEX queries_instance ON queries(instance_id);
CREATE INDEX queries_status ON queries(status);
CREATE TABLE audit_trail (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    user_id TEXT,
    role TEXT,
    action TEXT NOT NULL,
    subject TEXT,
    event TEXT,
    event_repeat INTEGER,
    form TEXT,
    repeat INTEGER,
    instance_id INTEGER,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit_trail(subject);
CREATE INDEX audit_instance ON audit_trail(instance_id, field);
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be deleted'); END;
"""


# Format 2: the CTCAE terminology (alsdesk/safety/ctcae.py), imported once per version and
# never changed after: the grades a term allows are part of what an adverse event means.
_CTCAE_SCHEMA = """
CREATE TABLE ctcae_versions (
    version TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sheet TEXT NOT NULL,
    terms INTEGER NOT NULL,
    digest TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);
CREATE TABLE ctcae_terms (
    version TEXT NOT NULL REFERENCES ctcae_versions(version),
    code INTEGER NOT NULL,
    soc TEXT NOT NULL,
    term TEXT NOT NULL,
    grade1 TEXT,
    grade2 TEXT,
    grade3 TEXT,
    grade4 TEXT,
    grade5 TEXT,
    definition TEXT,
    note TEXT,
    PRIMARY KEY (version, code),
    UNIQUE (version, term)
);
CREATE TRIGGER ctcae_versions_no_update BEFORE UPDATE ON ctcae_versions
BEGIN SELECT RAISE(ABORT, 'an imported terminology cannot be changed'); END;
CREATE TRIGGER ctcae_versions_no_delete BEFORE DELETE ON ctcae_versions
BEGIN SELECT RAISE(ABORT, 'an imported terminology cannot be deleted'); END;
CREATE TRIGGER ctcae_terms_no_update BEFORE UPDATE ON ctcae_terms
BEGIN SELECT RAISE(ABORT, 'an imported terminology cannot be changed'); END;
CREATE TRIGGER ctcae_terms_no_delete BEFORE DELETE ON ctcae_terms
BEGIN SELECT RAISE(ABORT, 'an imported terminology cannot be deleted'); END;
"""


# Format 3: the study definition lives in the file (alsdesk/store/definitions.py), one row
# per version, never changed after; each form instance says which version it was entered
# and last changed under. Files of format 2 had no such column: their instances were all
# made under the definition stored as version 1 when they are migrated.
_DEFINITIONS_SCHEMA = """
CREATE TABLE study_versions (
    version INTEGER PRIMARY KEY,
    crf_version TEXT NOT NULL UNIQUE,
    study_id TEXT NOT NULL,
    definition TEXT NOT NULL,
    companions TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    loaded_by TEXT,
    reason TEXT NOT NULL
);
CREATE TRIGGER study_versions_no_update BEFORE UPDATE ON study_versions
BEGIN SELECT RAISE(ABORT, 'a stored study definition cannot be changed: amend it'); END;
CREATE TRIGGER study_versions_no_delete BEFORE DELETE ON study_versions
BEGIN SELECT RAISE(ABORT, 'a stored study definition cannot be deleted'); END;
ALTER TABLE form_instances ADD COLUMN crf_entered INTEGER NOT NULL DEFAULT 1;
ALTER TABLE form_instances ADD COLUMN crf_changed INTEGER NOT NULL DEFAULT 1
"""


# Format 4: double data entry (alsdesk/store/double.py). A form's second, blind keying is
# kept apart from the form's table, with what the comparison found; each difference with
# its resolution. Numbers are never reused (AUTOINCREMENT): a withdrawn second entry's
# audit rows name it, and the next one must not take its number. Every row and change of these tables has its audit rows (verify_double).
_DOUBLE_SCHEMA = """
CREATE TABLE second_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id INTEGER NOT NULL UNIQUE REFERENCES form_instances(id),
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    entry TEXT NOT NULL,
    first_by TEXT NOT NULL,
    fields INTEGER NOT NULL,
    differences INTEGER NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT
);
CREATE TABLE entry_differences (
    entry_id INTEGER NOT NULL REFERENCES second_entries(id),
    field TEXT NOT NULL,
    first_value TEXT,
    first_missing TEXT,
    second_value TEXT,
    second_missing TEXT,
    chosen TEXT CHECK (chosen IN ('first', 'second', 'other')),
    resolved_value TEXT,
    resolved_missing TEXT,
    reason TEXT,
    resolved_by TEXT,
    resolved_at TEXT,
    PRIMARY KEY (entry_id, field)
)
"""


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.executescript(_BASE_SCHEMA)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    for statement in _CTCAE_SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)  # not executescript: it would commit the open transaction


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    for statement in _DEFINITIONS_SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def restore_ctcae_terms(conn: sqlite3.Connection) -> list[str]:
    """Make again, in the caller's transaction, the table ctcae_terms and its triggers where
    they were dropped behind the program, as format 2 makes them (so verify finds the layout
    it expects); their names. Only the repair of alsdesk.safety.ctcae_import calls it, once
    it has proven the terms it puts back are the ones imported."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    made = []
    for statement in _CTCAE_SCHEMA.split(";\n"):
        name = re.match(r"\s*CREATE (?:TABLE|TRIGGER) (\w+)", statement)
        if name and name[1].startswith("ctcae_terms") and name[1] not in have:
            conn.execute(statement)
            made.append(name[1])
    return made


def _migrate_to_4(conn: sqlite3.Connection) -> None:
    for statement in _DOUBLE_SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)


# version -> step that brings a file from version-1 to version. Steps run inside the opening
# transaction; a file is never left half-migrated.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_to_1, 2: _migrate_to_2, 3: _migrate_to_3, 4: _migrate_to_4}


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def file_version(conn: sqlite3.Connection) -> int:
    """The format the file says it has (what verify compares it with: a read-only file of an
    older format is not migrated, and is not missing the newer tables)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return min(int(row[0]), SCHEMA_VERSION) if row else SCHEMA_VERSION
    except ValueError:
        return SCHEMA_VERSION  # a damaged meta row: compared with the newest, and reported


def missing_column(field_id: str) -> str:
    """The column that holds a field's missing-data code, beside its value column."""
    return f"{field_id}__missing"


def form_columns(form: Form) -> dict[str, type]:
    """Column name -> Python type for a form's table (without instance_id)."""
    cols: dict[str, type] = {}
    for f in form.fields:
        cols[f.id] = _field_type(f)
        if f.missing:
            cols[missing_column(f.id)] = str
    return cols


def _field_type(f: Field) -> type:
    if f.codelist is not None:
        return int if f.codelist.data_type == "integer" else str
    return f.type.sql_type


@dataclass(frozen=True)
class FileInfo:
    """What a read-only look at a database file found."""

    study_id: str | None
    schema_version: int


def _refuse_locked(path: Path) -> None:
    """An encrypted file is looked at only with its key unlocked; without, an encrypted
    database (its key file beside it) is told from a file that is no database."""
    from alsdesk.keyslots import key_file

    if sqldb.unlocked(path):
        return
    if key_file(path).exists():
        raise sqldb.Encrypted(f"{path} is encrypted: it opens after a login (or with its "
                              "recovery key).")
    raise StoreError(
        f"{path} is not an ALS Desk database (it is not an SQLite file, or it is truncated "
        f"or damaged, or encrypted without its key file {path.name}.keys beside it). Check "
        "that you opened the right file; restore a backup if this was your database.")


def inspect_file(path: Path, *, quick_check: bool = True) -> FileInfo:
    """Look at a file read-only and raise StoreError if it is not a usable ALS Desk file.

    ``quick_check=False`` leaves out SQLite's quick check (for a second connection to a file
    this program has just checked, such as a worker's).
    """
    if not path.parent.is_dir():
        raise StoreError(
            f"The folder {path.parent} is not there. If the database is on a USB stick or a "
            "network drive, check that it is connected; otherwise pick the right folder."
        )
    if not path.exists():
        raise StoreError(
            f"There is no database at {path}. Create one with 'alsdesk init' or pick "
            "another file."
        )
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file. Pick the .db file inside it.")
    # A FIFO would block the open below for ever; a device or socket is no database either.
    refuse_special(path)
    refuse_odd_side_files(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError:
        raise StoreError(
            f"The database {path} cannot be read: this account has no permission. Ask the "
            "administrator of the workstation to give read and write access to the file."
        ) from None
    except OSError as exc:
        raise StoreError(f"The database {path} cannot be read: {exc.strerror}.") from None
    if len(header) >= 100 and not header.startswith(SQLITE_MAGIC) and sqldb.is_encrypted(path):
        _refuse_locked(path)  # SQLCipher's: the key this process unlocked opens it, or not
    elif len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{path} is not an ALS Desk database (it is not an SQLite file, or it is "
            "truncated or damaged). Check that you opened the right file; restore a backup "
            "if this was your database."
        )
    # The application id is read through SQLite, not from the header bytes: in a database
    # that has not been checkpointed yet (a new file, or one left by a crash) the current
    # first page is still in the write-ahead log.
    try:
        conn = open_readonly(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise StoreError(
                    f"{path} is an SQLite file but not an ALS Desk database. Check that you "
                    "opened the right file."
                )
            rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            check = _opening_check(conn, path) if quick_check else ["ok"]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            raise StoreError(
                f"The database {path} is locked by another program (for example an SQLite "
                "browser, a backup or sync tool). Close that program, then try again."
            ) from None
        raise _damaged(path, exc) from None
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        # UnicodeError: SQLite's message quotes schema text that a flipped bit left invalid.
        raise _damaged(path, exc) from None
    if check != ["ok"]:
        raise _damaged(path, "; ".join(check))
    version = int(rows.get("schema_version", "0"))
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The database {path} was written by a newer version of ALS Desk (file format "
            f"{version}, this program understands up to {SCHEMA_VERSION}). Install the newer "
            "version; this program will not touch the file."
        )
    return FileInfo(study_id=rows.get("study_id"), schema_version=version)


# Up to this size the whole file is quick-checked at every open (well under a second); a
# larger file gets the cheap checks below, and the full check runs in `alsdesk verify`, after
# a crash (stale lock) and on every backup.
# SQLite's quick check reads the whole file (about 1.3 ms per MB): files up to this size are
# checked before they are opened; larger ones get the cheap checks below at once and the
# quick check in the background (``quick_check``, called by the GUI after the login).
QUICK_CHECK_LIMIT = 64 * 1024 * 1024


def checked_at_open(path: Path) -> bool:
    """True when opening `path` runs SQLite's quick check (the file is not huge)."""
    return path.stat().st_size <= QUICK_CHECK_LIMIT


def quick_check(path: Path) -> list[str]:
    """SQLite's quick check of the whole file on its own read-only connection (["ok"])."""
    conn = open_readonly(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    finally:
        conn.close()


def _opening_check(conn: sqlite3.Connection, path: Path) -> list[str]:
    """SQLite's quick check for files of normal size; page count and schema for huge ones."""
    if checked_at_open(path):
        return [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    # int(): on an encrypted file SQLCipher answers PRAGMA page_size itself, as text
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    wal = Path(str(path) + "-wal")
    if (not wal.exists() or wal.stat().st_size == 0) and path.stat().st_size < pages * page_size:
        return [f"the file is shorter ({path.stat().st_size} bytes) than its {pages} pages: "
                "it was truncated"]
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return ["ok"]


def _damaged(path: Path, detail: object) -> StoreError:
    return StoreError(
        f"The database {path} is damaged or unreadable ({detail}). Restore the latest "
        "backup; do not keep working on this file."
    )


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes to the file, even in a read-only folder.

    SQLite needs to create the WAL index beside a WAL database to read it. In a folder this
    account cannot write to, or on a disk mounted read-only (a write-protected stick), and
    with no WAL file there holding changes, the file is read as immutable instead: nobody
    can be writing it there, so nothing is missed. A FIFO or device is refused before
    SQLite opens it (opening a FIFO blocks for ever).
    """
    refuse_special(path)
    base = path.resolve().as_uri()
    conn = None
    try:
        conn = sqlite3.connect(f"{base}?mode=ro", uri=True, timeout=1.0, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        readonly_dir = "readonly" in str(exc).lower() or "READONLY" in str(
            getattr(exc, "sqlite_errorname", ""))
        # In a read-only folder a writer may still hold the files open: any WAL file means
        # changes may be pending. On a read-only disk nobody writes: only a WAL that holds
        # pages matters (an empty one is what a checkpointed close leaves).
        if readonly_dir and not Path(str(path) + "-wal").exists():
            pass
        elif not (_on_read_only_disk(path) and not _wal_has_changes(path)):
            raise
    return sqlite3.connect(f"{base}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _on_read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(Path(path).parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no such folder, or not POSIX
        return False


def _wal_has_changes(path: Path) -> bool:
    """Whether a WAL file beside `path` may hold pages the database file lacks (then the
    immutable read would show an older state: refused, the caller says why)."""
    try:
        return os.stat(str(path) + "-wal").st_size > 0
    except OSError:
        return False


def utils(conn: sqlite3.Connection):
    """sqlite-utils over a connection, for creating and altering tables.

    Imported only when the schema changes: the import costs a tenth of a second at start-up.
    """
    import sqlite_utils

    return sqlite_utils.Database(conn, execute_plugins=False)


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with the pragmas every connection of ours uses."""
    conn = sqlite3.connect(str(path), timeout=0.5, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    if str(path) != ":memory:":
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"The database {path} cannot use write-ahead logging ({mode}).")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def create_schema(conn: sqlite3.Connection, study: Study, now: str,
                  upto: int = SCHEMA_VERSION) -> None:
    """Lay down the base tables and the form tables in a new, empty file (`upto`: as a file
    of that older format has them, for verify to compare an unmigrated file with)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with utils(conn).atomic():
        for version in sorted(MIGRATIONS):
            if version <= upto:
                MIGRATIONS[version](conn)
        meta = {
            "schema_version": str(upto),
            "study_id": study.id,
            "protocol": study.protocol,
            "created_at": now,
            "audit_head": f"0:{GENESIS_HASH}",
        }
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        sync_form_tables(conn, study)


def migrate(conn: sqlite3.Connection, from_version: int) -> list[int]:
    """Run the migration steps a file needs, in the caller's transaction; returns them."""
    applied = []
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
        applied.append(version)
    if applied:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
        )
    return applied


def sync_form_tables(conn: sqlite3.Connection, study: Study) -> list[str]:
    """Create missing form tables and columns; returns "form.column" for each one added.

    A field added to the study definition becomes a new column; nothing is ever dropped, so
    data entered under an older definition stays in the file.
    """
    added: list[str] = []
    db = None
    for form in study.forms.values():
        wanted = form_columns(form)
        have = {row[1] for row in conn.execute(f'PRAGMA table_info("{form.id}")')}
        if have and all(name in have for name in wanted):
            continue
        if have or _had_data(conn, form.id, None):
            _refuse_lost(conn, form.id, [n for n in wanted if n not in have], bool(have))
        db = db or utils(conn)
        table = db.table(form.id)
        if not have:
            table.create(
                {"instance_id": int, **wanted},
                pk="instance_id",
                foreign_keys=[("instance_id", "form_instances", "id")],
            )
            continue
        for name, col_type in wanted.items():
            if name not in have:
                table.add_column(name, col_type)
                added.append(f"{form.id}.{name}")
    return added


def _had_data(conn: sqlite3.Connection, form_id: str, column: str | None) -> bool:
    """Whether the audit trail shows values recorded in this form (or this column of it)."""
    if column is None:
        sql, args = "SELECT 1 FROM audit_trail WHERE form = ? AND field IS NOT NULL LIMIT 1", \
            (form_id,)
    else:
        code = column.endswith("__missing")  # missing_column: where a field's code goes
        field = column[:-len("__missing")] if code else column
        sql, args = ("SELECT 1 FROM audit_trail WHERE form = ? AND field = ? AND action LIKE ? "
                     "LIMIT 1", (form_id, field, "code.%" if code else "value.%"))
    return conn.execute(sql, args).fetchone() is not None


def _refuse_lost(conn: sqlite3.Connection, form_id: str, missing: list[str],
                 table_there: bool) -> None:
    """A table or column the audit trail shows holding data is not "new": it was dropped or
    renamed (a flipped bit in the schema text, an edit with an SQLite tool). Adding an empty
    one would show every recorded value as blank, so the file is refused as damaged."""
    lost = [c for c in missing if _had_data(conn, form_id, c)] if table_there else [form_id]
    if lost:
        where = (f"the table {form_id}" if not table_there
                 else f"the column(s) {', '.join(form_id + '.' + c for c in lost)}")
        raise StoreError(
            f"The database is damaged: {where} held recorded values (the audit trail says so) "
            "and is no longer in the file. Nothing was changed. Run 'alsdesk verify', and "
            "restore the latest good backup.")
