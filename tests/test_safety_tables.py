"""The safety tables against hand counts from the store, printed (read back with pypdf,
rendered with pdftoppm when it is there) and exported as CSV (read back with csv)."""
from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
from datetime import datetime, timedelta
from io import BytesIO

import pytest

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.pdf import PrintOptions
from alsdesk.pdf.safety_tables import outcomes_pdf, safety_tables_pdf
from alsdesk.safety.tables import NOT_CODED, safety_tables
from alsdesk.safety.tables_csv import export_safety
from alsdesk.store import Store

pypdf = pytest.importorskip("pypdf")

LONG = ("Infusion site reaction with " + "erythema, swelling and pain spreading along the "
        "forearm vein " * 3)[:200]
PERSIAN = "سردرد شدید پس از تزریق"  # severe headache after the infusion
AT = PrintOptions()  # printed now: after the data the test adds


def _ae(store, code, day, **values):
    start = datetime.fromisoformat(store.forms.get(code, "infusion", "inf").values["infstdtc"])
    base = {"aestdat": (start + timedelta(days=day)).date().isoformat(), "aesttim": "10:00",
            "aeongo": "N", "aeendat": (start + timedelta(days=day + 1)).date().isoformat(),
            "aetoxgr": 1, "aeser": "N", "aerel": "UNLIKELY", "aeacn": "NOT APPLICABLE",
            "aeout": "RECOVERED/RESOLVED", "aethromb": "N"}
    return store.forms.save(code, "logs", "ae", {**base, **values}, repeat=None,
                            complete=True).record


@pytest.fixture
def store(demo_db):
    st = Store.open(demo_db)
    st.login("nurse", DEMO_PASSWORD)
    _ae(st, "S003", 10, aeterm=LONG, aetoxgr=2, aerel="PROBABLE")
    _ae(st, "S005", 5, aeterm=PERSIAN, aetoxgr=2)
    _ae(st, "S006", 1, aeterm="Headache", aetoxgr=2, aerel="DEFINITE")
    gone = _ae(st, "S006", 1, aeterm="Entered twice", aetoxgr=4)
    st.forms.delete(gone.instance_id, "entered twice by mistake")
    # an event of a subject never infused (screening): not counted, but said
    st.forms.save("S007", "logs", "ae", {"aeterm": "Vasovagal reaction at consent",
                                         "aetoxgr": 1, "aeser": "N"}, repeat=None)
    yield st
    st.close()


def _hand(store):
    """(subject, term, grade, serious, relationship) of live AEs of infused subjects."""
    return store.conn.execute(
        "SELECT s.code, coalesce(a.ctcae_term, a.aeterm), a.aetoxgr, a.aeser, a.aerel FROM ae a "
        "JOIN form_instances fi ON fi.id = a.instance_id JOIN subjects s ON s.id = fi.subject_id "
        "WHERE fi.status != 'deleted' AND s.code IN (SELECT s2.code FROM inf i JOIN "
        "form_instances f2 ON f2.id = i.instance_id JOIN subjects s2 ON s2.id = f2.subject_id "
        "WHERE i.infstdtc IS NOT NULL)").fetchall()


def test_counts_match_the_store(store):
    t = safety_tables(store)
    aes = _hand(store)
    assert t.population == 4 and "N = 4" in t.population_text
    assert t.excluded == 1 and len(t.events) == len(aes) == 7
    overall = t.by_term[0]
    assert overall.events == len(aes) and overall.subjects == len({a[0] for a in aes})
    for term in {a[1] for a in aes}:
        mine = [a for a in aes if a[1] == term]
        row = next(r for r in t.by_term if r.term == " ".join(term.split()))
        assert row.soc == NOT_CODED  # no CTCAE imported here
        assert (row.subjects, row.events) == (len({a[0] for a in mine}), len(mine))
        worst = {}
        for code, _t, grade, *_ in mine:
            worst[code] = max(worst.get(code, 0), grade)
        assert row.worst[:5] == tuple(sum(1 for g in worst.values() if g == n)
                                      for n in range(1, 6))
    # Headache: S003 grade 1 and S006 grade 2; the deleted grade 4 counts nowhere
    head = next(r for r in t.by_term if r.term == "Headache")
    assert (head.subjects, head.events, head.worst[:5]) == (2, 2, (1, 1, 0, 0, 0))
    assert not any(r.term == "Entered twice" for r in t.by_term)
    serious = [a for a in aes if a[3] == "Y"]
    assert t.serious[0].events == len(serious) == 3
    rel = {r.code: r for r in t.by_relationship}
    related = [a for a in aes if a[4] in ("POSSIBLE", "PROBABLE", "DEFINITE")]
    assert rel["RELATED"].events == len(related) == 5
    assert rel["RELATED"].subjects == len({a[0] for a in related}) == 4
    assert rel["UNLIKELY"].events == sum(a[4] == "UNLIKELY" for a in aes)
    s006 = next(r for r in t.subjects if r.subject == "S006")
    assert (s006.events, s006.worst, s006.related) == (1, 2, 1)


