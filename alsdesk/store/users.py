"""User accounts: creation, roles, passwords, login and lockout, all audited."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from alsdesk import userids
from alsdesk.auth import (Action, Role, check_password, hash_password, validate_password,
                          words_of_study)
from alsdesk.errors import AuthError, NotFound
from alsdesk.i18n import tr
from alsdesk.store import logins
from alsdesk.store.audit import A, utc_now
from alsdesk.store.verify_users import with_fingerprint
from alsdesk.textcheck import control_problem, says_something
from alsdesk.argcheck import checked

if TYPE_CHECKING:
    from alsdesk.store.core import Store

MAX_FAILED_LOGINS = 5
FULL_NAME_MAX = 200  # printed beside every signature
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True)
class User:
    user_id: str
    full_name: str
    role: Role
    active: bool
    failed_logins: int
    locked_until: str | None
    created_at: str


@checked
class UserService:
    def __init__(self, store: "Store") -> None:
        self.store = store
        # Wrong passwords met while the file is open read-only, where they cannot be saved.
        self._readonly_failures: dict[str, tuple[int, str | None]] = {}

    @property
    def conn(self):
        return self.store.conn

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM users").fetchone()[0]

    def get(self, user_id: str) -> User:
        if not isinstance(user_id, str):
            raise NotFound(tr("There is no user {user}: a user id is text.").format(
                user=repr(str(user_id)[:40])))
        row = self.conn.execute(
            "SELECT user_id, full_name, role, active, failed_logins, locked_until, created_at "
            "FROM users WHERE user_id = ?",
            (user_id,),
        ).fetchone()
        if row is None:
            raise NotFound(tr("There is no user '{user}'.").format(user=user_id[:40]))
        return User(row[0], row[1], Role(row[2]), bool(row[3]), row[4], row[5], row[6])

    def list(self) -> list[User]:
        ids = [r[0] for r in self.conn.execute("SELECT user_id FROM users ORDER BY user_id")]
        return [self.get(i) for i in ids]

    def create_first_admin(self, user_id: str, full_name: str, password: str) -> User:
        """The first account of a new database: an administrator, allowed only once."""
        if self.count():
            raise AuthError(tr("This database already has users: log in as an administrator."))
        return self._insert(user_id, full_name, Role.ADMIN, password, first=True)

    def add(self, user_id: str, full_name: str, role: Role | str, password: str) -> User:
        """Create an account (administrator only)."""
        self.store.require(Action.MANAGE_USERS)
        return self._insert(user_id, full_name, _role(role), password, first=False)

    def _insert(self, user_id: str, full_name: str, role: Role, password: str, first: bool) -> User:
        if not isinstance(user_id, str) or not isinstance(full_name, str):
            raise AuthError(tr("The user id and the full name must be text."))
        user_id = user_id.strip()
        full_name = full_name.strip()
        if problem := userids.id_problem(user_id):
            raise AuthError(problem)
        existing = [r[0] for r in self.conn.execute("SELECT user_id FROM users")]
        if twin := userids.twin_of(user_id, existing):
            raise AuthError(tr("The user id '{user}' looks like the existing '{twin}' (they "
                               "differ only in case or look-alike characters): choose "
                               "another.").format(user=user_id, twin=twin))
        if not says_something(full_name):
            raise AuthError(tr("Enter the person's full name (in letters): it is printed with "
                               "their signature."))
        if problem := control_problem(full_name, lines=False):
            raise AuthError(tr("The full name {problem}.").format(problem=problem))
        if len(full_name) > FULL_NAME_MAX:
            raise AuthError(tr("The full name has {n:,} characters; at most {most} are "
                               "allowed.").format(n=len(full_name), most=FULL_NAME_MAX))
        validate_password(password, user_id, full_name, words_of_study(self.store.study))
        if self.conn.execute("SELECT 1 FROM users WHERE user_id = ?", (user_id,)).fetchone():
            raise AuthError(tr("The user id '{user}' is taken: choose another.").format(
                user=user_id))
        now = utc_now()
        pw_hash = hash_password(password)
        # (The first administrator's slot is made with the key file, by Store.create.)
        with self.store.slots.changing(None if first else user_id, password), \
                self.store.transaction():
            self.conn.execute(
                "INSERT INTO users (user_id, full_name, role, password_hash, created_at, "
                "created_by) VALUES (?, ?, ?, ?, ?, ?)",
                (user_id, full_name, role.value, pw_hash, now, self.store.user_id),
            )
            if first:
                # The first administrator creates their own account: the row names them.
                self.store.user_id, self.store.role = user_id, role
                self.store.full_name = full_name
            # The fingerprint lets `alsdesk verify` tell a hash swapped behind the program.
            self.store.audit(A.USER_CREATE, field=user_id, ts=now,
                             new_value=with_fingerprint(f"{full_name} ({role.value})", pw_hash))
        return self.get(user_id)

    def authenticate(self, user_id: str, password: str, purpose: str = "login") -> User:
        """Check a password; counts failures and locks the account after too many.

        `purpose` other than "login" (a signature, the idle lock) records only failures.
        An unknown id costs the same password check and gets the same message as a wrong
        password, so neither the time nor the words tell a stranger which ids exist; what
        was typed as the id is not kept (alsdesk/store/logins.py says why and what is).
        """
        if not isinstance(user_id, str) or not isinstance(password, str):
            logins.spend_a_check(password)
            raise AuthError(_wrong(purpose))
        if self.store.readonly:
            return self._authenticate_readonly(user_id, password, purpose)
        row = self.conn.execute(
            "SELECT password_hash, active, failed_logins, locked_until, role FROM users "
            "WHERE user_id = ?",
            (user_id,),
        ).fetchone()
        now = datetime.now(timezone.utc)
        if row is None:
            logins.spend_a_check(password)
            logins.record_failure(self.store, None, logins.UNKNOWN)
            raise AuthError(_wrong(purpose))
        pw_hash, active, failed, locked_until, role = row
        right = check_password(password, pw_hash)  # on every path: the same time for each
        if _still_locked(locked_until, now):
            logins.record_failure(self.store, user_id, "account locked")
            raise AuthError(_locked_message(locked_until))
        if not active:
            logins.record_failure(self.store, user_id, "account deactivated")
            raise AuthError(tr("This account is deactivated. Ask an administrator."))
        if not right:
            failed += 1
            until = (now + LOCKOUT).isoformat() if failed >= MAX_FAILED_LOGINS else None
            with self.store.transaction():
                self.conn.execute(
                    "UPDATE users SET failed_logins = ?, locked_until = ? WHERE user_id = ?",
                    (0 if until else failed, until, user_id),
                )
                self.store.audit(A.LOGIN_FAILED, field=user_id,
                                 reason=f"wrong password at {purpose} ({failed})")
                if until:
                    self.store.audit(A.LOCKED_OUT, field=user_id, new_value=until,
                                     reason=f"{MAX_FAILED_LOGINS} wrong passwords")
            if until:
                raise AuthError(_lockout_message())
            raise AuthError(_wrong(purpose, MAX_FAILED_LOGINS - failed))
        with self.store.transaction():
            self.conn.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE user_id = ?",
                (user_id,),
            )
            if purpose == "login":
                self.store.audit(A.LOGIN, actor=(user_id, role))
        return self.get(user_id)

    def _authenticate_readonly(self, user_id: str, password: str, purpose: str) -> User:
        """Check a password without writing the file (it is open read-only).

        The same lockout rule as :meth:`authenticate`: the file's own count and lockout are
        obeyed, and wrong passwords are added to them in this workstation's read-only log
        (kept in memory too, should that log not be writable), to be audited when the file
        is next opened for writing (alsdesk/store/logins.py).
        """
        row = self.conn.execute(
            "SELECT password_hash, active, locked_until, failed_logins FROM users "
            "WHERE user_id = ?",
            (user_id,),
        ).fetchone()
        path = self.store.path
        if row is None:
            logins.spend_a_check(password)
            logins.note_readonly_failure(path, None, purpose, 0, None)
            raise AuthError(_wrong(purpose))
        pw_hash, active, locked_until, file_failed = row
        right = check_password(password, pw_hash)
        now = datetime.now(timezone.utc)
        kept, kept_until = logins.readonly_state(path, user_id)
        memory, memory_until = self._readonly_failures.get(user_id, (0, None))
        count = max(kept, memory)
        locks = [u for u in (locked_until, kept_until, memory_until) if _still_locked(u, now)]
        if locks:
            raise AuthError(_locked_message(max(locks, key=datetime.fromisoformat)))
        if not active:
            raise AuthError(tr("This account is deactivated. Ask an administrator."))
        if not right:
            failed = (file_failed or 0) + count + 1
            until = (now + LOCKOUT).isoformat() if failed >= MAX_FAILED_LOGINS else None
            count = 0 if until else count + 1
            self._readonly_failures[user_id] = (count, until)
            logins.note_readonly_failure(path, user_id, purpose, count, until, attempt=failed)
            if until:
                raise AuthError(_lockout_message())
            raise AuthError(_wrong(purpose, MAX_FAILED_LOGINS - failed))
        self._readonly_failures.pop(user_id, None)
        logins.clear_readonly_count(path, user_id)
        return self.get(user_id)

    def confirm_password(self, password: str, purpose: str = "signature") -> None:
        """Re-check the logged-in user's password (signatures, unlocking the idle screen)."""
        if self.store.user_id is None:
            raise AuthError(tr("Log in first."))
        self.authenticate(self.store.user_id, password, purpose)

    def set_role(self, user_id: str, role: Role | str, reason: str) -> None:
        self.store.require(Action.MANAGE_USERS)
        role = _role(role)
        old = self.get(user_id)
        if user_id == self.store.user_id and role is not Role.ADMIN:
            raise AuthError(tr("You cannot take the administrator role from your own account."))
        with self.store.transaction():
            self.conn.execute("UPDATE users SET role = ? WHERE user_id = ?", (role.value, user_id))
            self.store.audit(A.USER_ROLE, field=user_id, old_value=old.role.value,
                             new_value=role.value, reason=reason)

    def set_active(self, user_id: str, active: bool, reason: str) -> None:
        """Deactivate (or reactivate) an account; accounts are never deleted."""
        self.store.require(Action.MANAGE_USERS)
        old = self.get(user_id)
        if user_id == self.store.user_id and not active:
            raise AuthError(tr("You cannot deactivate your own account."))
        with self.store.transaction():
            self.conn.execute("UPDATE users SET active = ? WHERE user_id = ?", (int(active), user_id))
            self.store.audit(A.USER_REACTIVATE if active else A.USER_DEACTIVATE, field=user_id,
                             old_value=str(int(old.active)), new_value=str(int(active)),
                             reason=reason)
        if not active:
            self.store.slots.remove(user_id)

    def reset_password(self, user_id: str, new_password: str, reason: str) -> None:
        """An administrator sets a new password (and unlocks the account)."""
        self.store.require(Action.MANAGE_USERS)
        user = self.get(user_id)
        validate_password(new_password, user_id, user.full_name,
                          words_of_study(self.store.study))
        pw_hash = hash_password(new_password)
        with self.store.slots.changing(user_id, new_password), self.store.transaction():
            self.conn.execute(
                "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL "
                "WHERE user_id = ?",
                (pw_hash, user_id),
            )
            self.store.audit(A.PASSWORD_RESET, field=user_id, reason=reason,
                             new_value=with_fingerprint(None, pw_hash))

    def unlock(self, user_id: str, reason: str) -> None:
        self.store.require(Action.MANAGE_USERS)
        self.get(user_id)
        with self.store.transaction():
            self.conn.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE user_id = ?",
                (user_id,),
            )
            self.store.audit(A.USER_UNLOCK, field=user_id, reason=reason)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        if self.store.user_id is None:
            raise AuthError(tr("Log in first."))
        user_id = self.store.user_id
        self.authenticate(user_id, old_password, "password change")
        validate_password(new_password, user_id, self.store.full_name or "",
                          words_of_study(self.store.study))
        pw_hash = hash_password(new_password)
        with self.store.slots.changing(user_id, new_password), self.store.transaction():
            self.conn.execute(
                "UPDATE users SET password_hash = ? WHERE user_id = ?", (pw_hash, user_id))
            self.store.audit(A.PASSWORD_CHANGE, field=user_id,
                             new_value=with_fingerprint(None, pw_hash))


