"""A subject's status follows the data; a change by hand must agree with it.

What the data says comes from the study definition: ``[bindings] infusion_given`` (the
infusion was given once this field has a value), ``[bindings] end_of_study`` with ``[study]
end_of_study_status`` (the status each end-of-study answer sets) and ``[study]
eligibility_override`` (the deviation entry an override creates). Saving the infusion as given
enrols the subject; completing the end-of-study form sets completed, withdrawn or died. An
infusion is refused for a subject the eligibility computation does not find eligible, unless
an investigator overrides it with a reason, which becomes a protocol-deviation entry.

The screens ask :func:`status_choices` and :func:`eligibility_stop` before anyone clicks;
the store enforces the same rules in :meth:`SubjectService.set_status` and
:meth:`FormService.save` through :func:`manual_refusal` and :class:`SaveHook`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as _date
from typing import TYPE_CHECKING, Any, Mapping

from alsdesk.auth import Action
from alsdesk.errors import ReasonRequired, WorkflowError
from alsdesk.i18n import tr
from alsdesk.permissions import role_refusal
from alsdesk.states import FormStatus, SubjectStatus
from alsdesk.study import values as fv
from alsdesk.study.model import Severity
from alsdesk.textcheck import says_something

if TYPE_CHECKING:
    from alsdesk.clinical.eligibility import Criterion, EligibilityResult
    from alsdesk.store.core import Store
    from alsdesk.store.forms import FormRecord

__all__ = [
    "SubjectFacts", "StatusChoice", "EligibilityStop", "facts", "manual_refusal",
    "status_choices", "require_manual", "eligibility_stop", "may_override", "SaveHook",
    "watched_places",
]

S = SubjectStatus


@dataclass(frozen=True)
class SubjectFacts:
    """What the stored data says about where a subject is in the study."""

    infusion: str | None  # the infusion_given value (its start) as shown, once recorded
    end_status: SubjectStatus | None  # the status a complete end-of-study form sets
    end_answer: str | None  # that form's answer, as its label ("Died")


@dataclass(frozen=True)
class StatusChoice:
    """A status a person could pick, and why they may not (None: allowed)."""

    status: SubjectStatus
    refusal: str | None


class EligibilityStop(WorkflowError):
    """The infusion of a subject not found eligible (or not yet decided) was refused."""

    def __init__(self, subject: str, criteria: tuple["Criterion", ...], decided: bool) -> None:
        self.subject = subject
        self.criteria = criteria  # failed ones, or those not recorded yet
        self.decided = decided
        super().__init__(_stop_text(subject, criteria, decided))


def _stop_text(subject: str, criteria: tuple["Criterion", ...], decided: bool) -> str:
    if decided:
        return tr("{subject} is not eligible, so the infusion cannot be saved as given. Not "
                  "met: {criteria}. Complete the screening forms first, or an investigator may "
                  "override this with a reason (it is recorded as a protocol deviation).").format(
            subject=subject, criteria="; ".join(c.shown_detail for c in criteria))
    return tr("The eligibility of {subject} is not decided yet, so the infusion cannot be "
              "saved as given. Not recorded: {criteria}. Complete the screening forms first, "
              "or an investigator may override this with a reason (it is recorded as a "
              "protocol deviation).").format(
        subject=subject, criteria="; ".join(c.shown_label for c in criteria))


def _bound(store: "Store", name: str) -> tuple[str, str, str] | None:
    return store.study.binding(name) if name in store.study.bindings else None  # type: ignore


def _in_force(rec: "FormRecord") -> bool:
    return rec.status not in (FormStatus.NOT_STARTED, FormStatus.DELETED)


def facts(store: "Store", subject: str) -> SubjectFacts:
    """Read the infusion and the end-of-study answer of a subject from the store."""
    infusion = end_status = end_answer = None
    inf = _bound(store, "infusion_given")
    if inf:
        rec = store.forms.get(subject, inf[0], inf[1])
        if _in_force(rec) and rec.values.get(inf[2]) is not None:
            field = store.study.form(inf[1]).field(inf[2])
            infusion = fv.display(field, rec.values[inf[2]]) or str(rec.values[inf[2]])
    eos = _bound(store, "end_of_study")
    if eos:
        rec = store.forms.get(subject, eos[0], eos[1])
        code = rec.values.get(eos[2])
        if code is not None and (rec.status.is_complete or rec.status is FormStatus.LOCKED):
            end_status = S(store.study.end_of_study_status[str(code)])
            field = store.study.form(eos[1]).field(eos[2])
            end_answer = field.codelist.label_of(code) or str(code)
    return SubjectFacts(infusion, end_status, end_answer)


def _label(store: "Store", binding: str) -> str:
    return store.study.form(store.study.binding(binding)[1]).label


def manual_refusal(store: "Store", subject: str, current: SubjectStatus,
                   target: SubjectStatus, known: SubjectFacts | None = None) -> str | None:
    """Why a person may not move `subject` from `current` to `target` by hand, or None."""
    f = known or facts(store, subject)
    if target is current:
        return tr("{subject} is already {status}.").format(subject=subject,
                                                            status=current.shown)
    if f.end_status is not None and target is not f.end_status:
        return tr("The {form} form of {subject} records '{answer}', so the status is "
                  "{status}. To change it, correct that form (with a reason).").format(
            form=_label(store, 'end_of_study'), subject=subject, answer=f.end_answer,
            status=f.end_status.shown)
    if f.infusion is not None and target in (S.SCREENING, S.SCREEN_FAILURE):
        return tr("{subject} was given the infusion ({infusion}), so cannot be {status}. If "
                  "the subject has left the study, record it on the {form} form.").format(
            subject=subject, infusion=f.infusion, status=target.shown,
            form=_label(store, 'end_of_study'))
    if (target is S.ENROLLED and f.infusion is None
            and _bound(store, "infusion_given") is not None):
        return tr("A subject is enrolled when the infusion is given: save the {form} form of "
                  "{subject} with its start instead.").format(
            form=_label(store, 'infusion_given'), subject=subject)
    # withdrawal too: the end-of-study form holds its date and reason, and the visits the
    # subject would still be expected at stop only with it
    if target in (S.COMPLETED, S.DIED, S.WITHDRAWN) and f.end_status is None and \
            _bound(store, "end_of_study") is not None:
        return tr("Record this on the {form} form of {subject} (its status and date): the "
                  "subject's status follows that form.").format(
            form=_label(store, 'end_of_study'), subject=subject)
    return None


def status_choices(store: "Store", subject: str) -> list[StatusChoice]:
    """Every other status, each with the reason it may not be chosen now (None: allowed)."""
    current = store.subjects.get(subject).status
    refused_role = role_refusal(store.role, Action.MANAGE_SUBJECTS)
    known = facts(store, subject)
    return [StatusChoice(s, refused_role or manual_refusal(store, subject, current, s, known))
            for s in S if s is not current]


def require_manual(store: "Store", subject: str, current: SubjectStatus,
                   target: SubjectStatus, reason: str | None) -> None:
    """Raise WorkflowError (ReasonRequired for a missing reason) unless the change may be made."""
    refusal = manual_refusal(store, subject, current, target)
    if refusal:
        raise WorkflowError(refusal)
    if not (reason or "").strip():
        raise ReasonRequired(tr("Give a reason for changing {subject} from {current} to "
                                "{target}.").format(subject=subject, current=current.shown,
                                                    target=target.shown))


def eligibility_stop(store: "Store", subject: str) -> EligibilityStop | None:
    """The stop the infusion of this subject would meet now, or None when eligible."""
    from alsdesk import overview  # overview reads forms through the store: imported late

    result: EligibilityResult | None = overview.eligibility(store, subject)
    if result is None or result.eligible is True:
        return None
    decided = result.eligible is False
    return EligibilityStop(subject, result.failed if decided else result.unknown, decided)


def may_override(store: "Store") -> str | None:
    """Why the logged-in user may not override the eligibility stop, or None."""
    return role_refusal(store.role, Action.OVERRIDE_ELIGIBILITY)


class SaveHook:
    """What one save of the infusion or end-of-study form does to the subject's status.

    Made before the values are written (the eligibility stop refuses the save), applied
    after them inside the same transaction; ``notices`` say what happened, for the screen.
    """

    def __init__(self, store: "Store", subject: str, event: str, form: str) -> None:
        self.store, self.subject = store, subject
        self.inf = _bound(store, "infusion_given")
        self.eos = _bound(store, "end_of_study")
        self.is_inf = self.inf is not None and self.inf[:2] == (event, form)
        self.is_eos = self.eos is not None and self.eos[:2] == (event, form)
        self.label = store.study.form(form).label
        self.stop: EligibilityStop | None = None
        self.given_now = False
        self.given_value: Any = None

    @property
    def active(self) -> bool:
        return self.is_inf or self.is_eos

    def before(self, current: "FormRecord", values: Mapping[str, Any],
               override: str | None) -> None:
        """Refuse the infusion of a subject not found eligible unless overridden."""
        if not self.is_inf:
            return
        before = current.values.get(self.inf[2]) if _in_force(current) else None
        self.given_value = values.get(self.inf[2])
        self.given_now = before is None and self.given_value is not None
        if not self.given_now:
            return
        self._judge_start(values)
        self.stop = eligibility_stop(self.store, self.subject)
        if self.stop is None:
            return
        if override is None:
            raise self.stop
        self.store.require(Action.OVERRIDE_ELIGIBILITY)
        if len(override.strip()) > 4000:
            raise ReasonRequired(tr("The reason for the override has {n:,} characters; at "
                                    "most 4,000 are allowed: say it shorter.").format(
                n=len(override.strip())))
        if not says_something(override):
            raise ReasonRequired(tr("Give the reason for giving the infusion to {subject} "
                                    "although not found eligible.").format(
                subject=self.subject))

    def _judge_start(self, values: Mapping[str, Any]) -> None:
        """The start enrols the subject even in a draft: its hard checks (not in the future,
        not before consent) are run now, not only when the form is marked complete."""
        from alsdesk.rules import engine  # the rules import the store's records: late
        from alsdesk.rules.context import check_context

        event, form, field_id = self.inf
        fdef = self.store.study.form(form)
        context = check_context(self.store, self.subject, event, form)
        wrong = [f for f in engine.field_findings(fdef, {**context, **values}, {}, field_id)
                 if f.severity is Severity.HARD and not f.check_id.startswith("required:")]
        if wrong:
            label = fdef.field(field_id).label
            said = "; ".join(f.message for f in wrong)
            raise WorkflowError(tr(
                "{problems}. Saving the start enrols {subject}, so it must be right "
                "first.").format(problems=("" if said.startswith(label) else f"{label}: ")
                                 + said, subject=self.subject))

    def after(self, values: Mapping[str, Any], complete: bool,
              override: str | None) -> tuple[str, ...]:
        """Record the deviation and the status change; the sentences that say so."""
        notices: list[str] = []
        if self.stop is not None and override:
            notices.append(self._deviation(override))
        subject = self.store.subjects.get(self.subject)
        target = None
        if self.given_now and subject.status in (S.SCREENING, S.SCREEN_FAILURE):
            target = S.ENROLLED
        if self.is_eos and complete and values.get(self.eos[2]) is not None:
            mapped = S(self.store.study.end_of_study_status[str(values[self.eos[2]])])
            target = mapped if mapped is not subject.status else None
        if target is not None:
            self.store.subjects._write_status(subject, target, f"set by {self.label}")
            notices.append(tr("Subject {subject} is now {status} (set by {form}).").format(
                subject=self.subject, status=target.shown, form=self.label))
        return tuple(notices)

    def _deviation(self, reason: str) -> str:
        # The deviation log's own call (alsdesk/deviations.py): a draft dated by the infusion,
        # its importance and action left for the investigator to complete.
        from alsdesk.deviations import record_deviation

        category = self.store.study.eligibility_deviation
        if category is None:
            raise WorkflowError(tr("The study definition names no deviation category for an "
                                   "eligibility override ([study] eligibility_deviation), so "
                                   "it cannot be recorded; ask the data manager."))
        stop = self.stop
        what = ("not eligible: " + "; ".join(c.detail for c in stop.criteria) if stop.decided
                else "eligibility not decided: " + ", ".join(c.label for c in stop.criteria)
                + " not recorded")
        text = (f"Infusion given although {what}. Overridden by {self.store.full_name}: "
                f"{reason.strip()}")
        on = _date.fromisoformat(str(self.given_value)[:10])
        saved = record_deviation(self.store, self.subject, category=category,
                                 description=text, on=on)
        label = self.store.study.form(saved.record.form).label
        said = (tr("{form} entry #{n} recorded for {subject} (infusion given although not "
                   "eligible): complete it with its importance and the action taken.")
                if stop.decided else
                tr("{form} entry #{n} recorded for {subject} (infusion given although "
                   "eligibility not decided): complete it with its importance and the action "
                   "taken."))
        return said.format(form=label, n=saved.record.repeat, subject=self.subject)


def watched_places(study) -> frozenset[tuple[str, str]]:
    """(event, form) of the infusion and end-of-study forms: the saves that move a status."""
    return frozenset(tuple(study.binding(name)[:2]) for name in ("infusion_given", "end_of_study")
                     if name in study.bindings)
