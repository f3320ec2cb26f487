"""A subject's visit matrix (forms x visits, each cell the form's status) and schedule."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem, QWidget,
)

from alsdesk.clinical.schedule import VisitPlan
from alsdesk.dashboard import target_offset
from alsdesk.states import FormStatus
from alsdesk.store.forms import InstanceSummary
from alsdesk.study.model import EventKind, Study, TimeUnit
from alsdesk.study.values import MONTHS
from ui.fmt import row_list
from ui.icons import status_icon, visit_colour

__all__ = ["Cell", "VisitMatrix", "ScheduleTable"]

# The least advanced status shows for a cell holding several entries.
_ORDER = [FormStatus.NOT_STARTED, FormStatus.IN_PROGRESS, FormStatus.COMPLETE,
          FormStatus.VERIFIED, FormStatus.SIGNED, FormStatus.LOCKED]


@dataclass(frozen=True)
class Cell:
    event: str
    event_repeat: int
    form: str
    entries: tuple[InstanceSummary, ...]  # stored instances (several for repeating forms)
    repeating: bool


def short_label(label: str) -> str:
    """'Baseline (day 0, before infusion)' -> 'Baseline': the headline of an event label."""
    return label.partition(" (")[0]


class VisitMatrix(QTableWidget):
    """Rows are forms, columns visits; double-click or Enter opens the form."""

    open_form = Signal(str, int, str, object)  # event, event repeat, form, repeat (None = new)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_matrix")
        self.setAccessibleName("Visit matrix: forms by visit")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setShowGrid(True)
        self.columns: list[tuple[str, int]] = []
        self.cellActivated.connect(self._activate)
        self.cellDoubleClicked.connect(self._activate)

    def show_subject(self, study: Study, instances: list[InstanceSummary],
                     restricted_forms: set[str]) -> None:
        """Fill the matrix from the study's visits and the subject's stored instances."""
        by_place: dict[tuple[str, int, str], list[InstanceSummary]] = {}
        repeats: dict[str, set[int]] = {}
        for inst in instances:
            by_place.setdefault((inst.event, inst.event_repeat, inst.form), []).append(inst)
            repeats.setdefault(inst.event, set()).add(inst.event_repeat)
        visits = [e for e in study.events if e.kind is EventKind.VISIT]
        self.columns = []
        headers = []
        for ev in visits:
            numbers = sorted(repeats.get(ev.id, ())) if ev.repeating else [1]
            for n in numbers:
                self.columns.append((ev.id, n))
                headers.append((short_label(ev.label) + (f" {n}" if ev.repeating else ""),
                                ev.label))
        forms: list[str] = []
        for ev in visits:
            forms.extend(f for f in ev.forms if f not in forms)
        self.clear()
        self.setRowCount(len(forms))
        self.setColumnCount(len(self.columns))
        for c, (text, full) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(full)
            self.setHorizontalHeaderItem(c, item)
        self.setVerticalHeaderLabels([study.form(f).label for f in forms])
        for r, form_id in enumerate(forms):
            fdef = study.form(form_id)
            for c, (event_id, n) in enumerate(self.columns):
                if form_id not in study.event(event_id).forms:
                    item = QTableWidgetItem("")
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setBackground(QBrush(QColor("#f1f3f4")))
                    self.setItem(r, c, item)
                    continue
                entries = tuple(i for i in by_place.get((event_id, n, form_id), [])
                                if i.status is not FormStatus.DELETED)
                self.setItem(r, c, self._item(Cell(event_id, n, form_id, entries,
                                                   fdef.repeating), form_id in restricted_forms))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(70)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)

    def _item(self, cell: Cell, restricted: bool) -> QTableWidgetItem:
        if cell.repeating:
            status = min((e.status for e in cell.entries), key=_ORDER.index,
                         default=FormStatus.NOT_STARTED)
            n = len(cell.entries)
            text = f"{n} entr{'y' if n == 1 else 'ies'}" if n else "none yet"
        else:
            status = cell.entries[0].status if cell.entries else FormStatus.NOT_STARTED
            text = status.value
        if restricted:
            text = "restricted"
        item = QTableWidgetItem(status_icon(status), text)
        item.setData(Qt.ItemDataRole.UserRole, cell)
        item.setToolTip(f"{text} — double-click or Enter to open")
        if restricted or status is FormStatus.NOT_STARTED:
            item.setForeground(QBrush(QColor("#80868b")))
        return item

    def cell_at(self, event: str, form: str, event_repeat: int = 1) -> Cell:
        c = self.columns.index((event, event_repeat))
        for r in range(self.rowCount()):
            cell = self.item(r, c).data(Qt.ItemDataRole.UserRole)
            if cell is not None and cell.form == form:
                return cell
        raise KeyError((event, form))

    def text_at(self, event: str, form: str, event_repeat: int = 1) -> str:
        c = self.columns.index((event, event_repeat))
        for r in range(self.rowCount()):
            item = self.item(r, c)
            cell = item.data(Qt.ItemDataRole.UserRole)
            if cell is not None and cell.form == form:
                return item.text()
        raise KeyError((event, form))

    def select_event(self, event: str, event_repeat: int = 1) -> None:
        if (event, event_repeat) in self.columns:
            c = self.columns.index((event, event_repeat))
            self.setCurrentCell(max(0, self.currentRow()), c)
            self.scrollToItem(self.item(max(0, self.currentRow()), c))

    def current_event(self) -> tuple[str, int] | None:
        c = self.currentColumn()
        return self.columns[c] if 0 <= c < len(self.columns) else None

    def _activate(self, row: int, column: int) -> None:
        item = self.item(row, column)
        cell: Cell | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        if cell is None:
            return
        if not cell.repeating:
            self.open_form.emit(cell.event, cell.event_repeat, cell.form, 1)
            return
        if not cell.entries:
            self.open_form.emit(cell.event, cell.event_repeat, cell.form, None)
            return
        menu = self.entries_menu(cell)
        menu.exec(self.viewport().mapToGlobal(self.visualItemRect(item).center() + QPoint(0, 8)))

    def entries_menu(self, cell: Cell) -> QMenu:
        """For a cell with several entries: open one of them, or add a new one."""
        menu = QMenu(self)
        for e in cell.entries:
            menu.addAction(status_icon(e.status), f"Entry {e.repeat}: {e.status.value}",
                           lambda r=e.repeat: self.open_form.emit(cell.event, cell.event_repeat,
                                                                  cell.form, r))
        menu.addSeparator()
        menu.addAction("New entry", lambda: self.open_form.emit(cell.event, cell.event_repeat,
                                                                cell.form, None))
        return menu


def _day(moment: datetime) -> str:
    return f"{moment.day:02d} {MONTHS[moment.month - 1].title()} {moment.year}"


def _window_text(plan: VisitPlan) -> str:
    """Hour windows in hours (the core's words); day windows as first and last date."""
    words = plan.describe_window()
    if plan.window_start is None or plan.window_end is None or plan.unit is TimeUnit.HOURS:
        return words.replace(" after infusion", "")
    return f"{_day(plan.window_start)[:6]} – {_day(plan.window_end)}"


def _target_text(plan: VisitPlan) -> str:
    if plan.target is None:
        return "after the infusion" if plan.window is not None and plan.window_start is None \
            and plan.unit is not None and plan.window[0] >= 0 else "–"
    if plan.unit is TimeUnit.HOURS:
        offset = target_offset(plan)
        hours = f"{offset:g} h · " if offset is not None else ""
        return f"{hours}{_day(plan.target)[:6]} {plan.target:%H:%M}"
    return _day(plan.target)


class ScheduleTable(QTableWidget):
    """Target date, window and status of each planned visit; overdue rows in red."""

    COLUMNS = ("Visit", "Target", "Window", "Done", "Status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        row_list(self, "schedule", "Visit schedule")
        self.setHorizontalHeaderLabels(self.COLUMNS)
        self.setWordWrap(False)
        self.plans: list[VisitPlan] = []

    def show_plans(self, plans: list[VisitPlan]) -> None:
        self.plans = plans
        self.setRowCount(len(plans))
        for i, p in enumerate(plans):
            done = ""
            if p.done_at is not None:  # the hour matters only for visits timed in hours
                done = f"{_day(p.done_at)[:6]} {p.done_at:%H:%M}" \
                    if p.unit is TimeUnit.HOURS and not p.done_date_only else _day(p.done_at)
            texts = (short_label(p.label), _target_text(p), _window_text(p), done,
                     p.status.value)
            tip = f"{p.label}: {p.describe_window()}"
            if p.window_start is not None and p.window_end is not None:
                tip += f" ({p.window_start:%Y-%m-%d %H:%M} to {p.window_end:%Y-%m-%d %H:%M})"
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
