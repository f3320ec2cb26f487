"""ODM export of a database amended twice: one MetaDataVersion per stored definition, one
ClinicalData per version holding data, each form in the ClinicalData of the version it was
last changed under; read back by lxml against the ODM 1.3.2 XSD, by odmlib, and by our own
import (the round trip)."""
from __future__ import annotations

import shutil
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
from pathlib import Path

import pytest
from lxml import etree
from odmlib import schema_manager

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.exchange import ExportOptions, export_odm
from alsdesk.exchange.dataset import ExportError
from alsdesk.exchange.odm_import import ImportRefused, import_odm
from alsdesk.store import Store, amend
from alsdesk.study import load_study
from tests.amendment_files import WEIGHT, amendment_24h_text, edit, write
from tests.test_exchange_odm import validate

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
MDVS = ["MDV.CRF1.0", "MDV.CRF1.1", "MDV.CRF1.2"]
REASONS = ("Amendment 1 of the protocol: the visit of 72 hours is done at 24 hours",
           "Amendment 2 of the protocol: the cell product's lot is recorded")
LOT = ('[[forms.inf.fields]]\nid = "inflot"\nlabel = "Cell product lot number"\n'
       'type = "text"\nsection = "Dose"\n\n')


def _definitions(folder: Path) -> tuple[Path, Path]:
    """(a) CRF 1.1: the h72 visit at 24 hours, window [18, 30] (tests/amendment_files.py);
    (b) CRF 1.2: a text field inflot on the infusion form. Each beside its companion files,
    so that it loads."""
    a = amendment_24h_text()
    b = edit(edit(a, 'crf_version = "1.1"', 'crf_version = "1.2"'), WEIGHT, LOT + WEIGHT)
    return write(folder / "a", a), write(folder / "b", b)


def _amend(st: Store, path: Path, reason: str) -> None:
    st.login("admin", DEMO_PASSWORD)
    amend.apply(st, load_study(path), path.name, reason=reason, password=DEMO_PASSWORD)
    st.login("nurse", DEMO_PASSWORD)


@pytest.fixture(scope="module")
def amended(demo_template, tmp_path_factory):
    """The demo amended twice, a form changed after each amendment, and its ODM file before
    the amendments and after them (with audit records)."""
    root = tmp_path_factory.mktemp("versions")
    db = root / "demo.db"
    shutil.copy(demo_template, db)
    a, b = _definitions(root / "study")
    with Store.open(db) as st:
        st.login("monitor", DEMO_PASSWORD)
        before = export_odm(st, root / "before.xml").target
        _amend(st, a, REASONS[0])
        st.forms.save("S001", "screening", "vs", {"pulse": 77}, complete=True,
                      reason="pulse taken again: the first reading was during a cough")
        _amend(st, b, REASONS[1])
        st.forms.save("S005", "infusion", "inf", {"inflot": "LOT-2025-042"}, complete=True,
                      reason="lot number from the product's release certificate")
        st.login("monitor", DEMO_PASSWORD)
        after = export_odm(st, root / "after.xml", ExportOptions(include_audit=True)).target
        changed = {(code, event, ev_rep, form, rep): version
                   for code, event, ev_rep, form, rep, version in
                   st.conn.execute("SELECT s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, "
                                   "fi.crf_changed FROM form_instances fi JOIN subjects s ON "
                                   "s.id = fi.subject_id WHERE fi.status != 'deleted' AND "
                                   "fi.form != 'pii'")}
    return {"db": db, "before": before, "after": after, "a": a, "b": b, "changed": changed}


def _xsd_checked(path: Path) -> etree._Element:
    """The file parsed by lxml, valid against odmlib's ODM 1.3.2 XSD (libxml2's validator,
    not the xmlschema one test_exchange_odm uses: two schema readers)."""
    schema = etree.XMLSchema(etree.parse(schema_manager.get_schema_path("odm", "1.3.2")))
    doc = etree.parse(str(path))
    assert schema.validate(doc), "\n".join(str(e) for e in list(schema.error_log)[:10])
    validate(path)
    return doc.getroot()


