"""Opening files: ours, not ours, newer, damaged, missing; pragmas; the file left untouched."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest

from alsdesk.errors import StoreError
from alsdesk.store import Store
from alsdesk.store.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.conftest import PASSWORD
from tests.helpers import damage_index, file_bytes


def test_new_file_has_our_pragmas_and_tables(db_path, study):
    with Store.create(db_path, study) as st:
        conn = st.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert set(study.forms) <= tables
        assert {"subjects", "users", "audit_trail", "signatures", "queries"} <= tables
        cols = {r[1] for r in conn.execute("PRAGMA table_info(alsfrs)")}
        assert {"instance_id", "q1", "q5a", "q5b", "q12"} <= cols
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        assert meta["schema_version"] == str(SCHEMA_VERSION)
        assert meta["study_id"] == "NCT02492516"


def test_create_refuses_existing_file_and_missing_folder(tmp_path, study):
    existing = tmp_path / "x.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(StoreError, match="already exists"):
        Store.create(existing, study)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(StoreError, match="does not exist"):
        Store.create(tmp_path / "nope" / "x.db", study)


def test_missing_file(tmp_path, study):
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "absent.db", study)


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, this is a text file\n" * 10, b"SQLite format 3\x00" + b"\x00" * 20],
    ids=["empty", "text", "truncated"],
)
def test_not_a_database_is_refused_untouched(tmp_path, study, content):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not an ALS Desk database"):
        Store.open(path, study)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused_untouched(tmp_path, study):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = file_bytes(path)
    with pytest.raises(StoreError, match="not an ALS Desk database"):
        Store.open(path, study)
    assert file_bytes(path) == before


def _close_as_plain_file(path):
    """Checkpoint and leave WAL mode so the file's bytes stand alone."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def test_newer_file_is_refused_untouched(db_path, study):
    Store.create(db_path, study).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    _close_as_plain_file(db_path)
    before = file_bytes(db_path)
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db_path, study)
    assert file_bytes(db_path) == before


def test_other_study_is_refused(db_path, study):
    Store.create(db_path, study).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = 'NCT00000000' WHERE key = 'study_id'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="NCT00000000"):
        Store.open(db_path, study)


def test_damaged_file_is_refused(db_path, study):
    Store.create(db_path, study).close()
    _close_as_plain_file(db_path)
    data = bytearray(file_bytes(db_path))
    data[4096:8192] = b"\xff" * 4096  # smash the second page
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        with Store.open(db_path, study) as st:
            report = st.verify()
            if not report.ok:
                raise StoreError(report.text())


def test_reopen_keeps_data_and_users(db_path, study):
    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    with Store.open(db_path, study) as st:
        assert [u.user_id for u in st.users.list()] == ["admin"]
        st.login("admin", PASSWORD)
        assert st.verify().ok


def test_readonly_open_cannot_write(db_path, study):
    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    with Store.open(db_path, study, readonly=True) as st:
        st.login("admin", PASSWORD)  # the password is checked without writing
        with pytest.raises(StoreError, match="read-only"):
            st.set_setting("idle_minutes", "5")


def test_new_field_in_definition_adds_a_column(db_path, study):
    import dataclasses

    Store.create(db_path, study).close()
    vs = study.form("vs")
    extra = dataclasses.replace(vs.fields[0], id="painscore", label="Pain score")
    grown = dataclasses.replace(study, forms={**study.forms, "vs": dataclasses.replace(
        vs, fields=vs.fields + (extra,))})
    with Store.open(db_path, grown) as st:
        cols = {r[1] for r in st.conn.execute("PRAGMA table_info(vs)")}
        assert "painscore" in cols
        rows = st.conn.execute(
            "SELECT field, new_value FROM audit_trail WHERE action = 'schema.change'").fetchall()
        assert ("vs.painscore", "column added") in rows
        assert st.verify().ok


def test_large_files_get_cheap_checks_that_still_catch_truncation(db_path, study, monkeypatch):
    from alsdesk.store import schema

    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    _close_as_plain_file(db_path)
    monkeypatch.setattr(schema, "QUICK_CHECK_LIMIT", 0)  # treat the file as huge
    Store.open(db_path, study).close()
    _close_as_plain_file(db_path)
    data = file_bytes(db_path)
    db_path.write_bytes(data[: len(data) - 4096])
    with pytest.raises(StoreError, match="truncated|damaged"):
        Store.open(db_path, study)


def test_damage_only_the_quick_check_sees_refuses_a_normal_file(db_path, study, monkeypatch):
    from alsdesk.store import schema

    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    damage_index(db_path)
    with pytest.raises(StoreError, match="damaged"):
        Store.open(db_path, study)
    # a huge file opens after the cheap checks; the quick check (run in the background by the
    # window) still finds the damage
    monkeypatch.setattr(schema, "QUICK_CHECK_LIMIT", 0)
    assert not schema.checked_at_open(db_path)
    Store.open(db_path, study, readonly=True).close()
    problems = schema.quick_check(db_path)
    assert problems != ["ok"] and "page" in problems[0]


def test_a_worker_connection_can_skip_the_quick_check(db_path, study):
    from alsdesk.store import schema

    with Store.create(db_path, study) as st:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    damage_index(db_path)
    assert schema.checked_at_open(db_path)
    Store.open(db_path, study, readonly=True, quick_check=False).close()
    with pytest.raises(StoreError, match="damaged"):
        Store.open(db_path, study, readonly=True)
