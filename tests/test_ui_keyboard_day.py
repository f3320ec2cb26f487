"""A visit entered by key presses alone, as a nurse works: no mouse, no widget setters.

Every key goes to the widget that has the focus (as on a real keyboard); after each step the
test asserts where the focus landed and, at the end, what the file holds.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from alsdesk.states import FormStatus
from alsdesk.store import Store
from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, demo_db, demo_template, open_window, settle, ui_settings, when_modal,
)
from ui.choice_editor import ChoiceEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# ALSFRS-R scores typed, item by item (5a: no gastrostomy)
SCORES = {"q1": 4, "q2": 3, "q3": 3, "q4": 2, "q5a": 4, "q6": 3, "q7": 3, "q8": 2, "q9": 1,
          "q10": 4, "q11": 4, "q12": 4}


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """A key on the real keyboard: it goes to whatever has the focus."""
    for _ in range(times):
        target = focus()
        assert target is not None, "nothing has the keyboard focus"
        QTest.keyClick(target, key, modifier)
        qtbot.wait(5)


def type_text(qtbot, text: str) -> None:
    target = focus()
    assert target is not None
    QTest.keyClicks(target, text)
    qtbot.wait(5)


def owner(page) -> str | None:
    """The field whose question has the keyboard."""
    return page.view.field_of(focus()) if page.view is not None else None


@pytest.fixture
def nurse(qtbot, demo_db):
    with Store.open(demo_db) as store:
        store.login("nurse", DEMO_PASSWORD)
        code = store.subjects.create("KB").code
    window = open_window(qtbot, demo_db, "nurse")
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None)
    return window, code


def open_alsfrs_by_keys(qtbot, window, code: str) -> None:
    """Ctrl+F, the subject's code, Enter; in the visit matrix down to ALSFRS-R, Enter."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focus() is window.subjects.filter
    type_text(qtbot, code)
    qtbot.waitUntil(lambda: window.subjects.view.model().rowCount() == 1)
    press(qtbot, Qt.Key.Key_Down)  # from the filter into the list
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.casebook.subject == code)
    settle(qtbot, window)
    matrix = window.casebook.matrix
    qtbot.waitUntil(lambda: focus() is matrix or matrix.isAncestorOf(focus()), timeout=3000)
    rows = [matrix.verticalHeaderItem(r).text() for r in range(matrix.rowCount())]
    target = rows.index(window.store.study.form("alsfrs").label)
    press(qtbot, Qt.Key.Key_Home, CTRL)  # top left: screening, first form
    press(qtbot, Qt.Key.Key_Down, times=target)
    assert matrix.currentRow() == target and matrix.current_event() == ("screening", 1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.form_page.form_id == "alsfrs")


def test_a_whole_alsfrs_by_keys_then_save_and_next(qtbot, nurse):
    window, code = nurse
    page = window.form_page
    open_alsfrs_by_keys(qtbot, window, code)
    # the cursor waits in the first question
    assert owner(page) == "qsdat" and isinstance(focus(), QLineEdit)
    press(qtbot, Qt.Key.Key_Tab)
    assert owner(page) == "gastro"
    press(qtbot, Qt.Key.Key_N)  # "No": item 5a applies
    assert page.view.editor("gastro").raw() == "N"
    assert page.modified.isVisibleTo(page)
    press(qtbot, Qt.Key.Key_Tab)
    items = list(SCORES)
    for i, item in enumerate(items):
        assert owner(page) == item, f"before typing {item} the focus is on {owner(page)}"
        press(qtbot, getattr(Qt.Key, f"Key_{SCORES[item]}"))
        assert page.view.editor(item).raw() == SCORES[item]
    # one Tab per question back and forth, whatever the answers
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert owner(page) == "q11"
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert owner(page) == "q10"
    press(qtbot, Qt.Key.Key_Tab)
    assert owner(page) == "q11"
    qtbot.waitUntil(lambda: str(sum(SCORES.values())) in page.derived.text("total"),
                    timeout=2000)
    # complete, and on to the visit's next form
    press(qtbot, Qt.Key.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: page.form_id != "alsfrs")
    assert window.prompts.errors == []
    events = window.store.study.event("screening").forms
    assert events.index(page.form_id) == events.index("alsfrs") + 1
    first = page.view.first_input()
    assert focus() is first  # the next form starts in its first question
    rec = window.store.forms.get(code, "screening", "alsfrs")
    assert rec.status is FormStatus.COMPLETE
    assert {k: rec.values[k] for k in SCORES} == SCORES and rec.values["gastro"] == "N"
    assert not page.modified.isVisibleTo(page)


def test_missing_code_from_the_keyboard_and_no_stray_code_from_a_letter(qtbot, nurse):
    window, code = nurse
    page = window.form_page
    open_alsfrs_by_keys(qtbot, window, code)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_N)
    press(qtbot, Qt.Key.Key_Tab)
    assert owner(page) == "q1"
    press(qtbot, Qt.Key.Key_N)  # a blind "n" on a score: nothing, and no "ND" either
    assert page.view.editor("q1").raw() is None and page.view.code("q1") is None
    assert owner(page) == "q1"
    # F2: the question's menu; the code "ND" chosen by arrows and Enter
    opened = []

    def choose_nd() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            qtbot.wait(20)
            return choose_nd()
        opened.append([a.objectName() for a in menu.actions()])
        nd = next(a for a in menu.actions() if a.objectName() == "field_code_ND")
        while menu.activeAction() is not nd:
            QTest.keyClick(menu, Qt.Key.Key_Down)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer
    QTimer.singleShot(50, choose_nd)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.view.code("q1") == "ND")
    assert "field_query" in opened[0] and "field_history" in opened[0]
    # the coded question is still one tab stop; digits no longer change it
    assert owner(page) == "q1"
    press(qtbot, Qt.Key.Key_3)
    assert page.view.editor("q1").raw() is None
    press(qtbot, Qt.Key.Key_Tab)
    assert owner(page) == "q2"
    assert isinstance(page.view.editor("q2"), ChoiceEditor)


