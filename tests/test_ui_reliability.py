"""Reliability in the window: a database in use, read-only mode, stale locks, auto backups,
a full disk."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from alsdesk import backup
from alsdesk.store import Store
from alsdesk.store.core import VerifyReport
from tests.helpers import damage_index, disk_full
from tests.test_lock import fake_lock, other_instance
from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, RecordingPrompts, demo_db, demo_template, fill, open_window, settle,
    ui_settings, when_modal,
)
from ui import reliability
from ui.app import start
from ui.dialogs_auth import LoginDialog
from ui.tasks import wait_for_tasks

posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX lock tests")


def _login_as(user: str = "nurse"):
    def login(dialog):
        assert isinstance(dialog, LoginDialog)
        dialog.user_id.setText(user)
        dialog.password.setText(DEMO_PASSWORD)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(login)


def _start(qtbot, path, prompts, user="nurse"):
    _login_as(user)
    window = start(path, prompts)
    assert window is not None, prompts.errors
    qtbot.addWidget(window)
    return window


def _close(window):
    window._closing_checked = True
    window.close()


@posix_only
def test_database_in_use_opens_read_only_with_banner_and_no_editing(qtbot, demo_db):
    with other_instance(demo_db, DEMO_PASSWORD):
        prompts = RecordingPrompts()
        prompts.answer("choose", reliability.READ_ONLY)
        window = _start(qtbot, demo_db, prompts, user="admin")
        (_name, (_title, message, choices)), = [a for a in prompts.asked if a[0] == "choose"]
        assert "on this computer" in message and "since" in message and "(nurse)" in message
        assert choices == [reliability.READ_ONLY, reliability.CANCEL]  # same host: no take over
        assert window.store.readonly
        settle(qtbot, window)
        banner = window.read_only_label.text()
        assert "Read-only:" in banner and "(nurse) is writing" in banner
        window.open_subject("S005")
        settle(qtbot, window)
        for target in reliability.editing_targets(window):
            assert not target.isEnabled()
            assert "Read-only:" in target.toolTip()
        assert window.open_form("S005", "screening", "vs")
        assert window.form_page.view.read_only  # nothing to type into either
        window.apply_session()  # gating again keeps them disabled
        assert not window.new_subject_action.isEnabled()
        assert "is writing" in window.form_page.save_action.toolTip()
        _close(window)
    assert not list((demo_db.parent / "backups").glob("*"))  # a read-only window never backs up


@posix_only
def test_lock_of_another_computer_can_be_taken_over_after_a_warning(qtbot, demo_db):
    fake_lock(demo_db, host="CLINIC-PC-7", pid=4242)
    prompts = RecordingPrompts()
    prompts.answer("choose", reliability.TAKE_OVER)
    prompts.answer("confirm", True)
    window = _start(qtbot, demo_db, prompts)
    choose, confirm = [a for a in prompts.asked if a[0] in ("choose", "confirm")][:2]
    assert reliability.TAKE_OVER in choose[1][2] and "CLINIC-PC-7" in choose[1][1]
    assert "really been closed" in confirm[1][1]
    assert not window.store.readonly
    _close(window)


@posix_only
def test_cancel_or_refused_take_over_opens_nothing(qtbot, demo_db):
    fake_lock(demo_db, host="CLINIC-PC-7", pid=4242)
    prompts = RecordingPrompts()
    prompts.answer("choose", reliability.TAKE_OVER, reliability.CANCEL)
    prompts.answer("confirm", False)
    assert start(demo_db, prompts) is None
    assert start(demo_db, prompts) is None


def test_a_file_this_account_cannot_write_is_offered_read_only(qtbot, demo_db, monkeypatch):
    from alsdesk.errors import ReadOnlyDatabase
    from alsdesk.store import core

    def refuse(path):
        raise ReadOnlyDatabase(f"The database {path} is read-only for this account.")
    monkeypatch.setattr(core, "_require_writable", refuse)
    prompts = RecordingPrompts()
    prompts.answer("choose", reliability.READ_ONLY)
    window = _start(qtbot, demo_db, prompts)
    (_name, (_title, message, choices)), = [a for a in prompts.asked if a[0] == "choose"]
    assert "read-only for this account" in message
    assert choices == [reliability.READ_ONLY, reliability.CANCEL]
    assert window.store.readonly
    assert "cannot write" in window.read_only_label.text()
    _close(window)


@posix_only
def test_stale_lock_is_reported_and_the_data_checked_in_the_background(qtbot, demo_db):
    fake_lock(demo_db)  # a crashed instance on this computer
    prompts = RecordingPrompts()
    window = _start(qtbot, demo_db, prompts)
    (_title, message), = prompts.notices
    assert "did not close properly last time" in message and "Nora" in message
    assert "being checked" in message
    qtbot.waitUntil(lambda: "Data checked" in window.notice.text()
                    or "Backup made" in window.notice.text())
    wait_for_tasks()
    qtbot.wait(0)  # deliver the queued results
    assert prompts.errors == []  # an OK check is not shown as a message
    _close(window)


@posix_only
def test_a_failed_check_after_a_crash_is_shown_with_its_report(qtbot, demo_db, monkeypatch):
    fake_lock(demo_db)
    bad = VerifyReport(integrity=["ok"], chain_rows=3, chain_problems=["row 2: hash differs"],
                       replay_problems=[])
    monkeypatch.setattr(Store, "verify", lambda self: bad)
    prompts = RecordingPrompts()
    window = _start(qtbot, demo_db, prompts)
    qtbot.waitUntil(lambda: bool(prompts.errors))
    title, message = prompts.errors[0]
    assert "problems" in title and "hash chain BROKEN" in message and "row 2" in message
    _close(window)


def test_backups_at_start_and_close_go_to_the_configured_folder(qtbot, demo_db, tmp_path):
    folder = tmp_path / "my backups"
    folder.mkdir()
    with Store.open(demo_db) as st:
        st.login("admin", DEMO_PASSWORD)
        backup.configure(st, folder=folder, keep=5)
        st.logout()
    prompts = RecordingPrompts()
    window = _start(qtbot, demo_db, prompts)
    qtbot.waitUntil(lambda: "Backup made" in window.notice.text())
    assert len(backup.list_backups(folder, demo_db)) == 1
    window.store.subjects.create("AB")  # something new since that backup
    _close(window)
    made = backup.list_backups(folder, demo_db)
    assert len(made) == 2 and "close" in made[-1].name
    assert prompts.notices == [] and prompts.errors == []


def test_a_failed_close_backup_is_a_notice_and_the_window_closes(qtbot, demo_db, monkeypatch):
    prompts = RecordingPrompts()
    window = _start(qtbot, demo_db, prompts)
    wait_for_tasks()
    qtbot.wait(0)

    def broken(store, reason):
        raise backup.StoreError("The backup folder X cannot be written.")
    window.store.subjects.create("CD")
    monkeypatch.setattr(backup, "auto_backup", broken)
    _close(window)
    assert not window.isVisible() and window.store._closed
    assert prompts.notices == [("Automatic backup failed",
                                "The backup folder X cannot be written.")]


def test_disk_full_keeps_what_was_typed_and_says_so(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "emg")
    page = window.form_page
    # longer than a page: the save must take new pages, whatever room the last ones have
    summary = "Fasciculations in both forearms. " * 120
    fill(page, emgsum=summary)
    with disk_full(window.store):
        window.form_page.save_action.trigger()
    (title, message), = window.prompts.errors
    assert title == "Not saved" and "full" in message.lower()
    assert page.view.editor("emgsum").raw() == summary.strip()
    assert page.view.is_dirty()
    assert window.store.forms.get(code, "screening", "emg") is None or \
        window.store.forms.get(code, "screening", "emg").values.get("emgsum") is None
    assert page.save()  # room again: the same values save
    assert window.store.forms.get(code, "screening", "emg").values == {"emgsum": summary.strip()}


def test_real_choice_and_notice_boxes(qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.prompts import Prompts
    prompts = Prompts(None)

    def pick(box):
        [b for b in box.buttons() if b.text() == reliability.READ_ONLY][0].click()
    when_modal(pick)
    choices = [reliability.READ_ONLY, reliability.TAKE_OVER, reliability.CANCEL]
    assert prompts.choose("Database in use", "Held by someone", choices) == reliability.READ_ONLY
    when_modal(lambda box: box.reject())
    assert prompts.choose("Database in use", "Held by someone", choices) is None
    prompts.notify("Automatic backup failed", "The folder is gone.")
    assert QApplication.activeModalWidget() is None  # it does not wait for an answer
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()
             and w.text() == "The folder is gone."]
    assert len(boxes) == 1
    boxes[0].close()


def test_a_huge_file_is_quick_checked_after_the_login(qtbot, demo_db, monkeypatch):
    from alsdesk.store import schema

    monkeypatch.setattr(schema, "QUICK_CHECK_LIMIT", 0)  # the demo file counts as huge
    prompts = RecordingPrompts()
    window = _start(qtbot, demo_db, prompts)
    qtbot.waitUntil(lambda: hasattr(window, "quick_check_problems"), timeout=10000)
    assert window.quick_check_problems == [] and not prompts.errors
    _close(window)
    wait_for_tasks()
    damage_index(demo_db, "signatures_instance")  # an index the login does not write
    prompts = RecordingPrompts()
    window = _start(qtbot, demo_db, prompts)  # the cheap checks at opening pass
    qtbot.waitUntil(lambda: hasattr(window, "quick_check_problems"), timeout=10000)
    assert window.quick_check_problems
    (title, message), = [e for e in prompts.errors if e[0] == "The database is damaged"]
    assert "restore the latest backup" in message and "page" in message
    _close(window)
