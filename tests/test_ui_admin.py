"""Administration in the window: the Users dialog and the audit-trail viewer, by keyboard.

Real demo database, real window; every step is taken with key presses and checked in the
users table and the audit trail.
"""
from __future__ import annotations

import csv
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMenu

from alsdesk.auth import Role
from alsdesk.store.audit import A
from PySide6.QtCore import QTimer

from tests.ui_helpers import DEMO_PASSWORD, demo_db, demo_template, open_window  # noqa: F401
from ui import admin_users, audit_viewer
from ui.admin_users import AccountStepDialog, NewAccountDialog

ALT = Qt.KeyboardModifier.AltModifier


def _last(store, action):
    return store.conn.execute(
        "SELECT user_id, field, old_value, new_value, reason FROM audit_trail WHERE action = ? "
        "ORDER BY seq DESC LIMIT 1", (action,)).fetchone()


def _fingerprint(store, user_id):
    from alsdesk.store.verify_users import password_fingerprint

    pw_hash = store.conn.execute("SELECT password_hash FROM users WHERE user_id = ?",
                                 (user_id,)).fetchone()[0]
    return f"password fingerprint {password_fingerprint(pw_hash)}"


def _users_dialog(qtbot, window):
    """Administration > Users… opened from the menu bar by keyboard (Alt+A, U)."""
    QTest.keyClick(window, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_U)
    qtbot.waitUntil(lambda: getattr(window, "users_dialog", None) is not None
                    and window.users_dialog.isVisible())
    dialog = window.users_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and dialog.table.hasFocus())
    return dialog


def _select(dialog, user_id):
    """Arrow keys down the table to the account."""
    QTest.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    while dialog.current_user_id() != user_id:
        before = dialog.current_user_id()
        QTest.keyClick(dialog.table, Qt.Key.Key_Down)
        assert dialog.current_user_id() != before, f"{user_id} is not in the table"


def when_modal(handler, kind=(AccountStepDialog, NewAccountDialog, QFileDialog)):
    """Call `handler(dialog)` once a modal dialog of `kind` shows.

    The Users dialog is modal itself, so the helper of tests/ui_helpers.py would take it for
    the step's dialog; and a mnemonic clicks its button a moment after the key (Qt animates
    the click), so the step's dialog opens once the event loop runs.
    """
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() \
                and QApplication.activeWindow() is dialog:  # its keys go to it
            handler(dialog)
            _handled.append(type(dialog).__name__)
            return
        QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


_handled: list = []


def _press(qtbot, widget, key):
    """Alt+key on `widget`, then wait until the dialog it opens was answered."""
    count = len(_handled)
    QTest.keyClick(widget, key, ALT)
    qtbot.waitUntil(lambda: len(_handled) > count and not isinstance(
        QApplication.activeModalWidget(), (AccountStepDialog, NewAccountDialog, QFileDialog)))
    qtbot.wait(10)


def _answer(expected_type, *keys, check=None):
    """When the step's dialog shows: check it, type into it (str: text, else a key)."""
    seen = {}

    def handle(dialog):
        seen["dialog"] = dialog
        assert isinstance(dialog, expected_type), type(dialog)
        seen["focus"] = QApplication.focusWidget().objectName()
        if check:
            assert check(dialog) is not False
        for key in keys:
            target = QApplication.focusWidget()
            if isinstance(key, str):
                QTest.keyClicks(target, key)
            else:
                QTest.keyClick(target, key)
    when_modal(handle)
    return seen


def test_roles_see_the_screens_greyed_or_open(qtbot, demo_db):
    for user, users_on, audit_on in (("nurse", False, False), ("investigator", False, False),
                                     ("monitor", False, True), ("admin", True, True)):
        window = open_window(qtbot, demo_db, user)
        assert window.users_action.isEnabled() is users_on, user
        assert window.audit_action.isEnabled() is audit_on, user
        if not users_on:
            assert "Administrator" in window.users_action.toolTip()
        window._closing_checked = True
        window.close()