def _role(value: object) -> Role:
    """A role given by its value ('nurse'), or AuthError naming the roles there are."""
    try:
        return Role(value)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise AuthError(tr("'{value}' is not a role: choose one of {names}.").format(
            value=str(value)[:40], names=names)) from None


def _still_locked(until: str | None, now: datetime) -> bool:
    try:
        return bool(until) and datetime.fromisoformat(until) > now
    except (TypeError, ValueError):
        return False  # a lockout time nobody wrote (the file edited by hand)


def lockout_message() -> str:
    return _lockout_message()


def locked_message(until: str) -> str:
    return _locked_message(until)


def wrong_login() -> str:
    """The login's message for a wrong id or password (an encrypted file's too)."""
    return _wrong("login")


def _wrong(purpose: str, left: int | None = None) -> str:
    """The one message of a wrong id or password at login (which of the two is not said,
    nor how many tries an existing account has left); elsewhere (a signature, the idle
    lock) the person is known, and the tries left are told."""
    if purpose != "login" and left is not None:
        return tr("The password is wrong ({left} tries left before the account is "
                  "locked).").format(left=left)
    return tr("The user id or the password is wrong. After {n} wrong passwords in a row an "
              "account is locked for {minutes} minutes.").format(
        n=MAX_FAILED_LOGINS, minutes=int(LOCKOUT.total_seconds() // 60))


def _lockout_message() -> str:
    return tr("Wrong password {n} times: the account is locked for {minutes} "
              "minutes.").format(n=MAX_FAILED_LOGINS,
                                 minutes=int(LOCKOUT.total_seconds() // 60))


def _locked_message(until: str) -> str:
    return tr("This account is locked after too many wrong passwords. Try again after {time} "
              "or ask an administrator to unlock it.").format(time=_local(until))


def _local(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
