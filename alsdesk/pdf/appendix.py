"""The rows of the casebook's audit trail appendix (Appendix B), read from the trail.

A value is printed as its field's choice label, and a form's row names the event, form and
field by their labels, all in the definition version in force when the row was written
(alsdesk.store.definitions.RowVersions): a choice an amendment relabelled later prints in the
appendix as the form's page prints it, which is the version the form was entered under.
Which fields are direct identifiers is decided by the row's version and today's alike: a
field flagged in either is not printed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from alsdesk.pdf.wording import birth_year, is_birth_date, utc_text
from alsdesk.store import audit
from alsdesk.store.definitions import RowVersions, study_at
from alsdesk.study import values as fv
from alsdesk.study.model import Field, Study

if TYPE_CHECKING:
    from alsdesk.pdf.collect import AuditRow, Collector


def audit_rows(doc: "Collector") -> Iterator["AuditRow"]:
    """The subject's audit rows as printed (printouts left out), oldest first."""
    from alsdesk.pdf.collect import RESTRICTED, AuditRow

    store, today = doc.store, doc.study
    versions = RowVersions(store.conn)
    # forms awaiting their second entry, which this user may make: their values not shown
    blind = store.double.blinded_ids(doc.code)
    for row in audit.rows(store.conn, subject=doc.code):
        if row["action"] == audit.A.EXPORT:
            continue  # printouts (alsdesk.pdf._record) are not data: same data, same bytes
        doc.times.append(row["ts"])
        old, new = row["old_value"], row["new_value"]
        form_id, field_id = row["form"], row["field"]
        study = _row_study(doc, versions, row)
        field = _field(study, form_id, field_id) or _field(today, form_id, field_id)
        now = _field(today, form_id, field_id)
        initials = row["action"] == audit.A.SUBJECT_INITIALS
        if row["instance_id"] in blind and field_id is not None:
            from alsdesk.store.double import BLIND

            old = tr(BLIND) if old is not None else None
            new = tr(BLIND) if new is not None else None
        elif (initials or (field is not None and field.identifier)
                or (now is not None and now.identifier)) and not doc.include_identifiers:
            old = RESTRICTED if old is not None else None
            new = RESTRICTED if new is not None else None
        elif field is not None and is_birth_date(field) and not doc.include_identifiers:
            old, new = birth_year(old), birth_year(new)
        elif field is not None and row["action"] in audit.VALUE_ACTIONS:
            old, new = _shown(field, old), _shown(field, new)
        user = f"{row['user_id'] or ''}" + (f" ({row['role']})" if row["role"] else "")
        yield AuditRow(row["seq"], utc_text(row["ts"]), user, row["action"],
                       doc._place(row["event"], row["event_repeat"], form_id, row["repeat"],
                                  field_id, study),
                       old or "", new or "", row["reason"] or "")


def _row_study(doc: "Collector", versions: RowVersions, row: dict) -> Study:
    """The definition a form's row was written under; the file's own for any other row."""
    number = (versions.at(row["seq"], row["instance_id"], row["ts"]) if row["form"]
              else doc.store.study_version)
    if number == doc.store.study_version:
        return doc.study
    try:
        return study_at(doc.store.conn, number)
    except AlsDeskError:  # verify says why; the row is printed with today's labels
        return doc.study


def _field(study: Study, form_id: str | None, field_id: str | None) -> Field | None:
    form = study.forms.get(form_id) if form_id and field_id else None
    if form is None or field_id not in form.field_ids:
        return None
    return form.field(field_id)


def _shown(field: Field, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return fv.display(field, fv.from_text(field, text))
    except AlsDeskError:
        return text
