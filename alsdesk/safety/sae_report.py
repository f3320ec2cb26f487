"""What the SAE report form (CIOMS I layout) says about one serious adverse event.

Read from the store through the study definition's ``[sae.cioms]``: the event's own fields,
the subject's demographics, the cell infusion (the suspect product), the concomitant
medication log and the medical history. The words are the definition's labels and the site's
date format; alsdesk/pdf/cioms.py lays them out. Nothing here imports Qt or reportlab.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alsdesk import datefmt, overview
from alsdesk.errors import NotFound
from alsdesk.rules import engine
from alsdesk.safety.sae import reports_for
from alsdesk.states import FormStatus
from alsdesk.study import values as fv
from alsdesk.study.model import Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["CiomsReport", "collect_report"]


@dataclass(frozen=True)
class CiomsReport:
    """The boxes of the form, as printed text ("" for a box left empty)."""

    study: str
    subject: str
    entry: int
    initials: str  # only when direct identifiers are printed; "" otherwise
    country: str
    birth: str
    age: str
    sex: str
    weight: str
    onset: str
    description: tuple[tuple[str, str], ...]  # (label, value) lines, box 7+13
    narrative: str
    criteria: tuple[tuple[str, bool], ...]  # (criterion, ticked), boxes 8-12
    product: str
    dose: str
    route: str
    indication: str
    therapy: str  # dates from - to
    duration: str
    lot: str
    medications: tuple[str, ...]  # column titles, then rows below
    medication_rows: tuple[tuple[str, ...], ...]
    history: tuple[str, ...]
    history_rows: tuple[tuple[str, ...], ...]
    reporter: str
    investigator: str  # the investigator's valid signature on the entry, or ""
    sponsor: str
    control_no: str
    received: str  # the initial report's date (received by the sponsor)
    report_type: str  # "initial", "follow-up", "follow-up (final)"
    timeline: tuple[str, ...]  # the SAE clock's lines at the time of printing
    data_time: str  # the latest update of the records shown


def _field(form: Form, fid: str | None):
    return next((f for f in form.fields if f.id == fid), None) if fid else None


def _shown(store: "Store", form: Form, rec, fid: str | None, fmt: str) -> str:
    """A field's value as the site reads it, its missing-data code spelled out; "" if none
    or hidden by the form's own conditions."""
    f = _field(form, fid)
    if f is None or not engine.visibility(form, rec.values, rec.missing).get(f.id, True):
        return ""
    code = rec.missing.get(f.id)
    if code:
        return f"{code} ({store.study.missing_label(code) or code})"
    text = fv.display(f, rec.values.get(f.id), fmt)
    return f"{text} {f.unit}" if text and f.unit else (text or "")


def _ref(store: "Store", subject: str, ref: str | None, fmt: str, stamps: list) -> str:
    """The value of event.form.field for the subject ("" when not recorded)."""
    if not ref:
        return ""
    event, form_id, fid = ref.split(".")
    rec = store.forms.get(subject, event, form_id)
    if rec.status is FormStatus.DELETED:
        return ""
    stamps.append(rec.updated_at or "")
    return _shown(store, store.study.form(form_id), rec, fid, fmt)


