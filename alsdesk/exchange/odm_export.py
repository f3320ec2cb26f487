"""CDISC ODM 1.3.2: the study metadata and the clinical data in one XML file.

Written with the standard library only (xml.etree), so the program needs no ODM package at
run time; the tests validate every file against the ODM 1.3.2 schema shipped with odmlib.
The names and OIDs are explained in :mod:`alsdesk.exchange.odm_common`.

With ``include_audit``, each value carries the AuditRecord of its latest change (who, where,
when, why; SourceID points at the row of our audit trail, which the CSV export gives in
full) and each signed form its valid electronic Signature, with Users, the Location and the
SignatureDefs in AdminData.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from alsdesk import __version__
from alsdesk.exchange import odm_common as oc
from alsdesk.exchange.dataset import (
    ExportOptions, ExportResult, Instance, Output, Progress, Snapshot, plain_number, run_export,
)
from alsdesk.store.audit import CODE_ACTIONS, VALUE_ACTIONS
from alsdesk.study.model import CodeList, Event, EventKind, Field, FieldType, Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store

_SAS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,7}")
LEGAL_REASON = ("Electronic signature under 21 CFR 11.50 and 11.200: the signer re-entered "
                "user id and password")


def export_odm(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
               progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """Write one ODM 1.3.2 file `out` (metadata and clinical data) and log the export."""
    return run_export(store, "odm", out, options, False, _write, progress, overwrite)


def _write(snap: Snapshot, out: Output, progress: Progress) -> None:
    root = build_odm(snap, progress)
    ET.indent(root, space=" ")
    ET.ElementTree(root).write(out.path("odm.xml"), encoding="UTF-8", xml_declaration=True)


def _el(parent: ET.Element | None, name: str, attrs: dict[str, Any] | None = None,
        text: str | None = None) -> ET.Element:
    clean = {k: str(v) for k, v in (attrs or {}).items() if v is not None}
    # Plain names under an xmlns attribute on the root: ElementTree's default_namespace
    # option refuses the (unqualified) attribute names ODM uses.
    el = ET.Element(name, clean) if parent is None else ET.SubElement(parent, name, clean)
    if text is not None:
        el.text = text
    return el


def _translated(parent: ET.Element, name: str, text: str) -> ET.Element:
    el = _el(parent, name)
    _el(el, "TranslatedText", {oc.XML_LANG: "en"}, text)
    return el


def build_odm(snap: Snapshot, progress: Progress | None = None) -> ET.Element:
    """The whole ODM document as an element tree."""
    study = snap.study
    root = _el(None, "ODM", {
        "xmlns": oc.NS,
        "Description": f"{study.title} ({study.protocol})",
        "FileType": "Snapshot",
        "FileOID": f"ALSDESK.{study.id}.{re.sub(r'[^0-9]', '', snap.taken_at)[:20]}",
        "CreationDateTime": snap.taken_at,
        "ODMVersion": oc.ODM_VERSION,
        "Originator": study.site,
        "SourceSystem": "ALS Desk",
        "SourceSystemVersion": __version__,
    })
    add_study(root, snap)
    if snap.options.include_audit:
        add_admin(root, snap)
    add_clinical(root, snap, progress)
    return root


# --- metadata -----------------------------------------------------------------------------


def add_study(root: ET.Element, snap: Snapshot) -> None:
    study = snap.study
    st = _el(root, "Study", {"OID": oc.study_oid(study.id)})
    gv = _el(st, "GlobalVariables")
    _el(gv, "StudyName", text=study.id)
    _el(gv, "StudyDescription", text=study.title)
    _el(gv, "ProtocolName", text=study.protocol)
    units = _units(snap.forms)
    if units:
        bd = _el(st, "BasicDefinitions")
        for unit, oid in units.items():
            mu = _el(bd, "MeasurementUnit", {"OID": oid, "Name": unit})
            _translated(mu, "Symbol", unit)
    mdv = _el(st, "MetaDataVersion", {
        "OID": oc.mdv_oid(study.crf_version),
        "Name": f"{study.id} CRF version {study.crf_version}",
        "Description": f"ALS Desk study definition {study.crf_version}"})
    proto = _el(mdv, "Protocol")
    for n, event in enumerate(snap.events, start=1):
        _el(proto, "StudyEventRef", {"StudyEventOID": oc.event_oid(event.id),
                                     "OrderNumber": n, "Mandatory": _yes(_mandatory(event))})
    for event in snap.events:
        _event_def(mdv, snap, event)
    for form in snap.forms:
        fd = _el(mdv, "FormDef", {"OID": oc.form_oid(form.id), "Name": form.label,
                                  "Repeating": _yes(form.repeating)})
        _el(fd, "ItemGroupRef", {"ItemGroupOID": oc.group_oid(form.id), "Mandatory": "Yes"})
    for form in snap.forms:
        _group_def(mdv, form)
    for form in snap.forms:
        for f in form.fields:
            _item_def(mdv, snap, form, f, units)
    for codelist in _codelists(snap.forms):
        _codelist(mdv, oc.codelist_oid(codelist.id), codelist.id, codelist.data_type,
                  [(c.code, c.label) for c in codelist.choices])
    _codelist(mdv, oc.CL_MISSING, "Missing-data codes", "text",
              [(m.code, m.label) for m in snap.study.missing_codes])
    _codelist(mdv, oc.CL_FLAG_TYPE, "ALS Desk annotation flags", "text",
              [(oc.FLAG_FORM_STATUS, "Workflow status of the form"),
               (oc.FLAG_SUBJECT_STATUS, "Status of the subject in the study")])
    _codelist(mdv, oc.CL_FORM_STATUS, "Form status", "text",
              [(s, s) for s in oc.FORM_STATUSES])
    _codelist(mdv, oc.CL_SUBJECT_STATUS, "Subject status", "text",
              [(s, s) for s in oc.SUBJECT_STATUSES])


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _mandatory(event: Event) -> bool:
    return event.kind is EventKind.VISIT and not event.repeating and event.target is not None


def _event_def(mdv: ET.Element, snap: Snapshot, event: Event) -> None:
    kind = ("Common" if event.kind is EventKind.LOG
            else "Unscheduled" if event.repeating else "Scheduled")
    ed = _el(mdv, "StudyEventDef", {"OID": oc.event_oid(event.id), "Name": event.label,
                                    "Repeating": _yes(event.repeating), "Type": kind})
    if event.window is not None or event.target is not None:
        unit = event.unit.value if event.unit else ""
        parts = []
        if event.target is not None:
            parts.append(f"target {event.target:g} {unit} after the infusion")
        if event.window is not None:
            parts.append(f"window {event.window[0]:g} to {event.window[1]:g} {unit}")
        _translated(ed, "Description", "; ".join(parts))
    for n, form_id in enumerate(event.forms, start=1):
        form = snap.form(form_id)
        _el(ed, "FormRef", {"FormOID": oc.form_oid(form_id), "OrderNumber": n,
                            "Mandatory": _yes(not form.repeating and _mandatory(event))})


def _group_def(mdv: ET.Element, form: Form) -> None:
    sas = form.id.upper()
    attrs: dict[str, Any] = {"OID": oc.group_oid(form.id), "Name": form.id, "Repeating": "No"}
    if _SAS_NAME.fullmatch(sas):
        attrs["SASDatasetName"] = sas
    if form.domain:
        attrs["Domain"] = form.domain
    ig = _el(mdv, "ItemGroupDef", attrs)
    _translated(ig, "Description", form.label)
    n = 0
    for f in form.fields:
        n += 1
        _el(ig, "ItemRef", {"ItemOID": oc.item_oid(form.id, f.id), "OrderNumber": n,
                            "Mandatory": _yes(f.required and not f.visible)})
        if f.missing:
            n += 1
            _el(ig, "ItemRef", {"ItemOID": oc.item_oid(form.id, f.id) + oc.MISSING_SUFFIX,
                                "OrderNumber": n, "Mandatory": "No"})


def _length(f: Field) -> int | None:
    if f.type in (FieldType.TEXT, FieldType.MEMO):
        return f.length or {FieldType.TEXT: 2000, FieldType.MEMO: 20000}[f.type]
    if f.type is FieldType.CHOICE and f.codelist is not None:
        return max(len(str(c.code)) for c in f.codelist.choices)
    if f.type in (FieldType.INTEGER, FieldType.DECIMAL):
        bounds = [abs(b) for b in (f.min, f.max) if b is not None]
        whole = len(str(int(max(bounds)))) if bounds else 15
        return whole + (f.digits or 0) if f.type is FieldType.DECIMAL else whole
    return {FieldType.DATE: 10, FieldType.DATETIME: 19, FieldType.TIME: 8}[f.type]


def _item_def(mdv: ET.Element, snap: Snapshot, form: Form, f: Field,
              units: dict[str, str]) -> None:
    attrs: dict[str, Any] = {"OID": oc.item_oid(form.id, f.id), "Name": f.id,
                             "DataType": oc.odm_data_type(f), "Length": _length(f)}
    if f.type is FieldType.DECIMAL and f.digits is not None:
        attrs["SignificantDigits"] = f.digits
    sds = (f.sdtm or "").split(".")[-1]
    if sds and _SAS_NAME.fullmatch(sds):
        attrs["SDSVarName"] = sds
    if f.identifier:
        attrs["Comment"] = "Direct identifier: restricted"
    item = _el(mdv, "ItemDef", attrs)
    if f.help:
        _translated(item, "Description", f.help)
    _translated(item, "Question", f.label)
    if f.unit:
        _el(item, "MeasurementUnitRef", {"MeasurementUnitOID": units[f.unit]})
    for comparator, bound in (("GE", f.min), ("LE", f.max)):
        if bound is not None:
            rc = _el(item, "RangeCheck", {"Comparator": comparator, "SoftHard": "Hard"})
            _el(rc, "CheckValue", text=_bound(f, bound))
            word = "at least" if comparator == "GE" else "at most"
            _translated(rc, "ErrorMessage", f"{f.label}: {word} {_bound(f, bound)}"
                        + (f" {f.unit}" if f.unit else ""))
    if f.codelist is not None:
        _el(item, "CodeListRef", {"CodeListOID": oc.codelist_oid(f.codelist.id)})
    if f.cdash:
        _el(item, "Alias", {"Context": "CDASH", "Name": f.cdash})
    if f.sdtm:
        _el(item, "Alias", {"Context": "SDTM", "Name": f.sdtm})
    if f.missing:
        codes = [m for m in snap.study.missing_codes if m.code in f.missing]
        companion = _el(mdv, "ItemDef", {
            "OID": oc.item_oid(form.id, f.id) + oc.MISSING_SUFFIX,
            "Name": f"{f.id}__missing", "DataType": "text",
            "Length": max(len(m.code) for m in codes),
            "Comment": f"Why {f.id} is blank: " + ", ".join(m.code for m in codes)})
        _translated(companion, "Question", f"{f.label}: missing-data code")
        _el(companion, "CodeListRef", {"CodeListOID": oc.CL_MISSING})


def _bound(f: Field, bound: float) -> str:
    if f.type is FieldType.INTEGER or float(bound).is_integer():
        return str(int(bound))
    return plain_number(bound)


def _units(forms: Iterable[Form]) -> dict[str, str]:
    units: dict[str, str] = {}
    for form in forms:
        for f in form.fields:
            if f.unit and f.unit not in units:
                units[f.unit] = f"MU.{len(units) + 1}"
    return units


def _codelists(forms: Iterable[Form]) -> list[CodeList]:
    seen: dict[str, CodeList] = {}
    for form in forms:
        for f in form.fields:
            if f.codelist is not None:
                seen.setdefault(f.codelist.id, f.codelist)
    return list(seen.values())


def _codelist(mdv: ET.Element, oid: str, name: str, data_type: str,
              items: list[tuple[Any, str]]) -> None:
    cl = _el(mdv, "CodeList", {"OID": oid, "Name": name, "DataType": data_type})
    for n, (code, label) in enumerate(items, start=1):
        item = _el(cl, "CodeListItem", {"CodedValue": code, "OrderNumber": n})
        _translated(item, "Decode", label)


# --- administrative data ------------------------------------------------------------------


def _signature_defs(snap: Snapshot) -> dict[str, str]:
    meanings: dict[str, str] = {}
    for sigs in snap.signatures.values():
        for s in sigs:
            if s.valid and s.meaning not in meanings:
                meanings[s.meaning] = f"SD.{len(meanings) + 1}"
    return meanings


def _referenced_users(snap: Snapshot) -> list[str]:
    ids = {s.user_id for sigs in snap.signatures.values() for s in sigs if s.valid}
    ids |= {row["user_id"] for row in _last_changes(snap).values() if row["user_id"]}
    return sorted(ids)


def add_admin(root: ET.Element, snap: Snapshot) -> None:
    study = snap.study
    admin = _el(root, "AdminData", {"StudyOID": oc.study_oid(study.id)})
    for user_id in _referenced_users(snap):
        name, role = snap.users.get(user_id, (user_id, "other"))
        user = _el(admin, "User", {"OID": oc.user_oid(user_id),
                                   "UserType": "Investigator" if role == "investigator"
                                   else "Other"})
        _el(user, "LoginName", text=user_id)
        _el(user, "FullName", text=name)
    loc = _el(admin, "Location", {"OID": oc.LOCATION_OID, "Name": study.site,
                                  "LocationType": "Site"})
    _el(loc, "MetaDataVersionRef", {"StudyOID": oc.study_oid(study.id),
                                    "MetaDataVersionOID": oc.mdv_oid(study.crf_version),
                                    "EffectiveDate": snap.taken_at[:10]})
    for meaning, oid in _signature_defs(snap).items():
        sd = _el(admin, "SignatureDef", {"OID": oid, "Methodology": "Electronic"})
        _el(sd, "Meaning", text=meaning)
        _el(sd, "LegalReason", text=LEGAL_REASON)


# --- clinical data ------------------------------------------------------------------------


def _last_changes(snap: Snapshot) -> dict[tuple[int, str, bool], dict[str, Any]]:
    """(instance, field, is missing code) -> the audit row of its latest change."""
    last: dict[tuple[int, str, bool], dict[str, Any]] = {}
    for row in snap.audit:
        if row["action"] in VALUE_ACTIONS or row["action"] in CODE_ACTIONS:
            last[(row["instance_id"], row["field"], row["action"] in CODE_ACTIONS)] = row
    return last


def _flag(parent: ET.Element, value: str, codelist: str, flag_type: str) -> None:
    ann = _el(parent, "Annotation", {"SeqNum": 1})
    flag = _el(ann, "Flag")
    _el(flag, "FlagValue", {"CodeListOID": codelist}, value)
    _el(flag, "FlagType", {"CodeListOID": oc.CL_FLAG_TYPE}, flag_type)


def _audit_record(parent: ET.Element, row: dict[str, Any]) -> None:
    ar = _el(parent, "AuditRecord")
    _el(ar, "UserRef", {"UserOID": oc.user_oid(row["user_id"])})
    _el(ar, "LocationRef", {"LocationOID": oc.LOCATION_OID})
    _el(ar, "DateTimeStamp", text=row["ts"])
    if row["reason"]:
        _el(ar, "ReasonForChange", text=row["reason"])
    _el(ar, "SourceID", text=f"ALS Desk audit trail row {row['seq']}")


def add_clinical(root: ET.Element, snap: Snapshot, progress: Progress | None) -> None:
    study = snap.study
    cd = _el(root, "ClinicalData", {"StudyOID": oc.study_oid(study.id),
                                    "MetaDataVersionOID": oc.mdv_oid(study.crf_version)})
    by_subject: dict[str, list[Instance]] = {}
    for inst in snap.instances:
        by_subject.setdefault(inst.subject, []).append(inst)
    repeating_events = {e.id for e in study.events if e.repeating}
    sig_defs = _signature_defs(snap)
    last = _last_changes(snap) if snap.options.include_audit else {}
    for n, subject in enumerate(snap.subjects, start=1):
        if progress:
            progress(n, len(snap.subjects) + 1, f"Writing subject {subject.code}")
        sd = _el(cd, "SubjectData", {"SubjectKey": subject.code})
        _flag(sd, subject.status, oc.CL_SUBJECT_STATUS, oc.FLAG_SUBJECT_STATUS)
        event_el: ET.Element | None = None
        event_key: tuple[str, int] | None = None
        for inst in by_subject.get(subject.code, []):
            if (inst.event, inst.event_repeat) != event_key:
                event_key = (inst.event, inst.event_repeat)
                event_el = _el(sd, "StudyEventData", {
                    "StudyEventOID": oc.event_oid(inst.event),
                    "StudyEventRepeatKey": inst.event_repeat
                    if inst.event in repeating_events else None})
            assert event_el is not None
            _form_data(event_el, snap, inst, sig_defs, last)


def _form_data(parent: ET.Element, snap: Snapshot, inst: Instance, sig_defs: dict[str, str],
               last: dict[tuple[int, str, bool], dict[str, Any]]) -> None:
    form = snap.form(inst.form)
    fd = _el(parent, "FormData", {"FormOID": oc.form_oid(form.id),
                                  "FormRepeatKey": inst.repeat if form.repeating else None})
    valid = [s for s in snap.signatures.get(inst.instance_id, []) if s.valid]
    if valid:
        sig = _el(fd, "Signature")
        _el(sig, "UserRef", {"UserOID": oc.user_oid(valid[-1].user_id)})
        _el(sig, "LocationRef", {"LocationOID": oc.LOCATION_OID})
        _el(sig, "SignatureRef", {"SignatureOID": sig_defs[valid[-1].meaning]})
        _el(sig, "DateTimeStamp", text=valid[-1].signed_at)
    _flag(fd, inst.status, oc.CL_FORM_STATUS, oc.FLAG_FORM_STATUS)
    ig = _el(fd, "ItemGroupData", {"ItemGroupOID": oc.group_oid(form.id)})
    for f in form.fields:
        value = inst.values.get(f.id)
        if value is not None:
            item = _el(ig, "ItemData", {"ItemOID": oc.item_oid(form.id, f.id),
                                        "Value": oc.to_odm(f, value)})
            row = last.get((inst.instance_id, f.id, False))
            if row is not None and row["user_id"]:
                _audit_record(item, row)
        code = inst.missing.get(f.id)
        if code:
            item = _el(ig, "ItemData", {"ItemOID": oc.item_oid(form.id, f.id)
                                        + oc.MISSING_SUFFIX, "Value": code})
            row = last.get((inst.instance_id, f.id, True))
            if row is not None and row["user_id"]:
                _audit_record(item, row)
