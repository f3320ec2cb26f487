"""Checking an ODM 1.3.2 file for import, piece by piece as alsdesk.exchange.odm_stream reads
it: against the ODM schema when odmlib is installed, and against this study, collecting every
problem with its place (the first MAX_KEPT of them; the rest are counted)."""
from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from alsdesk.errors import AlsDeskError
from alsdesk.exchange import odm_common as oc
from alsdesk.exchange.odm_held import Held
from alsdesk.exchange.odm_meta import Deferred, check_metadata
from alsdesk.states import FormStatus, SubjectStatus
from alsdesk.study.model import Event, Form, Study
from alsdesk.textcheck import shown

MAX_PROBLEMS = 50  # shown in a message
MAX_KEPT = 1000  # kept in memory: a file wrong in every value may hold millions


@dataclass(frozen=True)
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


@dataclass
class FormIn:
    event: str
    event_repeat: int
    form: str
    repeat: int
    status: str
    values: dict[str, Any]
    missing: dict[str, str]
    signed: str | None
    where: str
    # the stored definition version its values were checked under and are saved under
    crf_version: int | None = None


@dataclass
class SubjectIn:
    code: str
    number: int
    status: str
    forms: list[FormIn]


# --- the ODM schema -------------------------------------------------------------------------


def schema_problems(root: ET.Element, lines: dict[int, int]) -> list[Problem] | None:
    """Problems of the tree `root` against the ODM 1.3.2 XSD, or None when odmlib (which ships
    it) is missing. `root` is the skeleton (the file without its subjects) or one SubjectData,
    a global element of the schema that is valid on its own; so the whole file is checked
    without holding it, and nothing it names (schema locations) is fetched.

    libxml2 (lxml) answers valid or not ten times faster than xmlschema, which is pure
    Python; only a tree it finds invalid is checked again by xmlschema, whose messages name
    the element, so that each problem gets the line it is on in the file."""
    try:
        import xmlschema
        from odmlib import schema_manager
    except ImportError:
        return None
    path = schema_manager.get_schema_path("odm", "1.3.2")
    fast = _fast_schema(path)
    if fast is not None:
        from lxml import etree

        if fast.validate(etree.fromstring(ET.tostring(root))):
            return []
    schema = _SCHEMA.get("odm")
    if schema is None:
        schema = _SCHEMA["odm"] = xmlschema.XMLSchema(path)
    problems = []
    for error in schema.iter_errors(root):
        line = lines.get(id(error.elem)) if error.elem is not None else None
        at = re.sub(r"\{[^}]*\}", "", error.path or "/")
        where = (f"line {line}, " if line else "") + f"ODM schema, at {at}"
        problems.append(Problem(where, str(error.reason or error)))
        if len(problems) > MAX_PROBLEMS:
            break
    return problems


def _fast_schema(path: str) -> Any:
    if "lxml" not in _SCHEMA:
        try:
            from lxml import etree
            _SCHEMA["lxml"] = etree.XMLSchema(etree.parse(path))
        except (ImportError, OSError):
            _SCHEMA["lxml"] = None
    return _SCHEMA["lxml"]


_SCHEMA: dict[str, Any] = {}


# --- checking it against the study --------------------------------------------------------


