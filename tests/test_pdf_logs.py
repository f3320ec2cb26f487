"""Logs on paper: the blank book's log pages hold several numbered entries a page (not "copy
this page" for every entry, each copy with the same page number), and a filled casebook lists
a subject's many adverse events and medicines on a few pages, every entry's text present.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tests.pdf_helpers import PRINTED_AT, assert_pages_numbered, fold, pages_text
from tests.pdf_pages import orphans

MM = 72 / 25.4
# The row numbers stand centred in the first 8 mm of the frame (paragraph lines start at its
# left edge, 14 mm).
NO_COLUMN = (14 * MM + 2, 22 * MM)


def _book(study):
    from alsdesk.pdf import PrintOptions, blank_book

    return blank_book(study, PrintOptions(printed_at=PRINTED_AT))


@pytest.fixture(scope="module")
def book(study):
    result = _book(study)
    return result, pages_text(result.data)


def _log_page(texts: list[str], label: str) -> list[int]:
    """Pages (from 0) of a log form: "Log page", and the form named in the header."""
    return [i for i, t in enumerate(texts) if "Log page" in t and f"Running logs {label}" in t]


def _row_numbers(data: bytes, index: int) -> list[int]:
    """The numbers printed in the first column of a page's body, top to bottom."""
    from pypdf import PdfReader

    found: list[tuple[float, int]] = []

    def visit(text, cm, tm, font, size):
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if NO_COLUMN[0] <= x <= NO_COLUMN[1] and re.fullmatch(r"\d{1,2}", text.strip()):
            found.append((-y, int(text)))

    PdfReader(io.BytesIO(data)).pages[index].extract_text(visitor_text=visit)
    return [n for _, n in sorted(found)]


@pytest.mark.parametrize("form_id", ["ae", "cm", "dv"])
def test_a_blank_log_page_has_numbered_rows_and_a_log_page_number(study, book, form_id):
    result, texts = book
    label = study.form(form_id).label
    pages = _log_page(texts, label)
    assert len(pages) == 1, f"the {label} log should be one page to copy, not {len(pages)}"
    text = texts[pages[0]]
    assert "copy this page for each further entry" not in text
    assert "One page per entry" not in text
    assert "Log page" in text and "continue on a copy of this page" in fold(text)
    numbers = _row_numbers(result.data, pages[0])
    # An AE entry has 24 fields with the seriousness criteria and the SAE report dates, and
    # the page holds the investigator's block: two entries per page; the others more.
    least = 2 if form_id == "ae" else 3
    assert len(numbers) >= least and numbers == list(range(1, len(numbers) + 1)), numbers
    assert f"row 1 of log page 2 is entry {len(numbers) + 1}" in fold(text)
    # every field has its column, and every choice is readable (ticked or in the legend)
    folded = fold(text)
    for f in study.form(form_id).fields:
        assert fold(f.label) in folded, f.label
        if f.codelist is not None:
            for choice in f.codelist.choices:
                assert fold(choice.label) in folded, (f.id, choice.label)


def test_no_repeating_form_prints_one_page_per_entry(book):
    _, texts = book
    whole = fold(" ".join(texts))
    assert "One page per entry" not in whole and "Entry number" not in whole


def test_log_rows_in_the_definition_sets_the_rows_of_a_log_page(study, tmp_path):
    from alsdesk.study import load_study

    text = Path(study.source).read_text(encoding="utf-8")
    assert "\n[forms.cm]\n" in text
    path = tmp_path / "study.toml"
    path.write_text(text.replace("\n[forms.cm]\n", "\n[forms.cm]\nlog_rows = 3\n"),
                    encoding="utf-8")
    changed = load_study(path)
    assert changed.form("cm").log_rows == 3 and study.form("cm").log_rows is None
    result = _book(changed)
    texts = pages_text(result.data)
    label = changed.form("cm").label
    page, = _log_page(texts, label)
    assert _row_numbers(result.data, page) == [1, 2, 3]
    assert "3 rows a page" in fold(texts[page])


