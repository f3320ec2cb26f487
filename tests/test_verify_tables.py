"""Issue 12, item 1 (every audited table): one SQL statement on the file that changes an
account, a lockout, a query, a setting, a subject or a form's details is reported by verify,
and an account changed so cannot log in; a normal day of work verifies clean."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest

from alsdesk.auth import hash_password
from alsdesk.errors import AuthError
from alsdesk.store import Store
from alsdesk.store.audit import A
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, attack as _attack, verify_readonly as _verify

ADVICE = "Ask the administrator to run 'alsdesk verify'"


def _switch(store, user_id, password=PASSWORD):
    store.logout()
    store.login(user_id, password)


@pytest.fixture
def day(store):
    """A normal day of work through the program: every kind of audited change. Returns the
    closed file's path and the ids of its form instances."""
    # nurse: subjects, initials, forms, a query answered
    a = store.subjects.create(initials="AB").code
    b = store.subjects.create().code
    store.subjects.set_initials(b, "CD", "initials read from the consent form")
    first = store.forms.save(a, "screening", "alsfrs", alsfrs_values(), complete=True).record
    second = store.forms.save(b, "screening", "alsfrs", alsfrs_values(), complete=True).record
    store.forms.save(b, "screening", "alsfrs", {"q2": 3}, reason="transcription error")
    store.forms.save(b, "screening", "alsfrs", complete=True)
    # two wrong passwords at the login screen, then the right one
    store.logout()
    for _ in range(2):
        with pytest.raises(AuthError):
            store.login("nurse", "not-the-password")
    store.login("mon", PASSWORD)
    q1 = store.queries.raise_query(first.instance_id, "q1", "Please check speech score.").id
    q2 = store.queries.raise_query(first.instance_id, None, "Source document missing?").id
    q3 = store.queries.raise_query(second.instance_id, "q2", "Why changed?").id
    store.forms.verify(second.instance_id)
    _switch(store, "nurse")
    store.queries.answer(q1, "Checked against the source: correct.")
    store.queries.answer(q2, "Filed today.")
    store.queries.answer(q2, "Filed today in the subject binder.")
    _switch(store, "mon")
    store.queries.close(q1)
    store.queries.close(q2, "seen in the binder")
    # investigator: a wrong password at signing (no row resets the count), then signatures
    _switch(store, "inv")
    with pytest.raises(AuthError):
        store.forms.sign(first.instance_id, "not-the-password")
    store.forms.sign(first.instance_id, PASSWORD)
    store.forms.sign(second.instance_id, PASSWORD, "Approved")
    # administrator: settings, accounts, lockouts, locks
    _switch(store, "admin")
    store.set_setting("date_format", "YYYY-MM-DD")
    store.set_setting("backup.keep", "5")
    store.set_setting("backup.keep", "7")
    store.users.add("nurse2", "Nadia Second", "nurse", PASSWORD)
    store.users.set_role("nurse2", "investigator", "sub-investigator now")
    store.users.set_active("nurse2", False, "left the site")
    store.users.set_active("nurse2", True, "came back")
    store.users.reset_password("nurse2", "Fresh-start-42", "forgot it")
    for _ in range(5):
        with pytest.raises(AuthError):
            store.users.authenticate("mon", "not-the-password")
    store.users.unlock("mon", "phoned in")
    for _ in range(5):
        with pytest.raises(AuthError):
            store.users.authenticate("nurse2", "not-the-password")
    store.forms.lock(first.instance_id, "data review done")
    store.forms.lock(second.instance_id, "data review done")
    store.forms.unlock(second.instance_id, "late correction needed")
    store.users.change_own_password(PASSWORD, "Chief-new-pass-9")
    store.logout()
    path = store.path
    store.close()
    return path, first.instance_id, second.instance_id, (q1, q2, q3)


def _login(path, study, user_id, password=PASSWORD):
    with Store.open(path, study) as st:
        return st.login(user_id, password)


