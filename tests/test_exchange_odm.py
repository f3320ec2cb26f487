"""CDISC ODM 1.3.2 export (validated against the XSD shipped with odmlib), the lossless
round trip through import, and import files refused with their reason, nothing written."""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from odmlib.odm_parser import ODMSchemaValidator

from alsdesk.errors import PermissionDenied
from alsdesk.exchange import ExportOptions, export_odm
from alsdesk.exchange.dataset import take_snapshot
from alsdesk.exchange.odm_export import build_odm, write_odm
from alsdesk.exchange.odm_import import ImportRefused, import_odm, subject_number
from alsdesk.store import Store
from tests.exchange_fixtures import (  # noqa: F401 - fixtures
    MEMO, PII, admin, audit_rows, demo_db, demo_master, fresh_db, monitor, open_as,
)

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
VALIDATOR = ODMSchemaValidator(standard="odm", version="1.3.2")


def validate(path: Path) -> ET.Element:
    """Fails the test with the schema's own words when the file is not valid ODM 1.3.2."""
    errors = [f"{e.path}: {e.reason}" for e in VALIDATOR.xsd.iter_errors(str(path))]
    assert not errors, "\n".join(errors[:10])
    return ET.parse(path).getroot()


def clinical(root: ET.Element) -> dict:
    """subject -> (status, {(event, event key, form, form key): (status, {item: value})})."""
    out = {}
    for sd in root.iterfind("odm:ClinicalData/odm:SubjectData", NS):
        forms = {}
        for se in sd.iterfind("odm:StudyEventData", NS):
            for fd in se.iterfind("odm:FormData", NS):
                key = (se.get("StudyEventOID"), se.get("StudyEventRepeatKey"),
                       fd.get("FormOID"), fd.get("FormRepeatKey"))
                items = {i.get("ItemOID"): i.get("Value")
                         for i in fd.iterfind("odm:ItemGroupData/odm:ItemData", NS)}
                forms[key] = (_flag(fd), items)
        out[sd.get("SubjectKey")] = (_flag(sd), forms)
    return out


def _flag(el: ET.Element) -> str:
    return el.findtext("odm:Annotation/odm:Flag/odm:FlagValue", namespaces=NS)


# --- export ---------------------------------------------------------------------------------


def test_full_export_validates_with_metadata_and_every_subject(monitor, tmp_path):
    result = export_odm(monitor, tmp_path / "trial.xml")
    VALIDATOR.validate_file(str(result.target))  # odmlib's own entry point raises on errors
    root = validate(result.target)
    assert root.get("ODMVersion") == "1.3.2" and root.get("FileType") == "Snapshot"
    mdv = root.find("odm:Study/odm:MetaDataVersion", NS)
    temp = mdv.find("odm:ItemDef[@OID='IT.VS.TEMP']", NS)
    assert temp.get("DataType") == "float" and temp.get("SignificantDigits") == "1"
    assert temp.get("SDSVarName") == "VSORRES"
    assert [r.get("Comparator") for r in temp.iterfind("odm:RangeCheck", NS)] == ["GE", "LE"]
    assert temp.find("odm:MeasurementUnitRef", NS) is not None
    assert mdv.find("odm:ItemDef[@OID='IT.AE.AESTDAT']", NS).get("DataType") == "partialDate"
    q1 = mdv.find("odm:ItemDef[@OID='IT.ALSFRS.Q1']", NS)
    assert q1.get("DataType") == "integer"
    assert q1.find("odm:CodeListRef", NS).get("CodeListOID") == "CL.ALSFRS_Q1"
    assert mdv.find("odm:StudyEventDef[@OID='SE.UNSCHEDULED']", NS).get("Repeating") == "Yes"
    assert mdv.find("odm:FormDef[@OID='F.AE']", NS).get("Repeating") == "Yes"
    data = clinical(root)
    assert sorted(data) == [f"S00{n}" for n in range(1, 8)]
    assert data["S004"][0] == "died"


