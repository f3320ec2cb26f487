"""The Store: one SQLite file, the logged-in user, and the services over them."""
from __future__ import annotations

import contextlib
import os
from alsdesk.store.sqldb import driver as sqlite3
from pathlib import Path
from typing import Iterator, Sequence


from alsdesk.auth import Action, Role, require
from alsdesk.errors import (
    AuthError, DiskFull, ReadOnlyDatabase, StoreError, WorkflowError,
)
from alsdesk.i18n import tr
from alsdesk.store import (
    audit, cipher, clock, definitions, door, encryption, format2, logins, schema, sqldb,
)
from alsdesk.store.audit import A, AuditContext
# What may reach the trail and the settings (REASON_MAX re-exported: it was defined here)
from alsdesk.store.sink import (  # noqa: F401
    REASON_MAX, SETTING_MAX, _SETTING_KEY, _printable, _readable_reason,
)
from alsdesk.store.lock import DbLock, LockInfo, current_holder
from alsdesk.store.placing import (
    CREATING, clean_restore_leftovers, damage_reported, file_identity, move_into_place,
    refuse_lost_wal, set_aside_orphans,
    on_read_only_disk, refuse_moved_file, refuse_read_only_disk, remove_db_files,
)
from alsdesk.store.verify_report import VerifyReport
from alsdesk.study import load_study
from alsdesk.study.model import Study
from alsdesk.textcheck import text_problem


