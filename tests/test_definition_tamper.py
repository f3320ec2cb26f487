"""The stored study definitions against the audit rows that loaded them (review F7).

Each attack is done as an insider with the file would do it: sqlite3 and the standard library,
the no-update trigger of study_versions dropped and made again. What is rewritten: who loaded
a version, when and why (verify must say so: `alsdesk study versions` would show it); the
definition's text with a digest made to match (a field's `identifier = true` dropped, so a
monitor's export would carry the patient's name: the file must not open for work); the audit
row too (the hash chain, and the heads kept outside the file, catch it). And a new file names
its first administrator as the one who loaded version 1.
"""
from __future__ import annotations

import hashlib
import json
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.errors import StoreError
from alsdesk.store import Store, definitions
from tests.conftest import PASSWORD
from tests.test_anchor import (  # noqa: F401  (trial is a fixture)
    _attack, only_anchors_fail, trial, verify,
)

NAME = "Zahra Tamper-Karimi"
_TRIGGER = ("CREATE TRIGGER study_versions_no_update BEFORE UPDATE ON study_versions\n"
            "BEGIN SELECT RAISE(ABORT, 'a stored study definition cannot be changed: amend "
            "it'); END")
_FULLNAME = 'id = "fullname"\nlabel = "Full name"\ntype = "text"\nlength = 100\n'


