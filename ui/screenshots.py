"""Screenshots of the main pages on a demo database, for reviewing the layout.

    python -m ui.screenshots OUT_DIR [--size 1366x768] [--scale 1.5] [--user nurse]
                                     [--language fa]

Runs offscreen (no display needed) and writes one PNG per page (dashboard, subjects, casebook
and its tabs, ALSFRS-R, adverse event, eligibility, queries, the lock screen) and a few
dialogs (first run, study definition, an amendment's plan), on a screen of the given size
(dialogs fit themselves to the screen). Everything shown is synthetic demo data.
"""
from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--language", default="en", help="en, or fa (Persian, right to left)")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    work = Path(tempfile.mkdtemp(prefix="alsdesk-shots-"))
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # the offscreen screen is 800 x 600 unless told: a dialog sized to its screen
        # would be shot smaller than on the screen asked for
        screen = work / "screen.json"
        screen.write_text(json.dumps({"screens": [{
            "name": "shots", "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpiX": 96, "logicalDpiY": 96}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["QT_SCALE_FACTOR"] = args.scale
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from alsdesk.demo import DEMO_PASSWORD, build_demo
    from alsdesk.store import Store
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    from .i18n import use_language

    use_language(args.language)
    db = build_demo(work / "demo.db")
    store = Store.open(db)
    store.login(args.user, DEMO_PASSWORD)
    window = MainWindow(store, db)
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
    _dialogs(app, window, work, args.out)
    window.lock()
    shot("locked")
    window._closing_checked = True
    window.close()
    print(f"screenshots in {args.out}")
    return 0


def _dialogs(app, window, work: Path, out: Path) -> None:
    """First run, Study definition, and the plan of an amendment (the 72-hour visit
    relabelled, CRF version 1.1: written beside copies of the companion files)."""
    import shutil

    from alsdesk.paths import default_study_file
    from .admin_study import StudyDialog
    from .amend_dialog import AmendDialog
    from .dialogs_auth import FirstRunDialog

    def shot(dialog, name: str) -> None:
        dialog.show()
        _settle(app, window)
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.close()

    shot(FirstRunDialog(work / "new.db", lambda *a: None, new_file=True, parent=window,
                        choose_study=True), "first_run")
    study = StudyDialog(window)
    shot(study, "study_definition")
    bundled = default_study_file()
    amended = work / "amended" / bundled.name
    amended.parent.mkdir()
    for companion in bundled.parent.glob("*.toml"):
        shutil.copy(companion, amended.parent / companion.name)
    amended.write_text(bundled.read_text(encoding="utf-8")
                       .replace('crf_version = "1.0"', 'crf_version = "1.1"', 1)
                       .replace('label = "72 hours"', 'label = "24 hours"', 1),
                       encoding="utf-8")
    shot(AmendDialog(window.store, amended, parent=study), "amend_plan")


if __name__ == "__main__":
    sys.exit(main())
