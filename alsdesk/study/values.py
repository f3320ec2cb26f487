"""The one place that turns typed text into stored values and back, per FieldType.

Storage values: TEXT / MEMO / DATE / DATETIME / TIME are ``str`` (DATE "YYYY-MM-DD", or
"YYYY-MM" / "YYYY" where the field allows partial dates; DATETIME "YYYY-MM-DDTHH:MM";
TIME "HH:MM"), INTEGER is ``int``, DECIMAL is ``float`` and CHOICE is the code list's code
type (``int`` for integer code lists, else ``str``). ``None`` is "no value".
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

from alsdesk.errors import ValidationError
from alsdesk.i18n import QT_TRANSLATE_NOOP, ascii_digits, tr
from alsdesk.jalali import NAMED_DATE, names_month, read_jalali
from alsdesk.study import units
from alsdesk.study.model import CodeList, Field, FieldType

__all__ = ["check_value", "display", "from_text", "parse_value", "plain", "to_python", "to_text"]

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# A four-digit year outside this span is a typo (1014, 2041 for 2014), not a clinical date.
MIN_YEAR, MAX_YEAR = 1900, 2100
DEFAULT_LENGTH = {FieldType.TEXT: 2000, FieldType.MEMO: 20000}
INT_LIMIT = 2**63 - 1  # SQLite INTEGER is a signed 64-bit number

_TEXTUAL = (FieldType.TEXT, FieldType.MEMO)
_D = "[0-9]"  # not \d: that also matches Arabic-Indic and other digits int() would accept
_ISO = re.compile(f"({_D}{{4}})-({_D}{{1,2}})(?:-({_D}{{1,2}}))?")
_DMY = re.compile(f"(?:({_D}{{1,2}})[/ -])?([A-Z]{{3}})[/ -]({_D}{{4}})")
_YEAR = re.compile(f"{_D}{{4}}")
_TIME = re.compile(f"({_D}{{1,2}}):({_D}{{2}})")
_DATETIME = re.compile(f"(.+?)(?:\\s+|T)({_D}{{1,2}}:{_D}{{2}})")
_INT = re.compile(f"[+-]?{_D}{{1,30}}")
_DEC = re.compile(f"[+-]?(?:{_D}+(?:[.,]{_D}*)?|[.,]{_D}+)")
_AMBIGUOUS_COMMA = re.compile(f"[+-]?[1-9]{_D}{{0,2}},{_D}{{3}}")
_S_DATE = re.compile(f"{_D}{{4}}-{_D}{{2}}-{_D}{{2}}")
_S_MONTH = re.compile(f"{_D}{{4}}-{_D}{{2}}")
_S_DATETIME = re.compile(f"{_D}{{4}}-{_D}{{2}}-{_D}{{2}}T{_D}{{2}}:{_D}{{2}}")
_S_TIME = re.compile(f"{_D}{{2}}:{_D}{{2}}")
_CLOCK = QT_TRANSLATE_NOOP("", "HH:MM on the 24-hour clock, e.g. 14:30")
_EXPECTED = {
    FieldType.TEXT: QT_TRANSLATE_NOOP("", "text"), FieldType.MEMO: QT_TRANSLATE_NOOP("", "text"),
    FieldType.INTEGER: QT_TRANSLATE_NOOP("", "a whole number (int)"),
    FieldType.DECIMAL: QT_TRANSLATE_NOOP("", "a number (float)"),
    FieldType.DATE: QT_TRANSLATE_NOOP("", "a date as text YYYY-MM-DD"),
    FieldType.DATETIME: QT_TRANSLATE_NOOP("", "a date-time as text YYYY-MM-DDTHH:MM"),
    FieldType.TIME: QT_TRANSLATE_NOOP("", "a time as text HH:MM"),
}


def parse_value(field: Field, raw: str | None, *, jalali: bool = False) -> Any:
    """Turn what the user typed into the storage value; blank gives None.

    Numbers, dates and times may be typed in Persian digits. With `jalali` (the window in
    Persian), a date whose year is a Solar Hijri one (1405/09/16) is read in that calendar and
    stored as the ISO date it is. Raises ValidationError with a message naming the field's
    label and what to fix.
    """
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise TypeError(f"parse_value expects text, not {type(raw).__name__}")
    text = raw.strip()
    if not text:
        return None
    kind = field.type
    if kind in (FieldType.INTEGER, FieldType.DECIMAL) and "\u066c" in text:
        # U+066C separates thousands (۸٬۵۰۰): read as a comma it made 3٬45 the number 3.45
        return _fail(field, tr("{text}: ٬ separates thousands; type the number without it "
                               "(٫ is the decimal point)").format(text=_q(text)))
    # Persian digits say the date was typed in Persian: read as such whatever the window's
    # language (an answer typed before switching to English stays readable)
    local = text != ascii_digits(text) or names_month(text)
    if kind not in _TEXTUAL:
        text = ascii_digits(text)  # a Persian keyboard's digits are digits (text keeps them)
    if (jalali or local) and kind in (FieldType.DATE, FieldType.DATETIME):
        text = _from_jalali(field, text)
    if kind in _TEXTUAL:
        value: Any = text
        if kind is FieldType.MEMO:  # pasted text may carry Windows or old Mac line ends
            value = text.replace("\r\n", "\n").replace("\r", "\n")
    elif kind is FieldType.INTEGER:
        value = _parse_integer(field, text)
    elif kind is FieldType.DECIMAL:
        value = _parse_decimal(field, text)
    elif kind is FieldType.DATE:
        value = _parse_date(field, text, field.partial, "DD/MMM/YYYY")
    elif kind is FieldType.DATETIME:
        value = _parse_datetime(field, text)
    elif kind is FieldType.TIME:
        value = _parse_time(field, text)
    else:
        value = _parse_choice(field, text)
    problem = check_value(field, value)
    if problem is not None:
        raise ValidationError(field.id, problem)
    return value


ANY_UNIT = object()  # check_value: the unit the value was reported in is not known here


def check_value(field: Field, value: Any, unit: Any = ANY_UNIT) -> str | None:
    """Validate a storage value (type, range, code, real date, length); the message or None.

    `unit`: for a field reported in a choice of units, the code of its unit field (None: the
    field's own unit). Not given, a value passes the range in any of its units; the form's
    save and its checks, which know the unit, judge it exactly."""
    if value is None:
        return None
    kind = field.type
    if kind is FieldType.CHOICE:
        return _check_choice(field, value)
    expected = _NUMERIC.get(kind, str)
    # bool is an int subclass, but True in a number field is always a caller's mistake.
    if isinstance(value, bool) or not isinstance(value, expected):
        return tr("{label}: expected {expected}, not {type} {value}").format(
            label=field.label, expected=tr(_EXPECTED[kind]), type=type(value).__name__,
            value=_r(value))
    if kind in _TEXTUAL:
        return _check_text(field, value)
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        return _check_number(field, value, unit)
    if kind is FieldType.DATE:
        return _check_date(field, value)
    if kind is FieldType.DATETIME:
        if not _S_DATETIME.fullmatch(value):
            return tr("{label}: {value} is not stored as YYYY-MM-DDTHH:MM").format(
                label=field.label, value=_q(value))
        return _check_date(field, value[:10]) or _check_time(field, value[11:])
    if not _S_TIME.fullmatch(value):
        return tr("{label}: {value} is not stored as HH:MM").format(label=field.label,
                                                                    value=_q(value))
    return _check_time(field, value)


_NUMERIC = {FieldType.INTEGER: int, FieldType.DECIMAL: float}


def to_text(field: Field, value: Any) -> str | None:
    """Canonical text of a storage value for the audit trail; exact inverse of from_text."""
    if value is None:
        return None
    kind = field.type
    if kind is FieldType.CHOICE:  # the commonest field: its code as it is, or as digits
        codelist = field.codelist
        if codelist is not None and codelist.data_type == "integer":
            if type(value) is int:
                return str(value)
        elif type(value) is str:
            return value
    if kind is FieldType.DECIMAL:
        if isinstance(value, float):
            # repr is the shortest text that reads back to the same float; float() first so a
            # subclass (numpy.float64) cannot bring its own repr.
            return repr(float(value))
    elif kind is FieldType.INTEGER or (kind is FieldType.CHOICE and _int_codes(field)):
        if isinstance(value, int) and not isinstance(value, bool):
            return str(int(value))
    elif isinstance(value, str):
        return value
    bad = f"{type(value).__name__} {_r(value)}"
    raise ValidationError(field.id, tr("{label}: cannot record {value}").format(
        label=field.label, value=bad))


def from_text(field: Field, text: str | None) -> Any:
    """The storage value whose canonical text (to_text) is ``text``; replays the audit trail."""
    if text is None:
        return None
    kind = field.type
    try:
        if kind is FieldType.DECIMAL:
            return float(text)
        if kind is FieldType.INTEGER or (kind is FieldType.CHOICE and _int_codes(field)):
            if not _INT.fullmatch(text):
                raise ValueError(text)
            return int(text)
    except ValueError:
        raise ValidationError(field.id, tr("{label}: recorded text {text} is not a {kind} "
                                           "value").format(label=field.label, text=repr(text),
                                                           kind=kind.value)) from None
    return text


def display(field: Field, value: Any, date_format: str = "DD/MMM/YYYY") -> str:
    """Text for screens and paper: labels for choices, dates as DD/MMM/YYYY (or, with
    ``date_format="YYYY-MM-DD"``, as stored: the site's screen setting), "" for None.

    Both forms are read back by parse_value."""
    if value is None:
        return ""
    kind = field.type
    # A bad stored value is shown as it is: a screen must never fail to draw.
    if kind is FieldType.CHOICE and field.codelist is not None:
        label = field.codelist.label_of(value)
        return label if label is not None else str(value)
    if kind is FieldType.DECIMAL and isinstance(value, (int, float)) and math.isfinite(value):
        # Never rounded: a value stored with more decimals than the field shows (an old file,
        # an import) is written out in full, so a correction from 76.0 to 76.5 cannot print
        # as "76 -> 76".
        if field.digits is not None and decimal_places(value) <= field.digits:
            return f"{value:.{field.digits}f}"
        return plain(value)
    iso = date_format == "YYYY-MM-DD"
    if kind is FieldType.DATE and isinstance(value, str):
        return value if iso else _display_date(value)
    if kind is FieldType.DATETIME and isinstance(value, str) and _S_DATETIME.fullmatch(value):
        return f"{value[:10] if iso else _display_date(value[:10])} {value[11:]}"
    return str(value)


def to_python(field: Field, value: Any) -> Any:
    """The value as expressions see it: dates as datetime objects, partial dates as None."""
    if value is None or field.type not in (FieldType.DATE, FieldType.DATETIME, FieldType.TIME):
        return value
    problem = check_value(field, value)
    if problem is not None:
        raise ValidationError(field.id, problem)
    if field.type is FieldType.DATE:
        # A partial date cannot answer "before or after?", so it is unknown to the checks.
        return dt.date.fromisoformat(value) if _S_DATE.fullmatch(value) else None
    if field.type is FieldType.DATETIME:
        return dt.datetime.fromisoformat(value)
    return dt.time.fromisoformat(value)


# --- typed text -> storage -------------------------------------------------------------


def _parse_integer(field: Field, text: str) -> int:
    if _INT.fullmatch(text):
        return int(text)
    if re.fullmatch(f"[+-]?{_D}+", text):
        return _fail(field, tr("{text} is far too large").format(text=_q(text)))
    if _DEC.fullmatch(text):
        return _fail(field, tr("{text} is not a whole number (enter it without decimals)")
                     .format(text=_q(text)))
    return _fail(field, tr("{text} is not a number").format(text=_q(text)))


def _parse_decimal(field: Field, text: str) -> float:
    if not _DEC.fullmatch(text) or len(text) > 40:
        return _fail(field, tr("{text} is not a number (e.g. 72.5)").format(text=_q(text)))
    if _AMBIGUOUS_COMMA.fullmatch(text):
        # "1,500" is 1500 to some and 1.5 to others; guessing wrong is a 1000-fold error.
        plain = text.replace(",", "")
        return _fail(field, tr("{text} is ambiguous: write {plain} or {decimal}").format(
            text=_q(text), plain=plain, decimal=text.replace(",", ".")))
    value = float(text.replace(",", "."))
    return value + 0.0  # turns -0.0 into 0.0


def _parse_date(field: Field, text: str, partial: bool, hint: str) -> str:
    upper = text.upper()
    parts: tuple[int, int | None, int | None] | None = None
    if m := _ISO.fullmatch(upper):
        parts = (int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    elif (m := _DMY.fullmatch(upper)) and m[2] in MONTHS:
        parts = (int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]) if m[1] else None)
    elif _YEAR.fullmatch(upper):
        parts = (int(upper), None, None)
    forms = tr("{hint}, MMM/YYYY or YYYY").format(hint=hint) if partial else hint
    if parts is None:
        return _fail(field, tr("{text} is not a date (use {forms}, e.g. {example})").format(
            text=_q(text), forms=forms, example=_example(hint, 2014)))
    year, month, day = parts
    if day is None and not partial:
        example = _example(hint, year)
        return _fail(field, tr("a full date is needed (day, month and year), e.g. {example}")
                     .format(example=example))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _fail(field, tr("the year {year} in {text} is not plausible (it must be between "
                               "{low} and {high})").format(year=year, text=_q(text),
                                                           low=MIN_YEAR, high=MAX_YEAR))
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        example = _example(hint, year)
        return _fail(field, tr("{text} is not a real date (use {forms}, e.g. {example})").format(
            text=_q(text), forms=forms, example=example))
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_NAMED_TIME = re.compile(rf"({NAMED_DATE})(?:\s+([0-9:]+))?")


def _from_jalali(field: Field, text: str) -> str:
    """A Jalali date (alone, or before a time) as the ISO date it is; other text unchanged."""
    named = _NAMED_TIME.fullmatch(text.strip())  # "16 آذر 1405", or with a time after it
    if named is not None:
        day, why = read_jalali(named[1])
        if why is not None:
            return _fail(field, f"{_q(named[1])}: {why}")
        if day is not None:
            return f"{day.isoformat()} {named[2] or ''}".strip()
    head, _, rest = text.partition(" ")
    if "T" in head and len(head) > 11:
        head, rest = head.split("T", 1)
    day, why = read_jalali(head)
    if why is not None:
        return _fail(field, f"{_q(head)}: {why}")
    if day is None:
        return text
    return f"{day.isoformat()} {rest}".strip()


def _parse_datetime(field: Field, text: str) -> str:
    hint = "DD/MMM/YYYY HH:MM"
    m = _DATETIME.fullmatch(text.upper())
    if m is None:
        try:
            _parse_date(field, text, False, "DD/MMM/YYYY")
        except ValidationError:
            example = _example(hint, 2014)
            return _fail(field, tr("{text} is not a date and time (use {hint}, e.g. {example})")
                         .format(text=_q(text), hint=hint, example=example))
        return _fail(field, tr("enter the time too, e.g. {example}").format(
            example=_example(hint, 2014)))
    date = _parse_date(field, m[1], False, hint)
    return f"{date}T{_parse_time(field, m[2])}"


def _parse_time(field: Field, text: str) -> str:
    m = _TIME.fullmatch(text)
    if m is None:
        return _fail(field, tr("{text} is not a time (use {clock})").format(text=_q(text),
                                                                           clock=tr(_CLOCK)))
    hour, minute = int(m[1]), int(m[2])
    if hour > 23 or minute > 59:
        return _fail(field, tr("{text} is not a real time (use {clock})").format(
            text=_q(text), clock=tr(_CLOCK)))
    return f"{hour:02d}:{minute:02d}"


def _parse_choice(field: Field, text: str) -> str | int:
    codelist = _codelist(field)
    if _int_codes(field):
        if _INT.fullmatch(text) and int(text) in codelist.codes:
            return int(text)
    else:
        exact = [c.code for c in codelist.choices if c.code == text]
        loose = [c.code for c in codelist.choices if str(c.code).casefold() == text.casefold()]
        if exact or len(loose) == 1:
            return (exact or loose)[0]
    labels = [c.code for c in codelist.choices if c.label.strip().casefold() == text.casefold()]
    if len(labels) == 1:
        return labels[0]
    return _fail(field, _not_a_choice(field, _q(text)))


# --- storage checks --------------------------------------------------------------------


def _check_text(field: Field, value: str) -> str | None:
    if value == "":
        return tr("{label}: empty text is stored as no value (None)").format(label=field.label)
    allowed = "\n\t" if field.type is FieldType.MEMO else ""
    for ch in value:
        # Cc are control characters; Cs lone surrogates, which cannot be written as UTF-8.
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed:
            if ch in "\r\n" and field.type is FieldType.TEXT:
                return tr("{label}: this field holds one line; remove the line break").format(
                    label=field.label)
            if ch == "\t":
                return tr("{label}: remove the tab character").format(label=field.label)
            return tr("{label}: remove the invisible control character (U+{code:04X})").format(
                label=field.label, code=ord(ch))
    limit = field.length if field.length is not None else DEFAULT_LENGTH[field.type]
    if len(value) > limit:
        return tr("{label}: the text is {n} characters long; at most {limit} are allowed, so "
                  "shorten it").format(label=field.label, n=len(value), limit=limit)
    return None


def _check_number(field: Field, value: int | float, unit: Any = ANY_UNIT) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return tr("{label}: {value} is not a number that can be stored").format(
            label=field.label, value=_r(value))
    if isinstance(value, int) and abs(value) > INT_LIMIT:
        return tr("{label}: {value} is far too large").format(label=field.label, value=value)
    places = field.digits
    if field.units is not None and places is not None:  # a unit of smaller numbers: more
        chosen = None if unit is ANY_UNIT else units.unit_of(field, unit)
        places = units.places(field, chosen) if chosen is not None else max(
            units.places(field, c) or 0 for c in units.every(field))
    if field.type is FieldType.DECIMAL and places is not None and decimal_places(value) > places:
        allowed = (tr("whole numbers only") if places == 0 else
                   (tr("at most {n} decimal places") if places > 1 else
                    tr("at most {n} decimal place")).format(n=places))
        return tr("{label}: {value} has more decimals than this field records ({allowed}). "
                  "Round it as the CRF instructions say, or ask the data manager if the study "
                  "needs more decimals here.").format(label=field.label, value=plain(value),
                                                      allowed=allowed)
    if field.units is not None:
        return _check_in_units(field, value, unit)
    low, high = field.min, field.max
    if (low is not None and value < low) or (high is not None and value > high):
        unit = f" {field.unit}" if field.unit else ""
        if low is not None and high is not None:
            rule = tr("{label}: {value} is outside the allowed range {low} to {high}{unit}")
        elif low is not None:
            rule = tr("{label}: {value} is below the lowest allowed value, {low}{unit}")
        else:
            rule = tr("{label}: {value} is above the highest allowed value, {high}{unit}")
        return rule.format(label=field.label, value=_num(value), unit=unit,
                           low=_num(low) if low is not None else "",
                           high=_num(high) if high is not None else "")
    return None


def _check_in_units(field: Field, value: int | float, code: Any) -> str | None:
    """The range (in the field's own unit) of a value reported in one of several units."""
    low, high = field.min, field.max

    def outside(choice: Any) -> bool:
        own = units.to_own(value, choice)
        return (low is not None and own < units.exact(low)) or (
            high is not None and own > units.exact(high))

    choice = None if code is ANY_UNIT else units.unit_of(field, code)
    if choice is None:  # not known (or not a unit: its own field says so): any unit will do
        if not any(not outside(c) for c in units.every(field)):
            return tr("{label}: {value} is outside the allowed range in every unit "
                      "({ranges})").format(label=field.label, value=_num(value),
                                           ranges=_ranges(field))
        return None
    if not outside(choice):
        return None
    shown = f"{_num(value)} {choice.label}"
    if choice.per is not None:
        shown += f" ({units.number(units.to_own(value, choice), 2)} {field.unit})"
    fits = [c.label for c in units.every(field) if c != choice and not outside(c)]
    if fits:
        return tr("{label}: {value} is outside the allowed range {ranges}. If the report gives "
                  "{units}, choose that unit for the result").format(
            label=field.label, value=shown, ranges=_ranges(field, choice), units=_or(fits))
    return tr("{label}: {value} is outside the allowed range {ranges}").format(
        label=field.label, value=shown, ranges=_ranges(field, choice))


def _ranges(field: Field, choice: Any = None) -> str:
    """The accepted range in the field's own unit, and in `choice` (or every other unit)."""
    def one(c: Any) -> str:
        low = "" if field.min is None else units.number(units.from_own(field.min, c), 2)
        high = "" if field.max is None else units.number(units.from_own(field.max, c), 2)
        if field.min is None:
            return tr("at most {high} {unit}").format(high=high, unit=c.label)
        if field.max is None:
            return tr("at least {low} {unit}").format(low=low, unit=c.label)
        return tr("{low} to {high} {unit}").format(low=low, high=high, unit=c.label)
    others = [c for c in field.units.choices if choice is None or c == choice]
    return "; ".join(one(c) for c in [units.own(field), *others])


def _check_date(field: Field, value: str) -> str | None:
    is_full = _S_DATE.fullmatch(value)
    is_partial = bool(_S_MONTH.fullmatch(value) or _YEAR.fullmatch(value))
    if not is_full and not (field.partial and is_partial):
        forms = tr("YYYY-MM-DD, YYYY-MM or YYYY") if field.partial else "YYYY-MM-DD"
        return tr("{label}: {value} is not stored as {forms}").format(
            label=field.label, value=_q(value), forms=forms)
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if is_full else 1
    if not MIN_YEAR <= year <= MAX_YEAR:
        return tr("{label}: the year {year} is not plausible (it must be between {low} and "
                  "{high})").format(label=field.label, year=year, low=MIN_YEAR, high=MAX_YEAR)
    try:
        dt.date(year, month, day)
    except ValueError:
        return tr("{label}: {value} is not a real date").format(label=field.label,
                                                                value=_q(value))
    return None


def _check_time(field: Field, value: str) -> str | None:
    if int(value[:2]) > 23 or int(value[3:5]) > 59:
        return tr("{label}: {value} is not a real time").format(label=field.label,
                                                                value=_q(value))
    return None


def _check_choice(field: Field, value: Any) -> str | None:
    codelist = _codelist(field)
    expected = int if codelist.data_type == "integer" else str
    if isinstance(value, bool) or not isinstance(value, expected):
        return tr("{label}: expected a code of type {expected}, not {type} {value}").format(
            label=field.label, expected=expected.__name__, type=type(value).__name__,
            value=_r(value))
    if value not in codelist.codes:
        shown = str(value) if expected is int else _q(value)
        return f"{field.label}: {_not_a_choice(field, shown)}"
    return None


def _not_a_choice(field: Field, shown: str) -> str:
    if all(c.per for c in _codelist(field).choices):  # a list of units (study/units.py)
        return tr("{value} is not a unit the study can convert from; allowed: {options}, or "
                  "blank for the form's own unit").format(value=shown, options=_options(field))
    return tr("{value} is not one of {options}").format(value=shown, options=_options(field))


# --- small helpers ---------------------------------------------------------------------


_SHOWN = 60  # longest typed text quoted whole in a message


def _q(text: object) -> str:
    """Typed text quoted for a message, cut short so a pasted page cannot flood the screen."""
    shown = str(text)
    if len(shown) <= _SHOWN:
        return f"'{shown}'"
    return tr("'{start}...' ({n} characters)").format(start=shown[:40], n=len(shown))


def _r(value: object) -> str:
    """repr() for a message, cut short the same way."""
    shown = repr(value)
    return shown if len(shown) <= _SHOWN else tr("{start}... ({n} characters)").format(
        start=shown[:40], n=len(shown))


def _fail(field: Field, message: str) -> Any:
    raise ValidationError(field.id, f"{field.label}: {message}")


def _codelist(field: Field) -> CodeList:
    if field.codelist is None:
        raise ValueError(f"choice field {field.id!r} has no code list")  # the loader's job
    return field.codelist


def _int_codes(field: Field) -> bool:
    return field.codelist is not None and field.codelist.data_type == "integer"


def _options(field: Field) -> str:
    choices = _codelist(field).choices
    shown = ", ".join(f"{c.code} = {c.label}" for c in choices[:12])
    return shown + (tr(" (and {n} more)").format(n=len(choices) - 12) if len(choices) > 12
                    else "")


def _or(items: list[str]) -> str:
    """ "a or b or c" in the language in use."""
    out = items[0]
    for item in items[1:]:
        out = tr("{first} or {last}").format(first=out, last=item)
    return out


def decimal_places(value: float) -> int:
    """Decimal places of a number as written shortest: 76.5 -> 1, 76.0 -> 0, 1e-07 -> 7."""
    if not isinstance(value, float) or not math.isfinite(value):
        return 0
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def plain(value: float) -> str:
    """Every decimal of a number, never in exponent form: 1e-07 as "0.0000001"; a result as
    the laboratory wrote it (132.6, 1200), with no decimals added."""
    if not isinstance(value, float):
        return str(value)
    text = format(Decimal(repr(value)), "f")
    return text[:-2] if text.endswith(".0") else text


def _num(value: float) -> str:
    """A number as people write it: 20.0 as "20", 72.5 as "72.5"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _example(hint: str, year: int) -> str:
    year = year if MIN_YEAR <= year <= MAX_YEAR else 2014
    return f"05/MAR/{year}" + (" 14:30" if "HH:MM" in hint else "")


def _display_date(value: str) -> str:
    if _S_DATE.fullmatch(value):
        return f"{value[8:10]}/{_month(value[5:7])}/{value[:4]}"
    if _S_MONTH.fullmatch(value):
        return f"{_month(value[5:7])}/{value[:4]}"
    return value


def _month(digits: str) -> str:
    number = int(digits)
    return MONTHS[number - 1] if 1 <= number <= 12 else digits
