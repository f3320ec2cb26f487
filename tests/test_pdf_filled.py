"""Filled visit forms and the subject casebook: values, derived values, signatures, queries,
audit trail, identifiers, fingerprint and fixed bytes."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import PASSWORD
from tests.pdf_helpers import PRINTED_AT, assert_pages_numbered, fold, pages_text, qpdf_check


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from alsdesk.demo import build_demo
    from alsdesk.store import Store

    path = build_demo(tmp_path_factory.mktemp("demo") / "demo.db", today=date(2025, 3, 1))
    with Store.open(path, readonly=True) as store:
        yield store


@pytest.fixture(scope="module")
def s004(demo):
    from alsdesk.pdf import PrintOptions, casebook

    result = casebook(demo, "S004", PrintOptions(printed_at=PRINTED_AT))
    return result, pages_text(result.data)


def test_casebook_of_the_subject_who_died(demo, s004, tmp_path):
    result, texts = s004
    assert result.pages == len(texts) > 10
    assert result.filename == "casebook-S004.pdf"
    assert_pages_numbered(texts)
    for number, text in enumerate(texts, start=1):
        assert "NCT02492516" in text and "Royan-Nerve-008" in text, number
        assert "S004" in text and "Subject casebook" in text, number
        assert f"Data fingerprint {result.fingerprint}" in text, number
        assert "Printed 01/MAR/2099 10:30 UTC" in text, number
    whole = fold(" ".join(texts))
    # values, missing-data codes, status and every event of the subject
    for part in ("Pulmonary embolism", "Respiratory failure", "Fatal", "61.0 kg",
                 "Died of respiratory failure (ALS progression)", "died", "COMPLETE",
                 "SIGNED", "Month 2", "72 hours", "Running logs", "End of study",
                 "No data entered for this event", "not expected (left the study)"):
        assert part in whole, part
    # derived values: ALSFRS-R total and domains, stages, dose, eligibility
    for part in ("ALSFRS-R total (0-48)", "Bulbar subscore", "King's stage", "MiToS stage",
                 "Progression rate (Delta-FS)", "Target dose", "122.0 million cells",
                 "Eligible: every criterion met"):
        assert part in whole, part
    # signatures with printed name, date-time and meaning (21 CFR 11.50)
    assert ("Electronically signed by Dr. Ivan Investigator (demo) (investigator) on" in whole)
    assert "Meaning: I have reviewed the data on this form" in whole
    # the audit trail appendix
    assert "Appendix B: audit trail of this subject" in whole
    assert "value.entered" in whole and "signature.sign" in whole
    qpdf_check(result.data, tmp_path)


def test_casebook_shows_open_queries(demo):
    from alsdesk.pdf import PrintOptions, casebook

    result = casebook(demo, "S005", PrintOptions(printed_at=PRINTED_AT))
    whole = fold(" ".join(pages_text(result.data)))
    query = demo.queries.list(subject="S005")[0]
    assert f"Q{query.id}" in whole and "OPEN" in whole
    assert "Handwriting 3 here but 4 in the clinic note" in whole


def test_visit_forms(demo, tmp_path):
    from alsdesk.pdf import PrintOptions, visit_forms

    result = visit_forms(demo, "S004", "m2", options=PrintOptions(printed_at=PRINTED_AT))
    texts = pages_text(result.data)
    assert result.pages == len(texts) >= 2
    assert_pages_numbered(texts)
    whole = fold(" ".join(texts))
    study = demo.study
    for form_id in study.event("m2").forms:
        form = study.form(form_id)
        assert form.label in whole
        for field in form.fields:
            assert fold(field.label) in whole, field.id
    assert "ALSFRS-R total (0-48)" in whole and "Month 2" in whole
    assert "Appendix" not in whole  # the audit trail is in the casebook only
    assert all("S004" in t and "Visit forms: Month 2" in t for t in texts)
    qpdf_check(result.data, tmp_path)


def test_same_data_same_bytes_and_fingerprint(demo, s004):
    from alsdesk.pdf import PrintOptions, casebook

    again = casebook(demo, "S004", PrintOptions(printed_at=PRINTED_AT))
    assert again.data == s004[0].data
    later = casebook(demo, "S004", PrintOptions(printed_at=PRINTED_AT + timedelta(days=2)))
    assert later.fingerprint == s004[0].fingerprint  # the data did not change
    assert later.data != s004[0].data  # only the time printed did


def test_fingerprint_follows_the_data(store):
    from alsdesk.pdf import PrintOptions, visit_forms

    code = store.subjects.create("AB").code
    store.forms.save(code, "screening", "vs", {"temp": 36.6})
    first = visit_forms(store, code, "screening", options=PrintOptions(printed_at=PRINTED_AT))
    store.forms.save(code, "screening", "vs", {"temp": 36.8})
    second = visit_forms(store, code, "screening", options=PrintOptions(printed_at=PRINTED_AT))
    assert first.fingerprint != second.fingerprint
    assert "36.8 °C" in fold(" ".join(pages_text(second.data)))


def test_identifiers_never_print_by_default_and_other_scripts_do(store):
    from alsdesk.errors import PermissionDenied
    from alsdesk.pdf import PrintOptions, casebook
    from alsdesk.pdf.fonts import missing_glyphs

    code = store.subjects.create("AR").code
    store.forms.save(code, "screening", "pii", {"fullname": "Ali Rezaei-Secret",
                                                "mrn": "MRN-998877", "phone": "0912 000 1122"})
    persian = "بیمار خسته است؛ پزشک ژنتیک گفت"
    store.forms.save(code, "screening", "emg", {"emgperf": "Y", "emgsum": persian,
                                                "emgdat": "2025-02-01"})
    store.forms.save(code, "screening", "ic", {"icby": "Dr. Παπαδόπουλος Жуков"})
    default = fold(" ".join(pages_text(casebook(store, code, PrintOptions(
        printed_at=PRINTED_AT)).data)))
    for secret in ("Ali Rezaei-Secret", "MRN-998877", "0912 000 1122"):
        assert secret not in default  # neither in the forms nor in the audit appendix
    assert "direct identifier" in default
    assert "Dr. Παπαδόπουλος Жуков" in default
    assert not missing_glyphs(persian + "Παπαδόπουλος Жуков")
    # Arabic-script text prints shaped (presentation forms, alsdesk/pdf/shaping.py); the
    # reader gives the words back in logical order and NFKC folds them to the stored letters.
    import unicodedata

    words = set(unicodedata.normalize("NFKC", default).replace("؛", " ").split())
    assert set(persian.replace("؛", " ").split()) <= words
    assert "initials AR" not in default and " AR " not in default  # initials: identifiers
    with pytest.raises(PermissionDenied):  # only an administrator may ask for them
        casebook(store, code, PrintOptions(include_identifiers=True))
    store.logout()
    store.login("admin", PASSWORD)
    shown = fold(" ".join(pages_text(casebook(store, code, PrintOptions(
        printed_at=PRINTED_AT, include_identifiers=True)).data)))
    assert "Ali Rezaei-Secret" in shown and "MRN-998877" in shown
    assert "initials AR" in shown
    # the disclosure has a row of its own (field empty) beside each printout's row ('pdf')
    audited = store.conn.execute("SELECT user_id, new_value FROM audit_trail WHERE action = "
                                 "'data.export' AND field IS NULL").fetchall()
    assert audited == [("admin", f"PDF casebook {code} with direct identifiers")]


def test_signature_voided_by_a_change_is_printed(store):
    from alsdesk.pdf import PrintOptions, visit_forms

    code = store.subjects.create("VS").code
    store.forms.save(code, "screening", "vir", {"virdat": "2025-01-01", "hbsag": "NEG",
                                                "hcvab": "NEG", "hivab": "NEG"}, complete=True)
    store.logout()
    store.login("inv", PASSWORD)
    iid = store.forms.get(code, "screening", "vir").instance_id
    store.forms.sign(iid, PASSWORD)
    store.forms.save(code, "screening", "vir", {"hbsag": "IND"}, reason="lab re-tested")
    whole = fold(" ".join(pages_text(visit_forms(
        store, code, "screening", options=PrintOptions(printed_at=PRINTED_AT)).data)))
    assert "Signature voided" in whole and "Ivan Investigator" in whole
    assert "Indeterminate" in whole


def test_unknown_subject_or_event_is_a_clear_error(demo):
    from alsdesk.errors import NotFound
    from alsdesk.pdf import casebook, visit_forms

    with pytest.raises(NotFound, match="S999"):
        casebook(demo, "S999")
    with pytest.raises(NotFound, match="zz"):
        visit_forms(demo, "S004", "zz")


def test_progress_is_reported(demo):
    from alsdesk.pdf import PrintOptions, casebook

    seen = []
    casebook(demo, "S003", PrintOptions(printed_at=PRINTED_AT),
             progress=lambda done, total, msg: seen.append((done, total)))
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1]
    assert all(0 <= d <= t for d, t in seen)
