"""`alsdesk pdf annotated`: the data manager's annotated CRF (issue 13, item 9).

The fields expected are read from the definition file with tomllib, not through our loader:
a field the loader or the document dropped is caught either way.
"""
from __future__ import annotations

import io
import tomllib

from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.paths import default_study_file
from tests.pdf_helpers import PRINTED_AT, assert_pages_numbered, fold, pages_text


def _raw() -> dict:
    return tomllib.loads(default_study_file().read_text(encoding="utf-8"))


def _annotated(study):
    from alsdesk.pdf import PrintOptions, annotated_crf

    return annotated_crf(study, PrintOptions(printed_at=PRINTED_AT))


def test_every_field_of_the_definition_is_annotated(study) -> None:
    result = _annotated(study)
    texts = pages_text(result.data)
    assert_pages_numbered(texts)
    text = fold(" ".join(texts))
    raw = _raw()
    lists = raw["codelists"]
    for form_id, form in raw["forms"].items():
        assert f"table {form_id}" in text, form_id
        if "domain" in form:
            assert f"domain {form['domain']}" in text, form_id
        for f in form["fields"]:
            assert f" {f['id']} " in f" {text} ", f"{form_id}.{f['id']}"
            for name in (f.get("cdash"), f.get("sdtm")):
                if name:
                    assert name in text, f"{form_id}.{f['id']}: {name}"
            if f.get("visible"):
                assert fold(f["visible"]) in text, f"{form_id}.{f['id']} visible"
            choices = f.get("choices")
            if isinstance(choices, str):
                choices = lists[choices]["choices"]
            for c in choices or []:
                assert fold(f"{c['code']} = {c['label']}") in text, f"{form_id}.{f['id']}: {c}"
        for c in form.get("checks", []):
            assert c["id"] in text, f"{form_id} check {c['id']}"


def test_the_annotated_crf_is_landscape_and_splits_long_forms(study) -> None:
    from pypdf import PdfReader

    data = _annotated(study).data
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    texts = pages_text(data)
    # the infusion vital signs hold 56 fields: more than a page, their header repeated
    infvs = [t for t in texts if "Infusion vital signs" in t and "Variable" in t]
    assert len(infvs) >= 2
    assert all("CDASH / SDTM" in t for t in infvs)


def test_cli_writes_the_annotated_crf_without_a_login(demo_db, tmp_path) -> None:
    out = tmp_path / "annotated.pdf"
    done = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "annotated", "--out",
                                     str(out)], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert "Wrote" in done.output and out.read_bytes().startswith(b"%PDF")
    assert "ichildpot" in " ".join(pages_text(out.read_bytes()))
    # without a database: the bundled definition
    alone = tmp_path / "alone.pdf"
    done = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "pdf", "annotated",
                                     "--out", str(alone)], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert alone.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "none.db").exists()


def test_a_help_longer_than_a_page_still_builds(study) -> None:
    """A row taller than the page cannot be kept whole: it is split inside, not refused."""
    from dataclasses import replace

    form = study.form("ic")
    long_help = " ".join(f"Sentence {n} of a very long help text for the data manager."
                         for n in range(400))
    fields = (replace(form.fields[0], help=long_help),) + form.fields[1:]
    forms = {**study.forms, "ic": replace(form, fields=fields)}
    texts = pages_text(_annotated(replace(study, forms=forms)).data)
    text = fold(" ".join(texts))
    assert "Sentence 0 of" in text and "Sentence 399 of" in text
    assert len(texts) > len(pages_text(_annotated(study).data))


def test_each_form_is_a_named_destination_at_its_first_page(study) -> None:
    """define.xml links to a form of the annotated CRF by its id (def:PDFPageRef
    Type="NamedDestination"): the PDF names each form's first page so, and only those."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(_annotated(study).data))
    dests = reader.named_destinations
    assert set(dests) == set(study.forms)
    for form_id, form in study.forms.items():
        page = reader.pages[reader.get_destination_page_number(dests[form_id])]
        assert f"table {form_id}" in fold(page.extract_text()), form_id
    assert len(reader.outline) >= len(study.forms)  # the bookmarks are still there
