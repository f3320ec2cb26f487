"""What an SDTMIG 3.4 reader expects in the SDTM datasets, read back with pyreadstat and
checked against the store: DM's reference dates, AGE, death flag and arm (ARMNRS of the
demo's screen failures), --LOBXFL on the last pre-infusion result, AEDECOD and the
seriousness criteria, DS's consent and screen-failure records, IE's criteria not met."""
from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from alsdesk.clinical.dates import age_on
from alsdesk.exchange.sdtm import export_sdtm
from alsdesk.exchange.sdtm.findings import before
from alsdesk.study.companion import companion_file
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

SPEC = tomllib.loads(companion_file("sdtm.toml").read_text(encoding="utf-8"))
DM = SPEC["domains"]["DM"]


@pytest.fixture
def exported(demo_db, tmp_path):
    # S007 (in screening) found eligible, not yet infused: assigned to the arm, not treated
    with open_as(demo_db, "nurse") as st:
        st.forms.save("S007", "screening", "ie", {
            "inc_age": "Y", "inc_sals": "Y", "inc_alsfrs": "Y", "inc_fvc": "Y",
            "exc_fals": "N", "exc_malig": "N", "exc_autoimm": "N", "exc_mnd": "N",
            "eligible": "Y", "iedat": "2026-02-18"})
    with open_as(demo_db, "monitor") as st:
        export_sdtm(st, tmp_path / "sdtm")
        yield st, tmp_path / "sdtm"


def _read(folder, name):
    return pyreadstat.read_xport(str(folder / f"{name}.xpt"), encoding="utf-8")[0]


def _by_subject(st, sql: str) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in st.conn.execute(
        sql + " JOIN form_instances fi ON fi.id = t.instance_id JOIN subjects s ON s.id = "
              "fi.subject_id WHERE fi.status != 'deleted'")}


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text) if "T" in text else \
        dt.datetime.fromisoformat(text[:10])


def test_dm_holds_the_sdtmig_variables_in_order_with_the_stores_dates(exported):
    st, folder = exported
    dm = _read(folder, "dm").set_index("SUBJID", drop=False)
    assert list(dm.columns) == DM["order"]
    birth = _by_subject(st, "SELECT s.code, t.brthdat FROM dm t")
    consent = _by_subject(st, "SELECT s.code, t.icdat FROM ic t")
    inf = _by_subject(st, "SELECT s.code, t.infstdtc, t.infendtc FROM inf t")
    eos = _by_subject(st, "SELECT s.code, t.eosdat, t.dthdat FROM eos t")
    for code, row in dm.iterrows():
        assert row.RFICDTC == consent[code][0]
        assert (row.RFXSTDTC, row.RFXENDTC) == inf.get(code, ("", ""))
        assert row.RFSTDTC == row.RFXSTDTC  # one infusion: first exposure = reference start
        assert row.RFENDTC == (eos[code][0] if code in eos and code in inf else "")
        b, c = dt.date.fromisoformat(birth[code][0]), dt.date.fromisoformat(consent[code][0])
        assert row.AGE == age_on(b, c)
        assert (row.AGEU, row.COUNTRY, row.SITEID) == (DM["constants"]["AGEU"],
                                                        DM["constants"]["COUNTRY"],
                                                        DM["constants"]["SITEID"])
        dead = code in eos and eos[code][1] is not None
        assert (row.DTHFL, row.DTHDTC) == (("Y", eos[code][1]) if dead else ("", ""))
    assert dm.loc["S004", "DTHFL"] == "Y"  # the demo's death
    assert dm.loc["S001", "AGE"] == 56  # the demo's screen failure for age


def test_arm_and_armnrs_follow_the_subjects_status_and_infusion(exported):
    st, folder = exported
    dm = _read(folder, "dm").set_index("SUBJID")
    arm = DM["arm"]
    status = dict(st.conn.execute("SELECT code, status FROM subjects"))
    infused = set(_by_subject(st, "SELECT s.code, t.infstdtc FROM inf t"))
    seen = set()
    for code, row in dm.iterrows():
        got = (row.ARMCD, row.ARM, row.ACTARMCD, row.ACTARM, row.ARMNRS)
        if code in infused:
            assert got == (arm["armcd"], arm["arm"], arm["armcd"], arm["arm"], "")
        elif status[code] == "screen failure":
            assert got == ("", "", "", "", "SCREEN FAILURE")
        else:
            assert code == "S007"  # found eligible in the fixture, no infusion yet
            assert got == (arm["armcd"], arm["arm"], "", "", "ASSIGNED, NOT TREATED")
        seen.add(row.ARMNRS)
    assert seen == {"", "SCREEN FAILURE", "ASSIGNED, NOT TREATED"}
    assert dm.loc[["S001", "S002"], "ARMNRS"].tolist() == ["SCREEN FAILURE"] * 2


