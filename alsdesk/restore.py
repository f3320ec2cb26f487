"""Restoring a backup over the database: who may, what it replaces, and never half done.

Who: the administrator of the *current* database, so its lockout applies and its audit trail
keeps every failed try (a backup's own user list would let anyone with an old backup and its
old password in, and its failures would vanish with the copy). Only when there is no current
database at the path (a lost disk), or what is there cannot be read as one, does the backup's
administrator authorise; the plan says so.

What: :func:`plan` tells, for both files, the subjects, the last change and the audit head,
so the person sees what is about to be replaced; the restored file's audit row records the
replaced file's head (``trial.db Audit head 1234:3f9a2b7c1d0e4f5a``), which anchor.parse reads.

Never half done: the old database is first folded into one file (its WAL checkpointed), then
given a second name (a hard link, or a copy where links are not possible), and only then does
one rename put the checked new file at the path. A kill at any moment leaves the path holding
the old database, complete, or the new one; the temporary copy (with patient data) and a
second name of the old file left by a kill are removed by the next open or restore
(alsdesk.store.placing.clean_restore_leftovers).
"""
from __future__ import annotations

import os
import shutil
from alsdesk.store.sqldb import driver as sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk import anchor, anchor_restore
from alsdesk.auth import Action
from alsdesk.backup import (
    RESTORED, BackupInfo, _backup_error, _copy, _fsync, _fsync_dir, check_backup,
)
from alsdesk.errors import StoreError
from alsdesk.i18n import tr
from alsdesk.keyslots import key_file
from alsdesk.store import schema, sqldb
from alsdesk.store.audit import A
from alsdesk.store.filekind import refuse_special
from alsdesk.store.lock import DbLock
from alsdesk.store.placing import RESTORING, clean_restore_leftovers, remove_db_files

if TYPE_CHECKING:
    from alsdesk.study.model import Study

_STAMP = "%Y%m%d-%H%M%S"
# Audit actions that change nothing in the data: the "last change" shown skips them.
_NOT_CHANGES = (A.LOGIN, A.LOGIN_FAILED, A.LOGOUT, A.LOCKED_OUT, A.EXPORT,
                A.IMPORT_REFUSED)
STEP_ENV = "ALSDESK_RESTORE_PAUSE_AT"  # tests: stop at a named step, so a kill lands there


@dataclass(frozen=True)
class Summary:
    """What a database file holds, in the words the person deciding needs."""

    path: Path
    subjects: int
    last_change: str | None  # UTC time of the last audit row that changed something
    head: anchor.Head

    def text(self) -> str:
        text = (tr("{path}: {n} subject, last change {when}, {head}") if self.subjects == 1
                else tr("{path}: {n} subjects, last change {when}, {head}"))
        return text.format(path=self.path, n=self.subjects,
                           when=self.last_change or tr("none"), head=self.head.label())


@dataclass(frozen=True)
class RestorePlan:
    """What a restore would replace, by what, and whose password authorises it."""

    database: Path
    backup: Summary
    current: Summary | None
    current_problem: str | None  # why the current file cannot be read, or None
    tampered: str | None = None  # why its logins are refused (changed outside ALS Desk)
    other_key: bool = False  # both encrypted, with different keys (another recovery key)

    @property
    def authorised_by_backup(self) -> bool:
        return self.current is None or self.tampered is not None

    def text(self) -> str:
        if self.current is not None and self.tampered is not None:
            now = tr("Replaces:  {file}").format(file=self.current.text())
            who = tr("The current database was changed outside ALS Desk (nobody can log in to "
                     "it), so an administrator of the backup authorises the restore, if the "
                     "backup is a known earlier state of this database.")
        elif self.current is not None:
            now = tr("Replaces:  {file}").format(file=self.current.text())
            who = tr("An administrator of the current database authorises the restore.")
        elif self.current_problem is None:
            now = tr("Replaces:  nothing (there is no database at {path})").format(
                path=self.database)
            who = tr("There is no current database, so an administrator of the backup "
                     "authorises the restore.")
        else:
            now = tr("Replaces:  {path}, which cannot be read ({problem})").format(
                path=self.database, problem=self.current_problem)
            who = tr("The current file cannot be read, so an administrator of the backup "
                     "authorises the restore.")
        lines = [now, tr("With:      {file}").format(file=self.backup.text()), who]
        if self.other_key:
            lines.append(tr("The backup is encrypted with another key than the current "
                            "database: after the restore its recovery key is the backup's "
                            "(the one shown when that file was made or encrypted), not the "
                            "one in the binder for the current file."))
        return "\n".join(lines)


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: BackupInfo
    kept_aside: Path | None  # where the file that was replaced now is (None: there was none)
    # Heads logs / seal files the restore line (alsdesk.anchor_restore) could not be added to:
    # verify will then call the heads the restore rewound past problems.
    unrecorded: tuple[str, ...] = ()


