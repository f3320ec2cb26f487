"""Data queries: the list (open ones first), answer, close, and the way to the form.

The list keeps one line per query; the selected one is written out in full below it, so a
long question and its answer are read without widening columns.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.states import QueryStatus
from alsdesk.store.queries import Query
from alsdesk.permissions import role_refusal
from .i18n import shown as shown_study
from .fmt import gate, local_time, row_list

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["QueriesModel", "QueriesPage"]

# the labels are shown with tr(): the language is chosen after import
FILTERS = (
    (QT_TRANSLATE_NOOP("", "Open and answered"), (QueryStatus.OPEN, QueryStatus.ANSWERED)),
    (QT_TRANSLATE_NOOP("", "Open"), (QueryStatus.OPEN,)),
    (QT_TRANSLATE_NOOP("", "Answered"), (QueryStatus.ANSWERED,)),
    (QT_TRANSLATE_NOOP("", "Closed"), (QueryStatus.CLOSED,)),
    (QT_TRANSLATE_NOOP("", "All"), tuple(QueryStatus)),
)
COLUMNS = ("#", QT_TRANSLATE_NOOP("", "Subject"), QT_TRANSLATE_NOOP("", "Visit"),
           QT_TRANSLATE_NOOP("", "Form"), QT_TRANSLATE_NOOP("", "Field"),
           QT_TRANSLATE_NOOP("", "Question"), QT_TRANSLATE_NOOP("", "Status"),
           QT_TRANSLATE_NOOP("", "Raised"), QT_TRANSLATE_NOOP("", "Answer"))


class QueriesModel(QAbstractTableModel):
    """The queries as rows of text, made once per read (a study may have thousands)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None


