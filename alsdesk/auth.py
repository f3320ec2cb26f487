"""Roles, what each may do, and password hashing.

The permission table is the single source of truth: the store calls :func:`require` before
every action, and the GUI asks :func:`allowed` only to grey out buttons.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from enum import Enum
from typing import Iterable

from alsdesk.errors import AuthError, PermissionDenied
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr


class Role(str, Enum):
    NURSE = "nurse"  # data entry
    INVESTIGATOR = "investigator"  # data entry and signature
    MONITOR = "monitor"  # read, verify, raise and close queries
    ADMIN = "admin"  # users, settings, lock and unlock

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]

    @property
    def shown(self) -> str:
        """The label in the window's language (the label itself is the English, on paper)."""
        return tr(_ROLE_LABELS[self])


_ROLE_LABELS = {
    Role.NURSE: QT_TRANSLATE_NOOP("", "Research nurse (data entry)"),
    Role.INVESTIGATOR: QT_TRANSLATE_NOOP("", "Investigator"),
    Role.MONITOR: QT_TRANSLATE_NOOP("", "Monitor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("", "Administrator"),
}


class Action(str, Enum):
    ENTER_DATA = "enter data"
    CHANGE_DATA = "change data"
    DELETE_DATA = "delete data"
    MANAGE_SUBJECTS = "create subjects and change their status"
    VERIFY = "verify source data"
    SIGN = "sign forms"
    LOCK = "lock forms"
    UNLOCK = "unlock forms"
    MANAGE_USERS = "manage users"
    CHANGE_SETTINGS = "change study settings"
    RAISE_QUERY = "raise queries"
    ANSWER_QUERY = "answer queries"
    CLOSE_QUERY = "close queries"
    EXPORT = "export data"
    VIEW_IDENTIFIERS = "see direct identifiers"
    VIEW_DATA = "view data"
    VIEW_AUDIT = "view the audit trail"
    # The infusion of a subject not found eligible is a medical decision: the investigator's.
    OVERRIDE_ELIGIBILITY = "give the infusion to a subject not found eligible"
    # The whole trail (logins, accounts, every subject), beyond the history of one form.
    REVIEW_AUDIT = "review the whole audit trail"
    # CDISC/CDASH codes in field help belong to data management, not to data entry.
    VIEW_CODES = "see CDISC codes"
    # Reference data the grades of adverse events are judged by (alsdesk/safety/ctcae.py).
    MANAGE_TERMINOLOGY = "import terminologies (CTCAE)"
    # A protocol amendment: a new version of the study definition (alsdesk/store/amend.py).
    AMEND_STUDY = "amend the study definition"

    @property
    def shown(self) -> str:
        """The action's words in the window's language (the value is the English)."""
        return tr(self.value)


# the actions' words, for the catalogue (pyside6-lupdate reads these; `shown` translates them)
_ACTION_WORDS = (
    QT_TRANSLATE_NOOP("", "enter data"), QT_TRANSLATE_NOOP("", "change data"),
    QT_TRANSLATE_NOOP("", "delete data"),
    QT_TRANSLATE_NOOP("", "create subjects and change their status"),
    QT_TRANSLATE_NOOP("", "verify source data"), QT_TRANSLATE_NOOP("", "sign forms"),
    QT_TRANSLATE_NOOP("", "lock forms"), QT_TRANSLATE_NOOP("", "unlock forms"),
    QT_TRANSLATE_NOOP("", "manage users"), QT_TRANSLATE_NOOP("", "change study settings"),
    QT_TRANSLATE_NOOP("", "raise queries"), QT_TRANSLATE_NOOP("", "answer queries"),
    QT_TRANSLATE_NOOP("", "close queries"), QT_TRANSLATE_NOOP("", "export data"),
    QT_TRANSLATE_NOOP("", "see direct identifiers"), QT_TRANSLATE_NOOP("", "view data"),
    QT_TRANSLATE_NOOP("", "view the audit trail"),
    QT_TRANSLATE_NOOP("", "give the infusion to a subject not found eligible"),
    QT_TRANSLATE_NOOP("", "review the whole audit trail"),
    QT_TRANSLATE_NOOP("", "see CDISC codes"),
    QT_TRANSLATE_NOOP("", "import terminologies (CTCAE)"),
    QT_TRANSLATE_NOOP("", "amend the study definition"),
)


_ALL_VIEW = {Action.VIEW_DATA, Action.VIEW_AUDIT}
_ENTRY = {
    Action.ENTER_DATA,
    Action.CHANGE_DATA,
    Action.DELETE_DATA,
    Action.MANAGE_SUBJECTS,
    Action.ANSWER_QUERY,
    Action.VIEW_IDENTIFIERS,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.NURSE: frozenset(_ALL_VIEW | _ENTRY),
    Role.INVESTIGATOR: frozenset(
        _ALL_VIEW | _ENTRY | {Action.SIGN, Action.EXPORT, Action.OVERRIDE_ELIGIBILITY}),
    Role.MONITOR: frozenset(
        _ALL_VIEW | {Action.VERIFY, Action.RAISE_QUERY, Action.CLOSE_QUERY, Action.EXPORT,
                     Action.REVIEW_AUDIT, Action.VIEW_CODES}
    ),
    # Segregation of duties: the administrator manages the system but does not enter or
    # sign clinical data.
    Role.ADMIN: frozenset(
        _ALL_VIEW
        | {
            Action.MANAGE_USERS,
            Action.CHANGE_SETTINGS,
            Action.LOCK,
            Action.UNLOCK,
            Action.EXPORT,
            Action.CLOSE_QUERY,
            Action.REVIEW_AUDIT,
            Action.VIEW_CODES,
            Action.MANAGE_TERMINOLOGY,
            Action.AMEND_STUDY,
        }
    ),
}


def allowed(role: Role | None, action: Action) -> bool:
    """Whether a role may perform an action."""
    return role is not None and action in PERMISSIONS[role]


def require(role: Role | None, action: Action) -> None:
    """Raise PermissionDenied unless the role may perform the action."""
    if role is None:
        raise PermissionDenied(f"Log in first: you must be logged in to {action.value}.")
    if not allowed(role, action):
        raise PermissionDenied(
            f"A user with the role '{role.label}' may not {action.value}."
        )


def who_may(action: Action) -> list[Role]:
    """The roles allowed an action, for tooltips ("Only an investigator may sign")."""
    return [r for r in Role if action in PERMISSIONS[r]]


# scrypt parameters: 16 MiB of memory per hash, about 50 ms here; stored with each hash so
# they can be raised later without invalidating old passwords.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
MIN_PASSWORD_LENGTH = 10
# Long enough for any passphrase; a megabyte pasted in is a mistake, or an attack on the hash.
MAX_PASSWORD_LENGTH = 200


def hash_password(password: str) -> str:
    """A salted scrypt hash in the form scrypt$n$r$p$salt$hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """Whether the password matches a hash made by :func:`hash_password`."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(digest_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def password_rules() -> tuple[str, ...]:
    """The rules password_problem enforces, worded to be shown before a password is typed."""
    return (tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH),
            tr("letters mixed with digits or other characters"),
            tr("not containing the user id or your name"),
            tr("not a common password (Password12, qwerty123), a keyboard run or a study word"),
            tr("no space at the start or the end"))


