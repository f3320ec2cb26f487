"""Findings records (VS, LB, QS, RS, RE, IE) and their --LOBXFL, as sdtm.toml maps them.

A domain's sources are read together, merged by subject (each form's instances come sorted
by subject), so one subject's records are held at a time: --LOBXFL needs all of them, the
domain is never held whole.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping

from alsdesk.clinical import alsfrs
from alsdesk.derive import Deriver
from alsdesk.exchange.sdtm.spec import Domain
from alsdesk.study import units
from alsdesk.study.model import FieldType
from alsdesk.study.values import plain

if TYPE_CHECKING:
    from alsdesk.exchange.sdtm.build import Builder

Row = dict[str, Any]
# SDTMIG's order of the generic findings variables (after STUDYID DOMAIN USUBJID); VISITNUM,
# VISIT and EPOCH come between --DRVFL and --DTC.
ORDER = ("SEQ", "TESTCD", "TEST", "CAT", "POS", "ORRES", "ORRESU", "ORNRLO", "ORNRHI", "STRESC",
         "STRESN", "STRESU", "STNRLO", "STNRHI", "STAT", "REASND", "LOBXFL", "DRVFL")
NAMES = ORDER + ("DTC", "DY")
# Planned time points (SDTMIG: after --DY), on every record of a domain with any: empty on
# the records of sources without time points.
TIMING = ("TPT", "TPTNUM", "ELTM", "TPTREF", "RFTDTC")


def timed(d: Domain) -> bool:
    return any(s.timepoints for s in d.sources)


def columns(d: Domain) -> list[str]:
    p = d.code
    return ["STUDYID", "DOMAIN", "USUBJID", *(p + c for c in ORDER if c not in d.omit),
            "VISITNUM", "VISIT", "EPOCH", *(p + c for c in ("DTC", "DY") if c not in d.omit),
            *(p + c for c in TIMING if timed(d))]


class Test:
    """One collected test of a source, with what its records repeat worked out once: the
    --TESTCD, --TEST, --CAT, units and empty flags of every record of it."""

    __slots__ = ("field", "low", "high", "label", "decimal", "fixed", "missing", "places")

    def __init__(self, b: "Builder", src, k: dict[str, str], t, f, low, high) -> None:
        self.field, self.low, self.high = f, low, high
        # the answer as collected (its label) in --ORRES, the code in --STRESC
        self.label = src.orres == "label" and f.codelist is not None
        self.decimal = f.type is FieldType.DECIMAL  # written with its digits (Builder.text)
        # reported in a choice of units: the standard result is converted, to two decimals
        # more than the field records (97 µmol/L is 1.0973 mg/dL)
        self.places = (f.digits or 0) + 2 if f.unit_field else None
        unit = b.units.get(f.unit, f.unit) if f.unit else ""  # the SDTM (ASCII) unit
        same = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: src.cat or ""}
        self.fixed = {**same, k["ORRESU"]: unit, k["STRESU"]: unit, k["STAT"]: "",
                      k["REASND"]: "", k["DRVFL"]: ""}
        self.missing = {**same, k["ORRES"]: "", k["ORRESU"]: "", k["STRESC"]: "",
                        k["STRESN"]: None, k["STRESU"]: "", k["STAT"]: "NOT DONE",
                        k["DRVFL"]: ""}


def groups(b: "Builder", src, fields: dict[str, Any], k: dict[str, str]
           ) -> list[tuple[Row, Any, list[Test]]]:
    """(timing variables, time field, the tests) of each time point of a source; one group
    without timing or time for a source without time points."""
    p = k["TESTCD"][:-6]
    if not src.timepoints:
        return [({}, None, [Test(b, src, k, t, fields[t.field], fields.get(t.low),
                                 fields.get(t.high))
                            for t in src.tests if t.field in fields])]
    out = []
    for tp in src.timepoints:
        timing = {p + "TPT": tp.tpt, p + "TPTNUM": tp.tptnum, p + "ELTM": tp.eltm,
                  p + "TPTREF": src.tptref}
        out.append((timing, fields.get(tp.time),
                    [Test(b, src, k, t, fields[f"{tp.prefix}_{t.field}"], None, None)
                     for t in src.tests if f"{tp.prefix}_{t.field}" in fields]))
    return out


def before(dtc: str, ref: str) -> bool:
    """Whether `dtc` is certainly before `ref` (ISO 8601 texts): date-times are compared when
    both have a time, else dates; the same day without a time is not before (it cannot be
    told), nor is a partial date in the month of the reference."""
    if not dtc or not ref:
        return False
    if "T" in dtc and "T" in ref:
        n = min(len(dtc), len(ref))
        return dtc[:n] < ref[:n]
    d, r = dtc[:10], ref[:10]
    n = min(len(d), len(r))
    return d[:n] < r[:n]


def flag_last_before(rows: list[Row], ref: str | None, k: dict[str, str],
                     pre: str | None = None) -> None:
    """--LOBXFL = "Y" on one subject's last record with a result before `ref` (RFXSTDTC),
    per category and test code; nothing without an exposure. A record of a visit the
    schedule puts before the treatment (EPOCH `pre`, e.g. the baseline visit on the day of
    the infusion, with a date and no time) counts as before it."""
    if not ref:
        return
    last: dict[tuple[str, str], Row] = {}
    stat, dtc, cat, testcd = k["STAT"], k["DTC"], k["CAT"], k["TESTCD"]
    earlier: dict[str, bool] = {}  # a subject's records share a few dates: each compared once
    for row in rows:
        when = row[dtc]
        is_before = earlier.get(when)
        if is_before is None:
            is_before = earlier[when] = before(when, ref)
        if not is_before and pre is not None and row["EPOCH"] == pre and when[:10] <= ref[:10]:
            is_before = True
        if not is_before or row[stat] == "NOT DONE":
            continue
        key = (row[cat], row[testcd])
        seen = last.get(key)
        if seen is None or when >= seen[dtc]:  # a tie: the later record
            last[key] = row
    for row in last.values():
        row[k["LOBXFL"]] = "Y"


def findings(b: "Builder", d: Domain) -> Iterator[Row]:
    p = d.code
    k = {name: p + name for name in NAMES}
    ranges = any(t.low or t.high for s in d.sources for t in s.tests)
    exposure = b.exposure() if d.lobxfl else {}
    pre = b.spec.epochs.before if b.spec.epochs is not None else None
    prepared, fields_of = [], []
    for src in d.sources:
        if src.form not in b.exported:
            continue
        fields = {f.id: f for f in b.snap.form(src.form).fields}
        # (timing, time field, tests): looked up once; a date from another form
        # ("event.form.field") read once; IE's answers that make a record, as texts
        refs = [r for r in (src.date, src.rftdtc) if r and "." in r]
        prepared.append((src, groups(b, src, fields, k), b.values_of(refs),
                         {str(v) for v in src.keep}))
        fields_of.append(fields)
    blank = {k["LOBXFL"]: ""} if d.lobxfl else {}
    if timed(d):
        blank.update({p + c: None if c == "TPTNUM" else "" for c in TIMING})
    blank.update({p + q: "" for s in d.sources for q, _ in s.qualifiers})
    for subject, items in b.by_subject([src.form for src, _, _, _ in prepared]):
        out: list[Row] = []
        common = {"STUDYID": b.snap.study.id, "DOMAIN": p, "USUBJID": b.usubjid(subject),
                  **blank}
        for n, inst in items:
            src, parts, other, keep = prepared[n]
            values = inst.values
            if src.date and "." in src.date:
                dtc = other[src.date].get(subject, "")
            else:
                dtc = values.get(src.date, "") if src.date else ""
            for timing, time, tests in parts:
                when = dtc
                if timing:  # the reference's date with the time point's own time
                    when = dtc[:10]
                    if len(when) == 10 and time is not None and values.get(time.id):
                        when = f"{when}T{b.text(time, values[time.id])[:5]}"
                    timing = dict(timing, **{p + "RFTDTC": other[src.rftdtc].get(subject, "")})
                # what the instance's (or time point's) records share, in front of the results
                base = {**common, **b.visit(inst.event, inst.event_repeat, when, subject),
                        k["DTC"]: when, k["DY"]: b.day(when, subject), **timing}
                for q, fid in src.qualifiers:  # the instance's own (REPOS)
                    got = values.get(fid)
                    base[p + q] = "" if got is None else b.text(fields_of[n][fid], got)
                _results(b, k, tests, inst, ranges, keep, base, out)
            if src.derived:
                base = {**common, **b.visit(inst.event, inst.event_repeat, dtc, subject),
                        k["DTC"]: dtc, k["DY"]: b.day(dtc, subject)}
                _derived(k, src, _scores(b, src, inst), ranges, base, out)
        if d.lobxfl:
            flag_last_before(out, exposure.get(subject), k, pre)
        seq = k["SEQ"]
        for number, row in enumerate(out, start=1):
            row[seq] = number
            yield row


def _results(b: "Builder", k: dict[str, str], tests: list[Test], inst, ranges: bool,
             keep: set[str], base: Row, out: list[Row]) -> None:
    """The records of one instance's (or time point's) collected tests, each `base` with the
    test's result after it, added to `out`. The findings' most repeated step (millions of
    records at 10,000 subjects): what a test's records share is made once (Test)."""
    values, missing = inst.values, inst.missing
    orres, stresc, stresn = k["ORRES"], k["STRESC"], k["STRESN"]
    for t in tests:
        fid = t.field.id
        value = values.get(fid)
        if value is None:
            code = missing.get(fid)
            if not code or keep:
                continue  # not asked (hidden or left empty): no record; IE: no answer
            row = {**base, **t.missing, k["REASND"]: b.codes[code]}
        else:
            if keep and str(value) not in keep:
                continue  # IE: a criterion met is not a record
            text = b.text(t.field, value) if t.decimal else str(value)
            row = {**base, **t.fixed, orres: text, stresc: text,
                   stresn: float(value) if isinstance(value, (int, float)) else None}
            if t.label:
                row[orres] = t.field.codelist.label_of(value) or text
        if ranges:  # the limits as collected, and as numbers in the (same) units
            for name, std, lim in (("ORNRLO", "STNRLO", t.low), ("ORNRHI", "STNRHI", t.high)):
                got = None if lim is None else values.get(lim.id)
                row[k[name]] = "" if got is None else b.text(lim, got)
                row[k[std]] = float(got) if isinstance(got, (int, float)) else None
        if t.places is not None and value is not None:
            _standard(k, t, values, row)
        out.append(row)


