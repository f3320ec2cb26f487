"""The Store: one SQLite file, the logged-in user, and the services over them."""
from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import sqlite_utils

from alsdesk.auth import Action, Role, require
from alsdesk.errors import StoreError
from alsdesk.store import audit, schema
from alsdesk.store.audit import A, AuditContext
from alsdesk.study import load_study
from alsdesk.study.model import Study


@dataclass(frozen=True)
class VerifyReport:
    """What `alsdesk verify` found: integrity, audit chain, replay."""

    integrity: list[str]
    chain_rows: int
    chain_problems: list[str]
    replay_problems: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.chain_problems and not self.replay_problems

    def text(self) -> str:
        lines = [
            "SQLite integrity check: " + ("ok" if self.integrity == ["ok"] else "FAILED"),
            *(f"  {p}" for p in self.integrity if p != "ok"),
            f"Audit trail: {self.chain_rows} rows, "
            + ("hash chain intact" if not self.chain_problems else "hash chain BROKEN"),
            *(f"  {p}" for p in self.chain_problems),
            "Replay of the audit trail: "
            + ("matches the data" if not self.replay_problems else "DOES NOT match the data"),
            *(f"  {p}" for p in self.replay_problems),
        ]
        return "\n".join(lines)


class Store:
    """The study database. Create with :meth:`create` or :meth:`open`, then :meth:`login`."""

    def __init__(self, db: sqlite_utils.Database, path: Path, study: Study) -> None:
        from alsdesk.store.forms import FormService
        from alsdesk.store.queries import QueryService
        from alsdesk.store.subjects import SubjectService
        from alsdesk.store.users import UserService

        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.study = study
        self.user_id: str | None = None
        self.role: Role | None = None
        self.full_name: str | None = None
        self.users = UserService(self)
        self.subjects = SubjectService(self)
        self.forms = FormService(self)
        self.queries = QueryService(self)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, study: Study | None = None) -> "Store":
        """Create a new, empty database file (refuses to overwrite an existing file)."""
        path = Path(path)
        study = study or load_study()
        if path.exists():
            raise StoreError(f"{path} already exists: pick a new file name or open it instead.")
        if not path.parent.exists():
            raise StoreError(
                f"The folder {path.parent} does not exist: create it first or pick another."
            )
        try:
            db = schema.connect(path)
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot create the database {path}: {exc}.") from None
        store = cls(db, path, study)
        try:
            schema.create_schema(db, study, audit.utc_now())
            with store.transaction():
                store.audit(A.SCHEMA, new_value=f"created, format {schema.SCHEMA_VERSION}")
        except BaseException:
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            raise
        return store

    @classmethod
    def open(
        cls, path: str | Path, study: Study | None = None, *, readonly: bool = False
    ) -> "Store":
        """Open an existing file after checking, read-only, that it is ours and usable."""
        path = Path(path)
        info = schema.inspect_file(path)
        study = study or load_study()
        if info.study_id != study.id:
            raise StoreError(
                f"{path} holds data of study {info.study_id}, not {study.id}. Open the "
                "database of this study."
            )
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   check_same_thread=False)
            return cls(sqlite_utils.Database(conn, execute_plugins=False), path, study)
        try:
            db = schema.connect(path)
        except sqlite3.OperationalError as exc:
            raise _store_error(path, exc) from None
        store = cls(db, path, study)
        applied = schema.migrate(db, info.schema_version)
        with store.transaction():
            for version in applied:
                store.audit(A.SCHEMA, new_value=f"migrated to format {version}")
            for column in schema.sync_form_tables(db, study):
                store.audit(A.SCHEMA, field=column, new_value="column added")
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and audit -------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the change and its audit rows commit together or not at all."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _store_error(self.path, exc) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise _store_error(self.path, exc) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def audit(
        self, action: str, *, actor: tuple[str, str] | None = None, **cols: object
    ) -> int:
        """Write one audit row as the current user (or `actor`), inside the open transaction."""
        if actor is not None:
            ctx = AuditContext(*actor)
        else:
            ctx = AuditContext(self.user_id, self.role.value if self.role else None)
        return audit.append(self.conn, ctx, action, **cols)

    def require(self, action: Action) -> None:
        """Raise PermissionDenied unless the logged-in user's role allows the action."""
        require(self.role, action)

    # -- sessions ---------------------------------------------------------------------------

    def login(self, user_id: str, password: str):
        """Check the password and make this user the one acting; returns the User."""
        user = self.users.authenticate(user_id, password)
        self.user_id, self.role, self.full_name = user.user_id, user.role, user.full_name
        return user

    def logout(self) -> None:
        if self.user_id is not None:
            with self.transaction():
                self.audit(A.LOGOUT)
        self.user_id = self.role = self.full_name = None

    # -- settings ---------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Change a site setting (administrator), with an audit row."""
        self.require(Action.CHANGE_SETTINGS)
        old = self.setting(key)
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            self.audit(A.SETTING, field=key, old_value=old, new_value=value)

    # -- verification -----------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Integrity check, audit hash chain and audit replay against the tables."""
        integrity = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        chain = audit.verify_chain(self.conn)
        return VerifyReport(
            integrity=integrity,
            chain_rows=chain.rows,
            chain_problems=chain.problems,
            replay_problems=audit.replay_differences(self.conn, self.study),
        )


def _store_error(path: Path, exc: sqlite3.OperationalError) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The database {path} is in use by another ALS Desk window or program. Close it "
            "there, then try again; nothing was saved."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(
            f"The disk holding {path} is full: nothing was saved. Free some space (or ask "
            "IT), then save again."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"The database {path} is read-only for this account: nothing was saved. Ask the "
            "workstation's administrator for write access to the file and its folder."
        )
    if "unable to open" in text:
        return StoreError(f"The database {path} cannot be opened: {exc}.")
    return StoreError(f"The database {path} could not be written ({exc}); nothing was saved.")
