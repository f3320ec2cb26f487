"""Issue 12, item 15 (part): a FIFO, a device, a socket or a folder given as a database or a
backup. Opening a FIFO for reading blocks until someone writes to it (verify hung for ever);
a device can be read without end or, with --force, written over. Each is refused at once
with a message saying what it is, and is still there, unchanged, afterwards.
"""
from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk import backup
from alsdesk.cli import main
from alsdesk.errors import AlsDeskError, StoreError
from alsdesk.store import Store
from tests.conftest import PASSWORD

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file kinds")


def _fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.db"
    os.mkfifo(path)
    return path


def _device(tmp_path) -> Path:
    """A character device like /dev/null, made in the test folder (needs CAP_MKNOD)."""
    path = tmp_path / "device.db"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here")
    return path


def _socket(tmp_path) -> tuple[Path, socket.socket]:
    path = tmp_path / "sock.db"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    return path, sock


def _quick(fn, *args, **kwargs):
    """Run fn; fail (rather than hang the suite) if it blocks for 10 s."""
    def hung(*_):
        raise TimeoutError("blocked: the FIFO was opened")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        return fn(*args, **kwargs)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def good(store, db_path, tmp_path):
    store.subjects.create("AB")
    store.close()
    return backup.backup_now(db_path, tmp_path / "good-backup.db").path


def _kinds(tmp_path):
    path, sock = _socket(tmp_path)
    sock.close()  # the socket file stays
    folder = tmp_path / "folder.db"
    folder.mkdir()
    return {"named pipe": _fifo(tmp_path), "socket": path, "folder": folder}


def test_every_reader_refuses_them_at_once(tmp_path, study, good, db_path):
    for words, path in _kinds(tmp_path).items():
        mode = os.stat(path).st_mode
        for call in (lambda: Store.open(path, study), lambda: Store.open(path, study,
                                                                          readonly=True),
                     lambda: backup.check_backup(path, study=study),
                     lambda: backup.backup_now(path, tmp_path / "out.db"),
                     lambda: backup.restore(db_path, path, user_id="admin",
                                            password=PASSWORD, study=study),
                     lambda: backup.restore(path, good, user_id="admin", password=PASSWORD,
                                            study=study)):
            with pytest.raises(StoreError, match=words):
                _quick(call)
        assert os.stat(path).st_mode == mode  # still what it was, never replaced
    assert not (tmp_path / "out.db").exists()


def test_a_device_is_refused_and_never_written(tmp_path, study, good):
    device = _device(tmp_path)
    with pytest.raises(StoreError, match="device"):
        _quick(Store.open, device, study)
    with pytest.raises(StoreError, match="device"):
        _quick(backup.check_backup, device, study=study)
    with pytest.raises(StoreError, match="device"):
        _quick(backup.restore, device, good, user_id="admin", password=PASSWORD, study=study)
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_cli_verify_on_a_fifo_says_what_it_is(tmp_path):
    fifo = _fifo(tmp_path)
    done = subprocess.run([sys.executable, "-m", "alsdesk.cli", "--db", str(fifo), "verify"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "named pipe (FIFO)" in done.stderr and "Traceback" not in done.stderr


def test_demo_force_over_a_fifo_leaves_it(tmp_path):
    fifo = _fifo(tmp_path)
    result = _quick(CliRunner().invoke, main, ["--db", str(fifo), "demo", "--force"])
    assert result.exit_code != 0 and "named pipe" in result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_export_force_over_a_fifo_or_a_socket_is_refused(store, tmp_path):
    from alsdesk import exchange

    store.logout()
    store.login("admin", PASSWORD)
    for words, path in _kinds(tmp_path).items():
        if words == "folder":
            continue  # a folder is the right target of a CSV export
        mode = os.stat(path).st_mode
        with pytest.raises(AlsDeskError, match=words):
            _quick(exchange.export_odm, store, path, exchange.ExportOptions(), overwrite=True)
        assert os.stat(path).st_mode == mode
