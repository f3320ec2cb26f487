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
import numpy as np  # noqa: E402

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
        widened = 0
        for item, label, col in zip(refs, meta.column_labels, df.columns):
            assert item.findtext("odm:Description/odm:TranslatedText", namespaces=NS) == label
            if not pd.api.types.is_numeric_dtype(df[col]):
                assert item.get("DataType") == "text"
                # the width written, which is the longest value's bytes, except that a
                # record shorter than one 80-byte card widens one variable (xport._widen)
                longest = df[col].map(lambda v: len(v.encode("utf-8"))).max()
                assert int(item.get("Length")) == meta.variable_storage_width[col]
                widened += int(item.get("Length")) != max(longest, 1)
            else:
                values = df[col].dropna()
                if values.empty:  # nothing written: SDTMIG's type, the least length
                    # (study days and MedDRA codes are whole numbers)
                    assert item.get("DataType") == ("integer" if col.endswith(("DY", "LLTCD"))
                                                    else "float"), col
                    assert item.get("Length") == "1"
                elif (values == values.round()).all():
                    assert item.get("DataType") == "integer", col
                    assert int(item.get("Length")) == len(str(int(values.abs().max())))
                else:
                    assert item.get("DataType") == "float", col
                    places = values.map(lambda v: len(np.format_float_positional(
                        v, unique=True, trim="-").partition(".")[2])).max()
                    assert int(item.get("SignificantDigits")) == places
        assert widened <= 1 and (widened == 0 or sum(meta.variable_storage_width.values())
                                 <= 81), g.get("Name")
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
    # every form VS results come from: vital signs, height on dm, the infusion's time points
    pages = orres.find("def:DocumentRef/def:PDFPageRef", NS).get("PageRefs").split()
    assert pages[0] == "vs" and "infvs" in pages
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


CLASSES = {"DM": "SPECIAL PURPOSE", "SV": "SPECIAL PURPOSE", "CM": "INTERVENTIONS",
           "EX": "INTERVENTIONS", "AE": "EVENTS", "DS": "EVENTS", "MH": "EVENTS", "DV": "EVENTS",
           "VS": "FINDINGS", "LB": "FINDINGS", "QS": "FINDINGS", "RE": "FINDINGS",
           "RS": "FINDINGS", "IE": "FINDINGS"}


def _groups(folder):
    doc = etree.parse(str(folder / "define.xml"))
    items = {i.get("OID"): i for i in doc.iterfind(".//odm:ItemDef", NS)}
    for g in doc.iterfind(".//odm:ItemGroupDef", NS):
        df, _ = pyreadstat.read_xport(str(folder / f"{g.get('Name').lower()}.xpt"),
                                      encoding="utf-8")
        refs = [(r, items[r.get("ItemOID")]) for r in g.iterfind("odm:ItemRef", NS)]
        yield doc, g, df, refs


def test_each_dataset_has_its_class_structure_and_natural_keys(folder):
    for _doc, g, df, refs in _groups(folder):
        name = g.get("Name")
        cls = g.find("def:Class", NS).get("Name")
        assert cls == ("RELATIONSHIP" if name.startswith("SUPP") else CLASSES[name]), name
        assert g.get(f"{{{NS['def']}}}Structure").startswith("One record per ")
        keyed = sorted((int(r.get("KeySequence")), i.get("Name")) for r, i in refs
                       if r.get("KeySequence"))
        assert [n for n, _ in keyed] == list(range(1, len(keyed) + 1)), name
        keys = [k for _, k in keyed]
        assert keys[:2] == ["STUDYID", "USUBJID"] or name.startswith("SUPP")
        assert not df.duplicated(keys).any(), (name, keys)  # they identify a record
    doc = etree.parse(str(folder / "define.xml"))
    dm = doc.find(".//odm:ItemGroupDef[@Name='DM']", NS)
    assert dm.get(f"{{{NS['def']}}}Structure") == "One record per subject"


REQUIRED = {"DM": {"STUDYID", "DOMAIN", "USUBJID", "SUBJID", "SITEID", "SEX", "COUNTRY"},
            "AE": {"AESEQ", "AETERM", "AEDECOD"}, "DS": {"DSSEQ", "DSTERM", "DSDECOD"},
            "VS": {"VSSEQ", "VSTESTCD", "VSTEST"}, "QS": {"QSSEQ", "QSTESTCD", "QSTEST", "QSCAT"},
            "SV": {"VISITNUM"}, "SUPPAE": {"QNAM", "QVAL", "QLABEL", "QORIG", "RDOMAIN"}}


def test_sdtm_required_variables_are_mandatory_and_filled(folder):
    for _doc, g, df, refs in _groups(folder):
        mandatory = {i.get("Name") for r, i in refs if r.get("Mandatory") == "Yes"}
        assert REQUIRED.get(g.get("Name"), set()) <= mandatory, g.get("Name")
        assert {"STUDYID", "USUBJID"} <= mandatory
        for var in mandatory:
            empty = df[var].isna() | (df[var].astype(str) == "")
            # AEDECOD is Req in SDTMIG; an event not yet coded leaves it empty (a finding a
            # validator rightly reports, not a define.xml mistake)
            if (g.get("Name"), var) != ("AE", "AEDECOD"):
                assert not empty.any(), (g.get("Name"), var)