def test_missing_codes_are_their_own_items_and_keys_repeat(monitor, tmp_path):
    root = validate(export_odm(monitor, tmp_path / "t.xml").target)
    s5 = clinical(root)["S005"][1]
    status, items = s5[("SE.UNSCHEDULED", "1", "F.VS", None)]
    assert items["IT.VS.SYSBP.MISSING"] == "ND" and "IT.VS.SYSBP" not in items
    assert items["IT.VS.TEMP"] == "36.7" and status == "complete"
    assert s5[("SE.UNSCHEDULED", "2", "F.VS", None)][0] == "in progress"
    assert items["IT.VS.VSDTC"] == "2026-01-10T10:20:00"
    ae_keys = sorted(k[3] for k in s5 if k[2] == "F.AE")
    assert ae_keys == ["1", "3"], "the deleted entry (#2) is not exported; keys keep the gap"
    cm = next(v for k, v in s5.items() if k[2] == "F.CM" and v[1].get("IT.CM.CMTRT")
              == "Vitamin D")[1]
    assert cm["IT.CM.CMDOSE"] == "0.00001" and cm["IT.CM.CMINDC.MISSING"] == "UNK"


def test_audit_records_and_signatures_validate(monitor, tmp_path):
    root = validate(export_odm(monitor, tmp_path / "a.xml",
                               ExportOptions(include_audit=True)).target)
    users = {u.get("OID") for u in root.iterfind("odm:AdminData/odm:User", NS)}
    assert {"USR.nurse", "USR.investigator"} <= users
    assert root.find("odm:AdminData/odm:Location", NS).get("OID") == "LOC.SITE"
    sigs = root.findall(".//odm:FormData/odm:Signature", NS)
    assert len(sigs) >= 50  # the demo's signed, then locked, casebook of S003 and more
    meanings = {sd.findtext("odm:Meaning", namespaces=NS)
                for sd in root.iterfind("odm:AdminData/odm:SignatureDef", NS)}
    assert "I approve the data of this visit as accurate and complete." in meanings
    changed = root.find(".//odm:ItemData[@ItemOID='IT.FVC.FVCPP'][@Value='76.5']", NS)
    record = changed.find("odm:AuditRecord", NS)
    assert record.findtext("odm:ReasonForChange", namespaces=NS).startswith("transcription")
    assert record.find("odm:UserRef", NS).get("UserOID") == "USR.nurse"


def test_subset_of_subjects_and_forms_validates(monitor, tmp_path):
    root = validate(export_odm(monitor, tmp_path / "s.xml",
                               ExportOptions(subjects=("S003", "S005"),
                                             forms=("vs", "ae"))).target)
    data = clinical(root)
    assert sorted(data) == ["S003", "S005"]
    forms = {k[2] for _, f in data.values() for k in f}
    assert forms == {"F.VS", "F.AE"}
    defs = {f.get("OID") for f in root.iterfind(".//odm:FormDef", NS)}
    assert defs == {"F.VS", "F.AE"}


def test_identifiers_only_for_an_administrator_who_asks(monitor, demo_db, tmp_path):
    root = validate(export_odm(monitor, tmp_path / "plain.xml").target)
    text = (tmp_path / "plain.xml").read_text(encoding="utf-8")
    assert PII["fullname"] not in text and "F.PII" not in text
    with pytest.raises(PermissionDenied):
        export_odm(monitor, tmp_path / "x.xml", ExportOptions(include_identifiers=True))
    with open_as(demo_db, "admin") as st:
        root = validate(export_odm(st, tmp_path / "pii.xml",
                                   ExportOptions(include_identifiers=True)).target)
    items = clinical(root)["S003"][1][("SE.SCREENING", None, "F.PII", None)][1]
    assert items["IT.PII.FULLNAME"] == PII["fullname"]
    assert root is not None


AWKWARD = ("Tom & Jerry <b>bold</b> -> \"quoted\" 'single' &amp; ]]>\n"
           "second line\tafter a tab, naïve ±2 °C, 日本語, emoji \U0001F600")


def _awkward_db(demo_db: Path) -> str:
    """S005 gets a deviation whose text and reason for change need every kind of escaping."""
    reason = 'typo <fixed> & "checked"\nby the nurse, 2 °C'
    with open_as(demo_db, "nurse") as st:
        rec = st.forms.save("S005", "logs", "dv", {"dvcat": "OTHER", "dvterm": "draft",
                                                   "dvimp": "N", "dvaction": "None."},
                            {"dvdat": "UNK"}, repeat=None, complete=True).record
        st.forms.save("S005", "logs", "dv", {"dvterm": AWKWARD}, repeat=rec.repeat,
                      complete=True, reason=reason)
    return reason


