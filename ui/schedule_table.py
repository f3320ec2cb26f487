"""A subject's visit schedule as a table, and the way the screen writes visit windows.

Windows of visits timed in hours are clock times ("06/OCT 11:00 – 08/OCT 11:00"): a nurse
books the 72 h visit by the hour, not by "48 h to 96 h". Windows in days are whole dates
("26/NOV – 10/DEC/2026"), as the core judges them. Dates are in the site's one format. Statuses are the core's words
(alsdesk.clinical.schedule: "due" = the window opens within the study's due_ahead_days).
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.study.model import TimeUnit
from .fmt import date_text, row_list
from .icons import visit_colour

if TYPE_CHECKING:
    from alsdesk.clinical.schedule import VisitPlan

__all__ = ["ScheduleTable", "window_text", "moment_text", "short_label"]


def short_label(label: str) -> str:
    """'Baseline (day 0, before infusion)' -> 'Baseline': the headline of an event label."""
    return label.partition(" (")[0]


def _day(moment: datetime, year: bool = True) -> str:
    return date_text(moment, year=year)  # the site's one date format (ui.fmt)


def moment_text(moment: datetime, unit: TimeUnit | None, *, year: bool = True) -> str:
    """A date for a visit in days ("03/DEC/2026"), a date and clock time for one in hours."""
    if unit is TimeUnit.HOURS:
        return f"{_day(moment, year)} {moment:%H:%M}"
    return _day(moment, year)


def window_text(start: datetime | None, end: datetime | None, unit: TimeUnit | None) -> str:
    """"06/OCT 11:00 – 08/OCT 11:00" (hours), "26/NOV – 10/DEC/2026" (days), "" without one.

    The year is written once, at the end, unless the window spans two years.
    """
    if start is None or end is None:
        return ""
    hours = unit is TimeUnit.HOURS
    if hours and start == end:
        return moment_text(start, unit, year=False)
    first = moment_text(start, unit, year=start.year != end.year)
    last = moment_text(end, unit, year=not hours or start.year != end.year)
    return f"{first} – {last}"


def _target_text(plan: VisitPlan) -> str:
    # imported here: the dashboard page uses this module and loads the core only when needed
    from alsdesk.dashboard import target_offset

    if plan.target is None:
        return "–"
    if plan.unit is TimeUnit.HOURS:
        offset = target_offset(plan)
        hours = f"{offset:g} h · " if offset is not None else ""
        return f"{hours}{moment_text(plan.target, plan.unit, year=False)}"
    return _day(plan.target)


def _done_text(plan: VisitPlan) -> str:
    if plan.done_at is None:
        return ""
    # a visit recorded with a date only has no clock time to show
    unit = None if plan.done_date_only else plan.unit
    return moment_text(plan.done_at, unit, year=unit is not TimeUnit.HOURS)


class ScheduleTable(QTableWidget):
    """Target, window and status of each planned visit; overdue rows in red."""

    # the English titles (texts() is keyed by them); shown with tr(), as the language is
    # chosen after import
    COLUMNS = (QT_TRANSLATE_NOOP("", "Visit"), QT_TRANSLATE_NOOP("", "Target"),
               QT_TRANSLATE_NOOP("", "Window"), QT_TRANSLATE_NOOP("", "Done"),
               QT_TRANSLATE_NOOP("", "Status"), QT_TRANSLATE_NOOP("", "Protocol window"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        row_list(self, "schedule", tr("Visit schedule"))
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside
        self.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.setWordWrap(False)
        self.plans: list[VisitPlan] = []

    def show_plans(self, plans: list[VisitPlan]) -> None:
        self.plans = plans
        self.setRowCount(len(plans))
        for i, p in enumerate(plans):
            texts = (short_label(p.label), _target_text(p),
                     window_text(p.window_start, p.window_end, p.unit) or "–",
                     _done_text(p), p.status.shown, p.describe_window())
            tip = f"{p.label}: {p.describe_window()}"
            colour = visit_colour(p.status)
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.setItem(i, j, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(24)

    def row_of(self, event_id: str) -> int:
        return next(i for i, p in enumerate(self.plans) if p.event_id == event_id)

    def texts(self, event_id: str) -> dict[str, str]:
        """The row of one visit, by column title (what the nurse reads)."""
        row = self.row_of(event_id)
        return {title: self.item(row, c).text() for c, title in enumerate(self.COLUMNS)}
