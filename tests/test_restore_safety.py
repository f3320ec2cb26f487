"""Issue 12, items 8, 10 and 11: who may restore, what it shows, and never half a restore.

Attacks: an old backup's own administrator (or one made up in a file of the same study)
authorising the replacement of the current database; guessing the password through restore
past the lockout, unrecorded; and killing `restore` at each of its steps (and at random
times) with SIGKILL, then looking at the file at the path with plain sqlite3.
"""
from __future__ import annotations

import os
import random
import signal
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk import anchor, backup, restore as restoring
from alsdesk.cli import main
from alsdesk.errors import AuthError, PermissionDenied, StoreError
from alsdesk.store import Store
from alsdesk.store.users import MAX_FAILED_LOGINS
from tests.conftest import PASSWORD

posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX kills")
NEW_PASSWORD = "Other-horse-77"
STEPS = ("authorised", "copied", "checked", "folded", "aside", "replaced")


def rows(path, sql, *args):
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.fixture
def db(store, db_path):
    store.subjects.create("AB")
    store.close()
    return db_path


@pytest.fixture
def saved(db, tmp_path):
    return backup.backup_now(db, tmp_path / "monday.db").path


def _as(path, study, user="admin"):
    st = Store.open(path, study)
    st.login(user, PASSWORD)
    return st


def test_the_backups_own_administrator_does_not_authorise(db, saved, study, tmp_path):
    # The administrator's password changed after the backup: the old one opens nothing.
    with _as(db, study) as st:
        st.users.reset_password("admin", NEW_PASSWORD, "yearly change")
    with _as(db, study, "nurse") as st:
        st.subjects.create("CD")
    with pytest.raises(AuthError):
        backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    failed = rows(db, "SELECT field, reason FROM audit_trail WHERE action = 'user.login_failed'")
    assert failed == [("admin", "wrong password at login (1)")]  # recorded in the current file
    # A file of the same study made by someone else, with their own administrator.
    forged = tmp_path / "forged.db"
    with Store.create(forged, study, admin=("mallory", "Mallory", PASSWORD)):
        pass
    with pytest.raises(AuthError):
        backup.restore(db, forged, user_id="mallory", password=PASSWORD, study=study)
    # recorded in the current file, with nothing of the unknown id that was typed
    assert rows(db, "SELECT reason FROM audit_trail WHERE action = 'user.login_failed' AND "
                "field IS NULL") == [("unknown user id",)]
    assert rows(db, "SELECT count(*) FROM audit_trail WHERE field = 'mallory'") == [(0,)]
    assert rows(db, "SELECT count(*) FROM subjects") == [(2,)]  # nothing was replaced
    result = backup.restore(db, saved, user_id="admin", password=NEW_PASSWORD, study=study)
    assert rows(db, "SELECT count(*) FROM subjects") == [(1,)]
    assert rows(db, "SELECT user_id, role FROM audit_trail WHERE action = ?",
                backup.RESTORED) == [("admin", "admin")]
    assert result.kept_aside is not None


def test_a_nurse_of_the_current_database_may_not_restore(db, saved, study):
    with pytest.raises(PermissionDenied):
        backup.restore(db, saved, user_id="nurse", password=PASSWORD, study=study)


def test_restore_guesses_meet_the_lockout_and_are_audited(db, saved, study):
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            backup.restore(db, saved, user_id="admin", password="Guess-number-1", study=study)
    # Locked now: even the right password is refused, and that try is recorded too.
    with pytest.raises(AuthError, match="locked"):
        backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    actions = [r[0] for r in rows(db, "SELECT action FROM audit_trail WHERE field = 'admin' "
                                      "AND action LIKE 'user.%' ORDER BY seq")]
    assert actions.count("user.login_failed") == MAX_FAILED_LOGINS + 1
    assert "user.locked_out" in actions
    assert rows(db, "SELECT count(*) FROM audit_trail WHERE action = ?", backup.RESTORED) == [(0,)]
    with Store.open(db, study, readonly=True) as st:
        assert st.verify().ok


