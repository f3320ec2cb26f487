"""Issue 12 review, items 4 to 6: bad input to the core's calls ends in words, never in a
raw exception, and no message echoes a control character as it is.

- an id beyond SQLite's 64-bit integers raised OverflowError; a lone surrogate in a reason
  raised UnicodeEncodeError at the audit sink;
- a setting's value was kept whatever it meant (paper 'A0', backup.keep '-1');
- an escape in a subject code was echoed raw (a terminal showed 'S001'), and a WAL file
  planted as a symbolic link read as "damaged, restore the latest backup".
"""
from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.errors import AlsDeskError, StoreError, WorkflowError
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.helpers import audit_count


def test_a_huge_id_is_refused_in_words(store):
    for huge in (10**30, -(10**30), 2**63):
        with pytest.raises(AlsDeskError, match="digits"):
            store.forms.get_instance(huge)
    assert store.forms  # still usable


def test_a_lone_surrogate_is_refused_in_words_and_nothing_is_kept(store, db_path):
    code = store.subjects.create("AB").code
    before = audit_count(store)
    with pytest.raises(AlsDeskError, match="lone surrogate"):
        store.forms.save(code, "screening", "vs", {"pulse": 70}, reason="typo \ud800")
    with pytest.raises(AlsDeskError, match="U\\+D800"), store.transaction():
        store.audit("settings.change", field="x", new_value="a\ud800b")  # the sink's net
    assert audit_count(store) == before


def _admin(store):
    store.logout()
    store.login("admin", PASSWORD)
    return store


@pytest.mark.parametrize("key, value, says", [
    ("paper", "A0", "A4 or letter"),
    ("backup.keep", "-1", "from 1 to 1000"),
    ("backup.keep", "abc", "whole number"),
    ("backup.keep", "5000", "from 1 to 1000"),
    ("date_format", "%Y", "date format"),
    ("idle_minutes", "0", "from 1 to 120"),
    ("backup.folder", "relative/folder", "full path"),
    ("seal.path", "seal.txt", "full path"),
    ("demo", "real", "synthetic"),
])
def test_known_settings_are_checked_by_their_meaning(store, db_path, key, value, says):
    _admin(store)
    before = audit_count(store)
    with pytest.raises(WorkflowError, match=says):
        store.set_setting(key, value)
    assert store.setting(key) is None and audit_count(store) == before


def test_good_values_and_unknown_keys_are_kept(store, tmp_path):
    _admin(store)
    for key, value in (("paper", "letter"), ("backup.keep", "7"), ("idle_minutes", "30"),
                       ("date_format", "YYYY-MM-DD"), ("backup.folder", str(tmp_path)),
                       ("backup.folder", ""), ("site_note", "Ward 3, anything goes")):
        store.set_setting(key, value)
        assert store.setting(key) == value


def test_no_message_echoes_a_control_character(store):
    _admin(store)
    with pytest.raises(WorkflowError) as caught:
        store.set_setting("x\x1b[31m", "1")
    assert "\x1b" not in str(caught.value) and "\\x1b" in str(caught.value)
    with pytest.raises(AlsDeskError) as caught:
        store.subjects.get("S0\x1b[31m01")
    assert "\x1b" not in str(caught.value) and "'S0\\x1b[31m01'" in str(caught.value)


def test_pdf_of_a_code_with_an_escape_names_it_visibly(demo_db):
    result = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "casebook", "S0\x1b[31m01",
                                       "--as", "nurse", "--password-stdin", "--out",
                                       str(demo_db.parent / "x.pdf")],
                                input="Demo-password-1\n")
    assert result.exit_code == 1
    assert "S0\\x1b[31m01" in result.output and "'S001'" not in result.output


@pytest.mark.parametrize("side", ["-wal", "-shm"])
def test_a_linked_wal_file_is_named_not_called_damage(demo_db, study, side):
    victim = demo_db.parent / "victim"
    victim.write_text("precious data of another program\n")
    os.symlink(victim, str(demo_db) + side)
    for readonly in (False, True):
        with pytest.raises(StoreError) as caught:
            Store.open(demo_db, study, readonly=readonly)
        text = str(caught.value)
        assert "symbolic link" in text and f"Remove {demo_db.name}{side}" in text, text
        assert "restore" not in text.lower() and "does not mean" in text
    assert victim.read_text() == "precious data of another program\n"
    os.unlink(str(demo_db) + side)
    with Store.open(demo_db, study, readonly=True):
        pass
    shutil.rmtree(demo_db.parent / "backups", ignore_errors=True)
