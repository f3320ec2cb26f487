"""A tiny, safe expression language for edit checks and visibility conditions.

Expressions are a small subset of Python expressions, parsed with :mod:`ast` and walked by
an interpreter here; nothing is ever compiled or handed to ``eval``. Every node type is
allow-listed at parse time, so a definition file cannot reach attributes, subscripts or any
function outside :data:`FUNCTIONS`.

Clinical data is often missing, so evaluation uses three-valued (Kleene) logic: ``None``
means "unknown" and spreads through comparisons, arithmetic and functions, while ``and`` /
``or`` settle as soon as one side decides the answer. Partial dates compare only where the
answer is certain (see :mod:`alsdesk.rules.temporal`).

Names are field ids of the form, or references to a field of another form of the same subject
written as in the definition's derived inputs: ``ic.icdat`` (form ``ic`` of the same event) or
``screening.ic.icdat`` (a given event). The caller puts their values in the environment under
that dotted text; a reference it did not supply is unknown, never an error, so a check that
reads another form stays silent where that form is not at hand.
"""
from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from alsdesk.errors import ExpressionError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.rules import temporal
from alsdesk.rules.ops import BINOPS, CMPOPS, Fail, arith, call, compare, number, truth

__all__ = ["Expr", "FUNCTIONS", "NOW", "TERMS", "TODAY", "WINDOW", "parse_expr",
           "undefined_names"]

# Environment keys of what is not a field: they cannot clash with a field id or reference.
TODAY = "today()"  # a date; absent: the computer's clock
NOW = "now()"  # a date-time to the minute; absent: the computer's clock
WINDOW = "in_window()"  # an object with contains(value) -> bool | None; absent: unknown
# The study's CTCAE terms (alsdesk.safety.ctcae.Terminology): is_ctcae_term(x) and
# ctcae_has_grade(term, grade); absent or not imported: unknown, which never fires a check.
TERMS = "ctcae()"
_REF_PART = re.compile(r"[a-z][a-z0-9_]*\Z")

# Generous for any real check, small enough that parsing and walking stay cheap.
MAX_SOURCE = 4000
MAX_DEPTH = 60

# name -> (fewest arguments, most arguments or None for no limit)
FUNCTIONS: Mapping[str, tuple[int, int | None]] = {
    "present": (1, 1), "blank": (1, 1), "days": (2, 2), "hours": (2, 2), "years": (2, 2),
    "abs": (1, 1), "min": (1, None), "max": (1, None), "len": (1, 1), "lower": (1, 1),
    "today": (0, 0), "now": (0, 0), "in_window": (1, 1),
    "is_ctcae_term": (1, 1), "ctcae_has_grade": (2, 2),
}

_OP_NAMES: dict[type, str] = {
    ast.Pow: "'**'", ast.Mod: "'%'", ast.FloorDiv: "'//'", ast.MatMult: "'@'",
    ast.LShift: "'<<'", ast.RShift: "'>>'", ast.BitOr: "'|'", ast.BitAnd: "'&'",
    ast.BitXor: "'^'", ast.Invert: "'~'",
    ast.Is: QT_TRANSLATE_NOOP("", "'is' (use blank(x) or present(x))"),
    ast.IsNot: QT_TRANSLATE_NOOP("", "'is not' (use present(x))"),
}
# shown with tr() (the names of Python's own keywords, lambda, await, yield, stay as they are)
_NODE_NAMES: dict[type, str] = {
    ast.Attribute: QT_TRANSLATE_NOOP("", "attribute access (a.b)"),
    ast.Subscript: QT_TRANSLATE_NOOP("", "subscripts (a[i])"),
    ast.Slice: QT_TRANSLATE_NOOP("", "slices (a[i:j])"), ast.Lambda: "lambda",
    ast.ListComp: QT_TRANSLATE_NOOP("", "comprehensions"),
    ast.SetComp: QT_TRANSLATE_NOOP("", "comprehensions"),
    ast.DictComp: QT_TRANSLATE_NOOP("", "comprehensions"),
    ast.GeneratorExp: QT_TRANSLATE_NOOP("", "comprehensions"),
    ast.NamedExpr: QT_TRANSLATE_NOOP("", "assignment (:=)"),
    ast.JoinedStr: QT_TRANSLATE_NOOP("", "f-strings"),
    ast.FormattedValue: QT_TRANSLATE_NOOP("", "f-strings"), ast.IfExp: "'x if c else y'",
    ast.Dict: QT_TRANSLATE_NOOP("", "dictionaries"), ast.Set: QT_TRANSLATE_NOOP("", "sets"),
    ast.Starred: QT_TRANSLATE_NOOP("", "star arguments (*x)"),
    ast.Await: "await", ast.Yield: "yield", ast.YieldFrom: "yield",
}


