"""The site's papers in Persian: the blank CRF book and a visit's filled forms, right to
left, with the study's Persian texts, Solar Hijri dates beside the Gregorian, the same data
fingerprint as the English printout; the study binder's documents stay English.

Read back with pypdf (text and where each piece is drawn), not with our own code."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.errors import AlsDeskError
from alsdesk.pdf import PrintOptions, blank_book, casebook, visit_forms
from alsdesk.store import Store
from alsdesk.study.translation import localized
from tests.pdf_helpers import PRINTED_AT, qpdf_check

ENGLISH_WORDS = ("How to fill in these forms", "Missing-data codes", "Only if", "Allowed ",
                 "Completed by", "Page 1 of", "Subject", "Initials", "Event", "Form")


def _norm(text: str) -> str:
    """As a reader's search compares: presentation forms folded, format marks dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", text)


def _pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [_norm(p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages]


def _placed(data: bytes, page: int) -> list[tuple[float, str]]:
    """(x, text) of every piece of text drawn on a page, as pypdf reads it."""
    from pypdf import PdfReader

    out: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            out.append((cm[0] * tm[4] + cm[2] * tm[5] + cm[4], _norm(text).strip()))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return out


def _x_of(placed: list[tuple[float, str]], needle: str, unlike: str = "\0") -> float:
    found = [x for x, text in placed if needle in text and unlike not in text]
    assert found, f"{needle!r} is not on the page: {[t for _, t in placed][:40]}"
    return found[0]


@pytest.fixture
def nurse(demo_db):
    with Store.open(demo_db) as st:
        st.login("nurse", DEMO_PASSWORD)
        yield st


def _persian(label: str) -> str:
    """The longest run of Persian words in a label (a reader orders mixed text its own way)."""
    runs = re.findall("[\u0600-\u06ff][\u0600-\u06ff\u200c ]*", _norm(label))
    return max(runs, key=len).strip()


def _words(label: str) -> str:
    """A label's words without its leading number ("1. Speech" -> "Speech")."""
    return _norm(re.sub(r"^\s*[0-9a-z]+\.\s*", "", label)).strip()


def test_the_blank_book_in_persian_reads_right_to_left(nurse, tmp_path):
    study = nurse.study
    fa = localized(study, "fa")
    options = PrintOptions(printed_at=PRINTED_AT, language="fa")
    result = blank_book(study, options)
    qpdf_check(result.data, tmp_path)
    assert result.filename.endswith("-fa.pdf")
    pages = _pages(result.data)
    whole = " ".join(pages)
    for form in fa.forms.values():  # every form, under its Persian name
        assert _persian(form.label) in whole if re.search("[\u0600-\u06ff]", form.label) \
            else _norm(form.label) in whole, form.id
    # the program's words in Persian, none of the English ones left
    # (words of one script: a reader's order of mixed Persian and digits is its own)
    for words in ("راهنمای پر کردن این فرم‌ها", "کدهای دادهٔ گمشده", "فقط اگر", "صفحهٔ",
                  "تکمیل‌کننده"):
        assert _norm(words) in whole, words
    for words in ENGLISH_WORDS:
        assert words not in whole, words
    # the study's own texts from its translation: the ALSFRS-R questions and answers
    speech = next(f for f in fa.form("alsfrs").fields
                  if f.codelist is not None and f.codelist.data_type == "integer")
    en_speech = study.form("alsfrs").field(speech.id)
    assert speech.label != en_speech.label
    question = _words(speech.label)  # "1. گفتار": its Persian words
    answer = _words(speech.codelist.choices[0].label)
    n = next(i for i, text in enumerate(pages) if question in text and answer in text)
    # Mirrored: the question stands right of its answer boxes, the subject's boxes at the
    # right of the header; in the English book the other way round.
    placed = _placed(result.data, n)
    label = [x for x, text in placed if question in text and "*" in text]  # required: *
    assert label and label[0] > _x_of(placed, answer) > 150
    assert _x_of(placed, "بیمار") > 300  # "Subject", on an A4 page 595 pt wide
    en_answer = en_speech.codelist.choices[0].label
    english = blank_book(study, PrintOptions(printed_at=PRINTED_AT)).data
    n_en = next(i for i, text in enumerate(_pages(english))
                if _words(en_speech.label) in text and en_answer in text)
    placed_en = _placed(english, n_en)
    assert _x_of(placed_en, _words(en_speech.label), unlike=en_answer) < _x_of(placed_en,
                                                                               en_answer)
    assert _x_of(placed_en, "Subject") < 100


def test_dates_are_written_year_first_in_the_persian_book(nurse):
    pages = _pages(blank_book(nurse.study, PrintOptions(language="fa")).data)
    whole = " ".join(pages)
    # the date boxes' captions, year first, and the instruction that either calendar is read
    assert "سال" in whole and "ماه" in whole and "روز" in whole
    assert "1405/09/16" in whole and "2026/12/07" in whole
    assert "DD/MMM/YYYY" not in whole


def test_visit_forms_in_persian_carry_the_data_as_stored_and_its_fingerprint(nurse, tmp_path):
    fa_result = visit_forms(nurse, "S003", "m2",
                            options=PrintOptions(printed_at=PRINTED_AT, language="fa"))
    en_result = visit_forms(nurse, "S003", "m2", options=PrintOptions(printed_at=PRINTED_AT))
    qpdf_check(fa_result.data, tmp_path)
    assert fa_result.fingerprint == en_result.fingerprint  # same data, same fingerprint
    assert fa_result.filename.endswith("-fa.pdf") and not en_result.filename.endswith("-fa.pdf")
    text = " ".join(_pages(fa_result.data))
    fa = localized(nurse.study, "fa")
    assert _persian(fa.event("m2").label) in text
    assert _persian(fa.form("alsfrs").fields[0].label) in text
    # a whole date in the Solar Hijri calendar with the Gregorian beside it
    values = [v for i in nurse.forms.instances("S003") if i.event == "m2"
              for v in nurse.forms.get_instance(i.instance_id).values.values()]
    iso = next(v for v in values if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v))
    from datetime import date

    from alsdesk.jalali import jalali_text

    gregorian = date.fromisoformat(iso)
    assert _norm(jalali_text(gregorian, persian_digits=True)) in text
    assert gregorian.strftime("%d/") in text and str(gregorian.year) in text
    for words in ("filled forms", "Data fingerprint", "Investigator's signature", "Page 1 of"):
        assert words not in text, words
    # the audit trail records the Persian print in English, as everything stored
    rows = nurse.conn.execute("SELECT new_value FROM audit_trail WHERE field = 'pdf' "
                              "ORDER BY seq DESC LIMIT 2").fetchall()
    assert all(r[0].startswith("PDF visit forms S003 m2") for r in rows)
    assert [" in Persian," in r[0] for r in rows] == [False, True]  # newest first
    assert not any(re.search("[\u0600-\u06ff]", r[0]) for r in rows)


