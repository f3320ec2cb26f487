"""Every small dialog opens with the cursor in its first input (never on OK), and Enter on an
empty one says in the dialog what is missing, the cursor moved there, instead of submitting."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog

from alsdesk.auth import Role, password_rules
from alsdesk.rules.engine import Finding, Severity
from tests.conftest import PASSWORD
from tests.ui_helpers import ui_settings  # noqa: F401 - settings go to the test's folder
from ui.dialogs import NotesDialog, ReasonDialog, TextDialog
from ui.dialogs_auth import FirstRunDialog, LoginDialog, SignatureDialog

ENTER = Qt.Key.Key_Return


def _open(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert not isinstance(dialog.focusWidget(), QAbstractButton), "the cursor starts on a button"
    return dialog


def _enter(qtbot, dialog: QDialog) -> None:
    qtbot.keyClick(dialog.focusWidget(), ENTER)


def _explained(dialog: QDialog, label, words: str, where) -> None:
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert label.isVisible() and words in label.text(), label.text()
    assert label.height() >= label.heightForWidth(label.width()), "the message is cut"
    assert dialog.focusWidget() is where


def test_login_explains_each_missing_input_then_logs_in(qtbot, db_path, store):
    store.logout()
    dialog = _open(qtbot, LoginDialog(db_path, store.login))
    assert dialog.focusWidget() is dialog.user_id
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "Type your user id", dialog.user_id)
    qtbot.keyClicks(dialog.user_id, "nurse")
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "Type your password", dialog.password)
    assert store.user_id is None  # nothing was tried with an empty password
    qtbot.keyClicks(dialog.password, PASSWORD)
    _enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and store.user_id == "nurse"


def test_first_run_shows_the_core_password_rules_before_typing(qtbot, tmp_path):
    made: list[tuple[str, str, str]] = []
    dialog = _open(qtbot, FirstRunDialog(tmp_path / "t.db", lambda *a: made.append(a),
                                         new_file=True))
    rules = dialog.findChild(type(dialog.message), "password_rules")
    assert rules is not None and rules.isVisible()
    assert all(rule in rules.text() for rule in password_rules())
    assert rules.y() < dialog.password.y()  # read before the password is typed
    assert dialog.focusWidget() is dialog.user_id
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "user id", dialog.user_id)
    qtbot.keyClicks(dialog.user_id, "ada")
    qtbot.keyClick(dialog.user_id, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.full_name, "Ada Admin")
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "Choose a password", dialog.password)
    qtbot.keyClicks(dialog.password, PASSWORD)
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "password again", dialog.repeat)
    qtbot.keyClicks(dialog.repeat, PASSWORD)
    _enter(qtbot, dialog)
    assert made == [("ada", "Ada Admin", PASSWORD)]


def test_signature_starts_in_the_password(qtbot, store):
    store.logout()
    store.login("inv", PASSWORD)
    checked: list[str] = []

    def sign(password: str, meaning: str) -> None:
        store.users.confirm_password(password, purpose="signature")
        checked.append(meaning)

    dialog = _open(qtbot, SignatureDialog("the screening visit of S001", "Ivan Investigator",
                                          Role.INVESTIGATOR, sign))
    assert dialog.focusWidget() is dialog.password  # the meaning is given already
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "Type your password to sign", dialog.password)
    qtbot.keyClicks(dialog.password, PASSWORD)
    _enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and checked


def test_reason_explains_then_takes_a_typed_reason(qtbot):
    dialog = _open(qtbot, ReasonDialog("Reason for the change", "Weight changed after save."))
    assert dialog.focusWidget() is dialog.reason
    _enter(qtbot, dialog)
    _explained(dialog, dialog.problem, "Give the reason", dialog.reason)
    qtbot.keyClicks(dialog.reason, "Source document updated")
    _enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.text() == "Source document updated"
    assert dialog.reason.count() == 6  # Enter did not add the text to the common reasons


def test_notes_name_the_finding_without_a_note(qtbot):
    findings = [Finding("bmi_low", Severity.SOFT, "BMI below 18.5 (confirm with a note to keep "
                        "it)", ("weight",)),
                Finding("hr_high", Severity.SOFT, "Heart rate above 120", ("hr",))]
    dialog = _open(qtbot, NotesDialog(findings))
    first, second = dialog.edits["bmi_low"], dialog.edits["hr_high"]
    assert dialog.focusWidget() is first
    qtbot.keyClicks(first, "Thin since childhood")
    _enter(qtbot, dialog)
    _explained(dialog, dialog.problem, "Heart rate above 120", second)
    qtbot.keyClicks(second, "Anxious, repeated: 96")
    _enter(qtbot, dialog)
    assert dialog.notes() == {"bmi_low": "Thin since childhood",
                              "hr_high": "Anxious, repeated: 96"}


def test_query_text_enter_explains_then_sends_shift_enter_is_a_new_line(qtbot):
    dialog = _open(qtbot, TextDialog("Raise a query", "Question about Weight (kg):"))
    assert dialog.focusWidget() is dialog.edit
    _enter(qtbot, dialog)
    _explained(dialog, dialog.problem, "text is missing", dialog.edit)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Tab)
    assert isinstance(dialog.focusWidget(), QAbstractButton)
    _enter(qtbot, dialog)  # Enter on OK, still nothing typed
    _explained(dialog, dialog.problem, "text is missing", dialog.edit)
    qtbot.keyClicks(dialog.edit, "Please check the scale.")
    qtbot.keyClick(dialog.edit, ENTER, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.edit, "Was it calibrated?")
    assert dialog.isVisible()
    _enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.text() == "Please check the scale.\nWas it calibrated?"


@pytest.mark.parametrize("required", [False])
def test_an_optional_reason_may_stay_empty(qtbot, required):
    dialog = _open(qtbot, ReasonDialog("Delete", "Delete this row?", required=required))
    _enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.text() == ""


def test_a_long_refusal_at_login_is_shown_whole(qtbot, db_path, store):
    """An account changed outside the program is refused with a message of several lines
    (what changed, whom to ask): the dialog grows to show all of it."""
    from alsdesk.store.sqldb import driver as sqlite3

    store.logout()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE users SET role = 'admin' WHERE user_id = 'nurse'")
    conn.commit()
    conn.close()
    dialog = _open(qtbot, LoginDialog(db_path, store.login))
    qtbot.keyClicks(dialog.user_id, "nurse")
    qtbot.keyClick(dialog.user_id, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, PASSWORD)
    _enter(qtbot, dialog)
    _explained(dialog, dialog.message, "alsdesk verify", dialog.password)
    assert dialog.message.text().count(" ") > 30  # a long message, and all of it visible
    assert dialog.message.geometry().bottom() < dialog.buttons.geometry().top()
