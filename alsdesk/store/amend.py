"""A protocol amendment: a new version of the study definition, checked against the data.

`plan` compares the stored definition with a new one (alsdesk/study/diff.py) and says, for
each change, what it does to data already in the file; changes that would lose data or read
it differently are refused with the reason and what to do instead. `apply` stores a plan
with no refusal as the next version, in one transaction with its audit row, an
administrator's reason and password: killed halfway, the file is as it was before.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from alsdesk.auth import Action
from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.store import amend_reads as reads, definitions, format2, schema
from alsdesk.store.audit import A
from alsdesk.study import translation, values as fv
from alsdesk.study.diff import Change, diff, window_text
from alsdesk.study.model import Study
from alsdesk.study.source import Source
from alsdesk.study.versions import require_newer

if TYPE_CHECKING:
    from alsdesk.store.core import Store

# Field attributes whose change makes a stored value mean something else, or not parse.
_READS_VALUES = ("type", "code list", "partial", "length", "digits", "unit", "unit_field")


class AmendmentRefused(WorkflowError):
    """An amendment that would lose or reinterpret data, or is not one (the words say)."""


@dataclass(frozen=True)
class Finding:
    change: Change
    impact: str | None = None  # what it does to data already entered
    refusal: str | None = None  # why it cannot be applied, and what to do instead
    line: str = ""  # "file:line" of the change in the new definition, when it has one

    @property
    def text(self) -> str:
        where = f"{self.line}: " if self.line else ""
        out = where + self.change.text
        if self.impact:
            out += f": {self.impact}"
        if self.refusal:
            out = tr("{finding}. REFUSED: {refusal}").format(finding=out, refusal=self.refusal)
        return out


@dataclass(frozen=True)
class Plan:
    old: Study
    new: Study
    file: str
    findings: tuple[Finding, ...]
    version: int  # the number the new definition would get
    head: str = ""  # the report's first line, when not that of an amendment
    migration: bool = False  # a file of format 2 given its first version (store/format2.py)

    @property
    def refused(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.refusal)

    def report(self) -> str:
        head = self.head or tr(
            "Amendment of {study}: CRF {old} -> {new} (stored as version {version}), from "
            "{file}").format(study=self.old.id, old=self.old.crf_version,
                             new=self.new.crf_version, version=self.version, file=self.file)
        lines = [head, *(f"  {f.text}" for f in self.findings)]
        if self.refused and self.migration:
            lines.append(tr("{n} field(s) of the file not described: nothing was changed. Give "
                            "the definition the site used, with every field.").format(
                                n=len(self.refused)))
        elif self.refused:
            lines.append(tr("{n} change(s) refused: nothing was changed. Write the definition "
                            "again without them (each says what to do instead).").format(
                                n=len(self.refused)))
        return "\n".join(lines)


def plan(store: "Store", new: Study, file: str) -> Plan:
    """What amending the file's definition to `new` would do (AmendmentRefused when it is
    for another study, not newer, or no change at all)."""
    if (first := format2.migration_plan(store, new, file)) is not None:
        return first  # a file of format 2 the program's own definition does not describe
    old = store.study
    if new.id != old.id:
        raise AmendmentRefused(tr(
            "{file} is the definition of study {new}; this database holds study {old}. Amend "
            "it with a new version of the {old} definition.").format(file=file, new=new.id,
                                                                      old=old.id))
    if new.digest == old.digest:
        raise AmendmentRefused(tr("{file} is the definition stored already (version "
                                  "{version}): there is nothing to amend.").format(
                                      file=file, version=store.study_version))
    src = Source(file, new.text)
    line = src.line_of("study.crf_version")
    require_newer(f"{file}:{line}" if line else file, new.crf_version, old.crf_version)
    ever = definitions.layout_study(store.conn, old)
    schedules = _Schedules(store, new)  # read once, whatever the number of windows moved
    findings = [_judge(store, old, new, ever, c, src, schedules) for c in diff(old, new)]
    for reused in _reused_ids(old, new, ever, src):  # the diff's "added" line, refused
        at = next((i for i, f in enumerate(findings) if f.change.kind == "added"
                   and f.change.what == "field" and f.change.key == reused.change.key), None)
        if at is None:  # a field of a form added back whole: the diff names only the form
            findings.append(reused)
        else:
            findings[at] = reused
    findings.extend(_too_wide(store, new, src))
    for name in sorted(set(old.companions) | set(new.companions)):
        if old.companions.get(name) != new.companions.get(name):
            kind = ("added" if name not in old.companions else
                    "removed" if name not in new.companions else "changed")
            what = Change(kind, "companion file", name, "its text" if kind == "changed"
                          else None, "", "")
            code = translation.language_of(name)
            if code is None:
                findings.append(Finding(what, reads.lines_differ(
                    old.companions.get(name, ""), new.companions.get(name, "")), None, name))
                continue
            texts = translation.changed_texts(old, new, code)
            findings.append(Finding(what, tr("{n} translated text(s) change, each below: "
                                             "what the forms show in that language").format(
                                                 n=len(texts)), None, name))
            findings += [Finding(Change("changed", "translation",
                                        f"{key} ({english[:60]!r})", "its text",
                                        before, after), None, None, name)
                         for key, english, before, after in texts]
    return Plan(old, new, file, tuple(findings), store.study_version + 1)


def apply(store: "Store", new: Study, file: str, *, reason: str, password: str) -> Plan:
    """Store `new` as the next version (administrator, with a reason and the password)."""
    store.require(Action.AMEND_STUDY)
    if not isinstance(reason, str) or not reason.strip():
        raise ReasonRequired(tr("Give the reason for the amendment (for example the protocol "
                                "amendment's number and date)."))
    # Planned again on this (writable) store: what was shown may have been planned on a
    # read-only look, before other saves.
    amendment = plan(store, new, file)
    if amendment.refused:
        raise AmendmentRefused(amendment.report())
    store.users.authenticate(store.user_id, password, purpose="amendment")
    with store.transaction():
        number = definitions.store_version(store, new, reason.strip())
        for column in schema.sync_form_tables(store.conn, new):
            store.audit(A.SCHEMA, field=column, new_value="column added",
                        reason=f"study definition version {number}")
    store.use_study(new, number)
    return amendment


# -- what each change does to the data ------------------------------------------------------


def _judge(store: "Store", old: Study, new: Study, ever: Study, c: Change,
           src: Source, schedules: "_Schedules") -> Finding:
    refusal = impact = None
    conn = store.conn
    if c.what == "event" and c.kind == "removed":
        n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE event = ?", c.key)
        if n:
            refusal = tr("{n} form(s) were entered at this visit; keep the event (change its "
                         "label or window instead)").format(n=n)
    elif c.what == "event" and c.attr == "forms":
        for form_id in set(c.before) - set(c.after):
            n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE event = ? AND "
                       "form = ?", c.key, form_id)
            if n:
                refusal = tr("form {form} was entered {n} time(s) at {event}; keep it in "
                             "the event's forms").format(form=form_id, n=n, event=c.key)
    elif c.what == "event" and c.attr in ("kind", "repeating", "anchor"):
        n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE event = ?", c.key)
        if n:
            refusal = tr("{n} form(s) were entered at {event} as it was; changing its {attr} "
                         "would read them as another kind of visit: add a new event").format(
                             n=n, event=c.key, attr=c.attr)
    elif c.attr == "window":
        impact = _window_impact(new, c, schedules)
    elif c.what == "form" and c.kind == "removed":
        n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE form = ?", c.key)
        if n:
            refusal = tr("it was entered {n} time(s); keep the form").format(n=n)
    elif c.what == "form" and c.attr == "repeating" and not c.after:
        n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE form = ? AND repeat > 1",
                   c.key)
        if n:
            refusal = tr("{n} entries are second or later ones; keep it repeating").format(n=n)
    elif c.what == "form" and c.attr == "double_entry":
        refusal, impact = _double_entry(conn, c)
    elif c.what == "field":
        refusal, impact = _field(store, old, new, c)
    elif c.what in ("choice", "field choice"):
        refusal, impact = _choice(store, old, c)
    elif c.what == "missing code" and c.kind == "removed":
        n = reads.code_uses(store, old, c.key)
        if n:
            refusal = tr("{n} value(s) are recorded as {code}; keep the code").format(n=n,
                                                                                      code=c.key)
    elif c.what == "missing code" and c.attr == "label":
        n = reads.code_uses(store, old, c.key)
        if n:
            impact = tr("{n} value(s) are recorded as {code}: {reads}").format(
                n=n, code=c.key, reads=_reads(c))
    elif c.what == "derived value" and c.kind == "changed" and c.attr != "label":
        form_id = c.key.split(".", 1)[0]
        n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE form = ?", form_id)
        if n and c.attr in ("function", "inputs", "unit", "digits"):
            # derived values are computed, not stored: a new way of computing one would
            # change what every form entered so far shows, printed pages included
            refusal = tr("it is computed for {n} form(s) already entered, which would then "
                         "show another value: add a derived value with a new id instead").format(
                             n=n)
    elif c.what == "parameter" and c.kind == "changed":
        n = reads.count(conn, "SELECT count(*) FROM form_instances")
        if n:
            impact = tr("{n} form(s) already entered keep the value of the version they were "
                        "last saved under (their pages, verdicts and derived values); a form "
                        "saved from now on is judged by the new value").format(n=n)
    elif c.what == "check" and (c.kind == "added" or c.attr in ("expr", "severity")):
        form_id, check_id = c.key.split(".", 1)
        check = next((x for x in new.form(form_id).checks if x.id == check_id), None)
        n = reads.count(conn, "SELECT count(*) FROM form_instances WHERE form = ? AND status "
                        "IN ('complete', 'verified', 'signed', 'locked')", form_id)
        if check is not None and check.severity.value == "hard" and n:
            # not evaluated here: a check reads other forms; what it does is said instead
            impact = tr("a hard check: of the {n} complete form(s) of {form}, any that fails "
                        "it is refused at its next save until the values are corrected").format(
                            n=n, form=form_id)
    elif c.what == "end-of-study status" and c.kind in ("changed", "removed"):
        n = reads.eos_uses(store, old, c.key)
        if n:
            refusal = tr("{n} subject(s) ended the study with {code}, which set their status to "
                         "{status}; keep what it sets").format(n=n, code=repr(c.key),
                                                               status=repr(c.before))
    elif c.what == "study" and c.attr == "subject_pattern":
        n = reads.count(conn, "SELECT count(*) FROM subjects")
        if n:
            refusal = tr("{n} subject(s) have numbers made by the old pattern; keep it").format(
                n=n)
    elif c.what == "binding" and c.kind in ("changed", "removed"):
        form_id, field_id = str(c.before).split(".")[-2:]
        n = reads.stored(store, form_id, field_id) if form_id in old.forms else 0
        if n:
            # the schedule's anchor, the consent date, the end-of-study answer ...: every
            # window, status or dose computed from it would be computed from another field
            refusal = tr("{n} value(s) of {field} are read as {binding}; reading another field "
                         "instead would change what was computed from them: keep it").format(
                             n=n, field=c.before, binding=c.key)
    elif c.what == "code list" and c.attr == "type of its codes":
        users = [f"{f}.{x.id}" for f, x in reads.fields_with_list(old, c.key)
                 if reads.stored(store, f, x.id)]
        if users:
            refusal = tr("codes are stored in {fields}; keep the type").format(
                fields=', '.join(users))
    return Finding(c, impact, refusal, reads.line(src, new, c))


def _field(store: "Store", old: Study, new: Study, c: Change) -> tuple[str | None, str | None]:
    form_id, field_id = c.key.split(".", 1)
    n = reads.stored(store, form_id, field_id)
    if c.kind == "removed":
        return ((tr("{n} value(s) are recorded in it; keep the field (make it not required, "
                    "or hide it with 'visible')").format(n=n)) if n else None), None
    if c.kind == "added":
        return None, None
    before, after = old.form(form_id).field(field_id), new.form(form_id).field(field_id)
    if c.attr == "required" and c.after and reads.has_table(store, form_id):
        open_ = reads.count(store.conn, f'SELECT count(*) FROM "{form_id}" t JOIN form_instances '
                       f'fi ON fi.id = t.instance_id WHERE fi.status IN (\'complete\', '
                       f'\'verified\', \'signed\', \'locked\') AND t."{field_id}" IS NULL' +
                       (f' AND t."{schema.missing_column(field_id)}" IS NULL'
                        if before.missing else ''))
        return None, tr("{n} form(s) marked complete have no value in it: they stay as they "
                        "are; their next save asks for it where the field applies").format(
                            n=open_) if open_ else None
    if not n:
        return None, None
    if c.attr == "missing":
        gone = set(before.missing) - set(after.missing)
        used = sum(reads.count(store.conn, f'SELECT count(*) FROM "{form_id}" WHERE '
                          f'"{schema.missing_column(field_id)}" = ?', code) for code in gone)
        if used:
            return tr("{n} value(s) are recorded with the code(s) removed; keep them").format(
                n=used), None
        return None, None
    if c.attr == "identifier" and before.identifier and not after.identifier:
        return tr("{n} value(s) were entered as direct identifiers, kept from monitors, "
                  "exports and the casebook; they would then be shown, printed and exported: "
                  "keep identifier = true").format(n=n), None
    if c.attr == "visible":
        return None, tr("{n} form(s) hold a value in it; where the new condition hides the "
                        "field, the next save of that form asks for the value to be "
                        "cleared").format(n=n)
    if c.attr not in _READS_VALUES and c.attr not in ("min", "max"):
        return None, None
    if schema.form_columns(new.form(form_id)).get(field_id) is not \
            schema.form_columns(old.form(form_id)).get(field_id):
        return tr("{n} value(s) are stored as {type}; a field of another kind cannot hold "
                  "them: add a new field").format(n=n, type=before.type.value), None
    if c.attr == "unit":
        return tr("{n} value(s) were recorded in {unit}; they would be read in the new unit: "
                  "add a new field").format(n=n, unit=before.unit or tr("no unit")), None
    bad = [v for (v,) in store.conn.execute(
        f'SELECT "{field_id}" FROM "{form_id}" WHERE "{field_id}" IS NOT NULL')
        if fv.check_value(after, v) is not None]
    if not bad:
        return None, None
    if c.attr in ("min", "max"):
        # a range is a hard check at every save: values outside it would block any later
        # change of their forms (a typo elsewhere included) until someone altered them
        return tr("{n} recorded value(s) lie outside the new range (for example {example}); "
                  "every later save of their forms would be refused until they were changed: "
                  "keep a range that includes them, or add a soft check that asks about values "
                  "outside the new one").format(
                      n=len(bad),
                      example=fv.plain(bad[0]) if isinstance(bad[0], (int, float)) else bad[0]
                  ), None
    return tr("{n} recorded value(s) would no longer be valid (for example {example}); keep "
              "the {attr} or add a new field").format(n=len(bad), example=repr(str(bad[0])[:40]),
                                                      attr=c.attr), None


def _choice(store: "Store", old: Study, c: Change) -> tuple[str | None, str | None]:
    if c.kind == "added":
        return None, None
    if c.what == "field choice":  # one field's own (inline, or newly chosen) list
        form_id, field_id, code = c.key.split(".", 2)
        cl = old.form(form_id).field(field_id).codelist
        users = [(form_id, old.form(form_id).field(field_id))]
    else:
        list_id, code = c.key.split(".", 1)
        cl = old.codelists[list_id]
        users = reads.fields_with_list(old, list_id)
    stored = next(ch.code for ch in cl.choices if str(ch.code) == code)
    uses = sum(reads.count(store.conn, f'SELECT count(*) FROM "{f}" WHERE "{x.id}" = ?', stored)
               for f, x in users if reads.has_table(store, f) and reads.stored(store, f, x.id))
    if not uses:
        return None, None
    if c.kind == "removed":
        return tr("{n} recorded value(s) are this choice; keep it").format(n=uses), None
    if c.attr == "label":
        return None, tr("{n} recorded value(s) are this choice: {reads}").format(
            n=uses, reads=_reads(c))
    return None, None


def _reads(c: Change) -> str:
    """How a relabelled code reads: old pages keep their version's words until saved again."""
    return tr("pages of forms last saved under an earlier version keep {before}; a form saved "
              "from now on reads {after}").format(before=repr(c.before), after=repr(c.after))


