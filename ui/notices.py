"""The one place the main window tells the user that something happened ("Saved", "Backup made").

Why a label of our own instead of QStatusBar.showMessage: Qt paints a temporary message only
in the space left of the first permanent widget, and the database label took all of it, so no
message was ever drawn; menu hover help (status tips) also replaces a temporary message at
once, so a "Saved" shown after a menu command vanished when the menu closed. The notice is a
normal status-bar widget: hover help covers it while the pointer is on a menu, then it is back
until its time is up. Each notice is also announced to screen readers (Qt's accessibility
announcement) and the last few stay readable in the label's tool tip.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QPainter
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption

from alsdesk.i18n import tr

__all__ = ["StatusNotice", "ElidedLabel", "NOTICE_SECONDS"]

NOTICE_SECONDS = 8  # long enough to read a sentence after looking down from the form
_KEPT = 10
_STYLE = "QLabel#status_notice { background: #e3f1e6; color: #0b3d17; padding: 1px 8px; }"


class ElidedLabel(QLabel):
    """A one-line label that gives up width when the bar is short, showing "…" (text() is whole).

    A QLabel's smallest width is its whole text, so a long database path pushed everything
    else out of the status bar; this one shrinks to `least` pixels and elides in the middle.
    """

    def __init__(self, text: str = "", parent=None, *, least: int = 80,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(text, parent)
        self._least, self._mode = least, mode

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._least), hint.height())

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), self._mode, area.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(area, int(self.alignment()), shown)


class StatusNotice(ElidedLabel):
    """A message at the left of a status bar, shown for a few seconds, announced once."""

    def __init__(self, bar: QStatusBar) -> None:
        # The notice claims room for up to 30 characters, so that a small or scaled screen
        # still fits the bar; beyond that it shares the room and a long one ends in "…"
        # (the whole text is in the tool tip and was announced).
        super().__init__("", bar, least=bar.fontMetrics().averageCharWidth() * 30,
                         mode=Qt.TextElideMode.ElideRight)
        self.setObjectName("status_notice")
        self.setAccessibleName(tr("Last message"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(_STYLE)
        self.recent: list[tuple[str, str]] = []  # (local time HH:MM, text), newest last
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        bar.addWidget(self, 1)
        self._expire()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Nothing when empty; else its whole text, up to nearly half the bar.

        A box layout short of room shrinks every label alike; the message is what the user
        must read now, so it is the last to be cut (the file name and user give way first).
        """
        if not self.text():
            return QSize(0, super().minimumSizeHint().height())
        whole = QLabel.minimumSizeHint(self)
        bar = self.parentWidget()
        room = max(self._least, int(bar.width() * 0.45)) if bar is not None else self._least
        return QSize(min(whole.width(), room), whole.height())

    def tell(self, message: str, seconds: float = NOTICE_SECONDS) -> None:
        """Show `message` now, for `seconds`; screen readers hear it too."""
        message = " ".join(message.split())  # one line: the bar has room for one
        if not message:
            return
        self.recent = (self.recent + [(datetime.now().strftime("%H:%M"), message)])[-_KEPT:]
        self.setText(message)
        self.setToolTip("\n".join(f"{at}  {text}" for at, text in self.recent))
        self.setStyleSheet(_STYLE)
        self.updateGeometry()  # its room grows with its text: the file name gives way
        bar = self.parentWidget()
        if bar is not None and bar.layout() is not None:
            bar.layout().activate()
        self.repaint()  # drawn now even if slow work follows before the event loop runs
        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self, message)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)
        self._timer.start(int(seconds * 1000))

    def _expire(self) -> None:
        self.setText("")
        self.setStyleSheet("")

    def remaining_ms(self) -> int:
        """How long the current message stays (0 when none is shown)."""
        return self._timer.remainingTime() if self._timer.isActive() else 0
