"""States of subjects, form instances and queries."""
from __future__ import annotations

from enum import Enum


class SubjectStatus(str, Enum):
    SCREENING = "screening"
    SCREEN_FAILURE = "screen failure"
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    DIED = "died"


class FormStatus(str, Enum):
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


class QueryStatus(str, Enum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"
