"""A tiny, safe expression language for edit checks and visibility conditions.

Expressions are a small subset of Python expressions, parsed with :mod:`ast` and walked by
an interpreter here; nothing is ever compiled or handed to ``eval``. Every node type is
allow-listed at parse time, so a definition file cannot reach attributes, subscripts or any
function outside :data:`FUNCTIONS`.

Clinical data is often missing, so evaluation uses three-valued (Kleene) logic: ``None``
means "unknown" and spreads through comparisons, arithmetic and functions, while ``and`` /
``or`` settle as soon as one side decides the answer.
"""
from __future__ import annotations

import ast
import datetime as dt
import functools
import operator
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from alsdesk.errors import ExpressionError

__all__ = ["Expr", "FUNCTIONS", "parse_expr", "undefined_names"]

# Generous for any real check, small enough that parsing and walking stay cheap.
MAX_SOURCE = 4000
MAX_DEPTH = 60

# name -> (fewest arguments, most arguments or None for no limit)
FUNCTIONS: Mapping[str, tuple[int, int | None]] = {
    "present": (1, 1), "blank": (1, 1), "days": (2, 2), "hours": (2, 2), "years": (2, 2),
    "abs": (1, 1), "min": (1, None), "max": (1, None), "len": (1, 1), "lower": (1, 1),
}

_BINOPS: dict[type, str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_CMPOPS: dict[type, str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in",
}
_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
}
_OP_NAMES: dict[type, str] = {
    ast.Pow: "'**'", ast.Mod: "'%'", ast.FloorDiv: "'//'", ast.MatMult: "'@'",
    ast.LShift: "'<<'", ast.RShift: "'>>'", ast.BitOr: "'|'", ast.BitAnd: "'&'",
    ast.BitXor: "'^'", ast.Invert: "'~'",
    ast.Is: "'is' (use blank(x) or present(x))", ast.IsNot: "'is not' (use present(x))",
}
_NODE_NAMES: dict[type, str] = {
    ast.Attribute: "attribute access (a.b)", ast.Subscript: "subscripts (a[i])",
    ast.Slice: "slices (a[i:j])", ast.Lambda: "lambda", ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions", ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions", ast.NamedExpr: "assignment (:=)",
    ast.JoinedStr: "f-strings", ast.FormattedValue: "f-strings", ast.IfExp: "'x if c else y'",
    ast.Dict: "dictionaries", ast.Set: "sets", ast.Starred: "star arguments (*x)",
    ast.Await: "await", ast.Yield: "yield", ast.YieldFrom: "yield",
}


