"""Variable names of the Stata and SPSS files, derived from the field ids.

Field ids are lowercase identifiers of at most 32 characters (the loader's rule), which most
of the time are valid names as they are. Not always: Stata reserves ``int``, ``long``,
``str10``... (ReadStat refuses to write them, with a message naming no variable), SPSS
reserves ``by``, ``eq``, ``ge``... (its syntax cannot name such a variable), and a missing-code
companion ``<field>_m`` of a 31-character id is longer than Stata's 32. So each variable gets
its name here, the same way every time (the codebook lists the result):

* the field id, or the id with ``_`` appended when the format reserves the word;
* the companion ``<name>_m``, its base cut so that the whole fits the limit;
* a name already taken in the file (the keys, another field, a companion; SPSS ignores case)
  ends in ``_2``, ``_3``... cut to fit.

The reserved words are the formats' own (Stata's manual [U] 11.3, SPSS's reserved keywords),
not study content.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from alsdesk.exchange.dataset import is_numeric
from alsdesk.study.model import Field, Form

KEYS = ("subject", "event", "event_repeat", "repeat", "status")
LIMITS = {"dta": 32, "sav": 64}
_STATA_RESERVED = frozenset("""_all _b byte _coef _cons double float if in int long _n _N _pi
    _pred _rc _skip strL using with""".split())
_STATA_STR = re.compile(r"str([1-9][0-9]{0,3})\Z")  # str1 ... str2045: Stata's string types
_SPSS_RESERVED = frozenset("all and by eq ge gt le lt ne not or to with".split())


@dataclass(frozen=True)
class Variable:
    """One variable of a form's file: a key, a field's value or a field's missing code."""
    name: str
    role: str  # "key", "value" or "code"
    key: str = ""  # the key's name (role "key")
    field: Field | None = None


def reserved(name: str, kind: str) -> bool:
    if kind == "dta":
        m = _STATA_STR.match(name)
        return name in _STATA_RESERVED or bool(m and int(m.group(1)) <= 2045)
    return name.lower() in _SPSS_RESERVED


def has_companion(f: Field) -> bool:
    """Whether a field's missing-data code needs a variable of its own (text, dates...)."""
    return bool(f.missing) and not is_numeric(f)


class _Taken:
    def __init__(self, kind: str) -> None:
        self.kind, self.limit, self.used = kind, LIMITS[kind], set[str]()

    def _key(self, name: str) -> str:
        return name if self.kind == "dta" else name.lower()  # SPSS names ignore case

    def take(self, base: str, suffix: str = "") -> str:
        """`base` + `suffix` within the limit, not reserved, not taken (then _2, _3...)."""
        name = base[:self.limit - len(suffix)] + suffix
        if reserved(name, self.kind):
            name = name[:self.limit - 1] + "_"
        n = 1
        while self._key(name) in self.used:
            n += 1
            tail = f"_{n}{suffix}"
            name = base[:self.limit - len(tail)] + tail
        self.used.add(self._key(name))
        return name


def variables(form: Form, kind: str) -> list[Variable]:
    """Every variable of the form's .dta (`kind` "dta") or .sav ("sav") file, in order."""
    taken = _Taken(kind)
    out = [Variable(taken.take(k), "key", key=k) for k in KEYS]
    for f in form.fields:
        name = taken.take(f.id)
        out.append(Variable(name, "value", field=f))
        if has_companion(f):
            out.append(Variable(taken.take(name, "_m"), "code", field=f))
    return out


def names_of(form: Form, kind: str) -> dict[tuple[str, str], str]:
    """(field id or key, role) -> variable name."""
    return {(v.field.id if v.field else v.key, v.role): v.name for v in variables(form, kind)}
