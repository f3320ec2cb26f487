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

from tests.pdf_helpers import PRINTED_AT, assert_pages_numbered, fill_every_text, pages_text

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


_ARABIC = re.compile("([\u0600-\u06ff]+)")


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
    reason = _words(kind, 998, 4000, False)

    def value_for(n, form, f, count):
        return (f"{form}.{f.id}.{n}",
                _words(kind, count, f.length or 4000, f.type.value == "memo"))

    texts = fill_every_text(store, SUBJECT, value_for, reason)
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
    # A reader joins a right-aligned Persian cell to the Latin word of the next column
    # ("ANSWEREDبیمار"): a change of script is a word boundary here.
    printed = set(_ARABIC.sub(r" \1 ", _norm(" ".join(pages))).split())
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


def _drawn(flowables: list, tmp_path) -> tuple[list[str], bytes]:
    """The text of each text-showing operator in drawing order (left to right on a line),
    decoded with the fonts' own ToUnicode maps (pypdf's extraction reorders right-to-left
    text, so it cannot tell drawn order), and the PDF."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(flowables)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    page = reader.pages[0]
    maps = {}
    for name, ref in page["/Resources"]["/Font"].items():
        if "/ToUnicode" not in ref.get_object():
            continue  # a standard font reportlab references (Helvetica): draws nothing here
        cmap = ref.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
        maps[name] = {int(a, 16): bytes.fromhex(b).decode("utf-16-be")
                      for a, b in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>",
                                             cmap.partition("beginbfchar")[2])}
    parts, font = [], None
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"Tf":
            font = maps.get(operands[0], {})
        elif op in (b"Tj", b"TJ"):
            strings = operands[0] if op == b"TJ" else [operands[0]]
            text = "".join(font.get(b, "?") for s in strings if not isinstance(s, (int, float))
                           for b in (s.original_bytes if hasattr(s, "original_bytes")
                                     else bytes(s, "latin-1")))
            if text.strip():
                parts.append(text)
    return parts, buf.getvalue()


def test_salam_is_drawn_joined_right_to_left(tmp_path):
    """"سلام" reads "مالس" when its letters are drawn as stored: they must be drawn in
    their joined forms, the last letter leftmost: meem (isolated), lam-alef (final), seen
    (initial)."""
    from alsdesk.pdf import styles as st

    from alsdesk.pdf import shaping

    assert shaping.visual("سلام") == "\ufee1\ufefc\ufeb3"  # the joined forms, meem first
    parts, data = _drawn([st.t("سلام")], tmp_path)
    # Drawn in that order; the ToUnicode map gives each joined form back as its letter
    # (the lam-alef ligature keeps its code), so copying gives letters, not look-alikes.
    assert "".join(parts) == "\u0645\ufefc\u0633", [hex(ord(c)) for c in "".join(parts)]
    # A reader gives the word back in logical order; NFKC gives the stored letters.
    assert [_norm(p) for p in pages_text(data)] == ["سلام"]


def test_mixed_text_follows_the_bidi_algorithm(tmp_path):
    from alsdesk.pdf import shaping

    # Left-to-right paragraph (first strong letter Latin): the Persian word turns in place;
    # digits after Arabic letters are Arabic numbers (rule W2) and go to its left.
    assert shaping.visual("Ali سلام, ok") == "Ali \ufee1\ufefc\ufeb3, ok"
    assert shaping.visual("Ali سلام 12") == "Ali 12 \ufee1\ufefc\ufeb3"
    # Right-to-left paragraph: "سلام" is rightmost, the Latin word and the number (one
    # left-to-right run) keep their own order to its left.
    assert shaping.visual("سلام Ali 12.5") == "Ali 12.5 \ufee1\ufefc\ufeb3"
    assert shaping.visual("سلام (Ali)") == "(Ali) \ufee1\ufefc\ufeb3"  # brackets mirrored
    # The same order as python-bidi's other (Rust) implementation, which does not mirror.
    import bidi

    for text in ("بیمار 12/03/2026 EMG FVC ۱۲ mg.", "Dose 1.5 × 10⁶ سلول/kg تزریق شد",
                 "علی‌رضا محمدی 45 سال", "FVC 76.5 % در ماه 3 — بهبود"):
        rust = bidi.get_display(shaping.shape(shaping.clean(text)),
                                base_dir="R" if shaping.is_rtl(text) else "L")
        assert shaping.visual(text) == rust.replace("\u200c", ""), text


def test_a_long_persian_note_wraps_from_its_first_words_down(tmp_path):
    """Lines are broken in logical order before each is reordered: the first printed line
    holds the first words, right-aligned."""
    from alsdesk.pdf import styles as st

    words = [_fa(i) for i in range(60)]
    parts, _ = _drawn([st.t(" ".join(words))], tmp_path)
    assert len(parts) > 3, "the note should wrap"
    # Drawn left to right, read right to left: reversed, the first line is the first words.
    first = _norm(parts[0][::-1]).split()
    assert first == words[:len(first)], "the first line is not the first words in order"


def test_characters_the_font_lacks_print_as_a_visible_mark(tmp_path):
    from alsdesk.pdf import styles as st

    parts, data = _drawn([st.t("germ 🦠 end"), st.t("bell\x07 tab\tend"),
                          st.p("<b>S004</b> 漢 سلام")], tmp_path)
    drawn = "".join(parts)
    assert drawn.count("\ufffd") == 3, drawn
    assert "🦠" not in drawn and "漢" not in drawn
    exe = shutil.which("pdftotext")
    if exe is not None:  # /ActualText: a reader that honours it gives the stored character
        path = tmp_path / "m.pdf"
        path.write_bytes(data)
        text = subprocess.run([exe, str(path), "-"], capture_output=True).stdout.decode()
        assert "🦠" in text and "漢" in text, text


def test_latin_text_is_drawn_as_before(tmp_path):
    from alsdesk.pdf import shaping

    assert not shaping.needs("Plain Latin text, 12.5 mg; café")
    assert shaping.needs("سلام") and shaping.needs("a🦠") and shaping.needs("a\x07")


def test_a_persian_answer_after_an_english_label_reads_right_to_left(tmp_path):
    """"Term: سردرد بعد از infusion ۲ ساعت" in an English line (a log entry, the AE listing):
    the answer keeps its own direction, so a Persian reader meets "سردرد" first and
    "infusion" after "از" (an outside review found "infusion" read first), on every line
    it wraps onto."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    from alsdesk.pdf import shaping
    from alsdesk.pdf import styles as st
    from alsdesk.pdf.fonts import esc

    value = "سردرد بعد از infusion ۲ ساعت"
    one = st.p("<b>Term:</b> " + esc(shaping.embedded(value)), st.CELL)
    parts, _ = _drawn([one], tmp_path)
    line = "".join(parts)
    # Drawn left to right (each word's letters from its last, as a right-to-left word is):
    # the label, then the answer laid out from the right: "ساعت" leftmost, "infusion", and
    # "سردرد", its first word, rightmost. Without the embedding "سردرد" came first.
    first, last = "سردرد"[::-1], "ساعت"[::-1]
    assert (line.index("Term") < line.index(last) < line.index("infusion")
            < line.index(first)), line
    wrapped = st.p("<b>Term:</b> " + esc(shaping.embedded(" ".join([value] * 3))), st.CELL)
    parts, _ = _drawn([Table([[wrapped]], colWidths=[45 * mm])], tmp_path)
    later = [p for p in parts[1:] if "infusion" in p and first in p]  # continuation lines
    assert later, parts
    for text in later:
        assert text.index("infusion") < text.rindex(first), text


@pytest.mark.parametrize("text, left", [
    # drawn left to right: the Latin part whole, its brackets paired (rule N0)
    ("پروتئین واکنشی C (CRP)", "C (CRP) "),
    ("به دست Nora Nurse (demo) (nurse)", "Nora Nurse (demo) (nurse) "),
    # a range of numbers in a Persian line as the screen shows it, not "(12-0)"
    ("زیرنمرهٔ بولبار (0-12):", ":(0-12) "),
])
def test_brackets_and_ranges_keep_their_order_in_a_persian_line(text, left):
    """An outside review found "(C (CRP" and "(12-0)" on the Persian papers: the pure-Python
    bidi of before Unicode 6.3 had no bracket pairs."""
    from alsdesk.pdf import shaping

    assert shaping.visual(text).startswith(left), shaping.visual(text)


def test_a_gregorian_date_in_brackets_keeps_its_place_in_a_persian_line():
    from alsdesk.pdf import shaping

    line = shaping.visual("انجام: ۱۴۰۴/۰۹/۲۱ (\u206612/DEC/2025\u2069) 10:00 (انجام‌شده)")
    assert "10:00 (12/DEC/2025) ۱۴۰۴/۰۹/۲۱" in line, line