def test_a_normal_day_and_the_demo_verify_clean(day, study, demo_db):
    path = day[0]
    report = _verify(path, study)
    assert report.ok, report.text()
    assert "Accounts, roles, passwords and lockouts: match the audit trail" in report.text()
    assert "Queries, settings, subject and form details, second entries: match the audit trail" in report.text()
    report = _verify(demo_db, study)
    assert report.ok, report.text()
    # and everyone still logs in (nurse2 is locked out by the program, as it should be)
    for user, password in (("nurse", PASSWORD), ("mon", PASSWORD), ("inv", PASSWORD),
                           ("admin", "Chief-new-pass-9")):
        assert _login(path, study, user, password).user_id == user
    with pytest.raises(AuthError, match="locked after too many"):
        _login(path, study, "nurse2", "Fresh-start-42")


# -- accounts ---------------------------------------------------------------------------------


def test_a_nurse_made_administrator_is_reported_and_cannot_log_in(day, study):
    path = day[0]
    _attack(path, "UPDATE users SET role = 'admin' WHERE user_id = 'nurse'")
    report = _verify(path, study)
    assert not report.ok
    assert report.account_problems == [
        "account 'nurse': role 'admin' in the users table but 'nurse' by the audit trail: "
        "the role was changed behind the program"], report.text()
    assert "Accounts, roles, passwords and lockouts: DO NOT match" in report.text()
    with pytest.raises(AuthError) as exc:
        _login(path, study, "nurse")
    assert "changed outside ALS Desk" in str(exc.value) and ADVICE in str(exc.value)
    assert "role 'admin' in the users table but 'nurse'" in str(exc.value)
    # the refused attempt is audited, and changes nothing else verify compares
    conn = sqlite3.connect(path)
    last = conn.execute("SELECT action, field, reason FROM audit_trail ORDER BY seq DESC "
                        "LIMIT 1").fetchone()
    conn.close()
    assert last[:2] == (A.LOGIN_FAILED, "nurse") and "changed outside ALS Desk" in last[2]
    assert _verify(path, study).account_problems == report.account_problems
    # one forged account does not lock out the others
    assert _login(path, study, "mon").user_id == "mon"


def test_a_swapped_password_hash_is_reported_and_cannot_log_in(day, study):
    path = day[0]
    _attack(path, "UPDATE users SET password_hash = ? WHERE user_id = 'inv'",
            params=(hash_password("Attacker-pass-1"),))
    report = _verify(path, study)
    assert report.account_problems == [
        "account 'inv': the password hash is not the one the program set (audit row "
        f"{_seq(path, A.USER_CREATE, 'inv')}): the password was replaced behind the program"]
    with pytest.raises(AuthError, match="changed outside ALS Desk"):
        _login(path, study, "inv", "Attacker-pass-1")


def test_a_hash_copied_from_another_account_after_a_reset_is_reported(day, study):
    path = day[0]
    _attack(path, "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE "
                  "user_id = 'nurse') WHERE user_id = 'nurse2'")
    report = _verify(path, study)
    assert report.account_problems == [
        "account 'nurse2': the password hash is not the one the program set (audit row "
        f"{_seq(path, A.PASSWORD_RESET, 'nurse2')}): the password was replaced behind the "
        "program"], report.text()


def test_password_rows_without_a_fingerprint_are_accepted_until_the_next_one(store, study):
    """Files written before fingerprints were kept: their password rows carry none."""
    store.logout()
    store.login("admin", PASSWORD)
    with store.transaction():  # exactly what a reset wrote before this change
        store.conn.execute("UPDATE users SET password_hash = ? WHERE user_id = 'mon'",
                           (hash_password("Older-program-1"),))
        store.audit(A.PASSWORD_RESET, field="mon", reason="reset by an older version")
    path = store.path
    store.close()
    _attack(path, "UPDATE users SET password_hash = ? WHERE user_id = 'mon'",
            params=(hash_password("Not-caught-1"),))
    assert _verify(path, study).ok  # nothing tells this hash from the one reset then
    with Store.open(path, study) as st:
        st.login("admin", PASSWORD)
        st.users.reset_password("mon", "Newer-program-1", "reset by this version")
    assert _verify(path, study).ok
    _attack(path, "UPDATE users SET password_hash = ? WHERE user_id = 'mon'",
            params=(hash_password("Caught-now-1"),))
    assert any("'mon': the password hash is not the one" in p
               for p in _verify(path, study).account_problems)


