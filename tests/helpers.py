"""Test data builders shared by the test modules (no fixtures here, plain functions)."""
from __future__ import annotations

ALSFRS_ALL_FOUR = {f"q{i}": 4 for i in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12)} | {"q5a": 4}


def alsfrs_values(**overrides):
    """A complete ALSFRS-R form of a patient without gastrostomy (all items 4 by default)."""
    values = {"gastro": "N", **ALSFRS_ALL_FOUR}
    values.update(overrides)
    return values


def audit_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]


def file_bytes(path) -> bytes:
    return open(path, "rb").read()
