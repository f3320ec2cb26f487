"""What the amendment planner reads from the file and the definition's text: counts of
stored values, which fields share a list, where a change is written (file:line)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from alsdesk.i18n import tr
from alsdesk.store import schema
from alsdesk.study.diff import Change
from alsdesk.study.model import Study
from alsdesk.study.source import Source

if TYPE_CHECKING:
    from alsdesk.store.core import Store

def count(conn, sql: str, *args) -> int:
    return conn.execute(sql, args).fetchone()[0]


def has_table(store: "Store", form_id: str) -> bool:
    return schema.has_table(store.conn, form_id)


def stored(store: "Store", form_id: str, field_id: str) -> int:
    """How many instances hold a value or a missing code in the field."""
    if not has_table(store, form_id):
        return 0
    cols = {r[1] for r in store.conn.execute(f'PRAGMA table_info("{form_id}")')}
    terms = [f'"{c}" IS NOT NULL' for c in (field_id, schema.missing_column(field_id))
             if c in cols]
    if not terms:
        return 0
    return count(store.conn, f'SELECT count(*) FROM "{form_id}" WHERE {" OR ".join(terms)}')


def code_uses(store: "Store", study: Study, code: str) -> int:
    total = 0
    for form in study.forms.values():
        for f in form.fields:
            if code in f.missing and has_table(store, form.id):
                total += count(store.conn, f'SELECT count(*) FROM "{form.id}" WHERE '
                                f'"{schema.missing_column(f.id)}" = ?', code)
    return total


def lines_differ(before: str, after: str) -> str | None:
    """Where a companion file's text changes: how many lines, and the first of them."""
    import difflib

    a, b = before.splitlines(), after.splitlines()
    changed = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    if not changed:
        return None
    # the first changed line that says something (a blank line added says nothing)
    _t, i1, i2, j1, j2 = next((op for op in changed if any(
        x.strip() for x in (*a[op[1]:op[2]], *b[op[3]:op[4]]))), changed[0])
    new_line = next((j for j in range(j1, j2) if b[j].strip()), None)
    old_line = next((i for i in range(i1, i2) if a[i].strip()), i1)
    first = (tr("line {n} now reads {text}").format(n=new_line + 1,
                                                    text=repr(b[new_line][:80]))
             if new_line is not None else
             tr("line {n} ({text}) is removed").format(n=old_line + 1,
                                                       text=repr(a[old_line][:80])))
    count = sum(max(i2 - i1, j2 - j1) for _t, i1, i2, j1, j2 in changed)
    return tr("{n} line(s) differ; {first} (grades, cards and tables computed from it change "
              "for every form, old ones included)").format(n=count, first=first)


def eos_uses(store: "Store", study: Study, code: str) -> int:
    """Subjects whose end-of-study form records `code` (the binding end_of_study)."""
    ref = study.bindings.get("end_of_study")
    if not ref:
        return 0
    form_id, field_id = ref.split(".")[-2:]
    if not has_table(store, form_id) or not stored(store, form_id, field_id):
        return 0
    return count(store.conn, f'SELECT count(DISTINCT fi.subject_id) FROM "{form_id}" t JOIN '
                  f'form_instances fi ON fi.id = t.instance_id WHERE CAST(t."{field_id}" AS '
                  'TEXT) = ?', code)


def fields_with_list(study: Study, list_id: str):
    return [(form.id, f) for form in study.forms.values() for f in form.fields
            if f.codelist is not None and f.codelist.id == list_id]


def list_of(f) -> tuple | None:
    return None if f.codelist is None else tuple((c.code, c.label) for c in f.codelist.choices)


def line(src: Source, new: Study, c: Change) -> str:
    """'file:line' of the change in the new definition ('file' for a removed thing)."""
    key = key_path(new, c)
    number = src.line_of(key) if key else None
    return f"{src.name}:{number}" if number else src.name


def key_path(new: Study, c: Change) -> str | None:
    if c.kind == "removed":
        return None
    if c.what == "event":
        i = next((i for i, e in enumerate(new.events) if e.id == c.key), None)
        attr = {"window": "window", "target": "target"}.get(c.attr or "", c.attr)
        return None if i is None else f"events[{i}] ({c.key})" + (f".{attr}" if attr else "")
    if c.what in ("field", "check", "field choice"):
        form_id, item = c.key.split(".", 1)
        if c.what == "field choice":
            item = item.split(".", 1)[0]
        form = new.forms[form_id]
        items = form.fields if c.what == "field" else form.checks
        i = next((i for i, x in enumerate(items) if x.id == item), None)
        part = "checks" if c.what == "check" else "fields"
        # the key written in the file ("choices" holds a field's code list)
        leaf = {"code list": "choices"}.get(c.attr or "", c.attr)
        if c.what == "field choice":
            leaf = "choices"
        tail = f".{leaf}" if leaf and " " not in leaf and (c.kind == "changed" or
                                                            c.what == "field choice") else ""
        return None if i is None else f"forms.{form_id}.{part}[{i}] ({item}){tail}"
    if c.what == "form":
        return f"forms.{c.key}"
    if c.what in ("code list", "choice"):
        return f"codelists.{c.key.split('.', 1)[0]}"
    if c.what == "study":
        return f"study.{c.attr}" if c.attr and " " not in c.attr else "study"
    if c.what == "parameter":
        return f"parameters.{c.key}"
    if c.what == "end-of-study status":
        return "study.end_of_study_status"
    if c.what == "derived value":
        return f"forms.{c.key.split('.', 1)[0]}"
    return None
