"""define.xml of the SDTM export: valid against odmlib's Define-XML 2.1 XSD (xmlschema and
lxml), and describing exactly the .xpt files beside it: datasets, variables in order, lengths,
test code lists, value-level metadata, origins and the annotated CRF link."""
from __future__ import annotations

from pathlib import Path

import pytest

from alsdesk.exchange.sdtm import export_sdtm
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
xmlschema = pytest.importorskip("xmlschema")
odmlib = pytest.importorskip("odmlib")
from lxml import etree  # noqa: E402

pd = pytest.importorskip("pandas")

XSD = Path(odmlib.__file__).parent / "schemas" / "define" / "2.1" / "define2-1-0.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3", "def": "http://www.cdisc.org/ns/def/v2.1",
      "xlink": "http://www.w3.org/1999/xlink"}


@pytest.fixture(scope="module")
def folder(demo_master, tmp_path_factory):
    import shutil
    tmp = tmp_path_factory.mktemp("define")
    db = tmp / "demo.db"
    shutil.copy(demo_master, db)
    st = open_as(db, "monitor")
    try:
        export_sdtm(st, tmp / "sdtm")
    finally:
        st.close()
    return tmp / "sdtm"


def test_define_is_valid_against_the_define_xml_2_1_schema(folder):
    xmlschema.XMLSchema(str(XSD)).validate(str(folder / "define.xml"))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.parse(str(folder / "define.xml"))), schema.error_log


def test_define_describes_every_dataset_and_variable_written(folder):
    doc = etree.parse(str(folder / "define.xml"))
    mdv = doc.find(".//odm:MetaDataVersion", NS)
    items = {i.get("OID"): i for i in mdv.findall("odm:ItemDef", NS)}
    groups = mdv.findall("odm:ItemGroupDef", NS)
    assert {g.get("Name") for g in groups} == {p.stem.upper() for p in folder.glob("*.xpt")}
    for g in groups:
        leaf = g.find("def:leaf", NS).get(f"{{{NS['xlink']}}}href")
        df, meta = pyreadstat.read_xport(str(folder / leaf), encoding="utf-8")
        refs = [items[r.get("ItemOID")] for r in g.findall("odm:ItemRef", NS)]
        assert [i.get("Name") for i in refs] == list(df.columns)
        for item, label, col in zip(refs, meta.column_labels, df.columns):
            assert item.findtext("odm:Description/odm:TranslatedText", namespaces=NS) == label
            if not pd.api.types.is_numeric_dtype(df[col]):
                assert item.get("DataType") == "text"
                longest = df[col].map(lambda v: len(v.encode("utf-8"))).max()
                assert int(item.get("Length")) >= longest
            else:
                assert item.get("DataType") == "float"
        assert g.findtext("odm:Description/odm:TranslatedText", namespaces=NS) == \
            meta.file_label


@pytest.mark.parametrize("domain", ["VS", "QS", "LB"])
def test_value_level_metadata_covers_every_test_code_in_the_data(folder, domain):
    doc = etree.parse(str(folder / "define.xml"))
    df, _ = pyreadstat.read_xport(str(folder / f"{domain.lower()}.xpt"), encoding="utf-8")
    vl = doc.find(f".//def:ValueListDef[@OID='VL.{domain}.{domain}ORRES']", NS)
    where = []
    for ref in vl.findall("odm:ItemRef", NS):
        wc = doc.find(f".//def:WhereClauseDef[@OID="
                      f"'{ref.find('def:WhereClauseRef', NS).get('WhereClauseOID')}']", NS)
        check = wc.find("odm:RangeCheck", NS)
        assert check.get(f"{{{NS['def']}}}ItemOID") == f"IT.{domain}.{domain}TESTCD"
        where.append(check.findtext("odm:CheckValue", namespaces=NS))
    assert set(df[f"{domain}TESTCD"]) <= set(where)
    codes = [i.get("CodedValue") for i in
             doc.findall(f".//odm:CodeList[@OID='CL.{domain}.TESTCD']/odm:CodeListItem", NS)]
    assert codes == where
    orres = doc.find(f".//odm:ItemDef[@OID='IT.{domain}.{domain}ORRES']", NS)
    assert orres.find("def:ValueListRef", NS).get("ValueListOID") == vl.get("OID")