@dataclass(frozen=True)
class Expr:
    """A parsed, checked expression; evaluate it as often as needed."""

    src: str
    names: frozenset[str]  # field ids it reads, function names excluded
    tree: ast.Expression = field(repr=False, compare=False)
    # The tree turned once into nested closures, one per node, that do what walking the
    # tree does (see _walker); evaluating then skips the per-node type dispatch.
    _run: Callable[[Mapping[str, Any]], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_run", _walker(self.tree.body))

    def evaluate(self, env: Mapping[str, Any]) -> Any:
        """Evaluate over ``env`` (field id -> Python value or None); None means unknown."""
        try:
            return self._run(env)
        except _Fail as e:
            raise ExpressionError(f"{e} in check '{self.src}'") from None
        except ZeroDivisionError:
            raise ExpressionError(f"division by zero in check '{self.src}'") from None
        except (TypeError, ValueError, OverflowError) as e:
            # Anything the guards below did not foresee still reaches the user as our error.
            raise ExpressionError(f"{e} in check '{self.src}'") from None


@functools.lru_cache(maxsize=2048)
def parse_expr(src: str) -> Expr:
    """Parse and check ``src``; raise ExpressionError naming anything not allowed."""
    if not isinstance(src, str):
        raise ExpressionError(f"an expression must be text, not {type(src).__name__}")
    text = src.strip()
    if not text:
        raise ExpressionError("the expression is empty")
    if len(text) > MAX_SOURCE:
        raise ExpressionError(
            f"the expression is {len(text)} characters long; at most {MAX_SOURCE} are allowed")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as e:
        where = f"column {e.offset}" if e.offset else "the end"
        if e.lineno and e.lineno > 1:
            where = f"line {e.lineno}, {where}"
        raise ExpressionError(f"syntax error at {where} in check '{src}': {e.msg}") from None
    except (ValueError, RecursionError, MemoryError) as e:
        raise ExpressionError(f"cannot read check '{src}': {e}") from None
    names: set[str] = set()
    _Validator(src, names).visit(tree.body, 1)
    return Expr(src=src, names=frozenset(names), tree=tree)


def undefined_names(expr: Expr, known: Iterable[str]) -> set[str]:
    """The names ``expr`` reads that are not in ``known`` (for the definition loader)."""
    return set(expr.names) - set(known)


class _Validator:
    """Allow-list walk: any node type not handled here is rejected."""

    def __init__(self, src: str, names: set[str]) -> None:
        self.src = src
        self.names = names

    def reject(self, what: str) -> ExpressionError:
        return ExpressionError(f"{what} cannot be used in check '{self.src}'")

    def visit(self, node: ast.AST, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise ExpressionError(f"check '{self.src}' is nested too deeply")
        d = depth + 1
        if isinstance(node, ast.Constant):
            if node.value is not None and type(node.value) not in (bool, int, float, str):
                raise self.reject(f"the literal {node.value!r}")
        elif isinstance(node, ast.Name):
            if node.id in FUNCTIONS:
                raise ExpressionError(
                    f"'{node.id}' is a function; call it as {node.id}(...) in check '{self.src}'")
            self.names.add(node.id)
        elif isinstance(node, (ast.List, ast.Tuple)):
            for elt in node.elts:
                self.visit(elt, d)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.visit(value, d)
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.Not, ast.USub, ast.UAdd)):
                raise self.reject(_OP_NAMES.get(type(node.op), type(node.op).__name__))
            self.visit(node.operand, d)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                raise self.reject(_OP_NAMES.get(type(node.op), type(node.op).__name__))
            self.visit(node.left, d)
            self.visit(node.right, d)
        elif isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators):
                if type(op) not in _CMPOPS:
                    raise self.reject(_OP_NAMES.get(type(op), type(op).__name__))
                if isinstance(right, ast.Constant) and right.value is None:
                    # Comparing with None is always unknown, so it can only be a mistake.
                    raise self.reject("comparing with None (use blank(x) or present(x))")
            if isinstance(node.left, ast.Constant) and node.left.value is None:
                raise self.reject("comparing with None (use blank(x) or present(x))")
            self.visit(node.left, d)
            for right in node.comparators:
                self.visit(right, d)
        elif isinstance(node, ast.Call):
            self.visit_call(node, d)
        else:
            raise self.reject(_NODE_NAMES.get(type(node), type(node).__name__))

    def visit_call(self, node: ast.Call, depth: int) -> None:
        func = node.func
        if not isinstance(func, ast.Name):
            what = _NODE_NAMES.get(type(func), "not a plain function")
            raise self.reject(f"calling '{ast.unparse(func)}' ({what})")
        if func.id not in FUNCTIONS:
            allowed = ", ".join(FUNCTIONS)
            raise ExpressionError(f"'{func.id}' is not an allowed function in check '{self.src}'"
                                  f" (allowed: {allowed})")
        if node.keywords:
            raise self.reject(f"keyword arguments in {func.id}()")
        fewest, most = FUNCTIONS[func.id]
        count = len(node.args)
        if count < fewest or (most is not None and count > most):
            wanted = str(fewest) if fewest == most else f"at least {fewest}"
            plural = "" if fewest == 1 else "s"
            raise ExpressionError(f"{func.id}() takes {wanted} argument{plural}, not {count},"
                                  f" in check '{self.src}'")
        for arg in node.args:
            self.visit(arg, depth)


class _Fail(Exception):
    """An evaluation problem; Expr.evaluate adds the source text."""


