"""The audit trail: append-only, hash chain tamper detection, replay equality."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest

from alsdesk.store import Store
from alsdesk.store.audit import replay, current
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, withdraw


@pytest.fixture
def filled(store, db_path):
    code = store.subjects.create("CD").code
    store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True)
    store.forms.save(code, "screening", "alsfrs", {"q3": 2}, reason="source check")
    store.forms.save(code, "screening", "vs", {"temp": 36.6}, {"pulse": "ND"})
    store.forms.save(code, "logs", "ae", {"aeterm": "Fever"})
    withdraw(store, code)
    store.close()
    return db_path


def _raw(db_path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as someone editing the file around the program would use."""
    return sqlite3.connect(db_path)


def test_every_row_has_utc_time_user_and_chained_hash(filled):
    conn = _raw(filled)
    rows = conn.execute("SELECT seq, ts, prev_hash, hash FROM audit_trail ORDER BY seq").fetchall()
    assert rows[0][2] == "0" * 64
    for (seq, ts, prev, digest), (_, _, next_prev, _) in zip(rows, rows[1:]):
        assert ts.endswith("+00:00")
        assert next_prev == digest
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))


def test_triggers_refuse_update_and_delete(filled):
    conn = _raw(filled)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_trail SET new_value = 'x' WHERE seq = 5")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_trail WHERE seq = 5")


def _verify(db_path):
    with Store.open(db_path) as st:
        return st.verify()


def test_untouched_file_verifies(filled):
    report = _verify(filled)
    assert report.ok, report.text()
    assert report.chain_rows > 20


def _drop_triggers(conn):
    conn.execute("DROP TRIGGER audit_trail_no_update")
    conn.execute("DROP TRIGGER audit_trail_no_delete")


def test_edited_row_is_caught(filled):
    conn = _raw(filled)
    _drop_triggers(conn)
    conn.execute("UPDATE audit_trail SET reason = 'nothing to see' WHERE action = 'value.changed'")
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert not report.ok
    assert any("was changed after it was written" in p for p in report.chain_problems)


def test_deleted_row_is_caught(filled):
    conn = _raw(filled)
    _drop_triggers(conn)
    conn.execute("DELETE FROM audit_trail WHERE seq = 7")
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert not report.ok
    assert any("removed" in p for p in report.chain_problems)


def test_deleted_last_row_is_caught(filled):
    conn = _raw(filled)
    _drop_triggers(conn)
    conn.execute("DELETE FROM audit_trail WHERE seq = (SELECT max(seq) FROM audit_trail)")
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert not report.ok


def test_reordered_rows_are_caught(filled):
    conn = _raw(filled)
    _drop_triggers(conn)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(audit_trail)") if r[1] != "seq"]
    a = conn.execute(f"SELECT {', '.join(cols)} FROM audit_trail WHERE seq = 8").fetchone()
    b = conn.execute(f"SELECT {', '.join(cols)} FROM audit_trail WHERE seq = 9").fetchone()
    sets = ", ".join(f"{c} = ?" for c in cols)
    conn.execute(f"UPDATE audit_trail SET {sets} WHERE seq = 8", b)
    conn.execute(f"UPDATE audit_trail SET {sets} WHERE seq = 9", a)
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert not report.ok


def test_data_edited_around_the_program_is_caught_by_replay(filled):
    conn = _raw(filled)
    conn.execute("UPDATE alsfrs SET q1 = 0")
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert report.chain_problems == []
    assert any("q1" in p for p in report.replay_problems)


def test_status_edited_around_the_program_is_caught(filled):
    conn = _raw(filled)
    conn.execute("UPDATE form_instances SET status = 'signed'")
    conn.execute("UPDATE subjects SET status = 'completed'")
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert any("status" in p for p in report.replay_problems)


def test_replay_reproduces_current_data(filled, study):
    conn = _raw(filled)
    want, have = replay(conn, study), current(conn, study)
    assert want.subjects == have.subjects
    assert want.instances == have.instances
    for key, values in have.values.items():
        assert {k: v for k, v in want.values[key].items() if v is not None} == values
    # the rebuilt data holds the corrected value and the missing code
    key = next(k for k in have.values if k[3] == "alsfrs")
    assert want.values[key]["q3"] == 2
    vs_key = next(k for k in have.values if k[3] == "vs")
    assert want.values[vs_key]["pulse__missing"] == "ND"