def test_a_reactivated_account_and_changed_creation_are_reported(day, study):
    path = day[0]
    with Store.open(path, study) as st:
        st.login("admin", "Chief-new-pass-9")
        st.users.set_active("inv", False, "left the trial")
    _attack(path, "UPDATE users SET active = 1, full_name = 'Someone Else' WHERE user_id = 'inv'",
            "UPDATE users SET created_by = 'inv', created_at = '2020-01-01T00:00:00+00:00' "
            "WHERE user_id = 'mon'")
    problems = _verify(path, study).account_problems
    assert "account 'inv': active in the users table but deactivated by the audit trail" \
        in problems
    assert "account 'inv': full name 'Someone Else' in the users table but 'Ivan " \
           "Investigator' by the audit trail" in problems
    assert any(p.startswith("account 'mon': created at 2020-01-01T00:00:00+00:00 by inv in "
                            "the users table but at ") for p in problems), problems
    with pytest.raises(AuthError, match="changed outside ALS Desk"):
        _login(path, study, "inv")


def test_an_account_added_or_removed_behind_the_program_is_reported(day, study):
    path = day[0]
    _attack(path, "INSERT INTO users (user_id, full_name, role, password_hash, created_at) "
                  "VALUES ('ghost', 'Ghost Admin', 'admin', ?, '2026-01-01T00:00:00+00:00')",
            "DELETE FROM users WHERE user_id = 'nurse2'",
            params=(hash_password("Ghost-pass-123"),))
    problems = _verify(path, study).account_problems
    assert "account 'ghost' (Ghost Admin, admin) has no audit row of its creation: it was " \
           "added behind the program" in problems
    assert any(p.startswith("account 'nurse2' (Nadia Second, investigator) was created by "
                            "audit row ") and p.endswith("removed behind the program")
               for p in problems), problems
    with pytest.raises(AuthError, match="changed outside ALS Desk"):
        _login(path, study, "ghost", "Ghost-pass-123")


def test_a_forged_role_that_acted_and_was_put_back_is_reported(day, study):
    """The login check stops this now; the trail still shows rows written under a role the
    account did not have (as a program without the check let happen)."""
    path = day[0]
    _attack(path, "UPDATE users SET role = 'admin' WHERE user_id = 'nurse'")
    with Store.open(path, study) as st:
        # What Store.login did before the check: the password only, the role from the row.
        user = st.users.authenticate("nurse", PASSWORD)
        st.user_id, st.role, st.full_name = user.user_id, user.role, user.full_name
        st.set_setting("backup.keep", "1")
    _attack(path, "UPDATE users SET role = 'nurse' WHERE user_id = 'nurse'")
    problems = _verify(path, study).account_problems
    assert len(problems) == 2, problems
    assert all("was written by 'nurse' as admin, but the audit trail gives 'nurse' the role "
               "nurse at that time" in p for p in problems), problems


# -- lockouts ---------------------------------------------------------------------------------


def test_a_wrong_password_count_reset_behind_the_program_is_reported(day, study):
    path = day[0]
    with Store.open(path, study) as st:
        for _ in range(3):
            with pytest.raises(AuthError):
                st.login("mon", "not-the-password")
    _attack(path, "UPDATE users SET failed_logins = 0 WHERE user_id = 'mon'")
    assert _verify(path, study).account_problems == [
        "account 'mon': 0 wrong passwords counted in the users table but 3 by the audit "
        "trail (no login, unlock or password reset row explains the difference)"]
    with pytest.raises(AuthError, match="changed outside ALS Desk"):
        _login(path, study, "mon")


