"""Form instances: saving data with its audit rows, and the workflow of statuses.

not started -> in progress -> complete -> (verified) -> signed -> locked. Completing runs every
check; changing data that was once complete needs a reason; changing signed data voids the
signature; locked data cannot change until an administrator unlocks it.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Collection, Mapping

from alsdesk.auth import Action, Role
from alsdesk.i18n import tr
from alsdesk.errors import CheckFailed, NotFound, ReasonRequired, ValidationError, WorkflowError
from alsdesk.permissions import restricted_fields
from alsdesk.argcheck import checked
from alsdesk.rules import engine
from alsdesk.rules.context import check_context
from alsdesk.states import FormStatus
from alsdesk.store import status_rules
from alsdesk.store.audit import A, utc_now
from alsdesk.store.schema import missing_column
from alsdesk.store.workflow import DEFAULT_MEANING, WorkflowSteps  # noqa: F401 - re-export
from alsdesk.study import values as fv
from alsdesk.study.model import Form, Severity
from alsdesk.textcheck import says_something

from alsdesk.store.records import (  # noqa: F401 - re-exported: callers import them from here
    FormRecord, InstanceSummary, SaveResult, Signature, _signature, data_hash,
)

if TYPE_CHECKING:
    from alsdesk.store.core import Store

RESTRICTED = "(restricted)"  # a masked identifier, as in the audit review (audit_query)
NOTE_MAX = 4000  # characters of a note confirming a soft check (it becomes a query's text)

_INSTANCE_COLS = (
    "id, event, event_repeat, form, repeat, status, version, completed_at, verified_at, "
    "verified_by, updated_at, updated_by, subject_id, crf_entered, crf_changed"
)


class _FieldMap(dict):
    """Field id -> Field of one form, for the checks of every save."""

    def __init__(self, form: Form) -> None:
        super().__init__((f.id, f) for f in form.fields)
        self.form = form


@checked
class FormService(WorkflowSteps):
    def __init__(self, store: "Store") -> None:
        self.store = store
        self._subject_ids: dict[str, int] = {}
        # INSERT text of a form table by (form id, column names...): made once, not per save.
        self._insert_sql: dict[tuple[str, ...], str] = {}
        # (event, form) -> (event repeats, form repeats) for places already found valid.
        self._places: dict[tuple[str, str], tuple[bool, bool]] = {}
        self._fields: dict[str, _FieldMap] = {}
        # (event, form) places whose saves can change the subject's status
        self._status_places = status_rules.watched_places(store.study)
        from alsdesk.store.definitions import version_column

        self._instance_cols = _INSTANCE_COLS.replace("crf_entered, crf_changed", ", ".join(
            version_column(store.conn, c).removeprefix("fi.")
            for c in ("crf_entered", "crf_changed")))

    @property
    def conn(self):
        return self.store.conn

    # -- reading ----------------------------------------------------------------------------

    def get(self, subject: str, event: str, form: str, *, event_repeat: int = 1,
            repeat: int = 1) -> FormRecord:
        """The stored record, or an empty NOT_STARTED record."""
        self._check_place(event, form, event_repeat, repeat)
        return self._mask(self._current(subject, event, form, event_repeat, repeat))

    def _hidden(self, form_id: str) -> frozenset[str]:
        """Identifier fields of a form this role may not see (restricted_fields).

        The administrator is let through: the core lets an administrator print and export
        identifiers, audited (alsdesk/pdf _disclose, exchange/dataset), and the printed
        casebook reads them here; the screen still hides them (permissions.restricted_fields).
        A monitor, or nobody logged in, gets them masked.
        """
        role = self.store.role
        if role is Role.ADMIN:
            return frozenset()
        return restricted_fields(role, self.store.study.form(form_id))

    def _mask(self, rec: FormRecord) -> FormRecord:
        if self.store.double.blinded(rec):  # its second entry is still to be made, blind
            return dataclasses.replace(rec, values={}, missing={}, blinded=True)
        hidden = self._hidden(rec.form)
        if not hidden or not any(k in hidden for k in rec.values):
            return rec
        values = {k: (RESTRICTED if k in hidden else v) for k, v in rec.values.items()}
        return dataclasses.replace(rec, values=values)

    def _current(self, subject: str, event: str, form: str, event_repeat: int,
                 repeat: int) -> FormRecord:
        """get() for a place already checked."""
        sid = self._subject_id(subject)
        row = self.conn.execute(
            "SELECT id FROM form_instances WHERE subject_id = ? AND event = ? AND "
            "event_repeat = ? AND form = ? AND repeat = ?",
            (sid, event, event_repeat, form, repeat),
        ).fetchone()
        if row is None:
            return FormRecord(subject, event, event_repeat, form, repeat, None,
                              FormStatus.NOT_STARTED, {}, {})
        return self._record(row[0])

    def get_instance(self, instance_id: int) -> FormRecord:
        """The stored record, direct identifiers masked for a role that may not see them."""
        return self._mask(self._record(instance_id))

    def _record(self, instance_id: int) -> FormRecord:
        """The stored record as it is: for saving, signing and deleting (never returned to a
        role that may not see identifiers: every caller first requires a data-entry role)."""
        row = self.conn.execute(
            f"SELECT {self._instance_cols} FROM form_instances WHERE id = ?", (instance_id,)
        ).fetchone()
        if row is None:
            raise NotFound(tr("There is no form instance {instance_id}.").format(
                instance_id=instance_id))
        (iid, event, ev_rep, form_id, rep, status, version, completed_at, verified_at,
         verified_by, updated_at, updated_by, sid, crf_entered, crf_changed) = row
        form = self.store.study.form(form_id)
        values, missing = self._read_values(form, iid)
        return FormRecord(
            subject=self.store.subjects.get_by_id(sid).code, event=event, event_repeat=ev_rep,
            form=form_id, repeat=rep, instance_id=iid, status=FormStatus(status),
            values=values, missing=missing, version=version, completed_at=completed_at,
            verified_at=verified_at, verified_by=verified_by, updated_at=updated_at,
            updated_by=updated_by, signatures=tuple(self.signatures(iid)),
            crf_entered=crf_entered, crf_changed=crf_changed,
        )

    def _read_values(self, form: Form, instance_id: int) -> tuple[dict[str, Any], dict[str, str]]:
        cur = self.conn.execute(f'SELECT * FROM "{form.id}" WHERE instance_id = ?', (instance_id,))
        row = cur.fetchone()
        if row is None:
            return {}, {}
        rec = dict(zip([d[0] for d in cur.description], row))
        values = {f.id: rec.get(f.id) for f in form.fields if rec.get(f.id) is not None}
        missing = {
            f.id: rec[missing_column(f.id)]
            for f in form.fields
            if f.missing and rec.get(missing_column(f.id)) is not None
        }
        return values, missing

    _SIGNATURE_COLS = ("id, user_id, full_name, role, meaning, signed_at, valid, "
                       "invalidated_at, invalidated_reason")

    def signatures(self, instance_id: int) -> list[Signature]:
        rows = self.conn.execute(
            f"SELECT {self._SIGNATURE_COLS} FROM signatures WHERE instance_id = ? ORDER BY id",
            (instance_id,),
        )
        return [_signature(r) for r in rows]

    def all_signatures(self) -> dict[int, list[Signature]]:
        """Every signature, valid or voided, by form instance id (one query; exports)."""
        out: dict[int, list[Signature]] = {}
        for r in self.conn.execute(
                f"SELECT instance_id, {self._SIGNATURE_COLS} FROM signatures ORDER BY id"):
            out.setdefault(r[0], []).append(_signature(r[1:]))
        return out

    def instances(self, subject: str) -> list[InstanceSummary]:
        """Every form instance of a subject (for the visit matrix and the logs)."""
        sid = self.store.subjects.get(subject).id
        rows = self.conn.execute(
            "SELECT id, event, event_repeat, form, repeat, status, updated_at FROM "
            "form_instances WHERE subject_id = ? ORDER BY id",
            (sid,),
        )
        return [InstanceSummary(r[0], r[1], r[2], r[3], r[4], FormStatus(r[5]), r[6]) for r in rows]

    def history(self, instance_id: int, field_id: str | None = None) -> list[dict[str, Any]]:
        """The audit rows of a form instance (optionally of one field), oldest first."""
        from alsdesk.store import audit

        where: dict[str, Any] = {"instance_id": instance_id}
        if field_id is not None:
            where["field"] = field_id
        found = list(audit.rows(self.conn, **where))
        if not found:
            return found
        hidden = self._hidden(found[0]["form"]) if found[0].get("form") else frozenset()
        if self.store.double.blinded(self._record(instance_id)):
            from alsdesk.store.double import BLIND

            for row in found:
                if row.get("field") is not None:
                    row["old_value"] = tr(BLIND) if row["old_value"] is not None else None
                    row["new_value"] = tr(BLIND) if row["new_value"] is not None else None
        for row in found:
            if row.get("field") in hidden:
                row["old_value"] = RESTRICTED if row["old_value"] is not None else None
                row["new_value"] = RESTRICTED if row["new_value"] is not None else None
        return found

    # -- saving -----------------------------------------------------------------------------

    def save(
        self,
        subject: str,
        event: str,
        form: str,
        values: Mapping[str, Any] | None = None,
        missing: Mapping[str, str | None] | None = None,
        *,
        event_repeat: int = 1,
        repeat: int | None = None,
        complete: bool = False,
        reason: str | None = None,
        notes: Mapping[str, str] | None = None,
        eligibility_override: str | None = None,
        crf_version: int | None = None,
    ) -> SaveResult:
        """Save values (storage values, see alsdesk.study.values) and missing codes.

        Keys not given keep their stored value. `repeat=None` on a repeating form adds a new
        instance. `complete=True` runs every check: hard failures raise CheckFailed, soft
        failures need a note in `notes` (keyed by check id) and become open queries.

        Saving the infusion as given enrols the subject and completing the end-of-study form
        sets completed/withdrawn/died (``notices`` says so). The infusion of a subject not found
        eligible raises status_rules.EligibilityStop; an investigator may pass the reason in
        `eligibility_override`, which records a protocol-deviation entry in the same
        transaction.

        `crf_version`: the stored definition version a new form is created under, when it is
        an earlier one than in force (an ODM import of data entered under it): its fields,
        ranges and checks apply, the form records it, and so does the audit trail.
        """
        number = crf_version or self.store.study_version
        older = None if number == self.store.study_version else self._older(number)
        fdef = (older or self.store.study).form(form)
        new_instance = repeat is None and fdef.repeating
        repeat = repeat or 1
        if not new_instance:
            self._check_place(event, form, event_repeat, repeat)
        values = dict(values or {})
        missing = dict(missing or {})
        self._validate_input(fdef, values, missing)

        with self.store.transaction():
            if new_instance:
                repeat = self._next_repeat(subject, event, event_repeat, form)
                self._check_place(event, form, event_repeat, repeat)
            current = self._current(subject, event, form, event_repeat, repeat)
            # Every save needs a data-entry role, also one that changes no value: completing
            # (or re-completing) a form is data entry, not a monitor's or administrator's.
            self.store.require(Action.ENTER_DATA if current.instance_id is None
                               else Action.CHANGE_DATA)
            self._require_editable(current, values, missing)
            if older is not None and current.instance_id is not None:
                raise WorkflowError(tr(
                    "'{form}' is already stored: a form is saved under an earlier CRF "
                    "version ({version}) only when it is created by an import.").format(
                        form=fdef.label, version=older.crf_version))
            merged_v = {**current.values, **values}
            merged_m = {**current.missing, **missing}
            merged_v = {k: v for k, v in merged_v.items() if v is not None}
            merged_m = {k: v for k, v in merged_m.items() if v}
            for f in fdef.fields:  # a result in the unit it was reported in, as saved
                if f.unit_field and f.id in merged_v and (f.id in values or
                                                          f.unit_field in values):
                    problem = fv.check_value(f, merged_v[f.id], merged_v.get(f.unit_field))
                    if problem:
                        raise ValidationError(f.id, problem)
            for key in merged_m.keys() & merged_v.keys():
                # a code given for a field whose stored value stays (or a value for one whose
                # code stays): the field would hold both, printed and exported as both
                f = fdef.field(key)
                raise ValidationError(key, tr(
                    "{label}: give either a value or a missing-data code, not both "
                    "(it would hold {value!r} and the code {code}); clear "
                    "the value to record the code, or remove the code to keep the value.").format(
                        label=f.label, value=merged_v[key], code=merged_m[key]))
            changed_v = [k for k in fdef.field_ids
                         if current.values.get(k) != merged_v.get(k)]
            changed_m = [k for k in fdef.field_ids
                         if current.missing.get(k) != merged_m.get(k)]
            changed = tuple(dict.fromkeys(changed_v + changed_m))
            if fdef.double_entry:  # keyed twice: its second entry and differences first
                self.store.double.gate(fdef, current, changed, complete, reason)
                if (changed or complete) and self.store.double.blinded(current):
                    raise WorkflowError(tr(
                        "'{form}' awaits its second entry, which you may make: its first "
                        "entry is not shown to you, and not changed by you. Make the second "
                        "entry (Form > Second entry…), or ask its first keyer.").format(
                            form=fdef.label))
            if not changed and not complete:
                return SaveResult(current, ())
            hook = (status_rules.SaveHook(self.store, subject, event, form)
                    if (event, form) in self._status_places else None)
            if hook is not None:
                hook.before(current, merged_v, eligibility_override)
            if changed and current.completed_at and not (reason or "").strip():
                raise ReasonRequired(tr(
                    "'{form}' was already saved as complete: give a reason for changing "
                    "{fields}.").format(
                        form=fdef.label,
                        fields=", ".join(fdef.field(k).label for k in changed)))
            findings: list[engine.Finding] = []
            if complete:
                # The values given were validated above; only stored ones are checked again.
                # Checks may read the subject's other forms and the visit window: context.
                context = check_context(self.store, subject, event, form,
                                        event_repeat=event_repeat, crf_version=number)
                findings = self._completion_findings(fdef, {**context, **merged_v}, merged_m,
                                                     notes or {}, checked=values.keys(),
                                                     queried=self._queried(current))
            now = utc_now()
            new_status = self._status_after(current, bool(changed), complete)
            place = dict(subject=subject, event=event, event_repeat=event_repeat, form=form,
                         repeat=repeat)
            # Audit rows: (action, field, old value, new value, reason), written in this order.
            items: list[tuple[str, str | None, Any, Any, str | None]] = []
            if current.instance_id is None:
                iid = self._insert_instance(current, fdef, merged_v, merged_m, new_status,
                                            complete, now, number)
                items.append((A.FORM_CREATE, None, None, FormStatus.IN_PROGRESS.value, None))
                if older is not None:  # the version the rows of this save are of
                    from alsdesk.store.definitions import describe

                    items.append((A.FORM_VERSION, None, None, describe(number, older), None))
            else:
                iid = current.instance_id
                self._write_values(fdef, iid, merged_v, merged_m, changed)
                # A save that changes nothing leaves the row alone: "last change" and who made
                # it move only with a change the audit trail records.
                if changed or new_status is not current.status:
                    self.conn.execute(
                        "UPDATE form_instances SET status = ?, updated_at = ?, updated_by = ?, "
                        "version = version + ?, completed_at = coalesce(completed_at, ?), "
                        # the definition version its data were last changed under
                        "crf_changed = CASE WHEN ? THEN ? ELSE crf_changed END WHERE id = ?",
                        (new_status.value, now, self.store.user_id, 1 if changed else 0,
                         now if complete else None, bool(changed), self.store.study_version,
                         iid),
                    )
            place["instance_id"] = iid
            self._audit_changes(fdef, current, merged_v, merged_m, reason, items)
            if changed and current.instance_id is not None:
                self.store.audit_many(items, ts=now, **place)
                items = []
                self._void_approvals(current, place, reason or "data changed", now)
            old_status = FormStatus.IN_PROGRESS if current.instance_id is None else current.status
            if new_status is not old_status:
                items.append((A.FORM_STATUS, None, old_status.value, new_status.value, reason))
            self.store.audit_many(items, ts=now, **place)
            notices = hook.after(merged_v, complete, eligibility_override) if hook else ()
            query_ids = tuple(
                self.store.queries._open_from_check(iid, place, f, (notes or {})[f.check_id])
                for f in findings
            )
        if current.instance_id is None:
            # A new instance is exactly what was just written: no need to read it back.
            record = FormRecord(
                subject, event, event_repeat, form, repeat, iid, new_status, merged_v, merged_m,
                version=1, completed_at=now if complete else None, updated_at=now,
                updated_by=self.store.user_id, crf_entered=number, crf_changed=number)
            return SaveResult(record, changed, tuple(findings), query_ids, notices)
        return SaveResult(self.get_instance(iid), changed, tuple(findings), query_ids, notices)

    def _validate_input(self, fdef: Form, values: dict, missing: dict) -> None:
        by_id = self._fields.get(fdef.id)
        if by_id is None or by_id.form is not fdef:
            by_id = self._fields[fdef.id] = _FieldMap(fdef)
        for key in (*values, *missing):
            if key not in by_id:
                raise ValidationError(key, tr("'{form}' has no field '{field}'.").format(
                    form=fdef.label, field=key))
        check_value = fv.check_value
        for key, value in values.items():
            f = by_id[key]
            # a result with its unit in this save is judged in it; without, in any of its
            # units until the stored one is known (the save checks it again then)
            problem = check_value(f, value, values[f.unit_field]) if (
                f.unit_field and f.unit_field in values) else check_value(f, value)
            if problem:
                raise ValidationError(key, problem)
            kind = type(value)
            if kind is str or kind is int or value is None:
                continue  # already what reads back
            # What is recorded is what reads back: SQLite keeps no sign on zero, so -0.0 is
            # saved (and audited) as 0.0, and subclasses (IntEnum, numpy floats) as plain types.
            if isinstance(value, float):
                values[key] = float(value) + 0.0
            elif isinstance(value, int) and type(value) is not int:
                values[key] = int(value)
            elif isinstance(value, str) and type(value) is not str:
                values[key] = str(value)
        for key, code in missing.items():
            f = fdef.field(key)
            if code and code not in f.missing:
                if f.missing:
                    text = tr("{label}: '{code}' is not an allowed missing-data code here "
                              "(allowed: {allowed}).")
                else:
                    text = tr("{label}: '{code}' is not an allowed missing-data code here "
                              "(allowed: none).")
                raise ValidationError(key, text.format(label=f.label, code=code,
                                                       allowed=", ".join(f.missing)))
            if code and values.get(key) is not None:
                raise ValidationError(key, tr(
                    "{label}: give either a value or a missing-data code, not both.").format(
                        label=f.label))

    def _queried(self, current: FormRecord) -> frozenset[str]:
        """Check ids whose note is already an open query on this instance."""
        if current.instance_id is None:
            return frozenset()
        return frozenset(r[0].removeprefix("check:") for r in self.conn.execute(
            "SELECT origin FROM queries WHERE instance_id = ? AND status != 'closed' AND "
            "origin LIKE 'check:%'", (current.instance_id,)))

    def _completion_findings(self, fdef: Form, values: dict, missing: dict,
                             notes: Mapping[str, str], *, checked: Collection[str] = (),
                             queried: frozenset[str] = frozenset()) -> list[engine.Finding]:
        """Hard findings and soft ones without a note block; the soft ones that become new
        queries are returned. A soft finding already kept as an open query is not asked
        again (its note is that query: answer it there), so no second note is dropped."""
        findings = engine.evaluate(fdef, values, missing, checked=checked)
        hard = [f for f in findings if f.severity is Severity.HARD]
        soft = [f for f in findings if f.severity is Severity.SOFT and f.check_id not in queried]
        for f in soft:
            note = notes.get(f.check_id) or ""
            if len(note.strip()) > NOTE_MAX:
                raise WorkflowError(tr("The note on '{message}' has {n:,} characters; at "
                                       "most {most:,} are allowed.").format(
                    message=f.message, n=len(note.strip()), most=NOTE_MAX))
        unexplained = [f for f in soft if not says_something(notes.get(f.check_id))]
        if hard or unexplained:
            blocking = hard + [
                engine.Finding(f.check_id, f.severity,
                               f.message + tr(" (confirm with a note to keep it)"), f.fields,
                               f.deviation)
                for f in unexplained
            ]
            raise CheckFailed(blocking)
        return soft

    def _require_editable(self, current: FormRecord, values: dict, missing: dict) -> None:
        if current.status is FormStatus.LOCKED:
            raise WorkflowError(tr(
                "This form is locked: an administrator must unlock it before it can change."
            ))
        if current.status is FormStatus.DELETED:
            raise WorkflowError(tr("This entry was deleted; it cannot be changed."))

    def _status_after(self, current: FormRecord, changed: bool, complete: bool) -> FormStatus:
        if complete:
            if not changed and current.status in (FormStatus.VERIFIED, FormStatus.SIGNED):
                return current.status
            return FormStatus.COMPLETE
        if changed or current.status is FormStatus.NOT_STARTED:
            return FormStatus.IN_PROGRESS
        return current.status

    def _next_repeat(self, subject: str, event: str, event_repeat: int, form: str) -> int:
        sid = self.store.subjects.get(subject).id
        return self.conn.execute(
            "SELECT coalesce(max(repeat), 0) + 1 FROM form_instances WHERE subject_id = ? "
            "AND event = ? AND event_repeat = ? AND form = ?",
            (sid, event, event_repeat, form),
        ).fetchone()[0]

    def _older(self, number: int):
        """Stored definition version `number`, earlier than the one in force."""
        from alsdesk.store.definitions import study_at

        if not 1 <= number < self.store.study_version:
            raise WorkflowError(tr("A form can be saved under an earlier definition version "
                                   "(1 to {last}), not {number}.").format(
                last=self.store.study_version - 1, number=number))
        return study_at(self.conn, number)

    def _insert_instance(self, rec: FormRecord, fdef: Form, values: dict, missing: dict,
                         status: FormStatus, complete: bool, now: str, number: int) -> int:
        sid = self._subject_id(rec.subject)
        user = self.store.user_id
        cur = self.conn.execute(
            "INSERT INTO form_instances (subject_id, event, event_repeat, form, repeat, status, "
            "created_at, created_by, updated_at, updated_by, version, completed_at, "
            "crf_entered, crf_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
            (sid, rec.event, rec.event_repeat, rec.form, rec.repeat, status.value, now, user,
             now, user, now if complete else None, number, number),
        )
        names = (fdef.id, *values, *(missing_column(k) for k in missing))
        sql = self._insert_sql.get(names)
        if sql is None:
            cols = ", ".join(f'"{k}"' for k in ("instance_id", *names[1:]))
            sql = self._insert_sql[names] = (
                f'INSERT INTO "{fdef.id}" ({cols}) VALUES ({", ".join("?" * len(names))})')
        self.conn.execute(sql, (cur.lastrowid, *values.values(), *missing.values()))
        return cur.lastrowid

    def _subject_id(self, code: str) -> int:
        """Subject codes never change, so their row ids are remembered."""
        sid = self._subject_ids.get(code)
        if sid is None:
            sid = self._subject_ids[code] = self.store.subjects.get(code).id
        return sid

    def _write_values(self, fdef: Form, iid: int, values: dict, missing: dict,
                      changed: tuple[str, ...]) -> None:
        sets: dict[str, Any] = {}
        for key in changed:
            sets[key] = values.get(key)
            if fdef.field(key).missing:
                sets[missing_column(key)] = missing.get(key)
        if sets:
            assignments = ", ".join(f'"{k}" = ?' for k in sets)
            self.conn.execute(
                f'UPDATE "{fdef.id}" SET {assignments} WHERE instance_id = ?',
                [*sets.values(), iid],
            )

    def _audit_changes(self, fdef: Form, current: FormRecord, values: dict, missing: dict,
                       reason: str | None, items: list) -> None:
        """Add an audit item for every value and missing code that changed, in field order."""
        old_values, old_missing = current.values, current.missing
        to_text = fv.to_text
        for f in fdef.fields:
            fid = f.id
            old, new = old_values.get(fid), values.get(fid)
            if old != new:
                action = (A.VALUE_ENTERED if old is None
                          else A.VALUE_CLEARED if new is None else A.VALUE_CHANGED)
                items.append((action, fid, to_text(f, old), to_text(f, new), reason))
            old_c, new_c = old_missing.get(fid), missing.get(fid)
            if old_c != new_c:
                action = (A.CODE_ENTERED if old_c is None
                          else A.CODE_CLEARED if new_c is None else A.CODE_CHANGED)
                items.append((action, fid, old_c, new_c, reason))

    def _void_approvals(self, current: FormRecord, place: dict, reason: str, now: str,
                        why: str = "data changed after signing") -> None:
        """Changed (or deleted) data is no longer what was signed or verified: say so in the
        trail."""
        sig = current.valid_signature
        if sig is not None:
            self.conn.execute(
                "UPDATE signatures SET valid = 0, invalidated_at = ?, invalidated_reason = ? "
                "WHERE id = ?",
                (now, f"{why}: {reason}", sig.id),
            )
            self.store.audit(A.SIGNATURE_INVALIDATED, **place, old_value=f"signed by "
                             f"{sig.full_name} at {sig.signed_at}", reason=reason, ts=now)
        if current.verified_at:
            self.conn.execute(
                "UPDATE form_instances SET verified_at = NULL, verified_by = NULL WHERE id = ?",
                (current.instance_id,),
            )
            self.store.audit(A.VERIFY_CLEARED, **place, old_value=f"verified by "
                             f"{current.verified_by} at {current.verified_at}", reason=reason,
                             ts=now)

    def _check_place(self, event: str, form: str, event_repeat: int, repeat: int) -> None:
        known = self._places.get((event, form))
        if known is not None and (event_repeat == 1 or (event_repeat > 1 and known[0])) and (
                repeat == 1 or (repeat > 1 and known[1])):
            return
        study = self.store.study
        try:
            ev = study.event(event)
            fdef = study.form(form)
        except KeyError as exc:
            raise NotFound(str(exc.args[0])) from None
        if form not in ev.forms:
            raise NotFound(tr("The event '{event}' has no form '{form}'.").format(
                event=ev.label, form=fdef.label))
        if event_repeat < 1 or (event_repeat > 1 and not ev.repeating):
            raise NotFound(tr("The event '{event}' happens only once.").format(event=ev.label))
        if repeat < 1 or (repeat > 1 and not fdef.repeating):
            raise NotFound(tr("The form '{form}' is filled only once per visit.").format(
                form=fdef.label))
        self._places[(event, form)] = (ev.repeating, fdef.repeating)
