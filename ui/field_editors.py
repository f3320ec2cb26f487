"""One editor per field type. Typed text becomes a value only in alsdesk.study.values.

Every editor is a QWidget whose objectName is the field id and whose accessible name is the
field label; its input widget (what takes the keyboard) carries the label too. An editor
remembers the stored value it was loaded with: unchanged text gives back exactly that value,
so a number shown rounded (digits = 1) is never saved back rounded.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCalendar, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit, QToolButton, QWidget,
    QWidgetAction,
)

from alsdesk import datefmt, i18n, jalali
from alsdesk.errors import ValidationError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.study import values as fv
from alsdesk.study.model import Field, FieldType
from .fmt import site_format

__all__ = ["FieldEditor", "LineEditor", "MemoEditor", "make_editor"]

_PLACEHOLDER = {
    FieldType.DATE: "DD/MMM/YYYY",
    FieldType.DATETIME: "DD/MMM/YYYY HH:MM",
    FieldType.TIME: QT_TRANSLATE_NOOP("", "HH:MM (24 h)"),
}


def _placeholder(kind: FieldType, partial: bool) -> str:
    """What the empty box says it takes, in the site's date format (ui.fmt)."""
    if kind is FieldType.TIME:
        return tr(_PLACEHOLDER[kind])
    iso = site_format() == "YYYY-MM-DD"
    day = "YYYY-MM-DD" if iso else "DD/MMM/YYYY"
    if i18n.language() == "fa":  # the Solar Hijri date is read too, and said so
        day = tr("YYYY/MM/DD (Solar Hijri) or {day}").format(day=day)
    if kind is FieldType.DATETIME:
        return f"{day} HH:MM"
    if partial:
        return (tr("{day}, YYYY-MM or YYYY") if iso
                else tr("{day}, MMM/YYYY or YYYY")).format(day=day)
    return day


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


