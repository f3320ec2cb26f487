"""Pages survive a photocopier: the grid and the rules stay when a page is reduced to black
and white at a copier's threshold (half grey), as a site copies the binder's pages.

The pages are rendered by poppler (pdftoppm, an independent reader) in grey at 100 dpi, and
thresholded at 50 %: a table's grid must still draw its long horizontal lines.
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.pdf_helpers import PRINTED_AT, pages_text

DPI = 100
THRESHOLD = 128  # of 255: darker is black on the copy


def _pages(data: bytes, tmp_path, first: int, last: int) -> list[tuple[int, int, bytes]]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(first), "-l", str(last),
                    str(pdf), str(tmp_path / "page")], check=True)
    out = []
    for png in sorted(tmp_path.glob("page-*.pgm")):
        raw = png.read_bytes()
        # binary PGM: "P5\n<w> <h>\n255\n" then one byte a pixel
        parts = raw.split(b"\n", 3)
        width, height = map(int, parts[1].split())
        out.append((width, height, parts[3]))
    return out


def _long_lines(width: int, height: int, pixels: bytes, at_least: float) -> int:
    """Rows of the thresholded page holding a black run of at least `at_least` of its width."""
    need = int(width * at_least)
    lines = 0
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        run = best = 0
        for value in row:
            run = run + 1 if value < THRESHOLD else 0
            best = max(best, run)
        lines += best >= need
    return lines


def test_the_blank_books_grid_survives_a_copy(study, tmp_path):
    from alsdesk.pdf import PrintOptions, blank_book

    data = blank_book(study, PrintOptions(printed_at=PRINTED_AT)).data
    texts = pages_text(data)
    # the first page of vital signs: a table of questions, each row ruled across the page
    number = next(i for i, t in enumerate(texts, 1) if "Oxygen saturation (SpO2), room air" in t)
    for width, height, pixels in _pages(data, tmp_path, number, number):
        assert _long_lines(width, height, pixels, 0.6) >= 8


def test_a_filled_casebooks_grid_survives_a_copy(demo_template, tmp_path):
    from alsdesk.pdf import PrintOptions, casebook
    from alsdesk.store import Store

    with Store.open(demo_template, readonly=True) as store:
        store.login("monitor", "Demo-password-1")
        data = casebook(store, "S004", PrintOptions(printed_at=PRINTED_AT)).data
    # the first two pages of forms, after the summary and the investigator sign-off pages
    texts = pages_text(data)
    number = next(i for i, t in enumerate(texts, 1) if i > 1 and "Sign-off" not in t)
    for width, height, pixels in _pages(data, tmp_path, number, number + 1):
        assert _long_lines(width, height, pixels, 0.6) >= 8
