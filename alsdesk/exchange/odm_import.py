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
from alsdesk.errors import AlsDeskError
from alsdesk.exchange.odm_read import (
    MAX_PROBLEMS, DoctypeRefused, FormIn, Problem, Reader, SubjectIn, parse, schema_problems,
    subject_number,
)
from alsdesk.rules import engine
from alsdesk.states import FormStatus, SubjectStatus
from alsdesk.store.audit import A
from alsdesk.study.model import Form, Severity
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

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
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
    store.require(Action.MANAGE_SUBJECTS)
    store.require(Action.ENTER_DATA)
    try:
        try:
            return _import(store, path, progress)
        except MemoryError:
            # The file is read whole (and validated as a tree): a huge one can exhaust
            # memory; the write transaction, if begun, was rolled back on the way out.
            size = path.stat().st_size / 1e6
            raise ImportRefused(path, [Problem("", f"this computer ran out of memory reading "
                                                   f"the file ({size:.0f} MB): import it on a "
                                                   "computer with more memory, or export it "
                                                   "in parts (by subjects)")]) from None
    except ImportRefused as refused:
        _record_refusal(store, path, refused)
        raise


def _record_refusal(store: "Store", path: Path, refused: ImportRefused) -> None:
    """One audit row: the file (name, size, SHA-256) and its first problems."""
    try:
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        what = f"{path.name} ({path.stat().st_size} bytes, SHA-256 {digest})"
    except OSError:
        what = f"{path.name} (unreadable)"
    first = "; ".join(shown(str(p), 200) for p in refused.problems[:3])
    with store.transaction():
        store.audit(REFUSED_ACTION, new_value=f"{what}: {len(refused.problems)} problem(s): "
                                              f"{first}")


def _import(store: "Store", path: Path,
            progress: Callable[[int, int, str], None] | None) -> ImportReport:
    report = ImportReport(path)
    count = store.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    if count:
        raise ImportRefused(path, [Problem("", f"this database already holds {count} subjects"
                                               ": an ODM file is imported only into an empty "
                                               "database of the same study")])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(path, [Problem("", f"the file cannot be read: {exc.strerror}")])
    try:
        root, lines = parse(data)
    except DoctypeRefused:
        raise ImportRefused(path, [Problem("", "the file declares a DOCTYPE; ODM files never"
                                               " need one and it is refused for safety")])
    except expat.ExpatError as exc:
        raise ImportRefused(path, [Problem(f"line {exc.lineno}, column {exc.offset}",
                                           f"not well-formed XML: "
                                           f"{expat.ErrorString(exc.code)}")]) from None
    checked = schema_problems(root, lines)
    report.schema_checked = checked is not None
    reader = Reader(store.study, root, lines)
    subjects = reader.read()
    problems = (checked or []) + reader.problems
    if problems:
        raise ImportRefused(path, problems)
    report.notes += reader.notes
    _write(store, path, subjects, report, progress)
    return report


def _write(store: "Store", path: Path, subjects: list[SubjectIn], report: ImportReport,
           progress: Callable[[int, int, str], None] | None) -> None:
    problems: list[Problem] = []
    base_reason = f"imported from ODM file {path.name}"
    skipped = 0
    carried: dict[str, int] = {}
    with store.transaction():
        store.audit(IMPORT_ACTION, new_value=f"{path.name}: {len(subjects)} subjects, "
                    f"{sum(len(s.forms) for s in subjects)} forms")
        for n, subject in enumerate(subjects, start=1):
            if progress:
                progress(n, len(subjects), f"Importing subject {subject.code}")
            _create_subject(store, subject, path)
            for rec in subject.forms:
                if not rec.values and not rec.missing:
                    skipped += 1
                    continue
                complete = rec.status in _COMPLETE
                if rec.status in (FormStatus.VERIFIED.value, FormStatus.SIGNED.value,
                                  FormStatus.LOCKED.value):
                    carried[rec.status] = carried.get(rec.status, 0) + 1
                reason = base_reason + (f"; {rec.status} in the source" if complete and
                                        rec.status != FormStatus.COMPLETE.value else "") \
                    + (f"; {rec.signed}" if rec.signed else "")
                notes = _soft_notes(store.study.form(rec.form), rec, path) if complete else {}
                try:
                    store.forms.save(subject.code, rec.event, rec.form, rec.values,
                                     rec.missing, event_repeat=rec.event_repeat,
                                     repeat=rec.repeat, complete=complete, notes=notes,
                                     reason=reason)
                except AlsDeskError as exc:
                    problems.append(Problem(rec.where, str(exc)))
                    continue
                report.forms += 1
                report.values += len(rec.values)
                report.missing_codes += len(rec.missing)
            if subject.status != SubjectStatus.SCREENING.value:
                store.subjects.set_status(subject.code, subject.status, base_reason)
            report.subjects += 1
        if problems:
            raise ImportRefused(path, problems)
    if skipped:
        report.notes.append(f"{_forms(skipped)} without any value not created.")
    for status, count in sorted(carried.items()):
        report.notes.append(f"{_forms(count)} {status} in the source imported as complete: "
                            "verification, signatures and locks are done again here.")


def _forms(count: int) -> str:
    return f"{count} form" + ("" if count == 1 else "s")


def _soft_notes(form: Form, rec: FormIn, path: Path) -> dict[str, str]:
    """Notes that let soft findings through completion; each becomes an open query."""
    findings = engine.evaluate(form, rec.values, rec.missing)
    return {f.check_id: f"Accepted in the source system; imported from {path.name}."
            for f in findings if f.severity is Severity.SOFT}


def _create_subject(store: "Store", subject: SubjectIn, path: Path) -> None:
    """A subject under the screening number it has in the file."""
    created = store.subjects.create(number=subject.number)
    if created.code != subject.code:
        raise ImportRefused(path, [Problem(f"subject {subject.code}",
                                           f"its screening number {subject.number} gives the "
                                           f"code {created.code} under this study's pattern")])