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

Row = dict[str, Any]


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

    def _limit(self, inst, form: str, fid: str | None) -> str:
        if fid is None or fid not in inst.values:
            return ""
        return value_text(self._field(form, fid), inst.values[fid])

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
        mapped = self._present(d.form, d.variables)
        seq: dict[str, int] = {}
        for inst in self.snap.instances_of(d.form):
            seq[inst.subject] = seq.get(inst.subject, 0) + 1
            row: Row = {"STUDYID": self.snap.study.id, "DOMAIN": d.code,
                        "USUBJID": self.usubjid(inst.subject), f"{d.code}SEQ": seq[inst.subject]}
            row.update(d.constants)
            for v, f in mapped:
                value = inst.values.get(f.id)
                row[v] = (float(value) if value is not None else None) if is_numeric(f) \
                    else ("" if value is None else value_text(f, value))
            for v in d.days:
                suffix = "STDY" if v.endswith("STDTC") else "ENDY"
                row[v[:-5] + suffix if v[-5:] in ("STDTC", "ENDTC") else v[:-3] + "DY"] = \
                    study_day(row.get(v), self.ref.get(inst.subject))
            if d.visit:
                row.update(self.visit(inst.event, inst.event_repeat))
            ids = {f.id for f in self.snap.form(d.form).fields}
            for qnam, fid in d.supp:
                if fid in ids and inst.values.get(fid) is not None:
                    f = self._field(d.form, fid)
                    self.supp.setdefault(d.code, []).append({
                        "STUDYID": row["STUDYID"], "RDOMAIN": d.code, "USUBJID": row["USUBJID"],
                        "IDVAR": f"{d.code}SEQ", "IDVARVAL": str(row[f"{d.code}SEQ"]),
                        "QNAM": qnam, "QLABEL": f.label, "QVAL": value_text(f, inst.values[fid]),
                        "QORIG": "CRF"})
            yield row

    def findings(self, d: Domain) -> Iterator[Row]:
        p = d.code
        seq: dict[str, int] = {}
        ranges = any(t.low or t.high for s in d.sources for t in s.tests)
        for src in d.sources:
            if src.form not in self.exported:
                continue
            ids = {f.id for f in self.snap.form(src.form).fields}
            tests = [(t, self._field(src.form, t.field)) for t in src.tests if t.field in ids]
            for inst in self.snap.instances_of(src.form):
                dtc = inst.values.get(src.date, "") if src.date else ""
                common = {"STUDYID": self.snap.study.id, "DOMAIN": p,
                          "USUBJID": self.usubjid(inst.subject)}
                after = dict(self.visit(inst.event, inst.event_repeat))
                after[f"{p}DTC"] = dtc
                after[f"{p}DY"] = study_day(dtc, self.ref.get(inst.subject))
                out = []
                for t, f in tests:
                    value, code = inst.values.get(f.id), inst.missing.get(f.id)
                    if value is None and not code:
                        continue  # not asked (hidden or left empty): no record
                    res = {f"{p}TESTCD": t.testcd, f"{p}TEST": t.test, f"{p}CAT": src.cat or "",
                           f"{p}ORRES": "", f"{p}ORRESU": "", f"{p}STRESC": "",
                           f"{p}STRESN": None, f"{p}STRESU": "", f"{p}STAT": "",
                           f"{p}REASND": "", f"{p}DRVFL": ""}
                    if value is None:
                        res[f"{p}STAT"], res[f"{p}REASND"] = "NOT DONE", self.codes[code]
                    else:
                        text = value_text(f, value)
                        unit = f.unit or ""
                        res.update({f"{p}ORRES": text, f"{p}ORRESU": unit, f"{p}STRESC": text,
                                    f"{p}STRESU": unit,
                                    f"{p}STRESN": float(value) if isinstance(value, (int, float))
                                    else None})
                    if ranges:
                        res[f"{p}ORNRLO"] = self._limit(inst, src.form, t.low)
                        res[f"{p}ORNRHI"] = self._limit(inst, src.form, t.high)
                    out.append(res)
                if src.derived:
                    score = alsfrs.score({k: inst.values.get(k) for k in alsfrs.ITEMS})
                    for t in src.derived:
                        value = getattr(score, t.field)
                        if value is None:
                            continue  # an item missing: the score is undefined, not derived
                        out.append({f"{p}TESTCD": t.testcd, f"{p}TEST": t.test,
                                    f"{p}CAT": src.cat or "", f"{p}ORRES": str(value),
                                    f"{p}ORRESU": "", f"{p}STRESC": str(value),
                                    f"{p}STRESN": float(value), f"{p}STRESU": "",
                                    f"{p}STAT": "", f"{p}REASND": "", f"{p}DRVFL": "Y"})
                for res in out:
                    if ranges:  # derived records too: every row has the same columns
                        res.setdefault(f"{p}ORNRLO", "")
                        res.setdefault(f"{p}ORNRHI", "")
                    seq[inst.subject] = seq.get(inst.subject, 0) + 1
                    yield {**common, f"{p}SEQ": seq[inst.subject], **res, **after}