def _values(root: etree._Element) -> dict:
    """(subject, event, event key, form, form key) -> {item: value}, over every ClinicalData."""
    out: dict = {}
    for fd in root.iterfind("odm:ClinicalData/odm:SubjectData/odm:StudyEventData/"
                            "odm:FormData", NS):
        se, sd = fd.getparent(), fd.getparent().getparent()
        key = (sd.get("SubjectKey"), se.get("StudyEventOID"), se.get("StudyEventRepeatKey"),
               fd.get("FormOID"), fd.get("FormRepeatKey"))
        assert key not in out, f"{key} is in two ClinicalData"
        out[key] = {i.get("ItemOID"): i.get("Value")
                    for i in fd.iterfind("odm:ItemGroupData/odm:ItemData", NS)}
    return out


def test_one_metadata_version_per_stored_definition(amended):
    root = _xsd_checked(amended["after"])
    mdvs = root.findall("odm:Study/odm:MetaDataVersion", NS)
    assert [m.get("OID") for m in mdvs] == MDVS
    assert [m.get("Name") for m in mdvs] == [
        "NCT02492516 CRF version 1.0", "NCT02492516 CRF version 1.1 (amendment 1)",
        "NCT02492516 CRF version 1.2 (amendment 2)"]
    assert "amendment" not in mdvs[0].get("Description")
    for mdv, reason in zip(mdvs[1:], REASONS):
        assert "amendment" in mdv.get("Description") and reason in mdv.get("Description")
    h72 = [m.find("odm:StudyEventDef[@OID='SE.H72']", NS) for m in mdvs]
    assert [e.get("Name") for e in h72] == ["72 hours", "24 hours", "24 hours"]
    windows = [e.findtext("odm:Description/odm:TranslatedText", namespaces=NS) for e in h72]
    assert "target 72 h" in windows[0] and "window 48 to 96 h" in windows[0]
    assert all("target 24 h" in w and "window 18 to 30 h" in w for w in windows[1:])
    lot = [m.xpath("count(.//odm:ItemDef[@OID='IT.INF.INFLOT'])", namespaces=NS) for m in mdvs]
    refs = [m.xpath("count(odm:ItemGroupDef[@OID='IG.INF']/odm:ItemRef"
                    "[@ItemOID='IT.INF.INFLOT'])", namespaces=NS) for m in mdvs]
    assert lot == refs == [0, 0, 1]
    # Every version is whole: the items of the infusion form 1.0 had are in all three.
    weights = [m.find("odm:ItemDef[@OID='IT.INF.WEIGHT']", NS) for m in mdvs]
    assert all(w is not None and w.get("DataType") == "float" for w in weights)
    refs = root.findall("odm:AdminData/odm:Location/odm:MetaDataVersionRef", NS)
    assert [r.get("MetaDataVersionOID") for r in refs] == MDVS


def test_each_form_is_in_the_clinical_data_of_its_version(amended):
    root = _xsd_checked(amended["after"])
    blocks = root.findall("odm:ClinicalData", NS)
    assert [c.get("MetaDataVersionOID") for c in blocks] == MDVS
    defined = {m.get("OID"): {i.get("OID") for i in m.iterfind("odm:ItemDef", NS)}
               for m in root.iterfind("odm:Study/odm:MetaDataVersion", NS)}
    number = {oid: n for n, oid in enumerate(MDVS, start=1)}
    placed = {}
    for cd in blocks:
        used = {i.get("ItemOID") for i in cd.iter(f"{{{NS['odm']}}}ItemData")}
        assert used <= defined[cd.get("MetaDataVersionOID")]
        for fd in cd.iterfind("odm:SubjectData/odm:StudyEventData/odm:FormData", NS):
            se, sd = fd.getparent(), fd.getparent().getparent()
            key = (sd.get("SubjectKey"), se.get("StudyEventOID")[3:].lower(),
                   int(se.get("StudyEventRepeatKey") or 1), fd.get("FormOID")[2:].lower(),
                   int(fd.get("FormRepeatKey") or 1))
            placed[key] = number[cd.get("MetaDataVersionOID")]
    assert placed == amended["changed"]  # every stored form, in the block of its crf_changed
    lot = root.xpath("//odm:ItemData[@ItemOID='IT.INF.INFLOT']", namespaces=NS)
    assert [i.get("Value") for i in lot] == ["LOT-2025-042"]
    assert lot[0].xpath("ancestor::odm:ClinicalData/@MetaDataVersionOID",
                        namespaces=NS) == ["MDV.CRF1.2"]
    assert lot[0].xpath("ancestor::odm:SubjectData/@SubjectKey", namespaces=NS) == ["S005"]
    # S005 is in two blocks (its infusion form changed under 1.2, the rest under 1.0), with
    # the same status in both; S001 in 1.0 and 1.1.
    keys = [[s.get("SubjectKey") for s in cd.iterfind("odm:SubjectData", NS)] for cd in blocks]
    assert keys[1:] == [["S001"], ["S005"]] and {"S001", "S005"} <= set(keys[0])
    statuses = {s.xpath("odm:Annotation/odm:Flag/odm:FlagValue/text()", namespaces=NS)[0]
                for s in root.iterfind("odm:ClinicalData/odm:SubjectData[@SubjectKey='S005']",
                                       NS)}
    assert statuses == {"enrolled"}


