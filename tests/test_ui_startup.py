"""Start-up: first run, login and lockout, files the core refuses, remembered geometry."""
from __future__ import annotations

import inspect
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from alsdesk.auth import Role
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, RecordingPrompts, demo_db, demo_template, open_window, settle, ui_settings,
    when_modal,
)
from ui.app import run, start
from ui.dialogs_auth import FirstRunDialog, LoginDialog


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_first_run_creates_the_database_and_its_administrator(qtbot, tmp_path):
    path = tmp_path / "site" / "trial.db"
    said: list[str] = []

    def first_run(dialog):
        assert isinstance(dialog, FirstRunDialog)
        dialog.user_id.setText("ada")
        dialog.full_name.setText("Dr. Ada Admin")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText("something else 1")
        _ok(dialog)
        said.append(dialog.message.text())
        dialog.password.setText("short")
        dialog.repeat.setText("short")
        _ok(dialog)
        said.append(dialog.message.text())
        assert dialog.isVisible() and dialog.user_id.text() == "ada"  # typed text kept
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        _ok(dialog)

    when_modal(first_run)
    window = start(path, RecordingPrompts())
    assert window is not None
    qtbot.addWidget(window)
    assert "differ" in said[0] and "at least 10 characters" in said[1]
    assert window.store.role is Role.ADMIN and window.store.user_id == "ada"
    assert str(path) in window.db_label.text()
    user = window.user_label.text()
    assert "Dr. Ada Admin" in user and "Administrator" in user
    actions = [r[0] for r in window.store.conn.execute("SELECT action FROM audit_trail")]
    assert "user.create" in actions and "user.login" in actions
    window._closing_checked = True
    window.close()


def test_cancelling_the_first_run_creates_nothing(qtbot, tmp_path):
    path = tmp_path / "trial.db"
    when_modal(lambda d: d.reject())
    assert start(path, RecordingPrompts()) is None
    assert not path.exists()


def test_login_failures_and_lockout_as_the_core_rules(qtbot, demo_db):
    said: list[str] = []

    def login(dialog):
        assert isinstance(dialog, LoginDialog)
        for _ in range(5):
            dialog.user_id.setText("nurse")
            dialog.password.setText("Wrong-password-1")
            _ok(dialog)
            said.append(dialog.message.text())
            assert dialog.password.text() == "" and dialog.user_id.text() == "nurse"
        dialog.password.setText(DEMO_PASSWORD)
        _ok(dialog)  # right password, but the account is locked now
        said.append(dialog.message.text())
        dialog.reject()

    when_modal(login)
    assert start(demo_db, RecordingPrompts()) is None
    assert "user id or the password is wrong" in said[0]
    assert "locked for 15 minutes" in said[4]
    assert "locked after too many wrong passwords" in said[5]

    when_modal(lambda d: (d.user_id.setText("investigator"), d.password.setText(DEMO_PASSWORD),
                          _ok(d)))
    window = start(demo_db, RecordingPrompts())
    assert window is not None and window.store.role is Role.INVESTIGATOR
    qtbot.addWidget(window)
    window._closing_checked = True
    window.close()


