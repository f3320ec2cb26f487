"""CSV export: read back with the csv module, numeric columns are numbers or empty, missing
codes apart, dictionary and codes complete, BOM on request, audit trail on request."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from alsdesk.exchange import ExportError, ExportOptions, export_csv
from alsdesk.exchange.csv_export import KEY_COLUMNS
from tests.exchange_fixtures import (  # noqa: F401 - fixtures
    MEMO, PII, admin, audit_rows, demo_db, demo_master, monitor, open_as,
)

NUMERIC_TYPES = {"integer", "decimal", "integer code"}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def exported(monitor, tmp_path) -> Path:
    return export_csv(monitor, tmp_path / "csv", ExportOptions(include_audit=True)).target


def test_every_form_file_reads_back_and_numbers_are_numbers(exported, monitor):
    dictionary = read(exported / "data_dictionary.csv")
    types = {(r["form"], r["column"]): r["type"] for r in dictionary}
    form_files = sorted(p for p in exported.glob("*.csv") if p.stem in monitor.study.forms)
    assert len(form_files) == 21  # every form but the identification form
    checked = 0
    for path in form_files:
        with path.open(encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
        assert header[:5] == list(KEY_COLUMNS)
        assert all((path.stem, col) in types for col in header), f"{path.name}: undocumented"
        assert all(len(row) == len(header) for row in rows)
        numeric = [n for n, col in enumerate(header) if types[(path.stem, col)] in NUMERIC_TYPES]
        for row in rows:
            for n in numeric:
                if row[n] != "":
                    float(row[n])  # raises if a code or text slipped into a number column
                    checked += 1
    assert checked > 800


def test_missing_codes_have_their_own_column(exported):
    vs = read(exported / "vs.csv")
    row = next(r for r in vs if r["event"] == "unscheduled" and r["event_repeat"] == "1")
    assert row["subject"] == "S005" and row["status"] == "complete"
    assert row["sysbp"] == "" and row["sysbp__missing"] == "ND"
    assert row["temp"] == "36.7" and row["temp__missing"] == ""
    assert row["vsdtc"] == "2026-01-10 10:20"
    cm = next(r for r in read(exported / "cm.csv") if r["cmtrt"] == "Vitamin D")
    assert cm["cmdose"] == "0.00001" and cm["cmindc__missing"] == "UNK"


def test_deleted_entries_are_left_out_but_their_history_stays(exported):
    ae = [r for r in read(exported / "ae.csv") if r["subject"] == "S005"]
    assert [r["repeat"] for r in ae] == ["1", "3"]
    assert all(r["aeterm"] != "Entered for the wrong patient" for r in ae)
    trail = read(exported / "audit_trail.csv")
    deleted = [r for r in trail if r["form"] == "ae" and r["repeat"] == "2"
               and r["subject"] == "S005"]
    assert any(r["new_value"] == "deleted" and r["reason"] for r in deleted)
    assert any(r["new_value"] == "Entered for the wrong patient" for r in deleted)


def test_dictionary_and_codes(exported):
    dictionary = {(r["form"], r["column"]): r for r in read(exported / "data_dictionary.csv")}
    temp = dictionary[("vs", "temp")]
    assert (temp["type"], temp["unit"], temp["min"], temp["max"], temp["cdash"]) == \
        ("decimal", "°C", "30", "45", "VSORRES")
    assert dictionary[("vs", "temp__missing")]["codes"] == "ND=Not done"
    assert dictionary[("alsfrs", "q1")]["type"] == "integer code"
    assert dictionary[("alsfrs", "q1")]["codes"].startswith("4=Normal speech | 3=")
    assert dictionary[("alshx", "onsetdat")]["partial_dates"] == "yes"
    codes = read(exported / "codes.csv")
    assert {"codelist": "missing", "code": "UNK", "label": "Unknown", "order": "3",
            "crf_version": "1.0"} in codes
    assert any(c["codelist"] == "aerel" and c["code"] == "NOT RELATED" for c in codes)


def test_text_survives_csv_quoting(exported):
    dv = next(r for r in read(exported / "dv.csv") if r["dvterm"].startswith("Line one"))
    assert dv["dvterm"] == MEMO and dv["dvdat__missing"] == "UNK"


def test_bom_only_on_request(monitor, tmp_path):
    plain = export_csv(monitor, tmp_path / "plain").target
    excel = export_csv(monitor, tmp_path / "excel", ExportOptions(bom=True)).target
    assert not (plain / "vs.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (excel / "vs.csv").read_bytes().startswith(b"\xef\xbb\xbfsubject,event")
    assert not (plain / "audit_trail.csv").exists()


def test_identifiers_excluded_unless_an_administrator_asks(monitor, demo_db, tmp_path):
    plain = export_csv(monitor, tmp_path / "plain", ExportOptions(include_audit=True)).target
    for path in plain.iterdir():
        text = path.read_text(encoding="utf-8")
        assert PII["fullname"] not in text and PII["mrn"] not in text, path.name
    assert not (plain / "pii.csv").exists()
    assert "initials" not in read(plain / "subjects.csv")[0]
    with open_as(demo_db, "admin") as st:
        full = export_csv(st, tmp_path / "full", ExportOptions(include_identifiers=True,
                                                               include_audit=True)).target
    assert read(full / "pii.csv")[0]["phone"] == PII["phone"]
    assert read(full / "subjects.csv")[0]["initials"] == "DM"
    assert any(r["new_value"] == PII["mrn"] for r in read(full / "audit_trail.csv"))


def test_filters(monitor, tmp_path):
    out = export_csv(monitor, tmp_path / "f", ExportOptions(subjects=("S005",),
                                                            forms=("vs", "ae"))).target
    assert sorted(p.name for p in out.glob("*.csv")) == [
        "ae.csv", "codes.csv", "data_dictionary.csv", "subjects.csv", "vs.csv"]
    assert {r["subject"] for r in read(out / "vs.csv")} == {"S005"}
    with pytest.raises(Exception, match="no subject 'S999'"):
        export_csv(monitor, tmp_path / "g", ExportOptions(subjects=("S999",)))
    with pytest.raises(Exception, match="no form nope"):
        export_csv(monitor, tmp_path / "h", ExportOptions(forms=("nope",)))
    with pytest.raises(ExportError, match="only direct identifiers"):
        export_csv(monitor, tmp_path / "i", ExportOptions(forms=("pii",)))


def test_refuses_a_folder_in_use_and_leaves_nothing_behind(monitor, tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    before = audit_rows(monitor)
    with pytest.raises(ExportError, match="not empty"):
        export_csv(monitor, busy)
    assert audit_rows(monitor) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]


def test_text_excel_would_run_as_a_formula_is_guarded_in_the_excel_files(demo_db, tmp_path):
    """=HYPERLINK(...) typed as a medicine: in the byte-order-mark files (for Excel) it gets
    an apostrophe; in the plain files (R, pandas) it is as stored; numbers are untouched."""
    formula = '=HYPERLINK("http://example.invalid/x","Enoxaparin")'
    with open_as(demo_db, "nurse") as st:
        st.forms.save("S005", "logs", "cm", {"cmtrt": formula, "cmindc": "-ve test",
                                            "cmstdat": "2025", "cmongo": "Y"},
                      repeat=None)
    with open_as(demo_db, "monitor") as st:
        plain = export_csv(st, tmp_path / "plain").target
        excel = export_csv(st, tmp_path / "excel", ExportOptions(bom=True,
                                                               include_audit=True)).target
    row = next(r for r in read(plain / "cm.csv") if r["cmtrt"].startswith("=HYPER"))
    assert row["cmtrt"] == formula and row["cmindc"] == "-ve test"
    row = next(r for r in read(excel / "cm.csv") if "HYPERLINK" in r["cmtrt"])
    assert row["cmtrt"] == "'" + formula and row["cmindc"] == "'-ve test"
    audit = [r for r in read(excel / "audit_trail.csv") if "HYPERLINK" in r["new_value"]]
    assert audit and all(r["new_value"].startswith("'=") for r in audit)
    assert any(r["temp"].startswith("3") for r in read(excel / "vs.csv"))
    assert "apostrophe" in (excel / "README.txt").read_text(encoding="utf-8")
    assert "apostrophe" not in (plain / "README.txt").read_text(encoding="utf-8")
