"""SDTM datasets (alsdesk export sdtm) read back with pyreadstat and pandas.read_sas and
compared with what the store holds: values, labels, missing codes, study days, visit numbers,
and the ALSFRS-R change from baseline to month 12 against the core's own scores."""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from alsdesk.clinical import alsfrs
from alsdesk.exchange import ExportError, ExportOptions
from alsdesk.exchange.sdtm import export_sdtm
from alsdesk.exchange.xpt import CHARS
from alsdesk.study.companion import companion_file
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

SPEC = tomllib.loads(companion_file("sdtm.toml").read_text(encoding="utf-8"))
# an AE term of 190 Persian characters: ~340 bytes in UTF-8, over XPT v5's 200
LONG = ("سردرد شدید پس از تزریق، همراه با تهوع " * 6)[:189] + "X"


def _rows(st, sql: str) -> list[tuple]:
    return list(st.conn.execute(sql))


@pytest.fixture
def exported(demo_db, tmp_path):
    st = open_as(demo_db, "nurse")
    try:
        st.forms.save("S006", "logs", "ae", {"aeterm": LONG, "aestdat": "2026-01", "aeongo": "Y",
                                             "aesev": "MILD", "aetoxgr": 1, "aeser": "N",
                                             "aerel": "NOT RELATED", "aeacn": "NOT APPLICABLE",
                                             "aeout": "NOT RECOVERED/NOT RESOLVED",
                                             "aethromb": "N"}, repeat=None)
    finally:
        st.close()
    st = open_as(demo_db, "monitor")
    try:
        export_sdtm(st, tmp_path / "sdtm")
        yield st, tmp_path / "sdtm"
    finally:
        st.close()


def _read(folder: Path, name: str):
    df, meta = pyreadstat.read_xport(str(folder / f"{name}.xpt"), encoding="utf-8")
    return df, meta


def _ref_starts(st) -> dict[str, str]:
    return dict(_rows(st, "SELECT s.code, i.infstdtc FROM inf i JOIN form_instances fi ON "
                          "fi.id = i.instance_id JOIN subjects s ON s.id = fi.subject_id "
                          "WHERE fi.status != 'deleted' AND i.infstdtc IS NOT NULL"))


def _day(dtc: str, ref: str) -> int:
    days = (dt.date.fromisoformat(dtc[:10]) - dt.date.fromisoformat(ref[:10])).days
    return days + 1 if days >= 0 else days  # SDTM: no day 0


def test_every_dataset_reads_back_the_same_with_both_readers(exported):
    st, folder = exported
    files = sorted(folder.glob("*.xpt"))
    assert {f.stem for f in files} >= {d.lower() for d in SPEC["domains"]} - {"ds"} | {"suppae"}
    for path in files:
        df, meta = pyreadstat.read_xport(str(path), encoding="utf-8")
        other = pd.read_sas(path, format="xport", encoding="utf-8")
        assert list(other.columns) == list(df.columns)
        assert len(other) == len(df) > 0
        for col in df.columns:
            a = df[col].tolist()
            b = other[col].tolist()
            if pd.api.types.is_numeric_dtype(df[col]):
                # pandas reads an IBM zero (8 zero bytes) as 16**-65 = 5.4e-79: a zero
                # normal range limit (LBSTNRLO) is the first 0 written; pyreadstat reads 0.0
                b = [0.0 if isinstance(v, float) and abs(v) < 1e-70 else v for v in b]
            assert [None if isinstance(v, float) and pd.isna(v) else v for v in a] == \
                   [None if isinstance(v, float) and pd.isna(v) else v for v in b], col
        assert meta.table_name == path.stem.upper() and len(meta.table_name) <= 8
        assert all(len(c) <= 8 for c in df.columns)
        assert all(len(label.encode("utf-8")) <= 40 for label in meta.column_labels)
        for col in df.columns:
            if not pd.api.types.is_numeric_dtype(df[col]):
                assert df[col].map(lambda v: len(v.encode("utf-8"))).max() <= CHARS
        code = path.stem.upper()
        if code in SPEC["domains"]:
            assert meta.file_label == SPEC["domains"][code]["label"]
            labels = dict(zip(df.columns, meta.column_labels))
            assert labels["USUBJID"] == SPEC["labels"]["USUBJID"]
            if f"{code}SEQ" in labels:
                assert labels[f"{code}SEQ"] == SPEC["labels"]["--SEQ"]
        assert set(df["USUBJID"]) <= {f"{st.study.id}-{s}" for (s,) in
                                      _rows(st, "SELECT code FROM subjects")}