class Reader:
    """Turns the pieces of a file into subjects and forms, collecting problems: head() for
    what precedes the clinical data, clinical() for each ClinicalData, subject() for each
    SubjectData, finish() at the end.

    `held`: the stored definitions of this database (odm_held); a ClinicalData of a version
    it holds is read and checked under that version, one of an ALS Desk version it does not
    hold is refused (docs/exchange.md)."""

    def __init__(self, study: Study, held: Held | None = None) -> None:
        self.study = study
        self.held = held or Held(study)
        self.defs = self.held.newest  # of the ClinicalData being read
        self.unheld: str | None = None  # why the ClinicalData being read is refused
        self.unheld_said = False
        self.lines: dict[int, int] = {}  # the skeleton's elements
        self.sub_lines: dict[int, int] = {}  # the current subject's
        self.problems: list[Problem] = []
        self.more = 0  # problems past MAX_KEPT
        self.notes: list[str] = []
        self.users: dict[str, str] = {}
        self.headed = False
        self.clinical_seen = False
        self.stopped = False  # data of another study: its subjects are not read
        # The file's MetaDataVersions: OID -> the OIDs of the items it defines
        self.mdvs: dict[str, set[str]] = {}
        self.mdv = ""  # the MetaDataVersionOID of the ClinicalData being read
        # (metadata version, subject) read: a subject appears once in a version's data, and
        # in the data of several versions when its forms are of several (odm_versions)
        self.seen: set[tuple[str, str]] = set()
        self.statuses: dict[str, str] = {}  # subject -> the status the file gives it
        self.deferred: Deferred = {}  # odm_meta: differences reported when an item is used
        self.trimmed = 0  # text values given with blanks around them

    def line(self, el: ET.Element) -> str:
        return f"line {self.sub_lines.get(id(el)) or self.lines.get(id(el), '?')}"

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_KEPT:
            self.problems.append(problem)
        else:
            self.more += 1

    def fail(self, el: ET.Element | None, context: str, what: str) -> None:
        where = ", ".join(p for p in (self.line(el) if el is not None else "", context) if p)
        self.add(Problem(where, what))

    def head(self, root: ET.Element, lines: dict[int, int]) -> None:
        """The ODM element, its Study and metadata, and AdminData's users (once)."""
        if self.headed:
            return
        self.headed, self.lines = True, lines
        if root.tag != oc.tag("ODM"):
            self.fail(root, "", f"this is not a CDISC ODM 1.3 file (its root element is "
                                f"{root.tag.split('}')[-1]} in another namespace or none)")
            self.stopped = True
            return
        version = root.get("ODMVersion", "")
        if version and not version.startswith("1.3"):
            self.fail(root, "", f"ODM version {version}; this program reads ODM 1.3.2")
        for st in root.findall(oc.tag("Study")):
            if st.get("OID") != oc.study_oid(self.study.id):
                self.fail(st, "", f"the file describes study {st.get('OID')!r}, but this "
                                  f"database holds study {self.study.id}")
        self.mdvs = {m.get("OID", ""): {i.get("OID", "") for i in m.iterfind(oc.tag("ItemDef"))}
                     for m in root.iter(oc.tag("MetaDataVersion"))}
        # same meaning, not just OID, each version as this database holds it (else as the
        # newest); of several versions, those of the items data use
        self.deferred = check_metadata(lambda oid: self.held.of(oid).study, root, self.fail,
                                       self.notes)
        self.users = {u.get("OID", ""): (u.findtext(oc.tag("FullName"))
                                          or u.findtext(oc.tag("LoginName")) or u.get("OID", ""))
                      for u in root.iterfind(f"{oc.tag('AdminData')}/{oc.tag('User')}")}

    def clinical(self, cd: ET.Element) -> None:
        self.clinical_seen = True
        if self.stopped:
            return
        if cd.get("StudyOID") != oc.study_oid(self.study.id):
            self.fail(cd, "", f"the clinical data are of study {cd.get('StudyOID')!r}; "
                              f"this database holds study {self.study.id}")
            self.stopped = True
            return
        self.mdv = mdv = cd.get("MetaDataVersionOID", "")
        ours = self.study.crf_version
        self.defs, self.unheld_said = self.held.of(mdv), False
        self.unheld = self.held.refusal(mdv) if mdv in self.mdvs else None
        if self.unheld is not None:
            return
        if mdv in self.held.oids:
            # said of every version, the one in force too: the report names where each
            # block of data went (a reader would otherwise wonder about the newest)
            note = (f"The clinical data of metadata version {mdv} were checked against "
                    f"this database's CRF version {self.defs.study.crf_version} (stored "
                    f"definition version {self.defs.number}) and recorded as entered "
                    "under it.")
            if note not in self.notes:
                self.notes.append(note)
            return
        if mdv in self.mdvs:
            note = (f"The clinical data of metadata version {mdv} were checked against the "
                    f"file's definition of it and imported under this database's CRF version"
                    f" {ours}: their forms record that they were entered under {ours}.")
        elif self.mdvs:
            note = (f"The clinical data at {self.line(cd)} refer to metadata version {mdv!r}, "
                    f"which the file does not define (it defines "
                    f"{', '.join(sorted(self.mdvs))}): their items were matched to this "
                    "study's by their OIDs only, without comparing data types, units or codes.")
        else:
            note = (f"The file was written for metadata version {mdv}, this study is at CRF "
                    f"version {ours}: items were matched by their OIDs.")
        if note not in self.notes:
            self.notes.append(note)

    def finish(self, root: ET.Element, lines: dict[int, int]) -> None:
        self.head(root, lines)
        if self.trimmed:
            self.notes.append(f"{self.trimmed} text value(s) had blanks before or after them;"
                              " they were removed, as data entry removes them.")
        if not self.clinical_seen and not self.stopped:
            self.fail(root, "", "the file holds no clinical data (no ClinicalData element)")

    def _transaction(self, el: ET.Element, context: str) -> None:
        if el.get("TransactionType") in ("Remove", "Context"):
            self.fail(el, context, f"TransactionType {el.get('TransactionType')} cannot be "
                                   "imported into an empty database")

    def subject(self, sd: ET.Element, lines: dict[int, int]) -> SubjectIn | None:
        """The subject `sd` (its elements' lines in `lines`), or None if it is not read."""
        if self.stopped:
            return None
        self.sub_lines = lines
        code = sd.get("SubjectKey", "")
        context = f"subject {_key(code)}"
        if (self.mdv, code) in self.seen:
            self.fail(sd, context, "appears twice in the file" + (
                f" (in the clinical data of metadata version {self.mdv})"
                if len(self.mdvs) > 1 else ""))
        self.seen.add((self.mdv, code))
        self._transaction(sd, context)
        number = subject_number(self.study.subject_pattern, code)
        if number is None:
            self.fail(sd, context, f"the subject key does not follow this study's pattern "
                                   f"({self.study.subject_pattern.format(n=1)}, ...)")
        given = self.flag(sd, oc.FLAG_SUBJECT_STATUS, oc.SUBJECT_STATUSES, context)
        known = self.statuses.get(code)
        if given and known and given != known:
            self.fail(sd, context, f"its status is {given!r} here but {known!r} where the "
                                   "file gave it before")
        elif given:
            self.statuses[code] = given
        status = self.statuses.get(code) or SubjectStatus.SCREENING.value
        subject = SubjectIn(code, number or 0, status, [])
        keys: set[tuple[str, int, str, int]] = set()
        for se in sd.findall(oc.tag("StudyEventData")):
            if self.unheld is not None:  # its forms are not read; said once per ClinicalData
                if not self.unheld_said:
                    self.fail(se, context, self.unheld)
                    self.unheld_said = True
                continue
            event = self.defs.events.get(se.get("StudyEventOID", ""))
            if event is None:
                self.fail(se, context, f"unknown event {se.get('StudyEventOID')!r}")
                continue
            ev_rep = self.repeat_key(se, "StudyEventRepeatKey", event.repeating,
                                     f"{context}, event {event.id}")
            for fd in se.findall(oc.tag("FormData")):
                rec = self.form(fd, event, ev_rep, context)
                if rec is None:
                    continue
                key = (rec.event, rec.event_repeat, rec.form, rec.repeat)
                if key in keys:
                    self.fail(fd, rec.where, "this form appears twice")
                keys.add(key)
                subject.forms.append(rec)
        return subject

    def repeat_key(self, el: ET.Element, attr: str, repeating: bool, context: str) -> int:
        text = el.get(attr)
        if text is None:
            return 1
        if not re.fullmatch(r"[1-9][0-9]{0,5}", text):
            self.fail(el, context, f"{attr} {text!r} is not a repeat number (1, 2, ...)")
            return 1
        if int(text) > 1 and not repeating:
            self.fail(el, context, f"{attr} {text}, but this happens only once")
        return int(text)

    def flag(self, el: ET.Element, flag_type: str, allowed: tuple[str, ...],
             context: str) -> str | None:
        for flag in el.findall(f"{oc.tag('Annotation')}/{oc.tag('Flag')}"):
            if flag.findtext(oc.tag("FlagType")) == flag_type:
                value = (flag.findtext(oc.tag("FlagValue")) or "").strip()
                if value not in allowed:
                    self.fail(flag, context, f"{value!r} is not a known {flag_type.lower()}"
                                             f" (known: {', '.join(allowed)})")
                    return None
                return value
        return None

    def form(self, fd: ET.Element, event: Event, ev_rep: int, subject_ctx: str) -> FormIn | None:
        form = self.defs.forms.get(fd.get("FormOID", ""))
        ev_text = event.id if ev_rep == 1 else f"{event.id} #{ev_rep}"
        context = f"{subject_ctx}, event {ev_text}"
        if form is None or form.id not in event.forms:
            what = "unknown form" if form is None else f"the event {event.id} has no form"
            self.fail(fd, context, f"{what} {fd.get('FormOID')!r}")
            return None
        rep = self.repeat_key(fd, "FormRepeatKey", form.repeating, f"{context}, form {form.id}")
        context += f", form {form.id}" + ("" if rep == 1 else f" #{rep}")
        self._transaction(fd, context)
        status = self.flag(fd, oc.FLAG_FORM_STATUS, oc.FORM_STATUSES, context) \
            or FormStatus.IN_PROGRESS.value
        rec = FormIn(event.id, ev_rep, form.id, rep, status, {}, {}, self.signature(fd), context,
                     self.defs.number)
        groups = fd.findall(oc.tag("ItemGroupData"))
        if len(groups) > 1:  # ours hold one group per form; a second would overwrite values
            self.fail(groups[1], context, f"item group {groups[1].get('ItemGroupOID')!r} "
                                          "appears twice in this form (it holds one)")
        for ig in groups:
            if ig.get("ItemGroupOID") != oc.group_oid(form.id):
                self.fail(ig, context, f"item group {ig.get('ItemGroupOID')!r} does not belong"
                                       f" to this form ({oc.group_oid(form.id)})")
                continue
            for item in ig:
                if isinstance(item.tag, str) and item.tag.startswith(oc.tag("ItemData")):
                    self.item(item, form, rec)
        for f in form.fields:
            if f.id in rec.values and f.id in rec.missing:
                self.fail(fd, context, f"{f.id} has both a value and a missing-data code")
        return rec

    def signature(self, fd: ET.Element) -> str | None:
        sig = fd.find(oc.tag("Signature"))
        if sig is None:
            return None
        user = sig.find(oc.tag("UserRef"))
        oid = user.get("UserOID", "?") if user is not None else "?"
        who = self.users.get(oid, oid)
        return f"signed in the source by {who} at {sig.findtext(oc.tag('DateTimeStamp'))}"

    def item(self, el: ET.Element, form: Form, rec: FormIn) -> None:
        oid = el.get("ItemOID", "")
        found = self.defs.items.get(oid)
        if found is None or found[0].id != form.id:
            # Data of a definition newer than this database's: say what would take them.
            newer = (f" (the file's metadata version {self.mdv} defines it; this database "
                     f"is at CRF version {self.study.crf_version}: amend its study "
                     "definition first)") if found is None and oid in self.mdvs.get(
                         self.mdv, ()) else ""
            self.fail(el, rec.where, f"unknown item {oid!r} for this form{newer}")
            return
        _form, f, is_code = found
        for place, where, what in self.deferred.pop((self.mdv, oid), ()):
            self.fail(place, where, what)  # its version's definition means something else
        if el.get("IsNull") == "Yes":
            return
        text = el.get("Value") if el.tag == oc.tag("ItemData") else (el.text or "")
        if text is None:
            self.fail(el, rec.where, f"item {oid} has no Value")
            return
        if f.id in (rec.missing if is_code else rec.values):
            # the last would silently win: which one the source meant is not for us to guess
            self.fail(el, rec.where, f"item {oid} appears twice in this form")
            return
        if is_code:
            if text not in f.missing:
                allowed = ", ".join(f.missing) or "none"
                self.fail(el, rec.where, f"{f.id}: {text!r} is not an allowed missing-data "
                                         f"code (allowed: {allowed})")
            rec.missing[f.id] = text
            return
        try:
            rec.values[f.id] = value = oc.from_odm(f, text)
            if isinstance(value, str) and value != text and value == text.strip():
                self.trimmed += 1
        except AlsDeskError as exc:
            self.fail(el, rec.where, str(exc))


def _key(code: str) -> str:
    """A subject key for a message: as it is, unless long or odd (a 5,000-digit key is not
    printed whole; control characters are escaped)."""
    return code if len(code) <= 40 and code.isprintable() else shown(code, 40)


def subject_number(pattern: str, code: str) -> int | None:
    """The n that gives `code` from the study's subject pattern (S{n:03d}), or None."""
    regex = ""
    for literal, name, _spec, _conv in string.Formatter().parse(pattern):
        regex += re.escape(literal)
        if name is not None:
            regex += "([0-9]{1,9})"  # a billion subjects; more digits is no subject number
    m = re.fullmatch(regex, code)
    if m is None or not m.groups():
        return None
    n = int(m.group(1))
    return n if n >= 1 and pattern.format(n=n) == code else None


