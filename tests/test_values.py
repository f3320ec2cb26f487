"""Typed text <-> storage values, per field type: parse, check, audit text, display, python."""
from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alsdesk.errors import ValidationError
from alsdesk.study.model import Choice, CodeList, Field, FieldType
from alsdesk.study.values import (
    check_value, display, from_text, parse_value, to_python, to_text,
)

SEX = CodeList("sex", "integer", (Choice(1, "Male"), Choice(2, "Female")))
YN = CodeList("ny", "text", (Choice("Y", "Yes"), Choice("N", "No"), Choice("U", "Unknown")))

NAME = Field("name", "Initials", FieldType.TEXT, length=5)
NOTE = Field("note", "Comments", FieldType.MEMO)
AGE = Field("age", "Age", FieldType.INTEGER, min=18, max=80, unit="years")
COUNT = Field("count", "Count", FieldType.INTEGER)
WEIGHT = Field("weight", "Weight", FieldType.DECIMAL, min=20, max=300, unit="kg", digits=1)
RATIO = Field("ratio", "Ratio", FieldType.DECIMAL)
DOB = Field("dob", "Date of birth", FieldType.DATE)
ONSET = Field("onset", "Symptom onset", FieldType.DATE, partial=True)
INF = Field("inf", "Infusion start", FieldType.DATETIME)
TIME = Field("t", "Time of sample", FieldType.TIME)
SEXF = Field("sex", "Sex", FieldType.CHOICE, codelist=SEX)
YNF = Field("smoker", "Smoker", FieldType.CHOICE, codelist=YN)
ALL = [NAME, NOTE, AGE, COUNT, WEIGHT, RATIO, DOB, ONSET, INF, TIME, SEXF, YNF]


def err(field: Field, raw: str) -> str:
    with pytest.raises(ValidationError) as info:
        parse_value(field, raw)
    assert info.value.field_id == field.id
    assert str(info.value).startswith(field.label + ":")
    return str(info.value)


@pytest.mark.parametrize("field", ALL, ids=lambda f: f.type.value + ":" + f.id)
@pytest.mark.parametrize("raw", [None, "", "   ", "\t\n"])
def test_blank_is_none(field, raw):
    assert parse_value(field, raw) is None
    assert check_value(field, None) is None
    assert to_text(field, None) is None and from_text(field, None) is None
    assert display(field, None) == ""
    assert to_python(field, None) is None


# --- text and memo ----------------------------------------------------------------------


def test_text():
    assert parse_value(NAME, "  ABC ") == "ABC"
    assert parse_value(NAME, "ABCDE") == "ABCDE"  # exactly the length
    assert "at most 5" in err(NAME, "ABCDEF")
    assert "one line" in err(NAME, "AB\nC")
    assert "tab" in err(NAME, "A\tB")
    assert "U+0007" in err(NAME, "A\aB")
    assert display(NAME, "ABC") == "ABC"


def test_text_default_caps():
    free = Field("x", "Other", FieldType.TEXT)
    assert parse_value(free, "a" * 2000) == "a" * 2000
    assert "at most 2000" in err(free, "a" * 2001)
    assert parse_value(NOTE, "b" * 20000) == "b" * 20000
    assert "at most 20000" in err(NOTE, "b" * 20001)


def test_memo_keeps_lines_and_tabs():
    assert parse_value(NOTE, "line 1\r\n\tline 2\rline 3") == "line 1\n\tline 2\nline 3"
    assert "U+001B" in err(NOTE, "esc \x1b[31m")
    assert check_value(NOTE, "a\x00b") is not None


def test_check_text():
    assert check_value(NAME, "AB") is None
    assert "expected text" in check_value(NAME, 12)
    assert "empty text" in check_value(NAME, "")
    assert check_value(NAME, "\ud800") is not None  # lone surrogate cannot be stored


# --- integers ---------------------------------------------------------------------------


@pytest.mark.parametrize("raw, value", [("18", 18), ("80", 80), ("+45", 45), (" 045 ", 45)])
def test_integer_parse(raw, value):
    assert parse_value(AGE, raw) == value and type(parse_value(AGE, raw)) is int


