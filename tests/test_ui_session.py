"""Session hygiene: logging out or switching user leaves nothing of the previous user on
screen (filter, casebook, form); the lock screen offers "Switch user" and never lets the
next user save what the locked user typed; Ctrl+F selects the filter text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, demo_db, demo_template, open_window, settle, ui_settings, when_modal,
)
from ui.app import sign_in
from ui.prompts import DISCARD


def _focus():
    return QApplication.focusWidget()


def _login_as(user_id: str) -> None:
    """Answer the next login dialog as `user_id` (typed, then Enter)."""
    def login(dialog):
        dialog.user_id.clear()
        QTest.keyClicks(dialog.user_id, user_id)
        QTest.keyClicks(dialog.password, DEMO_PASSWORD)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(login)


def _type_in_consent_form(window, text: str):
    """Open S007's informed consent form and type `text` after the investigator's name."""
    assert window.open_form("S007", "screening", "ic")
    editor = window.form_page.view.editor("icby").focus_widgets()[0]
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClicks(editor, text)
    assert window.form_page.view.is_dirty()
    return editor


def _stored_icby(window) -> str | None:
    return window.store.forms.get("S007", "screening", "ic").values.get("icby")


def test_ctrl_f_selects_the_filter_text(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    page = window.subjects
    window.pages.setCurrentWidget(page)
    page.filter.setFocus()
    QTest.keyClicks(page.filter, "overdue")
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is page.filter and page.filter.selectedText() == "overdue"
    QTest.keyClicks(_focus(), "S006")  # typing replaces the old filter
    assert page.filter.text() == "S006" and page.proxy.rowCount() == 1


def test_log_out_clears_filter_casebook_and_form(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    window.relogin = lambda w: sign_in(w.store, w.db_path)
    QTest.keyClicks(window.subjects.filter, "S005")
    window.open_subject("S005")
    window.open_form("S005", "screening", "alsfrs")
    _login_as("monitor")
    assert window.log_out()
    assert window.store.user_id == "monitor"
    assert window.subjects.filter.text() == "" and window.subjects.proxy.rowCount() == 7
    assert window.casebook.subject is None and window.casebook.code.text() == "No subject open"
    assert window.casebook.matrix.rowCount() == 0 and window.casebook.schedule.rowCount() == 0
    assert not window.form_page.has_form()
    assert window.pages.currentWidget() is window.dashboard_page
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert "Casebook" in titles and "Form" in titles and "Casebook S005" not in titles
    assert window.current_subject() is None


def test_lock_screen_switch_user_discards_the_locked_users_typing(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    window.relogin = lambda w: sign_in(w.store, w.db_path)
    before = _stored_icby(window)
    _type_in_consent_form(window, " (typed by Nora)")
    window.lock()
    screen = window.lock_screen
    assert _focus() is screen.password
    QTest.keyClick(_focus(), Qt.Key.Key_Tab)
    QTest.keyClick(_focus(), Qt.Key.Key_Tab)
    assert _focus() is screen.switch_button
    window.prompts.answer("confirm", True)
    _login_as("monitor")
    QTest.keyClick(_focus(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.store.user_id == "monitor", timeout=5000)
    settle(qtbot, window)
    title, message = window.prompts.asked[-1][1]
    assert title == "Switch user" and "Nora Nurse" in message and "never saved" in message
    assert not window.locked and window.stack.currentWidget() is window.pages
    # nothing was saved, under anybody's name; nothing of it is left on screen
    assert _stored_icby(window) == before
    assert not window.form_page.has_form() and window.casebook.subject is None
    assert "discarded" in window.notice.text()
    (typed,) = window.store.conn.execute(
        "SELECT count(*) FROM audit_trail WHERE new_value LIKE '%typed by Nora%'").fetchone()
    assert typed == 0


def test_switch_user_back_to_the_same_user_keeps_the_typing(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    window.relogin = lambda w: sign_in(w.store, w.db_path)
    before = _stored_icby(window)
    editor = _type_in_consent_form(window, " (kept)")
    window.lock()
    window.prompts.answer("confirm", True)
    _login_as("nurse")
    assert window.switch_user()
    assert window.store.user_id == "nurse" and not window.locked
    assert window.form_page.has_form() and window.form_page.view.is_dirty()
    assert editor.text() == f"{before} (kept)" and _stored_icby(window) == before
    assert "still on screen" in window.notice.text()
    window.prompts.answer("unsaved", DISCARD)  # closing at the end of the test


def test_switch_user_can_be_called_off(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    _type_in_consent_form(window, " (maybe)")
    window.lock()
    window.prompts.answer("confirm", False)
    assert not window.switch_user()
    assert window.locked and window.store.user_id == "nurse"
    assert window.form_page.view.is_dirty()
    window._closing_checked = True  # closing at the end of the test: locked, nothing saved
