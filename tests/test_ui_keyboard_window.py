"""Window-wide keys: where the keyboard starts, Enter on a button, the casebook's Tab cycle."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui_helpers import demo_db, demo_template, open_window, ui_settings, when_modal  # noqa: F401


def _window(qtbot, path, user="nurse"):
    window = open_window(qtbot, path, user)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window


def _name(widget) -> str:
    return widget.objectName() or type(widget).__name__


def test_the_keyboard_starts_in_the_dashboard_list_not_on_the_page_tabs(qtbot, demo_db):
    window = _window(qtbot, demo_db)
    assert QApplication.focusWidget() is window.dashboard.visits
    for _ in range(12):  # the page tab bar is never a stop: Ctrl+1..5 switch pages
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not window.pages.tabBar()


def test_casebook_tab_goes_round_its_buttons_then_the_matrix(qtbot, demo_db):
    window = _window(qtbot, demo_db, "investigator")
    window.open_subject("S005")
    seen = []
    for _ in range(6):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(_name(QApplication.focusWidget()))
    assert seen == ["change_status", "new_unscheduled", "sign_visit", "casebook_print",
                    "qt_tabwidget_tabbar", "visit_matrix"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _name(QApplication.focusWidget()) == "change_status"  # round, no trap


def test_enter_on_a_focused_button_presses_it(qtbot, demo_db):
    window = _window(qtbot, demo_db)
    window.open_subject("S007")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.casebook.status_button
    seen = []

    def close(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_modal(close)
    QTest.keyClick(window.casebook.status_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Change the status of S007"]
