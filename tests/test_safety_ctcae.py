"""The CTCAE terminology: the NCI's workbook imported (audited, once per version), refused
whole when it is not one, searched, and used by the adverse event form's checks and derived
values. Tests that need the NCI's own file skip without ../shared; the refusals are shown on
workbooks made here with openpyxl, in the NCI's layout."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import subprocess
import sys

import openpyxl
import pytest

from alsdesk import overview
from alsdesk.errors import CheckFailed, PermissionDenied
from alsdesk.safety import ctcae
from alsdesk.safety.ctcae_sheet import TerminologyError, read_sheet
from alsdesk.store import Store
from tests.conftest import PASSWORD, SHARED

V5 = SHARED / "reference" / "CTCAE_v5.0_2017-11-27.xlsx"
needs_v5 = pytest.mark.skipif(not V5.is_file(), reason="the NCI's CTCAE v5.0 workbook is in "
                              "../shared/reference only")
HEAD5 = ["MedDRA Code", "MedDRA SOC", "CTCAE Term", "Grade 1\xa0\xa0", "Grade 2\xa0\xa0",
         "Grade 3\xa0\xa0", "Grade 4\xa0\xa0", "Grade 5\xa0\xa0", "Definition",
         "Navigational Note", "CTCAE v5.0 Change"]
FEVER = [10016558, "General disorders and administration site conditions", "Fever",
         "38.0 - 39.0 degrees C", ">39.0 - 40.0 degrees C", ">40.0 degrees C for <=24 hrs",
         ">40.0 degrees C for >24 hrs", "Death", "Elevated body temperature.", None, None]
ATE = [10073529, "Vascular disorders", "Arterial thromboembolism", " -", " -",
       "Urgent intervention indicated", "Life-threatening consequences", "Death",
       "Occlusion of an arterial vessel.", None, None]


def workbook(path, rows, head=HEAD5, title="CTCAE v5.0 Clean Copy"):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    ws.append(head)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def as_user(store, user):
    store.logout()
    store.login(user, PASSWORD)


def terms_in(store) -> int:
    return store.conn.execute("SELECT count(*) FROM ctcae_terms").fetchone()[0]


@needs_v5
def test_the_nci_v5_workbook_is_imported_once_and_recorded(store):
    as_user(store, "admin")
    done = ctcae.import_ctcae(store, V5)
    assert (done.version, done.terms, done.already) == ("5.0", 837, False)
    assert store.conn.execute("SELECT count(DISTINCT soc) FROM ctcae_terms").fetchone()[0] == 26
    (row,) = store.conn.execute("SELECT user_id, field, new_value FROM audit_trail WHERE "
                                "action = 'terminology.import'").fetchall()
    assert row[0] == "admin" and row[1] == "CTCAE v5.0"
    assert done.digest in row[2] and "CTCAE_v5.0_2017-11-27.xlsx" in row[2]
    # again: nothing written, said so
    seq = store.conn.execute("SELECT max(seq) FROM audit_trail").fetchone()[0]
    assert ctcae.import_ctcae(store, V5).already
    assert store.conn.execute("SELECT max(seq) FROM audit_trail").fetchone()[0] == seq
    assert terms_in(store) == 837
    # the grades as the NCI wrote them, "-" kept as no grade
    ale = ctcae.Terminology(store.conn, "5.0").term("Alanine aminotransferase increased")
    assert ale.code == 10001551 and ale.allowed == (1, 2, 3, 4)
    assert ale.grades[1].startswith(">3.0 - 5.0 x ULN if baseline was normal")
    assert store.verify().ok


@needs_v5
def test_search_finds_a_pulmonary_embolism_under_its_v5_term(store):
    as_user(store, "admin")
    ctcae.import_ctcae(store, V5)
    terms = ctcae.Terminology(store.conn, "5.0")
    assert terms.term("Pulmonary embolism") is None  # not a term of v5.0
    first, where = terms.search("Pulmonary embolism")[0]
    assert (first.term, where) == ("Thromboembolic event", "grade 3")
    assert [t.term for t, _ in terms.search("alanine")][0] == \
        "Alanine aminotransferase increased"
    assert [t.term for t, _ in terms.search("platelet dec")] == ["Platelet count decreased"]


def test_only_an_administrator_imports_and_a_refusal_is_recorded(store, tmp_path):
    path = workbook(tmp_path / "ctcae.xlsx", [FEVER])
    with pytest.raises(PermissionDenied, match="may not import terminologies"):
        ctcae.import_ctcae(store, path)  # the nurse
    assert terms_in(store) == 0
    (why,) = store.conn.execute("SELECT new_value FROM audit_trail WHERE action = "
                                "'data.import_refused' AND user_id = 'nurse'").fetchone()
    assert "ctcae.xlsx" in why and "SHA-256" in why


@pytest.mark.parametrize("rows, head, title, message", [
    ([FEVER], HEAD5[:5] + HEAD5[6:], "CTCAE v5.0 Clean Copy", "no column 'Grade 3'"),
    ([FEVER[:8] + FEVER[9:]], HEAD5[:8] + HEAD5[9:], "CTCAE v5.0 Clean Copy",
     "no column 'Definition'"),
    ([FEVER, [FEVER[0], "Vascular disorders", "Hot", *FEVER[3:]]], HEAD5,
     "CTCAE v5.0 Clean Copy", "Rows 2 and 3 .* same MedDRA code"),
    ([FEVER, [10099999, *FEVER[1:]]], HEAD5, "CTCAE v5.0 Clean Copy",
     "Rows 2 and 3 .* same term"),
    ([FEVER, [*ATE[:4], None, *ATE[5:]]], HEAD5, "CTCAE v5.0 Clean Copy",
     "Row 3 .*Arterial thromboembolism.*grade 2 is empty"),
    ([FEVER, ["1234", *ATE[1:]]], HEAD5, "CTCAE v5.0 Clean Copy",
     "Row 3 .*'1234' is not an 8-digit number"),
    ([FEVER], [h.replace("v5.0", "v7.0") for h in HEAD5], "CTCAE v7.0 Clean Copy",
     "CTCAE v7.0 is not a version this program reads"),
    ([], HEAD5, "CTCAE v5.0 Clean Copy", "a header but no terms"),
    ([FEVER], ["Code", "Organ", "Name", "Mild", "Moderate"], "Sheet1",
     "No sheet of the workbook has CTCAE's columns"),
])
def test_a_sheet_that_is_not_ctcae_is_refused_naming_what_and_nothing_is_written(
        store, tmp_path, rows, head, title, message):
    as_user(store, "admin")
    path = workbook(tmp_path / "bad.xlsx", rows, head, title)
    with pytest.raises(TerminologyError, match=message):
        ctcae.import_ctcae(store, path)
    assert terms_in(store) == 0 and not ctcae.versions(store.conn)
    assert store.conn.execute("SELECT count(*) FROM audit_trail WHERE action = "
                              "'data.import_refused'").fetchone()[0] == 1


def test_a_formula_in_a_cell_is_refused_as_a_formula_naming_the_cell(store, tmp_path):
    """A formula is not the NCI's text (and openpyxl reads none of its value): it is not
    an empty grade."""
    as_user(store, "admin")
    path = workbook(tmp_path / "formula.xlsx", [FEVER, [*ATE[:4], "=D3", *ATE[5:]]])
    with pytest.raises(TerminologyError) as info:
        ctcae.import_ctcae(store, path)
    message = str(info.value)
    assert "Row 3 of sheet 'CTCAE v5.0 Clean Copy' (Arterial thromboembolism), Grade 2 " \
           "(cell E3), holds a formula (=D3)" in message
    assert "empty" not in message
    assert terms_in(store) == 0


@pytest.mark.parametrize("title, version", [("CTCAE v6.0 Clean Copy", "6.0"),
                                            ("Sheet1", "6.0")])
def test_a_change_column_naming_the_previous_version_is_not_a_second_version(
        store, tmp_path, title, version):
    as_user(store, "admin")
    head6 = ["CTCAE v6.0 MedDRA 28.0 LLT Code", "CTCAE v6.0 MedDRA 28.0 SOC",
             "CTCAE v6.0 MedDRA 28.0 Term", "Grade 1", "Grade 2", "Grade 3", "Grade 4",
             "Grade 5", "Definition", "Navigational Note", "CTCAE v5.0 Change"]
    path = workbook(tmp_path / "v6.xlsx", [FEVER, ATE], head6, title)
    assert read_sheet(path).version == version
    assert ctcae.import_ctcae(store, path).version == version


def test_a_v4_sheet_is_refused_as_v4_not_as_two_versions(store, tmp_path):
    as_user(store, "admin")
    path = workbook(tmp_path / "v4.xlsx", [FEVER, ATE], HEAD5, "CTCAE v4.03 Clean Copy")
    with pytest.raises(TerminologyError, match="CTCAE v4.03 is not a version this program "
                                               "reads"):
        ctcae.import_ctcae(store, path)


@needs_v5
def test_the_nci_workbook_without_its_definitions_is_refused(store, tmp_path):
    """An imported version never changes: imported without its definitions, it could never
    get them."""
    book = openpyxl.load_workbook(V5)
    ws = book["CTCAE v5.0 Clean Copy"]
    (column,) = [c.column for c in ws[1] if c.value == "Definition"]
    ws.delete_cols(column)
    book.save(tmp_path / "no-definitions.xlsx")
    as_user(store, "admin")
    with pytest.raises(TerminologyError, match="row 1, is not a CTCAE header: it has no "
                                               "column 'Definition'"):
        ctcae.import_ctcae(store, tmp_path / "no-definitions.xlsx")
    assert terms_in(store) == 0


def test_a_cut_short_file_is_refused(store, tmp_path):
    as_user(store, "admin")
    whole = workbook(tmp_path / "whole.xlsx", [FEVER, ATE]).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(TerminologyError, match="not an Excel workbook .* cut short"):
        ctcae.import_ctcae(store, cut)
    assert terms_in(store) == 0


def test_v6_headers_are_read_as_v6_and_a_version_never_changes(store, tmp_path):
    as_user(store, "admin")
    head6 = ["CTCAE v6.0 MedDRA 28.0 LLT Code", "CTCAE v6.0 MedDRA 28.0 SOC",
             "CTCAE v6.0 MedDRA 28.0 Term", "Grade 1", "Grade 2", "Grade 3", "Grade 4",
             "Grade 5", "Definition", "Navigational Note"]
    path = workbook(tmp_path / "v6.xlsx", [FEVER[:10], ATE[:10]], head6, "CTCAE v6.0 Clean Copy")
    assert read_sheet(path).version == "6.0"
    assert ctcae.import_ctcae(store, path).terms == 2
    edited = workbook(tmp_path / "v6b.xlsx", [FEVER[:3] + ["Any"] + FEVER[4:10], ATE[:10]],
                      head6, "CTCAE v6.0 Clean Copy")
    with pytest.raises(TerminologyError, match="already in this database .* never changes"):
        ctcae.import_ctcae(store, edited)
    assert ctcae.Terminology(store.conn, "6.0").term("Fever").grades[0] == \
        "38.0 - 39.0 degrees C"


AE = {"aeterm": "Clot in the leg artery", "aestdat": "2015-03-01", "aeendat": "2015-03-10",
      "aeongo": "N", "aesev": "MILD", "aetoxgr": 1, "aeser": "N", "aerel": "POSSIBLE",
      "aeacn": "NOT APPLICABLE", "aeout": "RECOVERED/RESOLVED", "aethromb": "Y"}


def _imported_study_terms(store, tmp_path):
    as_user(store, "admin")
    ctcae.import_ctcae(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    as_user(store, "nurse")


def test_a_grade_the_term_lacks_is_refused_and_soc_and_code_are_derived(store, tmp_path):
    code = store.subjects.create().code
    # before the terminology is imported the checks cannot tell, and do not fire
    store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Arterial thromboembolism"},
                     complete=True)
    _imported_study_terms(store, tmp_path)
    with pytest.raises(CheckFailed, match="gives 'Arterial thromboembolism' no such grade \\(Grade 1: mild"):
        store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Arterial thromboembolism"},
                         complete=True)
    with pytest.raises(CheckFailed, match="'Clot' is not a CTCAE v5.0 term"):
        store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Clot", "aetoxgr": 3},
                         complete=True)
    saved = store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Arterial "
                             "thromboembolism", "aetoxgr": 3}, complete=True).record
    got = overview.derived(store, code, "logs", "ae", repeat=saved.repeat)
    assert got["aesoc"].text == "Vascular disorders"
    assert got["aelltcd"].value == 10073529
    assert store.forms.get(code, "logs", "ae", repeat=saved.repeat).values["aeterm"] == \
        "Clot in the leg artery"  # the verbatim term as typed


@pytest.mark.parametrize("typed", ["arterial thromboembolism", "Arterial thromboembolism ",
                                   " Arterial  thromboembolism", "ARTERIAL THROMBOEMBOLISM"])
def test_only_ctcaes_own_spelling_is_a_term_and_the_refusal_names_it(store, tmp_path, typed):
    """Another case or other spaces would be stored as typed and counted as a term of its
    own in the safety tables: refused, saying the spelling; the value is never rewritten."""
    _imported_study_terms(store, tmp_path)
    code = store.subjects.create().code
    with pytest.raises(CheckFailed) as info:
        store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": typed, "aetoxgr": 3},
                         complete=True)
    (finding,) = info.value.findings
    assert finding.check_id == "ae_ctcae_term"
    assert "is not a CTCAE v5.0 term" in finding.message
    assert "did you mean 'Arterial thromboembolism'?" in finding.message
    saved = store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": typed,
                                                  "aetoxgr": 3}).record  # a draft keeps it
    assert store.forms.get(code, "logs", "ae", repeat=saved.repeat).values["ctcae_term"] \
        == typed  # never rewritten
    got = overview.derived(store, code, "logs", "ae", repeat=saved.repeat)
    assert got["aesoc"].value is None  # not coded: no SOC of its own in the tables
    with pytest.raises(CheckFailed, match="'Clot' is not a CTCAE v5.0 term") as info:
        store.forms.save(code, "logs", "ae", {**AE, "ctcae_term": "Clot"}, complete=True)
    assert "did you mean" not in str(info.value)  # nothing spelt like it


def test_the_terms_cannot_change_and_an_edit_behind_the_program_is_found(store, tmp_path):
    _imported_study_terms(store, tmp_path)
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        store.conn.execute("UPDATE ctcae_terms SET grade1 = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        store.conn.execute("DELETE FROM ctcae_terms")
    path = store.path
    store.close()
    conn = sqlite3.connect(path)
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                           "'ctcae_terms_no_update'").fetchone()[0]
    conn.executescript("DROP TRIGGER ctcae_terms_no_update; UPDATE ctcae_terms SET grade1 = "
                       f"'38.5 - 39.0 degrees C' WHERE term = 'Fever'; {trigger};")
    conn.close()
    with Store.open(path) as again:
        report = again.verify()
    assert not report.ok
    assert any("terms of CTCAE v5.0 are not those imported" in p
               for p in report.record_problems)


# A file of format 1 (before the CTCAE tables): tests/test_format2_migration.py, on a file
# the program of then made.


def test_the_command_imports_and_refuses_in_words(store, tmp_path):
    path = store.path
    store.close()
    good = workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE])
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "alsdesk.cli", "--db", str(path), "ctcae",
                               *args, "--as", "admin", "--password-stdin"], input=PASSWORD + "\n",
                              capture_output=True, text=True, timeout=120)

    out = run("import", str(bad))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "notes.xlsx is not an Excel workbook" in out.stderr
    out = run("import", str(good))
    assert out.returncode == 0 and "Imported CTCAE v5.0: 2 terms" in out.stdout
    out = run("versions")
    assert "v5.0" in out.stdout and "grades adverse events by CTCAE v5.0." in out.stdout
    out = run("search", "thrombo")
    assert "Arterial thromboembolism  [MedDRA 10073529; Vascular disorders]  grades 3, 4, 5" \
        in out.stdout


def test_a_grade_5_event_asks_for_the_death_record(store):
    from alsdesk.errors import CheckFailed as Refused

    code = store.subjects.create().code
    fatal = {**AE, "aetoxgr": 5, "aeout": "FATAL", "aeser": "Y", "aesdth": "Y",
             "aeslife": "N", "aeshosp": "N", "aesdisab": "N", "aescong": "N", "aesmie": "N",
             "aesawdat": "2015-03-01", "aesspdat": "2015-03-01", "aesecdat": "2015-03-02"}
    with pytest.raises(Refused) as info:
        store.forms.save(code, "logs", "ae", fatal, complete=True)
    assert [f.check_id for f in info.value.findings] == ["ae_grade5_death_record"]
    store.forms.save(code, "eos", "eos", {"eosstat": "DEATH", "eosdat": "2015-03-10",
                                          "dthdat": "2015-03-10"})
    store.forms.save(code, "logs", "ae", fatal, complete=True)  # the death is recorded
