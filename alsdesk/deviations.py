"""Protocol-deviation log entries made by the program: from a check's note, or on request.

A soft check marked ``deviation = "<category>"`` in the study definition (a visit outside its
window) has its note kept as an open query like any other; the window then offers to turn
that note into a deviation entry in one step, through :func:`deviation_from_finding`. Where
the entry goes is the definition's: ``[bindings] deviation_date``, ``deviation_category``
and ``deviation_text`` name the log form's fields.

The entry is saved through the normal save path (so it is audited as any save, and refused
to a role that may not enter data) as a draft: date, category and description are filled in,
while the judgements the protocol leaves to people (is it important? what was done?) stay
for the nurse or investigator to complete.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Sequence

from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.study.model import FieldType, Study

if TYPE_CHECKING:
    from alsdesk.rules.engine import Finding
    from alsdesk.store.core import Store
    from alsdesk.store.forms import SaveResult

__all__ = ["deviation_from_finding", "offered", "record_deviation"]


def offered(findings: Sequence["Finding"]) -> list["Finding"]:
    """The findings whose note may become a deviation entry (e.g. SaveResult.findings)."""
    return [f for f in findings if f.deviation is not None]


def _log(study: Study) -> tuple[str, str, str, str, str]:
    """(event, form, date field, category field, text field) of the deviation log."""
    if "deviation_date" not in study.bindings:
        raise WorkflowError(tr("The study definition names no protocol-deviation log "
                               "([bindings] deviation_date, deviation_category, "
                               "deviation_text)."))
    event, form, date_field = study.binding("deviation_date")
    return (event, form, date_field, study.binding("deviation_category")[-1],
            study.binding("deviation_text")[-1])


def record_deviation(store: "Store", subject: str, *, category: str, description: str,
                     on: dt.date | None = None) -> "SaveResult":
    """A new deviation log entry with its date (default today), category and description.

    Saved as a draft, audited as any save; the caller opens it for the rest to be filled in.
    """
    event, form, date_field, category_field, text_field = _log(store.study)
    fdef = store.study.form(form)
    if not description.strip():
        raise ReasonRequired(tr("Describe the deviation."))
    limit = fdef.field(text_field).length
    text = description.strip()
    if limit is not None and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    values = {date_field: (on or dt.date.today()).isoformat(), category_field: category,
              text_field: text}
    return store.forms.save(subject, event, form, values, repeat=None)


def deviation_from_finding(store: "Store", subject: str, event: str, form: str,
                           finding: "Finding", note: str, *, event_repeat: int = 1,
                           repeat: int = 1, query_id: int | None = None) -> "SaveResult":
    """The deviation entry a soft finding's note becomes, prefilled from the finding.

    ``event``/``form``/``event_repeat``/``repeat`` name the form the finding is on (already
    saved with the note); the entry is dated by the finding's first date field on that form
    (the visit date of a window finding), else today; its category is the check's
    ``deviation``; its description names the visit, the form, the finding, the note and the
    query the note became.
    """
    if finding.deviation is None:
        raise WorkflowError(tr("The check {check} does not offer a deviation entry.").format(
            check=finding.check_id))
    if not note.strip():
        raise ReasonRequired(tr("The note is empty: say what happened before recording it as "
                                "a protocol deviation."))
    study = store.study
    fdef = study.form(form)
    rec = store.forms.get(subject, event, form, event_repeat=event_repeat, repeat=repeat)
    on = None
    for fid in finding.fields:
        value = rec.values.get(fid)
        if (fid in fdef.field_ids and fdef.field(fid).type in (FieldType.DATE, FieldType.DATETIME)
                and isinstance(value, str) and len(value) >= 10):
            on = dt.date.fromisoformat(value[:10])
            break
    visit = study.event(event).label + (f" ({event_repeat})" if event_repeat > 1 else "")
    about = f" (query {query_id})" if query_id is not None else ""
    description = (f"{visit}, {fdef.label}: {finding.message}. Note{about}: {note.strip()}")
    return record_deviation(store, subject, category=finding.deviation,
                            description=description, on=on)
