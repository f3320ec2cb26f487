"""Stata .dta and SPSS .sav files of the raw forms, read back with pyreadstat and pandas
(independent readers) and compared, cell by cell, with what the database holds."""
from __future__ import annotations

import math

import pytest

from alsdesk.exchange import ExportError, ExportOptions
from alsdesk.exchange.dataset import is_numeric
from alsdesk.exchange.statfiles import export_spss, export_stata
from alsdesk.store.schema import missing_column
from alsdesk.study.model import FieldType
from tests.exchange_fixtures import demo_db, demo_master, monitor  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

FORMS = ("vs", "alsfrs", "ae", "cm", "dv", "mh", "lb", "dm")


def stored(store, form):
    """(subject, event, event_repeat, repeat) -> the form table's row, as stored."""
    cur = store.conn.execute(
        f'SELECT s.code, fi.event, fi.event_repeat, fi.repeat, fi.status, t.* FROM '
        f'form_instances fi JOIN subjects s ON s.id = fi.subject_id JOIN "{form}" t ON '
        f"t.instance_id = fi.id WHERE fi.status != 'deleted'")
    names = [d[0] for d in cur.description]
    return {(r[0], r[1], r[2], r[3]): dict(zip(names, r)) for r in cur}


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@pytest.mark.parametrize("kind", ["dta", "sav"])
def test_every_cell_reads_back_as_stored(monitor, tmp_path, kind):
    export = export_stata if kind == "dta" else export_spss
    result = export(monitor, tmp_path / kind)
    study = monitor.study
    order = [m.code for m in study.missing_codes]
    checked = {"value": 0, "code": 0}
    for form_id in FORMS:
        form = study.forms[form_id]
        data = stored(monitor, form_id)
        path = tmp_path / kind / f"{form_id}.{kind}"
        assert path in result.files
        read = pyreadstat.read_dta if kind == "dta" else pyreadstat.read_sav
        frame, meta = read(str(path), user_missing=True)
        assert len(frame) == len(data)
        assert meta.file_label == form.label
        for _, row in frame.iterrows():
            key = (row.subject, row.event, int(row.event_repeat), int(row["repeat"]))
            want = data[key]
            assert row.status == want["status"]
            for f in form.fields:
                value, code = want[f.id], want.get(missing_column(f.id))
                got = row[f.id]
                if is_numeric(f):
                    if code:
                        expected = ("abc"[order.index(code)] if kind == "dta"
                                    else -999991.0 - order.index(code))
                        assert got == expected, (form_id, f.id, key)
                        checked["code"] += 1
                    elif value is None:
                        assert _text(got) == "", (form_id, f.id, key, got)
                    else:
                        assert float(got) == float(value), (form_id, f.id, key)
                        checked["value"] += 1
                    continue
                text = _text(got)
                if f.type is FieldType.DATETIME and text:
                    text = text[:16]  # the packages keep seconds
                assert text == (value or "").replace(" ", "T") if f.type is \
                    FieldType.DATETIME else text == (value or ""), (form_id, f.id, key, got)
                if value:
                    checked["value"] += 1
                if f.missing:
                    assert row[f"{f.id}_m"] == ({"NA": "NAP"}.get(code, code) if code else "")
                    checked["code"] += bool(code)
        labels = meta.column_names_to_labels
        for f in form.fields:
            assert labels[f.id].startswith(f.label[:70])
    assert checked["value"] > 900 and checked["code"] >= 5, checked


@pytest.mark.parametrize("kind", ["dta", "sav"])
def test_value_labels_and_missing_values_are_declared(monitor, tmp_path, kind):
    export = export_stata if kind == "dta" else export_spss
    export(monitor, tmp_path / kind, ExportOptions(forms=("alsfrs", "vs", "ae")))
    read = pyreadstat.read_dta if kind == "dta" else pyreadstat.read_sav
    _, meta = read(str(tmp_path / kind / f"alsfrs.{kind}"), user_missing=True)
    q1 = monitor.study.forms["alsfrs"].fields[2]
    assert q1.id == "q1" and "ND" in q1.missing
    assert "q1" in meta.variable_value_labels, (kind, sorted(meta.variable_value_labels))
    labels = meta.variable_value_labels["q1"]
    for c in q1.codelist.choices:
        assert labels[c.code] == c.label
    nd = "a" if kind == "dta" else -999991.0
    assert labels[nd] == "Not done"
    if kind == "sav":  # declared per variable (Stata's .a-.z need no declaration)
        assert meta.missing_ranges["q1"] == [{"lo": -999991.0, "hi": -999991.0}]
    frame, meta = read(str(tmp_path / kind / f"vs.{kind}"), user_missing=True)
    assert (frame.sysbp == nd).sum() == 1  # the fixture's unscheduled visit, not done
    assert meta.variable_value_labels["sysbp"] == {nd: "Not done"}
    _, meta = read(str(tmp_path / kind / f"ae.{kind}"), user_missing=True)
    if kind == "sav":  # SPSS labels text codes too
        assert meta.variable_value_labels["aeser"] == {"Y": "Yes", "N": "No"}


def test_pandas_reads_both_and_sees_codes_as_missing(monitor, tmp_path):
    export_stata(monitor, tmp_path / "dta", ExportOptions(forms=("vs",)))
    export_spss(monitor, tmp_path / "sav", ExportOptions(forms=("vs",)))
    dta = pd.read_stata(tmp_path / "dta" / "vs.dta")
    sav = pd.read_spss(tmp_path / "sav" / "vs.sav", convert_categoricals=False)
    data = stored(monitor, "vs")
    nd = [k for k, r in data.items() if r["sysbp__missing"] == "ND"]
    assert nd  # the fixture's unscheduled visit
    for frame in (dta, sav):
        row = frame[(frame.subject == nd[0][0]) & (frame.event == nd[0][1])
                    & (frame.event_repeat == nd[0][2])].iloc[0]
        assert pd.isna(row.sysbp)  # a plain reader sees no number, not -999991
        assert set(frame.temp.dropna()) <= {r["temp"] for r in data.values()}


def test_identifiers_stay_out_and_the_audit_trail_is_refused(monitor, tmp_path):
    result = export_stata(monitor, tmp_path / "dta")
    assert "pii.dta" not in {p.name for p in result.files}
    with pytest.raises(ExportError, match="data only"):
        export_spss(monitor, tmp_path / "sav", ExportOptions(include_audit=True))
