"""What the form service reads and returns: records of form instances, signatures, save results.

Kept apart from the service (alsdesk.store.forms) so that readers of records (exports, PDFs,
the window) need not import the save path.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alsdesk.states import FormStatus

if TYPE_CHECKING:
    from alsdesk.rules import engine

__all__ = ["Signature", "FormRecord", "SaveResult", "InstanceSummary", "data_hash"]


@dataclass(frozen=True)
class Signature:
    id: int
    user_id: str
    full_name: str
    role: str
    meaning: str
    signed_at: str
    valid: bool
    invalidated_at: str | None
    invalidated_reason: str | None


@dataclass(frozen=True)
class FormRecord:
    """One form of one subject at one event, as stored (or empty when not started)."""

    subject: str
    event: str
    event_repeat: int
    form: str
    repeat: int
    instance_id: int | None
    status: FormStatus
    values: dict[str, Any]
    missing: dict[str, str]
    version: int = 0
    completed_at: str | None = None
    verified_at: str | None = None
    verified_by: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None
    signatures: tuple[Signature, ...] = ()
    # The study definition versions (alsdesk/store/definitions.py) the form was entered and
    # its data last changed under: the CRF version its printed page shows.
    crf_entered: int = 1
    crf_changed: int = 1
    # Shown empty to a user who may still make its second entry (alsdesk/store/double.py):
    # what each reader prints or shows instead of its values.
    blinded: bool = False

    @property
    def valid_signature(self) -> Signature | None:
        return next((s for s in self.signatures if s.valid), None)


@dataclass(frozen=True)
class SaveResult:
    record: FormRecord
    changed: tuple[str, ...]  # field ids whose value or missing code changed
    findings: tuple[engine.Finding, ...] = ()  # soft findings kept as open queries
    queries: tuple[int, ...] = ()
    # what the save did beyond the form, for the screen to show ("Subject S003 is now
    # enrolled (set by Infusion).", a deviation entry recorded)
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class InstanceSummary:
    instance_id: int
    event: str
    event_repeat: int
    form: str
    repeat: int
    status: FormStatus
    updated_at: str


def _signature(r: tuple) -> Signature:
    return Signature(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8])


def data_hash(rec: FormRecord) -> str:
    """A fingerprint of a form's values and missing codes (kept with each signature)."""
    payload = json.dumps({"values": rec.values, "missing": rec.missing}, sort_keys=True,
                         ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
