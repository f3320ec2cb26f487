"""What define.xml says beyond the datasets' names and labels: SDTMIG's dataset metadata
(resources/study/sdtmig.toml: class, structure, keys, required variables) and what the
values written are (ValueStats: numbers whole or not and their digits, each test's result
length and type), gathered block by block while the datasets are written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from alsdesk.study.companion import companion_file, read_companion

FILE = "sdtmig.toml"
# A result text define.xml may call a number: what value_text writes for one (no exponent,
# no "nan"): the value-level DataType integer or float is then true of every record.
NUMBER = re.compile(r"-?\d+(\.\d+)?\Z")
MEMO = 50_000  # distinct results remembered per test at most (a few MB)


@dataclass(frozen=True)
class DatasetMeta:
    cls: str  # def:Class Name
    structure: str
    keys: tuple[str, ...]
    required: frozenset[str]
    integer: frozenset[str]  # numeric variables SDTMIG defines as whole numbers


def _expand(names: Sequence[str], code: str) -> list[str]:
    return [code + n[2:] if n.startswith("--") else n for n in names]


def dataset_meta(name: str, code: str, kind: str | None) -> DatasetMeta:
    """SDTMIG's metadata of the dataset `name` (DM, SUPPAE) of domain `code` and sdtm.toml
    kind (None for a SUPP-- dataset)."""
    data, src = _sdtmig()
    if kind is None:
        t = data["supp"]
    else:
        t = data.get("domains", {}).get(code) or data["kinds"].get(kind)
        if t is None:
            src.fail(f"kinds.{kind}", "is missing: every sdtm.toml kind needs its metadata")
    required = _expand(data["common"]["required"] + t["required"], code)
    return DatasetMeta(t["class"], t["structure"], tuple(_expand(t["keys"], code)),
                       frozenset(required), frozenset(_expand(data["common"]["integer"], code)))


_CACHE: dict[str, Any] = {}


def _sdtmig():
    if "data" not in _CACHE:
        _CACHE["data"] = read_companion(companion_file(FILE))
    return _CACHE["data"]


@dataclass
class Number:
    """A numeric variable's values: whole numbers or not, and the digits to write them."""
    seen: bool = False
    integer: bool = True
    whole: int = 1  # digits before the point of the largest value
    decimals: int = 0  # digits after the point, most of any value

    def add(self, values: np.ndarray) -> None:
        values = values[~np.isnan(values)]
        if not values.size:
            return
        self.seen = True
        biggest = float(np.max(np.abs(values)))
        self.whole = max(self.whole, len(str(int(biggest))))
        fractions = values[values != np.floor(values)]
        if fractions.size:
            self.integer = False
            # places of the shortest text that reads back as the value, without an exponent
            # (1e-05 is 0.00001: 5): the fewest places rounding to which keeps it. Only the
            # values needing more than found so far are looked at, with whole arrays (one
            # text per value was most of an export's time for lab results)
            rest = fractions[np.round(fractions, self.decimals) != fractions]
            while rest.size and self.decimals < 17:
                self.decimals += 1
                rest = rest[np.round(rest, self.decimals) != rest]


@dataclass
class Result:
    """One test code's --ORRES texts: the longest in bytes, and whether all are numbers."""
    length: int = 0
    number: Number = field(default_factory=Number)
    numeric: bool = True  # every non-empty result a number (NUMBER)
    texts: int = 0  # distinct non-empty results seen


class ValueStats:
    """Facts of the values of one dataset, fed the blocks the XPT writer is fed."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.numbers: dict[str, Number] = {}
        self.results: dict[str, Result] = {}
        # results already looked at, by test: a study repeats a few thousand distinct
        # results per test over millions of records, so each block brings few new ones
        self.seen: dict[str, set[str]] = {}

    def add(self, names: list[str], cols: list[list[Any]]) -> None:
        for name, col in zip(names, cols):
            first = next((v for v in col if v is not None), None)
            if type(first) in (int, float):
                self.numbers.setdefault(name, Number()).add(np.array(col, dtype=np.float64))
        tc, res = f"{self.code}TESTCD", f"{self.code}ORRES"
        if tc in names and res in names:
            # the distinct (test, result) pairs: a few thousand of millions of records
            by_test: dict[str, list[str]] = {}
            for code, text in set(zip(cols[names.index(tc)], cols[names.index(res)])):
                seen = self.seen.get(code)
                if seen is None or len(seen) > MEMO:  # emptied when it grows too big
                    seen = self.seen[code] = set()
                if text and text not in seen:
                    seen.add(text)
                    by_test.setdefault(code, []).append(text)
            for code, texts in by_test.items():
                r = self.results.setdefault(code, Result())
                r.texts += len(texts)
                r.length = max(r.length, max(len(t.encode("utf-8")) for t in texts))
                if r.numeric and all(NUMBER.match(t) for t in texts):
                    # digits as written ("37.50" has 2 places): the text is the record's
                    n = r.number
                    n.seen = True
                    for t in texts:
                        whole, _, places = t.lstrip("-").partition(".")
                        n.whole = max(n.whole, len(whole))
                        if places:
                            n.integer = False
                            n.decimals = max(n.decimals, len(places))
                else:
                    r.numeric = False


def number_attrs(n: Number | None, integer: bool = False) -> dict[str, str]:
    """DataType, Length and SignificantDigits of a numeric variable from its values; with
    none written (every CMENDY empty), SDTMIG's type (`integer`) and the least length."""
    if n is None or not n.seen:
        return {"DataType": "integer" if integer else "float", "Length": "1"}
    if n.integer:
        return {"DataType": "integer", "Length": str(n.whole)}
    return {"DataType": "float", "Length": str(n.whole + n.decimals),
            "SignificantDigits": str(n.decimals)}


def result_attrs(r: Result | None) -> dict[str, str]:
    """Attributes of a test's value-level --ORRES: a number type when every result written
    is one, else text as long as the longest (at least 1 byte, a test with no result)."""
    if r is not None and r.texts and r.numeric:
        return number_attrs(r.number)
    return {"DataType": "text", "Length": str(max(1, r.length if r else 0))}