@dataclass(frozen=True)
class Expr:
    """A parsed, checked expression; evaluate it as often as needed."""

    src: str
    names: frozenset[str]  # field ids and dotted references it reads, functions excluded
    tree: ast.Expression = field(repr=False, compare=False)
    # The tree turned once into nested closures, one per node, that do what walking the
    # tree does (see _walker); evaluating then skips the per-node type dispatch.
    _run: Callable[[Mapping[str, Any]], Any] = field(init=False, repr=False, compare=False)

    # The arguments of its is_ctcae_term() calls, for the spelling a refusal offers (hint).
    _coded: tuple[Callable[[Mapping[str, Any]], Any], ...] = field(init=False, repr=False,
                                                                   compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_run", _walker(self.tree.body))
        object.__setattr__(self, "_coded", tuple(
            _walker(n.args[0]) for n in ast.walk(self.tree) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Name) and n.func.id == "is_ctcae_term"))

    def hint(self, env: Mapping[str, Any]) -> str:
        """What a failed check adds to its message: for a term CTCAE spells otherwise only
        in case or spaces, its spelling. Offered, never put in the field: the nurse picks
        it, and the value changes only by her edit (audited like any other)."""
        terms = env.get(TERMS)
        if terms is None or not self._coded:
            return ""
        out = []
        for arg in self._coded:
            try:
                typed = arg(env)
            except Fail:
                continue  # the check's own message says it
            found = terms.like(typed)
            if found is not None and found.term != typed:
                out.append(f" — did you mean '{found.term}'? (CTCAE's spelling: pick it from "
                           "the list)")
        return "".join(out)

    def evaluate(self, env: Mapping[str, Any]) -> Any:
        """Evaluate over ``env`` (field id -> Python value or None); None means unknown."""
        try:
            return self._run(env)
        except Unchecked as e:
            raise ExpressionError(str(e)) from None
        except Fail as e:
            raise ExpressionError(tr("{problem} in check '{check}'").format(
                problem=e, check=self.src)) from None
        except ZeroDivisionError:
            raise ExpressionError(tr("division by zero in check '{check}'").format(
                check=self.src)) from None
        except (TypeError, ValueError, OverflowError) as e:
            # Anything the guards below did not foresee still reaches the user as our error.
            raise ExpressionError(tr("{problem} in check '{check}'").format(
                problem=e, check=self.src)) from None


