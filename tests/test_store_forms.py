"""Form workflow on a real SQLite file: save, checks, reasons, signatures, locks, queries."""
from __future__ import annotations

import pytest

from alsdesk.errors import (
    AuthError,
    CheckFailed,
    PermissionDenied,
    ReasonRequired,
    ValidationError,
    WorkflowError,
)
from alsdesk.states import FormStatus, QueryStatus
from alsdesk.store import Store
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, audit_count


@pytest.fixture
def subject(store):
    return store.subjects.create(initials="AB").code


def test_draft_save_writes_values_and_one_audit_row_per_field(store, subject):
    before = audit_count(store)
    result = store.forms.save(subject, "screening", "alsfrs", {"q1": 3, "q2": 4})
    assert result.record.status is FormStatus.IN_PROGRESS
    assert result.record.values == {"q1": 3, "q2": 4}
    # the form table is readable as plain columns
    row = store.conn.execute("SELECT q1, q2, q3 FROM alsfrs").fetchone()
    assert row == (3, 4, None)
    entered = store.conn.execute(
        "SELECT field, old_value, new_value, user_id, role FROM audit_trail "
        "WHERE action = 'value.entered' ORDER BY seq"
    ).fetchall()
    assert entered == [("q1", None, "3", "nurse", "nurse"), ("q2", None, "4", "nurse", "nurse")]
    # form.create (which carries the first status) + 2 values
    assert audit_count(store) - before == 3


def test_wrong_type_or_range_is_refused_and_nothing_is_written(store, subject):
    before = audit_count(store)
    with pytest.raises(ValidationError) as err:
        store.forms.save(subject, "screening", "alsfrs", {"q1": 7})
    assert "Speech" in str(err.value) or "q1" in str(err.value)
    with pytest.raises(ValidationError):
        store.forms.save(subject, "screening", "alsfrs", {"q1": "three"})
    with pytest.raises(ValidationError):
        store.forms.save(subject, "screening", "alsfrs", {"nosuchfield": 1})
    assert audit_count(store) == before
    assert store.conn.execute("SELECT count(*) FROM form_instances").fetchone()[0] == 0


def test_value_and_missing_code_are_kept_apart(store, subject):
    store.forms.save(subject, "screening", "vs", {}, {"temp": "ND"})
    rec = store.forms.get(subject, "screening", "vs")
    assert rec.missing == {"temp": "ND"}
    assert "temp" not in rec.values
    row = store.conn.execute("SELECT temp, temp__missing FROM vs").fetchone()
    assert row == (None, "ND")
    with pytest.raises(ValidationError):
        store.forms.save(subject, "screening", "vs", {"temp": 37.0}, {"temp": "ND"})
    with pytest.raises(ValidationError):
        store.forms.save(subject, "screening", "vs", {}, {"temp": "XYZ"})


def test_complete_runs_checks_and_lists_fields_to_fix(store, subject):
    with pytest.raises(CheckFailed) as err:
        store.forms.save(subject, "screening", "alsfrs", {"q1": 3}, complete=True)
    text = str(err.value)
    assert "required" in text
    assert store.forms.get(subject, "screening", "alsfrs").status is FormStatus.NOT_STARTED
    result = store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True)
    assert result.record.status is FormStatus.COMPLETE
    assert result.record.completed_at


