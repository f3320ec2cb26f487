"""Issue 12, item 2 (part): the audit head is printed on every page of every PDF of data and
in its metadata, carried by every export, and read back from each by anchor_read.head_in_file
(real PDFs read with pypdf, exports with odmlib's ODM 1.3.2 schema and pandas)."""
from __future__ import annotations

import csv
import io
import re
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from alsdesk import anchor
from alsdesk.anchor_read import head_in_file
from alsdesk.demo import DEMO_PASSWORD
from alsdesk.errors import AlsDeskError
from alsdesk.exchange import export_csv, export_odm, export_redcap
from alsdesk.pdf import PrintOptions, ae_listing, blank_book, casebook, schedule_card, visit_forms
from alsdesk.pdf.reading import with_head
from alsdesk.pdf.collect import Collector
from alsdesk.store import Store
from tests.pdf_helpers import PRINTED_AT, pages_text

PDFS = {
    "casebook": lambda st, o: casebook(st, "S004", o),
    "visit": lambda st, o: visit_forms(st, "S004", "m2", options=o),
    "ae listing": lambda st, o: ae_listing(st, o),
    "schedule card": lambda st, o: schedule_card(st, "S005", o),  # S004 died: no card
}


@pytest.fixture
def reader(demo_db):
    with Store.open(demo_db, readonly=True) as st:
        yield st


@pytest.fixture
def nurse(demo_db):
    with Store.open(demo_db) as st:
        st.login("nurse", DEMO_PASSWORD)
        yield st


def _keywords(data: bytes) -> str:
    return str(PdfReader(io.BytesIO(data)).metadata.get("/Keywords"))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("kind", sorted(PDFS))
def test_every_page_and_the_metadata_carry_the_files_head(reader, kind, paper, tmp_path):
    head = anchor.of(reader.conn)
    assert head.seq > 1000  # the demo's trail: a real head, not the empty chain's
    result = PDFS[kind](reader, PrintOptions(paper=paper, printed_at=PRINTED_AT))
    texts = pages_text(result.data)
    assert texts
    for number, text in enumerate(texts, start=1):
        assert head.label() in text, f"{kind} page {number} lacks {head.label()}"
    assert head.label() in _keywords(result.data)
    assert result.audit_head == head  # what the window and the command show
    read = head_in_file(_write(tmp_path, "doc.pdf", result.data))
    assert read.text() == head.text() and read.matches(head.hash)


# What the footer's last line holds: the print stamp, the page's CRF version(s), its number.
FOOT_LINE = re.compile(r"Printed \d\d/\w{3}/\d{4} .* UTC.*|CRF versions? [\d., ]+|"
                       r"Page \d+ of \d+")


def test_the_head_has_a_line_of_its_own_above_the_print_stamp(reader):
    """On both papers and on landscape pages, the head's line is clear of the print stamp and
    'Page X of Y' below it and of the page's content above it (by a line of its size)."""
    head = anchor.of(reader.conn)
    for paper in ("A4", "letter"):
        result = casebook(reader, "S004", PrintOptions(paper=paper, printed_at=PRINTED_AT))
        for number, page in enumerate(PdfReader(io.BytesIO(result.data)).pages, start=1):
            runs: list[tuple[str, float, float]] = []
            # y on the page: the text matrix's origin through the current transformation
            page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
                (text.strip(), tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size))
                if text.strip() else None)
            at = [(y, size) for text, y, size in runs if text == head.text()]
            assert len(at) == 1, (paper, number)
            y, size = at[0]
            assert (anchor.PREFIX, y) in [(t, ty) for t, ty, _ in runs]  # label beside it
            for text, ty, tsize in runs:
                if text in (anchor.PREFIX, head.text()):
                    continue
                if FOOT_LINE.fullmatch(text):
                    assert ty <= y - size, (paper, number, text)  # the footer's last line
                else:
                    assert ty >= y + tsize, (paper, number, text)  # the page's content


def test_the_blank_book_has_no_data_and_no_head(study, tmp_path):
    result = blank_book(study, PrintOptions(printed_at=PRINTED_AT))
    assert not any(anchor.PREFIX in t for t in pages_text(result.data))
    with pytest.raises(AlsDeskError, match="holds no audit head"):
        head_in_file(_write(tmp_path, "blank.pdf", result.data))


