"""The window and an encrypted database (issue 20), by keyboard: the first run makes an
encrypted file and shows its recovery key once; an encrypted file asks for the login before
it opens, a wrong password reads as on a plain file and the nurse's id stays typed; the
right one opens the window logged in (one password typed); a plain study file warns."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from alsdesk.store import Store, encryption, sqldb
from tests.conftest import PASSWORD
from tests.ui_helpers import RecordingPrompts, ui_settings, when_shown  # noqa: F401 - fixture
from ui.app import start
from ui.dialogs_auth import FirstRunDialog, LoginDialog


def _focus():
    return QApplication.focusWidget()


def _start(qtbot, path):
    """The program started on `path` as a nurse's workstation starts it: the window and
    what it said."""
    prompts = RecordingPrompts()
    window = start(path, prompts)
    assert window is not None, prompts.errors
    qtbot.addWidget(window)
    return window, prompts


def _close(window) -> None:
    window._closing_checked = True
    window.close()


def test_the_first_run_makes_an_encrypted_file_and_shows_its_key_once(qtbot, tmp_path):
    path = tmp_path / "site" / "trial.db"

    def first_run(dialog):
        QTest.keyClicks(dialog.user_id, "ada")
        for text in ("Ada Admin", PASSWORD, PASSWORD):
            QTest.keyClick(_focus(), Qt.Key.Key_Tab)
            QTest.keyClicks(_focus(), text)
        QTest.keyClick(_focus(), Qt.Key.Key_Return)

    when_shown(FirstRunDialog, first_run)
    window, prompts = _start(qtbot, path)
    assert encryption.is_encrypted(path)
    [(name, key)] = prompts.keys
    assert name == "trial.db" and len(key.split("-")) == 13
    assert not [n for n in prompts.notices if "not encrypted" in n[0]]
    _close(window)
    sqldb.forget()
    encryption.recover(path, key)  # the key shown is this file's
    assert sqldb.unlocked(path)


def _encrypted(tmp_path):
    path = tmp_path / "trial.db"
    store = Store.create(path, admin=("ada", "Ada Admin", PASSWORD), encrypt=True)
    store.login("ada", PASSWORD)
    store.users.add("nora", "Nora Nurse", "nurse", "Bedside-lamp-71")
    store.close()
    sqldb.forget()  # as the program started afresh
    return path


def test_an_encrypted_file_asks_for_the_login_first(qtbot, tmp_path):
    path = _encrypted(tmp_path)
    seen: dict = {}

    def login(dialog):
        assert _focus() is dialog.user_id
        QTest.keyClicks(dialog.user_id, "nora")
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        QTest.keyClicks(_focus(), "Wrong-lamp-00")
        QTest.keyClick(_focus(), Qt.Key.Key_Return)
        seen["wrong"] = dialog.message.text()
        assert dialog.isVisible() and dialog.user_id.text() == "nora"
        assert _focus() is dialog.password and dialog.password.text() == ""
        dialog.grab().save(str(tmp_path / "wrong.png"))
        QTest.keyClicks(_focus(), "Bedside-lamp-71")
        QTest.keyClick(_focus(), Qt.Key.Key_Return)

    when_shown(LoginDialog, login)
    window, prompts = _start(qtbot, path)
    assert window.store.user_id == "nora"
    assert "wrong" in seen["wrong"] and "encrypt" not in seen["wrong"].lower()
    assert not [n for n in prompts.notices if "not encrypted" in n[0]]
    assert prompts.errors == []
    _close(window)


def test_a_plain_study_file_warns_in_the_window(qtbot, tmp_path):
    path = tmp_path / "plain.db"
    Store.create(path, admin=("ada", "Ada Admin", PASSWORD)).close()  # made before issue 20

    def login(dialog):
        QTest.keyClicks(dialog.user_id, "ada")
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        QTest.keyClicks(_focus(), PASSWORD)
        QTest.keyClick(_focus(), Qt.Key.Key_Return)

    when_shown(LoginDialog, login)
    window, prompts = _start(qtbot, path)
    [(title, text)] = [n for n in prompts.notices if "not encrypted" in n[0]]
    assert "alsdesk encrypt" in text and str(path) in text
    _close(window)