class _Schedules:
    """Every subject's visit plan as the file has it and as the new windows would judge
    every visit, read at the first window change a plan meets."""

    def __init__(self, store: "Store", new: Study) -> None:
        self.store, self.new = store, new

    @cached_property
    def before(self):
        from alsdesk.overview import all_schedules

        return all_schedules(self.store)

    @cached_property
    def after(self):
        from alsdesk.overview import all_schedules

        return all_schedules(self.store, study=self.new, as_entered=False)


def _double_entry(conn, c: Change) -> tuple[str | None, str | None]:
    """Switching a form's double entry on leaves the forms already complete as they are;
    switching it off while two entries of one still differ would leave those unresolved."""
    if c.after:
        done = reads.count(conn, "SELECT count(*) FROM form_instances WHERE form = ? AND "
                           "completed_at IS NOT NULL", c.key)
        open_ = reads.count(conn, "SELECT count(*) FROM form_instances WHERE form = ? AND "
                            "completed_at IS NULL AND status != 'deleted'", c.key)
        if not done + open_:
            return None, None
        return None, tr("{done} form(s) already complete keep their status (not keyed "
                        "again); {open} not yet complete need a second entry by another "
                        "person before they can be completed").format(done=done, open=open_)
    n = reads.count(conn, "SELECT count(*) FROM second_entries se JOIN form_instances fi ON "
                    "fi.id = se.instance_id WHERE fi.form = ? AND se.resolved_at IS NULL",
                    c.key)
    if n:
        return tr("{n} form(s) have differences between their two entries still to "
                  "resolve: resolve them first").format(n=n), None
    return None, None


