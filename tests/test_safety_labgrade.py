"""CTCAE v5.0 grades of lab results (resources/study/labgrades.toml) at the criteria's exact
boundaries, against the report's range, the study's range by sex and age, and the baseline;
and a grade proposed as an adverse event, confirmed or dismissed, each answer audited."""
from __future__ import annotations

import pytest

from alsdesk.errors import DefinitionError, ReasonRequired
from alsdesk.safety import labae
from alsdesk.safety.labgrade import grade_value, grades, load_labgrades, study_range
from tests.conftest import PASSWORD


@pytest.fixture(scope="module")
def rules(study):
    return load_labgrades(study)


# ALT with baseline normal, ULN 40: "> ULN - 3.0 x ULN" grade 1, "> 3.0 - 5.0" grade 2, ...
@pytest.mark.parametrize("value, grade", [
    (40.0, 0), (40.1, 1), (119.9, 1), (120.0, 1), (120.1, 2), (200.0, 2), (200.1, 3),
    (800.0, 3), (800.1, 4)])
def test_alt_against_the_uln_when_the_baseline_was_normal(rules, value, grade):
    assert grade_value(rules.analytes["alt"], value, 7.0, 40.0, 30.0, False)[0] == grade


# ALT with the baseline above the ULN (60, ULN 40): multiples of the baseline; 1.5 x is grade 1
@pytest.mark.parametrize("value, grade", [
    (89.9, 0), (90.0, 1), (180.0, 1), (180.1, 2), (300.0, 2), (300.1, 3), (1200.1, 4)])
def test_alt_against_the_baseline_when_it_was_abnormal(rules, value, grade):
    assert grade_value(rules.analytes["alt"], value, 7.0, 40.0, 60.0, True)[0] == grade


# Creatinine (ULN 0.7, baseline 0.7): the higher of the ULN and the baseline grade; 3.0 x 0.7
# is 2.1 exactly (not 2.0999999999999996), so 2.1 is grade 2 and 2.11 grade 3.
@pytest.mark.parametrize("value, grade", [
    (0.7, 0), (0.71, 1), (1.05, 1), (1.06, 2), (2.1, 2), (2.11, 3), (4.2, 3), (4.21, 4)])
def test_creatinine_against_uln_and_baseline(rules, value, grade):
    assert grade_value(rules.analytes["creat"], value, 0.5, 0.7, 0.7, False)[0] == grade


def test_creatinine_one_and_a_half_times_the_baseline_is_grade_2_within_the_uln(rules):
    # CTCAE v5.0 grade 2: ">1.5 - 3.0 x baseline; >1.5 - 3.0 x ULN"
    grade, why = grade_value(rules.analytes["creat"], 1.25, 0.7, 1.3, 0.8, False)
    assert (grade, why) == (2, "1.6 × baseline; grade 2 is > 1.5 × baseline")


@pytest.mark.parametrize("value, grade", [(150, 0), (149, 1), (75, 1), (74.9, 2), (49, 3),
                                          (24, 4)])
def test_platelets_decreased(rules, value, grade):
    assert grade_value(rules.analytes["plt"], value, 150.0, 450.0, None, False)[0] == grade


def test_without_any_range_a_result_is_not_graded(rules):
    assert grade_value(rules.analytes["alt"], 500.0, None, None, None, False) == \
        (None, "no normal range to grade against")


def test_the_studys_range_by_sex_and_age(rules):
    assert study_range(rules, "hgb", "F", 40) == (12.0, 15.5)
    assert study_range(rules, "hgb", "F", 70) == (11.5, 15.5)
    assert study_range(rules, "hgb", "M", 70) == (13.5, 17.5)
    assert study_range(rules, "hgb", "F", None) == (None, None)  # the band cannot be told
    assert study_range(rules, "plt", None, None) == (150.0, 450.0)


def test_a_rule_file_that_names_no_field_is_refused(study, tmp_path):
    path = tmp_path / "labgrades.toml"
    from alsdesk.safety.labgrade import definition_file

    path.write_text(definition_file().read_text().replace('[analytes.ck]', '[analytes.cpk]'))
    with pytest.raises(DefinitionError, match="analytes.cpk.*'cpk' is not a number field"):
        load_labgrades(study, path)


def _subject_with_labs(store, baseline_alt=30.0):
    code = store.subjects.create().code
    store.forms.save(code, "screening", "dm", {"sex": "M", "brthdat": "1975-05-05"})
    store.forms.save(code, "screening", "lb", {"lbdtc": "2015-01-05T08:00", "alt": baseline_alt,
                                               "alt_lo": 7.0, "alt_hi": 40.0})
    return code


