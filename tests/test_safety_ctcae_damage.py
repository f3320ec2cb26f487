"""The CTCAE terms missing from a file that records their import (a table dropped with
sqlite3 behind the program): the term and grade checks say they cannot be checked instead
of passing, `alsdesk ctcae versions` says what is missing, and the administrator's import
of the same workbook puts back exactly the terms imported (their SHA-256 is the import's),
audited; other terms are refused, pointing to the backup."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import subprocess
import sys

import pytest

from alsdesk import overview
from alsdesk.errors import CheckFailed
from alsdesk.safety import ctcae
from alsdesk.safety.ctcae_sheet import TerminologyError
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.test_safety_ctcae import AE, ATE, FEVER, V5, as_user, needs_v5, workbook

DAMAGED = "terms .* missing or unreadable"


def _imported(store, path):
    as_user(store, "admin")
    ctcae.import_ctcae(store, path)
    as_user(store, "nurse")


def _edited(store, sql: str):
    """The store's file, closed, after sqlite3 ran ``sql`` on it behind the program."""
    path = store.path
    store.close()
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


def _behind(store, sql: str) -> Store:
    """The same file after sqlite3 ran ``sql`` on it, opened again as the nurse."""
    again = Store.open(_edited(store, sql))
    again.login("nurse", PASSWORD)
    return again


@pytest.mark.parametrize("sql", [
    "DROP TABLE ctcae_terms;",
    "ALTER TABLE ctcae_terms DROP COLUMN grade3;",
    "DROP TRIGGER ctcae_terms_no_delete; DELETE FROM ctcae_terms;",
])
def test_missing_terms_are_not_a_pass_but_cannot_be_checked(store, tmp_path, sql):
    _imported(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    code = store.subjects.create().code
    store = _behind(store, sql)
    try:
        with pytest.raises(CheckFailed) as info:
            store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Arterial "
                             "thromboembolism"}, complete=True)
        found = {f.check_id: f.message for f in info.value.findings}
        assert set(found) == {"ae_ctcae_term", "ae_ctcae_grade"}
        for message in found.values():
            assert "CTCAE v5.0" in message and "damaged" in message
            assert "alsdesk verify" in message and "backup" in message
        # a blank coded term is still nothing to check
        store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": None}, complete=True)
        # the calculated SOC says why it is not there, rather than looking uncoded
        saved = store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Fever"}).record
        got = overview.derived(store, code, "logs", "ae", repeat=saved.repeat)
        assert got["aesoc"].value is None and "damaged" in (got["aesoc"].error or "")
    finally:
        store.close()


@needs_v5
def test_the_testers_headache_and_alopecia_are_refused_without_the_table(store):
    _imported(store, V5)
    code = store.subjects.create().code
    for term, grade in (("Headache", 4), ("Alopecia", 3)):
        with pytest.raises(CheckFailed, match=f"gives '{term}' no such grade"):
            store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": term, "aetoxgr": grade},
                             complete=True)
    store = _behind(store, "DROP TABLE ctcae_terms;")
    try:
        for term, grade in (("Headache", 4), ("Alopecia", 3)):
            with pytest.raises(CheckFailed, match=DAMAGED):
                store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": term,
                                                      "aetoxgr": grade}, complete=True)
    finally:
        store.close()


def test_a_file_that_never_imported_terms_still_cannot_tell(store):
    """No import recorded: the checks are unknown, as before (nothing to be damaged)."""
    code = store.subjects.create().code
    store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Anything"}, complete=True)
    assert ctcae.terms_of(store).damaged is None


def _cli(path, *args, user="admin"):
    return subprocess.run([sys.executable, "-m", "alsdesk.cli", "--db", str(path), "ctcae",
                           *args, "--as", user, "--password-stdin"], input=PASSWORD + "\n",
                          capture_output=True, text=True, timeout=120)


def test_versions_says_the_terms_are_missing_and_the_same_import_puts_them_back(store,
                                                                               tmp_path):
    good = workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE])
    _imported(store, good)
    store = _behind(store, "DROP TABLE ctcae_terms;")
    path = store.path
    store.close()
    out = _cli(path, "versions", user="nurse")
    assert out.returncode == 0, out.stderr
    assert "No CTCAE version is imported" not in out.stdout
    assert "v5.0" in out.stdout and "terms are missing" in out.stdout
    assert "alsdesk verify" in out.stdout
    out = _cli(path, "import", str(good))
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "UNIQUE" not in out.stdout + out.stderr
    assert "put back the 2 terms of CTCAE v5.0" in out.stdout
    with Store.open(path) as again:
        assert again.verify().ok
        (row,) = again.conn.execute("SELECT user_id, field, old_value, new_value FROM "
                                    "audit_trail WHERE action = 'terminology.repair'").fetchall()
        assert row[:2] == ("admin", "CTCAE v5.0") and "missing" in row[2]
        assert "ctcae.xlsx" in row[3] and ctcae.versions(again.conn)[0].digest in row[3]
        with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
            again.conn.execute("DELETE FROM ctcae_terms")  # protected again
        assert ctcae.Terminology(again.conn, "5.0").term("Fever").soc.startswith("General")


def test_other_terms_never_repair_a_damaged_version(store, tmp_path):
    _imported(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    store = _behind(store, "DROP TABLE ctcae_terms;")
    try:
        as_user(store, "admin")
        other = workbook(tmp_path / "other.xlsx", [FEVER])
        with pytest.raises(TerminologyError) as info:
            ctcae.import_ctcae(store, other)
        message = str(info.value)
        assert "missing" in message and "backup" in message and "UNIQUE" not in message
        assert not ctcae.has_tables(store.conn)  # nothing written
        assert store.conn.execute("SELECT count(*) FROM audit_trail WHERE action = "
                                  "'data.import_refused'").fetchone()[0] == 1
    finally:
        store.close()


def test_terms_partly_there_are_not_topped_up(store, tmp_path):
    good = workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE])
    _imported(store, good)
    store = _behind(store, "DROP TRIGGER ctcae_terms_no_delete; DELETE FROM ctcae_terms "
                           "WHERE term = 'Fever';")
    try:
        as_user(store, "admin")
        with pytest.raises(TerminologyError, match="not those imported.*backup"):
            ctcae.import_ctcae(store, good)
    finally:
        store.close()


def test_verify_says_the_completed_adverse_events_cannot_be_trusted(store, tmp_path):
    _imported(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    code = store.subjects.create().code
    store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Fever"}, complete=True)
    store = _behind(store, "DROP TABLE ctcae_terms;")
    try:
        report = store.verify()
        assert any("1 adverse event marked complete" in p and "cannot be trusted" in p
                   for p in report.record_problems), report.record_problems
    finally:
        store.close()


def test_verify_says_the_terminology_not_the_audit_trail_lost_its_protection(store, tmp_path):
    _imported(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    path = _edited(store, "DROP TRIGGER ctcae_terms_no_update; DROP TRIGGER "
                          "audit_trail_no_delete;")  # (nobody may log in: verify only)
    with Store.open(path, readonly=True) as again:
        said = {p.split(" ")[1]: p for p in again.verify().schema_problems}
    assert "the CTCAE terms are no longer protected against changes" in \
        said["ctcae_terms_no_update"]
    assert "audit trail" not in said["ctcae_terms_no_update"]
    assert "the audit trail is no longer protected against changes" in \
        said["audit_trail_no_delete"]
