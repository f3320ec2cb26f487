"""What the audit sink and the settings accept: reasons that say something, printable text.

Every audit row passes :func:`_readable_reason` and :func:`_printable` in ``Store.audit`` and
``Store.audit_many``, whichever path its text came by.
"""
from __future__ import annotations

import re

from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.textcheck import NOTHING_VISIBLE, control_problem, says_something

REASON_MAX = 4000  # characters: a reason prints on the audit pages of a casebook
# A site setting is one line (a folder, a number, a format): a long path fits in 1,000.
SETTING_MAX = 1000
_SETTING_KEY = re.compile(r"[a-z][a-z0-9_.]{0,63}")


# Control characters but tab and line breaks, the bidi overrides, embeddings and isolates.
# Lone surrogates too: not UTF-8, so the row could not even be written.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")


def _printable(*texts: object) -> None:
    """No terminal escape or hidden control reaches the trail, by whichever path: every new
    text is checked where it is first kept (values, names, settings, paths); this is the net
    under those checks. Old values are not checked: a file from before them must still let
    its values be changed."""
    for text in texts:
        if isinstance(text, str) and (found := _UNPRINTABLE.search(text)):
            raise WorkflowError(tr("The text to record holds a control character "
                                   "(U+{code:04X}) that cannot be shown or printed: type it "
                                   "again without it.").format(code=ord(found.group())))


def _readable_reason(reason: object) -> None:
    """Every reason reaches the audit trail here: one that says nothing is refused (its
    transaction rolls back), whichever path it came by."""
    if isinstance(reason, str) and reason and not says_something(reason):
        raise ReasonRequired(tr("The reason {problem}: say in words why.").format(
            problem=tr(NOTHING_VISIBLE)))
    if isinstance(reason, str) and (problem := control_problem(reason)):
        raise ReasonRequired(tr("The reason {problem}.").format(problem=problem))
    if isinstance(reason, str) and len(reason) > REASON_MAX:
        raise ReasonRequired(tr("The reason has {n:,} characters; at most {most:,} are "
                                "allowed: say it shorter.").format(n=len(reason),
                                                                   most=REASON_MAX))
