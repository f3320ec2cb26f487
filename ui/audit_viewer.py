"""Administration > Audit trail: the whole trail, filtered, newest first, exported to CSV.

The rows come from alsdesk.audit_query a page at a time (the table model fetches the next
page as the view scrolls to it), so a trail of 100,000 rows opens as fast as one of 100. Who
may see it, which values are restricted and what the CSV holds are the core's decisions; the
export runs in a worker and is audited by the core. Times are shown in local time, the UTC
time stamp as stored is the cell's tool tip; values are shown exactly as stored.

Filter mnemonics avoid the menu bar's letters (F, O, V, A, H): Subject (S), Form (R),
Field (D), User (U), Action (C), From (M), To (T), Clear (L), Export (X).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from alsdesk import audit_query as aq
from alsdesk.audit_query import AuditEntry, AuditFilter
from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.permissions import role_refusal
from .fmt import gate, local_time, row_list
from .tasks import Session, run_task

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from .main_window import MainWindow

__all__ = ["AuditModel", "AuditViewer", "open_viewer", "COLUMNS", "run_audit_export"]

COLUMNS = (QT_TRANSLATE_NOOP("", "Time"), QT_TRANSLATE_NOOP("", "User"),
           QT_TRANSLATE_NOOP("", "Role"), QT_TRANSLATE_NOOP("", "Action"),
           QT_TRANSLATE_NOOP("", "Subject"), QT_TRANSLATE_NOOP("", "Event"),
           QT_TRANSLATE_NOOP("", "Form"), QT_TRANSLATE_NOOP("", "Field"),
           QT_TRANSLATE_NOOP("", "Old → new"), QT_TRANSLATE_NOOP("", "Reason"))


def _place(name: str | None, repeat: int | None) -> str:
    if name is None:
        return ""
    return name if repeat in (None, 1) else f"{name} #{repeat}"


def _change(e: AuditEntry) -> str:
    if e.old_value is None:
        return e.new_value or ""
    return f"{e.old_value} → {'' if e.new_value is None else e.new_value}"


def cells(e: AuditEntry) -> tuple[str, ...]:
    """The row's texts in COLUMNS order (values as stored, time in local time)."""
    return (local_time(e.ts), e.user_id or "", e.role or "", e.action, e.subject or "",
            _place(e.event, e.event_repeat), _place(e.form, e.repeat), e.field or "",
            _change(e), e.reason or "")


