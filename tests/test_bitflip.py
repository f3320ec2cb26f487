"""Issue 12, item 13: single flipped bits and a damaged audit head.

A small real file (users, a subject, a completed and signed form) gets one bit flipped at a
time, and every way the program reads a file is run on it in this process: the backup check,
opening read-only and verifying, opening for writing and logging in, and restoring it over a
good database. Each must end in a result or one of our errors (a message), never another
exception, and never hang. A flip in an audit or signature time stamp, or in the schema text,
must be caught by the checks.

ALSDESK_FLIP_RUNS sets how many random live bytes are flipped (default 60; a release run
takes thousands), ALSDESK_FLIP_SEED which ones.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import sys
from pathlib import Path

import pytest

from alsdesk import backup
from alsdesk.errors import AlsDeskError, StoreError
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values

RUNS = int(os.environ.get("ALSDESK_FLIP_RUNS", "60"))
HANG_SECONDS = 30
_BLANKS = b" \t\n\v\f\r"


@pytest.fixture(scope="module")
def good(tmp_path_factory, study) -> Path:
    path = tmp_path_factory.mktemp("flip") / "good.db"
    with Store.create(path, study, admin=("admin", "Ada Admin", PASSWORD)) as st:
        st.login("admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        st.users.add("inv", "Ivan Investigator", "investigator", PASSWORD)
        st.logout()
        st.login("nurse", PASSWORD)
        code = st.subjects.create("AB").code
        iid = st.forms.save(code, "screening", "alsfrs", alsfrs_values(),
                            complete=True).record.instance_id
        st.logout()
        st.login("inv", PASSWORD)
        st.forms.sign(iid, PASSWORD)
    assert not Path(str(path) + "-wal").exists()  # one self-contained file
    return path


def _flipped(good: Path, folder: Path, offset: int | list[int], bit: int) -> Path:
    data = bytearray(good.read_bytes())
    for at in ([offset] if isinstance(offset, int) else offset):
        data[at] ^= 1 << bit
    target = folder / "flipped.db"
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    target.write_bytes(bytes(data))
    return target


def _timeout(*_args):
    raise TimeoutError(f"hung for {HANG_SECONDS} s")


def _outcome(fn) -> str:
    """'ok', 'report' or 'error' (ours); anything else fails the test with its traceback."""
    old = signal.signal(signal.SIGALRM, _timeout) if hasattr(signal, "SIGALRM") else None
    if old is not None:
        signal.alarm(HANG_SECONDS)
    try:
        return "ok" if fn() is not False else "report"
    except AlsDeskError:
        return "error"
    finally:
        if old is not None:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)


def _verified(path: Path, study) -> bool:
    with Store.open(path, study, readonly=True) as st:
        return st.verify().ok


def _every_reader(path: Path, good: Path, study, restore: bool = True) -> dict[str, str]:
    def verify():
        return _verified(path, study)

    def open_and_login():
        with Store.open(path, study) as st:
            st.login("nurse", PASSWORD)
        return True

    def restore_it():
        current = path.with_name("current.db")
        for leftover in path.parent.glob("current*"):
            leftover.unlink()
        shutil.copyfile(good, current)
        backup.restore(current, path, user_id="admin", password=PASSWORD, study=study)
        return True

    found = {"check": _outcome(lambda: backup.check_backup(path, study=study)),
             "verify": _outcome(verify), "open": _outcome(open_and_login)}
    if restore or found["check"] == "error":  # a refused restore is quick: always tried
        found["restore"] = _outcome(restore_it)
    return found


def _live_offsets(data: bytes) -> list[int]:
    """Bytes in use (not the zeros of free space), where a flip can change something."""
    return [i for i in range(len(data)) if data[i] or (i and data[i - 1])]


def test_random_flips_end_in_a_result_or_a_message(good, tmp_path, study):
    data = good.read_bytes()
    rnd = random.Random(int(os.environ.get("ALSDESK_FLIP_SEED", "1301")))
    offsets = rnd.sample(_live_offsets(data), min(RUNS, len(data)))
    seen = {}
    for offset in offsets:
        path = _flipped(good, tmp_path, offset, rnd.randrange(8))
        outcome = _every_reader(path, good, study)
        seen[offset] = outcome
        # What the backup check accepts, verify accepts too (restore relies on it).
        if outcome["check"] == "ok":
            assert outcome["verify"] == "ok" and outcome["restore"] == "ok", (offset, outcome)
    assert any(o["check"] == "error" for o in seen.values())


def test_flips_in_the_file_header_end_in_a_message(good, tmp_path, study):
    for offset in range(100):  # the database header: page size, counters, encoding, ...
        path = _flipped(good, tmp_path, offset, offset % 8)
        # A restore of an accepted file is the random test's; here the refusals are tried.
        outcome = _every_reader(path, good, study, restore=False)
        assert set(outcome.values()) <= {"ok", "report", "error"}


def _text_positions(data: bytes, texts: list[str]) -> list[tuple[str, int]]:
    out = []
    for text in texts:
        raw = text.encode()
        at = data.find(raw)
        while at != -1:
            out.append((text, at))
            at = data.find(raw, at + 1)
    return out


def _tables_changed(good: Path, path: Path) -> set[str]:
    """Which tables read differently after the flip (bytes, so no decoding fails)."""
    def rows(p):
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
        conn.text_factory = bytes
        try:
            names = [r[0].decode() for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall()) for n in names}
        finally:
            conn.close()
    try:
        before, after = rows(good), rows(path)
    except sqlite3.Error:
        return {"(unreadable)"}
    return {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}


def test_a_flip_in_an_audit_or_signature_time_stamp_is_caught(good, tmp_path, study):
    conn = sqlite3.connect(good)
    stamps = sorted({r[0] for r in conn.execute("SELECT ts FROM audit_trail")}
                    | {r[0] for r in conn.execute("SELECT signed_at FROM signatures")})
    conn.close()
    data = good.read_bytes()
    positions = _text_positions(data, stamps)
    assert len(positions) >= len(stamps)
    rnd = random.Random(1302)
    tried = 0
    for text, at in rnd.sample(positions, min(len(positions), 25)):
        offset = at + rnd.randrange(len(text))
        path = _flipped(good, tmp_path, offset, rnd.randrange(8))
        changed = _tables_changed(good, path)
        if not changed & {"audit_trail", "signatures"}:
            continue  # the same text in another table (a form's time stamps: helper A's)
        tried += 1
        with pytest.raises(StoreError):
            backup.check_backup(path, study=study)
        assert _outcome(lambda: _verified(path, study)) in ("report", "error"), (text, offset)
    assert tried >= 10


def _case_or_blank_only(before: int, after: int) -> bool:
    """A flip SQLite does not read as a change: a letter's case, one blank for another."""
    a, b = bytes([before]), bytes([after])
    return (a.isalpha() and a.lower() == b.lower()) or (a in _BLANKS and b in _BLANKS)


