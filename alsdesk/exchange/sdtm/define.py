"""define.xml (CDISC Define-XML 2.1) for the SDTM datasets of one export.

ItemGroupDefs per dataset (def:leaf to its .xpt; class, structure, natural keys and the
Req variables Mandatory from SDTMIG's metadata, alsdesk.exchange.sdtm.defmeta), ItemDefs per
variable with its length and type as written (integer or float as the values are),
CodeLists of the test codes and of coded variables (a CTCAE-coded one: the dictionary, an
ExternalCodeList), value-level metadata (ValueListDef + WhereClauseDef, one per --TESTCD,
typed by that test's results) on --ORRES of every findings domain, and origins: a variable
mapped from a form field is Collected, with a def:PDFPageRef to the annotated CRF (acrf.pdf,
`alsdesk pdf annotated`, which names each form's first page by the form id: a named
destination); sequence numbers, USUBJID, study days, visit numbers, derived scores and the
study's derived values (AESOC) are Derived, each with its MethodDef; constants of sdtm.toml,
the study id, domain and test codes are Assigned.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import xml.etree.ElementTree as etree

from alsdesk.exchange.sdtm.dm import NOT_ASSIGNED, NOT_TREATED, SCREEN_FAILURE
from alsdesk.exchange.sdtm.defmethods import SCORE_RULE, describe, method_key, score_method
from alsdesk.exchange.sdtm.defmeta import dataset_meta, number_attrs, result_attrs
from alsdesk.exchange.sdtm.spec import Domain, SdtmSpec
from alsdesk.study.schema import TERM_FUNCTIONS

if TYPE_CHECKING:
    from alsdesk.exchange.sdtm.defmeta import ValueStats

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
    stats: "ValueStats | None" = None  # the values written (number types, result lengths)


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


def _forms(sources) -> str:
    """The forms of the sources, each once: PageRefs lists every form a variable is from."""
    return " ".join(dict.fromkeys(s.form for s in sources))


def _origin(domain: Domain | None, column: str) -> tuple[str, str | None]:
    """(origin type, form id for the aCRF page) of a variable."""
    if domain is None:
        return "Collected" if column == "QVAL" else "Assigned", None
    if column in ("STUDYID", "DOMAIN"):
        return "Assigned", None  # the study's id and the dataset's code
    mapped = dict(domain.variables)
    if column in {var for var, _, _ in domain.derived}:
        return "Derived", None  # the study definition's derived value (its MethodDef says)
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
    if domain.kind == "findings" and c in ("TESTCD", "TEST", "CAT", "TPT", "TPTNUM", "ELTM",
                                           "TPTREF"):
        return "Assigned", None  # sdtm.toml's test codes, names, categories, time points
    if domain.kind == "findings" and c == "RFTDTC":  # the reference's date-time, collected
        ref = next(s.rftdtc for s in domain.sources if s.rftdtc)
        return "Collected", ref.split(".")[1]
    if domain.kind == "findings" and c in {q for s in domain.sources for q, _ in s.qualifiers}:
        return "Collected", _forms(s for s in domain.sources
                                   if c in {q for q, _ in s.qualifiers})
    if domain.kind == "findings" and c in ("ORRES", "ORRESU", "STAT", "REASND", "DTC",
                                           "ORNRLO", "ORNRHI"):
        return "Collected", _forms(domain.sources)
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
    free = set()  # variables that also hold a field's free text: no list of their values
    for form, variables in [(domain.form, domain.variables)] + \
            [(m.form, m.variables) for m in domain.more if m.form]:
        if study is None or form not in study.forms:
            free |= {var for var, _ in variables}
            continue
        fields = {f.id: f for f in study.forms[form].fields}
        for var, fid in variables:
            cl = fields[fid].codelist if fid in fields else None
            if cl is None:
                free.add(var)  # DSTERM: the constants of DS's other records and a reason
            elif var not in dict(domain.constants):
                for choice in cl.choices:
                    add(var, str(choice.code), choice.label)
    return {var: values for var, values in out.items() if var not in free}


# The terminologies a study field may hold (its `terminology`) by their Define-XML 2.1
# dictionary names (ExternalCodeListDictionary, NCI C66788)
DICTIONARIES = {"ctcae": "CTCAE"}


def coded(domain: Domain | None, study) -> dict[str, bool]:
    """Variable -> whether it is a number, of the variables a dictionary codes: mapped from a
    field holding a CTCAE term (AEDECOD, AELLT), or a derived value looked up in CTCAE's
    terms (AELLTCD, AEBODSYS, AESOC). define.xml points them at it (ExternalCodeList)."""
    if domain is None or study is None or domain.form not in study.forms:
        return {}
    form = study.forms[domain.form]
    fields = {f.id: f for f in form.fields}
    functions = {x.id: x.function for x in form.derived}
    out = {var: False for var, fid in domain.variables
           if fid in fields and fields[fid].terminology in DICTIONARIES}
    out.update({var: numeric for var, did, numeric in domain.derived
                if functions[did] in TERM_FUNCTIONS})
    return out


def _dictionary(mdv, numeric: bool, study) -> None:
    """The CodeList of CTCAE's terms (text) or of their MedDRA codes (integer)."""
    version = study.ctcae_version
    cl = etree.SubElement(mdv, _o("CodeList"), OID="CL.CTCAE.CODE" if numeric else "CL.CTCAE",
                          Name=f"CTCAE v{version} {'codes' if numeric else 'terms'}",
                          DataType="integer" if numeric else "text")
    _text(cl, "Description", f"NCI CTCAE v{version} as imported into the database: its terms "
          "are MedDRA lowest level terms, each with its MedDRA code and system organ class "
          "(no other MedDRA level is coded).")
    ext = etree.SubElement(cl, _o("ExternalCodeList"), Dictionary=DICTIONARIES["ctcae"])
    if version:
        ext.set("Version", version)


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
    dictionary: dict[str, bool] = {}  # item OID -> a number (CTCAE's codes), of coded items
    vlm: list[tuple[str, Domain, list[tuple[str, str, bool]]]] = []
    for ds in datasets:
        d = ds.domain
        if d is not None and d.kind == "findings":
            tests = [(t.testcd, t.test, False) for s in d.sources for t in s.tests] + \
                [(t.testcd, t.test, True) for s in d.sources for t in s.derived]
            vlm.append((ds.name, d, tests))
    for name, d, tests in vlm:  # value lists first: the schema's order
        vl = etree.SubElement(mdv, _d("ValueListDef"), OID=f"VL.{name}.{d.code}ORRES")
        for n, (code, _test, derived) in enumerate(tests, start=1):
            ref = etree.SubElement(vl, _o("ItemRef"), ItemOID=f"IT.{name}.{d.code}ORRES.{code}",
                                   OrderNumber=str(n), Mandatory="No")
            if derived:  # a score the core computes: its own method
                ref.set("MethodOID", f"MT.{name}.{code}")
            etree.SubElement(ref, _d("WhereClauseRef"), WhereClauseOID=f"WC.{name}.{code}")
    for name, d, tests in vlm:
        for code, _test, _derived in tests:
            wc = etree.SubElement(mdv, _d("WhereClauseDef"), OID=f"WC.{name}.{code}")
            rc = etree.SubElement(wc, _o("RangeCheck"), SoftHard="Soft", Comparator="EQ")
            rc.set(_d("ItemOID"), f"IT.{name}.{d.code}TESTCD")
            etree.SubElement(rc, _o("CheckValue")).text = code
    methods: set[str] = set()
    numbers: dict[str, dict[str, str]] = {}  # item OID -> DataType, Length... of its values
    for ds in datasets:
        d = ds.domain
        known = known_values(d, definition)
        terms = coded(d, definition)
        meta = dataset_meta(ds.name, ds.name[4:] if d is None else d.code,
                            None if d is None else d.kind)
        present = {c.name for c in ds.columns}
        keys = [k for k in meta.keys if k in present]  # SDTMIG's natural keys it has
        ig = etree.SubElement(mdv, _o("ItemGroupDef"), OID=f"IG.{ds.name}", Name=ds.name,
                              Repeating="No" if ds.name == "DM" else "Yes",
                              IsReferenceData="No", SASDatasetName=ds.name,
                              Domain=ds.name[4:] if ds.name.startswith("SUPP") else ds.name,
                              Purpose="Tabulation")
        ig.set(_d("Structure"), meta.structure)
        ig.set(_d("ArchiveLocationID"), f"LF.{ds.name}")
        ig.set(_d("StandardOID"), "STD.SDTMIG")
        _text(ig, "Description", ds.label)
        for n, col in enumerate(ds.columns, start=1):
            oid = f"IT.{ds.name}.{col.name}"
            attrs = {"ItemOID": oid, "OrderNumber": str(n),
                     "Mandatory": "Yes" if col.name in meta.required else "No"}
            origin, form = _origin(d, col.name)
            if origin == "Derived":
                method = method_key(d, col.name)
                if method is None:  # a derived variable nobody described: a gap to close
                    raise ValueError(f"define.xml: no method for {ds.name}.{col.name}")
                attrs["MethodOID"] = f"MT.{method.strip('-')}"
                methods.add(method)
            values = known.get(col.name)
            if values:
                lists[oid] = (f"CL.{ds.name}.{col.name}", values)
            elif col.name in terms:
                dictionary[oid] = terms[col.name]
            if col.name in keys:
                attrs["KeySequence"] = str(keys.index(col.name) + 1)
            etree.SubElement(ig, _o("ItemRef"), **attrs)
            items[oid] = (col, origin, form)
            if col.numeric:
                numbers[oid] = number_attrs(ds.stats.numbers.get(col.name) if ds.stats
                                            else None, col.name in meta.integer)
        etree.SubElement(ig, _d("Class"), Name=meta.cls)
        leaf = etree.SubElement(ig, _d("leaf"), ID=f"LF.{ds.name}")
        leaf.set(f"{{{XLINK}}}href", ds.file)
        etree.SubElement(leaf, _d("title")).text = ds.file
    vl_items = {}
    stats = {ds.name: ds.stats for ds in datasets}
    for name, d, tests in vlm:
        for code, test, derived in tests:
            found = stats[name].results.get(code) if stats[name] else None
            form = next(s.form for s in d.sources for t in s.tests + s.derived
                        if t.testcd == code)  # the test's form (VS: vs, or infvs)
            vl_items[f"IT.{name}.{d.code}ORRES.{code}"] = (
                test, derived, form, result_attrs(found))
    for oid, (col, origin, form) in items.items():
        # text: the width the XPT writer gave it, the longest value's bytes
        kind = numbers[oid] if col.numeric else {"DataType": "text",
                                                  "Length": str(max(col.length, 1))}
        it = etree.SubElement(mdv, _o("ItemDef"), OID=oid, Name=col.name, **kind,
                              SASFieldName=col.name)
        _text(it, "Description", col.label)
        if col.name.endswith("TESTCD") and oid.split(".")[1] in {n for n, _, _ in vlm}:
            etree.SubElement(it, _o("CodeListRef"), CodeListOID=f"CL.{oid.split('.')[1]}.TESTCD")
        elif oid in lists:
            etree.SubElement(it, _o("CodeListRef"), CodeListOID=lists[oid][0])
        elif oid in dictionary:
            etree.SubElement(it, _o("CodeListRef"),
                             CodeListOID="CL.CTCAE.CODE" if dictionary[oid] else "CL.CTCAE")
        _origin_el(it, origin, form)
        if col.name.endswith("ORRES") and f"VL.{oid.split('.')[1]}.{col.name}" in \
                {f"VL.{n}.{d.code}ORRES" for n, d, _ in vlm}:
            etree.SubElement(it, _d("ValueListRef"),
                             ValueListOID=f"VL.{oid.split('.')[1]}.{col.name}")
    for oid, (test, derived, form, kind) in vl_items.items():
        it = etree.SubElement(mdv, _o("ItemDef"), OID=oid, Name=oid.split(".")[2], **kind,
                              SASFieldName=oid.split(".")[2])
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
    for numeric in sorted(set(dictionary.values())):
        _dictionary(mdv, numeric, definition)
    described = {ds.domain.code: ds.domain for ds in datasets if ds.domain is not None}
    for key in sorted(methods):
        m = etree.SubElement(mdv, _o("MethodDef"), OID=f"MT.{key.strip('-')}",
                             Name=f"Derivation of {key}", Type="Computation")
        _text(m, "Description", describe(key, described.values(), definition))
    for name, d, tests in vlm:  # the derived results (ALSFRS-R scores, the GCS total)
        for code, test, derived in tests:
            if derived:
                src, field = next((s, t.field) for s in d.sources for t in s.derived
                                  if t.testcd == code)
                m = etree.SubElement(mdv, _o("MethodDef"), OID=f"MT.{name}.{code}",
                                     Name=f"Derivation of {name}ORRES for {code}",
                                     Type="Computation")
                _text(m, "Description", score_method(src, field, definition) +
                      SCORE_RULE.format(flag=f"{d.code}DRVFL"))
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