def test_awkward_text_survives_the_written_file(demo_db, tmp_path):
    reason = _awkward_db(demo_db)
    with open_as(demo_db, "monitor") as st:
        path = export_odm(st, tmp_path / "awkward.xml", ExportOptions(include_audit=True)).target
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<ODM ")
    assert "日本語".encode() in raw and b"&#10;second line&#09;after" in raw
    root = validate(path)
    found = [i for i in root.iterfind(".//odm:ItemData[@ItemOID='IT.DV.DVTERM']", NS)
             if i.get("Value") == AWKWARD]
    assert len(found) == 1, "the value with &, <, >, quotes, newline, tab comes back as is"
    assert found[0].findtext("odm:AuditRecord/odm:ReasonForChange", namespaces=NS) == reason


def test_streamed_file_is_what_elementtree_writes(demo_db, tmp_path):
    """The streaming writer gives, byte for byte, what ET.indent + ElementTree.write give
    for the same document (escaping, attribute order, indentation, empty elements)."""
    _awkward_db(demo_db)
    with open_as(demo_db, "monitor") as st:  # the snapshot reads as it is written
        snap = take_snapshot(st, ExportOptions(include_audit=True))
        streamed = tmp_path / "streamed.xml"
        with open(streamed, "w", encoding="UTF-8", errors="xmlcharrefreplace") as fh:
            write_odm(snap, fh.write)
        root = build_odm(snap)
        snap.close()
    assert root.tag == "ODM" and next(iter(root.attrib)) == "xmlns"
    ET.indent(root, space=" ")
    tree = tmp_path / "tree.xml"
    ET.ElementTree(root).write(tree, encoding="UTF-8", xml_declaration=True)
    assert streamed.read_bytes() == tree.read_bytes()


def test_progress_reports_each_subject(monitor, tmp_path):
    calls = []
    export_odm(monitor, tmp_path / "p.xml", progress=lambda *a: calls.append(a))
    assert calls[0] == (0, 1, "Reading the database") and calls[-1][:2] == (1, 1)
    subjects = [c for c in calls[1:-1]]
    assert [c[:2] for c in subjects] == [(n, 8) for n in range(1, 8)]
    assert subjects[0][2] == "Writing subject S001"


# --- round trip -------------------------------------------------------------------------------


def test_round_trip_is_lossless_and_verifies(demo_db, tmp_path):
    with open_as(demo_db, "admin") as st:  # identifiers too: everything must come back
        first = export_odm(st, tmp_path / "first.xml", ExportOptions(include_identifiers=True))
    target = fresh_db(tmp_path)
    with open_as(target, "investigator") as st:
        report = import_odm(st, first.target)
        assert report.schema_checked and report.subjects == 7
        assert "imported as complete" in report.text()
        assert st.verify().ok, st.verify().text()
        rows = list(st.conn.execute("SELECT reason FROM audit_trail WHERE action = "
                                    "'value.entered' LIMIT 1"))
        assert rows[0][0].startswith("imported from ODM file first.xml")
    with open_as(target, "admin") as st:
        second = export_odm(st, tmp_path / "second.xml", ExportOptions(include_identifiers=True))
    before, after = clinical(validate(first.target)), clinical(validate(second.target))
    approved = {"verified", "signed", "locked"}
    expected = {code: (status, {key: ("complete" if fstatus in approved else fstatus, items)
                                for key, (fstatus, items) in forms.items()})
                for code, (status, forms) in before.items()}
    assert after == expected
    dv = [items for (_e, _k, form, _r), (_s, items) in after["S005"][1].items()
          if form == "F.DV" and items.get("IT.DV.DVTERM", "").startswith("Line one")]
    assert dv[0]["IT.DV.DVTERM"] == MEMO


