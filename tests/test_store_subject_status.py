"""Subject status that follows the data, changes by hand that must agree with it, and the
infusion's eligibility stop with the investigator's override (issue 11, item 3)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from alsdesk.auth import Action, Role, allowed
from alsdesk.demo import SubjectBuilder, _years_before
from alsdesk.errors import DefinitionError, PermissionDenied, ReasonRequired, WorkflowError
from alsdesk.states import SubjectStatus as S
from alsdesk.store import Store
from alsdesk.store.status_rules import EligibilityStop, eligibility_stop, may_override
from alsdesk.study import load_study
from alsdesk.paths import default_study_file
from tests.conftest import PASSWORD
from tests.helpers import audit_count

FIT = [4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4]
CONSENT = datetime(2026, 3, 2, 9, 0)
START = datetime(2026, 3, 16, 10, 0)


def _screened(store: Store, *, age: int = 40) -> str:
    """A subject whose screening forms are all entered (eligible at 40, not at 56)."""
    code = store.subjects.create("AB").code
    birth = _years_before(CONSENT, age)
    SubjectBuilder(store, date(2026, 4, 1)).screening(
        code, CONSENT, birth=birth, alsfrs_items=FIT, fvc_pct=80.0, eligible=age <= 55,
        not_met="" if age <= 55 else f"age {age}")
    return code


def _infusion_values(start: datetime = START) -> dict:
    return {"weight": 70.0, "lot": "ADMSC-1", "viab": 94.0, "cellsinf": 140.0,
            "infstdtc": start.strftime("%Y-%m-%dT%H:%M"),
            "infendtc": (start + timedelta(minutes=45)).strftime("%Y-%m-%dT%H:%M"),
            "infrx": "N", "ichildpot": "N", "rxdose": 140.0, "relcert": "Y",
            "relcount": 150.0, "bedcount": 142.0, "bedviab": 92.0,
            "prepdtc": (start - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
            "premed": "N", "infvol": 100.0, "volall": "Y"}


def _rows(store: Store, code: str) -> list[tuple]:
    return store.conn.execute(
        "SELECT old_value, new_value, reason, user_id FROM audit_trail WHERE action = "
        "'subject.status' AND subject = ? ORDER BY seq", (code,)).fetchall()


def _as(store: Store, user: str) -> None:
    store.logout()
    store.login(user, PASSWORD)


# --- changes by hand ------------------------------------------------------------------------

def test_every_change_by_hand_needs_a_reason_even_from_screening(store):
    code = store.subjects.create("AB").code
    for reason in (None, "", "   "):
        with pytest.raises(ReasonRequired, match=f"reason for changing {code} from "
                                                 "screening to screen failure"):
            store.subjects.set_status(code, S.SCREEN_FAILURE, reason)
    assert store.subjects.get(code).status is S.SCREENING
    assert _rows(store, code) == []
    store.subjects.set_status(code, S.SCREEN_FAILURE, "  FVC 35 % at screening ")
    assert _rows(store, code) == [("screening", "screen failure", "FVC 35 % at screening",
                                   "nurse")]


def test_without_the_data_enrolled_completed_and_died_are_refused(store):
    code = store.subjects.create("AB").code
    before = audit_count(store)
    with pytest.raises(WorkflowError, match="enrolled when the infusion is given: save the "
                                            "Infusion form"):
        store.subjects.set_status(code, S.ENROLLED, "infused today")
    for status in (S.COMPLETED, S.DIED):
        with pytest.raises(WorkflowError, match="Record this on the End of study form"):
            store.subjects.set_status(code, status, "phone call")
    assert audit_count(store) == before
    assert store.subjects.get(code).status is S.SCREENING
    # A withdrawal, even during screening, is recorded on the end-of-study form (its date
    # and reason): by hand it is refused, and the form sets it.
    with pytest.raises(WorkflowError, match="Record this on the End of study form"):
        store.subjects.set_status(code, S.WITHDRAWN, "consent withdrawn")
    assert store.subjects.get(code).status is S.SCREENING


def test_the_infusion_enrols_and_then_forbids_screen_failure(store):
    code = _screened(store)
    store.forms.save(code, "infusion", "inf", {"weight": 70.0}, complete=False)
    assert store.subjects.get(code).status is S.SCREENING  # not given until its start
    result = store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True)
    assert result.notices == (f"Subject {code} is now enrolled (set by Infusion).",)
    assert store.subjects.get(code).status is S.ENROLLED
    assert _rows(store, code) == [("screening", "enrolled", "set by Infusion", "nurse")]
    for status in (S.SCREEN_FAILURE, S.SCREENING):
        with pytest.raises(WorkflowError, match=f"{code} was given the infusion "
                                                r"\(16/MAR/2026 10:00\), so cannot be"):
            store.subjects.set_status(code, status, "typed by mistake")
    # A later correction of the infusion moves nothing.
    again = store.forms.save(code, "infusion", "inf", {"cellsinf": 141.0}, complete=True,
                             reason="bag weighed again")
    assert again.notices == () and len(_rows(store, code)) == 1
    assert store.verify().ok, store.verify().text()


def test_the_end_of_study_form_sets_the_status_and_then_holds_it(store):
    code = _screened(store)
    store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True)
    # A draft of the end-of-study form is not yet the end of the study.
    draft = store.forms.save(code, "eos", "eos", {"eosstat": "DEATH"}, complete=False)
    assert draft.notices == () and store.subjects.get(code).status is S.ENROLLED
    done = store.forms.save(code, "eos", "eos", {
        "eosstat": "DEATH", "eosdat": "2026-05-01", "eosreas": "ALS progression",
        "dthdat": "2026-05-01", "dthcause": "Respiratory failure"}, complete=True)
    assert done.notices == (f"Subject {code} is now died (set by End of study).",)
    assert store.subjects.get(code).status is S.DIED
    with pytest.raises(WorkflowError, match="End of study form of .* records 'Died', so the "
                                            "status is died. To change it, correct that form"):
        store.subjects.set_status(code, S.WITHDRAWN, "family says otherwise")
    # Correcting the form (lost to follow-up maps to withdrawn in the definition) follows.
    fixed = store.forms.save(code, "eos", "eos", {
        "eosstat": "LOST TO FOLLOW-UP", "dthdat": None, "dthcause": None,
        "eosreas": "No answer since April"}, complete=True, reason="death not confirmed")
    assert fixed.notices == (f"Subject {code} is now withdrawn (set by End of study).",)
    assert [r[1] for r in _rows(store, code)] == ["enrolled", "died", "withdrawn"]
    assert all(r[2] == "set by End of study" for r in _rows(store, code)[1:])
    assert store.verify().ok, store.verify().text()


def test_the_choices_offered_say_why_the_others_are_refused(store):
    code = _screened(store)
    choices = {c.status: c.refusal for c in store.subjects.status_choices(code)}
    assert S.SCREENING not in choices  # the current status is not a choice
    assert choices[S.SCREEN_FAILURE] is None
    assert "End of study form" in choices[S.WITHDRAWN]  # a withdrawal is recorded there
    assert "save the Infusion form" in choices[S.ENROLLED]
    assert "End of study form" in choices[S.COMPLETED]
    _as(store, "mon")
    refusals = [c.refusal for c in store.subjects.status_choices(code)]
    assert all(r and "may create subjects and change their status" in r for r in refusals)


# --- the eligibility stop -------------------------------------------------------------------

def test_an_ineligible_subject_cannot_be_infused_and_nothing_is_saved(store):
    code = _screened(store, age=56)
    before = audit_count(store)
    with pytest.raises(EligibilityStop, match=rf"{code} is not eligible, so the infusion "
                                              r"cannot be saved as given. Not met: age 56 at"
                                              " consent") as stop:
        store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True)
    assert [c.id for c in stop.value.criteria] == ["age"] and stop.value.decided
    assert "an investigator may override" in str(stop.value)
    assert audit_count(store) == before
    assert store.forms.get(code, "infusion", "inf").instance_id is None
    assert store.subjects.get(code).status is S.SCREENING
    # the same stop, asked before saving (the form can warn before anyone presses save)
    assert str(eligibility_stop(store, code)) == str(stop.value)
    # a draft without the start is not the infusion given: it saves
    store.forms.save(code, "infusion", "inf", {"weight": 70.0}, complete=False)


def test_eligibility_not_yet_decided_stops_the_infusion_naming_what_is_missing(store):
    code = store.subjects.create("AB").code
    with pytest.raises(EligibilityStop, match=r"eligibility of .* is not decided yet.*Not "
                                              r"recorded: Age 18 to 55 at consent; "
                                              r"ALSFRS-R total >= 24") as stop:
        store.forms.save(code, "infusion", "inf", _infusion_values(), complete=False)
    assert not stop.value.decided and len(stop.value.criteria) == 8


def test_only_an_investigator_overrides_and_only_with_a_reason(store):
    code = _screened(store, age=56)
    assert "Investigator" in may_override(store)
    with pytest.raises(PermissionDenied, match="may not give the infusion to a subject not "
                                               "found eligible"):
        store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True,
                         eligibility_override="the patient insists")
    _as(store, "inv")
    assert may_override(store) is None
    with pytest.raises(ReasonRequired, match="reason for giving the infusion"):
        store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True,
                         eligibility_override="  ")
    assert store.forms.get(code, "infusion", "inf").instance_id is None
    assert not [r for r in store.forms.instances(code) if r.form == "dv"]


def test_the_override_saves_the_infusion_with_a_deviation_entry_all_audited(store):
    code = _screened(store, age=56)
    store.subjects.set_status(code, S.SCREEN_FAILURE, "age 56")
    _as(store, "inv")
    result = store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True,
                              eligibility_override="56 for two weeks only; sponsor agreed")
    assert result.notices == (
        f"Protocol deviation entry #1 recorded for {code} (infusion given although not "
        "eligible): complete it with its importance and the action taken.",
        f"Subject {code} is now enrolled (set by Infusion).")
    dv = store.forms.get(code, "logs", "dv", repeat=1)
    assert dv.status.value == "in progress"  # importance and action are people's to judge
    assert dv.values["dvdat"] == "2026-03-16" and dv.values["dvcat"] == "ELIGIBILITY"
    assert dv.values["dvterm"] == (
        "Infusion given although not eligible: age 56 at consent (allowed 18 to 55). "
        "Overridden by Ivan Investigator: 56 for two weeks only; sponsor agreed")
    assert _rows(store, code)[-1] == ("screen failure", "enrolled", "set by Infusion", "inv")
    trail = store.conn.execute(
        "SELECT form, action, user_id FROM audit_trail WHERE subject = ? AND form IN "
        "('inf', 'dv') AND action = 'form.create' ORDER BY seq", (code,)).fetchall()
    assert trail == [("inf", "form.create", "inv"), ("dv", "form.create", "inv")]
    # the infusion given, a later correction by the nurse needs no second override
    _as(store, "nurse")
    store.forms.save(code, "infusion", "inf", {"viab": 95.0}, complete=True,
                     reason="certificate re-read")
    assert len([i for i in store.forms.instances(code) if i.form == "dv"]) == 1
    assert store.verify().ok, store.verify().text()


def test_an_override_for_an_eligible_subject_records_nothing_extra(store):
    code = _screened(store)
    _as(store, "inv")
    result = store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True,
                              eligibility_override="not needed")
    assert result.notices == (f"Subject {code} is now enrolled (set by Infusion).",)
    assert not [i for i in store.forms.instances(code) if i.form == "dv"]


def test_verify_replays_automatic_changes_after_reopening(store, db_path, study):
    code = _screened(store)
    store.forms.save(code, "infusion", "inf", _infusion_values(), complete=True)
    store.forms.save(code, "eos", "eos", {"eosstat": "COMPLETED", "eosdat": "2026-11-16"},
                     complete=True)
    store.close()
    with Store.open(db_path, study) as st:
        report = st.verify()
        assert report.ok, report.text()
        assert st.subjects.get(code).status is S.COMPLETED


def test_only_the_investigator_role_may_override():
    assert [r for r in Role if allowed(r, Action.OVERRIDE_ELIGIBILITY)] == [Role.INVESTIGATOR]


# --- the definition -------------------------------------------------------------------------

def _edited(tmp_path, old: str, new: str):
    text = default_study_file().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "study.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,message", [
    (', "DEATH" = "died" }', ' }', r"gives no status for 'DEATH'"),
    ('"DEATH" = "died"', '"DEATH" = "dead"', r"'dead' is not a status a subject ends"),
    ('"DEATH" = "died"', '"DEATH" = "died", "GONE" = "died"', r"'GONE' is not a code of"),
    ('eligibility_deviation = "ELIGIBILITY"', 'eligibility_deviation = "ELIG"',
     r"'ELIG' is not a deviation category; allowed: CONSENT, ELIGIBILITY"),
    ('end_of_study = "eos.eos.eosstat"', 'end_of_study = "eos.eos.eosdat"',
     "must be a choice field"),
])
def test_a_wrong_status_definition_fails_at_load(tmp_path, old, new, message):
    with pytest.raises(DefinitionError, match=message) as err:
        load_study(_edited(tmp_path, old, new))
    assert ".toml:" in err.value.file  # with its line


def test_the_bundled_definition_maps_every_end_of_study_answer(study):
    assert set(study.end_of_study_status) == {
        str(c.code) for c in study.form("eos").field("eosstat").codelist.choices}
    assert study.eligibility_deviation == "ELIGIBILITY"


# --- the infusion start enrols, so it is judged on every save -------------------------------

@pytest.mark.parametrize("start, why", [
    (datetime.now().replace(second=0, microsecond=0) + timedelta(days=3), "in the future"),
    (datetime(1990, 1, 1, 10, 0), "before informed consent"),
])
def test_a_draft_infusion_with_an_impossible_start_neither_saves_nor_enrols(store, start, why):
    code = _screened(store)
    before = audit_count(store)
    with pytest.raises(WorkflowError, match=why) as err:
        store.forms.save(code, "infusion", "inf", _infusion_values(start), complete=False)
    assert f"enrols {code}" in str(err.value)
    assert store.subjects.get(code).status is S.SCREENING and audit_count(store) == before
    # the investigator's override of eligibility does not pass a wrong date either
    _as(store, "inv")
    with pytest.raises(WorkflowError, match=why):
        store.forms.save(code, "infusion", "inf", _infusion_values(start), complete=False,
                         eligibility_override="given by decision of the sponsor")
    assert store.subjects.get(code).status is S.SCREENING
