"""What changes between two versions of a study definition, by id, in words.

Pure: two Study objects in, a list of changes out. What a change does to data already
entered, and whether it is refused, is for alsdesk/store/amend.py, which can read the file;
`alsdesk study diff A B` prints these lines as they are.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.study.model import CodeList, Event, Field, Form, Study

__all__ = ["Change", "diff", "window_text"]


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "changed", "removed"
    what: str  # "study", "event", "form", "field", "code list", "choice", "check", ...
    key: str  # the id: "h72", "ae.aeterm", "yesno.2", "vs.chk_sbp"
    attr: str | None = None  # for "changed": which attribute ("window", "label", "type")
    before: Any = None
    after: Any = None

    @property
    def text(self) -> str:
        """The change in words, in the language in use (shown and printed by the CLI only:
        `what` and `attr` stay the English the code compares; only their words are shown)."""
        what = _word(self.what)
        if self.kind == "added":
            return tr("{what} {key} added{about}").format(what=what, key=self.key,
                                                          about=_about(self.after))
        if self.kind == "removed":
            return tr("{what} {key} removed{about}").format(what=what, key=self.key,
                                                            about=_about(self.before))
        if self.what == "companion file" and self.kind == "changed":
            return tr("companion file {key} changes").format(key=self.key)
        if self.attr == "window":
            return tr("window of {key} changes from {before} to {after}").format(
                key=self.key, before=window_text(self.before), after=window_text(self.after))
        return tr("{what} {key}: {attr} changes from {before} to {after}").format(
            what=what, key=self.key, attr=_word(self.attr), before=_shown(self.before),
            after=_shown(self.after))


# The words of `what` and of the attributes named in a phrase rather than by the
# definition's own key (a key, "label" or "window", is shown as it is written in the file).
_WORDS = {
    "study": QT_TRANSLATE_NOOP("", "study"),
    "event": QT_TRANSLATE_NOOP("", "event"),
    "form": QT_TRANSLATE_NOOP("", "form"),
    "field": QT_TRANSLATE_NOOP("", "field"),
    "code list": QT_TRANSLATE_NOOP("", "code list"),
    "choice": QT_TRANSLATE_NOOP("", "choice"),
    "field choice": QT_TRANSLATE_NOOP("", "field choice"),
    "check": QT_TRANSLATE_NOOP("", "check"),
    "derived value": QT_TRANSLATE_NOOP("", "derived value"),
    "missing code": QT_TRANSLATE_NOOP("", "missing code"),
    "parameter": QT_TRANSLATE_NOOP("", "parameter"),
    "binding": QT_TRANSLATE_NOOP("", "binding"),
    "end-of-study status": QT_TRANSLATE_NOOP("", "end-of-study status"),
    "companion file": QT_TRANSLATE_NOOP("", "companion file"),
    "translation": QT_TRANSLATE_NOOP("", "translation"),
    "order of its choices": QT_TRANSLATE_NOOP("", "order of its choices"),
    "order of its fields": QT_TRANSLATE_NOOP("", "order of its fields"),
    "order of its events": QT_TRANSLATE_NOOP("", "order of its events"),
    "type of its codes": QT_TRANSLATE_NOOP("", "type of its codes"),
    "number of its columns": QT_TRANSLATE_NOOP("", "number of its columns"),
    "its text": QT_TRANSLATE_NOOP("", "its text"),
}


def _word(name: str | None) -> str | None:
    """`what` or an attribute as shown: its word, or the definition's key as it is."""
    return tr(_WORDS[name]) if name in _WORDS else name


def window_text(event: Event) -> str:
    """"[48, 96] h" for an event's window, "no window" for one without."""
    if event.window is None:
        return tr("no window")
    low, high = (_number(v) for v in event.window)
    if event.unit is not None and event.unit.value == "hours":
        return tr("[{low}, {high}] h").format(low=low, high=high)
    return tr("[{low}, {high}] days").format(low=low, high=high)


def diff(old: Study, new: Study) -> list[Change]:
    """Every difference that means something to data or to a person, oldest order first."""
    out: list[Change] = []
    for attr in ("protocol", "title", "site", "crf_version", "subject_pattern",
                 "target_enrolment", "ctcae_version", "signature_meanings"):
        _attr(out, "study", new.id, attr, getattr(old, attr), getattr(new, attr))
    _missing_codes(out, old, new)
    _codelists(out, old.codelists, new.codelists)
    _events(out, old, new)
    _forms(out, old, new)
    _keyed(out, "parameter", old.parameters, new.parameters, lambda k, v: f"{k}", compare=True)
    _keyed(out, "binding", old.bindings, new.bindings, lambda k, v: k, compare=True)
    _keyed(out, "end-of-study status", old.end_of_study_status, new.end_of_study_status,
           lambda k, v: k, compare=True)
    # Every other part of the study the diff does not name one by one: a change the list
    # does not show is one nobody reviewed (the outcome window, the SAE clock, the casebook's
    # statement ...), so any study attribute not compared above is compared whole.
    for attr in _OTHER_STUDY_ATTRS:
        _attr(out, "study", new.id, attr, getattr(old, attr), getattr(new, attr))
    return out


