"""Dates as the checks see them: partial dates as honest intervals, and the clock.

A partial date (``2014-03``, ``2014``) is not unknown: it says the day lies somewhere in
a month or a year. Comparing it answers only what that interval makes certain: ``2014-03 <
2014-05-02`` is true, ``2014-03 < 2014-03-20`` is unknown (so a check passes), ``2014 <
2013-12-31`` is false. Nothing is imputed here: an imputed mid-month day could make a check
fire on a date that may well be right, or stay silent on one that is certainly wrong.

Standard library only: the expression module imports it, and loading a study imports that.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

__all__ = ["Partial", "order", "same", "clock"]


@dataclass(frozen=True)
class Partial:
    """A date known only to the month or the year: every day from ``first`` to ``last``."""

    text: str
    first: dt.date
    last: dt.date

    @classmethod
    def parse(cls, text: str) -> "Partial":
        """``YYYY-MM`` or ``YYYY`` (already checked by the field's value rules)."""
        year = int(text[:4])
        if len(text) == 4:
            return cls(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
        month = int(text[5:7])
        return cls(text, dt.date(year, month, 1),
                   dt.date(year, month, calendar.monthrange(year, month)[1]))

    def __str__(self) -> str:
        return self.text


def _bounds(value: dt.date | Partial) -> tuple[dt.date, dt.date]:
    if isinstance(value, Partial):
        return value.first, value.last
    return value, value


def order(symbol: str, a: dt.date | Partial, b: dt.date | Partial) -> bool | None:
    """``a <symbol> b`` for dates of which either may be partial; None when not certain."""
    (a_lo, a_hi), (b_lo, b_hi) = _bounds(a), _bounds(b)
    if symbol == "<":
        return True if a_hi < b_lo else False if a_lo >= b_hi else None
    if symbol == "<=":
        return True if a_hi <= b_lo else False if a_lo > b_hi else None
    if symbol == ">":
        return order("<", b, a)
    if symbol == ">=":
        return order("<=", b, a)
    raise ValueError(symbol)


def same(a: dt.date | Partial, b: dt.date | Partial) -> bool | None:
    """``a == b``: certain only for two full dates, or when the intervals do not meet."""
    (a_lo, a_hi), (b_lo, b_hi) = _bounds(a), _bounds(b)
    if a_hi < b_lo or b_hi < a_lo:
        return False
    if a_lo == a_hi == b_lo == b_hi:
        return True
    return None


def clock() -> dt.datetime:
    """The clinic's local time to the minute, as date-times are entered."""
    return dt.datetime.now().replace(second=0, microsecond=0)
