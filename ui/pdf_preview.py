"""Preview of a generated PDF inside the program, with Print and Save as.

The document is made in a worker (ui.tasks.run_task) while a progress bar runs; the result
(an alsdesk.pdf.PdfResult) is shown with QtPdf, with page and zoom controls
(ui.pdf_navigation) above it, in a window that fits the screen it opens on. Print renders each page to the printer the
user picked in the system print dialog; Save as writes the bytes unchanged, so the saved file
is the one whose fingerprint the footer shows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import (
    QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, QStandardPaths, Qt,
)
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QStyle,
    QVBoxLayout, QWidget,
)

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from alsdesk.outfile import write_bytes
from .i18n import ltr
from .pdf_navigation import PageControls
from .tasks import run_task

__all__ = ["PdfPreview", "print_document"]

PRINT_DPI = 300  # enough for text and boxes; higher only costs memory
PREFERRED_WIDTH, PREFERRED_HEIGHT = 960, 1000  # an A4 page at a readable width


class PdfPreview(QDialog):
    """A window that generates a document in the background, then shows it."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(title)
        self.result: Any = None  # the PdfResult once generated
        self.error: Exception | None = None
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAccessibleName(tr("Pages of the document"))
        self.controls = PageControls(self.view, self)
        self.status = QLabel(tr("Preparing the document…"))
        self.status.setObjectName("pdf_status")
        self.status.setWordWrap(True)  # a long title and fingerprint must not widen the window
        self.status.setMinimumWidth(120)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("pdf_progress")
        self.progress.setRange(0, 0)  # busy until the first report
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setObjectName("pdf_print")
        self.save_button = QPushButton(tr("Save as…"))
        self.save_button.setObjectName("pdf_save")
        close = QPushButton(tr("Close"))
        close.setObjectName("pdf_close")
        close.setToolTip(tr("Close the preview (Esc)"))
        for button in (self.print_button, self.save_button, close):
            button.setAutoDefault(False)  # Enter is for the page field; a click is asked for
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.view.setFocus()
        self.fit_screen()

    def fit_screen(self) -> None:
        """As large as the document wants (A4 at its width), never larger than the screen.

        The screen is the parent's (or the primary one); its available area leaves out panels
        and task bars, and the title bar is allowed for, so Print, Save and Close stay visible.
        """
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 16
        width = min(PREFERRED_WIDTH, area.width() - 16)
        height = min(PREFERRED_HEIGHT, area.height() - frame)
        self.setMaximumSize(area.width(), area.height())
        self.resize(max(width, 320), max(height, 240))
        self.move(area.x() + (area.width() - self.width()) // 2,
                  area.y() + max(0, (area.height() - self.height() - frame) // 2))

    # -- generating -------------------------------------------------------------------------

    def generate(self, fn: Callable[..., Any], *args: Any, db_path: Path, study=None,
                 session=None, readonly: bool = True, **kwargs: Any) -> None:
        """Run ``fn(store, *args, progress=..., **kwargs)`` in a worker; show what it returns."""
        run_task(fn, *args, db_path=db_path, study=study, session=session, readonly=readonly,
                 on_result=self.show_result, on_error=self.show_error,
                 on_progress=self._on_progress, **kwargs)

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(max(0, min(100, percent)))
        if text:
            self.status.setText(tr("Preparing the document: {step}…").format(step=text))

    def show_result(self, result: Any) -> None:
        """Load a PdfResult into the view and enable Print and Save as."""
        self.result = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.controls.document_loaded()
        self.progress.hide()
        # codes kept left to right in a Persian line: copied for `verify --against` as printed
        stamp = (" · " + tr("data fingerprint {fingerprint}").format(
            fingerprint=ltr(result.fingerprint)) if result.fingerprint else "")
        if result.audit_head is not None:
            stamp += " · " + tr("audit head {head}").format(head=ltr(result.audit_head.text()))
        pages = (tr("{n} page") if result.pages == 1 else tr("{n} pages")).format(n=result.pages)
        # the title isolated (U+2068..U+2069): a Persian printout's title in an English
        # window turned the whole line right to left ("pages · … فرم‌های ویزیت: ماه 2: 5")
        self.status.setText(f"\u2068{result.title}\u2069: {pages}{stamp}")
        if getattr(result, "not_recorded", None):  # a read-only window: say so, in words
            self.status.setText(f"{self.status.text()}. {result.not_recorded}")
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def show_error(self, exc: Exception) -> None:
        self.error = exc
        self.progress.hide()
        self.status.setText(tr("The document could not be made: {error}").format(error=exc))
        if self.isVisible():
            QMessageBox.warning(self, self.windowTitle(),
                                tr("The document could not be made.\n\n{error}").format(error=exc))

    # -- saving and printing ----------------------------------------------------------------

    def save_dialog(self) -> None:
        if self.result is None:
            return
        docs = QStandardPaths.StandardLocation.DocumentsLocation
        folder = Path(QStandardPaths.writableLocation(docs) or Path.home())
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the PDF"),
                                              str(folder / self.result.filename),
                                              tr("PDF documents (*.pdf)"))
        if path:
            try:
                self.save_to(Path(path))
            except (OSError, AlsDeskError) as exc:
                QMessageBox.warning(self, tr("Save as"),
                                    tr("The file could not be written:\n{error}").format(error=exc))
                return
            self.status.setText(tr("Saved as {path}").format(path=ltr(path)))

    def save_to(self, path: Path) -> None:
        """Write the generated bytes unchanged (the dialog asked before replacing a file;
        never a FIFO or device, and a kill leaves no half PDF: alsdesk.outfile)."""
        write_bytes(path, self.result.data, force=True)

    def print_dialog(self) -> None:
        if self.result is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _match_paper(printer, self.document)
        printer.setDocName(self.result.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = print_document(self.document, printer)
            self.status.setText((tr("Sent {n} page to the printer.") if pages == 1
                                 else tr("Sent {n} pages to the printer.")).format(n=pages))


def _match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Start the print dialog on the document's paper (A4 or Letter) and orientation."""
    if document.pageCount() == 0:
        return
    size = document.pagePointSize(0)
    width, height = sorted((size.width(), size.height()))
    page_id = QPageSize.PageSizeId.Letter if abs(width - 612) < 3 else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(page_id))
    landscape = size.width() > size.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render the pages (the range chosen in the dialog, else all) to a printer."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("The printer could not be started."))
    printed = 0
    try:
        for index in range(first - 1, min(last, count)):
            if printed:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            points = document.pagePointSize(index)
            image = document.render(index, QSize(int(points.width() * PRINT_DPI / 72),
                                                 int(points.height() * PRINT_DPI / 72)))
            if (image.width() > image.height()) != (area.width() > area.height()):
                image = image.transformed(QTransform().rotate(90))
            _draw_fitted(painter, image, QRectF(0, 0, area.width(), area.height()))
            printed += 1
    finally:
        painter.end()
    return printed


def _draw_fitted(painter: QPainter, image: QImage, target: QRectF) -> None:
    scale = min(target.width() / image.width(), target.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    origin = QPointF(target.x() + (target.width() - width) / 2, target.y())
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRectF(origin.x(), origin.y(), width, height), image)

