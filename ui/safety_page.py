"""View > Safety tables…: the tables of alsdesk.safety.tables on screen, with Print and CSV.

The numbers are the core's (read in a worker); the dialog only lays them out, as the PDF
and the CSV export do with the same rows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout,
)

from alsdesk.i18n import tr
from .fmt import row_list

if TYPE_CHECKING:
    from alsdesk.safety.tables import SafetyTables, TermRow
    from .main_window import MainWindow

__all__ = ["SafetyDialog", "open_safety"]

_BAND = QColor("#ececec")


def _table(name: str, headers: Sequence[str], stretch: int = 0) -> QTableWidget:
    table = row_list(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[list, bool]]) -> None:
    """Rows of cells; a bold, shaded row for a total or a system organ class."""
    table.setRowCount(len(rows))
    bold = QFont(table.font())
    bold.setBold(True)
    for i, (cells, strong) in enumerate(rows):
        for j, value in enumerate(cells):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int) or (isinstance(value, str) and value[:1].isdigit()):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if strong:
                item.setFont(bold)
                item.setBackground(QBrush(_BAND))
            table.setItem(i, j, item)


class SafetyDialog(QDialog):
    """Five tables in tabs: by SOC and term, serious, relationship, related, per subject."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.main = window
        self.setObjectName("safety_dialog")
        self.setWindowTitle(tr("Safety tables"))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        self.population = QLabel(tr("Counting…"))
        self.population.setObjectName("safety_population")
        self.population.setWordWrap(True)
        layout.addWidget(self.population)
        self.note = QLabel("")
        self.note.setObjectName("safety_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.note)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("safety_tabs")
        from alsdesk.safety.tables import grade_header

        terms = [tr("System organ class / term"), tr("Subjects n (%)"), tr("Events")]
        terms += [tr("Worst {grade}").format(grade=g) for g in grade_header()]
        self.by_term = _table("safety_by_term", terms)
        self.serious = _table("safety_serious", terms)
        self.relationship = _table("safety_relationship",
                                   (tr("Relationship"), tr("Subjects n (%)"), tr("Events")))
        self.related = _table("safety_related", terms)
        self.subjects = _table("safety_subjects", (tr("Subject"), tr("Events"),
                                                   tr("Worst grade"), tr("Serious"),
                                                   tr("Related"), tr("Terms (grade)")), 5)
        for table, title in ((self.by_term, tr("&1 By SOC and term")),
                             (self.serious, tr("&2 Serious")),
                             (self.relationship, tr("&3 By relationship")),
                             (self.related, tr("&4 Related by SOC and term")),
                             (self.subjects, tr("&5 Per subject"))):
            table.setAccessibleName(title.replace("&", ""))
            self.tabs.addTab(table, title)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(tr("&Print…"))
        self.print_button.setObjectName("safety_print")
        self.print_button.clicked.connect(self.print_tables)
        self.csv_button = QPushButton(tr("Export &CSV…"))
        self.csv_button.setObjectName("safety_csv")
        self.csv_button.clicked.connect(self.export_csv)
        for b in (self.print_button, self.csv_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.data: SafetyTables | None = None

    def refresh(self) -> None:
        """Count again in a worker."""
        from alsdesk.safety.tables import safety_tables

        self.main.tasks.run("safety_tables", safety_tables, on_result=self.show_tables,
                            on_error=self.main.task_failed)

    def show_tables(self, t: "SafetyTables") -> None:
        from alsdesk.safety.tables import as_cells, excluded_text, percent

        self.data = t
        self.population.setText(t.population_text)
        notes = [tr("{n} adverse events of the subjects infused, from consent on "
                    "({before} began before the infusion).").format(
                        n=len(t.events), before=t.before_infusion) if t.before_infusion
                 else tr("{n} adverse events of the subjects infused, from consent on.").format(
                     n=len(t.events))]
        if t.excluded:
            notes.append(excluded_text(t.excluded))
        notes.append(tr("Worst: subjects counted once per row under their highest grade. "
                        "Related: {codes}.").format(codes=", ".join(t.related_codes)))
        self.note.setText(" ".join(notes))
        for table, rows in ((self.by_term, t.by_term), (self.serious, t.serious),
                            (self.related, t.related)):
            _fill(table, [(self._term_cells(r, t.population, as_cells), r.term is None)
                          for r in rows])
        _fill(self.relationship, [([r.label, percent(r.subjects, t.population), r.events],
                                   r.code == "RELATED") for r in t.by_relationship])
        _fill(self.subjects, [([r.subject, r.events, "–" if r.worst is None else r.worst,
                                r.serious, r.related, r.terms or tr("no adverse event")], False)
                              for r in t.subjects])

    @staticmethod
    def _term_cells(row: "TermRow", n: int, as_cells) -> list:
        soc, term, *rest = as_cells(row, n)
        return [soc if row.term is None else "    " + term, *rest]

    def print_tables(self) -> None:
        from .print_actions import open_preview

        open_preview(self.main, "safety")

    def export_csv(self) -> None:
        opener = getattr(self.main, "open_export_dialog", None)
        if opener is not None:
            opener("safety")


def open_safety(window: "MainWindow") -> SafetyDialog:
    """Open the dialog (one at a time) and count."""
    dialog = getattr(window, "safety_dialog", None)
    if dialog is None:
        dialog = window.safety_dialog = SafetyDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.refresh()
    return dialog
