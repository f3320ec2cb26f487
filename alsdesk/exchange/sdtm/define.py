"""define.xml (CDISC Define-XML 2.1) for the SDTM datasets of one export.

ItemGroupDefs per dataset (def:leaf to its .xpt), ItemDefs per variable with its length and
type as written, CodeLists of the test codes, value-level metadata (ValueListDef +
WhereClauseDef, one per --TESTCD) on --ORRES of every findings domain, and origins: a
variable mapped from a form field is Collected, with a def:PDFPageRef to the annotated CRF
(acrf.pdf, `alsdesk pdf annotated`; the page reference is the form id as a named
destination); sequence numbers, USUBJID, study days, visit numbers and derived scores are
Derived; constants of sdtm.toml are Assigned.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xml.etree.ElementTree as etree

from alsdesk.exchange.sdtm.dm import NOT_ASSIGNED, NOT_TREATED, SCREEN_FAILURE
from alsdesk.exchange.sdtm.spec import Domain, SdtmSpec

ODM = "http://www.cdisc.org/ns/odm/v1.3"
DEF = "http://www.cdisc.org/ns/def/v2.1"
XLINK = "http://www.w3.org/1999/xlink"
ACRF = "acrf.pdf"


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    numeric: bool
    length: int  # bytes (text) or 8 (numbers)


@dataclass(frozen=True)
class Dataset:
    name: str  # DM, SUPPAE
    label: str
    file: str
    columns: tuple[Column, ...]
    domain: Domain | None  # None for SUPP-- datasets


for _prefix, _uri in (("", ODM), ("def", DEF), ("xlink", XLINK)):
    etree.register_namespace(_prefix, _uri)


def _o(tag: str) -> str:
    return f"{{{ODM}}}{tag}"


def _d(tag: str) -> str:
    return f"{{{DEF}}}{tag}"


def _text(parent, tag: str, text: str, lang: bool = True):
    el = etree.SubElement(parent, _o(tag))
    tt = etree.SubElement(el, _o("TranslatedText"))
    if lang:
        tt.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    tt.text = text
    return el


# How the derived variables are derived (a MethodDef each; the rest share MT.DERIVED).
# "--" stands for the domain code.
METHODS = {
    "AGE": "Whole years from BRTHDTC to RFICDTC (the day of consent); empty unless both are "
           "full dates.",
    "RFPENDTC": "The latest of the end-of-study date and every --DTC of the subject's records "
                "in these datasets.",
    "DTHFL": "Y when the subject's status is died or a date of death (DTHDTC) is recorded.",
    "ACTARMCD": "The planned arm once the infusion was given (RFXSTDTC recorded), else empty.",
    "ACTARM": "The planned arm once the infusion was given (RFXSTDTC recorded), else empty.",
    "ARMNRS": "SCREEN FAILURE for a subject of that status; ASSIGNED, NOT TREATED for one found "
              "eligible without the infusion; NOT ASSIGNED for one still in screening; empty "
              "once infused.",
    "--LOBXFL": "Y on the subject's last record of each category and test code with a result "
                "dated before RFXSTDTC (date-times compared when both have a time, else dates: "
                "the same day without a time is not before); none without an infusion.",
    "--STNRLO": "The collected lower limit as a number (standard units are the collected ones).",
    "--STNRHI": "The collected upper limit as a number (standard units are the collected ones).",
}


def _method(domain: Domain | None, column: str) -> str | None:
    if domain is None:
        return None
    generic = "--" + column[2:] if column.startswith(domain.code) else column
    for key in (column, generic):
        if key in METHODS:
            return key
    return None


def _origin(domain: Domain | None, column: str) -> tuple[str, str | None]:
    """(origin type, form id for the aCRF page) of a variable."""
    if domain is None:
        return "Collected" if column == "QVAL" else "Assigned", None
    mapped = dict(domain.variables)
    if column in mapped:
        return "Collected", domain.form
    if column in dict(domain.constants):
        return "Assigned", None
    # values of other forms (RFICDTC...); RFPENDTC (`last`) is Derived, a latest of many
    other = dict(domain.other) | {v: r for m in domain.more for v, r in m.other}
    if column in other:
        return "Collected", other[column].split(".")[1]
    for m in domain.more:
        if column in dict(m.variables):
            return "Collected", m.form
        if column in dict(m.constants):
            return "Assigned", None
    if domain.arm is not None and column in ("ARMCD", "ARM"):
        return "Assigned", None
    c = column[len(domain.code):] if column.startswith(domain.code) else column
    if domain.kind == "findings" and c in ("ORRES", "ORRESU", "STAT", "REASND", "DTC",
                                           "ORNRLO", "ORNRHI"):
        return "Collected", domain.sources[0].form
    if domain.kind == "subject" and column == "SUBJID":
        return "Collected", domain.form
    return "Derived", None


def known_values(domain: Domain | None, study=None) -> dict[str, list[tuple[str, str]]]:
    """Variable -> its (value, decode) when the mapping fixes them: constants, the arm and
    ARMNRS, flags ("Y"), and the choices of a mapped choice field."""
    if domain is None:
        return {}
    out: dict[str, list[tuple[str, str]]] = {}

    def add(var: str, value: str, decode: str | None = None) -> None:
        if (value, decode or value) not in out.setdefault(var, []):
            out[var].append((value, decode or value))

    for var, text in domain.constants + tuple(c for m in domain.more for c in m.constants):
        add(var, text)
    if domain.arm is not None:
        for var in ("ARMCD", "ACTARMCD"):
            add(var, domain.arm.armcd, domain.arm.arm)
        for var in ("ARM", "ACTARM"):
            add(var, domain.arm.arm)
        for text in (SCREEN_FAILURE, NOT_TREATED, NOT_ASSIGNED):
            add("ARMNRS", text)
    for var, _, _ in domain.flags:
        add(var, "Y", "Yes")
    if domain.lobxfl:
        add(f"{domain.code}LOBXFL", "Y", "Yes")
    if study is not None:
        for form, variables in [(domain.form, domain.variables)] + \
                [(m.form, m.variables) for m in domain.more if m.form]:
            if form not in study.forms:
                continue
            fields = {f.id: f for f in study.forms[form].fields}
            for var, fid in variables:
                cl = fields[fid].codelist if fid in fields else None
                if cl is not None and var not in dict(domain.constants):
                    for choice in cl.choices:
                        add(var, str(choice.code), choice.label)
    return out


def write_define(path: Path, study_id: str, study_name: str, datasets: list[Dataset],
                 spec: SdtmSpec, definition=None) -> None:
    root = etree.Element(_o("ODM"), FileType="Snapshot", FileOID=f"DEF.{study_id}",
                         ODMVersion="1.3.2", CreationDateTime=_now(),
                         Originator="ALS Desk")
    root.set(_d("Context"), "Other")
    study = etree.SubElement(root, _o("Study"), OID=study_id)
    gv = etree.SubElement(study, _o("GlobalVariables"))
    etree.SubElement(gv, _o("StudyName")).text = study_id
    etree.SubElement(gv, _o("StudyDescription")).text = study_name
    etree.SubElement(gv, _o("ProtocolName")).text = study_id
    mdv = etree.SubElement(study, _o("MetaDataVersion"), OID=f"MDV.{study_id}.SDTM",
                           Name=f"{study_id} SDTM", Description="SDTM datasets of ALS Desk")
    mdv.set(_d("DefineVersion"), "2.1.0")
    stds = etree.SubElement(mdv, _d("Standards"))
    etree.SubElement(stds, _d("Standard"), OID="STD.SDTMIG", Name="SDTMIG", Type="IG",
                     Version="3.4", Status="Final")
    acrf = etree.SubElement(mdv, _d("AnnotatedCRF"))
    etree.SubElement(acrf, _d("DocumentRef"), leafID="LF.acrf")
    items: dict[str, tuple[Column, str, str | None]] = {}  # OID -> column, origin, form
    lists: dict[str, tuple[str, list[tuple[str, str]]]] = {}  # item OID -> list OID, values
    vlm: list[tuple[str, Domain, list[tuple[str, str, bool]]]] = []
    for ds in datasets:
        d = ds.domain
        if d is not None and d.kind == "findings":
            tests = [(t.testcd, t.test, False) for s in d.sources for t in s.tests] + \
                [(t.testcd, t.test, True) for s in d.sources for t in s.derived]
            vlm.append((ds.name, d, tests))
    for name, d, tests in vlm:  # value lists first: the schema's order
        vl = etree.SubElement(mdv, _d("ValueListDef"), OID=f"VL.{name}.{d.code}ORRES")
        for n, (code, _test, _derived) in enumerate(tests, start=1):
            ref = etree.SubElement(vl, _o("ItemRef"), ItemOID=f"IT.{name}.{d.code}ORRES.{code}",
                                   OrderNumber=str(n), Mandatory="No")
            etree.SubElement(ref, _d("WhereClauseRef"), WhereClauseOID=f"WC.{name}.{code}")
    for name, d, tests in vlm:
        for code, _test, _derived in tests:
            wc = etree.SubElement(mdv, _d("WhereClauseDef"), OID=f"WC.{name}.{code}")
            rc = etree.SubElement(wc, _o("RangeCheck"), SoftHard="Soft", Comparator="EQ")
            rc.set(_d("ItemOID"), f"IT.{name}.{d.code}TESTCD")
            etree.SubElement(rc, _o("CheckValue")).text = code
    methods: set[str] = set()
    for ds in datasets:
        d = ds.domain
        known = known_values(d, definition)
        ig = etree.SubElement(mdv, _o("ItemGroupDef"), OID=f"IG.{ds.name}", Name=ds.name,
                              Repeating="No" if ds.name == "DM" else "Yes",
                              IsReferenceData="No", SASDatasetName=ds.name,
                              Domain=ds.name[4:] if ds.name.startswith("SUPP") else ds.name,
                              Purpose="Tabulation")
        ig.set(_d("Structure"), "One record per subject" if ds.name == "DM"
               else "One record per subject per record")
        ig.set(_d("ArchiveLocationID"), f"LF.{ds.name}")
        ig.set(_d("StandardOID"), "STD.SDTMIG")
        _text(ig, "Description", ds.label)
        for n, col in enumerate(ds.columns, start=1):
            oid = f"IT.{ds.name}.{col.name}"
            attrs = {"ItemOID": oid, "OrderNumber": str(n),
                     "Mandatory": "Yes" if col.name in ("STUDYID", "DOMAIN", "USUBJID")
                     else "No"}
            origin, form = _origin(d, col.name)
            if origin == "Derived" and col.name not in ("STUDYID", "DOMAIN"):
                method = _method(d, col.name)
                attrs["MethodOID"] = f"MT.{method.strip('-')}" if method else "MT.DERIVED"
                if method:
                    methods.add(method)
            values = known.get(col.name)
            if values:
                lists[oid] = (f"CL.{ds.name}.{col.name}", values)
            if col.name in ("STUDYID", "USUBJID") or col.name.endswith("SEQ"):
                attrs["KeySequence"] = str(1 + ("USUBJID", "STUDYID").index(col.name)
                                           if col.name in ("STUDYID", "USUBJID") else 3)
            etree.SubElement(ig, _o("ItemRef"), **attrs)
            items[oid] = (col, origin, form)
        leaf = etree.SubElement(ig, _d("leaf"), ID=f"LF.{ds.name}")
        leaf.set(f"{{{XLINK}}}href", ds.file)
        etree.SubElement(leaf, _d("title")).text = ds.file
    vl_items = {}
    for name, d, tests in vlm:
        for code, test, derived in tests:
            vl_items[f"IT.{name}.{d.code}ORRES.{code}"] = (
                test, derived, d.sources[0].form)
    for oid, (col, origin, form) in items.items():
        it = etree.SubElement(mdv, _o("ItemDef"), OID=oid, Name=col.name,
                              DataType="float" if col.numeric else "text",
                              Length=str(max(col.length, 1)), SASFieldName=col.name)
        if col.numeric:
            it.attrib.pop("Length")
        _text(it, "Description", col.label)
        if col.name.endswith("TESTCD") and oid.split(".")[1] in {n for n, _, _ in vlm}:
            etree.SubElement(it, _o("CodeListRef"), CodeListOID=f"CL.{oid.split('.')[1]}.TESTCD")
        elif oid in lists:
            etree.SubElement(it, _o("CodeListRef"), CodeListOID=lists[oid][0])
        _origin_el(it, origin, form)
        if col.name.endswith("ORRES") and f"VL.{oid.split('.')[1]}.{col.name}" in \
                {f"VL.{n}.{d.code}ORRES" for n, d, _ in vlm}:
            etree.SubElement(it, _d("ValueListRef"),
                             ValueListOID=f"VL.{oid.split('.')[1]}.{col.name}")
    for oid, (test, derived, form) in vl_items.items():
        it = etree.SubElement(mdv, _o("ItemDef"), OID=oid, Name=oid.split(".")[2],
                              DataType="text", Length="200")
        _text(it, "Description", test)
        _origin_el(it, "Derived" if derived else "Collected", None if derived else form)
    for name, d, tests in vlm:
        cl = etree.SubElement(mdv, _o("CodeList"), OID=f"CL.{name}.TESTCD",
                              Name=f"{name} Test Code", DataType="text")
        for code, test, _ in tests:
            item = etree.SubElement(cl, _o("CodeListItem"), CodedValue=code)
            _text(item, "Decode", test)
    for oid, (list_oid, values) in lists.items():
        col = items[oid][0]
        cl = etree.SubElement(mdv, _o("CodeList"), OID=list_oid, Name=f"{col.name} values",
                              DataType="float" if col.numeric else "text")
        for value, decode in values:
            item = etree.SubElement(cl, _o("CodeListItem"), CodedValue=value)
            _text(item, "Decode", decode)
    for key in sorted(methods):
        m = etree.SubElement(mdv, _o("MethodDef"), OID=f"MT.{key.strip('-')}",
                             Name=f"Derivation of {key}", Type="Computation")
        _text(m, "Description", METHODS[key])
    method = etree.SubElement(mdv, _o("MethodDef"), OID="MT.DERIVED", Name="Derived by ALS Desk",
                              Type="Computation")
    _text(method, "Description",
          "Derived by ALS Desk from the collected data: USUBJID = STUDYID-SUBJID; --SEQ "
          "numbers each subject's records; --DY counts days from RFSTDTC (the infusion "
          "start), day 1 being that day and no day 0; VISITNUM and EPOCH from the schedule "
          "(sdtm.toml); ALSFRS-R totals and subscores by the core's scoring.")
    leaf = etree.SubElement(mdv, _d("leaf"), ID="LF.acrf")
    leaf.set(f"{{{XLINK}}}href", ACRF)
    etree.SubElement(leaf, _d("title")).text = "Annotated CRF"
    etree.indent(root)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _origin_el(item, origin: str, form: str | None) -> None:
    el = etree.SubElement(item, _d("Origin"), Type=origin)
    if origin == "Collected":
        el.set("Source", "Investigator")
        if form:
            ref = etree.SubElement(el, _d("DocumentRef"), leafID="LF.acrf")
            etree.SubElement(ref, _d("PDFPageRef"), PageRefs=form, Type="NamedDestination")
    elif origin == "Derived":
        el.set("Source", "Sponsor")
    else:
        el.set("Source", "Sponsor")


def _now() -> str:
    import datetime as dt
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
