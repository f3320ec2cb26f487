"""CTCAE grades of laboratory results, by the rules of resources/study/labgrades.toml.

A result is graded in its field's own unit (converted from the unit the report gave, see
alsdesk/study/units.py) against the laboratory's normal range on the same
report (LLN, ULN) or, where the report gives none, the study's range for the subject's sex
and age, and against the subject's baseline result. The rules are data (the definition
file); this module only reads and applies them. What a grade means for the nurse (an
adverse event proposed, confirmed or dismissed) is alsdesk/safety/labae.py.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from alsdesk.study.companion import companion_file, study_companion
from alsdesk.study import units
from alsdesk.study import values as fv
from alsdesk.study.model import FieldType, Form, Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store

OPS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
OF = ("uln", "lln", "baseline")


@dataclass(frozen=True)
class Rule:
    grade: int
    op: str
    times: float | None = None
    of: str | None = None  # "uln", "lln", "baseline"; None: an absolute `value`
    value: float | None = None
    baseline: str | None = None  # "normal" | "abnormal": only for such a baseline

    def words(self) -> str:
        limit = f"{self.times:.1f} × {self.of.upper() if self.of != 'baseline' else 'baseline'}" \
            if self.of else f"{self.value:g}"
        return f"{self.op} {limit}"


@dataclass(frozen=True)
class Analyte:
    field: str
    term: str
    low: str
    high: str
    rules: tuple[Rule, ...]

    @property
    def rises(self) -> bool:
        """Graded when high (the ULN is its normal limit), not when low."""
        return any(r.op in (">", ">=") for r in self.rules)


@dataclass(frozen=True)
class Range:
    field: str
    low: float | None
    high: float | None
    sex: str | None = None
    age_min: float | None = None
    age_max: float | None = None


@dataclass(frozen=True)
class AeTarget:
    """Where a proposed adverse event goes, and which of its fields get what."""

    event: str
    form: str
    term: str
    ctcae_term: str
    grade: str
    start: str


@dataclass(frozen=True)
class LabGrading:
    form: str
    date: str  # the lab form's field of when the sample was taken
    adverse_event: AeTarget
    baseline_events: tuple[str, ...]
    sex: str  # "event.form.field"
    age: str  # "event.form.field-or-derived"
    analytes: Mapping[str, Analyte]
    ranges: tuple[Range, ...]


@dataclass(frozen=True)
class Graded:
    """One result's grade, with what it was judged against (for the screen and paper)."""

    field: str
    term: str
    value: float
    lln: float | None
    uln: float | None
    range_from: str  # "report", "study" or "none"
    baseline: float | None
    grade: int | None  # 0: within the criteria of no grade; None: cannot be graded
    why: str
    # the result as the report gave it, with its unit, and its value in the field's own
    # unit where that differs: "97 µmol/L (= 1.1 mg/dL)"; value, lln, uln and baseline are
    # all in the field's own unit, the one the rules are written in
    reported: str = ""


def definition_file() -> Path:
    return companion_file("labgrades.toml")