def test_nurse_gets_a_dialog_with_every_step_greyed(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    dialog = admin_users.open_users(window)
    assert dialog.accounts == []
    assert "may not manage users" in dialog.status.text()
    assert not dialog.new_button.isEnabled()
    assert not any(b.isEnabled() for b in dialog.step_buttons.values())
    assert audit_viewer.open_viewer(window) is None
    assert "Monitor or Administrator" in window.prompts.errors[-1][1]


def test_every_account_step_by_keyboard(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "admin")
    store = window.store
    dialog = _users_dialog(qtbot, window)
    assert [a.user_id for a in dialog.accounts] == ["admin", "investigator", "monitor", "nurse"]
    # own account: the steps that would lock the administrator out are greyed, with why
    assert dialog.current_user_id() == "admin"
    assert not dialog.step_buttons[admin_users.AccountStep.DEACTIVATE].isEnabled()
    assert "own account" in dialog.step_buttons[admin_users.AccountStep.DEACTIVATE].toolTip()

    _select(dialog, "nurse")
    # Enter on an empty step dialog explains and keeps it open; Escape leaves it
    seen = {}

    def empty_enter(d):
        seen["focus"] = QApplication.focusWidget().objectName()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        seen["message"] = d.message.text()
        seen["visible"] = d.isVisible()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    when_modal(empty_enter)
    _press(qtbot, dialog, Qt.Key.Key_D)
    assert seen["focus"] == "reason" and seen["visible"]
    assert "reason to deactivate nurse" in seen["message"]
    assert store.users.get("nurse").active

    seen = _answer(AccountStepDialog, "left the site", Qt.Key.Key_Return,
                   check=lambda d: "nurse" in d.windowTitle() and "Nora Nurse" in
                   d.findChild(type(d.message), "step_intro").text())
    _press(qtbot, dialog, Qt.Key.Key_D)
    assert seen["focus"] == "reason"
    assert not store.users.get("nurse").active
    assert _last(store, A.USER_DEACTIVATE) == ("admin", "nurse", "1", "0", "left the site")
    assert dialog.current_user_id() == "nurse" and dialog.table.hasFocus()
    assert "Deactivated nurse" in dialog.status.text()

    _answer(AccountStepDialog, "back at work", Qt.Key.Key_Return)
    _press(qtbot, dialog, Qt.Key.Key_E)
    assert store.users.get("nurse").active
    assert _last(store, A.USER_REACTIVATE)[4] == "back at work"

    def rules_shown(d):
        rules = d.findChild(type(d.message), "password_rules").text()
        assert "at least 10 characters" in rules and "user id" in rules
    seen = _answer(AccountStepDialog, "Fresh-start-42", Qt.Key.Key_Tab, "Fresh-start-42",
                   Qt.Key.Key_Tab, "forgot her password", Qt.Key.Key_Return, check=rules_shown)
    _press(qtbot, dialog, Qt.Key.Key_P)
    assert seen["focus"] == "password"
    # The new value is the fingerprint of the new hash (for `alsdesk verify`), never the hash.
    assert _last(store, A.PASSWORD_RESET) == ("admin", "nurse", None, _fingerprint(store, "nurse"),
                                              "forgot her password")
    assert store.users.authenticate("nurse", "Fresh-start-42", purpose="check").user_id == "nurse"

    seen = _answer(AccountStepDialog, Qt.Key.Key_Down, Qt.Key.Key_Tab, "sub-investigator now",
                   Qt.Key.Key_Return)
    _press(qtbot, dialog, Qt.Key.Key_R)
    assert seen["focus"] == "role"
    role = store.users.get("nurse").role
    assert role is not Role.NURSE
    assert _last(store, A.USER_ROLE) == ("admin", "nurse", "nurse", role.value,
                                         "sub-investigator now")
    assert dialog.table.item(dialog.table.currentRow(), 2).text() == role.label

    # a locked account: Unlock opens, with the account named
    for _ in range(5):
        with pytest.raises(Exception, match="wrong|locked"):
            store.users.authenticate("monitor", "not-the-password")
    dialog.reload()
    _select(dialog, "monitor")
    assert dialog.table.item(dialog.table.currentRow(), 4).text()  # locked until ...
    assert dialog.step_buttons[admin_users.AccountStep.UNLOCK].isEnabled()
    _answer(AccountStepDialog, "phoned the help desk", Qt.Key.Key_Return)
    _press(qtbot, dialog, Qt.Key.Key_U)
    assert _last(store, A.USER_UNLOCK) == ("admin", "monitor", None, None,
                                           "phoned the help desk")
    assert store.users.get("monitor").locked_until is None
    assert not dialog.step_buttons[admin_users.AccountStep.UNLOCK].isEnabled()

    # a new account, a weak password first: the core's words, the typed name kept
    def weak_then_good(d):
        assert isinstance(d, NewAccountDialog)
        assert QApplication.focusWidget() is d.user_id
        assert "at least 10 characters" in d.findChild(type(d.message), "password_rules").text()
        for key in ("nurse.sara", Qt.Key.Key_Tab, "Sara Nurse", Qt.Key.Key_Tab,
                    Qt.Key.Key_Tab, "short1", Qt.Key.Key_Tab, "short1", Qt.Key.Key_Return):
            target = QApplication.focusWidget()
            QTest.keyClicks(target, key) if isinstance(key, str) else QTest.keyClick(target, key)
        assert d.isVisible() and "at least 10 characters" in d.message.text()
        assert d.full_name.text() == "Sara Nurse" and d.password.text() == ""
        QTest.keyClick(d, Qt.Key.Key_P, ALT)  # the label "&Password:" takes the cursor there
        assert QApplication.focusWidget() is d.password
        for key in ("Sara-pass-2026", Qt.Key.Key_Tab, "Sara-pass-2026", Qt.Key.Key_Return):
            target = QApplication.focusWidget()
            QTest.keyClicks(target, key) if isinstance(key, str) else QTest.keyClick(target, key)
    when_modal(weak_then_good)
    _press(qtbot, dialog, Qt.Key.Key_N)
    assert store.users.get("nurse.sara").role is Role.NURSE
    assert _last(store, A.USER_CREATE)[1:4] == (
        "nurse.sara", None, f"Sara Nurse (nurse); {_fingerprint(store, 'nurse.sara')}")
    assert dialog.current_user_id() == "nurse.sara"


def test_enter_on_a_row_offers_its_steps(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "admin")
    dialog = _users_dialog(qtbot, window)
    _select(dialog, "investigator")
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.objectName() == "account_menu"
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions()}
    assert enabled == {"menu_reset_password": True, "menu_unlock": False,
                       "menu_change_role": True, "menu_deactivate": True,
                       "menu_reactivate": False}
    assert menu.activeAction().objectName() == "menu_reset_password"
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Enter did not close the dialog


