"""One GUI measurement in a fresh process (offscreen); prints one JSON line.

python bench/gui_child.py MODE DB  with MODE one of:
  bare      a bare QApplication + QMainWindow shown (the baseline), then its peak RSS
  app       the program's own start (ui.app.start): the login window shown, a pause for typing,
            then from Enter to the main window shown (DB: a copy it may write to)
  start     ALS Desk's main window shown over DB (logged in), then peak RSS once loaded
  casebook  median time to open a subject's casebook (data shown)
  filter    median time per keystroke filtering the subject list
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time

T0 = float(os.environ.get("BENCH_T0", time.time()))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait(app, until, timeout=600.0) -> None:
    end = time.perf_counter() + timeout
    while not until():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the window did not finish loading")
        time.sleep(0.002)


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.resize(1366, 768)
    win.show()
    app.processEvents()
    shown = time.time() - T0
    return {"shown": shown, "rss": _rss_mb()}


def app_start(db: str) -> dict:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import start
    from ui.dialogs_auth import LoginDialog

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      os.path.dirname(db))
    app = QApplication(sys.argv[:1])
    marks: dict[str, float] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or not dialog.isVisible():
            QTimer.singleShot(1, drive)
            return
        marks["login_shown"] = time.time() - T0

        def enter() -> None:  # what the nurse does: user id, password, Enter
            dialog.user_id.setText("nurse")
            dialog.password.setText("Demo-password-1")
            marks["enter"] = time.time()
            dialog.buttons.accepted.emit()

        QTimer.singleShot(1500, enter)  # typing takes longer than this; not counted

    QTimer.singleShot(0, drive)
    window = start(db)
    if window is None:
        raise RuntimeError("the program did not start")
    app.processEvents()
    after_enter = time.time() - marks["enter"]
    return {"login_shown": marks["login_shown"], "after_enter": after_enter,
            "total": marks["login_shown"] + after_enter}


def _window(db: str):
    from PySide6.QtWidgets import QApplication

    from alsdesk.store import Store
    from ui.main_window import MainWindow

    from alsdesk.store import encryption

    app = QApplication(sys.argv[:1])
    encryption.unlock(db, "nurse", "Demo-password-1")  # (an encrypted copy: bench/encrypted.py)
    store = Store.open(db)
    store.login("nurse", "Demo-password-1")
    win = MainWindow(store, store.path)
    win.resize(1366, 768)
    win.show()
    app.processEvents()
    return app, win


def start(db: str) -> dict:
    app, win = _window(db)
    shown = time.time() - T0
    _wait(app, lambda: not win.tasks.busy and win.subjects.loaded)
    loaded = time.time() - T0
    return {"shown": shown, "loaded": loaded, "rss": _rss_mb()}


def casebook(db: str) -> dict:
    app, win = _window(db)
    _wait(app, lambda: not win.tasks.busy and win.subjects.loaded)
    codes = [s.code for s in win.store.subjects.list()[:8]]
    samples = []
    for code in codes:
        t0 = time.perf_counter()
        win.open_subject(code)
        _wait(app, lambda: not win.tasks.busy)
        app.processEvents()
        samples.append(time.perf_counter() - t0)
    return {"median": statistics.median(samples[1:] or samples)}


def filter_(db: str) -> dict:
    app, win = _window(db)
    _wait(app, lambda: not win.tasks.busy and win.subjects.loaded)
    page = win.subjects
    win.pages.setCurrentWidget(page)
    samples = []
    for text in ("S", "S0", "S00", "S001", "S0012", "S001", "S00", "S0", "S", "", "e", "en",
                 "enr", "enro", "over", "overd"):
        t0 = time.perf_counter()
        page.filter.setText(text)
        app.processEvents()
        samples.append(time.perf_counter() - t0)
    return {"median": statistics.median(samples), "max": max(samples),
            "rows": page.model.rowCount()}


if __name__ == "__main__":
    mode = sys.argv[1]
    result = {"bare": lambda: bare(), "start": lambda: start(sys.argv[2]),
              "app": lambda: app_start(sys.argv[2]),
              "casebook": lambda: casebook(sys.argv[2]),
              "filter": lambda: filter_(sys.argv[2])}[mode]()
    print(json.dumps(result), flush=True)
    # Skip interpreter teardown: PySide6 can crash while collecting widgets at exit, which
    # would only hide the figure already printed.
    os._exit(0)
