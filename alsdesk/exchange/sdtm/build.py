"""SDTM records from the snapshot, as sdtm.toml maps them (no field named here).

Dates stay the ISO 8601 text stored (partial dates 2014-03, 2014; date-times
YYYY-MM-DDTHH:MM). --DY counts from RFSTDTC, the infusion start (the study's
bindings.anchor): day 1 is the reference day, the day before is -1, there is no day 0.
Results keep their collected units (--STRESU = --ORRESU: the study collects one unit each).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from alsdesk.clinical import alsfrs
from alsdesk.exchange.dataset import Snapshot, is_numeric, value_text
from alsdesk.exchange.sdtm.spec import Domain, SdtmSpec
from alsdesk.study.model import FieldType

Row = dict[str, Any]
MEMO = 50_000  # remembered texts of one decimal field at most (a few MB)


def study_day(dtc: str | None, ref: str | None) -> int | None:
    """SDTM study day of `dtc` from `ref`; None unless both hold a full date."""
    if not dtc or not ref or len(dtc) < 10 or len(ref) < 10:
        return None
    try:
        days = (dt.date.fromisoformat(dtc[:10]) - dt.date.fromisoformat(ref[:10])).days
    except ValueError:
        return None
    return days + 1 if days >= 0 else days


def reference_starts(snap: Snapshot) -> dict[str, str]:
    """Subject -> RFSTDTC from the anchor field (event.form.field), if that form is exported."""
    event, form, field = snap.study.bindings["anchor"].split(".")
    if form not in {f.id for f in snap.forms}:
        return {}
    return {i.subject: i.values[field] for i in snap.instances_of(form)
            if i.event == event and i.values.get(field)}


class Builder:
    def __init__(self, snap: Snapshot, spec: SdtmSpec) -> None:
        self.snap, self.spec = snap, spec
        self.ref = reference_starts(snap)
        self.labels = {e.id: e.label for e in snap.study.events}
        self.codes = {m.code: m.label for m in snap.study.missing_codes}
        self.exported = {f.id for f in snap.forms}
        # SUPP-- records of collected values with no standard variable, by domain
        self.supp: dict[str, list[Row]] = {}
        self._usubjid: dict[str, str] = {}
        self._memo: dict[int, dict[Any, str]] = {}
        self._fields: list[Any] = []

    def field_labels(self, d: Domain) -> dict[str, str]:
        """Mapped variable -> its field's label (used when sdtm.toml gives none)."""
        if d.form is None or d.form not in self.exported:
            return {}
        return {v: f.label for v, f in self._present(d.form, d.variables)}

    def usubjid(self, subject: str) -> str:
        # one string per subject, shared by all its records (memory of the big domains)
        text = self._usubjid.get(subject)
        if text is None:
            text = self._usubjid[subject] = f"{self.snap.study.id}-{subject}"
        return text

    def visit(self, event: str, repeat: int) -> Row:
        v = self.spec.events.get(event)
        if v is None:
            return {"VISITNUM": None, "VISIT": "", "EPOCH": ""}
        num = v.visitnum + (repeat * v.repeat_step if v.repeat_step else 0)
        return {"VISITNUM": round(num, 4), "VISIT": self.labels[event], "EPOCH": v.epoch}

    def rows(self, d: Domain) -> Iterator[Row]:
        make = {"subject": self.subject, "findings": self.findings, "events": self.events}
        return make[d.kind](d)

    def _field(self, form: str, fid: str):
        return next(f for f in self.snap.form(form).fields if f.id == fid)

    def _present(self, form: str, variables) -> list[tuple[str, Any]]:
        # Fields left out of the export (identifiers) are left out of SDTM too.
        ids = {f.id for f in self.snap.form(form).fields}
        return [(v, self._field(form, fid)) for v, fid in variables if fid in ids]

    def text(self, f, value: Any) -> str:
        """value_text, remembered for decimals: a study repeats the same few hundred lab
        limits and results, and writing a decimal with its digits (Decimal) is the slowest
        step of the findings. The memory is emptied when it grows past MEMO entries."""
        if f.type is not FieldType.DECIMAL:
            return value_text(f, value)
        memo = self._memo.get(id(f))
        if memo is None or len(memo) > MEMO:
            memo = self._memo[id(f)] = {}
            self._fields.append(f)  # keeps id(f) the field's while its memory is used
        text = memo.get(value)
        if text is None:
            text = memo[value] = value_text(f, value)
        return text

    def subject(self, d: Domain) -> Iterator[Row]:
        base = {"STUDYID": self.snap.study.id, "DOMAIN": d.code}
        found: dict[str, Row] = {}
        if d.form in self.exported:
            mapped = self._present(d.form, d.variables)
            for inst in self.snap.instances_of(d.form):
                found.setdefault(inst.subject, {
                    v: value_text(f, inst.values[f.id]) if f.id in inst.values else ""
                    for v, f in mapped})
            names = [v for v, _ in mapped]
        else:
            names = []
        for s in self.snap.subjects:
            row = dict(base, USUBJID=self.usubjid(s.code), SUBJID=s.code,
                       RFSTDTC=self.ref.get(s.code, ""))
            row.update(found.get(s.code, {v: "" for v in names}))
            yield row

    def events(self, d: Domain) -> Iterator[Row]:
        if d.form not in self.exported:
            return
        mapped = [(v, f, is_numeric(f)) for v, f in self._present(d.form, d.variables)]
        ids = {f.id for f in self.snap.form(d.form).fields}
        supp = [(qnam, self._field(d.form, fid)) for qnam, fid in d.supp if fid in ids]
        days = [(v, v[:-5] + ("STDY" if v.endswith("STDTC") else "ENDY")
                 if v[-5:] in ("STDTC", "ENDTC") else v[:-3] + "DY") for v in d.days]
        seq: dict[str, int] = {}
        for inst in self.snap.instances_of(d.form):
            seq[inst.subject] = seq.get(inst.subject, 0) + 1
            row: Row = {"STUDYID": self.snap.study.id, "DOMAIN": d.code,
                        "USUBJID": self.usubjid(inst.subject), f"{d.code}SEQ": seq[inst.subject]}
            row.update(d.constants)
            for v, f, numeric in mapped:
                value = inst.values.get(f.id)
                row[v] = (float(value) if value is not None else None) if numeric \
                    else ("" if value is None else self.text(f, value))
            for v, day in days:
                row[day] = study_day(row.get(v), self.ref.get(inst.subject))
            if d.visit:
                row.update(self.visit(inst.event, inst.event_repeat))
            for qnam, f in supp:
                if inst.values.get(f.id) is not None:
                    self.supp.setdefault(d.code, []).append({
                        "STUDYID": row["STUDYID"], "RDOMAIN": d.code, "USUBJID": row["USUBJID"],
                        "IDVAR": f"{d.code}SEQ", "IDVARVAL": str(row[f"{d.code}SEQ"]),
                        "QNAM": qnam, "QLABEL": f.label, "QVAL": self.text(f, inst.values[f.id]),
                        "QORIG": "CRF"})
            yield row

    def findings(self, d: Domain) -> Iterator[Row]:
        p = d.code
        seq: dict[str, int] = {}
        ranges = any(t.low or t.high for s in d.sources for t in s.tests)
        k = {name: p + name for name in (
            "SEQ", "TESTCD", "TEST", "CAT", "ORRES", "ORRESU", "STRESC", "STRESN", "STRESU",
            "STAT", "REASND", "DRVFL", "ORNRLO", "ORNRHI", "DTC", "DY")}
        for src in d.sources:
            if src.form not in self.exported:
                continue
            fields = {f.id: f for f in self.snap.form(src.form).fields}
            # (test, field, field of its lower limit, of its upper): looked up once
            tests = [(t, fields[t.field], fields.get(t.low), fields.get(t.high))
                     for t in src.tests if t.field in fields]
            cat = src.cat or ""
            for inst in self.snap.instances_of(src.form):
                values = inst.values
                dtc = values.get(src.date, "") if src.date else ""
                common = {"STUDYID": self.snap.study.id, "DOMAIN": p,
                          "USUBJID": self.usubjid(inst.subject)}
                after = dict(self.visit(inst.event, inst.event_repeat))
                after[k["DTC"]] = dtc
                after[k["DY"]] = study_day(dtc, self.ref.get(inst.subject))
                out = []
                for t, f, low, high in tests:
                    value, code = values.get(f.id), inst.missing.get(f.id)
                    if value is None and not code:
                        continue  # not asked (hidden or left empty): no record
                    if value is None:
                        res = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: cat,
                               k["ORRES"]: "", k["ORRESU"]: "", k["STRESC"]: "",
                               k["STRESN"]: None, k["STRESU"]: "", k["STAT"]: "NOT DONE",
                               k["REASND"]: self.codes[code], k["DRVFL"]: ""}
                    else:
                        text = self.text(f, value)
                        unit = f.unit or ""
                        res = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: cat,
                               k["ORRES"]: text, k["ORRESU"]: unit, k["STRESC"]: text,
                               k["STRESN"]: float(value) if isinstance(value, (int, float))
                               else None, k["STRESU"]: unit, k["STAT"]: "", k["REASND"]: "",
                               k["DRVFL"]: ""}
                    if ranges:
                        res[k["ORNRLO"]] = "" if low is None or low.id not in values \
                            else self.text(low, values[low.id])
                        res[k["ORNRHI"]] = "" if high is None or high.id not in values \
                            else self.text(high, values[high.id])
                    out.append(res)
                if src.derived:
                    score = alsfrs.score({i: values.get(i) for i in alsfrs.ITEMS})
                    for t in src.derived:
                        value = getattr(score, t.field)
                        if value is None:
                            continue  # an item missing: the score is undefined, not derived
                        res = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: cat,
                               k["ORRES"]: str(value), k["ORRESU"]: "", k["STRESC"]: str(value),
                               k["STRESN"]: float(value), k["STRESU"]: "", k["STAT"]: "",
                               k["REASND"]: "", k["DRVFL"]: "Y"}
                        if ranges:  # derived records too: every row has the same columns
                            res[k["ORNRLO"]] = res[k["ORNRHI"]] = ""
                        out.append(res)
                for res in out:
                    seq[inst.subject] = seq.get(inst.subject, 0) + 1
                    yield {**common, k["SEQ"]: seq[inst.subject], **res, **after}
