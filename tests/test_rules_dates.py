"""Dates in the rule language and the engine: today()/now(), partial dates, references to other
forms, the future-date rule and message placeholders, at their edges."""
from __future__ import annotations

import datetime as dt

import pytest

from alsdesk.errors import ExpressionError
from alsdesk.rules.engine import evaluate
from alsdesk.rules.expr import NOW, TODAY, WINDOW, parse_expr
from alsdesk.rules.temporal import Partial
from alsdesk.study.model import Check, Field, FieldType, Form, Severity

NOW_ = dt.datetime(2026, 12, 1, 14, 30)
TODAY_ = NOW_.date()


def ev(src: str, **env):
    return parse_expr(src).evaluate(env)


def p(text: str) -> Partial:
    return Partial.parse(text)


# --- today() and now() --------------------------------------------------------------------


def test_today_and_now_read_the_environment_first():
    assert ev("today()", **{TODAY: dt.date(2014, 3, 5)}) == dt.date(2014, 3, 5)
    assert ev("now()", **{NOW: NOW_}) == NOW_
    assert ev("d <= today()", d=TODAY_, **{TODAY: TODAY_}) is True
    assert ev("d <= today()", d=TODAY_ + dt.timedelta(days=1), **{TODAY: TODAY_}) is False


def test_today_and_now_default_to_the_clock():
    before = dt.datetime.now().replace(second=0, microsecond=0)
    now = ev("now()")
    assert before <= now <= dt.datetime.now()
    assert now.second == 0 and now.microsecond == 0
    assert ev("today()") in (before.date(), dt.date.today())


def test_today_takes_no_arguments():
    with pytest.raises(ExpressionError, match=r"today\(\) takes 0 arguments, not 1"):
        parse_expr("today(x)")


# --- partial dates ------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "op", "b", "result"), [
    (p("2014-03"), "<", dt.date(2014, 5, 2), True),
    (p("2014-03"), "<", dt.date(2014, 3, 20), None),  # may be either side of the 20th
    (p("2014-03"), "<", dt.date(2014, 3, 1), False),
    (p("2014-03"), "<=", dt.date(2014, 3, 31), True),  # the last day of March at the latest
    (p("2014-03"), "<=", dt.date(2014, 3, 30), None),
    (p("2014-03"), "<=", dt.date(2014, 2, 28), False),
    (p("2014"), ">", dt.date(2013, 12, 31), True),
    (p("2014"), ">", dt.date(2014, 6, 1), None),
    (p("2014"), ">=", dt.date(2015, 1, 1), False),
    (p("2014"), "<", p("2015-01"), True),
    (p("2014"), "<=", p("2014-12"), None),
    (dt.date(2014, 3, 5), "<=", p("2014-03"), None),
    (dt.date(2014, 2, 28), "<", p("2014-03"), True),
])
def test_partial_dates_compare_only_when_certain(a, op, b, result):
    assert ev(f"a {op} b", a=a, b=b) is result


def test_partial_date_equality():
    assert ev("a == b", a=p("2014-03"), b=dt.date(2014, 4, 1)) is False
    assert ev("a != b", a=p("2014-03"), b=dt.date(2014, 4, 1)) is True
    assert ev("a == b", a=p("2014-03"), b=dt.date(2014, 3, 5)) is None
    assert ev("a == b", a=p("2014-03"), b=p("2014-03")) is None  # two days of one month
    assert ev("a in [b, c]", a=p("2014"), b=dt.date(2013, 1, 1), c=dt.date(2014, 2, 2)) is None
    assert ev("a in [b]", a=p("2014"), b=dt.date(2013, 1, 1)) is False


def test_functions_of_a_partial_date_are_unknown():
    assert ev("days(a, b)", a=p("2014-03"), b=dt.date(2014, 5, 1)) is None
    assert ev("years(a, b)", a=p("1960"), b=dt.date(2014, 5, 1)) is None
    assert ev("min(a, b)", a=p("2014-03"), b=dt.date(2014, 5, 1)) is None
    assert ev("days(a, b) > 10 or a < b", a=p("2014-03"), b=dt.date(2014, 5, 1)) is True


def test_a_partial_date_is_still_not_a_number():
    with pytest.raises(ExpressionError, match="cannot compare a date with a number"):
        ev("a < 3", a=p("2014"))


# --- references to other forms ------------------------------------------------------------


def test_references_parse_as_dotted_names():
    e = parse_expr("screening.ic.icdat <= aestdat and ic.icdat < today()")
    assert e.names == frozenset({"screening.ic.icdat", "aestdat", "ic.icdat"})


def test_a_reference_not_supplied_is_unknown_not_an_error():
    assert ev("ic.icdat <= d", d=dt.date(2014, 1, 1)) is None
    assert ev("blank(screening.ic.icdat)") is True
    assert ev("screening.ic.icdat <= d", d=dt.date(2014, 1, 1),
              **{"screening.ic.icdat": dt.date(2014, 1, 2)}) is False


@pytest.mark.parametrize(("src", "fragment"), [
    ("a.b.c.d > 1", "attribute access"),
    ("x.__class__", "attribute access"),
    ("ic.Icdat > 1", "attribute access"),
    ("today.x > 1", "a function name cannot start a reference"),
    ("f(x).y", "attribute access"),
])
def test_bad_references_are_refused(src, fragment):
    with pytest.raises(ExpressionError, match=fragment):
        parse_expr(src)


