"""Issue 12, item 1 (signatures and schema): attacks on the file with plain sqlite3 that the
clinical replay alone let through are reported by verify, and the file is left as it was."""
from __future__ import annotations

import pytest

from alsdesk.store.records import data_hash
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values, attack as _attack, verify_readonly as _verify


@pytest.fixture
def signed(store):
    """A file with one signed ALSFRS form and one signature voided by a correction.

    Returns (path, id of the valid signature's form instance, id of the voided signature).
    """
    code = store.subjects.create(initials="AB").code
    first = store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True).record
    other = store.subjects.create(initials="CD").code
    second = store.forms.save(other, "screening", "alsfrs", alsfrs_values(),
                              complete=True).record
    store.logout()
    store.login("inv", PASSWORD)
    store.forms.sign(first.instance_id, PASSWORD, "I approve these data")
    store.forms.sign(second.instance_id, PASSWORD)
    store.logout()
    store.login("nurse", PASSWORD)
    store.forms.save(other, "screening", "alsfrs", {"q2": 3}, reason="late correction")
    voided = store.conn.execute("SELECT id FROM signatures WHERE valid = 0").fetchone()[0]
    path = store.path
    store.close()
    return path, first.instance_id, voided


def test_untouched_files_verify_ok(signed, study, tmp_path):
    from alsdesk.demo import build_demo

    path, _iid, _voided = signed
    report = _verify(path, study)
    assert report.ok, report.text()
    assert "Signatures: match the audit trail and the signed data" in report.text()
    demo = build_demo(tmp_path / "demo.db")
    report = _verify(demo, study)
    assert report.ok, report.text()
    assert "Tables, columns and triggers: as the program made them" in report.text()


def test_a_forged_signature_row_is_reported(store, study):
    code = store.subjects.create(initials="AB").code
    rec = store.forms.save(code, "screening", "alsfrs", alsfrs_values(), complete=True).record
    path = store.path
    store.close()
    # A valid row with the right fingerprint: only the missing audit row gives it away.
    _attack(path, "INSERT INTO signatures (instance_id, user_id, full_name, role, meaning, "
                  "signed_at, data_hash) VALUES (?, 'inv', 'Ivan Investigator', "
                  "'investigator', 'I approve', '2026-01-01T00:00:00.000000+00:00', ?)",
            params=(rec.instance_id, data_hash(rec)))
    report = _verify(path, study)
    assert not report.ok
    assert report.replay_problems == []  # the replay of values alone saw nothing
    assert any("no audit row records this signature" in p and "forged" in p
               for p in report.signature_problems), report.text()
    assert "Signatures: DO NOT match" in report.text()


def test_signed_data_changed_behind_the_program_is_reported(signed, study):
    path, iid, _voided = signed
    # The fingerprint kept with the signature replaced: values and audit trail untouched.
    _attack(path, "UPDATE signatures SET data_hash = ? WHERE instance_id = ? AND valid = 1",
            params=("0" * 64, iid))
    report = _verify(path, study)
    assert report.replay_problems == []
    assert any(f"form instance {iid}" in p and "signed data is not what was signed" in p
               for p in report.signature_problems), report.text()


def test_a_signed_value_changed_in_its_table_is_reported_against_the_signature(signed, study):
    path, iid, _voided = signed
    _attack(path, "UPDATE alsfrs SET q1 = 0 WHERE instance_id = ?", params=(iid,))
    report = _verify(path, study)
    assert any(f"form instance {iid}" in p and "signed data is not what was signed" in p
               for p in report.signature_problems), report.text()


def test_who_signed_changed_in_the_table_is_reported(signed, study):
    path, iid, _voided = signed
    _attack(path, "UPDATE signatures SET user_id = 'admin', full_name = 'Ada Admin', "
                  "meaning = 'anything' WHERE instance_id = ? AND valid = 1", params=(iid,))
    report = _verify(path, study)
    text = "\n".join(report.signature_problems)
    assert "signed by 'admin' in the table but by 'inv'" in text, report.text()
    assert "'Ada Admin': 'anything' in the table but 'Ivan Investigator: I approve these " \
           "data'" in text


def test_a_voided_signature_made_valid_again_is_reported(signed, study):
    path, _iid, voided = signed
    _attack(path, "UPDATE signatures SET valid = 1, invalidated_at = NULL, "
                  "invalidated_reason = NULL WHERE id = ?", params=(voided,))
    report = _verify(path, study)
    assert any(f"signature {voided} " in p and "made valid again behind the program" in p
               for p in report.signature_problems), report.text()


def test_a_removed_signature_row_is_reported(signed, study):
    path, iid, _voided = signed
    _attack(path, "DELETE FROM signatures WHERE instance_id = ?", params=(iid,))
    report = _verify(path, study)
    assert any("not in the signatures table: the signature row was removed" in p
               for p in report.signature_problems), report.text()


def test_a_dropped_append_only_trigger_is_reported(signed, study):
    path, _iid, _voided = signed
    _attack(path, "DROP TRIGGER audit_trail_no_update")
    report = _verify(path, study)
    assert not report.ok
    assert report.schema_problems == [
        "trigger audit_trail_no_update is missing: it was dropped (the audit trail is no "
        "longer protected against changes)"]
    assert "Tables, columns and triggers: CHANGED behind the program" in report.text()


def test_a_trigger_replaced_by_one_that_does_nothing_is_reported(signed, study):
    path, _iid, _voided = signed
    _attack(path, "DROP TRIGGER audit_trail_no_delete",
            "CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail "
            "BEGIN SELECT 1; END")
    report = _verify(path, study)
    assert any(p.startswith("trigger audit_trail_no_delete was changed behind the program")
               for p in report.schema_problems), report.text()


def test_an_added_trigger_is_reported(signed, study):
    path, _iid, _voided = signed
    # A trigger that would quietly make every new user an administrator.
    _attack(path, "CREATE TRIGGER promote AFTER INSERT ON users "
                  "BEGIN UPDATE users SET role = 'admin' WHERE user_id = NEW.user_id; END")
    report = _verify(path, study)
    assert len(report.schema_problems) == 1
    assert report.schema_problems[0].startswith(
        "trigger promote was added behind the program: CREATE TRIGGER promote"), report.text()


@pytest.mark.parametrize("table", ["users", "alsfrs"])
def test_an_added_column_is_reported(signed, study, table):
    path, _iid, _voided = signed
    _attack(path, f"ALTER TABLE {table} ADD COLUMN backdoor TEXT")
    report = _verify(path, study)
    assert report.schema_problems == [f"column {table}.backdoor was added behind the program"]


def test_an_added_table_and_a_dropped_column_with_data_are_reported(signed, study):
    path, _iid, _voided = signed
    _attack(path, "CREATE TABLE notes (x TEXT)", "ALTER TABLE alsfrs DROP COLUMN q1",
            "ALTER TABLE users DROP COLUMN locked_until")
    report = _verify(path, study)
    assert set(report.schema_problems) == {
        "table notes was added behind the program",
        "column alsfrs.q1 is missing: it was dropped",
        "column users.locked_until is missing: it was dropped",
    }, report.text()


def test_verify_cli_names_the_problem(signed, study):
    from click.testing import CliRunner

    from alsdesk.cli import main

    path, _iid, _voided = signed
    _attack(path, "DROP TRIGGER audit_trail_no_delete")
    result = CliRunner().invoke(main, ["--db", str(path), "verify"])
    assert result.exit_code == 1
    assert "trigger audit_trail_no_delete is missing" in result.output
    assert "VERIFY OK" not in result.output
