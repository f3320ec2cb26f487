"""verify notes audit times that step back or lie in the future (issue 12, item 15): notes,
not failures, since a clock put right steps back for a good reason."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alsdesk.store import Store
from alsdesk.store.audit import A
from tests.conftest import PASSWORD


def _iso(delta: timedelta) -> str:
    return (datetime.now(timezone.utc) + delta).isoformat(timespec="microseconds")


def test_a_step_back_and_a_future_row_are_noted(store, db_path):
    with store.transaction():  # written while the clock ran three hours ahead
        store.audit(A.EXPORT, new_value="probe", ts=_iso(timedelta(hours=3)))
    store.subjects.create("AB")  # now, three hours "earlier"
    report = store.verify()
    assert report.ok  # notes only
    text = report.text()
    assert "Audit times: NOT always in order" in text
    assert "later than this computer's clock" in text and "the clock was set back" in text


def test_a_step_back_the_program_saw_is_not_noted_again(store, db_path, study):
    with store.transaction():
        store.audit(A.EXPORT, new_value="probe", ts=_iso(timedelta(hours=3)))
    store.close()
    with Store.open(db_path, study) as st:  # sees its clock behind: records it in the trail
        assert st.clock_warning
        st.login("nurse", PASSWORD)
        st.subjects.create("CD")
        notes = st.verify().time_notes
    assert not any("set back" in n for n in notes), notes


def test_a_normal_day_is_in_order(demo_db, study):
    with Store.open(demo_db, study, readonly=True) as st:
        report = st.verify()
    assert report.time_notes == [] and "Audit times: in order" in report.text()
