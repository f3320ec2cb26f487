"""resources/study/sdtm.toml: the SDTM mapping of the study definition, checked on load.

Every form and field it names must exist in the study; names, test codes and labels must fit
SAS transport v5 (8, 8 and 40 bytes). A mistake is a DefinitionError naming the file, the
key (with its line) and what to change.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alsdesk.study.companion import companion_file, read_companion
from alsdesk.study.model import Study
from alsdesk.study.source import Source

FILE = "sdtm.toml"
NAME, LABEL = 8, 40
KINDS = ("subject", "findings", "events")
# Derived results the core computes (alsdesk.clinical.alsfrs.AlsfrsScore attributes).
DERIVED = ("total", "bulbar", "fine_motor", "gross_motor", "respiratory")


@dataclass(frozen=True)
class Test:
    field: str  # field id, or the derived result's name
    testcd: str
    test: str
    low: str | None = None  # field of the normal range's lower limit (--ORNRLO)
    high: str | None = None  # ... and upper limit (--ORNRHI)


@dataclass(frozen=True)
class FindingSource:
    form: str
    date: str | None
    cat: str | None
    tests: tuple[Test, ...]
    derived: tuple[Test, ...]


@dataclass(frozen=True)
class Domain:
    code: str
    label: str
    kind: str
    form: str | None  # subject / events
    variables: tuple[tuple[str, str], ...]  # (SDTM variable, field id)
    days: tuple[str, ...]  # --DTC variables that get a --DY
    sources: tuple[FindingSource, ...]  # findings
    constants: tuple[tuple[str, str], ...] = ()  # events: (variable, text) on every record
    visit: bool = False  # events: add VISITNUM, VISIT, EPOCH of the form's event
    supp: tuple[tuple[str, str], ...] = ()  # events: (QNAM, field id) into SUPP--


@dataclass(frozen=True)
class Visit:
    visitnum: float
    epoch: str
    repeat_step: float


@dataclass(frozen=True)
class SdtmSpec:
    events: dict[str, Visit]
    domains: tuple[Domain, ...]
    labels: dict[str, str]  # variable (or "--SUFFIX") -> label


def load_spec(study: Study, path: Path | None = None) -> SdtmSpec:
    path = path or companion_file(FILE)
    data, src = read_companion(path)
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

    def spec(self, data: dict[str, Any]) -> SdtmSpec:
        events = {}
        for ev, t in self.src.table(data.get("events", {}), "events", None).items():
            if ev not in {e.id for e in self.study.events}:
                self.fail(f"events.{ev}", "is not an event of the study")
            if not isinstance(t, dict) or not isinstance(t.get("visitnum"), (int, float)):
                self.fail(f"events.{ev}", "needs visitnum = <number>")
            events[ev] = Visit(float(t["visitnum"]),
                               self.name(t.get("epoch"), f"events.{ev}.epoch", LABEL),
                               float(t.get("repeat_step", 0)))
        domains = []
        for code, t in self.src.table(data.get("domains", {}), "domains", None).items():
            domains.append(self.domain(code, t))
        labels = {}
        for var, text in self.src.table(data.get("labels", {}), "labels", None).items():
            self.name(var, f"labels.{var}", NAME + 2 if var.startswith("--") else NAME)
            labels[var] = self.name(text, f"labels.{var}", LABEL)
        return SdtmSpec(events, tuple(domains), labels)

    def domain(self, code: str, t: dict[str, Any]) -> Domain:
        key = f"domains.{code}"
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            self.fail(key, "a domain code is two capital letters (VS, QS...)")
        kind = t.get("kind")
        if kind not in KINDS:
            self.fail(f"{key}.kind", f"must be one of {', '.join(KINDS)}")
        label = self.name(t.get("label"), f"{key}.label", LABEL)
        form, variables, days, sources, constants, supp = None, [], [], [], [], []
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
            names = {v for v, _ in variables}
            for var in t.get("days", []):
                if var not in names or not var.endswith("DTC"):
                    self.fail(f"{key}.days", f"{var!r} is not one of its --DTC variables")
                days.append(var)
        else:
            for n, s in enumerate(t.get("sources", [])):
                sources.append(self.source(f"{key}.sources[{n}]", s))
            if not sources:
                self.fail(key, "a findings domain needs [[domains.<code>.sources]]")
        return Domain(code, label, kind, form, tuple(variables), tuple(days), tuple(sources),
                      tuple(constants), bool(t.get("visit", False)), tuple(supp))

    def source(self, key: str, s: dict[str, Any]) -> FindingSource:
        form = s.get("form")
        date = s.get("date")
        if date is not None:
            self.field(form, date, f"{key}.date")
        elif form not in self.study.forms:
            self.fail(f"{key}.form", f"names the form {form!r}, which the study does not define")
        cat = s.get("cat")
        if cat is not None:
            self.name(cat, f"{key}.cat", LABEL)
        return FindingSource(form, date, cat, self.tests(key, form, s.get("tests", {}), False),
                             self.tests(key, form, s.get("derived", {}), True))

    def tests(self, key: str, form: str, table: dict[str, Any], derived: bool) -> tuple[Test, ...]:
        out, seen = [], set()
        part = "derived" if derived else "tests"
        for fid, t in table.items():
            tkey = f"{key}.{part}.{fid}"
            if derived:
                if fid not in DERIVED:
                    self.fail(tkey, f"the core derives only {', '.join(DERIVED)}")
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
