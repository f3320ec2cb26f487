"""ui.tasks: work in a worker thread with its own database connection, results by signal."""
from __future__ import annotations

import threading

import pytest

from alsdesk.auth import Role
from alsdesk.errors import NotFound
from alsdesk.store import Store
from tests.ui_helpers import demo_db, demo_template, ui_settings  # noqa: F401 - fixtures
from ui.tasks import Session, TaskRunner, run_task, wait_for_tasks


def _where(store, extra):
    return threading.get_ident(), id(store.conn), store.subjects.count() + extra, store.role


def test_result_comes_back_from_another_thread_with_its_own_connection(qtbot, demo_db):
    results, done = [], []
    with Store.open(demo_db, readonly=True) as main:
        run_task(_where, 100, db_path=demo_db, study=main.study,
                 session=Session("nurse", Role.NURSE, "Nora"),
                 on_result=results.append, on_finished=lambda: done.append(True))
        qtbot.waitUntil(lambda: bool(done))
        (thread, conn, count, role), = results
        assert thread != threading.get_ident() and conn != id(main.conn)
        assert count == 107 and role is Role.NURSE


def test_errors_come_back_as_exceptions(qtbot, demo_db):
    errors = []

    def fail(store):
        return store.subjects.get("S999")

    run_task(fail, db_path=demo_db, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], NotFound) and "S999" in str(errors[0])
    missing = []
    run_task(fail, db_path=demo_db.parent / "nowhere.db", on_error=missing.append)
    qtbot.waitUntil(lambda: bool(missing))
    assert "does not exist" in str(missing[0]) or "nowhere.db" in str(missing[0])


def test_progress_is_reported(qtbot, demo_db):
    seen, results = [], []

    def count(store, progress):
        for i, s in enumerate(store.subjects.list(), start=1):
            progress(100 * i // 7, s.code)
        return "done"

    run_task(count, db_path=demo_db, on_progress=lambda p, t: seen.append((p, t)),
             on_result=results.append)
    qtbot.waitUntil(lambda: bool(results))
    assert seen[-1] == (100, "S007") and len(seen) == 7
    with pytest.raises(TypeError):
        run_task(_where, 1, db_path=demo_db, on_progress=lambda p, t: None)


def test_runner_delivers_only_the_newest_answer(qtbot, demo_db):
    runner = TaskRunner(demo_db)
    got = []
    for n in range(3):
        runner.run("same", _where, n, on_result=lambda r: got.append(r[2]))
    qtbot.waitUntil(lambda: not runner.busy)
    assert wait_for_tasks()
    assert got == [9]


def test_held_tasks_wait_for_release_and_only_the_newest_of_a_key_runs(qtbot, demo_db):
    runner = TaskRunner(demo_db)
    started, got = [], []

    def counted(store, n):
        started.append(n)
        return n

    runner.hold()
    for n in range(3):
        runner.run("same", counted, n, on_result=got.append)
    runner.run("other", counted, 10, on_result=got.append)
    assert wait_for_tasks()
    assert started == [] and runner.busy == {"same", "other"}  # held, yet counted as busy
    runner.release()
    qtbot.waitUntil(lambda: not runner.busy)
    assert wait_for_tasks()
    assert sorted(started) == [2, 10] and sorted(got) == [2, 10]
    runner.release()  # a second release changes nothing
    runner.run("same", counted, 5, on_result=got.append)  # not held any more: starts at once
    qtbot.waitUntil(lambda: not runner.busy)
    assert got[-1] == 5
