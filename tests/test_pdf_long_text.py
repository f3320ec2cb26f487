"""Any text the store accepts prints: the longest value of every free-text field, an 80-line
note, a 4,000-character reason for change, query and answer, in every filled document.

reportlab refuses a flowable taller than its frame (LayoutError): one 1,480-character EMG
summary used to make a subject's casebook unprintable for ever. Each long text here is made of
numbered words, so the text layer shows whether every word of it was printed.
"""
from __future__ import annotations

import re

import pytest

from tests.pdf_helpers import (PRINTED_AT, assert_pages_numbered, fill_every_text, pages_text,
                               qpdf_check)

SUBJECT = "S005"  # ongoing, infused: many visits with open forms
PASSWORD = "Demo-password-1"


def _words(tag: str, limit: int, lines: bool) -> str:
    """Numbered words up to `limit` characters, a line break after every fifth in a memo."""
    out, i = [], 0
    while True:
        word = f"{tag}w{i}"
        sep = "\n" if lines and i % 5 == 4 else " "
        if sum(len(w) + 1 for w in out) + len(word) > limit:
            break
        out.append(word + sep)
        i += 1
    return "".join(out).rstrip()


@pytest.fixture(scope="module")
def long_store(tmp_path_factory, demo_template):
    import shutil

    from alsdesk.store import Store

    path = tmp_path_factory.mktemp("long") / "long.db"
    shutil.copy(demo_template, path)
    store = Store.open(path)
    store.login("investigator", PASSWORD)
    reason = _words("r", 4000, False)

    def value_for(n, form, f, count):
        tag = f"t{n}x{count}"
        return tag, _words(tag, f.length or 4000, f.type.value == "memo")

    texts = fill_every_text(store, SUBJECT, value_for, reason)
    inst = store.forms.instances(SUBJECT)[0]
    store.login("monitor", PASSWORD)
    q = store.queries.raise_query(inst.instance_id, None, _words("q", 4000, True))
    store.login("nurse", PASSWORD)
    store.queries.answer(q.id, _words("a", 4000, False))
    yield store, texts, reason
    store.close()


def _printed(texts: list[str]) -> set[str]:
    return set(re.findall(r"\b[trqa]\d*x?\d*w\d+\b", " ".join(texts)))


def test_casebook_prints_every_word_of_the_longest_texts(long_store, tmp_path):
    from alsdesk.pdf import PrintOptions, casebook

    store, texts, reason = long_store
    assert len(texts) >= 10, "the subject should have many text fields filled"
    result = casebook(store, SUBJECT, PrintOptions(printed_at=PRINTED_AT))
    pages = pages_text(result.data)
    assert_pages_numbered(pages)
    printed = _printed(pages)
    for tag, text in texts.items():
        missing = [w for w in text.split() if w not in printed]
        assert not missing, f"{tag}: {len(missing)} words not printed, first {missing[:3]}"
    for word in reason.split() + _words("q", 4000, True).split() + _words("a", 4000,
                                                                         False).split():
        assert word in printed, word
    qpdf_check(result.data, tmp_path)


def test_visit_forms_and_listing_print_long_texts(long_store):
    from alsdesk.pdf import PrintOptions, ae_listing, visit_forms

    store, texts, _ = long_store
    result = visit_forms(store, SUBJECT, "screening", options=PrintOptions(printed_at=PRINTED_AT))
    assert result.pages > 1
    printed = _printed(pages_text(result.data))
    screening = {i.instance_id for i in store.forms.instances(SUBJECT) if i.event == "screening"}
    assert screening
    assert any(w in printed for text in texts.values() for w in text.split()[:1])
    listing = ae_listing(store, PrintOptions(printed_at=PRINTED_AT))
    assert listing.pages >= 1
