"""Investigator sign-off: which forms of a subject the protocol has the investigator sign,
and whether each one is signed.

What needs a signature is the study definition's ``investigator_signature`` (on an event: every
form of the visit; on a form: each entry, when its condition holds). The casebook sign-off
page prints this list, and locking a casebook (:meth:`WorkflowSteps.lock_casebook`) refuses,
or warns, while an entered form on it is not validly signed.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from alsdesk.errors import ExpressionError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.rules import engine
from alsdesk.states import FormStatus, Shown
from alsdesk.study.model import Event, Form, SignatureNeed, Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.store.records import FormRecord

__all__ = ["SignState", "SignOffItem", "SignOff", "need_of", "meaning_of", "signoff"]

DEFAULT_MEANING = "I have reviewed the data on this form and confirm it is accurate and complete."


class SignState(Shown, str, Enum):
    """Values printed on the sign-off page as they are; ``shown`` is the screen's word."""

    SIGNED = "signed"
    NOT_SIGNED = "not signed"
    INVALIDATED = "signature invalidated"  # signed once, then changed: signed again or not
    NOT_ENTERED = "not entered"  # the visit has data, this form has none yet


# the words, for the catalogue (pyside6-lupdate reads these; `shown` translates them)
_WORDS = (QT_TRANSLATE_NOOP("", "signed"), QT_TRANSLATE_NOOP("", "not signed"),
          QT_TRANSLATE_NOOP("", "signature invalidated"), QT_TRANSLATE_NOOP("", "not entered"))


@dataclass(frozen=True)
class SignOffItem:
    event: str  # the event's label, with the visit number of a repeating one
    form: str  # the form's label, with the entry number of a repeating one
    instance_id: int | None
    status: str  # the form's workflow status
    state: SignState
    meaning: str  # what the investigator's signature means here (printed in the block)
    signer: str = ""  # "Dr. Ivan Investigator (investigator)"
    signed_at: str = ""  # ISO UTC time of the valid signature, or of the voided one
    note: str = ""  # why a signature was invalidated
    voided_at: str = ""  # ISO UTC time it was invalidated

    @property
    def place(self) -> str:
        return f"{self.event} · {self.form}"

    @property
    def outstanding(self) -> bool:
        """Entered, needs the investigator's signature, and has no valid one."""
        return self.instance_id is not None and self.state is not SignState.SIGNED


@dataclass(frozen=True)
class SignOff:
    subject: str
    items: tuple[SignOffItem, ...]

    @property
    def outstanding(self) -> tuple[SignOffItem, ...]:
        return tuple(i for i in self.items if i.outstanding)

    def problem(self) -> str | None:
        """A sentence naming the entered forms that still need the investigator's signature."""
        left = self.outstanding
        if not left:
            return None
        n = len(left)
        groups: dict[str, list[str]] = {}
        for i in left:  # by visit: "Screening: Visit, Vital signs; Running logs: ..."
            groups.setdefault(i.event, []).append(
                i.form if i.state is SignState.NOT_SIGNED else f"{i.form} ({i.state.shown})")
        listed = "; ".join(f"{event}: {', '.join(forms)}" for event, forms in groups.items())
        said = (tr("{n} forms of {subject} that the protocol has the investigator sign are not "
                   "signed — {forms}.") if n > 1 else
                tr("{n} form of {subject} that the protocol has the investigator sign is not "
                   "signed — {forms}."))
        return said.format(n=n, subject=self.subject, forms=listed)

def meaning_of(study: Study, need: SignatureNeed) -> str:
    """The words printed with a signature block: the definition's, else the study default."""
    if need.meaning:
        return need.meaning
    return study.signature_meanings[0] if study.signature_meanings else DEFAULT_MEANING


def need_of(study: Study, event: Event, form: Form, values: dict | None = None,
            missing: dict | None = None) -> SignatureNeed | None:
    """The signature this entry needs (the form's own before its visit's), or None.

    ``values`` None asks about the form in general (the blank book): a condition is then
    taken to hold. A condition that cannot be told yet (a blank answer) holds too: an entry
    is left unsigned only when the data says it may be.
    """
    need = form.signature
    if need is not None and need.when and values is not None:
        try:
            if engine.holds(form, need.when, values, missing) is False:
                need = None
        except ExpressionError:
            pass  # an unreadable value: ask for the signature rather than skip it
    return need or event.signature


def signoff(store: "Store", subject: str) -> SignOff:
    """Every form of the subject that needs the investigator's signature, in casebook order."""
    study = store.study
    code = store.subjects.get(subject).code
    instances = [i for i in store.forms.instances(code) if i.status is not FormStatus.DELETED]
    items: list[SignOffItem] = []
    for event in study.events:
        reps = sorted({i.event_repeat for i in instances if i.event == event.id})
        for rep in reps:
            label = event.label + (f" #{rep}" if event.repeating else "")
            mine = [i for i in instances if i.event == event.id and i.event_repeat == rep]
            for form_id in event.forms:
                form = study.form(form_id)
                entries = sorted((i for i in mine if i.form == form_id), key=lambda i: i.repeat)
                if not entries:
                    # a conditional need (a serious AE) cannot be judged without data
                    need = (event.signature if form.signature and form.signature.when
                            else form.signature or event.signature)
                    if need is not None and not form.repeating:
                        items.append(SignOffItem(label, form.label, None, "not started",
                                                 SignState.NOT_ENTERED, meaning_of(study, need)))
                    continue
                for inst in entries:
                    rec = store.forms.get_instance(inst.instance_id)
                    need = need_of(study, event, form, rec.values, rec.missing)
                    if need is not None:
                        items.append(_item(study, label, form, rec, need))
    return SignOff(code, tuple(items))


def _item(study: Study, event_label: str, form: Form, rec: "FormRecord",
          need: SignatureNeed) -> SignOffItem:
    label = form.label + (f" #{rec.repeat}" if form.repeating else "")
    meaning = meaning_of(study, need)
    valid = rec.valid_signature
    if valid is not None:
        return SignOffItem(event_label, label, rec.instance_id, rec.status.value,
                           SignState.SIGNED, meaning, f"{valid.full_name} ({valid.role})",
                           valid.signed_at)
    if rec.signatures:
        last = rec.signatures[-1]
        return SignOffItem(event_label, label, rec.instance_id, rec.status.value,
                           SignState.INVALIDATED, meaning, f"{last.full_name} ({last.role})",
                           last.signed_at, last.invalidated_reason or "",
                           last.invalidated_at or "")
    return SignOffItem(event_label, label, rec.instance_id, rec.status.value,
                       SignState.NOT_SIGNED, meaning)
