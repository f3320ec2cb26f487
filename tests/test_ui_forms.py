"""Forms drawn from the study definition: editors, keys, live values, checks, saving."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from alsdesk.states import FormStatus
from alsdesk.study.model import FieldType
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, fill, open_window, settle, ui_settings, when_modal,
)
from ui.choice_editor import ChoiceEditor
from ui.field_editors import LineEditor
from ui.form_renderer import FormView


@pytest.fixture
def window(qtbot, demo_db):
    return open_window(qtbot, demo_db, "nurse")


def test_every_field_has_an_editor_named_by_id_and_label(qtbot, study):
    labels = {m.code: m.label for m in study.missing_codes}
    for form in study.forms.values():
        view = FormView(form, labels)
        qtbot.addWidget(view)
        for f in form.fields:
            editor = view.findChild(QWidget, f.id)
            assert editor is not None, f"{form.id}.{f.id} has no editor"
            assert editor.accessibleName() == f.label
            for w in editor.focus_widgets():
                assert w.accessibleName().startswith(f.label)
            if f.missing:
                assert view.findChild(QWidget, f"{f.id}__missing") is not None
            if f.type is FieldType.CHOICE:
                assert isinstance(editor, ChoiceEditor)
                assert [b.accessibleName() for b in editor.buttons] == [
                    f"{f.label}: {c.label}" for c in f.codelist.choices]


def test_tab_order_follows_the_form(qtbot, study):
    form = study.form("vs")
    view = FormView(form, {"ND": "Not done"})
    qtbot.addWidget(view)
    view.show()
    chain = view.tab_chain
    owners = [view.field_of(w) for w in chain]
    order = [fid for i, fid in enumerate(owners) if fid and fid not in owners[:i]]
    assert order == list(form.field_ids)
    # Qt's own focus chain goes the same way
    for a, b in zip(chain, chain[1:]):
        assert a.nextInFocusChain() is b or a.nextInFocusChain().isAncestorOf(b) or \
            not b.isVisible() or b.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_alsfrs_digits_pick_scores_and_totals_update_live(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    assert window.open_form(code, "screening", "alsfrs")
    fill(page, gastro="N")
    for item in ("q1", "q2", "q3", "q4", "q5a", "q6", "q7", "q8", "q9", "q10", "q11", "q12"):
        editor = page.view.editor(item)
        editor.buttons[0].setFocus()
        qtbot.keyClick(editor.buttons[0], "3")
        assert editor.raw() == 3
    qtbot.waitUntil(lambda: "36" in page.derived.text("total"))
    assert "9" in page.derived.text("bulbar")
    assert page.derived.text("kings") and page.derived.text("mitos")
    # a partial form shows no misleading total
    qtbot.keyClick(page.view.editor("q12").buttons[0], Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "–" in page.derived.text("total"))
    assert page.view.editor("q12").raw() is None


def test_gastrostomy_decides_item_5a_or_5b_live(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "alsfrs")
    assert not page.view.is_shown("q5a") and not page.view.is_shown("q5b")
    fill(page, gastro="N")
    assert page.view.is_shown("q5a") and not page.view.is_shown("q5b")
    fill(page, q5a=2, gastro="Y")
    # 5a still holds an answer, so it stays in view with the core's message
    assert page.view.is_shown("q5b") and page.view.is_shown("q5a")
    assert "does not apply" in page.view.messages("q5a")


def test_message_shown_as_the_nurse_leaves_the_field(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "vs")
    fill(page, sysbp="80", diabp="95")
    page.field_left("diabp")
    assert "diastolic pressure must be lower" in page.view.messages("diabp")
    fill(page, temp="38.4")
    page.field_left("temp")
    assert "fever" in page.view.messages("temp")
    fill(page, pulse="twelve")
    page.field_left("pulse")
    assert "'twelve' is not a number" in page.view.messages("pulse")
    # required fields are not nagged about while typing
    assert page.view.messages("resp") == ""


def test_focus_out_shows_the_message(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "vs")
    window.activateWindow()
    temp = page.view.editor("temp")
    temp.edit.setFocus()
    qtbot.keyClicks(temp.edit, "51")
    page.view.editor("spo2").edit.setFocus()
    qtbot.waitUntil(lambda: "outside the allowed range 30 to 45" in page.view.messages("temp"))


def test_unreadable_text_is_refused_and_kept(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "dm")
    fill(page, brthdat="31/FEB/1970", height="172")
    assert not page.save()
    title, message = window.prompts.errors[-1]
    assert "not a real date" in message and "still on screen" in message
    assert page.view.editor("brthdat").raw() == "31/FEB/1970"
    assert window.store.forms.get(code, "screening", "dm").status is FormStatus.NOT_STARTED


def test_partial_dates_where_allowed_and_missing_codes(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "alshx")
    fill(page, onsetdat="MAR/2014", dxdat=("UNK",), onsetsite="LIMB", elesc="PROBABLE",
         riluzole="Y", famhx="N", sporadic="Y")
    dx = page.view.editor("dxdat")  # a code stands in for the value; still a tab stop
    assert dx.read_only and dx.isEnabled()
    assert page.mark_complete(), window.prompts.errors
    rec = window.store.forms.get(code, "screening", "alshx")
    assert rec.values["onsetdat"] == "2014-03" and rec.missing == {"dxdat": "UNK"}
    assert rec.status is FormStatus.COMPLETE
    assert page.view.editor("onsetdat").raw() == "MAR/2014"


def test_hard_checks_block_completion_with_the_list(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "vs")
    fill(page, vsdtc="05/MAR/2015 10:00", sysbp="90", diabp="100")
    assert not page.mark_complete()
    title, message = window.prompts.errors[-1]
    assert title == "Cannot mark complete"
    assert "diastolic" in message and "Heart rate is required" in message
    assert "Heart rate is required" in page.view.messages("pulse")
    assert window.store.forms.get(code, "screening", "vs").status is FormStatus.NOT_STARTED


def test_soft_check_needs_a_note_which_becomes_a_query(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "vs")
    fill(page, vsdtc="05/MAR/2015 10:00", sysbp="120", diabp="80", pulse="70", resp="14",
         temp="38.6", spo2="97", weight="70")

    def write_note(dialog):
        dialog.edits["temp_fever"].setText("Known infection, AE recorded")
        dialog.accept()

    when_modal(write_note)  # the real notes dialog
    assert page.mark_complete(), window.prompts.errors
    rec = window.store.forms.get(code, "screening", "vs")
    assert rec.status is FormStatus.COMPLETE
    (query,) = window.store.queries.list(instance_id=rec.instance_id)
    assert query.field == "temp" and "Known infection" in query.text
    assert "Known infection" in page.queries_label.text()


def test_save_that_fails_keeps_what_was_typed(qtbot, window, demo_db):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "ic")
    fill(page, icver="2.1", icby="Dr. Reza")
    window.store.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(demo_db)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert not page.save()
    finally:
        other.rollback()
        other.close()
    title, message = window.prompts.errors[-1]
    assert "in use by another" in message and "still on screen" in message
    assert page.view.editor("icver").raw() == "2.1" and page.view.is_dirty()
    assert page.save()  # the file is free again
    assert window.store.forms.get(code, "screening", "ic").values["icver"] == "2.1"


def test_switching_away_with_unsaved_changes_asks_first(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "ic")
    fill(page, icver="3.0")
    window.prompts.answer("unsaved", "cancel")
    assert not window.open_form(code, "screening", "dm")
    assert page.form_id == "ic" and page.view.editor("icver").raw() == "3.0"
    window.prompts.answer("unsaved", "save")
    assert window.open_form(code, "screening", "dm")
    assert window.store.forms.get(code, "screening", "ic").values == {"icver": "3.0"}
    fill(page, sex="F")
    window.prompts.answer("unsaved", "discard")
    assert window.open_form(code, "screening", "ic")
    assert window.store.forms.get(code, "screening", "dm").status is FormStatus.NOT_STARTED


def test_right_click_a_field_shows_its_history(qtbot, window):
    page = window.form_page
    window.open_form("S003", "m2", "fvc")
    menu = page.build_field_menu("fvcpp", page.view.editor("fvcpp").edit)
    history = next(a for a in menu.actions() if a.objectName() == "field_history")
    history.trigger()
    name, (title, rows) = window.prompts.asked[-1]
    assert name == "history" and "FVC, % of predicted" in title
    (changed,) = [r for r in rows if r[3] == "changed"]
    when, who, field, what, old, new, reason = changed
    assert (field, old, new) == ("FVC, % of predicted", "76.0", "76.5")  # exact, not rounded
    assert reason == "transcription error: source says 76.5"
    assert who == "nurse (nurse)" and "UTC" in when


def test_calendar_picks_a_date(qtbot, window):
    from PySide6.QtCore import QDate

    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "ic")
    editor: LineEditor = page.view.editor("icdat")
    editor.pick_date(QDate(2015, 3, 5))
    assert editor.raw() == "05/MAR/2015" and editor.value() == "2015-03-05"
    assert QApplication.instance() is not None


def test_the_whole_alsfrs_fits_one_1366x768_screen_in_aligned_columns(qtbot, window):
    page = window.form_page
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "alsfrs")
    fill(page, gastro="N")
    qtbot.wait(50)
    viewport = page.scroll_area.viewport()
    items = ["q1", "q2", "q3", "q4", "q5a", "q6", "q7", "q8", "q9", "q10", "q11", "q12"]
    assert page.scroll_area.verticalScrollBar().value() == 0
    for item in items:
        editor = page.view.editor(item)
        top = editor.mapTo(viewport, editor.rect().topLeft())
        assert 0 <= top.y() and top.y() + editor.height() <= viewport.height(), item
    # the score columns line up: each score's button at one x in every row
    for i in range(5):
        xs = {page.view.editor(item).buttons[i].mapTo(viewport, page.view.editor(
            item).buttons[i].rect().topLeft()).x() for item in items}
        assert len(xs) == 1, f"column {i} at {sorted(xs)}"
