"""The values side of the expression language: comparisons, arithmetic and functions.

Split from :mod:`alsdesk.rules.expr` (which parses and walks the tree): each function here
takes Python values already looked up, applies the three-valued rules (None is unknown) and
raises :class:`Fail` with a message the expression module completes with the check's text.
"""
from __future__ import annotations

import ast
import datetime as dt
import operator
from typing import Any, Callable

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.rules import temporal
from alsdesk.rules.temporal import Partial

__all__ = [
    "BINOPS", "CMPOPS", "Fail", "arith", "call", "compare", "kind_of", "number", "truth",
]

BINOPS: dict[type, str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
CMPOPS: dict[type, str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in",
}
_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
}


class Fail(Exception):
    """An evaluation problem; Expr.evaluate adds the source text."""


def kind_of(value: Any) -> str:
    """How a value is named in messages (in English: a message shows tr() of it); also
    decides which values may be compared."""
    if isinstance(value, bool):
        return QT_TRANSLATE_NOOP("", "true/false")
    if isinstance(value, (int, float)):
        return QT_TRANSLATE_NOOP("", "a number")
    if isinstance(value, str):
        return QT_TRANSLATE_NOOP("", "text")
    if isinstance(value, dt.datetime):  # before date: datetime is a subclass of date
        return QT_TRANSLATE_NOOP("", "a date-time")
    if isinstance(value, (dt.date, Partial)):
        return QT_TRANSLATE_NOOP("", "a date")
    if isinstance(value, dt.time):
        return QT_TRANSLATE_NOOP("", "a time")
    if isinstance(value, (list, tuple)):
        return QT_TRANSLATE_NOOP("", "a list")
    return type(value).__name__


def _kind(value: Any) -> str:
    """kind_of(value) in the language in use, for a message."""
    return tr(kind_of(value))


_ORDERABLE = {"a number", "text", "a date", "a date-time", "a time"}


def _same_kind(a: Any, b: Any, op: str) -> str:
    # Python would quietly answer False to `sex == "1"` when codes are integers; a loud error
    # finds that definition bug on the first test entry instead of never firing.
    ka, kb = kind_of(a), kind_of(b)
    if ka != kb:
        raise Fail(tr("cannot compare {a} with {b} using '{op}'").format(a=tr(ka), b=tr(kb),
                                                                          op=op))
    return ka


def compare(op: ast.cmpop, a: Any, b: Any) -> bool | None:
    """``a <op> b`` in three-valued logic; partial dates answer only when certain."""
    if a is None or b is None:
        return None
    if isinstance(op, (ast.In, ast.NotIn)):
        found = _contains(b, a)
        if found is None:
            return None
        return found if isinstance(op, ast.In) else not found
    symbol = CMPOPS[type(op)]
    kind = _same_kind(a, b, symbol)
    if isinstance(a, Partial) or isinstance(b, Partial):
        if isinstance(op, (ast.Eq, ast.NotEq)):
            equal = temporal.same(a, b)
            return None if equal is None else equal is isinstance(op, ast.Eq)
        return temporal.order(symbol, a, b)
    if kind not in _ORDERABLE and not isinstance(op, (ast.Eq, ast.NotEq)):
        raise Fail(tr("cannot order {kind} using '{op}'").format(kind=tr(kind), op=symbol))
    return _OPERATORS[type(op)](a, b)


def _contains(container: Any, item: Any) -> bool | None:
    if isinstance(container, str):
        if not isinstance(item, str):
            raise Fail(tr("cannot look for {kind} in text").format(kind=_kind(item)))
        return item in container
    if not isinstance(container, (list, tuple)):
        raise Fail(tr("'in' needs a list or text on its right, not {kind}").format(
            kind=_kind(container)))
    unknown = False
    for element in container:
        if element is None:
            unknown = True
            continue
        _same_kind(item, element, "in")
        if isinstance(item, Partial) or isinstance(element, Partial):
            equal = temporal.same(item, element)
            if equal is None:
                unknown = True
            elif equal:
                return True
            continue
        if item == element:
            return True
    # Not found among the known elements; a missing one might still have matched.
    return None if unknown else False