class FieldEditor(QWidget):
    """Base of the editors: load a stored value, give back the value on screen."""

    edited = Signal(str)  # field id: the content changed
    left = Signal(str)  # field id: the keyboard focus left the editor

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(field.id)
        self.setAccessibleName(field.label)
        self._loaded_value: Any = None
        self._loaded_raw: Any = None
        self.read_only = False

    # -- to implement --------------------------------------------------------------------
    def raw(self) -> Any:
        """What is on screen, comparable (text or code); None or "" when empty."""
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _parse(self) -> Any:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """The widgets that take the keyboard, in tab order."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    # -- shared --------------------------------------------------------------------------
    def load(self, value: Any, shown: str | None = None) -> None:
        """Show a stored value (None for empty) and remember it as the saved state; `shown`:
        the text to show for it instead of the field's own display (a result in another unit,
        as typed: the field's decimals are its own unit's)."""
        self.blockSignals(True)
        edit = getattr(self, "edit", None)
        if shown is not None and hasattr(edit, "setText"):
            edit.setText(shown)
        else:
            self._show(value)
        self.blockSignals(False)
        self._loaded_value = value
        self._loaded_raw = self.raw()

    def set_value(self, value: Any) -> None:
        """Show a value as if typed: the field counts as changed (a suggestion taken)."""
        self._show(value)
        self.edited.emit(self.field.id)

    def value(self) -> Any:
        """The storage value on screen; raises ValidationError for text that is not one."""
        if self.raw() == self._loaded_raw:
            return self._loaded_value
        return self._parse()

    def is_changed(self) -> bool:
        return self.raw() != self._loaded_raw

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self._left_soon()
        return super().eventFilter(watched, event)

    def _left_soon(self) -> None:
        """Once the focus has settled: tell the form if it went to another field."""
        QTimer.singleShot(0, self, self._maybe_left)

    def _maybe_left(self) -> None:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if focus is None or (focus is not self and not self.isAncestorOf(focus)):
            self.left.emit(self.field.id)


class LineEditor(FieldEditor):
    """One line: text, whole numbers, decimals, dates (typed or picked), date-times, times."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{field.id}__input")
        self.edit.setAccessibleName(field.label)
        if field.help:
            self.edit.setAccessibleDescription(field.help)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        kind = field.type
        if kind in (FieldType.TEXT, FieldType.MEMO):
            if field.length:
                self.edit.setMaxLength(field.length)
            self.edit.setMinimumWidth(200 if (field.length or 200) <= 50 else 380)
        elif kind in (FieldType.INTEGER, FieldType.DECIMAL):
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.setMaximumWidth(130)
            if field.min is not None and field.max is not None:
                self.edit.setPlaceholderText(tr("{min} to {max}").format(
                    min=_num(field.min), max=_num(field.max)))
        else:
            placeholder = _placeholder(kind, field.partial)
            self.edit.setPlaceholderText(placeholder)
            # wide enough for the placeholder, which says which forms of date are accepted
            self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(placeholder) + 18)
            if kind in (FieldType.DATE, FieldType.DATETIME):
                layout.addWidget(self._calendar_button())
                # the date typed, read back in the other calendar (in English only after a
                # Solar Hijri date, typed in Persian digits or with a Persian month's name)
                self.both_calendars = QLabel()
                self.both_calendars.setObjectName(f"{field.id}__both_calendars")
                self.edit.textChanged.connect(self._show_both_calendars)
            if kind in (FieldType.DATETIME, FieldType.TIME):
                layout.addWidget(self._now_button())
        if hasattr(self, "both_calendars"):
            layout.addWidget(self.both_calendars)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(lambda _t: self.edited.emit(field.id))
        self._watch(self.edit)

    def _calendar_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"{self.field.id}__calendar")
        button.setText(tr("Calendar"))
        button.setToolTip(tr("Pick the date from a calendar"))
        button.setAccessibleName(tr("{label}: pick from a calendar").format(
            label=self.field.label))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        if i18n.language() == "fa":  # the wall calendar's months; picked days stay Gregorian
            self.calendar.setCalendar(QCalendar(QCalendar.System.Jalali))
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._calendar_to_text)
        menu.aboutToShow.connect(lambda: self.calendar.setFocus())  # arrows move the day
        self.calendar.clicked.connect(lambda d: (self.pick_date(d), menu.close()))
        self.calendar.activated.connect(lambda d: (self.pick_date(d), menu.close()))  # Enter
        button.setMenu(menu)
        self.calendar_button = button
        return button

    def _now_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"{self.field.id}__now")
        button.setText(tr("Now"))
        button.setToolTip(tr("Fill in the current date and time") if self.field.type is
                          FieldType.DATETIME else tr("Fill in the current time"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(self.fill_now)
        self.now_button = button
        return button

    def _calendar_to_text(self) -> None:
        try:
            value = self.value()
        except Exception:  # noqa: BLE001 - unreadable text: the calendar opens on today
            value = None
        if isinstance(value, str) and len(value) >= 10:
            self.calendar.setSelectedDate(QDate.fromString(value[:10], "yyyy-MM-dd"))

    def pick_date(self, day: QDate) -> None:
        """Put a date picked in the calendar into the text, keeping a typed time."""
        picked = date(day.year(), day.month(), day.day())
        text = (jalali.jalali_text(picked) if i18n.language() == "fa"
                else datefmt.date_text(picked, site_format()))
        if self.field.type is FieldType.DATETIME:
            parts = self.edit.text().strip().split()
            time = parts[-1] if len(parts) >= 2 and ":" in parts[-1] else ""
            text = f"{text} {time}".strip()
        self.edit.setText(text)
        self.edited.emit(self.field.id)
        self.edit.setFocus()

    def fill_now(self) -> None:
        now = datetime.now()
        if self.field.type is FieldType.TIME:
            self.edit.setText(now.strftime("%H:%M"))
        else:
            self.edit.setText(fv.display(self.field, now.strftime("%Y-%m-%dT%H:%M"),
                                         site_format()))
        self.edited.emit(self.field.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Alt+Down opens the calendar, as it opens a drop-down list: no mouse needed
        if (event.type() == QEvent.Type.KeyPress and watched is self.edit
                and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
                and event.modifiers() & Qt.KeyboardModifier.AltModifier  # type: ignore[attr-defined]
                and hasattr(self, "calendar_button") and not self.read_only):
            self.calendar_button.showMenu()
            return True
        return super().eventFilter(watched, event)

    def raw(self) -> str:
        return self.edit.text().strip()

    def _show(self, value: Any) -> None:
        self.edit.setText(self._jalali(value) or fv.display(self.field, value, site_format()))

    def _jalali(self, value: Any) -> str | None:
        """In Persian, a full date (and time) as the Solar Hijri text typed: 1405/09/16 14:30
        (its Gregorian is shown beside the field); None otherwise (a partial date keeps the
        Gregorian: a Solar Hijri month spans two Gregorian ones)."""
        if i18n.language() != "fa" or not isinstance(value, str) or len(value) < 10 or \
                self.field.type not in (FieldType.DATE, FieldType.DATETIME):
            return None
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return None
        return f"{jalali.jalali_text(day)} {value[11:16]}".strip()

    def _parse(self) -> Any:
        return fv.parse_value(self.field, self.edit.text(), jalali=i18n.language() == "fa")

    def _show_both_calendars(self, _text: str = "") -> None:
        """"= 07/DEC/2026" beside 1405/09/16 typed, "= ۱۶ آذر ۱۴۰۵" beside 07/DEC/2026."""
        try:
            value = self._parse()
        except ValidationError:
            value = None
        if not isinstance(value, str) or len(value) < 10:
            self.both_calendars.clear()
            return
        day = date.fromisoformat(value[:10])
        # Solar Hijri when its year is one (1278..1479): "1405/09/16", "16 آذر 1405"
        years = [int(y) for y in re.findall(r"[0-9]{4}", i18n.ascii_digits(self.edit.text()))]
        typed_jalali = any(jalali.is_jalali_year(y) for y in years)
        if not typed_jalali and i18n.language() != "fa":
            self.both_calendars.clear()  # a Gregorian date in the English window: as typed
            return
        clock = f" {value[11:16]}" if len(value) > 10 else ""
        # the other calendar than the one typed: with the text, the date in both (short,
        # so the row keeps its width); the time as it will be stored
        self.both_calendars.setText("= " + (datefmt.date_text(day, site_format())
                                            if typed_jalali else jalali.jalali_long(day))
                                    + clock)

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)
        for name in ("calendar_button", "now_button"):
            if hasattr(self, name):
                getattr(self, name).setEnabled(not read_only)

    def set_text(self, text: str) -> None:
        """Replace the text as if typed (used by the calendar and by tests)."""
        self.edit.setText(text)
        self.edited.emit(self.field.id)


class MemoEditor(FieldEditor):
    """Several lines of text; Tab moves on to the next field."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(f"{field.id}__input")
        self.edit.setAccessibleName(field.label)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.setMinimumWidth(420)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda: self.edited.emit(field.id))
        self._watch(self.edit)

    def raw(self) -> str:
        return self.edit.toPlainText().strip()

    def _show(self, value: Any) -> None:
        self.edit.setPlainText(fv.display(self.field, value))

    def _parse(self) -> Any:
        return fv.parse_value(self.field, self.edit.toPlainText())

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)


def make_editor(field: Field, parent: QWidget | None = None) -> FieldEditor:
    """The editor for a field's type."""
    if field.type is FieldType.CHOICE:
        from .choice_editor import ChoiceList  # it builds on FieldEditor, defined here

        return ChoiceList(field, parent)
    if field.type is FieldType.MEMO:
        return MemoEditor(field, parent)
    return LineEditor(field, parent)
