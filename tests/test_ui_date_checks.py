"""The date checks through the real window: a future date refused at completion, the 72 h
visit 9 hours after the infusion answered with a note typed into the real notes dialog.

The demo is built with "today" fixed at 1 March 2025 (S006 infused 27 Feb 2025 09:00), so the
window finding is the same on any day the tests run; the future-date rule uses the clock.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from alsdesk.demo import build_demo
from alsdesk.deviations import deviation_from_finding, offered
from alsdesk.rules.context import check_context
from alsdesk.rules.engine import evaluate
from alsdesk.states import FormStatus
from tests.ui_helpers import fill, open_window, when_modal

SHOTS = os.environ.get("ALSDESK_SHOTS")  # a folder: the dialogs are saved there as PNGs


@pytest.fixture
def past_demo(tmp_path) -> Path:
    return build_demo(tmp_path / "demo.db", today=dt.date(2025, 3, 1))


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_a_future_visit_date_is_refused_and_what_was_typed_stays(qtbot, past_demo):
    window = open_window(qtbot, past_demo)
    assert window.open_form("S007", "unscheduled", "sv")
    ahead = dt.datetime.now() + dt.timedelta(days=3)
    typed = f"{ahead:%d}/{ahead:%b}/{ahead:%Y} 10:00".upper()
    fill(window.form_page, svdone="Y", svstdtc=typed)
    assert not window.form_page.mark_complete()
    title, message = window.prompts.errors[-1]
    assert title == "Cannot mark complete"
    assert "Date and time of the visit:" in message and "is in the future" in message
    _shot(window, "future_date_refused")
    assert window.store.forms.get("S007", "unscheduled", "sv").status is FormStatus.NOT_STARTED
    assert window.form_page.view.collect().values["svstdtc"].startswith(f"{ahead:%Y-%m-%d}")


def test_the_72_hour_visit_too_early_needs_a_note_typed_in_the_dialog(qtbot, past_demo):
    window = open_window(qtbot, past_demo)
    assert window.open_form("S006", "h72", "sv")
    fill(window.form_page, svdone="Y", svstdtc="27/FEB/2025 18:00")
    seen: list[str] = []
    note = "Came back the same evening with a headache"

    def answer(dialog) -> None:
        seen.append(dialog.windowTitle())
        edit = dialog.findChild(QLineEdit, "note_visit_in_window")
        _shot(dialog, "window_note_dialog")
        QTest.keyClicks(edit, note)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    when_modal(answer)
    assert window.form_page.mark_complete(), window.prompts.errors
    assert seen == ["Confirm with a note"]
    store = window.store
    rec = store.forms.get("S006", "h72", "sv")
    assert rec.status is FormStatus.COMPLETE
    (query,) = [q for q in store.queries.list(subject="S006") if q.instance_id == rec.instance_id]
    assert query.field == "svstdtc" and note in query.text
    assert "48 h to 96 h after infusion: 01/MAR/2025 09:00 to 03/MAR/2025 09:00" in query.text
    # the window offers the note as a protocol-deviation entry, once, and makes it on yes
    (asked,) = [a for a in window.prompts.asked
                if a[0] == "confirm" and a[1][0] == "Record a protocol deviation?"]
    assert note in asked[1][1]
    entries = [store.forms.get_instance(i.instance_id) for i in store.forms.instances("S006")
               if i.form == "dv"]
    (made,) = [e for e in entries if note in (e.values.get("dvterm") or "")]
    assert made.values["dvdat"] == "2025-02-27" and made.values["dvcat"] == "WINDOW"
    assert f"query {query.id}" in made.values["dvterm"]
    assert made.status is FormStatus.IN_PROGRESS  # a draft: importance and action to complete
    assert "Deviation recorded as a draft" in window.notice.text()


def test_the_deviation_is_not_recorded_when_the_nurse_says_no(qtbot, past_demo):
    window = open_window(qtbot, past_demo)
    assert window.open_form("S006", "h72", "sv")
    fill(window.form_page, svdone="Y", svstdtc="27/FEB/2025 18:00")
    window.prompts.answer("notes", {"visit_in_window": "Came back early"})
    window.prompts.answer("confirm", False)
    before = [i for i in window.store.forms.instances("S006") if i.form == "dv"]
    assert window.form_page.mark_complete(), window.prompts.errors
    after = [i for i in window.store.forms.instances("S006") if i.form == "dv"]
    assert after == before
