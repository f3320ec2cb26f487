"""A wrapped label kept as tall as its text needs at its width."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

__all__ = ["WrapLabel"]


class WrapLabel(QLabel):
    """A word-wrapped label whose minimum height follows its text at its width: a layout
    otherwise gives it the height of an earlier width and cuts the last lines (the side
    column's lab grades, the dashboard's outcome counts)."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def fit(self) -> None:
        if self.width() > 0:
            self.setMinimumHeight(max(self.heightForWidth(self.width()),
                                      self.minimumSizeHint().height()))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()
