"""The core's side of the Persian window: digits, Solar Hijri dates typed and shown, the
translation hook. Storage never changes: what is stored is the ISO date and the number."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCalendar, QDate

from alsdesk import i18n, jalali
from alsdesk.errors import ValidationError
from alsdesk.study.model import Field, FieldType
from alsdesk.study.values import parse_value

DAY = Field("icdat", "Date of consent", FieldType.DATE)
WHEN = Field("svstdtc", "Visit date and time", FieldType.DATETIME)
PARTIAL = Field("dxdat", "Date of diagnosis", FieldType.DATE, partial=True)
WEIGHT = Field("weight", "Weight", FieldType.DECIMAL, min=20, max=300, digits=1)


def test_conversion_agrees_with_qts_own_jalali_calendar_from_1900_to_2057():
    # Two implementations (jdatetime; Qt's QCalendar), every 3rd day and each Nowruz. They
    # part around Nowruz 2058 and 2091 only, where Qt's arithmetic leap-year rule leaves the
    # astronomical calendar Iran keeps (jdatetime's table follows it): years no date in this
    # trial reaches, and the window's calendar picker is Qt's either way.
    cal = QCalendar(QCalendar.System.Jalali)
    day, checked = date(1900, 1, 1), 0
    while day.year <= 2057:
        for d in (day, date(day.year, 3, 20), date(day.year, 3, 21)):
            parts = cal.partsFromDate(QDate(d.year, d.month, d.day))
            assert jalali.to_jalali(d) == (parts.year, parts.month, parts.day), d
            assert jalali.from_jalali(parts.year, parts.month, parts.day) == d
            checked += 1
        day += timedelta(days=3)
    assert checked > 55_000


@pytest.mark.parametrize("typed, stored", [
    ("1405/09/16", "2026-12-07"), ("۱۴۰۵/۰۹/۱۶", "2026-12-07"), ("1405-9-16", "2026-12-07"),
    ("1403/12/30", "2025-03-20"),  # the last day of a leap year
    ("07/DEC/2026", "2026-12-07"), ("2026-12-07", "2026-12-07"),  # Gregorian still read
])
def test_a_solar_hijri_date_typed_in_the_persian_window_is_stored_as_its_iso_date(typed,
                                                                                    stored):
    assert parse_value(DAY, typed, jalali=True) == stored


def test_a_date_and_time_in_persian_digits():
    assert parse_value(WHEN, "۱۴۰۵/۰۹/۱۶ ۱۴:۳۰", jalali=True) == "2026-12-07T14:30"
    assert parse_value(WHEN, "16/DEC/2026 ۰۹:۰۵") == "2026-12-16T09:05"


@pytest.mark.parametrize("field, typed, words", [
    (DAY, "1404/12/30", "not a day of the Solar Hijri calendar"),  # 1404 is no leap year
    (PARTIAL, "1405/09", "spans two Gregorian months"),
    (DAY, "1405/13/01", "not a day of the Solar Hijri calendar"),
])
def test_a_solar_hijri_date_that_cannot_be_stored_is_refused_in_words(field, typed, words):
    with pytest.raises(ValidationError, match=words):
        parse_value(field, typed, jalali=True)


def test_outside_the_persian_window_a_solar_hijri_year_is_still_a_typo():
    with pytest.raises(ValidationError, match="not a date|not plausible"):
        parse_value(DAY, "1405-09-16")


def test_numbers_in_persian_digits_and_the_persian_decimal_separator():
    assert parse_value(WEIGHT, "۷۲٫۵") == 72.5
    assert parse_value(WEIGHT, "٧٢.٥") == 72.5
    with pytest.raises(ValidationError, match="outside the allowed range"):
        parse_value(WEIGHT, "۳۰۱")
    text = Field("note", "Note", FieldType.TEXT)
    assert parse_value(text, "۷۲ کیلو") == "۷۲ کیلو"  # text keeps what was typed


def test_jalali_text_and_its_long_form():
    assert jalali.jalali_text(date(2026, 12, 7)) == "1405/09/16"
    assert jalali.jalali_text(date(2026, 12, 7), persian_digits=True) == "۱۴۰۵/۰۹/۱۶"
    assert jalali.jalali_long(date(2026, 12, 7)) == "۱۶ آذر ۱۴۰۵"


def test_the_translation_hook_is_english_until_a_language_is_set():
    assert i18n.tr("Save") == "Save" and i18n.language() == "en"
    try:
        i18n.set_translator(lambda text, _d: {"Save": "ذخیره"}.get(text, text), "fa")
        assert i18n.tr("Save") == "ذخیره" and i18n.tr("Other") == "Other"
        assert i18n.local_digits("12") == "۱۲"
    finally:
        i18n.set_translator(None)
    assert i18n.tr("Save") == "Save" and i18n.local_digits("12") == "12"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_translator(None, "xx")


def test_the_study_binder_is_written_in_english_while_the_window_is_in_persian():
    import threading

    from alsdesk.auth import Role
    from alsdesk.states import FormStatus

    seen: dict[str, str] = {}
    words = {"complete": "کامل", "Investigator": "پژوهشگر"}
    try:
        i18n.set_translator(lambda text, _d: words.get(text, text), "fa")
        assert FormStatus.COMPLETE.shown == "کامل" and Role.INVESTIGATOR.shown == "پژوهشگر"
        assert FormStatus.COMPLETE.value == "complete" and Role.INVESTIGATOR.label == "Investigator"

        def worker() -> None:  # a PDF or an export, in a worker thread
            with i18n.english():
                seen["pdf"] = FormStatus.COMPLETE.shown
                seen["language"] = i18n.language()

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert seen == {"pdf": "complete", "language": "en"}
        assert FormStatus.COMPLETE.shown == "کامل" and i18n.language() == "fa"  # this thread
    finally:
        i18n.set_translator(None)


def test_every_state_word_reaches_the_catalogue():
    from alsdesk.clinical.schedule import VisitStatus
    from alsdesk.safety.outcomes import Verdict
    from alsdesk.states import WORDS, FormStatus, QueryStatus, SubjectStatus

    for kind in (SubjectStatus, FormStatus, QueryStatus, VisitStatus, Verdict):
        assert {s.value for s in kind} <= set(WORDS), kind


@pytest.mark.parametrize("typed, stored", [
    ("16 آذر 1405", "2026-12-07"), ("۱۶ آذر ۱۴۰۵", "2026-12-07"),
    ("۱ فروردین ۱۴۰۵", "2026-03-21"), ("30 اسفند 1403", "2025-03-20"),
])
def test_a_solar_hijri_date_with_the_months_name(typed, stored):
    """As the wall calendar writes it: day, the month's Persian name, year."""
    assert parse_value(DAY, typed, jalali=True) == stored
    assert parse_value(WHEN, typed + " 14:30", jalali=True) == stored + "T14:30"
    with pytest.raises(ValidationError, match="not a day of the Solar Hijri calendar"):
        parse_value(DAY, "30 اسفند 1404", jalali=True)


