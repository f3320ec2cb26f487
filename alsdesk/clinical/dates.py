"""Dates as the nurses record them: sometimes only a year or a month is known.

Symptom onset in ALS is usually remembered to the month ("March 2014"), sometimes only to the
year. Calculations need a full date, so a missing part is imputed at the middle of the
period it covers and the caller is told that it was (``imputed``), so the screen can say so.

Imputation rule ("mid", the default):

* day unknown   -> the 15th of the month (the middle of every month to within a day);
* month unknown -> 2 July (day 183 of a 365-day year: as many days before as after).

Years must lie in 1900-2100: anything else is a typo or a Solar Hijri year typed by habit.

"first" and "last" give the earliest and latest dates the partial date can mean, for checks
such as "onset cannot be after diagnosis" that must not be fooled by an imputed value.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from alsdesk.errors import ClinicalError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

__all__ = ["PartialDate", "parse_partial", "as_date", "age_on", "months_between"]

# ASCII digits only: \d would also take Persian digits, and with them Solar Hijri dates.
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Clinical dates of living patients; a year outside this is a typo or a Solar Hijri year
# (1394 SH = 2015), which must not be silently read as Gregorian.
MIN_YEAR = 1900
MAX_YEAR = 2100
_IMPUTE_MODES = ("mid", "first", "last")

# 365.25 / 12: the average month length Delta-FS papers use (Kimura 2006).
DAYS_PER_MONTH = 365.25 / 12
_NOT_WHOLE = {"year": QT_TRANSLATE_NOOP("", "the year {value} is not a whole number"),
              "month": QT_TRANSLATE_NOOP("", "the month {value} is not a whole number"),
              "day": QT_TRANSLATE_NOOP("", "the day {value} is not a whole number")}


@dataclass(frozen=True)
class PartialDate:
    """A date of which the day, or the month and the day, may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        # Validate here too, so a PartialDate built directly is as trustworthy as a parsed one.
        for part in ("year", "month", "day"):
            value = getattr(self, part)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ClinicalError(tr(_NOT_WHOLE[part]).format(value=repr(value)))
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ClinicalError(
                tr("year {year} is outside {low} to {high}; dates are entered in the Gregorian "
                   "calendar").format(year=self.year, low=MIN_YEAR, high=MAX_YEAR))
        if self.month is None:
            if self.day is not None:
                raise ClinicalError(tr("a day was given without a month; give the month too"))
            return
        if not 1 <= self.month <= 12:
            raise ClinicalError(tr("month {month} does not exist (months run from 01 to 12)")
                                .format(month=self.month))
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ClinicalError(
                    tr("{date} is not a calendar date ({month} {year} has {days} days)").format(
                        date=f"{self.year:04d}-{self.month:02d}-{self.day:02d}",
                        month=calendar.month_name[self.month], year=self.year, days=last))

    @property
    def is_complete(self) -> bool:
        """True when year, month and day are all known."""
        return self.month is not None and self.day is not None

    @property
    def imputed(self) -> bool:
        """True when :meth:`to_date` has to fill in the day or the month."""
        return not self.is_complete

    def to_date(self, impute: str = "mid") -> date:
        """The full date, filling unknown parts by ``impute``: "mid", "first" or "last".

        "mid" puts an unknown day on the 15th and an unknown month on 2 July; "first" and
        "last" give the earliest and latest day the partial date can stand for.
        """
        if impute not in _IMPUTE_MODES:
            raise ClinicalError(
                tr("unknown imputation {name}; use one of {modes}").format(
                    name=repr(impute), modes=", ".join(_IMPUTE_MODES)))
        if self.month is None:
            return {"mid": date(self.year, 7, 2), "first": date(self.year, 1, 1),
                    "last": date(self.year, 12, 31)}[impute]
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            day = {"mid": 15, "first": 1, "last": last}[impute]
            return date(self.year, self.month, day)
        return date(self.year, self.month, self.day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


def parse_partial(text: str) -> PartialDate:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (surrounding spaces allowed) into a PartialDate.

    Raises ClinicalError when the text has another shape or is not a real calendar date.
    """
    if not isinstance(text, str):
        raise ClinicalError(tr("a date must be written as text like 2014-03-21, not {value}")
                            .format(value=repr(text)))
    match = _PARTIAL.fullmatch(text.strip())
    if match is None:
        raise ClinicalError(
            tr("{value} is not a date; write YYYY-MM-DD, or YYYY-MM or YYYY when the day or "
               "month is unknown").format(value=repr(text)))
    year, month, day = (int(g) if g is not None else None for g in match.groups())
    assert year is not None  # the pattern makes the year mandatory
    return PartialDate(year, month, day)


def as_date(value: date | str | PartialDate) -> tuple[date, bool]:
    """Turn a date, a partial-date text or a PartialDate into (full date, was it imputed?).

    Unknown parts are filled by the "mid" rule. A datetime is reduced to its date.
    """
    if isinstance(value, datetime):
        return value.date(), False
    if isinstance(value, date):
        return value, False
    if isinstance(value, PartialDate):
        return value.to_date("mid"), value.imputed
    if isinstance(value, str):
        partial = parse_partial(value)
        return partial.to_date("mid"), partial.imputed
    raise ClinicalError(tr("{value} is not a date").format(value=repr(value)))


def _plain(value: date, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise ClinicalError(tr("the {what} is not a date: {value}").format(what=tr(what),
                                                                           value=repr(value)))
    return value


def age_on(birth: date, on: date) -> int:
    """Age in completed years on the day ``on``; the birthday itself counts.

    Someone born on 29 February turns a year older on 1 March in non-leap years (the
    common legal convention, and what comparing (month, day) pairs gives).
    Raises ClinicalError when ``on`` is before the birth date.
    """
    birth = _plain(birth, QT_TRANSLATE_NOOP("", "date of birth"))
    on = _plain(on, QT_TRANSLATE_NOOP("", "date"))
    if on < birth:
        raise ClinicalError(
            tr("the date {date} is before the date of birth {birth}").format(
                date=on.isoformat(), birth=birth.isoformat()))
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def months_between(start: date, end: date) -> float:
    """Months from ``start`` to ``end`` as days / (365.25 / 12); negative when end is earlier."""
    start = _plain(start, QT_TRANSLATE_NOOP("", "start date"))
    end = _plain(end, QT_TRANSLATE_NOOP("", "end date"))
    return (end - start).days / DAYS_PER_MONTH
