"""States of subjects, form instances and queries.

Their values are English words stored in the file and written on paper; ``shown`` is the word
in the window's language (alsdesk.i18n), for the screen only.
"""
from __future__ import annotations

from enum import Enum

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr


class Shown:
    """``shown``: the state's word in the language in use (its value is the English)."""

    @property
    def shown(self) -> str:
        return tr(self.value)  # type: ignore[attr-defined]


class SubjectStatus(Shown, str, Enum):
    SCREENING = "screening"
    SCREEN_FAILURE = "screen failure"
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    DIED = "died"


class FormStatus(Shown, str, Enum):
    """not started -> in progress -> complete -> (verified) -> signed -> locked."""

    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    COMPLETE = "complete"
    VERIFIED = "verified"
    SIGNED = "signed"
    LOCKED = "locked"
    DELETED = "deleted"  # a log entry withdrawn with a reason; kept with its history

    @property
    def is_complete(self) -> bool:
        """Whether the data has passed the completion checks and is still in force."""
        return self in (FormStatus.COMPLETE, FormStatus.VERIFIED, FormStatus.SIGNED)


class QueryStatus(Shown, str, Enum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


# the words, for the catalogue (pyside6-lupdate reads these; `shown` translates them)
WORDS = (
    QT_TRANSLATE_NOOP("", "screening"), QT_TRANSLATE_NOOP("", "screen failure"),
    QT_TRANSLATE_NOOP("", "enrolled"), QT_TRANSLATE_NOOP("", "completed"),
    QT_TRANSLATE_NOOP("", "withdrawn"), QT_TRANSLATE_NOOP("", "died"),
    QT_TRANSLATE_NOOP("", "not started"), QT_TRANSLATE_NOOP("", "in progress"),
    QT_TRANSLATE_NOOP("", "complete"), QT_TRANSLATE_NOOP("", "verified"),
    QT_TRANSLATE_NOOP("", "signed"), QT_TRANSLATE_NOOP("", "locked"),
    QT_TRANSLATE_NOOP("", "deleted"), QT_TRANSLATE_NOOP("", "open"),
    QT_TRANSLATE_NOOP("", "answered"), QT_TRANSLATE_NOOP("", "closed"),
    # alsdesk.clinical.schedule.VisitStatus
    QT_TRANSLATE_NOOP("", "not due"), QT_TRANSLATE_NOOP("", "due"),
    QT_TRANSLATE_NOOP("", "in window"), QT_TRANSLATE_NOOP("", "overdue"),
    QT_TRANSLATE_NOOP("", "done in window"), QT_TRANSLATE_NOOP("", "done out of window"),
    QT_TRANSLATE_NOOP("", "done"), QT_TRANSLATE_NOOP("", "not scheduled"),
    QT_TRANSLATE_NOOP("", "not expected"),
    # alsdesk.safety.outcomes.Verdict
    QT_TRANSLATE_NOOP("", "yes"), QT_TRANSLATE_NOOP("", "no"),
    QT_TRANSLATE_NOOP("", "not assessable"),
)
