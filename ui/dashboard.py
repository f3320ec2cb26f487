"""The dashboard shown on opening: enrolment, visits due and overdue, open queries, serious
adverse events, and each subject's ALSFRS-R and FVC over time. Computed in a worker."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QProgressBar, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from alsdesk.dashboard import DueVisit, SeriousEvent, Summary, summary
from ui.charts import ProgressChart
from ui.icons import visit_colour

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["DashboardPage"]


class _Tile(QFrame):
    """A figure with its caption."""

    def __init__(self, name: str, caption: str) -> None:
        super().__init__()
        self.setObjectName(f"tile_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.value = QLabel("…")
        self.value.setObjectName(f"{name}_value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class DashboardPage(QWidget):
    """Study figures at a glance; double-click a row to open that subject."""

    open_subject = Signal(str)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.main = window
        self.setObjectName("dashboard")
        self.data: Summary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        tiles = QHBoxLayout()
        self.enrolled = _Tile("enrolled", "enrolled")
        self.progress = QProgressBar()
        self.progress.setObjectName("enrolment_progress")
        self.progress.setTextVisible(True)
        self.enrolled.layout().addWidget(self.progress)
        self.due = _Tile("due", "visits due or in window (next 14 days)")
        self.overdue = _Tile("overdue", "visits overdue")
        self.queries = _Tile("queries", "open queries")
        self.sae = _Tile("sae", "serious adverse events")
        for tile in (self.enrolled, self.due, self.overdue, self.queries, self.sae):
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)
        self.updated = QLabel("Loading…")
        self.updated.setObjectName("dashboard_updated")
        self.updated.setStyleSheet("color: #5f6368;")
        # Room for the longest text it shows, or "Updated 18:27" is cut at the right edge.
        self.updated.setMinimumWidth(
            self.updated.fontMetrics().horizontalAdvance("Updated 00:00  Updating…"))
        split = QSplitter(Qt.Orientation.Vertical)
        lists = QWidget()
        row = QHBoxLayout(lists)
        row.setContentsMargins(0, 0, 0, 0)
        self.visits = _table("due_visits", ("Subject", "Visit", "Target", "Status"))
        self.serious = _table("serious_events", ("Subject", "Adverse event", "Start", "Outcome"))
        for box_title, table in (("Visits due and overdue", self.visits),
                                 ("Serious adverse events", self.serious)):
            box = QGroupBox(box_title)
            QVBoxLayout(box).addWidget(table)
            row.addWidget(box)
            table.cellDoubleClicked.connect(
                lambda r, _c, t=table: self.open_subject.emit(t.item(r, 0).text()))
        split.addWidget(lists)
        charts = QGroupBox("ALSFRS-R and FVC over time")
        grid = QGridLayout(charts)
        pick = QLabel("&Subject:")
        self.subject = QComboBox()
        self.subject.setObjectName("chart_subject")
        self.subject.setAccessibleName("Subject shown in the chart")
        self.subject.currentIndexChanged.connect(lambda _i: self._show_chart())
        pick.setBuddy(self.subject)
        self.chart = ProgressChart()
        grid.addWidget(pick, 0, 0)
        grid.addWidget(self.subject, 0, 1)
        grid.addWidget(self.updated, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(2, 1)
        grid.addWidget(self.chart, 1, 0, 1, 3)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 360])
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        """Compute the figures again in a worker (it reads every subject's schedule)."""
        self.updated.setText("Updating…")
        self.main.tasks.run("dashboard", summary, on_result=self.show_summary,
                              on_error=self.main.task_failed)

    def show_summary(self, data: Summary) -> None:
        self.data = data
        self.enrolled.value.setText(f"{data.enrolled} / {data.target}")
        self.progress.setRange(0, data.target)
        self.progress.setValue(min(data.enrolled, data.target))
        self.progress.setFormat(f"{round(100 * data.enrolled / data.target)} % of target")
        self.due.value.setText(str(len(data.due)))
        self.overdue.value.setText(str(len(data.overdue)))
        self.overdue.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: %s;"
                                         % ("#b00020" if data.overdue else "#1b5e20"))
        self.queries.value.setText(str(data.open_queries))
        self.sae.value.setText(str(len(data.serious)))
        self._visits(list(data.overdue) + list(data.due))
        self._serious(data.serious)
        current = self.subject.currentText()
        self.subject.blockSignals(True)
        self.subject.clear()
        self.subject.addItems(sorted(data.progression))
        if current in data.progression:
            self.subject.setCurrentText(current)
        elif data.progression:  # the subject followed longest tells the most
            longest = max(sorted(data.progression), key=lambda c: len(data.progression[c]))
            self.subject.setCurrentText(longest)
        self.subject.blockSignals(False)
        self._show_chart()
        self.updated.setText(f"Updated {datetime.now():%H:%M}")

    def _visits(self, visits: list[DueVisit]) -> None:
        self.visits.setRowCount(len(visits))
        for i, v in enumerate(visits):
            colour = visit_colour(v.status)
            for j, text in enumerate((v.subject, v.label, v.when, v.status.value)):
                item = QTableWidgetItem(text)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.visits.setItem(i, j, item)

    def _serious(self, events: Sequence[SeriousEvent]) -> None:
        self.serious.setRowCount(len(events))
        for i, e in enumerate(events):
            for j, text in enumerate((e.subject, e.term, e.start, e.outcome)):
                self.serious.setItem(i, j, QTableWidgetItem(text))

    def _show_chart(self) -> None:
        code = self.subject.currentText()
        points = self.data.progression.get(code, ()) if self.data else ()
        self.chart.show_points(f"Subject {code}" if code else "No subject with data yet", points)