def test_after_more_saves_the_head_moves_and_the_old_printout_keeps_its_own(nurse, tmp_path):
    first = visit_forms(nurse, "S004", "m2", options=PrintOptions(printed_at=PRINTED_AT))
    printed = head_in_file(_write(tmp_path, "first.pdf", first.data))
    # the head of the data printed; the print's own audit row comes right after it
    assert anchor.of(nurse.conn).seq == printed.seq + 1
    code = nurse.subjects.create("ZZ").code
    nurse.forms.save(code, "screening", "vs", {"temp": 36.6})
    second = visit_forms(nurse, "S004", "m2", options=PrintOptions(printed_at=PRINTED_AT))
    now = head_in_file(_write(tmp_path, "second.pdf", second.data))
    assert now.seq > printed.seq + 1 and anchor.of(nurse.conn).seq == now.seq + 1
    assert second.fingerprint == first.fingerprint  # S004's data did not change; the trail did
    assert head_in_file(tmp_path / "first.pdf") == printed
    assert anchor.extends(nurse.conn, printed) is None  # the file's chain still holds it


def test_the_head_is_the_one_of_the_data_read_not_of_a_save_made_meanwhile(demo_db):
    """Another program saves while the casebook's data is read: the head printed is the
    head of the picture of the file the data came from (one read transaction)."""
    with Store.open(demo_db) as writer, Store.open(demo_db, readonly=True) as reader:
        writer.login("nurse", DEMO_PASSWORD)
        before = anchor.of(reader.conn)

        def read_then_someone_saves():
            doc = Collector(reader, "S004").subject_doc()
            writer.forms.save(writer.subjects.create("MW").code, "screening", "vs",
                              {"temp": 37.1})
            return doc

        doc, head = with_head(reader, read_then_someone_saves)
        assert head == before, "the head must come from the same read as the data"
        assert anchor.of(reader.conn).seq > before.seq  # the save did land, after the read
        assert doc.audit[-1].seq <= head.seq


def test_a_printout_keeps_its_head_when_the_file_is_changed_behind_the_program(demo_db,
                                                                              tmp_path):
    with Store.open(demo_db, readonly=True) as st:
        result = casebook(st, "S004", PrintOptions(printed_at=PRINTED_AT))
        printed = anchor.of(st.conn)
    pdf = _write(tmp_path, "casebook.pdf", result.data)
    conn = sqlite3.connect(demo_db)  # plain sqlite3, as someone with the file would do it
    with conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'audit_trail'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE audit_trail SET reason = 'rewritten', hash = ? WHERE seq = ?",
                     ("0" * 64, printed.seq))
    conn.close()
    assert head_in_file(pdf).text() == printed.text()
    conn = sqlite3.connect(demo_db)
    try:
        assert "rewritten" in anchor.extends(conn, head_in_file(pdf))
    finally:
        conn.close()


def test_a_pdf_that_lost_its_metadata_is_read_from_its_pages(reader, tmp_path):
    result = ae_listing(reader, PrintOptions(printed_at=PRINTED_AT))
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(result.data)).pages:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert anchor.PREFIX not in _keywords(buffer.getvalue())
    read = head_in_file(_write(tmp_path, "copy.pdf", buffer.getvalue()))
    assert read.text() == anchor.of(reader.conn).text()


# -- exports --------------------------------------------------------------------------------


@pytest.fixture
def monitor(demo_db):
    with Store.open(demo_db) as st:
        st.login("monitor", DEMO_PASSWORD)
        yield st


