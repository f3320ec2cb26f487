"""Cell dose (2 million cells per kg by protocol), its deviation, and BMI.

Numbers are returned unrounded; only :func:`format_cells` makes text. Cell counts are shown
as "1.40 × 10⁸ cells": three significant figures, the multiplication sign and superscript
digits, which read as on a lab report. The PDF and GUI fonts must carry U+00D7 and the
superscript digits (DejaVu Sans and Noto Sans do).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from alsdesk.errors import ClinicalError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

__all__ = [
    "PROTOCOL_CELLS_PER_KG", "target_cells", "DoseDeviation", "dose_deviation", "format_cells",
    "bmi", "CELL_UNITS", "format_cells_in",
]

PROTOCOL_CELLS_PER_KG = 2e6
MIN_WEIGHT_KG = 20.0
MAX_WEIGHT_KG = 300.0
MIN_HEIGHT_CM = 100.0
MAX_HEIGHT_CM = 250.0
# Percent is a ratio of floats: 1.54e8 against 1.4e8 gives 10.000000000000002, which must
# still count as "within 10 %". Far below any meaningful dose difference.
_PERCENT_SLACK = 1e-9

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _real(value: float, what: str) -> float:
    """``value`` as a finite float, or a ClinicalError naming ``what`` (marked English)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ClinicalError(tr("{what} {value} is not a number").format(what=tr(what),
                                                                        value=repr(value)))
    if not math.isfinite(value):
        raise ClinicalError(tr("{what} is not a finite number ({value})").format(
            what=tr(what), value=value))
    return float(value)


def _weight(weight_kg: float) -> float:
    weight = _real(weight_kg, QT_TRANSLATE_NOOP("", "body weight"))
    if not MIN_WEIGHT_KG <= weight <= MAX_WEIGHT_KG:
        raise ClinicalError(
            tr("body weight {weight:g} kg is outside {low:g} to {high:g} kg; check the weight "
               "and its unit (kilograms)").format(weight=weight, low=MIN_WEIGHT_KG,
                                                  high=MAX_WEIGHT_KG))
    return weight


def target_cells(weight_kg: float, cells_per_kg: float = PROTOCOL_CELLS_PER_KG) -> float:
    """Cells to infuse: body weight (kg) x cells per kg (protocol: 2 x 10^6 per kg).

    Raises ClinicalError when the weight is not a finite number of 20-300 kg or the dose
    per kg is not a positive finite number.
    """
    weight = _weight(weight_kg)
    per_kg = _real(cells_per_kg, QT_TRANSLATE_NOOP("", "cells per kg"))
    if per_kg <= 0:
        raise ClinicalError(tr("cells per kg must be more than zero, not {n:g}").format(n=per_kg))
    return weight * per_kg


@dataclass(frozen=True)
class DoseDeviation:
    """Infused against target: difference in cells and in percent of the target."""

    target: float
    infused: float
    difference: float  # infused - target; negative when fewer cells were given
    percent: float  # difference / target x 100
    within_tolerance: bool


def dose_deviation(target: float, infused: float, tolerance_pct: float = 10.0) -> DoseDeviation:
    """Compare the cells infused with the target dose.

    ``percent`` = (infused - target) / target x 100; ``within_tolerance`` when its absolute
    value is at most ``tolerance_pct`` (the boundary counts as within). Raises ClinicalError
    when the target is not positive, the infused count is negative, the tolerance is
    negative, or any is not a finite number.
    """
    target_n = _real(target, QT_TRANSLATE_NOOP("", "target dose"))
    infused_n = _real(infused, QT_TRANSLATE_NOOP("", "cells infused"))
    tolerance = _real(tolerance_pct, QT_TRANSLATE_NOOP("", "dose tolerance"))
    if target_n <= 0:
        raise ClinicalError(tr("target dose must be more than zero cells, not {n:g}").format(
            n=target_n))
    if infused_n < 0:
        raise ClinicalError(tr("cells infused cannot be negative ({n:g})").format(n=infused_n))
    if tolerance < 0:
        raise ClinicalError(tr("dose tolerance cannot be negative ({n:g} %)").format(
            n=tolerance))
    difference = infused_n - target_n
    percent = difference / target_n * 100
    return DoseDeviation(
        target=target_n,
        infused=infused_n,
        difference=difference,
        percent=percent,
        within_tolerance=abs(percent) <= tolerance + _PERCENT_SLACK,
    )


def format_cells(n: float) -> str:
    """A cell count as text with three significant figures: 1.4e8 -> "1.40 × 10⁸ cells".

    Zero gives "0 cells". Raises ClinicalError for a negative or non-finite count.
    """
    count = _real(n, QT_TRANSLATE_NOOP("", "cell count"))
    if count < 0:
        raise ClinicalError(tr("a cell count cannot be negative ({n:g})").format(n=count))
    if count == 0:
        return tr("0 cells")
    # Let the float formatter round first, so 9.999e7 becomes 1.00e+08, never "10.00 × 10⁷".
    mantissa, exponent = f"{count:.2e}".split("e")
    power = str(int(exponent)).translate(_SUPERSCRIPT)
    return tr("{mantissa} × 10{power} cells").format(mantissa=mantissa, power=power)


# Units a cell count may be shown in (a derived target dose's `unit`), as cells per unit: the
# target is shown in the unit the infused count is entered in, so the two read side by side.
CELL_UNITS = {"cells": 1.0, "million cells": 1e6}


def format_cells_in(n: float, unit: str, digits: int | None = None) -> str:
    """A cell count in one of CELL_UNITS: 1.44e8, "million cells" -> "144.0 million cells".

    Raises ClinicalError for a negative or non-finite count, KeyError for another unit.
    """
    count = _real(n, QT_TRANSLATE_NOOP("", "cell count"))
    if count < 0:
        raise ClinicalError(tr("a cell count cannot be negative ({n:g})").format(n=count))
    places = 1 if digits is None else digits
    return f"{count / CELL_UNITS[unit]:.{places}f} {unit}"


def bmi(weight_kg: float, height_cm: float) -> float:
    """Body mass index, kg/m², unrounded.

    Raises ClinicalError when the weight is not 20-300 kg or the height not 100-250 cm
    (a height typed in metres is caught here).
    """
    weight = _weight(weight_kg)
    height = _real(height_cm, QT_TRANSLATE_NOOP("", "height"))
    if not MIN_HEIGHT_CM <= height <= MAX_HEIGHT_CM:
        raise ClinicalError(
            tr("height {height:g} cm is outside {low:g} to {high:g} cm; enter the height in "
               "centimetres").format(height=height, low=MIN_HEIGHT_CM, high=MAX_HEIGHT_CM))
    metres = height / 100
    return weight / (metres * metres)
