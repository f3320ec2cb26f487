"""The window starts and closes cleanly: `alsdesk -m alsdesk_window_check DB` in the bundle
(or `python packaging/alsdesk_window_check.py DB` from the source tree).

Runs the program's own start (the login dialog, answered as the nurse would: user id,
password, Enter), waits for the main window to load its subject list, opens a subject's
casebook (charts), reads the user guide, closes the window as the user would and prints "WINDOW OK" with the time
taken. Exit 0 only if all of that happened; meant for QT_QPA_PLATFORM=offscreen.
"""
from __future__ import annotations

import importlib
import os
import sys
import time

USER, PASSWORD = "nurse", "Demo-password-1"  # the demo's accounts (alsdesk.demo)


def _wait(app, until, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not until():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the window did not finish loading in time")
        time.sleep(0.01)


def main(db: str) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from alsdesk.frontend import ui_module

    start = importlib.import_module(ui_module("app")).start
    login_dialog = importlib.import_module(ui_module("dialogs_auth")).LoginDialog
    t0 = time.monotonic()
    # Window geometry goes beside the database, not into the real user's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      os.path.dirname(os.path.abspath(db)))
    app = QApplication(sys.argv[:1])
    seen = {}

    def answer_login() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, login_dialog) or not dialog.isVisible():
            QTimer.singleShot(20, answer_login)
            return
        seen["login"] = True
        dialog.user_id.setText(USER)
        dialog.password.setText(PASSWORD)
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, answer_login)
    window = start(db)
    if window is None or not seen:
        print("the program did not get past its login", file=sys.stderr)
        return 1
    _wait(app, lambda: not window.tasks.busy and window.subjects.loaded)
    codes = [s.code for s in window.store.subjects.list()]
    window.open_subject(codes[0])
    _wait(app, lambda: not window.tasks.busy)
    # Help > User guide reads its text from the bundled resources.
    guide = importlib.import_module(ui_module("help")).guide_text()
    if len(guide) < 200:
        print("the user guide is missing or empty", file=sys.stderr)
        return 1
    window.close()
    _wait(app, lambda: not window.isVisible())
    app.quit()
    print(f"WINDOW OK: login, main window, casebook of {codes[0]}, user guide, closed "
          f"({time.monotonic() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: alsdesk -m alsdesk_window_check DATABASE")
    sys.exit(main(sys.argv[1]))
