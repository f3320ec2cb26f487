"""The CTCAE terms on the form page: a field with ``terminology = "ctcae"`` offers the
imported terms as the nurse types (alsdesk.safety.ctcae's offers: the names that fit first,
then the terms whose grade texts, definition or note mention what is typed, saying where), and
a field with ``grade_of`` shows, in "About this field", the grades CTCAE defines for the
coded term. What is typed is never changed: the list only offers, and picking a line puts its
term's name in the field; the checks (is_ctcae_term, ctcae_has_grade) say at completion what
does not fit.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle

from alsdesk.safety.ctcae import Offer, Terminology, grade_lines, terms_of
from alsdesk.study.model import Field

if TYPE_CHECKING:
    from alsdesk.store.core import Store

    from .form_renderer import FormView

# What picking a line puts in the field: the term's name, whatever the line shows.
TERM = Qt.ItemDataRole.UserRole
# Lines in the list: the names first, then the terms found by their texts.
LIMIT = 50


def offer_terms(view: "FormView", store: "Store") -> None:
    """A list of the terms under each terminology field of the view (once the terms are
    imported; a view made before the import gets it at its next showing)."""
    for f in view.form.fields:
        if f.terminology != "ctcae" or f.id not in view.rows:
            continue
        try:
            edit = view.editor(f.id).edit
        except (KeyError, AttributeError):
            continue  # restricted, or not a one-line editor
        name = f"{f.id}__terms"
        if not isinstance(edit, QLineEdit) or edit.findChild(QCompleter, name) is not None:
            continue
        terms = terms_of(store)
        if terms.available:
            TermPicker(edit, terms, name)


class TermPicker(QCompleter):
    """The list under one field. Not the line edit's own completer: that one filters a
    fixed list by its text and would pick a line by itself; this one shows the core's
    offers as they are, none chosen until the arrow keys choose one, and as wide as its
    longest line (within the screen: "Other, specify" names are long)."""

    def __init__(self, edit: QLineEdit, terms: Terminology, name: str) -> None:
        super().__init__(edit)
        self.setObjectName(name)
        self._edit, self._terms, self._picking = edit, terms, False
        self._lines = QStandardItemModel(self)
        self.setModel(self._lines)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(TERM)
        self.setMaxVisibleItems(12)
        self.setWidget(edit)
        edit.textEdited.connect(self._offer)
        self.activated[QModelIndex].connect(self._picked)

    def _offer(self, text: str) -> None:
        if self._picking:
            return
        offers = self._terms.offers(text, LIMIT)
        self._lines.clear()
        for offer in offers:
            line = QStandardItem(offer.label)
            line.setData(offer.term.term, TERM)
            line.setToolTip(_tip(offer))
            line.setEditable(False)
            self._lines.appendRow(line)
        if not offers:
            self.popup().hide()
            return
        self.complete(QRect(0, 0, self._width(offers), self._edit.height()))
        self.popup().setCurrentIndex(QModelIndex())

    def _width(self, offers: list[Offer]) -> int:
        """The longest line's width; Qt keeps the list within the screen."""
        popup = self.popup()
        text = max(popup.fontMetrics().horizontalAdvance(o.label) for o in offers)
        room = (2 * popup.frameWidth() + 16  # the frame, and the margins of a line
                + popup.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        return max(self._edit.width(), text + room)

    def _picked(self, index: QModelIndex) -> None:
        name = index.data(TERM)
        self._picking = True  # the name put in the field is not a new search
        try:
            self._edit.setText(name)
            self._edit.textEdited.emit(name)  # the page sees a change, as when typed
        finally:
            self._picking = False


def _tip(offer: Offer) -> str:
    t = offer.term
    if offer.where == "term":
        return f"{t.term} ({t.soc})"
    grades = {f"grade {g}": text for g, text in enumerate(t.grades, start=1)}
    whole = {**grades, "definition": t.definition, "navigational note": t.note}
    return f"{t.term} ({t.soc})\n{offer.where}: {whole.get(offer.where) or offer.excerpt}"


def grade_help(store: "Store", field: Field, values: dict[str, Any]) -> str:
    """HTML for "About this field" of a grade field: the coded term's CTCAE grades."""
    if not field.grade_of:
        return ""
    lines = grade_lines(terms_of(store), values.get(field.grade_of))
    if not lines:
        return ""
    head, *grades = (html.escape(line) for line in lines)
    return f"<br><br><b>{head}</b><br>" + "<br>".join(grades)