def test_origins_collected_with_acrf_pages_and_derived_scores(folder):
    doc = etree.parse(str(folder / "define.xml"))
    leaf = doc.find(".//def:leaf[@ID='LF.acrf']", NS)
    assert leaf.get(f"{{{NS['xlink']}}}href") == "acrf.pdf"
    orres = doc.find(".//odm:ItemDef[@OID='IT.VS.VSORRES']/def:Origin", NS)
    assert orres.get("Type") == "Collected"
    assert orres.find("def:DocumentRef/def:PDFPageRef", NS).get("PageRefs") == "vs"
    dy = doc.find(".//odm:ItemDef[@OID='IT.VS.VSDY']/def:Origin", NS)
    assert dy.get("Type") == "Derived"
    qs, _ = pyreadstat.read_xport(str(folder / "qs.xpt"), encoding="utf-8")
    for code in set(qs[qs.QSDRVFL == "Y"].QSTESTCD):
        origin = doc.find(f".//odm:ItemDef[@OID='IT.QS.QSORRES.{code}']/def:Origin", NS)
        assert origin.get("Type") == "Derived"
    for code in set(qs[qs.QSDRVFL != "Y"].QSTESTCD):
        origin = doc.find(f".//odm:ItemDef[@OID='IT.QS.QSORRES.{code}']/def:Origin", NS)
        assert origin.get("Type") == "Collected"


def test_new_variables_have_origins_methods_and_code_lists(folder):
    doc = etree.parse(str(folder / "define.xml"))

    def origin(oid):
        return doc.find(f".//odm:ItemDef[@OID='{oid}']/def:Origin", NS)

    rficdtc = origin("IT.DM.RFICDTC")
    assert rficdtc.get("Type") == "Collected"
    assert rficdtc.find("def:DocumentRef/def:PDFPageRef", NS).get("PageRefs") == "ic"
    for var in ("AGE", "ARMNRS", "ACTARMCD", "DTHFL", "RFPENDTC"):
        assert origin(f"IT.DM.{var}").get("Type") == "Derived", var
        ref = doc.find(f".//odm:ItemRef[@ItemOID='IT.DM.{var}']", NS)
        method = doc.find(f".//odm:MethodDef[@OID='{ref.get('MethodOID')}']", NS)
        assert method is not None and ref.get("MethodOID") == f"MT.{var}"
    for var in ("SITEID", "AGEU", "COUNTRY", "ARMCD", "ARM"):
        assert origin(f"IT.DM.{var}").get("Type") == "Assigned", var
    assert origin("IT.VS.VSLOBXFL").get("Type") == "Derived"
    assert origin("IT.AE.AEDECOD").get("Type") == "Collected"
    assert origin("IT.DS.DSCAT").get("Type") == "Assigned"

    def codes(oid):
        ref = doc.find(f".//odm:ItemDef[@OID='{oid}']/odm:CodeListRef", NS)
        cl = doc.find(f".//odm:CodeList[@OID='{ref.get('CodeListOID')}']", NS)
        return [i.get("CodedValue") for i in cl.findall("odm:CodeListItem", NS)]

    assert codes("IT.DM.ARMNRS") == ["SCREEN FAILURE", "ASSIGNED, NOT TREATED", "NOT ASSIGNED"]
    assert codes("IT.DM.COUNTRY") == ["IRN"]
    assert codes("IT.VS.VSLOBXFL") == ["Y"]
    assert codes("IT.AE.AESDTH") == ["Y", "N"]
    assert set(codes("IT.DS.DSCAT")) == {"DISPOSITION EVENT", "PROTOCOL MILESTONE"}
    dm, _ = pyreadstat.read_xport(str(folder / "dm.xpt"), encoding="utf-8")
    assert set(dm.ARMNRS) - {""} <= set(codes("IT.DM.ARMNRS"))
