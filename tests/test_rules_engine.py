"""The check engine over one form: value, missing-code, required, visibility and edit checks."""
from __future__ import annotations

import dataclasses

import pytest

from alsdesk.rules.engine import Finding, evaluate, field_findings, visibility
from alsdesk.study.model import Check, Choice, CodeList, Field, FieldType, Form, Severity

HARD, SOFT = Severity.HARD, Severity.SOFT
SEX = CodeList("sex", "integer", (Choice(1, "Male"), Choice(2, "Female")))
NY = CodeList("ny", "integer", (Choice(0, "No"), Choice(1, "Yes")))


def make_form(*checks: Check) -> Form:
    return Form("demo", "Demographics", (
        Field("dob", "Date of birth", FieldType.DATE, required=True, missing=("UNK",)),
        Field("visit", "Visit date", FieldType.DATE, required=True),
        Field("sex", "Sex", FieldType.CHOICE, codelist=SEX, required=True),
        Field("childb", "Child-bearing potential", FieldType.CHOICE, codelist=NY,
              required=True, visible="sex == 2"),
        Field("preg", "Pregnancy test done", FieldType.CHOICE, codelist=NY, required=True,
              visible="childb == 1", missing=("ND",)),
        Field("weight", "Weight", FieldType.DECIMAL, min=20, max=300, unit="kg",
              missing=("ND", "UNK")),
        Field("height", "Height", FieldType.INTEGER, min=100, max=230, unit="cm"),
    ), checks)


FORM = make_form()
CLEAN = {"dob": "1960-03-05", "visit": "2014-03-05", "sex": 1}


def ids(findings: list[Finding]) -> list[str]:
    return [f.check_id for f in findings]


