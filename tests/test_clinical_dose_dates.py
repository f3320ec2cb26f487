"""Tests of alsdesk.clinical.dates and alsdesk.clinical.dose."""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alsdesk.clinical.dates import (
    PartialDate,
    age_on,
    as_date,
    months_between,
    parse_partial,
)
from alsdesk.clinical.dose import (
    DoseDeviation,
    bmi,
    dose_deviation,
    format_cells,
    target_cells,
)
from alsdesk.errors import ClinicalError

# ---------------------------------------------------------------- parse_partial


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014", PartialDate(2014, None, None)),
        ("2014-03", PartialDate(2014, 3, None)),
        ("2014-03-21", PartialDate(2014, 3, 21)),
        ("  2014-03-21 ", PartialDate(2014, 3, 21)),
        ("2016-02-29", PartialDate(2016, 2, 29)),
        ("2015-12-31", PartialDate(2015, 12, 31)),
        ("1900-01-01", PartialDate(1900, 1, 1)),
        ("2100-12", PartialDate(2100, 12, None)),
    ],
)
def test_parse_partial_accepts_the_three_shapes(text: str, expected: PartialDate) -> None:
    assert parse_partial(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "14", "20140", "2014-3", "2014-03-5", "2014/03/21", "21-03-2014",
        "2014-03-21T10:00", "2014-", "2014-03-", "March 2014", "2014-00", "2014-13",
        "2014-02-29", "2015-02-29", "2014-04-31", "2014-01-00", "2014-01-32",
        "١٣٩٤-٠١-١٥", "۲۰۱۵-۰۳-۱۰",  # Arabic-Indic and Persian digits
        "1394-01-15", "1899-12-31", "2101-01-01",  # Solar Hijri year typed by habit, out of range
    ],
)
def test_parse_partial_rejects(text: str) -> None:
    with pytest.raises(ClinicalError):
        parse_partial(text)


def test_parse_partial_messages_are_for_people() -> None:
    with pytest.raises(ClinicalError, match="YYYY-MM-DD"):
        parse_partial("21/03/2014")
    with pytest.raises(ClinicalError, match="February 2015 has 28 days"):
        parse_partial("2015-02-29")
    with pytest.raises(ClinicalError, match="month 13 does not exist"):
        parse_partial("2014-13")
    with pytest.raises(ClinicalError, match="Gregorian"):
        parse_partial("1394-01-15")


def test_parse_partial_rejects_non_text() -> None:
    with pytest.raises(ClinicalError):
        parse_partial(20140321)  # type: ignore[arg-type]
    with pytest.raises(ClinicalError):
        parse_partial(None)  # type: ignore[arg-type]


def test_clinical_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_partial("nope")


# ---------------------------------------------------------------- PartialDate


def test_partial_date_validates_when_built_directly() -> None:
    with pytest.raises(ClinicalError, match="day was given without a month"):
        PartialDate(2014, None, 3)
    with pytest.raises(ClinicalError):
        PartialDate(2014, 2, 30)
    with pytest.raises(ClinicalError):
        PartialDate(2014, 0)
    with pytest.raises(ClinicalError, match="not a whole number"):
        PartialDate(2014, "03")  # type: ignore[arg-type]
    with pytest.raises(ClinicalError, match="not a whole number"):
        PartialDate(True)  # type: ignore[arg-type]
    with pytest.raises(ClinicalError, match="not a whole number"):
        PartialDate(2014, 3, 1.0)  # type: ignore[arg-type]


def test_partial_date_defaults_to_unknown_month_and_day() -> None:
    assert PartialDate(2014) == PartialDate(2014, None, None)


@pytest.mark.parametrize(
    ("text", "complete"), [("2014", False), ("2014-03", False), ("2014-03-21", True)]
)
def test_is_complete_and_imputed(text: str, complete: bool) -> None:
    p = parse_partial(text)
    assert p.is_complete is complete
    assert p.imputed is (not complete)


