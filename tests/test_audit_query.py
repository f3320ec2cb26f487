"""The audit-trail review (alsdesk.audit_query) and account administration (alsdesk.accounts).

Real database files: the demo database for the trail a clinic would have, a new file with
100,000 audit rows for paging, the conftest store for the account steps.
"""
from __future__ import annotations

import csv
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from alsdesk import accounts, audit_query as aq
from alsdesk.accounts import AccountStep
from alsdesk.audit_query import AuditFilter
from alsdesk.auth import Role
from alsdesk.demo import DEMO_PASSWORD
from alsdesk.errors import AuthError, PermissionDenied, ReasonRequired
from alsdesk.exchange.dataset import ExportError
from alsdesk.store import Store
from alsdesk.store.audit import A

from tests.conftest import PASSWORD


@pytest.fixture
def demo(demo_db):
    st = Store.open(demo_db)
    st.login("monitor", DEMO_PASSWORD)
    yield st
    st.close()


def _all(store, **where):
    """The trail read directly, newest first, to compare the query with."""
    clauses = " AND ".join(f"{k} = ?" for k in where)
    sql = "SELECT seq FROM audit_trail" + (f" WHERE {clauses}" if clauses else "")
    return [r[0] for r in store.conn.execute(sql + " ORDER BY seq DESC", list(where.values()))]


@pytest.mark.parametrize("filt, where", [
    (AuditFilter(), {}),
    (AuditFilter(subject="S001"), {"subject": "S001"}),
    (AuditFilter(form="alsfrs"), {"form": "alsfrs"}),
    (AuditFilter(form="vs", field="weight"), {"form": "vs", "field": "weight"}),
    (AuditFilter(user="nurse"), {"user_id": "nurse"}),
    (AuditFilter(action="signature.sign"), {"action": "signature.sign"}),
    (AuditFilter(subject="S003", form="dm", user="investigator"),
     {"subject": "S003", "form": "dm", "user_id": "investigator"}),
])
def test_filters_keep_exactly_the_matching_rows(demo, filt, where):
    expected = _all(demo, **where)
    assert expected, f"the demo has rows for {where}"
    got = [e.seq for e in aq.page(demo, filt, limit=100_000).entries]
    assert got == expected
    assert aq.count(demo, filt) == len(expected)


def test_action_group_and_a_filter_matching_nothing(demo):
    users = aq.page(demo, AuditFilter(action="user.*"), limit=10_000).entries
    assert users and {e.action for e in users} <= {a for a in aq.ACTIONS if a.startswith("user.")}
    assert len(users) == demo.conn.execute(
        "SELECT count(*) FROM audit_trail WHERE action LIKE 'user.%'").fetchone()[0]
    assert aq.count(demo, AuditFilter(subject="S999")) == 0
    assert aq.page(demo, AuditFilter(subject="S999")).entries == ()


def test_date_range_is_local_days_inclusive(demo):
    today = date.today()
    everything = aq.count(demo, AuditFilter())
    assert aq.count(demo, AuditFilter(since=today.isoformat(), until=today.isoformat())) \
        == everything  # the demo was built today
    assert aq.count(demo, AuditFilter(until=(today - timedelta(days=1)).isoformat())) == 0
    assert aq.count(demo, AuditFilter(since=(today + timedelta(days=1)).isoformat())) == 0
    months = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
    written = f"{today.day:02d}/{months[today.month - 1].lower()}/{today.year}"
    assert aq.count(demo, AuditFilter(since=written)) == everything


@pytest.mark.parametrize("since, until, words", [
    ("yesterday", "", "is not a date"),
    ("2015-02-30", "", "is not a date"),
    ("2015-03-06", "2015-03-05", "after the 'to' date"),
])
def test_bad_dates_are_explained(demo, since, until, words):
    with pytest.raises(aq.FilterError, match=words):
        aq.count(demo, AuditFilter(since=since, until=until))


def test_values_are_shown_as_stored(demo):
    """A decimal keeps every digit it was saved with; identifiers are restricted."""
    weights = aq.page(demo, AuditFilter(form="vs", field="weight"), limit=1000).entries
    stored = {r[0]: r[1] for r in demo.conn.execute(
        "SELECT seq, new_value FROM audit_trail WHERE form = 'vs' AND field = 'weight'")}
    assert weights and all(e.new_value == stored[e.seq] for e in weights)
    initials = aq.page(demo, AuditFilter(action=A.SUBJECT_INITIALS), limit=100).entries
    assert initials and all(e.new_value == aq.RESTRICTED for e in initials)


