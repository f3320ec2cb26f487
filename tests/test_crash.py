"""Crash consistency: a child process saves into a real database and is killed with SIGKILL.

After every kill: the file opens (the crashed instance's lock is recognised as stale), SQLite's
integrity check is ok, ``alsdesk verify`` passes (audit hash chain and replay), every save the
child reported as committed is in the file, and the one save in flight is either wholly there
or wholly absent. Every automatic backup the child finished passes its check.

What this does and does not show: SIGKILL ends the process at an arbitrary instruction, inside
or between transactions, checkpoints and backups, but the operating system keeps what was
written to its cache. A power cut can also lose that cache; that case rests on SQLite's own
guarantees with ``synchronous = FULL`` (which test_store_open checks is set) and cannot be
produced in a test.

ALSDESK_CRASH_RUNS sets the number of kills (default 50; run 500 locally before a release).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import sys
import time

import pytest
from click.testing import CliRunner

from alsdesk import backup
from alsdesk.cli import main
from alsdesk.store import Store
from alsdesk.store.lock import lock_path
from tests.conftest import PASSWORD

RUNS = int(os.environ.get("ALSDESK_CRASH_RUNS", "50"))
# Start a new database every so many kills, so a 500-kill run does not spend its time
# verifying an ever longer audit trail.
RUNS_PER_FILE = 50

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="needs SIGKILL and fork")


@pytest.fixture(scope="module")
def ctx():
    context = multiprocessing.get_context("forkserver")
    # Children are forked from a server that has already imported the store and loaded the
    # study, so each one starts in milliseconds instead of a second.
    context.set_forkserver_preload(["tests.crash_child"])
    return context


def _new_database(path, study):
    with Store.create(path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)


def _read_log(path):
    """(committed states by location, the save in flight or None, whether the store opened)."""
    committed, pending, opened = {}, None, False
    try:
        lines = path.read_text().splitlines()
    except FileNotFoundError:
        return committed, pending, opened
    for line in lines:
        kind, _, payload = line.partition(" ")
        try:
            data = json.loads(payload)
        except ValueError:
            continue  # the line the kill cut short
        if kind == "O":
            opened = True
        elif kind == "B":
            pending = data
        elif kind == "K":
            if "loc" in data:
                committed[tuple(data["loc"])] = (data["values"], data["status"])
            pending = None
    return committed, pending, opened


def _stored(store):
    out = {}
    for code, event, form, iid in store.conn.execute(
            "SELECT s.code, fi.event, fi.form, fi.id FROM form_instances fi "
            "JOIN subjects s ON s.id = fi.subject_id"):
        rec = store.forms.get_instance(iid)
        out[(code, event, form)] = (rec.values, rec.status.value)
    return out


def test_kill_at_random_moments_loses_nothing_committed(tmp_path, study, ctx):
    rnd = random.Random(int(os.environ.get("ALSDESK_CRASH_SEED", "20150709")))
    truth: dict = {}
    checked: set = set()
    kills = stale_seen = saves_committed = in_flight_kept = in_flight_lost = backups_checked = 0
    db = None
    for run in range(RUNS):
        if run % RUNS_PER_FILE == 0:
            db = tmp_path / f"crash{run // RUNS_PER_FILE}.db"
            _new_database(db, study)
            truth = {}
        log = tmp_path / f"run{run}.log"
        child = ctx.Process(target=_child_entry, args=(str(db), str(log), rnd.randrange(2**32)))
        child.start()
        # Most kills fall after the child has opened the file (waiting for its "opened" line,
        # not a fixed time: a slow runner may take longer than the window to start Python);
        # every fifth falls anywhere from the start, opening included; every fifth waits for
        # the child's first commit, so committed saves are checked on any runner's speed.
        if run % 5 == 1:
            _wait_until_opened(log, child, committed=True)
        elif run % 5:
            _wait_until_opened(log, child)
        time.sleep(rnd.uniform(0.0, 0.35))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL, f"run {run}: the child ended by itself " \
            f"(exit {child.exitcode}); see {log}"
        kills += 1

        committed, pending, opened = _read_log(log)
        # alsdesk verify, read-only, on the file exactly as the kill left it
        result = CliRunner().invoke(main, ["--db", str(db), "verify"])
        assert result.exit_code == 0 and "VERIFY OK" in result.output, \
            f"run {run}: {result.output}"
        with Store.open(db, study) as st:
            if opened:
                assert st.stale_lock is not None and st.stale_lock.pid == child.pid
                stale_seen += 1
            # (verify, just above, ran the full integrity check, chain and replay read-only)
            assert [r[0] for r in st.conn.execute("PRAGMA integrity_check")] == ["ok"]
            stored = _stored(st)

        truth.update(committed)
        saves_committed += len(committed)
        flight = None
        if pending is not None and "loc" in pending:
            flight = (tuple(pending["loc"]), (pending["values"], pending["status"]))
        for loc, want in truth.items():
            have = stored.get(loc)
            if flight is not None and loc == flight[0] and have == flight[1] and have != want:
                in_flight_kept += 1
                continue
            assert have == want, f"run {run}: {loc} committed as {want}, found {have}"
        if flight is not None and flight[0] not in truth:
            have = stored.get(flight[0])
            assert have in (None, flight[1]), f"run {run}: half a save of {flight[0]}: {have}"
            in_flight_kept += have is not None
            in_flight_lost += have is None
        # nothing in the file that the child did not at least start
        assert set(stored) <= set(truth) | ({flight[0]} if flight else set())
        truth.update({loc: stored[loc] for loc in stored})

        folder = backup.default_folder(db)
        for done in backup.list_backups(folder, db):
            if done not in checked:
                backup.check_backup(done, study.id)
                checked.add(done)
                backups_checked += 1
        assert not lock_path(db).exists(), "the lock file stays after close"
        log.unlink(missing_ok=True)

    print(f"\ncrash test: {kills} kills survived, {stale_seen} stale locks cleared, "
          f"{saves_committed} committed saves found, in-flight saves kept/absent "
          f"{in_flight_kept}/{in_flight_lost}, {backups_checked} backup checks")
    assert kills == RUNS
    assert saves_committed > 0, "the child never got to save: the kill window is too short"


def _wait_until_opened(log, child, limit: float = 30.0, committed: bool = False) -> None:
    """Until the child has opened the file (or, with `committed`, committed its first save)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and child.is_alive():
        saves, _, opened = _read_log(log)
        if saves if committed else opened:
            return
        time.sleep(0.005)


def _child_entry(db: str, log: str, seed: int) -> None:
    from tests.crash_child import run

    run(db, log, seed)


def test_kill_during_open_of_a_new_file_is_harmless(tmp_path, study, ctx):
    """A kill right after start (before or while the lock is taken) leaves the file usable."""
    db = tmp_path / "early.db"
    _new_database(db, study)
    before = sqlite3.connect(db).execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    for delay in (0.0, 0.001, 0.003, 0.01, 0.03):
        child = ctx.Process(target=_child_entry, args=(str(db), str(tmp_path / "x.log"), 1))
        child.start()
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        with Store.open(db, study) as st:
            assert st.verify().ok
            assert st.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0] >= before
