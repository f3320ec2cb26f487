"""Values the core derives (ALSFRS-R total and subscores, stages, Delta-FS, age, dose,
eligibility), shown live beside a form and in the casebook."""
from __future__ import annotations

import dataclasses
from html import escape
from typing import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGroupBox, QHeaderView, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from alsdesk import i18n
from alsdesk.clinical.eligibility import EligibilityResult
from alsdesk.derive import DerivedValue, eligibility_text
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

__all__ = ["DerivedPanel", "EligibilityView"]

_MARK = {True: QT_TRANSLATE_NOOP("", "✔ met"), False: QT_TRANSLATE_NOOP("", "✖ not met"),
         None: QT_TRANSLATE_NOOP("", "? not known")}
_VERDICT_STYLE = {True: "color: #1b5e20;", False: "color: #b00020;", None: "color: #5f6368;"}


class EligibilityView(QWidget):
    """The verdict and each criterion: met, not met, or not yet known, with the detail."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact  # beside a form: the detail says what the criterion is
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel()
        self.verdict.setObjectName("eligibility_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("eligibility_criteria")
        self.table.setAccessibleName(tr("Eligibility criteria"))
        self.table.setHorizontalHeaderLabels((tr("Criterion"), tr("Result"), tr("Detail")))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if compact:
            self.table.setColumnHidden(0, True)
        layout.addWidget(self.table)

    def show_result(self, result: EligibilityResult | None, error: str | None = None) -> None:
        if result is None:
            self.verdict.setText(error or tr("Eligibility is not defined for this study."))
            self.verdict.setStyleSheet(_VERDICT_STYLE[None])
            self.table.setRowCount(0)
            return
        self.verdict.setText(f"<b>{eligibility_text(result)}</b>")
        self.verdict.setStyleSheet(_VERDICT_STYLE[result.eligible])
        self.table.setRowCount(len(result.criteria))
        for i, c in enumerate(result.criteria):
            mark = tr(_MARK[c.met])
            for j, text in enumerate((c.shown_label, mark, c.shown_detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{c.shown_label}: {mark} — {c.shown_detail}")
                if j == 1 and c.met is False:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(i, j, item)
        height = sum(self.table.rowHeight(i) for i in range(self.table.rowCount()))
        height += self.table.horizontalHeader().sizeHint().height() + 4
        self.table.setMinimumHeight(height)
        self.table.setMaximumHeight(height)  # no empty grid below the last criterion


class DerivedPanel(QGroupBox):
    """One line per derived value of a form, refreshed as the nurse types."""

    def __init__(self, title: str = QT_TRANSLATE_NOOP("", "Calculated by ALS Desk"),
                 parent: QWidget | None = None) -> None:
        super().__init__(tr(title), parent)
        self.setObjectName("derived_panel")
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        # Persian names are longer and wrap: beside their values, in a narrow side column,
        # their ends were cut (an outside review); above them each has the whole width
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows
                                   if i18n.language() in i18n.RIGHT_TO_LEFT
                                   else QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.addLayout(self.form)
        self.labels: dict[str, QLabel] = {}
        self.eligibility: EligibilityView | None = None

    def reset(self) -> None:
        """Forget the rows of the previous form."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.labels.clear()
        while self.layout_.count() > 1:
            item = self.layout_.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.eligibility = None

    def show_values(self, derived: Mapping[str, DerivedValue],
                    labels: Mapping[str, str] | None = None) -> None:
        """Show each derived value's text, its note (mid-month onset ...) or its error;
        `labels`: the values' labels as the form shows them (their own by default)."""
        labels = labels or {}
        for d in derived.values():
            d = dataclasses.replace(d, label=labels.get(d.id, d.label))
            if isinstance(d.value, EligibilityResult) or d.id == "eligibility":
                self._eligibility(d)
                continue
            label = self.labels.get(d.id)
            if label is None:
                label = QLabel()
                label.setObjectName(f"derived_{d.id}")
                label.setAccessibleName(d.label)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                name = QLabel(d.label + ":")
                name.setTextFormat(Qt.TextFormat.PlainText)  # the definition's words
                # a wrapped name of mixed scripts ("نمرهٔ کل ALSFRS-R") was measured
                # narrower than drawn and cut; above its value (right to left) it has the
                # whole width and keeps one line
                name.setWordWrap(not i18n.language() in i18n.RIGHT_TO_LEFT)
                self.form.addRow(name, label)
                self.labels[d.id] = label
            extra = d.error or d.note
            label.setText(f"<b>{escape(d.text)}</b>"
                          + (f"<br><small>{escape(extra)}</small>" if extra else ""))

    def _eligibility(self, d: DerivedValue) -> None:
        if self.eligibility is None:
            self.eligibility = EligibilityView(compact=True)
            self.eligibility.setObjectName(f"derived_{d.id}")
            name = QLabel(d.label + ":")
            name.setTextFormat(Qt.TextFormat.PlainText)
            self.layout_.addWidget(name)
            self.layout_.addWidget(self.eligibility)
        result = d.value if isinstance(d.value, EligibilityResult) else None
        self.eligibility.show_result(result, d.error)

    def text(self, derived_id: str) -> str:
        """The shown text of one derived value (for tests and screen readers)."""
        if derived_id in self.labels:
            return self.labels[derived_id].text()
        view = self.eligibility
        if view is not None and view.objectName() == f"derived_{derived_id}":
            return view.verdict.text()
        raise KeyError(derived_id)