@functools.lru_cache(maxsize=2048)
def parse_expr(src: str) -> Expr:
    """Parse and check ``src``; raise ExpressionError naming anything not allowed."""
    if not isinstance(src, str):
        raise ExpressionError(tr("an expression must be text, not {type}").format(
            type=type(src).__name__))
    text = src.strip()
    if not text:
        raise ExpressionError(tr("the expression is empty"))
    if len(text) > MAX_SOURCE:
        raise ExpressionError(
            tr("the expression is {n} characters long; at most {limit} are allowed").format(
                n=len(text), limit=MAX_SOURCE))
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as e:
        where = tr("column {n}").format(n=e.offset) if e.offset else tr("the end")
        if e.lineno and e.lineno > 1:
            where = tr("line {line}, {where}").format(line=e.lineno, where=where)
        raise ExpressionError(tr("syntax error at {where} in check '{check}': {problem}").format(
            where=where, check=src, problem=e.msg)) from None
    except (ValueError, RecursionError, MemoryError) as e:
        raise ExpressionError(tr("cannot read check '{check}': {problem}").format(
            check=src, problem=e)) from None
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
        return ExpressionError(tr("{what} cannot be used in check '{check}'").format(
            what=what, check=self.src))

    def visit(self, node: ast.AST, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise ExpressionError(tr("check '{check}' is nested too deeply").format(
                check=self.src))
        d = depth + 1
        if isinstance(node, ast.Constant):
            if node.value is not None and type(node.value) not in (bool, int, float, str):
                raise self.reject(tr("the literal {value}").format(value=repr(node.value)))
        elif isinstance(node, ast.Name):
            if node.id in FUNCTIONS:
                raise ExpressionError(
                    tr("'{name}' is a function; call it as {name}(...) in check '{check}'")
                    .format(name=node.id, check=self.src))
            self.names.add(node.id)
        elif isinstance(node, ast.Attribute):
            self.names.add(self.reference(node))
        elif isinstance(node, (ast.List, ast.Tuple)):
            for elt in node.elts:
                self.visit(elt, d)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.visit(value, d)
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.Not, ast.USub, ast.UAdd)):
                raise self.reject(tr(_OP_NAMES.get(type(node.op), type(node.op).__name__)))
            self.visit(node.operand, d)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in BINOPS:
                raise self.reject(tr(_OP_NAMES.get(type(node.op), type(node.op).__name__)))
            self.visit(node.left, d)
            self.visit(node.right, d)
        elif isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators):
                if type(op) not in CMPOPS:
                    raise self.reject(tr(_OP_NAMES.get(type(op), type(op).__name__)))
                if isinstance(right, ast.Constant) and right.value is None:
                    # Comparing with None is always unknown, so it can only be a mistake.
                    raise self.reject(tr("comparing with None (use blank(x) or present(x))"))
            if isinstance(node.left, ast.Constant) and node.left.value is None:
                raise self.reject(tr("comparing with None (use blank(x) or present(x))"))
            self.visit(node.left, d)
            for right in node.comparators:
                self.visit(right, d)
        elif isinstance(node, ast.Call):
            self.visit_call(node, d)
        else:
            raise self.reject(tr(_NODE_NAMES.get(type(node), type(node).__name__)))

    def reference(self, node: ast.Attribute) -> str:
        """``form.field`` or ``event.form.field`` as one dotted name; anything else refused."""
        parts: list[str] = []
        sub: ast.AST = node
        while isinstance(sub, ast.Attribute):
            parts.append(sub.attr)
            sub = sub.value
        if isinstance(sub, ast.Name):
            parts.append(sub.id)
        dotted = ".".join(reversed(parts))
        if (not isinstance(sub, ast.Name) or len(parts) > 3
                or not all(_REF_PART.match(p) and "__" not in p for p in parts)):
            raise ExpressionError(
                tr("attribute access ({code}) cannot be used in check '{check}'; a field of "
                   "another form is written form.field or event.form.field").format(
                    code=ast.unparse(node), check=self.src))
        if sub.id in FUNCTIONS:
            raise ExpressionError(tr("'{name}' in check '{check}' starts with a function name; a "
                                     "function name cannot start a reference").format(
                name=dotted, check=self.src))
        return dotted

    def visit_call(self, node: ast.Call, depth: int) -> None:
        func = node.func
        if not isinstance(func, ast.Name):
            what = _NODE_NAMES.get(type(func), QT_TRANSLATE_NOOP("", "not a plain function"))
            raise self.reject(tr("calling '{code}' ({what})").format(code=ast.unparse(func),
                                                                     what=tr(what)))
        if func.id not in FUNCTIONS:
            allowed = ", ".join(FUNCTIONS)
            raise ExpressionError(tr("'{name}' is not an allowed function in check '{check}' "
                                     "(allowed: {allowed})").format(name=func.id, check=self.src,
                                                                    allowed=allowed))
        if node.keywords:
            raise self.reject(tr("keyword arguments in {name}()").format(name=func.id))
        fewest, most = FUNCTIONS[func.id]
        count = len(node.args)
        if count < fewest or (most is not None and count > most):
            if fewest == most:
                said = (tr("{name}() takes {n} argument, not {count}, in check '{check}'")
                        if fewest == 1 else
                        tr("{name}() takes {n} arguments, not {count}, in check '{check}'"))
            else:
                said = (tr("{name}() takes at least {n} argument, not {count}, in check "
                           "'{check}'") if fewest == 1 else
                        tr("{name}() takes at least {n} arguments, not {count}, in check "
                           "'{check}'"))
            raise ExpressionError(said.format(name=func.id, n=fewest, count=count,
                                              check=self.src))
        for arg in node.args:
            self.visit(arg, depth)


