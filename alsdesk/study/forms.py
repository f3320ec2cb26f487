"""Reading one form of the study definition: its fields, codelists, checks, derived values.

Everything here can be judged from the form alone (and the study's codelists and missing
codes); what needs the events, such as derived inputs like ``screening.dm.brthdat``, is
resolved afterwards by :mod:`alsdesk.study.loader`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Any

from alsdesk.errors import ExpressionError
from alsdesk.rules.expr import FUNCTIONS as EXPR_FUNCTIONS
from alsdesk.rules.expr import parse_expr, undefined_names
from alsdesk.study.model import (
    Check, Choice, CodeList, Derived, Field, FieldType, Form, MissingCode, Severity,
)
from alsdesk.study.schema import (
    ALSFRS_ITEMS, ITEM_FUNCTIONS, KNOWN_FUNCTIONS, RESERVED_COLUMNS, STORE_TABLES, TYPE_ONLY,
)
from alsdesk.study.signing import read_need
from alsdesk.study.source import Source, annotate, kind_of

__all__ = ["FormReader"]

_TYPES = ", ".join(t.value for t in FieldType)
# {name} in a check's message is filled in with the value when the check fails
# (alsdesk.rules.engine); besides the names the check reads, these may be quoted.
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_.]*)\}")
MESSAGE_WORDS = ("window", "today")


# How a form is laid out on screen (alsdesk.study.model.Form.layout).
LAYOUTS = ("list", "grid")


class FormReader:
    """Builds Form objects; fails through ``src`` with the key and line of the mistake."""

    def __init__(self, src: Source, codelists: dict[str, CodeList],
                 missing: dict[str, MissingCode], double_entry: bool = False) -> None:
        self.src, self.codelists, self.missing = src, codelists, missing
        # [study] double_entry: every form's default, a form's own setting wins
        self.double_entry = double_entry

    def choices(self, raw: Any, key: str, dtype: str | None) -> tuple[Choice, ...]:
        """Choices of a codelist; dtype None infers it (inline choices) from the first code."""
        if not isinstance(raw, list) or not raw:
            self.src.fail(key, "must be a non-empty list of { code = ..., label = ... }")
        out: list[Choice] = []
        for i, c in enumerate(raw):
            ck = f"{key}[{i}]"
            t = self.src.table(c, ck, "choice")
            code, label = t["code"], self.src.val(t, ck, "label", "str")
            if dtype is None:
                is_int = isinstance(code, int) and not isinstance(code, bool)
                dtype = "integer" if is_int else "text"
            if dtype == "integer" and (not isinstance(code, int) or isinstance(code, bool)):
                self.src.fail(f"{ck}.code", f"must be a whole number (integer codes), not "
                              f"{kind_of(code)}")
            if dtype == "text" and (not isinstance(code, str) or not code.strip()):
                self.src.fail(f"{ck}.code", f"must be non-empty text (text codes), not "
                              f"{kind_of(code)}")
            if any(o.code == code for o in out):
                self.src.fail(f"{ck}.code", f"duplicate code {code!r}: each code may appear"
                              " only once in a codelist")
            per = t.get("per")
            if per is not None and (isinstance(per, bool) or not isinstance(per, (int, float))
                                    or not 0 < per < 1e9):
                self.src.fail(f"{ck}.per", "a unit's factor: how many of this unit make one "
                              "of the field's own unit, a number above 0 (creatinine: 88.4)")
            out.append(Choice(code, label, None if per is None else float(per)))
        return tuple(out)

    def form(self, fid: str, raw: Any) -> Form:
        """The form ``[forms.<fid>]`` with its fields, checks and derived values."""
        key = f"forms.{fid}"
        self.src.ident(fid, key, "form")
        if fid in STORE_TABLES:
            self.src.fail(key, f"form id {fid!r} is the name of one of the program's own "
                          f"tables ({', '.join(sorted(STORE_TABLES))}); choose another")
        t = self.src.table(raw, key, "form")
        fields: list[Field] = []
        for i, f in enumerate(self.src.val(t, key, "fields", "list")):
            field = self.field(f, f"{key}.fields[{i}]", fid)
            if any(o.id == field.id for o in fields):
                self.src.fail(f"{key}.fields[{i}] ({field.id}).id",
                              f"duplicate field id {field.id!r} in form {fid!r}")
            fields.append(field)
        if not fields:
            self.src.fail(f"{key}.fields", "a form needs at least one field")
        self._sections_together(fields, key)
        ids = [f.id for f in fields]
        for i, f in enumerate(fields):
            if f.grade_of and not any(o.id == f.grade_of and o.terminology for o in fields):
                self.src.fail(f"{key}.fields[{i}] ({f.id}).grade_of", f"{f.grade_of!r} is not a "
                              "field of this form with terminology = \"ctcae\"")
        fields = self._units(fields, key)
        for i, f in enumerate(fields):
            if f.visible is not None:
                self.expr(f.visible, f"{key}.fields[{i}] ({f.id}).visible", fid, ids)
        checks: list[Check] = []
        for i, c in enumerate(self.src.val(t, key, "checks", "list", [])):
            check = self.check(c, f"{key}.checks[{i}]", fid, ids)
            if any(o.id == check.id for o in checks):
                self.src.fail(f"{key}.checks[{i}] ({check.id}).id", f"duplicate check id "
                              f"{check.id!r} in form {fid!r}")
            checks.append(check)
        derived: list[Derived] = []
        for i, d in enumerate(self.src.val(t, key, "derived", "list", [])):
            item = self.derived(d, f"{key}.derived[{i}]", ids)
            if item.id in ids or any(o.id == item.id for o in derived):
                self.src.fail(f"{key}.derived[{i}] ({item.id}).id", f"duplicate id {item.id!r}:"
                              f" fields and derived values of form {fid!r} share one set of ids")
            derived.append(item)
        layout = self.src.val(t, key, "layout", "str", "list")
        if layout not in LAYOUTS:
            self.src.fail(f"{key}.layout", f"unknown layout {layout!r}; allowed: "
                          f"{', '.join(LAYOUTS)}")
        repeating = self.src.val(t, key, "repeating", "bool", False)
        log_rows = self.src.val(t, key, "log_rows", "int")
        if log_rows is not None and not (repeating and 1 <= log_rows <= 30):
            self.src.fail(f"{key}.log_rows", "entries per printed log page: a whole number "
                          "from 1 to 30, and only for a form with repeating = true")
        return Form(fid, self.src.val(t, key, "label", "str"), tuple(fields), tuple(checks),
                    tuple(derived), repeating, self.src.val(t, key, "domain", "str"), layout,
                    log_rows, read_need(self.src, t, key, ids),
                    self.src.val(t, key, "double_entry", "bool", self.double_entry))

    def _units(self, fields: list[Field], key: str) -> list[Field]:
        """Each number field reported in a choice of units gets that field's code list: the
        other units, each with its factor to the field's own (which is not listed: blank is
        the one way to say it, so a column never holds both "" and "mg/dL" for the same)."""
        by_id = {f.id: f for f in fields}
        out = []
        for i, f in enumerate(fields):
            if f.unit_field is None:
                out.append(f)
                continue
            where = f"{key}.fields[{i}] ({f.id}).unit_field"
            target = by_id.get(f.unit_field)
            if target is None or target.codelist is None or \
                    target.codelist.data_type != "text":
                self.src.fail(where, f"{f.unit_field!r} is not a choice field (text codes) of"
                              " this form")
            if not f.unit:
                self.src.fail(where, "the field needs its own `unit` (the one its range and "
                              "grading rules are written in)")
            if any(c.label == f.unit for c in target.codelist.choices):
                self.src.fail(where, f"leave the field's own unit {f.unit!r} out of the units "
                              f"of {f.unit_field!r}: a blank unit is the field's own")
            other = [c.label for c in target.codelist.choices if not c.per]
            if other:
                self.src.fail(where, f"unit(s) {', '.join(other)} of {f.unit_field!r} have no"
                              f" 'per': say how many make one {f.unit}")
            out.append(replace(f, units=target.codelist))
        return out

    def _sections_together(self, fields: list[Field], key: str) -> None:
        """A section's fields stand together: a section heading shown twice on one form (and
        on its printed page) reads as two sections."""
        seen: list[str] = []
        for i, f in enumerate(fields):
            if f.section and (not seen or seen[-1] != f.section):
                if f.section in seen:
                    self.src.fail(f"{key}.fields[{i}] ({f.id}).section",
                                  f"section {f.section!r} comes again after {seen[-1]!r}: put "
                                  "its fields together")
                seen.append(f.section)

    def field(self, raw: Any, key: str, form_id: str) -> Field:
        """One ``[[forms.<form_id>.fields]]`` entry, with its type-specific keys checked."""
        key = annotate(key, raw)
        t = self.src.table(raw, key, "field")
        fid = self.src.ident(t["id"], f"{key}.id", "field")
        if fid in RESERVED_COLUMNS or "__" in fid:
            self.src.fail(f"{key}.id", f"field id {fid!r} is reserved: the database uses "
                          "instance_id, rowid, oid and names with '__' (like temp__missing)")
        if fid in EXPR_FUNCTIONS:
            self.src.fail(f"{key}.id", f"field id {fid!r} is the name of an expression "
                          f"function ({', '.join(EXPR_FUNCTIONS)}); choose another")
        tname = self.src.val(t, key, "type", "str")
        try:
            ftype = FieldType(tname)
        except ValueError:
            self.src.fail(f"{key}.type", f"unknown field type {tname!r}; allowed: {_TYPES}")
        for k, types in TYPE_ONLY.items():
            if k in t and ftype not in types:
                self.src.fail(f"{key}.{k}", f"{k!r} is only allowed on "
                              f"{' / '.join(x.value for x in types)} fields, not on {tname}")
        codelist = None
        if ftype is FieldType.CHOICE:
            if "choices" not in t:
                self.src.fail(key, "a choice field needs 'choices': a codelist id or an inline"
                              " list of { code = ..., label = ... }")
            ref = t["choices"]
            if isinstance(ref, str):
                if ref not in self.codelists:
                    self.src.fail(f"{key}.choices", f"codelist {ref!r} is not defined; "
                                  f"defined: {', '.join(self.codelists) or 'none'}")
                codelist = self.codelists[ref]
            else:
                choices = self.choices(ref, f"{key}.choices", None)
                kind = "integer" if isinstance(choices[0].code, int) else "text"
                codelist = CodeList(f"{form_id}.{fid}", kind, choices)
        lo, hi = self.src.val(t, key, "min", "num"), self.src.val(t, key, "max", "num")
        if lo is not None and hi is not None and lo > hi:
            self.src.fail(f"{key}.min", f"min {lo} is above max {hi}")
        missing = self.src.val(t, key, "missing", "strs", ())
        for i, code in enumerate(missing):
            if code not in self.missing:
                self.src.fail(f"{key}.missing[{i}]", f"missing-data code {code!r} is not in "
                              f"the study's [[missing]] list ({', '.join(self.missing)})")
        if len(set(missing)) != len(missing):
            self.src.fail(f"{key}.missing", "lists a code twice")
        digits = self.src.val(t, key, "digits", "int")
        length = self.src.val(t, key, "length", "int")
        if digits is not None and not 0 <= digits <= 6:
            self.src.fail(f"{key}.digits", "must be between 0 and 6")
        if length is not None and length < 1:
            self.src.fail(f"{key}.length", "must be 1 or more")
        texts = {k: self.src.val(t, key, k, "str")
                 for k in ("section", "unit", "visible", "cdash", "sdtm", "help",
                           "terminology", "grade_of", "unit_field")}
        if texts["terminology"] not in (None, "ctcae") or (texts["terminology"] and
                                                           ftype is not FieldType.TEXT):
            self.src.fail(f"{key}.terminology", "the one terminology is \"ctcae\", on a text "
                          "field (it holds a CTCAE term)")
        if texts["grade_of"] and (codelist is None or codelist.data_type != "integer"):
            self.src.fail(f"{key}.grade_of", "only a choice field of whole-number grades is the "
                          "CTCAE grade of a term field")
        flags = {k: self.src.val(t, key, k, "bool", False)
                 for k in ("required", "partial", "identifier", "future")}
        suggest, codes = self.suggest(t, key, ftype, codelist)
        return Field(fid, self.src.val(t, key, "label", "str"), ftype, codelist=codelist,
                     min=lo, max=hi, digits=digits, length=length, missing=missing,
                     suggest=suggest, suggest_codes=codes, **texts, **flags)

    def suggest(self, t: dict, key: str, ftype: FieldType, codelist: CodeList | None
                ) -> tuple[tuple[str, ...], tuple[Any, Any] | None]:
        """``suggest`` (one reference or a list) and ``suggest_codes`` (yes and no codes).

        The references are resolved by the loader once every form and event is known.
        """
        raw = t.get("suggest", ())
        refs = (raw,) if isinstance(raw, str) else self.src.val(t, key, "suggest", "strs", ())
        codes = t.get("suggest_codes")
        if codes is None:
            return tuple(refs), None
        if ftype is not FieldType.CHOICE or not refs:
            self.src.fail(f"{key}.suggest_codes", "only a choice field with 'suggest' takes "
                          "suggest_codes (its codes for yes and for no)")
        if not isinstance(codes, list) or len(codes) != 2 or any(
                c not in codelist.codes for c in codes):
            self.src.fail(f"{key}.suggest_codes", "must be two codes of the field's choices: "
                          f"[yes, no] (choices: {', '.join(map(str, codelist.codes))})")
        return tuple(refs), (codes[0], codes[1])

    def expr(self, text: str, key: str, form_id: str, known: list[str], *,
             refs: bool = False) -> frozenset[str]:
        """Check that ``text`` parses and reads only fields of the form; its names.

        With ``refs`` (edit checks) it may also read other forms (``ic.icdat``,
        ``screening.ic.icdat``): the loader resolves those once the events are known.
        A visibility condition may not: the screen decides it from the form alone.
        """
        try:
            parsed = parse_expr(text)
        except ExpressionError as e:
            self.src.fail(key, f"the expression does not parse: {e}")
        dotted = sorted(n for n in parsed.names if "." in n)
        if dotted and not refs:
            self.src.fail(key, f"the expression {text!r} reads another form ({', '.join(dotted)});"
                          " a visibility condition may read only fields of its own form")
        unknown = sorted(undefined_names(parsed, [*known, *dotted]))
        if unknown:
            hints = [f"{n!r}" + (f" (did you mean {c[0]!r}?)" if (c := difflib.get_close_matches(
                n, known, 1)) else "") for n in unknown]
            self.src.fail(key, f"the expression {text!r} names {', '.join(hints)}, not a "
                          f"field of form {form_id!r}")
        return parsed.names

    def check(self, raw: Any, key: str, form_id: str, ids: list[str]) -> Check:
        """One edit check; its expression may read only fields of its own form."""
        key = annotate(key, raw)
        t = self.src.table(raw, key, "check")
        cid = self.src.ident(t["id"], f"{key}.id", "check")
        text = self.src.val(t, key, "expr", "str")
        names = self.expr(text, f"{key}.expr", form_id, ids, refs=True)
        sev = self.src.val(t, key, "severity", "str")
        if sev not in {s.value for s in Severity}:
            self.src.fail(f"{key}.severity", f"unknown severity {sev!r}; allowed: hard, soft")
        fields = self.src.val(t, key, "fields", "strs", None)
        for i, f in enumerate(fields or ()):
            if f not in ids:
                self.src.fail(f"{key}.fields[{i}]", f"{f!r} is not a field of form {form_id!r}")
        # Without an explicit list the message goes next to every field the check reads.
        fields = fields or tuple(f for f in ids if f in names)
        message = self.src.val(t, key, "message", "str")
        allowed = {*names, *MESSAGE_WORDS}
        for name in PLACEHOLDER.findall(message):
            if name not in allowed:
                self.src.fail(f"{key}.message", f"{{{name}}} names nothing the check reads; a "
                              f"message may quote {', '.join(sorted(allowed))}",
                              near=f"{{{name}}}")
        deviation = self.src.val(t, key, "deviation", "str")
        if deviation is not None and sev != Severity.SOFT.value:
            self.src.fail(f"{key}.deviation", "only a soft check has a note that can become a "
                          "deviation entry: a hard check blocks the form instead")
        # The category code itself is checked by the loader, against the bound deviation log.
        return Check(cid, text, message, Severity(sev), fields, deviation)

    def derived(self, raw: Any, key: str, ids: list[str]) -> Derived:
        """One derived value; its inputs are resolved later, once the events are known."""
        key = annotate(key, raw)
        t = self.src.table(raw, key, "derived")
        did = self.src.ident(t["id"], f"{key}.id", "derived value")
        func = self.src.val(t, key, "function", "str")
        if func not in KNOWN_FUNCTIONS:
            self.src.fail(f"{key}.function", f"unknown function {func!r}; allowed: "
                          f"{', '.join(sorted(KNOWN_FUNCTIONS))}")
        if func in ITEM_FUNCTIONS and not set(ALSFRS_ITEMS) <= set(ids):
            self.src.fail(f"{key}.function", f"{func} reads the ALSFRS-R items of its own "
                          f"form, which needs fields {', '.join(ALSFRS_ITEMS)}")
        digits = self.src.val(t, key, "digits", "int")
        if digits is not None and not 0 <= digits <= 6:
            self.src.fail(f"{key}.digits", "must be between 0 and 6")
        return Derived(did, self.src.val(t, key, "label", "str"), func,
                       self.src.val(t, key, "inputs", "strs", ()),
                       self.src.val(t, key, "unit", "str"), digits)
