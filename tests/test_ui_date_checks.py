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
    # The window's "record as a protocol deviation" button is another engineer's; it calls
    # the core with the finding the save kept, which is the one completion finds again here.
    found = evaluate(store.study.form("sv"), {**check_context(store, "S006", "h72", "sv"),
                                              **rec.values}, rec.missing)
    (finding,) = offered(found)
    made = deviation_from_finding(store, "S006", "h72", "sv", finding, note,
                                  query_id=query.id)
    assert made.record.values["dvcat"] == "WINDOW"
    assert made.record.values["dvdat"] == "2025-02-27"