def test_vital_signs_match_the_store_with_missing_codes_and_visit_numbers(exported):
    st, folder = exported
    vs, _ = _read(folder, "vs")
    tests = SPEC["domains"]["VS"]["sources"][0]["tests"]
    events = SPEC["events"]
    units = {f.id: f.unit for f in st.study.forms["vs"].fields}
    stored = _rows(st, "SELECT s.code, fi.event, fi.event_repeat, v.* FROM vs v JOIN "
                       "form_instances fi ON fi.id = v.instance_id JOIN subjects s ON "
                       "s.id = fi.subject_id WHERE fi.status != 'deleted'")
    names = [d[0] for d in st.conn.execute("SELECT * FROM vs").description]
    checked = not_done = 0
    for code, event, rep, *values in stored:
        rec = dict(zip(names, values))
        for fid, t in tests.items():
            got = vs[(vs.USUBJID == f"{st.study.id}-{code}") & (vs.VSTESTCD == t["testcd"])
                     & (vs.VSDTC == (rec["vsdtc"] or ""))]
            if rec[fid] is None and not rec.get(f"{fid}__missing"):
                assert got.empty
                continue
            assert len(got) == 1, (code, event, fid)
            row = got.iloc[0]
            step = events[event].get("repeat_step", 0)
            assert row.VISITNUM == pytest.approx(events[event]["visitnum"] + rep * step)
            # an unscheduled visit's EPOCH is by its date (test_exchange_sdtm_more checks it)
            assert row.EPOCH == events[event].get("epoch", row.EPOCH) and row.EPOCH
            if rec[fid] is None:
                assert row.VSSTAT == "NOT DONE" and row.VSORRES == ""
                assert row.VSREASND == next(m.label for m in st.study.missing_codes
                                            if m.code == rec[f"{fid}__missing"])
                assert pd.isna(row.VSSTRESN)
                not_done += 1
            else:
                assert row.VSSTRESN == pytest.approx(rec[fid])
                assert float(row.VSORRES) == pytest.approx(rec[fid])
                # the field's unit, in ASCII as sdtm.toml's [units] gives it ("°C" -> "C")
                assert row.VSORRESU == row.VSSTRESU == SPEC["units"].get(units[fid],
                                                                         units[fid])
                assert row.VSSTAT == ""
            checked += 1
    assert checked > 50 and not_done >= 2  # the fixture's S005 unscheduled sysbp/diabp ND
    unscheduled = vs[vs.VISIT.str.startswith("Unscheduled visit")]
    assert sorted(unscheduled.VISITNUM.unique()) == pytest.approx([9.01, 9.02])
    # VISIT names one VISITNUM (SDTMIG): the repeats are numbered
    assert dict(zip(unscheduled.VISITNUM.round(2), unscheduled.VISIT)) == {
        9.01: "Unscheduled visit 1", 9.02: "Unscheduled visit 2"}


def test_study_days_count_from_the_infusion_with_no_day_zero(exported):
    st, folder = exported
    ref = _ref_starts(st)
    sv, _ = _read(folder, "sv")
    ae, _ = _read(folder, "ae")
    dm, _ = _read(folder, "dm")
    assert dict(zip(dm.SUBJID, dm.RFSTDTC)) == {s: ref.get(s, "") for s in dm.SUBJID}
    seen = set()
    for frame, dtc, dy in ((sv, "SVSTDTC", "SVSTDY"), (ae, "AESTDTC", "AESTDY")):
        for _, row in frame.iterrows():
            subject = row.USUBJID.split("-", 1)[1]
            if subject in ref and len(row[dtc]) >= 10:
                assert row[dy] == _day(row[dtc], ref[subject])
                seen.add(int(row[dy]) > 0)
            else:
                assert pd.isna(row[dy])  # partial date or no infusion: no study day
    assert seen == {True, False}  # days before and after the infusion were both checked
    assert 0 not in set(sv.SVSTDY.dropna()) | set(ae.AESTDY.dropna())
    infusion = sv[sv.VISIT == "Infusion (day 0)"]
    assert set(infusion.SVSTDY.dropna()) == {1}


