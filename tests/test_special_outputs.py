"""Issue 12 review, items 1 and 2: FIFOs and devices where ALS Desk reads or writes a file.

A FIFO named like the heads log or like a backup in the backup folder hung verify and backup
(and so the window's start and close backups); `--against FIFO` and `pdf --out FIFO` hung
too. `pdf` wrote through a symbolic link into its target and over an existing file without
--force. Each command runs in a child process with a time limit: a hang fails the test
instead of hanging the suite (SQLite retries an interrupted open, so an alarm would not do).
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file kinds")

DEMO_PASSWORD = "Demo-password-1"


def _run(db: Path, *args: str, password: bool = False) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, "-m", "alsdesk.cli", "--db", str(db), *args],
                              capture_output=True, text=True, timeout=90,
                              input=DEMO_PASSWORD + "\n" if password else "",
                              cwd=str(db.parent))
    except subprocess.TimeoutExpired:
        pytest.fail(f"`alsdesk {' '.join(args)}` hung (a FIFO was opened)")


def _said(done: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout + done.stderr


@pytest.fixture
def db(demo_db) -> Path:
    return demo_db


def test_a_fifo_heads_log_neither_hangs_verify_nor_backup(db):
    folder = db.parent / "backups"
    folder.mkdir()
    os.mkfifo(folder / "demo-heads.txt")
    done = _run(db, "verify")
    assert done.returncode == 0 and "named pipe" in _said(done), _said(done)
    done = _run(db, "backup")
    assert done.returncode == 1 and "named pipe" in _said(done), _said(done)
    assert stat.S_ISFIFO(os.stat(folder / "demo-heads.txt").st_mode)


def test_a_fifo_named_like_a_backup_is_passed_over_with_a_note(db):
    folder = db.parent / "backups"
    folder.mkdir()
    fifo = folder / "demo-20261202-000000-start.db"
    os.mkfifo(fifo)
    done = _run(db, "verify")
    assert done.returncode == 0 and f"{fifo} is a named pipe" in _said(done), _said(done)
    done = _run(db, "doctor")
    assert "Traceback" not in done.stderr and "backups" in done.stdout, _said(done)
    done = _run(db, "backup")  # a backup by hand lists the folder too
    assert done.returncode == 0, _said(done)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_verify_against_a_fifo_is_refused_in_words(db):
    fifo = db.parent / "f"
    os.mkfifo(fifo)
    done = _run(db, "verify", "--against", str(fifo))
    assert done.returncode == 1 and "named pipe" in _said(done), _said(done)


def test_pdf_never_writes_into_a_fifo_or_over_a_file_without_force(db):
    fifo = db.parent / "f.pdf"
    os.mkfifo(fifo)
    done = _run(db, "pdf", "casebook", "S001", "--out", str(fifo), "--as", "nurse",
                "--password-stdin", password=True)
    assert done.returncode == 1 and "named pipe" in _said(done), _said(done)
    done = _run(db, "pdf", "blank", "--out", str(fifo), "--force")
    assert done.returncode == 1 and "named pipe" in _said(done), _said(done)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    existing = db.parent / "old.pdf"
    existing.write_bytes(b"precious")
    done = _run(db, "pdf", "blank", "--out", str(existing))
    assert done.returncode == 1 and "--force" in _said(done), _said(done)
    assert existing.read_bytes() == b"precious"
    done = _run(db, "pdf", "blank", "--out", str(existing), "--force")
    assert done.returncode == 0 and existing.read_bytes().startswith(b"%PDF"), _said(done)
    assert [p.name for p in db.parent.iterdir() if ".partial" in p.name] == []


def test_pdf_force_replaces_a_link_itself_never_its_target(db):
    victim = db.parent / "victim"
    victim.write_bytes(b"precious")
    link = db.parent / "link.pdf"
    link.symlink_to(victim)
    done = _run(db, "pdf", "blank", "--out", str(link))
    assert done.returncode == 1 and "already exists" in _said(done), _said(done)
    done = _run(db, "pdf", "blank", "--out", str(link), "--force")
    assert done.returncode == 0, _said(done)
    assert victim.read_bytes() == b"precious"
    assert not link.is_symlink() and link.read_bytes().startswith(b"%PDF")
    to_device = db.parent / "null.pdf"
    to_device.symlink_to("/dev/null")
    done = _run(db, "pdf", "blank", "--out", str(to_device), "--force")
    assert done.returncode == 1 and "device" in _said(done), _said(done)
    assert to_device.is_symlink()


def test_export_force_never_replaces_a_device(db):
    device = db.parent / "fnull"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    done = _run(db, "export", "odm", "--out", str(device), "--force", "--as", "admin",
                "--password-stdin", password=True)
    assert done.returncode == 1 and "device" in _said(done), _said(done)
    assert stat.S_ISCHR(os.stat(device).st_mode)
    shutil.rmtree(db.parent / "backups", ignore_errors=True)


def test_export_force_into_a_folder_never_replaces_a_fifo_in_it(db):
    folder = db.parent / "csv"
    folder.mkdir()
    (folder / "old.txt").write_text("another export")
    os.mkfifo(folder / "README.txt")
    done = _run(db, "export", "csv", "--out", str(folder), "--force", "--as", "admin",
                "--password-stdin", password=True)
    assert done.returncode == 1 and "named pipe" in _said(done), _said(done)
    assert stat.S_ISFIFO(os.stat(folder / "README.txt").st_mode)
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "old.txt"]


def test_outputs_never_replace_the_database_a_backup_or_the_heads_log(demo_db, tmp_path):
    """`pdf blank --out trial.db` and `export odm --out trial.db --force` replaced the live
    database; a backup or the heads log could go the same way, even with --force."""
    from click.testing import CliRunner

    from alsdesk import backup
    from alsdesk.cli import main

    saved = backup.backup_now(demo_db, tmp_path / "monday.db").path
    heads = tmp_path / "demo-heads.txt"
    heads.write_text("x\n")
    before = {p: p.read_bytes() for p in (saved, heads)}  # (the database gets login rows)
    for target in (demo_db, saved, heads):
        for args in (["pdf", "blank", "--out", str(target), "--force"],
                     ["export", "odm", "--out", str(target), "--force", "--as", "monitor",
                      "--password-stdin"]):
            result = CliRunner().invoke(main, ["--db", str(demo_db), *args],
                                        input="Demo-password-1\n")
            assert result.exit_code == 1, (target, args, result.output)
            assert "never written over" in result.output, result.output
    assert {p: p.read_bytes() for p in before} == before
    assert demo_db.read_bytes().startswith(b"SQLite format 3")