def test_plan_shows_both_files_and_the_restore_records_the_replaced_head(db, saved, study):
    with _as(db, study, "nurse") as st:
        st.subjects.create("CD")
    plan = restoring.plan(db, saved, study)
    assert plan.current is not None and not plan.authorised_by_backup
    assert (plan.current.subjects, plan.backup.subjects) == (2, 1)
    seq, digest = rows(db, "SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1")[0]
    assert plan.current.head == anchor.Head(seq, digest)
    last = rows(db, "SELECT ts FROM audit_trail WHERE action = 'subject.create' ORDER BY seq "
                "DESC LIMIT 1")[0][0]
    assert plan.current.last_change == last
    text = plan.text()
    assert f"{seq}:{digest[:16]}" in text and "2 subjects" in text and "1 subject," in text
    assert "administrator of the current database" in text
    backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    (old_value, new_value), = rows(db, "SELECT old_value, new_value FROM audit_trail WHERE "
                                   "action = ?", backup.RESTORED)
    # The replaced head is the one after the restoring administrator's login on it.
    assert old_value.startswith(f"{db.name} {anchor.PREFIX} ")
    replaced = anchor.parse(old_value)
    assert replaced.seq == seq + 1
    assert plan.backup.head.text() in new_value


def test_with_no_current_database_the_backups_administrator_authorises(db, saved, study):
    db.unlink()
    plan = restoring.plan(db, saved, study)
    assert plan.current is None and plan.authorised_by_backup
    assert "no current database" in plan.text().lower()
    with pytest.raises(AuthError):
        backup.restore(db, saved, user_id="admin", password="Guess-number-1", study=study)
    assert not db.exists()
    backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    assert rows(db, "SELECT old_value FROM audit_trail WHERE action = ?",
                backup.RESTORED) == [("trial.db (no database was there)",)]


def test_a_current_database_held_by_another_program_is_no_reason_to_ask_the_backup(
        db, saved, study):
    # An SQLite browser holding a write transaction: the login on the current file cannot
    # be written. That must not let the backup's own administrator decide instead.
    other = sqlite3.connect(db)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="in use by another program"):
            backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    finally:
        other.rollback()
        other.close()
    assert rows(db, "SELECT count(*) FROM audit_trail WHERE action = ?", backup.RESTORED) == [(0,)]
    assert not list(db.parent.glob("trial-replaced-*"))


def test_cli_prints_the_plan_and_asks(db, saved, study):
    result = CliRunner().invoke(main, ["--db", str(db), "restore", str(saved), "--as", "admin"],
                                input="n\n")
    assert result.exit_code == 1
    assert "Replaces:" in result.output and "With:" in result.output
    assert anchor.PREFIX in result.output and "1 subject," in result.output
    assert rows(db, "SELECT count(*) FROM audit_trail WHERE action = ?", backup.RESTORED) == [(0,)]


# --- kills ---------------------------------------------------------------------------------

_CHILD = """
import sys
from alsdesk.restore import restore
restore(sys.argv[1], sys.argv[2], user_id="admin", password=sys.argv[3])
print("done", flush=True)
"""
_WAL_WRITER = """
import os, sys
from alsdesk.store import Store
st = Store.open(sys.argv[1])
st.login("nurse", sys.argv[2])
st.subjects.create("WL")
os._exit(0)  # killed before closing: the new subject is only in the WAL
"""


def _env(**extra):
    env = dict(os.environ)
    env.update(extra)
    return env


def _old_with_wal(db, saved_dir):
    """The current database holds a subject the backup lacks, in its WAL only."""
    subprocess.run([sys.executable, "-c", _WAL_WRITER, str(db), PASSWORD], check=True,
                   env=_env(), timeout=60)
    wal = Path(str(db) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    return rows(db, "SELECT code FROM subjects WHERE initials = 'WL'")[0][0]


def _state_at_path(db, wal_code):
    """'old' or 'new': which complete database the path holds (fails on anything else)."""
    assert db.is_file(), "no database at the path"
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    restored = rows(db, "SELECT count(*) FROM audit_trail WHERE action = ?", backup.RESTORED)
    has_wal_subject = rows(db, "SELECT count(*) FROM subjects WHERE code = ?", wal_code)
    if restored == [(1,)]:
        assert has_wal_subject == [(0,)]
        return "new"
    assert restored == [(0,)] and has_wal_subject == [(1,)], "old file lost its WAL content"
    return "old"


def _after_kill(db, study, wal_code):
    state = _state_at_path(db, wal_code)
    with Store.open(db, study) as st:  # the next start: cleans what the kill left
        assert st.verify().ok
        assert (wal_code in [s.code for s in st.subjects.list()]) == (state == "old")
    names = sorted(p.name for p in db.parent.iterdir())
    assert not [n for n in names if ".restoring-" in n], names
    aside = [p for p in db.parent.glob("trial-replaced-*.db")]
    if state == "old":
        assert aside == [], names  # a second name of the file at the path is no copy to keep
    for p in aside:  # a kept file is the old database, whole
        assert rows(p, "SELECT count(*) FROM subjects WHERE code = ?", wal_code) == [(1,)]
    return state


def _kill_at_step(db, saved, step):
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(db), str(saved), PASSWORD],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=_env(ALSDESK_RESTORE_PAUSE_AT=step))
    try:
        line = child.stderr.readline()
        assert line.strip() == f"paused at {step}", (line, child.stderr.read())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()


