"""CDISC ODM 1.3.2: the study metadata and the clinical data in one XML file.

Written with the standard library only, so the program needs no ODM package at run time; the
tests validate every file against the ODM 1.3.2 schema shipped with odmlib. The names and
OIDs are explained in :mod:`alsdesk.exchange.odm_common`.

The file is streamed: the metadata (here), then the administrative and clinical data
(:mod:`alsdesk.exchange.odm_clinical`), one SubjectData after another, each written out and
forgotten, so memory does not grow with the study. One MetaDataVersion per stored version of
the study definition and one ClinicalData per version holding data
(:mod:`alsdesk.exchange.odm_versions`). :mod:`alsdesk.exchange.odm_xml` makes the
text element by element: byte for byte what ``ET.indent(root, space=" ")`` and
``ElementTree.write(..., encoding="UTF-8", xml_declaration=True)`` would give.
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
    ExportOptions, ExportResult, Output, Progress, Snapshot, plain_number, run_export,
)
from alsdesk.exchange.odm_clinical import add_admin, add_clinical
from alsdesk.exchange.odm_versions import Version, placement, versions_of
from alsdesk.exchange.odm_xml import XML_DECLARATION, Xml
from alsdesk.study.model import CodeList, Event, EventKind, Field, FieldType, Form, Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store

_SAS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,7}")


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
    versions = versions_of(snap)
    data = placement(snap, versions)  # checked before the first byte is written
    x = Xml(write)
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
    add_study(x, snap, versions)
    if snap.options.include_audit:
        add_admin(x, snap, versions)
    x.flush()
    add_clinical(x, snap, data, progress)
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


# --- metadata -----------------------------------------------------------------------------


def add_study(x: Xml, snap: Snapshot, versions: list[Version]) -> None:
    study = snap.study
    x.start("Study", {"OID": oc.study_oid(study.id)})
    x.start("GlobalVariables")
    x.leaf("StudyName", text=study.id)
    x.leaf("StudyDescription", text=study.title)
    x.leaf("ProtocolName", text=study.protocol)
    x.end()
    # Oldest first, so a unit keeps its OID in every later export of the file.
    units = _units(f for v in versions for f in v.forms)
    if units:
        x.start("BasicDefinitions")
        for unit, oid in units.items():
            x.start("MeasurementUnit", {"OID": oid, "Name": unit})
            x.translated("Symbol", unit)
            x.end()
        x.end()
    for version in versions:
        _metadata(x, version, units)
    x.end()  # Study


def _names(v: Version) -> tuple[str, str]:
    """A MetaDataVersion's Name and Description: the CRF version, and for an amendment
    its number, when it was stored and why (Description is the one text a MetaDataVersion
    has of its own; a file of one version keeps the words files always had)."""
    study = v.study
    name = f"{study.id} CRF version {study.crf_version}"
    description = f"ALS Desk study definition {study.crf_version}"
    if v.number == 1:
        return name, description
    when = f", stored {v.loaded_at[:10]}" if v.loaded_at else ""
    return (f"{name} (amendment {v.number - 1})",
            f"{description}: amendment {v.number - 1} (stored definition version "
            f"{v.number}{when}); reason: {v.reason}")


def _metadata(x: Xml, v: Version, units: dict[str, str]) -> None:
    """One MetaDataVersion: everything is read from its own definition."""
    name, description = _names(v)
    x.start("MetaDataVersion", {"OID": v.oid, "Name": name, "Description": description})
    x.start("Protocol")
    for n, event in enumerate(v.events, start=1):
        x.leaf("StudyEventRef", {"StudyEventOID": oc.event_oid(event.id),
                                 "OrderNumber": n, "Mandatory": _yes(_mandatory(event))})
    x.end()
    forms = {f.id: f for f in v.forms}
    for event in v.events:
        _event_def(x, forms, event, v.study.anchor_words)
    for form in v.forms:
        x.start("FormDef", {"OID": oc.form_oid(form.id), "Name": form.label,
                            "Repeating": _yes(form.repeating)})
        x.leaf("ItemGroupRef", {"ItemGroupOID": oc.group_oid(form.id), "Mandatory": "Yes"})
        x.end()
    for form in v.forms:
        _group_def(x, form)
    for form in v.forms:
        for f in form.fields:
            _item_def(x, v.study, form, f, units)
    for codelist in _codelists(v.forms):
        _codelist(x, oc.codelist_oid(codelist.id), codelist.id, codelist.data_type,
                  [(c.code, c.label) for c in codelist.choices])
    _codelist(x, oc.CL_MISSING, "Missing-data codes", "text",
              [(m.code, m.label) for m in v.study.missing_codes])
    _codelist(x, oc.CL_FLAG_TYPE, "ALS Desk annotation flags", "text",
              [(oc.FLAG_FORM_STATUS, "Workflow status of the form"),
               (oc.FLAG_SUBJECT_STATUS, "Status of the subject in the study")])
    _codelist(x, oc.CL_FORM_STATUS, "Form status", "text",
              [(s, s) for s in oc.FORM_STATUSES])
    _codelist(x, oc.CL_SUBJECT_STATUS, "Subject status", "text",
              [(s, s) for s in oc.SUBJECT_STATUSES])
    x.end()  # MetaDataVersion


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _mandatory(event: Event) -> bool:
    return event.kind is EventKind.VISIT and not event.repeating and event.target is not None


def _event_def(x: Xml, forms: dict[str, Form], event: Event, anchor: str) -> None:
    # the anchor in the study's own words (anchor_name): another trial's is no infusion
    kind = ("Common" if event.kind is EventKind.LOG
            else "Unscheduled" if event.repeating else "Scheduled")
    x.start("StudyEventDef", {"OID": oc.event_oid(event.id), "Name": event.label,
                              "Repeating": _yes(event.repeating), "Type": kind})
    if event.window is not None or event.target is not None:
        unit = event.unit.value if event.unit else ""
        parts = []
        if event.target is not None:
            parts.append(f"target {event.target:g} {unit} after {anchor}")
        if event.window is not None:
            parts.append(f"window {event.window[0]:g} to {event.window[1]:g} {unit}")
        x.translated("Description", "; ".join(parts))
    for n, form_id in enumerate(event.forms, start=1):
        form = forms[form_id]
        x.leaf("FormRef", {"FormOID": oc.form_oid(form_id), "OrderNumber": n,
                           "Mandatory": _yes(not form.repeating and _mandatory(event))})
    x.end()


def _group_def(x: Xml, form: Form) -> None:
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


def _item_def(x: Xml, study: Study, form: Form, f: Field, units: dict[str, str]) -> None:
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
        codes = [m for m in study.missing_codes if m.code in f.missing]
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


def _codelist(x: Xml, oid: str, name: str, data_type: str,
              items: list[tuple[Any, str]]) -> None:
    x.start("CodeList", {"OID": oid, "Name": name, "DataType": data_type})
    for n, (code, label) in enumerate(items, start=1):
        x.start("CodeListItem", {"CodedValue": code, "OrderNumber": n})
        x.translated("Decode", label)
        x.end()
    x.end()
