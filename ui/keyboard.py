"""Window-wide keyboard habits that no single page owns.

- Enter on a focused button presses it, as Space does. Qt presses a button on Enter only in
  dialogs; on the casebook's "Change status…" Enter did nothing at all.
- The page tab bar is not a Tab stop (Ctrl+1..5 switch pages): Tab went round through it
  on every page.
- A fixed Tab order on the casebook: its buttons left to right, then its tabs and the visit
  matrix (the Print button came after the matrix, before the buttons it stands beside).
- After login the keyboard is in the dashboard's first list, not on the page tabs.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QCheckBox, QDialog, QPushButton, QRadioButton, QWidget,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["install", "focus_start"]


class _EnterPresses(QObject):
    """Enter on a focused push or tool button outside dialogs clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and not event.modifiers()  # type: ignore[attr-defined]
                and isinstance(watched, QAbstractButton)
                and not isinstance(watched, (QRadioButton, QCheckBox))
                and watched.isEnabled() and not isinstance(watched.window(), QDialog)):
            if isinstance(watched, QPushButton) and watched.menu() is not None:
                watched.showMenu()
            else:
                watched.click()
            return True
        return False


def install(window: "MainWindow") -> None:
    """Set the habits above on a main window that has all its pages."""
    app = QApplication.instance()
    window._enter_presses = _EnterPresses(window)  # dies with the window, filter and all
    app.installEventFilter(window._enter_presses)
    window.pages.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    casebook = window.casebook
    chain: list[QWidget] = [casebook.status_button, casebook.unscheduled_button,
                            casebook.sign_button]
    printer = casebook.findChild(QPushButton, "casebook_print")
    if printer is not None:
        chain.append(printer)
    # (the tabs and the matrix follow by creation order; naming them here too broke Qt's
    # chain into a loop between the tab bar and the matrix)
    for a, b in zip(chain, chain[1:]):
        QWidget.setTabOrder(a, b)


def focus_start(window: "MainWindow") -> None:
    """The keyboard in the first page's first list once the window is on screen."""
    def go() -> None:
        if window.pages.currentWidget() is window.dashboard_page and not window.locked:
            window.dashboard.visits.setFocus(Qt.FocusReason.OtherFocusReason)
    QTimer.singleShot(0, go)