def test_logins_and_failures_are_audited(store):
    store.logout()
    with pytest.raises(Exception):
        store.login("nurse", "not-the-password-1")
    store.login("nurse", PASSWORD)
    actions = [r[0] for r in store.conn.execute("SELECT action FROM audit_trail ORDER BY seq")]
    assert "user.login_failed" in actions
    assert actions[-1] == "user.login"
    assert actions.count("user.create") == 4


# Values as they may reach an audit column: text with quotes, escapes, control and non-ASCII
# characters, numbers of every kind, true/false and nothing.
_AUDIT_VALUES = [None, "", "a", 'q"uo\\te', "\n\t\x00\x1f", "é漢字😀", "\u2028\u2029", 0, -5,
                 2**70, 1.5, float("nan"), float("inf"), -0.0, 1e300, True, False]


def test_batched_rows_hash_exactly_as_single_rows():
    # make_rows (a form's fields in one go) must give the rows and hashes make_row and
    # row_hash give, or files written in batches would fail `alsdesk verify`.
    import random

    from alsdesk.store import audit

    rng = random.Random(7)
    pick = lambda: rng.choice(_AUDIT_VALUES)  # noqa: E731
    for _ in range(400):
        place = {k: pick() for k in rng.sample(audit._BATCH_COMMON, rng.randint(0, 6))}
        items = [(pick(), pick(), pick(), pick(), pick()) for _ in range(rng.randint(1, 6))]
        ctx = audit.AuditContext(pick(), pick())
        head = (rng.randint(0, 99), rng.choice(["0" * 64, "ab" * 32, 'odd"head']))
        ts = rng.choice(["2025-03-01T10:00:00.000000+00:00", "ü\"x", 5])
        rows, new_head = audit.make_rows(head, ctx, ts, place, items)
        chain = head
        for item, row in zip(items, rows):
            cols = {**place, "field": item[1], "old_value": item[2], "new_value": item[3],
                    "reason": item[4]}
            single, chain = audit.make_row(chain, ctx, item[0], ts, cols)
            assert repr(single) == repr(row)  # repr: nan == nan
            assert audit.row_hash(dict(zip((*audit._COLUMNS, "hash"), row))) == row[-1]
        assert new_head == chain


def test_batched_rows_refuse_columns_that_are_not_the_place():
    from alsdesk.store import audit

    with pytest.raises(ValueError):
        audit.make_rows((0, "0" * 64), audit.AuditContext("u", "nurse"), "t", {"reason": "x"},
                        [("a", None, None, None, None)])


def test_saved_forms_verify_and_replay(filled):
    # Rows written by a save in one batch (one INSERT of many rows) chain and replay.
    with Store.open(filled) as store:
        report = store.verify()
        assert report.ok, report.text()
        counts = dict(store.conn.execute(
            "SELECT action, count(*) FROM audit_trail WHERE form = 'alsfrs' GROUP BY action"))
    assert counts["value.entered"] == len(alsfrs_values())
    assert counts["value.changed"] == 1
    assert counts["form.create"] == 1


def test_many_rows_in_one_transaction_chain(store):
    # More rows than one multi-row INSERT takes go through executemany; all chain.
    from alsdesk.store import audit

    with store.transaction():
        store.audit_many([("settings.change", f"k{i}", None, str(i), None) for i in range(75)])
        store.audit_many([("settings.change", "one", None, "1", None)])
        store.audit_many([])
    assert audit.verify_chain(store.conn).ok
    assert store.conn.execute(
        "SELECT count(*) FROM audit_trail WHERE action = 'settings.change'").fetchone()[0] == 76


def test_flushed_audit_rows_commit_and_roll_back_with_their_transaction(store, db_path):
    """flush_audit writes the rows so far into the open transaction (a long import keeps
    memory flat); they are still undone by its rollback, and a savepoint keeps its own."""
    def count():
        return store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]

    before = count()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.subjects.create("AB")
            store.flush_audit()
            assert count() > before  # in the file, not yet committed
            raise RuntimeError("the import found a problem")
    assert count() == before and store.verify().ok
    with store.transaction():
        store.subjects.create("CD")
        with pytest.raises(RuntimeError):
            with store.transaction():  # a savepoint: its rows must stay droppable
                store.subjects.create("EF")
                store.flush_audit()
                assert count() == before
                raise RuntimeError("this subject is refused")
        store.flush_audit()
        store.subjects.create("GH")
    codes = [r[0] for r in store.conn.execute("SELECT initials FROM subjects ORDER BY rowid")]
    assert codes == ["CD", "GH"]
    assert store.verify().ok
