"""SDTM records from the snapshot, as sdtm.toml maps them (no field named here).

Dates stay the ISO 8601 text stored (partial dates 2014-03, 2014; date-times
YYYY-MM-DDTHH:MM). --DY counts from RFSTDTC, the infusion start (the study's
bindings.anchor): day 1 is the reference day, the day before is -1, there is no day 0.
Results keep their collected units (--STRESU = --ORRESU: the study collects one unit each).
"""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
from typing import Any, Iterable, Iterator

from alsdesk.derive import Deriver
from alsdesk.exchange.dataset import Snapshot, value_text
from alsdesk.exchange.sdtm import dm, findings
from alsdesk.exchange.sdtm.spec import Domain, More, SdtmSpec
from alsdesk.safety.ctcae import Terminology
from alsdesk.study.model import FieldType

Row = dict[str, Any]
MEMO = 50_000  # remembered texts of one decimal field at most (a few MB)


def study_day(dtc: str | None, ref: str | None) -> int | None:
    """SDTM study day of `dtc` from `ref`; None unless both hold a full date."""
    if not dtc or not ref or len(dtc) < 10 or len(ref) < 10:
        return None
    try:
        days = (dt.date.fromisoformat(dtc[:10]) - dt.date.fromisoformat(ref[:10])).days
    except ValueError:
        return None
    return days + 1 if days >= 0 else days


def reference_starts(snap: Snapshot) -> dict[str, str]:
    """Subject -> RFSTDTC from the anchor field (event.form.field), if that form is exported."""
    event, form, field = snap.study.bindings["anchor"].split(".")
    if form not in {f.id for f in snap.forms}:
        return {}
    return {i.subject: i.values[field] for i in snap.instances_of(form)
            if i.event == event and i.values.get(field)}


