"""How dates and date-times are written on screen: one format, a site setting.

Storage never changes (ISO dates, UTC audit stamps); only the text shown does. The default is
the forms' own DD/MMM/YYYY (05/MAR/2015), which no reader can take for 3 May. The setting
``date_format`` (administrator, audited like every setting) picks another of FORMATS.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from alsdesk.study.values import MONTHS

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["FORMATS", "DEFAULT_FORMAT", "SETTING", "date_text", "datetime_text",
           "shown_date", "shown_datetime", "shown_value", "site_format", "format_problem"]

SETTING = "date_format"
DEFAULT_FORMAT = "DD/MMM/YYYY"
# name -> (with the year, without it: a window within one year writes the year once).
# Only formats a form also reads back without doubt: 05.03.2015 is 5 March to some and
# 3 May to others, so no numeric day-month format is offered.
FORMATS: dict[str, tuple[str, str]] = {
    "DD/MMM/YYYY": ("{d:02d}/{mon}/{y}", "{d:02d}/{mon}"),
    "YYYY-MM-DD": ("{y}-{m:02d}-{d:02d}", "{m:02d}-{d:02d}"),
}


def format_problem(name: str) -> str | None:
    """Why `name` is not a date format this program writes, or None."""
    if name in FORMATS:
        return None
    return f"Unknown date format {name!r}; choose one of {', '.join(FORMATS)}."


def date_text(day: date, fmt: str = DEFAULT_FORMAT, *, year: bool = True) -> str:
    """A date as the site writes it: 05/MAR/2015 (or 05/MAR without the year)."""
    pattern = FORMATS.get(fmt, FORMATS[DEFAULT_FORMAT])[0 if year else 1]
    return pattern.format(d=day.day, m=day.month, mon=MONTHS[day.month - 1], y=day.year)


def datetime_text(moment: datetime, fmt: str = DEFAULT_FORMAT, *, year: bool = True) -> str:
    """A date and clock time: 05/MAR/2015 14:30."""
    return f"{date_text(moment, fmt, year=year)} {moment:%H:%M}"


def shown_date(day: date, fmt: str = DEFAULT_FORMAT, *, year: bool = True) -> str:
    """A date as a person reads it on screen: as the site writes it; in Persian (alsdesk.i18n)
    the Solar Hijri date first, the site's Gregorian beside it: ۱۴۰۵/۰۹/۱۶ (07/DEC/2026).
    Never on paper or in a file: workers writing those read English (i18n.english)."""
    text = date_text(day, fmt, year=year)
    from alsdesk.i18n import language, ltr

    if language() != "fa":
        return text
    from alsdesk.jalali import jalali_text

    jalali = jalali_text(day, persian_digits=True)
    # the Gregorian isolated left to right: in a right-to-left line its slashes would
    # otherwise turn 09/DEC/2026 into DEC/2026/09
    return f"{jalali if year else jalali[5:]} ({ltr(text)})"


def shown_datetime(moment: datetime, fmt: str = DEFAULT_FORMAT, *, year: bool = True) -> str:
    """shown_date and the clock time: ۱۴۰۵/۰۹/۱۶ (07/DEC/2026) 14:30 in Persian."""
    return f"{shown_date(moment, fmt, year=year)} {moment:%H:%M}"


def shown_value(field, value, fmt: str = DEFAULT_FORMAT) -> str:
    """A stored value as a person reads it on screen (alsdesk.study.values.display), a whole
    date (or date and time) as shown_date writes it: in Persian the Solar Hijri date with the
    Gregorian beside, kept in order in a right-to-left table. A partial date stays as written
    (a Gregorian month is no Solar Hijri one)."""
    from alsdesk.study import values as fv

    kind = getattr(field.type, "value", None)
    if isinstance(value, str) and kind in ("date", "datetime") and len(value) >= 10:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return fv.display(field, value, fmt)
        if kind == "date":
            return shown_date(moment.date(), fmt)
        return shown_datetime(moment, fmt) if len(value) > 10 else shown_date(moment.date(), fmt)
    return fv.display(field, value, fmt)


def site_format(store: "Store") -> str:
    """The site's date format (setting ``date_format``), the default when unset or unknown."""
    name = store.setting(SETTING) or DEFAULT_FORMAT
    return name if name in FORMATS else DEFAULT_FORMAT
