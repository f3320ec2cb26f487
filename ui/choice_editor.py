"""Coded answers as radio buttons with their labels (ALSFRS-R anchors, Yes/No, grades).

A digit picks an integer code (the ALSFRS-R score), the first letter a text code (Y, N, M,
F) when it is unambiguous, Delete clears the answer. One tab stop per question; the arrow
keys move between the answers.
"""
from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QRadioButton, QToolButton, QWidget

from alsdesk.study import values as fv
from alsdesk.study.model import Field
from ui.field_editors import FieldEditor

__all__ = ["ChoiceEditor"]

WRAP_AT = 64  # characters of a choice label per line: long ALSFRS-R anchors wrap


class ChoiceEditor(FieldEditor):
    """Radio buttons with their labels; a digit (or the first letter) picks, Delete clears."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        assert field.codelist is not None
        self.codes = list(field.codelist.codes)
        self.numeric = field.codelist.data_type == "integer"
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        choices = field.codelist.choices
        longest = max(len(c.label) for c in choices)
        columns = 1 if longest > 24 else (len(choices) if len(choices) <= 4 else 3)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        for i, choice in enumerate(choices):
            label = textwrap.fill(choice.label, WRAP_AT, break_on_hyphens=False,
                                  subsequent_indent="  " if self.numeric else "")
            text = f"{choice.code}   {label}" if self.numeric else label
            button = QRadioButton(text)
            button.setObjectName(f"{field.id}__{choice.code}")
            button.setAccessibleName(f"{field.label}: {choice.label}")
            button.setToolTip(f"{field.label}: {choice.label} (code {choice.code})")
            self.group.addButton(button, i)
            self.buttons.append(button)
            grid.addWidget(button, i // columns, i % columns)
            button.installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName(f"{field.id}__clear")
        self.clear_button.setText("×")
        self.clear_button.setToolTip("Clear the answer (Delete key)")
        self.clear_button.setAccessibleName(f"{field.label}: clear the answer")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear_choice)
        self.clear_button.hide()  # the form puts it in a column of its own
        self.setFocusProxy(self.buttons[0])
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.sync_clear()
            self.edited.emit(self.field.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if self.read_only:  # arrows would move the answer of a read-only form
                return key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            if self._key(event):  # type: ignore[arg-type]
                return True
        if event.type() == QEvent.Type.FocusIn:
            checked = self.group.checkedButton()
            if checked is not None and watched is not checked:
                reason = event.reason()  # type: ignore[attr-defined]
                if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
                    QTimer.singleShot(0, checked, checked.setFocus)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_choice()
            return True
        text = event.text().strip().upper()
        if len(text) != 1 or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                   | Qt.KeyboardModifier.AltModifier):
            return False
        index = self._index_for_key(text)
        if index is None:
            return False
        self.buttons[index].setChecked(True)
        self.buttons[index].setFocus()
        return True

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

    def clear_choice(self) -> None:
        if self.read_only or self.group.checkedButton() is None:
            return
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(False)
        self.group.setExclusive(True)
        self.sync_clear()
        self.edited.emit(self.field.id)

    def pick(self, code: Any) -> None:
        """Choose the answer with this code (as a click would)."""
        self.buttons[self.codes.index(code)].setChecked(True)

    def raw(self) -> Any:
        checked = self.group.checkedId()
        return None if checked < 0 else self.codes[checked]

    def _show(self, value: Any) -> None:
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(False)
        self.group.setExclusive(True)
        if value in self.codes:
            self.buttons[self.codes.index(value)].setChecked(True)
        self.sync_clear()

    def _parse(self) -> Any:
        code = self.raw()
        return None if code is None else fv.parse_value(self.field, str(code))

    def focus_widgets(self) -> list[QWidget]:
        return list(self.buttons)

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
