"""Errors a user can meet, each with a message a nurse or data manager can act on.

The GUI shows ``str(error)`` as it is and keeps what was typed; the CLI prints it and exits
non-zero. Programming errors stay ordinary Python exceptions.
"""
from __future__ import annotations

from alsdesk.i18n import tr


class AlsDeskError(Exception):
    """Base of every error meant for the person at the keyboard."""


class DefinitionError(AlsDeskError):
    """The study definition file is wrong: names the file, the key and the reason."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        super().__init__(f"{file}: {key}: {reason}")


class ValidationError(AlsDeskError):
    """A value does not fit its field (type, range, code, date)."""

    def __init__(self, field_id: str, message: str) -> None:
        self.field_id = field_id
        self.message = message
        super().__init__(message)


class CheckFailed(AlsDeskError):
    """Marking a form complete was refused: hard checks failed or soft ones lack a note."""

    def __init__(self, findings: list) -> None:  # list[alsdesk.rules.engine.Finding]
        self.findings = findings
        lines = [f"- {f.message}" for f in findings]
        super().__init__(tr("The form cannot be marked complete:\n{findings}").format(
            findings="\n".join(lines)))


class ExpressionError(AlsDeskError):
    """A check or visibility expression cannot be parsed or uses something not allowed."""


class ClinicalError(AlsDeskError, ValueError):
    """Inputs to a clinical calculation are contradictory or out of range."""


class AuthError(AlsDeskError):
    """Login failed, the account is locked or inactive, or a password is wrong."""


class PermissionDenied(AlsDeskError):
    """The logged-in role may not do this."""


class WorkflowError(AlsDeskError):
    """The step is not allowed in the form's current state (e.g. editing a locked form)."""


class ReasonRequired(WorkflowError):
    """Changing data already saved as complete needs a reason for the change."""


class StoreError(AlsDeskError):
    """The database file cannot be used: not ours, too new, unreadable, locked, full."""


class NotFound(AlsDeskError):
    """A subject, user, form instance or query that was asked for does not exist."""


class NotInStudy(NotFound, KeyError):
    """An event, form or field id the study definition does not have.

    Also a KeyError, which callers of the study's lookups have always caught."""

    def __str__(self) -> str:  # KeyError's own would print the message in quotes
        return str(self.args[0]) if self.args else ""


class WrongType(AlsDeskError, TypeError):
    """A core function was given a value of the wrong type (a list for a user id): a caller's
    mistake, said in words rather than as a database or Python error."""


class DatabaseInUse(StoreError):
    """Another ALS Desk has the database open for writing; it may be opened read-only.

    ``holder`` (a :class:`alsdesk.store.lock.LockInfo`) says who, on which computer, since when.
    """

    def __init__(self, message: str, holder) -> None:
        self.holder = holder
        super().__init__(message)


class ReadOnlyDatabase(StoreError):
    """The file or its folder cannot be written by this account, or it was opened read-only."""


class DiskFull(StoreError):
    """The disk (or the database's size limit) is full: nothing was saved."""


class MovedDatabase(StoreError):
    """The database file was deleted, renamed or replaced while open: nothing was saved."""