def test_integer_rejections():
    assert "not a whole number" in err(AGE, "3.5")
    assert "not a whole number" in err(AGE, "30,5")
    assert "not a number" in err(AGE, "abc")
    assert "not a number" in err(AGE, "1_000")
    # Persian and Arabic-Indic digits are what a Persian keyboard types: read as digits;
    # other scripts' digits are not (int() would take them, a nurse here never types them)
    assert parse_value(AGE, "٣٠") == 30 and parse_value(AGE, "۳۰") == 30
    assert "not a number" in err(AGE, "३०")
    assert err(AGE, "17") == "Age: 17 is outside the allowed range 18 to 80 years"
    assert err(AGE, "81") == "Age: 81 is outside the allowed range 18 to 80 years"
    assert "far too large" in err(COUNT, "9" * 40)
    assert "far too large" in err(COUNT, str(2**63))
    assert parse_value(COUNT, str(2**63 - 1)) == 2**63 - 1


def test_one_sided_ranges():
    low = Field("x", "Dose", FieldType.INTEGER, min=1)
    high = Field("y", "Count", FieldType.DECIMAL, max=9.5)
    assert err(low, "0") == "Dose: 0 is below the lowest allowed value, 1"
    assert err(high, "9.75") == "Count: 9.75 is above the highest allowed value, 9.5"
    assert parse_value(high, "9.5") == 9.5


def test_check_integer():
    assert check_value(AGE, 40) is None
    assert "expected a whole number" in check_value(AGE, True)
    assert "expected a whole number" in check_value(AGE, 40.0)
    assert "expected a whole number" in check_value(AGE, "40")
    assert "outside" in check_value(AGE, 81)


# --- decimals ---------------------------------------------------------------------------


@pytest.mark.parametrize("raw, value", [
    ("72.5", 72.5), ("72,5", 72.5), ("20", 20.0), ("300", 300.0), ("300.0", 300.0),
    (".5", 0.5), ("0,125", 0.125),
])
def test_decimal_parse(raw, value):
    field = RATIO if value < 20 else WEIGHT
    got = parse_value(field, raw)
    assert got == value and type(got) is float


def test_decimal_rejections():
    assert err(WEIGHT, "2000") == "Weight: 2000 is outside the allowed range 20 to 300 kg"
    assert "outside" in err(WEIGHT, "19.9")
    assert "outside" in err(WEIGHT, "300.1")
    for raw in ("nan", "inf", "-inf", "1e3", "72.5kg", "7 2", "1.2.3", "0x10"):
        assert "not a number" in err(RATIO, raw), raw
    assert "ambiguous" in err(RATIO, "1,500")


def test_negative_zero_is_zero():
    got = parse_value(RATIO, "-0")
    assert got == 0.0 and math.copysign(1, got) == 1


def test_check_decimal():
    assert check_value(WEIGHT, 72.5) is None
    assert check_value(WEIGHT, 20.0) is None and check_value(WEIGHT, 300.0) is None
    assert "expected a number" in check_value(WEIGHT, 72)
    assert "not a number that can be stored" in check_value(RATIO, float("nan"))
    assert "not a number that can be stored" in check_value(RATIO, float("inf"))


def test_decimal_display_and_text():
    assert display(WEIGHT, 72.0) == "72.0"
    # never rounded: a value stored with more decimals (an old file, an import) shows in full
    assert display(WEIGHT, 72.46) == "72.46" and display(WEIGHT, 72.4) == "72.4"
    assert display(RATIO, 1e-07) == "0.0000001"


def test_more_decimals_than_the_field_records_is_refused():
    """76.55 in a field of one decimal would print as 76.6 (or "76 -> 76" in the audit
    appendix): the core refuses it, typed or given to the API, and says what to do."""
    message = err(WEIGHT, "72.55")
    assert message.startswith("Weight: 72.55 has more decimals than this field records "
                              "(at most 1 decimal place).")
    assert "Round it" in message
    assert "more decimals" in check_value(WEIGHT, 72.55)
    assert check_value(WEIGHT, 72.5) is None and check_value(WEIGHT, 72.0) is None
    assert parse_value(WEIGHT, "72.50") == 72.5  # a trailing zero is not a decimal more
    assert display(RATIO, 0.1) == "0.1"
    assert to_text(RATIO, 0.1) == "0.1" and from_text(RATIO, "0.1") == 0.1
    assert from_text(RATIO, to_text(RATIO, 1 / 3)) == 1 / 3


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [
    "2014-03-05", "2014-3-5", "05/MAR/2014", "5/mar/2014", "5-Mar-2014", "05 MAR 2014",
])
def test_date_parse(raw):
    assert parse_value(DOB, raw) == "2014-03-05"