def test_import_of_a_file_with_audit_records_names_the_source_signer(monitor, tmp_path):
    path = export_odm(monitor, tmp_path / "audit.xml", ExportOptions(include_audit=True,
                                                                     subjects=("S003",))).target
    with open_as(fresh_db(tmp_path), "investigator") as st:
        report = import_odm(st, path)
        assert report.forms > 40 and "locked in the source" in report.text()
        reasons = [r[0] for r in st.conn.execute(
            "SELECT reason FROM audit_trail WHERE form = 'fvc' AND event = 'm2' AND "
            "action = 'form.status'")]
        assert st.verify().ok
    assert any("signed in the source by Dr. Ivan Investigator (demo) at" in r
               for r in reasons), reasons


# --- import refused -------------------------------------------------------------------------


@pytest.fixture
def exported(monitor, tmp_path) -> str:
    return export_odm(monitor, tmp_path / "good.xml").target.read_text(encoding="utf-8")


@pytest.fixture
def target(tmp_path):
    path = fresh_db(tmp_path)
    st = open_as(path, "investigator")
    yield st
    st.close()


def _refused(store: Store, tmp_path: Path, text: str | bytes, *words: str) -> ImportRefused:
    path = tmp_path / "in.xml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    before = audit_rows(store)
    with pytest.raises(ImportRefused) as info:
        import_odm(store, path)
    message = str(info.value)
    assert "nothing was written" in message
    for word in words:
        assert word in message, message
    assert audit_rows(store) == before + 1  # the refusal, and nothing else
    last = store.conn.execute("SELECT action, user_id, new_value FROM audit_trail "
                              "ORDER BY seq DESC LIMIT 1").fetchone()
    digest = hashlib.sha256(text).hexdigest()
    assert last[:2] == ("data.import_refused", "investigator")
    assert last[2].startswith(f"in.xml ({len(text)} bytes, SHA-256 {digest}): ")
    assert len(last[2]) < 1000
    assert store.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM form_instances").fetchone()[0] == 0
    assert store.verify().ok
    return info.value


def test_file_of_another_study(exported, target, tmp_path):
    text = exported.replace('StudyOID="NCT02492516"', 'StudyOID="NCT09999999"')
    _refused(target, tmp_path, text, "study 'NCT09999999'", "NCT02492516")


