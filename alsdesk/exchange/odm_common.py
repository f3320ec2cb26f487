"""What the ODM export and import agree on: OIDs, data types, value text, status flags.

OIDs are derived from ids: event ``m2`` is ``SE.M2``, form ``vs`` is ``F.VS`` with one item
group ``IG.VS``, field ``vs.temp`` is ``IT.VS.TEMP``. A missing-data code is its own item,
``IT.VS.TEMP.MISSING`` (code list ``CL.MISSING``), so it never takes the place of a number
and the file still validates against the plain ODM 1.3.2 schema (its extension attribute
groups are empty, so an attribute of our own would not).

Subject and form statuses, which ODM has no element for, travel as annotation flags:
``<Annotation SeqNum="1"><Flag><FlagValue CodeListOID="CL.FORM_STATUS">complete</FlagValue>
<FlagType CodeListOID="CL.FLAG_TYPE">FORM_STATUS</FlagType></Flag></Annotation>``.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from alsdesk.errors import ValidationError
from alsdesk.exchange.dataset import decimal_text
from alsdesk.states import FormStatus, SubjectStatus
from alsdesk.study import values as fv
from alsdesk.study.model import Field, FieldType

NS = "http://www.cdisc.org/ns/odm/v1.3"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ODM_VERSION = "1.3.2"

CL_MISSING = "CL.MISSING"
CL_FLAG_TYPE = "CL.FLAG_TYPE"
CL_FORM_STATUS = "CL.FORM_STATUS"
CL_SUBJECT_STATUS = "CL.SUBJECT_STATUS"
FLAG_FORM_STATUS = "FORM_STATUS"
FLAG_SUBJECT_STATUS = "SUBJECT_STATUS"
MISSING_SUFFIX = ".MISSING"
LOCATION_OID = "LOC.SITE"

# Statuses a form has in an export (deleted entries are never exported).
FORM_STATUSES = tuple(s.value for s in FormStatus
                      if s not in (FormStatus.NOT_STARTED, FormStatus.DELETED))
SUBJECT_STATUSES = tuple(s.value for s in SubjectStatus)

_OID_PART = re.compile(r"[^A-Za-z0-9_]+")


def tag(name: str) -> str:
    """An element name in the ODM namespace, as ElementTree writes it."""
    return f"{{{NS}}}{name}"


@functools.lru_cache(maxsize=4096)
def _up(ident: str) -> str:
    # Cached: an export of 10,000 subjects asks for the same few hundred OIDs millions of times.
    return _OID_PART.sub(".", ident).upper()


def study_oid(study_id: str) -> str:
    return study_id


def mdv_oid(crf_version: str) -> str:
    return f"MDV.CRF{_up(crf_version)}"


def event_oid(event_id: str) -> str:
    return f"SE.{_up(event_id)}"


def form_oid(form_id: str) -> str:
    return f"F.{_up(form_id)}"


def group_oid(form_id: str) -> str:
    return f"IG.{_up(form_id)}"


@functools.lru_cache(maxsize=4096)
def item_oid(form_id: str, field_id: str) -> str:
    return f"IT.{_up(form_id)}.{_up(field_id)}"


def codelist_oid(codelist_id: str) -> str:
    return f"CL.{_up(codelist_id)}"


def user_oid(user_id: str) -> str:
    return f"USR.{user_id}"


def odm_data_type(f: Field) -> str:
    """ODM DataType of a field."""
    if f.type is FieldType.CHOICE:
        return "integer" if f.codelist is not None and f.codelist.data_type == "integer" \
            else "text"
    return {
        FieldType.TEXT: "text", FieldType.MEMO: "text", FieldType.INTEGER: "integer",
        FieldType.DECIMAL: "float", FieldType.DATE: "partialDate" if f.partial else "date",
        FieldType.DATETIME: "datetime", FieldType.TIME: "time",
    }[f.type]


def to_odm(f: Field, value: Any) -> str:
    """Storage value -> ODM text. ODM times carry seconds: "14:30" is written "14:30:00"."""
    if f.type is FieldType.DECIMAL:
        return decimal_text(f, value)  # as SignificantDigits says
    if f.type is FieldType.DATETIME or f.type is FieldType.TIME:
        return f"{value}:00"
    return str(value)


_SECONDS = re.compile(r"(.*\d{2}:\d{2}):(\d{2})(\.0+)?")


def _short(text: str) -> str:
    """A value quoted in a message: a 5,000-digit number is not printed whole."""
    return text if len(text) <= 40 else text[:37] + "..."


def from_odm(f: Field, text: str) -> Any:
    """ODM text -> storage value; raises ValidationError naming the field and the problem."""
    kind = f.type
    raw = text.strip()
    if kind is FieldType.DECIMAL:
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise ValidationError(f.id, f"{f.label}: '{_short(text)}' is not a number") from None
        if not number.is_finite():
            raise ValidationError(f.id, f"{f.label}: '{_short(text)}' is not a number")
        if abs(number) >= Decimal("1e15"):  # beyond what a double holds to the unit
            raise ValidationError(f.id, f"{f.label}: '{_short(text)}' is too large a number")
        value: Any = float(number) + 0.0
    elif kind is FieldType.INTEGER or (kind is FieldType.CHOICE and f.codelist is not None
                                       and f.codelist.data_type == "integer"):
        if not re.fullmatch(r"[+-]?[0-9]+", raw):
            raise ValidationError(f.id, f"{f.label}: '{_short(text)}' is not a whole number")
        if len(raw.lstrip("+-").lstrip("0")) > 18:  # SQLite holds 64-bit integers
            raise ValidationError(f.id, f"{f.label}: '{_short(text)}' ({len(raw)} digits) is "
                                        "too large: at most 18 digits")
        value = int(raw)
    elif kind in (FieldType.DATETIME, FieldType.TIME):
        m = _SECONDS.fullmatch(raw)
        if m is not None:
            if m.group(2) != "00":
                raise ValidationError(f.id, f"{f.label}: '{text}' has seconds; this study "
                                            "records times to the minute")
            raw = m.group(1)
        value = raw
    else:
        # Text without the blanks around it, as data entry keeps it (the window strips them):
        # otherwise SAS files, padded with blanks, would lose the trailing ones only.
        value = text.strip() if kind in (FieldType.TEXT, FieldType.MEMO) else raw
    problem = fv.check_value(f, value)
    if problem:
        raise ValidationError(f.id, problem)
    return value
