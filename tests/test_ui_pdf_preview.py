"""The PDF preview (QtPdf) with Print and Save as, and the Print menu actions."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

from tests.conftest import PASSWORD  # noqa: E402
from tests.ui_helpers import ui_settings  # noqa: E402,F401 - settings go to the test's folder


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from alsdesk.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db", today=date(2025, 3, 1))


def FakeWindow(store, db_path: Path, subject=None, event=None):  # noqa: N802
    """A QMainWindow with the parts of MainWindow the print actions use."""
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        def current_subject(self):
            return self._subject

        def current_event(self):
            return self._event

    window = Window()
    window.print_menu = window.menuBar().addMenu("&Print")
    window.store, window.db_path = store, db_path
    window._subject, window._event = subject, event
    return window


def _wait(qtbot, preview):
    qtbot.waitUntil(lambda: preview.result is not None or preview.error is not None,
                    timeout=30000)
    assert preview.error is None, preview.error


def test_preview_generates_off_the_gui_thread_and_shows_pages(qtbot, demo_path, tmp_path):
    from alsdesk.store import Store
    from ui.pdf_preview import PdfPreview
    from ui.print_actions import make_pdf

    with Store.open(demo_path, readonly=True) as store:
        study = store.study
    preview = PdfPreview(None, "Casebook")
    qtbot.addWidget(preview)
    progress = []
    preview.progress.valueChanged.connect(progress.append)
    preview.generate(make_pdf, "casebook", "S004", db_path=demo_path, study=study)
    assert not preview.save_button.isEnabled()
    _wait(qtbot, preview)
    assert preview.document.pageCount() == preview.result.pages > 5
    assert preview.save_button.isEnabled() and preview.print_button.isEnabled()
    assert progress, "the progress bar moved"
    assert preview.result.fingerprint in preview.status.text()
    out = tmp_path / "saved.pdf"
    preview.save_to(out)
    assert out.read_bytes() == preview.result.data


def test_printing_renders_every_page(qtbot, demo_path, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    from alsdesk.store import Store
    from ui.pdf_preview import PdfPreview, print_document
    from ui.print_actions import make_pdf

    with Store.open(demo_path, readonly=True) as store:
        study = store.study
    preview = PdfPreview(None, "AE listing")
    qtbot.addWidget(preview)
    preview.generate(make_pdf, "ae-listing", db_path=demo_path, study=study)
    _wait(qtbot, preview)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_document(preview.document, printer) == preview.result.pages
    assert target.stat().st_size > 1000


def test_errors_are_shown_not_raised(qtbot, demo_path):
    from ui.pdf_preview import PdfPreview
    from ui.print_actions import make_pdf

    preview = PdfPreview(None, "Casebook")
    qtbot.addWidget(preview)
    preview.generate(make_pdf, "casebook", "S999", db_path=demo_path)
    qtbot.waitUntil(lambda: preview.error is not None, timeout=30000)
    assert "S999" in preview.status.text()
    assert not preview.save_button.isEnabled()


def test_print_menu_actions(qtbot, demo_path):
    from alsdesk.store import Store
    from ui import print_actions

    with Store.open(demo_path, readonly=True) as store:
        window = FakeWindow(store, demo_path, subject="S004", event=("m2", 1))
        qtbot.addWidget(window)
        print_actions.install(window)
        names = [a.objectName() for a in window.print_menu.actions() if a.objectName()]
        for key in ("blank", "visit", "casebook", "schedule", "ae-listing"):
            assert f"print_{key}" in names
        window.print_menu.aboutToShow.emit()
        assert window.print_actions["visit"].isEnabled()
        assert not window.print_actions["casebook_identifiers"].isVisible()
        preview = print_actions.open_preview(window, "visit", "S004", "m2")
        _wait(qtbot, preview)
        assert preview.result.title.startswith("Visit forms")
        preview.close()
        window._subject = None
        window.print_menu.aboutToShow.emit()
        assert not window.print_actions["casebook"].isEnabled()


def test_identifiers_in_the_gui_need_an_administrator(qtbot, db_path, store):
    from ui import print_actions

    code = store.subjects.create("ID").code
    store.forms.save(code, "screening", "pii", {"fullname": "Name To Hide"})
    store.logout()
    store.login("admin", PASSWORD)
    window = FakeWindow(store, db_path, subject=code)
    qtbot.addWidget(window)
    preview = print_actions.open_preview(window, "casebook", code, identifiers=True)
    _wait(qtbot, preview)
    from tests.pdf_helpers import fold, pages_text

    assert "Name To Hide" in fold(" ".join(pages_text(preview.result.data)))
    rows = store.conn.execute("SELECT user_id, field FROM audit_trail WHERE action = "
                              "'data.export'")
    assert [tuple(r) for r in rows] == [("admin", None), ("admin", "pdf")]  # disclosure, print


def test_real_main_window_has_the_print_menu_and_casebook_button(qtbot, tmp_path):
    from alsdesk.demo import build_demo
    from tests.ui_helpers import open_window, settle
    from ui.pdf_preview import PdfPreview

    path = build_demo(tmp_path / "demo.db", today=date(2025, 3, 1))
    window = open_window(qtbot, path)
    names = [a.objectName() for a in window.print_menu.actions()]
    assert "print_casebook" in names and "print_blank" in names
    window.open_subject("S004")
    settle(qtbot, window)
    button = window.casebook.findChild(type(window.casebook.sign_button), "casebook_print")
    assert button is not None and button.menu() is not None
    window.print_menu.aboutToShow.emit()
    assert window.print_actions["casebook"].isEnabled()
    window.print_actions["casebook"].trigger()
    previews = window.findChildren(PdfPreview)
    assert len(previews) == 1
    _wait(qtbot, previews[0])
    assert previews[0].result.filename == "casebook-S004.pdf"
    previews[0].close()


@pytest.fixture
def shown(qtbot, study):
    """A preview of the blank book, shown and active, the pages' view holding the focus."""
    from PySide6.QtWidgets import QApplication
    from alsdesk import pdf
    from ui.pdf_preview import PdfPreview

    preview = PdfPreview(None, "Blank CRF book")
    qtbot.addWidget(preview)
    preview.show_result(pdf.blank_book(study, pdf.PrintOptions(), None))
    preview.show()
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    assert QApplication.focusWidget() is preview.view
    return preview


