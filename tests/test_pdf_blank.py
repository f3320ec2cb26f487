"""The blank CRF book: every form of every event, laid out from the study definition."""
from __future__ import annotations

import io
import re

import pytest

from tests.pdf_helpers import (assert_pages_numbered, embedded_fonts, fold, pages_text,
                               qpdf_check)


@pytest.fixture(scope="module")
def book(study):
    from alsdesk.pdf import blank_book

    result = blank_book(study)
    return result, pages_text(result.data)


def test_book_has_every_form_of_every_event_on_its_own_pages(study, book):
    result, texts = book
    forms_printed = sum(len(e.forms) for e in study.events)
    assert result.pages == len(texts) > forms_printed  # a cover, then at least a page a form
    assert result.fingerprint is None
    for event in study.events:
        for form_id in event.forms:
            label = study.form(form_id).label
            assert any(event.label in t and label in t for t in texts), (event.id, form_id)


def test_every_field_label_of_the_definition_appears_except_identifiers(study, book):
    _, texts = book
    whole = fold(" ".join(texts))
    for form in study.forms.values():
        for field in form.fields:
            if field.identifier:
                assert fold(field.label) not in whole, f"{form.id}.{field.id} is an identifier"
            else:
                assert fold(field.label) in whole, f"{form.id}.{field.id} missing"
        for d in form.derived:
            assert fold(d.label) in whole


def test_header_and_footer_on_every_page(study, book):
    _, texts = book
    assert_pages_numbered(texts)
    for number, text in enumerate(texts, start=1):
        for part in (study.id, study.protocol, study.site, "Subject", "Initials", "Event",
                     "Form", f"CRF version {study.crf_version}",
                     "Completed by (name, signature)", "Date:"):
            assert part in text, f"page {number} lacks {part!r}"


def test_choices_ranges_units_dates_and_missing_codes_are_printed(study, book):
    _, texts = book
    alsfrs_pages = [t for t in texts if "ALSFRS-R" in t]
    joined = fold(" ".join(alsfrs_pages))
    for item in ("q1", "q2", "q3", "q4", "q5a", "q5b", "q6", "q7", "q8", "q9", "q10", "q11",
                 "q12"):
        field = study.form("alsfrs").field(item)
        for choice in field.codelist.choices:  # all five anchors of every item
            assert fold(f"{choice.code} {choice.label}") in joined, (item, choice)
    whole = fold(" ".join(texts))
    assert "Allowed 50 to 260 mmHg" in whole and "Allowed 30 to 45 °C" in whole
    assert "DD" in whole and "MMM" in whole and "YYYY" in whole and "HH" in whole
    assert "Partial date allowed" in whole
    for m in study.missing_codes:
        assert f"{m.code} {m.label}" in whole
    assert "Only if “Is it a serious adverse event?” is Yes" in whole


def test_identifiers_print_only_when_asked(study):
    from alsdesk.pdf import PrintOptions, blank_book

    result = blank_book(study, PrintOptions(include_identifiers=True))
    whole = fold(" ".join(pages_text(result.data)))
    for field in study.form("pii").fields:
        assert fold(field.label) in whole


def test_same_definition_gives_identical_bytes_and_letter_is_a_setting(study, book):
    from alsdesk.pdf import PrintOptions, blank_book
    from pypdf import PdfReader

    again = blank_book(study)
    assert again.data == book[0].data
    letter = blank_book(study, PrintOptions(paper="letter"))
    box = PdfReader(io.BytesIO(letter.data)).pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    box = PdfReader(io.BytesIO(again.data)).pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_structure_fonts_and_bookmarks(book, tmp_path):
    from pypdf import PdfReader

    result, _ = book
    qpdf_check(result.data, tmp_path)
    fonts = embedded_fonts(result.data)
    assert fonts and all("ALSDesk-Sans" in f or "DejaVu" in f or "+" in f for f in fonts)
    reader = PdfReader(io.BytesIO(result.data))
    assert reader.metadata.title.startswith("Blank CRF book")
    assert len(reader.outline) > 5  # one bookmark per event, forms below it


def test_a_field_added_to_the_definition_appears_without_code(study, tmp_path):
    """The example of docs/study-definition.md: a one-file edit reaches the paper."""
    from alsdesk.pdf import blank_book
    from alsdesk.paths import default_study_file
    from alsdesk.study import load_study

    text = default_study_file().read_text(encoding="utf-8")
    block = ('\n[[forms.dm.fields]]\nid = "premorbid_wt"\nlabel = "Usual weight before the '
             'illness"\ntype = "decimal"\nunit = "kg"\nmin = 20\nmax = 300\ndigits = 1\n'
             'missing = ["UNK"]\n')
    cut = text.index("[forms.pii]")  # the next form after Demographics: append to dm
    changed = tmp_path / "study.toml"
    changed.write_text(text[:cut] + block + "\n" + text[cut:], encoding="utf-8")
    edited = load_study(changed)
    assert "premorbid_wt" in edited.form("dm").field_ids
    whole = fold(" ".join(pages_text(blank_book(edited).data)))
    assert "Usual weight before the illness" in whole
    assert "Allowed 20 to 300 kg" in whole


def test_importing_the_package_does_not_load_reportlab():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, alsdesk.pdf, alsdesk.pdf.commands, alsdesk.cli; "
            "print([m for m in sys.modules if m.startswith('reportlab')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True).stdout
    assert out.strip() == "[]"


def test_condition_wording(study):
    from alsdesk.pdf.wording import condition_text

    ae = study.form("ae")
    assert condition_text(ae, "aeser == 'Y'") == "“Is it a serious adverse event?” is Yes"
    assert "recorded" in condition_text(study.form("lb"), "present(wbc)")
    odd = "days(aestdat, aeendat) >= 0"
    assert condition_text(ae, odd) == odd  # anything else is shown as written
    assert re.search("Yes or No", condition_text(ae, "aeser in ['Y', 'N']"))
