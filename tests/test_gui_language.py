"""The window in Persian and back, as a nurse switches it: View > Language.

The switch builds the window again in the new language over the same store; what was on
screen (the open form, its answers as typed and not yet saved) must come through, mirrored
right to left in Persian; a Solar Hijri date and Persian digits typed are stored as the ISO
date and the number.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from alsdesk import i18n
from alsdesk.demo import DEMO_PASSWORD
from alsdesk.store import Store
from ui import language_switch
from ui.i18n import saved_language, use_language
from tests.ui_helpers import ui_settings  # noqa: F401 - fixture: settings in tmp
from tests.ui_helpers import RecordingPrompts, fill, settle
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(autouse=True)
def english_after():
    yield
    use_language("en")


def _switch(qtbot, window, code):
    window.language_actions[code].trigger()
    qtbot.waitUntil(lambda: bool(language_switch._alive) and language_switch._alive[0] is not window
                    and language_switch._alive[0].isVisible(), timeout=10000)
    new = language_switch._alive[0]
    settle(qtbot, new)
    return new


def _window(qtbot, path):
    """As tests.ui_helpers.open_window, but not handed to qtbot: the switch deletes the
    window it replaces, which qtbot would then try to close."""
    store = Store.open(path)
    store.login("nurse", "Demo-password-1")
    window = MainWindow(store, path)
    window.prompts = RecordingPrompts(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


def test_switching_to_persian_and_back_keeps_the_typed_answers(qtbot, demo_db):
    w = _window(qtbot, demo_db)
    assert w.open_form("S007", "screening", "vs")
    fill(w.form_page, pulse="77", vsdtc="07/DEC/2026 09:30")
    fa = _switch(qtbot, w, "fa")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert fa.isRightToLeft() and i18n.language() == "fa"
    tabs = [fa.pages.tabText(i) for i in range(fa.pages.count())]
    assert tabs[0] == "داشبورد" and tabs[3].startswith("فرم: ")
    assert [m.title() for m in fa.menuBar().findChildren(type(fa.print_menu))
            if m.title()][0] != "&File"
    assert fa.language_actions["fa"].isChecked()
    page = fa.form_page
    assert (page.subject, page.event_id, page.form_id) == ("S007", "screening", "vs")
    assert page.view.editor("pulse").raw() == "77"  # typed, unsaved, still there
    assert page.view.is_dirty()
    assert saved_language("nurse") == "fa"  # the nurse's own choice, kept for next time

    # a Solar Hijri date and Persian digits, typed; shown back in both calendars
    fill(page, vsdtc="07/DEC/2026 09:30")
    assert page.view.editor("vsdtc").both_calendars.text() == "= ۱۶ آذر ۱۴۰۵ 09:30"
    fill(page, vsdtc="16 آذر 1405 09:30")  # the month's name: the Gregorian beside
    assert page.view.editor("vsdtc").both_calendars.text() == "= 07/DEC/2026 09:30"
    fill(page, vsdtc="۱۴۰۵/۰۹/۱۶ ۰۹:۳۰", pulse="۸۱")
    assert page.view.editor("vsdtc").both_calendars.text() == "= 07/DEC/2026 09:30"
    assert page.save()
    with Store.open(demo_db) as st:
        st.login("nurse", "Demo-password-1")
        values = st.forms.get("S007", "screening", "vs").values
    assert values["vsdtc"] == "2026-12-07T09:30" and values["pulse"] == 81
    page.reload()  # read back: the stored date shown in the Solar Hijri calendar, both beside
    editor = page.view.editor("vsdtc")
    assert editor.edit.text() == "1405/09/16 09:30" and not page.view.is_dirty()
    assert editor.both_calendars.text() == "= 07/DEC/2026 09:30"
    from ui.fmt import date_text
    import datetime as dt
    assert date_text(dt.date(2026, 12, 7)) == "۱۴۰۵/۰۹/۱۶ (\u206607/DEC/2026\u2069)"

    fa.subjects.filter.setText("۰۰۵")  # Persian digits find S005
    assert fa.subjects.proxy.rowCount() == 1
    fa.subjects.filter.clear()

    en = _switch(qtbot, fa, "en")
    qtbot.addWidget(en)  # the last one: closed (and its store with it) at the end
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert en.pages.tabText(0) == "Dashboard" and i18n.language() == "en"
    assert en.form_page.form_id == "vs" and not en.form_page.view.is_dirty()
    assert en.form_page.view.editor("vsdtc").edit.text() == "07/DEC/2026 09:30"
    # in English a Gregorian date is shown as typed; a Solar Hijri one (Persian digits) is
    # read and its Gregorian shown beside it
    echo = en.form_page.view.editor("vsdtc").both_calendars
    assert echo.text() == ""
    fill(en.form_page, vsdtc="۱۴۰۵/۰۹/۱۷ ۰۸:۰۰")
    assert echo.text() == "= 08/DEC/2026 08:00"


def test_the_language_is_chosen_at_the_login_and_kept_for_that_person(qtbot, demo_db):
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.ui_helpers import when_modal
    from ui.app import sign_in
    from ui.dialogs_auth import LoginDialog

    seen: dict[str, str] = {}

    def second(dialog) -> None:  # shown again, in Persian, the user id kept
        seen["title"], seen["user"] = dialog.windowTitle(), dialog.user_id.text()
        seen["rtl"] = str(dialog.isRightToLeft())
        dialog.password.setText(DEMO_PASSWORD)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def first(dialog) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.user_id.setText("nurse")
        QTimer.singleShot(0, lambda: when_modal(second))
        dialog.language.setCurrentIndex(dialog.language.findData("fa"))

    with Store.open(demo_db) as st:
        when_modal(first)
        assert sign_in(st, demo_db)
        assert st.user_id == "nurse"
    assert seen["user"] == "nurse" and seen["rtl"] == "True"
    assert seen["title"] != "ALS Desk — log in" and "ALS Desk" in seen["title"]
    assert saved_language("nurse") == "fa" and saved_language() == "fa"


def test_a_catalogue_rewritten_while_the_window_runs_changes_nothing(tmp_path, monkeypatch):
    """The catalogue is read into memory: a .qm replaced while the program runs (an update,
    a rebuild) crashed the next translation when Qt read the mapped file (an outside
    review's SIGSEGV). The words stay those loaded, and nothing crashes."""
    import shutil

    from ui import i18n as ui_i18n

    copy = tmp_path / "alsdesk_fa.qm"
    shutil.copy(ui_i18n.catalogue_path("fa"), copy)
    monkeypatch.setattr(ui_i18n, "catalogue_path", lambda code: copy)
    use_language("fa")
    before = i18n.tr("Subjects")
    assert before != "Subjects"
    copy.write_bytes(b"\0" * 10)  # truncated and rewritten, as a rebuild does
    copy.unlink()
    for _ in range(3):
        assert i18n.tr("Subjects") == before
    assert i18n.tr("Queries") != "Queries"
