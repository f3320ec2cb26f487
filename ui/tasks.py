"""Slow work off the GUI thread: a function run in a QThreadPool worker with its own Store.

SQLite connections belong to one thread, so each task opens the database itself (read-only
unless asked otherwise), runs ``fn(store, *args, **kwargs)`` and closes it. The result or the
exception comes back through Qt signals, delivered in the GUI thread::

    run_task(dashboard.summary, db_path=window.db_path, study=window.store.study,
             on_result=self.show_summary, on_error=self.show_error)

A task that writes (export log rows, a backup) passes ``readonly=False`` and a ``session``
(who is acting, taken from the logged-in Store with :meth:`Session.of`): the worker's Store
acts as that user, without asking for the password again. With ``progress=True`` the function
receives a ``progress(percent, text)`` callable, reported through ``on_progress``.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from alsdesk.auth import Role
from alsdesk.study.model import Study

__all__ = ["Session", "Task", "TaskRunner", "run_task", "wait_for_tasks"]

_running: set["Task"] = set()  # keeps Python wrappers alive until each task has finished


@dataclass(frozen=True)
class Session:
    """Who a worker's Store acts as (the user already logged in on the GUI side)."""

    user_id: str | None
    role: Role | None
    full_name: str | None

    @classmethod
    def of(cls, store: Any) -> "Session":
        return cls(store.user_id, store.role, store.full_name)


class TaskSignals(QObject):
    """Signals of one task; created in the GUI thread, so receivers run there."""

    result = Signal(object)
    error = Signal(object)  # the exception raised by the function (or by opening the file)
    progress = Signal(int, str)
    finished = Signal()


class Task(QRunnable):
    """One function call in a worker thread with a Store of its own."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any], *,
                 db_path: Path, study: Study | None = None, session: Session | None = None,
                 readonly: bool = True, progress: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (see _running)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.db_path = Path(db_path)
        self.study = study
        self.session = session
        self.readonly = readonly
        self.with_progress = progress
        self.signals = TaskSignals()

    def run(self) -> None:  # runs in the worker thread
        from alsdesk.store import Store

        store = None
        try:
            # the window's own Store checked the file when it opened it
            store = Store.open(self.db_path, self.study, readonly=self.readonly,
                               quick_check=False)
            if self.session is not None:
                store.user_id = self.session.user_id
                store.role = self.session.role
                store.full_name = self.session.full_name
            kwargs = dict(self.kwargs)
            if self.with_progress:
                kwargs["progress"] = lambda pct, text="": self.signals.progress.emit(int(pct), text)
            result = self.fn(store, *self.args, **kwargs)
        except Exception as exc:  # handed to on_error in the GUI thread, never swallowed
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(result)
        finally:
            if store is not None:
                store.close()
            self.signals.finished.emit()


def _pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_task(fn: Callable[..., Any], *args: Any, db_path: Path, study: Study | None = None,
             session: Session | None = None, readonly: bool = True,
             on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None,
             on_progress: Callable[[int, str], None] | None = None,
             on_finished: Callable[[], None] | None = None, **kwargs: Any) -> Task:
    """Start ``fn(store, *args, **kwargs)`` in a worker; callbacks run in the GUI thread."""
    wants_progress = on_progress is not None
    if wants_progress and "progress" not in inspect.signature(fn).parameters:
        raise TypeError(f"{fn.__name__} takes no 'progress' argument")
    task = Task(fn, args, kwargs, db_path=db_path, study=study, session=session,
                readonly=readonly, progress=wants_progress)
    if on_result is not None:
        task.signals.result.connect(on_result)
    if on_error is not None:
        task.signals.error.connect(on_error)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if on_finished is not None:
        task.signals.finished.connect(on_finished)
    task.signals.finished.connect(lambda: _running.discard(task))
    _running.add(task)
    _pool().start(task)
    return task


def wait_for_tasks(msecs: int = 10000) -> bool:
    """Block until every task has finished (closing the window, tests); True if all did."""
    return _pool().waitForDone(msecs)


class TaskRunner(QObject):
    """Runs tasks by key and delivers only the newest result of each key.

    A list refreshed twice in quick succession must show the second answer even if the first
    arrives later.
    """

    def __init__(self, db_path: Path, study: Study | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.study = study
        self._latest: dict[str, int] = {}
        self.busy: set[str] = set()
        self._held: list[Callable[[], None]] | None = None

    def hold(self) -> None:
        """Queue the tasks run from now on (they count as busy) until :meth:`release`."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the queued tasks, oldest first; later ones start at once (safe to repeat)."""
        held, self._held = self._held or [], None
        for start in held:
            start()

    def run(self, key: str, fn: Callable[..., Any], *args: Any,
            on_result: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> None:
        ticket = self._latest.get(key, 0) + 1
        self._latest[key] = ticket
        self.busy.add(key)

        def deliver(result: Any) -> None:
            if self._latest.get(key) == ticket:
                self.busy.discard(key)
                on_result(result)

        def fail(exc: Exception) -> None:
            if self._latest.get(key) == ticket:
                self.busy.discard(key)
                if on_error is not None:
                    on_error(exc)

        def start() -> None:
            if self._latest.get(key) == ticket:  # a newer run of the key replaced this one
                run_task(fn, *args, db_path=self.db_path, study=self.study, on_result=deliver,
                         on_error=fail, **kwargs)

        if self._held is not None:
            self._held.append(start)
        else:
            start()
