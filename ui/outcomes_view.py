"""The primary outcomes (fever, GCS fall within 72 h) on screen: a casebook tab for one
subject and a dashboard box for all. The verdicts are alsdesk.safety.outcomes'."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from alsdesk.i18n import tr
from .fmt import row_list
from .wrap_label import WrapLabel

if TYPE_CHECKING:
    from alsdesk.safety.outcomes import Outcome, OutcomesListing, SubjectOutcomes

__all__ = ["OutcomesPanel", "OutcomesBox", "outcome_text"]

_YES = QColor("#f8d7da")


def outcome_text(o: "Outcome", what: str) -> str:
    """One outcome in words: the verdict, the extreme value and when, the readings."""
    verdict = o.verdict.shown.upper() if o.verdict.value == "yes" else o.verdict.shown
    parts = [verdict]
    if o.value is not None:
        parts.append(tr("{what} {value:g} at {at}").format(what=what, value=o.value, at=o.at))
    if o.reference is not None:
        parts.append(tr("compared with {value:g} ({text})").format(value=o.reference,
                                                                   text=o.reference_text))
    if o.readings:
        parts.append((tr("{n} readings") if o.readings > 1 else tr("{n} reading"))
                     .format(n=o.readings) + (f", {o.span}" if o.span else ""))
    text = " · ".join(parts)
    return text + (f"\n{o.note}" if o.note else "")


class OutcomesPanel(QWidget):
    """The casebook's tab: one subject's fever and GCS verdicts."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("outcomes_panel")
        layout = QVBoxLayout(self)
        self.heading = QLabel("")
        self.heading.setObjectName("outcomes_heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.fever = QLabel("–")
        self.fever.setObjectName("outcome_fever")
        self.gcs = QLabel("–")
        self.gcs.setObjectName("outcome_gcs")
        for label in (self.fever, self.gcs):
            label.setWordWrap(True)
        form.addRow(tr("Fever:"), self.fever)
        form.addRow(tr("GCS fall:"), self.gcs)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_outcomes(self, o: "SubjectOutcomes | None", window_hours: float,
                      fever_at: float) -> None:
        if o is None:
            self.heading.setText(tr("No infusion start is recorded: the primary outcomes count "
                                    "from it ({hours:g} h).").format(hours=window_hours))
            self.fever.setText("–")
            self.gcs.setText("–")
            return
        from datetime import datetime

        from .fmt import datetime_text

        try:
            start = datetime_text(datetime.fromisoformat(o.start))
        except ValueError:
            start = o.start
        self.heading.setText(tr("Within {hours:g} h of the infusion start ({start}); "
                                "fever: {fever:.1f} °C or more.").format(
                                    hours=window_hours, start=start, fever=fever_at))
        self.fever.setText(outcome_text(o.fever, tr("highest °C")))
        self.gcs.setText(outcome_text(o.gcs, tr("lowest GCS")))


class OutcomesBox(QGroupBox):
    """The dashboard's box: counts and one row per subject infused."""

    open_subject = Signal(str)

    def __init__(self) -> None:
        super().__init__(tr("Primary outcomes (72 h)"))
        self.setObjectName("outcomes_box")
        layout = QVBoxLayout(self)
        self.counts = WrapLabel("…")
        # three short lines (infused, fever, GCS): the box is narrow and its height is the
        # splitter's, so the label keeps room for all three rather than being cut
        self.counts.setMinimumHeight(3 * self.counts.fontMetrics().lineSpacing() + 4)
        self.counts.setObjectName("outcomes_counts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.table = row_list(QTableWidget(0, 3), "outcomes_table")
        self.table.setAccessibleName(tr("Primary outcomes"))
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([tr("Subject"), tr("Fever"), tr("GCS fall")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(
            lambda r, _c: self.open_subject.emit(self.table.item(r, 0).text()))
        self.table.cellActivated.connect(
            lambda r, _c: self.open_subject.emit(self.table.item(r, 0).text()))
        layout.addWidget(self.table)

    def show_listing(self, lst: "OutcomesListing") -> None:
        from alsdesk.safety.outcomes import Verdict

        def count(which: str) -> str:
            return tr("{yes} yes, {no} no, {na} not assessable").format(
                yes=lst.count(which, Verdict.YES), no=lst.count(which, Verdict.NO),
                na=lst.count(which, Verdict.NOT_ASSESSABLE))

        self.counts.setText(tr("{n} infused\nFever: {fever}\nGCS fall: {gcs}").format(
            n=len(lst.rows), fever=count('fever'), gcs=count('gcs')))
        self._rows([(r.subject, r.fever, r.gcs) for r in lst.rows])

    def _rows(self, rows: Sequence[tuple[str, "Outcome", "Outcome"]]) -> None:
        self.table.setRowCount(len(rows))
        for i, (code, fever, gcs) in enumerate(rows):
            cells = (code, _short(fever, "°C"), _short(gcs, "GCS"))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j and (fever, gcs)[j - 1].verdict.value == "yes":
                    item.setBackground(QBrush(_YES))
                self.table.setItem(i, j, item)


def _short(o: "Outcome", unit: str) -> str:
    text = o.verdict.shown
    if o.value is not None and o.verdict.value == "yes":
        text += f" ({o.value:g} {unit}, {o.at})" if unit == "°C" else f" ({unit} {o.value:g}, {o.at})"
    return text
