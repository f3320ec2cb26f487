"""What a visit signature covers (the core's list behind the signature dialog), and a monitor
verifying a form the investigator already signed."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from alsdesk.auth import Role
from alsdesk.cli import main
from alsdesk.errors import PermissionDenied, WorkflowError
from alsdesk.permissions import Step, form_steps
from alsdesk.states import FormStatus
from alsdesk.store import Store
from alsdesk.store.audit import A
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


@pytest.fixture
def visit(store):
    """A baseline visit: sv and vs complete (vs by the nurse), alsfrs in progress, fvc not started."""
    code = store.subjects.create().code
    store.forms.save(code, "baseline", "sv", {"svdone": "Y", "svstdtc": "2015-05-10T09:00"},
                     complete=True)
    store.forms.save(code, "baseline", "vs", {
        "vsdtc": "2015-05-10T09:10", "sysbp": 120, "diabp": 80, "pulse": 70, "resp": 14,
        "temp": 36.6, "spo2": 98, "weight": 72.5}, complete=True)
    store.forms.save(code, "baseline", "alsfrs", {"q1": 4})
    return code


def test_scope_lists_what_will_and_will_not_be_signed(store, visit):
    scope = store.forms.visit_scope(visit, "baseline")
    assert scope.event_label == store.study.event("baseline").label
    assert [(i.form, i.status) for i in scope.covered] == [
        ("sv", FormStatus.COMPLETE), ("vs", FormStatus.COMPLETE)]
    assert {i.completed_by for i in scope.covered} == {"Nora Nurse"}
    assert all(i.completed_at for i in scope.covered)
    assert [(i.form, i.status) for i in scope.left_out] == [
        ("alsfrs", FormStatus.IN_PROGRESS), ("fvc", FormStatus.NOT_STARTED)]
    assert scope.settled == ()
    assert scope.warning == ("2 forms of this visit will not be signed: ALSFRS-R (in progress), "
                             "Forced vital capacity (not started).")
    assert scope.refusal is None


def test_signing_the_visit_signs_exactly_the_covered_forms(store, visit):
    _as(store, "inv")
    scope = store.forms.visit_scope(visit, "baseline")
    signed = store.forms.sign_event(visit, "baseline", PASSWORD)
    assert [r.form for r in signed] == [i.form for i in scope.covered]
    after = store.forms.visit_scope(visit, "baseline")
    assert after.covered == ()
    assert [i.form for i in after.settled] == ["sv", "vs"]
    assert [i.status for i in after.left_out] == [FormStatus.IN_PROGRESS, FormStatus.NOT_STARTED]
    assert after.refusal == "This visit has no complete form waiting for a signature."
    with pytest.raises(WorkflowError, match="no complete form"):
        store.forms.sign_event(visit, "baseline", PASSWORD)


def test_completing_later_names_the_last_person_who_completed(store, visit):
    _as(store, "inv")
    store.forms.save(visit, "baseline", "alsfrs", alsfrs_values(qsdat="2015-05-10"),
                     complete=True)
    scope = store.forms.visit_scope(visit, "baseline")
    by = {i.form: i.completed_by for i in scope.covered}
    assert by == {"sv": "Nora Nurse", "vs": "Nora Nurse", "alsfrs": "Ivan Investigator"}
    assert [i.form for i in scope.left_out] == ["fvc"]
    assert "1 form of this visit will not be signed: Forced vital capacity" in scope.warning


def test_empty_visit_has_nothing_to_sign(store):
    code = store.subjects.create().code
    scope = store.forms.visit_scope(code, "m2")
    assert scope.covered == () and len(scope.left_out) == len(store.study.event("m2").forms)
    assert scope.refusal


def test_monitor_verifies_a_signed_form_and_the_signature_stays(store, visit, db_path):
    iid = store.forms.get(visit, "baseline", "vs").instance_id
    _as(store, "inv")
    store.forms.sign(iid, PASSWORD)
    signed = store.forms.get_instance(iid)
    assert form_steps(Role.MONITOR, FormStatus.SIGNED, verified=False)[Step.VERIFY] is None
    _as(store, "nurse")
    with pytest.raises(PermissionDenied):
        store.forms.verify(iid)
    _as(store, "mon")
    rec = store.forms.verify(iid)
    assert rec.status is FormStatus.SIGNED
    assert rec.verified_by == "mon" and rec.verified_at
    assert rec.valid_signature == signed.valid_signature  # not voided, not re-signed
    rows = [r for r in store.forms.history(iid) if r["action"] == A.VERIFY]
    assert len(rows) == 1 and rows[0]["user_id"] == "mon" and rows[0]["role"] == "monitor"
    assert "signature stays valid" in rows[0]["new_value"]
    # once is enough: the button greys with the same sentence the store raises
    refusal = form_steps(Role.MONITOR, FormStatus.SIGNED, verified=True)[Step.VERIFY]
    with pytest.raises(WorkflowError, match="already verified") as exc:
        store.forms.verify(iid)
    assert str(exc.value) == refusal
    assert store.verify().ok, store.verify().text()
    store.close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "verify"])
    assert result.exit_code == 0, result.output
    assert "VERIFY OK" in result.output


def test_changing_verified_signed_data_voids_both_and_replay_agrees(store, visit):
    iid = store.forms.get(visit, "baseline", "vs").instance_id
    _as(store, "inv")
    store.forms.sign(iid, PASSWORD)
    _as(store, "mon")
    store.forms.verify(iid)
    _as(store, "nurse")
    rec = store.forms.save(visit, "baseline", "vs", {"weight": 72.0}, complete=True,
                           reason="scale re-read").record
    assert rec.status is FormStatus.COMPLETE and rec.valid_signature is None
    assert rec.verified_at is None
    assert store.verify().ok, store.verify().text()


def test_replay_catches_a_verification_written_around_the_program(store, visit, db_path):
    iid = store.forms.get(visit, "baseline", "vs").instance_id
    store.close()
    from alsdesk.store.sqldb import driver as sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE form_instances SET verified_at = '2015-05-11T00:00:00+00:00', "
                 "verified_by = 'mon' WHERE id = ?", (iid,))
    conn.commit()
    conn.close()
    st = Store.open(db_path)
    try:
        report = st.verify()
        assert not report.ok
        assert any("verified in the tables but not verified by the audit trail" in p
                   for p in report.replay_problems)
    finally:
        st.close()


def test_only_complete_or_signed_forms_can_be_verified(store, visit):
    iid = store.forms.get(visit, "baseline", "alsfrs").instance_id
    _as(store, "mon")
    with pytest.raises(WorkflowError, match="complete or signed"):
        store.forms.verify(iid)
    assert "complete or signed" in form_steps(Role.MONITOR, FormStatus.IN_PROGRESS)[Step.VERIFY]
    assert form_steps(Role.MONITOR, FormStatus.LOCKED)[Step.VERIFY]


def test_scope_warns_of_queries_still_open_on_what_would_be_signed(store, visit):
    _as(store, "mon")
    vs = store.forms.get(visit, "baseline", "vs").instance_id
    q = store.queries.raise_query(vs, "pulse", "Pulse 70 or 170?")
    scope = store.forms.visit_scope(visit, "baseline")
    assert [i.open_queries for i in scope.covered] == [0, 1]
    assert "1 query is still open on forms you would sign: Vital signs (1)" in scope.warning
    store.queries.close(q.id, "asked by phone")
    assert "query" not in store.forms.visit_scope(visit, "baseline").warning
