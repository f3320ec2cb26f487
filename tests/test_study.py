"""Tests of the study definition: the bundled NCT02492516 file and the loader's refusals."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from alsdesk.errors import DefinitionError
from alsdesk.paths import default_study_file
from alsdesk.rules.expr import parse_expr
from alsdesk.study import (
    EventKind, FieldType, Severity, Study, TimeUnit, load_study,
)
from alsdesk.study.loader import KNOWN_FUNCTIONS

# --- the bundled definition ------------------------------------------------------------

EVENT_FORMS = {
    "screening": ["sv", "ic", "dm", "pii", "alshx", "mh", "ie", "vs", "alsfrs", "fvc", "lb",
                  "vir", "emg"],
    "baseline": ["sv", "vs", "alsfrs", "fvc"],
    "infusion": ["sv", "inf", "infvs", "gcs"],
    "h72": ["sv", "vs", "gcs", "aerev", "lb"],
    "m2": ["sv", "alsfrs", "fvc", "emg", "lb", "vs", "aerev", "cmrev"],
    "m4": ["sv", "alsfrs", "fvc", "emg", "lb", "vs", "aerev", "cmrev"],
    "m6": ["sv", "alsfrs", "fvc", "emg", "lb", "vs", "aerev", "cmrev"],
    "m12": ["sv", "alsfrs", "fvc", "emg", "lb", "vs", "aerev", "cmrev"],
    "unscheduled": ["sv", "vs", "alsfrs", "fvc", "lb"],
    "eos": ["eos"],
    "logs": ["ae", "cm", "dv"],
}
# event -> (unit, target, window)
SCHEDULE = {
    "screening": (TimeUnit.DAYS, None, (-28, 0)),
    "baseline": (TimeUnit.DAYS, 0, (-7, 0)),
    "infusion": (TimeUnit.HOURS, 0, (0, 0)),
    "h72": (TimeUnit.HOURS, 72, (48, 96)),
    "m2": (TimeUnit.DAYS, 60, (53, 67)),
    "m4": (TimeUnit.DAYS, 120, (106, 134)),
    "m6": (TimeUnit.DAYS, 180, (166, 194)),
    "m12": (TimeUnit.DAYS, 365, (335, 395)),
    "unscheduled": (None, None, None),
    "eos": (None, None, None),
    "logs": (None, None, None),
}
ALSFRS_ITEMS = ["q1", "q2", "q3", "q4", "q5a", "q5b", "q6", "q7", "q8", "q9", "q10", "q11",
                "q12"]
# First words of each item's anchors 4..0, as in shared/reference/clinical.md.
ALSFRS_ANCHORS = {
    "q1": ["normal", "detectable", "intelligible", "speech combined", "loss of useful"],
    "q3": ["normal", "early eating", "dietary consistency", "needs supplemental", "nothing by"],
    "q5a": ["normal", "somewhat slow", "can cut most", "food must be cut", "needs to be fed"],
    "q5b": ["normal", "clumsy", "some help", "provides minimal", "unable to perform"],
    "q10": ["none", "occurs when walking", "occurs with", "occurs at rest", "significant"],
    "q12": ["none", "intermittent", "continuous use of bipap during the night",
            "continuous use of bipap during the night and day", "invasive"],
}
# The CTCAE term right under the verbatim term: coded as it is written (docs/safety.md).
AE_ORDER = ["aeterm", "ctcae_term", "aestdat", "aesttim", "aeongo", "aeendat", "aesev",
            "aetoxgr", "aeser", "aesdth", "aeslife", "aeshosp", "aesdisab", "aescong", "aesmie", "aesawdat",
            "aesawtim", "aesspdat", "aesecdat", "aesfudat", "aesfufin", "aerel", "aeacn", "aeout"]
LAB_ANALYTES = ["wbc", "hgb", "plt", "alt", "ast", "bili", "creat", "urea", "ck", "crp", "esr"]


def test_bundled_study_identity(study: Study) -> None:
    assert study.id == "NCT02492516"
    assert study.protocol == "Royan-Nerve-008"
    assert study.subject_pattern.format(n=7) == "S007"
    assert study.target_enrolment == 19
    assert study.signature_meanings[0].startswith("I have reviewed the data on this form")
    assert len(study.signature_meanings) == 3
    assert study.source == default_study_file()
    assert [m.code for m in study.missing_codes] == ["ND", "NA", "UNK"]
    assert study.parameters["cells_per_kg"] == 2e6
    assert study.parameters["min_age"] == 18 and study.parameters["max_age"] == 55
    assert study.binding("anchor") == ("infusion", "inf", "infstdtc")
    assert study.binding("visit_date") == ("sv", "svstdtc")


def test_load_study_accepts_a_path_string(study: Study) -> None:
    again = load_study(str(default_study_file()))
    assert again.forms.keys() == study.forms.keys()
    assert again.events == study.events


def test_every_event_lists_its_forms(study: Study) -> None:
    assert {e.id: list(e.forms) for e in study.events} == EVENT_FORMS
    assert set(study.forms) == {f for forms in EVENT_FORMS.values() for f in forms}


def test_schedule(study: Study) -> None:
    for event in study.events:
        unit, target, window = SCHEDULE[event.id]
        assert (event.unit, event.target, event.window) == (unit, target, window), event.id
    assert [e.id for e in study.events if e.anchor] == ["infusion"]
    assert study.event("unscheduled").repeating
    assert study.event("logs").kind is EventKind.LOG
    assert study.log_forms == ("ae", "cm", "dv")
    assert study.event("h72").label == "72 hours"
    assert study.event("eos").label == "End of study"


def test_alsfrs_r_as_in_clinical_reference(study: Study) -> None:
    form = study.form("alsfrs")
    items = [f for f in form.fields if re.fullmatch(r"q\d+[ab]?", f.id)]
    assert [f.id for f in items] == ALSFRS_ITEMS
    ids = form.field_ids
    assert ids.index("gastro") < ids.index("q1")
    for f in items:
        assert f.type is FieldType.CHOICE and f.required
        assert f.codelist is not None and f.codelist.data_type == "integer"
        assert f.codelist.codes == (4, 3, 2, 1, 0), f.id
        assert f.codelist.id == f"alsfrs_{f.id}"
        assert all(c.label.strip() for c in f.codelist.choices)
    for item, starts in ALSFRS_ANCHORS.items():
        labels = [c.label.lower() for c in form.field(item).codelist.choices]
        assert all(label.startswith(s) for label, s in zip(labels, starts)), (item, labels)
    assert form.field("q5a").visible == "gastro == 'N'"
    assert form.field("q5b").visible == "gastro == 'Y'"
    assert form.field("gastro").codelist.codes == ("Y", "N")
    functions = {d.id: d.function for d in form.derived}
    assert functions == {
        "total": "alsfrs_total", "bulbar": "alsfrs_bulbar", "fine_motor": "alsfrs_fine_motor",
        "gross_motor": "alsfrs_gross_motor", "respiratory": "alsfrs_respiratory",
        "kings": "kings_stage", "mitos": "mitos_stage", "delta_fs": "delta_fs",
    }
    delta = next(d for d in form.derived if d.id == "delta_fs")
    assert delta.inputs == ("total", "screening.alshx.onsetdat", "sv.svstdtc")
    assert form.field("qsdat").type is FieldType.DATE


def test_eligibility_and_age_inputs(study: Study) -> None:
    (elig,) = study.form("ie").derived
    assert elig.function == "eligibility"
    assert elig.inputs == (
        "screening.dm.brthdat", "screening.ic.icdat", "screening.alsfrs.total",
        "screening.fvc.fvcpp", "screening.alshx.sporadic", "screening.ie.exc_fals",
        "screening.ie.exc_malig", "screening.ie.exc_autoimm", "screening.ie.exc_mnd",
    )
    (age,) = study.form("dm").derived
    assert (age.function, age.inputs) == ("age", ("brthdat", "screening.ic.icdat"))


def test_infusion_and_gcs(study: Study) -> None:
    inf = study.form("inf")
    derived = {d.id: (d.function, d.inputs) for d in inf.derived}
    assert derived == {"target_dose": ("target_dose", ("weight",)),
                       "dose_deviation": ("dose_deviation", ("weight", "cellsinf")),
                       "rx_deviation": ("percent_difference", ("rxdose", "cellsinf")),
                       "prep_to_inf": ("hours_between", ("prepdtc", "infstdtc"))}
    assert inf.field("infstdtc").type is FieldType.DATETIME
    assert inf.field("infrxdesc").visible == "infrx == 'Y'"
    gcs = study.form("gcs")
    assert [gcs.field(f).codelist.codes for f in ("gcseye", "gcsverb", "gcsmotor")] == [
        (4, 3, 2, 1), (5, 4, 3, 2, 1), (6, 5, 4, 3, 2, 1)]
    assert gcs.derived[0].function == "sum"
    assert gcs.derived[0].inputs == ("gcseye", "gcsverb", "gcsmotor")
    sections = {f.section for f in study.form("infvs").fields}
    assert sections == {"Before infusion", "At the start of the infusion (0 min)",
                        "15 minutes after the start", "30 minutes after the start",
                        "At the end of the infusion", "60 minutes after the start",
                        "2 hours after the start", "4 hours after the start"}


def test_adverse_event_form(study: Study) -> None:
    ae = study.form("ae")
    assert ae.repeating and ae.domain == "AE"
    assert list(ae.field_ids[:len(AE_ORDER)]) == AE_ORDER
    assert {"ctcae_term", "aethromb"} <= set(ae.field_ids)
    for crit in ("aesdth", "aeslife", "aeshosp", "aesdisab", "aescong", "aesmie"):
        assert ae.field(crit).visible == "aeser == 'Y'"
        assert ae.field(crit).cdash == crit.upper()
    assert ae.field("aestdat").partial
    assert ae.field("aetoxgr").codelist.codes == (1, 2, 3, 4, 5)
    assert len(ae.field("aeout").codelist.codes) == 6
    assert len(ae.field("aerel").codelist.codes) == 5
    assert {c.id for c in ae.checks} >= {"ae_dates", "ae_serious_criterion", "ae_fatal"}


def test_laboratory_panel(study: Study) -> None:
    lb = study.form("lb")
    checks = {c.id: c for c in lb.checks}
    for a in LAB_ANALYTES:
        result = lb.field(a)
        assert result.type is FieldType.DECIMAL and result.unit and result.section
        for suffix in ("_lo", "_hi", "_cs"):
            assert lb.field(a + suffix).section == result.section
        assert lb.field(a + "_cs").codelist.codes == ("Y", "N")
        assert checks[f"{a}_abnormal"].severity is Severity.SOFT


def test_identifiers_only_on_subject_identification(study: Study) -> None:
    flagged = {(form.id, f.id) for form in study.forms.values() for f in form.fields
               if f.identifier}
    assert flagged == {("pii", "fullname"), ("pii", "mrn"), ("pii", "phone")}
    assert not any(f.required for f in study.form("pii").fields)


def test_type_specific_keys_are_consistent(study: Study) -> None:
    for form in study.forms.values():
        for f in form.fields:
            assert (f.codelist is not None) == (f.type is FieldType.CHOICE), f.id
            if f.partial:
                assert f.type is FieldType.DATE
            if f.digits is not None:
                assert f.type is FieldType.DECIMAL
            if f.min is not None or f.max is not None:
                assert f.type in (FieldType.INTEGER, FieldType.DECIMAL)


def test_every_expression_parses_and_names_only_fields_of_its_form(study: Study) -> None:
    count = 0
    for form in study.forms.values():
        ids = set(form.field_ids)
        for f in form.fields:
            if f.visible:  # conditions are decided on screen from the form alone
                assert parse_expr(f.visible).names <= ids, (form.id, f.visible)
                count += 1
        for check in form.checks:
            # A check may also read another form, as event.form.field or form.field.
            for name in parse_expr(check.expr).names - ids:
                *where, fid = name.split(".")
                assert fid in study.form(where[-1]).field_ids, (form.id, check.expr)
            count += 1
        for check in form.checks:
            assert check.fields and set(check.fields) <= ids, (form.id, check.id)
    assert count > 80


def test_derived_functions_are_known_to_derive(study: Study) -> None:
    from alsdesk.derive import FUNCTIONS

    assert set(FUNCTIONS) == KNOWN_FUNCTIONS
    used = {d.function for form in study.forms.values() for d in form.derived}
    assert used <= KNOWN_FUNCTIONS


def test_bundled_counts(study: Study) -> None:
    assert len(study.events) == 11
    assert len(study.forms) == 22
    assert sum(len(f.fields) for f in study.forms.values()) > 180


# --- definition errors -----------------------------------------------------------------

MINIMAL = """\
[study]
id = "T1"
protocol = "P-1"
title = "Test study"
site = "Here"
crf_version = "0.1"
subject_pattern = "T{n:02d}"
target_enrolment = 2

