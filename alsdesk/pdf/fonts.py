"""The embedded fonts and safe paragraph markup.

reportlab's own Vera covers Latin only; the DejaVu Sans files shipped in resources/fonts
(Bitstream Vera licence, resources/fonts/LICENSE-DejaVu.txt) also cover Greek, Cyrillic,
Arabic and Persian, Hebrew, Armenian and Georgian, so names and notes entered in those
scripts print. reportlab embeds only the glyphs a document uses (a subset), as text that a
reader can search and copy.
"""
from __future__ import annotations

import threading
import unicodedata
from xml.sax.saxutils import escape

from alsdesk.paths import resource_path

REGULAR = "ALSDesk-Sans"
BOLD = "ALSDesk-Sans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the fonts with reportlab once per process (safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        _fix_to_unicode()
        for name, file in _FILES.items():
            path = resource_path("fonts", file)
            if not path.is_file():
                raise FileNotFoundError(f"The font {file} is missing from {path.parent}: "
                                        "reinstall ALS Desk.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> in paragraphs picks the bold face; there is no italic face, so <i> stays upright.
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                      boldItalic=BOLD)
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(REGULAR, bold, italic, face)
        _registered = True


def _utf16(code: int) -> str:
    try:
        return _letters(code).encode("utf-16-be").hex().upper()
    except (UnicodeEncodeError, ValueError):
        return "%04X" % code


def _letters(code: int) -> str:
    """What a drawn glyph stands for in the text layer. Shaped Persian and Arabic are drawn
    as presentation forms (the joined shape of each letter, alsdesk/pdf/shaping.py): the map
    gives the letters themselves (NFKC: the lam-alef ligature is two), so copying or searching
    a printed name finds the stored text, not look-alike codes. A ligature (lam-alef) keeps
    its own code: readers reorder right-to-left text glyph by glyph, and would turn its two
    letters round (pdftotext read "لا" as "ال")."""
    char = chr(code)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        letters = unicodedata.normalize("NFKC", char)
        return letters if len(letters) == 1 else char
    return char


def _fix_to_unicode() -> None:
    """reportlab 5.1 writes a character above U+FFFF (an emoji DejaVu has) into the font's
    ToUnicode map as five hex digits ("<1F600>"), which readers take as U+1F60 'ὠ' (pdftotext)
    or refuse (pypdf). The map must hold UTF-16: a surrogate pair. The function is looked up
    by name when a document is saved, so replacing it in its module is enough."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_alsdesk", False):
        return

    def make(fontname, subset):
        text = original(fontname, subset)
        if all(v <= 0xFFFF and _letters(v) == chr(v) for v in subset):
            return text
        head, _, _ = text.partition("%d beginbfchar" % len(subset))
        return head + "\n".join(["%d beginbfchar" % len(subset)]
                                + ["<%02X> <%s>" % (i, _utf16(v)) for i, v in enumerate(subset)]
                                + ["endbfchar", "endcmap",
                                   "CMapName currentdict /CMap defineresource pop", "end", "end"])

    make._alsdesk = True
    ttfonts.makeToUnicodeCMap = make


def esc(text: object) -> str:
    """Text as paragraph markup: XML-escaped, line breaks kept, control characters as the
    replacement mark (they must not vanish from paper; shaping.MARK)."""
    if text is None:
        return ""
    cleaned = "".join(ch if ch in "\n\t" or 32 <= ord(ch) != 0x7f else "\ufffd"
                      for ch in str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\t", " ").replace("\n", "<br/>")


def missing_glyphs(text: str) -> set[str]:
    """Characters of `text` the embedded font has no glyph for (they print as empty boxes)."""
    register()
    from reportlab.pdfbase import pdfmetrics

    cmap = pdfmetrics.getFont(REGULAR).face.charToGlyph
    return {ch for ch in text if not ch.isspace() and ord(ch) >= 32 and ord(ch) not in cmap}
