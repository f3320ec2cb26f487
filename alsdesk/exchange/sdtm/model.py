"""The SDTM mapping as loaded from resources/study/sdtm.toml: what spec.py's loader returns.

Frozen dataclasses only; every check of the file is the loader's (alsdesk.exchange.sdtm.spec).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Test:
    field: str  # field id, or the derived result's name
    testcd: str
    test: str
    low: str | None = None  # field of the normal range's lower limit (--ORNRLO)
    high: str | None = None  # ... and upper limit (--ORNRHI)


@dataclass(frozen=True)
class TimePoint:
    """One planned time point of a form that repeats its tests (the infusion's vital signs):
    its fields are <prefix>_<test field>, its time the field `time`."""
    prefix: str
    time: str
    tpt: str  # --TPT
    tptnum: float  # --TPTNUM
    eltm: str  # --ELTM, ISO 8601 duration from --TPTREF ("" when not planned as one)


@dataclass(frozen=True)
class FindingSource:
    form: str
    # a field of the form, or "event.form.field": a date the form does not collect (height:
    # the screening visit's; time points: the infusion's date, each with its own time)
    date: str | None
    cat: str | None
    tests: tuple[Test, ...]
    derived: tuple[Test, ...]
    keep: tuple[str, ...] = ()  # a record only for these stored values (IE: not met)
    timepoints: tuple[TimePoint, ...] = ()
    tptref: str = ""  # --TPTREF: what the time points count from
    rftdtc: str | None = None  # --RFTDTC: "event.form.field" of that reference's date-time
    # (generic variable, field): on each record of the instance, its value (RE: POS, REPOS)
    qualifiers: tuple[tuple[str, str], ...] = ()
    # "label": --ORRES the answer's text as collected (its code list label), --STRESC and
    # --STRESN its code (the item's score: QS, RS); else the stored value in all three
    orres: str = "value"
    # where `derived` comes from: "alsfrs" the core's ALSFRS-R scoring (AlsfrsScore attributes,
    # alsdesk.clinical.alsfrs), "form" the form's own derived values of the study definition
    # (alsdesk.derive: the GCS total); "" without derived tests
    scoring: str = ""


@dataclass(frozen=True)
class More:
    """More records of an events domain (DS): from another form, or one for each subject of
    a status that has no record of the domain's own form (a screen failure's disposition)."""
    form: str | None
    status: str | None
    constants: tuple[tuple[str, str], ...]
    variables: tuple[tuple[str, str], ...]  # (variable, field of `form`)
    other: tuple[tuple[str, str], ...]  # (variable, "event.form.field")


@dataclass(frozen=True)
class Arm:
    """DM's arm of a one-arm study and who is in it (ARMNRS otherwise)."""
    armcd: str
    arm: str
    treated: str  # the DM variable that holds a value once the treatment was given
    assigned: tuple[str, str] | None  # ("event.form.field", value): assigned to the arm
    screen_failure: str  # the subject status of a screen failure


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
    # (variable, "event.form.field"): a value of another form of the subject (DM: RFICDTC)
    other: tuple[tuple[str, str], ...] = ()
    times: tuple[tuple[str, str], ...] = ()  # events: (--DTC variable, its time field)
    defaults: tuple[tuple[str, str], ...] = ()  # (variable, variable it copies when empty)
    more: tuple[More, ...] = ()  # events: records from other forms or subject statuses
    seq: bool = True  # events: write --SEQ (SV has none)
    order: tuple[str, ...] = ()  # the variables' order (SDTMIG's); unlisted ones go last
    lobxfl: bool = False  # findings: --LOBXFL, last observation before exposure
    omit: tuple[str, ...] = ()  # findings: generic variables the domain does not have
    age: tuple[str, str, str] | None = None  # subject: (AGE, birth variable, on variable)
    flags: tuple[tuple[str, str, str], ...] = ()  # (flag, subject status, variable): "Y"
    last: tuple[tuple[str, str], ...] = ()  # (RFPENDTC, "event.form.field"): latest date
    arm: Arm | None = None
    # events: (variable, field, ((stored value or missing code, text)...)): a variable whose
    # value is a term for the field's answer ("" for any other: AEENRTPT "ONGOING" for Y)
    recode: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = ()
    epoch: str | None = None  # events: the --DTC variable whose date gives EPOCH ([epochs])
    # events: (variable, derived value of the form): a value the study definition derives from
    # the form's own fields (AESOC: the CTCAE term's system organ class), and whether it is a
    # number (AELLTCD) rather than text, which the XPT types before any value is read
    derived: tuple[tuple[str, str, bool], ...] = ()


@dataclass(frozen=True)
class Visit:
    visitnum: float
    epoch: str  # "" with by_date
    repeat_step: float
    by_date: bool = False  # EPOCH from the record's date ([epochs]): an unscheduled visit


@dataclass(frozen=True)
class Epochs:
    """EPOCH of a date against the subject's exposure (DM's RFXSTDTC, RFXENDTC)."""
    before: str
    during: str
    after: str


@dataclass(frozen=True)
class SdtmSpec:
    events: dict[str, Visit]
    domains: tuple[Domain, ...]
    labels: dict[str, str]  # variable (or "--SUFFIX") -> label
    epochs: Epochs | None = None
    units: dict[str, str] | None = None  # a field's unit -> its SDTM unit (ASCII)