def test_rfpendtc_is_the_latest_date_of_the_subjects_records(exported):
    st, folder = exported
    dm = _read(folder, "dm").set_index("SUBJID")
    latest: dict[str, str] = {}
    for path in folder.glob("*.xpt"):
        if path.stem.startswith("supp") or path.stem == "dm":
            continue
        df = _read(folder, path.stem)
        for col in (c for c in df.columns if c.endswith("DTC")):
            for usubjid, value in zip(df.USUBJID, df[col]):
                code = usubjid.split("-", 1)[1]
                if value and value > latest.get(code, ""):
                    latest[code] = value
    # IE keeps only criteria not met, but the eligibility form's date is a record date too
    for code, (iedat,) in _by_subject(st, "SELECT s.code, t.iedat FROM ie t").items():
        latest[code] = max(latest.get(code, ""), iedat or "")
    for code, row in dm.iterrows():
        assert row.RFPENDTC == max(latest.get(code, ""), row.RFICDTC, row.DMDTC)
        assert row.RFPENDTC >= (row.RFENDTC or "")
    assert dm.loc["S003", "RFPENDTC"][:10] == dm.loc["S003", "RFENDTC"]  # month 12 = end


def test_lobxfl_flags_the_last_result_before_the_infusion(exported):
    st, folder = exported
    dm = _read(folder, "dm").set_index("USUBJID")
    checked = 0
    for code in ("VS", "LB", "QS", "RS", "RE"):
        df = _read(folder, code.lower())
        p = code
        assert f"{p}LOBXFL" in df.columns
        for (usubjid, cat, testcd), rows in df.groupby(["USUBJID", f"{p}CAT", f"{p}TESTCD"]):
            ref = dm.loc[usubjid, "RFXSTDTC"]
            flagged = rows[rows[f"{p}LOBXFL"] == "Y"]
            if not ref:
                assert flagged.empty  # no exposure, no flag
                continue

            def is_before(dtc: str) -> bool:  # the rule, written apart from the program's
                if not dtc:
                    return False
                if "T" in dtc and "T" in ref:
                    return _when(dtc) < _when(ref)
                return dt.date.fromisoformat(dtc[:10]) < dt.date.fromisoformat(ref[:10])

            cand = rows[(rows[f"{p}STAT"] != "NOT DONE") & rows[f"{p}DTC"].map(is_before)]
            if cand.empty:
                assert flagged.empty
                continue
            last = max(_when(v) for v in cand[f"{p}DTC"])
            assert len(flagged) == 1, (usubjid, testcd)
            assert _when(flagged[f"{p}DTC"].iloc[0]) == last
            checked += 1
    assert checked > 50
    vs = _read(folder, "vs")
    pre = vs[(vs.USUBJID == "NCT02492516-S003") & (vs.VSLOBXFL == "Y")]
    # the infusion's pre-infusion time point is the last before it; the weight is baseline's
    # (the infusion form's weight is dated with the infusion start, not before it)
    assert set(pre[~pre.VSTESTCD.isin(["WEIGHT", "HEIGHT"])].VSTPT) == {"PRE-INFUSION"}
    assert set(pre[pre.VSTESTCD == "WEIGHT"].VISIT) == {"Baseline (day 0, before infusion)"}
    assert not (_read(folder, "ie").columns.str.endswith("LOBXFL")).any()


def test_the_before_rule_compares_times_only_when_both_have_one():
    assert before("2026-01-01T08:00", "2026-01-01T10:00")
    assert not before("2026-01-01T10:00", "2026-01-01T10:00")
    assert not before("2026-01-01", "2026-01-01T10:00")  # same day, no time: not before
    assert not before("2026-01-01T08:00", "2026-01-01")
    assert before("2025-12-31", "2026-01-01T10:00")
    assert before("2025-11", "2026-01-01") and not before("2026-01", "2026-01-05")
    assert not before("", "2026-01-01") and not before("2026-01-01", "")


