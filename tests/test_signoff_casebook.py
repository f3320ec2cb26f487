"""Issue 13, item 5: the casebook's sign-off page lists every form the protocol has the
investigator sign, with its state as stored: signed, not signed, or the signature
invalidated by a later change; filled forms print the e-signature or "Not signed" in their
block. A real store and real PDFs, read back with pdftotext."""
from __future__ import annotations

import re
import shutil

import pytest

from alsdesk.store.signoff import SignState, signoff
from tests.conftest import PASSWORD
from tests.test_delete_rules import SERIOUS_AE
from tests.pdf_pages import page_texts

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

SERIOUS = dict(SERIOUS_AE)  # with the serious-event report dates the form asks for
MILD = {k: v for k, v in SERIOUS.items()
        if k not in ("aesdth", "aeslife", "aeshosp", "aesdisab", "aescong", "aesmie",
                     "aesawdat", "aesspdat", "aesecdat")}
MILD.update(aeterm="Headache", aeser="N", aesev="MILD", aetoxgr=1, aethromb="N")


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


_text = page_texts  # pdftotext per page (tests/pdf_pages.py)


@pytest.fixture
def subject(store):
    """AE 1 serious and signed, AE 2 serious and unsigned, AE 3 not serious, AE 4 serious,
    signed and then changed (its signature voided)."""
    code = store.subjects.create("AB").code
    ids = [store.forms.save(code, "logs", "ae", values, complete=True).record.instance_id
           for values in (SERIOUS, {**SERIOUS, "aeterm": "Sepsis"}, MILD,
                          {**SERIOUS, "aeterm": "Pneumonia"})]
    _as(store, "inv")
    store.forms.sign(ids[0], PASSWORD)
    store.forms.sign(ids[3], PASSWORD)
    _as(store, "nurse")
    store.forms.save(code, "logs", "ae", {"aeendat": "2015-03-12"}, repeat=4, complete=True,
                     reason="source says the 12th")
    return code


def test_the_core_list_tells_signed_unsigned_and_invalidated(store, subject):
    items = {i.form: i for i in signoff(store, subject).items}
    assert set(items) == {"Adverse event #1", "Adverse event #2", "Adverse event #4"}
    assert items["Adverse event #1"].state is SignState.SIGNED
    assert items["Adverse event #1"].signer == "Ivan Investigator (investigator)"
    assert items["Adverse event #2"].state is SignState.NOT_SIGNED
    assert items["Adverse event #4"].state is SignState.INVALIDATED
    assert "source says the 12th" in items["Adverse event #4"].note


def test_the_casebook_opens_with_the_sign_off_page(store, subject, tmp_path):
    from alsdesk.pdf import casebook

    pages = _text(casebook(store, subject).data, tmp_path)
    (page, *more) = [p for p in pages if "Investigator sign-off 3 entered forms" in p]
    assert not more and pages.index(page) <= 2  # first, after the summary
    assert ("3 entered forms need the investigator's signature: 1 signed, 1 not signed, 1 "
            "with the signature invalidated by a later change.") in page
    assert re.search(r"1 Running logs Adverse event #1 SIGNED Ivan Investigator "
                     r"\(investigator\), \d\d/[A-Z]{3}/\d{4} \d\d:\d\d:\d\d UTC", page)
    assert "2 Running logs Adverse event #2 NOT SIGNED –" in page
    # (a long cell wraps: the text layer holds its lines one after the other)
    assert ("3 Running logs Adverse event #4 SIGNATURE INVALIDATED was signed by Ivan "
            "Investigator (investigator),") in page
    assert re.search(r"voided \d\d/[A-Z]{3}/\d{4} \d\d:\d\d:\d\d UTC: data changed after", page)
    assert "source says the 12th" in page
    assert "#3" not in page  # not serious: no signature needed
    statement = next(p for p in pages if "Investigator's statement for this casebook" in p)
    assert "By signing I declare: I have reviewed the data of this subject's casebook" \
        in statement and "Printed name Signature Date" in statement
    body = " ".join(pages)
    # the filled forms: the e-signature in its block, or "Not signed" with room for ink
    assert body.count("Investigator's signature Electronically signed by Ivan Investigator") == 1
    assert body.count("Not signed: no valid electronic signature") == 1
    assert body.count("Not signed: signature invalidated by a later change") == 1
    assert "Meaning of the signature required: I have reviewed this serious adverse event" in body
    assert body.count("If signed on paper: Printed name Signature Date") == 2


def test_a_visit_form_needs_the_visit_signature(store, subject, tmp_path):
    store.forms.save(subject, "screening", "ic", {"icdat": "2015-02-01", "icver": "2.1",
                                                  "icby": "Dr. Who", "iccopy": "Y"},
                     complete=True)
    items = [i for i in signoff(store, subject).items if i.event == "Screening"]
    consent = next(i for i in items if i.form == "Informed consent")
    assert consent.state is SignState.NOT_SIGNED
    assert consent.meaning == "I approve the data of this visit as accurate and complete."
    # the other screening forms are listed as not entered, and do not count as unsigned
    assert {i.state for i in items if i is not consent} == {SignState.NOT_ENTERED}
    assert [i.form for i in signoff(store, subject).outstanding] == [
        "Informed consent", "Adverse event #2", "Adverse event #4"]


def test_the_sign_off_list_survives_a_photocopy(demo_template, tmp_path):
    from alsdesk.pdf import PrintOptions, casebook
    from alsdesk.store import Store
    from tests.test_pdf_photocopy import _long_lines, _pages

    with Store.open(demo_template, readonly=True) as store:
        store.login("monitor", "Demo-password-1")
        data = casebook(store, "S004", PrintOptions()).data
    assert "Investigator sign-off" in _text(data, tmp_path)[1]
    (width, height, pixels), = _pages(data, tmp_path, 2, 2)
    assert _long_lines(width, height, pixels, 0.6) >= 20  # one rule a listed form at least


def test_a_deleted_entry_needs_no_signature(store, subject, tmp_path):
    from alsdesk.pdf import casebook

    iid = store.forms.get(subject, "logs", "ae", repeat=2).instance_id
    store.forms.delete(iid, "entered twice")
    assert "Adverse event #2" not in [i.form for i in signoff(store, subject).items]
    body = " ".join(_text(casebook(store, subject).data, tmp_path))
    assert "DELETED" in body and "Not signed: no valid" not in body
