"""The CTCAE terms on the form page: a field with ``terminology = "ctcae"`` offers the
imported terms as the nurse types (any part of a term, in any case), and a field with
``grade_of`` shows, in "About this field", the grades CTCAE defines for the coded term.
What is typed is never changed: the list only offers; the checks (is_ctcae_term,
ctcae_has_grade) say at completion what does not fit. The words are alsdesk.safety.ctcae's.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from alsdesk.safety.ctcae import grade_lines, terms_of
from alsdesk.study.model import Field

if TYPE_CHECKING:
    from alsdesk.store.core import Store

    from .form_renderer import FormView


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
        if not isinstance(edit, QLineEdit) or edit.completer() is not None:
            continue
        terms = terms_of(store)
        if not terms.available:
            continue
        completer = QCompleter(QStringListModel(terms.names(), edit), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.setObjectName(f"{f.id}__terms")
        edit.setCompleter(completer)
        # the text the nurse picks counts as typed: the page sees a change
        completer.activated.connect(lambda _text, e=edit: e.textEdited.emit(e.text()))


def grade_help(store: "Store", field: Field, values: dict[str, Any]) -> str:
    """HTML for "About this field" of a grade field: the coded term's CTCAE grades."""
    if not field.grade_of:
        return ""
    lines = grade_lines(terms_of(store), values.get(field.grade_of))
    if not lines:
        return ""
    head, *grades = (html.escape(line) for line in lines)
    return f"<br><br><b>{head}</b><br>" + "<br>".join(grades)