def summary(path: Path) -> Summary:
    """Subjects, last change and audit head of a database file, read-only."""
    conn = schema.open_readonly(Path(path))
    try:
        subjects = conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
        marks = ", ".join("?" * len(_NOT_CHANGES))
        row = conn.execute(f"SELECT max(ts) FROM audit_trail WHERE action NOT IN ({marks})",
                           _NOT_CHANGES).fetchone()
        return Summary(Path(path), int(subjects), row[0] if row else None, anchor.of(conn))
    finally:
        conn.close()


def plan(db_path: Path, backup_file: Path, study: Study | None = None) -> RestorePlan:
    """Check the backup and say what restoring it over `db_path` would replace."""
    from alsdesk.study import load_study

    db_path, backup_file = Path(db_path), Path(backup_file)
    _refusals(db_path, backup_file)
    study = study or _study_of(db_path, backup_file) or load_study()
    check_backup(backup_file, study=study)
    current, problem = _current(db_path, study)
    tampered = _tampered(db_path, "") if current is not None else None
    other_key = (db_path.is_file() and sqldb.is_encrypted(db_path)
                 and sqldb.is_encrypted(backup_file)
                 and sqldb.head(db_path) != sqldb.head(backup_file))
    return RestorePlan(db_path, _read(summary, backup_file), current, problem, tampered,
                       other_key)


