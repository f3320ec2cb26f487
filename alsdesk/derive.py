"""Derived values: computed from entered data on demand, never stored.

The study definition names a function from :data:`FUNCTIONS` and its inputs (references to
fields or other derived values, possibly on other forms of the subject); this module resolves
the references and calls the pure clinical functions.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Mapping, Sequence

from alsdesk.i18n import tr
from alsdesk.clinical import alsfrs, dose
from alsdesk.clinical.dates import age_on, as_date
from alsdesk.clinical.eligibility import EligibilityInputs, EligibilityResult, EligibilityRules, assess
from alsdesk.errors import AlsDeskError
from alsdesk.study.model import Derived, Form, Study
from alsdesk.study.schema import TERM_FUNCTIONS

# (event id, form id) -> that form's stored values for the same subject ({} when not entered)
FormLookup = Callable[[str, str], Mapping[str, Any]]


@dataclass(frozen=True)
class DerivedValue:
    id: str
    label: str
    value: Any  # number, stage text, EligibilityResult ... or None
    text: str  # what a screen or a printout shows ("–" when it cannot be computed)
    note: str | None = None  # e.g. "onset day unknown: mid-month used"
    error: str | None = None  # why the inputs are contradictory


DASH = "–"


def _items(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values.get(k) for k in alsfrs.ITEMS}


def _alsfrs_part(attr: str) -> Callable:
    def fn(values, inputs, params):
        score = alsfrs.score(_items(values))
        return getattr(score, attr), None

    return fn


def _kings(values, inputs, params):
    return alsfrs.kings_stage(_items(values)), None


def _mitos(values, inputs, params):
    return alsfrs.mitos_stage(_items(values)), None


def _date(value: Any) -> date | None:
    """A complete date from a stored date or date-time text (partial dates give None)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    if len(text) >= 10:
        return date.fromisoformat(text[:10])
    return None


def _delta_fs(values, inputs, params):
    total, onset, assessed = inputs
    value = alsfrs.delta_fs(total, onset, _date(assessed))
    note = None
    if value is not None and alsfrs.onset_imputed(onset):
        note = tr("onset day or month unknown: mid-month (or mid-year) used")
    return value, note


def _age(values, inputs, params):
    birth, on = (_date(v) for v in inputs)
    if birth is None or on is None:
        return None, None
    return age_on(birth, on), None


def _bmi(values, inputs, params):
    weight, height = inputs
    if weight is None or height is None:
        return None, None
    return dose.bmi(weight, height), None


def _target_dose(values, inputs, params):
    (weight,) = inputs
    if weight is None:
        return None, None
    return dose.target_cells(weight, params.get("cells_per_kg", dose.PROTOCOL_CELLS_PER_KG)), None


def _dose_deviation(values, inputs, params):
    weight, infused_millions = inputs
    if weight is None or infused_millions is None:
        return None, None
    target = dose.target_cells(weight, params.get("cells_per_kg", dose.PROTOCOL_CELLS_PER_KG))
    return dose.dose_deviation(target, infused_millions * 1e6,
                               params.get("dose_tolerance_pct", 10.0)), None


def _hours_between(values, inputs, params):
    """Hours from the first date-time to the second (e.g. preparation to infusion start)."""
    start, end = (_datetime(v) for v in inputs)
    if start is None or end is None:
        return None, None
    return (end - start).total_seconds() / 3600, None


def _datetime(value: Any) -> datetime | None:
    """A date-time from a stored YYYY-MM-DDTHH:MM text; a date alone gives None (no time)."""
    if isinstance(value, datetime):
        return value
    text = str(value) if value is not None else ""
    if len(text) < 16:
        return None
    try:
        return datetime.fromisoformat(text[:16])
    except ValueError:
        return None


def _percent_difference(values, inputs, params):
    """(value - reference) / reference x 100: e.g. cells infused against the prescribed dose."""
    reference, value = inputs
    if reference is None or value is None or not reference:
        return None, None
    return (value - reference) / reference * 100, None


def _sum(values, inputs, params):
    if any(v is None for v in inputs):
        return None, None
    return sum(inputs), None


def _yes(value: Any) -> bool | None:
    if value is None:
        return None
    return str(value).upper() in ("Y", "1", "YES", "TRUE")


def _eligibility(values, inputs, params):
    birth, consent, total, fvc, sporadic, familial, malignancy, autoimmune, other = inputs
    rules = EligibilityRules(
        min_age=int(params.get("min_age", 18)),
        max_age=int(params.get("max_age", 55)),
        min_alsfrs=int(params.get("min_alsfrs", 24)),
        min_fvc_pct=float(params.get("min_fvc_pct", 40)),
    )
    result = assess(
        EligibilityInputs(
            birth_date=_date(birth), consent_date=_date(consent), alsfrs_total=total,
            fvc_pct=fvc, sporadic=_yes(sporadic), familial=_yes(familial),
            malignancy=_yes(malignancy), autoimmune=_yes(autoimmune), other_mnd=_yes(other),
        ),
        rules,
    )
    return result, None


def _ctcae(attr: str) -> Callable:
    """The CTCAE term's MedDRA code or system organ class, from the terms in the file
    (`terms`, alsdesk.safety.ctcae.Terminology); unknown without them or for another term."""
    def fn(values, inputs, params, terms=None):
        if terms is not None and inputs[0] is not None and terms.damaged:
            raise ValueError(terms.damaged)  # shown as why it is not there, not as uncoded
        term = terms.term(inputs[0]) if terms is not None and inputs[0] is not None else None
        return (getattr(term, attr) if term is not None else None), None

    return fn


