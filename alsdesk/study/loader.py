"""Read the study definition (TOML) into the frozen model, refusing anything doubtful.

Every mistake raises :class:`DefinitionError` naming the file with the line where it could
be found, the key path (``forms.ae.fields[3] (aeser).type``) and what is allowed instead: a
definition error found at start-up costs a minute, one found after data entry costs a study.
Allowed keys and reserved names are in :mod:`alsdesk.study.schema`, typed reading and line
finding in :mod:`alsdesk.study.source`, one form at a time in :mod:`alsdesk.study.forms`;
this module reads the study around the forms and resolves references between them.
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from alsdesk.errors import DefinitionError
from alsdesk.paths import default_study_file
from alsdesk.study.companion import gather, texts
from alsdesk.study.forms import FormReader
from alsdesk.study.model import (
    CodeList, Derived, Event, EventKind, Field, FieldType, Form, MissingCode, Study, TimeUnit,
)
from alsdesk.rules.expr import parse_expr
from alsdesk.study.model import Check
from alsdesk.study.schema import (
    ARITY, DEVIATION_BINDINGS, KEYS, KNOWN_FUNCTIONS, REQUIRED_BINDINGS, REQUIRED_PARAMETERS,
)
from alsdesk.study.schema import DERIVED_PARTS
from alsdesk.safety.ctcae_sheet import SUPPORTED as CTCAE_VERSIONS
from alsdesk.study.safety_defs import read_safety_defs
from alsdesk.study.signing import read_study_signing, read_need
from alsdesk.study.source import Source, annotate
from alsdesk.study.status_defs import read_status_defs
from alsdesk.study.sae_defs import read_sae

__all__ = ["load_study", "load_study_text", "KNOWN_FUNCTIONS"]

# Cells that readers turn into "missing" by default, compared in upper case: pandas'
# read_csv na_values defaults (pandas docs, "IO tools: NA values") and R's read.csv
# na.strings = "NA"; Stata's and SAS's CSV imports keep text codes. A missing-data code
# written as one of these would silently become an empty cell (issue: the "NA" trap).
READ_AS_EMPTY = frozenset({
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NAN", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NAN", "NONE",
})
EXPORT_CODE = re.compile(r"[A-Za-z0-9._-]{1,16}")
MAX_BYTES = 5_000_000  # the trial's own file is 83 kB


def load_study(path: str | Path | None = None) -> Study:
    """Load and validate the study definition; the bundled trial file when path is None."""
    path = Path(path) if path is not None else default_study_file()
    try:
        # Never open a FIFO or a device (a read would wait for ever, or never end).
        if path.exists() and not path.is_file():
            raise DefinitionError(str(path), "(file)", "is not a regular file: give the "
                                  "study definition's .toml file")
        if path.stat().st_size > MAX_BYTES:
            raise DefinitionError(str(path), "(file)", f"is {path.stat().st_size:,} bytes; a "
                                  f"study definition is at most {MAX_BYTES:,}")
        # utf-8-sig: Windows Notepad writes a byte-order mark, which TOML does not allow; it
        # says nothing, so it is dropped rather than refused ("Invalid statement, column 1")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise DefinitionError(str(path), "(file)", f"cannot be read: {e}") from None
    study = load_study_text(text, path.name, source=path)
    return _checked(dataclasses.replace(study, companions=gather(path, study.id)))


def load_study_text(text: str, name: str, companions: Mapping[str, str] | None = None, *,
                    source: Path | None = None) -> Study:
    """A definition from its text (as a database stores it); `name` is the file name
    messages give."""
    src = Source(name, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        src.syntax_error(str(e))
    except RecursionError:
        raise DefinitionError(name, "(file)", "is nested too deeply (arrays or tables "
                              "inside each other hundreds of levels deep) to be a study "
                              "definition") from None
    study = _Builder(src, source).study(data)
    return _checked(dataclasses.replace(study, text=text, companions=texts(companions or {})))


def _checked(study: Study) -> Study:
    """The companions read at load: a translation naming a text the definition lacks fails
    here, with its file, line and key (one without a text is only a warning: `study check`)."""
    from alsdesk.study import translation

    for code in translation.LANGUAGES:
        translation.read(study, code)
    return study


class _Builder:
    """One pass over the parsed TOML; methods fail fast through ``self.src.fail``."""

    def __init__(self, src: Source, path: Path) -> None:
        self.src, self.path = src, path
        self.missing: dict[str, MissingCode] = {}
        self.codelists: dict[str, CodeList] = {}
        self.forms: dict[str, Form] = {}
        self.events: dict[str, Event] = {}

    def study(self, data: dict[str, Any]) -> Study:
        """The whole Study, read in dependency order.

        Codelists come before forms, forms before events, events before the references
        (derived inputs, bindings) that name them.
        """
        top = self.src.table(data, "", "top")
        info = self.src.table(top["study"], "study", "study")
        values = {k: self.src.val(info, "study", k, "str") for k in KEYS["study"][0][:-1]}
        self.subject_pattern(values["subject_pattern"])
        meanings = self.src.val(info, "study", "signature_meanings", "strs", ())
        for i, meaning in enumerate(meanings):
            if not meaning.strip() or meaning in meanings[:i]:
                self.src.fail(f"study.signature_meanings[{i}]",
                              "must not be empty" if not meaning.strip()
                              else f"repeats {meaning!r}")
        enrol = self.src.val(info, "study", "target_enrolment", "int")
        if enrol < 1:
            self.src.fail("study.target_enrolment", "must be 1 or more")
        params = self.parameters(top["parameters"])
        anchor_name = self.src.val(info, "study", "anchor_name", "str")
        ctcae = self.src.val(info, "study", "ctcae_version", "str")
        if ctcae is not None and ctcae not in CTCAE_VERSIONS:
            self.src.fail("study.ctcae_version", f"{ctcae!r} is not a CTCAE version the "
                          f"program reads ({', '.join(CTCAE_VERSIONS)})")
        for i, raw in enumerate(self.src.val(top, "", "missing", "list", [])):
            m = self.src.table(raw, f"missing[{i}]", "missing")
            code, label = (self.src.val(m, f"missing[{i}]", k, "str") for k in ("code", "label"))
            if code in self.missing:
                self.src.fail(f"missing[{i}].code", f"duplicate missing-data code {code!r}")
            export = self.src.val(m, f"missing[{i}]", "export", "str", "")
            self.missing[code] = MissingCode(code, label, export)
            self._check_export_code(i, self.missing[code])
        reader = FormReader(self.src, self.codelists, self.missing,
                            self.src.val(info, "study", "double_entry", "bool", False))
        codelists = self.src.table(top.get("codelists", {}), "codelists", None)
        for cid, raw in codelists.items():
            self.src.ident(cid, f"codelists.{cid}", "codelist")
            t = self.src.table(raw, f"codelists.{cid}", "codelist")
            dtype = self.src.val(t, f"codelists.{cid}", "type", "str")
            if dtype not in ("text", "integer"):
                self.src.fail(f"codelists.{cid}.type",
                              f"unknown codelist type {dtype!r}; allowed: text, integer")
            self.codelists[cid] = CodeList(
                cid, dtype, reader.choices(t["choices"], f"codelists.{cid}.choices", dtype))
        for fid, raw in self.src.table(top["forms"], "forms", None).items():
            self.forms[fid] = reader.form(fid, raw)
        if not self.forms:
            self.src.fail("forms", "no forms are defined")
        self.read_events(self.src.val(top, "", "events", "list"))
        for form in self.forms.values():
            for i, d in enumerate(form.derived):
                self.derived_inputs(form, i, d)
            for i, check in enumerate(form.checks):
                self.check_refs(form, i, check)
            self.suggest_refs(form)
        bindings = self.bindings(top["bindings"])
        self.deviation_bindings(bindings)
        status_defs = read_status_defs(self.src, info, bindings, self.resolve)
        anchor_event = next((e.id for e in self.events.values() if e.anchor), None)
        safety = read_safety_defs(self.src, top, self.forms, self.resolve, anchor_event)
        return Study(
            codelists=MappingProxyType(dict(self.codelists)), forms=MappingProxyType(self.forms),
            events=tuple(self.events.values()), bindings=bindings, parameters=params,
            missing_codes=tuple(self.missing.values()), target_enrolment=enrol,
            signature_meanings=meanings, source=self.path, **status_defs,
            ctcae_version=ctcae, anchor_name=anchor_name, **read_study_signing(self.src, info), **safety, **values,
            sae=read_sae(self.src, top, self.forms, self.resolve))

    # --- study-level pieces --------------------------------------------------------------
    def subject_pattern(self, pattern: str) -> None:
        """Refuse a pattern that cannot be formatted or gives every subject the same code."""
        try:
            first, second = pattern.format(n=1), pattern.format(n=2)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as e:
            self.src.fail("study.subject_pattern", f"is not a valid pattern ({e}); write it"
                          " like \"S{n:03d}\", with n the subject's number")
        if first == second:
            self.src.fail("study.subject_pattern", "must contain {n} (the subject's number)")

    def _check_export_code(self, i: int, m: MissingCode) -> None:
        """A missing code in data files must survive every mainstream reader's defaults."""
        key = f"missing[{i}].export" if m.export else f"missing[{i}].code"
        if m.exported.upper() in READ_AS_EMPTY:
            self.src.fail(key, f"pandas and R read {m.exported!r} as an empty cell, so this "
                               "code would be lost in every CSV: give the code an export "
                               f'code they keep, e.g. export = "{m.code}P"')
        if not EXPORT_CODE.fullmatch(m.exported):
            self.src.fail(key, f"{m.exported!r} is not usable in data files: letters, digits, "
                               "'.', '-' and '_' only (REDCap's rule for missing-data codes)")
        for other in self.missing.values():
            if other is not m and {m.code, m.exported} & {other.code, other.exported}:
                self.src.fail(key, f"data files could not tell {m.code} from {other.code}: "
                                   f"both would be written {m.exported!r} or "
                                   f"{other.exported!r}; give one of them another export code")

    def parameters(self, raw: Any) -> Mapping[str, float]:
        """Protocol numbers: all numeric, and at least those the core reads."""
        t = self.src.table(raw, "parameters", None)
        for name in t:
            self.src.ident(name, f"parameters.{name}", "parameter")
            self.src.val(t, "parameters", name, "num")
        for name in REQUIRED_PARAMETERS:
            if name not in t:
                self.src.fail("parameters", f"missing required parameter {name!r}; the program"
                              f" needs: {', '.join(REQUIRED_PARAMETERS)}")
        if t["min_age"] > t["max_age"]:
            self.src.fail("parameters.min_age", "is above max_age")
        return MappingProxyType(dict(t))

    # --- events, references ----------------------------------------------------------------
    def read_events(self, raw: list[Any]) -> None:
        """The schedule, in order; then every form must belong to some event."""
        for i, e in enumerate(raw):
            key = annotate(f"events[{i}]", e)
            t = self.src.table(e, key, "event")
            eid = self.src.ident(t["id"], f"{key}.id", "event")
            if eid in self.events:
                self.src.fail(f"{key}.id", f"duplicate event id {eid!r}")
            forms = self.src.val(t, key, "forms", "strs")
            if not forms:
                self.src.fail(f"{key}.forms", "an event needs at least one form")
            for j, f in enumerate(forms):
                if f not in self.forms:
                    self.src.fail(f"{key}.forms[{j}]", f"unknown form {f!r}; defined forms: "
                                  f"{', '.join(self.forms)}", near=f'"{f}"')
                if f in forms[:j]:
                    self.src.fail(f"{key}.forms[{j}]", f"form {f!r} is listed twice",
                                  near=f'"{f}"')
            kind = self.src.val(t, key, "kind", "str", "visit")
            if kind not in {k.value for k in EventKind}:
                self.src.fail(f"{key}.kind", f"unknown event kind {kind!r}; allowed: visit, log")
            unit = self.src.val(t, key, "unit", "str")
            if unit is not None and unit not in {u.value for u in TimeUnit}:
                self.src.fail(f"{key}.unit", f"unknown unit {unit!r}; allowed: hours, days")
            target, window = self.src.val(t, key, "target", "num"), self.window(t, key)
            anchor = self.src.val(t, key, "anchor", "bool", False)
            repeating = self.src.val(t, key, "repeating", "bool", False)
            if kind == "log" and (unit or target is not None or window or anchor or repeating):
                self.src.fail(key, "a log event has no schedule: remove unit, target, window,"
                              " anchor and repeating")
            if (target is not None or window) and unit is None:
                self.src.fail(key, "a target or window needs a unit: unit = \"hours\" or \"days\"")
            if target is not None and window and not window[0] <= target <= window[1]:
                self.src.fail(f"{key}.target", f"target {target:g} is outside the window "
                              f"[{window[0]:g}, {window[1]:g}]")
            if anchor and (repeating or any(x.anchor for x in self.events.values())):
                self.src.fail(f"{key}.anchor", "only one event, and not a repeating one, can "
                              "be the anchor")
            self.events[eid] = Event(
                eid, self.src.val(t, key, "label", "str"), forms, EventKind(kind), repeating,
                TimeUnit(unit) if unit else None, None if target is None else float(target),
                window, anchor, read_need(self.src, t, key, None))
        if not self.events:
            self.src.fail("events", "no events are defined")
        scheduled = any(e.window or e.target is not None for e in self.events.values())
        if scheduled and not any(e.anchor for e in self.events.values()):
            self.src.fail("events", "targets and windows count from the anchor, but no event "
                          "has anchor = true")
        used = {f for e in self.events.values() for f in e.forms}
        for fid in self.forms:
            if fid not in used:
                self.src.fail(f"forms.{fid}", f"form {fid!r} is used by no event; add it to an"
                              " event's forms list or remove it")

    def window(self, t: dict[str, Any], key: str) -> tuple[float, float] | None:
        """An event's window as (earliest, latest), or None when it has none."""
        w = self.src.val(t, key, "window", "list")
        if w is None:
            return None
        if len(w) != 2 or any(isinstance(x, bool) or not isinstance(x, (int, float)) for x in w):
            self.src.fail(f"{key}.window", "must be two numbers: [earliest, latest]")
        if w[0] > w[1]:
            self.src.fail(f"{key}.window", f"earliest {w[0]:g} is after latest {w[1]:g}")
        return float(w[0]), float(w[1])

    def resolve(self, ref: str, own: Form | None) -> tuple[Form, Field | Derived] | str:
        """The form and field/derived ``ref`` names, or the reason it does not resolve."""
        parts = ref.split(".")
        if len(parts) == 3:
            event = self.events.get(parts[0])
            if event is None:
                return f"no event {parts[0]!r}"
            if parts[1] not in event.forms:
                return f"event {parts[0]!r} has no form {parts[1]!r}"
        if (len(parts) == 1 and own is None) or len(parts) > 3:
            return "write form.field or event.form.field"
        form = own if len(parts) == 1 else self.forms.get(parts[-2])
        if form is None:
            return f"no form {parts[-2]!r}"
        for item in (*form.fields, *form.derived):
            if item.id == parts[-1]:
                return form, item
        return f"form {form.id!r} has no field or derived value {parts[-1]!r}"

    def derived_inputs(self, form: Form, index: int, d: Derived) -> None:
        """Check the number of inputs and that each names an existing field or value."""
        key = f"forms.{form.id}.derived[{index}] ({d.id})"
        fewest, most = ARITY[d.function]
        if len(d.inputs) < fewest or (most is not None and len(d.inputs) > most):
            wanted = f"{fewest}" if fewest == most else f"at least {fewest}"
            self.src.fail(f"{key}.inputs", f"{d.function} takes {wanted} input(s), not "
                          f"{len(d.inputs)}")
        for j, ref in enumerate(d.inputs):
            found = self.resolve(ref, form)
            if isinstance(found, str):
                self.src.fail(f"{key}.inputs[{j}]", f"{ref!r} does not resolve: {found}",
                              near=f'"{ref}"')
            if found[1] is d:
                self.src.fail(f"{key}.inputs[{j}]", "a derived value cannot read itself")
            if len(ref.split(".")) == 2:
                # form.field means "in the same event", so every event must hold both forms.
                for e in self.events.values():
                    if form.id in e.forms and found[0].id not in e.forms:
                        self.src.fail(f"{key}.inputs[{j}]", f"{ref!r} means form {found[0].id!r}"
                                      f" of the same event, but event {e.id!r} lacks it; write"
                                      " event.form.field", near=f'"{ref}"')

    def suggest_refs(self, form: Form) -> None:
        """Each ``suggest`` reference names a field or a derived value (and a known part)."""
        for i, f in enumerate(form.fields):
            for j, ref in enumerate(f.suggest):
                key = f"forms.{form.id}.fields[{i}] ({f.id}).suggest"
                base, _, part = ref.partition("#")
                found = self.resolve(base, form)
                if isinstance(found, str):
                    self.src.fail(key, f"{ref!r} does not resolve: {found}", near=f'"{ref}"')
                if found[1] is f:
                    self.src.fail(key, "a field cannot suggest its own value")
                if part:
                    parts = (DERIVED_PARTS.get(found[1].function, ())
                             if isinstance(found[1], Derived) else ())
                    if part not in parts:
                        self.src.fail(key, f"{ref!r}: {base!r} has no part {part!r}; parts: "
                                      f"{', '.join(parts) or 'none'}", near=f'"{ref}"')
                if len(base.split(".")) == 2:
                    for e in self.events.values():
                        if form.id in e.forms and found[0].id not in e.forms:
                            self.src.fail(key, f"{ref!r} means form {found[0].id!r} of the "
                                          f"same event, but event {e.id!r} lacks it; write "
                                          "event.form.field", near=f'"{ref}"')

    def check_refs(self, form: Form, index: int, check: Check) -> None:
        """Each other form an edit check reads must exist and hold one entry per event."""
        key = f"forms.{form.id}.checks[{index}] ({check.id}).expr"
        for ref in sorted(n for n in parse_expr(check.expr).names if "." in n):
            parts = ref.split(".")
            found = self.resolve(ref, form)
            if isinstance(found, str):
                self.src.fail(key, f"{ref!r} does not resolve: {found}")
            target, item = found
            if isinstance(item, Derived):
                self.src.fail(key, f"{ref!r} is a derived value; a check reads entered fields")
            if len(parts) == 2 and target.id == form.id:
                self.src.fail(key, f"{ref!r} is a field of this form: write {parts[-1]!r}")
            if target.repeating:
                self.src.fail(key, f"{ref!r}: form {target.id!r} has several entries per event,"
                              " so a check cannot tell which one to read")
            if len(parts) == 3 and self.events[parts[0]].repeating:
                self.src.fail(key, f"{ref!r}: event {parts[0]!r} repeats, so a check cannot "
                              "tell which one to read")
            if len(parts) == 2:
                for e in self.events.values():
                    if form.id in e.forms and target.id not in e.forms:
                        self.src.fail(key, f"{ref!r} means form {target.id!r} of the same event,"
                                      f" but event {e.id!r} lacks it; write event.form.field")

    def deviation_bindings(self, bindings: Mapping[str, str]) -> None:
        """The deviation log's fields, when any check offers its note as a deviation."""
        offered = [(f"forms.{form.id}.checks[{i}] ({c.id}).deviation", c.deviation)
                   for form in self.forms.values() for i, c in enumerate(form.checks)
                   if c.deviation is not None]
        given = [name for name, _ in DEVIATION_BINDINGS if name in bindings]
        if not given and not offered:
            return
        if len(given) != len(DEVIATION_BINDINGS):
            names = ", ".join(name for name, _ in DEVIATION_BINDINGS)
            self.src.fail("bindings", f"a deviation entry needs all of {names} (the deviation "
                          "log's date, category and description fields)")
        forms = set()
        for name, types in DEVIATION_BINDINGS:
            ref = bindings[name]
            form, item = self.resolve(ref, None)
            if ref.count(".") != 2 or getattr(item, "type", None) not in types:
                self.src.fail(f"bindings.{name}", f"{ref!r} must be event.form.field of a "
                              f"{' or '.join(t.value for t in types)} field")
            forms.add(ref.rsplit(".", 1)[0])
        if len(forms) != 1:
            self.src.fail("bindings.deviation_text", "the deviation fields must be on one form")
        category = self.resolve(bindings["deviation_category"], None)[1]
        codes = [str(c.code) for c in category.codelist.choices]
        for key, code in offered:
            if code not in codes:
                self.src.fail(key, f"{code!r} is not a deviation category; allowed: "
                              f"{', '.join(codes)}")

    def bindings(self, raw: Any) -> Mapping[str, str]:
        """Named references the core uses; the schedule ones must be dates."""
        t = self.src.table(raw, "bindings", None)
        for name in REQUIRED_BINDINGS:
            if name not in t:
                self.src.fail("bindings", f"missing required binding {name!r}")
        anchor = next((e for e in self.events.values() if e.anchor), None)
        for name in t:
            self.src.ident(name, f"bindings.{name}", "binding")
            ref = self.src.val(t, "bindings", name, "str")
            found = self.resolve(ref, None)
            if isinstance(found, str):
                self.src.fail(f"bindings.{name}", f"{ref!r} does not resolve: {found}")
            if name in REQUIRED_BINDINGS and getattr(found[1], "type", None) not in (
                    FieldType.DATE, FieldType.DATETIME):
                self.src.fail(f"bindings.{name}", f"{ref!r} must be a date or datetime field")
            if name == "anchor" and ref.count(".") == 2 and (
                    anchor is None or ref.split(".")[0] != anchor.id):
                self.src.fail("bindings.anchor", f"{ref!r} must be in the event with "
                              "anchor = true")
        return MappingProxyType(dict(t))
