"""The `alsdesk` command, run as a user would: real files, real sub-processes where it matters."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.store import Store
from tests.conftest import PASSWORD


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help_text():
    for path, cmd in _commands(main):
        assert (cmd.help or "").strip(), f"alsdesk {' '.join(path)} has no help text"
        result = run(*path, "--help")
        assert result.exit_code == 0, result.output
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"


def test_init_then_users(tmp_path):
    db = tmp_path / "site.db"
    result = run("--db", str(db), "init", "--admin", "boss", "--name", "Bea Boss",
                 "--password-stdin", input=f"{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "boss" in result.output
    result = run("--db", str(db), "users", "add", "nurse1", "--name", "Nina Nurse", "--role",
                 "nurse", "--as", "boss", "--password-stdin", input=f"{PASSWORD}\nWard-round-77\n")
    assert result.exit_code == 0, result.output
    refused = run("--db", str(db), "users", "list")
    assert refused.exit_code != 0 and "--as" in refused.output  # no login, no list
    listing = run("--db", str(db), "users", "list", "--as", "boss", "--password-stdin",
                  input=f"{PASSWORD}\n").output
    assert "nurse1" in listing and "nurse" in listing and "Nina Nurse" in listing
    result = run("--db", str(db), "users", "deactivate", "nurse1", "--reason", "left",
                 "--as", "boss", "--password-stdin", input=f"{PASSWORD}\n")
    assert result.exit_code == 0
    assert "deactivated" in run("--db", str(db), "users", "list", "--as", "boss",
                                "--password-stdin", input=f"{PASSWORD}\n").output
    for args, stdin in ((["reactivate", "nurse1", "--reason", "back"], f"{PASSWORD}\n"),
                        (["set-role", "nurse1", "investigator", "--reason", "sub-I"],
                         f"{PASSWORD}\n"),
                        (["reset-password", "nurse1"], f"{PASSWORD}\nFresh-pass-2024\n"),
                        (["unlock", "nurse1"], f"{PASSWORD}\n")):
        result = run("--db", str(db), "users", *args, "--as", "boss", "--password-stdin",
                     input=stdin)
        assert result.exit_code == 0, result.output
    with Store.open(db) as st:
        st.login("nurse1", "Fresh-pass-2024")
        assert st.role.value == "investigator"


def test_weak_password_and_wrong_admin_password_are_refused_clearly(tmp_path):
    db = tmp_path / "site.db"
    result = CliRunner().invoke(main, ["--db", str(db), "init", "--admin", "boss", "--name", "B",
                                       "--password-stdin"], input="short\n")
    assert result.exit_code == 1
    assert "at least 10 characters" in result.output
    assert not db.exists()
    run("--db", str(db), "init", "--admin", "boss", "--name", "B", "--password-stdin",
        input=f"{PASSWORD}\n")
    result = CliRunner().invoke(main, ["--db", str(db), "users", "add", "x", "--name", "X",
                                       "--role", "nurse", "--as", "boss", "--password-stdin"],
                                input="wrong-password-0\nWhatever-pass-1\n")
    assert result.exit_code == 1
    assert "wrong" in result.output
    assert "Traceback" not in result.output


def test_demo_then_verify_passes_and_tamper_fails(tmp_path):
    db = tmp_path / "demo.db"
    result = run("--db", str(db), "demo")
    assert result.exit_code == 0, result.output
    assert "SYNTHETIC" in result.output
    result = run("--db", str(db), "verify")
    assert result.exit_code == 0, result.output
    assert "VERIFY OK" in result.output
    conn = sqlite3.connect(db)
    conn.execute("UPDATE vs SET temp = 41.5 WHERE temp IS NOT NULL")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["--db", str(db), "verify"])
    assert result.exit_code == 1
    assert "DOES NOT match" in result.output
    assert "temp" in result.output


def test_demo_covers_every_stage(tmp_path):
    from alsdesk.demo import build_demo

    db = build_demo(tmp_path / "demo.db")
    with Store.open(db, readonly=True) as st:
        statuses = {s.status.value for s in st.subjects.list()}
        assert {"screen failure", "enrolled", "completed", "died", "screening"} <= statuses
        terms = st.conn.execute("SELECT aeterm, aeser FROM ae").fetchall()
        assert ("Pulmonary embolism", "Y") in terms
        assert st.setting("demo") == "synthetic"
        assert st.verify().ok


def test_demo_refuses_to_replace_real_data(tmp_path, study):
    db = tmp_path / "real.db"
    Store.create(db, study).close()
    result = CliRunner().invoke(main, ["--db", str(db), "demo", "--force"])
    assert result.exit_code == 1
    assert "not a demo database" in result.output


def test_errors_are_one_line_not_tracebacks(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("just some notes\n" * 20)
    result = CliRunner().invoke(main, ["--db", str(bad), "verify"])
    assert result.exit_code == 1
    assert "not an ALS Desk database" in result.output
    assert "Traceback" not in result.output


def test_python_main_py_is_the_same_command(tmp_path):
    result = subprocess.run([sys.executable, "main.py", "--help"], capture_output=True,
                            text=True, cwd=_repo())
    assert result.returncode == 0
    assert "verify" in result.stdout and "demo" in result.stdout


def test_study_check_command(tmp_path):
    result = run("study")
    assert result.exit_code == 0, result.output
    assert "NCT02492516" in result.output and "forms" in result.output
    broken = tmp_path / "broken.toml"
    broken.write_text("[study]\nid = 'X'\n")
    result = CliRunner().invoke(main, ["study", str(broken)])
    assert result.exit_code == 1
    assert "broken.toml" in result.output


def _repo():
    from pathlib import Path

    return Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("module", ["alsdesk.cli", "alsdesk.store", "alsdesk.demo",
                                    "alsdesk.overview"])
def test_core_never_imports_qt(module):
    code = (f"import sys, {module}; "
            "bad = [m for m in sys.modules "
            "       if m.startswith(('PySide6', 'ui', 'alsdesk.ui', 'shiboken'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=_repo())
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_sources_have_no_qt_imports():
    import re

    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|ui|alsdesk\.ui)(\.|\s|$)", re.M)
    for path in (_repo() / "alsdesk").rglob("*.py"):
        assert not pattern.search(path.read_text()), f"{path} imports Qt or ui"


def test_demo_run_again_keeps_the_demo_and_never_touches_real_data(tmp_path, study):
    db = tmp_path / "demo.db"
    assert run("--db", str(db), "demo").exit_code == 0
    before = db.stat().st_mtime_ns, db.read_bytes()
    again = run("--db", str(db), "demo")  # the README's first command, a second time
    assert again.exit_code == 0 and "already there and was kept" in again.output
    assert (db.stat().st_mtime_ns, db.read_bytes()) == before
    real = tmp_path / "real.db"
    Store.create(real, study).close()
    refused = CliRunner().invoke(main, ["--db", str(real), "demo"])
    assert refused.exit_code != 0 and "not a demo database" in refused.output
    assert "Traceback" not in refused.output


def test_db_may_follow_the_command(demo_db):
    """`alsdesk verify --db FILE` as people type it, not only `alsdesk --db FILE verify`."""
    from click.testing import CliRunner

    from alsdesk.cli import main

    for args in (["verify", "--db", str(demo_db)], [f"--db={demo_db}", "verify"],
                 ["verify", f"--db={demo_db}"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "VERIFY OK" in result.output, (args, result.output)


def test_a_required_reason_is_asked_for_by_click(demo_db):
    from click.testing import CliRunner

    from alsdesk.cli import main

    result = CliRunner().invoke(main, ["--db", str(demo_db), "users", "deactivate", "nurse",
                                       "--as", "admin", "--password-stdin"],
                                input="Demo-password-1\n")
    assert result.exit_code == 2 and "Missing option '--reason'" in result.output
    assert "NoneType" not in result.output


def test_a_database_error_read_late_is_a_message_not_a_traceback(demo_db):
    """A byte of a form's time stamp flipped into bad UTF-8 passes the quick checks and is met
    only when a casebook reads it: the command says so in words."""
    from alsdesk.store.sqldb import driver as sqlite3

    from click.testing import CliRunner

    from alsdesk.cli import main

    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE form_instances SET updated_at = CAST(x'ff3230' AS TEXT) WHERE id = "
                 "(SELECT fi.id FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id "
                 "WHERE s.code = 'S002' LIMIT 1)")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "casebook", "S002", "--as",
                                       "monitor", "--password-stdin", "--out",
                                       str(demo_db.parent / "c.pdf")], input="Demo-password-1\n")
    assert result.exit_code == 1, result.output
    assert "could not be read" in result.output and "alsdesk verify" in result.output
    assert not isinstance(result.exception, sqlite3.Error)


def test_restore_with_password_stdin_asks_for_yes(demo_db, tmp_path):
    from click.testing import CliRunner

    from alsdesk import backup
    from alsdesk.cli import main

    saved = backup.backup_now(demo_db, tmp_path / "b.db").path
    result = CliRunner().invoke(main, ["--db", str(demo_db), "restore", str(saved), "--as",
                                       "admin", "--password-stdin"], input="Demo-password-1\n")
    assert result.exit_code == 2 and "add --yes" in result.output
