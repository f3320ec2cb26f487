"""Issue 12, item 7: a database file deleted, renamed or replaced while it is open.

SQLite keeps writing to the open file descriptor whatever happens to the name, so without a
check every save would be acknowledged into a file nobody will open again. Each attack
renames, deletes or swaps the real file under an open store, the way a sync tool or an
antivirus does; the save must be refused with a clear message and nothing committed there.
"""
from __future__ import annotations

import os
import shutil
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest

from alsdesk.errors import MovedDatabase, StoreError
from tests.ui_helpers import demo_db, demo_template, fill, open_window  # noqa: F401


def _subjects(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    finally:
        conn.close()


def test_renamed_while_open_refuses_the_save(store, db_path):
    before = _subjects(db_path)
    moved = db_path.with_name("moved-by-sync.db")
    os.rename(db_path, moved)
    with pytest.raises(MovedDatabase) as err:
        store.subjects.create("AB")
    text = str(err.value)
    assert "no longer there" in text and "nothing was saved" in text
    assert str(db_path) in text
    # Nothing went into the renamed file either: the transaction was rolled back.
    assert not store.conn.in_transaction
    store.close()
    assert _subjects(moved) == before


def test_deleted_while_open_refuses_the_save(store, db_path):
    os.unlink(db_path)
    with pytest.raises(StoreError, match="no longer there"):
        store.subjects.create("AB")
    assert not db_path.exists()


def test_replaced_by_another_file_refuses_the_save(store, db_path, tmp_path):
    # A sync tool that writes its own copy back under the name: same name, other inode.
    copy = tmp_path / "synced-copy.db"
    shutil.copyfile(db_path, copy)
    os.replace(copy, db_path)
    with pytest.raises(MovedDatabase, match="replaced by another file"):
        store.subjects.create("AB")


def test_put_back_the_next_save_goes_through(store, db_path):
    moved = db_path.with_name("elsewhere.db")
    os.rename(db_path, moved)
    with pytest.raises(MovedDatabase):
        store.subjects.create("AB")
    os.rename(moved, db_path)  # what the message asks for
    code = store.subjects.create("AB").code
    store.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM subjects WHERE code = ?", (code,)).fetchone()[0]
    conn.close()


def test_window_keeps_what_was_typed(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    code = window.store.subjects.create().code
    window.open_form(code, "screening", "emg")
    page = window.form_page
    summary = "Fasciculations in both forearms."
    fill(page, emgsum=summary)
    moved = demo_db.with_name("renamed-by-antivirus.db")
    os.rename(demo_db, moved)
    window.form_page.save_action.trigger()
    (title, message), = window.prompts.errors
    assert title == "Not saved" and "no longer there" in message
    assert page.view.editor("emgsum").raw() == summary
    assert page.view.is_dirty()
    os.rename(moved, demo_db)
    assert page.save()  # the file is back: the same values save, into the file at its name
    assert window.store.forms.get(code, "screening", "emg").values == {"emgsum": summary}


def test_a_file_put_in_its_place_does_not_read_the_old_files_wal(store, db_path, tmp_path,
                                                                 study):
    """Replaced by another database while open: after the refused save and the close, the
    old file's WAL must not stay under the name, where the new file would read it as its own
    (and be damaged by it)."""
    from alsdesk.store import Store

    store.subjects.create("AB")  # a save: the WAL exists and holds it
    other = tmp_path / "other.db"
    with Store.create(other, study, admin=("admin", "Ada Admin", "Correct-horse-9")):
        pass
    shutil.copy(other, f"{db_path}.tmp")
    os.replace(f"{db_path}.tmp", db_path)
    with pytest.raises(MovedDatabase):
        store.subjects.create("CD")
    store.close()
    assert not os.path.exists(f"{db_path}-shm")
    with Store.open(db_path, study, readonly=True) as st:
        assert st.verify().ok


def test_the_wal_deleted_while_open_refuses_the_save(store, db_path):
    """A cleanup tool deleting <db>-wal: later saves would be acknowledged, then lost."""
    store.subjects.create("AB")
    wal = f"{db_path}-wal"
    assert os.path.exists(wal)
    os.unlink(wal)
    with pytest.raises(MovedDatabase, match="journal file"):
        store.subjects.create("CD")
