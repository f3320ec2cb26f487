"""A file of format 2 whose form tables hold fields the definition it would be given lacks.

Before format 3 a file kept no definition: it was opened with the program's own, and a site
could add a field to that TOML (a column, with values, in the form's table). Migrated now with
the program's definition as its version 1, such a file would keep those values in a column no
stored version describes: they would vanish from every export and casebook. So, while a file
of format 2 has no stored definition yet:

- opening it for work (which stores version 1) is refused, naming the fields, when the
  definition it would get does not describe every column of its form tables; the file is not
  changed;
- `alsdesk amend FILE` with a definition that describes them (the one the site used) stores
  that one as version 1, loaded by the administrator, with a reason saying it was migrated;
- `verify` reports the fields as findings, and reads their values with placeholder fields, so
  the rest of its report is made as for any file.
"""
from __future__ import annotations

import dataclasses
from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from alsdesk.errors import StoreError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.store import schema
from alsdesk.study.model import Field, FieldType, Form, Study

if TYPE_CHECKING:
    from alsdesk.store.amend import Plan
    from alsdesk.store.core import Store

_SUFFIX = schema.missing_column("")  # "__missing"


class UndescribedData(StoreError):
    """A file of format 2 holds fields the definition it would be stored with lacks."""


@dataclass(frozen=True)
class Undescribed:
    """A column of a form table that the definition does not describe (or describes with
    another kind of value)."""

    form: str
    column: str
    declared: str  # the column's SQL type
    values: int  # rows holding something in it
    form_known: bool  # the definition has the form (only not this column)
    described_as: type | None = None  # the storage the definition gives a field of this id

    @property
    def field(self) -> str:
        return self.column.removesuffix(_SUFFIX)

    @property
    def is_codes(self) -> bool:
        return self.column.endswith(_SUFFIX) and self.column != _SUFFIX

    @property
    def name(self) -> str:
        return (tr("the missing-data codes of {form}.{field}").format(form=self.form,
                                                                      field=self.field)
                if self.is_codes else f"{self.form}.{self.column}")

    @property
    def held(self) -> str:
        """'6 values', and the kind they are stored as when the definition has another."""
        count = ((tr("{n} values") if self.values != 1 else tr("{n} value")).format(
            n=self.values) if self.values else tr("no value yet"))
        if not self.described_as:
            return count
        return tr("{count}, stored as {declared}: the definition makes it a {kind} "
                  "field").format(count=count, declared=self.declared or 'text',
                                  kind=tr(_KIND[self.described_as]))

    def words(self) -> str:
        """'dm.premorbid_wt (6 values)', as a list in a message names it."""
        return f"{self.name} ({self.held})"


_KIND = {int: QT_TRANSLATE_NOOP("", "whole-number"), float: QT_TRANSLATE_NOOP("", "decimal"),
         str: QT_TRANSLATE_NOOP("", "text")}


def _storage(declared: str) -> type:
    """The Python type of an SQL column type, by SQLite's affinity rules."""
    d = (declared or "").upper()
    if "INT" in d:
        return int
    if any(t in d for t in ("REAL", "FLOA", "DOUB")):
        return float
    return str


