"""The study definition's texts in another language: one companion file per language.

``translation.fa.toml`` beside the definition holds the Persian of what a person reads on a
form: the study's title, form, field and event labels, help texts, section titles, choices,
missing-data codes, check messages and derived values' labels. Its keys are those of the
definition, so the English and the Persian of a text sit at the same address (the SAE
report's recipient too: ``[sae] recipient``):

    [forms.vs]
    label = "علائم حیاتی"
    [forms.vs.fields.pulse]
    label = "ضربان قلب"
    help = "..."
    [forms.vs.sections]
    "Vital signs" = "علائم حیاتی"     # a section by its English title
    [codelists.ny.choices]
    Y = "بله"
    [forms.dm.fields.ethnic.choices]  # a field's own (inline) list
    PERSIAN = "فارس"

A companion, it is stored in the database with the definition and versioned with it. At load
a value that is not text is an error naming file, line and key; a key the definition lacks
(a typo, or a choice since removed) and a text without its Persian are warnings naming the
key (``alsdesk study check``), and the English text is shown. Codes, ids and everything stored
stay as they are: only what is shown is replaced (:func:`localized`).
"""
from __future__ import annotations

import dataclasses
import difflib
from typing import Any

from alsdesk.errors import DefinitionError
from alsdesk.study.companion import parse
from alsdesk.study.model import Study

__all__ = ["LANGUAGES", "file_name", "texts", "read", "missing", "localized", "warnings",
           "changed_texts", "language_of"]

Key = tuple[str, ...]
LANGUAGES = ("fa",)  # the definition's own texts are the English


def file_name(code: str) -> str:
    return f"translation.{code}.toml"


def texts(study: Study) -> dict[Key, str]:
    """Every translatable text of the definition, by its key, in English."""
    out: dict[Key, str] = {("study", "title"): study.title}
    if study.sae is not None:
        out[("sae", "recipient")] = study.sae.recipient
    for m in study.missing_codes:
        out[("missing", m.code, "label")] = m.label
    for cid, cl in study.codelists.items():
        for c in cl.choices:
            out[("codelists", cid, "choices", str(c.code))] = c.label
    for e in study.events:
        out[("events", e.id, "label")] = e.label
    for fid, form in study.forms.items():
        out[("forms", fid, "label")] = form.label
        for f in form.fields:
            out[("forms", fid, "fields", f.id, "label")] = f.label
            if f.help:
                out[("forms", fid, "fields", f.id, "help")] = f.help
            if f.section:
                out[("forms", fid, "sections", f.section)] = f.section
            if f.codelist is not None and f.codelist.id not in study.codelists:
                for c in f.codelist.choices:
                    out[("forms", fid, "fields", f.id, "choices", str(c.code))] = c.label
        for check in form.checks:
            out[("forms", fid, "checks", check.id, "message")] = check.message
        for d in form.derived:
            out[("forms", fid, "derived", d.id, "label")] = d.label
    return out


def _dotted(key: Key) -> str:
    return ".".join(k if k.replace("_", "").replace("-", "").isalnum() and k.isascii()
                    else f'"{k}"' for k in key)


def _leaves(node: Any, path: Key = ()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, (*path, str(k)))
    else:
        yield path, node


# by (digest, language): a Study holds dicts, so it is no key of its own
_READ: dict[tuple[str, str], dict[Key, str]] = {}
_LOCALIZED: dict[tuple[str, str], Study] = {}
_STRAY: dict[tuple[str, str], list[str]] = {}  # keys the definition lacks, in words


def _read(study: Study, code: str) -> dict[Key, str]:
    got = _READ.get((study.digest, code))
    if got is None:
        got = _READ[(study.digest, code)] = _parse(study, code)
    return got


def _parse(study: Study, code: str) -> dict[Key, str]:
    name = file_name(code)
    text = study.companions.get(name)
    if text is None:
        return {}
    data, src = parse(name, text)
    known = texts(study)
    out: dict[Key, str] = {}
    stray: list[str] = []
    def at(key: Key) -> str:  # file:line, looked up only for a message (it reads the text)
        line = src.line_of(".".join(key))
        return f"{name}:{line}" if line else name

    for key, value in _leaves(data):
        where = _dotted(key)
        if not isinstance(value, str) or not value.strip():
            raise DefinitionError(at(key), where, "a translation is a text in quotes, not empty")
        if key not in known:
            # a warning, not a refusal: removing a choice from the definition must not make
            # the study unreadable because its translation still names it
            near = difflib.get_close_matches(where, [_dotted(k) for k in known], n=1)
            stray.append(f"{at(key)}: {where} names no text of the study definition, so it is "
                         "not used" + (f" (did you mean {near[0]}?)" if near else ""))
            continue
        out[key] = value
    _STRAY[(study.digest, code)] = stray
    return out


