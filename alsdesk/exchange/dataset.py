"""What an export holds: the selection, who may make it, and one consistent snapshot.

Every format (CSV, ODM, REDCap) reads the same :class:`Snapshot`, taken inside one read
transaction so a save made meanwhile cannot leave half of it in the file. Direct identifiers
(fields with ``identifier = true``, subject initials) are left out unless an administrator
asks for them; deleted log entries are never exported as data.
"""
from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from alsdesk import anchor
from alsdesk.exchange import reader
from alsdesk.anchor import Head
from alsdesk.auth import Action, Role
from alsdesk.errors import AlsDeskError, NotFound, PermissionDenied
from alsdesk.outputs import refuse_program_file
from alsdesk.store import audit as audit_trail
from alsdesk.store.audit import A, CODE_ACTIONS, VALUE_ACTIONS, utc_now
from alsdesk.store.forms import Signature
from alsdesk.store.filekind import kind_of
from alsdesk.study.model import Event, Field, FieldType, Form, Study
from alsdesk.study.values import decimal_places
from alsdesk.textcheck import shown, text_problem

if TYPE_CHECKING:
    from alsdesk.store.core import Store

# (steps done, steps in all, what is being done) -> None; called from the exporting thread.
Progress = Callable[[int, int, str], None]


class ExportError(AlsDeskError):
    """An export cannot be made as asked (bad filter, target in the way)."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export. Empty `subjects` / `forms` mean all of them."""

    subjects: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    include_identifiers: bool = False  # administrators only
    include_audit: bool = False  # CSV: audit trail and signatures; ODM: AuditRecord, Signature
    bom: bool = False  # CSV / REDCap: UTF-8 with a byte order mark, for Excel


@dataclass(frozen=True)
class ExportResult:
    format: str
    target: Path
    files: tuple[Path, ...]
    subjects: int
    records: int  # form instances written
    head: Head | None = None  # the audit head the files carry (alsdesk.exchange.heads)

    def text(self) -> str:
        head = f" (audit head {self.head.text()})" if self.head is not None else ""
        return (f"{self.format.upper()} export: {self.records} forms of {self.subjects} "
                f"subjects written to {self.target}{head}")


@dataclass(frozen=True)
class SubjectRow:
    code: str
    number: int
    status: str
    initials: str | None


@dataclass(frozen=True)
class Instance:
    """One form instance as stored: values are storage values (see alsdesk.study.values)."""

    instance_id: int
    subject: str
    event: str
    event_repeat: int
    form: str
    repeat: int
    status: str
    values: dict[str, Any]
    missing: dict[str, str]
    crf_changed: int = 1  # the stored definition version its data were last changed under


@dataclass
class Snapshot:
    study: Study
    options: ExportOptions
    forms: tuple[Form, ...]  # exported forms, direct identifiers removed unless asked for
    events: tuple[Event, ...]  # events that hold an exported form, their forms filtered
    subjects: list[SubjectRow]
    # The read transaction the snapshot is taken in; instances are read from it lazily.
    conn: Any = None
    records: int = 0  # form instances the export holds
    own_transaction: bool = False
    signatures: dict[int, list[Signature]] = field(default_factory=dict)
    users: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, role)
    taken_at: str = ""
    taken_by: str | None = None
    # The audit chain's head in the same read: every format carries it (exchange.heads).
    head: Head | None = None
    # The number of the stored definition `study` is (ODM writes the older ones too).
    study_version: int = 1

    def form(self, form_id: str) -> Form:
        return next(f for f in self.forms if f.id == form_id)

    def instances_of(self, form_id: str) -> Iterator[Instance]:
        """The form's instances in export order, read as they are used (one pass)."""
        return reader.instances(self.conn, self.study, [self.form(form_id)],
                                [s.code for s in self.subjects], Instance)

    def all_instances(self, version: int | None = None) -> Iterator[Instance]:
        """Every exported instance in export order (by subject), read as used; only those
        last changed under the stored definition `version` when it is given."""
        return reader.instances(self.conn, self.study, self.forms,
                                [s.code for s in self.subjects], Instance, version)

    def audit_rows(self) -> Iterator[dict[str, Any]]:
        """The audit rows of the selection, oldest first, read as they are used (one pass):
        a large study's trail is millions of rows, never all held."""
        return _audit_rows(self.conn, self.study, self.forms,
                           {s.code for s in self.subjects}, self.options)

    def last_changes(self, instance_id: int) -> dict[tuple[str, bool], dict[str, Any]]:
        """(field, is missing code) -> the audit row of the latest change of that value or
        code of one instance (read through the trail's index on instance_id)."""
        last: dict[tuple[str, bool], dict[str, Any]] = {}
        for row in audit_trail.rows(self.conn, instance_id=instance_id):
            if row["action"] in VALUE_ACTIONS or row["action"] in CODE_ACTIONS:
                last[(row["field"], row["action"] in CODE_ACTIONS)] = row
        return last

    def change_users(self) -> set[str]:
        """Who made the latest change of a value or code in the selection (ODM's Users)."""
        actions = sorted(str(a) for a in VALUE_ACTIONS | CODE_ACTIONS)
        codes = sorted(str(a) for a in CODE_ACTIONS)
        marks = ", ".join("?" * len(actions))
        cur = self.conn.execute(
            "SELECT a.subject, a.form, a.field, a.user_id FROM audit_trail a JOIN "
            f"(SELECT max(seq) AS seq FROM audit_trail WHERE action IN ({marks}) "
            f"GROUP BY instance_id, field, action IN ({', '.join('?' * len(codes))})) m "
            "ON m.seq = a.seq", (*actions, *codes))
        subjects = {s.code for s in self.subjects}
        fields = {(f.id, fl.id) for f in self.forms for fl in f.fields}
        return {user for subject, form, fld, user in cur
                if user and subject in subjects and (form, fld) in fields}

    def close(self) -> None:
        """End the read transaction (before the export's audit row is written)."""
        if self.own_transaction and self.conn is not None and self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.own_transaction = False


