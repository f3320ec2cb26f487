"""Helpers for the Qt tests: a real database, a real window, prompts a test can answer.

Nothing of the core is replaced. Message boxes are recorded instead of blocking (a test
that expects none asserts the list is empty); the other prompts open their real dialogs
unless a test gives an answer with ``prompts.answer(name, value)``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from alsdesk.demo import DEMO_PASSWORD
from tests.conftest import demo_db, demo_template  # noqa: F401 - re-exported fixtures
from alsdesk.store import Store
from ui.choice_editor import ChoiceEditor
from ui.field_editors import MemoEditor
from ui.main_window import MainWindow
from ui.prompts import SAVE, Prompts
from ui.tasks import wait_for_tasks

__all__ = ["RecordingPrompts", "demo_db", "open_window", "when_modal", "fill", "settle",
           "DEMO_PASSWORD", "ui_settings", "demo_template", "when_shown", "type_file_name"]


class RecordingPrompts(Prompts):
    """Records every message; answers the prompts a test has answered, else shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.notices: list[tuple[str, str]] = []
        self.keys: list[tuple[str, str]] = []
        self.asked: list[tuple[str, tuple]] = []
        self.answers: dict[str, list[Any]] = {}

    def answer(self, name: str, *values: Any) -> None:
        """Queue answers for a prompt ('reason', 'notes', 'text', 'unsaved', ...)."""
        self.answers.setdefault(name, []).extend(values)

    def _answer(self, name: str, args: tuple, real: Callable[[], Any]) -> Any:
        self.asked.append((name, args))
        queue = self.answers.get(name)
        if queue:
            value = queue.pop(0)
            return value(*args) if callable(value) else value
        return real()

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def notify(self, title: str, message: str) -> None:
        self.notices.append((title, message))

    def recovery_key(self, db_name: str, key: str) -> None:
        self.keys.append((db_name, key))

    def choose(self, title: str, message: str, choices):
        return self._answer("choose", (title, message, list(choices)),
                            lambda: Prompts.choose(self, title, message, choices))

    def confirm(self, title: str, message: str, *, destructive: bool = False) -> bool:
        return self._answer("confirm", (title, message), lambda: True)

    def unsaved(self, what: str) -> str:
        return self._answer("unsaved", (what,), lambda: SAVE)

    def reason(self, title: str, message: str, *, required: bool = True):
        return self._answer("reason", (title, message),
                            lambda: Prompts.reason(self, title, message, required=required))

    def notes(self, findings):
        return self._answer("notes", (findings,), lambda: Prompts.notes(self, findings))

    def text(self, title: str, label: str, *, initial: str = "", required: bool = True):
        return self._answer("text", (title, label), lambda: Prompts.text(
            self, title, label, initial=initial, required=required))

    def signature(self, what, printed_name, role, sign, meanings=(), scope=None):
        return self._answer("signature", (what, printed_name, role, sign),
                            lambda: Prompts.signature(self, what, printed_name, role, sign,
                                                      meanings, scope))

    def history(self, title: str, rows):
        self.asked.append(("history", (title, rows)))

    def new_subject(self):
        return self._answer("new_subject", (), lambda: Prompts.new_subject(self))

    def subject_status(self, code, current, choices=()):
        return self._answer("subject_status", (code, current),
                            lambda: Prompts.subject_status(self, code, current, choices))

    def settings(self, idle_minutes, date_format="DD/MMM/YYYY", formats=("DD/MMM/YYYY",)):
        return self._answer("settings", (idle_minutes, date_format),
                            lambda: Prompts.settings(self, idle_minutes, date_format, formats))


@pytest.fixture(autouse=True)
def ui_settings(tmp_path, qapp):
    """Window geometry goes to the test's own folder; a forgotten dialog fails, not hangs.

    A modal dialog nobody answers within 10 s is closed and the test fails naming it.
    """
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    # QSettings("ALS Desk", "alsdesk") is always the native format (setDefaultFormat does
    # not reach it): on Linux an INI file under ~/.config, which the window's size and each
    # person's language would otherwise outlive the test in (a Persian "last language" made
    # the next test's login Persian)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings-native"))
    stuck: list[str] = []
    seen: dict[int, int] = {}

    def watch() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            seen.clear()
            return
        ticks = seen[id(dialog)] = seen.get(id(dialog), 0) + 1
        if ticks > 40:
            texts = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
            stuck.append(f"{dialog.windowTitle()}: {' | '.join(texts)[:300]}")
            dialog.close()

    dog = QTimer()
    dog.timeout.connect(watch)
    dog.start(250)
    yield
    dog.stop()
    wait_for_tasks()
    if stuck:
        pytest.fail("a dialog was left unanswered: " + "; ".join(stuck))




def open_window(qtbot, path: Path, user: str = "nurse", password: str = DEMO_PASSWORD,
                size: tuple[int, int] | None = (1366, 768)) -> MainWindow:
    """A real main window over a real file, logged in as `user`, shown at 1366 x 768."""
    store = Store.open(path)
    store.login(user, password)
    window = MainWindow(store, path)
    window.prompts = RecordingPrompts(window)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


def settle(qtbot, window: MainWindow, timeout: int = 10000) -> None:
    """Wait until the window's background tasks have delivered their results."""
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=timeout)


def when_modal(handler: Callable[[QDialog], None], *, timeout_ms: int = 10000) -> None:
    """Call `handler(dialog)` as soon as a modal dialog is showing (then it may accept it)."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            handler(dialog)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def fill(page, **values: Any) -> None:
    """Enter values on the open form as a nurse would: type text, click answers.

    A value is the text to type, or for a choice the code to pick; ('ND',) sets a code.
    """
    for field_id, value in values.items():
        editor = page.view.editor(field_id)
        if isinstance(value, tuple):
            page.view.set_code(field_id, value[0])
        elif isinstance(editor, ChoiceEditor):
            if value is None:
                editor.clear_choice()
            else:
                editor.buttons[editor.codes.index(value)].click()
        elif isinstance(editor, MemoEditor):
            editor.set_text(value)
        else:
            editor.edit.clear()
            editor.edit.setFocus()
            editor.edit.insert(value)
            editor.edited.emit(field_id)
    page.refresh_live()


def when_shown(kind: type | tuple[type, ...], handler: Callable[[QDialog], None], *,
               timeout_ms: int = 10000) -> None:
    """Call `handler(dialog)` once a modal dialog of `kind` shows and has the keyboard.

    Unlike when_modal, a dialog already open under it (the one whose button opens `kind`)
    is not taken for it.
    """
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() \
                and QApplication.activeWindow() is dialog:
            handler(dialog)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_file_name(path: Path | str) -> None:
    """When the next file dialog shows: type `path` as its file name and press Enter."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    def answer(dialog: QDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setFocus()
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(name, str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    when_shown(QFileDialog, answer)
