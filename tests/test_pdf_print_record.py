"""Printouts of trial data: the time printed cannot be before the data (nor ahead of the
clock on the command line), and every printout has its row in the audit trail."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.pdf import PrintOptions, ae_listing, casebook, schedule_card, visit_forms
from alsdesk.pdf.options import PrintTimeError
from alsdesk.store import Store
from tests.helpers import verify_readonly
from tests.pdf_helpers import PRINTED_AT

BEFORE_THE_DATA = datetime(2020, 1, 1, 10, 0, tzinfo=timezone.utc)
DOCS = {
    "visit": ("S004", lambda st, o: visit_forms(st, "S004", "m2", options=o)),
    "casebook": ("S004", lambda st, o: casebook(st, "S004", o)),
    "ae listing": (None, lambda st, o: ae_listing(st, o)),
    "schedule card": ("S005", lambda st, o: schedule_card(st, "S005", o)),
}


@pytest.fixture
def monitor(demo_db):
    with Store.open(demo_db) as st:
        st.login("monitor", DEMO_PASSWORD)
        yield st


def _prints(path) -> list[tuple]:
    """The printout rows, read with plain sqlite3 (not through the program)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT seq, user_id, subject, event, new_value FROM audit_trail "
                            "WHERE action = 'data.export' AND field = 'pdf' ORDER BY seq"
                            ).fetchall()
    finally:
        conn.close()


def _rows(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    finally:
        conn.close()


def _cli(db, *args):
    from alsdesk.cli import main

    return CliRunner().invoke(main, ["--db", str(db), "pdf", *args, "--as", "monitor",
                                     "--password-stdin"], input=DEMO_PASSWORD + "\n")


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_a_print_time_before_the_data_is_refused_and_leaves_no_row(monitor, demo_db, kind):
    before = _rows(demo_db)
    with pytest.raises(PrintTimeError, match="earlier than the newest data"):
        DOCS[kind][1](monitor, PrintOptions(printed_at=BEFORE_THE_DATA))
    assert _rows(demo_db) == before


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_each_print_adds_one_row_with_what_was_printed_and_verify_passes(monitor, demo_db,
                                                                        kind):
    subject, make = DOCS[kind]
    before = _rows(demo_db)
    result = make(monitor, PrintOptions(printed_at=PRINTED_AT))
    assert result.not_recorded is None
    rows = _prints(demo_db)
    assert len(rows) == 1 and _rows(demo_db) == before + 1
    seq, user, where, event, text = rows[0]
    assert user == "monitor" and where == subject
    assert event == ("m2" if kind == "visit" else None)
    assert result.fingerprint in text and f"audit head {result.audit_head.text()}" in text
    assert PRINTED_AT.isoformat(timespec="seconds") in text
    assert result.audit_head.seq == seq - 1  # the head printed is the data's, just before
    report = verify_readonly(demo_db, monitor.study)
    assert report.ok, report.text()


def test_a_printout_is_not_data_the_next_one_shows(monitor):
    """The casebook's audit appendix leaves printouts out: printing twice shows the same
    data (and the second print is not refused as 'before' the first one's row)."""
    first = casebook(monitor, "S004", PrintOptions(printed_at=PRINTED_AT))
    second = casebook(monitor, "S004", PrintOptions(printed_at=PRINTED_AT))
    assert first.fingerprint == second.fingerprint
    assert second.audit_head.seq == first.audit_head.seq + 1  # the first print's row


def test_a_read_only_store_prints_and_says_it_is_not_recorded(demo_db):
    before = _rows(demo_db)
    with Store.open(demo_db, readonly=True) as st:
        st.login("monitor", DEMO_PASSWORD)
        result = casebook(st, "S004", PrintOptions(printed_at=PRINTED_AT))
    assert "not recorded in the audit trail" in result.not_recorded
    assert _rows(demo_db) == before


def test_cli_refuses_a_time_before_the_data_and_one_ahead_of_the_clock(demo_db, tmp_path):
    out = tmp_path / "cb.pdf"
    r = _cli(demo_db, "casebook", "S004", "--out", str(out), "--printed-at",
             "2020-01-01T10:00+00:00")
    assert r.exit_code == 1 and "earlier than the newest data" in r.output
    assert "Traceback" not in r.output and not out.exists()
    ahead = (datetime.now(timezone.utc) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M%z")
    r = _cli(demo_db, "casebook", "S004", "--out", str(out), "--printed-at", ahead)
    assert r.exit_code == 1 and "in the future" in r.output and not out.exists()
    assert _prints(demo_db) == []
    soon = (datetime.now(timezone.utc) + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M%z")
    r = _cli(demo_db, "visit", "S004", "m2", "--out", str(out), "--printed-at", soon)
    assert r.exit_code == 0, r.output
    (row,) = _prints(demo_db)
    assert row[1:4] == ("monitor", "S004", "m2")


def test_cli_records_each_print_and_verify_passes(demo_db, tmp_path):
    from alsdesk.cli import main

    for n, args in enumerate((["casebook", "S004"], ["ae-listing"], ["schedule", "S005"]), 1):
        r = _cli(demo_db, *args, "--out", str(tmp_path / f"{n}.pdf"))
        assert r.exit_code == 0, r.output
        assert len(_prints(demo_db)) == n
    r = CliRunner().invoke(main, ["--db", str(demo_db), "verify"])
    assert r.exit_code == 0 and "VERIFY OK" in r.output, r.output


def test_cli_while_another_als_desk_has_the_file_prints_and_warns(demo_db, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "cb.pdf"
    # Another ALS Desk (another process) holds the file's write lock while the print runs.
    other = subprocess.Popen(
        [sys.executable, "-c", "import sys; from alsdesk.store import Store; "
         f"st = Store.open({str(demo_db)!r}); print('open', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "open"
        r = _cli(demo_db, "casebook", "S004", "--out", str(out))
    finally:
        other.communicate("", timeout=60)
    assert r.exit_code == 0, r.output
    assert out.exists() and "not recorded in the audit trail" in r.output
    assert _prints(demo_db) == []
