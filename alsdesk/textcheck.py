"""Whether a person's words say anything: reasons, notes, query questions and answers.

``"".strip()`` is not enough: zero-width spaces (U+200B), joiners (U+2060), a byte-order mark
(U+FEFF) or a lone full stop pass it, and would stand in the audit trail as a "reason" nobody
can read. A text says something when it holds at least one letter or digit (of any script:
Persian words count).
"""
from __future__ import annotations

import unicodedata

__all__ = ["says_something", "NOTHING_VISIBLE"]

NOTHING_VISIBLE = "holds no letter or digit (only spaces, punctuation or invisible characters)"


def says_something(text: str | None) -> bool:
    """True when `text` has a letter or a digit in it."""
    return bool(text) and any(unicodedata.category(c)[0] in "LN" for c in text)