def test_only_monitor_and_administrator_review_the_trail(demo):
    for user in ("nurse", "investigator"):
        demo.login(user, DEMO_PASSWORD)
        with pytest.raises(PermissionDenied):
            aq.count(demo, AuditFilter())
        with pytest.raises(PermissionDenied):
            aq.page(demo, AuditFilter())
    demo.login("admin", DEMO_PASSWORD)
    assert aq.count(demo, AuditFilter()) > 0


def test_csv_export_reads_back_and_is_audited(demo, tmp_path):
    target = tmp_path / "audit.csv"
    filt = AuditFilter(subject="S001")
    result = aq.export_csv(demo, filt, target)
    with open(target, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    expected = list(reversed(_all(demo, subject="S001")))  # oldest first
    assert [int(r["seq"]) for r in rows] == expected  # as the trail runs
    assert result.rows == len(rows)
    by_seq = {r[0]: r for r in demo.conn.execute(
        "SELECT seq, ts, new_value FROM audit_trail WHERE subject = 'S001'")}
    for r in rows:
        seq, ts, new = by_seq[int(r["seq"])]
        assert r["time_utc"] == ts
        assert datetime.fromisoformat(r["time_local"]) == \
            datetime.fromisoformat(ts).replace(microsecond=0)
        if r["action"] != A.SUBJECT_INITIALS:
            assert r["new_value"] == (new or "")
    last = demo.conn.execute("SELECT user_id, action, field, new_value FROM audit_trail "
                             "ORDER BY seq DESC LIMIT 1").fetchone()
    assert last[:3] == ("monitor", A.EXPORT, "audit-csv")
    assert f"{len(rows)} rows" in last[3] and "subject=S001" in last[3] and str(target) in last[3]
    with pytest.raises(ExportError, match="exists"):
        aq.export_csv(demo, filt, target)


def test_export_needs_the_right_to_export(demo, tmp_path):
    demo.login("nurse", DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):
        aq.export_csv(demo, AuditFilter(), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_paging_through_100000_rows(tmp_path, study):
    st = Store.create(tmp_path / "big.db", study)
    st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    items = [(A.VALUE_ENTERED, "weight", None, f"{70 + n / 1000:.3f}", None)
             for n in range(100_000)]
    with st.transaction():
        st.audit_many(items, subject="S001", event="screening", event_repeat=1, form="vs",
                      repeat=1, instance_id=1)
    total = st.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    assert total > 100_000
    filt = AuditFilter(form="vs")
    started = time.perf_counter()
    first = aq.page(st, filt)
    assert len(first.entries) == aq.PAGE_SIZE
    assert time.perf_counter() - started < 0.5
    seen = [e.seq for e in first.entries]
    before = first.next_before
    while before is not None:
        nxt = aq.page(st, filt, before=before, limit=5000)
        seen.extend(e.seq for e in nxt.entries)
        before = nxt.next_before
    assert len(seen) == 100_000 == len(set(seen)) == aq.count(st, filt)
    assert seen == sorted(seen, reverse=True)
    assert aq.page(st, AuditFilter(form="vs"), limit=1).entries[0].new_value == "169.999"
    st.close()


# --- accounts -------------------------------------------------------------------------


def _fingerprint(store, user_id):
    """What a password row's new value holds: the fingerprint of the hash it set."""
    from alsdesk.store.verify_users import password_fingerprint

    pw_hash = store.conn.execute("SELECT password_hash FROM users WHERE user_id = ?",
                                 (user_id,)).fetchone()[0]
    return f"password fingerprint {password_fingerprint(pw_hash)}"


def _as_admin(store):
    store.login("admin", PASSWORD)
    return store


def test_accounts_list_with_last_login(store):
    _as_admin(store)
    rows = {a.user_id: a for a in accounts.accounts(store)}
    assert set(rows) == {"admin", "nurse", "inv", "mon"}
    assert rows["nurse"].last_login is not None  # the fixture logged in as the nurse
    assert rows["inv"].last_login is None
    newest = store.conn.execute("SELECT max(ts) FROM audit_trail WHERE action = ? AND "
                                "user_id = 'admin'", (A.LOGIN,)).fetchone()[0]
    assert rows["admin"].last_login == newest


def test_every_step_audited_with_its_reason(store):
    _as_admin(store)
    accounts.deactivate(store, "nurse", "left the site")
    accounts.reactivate(store, "nurse", "came back")
    accounts.change_role(store, "nurse", Role.INVESTIGATOR, "now a sub-investigator")
    accounts.reset_password(store, "nurse", "Another-pass-77", "Another-pass-77", "forgot it")
    with pytest.raises(AuthError):
        store.users.authenticate("inv", "wrong")
    for _ in range(4):
        with pytest.raises(AuthError):
            store.users.authenticate("inv", "wrong")
    assert accounts.account_steps(store, store.users.get("inv"))[AccountStep.UNLOCK] is None
    accounts.unlock(store, "inv", "phoned in")
    rows = store.conn.execute(
        "SELECT action, field, old_value, new_value, reason, user_id FROM audit_trail "
        "WHERE action IN (?, ?, ?, ?, ?) ORDER BY seq",
        (A.USER_DEACTIVATE, A.USER_REACTIVATE, A.USER_ROLE, A.PASSWORD_RESET,
         A.USER_UNLOCK)).fetchall()
    assert rows == [
        (A.USER_DEACTIVATE, "nurse", "1", "0", "left the site", "admin"),
        (A.USER_REACTIVATE, "nurse", "0", "1", "came back", "admin"),
        (A.USER_ROLE, "nurse", "nurse", "investigator", "now a sub-investigator", "admin"),
        (A.PASSWORD_RESET, "nurse", None, _fingerprint(store, "nurse"), "forgot it", "admin"),
        (A.USER_UNLOCK, "inv", None, None, "phoned in", "admin"),
    ]
    assert store.users.authenticate("nurse", "Another-pass-77").role is Role.INVESTIGATOR


def test_steps_refused_say_why_and_change_nothing(store):
    _as_admin(store)
    before = store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    steps = accounts.account_steps(store, store.users.get("admin"))
    assert steps[AccountStep.DEACTIVATE] == "You cannot deactivate your own account."
    assert steps[AccountStep.RESET_PASSWORD] is None
    for call, words in (
            (lambda: accounts.deactivate(store, "admin", "x"), "your own account"),
            (lambda: accounts.reactivate(store, "nurse", "x"), "is active"),
            (lambda: accounts.unlock(store, "nurse", "x"), "not locked"),
            (lambda: accounts.change_role(store, "mon", Role.MONITOR, "x"), "already has"),
            (lambda: accounts.change_role(store, "admin", Role.NURSE, "x"), "your own"),
            (lambda: accounts.reset_password(store, "nurse", "Good-pass-123", "Good-pass-124",
                                             "x"), "differ"),
            (lambda: accounts.reset_password(store, "nurse", "short1", "short1", "x"),
             "at least 10"),
            (lambda: accounts.add(store, "x.y", "X Y", Role.NURSE, "Good-pass-123",
                                  "Good-pass-12"), "differ")):
        with pytest.raises(AuthError, match=words):
            call()
    with pytest.raises(ReasonRequired, match="reason to deactivate nurse"):
        accounts.deactivate(store, "nurse", "  ")
    assert store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0] == before
    assert store.users.get("nurse").active


def test_account_steps_agree_with_the_store(store):
    """A step account_steps leaves open for a state is accepted by the core, and the reverse."""
    _as_admin(store)
    store.users.set_active("mon", False, "test")
    for uid in ("nurse", "mon"):
        user = store.users.get(uid)
        steps = accounts.account_steps(store, user)
        assert (steps[AccountStep.DEACTIVATE] is None) == user.active
        assert (steps[AccountStep.REACTIVATE] is None) == (not user.active)


def test_a_nurse_may_not_administer(store):
    assert store.role is Role.NURSE
    refused = accounts.account_steps(store, store.users.get("inv"))
    assert all(r and "Administrator" in r for r in refused.values())
    for call in (lambda: accounts.accounts(store),
                 lambda: accounts.deactivate(store, "inv", "x"),
                 lambda: accounts.unlock(store, "inv", "x"),
                 lambda: accounts.change_role(store, "inv", Role.NURSE, "x"),
                 lambda: accounts.reset_password(store, "inv", "Good-pass-123",
                                                 "Good-pass-123", "x"),
                 lambda: accounts.add(store, "new", "New", Role.NURSE, "Good-pass-123",
                                      "Good-pass-123")):
        with pytest.raises(PermissionDenied):
            call()
    assert store.users.get("inv").active


def test_last_login_reads_only_the_end_of_a_long_trail(tmp_path, study):
    st = Store.create(tmp_path / "long.db", study)
    st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    with st.transaction():
        st.audit_many([(A.VALUE_ENTERED, "weight", None, "70", None)] * 50_000,
                      subject="S001", event="screening", event_repeat=1, form="vs",
                      repeat=1, instance_id=1)
    st.login("admin", PASSWORD)
    started = time.perf_counter()
    rows = accounts.accounts(st)
    assert time.perf_counter() - started < 0.5
    assert rows[0].last_login == st.conn.execute(
        "SELECT ts FROM audit_trail ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert datetime.fromisoformat(rows[0].last_login).tzinfo == timezone.utc
    st.close()
