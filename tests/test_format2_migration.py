"""A database of format 2 (made before files kept their study definition), made by the program
as it was then (its source taken from git), opened by this one: read-only it is read as it
is; for writing it is migrated, its definition stored as version 1 with the reason, every
form it holds counted as entered under it, and it can then be amended."""
from __future__ import annotations

import io
import shutil
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from alsdesk.store import Store, amend, definitions
from alsdesk.study import load_study
from tests import amendment_files as files
from tests.test_amendments import _sha

# The last commit whose files are of format 2.
FORMAT_2 = "93401d2"
ROOT = Path(__file__).resolve().parents[1]
DEMO_PASSWORD = "Demo-password-1"


def _old_program(where: Path) -> Path:
    """The program of format 2, taken from git into where/src, reading its own resources."""
    if shutil.which("git") is None:
        pytest.skip("git is needed to take the program of format 2 from the history")
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", FORMAT_2, "alsdesk", "resources"],
                         capture_output=True)
    if tar.returncode != 0:  # a shallow clone without that commit
        pytest.skip(f"commit {FORMAT_2} is not in this clone: {tar.stderr.decode()[:200]}")
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
    return where / "src"


def _run_old(where: Path, code: str, *args: str) -> None:
    made = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=where / "src", capture_output=True, text=True,
        env={"PYTHONPATH": str(where / "src"), "PATH": "/usr/bin:/bin",
             "ALSDESK_DATA_DIR": str(where / "data")})
    assert made.returncode == 0, made.stderr[-2000:]


@pytest.fixture(scope="module")
def old_demo(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("format2")
    _old_program(where)
    db = where / "demo.db"
    _run_old(where, "import sys; from alsdesk.demo import build_demo; build_demo(sys.argv[1])",
             str(db))
    return db


# A field a site added to the bundled definition before files kept theirs (review F4).
SITE_FIELD = """[[forms.dm.fields]]
id = "premorbid_wt"
label = "Premorbid weight"
type = "decimal"
unit = "kg"
min = 30
max = 200
digits = 1

"""
WEIGHTS = {"S001": 70.5, "S002": 61.0, "S004": 82.4}


@pytest.fixture(scope="module")
def site_demo(tmp_path_factory) -> tuple[Path, Path]:
    """A demo of format 2 made by the program of then with a site's own field in its
    definition, three values recorded in it; and that definition (with its companions)."""
    where = tmp_path_factory.mktemp("format2site")
    study_dir = _old_program(where) / "resources" / "study"
    toml = study_dir / "nct02492516.toml"
    text = toml.read_text(encoding="utf-8")
    anchor = '[[forms.dm.fields]]\nid = "ethnic"'
    assert anchor in text
    toml.write_text(text.replace(anchor, SITE_FIELD + anchor), encoding="utf-8")
    db = where / "demo.db"
    _run_old(where, "import sys; from alsdesk.demo import build_demo; "
             "from alsdesk.store import Store\n"
             "build_demo(sys.argv[1])\n"
             "with Store.open(sys.argv[1]) as st:\n"
             "    st.login('nurse', 'Demo-password-1')\n"
             f"    for code, kg in {WEIGHTS!r}.items():\n"
             "        st.forms.save(code, 'screening', 'dm', {'premorbid_wt': kg}, "
             "reason='from the referral letter')\n", str(db))
    site = where / "site"
    shutil.copytree(study_dir, site)
    return db, site / "nct02492516.toml"


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


def test_a_format_1_file_is_migrated_through_2_3_and_4(old_demo, tmp_path):
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
            "LIKE 'migrated%' ORDER BY seq")] == ["migrated to format 2", "migrated to format 3",
                                                 "migrated to format 4"]
        assert new.verify().ok


# --- a site's own field (review F4) ---------------------------------------------------------


def _cli(db: Path, *args, stdin=None):
    from click.testing import CliRunner

    from alsdesk.cli import main

    return CliRunner().invoke(main, ["--db", str(db), *map(str, args)], input=stdin)