def restore(db_path: Path, backup_file: Path, *, user_id: str, password: str,
            reason: str = "restored from a backup", study: Study | None = None) -> RestoreResult:
    """Replace the database with a checked backup; the replaced file is kept aside.

    Refuses a backup that fails its checks or belongs to another study, and a database that
    any ALS Desk (this one included) has open. An administrator of the current database
    confirms with their password (of the backup when there is no readable current one, see
    :func:`plan`); the restore is recorded in the restored file's audit trail.
    """
    from alsdesk.study import load_study

    db_path, backup_file = Path(db_path), Path(backup_file)
    _refusals(db_path, backup_file)
    unlock_backup(backup_file, user_id, password)
    study = study or _study_of(db_path, backup_file) or load_study()
    source = check_backup(backup_file, study=study)
    backup_head = _read(summary, backup_file).head
    lock = DbLock.acquire(db_path, exclusive=True)
    replaced_head = None
    temp = db_path.with_name(f".{db_path.name}{RESTORING}{os.getpid()}")
    aside = None
    try:
        clean_restore_leftovers(db_path)
        current, problem = _current(db_path, study)
        places = anchor_restore.places_of(db_path, backup_file)  # its settings, before
        role = None
        tampered = _tampered(db_path, user_id) if current is not None else None
        if tampered is not None:
            # Its accounts cannot be trusted, so they cannot authorise; the backup's
            # administrator may, for a backup that is a known earlier state of this database.
            _known_earlier_state(db_path, backup_file, backup_head)
            replaced = f"{db_path.name} (changed outside ALS Desk) {current.head.label()}"
        else:
            if current is not None:
                try:
                    role = _authorise(db_path, study, user_id, password)
                except StoreError as exc:  # damage met on logging in (not a wrong password)
                    problem = _unreadable(exc)
            replaced = _replaced_words(db_path, problem)
        _step("authorised")
        if current is not None and problem is None:  # its head now, after the login rows
            replaced_head = _read(summary, db_path).head
        _copy(backup_file, temp, None)
        _keys_of_copy(backup_file, db_path, temp)
        _step("copied")
        _finish_copy(temp, replaced, user_id, password, role, reason,
                     f"restored from {backup_file.name} ({source.audit_rows} audit rows, "
                     f"{backup_head.label()})")
        _step("checked")
        if db_path.exists():
            aside = _aside_name(db_path)
            _fold_into_one_file(db_path, aside)
            _step("folded")
            _second_name(db_path, aside)
            if key_file(db_path).exists():  # the key file that opens the file kept aside
                shutil.copyfile(key_file(db_path), key_file(aside))
            _step("aside")
        os.replace(temp, db_path)
        # The restored file's own key file: its accounts' slots as they were at its backup
        # (a kill just before leaves the current one, which opens it too: the same key).
        if key_file(temp).exists():
            os.replace(key_file(temp), key_file(db_path))
        _step("replaced")
        _fsync_dir(db_path.parent)
        # Outside the file, the only record of a restore that verify accepts as an excuse.
        unrecorded = (anchor_restore.record(db_path, places, replaced_head, aside)
                      if replaced_head is not None else [])
    except sqlite3.Error as exc:
        raise _backup_error(db_path, exc) from None
    except OSError as exc:
        raise StoreError(tr("The restore of {path} failed ({error}); the database at that "
                            "name was not replaced.").format(
            path=db_path, error=exc.strerror or exc)) from None
    finally:
        remove_db_files(temp)
        Path(str(temp) + ".lock").unlink(missing_ok=True)
        key_file(temp).unlink(missing_ok=True)
        lock.release()
    return RestoreResult(db_path, source, aside, tuple(unrecorded))


def unlock_backup(backup_file: Path, user_id: str, password: str) -> None:
    """An encrypted backup whose key this process does not hold yet (one of another copy of
    the database, or with no current one): its own key file opens it with the login."""
    from alsdesk.store import encryption

    backup_file = Path(backup_file)
    if not encryption.locked(backup_file):
        return  # (a file of no key: the backup's checks say what it is)
    if not encryption.unlock(backup_file, user_id, password):
        raise StoreError(tr("The backup {path} is encrypted with another key, and your login "
                            "does not open it with its key file {keys}: check the user id "
                            "and password, and that the key file was copied with the "
                            "backup.").format(path=backup_file,
                                              keys=key_file(backup_file).name))


def _keys_of_copy(backup_file: Path, db_path: Path, temp: Path) -> None:
    """The copy of an encrypted backup gets the backup's key file (or, if it was not copied
    with it, the database's: the same key opened it)."""
    if not sqldb.is_encrypted(temp):
        return
    source = key_file(backup_file) if key_file(backup_file).exists() else key_file(db_path)
    shutil.copyfile(source, key_file(temp))


def _require_admin(st) -> None:
    """Only an administrator restores (the login that came first is in the trail)."""
    from alsdesk.errors import PermissionDenied

    try:
        st.require(Action.CHANGE_SETTINGS)
    except PermissionDenied:
        raise PermissionDenied(tr("Only an administrator may restore a backup; {user} is a "
                                  "{role}.").format(user=st.user_id,
                                                    role=st.role.value)) from None