class Store:
    """The study database. Create with :meth:`create` or :meth:`open`, then :meth:`login`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, study: Study) -> None:
        from alsdesk.store.forms import FormService
        from alsdesk.store.double import DoubleEntryService
        from alsdesk.store.queries import QueryService
        from alsdesk.store.subjects import SubjectService
        from alsdesk.store.users import UserService

        self.conn = conn
        self.path = path
        self.study = study
        # The number of the stored definition in force (alsdesk/store/definitions.py): what
        # each form instance saved now records; 1 for a format 2 file opened read-only.
        self.study_version = 1
        self.user_id: str | None = None
        self.role: Role | None = None
        self.full_name: str | None = None
        # Opened read-only: nothing can be saved (another instance writes, or no access).
        self.readonly = False
        # why the stored definition is not vouched for by the audit trail (a read-only
        # look only; opening for work refuses such a file outright), else None
        self.untrusted: str | None = None
        # Who held the file when an earlier instance crashed without closing it (the stale
        # lock this open cleared), for the GUI to mention and to check the data.
        self.stale_lock: LockInfo | None = None
        # A warning to show when this computer's clock is behind the audit trail (set at
        # opening and at each login: alsdesk/store/clock.py), else None.
        self.clock_warning: str | None = None
        self._lock: DbLock | None = None
        self._closed = False
        # Audit rows of the open transaction, chained in memory and written before COMMIT.
        self._audit_rows: list[list[object]] | None = None
        self._audit_head: tuple[int, str] | None = None
        self._nested = 0  # savepoints open inside the transaction
        # The file this connection writes, as (device, inode): a sync tool or antivirus that
        # renames or deletes the path while it is open leaves SQLite writing to a file no one
        # will find again, so every commit first checks that the path still names it.
        self._identity = file_identity(path)
        # And its WAL and shared-memory files, once the first save has made them.
        self._wal: tuple[int, int] | None = None
        self._shm: tuple[int, int] | None = None
        # The study's CTCAE terms, read at their first use by a check or a screen (they never
        # change once imported; an import here empties it): alsdesk.safety.ctcae.terms_of
        self.terminology: object | None = None
        # The recovery key of a database this call created encrypted, for its one showing;
        # else None (alsdesk/store/encryption.py).
        self.recovery_key: str | None = None
        self.slots = encryption.Slots(self)
        self.users = UserService(self)
        self.subjects = SubjectService(self)
        self.forms = FormService(self)
        self.queries = QueryService(self)
        self.double = DoubleEntryService(self)

    def use_study(self, study: Study, number: int) -> None:
        """Work under another stored definition from now on (an amendment just stored):
        the services keep what they read of the old one, so they are made again."""
        from alsdesk.store.forms import FormService
        from alsdesk.store.double import DoubleEntryService
        from alsdesk.store.queries import QueryService
        from alsdesk.store.subjects import SubjectService
        from alsdesk.store.users import UserService

        self.study, self.study_version = study, number
        self.terminology = None  # an amendment may name another CTCAE version
        self.users = UserService(self)
        self.subjects = SubjectService(self)
        self.forms = FormService(self)
        self.queries = QueryService(self)
        self.double = DoubleEntryService(self)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, study: Study | None = None, *,
               admin: tuple[str, str, str] | None = None, encrypt: bool = False,
               show_key=None) -> "Store":
        """Create a new database file (refuses to overwrite an existing file), open it.

        ``admin`` = (user id, full name, password) adds the first administrator in the same
        step. The file is built under a temporary name beside ``path`` and moved into place
        only when complete, so a program killed halfway leaves no file at ``path`` (a file
        without its schema, study or administrator would be refused, or useless, ever after).

        ``encrypt=True`` (with ``admin``) makes it a SQLCipher file under a new random key,
        its key file beside it with the administrator's slot (alsdesk/store/encryption.py);
        the returned store's ``recovery_key`` is that key, for its one printing
        (``show_key(key)``, when given, is called with it before the file gets its name).
        """
        path = Path(path)
        study = study or load_study()
        if path.exists() or path.is_symlink():
            raise StoreError(tr("{path} already exists: pick a new file name or open it "
                                "instead.").format(path=path))
        if not path.parent.exists():
            raise StoreError(
                tr("The folder {folder} does not exist: create it first or pick "
                   "another.").format(folder=path.parent)
            )
        # The final name's lock is held throughout: a second ALS Desk creating the same file
        # is refused and so never removes or moves our temporary file.
        if encrypt and admin is None:
            raise StoreError("An encrypted database is made with its first administrator.")
        lock = DbLock.acquire(path)
        tmp = path.with_name(path.name + CREATING)
        key = encryption.NewKey.make() if encrypt else None
        try:
            remove_db_files(tmp)  # left by a creation that was killed: never visible, no data
            if key is not None:
                encryption.prepare_new(tmp, key)
            try:
                conn = schema.connect(tmp)
            except sqlite3.Error as exc:
                raise _store_error(path, exc) from None
            building = cls(conn, tmp, study)
            try:
                schema.create_schema(conn, study, audit.utc_now())
                with building.transaction():
                    building.audit(A.SCHEMA, new_value=f"created, format {schema.SCHEMA_VERSION}")
                    if key is not None:  # (verify says so if it is ever found plain)
                        building.audit(A.ENCRYPTED, new_value="SQLCipher 4 (created "
                                       f"encrypted), key {encryption.fingerprint(key.raw)}")
                    if admin is not None:
                        # Made before version 1 is stored, so that the version and its
                        # audit row name the administrator who set the study up.
                        building.users.create_first_admin(*admin)
                    definitions.store_version(building, study, definitions.made_with(study))
            finally:
                conn.close()  # the last connection: SQLite folds the WAL into the file
            if key is not None:  # the key file first: the database never lies there without
                encryption.new_key_file(path, key.raw, key.salt, admin[0], admin[2])
                if show_key is not None:
                    show_key(key.recovery_key)
            move_into_place(tmp, path)
            sqldb.plain_new(tmp)  # (made: its salt opens it under its name now)
            store = cls.open(path, study)  # shares the lock held here (same process)
            store.recovery_key = key.recovery_key if key is not None else None
        except BaseException:
            remove_db_files(tmp)
            lock.release()
            raise
        lock.release()
        return store

    @classmethod
    @damage_reported
    def open(
        cls, path: str | Path, study: Study | None = None, *, readonly: bool = False,
        take_over: bool = False, quick_check: bool = True,
        migration: "format2.Migration | None" = None,
    ) -> "Store":
        """Open an existing file after checking, read-only, that it is ours and usable.

        For writing, the file's lock is taken: DatabaseInUse when another ALS Desk has it
        (its ``holder`` says who, where, since when), ReadOnlyDatabase when this account
        cannot write the file or its folder; both can be answered with ``readonly=True``.
        A stale lock left by a crashed instance is cleared and reported in ``stale_lock``.
        ``take_over=True`` overrides a lock naming another computer (a person's decision).
        ``quick_check=False`` skips SQLite's quick check of the whole file, for a worker's
        second connection to a file the program opened (and checked) already.
        ``migration``: a file of format 2 gets ``study`` as its version 1 from the
        administrator it names (``alsdesk amend``, alsdesk/store/format2.py).
        """
        path = Path(path)
        refuse_read_only_disk(path)
        info = schema.inspect_file(path, quick_check=quick_check)
        if readonly:
            try:
                conn = schema.open_readonly(path)
            except sqlite3.OperationalError as exc:
                raise _store_error(path, exc) from None
            try:
                study, number = definitions.opening_study(conn, path, info.study_id, study, check=False)
            except BaseException:
                conn.close()
                raise
            store = cls(conn, path, study)
            store.readonly, store.study_version = True, number
            # A look is allowed at a file whose stored definition is not the one its audit
            # trail recorded (verify must say so), but nothing is made from it: the reason is
            # kept here, and every command but verify refuses (cli._open, the window's look).
            from alsdesk.store.definition_checks import refuse_unrecorded

            try:
                refuse_unrecorded(conn, path)
            except StoreError as exc:
                store.untrusted = str(exc)
            except sqlite3.DatabaseError as exc:  # a damaged index: the look still opens
                store.untrusted = (f"The study definition stored in {path} could not be "
                                   f"checked against the audit trail ({exc}): the file may be "
                                   "damaged. Run 'alsdesk verify'.")
            store.clock_warning = clock.clock_problem(store)
            return store
        _require_writable(path)
        lock = DbLock.acquire(path, take_over=take_over)
        try:
            try:
                conn = schema.connect(path)
            except sqlite3.OperationalError as exc:
                raise _store_error(path, exc) from None
            try:
                study, number = definitions.opening_study(conn, path, info.study_id, study)
                format2.refuse_migrated(conn, path, migration)
            except BaseException:
                conn.close()
                raise
            store = cls(conn, path, study)
            store.study_version = number
            store._lock, store.stale_lock = lock, lock.stale
            # Copies with patient data a killed restore or encryption left (their lock is
            # ours now).
            clean_restore_leftovers(path)
            cipher.remove_partial(path)
            try:
                # Migration and new columns commit with their audit rows, or not at all.
                with store.transaction():
                    applied = schema.migrate(conn, info.schema_version)
                    for version in applied:
                        store.audit(A.SCHEMA, new_value=f"migrated to format {version}")
                    if not definitions.latest_number(conn):
                        store.study_version = format2.store_first_version(store, study,
                                                                          migration)
                    for column in schema.sync_form_tables(conn, study):
                        store.audit(A.SCHEMA, field=column, new_value="column added")
                if applied:  # the services looked at the file before its new columns
                    store.use_study(study, store.study_version)
                # Wrong passwords met in read-only windows on this workstation go to the
                # trail now that it can be written (alsdesk/store/logins.py).
                logins.flush_readonly(store)
                door.sync(store)  # an encrypted file's door: its counts, and back
                store.slots.tidy()  # a deactivation killed before its key slot went
                store.clock_warning = clock.clock_problem(store)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise
        return store

    def close(self) -> None:
        """Close the file and give back its write lock (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        try:
            moved = (self._identity is not None
                     and file_identity(self.path) != self._identity)
            self.conn.close()
            if moved:
                set_aside_orphans(self.path, self._wal, self._shm)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def lock_holder(self) -> LockInfo | None:
        """Who has the file open for writing (this instance included), or None."""
        return self._lock.info if self._lock is not None else current_holder(self.path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and audit -------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the change and its audit rows commit together or not at all.

        Audit rows are chained in memory and written in one batch just before COMMIT; a
        nested transaction is a savepoint whose rows are dropped with it if it fails.
        """
        if self.readonly:
            raise ReadOnlyDatabase(
                tr("The database {path} is open read-only: nothing can be saved. To make "
                   "changes, close it and open it again when no other ALS Desk is using "
                   "it.").format(path=self.path)
            )
        if self.conn.in_transaction and self._audit_rows is not None:
            mark = (len(self._audit_rows), self._audit_head)
            name = f"nested_{len(self._audit_rows)}_{id(mark)}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._nested += 1
            try:
                yield self.conn
            except BaseException:
                # An error like a RAISE(ROLLBACK) trigger may have ended the transaction.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                del self._audit_rows[mark[0]:]
                self._audit_head = mark[1]
                raise
            finally:
                self._nested -= 1
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _store_error(self.path, exc) from None
        self._audit_rows, self._audit_head = [], None
        try:
            yield self.conn
            if self._audit_rows:
                audit.write_rows(self.conn, self._audit_rows, self._audit_head)
            refuse_moved_file(self.path, self._identity)
            refuse_lost_wal(self.path, self._wal)
            self.conn.execute("COMMIT")
            if self._wal is None and self._identity is not None:
                self._wal = file_identity(Path(f"{self.path}-wal"))
                self._shm = file_identity(Path(f"{self.path}-shm"))
        except sqlite3.DatabaseError as exc:
            self._rollback()
            if type(exc) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise  # IntegrityError and the like are programming errors, not the disk's
            raise _store_error(self.path, exc) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._audit_rows, self._audit_head = None, None

    def flush_audit(self) -> None:
        """Write the audit rows made so far in the open transaction (they still commit or
        roll back with it), so that a long one, an import, does not hold them all in memory.
        Not inside a savepoint, whose failure must still be able to drop its own rows."""
        if self._audit_rows and not self._nested:
            audit.write_rows(self.conn, self._audit_rows, self._audit_head)
            self._audit_rows = []

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def audit(
        self, action: str, *, actor: tuple[str, str] | None = None, ts: str | None = None,
        **cols: object
    ) -> int:
        """Add one audit row as the current user (or `actor`) to the open transaction."""
        if self._audit_rows is None:
            raise RuntimeError("audit rows are written inside Store.transaction()")
        _readable_reason(cols.get("reason"))
        _printable(cols.get("field"), cols.get("new_value"))
        if actor is not None:
            ctx = AuditContext(*actor)
        else:
            ctx = AuditContext(self.user_id, self.role.value if self.role else None)
        if self._audit_head is None:
            self._audit_head = audit.read_head(self.conn)
        row, self._audit_head = audit.make_row(self._audit_head, ctx, action, ts, cols)
        self._audit_rows.append(row)
        return self._audit_head[0]

    def audit_many(self, items: list[audit.AuditItem], *, ts: str | None = None,
                   **place: object) -> int:
        """Add audit rows as the current user, all at one time and place, in the given order.

        Each item is (action, field, old_value, new_value, reason); ``place`` holds the
        columns shared by all of them (subject, event, event_repeat, form, repeat,
        instance_id). The same rows as one :meth:`audit` call per item, made faster.
        """
        if self._audit_rows is None:
            raise RuntimeError("audit rows are written inside Store.transaction()")
        if not items:
            return self._audit_head[0] if self._audit_head else 0
        for item in items:
            _readable_reason(item[4])
            _printable(item[1], item[3])
        ctx = AuditContext(self.user_id, self.role.value if self.role else None)
        if self._audit_head is None:
            self._audit_head = audit.read_head(self.conn)
        rows, self._audit_head = audit.make_rows(self._audit_head, ctx, ts or audit.utc_now(),
                                                 place, items)
        self._audit_rows.extend(rows)
        return self._audit_head[0]

    def require(self, action: Action) -> None:
        """Raise PermissionDenied unless the logged-in user's role allows the action."""
        require(self.role, action)

    # -- sessions ---------------------------------------------------------------------------

    @damage_reported
    def login(self, user_id: str, password: str):
        """Check the password and make this user the one acting; returns the User.

        An account whose row was changed behind the program (a forged role, a swapped
        password, a cleared lockout), or any account when the audit trail's append-only
        triggers are gone, is refused before its password is even checked.
        """
        from alsdesk.store.verify_users import login_refusal

        # (a user id that is not text is refused in words by authenticate)
        if isinstance(user_id, str) and (refusal := login_refusal(self.conn, user_id)):
            if not self.readonly:  # the refused attempt is in the trail like any other
                known = self.conn.execute("SELECT 1 FROM users WHERE user_id = ?",
                                          (user_id,)).fetchone()
                # what was typed is kept only for an existing account (logins says why)
                with self.transaction():
                    self.audit(A.LOGIN_FAILED,
                               field=user_id if known else None,
                               reason="refused: the account or the audit trail's protection "
                                      "was changed outside ALS Desk")
            raise AuthError(refusal)
        if not self.readonly:
            # Wrong passwords typed in read-only windows since this one opened count here
            # too: a window open all day must not let in an account they locked.
            logins.flush_readonly(self)
        user = self.users.authenticate(user_id, password)
        self.user_id, self.role, self.full_name = user.user_id, user.role, user.full_name
        self.clock_warning = clock.clock_problem(self)
        if self._lock is not None:
            self._lock.set_user(user.user_id, user.full_name)
        return user

    def logout(self) -> None:
        if self.user_id is not None and not self.readonly:
            with self.transaction():
                self.audit(A.LOGOUT)
        self.user_id = self.role = self.full_name = None
        if self._lock is not None:
            self._lock.set_user(None, None)

    # -- settings ---------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        if not isinstance(key, str):
            raise WorkflowError(tr("A setting is named by text, not {kind}.").format(
                kind=type(key).__name__))
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Change a site setting (administrator), with an audit row."""
        self.require(Action.CHANGE_SETTINGS)
        from alsdesk import datefmt
        from alsdesk.setting_rules import value_problem
        from alsdesk.textcheck import shown

        if not isinstance(key, str) or not _SETTING_KEY.fullmatch(key):
            # shown(): a terminal escape in the name is echoed visibly, never acted on
            raise WorkflowError(tr("{name} is not a setting's name: lower-case letters, "
                                   "digits, '_' and '.', at most 64 (e.g. "
                                   "'date_format').").format(name=shown(str(key), 40)))
        if problem := text_problem(value, limit=SETTING_MAX, lines=False):
            raise WorkflowError(tr("The value of the setting '{key}' {problem}.").format(
                key=key, problem=problem))
        if key == datefmt.SETTING and (problem := datefmt.format_problem(value)):
            raise WorkflowError(problem)  # its own words, which the Settings dialog shows
        if problem := value_problem(key, value):  # what a known setting's value means
            raise WorkflowError(tr("The setting '{key}' {problem}; {value} was not "
                                   "kept.").format(key=key, problem=problem,
                                                   value=shown(value, 60)))
        old = self.setting(key)
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            self.audit(A.SETTING, field=key, old_value=old, new_value=value)

    # -- verification -----------------------------------------------------------------------

    @damage_reported
    def verify(self, against: Sequence[str] = ()) -> VerifyReport:
        """Integrity check, audit hash chain, audit replay, signatures, schema, accounts and
        the other audited tables, and the heads kept outside the file (with those in
        `against`: heads, files, folders)."""
        from alsdesk import anchor_check
        from alsdesk.store import schema_text, verify_more, verify_tables, verify_users

        integrity = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        chain = audit.verify_chain(self.conn)
        # Every form and field any stored version had: their tables and values stay.
        try:
            study = definitions.layout_study(self.conn, self.study)
        except StoreError:  # an older stored text changed behind the program: said below
            study = self.study
        # A file of format 2 may hold fields of the site's own definition: said, and read.
        undescribed, study = format2.verify_findings(self.conn, study)
        return VerifyReport(
            integrity=integrity,
            chain_rows=chain.rows,
            chain_problems=chain.problems,
            replay_problems=audit.replay_differences(self.conn, study),
            signature_problems=verify_more.signature_problems(self),
            # The text check finds what names do not show; where names differ it would
            # only say the same again.
            schema_problems=(encryption.verify_problems(self.conn, self.path)
                             + (verify_more.schema_problems(self.conn, study)
                                or schema_text.problems(self.conn, study))),
            account_problems=verify_users.account_problems(self.conn),
            record_problems=verify_tables.record_problems(self.conn, study),
            anchors=anchor_check.check(self.conn, self.path, against),
            time_notes=clock.time_notes(self.conn),
            definition_problems=undescribed,
        )


def _require_writable(path: Path) -> None:
    """Refuse up front, before anything is written, a file or folder this account cannot write."""
    if on_read_only_disk(path):
        raise ReadOnlyDatabase(
            tr("The database {path} is on a disk that is mounted read-only (a write-protected "
               "USB stick or memory card, or a drive or share mounted read-only): nothing can "
               "be saved there. You can open it read-only to look at it; to work on it, make "
               "the disk writable or copy the database to a folder you can write "
               "to.").format(path=path)
        )
    if not os.access(path, os.W_OK):
        raise ReadOnlyDatabase(
            tr("The database {path} is read-only for this account (its file permissions or "
               "read-only mark). You can open it read-only to look at it; to work on it, ask "
               "the workstation's administrator for write access to the file.").format(
                path=path)
        )
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabase(
            tr("The folder {folder} is read-only for this account, so ALS Desk cannot save "
               "changes to the database there. You can open it read-only to look at it; to "
               "work on it, ask the workstation's administrator for write access to the "
               "folder, or copy the database to a folder you can write to.").format(
                folder=path.parent)
        )


def _store_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """Our message for an SQLite error met while opening or saving."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            tr("The database {path} is in use by another program (an SQLite browser, a backup "
               "or sync tool) or another ALS Desk. Close it there, then try again; nothing was "
               "saved.").format(path=path)
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            tr("The disk holding {path} is full: nothing was saved. Free some space (or ask "
               "IT), then save again.").format(path=path)
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(
            tr("The database {path} is read-only for this account: nothing was saved. Ask the "
               "workstation's administrator for write access to the file and its "
               "folder.").format(path=path)
        )
    if "disk i/o error" in text:
        return StoreError(
            tr("The disk holding {path} reported an error while writing: nothing was saved. "
               "If the database is on a USB stick or network drive, check that it is still "
               "connected, then save again.").format(path=path)
        )
    if "malformed" in text or "not a database" in text:
        return StoreError(
            f"The database {path} is damaged ({exc}): nothing was saved. Stop working on it "
            "and restore the latest backup ('alsdesk restore')."
        )
    if "unable to open" in text:
        return StoreError(tr("The database {path} cannot be opened: {error}.").format(
            path=path, error=exc))
    return StoreError(tr("The database {path} could not be written ({error}); nothing was "
                         "saved.").format(path=path, error=exc))
