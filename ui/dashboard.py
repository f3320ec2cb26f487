"""The dashboard shown on opening: enrolment, visits due and overdue, open queries, serious
adverse events, and one subject's ALSFRS-R and FVC over time. Computed in a worker.

The main window imports this module when it starts, so the core modules and QtCharts are
imported only when the figures are computed or the first curve is drawn.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QProgressBar, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from alsdesk.i18n import tr
from .i18n import shown as shown_study
from .fmt import row_list
from alsdesk.study.model import TimeUnit
from .icons import visit_colour
from .schedule_table import moment_text, short_label, window_text

if TYPE_CHECKING:
    from alsdesk.dashboard import DueVisit, ProgressPoint, SeriousEvent, Summary
    from alsdesk.safety.sae import SaeClock
    from .charts import ProgressChart
    from .main_window import MainWindow

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
    table = row_list(QTableWidget(0, len(headers)), name)
    table.setTabKeyNavigation(False)  # Tab goes on to the next list; arrows move inside
    table.setHorizontalHeaderLabels(headers)
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
        self.enrolled = _Tile("enrolled", tr("enrolled"))
        self.progress = QProgressBar()
        self.progress.setObjectName("enrolment_progress")
        self.progress.setTextVisible(True)
        self.enrolled.layout().addWidget(self.progress)
        self.due = _Tile("due", tr("visits in window or due"))
        self.due_note = QLabel("")  # what "due" means, with the study's number of days
        self.due_note.setObjectName("due_meaning")
        self.due_note.setStyleSheet("color: #5f6368;")
        self.due.layout().addWidget(self.due_note)
        self.overdue = _Tile("overdue", tr("visits overdue"))
        self.queries = _Tile("queries", tr("open queries"))
        self.answered = QLabel("")
        self.answered.setObjectName("answered_queries")
        self.answered.setStyleSheet("color: #5f6368;")
        self.queries.layout().addWidget(self.answered)
        self.sae = _Tile("sae", tr("serious adverse events"))
        self.sae_note = QLabel("")  # SAE reports overdue or due, from the SAE clock
        self.sae_note.setObjectName("sae_reports_note")
        self.sae_note.setWordWrap(True)
        self.sae.layout().addWidget(self.sae_note)
        for tile in (self.enrolled, self.due, self.overdue, self.queries, self.sae):
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)
        self.updated = QLabel(tr("Loading…"))
        self.updated.setObjectName("dashboard_updated")
        self.updated.setStyleSheet("color: #5f6368;")
        # Room for the longest text it shows, or "Updated 18:27" is cut at the right edge.
        self.updated.setMinimumWidth(
            self.updated.fontMetrics().horizontalAdvance(
                tr("Updated {now:%H:%M}").format(now=datetime(2000, 1, 1)) + "  "
                + tr("Updating…")))
        split = QSplitter(Qt.Orientation.Vertical)
        lists = QWidget()
        row = QHBoxLayout(lists)
        row.setContentsMargins(0, 0, 0, 0)
        self.visits = _table("due_visits", (tr("Subject"), tr("Visit"), tr("Target"),
                                            tr("Window"), tr("Status")))
        # the report due comes second: at 1366 px the last columns scroll out of sight
        self.serious = _table("serious_events", (tr("Subject"), tr("SAE report"),
                                                 tr("Adverse event"), tr("Start"),
                                                 tr("Outcome")))
        for box_title, table, share in ((tr("Visits in window, due or overdue"), self.visits, 5),
                                        (tr("Serious adverse events"), self.serious, 4)):
            box = QGroupBox(box_title)
            QVBoxLayout(box).addWidget(table)
            row.addWidget(box, share)
            table.setAccessibleName(box_title)
            table.cellDoubleClicked.connect(
                lambda r, _c, t=table: self.open_subject.emit(t.item(r, 0).text()))
            # Enter on a row opens the subject, as a double-click does
            table.cellActivated.connect(
                lambda r, _c, t=table: self.open_subject.emit(t.item(r, 0).text()))
        from .outcomes_view import OutcomesBox

        self.outcomes = OutcomesBox()
        self.outcomes.open_subject.connect(self.open_subject.emit)
        row.addWidget(self.outcomes, 3)  # shown while the study defines them (refresh)
        self.outcomes.setVisible(window.store.study.primary_outcomes is not None)
        split.addWidget(lists)
        charts = QGroupBox(tr("ALSFRS-R and FVC over time"))
        grid = QGridLayout(charts)
        pick = QLabel(tr("&Subject:"))
        self.subject = QComboBox()
        self.subject.setObjectName("chart_subject")
        self.subject.setAccessibleName(tr("Subject shown in the chart"))
        # 10,000 subjects: size the box for a code, not by measuring every item
        self.subject.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject.setMinimumContentsLength(8)
        self.subject.currentIndexChanged.connect(lambda _i: self._load_curve())
        pick.setBuddy(self.subject)
        # The chart (QtCharts) is created when there is a first curve to draw; until then a
        # light placeholder holds its place.
        self.chart: ProgressChart | None = None
        self.chart_placeholder = QLabel(tr("Loading…"))
        self.chart_placeholder.setObjectName("chart_placeholder")
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setStyleSheet("color: #5f6368;")
        self.chart_placeholder.setMinimumHeight(200)
        self._charted: frozenset[str] = frozenset()
        self._grid = grid
        grid.addWidget(pick, 0, 0)
        grid.addWidget(self.subject, 0, 1)
        grid.addWidget(self.updated, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(1, 1)
        grid.addWidget(self.chart_placeholder, 1, 0, 1, 3)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 360])
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        """Compute the figures again in a worker (it reads every subject's schedule)."""
        from alsdesk.dashboard import summary

        self.updated.setText(tr("Updating…"))
        # the curve on screen is read again with the figures; none chosen yet: the default
        self.main.tasks.run("dashboard", summary, on_result=self.show_summary,
                            on_error=self.main.task_failed,
                            subject=self.subject.currentText() or None)
        # an amendment may add or remove the primary outcomes
        self.outcomes.setVisible(self.main.store.study.primary_outcomes is not None)
        if self.main.store.study.primary_outcomes is not None:
            from alsdesk.safety.outcomes import outcomes

            self.main.tasks.run("outcomes", outcomes, on_result=self.outcomes.show_listing,
                                on_error=self.main.task_failed)

    def show_summary(self, data: Summary) -> None:
        self.data = data
        self.enrolled.value.setText(f"{data.enrolled} / {data.target}")
        self.progress.setRange(0, data.target)
        self.progress.setValue(min(data.enrolled, data.target))
        self.progress.setFormat(tr("{percent} % of target").format(
            percent=round(100 * data.enrolled / data.target)))
        self.due.value.setText(str(len(data.due)))
        self.due_note.setText(tr("due: opens in ≤ {days:g} days").format(
            days=data.due_ahead_days))
        self.due.setToolTip(tr("In window: the visit's window is open now. Due: its window "
                               "opens within {days:g} days (the study's "
                               "due_ahead_days).").format(days=data.due_ahead_days))
        self.overdue.value.setText(str(len(data.overdue)))
        self.overdue.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: %s;"
                                         % ("#b00020" if data.overdue else "#1b5e20"))
        self.queries.value.setText(str(data.open_queries))
        self.queries.caption.setText(tr("open query") if data.open_queries == 1
                                     else tr("open queries"))
        self.answered.setText(tr("{n} answered, to close").format(n=data.answered_queries)
                              if data.answered_queries else tr("none answered, to close"))
        self.queries.setToolTip(tr("Open: waiting for the site's answer. Answered: waiting for "
                                   "the monitor to close them."))
        self.sae.value.setText(str(len(data.serious)))
        self._visits(list(data.overdue) + list(data.due))
        self._serious(data.serious, data.sae)
        # chosen while the figures were computed: keep it (its curve is read below)
        current = self.subject.currentText()
        self._charted = frozenset(data.charted)
        self.subject.blockSignals(True)
        self.subject.clear()
        self.subject.addItems(data.charted)
        kept = current in self._charted and current != data.shown
        self.subject.setCurrentText(current if kept else (data.shown or ""))
        self.subject.blockSignals(False)
        if kept:
            self._load_curve()
        else:
            self._draw(data.shown or "", data.curve)
        self.updated.setText(tr("Updated {now:%H:%M}").format(now=datetime.now()))

    def _visits(self, visits: list[DueVisit]) -> None:
        self.visits.setRowCount(len(visits))
        shown = {e.id: e.label for e in shown_study(self.main.store.study).events}
        for i, v in enumerate(visits):
            colour = visit_colour(v.status)
            target = moment_text(v.target, v.unit, year=v.unit is not TimeUnit.HOURS) \
                if v.target else "–"
            window = window_text(v.window_start, v.window_end, v.unit)
            for j, text in enumerate((v.subject, short_label(shown.get(v.event_id, v.label)),
                                      target, window,
                                      v.status.shown)):
                item = QTableWidgetItem(text)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.visits.setItem(i, j, item)

    def _serious(self, events: Sequence[SeriousEvent], clocks: Sequence[SaeClock]) -> None:
        """Each serious event with the report it needs next (the core's words), overdue ones
        red and due ones amber; the tile says how many reports are overdue."""
        from .sae_view import report_colour

        by_entry = {c.instance_id: c for c in clocks}
        self.serious.setRowCount(len(events))
        for i, e in enumerate(events):
            clock = by_entry.get(e.instance_id)
            pending = clock.pending if clock else ()
            report = pending[0].short if pending else (tr("reports up to date") if clock else "")
            colour = report_colour(pending[0].state) if pending else None
            for j, text in enumerate((e.subject, report, e.term, e.start, e.outcome)):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join(r.text for r in clock.reports) if clock else text)
                if colour is not None and j == 1:
                    item.setBackground(QBrush(colour))
                self.serious.setItem(i, j, item)
        late = sum(c.overdue for c in clocks)
        due = sum(1 for c in clocks if c.pending and not c.overdue)
        words = [(tr("{n} report OVERDUE") if late == 1 else tr("{n} reports OVERDUE"))
                 .format(n=late)] if late else []
        words += [tr("{n} due").format(n=due)] if due else []
        self.sae_note.setText(", ".join(words) if words else tr("no SAE report due"))
        self.sae_note.setStyleSheet("color: #b00020; font-weight: bold;" if late
                                    else "color: #5f6368;")

    def _load_curve(self) -> None:
        """Read and draw the chosen subject's curve: one small query, so in the GUI thread."""
        from alsdesk.dashboard import progression

        code = self.subject.currentText()
        points = progression(self.main.store, code) if code in self._charted else []
        self._draw(code, points)

    def _draw(self, code: str, points: Sequence[ProgressPoint]) -> None:
        if self.chart is None and not points:
            self.chart_placeholder.setText(
                tr("No subject has ALSFRS-R or FVC data yet") if not self._charted else
                tr("Subject {code}: no dated visit with ALSFRS-R or FVC yet").format(code=code))
            return
        if self.chart is None:
            from .charts import ProgressChart

            self.chart = ProgressChart()
            self._grid.removeWidget(self.chart_placeholder)
            self.chart_placeholder.hide()
            self._grid.addWidget(self.chart, 1, 0, 1, 3)
            self.chart.show()  # a widget added to a page already on screen stays hidden
        title = tr("Subject {code}").format(code=code) if points else (
            tr("Subject {code}: no dated visit with ALSFRS-R or FVC yet").format(code=code)
            if code else tr("No subject with data yet"))
        self.chart.show_points(title, points)
