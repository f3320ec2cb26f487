"""What every small dialog does alike: the cursor starts in the first input that needs typing,
and OK (or Enter) with something missing says what, in the dialog, and moves the cursor there.

Why not a greyed-out OK until the dialog is filled: Enter on a greyed OK does nothing at all,
and a nurse who pressed it cannot tell why; a message box on top would hide the dialog it is
about. So OK stays pressable and the dialog itself answers.
"""
from __future__ import annotations

import weakref
from typing import Sequence

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from alsdesk.i18n import tr
from alsdesk.textcheck import says_something

__all__ = ["Guide", "GuidedDialog", "problem_label", "value_of"]

PROBLEM_STYLE = "color: #b00020;"


def value_of(widget: QWidget) -> str:
    """The text an input holds now (stripped)."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    raise TypeError(f"no text in a {type(widget).__name__}")


def problem_label(name: str = "problem") -> QLabel:
    """The red line under a dialog's inputs where it says what is missing (hidden until then)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setAccessibleName(tr("Problem"))
    label.hide()
    return label


class Guide:
    """Focus and explanations for one dialog: `required` is (input, what to type) in order."""

    def __init__(self, dialog: QDialog, label: QLabel,
                 required: Sequence[tuple[QWidget, str]] = (),
                 inputs: Sequence[QWidget] = ()) -> None:
        # A weak reference: dialog -> guide -> dialog would be a cycle that Python's collector
        # breaks later, at any moment, destroying the wrapper of a dialog Qt still posts events
        # for (a segmentation fault in a later test was traced to exactly this).
        self._dialog, self.label = weakref.ref(dialog), label
        self.required = list(required)
        self.inputs = list(inputs) or [w for w, _ in self.required]

    def start(self) -> None:
        """Put the cursor in the first required input still empty, else in the first input."""
        empty = [w for w, _ in self.required if w.isEnabled() and not value_of(w)]
        target = empty[0] if empty else next((w for w in self.inputs if w.isEnabled()), None)
        if target is not None:
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()

    def complete(self) -> bool:
        """True when nothing required is empty; else say what is missing and go there.

        Text that says nothing (a dot, zero-width spaces) counts as empty, as the core
        would refuse it; a password is only required to be typed."""
        for widget, what in self.required:
            text = value_of(widget)
            secret = isinstance(widget, QLineEdit) and \
                widget.echoMode() is not QLineEdit.EchoMode.Normal
            if widget.isEnabled() and not (text if secret else says_something(text)):
                self.explain(f"{what[0].upper()}{what[1:]}", widget)
                return False
        self.clear()
        return True

    def explain(self, text: str, widget: QWidget | None = None) -> None:
        """Show `text` in the dialog (and to screen readers); the cursor goes to `widget`."""
        self.label.setText(text)
        self.label.show()
        # A dialog does not grow by itself when a hidden line appears: it would be cut.
        dialog = self._dialog()
        if dialog is not None:
            dialog.layout().activate()
            wanted = dialog.sizeHint().height()
            if wanted > dialog.height():
                dialog.resize(dialog.width(), wanted)
        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self.label, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
            QAccessible.updateAccessibility(event)
        if widget is not None:
            widget.setFocus()

    def clear(self) -> None:
        self.label.clear()
        self.label.hide()


class GuidedDialog(QDialog):
    """A dialog whose `guide` puts the cursor in place when shown and answers OK or Enter
    with what is missing (set `self.guide` in the subclass's constructor)."""

    guide: Guide

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.guide.start()

    def accept(self) -> None:
        if self.guide.complete():
            super().accept()
