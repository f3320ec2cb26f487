"""The adverse event form with the CTCAE terms imported, by keyboard: the term offered as
the nurse types, picked with the arrow keys and Enter, its SOC and MedDRA code calculated,
and, on the way on by Tab, the grades the term has shown beside the grade."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCompleter

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.safety import ctcae
from alsdesk.store import Store
from tests.test_safety_ctcae import ATE, FEVER, workbook
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, open_window, settle, ui_settings,
)


def press(qtbot, key, times: int = 1) -> None:
    """A key as the keyboard sends it: to the open list when one is open, else to the
    widget with the focus."""
    for _ in range(times):
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        QTest.keyClick(target, key)
        qtbot.wait(5)


def field_in_use(page) -> str | None:
    return page.view.field_of(QApplication.focusWidget())


def picker(edit) -> QCompleter:
    """The list of terms under a terminology field (alsdesk's, not the line edit's own)."""
    return edit.findChild(QCompleter, "ctcae_term__terms")


def offered(edit) -> list[str]:
    model = picker(edit).popup().model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


# the NCI's v5.0 rows (texts as the workbook has them), for the picker's grade texts and a
# long "Other, specify" name
EMBOLIC = [10043565, "Vascular disorders", "Thromboembolic event",
           "Medical intervention not indicated (e.g., superficial thrombosis)",
           "Medical intervention indicated", "Urgent medical intervention indicated (e.g., "
           "pulmonary embolism or intracardiac thrombus)", "Life-threatening consequences "
           "with hemodynamic or neurologic instability", "Death", "A disorder characterized "
           "by occlusion of a vessel by a thrombus that has migrated from a distal site via "
           "the blood stream.", None, None]
OTHER = [10018065, "General disorders and administration site conditions",
         "General disorders and administration site conditions - Other, specify",
         "Asymptomatic or mild symptoms; clinical or diagnostic observations only; "
         "intervention not indicated", "Moderate; minimal, local or noninvasive intervention "
         "indicated; limiting age-appropriate instrumental ADL", "Severe or medically "
         "significant but not immediately life-threatening; hospitalization or prolongation "
         "of existing hospitalization indicated; limiting self care ADL",
         "Life-threatening consequences; urgent intervention indicated", "Death", "-", None,
         None]


def type_in(qtbot, edit, text: str):
    """What was in the field replaced by ``text``, typed; the list it opens."""
    edit.clear()
    qtbot.keyClicks(edit, text)
    popup = picker(edit).popup()
    qtbot.waitUntil(popup.isVisible)
    return popup


def pick_first(qtbot, page, edit, term: str, soc: str, code: int) -> None:
    """The first line of the open list picked by the arrow key and Enter: the term's name in
    the field, a change on the page, its SOC and MedDRA code calculated beside the form."""
    popup = picker(edit).popup()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert edit.text() == term and not popup.isVisible()
    assert page.modified.isVisible()
    qtbot.waitUntil(lambda: soc in page.derived.text("aesoc"))
    assert str(code) in page.derived.text("aelltcd")


def _ae_term_field(qtbot, demo_db, tmp_path, rows):
    with Store.open(demo_db) as store:
        store.login("admin", DEMO_PASSWORD)
        ctcae.import_ctcae(store, workbook(tmp_path / "ctcae.xlsx", rows))
    window = open_window(qtbot, demo_db)
    window.open_form("S005", "logs", "ae", 1, None)
    settle(qtbot, window)
    page = window.form_page
    page.focus_field("ctcae_term")
    return window, page, QApplication.focusWidget()


def test_pulmonary_embolism_finds_its_v5_term_by_the_grade_text(qtbot, demo_db, tmp_path):
    window, page, edit = _ae_term_field(qtbot, demo_db, tmp_path, [FEVER, ATE, EMBOLIC, OTHER])
    popup = type_in(qtbot, edit, "Pulmonary emb")
    (why,) = offered(edit)  # no term is named so: the one whose grade 3 names it
    assert why.startswith("Thromboembolic event — grade 3: ")
    assert "pulmonary embolism" in why and len(why) < 100
    popup.grab().save(str(tmp_path / "pulmonary.png"))
    pick_first(qtbot, page, edit, "Thromboembolic event", "Vascular disorders", 10043565)
    # the names first, then the terms whose texts mention what is typed
    type_in(qtbot, edit, "thromb")
    got = offered(edit)
    assert got[:2] == ["Thromboembolic event", "Arterial thromboembolism"]
    assert got[2:] == []  # (a term found by its name is not offered twice)


def test_the_list_is_wide_enough_for_a_long_other_specify_name(qtbot, demo_db, tmp_path):
    window, page, edit = _ae_term_field(qtbot, demo_db, tmp_path, [FEVER, ATE, EMBOLIC, OTHER])
    popup = type_in(qtbot, edit, "other, sp")
    assert offered(edit) == [OTHER[2]]
    popup.grab().save(str(tmp_path / "other.png"))
    screen = edit.screen().availableGeometry()
    shown = popup.viewport().width()
    wanted = popup.fontMetrics().horizontalAdvance(OTHER[2])
    assert shown >= min(wanted, screen.width() - 40), (shown, wanted, edit.width())
    assert popup.width() > edit.width()
    assert screen.contains(popup.geometry())  # within the screen
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert edit.text() == OTHER[2]


def test_a_term_typed_in_another_case_is_kept_and_the_field_says_the_spelling(
        qtbot, demo_db, tmp_path):
    window, page, edit = _ae_term_field(qtbot, demo_db, tmp_path, [FEVER, ATE])
    type_in(qtbot, edit, "arterial thromboembolism")
    press(qtbot, Qt.Key.Key_Tab)  # on, the list open but no line chosen: what was typed stays
    assert field_in_use(page) != "ctcae_term"
    assert page.view.editor("ctcae_term").value() == "arterial thromboembolism"
    qtbot.waitUntil(lambda: "did you mean 'Arterial thromboembolism'?"
                    in page.view.messages("ctcae_term"))
    page.focus_field("ctcae_term")
    type_in(qtbot, edit, "Fever ")  # a space typed at the end: the field takes "Fever"
    press(qtbot, Qt.Key.Key_Tab)
    assert page.view.editor("ctcae_term").value() == "Fever"
    assert "did you mean" not in page.view.messages("ctcae_term")


def test_a_term_is_picked_by_keyboard_and_its_grades_are_shown(qtbot, demo_db, tmp_path):
    with Store.open(demo_db) as store:
        store.login("admin", DEMO_PASSWORD)
        ctcae.import_ctcae(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    window = open_window(qtbot, demo_db)
    window.open_form("S005", "logs", "ae", 1, None)
    settle(qtbot, window)
    page = window.form_page
    page.focus_field("aeterm")
    qtbot.keyClicks(QApplication.focusWidget(), "Clot in the leg artery")
    press(qtbot, Qt.Key.Key_Tab)
    assert field_in_use(page) == "ctcae_term"  # right under the verbatim term
    edit = QApplication.focusWidget()
    type_in(qtbot, edit, "THROMBO")
    assert offered(edit) == ["Arterial thromboembolism"]
    pick_first(qtbot, page, edit, "Arterial thromboembolism", "Vascular disorders", 10073529)
    for _ in range(12):  # on by Tab: the dates, ongoing, severity, then the grade
        if field_in_use(page) == "aetoxgr":
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert field_in_use(page) == "aetoxgr"
    assert "Grade 1: does not exist for this term" in page.help_label.text()
    assert "Grade 3: Urgent intervention indicated" in page.help_label.text()
    assert page.view.editor("aeterm").value() == "Clot in the leg artery"


def test_a_lab_result_is_graded_as_typed_and_offered_as_an_adverse_event(qtbot, demo_db):
    from ui.lab_grades import DISMISS, RECORD

    with Store.open(demo_db) as store:
        store.login("nurse", DEMO_PASSWORD)
        code = store.subjects.create().code
        store.forms.save(code, "screening", "dm", {"sex": "F", "brthdat": "1980-02-02"})
        store.forms.save(code, "screening", "lb", {"lbdtc": "2025-01-05T08:00", "alt": 20.0,
                                                   "alt_lo": 7.0, "alt_hi": 40.0,
                                                   "plt": 240.0, "plt_lo": 150.0,
                                                   "plt_hi": 450.0})
        store.forms.save(code, "m2", "lb", {"lbdtc": "2025-03-05T08:00", "alt_lo": 7.0,
                                            "alt_hi": 40.0, "plt_lo": 150.0, "plt_hi": 450.0})
    window = open_window(qtbot, demo_db)
    window.open_form(code, "m2", "lb")
    settle(qtbot, window)
    page = window.form_page
    page.focus_field("alt")
    qtbot.keyClicks(QApplication.focusWidget(), "152")
    page.focus_field("plt")
    qtbot.keyClicks(QApplication.focusWidget(), "60")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "grade 2, Alanine aminotransferase increased (3.8 × ULN"
                    in page.lab_grades.label.text())
    assert "Platelets 60 × 10³/µL: grade 2, Platelet count decreased" in \
        page.lab_grades.label.text()
    assert page.lab_grades.title() == "CTCAE grades (v5.0)"
    window.prompts.answer("choose", RECORD, DISMISS)
    window.prompts.answer("reason", "Clumped sample; repeat count 230")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len([a for a in window.prompts.asked if a[0] == "choose"]) == 2)
    asked = [a[1][1] for a in window.prompts.asked if a[0] == "choose"]
    assert asked[0].startswith("Alanine aminotransferase increased, grade 2")
    assert asked[1].startswith("Platelet count decreased, grade 2")
    store = window.store
    (entry,) = [i for i in store.forms.instances(code) if i.form == "ae"]
    rec = store.forms.get_instance(entry.instance_id)
    assert (rec.values["aetoxgr"], rec.values["aestdat"]) == (2, "2025-03-05")
    reasons = [r[0] for r in store.conn.execute(
        "SELECT reason FROM audit_trail WHERE action = 'safety.lab_ae' ORDER BY seq")]
    assert reasons == [None, "Clumped sample; repeat count 230"]
