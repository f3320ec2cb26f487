"""Moving around: shortcuts, unscheduled visits, deleting a log entry, closing, logging out."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from alsdesk.states import FormStatus
from alsdesk.study.values import MONTHS
from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, demo_db, demo_template, fill, open_window, ui_settings, when_modal,
)


def test_ctrl_s_saves_the_form_on_screen_only(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "ic")
    fill(window.form_page, icver="4.0")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.form_page.view.editor("icver").setFocus()
    qtbot.keyClick(window.form_page.view.editor("icver").edit, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.store.forms.get(code, "screening", "ic").values == {"icver": "4.0"}
    assert not window.form_page.view.is_dirty()
    window.pages.setCurrentWidget(window.queries_page)
    assert not window.form_page.save_action.isEnabled()
    assert "Form page" in window.form_page.save_action.toolTip()
    window.pages.setCurrentWidget(window.form_page)
    assert window.form_page.save_action.isEnabled()


def test_unscheduled_visit_gets_the_next_number(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_subject("S005")
    window.casebook.new_unscheduled()
    page = window.form_page
    assert (page.event_id, page.event_repeat, page.form_id) == ("unscheduled", 1, "sv")
    assert "Unscheduled visit 1" in page.place.text()
    # a day after the demo's consent and not in the future (the date checks refuse both)
    day = datetime.now() - timedelta(days=1)
    fill(page, svdone="Y", svstdtc=f"{day.day:02d}/{MONTHS[day.month - 1]}/{day.year} 10:00")
    assert page.mark_complete(), window.prompts.errors
    assert ("unscheduled", 1) in window.casebook.matrix.columns
    window.casebook.new_unscheduled()
    assert window.form_page.event_repeat == 2


def test_a_log_entry_is_deleted_with_a_reason_and_stays_listed(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_subject("S005")
    cm = window.casebook.logs["cm"]
    cm.table.selectRow(1)
    cm.open_button.click()
    page = window.form_page
    assert page.form_id == "cm" and page.repeat == 2 and page.delete_action.isEnabled()

    def give_reason(dialog):
        dialog.reason.setEditText("Entered twice by mistake")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(give_reason)  # the real reason dialog
    assert page.delete_entry()
    assert page.record.status is FormStatus.DELETED and page.view.read_only
    assert cm.row_texts(1)[1] == "deleted"
    assert "Concomitant medications (1)" in window.casebook.tabs.tabText(window.casebook.tabs.indexOf(cm))
    window.open_form("S005", "screening", "vs")
    assert not page.delete_action.isEnabled()  # a once-per-visit form is corrected instead
    assert "log" in page.delete_action.toolTip()


def test_closing_with_unsaved_changes_asks_first(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "ic")
    fill(window.form_page, icby="Dr. Karimi")
    window.prompts.answer("unsaved", "cancel")
    window.close()
    assert window.isVisible()
    window.prompts.answer("unsaved", "save")
    window.close()
    assert not window.isVisible()
    from alsdesk.store import Store

    with Store.open(demo_db, readonly=True) as store:
        assert store.forms.get(code, "screening", "ic").values == {"icby": "Dr. Karimi"}


def test_log_out_and_in_as_another_role(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    window.open_form("S007", "screening", "pii")
    assert window.form_page.form_id == "pii"

    def login(dialog):
        dialog.user_id.setText("monitor")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    from ui.app import sign_in

    window.relogin = lambda w: sign_in(w.store, w.db_path)
    when_modal(login)
    assert window.log_out()
    assert window.store.user_id == "monitor" and "Monitor" in window.user_label.text()
    # the identifiers left on screen by the nurse are gone for the monitor
    assert not window.form_page.has_form()
    assert not window.subjects.new_button.isEnabled()
    actions = [r[0] for r in window.store.conn.execute(
        "SELECT action FROM audit_trail ORDER BY seq DESC LIMIT 3")]
    assert "user.logout" in actions and "user.login" in actions
