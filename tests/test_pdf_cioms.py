"""The SAE report form (CIOMS I layout): filled from real forms, read back with pypdf, the
longest texts every field takes (200-character terms, a 4,000-character Persian narrative,
many medications) printed whole, the print audited, and the CLI command."""
from __future__ import annotations

import re
import subprocess
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from alsdesk import pdf
from alsdesk.errors import NotFound
from alsdesk.pdf import PrintOptions
from tests.conftest import PASSWORD
from tests.helpers import screen_eligible

PERSIAN = "بیمار پس از تزریق سلول دچار تنگی نفس شد و به بخش مراقبت‌های ویژه منتقل شد. "


def _text(result) -> str:
    import io

    reader = PdfReader(io.BytesIO(result.data))
    return "\n".join(p.extract_text() for p in reader.pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _subject(store, **ae):
    code = store.subjects.create("AB").code
    screen_eligible(store, code)
    store.forms.save(code, "screening", "dm", {"brthdat": "1975-05-05", "sex": "M"})
    store.forms.save(code, "screening", "mh", {"mhterm": "Hypertension", "mhstdat": "2010",
                                               "mhongo": "Y"}, repeat=None)
    store.forms.save(code, "infusion", "inf", {
        "weight": 72.5, "cellsinf": 145.0, "lot": "RY-2026-014",
        "infstdtc": "2026-04-30T09:00", "infendtc": "2026-04-30T09:45"})
    store.forms.save(code, "logs", "cm", {"cmtrt": "Riluzole", "cmdose": 50.0, "cmdosu": "mg",
                                          "cmroute": "ORAL", "cmdosfrq": "BID",
                                          "cmindc": "ALS", "cmstdat": "2015-01",
                                          "cmongo": "Y"}, repeat=None)
    values = {"aeterm": "Pulmonary embolism", "ctcae_term": "Thromboembolic event",
              "aestdat": "2026-05-01", "aesttim": "16:20", "aeongo": "Y", "aetoxgr": 3,
              "aeser": "Y", "aesdth": "N", "aeslife": "Y", "aeshosp": "Y", "aesdisab": "N",
              "aescong": "N", "aesmie": "N", "aesawdat": "2026-05-01", "aesawtim": "18:00",
              "aerel": "POSSIBLE", "aeout": "NOT RECOVERED/NOT RESOLVED"}
    values.update(ae)
    store.forms.save(code, "logs", "ae", values, repeat=None)
    return code


def _today() -> str:
    from alsdesk.pdf.page import MONTHS

    now = datetime.now(timezone.utc).astimezone()
    return f"{now.day:02d}/{MONTHS[now.month - 1]}/{now.year}"


def _options(**kw):
    return PrintOptions(**kw)  # printed now: the print time cannot precede the data


def test_the_form_holds_the_data_in_cioms_boxes(store, tmp_path):
    code = _subject(store)
    result = pdf.sae_report(store, code, 1, _options())
    (tmp_path / "form.pdf").write_bytes(result.data)
    text = _flat(_text(result))
    for words in ("SUSPECT ADVERSE REACTION REPORT", "I. REACTION INFORMATION",
                  "1a. COUNTRY", "Iran", "05/MAY/1975", "50 years", "Male", "72.5 kg",
                  "01/MAY/2026 16:20", "Pulmonary embolism", "Thromboembolic event",
                  "☒ Life-threatening", "☒ Required or prolonged hospitalisation",
                  "☐ Resulted in death", "II. SUSPECT DRUG(S) INFORMATION",
                  "mesenchymal stem cells", "lot RY-2026-014", "145", "Intravenous",
                  "Amyotrophic lateral sclerosis", "30/APR/2026 09:00 to 30/APR/2026 09:45",
                  "0 h 45 min", "Medicine: Riluzole", "Condition or operation: Hypertension",
                  "IV. SPONSOR AND REPORTER", f"NCT02492516-{code}-AE1", "☒ study",
                  "☒ initial", _today(),
                  "Initial SAE report to the sponsor OVERDUE"):
        assert words in text, words
    assert f"{code} (AB)" not in text  # initials only with the identifiers
    assert result.pages == 1
    row = store.conn.execute("SELECT new_value, subject FROM audit_trail WHERE field = 'pdf' "
                             "ORDER BY seq DESC LIMIT 1").fetchone()
    assert row[0].startswith(f"PDF SAE report {code} AE 1, printed") and row[1] == code


def test_initials_only_with_identifiers_for_an_administrator(store):
    code = _subject(store)
    store.login("admin", PASSWORD)
    text = _flat(_text(pdf.sae_report(store, code, 1, _options(include_identifiers=True))))
    assert f"{code} (AB)" in text


def test_a_non_serious_or_missing_entry_is_refused_in_words(store):
    code = _subject(store)
    store.forms.save(code, "logs", "ae", {"aeterm": "Headache", "aestdat": "2026-05-02",
                                          "aeser": "N"}, repeat=None)
    with pytest.raises(NotFound, match="not recorded as serious"):
        pdf.sae_report(store, code, 2, _options())
    with pytest.raises(NotFound, match="no adverse event number 7"):
        pdf.sae_report(store, code, 7, _options())


def test_longest_texts_print_whole_on_an_additional_sheet(store, tmp_path):
    term = ("Pulmonary embolism with right heart strain " * 6)[:200]
    persian = (PERSIAN * 4)[:200]
    code = _subject(store, aeterm=persian, ctcae_term=term)
    for i in range(12):
        store.forms.save(code, "logs", "cm", {"cmtrt": f"Medicine {i:02d} " + "x" * 180,
                                              "cmindc": persian, "cmongo": "Y"},
                         repeat=None)
    result = pdf.sae_report(store, code, 1, _options())
    path = tmp_path / "sae.pdf"
    path.write_bytes(result.data)
    text = _text(result)
    flat = _flat(text).replace(" ", "")
    assert term.replace(" ", "") in flat  # the 200-character term, whole
    assert "Additional sheet" in text and "continued on the additional sheet" in _flat(text)
    assert "Medicine 11" in text and "Medicine 00" in text
    # Persian is shaped for print; the text layer gives the letters back (alsdesk/pdf/fonts)
    assert "تزریق" in text
    pages = result.pages
    assert pages >= 2
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "page")],
                   check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pages


def test_cli_prints_the_form(store, db_path, tmp_path):
    code = _subject(store)
    store.close()
    out = tmp_path / "cli.pdf"
    run = subprocess.run(
        [".venv/bin/alsdesk", "--db", str(db_path), "pdf", "sae", code, "1", "--out", str(out),
         "--as", "nurse", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Wrote" in run.stdout and out.exists()
    run = subprocess.run(
        [".venv/bin/alsdesk", "--db", str(db_path), "pdf", "sae", code, "9", "--out",
         str(tmp_path / "x.pdf"), "--as", "nurse", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "no adverse event number 9" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_grade_is_printed_in_the_coded_terms_own_words(store, tmp_path):
    from alsdesk.safety import ctcae
    from tests.test_safety_ctcae import ATE, FEVER, workbook

    store.login("admin", PASSWORD)
    ctcae.import_ctcae(store, workbook(tmp_path / "ctcae.xlsx", [FEVER, ATE]))
    store.login("nurse", PASSWORD)
    code = _subject(store, ctcae_term="Arterial thromboembolism")
    text = _flat(_text(pdf.sae_report(store, code, 1, _options())))
    assert "CTCAE v5.0 grade 3 of Arterial thromboembolism: Urgent intervention indicated" \
        in text