def test_date_rejections():
    assert err(DOB, "31/FEB/1960") == (
        "Date of birth: '31/FEB/1960' is not a real date (use DD/MMM/YYYY, e.g. 05/MAR/1960)")
    assert "not a real date" in err(DOB, "2014-02-30")
    assert "not a real date" in err(DOB, "2014-13-01")
    assert "not a date" in err(DOB, "05/03/2014")  # DD/MM or MM/DD? refused, not guessed
    assert "not a date" in err(DOB, "05/MAQ/2014")
    assert "not a date" in err(DOB, "5 March 14")
    assert "full date is needed" in err(DOB, "2014-03")
    assert "full date is needed" in err(DOB, "MAR/2014")
    assert "full date is needed" in err(DOB, "2014")
    assert "not plausible" in err(DOB, "05/MAR/1014")
    assert parse_value(DOB, "01/JAN/1900") == "1900-01-01"
    assert parse_value(DOB, "31/DEC/2100") == "2100-12-31"


def test_partial_dates():
    assert parse_value(ONSET, "2014-03") == "2014-03"
    assert parse_value(ONSET, "mar/2014") == "2014-03"
    assert parse_value(ONSET, "Mar-2014") == "2014-03"
    assert parse_value(ONSET, "2014") == "2014"
    assert parse_value(ONSET, "05/MAR/2014") == "2014-03-05"
    assert "MMM/YYYY or YYYY" in err(ONSET, "spring 2014")
    assert "not a real date" in err(ONSET, "2014-00")


def test_check_date():
    assert check_value(DOB, "2014-03-05") is None
    assert "not stored as YYYY-MM-DD" in check_value(DOB, "2014-03")
    assert "not stored as YYYY-MM-DD" in check_value(DOB, "05/MAR/2014")
    assert "not stored as YYYY-MM-DD" in check_value(DOB, "20140305")
    assert "not a real date" in check_value(DOB, "2014-02-29")
    assert check_value(DOB, "2012-02-29") is None
    assert "expected a date" in check_value(DOB, dt.date(2014, 3, 5))
    assert check_value(ONSET, "2014-03") is None and check_value(ONSET, "2014") is None
    assert "not a real date" in check_value(ONSET, "2014-13")
    assert "not plausible" in check_value(ONSET, "1850")


def test_date_display_and_python():
    assert display(DOB, "2014-03-05") == "05/MAR/2014"
    assert display(ONSET, "2014-03") == "MAR/2014"
    assert display(ONSET, "2014") == "2014"
    assert to_python(DOB, "2014-03-05") == dt.date(2014, 3, 5)
    assert to_python(ONSET, "2014-03") is None and to_python(ONSET, "2014") is None
    with pytest.raises(ValidationError):
        to_python(DOB, "2014-02-30")


def test_display_of_a_date_reads_back():
    for value in ("2014-03-05", "2014-03", "2014"):
        assert parse_value(ONSET, display(ONSET, value)) == value


# --- date-times and times ---------------------------------------------------------------


@pytest.mark.parametrize("raw", [
    "2014-03-05 14:30", "2014-03-05T14:30", "2014-03-05t14:30", "05/MAR/2014 14:30",
    "5-mar-2014  14:30",
])
def test_datetime_parse(raw):
    assert parse_value(INF, raw) == "2014-03-05T14:30"


def test_datetime_rejections_and_rest():
    assert "enter the time too" in err(INF, "2014-03-05")
    assert "not a date and time" in err(INF, "yesterday")
    assert "not a real time" in err(INF, "2014-03-05 24:00")
    assert "not a real date" in err(INF, "2014-02-30 10:00")
    assert "full date is needed" in err(INF, "MAR/2014 10:00")
    assert "not a date and time" in err(INF, "2014-03-05 14:30:00")
    assert check_value(INF, "2014-03-05T14:30") is None
    assert "YYYY-MM-DDTHH:MM" in check_value(INF, "2014-03-05 14:30")
    assert "not a real time" in check_value(INF, "2014-03-05T14:60")
    assert display(INF, "2014-03-05T09:05") == "05/MAR/2014 09:05"
    assert to_python(INF, "2014-03-05T14:30") == dt.datetime(2014, 3, 5, 14, 30)


@pytest.mark.parametrize("raw, value", [("14:30", "14:30"), ("9:05", "09:05"),
                                        ("00:00", "00:00"), ("23:59", "23:59")])
def test_time_parse(raw, value):
    assert parse_value(TIME, raw) == value


