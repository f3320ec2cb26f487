"""What each known site setting means, checked when it is set (Store.set_setting).

`paper='A0'` or `backup.keep='abc'` was kept as given and then quietly read as A4 or as 10:
the administrator who set it never learnt it had no effect. A known key's value is checked
by its meaning here and refused in words; an unknown key keeps only the generic limits (one
line of printable text, alsdesk.store.sink). Values already in a file are not checked again:
the readers keep falling back to their defaults for them, so old files still open.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

# backup.py holds these too; repeated here because alsdesk.backup imports the store.
KEEP_MAX = 1000
IDLE_MINUTES = (1, 120)  # as the Settings dialog's spin box


def _paper(value: str) -> str | None:
    from alsdesk.pdf.options import PAPERS, normalise_paper

    try:
        normalise_paper(value)
    except ValueError:
        return tr("is not a paper size this program prints on: use {papers}").format(
            papers=tr(" or ").join(PAPERS))
    return None


def _whole(low: int, high: int, what: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            return tr("must be a whole number of {what} from {low} to {high}").format(
                what=tr(what), low=low, high=high)
        return None
    return check


def _date_format(value: str) -> str | None:
    from alsdesk import datefmt

    if datefmt.format_problem(value) is None:
        return None
    return tr("is not a date format this program knows: choose one of {formats}").format(
        formats=", ".join(datefmt.FORMATS))


def _full_path_or_empty(value: str) -> str | None:
    if value.strip() and not Path(value.strip()).expanduser().is_absolute():
        return tr("must be a full path (starting at the drive or /), or empty for the "
                  "default")
    return None


def _phone(value: str) -> str | None:
    """The study team's telephone number, printed on the patient's schedule card."""
    import unicodedata

    text = value.strip()
    if not text:
        return None  # unset: the card leaves a line to write the number on
    digits = sum(1 for c in text if unicodedata.category(c) == "Nd")
    if any(not (unicodedata.category(c) == "Nd" or c in " +-()/.") for c in text) \
            or not 5 <= digits <= 20 or len(text) > 40:
        return tr("must be a telephone number of 5 to 20 digits (spaces and + - ( ) / . "
                  "allowed), e.g. +98 21 2356 2000, or empty")
    return None


def _demo(value: str) -> str | None:
    return None if value in ("", "synthetic") else tr("may only be 'synthetic' (or empty)")


RULES: dict[str, Callable[[str], str | None]] = {
    "paper": _paper,
    "backup.keep": _whole(1, KEEP_MAX, QT_TRANSLATE_NOOP("", "backups to keep")),
    "backup.folder": _full_path_or_empty,
    "seal.path": _full_path_or_empty,
    "date_format": _date_format,
    "idle_minutes": _whole(*IDLE_MINUTES, QT_TRANSLATE_NOOP("", "minutes")),
    "demo": _demo,
    "site_phone": _phone,
}


def value_problem(key: str, value: str) -> str | None:
    """Why `value` does not fit the known setting `key` (worded to follow "The setting
    'key' "), or None; None for a key this table does not know."""
    rule = RULES.get(key)
    return rule(value) if rule is not None else None
