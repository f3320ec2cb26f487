"""Arguments of the core's public calls checked against their plain type hints.

A list given for a user id reached SQLite ("Error binding parameter 1"), an int for a query's
text reached ``str.strip``: errors of Python or the database, not a message. A service class
decorated with :func:`checked` refuses, with :class:`~alsdesk.errors.WrongType`, an argument
that does not fit its hint, for hints made only of ``str``, ``int``, ``float``, ``bool``,
``None`` and ``Mapping[...]`` (``Role | str`` counts as ``str``: our enums are strings); other
hints are left to the method. The check reads the hints once, at class creation.
"""
from __future__ import annotations

import functools
import inspect
from collections.abc import Mapping

from alsdesk.errors import WrongType

__all__ = ["checked"]

_PLAIN = {"str": str, "int": int, "float": (int, float), "bool": bool, "None": type(None)}
# Enum hints of the core that are str subclasses: a plain string is what callers pass.
_INT_MIN, _INT_MAX = -2**63, 2**63 - 1
_STR_ENUMS = {"Role", "SubjectStatus", "QueryStatus", "FormStatus"}


def _parts(hint: str) -> list[str]:
    """`a | b[c | d] | None` -> ['a', 'b[c | d]', 'None']: split at the top level only."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(hint):
        depth += (c == "[") - (c == "]")
        if c == "|" and depth == 0:
            parts.append(hint[start:i].strip())
            start = i + 1
    parts.append(hint[start:].strip())
    return parts


def _types(hint: object) -> tuple[type, ...] | None:
    """The types a hint string allows, or None when it is not one we check."""
    if not isinstance(hint, str):
        return None
    allowed: list[type] = []
    for part in _parts(hint):
        if part in _STR_ENUMS:
            part = "str"
        if part.startswith(("Mapping[", "dict[")) or part in ("Mapping", "dict"):
            allowed.append(Mapping)  # the keys and values are the method's to check
            continue
        kind = _PLAIN.get(part)
        if kind is None:
            return None
        allowed.extend(kind if isinstance(kind, tuple) else (kind,))
    return tuple(allowed)


def _describe(types: tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", float: "a number", bool: "yes or no",
             type(None): "nothing", Mapping: "a mapping of names to values"}
    return " or ".join(dict.fromkeys(names.get(t, t.__name__) for t in types))


def _wrap(fn, checks: list[tuple[int, str, tuple[type, ...]]]):
    owner = fn.__qualname__

    @functools.wraps(fn)
    def call(self, *args, **kwargs):
        for position, name, types in checks:
            if position < len(args):
                value = args[position]
            elif name in kwargs:
                value = kwargs[name]
            else:
                continue
            # bool is an int to Python, never a count or an id to us
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise WrongType(f"{owner}: '{name}' must be {_describe(types)}, not "
                                f"{type(value).__name__}.")
            # SQLite holds 64-bit integers: a larger one raised OverflowError on binding.
            if isinstance(value, int) and not isinstance(value, bool) and not (
                    _INT_MIN <= value <= _INT_MAX):
                raise WrongType(f"{owner}: '{name}' is a number of {len(str(abs(value)))} "
                                "digits; no id or count is that large (at most 19 digits).")
        return fn(self, *args, **kwargs)

    return call


def checked(cls):
    """Check the plain-typed arguments of every public method of `cls` (see above)."""
    for name in dir(cls):
        fn = inspect.getattr_static(cls, name)
        if name.startswith("_") or not inspect.isfunction(fn):
            continue
        checks = []
        params = list(inspect.signature(fn).parameters.values())[1:]  # after self
        for position, param in enumerate(params):
            types = _types(param.annotation)
            if types is None or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            if param.kind is param.KEYWORD_ONLY:
                position = 10**6  # never positional
            checks.append((position, param.name, types))
        if checks:
            setattr(cls, name, _wrap(fn, checks))
    return cls
