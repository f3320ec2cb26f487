"""The Solar Hijri (Jalali) calendar, as the clinic's wall calendar in Tehran shows dates.

Storage stays ISO (Gregorian): this module only writes a date in the Jalali calendar and
reads one typed in it. The conversion is jdatetime's (python-jalali), checked in the tests
against Qt's own Jalali calendar (QCalendar), an independent implementation.

A typed date is Jalali when its year is one no Gregorian clinical date has: the program
accepts Gregorian years 1900..2100 only (alsdesk.study.values), which are Jalali 1278..1479,
so "1405/09/16" can be read one way only.
"""
from __future__ import annotations

import re
from datetime import date

import jdatetime

from alsdesk.i18n import ascii_digits, local_digits, tr

__all__ = ["MONTHS", "YEARS", "NAMED_DATE", "to_jalali", "from_jalali", "jalali_text",
           "jalali_long", "read_jalali", "is_jalali_year", "names_month"]

MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
          "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
YEARS = (1278, 1479)  # the Gregorian 1900..2100 the forms accept, in Jalali years
_TYPED = re.compile(r"([0-9]{4})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{1,2}))?")
# "16 آذر 1405", as the wall calendar and a letter write it (day, month's name, year)
NAMED_DATE = r"[0-9]{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+[0-9]{4}"
_NAMED = re.compile(r"([0-9]{1,2})\s+(" + "|".join(MONTHS) + r")\s+([0-9]{4})")


def to_jalali(day: date) -> tuple[int, int, int]:
    """(year, month, day) of `day` in the Jalali calendar."""
    j = jdatetime.date.fromgregorian(date=day)
    return j.year, j.month, j.day


def from_jalali(year: int, month: int, day: int) -> date:
    """The Gregorian date of Jalali year/month/day; ValueError when there is no such day."""
    return jdatetime.date(year, month, day).togregorian()


def jalali_text(day: date, *, persian_digits: bool = False) -> str:
    """1405/09/16: the Jalali date as typed and read back (year first, as Iranians write)."""
    y, m, d = to_jalali(day)
    text = f"{y:04d}/{m:02d}/{d:02d}"
    return local_digits(text, "fa") if persian_digits else text


def jalali_long(day: date) -> str:
    """۱۶ آذر ۱۴۰۵: the day, the month's name and the year, in Persian digits."""
    y, m, d = to_jalali(day)
    return local_digits(f"{d} {MONTHS[m - 1]} {y}", "fa")


def names_month(text: str) -> bool:
    """Whether `text` names a Solar Hijri month (so was typed as a Solar Hijri date)."""
    return any(month in text for month in MONTHS)


def is_jalali_year(year: int) -> bool:
    """Whether a typed four-digit year can only be a Jalali one."""
    return YEARS[0] <= year <= YEARS[1]


def read_jalali(text: str) -> tuple[date | None, str | None]:
    """A typed Jalali date (YYYY/MM/DD, Persian digits too): (its Gregorian date, None).

    (None, None) when the text is not a Jalali date at all (a Gregorian one, other text);
    (None, why) when it is one that cannot be stored: no such day, or only a month, which
    spans two Gregorian months and so has no one partial date to store.
    """
    typed = ascii_digits(text.strip())
    named = _NAMED.fullmatch(typed.replace("\u200c", ""))
    if named is not None:
        year, month, day = int(named[3]), MONTHS.index(named[2]) + 1, int(named[1])
        if not is_jalali_year(year):
            return None, tr("{year} is not a Solar Hijri year the forms accept ({low} to "
                            "{high})").format(year=year, low=YEARS[0], high=YEARS[1])
        return _day(year, month, day)
    m = _TYPED.fullmatch(typed)
    if m is None or not is_jalali_year(int(m[1])):
        return None, None
    year, month = int(m[1]), int(m[2])
    if m[3] is None:
        return None, tr("a Solar Hijri month spans two Gregorian months: give the day too, "
                        "or the month in the Gregorian calendar")
    return _day(year, month, int(m[3]))


def _day(year: int, month: int, day: int) -> tuple[date | None, str | None]:
    try:
        return from_jalali(year, month, day), None
    except ValueError:
        return None, tr("{date} is not a day of the Solar Hijri calendar").format(
            date=f"{year:04d}/{month:02d}/{day:02d}")
