"""Issue 12, item 5: which entries may be deleted, by whom, and what a deletion voids.

Attacks through the core API as a nurse would make them: deleting a once-per-visit form (it
could never be entered again) and deleting a signed serious AE (it left the exports while the
signature stayed valid). Each is refused, or voids what it must with audit rows, and the file
still verifies.
"""
from __future__ import annotations

import pytest

from alsdesk.auth import Role
from alsdesk.errors import PermissionDenied, WorkflowError
from alsdesk.permissions import Step, form_steps
from alsdesk.states import FormStatus
from tests.conftest import PASSWORD

SERIOUS_AE = {"aeterm": "Pulmonary embolism", "aestdat": "2015-03-01", "aeendat": "2015-03-10",
              "aeongo": "N", "aesev": "SEVERE", "aetoxgr": 3, "aeser": "Y", "aesdth": "N",
              "aeslife": "N", "aeshosp": "Y", "aesdisab": "N", "aescong": "N", "aesmie": "N",
              "aerel": "POSSIBLE", "aeacn": "NOT APPLICABLE", "aeout": "RECOVERED/RESOLVED",
              "aethromb": "Y", "aesawdat": "2015-03-02", "aesspdat": "2015-03-02",
              "aesecdat": "2015-03-05"}


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


def _audit(store, iid):
    return store.conn.execute("SELECT action, old_value, new_value, user_id, reason FROM "
                              "audit_trail WHERE instance_id = ? ORDER BY seq", (iid,)).fetchall()


@pytest.fixture
def subject(store):
    return store.subjects.create("AB").code


def _signed_ae(store, subject):
    iid = store.forms.save(subject, "logs", "ae", SERIOUS_AE, complete=True).record.instance_id
    _as(store, "inv")
    store.forms.sign(iid, PASSWORD)
    _as(store, "nurse")
    return iid


def test_a_once_per_visit_form_is_never_deleted(store, subject):
    iid = store.forms.save(subject, "screening", "vs", {"weight": 70.0}).record.instance_id
    before = _audit(store, iid)
    for user in ("nurse", "inv"):
        _as(store, user)
        with pytest.raises(WorkflowError, match="correct the values"):
            store.forms.delete(iid, "entered for the wrong patient")
    assert store.forms.get(subject, "screening", "vs").status is FormStatus.IN_PROGRESS
    assert _audit(store, iid) == before
    # still correctable, as the refusal says
    store.forms.save(subject, "screening", "vs", {"weight": 71.0})
    assert store.verify().ok


def test_a_nurse_cannot_delete_a_signed_serious_ae(store, subject):
    iid = _signed_ae(store, subject)
    with pytest.raises(PermissionDenied, match="signed: only a user with the role Investigator"):
        store.forms.delete(iid, "entered twice")
    rec = store.forms.get_instance(iid)
    assert rec.status is FormStatus.SIGNED and rec.valid_signature is not None
    # the screen greys the button with the same sentence
    steps = form_steps(Role.NURSE, FormStatus.SIGNED, repeating=True)
    assert "signed" in steps[Step.DELETE]
    assert form_steps(Role.INVESTIGATOR, FormStatus.SIGNED, repeating=True)[Step.DELETE] is None
    assert form_steps(Role.NURSE, FormStatus.COMPLETE, repeating=True)[Step.DELETE] is None


def test_an_investigator_deleting_a_signed_entry_voids_the_signature(store, subject):
    iid = _signed_ae(store, subject)
    _as(store, "inv")
    gone = store.forms.delete(iid, "entered twice")
    assert gone.status is FormStatus.DELETED
    assert gone.valid_signature is None
    sig = gone.signatures[0]
    assert not sig.valid and sig.invalidated_reason == "entry deleted: entered twice"
    rows = _audit(store, iid)
    actions = [r[0] for r in rows]
    assert actions[-2:] == ["signature.invalidated", "form.status"]
    assert rows[-1][1:] == ("signed", "deleted", "inv", "entered twice")
    assert "Ivan Investigator" in rows[-2][1]
    assert store.verify().ok


def test_deleting_a_verified_entry_clears_the_verification(store, subject):
    iid = store.forms.save(subject, "logs", "ae", SERIOUS_AE, complete=True).record.instance_id
    _as(store, "mon")
    store.forms.verify(iid)
    with pytest.raises(PermissionDenied):  # a monitor never deletes
        store.forms.delete(iid, "entered twice")
    _as(store, "nurse")
    gone = store.forms.delete(iid, "entered twice")
    assert gone.status is FormStatus.DELETED and gone.verified_at is None
    row = store.conn.execute("SELECT verified_at, verified_by FROM form_instances WHERE id = ?",
                             (iid,)).fetchone()
    assert row == (None, None)
    actions = [r[0] for r in _audit(store, iid)]
    assert actions[-2:] == ["form.verify_cleared", "form.status"]
    assert store.verify().ok


def test_deleted_and_locked_entries_stay_as_they_are(store, subject):
    iid = store.forms.save(subject, "logs", "ae", {"aeterm": "Headache"}).record.instance_id
    _as(store, "admin")
    with pytest.raises(PermissionDenied):  # administrators do not touch clinical data
        store.forms.delete(iid, "entered twice")
    store.forms.lock(iid)
    _as(store, "inv")
    with pytest.raises(WorkflowError, match="locked"):
        store.forms.delete(iid, "entered twice")
    _as(store, "admin")
    store.forms.unlock(iid, "late correction")
    _as(store, "nurse")
    store.forms.delete(iid, "entered twice")
    with pytest.raises(WorkflowError, match="deleted"):
        store.forms.delete(iid, "entered twice")
    assert store.verify().ok


def test_demo_file_still_verifies_after_deleting_a_signed_ae(tmp_path):
    """`alsdesk demo`, an investigator signs then withdraws an AE, `alsdesk verify` says OK."""
    from click.testing import CliRunner

    from alsdesk.cli import main
    from alsdesk.demo import DEMO_PASSWORD, build_demo
    from alsdesk.store import Store

    path = build_demo(tmp_path / "demo.db")
    with Store.open(path) as st:
        st.login("investigator", DEMO_PASSWORD)
        ae = next(i for s in st.subjects.list() for i in st.forms.instances(s.code)
                  if i.form == "ae" and i.status in (FormStatus.COMPLETE, FormStatus.VERIFIED))
        st.forms.sign(ae.instance_id, DEMO_PASSWORD)
        st.forms.delete(ae.instance_id, "entered for the wrong patient")
    result = CliRunner().invoke(main, ["--db", str(path), "verify"])
    assert result.exit_code == 0 and "VERIFY OK" in result.output, result.output
