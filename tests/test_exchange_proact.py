"""The PRO-ACT-shaped export read back with pandas: day offsets from the infusion, item 5
split by gastrostomy, imputed partial dates flagged, totals the core's own."""
from __future__ import annotations

from datetime import date

import pytest

from alsdesk.clinical.alsfrs import score
from alsdesk.errors import DefinitionError
from alsdesk.exchange.proact import definition_file, export_proact, load_proact
from tests.exchange_fixtures import demo_db, demo_master, monitor, open_as  # noqa: F401

pd = pytest.importorskip("pandas")


def _days(a: str, day0: str) -> int:
    return (date.fromisoformat(a[:10]) - date.fromisoformat(day0[:10])).days


@pytest.fixture
def tables(monitor, tmp_path):
    export_proact(monitor, tmp_path / "pa")
    return {name: pd.read_csv(tmp_path / "pa" / f"PROACT_{name}.csv", keep_default_na=False,
                              na_values=[""])
            for name in ("ALSFRS", "FVC", "ADVERSEEVENTS", "ALSHISTORY", "DEATHDATA",
                         "DEMOGRAPHICS", "VITALSIGNS", "TREATMENT", "CONMEDS")}, tmp_path / "pa"


def test_alsfrs_rows_are_the_stored_items_with_days_from_the_infusion(monitor, tables):
    t, _ = tables
    alsfrs = t["ALSFRS"]
    checked = 0
    for code in sorted(set(alsfrs.subject_id)):
        day0 = monitor.forms.get(code, "infusion", "inf").values["infstdtc"]
        for event in ("screening", "m2", "m12"):
            rec = monitor.forms.get(code, event, "alsfrs")
            if not rec.values:
                continue
            when = rec.values.get("qsdat") or \
                monitor.forms.get(code, event, "sv").values["svstdtc"]
            rows = alsfrs[(alsfrs.subject_id == code)
                          & (alsfrs.ALSFRS_Delta == _days(when, day0))]
            assert len(rows) == 1, (code, event)
            row = rows.iloc[0]
            assert row.ALSFRS_R_Total == score(rec.values).total
            q5a, q5b = rec.values.get("q5a"), rec.values.get("q5b")
            assert (pd.isna(row.Q5a_Cutting_without_Gastrostomy) if q5a is None
                    else row.Q5a_Cutting_without_Gastrostomy == q5a)
            assert (pd.isna(row.Q5b_Cutting_with_Gastrostomy) if q5b is None
                    else row.Q5b_Cutting_with_Gastrostomy == q5b)
            assert row.R_1_Dyspnea == rec.values["q10"]
            checked += 1
    assert checked >= 5
    assert alsfrs.ALSFRS_Delta.dtype.kind == "i"  # whole days, every row has one


def test_q5b_is_filled_for_a_gastrostomy(demo_db, tmp_path):
    st = open_as(demo_db, "nurse")
    try:
        rec = st.forms.get("S004", "m2", "alsfrs")
        items = {k: v for k, v in rec.values.items() if k not in ("q5a", "qsdat")}
        st.forms.save("S004", "m2", "alsfrs", {**items, "gastro": "Y", "q5a": None,
                                                "q5b": 2}, reason="PEG placed at month 11")
    finally:
        st.close()
    st = open_as(demo_db, "monitor")
    try:
        export_proact(st, tmp_path / "pa")
        day0 = st.forms.get("S004", "infusion", "inf").values["infstdtc"]
        visit = st.forms.get("S004", "m2", "sv").values["svstdtc"]
    finally:
        st.close()
    frame = pd.read_csv(tmp_path / "pa" / "PROACT_ALSFRS.csv")
    row = frame[(frame.subject_id == "S004") & (frame.ALSFRS_Delta == _days(visit, day0))]
    assert row.iloc[0].Q5b_Cutting_with_Gastrostomy == 2
    assert pd.isna(row.iloc[0].Q5a_Cutting_without_Gastrostomy)


