"""Backups: online backup API, checked copies, automatic at start and close, rotation, the
backup folder setting, restore (with its refusals), and the two CLI commands."""
from __future__ import annotations

import os
import shutil
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk import backup
from alsdesk.cli import main
from alsdesk.errors import (
    AuthError,
    DatabaseInUse,
    DiskFull,
    PermissionDenied,
    StoreError,
)
from alsdesk.store import Store
from alsdesk.store.schema import SCHEMA_VERSION
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, audit_count, file_bytes


@pytest.fixture
def db(store, db_path):
    """A database with one subject and a completed form; closed, so it can be restored."""
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True)
    store.close()
    return db_path


def add_subject(path, study, user="nurse"):
    with Store.open(path, study) as st:
        st.login(user, PASSWORD)
        return st.subjects.create("CD").code


def table(path, sql):
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def leftovers(folder):
    return [p.name for p in Path(folder).iterdir() if ".partial-" in p.name
            or ".restoring-" in p.name]


# --- making and checking backups ----------------------------------------------------------


def test_backup_is_one_checked_file_with_the_same_data(db, tmp_path, study):
    out = tmp_path / "copy.db"
    info = backup.backup_now(db, out)
    assert info.path == out and info.subjects == 1 and info.study_id == study.id
    assert not Path(str(out) + "-wal").exists()
    assert file_bytes(out)[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file
    for sql in ("SELECT * FROM audit_trail ORDER BY seq", "SELECT * FROM alsfrs",
                "SELECT * FROM users", "SELECT * FROM meta"):
        assert table(out, sql) == table(db, sql)
    with Store.open(out, study, readonly=True) as st:
        assert st.verify().ok
    with pytest.raises(StoreError, match="already exists"):
        backup.backup_now(db, out)


def test_backup_while_someone_saves_is_a_consistent_snapshot(db, tmp_path, study):
    writer = Store.open(db, study)
    writer.login("nurse", PASSWORD)
    stop = threading.Event()
    saved = []

    def keep_saving():
        w = Store.open(db, study)  # its own connection, as a worker thread would have
        w.login("nurse", PASSWORD)
        while not stop.is_set():
            code = w.subjects.create("EF").code
            w.forms.save(code, "screening", "vs", {"pulse": 70, "weight": 71.5})
            saved.append(code)
        w.close()

    thread = threading.Thread(target=keep_saving)
    thread.start()
    try:
        copies = []
        for i in range(4):
            copies.append(backup.make_backup(db, tmp_path / f"snap{i}.db"))
            time.sleep(0.02)
        # On a loaded machine the writer may lag: let it save a few before stopping it.
        deadline = time.monotonic() + 30
        while len(saved) <= 4 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert len(saved) > 4
    for info in copies:
        with Store.open(info.path, study, readonly=True) as st:
            assert st.verify().ok, info.path


def test_a_backup_that_fails_its_check_never_gets_a_backup_name(db, tmp_path, monkeypatch):
    real_copy = backup._copy

    def copy_then_damage(source, target, progress):
        real_copy(source, target, progress)
        data = bytearray(Path(target).read_bytes())
        data[4096 * 3:4096 * 4] = b"\xa5" * 4096
        Path(target).write_bytes(bytes(data))

    monkeypatch.setattr(backup, "_copy", copy_then_damage)
    with pytest.raises(StoreError, match="damaged|broken"):
        backup.make_backup(db, tmp_path / "bad.db")
    assert not (tmp_path / "bad.db").exists()
    assert leftovers(tmp_path) == []


def test_backup_to_a_full_disk_says_so_and_leaves_nothing(db, tmp_path, monkeypatch):
    def full(source, target, progress):
        Path(target).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
        raise sqlite3.OperationalError("database or disk is full")  # as the driver says it

    monkeypatch.setattr(backup, "_copy", full)
    with pytest.raises(DiskFull, match="is full: the backup was not written"):
        backup.make_backup(db, tmp_path / "b.db")
    assert not (tmp_path / "b.db").exists() and leftovers(tmp_path) == []


# --- automatic backups, rotation, the folder setting --------------------------------------


def test_automatic_backups_at_start_once_a_day_and_on_close(db, study):
    folder = backup.default_folder(db)
    with Store.open(db, study) as st:
        first = backup.auto_backup(st, "start")
        assert first is not None and first.path.parent == folder
        assert first.path.name.endswith("-start.db")
        st.login("nurse", PASSWORD)
        assert backup.auto_backup(st, "start") is None  # already one today
        st.subjects.create("GH")
        closing = backup.auto_backup(st, "close")
        assert closing is not None and closing.subjects == 2
        assert backup.auto_backup(st, "close") is None  # nothing changed since
    with Store.open(db, study) as st:
        st.login("nurse", PASSWORD)
        assert backup.auto_backup(st, "start") is None  # the same day
        st.stale_lock = st.lock_holder()  # as after a crash: the last session left no backup
        assert backup.auto_backup(st, "start") is not None
    assert len(backup.list_backups(folder, db)) == 3
    with pytest.raises(ValueError):
        backup.auto_backup(st, "lunch")


def test_rotation_keeps_the_newest_n_of_this_database_only(db, tmp_path, study):
    folder = tmp_path / "usb"
    folder.mkdir()
    other = tmp_path / "elsewhere" / db.name  # another workstation's file of the same name
    other.parent.mkdir()
    with Store.create(other, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    with Store.open(db, study) as st:
        st.login("admin", PASSWORD)
        backup.configure(st, folder=folder, keep=3)
    manual = backup.backup_now(db)  # by hand: into the folder, never rotated
    made = []
    for _ in range(5):
        add_subject(db, study)
        with Store.open(db, study) as st:
            made.append(backup.auto_backup(st, "close").path)
    kept = backup.list_backups(folder, db)
    assert kept == made[-3:]
    assert manual.path.exists() and manual.path.name.endswith("-manual.db")
    # A file of the same name and study backed up into the same folder: its creation time (in
    # the file, so in an insider's reach) is all that tells them apart, so each backup is
    # told so (give each its own name or folder) and nothing is rotated away any more.
    theirs = backup.make_backup(other, folder / f"{db.stem}-20200101-120000-close.db").path
    add_subject(db, study)
    with Store.open(db, study) as st, pytest.raises(backup.BackupDoesNotExtend,
                                                   match="its own name or folder"):
        backup.auto_backup(st, "close")
    assert theirs.exists() and set(made[-3:]) <= set(backup.list_backups(folder, db))


def test_partial_files_of_killed_backups_are_cleared_once_old(db, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    dead = os.getpid() + 100000
    old = folder / f".{db.stem}-20240101-000000-close.db.partial-{dead}"
    fresh = folder / f".{db.stem}-20240102-000000-close.db.partial-{dead}"
    for p in (old, fresh):
        p.write_bytes(b"half a backup")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    removed = backup.rotate(folder, db, keep=5)
    assert old in removed and not old.exists() and fresh.exists()


def test_backup_folder_setting(db, tmp_path, study):
    usb = tmp_path / "usb"
    usb.mkdir()
    with Store.open(db, study) as st:
        st.login("nurse", PASSWORD)
        with pytest.raises(PermissionDenied):
            backup.configure(st, folder=usb)
        st.logout()
        st.login("admin", PASSWORD)
        with pytest.raises(StoreError, match="not there"):
            backup.configure(st, folder=tmp_path / "nope")
        with pytest.raises(StoreError, match="full path"):
            backup.configure(st, folder="relative/folder")
        with pytest.raises(StoreError, match="between 1 and"):
            backup.configure(st, keep=0)
        backup.configure(st, folder=usb, keep=4)
        assert backup.settings_of(db) == (usb, 4)
        assert backup.auto_backup(st, "close").path.parent == usb
        rows = st.conn.execute("SELECT field, new_value FROM audit_trail "
                               "WHERE action = 'settings.change'").fetchall()
        assert ("backup.folder", str(usb)) in rows and ("backup.keep", "4") in rows
        usb.rename(tmp_path / "unplugged")  # the stick was pulled out
        st.subjects  # noqa: B018 - the session goes on
        with pytest.raises(StoreError, match="not there.*USB stick"):
            backup.auto_backup(st, "close")
        assert not usb.exists()  # a chosen folder is never created in its absence
        backup.configure(st, folder="")
        assert backup.settings_of(db)[0] == backup.default_folder(db)


# --- restore ------------------------------------------------------------------------------


def test_restore_replaces_the_file_and_keeps_the_old_one_aside(db, tmp_path, study):
    saved = backup.backup_now(db, tmp_path / "monday.db")
    late = add_subject(db, study)  # entered after the backup
    before = table(db, "SELECT seq, hash FROM audit_trail ORDER BY seq")
    result = backup.restore(db, saved.path, user_id="admin", password=PASSWORD,
                            reason="disk error on Tuesday", study=study)
    # The replaced file as it was, plus the administrator's login on it (issue 12, item 10).
    kept = table(result.kept_aside, "SELECT seq, hash FROM audit_trail ORDER BY seq")
    assert kept[:-1] == before
    assert table(result.kept_aside, "SELECT action, user_id FROM audit_trail ORDER BY seq "
                 "DESC LIMIT 1") == [("user.login", "admin")]
    with Store.open(result.kept_aside, study, readonly=True) as aside:
        assert late in [s.code for s in aside.subjects.list()]  # nothing is lost
    with Store.open(db, study) as st:
        assert late not in [s.code for s in st.subjects.list()]
        assert st.verify().ok
        row = st.conn.execute("SELECT user_id, new_value, reason FROM audit_trail "
                              "WHERE action = ?", (backup.RESTORED,)).fetchone()
    assert row[0] == "admin" and "monday.db" in row[1] and row[2] == "disk error on Tuesday"
    assert leftovers(db.parent) == []


def _refused(db, backup_file, study, match, user="admin", password=PASSWORD, error=StoreError,
             audited=None):
    """`audited`: the audit action the refusal leaves in the current database (a login
    on it, failed or not, is recorded there: issue 12, item 8); otherwise no byte changes."""
    before = file_bytes(db)
    rows = table(db, "SELECT seq, hash FROM audit_trail ORDER BY seq")
    with pytest.raises(error, match=match):
        backup.restore(db, backup_file, user_id=user, password=password, study=study)
    if audited is None:
        assert file_bytes(db) == before
    else:
        after = table(db, "SELECT seq, hash FROM audit_trail ORDER BY seq")
        assert after[:len(rows)] == rows and len(after) == len(rows) + 1
        assert table(db, "SELECT action, field, user_id FROM audit_trail ORDER BY seq DESC "
                     "LIMIT 1")[0][0] == audited
    assert leftovers(db.parent) == [] and not list(db.parent.glob("*-replaced-*"))


def test_restore_refuses_a_backup_of_another_study(db, tmp_path, study):
    foreign = backup.backup_now(db, tmp_path / "foreign.db").path
    conn = sqlite3.connect(foreign)
    conn.execute("UPDATE meta SET value = 'NCT00000001' WHERE key = 'study_id'")
    conn.commit()
    conn.close()
    _refused(db, foreign, study, "study NCT00000001, not of NCT02492516")


def test_restore_refuses_damaged_newer_and_not_our_files(db, tmp_path, study):
    damaged = backup.backup_now(db, tmp_path / "damaged.db").path
    data = bytearray(damaged.read_bytes())
    data[4096 * 2:4096 * 3] = b"\x5a" * 4096
    damaged.write_bytes(bytes(data))
    _refused(db, damaged, study, "damaged")

    newer = backup.backup_now(db, tmp_path / "newer.db").path
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                 (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    _refused(db, newer, study, "newer version")

    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50)
    _refused(db, notes, study, "not an ALS Desk database")
    _refused(db, tmp_path / "absent.db", study, "no backup file")
    _refused(db, db, study, "the database itself")


def test_restore_refuses_a_tampered_backup(db, tmp_path, study):
    tampered = backup.backup_now(db, tmp_path / "tampered.db").path
    conn = sqlite3.connect(tampered)
    conn.execute("UPDATE alsfrs SET q1 = 0")  # around the program: the audit trail disagrees
    conn.commit()
    conn.close()
    _refused(db, tampered, study, "differs from its audit trail")


def test_restore_needs_an_administrator_and_the_password(db, tmp_path, study):
    saved = backup.backup_now(db, tmp_path / "b.db").path
    _refused(db, saved, study, "Only an administrator may restore", user="nurse",
             error=PermissionDenied, audited="user.login")
    _refused(db, saved, study, "wrong", password="Not-the-password-1", error=AuthError,
             audited="user.login_failed")


def test_restore_refuses_an_open_database(db, tmp_path, study):
    saved = backup.backup_now(db, tmp_path / "b.db").path
    with Store.open(db, study):
        _refused(db, saved, study, "open in this ALS Desk window", error=DatabaseInUse)


def test_restore_over_a_damaged_or_lost_database(db, tmp_path, study):
    saved = backup.backup_now(db, tmp_path / "b.db").path
    db.write_bytes(b"SQLite format 3\x00" + b"\xee" * 5000)  # what a failing disk left
    result = backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    assert result.kept_aside.read_bytes().startswith(b"SQLite format 3\x00\xee")
    with Store.open(db, study) as st:
        assert st.verify().ok and st.subjects.count() == 1
    db.unlink()
    assert backup.restore(db, saved, user_id="admin", password=PASSWORD).kept_aside is None
    assert Store.open(db, study, readonly=True).subjects.count() == 1


# --- the command line ---------------------------------------------------------------------


def test_cli_backup_and_restore(db, tmp_path, study):
    out = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["--db", str(db), "backup", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "checked OK" in result.output and out.exists()
    result = CliRunner().invoke(main, ["--db", str(db), "backup"])
    assert result.exit_code == 0 and "backups" in result.output
    add_subject(db, study)
    result = CliRunner().invoke(main, ["--db", str(db), "restore", str(out), "--as", "admin",
                                       "--password-stdin", "--yes"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "kept as" in result.output
    with Store.open(db, study) as st:
        assert st.subjects.count() == 1 and st.verify().ok
    foreign = tmp_path / "foreign.db"
    shutil.copy(out, foreign)
    conn = sqlite3.connect(foreign)
    conn.execute("UPDATE meta SET value = 'NCT99999999' WHERE key = 'study_id'")
    conn.commit()
    conn.close()
    before = file_bytes(db)
    result = CliRunner().invoke(main, ["--db", str(db), "restore", str(foreign), "--as",
                                       "admin", "--password-stdin", "--yes"],
                                input=PASSWORD + "\n")
    assert result.exit_code == 1 and "NCT99999999" in result.output
    assert "Traceback" not in result.output and file_bytes(db) == before
    # without --yes, answering no changes nothing
    result = CliRunner().invoke(main, ["--db", str(db), "restore", str(out), "--as", "admin"],
                                input="n\n")
    assert result.exit_code == 1 and file_bytes(db) == before
    assert audit_count(Store.open(db, study, readonly=True)) > 0


def test_a_read_only_window_makes_no_automatic_backups(db, study):
    with Store.open(db, study, readonly=True) as ro:
        assert backup.auto_backup(ro, "start") is None
        assert backup.auto_backup(ro, "close") is None
    assert not backup.default_folder(db).exists()
