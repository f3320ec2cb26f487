"""Screenshots of the main pages on a demo database, for reviewing the layout.

    python -m ui.screenshots OUT_DIR [--size 1366x768] [--scale 1.5] [--user nurse]

Runs offscreen (no display needed) and writes one PNG per page (dashboard, subjects, casebook
and its tabs, ALSFRS-R, adverse event, eligibility, queries, the lock screen). Everything shown is synthetic demo data.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _settle(app, window) -> None:
    from .tasks import wait_for_tasks

    for _ in range(30):
        wait_for_tasks()
        app.processEvents()
        if not window.tasks.busy:
            break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--scale", default="1", help="Qt scale factor, e.g. 1.5")
    parser.add_argument("--user", default="nurse", help="demo account to log in as")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from alsdesk.demo import DEMO_PASSWORD, build_demo
    from alsdesk.store import Store
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="alsdesk-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    db = build_demo(work / "demo.db")
    store = Store.open(db)
    store.login(args.user, DEMO_PASSWORD)
    window = MainWindow(store, db)
    width, height = (int(x) for x in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        _settle(app, window)
        window.grab().save(str(args.out / f"{name}.png"))

    shot("dashboard")
    window.pages.setCurrentWidget(window.subjects)
    shot("subjects")
    window.open_subject("S005")
    shot("casebook")
    window.casebook.tabs.setCurrentIndex(1)
    shot("casebook_ae_log")
    window.casebook.tabs.setCurrentIndex(window.casebook.tabs.count() - 1)
    shot("casebook_eligibility")
    window.casebook.tabs.setCurrentIndex(0)
    window.open_form("S005", "screening", "alsfrs")
    shot("alsfrs")
    window.open_form("S005", "logs", "ae", 1, 1)
    shot("ae")
    window.open_form("S005", "logs", "ae", 1, None)
    shot("ae_new")
    window.open_form("S005", "screening", "ie")
    shot("eligibility_form")
    window.pages.setCurrentWidget(window.queries_page)
    shot("queries")
    window.lock()
    shot("locked")
    window._closing_checked = True
    window.close()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
