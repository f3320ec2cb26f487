"""The whole audit trail for review: filtered, a page at a time, and exported to CSV.

Monitors and administrators (Action.REVIEW_AUDIT) read it; a form's own history is
ui/history.py's. Values are the stored text, never reformatted or rounded; values of direct
identifiers (and subject initials) are shown as RESTRICTED to a role that may not see them,
in the viewer and in the CSV alike. Pages are read newest first by sequence number (keyset
paging: the next page starts below the last row shown), so a trail of 100,000 rows or more is
never read at once; the CSV holds the filtered rows oldest first, as the trail runs.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from alsdesk.auth import Action, allowed
from alsdesk.errors import AlsDeskError
from alsdesk.exchange.dataset import ExportError, Output
from alsdesk.store.audit import A
from alsdesk.study.values import MONTHS

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["AuditFilter", "AuditEntry", "AuditPage", "FilterError", "RESTRICTED", "ACTIONS",
           "count", "page", "entries", "export_csv", "CSV_COLUMNS", "PAGE_SIZE"]

RESTRICTED = "(restricted)"
PAGE_SIZE = 200
# Every action name the program writes; "user.*" picks a group.
ACTIONS: tuple[str, ...] = tuple(sorted(v for k, v in vars(A).items() if k.isupper()))
GROUPS: tuple[str, ...] = tuple(sorted({a.split(".")[0] + ".*" for a in ACTIONS}))


class FilterError(AlsDeskError):
    """A filter cannot be used as typed (a date that is not one, dates the wrong way round)."""


@dataclass(frozen=True)
class AuditFilter:
    """What to show; an empty text means any. Dates are the clinic's local days, inclusive."""

    subject: str = ""
    form: str = ""
    field: str = ""
    user: str = ""  # who acted
    action: str = ""  # an action name, or a group such as "user.*"
    since: str = ""  # YYYY-MM-DD or DD/MMM/YYYY
    until: str = ""

    def describe(self) -> str:
        """The filter as text for the export's audit row ("all rows" when none)."""
        parts = [f"{f.name}={getattr(self, f.name).strip()}" for f in fields(self)
                 if getattr(self, f.name).strip()]
        return ", ".join(parts) or "all rows"


@dataclass(frozen=True)
class AuditEntry:
    """One audit row as stored (ts is UTC ISO 8601 with its offset)."""

    seq: int
    ts: str
    user_id: str | None
    role: str | None
    action: str
    subject: str | None
    event: str | None
    event_repeat: int | None
    form: str | None
    repeat: int | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None

    def local_ts(self) -> str:
        """The time stamp in this computer's time zone, to the second, with its offset."""
        return datetime.fromisoformat(self.ts).astimezone().isoformat(timespec="seconds")


_SELECT = ("seq, ts, user_id, role, action, subject, event, event_repeat, form, repeat, field, "
           "old_value, new_value, reason")


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    next_before: int | None  # pass as `before` for the next page; None: this was the last


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_DAY = re.compile(r"(\d{1,2})[/ -]([A-Za-z]{3})[/ -](\d{4})")


def parse_day(text: str, what: str) -> date | None:
    """A day typed as YYYY-MM-DD or DD/MMM/YYYY; None when empty."""
    text = text.strip()
    if not text:
        return None
    try:
        if m := _ISO_DAY.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _DMY_DAY.fullmatch(text)) and m[2].upper() in MONTHS:
            return date(int(m[3]), MONTHS.index(m[2].upper()) + 1, int(m[1]))
    except ValueError:
        pass
    raise FilterError(f"The {what} date '{text}' is not a date: write it as 05/MAR/2015 or "
                      "2015-03-05.")


def _utc_start(day: date) -> str:
    """The first moment of a local day as the trail writes time stamps (UTC, microseconds)."""
    moment = datetime.combine(day, time()).astimezone().astimezone(timezone.utc)
    return moment.isoformat(timespec="microseconds")


