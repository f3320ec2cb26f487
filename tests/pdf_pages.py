"""How full each printed page is and what stands last on it, read from the PDF itself.

The body of a page lies between the header (the top 33 mm) and the footer (the bottom 21 mm,
alsdesk/pdf/page.py). Its fill is how far down the lowest ink of the body reaches (rendered
with poppler's pdftoppm), its last line the lowest line of text (pdftotext -bbox-layout).
"""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

MM = 72 / 25.4
TOP = 33 * MM
BOTTOM = 21 * MM


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler) is not installed")
    return path


def _sizes(data: bytes) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [(float(p.mediabox.width), float(p.mediabox.height))
            for p in PdfReader(io.BytesIO(data)).pages]


def body_fill(data: bytes, folder: Path) -> list[float]:
    """Each page's fill: 0 (empty body) to 1 (ink down to the footer)."""
    from PIL import Image

    tool = _tool("pdftoppm")
    pdf = folder / "fill.pdf"
    pdf.write_bytes(data)
    subprocess.run([tool, "-r", "30", "-gray", str(pdf), str(folder / "fill")], check=True)
    images = sorted(folder.glob("fill-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
    out = []
    for image, (_, height) in zip(images, _sizes(data)):
        im = Image.open(image)
        scale = im.size[1] / height
        top, bottom = int(TOP * scale), im.size[1] - int(BOTTOM * scale)
        ink = im.crop((0, top, im.size[0], bottom)).point(lambda v: 255 if v < 140 else 0)
        box = ink.getbbox()
        out.append(0.0 if box is None else box[3] / (bottom - top))
    return out


def page_texts(data: bytes, folder: Path) -> list[str]:
    """Each page's text as pdftotext reads it, runs of white space made one space."""
    pdf = folder / "pages.pdf"
    pdf.write_bytes(data)
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [re.sub(r"\s+", " ", p) for p in out.split("\f")]


def body_lines(data: bytes, folder: Path) -> list[list[str]]:
    """The lines of text of each page's body, top to bottom."""
    tool = _tool("pdftotext")
    pdf = folder / "lines.pdf"
    pdf.write_bytes(data)
    out = folder / "lines.html"
    subprocess.run([tool, "-bbox-layout", str(pdf), str(out)], check=True)
    pages = []
    for page in re.findall(r"<page (.*?)</page>", out.read_text(encoding="utf-8"), re.S):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        lines = []
        for ymin, ymax, body in re.findall(
                r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                page, re.S):
            if float(ymin) < TOP or float(ymax) > height - BOTTOM:
                continue
            words = re.findall(r"<word[^>]*>(.*?)</word>", body, re.S)
            lines.append((float(ymax), html.unescape(" ".join(words))))
        pages.append([text for _, text in sorted(lines)])
    return pages


def headings(study) -> set[str]:
    """Every heading a document prints from the study definition: event and form titles,
    section names."""
    out = {e.label for e in study.events}
    for form in study.forms.values():
        out |= {form.label, f"{form.label} ({form.domain})"}
        out |= {f.section for f in form.fields if f.section}
    return out | {"Data queries", "Visit schedule"}


def orphans(data: bytes, study, folder: Path) -> list[tuple[int, str]]:
    """Pages whose last line of text is a heading: (page number, heading)."""
    names = headings(study)
    found = []
    for number, lines in enumerate(body_lines(data, folder), start=1):
        if lines and lines[-1].strip() in names:
            found.append((number, lines[-1].strip()))
    return found