def test_a_lockout_cleared_behind_the_program_is_reported(day, study):
    path = day[0]
    _attack(path, "UPDATE users SET locked_until = NULL WHERE user_id = 'nurse2'")
    problems = _verify(path, study).account_problems
    assert len(problems) == 1 and problems[0].startswith(
        "account 'nurse2': not locked in the users table but locked until "), problems
    with pytest.raises(AuthError, match="changed outside ALS Desk"):
        _login(path, study, "nurse2", "Fresh-start-42")


# -- queries, settings, subjects, forms -------------------------------------------------------


def test_queries_changed_added_or_removed_are_reported(day, study):
    path, iid, _second, (q1, q2, q3) = day
    _attack(path, f"UPDATE queries SET text = 'Nothing to see', answered_by = 'admin' "
                  f"WHERE id = {q1}",
            f"UPDATE queries SET close_note = 'all fine' WHERE id = {q2}",
            f"UPDATE queries SET status = 'closed', closed_by = 'mon', "
            f"closed_at = '2026-01-01T00:00:00+00:00' WHERE id = {q3}",
            "INSERT INTO queries (instance_id, origin, text, status, raised_by, raised_at) "
            f"VALUES ({iid}, 'manual', 'Forged', 'open', 'mon', '2026-01-01T00:00:00+00:00')")
    problems = _verify(path, study).record_problems
    assert f"query {q1}: text 'Nothing to see' in the queries table but 'Please check " \
           f"speech score.' by the audit trail (opened in audit row " \
           f"{_seq(path, A.QUERY_OPEN, 'q1')})" in problems, problems
    assert any(p.startswith(f"query {q1}: answered by 'admin' in the queries table but "
                            "'nurse'") for p in problems), problems
    assert any(p.startswith(f"query {q2}: closing note 'all fine' in the queries table but "
                            "'seen in the binder'") for p in problems), problems
    assert any(p.startswith(f"query {q3}: status 'closed' in the queries table but 'open'")
               for p in problems), problems
    assert any(p.startswith(f"query {q3}: closed by 'mon' in the queries table but (none)")
               for p in problems), problems
    assert any(p.startswith(f"query {q3 + 1} ('Forged') has no audit row of its opening")
               for p in problems), problems
    _attack(path, f"DELETE FROM queries WHERE id = {q2}")
    assert any(p.startswith(f"query {q2} was opened by audit row ") and
               p.endswith("removed behind the program")
               for p in _verify(path, study).record_problems)


def test_settings_changed_added_or_removed_are_reported(day, study):
    path = day[0]
    _attack(path, "UPDATE settings SET value = '100' WHERE key = 'backup.keep'",
            "INSERT INTO settings (key, value) VALUES ('backup.folder', '/tmp/elsewhere')",
            "DELETE FROM settings WHERE key = 'date_format'")
    problems = _verify(path, study).record_problems
    assert problems == [
        "setting backup.folder = '/tmp/elsewhere' has no audit row: it was set behind the "
        "program",
        f"setting backup.keep is '100' in the settings table but '7' by audit row "
        f"{_seq(path, A.SETTING, 'backup.keep')}",
        f"setting date_format is missing, but audit row {_seq(path, A.SETTING, 'date_format')}"
        " set it to 'YYYY-MM-DD': it was removed behind the program",
    ], problems
    # a changed setting does not stop anyone logging in
    assert _login(path, study, "nurse").user_id == "nurse"


