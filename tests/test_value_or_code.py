"""A field holds a value or a missing-data code, never both: also when a save gives the
code alone and the stored value would stay (found by a reviewer: 'Weight 74.0 kg … code ND')."""
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pytest

from alsdesk.errors import ValidationError


def test_a_code_for_a_field_whose_stored_value_stays_is_refused(demo_db):
    from alsdesk.store import Store

    store = Store.open(demo_db)
    store.login("nurse", "Demo-password-1")
    before = store.forms.get("S005", "screening", "vs")
    assert before.values.get("weight") is not None and not before.missing.get("weight")
    with pytest.raises(ValidationError, match="either a value or a missing-data code"):
        store.forms.save("S005", "screening", "vs", {}, missing={"weight": "ND"},
                         reason="not weighed")
    # clearing the value with the code is the way, and nothing else changed meanwhile
    store.forms.save("S005", "screening", "vs", {"weight": None}, missing={"weight": "ND"},
                     reason="not weighed")
    after = store.forms.get("S005", "screening", "vs")
    assert after.values.get("weight") is None and after.missing["weight"] == "ND"
    store.close()
    row = sqlite3.connect(demo_db).execute(
        "SELECT weight, weight__missing FROM vs JOIN form_instances fi ON fi.id = vs.instance_id "
        "JOIN subjects s ON s.id = fi.subject_id WHERE s.code = 'S005' AND fi.event = "
        "'screening'").fetchone()
    assert row == (None, "ND")
