"""Any script prints and reads back: Persian joined and right to left, mixed with Latin and
digits, characters the font lacks as a visible mark (issue 13, item 3 and its first "done when").

Every free-text and memo field of every form and log of a subject, the reason for change, a
query, its answer and a deviation hold the longest text the store accepts, in Persian, in
Latin, mixed, and with characters DejaVu Sans lacks; every document builds and its text layer
gives the stored words back.

What the text layer can guarantee (alsdesk/pdf/shaping.py): the letters are drawn in their
joined presentation forms (NFKC folds them back to the stored letters), in visual order;
pdftotext and pypdf put right-to-left words back in logical order, so every stored word is
found, but the order of words around a change of direction is each reader's own. Invisible
joiners (ZWNJ) are not in the text layer; a character the font lacks prints as U+FFFD and its
/ActualText gives the stored character back to pdftotext (pypdf reads the mark).
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest

from tests.pdf_helpers import PRINTED_AT, assert_pages_numbered, pages_text

SUBJECT = "S005"  # ongoing, infused: many visits with open forms
PASSWORD = "Demo-password-1"
_FA_WORDS = ["بیمار", "پژوهش", "گچ", "لاغری", "ضعف", "عضلانی", "چشم", "سلام", "کلینیک", "ژن"]
_FA_DIGITS = "بپتثجچحخدذرزسشصض"  # numbers written in letters: unique words, all one script
_LACKING = "🦠漢ꙮ\U0001f9ec"  # a microbe, a CJK ideograph, a rare Cyrillic sign, DNA: no glyphs


def _fa(n: int) -> str:
    """A Persian word and n in letters: unique, of one script only."""
    word, code = _FA_WORDS[n % len(_FA_WORDS)], ""
    while True:
        code = _FA_DIGITS[n % 16] + code
        n //= 16
        if not n:
            break
    return word + code


def _word(kind: str, tag: int, i: int) -> str:
    n = tag * 1000 + i
    if kind == "fa":
        return _fa(n)
    if kind == "latin":
        return f"w{n}"
    if kind == "mixed":  # Persian, Latin and digits in one text
        return (_fa(n), f"m{n}", f"{n}.5", "علی‌رضا" + _fa(n))[i % 4]
    return f"x{n}{_LACKING[i % len(_LACKING)]}"  # characters the font lacks


def _words(kind: str, tag: int, limit: int, lines: bool) -> str:
    """Unique words up to `limit` characters, a line break after every fifth in a memo."""
    out, used, i = [], 0, 0
    while True:
        word = _word(kind, tag, i)
        if used + len(word) + 1 > limit:
            break
        out.append(word + ("\n" if lines and i % 5 == 4 else " "))
        used += len(word) + 1
        i += 1
    return "".join(out).rstrip()


def _norm(text: str) -> str:
    """Compared as a reader's search does: presentation forms folded (NFKC), invisible
    format characters (ZWNJ, bidi marks a reader adds) dropped, white space folded."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", text).strip()


def _pdftotext(data: bytes, tmp_path) -> list[str]:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run([exe, str(path), "-"], capture_output=True, check=True).stdout
    return out.decode("utf-8").split("\f")


@pytest.fixture(scope="module", params=["fa", "latin", "mixed", "lacking"])
def script_store(request, tmp_path_factory, demo_template):
    from alsdesk.deviations import record_deviation
    from alsdesk.store import Store

    kind = request.param
    path = tmp_path_factory.mktemp(f"scripts-{kind}") / "s.db"
    shutil.copy(demo_template, path)
    store = Store.open(path)
    store.login("investigator", PASSWORD)
    category = store.study.eligibility_deviation
    record_deviation(store, SUBJECT, category=category, description=_words(kind, 999, 400, False))
    texts: dict[str, str] = {}
    reason = _words(kind, 998, 4000, False)
    for n, inst in enumerate(store.forms.instances(SUBJECT)):
        fdef = store.study.form(inst.form)
        values = {}
        for f in fdef.fields:
            if f.type.value in ("text", "memo"):
                key = f"{inst.form}.{f.id}.{n}"
                values[f.id] = texts[key] = _words(kind, len(texts), f.length or 4000,
                                                   f.type.value == "memo")
        if not values:
            continue
        try:
            store.forms.save(SUBJECT, inst.event, inst.form, values,
                             event_repeat=inst.event_repeat, repeat=inst.repeat, reason=reason)
        except Exception:  # a locked or closed form: its text stays as it was
            for key in [k for k in texts if k.endswith(f".{n}")]:
                del texts[key]
    inst = store.forms.instances(SUBJECT)[0]
    store.login("monitor", PASSWORD)
    question = _words(kind, 997, 4000, True)
    q = store.queries.raise_query(inst.instance_id, None, question)
    store.login("nurse", PASSWORD)
    answer = _words(kind, 996, 4000, False)
    store.queries.answer(q.id, answer)
    store.login("monitor", PASSWORD)
    texts.update(reason=reason, question=question, answer=answer)
    yield kind, store, texts
    store.close()


def _missing(texts: dict[str, str], pages: list[str]) -> dict[str, list[str]]:
    printed = set(_norm(" ".join(pages)).split())
    out = {}
    for key, text in texts.items():
        words = _norm(text).split()
        lost = [w for w in words if w not in printed]
        if lost:
            out[key] = lost[:3] + [f"({len(lost)} of {len(words)})"]
    return out


def test_every_document_prints_and_gives_the_stored_words_back(script_store, tmp_path):
    from alsdesk.pdf import (PrintOptions, ae_listing, blank_book, casebook, schedule_card,
                             visit_forms)

    kind, store, texts = script_store
    options = PrintOptions(printed_at=PRINTED_AT)
    assert len(texts) >= 10, "the subject should have many text fields filled"
    book = casebook(store, SUBJECT, options)
    assert_pages_numbered(pages_text(book.data))
    # pdftotext: the words in logical order, the lacking characters from /ActualText.
    lost = _missing(texts, _pdftotext(book.data, tmp_path))
    assert not lost, f"words not in the casebook's text layer: {lost}"
    if kind != "lacking":  # pypdf reads no /ActualText: there it reads U+FFFD
        lost = _missing(texts, pages_text(book.data))
        assert not lost, f"words pypdf does not find: {lost}"
    else:
        assert "\ufffd" in "".join(pages_text(book.data)), "no replacement mark printed"
    for event in ("screening", "baseline"):
        assert visit_forms(store, SUBJECT, event, options=options).pages >= 1
    assert ae_listing(store, options).pages >= 1
    assert schedule_card(store, SUBJECT, options).pages >= 1
    assert blank_book(store.study, options).pages > 50
