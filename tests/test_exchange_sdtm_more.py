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
    st = open_as(folder / "demo.db", "monitor")
    try:
        export_sdtm(st, folder / "sdtm")
        yield st, folder / "sdtm"
    finally:
        st.close()


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
