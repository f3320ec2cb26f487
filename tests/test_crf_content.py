"""Issue 13, item 9: CRF content a monitor would query, in the study definition.

Pregnancy (childbearing potential asked of women only, a positive test stops eligibility and
the infusion), the cell product at release and at the bedside, the infusion monitoring time
points, the prescribed dose and its deviation, SAE reporting dates, con-med "Other" specified.
The definition file is read with tomllib here, not through our loader, so a field the loader
dropped would be missed by the program but not by the test.
"""
from __future__ import annotations

import re
import tomllib

import pytest

from alsdesk.errors import CheckFailed
from alsdesk.paths import default_study_file
from alsdesk.rules.engine import evaluate, visibility
from tests.pdf_helpers import PRINTED_AT, pages_text

NEW_FIELDS = {
    "dm": ["childpot", "pregst", "pregdat", "pregres"],
    "inf": ["ichildpot", "ipregst", "ipregdtc", "ipregres", "rxdose", "relcert", "relcount",
            "bedcount", "bedviab", "prepdtc", "premed", "premedtrt", "infvol", "volall",
            "volnot"],
    "infvs": [f"{tp}_{v}" for tp in ("m0", "m15", "m30", "m60", "h2", "h4")
              for v in ("tim", "temp", "pulse", "sysbp", "diabp", "resp", "spo2")],
    "ae": ["aesttim", "aesawdat", "aesspdat", "aesecdat"],
    "cm": ["cmdosuo", "cmrouteo", "cmdosfrqo"],
}


def _raw() -> dict:
    return tomllib.loads(default_study_file().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def blank_text(study) -> str:
    from alsdesk.pdf import PrintOptions, blank_book

    return " ".join(pages_text(blank_book(study, PrintOptions(printed_at=PRINTED_AT)).data))


def test_every_new_field_is_in_the_file_with_its_cdisc_name() -> None:
    forms = _raw()["forms"]
    for form_id, ids in NEW_FIELDS.items():
        fields = {f["id"]: f for f in forms[form_id]["fields"]}
        for fid in ids:
            assert fid in fields, f"{form_id}.{fid} is missing"
            assert fields[fid].get("sdtm") or fields[fid].get("cdash"), f"{form_id}.{fid}"
    # a time point's vital signs are findings: VSORRES with the test and time point in help
    m15 = {f["id"]: f for f in forms["infvs"]["fields"]}["m15_temp"]
    assert m15["sdtm"] == "VS.VSORRES" and "VSTPT: 15 MIN" in m15["help"]


def test_the_blank_book_prints_the_cell_product_dose_and_monitoring(blank_text) -> None:
    for text in ("Release certificate checked", "Cell count at release",
                 "Cell count at the bedside", "Cell viability at the bedside",
                 "Product prepared for infusion", "Any pre-medication before the infusion?",
                 "Was the whole volume of the bag given?", "Prescribed dose",
                 "Cells infused, total", "Time from preparation to infusion start",
                 "Cells infused compared with the prescribed dose", "Other dose unit",
                 "Date the site learned that the event was serious",
                 "Date of the initial report to the sponsor"):
        assert text in blank_text, text
    for point in ("0 min", "15 min", "30 min", "60 min", "2 h", "4 h"):
        assert f"Temperature ({point})" in blank_text, point
        assert f"Blood pressure, systolic ({point})" in blank_text, point
    assert "Gregorian calendar" in blank_text


def test_no_cdisc_codes_on_the_sites_pages(study, blank_text) -> None:
    domains = {f.domain for f in study.forms.values() if f.domain}
    assert domains >= {"VS", "AE", "DM", "EX"}
    found = re.findall(r"\((%s)\)" % "|".join(sorted(domains)), blank_text)
    assert not found, found
    assert "Vital signs" in blank_text and "Adverse event" in blank_text
    # nor the test codes and SUPP qualifiers the help carries for the data manager
    assert not re.search(r"[A-Z]{2}TESTCD|VSTPT|QNAM|EXRXDOSE|CMCAT", blank_text)


def test_pregnancy_applies_only_to_a_woman_who_could_become_pregnant(study) -> None:
    dm = study.form("dm")
    preg = ("pregst", "pregdat", "pregres")
    man = visibility(dm, {"sex": "M"})
    assert not man["childpot"] and not any(man[f] for f in preg)
    woman = visibility(dm, {"sex": "F"})
    assert woman["childpot"] and not any(woman[f] for f in preg)
    after_menopause = visibility(dm, {"sex": "F", "childpot": "N"})
    assert not any(after_menopause[f] for f in preg)
    could = visibility(dm, {"sex": "F", "childpot": "Y"})
    assert all(could[f] for f in preg)
    # a man's answer left in place does not make the test apply (the chain rule)
    assert not visibility(dm, {"sex": "M", "childpot": "Y"})["pregres"]
    inf = study.form("inf")
    assert not visibility(inf, {"ichildpot": "N"})["ipregres"]
    assert visibility(inf, {"ichildpot": "Y"})["ipregres"]


def test_a_positive_pregnancy_test_fires_its_checks(study) -> None:
    dm = study.form("dm")
    base = {"brthdat": "1990-01-01", "sex": "F", "height": 165.0, "childpot": "Y",
            "pregst": "N", "pregdat": "2015-01-10"}
    assert "preg_positive" not in {f.check_id for f in evaluate(dm, {**base, "pregres": "NEG"})}
    fired = [f for f in evaluate(dm, {**base, "pregres": "POS"}) if f.check_id == "preg_positive"]
    assert fired and "not eligible" in fired[0].message
    inf = study.form("inf")
    found = {f.check_id: f for f in evaluate(inf, {"ichildpot": "Y", "ipregres": "POS"})}
    assert found["inf_pregnancy"].severity.value == "hard"
    assert "inf_pregnancy" not in {f.check_id for f in evaluate(inf, {"ichildpot": "Y",
                                                                      "ipregres": "NEG"})}


def test_a_positive_screening_test_keeps_the_patient_from_being_eligible(store) -> None:
    """Through the store: the eligibility form reads the screening test of Demographics."""
    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "ic", {"icdat": "2015-01-10", "icver": "2.1",
                                               "icby": "Dr. I", "iccopy": "Y"}, complete=True)
    store.forms.save(code, "screening", "dm", {
        "brthdat": "1980-05-01", "sex": "F", "height": 160.0, "childpot": "Y", "pregst": "N",
        "pregdat": "2015-01-10", "pregres": "POS"}, complete=True,
        notes={"preg_positive": "urine hCG positive, confirmed by serum"})
    ie = {"inc_age": "Y", "inc_sals": "Y", "inc_alsfrs": "Y", "inc_fvc": "Y", "exc_fals": "N",
          "exc_malig": "N", "exc_autoimm": "N", "exc_mnd": "N", "eligible": "Y",
          "iedat": "2015-01-12"}
    with pytest.raises(CheckFailed) as info:
        store.forms.save(code, "screening", "ie", ie, complete=True)
    assert "eligible_pregnancy" in {f.check_id for f in info.value.findings}
    ie.update(eligible="N", ienotmet="Pregnant (positive hCG at screening)")
    store.forms.save(code, "screening", "ie", ie, complete=True,
                     notes={"not_eligible_reason": "pregnancy"})