def test_odm_carries_the_head_in_a_place_the_schema_accepts(monitor, tmp_path):
    from odmlib.odm_parser import ODMSchemaValidator
    import xml.etree.ElementTree as ET

    head = anchor.of(monitor.conn)
    result = export_odm(monitor, tmp_path / "trial.xml")
    validator = ODMSchemaValidator(standard="odm", version="1.3.2")
    errors = [e.reason for e in validator.xsd.iter_errors(str(result.target))]
    assert not errors, errors[:5]
    assert head.label() in ET.parse(result.target).getroot().get("Description")
    assert head_in_file(result.target).text() == head.text()
    # the export itself is audited after the snapshot: the file's head moved one row on
    assert anchor.of(monitor.conn).seq == head.seq + 1
    # a trial's ODM file grows far beyond a README: only its root element is looked at
    big = tmp_path / "big.xml"
    big.write_bytes(result.target.read_bytes() + b"<!--" + b" " * (6 * 1024 * 1024) + b"-->")
    assert head_in_file(big).text() == head.text()
    with zipfile.ZipFile(tmp_path / "odm.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(big, "trial.xml")
    assert head_in_file(tmp_path / "odm.zip").text() == head.text()


def test_csv_folder_carries_the_head_in_its_readme_not_in_the_data(monitor, tmp_path):
    head = anchor.of(monitor.conn)
    result = export_csv(monitor, tmp_path / "csv")
    readme = (result.target / "README.txt").read_text(encoding="utf-8")
    assert head.label() in readme
    for path in result.files:
        if path.suffix == ".csv":
            assert anchor.PREFIX not in path.read_text(encoding="utf-8"), path.name
    with open(result.target / "vs.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:5] == ["subject", "event", "event_repeat", "repeat", "status"]
    assert all(r["subject"].startswith("S") for r in rows)  # no extra line above the header
    assert head_in_file(result.target).text() == head.text()
    assert head_in_file(result.target / "README.txt").text() == head.text()
    # the folder zipped to send it: read from the zip too
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in result.files:
            zf.write(path, f"csv/{path.name}")
    assert head_in_file(archive).text() == head.text()


def test_redcap_folder_carries_the_head_in_its_readme(monitor, tmp_path):
    head = anchor.of(monitor.conn)
    result = export_redcap(monitor, tmp_path / "redcap")
    assert head.label() in (result.target / "README.txt").read_text(encoding="utf-8")
    with open(result.target / "records.csv", newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert not any(anchor.PREFIX in h for h in header)
    assert head_in_file(result.target).text() == head.text()


# -- reading back: what it accepts, and what it refuses in words -----------------------------


def test_a_head_copied_by_hand_into_a_note(tmp_path):
    note = tmp_path / "binder.txt"
    note.write_text("Copied from the casebook of S004, page 3:\n1999:FDC79D0900EDBBE0\n")
    assert head_in_file(note) == anchor.Head(1999, "fdc79d0900edbbe0")


def test_a_backup_copy_of_the_database_gives_its_head(demo_db):
    with Store.open(demo_db, readonly=True) as st:
        head = anchor.of(st.conn)
    assert head_in_file(demo_db) == head


@pytest.mark.parametrize("content, message", [
    (None, "There is no file"),
    (b"subject,status\nS001,enrolled\n", "holds no audit head"),
    (b"%PDF-1.4\n%broken beyond repair", "cannot be read as a PDF"),
    (b"PK\x03\x04 not really a zip", "cannot be read as a zip"),
    (b"\x7fELF\x00\x00\x00binary", "neither a PDF"),
    (b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", "holds no audit head"),
])
def test_files_without_a_head_are_refused_in_words(tmp_path, content, message):
    path = tmp_path / "file"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AlsDeskError, match=message):
        head_in_file(path)


def test_an_old_export_without_a_head_is_refused_in_words(tmp_path):
    folder = tmp_path / "old-export"
    folder.mkdir()
    (folder / "README.txt").write_text("ALS Desk data export: NCT02492516\nExported 2025-01-01"
                                       "T10:00:00+00:00 by monitor. Subjects: 7.\n")
    with pytest.raises(AlsDeskError, match="holds no audit head"):
        head_in_file(folder)
    with pytest.raises(AlsDeskError, match="has no README.txt"):
        head_in_file(tmp_path)


def test_the_commands_say_the_head_they_wrote(demo_db, tmp_path):
    """`alsdesk pdf` and `alsdesk export` name the head, to note in a log book."""
    from click.testing import CliRunner

    from alsdesk.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, ["--db", str(demo_db), *args],
                                  input=f"{DEMO_PASSWORD}\n", catch_exceptions=False)

    out = tmp_path / "visit.pdf"
    result = run("pdf", "visit", "S004", "m2", "--out", str(out), "--as", "monitor",
                 "--password-stdin")
    assert result.exit_code == 0, result.output
    printed = head_in_file(out)
    assert f"audit head {printed.text()}" in result.output
    result = run("export", "odm", "--out", str(tmp_path / "t.xml"), "--as", "monitor",
                 "--password-stdin")
    assert result.exit_code == 0, result.output
    exported = head_in_file(tmp_path / "t.xml")
    assert f"(audit head {exported.text()})" in result.output
    assert exported.seq > printed.seq  # the monitor's login came in between
