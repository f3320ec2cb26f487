"""Issue 12, item 2 after review: the anchors an insider at the workstation cannot switch off.

Each attack is done with sqlite3 and the standard library on the file, as the insider would:
the creation time in meta changed so the heads kept outside look like another database's; a
forged restore row to excuse them; the backup folder setting pointed at an empty folder; the
seal setting dropped. What catches them is kept outside the file: the heads logs, the restore
lines beside them, and this workstation's record of the places used (alsdesk.anchor_local).
"""
from __future__ import annotations

import os
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
from pathlib import Path

import pytest

from alsdesk import anchor, anchor_local, backup, paths, seal
from alsdesk.errors import AlsDeskError
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.test_anchor import (  # noqa: F401  (trial is a fixture)
    _attack, change_blood_pressure, cli, only_anchors_fail, session, set_backup_folder, trial,
    verify, work,
)


def _sql(path: Path, *statements) -> None:
    conn = sqlite3.connect(path)
    try:
        for s in statements:
            conn.execute(*s) if isinstance(s, tuple) else conn.execute(s)
        conn.commit()
    finally:
        conn.close()


def _insert_row_before(conn, where: str, values: dict) -> None:
    """Insert an audit row just before the first row matching `where` (re-chained after)."""
    k = conn.execute(f"SELECT min(seq) FROM audit_trail WHERE {where}").fetchone()[0]
    conn.execute("UPDATE audit_trail SET seq = seq + 1000000 WHERE seq >= ?", (k,))
    conn.execute("UPDATE audit_trail SET seq = seq - 999999 WHERE seq >= 1000000")
    cols = ["seq", "prev_hash", "hash", *values]
    conn.execute(f"INSERT INTO audit_trail ({', '.join(cols)}) VALUES "
                 f"({', '.join('?' * len(cols))})", [k, "x", "x", *values.values()])


# --- 1. the creation time in meta --------------------------------------------------------


def test_changed_creation_time_makes_the_backups_a_problem_not_a_note(trial, study):
    work(trial, study)

    def and_creation_time(conn):
        change_blood_pressure(conn)
        conn.execute("UPDATE meta SET value = '2026-12-02T05:32:48.233451+00:00' "
                     "WHERE key = 'created_at'")
    _attack(trial, and_creation_time)
    text = only_anchors_fail(verify(trial, study))
    assert "meta was changed behind the program" in text and "its own name or folder" in text
    result = cli("--db", str(trial), "verify")
    assert result.exit_code == 1 and "no backup, heads log or seal" not in result.output


# --- 2. restores: only one recorded outside the file excuses a head -----------------------


@pytest.mark.parametrize("old_value", [None, "trial.db Audit head 9999:" + "0" * 20])
def test_forged_restore_row_excuses_nothing(trial, study, old_value):
    printed = anchor.of(sqlite3.connect(trial)).text()

    def forge(conn):
        change_blood_pressure(conn)
        _insert_row_before(conn, "field = 'sysbp'", {
            "ts": "2099-01-01T00:00:00+00:00", "user_id": "admin", "role": "admin",
            "action": backup.RESTORED, "old_value": old_value,
            "new_value": "restored from trial-20260101-000000-manual.db",
            "reason": "restored from a backup"})
    _attack(trial, forge)
    text = " ".join(verify(trial, study).anchors.problems)
    assert "rewritten" in text and "recorded only inside the file" in text
    given = verify(trial, study, [printed]).anchors.problems
    assert any(printed in p and "recorded only inside the file" in p for p in given)


def test_restore_writes_its_line_outside_and_that_line_alone_excuses(trial, study):
    monday = sorted((trial.parent / "backups").glob("trial-*.db"))[0]
    work(trial, study)
    backup.backup_now(trial)  # a head the restore rewinds past
    work(trial, study)
    with Store.open(trial, study, readonly=True) as st:
        printed = anchor.of(st.conn).text()  # a head on a page printed before the restore
    result = backup.restore(trial, monday, user_id="admin", password=PASSWORD, study=study)
    log = (trial.parent / "backups" / "trial-heads.txt").read_text()
    assert "\trestore replaced=" in log.splitlines()[-1]
    report = verify(trial, study, [printed])
    assert report.ok, report.text()
    assert "superseded by the restore recorded in heads log" in " ".join(report.anchors.notes)
    # The file kept aside is what shows the printed head was replaced; without it, a problem.
    result.kept_aside.unlink()
    assert printed in " ".join(verify(trial, study, [printed]).anchors.problems)
    assert verify(trial, study).ok  # the heads in the heads log are still explained by it
    # Without the line outside (an older program's restore), the restore row excuses nothing.
    (trial.parent / "backups" / "trial-heads.txt").write_text(
        "".join(x + "\n" for x in log.splitlines() if "restore replaced=" not in x))
    assert "recorded only inside the file" in only_anchors_fail(verify(trial, study))