def _window_impact(new: Study, c: Change, schedules: _Schedules) -> str | None:
    from alsdesk.clinical.schedule import VisitStatus

    ev = c.key
    if not any(e.id == ev for e in new.events):
        return None
    before, after = schedules.before, schedules.after
    moved_out = moved_in = 0
    for code, plans in before.items():
        old_plan = next((p for p in plans if p.event_id == ev), None)
        new_plan = next((p for p in after.get(code, []) if p.event_id == ev), None)
        if old_plan is None or new_plan is None or not old_plan.is_done:
            continue
        if (old_plan.status is VisitStatus.DONE_IN_WINDOW
                and new_plan.status is VisitStatus.DONE_OUT_OF_WINDOW):
            moved_out += 1
        elif (old_plan.status is VisitStatus.DONE_OUT_OF_WINDOW
              and new_plan.status is VisitStatus.DONE_IN_WINDOW):
            moved_in += 1
    words = []
    if moved_out:
        words.append(tr("{n} visit(s) already done would be judged out of window").format(
            n=moved_out))
    if moved_in:
        words.append(tr("{n} visit(s) done out of window would be judged in window").format(
            n=moved_in))
    if not words:
        return tr("no visit already done is judged differently")
    return tr("{changes} by the new window; they stay judged by the window they were entered "
              "under ({window})").format(changes="; ".join(words), window=window_text(c.before))


