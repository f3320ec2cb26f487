"""Administration > Study definition: the stored versions and a protocol amendment, by keyboard.

Real demo database, real window. A refused amendment leaves Apply greyed and the file byte for
byte as it was; a good one is applied with reason and password, and the window works under
the new definition at once (no page keeps what it built from the old one).
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from alsdesk.paths import default_study_file
from tests.ui_helpers import (  # noqa: F401 - fixtures
    DEMO_PASSWORD, demo_db, demo_template, open_window, settle, type_file_name, ui_settings,
    when_shown,
)
from ui.amend_dialog import AmendDialog

ALT = Qt.KeyboardModifier.AltModifier
COMPANIONS = ("analysis", "card", "labgrades", "proact", "sdtm")
H72 = ('id = "h72"\nlabel = "72 hours"\nforms = ["sv", "vs", "gcs", "aerev", "lb"]\n'
       'unit = "hours"\ntarget = 72\nwindow = [48, 96]\n')
WEIGHT = ('id = "weight"\nlabel = "Body weight on the day of infusion"\ntype = "decimal"\n'
          'unit = "kg"\nmin = 20\nmax = 300\ndigits = 1\n')


def _amended(folder: Path, old: str, new: str) -> Path:
    """The bundled definition as CRF version 1.1 with `old` replaced by `new`, in `folder`
    with the companion files it names."""
    bundled = default_study_file()
    text = bundled.read_text(encoding="utf-8")
    assert text.count(old) == 1 and text.count('crf_version = "1.0"') == 1
    folder.mkdir()
    for name in COMPANIONS:
        shutil.copy(bundled.with_name(f"{name}.toml"), folder / f"{name}.toml")
    path = folder / bundled.name
    path.write_text(text.replace('crf_version = "1.0"', 'crf_version = "1.1"')
                    .replace(old, new), encoding="utf-8")
    return path


def _file_bytes(db: Path) -> bytes:
    """The database and its write-ahead log, where every write lands first."""
    return b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal"))
                    if p.exists())


def _study_dialog(qtbot, window):
    """Administration > Study definition… by keyboard (Alt+A, D)."""
    QTest.keyClick(window, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_D)
    qtbot.waitUntil(lambda: getattr(window, "study_dialog", None) is not None
                    and window.study_dialog.isVisible())
    dialog = window.study_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and dialog.table.hasFocus())
    return dialog


def _amend(qtbot, dialog, path: Path, handle) -> None:
    """Alt+M (Amend…), the file typed in the file dialog, then `handle(amend_dialog)` run
    in it; returns when the amendment dialog has closed."""
    done = []
    type_file_name(path)
    when_shown(AmendDialog, lambda d: (handle(d), done.append(d)))
    QTest.keyClick(dialog, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: bool(done) and not done[0].isVisible(), timeout=15000)


def _focus():
    return QApplication.focusWidget()


def test_a_refused_amendment_changes_nothing(qtbot, demo_db, tmp_path):
    bad = _amended(tmp_path / "bad", WEIGHT, WEIGHT.replace('"decimal"', '"integer"')
                   .replace("digits = 1\n", ""))
    window = open_window(qtbot, demo_db, "admin")
    store = window.store
    dialog = _study_dialog(qtbot, window)
    assert dialog.table.rowCount() == 1 and dialog.amend_button.isVisible()
    settle(qtbot, window)
    before, changes = _file_bytes(demo_db), store.conn.total_changes
    seen = {}

    def check(amend):
        seen["focus"] = _focus()
        seen["text"] = amend.findings.toPlainText()
        seen["html"] = amend.findings.toHtml()
        seen["verdict"] = amend.verdict.text()
        seen["apply"] = amend.apply_button.isEnabled()
        seen["inputs"] = amend.reason.isEnabled(), amend.password.isEnabled()
        QTest.keyClick(_focus(), Qt.Key.Key_Return)  # Apply is greyed: nothing happens
        seen["after_enter"] = amend.isVisible()
        amend.grab().save(str(tmp_path / "amend_refused.png"))
        QTest.keyClick(_focus(), Qt.Key.Key_Escape)

    _amend(qtbot, dialog, bad, check)
    assert "field inf.weight: type changes from 'decimal' to 'integer'" in seen["text"]
    assert seen["text"].count("REFUSED") >= 2  # the mark and the core's own word
    assert "color:#b00020" in seen["html"].replace(" ", "")
    assert "Nothing will change" in seen["verdict"]
    assert seen["apply"] is False and seen["inputs"] == (False, False)
    assert seen["after_enter"] is True
    assert seen["focus"].objectName() == "amend_other_file"
    settle(qtbot, window)
    assert store.conn.total_changes == changes
    assert _file_bytes(demo_db) == before, "a refused amendment wrote to the database"
    assert store.study_version == 1 and dialog.table.rowCount() == 1
    assert window.prompts.errors == [] and window.prompts.infos == []


def test_a_good_amendment_applied_by_keyboard(qtbot, demo_db, tmp_path):
    good = _amended(tmp_path / "good", H72, H72.replace('"72 hours"', '"24 hours"')
                    .replace("target = 72", "target = 24").replace("[48, 96]", "[18, 30]"))
    window = open_window(qtbot, demo_db, "admin")
    store = window.store
    window.open_subject("S001")
    old_study = store.study
    old_logs = dict(window.casebook.logs)
    assert "72 hours" in _visit_headers(window)
    dialog = _study_dialog(qtbot, window)
    seen: dict = {}

    def apply(amend):
        assert _focus() is amend.reason  # the cursor waits where the typing starts
        text = amend.findings.toPlainText()
        assert "event h72: label changes from '72 hours' to '24 hours'" in text
        assert "REFUSED" not in text and amend.apply_button.isEnabled()
        assert "version 2" in amend.apply_button.text()
        QTest.keyClick(_focus(), Qt.Key.Key_Return)  # nothing typed yet: said, not tried
        seen["empty"] = amend.message.text()
        assert _focus() is amend.reason
        QTest.keyClicks(_focus(), "Protocol amendment 2, 2016-03-01: 24 h visit")
        QTest.keyClick(_focus(), Qt.Key.Key_Tab)
        assert _focus() is amend.password
        QTest.keyClicks(_focus(), "Wrong-password-1")
        QTest.keyClick(_focus(), Qt.Key.Key_Return)
        seen["wrong"] = amend.message.text()
        assert amend.isVisible() and amend.password.text() == ""
        assert amend.reason.text() == "Protocol amendment 2, 2016-03-01: 24 h visit"
        assert _focus() is amend.password
        amend.grab().save(str(tmp_path / "amend_good.png"))
        QTest.keyClicks(_focus(), DEMO_PASSWORD)
        QTest.keyClick(_focus(), Qt.Key.Key_Return)

    _amend(qtbot, dialog, good, apply)
    assert "reason" in seen["empty"]
    assert "password is wrong" in seen["wrong"]
    assert store.study_version == 2 and store.study.crf_version == "1.1"
    # confirmed, naming the new CRF version
    (title, message), = window.prompts.infos
    assert "CRF version 1.1" in message and "version 2" in message
    assert "CRF version 1.1" in dialog.status.text()
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 1).text() == "1.1"
    assert dialog.table.item(1, 5).text().startswith("Protocol amendment 2")
    QTest.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)
    # the window shows and works under the new definition; nothing kept the old one
    assert "24 hours" in _visit_headers(window) and "72 hours" not in _visit_headers(window)
    assert window.tasks.study is store.study
    assert all(window.casebook.logs[f] is not old_logs[f] for f in old_logs)
    assert all(t.form is store.study.form(f) for f, t in window.casebook.logs.items())
    assert window.open_form("S001", "h72", "vs")
    assert window.form_page.view.form is store.study.form("vs")
    assert window.form_page.view.form is not old_study.form("vs")
    assert "24 hours" in window.form_page.place.text()
    assert window.prompts.errors == []
    window._closing_checked = True
    window.close()


def _visit_headers(window) -> str:
    """The visit matrix's column headers and their tips, as the user reads them."""
    matrix = window.casebook.matrix
    items = [matrix.horizontalHeaderItem(c) for c in range(matrix.columnCount())]
    return " | ".join(f"{i.text()} / {i.toolTip()}" for i in items)


