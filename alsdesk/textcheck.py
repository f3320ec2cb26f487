"""Whether a person's words say anything: reasons, notes, query questions and answers.

``"".strip()`` is not enough: zero-width spaces (U+200B), joiners (U+2060), a byte-order mark
(U+FEFF) or a lone full stop pass it, and would stand in the audit trail as a "reason" nobody
can read. A text says something when it holds at least one letter or digit (of any script:
Persian words count).
"""
from __future__ import annotations

import unicodedata

__all__ = ["says_something", "NOTHING_VISIBLE", "control_problem"]

NOTHING_VISIBLE = "holds no letter or digit (only spaces, punctuation or invisible characters)"


def says_something(text: str | None) -> bool:
    """True when `text` has a letter or a digit in it."""
    return bool(text) and any(unicodedata.category(c)[0] in "LN" for c in text)


def control_problem(text: str | None, *, lines: bool = True) -> str | None:
    """Why `text` may not be kept, for control characters (a terminal escape, a NUL, a bell):
    they print as nothing, or rewrite a terminal that lists them. Newlines and tabs are text
    where `lines` allows several lines."""
    allowed = "\n\t\r" if lines else ""
    bad = [c for c in text or "" if unicodedata.category(c) == "Cc" and c not in allowed]
    if not bad:
        return None
    return (f"holds a control character (U+{ord(bad[0]):04X}) that cannot be shown or printed: "
            "type it again without it")
