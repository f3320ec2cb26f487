"""Results reported in another unit than the field's own (a creatinine in µmol/L where the
form's unit is mg/dL).

The value is stored as the laboratory wrote it, with the unit in the form's unit field
(Field.unit_field); nothing is rewritten. Wherever a value is judged (the accepted range,
CTCAE grading, SDTM's standard result) it is first put into the field's own unit by the
study's factor (Choice.per), in exact rational arithmetic: 132.6 µmol/L is exactly
1.5 mg/dL, and 689.4 µmol/L exactly 6 x a ULN of 114.9 µmol/L (decimal division would round
each side differently).
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Mapping

from alsdesk.study.model import Choice, Field

__all__ = ["dec", "every", "exact", "from_own", "in_other_unit", "number", "own", "places",
           "reported_text", "reported_unit", "to_own", "unit_code", "unit_of"]

Number = float | int | Decimal | Fraction


def dec(x: float | int | Decimal) -> Decimal:
    """A number as written (3.0 x 0.7 is 2.1, not 2.0999999999999996)."""
    return x if isinstance(x, Decimal) else Decimal(repr(float(x)))


def exact(x: Number) -> Fraction:
    """A number as written, exactly: 88.4 is 884/10, not the float nearest to it."""
    return x if isinstance(x, Fraction) else Fraction(dec(x))


def own(field: Field) -> Choice | None:
    """The field's own unit as a choice (not in its code list: a blank unit field says it)."""
    if field.units is None:
        return None
    return Choice("", field.unit or "")


def every(field: Field) -> tuple[Choice, ...]:
    """The field's own unit, then the others it may be reported in."""
    if field.units is None:
        return ()
    return (own(field), *field.units.choices)  # type: ignore[arg-type]


def unit_of(field: Field, code: Any) -> Choice | None:
    """The unit a value of `field` was reported in, given its unit field's code: blank is the
    field's own unit; None when the field has no units or the code is not one of them."""
    if field.units is None:
        return None
    if code is None or code == "":
        return own(field)
    return next((c for c in field.units.choices if c.code == code), None)


def places(field: Field, unit: Choice | None) -> int | None:
    """The decimals a value in `unit` may have: the field's own, and one more for every
    factor of ten the unit's numbers are smaller (urea in mmol/L, 0.1665 per mg/dL: one more;
    creatinine in µmol/L, larger numbers: as many as the field's own)."""
    if field.digits is None or unit is None or unit.per is None:
        return field.digits
    extra, scaled = 0, exact(unit.per)
    while scaled < 1:
        scaled *= 10
        extra += 1
    return field.digits + extra


def unit_code(field: Field, values: Mapping[str, Any]) -> Any:
    """The unit code of `field` in a form's values (None: the field's own unit)."""
    return values.get(field.unit_field) if field.unit_field else None


def reported_unit(field: Field, values: Mapping[str, Any]) -> str | None:
    """The unit to show beside the value: the one reported in, else the field's own."""
    unit = unit_of(field, unit_code(field, values))
    return unit.label if unit is not None else field.unit


def to_own(value: Number, unit: Choice | None) -> Fraction:
    """The value in the field's own unit (unit None or the own unit: unchanged)."""
    if unit is None or unit.per is None:
        return exact(value)
    return exact(value) / exact(unit.per)


def from_own(value: Number, unit: Choice | None) -> Fraction:
    """A value of the field's own unit in `unit` (for messages: the range in µmol/L)."""
    if unit is None or unit.per is None:
        return exact(value)
    return exact(value) * exact(unit.per)


def number(x: Number, places: int = 4) -> str:
    """A converted number for people: `places` decimals, no trailing zeros, and more (up to
    four more) when rounding would make it read as a round number it is not: 74.999 is not
    "75" beside a grade boundary of 75, 20.0001 is not "20" beside a limit of 20."""
    x = exact(x)
    value = Decimal(x.numerator) / Decimal(x.denominator)
    for p in range(places, places + 5):
        text = format(round(value, p), "f")
        short = text.rstrip("0").rstrip(".") if "." in text else text
        kept = len(short.split(".")[1]) if "." in short else 0
        if exact(Decimal(short)) == x or kept == p:
            return short
    return short


def reported_text(field: Field, values: Mapping[str, Any]) -> str:
    """What follows a printed result: its unit, and in the field's own unit where the report
    gave another ("µmol/L (= 1.097 mg/dL)")."""
    unit = unit_of(field, unit_code(field, values))
    value = values.get(field.id)
    if unit is None or unit.per is None or not isinstance(value, (int, float)):
        return reported_unit(field, values) or ""
    return f"{unit.label} (= {number(to_own(value, unit), (field.digits or 0) + 2)} {field.unit})"


def in_other_unit(field: Field, values: Mapping[str, Any]) -> bool:
    """Whether `field`'s value in these form values was reported in another unit than its
    own (it is then shown as typed: the CRF's decimals are its own unit's)."""
    unit = unit_of(field, unit_code(field, values))
    return unit is not None and unit.per is not None

