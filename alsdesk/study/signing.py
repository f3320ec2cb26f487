"""Where the protocol needs the investigator's signature, read from the study definition.

``investigator_signature`` on a form or an event is ``true`` or a table ``{ when = "...",
meaning = "..." }``: ``when`` (forms only) is a condition over the form's own fields (an
adverse event is signed when it is serious), ``meaning`` the words printed in the signature
block (21 CFR 11.50). ``[study] casebook_statement`` is the investigator's statement on the
casebook sign-off page; ``[study] lock_unsigned`` says whether a casebook holding unsigned
forms that need a signature may be locked ("warn") or not ("refuse", the default).
A definition without these keys (older files) needs no signature anywhere, as before.
"""
from __future__ import annotations

from typing import Any

from alsdesk.errors import ExpressionError
from alsdesk.rules.expr import parse_expr, undefined_names
from alsdesk.study.model import SignatureNeed
from alsdesk.study.source import Source

__all__ = ["read_need", "read_study_signing", "LOCK_POLICIES"]

LOCK_POLICIES = ("refuse", "warn")
_KEY = "investigator_signature"


def read_need(src: Source, t: dict[str, Any], key: str,
              field_ids: list[str] | None) -> SignatureNeed | None:
    """The ``investigator_signature`` of a form (``field_ids`` its fields) or an event (None)."""
    if _KEY not in t:
        return None
    raw, where = t[_KEY], f"{key}.{_KEY}"
    if isinstance(raw, bool):
        return SignatureNeed() if raw else None
    if not isinstance(raw, dict):
        src.fail(where, "must be true, false or a table { when = \"condition\", meaning = "
                 "\"what the signature means\" }")
    table = src.table(raw, where, "signature")
    when = src.val(table, where, "when", "str")
    meaning = src.val(table, where, "meaning", "str")
    if when is not None:
        if field_ids is None:
            src.fail(f"{where}.when", "an event's signature has no condition: every form of "
                     "the visit is signed; put the condition on the form")
        try:
            names = undefined_names(parse_expr(when), field_ids)
        except ExpressionError as e:
            src.fail(f"{where}.when", str(e))
        if names:
            src.fail(f"{where}.when", f"reads {', '.join(sorted(names))}, which are not "
                     "fields of this form")
    if meaning is not None and len(meaning) > 4000:
        src.fail(f"{where}.meaning", "is at most 4,000 characters (as a signature's meaning)")
    return SignatureNeed(when, meaning)


def read_study_signing(src: Source, info: dict[str, Any]) -> dict[str, Any]:
    """Study keyword arguments: casebook_statement and lock_unsigned."""
    out: dict[str, Any] = {}
    statement = src.val(info, "study", "casebook_statement", "str")
    if statement is not None:
        out["casebook_statement"] = statement
    policy = src.val(info, "study", "lock_unsigned", "str")
    if policy is not None:
        if policy not in LOCK_POLICIES:
            src.fail("study.lock_unsigned", f"unknown value {policy!r}; allowed: "
                     f"{', '.join(LOCK_POLICIES)}")
        out["lock_unsigned"] = policy
    return out
