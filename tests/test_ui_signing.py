"""The visit signature dialog shows the core's list: what will be signed, who completed it, and
a warning naming the forms left out; a monitor verifies a signed form from the window."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from alsdesk.states import FormStatus
from tests.ui_helpers import DEMO_PASSWORD, demo_db, demo_template, open_window, settle, ui_settings, when_modal  # noqa: F401
from ui.dialogs_auth import SignatureDialog


def test_sign_visit_lists_forms_and_warns_about_forms_not_started(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "investigator")
    book = window.casebook
    window.open_subject("S005")
    book.matrix.select_event("baseline")
    seen = {}

    def sign(dialog):
        assert isinstance(dialog, SignatureDialog)
        covers = dialog.findChild(QLabel, "signature_covers").text()
        warning = dialog.findChild(QLabel, "signature_warning").text()
        seen.update(covers=covers, warning=warning)
        dialog.grab().save("/tmp/helperF/signature_visit.png")
        QTest.keyClicks(dialog.password, DEMO_PASSWORD)
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(sign)
    assert book.sign_visit()
    assert "Forms this signature covers (2)" in seen["covers"]
    assert "Visit" in seen["covers"] and "Vital signs" in seen["covers"]
    assert "Nora Nurse (demo)" in seen["covers"]  # who completed them, from the audit trail
    assert seen["warning"].endswith("2 forms of this visit will not be signed: ALSFRS-R "
                                    "(not started), Forced vital capacity (not started).")
    assert book.matrix.text_at("baseline", "vs") == "signed"
    assert book.matrix.text_at("baseline", "alsfrs") != "signed"


def test_sign_visit_with_nothing_to_sign_says_so_without_a_password(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "investigator")
    window.open_subject("S006")
    window.casebook.matrix.select_event("h72")
    assert not window.casebook.sign_visit()
    assert [t for t, _ in window.prompts.errors] == ["Nothing to sign"]
    assert "no complete form" in window.prompts.errors[0][1]
    assert not [a for a in window.prompts.asked if a[0] == "signature"]


def test_monitor_verifies_a_signed_form_in_the_window(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "monitor")
    page = window.form_page
    window.open_form("S004", "infusion", "inf")
    assert page.record.status is FormStatus.SIGNED
    assert page.verify_action.isEnabled(), page.verify_action.toolTip()
    assert page.verify_form()
    assert page.record.status is FormStatus.SIGNED and page.record.verified_by == "monitor"
    assert page.record.valid_signature is not None
    assert not page.verify_action.isEnabled()
    assert page.verify_action.toolTip() == "This form was already verified."
    assert window.store.verify().ok