def test_in_window_asks_the_window_it_is_given():
    class Window:
        def contains(self, value):
            return value == dt.date(2014, 3, 5)

    assert ev("in_window(d)", d=dt.date(2014, 3, 5), **{WINDOW: Window()}) is True
    assert ev("in_window(d)", d=dt.date(2014, 3, 6), **{WINDOW: Window()}) is False
    assert ev("in_window(d)", d=dt.date(2014, 3, 6)) is None  # no window known: unknown


# --- the future-date rule -----------------------------------------------------------------

FORM = Form("f", "F", (
    Field("visit", "Visit date", FieldType.DATE),
    Field("onset", "Onset", FieldType.DATE, partial=True),
    Field("seen", "Seen at", FieldType.DATETIME),
    Field("appt", "Next appointment", FieldType.DATE, future=True),
    Field("tim", "Time", FieldType.TIME),
    Field("done", "Done?", FieldType.TEXT),
    Field("why", "Why late", FieldType.DATE, visible="done == 'Y'"),
))


def future(values, missing=None, now=NOW_):
    return [f for f in evaluate(FORM, values, missing, now=now)
            if f.check_id.startswith("future:")]


def test_today_passes_and_tomorrow_is_refused():
    assert future({"visit": "2026-12-01"}) == []
    (found,) = future({"visit": "2026-12-02"})
    assert found.check_id == "future:visit" and found.severity is Severity.HARD
    assert found.fields == ("visit",)
    assert "Visit date: 02/DEC/2026 is in the future" in found.message
    assert "01/DEC/2026" in found.message


def test_partial_dates_are_refused_only_when_wholly_in_the_future():
    assert future({"onset": "2026-12"}) == []  # may be today or earlier
    assert future({"onset": "2026"}) == []
    assert [f.check_id for f in future({"onset": "2027"})] == ["future:onset"]
    assert [f.check_id for f in future({"onset": "2027-01"})] == ["future:onset"]
    assert "Onset: 2027 is in the future" in future({"onset": "2027"})[0].message


def test_date_times_are_judged_to_the_minute():
    assert future({"seen": "2026-12-01T14:30"}) == []
    (found,) = future({"seen": "2026-12-01T14:31"})
    assert "01/DEC/2026 14:31 is in the future (now: 14:30 today)" in found.message
    assert future({"seen": "2026-12-01T14:31"}, now=NOW_.replace(second=59)) != []


def test_blank_missing_hidden_allowed_and_time_fields_never_fire():
    assert future({}) == []
    assert future({}, {"visit": "ND"}) == []
    assert future({"appt": "2030-01-01"}) == []  # future = true in the definition
    assert future({"tim": "23:59"}) == []
    hidden = evaluate(FORM, {"done": "N", "why": "2030-01-01"}, now=NOW_)
    assert [f.check_id for f in hidden] == ["hidden:why"]  # "clear it", not "future"
    assert [f.check_id for f in future({"done": "Y", "why": "2030-01-01"})] == ["future:why"]


def test_today_in_checks_follows_the_now_given():
    form = Form("g", "G", (Field("d", "D", FieldType.DATE, future=True),), checks=(
        Check("soon", "days(today(), d) <= 30", "More than 30 days ahead", Severity.SOFT,
              ("d",)),))
    assert evaluate(form, {"d": "2026-12-31"}, now=NOW_) == []
    assert [f.check_id for f in evaluate(form, {"d": "2027-01-01"}, now=NOW_)] == ["soon"]


# --- checks across forms, placeholders, deviation offers ----------------------------------

AE = Form("ae", "AE", (
    Field("aeterm", "Event", FieldType.TEXT),
    Field("aestdat", "Start", FieldType.DATE, partial=True),
), checks=(Check("after_consent", "screening.ic.icdat <= aestdat",
                 "Started {aestdat}, before consent ({screening.ic.icdat})", Severity.HARD,
                 ("aestdat",)),
           Check("window", "in_window(aestdat)", "Outside {window}", Severity.SOFT,
                 ("aestdat",), deviation="WINDOW")))
CONSENT = {"screening.ic.icdat": dt.date(2026, 3, 10)}


@pytest.mark.parametrize(("start", "fires"), [
    ("2026-03-09", True), ("2026-03-10", False), ("2026-03-11", False),
    ("2026-02", True), ("2026-03", False), ("2026", False), ("2025", True),
])
def test_a_check_reads_another_form_through_the_context(start, fires):
    found = evaluate(AE, {"aestdat": start, **CONSENT}, now=NOW_)
    assert [f.check_id for f in found] == (["after_consent"] if fires else [])


def test_without_the_other_form_the_check_stays_silent():
    assert evaluate(AE, {"aestdat": "2020-01-01"}, now=NOW_) == []
    assert evaluate(AE, {"aestdat": "2020-01-01", "screening.ic.icdat": None}, now=NOW_) == []


def test_messages_quote_the_values_and_findings_carry_the_deviation_offer():
    (found,) = evaluate(AE, {"aestdat": "2026-03-09", **CONSENT}, now=NOW_)
    assert found.message == "Started 09/MAR/2026, before consent (10/MAR/2026)"
    assert found.deviation is None

    class Window:
        def contains(self, value):
            return False

        def describe(self):
            return "day 53 to day 67"

    (found,) = evaluate(AE, {"aestdat": "2026-04-01", **CONSENT, WINDOW: Window()}, now=NOW_)
    assert (found.check_id, found.message, found.deviation) == (
        "window", "Outside day 53 to day 67", "WINDOW")
