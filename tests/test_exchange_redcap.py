"""REDCap files: the data dictionary, events, mapping and records follow REDCap's column
names and field rules (docs/exchange.md says where each rule was checked)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from alsdesk.exchange import ExportOptions
from alsdesk.exchange.redcap import DICTIONARY_HEADER, export_redcap
from tests.exchange_fixtures import (  # noqa: F401 - fixtures
    PII, demo_db, demo_master, monitor, open_as,
)

VALIDATIONS = {"", "integer", "number", "date_ymd", "datetime_ymd", "time"}
FIELD_TYPES = {"text", "notes", "radio", "dropdown"}
VALUE_RULES = {
    "integer": re.compile(r"-?[0-9]+"),
    "number": re.compile(r"-?[0-9]+(\.[0-9]+)?"),
    "date_ymd": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    "datetime_ymd": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"),
    "time": re.compile(r"[0-9]{2}:[0-9]{2}"),
}
MISSING = {"ND", "NA", "UNK"}


def rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header, *body = list(csv.reader(fh))
    return header, body


@pytest.fixture
def out(monitor, tmp_path) -> Path:
    return export_redcap(monitor, tmp_path / "redcap").target


def _choices(text: str) -> dict[str, str]:
    pairs = [p.split(",", 1) for p in text.split(" | ")]
    return {code.strip(): label.strip() for code, label in pairs}


def test_data_dictionary_follows_redcap_rules(out):
    header, body = rows(out / "data_dictionary.csv")
    assert tuple(header) == DICTIONARY_HEADER and len(header) == 18
    assert body[0][:4] == ["record_id", "sv", "", "text"]
    names = [r[0] for r in body]
    assert len(names) == len(set(names)), "variable names must be unique in a project"
    assert {"vs_weight", "inf_weight"} <= set(names)
    for r in body:
        name, form, kind, choices, validation = r[0], r[1], r[3], r[5], r[7]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name) and len(name) <= 26, name
        assert re.fullmatch(r"[a-z][a-z0-9_]*", form), form
        assert kind in FIELD_TYPES and validation in VALIDATIONS, r
        if kind in ("radio", "dropdown"):
            codes = _choices(choices)
            assert codes and all(re.fullmatch(r"[A-Za-z0-9_]+", c) for c in codes), choices
            assert not set(codes) & MISSING
        if validation in ("integer", "number") and r[8]:
            float(r[8]), float(r[9])
        assert r[10] in ("", "y") and r[12] in ("", "y")
    by_name = {r[0]: r for r in body}
    assert by_name["svstdtc"][11] == "[svdone] = 'Y'"
    assert by_name["wbc_lo"][11] == "[wbc] <> ''"
    assert by_name["eosreas"][11] == "([eosstat] <> 'COMPLETED' and [eosstat] <> '')"
    assert _choices(by_name["aerel"][5])["NOT_RELATED"] == "Not related"
    assert "NOT_RELATED=NOT RELATED" in by_name["aerel"][17]
    assert by_name["onsetdat"][7] == ""  # partial dates cannot be date_ymd
    assert by_name["q1"][3] == "radio" and by_name["ethnic"][3] == "dropdown"
    assert "fullname" not in by_name  # identifiers are left out by default


def test_events_mapping_and_repeating(out):
    header, events = rows(out / "events.csv")
    assert header == ["event_name", "arm_num", "day_offset", "offset_min", "offset_max",
                      "unique_event_name", "custom_event_label"]
    unique = [e[5] for e in events]
    assert unique[:4] == ["screening_arm_1", "baseline_arm_1", "infusion_arm_1", "h72_arm_1"]
    offsets = [float(e[2]) for e in events]
    assert offsets == sorted(offsets) and min(offsets) == 0
    m2 = next(e for e in events if e[0] == "m2")
    assert (float(m2[2]) - float(next(e for e in events if e[0] == "infusion")[2]),
            m2[3], m2[4]) == (60, "7", "7")
    header, mapping = rows(out / "instrument_event_mapping.csv")
    assert header == ["arm_num", "unique_event_name", "form"]
    assert ["1", "logs_arm_1", "ae"] in mapping and ["1", "screening_arm_1", "mh"] in mapping
    header, repeating = rows(out / "repeating_instruments_events.csv")
    assert header == ["event_name", "form_name", "custom_form_label"]
    assert ["unscheduled_arm_1", "", ""] in repeating and ["logs_arm_1", "ae", ""] in repeating


def test_records_in_import_layout(out):
    _, dictionary = rows(out / "data_dictionary.csv")
    spec = {r[0]: r for r in dictionary}
    header, body = rows(out / "records.csv")
    assert header[:4] == ["record_id", "redcap_event_name", "redcap_repeat_instrument",
                          "redcap_repeat_instance"]
    forms = {r[1] for r in dictionary}
    for col in header[4:]:
        assert col in spec or (col.endswith("_complete") and col[:-9] in forms), col
    _, mapping = rows(out / "instrument_event_mapping.csv")
    mapped = {(m[1], m[2]) for m in mapping}
    _, repeating = rows(out / "repeating_instruments_events.csv")
    repeats = {(r[0], r[1]) for r in repeating}
    keys = set()
    for row in body:
        record, event, instrument, instance = row[:4]
        key = (record, event, instrument, instance)
        assert key not in keys, key
        keys.add(key)
        if instrument:
            assert (event, instrument) in repeats and instance.isdigit()
        elif instance:
            assert (event, "") in repeats
        for col, value in zip(header[4:], row[4:]):
            if not value:
                continue
            if col.endswith("_complete"):
                assert value in ("0", "1", "2") and (event, col[:-9]) in mapped
                continue
            field = spec[col]
            assert (event, field[1]) in mapped, (event, col)
            if value in MISSING:
                continue
            if field[3] in ("radio", "dropdown"):
                assert value in _choices(field[5]), (col, value)
            elif field[7] in VALUE_RULES:
                assert VALUE_RULES[field[7]].fullmatch(value), (col, value)
    by_key = {tuple(r[:4]): dict(zip(header, r)) for r in body}
    ae = [k for k in by_key if k[0] == "S005" and k[2] == "ae"]
    assert sorted(k[3] for k in ae) == ["1", "3"]
    unscheduled = by_key[("S005", "unscheduled_arm_1", "", "1")]
    assert unscheduled["sysbp"] == "ND" and unscheduled["temp"] == "36.7"
    assert unscheduled["vs_complete"] == "1"
    assert by_key[("S005", "unscheduled_arm_1", "", "2")]["vs_complete"] == "0"
    locked = by_key[("S003", "m2_arm_1", "", "")]
    assert locked["fvc_complete"] == "2" and locked["fvcpp"] == "76.5"
    assert locked["svstdtc"].count(" ") == 1


def test_readme_lists_the_missing_data_codes_and_steps(out):
    text = (out / "README.txt").read_text(encoding="utf-8")
    assert "ND, Not done" in text and "UNK, Unknown" in text
    assert "vs.weight -> vs_weight" in text


def test_identifiers_marked_when_an_administrator_includes_them(demo_db, tmp_path):
    with open_as(demo_db, "admin") as st:
        out = export_redcap(st, tmp_path / "r", ExportOptions(include_identifiers=True,
                                                              bom=True)).target
    _, dictionary = rows(out / "data_dictionary.csv")
    assert [r[10] for r in dictionary if r[1] == "pii"] == ["y", "y", "y"]
    assert (out / "records.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    header, body = rows(out / "records.csv")
    s3 = next(dict(zip(header, r)) for r in body if r[0] == "S003" and r[1] ==
              "screening_arm_1")
    assert s3["fullname"] == PII["fullname"]
