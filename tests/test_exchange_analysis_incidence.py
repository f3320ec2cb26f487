"""ae_incidence.csv of the analysis export and ae_by_soc_term.csv of the safety export count
the same adverse events: the subjects infused, by system organ class and term, row for row.
Both read back with pandas' defaults and compared cell by cell, and against the store."""
from __future__ import annotations

import openpyxl
import pytest

from alsdesk.exchange.analysis import export_analysis
from alsdesk.safety import ctcae
from alsdesk.safety.tables import NOT_CODED
from alsdesk.safety.tables_csv import export_safety
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pd = pytest.importorskip("pandas")

# A CTCAE workbook in the NCI's layout with two terms (the NCI's own is not needed here)
HEAD = ["MedDRA Code", "MedDRA SOC", "CTCAE Term", "Grade 1", "Grade 2", "Grade 3",
        "Grade 4", "Grade 5", "Definition", "Navigational Note"]
FEVER = [10016558, "General disorders and administration site conditions", "Fever",
         "38.0 - 39.0 degrees C", ">39.0 - 40.0 degrees C", ">40.0 degrees C for <=24 hrs",
         ">40.0 degrees C for >24 hrs", "Death", "Elevated body temperature.", None]
TEE = [10043565, "Vascular disorders", "Thromboembolic event", "Medical intervention not "
       "indicated", "Medical intervention indicated", "Urgent medical intervention indicated",
       "Life-threatening consequences", "Death", "A disorder characterized by occlusion.", None]
UNCODED = "Dizzy spell after standing up"
NOT_INFUSED = "Vasovagal reaction at consent"
KEYS = ["level", "soc", "term"]


def _workbook(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "CTCAE v5.0 Clean Copy"
    for row in (HEAD, FEVER, TEE):
        ws.append(row)
    book.save(path)
    return path


@pytest.fixture
def folders(demo_db, tmp_path):
    st = open_as(demo_db, "admin")
    ctcae.import_ctcae(st, _workbook(tmp_path / "ctcae.xlsx"))
    st.close()
    st = open_as(demo_db, "nurse")
    base = {"aestdat": "2026-02-01", "aetoxgr": 1, "aeser": "N"}
    st.forms.save("S003", "logs", "ae", {**base, "aeterm": "Febrile after the visit",
                                         "ctcae_term": "Fever", "aetoxgr": 2, "aeser": "Y"},
                  repeat=None)
    st.forms.save("S003", "logs", "ae", {**base, "aeterm": UNCODED}, repeat=None)
    st.forms.save("S006", "logs", "ae", {**base, "aeterm": "Fever at night",
                                         "ctcae_term": "Fever", "aetoxgr": 3}, repeat=None)
    # a subject never infused: in neither table, and said to be left out
    st.forms.save("S007", "logs", "ae", {**base, "aeterm": NOT_INFUSED}, repeat=None)
    st.close()
    st = open_as(demo_db, "monitor")
    try:
        export_analysis(st, tmp_path / "analysis")
        export_safety(st, tmp_path / "safety")
        yield st, tmp_path / "analysis", tmp_path / "safety"
    finally:
        st.close()


def _hand(store):
    """(subject, CTCAE term or verbatim, grade, serious, infused) of every live AE."""
    return store.conn.execute(
        "SELECT s.code, coalesce(a.ctcae_term, a.aeterm), a.aetoxgr, a.aeser, s.code IN ("
        "SELECT s2.code FROM inf i JOIN form_instances f2 ON f2.id = i.instance_id JOIN "
        "subjects s2 ON s2.id = f2.subject_id WHERE i.infstdtc IS NOT NULL AND "
        "f2.status != 'deleted') FROM ae a JOIN form_instances fi ON fi.id = a.instance_id "
        "JOIN subjects s ON s.id = fi.subject_id WHERE fi.status != 'deleted'").fetchall()


def test_ae_incidence_agrees_with_the_safety_tables_row_by_row(folders):
    store, analysis, safety = folders
    inc = pd.read_csv(analysis / "ae_incidence.csv")  # pandas' defaults: no NA text in it
    raw = pd.read_csv(analysis / "ae_incidence.csv", keep_default_na=False, dtype=str)
    assert not (raw == "NA").any().any()
    assert list(inc.columns) == ["level", "soc", "term", "subjects", "subjects_pct", "events",
                                 "N", "worst_grade", "serious_events"]
    tab = pd.read_csv(safety / "ae_by_soc_term.csv")
    sae = pd.read_csv(safety / "sae_by_soc_term.csv")
    assert inc[KEYS].fillna("").values.tolist() == tab[KEYS].fillna("").values.tolist()
    for col in ("subjects", "subjects_pct", "events", "N"):
        assert inc[col].tolist() == tab[col].tolist(), col
    grades = tab[[f"worst_grade{g}" for g in range(1, 6)]].values
    worst = [max((g for g in range(1, 6) if row[g - 1]), default=None) for row in grades]
    assert [None if pd.isna(w) else int(w) for w in inc.worst_grade] == worst
    serious = {tuple(k): e for k, e in zip(sae[KEYS].fillna("").values.tolist(), sae.events)}
    for (level, soc, term), got in zip(inc[KEYS].fillna("").values.tolist(), inc.serious_events):
        want = sae.events.iloc[0] if level == "overall" else serious.get((level, soc, term), 0)
        assert got == want, (soc, term)


def test_it_counts_the_infused_and_says_who_is_left_out(folders):
    store, analysis, _ = folders
    aes = _hand(store)
    counted = [a for a in aes if a[4]]
    left = [a for a in aes if not a[4]]
    infused = store.conn.execute(
        "SELECT count(*) FROM inf i JOIN form_instances fi ON fi.id = i.instance_id WHERE "
        "i.infstdtc IS NOT NULL AND fi.status != 'deleted'").fetchone()[0]
    inc = pd.read_csv(analysis / "ae_incidence.csv", keep_default_na=False)
    overall = inc.iloc[0]
    assert (overall.level, overall.events, overall.N) == ("overall", len(counted), infused)
    assert overall.subjects == len({a[0] for a in counted})
    assert overall.serious_events == sum(a[3] == "Y" for a in counted)
    assert NOT_INFUSED not in set(inc.term)
    fever = inc[(inc.level == "term") & (inc.term == "Fever")].iloc[0]
    assert fever.soc == FEVER[1]  # the imported term's SOC
    assert (fever.subjects, fever.events, fever.worst_grade, fever.serious_events) == \
        (2, 2, 3, 1)
    assert fever.subjects_pct == round(100 * 2 / infused, 1)
    dizzy = inc[inc.term == UNCODED].iloc[0]
    assert (dizzy.soc, dizzy.subjects, dizzy.events, dizzy.worst_grade) == (NOT_CODED, 1, 1, 1)
    readme = (analysis / "README.txt").read_text(encoding="utf-8")
    flat = " ".join(readme.split())
    assert f"subjects infused (N = {infused}" in flat
    subjects = len({a[0] for a in left})
    assert f"Not infused, so left out: {subjects} subject{'s' if subjects != 1 else ''} " \
           f"with adverse events ({len(left)} event{'s' if len(left) != 1 else ''})." in flat
