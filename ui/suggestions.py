"""Suggested values on a form: one button per field the core can propose a value for.

The core decides what is proposed and from where (alsdesk.suggest.suggestions); this panel
only shows it ("Use 72.5 kg from vital signs, Baseline") and, when the nurse presses the
button (or F3 in the field), puts the value in the field as if she had typed it: the form
is then modified and saved like any typed value. Nothing is filled in without that press.

The form page hosts it: ``panel.show_for(view, suggestions(store, subject, event, form,
on_screen_values))`` after each load and live refresh.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from alsdesk.i18n import tr
from alsdesk.suggest import Suggestion
from .keyboard import enter_presses

if TYPE_CHECKING:
    from .form_renderer import FormView

__all__ = ["SuggestionPanel", "ACCEPT_KEY"]

ACCEPT_KEY = "F3"  # F2 is the missing-data menu of a field


class SuggestionPanel(QGroupBox):
    """The form's suggestions; empty and hidden when there is nothing to propose."""

    accepted = Signal(str)  # field id whose suggestion was taken

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Values already recorded elsewhere"), parent)
        self.setObjectName("suggestions")
        self.layout_ = QVBoxLayout(self)
        hint = QLabel(tr("Check each value, then take it ({key} in the field) or type "
                         "your own.").format(key=ACCEPT_KEY))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.layout_.addWidget(hint)
        self.view: "FormView | None" = None
        self.buttons: dict[str, QPushButton] = {}
        self.current: dict[str, Suggestion] = {}
        self._key: QShortcut | None = None
        self.hide()

    def show_for(self, view: "FormView | None", found: Mapping[str, Suggestion]) -> None:
        """Show the suggestions for the fields of `view` that are shown and editable."""
        if view is not self.view:
            self._bind_key(view)
        self.view = view
        usable = {} if view is None or view.read_only else {
            fid: s for fid, s in found.items() if view.is_shown(fid)}
        if usable == self.current:
            return
        for button in self.buttons.values():
            self.layout_.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()
        self.current = dict(usable)
        for fid, s in usable.items():
            label = view.form.field(fid).label
            button = QPushButton(s.prompt)
            button.setObjectName(f"suggest_{fid}")
            button.setToolTip(f"{label}: {s.prompt}")
            button.setAccessibleName(f"{label}: {s.prompt}")
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(lambda _=False, f=fid: self.accept(f))
            enter_presses(button)
            self.layout_.addWidget(button)
            self.buttons[fid] = button
        self.setVisible(bool(usable))

    def accept(self, field_id: str) -> bool:
        """Put the suggested value in its field, as typed; False when there is none."""
        s = self.current.get(field_id)
        if s is None or self.view is None or self.view.read_only:
            return False
        editor = self.view.editor(field_id)
        # set_value, not load(): load() would record the value as the saved one and the
        # form would not count as changed.
        editor.set_value(s.value)
        editor.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.accepted.emit(field_id)
        return True

    def _bind_key(self, view: "FormView | None") -> None:
        if self._key is not None:
            self._key.setParent(None)
            self._key.deleteLater()
            self._key = None
        if view is None:
            return
        self._key = QShortcut(QKeySequence(ACCEPT_KEY), view)
        self._key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._key.setWhatsThis(tr("Take the suggested value for the field (Values already "
                                  "recorded elsewhere)"))
        self._key.activated.connect(self._accept_focused)

    def _accept_focused(self) -> None:
        if self.view is not None:
            fid = self.view.field_of(QApplication.focusWidget())
            if fid is not None:
                self.accept(fid)
