"""A database of format 2 (made before files kept their study definition), made by the program
as it was then (its source taken from git), opened by this one: read-only it is read as it
is; for writing it is migrated, its definition stored as version 1 with the reason, every
form it holds counted as entered under it, and it can then be amended."""
from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from alsdesk.store import Store, amend, definitions
from alsdesk.study import load_study
from tests import amendment_files as files

# The last commit whose files are of format 2.
FORMAT_2 = "93401d2"
ROOT = Path(__file__).resolve().parents[1]
DEMO_PASSWORD = "Demo-password-1"


@pytest.fixture(scope="module")
def old_demo(tmp_path_factory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is needed to take the program of format 2 from the history")
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", FORMAT_2, "alsdesk", "resources"],
                         capture_output=True)
    if tar.returncode != 0:  # a shallow clone without that commit
        pytest.skip(f"commit {FORMAT_2} is not in this clone: {tar.stderr.decode()[:200]}")
    where = tmp_path_factory.mktemp("format2")
    with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as t:
        t.extractall(where / "src", filter="data")
    # Its own resources (the bundled definition of then), not the installed package's:
    # an installed (or editable) ALS Desk of today would hand it today's definition.
    paths = where / "src" / "alsdesk" / "paths.py"
    code = paths.read_text(encoding="utf-8")
    body = '    """The resources folder: inside the installed package, or beside the source tree."""\n'
    assert body in code, "the program of format 2 finds its resources in another way"
    paths.write_text(code.replace(body, body + '    return Path(__file__).resolve().parent'
                                  '.parent / "resources"\n'), encoding="utf-8")
    db = where / "demo.db"
    made = subprocess.run(
        [sys.executable, "-c", "import sys; from alsdesk.demo import build_demo; "
         "build_demo(sys.argv[1])", str(db)], cwd=where / "src", capture_output=True, text=True,
        env={"PYTHONPATH": str(where / "src"), "PATH": "/usr/bin:/bin",
             "ALSDESK_DATA_DIR": str(where / "data")})
    assert made.returncode == 0, made.stderr[-2000:]
    return db


def test_a_format_2_file_is_read_then_migrated_with_its_definition_stored(old_demo, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(old_demo, db)
    with Store.open(db, readonly=True) as look:
        assert definitions.versions(look.conn) == [] and look.study_version == 1
        assert look.verify().ok
    with Store.open(db) as st:
        stored = definitions.versions(st.conn)
        assert [(v.version, v.crf_version) for v in stored] == [(1, "1.0")]
        assert "migrated to format 3" in stored[0].reason
        assert st.conn.execute("SELECT count(*) FROM form_instances WHERE crf_entered != 1 "
                               "OR crf_changed != 1").fetchone()[0] == 0
        assert st.conn.execute("SELECT count(*) FROM form_instances").fetchone()[0] > 100
        report = st.verify()
        assert report.ok, report.signature_problems[:3]
        st.login("admin", DEMO_PASSWORD)
        amend.apply(st, load_study(files.amendment_24h(tmp_path)), "a1.toml",
                    reason="Amendment 1", password=DEMO_PASSWORD)
        st.logout()
        st.login("nurse", DEMO_PASSWORD)
        code = st.subjects.create(initials="NW").code
        saved = st.forms.save(code, "screening", "sv", {"svdone": "Y"})
        assert (saved.record.crf_entered, st.forms.get(code, "screening", "sv").crf_changed) \
            == (2, 2)
        assert st.verify().ok
    with Store.open(db) as again:
        assert (again.study_version, again.study.crf_version) == (2, "1.1")


def test_a_format_1_file_is_migrated_through_2_and_3(old_demo, tmp_path):
    from alsdesk.safety import ctcae

    db = tmp_path / "demo.db"
    shutil.copy(old_demo, db)
    conn = sqlite3.connect(db)
    conn.executescript("DROP TABLE ctcae_terms; DROP TABLE ctcae_versions; UPDATE meta SET "
                       "value = '1' WHERE key = 'schema_version';")
    conn.close()
    with Store.open(db, readonly=True) as old:
        assert old.verify().ok  # not missing the newer tables: it is of format 1
        assert ctcae.versions(old.conn) == []
        assert not ctcae.Terminology(old.conn, "5.0").available
    with Store.open(db) as new:
        assert ctcae.has_tables(new.conn) and len(definitions.versions(new.conn)) == 1
        assert [r[0] for r in new.conn.execute(
            "SELECT new_value FROM audit_trail WHERE action = 'schema.change' AND new_value "
            "LIKE 'migrated%' ORDER BY seq")] == ["migrated to format 2", "migrated to format 3"]
        assert new.verify().ok