def test_a_gregorian_time_stays_in_order_inside_a_persian_line(nurse):
    text = " ".join(_pages(visit_forms(nurse, "S003", "m2",
                                       options=PrintOptions(language="fa")).data))
    # "07/DEC/2026 17:40:41 UTC" must not come out as "DEC/2026 17:40:41 UTC/07"
    assert not re.search(r"[A-Z]{3}/\d{4} \d\d:\d\d(:\d\d)? UTC/\d\d", text)
    assert re.search(r"\d\d/[A-Z]{3}/\d{4} \d\d:\d\d:\d\d UTC", text)


def test_the_binders_documents_stay_english(nurse):
    with pytest.raises(AlsDeskError, match="English only"):
        casebook(nurse, "S003", PrintOptions(language="fa"))
    with pytest.raises(ValueError, match="not one ALS Desk prints in"):
        PrintOptions(language="de")


def test_the_command_line_prints_persian_forms(demo_db, tmp_path):
    from click.testing import CliRunner

    from alsdesk.cli import main

    out = tmp_path / "visit-fa.pdf"
    result = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "visit", "S003", "m2",
                                       "--language", "fa", "--as", "nurse",
                                       "--password-stdin", "--out", str(out)],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert _norm("فرم‌های پرشده") in " ".join(_pages(out.read_bytes()))
    bad = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "blank", "--language", "de",
                                    "--out", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2 and "de" in bad.output


def test_the_windows_print_menu_makes_the_persian_papers(nurse):
    """The window's worker (ui.print_actions.make_pdf) prints the Persian kinds in Persian
    and the others in English, whatever the window's language."""
    from alsdesk import i18n
    from ui.print_actions import KINDS, make_pdf

    assert {"blank-fa", "visit-fa"} <= set(KINDS)
    with i18n.writing("fa"):  # as a Persian window's worker thread would find it
        english = " ".join(_pages(make_pdf(nurse, "visit", "S003", "m2").data))
        persian = " ".join(_pages(make_pdf(nurse, "visit-fa", "S003", "m2").data))
        blank = make_pdf(nurse, "blank-fa")
    assert "filled forms" in english and "filled forms" not in persian
    assert _norm("فرم‌های پرشده") in persian
    assert blank.filename.endswith("-fa.pdf")


def test_the_schedule_card_prints_in_persian_alone(nurse, tmp_path):
    """For a patient who reads no English: the card's Persian column only, right to left,
    the same dates and fingerprint as the card in both languages."""
    from alsdesk.pdf import schedule_card

    both = schedule_card(nurse, "S005", PrintOptions(printed_at=PRINTED_AT))
    alone = schedule_card(nurse, "S005", PrintOptions(printed_at=PRINTED_AT, language="fa"))
    qpdf_check(alone.data, tmp_path)
    assert alone.fingerprint == both.fingerprint and alone.filename.endswith("-fa.pdf")
    text, text_both = " ".join(_pages(alone.data)), " ".join(_pages(both.data))
    assert "Your visit schedule" in text_both and "Your visit schedule" not in text
    assert _norm("برنامهٔ ویزیت‌های شما") in text
    # the subject's box on the right of the header, as on the Persian forms
    assert _x_of(_placed(alone.data, 0), "S005") > 300 > _x_of(_placed(both.data, 0), "S005")


def test_the_binders_documents_refuse_persian_in_words_on_the_command_line(demo_db, tmp_path):
    from click.testing import CliRunner

    from alsdesk.cli import main

    result = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "casebook", "S003",
                                       "--language", "fa", "--as", "nurse",
                                       "--password-stdin", "--out", str(tmp_path / "c.pdf")],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code != 0 and "English only" in result.output
    assert not (tmp_path / "c.pdf").exists()
