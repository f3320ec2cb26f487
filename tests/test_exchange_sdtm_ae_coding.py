"""AE's dictionary coding in SDTM: AELLT, AELLTCD, AEBODSYS and AESOC from the CTCAE term and
the study definition's derived values, read back with pyreadstat and checked against the
NCI's workbook read here with openpyxl; define.xml gives them their origins and CTCAE as
their dictionary, and still validates. Skips without the NCI's CTCAE v5.0 workbook."""
from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest

from alsdesk.errors import DefinitionError
from alsdesk.exchange.sdtm import export_sdtm
from alsdesk.exchange.sdtm.spec import load_spec
from alsdesk.safety import ctcae
from alsdesk.study.companion import companion_file
from tests.conftest import SHARED
from tests.exchange_fixtures import demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
openpyxl = pytest.importorskip("openpyxl")
odmlib = pytest.importorskip("odmlib")
from lxml import etree  # noqa: E402

V5 = SHARED / "reference" / "CTCAE_v5.0_2017-11-27.xlsx"
needs_v5 = pytest.mark.skipif(not V5.is_file(), reason="the NCI's CTCAE v5.0 workbook is in "
                              "../shared/reference only")
XSD = odmlib.__file__.rsplit("/", 1)[0] + "/schemas/define/2.1/define2-1-0.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3", "def": "http://www.cdisc.org/ns/def/v2.1"}
PE = "Pulmonary embolism, right lower lobe"  # v5.0 codes a PE as "Thromboembolic event"
UNCODED = "Dizzy spell after standing up"
CODED = ("AELLT", "AELLTCD", "AEDECOD", "AEBODSYS", "AESOC")