def test_verify_reports_the_site_field_in_its_report(site_demo, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(site_demo[0], db)
    before = _sha(db)
    result = _cli(db, "verify")
    assert result.exit_code == 1
    out = result.output
    # the whole report, the values of the field compared with the audit trail like any other
    assert "Replay of the audit trail: matches the data" in out
    assert "Tables, columns and triggers: as the program made them" in out
    line = next(x for x in out.splitlines() if "premorbid_wt" in x)
    assert "form dm" in line and "3 values" in line and "has no such field" in line
    assert "alsdesk amend" in out and "the definition the site used" in out
    assert _sha(db) == before


def test_opening_it_for_work_is_refused_and_leaves_it_as_it_was(site_demo, tmp_path):
    from alsdesk.store.format2 import UndescribedData

    db = tmp_path / "demo.db"
    shutil.copy(site_demo[0], db)
    before = _sha(db)
    with pytest.raises(UndescribedData) as refused:
        Store.open(db)
    words = str(refused.value)
    assert "dm.premorbid_wt (3 values)" in words and "alsdesk amend" in words
    assert "was not changed" in words
    assert _sha(db) == before
    # an amendment of the program's own definition does not describe it either
    result = _cli(db, "amend", files.amendment_24h(tmp_path), "--as", "admin", "--reason", "A1",
                  "--yes", "--password-stdin", stdin=f"{DEMO_PASSWORD}\n")
    assert result.exit_code == 1, result.output
    assert "dm.premorbid_wt: 3 values in the file. REFUSED" in result.output
    assert "nothing was changed" in result.output
    assert _sha(db) == before
    with Store.open(db, readonly=True) as look:
        assert definitions.versions(look.conn) == []


def test_amend_with_the_site_definition_stores_it_as_version_1(site_demo, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(site_demo[0], db)
    site = load_study(site_demo[1])
    dry = _cli(db, "amend", site_demo[1], "--as", "admin", "--dry-run", "--password-stdin",
               stdin=f"{DEMO_PASSWORD}\n")
    assert dry.exit_code == 0, dry.output
    assert "stored as version 1" in dry.output and "dm.premorbid_wt: 3 values" in dry.output
    done = _cli(db, "amend", site_demo[1], "--as", "admin", "--reason", "The site's definition",
                "--yes", "--password-stdin", stdin=f"{DEMO_PASSWORD}\n")
    assert done.exit_code == 0, done.output
    with Store.open(db) as st:
        [v] = definitions.versions(st.conn)
        assert (v.version, v.sha256, v.loaded_by) == (1, site.digest, "admin")
        assert v.reason.startswith("The site's definition") and "migrated" in v.reason
        assert st.conn.execute("SELECT user_id FROM audit_trail WHERE action = 'study.define'"
                               ).fetchall() == [("admin",)]
        assert "premorbid_wt" in st.study.form("dm").field_ids
        report = st.verify()
        assert report.ok, report.text()
    out = tmp_path / "csv"
    export = _cli(db, "export", "csv", "--out", out, "--as", "monitor", "--password-stdin",
                  stdin=f"{DEMO_PASSWORD}\n")
    assert export.exit_code == 0, export.output
    import csv

    with (out / "dm.csv").open(encoding="utf-8") as fh:
        kept = {r["subject"]: r["premorbid_wt"] for r in csv.DictReader(fh)}
    assert {k: float(kept[k]) for k in WEIGHTS} == WEIGHTS


def test_a_wrong_password_at_the_migration_leaves_the_file(site_demo, tmp_path):
    from alsdesk.errors import AuthError
    from alsdesk.store.format2 import Migration

    db = tmp_path / "demo.db"
    shutil.copy(site_demo[0], db)
    before = _sha(db)
    with pytest.raises(AuthError):
        Store.open(db, load_study(site_demo[1]),
                   migration=Migration("site.toml", "admin", "not-the-password", "r"))
    assert _sha(db) == before
