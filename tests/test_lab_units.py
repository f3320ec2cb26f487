"""Lab results reported in another unit than the form's (creatinine in µmol/L, haemoglobin in
g/L): stored as the report gave them, judged (range, CTCAE grade) in the form's own unit by
the study's factors, refused in a unit the study cannot convert from."""
from __future__ import annotations

import pytest

from alsdesk.paths import default_study_file
from alsdesk.errors import DefinitionError, ValidationError
from alsdesk.safety import labae
from alsdesk.safety.labgrade import grades
from alsdesk.study import load_study
from alsdesk.study.values import check_value, parse_value
from tests.conftest import PASSWORD


def _subject(store, creat: float = 1.0, unit: str | None = None) -> str:
    """A man with a baseline creatinine (mg/dL unless `unit`), report range 0.7-1.3 mg/dL."""
    code = store.subjects.create().code
    store.forms.save(code, "screening", "dm", {"sex": "M", "brthdat": "1975-05-05"})
    values = {"lbdtc": "2015-01-05T08:00", "creat": creat, "creat_lo": 0.7, "creat_hi": 1.3}
    if unit:
        values.update(creat_u=unit, creat_lo=61.9, creat_hi=114.9)
    store.forms.save(code, "screening", "lb", values)
    return code


def _grade(store, code, event, values):
    (g,) = [x for x in grades(store, code, event, values) if x.field == "creat"]
    return g


# 1 mg/dL = 88.4 µmol/L; baseline 1.0 mg/dL, ULN 114.9 µmol/L (1.2998 mg/dL).
# CTCAE v5.0 creatinine increased: > ULN - 1.5 x ULN grade 1; > 1.5 - 3.0 x baseline or
# > 1.5 - 3.0 x ULN grade 2; > 3.0 x baseline or > 3.0 - 6.0 x ULN grade 3; > 6.0 x ULN 4.
# 132.6 µmol/L is exactly 1.5 mg/dL: 1.5 x baseline, not above it (decimal arithmetic).
@pytest.mark.parametrize("umol, grade", [
    (114.9, 0), (115.0, 1), (132.6, 1), (132.7, 2), (265.2, 2), (265.3, 3), (689.4, 3),
    (689.5, 4)])
def test_creatinine_in_umol_graded_against_a_baseline_in_mg(store, umol, grade):
    code = _subject(store)  # baseline 1.0 mg/dL, in the form's own unit
    values = {"creat": umol, "creat_u": "umol/L", "creat_lo": 61.9, "creat_hi": 114.9}
    g = _grade(store, code, "m2", values)
    assert g.grade == grade
    assert g.baseline == 1.0
    assert g.reported.startswith(f"{umol:g} µmol/L (= ")
    assert g.reported.endswith(" mg/dL)")


def test_a_baseline_in_umol_and_a_result_in_mg(store):
    code = _subject(store, creat=88.4, unit="umol/L")  # 1.0 mg/dL
    assert _grade(store, code, "m2", {"creat": 1.5, "creat_lo": 0.7, "creat_hi": 1.3}).grade == 1
    g = _grade(store, code, "m2", {"creat": 1.51, "creat_lo": 0.7, "creat_hi": 1.3})
    assert (g.grade, g.baseline, g.reported) == (2, 1.0, "1.51 mg/dL")


def test_a_saved_result_in_umol_proposes_its_grade_in_both_units(store):
    code = _subject(store)
    rec = store.forms.save(code, "m2", "lb", {
        "lbdtc": "2015-03-01T09:00", "creat": 300.0, "creat_u": "umol/L", "creat_lo": 61.9,
        "creat_hi": 114.9}).record
    assert (rec.values["creat"], rec.values["creat_u"]) == (300.0, "umol/L")  # as reported
    (p,) = [p for p in labae.proposals(store, rec) if p.field == "creat"]
    assert p.graded.grade == 3
    assert "300 µmol/L (= 3.3937 mg/dL)" in p.text


def test_the_range_is_judged_in_the_unit_the_report_gave(store):
    code = _subject(store)
    # 97 is far above 20 mg/dL (the form's highest) but an ordinary 1.1 mg/dL in µmol/L
    with pytest.raises(ValidationError, match=r"97 mg/dL is outside .*If the report gives "
                                              r"µmol/L, choose that unit"):
        store.forms.save(code, "m2", "lb", {"creat": 97.0})
    store.forms.save(code, "m2", "lb", {"creat": 97.0, "creat_u": "umol/L"})
    # changing only the unit back would make it 97 mg/dL: refused as well, nothing changed
    with pytest.raises(ValidationError, match="97 mg/dL is outside"):
        store.forms.save(code, "m2", "lb", {"creat_u": None}, reason="wrong unit")
    assert store.forms.get(code, "m2", "lb").values["creat_u"] == "umol/L"
    with pytest.raises(ValidationError, match=r"2000 µmol/L \(22.62 mg/dL\) is outside the "
                                              r"allowed range 0.1 to 20 mg/dL; 8.84 to 1768"):
        store.forms.save(code, "m2", "lb", {"creat": 2000.0, "creat_u": "umol/L"},
                         reason="typo")
    # without its unit in the same save, 2000 fits no unit at all
    with pytest.raises(ValidationError, match=r"2000 is outside the allowed range in every "
                                              r"unit \(0.1 to 20 mg/dL; 8.84 to 1768 µmol/L\)"):
        store.forms.save(code, "m2", "lb", {"creat": 2000.0}, reason="typo")