@pytest.mark.parametrize("form,value", [("eos", "3"), ("ae", "0"), ("ae", "'six'")])
def test_a_wrong_log_rows_is_refused_with_a_clear_message(study, tmp_path, form, value):
    from alsdesk.errors import DefinitionError
    from alsdesk.study import load_study

    text = Path(study.source).read_text(encoding="utf-8")
    path = tmp_path / "study.toml"
    path.write_text(text.replace(f"\n[forms.{form}]\n",
                                 f"\n[forms.{form}]\nlog_rows = {value}\n"), encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        load_study(path)
    assert "log_rows" in str(err.value)
    assert "whole number" in str(err.value)


# -- filled logs ----------------------------------------------------------------------------

AES, MEDS = 12, 8


@pytest.fixture(scope="module")
def many(tmp_path_factory, study):
    """A subject with 12 adverse events (every fourth serious) and 8 medicines."""
    from alsdesk.store import Store

    path = tmp_path_factory.mktemp("logs") / "logs.db"
    store = Store.create(path, study)
    store.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    store.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    store.login("nurse", PASSWORD)
    code = store.subjects.create("AB").code
    for i in range(AES):
        serious = i % 4 == 0
        values = {"aeterm": f"Event{i} " + "with a longer description " * (i % 3),
                  "aestdat": f"2025-0{1 + i % 9}-1{i % 9}", "aeongo": "N",
                  "aeendat": "2025-11-20", "aesev": "MILD", "aetoxgr": 1 + i % 3,
                  "aeser": "Y" if serious else "N", "aerel": "POSSIBLE",
                  "aeacn": "NOT APPLICABLE", "aeout": "RECOVERED/RESOLVED", "aethromb": "N",
                  "ctcae_term": f"Term{i}"}
        if serious:
            values.update({k: "N" for k in ("aesdth", "aeslife", "aesdisab", "aescong",
                                            "aesmie")}, aeshosp="Y")
        store.forms.save(code, "logs", "ae", values)
    for i in range(MEDS):
        store.forms.save(code, "logs", "cm", {
            "cmtrt": f"Medicine{i}", "cmindc": f"Reason{i}", "cmdose": 50.0 + i,
            "cmdosu": "mg", "cmroute": "ORAL", "cmdosfrq": "QD", "cmstdat": "2024-05",
            "cmongo": "Y"})
    yield store, code
    store.close()


@pytest.fixture(scope="module")
def many_casebook(many):
    from alsdesk.pdf import PrintOptions, casebook

    store, code = many
    result = casebook(store, code, PrintOptions(printed_at=PRINTED_AT))
    return result, pages_text(result.data)


def test_a_casebook_lists_twenty_log_entries_on_a_few_pages(study, many_casebook):
    result, texts = many_casebook
    assert_pages_numbered(texts)
    # the pages from the first adverse event to the last medicine
    first = f"{study.form('ae').label} — entry 1 "
    last = f"{study.form('cm').label} — entry {MEDS} "
    start = next(i for i, t in enumerate(texts) if first in t)
    end = max(i for i, t in enumerate(texts) if last in t)
    logs = list(range(start, end + 1))
    # one entry to a page or two printed ten pages and more
    assert len(logs) <= 6, f"the log entries take {len(logs)} pages"
    joined = fold(" ".join(texts[i] for i in logs))
    for i in range(AES):
        assert f"Event{i}" in joined and f"Term{i}" in joined, i
        assert f"Adverse event — entry {i + 1}" in joined
    for i in range(MEDS):
        assert f"Medicine{i}" in joined and f"Reason{i}" in joined, i
        assert f"Concomitant medication — entry {i + 1}" in joined
    assert "Required or prolonged hospitalisation: Yes" in joined
    # a non-serious event names the seriousness criteria that do not apply
    assert "Does not apply left blank, as their condition is not met: Resulted in death" in joined


def test_filled_log_pages_end_with_no_heading(study, many_casebook, tmp_path):
    result, _ = many_casebook
    assert orphans(result.data, study, tmp_path) == []


def test_a_visit_document_of_the_logs_is_compact_too(many, study):
    from alsdesk.pdf import PrintOptions, visit_forms

    store, code = many
    result = visit_forms(store, code, "logs", options=PrintOptions(printed_at=PRINTED_AT))
    texts = pages_text(result.data)
    assert result.pages <= 6
    joined = fold(" ".join(texts))
    assert all(f"Event{i}" in joined for i in range(AES))
    assert all(f"Medicine{i}" in joined for i in range(MEDS))


def _with_dv_fields(study, tmp_path, extra: str):
    from alsdesk.study import load_study

    text = Path(study.source).read_text(encoding="utf-8")
    path = tmp_path / "study.toml"
    path.write_text(text + "\n" + extra, encoding="utf-8")
    return load_study(path)


def test_a_log_too_long_for_a_log_page_prints_one_entry_per_copy(study, tmp_path):
    memos = "".join(f'''
[[forms.dv.fields]]
id = "note{i}"
label = "Note {i} with a long label that wraps over several lines of the column heading"
type = "memo"
length = 2000
help = "{'Write what happened. ' * 6}"
''' for i in range(14))
    changed = _with_dv_fields(study, tmp_path, memos)
    result = _book(changed)
    texts = pages_text(result.data)
    label = changed.form("dv").label
    pages = [t for t in texts if f"Running logs {label}" in t]
    assert pages and not any("Log page" in t for t in pages)
    joined = fold(" ".join(pages))
    assert "One entry on each copy of this page" in joined and "Entry number" in joined
    assert all(f"Note {i} with a long label" in joined for i in range(14))


def test_a_log_with_many_choices_and_narrow_columns_keeps_every_choice(study, tmp_path):
    choices = ", ".join(f'{{ code = "C{i}", label = "Choice number {i}" }}' for i in range(25))
    changed = _with_dv_fields(study, tmp_path, f'''
[[forms.dv.fields]]
id = "many"
label = "Supercalifragilisticexpialidociousnessofthisquestion"
type = "choice"
choices = [{choices}]
''')
    result = _book(changed)
    texts = pages_text(result.data)
    page, = _log_page(texts, changed.form("dv").label)
    folded = fold(texts[page])
    assert all(f"Choice number {i}" in folded for i in range(25))
    assert _row_numbers(result.data, page)[:2] == [1, 2]
