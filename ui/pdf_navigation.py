"""Page and zoom controls for a QPdfView: "3 / 58" (typed or stepped), zoom steps, fit to width.

Keys, wherever the focus is in the preview: PgUp/PgDn (and Left/Right on the pages) move a
page, Ctrl+Home/Ctrl+End go to the first/last, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits the width.
Qt's view keeps its scroll position, not its page, when the zoom changes; every zoom here goes
back to the page that was on screen.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractSpinBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget,
)

from alsdesk.i18n import tr

__all__ = ["PageControls", "ZOOM_STEPS"]

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


class PageControls(QWidget):
    """A bar of page and zoom controls driving one QPdfView."""

    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.navigator = view.pageNavigator()
        self.previous = self._button("pdf_previous", tr("◀ Previous"), tr("Previous page (Page Up)"))
        self.next = self._button("pdf_next", tr("Next ▶"), tr("Next page (Page Down)"))
        self.page = QSpinBox()
        self.page.setObjectName("pdf_page")
        self.page.setAccessibleName(tr("Page number"))
        self.page.setToolTip(tr("Type a page number and press Enter"))
        self.page.setKeyboardTracking(False)  # "12" goes to page 12, not to 1 then 12
        self.page.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.page.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.zoom_out = self._button("pdf_zoom_out", "−", tr("Zoom out (Ctrl+-)"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("pdf_zoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in = self._button("pdf_zoom_in", "+", tr("Zoom in (Ctrl++)"))
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("+") * 3 + 24)
        self.fit = self._button("pdf_fit_width", tr("Fit width"),
                                tr("Fit the page to the width (Ctrl+0)"))
        self.fit.setCheckable(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        page_label = QLabel(tr("&Page:"))
        page_label.setBuddy(self.page)
        for widget in (self.previous, page_label, self.page, self.next):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit):
            layout.addWidget(widget)
        self.previous.clicked.connect(lambda: self.go(self.current() - 1))
        self.next.clicked.connect(lambda: self.go(self.current() + 1))
        self.page.valueChanged.connect(lambda n: self.go(n - 1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.fit.toggled.connect(self.set_fit_width)
        self.navigator.currentPageChanged.connect(self._show_page)
        view.zoomFactorChanged.connect(lambda _z: self._show_zoom())
        view.zoomModeChanged.connect(lambda _m: self._show_zoom())
        self._wanted: int | None = None  # the page to show again after a zoom
        # Timers owned by this bar (not QTimer.singleShot): they die with the window.
        self._relayout = self._later(self._relaid)
        self._rezoom = self._later(self._show_zoom)
        view.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._relayout.start())
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self._keys(parent or self)
        self.fit.setChecked(view.zoomMode() == QPdfView.ZoomMode.FitToWidth)
        self.document_loaded()

    def _later(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoDefault(False)  # Enter in the page field must not press a button
        return button

    def _keys(self, owner: QWidget) -> None:
        def key(sequence, handler) -> None:
            shortcut = QShortcut(QKeySequence(sequence), owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)

        key(Qt.Key.Key_PageDown, lambda: self.go(self.current() + 1))
        key(Qt.Key.Key_PageUp, lambda: self.go(self.current() - 1))
        key("Ctrl+Home", lambda: self.go(0))
        key("Ctrl+End", lambda: self.go(self.count() - 1))
        # Each sequence once: two shortcuts on one sequence are ambiguous and neither fires.
        zoom_in = QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)
        zoom_in += [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")]  # "=" is "+" unshifted
        zoom_out = QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)
        zoom_out += [QKeySequence("Ctrl+-")]
        for sequences, direction in ((zoom_in, +1), (zoom_out, -1)):
            for text in dict.fromkeys(s.toString() for s in sequences):
                key(text, lambda d=direction: self.step_zoom(d))
        key("Ctrl+0", self.fit.toggle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Left/Right on the pages turn a page (Up/Down still scroll inside one)."""
        if event.type() == QEvent.Type.KeyPress and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() == Qt.Key.Key_Right:
                self.go(self.current() + 1)
                return True
            if event.key() == Qt.Key.Key_Left:
                self.go(self.current() - 1)
                return True
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._rezoom.start()  # fit to width changes with the window
        return super().eventFilter(watched, event)

    # -- pages ------------------------------------------------------------------------------
    def count(self) -> int:
        document = self.view.document()
        return document.pageCount() if document is not None else 0

    def current(self) -> int:
        """The page on screen, from 0."""
        return max(0, self.navigator.currentPage())

    def go(self, index: int) -> None:
        """Show page `index` (from 0, kept inside the document) at its top."""
        if self.count() == 0:
            return
        index = max(0, min(self.count() - 1, index))
        if self._wanted is not None and self._wanted != index:
            self._wanted = index  # the user moved on before the view was laid out
        zoom = self.navigator.currentZoom()
        if self.navigator.currentPage() == index and self.count() > 1:
            # The view scrolls only when the navigator's page number changes; after a zoom it
            # may be mid-page on that same number. Set another number quietly, then jump.
            self.navigator.blockSignals(True)
            self.navigator.update(index + 1 if index == 0 else index - 1, QPointF(), zoom)
            self.navigator.blockSignals(False)
        self.navigator.jump(index, QPointF(), zoom)
        self._show_page(index)

    def document_loaded(self) -> None:
        """The document's page count is known: set the field's range and "/ N"."""
        count = self.count()
        self.page.blockSignals(True)
        self.page.setRange(1, max(1, count))
        self.page.setSuffix(f" / {count}")
        self.page.blockSignals(False)
        width = self.page.fontMetrics().horizontalAdvance(f"{count} / {count}")
        self.page.setMinimumWidth(width + 24)
        for widget in (self.previous, self.next, self.page, self.zoom_in, self.zoom_out,
                       self.fit):
            widget.setEnabled(count > 0)
        self._show_page(self.current())
        self._show_zoom()

    def _show_page(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < self.count() - 1)

    # -- zoom -------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The scale on screen (in fit-to-width mode, the one Qt computed for the width)."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.count() == 0:
            return self.view.zoomFactor()
        points = self.view.document().pagePointSize(self.current())
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        pixels = points.width() * self.view.logicalDpiX() / 72
        return room / pixels if pixels > 0 else 1.0

    def step_zoom(self, direction: int) -> None:
        """The next zoom step up (+1) or down (-1) from what is on screen; leaves fit width."""
        now = self.zoom()
        steps = [z for z in ZOOM_STEPS if (z > now * 1.01 if direction > 0 else z < now * 0.99)]
        if not steps:
            return
        self._set_zoom(min(steps) if direction > 0 else max(steps))

    def _set_zoom(self, factor: float) -> None:
        page = self.current()
        self.fit.blockSignals(True)
        self.fit.setChecked(False)
        self.fit.blockSignals(False)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._back_to(page)

    def _back_to(self, page: int) -> None:
        """The page on screen again once the view has laid out the pages at the new scale.

        Qt lays the pages out after the zoom call returns (the scroll range changes first);
        a jump before that lands at the old offset, in the middle of another page.
        """
        self._wanted = page
        self.go(page)
        self._relayout.start()

    def _relaid(self) -> None:
        if self._wanted is not None:
            page, self._wanted = self._wanted, None
            self.go(page)

    def set_fit_width(self, on: bool) -> None:
        """Fit the page to the window's width (on), or keep the present scale (off)."""
        page = self.current()
        if on:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            factor = self.zoom()
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)
        self._back_to(page)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom() * 100)} %")
        now = self.zoom()
        self.zoom_in.setEnabled(self.count() > 0 and now < ZOOM_STEPS[-1] * 0.99)
        self.zoom_out.setEnabled(self.count() > 0 and now > ZOOM_STEPS[0] * 1.01)
