"""Suggested values: the core proposes values from other forms (weight from vital signs on the
infusion form; the computed eligibility on the checklist); the panel offers them and puts one
in its field only when the nurse presses its key."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from alsdesk.clinical.eligibility import EligibilityInputs, assess
from alsdesk.errors import DefinitionError
from alsdesk.study import load_study
from alsdesk.study.schema import DERIVED_PARTS
from alsdesk.suggest import suggestions
from tests.helpers import alsfrs_values
from ui.form_renderer import FormView
from ui.suggestions import SuggestionPanel

VITALS = {"vsdtc": "2015-05-10T09:10", "sysbp": 120, "diabp": 80, "pulse": 70, "resp": 14,
          "temp": 36.6, "spo2": 98}


@pytest.fixture
def subject(store):
    return store.subjects.create().code


def test_infusion_weight_is_offered_from_baseline_vital_signs_first(store, subject):
    assert "weight" not in suggestions(store, subject, "infusion", "inf")
    store.forms.save(subject, "screening", "vs", {**VITALS, "weight": 74.0})
    s = suggestions(store, subject, "infusion", "inf")["weight"]
    assert (s.value, s.ref) == (74.0, "screening.vs.weight")
    assert s.prompt == "Use 74.0 kg from vital signs, Screening"
    store.forms.save(subject, "baseline", "vs", {**VITALS, "weight": 72.5})
    s = suggestions(store, subject, "infusion", "inf")["weight"]
    assert s.value == 72.5 and s.source == "vital signs, Baseline (day 0, before infusion)"
    assert s.prompt.startswith("Use 72.5 kg from vital signs, Baseline")
    # nothing is filled in: the infusion form is still not started
    assert store.forms.get(subject, "infusion", "inf").instance_id is None
    # a field already holding the value has nothing to take; another value is still offered
    assert "weight" not in suggestions(store, subject, "infusion", "inf", {"weight": 72.5})
    assert suggestions(store, subject, "infusion", "inf", {"weight": 75.0})["weight"].value == 72.5


def _screening(store, code, *, age=40, fvc=60.0):
    consent = date(2015, 5, 10)
    store.forms.save(code, "screening", "ic", {"icdat": consent.isoformat()})
    store.forms.save(code, "screening", "dm", {
        "brthdat": (consent - timedelta(days=365 * age + 30)).isoformat(), "sex": "M"})
    store.forms.save(code, "screening", "alsfrs", alsfrs_values())
    store.forms.save(code, "screening", "fvc", {"fvcpp": fvc})
    store.forms.save(code, "screening", "alshx", {"sporadic": "Y"})


def test_checklist_is_offered_from_the_computed_eligibility(store, subject):
    _screening(store, subject, fvc=35.0)
    on_screen = {"exc_fals": "N", "exc_malig": "N", "exc_autoimm": "N", "exc_mnd": "N"}
    found = suggestions(store, subject, "screening", "ie", on_screen)
    assert {k: s.value for k, s in found.items()} == {
        "inc_age": "Y", "inc_sals": "Y", "inc_alsfrs": "Y", "inc_fvc": "N", "eligible": "N",
        "ienotmet": "FVC 35 % predicted (needs >= 40)"}
    assert found["inc_fvc"].prompt == ("Use “No” from the eligibility computed from the "
                                      "screening forms")
    # the exclusion answers on screen feed the verdict: one unanswered, no verdict offered
    partial = suggestions(store, subject, "screening", "ie", {**on_screen, "exc_mnd": None})
    assert "eligible" in partial and partial["eligible"].value == "N"  # FVC fails anyway
    store.forms.save(subject, "screening", "fvc", {"fvcpp": 60.0})
    none_yet = suggestions(store, subject, "screening", "ie", {**on_screen, "exc_mnd": None})
    assert "eligible" not in none_yet and "ienotmet" not in none_yet
    assert suggestions(store, subject, "screening", "ie", on_screen)["eligible"].value == "Y"


def test_parts_named_in_the_schema_are_the_criteria_of_the_core():
    result = assess(EligibilityInputs(*([None] * 9)))
    assert DERIVED_PARTS["eligibility"] == (*(c.id for c in result.criteria), "failed")


@pytest.mark.parametrize("extra, complaint", [
    ('suggest = "baseline.vs.nothing"', "does not resolve"),
    ('suggest = "screening.ie.eligibility#height"', "has no part 'height'"),
    ('suggest = "screening.vs.weight"\nsuggest_codes = ["Y", "N"]', "only a choice field"),
])
def test_bad_suggest_is_refused_at_load(tmp_path, extra, complaint):
    text = load_study().source.read_text(encoding="utf-8")
    anchor = 'help = "Weigh the patient today: the dose is 2 million cells per kg. VSTESTCD: WEIGHT"'
    assert text.count(anchor) == 1
    start = text.index(anchor)
    end = text.index("\n", start + len(anchor) + 1)  # drop the suggest line that follows
    bad = tmp_path / "study.toml"
    bad.write_text(text[:start] + anchor + "\n" + extra + text[end:], encoding="utf-8")
    with pytest.raises(DefinitionError, match=complaint):
        load_study(bad)


def _window(qtbot, store):
    """A form view and the panel beside it in one active window, as on the form page."""
    box = QWidget()
    layout = QHBoxLayout(box)
    view = FormView(store.study.form("inf"), {m.code: m.label for m in store.study.missing_codes})
    panel = SuggestionPanel()
    layout.addWidget(view)
    layout.addWidget(panel)
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box, view, panel


def test_panel_offers_and_puts_the_value_only_on_a_key_press(qtbot, store, subject):
    store.forms.save(subject, "baseline", "vs", {**VITALS, "weight": 72.5})
    _box, view, panel = _window(qtbot, store)
    view.load({}, {})
    panel.show_for(view, suggestions(store, subject, "infusion", "inf"))
    button = panel.buttons["weight"]
    assert button.text() == "Use 72.5 kg from vital signs, Baseline (day 0, before infusion)"
    assert view.collect().values.get("weight") is None and not view.is_dirty()
    # F3 in the field takes it
    field = view.editor("weight").focus_widgets()[0]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QTest.keyClick(field, Qt.Key.Key_F3)
    assert view.collect().values["weight"] == 72.5 and view.is_dirty()
    # once taken there is nothing more to offer, and the panel hides
    panel.show_for(view, suggestions(store, subject, "infusion", "inf",
                                     view.collect().values))
    assert panel.isHidden() and not panel.buttons


def test_panel_button_takes_the_value_with_space(qtbot, store, subject):
    store.forms.save(subject, "baseline", "vs", {**VITALS, "weight": 72.5})
    _box, view, panel = _window(qtbot, store)
    view.load({"weight": 80.0}, {})
    panel.show_for(view, suggestions(store, subject, "infusion", "inf", {"weight": 80.0}))
    QTest.keyClick(panel.buttons["weight"], Qt.Key.Key_Space)
    assert view.collect().values["weight"] == 72.5
    field = view.editor("weight").focus_widgets()[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)  # back to the field


def test_target_dose_reads_in_the_unit_cells_infused_are_entered_in(store, subject):
    """Same unit on screen, paper and export: the definition gives the target cellsinf's unit."""
    from alsdesk import overview
    from alsdesk.clinical.dose import format_cells_in

    inf = store.study.form("inf")
    target = next(d for d in inf.derived if d.function == "target_dose")
    assert target.unit == inf.field("cellsinf").unit == "million cells"
    derived = overview.derived(store, subject, "infusion", "inf", {"weight": 72.5})
    assert derived["target_dose"].text == "145.0 million cells"
    assert format_cells_in(1.4e8, "cells", 0) == "140000000 cells"
