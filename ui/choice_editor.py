"""Coded answers: radio buttons with their labels (ALSFRS-R anchors, Yes/No, grades).

Each question is ONE tab stop whatever its answer: the editor itself takes the keyboard and
the buttons never do (before, Tab landed on the checked button and then walked through the
buttons after it, so a score of 4 took two Tabs and a 3 one). On the question, a digit picks an
integer code (the ALSFRS-R score), the first letter a text code (Y, N, M, F) when it is
unambiguous, the arrow keys move between the answers, Delete clears.

ChoiceList lays the answers out below the label; ScoreRow is one row of a grid of scored
questions (layout = "grid" in the study definition), its answers in shared columns, and a
digit moves on to the next question.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QToolButton,
    QWidget,
)

from alsdesk.i18n import tr
from alsdesk.study import values as fv
from alsdesk.study.model import Field
from .field_editors import FieldEditor

__all__ = ["ChoiceEditor", "ChoiceList", "ScoreRow", "align_columns"]

WRAP_AT = 64  # characters of a choice label per line: long ALSFRS-R anchors wrap
# Where the keyboard is, on a question that is not a text box: the whole question lights up.
_FOCUS_STYLE = ("{cls}:focus {{ background: #e3ecfa; border: 1px solid #1a73e8; "
                "border-radius: 3px; }}")


def _wrap(text: str, width: int) -> str:
    import textwrap

    return textwrap.fill(text, width, break_on_hyphens=False)


class ChoiceEditor(FieldEditor):
    """A coded question: the buttons, the keys and the one tab stop of both layouts."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        assert field.codelist is not None
        self.codes = list(field.codelist.codes)
        self.numeric = field.codelist.data_type == "integer"
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_FOCUS_STYLE.format(cls=type(self).__name__))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName(f"{field.id}__clear")
        self.clear_button.setText("×")
        self.clear_button.setToolTip(tr("Clear the answer (Delete key)"))
        self.clear_button.setAccessibleName(tr("{label}: clear the answer").format(
            label=field.label))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear_choice)
        self.clear_button.hide()  # the form puts it in a column of its own
        self.group.idToggled.connect(self._toggled)
        self.group.idClicked.connect(lambda _i: self.setFocus(Qt.FocusReason.MouseFocusReason))

    def _button(self, i: int, text: str) -> QRadioButton:
        assert self.field.codelist is not None
        choice = self.field.codelist.choices[i]
        button = QRadioButton(text)
        button.setObjectName(f"{self.field.id}__{choice.code}")
        button.setAccessibleName(f"{self.field.label}: {choice.label}")
        button.setToolTip(tr("{field}: {choice} (code {code})").format(
            field=self.field.label, choice=choice.label, code=choice.code))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the question is the tab stop
        self.group.addButton(button, i)
        self.buttons.append(button)
        button.installEventFilter(self)  # keys sent to a button work as on the question
        return button

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.sync_clear()
            self._describe()
            self.edited.emit(self.field.id)

    def _describe(self) -> None:
        """Tell a screen reader what the question holds (the buttons are not focused)."""
        assert self.field.codelist is not None
        code = self.raw()
        answer = next((c.label for c in self.field.codelist.choices if c.code == code), None)
        self.setAccessibleDescription(tr("Answer: {code} {answer}").format(
            code=code, answer=answer) if answer else tr("No answer"))

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._handle(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons:
            return self._handle(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._left_soon()

    def _handle(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        if self.read_only:  # arrows or digits would change a read-only answer
            return key not in (Qt.Key.Key_Escape, Qt.Key.Key_F2)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_choice()
            return True
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1,
                Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        if step is not None and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            current = self.group.checkedId()
            start = (0 if step > 0 else len(self.buttons) - 1) if current < 0 else current + step
            self._choose(max(0, min(len(self.buttons) - 1, start)))
            return True
        text = event.text().strip().upper()
        if len(text) != 1 or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                   | Qt.KeyboardModifier.AltModifier):
            return False
        index = self._index_for_key(text)
        if index is None:
            return False
        self._choose(index)
        self._picked_by_key()
        return True

    def _picked_by_key(self) -> None:
        """After a digit or letter picked an answer (ScoreRow moves on)."""

    def _choose(self, index: int) -> None:
        self.buttons[index].setChecked(True)

    def _index_for_key(self, text: str) -> int | None:
        if self.numeric:
            return self.codes.index(int(text)) if text.isdigit() and int(text) in self.codes \
                else None
        exact = [i for i, c in enumerate(self.codes) if str(c).upper() == text]
        if exact:
            return exact[0]
        assert self.field.codelist is not None
        first = [i for i, c in enumerate(self.field.codelist.choices)
                 if c.label[:1].upper() == text]
        return first[0] if len(first) == 1 else None

    # -- values ----------------------------------------------------------------------------
    def clear_choice(self) -> None:
        if self.read_only or self.group.checkedButton() is None:
            return
        self._uncheck_all()
        self.sync_clear()
        self._describe()
        self.edited.emit(self.field.id)

    def _uncheck_all(self) -> None:
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(False)
        self.group.setExclusive(True)

    def pick(self, code: Any) -> None:
        """Choose the answer with this code (as a click would)."""
        self.buttons[self.codes.index(code)].setChecked(True)

    def raw(self) -> Any:
        checked = self.group.checkedId()
        return None if checked < 0 else self.codes[checked]

    def _show(self, value: Any) -> None:
        self._uncheck_all()
        if value in self.codes:
            self.buttons[self.codes.index(value)].setChecked(True)
        self.sync_clear()
        self._describe()

    def _parse(self) -> Any:
        code = self.raw()
        return None if code is None else fv.parse_value(self.field, str(code))

    def focus_widgets(self) -> list[QWidget]:
        return [self]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for b in self.buttons:
            b.setEnabled(not read_only or b.isChecked())
            b.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
        self.sync_clear()

    def sync_clear(self) -> None:
        """Show the clear button only beside an answer that may be cleared and is shown."""
        holder = self.parentWidget()
        hidden = holder is not None and holder.isHidden()
        self.clear_button.setVisible(not hidden and not self.read_only and self.raw() is not None)


class ChoiceList(ChoiceEditor):
    """Radio buttons with their labels, in one to three columns under the question."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        assert field.codelist is not None
        choices = field.codelist.choices
        longest = max(len(c.label) for c in choices)
        columns = 1 if longest > 24 else (len(choices) if len(choices) <= 4 else 3)
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        for i, choice in enumerate(choices):
            label = _wrap(choice.label, WRAP_AT)
            if self.numeric:
                label = label.replace("\n", "\n  ")
            text = f"{choice.code}   {label}" if self.numeric else label
            grid.addWidget(self._button(i, text), i // columns, i % columns)


class _Cell(QWidget):
    """One answer of a grid row: the score's button and its text, wrapping in its column."""

    clicked = Signal()

    def __init__(self, button: QRadioButton, text: str) -> None:
        super().__init__()
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        box.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setStyleSheet("font-size: 8pt;")
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # never narrower than its longest word: on a small screen the form scrolls sideways
        # rather than cut "disturbance" to "disturbanc"
        font = self.text.font()
        font.setPointSizeF(8)
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(font)
        words = max((metrics.horizontalAdvance(w) for w in text.split()), default=0) + 6
        self.text.setMinimumWidth(words)
        box.addWidget(self.text, 1)
        self.button = button
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(button.sizeHint().width() + 3 + words)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - the text answers a click too
        if self.button.isEnabled() and not self.button.testAttribute(
                Qt.WidgetAttribute.WA_TransparentForMouseEvents):
            self.button.click()
        super().mousePressEvent(event)


class ScoreRow(ChoiceEditor):
    """One scored question as a row of a grid: a cell per score column, same width in each row.

    `columns` are the scores of the whole grid, highest first; a score this question lacks
    (GCS eye opening has no 5 or 6) leaves its cell empty, so the columns line up.
    """

    next_question = Signal(str)  # field id: a digit picked the answer, go on

    def __init__(self, field: Field, columns: list[int], parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        assert field.codelist is not None
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 1, 2, 1)
        row.setSpacing(4)
        self.cells: list[QWidget] = []
        by_code = {c.code: i for i, c in enumerate(field.codelist.choices)}
        for code in columns:
            if code in by_code:
                i = by_code[code]
                # the score is the column's title; the button carries no text of its own
                cell: QWidget = _Cell(self._button(i, ""), field.codelist.choices[i].label)
            else:
                cell = QWidget()
                cell.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            row.addWidget(cell, 1)
            self.cells.append(cell)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _picked_by_key(self) -> None:
        self.next_question.emit(self.field.id)


def align_columns(rows: list[ScoreRow]) -> None:
    """Give each score column one width in every row of a grid (the widest row's minimum)."""
    if not rows:
        return
    widths = [max(r.cells[i].minimumWidth() for r in rows) for i in range(len(rows[0].cells))]
    for r in rows:
        for cell, width in zip(r.cells, widths, strict=True):
            cell.setMinimumWidth(width)


def score_columns(fields: list[Field]) -> list[int]:
    """The score columns of a grid of questions: every code any of them has, highest first."""
    codes: set[int] = set()
    for f in fields:
        assert f.codelist is not None
        codes.update(int(c) for c in f.codelist.codes)
    return sorted(codes, reverse=True)


def header(columns: list[int]) -> QWidget:
    """The column titles over a grid of ScoreRows (the scores), aligned with their cells."""
    strip = QWidget()
    box = QHBoxLayout(strip)
    box.setContentsMargins(3, 0, 3, 0)
    box.setSpacing(4)
    for code in columns:
        title = QLabel(f"<b>{code}</b>")
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        box.addWidget(title, 1)
    return strip
