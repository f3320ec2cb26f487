"""No orphans on paper: a heading never stands last on a page (a lab's name, "Dates"), a
section fits or starts a new page, and few pages are left nearly empty.

Read from the PDFs themselves: the lowest line of text of each page's body, and how far down
its ink reaches (tests/pdf_pages.py). The blank book had 23 of its 99 pages under a quarter
used (a one-question "Visit" form on a page of its own at every event) and lab headings
alone at the foot of a page; casebooks left lab and section headings at the foot of pages
and the queries appendix alone on a page.
"""
from __future__ import annotations

import pytest

from tests.pdf_helpers import PRINTED_AT
from tests.pdf_pages import body_fill, orphans


@pytest.fixture(scope="module")
def book(study):
    from alsdesk.pdf import PrintOptions, blank_book

    return blank_book(study, PrintOptions(printed_at=PRINTED_AT))


@pytest.fixture(scope="module")
def demo(demo_template):
    from alsdesk.store import Store

    with Store.open(demo_template, readonly=True) as store:
        yield store


def test_no_page_of_the_blank_book_ends_with_a_heading(study, book, tmp_path):
    assert orphans(book.data, study, tmp_path) == []


def test_few_pages_of_the_blank_book_are_nearly_empty(book, tmp_path):
    fill = body_fill(book.data, tmp_path)
    low = [(n, round(f, 2)) for n, f in enumerate(fill, start=1) if f < 0.25]
    assert len(low) <= 6, f"{len(low)} of {len(fill)} pages under a quarter used: {low}"
    assert all(f >= 0.12 for _, f in low), low


def test_small_forms_of_one_event_share_a_page(study, book):
    from tests.pdf_helpers import pages_text

    texts = pages_text(book.data)
    question = study.form("sv").fields[0].label
    second = study.form(study.event("screening").forms[1]).label
    # the screening's visit form and the form after it stand on one page
    together = [t for t in texts if "Screening" in t and second in t and question in t]
    assert together, "the one-question visit form should not take a page of its own"


@pytest.mark.parametrize("subject", ["S002", "S003", "S004"])
def test_no_casebook_page_ends_with_a_heading_or_is_nearly_empty(study, demo, subject,
                                                                 tmp_path):
    from alsdesk.pdf import PrintOptions, casebook

    result = casebook(demo, subject, PrintOptions(printed_at=PRINTED_AT))
    assert orphans(result.data, study, tmp_path) == []
    fill = body_fill(result.data, tmp_path)
    # the last page holds the end of the audit trail, whatever is left of it
    empty = [n for n, f in enumerate(fill[:-1], start=1) if f < 0.1]
    assert empty == [], f"pages under a tenth used: {empty}"


def test_an_event_heading_stays_with_an_entry_taller_than_a_page(study, demo_template,
                                                                 tmp_path):
    """A deviation of 2 × 2,000 characters on 200 lines is taller than a page: it starts under its event's
    heading ("Running logs") instead of leaving the heading alone on an otherwise empty page
    (found by a reviewer on S006)."""
    import shutil

    from alsdesk.pdf import PrintOptions, casebook
    from alsdesk.store import Store
    from tests.pdf_pages import body_lines

    db = tmp_path / "long.db"
    shutil.copy(demo_template, db)
    lines = "\n".join(f"{n} بیمار دچار تب شد ۳۸٫۵ درجه" for n in range(1, 200))
    with Store.open(db) as store:
        store.login("investigator", "Demo-password-1")
        dv = next(i for i in store.forms.instances("S006") if i.form == "dv")
        fdef = store.study.form("dv")
        texts = {f.id: lines[:f.length or 2000] for f in fdef.fields
                 if f.type.value in ("text", "memo")}
        assert texts, "the deviation log has memo fields"
        store.forms.save("S006", dv.event, "dv", texts, event_repeat=dv.event_repeat,
                         repeat=dv.repeat, reason="long text")
        data = casebook(store, "S006", PrintOptions(printed_at=PRINTED_AT)).data
    logs = next(e.label for e in study.events if e.id == "logs")
    alone = [n for n, lines in enumerate(body_lines(data, tmp_path), start=1)
             if lines and lines[0].strip() == logs and len(lines) <= 2]
    assert alone == [], f"'{logs}' alone on page(s) {alone}"