def test_old_values_are_unchanged(amended):
    before = _values(_xsd_checked(amended["before"]))
    after = _values(_xsd_checked(amended["after"]))
    assert after.keys() == before.keys()
    inf = ("S005", "SE.INFUSION", None, "F.INF", None)
    vs = ("S001", "SE.SCREENING", None, "F.VS", None)
    assert after[inf] == {**before[inf], "IT.INF.INFLOT": "LOT-2025-042"}
    assert after[vs] == {**before[vs], "IT.VS.PULSE": "77"} != before[vs]
    assert {k: v for k, v in after.items() if k not in (inf, vs)} == \
        {k: v for k, v in before.items() if k not in (inf, vs)}


def test_odmlib_reads_every_version(amended):
    loader_mod = pytest.importorskip("odmlib.loader")
    odm_loader = pytest.importorskip("odmlib.odm_loader")
    loader = loader_mod.ODMLoader(odm_loader.XMLODMLoader(model_package="odm_1_3_2"))
    loader.open_odm_document(str(amended["after"]))
    odm = loader.root()
    mdvs = odm.Study[0].MetaDataVersion
    assert [m.OID for m in mdvs] == MDVS
    assert ["IT.INF.INFLOT" in {i.OID for i in m.ItemDef} for m in mdvs] == [False, False, True]
    assert [c.MetaDataVersionOID for c in odm.ClinicalData] == MDVS
    lots, pulses = [], {}
    for cd in odm.ClinicalData:
        for subject in cd.SubjectData:
            for event in subject.StudyEventData:
                for form in event.FormData:
                    for group in form.ItemGroupData:
                        for item in group.ItemData:
                            if item.ItemOID == "IT.INF.INFLOT":
                                lots.append((cd.MetaDataVersionOID, subject.SubjectKey,
                                             item.Value))
                            if item.ItemOID == "IT.VS.PULSE" and subject.SubjectKey == "S001":
                                pulses[(event.StudyEventOID, cd.MetaDataVersionOID)] = item.Value
    assert lots == [("MDV.CRF1.2", "S005", "LOT-2025-042")]
    assert pulses[("SE.SCREENING", "MDV.CRF1.1")] == "77"
    assert ("SE.SCREENING", "MDV.CRF1.0") not in pulses


def _target(tmp_path: Path, study_file: Path | None, *amendments: Path) -> Path:
    """An empty database of the study to import into: made with `study_file` (the bundled
    CRF 1.0 when None), then amended with each of `amendments`, as the source was."""
    path = tmp_path / "target.db"
    with Store.create(path, load_study(study_file) if study_file else None) as st:
        st.users.create_first_admin("admin", "Ada Admin", DEMO_PASSWORD)
        st.users.add("investigator", "Ivan Investigator", "investigator", DEMO_PASSWORD)
        st.login("admin", DEMO_PASSWORD)
        for reason, amendment in zip(REASONS, amendments):
            amend.apply(st, load_study(amendment), amendment.name, reason=reason,
                        password=DEMO_PASSWORD)
    return path


def _amended_target(amended, tmp_path: Path) -> Path:
    """A database amended as the source was: CRF 1.0, then 1.1, then 1.2."""
    return _target(tmp_path, None, amended["a"], amended["b"])


def _import(path: Path, odm: Path):
    with Store.open(path) as st:
        st.login("investigator", DEMO_PASSWORD)
        report = import_odm(st, odm)
        assert st.verify().ok, st.verify().text()
        return report


