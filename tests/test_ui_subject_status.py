"""The status dialog by keyboard: nothing chosen at the start, only what the data allows,
a reason required, a confirmation naming the subject; the infusion's eligibility stop and the
investigator's override from the form page."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from alsdesk.states import SubjectStatus as S
from tests.ui_helpers import demo_db, demo_template, fill, open_window, when_modal  # noqa: F401
from ui.dialogs import SubjectStatusDialog


def _status_rows(store, code):
    return store.conn.execute(
        "SELECT old_value, new_value, reason FROM audit_trail WHERE action = 'subject.status' "
        "AND subject = ? ORDER BY seq", (code,)).fetchall()


def _when_box(handler) -> None:
    """Call `handler(box)` once the confirmation (a message box over the dialog) shows."""
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            handler(box)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _open_dialog_by_keys(qtbot, window, code, handler) -> None:
    """Open the subject, then press the casebook's status button from the keyboard."""
    window.open_subject(code)
    button = window.casebook.status_button
    assert button.isEnabled(), button.toolTip()
    done = []

    def run(dialog):
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            handler(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the dialog waiting
                dialog.reject()
            done.append(True)

    when_modal(run)
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def test_enter_explains_what_is_missing_then_confirms_naming_the_subject(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    store = window.store
    seen: dict[str, object] = {}

    def drive(dialog):
        assert isinstance(dialog, SubjectStatusDialog)
        assert dialog.focusWidget() is dialog.status  # the first input, not OK
        assert dialog.choice()[0] is None  # nothing chosen for the nurse
        QTest.keyClick(dialog.status, Qt.Key.Key_Return)
        assert dialog.isVisible()
        seen["no status"] = dialog.problem.text()
        assert dialog.focusWidget() is dialog.status
        QTest.keyClick(dialog.status, Qt.Key.Key_Down)  # the first status the data allows
        assert dialog.choice()[0] is S.SCREEN_FAILURE
        QTest.keyClick(dialog.status, Qt.Key.Key_Return)
        assert dialog.isVisible()
        seen["no reason"] = dialog.problem.text()
        assert dialog.focusWidget() is dialog.reason
        QTest.keyClicks(dialog.reason, "FVC 35 % at screening")

        def confirm(box):
            assert isinstance(box, QMessageBox)
            seen["confirm"] = box.text()
            seen["informative"] = box.informativeText()
            QTest.keyClick(box, Qt.Key.Key_Return)

        _when_box(confirm)
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)

    _open_dialog_by_keys(qtbot, window, "S007", drive)
    assert seen["no status"] == "Choose the new status first (arrow keys or the first letter)."
    assert seen["no reason"] == "Give the reason for changing S007 to screen failure."
    assert seen["confirm"] == "Change S007 from screening to screen failure?"
    assert seen["informative"] == "Reason: FVC 35 % at screening"
    assert store.subjects.get("S007").status is S.SCREEN_FAILURE
    assert _status_rows(store, "S007")[-1] == ("screening", "screen failure",
                                                "FVC 35 % at screening")
    assert window.prompts.errors == []


def test_statuses_the_data_forbids_are_greyed_and_said_why(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    store = window.store
    seen: dict[str, object] = {}

    def drive(dialog):
        model = dialog.status.model()
        items = {S(dialog.status.itemData(i)): model.item(i)
                 for i in range(1, dialog.status.count())}
        assert S.ENROLLED not in items  # S005 is enrolled: not a choice
        assert not items[S.SCREEN_FAILURE].isEnabled()
        seen["tip"] = items[S.SCREEN_FAILURE].toolTip()
        seen["died tip"] = items[S.DIED].toolTip()
        seen["not now"] = dialog.not_now.text()
        seen["withdrawn tip"] = items[S.WITHDRAWN].toolTip()
        # enrolled: every other status follows the data (the End of study form), none by hand;
        # the dialog says so and offers only Close, which has the keyboard
        assert not any(item.isEnabled() for item in items.values())
        seen["intro"] = dialog.intro.text()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        seen["buttons"] = (ok.isVisible(), close.text(), close.hasFocus())
        seen["picked"] = dialog.choice()[0]
        QTest.keyClick(close, Qt.Key.Key_Return)

    _open_dialog_by_keys(qtbot, window, "S005", drive)
    assert seen["picked"] is None
    assert "Its status follows its data: no other status can be chosen" in seen["intro"]
    assert seen["buttons"] == (False, "Close", True)
    assert "S005 was given the infusion" in seen["tip"]
    assert "Record this on the End of study form" in seen["died tip"]
    assert "Record this on the End of study form" in seen["withdrawn tip"]
    assert "screen failure" in seen["not now"] and "End of study" in seen["not now"]
    assert store.subjects.get("S005").status is S.ENROLLED


def _infusion(window, page, when: datetime) -> None:
    stamp = f"{when:%d}/{when:%b}/{when:%Y} {when:%H:%M}".upper()
    later = when + timedelta(minutes=45)
    prep = when - timedelta(minutes=30)
    fill(page, weight="70.0", lot="ADMSC-1", viab="94", cellsinf="140", infstdtc=stamp,
         infendtc=f"{later:%d}/{later:%b}/{later:%Y} {later:%H:%M}".upper(), infrx="N",
         ichildpot="N", rxdose="140", relcert="Y", relcount="150", bedcount="142",
         bedviab="92", prepdtc=f"{prep:%d}/{prep:%b}/{prep:%Y} {prep:%H:%M}".upper(),
         premed="N", infvol="100", volall="Y")


def test_the_nurse_meets_the_stop_and_the_investigator_overrides(qtbot, demo_db):
    when = (datetime.now() - timedelta(hours=3)).replace(second=0, microsecond=0)
    window = open_window(qtbot, demo_db)
    window.open_form("S007", "infusion", "inf")
    page = window.form_page
    _infusion(window, page, when)
    assert not page.mark_complete()
    title, message = window.prompts.errors[-1]
    assert title == "Not saved"
    assert "eligibility of S007 is not decided yet" in message
    assert "ALSFRS-R total >= 24" in message  # the criteria not recorded yet
    assert window.store.forms.get("S007", "infusion", "inf").instance_id is None
    assert page.view.editor("lot").edit.text() == "ADMSC-1"  # what was typed stays



def test_the_investigator_overrides_the_stop_with_a_reason(qtbot, demo_db):
    when = (datetime.now() - timedelta(hours=3)).replace(second=0, microsecond=0)
    window = open_window(qtbot, demo_db, user="investigator")
    window.open_form("S007", "infusion", "inf")
    page = window.form_page
    _infusion(window, page, when)
    window.prompts.answer("reason", "Screening data on paper; PI reviewed them")
    assert page.mark_complete(), window.prompts.errors
    asked = [a for a in window.prompts.asked if a[0] == "reason"][-1][1]
    assert asked[0] == "Give the infusion although not eligible?"
    notices = window.prompts.infos[-1][1]
    assert "Protocol deviation entry #1 recorded for S007" in notices
    assert "Subject S007 is now enrolled (set by Infusion)." in notices
    store = window.store
    assert store.subjects.get("S007").status is S.ENROLLED
    dv = store.forms.get("S007", "logs", "dv", repeat=1)
    assert dv.values["dvcat"] == "ELIGIBILITY"
    assert "PI reviewed them" in dv.values["dvterm"]
    assert store.verify().ok
