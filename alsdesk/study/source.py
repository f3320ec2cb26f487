"""The definition file as text: typed reading of its tables, and failures that name a line.

tomllib keeps no positions, so :class:`Source` finds the line of a key path such as
``forms.ae.fields[3] (aeser).type`` again from the table headers: the n-th
``[[forms.ae.fields]]``, then the ``type =`` line under it.
"""
from __future__ import annotations

import difflib
import keyword
import math
import re
from typing import Any, NoReturn

from alsdesk.errors import DefinitionError
from alsdesk.study.schema import ID, ID_RULE, KEYS, SQL_KEYWORDS

__all__ = ["Source", "annotate", "kind_of"]

_KIND_TEXT = {"str": "text", "bool": "true or false", "int": "a whole number",
              "num": "a number", "strs": "a list of text", "list": "a list"}
_TYPES: dict[str, Any] = {"str": str, "bool": bool, "int": int, "num": (int, float),
                          "strs": list, "list": list}


def annotate(key: str, raw: Any) -> str:
    """``key`` with the item's id appended, so a message names the item, not only its index."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"{key} ({raw['id']})"
    return key


def kind_of(value: Any) -> str:
    """How a value's type is named in messages, with the value itself when it is short."""
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__) + (
        f" {value!r}" if isinstance(value, (bool, int, float, str)) else "")


def _join(parent: str, child: str) -> str:
    return f"{parent}.{child}" if parent else child


_HEADER = re.compile(r"\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ANNOTATION = re.compile(r" \([^)]*\)")
_SYNTAX_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_TWICE = re.compile(r"Cannot declare \(([^)]*)\) twice")
_INDEXED = re.compile(r"(.*?)(?:\[(\d+)\])?")


class Source:
    """The file's name and text, to turn a key path into ``file:line`` on failure."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.lines = name, text.splitlines()
        self._index: list[tuple[int, str]] | None = None

    def table(self, raw: Any, key: str, kind: str | None) -> dict[str, Any]:
        """``raw`` as a table, with no unknown keys and every required key present."""
        if not isinstance(raw, dict):
            self.fail(key or "(top level)", f"must be a table, not {kind_of(raw)}")
        if kind is None:
            return raw
        required, optional = KEYS[kind]
        allowed = set(required) | set(optional)
        for k in raw:
            if k not in allowed:
                close = difflib.get_close_matches(k, allowed, 1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                self.fail(_join(key, k), f"unknown key {k!r}; {hint}allowed keys: "
                          f"{', '.join(sorted(allowed))}")
        for k in required:
            if k not in raw:
                self.fail(key or "(top level)", f"missing required key {k!r}")
        return raw

    def val(self, t: dict[str, Any], key: str, name: str, kind: str, default: Any = None) -> Any:
        """``t[name]`` checked to be of ``kind`` (see _KIND_TEXT); default when absent."""
        if name not in t:
            return default
        v = t[name]
        ok = isinstance(v, _TYPES[kind]) and not (kind in ("int", "num") and isinstance(v, bool))
        if ok and kind == "strs":
            ok = all(isinstance(x, str) for x in v)
        if not ok:
            self.fail(_join(key, name), f"must be {_KIND_TEXT[kind]}, not {kind_of(v)}")
        if kind == "str" and not v.strip():
            self.fail(_join(key, name), "must not be empty")
        if kind == "num" and isinstance(v, float) and not math.isfinite(v):
            # nan would make every range check pass; inf says nothing a missing bound doesn't
            self.fail(_join(key, name), f"must be a finite number, not {v}")
        return tuple(v) if kind == "strs" else v

    def ident(self, value: Any, key: str, what: str) -> str:
        """``value`` checked to be usable as an id (it may become an SQLite name)."""
        if not isinstance(value, str) or not ID.match(value):
            self.fail(key, f"{what} id {value!r} {ID_RULE}")
        if keyword.iskeyword(value) or value in SQL_KEYWORDS:
            self.fail(key, f"{what} id {value!r} is a reserved word of SQL or Python;"
                      " choose another (e.g. add a prefix)")
        return value

    def fail(self, key: str, reason: str, near: str | None = None) -> NoReturn:
        """Raise DefinitionError for ``key``; ``near`` is text to look for on its line."""
        line = self.line_of(key, near)
        raise DefinitionError(f"{self.name}:{line}" if line else self.name, key, reason)

    def syntax_error(self, message: str) -> NoReturn:
        """Turn tomllib's message into a DefinitionError with the line in the file part."""
        pos = _SYNTAX_POS.search(message)
        where = f"{self.name}:{pos.group(1)}" if pos else self.name
        text = _SYNTAX_POS.sub("", message).strip()
        twice = _TWICE.search(message)
        if twice:
            key = ".".join(p.strip(" '\"") for p in twice.group(1).split(",") if p.strip())
            raise DefinitionError(where, key, "is defined twice: each id may be used once")
        if text.startswith("Cannot overwrite"):
            text += " (a key is given twice in the same table)"
        col = f", column {pos.group(2)}" if pos else ""
        raise DefinitionError(where, "(TOML syntax)", f"{text}{col}")

    def headers(self) -> list[tuple[int, str]]:
        """(line number, table path such as 'forms.ae.fields[3]') of every table header."""
        if self._index is None:
            counts: dict[str, int] = {}
            self._index = []
            for no, line in enumerate(self.lines, 1):
                m = _HEADER.match(line)
                if not m:
                    continue
                name = re.sub(r"[\s\"']", "", m.group(2))
                if m.group(1) == "[[":
                    counts[name] = counts.get(name, -1) + 1
                    name = f"{name}[{counts[name]}]"
                self._index.append((no, name))
        return self._index

    def line_of(self, key: str, near: str | None = None) -> int | None:
        """Best guess of the line ``key`` is written on; None when it cannot be told."""
        segs = _ANNOTATION.sub("", key).split(".")
        index = self.headers()
        for cut in range(len(segs), 0, -1):
            table = ".".join(segs[:cut])
            # A table named only through its sub-tables starts at the first of them.
            starts = [i for i, (_, n) in enumerate(index)
                      if n == table or n.startswith((table + ".", table + "["))]
            if not starts:
                continue
            first = starts[0]
            start = index[first][0]
            end = index[first + 1][0] if index[first][1] == table and first + 1 < len(index) \
                else len(self.lines) + 1
            if cut == len(segs) or index[first][1] != table:
                return start
            return self._find(start, end, segs[cut], near) or start
        return self._find(1, (index[0][0] if index else len(self.lines) + 1), segs[0], near)

    def _find(self, start: int, end: int, seg: str, near: str | None) -> int | None:
        """Line of key ``seg`` (maybe ``choices[2]``) between lines start and end."""
        m = _INDEXED.fullmatch(seg)
        leaf, item = (m.group(1), m.group(2)) if m else (seg, None)
        pattern = re.compile(rf"\s*[\"']?{re.escape(leaf)}[\"']?\s*=")
        for no in range(start, end):
            if not pattern.match(self.lines[no - 1]):
                continue
            # An array may run over several lines: find the element itself, by its text or,
            # for inline tables, by counting opening braces.
            braces = 0
            for n2 in range(no, end):
                text = self.lines[n2 - 1]
                if near and near in text:
                    return n2
                braces += text.count("{")
                if not near and item is not None and braces > int(item):
                    return n2
            return no
        return None
