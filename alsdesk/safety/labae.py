"""A lab result's CTCAE grade as an adverse event: proposed, then confirmed or dismissed.

After a lab form is saved, a result of grade 1 or more that is new or worse than the
subject's baseline (alsdesk/safety/labgrade.py), at an event after the baseline, is
proposed as an adverse event. The nurse answers each proposal once:

- confirm: a draft entry of the adverse event log, with the CTCAE term (as the verbatim
  term too), the grade and the date the blood was taken, saved through the normal save path
  (audited as any save); the rest (seriousness, relationship, outcome) is hers to complete;
- dismiss, with a reason (e.g. "haemolysed sample; repeat normal"): an audit row.

Either answer is an audit row ``safety.lab_ae`` on the lab form's instance and field, naming
the grade; a proposal of that grade or lower is not asked again, a higher grade is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alsdesk.auth import Action
from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.safety.labgrade import Graded, baseline_grades, grades, lab_grading
from alsdesk.study.companion import has_companion
from alsdesk.textcheck import says_something

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.store.forms import FormRecord, SaveResult

ACTION = "safety.lab_ae"
_GRADE = re.compile(r"^grade (\d)\b")


@dataclass(frozen=True)
class Proposal:
    subject: str
    instance_id: int
    event: str
    field: str
    label: str  # the result's label ("Alanine aminotransferase (ALT)")
    unit: str
    graded: Graded
    baseline_grade: int
    taken: str | None  # when the blood was taken (the lab form's date), ISO text

    @property
    def text(self) -> str:
        g = self.graded
        since = (f", baseline grade {self.baseline_grade}" if self.baseline_grade else "")
        return f"{g.term}, grade {g.grade}: {self.label} {g.reported} ({g.why}{since})"


def proposals(store: "Store", record: "FormRecord") -> list[Proposal]:
    """The proposals of a saved lab form, not yet answered at this grade or higher (none in
    a study that grades no laboratory results)."""
    if not has_companion(store.study, "labgrades.toml"):
        return []
    g = lab_grading(store)
    if record.form != g.form or record.instance_id is None or \
            record.event in g.baseline_events:
        return []
    form = store.study.form(g.form)
    answered = _answered(store, record.instance_id)
    baseline = baseline_grades(store, record.subject)  # read once, not once per result
    out = []
    for graded in grades(store, record.subject, record.event, record.values):
        if not graded.grade:
            continue
        base = baseline.get(graded.field, 0)
        if graded.grade <= base or graded.grade <= answered.get(graded.field, 0):
            continue
        f = form.field(graded.field)
        out.append(Proposal(record.subject, record.instance_id, record.event, graded.field,
                            f.label, f.unit or "", graded, base,
                            record.values.get(g.date)))
    return out


def _answered(store: "Store", instance_id: int) -> dict[str, int]:
    """Field -> the highest grade already confirmed or dismissed on this instance."""
    out: dict[str, int] = {}
    for field, value in store.conn.execute(
            "SELECT field, new_value FROM audit_trail WHERE action = ? AND instance_id = ?",
            (ACTION, instance_id)):
        m = _GRADE.match(value or "")
        if m and field:
            out[field] = max(out.get(field, 0), int(m.group(1)))
    return out


def confirm(store: "Store", p: Proposal) -> "SaveResult":
    """A draft adverse event entry for the proposal, and the answer's audit row."""
    store.require(Action.ENTER_DATA)
    g = lab_grading(store)
    ae = g.adverse_event
    values: dict[str, Any] = {ae.term: p.graded.term, ae.ctcae_term: p.graded.term,
                              ae.grade: p.graded.grade}
    if p.taken:
        values[ae.start] = str(p.taken)[:10]
    with store.transaction():  # the entry and the answer together, or neither
        result = store.forms.save(p.subject, ae.event, ae.form, values)
        _answer(store, p, f"grade {p.graded.grade}: recorded as adverse event entry "
                          f"{result.record.repeat}", None)
    return result


def dismiss(store: "Store", p: Proposal, reason: str) -> None:
    """No adverse event for the proposal, and why, in the audit trail."""
    store.require(Action.ENTER_DATA)
    if not says_something(reason):
        raise ReasonRequired(tr("Say why this result is not an adverse event (e.g. a haemolysed "
                                "sample, repeated and normal)."))
    with store.transaction():
        _answer(store, p, f"grade {p.graded.grade}: not an adverse event", reason.strip())


def _answer(store: "Store", p: Proposal, what: str, reason: str | None) -> None:
    if _answered(store, p.instance_id).get(p.field, 0) >= (p.graded.grade or 0):
        # a second answer (another window, a script) would contradict the first
        raise WorkflowError(tr("This result was already answered at grade {grade} or "
                               "higher (see the audit trail): it is not asked again.").format(
                                   grade=p.graded.grade))
    lab = store.study.form(lab_grading(store).form)
    store.audit(ACTION, subject=p.subject, event=p.event, form=lab.id,
                instance_id=p.instance_id, field=p.field,
                new_value=f"{what} ({p.text})", reason=reason)


def shown(g: Graded, label: str) -> str:
    """One line of the screen's list: 'ALT 152 U/L: grade 2 (> 3.0 × ULN)'. (The reason,
    `g.why`, stays as the audit trail keeps it: it is part of the answer's audit row.)"""
    if g.grade is None:
        return tr("{label} {result}: not graded ({why})").format(label=label, result=g.reported,
                                                                 why=g.why)
    if g.grade == 0:
        return tr("{label} {result}: no grade ({why})").format(label=label, result=g.reported,
                                                               why=g.why)
    source = tr(" (the study's normal range)") if g.range_from == "study" else ""
    return tr("{label} {result}: grade {grade}, {term} ({why}){source}").format(
        label=label, result=g.reported, grade=g.grade, term=g.term, why=g.why, source=source)
