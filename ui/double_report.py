"""View > Double data entry…: the report of alsdesk.double_report on screen, with Print and
CSV, and the forms waiting for their second entry or their resolution, opened by Enter.

The figures are the core's; the dialog only lays them out, as the PDF and the CSV do.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout,
)

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from .fmt import local_time, row_list
from .i18n import shown as shown_study

if TYPE_CHECKING:
    from alsdesk.double_report import Report, Tally, Waiting
    from .main_window import MainWindow

__all__ = ["DoubleReportDialog", "open_double_report"]


def _table(name: str, headers: Sequence[str], stretch: int = 0) -> QTableWidget:
    table = row_list(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    if rows:  # Enter opens the row under the keyboard: there is one from the start
        table.setCurrentCell(0, 0)
    for i, cells in enumerate(rows):
        for j, value in enumerate(cells):
            item = QTableWidgetItem(str(value))
            if j and isinstance(value, (int, float)) or str(value)[:1].isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(i, j, item)


def _rate(t: "Tally") -> str:
    return f"{t.rate:,.1f}" if t.fields else "–"


class DoubleReportDialog(QDialog):
    """Tabs: awaiting second entry, to resolve, by form, by subject, by user."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.main = window
        self.setObjectName("double_report_dialog")
        self.setWindowTitle(tr("Double data entry"))
        self.resize(940, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("double_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("double_tabs")
        place = [tr("Subject"), tr("Visit"), tr("Form"), tr("First keyed by")]
        self.awaiting = _table("double_awaiting", place + [tr("Last saved")], 4)
        self.unresolved = _table("double_unresolved",
                                 place + [tr("Second keyed by"), tr("To resolve")], 5)
        counts = [tr("Awaiting second entry"), tr("Keyed twice"), tr("Fields compared"),
                  tr("Differences"), tr("Resolved"), tr("To resolve"), tr("Per 10,000"),
                  tr("Withdrawn")]
        self.by_form = _table("double_by_form", [tr("Form")] + counts)
        self.by_subject = _table("double_by_subject", [tr("Subject")] + counts)
        self.by_user = _table("double_by_user", [tr("User"), tr("Forms keyed"),
                                                 tr("Fields keyed"), tr("Their errors"),
                                                 tr("Per 10,000"), tr("Withdrawn")])
        for table, title in ((self.awaiting, tr("&1 Awaiting second entry")),
                             (self.unresolved, tr("&2 To resolve")),
                             (self.by_form, tr("&3 By form")),
                             (self.by_subject, tr("&4 By subject")),
                             (self.by_user, tr("&5 By user"))):
            table.setAccessibleName(title.replace("&", ""))
            self.tabs.addTab(table, title)
        self.awaiting.activated.connect(lambda index: self._open(self.awaiting_rows, index))
        self.unresolved.activated.connect(lambda index: self._open(self.unresolved_rows,
                                                                   index))
        layout.addWidget(self.tabs, 1)
        hint = QLabel(tr("Enter on a form of the first two tabs opens it: its second entry, "
                         "or its differences to resolve."))
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(tr("&Print…"))
        self.print_button.setObjectName("double_print")
        self.print_button.clicked.connect(self.print_report)
        self.csv_button = QPushButton(tr("Export &CSV…"))
        self.csv_button.setObjectName("double_csv")
        self.csv_button.clicked.connect(self.export_csv)
        for b in (self.print_button, self.csv_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.awaiting_rows: list["Waiting"] = []
        self.unresolved_rows: list["Waiting"] = []

    def refresh(self) -> None:
        """Count again in a worker (every form of the study is read: not on the GUI thread)."""
        from alsdesk.double_report import report
        from .tasks import Session

        # as the window's user (the report needs a role that views data)
        self.main.tasks.run("double_report", report, on_result=self.show_report,
                            on_error=self.main.task_failed, session=Session.of(self.main.store))

    def show_report(self, rep: "Report") -> None:
        study = shown_study(self.main.store.study)
        t = rep.total
        self.summary.setText(tr(
            "Keyed twice: {keyed} form(s), {fields} fields compared, {diff} difference(s) "
            "({rate} per 10,000 fields), {resolved} resolved, {open} to resolve. Awaiting "
            "their second entry: {waiting} form(s).").format(
                keyed=t.keyed, fields=t.fields, diff=t.differences, rate=_rate(t),
                resolved=t.resolved, open=t.open, waiting=t.awaiting)
            + ("" if any(f.double_entry for f in study.forms.values()) else " " + tr(
                "No form of the study definition in force is keyed twice.")))
        self.awaiting_rows, self.unresolved_rows = rep.awaiting, rep.unresolved

        def place(w: "Waiting") -> list[object]:
            event, form = study.event(w.event), study.form(w.form)
            return [w.subject, event.label + (f" {w.event_repeat}" if event.repeating else ""),
                    form.label + (f" {w.repeat}" if form.repeating else ""),
                    ", ".join(w.first_by)]

        _fill(self.awaiting, [place(w) + [local_time(w.since)] for w in rep.awaiting])
        _fill(self.unresolved, [place(w) + [w.second_by or "", w.open]
                                for w in rep.unresolved])
        labels = {f.id: f.label for f in study.forms.values()}

        def counts(t: "Tally") -> list[object]:
            return [t.awaiting, t.keyed, t.fields, t.differences, t.resolved, t.open, _rate(t),
                    t.withdrawn]

        _fill(self.by_form, [[labels.get(t.name, t.name)] + counts(t) for t in rep.forms])
        _fill(self.by_subject, [[t.name] + counts(t) for t in rep.subjects])
        _fill(self.by_user, [[t.name, t.keyed, t.fields, t.errors or 0, _rate(t),
                              t.withdrawn] for t in rep.users])

    def _open(self, rows: list["Waiting"], index) -> None:
        """Enter on a waiting form: the form, which offers its second entry (blind) or, on
        the Form menu, its resolution."""
        if not 0 <= index.row() < len(rows):
            return
        w = rows[index.row()]
        self.hide()
        if self.main.open_form(w.subject, w.event, w.form, w.event_repeat, repeat=w.repeat):
            page = self.main.form_page
            if w in self.unresolved_rows and page.record is not None and \
                    self.main.store.double.resolution_refusal(page.record) is None:
                page._double("resolve")
        self.refresh()

    def print_report(self) -> None:
        from .print_actions import open_preview

        open_preview(self.main, "double-entry")

    def export_csv(self) -> None:
        from alsdesk.double_report import write_csv
        from .export_actions import documents_folder

        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export the double data entry report"),
            str(documents_folder() / "double-entry-report.csv"), tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            write_csv(self.main.store, path, force=True)  # the dialog asked about replacing
        except AlsDeskError as exc:
            self.main.prompts.error(tr("Not exported"), str(exc))
            return
        self.main.show_status(tr("Wrote {path}.").format(path=path))


def open_double_report(window: "MainWindow") -> DoubleReportDialog:
    """Open the dialog (one at a time), with the figures of now."""
    dialog = getattr(window, "double_report_dialog", None)
    if dialog is None:
        dialog = window.double_report_dialog = DoubleReportDialog(window)
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog
