"""What a filled document shows, read from the Store into plain, frozen values.

The documents are drawn from these values only, and the fingerprint printed in their footer
is a hash of them: the same data gives the same fingerprint (and the same bytes), and a
printout can be matched to the database later by computing the fingerprint again.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from alsdesk import i18n, overview
from alsdesk.derive import eligibility_text
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.errors import AlsDeskError
from alsdesk.rules import engine
from alsdesk.store.signoff import SignOffItem, meaning_of, need_of, signoff
from alsdesk.study import units
from alsdesk.study import values as fv
from alsdesk.study.model import Event, EventKind, Form, Study
from alsdesk.pdf.wording import birth_year, is_birth_date, utc_text

if TYPE_CHECKING:
    from alsdesk.store.core import Store

RESTRICTED = QT_TRANSLATE_NOOP("", "not printed (direct identifier)")


@dataclass(frozen=True)
class FieldRow:
    label: str
    value: str  # the value as printed, with its unit; "" when blank
    missing: str = ""  # "ND – Not done"
    applies: bool = True  # False: skipped by its condition
    restricted: bool = False
    section: str = ""
    queries: str = ""  # "Q3, Q7": queries raised on this field


@dataclass(frozen=True)
class DerivedRow:
    label: str
    text: str
    note: str = ""


@dataclass(frozen=True)
class SignatureRow:
    name: str
    role: str
    meaning: str
    signed_at: str  # as printed, UTC
    valid: bool
    voided_at: str = ""
    voided_reason: str = ""


@dataclass(frozen=True)
class QueryRow:
    id: int
    place: str  # "Month 2 · Vital signs · Temperature"
    text: str
    status: str
    raised: str  # "mon, 2025-03-01T10:00:00+00:00"
    answer: str = ""
    closed: str = ""


@dataclass(frozen=True)
class FormBlock:
    event: str
    form: str
    entry: int | None  # the entry number of a repeating form
    status: str
    updated: str  # "2025-03-01T10:00:00+00:00 by nurse"
    verified: str
    rows: tuple[FieldRow, ...]
    derived: tuple[DerivedRow, ...]
    signatures: tuple[SignatureRow, ...]
    queries: tuple[QueryRow, ...]
    restricted: bool = False  # the whole form holds direct identifiers
    # the meaning of the investigator's signature this entry needs (study definition's
    # investigator_signature), None when it needs none; set, an unsigned entry prints
    # "Not signed" in its block
    sign_meaning: str | None = None
    # the CRF version (label) it was entered under, and the one its data were last changed
    # under when that is another (after an amendment)
    crf: str = ""
    crf_changed: str = ""


@dataclass(frozen=True)
class EventBlock:
    label: str
    visit: str  # target, window and when it was done
    forms: tuple[FormBlock, ...]
    not_started: tuple[str, ...]  # labels of forms with no data


@dataclass(frozen=True)
class AuditRow:
    seq: int
    ts: str
    user: str
    action: str
    place: str
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class SubjectHead:
    code: str
    initials: str
    status: str
    registered: str
    eligibility: str
    schedule: tuple[tuple[str, str, str, str], ...]  # visit, target, window, done / status


@dataclass(frozen=True)
class SubjectDoc:
    head: SubjectHead
    events: tuple[EventBlock, ...]
    queries: tuple[QueryRow, ...]
    audit: tuple[AuditRow, ...]
    data_time: str  # the latest time stamp shown: the PDF's creation date
    # the casebook's sign-off list (alsdesk.store.signoff), empty in a visit's forms
    signoff: tuple[SignOffItem, ...] = ()


def fingerprint(doc: Any) -> str:
    """SHA-256 of the values a document shows (hex)."""
    payload = json.dumps(_plain(doc), sort_keys=True, ensure_ascii=False,
                         separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """What dataclasses.asdict gives, as JSON sees it (tuples as lists), without its deep
    copies: the same fingerprint in a fraction of the time."""
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def short(digest: str) -> str:
    """The first 12 hex digits in groups, as printed in footers: 3F2A-9C1B-77E0."""
    return "-".join(digest[i:i + 4] for i in range(0, 12, 4)).upper()


class Collector:
    """Reads one subject's data; `include_identifiers` lets direct identifiers through."""

    def __init__(self, store: "Store", subject: str, include_identifiers: bool = False,
                 study: "Study | None" = None) -> None:
        # `study`: the file's definition with its texts in the printout's language
        # (alsdesk.study.translation.localized); the file's own by default
        self.store, self.study = store, study or store.study
        self.subject = store.subjects.get(subject)
        self.code = self.subject.code
        self.include_identifiers = include_identifiers
        self.times: list[str] = [self.subject.created_at]
        self.instances = store.forms.instances(self.code)
        self.all_queries = store.queries.list(subject=self.code)
        self._users: dict[str, str] = {}
        self._head: SubjectHead | None = None
        self._visits: dict[str, str] = {}
        self._crf_labels: dict[int, str] | None = None

    # -- whole documents --------------------------------------------------------------------

    def subject_doc(self, events: list[tuple[Event, int]] | None = None,
                    with_audit: bool = True) -> SubjectDoc:
        """The casebook (all events, logs, queries, audit) or a part of it."""
        if events is None:
            events = self._all_events()
        blocks = tuple(self.event_block(ev, rep) for ev, rep in events)
        shown = {q.id for b in blocks for f in b.forms for q in f.queries}
        queries = tuple(self._query(q) for q in self.all_queries if q.id in shown)
        rows = tuple(self._audit_rows()) if with_audit else ()
        stamps = [t for t in self.times if t]
        signed = signoff(self.store, self.code).items if with_audit else ()
        return SubjectDoc(self.head(), blocks, queries, rows, max(stamps) if stamps else "",
                          signed)

    def _all_events(self) -> list[tuple[Event, int]]:
        found = []
        for ev in self.study.events:
            reps = sorted({i.event_repeat for i in self.instances if i.event == ev.id})
            if not reps and not ev.repeating:
                reps = [1]  # a visit with no data is listed as such; an unused repeat is not
            found += [(ev, r) for r in reps]
        return found

    def head(self) -> SubjectHead:
        if self._head is None:
            try:
                result = overview.eligibility(self.store, self.code)
                verdict = eligibility_text(result) if result is not None else ""
            except AlsDeskError as exc:
                verdict = f"cannot be computed: {exc}"
            plans = []
            for plan in overview.schedule(self.store, self.code):
                row = _plan_row(plan)
                if plan.window is not None:
                    self._visits[plan.event_id] = tr(
                        "target {target} · window {window} · done: {done}").format(
                            target=row[1], window=row[2], done=row[3])
                plans.append(row)
            # Initials count as a direct identifier, as in the exports.
            initials = (self.subject.initials or "") if self.include_identifiers else ""
            self._head = SubjectHead(self.code, initials,
                                     self.subject.status.value, _registered(self.subject.created_at),
                                     verdict, tuple(plans))
        return self._head

    # -- events and forms -------------------------------------------------------------------

    def event_block(self, event: Event, event_repeat: int = 1) -> EventBlock:
        label = event.label + (f" #{event_repeat}" if event.repeating else "")
        mine = [i for i in self.instances if i.event == event.id and i.event_repeat == event_repeat]
        forms, not_started = [], []
        for form_id in event.forms:
            form = self.study.form(form_id)
            entries = sorted((i for i in mine if i.form == form_id), key=lambda i: i.repeat)
            if not entries:
                not_started.append(form.label)
            for inst in entries:
                forms.append(self.form_block(label, event, form, inst.instance_id))
        visit = ""
        if event.kind is EventKind.VISIT:
            visit = self._visit_text(event.id)
        return EventBlock(label, visit, tuple(forms), tuple(not_started))

    def _visit_text(self, event_id: str) -> str:
        self.head()
        return self._visits.get(event_id, "")

    def form_block(self, event_label: str, event: Event, form: Form,
                   instance_id: int) -> FormBlock:
        rec = self.store.forms.get_instance(instance_id)
        if rec.crf_changed != self.store.study_version:
            # printed as the form was when its data were last changed: the fields, labels
            # and visibility of that CRF version (an amendment's new field is not a blank)
            from alsdesk.store.definitions import study_at

            old = study_at(self.store.conn, rec.crf_changed)
            if self.study is not self.store.study:  # printed in another language
                from alsdesk.study.translation import localized

                old = localized(old, i18n.language())
            form = old.forms.get(form.id, form)
        self.times += [rec.updated_at or "", rec.verified_at or ""]
        visible = engine.visibility(form, rec.values, rec.missing)
        queries = [q for q in self.all_queries if q.instance_id == instance_id]
        restricted = not self.include_identifiers and all(f.identifier for f in form.fields)
        rows = []
        # awaits its second entry, which this user may make: each field says it is not shown
        blind = rec.blinded
        if blind:
            from alsdesk.store.double import BLIND

            rows = [FieldRow(f.label, tr(BLIND), section=f.section or "") for f in form.fields]
        if not restricted and not blind:
            for f in form.fields:
                refs = ", ".join(f"Q{q.id}" for q in queries if q.field == f.id)
                if f.identifier and not self.include_identifiers:
                    rows.append(FieldRow(f.label, tr(RESTRICTED), restricted=True,
                                         section=f.section or ""))
                    continue
                value = rec.values.get(f.id)
                text = fv.plain(value) if value is not None and f.unit_field and \
                    units.in_other_unit(f, rec.values) else _display(f, value)
                if text and not self.include_identifiers and is_birth_date(f):
                    text = birth_year(str(value))
                if text and f.codelist is not None and f.codelist.data_type == "integer":
                    text = f"{value} – {text}"  # a score: the number counts, not only its words
                if text and f.unit and f.type.value in ("integer", "decimal"):
                    text = f"{text} {units.reported_text(f, rec.values)}"
                code = rec.missing.get(f.id)
                missing = f"{code} – {self.study.missing_label(code) or ''}" if code else ""
                rows.append(FieldRow(f.label, text, missing, visible.get(f.id, True), False,
                                     f.section or "", refs))
        derived = ()
        if form.derived and not restricted and not blind:
            values = overview.derived(self.store, self.code, event.id, form.id, rec.values,
                                      event_repeat=rec.event_repeat, repeat=rec.repeat,
                                      version=rec.crf_changed if rec.instance_id else None)
            labels = {d.id: d.label for d in form.derived}  # in the printout's language
            derived = tuple(DerivedRow(labels.get(key, d.label), d.text,
                                       d.note or d.error or "")
                            for key, d in values.items())
        signatures = []
        for s in rec.signatures:
            self.times += [s.signed_at, s.invalidated_at or ""]
            signatures.append(SignatureRow(s.full_name, s.role, s.meaning, utc_text(s.signed_at),
                                           s.valid, utc_text(s.invalidated_at),
                                           s.invalidated_reason or ""))
        verified = (tr("{when} by {user}").format(when=utc_text(rec.verified_at),
                                                  user=self._user(rec.verified_by))
                    if rec.verified_at else "")
        return FormBlock(
            event=event_label, form=form.label, entry=rec.repeat if form.repeating else None,
            status=rec.status.value,
            updated=(tr("{when} by {user}").format(when=utc_text(rec.updated_at),
                                                   user=self._user(rec.updated_by))
                     if rec.updated_at else ""),
            verified=verified, rows=tuple(rows), derived=derived, signatures=tuple(signatures),
            queries=tuple(self._query(q) for q in queries), restricted=restricted,
            sign_meaning=_sign_meaning(self.study, event, form, rec),
            crf=self._crf(rec.crf_entered),
            crf_changed=(self._crf(rec.crf_changed) if rec.crf_changed != rec.crf_entered
                         else ""))

    def _crf(self, number: int) -> str:
        """A stored version's CRF label ("1.1"), read once per document."""
        if self._crf_labels is None:
            from alsdesk.store.definitions import labels

            self._crf_labels = labels(self.store.conn)
        return self._crf_labels.get(number, self.study.crf_version)

    # -- queries and the audit trail --------------------------------------------------------

    def _user(self, user_id: str | None) -> str:
        if not user_id:
            return ""
        if user_id not in self._users:
            try:
                self._users[user_id] = f"{self.store.users.get(user_id).full_name} ({user_id})"
            except AlsDeskError:
                self._users[user_id] = user_id
        return self._users[user_id]

    def _place(self, event: str | None, event_repeat: int | None, form: str | None,
               repeat: int | None, field: str | None, study: "Study | None" = None) -> str:
        """Event, form and field by their labels in `study` (the file's own by default)."""
        study = study or self.study
        parts = []
        if event:
            try:
                ev = study.event(event)
                parts.append(ev.label + (f" #{event_repeat}" if ev.repeating else ""))
            except KeyError:
                parts.append(event)
        if form:
            try:
                fdef = study.form(form)
                parts.append(fdef.label + (f" #{repeat}" if fdef.repeating else ""))
                if field:
                    parts.append(fdef.field(field).label)
            except KeyError:
                parts.append(form + (f" · {field}" if field else ""))
        elif field:
            parts.append(f"subject {field}")
        return " · ".join(parts)

    def _query(self, q) -> QueryRow:
        self.times += [q.raised_at, q.answered_at or "", q.closed_at or ""]
        answer = (f"{q.answer} — {self._user(q.answered_by)}, {utc_text(q.answered_at)}"
                  if q.answer else "")
        closed = ""
        if q.closed_at:
            closed = f"{self._user(q.closed_by)}, {utc_text(q.closed_at)}"
            closed += f": {q.close_note}" if q.close_note else ""
        return QueryRow(q.id, self._place(q.event, q.event_repeat, q.form, q.repeat, q.field),
                        q.text, q.status.value, f"{self._user(q.raised_by)}, {utc_text(q.raised_at)}",
                        answer, closed)

    def _audit_rows(self):
        from alsdesk.pdf.appendix import audit_rows

        return audit_rows(self)