def test_restore_line_does_not_excuse_a_rewrite_of_the_restored_rows(trial, study):
    monday = sorted((trial.parent / "backups").glob("trial-*.db"))[0]
    work(trial, study)
    backup.backup_now(trial)
    backup.restore(trial, monday, user_id="admin", password=PASSWORD, study=study)
    assert verify(trial, study).ok
    _attack(trial, change_blood_pressure)  # rows of the backup, before the restore line
    assert "rewritten" in only_anchors_fail(verify(trial, study))


# --- 3. the backup folder setting pointed elsewhere ---------------------------------------


def test_backup_folder_pointed_at_an_empty_folder_still_reads_the_stick(store, db_path,
                                                                        study, tmp_path):
    stick, empty = tmp_path / "usb", tmp_path / "empty"
    set_backup_folder(store, stick, empty)
    assert stick in anchor_local.places(db_path)[0]  # recorded at once, before any backup
    store.logout()
    store.login("nurse", PASSWORD)
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", {"vsdtc": "2026-01-05T10:00", "sysbp": 128})
    store.close()
    backup.backup_now(db_path)
    assert verify(db_path, study).ok

    def and_hide_the_stick(conn):
        change_blood_pressure(conn)
        conn.execute("UPDATE settings SET value = ? WHERE key = 'backup.folder'", (str(empty),))
        conn.execute("UPDATE audit_trail SET new_value = ? WHERE action = 'settings.change' "
                     "AND field = 'backup.folder'", (str(empty),))
    _attack(db_path, and_hide_the_stick)
    text = only_anchors_fail(verify(db_path, study))
    assert "rewritten" in text and str(stick) in text


def test_the_record_lives_in_the_data_folder_given_by_the_environment(tmp_path, monkeypatch):
    # The whole test session writes a temporary folder, never the user's real one.
    assert Path(os.environ["ALSDESK_DATA_DIR"]) == paths.user_data_dir()
    assert not str(paths.user_data_dir()).startswith(str(Path.home() / ".local"))
    monkeypatch.setenv("ALSDESK_DATA_DIR", str(tmp_path / "data"))
    anchor_local.remember(tmp_path / "x.db", folder=tmp_path)
    assert anchor_local.places(tmp_path / "x.db") == ([tmp_path.absolute()], [])
    (tmp_path / "data" / "anchor-places.json").write_text("not json")
    assert anchor_local.places(tmp_path / "x.db") == ([], [])  # unreadable: as empty


# --- 4. the seal setting gone --------------------------------------------------------------


def test_seal_still_read_when_the_setting_is_gone(trial, study, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    monday = sorted((trial.parent / "backups").glob("trial-*.db"))[0]  # before the seal
    with session(trial, study, "admin") as st:
        seal.configure(st, str(share))
        seal.seal(st)
    backup.restore(trial, monday, user_id="admin", password=PASSWORD, study=study)
    report = verify(trial, study)
    assert report.ok, report.text()
    assert "no longer (or never was) its seal setting" in " ".join(report.anchors.notes)
    assert any("seal file" in p for p in report.anchors.places)
    _attack(trial, change_blood_pressure)
    assert "seal file" in only_anchors_fail(verify(trial, study))


def test_seal_setting_dropped_by_the_insider(trial, study, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (trial.parent / "backups").rename(tmp_path / "gone")  # only the seal is left to tell
    with session(trial, study, "admin") as st:
        seal.configure(st, str(share))
        seal.seal(st)

    def and_drop_the_seal(conn):
        change_blood_pressure(conn)
        conn.execute("DELETE FROM settings WHERE key = 'seal.path'")
        conn.execute("DELETE FROM audit_trail WHERE field = 'seal.path'")
    _attack(trial, and_drop_the_seal)
    assert "seal file" in only_anchors_fail(verify(trial, study))


# --- 5. what --against accepts ------------------------------------------------------------


def test_against_an_export_folder_an_empty_value_and_not_text(trial, study, tmp_path):
    with Store.open(trial, study, readonly=True) as st:
        head = anchor.of(st.conn)
    export = tmp_path / "csv-export"
    export.mkdir()
    (export / "README.txt").write_text(f"ALS Desk export\n{head.label()}\n")
    report = verify(trial, study, [str(export)])
    assert report.ok and any("export" in p for p in report.anchors.places), report.text()
    result = cli("--db", str(trial), "verify", "--against", "")
    assert result.exit_code != 0 and "empty value" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(AlsDeskError, match="list of texts"):
        verify(trial, study, [5])
    _sql(trial, "SELECT 1")  # the file is untouched by the refusals