def test_alsfrs_change_from_baseline_to_month_12_matches_the_core(exported):
    st, folder = exported
    qs = pd.read_sas(folder / "qs.xpt", format="xport", encoding="utf-8")
    total = SPEC["domains"]["QS"]["sources"][0]["derived"]["total"]["testcd"]
    derived = qs[(qs.QSTESTCD == total) & (qs.QSDRVFL == "Y")]
    assert (qs[qs.QSDRVFL != "Y"].QSCAT == "ALSFRS-R").all()
    names = [d[0] for d in st.conn.execute("SELECT * FROM alsfrs").description]
    core: dict[tuple[str, str], int | None] = {}
    for code, event, *values in _rows(
            st, "SELECT s.code, fi.event, a.* FROM alsfrs a JOIN form_instances fi ON fi.id = "
                "a.instance_id JOIN subjects s ON s.id = fi.subject_id WHERE fi.status != "
                "'deleted'"):
        rec = dict(zip(names, values))
        core[(code, event)] = alsfrs.score({k: rec.get(k) for k in alsfrs.ITEMS}).total
    # baseline as the analysis table defines it: the first of these events holding a score
    order = tomllib.loads(companion_file("analysis.toml").read_text("utf-8"))["baseline"]
    label = {e.id: e.label for e in st.study.events}
    compared = 0
    for code in {c for c, _ in core}:
        base_event = next((e for e in order if core.get((code, e)) is not None), None)
        m12 = core.get((code, "m12"))
        rows = derived[derived.USUBJID == f"{st.study.id}-{code}"].set_index("VISIT").QSSTRESN
        if base_event is None or m12 is None:
            assert "Month 12" not in rows.index or m12 is None
            continue
        base = core[(code, base_event)]
        assert rows["Month 12"] - rows[label[base_event]] == m12 - base
        compared += 1
    assert compared >= 1
    # the derived totals are the sums of the item records of the same visit
    items = qs[qs.QSDRVFL != "Y"].groupby(["USUBJID", "VISITNUM"]).QSSTRESN.sum()
    for _, row in derived.iterrows():
        assert items[(row.USUBJID, row.VISITNUM)] == row.QSSTRESN


def test_text_over_200_bytes_continues_in_supp_and_reads_back_whole(exported):
    st, folder = exported
    ae, _ = _read(folder, "ae")
    supp = pd.read_sas(folder / "suppae.xpt", format="xport", encoding="utf-8")
    row = ae[ae.USUBJID == f"{st.study.id}-S006"].iloc[0]
    rest = supp[(supp.USUBJID == row.USUBJID) & (supp.IDVARVAL == str(int(row.AESEQ)))
                & supp.QNAM.str.startswith("AETERM")]
    assert rest.QNAM.tolist() == [f"AETERM{n}" for n in range(1, len(rest) + 1)]
    assert row.AETERM + "".join(rest.QVAL) == LONG.rstrip()  # SAS drops trailing blanks
    assert len(row.AETERM.encode("utf-8")) <= CHARS


def test_only_the_selection_is_exported(demo_db, tmp_path):
    st = open_as(demo_db, "monitor")
    try:
        export_sdtm(st, tmp_path / "one", ExportOptions(subjects=("S003",)))
        # a choice of forms would leave DM, EPOCH and the study days without their sources
        with pytest.raises(ExportError, match="SDTM datasets depend on each other"):
            export_sdtm(st, tmp_path / "two", ExportOptions(forms=("ae",)))
    finally:
        st.close()
    for name in ("dm", "vs", "ae"):
        rows, _ = _read(tmp_path / "one", name)
        assert set(rows.USUBJID) == {"NCT02492516-S003"}
    vs, _ = _read(tmp_path / "one", "vs")
    assert vs.VSDY.notna().any()
    assert not (tmp_path / "two").exists() or not any((tmp_path / "two").iterdir())


def test_cli_writes_the_datasets_logs_the_export_and_refuses_a_nurse(demo_db, tmp_path):
    from click.testing import CliRunner

    from alsdesk.cli import main
    from alsdesk.demo import DEMO_PASSWORD
    from alsdesk.store.audit import rows

    def run(*args):
        return CliRunner().invoke(main, ["--db", str(demo_db), *args],
                                  input=f"{DEMO_PASSWORD}\n", catch_exceptions=False)

    out = tmp_path / "cli"
    result = run("export", "sdtm", "--out", str(out), "--subjects", "S003", "--as", "monitor",
                 "--password-stdin")
    assert result.exit_code == 0, result.output
    assert {"dm.xpt", "qs.xpt", "ae.xpt"} <= {p.name for p in out.glob("*.xpt")}
    st = open_as(demo_db, "monitor")
    try:
        assert [r for r in rows(st.conn) if r["action"] == "data.export"][-1]
    finally:
        st.close()
    refused = run("export", "sdtm", "--out", str(tmp_path / "n"), "--as", "nurse",
                  "--password-stdin")
    assert refused.exit_code != 0 and "Traceback" not in refused.output
    assert not (tmp_path / "n").exists() or not any((tmp_path / "n").iterdir())