def _text(result) -> str:
    reader = pypdf.PdfReader(BytesIO(result.data))
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))


def _pngs(result, tmp_path, name) -> list:
    if shutil.which("pdftoppm") is None:
        return []
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(result.data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / name)], check=True)
    return sorted(tmp_path.glob(f"{name}-*.png"))


def test_the_pdf_shows_the_numbers_the_longest_term_and_persian(store, tmp_path):
    result = safety_tables_pdf(store, AT)
    text = _text(result)
    assert "Subjects infused: N = 4" in text and "1 event of a subject not infused is not counted" in text
    assert "2 (50.0 %)" in text  # Headache: 2 of 4
    flat = " ".join(text.split())
    assert " ".join(LONG.split()[-6:]) in flat  # the 200-character term, to its last words
    assert all(word in text for word in PERSIAN.split())  # shaped on paper, letters back out
    assert "Entered twice" not in text
    pages = _pngs(result, tmp_path, "safety")
    assert len(pages) == result.pages >= 2
    rows = store.conn.execute("SELECT new_value FROM audit_trail WHERE action = 'data.export' "
                              "AND field = 'pdf' ORDER BY seq DESC LIMIT 1").fetchone()
    assert "PDF safety tables" in rows[0] and result.fingerprint in rows[0]


def test_the_outcomes_pdf_lists_every_subject_infused(store, tmp_path):
    result = outcomes_pdf(store, AT)
    text = _text(result)
    for code in ("S003", "S004", "S005", "S006"):
        assert code in text
    assert "S007" not in text and "3 not infused are not listed" in text
    assert _pngs(result, tmp_path, "outcomes") or shutil.which("pdftoppm") is None


def test_the_csv_export_holds_the_same_numbers(store, tmp_path):
    store.logout()
    store.login("monitor", DEMO_PASSWORD)
    result = export_safety(store, tmp_path / "safety")
    names = {p.name for p in result.files}
    assert {"ae_by_soc_term.csv", "primary_outcomes.csv", "README.txt"} <= names
    t = safety_tables(store)
    with (tmp_path / "safety" / "ae_by_soc_term.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["level"] == "overall" and int(rows[0]["events"]) == t.by_term[0].events
    long_row = next(r for r in rows if r["term"] == " ".join(LONG.split()))
    assert long_row["subjects"] == "1" and long_row["subjects_pct"] == "25.0"
    assert any(r["term"] == PERSIAN for r in rows)
    assert all(r["N"] == "4" for r in rows)
    with (tmp_path / "safety" / "primary_outcomes.csv").open(encoding="utf-8") as fh:
        assert [r["subject"] for r in csv.DictReader(fh)] == ["S003", "S004", "S005", "S006"]
    assert "every percentage" in (tmp_path / "safety" / "README.txt").read_text().lower()


def test_a_subject_whose_infusion_start_is_cleared_stays_in_the_tables(store, tmp_path):
    from alsdesk.safety.outcomes import Verdict, outcomes

    before = safety_tables(store)
    s005 = [e for e in before.events if e.subject == "S005"]
    assert s005  # the Persian headache, at least
    # the start is cleared while its time is checked: the subject was infused all the same
    store.forms.save("S005", "infusion", "inf", {"infstdtc": None},
                     reason="start time to be confirmed with the ward")
    after = safety_tables(store)
    assert after.population == before.population
    assert [e.term for e in after.events if e.subject == "S005"] == [e.term for e in s005]
    assert all(not e.before_infusion for e in after.events if e.subject == "S005")
    assert "Infusion start not recorded (it was, then cleared): S005" in after.population_text
    row = next(r for r in outcomes(store).rows if r.subject == "S005")
    assert row.fever.verdict is Verdict.NOT_ASSESSABLE
    assert "infusion start is not recorded" in row.fever.note
    text = _text(safety_tables_pdf(store, AT))
    assert "S005" in text
