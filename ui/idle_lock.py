"""Locking the window after idle time; the password unlocks it and nothing on screen is lost.

The watcher sees every keyboard and mouse event of the application. When none came for the
configured time it emits ``idle``; the window then covers its pages with the lock screen
(the pages and what was typed on them stay as they were, hidden) until the same user's
password is given again, checked by the core (wrong passwords count towards the lockout).
"Switch user" lets somebody else log in instead: the window decides what happens to what
the locked user left unsaved (MainWindow.switch_user).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr

__all__ = ["IdleWatcher", "LockScreen", "DEFAULT_IDLE_MINUTES"]

DEFAULT_IDLE_MINUTES = 10
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after `minutes` without keyboard or mouse activity."""

    idle = Signal()

    def __init__(self, minutes: float = DEFAULT_IDLE_MINUTES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)
        self.paused = False

    def set_minutes(self, minutes: float) -> None:
        self.set_interval_ms(int(minutes * 60_000))

    def set_interval_ms(self, msecs: int) -> None:
        self.timer.setInterval(max(1, msecs))
        if not getattr(self, "paused", False):
            self.timer.start()

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        self.timer.start()

    def stop(self) -> None:
        self.pause()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.paused and event.type() in _ACTIVITY:
            self.timer.start()
        return False


class LockScreen(QWidget):
    """What covers the window while it is locked: who is logged in, a password box, and
    the way for another user to log in."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, who: str, check: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self._check = check
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        title = QLabel(tr("ALS Desk is locked"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.set_user(who)
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setAccessibleName(tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(tr("&Unlock"))
        self.button.setObjectName("unlock")
        self.button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton(tr("&Switch user…"))
        self.switch_button.setObjectName("switch_user")
        self.switch_button.setToolTip(tr("Log out the locked user and let another user log in"))
        self.switch_button.clicked.connect(self.switch_user)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.password)
        row.addWidget(self.button)
        row.addWidget(self.switch_button)
        row.addStretch(1)
        box.addWidget(title)
        box.addWidget(self.who)
        box.addLayout(row)
        box.addWidget(self.message)
        outer.addLayout(box)
        outer.addStretch(2)

    def set_user(self, who: str) -> None:
        self.who.setText(tr("Logged in: <b>{who}</b>. Nothing on screen was lost. "
                            "Enter your password to go on, or switch user.").format(who=who))

    def try_unlock(self) -> bool:
        try:
            self._check(self.password.text())
        except AlsDeskError as exc:
            self.password.clear()
            self.message.setText(str(exc))
            return False
        self.password.clear()
        self.message.clear()
        self.unlocked.emit()
        return True
