"""The collected data the study's annotations promise an SDTM target for, read back with
pyreadstat and checked against the store: DV, the infusion's vital signs by time point,
height and pregnancy tests, end-relative timing (--ENRTPT), RE position, EPOCH by date,
ASCII units, QS/RS responses as text, one USUBJID length and TS."""
from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from alsdesk.exchange.sdtm import export_sdtm
from alsdesk.study.companion import companion_file
from tests.exchange_fixtures import demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

SPEC = tomllib.loads(companion_file("sdtm.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported(demo_master, tmp_path_factory):
    # one export for the module (read only): a copy of the augmented demo
    folder = tmp_path_factory.mktemp("sdtmmore")
    for suffix in ("", "-wal"):
        src = Path(str(demo_master) + suffix)
        if src.exists():
            shutil.copy(src, str(folder / "demo.db") + suffix)
    with open_as(folder / "demo.db", "monitor") as st:
        export_sdtm(st, folder / "sdtm")
        yield st, folder / "sdtm"


def _read(folder, name):
    return pyreadstat.read_xport(str(folder / f"{name}.xpt"), encoding="utf-8")


def _rows(st, sql: str) -> list[tuple]:
    """(subject code, *columns) of the live instances of a form table `t`."""
    return [tuple(r) for r in st.conn.execute(
        sql + " JOIN form_instances fi ON fi.id = t.instance_id JOIN subjects s ON s.id = "
              "fi.subject_id WHERE fi.status != 'deleted' ORDER BY s.code")]


def test_dv_holds_every_logged_deviation_with_its_supplemental_answers(exported):
    st, folder = exported
    dv = _read(folder, "dv")[0]
    stored = _rows(st, "SELECT s.code, t.dvterm, t.dvcat, t.dvdat, t.dvimp, t.dvaction "
                       "FROM dv t")
    assert stored  # the demo logs deviations
    got = sorted((u.split("-")[-1], term, cat, dtc) for u, term, cat, dtc in
                 dv[["USUBJID", "DVTERM", "DVCAT", "DVSTDTC"]].itertuples(index=False))
    assert got == sorted((c, term, cat, dat or "") for c, term, cat, dat, _, _ in stored)
    assert list(dv.columns[:4]) == ["STUDYID", "DOMAIN", "USUBJID", "DVSEQ"]
    supp = _read(folder, "suppdv")[0]
    imp = sorted((u.split("-")[-1], v) for u, q, v in
                 supp[["USUBJID", "QNAM", "QVAL"]].itertuples(index=False) if q == "DVIMP")
    assert imp == sorted((c, i) for c, _, _, _, i, _ in stored if i is not None)


INFVS = next(s for s in SPEC["domains"]["VS"]["sources"] if s["form"] == "infvs")


def test_infusion_vital_signs_are_vs_records_at_each_time_point(exported):
    st, folder = exported
    vs = _read(folder, "vs")[0]
    at = vs[vs.VSTPT != ""]
    assert set(at.VISITNUM) == {SPEC["events"]["infusion"]["visitnum"]}
    points = {p["tpt"]: p for p in INFVS["timepoints"]}
    starts = dict(_rows(st, "SELECT s.code, t.infstdtc FROM inf t"))
    tests = {k: v["testcd"] for k, v in INFVS["tests"].items()}
    checked = 0
    for p in INFVS["timepoints"]:
        cols = ", ".join(f"t.{p['prefix']}_{f}" for f in tests)
        for code, time, *values in _rows(st, f"SELECT s.code, t.{p['time']}, {cols} "
                                             "FROM infvs t"):
            mine = at[(at.USUBJID == f"NCT02492516-{code}") & (at.VSTPT == p["tpt"])]
            got = dict(zip(mine.VSTESTCD, mine.VSSTRESN))
            want = {tests[f]: float(v) for f, v in zip(tests, values) if v is not None}
            assert got == pytest.approx(want), (code, p["tpt"])
            day = starts[code][:10]
            assert set(mine.VSDTC) <= {f"{day}T{time[:5]}" if time else day}
            assert set(mine.VSRFTDTC) == {starts[code]} if len(mine) else True
            assert set(mine.VSTPTNUM) <= {p["tptnum"]}
            assert set(mine.VSELTM) <= {p.get("eltm", "")}
            checked += len(mine)
    assert checked == len(at) > 0
    assert set(at.VSTPTREF) == {INFVS["tptref"]}
    assert set(vs[vs.VSTPT == ""].VSTPTNUM.isna()) == {True}  # other sources: no time point
    assert list(vs.columns[-5:]) == ["VSTPT", "VSTPTNUM", "VSELTM", "VSTPTREF", "VSRFTDTC"]
    assert set(points) == set(at.VSTPT)


def test_height_is_a_screening_vs_record_and_pregnancy_tests_are_lb_hcg(exported):
    st, folder = exported
    vs = _read(folder, "vs")[0]
    height = vs[vs.VSTESTCD == "HEIGHT"]
    visits = dict(st.conn.execute(  # the screening visit's date-time dates the height
        "SELECT s.code, t.svstdtc FROM sv t JOIN form_instances fi ON fi.id = t.instance_id "
        "JOIN subjects s ON s.id = fi.subject_id WHERE fi.event = 'screening' AND "
        "fi.status != 'deleted'").fetchall())
    stored = [(c, h) for c, h in _rows(st, "SELECT s.code, t.height FROM dm t") if h is not None]
    assert stored
    got = {u.split("-")[-1]: (n, u2, dtc, v) for u, n, u2, dtc, v in
           height[["USUBJID", "VSSTRESN", "VSORRESU", "VSDTC", "VISITNUM"]].itertuples(
               index=False)}
    for code, h in stored:
        assert got[code] == (float(h), "cm", visits.get(code) or "",
                             SPEC["events"]["screening"]["visitnum"])
    assert len(got) == len(stored)
    lb = _read(folder, "lb")[0]
    hcg = lb[lb.LBTESTCD == "HCG"]
    want = sorted([(c, r, d) for c, r, d in _rows(st, "SELECT s.code, t.pregres, t.pregdat "
                                                    "FROM dm t") if r is not None] +
                  [(c, r, d) for c, r, d in _rows(st, "SELECT s.code, t.ipregres, t.ipregdtc "
                                                    "FROM inf t") if r is not None])
    assert want  # the demo has women of childbearing potential
    assert sorted((u.split("-")[-1], r, d) for u, r, d in
                  hcg[["USUBJID", "LBORRES", "LBDTC"]].itertuples(index=False)) == want
    assert set(hcg.LBCAT) == {"PREGNANCY"}


@pytest.mark.parametrize("code, form, ongo, term", [
    ("AE", "ae", "aeongo", "END OF STUDY"), ("CM", "cm", "cmongo", "END OF STUDY"),
    ("MH", "mh", "mhongo", "SCREENING")])
def test_ongoing_answers_give_enrtpt_and_entpt(exported, code, form, ongo, term):
    st, folder = exported
    df = _read(folder, code.lower())[0]
    stored = [(c, v) for c, v in _rows(st, f"SELECT s.code, t.{ongo} FROM {form} t")]
    got = sorted((u.split("-")[-1], r, t) for u, r, t in
                 df[["USUBJID", f"{code}ENRTPT", f"{code}ENTPT"]].itertuples(index=False))
    want = sorted((c, "ONGOING" if v == "Y" else "", term if v == "Y" else "")
                  for c, v in stored if v is not None)
    assert [g for g in got if g[1] != "U"] == want
    assert any(r == "ONGOING" for _, r, _ in got)


def test_re_has_the_position_of_each_fvc(exported):
    st, folder = exported
    re_ = _read(folder, "re")[0]
    stored = _rows(st, "SELECT s.code, t.fvcdat, t.fvcpos FROM fvc t")
    want = {(c, d, p) for c, d, p in stored if p is not None}
    got = {(u.split("-")[-1], d, p) for u, d, p in
           re_[["USUBJID", "REDTC", "REPOS"]].itertuples(index=False)}
    assert want and got == want
    cols = list(re_.columns)
    assert cols.index("REPOS") == cols.index("RECAT") + 1  # SDTMIG: after --CAT


def test_the_annotations_suppqual_names_are_the_ones_written(exported):
    """Every field annotated SUPP--.QVAL with a QNAM in its help is written under that QNAM
    in that SUPP-- dataset (the infusion is EX/SUPPEX in both)."""
    import re

    from alsdesk.study import load_study
    st, folder = exported
    study = load_study()
    assert study.forms["inf"].domain == "EX"
    checked = 0
    for form in study.forms.values():
        for f in form.fields:
            if not (f.sdtm or "").startswith("SUPP"):
                continue
            qnam = re.search(r"QNAM: (\w+)", f.help or "")
            code = f.sdtm[4:6]
            if qnam is None:
                continue
            assert dict(SPEC["domains"][code]["supp"]).get(qnam[1]) == f.id, (form.id, f.id)
            checked += 1
    assert checked >= 10
    supp = _read(folder, "suppex")[0]
    ex = _read(folder, "ex")[0]
    assert set(ex.USUBJID) >= set(supp.USUBJID)
    counts = _rows(st, "SELECT s.code, t.relcount, t.infvol FROM inf t")
    got = {(u.split("-")[-1], q): v for u, q, v in
           supp[["USUBJID", "QNAM", "QVAL"]].itertuples(index=False)}
    for code, relcount, vol in counts:
        if relcount is not None:
            assert float(got[(code, "EXRELCNT")]) == pytest.approx(relcount)
        if vol is not None:
            assert float(got[(code, "EXVOL")]) == pytest.approx(vol)


def _epoch(dtc: str, start: str, end: str) -> str:
    """[epochs] of sdtm.toml, written apart from the program's: dates compared as dates
    unless both have a time; a partial date compared on the digits it has."""
    e = SPEC["epochs"]
    if not dtc:
        return ""
    if not start:
        return e["before"]
    end = end or start

    def cmp(a: str, b: str) -> int:  # -1 a certainly before b, 1 certainly after, 0 unsure
        if "T" not in a or "T" not in b:
            a, b = a[:10], b[:10]
        n = min(len(a), len(b))
        return (a[:n] > b[:n]) - (a[:n] < b[:n])
    if cmp(dtc, start) < 0:
        return e["before"]
    if cmp(dtc, end) > 0:
        return e["after"]
    return e["during"] if len(dtc) >= 10 else ""


def test_epoch_of_unscheduled_visits_and_events_is_by_date_against_the_infusion(exported):
    st, folder = exported
    dm = _read(folder, "dm")[0].set_index("USUBJID")
    sv = _read(folder, "sv")[0]
    unsched = sv[sv.VISITNUM.between(9, 9.99)]
    assert len(unsched) >= 2  # the fixtures' unscheduled visits
    for u, dtc, epoch in unsched[["USUBJID", "SVSTDTC", "EPOCH"]].itertuples(index=False):
        assert epoch == _epoch(dtc, dm.loc[u, "RFXSTDTC"], dm.loc[u, "RFXENDTC"])
    vs = _read(folder, "vs")[0]
    for u, dtc, epoch in vs[vs.VISITNUM.between(9, 9.99)][
            ["USUBJID", "VSDTC", "EPOCH"]].itertuples(index=False):
        assert epoch == _epoch(dtc, dm.loc[u, "RFXSTDTC"], dm.loc[u, "RFXENDTC"])
    seen = set()
    for code in ("AE", "CM", "DS", "DV"):
        df = _read(folder, code.lower())[0]
        cols = list(df.columns)
        assert cols.index("EPOCH") == cols.index(f"{code}STDTC") - 1
        for u, dtc, epoch in df[["USUBJID", f"{code}STDTC", "EPOCH"]].itertuples(index=False):
            assert epoch == _epoch(dtc, dm.loc[u, "RFXSTDTC"], dm.loc[u, "RFXENDTC"]), \
                (code, u, dtc)
            seen.add(epoch)
    assert {"SCREENING", "FOLLOW-UP"} <= seen


def test_units_in_the_datasets_are_ascii_as_sdtm_toml_maps_them(exported):
    st, folder = exported
    units = SPEC["units"]
    for name in ("vs", "lb", "re", "qs", "rs"):
        df = _read(folder, name)[0]
        code = name.upper()
        for col in (f"{code}ORRESU", f"{code}STRESU"):
            assert all(u.isascii() for u in df[col]), (name, col)
    vs = _read(folder, "vs")[0]
    assert set(vs[vs.VSTESTCD == "TEMP"].VSORRESU) == {units["°C"]}
    lb = _read(folder, "lb")[0]
    assert set(lb[lb.LBTESTCD == "WBC"].LBSTRESU) == {units["× 10³/µL"]}
    stored = {f.id: f.unit for f in st.study.forms["lb"].fields}
    for testcd, unit in lb[["LBTESTCD", "LBORRESU"]].drop_duplicates().itertuples(index=False):
        fid = next((k for k, t in SPEC["domains"]["LB"]["sources"][0]["tests"].items()
                    if t["testcd"] == testcd), None)
        if fid:
            assert unit == units.get(stored[fid], stored[fid] or "")


def test_a_unit_that_is_not_ascii_needs_its_sdtm_unit(tmp_path):
    from alsdesk.errors import DefinitionError
    from alsdesk.exchange.sdtm.spec import load_spec
    from alsdesk.study import load_study
    text = companion_file("sdtm.toml").read_text(encoding="utf-8")
    bad = tmp_path / "sdtm.toml"
    bad.write_text(text.replace('"°C" = "C"\n', ""), encoding="utf-8")
    with pytest.raises(DefinitionError, match="not ASCII"):
        load_spec(load_study(), bad)


def test_usubjid_has_one_length_in_every_dataset_the_longest_ones(exported):
    st, folder = exported
    longest = max(len(f"{st.study.id}-{s.code}".encode("utf-8")) for s in st.subjects.list())
    widths = {}
    for path in folder.glob("*.xpt"):
        df, meta = _read(folder, path.stem)
        widths[path.stem] = meta.variable_storage_width["USUBJID"]
        assert all(u.startswith(f"{st.study.id}-") for u in df.USUBJID)
    assert set(widths.values()) == {longest}, widths
    dm = _read(folder, "dm")[0]  # DM's short records are still all read (the card rule)
    assert len(dm) == len(st.subjects.list())


@pytest.mark.parametrize("code, form", [("QS", "alsfrs"), ("RS", "gcs")])
def test_item_responses_are_their_text_in_orres_and_their_score_in_stresn(exported, code,
                                                                          form):
    st, folder = exported
    df = _read(folder, code.lower())[0]
    src = SPEC["domains"][code]["sources"][0]
    fields = {f.id: f for f in st.study.forms[form].fields}
    checked = 0
    for fid, t in src["tests"].items():
        f = fields[fid]
        for c, d, v in _rows(st, f"SELECT s.code, t.{src['date']}, t.{fid} FROM {form} t"):
            if v is None:
                continue
            got = df[(df.USUBJID == f"{st.study.id}-{c}") & (df[f"{code}TESTCD"] == t["testcd"])
                     & (df[f"{code}DTC"] == d)]
            assert len(got) == 1, (c, fid)
            row = got.iloc[0]
            assert row[f"{code}ORRES"] == f.codelist.label_of(v)
            assert (row[f"{code}STRESC"], row[f"{code}STRESN"]) == (str(v), float(v))
            checked += 1
    assert checked > 20


def test_the_baseline_visit_is_before_the_infusion_and_epochs_follow_the_clock(demo_db,
                                                                              tmp_path):
    """The baseline visit (day 0, before the infusion) has dates without a time on the day
    of the infusion: its records are the last before exposure, as the analysis table's
    baseline; the infusion visit's records take the EPOCH of their own date-time."""
    from alsdesk.demo import DEMO_PASSWORD
    from alsdesk.exchange.analysis import export_analysis
    from alsdesk.store import Store

    with Store.open(demo_db) as st:
        st.login("nurse", DEMO_PASSWORD)
        day0 = st.forms.get("S006", "infusion", "inf").values["infstdtc"][:10]
        items = dict(q1=4, q2=4, q3=4, q4=3, q5a=2, q6=3, q7=3, q8=3, q9=3, q10=4, q11=4,
                     q12=4)
        st.forms.save("S006", "baseline", "alsfrs", {**items, "qsdat": day0, "gastro": "N"})
        st.logout()
        st.login("monitor", DEMO_PASSWORD)
        export_sdtm(st, tmp_path / "sdtm")
        export_analysis(st, tmp_path / "an")
    qs, _ = _read(tmp_path / "sdtm", "qs")
    total = qs[(qs.USUBJID == "NCT02492516-S006") & (qs.QSTESTCD == "ALSFRS13")]
    flagged = total[total.QSLOBXFL == "Y"]
    assert flagged.VISIT.tolist() == ["Baseline (day 0, before infusion)"]
    an = pd.read_csv(tmp_path / "an" / "subjects.csv", keep_default_na=False)
    assert float(an[an.subject == "S006"].alsfrs_bl.iloc[0]) == flagged.QSSTRESN.iloc[0]
    dm, _ = _read(tmp_path / "sdtm", "dm")
    vs, _ = _read(tmp_path / "sdtm", "vs")
    ref = dm.set_index("USUBJID")
    infusion = vs[(vs.VISITNUM == 3) & vs.VSDTC.str.contains("T")]
    assert len(infusion)
    for _, row in infusion.iterrows():
        start, end = ref.RFXSTDTC[row.USUBJID], ref.RFXENDTC[row.USUBJID] or \
            ref.RFXSTDTC[row.USUBJID]
        if "T" in start and row.VSDTC < start[:16]:
            assert row.EPOCH == "SCREENING", row.to_dict()
        elif "T" in end and row.VSDTC > end[:16]:
            assert row.EPOCH == "FOLLOW-UP", row.to_dict()
        else:
            assert row.EPOCH == "TREATMENT", row.to_dict()


def test_variables_carry_sdtmig_labels_not_crf_questions(exported):
    _, folder = exported
    want = {"ex": {"EXTRT": "Name of Treatment", "EXDOSU": "Dose Units"},
            "cm": {"CMTRT": "Reported Name of Drug, Med, or Therapy", "CMINDC": "Indication"},
            "mh": {"MHTERM": "Reported Term for the Medical History"},
            "vs": {"VSTESTCD": "Vital Signs Test Short Name", "VSDTC":
                   "Date/Time of Measurements"},
            "lb": {"LBDTC": "Date/Time of Specimen Collection"},
            "qs": {"QSTEST": "Question Name"}}
    for name, labels in want.items():
        _, meta = _read(folder, name)
        got = dict(zip(meta.column_names, meta.column_labels))
        assert {v: got[v] for v in labels} == labels, name
