"""What a caller chooses when printing, and what it gets back (no reportlab here)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from alsdesk.anchor import Head

PAPERS = ("A4", "letter")

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

    The same data with the same options gives the same bytes; `printed_at` defaults to now.
    `include_identifiers` must only be set after an administrator asked for it explicitly.
    """

    paper: str = "A4"
    printed_at: datetime | None = None
    include_identifiers: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "paper", normalise_paper(self.paper))

    @property
    def moment(self) -> datetime:
        """The time printed, timezone-aware."""
        when = self.printed_at or datetime.now(timezone.utc).astimezone()
        return when if when.tzinfo else when.astimezone()


@dataclass(frozen=True)
class PdfResult:
    """A generated document."""

    data: bytes = field(repr=False)
    title: str
    filename: str  # a suggested file name, e.g. "casebook-S004.pdf"
    pages: int
    fingerprint: str | None = None  # short fingerprint of the data shown (None: blank book)
    audit_head: Head | None = None  # the audit head printed in the footer (None: blank book)