def _kind(value: Any) -> str:
    """How a value is named in messages; also decides which values may be compared."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):  # before date: datetime is a subclass of date
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


_ORDERABLE = {"a number", "text", "a date", "a date-time", "a time"}


def _same_kind(a: Any, b: Any, op: str) -> str:
    # Python would quietly answer False to `sex == "1"` when codes are integers; a loud error
    # finds that definition bug on the first test entry instead of never firing.
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        raise _Fail(f"cannot compare {ka} with {kb} using '{op}'")
    return ka


def _compare(op: ast.cmpop, a: Any, b: Any) -> bool | None:
    if a is None or b is None:
        return None
    if isinstance(op, (ast.In, ast.NotIn)):
        found = _contains(b, a)
        if found is None:
            return None
        return found if isinstance(op, ast.In) else not found
    symbol = _CMPOPS[type(op)]
    kind = _same_kind(a, b, symbol)
    if kind not in _ORDERABLE and not isinstance(op, (ast.Eq, ast.NotEq)):
        raise _Fail(f"cannot order {kind} using '{symbol}'")
    return _OPERATORS[type(op)](a, b)


def _contains(container: Any, item: Any) -> bool | None:
    if isinstance(container, str):
        if not isinstance(item, str):
            raise _Fail(f"cannot look for {_kind(item)} in text")
        return item in container
    if not isinstance(container, (list, tuple)):
        raise _Fail(f"'in' needs a list or text on its right, not {_kind(container)}")
    unknown = False
    for element in container:
        if element is None:
            unknown = True
            continue
        _same_kind(item, element, "in")
        if item == element:
            return True
    # Not found among the known elements; a missing one might still have matched.
    return None if unknown else False


def _truth(value: Any, op: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise _Fail(f"'{op}' needs true or false, not {_kind(value)}")


def _number(value: Any, op: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = " (use days(a, b), hours(a, b) or years(a, b) for dates)" if isinstance(
            value, (dt.date, dt.time)) else ""
        raise _Fail(f"'{op}' needs numbers, not {_kind(value)}{hint}")
    return value


def _arith(op: ast.operator, a: Any, b: Any) -> Any:
    symbol = _BINOPS[type(op)]
    if a is None or b is None:
        return None
    a, b = _number(a, symbol), _number(b, symbol)
    if isinstance(op, ast.Div) and b == 0:
        raise _Fail("division by zero")
    return _OPERATORS[type(op)](a, b)


def _walker(node: ast.AST) -> Callable[[Mapping[str, Any]], Any]:
    """A function of the environment that evaluates ``node`` (a validated tree).

    Built once per expression; each node's function calls its children's in the order the
    language defines, with the same three-valued rules and messages throughout.
    """
    if isinstance(node, ast.Constant):
        constant = node.value
        return lambda env: constant
    if isinstance(node, ast.Name):
        name = node.id

        def lookup(env: Mapping[str, Any]) -> Any:
            try:
                return env[name]
            except KeyError:
                raise _Fail(f"unknown name '{name}'") from None
        return lookup
    if isinstance(node, ast.BoolOp):
        is_and = isinstance(node.op, ast.And)
        op = "and" if is_and else "or"
        parts = [_walker(sub) for sub in node.values]

        def boolop(env: Mapping[str, Any]) -> Any:
            unknown = False
            for part in parts:
                value = _truth(part(env), op)
                if value is None:
                    unknown = True
                elif value is not is_and:  # False settles 'and', True settles 'or'
                    return value
            return None if unknown else is_and
        return boolop
    if isinstance(node, ast.UnaryOp):
        operand = _walker(node.operand)
        if isinstance(node.op, ast.Not):
            def negation(env: Mapping[str, Any]) -> Any:
                value = _truth(operand(env), "not")
                return None if value is None else not value
            return negation
        minus = isinstance(node.op, ast.USub)

        def sign(env: Mapping[str, Any]) -> Any:
            value = operand(env)
            if value is None:
                return None
            value = _number(value, "-")
            return -value if minus else value
        return sign
    if isinstance(node, ast.BinOp):
        arith_op, left, right = node.op, _walker(node.left), _walker(node.right)
        return lambda env: _arith(arith_op, left(env), right(env))
    if isinstance(node, ast.Compare):
        first = _walker(node.left)
        steps = [(op, _walker(sub)) for op, sub in zip(node.ops, node.comparators)]

        def compare(env: Mapping[str, Any]) -> Any:
            left = first(env)
            unknown = False
            for op, sub in steps:
                right = sub(env)
                result = _compare(op, left, right)
                if result is False:
                    return False
                unknown = unknown or result is None
                left = right
            return None if unknown else True
        return compare
    if isinstance(node, (ast.List, ast.Tuple)):
        elements = [_walker(elt) for elt in node.elts]
        return lambda env: [element(env) for element in elements]
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)  # guaranteed by _Validator
        func, args = node.func.id, [_walker(arg) for arg in node.args]
        return lambda env: _call(func, [arg(env) for arg in args])
    kind = type(node).__name__

    def unreachable(env: Mapping[str, Any]) -> Any:  # after validation
        raise _Fail(f"cannot evaluate {kind}")
    return unreachable


def _call(name: str, args: list[Any]) -> Any:
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
                raise _Fail(f"{name}() of one value needs a list, not {_kind(args[0])}")
            items = list(args[0])
        if not items:
            raise _Fail(f"{name}() of an empty list")
        if any(i is None for i in items):
            return None
        kind = _kind(items[0])
        for other in items[1:]:
            _same_kind(items[0], other, name)
        if kind not in _ORDERABLE:
            raise _Fail(f"{name}() cannot order {kind}")
        return min(items) if name == "min" else max(items)
    return _IMPLS[name](*args)


def _as_date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise _Fail(f"{name}() needs dates, not {_kind(value)}")


def _days(a: Any, b: Any) -> int:
    return (_as_date(b, "days") - _as_date(a, "days")).days


def _hours(a: Any, b: Any) -> float:
    if not isinstance(a, dt.datetime) or not isinstance(b, dt.datetime):
        bad = b if isinstance(a, dt.datetime) else a
        raise _Fail(f"hours() needs date-times, not {_kind(bad)}")
    return (b - a).total_seconds() / 3600.0


def _years(a: Any, b: Any) -> int:
    start, end = _as_date(a, "years"), _as_date(b, "years")
    # Completed years: the anniversary counts only once its month and day are reached.
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _need(value: Any, types: tuple[type, ...], name: str, wanted: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, types):
        raise _Fail(f"{name}() needs {wanted}, not {_kind(value)}")
    return value


_IMPLS: dict[str, Callable[..., Any]] = {
    "days": _days, "hours": _hours, "years": _years,
    "abs": lambda x: abs(_need(x, (int, float), "abs", "a number")),
    "len": lambda x: len(_need(x, (str, list, tuple), "len", "text or a list")),
    "lower": lambda x: _need(x, (str,), "lower", "text").lower(),
}
