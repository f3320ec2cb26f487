"""The registry's eligibility criteria for NCT02492516, checked one by one.

Inclusion: age 18 to 55; sporadic ALS; ALSFRS-R >= 24; FVC >= 40 % of predicted.
Exclusion: familial ALS; malignancy; autoimmune disease; another motor neuron disease.
The thresholds live in :class:`EligibilityRules` so a site can change them from the study
definition; the checklist order and criterion ids are fixed because forms and reports use them.

Each criterion is met (True), failed (False) or not yet known (None, something not recorded).
A subject is ineligible as soon as one criterion fails, even with others still unknown, so
the screening nurse can stop early; eligible only when every criterion is met.

A criterion's ``label`` and ``detail`` are English: they are stored (a deviation's description,
a value a form takes from the checklist) and printed. ``shown_label`` and ``shown_detail`` are
the same words in the language in use, for the screen.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from alsdesk.clinical.alsfrs import MAX_TOTAL
from alsdesk.clinical.dates import age_on
from alsdesk.errors import ClinicalError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

__all__ = ["EligibilityRules", "EligibilityInputs", "Criterion", "EligibilityResult", "assess",
           "Words"]

NOT_RECORDED = QT_TRANSLATE_NOOP("", "not recorded")
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
                tr("eligibility rules: lowest age {low} is above highest age {high}").format(
                    low=self.min_age, high=self.max_age))


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
class Words:
    """A text made of a marked English template and its values: ``text`` in English (as it
    is stored and printed), ``shown`` in the language in use."""

    template: str
    values: tuple[tuple[str, Any], ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(**dict(self.values))

    @property
    def shown(self) -> str:
        return tr(self.template).format(**dict(self.values))


def _w(template: str, **values: Any) -> Words:
    return Words(template, tuple(values.items()))


@dataclass(frozen=True)
class Criterion:
    """One line of the checklist: met True / False, or None when not yet known."""

    id: str
    label: str  # English: stored and printed (see the module text)
    met: bool | None
    detail: str  # English, as label
    label_words: Words | None = field(default=None, repr=False, compare=False)
    detail_words: Words | None = field(default=None, repr=False, compare=False)

    @property
    def shown_label(self) -> str:
        """The label in the language in use, for the screen."""
        return self.label_words.shown if self.label_words is not None else self.label

    @property
    def shown_detail(self) -> str:
        """The detail in the language in use, for the screen."""
        return self.detail_words.shown if self.detail_words is not None else self.detail


def _criterion(criterion_id: str, label: Words, met: bool | None, detail: Words) -> Criterion:
    return Criterion(criterion_id, label.text, met, detail.text, label, detail)


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
    label = _w(QT_TRANSLATE_NOOP("", "Age {low} to {high} at consent"), low=rules.min_age,
               high=rules.max_age)
    if inputs.birth_date is None:
        return _criterion("age", label, None,
                          _w(QT_TRANSLATE_NOOP("", "date of birth not recorded")))
    if inputs.consent_date is None:
        return _criterion("age", label, None,
                          _w(QT_TRANSLATE_NOOP("", "consent date not recorded")))
    if inputs.consent_date < inputs.birth_date:
        raise ClinicalError(
            tr("consent date {consent} is before the date of birth {birth}; check both dates")
            .format(consent=inputs.consent_date.isoformat(),
                    birth=inputs.birth_date.isoformat()))
    age = age_on(inputs.birth_date, inputs.consent_date)
    met = rules.min_age <= age <= rules.max_age
    return _criterion("age", label, met,
                      _w(QT_TRANSLATE_NOOP("", "age {age} at consent (allowed {low} to {high})"),
                         age=age, low=rules.min_age, high=rules.max_age))


def _alsfrs(inputs: EligibilityInputs, rules: EligibilityRules) -> Criterion:
    label = _w(QT_TRANSLATE_NOOP("", "ALSFRS-R total >= {low}"), low=rules.min_alsfrs)
    total = inputs.alsfrs_total
    if total is None:
        return _criterion("alsfrs", label, None, _w(NOT_RECORDED))
    if isinstance(total, bool) or not isinstance(total, int):
        raise ClinicalError(tr("ALSFRS-R total {total} is not a whole number").format(
            total=repr(total)))
    if not 0 <= total <= MAX_TOTAL:
        raise ClinicalError(tr("ALSFRS-R total {total} is out of range; totals run from 0 to "
                               "48").format(total=total))
    return _criterion("alsfrs", label, total >= rules.min_alsfrs,
                      _w(QT_TRANSLATE_NOOP("", "ALSFRS-R {total} (needs >= {low})"),
                         total=total, low=rules.min_alsfrs))


def _fvc(inputs: EligibilityInputs, rules: EligibilityRules) -> Criterion:
    label = _w(QT_TRANSLATE_NOOP("", "FVC >= {low} % predicted"),
               low=_number(rules.min_fvc_pct))
    fvc = inputs.fvc_pct
    if fvc is None:
        return _criterion("fvc", label, None, _w(NOT_RECORDED))
    if isinstance(fvc, bool) or not isinstance(fvc, (int, float)) or not math.isfinite(fvc):
        raise ClinicalError(tr("FVC {fvc} is not a number").format(fvc=repr(fvc)))
    if not 0 <= fvc <= _MAX_FVC_PCT:
        raise ClinicalError(
            tr("FVC {fvc} % predicted is not possible; enter the percent of predicted, not "
               "litres").format(fvc=_number(fvc)))
    return _criterion("fvc", label, fvc >= rules.min_fvc_pct,
                      _w(QT_TRANSLATE_NOOP("", "FVC {fvc} % predicted (needs >= {low})"),
                         fvc=_number(fvc), low=_number(rules.min_fvc_pct)))


def _flag(criterion_id: str, label: str, value: bool | None, wanted: bool,
          yes: str, no: str) -> Criterion:
    """A yes/no criterion: met when ``value`` equals ``wanted`` (texts marked, in English)."""
    if value is None:
        return _criterion(criterion_id, _w(label), None, _w(NOT_RECORDED))
    if not isinstance(value, bool):
        raise ClinicalError(tr("{criterion}: answer yes or no, not {value}").format(
            criterion=tr(label), value=repr(value)))
    return _criterion(criterion_id, _w(label), value == wanted, _w(yes if value else no))


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
        _flag("sporadic", QT_TRANSLATE_NOOP("", "Sporadic ALS"), inputs.sporadic, True,
              QT_TRANSLATE_NOOP("", "sporadic ALS"), QT_TRANSLATE_NOOP("", "not sporadic ALS")),
        _flag("no_familial", QT_TRANSLATE_NOOP("", "No familial ALS"), inputs.familial, False,
              QT_TRANSLATE_NOOP("", "familial ALS"), QT_TRANSLATE_NOOP("", "no familial ALS")),
        _flag("no_malignancy", QT_TRANSLATE_NOOP("", "No malignancy"), inputs.malignancy, False,
              QT_TRANSLATE_NOOP("", "malignancy present"),
              QT_TRANSLATE_NOOP("", "no malignancy")),
        _flag("no_autoimmune", QT_TRANSLATE_NOOP("", "No autoimmune disease"), inputs.autoimmune,
              False, QT_TRANSLATE_NOOP("", "autoimmune disease present"),
              QT_TRANSLATE_NOOP("", "no autoimmune disease")),
        _flag("no_other_mnd", QT_TRANSLATE_NOOP("", "No other motor neuron disease"),
              inputs.other_mnd, False,
              QT_TRANSLATE_NOOP("", "another motor neuron disease diagnosed"),
              QT_TRANSLATE_NOOP("", "no other motor neuron disease")),
    )
    if any(c.met is False for c in criteria):
        eligible: bool | None = False
    elif any(c.met is None for c in criteria):
        eligible = None
    else:
        eligible = True
    return EligibilityResult(eligible=eligible, criteria=criteria)