def _sign_meaning(study, event: Event, form: Form, rec) -> str | None:
    if rec.status.value == "deleted":  # withdrawn: nothing left to sign
        return None
    need = need_of(study, event, form, rec.values, rec.missing)
    return meaning_of(study, need) if need is not None else None


def _plan_row(plan) -> tuple[str, str, str, str]:
    """Visit, target, window and what happened, as printed (never depends on today)."""
    hours = plan.unit is not None and plan.unit.value == "hours"
    target = _moment(plan.target, hours) if plan.target else "–"
    if plan.done_at is not None:
        done = f"{_moment(plan.done_at, not plan.done_date_only)} ({plan.status.shown})"
    elif plan.window is None:
        done = "–"
    elif plan.status.value == "not expected":
        done = tr("not expected (left the study)")
    else:
        done = tr("not done")
    return plan.label, target, plan.describe_window(), done


def _moment(moment: datetime, with_time: bool) -> str:
    if i18n.language() != "en":  # the Solar Hijri date first, the Gregorian beside it
        from alsdesk import datefmt

        return (datefmt.shown_datetime if with_time else datefmt.shown_date)(moment)
    text = f"{moment.day:02d}/{fv.MONTHS[moment.month - 1]}/{moment.year}"
    return text + (f" {moment.hour:02d}:{moment.minute:02d}" if with_time else "")


def _display(field, value) -> str:
    """A stored value as printed: as the forms write it in English (the binder's pages stay
    byte for byte), as the screen shows it in another language (datefmt.shown_value: a whole
    date in the Solar Hijri calendar with the Gregorian beside)."""
    if i18n.language() == "en":
        return fv.display(field, value)
    from alsdesk import datefmt

    return datefmt.shown_value(field, value)


def latest(stamps: list[str]) -> datetime | None:
    """The latest of some ISO time stamps, as a datetime (None when there are none)."""
    moments = []
    for s in stamps:
        try:
            moments.append(datetime.fromisoformat(s))
        except (TypeError, ValueError):
            continue
    aware = [m for m in moments if m.tzinfo is not None]
    return max(aware) if aware else None


def _registered(created_at: str) -> str:
    """The day a subject was registered, as the printed CRFs write dates (05/MAR/2015):
    the clinic's local day of the UTC time stamp."""
    from datetime import datetime

    from alsdesk import datefmt

    try:
        day = datetime.fromisoformat(created_at).astimezone().date()
        return datefmt.date_text(day) if i18n.language() == "en" else datefmt.shown_date(day)
    except ValueError:
        return created_at[:10]