class AuditModel(QAbstractTableModel):
    """The filtered trail; the view asks for more rows as it scrolls (canFetchMore)."""

    def __init__(self, store: "Store", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = AuditFilter()
        self.entries: list[AuditEntry] = []
        self._next: int | None = None
        self.total = 0

    def load(self, filt: AuditFilter) -> None:
        """Start again with `filt` (the core's FilterError goes to the caller)."""
        total = aq.count(self.store, filt)
        first = aq.page(self.store, filt)
        self.beginResetModel()
        self.filter, self.total = filt, total
        self.entries, self._next = list(first.entries), first.next_before
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._next is None:
            return
        more = aq.page(self.store, self.filter, before=self._next)
        if not more.entries:
            self._next = None
            return
        start = len(self.entries)
        self.beginInsertRows(QModelIndex(), start, start + len(more.entries) - 1)
        self.entries.extend(more.entries)
        self._next = more.next_before
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells(e)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return tr("{time} (as stored, UTC) — row {row}").format(time=e.ts, row=e.seq)
            text = cells(e)[index.column()]
            return text if len(text) > 30 else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None


def run_audit_export(store, filt: AuditFilter, target: str, overwrite: bool,
                     progress=None):
    """Worker side: the core's CSV export, its progress as percent."""
    def report(done: int, total: int, text: str) -> None:
        if progress is not None:
            progress(int(100 * done / max(total, 1)), text)

    return aq.export_csv(store, filt, target, overwrite=overwrite, progress=report)


def _combo(name: str, label: str, items: list[tuple[str, str]], editable: bool) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(label)
    box.setEditable(editable)
    box.addItem("", "")
    for key, text in items:
        box.addItem(text, key)
    box.setMinimumContentsLength(8)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


def _value(box: QComboBox) -> str:
    """The key of the picked item, or the text typed when it matches none."""
    text = box.currentText().strip()
    index = box.findText(text)
    if index >= 0:
        return box.itemData(index) or ""
    return text


class AuditViewer(QDialog):
    """Filters at the top, the rows below, the row count and Export at the bottom."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.store = window.store
        self.setObjectName("audit_viewer")
        self.setWindowTitle(tr("Audit trail"))
        # inside the main window, which fits the screen (1024 x 768 and 150 % included)
        self.resize(min(1240, window.width() - 40), min(680, window.height() - 60))
        study = self.store.study
        self.subject = _combo("filter_subject", tr("Subject"), [
            (s.code, s.code) for s in self.store.subjects.list()], True)
        self.form = _combo("filter_form", tr("Form"), [
            (f.id, f"{f.label} ({f.id})") for f in study.forms.values()], False)
        self.field = _combo("filter_field", tr("Field"), [], True)
        self.user = _combo("filter_user", tr("User"), [
            (u.user_id, u.user_id) for u in self.store.users.list()], True)
        self.action = _combo("filter_action", tr("Action"), [
            (a, a) for a in (*aq.GROUPS, *aq.ACTIONS)], True)
        self.since = QLineEdit()
        self.until = QLineEdit()
        for edit, name, label in ((self.since, "filter_since", tr("From date")),
                                  (self.until, "filter_until", tr("To date"))):
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setPlaceholderText("DD/MMM/YYYY")
        grid = QGridLayout()
        for n, (text, widget) in enumerate((
                (tr("&Subject"), self.subject), (tr("Fo&rm"), self.form),
                (tr("Fiel&d"), self.field), (tr("&User"), self.user),
                (tr("A&ction"), self.action), (tr("Fro&m"), self.since),
                (tr("&To"), self.until))):
            label = QLabel(text)
            label.setBuddy(widget)
            row, col = divmod(n, 4)
            grid.addWidget(label, row, 2 * col)
            grid.addWidget(widget, row, 2 * col + 1)
            grid.setColumnStretch(2 * col + 1, 1)
        self.clear_button = QPushButton(tr("C&lear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filters)
        grid.addWidget(self.clear_button, 1, 7)
        self.model = AuditModel(self.store, self)
        self.table = row_list(QTableView(), "audit_rows", tr("Audit trail rows"))
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        time_width = self.table.fontMetrics().horizontalAdvance(
            local_time("2026-12-31T23:59:00+00:00")) + 16
        for column, width_ in enumerate((time_width, 80, 75, 120, 55, 60, 60, 85, 140)):
            header.resizeSection(column, width_)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header.setStretchLastSection(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")
        self.message = QLabel()
        self.message.setObjectName("audit_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.export_button = QPushButton(tr("E&xport CSV…"))
        self.export_button.setObjectName("export_audit")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        close = QPushButton(tr("Close"))
        close.setObjectName("close_audit")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        gate(self.export_button, role_refusal(self.store.role, Action.EXPORT),
             tr("Write the rows the filters keep to a CSV file (the export is audited)"))
        # typing waits for a pause before the trail is read again
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.apply)
        for box in (self.subject, self.field, self.user, self.action):
            box.editTextChanged.connect(lambda _t: self.timer.start())
            box.currentIndexChanged.connect(lambda _i: self.timer.start())
        self.form.currentIndexChanged.connect(self._form_changed)
        for edit in (self.since, self.until):
            edit.textChanged.connect(lambda _t: self.timer.start())
        self.apply()

    def _form_changed(self, _index: int) -> None:
        """The field list offers the chosen form's fields (any text may still be typed)."""
        form_id = self.form.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem("", "")
        if form_id:
            for f in self.store.study.form(form_id).fields:
                self.field.addItem(f"{f.label} ({f.id})", f.id)
        self.field.blockSignals(False)
        self.timer.start()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(subject=_value(self.subject), form=self.form.currentData() or "",
                           field=_value(self.field), user=_value(self.user),
                           action=_value(self.action), since=self.since.text(),
                           until=self.until.text())

    def apply(self) -> bool:
        """Read the trail again with the filters as they are; a bad filter is explained."""
        self.timer.stop()
        try:
            self.model.load(self.current_filter())
        except AlsDeskError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText("")
        total = self.model.total
        self.count_label.setText((tr("{n:,} row, newest first") if total == 1
                                  else tr("{n:,} rows, newest first")).format(n=total))
        return True

    def clear_filters(self) -> None:
        for box in (self.subject, self.form, self.field, self.user, self.action):
            box.setCurrentIndex(0)
            if box.isEditable():
                box.setEditText("")
        self.since.clear()
        self.until.clear()
        self.apply()
        self.subject.setFocus()

    # -- export --------------------------------------------------------------------------
    def _default_target(self) -> Path:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        return base / f"{self.store.study.id.lower()}-audit-{date.today():%Y-%m-%d}.csv"

    def export(self) -> None:
        """Ask where, then let the core write and audit the CSV in a worker."""
        if not self.apply():
            return  # the filters on screen are what is exported: they must be valid
        target, _ = QFileDialog.getSaveFileName(self, tr("Export the audit trail"),
                                                str(self._default_target()), tr("CSV (*.csv)"))
        if not target:
            return
        self.export_button.setEnabled(False)
        self.message.setText("")
        self.count_label.setText(tr("Exporting…"))
        # the file dialog asked before replacing an existing file
        run_task(run_audit_export, self.model.filter, target, Path(target).exists(),
                 db_path=self.window_.db_path, study=self.store.study,
                 session=Session.of(self.store), readonly=False,
                 on_result=self._exported, on_error=self._failed,
                 on_progress=lambda pct, text: self.count_label.setText(
                     tr("Exporting… {percent} %").format(percent=pct)))

    def _exported(self, result) -> None:
        self.export_button.setEnabled(True)
        self.apply()  # the export's own audit row is now in the trail
        self.window_.show_status(result.text())
        self.window_.prompts.info(tr("Audit trail"), result.text() + ".")

    def _failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self.apply()
        text = str(exc) if isinstance(exc, AlsDeskError) else f"{type(exc).__name__}: {exc}"
        self.message.setText(text)
        self.window_.prompts.error(tr("Audit trail"), text)


def open_viewer(window: "MainWindow") -> AuditViewer | None:
    """Administration > Audit trail…: modal to the window, the cursor in the first filter."""
    refusal = role_refusal(window.store.role, Action.REVIEW_AUDIT)
    if refusal is not None:
        window.prompts.error(tr("Audit trail"), refusal)
        return None
    dialog = AuditViewer(window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.audit_viewer = dialog
    dialog.show()
    dialog.activateWindow()  # its Alt+letter keys work at once
    dialog.subject.setFocus()
    return dialog
