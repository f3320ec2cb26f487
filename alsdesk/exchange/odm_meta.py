"""An ODM file's metadata checked against the study before its data are imported.

Item OIDs alone would let a file whose code list says M = Female, or whose temperature is
in °F, import its values as ours: the same code or number with another meaning. For every
ItemDef of the file that names one of our items, its data type, unit and code list
(codes and their labels) must be ours; the missing-data code list too. A file without
metadata is accepted on its OIDs, and the report says so.

A file of several MetaDataVersions (one per stored definition version, as the export
writes them) has each compared with this database's own copy of that version (the same
MetaDataVersion OID, alsdesk.exchange.odm_versions.version_oids), under which its data are
checked and stored; a version this database does not hold (another program's, whose data
are stored under the newest) with the newest. Only the items a version's own ClinicalData
use count (the reader reports their differences as it meets them): an amendment may change
a field nobody had filled, or drop a choice nobody had chosen, and the older version still
describes it as it was. For the same reason a code the study no longer has is no
difference there; a value that uses it is refused as any value that is not one of the
study's choices.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Callable

from alsdesk.exchange import odm_common as oc
from alsdesk.study.model import Field, Form, Study

Fail = Callable[[ET.Element, str, str], None]


def _decodes(cl: ET.Element) -> dict[str, str]:
    out = {}
    for item in cl.iterfind(oc.tag("CodeListItem")):
        decode = item.find(f"{oc.tag('Decode')}/{oc.tag('TranslatedText')}")
        out[item.get("CodedValue", "")] = (decode.text or "").strip() if decode is not None \
            else ""
    for item in cl.iterfind(oc.tag("EnumeratedItem")):
        out[item.get("CodedValue", "")] = ""
    return out


def _units(root: ET.Element) -> dict[str, str]:
    out = {}
    for unit in root.iter(oc.tag("MeasurementUnit")):
        symbol = unit.find(f"{oc.tag('Symbol')}/{oc.tag('TranslatedText')}")
        out[unit.get("OID", "")] = (symbol.text or "").strip() if symbol is not None \
            else unit.get("Name", "")
    return out


def _show(codes: dict[str, str]) -> str:
    return ", ".join(f"{c} = {label}" if label else c for c, label in codes.items())


# (MetaDataVersion OID, item OID) -> its differences, as (element, where, what)
Deferred = dict[tuple[str, str], list[tuple[ET.Element, str, str]]]


def _items(study: Study) -> dict[str, tuple[Form, Field | None]]:
    ours: dict[str, tuple[Form, Field | None]] = {}
    for form in study.forms.values():
        for f in form.fields:
            ours[oc.item_oid(form.id, f.id)] = (form, f)
            if f.missing:
                ours[oc.item_oid(form.id, f.id) + oc.MISSING_SUFFIX] = (form, None)
    return ours


def check_metadata(study_of: Callable[[str], Study], root: ET.Element, fail: Fail,
                   notes: list[str]) -> Deferred:
    """Every difference between the file's item definitions and the study's, each
    MetaDataVersion against `study_of` its OID (this database's own copy of that version,
    else its newest): reported through `fail` for a file of one MetaDataVersion, returned
    for one of several."""
    mdvs = list(root.iter(oc.tag("MetaDataVersion")))
    deferred: Deferred = {}
    if not mdvs:
        notes.append("The file holds no metadata (no MetaDataVersion): its items were "
                     "matched to the study's by their OIDs only.")
        return deferred
    several = len(mdvs) > 1
    units = _units(root)
    for mdv in mdvs:
        study = study_of(mdv.get("OID", ""))
        ours = _items(study)
        missing_ours = {m.code: m.label for m in study.missing_codes}
        place = f"MetaDataVersion {mdv.get('OID')}, " if len(mdvs) > 1 else ""
        lists = {cl.get("OID", ""): cl for cl in mdv.iterfind(oc.tag("CodeList"))}
        for item in mdv.iterfind(oc.tag("ItemDef")):
            oid = item.get("OID", "")
            if oid not in ours:
                continue  # an item we do not have: the data part reports it if it is used
            form, f = ours[oid]
            where = f"{place}ItemDef {oid}"
            report = _deferring(deferred, (mdv.get("OID", ""), oid)) if several else fail
            ref = item.find(oc.tag("CodeListRef"))
            listed = lists.get(ref.get("CodeListOID", "")) if ref is not None else None
            if f is None:  # the missing-data code of a field
                if listed is not None:
                    theirs = _decodes(listed)
                    extra = {c: v for c, v in theirs.items()
                             if (c not in missing_ours and not several)
                             or (c in missing_ours and v and v != missing_ours[c])}
                    if extra:
                        report(item, where, f"the file's missing-data codes {_show(extra)} "
                                            f"are not the study's ({_show(missing_ours)})")
                continue
            kind = item.get("DataType", "")
            if kind and kind != oc.odm_data_type(f):
                report(item, where, f"{f.label}: the file says data type {kind!r}, the study "
                                    f"{oc.odm_data_type(f)!r}")
            unit_ref = item.find(oc.tag("MeasurementUnitRef"))
            unit = units.get(unit_ref.get("MeasurementUnitOID", ""), "?") \
                if unit_ref is not None else None
            if unit is not None and unit != (f.unit or ""):
                report(item, where, f"{f.label}: the file's unit is {unit!r}, the study's "
                                    f"{f.unit or 'none'!r}: values would change meaning")
            if f.codelist is None:
                if listed is not None:
                    report(item, where, f"{f.label}: the file gives it a code list, the study "
                                        "none")
                continue
            if listed is None:
                codes = {str(c.code): c.label for c in f.codelist.choices}
                report(item, where, f"{f.label}: the file gives it no code list; the study's "
                                    f"is {_show(codes)}")
                continue
            theirs = _decodes(listed)
            wanted = {str(c.code): c.label for c in f.codelist.choices}
            wrong = {c: v for c, v in theirs.items() if (c not in wanted and not several)
                     or (c in wanted and v and v != wanted[c])}
            if wrong:
                report(item, where, f"{f.label}: the file's codes {_show(wrong)} differ from "
                                    f"the study's {_show(wanted)}")
    return deferred


def _deferring(deferred: Deferred, key: tuple[str, str]) -> Fail:
    def keep(el: ET.Element, where: str, what: str) -> None:
        deferred.setdefault(key, []).append((el, where, what))
    return keep
