"""Reasons, notes, questions and answers must say something: invisible text is refused.

A zero-width space passes ``str.strip()``; as a reason it would stand in the audit trail as
a reason nobody can read. Every path is tried through the real store, as the role that may
take the step, and the file is checked unchanged after each refusal.
"""
from __future__ import annotations

import pytest

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.states import SubjectStatus
from alsdesk.store import Store
from alsdesk.store.queries import TEXT_MAX
from alsdesk.textcheck import says_something

INVISIBLE = ["\u200b", "\u200b\u200c\u2060", "\ufeff", " . ", "\u00a0\u2003", "—"]


@pytest.fixture
def store(demo_db):
    st = Store.open(demo_db)
    yield st
    st.close()


def _rows(store) -> int:
    return store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]


def test_says_something():
    assert says_something("Typo in the source") and says_something("اشتباه تایپی")
    assert says_something("3") and not any(says_something(t) for t in INVISIBLE)


@pytest.mark.parametrize("reason", INVISIBLE)
def test_an_invisible_reason_for_a_change_is_refused(store, reason):
    store.login("nurse", DEMO_PASSWORD)
    rec = next(store.forms.get_instance(i.instance_id) for i in store.forms.instances("S005")
               if i.form == "vs" and i.status.is_complete)
    before = _rows(store)
    with pytest.raises(ReasonRequired, match="no letter or digit|give a reason"):
        store.forms.save("S005", rec.event, "vs", {"pulse": 71}, event_repeat=rec.event_repeat,
                         reason=reason, complete=True)
    assert _rows(store) == before
    assert store.forms.get_instance(rec.instance_id).values == rec.values


@pytest.mark.parametrize("reason", INVISIBLE[:3])
def test_an_invisible_reason_for_a_status_or_initials_is_refused(store, reason):
    store.login("nurse", DEMO_PASSWORD)
    before = _rows(store)
    with pytest.raises((ReasonRequired, WorkflowError)):
        store.subjects.set_status("S007", SubjectStatus.SCREEN_FAILURE, reason)
    with pytest.raises((ReasonRequired, WorkflowError)):
        store.subjects.set_initials("S007", "ZZ", reason)
    assert _rows(store) == before
    assert store.subjects.get("S007").status is SubjectStatus.SCREENING


def test_withdrawal_comes_from_the_end_of_study_form(store):
    store.login("nurse", DEMO_PASSWORD)
    with pytest.raises(WorkflowError, match="End of study"):
        store.subjects.set_status("S006", SubjectStatus.WITHDRAWN, "Moved away")
    assert store.subjects.get("S006").status is SubjectStatus.ENROLLED


def test_questions_answers_and_notes_must_say_something_and_fit_a_page(store):
    store.login("monitor", DEMO_PASSWORD)
    iid = next(i.instance_id for i in store.forms.instances("S005") if i.form == "vs")
    for text in INVISIBLE:
        with pytest.raises(WorkflowError, match="no letter or digit|Write the question"):
            store.queries.raise_query(iid, "pulse", text)
    with pytest.raises(WorkflowError, match="at most"):
        store.queries.raise_query(iid, "pulse", "x" * (TEXT_MAX + 1))
    q = store.queries.raise_query(iid, "pulse", "  Pulse 71 or 17?  ")
    assert q.text == "Pulse 71 or 17?"
    store.logout()
    store.login("nurse", DEMO_PASSWORD)
    with pytest.raises(WorkflowError, match="no letter or digit"):
        store.queries.answer(q.id, "\u200b")
    store.queries.answer(q.id, "71")
    store.logout()
    store.login("monitor", DEMO_PASSWORD)
    with pytest.raises(WorkflowError, match="no letter or digit"):
        store.queries.close(q.id, "\u2060")
    assert store.queries.close(q.id, "").status.value == "closed"


def test_names_and_meanings_printed_with_a_signature_must_say_something(store):
    store.login("admin", DEMO_PASSWORD)
    for name in ("\u200b\u200b", ".", "  "):
        with pytest.raises(Exception, match="full name"):
            store.users.add("inv9", name, "investigator", "Strong-pass-2026")
    store.logout()
    store.login("investigator", DEMO_PASSWORD)
    rec = next(store.forms.get_instance(i.instance_id) for i in store.forms.instances("S005")
               if i.status.value == "complete")
    for meaning in ("\u200b.", "", "x" * 4001):
        with pytest.raises(WorkflowError, match="meaning"):
            store.forms.sign(rec.instance_id, DEMO_PASSWORD, meaning)
    assert store.forms.get_instance(rec.instance_id).valid_signature is None


def test_notes_and_override_reasons_must_say_something_and_fit(store):
    from alsdesk.errors import CheckFailed

    store.login("nurse", DEMO_PASSWORD)
    import datetime as dt

    start = dt.datetime.fromisoformat(store.forms.get("S006", "infusion", "inf").values["infstdtc"])
    early = start + dt.timedelta(hours=9)  # the 72 h visit far too early (and not in future)
    values = {"svdone": "Y", "svstdtc": early.strftime("%Y-%m-%dT%H:%M")}
    for note in ("\u200b", ".", " \u2060 "):
        with pytest.raises(CheckFailed):
            store.forms.save("S006", "h72", "sv", values, complete=True,
                             notes={"visit_in_window": note})
    with pytest.raises(WorkflowError, match="at most 4,000"):
        store.forms.save("S006", "h72", "sv", values, complete=True,
                         notes={"visit_in_window": "n" * 4001})
    saved = store.forms.save("S006", "h72", "sv", values, complete=True,
                             notes={"visit_in_window": "Came back early with a headache"})
    assert len(saved.queries) == 1
    # marked complete again: the open query is that note; no second note is asked or lost
    later = (early + dt.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    again = store.forms.save("S006", "h72", "sv", {"svstdtc": later},
                             complete=True, reason="time corrected from the source")
    assert again.queries == ()
    store.logout()
    store.login("investigator", DEMO_PASSWORD)
    # an hour ago: after S007's consent (the demo dates it days before today), not in the future
    start = (dt.datetime.now() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    for reason in ("\u200b", "x" * 4001):
        with pytest.raises(ReasonRequired):
            store.forms.save("S007", "infusion", "inf", {"infstdtc": start},
                             eligibility_override=reason)
    with pytest.raises(ReasonRequired, match="at most 4,000"):
        store.subjects.set_initials("S007", "ZZ", "r" * 4001)


def test_control_characters_are_refused_in_names_reasons_and_queries(store):
    store.login("admin", DEMO_PASSWORD)
    with pytest.raises(Exception, match="control character"):
        store.users.add("esc1", "Eve\x1b[2J Nurse", "nurse", "Strong-pass-2026")
    store.logout()
    store.login("nurse", DEMO_PASSWORD)
    with pytest.raises(ReasonRequired, match="control character \\(U\\+0007\\)"):
        store.subjects.set_initials("S007", "ZZ", "typo\x07")
    store.logout()
    store.login("monitor", DEMO_PASSWORD)
    iid = next(i.instance_id for i in store.forms.instances("S005") if i.form == "vs")
    with pytest.raises(WorkflowError, match="control character"):
        store.queries.raise_query(iid, "pulse", "Pulse\x00 70?")
    q = store.queries.raise_query(iid, "pulse", "Pulse 70?\nSource says 170.")  # lines are fine
    assert "\n" in q.text
