"""Storage: one SQLite file with one table per form, users, signatures, queries and the
append-only, hash-chained audit trail."""
from __future__ import annotations

from alsdesk.store.core import Store, VerifyReport
from alsdesk.store.forms import FormRecord, SaveResult, Signature
from alsdesk.store.queries import Query
from alsdesk.store.subjects import Subject
from alsdesk.store.users import User

__all__ = ["Store", "VerifyReport", "FormRecord", "SaveResult", "Signature", "Query",
           "Subject", "User"]