class Builder:
    def __init__(self, snap: Snapshot, spec: SdtmSpec) -> None:
        self.snap, self.spec = snap, spec
        self.ref = reference_starts(snap)
        self.labels = {e.id: e.label for e in snap.study.events}
        self.codes = {m.code: m.label for m in snap.study.missing_codes}
        self.exported = {f.id for f in snap.forms}
        # SUPP-- records of collected values with no standard variable, by domain
        self.supp: dict[str, list[Row]] = {}
        self._usubjid: dict[str, str] = {}
        self.index = {sub.code: n for n, sub in enumerate(snap.subjects)}
        self._values: dict[str, dict[str, str]] = {}
        self._memo: dict[int, dict[Any, str]] = {}
        self._fields: list[Any] = []
        self._exposures: tuple[dict[str, str], dict[str, str]] | None = None
        self._deriver: Deriver | None = None
        self.units = spec.units or {}
        # bytes of the longest USUBJID of the export: every dataset writes it that long
        self.usubjid_width = max((len(self.usubjid(s.code).encode("utf-8"))
                                  for s in snap.subjects), default=0)

    def field_labels(self, d: Domain) -> dict[str, str]:
        """Mapped variable -> its field's label (used when sdtm.toml gives none)."""
        if d.form is None or d.form not in self.exported:
            return {}
        labels = {x.id: x.label for x in self.snap.study.forms[d.form].derived}
        return {v: f.label for v, f in self._present(d.form, d.variables)} | \
            {v: labels[did] for v, did, _ in d.derived}

    def usubjid(self, subject: str) -> str:
        # one string per subject, shared by all its records (memory of the big domains)
        text = self._usubjid.get(subject)
        if text is None:
            text = self._usubjid[subject] = f"{self.snap.study.id}-{subject}"
        return text

    def visit(self, event: str, repeat: int, dtc: str | None = None,
              subject: str | None = None) -> Row:
        v = self.spec.events.get(event)
        if v is None:
            return {"VISITNUM": None, "VISIT": "", "EPOCH": ""}
        num = v.visitnum + (repeat * v.repeat_step if v.repeat_step else 0)
        epoch = self.epoch(dtc, subject) if v.by_date and subject else v.epoch
        # VISIT names one VISITNUM: repeats of an unscheduled visit are numbered in it too
        label = f"{self.labels[event]} {repeat}" if v.repeat_step else self.labels[event]
        return {"VISITNUM": round(num, 4), "VISIT": label, "EPOCH": epoch}

    def epoch(self, dtc: str | None, subject: str) -> str:
        """EPOCH of a date ([epochs]): before the infusion start (or never infused), from its
        start to its end, after its end. Date-times compare when both have a time, else the
        dates (a date of the infusion day is during it); a partial date that may fall either
        side (the infusion's month) has none."""
        rule = self.spec.epochs
        if rule is None or not dtc:
            return ""
        if self._exposures is None:
            self._exposures = (self.exposure(), self.exposure("RFXENDTC"))
        start = self._exposures[0].get(subject)
        end = self._exposures[1].get(subject) or start
        if not start or findings.before(dtc, start):
            return rule.before
        if findings.before(end, dtc):
            return rule.after
        return rule.during if len(dtc) >= 10 else ""

    def rows(self, d: Domain) -> Iterator[Row]:
        if d.kind == "subject":
            return dm.subject_rows(self, d)
        if d.kind == "findings":
            return findings.findings(self, d)
        return self.events(d)

    def columns(self, d: Domain, row: Row) -> list[str]:
        """The dataset's variables in SDTMIG's order (sdtm.toml's `order`, the findings'
        own), any not listed after them; a findings domain's `omit` left out."""
        order = findings.columns(d) if d.kind == "findings" else list(d.order)
        dropped = {d.code + c for c in d.omit}
        return [c for c in order if c in row] + \
            [c for c in row if c not in order and c not in dropped]

    def day(self, dtc: str | None, subject: str) -> int | None:
        return study_day(dtc, self.ref.get(subject))

    def values_of(self, refs: Iterable[str]) -> dict[str, dict[str, str]]:
        """"event.form.field" -> subject -> the value's text (the first instance at that
        event); each form is read once for all its references, and remembered."""
        refs = list(refs)
        wanted: dict[str, list[str]] = {}
        for ref in refs:
            if ref not in self._values:
                wanted.setdefault(ref.split(".")[1], []).append(ref)
        for form, form_refs in wanted.items():
            found: dict[str, dict[str, str]] = {ref: {} for ref in form_refs}
            if form in self.exported:
                ids = {f.id for f in self.snap.form(form).fields}
                parts = [(ref, *ref.split(".")) for ref in form_refs]
                parts = [(ref, ev, self._field(form, fid)) for ref, ev, _, fid in parts
                         if fid in ids]  # an identifier left out of the export: no value
                for inst in self.snap.instances_of(form):
                    for ref, event, f in parts:
                        got = found[ref]
                        if inst.event == event and f.id in inst.values and \
                                inst.subject not in got:
                            got[inst.subject] = self.text(f, inst.values[f.id])
            self._values.update(found)
        return {ref: self._values[ref] for ref in refs}

    def exposure(self, var: str = "RFXSTDTC") -> dict[str, str]:
        """Subject -> RFXSTDTC (or RFXENDTC), from the reference DM (the subject domain)
        maps it to."""
        for d in self.spec.domains:
            ref = dict(d.other).get(var) if d.kind == "subject" else None
            if ref:
                return self.values_of([ref])[ref]
        return {}

    def _numbered(self, n: int, form: str) -> Iterator[tuple[int, Any]]:
        for inst in self.snap.instances_of(form):  # (a function: each stream keeps its n)
            yield n, inst

    def by_subject(self, forms: list[str], every: bool = False
                   ) -> Iterator[tuple[str, list[tuple[int, Any]]]]:
        """(subject, [(number of its form in `forms`, instance)...]) in the subjects' order:
        the forms' instances merged (each comes sorted by subject), one subject held at a
        time; with `every`, subjects without any instance too (with an empty list)."""
        streams = [self._numbered(n, form) for n, form in enumerate(forms)
                   if form in self.exported]
        merged = heapq.merge(*streams, key=lambda item: self.index[item[1].subject])
        groups = itertools.groupby(merged, key=lambda item: item[1].subject)
        if not every:
            for subject, items in groups:
                yield subject, list(items)
            return
        pending = next(groups, None)
        for sub in self.snap.subjects:
            if pending is not None and pending[0] == sub.code:
                yield sub.code, list(pending[1])
                pending = next(groups, None)
            else:
                yield sub.code, []

    def deriver(self) -> Deriver:
        """The study's derived values of one form instance, with the CTCAE terms imported
        into the file (read in the export's transaction). The exported ones use their own
        form only (spec.py checks it): the look-up of another form gives nothing."""
        if self._deriver is None:
            terms = Terminology(self.snap.conn, self.snap.study.ctcae_version)
            self._deriver = Deriver(self.snap.study, lambda event, form: {}, terms)
        return self._deriver

    def _field(self, form: str, fid: str):
        return next(f for f in self.snap.form(form).fields if f.id == fid)

    def _present(self, form: str, variables) -> list[tuple[str, Any]]:
        # Fields left out of the export (identifiers) are left out of SDTM too.
        ids = {f.id for f in self.snap.form(form).fields}
        return [(v, self._field(form, fid)) for v, fid in variables if fid in ids]

    def text(self, f, value: Any) -> str:
        """value_text, remembered for decimals: a study repeats the same few hundred lab
        limits and results, and writing a decimal with its digits (Decimal) is the slowest
        step of the findings. The memory is emptied when it grows past MEMO entries."""
        if f.type is not FieldType.DECIMAL:
            return value_text(f, value)
        memo = self._memo.get(id(f))
        if memo is None or len(memo) > MEMO:
            memo = self._memo[id(f)] = {}
            self._fields.append(f)  # keeps id(f) the field's while its memory is used
        text = memo.get(value)
        if text is None:
            text = memo[value] = value_text(f, value)
        return text

    def events(self, d: Domain) -> Iterator[Row]:
        """One record per instance of the domain's form (and of its `more` forms, and per
        subject of a `more` status without a record of the form), numbered per subject."""
        forms = [d.form] + [m.form for m in d.more if m.form is not None]
        parts = [(d, d.variables, d.constants, d.other)] + \
            [(m, m.variables, m.constants, m.other) for m in d.more if m.form is not None]
        statuses = [m for m in d.more if m.status is not None]
        if d.form not in self.exported and not any(f in self.exported for f in forms[1:]):
            return
        prepared = []
        for (source, variables, constants, other), form in zip(parts, forms):
            ids = {f.id for f in self.snap.form(form).fields} if form in self.exported else ()
            mapped = [(v, f, f.type in (FieldType.INTEGER, FieldType.DECIMAL))
                      for v, f in self._present(form, variables)] if ids else []
            times = [(v, self._field(form, fid)) for v, fid in
                     (d.times if source is d else ()) if fid in ids]
            prepared.append((mapped, constants, times, self.values_of(r for _, r in other),
                             [(v, ref) for v, ref in other],
                             d.derived if source is d and ids else ()))
        for m in statuses:
            prepared.append(([], m.constants, [], self.values_of(r for _, r in m.other),
                             list(m.other), ()))
        template = self._template(d, prepared)
        supp = [(qnam, self._field(d.form, fid)) for qnam, fid in d.supp
                if d.form in self.exported and fid in {f.id for f in self.snap.form(d.form).fields}]
        days = [(v, v[:-5] + ("STDY" if v.endswith("STDTC") else "ENDY")
                 if v[-5:] in ("STDTC", "ENDTC") else v[:-3] + "DY") for v in d.days]
        status_of = {sub.code: sub.status for sub in self.snap.subjects}
        for subject, items in self.by_subject(forms, every=bool(statuses)):
            out = []
            for n, inst in items:
                out.append((n, inst, self._event_row(d, template, prepared[n], subject, inst)))
            if not any(n == 0 for n, _, _ in out):  # no record of the form: by the status
                for j, m in enumerate(statuses, start=len(forms)):
                    if status_of[subject] == m.status:
                        out.append((j, None, self._event_row(d, template, prepared[j],
                                                             subject, None)))
            if d.more:  # records of several sources: in the order of their dates
                key = d.days[0] if d.days else None
                out.sort(key=lambda o: (not o[2].get(key), o[2].get(key) or ""))
            for seq, (n, inst, row) in enumerate(out, start=1):
                if d.seq:
                    row[f"{d.code}SEQ"] = seq
                for v, day in days:
                    row[day] = self.day(row.get(v), subject)
                if inst is not None and n == 0:
                    self._supp(d, supp, row, inst)
                yield row

    def _template(self, d: Domain, prepared: list) -> Row:
        """Every column of the domain, empty: each record has them all, whatever its source."""
        row: Row = {"STUDYID": self.snap.study.id, "DOMAIN": d.code, "USUBJID": ""}
        if d.seq:
            row[f"{d.code}SEQ"] = None
        for mapped, constants, _, _, other, derived in prepared:
            row.update({v: "" for v, _ in constants})
            row.update({v: None if numeric else "" for v, _, numeric in [*mapped, *derived]})
            row.update({v: "" for v, _ in other})
        for v in d.days:
            row[v[:-5] + ("STDY" if v.endswith("STDTC") else "ENDY")
                if v[-5:] in ("STDTC", "ENDTC") else v[:-3] + "DY"] = None
        row.update({v: "" for v, _, _ in d.recode})
        if d.visit:
            row.update({"VISITNUM": None, "VISIT": "", "EPOCH": ""})
        elif d.epoch:
            row["EPOCH"] = ""
        return row

    def _event_row(self, d: Domain, template: Row, part, subject: str, inst) -> Row:
        mapped, constants, times, values, other, derived = part
        row = dict(template, USUBJID=self.usubjid(subject))
        row.update(constants)
        if inst is not None and derived:  # as the form shows them (None: not computable)
            got = self.deriver().compute(self.snap.study.forms[d.form], inst.event,
                                         inst.values)
            for v, did, numeric in derived:
                value = got[did].value
                row[v] = (None if value is None else float(value)) if numeric \
                    else ("" if value is None else str(value))
        if inst is not None:
            for v, f, numeric in mapped:
                value = inst.values.get(f.id)
                row[v] = (float(value) if value is not None else None) if numeric \
                    else ("" if value is None else self.text(f, value))
            for v, f in times:  # a full date and its time make a date-time
                if len(row[v]) == 10 and inst.values.get(f.id) is not None:
                    row[v] = f"{row[v]}T{self.text(f, inst.values[f.id])[:5]}"
            for v, fid, terms in d.recode:  # a term for the answer (or missing code)
                got = inst.values.get(fid)
                row[v] = dict(terms).get(str(got) if got is not None else
                                         inst.missing.get(fid, ""), "")
            if d.visit:  # an unscheduled visit's EPOCH by its date (SVSTDTC)
                row.update(self.visit(inst.event, inst.event_repeat,
                                      row.get(d.days[0]) if d.days else None, subject))
        for v, ref in other:
            row[v] = values[ref].get(subject, "")
        for v, src in d.defaults:
            if row.get(v) in ("", None):
                row[v] = row[src]
        if d.epoch:  # by the record's start date against the infusion (AE, CM, DS)
            row["EPOCH"] = self.epoch(row.get(d.epoch), subject)
        return row

    def _supp(self, d: Domain, supp, row: Row, inst) -> None:
        for qnam, f in supp:
            if inst.values.get(f.id) is not None:
                self.supp.setdefault(d.code, []).append({
                    "STUDYID": row["STUDYID"], "RDOMAIN": d.code, "USUBJID": row["USUBJID"],
                    "IDVAR": f"{d.code}SEQ", "IDVARVAL": str(row[f"{d.code}SEQ"]),
                    "QNAM": qnam, "QLABEL": f.label, "QVAL": self.text(f, inst.values[f.id]),
                    "QORIG": "CRF"})
