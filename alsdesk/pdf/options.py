"""What a caller chooses when printing, and what it gets back (no reportlab here)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from alsdesk import i18n
from alsdesk.anchor import Head
from alsdesk.errors import AlsDeskError

PAPERS = ("A4", "letter")
LANGUAGES = tuple(i18n.LANGUAGES)  # what a printout may be written in: the program's own

# progress(done, total, message): called from the thread that builds the document.
Progress = Callable[[int, int, str], None]


def normalise_paper(paper: str | None) -> str:
    """'A4' or 'letter' from a setting or an option (any case); A4 when unset."""
    if not paper:
        return "A4"
    for known in PAPERS:
        if paper.strip().lower() == known.lower():
            return known
    raise ValueError(f"Paper size '{paper}' is not known: use A4 or letter.")


@dataclass(frozen=True)
class PrintOptions:
    """Paper, the moment printed (shown in the footer) and whether identifiers may print.

    The same data with the same options and audit head gives the same bytes (a recorded
    print moves the head: alsdesk.pdf._record); `printed_at` defaults to now.
    `include_identifiers` must only be set after an administrator asked for it explicitly.
    """

    paper: str = "A4"
    printed_at: datetime | None = None
    include_identifiers: bool = False
    # The language of the printout's own words and of the study's texts (alsdesk.i18n); the
    # data print as stored. English, the study binder's, unless asked: only the site's papers
    # (the blank book, a visit's filled forms, the schedule card) print in other languages.
    language: str = "en"

    def __post_init__(self) -> None:
        object.__setattr__(self, "paper", normalise_paper(self.paper))
        if self.language not in LANGUAGES:
            raise ValueError(f"The language '{self.language}' is not one ALS Desk prints in: "
                             f"use {' or '.join(LANGUAGES)}.")

    @property
    def moment(self) -> datetime:
        """The time printed, timezone-aware."""
        when = self.printed_at or datetime.now(timezone.utc).astimezone()
        return when if when.tzinfo else when.astimezone()


# A time typed for --printed-at may run this far ahead of the clock (a print prepared for the
# top of the hour, two computers' clocks a little apart); beyond it the footer would lie.
AHEAD = timedelta(minutes=5)


class PrintTimeError(AlsDeskError):
    """A print time the printout cannot truthfully show."""


def _minute(moment: datetime) -> str:
    from alsdesk.pdf.wording import MONTHS

    utc = moment.astimezone(timezone.utc)
    return f"{utc.day:02d}/{MONTHS[utc.month - 1]}/{utc.year} {utc:%H:%M} UTC"


def check_moment(options: PrintOptions, newest: datetime | None) -> None:
    """Refuse a chosen print time earlier than the newest data the document shows.

    Only a time given explicitly is checked: "now" on a workstation whose clock is behind
    the trail still prints (alsdesk.store.clock warns about that clock). The footer shows
    minutes, so data of the same minute as the print time is not "later".
    """
    if options.printed_at is None or newest is None:
        return
    if options.moment < newest.replace(second=0, microsecond=0):
        raise PrintTimeError(
            f"The print time {_minute(options.moment)} is earlier than the newest data this "
            f"document shows ({_minute(newest)}): a printout cannot be older than what is "
            "on it. Give a later print time, or none to print the time now.")


def check_not_ahead(moment: datetime, now: datetime | None = None) -> None:
    """Refuse a print time more than a few minutes ahead of this computer's clock."""
    now = now or datetime.now(timezone.utc)
    when = moment if moment.tzinfo else moment.astimezone()
    if when > now + AHEAD:
        raise PrintTimeError(
            f"The print time {_minute(when)} is in the future (now it is {_minute(now)}): "
            f"a printout shows when it was printed. Give a time up to "
            f"{int(AHEAD.total_seconds() // 60)} minutes from now, or none for now.")


@dataclass(frozen=True)
class PdfResult:
    """A generated document."""

    data: bytes = field(repr=False)
    title: str
    filename: str  # a suggested file name, e.g. "casebook-S004.pdf"
    pages: int
    fingerprint: str | None = None  # short fingerprint of the data shown (None: blank book)
    audit_head: Head | None = None  # the audit head printed in the footer (None: blank book)
    # Why this printout of trial data is not in the audit trail (None: it is, or a blank
    # book, which shows no data): a store opened read-only cannot write the row.
    not_recorded: str | None = None