def test_partial_dates_are_imputed_and_flagged(monitor, tables):
    t, folder = tables
    hx = t["ALSHISTORY"]
    for code in hx.subject_id:
        onset = monitor.forms.get(code, "screening", "alshx").values["onsetdat"]
        day0 = monitor.forms.get(code, "infusion", "inf").values["infstdtc"]
        row = hx[hx.subject_id == code].iloc[0]
        if len(onset) == 7:  # YYYY-MM: the 15th
            assert row.Onset_Delta == _days(onset + "-15", day0)
            assert row.Onset_Delta_Imputed == "Y"
    assert "never infused" in (folder / "README.txt").read_text()
    assert not {"S001", "S002"} & set(hx.subject_id)  # screen failures: no day 0


def test_adverse_events_and_death(monitor, tables):
    t, _ = tables
    ae = t["ADVERSEEVENTS"]
    pe = ae[ae.Lowest_Level_Term == "Pulmonary embolism"]
    assert len(pe) >= 1 and set(pe.Serious) == {"Y"}
    death = t["DEATHDATA"]
    died = death[death.Subject_Died == "Yes"]
    for code in died.subject_id:
        eos = monitor.forms.get(code, "eos", "eos").values
        day0 = monitor.forms.get(code, "infusion", "inf").values["infstdtc"]
        assert died[died.subject_id == code].iloc[0].Death_Days == _days(eos["dthdat"], day0)


def test_a_bad_mapping_is_refused_with_its_line(monitor, tmp_path):
    text = definition_file().read_text(encoding="utf-8")
    path = tmp_path / "proact.toml"
    path.write_text(text.replace('Q1_Speech = "q1"', 'Q1_Speech = "q01"', 1), encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"proact.toml:\d+.*has no field 'q01'"):
        load_proact(monitor.study, path)


def test_the_documented_slope_snippet_gives_the_analysis_tables_slope(monitor, tables,
                                                                     tmp_path, monkeypatch):
    """The Python block of docs/exchange.md's PRO-ACT section, run on the demo's tables,
    gives subjects.csv's alsfrs_slope for every subject (none from a single visit)."""
    from pathlib import Path

    from alsdesk.exchange.analysis import export_analysis

    doc = (Path(__file__).parent.parent / "docs" / "exchange.md").read_text(encoding="utf-8")
    at = doc.index('pd.read_csv("PROACT_ALSFRS.csv")')
    block = doc[doc.rindex("```python\n", 0, at) + len("```python\n"):doc.index("```", at)]
    monkeypatch.chdir(tables[1])
    names: dict = {}
    exec(block.replace("alsfrs.groupby(", "result = alsfrs.groupby("), names)
    got = names["result"]
    export_analysis(monitor, tmp_path / "an")
    subjects = pd.read_csv(tmp_path / "an" / "subjects.csv", keep_default_na=False,
                           na_values=[""]).set_index("subject")
    for code, slope in got.items():
        want = subjects.loc[code, "alsfrs_slope"]
        assert (pd.isna(slope) and pd.isna(want)) or abs(slope - want) < 1e-6, (code, slope)
    assert got.notna().sum() >= 2


def test_for_excel_a_formula_like_term_is_kept_as_text(demo_db, tmp_path):
    """--bom (for Excel): the analysis and PRO-ACT tables guard text Excel would run as a
    formula, as the CSV export does; without it (R, pandas) the text is as typed."""
    from alsdesk.exchange import ExportOptions
    from alsdesk.exchange.analysis import export_analysis

    evil = "=cmd|' /C calc'!A0"
    with open_as(demo_db, "nurse") as st:
        st.forms.save("S005", "logs", "ae", {"aeterm": evil, "aestdat": "2026-01-02"})
    with open_as(demo_db, "monitor") as st:
        for bom in (False, True):
            opts = ExportOptions(bom=bom)
            export_proact(st, tmp_path / f"pa{bom}", opts)
            export_analysis(st, tmp_path / f"an{bom}", opts)
    for bom, want in ((False, evil), (True, "'" + evil)):
        ae = pd.read_csv(tmp_path / f"pa{bom}" / "PROACT_ADVERSEEVENTS.csv",
                         encoding="utf-8-sig", keep_default_na=False)
        assert want in set(ae.Lowest_Level_Term)
        inc = pd.read_csv(tmp_path / f"an{bom}" / "ae_incidence.csv", encoding="utf-8-sig",
                          keep_default_na=False)
        assert want in set(inc.term)
        assert (tmp_path / f"an{bom}" / "subjects.csv").read_bytes().startswith(
            b"\xef\xbb\xbf") is bom