@posix_only
@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step_leaves_old_or_new_whole(db, saved, study, step):
    wal_code = _old_with_wal(db, saved.parent)
    _kill_at_step(db, saved, step)
    state = _after_kill(db, study, wal_code)
    assert state == ("new" if step == "replaced" else "old")


@posix_only
def test_killed_at_random_times(db, saved, study, tmp_path):
    runs = int(os.environ.get("ALSDESK_CRASH_RUNS", "4"))
    rnd = random.Random(1201)
    seen = set()
    for run in range(runs):
        if run:  # a fresh old database for each run
            for p in db.parent.glob("trial*"):
                p.unlink()
            with Store.create(db, study, admin=("admin", "Ada Admin", PASSWORD)) as st:
                st.login("admin", PASSWORD)
                st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
                st.logout()
                st.login("nurse", PASSWORD)
                st.subjects.create("AB")
        wal_code = _old_with_wal(db, saved.parent)
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(db), str(saved), PASSWORD],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env=_env())
        time.sleep(rnd.uniform(0.2, 3.0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        seen.add(_after_kill(db, study, wal_code))
    assert seen <= {"old", "new"}  # each run ended in one of the two whole states


def _drop_triggers(path) -> None:
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                "tbl_name = 'audit_trail'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.commit()
    conn.close()


def test_a_database_changed_outside_the_program_is_restored_by_the_backups_administrator(
        db, saved, study):
    """Its append-only triggers dropped, nobody can log in to the current file (not even to
    restore it, which its refusal message asks for): the backup's administrator authorises,
    for a backup that is an earlier state of this very database."""
    _drop_triggers(db)
    with Store.open(db, study) as st:
        with pytest.raises(AuthError, match="outside ALS Desk"):
            st.login("admin", PASSWORD)
    plan = restoring.plan(db, saved, study)
    assert plan.authorised_by_backup and "changed outside ALS Desk" in plan.text()
    backup.restore(db, saved, user_id="admin", password=PASSWORD, study=study)
    with Store.open(db, study) as st:
        st.login("admin", PASSWORD)
        assert st.verify().ok
    old = rows(db, "SELECT old_value FROM audit_trail WHERE action = 'database.restore'")
    assert "changed outside ALS Desk" in old[-1][0] and anchor.PREFIX in old[-1][0]


def test_a_forged_file_cannot_replace_a_database_changed_outside_the_program(db, study,
                                                                             tmp_path):
    """Dropping the triggers does not open the door to restoring a file of the same study
    made elsewhere, with an administrator of its maker's choosing."""
    forged = tmp_path / "forged.db"
    with Store.create(forged, study, admin=("mallory", "Mallory Made", PASSWORD)):
        pass
    _drop_triggers(db)
    with pytest.raises(StoreError, match="not a known earlier state"):
        backup.restore(db, forged, user_id="mallory", password=PASSWORD, study=study)
    assert rows(db, "SELECT count(*) FROM subjects") == [(1,)]  # nothing was replaced


def test_a_linked_database_path_is_not_replaced_as_a_link(db, saved, study, tmp_path):
    link = tmp_path / "link.db"
    link.symlink_to(db)
    with pytest.raises(StoreError, match="is a link to"):
        backup.restore(link, saved, user_id="admin", password=PASSWORD, study=study)
    assert link.is_symlink()