[parameters]
min_age = 18
max_age = 55
min_alsfrs = 24
min_fvc_pct = 40
cells_per_kg = 2e6
dose_tolerance_pct = 10
due_ahead_days = 14

[[missing]]
code = "ND"
label = "Not done"

[bindings]
anchor = "day0.sv.svstdtc"
visit_date = "sv.svstdtc"

[codelists.ny]
type = "text"
choices = [{ code = "Y", label = "Yes" }, { code = "N", label = "No" }]

[codelists.grade]
type = "integer"
choices = [{ code = 1, label = "Mild" }, { code = 2, label = "Severe" }]

[[events]]
id = "day0"
label = "Day 0"
forms = ["sv", "vs"]
anchor = true
unit = "hours"
target = 0
window = [0, 0]

[[events]]
id = "m1"
label = "Month 1"
forms = ["sv", "vs"]
unit = "days"
target = 30
window = [23, 37]

[[events]]
id = "logs"
label = "Logs"
kind = "log"
forms = ["ae"]

[forms.sv]
label = "Visit"

[[forms.sv.fields]]
id = "svstdtc"
label = "Visit date"
type = "datetime"
required = true

[forms.vs]
label = "Vital signs"

[[forms.vs.fields]]
id = "sysbp"
label = "Systolic"
type = "integer"
min = 50
max = 260
missing = ["ND"]

