"""The SAE clock on screen: a casebook panel listing each serious event's reports due or
overdue (in the core's words, alsdesk.safety.sae) and a button printing its SAE report
form (CIOMS I layout). Every decision shown is the core's."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from alsdesk.i18n import tr
from alsdesk.safety.sae import ReportState, SaeClock

if TYPE_CHECKING:
    pass

__all__ = ["report_colour", "SaePanel"]

_RED, _AMBER = "#f4c7c3", "#fce8b2"


def report_colour(state: ReportState) -> QColor | None:
    """Overdue red, due (or no clock yet) amber, sent nothing."""
    if state is ReportState.OVERDUE:
        return QColor(_RED)
    if state.open:
        return QColor(_AMBER)
    return None


class SaePanel(QWidget):
    """One line per serious event: its next report and when; hidden without any SAE."""

    def __init__(self, print_report: Callable[[int], object]) -> None:
        super().__init__()
        self.setObjectName("casebook_sae")
        self.print_report = print_report
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lines = QLabel()
        self.lines.setObjectName("sae_lines")
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(self.lines.textFormat().PlainText)
        layout.addWidget(self.lines)
        row = QHBoxLayout()
        self.entry = QComboBox()
        self.entry.setObjectName("sae_entry")
        self.entry.setAccessibleName(tr("Serious adverse event to print"))
        self.button = QPushButton(tr("Print SAE &report (CIOMS I)…"))
        self.button.setObjectName("print_sae_report")
        self.button.setToolTip(tr("The SAE report form of the chosen serious adverse event, "
                                  "filled from the data, to send to the sponsor"))
        self.button.clicked.connect(self._print)
        row.addWidget(self.entry, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.clocks: list[SaeClock] = []
        self.hide()

    def show_clocks(self, clocks: Sequence[SaeClock]) -> None:
        self.clocks = list(clocks)
        self.setVisible(bool(clocks))
        texts = []
        for c in clocks:
            pending = c.pending
            what = "; ".join(r.text for r in pending) if pending else tr("reports up to date")
            texts.append(tr("AE {entry} ({term}): {what}").format(entry=c.entry, term=c.term,
                                                                  what=what))
        self.lines.setText("\n".join(texts))
        late = any(c.overdue for c in clocks)
        due = any(c.pending for c in clocks)
        colour = _RED if late else _AMBER if due else "#e6f4ea"
        self.lines.setStyleSheet(f"background: {colour}; padding: 4px;"
                                 + (" font-weight: bold;" if late else ""))
        self.entry.clear()
        for c in clocks:
            self.entry.addItem(tr("AE {entry}: {term}").format(entry=c.entry, term=c.term[:60]),
                               c.entry)

    def _print(self) -> None:
        entry = self.entry.currentData()
        if entry is not None:
            self.print_report(int(entry))
