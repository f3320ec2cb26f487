"""Double data entry, the comparison: where a second, blind keying of a paper form differs
from the first (issue 19; the storage of the second entry and its resolution build on this).

Both entries are what the store would keep (alsdesk.study.values.parse_value has already
read each: ISO dates, numbers as numbers), so the comparison is of meanings, not of
keystrokes: 72 and 72.0 are one number, "05/MAR/2015" and "2015-03-05" one date once
parsed, a text differs only beyond white space at its ends and runs of spaces inside
(the issue's "text trimmed"), Unicode's two ways of writing one letter, and the letters and
digits the Persian keyboard layouts type differently (_text). A missing-data code is part of the answer: "ND" against a
blank, or against "NA", is a difference. Derived values are not keyed, so never compared.

The figure sites report is the error rate per 10,000 fields keyed (EpiData's and the
literature's: differences / fields compared x 10,000), see error_rate().
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Mapping

from alsdesk.study.model import Field, FieldType, Form

__all__ = ["Entry", "Difference", "Comparison", "compare", "error_rate"]

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    """One keying of a form: values by field id (as stored) and missing-data codes."""

    values: Mapping[str, Any]
    missing: Mapping[str, str]


@dataclass(frozen=True)
class Difference:
    """One field the two entries disagree on, each side as keyed."""

    field: str
    label: str
    first: Any
    second: Any
    first_missing: str | None
    second_missing: str | None


@dataclass(frozen=True)
class Comparison:
    """The fields compared (keyed in either entry, or required) and the differences."""

    fields: int
    differences: tuple[Difference, ...]

    @property
    def rate(self) -> float:
        return error_rate(len(self.differences), self.fields)


def _same(field: Field, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if field.type in (FieldType.INTEGER, FieldType.DECIMAL):
        try:
            x, y = float(a), float(b)
        except (TypeError, ValueError):
            return a == b
        return x == y or (math.isnan(x) and math.isnan(y))
    if field.type in (FieldType.TEXT, FieldType.MEMO):
        return _text(a) == _text(b)
    return str(a) == str(b)  # codes, ISO dates and times: as stored


# Persian typed on another keyboard layout: Arabic yeh and kaf for the Persian letters,
# Persian or Arabic-Indic digits for ASCII ones; a zero-width (non-)joiner changes how a word
# is drawn, not what it says.
_SAME_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9",
                               "\u200c": None, "\u200d": None,
                               **{chr(0x06f0 + i): str(i) for i in range(10)},
                               **{chr(0x0660 + i): str(i) for i in range(10)}})


def _text(value: Any) -> str:
    """A text as its reader reads it: one Unicode form (NFC: "é" typed either way),
    letters and digits of the Persian keyboards as one, white space trimmed and runs of it
    (no-break spaces too) one space."""
    text = unicodedata.normalize("NFC", str(value)).translate(_SAME_LETTERS)
    return _SPACES.sub(" ", text).strip()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def compare(form: Form, first: Entry, second: Entry) -> Comparison:
    """Field by field, in the form's order: which of its keyed fields differ."""
    from alsdesk.rules.engine import visibility

    differences: list[Difference] = []
    counted = 0
    # a question the paper's own skip rules hide in both keyings was not there to key
    shown = [visibility(form, e.values, e.missing) for e in (first, second)]
    for field in form.fields:
        a, b = first.values.get(field.id), second.values.get(field.id)
        a = None if _blank(a) else a
        b = None if _blank(b) else b
        code_a, code_b = first.missing.get(field.id), second.missing.get(field.id)
        if a is None and b is None and code_a is None and code_b is None and not (
                field.required and any(v.get(field.id, True) for v in shown)):
            continue  # left blank by both, as the paper was (a skipped question)
        counted += 1
        if code_a != code_b or not _same(field, a, b):
            differences.append(Difference(field.id, field.label, a, b, code_a, code_b))
    return Comparison(counted, tuple(differences))


def error_rate(differences: int, fields: int) -> float:
    """Differences per 10,000 fields compared (0 when nothing was compared)."""
    if differences < 0 or fields < 0 or differences > fields:
        raise ValueError(f"{differences} differences in {fields} fields is not a count")
    return 10_000 * differences / fields if fields else 0.0
