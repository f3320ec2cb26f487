"""A stranger or an insider at the workstation attacks the login, the passwords and free text.

Each test is one attack (issue 12, items 3, 4, 8 and 15): it is caught, with a message that
says what to do, and the file shows it (read with plain sqlite3 where the attack is on what
the file keeps).
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import statistics
import time
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from alsdesk.errors import AlsDeskError, AuthError, NotFound, StoreError, WorkflowError
from alsdesk.store import Store
from alsdesk.store import logins
from alsdesk.store.audit import A
from tests.helpers import sql_dump
from tests.conftest import PASSWORD

TYPED_PASSWORD = "Karimi-secret-2024"  # a nurse's password typed into the user-id box


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path, monkeypatch):
    """This test's own user data folder (the read-only log)."""
    # ALSDESK_DATA_DIR wins over XDG_DATA_HOME (alsdesk.paths.user_data_dir; conftest sets it)
    monkeypatch.setenv("ALSDESK_DATA_DIR", str(tmp_path / "xdg" / "alsdesk"))


def _trail(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT seq, action, field, old_value, new_value, reason, user_id "
                            "FROM audit_trail ORDER BY seq").fetchall()


def _all_text(db_path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return "\n".join(sql_dump(conn))
    finally:
        conn.close()


# -- item 4: what was typed as the user id ---------------------------------------------------


def test_a_password_typed_as_the_user_id_is_not_kept_anywhere(store, db_path, tmp_path):
    from alsdesk import exchange

    store.logout()
    for _ in range(2):
        with pytest.raises(AuthError) as unknown:
            store.login(TYPED_PASSWORD, "whatever-1")
    with pytest.raises(AuthError):
        store.login("Another-typed-text-9", "whatever-1")
    assert TYPED_PASSWORD not in _all_text(db_path)
    failed = [r for r in _trail(db_path) if r[1] == A.LOGIN_FAILED]
    # nothing of the text, not even a fingerprint (one short enough to read is tested against
    # a list of common passwords in a second)
    assert [(r[2], r[5]) for r in failed[-3:]] == [(None, logins.UNKNOWN)] * 3
    # nor in an export of the audit trail
    store.login("admin", PASSWORD)
    exchange.export_csv(store, tmp_path / "out", exchange.ExportOptions(include_audit=True))
    exported = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.csv"))
    assert "user.login_failed" in exported and TYPED_PASSWORD not in exported
    assert "wrong" in str(unknown.value)


def test_unknown_ids_and_wrong_passwords_look_the_same(store):
    store.logout()
    with pytest.raises(AuthError) as unknown:
        store.login("nobody.here", "Wrong-password-1")
    with pytest.raises(AuthError) as wrong:
        store.login("nurse", "Wrong-password-1")
    assert str(unknown.value) == str(wrong.value)

    def seconds(user_id: str) -> float:
        times = []
        for _ in range(3):  # fewer than the lockout: the same path each time
            start = time.perf_counter()
            with pytest.raises(AuthError):
                store.login(user_id, "Wrong-password-1")
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    known, unknown_time = seconds("inv"), seconds("not.an.account")
    # an unknown id costs a password hash too (without it: a millisecond against ~50)
    assert unknown_time > known * 0.5, (unknown_time, known)


def test_the_login_screen_cannot_flood_the_audit_trail(store, db_path):
    store.logout()
    before = len(_trail(db_path))
    size = db_path.stat().st_size
    for i in range(30):
        with pytest.raises(AuthError):
            store.login(f"guess{i}", "x")
    with pytest.raises(AuthError):
        store.login("y" * 10_000_000, "z" * 1_000_000)  # ten megabytes typed in the id box
    added = _trail(db_path)[before:]
    assert len(added) == logins.UNLIMITED_PER_MINUTE + 1
    assert added[-1][5] == logins.SUMMARY
    assert db_path.stat().st_size < size + 64 * 1024
    # wrong passwords of a real account are still recorded: they lead to its lockout
    with pytest.raises(AuthError):
        store.login("nurse", "Wrong-password-1")
    assert _trail(db_path)[-1][2] == "nurse"


def test_a_locked_account_hammered_adds_few_rows(store, db_path):
    store.logout()
    for _ in range(5):
        with pytest.raises(AuthError):
            store.login("nurse", "Wrong-password-1")
    before = len(_trail(db_path))
    for _ in range(25):
        with pytest.raises(AuthError, match="locked"):
            store.login("nurse", PASSWORD)
    assert len(_trail(db_path)) - before <= logins.UNLIMITED_PER_MINUTE + 1


def test_wrong_types_at_login_are_refused_in_words(store):
    store.logout()
    for user_id, password in ((None, "x"), (["nurse"], PASSWORD), ("nurse", None), (b"nurse", 1)):
        with pytest.raises(AlsDeskError, match="must be text"):
            store.login(user_id, password)
    assert store.user_id is None


# -- item 8: one lockout rule wherever a password is checked ---------------------------------


def test_a_read_only_window_keeps_the_lockout_across_windows_and_audits_later(db_path, study):
    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    guesses = 0
    for _window in range(6):  # each window a new Store: the count is not per window
        with Store.open(db_path, study, readonly=True) as ro:
            for _ in range(5):
                try:
                    ro.login("nurse", f"Guess-number-{guesses}")
                except AuthError as exc:
                    last = str(exc)
                guesses += 1
            with pytest.raises(AuthError, match="locked"):
                ro.login("nurse", PASSWORD)  # even the right password, after five guesses
    assert "locked" in last
    before = len(_trail(db_path))
    with Store.open(db_path, study) as st:  # writable again on this workstation
        with pytest.raises(AuthError, match="locked"):
            st.login("nurse", PASSWORD)
        assert st.verify().ok
    added = _trail(db_path)[before:]
    failures = [r for r in added if r[1] == A.LOGIN_FAILED and "read-only window" in r[5]]
    assert len(failures) == 5  # the guesses made before the lockout; then none got through
    assert any(r[1] == A.LOCKED_OUT and r[2] == "nurse" for r in added)
    with sqlite3.connect(db_path) as conn:
        until = conn.execute("SELECT locked_until FROM users WHERE user_id = 'nurse'").fetchone()
    assert until[0] is not None
    assert not (db_path.parent / "xdg" / "alsdesk" / "readonly-logins.json").read_text() \
        .count("nurse")  # written to the trail, so taken out of the local log


def test_signature_passwords_count_towards_the_same_lockout(store, db_path):
    store.logout()
    store.login("inv", PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError, match="tries left"):
            store.users.confirm_password("Not-my-password-1")
    with pytest.raises(AuthError, match="locked for 15 minutes"):
        store.users.confirm_password("Not-my-password-1")
    rows = [r for r in _trail(db_path) if r[1] == A.LOGIN_FAILED and r[2] == "inv"]
    assert len(rows) == 5 and all("signature" in r[5] for r in rows)
    store.logout()
    with pytest.raises(AuthError, match="locked"):
        store.login("inv", PASSWORD)


# -- item 15: passwords, ids, names, CLI logins, bad API input, the clock -------------------


@pytest.mark.parametrize("password", [
    "Password12", "P@ssw0rd2024!", "Qwerty1234", "1234567890a", "aaaaaaaaa1", "abcabcabc1",
    "Welcome2025", "Letmein!99", "iloveyou99", "Admin12345", "zxcvbnm123", "Royan2024!",
    "RoyanNerve008", "Tehran1234", "NoraNurse-7", "Nora2024!!", "xnursex-123",
])
def test_common_and_personal_passwords_are_refused(store, password):
    store.logout()
    store.login("admin", PASSWORD)
    with pytest.raises(AuthError, match="password"):
        store.users.add("nora", "Nora Nurse", "nurse", password)
    with pytest.raises(AuthError, match="password"):
        store.users.reset_password("nurse", password, "forgotten")


def test_good_passphrases_stay_accepted(store):
    from alsdesk.demo import DEMO_PASSWORD

    store.logout()
    store.login("admin", PASSWORD)
    for i, password in enumerate((DEMO_PASSWORD, "Correct-horse-9", "Tulip-rain-42-shelf")):
        store.users.add(f"ok{i}", "Zara Zand", "nurse", password)


@pytest.mark.parametrize("user_id, says", [
    ("Nurse2", "lower case: use 'nurse2'"),
    ("nur\u0455e", "lower-case letters a-z"),  # a Cyrillic s
    ("adm1n", "looks like the existing 'admin'"),
    ("rnon", "looks like the existing 'mon'"),
    ("nurse_", "starting and ending"),
    ("a b", "one word"),
    ("x" * 33, "at most 32"),
])
def test_confusable_or_odd_user_ids_are_refused(store, user_id, says):
    store.logout()
    store.login("admin", PASSWORD)
    with pytest.raises(AuthError, match=says.replace("(", r"\(")):
        store.users.add(user_id, "Zara Zand", "nurse", "Tulip-rain-42-shelf")


def test_full_width_ids_are_refused_with_their_plain_form(store):
    store.logout()
    store.login("admin", PASSWORD)
    with pytest.raises(AuthError, match="plain letters and digits: 'zara'"):
        store.users.add("\uff5a\uff41\uff52\uff41", "Zara Zand", "nurse", "Tulip-rain-42-shelf")
    with pytest.raises(AuthError, match="looks like the existing 'mon'"):
        store.users.add("m0n", "Zara Zand", "nurse", "Tulip-rain-42-shelf")


@pytest.mark.parametrize("name", ["Nora \u202eesruN", "\x1b[31mRed Nurse", "Ali\u2066 Reza",
                                  "N" * 201])
def test_names_with_escapes_or_direction_overrides_are_refused(store, name):
    store.logout()
    store.login("admin", PASSWORD)
    with pytest.raises(AuthError, match="full name"):
        store.users.add("zara", name, "nurse", "Tulip-rain-42-shelf")


def test_settings_are_limited_and_cleaned(store, db_path):
    from alsdesk import backup

    store.logout()
    store.login("admin", PASSWORD)
    before = len(_trail(db_path))
    for key, value, says in (("site_note", "x" * 10_000_000, "at most 1,000"),
                             ("site_note", "a\x1b[2Jb", "control character"),
                             ("site_note", "line\nbreak", "control character"),
                             ("../etc", "x", "not a setting's name"),
                             ("site_note", 42, "must be text")):
        with pytest.raises(WorkflowError, match=says):
            store.set_setting(key, value)
    with pytest.raises(StoreError, match="backup folder"):
        backup.configure(store, folder="/tmp/a\x00b")
    assert len(_trail(db_path)) == before
    store.set_setting("site_note", "Ward 3, Royan Institute")
    assert store.setting("site_note") == "Ward 3, Royan Institute"


def test_bad_api_input_gets_our_errors(store):
    code = store.subjects.create("AB").code
    calls = [
        lambda: store.users.get(["nurse"]),
        lambda: store.subjects.get([]),
        lambda: store.subjects.set_status(code, "frozen", "why"),
        lambda: store.forms.save(code, None, "vs", {}),
        lambda: store.forms.save(code, "screening", "no_such_form", {}),
        lambda: store.forms.get_instance([]),
        lambda: store.queries.get("one"),
        lambda: store.queries.raise_query(1, None, 123),
        lambda: store.subjects.set_initials(code, 123, "typo"),
        lambda: store.forms.save(code, "screening", "vs", [("pulse", 70)]),
        lambda: store.forms.save(code, "screening", "vs", {"pulse": 70}, notes=5),
        lambda: store.queries.list(status="bogus"),
    ]
    for call in calls:
        with pytest.raises(AlsDeskError) as caught:
            call()
        assert str(caught.value) and "Traceback" not in str(caught.value)
    with pytest.raises(NotFound):
        store.users.get("nobody")
    store.logout()
    store.login("admin", PASSWORD)
    with pytest.raises(AuthError, match="not a role"):
        store.users.set_role("nurse", "superuser", "why")


def _run(*args, stdin=None):
    from alsdesk.cli import main

    return CliRunner().invoke(main, list(args), input=stdin)


def test_cli_commands_that_show_trial_data_need_a_login(store, db_path, tmp_path):
    code = store.subjects.create("AB").code
    store.close()
    db = str(db_path)
    for args in (["users", "list"], ["subjects"], ["pdf", "casebook", code],
                 ["pdf", "visit", code, "screening"], ["pdf", "ae-listing"],
                 ["pdf", "schedule", code]):
        out = ["--out", str(tmp_path / "x.pdf")] if args[0] == "pdf" else []
        result = _run("--db", db, *args, *out)
        assert result.exit_code != 0 and "--as" in result.output, args
        result = _run("--db", db, *args, *out, "--as", "nurse", "--password-stdin",
                      stdin="Wrong-password-1\n")
        assert result.exit_code == 1 and "wrong" in result.output.lower(), args
        assert "Traceback" not in result.output
    listing = _run("--db", db, "subjects", "--as", "mon", "--password-stdin",
                   stdin=PASSWORD + "\n")
    assert listing.exit_code == 0 and code in listing.output
    # six wrong passwords over six read-only runs locked the nurse out, as one window would
    locked = _run("--db", db, "subjects", "--as", "nurse", "--password-stdin",
                  stdin=PASSWORD + "\n")
    assert locked.exit_code == 1 and "locked" in locked.output
    refused = _run("--db", db, "users", "list", "--as", "inv", "--password-stdin",
                   stdin=PASSWORD + "\n")
    assert refused.exit_code == 1 and "may not manage users" in refused.output


def test_a_clock_set_back_is_warned_and_noted_once(store, db_path):
    ahead = (datetime.now(timezone.utc) + timedelta(hours=3)).isoformat(timespec="microseconds")
    with store.transaction():  # a row made while the clock was three hours ahead
        store.audit(A.EXPORT, new_value="probe", ts=ahead)
    store.close()
    for _ in range(3):
        with Store.open(db_path) as st:
            assert st.clock_warning and "clock is behind" in st.clock_warning
            st.login("nurse", PASSWORD)  # saving still works
            st.subjects.create("CD")
            assert st.verify().ok
    noted = [r for r in _trail(db_path) if r[1] == A.CLOCK_BEHIND]
    assert len(noted) == 1 and noted[0][3] == ahead
    result = _run("--db", str(db_path), "users", "unlock", "nurse", "--as", "admin",
                  "--password-stdin", stdin=PASSWORD + "\n")
    assert result.exit_code == 0 and "clock is behind" in result.output
    with Store.open(db_path, readonly=True) as ro:
        assert ro.clock_warning


def test_paths_and_texts_with_escapes_never_reach_the_trail(store, db_path, tmp_path):
    from alsdesk import exchange
    from alsdesk.exchange.odm_import import import_odm

    store.logout()
    store.login("admin", PASSWORD)
    before = len(_trail(db_path))
    with pytest.raises(AlsDeskError, match="control character"):
        exchange.export_csv(store, tmp_path / "out\x1b[2J", exchange.ExportOptions())
    with pytest.raises(AlsDeskError, match="control character"):
        with store.transaction():  # the net under every path: the audit sink itself
            store.audit(A.SETTING, field="x", new_value="shown\x1b]0;owned\x07")
    store.logout()
    store.login("nurse", PASSWORD)
    odd = tmp_path / "data\x1b[31m.xml"
    odd.write_text("<ODM/>", encoding="utf-8")
    with pytest.raises(AlsDeskError, match="rename the file"):
        import_odm(store, odd)
    assert {r[1] for r in _trail(db_path)[before:]} == {A.LOGOUT, A.LOGIN}
    assert "\x1b" not in _all_text(db_path)


def test_a_damaged_read_only_log_neither_blocks_nor_crashes(store, db_path):
    store.close()
    log = db_path.parent / "xdg" / "alsdesk" / "readonly-logins.json"
    log.parent.mkdir(parents=True, exist_ok=True)
    for junk in ("{not json", "[1, 2]", '{"%s": [1]}' % str(db_path.resolve()),
                 '{"%s": {"users": [], "events": [7, {"user": 5}]}}' % str(db_path.resolve())):
        log.write_text(junk, encoding="utf-8")
        with Store.open(db_path, readonly=True) as ro:
            with pytest.raises(AuthError, match="wrong"):
                ro.login("nurse", "Wrong-password-1")
            ro.login("nurse", PASSWORD)
        log.write_text(junk, encoding="utf-8")
        with Store.open(db_path) as st:
            st.login("nurse", PASSWORD)
            assert st.verify().ok


def test_a_password_typed_as_the_id_of_a_tampered_file_is_not_kept(store, db_path):
    """With the audit trail's triggers dropped every login is refused before the password is
    checked; the refused attempt is recorded, and what was typed as the id stays out of it."""
    store.close()
    conn = sqlite3.connect(db_path)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_trail'")]
    for name in names:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.commit()
    conn.close()
    with Store.open(db_path) as st:
        with pytest.raises(AuthError, match="outside ALS Desk"):
            st.login("Secret-typed-password-7", "x")
        with pytest.raises(AuthError, match="outside ALS Desk"):
            st.login("nurse", PASSWORD)
    raw = sqlite3.connect(db_path).execute("SELECT * FROM audit_trail").fetchall()
    assert "Secret-typed-password-7" not in repr(raw)
    refused = [r for r in _trail(db_path) if r[1] == A.LOGIN_FAILED]
    assert refused[-1][2] == "nurse" and refused[-2][2] is None


def test_a_window_open_all_day_does_not_let_in_an_account_read_only_windows_locked(db_path,
                                                                                   study):
    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    with Store.open(db_path, study) as writer:  # opened in the morning, before the guesses
        with Store.open(db_path, study, readonly=True) as ro:
            for n in range(5):
                with pytest.raises(AuthError):
                    ro.login("nurse", f"Guess-number-{n}")
        with pytest.raises(AuthError, match="locked"):
            writer.login("nurse", PASSWORD)
    failures = [r for r in _trail(db_path) if r[1] == A.LOGIN_FAILED
                and "read-only window" in (r[5] or "")]
    assert len(failures) == 5
