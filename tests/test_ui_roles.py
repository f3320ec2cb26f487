"""Roles grey what they may not do (the core refuses anyway), and the idle lock."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from alsdesk.errors import PermissionDenied
from alsdesk.states import FormStatus
from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, demo_db, demo_template, fill, open_window, ui_settings,
)


def test_monitor_reads_queries_and_verifies_but_enters_nothing(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "monitor")
    page = window.form_page
    assert window.open_form("S005", "infusion", "inf")
    for action in (page.save_action, page.complete_action):
        assert not action.isEnabled()
        assert action.toolTip().startswith("Only a user with the role Research nurse")
    button = page.findChild(QToolButton, "save_button")
    assert not button.isEnabled() and "Monitor" in button.toolTip()
    assert page.view.read_only
    assert page.query_action.isEnabled() and page.verify_action.isEnabled()
    assert not window.new_subject_action.isEnabled()
    assert not window.subjects.new_button.isEnabled()
    # the core refuses whatever the screen allows
    page.view.set_read_only(False)
    fill(page, weight="75")
    assert not page.save()
    assert "may not change data" in window.prompts.errors[-1][1]
    page.show_record(page.record)
    assert page.verify_form()
    assert page.record.status is FormStatus.VERIFIED


def test_direct_identifiers_only_for_site_staff(qtbot, demo_db):
    nurse = open_window(qtbot, demo_db, "nurse")
    assert nurse.open_form("S007", "screening", "pii")
    fill(nurse.form_page, fullname="Reza Tehrani", mrn="RH-55123", phone="+98 21 5555 0101")
    assert nurse.form_page.save()
    nurse.close()
    monitor = open_window(qtbot, demo_db, "monitor")
    assert not monitor.open_form("S007", "screening", "pii")
    assert "site staff" in monitor.prompts.errors[-1][1]
    monitor.open_subject("S007")
    assert monitor.casebook.matrix.text_at("screening", "pii") == "restricted"
    # nowhere else on screen: not in the subject list, the casebook or the dashboard
    rows = [str(v) for r in monitor.subjects.model.rows for v in vars(r).values()]
    assert not any("Reza" in v or "RH-55123" in v for v in rows)
    assert "Reza" not in monitor.casebook.summary.text()


def test_nurse_may_not_sign_or_lock(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    page = window.form_page
    window.open_form("S005", "screening", "vs")
    assert not page.sign_action.isEnabled()
    assert page.sign_action.toolTip().startswith("Only a user with the role Investigator")
    assert not page.lock_action.isEnabled() and "Administrator" in page.lock_action.toolTip()
    assert not window.casebook.sign_button.isEnabled()
    assert not window.add_user_action.isEnabled()
    rec = page.record
    try:
        window.store.forms.sign(rec.instance_id, DEMO_PASSWORD)
    except PermissionDenied as exc:
        assert "may not sign forms" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("the core let a nurse sign")


def test_administrator_locks_and_unlocks_with_a_reason(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "admin")
    page = window.form_page
    window.open_form("S005", "screening", "vs")
    assert not page.save_action.isEnabled()  # segregation of duties: no data entry
    window.prompts.answer("reason", "")  # locking takes an optional reason
    assert page.lock_form()
    assert page.record.status is FormStatus.LOCKED
    assert page.unlock_action.isEnabled() and not page.lock_action.isEnabled()
    window.prompts.answer("reason", "Correction requested by the monitor")
    assert page.unlock_form()
    assert page.record.status is FormStatus.COMPLETE
    reasons = [r["reason"] for r in window.store.forms.history(page.record.instance_id)
               if r["action"] == "form.unlock"]
    assert reasons == ["Correction requested by the monitor"]


def test_idle_lock_asks_for_the_password_and_keeps_the_screen(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    assert window.idle.timer.interval() == 10 * 60_000  # the default
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "ic")
    fill(window.form_page, icver="2.2", icby="Dr. Karimi")
    window.idle.set_interval_ms(60)
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.stack.currentWidget() is window.lock_screen
    assert not window.form_page.save_action.isEnabled()
    assert not window.menuBar().isEnabled()
    screen = window.lock_screen
    screen.password.setText("Not-my-password-1")
    assert not screen.try_unlock()
    assert "tries left" in screen.message.text()
    qtbot.keyClicks(screen.password, DEMO_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.stack.currentWidget() is window.pages
    page = window.form_page
    assert page.view.editor("icby").raw() == "Dr. Karimi" and page.view.is_dirty()
    assert page.save_action.isEnabled()
    failed = window.store.conn.execute(
        "SELECT reason FROM audit_trail WHERE action = 'user.login_failed'").fetchall()
    assert failed[-1][0] == "wrong password at idle lock (1)"


def test_idle_minutes_are_a_site_setting(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "admin")
    window.prompts.answer("settings", (3, "DD/MMM/YYYY"))
    window.edit_settings()
    assert window.idle.timer.interval() == 3 * 60_000
    assert window.store.setting("idle_minutes") == "3"
    window.close()
    again = open_window(qtbot, demo_db, "nurse")
    assert again.idle.timer.interval() == 3 * 60_000
    assert not again.settings_action.isEnabled()
