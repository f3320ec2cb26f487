"""Bad files: each gives a message saying what is wrong and what to do, and the file is left
byte-for-byte as it was.

Read-only files and folders are real: the test runs the opening code under an account that
really lacks write access. Root ignores file permissions, so under root (CI containers) that
code runs in a forked child that has switched to the unprivileged 'nobody' account; as an
ordinary user it runs directly. Where SQLite itself must refuse a write (a read-only
connection, PRAGMA query_only) the test says so: that checks our mapping of SQLite's refusal,
not the operating system's.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import socket
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.errors import DatabaseInUse, ReadOnlyDatabase, StoreError
from alsdesk.store import Store
from alsdesk.store.lock import lock_path
from alsdesk.store.schema import SCHEMA_VERSION
from tests.conftest import PASSWORD
from tests.helpers import audit_count, file_bytes

POSIX = os.name == "posix"
NOBODY = 65534


def make_db(path, study, plain=True):
    with Store.create(path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        st.login("nurse", PASSWORD)
        st.subjects.create("AB")
    if plain:  # checkpoint and leave WAL mode: the file's bytes then stand alone
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
    return path


def refuse(path, study, *phrases, error=StoreError, **kw):
    """Open must fail with all the phrases in its message and leave the file as it was."""
    before = path.read_bytes() if path.is_file() else None
    locked_before = lock_path(path).exists()
    with pytest.raises(error) as err:
        Store.open(path, study, **kw)
    text = str(err.value)
    for phrase in phrases:
        assert phrase in text, f"{phrase!r} not in: {text}"
    if before is not None:
        assert path.read_bytes() == before
    assert lock_path(path).exists() == locked_before  # no lock file left behind by us
    return text


# --- not ours, truncated, damaged, newer, missing -------------------------------------------


@pytest.mark.parametrize("content", [
    b"", b"Patient list\nS001 ...\n" * 40, b"%PDF-1.7\n" + b"\x00" * 4000,
    b"SQLite format 3\x00" + b"\x00" * 40,
], ids=["empty", "text", "pdf", "header-only"])
def test_not_a_database(tmp_path, study, content):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    refuse(path, study, "is not an ALS Desk database", "Check that you opened the right file")


def test_a_truncated_database(tmp_path, study):
    path = make_db(tmp_path / "cut.db", study)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a copy that stopped half-way
    refuse(path, study, "damaged or unreadable", "Restore the latest backup")


def test_a_damaged_page_is_caught_at_open(tmp_path, study):
    path = make_db(tmp_path / "bad.db", study)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2: page * 3] = b"\x77" * page
    path.write_bytes(bytes(data))
    refuse(path, study, "damaged or unreadable", "Restore the latest backup")


def test_another_programs_sqlite_file(tmp_path, study):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE patients (name TEXT)")
    conn.commit()
    conn.close()
    refuse(path, study, "an SQLite file but not an ALS Desk database")


def test_a_database_from_a_newer_program(tmp_path, study):
    path = make_db(tmp_path / "new.db", study)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                 (str(SCHEMA_VERSION + 3),))
    conn.commit()
    conn.close()
    before = path.read_bytes()
    refuse(path, study, "newer version of ALS Desk", "Install the newer version")
    refuse(path, study, "newer version", readonly=True)
    assert path.read_bytes() == before


def test_a_missing_folder(tmp_path, study):
    text = refuse(tmp_path / "stick" / "trial.db", study, "is not there",
                  "USB stick or a network drive")
    assert "stick" in text
    with pytest.raises(StoreError, match="does not exist"):
        Store.create(tmp_path / "stick" / "trial.db", study)


def test_a_missing_file_and_a_folder_in_its_place(tmp_path, study):
    refuse(tmp_path / "none.db", study, "There is no database", "alsdesk init")
    folder = tmp_path / "trial.db"
    folder.mkdir()
    refuse(folder, study, "is a folder, not a database file")


# --- locked by another process ----------------------------------------------------------------


def test_locked_by_another_als_desk(tmp_path, study):
    path = make_db(tmp_path / "site.db", study, plain=False)
    from tests.test_lock import other_instance

    with other_instance(path) as proc:
        before = file_bytes(path)
        text = refuse(path, study, "is in use by Nora Nurse (nurse)", "open the database "
                      "read-only", error=DatabaseInUse)
        assert str(proc.pid) in text and file_bytes(path) == before
        with Store.open(path, study, readonly=True) as ro:
            assert ro.subjects.count() == 1


def test_locked_by_another_program(tmp_path, study):
    """An SQLite browser or sync tool holding an exclusive lock on the file."""
    path = make_db(tmp_path / "site.db", study, plain=False)
    script = ("import sqlite3, sys, time\n"
              "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
              "c.execute('BEGIN EXCLUSIVE')\n"
              "c.execute('SELECT count(*) FROM meta').fetchone()\n"
              "print('locked', flush=True)\n"
              "time.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = file_bytes(path)
        started = time.monotonic()
        refuse(path, study, "locked by another program", "Close that program, then try "
               "again")
        refuse(path, study, "locked by another program", readonly=True)
        assert time.monotonic() - started < 5  # a clear answer, not a frozen window
        assert file_bytes(path) == before
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with Store.open(path, study) as st:
        assert st.verify().ok


# --- read-only files and folders, for real ------------------------------------------------


def _run_unprivileged(fn, *args):
    """fn(*args) under an account without write access; returns its result or error text."""
    if os.geteuid() != 0:
        try:
            return ("ok", fn(*args))
        except Exception as exc:  # noqa: BLE001 - reported back to the test like the child
            return ("error", f"{type(exc).__name__}: {exc}")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                result = ("ok", fn(*args))
            except Exception as exc:  # noqa: BLE001
                result = ("error", f"{type(exc).__name__}: {exc}")
            os.write(write_end, pickle.dumps(result))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    assert status == 0 and chunks, "the unprivileged child failed"
    return pickle.loads(b"".join(chunks))


@pytest.fixture
def shared_dir():
    """A folder outside root's private temp area, so 'nobody' can reach it."""
    if not POSIX:
        pytest.skip("file permissions are tested on POSIX systems")
    folder = Path(tempfile.mkdtemp(prefix="alsdesk-ro-"))
    try:
        yield folder
    finally:
        for p in [folder, *folder.rglob("*")]:
            os.chmod(p, 0o777 if p.is_dir() else 0o666)
        shutil.rmtree(folder)


