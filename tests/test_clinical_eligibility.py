"""Tests of alsdesk.clinical.eligibility: the registry's inclusion and exclusion criteria."""
from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from alsdesk.clinical.eligibility import (
    Criterion,
    EligibilityInputs,
    EligibilityResult,
    EligibilityRules,
    assess,
)
from alsdesk.errors import ClinicalError

IDS = ("age", "alsfrs", "fvc", "sporadic", "no_familial", "no_malignancy", "no_autoimmune",
       "no_other_mnd")

# A patient who meets every criterion: 44 at consent, ALSFRS-R 38, FVC 82 %.
GOOD = EligibilityInputs(
    birth_date=date(1970, 6, 1),
    consent_date=date(2015, 3, 10),
    alsfrs_total=38,
    fvc_pct=82.0,
    sporadic=True,
    familial=False,
    malignancy=False,
    autoimmune=False,
    other_mnd=False,
)
NOTHING = EligibilityInputs(None, None, None, None, None, None, None, None, None)


DEFAULT_RULES = EligibilityRules()


def check(inputs: EligibilityInputs, criterion_id: str,
          rules: EligibilityRules = DEFAULT_RULES) -> Criterion:
    return assess(inputs, rules).criterion(criterion_id)


# ---------------------------------------------------------------- whole checklist


def test_eligible_patient() -> None:
    result = assess(GOOD)
    assert result.eligible is True
    assert tuple(c.id for c in result.criteria) == IDS
    assert all(c.met is True for c in result.criteria)
    assert result.failed == ()
    assert result.unknown == ()


def test_default_rules_are_the_registry_thresholds() -> None:
    assert EligibilityRules() == EligibilityRules(min_age=18, max_age=55, min_alsfrs=24,
                                                  min_fvc_pct=40.0)
    assert assess(GOOD) == assess(GOOD, EligibilityRules())


def test_labels_and_details_of_eligible_patient() -> None:
    result = assess(GOOD)
    assert [(c.label, c.detail) for c in result.criteria] == [
        ("Age 18 to 55 at consent", "age 44 at consent (allowed 18 to 55)"),
        ("ALSFRS-R total >= 24", "ALSFRS-R 38 (needs >= 24)"),
        ("FVC >= 40 % predicted", "FVC 82 % predicted (needs >= 40)"),
        ("Sporadic ALS", "sporadic ALS"),
        ("No familial ALS", "no familial ALS"),
        ("No malignancy", "no malignancy"),
        ("No autoimmune disease", "no autoimmune disease"),
        ("No other motor neuron disease", "no other motor neuron disease"),
    ]


def test_nothing_recorded() -> None:
    result = assess(NOTHING)
    assert result.eligible is None
    assert result.failed == ()
    assert tuple(c.id for c in result.unknown) == IDS
    assert result.criterion("age").detail == "date of birth not recorded"
    for cid in IDS[1:]:
        assert result.criterion(cid).detail == "not recorded"


@pytest.mark.parametrize(
    ("field", "cid"),
    [
        ("birth_date", "age"), ("consent_date", "age"), ("alsfrs_total", "alsfrs"),
        ("fvc_pct", "fvc"), ("sporadic", "sporadic"), ("familial", "no_familial"),
        ("malignancy", "no_malignancy"), ("autoimmune", "no_autoimmune"),
        ("other_mnd", "no_other_mnd"),
    ],
)
def test_one_item_missing_leaves_verdict_open(field: str, cid: str) -> None:
    result = assess(replace(GOOD, **{field: None}))
    assert result.eligible is None
    assert [c.id for c in result.unknown] == [cid]
    assert result.failed == ()


def test_consent_date_missing_detail() -> None:
    assert check(replace(GOOD, consent_date=None), "age").detail == "consent date not recorded"


def test_failure_decides_even_with_missing_data() -> None:
    inputs = replace(NOTHING, familial=True)
    result = assess(inputs)
    assert result.eligible is False
    assert [c.id for c in result.failed] == ["no_familial"]
    assert len(result.unknown) == 7


def test_several_failures_listed_in_order() -> None:
    inputs = replace(GOOD, alsfrs_total=20, malignancy=True, fvc_pct=30.0)
    result = assess(inputs)
    assert result.eligible is False
    assert [c.id for c in result.failed] == ["alsfrs", "fvc", "no_malignancy"]


