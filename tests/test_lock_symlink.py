"""Issue 12, item 9: a lock file planted as a link must not make ALS Desk write through it.

The attack is file-level, as an insider with write access to the folder would do it: before
the program opens the database, ``trial.db.lock`` is replaced by a symbolic link (or a hard
link) to another file. Opening must refuse with a message that says what to do, and the
other file must keep every byte and its permissions.
"""
from __future__ import annotations

import os
import stat

import pytest

from alsdesk.errors import AlsDeskError
from alsdesk.store import Store
from alsdesk.store.lock import current_holder, lock_path, read_holder
from tests.conftest import PASSWORD


def _make_db(path, study):
    store = Store.create(path, study)
    store.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    store.close()
    return path


def _victim(tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_bytes(b"the site's own file\n" * 10)
    os.chmod(victim, 0o600)
    return victim


def _assert_untouched(victim):
    assert victim.read_bytes() == b"the site's own file\n" * 10
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600


@pytest.mark.parametrize("dangling", [False, True])
def test_a_symlinked_lock_file_is_refused(tmp_path, study, dangling):
    path = _make_db(tmp_path / "trial.db", study)
    victim = _victim(tmp_path)
    target = tmp_path / "not-yet-there.txt" if dangling else victim
    os.symlink(target, lock_path(path))
    with pytest.raises(AlsDeskError) as caught:
        Store.open(path, study)
    text = str(caught.value)
    assert "not an ordinary file" in text and "delete it" in text
    _assert_untouched(victim)
    assert not target.exists() or target == victim  # a dangling link created nothing
    assert os.path.islink(lock_path(path))  # left for the administrator to look at
    # Nothing was written to the database either, and it opens once the link is gone.
    os.unlink(lock_path(path))
    with Store.open(path, study) as store:
        assert store.users.count() == 1


def test_a_hard_linked_lock_file_is_refused(tmp_path, study):
    path = _make_db(tmp_path / "trial.db", study)
    victim = _victim(tmp_path)
    os.link(victim, lock_path(path))
    with pytest.raises(AlsDeskError, match="not an ordinary file"):
        Store.open(path, study)
    _assert_untouched(victim)


def test_a_symlinked_lock_file_of_a_new_database_is_refused(tmp_path, study):
    victim = _victim(tmp_path)
    path = tmp_path / "trial.db"
    os.symlink(victim, lock_path(path))
    with pytest.raises(AlsDeskError, match="not an ordinary file"):
        Store.create(path, study)
    _assert_untouched(victim)
    assert not path.exists()


def test_readers_of_the_lock_do_not_follow_the_link(tmp_path, study):
    path = _make_db(tmp_path / "trial.db", study)
    other = tmp_path / "note.json"
    other.write_text('{"host": "X", "pid": 7, "os_user": "u", "since": "2025-01-01"}')
    os.symlink(other, lock_path(path))
    assert read_holder(path) is None  # what the link points to is not our note
    assert current_holder(path) is None


def test_a_fifo_lock_file_does_not_hang(tmp_path, study):
    path = _make_db(tmp_path / "trial.db", study)
    os.mkfifo(lock_path(path))
    with pytest.raises(AlsDeskError, match="not an ordinary file"):
        Store.open(path, study)
    assert read_holder(path) is None
