"""A full disk: every kind of save fails cleanly, says the disk is full, and leaves nothing
half-written; once space is free the same save goes through.

Two ways to fill the disk: SQLite's max_page_count (simulated: the database refuses to grow,
which SQLite reports exactly as it reports a full disk; runs everywhere), and a real 1 MB
tmpfs filled to the last byte (real ENOSPC from the kernel; needs root and permission to
mount, otherwise skipped).
"""
from __future__ import annotations

import contextlib
import itertools
import os
import subprocess
from pathlib import Path

import pytest

from alsdesk import backup
from alsdesk.errors import DiskFull
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, audit_count, disk_full, file_bytes, sql_dump

BIG = "Denervation in bulbar, cervical and lumbar regions. " * 75  # ~3.9 kB, several pages
_NEW_IDS = itertools.count(1000)


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


def _state(store):
    """Everything in the file, as SQL, plus the main file's bytes."""
    return sql_dump(store.conn), file_bytes(store.path)


@pytest.fixture
def ready(store):
    """A subject with a completed ALSFRS-R form (nurse logged in)."""
    code = store.subjects.create("AB").code
    rec = store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True).record
    return store, code, rec.instance_id


ACTIONS = {
    "new subject": ("nurse", lambda st, code, iid: st.subjects.create("CD")),
    "draft save": ("nurse", lambda st, code, iid: st.forms.save(
        code, "screening", "emg", {"emgperf": "Y", "emgsum": BIG})),
    "change with reason": ("nurse", lambda st, code, iid: st.forms.save(
        code, "screening", "alsfrs", {"q1": 2, "q2": 2, "q3": 2}, reason="source: " + BIG)),
    "sign": ("inv", lambda st, code, iid: st.forms.sign(iid, PASSWORD, meaning=BIG)),
    "lock": ("admin", lambda st, code, iid: st.forms.lock(iid, BIG)),
    # a setting's value and a full name have limits of their own (1,000 and 200 characters):
    # the saves are repeated, each with a new id, until the disk is full
    "setting": ("admin", lambda st, code, iid: st.set_setting("site_note", BIG[:1000])),
    "new user": ("admin", lambda st, code, iid: st.users.add(
        f"x{next(_NEW_IDS)}", BIG[:200], "nurse", PASSWORD)),
}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_save_on_a_full_disk_fails_cleanly(ready, action):
    store, code, iid = ready
    user, call = ACTIONS[action]
    _as(store, user)
    with disk_full(store):
        # Small saves fit in the free room of the last pages; repeat until the disk is full.
        # The big ones fail at once.
        for _attempt in range(100):
            before, rows = _state(store), audit_count(store)
            try:
                call(store, code, iid)
            except DiskFull as exc:
                err = exc
                break
        else:
            pytest.fail("the database never filled up")
        assert _state(store) == before and audit_count(store) == rows
        assert not store.conn.in_transaction
    text = str(err)
    assert "is full: nothing was saved" in text and "Free some space" in text
    assert store.verify().ok
    call(store, code, iid)  # with space again, the very same save goes through
    assert audit_count(store) > rows and store.verify().ok


def test_data_typed_before_the_disk_filled_is_intact(ready):
    store, code, _ = ready
    store.forms.save(code, "screening", "vs", {"pulse": 77})
    with disk_full(store), pytest.raises(DiskFull):
        store.forms.save(code, "screening", "emg", {"emgperf": "Y", "emgsum": BIG})
    assert store.forms.get(code, "screening", "vs").values == {"pulse": 77}
    assert store.forms.get(code, "screening", "emg").instance_id is None


# --- a real full disk -----------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A 2 MB tmpfs (real ENOSPC when full); skipped where mounting is not allowed. (A new
    file holds its definition twice while it is made, the WAL and the file: 1 MB was too
    little once the definition carried its Persian.)"""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tiny file system needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)
    return filler


def test_a_really_full_disk(tiny_disk, study):
    path = tiny_disk / "trial.db"
    with Store.create(path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        _as(st, "nurse")
        code = st.subjects.create("AB").code
        filler = _fill(tiny_disk)
        rows = audit_count(st)
        with pytest.raises(DiskFull, match="is full: nothing was saved"):
            for _ in range(200):
                st.forms.save(code, "screening", "emg", {"emgperf": "Y", "emgsum": BIG[:3999]})
                st.forms.save(code, "screening", "emg", {"emgsum": BIG[1:4000]})
        assert st.verify().ok
        kept = audit_count(st)
        assert kept >= rows
        filler.unlink()
        st.forms.save(code, "screening", "vs", {"pulse": 66})
        assert st.verify().ok and audit_count(st) > kept
    with Store.open(path, study) as st:
        assert st.verify().ok


def test_a_backup_to_a_full_usb_stick(tiny_disk, tmp_path, study, store):
    store.subjects.create("AB")
    _as(store, "admin")
    with store.transaction():  # a database larger than the stick (a setting holds 1,000)
        for i in range(1200):
            store.set_setting(f"site_note.{i}", BIG[:1000])
    backup.configure(store, folder=tiny_disk)
    with pytest.raises(DiskFull, match="full: the backup was not written"):
        backup.auto_backup(store, "close")
    assert sorted(p.name for p in tiny_disk.iterdir()) == []
    assert store.verify().ok


@pytest.mark.parametrize("fmt, name", [("sdtm", "sdtm"), ("csv", "csv"), ("xpt", "xpt"),
                                       ("stata", "stata"), ("odm", "trial.xml")])
def test_an_export_to_a_full_disk_says_so_and_leaves_nothing(demo_db, tiny_disk, fmt, name):
    from alsdesk.demo import DEMO_PASSWORD
    from alsdesk.exchange import ExportError
    from alsdesk.exchange.formats import writer

    filler = _fill(tiny_disk)
    os.truncate(filler, os.path.getsize(filler) - 64 * 1024)  # room for a bit, not for all
    with Store.open(demo_db) as st:
        st.login("monitor", DEMO_PASSWORD)
        exports = audit_count(st)
        with pytest.raises(ExportError, match="not enough free space on the disk of"):
            writer(fmt)(st, tiny_disk / name)
        assert audit_count(st) == exports  # no export logged
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]


def test_an_export_into_the_root_of_a_mounted_stick(demo_db, tiny_disk):
    """The target folder is the mount point itself: its parent is another disk, so the files
    are written inside it and moved in place there."""
    from alsdesk.demo import DEMO_PASSWORD
    from alsdesk.exchange.formats import writer

    with Store.open(demo_db) as st:
        st.login("monitor", DEMO_PASSWORD)
        done = writer("proact")(st, tiny_disk)
    names = sorted(p.name for p in tiny_disk.iterdir())
    assert "README.txt" in names and all(not n.startswith(".") for n in names)
    assert len(done.files) == len(names)