def _refusals(db_path: Path, backup_file: Path) -> None:
    refuse_special(db_path)
    refuse_special(backup_file, "backup")
    if not backup_file.exists():
        raise StoreError(tr("There is no backup file {path}.").format(path=backup_file))
    if db_path.exists() and db_path.resolve() == backup_file.resolve():
        raise StoreError(tr("That is the database itself, not a backup of it."))
    if not db_path.parent.is_dir():
        raise StoreError(tr("The folder {folder} is not there.").format(folder=db_path.parent))
    if (db_path.is_file() and sqldb.is_encrypted(db_path)
            and not sqldb.is_encrypted(backup_file)):
        raise StoreError(tr("{backup} is not encrypted (it was made before the database was): "
                            "restoring it would put the patients' data back in the clear. "
                            "Copy it to a new name, run 'alsdesk encrypt' on that copy "
                            "(--db), then restore the copy.").format(backup=backup_file.name))
    if db_path.is_symlink():
        # The restored file would replace the link, and the database it leads to would go on
        # being used by whoever opens it by its real name.
        raise StoreError(tr("{path} is a link to {target}: restore the database itself (give "
                            "that path with --db).").format(path=db_path,
                                                            target=db_path.resolve()))


# --- steps --------------------------------------------------------------------------------


def _study_of(db_path: Path, backup_file: Path) -> Study | None:
    """The trial a restore is about: the current database's stored definition, else (none
    readable there) the backup's."""
    from alsdesk.store import definitions

    return definitions.file_study(db_path) or definitions.file_study(backup_file)


def _current(db_path: Path, study: Study) -> tuple[Summary | None, str | None]:
    """The current database's summary, or None and why it cannot be read (None: no file)."""
    if not db_path.exists():
        return None, None
    try:
        info = schema.inspect_file(db_path)
    except StoreError as exc:
        return None, _unreadable(exc)
    if info.study_id != study.id:
        raise StoreError(tr("{path} holds data of study {found}, not {study}: a backup of "
                            "{study} is not restored over it.").format(
            path=db_path, found=info.study_id, study=study.id))
    try:
        return summary(db_path), None
    except (sqlite3.Error, UnicodeError, ValueError) as exc:
        return None, _short(str(exc))


def _unreadable(exc: StoreError) -> str:
    """Why the current file cannot be read, when that is damage (or not our file at all).

    Anything else (a file another program holds locked, one written by a newer ALS Desk,
    a read-only disk) is raised: it is no reason to let the backup's administrator decide.
    """
    text = str(exc)
    if "damaged" not in text and "not an ALS Desk database" not in text:
        raise exc
    return _short(text)


def _tampered(db_path: Path, user_id: str) -> str | None:
    """Why the current file refuses this login before any password is checked (its audit
    trail's protection removed, or this account's row changed behind the program), or None."""
    from alsdesk.store.verify_users import login_refusal

    conn = schema.open_readonly(db_path)
    try:
        return login_refusal(conn, user_id if isinstance(user_id, str) else "")
    finally:
        conn.close()


def _known_earlier_state(db_path: Path, backup_file: Path, head: anchor.Head) -> None:
    """Refuse, for a database changed outside the program, a backup that is not one of its own
    earlier states: its head must be in the file's audit trail, or in the heads log or seal
    kept beside its backups (a file of the same study made elsewhere, with an administrator of
    its maker's choosing, is neither)."""
    from alsdesk import anchor_places

    conn = schema.open_readonly(db_path)
    try:
        if anchor.extends(conn, head) is None:
            return
        seen, _notes = anchor_places.gather(conn, db_path)
    finally:
        conn.close()
    if any(s.head.seq == head.seq and head.matches(s.head.hash) or
           s.head.seq == head.seq and s.head.matches(head.hash) for s in seen):
        return
    raise StoreError(
        tr("{path} was changed outside ALS Desk, so its own administrators cannot authorise a "
           "restore, and {backup} is not a known earlier state of it (its {head} is neither "
           "in the database's audit trail nor in the heads log or seal kept with its "
           "backups). Restore a backup that ALS Desk made of this database.").format(
            path=db_path, backup=backup_file.name, head=head.label()))