[[forms.vs.fields]]
id = "diabp"
label = "Diastolic"
type = "integer"

[[forms.vs.fields]]
id = "temp"
label = "Temperature"
type = "decimal"
digits = 1

[[forms.vs.checks]]
id = "bp_order"
expr = "diabp < sysbp"
message = "Diastolic must be below systolic"
severity = "hard"

[[forms.vs.derived]]
id = "pp"
label = "Sum of pressures"
function = "sum"
inputs = ["sysbp", "diabp"]

[forms.ae]
label = "Adverse event"
repeating = true

[[forms.ae.fields]]
id = "aeterm"
label = "Event"
type = "text"

[[forms.ae.fields]]
id = "aeser"
label = "Serious?"
type = "choice"
choices = "ny"

[[forms.ae.fields]]
id = "aesdth"
label = "Death"
type = "choice"
choices = "ny"
visible = "aeser == 'Y'"

[[forms.ae.fields]]
id = "aetoxgr"
label = "Grade"
type = "choice"
choices = "grade"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "study.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _edit(old: str, new: str) -> str:
    assert MINIMAL.count(old) == 1, f"test edit {old!r} must match exactly once"
    return MINIMAL.replace(old, new)


def test_minimal_definition_loads(tmp_path: Path) -> None:
    study = load_study(_write(tmp_path, MINIMAL))
    assert list(study.forms) == ["sv", "vs", "ae"]
    assert study.form("vs").checks[0].fields == ("sysbp", "diabp")  # defaulted from expr
    assert study.form("ae").field("aetoxgr").codelist.data_type == "integer"


