"""Double data entry's comparison (issue 19, its first part): two keyings of the same paper
form, read as the store reads them, compared field by field."""
from __future__ import annotations

import pytest

from alsdesk.double_entry import Entry, compare, error_rate
from alsdesk.rules.engine import visibility
from alsdesk.study import load_study
from alsdesk.study.values import parse_value


@pytest.fixture(scope="module")
def study():
    return load_study()


def _keyed(form, typed: dict[str, str], missing: dict[str, str] | None = None) -> Entry:
    """What a nurse typed, read as the form reads it (parse_value): the stored values."""
    return Entry({fid: parse_value(form.field(fid), text) for fid, text in typed.items()},
                 missing or {})


VITALS = {"vsdtc": "05/MAR/2015 09:30", "sysbp": "120", "diabp": "80", "pulse": "72",
          "resp": "16", "temp": "36.8", "spo2": "98", "weight": "72.5"}


def test_the_same_paper_keyed_two_ways_has_no_difference(study):
    vs = study.form("vs")
    first = _keyed(vs, VITALS)
    # the same meanings, typed otherwise: ISO date, a trailing zero, Persian digits
    second = _keyed(vs, {**VITALS, "vsdtc": "2015-03-05 09:30", "temp": "36.80",
                         "weight": "۷۲٫۵"})
    result = compare(vs, first, second)
    assert result.differences == () and result.fields == 8 and result.rate == 0.0


def test_three_planted_differences_are_found_with_both_values(study):
    vs = study.form("vs")
    first = _keyed(vs, VITALS)
    second = _keyed(vs, {**VITALS, "sysbp": "210", "vsdtc": "05/MAY/2015 09:30",
                         "spo2": ""}, missing={"spo2": "ND"})
    result = compare(vs, first, second)
    found = {d.field: (d.first, d.second, d.first_missing, d.second_missing)
             for d in result.differences}
    assert found == {"vsdtc": ("2015-03-05T09:30", "2015-05-05T09:30", None, None),
                     "sysbp": (120, 210, None, None),
                     "spo2": (98, None, None, "ND")}
    assert [d.field for d in result.differences] == ["vsdtc", "sysbp", "spo2"]  # form order
    assert result.differences[1].label == vs.field("sysbp").label
    assert result.rate == pytest.approx(10_000 * 3 / 8)


def test_text_differs_only_beyond_white_space(study):
    ae = study.form("ae")
    term = next(f for f in ae.fields if f.type.value == "text")
    a = Entry({term.id: "  Headache   after infusion "}, {})
    assert compare(ae, a, Entry({term.id: "Headache after infusion"}, {})).differences == ()
    d = compare(ae, a, Entry({term.id: "headache after infusion"}, {})).differences
    assert [x.field for x in d] == [term.id]  # case is the nurse's: kept


def test_a_missing_code_against_another_code_is_a_difference(study):
    vs = study.form("vs")
    a = _keyed(vs, {**VITALS, "pulse": ""}, {"pulse": "ND"})
    b = _keyed(vs, {**VITALS, "pulse": ""}, {"pulse": "NA"})
    assert [x.field for x in compare(vs, a, b).differences] == ["pulse"]
    assert compare(vs, a, a).differences == ()


def test_a_question_left_blank_by_both_is_not_counted(study):
    ae = study.form("ae")
    optional = [f for f in ae.fields if not f.required]
    assert optional
    empty = Entry({}, {})
    result = compare(ae, empty, empty)
    shown = visibility(ae, {}, {})  # a required question the skip rules hide is not there
    assert result.fields == sum(f.required and shown.get(f.id, True) for f in ae.fields)
    assert result.differences == ()


def test_the_error_rate_is_per_ten_thousand_fields():
    assert error_rate(3, 1_500) == 20.0
    assert error_rate(0, 0) == 0.0
    with pytest.raises(ValueError):
        error_rate(5, 4)


def test_text_typed_on_another_keyboard_or_unicode_form_is_the_same(study):
    mh = study.form("mh")
    term = next(f for f in mh.fields if f.type.value == "text")
    same = [("Caf\u00e9", "Cafe\u0301"),  # é precomposed, and e + combining accent
            ("دیابت نوع ۲", "دیابت نوع 2"),  # Persian and ASCII digits
            ("کلیه", "كليه"),  # Persian keheh and yeh, Arabic kaf and yeh
            ("می\u200cشود", "میشود"),  # with and without the zero-width non-joiner
            ("a\u00a0b", "a b")]  # a no-break space
    for a, b in same:
        assert compare(mh, Entry({term.id: a}, {}), Entry({term.id: b}, {})).differences == (), (a, b)
    assert compare(mh, Entry({term.id: "دیابت نوع ۱"}, {}),
                   Entry({term.id: "دیابت نوع 2"}, {})).differences != ()
