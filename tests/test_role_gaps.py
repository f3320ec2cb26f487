"""Issue 12, item 6: role gaps in the core, attacked through the API as the issue says.

A save that changes no value but marks the form complete skipped every permission check (a
monitor or an administrator completed forms); direct identifiers came back to a monitor from
forms.get, forms.get_instance and forms.history.
"""
from __future__ import annotations

import pytest

from alsdesk.errors import PermissionDenied
from alsdesk.states import FormStatus
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values

PHI = {"fullname": "Zahra Testfamily", "mrn": "MRN-778899", "phone": "+98-21-5555-0199"}


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


def _form_rows(store) -> int:
    """Audit rows about forms (logins and logouts aside)."""
    return store.conn.execute("SELECT count(*) FROM audit_trail WHERE form IS NOT NULL"
                              ).fetchone()[0]


@pytest.fixture
def subject(store):
    return store.subjects.create("AB").code


@pytest.mark.parametrize("user", ["mon", "admin"])
def test_completing_without_a_change_needs_a_data_entry_role(store, subject, user):
    store.forms.save(subject, "screening", "alsfrs", alsfrs_values())  # in progress, by the nurse
    rows = _form_rows(store)
    _as(store, user)
    for call in (
        lambda: store.forms.save(subject, "screening", "alsfrs", {}, complete=True),
        lambda: store.forms.save(subject, "screening", "alsfrs", None, complete=True),
        lambda: store.forms.save(subject, "screening", "alsfrs", {}),  # a no-op save too
        lambda: store.forms.save(subject, "screening", "fvc", {}, complete=True),  # not started
        lambda: store.forms.save(subject, "logs", "ae", {}, complete=True),  # new log entry
    ):
        with pytest.raises(PermissionDenied, match="may not"):
            call()
    assert store.forms.get(subject, "screening", "alsfrs").status is FormStatus.IN_PROGRESS
    assert store.forms.instances(subject)[0].status is FormStatus.IN_PROGRESS
    assert len(store.forms.instances(subject)) == 1
    assert _form_rows(store) == rows
    _as(store, "nurse")  # the role that may still completes it
    done = store.forms.save(subject, "screening", "alsfrs", {}, complete=True)
    assert done.record.status is FormStatus.COMPLETE
    assert store.verify().ok


def test_re_completing_a_signed_form_needs_a_data_entry_role(store, subject):
    iid = store.forms.save(subject, "screening", "alsfrs", alsfrs_values(),
                           complete=True).record.instance_id
    _as(store, "inv")
    store.forms.sign(iid, PASSWORD)
    _as(store, "mon")
    with pytest.raises(PermissionDenied):
        store.forms.save(subject, "screening", "alsfrs", {}, complete=True)
    assert store.forms.get_instance(iid).valid_signature is not None


@pytest.fixture
def phi(store, subject):
    rec = store.forms.save(subject, "screening", "pii", PHI).record
    store.forms.save(subject, "screening", "pii", {"phone": "+98-21-5555-0200"})
    return subject, rec.instance_id


def _leaks(obj) -> set[str]:
    text = repr(obj)
    return {v for v in (*PHI.values(), "+98-21-5555-0200") if v in text}


def test_a_monitor_gets_identifiers_masked(store, phi):
    subject, iid = phi
    _as(store, "mon")
    rec = store.forms.get(subject, "screening", "pii")
    assert rec.values == {"fullname": "(restricted)", "mrn": "(restricted)",
                          "phone": "(restricted)"}
    assert not _leaks(rec)
    assert not _leaks(store.forms.get_instance(iid))
    history = store.forms.history(iid)
    assert history and not _leaks(history)
    changes = [r for r in history if r["field"] == "phone"]
    assert [(r["old_value"], r["new_value"]) for r in changes] == [
        (None, "(restricted)"), ("(restricted)", "(restricted)")]
    assert not _leaks(store.forms.history(iid, "fullname"))
    # other forms are untouched
    store.logout()
    assert not _leaks(store.forms.get(subject, "screening", "pii"))  # nobody logged in


def test_site_staff_still_see_and_save_identifiers(store, phi):
    subject, iid = phi
    for user in ("nurse", "inv"):
        _as(store, user)
        rec = store.forms.get(subject, "screening", "pii")
        assert rec.values["fullname"] == PHI["fullname"]
        assert "+98-21-5555-0200" in repr(store.forms.history(iid, "phone"))
    # a save keeps the stored identifiers (it reads them unmasked) and the file verifies
    store.forms.save(subject, "screening", "pii", {"mrn": "MRN-000001"})
    stored = store.conn.execute("SELECT fullname, mrn FROM pii").fetchone()
    assert stored == (PHI["fullname"], "MRN-000001")
    assert store.verify().ok


def test_a_signed_identifier_form_keeps_its_fingerprint(store, phi):
    """The signature's data hash is of the stored values, whoever reads the record later."""
    from alsdesk.store.records import data_hash

    subject, iid = phi
    store.forms.save(subject, "screening", "pii", {}, complete=True)
    _as(store, "inv")
    store.forms.sign(iid, PASSWORD)
    stored = store.conn.execute("SELECT data_hash FROM signatures").fetchone()[0]
    assert stored == data_hash(store.forms.get_instance(iid))
    _as(store, "mon")
    assert store.forms.get_instance(iid).valid_signature is not None
