"""What a user id may be: plain lower-case ASCII, and never a look-alike of another account.

A user id is printed with every audit row and signature. `nurse` and `nurѕe` (a Cyrillic s),
`Admin` and `admin`, `admin1` and `adminl`, `rn.ali` and `m.ali` look the same on a page:
an insider could sign as a twin of a colleague. So ids are NFKC-normalised, limited to
``a-z 0-9 . _ -``, and refused when their skeleton (confusable characters folded together)
matches an existing account's.

Accounts made before this rule keep their ids (an old file may hold `Nurse.Ali`): logging in
with them works as before, the rule applies to new ids only.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

__all__ = ["USER_ID_MAX", "normal_id", "id_problem", "skeleton", "twin_of"]

USER_ID_MAX = 32
_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?")
_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "2": "z", "8": "b"})


def normal_id(text: str) -> str:
    """The id as typed, NFKC-normalised (full-width letters become ASCII) and stripped."""
    return unicodedata.normalize("NFKC", text).strip()


def id_problem(user_id: object) -> str | None:
    """Why `user_id` (as typed, spaces around it aside) may not name a new account, or None.

    A full-width or other compatibility form (ｎｕｒｓｅ) is refused with its plain form
    rather than changed silently: the person logs in with what they typed."""
    if not isinstance(user_id, str) or not user_id:
        return "Type a user id: one word of letters, digits, '.', '_' or '-' (e.g. 'nurse.ali')."
    plain = normal_id(user_id)
    if plain != user_id and _PATTERN.fullmatch(plain.lower()):
        return f"Type the user id in plain letters and digits: '{plain.lower()}'."
    if len(user_id) > USER_ID_MAX:
        return f"A user id has at most {USER_ID_MAX} characters: choose a shorter one."
    if user_id != user_id.lower() and _PATTERN.fullmatch(user_id.lower()):
        return f"A user id is written in lower case: use '{user_id.lower()}'."
    if not _PATTERN.fullmatch(user_id):
        return ("A user id is one word of lower-case letters a-z, digits, '.', '_' or '-', "
                "starting and ending with a letter or digit (e.g. 'nurse.ali').")
    return None


def skeleton(user_id: str) -> str:
    """The id as it may look on a page: case, look-alike digits and rn/m, vv/w folded."""
    text = unicodedata.normalize("NFKC", user_id).lower()
    text = text.replace("rn", "m").replace("vv", "w")
    return re.sub(r"[._-]", "", text.translate(_FOLD))


def twin_of(user_id: str, existing: Iterable[str]) -> str | None:
    """The existing id that `user_id` could be mistaken for, if any (itself excluded)."""
    mine = skeleton(user_id)
    for other in existing:
        if other != user_id and skeleton(other) == mine:
            return other
    return None
