"""The analysis-ready subject table, read back with pandas and checked against the core's
own scores (alsdesk.clinical.alsfrs) and numpy's least squares."""
from __future__ import annotations

from datetime import date

import pytest

from alsdesk.clinical.alsfrs import score
from alsdesk.clinical.dates import DAYS_PER_MONTH
from alsdesk.errors import DefinitionError, PermissionDenied
from alsdesk.exchange.analysis import definition_file, export_analysis, load_analysis
from tests.exchange_fixtures import demo_db, demo_master, monitor, open_as  # noqa: F401

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def _total(store, code, event):
    rec = store.forms.get(code, event, "alsfrs")
    return score(rec.values).total if rec.values else None


def _day(store, code, event):
    visit = store.forms.get(code, event, "sv").values.get("svstdtc")
    anchor = store.forms.get(code, "infusion", "inf").values.get("infstdtc")
    if not visit or not anchor:
        return None
    return (date.fromisoformat(visit[:10]) - date.fromisoformat(anchor[:10])).days


@pytest.fixture
def table(monitor, tmp_path):
    export_analysis(monitor, tmp_path / "an")
    frame = pd.read_csv(tmp_path / "an" / "subjects.csv")  # pandas' defaults
    as_text = pd.read_csv(tmp_path / "an" / "subjects.csv", keep_default_na=False, dtype=str)
    return frame, as_text, tmp_path / "an"


def test_change_from_baseline_to_month_12_is_the_cores(monitor, table):
    frame, _, _ = table
    checked = 0
    for code in frame.subject:
        row = frame[frame.subject == code].iloc[0]
        base = _total(monitor, code, "baseline")
        base = base if base is not None else _total(monitor, code, "screening")
        m12 = _total(monitor, code, "m12")
        assert (pd.isna(row.alsfrs_bl) and base is None) or row.alsfrs_bl == base
        if base is not None and m12 is not None:
            assert row.alsfrs_chg_m12 == m12 - base
            checked += 1
        else:
            assert pd.isna(row.alsfrs_chg_m12)
    assert checked >= 1


def test_slope_is_numpys_least_squares(monitor, table):
    frame, _, _ = table
    fitted = 0
    for code in frame.subject:
        pts = []
        for ev in ("screening", "baseline", "m2", "m4", "m6", "m12"):
            if ev == "screening" and _total(monitor, code, "baseline") is not None:
                continue
            total, day = _total(monitor, code, ev), _day(monitor, code, ev)
            if total is not None and day is not None:
                pts.append((day / DAYS_PER_MONTH, total))
        got = frame[frame.subject == code].iloc[0].alsfrs_slope
        if len({x for x, _ in pts}) >= 2:
            x, y = zip(*pts)
            assert got == pytest.approx(np.polyfit(x, y, 1)[0], abs=1e-5)
            fitted += 1
        else:
            assert pd.isna(got)
    assert fitted >= 2


def test_no_cell_is_lost_by_readers_and_counts_match(monitor, table):
    frame, as_text, folder = table
    assert not (as_text == "NA").any().any()
    for col in frame.columns:  # every cell pandas reads as missing was empty
        assert ((frame[col].isna()) == (as_text[col] == "")).all(), col
    aes = monitor.conn.execute(
        "SELECT s.code, a.aetoxgr, a.aeser, coalesce(a.ctcae_term, a.aeterm) FROM ae a JOIN "
        "form_instances fi ON fi.id = a.instance_id JOIN subjects s ON s.id = fi.subject_id "
        "WHERE fi.status != 'deleted'").fetchall()
    for code in frame.subject:
        row = frame[frame.subject == code].iloc[0]
        mine = [a for a in aes if a[0] == code]
        assert row.ae_total == len(mine)
        assert row.ae_serious == sum(a[2] == "Y" for a in mine)
        for g in range(1, 6):
            assert row[f"ae_grade{g}"] == sum(a[1] == g for a in mine)
    # ae_incidence.csv counts the subjects infused only, as the safety tables do
    infused = {c for (c,) in monitor.conn.execute(
        "SELECT s.code FROM inf i JOIN form_instances fi ON fi.id = i.instance_id JOIN "
        "subjects s ON s.id = fi.subject_id WHERE i.infstdtc IS NOT NULL AND "
        "fi.status != 'deleted'")}
    counted = [a for a in aes if a[0] in infused]
    inc = pd.read_csv(folder / "ae_incidence.csv", keep_default_na=False)
    assert inc.iloc[0].level == "overall" and inc.iloc[0].events == len(counted)
    assert (inc.N == len(infused)).all()
    for term in {" ".join(a[3].split()) for a in counted}:
        mine = [a for a in counted if " ".join(a[3].split()) == term]
        r = inc[(inc.level == "term") & (inc.term == term)].iloc[0]
        assert r.events == len(mine)
        assert r.subjects == len({a[0] for a in mine})
        assert int(r.worst_grade) == max(a[1] for a in mine)
        assert r.serious_events == sum(a[2] == "Y" for a in mine)
    labels = pd.read_csv(folder / "subjects_dictionary.csv")
    assert list(labels.column) == list(frame.columns)


def test_a_nurse_may_not_export(demo_db, tmp_path):
    st = open_as(demo_db, "nurse")
    try:
        with pytest.raises(PermissionDenied):
            export_analysis(st, tmp_path / "an")
    finally:
        st.close()


@pytest.mark.parametrize("old, new, words", [
    ('ref = "screening.dm.age"', 'ref = "screening.dm.agee"', "no field or derived value"),
    ('ref = "alsfrs.kings"', 'ref = "alsfrz.kings"', "has no form 'alsfrz'"),
    ('kind = "ratio"', 'kind = "quotient"', "one of value, day, months, ratio"),
    ('visits = ["baseline"', 'visits = ["basline"', "no event 'basline'"),
])
def test_a_bad_column_is_refused_with_its_line(monitor, tmp_path, old, new, words):
    text = definition_file().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "analysis.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        load_analysis(monitor.study, path)
    assert words in str(err.value) and "analysis.toml:" in str(err.value)
