"""SAS transport v5 files read back with pyreadstat and pandas.read_sas: names within 8
characters, labels within 40 bytes, long Persian text split at 200 bytes and whole again
when its pieces are joined, missing codes in their companions."""
from __future__ import annotations

import csv

import pytest

from alsdesk.exchange.xpt import export_xpt
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

LONG = ("گزارش انحراف از پروتکل: بیمار دیرتر آمد؛ " * 45)[:1990] + "END"  # ~3.6 kB in UTF-8


@pytest.fixture
def exported(demo_db, tmp_path):
    with open_as(demo_db, "nurse") as st:
        st.forms.save("S006", "logs", "dv", {"dvcat": "OTHER", "dvterm": LONG, "dvimp": "N",
                                             "dvaction": "None needed."},
                      {"dvdat": "UNK"}, repeat=None, complete=True)
    with open_as(demo_db, "monitor") as st:
        result = export_xpt(st, tmp_path / "xpt")
        study = st.study
        stored = {r[0]: r[1:] for r in st.conn.execute(
            "SELECT s.code || '/' || fi.event || '/' || fi.event_repeat, v.sysbp, "
            "v.sysbp__missing, v.temp FROM vs v JOIN form_instances fi ON fi.id = "
            "v.instance_id JOIN subjects s ON s.id = fi.subject_id WHERE fi.status != "
            "'deleted'")}
    return result, study, stored, tmp_path / "xpt"


def test_names_labels_and_values_within_version_5(exported):
    result, study, stored, folder = exported
    for path in result.files:
        if path.suffix != ".xpt":
            continue
        frame, meta = pyreadstat.read_xport(str(path))
        assert len(meta.table_name) <= 8
        assert all(len(c) <= 8 for c in frame.columns), path.name
        assert all(len((lab or "").encode("utf-8")) <= 40 for lab in meta.column_labels)
        for col in frame.columns:
            if frame[col].dtype == object:
                assert all(len(str(v).encode("utf-8")) <= 200 for v in frame[col]), col
    vs, _ = pyreadstat.read_xport(str(folder / "vs.xpt"))
    for _, row in vs.iterrows():
        key = f"{row.subject}/{row.event}/{int(row.evrepeat)}"
        sysbp, code, temp = stored[key]
        assert (pd.isna(row.sysbp) if sysbp is None else row.sysbp == sysbp)
        assert row.sysbp_M == ({"NA": "NAP"}.get(code, code) if code else "")
        assert (pd.isna(row.temp) if temp is None else row.temp == pytest.approx(temp))
    assert (vs.sysbp_M == "ND").sum() == 1
    sas = pd.read_sas(folder / "vs.xpt", format="xport", encoding="utf-8")
    assert list(sas.columns) == list(vs.columns) and len(sas) == len(vs)


def test_long_persian_text_comes_back_whole_from_its_pieces(exported):
    _, _, _, folder = exported
    with (folder / "names.csv").open(encoding="utf-8", newline="") as fh:
        names = [r for r in csv.DictReader(fh) if r["dataset"] == "dv" and r["field"] == "dvterm"
                 and r["holds"] in ("value",) + tuple(f"piece{n}" for n in range(2, 40))]
    assert len(names) == -(-len(LONG.encode("utf-8")) // 200) or len(names) > 15
    dv, _ = pyreadstat.read_xport(str(folder / "dv.xpt"), encoding="utf-8")
    row = dv[(dv.subject == "S006") & dv.dvterm.str.startswith("گزارش")].iloc[0]
    assert "".join(row[n["variable"]] for n in names) == LONG
    assert row.dvdat_M == "UNK"


def test_a_text_cut_between_letters_keeps_its_last_letter(demo_db, tmp_path):
    # 133 three-byte letters are 399 bytes, but cut between letters they take 3 pieces
    # (66 + 66 + 1): counting 399 / 200 -> 2 pieces lost the last letter.
    text = "€" * 133
    with open_as(demo_db, "nurse") as st:
        st.forms.save("S006", "logs", "dv", {"dvcat": "OTHER", "dvterm": text, "dvimp": "N",
                                             "dvaction": "None needed."},
                      {"dvdat": "UNK"}, repeat=None, complete=True)
    with open_as(demo_db, "monitor") as st:
        export_xpt(st, tmp_path / "xpt")
    dv, _ = pyreadstat.read_xport(str(tmp_path / "xpt" / "dv.xpt"), encoding="utf-8")
    pieces = [c for c in dv.columns if c == "dvterm" or c.startswith("dvterm")
              and c[6:].isdigit()]
    row = dv[dv.dvterm.str.startswith("€")].iloc[0]
    assert "".join(row[c] for c in pieces) == text


def test_blocks_of_instances_write_the_same_bytes(demo_db, tmp_path, monkeypatch):
    from alsdesk.exchange import xpt

    with open_as(demo_db, "monitor") as st:
        export_xpt(st, tmp_path / "one")
        monkeypatch.setattr(xpt, "ROWS", 3)  # many blocks, a last one shorter
        export_xpt(st, tmp_path / "many")
    for path in (tmp_path / "one").glob("*.xpt"):
        assert _unstamped(path) == _unstamped(tmp_path / "many" / path.name), path.name


def _unstamped(path) -> bytes:
    import re

    return re.sub(rb"\d\d[A-Z]{3}\d\d:\d\d:\d\d:\d\d", b"T", path.read_bytes())