def _standard(k: dict[str, str], t: Test, values: Mapping[str, Any], row: Row) -> None:
    """A result reported in another unit: --ORRES/--ORRESU as reported, the standard result
    (--STRESC, --STRESN, --STRESU, --STNRLO, --STNRHI) in the field's own unit."""
    unit = units.unit_of(t.field, values.get(t.field.unit_field))
    if unit is None or unit.per is None:
        return  # the field's own unit (or none the study knows: the form refuses those)
    row[k["ORRESU"]] = str(unit.code)  # the code lists' codes are the SDTM (ASCII) units
    row[k["ORRES"]] = plain(values[t.field.id])  # as reported, no decimals added
    for name, lim in (("ORNRLO", t.low), ("ORNRHI", t.high)):
        if lim is not None and values.get(lim.id) is not None and k.get(name) in row:
            row[k[name]] = plain(values[lim.id])
    own = units.to_own(values[t.field.id], unit)
    row[k["STRESC"]] = units.number(own, t.places)
    row[k["STRESN"]] = float(own)
    for std in ("STNRLO", "STNRHI"):
        if k.get(std) and row.get(k[std]) is not None:
            row[k[std]] = float(units.to_own(row[k[std]], unit))


def _no_other_form(event: str, form: str) -> dict[str, Any]:
    """The exported derived values use their own form only (spec.py checks it): another
    derived value of the form that needs another form is computed without it, and unused."""
    return {}


