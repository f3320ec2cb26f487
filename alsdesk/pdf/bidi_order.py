"""The order of a printed line of mixed directions: the bidi algorithm's levels, reordered.

python-bidi's Rust core (the unicode-bidi crate) implements the whole algorithm (brackets
paired, isolates) but gives back only a display string; a line on paper is made of runs of
several styles (bold, grey), so the levels are read from its debug description and the
reordering (L1, L2) and mirroring (L4) are done here, character by character. Its pure-Python
module (of before Unicode 6.3) misplaced brackets: "(C (CRP" for "C (CRP)" in a Persian line.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["FORMATTING", "reorder", "still_open"]

# embeddings and isolates: ordered by the bidi algorithm, which gives them no place (X9)
FORMATTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c",
            "\u202e": "\u202c", "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}


def still_open(text: str) -> str:
    """The embeddings and isolates `text` opens and does not close, in order."""
    stack: list[str] = []
    for ch in text:
        if ch in _OPENERS:
            stack.append(ch)
        elif stack and ch == _OPENERS[stack[-1]]:
            stack.pop()
    return "".join(stack)


def reorder(segments: list[tuple[str, object]], rtl: bool) -> list[tuple[str, object]]:
    """Segments of one line (text, style) in logical order -> in visual order, left to right.

    The levels are python-bidi's (the unicode-bidi crate's whole algorithm: brackets paired
    (N0), isolates; its pure-Python module of before Unicode 6.3 put the closing bracket of
    "C (CRP)" in a Persian line at the far left); the reordering of the levels (L1, L2) and
    the mirroring (L4) are done here, per character, so each character keeps its segment's
    style (bold words stay bold wherever they move).
    """
    text = "".join(s for s, _ in segments)
    levels = _levels(text, rtl)
    chars = [(ch, style) for s, style in segments for ch in s]
    base = 1 if rtl else 0
    end = len(chars)
    while end and chars[end - 1][0] == " ":  # L1: trailing spaces at the paragraph's level
        end -= 1
        levels[end] = base
    # X9: embeddings, isolates and boundary neutrals (a ZWNJ, its work done by the shaping)
    # take no place
    kept = [(ch, style, level) for (ch, style), level in zip(chars, levels)
            if ch not in FORMATTING and unicodedata.bidirectional(ch) != "BN"]
    order = list(range(len(kept)))
    odd = [level for *_, level in kept if level % 2]
    if odd:
        for level in range(max(k[2] for k in kept), min(odd) - 1, -1):  # L2
            i = 0
            while i < len(order):
                if kept[order[i]][2] < level:
                    i += 1
                    continue
                j = i
                while j < len(order) and kept[order[j]][2] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
    out: list[tuple[str, object]] = []
    for n in order:
        ch, style, level = kept[n]
        if level % 2:
            ch = _MIRRORED.get(ch, ch)  # L4: "(" of a right-to-left run is drawn ")"
        if out and out[-1][1] is style:
            out[-1] = (out[-1][0] + ch, style)
        else:
            out.append((ch, style))
    return out


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _levels(text: str, rtl: bool) -> list[int]:
    """The resolved bidi level of each character of one line (python-bidi's crate gives
    them only in its debug description, per UTF-8 byte: the version is pinned below 0.7,
    and a description not read whole is refused, never guessed)."""
    from bidi import get_display

    info = get_display(text, base_dir="R" if rtl else "L", debug=True)
    # the last "levels:" is the crate's own (the text, shown first, may hold the word)
    part = info.rsplit("paragraphs:", 1)[0].rsplit("levels:", 1)[1]
    per_byte = [int(n) for n in _LEVEL.findall(part)]
    if len(per_byte) != len(text.encode("utf-8")):
        raise RuntimeError("python-bidi's description of the levels was not understood: "
                           "check the version pinned in pyproject.toml")
    out, at = [], 0
    for ch in text:
        out.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    return out


def _mirrors() -> dict[str, str]:
    from bidi.algorithm import MIRRORED

    return dict(MIRRORED)


_MIRRORED = _mirrors()