def truth(value: Any, op: str) -> bool | None:
    """``value`` as true/false/unknown for ``and``/``or``/``not``; anything else fails."""
    if value is None or isinstance(value, bool):
        return value
    raise Fail(tr("'{op}' needs true or false, not {kind}").format(op=op, kind=_kind(value)))


def number(value: Any, op: str) -> int | float:
    """``value`` as a number for arithmetic; dates are pointed to days()/hours()."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        said = (tr("'{op}' needs numbers, not {kind} (use days(a, b), hours(a, b) or "
                   "years(a, b) for dates)") if isinstance(value, (dt.date, dt.time)) else
                tr("'{op}' needs numbers, not {kind}"))
        raise Fail(said.format(op=op, kind=_kind(value)))
    return value


def arith(op: ast.operator, a: Any, b: Any) -> Any:
    """``a <op> b`` for numbers; unknown when either is."""
    symbol = BINOPS[type(op)]
    if a is None or b is None:
        return None
    a, b = number(a, symbol), number(b, symbol)
    if isinstance(op, ast.Div) and b == 0:
        raise Fail(tr("division by zero"))
    return _OPERATORS[type(op)](a, b)


def call(name: str, args: list[Any]) -> Any:
    """The function ``name`` of the language applied to evaluated ``args``."""
    if name == "present":
        return args[0] is not None
    if name == "blank":
        return args[0] is None
    if any(a is None for a in args):
        return None
    if name in ("min", "max"):
        items = args
        if len(args) == 1:
            if not isinstance(args[0], (list, tuple)):
                raise Fail(tr("{name}() of one value needs a list, not {kind}").format(
                    name=name, kind=_kind(args[0])))
            items = list(args[0])
        if not items:
            raise Fail(tr("{name}() of an empty list").format(name=name))
        if any(i is None or isinstance(i, Partial) for i in items):
            return None  # the earliest of a partial and a date is not always known
        kind = kind_of(items[0])
        for other in items[1:]:
            _same_kind(items[0], other, name)
        if kind not in _ORDERABLE:
            raise Fail(tr("{name}() cannot order {kind}").format(name=name, kind=tr(kind)))
        return min(items) if name == "min" else max(items)
    try:
        return _IMPLS[name](*args)
    except _Uncertain:
        return None


class _Uncertain(Exception):
    """A partial date where a whole one is needed: the function's answer is unknown."""


def _as_date(value: Any, name: str) -> dt.date:
    if isinstance(value, Partial):
        raise _Uncertain
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise Fail(tr("{name}() needs dates, not {kind}").format(name=name, kind=_kind(value)))


def _days(a: Any, b: Any) -> int:
    return (_as_date(b, "days") - _as_date(a, "days")).days


def _hours(a: Any, b: Any) -> float:
    if not isinstance(a, dt.datetime) or not isinstance(b, dt.datetime):
        bad = b if isinstance(a, dt.datetime) else a
        raise Fail(tr("hours() needs date-times, not {kind}").format(kind=_kind(bad)))
    return (b - a).total_seconds() / 3600.0


def _years(a: Any, b: Any) -> int:
    start, end = _as_date(a, "years"), _as_date(b, "years")
    # Completed years: the anniversary counts only once its month and day are reached.
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _need(value: Any, types: tuple[type, ...], name: str, wanted: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, types):
        raise Fail(tr("{name}() needs {wanted}, not {kind}").format(name=name, wanted=tr(wanted),
                                                                     kind=_kind(value)))
    return value


_IMPLS: dict[str, Callable[..., Any]] = {
    "days": _days, "hours": _hours, "years": _years,
    "abs": lambda x: abs(_need(x, (int, float), "abs", QT_TRANSLATE_NOOP("", "a number"))),
    "len": lambda x: len(_need(x, (str, list, tuple), "len",
                               QT_TRANSLATE_NOOP("", "text or a list"))),
    "lower": lambda x: _need(x, (str,), "lower", QT_TRANSLATE_NOOP("", "text")).lower(),
}