def test_an_unknown_unit_is_refused_with_the_units_allowed(store, study):
    code = _subject(store)
    with pytest.raises(ValidationError, match=r"'mmol/L' is not a unit the study can convert "
                                              r"from; allowed: umol/L = µmol/L, or blank for "
                                              r"the form's own unit"):
        store.forms.save(code, "m2", "lb", {"creat": 1.0, "creat_u": "mmol/L"})
    unit = study.form("lb").field("hgb_u")
    with pytest.raises(ValidationError, match="g/L.*mmol/L.*or blank"):
        parse_value(unit, "mg/L")


def test_haemoglobin_in_g_per_l_and_mmol_per_l(store):
    code = _subject(store)
    # a man (study range 13.5-17.5 g/dL when the report gives none); grade 2 is < 10.0 g/dL
    for value, unit, grade in [(100.0, "g/L", 1), (99.0, "g/L", 2), (6.2, "mmol/L", 2),
                               (6.3, "mmol/L", 1)]:
        g = next(x for x in grades(store, code, "m2", {"hgb": value, "hgb_u": unit})
                 if x.field == "hgb")
        assert (value, unit, g.grade, g.range_from) == (value, unit, grade, "study")


def test_without_the_unit_the_range_allows_any_unit(study):
    creat = study.form("lb").field("creat")
    assert check_value(creat, 97.0) is None  # an import or a check that cannot see the unit
    assert "in every unit" in check_value(creat, 5000.0)
    assert check_value(creat, 97.0, None) is not None  # the field's own unit: mg/dL
    assert check_value(creat, 97.0, "umol/L") is None


def test_a_definition_whose_units_lack_a_factor_is_refused(tmp_path):
    text = default_study_file().read_text(encoding="utf-8")
    bad = text.replace('{ code = "umol/L", label = "µmol/L", per = 88.4 }',
                       '{ code = "umol/L", label = "µmol/L" }')
    assert bad != text
    path = tmp_path / "study.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DefinitionError, match="µmol/L of 'creat_u' have no 'per'"):
        load_study(path)
    bad = text.replace('per = 88.4', 'per = 0')
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DefinitionError, match="per.*above 0"):
        load_study(path)


def test_sdtm_keeps_the_reported_unit_and_converts_the_standard_result(store, tmp_path):
    pyreadstat = pytest.importorskip("pyreadstat")
    from alsdesk.exchange.sdtm import export_sdtm

    code = _subject(store, creat=97.0, unit="umol/L")  # range 61.9-114.9 µmol/L
    store.forms.save(code, "screening", "lb", {"hgb": 135.0, "hgb_u": "g/L", "hgb_lo": 130.0,
                                               "hgb_hi": 170.0, "bili": 0.8})
    store.logout()
    store.login("mon", PASSWORD)
    export_sdtm(store, tmp_path / "sdtm")
    lb, meta = pyreadstat.read_xport(str(tmp_path / "sdtm" / "lb.xpt"), encoding="utf-8")
    rows = lb[lb.USUBJID.str.endswith(code)].set_index("LBTESTCD")
    creat = rows.loc["CREAT"]
    assert (creat.LBORRES, creat.LBORRESU, creat.LBORNRLO, creat.LBORNRHI) == \
        ("97", "umol/L", "61.9", "114.9")  # as the report gave them: no decimals added
    # 97 / 88.4 = 1.09728..., to the CRF's two decimals and two more
    assert (creat.LBSTRESC, creat.LBSTRESU) == ("1.0973", "mg/dL")
    assert creat.LBSTRESN == pytest.approx(97 / 88.4, rel=1e-12)
    assert creat.LBSTNRHI == pytest.approx(114.9 / 88.4, rel=1e-12)
    hgb = rows.loc["HGB"]
    assert (hgb.LBORRESU, hgb.LBSTRESC, hgb.LBSTRESU, hgb.LBSTNRLO) == \
        ("g/L", "13.5", "g/dL", 13.0)
    bili = rows.loc["BILI"]  # its own unit: as collected
    assert (bili.LBORRES, bili.LBORRESU, bili.LBSTRESC, bili.LBSTRESU) == \
        ("0.8", "mg/dL", "0.8", "mg/dL")


