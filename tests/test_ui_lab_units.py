"""A lab result in another unit, by keyboard: the nurse types the creatinine as the report
gives it (µmol/L), is told 300 mg/dL cannot be, picks the report's unit with the arrow key,
and sees the unit beside the result and its range follow, the message go and the grade
computed in mg/dL."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.store import Store
from tests.test_ui_ctcae import field_in_use, press
from tests.ui_helpers import demo_db, demo_template, open_window, settle  # noqa: F401


def test_the_unit_of_the_report_is_chosen_by_keys_and_shown(qtbot, demo_db):
    with Store.open(demo_db) as store:
        store.login("nurse", DEMO_PASSWORD)
        code = store.subjects.create().code
        store.forms.save(code, "screening", "dm", {"sex": "M", "brthdat": "1975-05-05"})
        store.forms.save(code, "screening", "lb", {"lbdtc": "2025-01-05T08:00", "creat": 1.0,
                                                   "creat_lo": 0.7, "creat_hi": 1.3})
        store.forms.save(code, "m2", "lb", {"lbdtc": "2025-03-05T08:00"})
    window = open_window(qtbot, demo_db)
    window.open_form(code, "m2", "lb")
    settle(qtbot, window)
    page = window.form_page
    view = page.view
    unit = view.findChild(type(view.unit_labels["creat"]), "creat__unit")
    assert unit.text() == "mg/dL"
    page.focus_field("creat")
    qtbot.keyClicks(QApplication.focusWidget(), "300")
    qtbot.wait(20)  # the events between two keys a person presses (the form shows the unit)
    press(qtbot, Qt.Key.Key_Tab)
    assert field_in_use(page) == "creat_u"  # the unit comes right after the result
    qtbot.waitUntil(lambda: "300 mg/dL is outside" in view.messages("creat"))
    assert "If the report gives µmol/L, choose that unit" in view.messages("creat")
    press(qtbot, Qt.Key.Key_Down, 2)  # mg/dL, then µmol/L
    qtbot.waitUntil(lambda: unit.text() == "µmol/L")
    qtbot.waitUntil(lambda: view.messages("creat") == "")
    assert view.findChild(type(unit), "creat_hi__unit").text() == "µmol/L"
    press(qtbot, Qt.Key.Key_Tab)
    assert field_in_use(page) == "creat_lo"
    qtbot.keyClicks(QApplication.focusWidget(), "62")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "115")
    press(qtbot, Qt.Key.Key_Tab)
    # 300 µmol/L = 3.394 mg/dL: more than 3 x the baseline of 1.0 mg/dL, grade 3
    qtbot.waitUntil(lambda: "Creatinine 300 µmol/L (= 3.3937 mg/dL): grade 3"
                    in page.lab_grades.label.text())
    from ui.lab_grades import LATER

    window.prompts.answer("choose", LATER)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                      Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(a[0] == "choose" for a in window.prompts.asked))
    rec = window.store.forms.get(code, "m2", "lb")
    assert (rec.values["creat"], rec.values["creat_u"], rec.values["creat_hi"]) == \
        (300.0, "umol/L", 115.0)
    window.open_form(code, "m2", "lb")  # shown again as typed, not padded to "300.00"
    settle(qtbot, window)
    assert window.form_page.view.editor("creat").edit.text() == "300"
    assert not window.form_page.view.is_dirty()


def test_a_mistyped_result_does_not_tell_the_nurse_to_clear_its_range(qtbot, demo_db):
    with Store.open(demo_db) as store:
        store.login("nurse", DEMO_PASSWORD)
        code = store.subjects.create().code
        store.forms.save(code, "m2", "lb", {"lbdtc": "2025-03-05T08:00", "alt": 20.0,
                                            "alt_lo": 7.0, "alt_hi": 40.0})
    window = open_window(qtbot, demo_db)
    window.open_form(code, "m2", "lb")
    settle(qtbot, window)
    page, view = window.form_page, window.form_page.view
    page.focus_field("alt")
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "2 ukat/L")
    qtbot.wait(20)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "is not a number" in view.messages("alt"))
    qtbot.wait(50)
    assert view.messages("alt_lo") == "" and view.messages("alt_hi") == ""
    assert view.is_shown("alt_lo") and view.is_shown("alt_hi")
    editor.selectAll()
    qtbot.keyClicks(editor, "20")
    qtbot.wait(20)
