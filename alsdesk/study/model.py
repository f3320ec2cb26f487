"""The study definition as frozen value objects.

Everything the program knows about the trial's forms lives in these objects, built once from
the TOML file in resources/study by :func:`alsdesk.study.load_study`. The store, the checks,
the GUI form renderer, the PDF layout and the exports all read from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from alsdesk.errors import NotInStudy

if TYPE_CHECKING:
    from alsdesk.study.safety_defs import PrimaryOutcomes, SafetyTables
    from alsdesk.study.sae_defs import SaeRules


class FieldType(str, Enum):
    """Kinds of data a field can hold; each has one SQLite storage class."""

    TEXT = "text"  # one line of free text
    MEMO = "memo"  # several lines of free text
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"  # YYYY-MM-DD, or YYYY-MM / YYYY where Field.partial allows it
    DATETIME = "datetime"  # YYYY-MM-DDTHH:MM, clinic local time
    TIME = "time"  # HH:MM
    CHOICE = "choice"  # one code out of Field.codelist

    @property
    def sql_type(self) -> type:
        """The Python type sqlite-utils uses to pick the column's storage class."""
        if self is FieldType.INTEGER:
            return int
        if self is FieldType.DECIMAL:
            return float
        return str


class Severity(str, Enum):
    """How a failed check acts when a form is marked complete."""

    HARD = "hard"  # blocks completion
    SOFT = "soft"  # needs a note, which is kept as an open query


class EventKind(str, Enum):
    VISIT = "visit"
    LOG = "log"  # running logs (AE, con-meds, deviations), not tied to one visit


class TimeUnit(str, Enum):
    HOURS = "hours"
    DAYS = "days"


@dataclass(frozen=True)
class Choice:
    code: str | int
    label: str
    # A unit of measure another laboratory reports in: one of the field's own unit is `per`
    # of this one (creatinine: 1 mg/dL = 88.4 µmol/L). None: the field's own unit, or a
    # choice that is not a unit.
    per: float | None = None


@dataclass(frozen=True)
class CodeList:
    id: str
    data_type: str  # "text" or "integer": the type of the codes
    choices: tuple[Choice, ...]

    def label_of(self, code: str | int | None) -> str | None:
        for choice in self.choices:
            if choice.code == code:
                return choice.label
        return None

    # Cached: the definition is immutable and these are asked for on every save.
    @cached_property
    def codes(self) -> tuple[str | int, ...]:
        return tuple(c.code for c in self.choices)


@dataclass(frozen=True)
class MissingCode:
    """A code that stands in for a value, kept apart from the value (ND, NA, UNK)."""

    code: str
    label: str
    # What data files write for the code (CSV, REDCap, analysis tables): "NA" is read as an
    # empty cell by pandas and R, so "not applicable" would become "unknown" there.
    export: str = ""

    @property
    def exported(self) -> str:
        """The code as data files write it (the code itself unless the study gives another)."""
        return self.export or self.code


@dataclass(frozen=True)
class Check:
    """An edit check: `expr` must be true (or unknowable) for the form to be clean."""

    id: str
    expr: str
    message: str
    severity: Severity
    fields: tuple[str, ...]  # the fields the message is shown next to / a query is raised on
    # a protocol-deviation category code: the note of this (soft) check can become a
    # deviation log entry in one step (alsdesk.deviations.deviation_from_finding)
    deviation: str | None = None


@dataclass(frozen=True)
class Derived:
    """A value computed by the core from entered data (never stored), e.g. ALSFRS-R total."""

    id: str
    label: str
    function: str  # name in alsdesk.derive's registry
    inputs: tuple[str, ...] = ()  # references: "field", "form.field" or "event.form.field"
    unit: str | None = None
    digits: int | None = None  # decimal places shown


@dataclass(frozen=True)
class SignatureNeed:
    """Where the protocol has the investigator sign (21 CFR 11.50 on paper and on screen):
    ``investigator_signature`` of a form or an event in the definition."""

    when: str | None = None  # form only: a condition over its fields; None: always
    meaning: str | None = None  # printed in the block; None: the study's default meaning


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    type: FieldType
    section: str | None = None  # heading the field is shown under
    unit: str | None = None
    codelist: CodeList | None = None  # CHOICE only
    min: float | None = None  # hard range for INTEGER / DECIMAL
    max: float | None = None
    digits: int | None = None  # DECIMAL: decimal places shown and printed
    length: int | None = None  # TEXT / MEMO: most characters
    required: bool = False
    missing: tuple[str, ...] = ()  # allowed missing-data codes
    visible: str | None = None  # expression; the field applies only when it is true
    partial: bool = False  # DATE: YYYY and YYYY-MM are accepted
    cdash: str | None = None
    sdtm: str | None = None
    help: str | None = None
    identifier: bool = False  # a direct identifier (PHI): restricted, never exported/printed
    # references the core proposes a value from (alsdesk.suggest), first recorded one wins:
    # "event.form.field", "form.field" (same event), a derived value, "...#part" of one
    suggest: tuple[str, ...] = ()
    suggest_codes: tuple[str | int, str | int] | None = None  # CHOICE: codes for yes, no
    future: bool = False  # DATE / DATETIME: may lie after today (otherwise a hard finding)
    # TEXT: the field holds a term of this terminology ("ctcae"): the screen offers its terms
    terminology: str | None = None
    # CHOICE: the field is the CTCAE grade of that term field: the screen shows its grades
    grade_of: str | None = None
    # INTEGER / DECIMAL: the choice field of the same form that holds the unit the value was
    # reported in (blank: `unit`, the field's own); min, max and every grading rule are in
    # `unit`. `units` is that field's code list (set by the loader).
    unit_field: str | None = None
    units: CodeList | None = None