def _reused_ids(old: Study, new: Study, ever: Study, src: Source) -> list[Finding]:
    """A field added back under an id an earlier version had, with another kind: its
    column still holds that version's values, which the new field would read."""
    out = []
    for form_id, form in new.forms.items():
        was = ever.forms.get(form_id)
        if was is None:
            continue
        now_cols = schema.form_columns(form)
        then_cols = schema.form_columns(was)
        for f in form.fields:
            in_old = form_id in old.forms and f.id in old.forms[form_id].field_ids
            if in_old or f.id not in was.field_ids:
                continue
            if now_cols.get(f.id) is not then_cols.get(f.id) or reads.list_of(f) != reads.list_of(
                    was.field(f.id)):
                change = Change("added", "field", f"{form_id}.{f.id}", after=f)
                out.append(Finding(change, None, tr(
                    "an earlier version had a field with this id of another kind, whose "
                    "values stay in the file; give the new field a new id"),
                    reads.line(src, new, change)))
    return out


# SQLite refuses a table of more than 2,000 columns (SQLITE_MAX_COLUMN) halfway through the
# amendment, in its own words; the plan says it first, in ours.
MAX_COLUMNS = 2000


def _too_wide(store: "Store", new: Study, src: Source) -> list[Finding]:
    out = []
    for form in new.forms.values():
        have = {r[1] for r in store.conn.execute(f'PRAGMA table_info("{form.id}")')}
        width = len(have | set(schema.form_columns(form)) | {"instance_id"})
        if width > MAX_COLUMNS:
            change = Change("changed", "form", form.id, "number of its columns", len(have),
                            width)
            out.append(Finding(change, None, tr(
                "its table would have {width} columns (a field with missing-data codes takes "
                "two); a form holds at most {most}: split it into more forms").format(
                    width=width, most=MAX_COLUMNS),
                reads.line(src, new, change)))
    return out


__all__ = ["AmendmentRefused", "Finding", "Plan", "plan", "apply"]