def _sheet_term(name: str) -> tuple[int, str]:
    """(MedDRA code, SOC) of a term as the NCI's workbook gives it, read without our code."""
    book = openpyxl.load_workbook(V5, read_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    head = [str(h or "").strip() for h in next(rows)]
    code, soc, term = (head.index(h) for h in ("MedDRA Code", "MedDRA SOC", "CTCAE Term"))
    found = [(int(r[code]), r[soc].strip()) for r in rows if r[term] and r[term].strip() == name]
    book.close()
    assert len(found) == 1, name
    return found[0]


def _ae(store, code, day, **values):
    start = store.forms.get(code, "infusion", "inf").values["infstdtc"]
    on = date.fromisoformat(start[:10]) + timedelta(days=day)
    base = {"aestdat": on.isoformat(), "aeongo": "N",
            "aeendat": (on + timedelta(days=2)).isoformat(), "aetoxgr": 2, "aeser": "N",
            "aerel": "UNLIKELY", "aeacn": "NOT APPLICABLE", "aeout": "RECOVERED/RESOLVED",
            "aethromb": "N"}
    store.forms.save(code, "logs", "ae", {**base, **values}, repeat=None, complete=True)


def _export(db, out):
    st = open_as(db, "monitor")
    try:
        export_sdtm(st, out)
    finally:
        st.close()
    ae, meta = pyreadstat.read_xport(str(out / "ae.xpt"), encoding="utf-8")
    return ae, meta


@pytest.fixture(scope="module")
def coded(demo_master, tmp_path_factory):
    if not V5.is_file():
        pytest.skip("the NCI's CTCAE v5.0 workbook is in ../shared/reference only")
    tmp = tmp_path_factory.mktemp("aecoding")
    db = tmp / "demo.db"
    shutil.copy(demo_master, db)
    st = open_as(db, "admin")
    try:
        ctcae.import_ctcae(st, V5)
    finally:
        st.close()
    st = open_as(db, "nurse")
    try:
        _ae(st, "S003", 20, aeterm=PE, ctcae_term="Thromboembolic event", aetoxgr=3,
            aethromb="Y")
        _ae(st, "S003", 25, aeterm=UNCODED, aetoxgr=1)
    finally:
        st.close()
    return (*_export(db, tmp / "sdtm"), tmp / "sdtm")


@needs_v5
def test_a_coded_event_has_the_lowest_level_term_its_code_and_soc(coded):
    ae, meta, _ = coded
    code, soc = _sheet_term("Thromboembolic event")
    row = ae[ae.AETERM == PE].iloc[0]
    assert row.AELLT == row.AEDECOD == "Thromboembolic event"  # AEDECOD stays the term
    assert row.AELLTCD == code  # a number, as SDTMIG has it
    assert row.AEBODSYS == row.AESOC == soc == "Vascular disorders"
    blank = ae[ae.AETERM == UNCODED].iloc[0]
    assert (blank.AELLT, blank.AEDECOD, blank.AEBODSYS, blank.AESOC) == ("", "", "", "")
    assert blank.AELLTCD != blank.AELLTCD  # NaN: no code
    # every coded event of the demo agrees with the sheet
    for _, r in ae[ae.AEDECOD != ""].iterrows():
        assert (r.AELLTCD, r.AESOC) == _sheet_term(r.AEDECOD)
    cols = list(ae.columns)
    assert cols[cols.index("AETERM"):cols.index("AETERM") + 6] == [
        "AETERM", "AELLT", "AELLTCD", "AEDECOD", "AEBODSYS", "AESOC"]  # SDTMIG's order
    labels = dict(zip(cols, meta.column_labels))
    assert [labels[c] for c in ("AELLT", "AELLTCD", "AEBODSYS", "AESOC")] == [
        "Lowest Level Term", "Lowest Level Term Code", "Body System or Organ Class",
        "Primary System Organ Class"]


@needs_v5
def test_define_gives_their_origins_and_ctcae_as_their_dictionary(coded):
    _, _, folder = coded
    doc = etree.parse(str(folder / "define.xml"))
    schema = etree.XMLSchema(etree.parse(XSD))
    assert schema.validate(doc), schema.error_log
    mdv = doc.find(".//odm:MetaDataVersion", NS)
    refs = {r.get("ItemOID"): r for r in mdv.findall("odm:ItemGroupDef[@Name='AE']/odm:ItemRef",
                                                     NS)}
    for name in CODED:
        item = mdv.find(f"odm:ItemDef[@OID='IT.AE.{name}']", NS)
        origin = item.find("def:Origin", NS).get("Type")
        method = refs[f"IT.AE.{name}"].get("MethodOID")
        if name in ("AELLT", "AEDECOD"):  # the term the site chose on the CRF
            assert origin == "Collected" and method is None
        else:  # looked up in CTCAE's terms by the program
            assert origin == "Derived", name
            text = mdv.find(f"odm:MethodDef[@OID='{method}']/odm:Description/"
                            "odm:TranslatedText", NS).text
            assert "CTCAE v5.0" in text and "ae.ctcae_term" in text
        oid = item.find("odm:CodeListRef", NS).get("CodeListOID")
        cl = mdv.find(f"odm:CodeList[@OID='{oid}']", NS)
        ext = cl.find("odm:ExternalCodeList", NS)
        assert (ext.get("Dictionary"), ext.get("Version")) == ("CTCAE", "5.0")
        assert cl.get("DataType") == item.get("DataType")
    assert mdv.find("odm:ItemDef[@OID='IT.AE.AELLTCD']", NS).get("DataType") == "integer"


def test_without_ctcae_imported_the_term_is_kept_and_its_code_and_soc_are_empty(
        demo_master, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_master, db)
    ae, _ = _export(db, tmp_path / "sdtm")
    assert (ae.AELLT == ae.AEDECOD).all() and (ae.AEDECOD != "").any()
    assert ae.AELLTCD.isna().all() and (ae.AESOC == "").all() and (ae.AEBODSYS == "").all()


@pytest.mark.parametrize("new, words", [
    ('AELLTCD = "aelltcx"', "the form 'ae' has no derived value 'aelltcx'"),
    ('AETERM = "aelltcd"', "AETERM is mapped already"),
])
def test_a_misspelt_derived_value_is_refused_with_its_line(tmp_path, new, words):
    from alsdesk.study import load_study

    text = companion_file("sdtm.toml").read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), start=1)
                if t.startswith("derived = { AELLTCD"))
    path = tmp_path / "sdtm.toml"
    path.write_text(text.replace('AELLTCD = "aelltcd"', new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        load_spec(load_study(), path)
    assert f"sdtm.toml:{line}: domains.AE.derived." in str(err.value)
    assert words in str(err.value)
