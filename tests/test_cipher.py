"""The encrypted copy of a database (issue 20, its second part): made from a real ALS Desk
file with planted identifiers, it opens with the recovery key (and its raw key), holds
every row, none of the identifiers in its bytes, and leaves the plain file untouched, also
when the making is killed at any moment."""
from __future__ import annotations

import hashlib
import random
import shutil
import signal
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alsdesk.keyslots import new_recovery_key
from alsdesk.store import Store, cipher
from tests.conftest import demo_template  # noqa: F401 - fixture

PLANTED = {"fullname": "Maryam Planted-Ahmadi", "mrn": "MRN-4471902", "phone": "+98 912 555 0199"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plain(tmp_path, demo_template):
    from alsdesk.demo import DEMO_PASSWORD

    path = tmp_path / "trial.db"
    shutil.copy(demo_template, path)
    with Store.open(path) as st:
        st.login("nurse", DEMO_PASSWORD)
        code = st.subjects.create("MP").code
        st.forms.save(code, "screening", "pii", PLANTED)
    return path


def test_the_copy_opens_with_the_key_holds_every_row_and_no_identifier(plain):
    key = new_recovery_key()
    assert not cipher.is_encrypted(plain)
    before = _sha(plain)
    copy = cipher.encrypt_copy(plain, key)
    assert _sha(plain) == before  # only read
    assert cipher.is_encrypted(copy)
    data = copy.read_bytes()
    for value in PLANTED.values():
        assert value.encode() not in data
    conn = cipher.connect(copy, key)
    plain_conn = sqlite3.connect(plain)
    for (name,) in plain_conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if name.startswith("sqlite_"):
            continue
        assert conn.execute(f'SELECT count(*) FROM "{name}"').fetchone() == \
            plain_conn.execute(f'SELECT count(*) FROM "{name}"').fetchone(), name
    assert conn.execute("SELECT fullname, mrn FROM pii WHERE mrn = ?",
                        (PLANTED["mrn"],)).fetchone() == (PLANTED["fullname"], PLANTED["mrn"])
    assert conn.execute("PRAGMA application_id").fetchone() == \
        plain_conn.execute("PRAGMA application_id").fetchone()
    # the audit trail's triggers came along: append-only in the copy too
    with pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM audit_trail")
    conn.close()
    plain_conn.close()


def test_another_key_does_not_open_it_and_says_so(plain):
    copy = cipher.encrypt_copy(plain, new_recovery_key())
    with pytest.raises(cipher.CipherError, match="The key does not open"):
        cipher.connect(copy, new_recovery_key())


_CHILD = """
import sys
sys.path.insert(0, {root!r})
from alsdesk.store import cipher
cipher.encrypt_copy({plain!r}, {key!r})
print("done", flush=True)
"""


def test_killed_while_copying_the_plain_file_is_as_it_was(tmp_path):
    """A file big enough that making the copy takes a while, the child killed at random
    moments: the plain file's bytes never change; the next run makes a whole copy."""
    path = tmp_path / "big.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1095521092")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)",
                     ((i, f"Maryam Ahmadi {i:09d}") for i in range(600_000)))
    conn.commit()
    conn.close()
    before = _sha(path)
    key = new_recovery_key()
    child = _CHILD.format(root=str(Path(__file__).resolve().parents[1]), plain=str(path),
                          key=key)
    rng = random.Random(19)
    killed = 0
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE)
        time.sleep(rng.uniform(0.2, 1.2))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        assert _sha(path) == before
    copy = cipher.encrypt_copy(path, key)  # a leftover half copy is replaced
    check = cipher.connect(copy, key)
    assert check.execute("SELECT count(*) FROM t").fetchone() == (600_000,)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    assert killed, "the copy was always made before the kill: make the file bigger"
