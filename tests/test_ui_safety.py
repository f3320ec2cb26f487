"""The safety tables dialog, the casebook's primary outcomes tab and the dashboard's box, in
a real window over the demo file, reached by key presses."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from alsdesk.safety.outcomes import outcomes
from alsdesk.safety.tables import safety_tables
from tests.ui_helpers import demo_db, demo_template, open_window, settle  # noqa: F401


def test_view_menu_opens_the_safety_tables_by_keys(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "monitor")
    QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_T)  # "Safety &tables…"
    qtbot.waitUntil(lambda: getattr(window, "safety_dialog", None) is not None
                    and window.safety_dialog.data is not None, timeout=10000)
    dialog = window.safety_dialog
    want = safety_tables(window.store)
    assert dialog.population.text() == want.population_text
    table = dialog.by_term
    assert table.rowCount() == len(want.by_term)
    assert table.item(0, 0).text() == "Any adverse event"
    assert table.item(0, 2).text() == str(want.by_term[0].events)
    QTest.keyClick(dialog.tabs, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # "&5 Per subject"
    assert dialog.tabs.currentWidget() is dialog.subjects
    assert [dialog.subjects.item(i, 0).text() for i in range(dialog.subjects.rowCount())] \
        == [r.subject for r in want.subjects]
    dialog.close()


def test_the_casebook_and_the_dashboard_show_the_outcomes(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    box = window.dashboard.outcomes
    rows = outcomes(window.store).rows
    assert box.table.rowCount() == len(rows) == 4
    assert "4 infused" in box.counts.text()
    box.table.setFocus()
    box.table.setCurrentCell(0, 0)
    QTest.keyClick(box.table, Qt.Key.Key_Return)  # Enter opens the subject, as a double-click
    settle(qtbot, window)
    assert window.casebook.subject == rows[0].subject
    cb = window.casebook
    cb.tabs.setCurrentWidget(cb.outcomes)
    assert cb.outcomes.fever.text().startswith(rows[0].fever.verdict.value)
    assert "compared with 15" in cb.outcomes.gcs.text()
