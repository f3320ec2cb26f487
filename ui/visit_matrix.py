"""A subject's visit matrix: forms x visits, each cell the form's status and its queries.

Keyboard: arrows move between cells, Enter opens the form, Tab leaves the table (a table
that kept Tab for its cells would trap a nurse who works without the mouse).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem, QWidget,
)

from alsdesk.clinical.schedule import VisitPlan
from alsdesk.i18n import tr
from alsdesk.overview import QueryFlag
from alsdesk.states import FormStatus
from alsdesk.store.forms import InstanceSummary
from alsdesk.study.model import EventKind, Study
from alsdesk.store.double import State
from .icons import status_icon
from .schedule_table import short_label, window_text

__all__ = ["Cell", "VisitMatrix", "FLAG"]

FLAG = "\u2691"  # the flag a cell with a pending query carries, before the count
_OPEN_COLOUR = QColor("#b00020")

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
    queries: QueryFlag = QueryFlag()  # open and answered queries on this form


class VisitMatrix(QTableWidget):
    """Rows are forms, columns visits; double-click or Enter opens the form."""

    open_form = Signal(str, int, str, object)  # event, event repeat, form, repeat (None = new)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_matrix")
        self.setAccessibleName(tr("Visit matrix: forms by visit"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setShowGrid(True)
        self.columns: list[tuple[str, int]] = []
        self._double: Mapping[int, State] = {}  # forms keyed twice waiting (show_subject)
        self.cellActivated.connect(self._activate)
        self.cellDoubleClicked.connect(self._activate)

    def show_subject(self, study: Study, instances: list[InstanceSummary],
                     restricted_forms: set[str],
                     queries: Mapping[tuple[str, int, str], QueryFlag] | None = None,
                     double: Mapping[int, State] | None = None) -> None:
        """Fill the matrix from the study's visits, the subject's stored instances, the
        queries not closed (overview.query_flags) and the forms keyed twice that wait for
        their second entry or a resolution (store.double.pending)."""
        queries = queries or {}
        self._double = double or {}
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
                flag = queries.get((event_id, n, form_id), QueryFlag())
                self.setItem(r, c, self._item(Cell(event_id, n, form_id, entries,
                                                   fdef.repeating, flag),
                                              form_id in restricted_forms))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(70)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)

    def describe_visits(self, plans: Sequence[VisitPlan]) -> None:
        """Each visit's column title tells its window and status (the Schedule tab's row)."""
        by_event = {p.event_id: p for p in plans}
        for c, (event_id, _n) in enumerate(self.columns):
            plan, item = by_event.get(event_id), self.horizontalHeaderItem(c)
            if plan is None or item is None:
                continue
            window = window_text(plan.window_start, plan.window_end, plan.unit)
            item.setToolTip(f"{plan.label}: {window or plan.describe_window()} "
                            f"({plan.status.shown})")

    def _item(self, cell: Cell, restricted: bool) -> QTableWidgetItem:
        if cell.repeating:
            status = min((e.status for e in cell.entries), key=_ORDER.index,
                         default=FormStatus.NOT_STARTED)
            n = len(cell.entries)
            text = (tr("{n} entry") if n == 1 else tr("{n} entries")).format(n=n) if n \
                else tr("none yet")
        else:
            status = cell.entries[0].status if cell.entries else FormStatus.NOT_STARTED
            text = status.shown
            waits = self._double.get(
                cell.entries[0].instance_id if cell.entries else None)
            if waits is not None:  # keyed twice from paper: what it waits for
                text += " · " + (tr("2nd entry due") if waits is State.AWAITING
                                 else tr("to resolve"))
        if restricted:
            text = tr("restricted")
        flag = cell.queries
        spoken = f"{text}, {flag.text}" if flag.text else text
        if flag.text:
            # open queries need the site (red); answered ones wait for the monitor
            text += f"  {FLAG} {flag.open or flag.answered}"
        item = QTableWidgetItem(status_icon(status), text)
        item.setData(Qt.ItemDataRole.UserRole, cell)
        item.setToolTip(tr("{spoken} — double-click or Enter to open").format(spoken=spoken))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        if flag.open:
            item.setForeground(QBrush(_OPEN_COLOUR))
        elif restricted or status is FormStatus.NOT_STARTED:
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
            menu.addAction(status_icon(e.status),
                           tr("Entry {n}: {status}").format(n=e.repeat, status=e.status.shown),
                           lambda r=e.repeat: self.open_form.emit(cell.event, cell.event_repeat,
                                                                  cell.form, r))
        menu.addSeparator()
        menu.addAction(tr("New entry"), lambda: self.open_form.emit(cell.event, cell.event_repeat,
                                                                cell.form, None))
        return menu