def test_a_result_worse_than_baseline_is_proposed_once_and_confirmed_as_a_draft_ae(store):
    code = _subject_with_labs(store)
    saved = store.forms.save(code, "m2", "lb", {"lbdtc": "2015-03-10T09:30", "alt": 152.0,
                                                "alt_lo": 7.0, "alt_hi": 40.0}).record
    (p,) = labae.proposals(store, saved)
    assert (p.field, p.graded.grade, p.baseline_grade) == ("alt", 2, 0)
    assert "Alanine aminotransferase increased, grade 2" in p.text and "152" in p.text
    entry = labae.confirm(store, p).record
    assert (entry.form, entry.values["aetoxgr"], entry.values["aestdat"]) == \
        ("ae", 2, "2015-03-10")
    assert entry.values["ctcae_term"] == entry.values["aeterm"] == \
        "Alanine aminotransferase increased"
    assert labae.proposals(store, saved) == []  # answered at this grade
    (why,) = store.conn.execute("SELECT new_value FROM audit_trail WHERE action = ?",
                                (labae.ACTION,)).fetchone()
    assert why.startswith(f"grade 2: recorded as adverse event entry {entry.repeat}")
    # a worse result on the same report is asked again
    worse = store.forms.save(code, "m2", "lb", {"alt": 240.0}, reason="transcription").record
    (again,) = labae.proposals(store, worse)
    assert again.graded.grade == 3
    assert store.verify().ok


def test_a_dismissal_needs_a_reason_and_is_kept(store):
    code = _subject_with_labs(store)
    saved = store.forms.save(code, "m4", "lb", {"lbdtc": "2015-05-10T09:30", "alt": 45.0,
                                                "alt_lo": 7.0, "alt_hi": 40.0}).record
    (p,) = labae.proposals(store, saved)
    with pytest.raises(ReasonRequired):
        labae.dismiss(store, p, "  ")
    labae.dismiss(store, p, "Haemolysed sample; repeated on 12 May, normal")
    assert labae.proposals(store, saved) == []
    row = store.conn.execute("SELECT user_id, field, reason FROM audit_trail WHERE action = ?",
                             (labae.ACTION,)).fetchone()
    assert row == ("nurse", "alt", "Haemolysed sample; repeated on 12 May, normal")


def test_no_proposal_at_the_baseline_nor_for_a_grade_no_worse_than_it(store):
    code = _subject_with_labs(store, baseline_alt=50.0)  # baseline grade 1 (> ULN)
    base = store.forms.get(code, "screening", "lb")
    assert labae.proposals(store, base) == []
    same = store.forms.save(code, "m2", "lb", {"alt": 74.0, "alt_lo": 7.0, "alt_hi": 40.0}
                            ).record
    # the baseline was abnormal: 74 is under 1.5 x 50, no grade at all
    (g,) = [x for x in grades(store, code, "m2", same.values) if x.field == "alt"]
    assert g.grade == 0 and labae.proposals(store, same) == []


def test_the_study_range_is_used_when_the_report_gives_none(store):
    code = _subject_with_labs(store)
    rec = store.forms.save(code, "m2", "lb", {"hgb": 9.9}, {"hgb_lo": "NA", "hgb_hi": "NA"}
                           ).record
    (g,) = [x for x in grades(store, code, "m2", rec.values) if x.field == "hgb"]
    assert (g.grade, g.range_from, g.lln) == (2, "study", 13.5)  # a man's range


def test_a_monitor_cannot_answer_a_proposal(store):
    code = _subject_with_labs(store)
    saved = store.forms.save(code, "m2", "lb", {"alt": 152.0, "alt_lo": 7.0, "alt_hi": 40.0}
                             ).record
    (p,) = labae.proposals(store, saved)
    store.logout()
    store.login("mon", PASSWORD)
    from alsdesk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        labae.dismiss(store, p, "not significant")


@pytest.mark.parametrize("lln, uln", [(7.0, 0.0), (50.0, 40.0), (40.0, 40.0), (-1.0, 40.0)])
def test_an_impossible_normal_range_grades_nothing(rules, lln, uln):
    grade, why = grade_value(rules.analytes["alt"], 10.0, lln, uln, None, False)
    assert grade is None and "is not possible: correct it" in why


def test_a_ratio_next_to_the_boundary_is_written_so_it_does_not_read_as_it(rules):
    assert grade_value(rules.analytes["alt"], 120.1, 7.0, 40.0, None, False) == \
        (2, "3.002 × ULN; grade 2 is > 3.0 × ULN")
    assert grade_value(rules.analytes["alt"], 152.0, 7.0, 40.0, None, False)[1].startswith(
        "3.8 × ULN")
    assert grade_value(rules.analytes["plt"], 149.9, 150.0, 450.0, None, False)[1].startswith(
        "0.999 × LLN")


def test_a_proposal_is_answered_once(store):
    from alsdesk.errors import WorkflowError

    code = _subject_with_labs(store)
    saved = store.forms.save(code, "m2", "lb", {"alt": 152.0, "alt_lo": 7.0, "alt_hi": 40.0}
                             ).record
    (p,) = labae.proposals(store, saved)
    labae.dismiss(store, p, "Haemolysed sample")
    with pytest.raises(WorkflowError, match="already answered"):
        labae.dismiss(store, p, "again")
    with pytest.raises(WorkflowError, match="already answered"):
        labae.confirm(store, p)
    assert [i for i in store.forms.instances(code) if i.form == "ae"] == []
