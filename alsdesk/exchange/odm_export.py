"""CDISC ODM 1.3.2: the study metadata and the clinical data in one XML file.

Written with the standard library only, so the program needs no ODM package at run time; the
tests validate every file against the ODM 1.3.2 schema shipped with odmlib. The names and
OIDs are explained in :mod:`alsdesk.exchange.odm_common`.

The file is streamed: metadata, administrative data, then one SubjectData after another,
each written out and forgotten, so memory does not grow with the study. The text is the one
``ET.indent(root, space=" ")`` and ``ElementTree.write(..., encoding="UTF-8",
xml_declaration=True)`` would give for the same document, byte for byte: the same escaping,
attribute order, one space of indentation per level and ``<X />`` for empty elements.

With ``include_audit``, each value carries the AuditRecord of its latest change (who, where,
when, why; SourceID points at the row of our audit trail, which the CSV export gives in
full) and each signed form its valid electronic Signature, with Users, the Location and the
SignatureDefs in AdminData.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from alsdesk import __version__
from alsdesk.exchange import heads, odm_common as oc
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
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>"


def export_odm(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
               progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """Write one ODM 1.3.2 file `out` (metadata and clinical data) and log the export."""
    return run_export(store, "odm", out, options, False, _write, progress, overwrite)


def _write(snap: Snapshot, out: Output, progress: Progress) -> None:
    # As ElementTree.write opens a file: characters UTF-8 cannot encode (lone surrogates)
    # become character references instead of failing the export.
    with open(out.path("odm.xml"), "w", encoding="UTF-8", errors="xmlcharrefreplace") as fh:
        write_odm(snap, fh.write, progress)


def write_odm(snap: Snapshot, write: Callable[[str], Any],
              progress: Progress | None = None) -> None:
    """Stream the whole ODM document, as text, to `write`."""
    study = snap.study
    x = _Xml(write)
    x.raw(XML_DECLARATION)
    x.start("ODM", {
        "xmlns": oc.NS,
        "Description": heads.odm_description(snap),
        "FileType": "Snapshot",
        "FileOID": f"ALSDESK.{study.id}.{re.sub(r'[^0-9]', '', snap.taken_at)[:20]}",
        "CreationDateTime": snap.taken_at,
        "ODMVersion": oc.ODM_VERSION,
        "Originator": study.site,
        "SourceSystem": "ALS Desk",
        "SourceSystemVersion": __version__,
    })
    add_study(x, snap)
    if snap.options.include_audit:
        add_admin(x, snap)
    x.flush()
    add_clinical(x, snap, progress)
    x.end()
    x.flush()


def build_odm(snap: Snapshot, progress: Progress | None = None) -> ET.Element:
    """The whole ODM document as an element tree, shaped as the exporter once built it:
    plain element names under an ``xmlns`` attribute on the root, no indentation text.

    ``ET.indent(root, space=" ")`` and ``ElementTree.write(..., encoding="UTF-8",
    xml_declaration=True)`` of it give the bytes :func:`export_odm` writes (unless element
    text holds a carriage return, which any XML parser reads back as a line feed).
    """
    buf = io.StringIO()
    write_odm(snap, buf.write, progress)
    root = ET.fromstring(buf.getvalue())
    prefix = f"{{{oc.NS}}}"
    for el in root.iter():
        el.tag = el.tag.removeprefix(prefix)
        el.tail = None
        if len(el):
            el.text = None  # only indentation: no element of ODM has mixed content here
    attrib = {"xmlns": oc.NS, **root.attrib}
    root.attrib.clear()
    root.attrib.update(attrib)
    return root


# --- XML text -----------------------------------------------------------------------------

# Attribute names as ElementTree writes them (the xml prefix needs no declaration).
_NAMES = {oc.XML_LANG: "xml:lang"}


# What xml.etree.ElementTree (Python 3.11) escapes: in character data the markup characters;
# in attribute values also quotes, and line breaks and tabs as character references so a
# reader gets them back rather than spaces.
_CDATA = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIB = _CDATA + (("\"", "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _escaped(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for char, entity in table:
        if char in text:
            text = text.replace(char, entity)
    return text


def _escape_cdata(text: str) -> str:
    return _escaped(text, _CDATA)


def _escape_attrib(text: str) -> str:
    return _escaped(text, _ATTRIB)


def _attrs(attrs: dict[str, Any] | None) -> str:
    """ name="value" ... in the given order, leaving out None values."""
    if not attrs:
        return ""
    return "".join(f' {_NAMES.get(k, k)}="{_escape_attrib(str(v))}"'
                   for k, v in attrs.items() if v is not None)


def _leaf(indent: str, name: str, attrs: str, text: str | None) -> str:
    """A childless element on its own line; `attrs` already formatted by :func:`_attrs`."""
    if text:
        return f"{indent}<{name}{attrs}>{_escape_cdata(text)}</{name}>"
    return f"{indent}<{name}{attrs} />"


class _Xml:
    """Writes elements as they come, laid out as ET.indent(space=" ") would lay them out.

    Every element starts on a new line indented one space per level; an element's start tag
    is finished (``>`` or, when it turns out to have no children, `` />``) only once its
    first child or its end comes. Text accumulates until :meth:`flush`.
    """

    def __init__(self, write: Callable[[str], Any], depth: int = 0):
        self._write = write
        self.parts: list[str] = []
        self._base = depth  # the depth of the first element written
        self._open: list[str] = []
        self._pending = False  # the last start tag still lacks its ">"
        self._indents = ["\n"]

    def indent(self, depth: int) -> str:
        """Newline and indentation of an element at `depth` (the root is at 0)."""
        while len(self._indents) <= depth:
            self._indents.append(self._indents[-1] + " ")
        return self._indents[depth]

    @property
    def depth(self) -> int:
        """The depth of the next child element."""
        return self._base + len(self._open)

    def start(self, name: str, attrs: dict[str, Any] | None = None) -> None:
        parts = self.parts
        if self._pending:
            parts.append(">")
        # (The root too starts with a newline: it follows the XML declaration.)
        parts.append(self.indent(self.depth))
        parts.append(f"<{name}{_attrs(attrs)}")
        self._open.append(name)
        self._pending = True

    def end(self) -> None:
        name = self._open.pop()
        if self._pending:
            self.parts.append(" />")
            self._pending = False
        else:
            self.parts.append(f"{self.indent(self.depth)}</{name}>")

    def leaf(self, name: str, attrs: dict[str, Any] | None = None,
             text: str | None = None) -> None:
        """An element without children, with text or none."""
        self.raw(_leaf(self.indent(self.depth), name, _attrs(attrs), text))

    def translated(self, name: str, text: str) -> None:
        self.start(name)
        self.leaf("TranslatedText", {oc.XML_LANG: "en"}, text)
        self.end()

    def raw(self, text: str) -> None:
        """Text made elsewhere: whole child elements of the open element, or the declaration."""
        if self._pending:
            self.parts.append(">")
            self._pending = False
        self.parts.append(text)

    def flush(self) -> None:
        if self.parts:
            self._write("".join(self.parts))
            self.parts.clear()


# --- metadata -----------------------------------------------------------------------------


def add_study(x: _Xml, snap: Snapshot) -> None:
    study = snap.study
    x.start("Study", {"OID": oc.study_oid(study.id)})
    x.start("GlobalVariables")
    x.leaf("StudyName", text=study.id)
    x.leaf("StudyDescription", text=study.title)
    x.leaf("ProtocolName", text=study.protocol)
    x.end()
    units = _units(snap.forms)
    if units:
        x.start("BasicDefinitions")
        for unit, oid in units.items():
            x.start("MeasurementUnit", {"OID": oid, "Name": unit})
            x.translated("Symbol", unit)
            x.end()
        x.end()
    x.start("MetaDataVersion", {
        "OID": oc.mdv_oid(study.crf_version),
        "Name": f"{study.id} CRF version {study.crf_version}",
        "Description": f"ALS Desk study definition {study.crf_version}"})
    x.start("Protocol")
    for n, event in enumerate(snap.events, start=1):
        x.leaf("StudyEventRef", {"StudyEventOID": oc.event_oid(event.id),
                                 "OrderNumber": n, "Mandatory": _yes(_mandatory(event))})
    x.end()
    for event in snap.events:
        _event_def(x, snap, event)
    for form in snap.forms:
        x.start("FormDef", {"OID": oc.form_oid(form.id), "Name": form.label,
                            "Repeating": _yes(form.repeating)})
        x.leaf("ItemGroupRef", {"ItemGroupOID": oc.group_oid(form.id), "Mandatory": "Yes"})
        x.end()
    for form in snap.forms:
        _group_def(x, form)
    for form in snap.forms:
        for f in form.fields:
            _item_def(x, snap, form, f, units)
    for codelist in _codelists(snap.forms):
        _codelist(x, oc.codelist_oid(codelist.id), codelist.id, codelist.data_type,
                  [(c.code, c.label) for c in codelist.choices])
    _codelist(x, oc.CL_MISSING, "Missing-data codes", "text",
              [(m.code, m.label) for m in snap.study.missing_codes])
    _codelist(x, oc.CL_FLAG_TYPE, "ALS Desk annotation flags", "text",
              [(oc.FLAG_FORM_STATUS, "Workflow status of the form"),
               (oc.FLAG_SUBJECT_STATUS, "Status of the subject in the study")])
    _codelist(x, oc.CL_FORM_STATUS, "Form status", "text",
              [(s, s) for s in oc.FORM_STATUSES])
    _codelist(x, oc.CL_SUBJECT_STATUS, "Subject status", "text",
              [(s, s) for s in oc.SUBJECT_STATUSES])
    x.end()  # MetaDataVersion
    x.end()  # Study


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _mandatory(event: Event) -> bool:
    return event.kind is EventKind.VISIT and not event.repeating and event.target is not None


def _event_def(x: _Xml, snap: Snapshot, event: Event) -> None:
    kind = ("Common" if event.kind is EventKind.LOG
            else "Unscheduled" if event.repeating else "Scheduled")
    x.start("StudyEventDef", {"OID": oc.event_oid(event.id), "Name": event.label,
                              "Repeating": _yes(event.repeating), "Type": kind})
    if event.window is not None or event.target is not None:
        unit = event.unit.value if event.unit else ""
        parts = []
        if event.target is not None:
            parts.append(f"target {event.target:g} {unit} after the infusion")
        if event.window is not None:
            parts.append(f"window {event.window[0]:g} to {event.window[1]:g} {unit}")
        x.translated("Description", "; ".join(parts))
    for n, form_id in enumerate(event.forms, start=1):
        form = snap.form(form_id)
        x.leaf("FormRef", {"FormOID": oc.form_oid(form_id), "OrderNumber": n,
                           "Mandatory": _yes(not form.repeating and _mandatory(event))})
    x.end()


def _group_def(x: _Xml, form: Form) -> None:
    sas = form.id.upper()
    attrs: dict[str, Any] = {"OID": oc.group_oid(form.id), "Name": form.id, "Repeating": "No"}
    if _SAS_NAME.fullmatch(sas):
        attrs["SASDatasetName"] = sas
    if form.domain:
        attrs["Domain"] = form.domain
    x.start("ItemGroupDef", attrs)
    x.translated("Description", form.label)
    n = 0
    for f in form.fields:
        n += 1
        x.leaf("ItemRef", {"ItemOID": oc.item_oid(form.id, f.id), "OrderNumber": n,
                           "Mandatory": _yes(f.required and not f.visible)})
        if f.missing:
            n += 1
            x.leaf("ItemRef", {"ItemOID": oc.item_oid(form.id, f.id) + oc.MISSING_SUFFIX,
                               "OrderNumber": n, "Mandatory": "No"})
    x.end()


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


def _item_def(x: _Xml, snap: Snapshot, form: Form, f: Field, units: dict[str, str]) -> None:
    attrs: dict[str, Any] = {"OID": oc.item_oid(form.id, f.id), "Name": f.id,
                             "DataType": oc.odm_data_type(f), "Length": _length(f)}
    if f.type is FieldType.DECIMAL and f.digits is not None:
        attrs["SignificantDigits"] = f.digits
    sds = (f.sdtm or "").split(".")[-1]
    if sds and _SAS_NAME.fullmatch(sds):
        attrs["SDSVarName"] = sds
    if f.identifier:
        attrs["Comment"] = "Direct identifier: restricted"
    x.start("ItemDef", attrs)
    if f.help:
        x.translated("Description", f.help)
    x.translated("Question", f.label)
    if f.unit:
        x.leaf("MeasurementUnitRef", {"MeasurementUnitOID": units[f.unit]})
    for comparator, bound in (("GE", f.min), ("LE", f.max)):
        if bound is not None:
            x.start("RangeCheck", {"Comparator": comparator, "SoftHard": "Hard"})
            x.leaf("CheckValue", text=_bound(f, bound))
            word = "at least" if comparator == "GE" else "at most"
            x.translated("ErrorMessage", f"{f.label}: {word} {_bound(f, bound)}"
                         + (f" {f.unit}" if f.unit else ""))
            x.end()
    if f.codelist is not None:
        x.leaf("CodeListRef", {"CodeListOID": oc.codelist_oid(f.codelist.id)})
    if f.cdash:
        x.leaf("Alias", {"Context": "CDASH", "Name": f.cdash})
    if f.sdtm:
        x.leaf("Alias", {"Context": "SDTM", "Name": f.sdtm})
    x.end()
    if f.missing:
        codes = [m for m in snap.study.missing_codes if m.code in f.missing]
        x.start("ItemDef", {
            "OID": oc.item_oid(form.id, f.id) + oc.MISSING_SUFFIX,
            "Name": f"{f.id}__missing", "DataType": "text",
            "Length": max(len(m.code) for m in codes),
            "Comment": f"Why {f.id} is blank: " + ", ".join(m.code for m in codes)})
        x.translated("Question", f"{f.label}: missing-data code")
        x.leaf("CodeListRef", {"CodeListOID": oc.CL_MISSING})
        x.end()


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


def _codelist(x: _Xml, oid: str, name: str, data_type: str,
              items: list[tuple[Any, str]]) -> None:
    x.start("CodeList", {"OID": oid, "Name": name, "DataType": data_type})
    for n, (code, label) in enumerate(items, start=1):
        x.start("CodeListItem", {"CodedValue": code, "OrderNumber": n})
        x.translated("Decode", label)
        x.end()
    x.end()


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


def add_admin(x: _Xml, snap: Snapshot) -> None:
    study = snap.study
    x.start("AdminData", {"StudyOID": oc.study_oid(study.id)})
    for user_id in _referenced_users(snap):
        name, role = snap.users.get(user_id, (user_id, "other"))
        x.start("User", {"OID": oc.user_oid(user_id),
                         "UserType": "Investigator" if role == "investigator" else "Other"})
        x.leaf("LoginName", text=user_id)
        x.leaf("FullName", text=name)
        x.end()
    x.start("Location", {"OID": oc.LOCATION_OID, "Name": study.site, "LocationType": "Site"})
    x.leaf("MetaDataVersionRef", {"StudyOID": oc.study_oid(study.id),
                                  "MetaDataVersionOID": oc.mdv_oid(study.crf_version),
                                  "EffectiveDate": snap.taken_at[:10]})
    x.end()
    for meaning, oid in _signature_defs(snap).items():
        x.start("SignatureDef", {"OID": oid, "Methodology": "Electronic"})
        x.leaf("Meaning", text=meaning)
        x.leaf("LegalReason", text=LEGAL_REASON)
        x.end()
    x.end()


# --- clinical data ------------------------------------------------------------------------


def _last_changes(snap: Snapshot) -> dict[tuple[int, str, bool], dict[str, Any]]:
    """(instance, field, is missing code) -> the audit row of its latest change."""
    last: dict[tuple[int, str, bool], dict[str, Any]] = {}
    for row in snap.audit:
        if row["action"] in VALUE_ACTIONS or row["action"] in CODE_ACTIONS:
            last[(row["instance_id"], row["field"], row["action"] in CODE_ACTIONS)] = row
    return last


class _Clinical:
    """Writes SubjectData elements. The hot path of a large export: the few fixed pieces
    (status flags, OIDs) are made once, values are escaped as they come."""

    def __init__(self, x: _Xml, snap: Snapshot):
        self.x = x
        self.snap = snap
        self.sig_defs = _signature_defs(snap)
        self.last = _last_changes(snap) if snap.options.include_audit else {}
        self.forms = {f.id: f for f in snap.forms}
        self._flags: dict[tuple[int, str, str, str], str] = {}
        # (form id, depth) -> [(field, start of its ItemData, of its missing-code ItemData)]
        self._items: dict[tuple[str, int], list[tuple[Field, str, str]]] = {}

    def flag(self, depth: int, value: str, codelist: str, flag_type: str) -> None:
        key = (depth, value, codelist, flag_type)
        text = self._flags.get(key)
        if text is None:
            sub = _Xml(lambda _: None, depth)
            sub.start("Annotation", {"SeqNum": 1})
            sub.start("Flag")
            sub.leaf("FlagValue", {"CodeListOID": codelist}, value)
            sub.leaf("FlagType", {"CodeListOID": oc.CL_FLAG_TYPE}, flag_type)
            sub.end()
            sub.end()
            text = self._flags[key] = "".join(sub.parts)
        self.x.raw(text)

    def items(self, form: Form, depth: int) -> list[tuple[Field, str, str]]:
        found = self._items.get((form.id, depth))
        if found is None:
            start = f'{self.x.indent(depth)}<ItemData ItemOID="'
            found = self._items[(form.id, depth)] = []
            for f in form.fields:
                oid = oc.item_oid(form.id, f.id)
                found.append((f, f'{start}{_escape_attrib(oid)}" Value="',
                              f'{start}{_escape_attrib(oid + oc.MISSING_SUFFIX)}" Value="'))
        return found

    def subject(self, subject_code: str, status: str, instances: list[Instance],
                repeating_events: set[str]) -> None:
        x = self.x
        x.start("SubjectData", {"SubjectKey": subject_code})
        self.flag(x.depth, status, oc.CL_SUBJECT_STATUS, oc.FLAG_SUBJECT_STATUS)
        event_key: tuple[str, int] | None = None
        for inst in instances:
            if (inst.event, inst.event_repeat) != event_key:
                if event_key is not None:
                    x.end()
                event_key = (inst.event, inst.event_repeat)
                x.start("StudyEventData", {
                    "StudyEventOID": oc.event_oid(inst.event),
                    "StudyEventRepeatKey": inst.event_repeat
                    if inst.event in repeating_events else None})
            self.form_data(inst)
        if event_key is not None:
            x.end()
        x.end()

    def form_data(self, inst: Instance) -> None:
        x = self.x
        form = self.forms.get(inst.form) or self.snap.form(inst.form)
        x.start("FormData", {"FormOID": oc.form_oid(form.id),
                             "FormRepeatKey": inst.repeat if form.repeating else None})
        valid = [s for s in self.snap.signatures.get(inst.instance_id, []) if s.valid]
        if valid:
            # ID is optional in the 1.3.2 XSD but required by odmlib's model; one per form.
            x.start("Signature", {"ID": f"SIG.{inst.instance_id}"})
            x.leaf("UserRef", {"UserOID": oc.user_oid(valid[-1].user_id)})
            x.leaf("LocationRef", {"LocationOID": oc.LOCATION_OID})
            x.leaf("SignatureRef", {"SignatureOID": self.sig_defs[valid[-1].meaning]})
            x.leaf("DateTimeStamp", text=valid[-1].signed_at)
            x.end()
        self.flag(x.depth, inst.status, oc.CL_FORM_STATUS, oc.FLAG_FORM_STATUS)
        x.start("ItemGroupData", {"ItemGroupOID": oc.group_oid(form.id)})
        depth = x.depth
        values, missing, last = inst.values, inst.missing, self.last
        out: list[str] = []
        for f, start, start_missing in self.items(form, depth):
            value = values.get(f.id)
            if value is not None:
                self.item_data(out, start, oc.to_odm(f, value),
                               last.get((inst.instance_id, f.id, False)) if last else None, depth)
            code = missing.get(f.id)
            if code:
                self.item_data(out, start_missing, str(code),
                               last.get((inst.instance_id, f.id, True)) if last else None, depth)
        if out:
            x.raw("".join(out))
        x.end()  # ItemGroupData
        x.end()  # FormData

    def item_data(self, out: list[str], start: str, value: str, row: dict[str, Any] | None,
                  depth: int) -> None:
        """One ItemData (its start tag text up to the value given), with its AuditRecord."""
        out.append(start)
        out.append(_escape_attrib(value))
        if row is not None and row["user_id"]:
            out.append('">')
            out.append(self.audit_record(row, depth))
            out.append(f"{self.x.indent(depth)}</ItemData>")
        else:
            out.append('" />')

    def audit_record(self, row: dict[str, Any], depth: int) -> str:
        """The AuditRecord of an ItemData at `depth`."""
        inner = self.x.indent(depth + 2)
        parts = [
            self.x.indent(depth + 1), "<AuditRecord>",
            inner, f'<UserRef UserOID="{_escape_attrib(oc.user_oid(row["user_id"]))}" />',
            inner, f'<LocationRef LocationOID="{_escape_attrib(oc.LOCATION_OID)}" />',
            _leaf(inner, "DateTimeStamp", "", row["ts"]),
        ]
        if row["reason"]:
            parts.append(_leaf(inner, "ReasonForChange", "", row["reason"]))
        parts.append(_leaf(inner, "SourceID", "", f"ALS Desk audit trail row {row['seq']}"))
        parts.append(self.x.indent(depth + 1))
        parts.append("</AuditRecord>")
        return "".join(parts)


def add_clinical(x: _Xml, snap: Snapshot, progress: Progress | None) -> None:
    """ClinicalData, written out one SubjectData at a time."""
    study = snap.study
    x.start("ClinicalData", {"StudyOID": oc.study_oid(study.id),
                             "MetaDataVersionOID": oc.mdv_oid(study.crf_version)})
    repeating_events = {e.id for e in study.events if e.repeating}
    writer = _Clinical(x, snap)
    # The instances come in subject order: one subject's are held while it is written.
    stream = snap.all_instances()
    pending = next(stream, None)
    for n, subject in enumerate(snap.subjects, start=1):
        if progress:
            progress(n, len(snap.subjects) + 1, f"Writing subject {subject.code}")
        mine: list[Instance] = []
        while pending is not None and pending.subject == subject.code:
            mine.append(pending)
            pending = next(stream, None)
        writer.subject(subject.code, subject.status, mine, repeating_events)
        x.flush()
    x.end()
