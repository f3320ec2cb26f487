"""alsdesk.permissions states the store's rules for greying buttons: it must agree with the store."""
from __future__ import annotations

import pytest

from alsdesk import permissions
from alsdesk.auth import Action, Role
from alsdesk.errors import PermissionDenied, WorkflowError
from alsdesk.states import FormStatus
from alsdesk.permissions import Step, form_steps
from tests.conftest import PASSWORD


@pytest.fixture
def subject(store):
    return store.subjects.create().code


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


def test_role_refusal_names_the_roles_allowed():
    assert permissions.role_refusal(Role.INVESTIGATOR, Action.SIGN) is None
    text = permissions.role_refusal(Role.NURSE, Action.SIGN)
    assert text.startswith("Only a user with the role Investigator may sign forms")
    assert "Research nurse" in text
    assert "Log in first" in permissions.role_refusal(None, Action.SIGN)


def test_nurse_may_edit_but_not_sign_verify_or_lock():
    steps = form_steps(Role.NURSE, FormStatus.COMPLETE)
    assert steps[Step.EDIT] is None
    assert steps[Step.SIGN] and "Investigator" in steps[Step.SIGN]
    assert steps[Step.VERIFY] and "Monitor" in steps[Step.VERIFY]
    assert steps[Step.LOCK] and "Administrator" in steps[Step.LOCK]


def test_state_rules_match_the_store(store, subject):
    store.forms.save(subject, "screening", "ic", {"icdat": "2015-05-10"})
    iid = store.forms.get(subject, "screening", "ic").instance_id
    _as(store, "inv")
    assert "complete" in form_steps(Role.INVESTIGATOR, FormStatus.IN_PROGRESS)[Step.SIGN]
    with pytest.raises(WorkflowError):
        store.forms.sign(iid, PASSWORD)
    _as(store, "admin")
    assert form_steps(Role.ADMIN, FormStatus.IN_PROGRESS)[Step.LOCK] is None
    store.forms.lock(iid)
    steps = form_steps(Role.ADMIN, FormStatus.LOCKED)
    assert steps[Step.LOCK] and steps[Step.UNLOCK] is None
    with pytest.raises(WorkflowError):
        store.forms.lock(iid)
    assert form_steps(Role.NURSE, FormStatus.LOCKED)[Step.EDIT].startswith("This form is locked")
    _as(store, "nurse")
    with pytest.raises(WorkflowError):
        store.forms.save(subject, "screening", "ic", {"icver": "2"})
    with pytest.raises(PermissionDenied):
        store.forms.unlock(iid, "x")


def test_only_repeating_entries_are_deleted():
    assert "log" in form_steps(Role.NURSE, FormStatus.COMPLETE, repeating=False)[Step.DELETE]
    assert form_steps(Role.NURSE, FormStatus.COMPLETE, repeating=True)[Step.DELETE] is None
    assert form_steps(Role.NURSE, FormStatus.NOT_STARTED, repeating=True)[Step.DELETE]


def test_identifiers_are_restricted_to_site_staff(study):
    pii = study.form("pii")
    assert permissions.restricted_fields(Role.NURSE, pii) == frozenset()
    assert permissions.restricted_fields(Role.MONITOR, pii) == {"fullname", "mrn", "phone"}
    assert permissions.restricted_fields(Role.MONITOR, study.form("dm")) == frozenset()
    assert not permissions.may_see_identifiers(Role.ADMIN)


def test_next_unscheduled_visit_number(store, subject):
    assert permissions.next_event_repeat(store, subject, "unscheduled") == 1
    store.forms.save(subject, "unscheduled", "sv", {"svdone": "Y"}, event_repeat=1)
    store.forms.save(subject, "unscheduled", "sv", {"svdone": "Y"}, event_repeat=2)
    assert permissions.next_event_repeat(store, subject, "unscheduled") == 3
    with pytest.raises(WorkflowError):
        permissions.next_event_repeat(store, subject, "m2")