_NAMED = {"id", "protocol", "title", "site", "crf_version", "subject_pattern",
          "target_enrolment", "ctcae_version", "signature_meanings", "missing_codes",
          "codelists", "events", "forms", "parameters", "bindings", "end_of_study_status"}
_OTHER_STUDY_ATTRS = tuple(f.name for f in dataclasses.fields(Study)
                           if f.compare and f.name not in _NAMED)


def _attr(out: list[Change], what: str, key: str, attr: str, before: Any, after: Any) -> None:
    if before != after:
        out.append(Change("changed", what, key, attr, before, after))


def _keyed(out, what, old: dict, new: dict, key_of, compare: bool = False) -> None:
    for k in old:
        if k not in new:
            out.append(Change("removed", what, key_of(k, old[k]), before=old[k]))
        elif compare and old[k] != new[k]:
            out.append(Change("changed", what, key_of(k, old[k]), "value", old[k], new[k]))
    for k in new:
        if k not in old:
            out.append(Change("added", what, key_of(k, new[k]), after=new[k]))


def _missing_codes(out, old: Study, new: Study) -> None:
    before = {m.code: m for m in old.missing_codes}
    after = {m.code: m for m in new.missing_codes}
    _keyed(out, "missing code", before, after, lambda k, v: k)
    for code in before.keys() & after.keys():
        for attr in ("label", "export"):
            _attr(out, "missing code", code, attr, getattr(before[code], attr),
                  getattr(after[code], attr))


def _codelists(out, old: dict[str, CodeList], new: dict[str, CodeList]) -> None:
    _keyed(out, "code list", old, new, lambda k, v: k)
    for cid in old.keys() & new.keys():
        a, b = old[cid], new[cid]
        _attr(out, "code list", cid, "type of its codes", a.data_type, b.data_type)
        _choices(out, "choice", cid, a, b)


def _choices(out, what: str, key: str, a: CodeList, b: CodeList) -> None:
    """The choices of one list (or of one field's list) added, removed, relabelled."""
    choices_a = {c.code: c for c in a.choices}
    choices_b = {c.code: c for c in b.choices}
    _keyed(out, what, choices_a, choices_b, lambda k, v: f"{key}.{k}")
    for code in choices_a.keys() & choices_b.keys():
        for attr in ("label", "per"):
            _attr(out, what, f"{key}.{code}", attr, getattr(choices_a[code], attr),
                  getattr(choices_b[code], attr))
    if [c.code for c in a.choices if c.code in choices_b] != [
            c.code for c in b.choices if c.code in choices_a]:
        out.append(Change("changed", "code list" if what == "choice" else "field", key,
                          "order of its choices", [c.code for c in a.choices],
                          [c.code for c in b.choices]))


_EVENT_ATTRS = ("label", "kind", "repeating", "forms", "anchor", "signature")


def _events(out, old: Study, new: Study) -> None:
    a = {e.id: e for e in old.events}
    b = {e.id: e for e in new.events}
    _keyed(out, "event", a, b, lambda k, v: k)
    for eid in [e.id for e in new.events if e.id in a]:
        for attr in _EVENT_ATTRS:
            _attr(out, "event", eid, attr, getattr(a[eid], attr), getattr(b[eid], attr))
        if a[eid].target != b[eid].target or a[eid].unit != b[eid].unit:
            out.append(Change("changed", "event", eid, "target",
                              _target(a[eid]), _target(b[eid])))
        if a[eid].window != b[eid].window or a[eid].unit != b[eid].unit:
            out.append(Change("changed", "event", eid, "window", a[eid], b[eid]))
    if [e.id for e in old.events if e.id in b] != [e.id for e in new.events if e.id in a]:
        out.append(Change("changed", "study", new.id, "order of its events",
                          [e.id for e in old.events], [e.id for e in new.events]))


_FORM_ATTRS = ("label", "repeating", "domain", "layout", "log_rows", "signature",
               "double_entry")
# A field's attributes compared one by one; its code list is compared by id and content.
_FIELD_ATTRS = tuple(f.name for f in dataclasses.fields(Field)
                     if f.name not in ("id", "codelist", "units"))


