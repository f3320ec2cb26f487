"""Values a form may take from what the subject's other forms (or the core) already hold.

A field's ``suggest`` in the study definition names where its value may come from: the
weight measured in vital signs for the infusion form, the computed eligibility for the
checklist. The core only proposes: :func:`suggestions` says, per field, which value, shown how
and from where; the nurse accepts it (one key) or types her own. Nothing is saved here, and a
field is never filled without the nurse seeing it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from alsdesk import overview
from alsdesk.clinical.eligibility import EligibilityResult
from alsdesk.derive import DerivedValue
from alsdesk.i18n import tr
from alsdesk.study import values as fv
from alsdesk.study.model import Derived, Field, FieldType, Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["Suggestion", "suggestions"]


@dataclass(frozen=True)
class Suggestion:
    """A value the core proposes for one field, and where it comes from."""

    field: str
    value: Any  # a storage value the field accepts (alsdesk.study.values)
    text: str  # the value as the screen shows it, with its unit ("72.5 kg")
    source: str  # "vital signs, Baseline (day 0, before infusion)"
    ref: str  # the definition's reference it came from ("baseline.vs.weight")

    @property
    def prompt(self) -> str:
        """The button's text: "Use 72.5 kg from vital signs, Baseline (...)"."""
        return tr("Use {value} from {source}").format(value=self.text, source=self.source)


def suggestions(store: "Store", subject: str, event: str, form: str,
                values: Mapping[str, Any] | None = None, *, event_repeat: int = 1,
                repeat: int = 1) -> dict[str, Suggestion]:
    """Field id -> the value proposed for it, for fields whose value would change.

    ``values`` are those on screen (default: stored), so a checklist follows what is typed
    on it. A field already holding the proposed value, or whose sources hold nothing, has
    no entry. A source value the field would refuse (out of range) is not proposed.
    """
    fdef = store.study.form(form)
    if values is None:
        values = store.forms.get(subject, event, form, event_repeat=event_repeat,
                                 repeat=repeat).values
    resolver = _Resolver(store, subject, event, fdef, values)
    out: dict[str, Suggestion] = {}
    for f in fdef.fields:
        for ref in f.suggest:
            found = resolver.value(ref)
            if found is None:
                continue
            value, source = found
            value = _as_field_value(f, value)
            if value is None or fv.check_value(f, value):
                continue
            if values.get(f.id) != value:
                out[f.id] = Suggestion(f.id, value, _text(f, value), source, ref)
            break  # the first source that holds a value is the one proposed
    return out


def _as_field_value(f: Field, value: Any) -> Any:
    """A source value in the field's own storage form, or None when it does not fit."""
    if isinstance(value, bool):
        if f.suggest_codes is None:
            return None
        return f.suggest_codes[0] if value else f.suggest_codes[1]
    if f.type is FieldType.DECIMAL and isinstance(value, (int, float)):
        return float(value)
    if f.type is FieldType.INTEGER and isinstance(value, float) and value.is_integer():
        return int(value)
    if f.type in (FieldType.TEXT, FieldType.MEMO) and not isinstance(value, str):
        return None
    if f.type in (FieldType.TEXT, FieldType.MEMO) and f.length:
        return value[:f.length]
    return value


def _text(f: Field, value: Any) -> str:
    shown = fv.display(f, value) or str(value)
    if f.type is FieldType.CHOICE and f.codelist is not None:
        shown = f.codelist.label_of(value) or shown
        return tr("“{value}”").format(value=shown)
    if f.type in (FieldType.TEXT, FieldType.MEMO):
        return tr("“{value}”").format(value=shown)
    return f"{shown} {f.unit}".strip() if f.unit else shown


class _Resolver:
    """Reads suggest references for one subject's form: fields, derived values and parts."""

    def __init__(self, store: "Store", subject: str, event: str, form: Form,
                 values: Mapping[str, Any]) -> None:
        self.store, self.subject, self.event, self.form = store, subject, event, form
        self.values = values
        self._deriver = None

    def value(self, ref: str) -> tuple[Any, str] | None:
        """(value, where it comes from), or None when the source holds nothing."""
        study = self.store.study
        base, _, part = ref.partition("#")
        parts = base.split(".")
        event = parts[0] if len(parts) == 3 else self.event
        target = self.form if len(parts) == 1 else study.form(parts[-2])
        same = target.id == self.form.id and event == self.event
        values = self.values if same else overview.form_values(
            self.store, self.subject, event, target.id)
        name = parts[-1]
        if name in target.field_ids:
            value = values.get(name)
            where = tr("{form}, {visit}").format(form=_lower(target.label),
                                                 visit=study.event(event).label)
            return None if value is None else (value, where)
        derived = next(d for d in target.derived if d.id == name)
        result = self._derive(target, event, values)[derived.id]
        value = _part(result, part)
        return None if value is None else (value, _derived_source(derived))

    def _derive(self, form: Form, event: str, values: Mapping[str, Any]
                ) -> dict[str, DerivedValue]:
        if self._deriver is None:
            self._deriver = overview.deriver(self.store, self.subject)
        return self._deriver.compute(form, event, values)


def _part(result: DerivedValue, part: str) -> Any:
    """The whole derived value, or one part of it (an eligibility criterion, "failed")."""
    value = result.value
    if not isinstance(value, EligibilityResult):
        return None if part else value
    if not part:
        return value.eligible
    if part == "failed":
        return "; ".join(c.detail for c in value.failed) or None
    return value.criterion(part).met


def _derived_source(d: Derived) -> str:
    return tr("the {value}").format(value=_lower(d.label))


def _lower(label: str) -> str:
    """A label inside a sentence: "Vital signs" -> "vital signs", "ALSFRS-R" unchanged."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label
