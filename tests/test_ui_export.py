"""File > Export in the real main window: the dialog, the export off the GUI thread with
progress, the result shown, the refusals shown, the audit row written as the user."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from alsdesk.store import Store
from alsdesk.store.audit import A, rows
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, open_window, ui_settings,
)


def _dialog(window, fmt):
    window.export_actions[fmt].trigger()
    dialog = window.export_dialog
    assert dialog.isVisible() and dialog.fmt == fmt
    return dialog


def test_menu_offers_every_format_greyed_for_a_nurse(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    names = [a.objectName() for a in window.export_menu.actions()]
    assert names == ["export_csv", "export_odm", "export_redcap", "export_stata",
                     "export_spss", "export_xpt", "export_sdtm", "export_analysis",
                     "export_proact", "export_safety", "", "export_codebook"]
    window.export_menu.aboutToShow.emit()
    action = window.export_actions["csv"]
    assert not action.isEnabled() and "may export data" in action.toolTip()
    # the codebook holds no data: a nurse may save it
    assert window.export_menu.actions()[-1].isEnabled()


def test_a_nurse_saves_the_codebook(qtbot, demo_db, tmp_path):
    from html.parser import HTMLParser

    from ui.export_actions import save_codebook

    window = open_window(qtbot, demo_db, "nurse")
    written = save_codebook(window, str(tmp_path / "codebook.html"))
    assert written is not None and "Saved the codebook" in window.prompts.infos[-1][1]

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.text: list[str] = []

        def handle_data(self, data):
            self.text.append(data.strip())

    cells = Cells()
    cells.feed(written.read_text(encoding="utf-8"))
    text = " ".join(cells.text)
    assert "Temperature" in text and "°C" in text and "VSTESTCD: TEMP" in text
    # a folder that is not there: said in words, nothing written
    assert save_codebook(window, str(tmp_path / "nope" / "c.html")) is None
    assert "was not saved" in window.prompts.errors[-1][1]


def test_monitor_exports_csv_in_the_background(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, "monitor")
    assert window.export_actions["csv"].isEnabled()
    dialog = _dialog(window, "csv")
    assert not dialog.identifiers.isVisibleTo(dialog)  # administrators only
    dialog.target.setText(str(tmp_path / "out"))
    first = dialog.subjects.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "S001"
    first.setCheckState(Qt.CheckState.Unchecked)
    dialog.bom.setChecked(True)
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.exported, timeout=20000) as signal:
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()  # inputs wait while the worker runs
    result = signal.args[0]
    assert (tmp_path / "out" / "vs.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    subjects = (tmp_path / "out" / "subjects.csv").read_text(encoding="utf-8-sig")
    assert "S001" not in subjects and "S002" in subjects
    assert progress and progress[-1] == 100
    assert window.prompts.infos and "CSV export" in window.prompts.infos[-1][1]
    assert not window.prompts.errors
    with Store.open(demo_db) as st:
        (row,) = rows(st.conn, action=A.EXPORT)
    assert row["user_id"] == "monitor" and "S002" in row["new_value"]
    assert str(result.target) in row["new_value"]


def test_refusal_is_shown_and_the_dialog_stays(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, "investigator")
    dialog = _dialog(window, "odm")
    dialog.target.setText(str(tmp_path / "missing-folder" / "t.xml"))
    with qtbot.waitSignal(dialog.failed, timeout=20000):
        dialog.export_button.click()
    assert "does not exist" in window.prompts.errors[-1][1]
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    dialog.target.setText(str(tmp_path / "t.xml"))
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    assert (tmp_path / "t.xml").read_text(encoding="utf-8").count("<SubjectData") == 7


def test_administrator_may_include_identifiers(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, "admin")
    dialog = _dialog(window, "redcap")
    assert dialog.identifiers.isVisibleTo(dialog) and not dialog.audit.isVisibleTo(dialog)
    dialog.identifiers.setChecked(True)
    dialog.target.setText(str(tmp_path / "rc"))
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    dictionary = (tmp_path / "rc" / "data_dictionary.csv").read_text(encoding="utf-8")
    assert "fullname,pii," in dictionary
    with Store.open(demo_db) as st:
        (row,) = rows(st.conn, action=A.EXPORT)
    assert row["user_id"] == "admin" and "direct identifiers INCLUDED" in row["new_value"]


def test_monitor_exports_stata_files_by_keyboard(qtbot, demo_db, tmp_path):
    """The Stata dialog offers no audit trail and no byte order mark (binary files);
    Enter on the dialog exports, and the files read back with pyreadstat."""
    from PySide6.QtTest import QTest

    pyreadstat = pytest.importorskip("pyreadstat")
    window = open_window(qtbot, demo_db, "monitor")
    dialog = _dialog(window, "stata")
    assert not dialog.audit.isVisibleTo(dialog) and not dialog.bom.isVisibleTo(dialog)
    dialog.target.setText(str(tmp_path / "dta"))
    dialog.target.setFocus()
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        QTest.keyClick(dialog.target, Qt.Key.Key_Return)
    assert done.args[0].format == "stata"
    frame, meta = pyreadstat.read_dta(str(tmp_path / "dta" / "vs.dta"), user_missing=True)
    assert len(frame) > 10 and meta.column_names_to_labels["temp"] == "Temperature (°C)"


def test_derived_tables_offer_no_choice_of_forms_nor_identifiers(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "admin")
    dialog = _dialog(window, "analysis")
    assert not dialog.forms.isVisibleTo(dialog) and not dialog.identifiers.isVisibleTo(dialog)
    assert dialog.subjects.isVisibleTo(dialog)
    dialog.reject()
    dialog = _dialog(window, "sdtm")
    # SDTM too: its datasets depend on each other, every form is exported
    assert not dialog.forms.isVisibleTo(dialog) and not dialog.identifiers.isVisibleTo(dialog)
