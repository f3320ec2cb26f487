"""Tests of alsdesk.clinical.alsfrs: ALSFRS-R scoring, King's and MiToS stages, Delta-FS."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alsdesk.clinical.alsfrs import (
    DOMAINS,
    ITEMS,
    AlsfrsScore,
    delta_fs,
    kings_stage,
    mitos_stage,
    onset_imputed,
    score,
)
from alsdesk.clinical.dates import PartialDate
from alsdesk.errors import ClinicalError

ALL_FOUR_5A = {i: 4 for i in ITEMS if i != "q5b"}
ALL_FOUR_5B = {i: 4 for i in ITEMS if i != "q5a"}


def form(base: dict[str, int | None] | None = None, **changes: int | None) -> dict[str, int | None]:
    """A normal form (all 4, item 5a) with some items changed or removed (None)."""
    items: dict[str, int | None] = dict(ALL_FOUR_5A if base is None else base)
    items.update(changes)
    return items


# A moderately affected patient without gastrostomy (item 5a).
EXAMPLE_5A = {
    "q1": 3, "q2": 4, "q3": 3,  # bulbar 10
    "q4": 2, "q5a": 3, "q6": 3,  # fine motor 8
    "q7": 3, "q8": 2, "q9": 1,  # gross motor 6
    "q10": 4, "q11": 4, "q12": 4,  # respiratory 12
}
# An advanced patient with a gastrostomy (item 5b), not ventilated.
EXAMPLE_5B = {
    "q1": 1, "q2": 2, "q3": 1,  # bulbar 4
    "q4": 1, "q5b": 1, "q6": 1,  # fine motor 3
    "q7": 1, "q8": 0, "q9": 0,  # gross motor 1
    "q10": 2, "q11": 3, "q12": 4,  # respiratory 9
}

# ---------------------------------------------------------------- constants


def test_items_and_domains() -> None:
    assert ITEMS == ("q1", "q2", "q3", "q4", "q5a", "q5b", "q6", "q7", "q8", "q9", "q10",
                     "q11", "q12")
    assert DOMAINS["bulbar"] == ("q1", "q2", "q3")
    assert DOMAINS["fine_motor"] == ("q4", "q5a", "q5b", "q6")
    assert DOMAINS["gross_motor"] == ("q7", "q8", "q9")
    assert DOMAINS["respiratory"] == ("q10", "q11", "q12")
    assert sorted(i for items in DOMAINS.values() for i in items) == sorted(ITEMS)
    with pytest.raises(TypeError):
        DOMAINS["bulbar"] = ()  # type: ignore[index]


# ---------------------------------------------------------------- score


def test_all_normal_is_48_with_either_item_5() -> None:
    for items in (ALL_FOUR_5A, ALL_FOUR_5B):
        s = score(items)
        assert s == AlsfrsScore(total=48, bulbar=12, fine_motor=12, gross_motor=12,
                                respiratory=12)
        assert s.complete


def test_all_zero_is_0() -> None:
    s = score({i: 0 for i in ITEMS if i != "q5b"})
    assert s == AlsfrsScore(total=0, bulbar=0, fine_motor=0, gross_motor=0, respiratory=0)
    assert s.complete


def test_worked_example_5a() -> None:
    assert score(EXAMPLE_5A) == AlsfrsScore(total=36, bulbar=10, fine_motor=8, gross_motor=6,
                                            respiratory=12)


def test_worked_example_5b() -> None:
    assert score(EXAMPLE_5B) == AlsfrsScore(total=17, bulbar=4, fine_motor=3, gross_motor=1,
                                            respiratory=9)


def test_item_5b_counts_in_fine_motor_like_5a() -> None:
    assert score(form(q5a=None, q5b=1)).fine_motor == 9
    assert score(form(q5a=1)).fine_motor == 9


def test_partial_form_gives_no_total_but_other_domains() -> None:
    s = score(form(q7=None))
    assert s.total is None
    assert not s.complete
    assert s.gross_motor is None
    assert (s.bulbar, s.fine_motor, s.respiratory) == (12, 12, 12)


def test_missing_key_is_same_as_none() -> None:
    items = dict(EXAMPLE_5A)
    del items["q11"]
    s = score(items)
    assert s == score(form(EXAMPLE_5A, q11=None))
    assert s.respiratory is None and s.total is None
    assert (s.bulbar, s.fine_motor, s.gross_motor) == (10, 8, 6)


def test_neither_item_5_leaves_fine_motor_and_total_empty() -> None:
    s = score(form(q5a=None))
    assert s.fine_motor is None and s.total is None
    assert (s.bulbar, s.gross_motor, s.respiratory) == (12, 12, 12)


def test_empty_form() -> None:
    assert score({}) == AlsfrsScore(None, None, None, None, None)


def test_other_keys_are_ignored() -> None:
    items: dict[str, object] = dict(EXAMPLE_5A)
    items.update({"assessment_date": "2015-03-01", "q13": 99, "total": 7})
    assert score(items).total == 36  # type: ignore[arg-type]


def test_both_item_5_versions_raise() -> None:
    with pytest.raises(ClinicalError, match="5a and 5b are both scored"):
        score(form(q5b=4))
    with pytest.raises(ClinicalError, match="5a and 5b"):
        score({"q5a": 0, "q5b": 0})


@pytest.mark.parametrize("value", [-1, 5, 44])
def test_out_of_range_item_named(value: int) -> None:
    with pytest.raises(ClinicalError, match=r"item 7 \(turning in bed\).*out of range"):
        score(form(q7=value))


@pytest.mark.parametrize("value", [3.0, "3", True, False, 2.5])
def test_non_integer_item_named(value: object) -> None:
    with pytest.raises(ClinicalError, match=r"item 12 \(respiratory insufficiency\).*not a score"):
        score(form(q12=value))  # type: ignore[arg-type]


def test_item_5b_named_in_error() -> None:
    with pytest.raises(ClinicalError, match=r"5b \(cutting food, gastrostomy\)"):
        score({"q5b": 9})


def test_items_must_be_a_mapping() -> None:
    with pytest.raises(ClinicalError, match="item -> score"):
        score([4] * 12)  # type: ignore[arg-type]


def test_score_is_frozen() -> None:
    with pytest.raises(AttributeError):
        score(ALL_FOUR_5A).total = 0  # type: ignore[misc]


def _complete(values: list[int], gastrostomy: bool) -> dict[str, int]:
    unused = "q5a" if gastrostomy else "q5b"
    return dict(zip([i for i in ITEMS if i != unused], values, strict=True))


complete_forms = st.builds(
    _complete,
    st.lists(st.integers(0, 4), min_size=12, max_size=12),
    st.booleans(),
)


@given(complete_forms)
def test_total_is_sum_of_domains_and_items(items: dict[str, int]) -> None:
    s = score(items)
    assert s.total == sum(items.values())
    assert s.total == s.bulbar + s.fine_motor + s.gross_motor + s.respiratory  # type: ignore[operator]
    assert all(0 <= d <= 12 for d in (s.bulbar, s.fine_motor, s.gross_motor, s.respiratory))  # type: ignore[operator]


@given(complete_forms, st.sampled_from([i for i in ITEMS]))
def test_removing_any_item_removes_the_total(items: dict[str, int], item: str) -> None:
    items = dict(items)
    present = item in items
    items.pop(item, None)
    assert (score(items).total is None) is present


# ---------------------------------------------------------------- King's stage


def test_kings_normal_is_not_staged() -> None:
    assert kings_stage(ALL_FOUR_5A) is None


@pytest.mark.parametrize(
    ("changes", "stage"),
    [
        ({"q1": 3}, "1"),  # bulbar
        ({"q2": 3}, "1"),  # salivation alone makes bulbar involved
        ({"q3": 0}, "1"),
        ({"q4": 3}, "1"),  # upper limb via handwriting
        ({"q5a": 2}, "1"),  # upper limb via cutting food
        ({"q8": 3}, "1"),  # lower limb
        ({"q1": 3, "q4": 3}, "2"),
        ({"q3": 2, "q8": 1}, "2"),
        ({"q5a": 3, "q8": 1}, "2"),
        ({"q1": 3, "q5a": 3, "q8": 3}, "3"),
        # Items that do not define a region: dressing, bed, stairs, orthopnea.
        ({"q6": 1, "q7": 0, "q9": 0, "q11": 0}, None),
        ({"q10": 1}, None),  # dyspnea 1 is not 4B
    ],
)
def test_kings_regions(changes: dict[str, int], stage: str | None) -> None:
    assert kings_stage(form(**changes)) == stage


def test_kings_worked_examples() -> None:
    assert kings_stage(EXAMPLE_5A) == "3"
    assert kings_stage(EXAMPLE_5B) == "4A"


def test_kings_gastrostomy_is_4a_even_without_other_involvement() -> None:
    assert kings_stage(ALL_FOUR_5B) == "4A"


@pytest.mark.parametrize(
    "changes",
    [{"q10": 0}, {"q12": 3}, {"q12": 2}, {"q12": 1}, {"q12": 0}, {"q10": 0, "q12": 0}],
)
def test_kings_4b_ventilation(changes: dict[str, int]) -> None:
    assert kings_stage(form(**changes)) == "4B"


def test_kings_4b_wins_over_4a() -> None:
    # Gastrostomy (5b scored) AND non-invasive ventilation.
    assert kings_stage(form(ALL_FOUR_5B, q12=3)) == "4B"
    assert kings_stage(form(EXAMPLE_5B, q10=0)) == "4B"


def test_kings_4b_from_respiratory_items_alone() -> None:
    assert kings_stage({"q10": 0}) == "4B"
    assert kings_stage({"q12": 2}) == "4B"
    assert kings_stage({"q10": 4, "q12": 3}) == "4B"


def test_kings_none_when_4b_cannot_be_ruled_out() -> None:
    assert kings_stage(form(q12=None)) is None
    assert kings_stage(form(q10=None, q1=2)) is None
    assert kings_stage(form(ALL_FOUR_5B, q12=None)) is None


def test_kings_none_when_item_5_missing() -> None:
    # Without item 5 a gastrostomy (4A) cannot be ruled out.
    assert kings_stage(form(q5a=None, q1=2, q8=2)) is None


def test_kings_none_when_a_region_is_undecidable() -> None:
    assert kings_stage(form(q1=None)) is None  # bulbar unknown
    assert kings_stage(form(q8=None, q1=3)) is None  # lower limb unknown
    assert kings_stage(form(q4=None, q8=3)) is None  # upper limb unknown


def test_kings_region_known_involved_despite_missing_item() -> None:
    # q1 missing, but q2 < 4 already makes bulbar involved.
    assert kings_stage(form(q1=None, q2=3)) == "1"
    # q4 missing, but 5a < 4 makes upper limb involved; q7 missing does not matter.
    assert kings_stage(form(q4=None, q5a=2, q7=None, q8=2)) == "2"


def test_kings_other_items_missing_do_not_matter() -> None:
    assert kings_stage(form(q6=None, q7=None, q9=None, q11=None, q1=3)) == "1"


def test_kings_validates() -> None:
    with pytest.raises(ClinicalError, match="5a and 5b"):
        kings_stage(form(q5b=2))
    with pytest.raises(ClinicalError, match="item 10"):
        kings_stage({"q10": 5})


@given(complete_forms)
def test_kings_complete_forms_always_staged_or_unaffected(items: dict[str, int]) -> None:
    stage = kings_stage(items)
    assert stage in {None, "1", "2", "3", "4A", "4B"}
    region_items = ("q1", "q2", "q3", "q4", "q5a", "q8")
    if stage is None:
        assert all(items.get(i, 4) == 4 for i in region_items)
        assert "q5b" not in items
        assert items["q10"] > 0 and items["q12"] == 4
    elif stage == "4B":
        assert items["q10"] == 0 or items["q12"] < 4


# ---------------------------------------------------------------- MiToS stage


def test_mitos_normal_is_0() -> None:
    assert mitos_stage(ALL_FOUR_5A) == 0
    assert mitos_stage(ALL_FOUR_5B) == 0


def test_mitos_worked_examples() -> None:
    assert mitos_stage(EXAMPLE_5A) == 0
    # Walking (q8 0), swallowing (q3 1), communicating (q1 1 and q4 1) lost; breathing kept.
    assert mitos_stage(EXAMPLE_5B) == 3


@pytest.mark.parametrize(
    ("changes", "stage"),
    [
        # communicating needs BOTH speech and handwriting lost
        ({"q1": 0, "q4": 4}, 0),
        ({"q1": 4, "q4": 0}, 0),
        ({"q1": 1, "q4": 2}, 0),
        ({"q1": 2, "q4": 1}, 0),
        ({"q1": 1, "q4": 1}, 1),
        ({"q1": 0, "q4": 0}, 1),
        # swallowing
        ({"q3": 2}, 0),
        ({"q3": 1}, 1),
        ({"q3": 0}, 1),
        # walking / self-care: either item
        ({"q8": 2, "q6": 2}, 0),
        ({"q8": 1}, 1),
        ({"q6": 1}, 1),
        ({"q8": 0, "q6": 0}, 1),
        # breathing: either item, different thresholds
        ({"q10": 2}, 0),
        ({"q10": 1}, 1),
        ({"q12": 3}, 0),
        ({"q12": 2}, 1),
        ({"q10": 0, "q12": 0}, 1),
        # items outside MiToS change nothing
        ({"q2": 0, "q5a": 0, "q7": 0, "q9": 0, "q11": 0}, 0),
        # all four lost
        ({"q1": 1, "q4": 1, "q3": 1, "q8": 1, "q10": 1}, 4),
        ({"q1": 1, "q4": 0, "q3": 1, "q6": 0, "q12": 2}, 4),
    ],
)
def test_mitos_domains(changes: dict[str, int], stage: int) -> None:
    assert mitos_stage(form(**changes)) == stage


@pytest.mark.parametrize("item", ["q1", "q3", "q4", "q6", "q8", "q10", "q12"])
def test_mitos_none_when_a_needed_item_is_missing(item: str) -> None:
    assert mitos_stage(form(**{item: None})) is None


@pytest.mark.parametrize("item", ["q2", "q5a", "q7", "q9", "q11"])
def test_mitos_ignores_other_missing_items(item: str) -> None:
    assert mitos_stage(form(q3=1, **{item: None})) == 1


def test_mitos_validates() -> None:
    with pytest.raises(ClinicalError, match="5a and 5b"):
        mitos_stage(form(q5b=0))
    with pytest.raises(ClinicalError, match="item 1 "):
        mitos_stage(form(q1=-1))


@given(complete_forms)
def test_mitos_range(items: dict[str, int]) -> None:
    assert mitos_stage(items) in range(5)


# ---------------------------------------------------------------- Delta-FS


def test_delta_fs_exact_four_years() -> None:
    # 1461 days = 48 months of 30.4375 days; 24 points lost -> 0.5 per month.
    assert delta_fs(24, date(2012, 1, 1), date(2016, 1, 1)) == pytest.approx(0.5)


def test_delta_fs_one_year() -> None:
    expected = 12 / (365 / 30.4375)
    assert delta_fs(36, date(2014, 3, 15), date(2015, 3, 15)) == pytest.approx(expected)


def test_delta_fs_mid_month_onset() -> None:
    exact = delta_fs(36, date(2014, 3, 15), date(2015, 3, 15))
    assert delta_fs(36, "2014-03", date(2015, 3, 15)) == exact
    assert delta_fs(36, PartialDate(2014, 3), date(2015, 3, 15)) == exact
    assert delta_fs(36, "2014-03-15", date(2015, 3, 15)) == exact


def test_delta_fs_year_only_onset_uses_2_july() -> None:
    assert delta_fs(30, "2013", date(2015, 3, 1)) == delta_fs(30, date(2013, 7, 2),
                                                                date(2015, 3, 1))


def test_delta_fs_extremes() -> None:
    assert delta_fs(48, date(2014, 1, 1), date(2015, 1, 1)) == 0.0
    assert delta_fs(0, date(2012, 1, 1), date(2016, 1, 1)) == pytest.approx(1.0)


def test_delta_fs_unrounded() -> None:
    value = delta_fs(40, date(2014, 1, 1), date(2014, 8, 3))
    assert value == 8 / (214 / (365.25 / 12))
    assert value != round(value, 2)  # type: ignore[arg-type]


def test_delta_fs_accepts_datetime_assessment() -> None:
    assert delta_fs(24, date(2012, 1, 1), datetime(2016, 1, 1, 9, 30)) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("total", "onset", "assessed"),
    [
        (None, date(2014, 1, 1), date(2015, 1, 1)),
        (36, None, date(2015, 1, 1)),
        (36, date(2014, 1, 1), None),
        (None, None, None),
    ],
)
def test_delta_fs_none_when_missing(total: int | None, onset: date | None,
                                    assessed: date | None) -> None:
    assert delta_fs(total, onset, assessed) is None


def test_delta_fs_none_when_missing_even_if_other_inputs_are_bad() -> None:
    # Nothing to compute, so nothing to complain about yet.
    assert delta_fs(None, date(2015, 1, 1), date(2014, 1, 1)) is None


@pytest.mark.parametrize("total", [-1, 49, 100])
def test_delta_fs_total_out_of_range(total: int) -> None:
    with pytest.raises(ClinicalError, match="0 to 48"):
        delta_fs(total, date(2014, 1, 1), date(2015, 1, 1))


@pytest.mark.parametrize("total", [36.0, "36", True])
def test_delta_fs_total_not_integer(total: object) -> None:
    with pytest.raises(ClinicalError, match="not a whole number"):
        delta_fs(total, date(2014, 1, 1), date(2015, 1, 1))  # type: ignore[arg-type]


def test_delta_fs_assessment_not_after_onset() -> None:
    with pytest.raises(ClinicalError, match="not after symptom onset 2015-01-01"):
        delta_fs(36, date(2015, 1, 1), date(2015, 1, 1))
    with pytest.raises(ClinicalError, match="not after"):
        delta_fs(36, date(2015, 1, 2), date(2015, 1, 1))


def test_delta_fs_assessment_before_imputed_onset_says_so() -> None:
    with pytest.raises(ClinicalError, match=r"onset 2015-03 \(taken as 2015-03-15\)"):
        delta_fs(36, "2015-03", date(2015, 3, 10))
    assert delta_fs(36, "2015-03", date(2015, 3, 16)) == pytest.approx(12 / (1 / 30.4375))


def test_delta_fs_bad_onset_text() -> None:
    with pytest.raises(ClinicalError):
        delta_fs(36, "March 2014", date(2015, 1, 1))
    with pytest.raises(ClinicalError):
        delta_fs(36, "2014-02-30", date(2015, 1, 1))


def test_delta_fs_from_score() -> None:
    total = score(EXAMPLE_5A).total
    assert delta_fs(total, date(2012, 1, 1), date(2016, 1, 1)) == pytest.approx(12 / 48)
    assert delta_fs(score(form(q1=None)).total, date(2012, 1, 1), date(2016, 1, 1)) is None


# ---------------------------------------------------------------- onset_imputed


@pytest.mark.parametrize(
    ("onset", "imputed"),
    [
        ("2014-03", True),
        ("2014", True),
        ("2014-03-02", False),
        (PartialDate(2014, 3), True),
        (PartialDate(2014, 3, 2), False),
        (date(2014, 3, 2), False),
        (datetime(2014, 3, 2, 10, 0), False),
        (None, False),
    ],
)
def test_onset_imputed(onset: object, imputed: bool) -> None:
    assert onset_imputed(onset) is imputed  # type: ignore[arg-type]


def test_onset_imputed_rejects_bad_text() -> None:
    with pytest.raises(ClinicalError):
        onset_imputed("2014-13")
