"""`--audit` exports read the audit trail as they write (never all of it in memory): each ODM
value's AuditRecord is still its latest change, checked against the trail read with sqlite3,
and the CSV audit_trail.csv still holds every row of the selection."""
from __future__ import annotations

import csv
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

from lxml import etree

from alsdesk.exchange import ExportOptions, export_csv, export_odm
from alsdesk.exchange import odm_common as oc
from alsdesk.store.audit import A, CODE_ACTIONS, VALUE_ACTIONS
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}


def _latest(db) -> dict[tuple[int, str, bool], tuple[int, str]]:
    """(instance, field, is code) -> (seq, user) of its latest change, from the file itself."""
    conn = sqlite3.connect(db)
    try:
        out: dict[tuple[int, str, bool], tuple[int, str]] = {}
        for seq, iid, fld, action, user in conn.execute(
                "SELECT seq, instance_id, field, action, user_id FROM audit_trail ORDER BY seq"):
            if action in VALUE_ACTIONS or action in CODE_ACTIONS:
                out[(iid, fld, action in CODE_ACTIONS)] = (seq, user)
        return out
    finally:
        conn.close()


def _instances(db) -> dict[tuple[str, str, str, str, str], int]:
    """(SubjectKey, StudyEventOID, event repeat, FormOID, form repeat) -> instance id."""
    conn = sqlite3.connect(db)
    try:
        return {(code, oc.event_oid(ev), str(er), oc.form_oid(form), str(rep)): iid
                for iid, code, ev, er, form, rep in conn.execute(
                    "SELECT fi.id, s.code, fi.event, fi.event_repeat, fi.form, fi.repeat "
                    "FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id")}
    finally:
        conn.close()


def test_odm_audit_records_are_each_values_latest_change(demo_db, tmp_path):
    with open_as(demo_db, "nurse") as nurse:  # a second change of one value
        nurse.forms.save("S001", "screening", "vs", {"temp": 36.9},
                         reason="transcription error corrected")
    with open_as(demo_db, "monitor") as monitor:
        export_odm(monitor, tmp_path / "a.xml", ExportOptions(include_audit=True))
    latest, instances = _latest(demo_db), _instances(demo_db)
    root = etree.parse(str(tmp_path / "a.xml")).getroot()
    users = {u.get("OID") for u in root.iterfind(".//odm:AdminData/odm:User", NS)}
    checked = blank = 0
    for subject in root.iterfind(".//odm:SubjectData", NS):
        for event in subject.iterfind("odm:StudyEventData", NS):
            for form in event.iterfind("odm:FormData", NS):
                key = (subject.get("SubjectKey"), event.get("StudyEventOID"),
                       event.get("StudyEventRepeatKey") or "1", form.get("FormOID"),
                       form.get("FormRepeatKey") or "1")
                iid = instances[key]
                for item in form.iterfind("odm:ItemGroupData/odm:ItemData", NS):
                    oid = item.get("ItemOID")
                    is_code = oid.endswith(oc.MISSING_SUFFIX)
                    field = oid.removesuffix(oc.MISSING_SUFFIX).split(".")[-1].lower()
                    want = latest.get((iid, field, is_code))
                    record = item.find("odm:AuditRecord", NS)
                    if want is None or want[1] is None:
                        assert record is None, (key, oid)
                        blank += 1
                        continue
                    assert record is not None, (key, oid)
                    assert record.findtext("odm:SourceID", namespaces=NS) == \
                        f"ALS Desk audit trail row {want[0]}"
                    user = record.find("odm:UserRef", NS).get("UserOID")
                    assert user == oc.user_oid(want[1]) and user in users
                    checked += 1
    assert checked > 100
    temp = [i for i in root.iterfind(".//odm:ItemData[@ItemOID='IT.VS.TEMP']", NS)
            if i.findtext("odm:AuditRecord/odm:ReasonForChange", namespaces=NS)
            == "transcription error corrected"]
    assert len(temp) == 1 and temp[0].get("Value") == "36.9"


def test_csv_audit_trail_holds_every_row_of_the_selection(demo_db, tmp_path):
    with open_as(demo_db, "monitor") as monitor:
        export_csv(monitor, tmp_path / "c", ExportOptions(subjects=("S002",),
                                                          include_audit=True))
        forms = monitor.study.forms.values()
    # Direct identifiers stay out: their fields' rows, forms of nothing else, initials.
    hidden = {(f.id, fl.id) for f in forms for fl in f.fields if fl.identifier}
    only_ids = {f.id for f in forms if all(fl.identifier for fl in f.fields)}
    conn = sqlite3.connect(demo_db)
    try:
        want = [str(seq) for seq, form, fld, action in conn.execute(
            "SELECT seq, form, field, action FROM audit_trail WHERE subject = 'S002' "
            "ORDER BY seq")
            if (form, fld) not in hidden and form not in only_ids
            and action != A.SUBJECT_INITIALS]
    finally:
        conn.close()
    with open(tmp_path / "c" / "audit_trail.csv", encoding="utf-8", newline="") as fh:
        got = [r["seq"] for r in csv.DictReader(fh)]
    assert len(want) > 20 and got == want
