"""Double data entry in the real window, by key presses alone (issue 19): the second keyer
is offered the blind second entry instead of the first entry's values, keys the paper page
with Enter and Tab, saves with Ctrl+S; a third person resolves the differences by arrows,
typing and Ctrl+Return. Every key goes to the widget that has the focus."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from alsdesk.store import Store
from alsdesk.store.double import State
from alsdesk.study.loader import load_study
from tests.amendment_files import write
from tests.conftest import PASSWORD
from tests.test_double_entry import VS, double_text
from tests.ui_helpers import open_window, ui_settings, when_shown  # noqa: F401 - fixture
from ui.double_entry import ResolveDialog, SecondEntryDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def trial(tmp_path):
    study = load_study(write(tmp_path / "def", double_text("vs", "alsfrs")))
    path = tmp_path / "trial.db"
    with Store.create(path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        st.users.add("nurse2", "Nils Second", "nurse", PASSWORD)
        st.users.add("inv", "Ivan Investigator", "investigator", PASSWORD)
        st.login("nurse", PASSWORD)
        st.subjects.create("AB")
        st.forms.save("S001", "baseline", "vs", VS)
    return path


def focus():
    return QApplication.focusWidget()


def key(k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = focus()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, k, modifier)


def typed(text: str) -> None:
    QTest.keyClicks(focus(), text)


def test_second_entry_blind_by_keyboard_then_resolved_by_a_third_person(qtbot, trial):
    window = open_window(qtbot, trial, "nurse2", PASSWORD)
    seen: dict[str, object] = {}

    def key_the_page(dialog: SecondEntryDialog) -> None:
        # blind: nothing of the first entry is on any widget of the dialog
        texts = [w.text() for w in dialog.findChildren(QLineEdit)] + [
            w.text() for w in dialog.findChildren(QLabel)]
        seen["blind"] = not any(t in ("120", "72", "72.5", "05/MAR/2015 09:30") for t in texts)
        seen["start"] = dialog.view.field_of(focus())
        typed("05/MAR/2015 09:30")
        key(Qt.Key.Key_Return)  # Enter: the next question, never a save
        seen["after_enter"] = (dialog.view.field_of(focus()), dialog.isVisible())
        for value in ("210", "80", "27", "16", "36.8", "98", "72.5"):  # two planted errors
            if dialog.view.field_of(focus()) != "sysbp" or value != "210":
                key(Qt.Key.Key_Tab)
            typed(value)
        seen["last"] = dialog.view.field_of(focus())
        key(Qt.Key.Key_S, CTRL)

    when_shown(SecondEntryDialog, key_the_page)
    assert window.open_form("S001", "baseline", "vs")
    assert seen["blind"] and seen["start"] == "vsdtc"
    assert seen["after_enter"] == ("sysbp", True) and seen["last"] == "weight"
    title, message = window.prompts.infos[-1]
    assert title == "Second entry saved" and "2 differ from the first entry" in message
    page = window.form_page
    assert "2 difference(s) between the two entries to resolve" in page.double_line.text()
    assert not page.save_action.isEnabled() and page.view.read_only  # held until resolved
    assert not page.resolve_action.isEnabled()  # not by the second keyer
    window.close()

    window = open_window(qtbot, trial, "inv", PASSWORD)
    assert window.open_form("S001", "baseline", "vs")
    page = window.form_page
    assert page.resolve_action.isEnabled() and not page.second_entry_action.isEnabled()
    order: list[str | None] = []

    def resolve(dialog: ResolveDialog) -> None:
        order.append(focus().objectName())
        key(Qt.Key.Key_Space)  # systolic: the first entry's 120
        key(Qt.Key.Key_Tab)
        order.append(focus().objectName())
        typed("as on the paper page")
        key(Qt.Key.Key_Return)  # on to the next difference
        order.append(focus().objectName())
        key(Qt.Key.Key_Down)  # heart rate: the arrows choose as they move
        key(Qt.Key.Key_Down)
        key(Qt.Key.Key_Tab)
        order.append(focus().objectName())
        typed("77")
        key(Qt.Key.Key_Tab)
        typed("the page reads 77")
        key(Qt.Key.Key_Return, CTRL)

    when_shown(ResolveDialog, resolve)
    page.resolve_action.trigger()
    assert order == ["resolve_sysbp_first", "resolve_sysbp_reason", "resolve_pulse_first",
                     "resolve_pulse_other"]
    assert window.prompts.errors == []
    with Store.open(trial, readonly=True) as look:
        rec = look.forms.get("S001", "baseline", "vs")
        assert (rec.values["sysbp"], rec.values["pulse"]) == (120, 77)
        look.login("inv", PASSWORD)
        assert look.double.state(rec) is State.RESOLVED
        reasons = {r[0]: r[1] for r in look.conn.execute(
            "SELECT field, reason FROM audit_trail WHERE action = 'double.resolve'")}
    assert reasons == {"sysbp": "as on the paper page", "pulse": "the page reads 77"}
    assert "both entries agree" in page.double_line.text()
    assert page.complete_action.isEnabled()
    window.close()


def test_the_first_keyer_sees_the_form_and_save_and_next_keeps_it_a_draft(qtbot, trial):
    window = open_window(qtbot, trial, "nurse", PASSWORD)
    window.casebook.load("S001")
    matrix = window.casebook.matrix
    column = matrix.columns.index(("baseline", 1))
    row = next(r for r in range(matrix.rowCount())
               if (matrix.item(r, column).data(Qt.ItemDataRole.UserRole) or None) is not None
               and matrix.item(r, column).data(Qt.ItemDataRole.UserRole).form == "vs")
    assert matrix.item(row, column).text() == "in progress · 2nd entry due"
    assert window.open_form("S001", "baseline", "vs")  # no blind offer: they keyed it
    page = window.form_page
    assert page.view.editor("sysbp").edit.text() == "120"
    assert "awaiting its second entry" in page.double_line.text()
    assert not page.second_entry_action.isEnabled()
    page.view.editor("resp").edit.setFocus()
    key(Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)  # save and next
    assert window.prompts.errors == []
    with Store.open(trial, readonly=True) as look:
        assert look.forms.get("S001", "baseline", "vs").status.value == "in progress"
    assert window.form_page.record.form != "vs"  # on to the next paper page
    window.close()


def test_a_declined_blind_offer_shows_nothing_of_the_first_entry(qtbot, trial):
    window = open_window(qtbot, trial, "nurse2", PASSWORD)
    window.prompts.answer("confirm", False)
    assert not window.open_form("S001", "baseline", "vs")
    assert window.form_page.record is None or window.form_page.record.form != "vs"
    window.close()


def test_a_grid_keyed_digit_and_enter_lands_every_answer(qtbot, trial):
    """ALSFRS-R in the second entry: a digit picks the score and moves on; the Enter typed
    after it out of habit does not skip the next question; Enter never saves."""
    from tests.test_double_entry import ALSFRS

    with Store.open(trial) as st:
        st.login("nurse", PASSWORD)
        st.forms.save("S001", "baseline", "alsfrs", ALSFRS)
    window = open_window(qtbot, trial, "nurse2", PASSWORD)
    scores = [ALSFRS[q] for q in ("q1", "q2", "q3", "q4", "q5a", "q6", "q7", "q8", "q9",
                                  "q10", "q11", "q12")]
    seen: dict[str, object] = {}

    def key_the_page(dialog: SecondEntryDialog) -> None:
        typed("05/MAR/2015")
        key(Qt.Key.Key_Return)
        typed("n")  # gastrostomy: No
        key(Qt.Key.Key_Return)
        for score in scores:
            typed(str(score))
            key(Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        key(Qt.Key.Key_S, CTRL)

    when_shown(SecondEntryDialog, key_the_page)
    assert window.open_form("S001", "baseline", "alsfrs")
    assert seen["open"] and window.prompts.errors == []
    with Store.open(trial, readonly=True) as look:
        look.login("nurse", PASSWORD)
        entry = look.double.entry(look.forms.get("S001", "baseline", "alsfrs").instance_id)
    assert entry.differences == ()
    assert {k: entry.values[k] for k in ALSFRS} == ALSFRS
    window.close()


def test_saving_a_second_entry_with_required_questions_blank_asks_first(qtbot, trial):
    window = open_window(qtbot, trial, "nurse2", PASSWORD)
    window.prompts.answer("confirm", True, False)  # yes, key it; no, do not save blanks
    seen: dict[str, object] = {}

    def key_part(dialog: SecondEntryDialog) -> None:
        typed("05/MAR/2015 09:30")
        key(Qt.Key.Key_Tab)
        typed("120")
        key(Qt.Key.Key_S, CTRL)
        seen["kept"] = (dialog.isVisible(), dialog.view.editor("sysbp").edit.text())
        dialog.done(0)

    when_shown(SecondEntryDialog, key_part)
    window.open_form("S001", "baseline", "vs")
    title, message = window.prompts.asked[-1][1]
    assert title == "Required questions blank" and "6 required question(s)" in message
    assert seen["kept"] == (True, "120")
    with Store.open(trial, readonly=True) as look:
        look.login("nurse", PASSWORD)
        assert look.double.entries() == []
    window.close()


def test_a_long_memo_difference_is_shown_wrapped_with_what_differs_marked(qtbot, tmp_path):
    from tests.amendment_files import bundled_text, edit

    text = edit(bundled_text(), '[forms.emg]\nlabel = "Electromyography"\n',
                '[forms.emg]\nlabel = "Electromyography"\ndouble_entry = true\n')
    path = tmp_path / "emg.db"
    base = {"emgperf": "Y", "emgdat": "2015-03-05", "emgals": "Y", "emg_bulb": "Y",
            "emg_cerv": "Y", "emg_thor": "N", "emg_lumb": "Y"}
    memo = ("Fibrillation potentials in tibialis anterior; فیبریلاسیون در ساق ") * 62
    with Store.create(path, load_study(write(tmp_path / "def", text))) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        for user, role in (("nurse", "nurse"), ("nurse2", "nurse"), ("inv", "investigator")):
            st.users.add(user, user.title(), role, PASSWORD)
        st.login("nurse", PASSWORD)
        st.subjects.create("AB")
        st.forms.save("S001", "screening", "emg", {**base, "emgsum": memo[:4000]})
        st.logout()
        st.login("nurse2", PASSWORD)
        st.double.enter("S001", "screening", "emg",
                        {**base, "emgsum": memo[:3950] + " ends otherwise"})
    window = open_window(qtbot, path, "inv", PASSWORD)
    seen: dict[str, object] = {}

    def look(dialog: ResolveDialog) -> None:
        labels = [w for w in dialog.findChildren(QLabel) if "#ffe08a" in w.text()]
        seen["labels"] = [w.text() for w in labels]
        seen["wraps"] = all(w.wordWrap() for w in labels)
        seen["fits"] = dialog.sizeHint().width() <= window.width()
        dialog.done(0)

    when_shown(ResolveDialog, look)
    assert window.open_form("S001", "screening", "emg")
    window.form_page.resolve_action.trigger()
    first, second = seen["labels"]
    assert "ends otherwise" in second and "ends otherwise" not in first
    assert "of 4,000 differ" in first and seen["wraps"] and seen["fits"]
    assert len(first) < 1000  # the same 3,900 characters are not shown twice over
    window.close()


def test_the_report_page_counts_in_a_worker_and_enter_opens_the_form(qtbot, trial):
    from tests.ui_helpers import settle
    from ui.double_report import open_double_report

    window = open_window(qtbot, trial, "nurse2", PASSWORD)
    dialog = open_double_report(window)
    settle(qtbot, window)
    assert window.prompts.errors == []
    assert dialog.awaiting.rowCount() == 1 and dialog.awaiting.item(0, 0).text() == "S001"
    assert "Awaiting their second entry: 1 form(s)" in dialog.summary.text()
    window.prompts.answer("confirm", False)  # the blind offer: not now
    dialog.awaiting.setFocus()
    key(Qt.Key.Key_Return)
    assert window.prompts.asked[-1][0] == "confirm"
    assert "awaits its second entry" in window.prompts.asked[-1][1][1]
    window.close()