def test_ae_has_aedecod_seriousness_criteria_and_start_times(exported):
    st, folder = exported
    ae = _read(folder, "ae")
    stored = list(st.conn.execute(
        "SELECT s.code, t.aeterm, t.ctcae_term, t.aestdat, t.aesttim, t.aesdth, t.aeslife, "
        "t.aeshosp, t.aesdisab, t.aescong, t.aesmie, t.aetoxgr FROM ae t JOIN form_instances "
        "fi ON fi.id = t.instance_id JOIN subjects s ON s.id = fi.subject_id WHERE "
        "fi.status != 'deleted'"))
    assert stored
    for code, term, decod, stdat, sttim, *crit, grade in stored:
        row = ae[(ae.USUBJID == f"{st.study.id}-{code}") &
                 ae.AETERM.map(lambda t: term.startswith(t))].iloc[0]
        assert row.AEDECOD == (decod or "")
        want = f"{stdat}T{sttim}" if sttim and stdat and len(stdat) == 10 else (stdat or "")
        assert row.AESTDTC == want
        assert [row[v] for v in ("AESDTH", "AESLIFE", "AESHOSP", "AESDISAB", "AESCONG",
                                 "AESMIE")] == [c or "" for c in crit]
        assert row.AETOXGR == ("" if grade is None else str(grade))  # character in SDTM
    assert (ae.AEDECOD == "Thromboembolic event").sum() >= 2  # CTCAE v5.0 codes a PE so
    assert ae.AESTDTC.str.contains("T").any()  # the demo's headache at 14:30
    supp = _read(folder, "suppae")
    assert not set(supp.QNAM) & {"AESDTH", "AESHOSP", "AESLIFE"}


def test_ds_has_consent_milestones_and_screen_failure_dispositions(exported):
    st, folder = exported
    ds = _read(folder, "ds")
    dm = _read(folder, "dm").set_index("USUBJID")
    ie = _by_subject(st, "SELECT s.code, t.iedat FROM ie t")
    consent = ds[ds.DSDECOD == "INFORMED CONSENT OBTAINED"]
    assert set(consent.DSCAT) == {"PROTOCOL MILESTONE"}
    assert dict(zip(consent.USUBJID, consent.DSSTDTC)) == \
        {u: r.RFICDTC for u, r in dm.iterrows() if r.RFICDTC}
    fail = ds[ds.DSDECOD == "SCREEN FAILURE"]
    assert sorted(fail.USUBJID) == [f"{st.study.id}-S001", f"{st.study.id}-S002"]
    assert set(fail.DSCAT) == {"DISPOSITION EVENT"}
    assert fail.DSSTDTC.tolist() == [ie[u.split("-", 1)[1]][0] for u in fail.USUBJID]
    events = ds[ds.DSCAT == "DISPOSITION EVENT"]
    assert (events.DSTERM != "").all()  # DSTERM is required: "COMPLETED" has no reason asked
    assert events[events.DSDECOD == "COMPLETED"].DSTERM.tolist() == ["COMPLETED"]
    for _, rows in ds.groupby("USUBJID"):  # numbered in date order, consent first
        assert rows.DSSEQ.tolist() == list(range(1, len(rows) + 1))
        assert rows.iloc[0].DSDECOD == "INFORMED CONSENT OBTAINED"


def test_ie_holds_only_the_criteria_not_met_and_sv_has_no_seq(exported):
    st, folder = exported
    ie = _read(folder, "ie")
    assert set(zip(ie.IECAT, ie.IEORRES)) <= {("INCLUSION", "N"), ("EXCLUSION", "Y")}
    assert sorted(ie.USUBJID.str[-4:]) == ["S001", "S002"]  # the two screen failures
    assert {"IESTAT", "IESTRESN", "IEORRESU"}.isdisjoint(ie.columns)
    sv = _read(folder, "sv")
    assert "SVSEQ" not in sv.columns
    assert list(sv.columns) == SPEC["domains"]["SV"]["order"]