@pytest.mark.parametrize("user", ["nurse", "investigator", "monitor"])
def test_other_roles_see_the_versions_but_cannot_amend(qtbot, demo_db, user):
    window = open_window(qtbot, demo_db, user)
    assert window.study_action.isEnabled()
    dialog = _study_dialog(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert not dialog.amend_button.isVisible()
    assert "Administrator" in dialog.note.text()
    assert dialog.amend() is False  # asked anyway: refused in words, no file dialog
    assert "Administrator" in dialog.status.text()
    window._closing_checked = True
    window.close()


def test_a_file_that_does_not_load_is_explained(qtbot, demo_db, tmp_path):
    broken = _amended(tmp_path / "broken", WEIGHT, WEIGHT.replace('"decimal"', '"integer"'))
    good = _amended(tmp_path / "good", H72, H72.replace('"72 hours"', '"24 hours"'))
    other = tmp_path / "tiny.toml"
    from tests.test_gui_first_run import TINY

    other.write_text(TINY, encoding="utf-8")
    window = open_window(qtbot, demo_db, "admin")
    dialog = _study_dialog(qtbot, window)
    seen = {}

    def choose(amend, path):
        type_file_name(path)
        QTest.keyClick(amend, Qt.Key.Key_C, ALT)  # Choose another file…
        qtbot.waitUntil(lambda: amend.path == path and QApplication.activeWindow() is amend)

    def check(amend):
        seen["broken"] = amend.findings.toPlainText()
        seen["apply"] = amend.apply_button.isEnabled()
        choose(amend, good)
        assert amend.apply_button.isEnabled()
        QTest.keyClicks(amend.reason, "Amendment 2")
        choose(amend, other)  # another study's definition: refused in words
        seen["other"] = amend.findings.toPlainText()
        seen["other_apply"] = amend.apply_button.isEnabled()
        choose(amend, good)
        seen["reason"] = amend.reason.text()  # what was typed survived both
        QTest.keyClick(_focus(), Qt.Key.Key_Escape)

    _amend(qtbot, dialog, broken, check)
    assert "nct02492516.toml:" in seen["broken"] and "'digits' is only allowed" in seen["broken"]
    assert seen["apply"] is False and seen["other_apply"] is False
    assert "study TINY1" in seen["other"] and "NCT02492516" in seen["other"]
    assert seen["reason"] == "Amendment 2"
    assert window.store.study_version == 1
    window._closing_checked = True
    window.close()
