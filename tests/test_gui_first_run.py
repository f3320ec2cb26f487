"""First run: the new database's study definition chosen in the dialog, by keyboard.

The bundled trial is preselected and described; another definition file is loaded as soon as
it is chosen, a file that does not load is explained in the dialog (what was typed stays),
and the database is made for the file's study.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from alsdesk.store import definitions
from alsdesk.study import load_study
from tests.conftest import PASSWORD
from tests.ui_helpers import RecordingPrompts, type_file_name, ui_settings, when_shown  # noqa: F401
from ui.app import start
from ui.dialogs_auth import FirstRunDialog

ALT = Qt.KeyboardModifier.AltModifier

# The least a definition needs (alsdesk/study/loader.py): the study, the protocol's
# parameters, a missing-data code, the anchor and visit-date bindings; two visits, one form.
TINY = """\
[study]
id = "TINY1"
protocol = "P-TINY"
title = "A tiny test study"
site = "Here"
crf_version = "0.1"
subject_pattern = "T{n:02d}"
target_enrolment = 4

[parameters]
min_age = 18
max_age = 55
min_alsfrs = 24
min_fvc_pct = 40
cells_per_kg = 2e6
dose_tolerance_pct = 10
due_ahead_days = 14

[[missing]]
code = "ND"
label = "Not done"

[bindings]
anchor = "day0.sv.svstdtc"
visit_date = "sv.svstdtc"

[[events]]
id = "day0"
label = "Day 0"
forms = ["sv"]
anchor = true
unit = "hours"
target = 0
window = [0, 0]

[[events]]
id = "m1"
label = "Month 1"
forms = ["sv"]
unit = "days"
target = 30
window = [23, 37]

[forms.sv]
label = "Visit"

[[forms.sv.fields]]
id = "svstdtc"
label = "Visit date"
type = "datetime"
required = true
"""


def _focus():
    return QApplication.focusWidget()


def _choose_file(qtbot, dialog, path: Path) -> None:
    """Alt+F (Choose file…), the file's name typed in the file dialog, Enter."""
    type_file_name(path)
    QTest.keyClick(dialog, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: dialog.study_choice.file_path == path)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_first_run_for_another_definition_by_keyboard(qtbot, tmp_path):
    tiny = tmp_path / "tiny.toml"
    tiny.write_text(TINY, encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(TINY.replace('type = "datetime"', 'type = "datetme"'), encoding="utf-8")
    path = tmp_path / "site" / "tiny.db"
    seen: dict = {}

    def first_run(dialog):
        choice = dialog.study_choice
        assert _focus() is dialog.user_id
        bundled = load_study()
        # preselected, and described by its id, title and CRF version
        assert choice.bundled.isChecked() and choice.study.id == bundled.id
        shown = choice.bundled.text() + choice.bundled_note.text()
        assert bundled.id in shown and bundled.crf_version in shown
        assert bundled.title in shown
        QTest.keyClicks(dialog.user_id, "ada")
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        QTest.keyClicks(_focus(), "Ada Admin")
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        QTest.keyClicks(_focus(), PASSWORD)
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        QTest.keyClicks(_focus(), PASSWORD)
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        assert _focus() is choice.bundled  # Tab goes on from the passwords to the choice

        # a file that does not load: the loader's words in the dialog, nothing typed lost
        _choose_file(qtbot, dialog, broken)
        assert choice.other.isChecked() and choice.study is None
        note = choice.file_note.text()
        assert "broken.toml:" in note and "datetme" in note, note
        assert choice.file_note.isVisible()
        QTest.keyClick(_focus(), Qt.Key.Key_Return)  # Create: refused in words
        assert dialog.isVisible() and "does not load" in dialog.message.text()
        assert dialog.message.isVisible()
        assert dialog.user_id.text() == "ada" and dialog.full_name.text() == "Ada Admin"
        assert dialog.password.text() == PASSWORD  # the passwords were not what was wrong
        assert _focus() is choice.choose
        assert not path.exists()
        seen["error"] = note

        # the right file: loaded at once, summarised
        _choose_file(qtbot, dialog, tiny)
        note = choice.file_note.text()
        for words in ("TINY1", "A tiny test study", "CRF version 0.1", "2 events", "1 form"):
            assert words in note, note
        assert dialog.message.text() == ""  # what was said of the broken file is gone
        dialog.grab().save(str(tmp_path / "first_run.png"))
        seen["size"] = (dialog.width(), dialog.height())
        QTest.keyClick(_focus(), Qt.Key.Key_Return)

    when_shown(FirstRunDialog, first_run)
    window = start(path, RecordingPrompts())
    assert window is not None and "error" in seen
    qtbot.addWidget(window)
    store = window.store
    assert store.study.id == "TINY1" and store.user_id == "ada"
    (version,) = definitions.versions(store.conn)
    assert (version.study_id, version.crf_version, version.version) == ("TINY1", "0.1", 1)
    assert "TINY1" in window.windowTitle()
    assert window.prompts.errors == []
    width, height = seen["size"]
    assert width <= 1366 and height <= 768
    window._closing_checked = True
    window.close()


def test_first_run_keeps_the_bundled_trial_by_default(qtbot, tmp_path):
    path = tmp_path / "trial.db"

    def first_run(dialog):
        QTest.keyClicks(dialog.user_id, "ada")
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        QTest.keyClicks(_focus(), "Ada Admin")
        for _ in range(2):
            QTest.keyClick(_focus(), Qt.Key.Key_Tab)
            QTest.keyClicks(_focus(), PASSWORD)
        QTest.keyClick(_focus(), Qt.Key.Key_Return)

    when_shown(FirstRunDialog, first_run)
    window = start(path, RecordingPrompts())
    assert window is not None
    qtbot.addWidget(window)
    assert window.store.study.id == load_study().id
    # the administrator made in the dialog is the one who loaded version 1 (review F7 c)
    assert [v.loaded_by for v in definitions.versions(window.store.conn)] == ["ada"]
    window._closing_checked = True
    window.close()


def test_choosing_another_file_without_one_says_so(qtbot, tmp_path):
    made: list = []
    dialog = FirstRunDialog(tmp_path / "t.db", lambda *a: made.append(a), new_file=True,
                            choose_study=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for edit, text in ((dialog.user_id, "ada"), (dialog.full_name, "Ada Admin"),
                       (dialog.password, PASSWORD), (dialog.repeat, PASSWORD)):
        QTest.keyClicks(edit, text)
    QTest.keyClick(dialog, Qt.Key.Key_A, ALT)  # "Another definition file…", no file yet
    qtbot.waitUntil(dialog.study_choice.other.isChecked)  # a mnemonic clicks after a moment
    assert "No file chosen" in dialog.study_choice.file_note.text()
    QTest.keyClick(_focus(), Qt.Key.Key_Return)
    assert made == [] and "Choose the study definition file" in dialog.message.text()
    QTest.keyClick(dialog, Qt.Key.Key_B, ALT)  # back to the bundled trial
    qtbot.waitUntil(dialog.study_choice.bundled.isChecked)
    assert dialog.message.text() == ""
    QTest.keyClick(_focus(), Qt.Key.Key_Return)
    assert len(made) == 1 and made[0][:3] == ("ada", "Ada Admin", PASSWORD)
    assert made[0][3].id == load_study().id