def load_labgrades(study: Study, path: Path | None = None) -> LabGrading:
    """labgrades.toml, checked against the study; DefinitionError names file and key."""
    data, src = study_companion(study, "labgrades.toml", path)
    form_id = data.get("form", "lb")
    if form_id not in study.forms:
        src.fail("form", f"the study has no form {form_id!r}")
    form = study.forms[form_id]
    numeric = {f.id for f in form.fields if f.type in (FieldType.INTEGER, FieldType.DECIMAL)}
    events = {e.id for e in study.events}
    baseline = tuple(data.get("baseline_events", ()))
    for n, ev in enumerate(baseline):
        if ev not in events or form_id not in study.event(ev).forms:
            src.fail(f"baseline_events[{n}]", f"{ev!r} is not an event with form {form_id!r}")
    for key in ("sex", "age"):
        ref = data.get(key, "")
        parts = ref.split(".") if isinstance(ref, str) else []
        if len(parts) != 3 or parts[0] not in events or parts[1] not in study.forms or (
                parts[2] not in study.forms[parts[1]].field_ids
                and parts[2] not in {d.id for d in study.forms[parts[1]].derived}):
            src.fail(key, f"{ref!r} must be event.form.field of the study "
                          "(e.g. screening.dm.sex)")
    analytes: dict[str, Analyte] = {}
    for fid, raw in (data.get("analytes") or {}).items():
        key = f"analytes.{fid}"
        for part in (fid, raw.get("low"), raw.get("high")):
            if part not in numeric:
                src.fail(key, f"{part!r} is not a number field of form {form_id!r}")
        if not isinstance(raw.get("term"), str) or not raw["term"].strip():
            src.fail(f"{key}.term", "name the CTCAE term graded")
        rules = []
        for n, r in enumerate(raw.get("rules") or []):
            where = f"{key}.rules[{n}]"
            unknown = set(r) - {"grade", "op", "times", "of", "value", "baseline"}
            if unknown:
                src.fail(where, f"unknown key(s) {', '.join(sorted(unknown))}")
            rule = Rule(r.get("grade"), r.get("op"), r.get("times"), r.get("of"),
                        r.get("value"), r.get("baseline"))
            if rule.grade not in (1, 2, 3, 4, 5) or rule.op not in OPS:
                src.fail(where, "needs grade 1-5 and op one of > >= < <=")
            if (rule.of is None) == (rule.value is None) or (rule.of is not None and (
                    rule.of not in OF or not isinstance(rule.times, (int, float)))):
                src.fail(where, "give either times and of (uln, lln, baseline) or value")
            if rule.baseline not in (None, "normal", "abnormal"):
                src.fail(f"{where}.baseline", "normal or abnormal")
            rules.append(rule)
        if not rules:
            src.fail(f"{key}.rules", "no rules")
        analytes[fid] = Analyte(fid, raw["term"].strip(), raw["low"], raw["high"],
                                tuple(rules))
    date = data.get("date")
    if date not in form.field_ids:
        src.fail("date", f"{date!r} is not a field of form {form_id!r}")
    ae = data.get("adverse_event") or {}
    if ae.get("form") not in study.forms or ae.get("event") not in events or \
            ae["form"] not in study.event(ae["event"]).forms:
        src.fail("adverse_event", "name the event and form of the adverse event log")
    for key in ("term", "ctcae_term", "grade", "start"):
        if ae.get(key) not in study.forms[ae["form"]].field_ids:
            src.fail(f"adverse_event.{key}", f"{ae.get(key)!r} is not a field of form "
                                             f"{ae['form']!r}")
    target = AeTarget(ae["event"], ae["form"], ae["term"], ae["ctcae_term"], ae["grade"],
                      ae["start"])
    ranges = []
    for n, r in enumerate(data.get("ranges") or []):
        if r.get("field") not in analytes:
            src.fail(f"ranges[{n}].field", f"{r.get('field')!r} is not a graded analyte")
        ranges.append(Range(r["field"], r.get("low"), r.get("high"), r.get("sex"),
                            r.get("age_min"), r.get("age_max")))
    return LabGrading(form_id, date, target, baseline, data["sex"], data["age"], analytes,
                      tuple(ranges))


def study_range(g: LabGrading, fid: str, sex: Any, age: Any) -> tuple[float | None, float | None]:
    """The study's range for the subject (the first that fits), else none."""
    for r in g.ranges:
        if r.field != fid or (r.sex is not None and r.sex != sex):
            continue
        if age is not None and ((r.age_min is not None and age < r.age_min) or
                                (r.age_max is not None and age > r.age_max)):
            continue
        if age is None and (r.age_min is not None or r.age_max is not None):
            continue  # an age band cannot be told without the age
        return r.low, r.high
    return None, None


def grade_value(a: Analyte, value: Fraction | float, lln: Fraction | float | None,
                uln: Fraction | float | None, baseline: Fraction | float | None,
                baseline_abnormal: bool, typed_range: str | None = None
                ) -> tuple[int | None, str]:
    """The highest grade whose rule holds, and in words against what. None when a rule the
    result needs has no limit to compare with (no range at all)."""
    if (uln is not None and uln <= 0) or (lln is not None and lln < 0) or (
            lln is not None and uln is not None and lln >= uln):
        # a typing slip in the range (7 to 0) would otherwise grade a normal result 4
        shown = typed_range or f"{_g(lln)} to {_g(uln)}"  # as typed, in its unit, if given
        return None, f"the normal range ({shown}) is not possible: correct it to grade this result"
    limits = {"uln": uln, "lln": lln, "baseline": baseline}
    state = "abnormal" if baseline_abnormal else "normal"
    best, won, unknown = 0, None, False
    for r in a.rules:
        if r.baseline is not None and r.baseline != state:
            continue
        if r.of is not None:
            ref = limits[r.of]
            if ref is None:
                unknown = unknown or r.of != "baseline"  # no baseline: those rules do not apply
                continue
            threshold = _dec(r.times) * _dec(ref)
        else:
            threshold = _dec(r.value)
        if OPS[r.op](_dec(value), threshold) and r.grade > best:
            best, won = r.grade, r
    if best == 0 and unknown:
        return None, "no normal range to grade against"
    if won is None:
        return 0, "within the normal range" if _inside(value, lln, uln) else "no CTCAE grade"
    why = f"grade {best} is {won.words()}"
    ref = limits.get(won.of) if won.of else None
    if ref:  # how far: "3.8 × ULN"
        name = won.of.upper() if won.of != "baseline" else "baseline"
        bounds = {_dec(r.times) for r in a.rules if r.times is not None}
        why = f"{_ratio(_dec(value) / _dec(ref), bounds)} × {name}; {why}"
    if won.baseline == "abnormal":
        why += ", the baseline being beyond the normal range"
    return best, why


# A number as written, exactly (3.0 x 0.7 is 2.1, not 2.0999999999999996): CTCAE's
# boundaries are exact, a result at 3.0 x ULN is not above it. A converted result is
# already exact (a Fraction).
_dec = units.exact


