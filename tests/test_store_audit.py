"""The audit trail: append-only, hash chain tamper detection, replay equality."""
from __future__ import annotations

import sqlite3

import pytest

from alsdesk.store import Store
from alsdesk.store.audit import replay, current
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values


@pytest.fixture
def filled(store, db_path):
    code = store.subjects.create("CD").code
    store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True)
    store.forms.save(code, "screening", "alsfrs", {"q3": 2}, reason="source check")
    store.forms.save(code, "screening", "vs", {"temp": 36.6}, {"pulse": "ND"})
    store.forms.save(code, "logs", "ae", {"aeterm": "Fever"})
    store.subjects.set_status(code, "enrolled")
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