def test_changing_complete_data_needs_a_reason(store, subject):
    store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True)
    with pytest.raises(ReasonRequired):
        store.forms.save(subject, "screening", "alsfrs", {"q1": 3}, complete=True)
    result = store.forms.save(subject, "screening", "alsfrs", {"q1": 3}, complete=True,
                              reason="transcription error, source says 3")
    assert result.changed == ("q1",)
    row = store.conn.execute(
        "SELECT action, old_value, new_value, reason FROM audit_trail WHERE field = 'q1' "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert row == ("value.changed", "4", "3", "transcription error, source says 3")


def test_hidden_field_with_value_blocks_completion(store, subject):
    values = alsfrs_values(q5b=3)  # gastro is N, so 5b does not apply
    with pytest.raises(CheckFailed) as err:
        store.forms.save(subject, "screening", "alsfrs", values, complete=True)
    assert any("q5b" in f.fields for f in err.value.findings)


def test_soft_check_needs_note_and_becomes_open_query(store, subject, study):
    form = study.form("vs")
    soft = [c for c in form.checks if c.severity.value == "soft"]
    assert soft, "vital signs must have a soft check (fever)"
    fever = next(c for c in soft if "temp" in c.fields)
    complete = _complete_vs()
    complete["temp"] = 39.2
    with pytest.raises(CheckFailed) as err:
        store.forms.save(subject, "screening", "vs", complete, complete=True)
    assert any(f.check_id == fever.id for f in err.value.findings)
    result = store.forms.save(subject, "screening", "vs", complete, complete=True,
                              notes={fever.id: "confirmed with thermometer, reported as AE"})
    assert result.record.status is FormStatus.COMPLETE
    queries = store.queries.list(status=QueryStatus.OPEN, subject=subject)
    assert len(queries) == 1
    assert queries[0].field == "temp"
    assert "confirmed with thermometer" in queries[0].text


def _complete_vs():
    return {"vsdtc": "2015-01-10T09:30", "sysbp": 120, "diabp": 80, "pulse": 72, "resp": 14,
            "temp": 36.8, "spo2": 98, "weight": 70.0}


def test_signature_by_investigator_only_with_password(store, subject):
    rec = store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True).record
    with pytest.raises(PermissionDenied):
        store.forms.sign(rec.instance_id, PASSWORD)
    store.logout()
    store.login("inv", PASSWORD)
    with pytest.raises(AuthError):
        store.forms.sign(rec.instance_id, "wrong-password-1")
    signed = store.forms.sign(rec.instance_id, PASSWORD, "I approve these data")
    assert signed.status is FormStatus.SIGNED
    sig = signed.valid_signature
    assert (sig.full_name, sig.meaning, sig.role) == ("Ivan Investigator", "I approve these data",
                                                      "investigator")
    assert sig.signed_at.endswith("+00:00")


def test_editing_signed_form_voids_signature_with_audit_row(store, subject):
    rec = store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True).record
    store.logout()
    store.login("inv", PASSWORD)
    store.forms.sign(rec.instance_id, PASSWORD)
    result = store.forms.save(subject, "screening", "alsfrs", {"q2": 3}, reason="late correction")
    assert result.record.valid_signature is None
    assert result.record.signatures[0].invalidated_reason.endswith("late correction")
    assert result.record.status is FormStatus.IN_PROGRESS
    actions = [r[0] for r in store.conn.execute(
        "SELECT action FROM audit_trail WHERE instance_id = ? ORDER BY seq", (rec.instance_id,))]
    assert "signature.invalidated" in actions


def test_verify_sign_lock_unlock_path(store, subject):
    rec = store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True).record
    iid = rec.instance_id
    store.logout()
    store.login("mon", PASSWORD)
    assert store.forms.verify(iid).status is FormStatus.VERIFIED
    store.logout()
    store.login("inv", PASSWORD)
    assert store.forms.sign(iid, PASSWORD).status is FormStatus.SIGNED
    with pytest.raises(PermissionDenied):
        store.forms.lock(iid)
    store.logout()
    store.login("admin", PASSWORD)
    assert store.forms.lock(iid, "database lock").status is FormStatus.LOCKED
    store.logout()
    store.login("nurse", PASSWORD)
    with pytest.raises(WorkflowError):
        store.forms.save(subject, "screening", "alsfrs", {"q1": 2}, reason="try")
    store.logout()
    store.login("admin", PASSWORD)
    with pytest.raises(ReasonRequired):
        store.forms.unlock(iid, " ")
    assert store.forms.unlock(iid, "query resolution").status is FormStatus.SIGNED
    assert store.verify().ok


def test_sign_whole_visit(store, subject):
    store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True)
    store.forms.save(subject, "screening", "vs", _complete_vs(), complete=True)
    store.forms.save(subject, "screening", "fvc", {"fvc": 3.1})  # draft: not signed
    store.logout()
    store.login("inv", PASSWORD)
    signed = store.forms.sign_event(subject, "screening", PASSWORD)
    assert sorted(r.form for r in signed) == ["alsfrs", "vs"]
    assert store.forms.get(subject, "screening", "fvc").status is FormStatus.IN_PROGRESS


