"""Window-wide keyboard habits that no single page owns.

- Enter on a focused button presses it, as Space does. Qt presses a button on Enter only in
  dialogs; on the casebook's "Change status…" Enter did nothing at all. Buttons made later
  (the form's suggestions) call enter_presses themselves.
- The page tab bar is not a Tab stop (Ctrl+1..5 switch pages): Tab went round through it
  on every page.
- A fixed Tab order on the casebook: its buttons left to right, then its tabs and the visit
  matrix (the Print button came after the matrix, before the buttons it stands beside).
- After login the keyboard is in the dashboard's first list, not on the page tabs.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["install", "enter_presses", "focus_start"]


def install(window: "MainWindow") -> None:
    """Set the habits above on a main window that has all its pages."""
    for button in window.findChildren(QPushButton):
        enter_presses(button)
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


def enter_presses(button: QPushButton) -> None:
    """Enter presses this button when it has the focus, as Space does.

    Qt's own rule, not a filter on every event: a push button whose autoDefault is on
    answers Enter itself; Qt turns it on by default only inside dialogs."""
    button.setAutoDefault(True)


def focus_start(window: "MainWindow") -> None:
    """The keyboard in the first page's first list once the window is on screen."""
    def go() -> None:
        if window.pages.currentWidget() is window.dashboard_page and not window.locked:
            window.dashboard.visits.setFocus(Qt.FocusReason.OtherFocusReason)
    QTimer.singleShot(0, go)