def test_time_rest():
    assert "not a real time" in err(TIME, "24:00")
    assert "not a real time" in err(TIME, "12:60")
    for raw in ("1430", "2pm", "14.30", "14:3", "14:30:00"):
        assert "not a time" in err(TIME, raw), raw
    assert check_value(TIME, "14:30") is None
    assert "HH:MM" in check_value(TIME, "9:05")
    assert "not a real time" in check_value(TIME, "25:00")
    assert display(TIME, "14:30") == "14:30"
    assert to_python(TIME, "14:30") == dt.time(14, 30)


# --- choices ----------------------------------------------------------------------------


def test_integer_choice():
    assert parse_value(SEXF, "1") == 1 and parse_value(SEXF, " 2 ") == 2
    assert parse_value(SEXF, "female") == 2 and parse_value(SEXF, "MALE") == 1
    assert err(SEXF, "X") == "Sex: 'X' is not one of 1 = Male, 2 = Female"
    assert "not one of" in err(SEXF, "3")
    assert check_value(SEXF, 1) is None
    assert check_value(SEXF, 3) == "Sex: 3 is not one of 1 = Male, 2 = Female"
    assert "expected a code of type int" in check_value(SEXF, "1")
    assert "expected a code of type int" in check_value(SEXF, True)
    assert display(SEXF, 2) == "Female" and display(SEXF, 9) == "9"
    assert to_text(SEXF, 2) == "2" and from_text(SEXF, "2") == 2
    assert to_python(SEXF, 2) == 2


def test_text_choice():
    assert parse_value(YNF, "Y") == "Y" and parse_value(YNF, "n") == "N"
    assert parse_value(YNF, "unknown") == "U"
    assert "'Maybe' is not one of Y = Yes, N = No, U = Unknown" in err(YNF, "Maybe")
    assert check_value(YNF, "Y") is None
    assert "'y' is not one of" in check_value(YNF, "y")
    assert "expected a code of type str" in check_value(YNF, 1)
    assert display(YNF, "N") == "No"
    assert to_text(YNF, "N") == "N" and from_text(YNF, "N") == "N"


def test_long_code_lists_are_shortened_in_messages():
    many = CodeList("m", "integer", tuple(Choice(i, f"Option {i}") for i in range(1, 21)))
    msg = err(Field("m", "Site", FieldType.CHOICE, codelist=many), "99")
    assert "12 = Option 12" in msg and "13 = Option 13" not in msg and "8 more" in msg


# --- audit text -------------------------------------------------------------------------


def test_to_text_refuses_wrong_types():
    with pytest.raises(ValidationError):
        to_text(AGE, "40")
    with pytest.raises(ValidationError):
        to_text(WEIGHT, 72)
    with pytest.raises(ValidationError):
        to_text(DOB, dt.date(2014, 3, 5))
    with pytest.raises(ValidationError):
        from_text(AGE, "4.0")
    with pytest.raises(ValidationError):
        from_text(RATIO, "abc")


@pytest.mark.parametrize("field, value", [
    (NAME, "AB"), (NOTE, "a\n\tb"), (AGE, 40), (WEIGHT, 72.5), (DOB, "2014-03-05"),
    (ONSET, "2014"), (INF, "2014-03-05T14:30"), (TIME, "09:05"), (SEXF, 1), (YNF, "U"),
])
def test_round_trip_each_type(field, value):
    assert check_value(field, value) is None
    text = to_text(field, value)
    assert isinstance(text, str)
    back = from_text(field, text)
    assert back == value and type(back) is type(value)


@given(st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1))
def test_integer_round_trip_property(value):
    assert check_value(COUNT, value) is None
    assert from_text(COUNT, to_text(COUNT, value)) == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_decimal_round_trip_property(value):
    assert check_value(RATIO, value) is None
    back = from_text(RATIO, to_text(RATIO, value))
    assert back == value and math.copysign(1, back) == math.copysign(1, value)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1,
               max_size=2000))
def test_text_round_trip_property(value):
    field = Field("x", "Other", FieldType.TEXT)
    assert check_value(field, value) is None
    assert from_text(field, to_text(field, value)) == value


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_round_trip_property(day):
    value = day.isoformat()
    assert check_value(DOB, value) is None
    assert from_text(DOB, to_text(DOB, value)) == value
    # What the screen shows is also something the user may type back.
    assert parse_value(DOB, display(DOB, value)) == value
    assert to_python(DOB, value) == day
