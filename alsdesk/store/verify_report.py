"""What `alsdesk verify` found, and its text for a data manager (kept apart from the Store)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alsdesk.anchor_check import AnchorReport


@dataclass(frozen=True)
class VerifyReport:
    """What `alsdesk verify` found: integrity, audit chain, replay, signatures, schema,
    accounts and the other audited tables."""

    integrity: list[str]
    chain_rows: int
    chain_problems: list[str]
    replay_problems: list[str]
    # Signature rows against the audit trail and their signed data; the file's tables,
    # columns and triggers against what the program creates (alsdesk.store.verify_more).
    signature_problems: list[str] = field(default_factory=list)
    schema_problems: list[str] = field(default_factory=list)
    # Users, roles, passwords and lockouts against their audit rows (verify_users); queries,
    # settings, subjects' details and form details against theirs (verify_tables).
    account_problems: list[str] = field(default_factory=list)
    record_problems: list[str] = field(default_factory=list)
    # Heads kept outside the file the chain does not contain (alsdesk.anchor_check); notes
    # (a backup folder not connected, a restore's rewind) do not fail the check.
    anchors: "AnchorReport | None" = None
    # Audit times that step back or lie in the future (alsdesk.store.clock): notes only.
    time_notes: list[str] = field(default_factory=list)
    # Fields a file of format 2 holds that the definition it would be given lacks
    # (alsdesk.store.format2): not damage, but the file cannot be opened for work.
    definition_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and not self.chain_problems
                and not self.replay_problems and not self.signature_problems
                and not self.schema_problems and not self.account_problems
                and not self.record_problems and not self.definition_problems
                and not (self.anchors is not None and self.anchors.problems))

    @property
    def only_definition(self) -> bool:
        """Failed only because the definition a file of format 2 would get lacks fields."""
        return bool(self.definition_problems) and dataclasses.replace(
            self, definition_problems=[]).ok

    def text(self) -> str:
        lines = [
            "SQLite integrity check: " + ("ok" if self.integrity == ["ok"] else "FAILED"),
            *(f"  {p}" for p in self.integrity if p != "ok"),
            f"Audit trail: {self.chain_rows} rows, "
            + ("hash chain intact" if not self.chain_problems else "hash chain BROKEN"),
            *(f"  {p}" for p in self.chain_problems),
            "Replay of the audit trail: "
            + ("matches the data" if not self.replay_problems else "DOES NOT match the data"),
            *(f"  {p}" for p in self.replay_problems),
            "Signatures: " + ("match the audit trail and the signed data"
                              if not self.signature_problems else "DO NOT match"),
            *(f"  {p}" for p in self.signature_problems),
            "Tables, columns and triggers: " + ("as the program made them"
                                                if not self.schema_problems else
                                                "CHANGED behind the program"),
            *(f"  {p}" for p in self.schema_problems),
            "Accounts, roles, passwords and lockouts: " + (
                "match the audit trail" if not self.account_problems else
                "DO NOT match the audit trail"),
            *(f"  {p}" for p in self.account_problems),
            "Queries, settings, subject and form details, second entries: " + (
                "match the audit trail" if not self.record_problems else
                "DO NOT match the audit trail"),
            *(f"  {p}" for p in self.record_problems),
            *(["Study definition to store at the migration: LACKS fields the file holds"]
              if self.definition_problems else []),
            *(f"  {p}" for p in self.definition_problems),
            *(self.anchors.lines() if self.anchors is not None else []),
            *(["Audit times: in order" if not self.time_notes else
               "Audit times: NOT always in order (notes; a clock put right explains them)"]),
            *(f"  note: {n}" for n in self.time_notes),
        ]
        return "\n".join(lines)
