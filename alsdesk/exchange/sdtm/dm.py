"""DM: one record per subject, as sdtm.toml's [domains.DM] maps it.

Besides the DM form's fields: values of the subject's other forms (`other`: RFICDTC,
RFXSTDTC, DTHDTC...), AGE in whole years between two of its dates (alsdesk.clinical.dates,
the core's age), flags ("Y" for a subject status or a value: DTHFL), RFPENDTC (`last`: the
latest date of the subject's records) and the arm of a one-arm study with ARMNRS.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterator

from alsdesk.clinical.dates import age_on
from alsdesk.errors import AlsDeskError
from alsdesk.exchange import reader
from alsdesk.exchange.dataset import value_text
from alsdesk.exchange.sdtm.spec import Domain
from alsdesk.states import SubjectStatus

if TYPE_CHECKING:
    from alsdesk.exchange.sdtm.build import Builder

Row = dict[str, Any]
# CDISC controlled terminology ARMNULRS (C142179): why ARMCD/ACTARMCD are null.
SCREEN_FAILURE, NOT_TREATED, NOT_ASSIGNED = "SCREEN FAILURE", "ASSIGNED, NOT TREATED", \
    "NOT ASSIGNED"


def age(birth: str, on: str) -> int | None:
    """Whole years from `birth` to `on` (ISO dates or date-times); None unless both are full
    dates with `on` not before `birth`."""
    if len(birth or "") < 10 or len(on or "") < 10:
        return None
    try:
        return age_on(dt.date.fromisoformat(birth[:10]), dt.date.fromisoformat(on[:10]))
    except (ValueError, AlsDeskError):
        return None


def record_dates(b: "Builder") -> dict[str, list[str]]:
    """Form -> its fields that become a --DTC of some dataset (the subject's record dates)."""
    out: dict[str, set[str]] = {}
    for d in b.spec.domains:
        for s in d.sources:
            if s.date and "." in s.date:  # a date of another form (its own record's too)
                _, form, fid = s.date.split(".")
                out.setdefault(form, set()).add(fid)
            elif s.date:
                out.setdefault(s.form, set()).add(s.date)
        if d.kind == "events":
            for v, fid in d.variables:
                if v.endswith("DTC"):
                    out.setdefault(d.form, set()).add(fid)
            for m in d.more:
                for v, fid in m.variables:
                    if v.endswith("DTC"):
                        out.setdefault(m.form, set()).add(fid)
        for v, ref in d.other + tuple(o for m in d.more for o in m.other):
            if v.endswith("DTC"):
                _, form, fid = ref.split(".")
                out.setdefault(form, set()).add(fid)
    return {form: sorted(fids) for form, fids in out.items()}


def last_dates(b: "Builder") -> dict[str, str]:
    """Subject -> the latest --DTC of its records in the exported forms (ISO 8601 texts
    compare in time order; SQLite finds the greatest, no instance is read)."""
    codes = [s.code for s in b.snap.subjects]
    out: dict[str, str] = {}
    for form, fids in record_dates(b).items():
        if form in b.exported:
            for code, value in reader.latest(b.snap.conn, b.snap.form(form), fids,
                                             codes).items():
                if value > out.get(code, ""):
                    out[code] = value
    for d in b.spec.domains:  # time points: the reference's date with the latest time
        for src in d.sources:
            if not src.timepoints or src.form not in b.exported or not src.date:
                continue
            days = b.values_of([src.date])[src.date]
            times = reader.latest(b.snap.conn, b.snap.form(src.form),
                                  [tp.time for tp in src.timepoints], codes)
            for code, time in times.items():
                day = days.get(code, "")[:10]
                value = f"{day}T{time[:5]}" if len(day) == 10 else day
                if value > out.get(code, ""):
                    out[code] = value
    return out


def subject_rows(b: "Builder", d: Domain) -> Iterator[Row]:
    base = {"STUDYID": b.snap.study.id, "DOMAIN": d.code}
    found: dict[str, Row] = {}
    names: list[str] = []
    if d.form in b.exported:
        mapped = b._present(d.form, d.variables)
        for inst in b.snap.instances_of(d.form):
            found.setdefault(inst.subject, {
                v: value_text(f, inst.values[f.id]) if f.id in inst.values else ""
                for v, f in mapped})
        names = [v for v, _ in mapped]
    other = b.values_of(ref for _, ref in d.other + d.last)
    latest = last_dates(b) if d.last else {}
    arm = d.arm
    assigned = b.values_of([arm.assigned[0]])[arm.assigned[0]] if arm and arm.assigned else {}
    for s in b.snap.subjects:
        row = dict(base, USUBJID=b.usubjid(s.code), SUBJID=s.code,
                   RFSTDTC=b.ref.get(s.code, ""))
        row.update(d.constants)
        row.update(found.get(s.code, {v: "" for v in names}))
        for v, ref in d.other:
            row[v] = other[ref].get(s.code, "")
        if "RFENDTC" in row and not row["RFSTDTC"]:
            row["RFENDTC"] = ""  # SDTMIG: no reference period without its start
        if d.age:
            var, birth, on = d.age
            row[var] = age(row.get(birth, ""), row.get(on, ""))
        for var, status, variable in d.flags:
            row[var] = "Y" if s.status == status or row.get(variable) else ""
        for var, ref in d.last:
            row[var] = max(latest.get(s.code, ""), other[ref].get(s.code, ""))
        if arm is not None:
            row.update(_arm(arm, s.status, bool(row.get(arm.treated)),
                            assigned.get(s.code) == arm.assigned[1] if arm.assigned else False))
        for v in d.days:
            row[v[:-3] + "DY"] = b.day(row.get(v), s.code)
        yield row


def _arm(arm, status: str, treated: bool, assigned: bool) -> Row:
    """ARMCD/ARM (planned), ACTARMCD/ACTARM (actual) and ARMNRS of one subject. SDTMIG 3.4:
    both are null for a screen failure or a subject never assigned; an assigned subject not
    treated keeps the planned arm, without an actual one."""
    if treated:
        return {"ARMCD": arm.armcd, "ARM": arm.arm, "ACTARMCD": arm.armcd,
                "ACTARM": arm.arm, "ARMNRS": ""}
    none = {"ARMCD": "", "ARM": "", "ACTARMCD": "", "ACTARM": ""}
    if status == arm.screen_failure:
        return {**none, "ARMNRS": SCREEN_FAILURE}
    if assigned or status == SubjectStatus.ENROLLED.value:
        return {**none, "ARMCD": arm.armcd, "ARM": arm.arm, "ARMNRS": NOT_TREATED}
    return {**none, "ARMNRS": NOT_ASSIGNED}
