"""Missing-data codes survive the readers statisticians use, with their default settings.

pandas (read_csv's default na_values) and R (read.csv's na.strings = "NA") read a cell "NA"
as empty, so "not applicable" would silently become "unknown". Data files write the study's
export code instead (NA -> NAP); a definition whose code would be lost is refused."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from alsdesk.errors import DefinitionError
from alsdesk.exchange import export_csv
from alsdesk.exchange.redcap import export_redcap
from alsdesk.study import load_study
from alsdesk.study.loader import READ_AS_EMPTY
from alsdesk.paths import default_study_file
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pd = pytest.importorskip("pandas")


@pytest.fixture
def with_na(demo_db):
    """S001's screening laboratory with WBC's lower limit 'not applicable' (code NA)."""
    st = open_as(demo_db, "nurse")
    try:
        st.forms.save("S001", "screening", "lb", {"wbc_lo": None}, {"wbc_lo": "NA"},
                      reason="the laboratory gives no lower limit")
        stored = st.conn.execute('SELECT wbc_lo__missing FROM lb').fetchall()
    finally:
        st.close()
    assert ("NA",) in stored
    return demo_db


def _codes(frame, column: str) -> set:
    return set(frame[column].dropna())


def test_pandas_and_r_keep_not_applicable_in_the_csv(with_na, tmp_path):
    st = open_as(with_na, "monitor")
    try:
        export_csv(st, tmp_path / "csv")
    finally:
        st.close()
    default = pd.read_csv(tmp_path / "csv" / "lb.csv")  # pandas as people call it
    r_like = pd.read_csv(tmp_path / "csv" / "lb.csv", na_values=["NA"],
                         keep_default_na=False)  # R's read.csv convention
    for frame in (default, r_like):
        row = frame[(frame.subject == "S001") & (frame.event == "screening")].iloc[0]
        assert row["wbc_lo__missing"] == "NAP"
        assert pd.isna(row["wbc_lo"]) or row["wbc_lo"] == ""  # R's convention keeps ""
    codes = pd.read_csv(tmp_path / "csv" / "codes.csv")
    missing = codes[codes.codelist == "missing"]
    assert dict(zip(missing.code, missing.label)) == {
        "ND": "Not done", "NAP": "Not applicable", "UNK": "Unknown"}
    dictionary = pd.read_csv(tmp_path / "csv" / "data_dictionary.csv")
    entry = dictionary[dictionary.column == "wbc_lo__missing"].iloc[0]
    assert entry["codes"] == "NAP=Not applicable"
    assert "NAP (not applicable)" in (tmp_path / "csv" / "README.txt").read_text()


def test_no_exported_code_is_one_a_reader_drops(with_na, tmp_path):
    """Every code cell (missing-data codes, choice codes, codes.csv's codes) of every CSV
    file read with pandas' defaults keeps its text. Free text and labels may hold words
    such as "None" (ALSFRS-R item 10's answer 4): README.txt says to read those with
    keep_default_na=False, and that reading keeps every cell."""
    st = open_as(with_na, "monitor")
    try:
        result = export_csv(st, tmp_path / "csv")
        study = st.study
    finally:
        st.close()
    for path in result.files:
        if path.suffix != ".csv":
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            raw = list(csv.DictReader(fh))
        frame = pd.read_csv(path, dtype=str)
        as_told = pd.read_csv(path, dtype=str, keep_default_na=False)
        form = study.forms.get(path.stem)
        coded = {"code"} if path.stem == "codes" else set() if form is None else {
            c for f in form.fields for c in (f.id + "__missing",) + ((f.id,) if f.codelist
                                                                    else ())}
        for col in frame.columns:
            assert [r[col] for r in raw] == list(as_told[col]), f"{path.name}:{col}"
            if col in coded:
                lost = [r[col] for r, v in zip(raw, frame[col]) if r[col] and pd.isna(v)]
                assert not lost, f"{path.name}:{col} loses {lost[:3]}"


def test_redcap_records_and_setup_use_the_export_code(with_na, tmp_path):
    st = open_as(with_na, "monitor")
    try:
        export_redcap(st, tmp_path / "rc")
    finally:
        st.close()
    records = pd.read_csv(tmp_path / "rc" / "records.csv", dtype=str)
    row = records[(records.record_id == "S001")
                  & (records.redcap_event_name == "screening_arm_1")].dropna(
                      subset=["wbc_lo"]).iloc[0]
    assert row["wbc_lo"] == "NAP"
    readme = (tmp_path / "rc" / "README.txt").read_text()
    assert "NAP, Not applicable" in readme and "    NA, " not in readme


def test_odm_keeps_the_stored_code(with_na, tmp_path):
    st = open_as(with_na, "monitor")
    try:
        from alsdesk.exchange import export_odm
        export_odm(st, tmp_path / "s.xml")
    finally:
        st.close()
    text = (tmp_path / "s.xml").read_text(encoding="utf-8")
    assert 'ItemOID="IT.LB.WBC_LO.MISSING" Value="NA"' in text


def _definition_with(tmp_path: Path, old: str, new: str) -> Path:
    text = default_study_file().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "study.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("export, words", [
    (None, "pandas and R read 'NA' as an empty cell"),
    ('"N/A"', "pandas and R read 'N/A' as an empty cell"),
    ('"null"', "pandas and R read 'null' as an empty cell"),
    ('"not appl"', "letters, digits"),
    ('"UNK"', "could not tell UNK from NA"),
])
def test_a_code_readers_would_lose_is_refused_at_load(tmp_path, export, words):
    new = "" if export is None else f"export = {export}"
    path = _definition_with(tmp_path, 'export = "NAP"', new)
    with pytest.raises(DefinitionError) as err:
        load_study(path)
    assert words in str(err.value)
    assert "missing[1]" in str(err.value) or "missing[2]" in str(err.value)


def test_the_list_holds_the_readers_defaults():
    """The list is data in the loader; check it against pandas itself, where installed."""
    from pandas._libs.parsers import STR_NA_VALUES  # the defaults read_csv applies

    assert {v.upper() for v in STR_NA_VALUES} <= READ_AS_EMPTY
    assert "NA" in READ_AS_EMPTY  # R's read.csv
    frame = pd.read_csv(io.StringIO("c\n" + "\n".join(["NAP", "ND", "UNK", "x"])), dtype=str)
    assert frame.c.notna().all()