# (case id, text replaced, replacement, expected key, words of the reason, text on the line)
CASES = [
    ("unknown-type", 'type = "decimal"', 'type = "float"', "forms.vs.fields[2] (temp).type",
     "unknown field type 'float'; allowed: text, memo, integer", 'type = "float"'),
    ("dup-event", 'id = "m1"', 'id = "day0"', "events[1] (day0).id",
     "duplicate event id 'day0'", 'id = "day0"'),
    ("dup-field", 'id = "diabp"', 'id = "sysbp"', "forms.vs.fields[1] (sysbp).id",
     "duplicate field id 'sysbp'", 'id = "sysbp"'),
    ("dup-check", 'severity = "hard"\n',
     'severity = "hard"\n\n[[forms.vs.checks]]\nid = "bp_order"\nexpr = "temp < 38"\n'
     'message = "Fever"\nseverity = "soft"\n', "forms.vs.checks[1] (bp_order).id",
     "duplicate check id 'bp_order'", None),
    ("dup-derived", 'id = "pp"', 'id = "temp"', "forms.vs.derived[0] (temp).id",
     "duplicate id 'temp'", 'id = "temp"'),
    ("dup-codelist", "[codelists.grade]", "[codelists.ny]", "codelists.ny",
     "defined twice", "[codelists.ny]"),
    ("dup-missing", '[bindings]', '[[missing]]\ncode = "ND"\nlabel = "Again"\n\n[bindings]',
     "missing[1].code", "duplicate missing-data code 'ND'", None),
    ("choice-no-code", '{ code = "N", label = "No" }', '{ label = "No" }',
     "codelists.ny.choices[1]", "missing required key 'code'", None),
    ("choice-no-label", '{ code = "N", label = "No" }', '{ code = "N" }',
     "codelists.ny.choices[1]", "missing required key 'label'", None),
    ("dup-code", '{ code = "N", label = "No" }', '{ code = "Y", label = "No" }',
     "codelists.ny.choices[1].code", "duplicate code 'Y'", None),
    ("int-code-as-text", '{ code = 2, label = "Severe" }', '{ code = "2", label = "Severe" }',
     "codelists.grade.choices[1].code", "whole number", None),
    ("codelist-type", 'type = "integer"\nchoices', 'type = "number"\nchoices',
     "codelists.grade.type", "allowed: text, integer", 'type = "number"'),
    ("undefined-codelist", 'choices = "grade"', 'choices = "grades"',
     "forms.ae.fields[3] (aetoxgr).choices", "codelist 'grades' is not defined",
     'choices = "grades"'),
    ("choice-without-choices", 'type = "choice"\nchoices = "grade"\n', 'type = "choice"\n',
     "forms.ae.fields[3] (aetoxgr)", "needs 'choices'", None),
    ("inline-mixed-codes", 'choices = "grade"', 'choices = [{ code = 1, label = "A" }, '
     '{ code = "B", label = "B" }]', "forms.ae.fields[3] (aetoxgr).choices[1].code",
     "whole number", None),
    ("min-above-max", "min = 50", "min = 300", "forms.vs.fields[0] (sysbp).min",
     "min 300 is above max 260", "min = 300"),
    ("typo-key", "required = true", "requird = true", "forms.sv.fields[0] (svstdtc).requird",
     "unknown key 'requird'; did you mean 'required'?", "requird = true"),
    ("typo-event-key", "target = 30", "traget = 30", "events[1] (m1).traget",
     "unknown key 'traget'", "traget = 30"),
    ("typo-study-key", 'site = "Here"', 'sight = "Here"', "study.sight", "unknown key 'sight'",
     'sight = "Here"'),
    ("typo-top-level", "[parameters]", "[parameter]", "parameter", "unknown key 'parameter'",
     "[parameter]"),
    ("typo-choice-key", '{ code = "Y", label = "Yes" }', '{ code = "Y", lable = "Yes" }',
     "codelists.ny.choices[0].lable", "unknown key 'lable'", None),
    ("missing-field-label", 'label = "Systolic"\n', "", "forms.vs.fields[0] (sysbp)",
     "missing required key 'label'", None),
    ("missing-study-key", 'crf_version = "0.1"\n', "", "study",
     "missing required key 'crf_version'", "[study]"),
    ("missing-form-label", 'label = "Vital signs"\n', "", "forms.vs",
     "missing required key 'label'", "[forms.vs]"),
    ("missing-events", "[[events]]\nid = \"logs\"", "[[eventz]]\nid = \"logs\"", "eventz",
     "unknown key", None),
    ("bad-field-id", 'id = "temp"', 'id = "Temp"', "forms.vs.fields[2] (Temp).id",
     "lowercase identifier", 'id = "Temp"'),
    ("bad-field-id-dash", 'id = "temp"', 'id = "body-temp"',
     "forms.vs.fields[2] (body-temp).id", "lowercase identifier", None),
    ("bad-event-id", 'id = "m1"', 'id = "1m"', "events[1] (1m).id", "lowercase identifier",
     None),
    ("bad-codelist-id", "[codelists.grade]", "[codelists.Grade]", "codelists.Grade",
     "lowercase identifier", "[codelists.Grade]"),
    ("reserved-instance-id", 'id = "temp"', 'id = "instance_id"',
     "forms.vs.fields[2] (instance_id).id", "reserved", None),
    ("reserved-missing-suffix", 'id = "temp"', 'id = "temp__missing"',
     "forms.vs.fields[2] (temp__missing).id", "reserved", None),
    ("expression-function-id", 'id = "temp"', 'id = "days"', "forms.vs.fields[2] (days).id",
     "expression function", None),
    ("event-unknown-form", 'forms = ["ae"]', 'forms = ["ae", "cm"]',
     "events[2] (logs).forms[1]", "unknown form 'cm'", 'forms = ["ae", "cm"]'),
    ("event-form-twice", 'forms = ["ae"]', 'forms = ["ae", "ae"]',
     "events[2] (logs).forms[1]", "listed twice", None),
    ("form-unused", 'forms = ["ae"]', 'forms = ["sv"]', "forms.ae", "used by no event",
     "[forms.ae]"),
    ("unknown-missing-code", 'missing = ["ND"]', 'missing = ["NA"]',
     "forms.vs.fields[0] (sysbp).missing[0]", "'NA' is not in the study's [[missing]] list",
     'missing = ["NA"]'),
    ("visible-syntax", "visible = \"aeser == 'Y'\"", "visible = \"aeser = 'Y'\"",
     "forms.ae.fields[2] (aesdth).visible", "does not parse", "visible = \"aeser = 'Y'\""),
    ("visible-unknown-field", "visible = \"aeser == 'Y'\"", "visible = \"aeserious == 'Y'\"",
     "forms.ae.fields[2] (aesdth).visible", "'aeserious' (did you mean 'aeser'?)", None),
    ("check-unknown-field", 'expr = "diabp < sysbp"', 'expr = "diabp < sbp"',
     "forms.vs.checks[0] (bp_order).expr", "'sbp'", 'expr = "diabp < sbp"'),
    ("check-syntax", 'expr = "diabp < sysbp"', 'expr = "diabp <"',
     "forms.vs.checks[0] (bp_order).expr", "does not parse", None),
    ("check-other-form-field", 'expr = "diabp < sysbp"', 'expr = "diabp < aeser"',
     "forms.vs.checks[0] (bp_order).expr", "not a field of form 'vs'", None),
    ("check-severity", 'severity = "hard"', 'severity = "warning"',
     "forms.vs.checks[0] (bp_order).severity", "allowed: hard, soft", None),
    ("check-fields", 'severity = "hard"', 'severity = "hard"\nfields = ["dia"]',
     "forms.vs.checks[0] (bp_order).fields[0]", "'dia' is not a field of form 'vs'", None),
    ("unknown-function", 'function = "sum"', 'function = "total"',
     "forms.vs.derived[0] (pp).function", "unknown function 'total'; allowed: age",
     'function = "total"'),
    ("function-arity", 'inputs = ["sysbp", "diabp"]', "inputs = []",
     "forms.vs.derived[0] (pp).inputs", "sum takes at least 1 input", None),
    ("alsfrs-function-without-items", 'function = "sum"\ninputs = ["sysbp", "diabp"]',
     'function = "alsfrs_total"', "forms.vs.derived[0] (pp).function",
     "needs fields q1, q2", None),
    ("input-unknown-field", 'inputs = ["sysbp", "diabp"]', 'inputs = ["sysbp", "dbp"]',
     "forms.vs.derived[0] (pp).inputs[1]", "'dbp' does not resolve", None),
    ("input-unknown-event", 'inputs = ["sysbp", "diabp"]', 'inputs = ["sysbp", "m3.vs.diabp"]',
     "forms.vs.derived[0] (pp).inputs[1]", "no event 'm3'", None),
    ("input-form-not-in-event", 'inputs = ["sysbp", "diabp"]',
     'inputs = ["sysbp", "logs.vs.diabp"]', "forms.vs.derived[0] (pp).inputs[1]",
     "event 'logs' has no form 'vs'", None),
    ("input-form-not-in-same-event", 'inputs = ["sysbp", "diabp"]',
     'inputs = ["sysbp", "ae.aeser"]', "forms.vs.derived[0] (pp).inputs[1]",
     "event 'day0' lacks it", None),
    ("input-itself", 'inputs = ["sysbp", "diabp"]', 'inputs = ["sysbp", "pp"]',
     "forms.vs.derived[0] (pp).inputs[1]", "cannot read itself", None),
    ("binding-unresolved", 'anchor = "day0.sv.svstdtc"', 'anchor = "day0.sv.visit"',
     "bindings.anchor", "'day0.sv.visit' does not resolve", 'anchor = "day0.sv.visit"'),
    ("binding-not-a-date", 'anchor = "day0.sv.svstdtc"', 'anchor = "day0.vs.sysbp"',
     "bindings.anchor", "must be a date or datetime field", None),
    ("binding-not-anchor-event", 'anchor = "day0.sv.svstdtc"', 'anchor = "m1.sv.svstdtc"',
     "bindings.anchor", "anchor = true", None),
    ("binding-missing", 'visit_date = "sv.svstdtc"\n', "", "bindings",
     "missing required binding 'visit_date'", "[bindings]"),
    ("window-without-unit", 'unit = "days"\n', "", "events[1] (m1)", "needs a unit", None),
    ("window-reversed", "window = [23, 37]", "window = [37, 23]", "events[1] (m1).window",
     "earliest 37 is after latest 23", "window = [37, 23]"),
    ("window-not-pair", "window = [23, 37]", "window = [23]", "events[1] (m1).window",
     "two numbers", None),
    ("target-outside-window", "target = 30", "target = 40", "events[1] (m1).target",
     "target 40 is outside the window [23, 37]", "target = 40"),
    ("unknown-unit", 'unit = "days"', 'unit = "weeks"', "events[1] (m1).unit",
     "allowed: hours, days", None),
    ("unknown-kind", 'kind = "log"', 'kind = "diary"', "events[2] (logs).kind",
     "allowed: visit, log", None),
    ("log-with-schedule", 'kind = "log"', 'kind = "log"\nunit = "days"', "events[2] (logs)",
     "a log event has no schedule", None),
    ("two-anchors", 'unit = "days"\ntarget = 30', 'anchor = true\nunit = "days"\ntarget = 30',
     "events[1] (m1).anchor", "only one event", None),
    ("partial-on-text", 'label = "Event"\ntype = "text"',
     'label = "Event"\ntype = "text"\npartial = true', "forms.ae.fields[0] (aeterm).partial",
     "only allowed on date fields, not on text", "partial = true"),
    ("digits-on-integer", 'type = "integer"\nmin = 50', 'type = "integer"\ndigits = 0\nmin = 50',
     "forms.vs.fields[0] (sysbp).digits", "only allowed on decimal fields", "digits = 0"),
    ("choices-on-text", 'label = "Event"\ntype = "text"',
     'label = "Event"\ntype = "text"\nchoices = "ny"', "forms.ae.fields[0] (aeterm).choices",
     "only allowed on choice fields", None),
    ("min-on-date", 'type = "datetime"', 'type = "datetime"\nmin = 1',
     "forms.sv.fields[0] (svstdtc).min", "only allowed on integer / decimal fields", None),
    ("length-on-decimal", "digits = 1", "digits = 1\nlength = 5",
     "forms.vs.fields[2] (temp).length", "only allowed on text / memo fields", None),
    ("wrong-value-type", "required = true", 'required = "yes"',
     "forms.sv.fields[0] (svstdtc).required", "must be true or false, not text 'yes'", None),
    ("missing-parameter", "due_ahead_days = 14\n", "", "parameters",
     "missing required parameter 'due_ahead_days'", "[parameters]"),
    ("parameter-not-number", "min_fvc_pct = 40", 'min_fvc_pct = "40"',
     "parameters.min_fvc_pct", "must be a number", 'min_fvc_pct = "40"'),
    ("subject-pattern", 'subject_pattern = "T{n:02d}"', 'subject_pattern = "T01"',
     "study.subject_pattern", "must contain {n}", None),
    ("no-anchor-event", "anchor = true\n", "", "events", "no event has anchor = true", None),
    ("signature-meaning-twice", "target_enrolment = 2",
     'target_enrolment = 2\nsignature_meanings = ["I approve.", "I approve."]',
     "study.signature_meanings[1]", "repeats 'I approve.'", None),
]


