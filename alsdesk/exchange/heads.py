"""Where each export format carries the audit head (see alsdesk.anchor).

An export taken home or sent to the sponsor is out of reach of whoever can rewrite the
database, so the head it carries lets `alsdesk verify` prove later that the file's chain
still holds that row. The head is never a data column (statistics packages and REDCap would
read it as data): CSV and REDCap folders carry it in README.txt, ODM in the root element's
Description, an attribute the ODM 1.3.2 schema allows (comments would be lost by readers
that rebuild the document, and the schema has no extension attribute on ODM).
alsdesk.anchor_read finds it again in each.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alsdesk.exchange.dataset import Snapshot

WHAT = ("the last row of the audit trail when this export was read; "
        "`alsdesk verify --against` checks that the database still holds it")


def readme_line(snap: "Snapshot") -> str:
    """The README's line: 'Audit head 1234:3f9a2b7c1d0e4f5a (the last row of ...).'"""
    if snap.head is None:
        return ""
    return f"{snap.head.label()} ({WHAT}).\n"


def odm_description(snap: "Snapshot") -> str:
    """The ODM root's Description: the study, then the audit head."""
    study = snap.study
    text = f"{study.title} ({study.protocol})"
    return f"{text}; {snap.head.label()}" if snap.head is not None else text
