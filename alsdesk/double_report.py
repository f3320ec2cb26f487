"""The double data entry report: per form, per subject and per user, the forms awaiting their
second entry, the differences found and resolved, and the error rate per 10,000 fields
(the figure sites report); as a page (ui.double_report), a PDF (alsdesk.pdf.double_report)
and a CSV (write_csv).

Per form, per subject and in total the rate is differences per fields compared. Per user it
is that keyer's errors per field they keyed: a difference resolved to the second entry's
value was the first keyer's error (whoever keyed that field), one resolved to the first
entry's value the second keyer's, one resolved to a third value both keyers'. A difference
not yet resolved is nobody's error yet.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.double_entry import error_rate
from alsdesk.store.audit import A, CODE_ACTIONS, VALUE_ACTIONS

if TYPE_CHECKING:
    from alsdesk.store.core import Store


@dataclass
class Tally:
    """One row of a table: forms and fields of one form, subject or user (or all)."""

    name: str
    awaiting: int = 0  # forms keyed once, waiting for their second entry
    keyed: int = 0  # forms keyed twice
    fields: int = 0  # fields compared (a user's: fields they keyed in those forms)
    differences: int = 0
    resolved: int = 0
    errors: int | None = None  # users only: the differences that were theirs
    withdrawn: int = 0  # second entries taken back (a user's: those they had keyed)

    @property
    def open(self) -> int:
        return self.differences - self.resolved

    @property
    def rate(self) -> float:
        return error_rate(self.differences if self.errors is None else self.errors,
                          self.fields)


@dataclass(frozen=True)
class Waiting:
    """A form keyed once (or with differences open): where it is and who keyed what."""

    subject: str
    event: str
    event_repeat: int
    form: str
    repeat: int
    instance_id: int
    first_by: tuple[str, ...]
    since: str  # its last save
    second_by: str | None = None
    open: int = 0  # differences to resolve


@dataclass
class Report:
    forms: list[Tally] = field(default_factory=list)
    subjects: list[Tally] = field(default_factory=list)
    users: list[Tally] = field(default_factory=list)
    total: Tally = field(default_factory=lambda: Tally("all"))
    awaiting: list[Waiting] = field(default_factory=list)
    unresolved: list[Waiting] = field(default_factory=list)


def report(store: "Store") -> Report:
    """The report of the file as it is now (any role that views data)."""
    store.require(Action.VIEW_DATA)
    study, conn = store.study, store.conn
    double = [f for f in study.forms.values() if f.double_entry]
    out = Report()
    forms = {f.id: Tally(f.id) for f in double}
    subjects: dict[str, Tally] = {}
    users: dict[str, Tally] = {}
    double_ids = set(forms)
    entries = {e.instance_id: e for e in store.double.entries()}
    rows = conn.execute(
        "SELECT fi.id, s.code, fi.event, fi.event_repeat, fi.form, fi.repeat, fi.status, "
        "fi.completed_at, fi.updated_at FROM form_instances fi JOIN subjects s ON s.id = "
        "fi.subject_id ORDER BY s.number, fi.id").fetchall()
    for iid, code, event, ev_rep, form, rep, status, completed_at, updated_at in rows:
        # forms keyed twice now, and any keyed twice under an earlier definition
        if (form not in double_ids and iid not in entries) or status == "deleted":
            continue
        entry = entries.get(iid)
        by_form = forms.setdefault(form, Tally(form))
        by_subject = subjects.setdefault(code, Tally(code))
        place = (code, event, ev_rep, form, rep, iid)
        if entry is None:
            if form in double_ids and not completed_at:
                keyers = store.double.first_keyers(iid, False)  # awaiting: not keyed twice
                out.awaiting.append(Waiting(*place, keyers, updated_at))
                for t in (by_form, by_subject, out.total):
                    t.awaiting += 1
            continue
        resolved = sum(d.resolved for d in entry.differences)
        for t in (by_form, by_subject, out.total):
            t.keyed += 1
            t.fields += entry.fields
            t.differences += len(entry.differences)
            t.resolved += resolved
        if entry.open:
            out.unresolved.append(Waiting(*place, entry.first_by, entry.entered_at,
                                          entry.entered_by, len(entry.open)))
        _by_user(conn, users, entry)
    _withdrawn(conn, forms, subjects, users, out.total)
    out.forms = list(forms.values())
    out.subjects = list(subjects.values())
    out.users = sorted(users.values(), key=lambda t: t.name)
    return out


def _withdrawn(conn, forms: dict, subjects: dict, users: dict, total: Tally) -> None:
    """Second entries taken back: counted where they were made and for who keyed them (the
    audit trail keeps them; the tables no longer do)."""
    for form, code, user in conn.execute(
            "SELECT w.form, w.subject, (SELECT e.user_id FROM audit_trail e WHERE "
            "e.instance_id = w.instance_id AND e.action = ? AND e.seq < w.seq ORDER BY e.seq "
            "DESC LIMIT 1) FROM audit_trail w WHERE w.action = ?",
            (A.DOUBLE_ENTRY, A.DOUBLE_WITHDRAWN)):
        for t in (forms.setdefault(form, Tally(form)), subjects.setdefault(code, Tally(code)),
                  total):
            t.withdrawn += 1
        if user:
            users.setdefault(user, Tally(user, errors=0)).withdrawn += 1


def _by_user(conn, users: dict[str, Tally], entry) -> None:
    """Fields keyed and errors of each keyer of one form keyed twice."""
    who_keyed = _field_keyers(conn, entry)
    keyers = set(entry.first_by) | {entry.entered_by}
    for user in keyers:
        t = users.setdefault(user, Tally(user, errors=0))
        t.keyed += 1
        mine = sum(1 for f, u in who_keyed.items() if u == user)
        t.fields += entry.fields if user == entry.entered_by else min(mine, entry.fields)
        t.differences += len(entry.differences)
        t.resolved += sum(d.resolved for d in entry.differences)
    for d in entry.differences:
        blamed = {"second": {who_keyed.get(d.field)}, "first": {entry.entered_by},
                  "other": {who_keyed.get(d.field), entry.entered_by}}.get(_chosen(d), set())
        for user in blamed - {None}:
            users.setdefault(user, Tally(user, errors=0)).errors += 1


def _chosen(d) -> str:
    """Which entry a resolution kept: "other" typed equal to one entry's is that entry's
    (the other keyer erred, not both)."""
    if d.chosen == "other":
        kept = (d.resolved_value, d.resolved_missing)
        if kept == (d.first_value, d.first_missing):
            return "first"
        if kept == (d.second_value, d.second_missing):
            return "second"
    return d.chosen or ""


def _field_keyers(conn, entry) -> dict[str, str]:
    """Field -> who last keyed it in the first entry, before the second entry was made (a
    field both left blank, but compared because required, is the form's creator's)."""
    acts = sorted(VALUE_ACTIONS | CODE_ACTIONS)
    out: dict[str, str] = {}
    for fid, user in conn.execute(
            f"SELECT field, user_id FROM audit_trail WHERE instance_id = ? AND action IN "
            f"({', '.join('?' * len(acts))}) AND seq < (SELECT max(seq) FROM audit_trail "
            "WHERE instance_id = ? AND action = ?) ORDER BY seq",
            (entry.instance_id, *acts, entry.instance_id, A.DOUBLE_ENTRY)):
        out[fid] = user
    creator = entry.first_by[0] if entry.first_by else None
    for d in entry.differences:
        if d.field not in out and creator:
            out[d.field] = creator
    return out


# The CSV's columns (English: what R and pandas read), and the first column's tables.
CSV_COLUMNS = ("table", "name", "awaiting_second_entry", "keyed_twice", "fields_compared",
               "differences", "resolved", "unresolved", "errors", "error_rate_per_10000",
               "second_entries_withdrawn")
TABLES = ("form", "subject", "user", "total")


def rows(rep: Report) -> list[tuple]:
    """Every tally as a CSV row, the tables in the order of TABLES."""
    out = []
    for table, tallies in zip(TABLES, (rep.forms, rep.subjects, rep.users, [rep.total])):
        for t in tallies:
            out.append((table, t.name, t.awaiting, t.keyed, t.fields, t.differences,
                        t.resolved, t.open, t.differences if t.errors is None else t.errors,
                        round(t.rate, 1), t.withdrawn))
    return out


def csv_text(rep: Report) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows(rep))
    return buf.getvalue()


def write_csv(store: "Store", path, *, force: bool = False) -> Report:
    """The report as CSV at `path` (UTF-8), recorded in the audit trail as an export (the
    rules of every file the user names: alsdesk.outfile)."""
    from pathlib import Path

    from alsdesk.outfile import write_bytes

    rep = report(store)
    target = Path(path)
    write_bytes(target, csv_text(rep).encode("utf-8"), force=force)
    if not store.readonly:
        with store.transaction():
            store.audit(A.EXPORT, new_value=f"double entry report (CSV) to {target.name}")
    return rep