def test_value_level_types_and_lengths_are_those_of_each_tests_results(folder):
    doc = etree.parse(str(folder / "define.xml"))
    for domain in ("VS", "QS", "LB", "RE", "RS"):
        df, _ = pyreadstat.read_xport(str(folder / f"{domain.lower()}.xpt"), encoding="utf-8")
        for code, results in df.groupby(f"{domain}TESTCD")[f"{domain}ORRES"]:
            item = doc.find(f".//odm:ItemDef[@OID='IT.{domain}.{domain}ORRES.{code}']", NS)
            texts = [t for t in results if t]
            if not texts:
                continue
            kind = item.get("DataType")
            if kind == "text":
                assert int(item.get("Length")) == max(len(t.encode()) for t in texts)
                assert not all(t.replace(".", "", 1).lstrip("-").isdigit() for t in texts)
                continue
            assert all(t.replace(".", "", 1).lstrip("-").isdigit() for t in texts), code
            if kind == "integer":
                assert all("." not in t for t in texts)
                assert int(item.get("Length")) == max(len(t.lstrip("-")) for t in texts)
            else:
                assert kind == "float"
                places = max(len(t.partition(".")[2]) for t in texts)
                assert int(item.get("SignificantDigits")) == places
                assert int(item.get("Length")) == max(len(t.partition(".")[0].lstrip("-"))
                                                      for t in texts) + places


def test_every_derivation_has_its_own_described_method(folder):
    doc = etree.parse(str(folder / "define.xml"))
    methods = {m.get("OID"): m for m in doc.iterfind(".//odm:MethodDef", NS)}
    assert "MT.DERIVED" not in methods  # no one catch-all method
    items = {i.get("OID"): i for i in doc.iterfind(".//odm:ItemDef", NS)}
    used = set()
    for ref in doc.iterfind(".//odm:ItemRef", NS):
        origin = items[ref.get("ItemOID")].find("def:Origin", NS).get("Type")
        if origin == "Derived":
            assert ref.get("MethodOID") in methods, ref.get("ItemOID")
            used.add(ref.get("MethodOID"))
        else:
            assert ref.get("MethodOID") is None, ref.get("ItemOID")
    assert used == set(methods)
    for oid in ("MT.DY", "MT.SEQ", "MT.VISITNUM", "MT.EPOCH", "MT.AGE", "MT.LOBXFL",
                "MT.QS.ALSFRS13", "MT.QS.ALSFRSFM"):
        text = methods[oid].findtext("odm:Description/odm:TranslatedText", namespaces=NS)
        assert len(text) > 30, oid
    ref = doc.find(".//def:ValueListDef/odm:ItemRef[@ItemOID='IT.QS.QSORRES.ALSFRS13']", NS)
    assert ref.get("MethodOID") == "MT.QS.ALSFRS13"
    assert "12 ALSFRS-R item" in methods["MT.QS.ALSFRS13"].findtext(
        "odm:Description/odm:TranslatedText", namespaces=NS)


def test_coded_variables_hold_only_their_code_lists_values(folder):
    seen = set()
    for doc, g, df, refs in _groups(folder):
        for _r, item in refs:
            ref = item.find("odm:CodeListRef", NS)
            if ref is None:
                continue
            cl = doc.find(f".//odm:CodeList[@OID='{ref.get('CodeListOID')}']", NS)
            if cl.find("odm:ExternalCodeList", NS) is not None:
                continue  # a dictionary's (CTCAE): test_exchange_sdtm_ae_coding reads it
            codes = {i.get("CodedValue") for i in cl.iterfind("odm:CodeListItem", NS)}
            assert all(i.findtext("odm:Decode/odm:TranslatedText", namespaces=NS)
                       for i in cl.iterfind("odm:CodeListItem", NS))
            values = {v for v in df[item.get("Name")] if v != ""}
            assert values <= codes, (g.get("Name"), item.get("Name"), values - codes)
            seen.add(item.get("Name"))
    assert {"SEX", "AESER", "AEOUT", "AEREL", "AESEV", "VSTESTCD", "QSTESTCD"} <= seen


def test_every_acrf_reference_is_a_named_destination_of_the_annotated_crf(folder, demo_db):
    pypdf = pytest.importorskip("pypdf")
    import io

    from alsdesk.pdf import annotated_crf
    st = open_as(demo_db, "monitor")
    study = st.study
    st.close()
    reader = pypdf.PdfReader(io.BytesIO(annotated_crf(study).data))
    dests = reader.named_destinations
    doc = etree.parse(str(folder / "define.xml"))
    refs = list(doc.iterfind(".//def:PDFPageRef", NS))
    assert refs
    for ref in refs:
        assert ref.get("Type") == "NamedDestination"
        for name in ref.get("PageRefs").split():
            assert name in dests, name
            page = reader.get_destination_page_number(dests[name])
            # the page is the form's: its title is the form's label
            text = reader.pages[page].extract_text()
            form = study.forms[name]
            assert form.label.split()[0] in text, name


def test_the_gcs_total_method_is_the_forms_sum_not_alsfrs(folder):
    doc = etree.parse(str(folder / "define.xml"))
    method = doc.find(".//odm:MethodDef[@OID='MT.RS.GCS0104']", NS)
    text = method.findtext("odm:Description/odm:TranslatedText", namespaces=NS)
    assert "sum" in text and "gcseye, gcsverb, gcsmotor" in text and "ALSFRS" not in text
    assert "RSDRVFL is Y" in text
