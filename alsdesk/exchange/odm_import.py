"""Import a CDISC ODM 1.3.2 file into an empty database of the same study.

All or nothing: the file is read, checked against the ODM schema (when the odmlib package,
which ships the XSD, is installed) and against this study, and only a file without a single
problem is written, in one transaction, through the same core calls as data entry, so the
audit trail records every value and ``alsdesk verify`` replays it.

What comes in (the decisions are explained in docs/exchange.md): subjects under their own
screening numbers, with their status; every form with its values and missing-data codes,
under the same event and repeat numbers. A form that was complete, verified, signed or locked
in the source is saved as complete here (its checks run again; soft findings become open
queries noting the import); verification, signatures and locks are not carried over, since
they are acts of a person in this system, but the source's signature is named in the reason
of the audit rows. The audit trail of the source stays with the source.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable
from xml.parsers import expat

from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError, PermissionDenied
from alsdesk.exchange.odm_read import (
    MAX_PROBLEMS, FormIn, Problem, Reader, SubjectIn, schema_problems, subject_number,
)
from alsdesk.exchange.odm_stage import Staged
from alsdesk.exchange.odm_held import held_by
from alsdesk.exchange.odm_stream import MAX_DEPTH, DoctypeRefused, TooDeep, pieces
from alsdesk.rules import engine
from alsdesk.rules.context import check_context
from alsdesk.states import FormStatus, SubjectStatus
from alsdesk.store import audit
from alsdesk.store.audit import A
from alsdesk.store.definitions import study_at
from alsdesk.study.model import Severity
from alsdesk.textcheck import shown, text_problem

if TYPE_CHECKING:
    from alsdesk.store.core import Store

IMPORT_ACTION = "data.import"
# A refused file leaves one row (who tried which file, and why), and no data.
REFUSED_ACTION = A.IMPORT_REFUSED
__all__ = ["IMPORT_ACTION", "ImportRefused", "ImportReport", "Problem", "import_odm",
           "subject_number"]
_COMPLETE = {FormStatus.COMPLETE.value, FormStatus.VERIFIED.value, FormStatus.SIGNED.value,
             FormStatus.LOCKED.value}


class ImportRefused(AlsDeskError):
    """The file was not imported; nothing was written. `problems` says what and where."""

    def __init__(self, path: Path, problems: list[Problem], uncounted: int = 0) -> None:
        self.path = path
        self.problems = problems
        self.uncounted = uncounted
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown) + uncounted
        lines = [f"- {p}" for p in shown] + ([f"- ... and {more} more"] if more > 0 else [])
        super().__init__(f"{path.name} was not imported; nothing was written (the refusal is "
                         "recorded in the audit trail).\n"
                         + "\n".join(lines))


@dataclass
class ImportReport:
    file: Path
    subjects: int = 0
    forms: int = 0
    values: int = 0
    missing_codes: int = 0
    schema_checked: bool = False
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"Imported {self.file.name}: {self.subjects} subjects, {self.forms} forms, "
                 f"{self.values} values, {self.missing_codes} missing-data codes.",
                 "Checked against the ODM 1.3.2 schema." if self.schema_checked else
                 "Not checked against the ODM schema (install the odmlib package for that)."]
        return "\n".join(lines + self.notes)


# --- writing ------------------------------------------------------------------------------


def import_odm(store: "Store", path: str | Path,
               progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """Import the ODM file `path` into this empty database; raises ImportRefused."""
    if problem := text_problem(os.fspath(path) if isinstance(path, (str, os.PathLike)) else path,
                               limit=4096, lines=False):
        # its name is written into the audit trail
        raise AlsDeskError(f"The ODM file's name {problem} (rename the file).")
    path = Path(path)
    try:
        store.require(Action.MANAGE_SUBJECTS)
        store.require(Action.ENTER_DATA)
    except PermissionDenied as exc:  # recorded like any refused file: who tried, which
        if store.user_id is not None and path.is_file():
            _record_refusal(store, path, ImportRefused(path, [Problem("", str(exc))]))
        raise
    try:
        try:
            return _import(store, path, progress)
        except MemoryError:
            # The file is read a subject at a time, but one subject is held whole (and
            # validated as a tree): a huge one can exhaust memory; the write transaction was
            # rolled back on the way out.
            size = path.stat().st_size / 1e6
            raise ImportRefused(path, [Problem("", f"this computer ran out of memory reading "
                                                   f"the file ({size:.0f} MB): it is read a "
                                                   "subject at a time, and one subject, or "
                                                   "one of its values, is too large for the "
                                                   "memory this computer has; check the file"
                                                   " or import it on a computer with more "
                                                   "memory")]) from None
    except ImportRefused as refused:
        _record_refusal(store, path, refused)
        raise


def _record_refusal(store: "Store", path: Path, refused: ImportRefused) -> None:
    """One audit row: the file (name, size, SHA-256) and its first problems."""
    what = audit.file_named(path)
    first = "; ".join(shown(str(p), 200) for p in refused.problems[:3])
    count = len(refused.problems) + refused.uncounted
    with store.transaction():
        store.audit(REFUSED_ACTION, new_value=f"{what}: {count} problem(s): {first}")


def _import(store: "Store", path: Path,
            progress: Callable[[int, int, str], None] | None) -> ImportReport:
    report = ImportReport(path)
    count = store.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    if count:
        raise ImportRefused(path, [Problem("", f"this database already holds {count} subjects"
                                               ": an ODM file is imported only into an empty "
                                               "database of the same study")])
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise ImportRefused(path, [Problem("", f"the file cannot be read: {exc.strerror}")])
    with fh:
        _Import(store, path, report, progress).run(_Hashing(fh))
    return report


class _Hashing:
    """The file as it is read, with the SHA-256 of what was read (named in the audit row)."""

    def __init__(self, fh) -> None:
        self.fh, self.sha, self.done = fh, hashlib.sha256(), 0
        self.size = os.fstat(fh.fileno()).st_size

    def read(self, n: int) -> bytes:
        block = self.fh.read(n)
        self.sha.update(block)
        self.done += len(block)
        return block


class _Import:
    """Reads the file piece by piece (odm_stream), checking each subject as it is read and
    holding it (odm_stage); then writes every subject, all in one transaction: a problem
    anywhere, even in the last line, rolls every subject back. After the first problems the
    file is still read, and up to MAX_PROBLEMS problems the subjects still written (which
    runs the hard checks), to report them all."""

    def __init__(self, store: "Store", path: Path, report: ImportReport,
                 progress: Callable[[int, int, str], None] | None) -> None:
        self.store, self.path, self.report, self.progress = store, path, report, progress
        self.reader = Reader(store.study, held_by(store))
        self.reason = f"imported from ODM file {path.name}"
        self.skipped = 0
        self.carried: dict[str, int] = {}
        report.schema_checked = True

    def run(self, fh: _Hashing) -> None:
        reader, report = self.reader, self.report
        with self.store.transaction():
            staged = Staged(self.store.conn, self.store.study)
            try:
                self.read(fh, staged)
                self.write_all(fh, staged)
            finally:
                staged.close()
            if reader.problems:
                raise ImportRefused(self.path, reader.problems, reader.more)
            self.store.audit(IMPORT_ACTION, new_value=(
                f"{audit.named(self.path, fh.done, fh.sha.hexdigest())}: "
                f"{report.subjects} subjects, {report.forms} forms"))
        report.notes += reader.notes
        if self.skipped:
            report.notes.append(f"{_forms(self.skipped)} without any value not created.")
        for status, count in sorted(self.carried.items()):
            report.notes.append(f"{_forms(count)} {status} in the source imported as complete:"
                                " verification, signatures and locks are done again here.")

    def read(self, fh: _Hashing, staged: Staged) -> None:
        reader = self.reader
        try:
            for piece in pieces(fh):
                if piece.kind == "clinical":
                    reader.head(piece.root, piece.lines)
                    reader.clinical(piece.element)
                elif piece.kind == "subject":
                    self.subject(piece, fh, staged)
                else:
                    reader.finish(piece.element, piece.lines)
                    self.schema(piece.element, piece.lines)
        except DoctypeRefused:
            reader.problems.insert(0, Problem("", "the file declares a DOCTYPE; ODM files"
                                                  " never need one and it is refused for "
                                                  "safety"))
        except TooDeep as exc:
            reader.problems.insert(0, Problem(f"line {exc.line}", f"elements nested more "
                                              f"than {MAX_DEPTH} deep: an ODM file never "
                                              "nests so deep"))
        except expat.ExpatError as exc:
            if exc.code == expat.errors.codes[expat.errors.XML_ERROR_NO_MEMORY]:
                raise MemoryError from None
            reader.problems.insert(0, Problem(f"line {exc.lineno}, column {exc.offset}",
                                              f"not well-formed XML: "
                                              f"{expat.ErrorString(exc.code)}"))

    def schema(self, element, lines: dict[int, int]) -> bool:
        checked = schema_problems(element, lines)
        if checked is None:
            self.report.schema_checked = False
        for problem in checked or ():
            self.reader.add(problem)
        return not checked

    def subject(self, piece, fh: _Hashing, staged: Staged) -> None:
        reader = self.reader
        before = len(reader.problems) + reader.more
        self.schema(piece.element, piece.lines)
        subject = reader.subject(piece.element, piece.lines)
        if subject is None:
            return
        if self.progress:  # reading is the first half of the work, writing the second
            self.progress(fh.done, 2 * fh.size, f"Reading subject {subject.code}")
        if len(reader.problems) + reader.more > before or reader.unheld is not None:
            staged.refuse(subject)  # the file is refused; this subject is only checked
        elif before < MAX_PROBLEMS:
            for problem in staged.add(subject):
                reader.add(problem)

    def write_all(self, fh: _Hashing, staged: Staged) -> None:
        reader = self.reader
        for n, subject in enumerate(staged.written(), start=1):
            if len(reader.problems) + reader.more >= MAX_PROBLEMS:
                return
            if self.progress:
                self.progress(fh.size + fh.size * n // len(staged), 2 * fh.size,
                              f"Importing subject {subject.code}")
            try:
                with self.store.transaction():  # a savepoint: a failed subject leaves nothing
                    self.write(subject)
            except ImportRefused as exc:
                for problem in exc.problems:
                    reader.add(problem)
            except AlsDeskError as exc:  # e.g. a status this subject's data do not allow
                reader.add(Problem(f"subject {subject.code}", str(exc)))
            self.store.flush_audit()  # its rows go to the file now, not to memory

    def write(self, subject: SubjectIn) -> None:
        store, report = self.store, self.report
        problems: list[Problem] = []
        _create_subject(store, subject, self.path)
        for rec in subject.forms:
            if not rec.values and not rec.missing:
                self.skipped += 1
                continue
            complete = rec.status in _COMPLETE
            if rec.status in (FormStatus.VERIFIED.value, FormStatus.SIGNED.value,
                              FormStatus.LOCKED.value):
                self.carried[rec.status] = self.carried.get(rec.status, 0) + 1
            reason = self.reason + (f"; {rec.status} in the source" if complete and
                                    rec.status != FormStatus.COMPLETE.value else "") \
                + (f"; {rec.signed}" if rec.signed else "")
            notes = _soft_notes(store, subject.code, rec, self.path) if complete else {}
            try:
                with store.double.importing():  # complete as the source keyed it
                    store.forms.save(subject.code, rec.event, rec.form, rec.values,
                                     rec.missing, event_repeat=rec.event_repeat,
                                     repeat=rec.repeat, complete=complete, notes=notes,
                                     reason=reason, crf_version=rec.crf_version)
            except AlsDeskError as exc:
                problems.append(Problem(rec.where, str(exc)))
                continue
            report.forms += 1
            report.values += len(rec.values)
            report.missing_codes += len(rec.missing)
        if problems:
            raise ImportRefused(self.path, problems)
        if subject.status != SubjectStatus.SCREENING.value:
            store.subjects.set_status(subject.code, subject.status, self.reason)
        report.subjects += 1


def _forms(count: int) -> str:
    return f"{count} form" + ("" if count == 1 else "s")


def _soft_notes(store: "Store", subject: str, rec: FormIn, path: Path) -> dict[str, str]:
    """Notes that let soft findings through completion; each becomes an open query. Found
    as the save finds them, with the subject's other forms and the visit window (a visit
    done in the window of the definition it was entered under may be outside this one's)."""
    number = rec.crf_version or store.study_version
    study = store.study if number == store.study_version else study_at(store.conn, number)
    context = check_context(store, subject, rec.event, rec.form, event_repeat=rec.event_repeat,
                            crf_version=number)
    findings = engine.evaluate(study.form(rec.form), {**context, **rec.values}, rec.missing)
    return {f.check_id: f"Accepted in the source system; imported from {path.name}."
            for f in findings if f.severity is Severity.SOFT}


def _create_subject(store: "Store", subject: SubjectIn, path: Path) -> None:
    """A subject under the screening number it has in the file."""
    created = store.subjects.create(number=subject.number)
    if created.code != subject.code:
        raise ImportRefused(path, [Problem(f"subject {subject.code}",
                                           f"its screening number {subject.number} gives the "
                                           f"code {created.code} under this study's pattern")])