def test_the_printed_visit_shows_the_reported_unit_and_the_forms_own(store, tmp_path):
    from alsdesk.pdf import visit_forms
    from tests.pdf_pages import page_texts

    code = _subject(store)
    store.forms.save(code, "m2", "lb", {"lbdtc": "2015-03-01T09:00", "creat": 300.0,
                                        "creat_u": "umol/L", "creat_lo": 61.9,
                                        "creat_hi": 114.9})
    text = " ".join(page_texts(visit_forms(store, code, "m2").data, tmp_path))
    assert "Creatinine 300 µmol/L (= 3.3937 mg/dL)" in text  # as typed, no decimals added
    assert "Creatinine: unit on the report µmol/L" in text
    assert "Creatinine: normal range, highest 114.9 µmol/L (= 1.2998 mg/dL)" in text


# CTCAE v5.0 neutrophil count decreased: < LLN - 1500/mm3 grade 1; < 1500 - 1000 grade 2;
# < 1000 - 500 grade 3; < 500 grade 4 (LLN here 1.8 x 10³/µL, the report's)
@pytest.mark.parametrize("value, unit, grade", [
    (1.8, None, 0), (1.79, None, 1), (1.5, None, 1), (1.49, None, 2), (1.0, None, 2),
    (0.99, None, 3), (0.5, None, 3), (0.49, None, 4), (1500.0, "/uL", 1), (1499.0, "/uL", 2),
    (0.49, "10^9/L", 4)])
def test_neutrophils_in_any_of_their_units(store, value, unit, grade):
    code = _subject(store)
    values = {"neut": value, "neut_lo": 1.8, "neut_hi": 7.7}
    if unit:
        values.update(neut_u=unit)
        if unit == "/uL":
            values.update(neut_lo=1800.0, neut_hi=7700.0)
    (g,) = [x for x in grades(store, code, "m2", values) if x.field == "neut"]
    assert (g.grade, g.term) == (grade, "Neutrophil count decreased")


def test_a_unit_of_smaller_numbers_takes_more_decimals(study):
    lb = study.form("lb")
    assert check_value(lb.field("urea"), 5.4, "mmol/L") is None  # urea: whole mg/dL
    assert "more decimals" in check_value(lb.field("urea"), 5.4, None)
    assert check_value(lb.field("crp"), 0.35, "mg/dL") is None
    assert check_value(lb.field("hgb"), 8.25, "mmol/L") is None
    assert "more decimals" in check_value(lb.field("hgb"), 8.25, "g/L")


def test_the_forms_own_unit_is_only_ever_blank(study):
    # one way to say mg/dL: a column never holds both "" and "mg/dL" for the same unit
    unit = study.form("lb").field("creat_u")
    assert [c.code for c in unit.codelist.choices] == ["umol/L"]
    assert "is not a unit the study can convert from" in check_value(unit, "mg/dL")


def test_conversions_never_read_as_the_boundary_they_are_not(store):
    code = _subject(store)
    (g,) = [x for x in grades(store, code, "m2", {"plt": 74999.0, "plt_u": "/uL",
                                                  "plt_lo": 150000.0, "plt_hi": 450000.0})
            if x.field == "plt"]
    assert g.grade == 2 and g.reported == "74999 /µL (= 74.999 × 10³/µL)"
    (g,) = [x for x in grades(store, code, "m2", {"creat": 689.4, "creat_u": "umol/L",
                                                  "creat_lo": 62.0, "creat_hi": 115.0})
            if x.field == "creat"]
    assert g.grade == 3 and g.why.startswith("5.99 × ULN")  # not "6.0", grade 4's start


def test_an_impossible_range_is_said_as_typed_and_a_refused_value_is_not_graded(store):
    code = _subject(store)
    (g,) = [x for x in grades(store, code, "m2", {"creat": 100.0, "creat_u": "umol/L",
                                                  "creat_lo": 115.0, "creat_hi": 62.0})
            if x.field == "creat"]
    assert g.grade is None and g.why.startswith("the normal range (115 to 62 µmol/L) is not")
    (g,) = [x for x in grades(store, code, "m2", {"creat": 132.6, "creat_lo": 0.7,
                                                  "creat_hi": 1.3}) if x.field == "creat"]
    assert (g.grade, g.why) == (None, "not a result the form accepts in this unit")


def test_low_neutrophils_ask_whether_clinically_significant(study):
    from alsdesk.rules import engine

    lb = study.form("lb")
    values = {"neut": 1200.0, "neut_u": "/uL", "neut_lo": 2000.0, "neut_hi": 7700.0}
    found = {f.check_id for f in engine.field_findings(lb, values, {}, "neut")}
    assert "neut_abnormal" in found
    found = {f.check_id for f in engine.field_findings(lb, {**values, "neut_cs": "Y"}, {},
                                                      "neut")}
    assert "neut_abnormal" not in found
