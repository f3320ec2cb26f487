"""The visit schedule card is for the patient: both languages, plain dates, the site's
telephone number, no CRF words, and no card for someone who has no visits to come."""
from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from click.testing import CliRunner

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.errors import WorkflowError
from alsdesk.pdf import PrintOptions, schedule_card
from alsdesk.pdf.card import jalali, wording
from alsdesk.states import SubjectStatus
from alsdesk.store import Store
from tests.pdf_helpers import PRINTED_AT

PHONE = "+98 21 2356 2000"


def _text(data: bytes, tmp_path) -> str:
    """The card's text as pdftotext (poppler) reads it."""
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def admin(demo_db):
    with Store.open(demo_db) as st:
        st.login("admin", DEMO_PASSWORD)
        yield st


def test_the_card_has_the_phone_both_languages_and_no_crf_words(admin, tmp_path):
    admin.set_setting("site_phone", PHONE)
    text = _text(schedule_card(admin, "S005", PrintOptions(printed_at=PRINTED_AT)).data,
                 tmp_path)
    assert "Event" not in text and "Visit schedule card" not in text  # nor in the header
    body = text.split("Your visit schedule", 1)[1].split("Audit head", 1)[0]  # not the frame
    assert PHONE in body
    assert "۲۱" in body  # the number again in the Persian column, in Persian digits
    fa = wording()["fa"]
    persian = set("".join(fa["title"].split()) + "".join(fa["months"]))
    assert len(persian & set(body)) >= len(persian) - 2  # Persian letters are on the card
    assert re.search(r"between \d{1,2}( [A-Z][a-z]+)?( \d{4})? and \d{1,2} [A-Z][a-z]+ \d{4}",
                     body)
    # no event ids (those that are not plain words: h72, m2 ...), no window notation
    coded = [e.id for e in admin.study.events if not e.id.isalpha()]
    assert coded
    for event_id in coded:
        assert not re.search(rf"\b{re.escape(event_id)}\b", body), event_id
    for jargon in ("window", "[", "day 53", " d ", "CRF", "event", "Planned for"):
        assert jargon not in body, jargon


def test_without_a_phone_the_card_leaves_a_line_to_write_it(admin, tmp_path):
    text = _text(schedule_card(admin, "S005", PrintOptions(printed_at=PRINTED_AT)).data,
                 tmp_path)
    assert re.search(r"Study team telephone: _{10,}", text)


@pytest.mark.parametrize("value", ["call us", "12", "+98 21 2356 2000 ext 5", "1" * 25])
def test_a_phone_that_is_not_one_is_refused_in_words(admin, value):
    with pytest.raises(WorkflowError, match="telephone number"):
        admin.set_setting("site_phone", value)
    assert admin.setting("site_phone") is None


def test_no_card_for_a_screen_failure_or_a_withdrawn_subject(admin, demo_db, tmp_path):
    from tests.helpers import withdraw

    assert admin.subjects.get("S001").status is SubjectStatus.SCREEN_FAILURE
    with pytest.raises(WorkflowError, match="screen failure"):
        schedule_card(admin, "S001")
    admin.logout()
    admin.login("nurse", DEMO_PASSWORD)
    withdraw(admin, "S006", on=date.today().isoformat())
    assert admin.subjects.get("S006").status is SubjectStatus.WITHDRAWN
    with pytest.raises(WorkflowError, match="withdrawn"):
        schedule_card(admin, "S006")
    admin.close()
    from alsdesk.cli import main

    out = tmp_path / "card.pdf"
    r = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "schedule", "S001", "--out",
                                  str(out), "--as", "monitor", "--password-stdin"],
                           input=DEMO_PASSWORD + "\n")
    assert r.exit_code == 1 and "screen failure" in r.output
    assert "Traceback" not in r.output and not out.exists()


@pytest.mark.parametrize("day, expected", [
    (date(2026, 3, 21), (1405, 1, 1)),  # Nowruz 1405
    (date(2025, 3, 21), (1404, 1, 1)),
    (date(2024, 3, 20), (1403, 1, 1)),
    (date(2026, 3, 20), (1404, 12, 29)),
    (date(2026, 12, 2), (1405, 9, 11)),
    (date(2025, 9, 23), (1404, 7, 1)),  # the first month of 30 days
])
def test_the_persian_column_uses_the_iranian_calendar(day, expected):
    assert jalali(day) == expected
