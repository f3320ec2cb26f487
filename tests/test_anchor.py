"""Issue 12, item 2: the audit chain anchored outside the file.

The attacks are done as an insider with the file and the standard library would do them:
change the data, rewrite the audit rows, re-hash the whole chain and fix the head in meta, so
the file agrees with itself and verify's own checks pass. What catches them is a head kept
elsewhere: a backup in the backup folder, the heads log, a seal file, a printed head. The
legitimate flows (work after backups, rotation, a restore, a missing stick) stay quiet.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk import anchor, backup
from alsdesk.cli import main
from alsdesk.store import Store
from tests.conftest import PASSWORD

VS = {"vsdtc": "2026-01-05T10:00", "sysbp": 128, "diabp": 80}


# --- the insider's tools: sqlite3, hashlib and json, nothing of ours ----------------------


def _rechain(conn: sqlite3.Connection) -> None:
    """Renumber and re-hash the whole audit trail and write the new head into meta."""
    cols = [r[1] for r in conn.execute("PRAGMA table_info(audit_trail)")]
    rows = [dict(zip(cols, r)) for r in conn.execute("SELECT * FROM audit_trail ORDER BY seq")]
    prev = rows[0]["prev_hash"]
    conn.execute("DELETE FROM audit_trail")
    for n, row in enumerate(rows, 1):
        row["seq"], row["prev_hash"] = n, prev
        payload = json.dumps([row[c] for c in cols if c != "hash"], ensure_ascii=False,
                             separators=(",", ":"))
        row["hash"] = prev = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        conn.execute(f"INSERT INTO audit_trail ({', '.join(cols)}) VALUES "
                     f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{len(rows)}:{prev}",))


def _attack(path: Path, change) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        # The append-only triggers are dropped for the work and put back as they were.
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        change(conn)
        _rechain(conn)
        for _name, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def change_blood_pressure(conn):
    conn.execute("UPDATE vs SET sysbp = 182 WHERE sysbp = 128")
    conn.execute("UPDATE audit_trail SET new_value = '182' WHERE field = 'sysbp' "
                 "AND new_value = '128'")


def erase_subject(code):
    def change(conn):
        sid = conn.execute("SELECT id FROM subjects WHERE code = ?", (code,)).fetchone()[0]
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM form_instances WHERE subject_id = ?", (sid,))]
        for (form,) in conn.execute("SELECT DISTINCT form FROM form_instances "
                                    "WHERE subject_id = ?", (sid,)).fetchall():
            conn.execute(f'DELETE FROM "{form}" WHERE instance_id IN '
                         f"({', '.join('?' * len(ids))})", ids)
        conn.execute("DELETE FROM form_instances WHERE subject_id = ?", (sid,))
        conn.execute("DELETE FROM subjects WHERE id = ?", (sid,))
        conn.execute("DELETE FROM audit_trail WHERE subject = ?", (code,))
    return change


# --- building real files ------------------------------------------------------------------


def session(path, study, user="nurse"):
    st = Store.open(path, study)
    st.login(user, PASSWORD)
    return st


def work(path, study) -> str:
    """A session of ordinary work: a subject with vital signs."""
    with session(path, study) as st:
        code = st.subjects.create("CD").code
        st.forms.save(code, "screening", "vs", {"pulse": 71})
    return code


@pytest.fixture
def trial(store, db_path):
    """A closed database holding a blood pressure of 128, backed up once into the backup
    folder, then more work after the backup."""
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", VS)
    store.close()
    backup.backup_now(db_path)
    return db_path


def verify(path, study, against=()):
    with Store.open(path, study, readonly=True) as st:
        return st.verify(against)


def only_anchors_fail(report):
    """The file agrees with itself (what verify could tell before), and only the heads kept
    elsewhere show the attack."""
    assert report.integrity == ["ok"]
    assert not (report.chain_problems or report.replay_problems or report.signature_problems
                or report.schema_problems), report.text()
    assert report.anchors.problems and not report.ok
    return " ".join(report.anchors.problems)


def cli(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


# --- the attacks --------------------------------------------------------------------------


def test_changed_blood_pressure_rehashed_is_caught_by_the_backup(trial, study):
    work(trial, study)
    assert verify(trial, study).ok
    _attack(trial, change_blood_pressure)
    report = verify(trial, study)
    text = only_anchors_fail(report)
    assert "rewritten" in text and "backup" in text
    result = cli("--db", str(trial), "verify")
    assert result.exit_code == 1 and "VERIFY FAILED" in result.output
    assert "Traceback" not in result.output


def test_printed_head_and_exported_head_catch_the_rewrite(store, db_path, study, tmp_path):
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", VS)
    printed = anchor.of(store.conn).text()  # as at the foot of a casebook page
    store.close()
    export = tmp_path / "export.csv"
    export.write_text(f"study,NCT02492516\n# {anchor.PREFIX} {printed}\n", encoding="utf-8")
    assert verify(db_path, study, [printed, str(export)]).ok
    _attack(db_path, change_blood_pressure)
    assert verify(db_path, study).ok  # no backup anywhere: the file agrees with itself
    for given in (printed, str(export)):
        assert "rewritten" in only_anchors_fail(verify(db_path, study, [given]))
    result = cli("--db", str(db_path), "verify", "--against", printed)
    assert result.exit_code == 1 and "was rewritten" in result.output


def test_seal_file_catches_the_rewrite(store, db_path, study, tmp_path):
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", VS)
    store.close()
    share = tmp_path / "share"
    share.mkdir()
    result = cli("--db", str(db_path), "seal", "--set-path", str(share), "--as", "admin",
                 "--password-stdin", stdin=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    sealed = share / f"{db_path.stem}-seal.txt"
    assert anchor.PREFIX in sealed.read_text()
    with Store.open(db_path, study, readonly=True) as st:
        rows = st.conn.execute("SELECT user_id, new_value FROM audit_trail WHERE action = "
                               "'anchor.seal'").fetchall()
        assert st.setting("seal.path") == str(sealed)
    assert rows[0][0] == "admin" and str(sealed) in rows[0][1]
    assert verify(db_path, study).ok
    _attack(db_path, change_blood_pressure)
    assert "seal file" in only_anchors_fail(verify(db_path, study))
    # A nurse may seal too (a witness, not a setting), but not move the seal file.
    result = cli("--db", str(db_path), "seal", "--set-path", str(tmp_path), "--as", "nurse",
                 "--password-stdin", stdin=PASSWORD + "\n")
    assert result.exit_code == 1 and "Error:" in result.output
    assert "Traceback" not in result.output


def test_newest_rows_deleted_and_meta_head_fixed(trial, study):
    late = work(trial, study)
    backup.backup_now(trial)  # the second backup holds the late work
    keep = verify(trial, study)
    with Store.open(trial, study, readonly=True) as st:
        first = st.conn.execute("SELECT seq FROM audit_trail WHERE subject = ? ORDER BY seq",
                                (late,)).fetchone()[0]

    def cut(conn):
        erase_subject(late)(conn)
        conn.execute("DELETE FROM audit_trail WHERE seq >= ?", (first - 1,))  # and its login
    assert keep.ok
    _attack(trial, cut)
    text = only_anchors_fail(verify(trial, study))
    assert "rows at the end were removed, or an older copy" in text


def test_erased_subject_rehashed_is_caught(trial, study):
    first = "S001"
    work(trial, study)
    backup.backup_now(trial)
    _attack(trial, erase_subject(first))
    with Store.open(trial, study, readonly=True) as st:
        assert first not in [s.code for s in st.subjects.list()]
    text = only_anchors_fail(verify(trial, study))
    assert "rewritten" in text or "removed" in text


def test_old_backup_copied_over_the_file(trial, study):
    old = sorted((trial.parent / "backups").glob("trial-*.db"))[0]
    work(trial, study)
    backup.backup_now(trial)
    for side in ("-wal", "-shm"):
        Path(str(trial) + side).unlink(missing_ok=True)
    shutil.copy(old, trial)
    text = only_anchors_fail(verify(trial, study))
    assert "older copy of the database was put in its place" in text


def test_backup_of_a_rewritten_file_is_written_and_nothing_rotated_away(trial, study):
    with session(trial, study, "admin") as st:
        backup.configure(st, keep=1)
    with session(trial, study) as st:
        first = backup.auto_backup(st, "close")
    work(trial, study)
    _attack(trial, change_blood_pressure)
    before = sorted(p.name for p in (trial.parent / "backups").glob("*.db"))
    with session(trial, study) as st:
        with pytest.raises(backup.BackupDoesNotExtend, match="No older backup was deleted"):
            backup.auto_backup(st, "close")
    after = sorted(p.name for p in (trial.parent / "backups").glob("*.db"))
    assert first.path.name in after and set(before) < set(after)  # written, none deleted
    result = cli("--db", str(trial), "backup")
    assert result.exit_code == 1 and "The backup was written to" in result.output
    assert "Traceback" not in result.output


# --- the legitimate flows stay quiet ------------------------------------------------------


def test_normal_work_after_backups_and_rotation(trial, study):
    with session(trial, study, "admin") as st:
        backup.configure(st, keep=2)
    for _ in range(4):
        work(trial, study)
        with session(trial, study) as st:
            assert backup.auto_backup(st, "close") is not None
    folder = trial.parent / "backups"
    log = (folder / "trial-heads.txt").read_text().splitlines()
    assert len(backup.list_backups(folder, trial)) == 2 and len(log) == 5  # 4 auto + manual
    # (the manual backup is never rotated away: 3 files)
    report = verify(trial, study)
    assert report.ok and not report.anchors.problems, report.text()
    assert report.anchors.checked == 5  # the rotated-away heads live on in the log
    assert f"backups in {folder} (3); heads log {folder / 'trial-heads.txt'} (5)" in report.text()
    work(trial, study)
    backup.backup_now(trial)
    assert verify(trial, study).ok


def test_heads_log_alone_catches_after_rotation(trial, study):
    with session(trial, study, "admin") as st:
        backup.configure(st, keep=1)
    folder = trial.parent / "backups"
    for p in folder.glob("trial-*-manual.db"):
        p.unlink()  # the manual one would catch it too: leave only the log's lines
    with session(trial, study) as st:
        backup.auto_backup(st, "close")
    _attack(trial, change_blood_pressure)
    (next(folder.glob("trial-*-close.db"))).unlink()
    assert "heads log" in only_anchors_fail(verify(trial, study))


def test_restore_of_an_older_backup_then_work(trial, study):
    monday = sorted((trial.parent / "backups").glob("trial-*.db"))[0]
    work(trial, study)
    backup.backup_now(trial)  # a newer backup the restore will rewind past
    backup.restore(trial, monday, user_id="admin", password=PASSWORD,
                   reason="the disk failed on Tuesday", study=study)
    work(trial, study)
    report = verify(trial, study)
    assert report.ok, report.text()
    assert "superseded by the restore recorded in" in " ".join(report.anchors.notes)
    backup.backup_now(trial)  # the backup after a restore does not complain
    assert verify(trial, study).ok


def test_restore_row_only_inside_the_file_excuses_nothing(trial, study):
    """A restore row naming the head it replaced, but with no restore line outside the file
    (the insider wrote it, or an older program): the heads it would explain are problems."""
    monday = sorted((trial.parent / "backups").glob("trial-*.db"))[0]
    work(trial, study)
    backup.backup_now(trial)
    with Store.open(trial, study, readonly=True) as st:
        replaced = anchor.of(st.conn)
    for side in ("-wal", "-shm"):
        Path(str(trial) + side).unlink(missing_ok=True)
    shutil.copy(monday, trial)
    with session(trial, study, "admin") as st, st.transaction():
        st.audit(backup.RESTORED, old_value=f"trial.db {replaced.label()}",
                 new_value="restored from monday", reason="the disk failed")
    assert "recorded only inside the file" in only_anchors_fail(verify(trial, study))
    _attack(trial, change_blood_pressure)  # rows before the restore row
    assert "rewritten" in only_anchors_fail(verify(trial, study))


def set_backup_folder(store, *folders: Path) -> None:
    """Make the folders; the first becomes the backup folder, set by the administrator."""
    for folder in folders:
        folder.mkdir()
    store.logout()
    store.login("admin", PASSWORD)
    backup.configure(store, folder=folders[0])


def test_missing_backup_folder_is_a_note(store, db_path, study):
    store.close()
    report = verify(db_path, study)
    assert report.ok and report.anchors.checked == 0
    assert "is not there" in " ".join(report.anchors.notes)


def test_backup_folder_on_a_removed_stick(store, db_path, study, tmp_path):
    stick = tmp_path / "stick"
    set_backup_folder(store, stick)
    store.close()
    backup.backup_now(db_path)
    work(db_path, study)
    assert verify(db_path, study).anchors.checked == 1
    shutil.move(stick, tmp_path / "in-the-drawer")
    report = verify(db_path, study)
    assert report.ok and "not connected" in " ".join(report.anchors.notes)
    # Given by hand once it is back: the folder, or one backup file in it.
    back = tmp_path / "in-the-drawer"
    for given in (back, next(back.glob("trial-*.db")), back / "trial-heads.txt"):
        assert verify(db_path, study, [str(given)]).anchors.checked == 1


def test_against_bad_input_says_what_to_give(store, db_path, study, tmp_path):
    store.close()
    result = cli("--db", str(db_path), "verify", "--against", "no-such-file.txt")
    assert result.exit_code == 1 and "not an audit head either" in result.output
    blank = tmp_path / "notes.txt"
    blank.write_text("nothing here\n")
    result = cli("--db", str(db_path), "verify", "--against", str(blank))
    assert result.exit_code == 1 and "holds no audit head" in result.output
    assert "Traceback" not in result.output
    result = cli("--db", str(db_path), "seal", "--as", "nurse", "--password-stdin",
                 stdin=PASSWORD + "\n")
    assert result.exit_code == 1 and "No seal file is set" in result.output


@pytest.mark.parametrize("name", ["trial.db", "ward-b.db"])
def test_shared_folder_with_another_workstations_file_and_a_damaged_backup(trial, study,
                                                                           tmp_path, name):
    """Another database of the same study backed up into the same share, and a damaged file
    with a backup's name. Of another name: notes, never a failure, never compared as ours. Of
    the same name: a problem (the creation time that tells them apart is in the file, so the
    insider could have changed it), saying to give each database its own name or folder."""
    other_dir = tmp_path / "other-workstation"
    other_dir.mkdir()
    other = other_dir / name
    with Store.create(other, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.login("admin", PASSWORD)
        backup.configure(st, folder=trial.parent / "backups")
    if name == "trial.db":  # written, but the other file's backup is told of ours at once
        with pytest.raises(backup.BackupDoesNotExtend, match="its own name or folder"):
            backup.backup_now(other)
    else:
        backup.backup_now(other)
    (trial.parent / "backups" / "trial-20200101-000000-close.db").write_bytes(b"not a db")
    report = verify(trial, study)
    assert "cannot be read" in " ".join(report.anchors.notes)
    if name == "trial.db":
        assert not report.ok and "its own name or folder" in only_anchors_fail(report)
        return
    assert report.ok and report.anchors.checked == 1, report.text()
    work(trial, study)
    backup.backup_now(trial)  # the other file's heads do not stop ours
    assert verify(trial, study).ok


def test_backups_made_before_the_heads_log_are_still_compared(trial, study, tmp_path):
    (trial.parent / "backups" / "trial-heads.txt").unlink()  # as an older program left it
    work(trial, study)
    report = verify(trial, study)
    assert report.ok and report.anchors.checked == 1, report.text()
    backup.backup_now(trial)
    assert len((trial.parent / "backups" / "trial-heads.txt").read_text().splitlines()) == 1
    # A backup of another database given by hand is refused, not compared.
    other = tmp_path / "elsewhere" / "trial.db"
    other.parent.mkdir()
    with Store.create(other, study):
        pass
    result = cli("--db", str(trial), "verify", "--against", str(other))
    assert result.exit_code == 1 and "backup of another database" in result.output


def test_seal_out_of_reach_is_a_note(store, db_path, study, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    store.close()
    with session(db_path, study, "admin") as st:
        from alsdesk import seal

        seal.configure(st, str(share))
        assert "no seal was written" in " ".join(st.verify().anchors.notes)
        seal.seal(st)
    assert verify(db_path, study).anchors.checked == 1
    shutil.move(share, tmp_path / "unplugged")
    report = verify(db_path, study)
    assert report.ok and "seal was not compared" in " ".join(report.anchors.notes)
    with session(db_path, study) as st:
        with pytest.raises(Exception, match="is not there"):
            seal.seal(st)


def test_pointing_the_folder_setting_elsewhere_does_not_hide_the_backups(store, db_path,
                                                                          study, tmp_path):
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", VS)
    stick, empty = tmp_path / "stick", tmp_path / "empty"
    set_backup_folder(store, stick, empty)
    store.close()
    backup.backup_now(db_path)

    def hide(conn):
        change_blood_pressure(conn)
        conn.execute("UPDATE settings SET value = ? WHERE key = 'backup.folder'", (str(empty),))
    _attack(db_path, hide)
    assert "rewritten" in only_anchors_fail(verify(db_path, study))


def test_write_once_share_keeps_every_backup(trial, study, monkeypatch):
    """A share where the workstation may add files but not delete them (what the threat model
    asks for): rotation leaves the backups there and the backup goes on without an error."""
    with session(trial, study, "admin") as st:
        backup.configure(st, keep=1)
    real_unlink = Path.unlink

    def no_delete(self, missing_ok=False):
        if self.parent.name == "backups" and self.suffix == ".db":
            raise PermissionError(13, "Permission denied", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", no_delete)
    for _ in range(2):
        work(trial, study)
        with session(trial, study) as st:
            assert backup.auto_backup(st, "close") is not None
    assert len(backup.list_backups(trial.parent / "backups", trial)) == 2
    assert verify(trial, study).ok


@pytest.mark.parametrize("fmt", ["sdtm", "xpt", "stata", "spss", "analysis", "proact"])
def test_every_data_only_export_carries_the_head_in_its_readme(store, db_path, study,
                                                               tmp_path, fmt):
    from alsdesk.exchange.formats import writer

    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", VS)
    store.logout()
    store.login("mon", PASSWORD)
    done = writer(fmt)(store, tmp_path / fmt)
    store.close()
    assert done.head.label() in (tmp_path / fmt / "README.txt").read_text(encoding="utf-8")
    assert verify(db_path, study, [str(tmp_path / fmt)]).ok
    _attack(db_path, change_blood_pressure)
    assert "rewritten" in only_anchors_fail(verify(db_path, study, [str(tmp_path / fmt)]))