def test_finding_is_frozen():
    f = Finding("x", HARD, "m", ("a",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.message = "n"  # type: ignore[misc]


def test_clean_form_has_no_findings():
    assert evaluate(FORM, CLEAN) == []
    assert evaluate(FORM, CLEAN, {}) == []


# --- visibility -------------------------------------------------------------------------


def test_visibility_plain_and_false_and_unknown():
    vis = visibility(FORM, {"sex": 2})
    assert vis["dob"] and vis["childb"] and not vis["preg"]
    assert not visibility(FORM, {"sex": 1})["childb"]
    assert not visibility(FORM, {})["childb"]  # unknown condition: hidden


def test_chained_visibility():
    # preg's own condition is true, but childb (which it reads) is hidden for men.
    vis = visibility(FORM, {"sex": 1, "childb": 1})
    assert not vis["childb"] and not vis["preg"]
    vis = visibility(FORM, {"sex": 2, "childb": 1})
    assert vis["childb"] and vis["preg"]


def test_chain_in_any_field_order():
    fields = tuple(reversed(FORM.fields))
    form = dataclasses.replace(FORM, fields=fields)
    vis = visibility(form, {"sex": 1, "childb": 1})
    assert not vis["preg"]


def test_visibility_cycle_terminates():
    form = Form("f", "F", (
        Field("a", "A", FieldType.INTEGER, visible="b == 1"),
        Field("b", "B", FieldType.INTEGER, visible="a == 1"),
    ))
    assert visibility(form, {"a": 1, "b": 1}) == {"a": True, "b": True}
    # b's own condition fails, and a reads b, so both are off; the loop still ends.
    assert visibility(form, {"a": 2, "b": 1}) == {"a": False, "b": False}


def test_visibility_missing_code_counts_as_none():
    assert not visibility(FORM, {"sex": 2, "childb": 1}, {"childb": "ND"})["preg"]


def test_visibility_uses_python_dates():
    form = Form("f", "F", (
        Field("onset", "Onset", FieldType.DATE, partial=True),
        Field("visit", "Visit", FieldType.DATE),
        Field("why", "Reason for late visit", FieldType.TEXT, visible="days(onset, visit) > 30"),
    ))
    assert visibility(form, {"onset": "2014-01-01", "visit": "2014-03-05"})["why"]
    assert not visibility(form, {"onset": "2014-03-01", "visit": "2014-03-05"})["why"]
    assert not visibility(form, {"onset": "2014-01", "visit": "2014-03-05"})["why"]  # partial


def test_visibility_context_from_other_forms():
    form = Form("lab", "Lab", (Field("hcg", "hCG", FieldType.DECIMAL, visible="sex == 2"),))
    assert visibility(form, {"sex": 2})["hcg"]
    assert not visibility(form, {"sex": 1})["hcg"]


# --- field findings ---------------------------------------------------------------------


def test_required_messages():
    found = evaluate(FORM, {"sex": 1})
    assert ids(found) == ["required:dob", "required:visit"]
    assert found[0] == Finding("required:dob", HARD,
                               "Date of birth is required: enter a value or a missing-data code"
                               " (UNK)", ("dob",))
    assert found[1].message == "Visit date is required: enter a value"


def test_missing_code_satisfies_required():
    assert evaluate(FORM, {**CLEAN, "dob": None}, {"dob": "UNK"}) == []


def test_missing_code_not_allowed():
    found = evaluate(FORM, {**CLEAN, "dob": None}, {"dob": "ND"})
    assert ids(found) == ["value:dob"]
    assert "'ND' is not an allowed missing-data code (allowed here: UNK)" in found[0].message
    found = evaluate(FORM, {**CLEAN, "visit": None}, {"visit": "UNK"})
    assert "none is allowed here, so enter a value" in found[0].message


def test_value_and_missing_code_together():
    found = evaluate(FORM, CLEAN, {"dob": "UNK"})
    assert ids(found) == ["value:dob"]
    assert "both a value and a missing-data code (UNK)" in found[0].message


def test_empty_missing_code_is_no_code():
    assert evaluate(FORM, CLEAN, {"weight": ""}) == []


def test_bad_values_are_hard():
    found = evaluate(FORM, {**CLEAN, "weight": 2000.0, "sex": 3, "height": "tall"})
    assert ids(found) == ["value:sex", "value:weight", "value:height"]
    assert all(f.severity is HARD for f in found)
    assert found[1].message == "Weight: 2000 is outside the allowed range 20 to 300 kg"


@pytest.mark.parametrize("weight, ok", [(20.0, True), (300.0, True), (19.9, False), (300.1, False)])
def test_range_boundaries(weight, ok):
    assert (evaluate(FORM, {**CLEAN, "weight": weight}) == []) is ok


def test_hidden_field_with_value():
    found = evaluate(FORM, {**CLEAN, "childb": 0})
    assert ids(found) == ["hidden:childb"]
    assert found[0].message == (
        "Child-bearing potential does not apply (it applies only if “Sex” is Female) — clear it")
    assert found[0].severity is HARD


def test_hidden_field_with_missing_code():
    found = evaluate(FORM, CLEAN, {"preg": "ND"})
    assert ids(found) == ["hidden:preg"]


def test_hidden_by_chain_says_why():
    found = evaluate(FORM, {**CLEAN, "childb": 1, "preg": 1})
    assert ids(found) == ["hidden:childb", "hidden:preg"]
    assert "it depends on Child-bearing potential, which does not apply" in found[1].message


def test_required_only_when_visible():
    values = {**CLEAN, "sex": 2}
    assert ids(evaluate(FORM, values)) == ["required:childb"]
    values["childb"] = 1
    found = evaluate(FORM, values)
    assert ids(found) == ["required:preg"]
    assert found[0].message.endswith("(ND)")
    values["childb"] = 0
    assert evaluate(FORM, values) == []


def test_broken_visibility_shows_the_field_and_reports():
    form = Form("f", "F", (
        Field("d", "Date", FieldType.DATE),
        Field("x", "Extra", FieldType.INTEGER, required=True, visible="d > 3"),
    ))
    assert visibility(form, {"d": "2014-03-05"})["x"]
    found = evaluate(form, {"d": "2014-03-05"})
    assert ids(found) == ["visible:x", "required:x"]
    assert "cannot compare a date with a number" in found[0].message


# --- edit checks ------------------------------------------------------------------------

AGE = Check("age", "years(dob, visit) >= 18", "The subject must be 18 or older at the visit",
            HARD, ("dob", "visit"))
BMI = Check("bmi", "blank(height) or weight / ((height / 100) * (height / 100)) < 40",
            "BMI over 40: please confirm weight and height", SOFT, ())


def test_check_pass_fail_unknown():
    form = make_form(AGE)
    assert evaluate(form, CLEAN) == []
    found = evaluate(form, {**CLEAN, "dob": "1996-03-06"})
    assert found == [Finding("age", HARD, AGE.message, ("dob", "visit"))]
    assert evaluate(form, {**CLEAN, "dob": "1996-03-05"}) == []  # 18th birthday exactly
    # Unknown passes: the missing date is reported as required, not as a failed check.
    assert ids(evaluate(form, {**CLEAN, "dob": None})) == ["required:dob"]


def test_soft_check_and_default_fields():
    form = make_form(BMI)
    found = evaluate(form, {**CLEAN, "weight": 150.0, "height": 160})
    assert found == [Finding("bmi", SOFT, BMI.message, ("weight", "height"))]
    assert evaluate(form, {**CLEAN, "weight": 70.0, "height": 175}) == []


def test_missing_code_is_none_in_checks():
    form = make_form(Check("w", "weight > 50", "Low weight", SOFT, ("weight",)))
    assert evaluate(form, CLEAN, {"weight": "ND"}) == []
    assert ids(evaluate(form, {**CLEAN, "weight": 40.0})) == ["w"]


def test_hidden_and_invalid_values_are_none_in_checks():
    form = make_form(Check("c", "childb != 0", "No child-bearing potential", SOFT, ("childb",)))
    found = evaluate(form, {**CLEAN, "childb": 0})  # hidden: the check does not see it
    assert ids(found) == ["hidden:childb"]
    form = make_form(Check("w", "weight < 250", "Heavy", SOFT, ("weight",)))
    assert ids(evaluate(form, {**CLEAN, "weight": 2000.0})) == ["value:weight"]


def test_check_that_cannot_be_evaluated_is_hard():
    bad = Check("bad", "dob > 3", "never shown", SOFT, ("dob",))
    found = evaluate(make_form(bad), CLEAN)
    assert len(found) == 1 and found[0].check_id == "bad" and found[0].severity is HARD
    assert found[0].message.startswith("Check bad could not be evaluated:")
    assert "cannot compare a date with a number" in found[0].message
    broken = Check("broken", "dob >", "never shown", SOFT, ())
    found = evaluate(make_form(broken), CLEAN)
    assert found[0].severity is HARD and "syntax error" in found[0].message
    number = Check("num", "weight + 1", "never shown", SOFT, ())
    found = evaluate(make_form(number), {**CLEAN, "weight": 70.0})
    assert found[0].severity is HARD and "not true or false" in found[0].message
    assert found[0].fields == ("weight",)


def test_order_is_fields_then_checks():
    form = make_form(AGE, BMI)
    values = {"dob": "2010-01-01", "visit": "2014-03-05", "sex": 3, "weight": 150.0,
              "height": 160, "childb": 1}
    # sex is invalid, so unknown, so childb is hidden; the checks come after every field.
    assert ids(evaluate(form, values, {"dob": "UNK"})) == [
        "value:dob", "value:sex", "hidden:childb", "bmi"]
    assert ids(evaluate(form, values)) == ["value:sex", "hidden:childb", "age", "bmi"]


def test_field_findings():
    form = make_form(AGE, BMI)
    values = {"dob": "2010-01-01", "visit": "2014-03-05", "weight": 150.0, "height": 160}
    assert ids(field_findings(form, values, None, "dob")) == ["age"]
    assert ids(field_findings(form, values, {}, "sex")) == ["required:sex"]
    assert ids(field_findings(form, values, None, "height")) == ["bmi"]
    assert field_findings(form, {**CLEAN, "dob": "1960-01-01"}, None, "dob") == []
    with pytest.raises(KeyError):
        field_findings(form, values, None, "nosuch")


def test_checked_values_are_not_validated_again_but_findings_are_the_same():
    # The store passes the fields it has just validated; the findings must not change.
    checks = (Check("wt", "weight > 40", "Weight seems low", SOFT, ()),
              Check("age", "days(dob, visit) > 0", "Visit before birth", HARD, ()))
    form = make_form(*checks)
    cases = [
        CLEAN,
        {**CLEAN, "sex": 2, "childb": 1},
        {**CLEAN, "weight": 30.0, "height": 180},
        {**CLEAN, "sex": 1, "childb": 1, "preg": 0},  # hidden fields hold values
        {"dob": "1960-03-05"},
        {},
    ]
    for values in cases:
        plain = evaluate(form, values, {"preg": "ND"})
        assert evaluate(form, values, {"preg": "ND"}, checked=values.keys()) == plain
        assert evaluate(form, values) == evaluate(form, values, checked=values.keys())


def test_findings_follow_a_changed_definition():
    # Parsed conditions and checks are kept per form object: a new form gets its own.
    first = make_form(Check("wt", "weight > 40", "low", SOFT, ()))
    second = dataclasses.replace(first, checks=(Check("wt", "weight > 80", "low", SOFT, ()),))
    values = {**CLEAN, "weight": 60.0}
    assert ids(evaluate(first, values)) == []
    assert ids(evaluate(second, values)) == ["wt"]
    assert ids(evaluate(first, values)) == []
