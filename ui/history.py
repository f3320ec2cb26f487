"""The audit trail of a form or of one field: who, when, old value, new value, reason."""
from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from alsdesk import datefmt
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.study import values as fv
from alsdesk.study.model import FieldType, Form, Study
from .fmt import local_time, row_list, site_format

__all__ = ["HistoryDialog", "history_rows"]

# audit action -> what the table says (the English is the catalogue's source: shown with tr())
ACTION_WORDS = {
    "value.entered": QT_TRANSLATE_NOOP("", "entered"),
    "value.changed": QT_TRANSLATE_NOOP("", "changed"),
    "value.cleared": QT_TRANSLATE_NOOP("", "cleared"),
    "code.entered": QT_TRANSLATE_NOOP("", "missing code set"),
    "code.changed": QT_TRANSLATE_NOOP("", "missing code changed"),
    "code.cleared": QT_TRANSLATE_NOOP("", "missing code removed"),
    "form.create": QT_TRANSLATE_NOOP("", "form started"),
    "form.status": QT_TRANSLATE_NOOP("", "status"),
    "signature.sign": QT_TRANSLATE_NOOP("", "signed"),
    "signature.invalidated": QT_TRANSLATE_NOOP("", "signature voided"),
    "form.verify": QT_TRANSLATE_NOOP("", "verified"),
    "form.verify_cleared": QT_TRANSLATE_NOOP("", "verification voided"),
    "form.lock": QT_TRANSLATE_NOOP("", "locked"),
    "form.unlock": QT_TRANSLATE_NOOP("", "unlocked"),
    "query.open": QT_TRANSLATE_NOOP("", "query raised"),
    "query.answer": QT_TRANSLATE_NOOP("", "query answered"),
    "query.close": QT_TRANSLATE_NOOP("", "query closed"),
}
RESTRICTED = QT_TRANSLATE_NOOP("", "(restricted)")
COLUMNS = (QT_TRANSLATE_NOOP("", "When"), QT_TRANSLATE_NOOP("", "Who"),
           QT_TRANSLATE_NOOP("", "Field"), QT_TRANSLATE_NOOP("", "What"),
           QT_TRANSLATE_NOOP("", "Old value"), QT_TRANSLATE_NOOP("", "New value"),
           QT_TRANSLATE_NOOP("", "Reason"))


def _shown(form: Form, field_id: str | None, action: str, text: str | None) -> str:
    if text is None:
        return ""
    if field_id and field_id in form.field_ids and action.startswith("value."):
        field = form.field(field_id)
        if field.type in (FieldType.INTEGER, FieldType.DECIMAL):
            return text  # exact, as recorded: a display rounded to `digits` could hide a change
        try:
            shown = datefmt.shown_value(field, fv.from_text(field, text), site_format())
        except AlsDeskError:
            return text
        return f"{shown} ({text})" if field.type is FieldType.CHOICE and shown != text else shown
    return text


def history_rows(study: Study, form_id: str, rows: Iterable[dict[str, Any]],
                 restricted: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    """Audit rows as the table shows them, identifiers the viewer may not see blanked."""
    form = study.form(form_id)
    restricted_text = tr(RESTRICTED)
    out = []
    for r in rows:
        field_id = r.get("field")
        label = form.field(field_id).label if field_id in form.field_ids else (field_id or "")
        old = _shown(form, field_id, r["action"], r.get("old_value"))
        new = _shown(form, field_id, r["action"], r.get("new_value"))
        if field_id in restricted:
            old, new = (restricted_text if old else ""), (restricted_text if new else "")
        who = f"{r.get('user_id') or ''} ({r.get('role') or ''})"
        action = r["action"]
        what = tr(ACTION_WORDS[action]) if action in ACTION_WORDS else action
        out.append((local_time(r["ts"]), who, label, what, old, new, r.get("reason") or ""))
    return out


class HistoryDialog(QDialog):
    """A read-only table of audit rows, newest last (the order they happened)."""

    def __init__(self, title: str, rows: list[tuple[str, ...]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        heading = QLabel(tr("<b>{title}</b> — from the audit trail, which cannot be "
                            "changed.").format(title=title))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.table = row_list(QTableWidget(len(rows), len(COLUMNS)), "history", title)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setWordWrap(True)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(320)
        if not rows:
            self.table.setRowCount(1)
            self.table.setItem(0, 0, QTableWidgetItem(tr("Nothing recorded yet.")))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
