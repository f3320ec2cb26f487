"""Every main page in Persian, listed for English left on it (the issue's "a test lists
them"): labels, buttons, tabs, menus, column headers, window and group titles.

A word of three or more Latin letters is English unless it is a name the Persian window keeps
in Latin (the program's, the trial's, scales', units and abbreviations), or data (subject
numbers, a nurse's name, values entered).
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QGroupBox, QLabel, QMenu, QTabBar, QWidget,
)

from ui.i18n import use_language
from tests.ui_helpers import ui_settings  # noqa: F401 - fixture: settings in tmp
from tests.ui_helpers import open_window, settle

KEPT = {
    "ALS", "Desk", "ALSFRS", "CTCAE", "MedDRA", "SOC", "ODM", "CSV", "PDF", "SAS", "SPSS",
    "Stata", "REDCap", "SDTM", "ISO", "UTC", "FVC", "EMG", "ECOG", "GCS", "BMI", "SpO2",
    "NCT02492516", "Royan", "Nerve", "mmHg", "min", "beats", "breaths", "DEMO", "XPT", "PRO",
    "ACT", "SAE", "ECG", "ALT", "AST", "HIV", "HBV", "HCV", "Riluzole", "Escorial", "Ctrl",
    "Alt", "Shift", "Enter", "Esc", "Tab", "Del", "Return", "DEC", "JAN", "FEB", "MAR", "APR",
    "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "Nora", "Nurse", "demo", "Ian",
    "Investigator", "Mona", "Monitor", "Ada", "Admin", "cells", "Royan-Nerve-008", "English",
    "ALSFRS-R", "CSV", "Excel", "PRO-ACT", "CRF", "XML", "CDISC", "define", "xml", "HTML",
    "CIOMS", "sav", "dta", "xpt", "nurse", "admin", "investigator", "monitor",
    "Pulmonary", "embolism",  # an adverse event's term as the demo's nurse typed it: data
}
PATH = re.compile(r"(/|[A-Z]:\\)\S+")  # a file's path is data
WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]{2,}")


def _texts(window: QWidget) -> set[str]:
    out: set[str] = {window.windowTitle()}
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            out.add(w.text())
        if isinstance(w, QGroupBox):
            out.add(w.title())
        if isinstance(w, QTabBar):
            out.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            out.update(str(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt
                                            .Orientation.Horizontal) or "")
                       for c in range(model.columnCount()))
    for menu in window.menuBar().findChildren(QMenu):
        out.add(menu.title())
        out.update(a.text() for a in menu.actions())
    return out


def _english(texts: set[str]) -> list[str]:
    import html

    left = []
    for text in texts:
        plain = PATH.sub(" ", html.unescape(re.sub(r"<[^>]+>", " ", text or "")))
        if any(w not in KEPT and not re.fullmatch(r"S\d{3}", w) for w in WORD.findall(plain)):
            left.append(plain.strip()[:80])
    return sorted(left)


@pytest.fixture(autouse=True)
def english_after():
    yield
    use_language("en")


def test_the_main_pages_in_persian_have_no_english_left(qtbot, demo_db):
    use_language("fa")
    w = open_window(qtbot, demo_db, "nurse")
    w.open_subject("S005")
    settle(qtbot, w)
    found: dict[str, list[str]] = {}
    for i in range(w.pages.count()):
        w.pages.setCurrentIndex(i)
        settle(qtbot, w)
        if w.pages.widget(i) is w.form_page and not w.form_page.has_form():
            w.open_form("S005", "screening", "vs")
            settle(qtbot, w)
        found[w.pages.tabText(i)] = _english(_texts(w))
    left = {page: texts for page, texts in found.items() if texts}
    assert not left, "English left on the Persian pages:\n" + "\n".join(
        f"{page}: {texts}" for page, texts in left.items())


def test_the_persian_alsfrs_form_shows_its_words_whole_and_as_written(qtbot, demo_db):
    """The grid's section name heads its first row as bold text, never as raw markup; the
    calculated values' names are plain text, each on a line of its own above its value (in
    a narrow side column a wrapped name of two scripts was cut: an outside review)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from alsdesk.study.translation import localized
    from ui.derived_panel import DerivedPanel

    use_language("fa")
    w = open_window(qtbot, demo_db, "nurse")
    w.open_form("S005", "screening", "alsfrs")
    settle(qtbot, w)
    fa = localized(w.store.study, "fa").form("alsfrs")
    first = next(f for f in fa.fields if f.section)
    label = w.form_page.view.rows[first.id].label
    doc = QTextDocument()
    doc.setHtml(label.text())
    shown = doc.toPlainText()
    assert first.section in shown and first.label in shown and "<b>" not in shown
    panel = w.form_page.findChild(DerivedPanel)
    names = [panel.form.itemAt(r, panel.form.ItemRole.LabelRole).widget()
             for r in range(panel.form.rowCount())
             if panel.form.itemAt(r, panel.form.ItemRole.LabelRole) is not None]
    assert names and all(n.textFormat() == Qt.TextFormat.PlainText for n in names)
    for n in names:  # each name on one line, as wide as its words
        assert not n.wordWrap()
        assert n.width() >= n.fontMetrics().horizontalAdvance(n.text()), n.text()


def test_the_persian_chart_runs_right_to_left_in_the_solar_hijri_calendar(qtbot, demo_db):
    """The dashboard's chart mirrored with the window: time from right to left, months
    named as the Solar Hijri calendar names them, the ALSFRS-R scale on the right."""
    from PySide6.QtCharts import QCategoryAxis
    from PySide6.QtCore import Qt

    from alsdesk.jalali import MONTHS

    use_language("fa")
    w = open_window(qtbot, demo_db, "nurse")
    settle(qtbot, w)
    chart = w.dashboard.chart
    qtbot.waitUntil(lambda: bool(chart.points))
    x = chart.x
    assert isinstance(x, QCategoryAxis) and x.isReverse()
    labels = x.categoriesLabels()
    assert len(labels) == 5 and all(any(m in label for m in MONTHS) for label in labels)
    assert chart.left.alignment() == Qt.AlignmentFlag.AlignRight  # ALSFRS-R