@pytest.mark.parametrize(("old", "new", "key", "reason", "line_text"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_definition_error(tmp_path: Path, old: str, new: str, key: str, reason: str,
                          line_text: str | None) -> None:
    text = _edit(old, new)
    with pytest.raises(DefinitionError) as info:
        load_study(_write(tmp_path, text))
    err = info.value
    assert err.key == key
    assert reason in err.reason
    assert err.file.startswith("study.toml")
    assert str(err).startswith(f"{err.file}: {key}: ")
    if line_text is not None:
        line = int(err.file.split(":")[1])
        assert line_text in text.splitlines()[line - 1]


@pytest.mark.parametrize("word", ["order", "group", "select", "where", "from", "table"])
def test_sql_keyword_field_ids_are_refused(tmp_path: Path, word: str) -> None:
    with pytest.raises(DefinitionError) as info:
        load_study(_write(tmp_path, _edit('id = "temp"', f'id = "{word}"')))
    assert info.value.key == f"forms.vs.fields[2] ({word}).id"
    assert "reserved word" in info.value.reason


@pytest.mark.parametrize("table", ["subjects", "users", "form_instances", "audit_trail",
                                   "signatures", "queries", "meta", "settings", "locks"])
def test_form_ids_clashing_with_store_tables_are_refused(tmp_path: Path, table: str) -> None:
    text = MINIMAL.replace("forms.ae", f"forms.{table}").replace('["ae"]', f'["{table}"]')
    with pytest.raises(DefinitionError) as info:
        load_study(_write(tmp_path, text))
    assert info.value.key == f"forms.{table}"
    assert "the program's own tables" in info.value.reason
    assert info.value.file == f"study.toml:{text.splitlines().index(f'[forms.{table}]') + 1}"


def test_toml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    text = _edit("target_enrolment = 2", "target_enrolment = ")
    with pytest.raises(DefinitionError) as info:
        load_study(_write(tmp_path, text))
    assert info.value.file == "study.toml:8"
    assert info.value.key == "(TOML syntax)"
    assert "column" in info.value.reason


def test_key_given_twice_is_a_syntax_error(tmp_path: Path) -> None:
    text = _edit('label = "Diastolic"', 'label = "Diastolic"\nlabel = "Again"')
    with pytest.raises(DefinitionError) as info:
        load_study(_write(tmp_path, text))
    assert "given twice" in info.value.reason
    line = int(info.value.file.split(":")[1])
    assert text.splitlines()[line - 1] == 'label = "Again"'


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError) as info:
        load_study(tmp_path / "absent.toml")
    assert info.value.key == "(file)"
    assert "cannot be read" in info.value.reason


def test_each_broken_bundled_field_is_reported_on_its_line(tmp_path: Path) -> None:
    """The bundled file, with the AE seriousness field mistyped, points at that line."""
    text = default_study_file().read_text(encoding="utf-8")
    old = 'id = "aeser"\nlabel = "Is it a serious adverse event?"\ntype = "choice"'
    assert text.count(old) == 1
    broken = text.replace(old, old.replace('"choice"', '"chioce"'))
    with pytest.raises(DefinitionError) as info:
        load_study(_write(tmp_path, broken))
    assert info.value.key == "forms.ae.fields[8] (aeser).type"
    line = int(info.value.file.split(":")[1])
    assert broken.splitlines()[line - 1] == 'type = "chioce"'


def test_a_section_that_comes_back_fails_at_load(tmp_path):
    from alsdesk.study.loader import load_study
    from alsdesk.paths import resource_path

    text = resource_path("study", "nct02492516.toml").read_text(encoding="utf-8")
    start = text.index('id = "cellsinf"')
    bad = text[:start] + text[start:].replace('section = "Dose"', 'section = "Infusion"', 1)
    bad = bad.replace('id = "lot"', 'id = "lot"', 1)
    # cellsinf in "Infusion", then lot/viab in "Product", then "Infusion" again
    path = tmp_path / "study.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(Exception) as err:
        load_study(path)
    assert "section 'Infusion' comes again after 'Product'" in str(err.value)
    assert f"{path.name}:" in str(err.value)
