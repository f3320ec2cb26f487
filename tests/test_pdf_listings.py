"""The adverse event listing and the visit schedule card; the `alsdesk pdf` commands."""
from __future__ import annotations

import io
from datetime import date

import pytest
from click.testing import CliRunner

from alsdesk.demo import DEMO_PASSWORD
from tests.conftest import PASSWORD
from tests.pdf_helpers import PRINTED_AT, assert_pages_numbered, fold, pages_text, qpdf_check


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from alsdesk.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db", today=date(2025, 3, 1))


@pytest.fixture(scope="module")
def demo(demo_path):
    from alsdesk.store import Store

    with Store.open(demo_path, readonly=True) as store:
        yield store


def test_ae_listing_has_every_adverse_event_and_marks_serious_ones(demo, tmp_path):
    from alsdesk.pdf import PrintOptions, ae_listing
    from pypdf import PdfReader

    result = ae_listing(demo, PrintOptions(printed_at=PRINTED_AT))
    texts = pages_text(result.data)
    assert_pages_numbered(texts)
    whole = fold(" ".join(texts))
    expected = [(s.code, i.repeat) for s in demo.subjects.list()
                for i in demo.forms.instances(s.code) if i.form == "ae"]
    assert len(expected) == 4
    for code, entry in expected:
        assert f"{code} · AE {entry}" in whole
    assert whole.count("SERIOUS") == 3 + 1  # three serious events, and the summary line
    assert "4 adverse events in 3 subjects; 3 serious" in whole
    for part in ("Headache", "Pulmonary embolism", "Respiratory failure", "All subjects",
                 "Is it a serious adverse event?", "Outcome"):
        assert part in whole
    box = PdfReader(io.BytesIO(result.data)).pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert result.fingerprint and f"Data fingerprint {result.fingerprint}" in whole
    qpdf_check(result.data, tmp_path)


def test_schedule_card(demo, tmp_path):
    from alsdesk.pdf import PrintOptions, schedule_card

    result = schedule_card(demo, "S005", PrintOptions(printed_at=PRINTED_AT))
    texts = pages_text(result.data)
    assert result.pages == 1
    assert_pages_numbered(texts)
    whole = texts[0]
    infusion = date(2025, 3, 1) - __import__("datetime").timedelta(days=58)
    month2 = infusion + __import__("datetime").timedelta(days=60)
    assert "Your visit schedule" in whole and "S005" in whole
    for label in ("2 months", "4 months", "6 months", "12 months", "3 days after"):
        assert label in whole  # the patient's words (resources/study/card.toml)
    assert f"best day: {month2.day} {month2.strftime('%B')} {month2.year}" in whole
    assert "between " in whole
    qpdf_check(result.data, tmp_path)


def _run(args, db, input_=None):
    from alsdesk.cli import main

    return CliRunner().invoke(main, ["--db", str(db), "pdf", *args], input=input_)


@pytest.mark.parametrize("args", [
    ["visit", "S004", "m2"], ["casebook", "S004"], ["ae-listing"],
    ["schedule", "S005"],
])
def test_cli_writes_each_document(args, demo_path, tmp_path):
    out = tmp_path / "doc.pdf"
    result = _run([*args, "--out", str(out)], demo_path)
    assert result.exit_code != 0 and "--as" in result.output  # trial data needs a login
    assert not out.exists()
    result = _run([*args, "--out", str(out), "--as", "monitor", "--password-stdin"], demo_path,
                  DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and out.read_bytes().startswith(b"%PDF-")
    assert len(pages_text(out.read_bytes())) >= 1


def test_cli_same_data_with_the_same_time_and_letter_paper(demo_path, tmp_path):
    """Two prints of the same data at the same time show the same pages but for the audit
    head: each print is recorded in the trail, which moves the head (alsdesk.pdf._record)."""
    from datetime import datetime, timedelta, timezone

    from pypdf import PdfReader

    zone = timezone(timedelta(hours=3, minutes=30))
    when = (datetime.now(timezone.utc) + timedelta(minutes=1)).astimezone(zone)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (a, b):
        r = _run(["casebook", "S003", "--out", str(out), "--printed-at",
                  when.strftime("%Y-%m-%dT%H:%M%z"), "--paper", "letter", "--as", "monitor",
                  "--password-stdin"], demo_path, DEMO_PASSWORD + "\n")
        assert r.exit_code == 0, r.output
    first, second = pages_text(a.read_bytes()), pages_text(b.read_bytes())
    unhead = __import__("re").compile(r"Audit head \d+:[0-9a-f]+")
    assert [unhead.sub("", t) for t in first] == [unhead.sub("", t) for t in second]
    assert unhead.search(first[0]).group() != unhead.search(second[0]).group()
    box = PdfReader(str(a)).pages[0].mediabox
    assert round(float(box.width)) == 612
    assert f"Printed {when.strftime('%d')}/" in first[0] and "UTC+03:30" in first[0]


def test_cli_errors(demo_path, tmp_path):
    r = _run(["casebook", "S999", "--out", str(tmp_path / "x.pdf"), "--as", "nurse",
              "--password-stdin"], demo_path, DEMO_PASSWORD + "\n")
    assert r.exit_code == 1 and "S999" in r.output
    r = _run(["casebook", "S004", "--include-identifiers"], demo_path)
    assert r.exit_code != 0 and "--as" in r.output


def test_cli_identifiers_need_an_administrator_and_are_audited(db_path, store, tmp_path):
    code = store.subjects.create("ZZ").code
    store.forms.save(code, "screening", "pii", {"fullname": "Hidden Person Name"})
    store.close()
    out = tmp_path / "c.pdf"
    r = _run(["casebook", code, "--out", str(out), "--as", "nurse", "--password-stdin"], db_path,
             PASSWORD + "\n")
    assert r.exit_code == 0 and "Hidden Person Name" not in fold(" ".join(pages_text(
        out.read_bytes())))
    r = _run(["casebook", code, "--out", str(out), "--include-identifiers", "--as", "nurse",
              "--password-stdin", "--force"], db_path, PASSWORD + "\n")
    assert r.exit_code == 1 and "administrator" in r.output
    r = _run(["casebook", code, "--out", str(out), "--include-identifiers", "--as", "admin",
              "--password-stdin", "--force"], db_path, PASSWORD + "\n")  # c.pdf is there
    assert r.exit_code == 0, r.output
    assert "Hidden Person Name" in fold(" ".join(pages_text(out.read_bytes())))
    from alsdesk.store import Store

    with Store.open(db_path, readonly=True) as st:
        rows = st.conn.execute("SELECT user_id, new_value FROM audit_trail WHERE action = "
                               "'data.export'").fetchall()
    assert ("admin", f"PDF casebook {code} with direct identifiers") in rows


def test_cli_blank_book_without_a_database(tmp_path):
    out = tmp_path / "book.pdf"
    r = _run(["blank", "--out", str(out)], tmp_path / "none.db")
    assert r.exit_code == 0, r.output
    assert len(pages_text(out.read_bytes())) > 50
