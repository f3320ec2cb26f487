"""The casebook, dashboard and queries by keyboard: Tab leaves a table, arrows move inside,
Enter opens; the query flag in the visit matrix; "Open the form" lands on the queried field;
and no two Alt+letter mnemonics reachable at once on any page."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar

from alsdesk import dashboard
from alsdesk.states import QueryStatus
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, open_window, settle, ui_settings,
)
from ui.visit_matrix import FLAG


def _focus():
    return QApplication.focusWidget()


def _key(key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(_focus(), key, modifier)


def _focus_matrix(qtbot, window):
    """Reach the visit matrix from the casebook's tab bar, by Tab only."""
    book = window.casebook
    book.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(5):
        if _focus() is book.matrix:
            return
        _key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the matrix: focus on {_focus()!r}")


def test_matrix_tab_leaves_arrows_move_enter_opens(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_subject("S005")
    book = window.casebook
    _focus_matrix(qtbot, window)
    matrix = book.matrix
    matrix.setCurrentCell(0, 0)
    # arrows move inside the table
    _key(Qt.Key.Key_Right)
    assert (matrix.currentRow(), matrix.currentColumn()) == (0, 1)
    _key(Qt.Key.Key_Left)
    _key(Qt.Key.Key_Down)
    assert _focus() is matrix and (matrix.currentRow(), matrix.currentColumn()) == (1, 0)
    # Tab leaves it (and Shift+Tab comes back), the current cell stays where it was
    _key(Qt.Key.Key_Tab)
    assert _focus() is not matrix and not matrix.isAncestorOf(_focus())
    _key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is matrix and (matrix.currentRow(), matrix.currentColumn()) == (1, 0)
    # Enter opens the form of the cell: ALSFRS-R of the 72 hours visit is not planned, so
    # walk to the screening ALSFRS-R with the arrows
    row = next(r for r in range(matrix.rowCount())
               if matrix.verticalHeaderItem(r).text() == "ALSFRS-R")
    matrix.setCurrentCell(0, 0)
    for _ in range(row):
        _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.form_page
    assert (window.form_page.event_id, window.form_page.form_id) == ("screening", "alsfrs")


def test_every_row_list_lets_tab_through(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_subject("S005")
    tables = [window.casebook.matrix, window.casebook.schedule, window.dashboard.visits,
              window.dashboard.serious, window.subjects.view, window.queries_page.table]
    tables += [log.table for log in window.casebook.logs.values()]
    assert [t.objectName() for t in tables if t.tabKeyNavigation()] == []


def test_dashboard_lists_open_a_subject_with_enter(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    dash = window.dashboard
    dash.serious.setFocus(Qt.FocusReason.TabFocusReason)
    dash.serious.setCurrentCell(0, 0)
    _key(Qt.Key.Key_Down)  # the second serious event: S004's respiratory failure
    _key(Qt.Key.Key_Enter)
    assert window.pages.currentWidget() is window.casebook and window.casebook.subject == "S004"
    window.pages.setCurrentWidget(window.dashboard_page)
    dash.visits.setFocus(Qt.FocusReason.TabFocusReason)
    dash.visits.setCurrentCell(0, 0)
    first = dash.visits.item(0, 0).text()
    _key(Qt.Key.Key_Return)
    assert window.casebook.subject == first


def test_dashboard_counts_open_queries_apart_from_answered(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    store = window.store
    (q,) = store.queries.list()
    assert window.dashboard.queries.value.text() == "1"
    store.queries.answer(q.id, "Checked: it is 3.")
    counts = dashboard.query_counts(store)
    assert counts[QueryStatus.OPEN] == 0 and counts[QueryStatus.ANSWERED] == 1
    window.refresh_all()
    settle(qtbot, window)
    assert window.dashboard.queries.value.text() == "0"
    assert window.dashboard.answered.text().startswith("1 answered")
    # the due tile says what "due" means, with the study's own number of days
    days = store.study.parameters["due_ahead_days"]
    assert f"≤ {days:g} days" in window.dashboard.due_note.text()
    assert f"opens within {days:g} days" in window.dashboard.due.toolTip()


def test_query_flag_in_the_matrix_follows_the_query(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    window.open_subject("S005")
    matrix = window.casebook.matrix
    text = matrix.text_at("screening", "alsfrs")
    assert text.startswith("complete") and text.endswith(f"{FLAG} 1")
    assert matrix.cell_at("screening", "alsfrs").queries.open == 1
    assert FLAG not in matrix.text_at("screening", "dm")
    (q,) = window.store.queries.list()
    window.store.queries.answer(q.id, "Checked: it is 3.")
    window.data_changed()
    cell = matrix.cell_at("screening", "alsfrs")
    assert (cell.queries.open, cell.queries.answered) == (0, 1)
    assert cell.queries.text == "1 answered query"
    window.close()
    monitor = open_window(qtbot, demo_db, "monitor")
    monitor.store.queries.close(q.id, "Fine.")
    monitor.open_subject("S005")
    assert monitor.casebook.matrix.text_at("screening", "alsfrs") == "complete"


def test_open_the_form_lands_on_the_queried_field(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    window.pages.setCurrentWidget(window.queries_page)
    page = window.queries_page
    settle(qtbot, window)
    (q,) = page.queries
    assert q.field == "q4"
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    # the whole question is written out under the list
    assert q.text in page.detail.text() and "not answered yet" in page.detail.text()
    _key(Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # "Open the fo&rm"
    fp = window.form_page
    # a button's mnemonic clicks it after a short press animation
    qtbot.waitUntil(lambda: window.pages.currentWidget() is fp, timeout=2000)
    assert fp.form_id == "alsfrs"
    assert fp.view.field_of(_focus()) == "q4"
    # Enter on the list does the same
    window.pages.setCurrentWidget(page)
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    _key(Qt.Key.Key_Return)
    assert window.pages.currentWidget() is fp and fp.view.field_of(_focus()) == "q4"


# -- mnemonics --------------------------------------------------------------------------------

def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _mnemonics(window) -> dict[str, list[str]]:
    """Alt+letter -> what it reaches among the widgets on screen now."""
    texts = [("menu", a.text()) for a in window.menuBar().actions() if a.isVisible()]
    texts += [("button", b.text()) for b in window.findChildren(QAbstractButton)
              if b.isVisible()]
    texts += [("label", label.text()) for label in window.findChildren(QLabel)
              if label.isVisible() and label.buddy() is not None]
    texts += [("tab", bar.tabText(i)) for bar in window.findChildren(QTabBar)
              if bar.isVisible() for i in range(bar.count())]
    texts += [("group", g.title()) for g in window.findChildren(QGroupBox) if g.isVisible()]
    found: dict[str, list[str]] = {}
    for kind, text in texts:
        letter = _letter(text)
        if letter:
            found.setdefault(letter, []).append(f"{kind} {text!r}")
    return found


def _clashes(window) -> dict[str, list[str]]:
    settle_events()
    return {k: v for k, v in _mnemonics(window).items() if len(v) > 1}


def settle_events() -> None:
    QApplication.processEvents()


def test_no_page_has_two_widgets_on_one_alt_letter(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    seen = {}
    seen["dashboard"] = _clashes(window)
    window.pages.setCurrentWidget(window.subjects)
    seen["subjects"] = _clashes(window)
    window.open_subject("S005")
    book = window.casebook
    for i in range(book.tabs.count()):
        book.tabs.setCurrentIndex(i)
        seen[f"casebook {book.tabs.tabText(i)}"] = _clashes(window)
    for event, form in (("screening", "alsfrs"), ("infusion", "inf"), ("logs", "ae")):
        window.open_form("S005", event, form)
        seen[f"form {form}"] = _clashes(window)
    window.pages.setCurrentWidget(window.queries_page)
    seen["queries"] = _clashes(window)
    window.lock()
    seen["lock screen"] = _clashes(window)
    assert {page: c for page, c in seen.items() if c} == {}
    # the collection sees them at all: the menus, and the page's own
    assert {"f", "o", "v", "a", "h"} <= set(_mnemonics(window))
    assert {"u", "s"} <= set(_mnemonics(window))  # Unlock, Switch user


def test_casebook_tabs_by_alt_letter(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_subject("S005")
    book = window.casebook
    book.tabs.tabBar().setFocus()
    _key(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert book.tabs.currentWidget() is book.schedule
    _key(Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert book.tabs.currentWidget() is book.matrix
