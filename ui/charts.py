"""ALSFRS-R total and FVC % predicted of one subject over time (QtCharts)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCharts import (QCategoryAxis, QChart, QChartView, QDateTimeAxis, QLineSeries,
                              QValueAxis)
from PySide6.QtCore import QDateTime, QMargins, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from alsdesk import i18n, jalali
from alsdesk.clinical.alsfrs import MAX_TOTAL
from alsdesk.i18n import tr

if TYPE_CHECKING:
    from alsdesk.dashboard import ProgressPoint

__all__ = ["ProgressChart"]

ALSFRS_COLOUR = QColor("#1565c0")
FVC_COLOUR = QColor("#c62828")


def _msecs(day: date) -> float:
    return QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch()


class ProgressChart(QChartView):
    """Two lines on one time axis: ALSFRS-R total (left, 0-48) and FVC % predicted (right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_chart")
        self.setAccessibleName(tr("ALSFRS-R total and FVC % predicted over time"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setChart(chart)
        self.alsfrs = QLineSeries()
        self.alsfrs.setName(tr("ALSFRS-R total (0-48)"))
        self.fvc = QLineSeries()
        self.fvc.setName(tr("FVC % predicted"))
        for series, colour in ((self.alsfrs, ALSFRS_COLOUR), (self.fvc, FVC_COLOUR)):
            series.setPointsVisible(True)
            series.setPen(QPen(colour, 2))
            series.setColor(colour)
            chart.addSeries(series)
        # In Persian the time axis is labelled in the Solar Hijri calendar (Qt's date axis
        # knows the Gregorian only: the labels are placed by hand) and runs right to left,
        # the ALSFRS-R scale on the right, as the window is mirrored.
        self.rtl = i18n.language() in i18n.RIGHT_TO_LEFT
        self.x = QCategoryAxis() if self.rtl else QDateTimeAxis()
        if self.rtl:
            self.x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            self.x.setReverse(True)
        else:
            self.x.setFormat("MMM yyyy")
        self.x.setTitleText(tr("Visit date"))
        self.left = QValueAxis()
        self.left.setRange(0, MAX_TOTAL)
        self.left.setTickCount(7)
        self.left.setLabelFormat("%d")
        self.left.setTitleText("ALSFRS-R")
        self.left.setLabelsColor(ALSFRS_COLOUR)
        self.right = QValueAxis()
        self.right.setRange(0, 120)
        self.right.setTickCount(7)
        self.right.setLabelFormat("%d")
        self.right.setTitleText("FVC %")
        self.right.setLabelsColor(FVC_COLOUR)
        chart.addAxis(self.x, Qt.AlignmentFlag.AlignBottom)
        near, far = ((Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft) if self.rtl
                     else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight))
        chart.addAxis(self.left, near)  # ALSFRS-R, where reading starts
        chart.addAxis(self.right, far)
        for series, axis in ((self.alsfrs, self.left), (self.fvc, self.right)):
            series.attachAxis(self.x)
            series.attachAxis(axis)
        self.points: tuple[ProgressPoint, ...] = ()

    def sizeHint(self) -> QSize:
        # Modest, so the dashboard fits 1366 x 768 without scrolling: the scroll area sizes
        # the page from its preferred height, and the chart grows into any room left.
        return QSize(600, 240)

    def show_points(self, title: str, points: Sequence[ProgressPoint]) -> None:
        """Plot one subject's visits; a missing measure leaves a gap in its line only."""
        self.points = tuple(points)
        self.chart().setTitle(title)
        self.alsfrs.clear()
        self.fvc.clear()
        for p in points:
            if p.alsfrs_total is not None:
                self.alsfrs.append(_msecs(p.when), p.alsfrs_total)
            if p.fvc_pct is not None:
                self.fvc.append(_msecs(p.when), p.fvc_pct)
        if points:
            first, last = points[0].when, points[-1].when
        else:
            first = last = date.today()
        pad = max(timedelta(days=15), (last - first) / 20)
        if self.rtl:
            self._solar_hijri_ticks(first - pad, last + pad, (last - first).days > 150)
        else:
            self.x.setFormat("MMM yyyy" if (last - first).days > 150 else "dd MMM yyyy")
            self.x.setTickCount(5)
            self.x.setRange(QDateTime(datetime.combine(first - pad, time())),
                            QDateTime(datetime.combine(last + pad, time())))
        top = max([120.0] + [p.fvc_pct for p in points if p.fvc_pct is not None])
        self.right.setRange(0, top)

    def _solar_hijri_ticks(self, start: date, end: date, months: bool) -> None:
        """Five labels from `start` to `end`, as the Solar Hijri calendar writes them: the
        month and year (آذر ۱۴۰۵) over a long span, with the day over a short one."""
        for label in self.x.categoriesLabels():
            self.x.remove(label)
        low, high = _msecs(start), _msecs(end)
        self.x.setRange(low, high)
        self.x.setStartValue(low)
        for k in range(5):
            day = start + (end - start) * k / 4
            text = jalali.jalali_long(day)  # ۱۶ آذر ۱۴۰۵
            if months:
                text = text.split(" ", 1)[1]
            while text in self.x.categoriesLabels():  # each label once (Qt's rule)
                text += "\u200c"
            self.x.append(text, low + (high - low) * k / 4)