def _placed(path: Path) -> dict:
    """(subject, event, event repeat, form, repeat) -> the definition version each form
    records it was last changed under, read with sqlite3 alone."""
    conn = sqlite3.connect(path)
    try:
        return {row[:5]: row[5] for row in conn.execute(
            "SELECT s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, fi.crf_changed FROM "
            "form_instances fi JOIN subjects s ON s.id = fi.subject_id WHERE fi.status != "
            "'deleted' AND fi.form != 'pii'")}
    finally:
        conn.close()


def test_round_trip_of_several_versions(amended, tmp_path):
    target = _amended_target(amended, tmp_path)
    report = _import(target, amended["after"])
    assert report.subjects == 7 and report.forms == len(amended["changed"])
    assert "metadata version MDV.CRF1.0 were checked against this database's CRF version " \
        "1.0 (stored definition version 1) and recorded as entered under it" in report.text()
    # each form is of the version it was of in the source, not of the newest
    assert _placed(target) == amended["changed"]
    with Store.open(target) as st:
        st.login("admin", DEMO_PASSWORD)
        again = export_odm(st, tmp_path / "again.xml").target
    source, back = _values(_xsd_checked(amended["after"])), _values(_xsd_checked(again))
    assert back == source
    blocks = {cd.get("MetaDataVersionOID"): len(cd.findall(".//odm:FormData", NS))
              for cd in _xsd_checked(again).findall("odm:ClinicalData", NS)}
    assert blocks == {cd.get("MetaDataVersionOID"): len(cd.findall(".//odm:FormData", NS))
                      for cd in _xsd_checked(amended["after"]).findall("odm:ClinicalData", NS)}


def test_data_of_a_version_the_database_does_not_hold_are_refused_in_words(amended, tmp_path):
    target = _target(tmp_path, None)  # CRF 1.0 only: never amended
    with pytest.raises(ImportRefused) as info:
        _import(target, amended["after"])
    text = str(info.value)
    for crf in ("1.1", "1.2"):
        assert f"the clinical data of metadata version MDV.CRF{crf} were entered under CRF " \
               f"version {crf}, a study definition this database does not hold (it holds " \
               "CRF version 1.0)" in text
    assert "amend this database with that definition first" in text
    assert "MDV.CRF1.0 were" not in text  # the data of 1.0 are of a version it holds
    with Store.open(target) as st:
        assert st.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 0


def test_a_database_made_with_a_later_definition_does_not_take_older_data(amended, tmp_path):
    """Made directly at CRF 1.2, it has never held 1.0 or 1.1: their data would be recorded
    as entered under 1.2 (which they were not), so they are refused."""
    target = _target(tmp_path, amended["b"])
    with pytest.raises(ImportRefused) as info:
        _import(target, amended["after"])
    text = str(info.value)
    assert "metadata version MDV.CRF1.0 were entered under CRF version 1.0, a study " \
           "definition this database does not hold (it holds CRF version 1.2)" in text
    assert "make a new database with the source's first definition and amend it as the " \
           "source was" in text


def _edited(amended, tmp_path: Path, edit) -> Path:
    doc = etree.parse(str(amended["after"]))
    edit(doc.getroot())
    path = tmp_path / "edited.xml"
    doc.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


def test_clinical_data_of_a_version_the_file_does_not_define(amended, tmp_path):
    def edit(root):
        root.findall("odm:ClinicalData", NS)[1].set("MetaDataVersionOID", "MDV.CRF9.9")

    report = _import(_amended_target(amended, tmp_path), _edited(amended, tmp_path, edit))
    assert "refer to metadata version 'MDV.CRF9.9', which the file does not define (it " \
           "defines MDV.CRF1.0, MDV.CRF1.1, MDV.CRF1.2): their items were matched to this " \
           "study's by their OIDs only" in report.text()


def _in(root, mdv: str, path: str):
    return root.find(f"odm:Study/odm:MetaDataVersion[@OID='{mdv}']/{path}", NS)


def _relabelled(root):
    """1.0 says the first sex code means something else: 1.0's data use sex."""
    decode = _in(root, "MDV.CRF1.0", "odm:CodeList[@OID='CL.SEX']/odm:CodeListItem/"
                 "odm:Decode/odm:TranslatedText")
    decode.text = "Something else"


def _pulse_as_text(root):
    """1.1 says pulse is text: 1.1's one form (S001's vital signs) holds a pulse."""
    _in(root, "MDV.CRF1.1", "odm:ItemDef[@OID='IT.VS.PULSE']").set("DataType", "text")