def cli(*args, stdin=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def _rewrite(path: Path, sql: str, params=()) -> None:
    """An UPDATE of study_versions behind the program, its trigger put back after."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER study_versions_no_update")
        conn.execute(sql, params)
        conn.execute(_TRIGGER)
        conn.commit()
    finally:
        conn.close()


def _digest(text: str, companions: dict) -> str:
    """The digest as the program computes it, redone with json and hashlib."""
    body = json.dumps({"definition": text, "companions": dict(sorted(companions.items()))},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _without_identifier(conn: sqlite3.Connection) -> str:
    """Version 1's text with fullname no longer an identifier, stored with a digest that
    matches it; the new digest."""
    text, companions = conn.execute(
        "SELECT definition, companions FROM study_versions WHERE version = 1").fetchone()
    assert _FULLNAME + "identifier = true\n" in text
    text = text.replace(_FULLNAME + "identifier = true\n", _FULLNAME)
    sha = _digest(text, json.loads(companions))
    conn.execute("UPDATE study_versions SET definition = ?, sha256 = ? WHERE version = 1",
                 (text, sha))
    return sha


@pytest.fixture
def initialised(tmp_path) -> Path:
    db = tmp_path / "site.db"
    made = cli("--db", db, "init", "--admin", "admin", "--name", "Ada Admin",
               "--password-stdin", stdin=f"{PASSWORD}\n")
    assert made.exit_code == 0, made.output
    return db


@pytest.fixture
def with_name(store, db_path) -> Path:
    """The conftest trial with a patient's full name recorded, closed."""
    code = store.subjects.create("ZT").code
    store.forms.save(code, "screening", "pii", {"fullname": NAME})
    store.close()
    return db_path


# --- F7 (c): the first administrator loaded version 1 ------------------------------------


def test_init_records_its_administrator_as_the_one_who_loaded_version_1(initialised):
    listed = cli("--db", initialised, "study", "versions", "--as", "admin",
                 "--password-stdin", stdin=f"{PASSWORD}\n")
    assert listed.exit_code == 0, listed.output
    row = next(line for line in listed.output.splitlines() if line.startswith("1 "))
    assert " admin " in row and " - " not in row
    conn = sqlite3.connect(initialised)
    assert conn.execute("SELECT loaded_by FROM study_versions").fetchall() == [("admin",)]
    assert conn.execute("SELECT user_id, role FROM audit_trail WHERE action = 'study.define'"
                        ).fetchall() == [("admin", "admin")]
    conn.close()
    assert cli("--db", initialised, "verify").exit_code == 0


def test_a_file_created_with_its_administrator_names_them(tmp_path, study):
    # The first-run dialog's path (ui/app.py): Store.create with admin=...
    with Store.create(tmp_path / "gui.db", study, admin=("ada", "Ada Admin", PASSWORD)) as st:
        assert [v.loaded_by for v in definitions.versions(st.conn)] == ["ada"]
        assert st.verify().ok


# --- F7 (a): who, when and why rewritten -------------------------------------------------


@pytest.mark.parametrize("column, value", [
    ("loaded_by", "nurse"), ("reason", "other"), ("loaded_at", "2015-01-01T09:00:00+00:00")])
def test_a_rewritten_column_of_a_stored_version_fails_verify(initialised, column, value):
    assert cli("--db", initialised, "verify").exit_code == 0
    _rewrite(initialised, f"UPDATE study_versions SET {column} = ?", (value,))
    result = cli("--db", initialised, "verify")
    assert result.exit_code == 1 and "VERIFY OK" not in result.output
    line = next(x for x in result.output.splitlines() if f"its {column} is" in x)
    assert "study definition version 1 (CRF 1.0)" in line and repr(value) in line
    assert "changed outside ALS Desk" in line


def test_who_and_why_rewritten_together_are_each_named(initialised):
    _rewrite(initialised, "UPDATE study_versions SET reason = 'other', loaded_by = 'nurse'")
    text = cli("--db", initialised, "verify").output
    assert "its loaded_by is 'nurse' in study_versions but 'admin'" in text
    assert "its reason is 'other' in study_versions but 'the definition the database" in text


# --- F7 (b): the text rewritten with a digest to match -----------------------------------


def _rewritten_to_match(path) -> None:
    """The insider's edit: the triggers dropped, the identifier flag taken off the name, the
    digest made again to match, the triggers put back."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER study_versions_no_update")
    _without_identifier(conn)
    conn.execute(_TRIGGER)
    conn.commit()
    conn.close()


def test_a_definition_rewritten_with_its_digest_made_to_match_is_refused(with_name,
                                                                         tmp_path):
    _rewritten_to_match(with_name)
    before = with_name.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(with_name)
    words = str(refused.value)
    assert "version 1, CRF 1.0" in words and "altered outside ALS Desk" in words
    assert "alsdesk verify" in words and "backup" in words
    out = tmp_path / "csv"
    result = cli("--db", with_name, "export", "csv", "--out", out, "--as", "mon",
                 "--password-stdin", stdin=f"{PASSWORD}\n")
    assert result.exit_code != 0 and "altered outside ALS Desk" in result.output
    written = [p.read_text(encoding="utf-8") for p in out.glob("*")] if out.exists() else []
    assert not any(NAME in text for text in written)
    assert with_name.read_bytes() == before
    report = verify(with_name, None)  # read-only: verify reads it, to say what is wrong
    text = " ".join(report.record_problems)
    assert "its sha256 is" in text and "its text (columns definition, companions)" in text
    assert not report.ok


def test_nothing_is_made_from_a_tampered_definition_even_on_a_read_only_look(with_name,
                                                                             tmp_path):
    # second review: blank CRFs, the codebook, a saved copy of the definition and a dry run
    # were still made from the rewritten text
    _rewritten_to_match(with_name)
    before = with_name.read_bytes()
    for args in (("pdf", "blank", "--out", str(tmp_path / "b.pdf")),
                 ("export", "codebook", "--out", str(tmp_path / "c.html")),
                 ("study", "save", "1", str(tmp_path / "saved"), "--as", "mon",
                  "--password-stdin"),
                 ("study", "versions", "--as", "mon", "--password-stdin")):
        result = cli("--db", with_name, *args, stdin=f"{PASSWORD}\n")
        assert result.exit_code != 0, (args, result.output)
        assert "altered outside ALS Desk" in result.output, (args, result.output)
    assert not any(tmp_path.glob("b.pdf")) and not (tmp_path / "saved").exists()
    assert with_name.read_bytes() == before
    assert not verify(with_name, None).ok  # verify still reads it, to report it


def test_the_audit_row_rewritten_too_breaks_the_hash_chain(with_name):
    def change(conn):
        sha = _without_identifier(conn)
        conn.execute("UPDATE audit_trail SET new_value = 'version 1: NCT02492516 CRF 1.0 "
                     "sha256:' || ? WHERE action = 'study.define'", (sha,))

    conn = sqlite3.connect(with_name)
    for name in ("study_versions_no_update", "audit_trail_no_update"):
        conn.execute(f"DROP TRIGGER {name}")
    change(conn)
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="altered outside ALS Desk"):
        Store.open(with_name)  # the audit row no longer has its own hash
    report = verify(with_name, None)
    assert report.chain_problems and not report.ok


def test_the_audit_row_rewritten_and_the_chain_rehashed_is_caught_by_the_backup(trial):
    # trial (tests/test_anchor.py): a database backed up into its backup folder
    def change(conn):
        sha = _without_identifier(conn)
        conn.execute("UPDATE audit_trail SET new_value = 'version 1: NCT02492516 CRF 1.0 "
                     "sha256:' || ? WHERE action = 'study.define'", (sha,))

    _attack(trial, change)
    text = only_anchors_fail(verify(trial, None))
    assert "backup" in text
