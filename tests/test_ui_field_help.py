"""CDISC codes in field help are the data manager's: a nurse sees plain help (or nothing), never
a code nor "No help for this field"; a monitor sees the codes and the CDASH/SDTM names."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from alsdesk.auth import Role
from alsdesk.permissions import field_help
from alsdesk.study import load_study
from tests.ui_helpers import demo_db, demo_template, open_window, ui_settings  # noqa: F401

CODE = re.compile(r"[A-Z]{2,}TESTCD|DSDECOD|CDASH|SDTM|CDISC|No help")


def _shown_help(window) -> list[str]:
    """Help panel texts while tabbing through every question of the open form."""
    page = window.form_page
    texts = []
    first = QApplication.focusWidget()
    for _ in range(60):
        texts.append(page.help_label.text())
        QTest.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is first:
            break
    return texts


def test_nurse_sees_no_cdisc_code_in_help_or_tool_tips(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    for event, form in (("screening", "vs"), ("screening", "ie"), ("screening", "ic"),
                        ("screening", "lb")):
        window.open_form("S007", event, form)
        view = window.form_page.view
        tips = [w.toolTip() for w in view.findChildren(QWidget) if w.toolTip()]
        assert not [t for t in tips if CODE.search(t)], (form, tips)
        texts = _shown_help(window)
        assert len(set(texts)) > 2  # the panel did follow the focus
        assert not [t for t in texts if CODE.search(t)], (form, texts)
    # plain help stays: the sentence before the code
    window.open_form("S007", "screening", "vs")
    tips = {w.toolTip() for w in window.form_page.view.findChildren(QWidget)}
    assert "Fever is a primary outcome of this trial." in tips


def test_monitor_sees_the_codes(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "monitor")
    window.open_form("S005", "screening", "vs")
    tips = {w.toolTip() for w in window.form_page.view.findChildren(QWidget)}
    assert any("VSTESTCD: TEMP" in t and "CDASH VSORRES" in t for t in tips)


def test_field_help_by_role():
    study = load_study()
    temp = study.form("vs").field("temp")
    assert field_help(Role.NURSE, temp) == "Fever is a primary outcome of this trial."
    assert field_help(Role.INVESTIGATOR, temp) == "Fever is a primary outcome of this trial."
    assert field_help(Role.MONITOR, temp) == ("Fever is a primary outcome of this trial. "
                                              "VSTESTCD: TEMP — CDASH VSORRES · SDTM VS.VSORRES")
    assert field_help(Role.NURSE, study.form("ie").field("inc_age")) is None
    ic = study.form("ic").field("icdat")
    assert field_help(Role.NURSE, ic) == "No study procedure may be done before this date."
    ethnic = study.form("dm").field("ethnic")
    assert field_help(Role.NURSE, ethnic) == "As the patient describes it."
    for form in study.forms.values():
        for f in form.fields:
            assert not CODE.search(field_help(Role.NURSE, f) or ""), f.id
