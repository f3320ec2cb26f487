"""Status-bar messages ("Saved", "Backup made"): drawn where they are seen, for a few seconds."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication

from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, open_window, settle, ui_settings,
)


def _seen(window) -> bool:
    """The notice is on screen, wide enough for its whole text, inside the status bar."""
    label, bar = window.notice, window.statusBar()
    if not (label.isVisible() and label.text()):
        return False
    room = label.contentsRect().width()
    needed = label.fontMetrics().horizontalAdvance(label.text())
    inside = bar.rect().contains(label.geometry())
    return room >= needed and inside


def test_saving_by_key_tells_the_user_in_the_status_bar(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    code = window.store.subjects.create("NT").code
    assert window.open_form(code, "screening", "sv")
    settle(qtbot, window)
    answer = window.form_page.view.editor("svdone").buttons[0]
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Space)
    qtbot.keyClick(answer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.notice.text().startswith("Saved"))
    assert code in window.notice.text()
    assert _seen(window), "the message must be drawn, not squeezed behind the file name"
    # Menu hover help replaces a status bar's own message at once; the notice stays.
    QApplication.sendEvent(window, QStatusTipEvent("Save what is typed as a draft"))
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert _seen(window) and window.notice.text().startswith("Saved")
    assert window.notice.remaining_ms() > 3000  # a few seconds to read it


def test_a_notice_goes_after_its_time_and_stays_in_the_tool_tip(qtbot, demo_db):
    window = open_window(qtbot, demo_db, size=(1024, 768))
    window.notice.tell("Backup made: trial-2026-12-01.db", seconds=0.3)
    assert _seen(window)
    qtbot.waitUntil(lambda: window.notice.text() == "", timeout=3000)
    assert "Backup made: trial-2026-12-01.db" in window.notice.toolTip()


def test_every_message_of_the_window_goes_through_show_status():
    """Nothing writes to the status bar's own message, which was never drawn."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "ui"
    offenders = [p.name for p in ui.glob("*.py")
                 if "showMessage(" in p.read_text(encoding="utf-8")]
    assert offenders == []