def test_subject_details_changed_are_reported(day, study):
    path = day[0]
    _attack(path, "UPDATE subjects SET initials = 'XY' WHERE number = 1",
            "UPDATE subjects SET number = 7 WHERE number = 2",
            "UPDATE subjects SET created_by = 'admin' WHERE number = 7")
    problems = _verify(path, study).record_problems
    codes = [study.subject_pattern.format(n=n) for n in (1, 2)]
    assert f"subject {codes[0]}: initials 'XY' in the subjects table but 'AB' by the audit " \
           "trail" in problems, problems
    assert f"subject {codes[1]}: screening number 7 in the subjects table does not give " \
           "this code: the number was changed behind the program" in problems
    seq = _seq(path, A.SUBJECT_CREATE, "status", subject=codes[1])
    assert any(p.startswith(f"subject {codes[1]}: registered at ") and " by admin in the "
               "subjects table but at " in p and p.endswith(f" by nurse by audit row {seq}")
               for p in problems), problems


def test_form_details_changed_are_reported(day, study):
    path, first, second, _queries = day
    _attack(path, f"UPDATE form_instances SET verified_by = 'admin' WHERE id = {second}",
            f"UPDATE form_instances SET verified_at = '2026-01-01T00:00:00+00:00', "
            f"verified_by = 'mon' WHERE id = {first}",
            f"UPDATE form_instances SET status_before_lock = 'complete', created_by = 'inv', "
            f"completed_at = NULL WHERE id = {first}")
    problems = _verify(path, study).record_problems
    where = f"form instance {first}"
    assert any(f"(form instance {second}): verified by 'admin' in the table but 'mon' by the "
               "audit trail" in p for p in problems), problems
    assert any(f"({where}): verified at '2026-01-01T00:00:00+00:00' in the table but (none)"
               in p for p in problems), problems
    assert any(f"({where}): status before the lock 'complete' in the table but 'signed'" in p
               for p in problems), problems
    assert any(f"({where}): created by 'inv' in the table but 'nurse'" in p for p in problems)
    assert any(f"({where}): first completed at (none) in the table but '" in p
               for p in problems), problems


# -- the audit trail's protection, the command line -------------------------------------------


def test_dropped_append_only_triggers_stop_every_login_but_not_verify(day, study):
    path = day[0]
    _attack(path, "DROP TRIGGER audit_trail_no_update")
    for user in ("admin", "nurse"):
        with pytest.raises(AuthError) as exc:
            _login(path, study, user, "Chief-new-pass-9" if user == "admin" else PASSWORD)
        assert "protection of this database's audit trail was removed" in str(exc.value)
        assert ADVICE in str(exc.value)
    report = _verify(path, study)
    assert not report.ok and report.account_problems == [] and report.schema_problems


def test_verify_cli_names_the_forged_role(day, study):
    from click.testing import CliRunner

    from alsdesk.cli import main

    path = day[0]
    _attack(path, "UPDATE users SET role = 'admin' WHERE user_id = 'nurse'",
            "UPDATE settings SET value = '100' WHERE key = 'backup.keep'")
    result = CliRunner().invoke(main, ["--db", str(path), "verify"])
    assert result.exit_code == 1
    assert "account 'nurse': role 'admin' in the users table but 'nurse'" in result.output
    assert "setting backup.keep is '100' in the settings table but '7'" in result.output
    assert "VERIFY OK" not in result.output


def _seq(path, action, field, subject=None):
    """The last audit row of an action on a field (or, for a query, its field)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT max(seq) FROM audit_trail WHERE action = ? AND field = ? "
                            "AND (? IS NULL OR subject = ?)",
                            (action, field, subject, subject)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("sql,words", [
    ("UPDATE form_instances SET updated_at = '2001-01-01T00:00:00+00:00' WHERE id = ?",
     "is earlier than its newest audit row"),
    ("UPDATE form_instances SET updated_by = 'mallory' WHERE id = ?", "who has no account"),
    ("UPDATE form_instances SET updated_at = 'yesterday' WHERE id = ?", "is not a time"),
])
def test_a_forms_last_change_changed_behind_the_program(day, study, sql, words):
    """'Last saved ... by' is on screen and on the casebook: moved back in time or given to
    someone without an account, it is reported."""
    path, first, _second, _queries = day
    _attack(path, sql, params=(first,))
    report = _verify(path, study)
    assert not report.ok and any(words in p for p in report.record_problems), \
        report.record_problems
