"""Findings records (VS, LB, QS, RS, RE, IE) and their --LOBXFL, as sdtm.toml maps them.

A domain's sources are read together, merged by subject (each form's instances come sorted
by subject), so one subject's records are held at a time: --LOBXFL needs all of them, the
domain is never held whole.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from alsdesk.clinical import alsfrs
from alsdesk.derive import Deriver
from alsdesk.exchange.sdtm.spec import Domain

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


def groups(b: "Builder", src, fields: dict[str, Any], p: str) -> list[tuple[Row, Any, list]]:
    """(timing variables, time field, [(test, field, low, high)...]) of each time point of a
    source; one group without timing or time for a source without time points."""
    if not src.timepoints:
        return [({}, None, [(t, fields[t.field], fields.get(t.low), fields.get(t.high))
                            for t in src.tests if t.field in fields])]
    out = []
    for tp in src.timepoints:
        timing = {p + "TPT": tp.tpt, p + "TPTNUM": tp.tptnum, p + "ELTM": tp.eltm,
                  p + "TPTREF": src.tptref}
        out.append((timing, fields.get(tp.time),
                    [(t, fields[f"{tp.prefix}_{t.field}"], None, None) for t in src.tests
                     if f"{tp.prefix}_{t.field}" in fields]))
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


def flag_last_before(rows: list[Row], ref: str | None, k: dict[str, str]) -> None:
    """--LOBXFL = "Y" on one subject's last record with a result before `ref` (RFXSTDTC),
    per category and test code; nothing without an exposure."""
    if not ref:
        return
    last: dict[tuple[str, str], Row] = {}
    for row in rows:
        if row[k["STAT"]] == "NOT DONE" or not before(row[k["DTC"]], ref):
            continue
        key = (row[k["CAT"]], row[k["TESTCD"]])
        seen = last.get(key)
        if seen is None or row[k["DTC"]] >= seen[k["DTC"]]:  # a tie: the later record
            last[key] = row
    for row in last.values():
        row[k["LOBXFL"]] = "Y"


def findings(b: "Builder", d: Domain) -> Iterator[Row]:
    p = d.code
    k = {name: p + name for name in NAMES}
    ranges = any(t.low or t.high for s in d.sources for t in s.tests)
    exposure = b.exposure() if d.lobxfl else {}
    prepared, fields_of = [], []
    for src in d.sources:
        if src.form not in b.exported:
            continue
        fields = {f.id: f for f in b.snap.form(src.form).fields}
        # (timing, time field, [(test, field, field of its lower limit, of its upper)]):
        # looked up once; a date from another form ("event.form.field") read once
        refs = [r for r in (src.date, src.rftdtc) if r and "." in r]
        prepared.append((src, groups(b, src, fields, p), b.values_of(refs)))
        fields_of.append(fields)
    blank = {k["LOBXFL"]: ""} if d.lobxfl else {}
    if timed(d):
        blank.update({p + c: None if c == "TPTNUM" else "" for c in TIMING})
    blank.update({p + q: "" for s in d.sources for q, _ in s.qualifiers})
    for subject, items in b.by_subject([src.form for src, _, _ in prepared]):
        out: list[Row] = []
        common = {"STUDYID": b.snap.study.id, "DOMAIN": p, "USUBJID": b.usubjid(subject)}
        for n, inst in items:
            src, parts, other = prepared[n]
            values = inst.values
            if src.date and "." in src.date:
                dtc = other[src.date].get(subject, "")
            else:
                dtc = values.get(src.date, "") if src.date else ""
            for timing, time, tests in parts:
                rows = _results(b, k, src, tests, values, inst, ranges)
                if not rows:
                    continue
                when = dtc
                if timing:  # the reference's date with the time point's own time
                    when = dtc[:10]
                    if len(when) == 10 and time is not None and values.get(time.id):
                        when = f"{when}T{b.text(time, values[time.id])[:5]}"
                    timing = dict(timing, **{p + "RFTDTC": other[src.rftdtc].get(subject, "")})
                after = dict(b.visit(inst.event, inst.event_repeat, when, subject))
                after[k["DTC"]] = when
                after[k["DY"]] = b.day(when, subject)
                for q, fid in src.qualifiers:  # the instance's own (REPOS)
                    got = values.get(fid)
                    after[p + q] = "" if got is None else b.text(fields_of[n][fid], got)
                out += [{**common, **res, **blank, **after, **timing} for res in rows]
            if src.derived:
                after = dict(b.visit(inst.event, inst.event_repeat, dtc, subject))
                after[k["DTC"]] = dtc
                after[k["DY"]] = b.day(dtc, subject)
                scores = _scores(b, src, inst)
                out += [{**common, **res, **blank, **after}
                        for res in _derived(k, src, scores, ranges)]
        if d.lobxfl:
            flag_last_before(out, exposure.get(subject), k)
        for seq, row in enumerate(out, start=1):
            row[k["SEQ"]] = seq
            yield row


def _results(b: "Builder", k: dict[str, str], src, tests, values, inst, ranges: bool
             ) -> list[Row]:
    """The records of one instance's (or time point's) collected tests."""
    out = []
    cat = src.cat or ""
    keep = {str(v) for v in src.keep}
    for t, f, low, high in tests:
        value, code = values.get(f.id), inst.missing.get(f.id)
        if value is None and not code:
            continue  # not asked (hidden or left empty): no record
        if keep and (value is None or str(value) not in keep):
            continue  # IE: a criterion met is not a record
        if value is None:
            res = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: cat,
                   k["ORRES"]: "", k["ORRESU"]: "", k["STRESC"]: "",
                   k["STRESN"]: None, k["STRESU"]: "", k["STAT"]: "NOT DONE",
                   k["REASND"]: b.codes[code], k["DRVFL"]: ""}
        else:
            text = b.text(f, value)
            unit = b.units.get(f.unit, f.unit) if f.unit else ""  # the SDTM (ASCII) unit
            shown = text
            if src.orres == "label" and f.codelist is not None:  # the answer as collected
                shown = f.codelist.label_of(value) or text
            res = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: cat,
                   k["ORRES"]: shown, k["ORRESU"]: unit, k["STRESC"]: text,
                   k["STRESN"]: float(value) if isinstance(value, (int, float))
                   else None, k["STRESU"]: unit, k["STAT"]: "", k["REASND"]: "",
                   k["DRVFL"]: ""}
        if ranges:  # the limits as collected, and as numbers in the (same) units
            for name, std, lim in (("ORNRLO", "STNRLO", low), ("ORNRHI", "STNRHI", high)):
                got = None if lim is None else values.get(lim.id)
                res[k[name]] = "" if got is None else b.text(lim, got)
                res[k[std]] = float(got) if isinstance(got, (int, float)) else None
        out.append(res)
    return out


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


def _derived(k: dict[str, str], src, scores: dict[str, Any], ranges: bool) -> list[Row]:
    """The derived records of one instance (--DRVFL "Y"); none when an item is missing."""
    out = []
    for t in src.derived:
        value = scores[t.field]
        if value is None:
            continue  # an item missing: the score is undefined, not derived
        res = {k["TESTCD"]: t.testcd, k["TEST"]: t.test, k["CAT"]: src.cat or "",
               k["ORRES"]: str(value), k["ORRESU"]: "", k["STRESC"]: str(value),
               k["STRESN"]: float(value), k["STRESU"]: "", k["STAT"]: "",
               k["REASND"]: "", k["DRVFL"]: "Y"}
        if ranges:  # derived records too: every row has the same columns
            res[k["ORNRLO"]] = res[k["ORNRHI"]] = ""
            res[k["STNRLO"]] = res[k["STNRHI"]] = None
        out.append(res)
    return out