def test_a_date_in_persian_digits_is_read_as_typed_in_an_english_window_too():
    """An answer typed in Persian, then the window switched to English (an outside review:
    "not a date" until switched back): its Persian digits say how it was typed."""
    assert parse_value(DAY, "۱۴۰۵/۰۹/۱۶") == "2026-12-07"
    assert parse_value(DAY, "۱۶ آذر ۱۴۰۵") == "2026-12-07"
    with pytest.raises(ValidationError):
        parse_value(DAY, "1405/09/16")  # Latin digits in English: a typo of 2026, refused


def test_the_arabic_thousands_separator_is_refused_not_read_as_a_decimal_point():
    with pytest.raises(ValidationError, match="separates thousands"):
        parse_value(WEIGHT, "۷۲٬۵")  # once stored as 72.5
    assert parse_value(WEIGHT, "۷۲٫۵") == 72.5


def test_a_date_on_screen_in_persian_is_solar_hijri_with_the_gregorian_beside():
    from alsdesk import datefmt

    assert datefmt.shown_value(DAY, "2026-12-07") == "07/DEC/2026"
    with i18n.writing("fa"):
        shown = datefmt.shown_value(DAY, "2026-12-07")
        assert shown.startswith("۱۴۰۵/۰۹/۱۶") and "07/DEC/2026" in shown
        assert datefmt.shown_value(PARTIAL, "2026-12") == "DEC/2026"  # no Solar Hijri month
        assert "14:30" in datefmt.shown_value(WHEN, "2026-12-07T14:30")
