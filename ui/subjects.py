"""The subject list: a table model over the core, sortable, filtered as you type."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from alsdesk import overview
from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, ascii_digits, tr
from alsdesk.permissions import role_refusal
from .fmt import gate, row_list

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from .main_window import MainWindow

__all__ = ["SubjectRow", "SubjectsModel", "SubjectsPage", "subject_rows"]

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SubjectRow:
    code: str
    number: int
    initials: str
    status: str
    next_visit: str


def subject_rows(store: "Store") -> list[SubjectRow]:
    """Each subject with status and next visit (run in a worker: it reads every schedule)."""
    next_visits = overview.next_visit_texts(store)
    return [SubjectRow(s.code, s.number, s.initials or "", s.status.shown,
                       next_visits.get(s.code, ""))
            for s in store.subjects.list()]


class SubjectsModel(QAbstractTableModel):
    # "Next visit", not "due": the column shows the next visit whatever its status, and
    # "due" means only what the schedule says (its window opens within due_ahead_days)
    # shown with tr() (headerData): the language is chosen after import
    HEADERS = (QT_TRANSLATE_NOOP("", "Subject"), QT_TRANSLATE_NOOP("", "Initials"),
               QT_TRANSLATE_NOOP("", "Status"), QT_TRANSLATE_NOOP("", "Next visit"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SubjectRow] = []
        # Lower-case text the filter matches (code, status, next visit), one per row, made
        # once per load: filtering 10,000 rows must not call data() for every cell.
        self.haystacks: list[str] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[SubjectRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.haystacks = [f"{r.code} {r.status} {r.next_visit}".lower() for r in self.rows]
        self.endResetModel()
        if self.sorted_by is not None:
            self.sort(*self.sorted_by)

    _SORT_KEYS = (lambda r: r.number, lambda r: r.initials, lambda r: r.status,
                  lambda r: r.next_visit)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python once, instead of Qt calling data() n log n times."""
        if not 0 <= column < len(self._SORT_KEYS):
            return
        self.sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        pairs = sorted(zip(self.rows, self.haystacks), key=lambda p: self._SORT_KEYS[column](p[0]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [p[0] for p in pairs]
        self.haystacks = [p[1] for p in pairs]
        self.layoutChanged.emit()

    def rowCount(self, parent: _Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.code, row.initials, row.status, row.next_visit)[index.column()]
        if role == Qt.ItemDataRole.UserRole:  # sort key: numbers as numbers
            return (row.number, row.initials, row.status, row.next_visit)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and "overdue" in row.next_visit \
                and index.column() == 3:
            return Qt.GlobalColor.red
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None


class SubjectFilter(QSortFilterProxyModel):
    """Matches the typed text against code, status and next visit (any of them)."""

    COLUMNS = (0, 2, 3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        """Show the rows holding every word of `text` (any case, any of the columns)."""
        self.beginFilterChange()
        self.words = text.lower().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        words = self.words
        if not words:
            return True
        haystack = self.sourceModel().haystacks[source_row]
        return all(w in haystack for w in words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's (one Python sort); the proxy keeps its order."""
        self.sourceModel().sort(column, order)


class SubjectsPage(QWidget):
    """The list of subjects with a filter box and the New subject button."""

    open_subject = Signal(str)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.main = window
        self.setObjectName("subjects_page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        bar = QHBoxLayout()
        label = QLabel(tr("Fil&ter:"))  # Alt+F is the File menu; Ctrl+F comes here too
        self.filter = QLineEdit()
        self.filter.setObjectName("subject_filter")
        self.filter.setAccessibleName(tr("Filter subjects by code, status or next visit"))
        self.filter.setPlaceholderText(tr("subject code, status or next visit (e.g. overdue)"))
        self.filter.setClearButtonEnabled(True)
        label.setBuddy(self.filter)
        self.new_button = QPushButton(tr("&New subject…"))
        self.new_button.setObjectName("new_subject")
        self.new_button.clicked.connect(self.new_subject)
        self.count = QLabel()
        bar.addWidget(label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.model = SubjectsModel(self)
        self.proxy = SubjectFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter.textChanged.connect(self._filter)
        # Enter in the filter opens the first subject shown; Down goes into the list
        self.filter.returnPressed.connect(self._open_first)
        self.filter.installEventFilter(self)
        self.view = row_list(QTableView(), "subjects", tr("Subjects"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Column widths from the first rows only: measuring 10,000 rows on every keystroke
        # of the filter would stall typing.
        header.setResizeContentsPrecision(50)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view)
        self.loaded = False
        self.gate()

    def gate(self) -> None:
        gate(self.new_button, role_refusal(self.main.store.role, Action.MANAGE_SUBJECTS),
             tr("Register a new subject in screening (the next screening number is given)"))

    def focus_filter(self) -> None:
        """Ctrl+F: the filter box with its text selected, so typing replaces it."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def reset(self) -> None:
        """After a log-out: no filter, no selection left from the previous user."""
        self.filter.clear()
        self.view.clearSelection()
        self.view.setCurrentIndex(QModelIndex())

    def _filter(self, text: str) -> None:
        # "۰۰۵" typed on a Persian keyboard finds S005
        self.proxy.set_text(ascii_digits(text))
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(tr("{shown} of {total}").format(shown=shown, total=total)
                           if shown != total else tr("{n} subjects").format(n=total))

    def refresh(self) -> None:
        """Reload the rows in a worker; the table is updated when they arrive."""
        self.main.tasks.run("subjects", subject_rows, on_result=self._show,
                              on_error=self.main.task_failed)

    def _show(self, rows: list[SubjectRow]) -> None:
        current = self.current_code()
        self.model.set_rows(rows)
        self.loaded = True
        self._count()
        if current:
            self.select(current)

    def current_code(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(self.proxy.index(index.row(), 0))

    def select(self, code: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(r, 0)) == code:
                self.view.selectRow(r)
                return

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.proxy.rowCount()):
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _open_first(self) -> None:
        if self.proxy.rowCount():
            index = self.view.currentIndex()
            self._open(index if index.isValid() else self.proxy.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        code = self.proxy.data(self.proxy.index(index.row(), 0))
        if code:
            self.open_subject.emit(code)

    def new_subject(self) -> str | None:
        """Register a subject (the core assigns the number) and open its casebook."""
        initials = self.main.prompts.new_subject()
        if initials is None:
            return None
        try:
            subject = self.main.store.subjects.create(initials or None)
        except AlsDeskError as exc:
            self.main.prompts.error(tr("Subject not registered"), str(exc))
            return None
        self.main.show_status(tr("Registered subject {code} in screening").format(
            code=subject.code))
        self.refresh()
        self.open_subject.emit(subject.code)
        return subject.code
