"""One writer per database: who holds it, read-only beside a writer, stale locks, release.

The other instance is a real second program (``python -m tests.lock_holder``), not a thread.
"""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alsdesk.errors import AuthError, DatabaseInUse, ReadOnlyDatabase
from alsdesk.store import Store, lock
from alsdesk.store.lock import DbLock, current_holder, lock_path, read_holder
from tests.conftest import PASSWORD
from tests.helpers import audit_count

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX lock tests")


@pytest.fixture
def db(tmp_path, study):
    path = tmp_path / "site.db"
    with Store.create(path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    return path


@contextlib.contextmanager
def other_instance(db, password=PASSWORD):
    proc = subprocess.Popen([sys.executable, "-m", "tests.lock_holder", str(db), password],
                            cwd=REPO,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line == "ready", proc.stderr.read()
        yield proc
    finally:
        if proc.poll() is None:
            with contextlib.suppress(OSError):
                proc.stdin.write("quit\n")
                proc.stdin.flush()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            with contextlib.suppress(OSError):
                stream.close()


def ask(proc, command):
    proc.stdin.write(command + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def files_of(db):
    """The database and its write-ahead log, byte for byte (the -shm index is scratch space
    that SQLite's readers also write)."""
    wal = Path(str(db) + "-wal")
    return db.read_bytes(), wal.read_bytes() if wal.exists() else b""


def dead_pid():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def fake_lock(db, **fields):
    info = {"host": socket.gethostname(), "pid": dead_pid(), "os_user": "someone",
            "since": "2026-01-05T08:30:00+00:00", "user_id": "nurse",
            "full_name": "Nora Nurse", "program": "ALS Desk 0.1.0"} | fields
    lock_path(db).write_text(json.dumps(info))
    return info


def test_second_writer_is_told_who_where_since_and_nothing_changes(db, study):
    with other_instance(db) as proc:
        before = files_of(db)
        started = time.monotonic()
        with pytest.raises(DatabaseInUse) as err:
            Store.open(db, study)
        assert time.monotonic() - started < 1.0, "the refusal must not wait on a lock"
        text = str(err.value)
        assert "in use by Nora Nurse (nurse) on this computer since" in text
        assert f"process {proc.pid}" in text and "read-only" in text
        holder = err.value.holder
        assert (holder.pid, holder.user_id, holder.host) == (proc.pid, "nurse",
                                                             socket.gethostname())
        assert files_of(db) == before
        assert proc.poll() is None  # the first instance goes on


def test_read_only_beside_a_writer_sees_its_saves_and_cannot_write(db, study):
    with other_instance(db) as proc:
        with Store.open(db, study, readonly=True) as ro:
            audit_rows = audit_count(ro)
            ro.login("admin", PASSWORD)  # checked, not written: the file is someone else's
            assert audit_count(ro) == audit_rows
            holder = ro.lock_holder()
            assert holder is not None and holder.user_id == "nurse" and holder.pid == proc.pid
            assert ro.subjects.count() == 0
            code = ask(proc, "save").split()[1]
            assert [s.code for s in ro.subjects.list()] == [code]
            assert ro.forms.get(code, "screening", "vs").values == {"pulse": 71, "weight": 70.5}
            with pytest.raises(ReadOnlyDatabase, match="open read-only: nothing can be saved"):
                ro.set_setting("idle_minutes", "3")
            ro.logout()  # nothing to write, and no error
            # a long write transaction over there does not make reading here wait
            assert ask(proc, "wait") == "waiting"
            started = time.monotonic()
            assert ro.subjects.count() == 1
            assert time.monotonic() - started < 0.5
            assert proc.stdout.readline().strip() == "done"
    with Store.open(db, study) as st:
        assert st.verify().ok


def test_stale_lock_of_a_killed_instance_is_cleared(db, study):
    with other_instance(db) as proc:
        proc.kill()
        proc.wait()
        assert lock_path(db).exists()
        assert read_holder(db).pid == proc.pid
        assert current_holder(db) is None  # the OS lock died with the process
        with Store.open(db, study) as st:
            assert st.stale_lock is not None
            assert (st.stale_lock.pid, st.stale_lock.user_id) == (proc.pid, "nurse")
            assert read_holder(db).pid == os.getpid()
            assert st.verify().ok


def test_lock_names_the_user_and_goes_on_close(db, study):
    st = Store.open(db, study)
    info = read_holder(db)
    assert (info.pid, info.host, info.user_id) == (os.getpid(), socket.gethostname(), None)
    assert "nobody logged in" in info.who()
    st.login("nurse", PASSWORD)
    assert read_holder(db).full_name == "Nora Nurse"
    st.logout()
    assert read_holder(db).user_id is None
    st.close()
    assert not lock_path(db).exists()
    st.close()  # twice is harmless
    with Store.open(db, study) as again:
        assert again.stale_lock is None


def test_stores_of_one_program_share_the_lock(db, study):
    first = Store.open(db, study)
    second = Store.open(db, study)  # e.g. a worker thread's own connection
    first.close()
    assert lock_path(db).exists()
    second.close()
    assert not lock_path(db).exists()


def test_exclusive_use_refuses_an_open_database(db, study):
    with Store.open(db, study):
        with pytest.raises(DatabaseInUse, match="open in this ALS Desk window"):
            DbLock.acquire(db, exclusive=True)
    held = DbLock.acquire(db, exclusive=True)
    with pytest.raises(DatabaseInUse):
        Store.open(db, study)
    held.release()


def test_lock_file_of_a_dead_process_on_this_computer_is_stale(db, study):
    info = fake_lock(db)
    with Store.open(db, study) as st:
        assert st.stale_lock.pid == info["pid"]


def test_without_os_locks_the_process_id_decides(db, study, monkeypatch):
    # Some network file systems have no working locks: then a lock naming this computer is
    # stale exactly when its process is gone.
    monkeypatch.setattr(lock, "_os_lock", lambda fd, shared: None)
    fake_lock(db)
    with Store.open(db, study) as st:
        assert st.stale_lock is not None
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        fake_lock(db, pid=sleeper.pid)
        with pytest.raises(DatabaseInUse, match=f"process {sleeper.pid}"):
            Store.open(db, study)
    finally:
        sleeper.kill()
        sleeper.wait()
    with Store.open(db, study) as st:
        assert st.stale_lock.pid == sleeper.pid


def test_lock_from_another_computer_needs_a_person_to_take_over(db, study):
    fake_lock(db, host="CLINIC-PC-7", pid=4242)
    before = files_of(db)
    with pytest.raises(DatabaseInUse) as err:
        Store.open(db, study)
    text = str(err.value)
    assert "on the computer CLINIC-PC-7" in text and "take the database over" in text
    assert files_of(db) == before
    with Store.open(db, study, take_over=True) as st:
        assert st.stale_lock.host == "CLINIC-PC-7"
    assert not lock_path(db).exists()


def test_unreadable_lock_file_nobody_holds_is_stale(db, study):
    lock_path(db).write_bytes(b"\x00\xffnot json")
    with Store.open(db, study) as st:
        assert st.stale_lock is not None and st.stale_lock.pid == 0


def test_a_lock_note_cut_short_by_a_crash_still_names_the_holder(db, study):
    info = fake_lock(db)
    longer = lock_path(db).read_bytes()
    # what a kill between writing a shorter note and truncating the file leaves behind
    shorter = json.dumps(info | {"user_id": None, "full_name": None}).encode()
    lock_path(db).write_bytes(shorter + longer[len(shorter):] + b"tail")
    assert read_holder(db).pid == info["pid"]


def test_read_only_login_counts_failures_in_memory_and_obeys_lockout(db, study):
    with Store.open(db, study) as st:
        st.login("admin", PASSWORD)
        st.users.add("inv", "Ivan Investigator", "investigator", PASSWORD)
        st.users.set_active("inv", False, "left the site")
    with other_instance(db):
        before = files_of(db)
        with Store.open(db, study, readonly=True) as ro:
            for _ in range(5):
                with pytest.raises(AuthError, match="(?i)wrong"):
                    ro.login("nurse", "Wrong-password-1")
            with pytest.raises(AuthError, match="locked"):
                ro.login("nurse", PASSWORD)
            with pytest.raises(AuthError, match="deactivated"):
                ro.login("inv", PASSWORD)
            assert ro.user_id is None
        assert files_of(db) == before


def test_only_one_of_several_programs_started_together_gets_the_database(db):
    code = ("import sys, time\n"
            "from alsdesk.store import Store\n"
            "from alsdesk.errors import DatabaseInUse\n"
            "try:\n"
            "    st = Store.open(sys.argv[1])\n"
            "except DatabaseInUse:\n"
            "    print('refused', flush=True)\n"
            "else:\n"
            "    print('opened', flush=True)\n"
            "    time.sleep(3)\n"
            "    st.close()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=REPO,
                              stdout=subprocess.PIPE, text=True) for _ in range(4)]
    answers = sorted(p.communicate(timeout=30)[0].strip() for p in procs)
    assert answers == ["opened", "refused", "refused", "refused"]
    assert not lock_path(db).exists()


def test_the_demo_file_is_not_replaced_under_a_running_instance(tmp_path):
    from alsdesk.demo import DEMO_PASSWORD, build_demo

    demo = build_demo(tmp_path / "demo.db")
    with other_instance(demo, DEMO_PASSWORD):
        before = files_of(demo)
        with pytest.raises(DatabaseInUse):
            build_demo(demo, force=True)
        assert files_of(demo) == before
    build_demo(demo, force=True)
    assert not lock_path(demo).exists()
