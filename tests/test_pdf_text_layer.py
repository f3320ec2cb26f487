"""What a reader of the PDF file gets: the header first, only embedded fonts, a blank page
that names its form, and no full date of birth without the identifiers."""
from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.pdf import (PrintOptions, ae_listing, blank_book, casebook, schedule_card,
                         visit_forms)
from alsdesk.store import Store
from alsdesk.study import values as fv
from tests.pdf_helpers import PRINTED_AT, fold, pages_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None
                                or shutil.which("pdffonts") is None,
                                reason="poppler's pdftotext and pdffonts are needed")

DOCS = {
    "casebook": lambda st: casebook(st, "S004", PrintOptions(printed_at=PRINTED_AT)),
    "visit": lambda st: visit_forms(st, "S004", "m2",
                                    options=PrintOptions(printed_at=PRINTED_AT)),
    "ae listing": lambda st: ae_listing(st, PrintOptions(printed_at=PRINTED_AT)),
    "schedule card": lambda st: schedule_card(st, "S005", PrintOptions(printed_at=PRINTED_AT)),
    "blank book": lambda st: blank_book(st.study),
}


@pytest.fixture(scope="module")
def made(demo_template):
    with Store.open(demo_template, readonly=True) as st:
        st.login("monitor", DEMO_PASSWORD)
        yield st, {kind: make(st).data for kind, make in DOCS.items()}


def _poppler(tool: str, data: bytes, tmp_path, *args: str) -> str:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    return subprocess.run([tool, *args, str(pdf), "-"] if tool == "pdftotext"
                          else [tool, str(pdf)], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_the_header_comes_first_in_the_text_layer(made, kind, tmp_path):
    """In content order (pypdf, pdftotext -raw: what a screen reader or a copy gets), each
    page starts with the study's header line, and 'Page X of Y' comes last."""
    store, docs = made
    study = store.study
    head = f"{study.id} · {study.protocol} ·"
    reader = PdfReader(io.BytesIO(docs[kind]))
    last = min(len(reader.pages), 4)
    for number in range(1, last + 1):
        text = reader.pages[number - 1].extract_text().strip()
        assert text.startswith(head), (kind, number, text[:80])
        assert text.endswith(f"Page {number} of {len(reader.pages)}"), (kind, number)
        raw = _poppler("pdftotext", docs[kind], tmp_path, "-raw", "-f", str(number), "-l",
                       str(number))
        assert raw.lstrip().startswith(head), (kind, number, raw[:80])


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_no_document_refers_to_helvetica_or_any_font_not_embedded(made, kind, tmp_path):
    listing = _poppler("pdffonts", made[1][kind], tmp_path)
    rows = listing.splitlines()[2:]
    assert rows, listing
    assert "Helvetica" not in listing, listing
    for row in rows:  # name type encoding emb sub uni object-id
        assert row.split()[-5] == "yes", row


def test_every_blank_page_names_its_form_and_event_not_blank_crf_book(made):
    store, docs = made
    study = store.study
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(docs["blank book"])).pages]
    events = {e.label for e in study.events}
    forms = {f.label for f in study.forms.values()}
    for number, text in enumerate(texts, start=1):
        first = text.splitlines()[0]
        assert "Blank CRF book" not in first, number
        what = first.split(f"{study.id} · {study.protocol} · ", 1)[1]
        form, _, event = what.rpartition(" – ")
        assert form.split(" · ")[0] in forms | {"Instructions", "Running logs"} or number == 1, \
            (number, first)
        # a long name is cut with an ellipsis (the Event box below has it whole)
        assert any(e.startswith(event.rstrip("…")) for e in events | {"All events", "Logs"}) \
            or number == 1, (number, first)


def test_the_date_of_birth_prints_in_full_only_with_the_identifiers(demo_db):
    with Store.open(demo_db) as st:
        st.login("admin", DEMO_PASSWORD)
        dm = st.study.form("dm")
        field = dm.field("brthdat")
        inst = next(i for i in st.forms.instances("S004") if i.form == "dm")
        born = st.forms.get_instance(inst.instance_id).values["brthdat"]
        full = fv.display(field, born)
        assert str(born)[:4] in full and len(full) > 4
        default = fold(" ".join(pages_text(casebook(st, "S004", PrintOptions(
            printed_at=PRINTED_AT)).data)))
        shown = fold(" ".join(pages_text(casebook(st, "S004", PrintOptions(
            printed_at=PRINTED_AT, include_identifiers=True)).data)))
    assert full not in default and str(born) not in default  # neither form nor audit trail
    assert f"{str(born)[:4]} (day and month not printed)" in default
    assert full in shown