def exported_forms(study: Study, options: ExportOptions) -> tuple[Form, ...]:
    """The forms an export holds, in definition order, without identifiers unless asked."""
    wanted = set(options.forms) if options.forms else None
    if wanted:
        unknown = sorted(wanted - set(study.forms))
        if unknown:
            raise NotFound(f"The study has no form {', '.join(unknown)}; its forms are: "
                           + ", ".join(study.forms) + ".")
    out = []
    for form in study.forms.values():
        if wanted is not None and form.id not in wanted:
            continue
        fields = tuple(f for f in form.fields if options.include_identifiers or not f.identifier)
        if not fields:
            if wanted is not None:
                raise ExportError(f"The form '{form.label}' ({form.id}) holds only direct "
                                  "identifiers, which are exported only when an administrator "
                                  "asks for them.")
            continue
        out.append(dataclasses.replace(form, fields=fields))
    return tuple(out)


def exported_events(study: Study, forms: Iterable[Form]) -> tuple[Event, ...]:
    ids = {f.id for f in forms}
    return tuple(dataclasses.replace(e, forms=tuple(f for f in e.forms if f in ids))
                 for e in study.events if any(f in ids for f in e.forms))


def check_allowed(store: "Store", options: ExportOptions) -> None:
    """Exports need Action.EXPORT; direct identifiers need an administrator on top."""
    store.require(Action.EXPORT)
    if options.include_identifiers and store.role is not Role.ADMIN:
        raise PermissionDenied("Only an administrator may export direct identifiers (names, "
                               "record numbers, telephone numbers, initials).")


def take_snapshot(store: "Store", options: ExportOptions) -> Snapshot:
    """Check the user may export, then read everything the export needs in one transaction."""
    check_allowed(store, options)
    study = store.study
    forms = exported_forms(study, options)
    conn = store.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # a read transaction: one consistent picture of the file
    try:
        subjects = _subjects(conn, options)
        codes = [s.code for s in subjects]
        snap = Snapshot(study, options, forms, exported_events(study, forms), subjects,
                        conn=conn, records=reader.count(conn, forms, codes),
                        own_transaction=own, taken_at=utc_now(), taken_by=store.user_id,
                        head=anchor.of(conn), study_version=store.study_version)
        snap.users = {r[0]: (r[1], r[2]) for r in
                      conn.execute("SELECT user_id, full_name, role FROM users")}
        if options.include_audit:
            exported = reader.ids(conn, forms, codes)
            snap.signatures = {iid: sigs for iid, sigs in store.forms.all_signatures().items()
                               if iid in exported}
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("COMMIT")
        raise
    return snap


