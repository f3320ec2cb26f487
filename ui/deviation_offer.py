"""After a save: the notes of window checks offered as protocol-deviation entries, one step.

A soft check marked ``deviation`` in the study definition (a visit outside its window) keeps
its note as an open query like any other; the nurse is then asked once whether to record it
in the protocol-deviation log too. Yes makes a draft entry through the core
(alsdesk.deviations.deviation_from_finding: audited as any save); the date, category and
description are filled in, the rest is for a person to complete. Nothing is recorded
without that answer.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from alsdesk import deviations
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from .i18n import shown as shown_study

if TYPE_CHECKING:
    from alsdesk.store.forms import SaveResult
    from .form_page import FormPage

__all__ = ["offer_deviations"]


def offer_deviations(page: "FormPage", result: "SaveResult", notes: dict[str, str]) -> int:
    """Ask, then record a deviation entry per offered finding; returns how many were made."""
    offered = [f for f in deviations.offered(result.findings) if notes.get(f.check_id)]
    if not offered:
        return 0
    store, prompts = page.main.store, page.main.prompts
    queries = dict(zip((f.check_id for f in result.findings), result.queries))
    listed = "\n".join(f"- {f.message}\n  " + tr("Note: {note}").format(note=notes[f.check_id])
                       for f in offered)
    if not prompts.confirm(
            tr("Record a protocol deviation?"),
            tr("{listed}\n\nRecord this in the protocol-deviation log of {subject} now? "
               "A draft entry is made with the date, category and description filled in; "
               "its importance and the action taken are left for you to complete.").format(
                listed=listed, subject=page.subject)):
        return 0
    made = 0
    rec = result.record
    for f in offered:
        try:
            entry = deviations.deviation_from_finding(
                store, rec.subject, rec.event, rec.form, f, notes[f.check_id],
                event_repeat=rec.event_repeat, repeat=rec.repeat,
                query_id=queries.get(f.check_id))
        except AlsDeskError as exc:
            prompts.error(tr("Deviation not recorded"), str(exc))
            continue
        made += 1
        form = shown_study(store.study).form(entry.record.form).label
        page.main.show_status(tr("Deviation recorded as a draft: {form}, entry {entry} of "
                                 "{subject} — complete it there.").format(
            form=form, entry=entry.record.repeat, subject=page.subject))
    return made