def undescribed(conn: sqlite3.Connection, study: Study) -> list[Undescribed]:
    """Every column of the file's form tables that `study` does not describe with the same
    kind of value (a whole table when it lacks the form)."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid")]
    out = []
    for table in tables:
        if table in schema.SYSTEM_TABLES:
            continue
        form = study.forms.get(table)
        wanted = schema.form_columns(form) if form is not None else {}
        for _cid, column, declared, *_ in conn.execute(f'PRAGMA table_info("{table}")'):
            if column == "instance_id":
                continue
            want = wanted.get(column)
            if want is not None and want is _storage(declared):
                continue
            values = conn.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT '
                                  "NULL").fetchone()[0]
            out.append(Undescribed(table, column, declared, values, form is not None, want))
    return out


def _listed(found: list[Undescribed], limit: int = 8) -> str:
    names = [u.words() for u in found[:limit]]
    if len(found) > limit:
        names.append(tr("and {n} more").format(n=len(found) - limit))
    return "; ".join(names)


def refuse(conn: sqlite3.Connection, path, study: Study) -> None:
    """UndescribedData when the file (format 2, nothing stored yet) holds columns `study`,
    the definition it would be stored with, does not describe."""
    found = undescribed(conn, study)
    if not found:
        return
    raise UndescribedData(tr(
        "{path} was made before databases kept their study definition, and its forms hold "
        "fields that the definition it would now be given ({study} CRF {crf_version}) does "
        "not have: {fields}. Stored with that definition, these values would be missing from "
        "every export and casebook, so the file was not changed. An administrator can put it "
        "right: run 'alsdesk amend FILE --as ID --reason \"...\"' with a definition that has "
        "these fields (the one the site used); it is then stored in the file as its version "
        "1.").format(path=path, study=study.id, crf_version=study.crf_version,
                     fields=_listed(found)))


def verify_findings(conn: sqlite3.Connection, study: Study) -> tuple[list[str], Study]:
    """What verify says of a file of format 2 not yet migrated, and the definition with
    placeholder fields it reads the file with (so that its values are compared with the
    audit trail like any other)."""
    from alsdesk.store import definitions

    if definitions.has_table(conn):
        return [], study
    found = undescribed(conn, study)
    lines = [
        (tr("form {form}: {field}: the definition it would be stored with ({study} CRF "
            "{crf_version}) gives this field another kind of value") if u.described_as else
         tr("form {form}: {field}: the definition it would be stored with ({study} CRF "
            "{crf_version}) has no such field") if u.form_known else
         tr("form {form}: {field}: the definition it would be stored with ({study} CRF "
            "{crf_version}) has no such form")).format(
                form=u.form, field=u.words(), study=study.id, crf_version=study.crf_version)
        for u in found]
    if lines:
        lines.append(tr("the file (format 2) cannot be opened for work until an administrator "
                        "amends it with a definition that has these fields (the one the site "
                        "used): 'alsdesk amend FILE' stores it as version 1"))
    return lines, _with_placeholders(conn, study, found)


def _with_placeholders(conn: sqlite3.Connection, study: Study,
                       found: list[Undescribed]) -> Study:
    if not found:
        return study
    forms = dict(study.forms)
    by_form: dict[str, list[Undescribed]] = {}
    for u in found:
        by_form.setdefault(u.form, []).append(u)
    for form_id, columns in by_form.items():
        form = forms.get(form_id) or Form(form_id, form_id, ())
        fields = {f.id: f for f in form.fields}
        for u in columns:
            if not u.is_codes:
                fields[u.column] = Field(u.column, f"{u.column} (not in the definition)",
                                         _TYPE[_storage(u.declared)],
                                         missing=fields[u.column].missing
                                         if u.column in fields else ())
        for u in columns:
            if u.is_codes and u.field in fields:
                codes = tuple(r[0] for r in conn.execute(
                    f'SELECT DISTINCT "{u.column}" FROM "{form_id}" WHERE "{u.column}" IS '
                    "NOT NULL ORDER BY 1")) or ("ND",)
                fields[u.field] = dataclasses.replace(fields[u.field], missing=codes)
        forms[form_id] = dataclasses.replace(form, fields=tuple(fields.values()))
    return dataclasses.replace(study, forms=forms)


_TYPE = {int: FieldType.INTEGER, float: FieldType.DECIMAL, str: FieldType.TEXT}


# -- migrating with the site's definition ---------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """`alsdesk amend FILE` on a file of format 2: who stores FILE as version 1, and why."""

    file: str
    user_id: str
    password: str
    reason: str


def refuse_migrated(conn: sqlite3.Connection, path, migration: Migration | None) -> None:
    """A migration planned on a read-only look at a file that has since been migrated (by
    another ALS Desk) would open it with a definition it does not hold: refused."""
    from alsdesk.store.definitions import latest_number

    if migration is not None and latest_number(conn):
        raise StoreError(tr("{path} has been given its study definition since it was read: "
                            "nothing was changed. Run 'alsdesk amend' again to see what it "
                            "would do now.").format(path=path))


_MIGRATED = ("stored when the file was migrated to format 3: it was made before databases "
             "kept their study definition")


def store_first_version(store: "Store", study: Study, migration: Migration | None) -> int:
    """Version 1 of a file of format 2, in the opening transaction: the program's definition
    (or one passed in), or, for `alsdesk amend`, the administrator's, in their name."""
    from alsdesk.auth import Action, require
    from alsdesk.store.definitions import store_version

    if migration is None:
        return store_version(store, study, f"{_MIGRATED}, with the one this program brings")
    # Their password was checked on a read-only look already; again here, in the open
    # transaction: a wrong one rolls the whole migration back.
    user = store.users.authenticate(migration.user_id, migration.password,
                                    purpose="amendment")
    require(user.role, Action.AMEND_STUDY)
    store.user_id, store.role = user.user_id, user.role
    try:
        return store_version(store, study, (
            f"{migration.reason.strip()} ({_MIGRATED}; {migration.file} describes the fields "
            "its forms hold, which the program's own definition lacks)"))
    finally:
        store.user_id = store.role = None  # the caller logs in as for any other open


@dataclass(frozen=True)
class _Column:
    """A line of a migration plan: a column of the file (shaped as a Change of the diff)."""

    key: str
    text: str
    kind: str = "held"
    what: str = "field"
    attr: str | None = None
    before: object = None
    after: object = None


def migration_plan(store: "Store", new: Study, file: str) -> "Plan | None":
    """For a file of format 2 (read-only, nothing stored) whose forms hold fields the
    program's definition lacks: what storing `new` as version 1 instead would do, refused
    while `new` does not describe every field either. None for any other file."""
    from alsdesk.store import definitions
    from alsdesk.store.amend import AmendmentRefused, Finding, Plan

    old = store.study
    if definitions.has_table(store.conn) or not (lacking := undescribed(store.conn, old)):
        return None
    if new.id != old.id:
        raise AmendmentRefused(tr(
            "{file} is the definition of study {new}; this database holds study {old}. Give "
            "the {old} definition the site used.").format(file=file, new=new.id, old=old.id))
    still = {(u.form, u.column): u for u in undescribed(store.conn, new)}
    findings = []
    for u in [*lacking, *(u for u in still.values() if u not in lacking)]:
        left = still.get((u.form, u.column))
        line = _Column(f"{u.form}.{u.column}", tr("{name}: {held} in the file").format(
            name=u.name, held=u.held))
        if left is None:
            findings.append(Finding(line, tr("{file} describes it").format(file=file)))
        else:
            findings.append(Finding(line, None, (
                tr("{file} does not describe it either ({held}): give a definition that has "
                   "every field the file holds").format(file=file, held=left.held)
                if left.described_as else
                tr("{file} does not describe it either: give a definition that has every field "
                   "the file holds").format(file=file))))
    head = tr("Migration of a file made before databases kept their study definition (format "
              "2): {study} CRF {crf_version} from {file} is stored as version 1, in place of "
              "the program's own CRF {old}, which lacks fields the file holds").format(
                  study=new.id, crf_version=new.crf_version, file=file, old=old.crf_version)
    return Plan(old, new, file, tuple(findings), 1, head=head, migration=True)