def read(study: Study, code: str) -> dict[Key, str]:
    """The translations of `code` the study carries (key -> text); {} when it has none.

    Raises DefinitionError for a value that is not text (a key the definition lacks is only
    a warning)."""
    return dict(_read(study, code))


def language_of(name: str) -> str | None:
    """The language code of a translation companion's file name (None for other files)."""
    for code in LANGUAGES:
        if name == file_name(code):
            return code
    return None


def changed_texts(old: Study, new: Study, code: str) -> list[tuple[str, str, str | None,
                                                                     str | None]]:
    """Each text whose translation differs between two versions, for an amendment's plan:
    (key, its English, the translation before, after; None where there is none). Every one
    is listed: a swapped pair of choices ("Yes" shown as "No") reads as a harmless edit in a
    count of changed lines."""
    before, after = _read(old, code), _read(new, code)
    english = {**texts(old), **texts(new)}
    return [(_dotted(k), english.get(k, ""), before.get(k), after.get(k))
            for k in sorted(set(before) | set(after), key=_dotted)
            if before.get(k) != after.get(k)]


def missing(study: Study, code: str) -> list[Key]:
    """The texts without a translation into `code` (all of them without the file)."""
    have = _read(study, code)
    return [k for k in texts(study) if k not in have]


def warnings(study: Study, code: str, *, limit: int = 10) -> list[str]:
    """What a check of the definition says about `code`: the texts left in English."""
    if file_name(code) not in study.companions:
        return []
    gone = missing(study, code)
    out = list(_STRAY.get((study.digest, code), []))
    out += [f"{file_name(code)}: {_dotted(k)} has no translation; the English text is shown"
            for k in gone[:limit]]
    if len(gone) > limit:
        out.append(f"{file_name(code)}: and {len(gone) - limit} more text(s) without a "
                   "translation")
    return out


def localized(study: Study, code: str) -> Study:
    """The study with its texts in `code` where it has them (as it is for English): for what
    is shown, never for what is stored or exported."""
    if code == "en" or file_name(code) not in study.companions:
        return study
    got = _LOCALIZED.get((study.digest, code))
    if got is None:
        got = _LOCALIZED[(study.digest, code)] = _localize(study, code)
    return got


def _localize(study: Study, code: str) -> Study:
    tr = _read(study, code)

    def t(key: Key, english: str) -> str:
        return tr.get(key, english)

    def choices(cl, prefix: Key):
        return dataclasses.replace(cl, choices=tuple(
            dataclasses.replace(c, label=t((*prefix, str(c.code)), c.label))
            for c in cl.choices))

    lists = {cid: choices(cl, ("codelists", cid, "choices"))
             for cid, cl in study.codelists.items()}
    forms = {}
    for fid, form in study.forms.items():
        fields = []
        for f in form.fields:
            base = ("forms", fid, "fields", f.id)
            cl = f.codelist
            if cl is not None:
                cl = lists.get(cl.id) if cl.id in study.codelists else choices(
                    cl, (*base, "choices"))
            fields.append(dataclasses.replace(
                f, label=t((*base, "label"), f.label), codelist=cl,
                help=t((*base, "help"), f.help) if f.help else f.help,
                section=t(("forms", fid, "sections", f.section), f.section)
                if f.section else f.section))
        forms[fid] = dataclasses.replace(
            form, label=t(("forms", fid, "label"), form.label), fields=tuple(fields),
            checks=tuple(dataclasses.replace(c, message=t(("forms", fid, "checks", c.id,
                                                           "message"), c.message))
                         for c in form.checks),
            derived=tuple(dataclasses.replace(d, label=t(("forms", fid, "derived", d.id,
                                                          "label"), d.label))
                          for d in form.derived))
    sae = study.sae and dataclasses.replace(
        study.sae, recipient=t(("sae", "recipient"), study.sae.recipient))
    return dataclasses.replace(
        study, title=t(("study", "title"), study.title), codelists=lists, forms=forms, sae=sae,
        events=tuple(dataclasses.replace(e, label=t(("events", e.id, "label"), e.label))
                     for e in study.events),
        missing_codes=tuple(dataclasses.replace(m, label=t(("missing", m.code, "label"),
                                                           m.label))
                            for m in study.missing_codes),
        text=study.text, companions=study.companions)