def password_problem(password: str, user_id: str = "", full_name: str = "",
                     study_words: Iterable[str] = ()) -> str | None:
    """Why a new password is not acceptable, or None when it is.

    `study_words`: the study's own names (registry id, protocol, title, site), which a
    guesser at this site tries first.
    """
    from alsdesk.passwords import common_problem

    if not isinstance(password, str):
        return tr("The password must be text.")
    if len(password) < MIN_PASSWORD_LENGTH:
        return tr("The password must have at least {n} characters.").format(
            n=MIN_PASSWORD_LENGTH)
    if not any(c.isalpha() for c in password) or all(c.isalpha() for c in password):
        return tr("The password must mix letters with digits or other characters.")
    if isinstance(user_id, str) and user_id and user_id.lower() in password.lower():
        return tr("The password must not contain the user id.")
    if password.strip() != password:
        return tr("The password must not start or end with a space.")
    if len(password) > MAX_PASSWORD_LENGTH:
        return tr("The password must have at most {n} characters.").format(
            n=MAX_PASSWORD_LENGTH)
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in password):
        return tr("The password holds a control or invisible character: type it again with "
                  "letters, digits and signs only.")
    return common_problem(password, user_id if isinstance(user_id, str) else "",
                          full_name if isinstance(full_name, str) else "", study_words)


def words_of_study(study) -> tuple[str, ...]:
    """The texts of a study a guesser at its site tries first (for :func:`password_problem`)."""
    return (study.id, study.protocol, study.title, study.site)


def validate_password(password: str, user_id: str = "", full_name: str = "",
                      study_words: Iterable[str] = ()) -> None:
    """Raise AuthError with the reason when a new password is not acceptable."""
    problem = password_problem(password, user_id, full_name, study_words)
    if problem:
        raise AuthError(problem)