def _forms(out, old: Study, new: Study) -> None:
    shared = old.codelists.keys() & new.codelists.keys()
    _keyed(out, "form", old.forms, new.forms, lambda k, v: k)
    for fid in [f for f in new.forms if f in old.forms]:
        a, b = old.forms[fid], new.forms[fid]
        for attr in _FORM_ATTRS:
            _attr(out, "form", fid, attr, getattr(a, attr), getattr(b, attr))
        _fields(out, a, b, shared)
        _keyed(out, "check", {c.id: c for c in a.checks}, {c.id: c for c in b.checks},
               lambda k, v: f"{fid}.{k}")
        checks_b = {c.id: c for c in b.checks}
        for check in a.checks:
            if check.id in checks_b:
                for attr in ("expr", "message", "severity", "fields", "deviation"):
                    _attr(out, "check", f"{fid}.{check.id}", attr, getattr(check, attr),
                          getattr(checks_b[check.id], attr))
        derived_b = {d.id: d for d in b.derived}
        _keyed(out, "derived value", {d.id: d for d in a.derived}, derived_b,
               lambda k, v: f"{fid}.{k}")
        for d in a.derived:
            if d.id in derived_b:
                for attr in ("label", "function", "inputs", "unit", "digits"):
                    _attr(out, "derived value", f"{fid}.{d.id}", attr, getattr(d, attr),
                          getattr(derived_b[d.id], attr))


def _fields(out, a: Form, b: Form, shared: set[str] = frozenset()) -> None:
    fa = {f.id: f for f in a.fields}
    fb = {f.id: f for f in b.fields}
    _keyed(out, "field", fa, fb, lambda k, v: f"{a.id}.{k}")
    for field_id in [f.id for f in b.fields if f.id in fa]:
        x, y = fa[field_id], fb[field_id]
        key = f"{a.id}.{field_id}"
        for attr in _FIELD_ATTRS:
            _attr(out, "field", key, attr, getattr(x, attr), getattr(y, attr))
        if _list_id(x) != _list_id(y):
            out.append(Change("changed", "field", key, "code list", _list_id(x), _list_id(y)))
        if x.codelist is not None and y.codelist is not None and not (
                _list_id(x) == _list_id(y) and _list_id(x) in shared):
            # an inline list, or another list in its place: its choices as this field reads
            # them (a shared list kept by id is compared once, under "code list")
            _choices(out, "field choice", key, x.codelist, y.codelist)
    if [f for f in fa if f in fb] != [f for f in fb if f in fa]:
        out.append(Change("changed", "form", a.id, "order of its fields", list(fa), list(fb)))


def _list_id(f: Field) -> str | None:
    return f.codelist.id if f.codelist is not None else None


def _target(e: Event) -> str:
    if e.target is None:
        return tr("none")
    if e.unit is not None and e.unit.value == "hours":
        return tr("{n} h").format(n=_number(e.target))
    return tr("{n} days").format(n=_number(e.target))


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _about(obj: Any) -> str:
    """A short description of an added or removed thing, after its id."""
    if isinstance(obj, Event):
        return tr(" ({label}; forms {forms}; window {window})").format(
            label=obj.label, forms=', '.join(obj.forms), window=window_text(obj))
    if isinstance(obj, Form):
        return tr(" ({label}; {n} fields)").format(label=obj.label, n=len(obj.fields))
    if isinstance(obj, Field):
        kind = (tr("{type} from {codelist}").format(type=obj.type.value,
                                                    codelist=obj.codelist.id)
                if obj.codelist else obj.type.value)
        return f" ({kind}: {obj.label!r})"
    label = getattr(obj, "label", None) or getattr(obj, "message", None)
    if isinstance(label, str):
        return f" ({label!r})"
    if isinstance(obj, (int, float, str)):
        return f" ({obj!r})"
    return ""


def _shown(value: Any) -> str:
    if value is None:
        return tr("none")
    if isinstance(value, (tuple, list)) and not value:
        return tr("none")
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        if hasattr(value, "value"):  # an Enum
            return repr(value.value)
        return ", ".join(_shown(v) for v in value)
    if hasattr(value, "value") and not isinstance(value, (int, float)):
        return repr(value.value)
    if dataclasses.is_dataclass(value):  # a signature need: its set parts, in words
        parts = [f"{f.name} {getattr(value, f.name)!r}" for f in dataclasses.fields(value)
                 if getattr(value, f.name) is not None]
        text = ", ".join(parts) or tr("always")
        return text if len(text) <= 120 else text[:117] + "..."
    if isinstance(value, str) and len(value) > 117:  # cut the text, then quote it whole
        return repr(value[:114] + "...")
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
