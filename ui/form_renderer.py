"""Forms drawn from the study definition: one row per field, in the definition's order.

No form is written by hand: sections, labels, units, missing-data codes, editors and the tab
order all come from alsdesk.study.model.Form. The view only shows and collects; what a value
means, whether it applies and what is wrong with it come from the core (FormPage asks).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget,
)

from alsdesk.errors import ValidationError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.study import units
from alsdesk.study import values as fv
from alsdesk.study.model import Field, FieldType, Form, Severity
from .choice_editor import ScoreRow, align_columns, score_columns
from .choice_editor import header as choice_header
from .field_editors import FieldEditor, make_editor

__all__ = ["Collected", "FormView", "FIELD_KEYS"]

LABEL_WIDTH = 250
GRID_LABEL_WIDTH = 140  # a grid row's label: the score columns need the width
_COLOURS = {Severity.HARD: "#b00020", Severity.SOFT: "#9a6700"}


def _score_runs(form: Form) -> dict[str, list[int]]:
    """Field id -> the score columns of its grid, for runs of 2+ scored questions in a row."""
    runs: list[list[Field]] = [[]]
    for f in form.fields:
        scored = (f.type is FieldType.CHOICE and f.codelist is not None
                  and f.codelist.data_type == "integer")
        if scored:
            runs[-1].append(f)
        elif runs[-1]:
            runs.append([])
    out: dict[str, list[int]] = {}
    for run in runs:
        if len(run) >= 2:
            columns = score_columns(run)
            out.update({f.id: columns for f in run})
    return out


# Keys inside a form's questions, for the shortcuts sheet (F1): handled by the editors and
# this view, not by actions, so the sheet cannot read them from the window. Marked for the
# catalogue (key names stay as they are): show them with tr().
FIELD_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab, Shift+Tab",
     QT_TRANSLATE_NOOP("", "Next / previous question (one stop per question)")),
    ("Enter", QT_TRANSLATE_NOOP("", "Next question (never saves; a new line in a memo)")),
    ("0-9", QT_TRANSLATE_NOOP("", "Pick a score on a scored question; in a grid (ALSFRS-R, GCS), "
                                  "then go on")),
    (QT_TRANSLATE_NOOP("", "First letter"),
     QT_TRANSLATE_NOOP("", "Pick an answer by its first letter (Y, N ...) when no other "
                           "shares it")),
    (QT_TRANSLATE_NOOP("", "Arrows"),
     QT_TRANSLATE_NOOP("", "Move between the answers of a question")),
    ("Delete", QT_TRANSLATE_NOOP("", "Clear the answer of a question")),
    ("F2", QT_TRANSLATE_NOOP("", "The question's menu: missing-data code, calendar, now, history, "
                                 "a query")),
    ("Alt+Down", QT_TRANSLATE_NOOP("", "Open the calendar of a date")),
    ("F3", QT_TRANSLATE_NOOP("", "Take the value suggested from another form")),
)


@dataclass(frozen=True)
class Collected:
    """What is on screen: values (None when blank), missing codes, and unreadable text."""

    values: dict[str, Any]
    missing: dict[str, str | None]
    errors: dict[str, str]  # field id -> why the typed text is not a value
    changed: tuple[str, ...]  # fields whose content differs from what was loaded


@dataclass
class _Row:
    field: Field
    label: QLabel
    editor: FieldEditor | None
    missing: QComboBox | None
    message: QLabel
    query: QLabel
    widgets: list[QWidget]
    loaded_code: str | None = None


class FormView(QWidget):
    """The editors of one form, laid out on a grid: label | editor | unit | code | query."""

    changed = Signal(str)
    left = Signal(str)
    context_requested = Signal(str, QWidget, QPoint)
    moved_to = Signal(str)  # field id: the form moved the keyboard there (scroll to it)

    def __init__(self, form: Form, missing_labels: dict[str, str],
                 restricted: frozenset[str] = frozenset(),
                 parent: QWidget | None = None, *,
                 helps: dict[str, str] | None = None) -> None:
        """`helps`: field id -> the help the user's role is shown (alsdesk.permissions.
        field_help); None shows each field's help as written."""
        super().__init__(parent)
        self.form = form
        self.helps = helps
        self.setObjectName(f"form_{form.id}")
        self.setAccessibleName(form.label)
        self.rows: dict[str, _Row] = {}
        self.unit_labels: dict[str, QLabel] = {}  # a field reported in a choice of units
        self.read_only = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        self.grid.setColumnStretch(5, 1)  # editors keep their width; the codes line up
        outer.addLayout(self.grid)
        outer.addStretch(1)
        grid_runs = _score_runs(form) if form.layout == "grid" else {}
        self.label_width = GRID_LABEL_WIDTH if grid_runs else LABEL_WIDTH
        if grid_runs:  # the score columns take the width; other editors keep theirs
            self.grid.setColumnStretch(5, 0)
            self.grid.setColumnStretch(1, 1)
            self.grid.setColumnMinimumWidth(0, GRID_LABEL_WIDTH)
            self.grid.setHorizontalSpacing(6)
            outer.setContentsMargins(6, 6, 6, 8)
        section: str | None = None
        line = 0
        for field in form.fields:
            columns = grid_runs.get(field.id)
            new_section = bool(field.section and field.section != section)
            if new_section:
                section = field.section
                if columns is None:
                    line = self._add_section(section, line)
            if columns is not None and not self._grid_above(field):
                self.grid.addWidget(choice_header(columns), line, 1)
                line += 1
            line = self._add_row(field, missing_labels, field.id in restricted, line, columns)
            if columns is not None and new_section:
                # in a grid the section's name heads its first row's label: no row of its own
                label = self.rows[field.id].label
                label.setTextFormat(Qt.TextFormat.RichText)  # the definition's words escaped
                label.setText(f"<b>{escape(section)}</b><br>{escape(label.text())}")
        self._set_tab_order()
        # a grid's digit picks the answer and moves on by itself: the Enter typed after it
        # out of habit must not move on a second time (it skipped every other question)
        self._picked = False
        self.changed.connect(self._typed)
        runs: dict[tuple[int, ...], list[ScoreRow]] = {}
        for row in self.rows.values():
            if isinstance(row.editor, ScoreRow):
                runs.setdefault(tuple(grid_runs[row.field.id]), []).append(row.editor)
        for rows in runs.values():
            align_columns(rows)
        # F2 on a question: its menu (missing-data codes, calendar, history, a query), so none
        # of these is an extra tab stop after every field.
        menu_key = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        menu_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        menu_key.setWhatsThis(tr("The field's menu: missing-data code, calendar, now, history, "
                                 "a query on it"))
        menu_key.activated.connect(self._menu_for_focus)

    # -- building ------------------------------------------------------------------------
    def _add_section(self, title: str, line: int) -> int:
        header = QLabel(title)
        header.setTextFormat(Qt.TextFormat.PlainText)  # the definition's words, never markup
        header.setObjectName("section")
        header.setStyleSheet("font-weight: bold; font-size: 11pt; padding-top: 10px;")
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(header, line, 0, 1, 6)
        self.grid.addWidget(rule, line + 1, 0, 1, 6)
        return line + 2

    def _grid_above(self, field: Field) -> bool:
        """Whether the row just above this field is a row of the same score grid."""
        fields = self.form.fields
        i = self.form.field_ids.index(field.id)
        return i > 0 and fields[i - 1].id in self.rows and isinstance(
            self.rows[fields[i - 1].id].editor, ScoreRow)

    def _add_row(self, field: Field, missing_labels: dict[str, str], restricted: bool,
                 line: int, columns: list[int] | None = None) -> int:
        text = field.label + ("\u00a0*" if field.required else "")  # the star never alone
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a label "<b>…" shows as typed
        label.setWordWrap(True)
        label.setFixedWidth(self.label_width)
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        label.setToolTip(self._help_text(field))
        widgets: list[QWidget] = [label]
        editor: FieldEditor | None = None
        missing: QComboBox | None = None
        if restricted:
            shown: QWidget = QLabel(tr("restricted: direct identifiers are shown to site staff "
                                        "only"))
            shown.setStyleSheet("color: #5f6368; font-style: italic;")
        else:
            if columns is not None:
                editor = ScoreRow(field, columns)
                editor.next_question.connect(self._next_question)
            else:
                editor = make_editor(field)
            editor.setToolTip(self._help_text(field))
            editor.edited.connect(self.changed)
            editor.left.connect(self.left)
            label.setBuddy(editor.focus_widgets()[0])
            shown = editor
        self.grid.addWidget(label, line, 0, Qt.AlignmentFlag.AlignTop)
        # the editor and its unit together; missing-data codes and query marks in columns
        cell = QWidget()
        box = QHBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        if columns is not None:  # a grid row takes the whole width of the score columns
            box.addWidget(shown, 1)
        else:
            box.addWidget(shown, 0, Qt.AlignmentFlag.AlignTop)
        widgets.append(cell)
        if field.unit:
            unit = QLabel(field.unit)
            unit.setTextFormat(Qt.TextFormat.PlainText)
            unit.setObjectName(f"{field.id}__unit")
            box.addWidget(unit, 0, Qt.AlignmentFlag.AlignTop)
            if field.unit_field:
                self.unit_labels[field.id] = unit
        if columns is None:
            box.addStretch(1)
        self.grid.addWidget(cell, line, 1)
        clear = getattr(editor, "clear_button", None)
        if clear is not None:  # a choice's clear button, in a column of its own
            self.grid.addWidget(clear, line, 2, Qt.AlignmentFlag.AlignTop)
        if field.missing and editor is not None:
            missing = QComboBox()
            missing.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F2 on the question sets a code
            if columns is not None:  # the score columns need the width
                missing.setMaximumWidth(58)
            missing.setObjectName(f"{field.id}__missing")
            missing.setAccessibleName(tr("{label}: missing-data code").format(label=field.label))
            missing.setToolTip(tr("A missing-data code instead of a value ({codes}): F2 on the "
                                  "question").format(codes=", ".join(field.missing)))
            missing.addItem("–", None)
            for code in field.missing:
                missing.addItem(f"{code}: {missing_labels.get(code, code)}", code)
            missing.currentIndexChanged.connect(lambda _i, f=field.id: self._code_changed(f))
            self.grid.addWidget(missing, line, 3, Qt.AlignmentFlag.AlignTop)
            widgets.append(missing)
        query = QLabel()
        query.setObjectName(f"{field.id}__query")
        query.setStyleSheet("color: #e65100; font-weight: bold;")
        self.grid.addWidget(query, line, 4, Qt.AlignmentFlag.AlignTop)
        widgets.append(query)
        message = QLabel()
        message.setObjectName(f"{field.id}__message")
        message.setWordWrap(True)
        message.hide()
        self.grid.addWidget(message, line + 1, 1, 1, 4)
        row = _Row(field, label, editor, missing, message, query, widgets)
        self.rows[field.id] = row
        for w in [label, shown] + (editor.findChildren(QWidget) if editor else []):
            w.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            w.customContextMenuRequested.connect(
                lambda pos, w=w, f=field.id: self.context_requested.emit(f, w, w.mapToGlobal(pos)))
        return line + 2

    def _help_text(self, field: Field) -> str:
        if self.helps is None:
            return field.help or ""
        return self.helps.get(field.id, "")

    def _set_tab_order(self) -> None:
        """One stop per question, in the definition's order (codes are reached with F2)."""
        chain: list[QWidget] = []
        for row in self.rows.values():
            if row.editor is not None:
                chain.extend(row.editor.focus_widgets()[:1])
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.tab_chain = chain

    def first_input(self) -> QWidget | None:
        """The first question on screen that takes typing (where opening a form puts you)."""
        return next((w for w in self.tab_chain if w.isVisibleTo(self) and w.isEnabled()), None)

    def _typed(self, _field_id: str) -> None:
        self._picked = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter: on to the next question, as Tab (what a question's editor leaves unused;
        a memo keeps it for new lines). Never a save: that is Ctrl+S or Ctrl+Return."""
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.ShiftModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            fid = self.field_of(QApplication.focusWidget())
            if self._picked:
                self._picked = False  # the digit already moved on
            elif fid is not None:
                self._next_question(fid, picked=False)
            event.accept()
            return
        super().keyPressEvent(event)

    def _next_question(self, field_id: str, picked: bool = True) -> None:
        """After a digit answered a grid question (or Enter): on to the next question on
        screen; the last one keeps the keyboard."""
        self._picked = picked
        ids = list(self.rows)
        for fid in ids[ids.index(field_id) + 1:]:
            editor = self.rows[fid].editor
            if editor is not None and editor.isVisibleTo(self) and editor.isEnabled():
                editor.focus_widgets()[0].setFocus(Qt.FocusReason.TabFocusReason)
                self.moved_to.emit(fid)
                return

    def _menu_for_focus(self) -> None:
        widget = QApplication.focusWidget()
        fid = self.field_of(widget)
        if fid is None or widget is None:
            return
        self.context_requested.emit(fid, widget, widget.mapToGlobal(QPoint(0, widget.height())))

    def _code_changed(self, field_id: str) -> None:
        row = self.rows[field_id]
        if row.editor is not None and row.missing is not None:
            self._sync_editor(row)
        self.changed.emit(field_id)

    # -- data ----------------------------------------------------------------------------
    def editor(self, field_id: str) -> FieldEditor:
        editor = self.rows[field_id].editor
        if editor is None:
            raise KeyError(f"{field_id} is restricted")
        return editor

    def load(self, values: dict[str, Any], missing: dict[str, str]) -> None:
        """Show stored values and missing codes; this becomes the unchanged state."""
        for fid, row in self.rows.items():
            if row.editor is None:
                continue
            value = values.get(fid)
            other = value is not None and row.field.unit_field and \
                units.in_other_unit(row.field, values)
            row.editor.load(value, fv.plain(value) if other else None)
            code = missing.get(fid)
            row.loaded_code = code
            if row.missing is not None:
                row.missing.blockSignals(True)
                row.missing.setCurrentIndex(max(0, row.missing.findData(code)))
                row.missing.blockSignals(False)
                self._sync_editor(row)
            self.set_messages(fid, [])

    def code(self, field_id: str) -> str | None:
        row = self.rows[field_id]
        return row.missing.currentData() if row.missing is not None else None

    def set_code(self, field_id: str, code: str | None) -> None:
        combo = self.rows[field_id].missing
        assert combo is not None, f"{field_id} takes no missing-data code"
        combo.setCurrentIndex(combo.findData(code))

    def collect(self) -> Collected:
        """Parse every editor through alsdesk.study.values; unreadable text goes to errors."""
        values: dict[str, Any] = {}
        missing: dict[str, str | None] = {}
        errors: dict[str, str] = {}
        changed: list[str] = []
        for fid, row in self.rows.items():
            if row.editor is None:
                continue
            code = self.code(fid)
            if row.field.missing:
                missing[fid] = code
            if row.editor.is_changed() or code != row.loaded_code:
                changed.append(fid)
            if code is not None:
                values[fid] = None
                continue
            try:
                values[fid] = row.editor.value()
            except ValidationError as exc:
                values[fid] = None
                errors[fid] = exc.message
        return Collected(values, missing, errors, tuple(changed))

    def is_dirty(self) -> bool:
        return any(row.editor is not None and (row.editor.is_changed()
                                               or self.code(fid) != row.loaded_code)
                   for fid, row in self.rows.items())

    # -- showing what the core says ---------------------------------------------------------
    def set_messages(self, field_id: str, messages: list[tuple[Severity, str]]) -> None:
        """The check messages of one field, shown under it (hard in red, soft in amber)."""
        label = self.rows[field_id].message
        if not messages:
            label.clear()
            label.hide()
            return
        worst = Severity.HARD if any(s is Severity.HARD for s, _ in messages) else Severity.SOFT
        label.setStyleSheet(f"color: {_COLOURS[worst]};")
        label.setText("\n".join(("⚠ " if s is Severity.SOFT else "✖ ") + m for s, m in messages))
        label.setVisible(self.rows[field_id].label.isVisibleTo(self))

    def messages(self, field_id: str) -> str:
        return self.rows[field_id].message.text()

    def apply_visibility(self, visible: dict[str, bool], holding: set[str]) -> None:
        """Show fields that apply, and fields that no longer apply but still hold a value."""
        for fid, row in self.rows.items():
            show = visible.get(fid, True) or fid in holding
            for w in row.widgets:
                w.setVisible(show)
            row.message.setVisible(show and bool(row.message.text()))
            if hasattr(row.editor, "sync_clear"):
                row.editor.sync_clear()  # type: ignore[union-attr]

    def show_units(self, values: dict[str, Any]) -> None:
        """Beside each result reported in a choice of units, the one chosen: the nurse sees
        what the number is read as (blank: the form's own unit)."""
        for fid, label in self.unit_labels.items():
            label.setText(units.reported_unit(self.form.field(fid), values) or "")

    def is_shown(self, field_id: str) -> bool:
        return self.rows[field_id].label.isVisibleTo(self)

    def _sync_editor(self, row: _Row) -> None:
        """A field holding a missing-data code takes no value, but stays a tab stop (F2 on
        it removes the code); a disabled editor would drop out of the tab chain."""
        if row.editor is not None:
            coded = row.missing is not None and row.missing.currentData() is not None
            row.editor.set_read_only(self.read_only or coded)
            row.editor.setProperty("coded", coded)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for row in self.rows.values():
            if row.editor is not None:
                self._sync_editor(row)
            if row.missing is not None:
                row.missing.setEnabled(not read_only)

    def set_queries(self, by_field: dict[str, list[str]]) -> None:
        """Mark fields that have open queries; the question is the tool tip."""
        for fid, row in self.rows.items():
            texts = by_field.get(fid, [])
            row.query.setText(tr("Query") if texts else "")
            row.query.setToolTip("\n\n".join(texts))
            row.query.setAccessibleName(tr("{label}: open query").format(label=row.field.label)
                                        if texts else "")

    def field_of(self, widget: QWidget | None) -> str | None:
        """The field whose editor holds `widget` (e.g. the focus), or None."""
        for fid, row in self.rows.items():
            if row.editor is not None and widget is not None and (
                    widget is row.editor or row.editor.isAncestorOf(widget)
                    or widget is row.missing):
                return fid
        return None
