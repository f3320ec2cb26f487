"""Double data entry: a form keyed twice from its paper page by two people, the two entries
compared field by field, and each difference resolved, with a reason, before the form can be
completed (issue 19).

The first entry is the form itself, keyed as any other. The second is made blind (the screen
shows none of the first entry's values) by someone who keyed none of the first, and is kept
apart, in second_entries; what the comparison (alsdesk.double_entry) found is kept with it,
one row per difference in entry_differences. The first keyer or a third person, never the
second keyer, resolves each difference by choosing the first value, the second or another
one read from the paper; the value goes into the form through the ordinary save, with the
reason, so the form's own audit rows say what changed and why. Until every difference is
resolved the form does not change otherwise and cannot be completed; after, a change needs a
reason (the reason-for-change path of a completed form). Every step has its audit rows and
`alsdesk verify` rebuilds these tables from them (alsdesk.store.verify_double).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from alsdesk.argcheck import checked
from alsdesk.auth import Action
from alsdesk.double_entry import Entry, compare
from alsdesk.errors import ReasonRequired, ValidationError, WorkflowError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.store.audit import A, CODE_ACTIONS, VALUE_ACTIONS, place_of, utc_now
from alsdesk.store.double_rules import DoubleEntryRules, unanswered  # noqa: F401 - re-export
from alsdesk.study import values as fv
from alsdesk.study.model import Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.store.records import FormRecord

# what a user who may still make a form's second entry is shown of its first (alsdesk.pdf
# prints it in each field; forms.get gives them an empty record)
BLIND = QT_TRANSLATE_NOOP("", "(not shown: awaits its second entry)")
REASON_MAX = 2000  # characters of a resolution's reason (a difference's, printed beside it)


class State(str, Enum):
    """Where a form stands in its double entry."""

    NOT_NEEDED = QT_TRANSLATE_NOOP("", "not keyed twice")
    # completed before its form asked for double entry (an amendment switched it on later)
    EXEMPT = QT_TRANSLATE_NOOP("", "completed before double entry applied")
    AWAITING = QT_TRANSLATE_NOOP("", "awaiting second entry")
    DIFFERENCES = QT_TRANSLATE_NOOP("", "differences to resolve")
    RESOLVED = QT_TRANSLATE_NOOP("", "both entries agree")

    @property
    def shown(self) -> str:
        return tr(self.value)


@dataclass(frozen=True)
class Disagreement:
    """One field the two entries differed on, each side as keyed (texts as the audit trail
    holds them: fv.to_text), and its resolution once made."""

    field: str
    first_value: str | None
    first_missing: str | None
    second_value: str | None
    second_missing: str | None
    chosen: str | None = None  # "first", "second" or "other"
    resolved_value: str | None = None
    resolved_missing: str | None = None
    reason: str | None = None
    resolved_by: str | None = None
    resolved_at: str | None = None

    @property
    def resolved(self) -> bool:
        return self.chosen is not None


@dataclass(frozen=True)
class SecondEntry:
    id: int
    instance_id: int
    entered_by: str
    entered_at: str
    values: Mapping[str, Any]
    missing: Mapping[str, str]
    first_by: tuple[str, ...]  # who keyed the first entry, first to last
    fields: int  # fields compared
    differences: tuple[Disagreement, ...]
    resolved_at: str | None
    resolved_by: str | None

    @property
    def open(self) -> tuple[Disagreement, ...]:
        return tuple(d for d in self.differences if not d.resolved)


@dataclass(frozen=True)
class Decision:
    """How one difference is resolved: `choice` "first", "second" or "other" (then `value`,
    a storage value as forms.save takes, or `missing`, a missing-data code)."""

    field: str
    choice: str
    reason: str
    value: Any = None
    missing: str | None = None


def side_text(value: str | None, missing: str | None) -> str | None:
    """One side of a difference as one text (an audit row's value column): the code when
    the field was given a missing-data code."""
    return missing if value is None else value


_ENTRY_COLS = ("id, instance_id, entered_by, entered_at, entry, first_by, fields, "
               "resolved_at, resolved_by")
_DIFF_COLS = ("field, first_value, first_missing, second_value, second_missing, chosen, "
              "resolved_value, resolved_missing, reason, resolved_by, resolved_at")


@checked
class DoubleEntryService(DoubleEntryRules):
    def __init__(self, store: "Store") -> None:
        self.store = store
        # Set while a resolution writes its values into the form (the form refuses other
        # changes while differences are open) and while an import brings forms complete
        # as the source had them (they were keyed, and checked, where they came from).
        self._resolving: int | None = None
        self._importing = False
        self._has_tables: bool | None = None

    @property
    def conn(self):
        return self.store.conn

    # -- reading ------------------------------------------------------------------------

    def entry(self, instance_id: int) -> SecondEntry | None:
        """The second entry of a form instance, with its differences; None if none yet."""
        if not self._tables():
            return None
        row = self.conn.execute(f"SELECT {_ENTRY_COLS} FROM second_entries WHERE "
                                "instance_id = ?", (instance_id,)).fetchone()
        return None if row is None else self._entry(row)

    def entries(self) -> list[SecondEntry]:
        """Every second entry, oldest first (the reports)."""
        if not self._tables():
            return []
        return [self._entry(r) for r in self.conn.execute(
            f"SELECT {_ENTRY_COLS} FROM second_entries ORDER BY id")]

    def _entry(self, row: tuple) -> SecondEntry:
        eid, iid, by, at, text, first_by, fields, resolved_at, resolved_by = row
        try:
            kept = json.loads(text)
            values, missing = dict(kept["values"]), dict(kept["missing"])
        except (ValueError, TypeError, KeyError):
            values, missing = {}, {}  # damaged behind the program: verify says so
        diffs = tuple(Disagreement(*r) for r in self.conn.execute(
            f"SELECT {_DIFF_COLS} FROM entry_differences WHERE entry_id = ? ORDER BY rowid",
            (eid,)))
        return SecondEntry(eid, iid, by, at, values, missing,
                           tuple(u for u in first_by.split(",") if u), fields, diffs,
                           resolved_at, resolved_by)

    def _tables(self) -> bool:
        """Whether the file has the tables (a read-only look at a file of format 3 has not;
        a file opened for work was migrated before its services were made)."""
        if self._has_tables is None:
            self._has_tables = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                "'second_entries'").fetchone() is not None
        return self._has_tables

    def state(self, record: "FormRecord") -> State:
        """Where this form stands (the form page, the visit matrix and the reports)."""
        if not self.store.study.form(record.form).double_entry:
            return State.NOT_NEEDED
        entry = self.entry(record.instance_id) if record.instance_id is not None else None
        if entry is None:
            return State.EXEMPT if record.completed_at else State.AWAITING
        return State.DIFFERENCES if entry.open else State.RESOLVED

    def pending(self, subject: str) -> dict[int, State]:
        """A subject's forms keyed twice that wait on it: instance id -> AWAITING (no second
        entry yet) or DIFFERENCES (to resolve); for the visit matrix, in two reads."""
        double = [f.id for f in self.store.study.forms.values() if f.double_entry]
        if not double or not self._tables():
            return {}
        rows = self.conn.execute(
            "SELECT fi.id, se.id IS NOT NULL, se.resolved_at IS NULL FROM form_instances fi "
            "JOIN subjects s ON s.id = fi.subject_id LEFT JOIN second_entries se ON "
            "se.instance_id = fi.id WHERE s.code = ? AND fi.completed_at IS NULL AND "
            f"fi.status NOT IN ('deleted', 'locked') AND fi.form IN "
            f"({', '.join('?' * len(double))})", (subject, *double))
        return {iid: State.DIFFERENCES if keyed else State.AWAITING
                for iid, keyed, open_ in rows if not keyed or open_}

    def first_keyers(self, instance_id: int, keyed_twice: bool | None = None
                     ) -> tuple[str, ...]:
        """Who keyed any of the first entry (made the form, entered or changed a value or a
        code) before its second entry, in the order they first did. `keyed_twice`: whether
        it has a second entry, when the caller knows (else it is read)."""
        if keyed_twice is None:
            keyed_twice = self._tables() and self.conn.execute(
                "SELECT 1 FROM second_entries WHERE instance_id = ?",
                (instance_id,)).fetchone() is not None
        acts = sorted(VALUE_ACTIONS | CODE_ACTIONS | {A.FORM_CREATE})
        sql = (f"SELECT user_id FROM audit_trail WHERE instance_id = ? AND action IN "
               f"({', '.join('?' * len(acts))})")
        args: list[Any] = [instance_id, *acts]
        if keyed_twice:
            sql += " AND seq < (SELECT max(seq) FROM audit_trail WHERE instance_id = ? AND " \
                   "action = ?)"
            args += [instance_id, A.DOUBLE_ENTRY]
        users = [r[0] for r in self.conn.execute(sql + " ORDER BY seq", args)]
        return tuple(dict.fromkeys(u for u in users if u))

    # -- the second entry ---------------------------------------------------------------

    def enter(self, subject: str, event: str, form: str, values: Mapping[str, Any],
              missing: Mapping[str, str] | None = None, *, event_repeat: int = 1,
              repeat: int = 1) -> SecondEntry:
        """Keep the second entry of a form (storage values, as forms.save takes them; a
        field not given was left blank) and what comparing it with the first found."""
        values = {k: v for k, v in dict(values).items() if v is not None}
        missing = {k: c for k, c in dict(missing or {}).items() if c}
        forms = self.store.forms
        with self.store.transaction():
            forms._check_place(event, form, event_repeat, repeat)
            record = forms._current(subject, event, form, event_repeat, repeat)
            if (why := self.refusal(record)):
                raise WorkflowError(why)
            fdef = self.store.study.form(form)
            forms._validate_input(fdef, values, missing)  # a value or a code, as any save
            # the fields in the form's order: the entry reads as the paper page does
            values = {f: values[f] for f in fdef.field_ids if f in values}
            missing = {f: missing[f] for f in fdef.field_ids if f in missing}
            found = compare(fdef, Entry(record.values, record.missing), Entry(values, missing))
            now = utc_now()
            first_by = self.first_keyers(record.instance_id, False)  # none yet: refused above
            entry_text = json.dumps({"values": values, "missing": missing}, ensure_ascii=False)
            resolved = None if found.differences else now
            cur = self.conn.execute(
                "INSERT INTO second_entries (instance_id, entered_by, entered_at, entry, "
                "first_by, fields, differences, resolved_at, resolved_by) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.instance_id, self.store.user_id, now, entry_text, ",".join(first_by),
                 found.fields, len(found.differences), resolved,
                 self.store.user_id if resolved else None))
            eid = cur.lastrowid
            items: list[tuple[str, Any, Any, Any, Any]] = [(
                A.DOUBLE_ENTRY, None, None, entry_summary(found.fields, len(found.differences)),
                f"second entry {eid}")]
            for f in fdef.fields:
                if f.id in values:
                    items.append((A.DOUBLE_VALUE, f.id, None, fv.to_text(f, values[f.id]), None))
                if f.id in missing:
                    items.append((A.DOUBLE_CODE, f.id, None, missing[f.id], None))
            for d in found.differences:
                f = fdef.field(d.field)
                row = (fv.to_text(f, d.first), d.first_missing, fv.to_text(f, d.second),
                       d.second_missing)
                self.conn.execute(
                    "INSERT INTO entry_differences (entry_id, field, first_value, "
                    "first_missing, second_value, second_missing) VALUES (?, ?, ?, ?, ?, ?)",
                    (eid, d.field, *row))
                items.append((A.DOUBLE_DIFFERENCE, d.field, side_text(row[0], row[1]),
                              side_text(row[2], row[3]), None))
            self.store.audit_many(items, ts=now, **place_of(record))
        return self.entry(record.instance_id)  # type: ignore[return-value]

    # -- resolution ---------------------------------------------------------------------

    def resolve(self, instance_id: int, decisions: Sequence[Decision]) -> SecondEntry:
        """Resolve differences: each chosen value goes into the form with its reason, in one
        step (all or none). The first keyer or a third person resolves; not the second."""
        forms = self.store.forms
        self.store.require(Action.CHANGE_DATA)
        record = forms._record(instance_id)
        fdef = self.store.study.form(record.form)
        if (why := self.resolution_refusal(record)):
            raise WorkflowError(why)
        entry = self.entry(instance_id)
        assert entry is not None
        open_ = {d.field: d for d in entry.open}
        if not decisions:
            raise WorkflowError(tr("Choose how to resolve at least one difference."))
        planned: list[tuple[Decision, Any, str | None]] = []
        for dec in decisions:
            if not isinstance(dec, Decision):
                raise WorkflowError(tr("A resolution is a Decision (field, choice, reason)."))
            planned.append(self._planned(fdef, open_, dec, planned))
        now = utc_now()
        place = place_of(record)
        with self.store.transaction():
            self._resolving = instance_id
            try:
                for dec, value, code in planned:
                    f = fdef.field(dec.field)
                    forms.save(record.subject, record.event, record.form,
                               {dec.field: value}, {dec.field: code} if f.missing else {},
                               event_repeat=record.event_repeat, repeat=record.repeat,
                               reason=f"double entry resolved ({dec.choice}): {dec.reason}")
                    text = fv.to_text(f, value)
                    self.conn.execute(
                        "UPDATE entry_differences SET chosen = ?, resolved_value = ?, "
                        "resolved_missing = ?, reason = ?, resolved_by = ?, resolved_at = ? "
                        "WHERE entry_id = ? AND field = ?",
                        (dec.choice, text, code, dec.reason, self.store.user_id, now,
                         entry.id, dec.field))
                    self.store.audit(A.DOUBLE_RESOLVE, **place, field=dec.field,
                                     old_value=dec.choice, new_value=side_text(text, code),
                                     reason=dec.reason, ts=now)
                if len(planned) == len(open_):
                    self.conn.execute("UPDATE second_entries SET resolved_at = ?, "
                                      "resolved_by = ? WHERE id = ?",
                                      (now, self.store.user_id, entry.id))
                    self.store.audit(A.DOUBLE_RESOLVED, **place, new_value=resolved_summary(
                        len(entry.differences)), reason=f"second entry {entry.id}", ts=now)
            finally:
                self._resolving = None
        return self.entry(instance_id)  # type: ignore[return-value]

    def _planned(self, fdef: Form, open_: dict[str, Disagreement], dec: Decision,
                 planned: list) -> tuple[Decision, Any, str | None]:
        """The value and code a decision puts into the form, or a refusal that says why."""
        if dec.field not in fdef.field_ids:
            raise ValidationError(dec.field, tr("'{form}' has no field '{field}'.").format(
                form=fdef.label, field=str(dec.field)[:40]))
        f = fdef.field(dec.field)
        if dec.field not in open_:
            raise WorkflowError(tr("{label}: the two entries agree, or the difference is "
                                   "already resolved.").format(label=f.label))
        if any(p[0].field == dec.field for p in planned):
            raise WorkflowError(tr("{label} is resolved twice in one step.").format(
                label=f.label))
        reason = _reason(dec.reason, f.label)
        diff = open_[dec.field]
        if dec.choice == "first":
            value, code = fv.from_text(f, diff.first_value), diff.first_missing
        elif dec.choice == "second":
            value, code = fv.from_text(f, diff.second_value), diff.second_missing
        elif dec.choice == "other":
            value, code = dec.value, dec.missing or None
            if value is None and code is None:
                raise ValidationError(dec.field, tr("{label}: type the value the paper page "
                                                    "holds, or give a missing-data code.").format(
                                                        label=f.label))
            # checked as the form's own save checks it (range, code allowed, not both),
            # before anything is written
            self.store.forms._validate_input(
                fdef, {} if value is None else {dec.field: value},
                {} if code is None else {dec.field: code})
        else:
            raise WorkflowError(tr("'{choice}' is not a way to resolve a difference: first, "
                                   "second or other.").format(choice=str(dec.choice)[:20]))
        return Decision(dec.field, dec.choice, reason, dec.value, dec.missing), value, code

    def withdraw(self, instance_id: int, reason: str) -> None:
        """Take back a second entry none of whose differences is resolved yet (keyed from
        the wrong page, or with a slip of the keyboard), with a reason: the form awaits its
        second entry again, from anyone who keyed none of the first. The trail keeps it."""
        self.store.require(Action.ENTER_DATA)
        record = self.store.forms._record(instance_id)
        if (why := self.withdrawal_refusal(record)):
            raise WorkflowError(why)
        entry = self.entry(instance_id)
        assert entry is not None
        why = _reason(reason, self.store.study.form(record.form).label)
        with self.store.transaction():
            self.conn.execute("DELETE FROM entry_differences WHERE entry_id = ?", (entry.id,))
            self.conn.execute("DELETE FROM second_entries WHERE id = ?", (entry.id,))
            self.store.audit(A.DOUBLE_WITHDRAWN, **place_of(record),
                             old_value=f"second entry {entry.id}", reason=why)


def entry_summary(fields: int, differences: int) -> str:
    """The new_value of a double.second_entry row (English, as the trail is)."""
    return f"{fields} fields compared, {differences} differences"


def resolved_summary(differences: int) -> str:
    """The new_value of a double.resolved row."""
    return f"all {differences} differences resolved"


def _reason(text: Any, label: str) -> str:
    """A resolution's or withdrawal's reason: it says something, in at most REASON_MAX."""
    from alsdesk.store.queries import _words

    return _words(text if isinstance(text, str) else "",
                  tr("{label}: the reason").format(label=label),
                  tr("{label}: give the reason for the value chosen (for example \"as on the "
                     "paper page\").").format(label=label), error=ReasonRequired,
                  most=REASON_MAX)
