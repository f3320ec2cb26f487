"""A destructive question opens on No: one Enter changes nothing (voiding a signature,
replacing a file, discarding typing). The real message box, answered by keys."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui_helpers import ui_settings  # noqa: F401 - fixture
from ui.prompts import Prompts


def _enter_on_the_box(seen: list) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _enter_on_the_box(seen))
        return
    seen.append(box.defaultButton().text().replace("&", ""))
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_enter_on_a_destructive_question_answers_no(qtbot):
    seen: list = []
    QTimer.singleShot(0, lambda: _enter_on_the_box(seen))
    assert Prompts(None).confirm("The signature will be voided", "Void it?",
                                 destructive=True) is False
    assert seen == ["No"]


def test_enter_on_an_ordinary_question_answers_yes(qtbot):
    seen: list = []
    QTimer.singleShot(0, lambda: _enter_on_the_box(seen))
    assert Prompts(None).confirm("Record a protocol deviation?", "Record it?") is True
    assert seen == ["Yes"]
