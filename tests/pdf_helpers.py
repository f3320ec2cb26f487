"""Reading generated PDFs in tests: text per page, structure check with qpdf."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

# Later than any data a test makes (alsdesk.pdf refuses a print time before the data it
# shows); the core does not refuse a time ahead of the clock, only the CLI's --printed-at.
PRINTED_AT = datetime(2099, 3, 1, 10, 30, tzinfo=timezone.utc)


def fill_every_text(store, subject: str, value_for, reason: str) -> dict[str, str]:
    """Every text and memo field of every form of `subject` set to `value_for(n, form, field,
    count)` -> (key, text), saved with `reason`; the keys and texts that were stored (a
    locked or closed form keeps its own)."""
    texts: dict[str, str] = {}
    for n, inst in enumerate(store.forms.instances(subject)):
        values, keys = {}, []
        for f in store.study.form(inst.form).fields:
            if f.type.value in ("text", "memo"):
                key, values[f.id] = value_for(n, inst.form, f, len(texts))
                texts[key] = values[f.id]
                keys.append(key)
        if not values:
            continue
        try:
            store.forms.save(subject, inst.event, inst.form, values,
                             event_repeat=inst.event_repeat, repeat=inst.repeat, reason=reason)
        except Exception:  # a locked or closed form: its text stays as it was
            for key in keys:
                del texts[key]
    return texts


def pages_text(data: bytes) -> list[str]:
    """The extracted text of each page, whitespace runs folded to one space."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_pages_numbered(texts: list[str]) -> None:
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text, f"page {number} lacks 'Page X of Y'"


def qpdf_check(data: bytes, tmp_path: Path) -> None:
    """qpdf --check accepts the file (skipped when qpdf is not installed)."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed")
    path = tmp_path / "check.pdf"
    path.write_bytes(data)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def embedded_fonts(data: bytes) -> set[str]:
    """Base names of the fonts whose programs are embedded in the file."""
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for desc in [font.get("/FontDescriptor")] + [
                    d.get_object().get("/FontDescriptor")
                    for d in font.get("/DescendantFonts", [])]:
                if desc is not None and "/FontFile2" in desc.get_object():
                    found.add(str(font["/BaseFont"]))
    return found