def keys_in_dialog(*steps) -> list:
    """When the next modal dialog shows: type each step into whatever has the focus there.

    A step is text to type, or a Qt key. Returns the list the dialog's title is put in.
    """
    seen: list = []

    def handler(dialog, waited: int = 0) -> None:
        from PySide6.QtCore import QTimer

        inside = QApplication.focusWidget()
        if (inside is None or not (inside is dialog or dialog.isAncestorOf(inside))) \
                and waited < 2000:  # a person waits for the dialog to take the keyboard
            QTimer.singleShot(20, lambda: handler(dialog, waited + 20))
            return
        seen.append(dialog.windowTitle())
        for step in steps:
            target = QApplication.focusWidget()
            assert target is not None and (target is dialog or dialog.isAncestorOf(target)), \
                f"the focus is not in '{dialog.windowTitle()}' but on {target}"
            if isinstance(step, str):
                QTest.keyClicks(target, step)
            else:
                QTest.keyClick(target, step)

    when_modal(handler)
    return seen


def choose_in_menu(qtbot, name: str) -> None:
    """When the next popup menu shows: arrow down to the action `name`, then Enter."""
    from PySide6.QtCore import QTimer

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, pick)
            return
        wanted = next(a for a in menu.actions() if a.objectName() == name)
        for _ in range(len(menu.actions()) + 1):
            if menu.activeAction() is wanted:
                break
            QTest.keyClick(menu, Qt.Key.Key_Down)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(30, pick)


def back_from_dialog(qtbot, window) -> None:
    """As the window manager does when a dialog closes: the main window is active again
    (the offscreen platform leaves no window active); its own focus is what it kept."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def switch_user_by_keys(qtbot, window, user: str) -> None:
    """File > Log out (Alt+F, O), then the real login dialog typed: user id, Tab, password."""
    from ui import app

    window.relogin = app._relogin  # as the program sets it when it starts
    seen = keys_in_dialog(user, Qt.Key.Key_Tab, DEMO_PASSWORD, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_O)
    qtbot.waitUntil(lambda: window.store.user_id == user, timeout=10000)
    assert seen and "log in" in seen[0].lower()
    settle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None)


def test_a_query_raised_answered_and_the_form_signed_by_keys(qtbot, demo_db):
    with Store.open(demo_db) as store:
        store.login("nurse", DEMO_PASSWORD)
        code = store.subjects.create("QK").code
        store.forms.save(code, "screening", "alsfrs", {"gastro": "N", **SCORES}, complete=True)
    window = open_window(qtbot, demo_db, "monitor")
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None)
    page = window.form_page
    # the monitor: to the form, to item 2, F2, "Raise a query", the question, Enter
    open_alsfrs_by_keys(qtbot, window, code)
    press(qtbot, Qt.Key.Key_Tab, times=3)
    assert owner(page) == "q2"
    question = "Source says 2 for salivation: please check"
    seen = keys_in_dialog(question, Qt.Key.Key_Return)
    choose_in_menu(qtbot, "field_query")
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(seen))
    back_from_dialog(qtbot, window)
    (query,) = window.store.queries.list(subject=code)
    assert query.field == "q2" and query.text == question
    assert owner(page) == "q2"  # the keyboard is back on the question
    # the nurse: Queries page (Ctrl+5), into the list, Answer (Alt+N), the answer, Enter
    switch_user_by_keys(qtbot, window, "nurse")
    press(qtbot, Qt.Key.Key_5, CTRL)
    queries = window.queries_page
    qtbot.waitUntil(lambda: queries.count_open() >= 1)
    for _ in range(6):
        if focus() is queries.table:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focus() is queries.table
    while queries.current() is None or queries.current().id != query.id:
        press(qtbot, Qt.Key.Key_Down)
    answer = "Checked the source: 3 is right"
    seen = keys_in_dialog(answer, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.store.queries.get(query.id).answer == answer)
    back_from_dialog(qtbot, window)
    assert focus() is queries.table
    # the investigator: the form from the query (Alt+R lands on the field), then Sign (Alt+O, G)
    switch_user_by_keys(qtbot, window, "investigator")
    press(qtbot, Qt.Key.Key_5, CTRL)
    for _ in range(6):
        if focus() is queries.table:
            break
        press(qtbot, Qt.Key.Key_Tab)
    while queries.current() is None or queries.current().id != query.id:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.form_id == "alsfrs")
    assert owner(page) == "q2"
    seen = keys_in_dialog(DEMO_PASSWORD, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_G)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    back_from_dialog(qtbot, window)
    rec = window.store.forms.get(code, "screening", "alsfrs")
    assert rec.status is FormStatus.SIGNED and rec.valid_signature.user_id == "investigator"
    assert {k: rec.values[k] for k in SCORES} == SCORES
    assert window.prompts.errors == []