def test_criterion_lookup_unknown_id() -> None:
    with pytest.raises(KeyError):
        assess(GOOD).criterion("weight")


def test_results_are_frozen() -> None:
    result = assess(GOOD)
    assert isinstance(result, EligibilityResult)
    with pytest.raises(AttributeError):
        result.eligible = False  # type: ignore[misc]
    with pytest.raises(AttributeError):
        result.criteria[0].met = False  # type: ignore[misc]


# ---------------------------------------------------------------- age


@pytest.mark.parametrize(
    ("birth", "consent", "met", "detail"),
    [
        # 56th birthday exactly on the consent day: 56, too old.
        (date(1959, 5, 10), date(2015, 5, 10), False, "age 56 at consent (allowed 18 to 55)"),
        # The day before that birthday: still 55, eligible.
        (date(1959, 5, 10), date(2015, 5, 9), True, "age 55 at consent (allowed 18 to 55)"),
        # 18th birthday on the consent day: eligible; the day before: 17.
        (date(1997, 5, 10), date(2015, 5, 10), True, "age 18 at consent (allowed 18 to 55)"),
        (date(1997, 5, 10), date(2015, 5, 9), False, "age 17 at consent (allowed 18 to 55)"),
        # 29 February birthday: turns 18 on 1 March in a non-leap year (2014).
        (date(1996, 2, 29), date(2014, 2, 28), False, "age 17 at consent (allowed 18 to 55)"),
        (date(1996, 2, 29), date(2014, 3, 1), True, "age 18 at consent (allowed 18 to 55)"),
        # ... and 56 on 29 February itself in a leap year (2016).
        (date(1960, 2, 29), date(2016, 2, 28), True, "age 55 at consent (allowed 18 to 55)"),
        (date(1960, 2, 29), date(2016, 2, 29), False, "age 56 at consent (allowed 18 to 55)"),
    ],
)
def test_age_edges(birth: date, consent: date, met: bool, detail: str) -> None:
    c = check(replace(GOOD, birth_date=birth, consent_date=consent), "age")
    assert (c.met, c.detail) == (met, detail)
    assert assess(replace(GOOD, birth_date=birth, consent_date=consent)).eligible is met


def test_age_uses_consent_date_not_today() -> None:
    # 55 at consent in 2015 although long past 55 now.
    assert check(replace(GOOD, birth_date=date(1960, 1, 1), consent_date=date(2015, 6, 1)),
                 "age").met is True


def test_consent_before_birth() -> None:
    with pytest.raises(ClinicalError, match="consent date 1969-01-01 is before the date of birth"):
        assess(replace(GOOD, consent_date=date(1969, 1, 1)))


def test_age_rules_changeable() -> None:
    rules = EligibilityRules(min_age=21, max_age=65)
    c = check(replace(GOOD, birth_date=date(1955, 1, 1)), "age", rules)
    assert c.met is True
    assert c.label == "Age 21 to 65 at consent"
    assert c.detail == "age 60 at consent (allowed 21 to 65)"


def test_rules_must_make_sense() -> None:
    with pytest.raises(ClinicalError, match="lowest age 60 is above highest age 55"):
        EligibilityRules(min_age=60)


# ---------------------------------------------------------------- ALSFRS-R


@pytest.mark.parametrize(
    ("total", "met"), [(23, False), (24, True), (0, False), (48, True)]
)
def test_alsfrs_threshold(total: int, met: bool) -> None:
    c = check(replace(GOOD, alsfrs_total=total), "alsfrs")
    assert c.met is met
    assert c.detail == f"ALSFRS-R {total} (needs >= 24)"


def test_alsfrs_23_detail_and_verdict() -> None:
    result = assess(replace(GOOD, alsfrs_total=23))
    assert result.eligible is False
    assert result.failed[0].detail == "ALSFRS-R 23 (needs >= 24)"


@pytest.mark.parametrize("total", [-1, 49])
def test_alsfrs_out_of_range(total: int) -> None:
    with pytest.raises(ClinicalError, match="0 to 48"):
        assess(replace(GOOD, alsfrs_total=total))


