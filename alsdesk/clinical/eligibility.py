"""The registry's eligibility criteria for NCT02492516, checked one by one.

Inclusion: age 18 to 55; sporadic ALS; ALSFRS-R >= 24; FVC >= 40 % of predicted.
Exclusion: familial ALS; malignancy; autoimmune disease; another motor neuron disease.
The thresholds live in :class:`EligibilityRules` so a site can change them from the study
definition; the checklist order and criterion ids are fixed because forms and reports use them.

Each criterion is met (True), failed (False) or not yet known (None, something not recorded).
A subject is ineligible as soon as one criterion fails, even with others still unknown, so
the screening nurse can stop early; eligible only when every criterion is met.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from alsdesk.clinical.alsfrs import MAX_TOTAL
from alsdesk.clinical.dates import age_on
from alsdesk.errors import ClinicalError

__all__ = ["EligibilityRules", "EligibilityInputs", "Criterion", "EligibilityResult", "assess"]

NOT_RECORDED = "not recorded"
# FVC % predicted above this is not a measurement but a typing slip (e.g. litres x 100).
_MAX_FVC_PCT = 300.0


@dataclass(frozen=True)
class EligibilityRules:
    """Thresholds of the numeric criteria; all bounds are inclusive."""

    min_age: int = 18
    max_age: int = 55
    min_alsfrs: int = 24
    min_fvc_pct: float = 40.0

    def __post_init__(self) -> None:
        if self.min_age > self.max_age:
            raise ClinicalError(
                f"eligibility rules: lowest age {self.min_age} is above highest age {self.max_age}"
            )


@dataclass(frozen=True)
class EligibilityInputs:
    """What the screening forms recorded; None for anything not (yet) recorded.

    ``sporadic`` is "is this sporadic ALS?"; the four others are "is it present?", so
    ``familial=True`` excludes the patient.
    """

    birth_date: date | None
    consent_date: date | None
    alsfrs_total: int | None
    fvc_pct: float | None
    sporadic: bool | None
    familial: bool | None
    malignancy: bool | None
    autoimmune: bool | None
    other_mnd: bool | None


@dataclass(frozen=True)
class Criterion:
    """One line of the checklist: met True / False, or None when not yet known."""

    id: str
    label: str
    met: bool | None
    detail: str


@dataclass(frozen=True)
class EligibilityResult:
    """The whole checklist and its verdict (None = cannot be decided yet)."""

    eligible: bool | None
    criteria: tuple[Criterion, ...]

    @property
    def failed(self) -> tuple[Criterion, ...]:
        """Criteria that are not met, in checklist order."""
        return tuple(c for c in self.criteria if c.met is False)

    @property
    def unknown(self) -> tuple[Criterion, ...]:
        """Criteria that cannot be judged yet because data are missing."""
        return tuple(c for c in self.criteria if c.met is None)

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id; KeyError for an unknown id."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)


def _number(value: float) -> str:
    # :g shows 40.0 as "40" and 39.95 as "39.95": never rounds a failing value up to a pass.
    return f"{value:g}"


def _age(inputs: EligibilityInputs, rules: EligibilityRules) -> Criterion:
    label = f"Age {rules.min_age} to {rules.max_age} at consent"
    if inputs.birth_date is None:
        return Criterion("age", label, None, f"date of birth {NOT_RECORDED}")
    if inputs.consent_date is None:
        return Criterion("age", label, None, f"consent date {NOT_RECORDED}")
    if inputs.consent_date < inputs.birth_date:
        raise ClinicalError(
            f"consent date {inputs.consent_date.isoformat()} is before the date of birth "
            f"{inputs.birth_date.isoformat()}; check both dates"
        )
    age = age_on(inputs.birth_date, inputs.consent_date)
    met = rules.min_age <= age <= rules.max_age
    return Criterion("age", label, met,
                     f"age {age} at consent (allowed {rules.min_age} to {rules.max_age})")


def _alsfrs(inputs: EligibilityInputs, rules: EligibilityRules) -> Criterion:
    label = f"ALSFRS-R total >= {rules.min_alsfrs}"
    total = inputs.alsfrs_total
    if total is None:
        return Criterion("alsfrs", label, None, NOT_RECORDED)
    if isinstance(total, bool) or not isinstance(total, int):
        raise ClinicalError(f"ALSFRS-R total {total!r} is not a whole number")
    if not 0 <= total <= MAX_TOTAL:
        raise ClinicalError(f"ALSFRS-R total {total} is out of range; totals run from 0 to 48")
    return Criterion("alsfrs", label, total >= rules.min_alsfrs,
                     f"ALSFRS-R {total} (needs >= {rules.min_alsfrs})")


def _fvc(inputs: EligibilityInputs, rules: EligibilityRules) -> Criterion:
    label = f"FVC >= {_number(rules.min_fvc_pct)} % predicted"
    fvc = inputs.fvc_pct
    if fvc is None:
        return Criterion("fvc", label, None, NOT_RECORDED)
    if isinstance(fvc, bool) or not isinstance(fvc, (int, float)) or not math.isfinite(fvc):
        raise ClinicalError(f"FVC {fvc!r} is not a number")
    if not 0 <= fvc <= _MAX_FVC_PCT:
        raise ClinicalError(
            f"FVC {_number(fvc)} % predicted is not possible; enter the percent of "
            "predicted, not litres"
        )
    return Criterion("fvc", label, fvc >= rules.min_fvc_pct,
                     f"FVC {_number(fvc)} % predicted "
                     f"(needs >= {_number(rules.min_fvc_pct)})")


def _flag(criterion_id: str, label: str, value: bool | None, wanted: bool,
          yes: str, no: str) -> Criterion:
    """A yes/no criterion: met when ``value`` equals ``wanted``."""
    if value is None:
        return Criterion(criterion_id, label, None, NOT_RECORDED)
    if not isinstance(value, bool):
        raise ClinicalError(f"{label}: answer yes or no, not {value!r}")
    return Criterion(criterion_id, label, value == wanted, yes if value else no)


def assess(
    inputs: EligibilityInputs, rules: EligibilityRules = EligibilityRules()
) -> EligibilityResult:
    """Check every eligibility criterion and give the verdict.

    ``eligible`` is False as soon as any criterion fails, True when all are met, and None
    while something needed is not recorded. Criteria come in the fixed order: age, alsfrs,
    fvc, sporadic, no_familial, no_malignancy, no_autoimmune, no_other_mnd. Raises
    ClinicalError for impossible values (consent before birth, ALSFRS-R outside 0-48, FVC
    outside 0-300 %, a yes/no answer that is not a bool).
    """
    criteria = (
        _age(inputs, rules),
        _alsfrs(inputs, rules),
        _fvc(inputs, rules),
        # "sporadic" and "familial" are asked separately on the form; both are checked so a
        # contradictory pair (both yes) fails rather than slipping through.
        _flag("sporadic", "Sporadic ALS", inputs.sporadic, True,
              "sporadic ALS", "not sporadic ALS"),
        _flag("no_familial", "No familial ALS", inputs.familial, False,
              "familial ALS", "no familial ALS"),
        _flag("no_malignancy", "No malignancy", inputs.malignancy, False,
              "malignancy present", "no malignancy"),
        _flag("no_autoimmune", "No autoimmune disease", inputs.autoimmune, False,
              "autoimmune disease present", "no autoimmune disease"),
        _flag("no_other_mnd", "No other motor neuron disease", inputs.other_mnd, False,
              "another motor neuron disease diagnosed", "no other motor neuron disease"),
    )
    if any(c.met is False for c in criteria):
        eligible: bool | None = False
    elif any(c.met is None for c in criteria):
        eligible = None
    else:
        eligible = True
    return EligibilityResult(eligible=eligible, criteria=criteria)
