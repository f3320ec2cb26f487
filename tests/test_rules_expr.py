"""The expression language: syntax allow-list, three-valued logic, functions, errors."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from alsdesk.errors import ExpressionError
from alsdesk.rules import expr as expr_module
from alsdesk.rules.expr import Expr, parse_expr, undefined_names

T, F, U = True, False, None


def ev(src: str, **env):
    return parse_expr(src).evaluate(env)


# --- parsing -----------------------------------------------------------------------------


def test_parse_gives_frozen_expr_with_names_but_not_functions():
    e = parse_expr("present(weight) and days(onset, visit) > 0 and sex in [1, 2]")
    assert isinstance(e, Expr)
    assert e.src == "present(weight) and days(onset, visit) > 0 and sex in [1, 2]"
    assert e.names == frozenset({"weight", "onset", "visit", "sex"})
    with pytest.raises(AttributeError):
        e.src = "x"  # type: ignore[misc]


def test_parse_is_cached():
    assert parse_expr("a + 1 > 2") is parse_expr("a + 1 > 2")


def test_undefined_names():
    e = parse_expr("a > b and present(c)")
    assert undefined_names(e, ["a", "c", "z"]) == {"b"}
    assert undefined_names(e, {"a", "b", "c"}) == set()


def test_literals_and_leading_whitespace():
    assert ev("  1 + 2.5 ") == 3.5
    assert ev("'a' == \"a\"") is True
    assert ev("[1, 2] == (1, 2)") is True  # tuples and lists are both lists here
    assert ev("True") is True and ev("None") is None


@pytest.mark.parametrize("src, fragment", [
    ("x > 1 and __import__('os')", "'__import__' is not an allowed function"),
    ("eval('1')", "'eval' is not an allowed function"),
    ("open('f')", "'open' is not an allowed function"),
    ("x.__class__", "attribute access"),
    ("x.__class__.__bases__[0]", "cannot be used"),
    ("().__class__.__base__.__subclasses__()", "calling"),
    ("x[0]", "subscripts"),
    ("x[1:2]", "subscripts"),
    ("(lambda: 1)()", "calling"),
    ("lambda: 1", "lambda"),
    ("[a for a in b]", "comprehensions"),
    ("{a for a in b}", "comprehensions"),
    ("{a: 1 for a in b}", "comprehensions"),
    ("any(a for a in b)", "'any' is not an allowed function"),
    ("min(a for a in b)", "comprehensions"),
    ("min(a, b, key=c)", "keyword arguments"),
    ("min(*a)", "star arguments"),
    ("2 ** 3", "'**'"),
    ("7 % 2", "'%'"),
    ("7 // 2", "'//'"),
    ("a | b", "'|'"),
    ("~a", "'~'"),
    ("(y := 1)", "assignment"),
    ("f'{x}'", "f-strings"),
    ("a if b else c", "'x if c else y'"),
    ("{'a': 1}", "dictionaries"),
    ("{1, 2}", "sets"),
    ("x is None", "'is'"),
    ("x is not None", "'is not'"),
    ("x == None", "comparing with None"),
    ("None != x", "comparing with None"),
    ("b'bytes'", "literal"),
    ("1j", "literal"),
    ("...", "literal"),
    ("present", "is a function"),
    ("days(a)", "days() takes 2 arguments, not 1"),
    ("present(a, b)", "present() takes 1 argument, not 2"),
    ("max()", "max() takes at least 1 argument, not 0"),
])
def test_rejected_at_parse_time(src, fragment):
    with pytest.raises(ExpressionError) as info:
        parse_expr(src)
    assert fragment in str(info.value)
    assert src in str(info.value)


def test_message_for_forbidden_function_matches_the_design():
    with pytest.raises(ExpressionError) as info:
        parse_expr("x > 1 and __import__(...)")
    assert str(info.value).startswith(
        "'__import__' is not an allowed function in check 'x > 1 and __import__(...)'")


@pytest.mark.parametrize("src", ["x >", "(a + b", "a b", "a = 1", "import os", "x; y", "1 +* 2"])
def test_syntax_errors_name_position(src):
    with pytest.raises(ExpressionError) as info:
        parse_expr(src)
    assert "syntax error at" in str(info.value)
    assert src in str(info.value)


def test_syntax_error_column():
    with pytest.raises(ExpressionError, match="column 5"):
        parse_expr("a > ) b")


@pytest.mark.parametrize("src", ["", "   ", "a" * 5000])
def test_empty_or_huge_sources_rejected(src):
    with pytest.raises(ExpressionError):
        parse_expr(src)


def test_deep_nesting_rejected():
    with pytest.raises(ExpressionError):
        parse_expr("abs(" * 80 + "1" + ")" * 80)
    assert parse_expr("(" * 150 + "1" + ")" * 150).evaluate({}) == 1  # parentheses add no depth
    with pytest.raises(ExpressionError):
        parse_expr(" + ".join(["a"] * 500))


def test_null_byte_rejected():
    with pytest.raises(ExpressionError):
        parse_expr("a > 1\x00")


def test_interpreter_never_compiles_or_evals():
    source = Path(expr_module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])(eval|exec|compile)\(", source)
    assert "__builtins__" not in source


def test_env_is_the_only_namespace():
    # Builtins and module globals are not reachable as names.
    for name in ("open", "__builtins__", "os", "ExpressionError"):
        with pytest.raises(ExpressionError, match="unknown name"):
            parse_expr(f"present({name})").evaluate({})


def test_non_string_source():
    with pytest.raises(ExpressionError):
        parse_expr(42)  # type: ignore[arg-type]


# --- three-valued logic ------------------------------------------------------------------

AND_TABLE = [
    (T, T, T), (T, F, F), (T, U, U),
    (F, T, F), (F, F, F), (F, U, F),
    (U, T, U), (U, F, F), (U, U, U),
]
OR_TABLE = [
    (T, T, T), (T, F, T), (T, U, T),
    (F, T, T), (F, F, F), (F, U, U),
    (U, T, T), (U, F, U), (U, U, U),
]


@pytest.mark.parametrize("a, b, expected", AND_TABLE)
def test_and_table(a, b, expected):
    assert ev("a and b", a=a, b=b) is expected


@pytest.mark.parametrize("a, b, expected", OR_TABLE)
def test_or_table(a, b, expected):
    assert ev("a or b", a=a, b=b) is expected


@pytest.mark.parametrize("a, expected", [(T, F), (F, T), (U, U)])
def test_not_table(a, expected):
    assert ev("not a", a=a) is expected


def test_and_or_settle_without_evaluating_the_rest():
    # The right side would be a type error; a decided left side never reaches it.
    assert ev("present(d) and d > 3", d=None) is False
    assert ev("blank(d) or d > 3", d=None) is True
    assert ev("a and b and c", a=None, b=False, c=None) is False


@pytest.mark.parametrize("src", [
    "x == 1", "x != 1", "x < 1", "x <= 1", "x > 1", "x >= 1", "1 < x", "x in [1, 2]",
    "x not in [1, 2]", "x + 1", "x - 1", "x * 2", "x / 2", "-x", "abs(x)", "min(x, 1)",
    "max(1, x)", "len(x)", "lower(x)", "days(x, x)", "hours(x, x)", "years(x, x)",
    "x == x", "1 < x < 3", "'a' in x",
])
def test_none_spreads(src):
    assert ev(src, x=None) is None


def test_present_and_blank():
    assert ev("present(x)", x=0) is True and ev("present(x)", x=None) is False
    assert ev("blank(x)", x=None) is True and ev("blank(x)", x="") is False


def test_chained_comparisons():
    assert ev("1 <= x <= 5", x=5) is True
    assert ev("1 <= x <= 5", x=6) is False
    assert ev("a < b < c", a=1, b=2, c=None) is None
    assert ev("a < b < c", a=3, b=2, c=None) is False  # a false link decides it


def test_in_with_unknown_elements():
    assert ev("x in [1, y]", x=1, y=None) is True
    assert ev("x in [2, y]", x=1, y=None) is None
    assert ev("x not in [2, y]", x=1, y=None) is None
    assert ev("x not in [2, 3]", x=1) is True
    assert ev("'ab' in s", s="xabx") is True


def test_arithmetic():
    assert ev("a + b * 2 - 1", a=1, b=3) == 6
    assert ev("a / b", a=1, b=4) == 0.25
    assert ev("-a + +a", a=2) == 0
    assert ev("(a + b) * 2", a=1, b=2) == 6


# --- functions ---------------------------------------------------------------------------


def test_days_uses_date_part():
    a, b = dt.date(2014, 3, 5), dt.datetime(2014, 3, 8, 23, 59)
    assert ev("days(a, b)", a=a, b=b) == 3
    assert ev("days(b, a)", a=a, b=b) == -3
    assert ev("days(a, a)", a=a) == 0


def test_hours():
    a, b = dt.datetime(2014, 3, 5, 8, 0), dt.datetime(2014, 3, 6, 9, 30)
    assert ev("hours(a, b)", a=a, b=b) == 25.5
    with pytest.raises(ExpressionError, match="hours\\(\\) needs date-times, not a date"):
        ev("hours(a, b)", a=dt.date(2014, 3, 5), b=b)


@pytest.mark.parametrize("born, on, age", [
    (dt.date(1960, 3, 5), dt.date(2020, 3, 4), 59),
    (dt.date(1960, 3, 5), dt.date(2020, 3, 5), 60),
    (dt.date(1960, 3, 5), dt.date(2020, 12, 31), 60),
    (dt.date(1960, 2, 29), dt.date(2021, 2, 28), 60),
    (dt.date(1960, 2, 29), dt.date(2021, 3, 1), 61),
    (dt.date(1960, 3, 5), dt.datetime(2020, 3, 5, 0, 1), 60),
])
def test_years_is_completed_years(born, on, age):
    assert ev("years(a, b)", a=born, b=on) == age


def test_small_functions():
    assert ev("abs(x)", x=-3) == 3
    assert ev("min(a, b, 7)", a=5, b=9) == 5
    assert ev("max(a, b)", a=5, b=9) == 9
    assert ev("max(xs)", xs=[1, 4, 2]) == 4
    assert ev("min([a, b])", a=1, b=None) is None
    assert ev("len(s)", s="abc") == 3 and ev("len([1, 2])") == 2
    assert ev("lower(s) == 'yes'", s="YeS") is True


# --- evaluation errors -------------------------------------------------------------------


@pytest.mark.parametrize("src, env, fragment", [
    ("d > 3", {"d": dt.date(2014, 1, 1)}, "cannot compare a date with a number"),
    ("sex == '1'", {"sex": 1}, "cannot compare a number with text"),
    ("x in [1, 2]", {"x": "1"}, "cannot compare text with a number"),
    ("a / b", {"a": 1, "b": 0}, "division by zero"),
    ("a - b", {"a": dt.date(2014, 1, 2), "b": dt.date(2014, 1, 1)}, "use days(a, b)"),
    ("s + 1", {"s": "a"}, "'+' needs numbers, not text"),
    ("s * 3", {"s": "a"}, "'*' needs numbers"),
    ("x and y", {"x": 1, "y": True}, "'and' needs true or false"),
    ("not x", {"x": "a"}, "'not' needs true or false"),
    ("-s", {"s": "a"}, "'-' needs numbers"),
    ("x in 3", {"x": 3}, "'in' needs a list or text"),
    ("[1] < [2]", {}, "cannot order a list"),
    ("True < False", {}, "cannot order true/false"),
    ("days(a, b)", {"a": 1, "b": 2}, "days() needs dates, not a number"),
    ("lower(x)", {"x": 3}, "lower() needs text"),
    ("len(x)", {"x": 3}, "len() needs text or a list"),
    ("abs(x)", {"x": "a"}, "abs() needs a number"),
    ("max(x)", {"x": 3}, "needs a list"),
    ("min(a, b)", {"a": 1, "b": "b"}, "cannot compare"),
    ("nosuch > 1", {}, "unknown name 'nosuch'"),
])
def test_evaluation_errors_name_the_expression(src, env, fragment):
    with pytest.raises(ExpressionError) as info:
        parse_expr(src).evaluate(env)
    assert fragment in str(info.value)
    assert f"in check '{src}'" in str(info.value)


def test_dates_compare_with_dates():
    assert ev("a < b", a=dt.date(2014, 1, 1), b=dt.date(2014, 1, 2)) is True
    with pytest.raises(ExpressionError, match="a date with a date-time"):
        ev("a < b", a=dt.date(2014, 1, 1), b=dt.datetime(2014, 1, 2))
