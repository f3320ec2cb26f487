"""Status icons drawn with QPainter (no image files), and the colours of visit statuses."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from alsdesk.clinical.schedule import VisitStatus
from alsdesk.states import FormStatus

__all__ = ["status_icon", "visit_colour", "STATUS_COLOURS"]

STATUS_COLOURS = {
    FormStatus.NOT_STARTED: "#9aa0a6",
    FormStatus.IN_PROGRESS: "#e8a317",
    FormStatus.COMPLETE: "#2e7d32",
    FormStatus.VERIFIED: "#00838f",
    FormStatus.SIGNED: "#1565c0",
    FormStatus.LOCKED: "#5f6368",
    FormStatus.DELETED: "#c62828",
}

# Background of a schedule row; None leaves the row plain.
_VISIT_BACKGROUND = {
    VisitStatus.OVERDUE: "#f8d7da",
    VisitStatus.IN_WINDOW: "#d4edda",
    VisitStatus.DUE: "#fff3cd",
    VisitStatus.DONE_OUT_OF_WINDOW: "#fde2c8",
}


def visit_colour(status: VisitStatus) -> QColor | None:
    """The row colour of a visit status (overdue red, in window green, due amber)."""
    name = _VISIT_BACKGROUND.get(status)
    return QColor(name) if name else None


def _check(p: QPainter, s: float) -> None:
    path = QPainterPath(QPointF(0.27 * s, 0.52 * s))
    path.lineTo(0.44 * s, 0.68 * s)
    path.lineTo(0.74 * s, 0.34 * s)
    p.drawPath(path)


@lru_cache(maxsize=None)
def status_icon(status: FormStatus, size: int = 32) -> QIcon:
    """A round badge per form status: hollow, half, tick, double tick, pen line, lock, cross."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    s = float(size)
    rect = QRectF(0.1 * s, 0.1 * s, 0.8 * s, 0.8 * s)
    white = QPen(QColor("white"), 0.09 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                 Qt.PenJoinStyle.RoundJoin)
    if status is FormStatus.NOT_STARTED:
        p.setPen(QPen(colour, 0.08 * s))
        p.drawEllipse(rect)
    elif status is FormStatus.IN_PROGRESS:
        p.setPen(QPen(colour, 0.08 * s))
        p.drawEllipse(rect)
        p.setBrush(QBrush(colour))
        p.drawPie(rect, 90 * 16, 180 * 16)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(colour))
        p.drawEllipse(rect)
        p.setPen(white)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if status is FormStatus.COMPLETE:
            _check(p, s)
        elif status is FormStatus.VERIFIED:
            p.translate(-0.08 * s, 0)
            _check(p, s)
            p.translate(0.16 * s, 0)
            _check(p, s)
        elif status is FormStatus.SIGNED:
            _check(p, s)
            p.drawLine(QPointF(0.3 * s, 0.78 * s), QPointF(0.7 * s, 0.78 * s))
        elif status is FormStatus.LOCKED:
            p.drawArc(QRectF(0.36 * s, 0.24 * s, 0.28 * s, 0.3 * s), 0, 180 * 16)
            p.setBrush(QBrush(QColor("white")))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRect(QRectF(0.31 * s, 0.42 * s, 0.38 * s, 0.28 * s))
        elif status is FormStatus.DELETED:
            p.drawLine(QPointF(0.33 * s, 0.33 * s), QPointF(0.67 * s, 0.67 * s))
            p.drawLine(QPointF(0.67 * s, 0.33 * s), QPointF(0.33 * s, 0.67 * s))
    p.end()
    return QIcon(pix)