def test_the_preview_fits_the_screen_with_its_buttons_on_it(shown):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    area = shown.screen().availableGeometry()  # 800 x 600 offscreen: smaller than A4 wants
    assert area.contains(shown.frameGeometry()), (area, shown.frameGeometry())
    for name in ("pdf_print", "pdf_save", "pdf_close", "pdf_page", "pdf_fit_width"):
        widget = shown.findChild(QWidget, name)
        box = QRect(widget.mapTo(shown, widget.rect().topLeft()), widget.size())
        assert widget.isVisible() and shown.rect().contains(box), name


def test_pages_by_key_and_by_typed_number(qtbot, shown):
    from PySide6.QtCore import Qt

    controls, count = shown.controls, shown.document.pageCount()
    assert controls.page.text() == f"1 / {count}"
    qtbot.keyClick(shown.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(shown.view, Qt.Key.Key_PageDown)
    assert controls.current() == 2 and controls.page.text() == f"3 / {count}"
    qtbot.keyClick(shown.view, Qt.Key.Key_Left)
    assert controls.current() == 1
    qtbot.keyClick(shown.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert controls.page.text() == f"{count} / {count}"
    qtbot.keyClick(shown.view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Page:
    assert shown.focusWidget() is controls.page
    controls.page.lineEdit().selectAll()
    qtbot.keyClicks(controls.page, "12")
    qtbot.keyClick(controls.page, Qt.Key.Key_Return)
    assert controls.current() == 11 and shown.isVisible()  # Enter pressed no button
    scrolled = shown.view.verticalScrollBar().value()
    qtbot.keyClick(controls.page, Qt.Key.Key_PageUp)
    assert controls.current() == 10 and shown.view.verticalScrollBar().value() < scrolled


def test_zoom_by_key_keeps_the_page_and_fit_width_toggles(qtbot, shown):
    from PySide6.QtCore import Qt
    from PySide6.QtPdfWidgets import QPdfView

    controls, view = shown.controls, shown.view
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert controls.fit.isChecked()
    fitted = controls.zoom()
    top = view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and not controls.fit.isChecked()
    assert controls.zoom() > fitted
    assert controls.zoom_label.text() == f"{round(controls.zoom() * 100)} %"
    # Qt's view keeps the scroll offset; the preview goes back to the top of page 3.
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > top * controls.zoom() / fitted * 0.98)
    assert controls.current() == 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert controls.zoom() < fitted and controls.current() == 2
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert controls.fit.isChecked() and view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert controls.current() == 2


def test_escape_closes_the_preview(qtbot, shown):
    from PySide6.QtCore import Qt

    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)
    assert not shown.isVisible()