def _where(filt: AuditFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    for column in ("subject", "form", "field", "user_id"):
        value = getattr(filt, "user" if column == "user_id" else column).strip()
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    action = filt.action.strip()
    if action.endswith(".*"):
        clauses.append("action LIKE ? ESCAPE '\\'")
        args.append(action[:-2].replace("_", "\\_").replace("%", "\\%") + ".%")
    elif action:
        clauses.append("action = ?")
        args.append(action)
    since, until = parse_day(filt.since, "from"), parse_day(filt.until, "to")
    if since and until and since > until:
        raise FilterError("The 'from' date is after the 'to' date: swap them.")
    # Time stamps are UTC text of one format (audit.utc_now), so text order is time order.
    if since:
        clauses.append("ts >= ?")
        args.append(_utc_start(since))
    if until:
        clauses.append("ts < ?")
        args.append(_utc_start(until + timedelta(days=1)))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _masker(store: "Store") -> Callable[[tuple], AuditEntry]:
    """Rows to entries, identifier values replaced for a role that may not see them."""
    if allowed(store.role, Action.VIEW_IDENTIFIERS):
        return lambda row: AuditEntry(*row)
    hidden = {(f.id, fl.id) for f in store.study.forms.values() for fl in f.fields
              if fl.identifier}

    def make(row: tuple) -> AuditEntry:
        entry = AuditEntry(*row)
        if (entry.form, entry.field) in hidden or entry.action == A.SUBJECT_INITIALS:
            return AuditEntry(*row[:11], RESTRICTED if entry.old_value is not None else None,
                              RESTRICTED if entry.new_value is not None else None, row[13])
        return entry
    return make


def count(store: "Store", filt: AuditFilter) -> int:
    """How many rows the filter keeps."""
    store.require(Action.REVIEW_AUDIT)
    where, args = _where(filt)
    return store.conn.execute(f"SELECT count(*) FROM audit_trail{where}", args).fetchone()[0]


def page(store: "Store", filt: AuditFilter, *, before: int | None = None,
         limit: int = PAGE_SIZE) -> AuditPage:
    """Up to `limit` rows newest first, all older than row `before` when given."""
    store.require(Action.REVIEW_AUDIT)
    where, args = _where(filt)
    if before is not None:
        where += (" AND " if where else " WHERE ") + "seq < ?"
        args.append(before)
    rows = store.conn.execute(
        f"SELECT {_SELECT} FROM audit_trail{where} ORDER BY seq DESC LIMIT ?",
        [*args, limit + 1]).fetchall()
    make = _masker(store)
    shown = tuple(make(r) for r in rows[:limit])
    more = len(rows) > limit
    return AuditPage(shown, shown[-1].seq if more and shown else None)


def entries(store: "Store", filt: AuditFilter) -> Iterator[AuditEntry]:
    """Every row the filter keeps, oldest first, read as they are used."""
    store.require(Action.REVIEW_AUDIT)
    where, args = _where(filt)
    make = _masker(store)
    cur = store.conn.execute(f"SELECT {_SELECT} FROM audit_trail{where} ORDER BY seq", args)
    for row in cur:
        yield make(row)


CSV_COLUMNS = ("seq", "time_utc", "time_local", "user_id", "role", "action", "subject",
               "event", "event_repeat", "form", "repeat", "field", "old_value", "new_value",
               "reason")


@dataclass(frozen=True)
class AuditExport:
    path: Path
    rows: int

    def text(self) -> str:
        return f"{self.rows} audit rows written to {self.path}"


def export_csv(store: "Store", filt: AuditFilter, target: str | Path, *,
               overwrite: bool = False,
               progress: Callable[[int, int, str], None] | None = None) -> AuditExport:
    """The filtered rows as one CSV file (UTF-8), written whole or not at all, and audited."""
    store.require(Action.REVIEW_AUDIT)
    store.require(Action.EXPORT)
    total = count(store, filt)
    out = Output(target, folder=False, overwrite=overwrite)
    written = 0
    conn = store.conn
    try:
        conn.execute("BEGIN")  # one consistent read while the file is written
        try:
            with open(out.path("audit.csv"), "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(CSV_COLUMNS)
                for e in entries(store, filt):
                    writer.writerow([e.seq, e.ts, e.local_ts(), e.user_id, e.role, e.action,
                                     e.subject, e.event, e.event_repeat, e.form, e.repeat,
                                     e.field, e.old_value, e.new_value, e.reason])
                    written += 1
                    if progress is not None and written % 5000 == 0:
                        progress(written, total, f"{written} of {total} rows")
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
        with store.transaction():
            store.audit(A.EXPORT, field="audit-csv",
                        new_value=f"audit trail CSV; {written} rows; {filt.describe()}; "
                                  f"file {out.target}")
            try:
                out.commit()
            except OSError as exc:
                raise ExportError(f"Cannot write {out.target}: {exc.strerror}.") from None
    except OSError as exc:
        raise ExportError(f"Cannot write {out.target}: {exc.strerror}.") from None
    finally:
        out.discard()
    return AuditExport(out.target, written)
