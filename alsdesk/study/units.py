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

__all__ = ["dec", "exact", "label", "reported_unit", "to_own", "unit_code", "unit_of"]

Number = float | int | Decimal | Fraction


def dec(x: float | int | Decimal) -> Decimal:
    """A number as written (3.0 x 0.7 is 2.1, not 2.0999999999999996)."""
    return x if isinstance(x, Decimal) else Decimal(repr(float(x)))


def exact(x: Number) -> Fraction:
    """A number as written, exactly: 88.4 is 884/10, not the float nearest to it."""
    return x if isinstance(x, Fraction) else Fraction(dec(x))


def own(field: Field) -> Choice | None:
    """The field's own unit among its units (the loader made sure there is one)."""
    if field.units is None:
        return None
    return next(c for c in field.units.choices if c.label == field.unit)


def unit_of(field: Field, code: Any) -> Choice | None:
    """The unit a value of `field` was reported in, given its unit field's code: blank is the
    field's own unit; None when the field has no units or the code is not one of them."""
    if field.units is None:
        return None
    if code is None or code == "":
        return own(field)
    return next((c for c in field.units.choices if c.code == code), None)


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


def label(unit: Choice | None, field: Field) -> str:
    return unit.label if unit is not None else (field.unit or "")


def number(x: Number, places: int = 4) -> str:
    """A converted number for people: at most `places` decimals, no trailing zeros."""
    x = exact(x)
    text = format(round(Decimal(x.numerator) / Decimal(x.denominator), places), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def reported_text(field: Field, values: Mapping[str, Any]) -> str:
    """What follows a printed result: its unit, and in the field's own unit where the report
    gave another ("µmol/L (= 1.097 mg/dL)")."""
    unit = unit_of(field, unit_code(field, values))
    value = values.get(field.id)
    if unit is None or unit.per is None or not isinstance(value, (int, float)):
        return reported_unit(field, values) or ""
    return f"{unit.label} (= {number(to_own(value, unit), (field.digits or 0) + 2)} {field.unit})"