def _authorise(db_path: Path, study: Study, user_id: str, password: str) -> str:
    """Log in on the current database (its lockout, its audit trail); the admin's role."""
    from alsdesk.store.core import Store

    # Not Store.open: this process holds the file's exclusive lock, which Store.open would
    # try to take again; the file was inspected just before.
    conn = schema.connect(db_path)
    try:
        st = Store(conn, db_path, study)
        st.login(user_id, password)
        _require_admin(st)
        return st.role.value
    finally:
        conn.close()


def _replaced_words(db_path: Path, problem: str | None) -> str:
    """What the restored file's audit row says it replaced (anchor.parse reads the head)."""
    if problem is not None:
        return f"{db_path.name} (unreadable: {problem})"
    if not db_path.exists():
        return f"{db_path.name} (no database was there)"
    return f"{db_path.name} {_read(summary, db_path).head.label()}"


def _finish_copy(temp: Path, replaced: str, user_id: str, password: str,
                 role: str | None, reason: str, restored_from: str) -> None:
    """Record the restore in the copy, check it, and leave it one self-contained file."""
    from alsdesk.store.core import Store

    # The backup opens with the definition it holds (older than the current one when it
    # was taken before an amendment), as any file does; one of format 2 with the program's.
    with Store.open(temp) as st:
        if role is None:  # no readable current database: the backup's administrator
            st.login(user_id, password)
            _require_admin(st)
            actor = None
        else:
            actor = (user_id, role)
        with st.transaction():
            st.audit(RESTORED, actor=actor, old_value=replaced, reason=reason,
                     new_value=restored_from)
        report = st.verify()
        if not report.ok:
            raise StoreError(tr("The restored copy failed its check:\n{report}").format(
                report=report.text()))
        st.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        st.conn.execute("PRAGMA journal_mode = DELETE")
    _fsync(temp)


def _fold_into_one_file(db_path: Path, aside: Path) -> None:
    """Checkpoint the old database so it is whole without its WAL, then drop the WAL.

    A WAL left beside the path would be read into the new file put there (SQLite does not
    tie a WAL to its database), so none may remain; and the old file's last saves may be
    only in its WAL, so it is folded in first. Killed meanwhile, SQLite's own recovery
    keeps the old database whole.
    """
    wal = Path(str(db_path) + "-wal")
    if wal.exists():
        try:
            conn = sqlite3.connect(db_path, timeout=2.0)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # an unreadable file: its WAL goes aside with it below
    _fsync(db_path)
    if wal.exists() and wal.stat().st_size > 0:
        # Could not be folded in (a damaged file): kept with the old file's second name.
        os.replace(wal, Path(str(aside) + "-wal"))
    for side in ("-wal", "-shm"):
        Path(str(db_path) + side).unlink(missing_ok=True)


def _aside_name(db_path: Path) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}-replaced-{stamp}{db_path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.stem}-replaced-{stamp}-{n}{db_path.suffix}")
    return aside


def _second_name(db_path: Path, aside: Path) -> None:
    """Give the old file the dated name `aside` while it keeps its own."""
    try:
        os.link(db_path, aside)
    except OSError:
        # FAT/exFAT sticks and some shares have no hard links: a copy, named when complete.
        partial = db_path.with_name(f".{db_path.name}{RESTORING}aside-{os.getpid()}")
        try:
            shutil.copyfile(db_path, partial)
            _fsync(partial)
            os.replace(partial, aside)
        finally:
            partial.unlink(missing_ok=True)
    _fsync_dir(db_path.parent)


def _read(fn, path: Path):
    try:
        return fn(path)
    except (sqlite3.Error, UnicodeError, ValueError) as exc:
        raise StoreError(tr("{path} cannot be read ({error}).").format(path=path,
                                                                        error=exc)) from None


def _short(text: str) -> str:
    return text if len(text) <= 300 else text[:297] + "..."


def _step(name: str) -> None:
    """For the kill tests: at the step named in ALSDESK_RESTORE_PAUSE_AT, say so on standard
    error (for the test that waits to kill this process there) and wait."""
    if os.environ.get(STEP_ENV) == name:
        os.write(2, f"paused at {name}\n".encode())
        time.sleep(60)