class Unchecked(Fail):
    """A check that cannot run for a reason outside its expression (the terms it reads are
    lost from the file): the message says it whole; the expression's text adds nothing."""


def _terminology(func: str, args: list[Callable[[Mapping[str, Any]], Any]]
                 ) -> Callable[[Mapping[str, Any]], Any]:
    """is_ctcae_term(x): whether x is a term of the study's CTCAE version;
    ctcae_has_grade(term, grade): whether that grade exists for the term. Unknown (None)
    without the terminology, for an empty value, and for a term CTCAE does not have (that
    is is_ctcae_term's to say). A term to check while the file has lost the terms it
    records as imported cannot be evaluated (Fail), which blocks completion."""
    def evaluate(env: Mapping[str, Any]) -> Any:
        terms = env.get(TERMS)
        name = args[0](env)
        if terms is None or name is None:
            return None
        if not terms.available:
            if terms.damaged:  # imported, then lost: never a silent pass
                raise Unchecked(terms.damaged)
            return None
        term = terms.term(name)
        if func == "is_ctcae_term":
            return term is not None
        grade = args[1](env)
        if term is None or grade is None:
            return None
        if isinstance(grade, bool) or not isinstance(grade, int):
            raise Fail(tr("ctcae_has_grade() needs a whole-number grade, not {grade}").format(
                grade=repr(grade)))
        return term.has_grade(grade)
    return evaluate


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
                raise Fail(tr("unknown name '{name}'").format(name=name)) from None
        return lookup
    if isinstance(node, ast.Attribute):
        dotted = ast.unparse(node)
        # Another form's value the caller did not supply is unknown (see the module text).
        return lambda env: env.get(dotted)
    if isinstance(node, ast.BoolOp):
        is_and = isinstance(node.op, ast.And)
        op = "and" if is_and else "or"
        parts = [_walker(sub) for sub in node.values]

        def boolop(env: Mapping[str, Any]) -> Any:
            unknown = False
            for part in parts:
                value = truth(part(env), op)
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
                value = truth(operand(env), "not")
                return None if value is None else not value
            return negation
        minus = isinstance(node.op, ast.USub)

        def sign(env: Mapping[str, Any]) -> Any:
            value = operand(env)
            if value is None:
                return None
            value = number(value, "-")
            return -value if minus else value
        return sign
    if isinstance(node, ast.BinOp):
        arith_op, left, right = node.op, _walker(node.left), _walker(node.right)
        return lambda env: arith(arith_op, left(env), right(env))
    if isinstance(node, ast.Compare):
        first = _walker(node.left)
        steps = [(op, _walker(sub)) for op, sub in zip(node.ops, node.comparators)]

        def chain(env: Mapping[str, Any]) -> Any:
            left = first(env)
            unknown = False
            for op, sub in steps:
                right = sub(env)
                result = compare(op, left, right)
                if result is False:
                    return False
                unknown = unknown or result is None
                left = right
            return None if unknown else True
        return chain
    if isinstance(node, (ast.List, ast.Tuple)):
        elements = [_walker(elt) for elt in node.elts]
        return lambda env: [element(env) for element in elements]
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)  # guaranteed by _Validator
        func, args = node.func.id, [_walker(arg) for arg in node.args]
        if func == "today":
            return lambda env: env[TODAY] if TODAY in env else temporal.clock().date()
        if func == "now":
            return lambda env: env[NOW] if NOW in env else temporal.clock()
        if func == "in_window":
            (arg,) = args

            def in_window(env: Mapping[str, Any]) -> Any:
                window = env.get(WINDOW)
                return None if window is None else window.contains(arg(env))
            return in_window
        if func in ("is_ctcae_term", "ctcae_has_grade"):
            return _terminology(func, args)
        return lambda env: call(func, [arg(env) for arg in args])
    kind = type(node).__name__

    def unreachable(env: Mapping[str, Any]) -> Any:  # after validation
        raise Fail(tr("cannot evaluate {kind}").format(kind=kind))
    return unreachable