def test_a_flip_in_the_schema_text_is_caught(good, tmp_path, study):
    conn = sqlite3.connect(good)
    objects = conn.execute("SELECT tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                           ).fetchall()
    conn.close()
    forms = set(study.forms)
    data = good.read_bytes()
    rnd = random.Random(1303)
    tried = 0
    for table, sql in objects:
        positions = _text_positions(data, [sql])
        if not positions:
            continue  # a text that runs over an overflow page: found in pieces only
        for i in rnd.sample(range(len(sql)), min(len(sql), 6)):
            bit = rnd.randrange(8)
            offset = positions[0][1] + i
            if table in forms and _case_or_blank_only(data[offset], data[offset] ^ (1 << bit)):
                continue  # the same schema to SQLite (see alsdesk/store/schema_text.py)
            # every copy of the text: a page SQLite no longer uses may hold an old one, and
            # which copy comes first in the file is the SQLite version's business
            path = _flipped(good, tmp_path, [at + i for _, at in positions], bit)
            tried += 1
            assert _outcome(lambda: backup.check_backup(path, study=study)) == "error", \
                (table, sql[max(i - 20, 0):i + 20], bit)
            assert _outcome(lambda: _verified(path, study)) in ("report", "error")
    assert tried >= 100


def test_a_flip_that_breaks_a_check_constraint_is_caught(good, tmp_path, study):
    # SQLite drops CHECK constraints on read-only connections: integrity_check there says
    # "ok" for a role no one can have ('admin' with one bit flipped is '`dmin').
    data = good.read_bytes()
    at = data.find(b"Ada Adminadmin")
    assert at != -1
    path = _flipped(good, tmp_path, at + len(b"Ada Admin"), 0)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT role FROM users WHERE user_id = 'admin'").fetchone() == ("`dmin",)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]  # SQLite's blind spot
    conn.close()
    with pytest.raises(StoreError, match="CHECK"):
        backup.check_backup(path, study=study)
    with Store.open(path, study, readonly=True) as st:
        report = st.verify()
    assert not report.ok and "break the rule CHECK (role IN" in report.text()


@pytest.mark.parametrize("head", ["garbage", "12", "x:y", "", "3:" + "z" * 64, None])
def test_a_damaged_audit_head_is_a_report(good, tmp_path, study, head):
    path = tmp_path / "head.db"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    if head is None:
        conn.execute("DELETE FROM meta WHERE key = 'audit_head'")
    else:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (head,))
    conn.commit()
    conn.close()
    with Store.open(path, study, readonly=True) as st:
        report = st.verify()
    assert not report.ok and "last row" in report.text()
    with pytest.raises(StoreError, match="audit trail"):
        backup.check_backup(path, study=study)
    with Store.open(path, study) as st:
        with pytest.raises(StoreError, match="record of its audit trail is damaged"):
            st.login("nurse", PASSWORD)
    current = tmp_path / "current.db"
    shutil.copyfile(good, current)
    with pytest.raises(StoreError):
        backup.restore(current, path, user_id="admin", password=PASSWORD, study=study)


@pytest.mark.skipif(sys.platform.startswith("win"), reason="SIGALRM")
def test_the_good_file_passes_every_reader(good, tmp_path, study):
    path = tmp_path / "copy.db"
    shutil.copyfile(good, path)
    assert _every_reader(path, good, study) == {"check": "ok", "verify": "ok", "open": "ok",
                                                "restore": "ok"}


def _flip_column_name(path) -> None:
    data = bytearray(path.read_bytes())
    at = data.find(b'"sysbp" INTEGER')
    assert at > 0
    data[at + 5] ^= 2  # "sysbp" -> "sysbr": SQLite's own checks still pass
    path.write_bytes(bytes(data))


def test_a_flipped_column_name_is_not_repaired_by_opening(demo_db, study):
    """Opening for writing used to add an empty 'sysbp' column ('column added'), showing every
    recorded blood pressure as blank; the file is refused as damaged instead."""
    from alsdesk.store import Store

    _flip_column_name(demo_db)
    before = sqlite3.connect(demo_db).execute("SELECT count(*) FROM audit_trail").fetchone()
    with pytest.raises(StoreError, match="vs.sysbp held recorded values"):
        Store.open(demo_db, study)
    assert sqlite3.connect(demo_db).execute("SELECT count(*) FROM audit_trail").fetchone() \
        == before


def test_a_flipped_column_name_makes_no_backup(demo_db, tmp_path):
    _flip_column_name(demo_db)
    with pytest.raises(StoreError, match="not as ALS Desk made them"):
        backup.backup_now(demo_db, tmp_path / "b.db")
    assert not list(tmp_path.glob("*b.db*"))
