"""Decimals are written with the digits their field defines, in every export: height (0
digits) as 172, never 172.0, which contradicts the ODM's SignificantDigits="0"."""
from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET

from alsdesk.exchange import export_csv, export_odm
from alsdesk.exchange.redcap import export_redcap
from alsdesk.study.model import FieldType
from tests.exchange_fixtures import demo_db, demo_master, monitor  # noqa: F401 - fixtures

NS = {"o": "http://www.cdisc.org/ns/odm/v1.3"}


def _shape(digits: int) -> re.Pattern:
    return re.compile(r"-?\d+" + (rf"\.\d{{{digits}}}" if digits else ""))


def test_every_decimal_has_its_fields_digits(monitor, tmp_path):
    study = monitor.study
    decimals = {(form.id, f.id): f.digits for form in study.forms.values()
                for f in form.fields if f.type is FieldType.DECIMAL and f.digits is not None}
    assert ("dm", "height") in decimals and decimals[("dm", "height")] == 0
    export_csv(monitor, tmp_path / "csv")
    export_odm(monitor, tmp_path / "s.xml")
    export_redcap(monitor, tmp_path / "rc")
    seen = {"csv": 0, "odm": 0, "redcap": 0}
    for (form, field), digits in decimals.items():
        with (tmp_path / "csv" / f"{form}.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row[field]:
                    seen["csv"] += 1
                    assert _shape(digits).fullmatch(row[field]), (form, field, row[field])
    root = ET.parse(tmp_path / "s.xml").getroot()
    sig = {d.get("OID"): int(d.get("SignificantDigits")) for d in root.iterfind(".//o:ItemDef", NS)
           if d.get("DataType") == "float" and d.get("SignificantDigits") is not None}
    assert sig["IT.DM.HEIGHT"] == 0
    for item in root.iterfind(".//o:ItemData", NS):
        if item.get("ItemOID") in sig:
            seen["odm"] += 1
            assert _shape(sig[item.get("ItemOID")]).fullmatch(item.get("Value")), \
                (item.get("ItemOID"), item.get("Value"))
    with (tmp_path / "rc" / "records.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (tmp_path / "rc" / "data_dictionary.csv").open(encoding="utf-8", newline="") as fh:
        dd = {r["Variable / Field Name"]: r["Form Name"] for r in csv.DictReader(fh)}
    for (form, field), digits in decimals.items():
        name = field if dd.get(field) == form else f"{form}_{field}"
        for row in rows:
            if row.get(name) and row[name] not in ("ND", "NAP", "UNK"):
                seen["redcap"] += 1
                assert _shape(digits).fullmatch(row[name]), (name, row[name])
    assert min(seen.values()) > 50, seen  # the demo's heights, weights, temperatures...
