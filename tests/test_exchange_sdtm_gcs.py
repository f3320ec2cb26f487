"""The GCS total in SDTM: a derived record (RSDRVFL "Y") of the form's own derived value (the
core's alsdesk.derive sum), read back with pyreadstat: eye + verbal + motor of the stored
values, and no total when an item is missing (verbal NA: anarthria, tracheostomy)."""
from __future__ import annotations

import tomllib

import pytest

from alsdesk.exchange.sdtm import export_sdtm
from alsdesk.exchange.sdtm.spec import load_spec
from alsdesk.errors import DefinitionError
from alsdesk.study.companion import companion_file
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")

SPEC = tomllib.loads(companion_file("sdtm.toml").read_text(encoding="utf-8"))
RS = SPEC["domains"]["RS"]["sources"][0]
ITEMS = {RS["tests"][f]["testcd"]: f for f in ("gcseye", "gcsverb", "gcsmotor")}
TOTAL = RS["derived"]["total"]["testcd"]


def _values(st, sql: str) -> dict[tuple[str, str], dict]:
    cur = st.conn.execute(sql)
    names = [d[0] for d in cur.description]
    return {(r[0], r[1]): dict(zip(names, r)) for r in cur}


@pytest.fixture
def exported(demo_db, tmp_path):
    with open_as(demo_db, "nurse") as st:
        # subjects without a 72-hour GCS yet (the others' forms are locked)
        subjects = [r[0] for r in st.conn.execute(
            "SELECT s.code FROM subjects s WHERE NOT EXISTS (SELECT 1 FROM form_instances fi WHERE fi.subject_id = s.id AND "
            "fi.form = 'gcs' AND fi.event = 'h72') ORDER BY s.code")]
        assert len(subjects) >= 2
        when = "2026-01-05T10:00"
        # reduced consciousness: a total below 15
        st.forms.save(subjects[0], "h72", "gcs", {"gcsdtc": when, "gcseye": 3,
                                                        "gcsverb": 4, "gcsmotor": 5})
        # the verbal response not testable: no total
        st.forms.save(subjects[1], "h72", "gcs", {"gcsdtc": when, "gcseye": 4,
                                                        "gcsmotor": 6}, {"gcsverb": "NA"})
    with open_as(demo_db, "monitor") as st:
        export_sdtm(st, tmp_path / "sdtm")
        yield st, tmp_path / "sdtm", subjects[:2]


def test_gcs_total_is_the_derived_sum_of_the_stored_items(exported):
    st, folder, (reduced, na) = exported
    rs, _ = pyreadstat.read_xport(str(folder / "rs.xpt"), encoding="utf-8")
    stored = _values(st, "SELECT s.code, fi.event || '/' || fi.event_repeat, g.* FROM gcs g "
                         "JOIN form_instances fi ON fi.id = g.instance_id JOIN subjects s ON "
                         "s.id = fi.subject_id WHERE fi.status != 'deleted'")
    assert stored
    totals = rs[rs.RSTESTCD == TOTAL]
    assert (totals.RSDRVFL == "Y").all() and (rs[rs.RSTESTCD != TOTAL].RSDRVFL == "").all()
    assert set(totals.RSCAT) == {"GCS"}
    key = ["USUBJID", "VISITNUM", "RSDTC"]
    items = rs[rs.RSTESTCD.isin(list(ITEMS))]
    checked = missing = 0
    for k, group in items.groupby(key):
        got = totals[(totals.USUBJID == k[0]) & (totals.VISITNUM == k[1])
                     & (totals.RSDTC == k[2])]
        scores = dict(zip(group.RSTESTCD, group.RSSTRESN))
        if len(scores) == 3 and not any(v != v for v in scores.values()):  # every item scored
            assert len(got) == 1
            total = got.iloc[0]
            assert total.RSSTRESN == sum(scores.values())
            assert total.RSORRES == total.RSSTRESC == str(int(sum(scores.values())))
            checked += 1
        else:
            assert got.empty  # an item missing: no total
            missing += 1
    assert checked >= 2 and missing >= 1
    # the items are the stored values, the total their sum
    study = st.study.id
    for code, expect in ((reduced, 12), (na, None)):
        row = stored[next(k for k in stored if k[0] == code and k[1].startswith("h72"))]
        sub = rs[(rs.USUBJID == f"{study}-{code}") & (rs.RSDTC == row["gcsdtc"])]
        tot = sub[sub.RSTESTCD == TOTAL]
        if expect is None:
            assert row["gcsverb"] is None and tot.empty
            verbal = sub[sub.RSTESTCD == RS["tests"]["gcsverb"]["testcd"]].iloc[0]
            assert verbal.RSSTAT == "NOT DONE"
        else:
            assert row["gcseye"] + row["gcsverb"] + row["gcsmotor"] == expect
            assert tot.RSSTRESN.tolist() == [expect]
    # the ALSFRS-R totals are still there
    qs, _ = pyreadstat.read_xport(str(folder / "qs.xpt"), encoding="utf-8")
    assert (qs[qs.QSDRVFL == "Y"].QSCAT == "ALSFRS-R").all() and (qs.QSDRVFL == "Y").any()


def _spec_with(tmp_path, old: str, new: str):
    text = companion_file("sdtm.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "sdtm.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,said", [
    ('scoring = "form"\n', "", "scoring"),
    ('scoring = "form"\n', 'scoring = "gcs"\n', "scoring"),
    ('derived.total = { testcd = "GCS0104"', 'derived.sum = { testcd = "GCS0104"',
     "no derived value 'sum'"),
    ('scoring = "alsfrs"\n', "", "derived tests need scoring"),
    ('scoring = "form"\n', 'scoring = "alsfrs"\n', "needs the items q1"),
    ('tests.fvc = {', 'scoring = "form"\ntests.fvc = {', "only for a source with derived"),
])
def test_loader_refuses_a_wrong_scoring(demo_db, tmp_path, old, new, said):
    with open_as(demo_db, "monitor") as st:
        with pytest.raises(DefinitionError, match=said):
            load_spec(st.study, _spec_with(tmp_path, old, new))
