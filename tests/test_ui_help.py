"""Help: F1 opens the shortcuts sheet built from the window's real actions; the user guide
opens from the Help menu, rendered from the Markdown file shipped in resources/guide."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from alsdesk.paths import resource_path
from tests.ui_helpers import demo_db, demo_template, open_window, ui_settings, when_modal  # noqa: F401
from ui.help import GUIDE_FILE, GuideDialog, ShortcutsDialog, shortcut_rows


def _native(seq) -> str:
    return QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)


def test_f1_opens_the_sheet_of_the_windows_real_shortcuts(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    shown = []

    def look(dialog):
        assert isinstance(dialog, ShortcutsDialog)
        shown.extend(dialog.rows())
        assert dialog.focusWidget() is dialog.table  # arrows scroll the list at once
        dialog.grab().save("/tmp/helperF/shortcuts.png")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(look)
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(shown))
    by_action = {what: keys for keys, what, _ in shown}
    # every action of the window with a shortcut is listed with the key it really has ...
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text().replace("&", "").strip():
            name = action.text().replace("&", "").rstrip("…").strip()
            assert name in by_action, name
            assert _native(action.shortcut()) in by_action[name]
    # ... which includes the form page's and the menus' own
    assert by_action["Keyboard shortcuts"] == "F1"
    assert by_action["Find a subject"] == _native(QKeySequence.StandardKey.Find)
    assert by_action["Dashboard"] == "Ctrl+1"
    menus = {what: where for _, what, where in shown}
    assert menus["Keyboard shortcuts"] == "Help" and menus["Dashboard"] == "View"


def test_a_shortcut_changed_at_run_time_shows_in_the_sheet(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.refresh_action.setShortcut(QKeySequence("Ctrl+Alt+R"))
    rows = {what: keys for _, what, keys in
            [(r.where, r.what, r.keys) for r in shortcut_rows(window)]}
    assert rows["Refresh"] == _native("Ctrl+Alt+R")


def test_user_guide_opens_from_the_help_menu(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    seen = {}

    def look(dialog):
        assert isinstance(dialog, GuideDialog)
        seen["text"] = dialog.browser.toPlainText()
        seen["size"] = dialog.size()
        dialog.grab().save("/tmp/helperF/guide.png")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(look)
    window.guide_action.trigger()
    qtbot.waitUntil(lambda: "text" in seen)
    text = seen["text"]
    for heading in ("First start", "Logging in", "Recording a visit", "Adverse events",
                    "Queries", "Signing", "Printing", "Keyboard"):
        assert heading in text
    assert "#" not in text.splitlines()[0]  # rendered as Markdown, not shown as source
    assert seen["size"].height() <= window.screen().availableGeometry().height()
    assert resource_path(*GUIDE_FILE).is_file()