@pytest.mark.parametrize(
    ("text", "mid", "first", "last"),
    [
        ("2014", date(2014, 7, 2), date(2014, 1, 1), date(2014, 12, 31)),
        ("2014-03", date(2014, 3, 15), date(2014, 3, 1), date(2014, 3, 31)),
        ("2015-02", date(2015, 2, 15), date(2015, 2, 1), date(2015, 2, 28)),
        ("2016-02", date(2016, 2, 15), date(2016, 2, 1), date(2016, 2, 29)),
        ("2014-04", date(2014, 4, 15), date(2014, 4, 1), date(2014, 4, 30)),
        ("2014-03-21", date(2014, 3, 21), date(2014, 3, 21), date(2014, 3, 21)),
    ],
)
def test_to_date_imputation(text: str, mid: date, first: date, last: date) -> None:
    p = parse_partial(text)
    assert p.to_date() == mid
    assert p.to_date("mid") == mid
    assert p.to_date("first") == first
    assert p.to_date("last") == last


def test_to_date_unknown_mode() -> None:
    with pytest.raises(ClinicalError, match="unknown imputation"):
        parse_partial("2014-03").to_date("middle")


def test_mid_year_is_the_middle_of_the_year() -> None:
    # 2 July: 182 days before it and 182 after it in a common year.
    mid = parse_partial("2015").to_date()
    assert (mid - date(2015, 1, 1)).days == (date(2015, 12, 31) - mid).days


@pytest.mark.parametrize("text", ["2014", "2014-03", "2014-03-21", "1905-01-09"])
def test_str_round_trips(text: str) -> None:
    assert str(parse_partial(text)) == text


def test_partial_date_is_frozen() -> None:
    p = parse_partial("2014-03")
    with pytest.raises(AttributeError):
        p.day = 3  # type: ignore[misc]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_full_dates_round_trip(d: date) -> None:
    p = parse_partial(d.isoformat())
    assert p.to_date() == d
    assert str(p) == d.isoformat()
    assert not p.imputed


# ---------------------------------------------------------------- as_date


def test_as_date_variants() -> None:
    assert as_date(date(2014, 3, 21)) == (date(2014, 3, 21), False)
    assert as_date(datetime(2014, 3, 21, 23, 59)) == (date(2014, 3, 21), False)
    assert as_date("2014-03-21") == (date(2014, 3, 21), False)
    assert as_date("2014-03") == (date(2014, 3, 15), True)
    assert as_date("2014") == (date(2014, 7, 2), True)
    assert as_date(PartialDate(2014, 3)) == (date(2014, 3, 15), True)
    assert as_date(PartialDate(2014, 3, 2)) == (date(2014, 3, 2), False)


def test_as_date_rejects() -> None:
    with pytest.raises(ClinicalError):
        as_date("2014-02-30")
    with pytest.raises(ClinicalError, match="is not a date"):
        as_date(2014)  # type: ignore[arg-type]
    with pytest.raises(ClinicalError):
        as_date(None)  # type: ignore[arg-type]