def test_repeating_log_entries_and_delete_with_reason(store, subject):
    first = store.forms.save(subject, "logs", "ae", {"aeterm": "Headache"}).record
    second = store.forms.save(subject, "logs", "ae", {"aeterm": "Pulmonary embolism"}).record
    assert (first.repeat, second.repeat) == (1, 2)
    with pytest.raises(ReasonRequired):
        store.forms.delete(first.instance_id, "")
    gone = store.forms.delete(first.instance_id, "entered for the wrong subject")
    assert gone.status is FormStatus.DELETED
    with pytest.raises(WorkflowError):
        store.forms.save(subject, "logs", "ae", {"aeterm": "x"}, repeat=1)
    assert store.verify().ok


def test_place_rules(store, subject):
    from alsdesk.errors import NotFound

    with pytest.raises(NotFound):
        store.forms.save(subject, "h72", "alsfrs", {"q1": 3})  # not a form of that event
    with pytest.raises(NotFound):
        store.forms.save(subject, "screening", "alsfrs", {"q1": 3}, repeat=2)
    with pytest.raises(NotFound):
        store.forms.save("S999", "screening", "alsfrs", {"q1": 3})


def test_monitor_queries_answer_and_close(store, subject):
    rec = store.forms.save(subject, "screening", "alsfrs", {"q1": 3}).record
    with pytest.raises(PermissionDenied):
        store.queries.raise_query(rec.instance_id, "q1", "Source says 2?")
    store.logout()
    store.login("mon", PASSWORD)
    q = store.queries.raise_query(rec.instance_id, "q1", "Source says 2?")
    store.logout()
    store.login("nurse", PASSWORD)
    with pytest.raises(PermissionDenied):
        store.queries.close(q.id)
    assert store.queries.answer(q.id, "Checked: 3 is right").status is QueryStatus.ANSWERED
    store.logout()
    store.login("mon", PASSWORD)
    assert store.queries.close(q.id, "ok").status is QueryStatus.CLOSED
    assert store.queries.count_open() == 0


def test_failed_transaction_leaves_file_as_it_was(store, subject, db_path):
    store.forms.save(subject, "screening", "alsfrs", {"q1": 3})
    before = audit_count(store)

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with store.transaction():
            store.conn.execute("UPDATE alsfrs SET q1 = 0")
            store.audit("value.changed", field="q1")
            raise Boom
    assert audit_count(store) == before
    assert store.conn.execute("SELECT q1 FROM alsfrs").fetchone()[0] == 3
    store.close()
    again = Store.open(db_path)
    assert again.verify().ok
    again.close()


def test_subject_of_a_rolled_back_transaction_is_not_remembered(store):
    from alsdesk.errors import NotFound

    with pytest.raises(RuntimeError):
        with store.transaction():
            code = store.subjects.create().code
            raise RuntimeError("undo")
    with pytest.raises(NotFound):
        store.forms.save(code, "screening", "alsfrs", {"q1": 4})


def test_complete_save_of_a_new_form_reads_back_as_returned(store, subject):
    result = store.forms.save(subject, "screening", "alsfrs", alsfrs_values(), complete=True)
    again = store.forms.get(subject, "screening", "alsfrs")
    assert result.record.values == again.values and result.record.missing == again.missing
    assert result.record.status is again.status is FormStatus.COMPLETE
    rows = store.forms.history(again.instance_id)
    assert [r["action"] for r in rows] == (
        ["form.create"] + ["value.entered"] * len(alsfrs_values()) + ["form.status"])
    assert len({r["ts"] for r in rows}) == 1 and rows[-1]["new_value"] == "complete"


def test_a_bad_value_still_fails_the_save_with_complete(store, subject):
    with pytest.raises(ValidationError):
        store.forms.save(subject, "screening", "alsfrs", {**alsfrs_values(), "q1": 9},
                         complete=True)
    assert store.forms.get(subject, "screening", "alsfrs").status is FormStatus.NOT_STARTED


def test_a_save_that_changes_nothing_leaves_the_form_row_as_it_was(store):
    """No audit row, no change: 'last change' and its author move only with a recorded change."""
    code = store.subjects.create("AB").code
    rec = store.forms.save(code, "screening", "vs", {"sysbp": 120}).record
    row = "SELECT updated_at, updated_by, version, status FROM form_instances WHERE id = ?"
    before = store.conn.execute(row, (rec.instance_id,)).fetchone()
    audit = store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    store.login("inv", PASSWORD)
    store.forms.save(code, "screening", "vs", {"sysbp": 120})
    assert store.conn.execute(row, (rec.instance_id,)).fetchone() == before
    # one row more: the login; none for the save
    assert store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0] == audit + 1