def _ratio(ratio: Fraction, bounds: set[Fraction]) -> str:
    """How many times the limit, to one decimal, or as many more as it takes not to read as
    one of the analyte's boundaries (120.1 / 40 is "3.002", not "3.0", beside "> 3.0 × ULN";
    689.4 / 115 is "5.99", not "6.0", which is where the next grade starts)."""
    for places in (1, 2, 3, 4):
        text = f"{float(ratio):.{places}f}"
        if Fraction(text) not in bounds or ratio == Fraction(text):
            return text
    return f"{float(ratio):.6f}"


def _g(x: Fraction | float | None) -> str:
    return "none" if x is None else f"{float(x):g}"


def _inside(value: float, lln: float | None, uln: float | None) -> bool:
    return (lln is None or value >= lln) and (uln is None or value <= uln)


def _own(form: Form, fid: str, values: Mapping[str, Any]) -> Fraction | None:
    """A number of the form in its field's own unit (from the unit it was reported in);
    None when there is none, or its unit is not one the study can convert from."""
    value = values.get(fid)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    f = form.field(fid)
    unit = units.unit_of(f, units.unit_code(f, values))
    if f.units is not None and unit is None:
        return None
    return units.to_own(value, unit)


def _reported(form: Form, fid: str, values: Mapping[str, Any]) -> str:
    f = form.field(fid)
    return f"{values[fid]:g} {units.reported_text(f, values)}".rstrip()


def _limits(g: LabGrading, a: Analyte, form: Form, values: Mapping[str, Any], sex: Any,
            age: Any) -> tuple[Fraction | float | None, Fraction | float | None, str]:
    lln, uln = _own(form, a.low, values), _own(form, a.high, values)
    if lln is not None or uln is not None:
        return lln, uln, "report"
    low, high = study_range(g, a.field, sex, age)
    return low, high, ("study" if low is not None or high is not None else "none")


def grades(store: "Store", subject: str, event: str, values: Mapping[str, Any]
           ) -> list[Graded]:
    """The graded results of one lab form as on screen (`values`), in the rules' order."""
    from alsdesk import overview  # the subject's other forms, as the screens read them

    g = lab_grading(store)
    deriver = overview.deriver(store, subject)
    sex, age = deriver.value(g.sex), deriver.value(g.age)
    base_values = {} if event in g.baseline_events else next(
        (v for ev in g.baseline_events if (v := deriver.lookup(ev, g.form))), {})
    form = store.study.form(g.form)
    out = []
    for a in g.analytes.values():
        value = _own(form, a.field, values)
        if value is None:
            continue
        lln, uln, source = _limits(g, a, form, values, sex, age)
        base = _own(form, a.field, base_values)
        abnormal = False
        if base is not None:
            b_lln, b_uln, _ = _limits(g, a, form, base_values, sex, age)
            # beyond the limit in the analyte's direction (a high ALT, a low platelet count)
            abnormal = (a.rises and b_uln is not None and base > b_uln) or (
                not a.rises and b_lln is not None and base < b_lln)
        f = form.field(a.field)
        refused = fv.check_value(f, values[a.field], units.unit_code(f, values))
        if refused:  # the form refuses it (97 mg/dL): no grade of a number that is not one
            grade, why = None, "not a result the form accepts in this unit"
        else:
            grade, why = grade_value(a, value, lln, uln, base, abnormal,
                                     _typed_range(form, a, values) if source == "report"
                                     else None)
        out.append(Graded(a.field, a.term, float(value), _float(lln), _float(uln), source,
                          _float(base), grade, why, _reported(form, a.field, values)))
    return out


def _typed_range(form: Form, a: Analyte, values: Mapping[str, Any]) -> str:
    """The report's range as the nurse typed it, in its unit: "115 to 62 µmol/L"."""
    typed = " to ".join("none" if values.get(x) is None else fv.plain(values[x])
                        for x in (a.low, a.high))
    return f"{typed} {units.reported_unit(form.field(a.low), values) or ''}".rstrip()


def _float(x: Fraction | float | None) -> float | None:
    return None if x is None else float(x)


def baseline_grades(store: "Store", subject: str) -> dict[str, int]:
    """Field -> the grade of the subject's baseline result (absent: no baseline result)."""
    from alsdesk import overview

    g = lab_grading(store)
    deriver = overview.deriver(store, subject)
    for ev in g.baseline_events:
        values = deriver.lookup(ev, g.form)
        if values:
            return {x.field: x.grade or 0 for x in grades(store, subject, ev, values)}
    return {}


_CACHE: dict[int, tuple[Study, LabGrading]] = {}


def lab_grading(store: "Store") -> LabGrading:
    """The study's lab grading rules, read once per study definition."""
    known = _CACHE.get(id(store.study))
    if known is None or known[0] is not store.study:
        known = _CACHE[id(store.study)] = (store.study, load_labgrades(store.study))
    return known[1]
