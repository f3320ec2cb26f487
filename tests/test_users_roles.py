"""Accounts, passwords, lockout and the role rules, enforced in the core."""
from __future__ import annotations

import pytest

from alsdesk.auth import Action, Role, allowed, check_password, hash_password, password_problem
from alsdesk.errors import AuthError, PermissionDenied
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, sql_dump


def test_password_hash_is_salted_scrypt_and_never_clear(store):
    h1, h2 = hash_password(PASSWORD), hash_password(PASSWORD)
    assert h1 != h2 and h1.startswith("scrypt$")
    assert check_password(PASSWORD, h1) and not check_password("other-pass-1", h1)
    raw = store.conn.execute("SELECT group_concat(password_hash) FROM users").fetchone()[0]
    assert PASSWORD not in raw
    dumped = "\n".join(sql_dump(store.conn))
    assert PASSWORD not in dumped


@pytest.mark.parametrize("bad", ["short1", "onlyletterslong", "nurse-pass-123", " spaced-pass-1 "])
def test_password_rules(bad):
    assert password_problem(bad, "nurse") is not None


def test_first_admin_only_once(store):
    with pytest.raises(AuthError):
        store.users.create_first_admin("eve", "Eve", PASSWORD)


def test_only_admin_manages_users(store):
    with pytest.raises(PermissionDenied):
        store.users.add("x1", "X", "nurse", PASSWORD)
    store.logout()
    store.login("admin", PASSWORD)
    store.users.add("x1", "Xena Nurse", "nurse", PASSWORD)
    with pytest.raises(AuthError, match="taken"):
        store.users.add("x1", "Xena Nurse", "nurse", PASSWORD)
    store.users.set_role("x1", "investigator", "promoted to sub-investigator")
    assert store.users.get("x1").role is Role.INVESTIGATOR
    store.users.set_active("x1", False, "left the site")
    store.logout()
    with pytest.raises(AuthError, match="deactivated"):
        store.login("x1", PASSWORD)
    rows = store.conn.execute(
        "SELECT action, field, old_value, new_value, reason FROM audit_trail "
        "WHERE action IN ('user.role', 'user.deactivate')").fetchall()
    assert ("user.role", "x1", "nurse", "investigator", "promoted to sub-investigator") in rows


def test_lockout_after_five_failures(store):
    store.logout()
    for _ in range(4):
        # the same words as for an unknown id: no "tries left" that tells the id exists
        with pytest.raises(AuthError, match="user id or the password is wrong"):
            store.login("nurse", "wrong-password-9")
    with pytest.raises(AuthError, match="locked"):
        store.login("nurse", "wrong-password-9")
    with pytest.raises(AuthError, match="locked"):
        store.login("nurse", PASSWORD)  # even the right password, while locked
    assert store.conn.execute(
        "SELECT count(*) FROM audit_trail WHERE action = 'user.locked_out'").fetchone()[0] == 1
    store.login("admin", PASSWORD)
    store.users.unlock("nurse", "identity checked in person")
    store.logout()
    store.login("nurse", PASSWORD)


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


@pytest.mark.parametrize("user", ["nurse", "inv", "mon", "admin"])
def test_role_matrix_enforced_in_core(store, user):
    """Each core action succeeds for allowed roles and raises PermissionDenied otherwise."""
    code = store.subjects.create().code
    rec = store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True).record
    _as(store, user)
    role = Role(store.role)

    def attempt(action, call):
        if allowed(role, action):
            call()
        else:
            with pytest.raises(PermissionDenied):
                call()

    attempt(Action.MANAGE_SUBJECTS, lambda: store.subjects.create())
    attempt(Action.CHANGE_DATA, lambda: store.forms.save(code, "screening", "alsfrs", {"q1": 3},
                                                         reason="correction"))
    attempt(Action.ENTER_DATA, lambda: store.forms.save(code, "screening", "fvc", {"fvc": 3.0}))
    attempt(Action.MANAGE_USERS, lambda: store.users.add(f"new{user}", "New Person", "nurse",
                                                         PASSWORD))
    attempt(Action.RAISE_QUERY, lambda: store.queries.raise_query(rec.instance_id, "q1",
                                                                     "Score 3 or 2?"))
    attempt(Action.CHANGE_SETTINGS, lambda: store.set_setting("idle_minutes", "5"))
    # signing and locking need a complete form in the right state
    fresh = store.forms.get_instance(rec.instance_id)
    if fresh.status.value == "complete":
        attempt(Action.SIGN, lambda: store.forms.sign(rec.instance_id, PASSWORD))
    attempt(Action.LOCK, lambda: store.forms.lock(rec.instance_id, "lock"))
    assert store.verify().ok


def test_nurse_sign_raises_even_with_right_password(store):
    code = store.subjects.create().code
    rec = store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True).record
    with pytest.raises(PermissionDenied, match="may not sign"):
        store.forms.sign(rec.instance_id, PASSWORD)


def test_not_logged_in_cannot_act(store):
    store.logout()
    with pytest.raises(PermissionDenied, match="Log in"):
        store.subjects.create()


def test_subject_numbers_follow_pattern_and_are_audited(store, study):
    a, b = store.subjects.create("AB"), store.subjects.create()
    assert a.code == study.subject_pattern.format(n=1)
    assert b.code == study.subject_pattern.format(n=2)
    rows = store.conn.execute(
        "SELECT subject, action FROM audit_trail WHERE action LIKE 'subject.%' ORDER BY seq"
    ).fetchall()
    assert rows[:2] == [(a.code, "subject.create"), (a.code, "subject.initials")]


def test_account_rows_belong_to_no_form(store):
    """The login's account check finds an account's rows through the audit_instance index
    by "instance_id IS NULL" (verify_users.replay_accounts): every account row the program
    writes must have no form, or the check would miss it."""
    from alsdesk.store.verify_users import _ACCOUNT_ACTIONS

    store.logout()
    store.login("admin", PASSWORD)
    store.users.add("x2", "Xavier Nurse", "nurse", PASSWORD)
    store.users.set_role("x2", "investigator", "sub-investigator")
    store.users.reset_password("x2", "Another-horse-7", "forgotten")
    store.users.set_active("x2", False, "left")
    store.users.set_active("x2", True, "back")
    store.logout()
    for _ in range(5):
        with pytest.raises(AuthError):
            store.login("x2", "wrong-password-9")
    store.login("admin", PASSWORD)
    store.users.unlock("x2", "identity checked")
    store.logout()
    store.login("x2", "Another-horse-7")
    store.users.change_own_password("Another-horse-7", "Third-horse-77")
    marks = ", ".join("?" * len(_ACCOUNT_ACTIONS))
    rows = store.conn.execute(f"SELECT action, instance_id FROM audit_trail WHERE action IN "
                              f"({marks}, 'user.login')", _ACCOUNT_ACTIONS).fetchall()
    assert {a for a, _i in rows} >= {"user.create", "user.role", "user.password_reset",
                                     "user.deactivate", "user.reactivate", "user.login_failed",
                                     "user.locked_out", "user.unlock", "user.password_change",
                                     "user.login"}, rows
    assert all(instance is None for _a, instance in rows), rows