def _unused_differences(root):
    """1.1 says the AE term is an integer, but no form of 1.1 holds one; 1.0 has a sex code
    the study has not (a choice an amendment dropped), but no value uses it."""
    _in(root, "MDV.CRF1.1", "odm:ItemDef[@OID='IT.AE.AETERM']").set("DataType", "integer")
    codes = _in(root, "MDV.CRF1.0", "odm:CodeList[@OID='CL.SEX']")
    extra = etree.fromstring(etree.tostring(codes.find("odm:CodeListItem", NS)))
    extra.set("CodedValue", "X")
    extra.set("OrderNumber", "99")
    codes.append(extra)


@pytest.mark.parametrize("edit, words", [
    (_relabelled, ["MetaDataVersion MDV.CRF1.0, ItemDef IT.DM.SEX", "= Something else "
                   "differ from the study's"]),
    (_pulse_as_text, ["MetaDataVersion MDV.CRF1.1, ItemDef IT.VS.PULSE",
                      "the file says data type 'text', the study 'integer'"]),
    (_unused_differences, None),
])
def test_older_metadata_must_mean_the_same_for_the_items_their_data_use(
        amended, tmp_path, edit, words):
    target = _amended_target(amended, tmp_path)
    path = _edited(amended, tmp_path, edit)
    if words is None:
        assert _import(target, path).subjects == 7
        return
    with pytest.raises(ImportRefused) as info:
        _import(target, path)
    for word in words:
        assert word in str(info.value)
    assert all(p.where.startswith("line ") for p in info.value.problems)


def _twice(root):
    """S005's infusion form, which is in the block of 1.2, copied into its block of 1.0
    (without the lot number, which 1.0 has not: the copy is read under 1.0)."""
    blocks = root.findall("odm:ClinicalData", NS)
    newest = blocks[2].find("odm:SubjectData[@SubjectKey='S005']", NS)
    old = blocks[0].find("odm:SubjectData[@SubjectKey='S005']", NS)
    copy = etree.fromstring(etree.tostring(newest.find(".//odm:FormData", NS)))
    for lot in copy.xpath(".//odm:ItemData[@ItemOID='IT.INF.INFLOT']", namespaces=NS):
        lot.getparent().remove(lot)
    old.find("odm:StudyEventData[@StudyEventOID='SE.INFUSION']", NS).append(copy)


def _other_status(root):
    """S005 withdrawn in the block of 1.2, enrolled in that of 1.0."""
    flag = root.find("odm:ClinicalData[@MetaDataVersionOID='MDV.CRF1.2']/odm:SubjectData"
                     "[@SubjectKey='S005']/odm:Annotation/odm:Flag/odm:FlagValue", NS)
    flag.text = "withdrawn"


@pytest.mark.parametrize("edit, words", [
    (_twice, "subject S005, event infusion, form inf: this form appears twice in the file"),
    (_other_status, "subject S005: its status is 'withdrawn' here but 'enrolled' where the "
                    "file gave it before"),
])
def test_a_subject_in_several_versions_must_agree(amended, tmp_path, edit, words):
    target = _amended_target(amended, tmp_path)
    with pytest.raises(ImportRefused) as info:
        _import(target, _edited(amended, tmp_path, edit))
    assert words in str(info.value)
    with Store.open(target) as st:
        assert st.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 0


def test_a_value_its_version_does_not_define_stops_the_export(amended, tmp_path):
    """A value written behind the program into a form last changed under 1.0 (whose
    definition has no such field) is not silently left out: the export says so."""
    db = tmp_path / "changed.db"
    shutil.copy(amended["db"], db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE inf SET inflot = 'LOT-X' WHERE instance_id = (SELECT fi.id FROM "
                     "form_instances fi JOIN subjects s ON s.id = fi.subject_id WHERE "
                     "s.code = 'S006' AND fi.form = 'inf')")
    with Store.open(db) as st:
        st.login("monitor", DEMO_PASSWORD)
        with pytest.raises(ExportError, match="S006 at infusion was last changed under study "
                                              "definition version 1 .CRF 1.0., which has no "
                                              "values of inflot"):
            export_odm(st, tmp_path / "x.xml")
    assert not (tmp_path / "x.xml").exists()