FUNCTIONS: dict[str, Callable[..., tuple]] = {
    "alsfrs_total": _alsfrs_part("total"),
    "alsfrs_bulbar": _alsfrs_part("bulbar"),
    "alsfrs_fine_motor": _alsfrs_part("fine_motor"),
    "alsfrs_gross_motor": _alsfrs_part("gross_motor"),
    "alsfrs_respiratory": _alsfrs_part("respiratory"),
    "kings_stage": _kings,
    "mitos_stage": _mitos,
    "delta_fs": _delta_fs,
    "age": _age,
    "bmi": _bmi,
    "target_dose": _target_dose,
    "dose_deviation": _dose_deviation,
    "sum": _sum,
    "hours_between": _hours_between,
    "percent_difference": _percent_difference,
    "eligibility": _eligibility,
    "ctcae_code": _ctcae("code"),
    "ctcae_soc": _ctcae("soc"),
}


def eligibility_text(result: EligibilityResult) -> str:
    """One line: eligible, not eligible with the failed criteria, or what is missing."""
    if result.eligible:
        return tr("Eligible: every criterion met")
    if result.eligible is False:
        return tr("Not eligible: {failed}").format(
            failed="; ".join(c.shown_detail for c in result.failed))
    return tr("Not yet decidable: {missing} not recorded").format(
        missing=", ".join(c.shown_label for c in result.unknown))


def format_value(d: Derived, value: Any) -> str:
    """Screen and paper text of a derived value."""
    if value is None:
        return DASH
    if isinstance(value, EligibilityResult):
        return eligibility_text(value)
    if isinstance(value, dose.DoseDeviation):
        sign = "+" if value.percent >= 0 else ""
        text = (tr("{sign}{percent:.1f} % (within tolerance)") if value.within_tolerance
                else tr("{sign}{percent:.1f} % (OUTSIDE tolerance)"))
        return text.format(sign=sign, percent=value.percent)
    if d.function == "target_dose":
        if d.unit in dose.CELL_UNITS:  # the unit the infused cells are entered in
            return dose.format_cells_in(value, d.unit, d.digits)
        return dose.format_cells(value)
    if isinstance(value, float):
        digits = d.digits if d.digits is not None else 2
        # a difference says its direction: +5.0 % more than prescribed, -5.0 % fewer
        sign = "+" if d.function == "percent_difference" and value >= 0 else ""
        text = f"{sign}{value:.{digits}f}"
    else:
        text = str(value)
    return f"{text} {d.unit}" if d.unit else text


class Deriver:
    """Computes the derived values of forms of one subject, resolving cross-form inputs."""

    def __init__(self, study: Study, lookup: FormLookup, terms: Any = None) -> None:
        self.study = study
        self.lookup = lookup
        self.terms = terms  # the CTCAE terms (alsdesk.safety.ctcae.terms_of), or None

    def compute(self, form: Form, event_id: str,
                values: Mapping[str, Any]) -> dict[str, DerivedValue]:
        """Every derived value of a form given its (possibly unsaved) values."""
        return {d.id: self._one(form, event_id, values, d, ()) for d in form.derived}

    def value(self, ref: str) -> Any:
        """The subject's value of "event.form.name", a field or a derived value (None when
        the form is not entered or the value cannot be computed)."""
        event, form_id, name = ref.split(".")
        form = self.study.form(form_id)
        values = self.lookup(event, form_id)
        if name in form.field_ids:
            return values.get(name)
        if not values:
            return None
        return self.compute(form, event, values)[name].value

    def _one(self, form: Form, event_id: str, values: Mapping[str, Any], d: Derived,
             stack: Sequence[str]) -> DerivedValue:
        try:
            inputs = [self._resolve(form, event_id, values, ref, (*stack, d.id))
                      for ref in d.inputs]
            if d.function in TERM_FUNCTIONS:
                value, note = FUNCTIONS[d.function](values, inputs, self.study.parameters,
                                                    self.terms)
            else:
                value, note = FUNCTIONS[d.function](values, inputs, self.study.parameters)
        except (AlsDeskError, ValueError) as exc:
            return DerivedValue(d.id, d.label, None, DASH, error=str(exc))
        return DerivedValue(d.id, d.label, value, format_value(d, value), note=note)

    def _resolve(self, form: Form, event_id: str, values: Mapping[str, Any], ref: str,
                 stack: Sequence[str]) -> Any:
        parts = ref.split(".")
        if len(parts) == 1:
            target_form, target_event, target_values = form, event_id, values
        elif len(parts) == 2:
            target_form, target_event = self.study.form(parts[0]), event_id
            target_values = values if parts[0] == form.id else self.lookup(event_id, parts[0])
        else:
            target_form, target_event = self.study.form(parts[1]), parts[0]
            same = parts[0] == event_id and parts[1] == form.id
            target_values = values if same else self.lookup(parts[0], parts[1])
        name = parts[-1]
        if name in target_form.field_ids:
            return target_values.get(name)
        derived = next(d for d in target_form.derived if d.id == name)
        if len(stack) > 8:
            raise ValueError(tr("derived value {ref} refers back to itself").format(ref=ref))
        result = self._one(target_form, target_event, target_values, derived, stack)
        return result.value


def as_clinical_date(value: Any) -> date | None:
    """A stored date/date-time text as a date (partial dates imputed to mid-period)."""
    if value is None:
        return None
    return as_date(str(value)[:10])[0]
