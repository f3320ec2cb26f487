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
    for _ in range(8):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(_name(QApplication.focusWidget()))
    # S005 has a serious adverse event: the SAE panel's choice and print button come
    # between the casebook's buttons and its tabs
    assert seen == ["change_status", "new_unscheduled", "sign_visit", "casebook_print",
                    "sae_entry", "print_sae_report", "qt_tabwidget_tabbar", "visit_matrix"]
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


def test_the_shortcuts_sheet_lists_the_keys_inside_questions_once(qtbot, demo_db):
    from ui.help import shortcut_rows

    window = _window(qtbot, demo_db)
    rows = shortcut_rows(window)  # before any form was opened
    keys = [r.keys for r in rows if r.where == "In a form"]
    assert {"F2", "F3", "0-9", "Delete", "Alt+Down"} <= set(keys)
    window.open_form("S007", "screening", "alsfrs")
    window.open_form("S007", "screening", "vs")  # two forms built: F2 still once
    assert [r.keys for r in shortcut_rows(window)].count("F2") == 1


def test_a_message_shown_follows_the_typing(qtbot, demo_db):
    from tests.ui_helpers import fill

    window = _window(qtbot, demo_db)
    window.open_form("S007", "unscheduled", "sv")
    page = window.form_page
    fill(page, svdone="Y", svstdtc="05/DEC/2030 10:00")
    page.field_left("svstdtc")
    assert "in the future" in page.view.messages("svstdtc")
    editor = page.view.editor("svstdtc")
    editor.edit.setFocus()
    QTest.keyClick(editor.edit, Qt.Key.Key_End)
    QTest.keyClicks(editor.edit, "1")  # 05/DEC/2030 10:001: no longer a date-time at all
    qtbot.waitUntil(lambda: "in the future" not in page.view.messages("svstdtc"))
    assert page.view.messages("svstdtc")  # it says what is wrong now instead