def _mnemonics(texts):
    return {m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m}


def test_mnemonics_do_not_clash_with_the_menu_bar(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "admin")
    bar = _mnemonics(a.text() for a in window.menuBar().actions())
    assert {"f", "v", "h"} <= bar
    users = admin_users.open_users(window)
    buttons = [users.new_button.text(), *(b.text() for b in users.step_buttons.values())]
    assert len(_mnemonics(buttons)) == len(buttons)
    assert not _mnemonics(buttons) & bar
    viewer = audit_viewer.AuditViewer(window)
    labels = [w.text() for w in viewer.findChildren(type(users.status)) if "&" in w.text()]
    labels += [viewer.clear_button.text(), viewer.export_button.text()]
    assert len(labels) == 9 and len(_mnemonics(labels)) == 9
    assert not _mnemonics(labels) & bar


def test_audit_viewer_filters_pages_and_exports_by_keyboard(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, "monitor")
    store = window.store
    QTest.keyClick(window, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_T)
    qtbot.waitUntil(lambda: getattr(window, "audit_viewer", None) is not None)
    viewer = window.audit_viewer
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    total = store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    assert viewer.model.total == total > 1000
    assert viewer.model.rowCount() == 200  # one page, not the whole trail
    assert QApplication.focusWidget() is viewer.subject

    # scrolling to the end reads further pages
    viewer.table.setFocus()
    for _ in range(3):
        QTest.keyClick(viewer.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert viewer.model.rowCount() > 200

    QTest.keyClick(viewer, Qt.Key.Key_S, ALT)
    assert QApplication.focusWidget() is viewer.subject
    QTest.keyClicks(viewer.subject.lineEdit(), "S001")
    expected = store.conn.execute(
        "SELECT count(*) FROM audit_trail WHERE subject = 'S001'").fetchone()[0]
    qtbot.waitUntil(lambda: viewer.model.total == expected)
    assert {e.subject for e in viewer.model.entries} == {"S001"}
    assert viewer.count_label.text().startswith(f"{expected:,} row")

    QTest.keyClick(viewer, Qt.Key.Key_M, ALT)
    assert QApplication.focusWidget() is viewer.since
    QTest.keyClicks(viewer.since, "31/FEB/2015")
    qtbot.waitUntil(lambda: "is not a date" in viewer.message.text())
    assert viewer.model.total == expected  # the rows stay until the filter is right
    QTest.keyClick(viewer.since, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(viewer.since, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: viewer.message.text() == "")

    # a value shown as stored, the time in local time with the stored UTC as its tip
    first = viewer.model.index(0, 0)
    entry = viewer.model.entries[0]
    assert entry.ts in viewer.model.data(first, Qt.ItemDataRole.ToolTipRole)

    target = tmp_path / "audit-s001.csv"

    def save_as(dialog):
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setFocus()
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(name, str(target))
        QTest.keyClick(name, Qt.Key.Key_Return)
    when_modal(save_as)
    _press(qtbot, viewer, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: bool(window.prompts.infos or window.prompts.errors), timeout=10000)
    assert f"{expected} audit rows written" in window.prompts.infos[-1][1]
    with open(target, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == expected and {r["subject"] for r in rows} == {"S001"}
    assert _last(store, A.EXPORT)[:2] == ("monitor", "audit-csv")
    assert "subject=S001" in _last(store, A.EXPORT)[3]
    assert window.prompts.errors == []
