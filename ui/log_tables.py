"""The running logs of a subject (adverse events, medications, deviations) as tables."""
from __future__ import annotations

import textwrap

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from alsdesk import datefmt
from alsdesk.i18n import tr
from alsdesk.states import FormStatus
from alsdesk.store.forms import FormRecord
from alsdesk.study.model import Form
from .fmt import gate, row_list, site_format
from .icons import status_icon

__all__ = ["LogTable"]


def summary_fields(form: Form) -> list[str]:
    """The columns of a log table: fields that always apply (no visibility condition)."""
    return [f.id for f in form.fields if f.visible is None and not f.identifier]


class LogTable(QWidget):
    """One log: a row per entry, Add and Open buttons; serious events stand out."""

    open_entry = Signal(str, object)  # form id, repeat (None = a new entry)

    def __init__(self, form: Form, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName(f"log_{form.id}")
        self.columns = summary_fields(form)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add {label}…").format(label=form.label.lower()))
        self.add_button.setObjectName(f"add_{form.id}")
        self.add_button.clicked.connect(lambda: self.open_entry.emit(form.id, None))
        self.open_button = QPushButton(tr("Open / edit"))
        self.open_button.setObjectName(f"open_{form.id}")
        self.open_button.clicked.connect(self._open_current)
        self.note = QLabel()
        self.note.setStyleSheet("color: #b00020;")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.note, 1)
        layout.addLayout(buttons)
        self.table = row_list(QTableWidget(0, len(self.columns) + 2), f"table_{form.id}",
                              tr("{label} log").format(label=form.label))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside
        # long questions as column titles wrap onto short lines, so the columns stay narrow
        self.table.setHorizontalHeaderLabels(
            ["#", tr("Status")] + [textwrap.fill(form.field(c).label, 22) for c in self.columns])
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(130)
        header.setMaximumSectionSize(240)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._open_row(r))
        self.table.cellActivated.connect(lambda r, _c: self._open_row(r))
        layout.addWidget(self.table)
        self.repeats: list[int] = []

    def show_entries(self, records: list[FormRecord], serious: set[int],
                     add_refusal: str | None) -> None:
        """Fill the table; `serious` holds instance ids the core counts as serious events."""
        gate(self.add_button, add_refusal,
             tr("Add an entry to the {label} log").format(label=self.form.label.lower()))
        self.repeats = [r.repeat for r in records]
        self.table.setRowCount(len(records))
        bold = QFont()
        bold.setBold(True)
        for i, rec in enumerate(records):
            deleted = rec.status is FormStatus.DELETED
            texts = [str(rec.repeat), rec.status.shown] + [
                datefmt.shown_value(self.form.field(c), rec.values.get(c), site_format())
                or (rec.missing.get(c) or "") for c in self.columns]
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if j == 1:
                    item.setIcon(status_icon(rec.status))
                if rec.instance_id in serious:
                    item.setBackground(QBrush(QColor("#fde0e0")))
                    item.setFont(bold)
                if deleted:
                    item.setForeground(QBrush(QColor("#9aa0a6")))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        n = len(serious)
        self.note.setText(tr("{n} serious").format(n=n) if n else "")
        self.open_button.setEnabled(bool(records))

    def _open_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 and self.repeats:
            row = 0
        if row >= 0:
            self._open_row(row)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.repeats):
            self.open_entry.emit(self.form.id, self.repeats[row])

    def row_texts(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]

    def column_of(self, field_id: str) -> int:
        return self.columns.index(field_id) + 2

    def is_highlighted(self, row: int) -> bool:
        return self.table.item(row, 0).font().bold()

