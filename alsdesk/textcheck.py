"""Whether a person's words say anything: reasons, notes, query questions and answers.

``"".strip()`` is not enough: zero-width spaces (U+200B), joiners (U+2060), a byte-order mark
(U+FEFF) or a lone full stop pass it, and would stand in the audit trail as a "reason" nobody
can read. A text says something when it holds at least one letter or digit (of any script:
Persian words count).
"""
from __future__ import annotations

import unicodedata

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

__all__ = ["says_something", "NOTHING_VISIBLE", "control_problem", "text_problem", "shown"]

# made at import: a message shows tr(NOTHING_VISIBLE)
NOTHING_VISIBLE = QT_TRANSLATE_NOOP(
    "", "holds no letter or digit (only spaces, punctuation or invisible characters)")


def says_something(text: str | None) -> bool:
    """True when `text` has a letter or a digit in it."""
    return bool(text) and any(unicodedata.category(c)[0] in "LN" for c in text)


def control_problem(text: str | None, *, lines: bool = True) -> str | None:
    """Why `text` may not be kept, for control characters (a terminal escape, a NUL, a bell):
    they print as nothing, or rewrite a terminal that lists them. Newlines and tabs are text
    where `lines` allows several lines."""
    allowed = "\n\t\r" if lines else ""
    # A lone surrogate (U+D800-U+DFFF) is half of a character: it cannot be written as UTF-8
    # (the audit row failed with UnicodeEncodeError), shown or printed.
    broken = [c for c in text or "" if unicodedata.category(c) == "Cs"]
    if broken:
        return tr("holds a broken character (a lone surrogate, U+{code:04X}) that cannot be "
                  "stored, shown or printed: type it again without it").format(
            code=ord(broken[0]))
    bad = [c for c in text or "" if unicodedata.category(c) == "Cc" and c not in allowed]
    if bad:
        return tr("holds a control character (U+{code:04X}) that cannot be shown or printed: "
                  "type it again without it").format(code=ord(bad[0]))
    # Bidi overrides, embeddings and isolates turn the text after them around on screen and
    # on paper ("nurse" shown for "esrun"): Persian and English mix without them.
    turned = [c for c in text or "" if c in _BIDI_CONTROLS]
    if turned:
        return tr("holds a direction control character (U+{code:04X}) that reverses how the "
                  "text after it is shown: type it again without it").format(
            code=ord(turned[0]))
    return None


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(text: object, *, limit: int, lines: bool = True) -> str | None:
    """Why a free text may not be kept: not text, longer than `limit`, or holding a control
    character; worded to follow its name ("The note ...")."""
    if not isinstance(text, str):
        return tr("must be text, not {type}").format(type=type(text).__name__)
    if len(text) > limit:
        return tr("has {n:,} characters; at most {limit:,} are allowed: say it shorter").format(
            n=len(text), limit=limit)
    return control_problem(text, lines=lines)


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message, control and invisible characters written as escapes
    (``'S0\\x1b[31m01'``): what was given is echoed visibly, and never rewrites the terminal
    that shows the message. Letters of any script stay as they are."""
    text = str(text)
    cut = text[:limit]
    return repr(cut) + ("..." if len(text) > limit else "")
