"""Issue 13, item 5: where the investigator signs is in the study definition, and the blank
book prints a signature block there, with the meaning of the signature written out (21 CFR
11.50). Read back with pdftotext, as a site would see the page."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from alsdesk.errors import DefinitionError
from alsdesk.study import load_study
from tests.pdf_pages import page_texts

TRIAL = Path(__file__).resolve().parents[1] / "resources" / "study" / "nct02492516.toml"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


_pages = page_texts  # pdftotext per page (tests/pdf_pages.py)


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = TRIAL.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "study.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_trial_signs_each_visit_eligibility_serious_aes_and_end_of_study():
    study = load_study(TRIAL)
    visits = [e for e in study.events if e.kind.value == "visit" and e.id != "eos"]
    assert visits and all(e.signature is not None for e in visits)
    assert study.form("ie").signature.meaning.startswith("I confirm that I have assessed")
    assert study.form("ae").signature.when == "aeser == 'Y'"
    assert study.form("eos").signature is not None
    assert study.form("cm").signature is None and study.event("logs").signature is None
    assert study.lock_unsigned == "refuse" and "casebook" in study.casebook_statement


@pytest.mark.parametrize("old, new, message", [
    ('lock_unsigned = "refuse"', 'lock_unsigned = "maybe"', "allowed: refuse, warn"),
    ("when = \"aeser == 'Y'\"", "when = \"aeserious == 'Y'\"", "not fields of this form"),
    ('investigator_signature = { meaning = "I confirm the end',
     'investigator_signature = { colour = "red", meaning = "I confirm the end', "colour"),
    ('investigator_signature = { meaning = "I approve the data of this visit as accurate and '
     'complete." }\n\n[[events]]\nid = "baseline"',
     'investigator_signature = { when = "svdone == \'Y\'" }\n\n[[events]]\nid = "baseline"',
     "an event's signature has no condition"),
    ('investigator_signature = { meaning = "I confirm the end of this subject\'s participation in '
     'the study and its reason as recorded." }', 'investigator_signature = "yes"',
     "must be true, false"),
])
def test_a_bad_signature_key_is_refused_with_its_place(tmp_path, old, new, message):
    with pytest.raises(DefinitionError, match=re.escape(message)):
        load_study(_edited(tmp_path, old, new))


def test_a_definition_without_the_keys_needs_no_signature(tmp_path):
    text = "\n".join(line for line in TRIAL.read_text(encoding="utf-8").splitlines()
                     if not line.startswith(("investigator_signature", "casebook_statement",
                                             "lock_unsigned")))
    path = tmp_path / "old.toml"
    path.write_text(text, encoding="utf-8")
    old = load_study(path)
    assert all(f.signature is None for f in old.forms.values())
    assert all(e.signature is None for e in old.events)
    assert old.lock_unsigned == "refuse" and old.casebook_statement is None
    from alsdesk.pdf import PrintOptions, blank_book
    assert "By signing I declare" not in " ".join(
        _pages(blank_book(old, PrintOptions()).data, tmp_path))


def test_the_blank_book_has_signature_blocks_with_their_meaning(tmp_path):
    from alsdesk.pdf import PrintOptions, blank_book

    study = load_study(TRIAL)
    pages = _pages(blank_book(study, PrintOptions()).data, tmp_path)
    blocks = [p for p in pages if "By signing I declare" in p]
    eligibility = [p for p in blocks if "Eligibility checklist" in p]
    assert eligibility, "the eligibility checklist has its own block"
    assert ("Investigator's signature: this form By signing I declare: I confirm that I have "
            "assessed this subject's eligibility") in eligibility[0]
    assert "Printed name Signature Date" in eligibility[0]
    # the visit block after each visit's last form, once per visit
    visit_blocks = sum(p.count("every form of this visit") for p in pages)
    visits = [e for e in study.events if e.signature is not None]
    assert visit_blocks == len(visits)
    assert ("every form of this visit (Month 2) By signing I declare: I approve the data of "
            "this visit as accurate and complete.") in " ".join(pages)
    ae = [p for p in blocks if "the entries of this page in rows: ______ — Only if" in p]
    assert ae and "Is it a serious adverse event?" in ae[0] and "is Yes" in ae[0]
    end = [p for p in blocks if "End of study" in p and "I confirm the end of this" in p]
    assert end
