"""One date format on screen: the subjects list, the queries list and the schedule write dates
the same way, DD/MMM/YYYY by default, another when the site setting says so."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from alsdesk import datefmt
from alsdesk.store import Store
from tests.ui_helpers import DEMO_PASSWORD, demo_db, demo_template, open_window, settle, ui_settings  # noqa: F401

MON = "(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
# every way a date could be written, to catch any that is not the site's format
ANY_DATE = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{2}}/{MON}(/\d{{4}})?|\d{{2}} [A-Z][a-z]{{2}}"
                      rf"|\d{{2}}\.\d{{2}}\.(\d{{4}})?|\b\d{{2}}-\d{{2}}\b")
SHOWN = {
    "DD/MMM/YYYY": re.compile(rf"\d{{2}}/{MON}(/\d{{4}})?"),
    "YYYY-MM-DD": re.compile(r"\d{4}-\d{2}-\d{2}|\b\d{2}-\d{2}\b"),
}


def _texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
            for r in range(model.rowCount()) for c in range(model.columnCount())]


def _dates_on_screen(qtbot, window) -> dict[str, list[str]]:
    window.pages.setCurrentWidget(window.subjects)
    settle(qtbot, window)
    subjects = _texts(window.subjects.view)
    window.pages.setCurrentWidget(window.queries_page)
    settle(qtbot, window)
    queries = [t for v in window.queries_page.findChildren(QAbstractItemView) for t in _texts(v)]
    window.open_subject("S005")
    schedule = _texts(window.casebook.schedule)
    return {name: [m.group(0) for t in texts for m in ANY_DATE.finditer(t)]
            for name, texts in (("subjects", subjects), ("queries", queries),
                                ("schedule", schedule))}


@pytest.mark.parametrize("fmt", ["DD/MMM/YYYY", "YYYY-MM-DD"])
def test_tables_write_dates_in_the_one_site_format(qtbot, demo_db, fmt):
    if fmt != datefmt.DEFAULT_FORMAT:
        st = Store.open(demo_db)
        st.login("admin", DEMO_PASSWORD)
        st.set_setting(datefmt.SETTING, fmt)
        st.close()
    window = open_window(qtbot, demo_db, "nurse")
    found = _dates_on_screen(qtbot, window)
    # the casebook's header and a form's editors write the same way, and read it back
    found["casebook"] = [m.group(0) for m in ANY_DATE.finditer(window.casebook.summary.text())]
    assert window.open_form("S005", "screening", "ic")
    editor = window.form_page.view.editor("icdat")
    stored = window.form_page.record.values["icdat"]
    found["form"] = [m.group(0) for m in ANY_DATE.finditer(editor.edit.text())]
    assert editor.value() == stored and not window.form_page.view.is_dirty()
    editor.edit.setText(editor.edit.text())  # the shown text, as if typed again
    assert editor._parse() == stored
    for table, dates in found.items():
        assert dates, f"no date in the {table} list"
        wrong = [d for d in dates if not SHOWN[fmt].fullmatch(d)]
        assert not wrong, (table, wrong)


def test_date_texts():
    day = date(2015, 3, 5)
    assert datefmt.date_text(day) == "05/MAR/2015"
    assert datefmt.date_text(day, year=False) == "05/MAR"
    assert datefmt.date_text(day, "YYYY-MM-DD") == "2015-03-05"
    # 05.03.2015 reads as 5 March or 3 May: not a format the program offers
    assert datefmt.format_problem("DD.MM.YYYY").startswith("Unknown date format")
    assert datefmt.datetime_text(datetime(2015, 3, 5, 14, 30)) == "05/MAR/2015 14:30"
    assert datefmt.date_text(day, "nonsense") == "05/MAR/2015"
    assert datefmt.format_problem("nonsense").startswith("Unknown date format")
    assert datefmt.format_problem("YYYY-MM-DD") is None


def test_the_administrator_sets_the_date_format_in_the_settings_dialog(qtbot, demo_db):
    from PySide6.QtTest import QTest

    from tests.ui_helpers import when_modal

    window = open_window(qtbot, demo_db, "admin")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list = []

    def choose_iso(dialog, waited: int = 0) -> None:
        focus = QApplication.focusWidget()
        if (focus is None or not dialog.isAncestorOf(focus)) and waited < 2000:
            QTimer.singleShot(20, lambda: choose_iso(dialog, waited + 20))
            return
        QTest.keyClick(focus, Qt.Key.Key_Tab)  # from the idle minutes to the date format
        combo = dialog.date_format
        seen.append((combo.hasFocus(), combo.currentText()))
        QTest.keyClick(combo, Qt.Key.Key_Down)  # the next format: YYYY-MM-DD
        QTest.keyClick(combo, Qt.Key.Key_Return)

    when_modal(choose_iso)
    window.edit_settings()
    qtbot.waitUntil(lambda: window.store.setting(datefmt.SETTING) == "YYYY-MM-DD")
    assert seen == [(True, "DD/MMM/YYYY")]
    assert "dates are shown as YYYY-MM-DD" in window.notice.text()
    row = window.store.conn.execute(
        "SELECT old_value, new_value FROM audit_trail WHERE action = 'settings.change' "
        "AND field = ?",
        (datefmt.SETTING,)).fetchall()
    assert row[-1] == (None, "YYYY-MM-DD")
    window.open_form("S005", "screening", "ic")
    assert window.form_page.view.editor("icdat").edit.text().count("-") == 2
    with pytest.raises(Exception, match="Unknown date format"):
        window.store.set_setting(datefmt.SETTING, "DD.MM.YYYY")
