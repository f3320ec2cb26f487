"""Issue 13, item 5: a casebook is not locked while a form the protocol has the investigator
sign is unsigned (S004's fatal SAE in the demo): the lock is refused with the list, nothing is
locked and nothing audited (checked on the file with plain sqlite3); once signed it locks,
audited form by form; a study that only warns locks with the warning written down. The window
shows the core's refusal to the administrator who tries."""
from __future__ import annotations

import dataclasses
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest

from alsdesk.errors import PermissionDenied, WorkflowError
from alsdesk.store import Store
from alsdesk.study import load_study
from tests.conftest import PASSWORD
from tests.test_signoff_casebook import SERIOUS, _as

DEMO_PASSWORD = "Demo-password-1"


def _file(path):
    """What the file holds, read apart from the program."""
    with sqlite3.connect(path) as conn:
        statuses = conn.execute("SELECT f.id, f.status FROM form_instances f JOIN subjects s "
                                "ON s.id = f.subject_id WHERE s.code = ?", ("S001",)).fetchall()
        audit = conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
        locks = conn.execute("SELECT instance_id, reason FROM audit_trail WHERE action = "
                             "'form.lock' ORDER BY seq").fetchall()
    return dict(statuses), audit, locks


@pytest.fixture
def two_saes(store):
    code = store.subjects.create("AB").code
    ids = [store.forms.save(code, "logs", "ae", {**SERIOUS, "aeterm": term}, complete=True)
           .record.instance_id for term in ("Pulmonary embolism", "Respiratory failure")]
    _as(store, "inv")
    store.forms.sign(ids[0], PASSWORD)
    _as(store, "admin")
    return code, ids


def test_an_unsigned_sae_stops_the_casebook_lock(store, db_path, two_saes):
    code, ids = two_saes
    before = _file(db_path)
    with pytest.raises(WorkflowError, match="Running logs: Adverse event #2") as refused:
        store.forms.lock_casebook(code, "end of study")
    assert "1 form of S001 that the protocol has the investigator sign is not signed" \
        in str(refused.value) and "#1" not in str(refused.value)
    assert store.forms.casebook_lock_check(code) == (str(refused.value), None)
    assert _file(db_path) == before  # nothing locked, nothing written
    # one form alone still locks: an interim freeze is not a sign-off
    _as(store, "inv")
    store.forms.sign(ids[1], PASSWORD)
    _as(store, "admin")
    done = store.forms.lock_casebook(code, "end of study")
    assert (done.locked, done.warning) == (2, None)
    statuses, _, locks = _file(db_path)
    assert set(statuses.values()) == {"locked"}
    assert [r for _, r in locks] == ["casebook locked: end of study"] * 2
    with pytest.raises(WorkflowError, match="no form left to lock"):
        store.forms.lock_casebook(code)
    assert store.verify().ok


def test_only_an_administrator_locks_a_casebook(store, two_saes):
    code, _ = two_saes
    _as(store, "inv")
    with pytest.raises(PermissionDenied):
        store.forms.lock_casebook(code)


def test_a_study_that_only_warns_locks_and_says_what_was_unsigned(tmp_path):
    study = dataclasses.replace(load_study(), lock_unsigned="warn")
    path = tmp_path / "warn.db"
    store = Store.create(path, study)
    try:
        store.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        store.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        store.login("nurse", PASSWORD)
        code = store.subjects.create("AB").code
        iid = store.forms.save(code, "logs", "ae", SERIOUS, complete=True).record.instance_id
        _as(store, "admin")
        assert store.forms.casebook_lock_check(code)[1].startswith("1 form of S001")
        done = store.forms.lock_casebook(code)
        assert done.locked == 1 and "Running logs: Adverse event #1" in done.warning
        _, _, locks = _file(path)
        assert locks == [(iid, "casebook locked (locked without the investigator's signature "
                               "the protocol asks for)")]
        assert store.verify().ok
    finally:
        store.close()


def test_the_demo_locks_s003_signed_and_refuses_s004(demo_db):
    store = Store.open(demo_db, load_study())
    try:
        store.login("admin", DEMO_PASSWORD)
        s003 = {i.status.value for i in store.forms.instances("S003")}
        assert s003 == {"locked"}  # signed off first, then locked through lock_casebook
        with pytest.raises(WorkflowError) as refused:
            store.forms.lock_casebook("S004", "subject died")
        message = str(refused.value)
        assert "Running logs: Adverse event #1, Adverse event #2" in message
        assert "Eligibility checklist" in message and "End of study: End of study" in message
        assert all(i.status.value != "locked" for i in store.forms.instances("S004"))
    finally:
        store.close()


def test_the_window_shows_the_refusal_to_the_administrator(qtbot, demo_db):
    from tests.ui_helpers import open_window

    window = open_window(qtbot, demo_db, "admin")
    window.open_subject("S004")
    book = window.casebook
    assert book.lock_button.isEnabled()
    assert not book.lock_casebook()
    (title, message), = window.prompts.errors
    assert title == "Casebook not locked" and "Adverse event #2" in message
    assert not [a for a in window.prompts.asked if a[0] == "reason"]  # refused before asking
    assert "30 forms await the investigator's signature" in book.summary.text()


def test_the_window_locks_a_signed_off_casebook(qtbot, demo_db):
    from tests.ui_helpers import open_window

    store = Store.open(demo_db, load_study())
    try:  # a new subject whose one serious AE the investigator signed
        store.login("nurse", DEMO_PASSWORD)
        code = store.subjects.create("ZZ").code
        iid = store.forms.save(code, "logs", "ae", SERIOUS, complete=True).record.instance_id
        store.logout()
        store.login("investigator", DEMO_PASSWORD)
        store.forms.sign(iid, DEMO_PASSWORD)
    finally:
        store.close()
    window = open_window(qtbot, demo_db, "admin")
    window.open_subject(code)
    assert "await" not in window.casebook.summary.text()
    window.prompts.answer("reason", "data review done")
    assert window.casebook.lock_casebook()
    assert not window.prompts.errors
    assert [i.status.value for i in window.store.forms.instances(code)] == ["locked"]


def test_a_nurse_has_no_lock_button(qtbot, demo_db):
    from tests.ui_helpers import open_window

    window = open_window(qtbot, demo_db, "nurse")
    window.open_subject("S004")
    assert not window.casebook.lock_button.isEnabled()