def test_the_dose_section_and_the_preparation_time_are_calculated(study) -> None:
    from alsdesk.derive import Deriver

    inf = study.form("inf")
    sections = [f.section for f in inf.fields]
    dose = [f.id for f in inf.fields if f.section == "Dose"]
    assert dose == ["weight", "rxdose", "cellsinf"]
    assert sections.count("Dose") == 3 and inf.field("rxdose").unit == inf.field("cellsinf").unit
    values = {"weight": 70.0, "rxdose": 140.0, "cellsinf": 133.0,
              "prepdtc": "2015-03-01T09:10", "infstdtc": "2015-03-01T10:40"}
    got = Deriver(study, lambda event, form: {}).compute(inf, "infusion", values)
    assert got["rx_deviation"].text == "-5.0 %"
    assert got["prep_to_inf"].text == "1.5 h"
    more = Deriver(study, lambda e, f: {}).compute(inf, "infusion", {**values, "cellsinf": 147.0})
    assert more["rx_deviation"].text == "+5.0 %"
    # infusion before the product was prepared: a hard finding, not a negative time
    found = {f.check_id for f in evaluate(inf, {**values, "prepdtc": "2015-03-01T11:00"})}
    assert "inf_prep_before_start" in found


def test_con_med_other_unit_asks_what_it_is(study) -> None:
    cm = study.form("cm")
    assert cm.field("cmdosu").codelist.label_of("OTHER") == "Other (write it below)"
    assert not visibility(cm, {"cmdosu": "mg"})["cmdosuo"]
    assert visibility(cm, {"cmdosu": "OTHER"})["cmdosuo"]
    missing = {f.check_id for f in evaluate(cm, {"cmdosu": "OTHER"})}
    assert "required:cmdosuo" in missing


def test_a_late_sae_report_is_a_deviation_to_explain(study) -> None:
    ae = study.form("ae")
    values = {"aestdat": "2015-03-01", "aeser": "Y", "aesawdat": "2015-03-02",
              "aesspdat": "2015-03-05", "aesecdat": "2015-03-06"}
    late = {f.check_id: f for f in evaluate(ae, values)}["sae_sponsor_24h"]
    assert late.severity.value == "soft" and late.deviation == "SAFETY"
    on_time = {f.check_id for f in evaluate(ae, {**values, "aesspdat": "2015-03-03"})}
    assert "sae_sponsor_24h" not in on_time
    before = {f.check_id for f in evaluate(ae, {**values, "aesawdat": "2015-02-27"})}
    assert "sae_aware_after_start" in before


def test_an_event_soon_after_the_infusion_asks_for_its_start_time(study) -> None:
    ae = study.form("ae")
    from datetime import datetime

    # as check_context supplies it: another form's value, already a Python value
    infused = {"infusion.inf.infstdtc": datetime(2015, 3, 1, 10, 0)}

    def asked(**values) -> bool:
        found = [f for f in evaluate(ae, {**infused, "aeser": "N", **values})
                 if f.check_id == "ae_onset_time_72h"]
        assert all(f.severity.value == "soft" for f in found), found  # not an error
        return bool(found)

    assert asked(aestdat="2015-03-02")
    assert not asked(aestdat="2015-03-02", aesttim="14:30")
    assert not asked(aestdat="2015-03-05")  # day 4: beyond the 72 hours
    assert not asked(aestdat="2015-02-20")  # before the infusion, after consent
    assert not asked(aestdat="2015-03")  # a month only: not settled, not asked