def _log(store: "Store", subject: str, spec: Any, fmt: str, stamps: list
         ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Column titles and one row per live entry of a log (medications, history)."""
    if not spec:
        return (), ()
    ref, fields = spec
    event, form_id = ref.split(".")
    form = store.study.form(form_id)
    rows = []
    for inst in store.forms.instances(subject):
        if inst.form != form_id or inst.event != event or inst.status is FormStatus.DELETED:
            continue
        rec = store.forms.get_instance(inst.instance_id)
        stamps.append(rec.updated_at or "")
        rows.append(tuple(_shown(store, form, rec, fid, fmt) for fid in fields))
    return tuple(form.field(fid).label for fid in fields), tuple(rows)


def _age(birth: Any, onset: Any) -> str:
    try:
        b, o = dt.date.fromisoformat(str(birth)), dt.date.fromisoformat(str(onset))
    except ValueError:
        return ""
    years = o.year - b.year - ((o.month, o.day) < (b.month, b.day))
    return f"{years} years"


def collect_report(store: "Store", subject: str, entry: int,
                   include_identifiers: bool = False, now: dt.datetime | None = None
                   ) -> CiomsReport:
    """The CIOMS I boxes of adverse event `entry` of `subject`; NotFound when that entry
    does not exist, was deleted, or is not a serious adverse event."""
    study = store.study
    rules = study.sae
    if rules is None:
        raise NotFound("The study definition has no [sae] part: it prints no SAE report.")
    code = store.subjects.get(subject).code
    form = study.form(rules.form)
    rec = store.forms.get(code, rules.event, rules.form, repeat=entry)
    if rec.instance_id is None or rec.status is FormStatus.DELETED:
        raise NotFound(f"{code} has no {form.label.lower()} number {entry}"
                       + (" (it was deleted)" if rec.instance_id else "")
                       + ": the casebook's adverse event list gives the numbers.")
    if engine.holds(form, rules.serious, rec.values, rec.missing) is not True:
        raise NotFound(f"{form.label} {entry} of {code} is not recorded as serious: the SAE "
                       "report form is for serious adverse events.")
    c = rules.cioms
    fmt = datefmt.site_format(store)
    stamps = [rec.updated_at or ""]

    def own(key: str) -> str:
        return _shown(store, form, rec, c.get(key), fmt)

    def other(key: str) -> str:
        return _ref(store, code, c.get(key), fmt, stamps)

    birth_ref = c.get("birth_date")
    birth_value = None
    if birth_ref:
        ev, fid_form, fid = birth_ref.split(".")
        # as every screen reads another form: a deleted entry holds nothing
        birth_value = overview.form_values(store, code, ev, fid_form).get(fid)
    description = tuple((form.field(c[k]).label, own(k)) for k in (
        "term", "coded_term", "grade", "onset_date", "end_date", "outcome", "relationship",
        "action") if c.get(k) and own(k))
    description += _grade_words(store, rec.values, c)
    onset = " ".join(x for x in (own("onset_date"), own("onset_time")) if x)
    criteria = tuple((form.field(fid).label, rec.values.get(fid) == "Y")
                     for fid in c.get("criteria", ()))
    start, end = other("therapy_start"), other("therapy_end")
    meds, med_rows = _log(store, code, c.get("medications"), fmt, stamps)
    hist, hist_rows = _log(store, code, c.get("history"), fmt, stamps)
    signature = rec.valid_signature
    (_aware, _known), reports = reports_for(rules, form, rec.values, rec.missing,
                                            now or dt.datetime.now(), None, fmt)
    followed = rules.followup_date and rec.values.get(rules.followup_date)
    final = bool(rules.final) and engine.holds(form, rules.final, rec.values, rec.missing)
    subj = store.subjects.get(code)
    return CiomsReport(
        study=study.id, subject=code, entry=entry,
        initials=(subj.initials or "") if include_identifiers else "",
        country=c.get("country", ""), birth=other("birth_date"),
        age=_age(birth_value, rec.values.get(c.get("onset_date", ""))),
        sex=other("sex"), weight=other("weight"), onset=onset,
        description=description, narrative=own("narrative"), criteria=criteria,
        product=c.get("product", ""), dose=other("dose"), route=c.get("route", ""),
        indication=c.get("indication", ""),
        therapy=f"{start} to {end}" if start and end else start,
        duration=_duration(store, code, c), lot=other("lot"),
        medications=meds, medication_rows=med_rows, history=hist, history_rows=hist_rows,
        reporter=c.get("reporter", study.site), sponsor=c.get("sponsor", ""),
        investigator=(f"{signature.full_name} (signed {signature.signed_at[:16]} UTC)"
                      if signature else ""),
        control_no=f"{study.id}-{code}-AE{entry}",
        received=_shown(store, form, rec, rules.initial_date, fmt),
        report_type=("follow-up (final)" if final else "follow-up") if followed else "initial",
        timeline=tuple(r.text for r in reports),
        data_time=max((s for s in stamps if s), default=""))


def _grade_words(store: "Store", values: Any, c: Any) -> tuple[tuple[str, str], ...]:
    """The coded term's own words for its grade (CTCAE's "Urgent intervention indicated"),
    beside the grade scale's generic label: what the grade means for this event."""
    from alsdesk.safety.ctcae import terms_of

    term, grade = values.get(c.get("coded_term") or ""), values.get(c.get("grade") or "")
    terms = terms_of(store)
    t = terms.term(term) if terms.available and term else None
    if t is None or not isinstance(grade, int) or not t.has_grade(grade):
        return ()
    return ((f"CTCAE v{terms.version} grade {grade} of {t.term}", t.grades[grade - 1]),)


def _duration(store: "Store", code: str, c: Any) -> str:
    """Hours from the infusion's start to its end, when both are recorded."""
    values = []
    for key in ("therapy_start", "therapy_end"):
        ref = c.get(key)
        if not ref:
            return ""
        ev, form_id, fid = ref.split(".")
        values.append(overview.form_values(store, code, ev, form_id).get(fid))
    try:
        a, b = (dt.datetime.fromisoformat(str(v)) for v in values)
    except ValueError:
        return ""
    minutes = int((b - a).total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 0 else ""