@dataclass(frozen=True)
class Form:
    id: str
    label: str
    fields: tuple[Field, ...]
    checks: tuple[Check, ...] = ()
    derived: tuple[Derived, ...] = ()
    repeating: bool = False  # several instances per event (log entries)
    domain: str | None = None  # CDISC domain, e.g. "AE", "VS"
    # "grid": runs of scored questions (integer code lists) are shown as one row per
    # question with the scores as columns (ALSFRS-R, GCS); "list" (default): one below another
    layout: str = "list"
    # repeating forms on paper: entries (numbered rows) per page of the blank log; None: as
    # many as fit legibly on the page (alsdesk/pdf/logpage.py)
    log_rows: int | None = None
    signature: SignatureNeed | None = None  # the investigator signs each entry
    # keyed twice from paper by two people, the differences resolved before it can be
    # completed (alsdesk/store/double.py)
    double_entry: bool = False

    def field(self, field_id: str) -> Field:
        try:
            return self._by_id[field_id]
        except (KeyError, TypeError):
            raise NotInStudy(f"The form '{self.id}' has no field {str(field_id)[:40]!r}.") \
                from None

    @cached_property
    def _by_id(self) -> dict[str, Field]:
        return {f.id: f for f in self.fields}

    @cached_property
    def field_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.fields)


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    forms: tuple[str, ...]  # form ids, in display order
    kind: EventKind = EventKind.VISIT
    repeating: bool = False  # unscheduled visits
    unit: TimeUnit | None = None  # unit of target and window
    target: float | None = None  # offset from the anchor (infusion start)
    window: tuple[float, float] | None = None  # allowed offsets from the anchor, inclusive
    anchor: bool = False  # this event's date-time is the anchor of every later target
    signature: SignatureNeed | None = None  # the investigator signs every form of the visit


@dataclass(frozen=True)
class Study:
    id: str  # registry id, e.g. NCT02492516
    protocol: str
    title: str
    site: str
    crf_version: str
    subject_pattern: str  # e.g. "S{n:03d}": screening numbers, n counts from 1
    target_enrolment: int
    missing_codes: tuple[MissingCode, ...]
    codelists: Mapping[str, CodeList]
    forms: Mapping[str, Form]  # in definition order
    events: tuple[Event, ...]
    bindings: Mapping[str, str]  # semantic name -> "event.form.field" or "form.field"
    parameters: Mapping[str, float]  # protocol numbers: min_age, min_alsfrs, cells_per_kg ...
    # what a signer may declare (21 CFR 11.50), offered in this order; the first is the default
    signature_meanings: tuple[str, ...] = ()
    # subject status follows the data: end-of-study code -> subject status it sets, and the
    # deviation category an investigator's override of the infusion's eligibility stop is
    # logged under (alsdesk/store/status_rules.py)
    end_of_study_status: Mapping[str, str] = field(default_factory=dict)
    eligibility_deviation: str | None = None
    # the investigator's statement of the casebook sign-off page, and whether a casebook
    # with forms the protocol has signed but unsigned is refused ("refuse") or locked with a
    # warning ("warn") (alsdesk/store/signoff.py)
    casebook_statement: str | None = None
    lock_unsigned: str = "refuse"
    # The CTCAE version adverse events are graded by (alsdesk/safety/ctcae.py); None: none
    ctcae_version: str | None = None
    # fever and GCS within hours of the infusion; the AE fields the safety tables read
    # (alsdesk/study/safety_defs.py); None: the study defines none
    primary_outcomes: "PrimaryOutcomes | None" = None
    safety_tables: "SafetyTables | None" = None
    # The SAE clock and report form ([sae]: alsdesk/study/sae_defs.py); None: none
    sae: "SaeRules | None" = None
    # What the anchor is called in windows' words ("48 h to 96 h after infusion"); None:
    # the anchor event's label
    anchor_name: str | None = None
    source: Path | None = field(default=None, compare=False)
    # The definition's own text and its companion files (name -> text), as the database
    # stores them: a file opens with the definition it was made or amended with
    # (alsdesk/store/definitions.py), not with the one the program brings.
    text: str = field(default="", compare=False, repr=False)
    companions: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the text and companions: what the audit trail and verify compare."""
        from alsdesk.study.versions import digest

        return digest(self.text, self.companions)

    @property
    def anchor_words(self) -> str:
        """How windows name the anchor: `anchor_name`, else its event's label."""
        if self.anchor_name:
            return self.anchor_name
        return next((e.label for e in self.events if e.anchor), "the anchor")

    def event(self, event_id: str) -> Event:
        for e in self.events:
            if e.id == event_id:
                return e
        raise NotInStudy(f"The study has no event {str(event_id)[:40]!r} (`alsdesk study` "
                         "lists its events).")

    def form(self, form_id: str) -> Form:
        try:
            return self.forms[form_id]
        except (KeyError, TypeError):
            raise NotInStudy(f"The study has no form {str(form_id)[:40]!r} (`alsdesk study` "
                             "lists its forms).") from None

    def missing_label(self, code: str) -> str | None:
        for m in self.missing_codes:
            if m.code == code:
                return m.label
        return None

    def binding(self, name: str) -> tuple[str, ...]:
        """A binding's reference split into its parts ("event", "form", "field")."""
        return tuple(self.bindings[name].split("."))

    @property
    def log_forms(self) -> tuple[str, ...]:
        """Forms of the running logs (adverse events, con-meds, deviations)."""
        return tuple(f for e in self.events if e.kind is EventKind.LOG for f in e.forms)