# ---------------------------------------------------------------- age_on


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        # Born 1960-05-10: 54 the day before the 2015 birthday, 55 on it.
        (date(1960, 5, 10), date(2015, 5, 9), 54),
        (date(1960, 5, 10), date(2015, 5, 10), 55),
        (date(1960, 5, 10), date(2015, 5, 11), 55),
        (date(1960, 5, 10), date(1960, 5, 10), 0),
        (date(1960, 5, 10), date(1961, 5, 9), 0),
        (date(1960, 12, 31), date(2015, 1, 1), 54),
        (date(1960, 1, 1), date(2015, 12, 31), 55),
        # 29 February: the birthday counts on 1 March in non-leap years.
        (date(1960, 2, 29), date(2015, 2, 28), 54),
        (date(1960, 2, 29), date(2015, 3, 1), 55),
        (date(1960, 2, 29), date(2016, 2, 28), 55),
        (date(1960, 2, 29), date(2016, 2, 29), 56),
    ],
)
def test_age_on(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_age_on_accepts_datetimes() -> None:
    assert age_on(datetime(1960, 5, 10, 8, 0), datetime(2015, 5, 10, 7, 0)) == 55


def test_age_on_before_birth() -> None:
    with pytest.raises(ClinicalError, match="before the date of birth"):
        age_on(date(1960, 5, 10), date(1960, 5, 9))


def test_age_on_rejects_non_dates() -> None:
    with pytest.raises(ClinicalError, match="date of birth"):
        age_on("1960-05-10", date(2015, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ClinicalError):
        age_on(date(1960, 5, 10), None)  # type: ignore[arg-type]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31)),
    st.integers(min_value=0, max_value=36000),
)
def test_age_never_decreases_and_counts_years(birth: date, days: int) -> None:
    on = birth + timedelta(days=days)
    age = age_on(birth, on)
    assert age >= 0
    assert age_on(birth, on + timedelta(days=1)) in (age, age + 1)
    # Completed years lie between the crude day estimates.
    assert (days - 1) / 366 - 1 < age <= days / 365


# ---------------------------------------------------------------- months_between


def test_months_between() -> None:
    assert months_between(date(2015, 1, 1), date(2015, 1, 1)) == 0
    assert months_between(date(2014, 1, 1), date(2015, 1, 1)) == pytest.approx(365 / 30.4375)
    assert months_between(date(2012, 1, 1), date(2016, 1, 1)) == pytest.approx(48.0)
    assert months_between(date(2015, 1, 31), date(2015, 1, 1)) == pytest.approx(-30 / 30.4375)
    assert months_between(datetime(2015, 1, 1, 23), datetime(2015, 1, 2, 1)) == pytest.approx(
        1 / 30.4375
    )


def test_months_between_rejects_non_dates() -> None:
    with pytest.raises(ClinicalError):
        months_between("2015-01-01", date(2015, 2, 1))  # type: ignore[arg-type]


# ---------------------------------------------------------------- target_cells


@pytest.mark.parametrize(
    ("weight", "cells"),
    [(70, 1.4e8), (70.0, 1.4e8), (20, 4e7), (300, 6e8), (62.5, 1.25e8)],
)
def test_target_cells_protocol_dose(weight: float, cells: float) -> None:
    assert target_cells(weight) == pytest.approx(cells)


def test_target_cells_other_dose_per_kg() -> None:
    assert target_cells(70, 1e6) == pytest.approx(7e7)
    assert target_cells(70, cells_per_kg=5e5) == pytest.approx(3.5e7)


@pytest.mark.parametrize(
    "weight", [19.99, 300.01, 0, -70, 7000, math.nan, math.inf, -math.inf]
)
def test_target_cells_rejects_weight(weight: float) -> None:
    with pytest.raises(ClinicalError, match="weight"):
        target_cells(weight)


@pytest.mark.parametrize("weight", ["70", None, True])
def test_target_cells_rejects_non_numbers(weight: object) -> None:
    with pytest.raises(ClinicalError, match="not a number"):
        target_cells(weight)  # type: ignore[arg-type]


@pytest.mark.parametrize("per_kg", [0, -2e6, math.nan, math.inf, "2e6"])
def test_target_cells_rejects_dose_per_kg(per_kg: object) -> None:
    with pytest.raises(ClinicalError, match="cells per kg"):
        target_cells(70, per_kg)  # type: ignore[arg-type]


def test_target_cells_weight_message_names_unit() -> None:
    with pytest.raises(ClinicalError, match=r"7000 kg is outside 20 to 300 kg"):
        target_cells(7000)


# ---------------------------------------------------------------- dose_deviation


def test_dose_deviation_exact() -> None:
    d = dose_deviation(1.4e8, 1.4e8)
    assert d == DoseDeviation(target=1.4e8, infused=1.4e8, difference=0.0, percent=0.0,
                              within_tolerance=True)


def test_dose_deviation_under_and_over() -> None:
    under = dose_deviation(1.4e8, 1.26e8)
    assert under.difference == pytest.approx(-1.4e7)
    assert under.percent == pytest.approx(-10.0)
    assert under.within_tolerance  # boundary counts as within
    over = dose_deviation(1.4e8, 1.54e8)
    assert over.percent == pytest.approx(10.0)
    assert over.within_tolerance
    assert not dose_deviation(1.4e8, 1.55e8).within_tolerance
    assert not dose_deviation(1.4e8, 1.25e8).within_tolerance
    assert dose_deviation(1.4e8, 1.25e8).percent == pytest.approx(-10.714285714)


def test_dose_deviation_boundary_survives_float_rounding() -> None:
    # 64.1 kg x 2e6 is 128199999.99999999 in floating point; 1.4102e8 is exactly 10 % over
    # on paper but computes as 10.000000000000012 %: it must still be within tolerance.
    target = target_cells(64.1)
    d = dose_deviation(target, 1.4102e8)
    assert d.percent > 10.0
    assert d.within_tolerance
    assert not dose_deviation(target, 1.4103e8).within_tolerance


def test_dose_deviation_tolerance_parameter() -> None:
    assert not dose_deviation(1e8, 1.06e8, tolerance_pct=5).within_tolerance
    assert dose_deviation(1e8, 1.05e8, tolerance_pct=5).within_tolerance
    assert dose_deviation(1e8, 1e8, tolerance_pct=0).within_tolerance
    assert not dose_deviation(1e8, 1.0001e8, tolerance_pct=0).within_tolerance


def test_dose_deviation_nothing_infused() -> None:
    d = dose_deviation(1.4e8, 0)
    assert d.percent == pytest.approx(-100.0)
    assert not d.within_tolerance


@pytest.mark.parametrize(
    ("target", "infused", "tolerance", "match"),
    [
        (0, 1e8, 10, "target dose"),
        (-1e8, 1e8, 10, "target dose"),
        (math.nan, 1e8, 10, "target dose"),
        (1e8, -1, 10, "cells infused"),
        (1e8, math.inf, 10, "cells infused"),
        (1e8, "1e8", 10, "cells infused"),
        (1e8, 1e8, -1, "tolerance"),
        (1e8, 1e8, math.nan, "tolerance"),
    ],
)
def test_dose_deviation_rejects(target: object, infused: object, tolerance: object,
                                match: str) -> None:
    with pytest.raises(ClinicalError, match=match):
        dose_deviation(target, infused, tolerance)  # type: ignore[arg-type]


def test_dose_deviation_is_frozen() -> None:
    with pytest.raises(AttributeError):
        dose_deviation(1e8, 1e8).percent = 5  # type: ignore[misc]


# ---------------------------------------------------------------- format_cells


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1.4e8, "1.40 × 10⁸ cells"),
        (140_000_000, "1.40 × 10⁸ cells"),
        (1.234e8, "1.23 × 10⁸ cells"),
        (9.999e7, "1.00 × 10⁸ cells"),  # rounding carries into the exponent
        (9.994e7, "9.99 × 10⁷ cells"),
        (2e6, "2.00 × 10⁶ cells"),
        (6e8, "6.00 × 10⁸ cells"),
        (1.5e10, "1.50 × 10¹⁰ cells"),
        (1, "1.00 × 10⁰ cells"),
        (0.5, "5.00 × 10⁻¹ cells"),
        (0, "0 cells"),
    ],
)
def test_format_cells(n: float, text: str) -> None:
    assert format_cells(n) == text


@pytest.mark.parametrize("n", [-1, math.nan, math.inf, "1e8", None])
def test_format_cells_rejects(n: object) -> None:
    with pytest.raises(ClinicalError):
        format_cells(n)  # type: ignore[arg-type]


def test_format_cells_of_target() -> None:
    assert format_cells(target_cells(72.3)) == "1.45 × 10⁸ cells"


# ---------------------------------------------------------------- bmi


@pytest.mark.parametrize(
    ("weight", "height", "expected"),
    [(70, 175, 22.857142857), (100, 100, 100.0), (50, 250, 8.0), (81, 180, 25.0)],
)
def test_bmi(weight: float, height: float, expected: float) -> None:
    assert bmi(weight, height) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("weight", "height", "match"),
    [
        (70, 1.75, "centimetres"),  # metres instead of centimetres
        (70, 99.9, "height"),
        (70, 250.1, "height"),
        (70, math.nan, "height"),
        (70, "175", "height"),
        (15, 175, "weight"),
        (301, 175, "weight"),
        (math.inf, 175, "weight"),
    ],
)
def test_bmi_rejects(weight: object, height: object, match: str) -> None:
    with pytest.raises(ClinicalError, match=match):
        bmi(weight, height)  # type: ignore[arg-type]