def test_a_file_the_core_refuses_is_explained(qtbot, tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, eggs")
    prompts = RecordingPrompts()
    assert start(path, prompts) is None
    (title, message), = prompts.errors
    assert title == "Cannot open the database" and str(path) in message


def test_run_is_the_entry_point_the_cli_calls():
    assert list(inspect.signature(run).parameters) == ["db_path"]
    import importlib

    from alsdesk.frontend import ui_module

    # The CLI starts `<alsdesk.ui or ui>.app`: in the source tree that is this very module.
    source = Path(__file__).resolve().parents[1] / "alsdesk" / "cli.py"
    assert 'ui_module("app")' in source.read_text()
    assert importlib.import_module(ui_module("app")).run is run


def test_window_geometry_is_remembered(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.resize(760, 500)  # inside the offscreen screen (800 x 600)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (760, 500))
    window.close()
    assert QSettings("ALS Desk", "alsdesk").value("main/geometry") is not None
    again = open_window(qtbot, demo_db, size=None)
    assert (again.width(), again.height()) == (760, 500)


def test_status_bar_shows_file_and_user(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "monitor")
    assert window.db_label.text() == f"Database: {demo_db}"
    assert "Mona Monitor (demo)" in window.user_label.text()
    assert "Monitor" in window.user_label.text()


def test_first_run_on_an_empty_database_file(qtbot, tmp_path):
    path = tmp_path / "empty.db"
    Store.create(path).close()  # created, but nobody finished the first start

    def first_run(dialog):
        dialog.user_id.setText("ada")
        dialog.full_name.setText("Ada")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        _ok(dialog)

    when_modal(first_run)
    window = start(path, RecordingPrompts())
    assert window is not None and window.store.user_id == "ada"
    qtbot.addWidget(window)
    window._closing_checked = True
    window.close()


def _gui(db: Path, **env_changes: str | None):
    """`alsdesk --db DB gui` in a child process (the repository's main.py is the command)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    for name, value in env_changes.items():
        if value is not None:
            env[name] = value
    repo = Path(__file__).resolve().parents[1]
    return subprocess.run([sys.executable, str(repo / "main.py"), "--db", str(db), "gui"],
                          capture_output=True, text=True, env=env, cwd=repo, timeout=120)


def _said_in_words(result) -> str:
    text = result.stdout + result.stderr
    assert result.returncode == 4, text  # not a signal (negative) and not 0
    for raw in ("Aborted", "core dumped", "qt.qpa.plugin", "Traceback"):
        assert raw not in text
    return text


def test_without_a_display_the_program_says_so_and_exits(tmp_path):
    result = _gui(tmp_path / "trial.db")
    assert "no display was found" in _said_in_words(result)
    assert not (tmp_path / "trial.db").exists()  # nothing started, nothing created


def test_a_display_nobody_serves_is_named(tmp_path):
    free = next(n for n in range(4711, 4800) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    result = _gui(tmp_path / "trial.db", DISPLAY=f":{free}")
    assert f"no X server answers at DISPLAY=:{free}" in _said_in_words(result)


def test_missing_system_libraries_are_named_with_their_packages():
    from ui.display_check import apt_package, library_problem

    assert [apt_package(n) for n in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0",
                                     "libdbus-1.so.3", "libEGL.so.1", "libglib-2.0.so.0",
                                     "libxcb-icccm.so.4")] == [
        "libxcb-cursor0", "libxkbcommon-x11-0", "libdbus-1-3", "libegl1", "libglib2.0-0",
        "libxcb-icccm4"]
    said = library_problem(ImportError(
        "libEGL.so.1: cannot open shared object file: No such file or directory"))
    assert said is not None and "sudo apt-get install libegl1" in said
    assert library_problem(ImportError("No module named 'PySide6.QtPdf'")) is None


def test_a_chosen_platform_is_left_to_qt():
    from ui.display_check import display_problem

    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
    assert "no display" in display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux")


def test_a_wayland_name_without_its_socket_is_said_in_words(tmp_path):
    """Unset DISPLAY and a stale WAYLAND_DISPLAY: Qt would fall back to X11 and abort with
    text about xcb libraries; the check says what is wrong instead."""
    import socket

    from ui.display_check import display_problem

    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert "no Wayland desktop answers at WAYLAND_DISPLAY=wayland-0" in display_problem(env,
                                                                                       "linux")
    assert "Wayland" in display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-0"))  # a compositor's socket: Qt may start
        assert display_problem(env, "linux") is None


def test_a_clock_behind_the_audit_trail_is_a_notice_after_login(qtbot, demo_db):
    from datetime import datetime, timedelta, timezone

    from alsdesk.store.audit import A

    ahead = (datetime.now(timezone.utc) + timedelta(hours=2)).isoformat(timespec="microseconds")
    with Store.open(demo_db) as st:  # a row written while the clock was two hours ahead
        st.login("admin", DEMO_PASSWORD)
        with st.transaction():
            st.audit(A.SETTING, field="probe", new_value="x", ts=ahead)
    when_modal(lambda d: (d.user_id.setText("nurse"), d.password.setText(DEMO_PASSWORD),
                          _ok(d)))
    prompts = RecordingPrompts()
    window = start(demo_db, prompts)
    assert window is not None
    qtbot.addWidget(window)
    window._closing_checked = True
    assert any("clock is behind" in message for _title, message in prompts.notices)
    assert window.store.forms is not None and not window.store.readonly  # work goes on