def _scores(b: "Builder", src, inst) -> dict[str, Any]:
    """The core's scores of one instance, by derived test name (None: not computable), from
    the scoring sdtm.toml names: ALSFRS-R's (alsdesk.clinical.alsfrs) or the form's own
    derived values (alsdesk.derive, as the data entry screens show them: the GCS total)."""
    values = inst.values
    if src.scoring == "alsfrs":
        score = alsfrs.score({i: values.get(i) for i in alsfrs.ITEMS})
        return {t.field: getattr(score, t.field) for t in src.derived}
    form = b.snap.study.forms[src.form]
    got = Deriver(b.snap.study, _no_other_form).compute(form, inst.event, values)
    return {t.field: None if got[t.field].error else got[t.field].value for t in src.derived}


def _derived(k: dict[str, str], src, scores: dict[str, Any], ranges: bool, base: Row,
             out: list[Row]) -> None:
    """The derived records of one instance (--DRVFL "Y"), added to `out`; none when an item
    is missing."""
    for t in src.derived:
        value = scores[t.field]
        if value is None:
            continue  # an item missing: the score is undefined, not derived
        row = {**base, k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: src.cat or "",
               k["ORRES"]: str(value), k["ORRESU"]: "", k["STRESC"]: str(value),
               k["STRESN"]: float(value), k["STRESU"]: "", k["STAT"]: "",
               k["REASND"]: "", k["DRVFL"]: "Y"}
        if ranges:  # derived records too: every row has the same columns
            row[k["ORNRLO"]] = row[k["ORNRHI"]] = ""
            row[k["STNRLO"]] = row[k["STNRHI"]] = None
        out.append(row)
