"""Test data builders shared by the test modules (no fixtures here, plain functions)."""
from __future__ import annotations

import contextlib

ALSFRS_ALL_FOUR = {f"q{i}": 4 for i in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12)} | {"q5a": 4}


def alsfrs_values(**overrides):
    """A complete ALSFRS-R form of a patient without gastrostomy (all items 4 by default)."""
    values = {"gastro": "N", **ALSFRS_ALL_FOUR}
    values.update(overrides)
    return values


def withdraw(store, code: str, on: str = "2015-06-01",
             why: str = "Consent withdrawn by the patient") -> None:
    """Withdraw a subject as the site does: the end-of-study form, completed (its status
    sets the subject's; a withdrawal is not made by hand)."""
    store.forms.save(code, "eos", "eos", {"eosstat": "WITHDRAWAL BY SUBJECT", "eosdat": on,
                                          "eosreas": why}, complete=True)


def screen_eligible(store, code: str, consent: str = "2015-01-10") -> None:
    """Draft screening answers that make the eligibility computation find `code` eligible,
    so the infusion can be saved as given (the eligibility stop lets it through)."""
    store.forms.save(code, "screening", "ic", {"icdat": consent})
    store.forms.save(code, "screening", "dm", {"brthdat": "1975-05-05"})
    store.forms.save(code, "screening", "alsfrs", alsfrs_values())
    store.forms.save(code, "screening", "fvc", {"fvcpp": 80.0})
    store.forms.save(code, "screening", "alshx", {"sporadic": "Y"})
    store.forms.save(code, "screening", "ie", {"exc_fals": "N", "exc_malig": "N",
                                               "exc_autoimm": "N", "exc_mnd": "N"})


def audit_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]


def file_bytes(path) -> bytes:
    return open(path, "rb").read()


@contextlib.contextmanager
def disk_full(store):
    """Make the store's database full, as a full disk would (SQLite's max_page_count).

    Every save that needs one more page then fails with DiskFull; GUI tests use it to check
    that what was typed stays on screen.
    """
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()
    try:
        yield
    finally:
        store.conn.execute("PRAGMA max_page_count = 4294967294").fetchone()


def damage_index(path, index: str = "audit_instance") -> None:
    """Scribble over the cell pointers of an index's root page (the file leaves WAL mode).

    The header, the schema and the page count stay intact, so only a check that walks the
    b-trees (SQLite's quick check) sees the damage.
    """
    from alsdesk.store.sqldb import driver as sqlite3
    from pathlib import Path

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(Path(path).read_bytes())
    offset = (root - 1) * page_size
    data[offset + 8: offset + 208] = b"\xff" * 200
    Path(path).write_bytes(bytes(data))


def attack(path, *statements, params=()):
    """Plain sqlite3 on the file, as someone with the file and no program would do it."""
    from alsdesk.store.sqldb import driver as sqlite3

    conn = sqlite3.connect(path)
    try:
        for i, sql in enumerate(statements):
            conn.execute(sql, params if i == 0 else ())
        conn.commit()
    finally:
        conn.close()


def verify_readonly(path, study):
    """verify on a read-only open (as `alsdesk verify` does); the file must not change."""
    from alsdesk.store import Store

    before = file_bytes(path)
    with Store.open(path, study, readonly=True) as st:
        report = st.verify()
    assert file_bytes(path) == before
    return report


def sql_dump(conn) -> list[str]:
    """Everything in a database as lines: each schema entry's SQL, then each table's rows in
    rowid order (Python's iterdump, which the program's driver, sqlcipher3, lacks)."""
    lines = []
    for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"):
        lines.append(f"{kind} {name}: {sql}")
        if kind == "table":
            lines += [repr(row) for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')]
    return lines
