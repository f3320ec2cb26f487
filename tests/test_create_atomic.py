"""Issue 12, item 14: creating a database is atomic.

A child process creates a database with its first administrator, as ``alsdesk init`` and the
first-run dialog do, and is killed with SIGKILL at a chosen point of the creation (the entry
or return of a step, caught by a profile hook that kills the process there) or at a random
moment. After every kill, either there is no database at the path, and creating it again
works, or there is one that opens, passes ``verify`` and has its administrator, who can log
in. Never a file that is refused as damaged, has no study, or has nobody to log in.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
import time

import pytest

from alsdesk.store import Store
from tests.conftest import PASSWORD

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="needs SIGKILL and fork")

ADMIN = ("admin", "Ada Admin", PASSWORD)
# (function name, profile event, how many times it must happen before the kill)
POINTS = [
    ("connect", "return", 1),
    ("create_schema", "call", 1),
    ("create_schema", "return", 1),
    ("write_rows", "return", 1),
    ("create_first_admin", "call", 1),
    ("_insert", "return", 1),
    ("store_version", "call", 1),  # the administrator is made first, in the same step
    ("move_into_place", "call", 1),
    ("os.replace", "call", 1),
    ("os.replace", "return", 1),
    ("move_into_place", "return", 1),
    ("inspect_file", "call", 1),
    ("migrate", "call", 1),
]


def _create_and_die_at(path: str, name: str, event: str, nth: int) -> None:
    seen = 0

    def hook(frame, ev, arg):
        nonlocal seen
        # os.replace by identity (str.replace has the same name); our functions by name
        what = ("os.replace" if arg is os.replace else None) if ev.startswith("c_") \
            else frame.f_code.co_name
        if ev.removeprefix("c_") == event and what == name:
            seen += 1
            if seen == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    sys.setprofile(hook)
    Store.create(path, admin=ADMIN)
    sys.setprofile(None)
    os._exit(3)  # the point was never reached: the parent reports it


def _create(path: str) -> None:
    Store.create(path, admin=ADMIN)
    os._exit(0)


def _check_after_kill(path, study, label):
    """Nothing at the path (and a new creation works), or a complete database."""
    if path.exists():
        with Store.open(path, study) as store:
            assert store.users.count() == 1, label
            assert store.verify().ok, label
            store.login("admin", PASSWORD)
            assert store.role.value == "admin", label
        return "complete"
    with Store.create(path, study, admin=ADMIN) as store:
        store.login("admin", PASSWORD)
        assert store.verify().ok, label
    return "absent"


@pytest.fixture(scope="module")
def ctx():
    return multiprocessing.get_context("fork")


@pytest.mark.parametrize("point", POINTS, ids=[f"{n}-{e}-{k}" for n, e, k in POINTS])
def test_a_kill_at_each_step_of_the_creation(tmp_path, study, ctx, point):
    path = tmp_path / "trial.db"
    child = ctx.Process(target=_create_and_die_at, args=(str(path), *point))
    child.start()
    child.join(30)
    assert child.exitcode == -signal.SIGKILL, f"{point}: the kill point was not reached"
    outcome = _check_after_kill(path, study, str(point))
    # Up to the move the file is not there; from the move on it is whole.
    after_move = point[0] in ("inspect_file", "migrate") or point[:2] in (
        ("os.replace", "return"), ("move_into_place", "return"))
    assert outcome == ("complete" if after_move else "absent"), point
    leftovers = sorted(p.name for p in tmp_path.iterdir() if ".creating" in p.name)
    assert leftovers == [], leftovers  # the next creation cleared the killed one's files


def test_kills_at_random_moments(tmp_path, study, ctx):
    rnd = random.Random(1214)
    outcomes = set()
    for run in range(12):
        path = tmp_path / f"trial{run}.db"
        child = ctx.Process(target=_create, args=(str(path),))
        child.start()
        time.sleep(rnd.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.join(30)
        outcomes.add(_check_after_kill(path, study, f"run {run}"))
    assert outcomes  # each run was checked above; which of the two happened depends on timing


def test_create_refuses_an_existing_file_and_leaves_it(tmp_path, study):
    path = tmp_path / "trial.db"
    path.write_bytes(b"someone's file")
    with pytest.raises(Exception, match="already exists"):
        Store.create(path, study, admin=ADMIN)
    assert path.read_bytes() == b"someone's file"
    assert not any(".creating" in p.name for p in tmp_path.iterdir())


def test_a_refused_administrator_leaves_no_file(tmp_path, study):
    path = tmp_path / "trial.db"
    with pytest.raises(Exception, match="(?i)password"):
        Store.create(path, study, admin=("admin", "Ada Admin", "short"))
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    with Store.create(path, study, admin=ADMIN) as store:
        assert store.users.count() == 1