class QueriesPage(QWidget):
    """Every query of the study, with Answer (site staff) and Close (monitor)."""

    # subject, event, event repeat, form, repeat, field (None: the whole form)
    open_form = Signal(str, str, int, str, int, object)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.main = window
        self.setObjectName("queries_page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setObjectName("query_filter")
        self.filter.setAccessibleName(tr("Show queries"))
        for text, _ in FILTERS:
            self.filter.addItem(tr(text))
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        show = QLabel(tr("&Show:"))
        show.setBuddy(self.filter)
        bar.addWidget(show)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        # Alt+A, Alt+O and Alt+F open the Administration, Form and File menus
        self.answer_button = QPushButton(tr("A&nswer…"))
        self.answer_button.setObjectName("answer_query")
        self.answer_button.clicked.connect(self.answer)
        self.close_button = QPushButton(tr("C&lose…"))
        self.close_button.setObjectName("close_query")
        self.close_button.clicked.connect(self.close_query)
        self.goto_button = QPushButton(tr("Open the fo&rm"))
        self.goto_button.setObjectName("goto_query_form")
        self.goto_button.clicked.connect(self.goto)
        for b in (self.answer_button, self.close_button, self.goto_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.model = QueriesModel(self)
        self.table = row_list(QTableView(), "queries", tr("Data queries"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside
        self.table.setModel(self.model)
        # one line per query (the whole text is in the tooltip): measuring wrapped rows of
        # thousands of queries would stall the window
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Question and Answer share what is left; "Raised" holds a user name and a local
        # time (its time zone is in the tool tip and below the list)
        for column, width in enumerate((40, 62, 92, 104, 140, 0, 70, 200, 0)):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._gate())
        self.table.doubleClicked.connect(lambda *_: self.goto())
        self.table.activated.connect(lambda *_: self.goto())  # Enter, as a double-click
        layout.addWidget(self.table, 1)
        box = QGroupBox(tr("Selected query"))
        self.detail = QLabel()
        self.detail.setObjectName("query_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # room for where, question, answer and closing note, each on a line or two
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 6)
        QVBoxLayout(box).addWidget(self.detail)
        layout.addWidget(box)
        self.queries: list[Query] = []
        self.loaded = False  # read when first shown (the main window asks)
        self._gate()

    def refresh(self) -> None:
        """Read the queries again (one SQL query: quick enough for the GUI thread)."""
        store = self.main.store
        wanted = FILTERS[self.filter.currentIndex()][1]
        selected = self.current()
        self.queries = [q for q in store.queries.list() if q.status in wanted]
        study = shown_study(store.study)
        rows = []
        for q in self.queries:
            form = study.form(q.form)
            field = form.field(q.field).label if q.field in form.field_ids else tr("(whole form)")
            answer = f"{q.answer} ({q.answered_by})" if q.answer else ""
            rows.append((str(q.id), q.subject, study.event(q.event).label, form.label, field,
                         q.text, q.status.shown,
                         f"{q.raised_by}, {local_time(q.raised_at).partition(' (')[0]}",
                         answer))
        self.model.set_rows(rows)
        self.loaded = True
        if selected is not None:
            self.select(selected.id)
        if self.current() is None and self.queries:
            self.table.selectRow(0)
        self._gate()

    def reset(self) -> None:
        """After a log-out: the default list, read again when next shown."""
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(0)
        self.filter.blockSignals(False)
        self.queries = []
        self.model.set_rows([])
        self.loaded = False
        self._gate()

    def count_open(self) -> int:
        return self.main.store.queries.count_open()

    def current(self) -> Query | None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else -1
        return self.queries[row] if 0 <= row < len(self.queries) else None

    def select(self, query_id: int) -> None:
        for i, q in enumerate(self.queries):
            if q.id == query_id:
                self.table.selectRow(i)
                return

    def _gate(self) -> None:
        role = self.main.store.role
        q = self.current()
        none = tr("Select a query first.") if q is None else None
        closed = tr("This query is closed.") if q is not None and q.status is QueryStatus.CLOSED \
            else None
        gate(self.answer_button, none or role_refusal(role, Action.ANSWER_QUERY) or closed,
             tr("Answer the selected query"))
        gate(self.close_button, none or role_refusal(role, Action.CLOSE_QUERY) or closed,
             tr("Close the selected query"))
        gate(self.goto_button, none, tr("Open the form the query is about, at its field"))
        self.detail.setText(self._detail(q) if q is not None
                            else tr("Select a query in the list."))

    def _detail(self, q: Query) -> str:
        """The whole query as the nurse reads it: where, question, answer, closing note."""
        study = shown_study(self.main.store.study)
        form = study.form(q.form)
        field = form.field(q.field).label if q.field in form.field_ids else tr("the whole form")
        lines = [tr("<b>Query #{id}</b> ({status}) · subject {subject} · "
                    "{visit} · {form} · {field}").format(
                     id=q.id, status=q.status.shown, subject=escape(q.subject),
                     visit=escape(study.event(q.event).label), form=escape(form.label),
                     field=escape(field)),
                 tr("<b>Question</b> ({by}, {when}): {text}").format(
                     by=escape(q.raised_by), when=local_time(q.raised_at), text=escape(q.text))]
        if q.answer:
            lines.append(tr("<b>Answer</b> ({by}, {when}): {text}").format(
                by=escape(q.answered_by or ''), when=local_time(q.answered_at),
                text=escape(q.answer)))
        else:
            lines.append(tr("<b>Answer</b>: not answered yet"))
        if q.status is QueryStatus.CLOSED:
            note = f": {escape(q.close_note)}" if q.close_note else ""
            lines.append(tr("<b>Closed</b> by {by}, {when}{note}").format(
                by=escape(q.closed_by or ''), when=local_time(q.closed_at), note=note))
        return "<br>".join(lines)

    def _do(self, title: str, call) -> bool:
        try:
            call()
        except AlsDeskError as exc:
            self.main.prompts.error(title, str(exc))
            return False
        self.refresh()
        self.main.queries_changed()
        return True

    def answer(self) -> bool:
        q = self.current()
        if q is None:
            return False
        text = self.main.prompts.text(tr("Answer the query"),
                                      tr("Query #{id}: {text}").format(id=q.id, text=q.text),
                                      initial=q.answer or "")
        return bool(text) and self._do(
            tr("Answer"), lambda: self.main.store.queries.answer(q.id, text))

    def close_query(self) -> bool:
        q = self.current()
        if q is None:
            return False
        note = self.main.prompts.text(tr("Close the query"),
                                      tr("Query #{id}: {text}\n\n"
                                         "A closing note (optional):").format(id=q.id,
                                                                              text=q.text),
                                      required=False)
        return note is not None and self._do(
            tr("Close"), lambda: self.main.store.queries.close(q.id, note))

    def goto(self) -> None:
        q = self.current()
        if q is not None:
            self.open_form.emit(q.subject, q.event, q.event_repeat, q.form, q.repeat, q.field)