def _open_for_writing(path, study):
    Store.open(path, study).close()
    return "opened"


def _look_read_only(path, study):
    with Store.open(path, study, readonly=True) as ro:
        ro.login("nurse", PASSWORD)
        result = (ro.subjects.count(), audit_count(ro))
        try:
            ro.subjects.create("ZZ")
        except ReadOnlyDatabase as exc:
            return result + (str(exc),)
    return result + ("saved!",)


def _verify_cli(path):
    out = CliRunner().invoke(main, ["--db", str(path), "verify"])
    return out.exit_code, out.output


def test_a_read_only_file(shared_dir, study):
    path = make_db(shared_dir / "trial.db", study)
    os.chmod(shared_dir, 0o777)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    kind, text = _run_unprivileged(_open_for_writing, path, study)
    assert kind == "error" and text.startswith("ReadOnlyDatabase"), text
    assert "is read-only for this account" in text and "open it read-only" in text
    kind, (subjects, _rows, refusal) = _run_unprivileged(_look_read_only, path, study)
    assert kind == "ok" and subjects == 1 and "open read-only" in refusal
    assert path.read_bytes() == before and not lock_path(path).exists()


def test_a_read_only_folder(shared_dir, study):
    path = make_db(shared_dir / "trial.db", study)
    os.chmod(path, 0o666)  # the file itself could be written; its folder cannot
    # root runs the program as 'nobody' (a 755 folder of root's is read-only to it); an
    # ordinary user runs it as itself, and only 555 keeps the owner out of its own folder
    os.chmod(shared_dir, 0o755 if os.geteuid() == 0 else 0o555)
    before = path.read_bytes()
    kind, text = _run_unprivileged(_open_for_writing, path, study)
    assert kind == "error" and text.startswith("ReadOnlyDatabase"), text
    assert f"The folder {shared_dir} is read-only" in text and "open it read-only" in text
    kind, result = _run_unprivileged(_look_read_only, path, study)
    assert kind == "ok", result
    subjects, rows, refusal = result
    assert subjects == 1 and rows > 0 and "nothing can be saved" in refusal
    kind, (code, output) = _run_unprivileged(_verify_cli, path)
    assert kind == "ok" and code == 0 and "VERIFY OK" in output, output
    assert path.read_bytes() == before
    assert sorted(p.name for p in shared_dir.iterdir()) == ["trial.db"]


def test_sqlite_refusing_a_write_is_reported_as_read_only(store):
    """Simulated: SQLite's own refusal (PRAGMA query_only), not file permissions."""
    code = store.subjects.create("AB").code
    rows = audit_count(store)
    store.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(ReadOnlyDatabase, match="read-only for this account: nothing was saved"):
        store.forms.save(code, "screening", "vs", {"pulse": 80})
    store.conn.execute("PRAGMA query_only = 0")
    assert audit_count(store) == rows
    assert store.forms.get(code, "screening", "vs").instance_id is None
    assert store.verify().ok


def test_a_read_only_connection_refusing_a_write_is_mapped(tmp_path, study):
    """Simulated: a write through SQLite's read-only mode (?mode=ro) gets our message."""
    from alsdesk.store.core import _store_error

    path = make_db(tmp_path / "t.db", study)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raw:
        conn.execute("INSERT INTO settings VALUES ('a', 'b')")
    conn.close()
    error = _store_error(path, raw.value)
    assert isinstance(error, ReadOnlyDatabase) and "write access" in str(error)


def _open_write_and_report_stale(path, study):
    with Store.open(path, study) as st:
        st.login("nurse", PASSWORD)
        st.subjects.create("EF")
        return st.stale_lock.pid if st.stale_lock else None


def test_a_stale_lock_left_by_another_account_is_cleared(shared_dir, study):
    """A crash under one computer account must not lock out the next account."""
    path = make_db(shared_dir / "trial.db", study)
    os.chmod(shared_dir, 0o777)
    os.chmod(path, 0o666)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(path).write_text(json.dumps({
        "host": socket.gethostname(), "pid": dead.pid, "os_user": "root",
        "since": "2026-01-01T08:00:00+00:00"}))
    os.chmod(lock_path(path), 0o644)  # the other account's file: not writable for 'nobody'
    kind, result = _run_unprivileged(_open_write_and_report_stale, path, study)
    assert kind == "ok" and result == dead.pid, result
    assert not lock_path(path).exists()