@pytest.mark.parametrize("total", [24.0, "30", True])
def test_alsfrs_not_integer(total: object) -> None:
    with pytest.raises(ClinicalError, match="not a whole number"):
        assess(replace(GOOD, alsfrs_total=total))


def test_alsfrs_rule_changeable() -> None:
    c = check(replace(GOOD, alsfrs_total=29), "alsfrs", EligibilityRules(min_alsfrs=30))
    assert (c.met, c.label, c.detail) == (False, "ALSFRS-R total >= 30",
                                          "ALSFRS-R 29 (needs >= 30)")


# ---------------------------------------------------------------- FVC


@pytest.mark.parametrize(
    ("fvc", "met", "detail"),
    [
        (39.9, False, "FVC 39.9 % predicted (needs >= 40)"),
        (40.0, True, "FVC 40 % predicted (needs >= 40)"),
        (40, True, "FVC 40 % predicted (needs >= 40)"),
        (39.95, False, "FVC 39.95 % predicted (needs >= 40)"),  # never shown as "40.0"
        (40.01, True, "FVC 40.01 % predicted (needs >= 40)"),
        (120.5, True, "FVC 120.5 % predicted (needs >= 40)"),
        (0.0, False, "FVC 0 % predicted (needs >= 40)"),
    ],
)
def test_fvc_threshold(fvc: float, met: bool, detail: str) -> None:
    c = check(replace(GOOD, fvc_pct=fvc), "fvc")
    assert (c.met, c.detail) == (met, detail)


@pytest.mark.parametrize("fvc", [-1.0, 300.1, 4000.0])
def test_fvc_impossible(fvc: float) -> None:
    with pytest.raises(ClinicalError, match="percent of predicted"):
        assess(replace(GOOD, fvc_pct=fvc))


@pytest.mark.parametrize("fvc", [math.nan, math.inf, "82", True])
def test_fvc_not_a_number(fvc: object) -> None:
    with pytest.raises(ClinicalError, match="not a number"):
        assess(replace(GOOD, fvc_pct=fvc))


def test_fvc_rule_changeable() -> None:
    c = check(replace(GOOD, fvc_pct=49.5), "fvc", EligibilityRules(min_fvc_pct=50.5))
    assert (c.met, c.label, c.detail) == (
        False, "FVC >= 50.5 % predicted", "FVC 49.5 % predicted (needs >= 50.5)")


# ---------------------------------------------------------------- yes/no criteria


@pytest.mark.parametrize(
    ("field", "cid", "value", "met", "detail"),
    [
        ("sporadic", "sporadic", True, True, "sporadic ALS"),
        ("sporadic", "sporadic", False, False, "not sporadic ALS"),
        ("familial", "no_familial", True, False, "familial ALS"),
        ("familial", "no_familial", False, True, "no familial ALS"),
        ("malignancy", "no_malignancy", True, False, "malignancy present"),
        ("malignancy", "no_malignancy", False, True, "no malignancy"),
        ("autoimmune", "no_autoimmune", True, False, "autoimmune disease present"),
        ("autoimmune", "no_autoimmune", False, True, "no autoimmune disease"),
        ("other_mnd", "no_other_mnd", True, False, "another motor neuron disease diagnosed"),
        ("other_mnd", "no_other_mnd", False, True, "no other motor neuron disease"),
    ],
)
def test_yes_no_criteria(field: str, cid: str, value: bool, met: bool, detail: str) -> None:
    result = assess(replace(GOOD, **{field: value}))
    c = result.criterion(cid)
    assert (c.met, c.detail) == (met, detail)
    assert result.eligible is met
    assert [f.id for f in result.failed] == ([] if met else [cid])


def test_familial_yes_is_ineligible_even_if_marked_sporadic() -> None:
    result = assess(replace(GOOD, familial=True))
    assert result.eligible is False
    assert result.criterion("sporadic").met is True
    assert [c.id for c in result.failed] == ["no_familial"]


@pytest.mark.parametrize("value", [1, 0, "yes", "N"])
def test_yes_no_must_be_bool(value: object) -> None:
    with pytest.raises(ClinicalError, match="No malignancy: answer yes or no"):
        assess(replace(GOOD, malignancy=value))