def test_collected_values_without_a_standard_variable_go_to_supp(exported):
    st, folder = exported
    supp = pd.read_sas(folder / "suppae.xpt", format="xport", encoding="utf-8")
    ae, _ = _read(folder, "ae")
    qnams = SPEC["domains"]["AE"]["supp"]
    stored = _rows(st, "SELECT s.code, a.aeterm, " + ", ".join(f"a.{f}" for f in qnams.values())
                   + " FROM ae a JOIN form_instances fi ON fi.id = a.instance_id JOIN subjects "
                   "s ON s.id = fi.subject_id WHERE fi.status != 'deleted'")
    checked = 0
    for code, term, *values in stored:
        subject = f"{st.study.id}-{code}"
        # the record whose AETERM is this term (or its first 200 bytes)
        seq = ae[(ae.USUBJID == subject) & ae.AETERM.map(term.startswith)].AESEQ.iloc[0]
        for qnam, value in zip(qnams, values):
            got = supp[(supp.USUBJID == subject) & (supp.QNAM == qnam)
                       & (supp.IDVARVAL == str(int(seq)))]
            if value is None:
                assert got.empty
            else:
                assert got.QVAL.tolist() == [str(value)]
                checked += 1
    assert checked >= 3


def test_demographics_match_the_store_without_padding(exported):
    st, folder = exported
    dm = pd.read_sas(folder / "dm.xpt", format="xport", encoding="utf-8")
    stored = {c: (b or "", s or "", e or "") for c, b, s, e in _rows(
        st, "SELECT s.code, d.brthdat, d.sex, d.ethnic FROM subjects s LEFT JOIN "
            "form_instances fi ON fi.subject_id = s.id AND fi.form = 'dm' AND fi.status != "
            "'deleted' LEFT JOIN dm d ON d.instance_id = fi.id")}
    assert dict(zip(dm.SUBJID, zip(dm.BRTHDTC, dm.SEX, dm.ETHNIC))) == stored
    assert set(dm.STUDYID) == {st.study.id}
    assert dm.USUBJID.tolist() == [f"{st.study.id}-{c}" for c in dm.SUBJID]


def test_raw_form_files_keep_their_last_row_in_pandas(demo_db, tmp_path):
    """A raw sv.xpt's records are shorter than a card and its last one ended in blank text:
    pandas took it for padding until records were widened (alsdesk.exchange.xpt)."""
    from alsdesk.exchange.xpt import export_xpt

    st = open_as(demo_db, "monitor")
    try:
        export_xpt(st, tmp_path / "raw")
    finally:
        st.close()
    for path in sorted((tmp_path / "raw").glob("*.xpt")):
        ours, _ = pyreadstat.read_xport(str(path), encoding="utf-8")
        theirs = pd.read_sas(path, format="xport", encoding="utf-8")
        assert len(theirs) == len(ours), path.name
        if len(ours):  # the same last record: its subject and event
            assert theirs.iloc[-1, :2].tolist() == ours.iloc[-1, :2].tolist(), path.name


def test_blocks_of_records_write_the_same_bytes(exported, tmp_path, monkeypatch):
    # Domains are written a block of records at a time: the blocks (here 2 records, so a
    # long AETERM and the SUPPAE records fall in different blocks) change no byte.
    import re

    import alsdesk.exchange.sdtm as sdtm

    st, folder = exported
    monkeypatch.setattr(sdtm, "ROWS", 2)
    export_sdtm(st, tmp_path / "blocks")
    stamp = re.compile(rb"\d\d[A-Z]{3}\d\d:\d\d:\d\d:\d\d|CreationDateTime=\"[^\"]*\"")
    names = sorted(p.name for p in folder.iterdir() if p.suffix in (".xpt", ".xml"))
    assert "suppae.xpt" in names
    assert names == sorted(p.name for p in (tmp_path / "blocks").iterdir()
                           if p.suffix in (".xpt", ".xml"))
    for name in names:
        assert stamp.sub(b"", (folder / name).read_bytes()) == \
            stamp.sub(b"", (tmp_path / "blocks" / name).read_bytes()), name
