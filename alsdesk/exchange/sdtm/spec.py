"""resources/study/sdtm.toml: the SDTM mapping of the study definition, checked on load.

Every form and field it names must exist in the study; names, test codes and labels must fit
SAS transport v5 (8, 8 and 40 bytes). A mistake is a DefinitionError naming the file, the
key (with its line) and what to change. The dataclasses it returns are in model.py.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from alsdesk.clinical import alsfrs
from alsdesk.exchange.sdtm.model import (  # noqa: F401  (the dataclasses, re-exported)
    Arm, Domain, Epochs, FindingSource, More, SdtmSpec, Test, TimePoint, Visit)
from alsdesk.states import SubjectStatus
from alsdesk.study.companion import study_companion
from alsdesk.study.model import Derived, Study
from alsdesk.study.schema import TEXT_RESULTS, VERDICT_RESULTS
from alsdesk.study.source import Source

FILE = "sdtm.toml"
NAME, LABEL = 8, 40
KINDS = ("subject", "findings", "events")
# Derived results the core's ALSFRS-R scoring computes (alsdesk.clinical.alsfrs.AlsfrsScore
# attributes): a source's `derived` with scoring = "alsfrs".
DERIVED = ("total", "bulbar", "fine_motor", "gross_motor", "respiratory")
# Where a source's derived tests come from: "form" the form's own [[forms.<id>.derived]]
# values (alsdesk.derive), each of them from fields of that form only.
SCORINGS = ("alsfrs", "form")
# The keys each kind of domain may have: any other is a typing mistake, refused.
KEYS = {
    "subject": {"label", "kind", "form", "variables", "constants", "other", "days", "age",
                "flags", "last", "arm", "order"},
    "events": {"label", "kind", "form", "variables", "constants", "other", "days", "visit",
               "supp", "times", "defaults", "more", "seq", "order", "recode", "epoch",
               "derived"},
    "findings": {"label", "kind", "sources", "lobxfl", "omit"},
}
SOURCE_KEYS = {"form", "date", "cat", "tests", "derived", "keep", "timepoints", "tptref",
               "rftdtc", "qualifiers", "orres", "scoring"}
TIMEPOINT_KEYS = {"prefix", "time", "tpt", "tptnum", "eltm"}
MORE_KEYS = {"form", "status", "constants", "variables", "other"}
ARM_KEYS = {"armcd", "arm", "treated", "assigned", "screen_failure"}
# Findings variables a domain may leave out (`omit`): IE has no units, status or flags.
STATUSES = tuple(s.value for s in SubjectStatus)
# Findings qualifiers a source may fill from a field of the same form (the name without its
# domain code): the body position of the test.
QUALIFIERS = ("POS",)
OPTIONAL = ("ORRESU", "STRESN", "STRESU", "STAT", "REASND", "DRVFL", "DY")


def load_spec(study: Study, path: Path | None = None) -> SdtmSpec:
    data, src = study_companion(study, FILE, path)
    return _Checker(study, src).spec(data)


class _Checker:
    def __init__(self, study: Study, src: Source) -> None:
        self.study, self.src = study, src

    def fail(self, key: str, what: str) -> None:
        self.src.fail(key, what)

    def name(self, value: Any, key: str, limit: int = NAME) -> str:
        if not isinstance(value, str) or not value:
            self.fail(key, "must be a non-empty text")
        if len(value.encode("utf-8")) > limit:
            self.fail(key, f"{value!r} is longer than the {limit} characters SAS transport v5 "
                      "allows: shorten it")
        return value

    def field(self, form: str, field: str, key: str) -> str:
        if form not in self.study.forms:
            self.fail(key, f"names the form {form!r}, which the study does not define")
        if field not in {f.id for f in self.study.forms[form].fields}:
            self.fail(key, f"names the field {field!r}, which the form {form!r} does not have")
        return field

    def keys(self, t: Any, key: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(t, dict):
            self.fail(key, "must be a table")
        for k in t:
            if k not in allowed:
                self.fail(f"{key}.{k}", f"unknown key {k!r}; allowed keys: "
                          f"{', '.join(sorted(allowed))}")
        return t

    def ref(self, value: Any, key: str) -> str:
        """An "event.form.field" reference of the study (a value of another form)."""
        parts = value.split(".") if isinstance(value, str) else []
        if len(parts) != 3:
            self.fail(key, 'must be "event.form.field", e.g. "screening.ic.icdat"')
        event = next((e for e in self.study.events if e.id == parts[0]), None)
        if event is None:
            self.fail(key, f"names the event {parts[0]!r}, which the study does not have")
        if parts[1] not in event.forms:
            self.fail(key, f"the event {parts[0]!r} has no form {parts[1]!r}")
        self.field(parts[1], parts[2], key)
        return value

    def pairs(self, t: dict[str, Any], name: str, key: str, check) -> list[tuple[str, str]]:
        out = []
        for var, value in dict(t.get(name, {})).items():
            self.name(var, f"{key}.{name}.{var}")
            out.append((var, check(value, f"{key}.{name}.{var}")))
        return out

    def spec(self, data: dict[str, Any]) -> SdtmSpec:
        events = {}
        for ev, t in self.src.table(data.get("events", {}), "events", None).items():
            if ev not in {e.id for e in self.study.events}:
                self.fail(f"events.{ev}", "is not an event of the study")
            if not isinstance(t, dict) or not isinstance(t.get("visitnum"), (int, float)):
                self.fail(f"events.{ev}", "needs visitnum = <number>")
            by_date = bool(t.get("by_date", False))
            events[ev] = Visit(float(t["visitnum"]), "" if by_date else
                               self.name(t.get("epoch"), f"events.{ev}.epoch", LABEL),
                               float(t.get("repeat_step", 0)), by_date)
        domains = []
        for code, t in self.src.table(data.get("domains", {}), "domains", None).items():
            domains.append(self.domain(code, t))
        labels = {}
        for var, text in self.src.table(data.get("labels", {}), "labels", None).items():
            self.name(var, f"labels.{var}", NAME + 2 if var.startswith("--") else NAME)
            labels[var] = self.name(text, f"labels.{var}", LABEL)
        epochs = None
        if "epochs" in data:
            e = self.keys(data["epochs"], "epochs", {"before", "during", "after"})
            epochs = Epochs(*(self.name(e.get(k), f"epochs.{k}", LABEL)
                              for k in ("before", "during", "after")))
        if epochs is None and (any(v.by_date for v in events.values()) or
                               any(d.epoch for d in domains)):
            self.fail("epochs", "EPOCH by date needs [epochs] with before, during and after")
        units = {}
        for unit, sdtm in self.src.table(data.get("units", {}), "units", None).items():
            if not isinstance(sdtm, str) or not sdtm.isascii() or not sdtm:
                self.fail(f"units.{unit}", "must be the unit in ASCII (submission data)")
            units[unit] = sdtm
        for d in domains:  # every unit written must be ASCII: as collected, or from [units]
            for s in d.sources:
                fields = {f.id: f for f in self.study.forms[s.form].fields}
                ids = [f"{p.prefix}_{t.field}" for t in s.tests for p in s.timepoints] \
                    if s.timepoints else [t.field for t in s.tests]
                for fid in ids:
                    unit = fields[fid].unit or ""
                    if not unit.isascii() and unit not in units:
                        self.fail("units", f"{unit!r} (the unit of {s.form}.{fid}) is not "
                                  "ASCII: give its SDTM unit in [units]")
        return SdtmSpec(events, tuple(domains), labels, epochs, units)

    def domain(self, code: str, t: dict[str, Any]) -> Domain:
        key = f"domains.{code}"
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            self.fail(key, "a domain code is two capital letters (VS, QS...)")
        kind = t.get("kind")
        if kind not in KINDS:
            self.fail(f"{key}.kind", f"must be one of {', '.join(KINDS)}")
        self.keys(t, key, KEYS[kind])
        label = self.name(t.get("label"), f"{key}.label", LABEL)
        form, variables, days, sources, constants, supp = None, [], [], [], [], []
        extra: dict[str, Any] = {}
        if kind in ("subject", "events"):
            form = t.get("form")
            if form not in self.study.forms:
                self.fail(f"{key}.form", f"names the form {form!r}, which the study does not "
                          "define")
            for var, fid in dict(t.get("variables", {})).items():
                vkey = f"{key}.variables.{var}"
                self.name(var, vkey)
                variables.append((var, self.field(form, fid, vkey)))
            constants = []
            for var, text in dict(t.get("constants", {})).items():
                self.name(var, f"{key}.constants.{var}")
                constants.append((var, self.name(text, f"{key}.constants.{var}", 200)))
            supp = []
            for qnam, fid in dict(t.get("supp", {})).items():
                skey = f"{key}.supp.{qnam}"
                self.name(qnam, skey)
                supp.append((qnam, self.field(form, fid, skey)))
            other = self.pairs(t, "other", key, self.ref)
            extra.update(other=tuple(other), order=self.order(t, key))
            names = {v for v, _ in variables + other}
            if kind == "events":
                extra.update(self.events_extra(t, key, form, names))
            else:
                extra.update(self.subject_extra(t, key, names | {"RFSTDTC"}))
            for var in t.get("days", []):
                if var not in names or not var.endswith("DTC"):
                    self.fail(f"{key}.days", f"{var!r} is not one of its --DTC variables")
                days.append(var)
        else:
            for n, s in enumerate(t.get("sources", [])):
                sources.append(self.source(f"{key}.sources[{n}]", s))
            if not sources:
                self.fail(key, "a findings domain needs [[domains.<code>.sources]]")
            omit = t.get("omit", [])
            for var in omit:
                if var not in OPTIONAL:
                    self.fail(f"{key}.omit", f"{var!r}: only {', '.join(OPTIONAL)} may be left "
                              "out")
            extra.update(lobxfl=bool(t.get("lobxfl", False)), omit=tuple(omit))
        return Domain(code, label, kind, form, tuple(variables), tuple(days), tuple(sources),
                      tuple(constants), bool(t.get("visit", False)), tuple(supp), **extra)

    def order(self, t: dict[str, Any], key: str) -> tuple[str, ...]:
        order = t.get("order", [])
        if not isinstance(order, list) or len(set(order)) != len(order):
            self.fail(f"{key}.order", "must be a list of variable names, each once")
        return tuple(self.name(v, f"{key}.order") for v in order)

    def text(self, value: Any, key: str) -> str:
        return self.name(value, key, 200)

    def events_extra(self, t: dict[str, Any], key: str, form: str,
                     names: set[str]) -> dict[str, Any]:
        times = self.pairs(t, "times", key, lambda fid, k: self.field(form, fid, k))
        for var, _ in times:
            if var not in names or not var.endswith("DTC"):
                self.fail(f"{key}.times.{var}", "must be one of its --DTC variables")
        names = names | {v for v, _ in self.pairs(t, "constants", key, self.text)}
        more = []
        for n, m in enumerate(t.get("more", [])):
            mkey = f"{key}.more[{n}]"
            self.keys(m, mkey, MORE_KEYS)
            mform, status = m.get("form"), m.get("status")
            if (mform is None) == (status is None):
                self.fail(mkey, "needs either form = <form id> or status = <subject status>")
            if status is not None and status not in STATUSES:
                self.fail(f"{mkey}.status", f"must be one of {', '.join(STATUSES)}")
            if mform is not None and mform not in self.study.forms:
                self.fail(f"{mkey}.form", f"names the form {mform!r}, which the study does "
                          "not define")
            mvars = self.pairs(m, "variables", mkey, lambda fid, k: self.field(mform, fid, k)) \
                if mform is not None else []
            more.append(More(mform, status, tuple(self.pairs(m, "constants", mkey, self.text)),
                             tuple(mvars), tuple(self.pairs(m, "other", mkey, self.ref))))
            names |= {v for v, _ in mvars} | {v for v, _ in more[-1].other}
        defaults = self.pairs(t, "defaults", key, self.name)
        for var, src in defaults:
            if var not in names or src not in names:
                self.fail(f"{key}.defaults.{var}", "both must be variables of the domain")
        recode = []
        for var, r in dict(t.get("recode", {})).items():
            rkey = f"{key}.recode.{var}"
            self.name(var, rkey)
            self.keys(r, rkey, {"field", "values"})
            if not isinstance(r.get("values"), dict) or not r["values"]:
                self.fail(f"{rkey}.values", "must be a table: stored value = SDTM term")
            recode.append((var, self.field(form, r.get("field"), f"{rkey}.field"), tuple(
                (str(k), self.text(v, f"{rkey}.values.{k}")) for k, v in r["values"].items())))
        epoch = t.get("epoch")
        if epoch is not None and (epoch not in names or not epoch.endswith("DTC")):
            self.fail(f"{key}.epoch", "must name one of its --DTC variables (AESTDTC)")
        # values the study derives from the form's fields (AESOC from the CTCAE term)
        derived = self.pairs(t, "derived", key, lambda did, k: self.form_derived(form, did, k))
        for var, _ in derived:
            if var in names:
                self.fail(f"{key}.derived.{var}", f"{var} is mapped already: name it once")
        return {"times": tuple(times), "defaults": tuple(defaults), "more": tuple(more),
                "seq": bool(t.get("seq", True)), "recode": tuple(recode), "epoch": epoch,
                "derived": tuple((v, x.id, x.function not in TEXT_RESULTS) for v, x in derived)}

    def subject_extra(self, t: dict[str, Any], key: str, names: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        age = t.get("age")
        if age is not None:
            self.keys(age, f"{key}.age", {"variable", "birth", "on"})
            if age.get("birth") not in names or age.get("on") not in names:
                self.fail(f"{key}.age", "birth and on must name date variables of the domain")
            out["age"] = (self.name(age.get("variable"), f"{key}.age.variable"), age["birth"],
                          age["on"])
        flags = []
        for var, f in dict(t.get("flags", {})).items():
            fkey = f"{key}.flags.{var}"
            self.name(var, fkey)
            self.keys(f, fkey, {"status", "variable"})
            if f.get("status") not in STATUSES or f.get("variable") not in names:
                self.fail(fkey, f"needs status (one of {', '.join(STATUSES)}) and variable "
                          "(a variable of the domain)")
            flags.append((var, f["status"], f["variable"]))
        out["flags"] = tuple(flags)
        out["last"] = tuple(self.pairs(t, "last", key, self.ref))
        arm = t.get("arm")
        if arm is not None:
            akey = f"{key}.arm"
            self.keys(arm, akey, ARM_KEYS)
            assigned = arm.get("assigned")
            if assigned is not None:
                self.keys(assigned, f"{akey}.assigned", {"ref", "value"})
                assigned = (self.ref(assigned.get("ref"), f"{akey}.assigned.ref"),
                            self.text(assigned.get("value"), f"{akey}.assigned.value"))
            if arm.get("treated") not in names:
                self.fail(f"{akey}.treated", "must name a variable of the domain (RFXSTDTC)")
            if arm.get("screen_failure") not in STATUSES:
                self.fail(f"{akey}.screen_failure", f"must be one of {', '.join(STATUSES)}")
            out["arm"] = Arm(self.name(arm.get("armcd"), f"{akey}.armcd", 20),
                             self.text(arm.get("arm"), f"{akey}.arm"), arm["treated"], assigned,
                             arm["screen_failure"])
        return out

    def source(self, key: str, s: dict[str, Any]) -> FindingSource:
        self.keys(s, key, SOURCE_KEYS)
        form = s.get("form")
        date = s.get("date")
        if form not in self.study.forms:
            self.fail(f"{key}.form", f"names the form {form!r}, which the study does not define")
        if isinstance(date, str) and "." in date:
            self.ref(date, f"{key}.date")
        elif date is not None:
            self.field(form, date, f"{key}.date")
        points = tuple(self.timepoint(f"{key}.timepoints[{n}]", form, p)
                       for n, p in enumerate(s.get("timepoints", [])))
        rftdtc = s.get("rftdtc")
        if rftdtc is not None:
            self.ref(rftdtc, f"{key}.rftdtc")
        tptref = self.name(s["tptref"], f"{key}.tptref", LABEL) if "tptref" in s else ""
        if points and not (tptref and rftdtc):
            self.fail(key, "time points need tptref (what they count from) and rftdtc (its "
                      "date-time, \"event.form.field\")")
        tests = self.tests(key, form, s.get("tests", {}), "", points)
        scoring = s.get("scoring", "")
        if s.get("derived") and scoring not in SCORINGS:
            self.fail(f"{key}.scoring", f"derived tests need scoring = one of "
                      f"{', '.join(SCORINGS)} (the core's scoring they come from)")
        if scoring and not s.get("derived"):
            self.fail(f"{key}.scoring", "is only for a source with derived tests")
        orres = s.get("orres", "value")
        if orres not in ("value", "label"):
            self.fail(f"{key}.orres", 'must be "value" or "label"')
        qualifiers = []
        for var, fid in dict(s.get("qualifiers", {})).items():
            if var not in QUALIFIERS:
                self.fail(f"{key}.qualifiers.{var}", f"must be one of {', '.join(QUALIFIERS)}")
            qualifiers.append((var, self.field(form, fid, f"{key}.qualifiers.{var}")))
        cat = s.get("cat")
        if cat is not None:
            self.name(cat, f"{key}.cat", LABEL)
        keep = s.get("keep", [])
        if not isinstance(keep, list) or not all(isinstance(k, (str, int)) for k in keep):
            self.fail(f"{key}.keep", "must be a list of stored values (codes)")
        return FindingSource(form, date, cat, tests,
                             self.tests(key, form, s.get("derived", {}), scoring),
                             tuple(keep), points, tptref, rftdtc, tuple(qualifiers), orres,
                             scoring)

    def timepoint(self, key: str, form: str, p: Any) -> TimePoint:
        self.keys(p, key, TIMEPOINT_KEYS)
        prefix = p.get("prefix")
        if not isinstance(prefix, str) or not prefix:
            self.fail(f"{key}.prefix", "must be the fields' prefix (pre for pre_temp)")
        if not isinstance(p.get("tptnum"), (int, float)):
            self.fail(f"{key}.tptnum", "needs tptnum = <number>")
        return TimePoint(prefix, self.field(form, p.get("time"), f"{key}.time"),
                         self.name(p.get("tpt"), f"{key}.tpt", LABEL), float(p["tptnum"]),
                         self.name(p["eltm"], f"{key}.eltm", 20) if "eltm" in p else "")

    def tests(self, key: str, form: str, table: dict[str, Any], derived: str,
              points: tuple[TimePoint, ...] = ()) -> tuple[Test, ...]:
        out, seen = [], set()
        part = "derived" if derived else "tests"
        for fid, t in table.items():
            tkey = f"{key}.{part}.{fid}"
            self.keys(t, tkey, {"testcd", "test", "low", "high"})
            if derived == "alsfrs":
                if fid not in DERIVED:
                    self.fail(tkey, f"the core's ALSFRS-R scoring derives only "
                              f"{', '.join(DERIVED)}")
                lacks = [i for i in alsfrs.ITEMS
                         if i not in {f.id for f in self.study.forms[form].fields}]
                if lacks:
                    self.fail(tkey, f"ALSFRS-R scoring needs the items {', '.join(lacks)}, "
                              f"which the form {form!r} does not have")
            elif derived == "form":
                self.form_derived(form, fid, tkey)
            elif points:  # a test of every time point: its fields <prefix>_<fid>
                for p in points:
                    self.field(form, f"{p.prefix}_{fid}", tkey)
            else:
                self.field(form, fid, tkey)
            code = self.name(t.get("testcd"), f"{tkey}.testcd")
            if code in seen:
                self.fail(f"{tkey}.testcd", f"{code!r} is used twice")
            seen.add(code)
            low, high = t.get("low"), t.get("high")
            for part_key, ref in (("low", low), ("high", high)):
                if ref is not None:
                    self.field(form, ref, f"{tkey}.{part_key}")
            out.append(Test(fid, code, self.name(t.get("test"), f"{tkey}.test", LABEL),
                            low, high))
        return tuple(out)

    def form_derived(self, form: str, fid: str, key: str) -> Derived:
        """A derived value of the form (scoring = "form", an events domain's `derived`),
        computed from the form's fields."""
        got = next((d for d in self.study.forms[form].derived if d.id == fid), None)
        if got is None:
            have = ", ".join(d.id for d in self.study.forms[form].derived) or "none"
            self.fail(key, f"the form {form!r} has no derived value {fid!r} (it has: {have})")
        fields = {f.id for f in self.study.forms[form].fields}
        for ref in got.inputs:
            if ref not in fields:
                self.fail(key, f"the form's derived value {fid!r} uses {ref!r}, not a field of "
                          f"the form {form!r}: only a form's own fields can be exported")
        if got.function in VERDICT_RESULTS:
            self.fail(key, f"the derived value {fid!r} is a verdict ({got.function}), not one "
                      "value a variable can hold")
        return got