def test_malformed_file_names_the_line(exported, target, tmp_path):
    cut = exported[: len(exported) // 2]
    err = _refused(target, tmp_path, cut, "not well-formed XML", "line")
    assert err.problems[0].where.startswith("line ")


def test_file_failing_the_schema(exported, target, tmp_path):
    text = exported.replace('<ItemGroupData ItemGroupOID="IG.SV">', "<ItemGroupData>", 1)
    err = _refused(target, tmp_path, text, "schema", "ItemGroupData", "ItemGroupOID")
    assert err.problems[0].where.startswith("line ")


def test_bad_values_are_reported_with_place(exported, target, tmp_path):
    text = exported.replace('ItemOID="IT.VS.TEMP" Value="36.7"', 'ItemOID="IT.VS.TEMP" '
                            'Value="warm"', 1)
    text = text.replace('ItemOID="IT.ALSFRS.Q1" Value="4"', 'ItemOID="IT.ALSFRS.Q1" Value="7"',
                        1)
    text = text.replace('<ItemData ItemOID="IT.SV.SVDONE"', '<ItemData ItemOID="IT.SV.NOPE"', 1)
    err = _refused(target, tmp_path, text, "'warm' is not a number", "form vs",
                   "1. Speech: 7 is not one of", "unknown item 'IT.SV.NOPE'")
    assert all(p.where.startswith("line ") for p in err.problems)


def test_check_failing_while_writing_rolls_everything_back(exported, target, tmp_path):
    # The last subject's vital signs break a hard check; earlier subjects are already saved
    # when it fails, and must go too.
    head, sep, tail = exported.rpartition('ItemOID="IT.VS.DIABP" Value="76"')
    text = head + 'ItemOID="IT.VS.DIABP" Value="150"' + tail
    _refused(target, tmp_path, text, "diastolic pressure must be lower")


def test_doctype_is_refused(exported, target, tmp_path):
    text = exported.replace("?>\n", '?>\n<!DOCTYPE ODM [<!ENTITY x "boom">]>\n', 1)
    _refused(target, tmp_path, text, "DOCTYPE")


def test_not_into_a_database_that_has_subjects(monitor, tmp_path, demo_db):
    path = export_odm(monitor, tmp_path / "g.xml").target
    with open_as(demo_db, "investigator") as st:
        with pytest.raises(ImportRefused, match="already holds 7 subjects"):
            import_odm(st, path)


def test_import_needs_a_data_entry_role(monitor, tmp_path):
    path = export_odm(monitor, tmp_path / "g.xml").target
    with open_as(fresh_db(tmp_path, "m.db"), "monitor") as st:
        with pytest.raises(PermissionDenied):
            import_odm(st, path)
        # the attempt is recorded, as a refused file is: who, which file, why
        (who, what), = st.conn.execute("SELECT user_id, new_value FROM audit_trail WHERE "
                                       "action = 'data.import_refused'").fetchall()
        assert who == "monitor" and what.startswith("g.xml (") and "monitor" in what.lower()
        assert st.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 0
        assert st.verify().ok


def test_subject_number_from_the_pattern():
    assert subject_number("S{n:03d}", "S007") == 7
    assert subject_number("S{n:03d}", "S1234") == 1234
    assert subject_number("S{n:03d}", "S07") is None
    assert subject_number("S{n:03d}", "X007") is None
    assert subject_number("S{n:03d}", "S000") is None


def test_numbers_too_large_for_the_database_are_refused_in_words(exported, target, tmp_path):
    """A 5,000-digit integer (beyond Python's 4,300-digit conversion limit), one beyond
    SQLite's 64 bits, a decimal a double cannot hold: each a problem with its place."""
    huge = "9" * 5000
    text = exported.replace('ItemOID="IT.VS.PULSE" Value="', f'ItemOID="IT.VS.PULSE" Value="{huge}',
                            1)
    text = text.replace('ItemOID="IT.VS.RESP" Value="', 'ItemOID="IT.VS.RESP" Value="'
                        + str(2 ** 63), 1)
    text = text.replace('ItemOID="IT.VS.TEMP" Value="36.7"', 'ItemOID="IT.VS.TEMP" '
                        'Value="1e400"', 1)
    err = _refused(target, tmp_path, text, "digits) is too large: at most 18 digits",
                   "'922337203685477580", "is too large a number")
    assert len(str(err)) < 5000  # the number is not printed whole
    assert all(p.where.startswith("line ") for p in err.problems)


def test_subject_numbers_beyond_a_billion_are_no_subject_numbers(exported, target, tmp_path):
    for code in ("S" + "1" * 5000, "S" + str(2 ** 63)):
        text = exported.replace('SubjectKey="S001"', f'SubjectKey="{code}"', 1)
        err = _refused(target, tmp_path, text, "does not follow this study's pattern")
        assert len(str(err)) < 1000
    assert subject_number("S{n:03d}", "S" + str(2 ** 63)) is None


def test_metadata_that_changes_meaning_is_refused(exported, target, tmp_path):
    """Same OIDs, another meaning: sex M = Female, temperature in °F, a number as text."""
    text = re.sub(r'(CodedValue="M" OrderNumber="1">\s*<Decode>\s*<TranslatedText '
                  r'xml:lang="en">)Male', r"\1Female", exported, count=1)
    assert text != exported, "the sex code list is written differently than expected"
    text = re.sub(r'(<Symbol>\s*<TranslatedText xml:lang="en">)°C', r"\1°F", text, count=1)
    text = text.replace('OID="IT.VS.PULSE" Name="pulse" DataType="integer"',
                        'OID="IT.VS.PULSE" Name="pulse" DataType="text"', 1)
    err = _refused(target, tmp_path, text, "the file's codes M = Female differ",
                   "the file's unit is '°F', the study's '°C'",
                   "the file says data type 'text', the study 'integer'")
    assert all(p.where.startswith("line ") for p in err.problems)


def test_a_file_without_metadata_imports_on_its_oids(exported, target, tmp_path):
    start = exported.index("<MetaDataVersion")
    end = exported.index("</MetaDataVersion>") + len("</MetaDataVersion>")
    path = tmp_path / "data-only.xml"
    path.write_text(exported[:start] + exported[end:], encoding="utf-8")
    try:
        report = import_odm(target, path)
    except ImportRefused as exc:  # the schema wants a MetaDataVersion in Study
        assert "schema" in str(exc)
        return
    assert "holds no metadata" in report.text()