def _subjects(conn, options: ExportOptions) -> list[SubjectRow]:
    rows = [SubjectRow(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT code, number, status, initials FROM subjects ORDER BY number")]
    if options.subjects:
        known = {r.code for r in rows}
        unknown = [c for c in options.subjects if c not in known]
        if unknown:
            raise NotFound(f"There is no subject {', '.join(shown(c, 40) for c in unknown)} "
                           "in this database.")
        rows = [r for r in rows if r.code in set(options.subjects)]
    if not options.include_identifiers:
        rows = [dataclasses.replace(r, initials=None) for r in rows]
    return rows


def _audit_rows(conn, study: Study, forms: tuple[Form, ...], codes: set[str],
                options: ExportOptions) -> Iterator[dict[str, Any]]:
    """Audit rows for the selection; rows of deleted entries stay, identifiers do not."""
    form_ids = {f.id for f in forms}
    hidden = {(f.id, fl.id) for f in study.forms.values() for fl in f.fields
              if fl.identifier and not options.include_identifiers}
    for row in audit_trail.rows(conn):
        subject, form_id = row["subject"], row["form"]
        if subject is None and options.subjects:
            continue  # logins and user management belong to no subject asked for
        if subject is not None and subject not in codes:
            continue
        if form_id is not None and form_id not in form_ids:
            continue  # a form not asked for, or one holding only direct identifiers
        if (form_id, row["field"]) in hidden:
            continue
        if row["action"] == A.SUBJECT_INITIALS and not options.include_identifiers:
            continue
        yield row


# --- values as text ----------------------------------------------------------------------


def plain_number(value: float) -> str:
    """A float as plain decimal text that reads back to the same float (never 1e-05)."""
    text = format(Decimal(repr(float(value))), "f")
    return text


def decimal_text(f: Field, value: float) -> str:
    """A decimal field's value with exactly the field's digits (172 for digits 0, never
    172.0), as every export writes it; plain text, never 1e-05. A value with more places
    than the field now allows (entered before a definition change) keeps all of them."""
    if f.digits is not None and decimal_places(float(value)) <= f.digits:
        return format(Decimal(repr(float(value))), f".{f.digits}f")
    return plain_number(value)


def value_text(f: Field, value: Any) -> str:
    """The text of a storage value in exported files ("" for no value)."""
    if value is None:
        return ""
    if f.type is FieldType.DECIMAL and isinstance(value, (float, int)):
        return decimal_text(f, value)
    return str(value)


def export_codes(study: Study) -> dict[str, str]:
    """Stored missing-data code -> the code data files write (NA -> NAP: see MissingCode)."""
    return {m.code: m.exported for m in study.missing_codes}


def is_numeric(f: Field) -> bool:
    """Whether a field's column holds numbers only (what statistics packages read as such)."""
    if f.type in (FieldType.INTEGER, FieldType.DECIMAL):
        return True
    return f.codelist is not None and f.codelist.data_type == "integer"


def describe(fmt: str, options: ExportOptions, target: Path) -> str:
    """The audit row's text: what was exported, of whom, where."""
    parts = [
        f"format {fmt}",
        "subjects " + (",".join(options.subjects) if options.subjects else "all"),
        "forms " + (",".join(options.forms) if options.forms else "all"),
        "direct identifiers " + ("INCLUDED" if options.include_identifiers else "excluded"),
        "audit trail " + ("included" if options.include_audit else "not included"),
        f"file {os.path.abspath(target)}",  # where it went, whatever the working folder
    ]
    return "; ".join(parts)


# --- writing files: all or nothing, and logged -------------------------------------------


class Output:
    """Files written into a hidden temporary folder, moved into place by :meth:`commit`.

    `target` is a folder (CSV, REDCap) that must be new or empty, or a single file (ODM).
    """

    def __init__(self, target: str | os.PathLike, *, folder: bool, overwrite: bool = False):
        # The path is written into the audit row of the export: one line of text.
        if problem := text_problem(os.fspath(target) if isinstance(target, (str, os.PathLike))
                                   else target, limit=4096, lines=False):
            raise ExportError(f"The export's file or folder name {problem}.")
        self.target = Path(target)
        self.folder = folder
        parent = self.target.parent
        if parent.exists() and not parent.is_dir():
            raise ExportError(f"{parent} is a file, not a folder: choose another place.")
        if not parent.is_dir():
            raise ExportError(f"The folder {parent} does not exist: create it or choose another.")
        if not folder:  # the database, a backup, a heads log: never, even with --force
            try:
                refuse_program_file(self.target)
            except AlsDeskError as exc:
                raise ExportError(str(exc)) from None
        # --force replaces files only: never a FIFO, a device or a socket of that name.
        if (kind := kind_of(self.target)) and not (folder and self.target.is_dir()):
            raise ExportError(f"{self.target} is {kind}: choose a new file name for this "
                              "export.")
        if folder:
            if self.target.exists() and not self.target.is_dir():
                raise ExportError(f"{self.target} is a file: choose a folder for this export.")
            if (self.target.is_dir() and any(self.target.iterdir()) and not overwrite):
                raise ExportError(f"The folder {self.target} is not empty: choose a new or "
                                  "empty folder, so files of another export are not mixed in.")
        elif self.target.is_dir():
            raise ExportError(f"{self.target} is a folder: give a file name for this export.")
        elif self.target.exists() and not overwrite:
            raise ExportError(f"{self.target} exists: choose another file name (or allow "
                              "replacing it).")
        # Written beside the target, on its disk, so the files are moved in place, never
        # copied; into the target itself when it is an existing folder (which may be the
        # root of a USB stick or share: its parent is another disk).
        home = self.target if folder and self.target.is_dir() else parent
        try:
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", dir=home))
        except OSError as exc:
            raise ExportError(f"Cannot write in {parent}: {exc.strerror}.") from None
        self.files: list[Path] = []

    def path(self, name: str) -> Path:
        """Where to write the file `name` for now (a single-file export ignores `name`)."""
        tmp = self.tmp / (name if self.folder else self.target.name)
        self.files.append(tmp)
        return tmp

    def final_paths(self) -> tuple[Path, ...]:
        if not self.folder:
            return (self.target,)
        return tuple(self.target / p.name for p in self.files)

    def commit(self) -> None:
        if not self.folder:
            os.replace(self.files[0], self.target)
        else:
            self.target.mkdir(exist_ok=True)
            # --force into a folder replaces its files of these names, never a FIFO or
            # device of such a name: all are looked at before the first is moved.
            for p in self.files:
                try:
                    refuse_program_file(self.target / p.name)
                except AlsDeskError as exc:
                    raise ExportError(str(exc)) from None
                if kind := kind_of(self.target / p.name):
                    raise ExportError(f"{self.target / p.name} is {kind}: ALS Desk replaces "
                                      "only ordinary files. Remove it or choose another "
                                      "folder.")
            for p in self.files:
                os.replace(p, self.target / p.name)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def written_error(target: Path, exc: OSError) -> str:
    """Why an export could not be written, in words (nothing of it is left behind)."""
    if exc.errno == errno.ENOSPC:
        return (f"There is not enough free space on the disk of {target} for this export: "
                "free some space or choose another place. Nothing was written.")
    return f"Cannot write {target}: {exc.strerror or exc}. Nothing was written."


def finish(store: "Store", snap: Snapshot, fmt: str, out: Output) -> ExportResult:
    """Log the export in the audit trail and move its files into place, together."""
    try:
        with store.transaction():
            store.audit(A.EXPORT, field=fmt, new_value=describe(fmt, snap.options, out.target))
            try:
                out.commit()
            except OSError as exc:
                raise ExportError(written_error(out.target, exc)) from None
    finally:
        out.discard()
    return ExportResult(fmt, out.target, out.final_paths(), len(snap.subjects),
                        snap.records, snap.head)


def run_export(store: "Store", fmt: str, target, options: ExportOptions, folder: bool,
               write: Callable[[Snapshot, Output, Progress], None],
               progress: Progress | None, overwrite: bool) -> ExportResult:
    """Snapshot, write with `write`, then log and move into place; nothing left on failure."""
    from alsdesk.exchange.formats import FORMATS, refusal

    report: Progress = progress or (lambda done, total, text: None)
    report(0, 1, "Reading the database")
    snap = take_snapshot(store, options)  # who may export what is checked first, there
    try:
        if fmt in FORMATS and (why := refusal(fmt, options.forms,
                                               options.include_identifiers)):
            raise ExportError(why)
        out = Output(target, folder=folder, overwrite=overwrite)
        try:
            write(snap, out, report)  # reads the instances as it writes, in the snapshot
        except OSError as exc:  # the disk full, the stick pulled out: in words, nothing left
            out.discard()
            raise ExportError(written_error(out.target, exc)) from None
        except BaseException:
            out.discard()
            raise
    finally:
        snap.close()
    result = finish(store, snap, fmt, out)
    report(1, 1, result.text())
    return result
