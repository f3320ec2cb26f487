"""`alsdesk doctor`, as an IT person runs it: each check in words, exit 1 on a failure."""
from __future__ import annotations

import shutil

from click.testing import CliRunner

from alsdesk.cli import main


def _doctor(db):
    result = CliRunner().invoke(main, ["--db", str(db), "doctor"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_healthy_demo_database(demo_db):
    code, out = _doctor(demo_db)
    assert code == 0, out
    for line in ("OK    PySide6-Essentials", "OK    reportlab", "OK    PDF fonts",
                 "OK    study definition   NCT02492516", "OK    lock               free"):
        assert line in out, out
    assert f"OK    database           {demo_db}" in out and "7 subjects" in out
    assert "WARN  backups" in out and "alsdesk backup" in out  # none made yet
    assert "GB free" in out


def test_backups_are_counted_with_their_age(demo_db):
    from alsdesk import backup

    backup.backup_now(demo_db)
    code, out = _doctor(demo_db)
    assert code == 0 and "OK    backups            1 in" in out and "0.0 days old" in out, out


def test_a_missing_database_says_how_to_make_one(tmp_path):
    code, out = _doctor(tmp_path / "nothing.db")
    assert code == 1
    assert "FAIL  database" in out and "alsdesk init" in out and "alsdesk demo" in out


def test_a_damaged_database_fails(demo_db, tmp_path):
    data = bytearray(demo_db.read_bytes())
    for at in range(8192, len(data) - 4096, 4096):  # scribble over every page but the first
        data[at + 100:at + 400] = b"\xff" * 300
    bad = tmp_path / "bad.db"
    bad.write_bytes(bytes(data))
    code, out = _doctor(bad)
    assert code == 1 and "FAIL  database" in out, out


def test_the_lock_holder_is_named(demo_db):
    from alsdesk.store import Store

    with Store.open(demo_db) as store:
        store.login("nurse", "Demo-password-1")
        code, out = _doctor(demo_db)
    assert "lock               held:" in out, out


def test_a_configured_backup_folder_that_is_gone_fails(demo_db, tmp_path):
    from alsdesk import backup
    from alsdesk.store import Store

    stick = tmp_path / "stick"
    stick.mkdir()
    with Store.open(demo_db) as store:
        store.login("admin", "Demo-password-1")
        backup.configure(store, folder=str(stick))
    shutil.rmtree(stick)
    code, out = _doctor(demo_db)
    assert code == 1 and "FAIL  backups" in out and "USB stick" in out, out
