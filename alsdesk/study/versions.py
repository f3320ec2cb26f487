"""What identifies one version of a study definition: its digest and its CRF version label.

The digest covers the definition's text and its companion files exactly as stored (a comment
changed is a new digest: the stored text is what an inspector reads). Labels are compared as
numbers separated by dots (1.0 < 1.1 < 1.10 < 2.0), the way protocol amendments are numbered.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Mapping

from alsdesk.errors import DefinitionError

# [0-9], not \d: "۱.۱" (Persian digits) would pass and then be the same as "1.1"
_LABEL = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,5}")


def digest(text: str, companions: Mapping[str, str]) -> str:
    """SHA-256 (hex) of the definition and its companions, in a canonical JSON form."""
    body = json.dumps({"definition": text, "companions": dict(sorted(companions.items()))},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def label_key(label: str) -> tuple[int, ...] | None:
    """(1, 10) for "1.10"; None when the label is not numbers separated by dots.

    Trailing zero parts do not count: "1.0.0", "1.00" and "1" are one version, as a reader
    of the protocol takes them (otherwise "1.0.0" would be an amendment of "1.0")."""
    if not _LABEL.fullmatch(label or ""):
        return None
    parts = [int(p) for p in label.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def require_newer(file: str, new: str, stored: str) -> None:
    """Refuse a crf_version that does not come after the stored one, saying what to write."""
    new_key, old_key = label_key(new), label_key(stored)
    if new_key is None:
        raise DefinitionError(file, "study.crf_version", f"{new!r} is not a version number: "
                              "write numbers separated by dots (for example "
                              f"\"{_next(stored)}\") so that newer and older can be told apart")
    if old_key is not None and new_key <= old_key:
        what = "the same as" if new_key == old_key else "older than"
        raise DefinitionError(file, "study.crf_version", f"{new!r} is {what} the database's "
                              f"CRF version {stored!r}: an amendment needs a newer version "
                              f"(for example \"{_next(stored)}\")")


def _next(label: str) -> str:
    if label_key(label) is None:
        return "2.0"
    key = [int(p) for p in label.split(".")]  # as written: "1.0" -> "1.1", not "2"
    return ".".join(str(p) for p in (*key[:-1], key[-1] + 1))
