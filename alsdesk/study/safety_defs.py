"""The study's primary outcomes and safety tables, read from the definition at load.

``[primary_outcomes]`` says where temperatures and Glasgow Coma Scale totals are recorded, the
fever threshold and the hours after the infusion start (``bindings.anchor``) they are counted
in; ``[safety_tables]`` which fields of the adverse event log hold the term, its coding, the
grade, seriousness and the relationship to the infusion, and which relationship codes count
as related. alsdesk/safety/outcomes.py and tables.py read only these, so a threshold or a
field is changed in the definition, never in code. A reference that does not resolve, a
value that is not a number, a time that is not a date-time, stops the program at start-up.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from alsdesk.study.model import Field, FieldType, Form
from alsdesk.study.source import Source

__all__ = ["Reading", "PrimaryOutcomes", "SafetyTables", "read_safety_defs"]

Resolve = Callable[[str, Any], Any]


@dataclass(frozen=True)
class Reading:
    """Where one kind of measurement is recorded: its value and when it was taken."""

    value: str  # "form.field" (any event) or "event.form.field"; a derived value is allowed
    time: str  # the same form's datetime, or time field (the date is the infusion's)

    @property
    def event(self) -> str | None:
        parts = self.value.split(".")
        return parts[0] if len(parts) == 3 else None

    @property
    def form(self) -> str:
        return self.value.split(".")[-2]

    @property
    def value_id(self) -> str:
        return self.value.split(".")[-1]

    @property
    def time_id(self) -> str:
        return self.time.split(".")[-1]


@dataclass(frozen=True)
class PrimaryOutcomes:
    window_hours: float  # readings from the infusion start to this many hours after it
    fever_at: float  # a temperature at or above this is fever (°C)
    temperature: tuple[Reading, ...]
    gcs: tuple[Reading, ...]
    # Without a GCS before the infusion, a fall is a total below this (None: not assessable)
    gcs_expected: int | None = None


@dataclass(frozen=True)
class SafetyTables:
    form: str  # the adverse event log
    term: str  # verbatim term
    coded_term: str | None  # the CTCAE term, when coded
    soc: str | None  # system organ class (a derived value from the coded term)
    grade: str
    serious: str
    relationship: str
    related: tuple[str, ...]  # relationship codes counted as related to the infusion
    start: str | None = None  # onset date: events before the infusion are counted apart


def read_safety_defs(src: Source, top: dict[str, Any], forms: dict[str, Form],
                     resolve: Resolve, anchor_event: str | None) -> dict[str, Any]:
    """Study keyword arguments: primary_outcomes and safety_tables (None when absent)."""
    out: dict[str, Any] = {}
    if "primary_outcomes" in top:
        out["primary_outcomes"] = _outcomes(src, top["primary_outcomes"], resolve,
                                            anchor_event)
    if "safety_tables" in top:
        out["safety_tables"] = _tables(src, top["safety_tables"], forms)
    return out


def _outcomes(src: Source, raw: Any, resolve: Resolve,
              anchor_event: str | None) -> PrimaryOutcomes:
    key = "primary_outcomes"
    t = src.table(raw, key, "primary_outcomes")
    hours = src.val(t, key, "window_hours", "num")
    if hours <= 0:
        src.fail(f"{key}.window_hours", "must be more than 0 (hours after the infusion start)")
    fever = src.val(t, key, "fever_at", "num")
    expected = src.val(t, key, "gcs_expected", "int")
    if expected is not None and not 3 <= expected <= 15:
        src.fail(f"{key}.gcs_expected", "must be a GCS total, 3 to 15")
    readings = {name: _readings(src, t, key, name, resolve, anchor_event)
                for name in ("temperature", "gcs")}
    return PrimaryOutcomes(float(hours), float(fever), readings["temperature"],
                           readings["gcs"], expected)


def _readings(src: Source, t: dict[str, Any], key: str, name: str, resolve: Resolve,
              anchor_event: str | None) -> tuple[Reading, ...]:
    items = src.val(t, key, name, "list")
    if not items:
        src.fail(f"{key}.{name}", "list at least one { value = \"form.field\", time = "
                 "\"form.field\" }")
    out = []
    for i, raw in enumerate(items):
        where = f"{key}.{name}[{i}]"
        r = src.table(raw, where, "reading")
        value, time = (src.val(r, where, k, "str") for k in ("value", "time"))
        if value.count(".") not in (1, 2) or time.count(".") != value.count("."):
            src.fail(where, "write value and time alike, as form.field or event.form.field")
        if value.rsplit(".", 1)[0] != time.rsplit(".", 1)[0]:
            src.fail(f"{where}.time", f"{time!r} must be on the form of {value!r}: a value "
                     "and its time are read from one entry")
        items_found = []
        for k, ref in (("value", value), ("time", time)):
            found = resolve(ref, None)
            if isinstance(found, str):
                src.fail(f"{where}.{k}", f"{ref!r} does not resolve: {found}", near=f'"{ref}"')
            items_found.append(found[1])
        item, when = items_found
        if isinstance(item, Field) and item.type not in (FieldType.INTEGER, FieldType.DECIMAL):
            src.fail(f"{where}.value", f"{value!r} must be a number (integer or decimal field,"
                     " or a derived value)")
        if not isinstance(when, Field) or when.type not in (FieldType.DATETIME,
                                                             FieldType.TIME):
            src.fail(f"{where}.time", f"{time!r} must be a datetime or time field")
        if when.type is FieldType.TIME and (anchor_event is None
                                            or value.split(".")[0] != anchor_event
                                            or value.count(".") != 2):
            # A time alone takes its date from the infusion start: only on the infusion's
            # own forms is that the day it was measured.
            src.fail(f"{where}.time", f"{time!r} holds a time without a date: allowed only "
                     f"on a form of the anchor event ({anchor_event}.form.field)")
        out.append(Reading(value, time))
    return tuple(out)


def _tables(src: Source, raw: Any, forms: dict[str, Form]) -> SafetyTables:
    key = "safety_tables"
    t = src.table(raw, key, "safety_tables")
    form_id = src.val(t, key, "form", "str")
    form = forms.get(form_id)
    if form is None:
        src.fail(f"{key}.form", f"the study has no form {form_id!r}")
    if not form.repeating:
        src.fail(f"{key}.form", f"{form_id!r} must be a repeating log form (one entry per "
                 "adverse event)")
    fields = {f.id: f for f in form.fields}
    derived = {d.id for d in form.derived}
    got: dict[str, Any] = {}
    for name, kinds, optional in (
            ("term", (FieldType.TEXT, FieldType.MEMO), False),
            ("coded_term", (FieldType.TEXT,), True),
            ("grade", (FieldType.CHOICE,), False), ("serious", (FieldType.CHOICE,), False),
            ("relationship", (FieldType.CHOICE,), False), ("start", (FieldType.DATE,), True)):
        ref = src.val(t, key, name, "str")
        if ref is None and optional:
            got[name] = None
            continue
        if ref not in fields or fields[ref].type not in kinds:
            src.fail(f"{key}.{name}", f"{ref!r} must be a {' or '.join(k.value for k in kinds)}"
                     f" field of the form {form_id!r}")
        got[name] = ref
    soc = src.val(t, key, "soc", "str")
    if soc is not None and soc not in derived and soc not in fields:
        src.fail(f"{key}.soc", f"the form {form_id!r} has no field or derived value {soc!r}")
    grades = fields[got["grade"]].codelist
    if grades is None or grades.data_type != "integer":
        src.fail(f"{key}.grade", "must be a choice of integer codes (the CTCAE grade 1-5)")
    if fields[got["serious"]].codelist is None or "Y" not in fields[got["serious"]].codelist.codes:
        src.fail(f"{key}.serious", "must be a yes/no choice with the code Y")
    codes = fields[got["relationship"]].codelist.codes
    related = src.val(t, key, "related", "strs", ())
    for i, code in enumerate(related):
        if code not in codes:
            src.fail(f"{key}.related[{i}]", f"{code!r} is not a code of "
                     f"{got['relationship']!r}; its codes: {', '.join(map(str, codes))}")
    if not related:
        src.fail(f"{key}.related", "list the relationship codes counted as related")
    return SafetyTables(form_id, got["term"], got["coded_term"], soc, got["grade"],
                        got["serious"], got["relationship"], tuple(related), got["start"])
