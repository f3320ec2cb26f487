"""The ODM export's AdminData (users, location, signature meanings, with ``--audit``) and
ClinicalData, one SubjectData after another, each written out and forgotten.

There is one ClinicalData per stored definition version that holds data (which subject and
form goes where: :mod:`alsdesk.exchange.odm_versions`); each form is written with the fields
of its own version's definition, which its MetaDataVersion describes.

With ``include_audit``, each value carries the AuditRecord of its latest change (who, where,
when, why; SourceID points at the row of our audit trail, which the CSV export gives in
full) and each signed form its valid electronic Signature.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from alsdesk.exchange import odm_common as oc
from alsdesk.exchange.dataset import ExportError, Instance, Progress, Snapshot
from alsdesk.exchange.odm_xml import Xml, escape_attrib, leaf_text
from alsdesk.study.model import Field, Form

if TYPE_CHECKING:
    from alsdesk.exchange.odm_versions import Placed, Version

LEGAL_REASON = ("Electronic signature under 21 CFR 11.50 and 11.200: the signer re-entered "
                "user id and password")

# --- administrative data ------------------------------------------------------------------


def _signature_defs(snap: Snapshot) -> dict[str, str]:
    meanings: dict[str, str] = {}
    for sigs in snap.signatures.values():
        for s in sigs:
            if s.valid and s.meaning not in meanings:
                meanings[s.meaning] = f"SD.{len(meanings) + 1}"
    return meanings


def _referenced_users(snap: Snapshot) -> list[str]:
    ids = {s.user_id for sigs in snap.signatures.values() for s in sigs if s.valid}
    ids |= snap.change_users()
    return sorted(ids)


def add_admin(x: Xml, snap: Snapshot, versions: list["Version"]) -> None:
    study = snap.study
    x.start("AdminData", {"StudyOID": oc.study_oid(study.id)})
    for user_id in _referenced_users(snap):
        name, role = snap.users.get(user_id, (user_id, "other"))
        x.start("User", {"OID": oc.user_oid(user_id),
                         "UserType": "Investigator" if role == "investigator" else "Other"})
        x.leaf("LoginName", text=user_id)
        x.leaf("FullName", text=name)
        x.end()
    x.start("Location", {"OID": oc.LOCATION_OID, "Name": study.site, "LocationType": "Site"})
    for v in versions:
        # Each version from the day it was stored; a file of one version names it in force
        # on the day of the export, as files did before versions were kept.
        x.leaf("MetaDataVersionRef", {"StudyOID": oc.study_oid(study.id),
                                      "MetaDataVersionOID": v.oid,
                                      "EffectiveDate": (v.loaded_at if len(versions) > 1
                                                        else snap.taken_at)[:10]})
    x.end()
    for meaning, oid in _signature_defs(snap).items():
        x.start("SignatureDef", {"OID": oid, "Methodology": "Electronic"})
        x.leaf("Meaning", text=meaning)
        x.leaf("LegalReason", text=LEGAL_REASON)
        x.end()
    x.end()


# --- clinical data ------------------------------------------------------------------------


class _Clinical:
    """Writes SubjectData elements. The hot path of a large export: the few fixed pieces
    (status flags, OIDs) are made once, values are escaped as they come."""

    def __init__(self, x: Xml, snap: Snapshot):
        self.x = x
        self.snap = snap
        self.sig_defs = _signature_defs(snap)
        self.with_audit = snap.options.include_audit
        self._flags: dict[tuple[int, str, str, str], str] = {}

    def use(self, version: "Version") -> None:
        """Write the forms of `version` from now on, with its fields. An older version's
        forms are checked to hold only what it defines (the fields an amendment adds are
        filled only by saves made under it, which record it)."""
        self.version = version
        self.forms = {f.id: f for f in version.forms}
        self.repeating = {e.id for e in version.study.events if e.repeating}
        self.older = version.study is not self.snap.study
        self.places = {(e.id, f) for e in version.events for f in e.forms}
        # (form id, depth) -> [(field, start of its ItemData, of its missing-code ItemData)]
        self._items: dict[tuple[str, int], list[tuple[Field, str, str]]] = {}

    def flag(self, depth: int, value: str, codelist: str, flag_type: str) -> None:
        key = (depth, value, codelist, flag_type)
        text = self._flags.get(key)
        if text is None:
            sub = Xml(lambda _: None, depth)
            sub.start("Annotation", {"SeqNum": 1})
            sub.start("Flag")
            sub.leaf("FlagValue", {"CodeListOID": codelist}, value)
            sub.leaf("FlagType", {"CodeListOID": oc.CL_FLAG_TYPE}, flag_type)
            sub.end()
            sub.end()
            text = self._flags[key] = "".join(sub.parts)
        self.x.raw(text)

    def items(self, form: Form, depth: int) -> list[tuple[Field, str, str]]:
        found = self._items.get((form.id, depth))
        if found is None:
            start = f'{self.x.indent(depth)}<ItemData ItemOID="'
            found = self._items[(form.id, depth)] = []
            for f in form.fields:
                oid = oc.item_oid(form.id, f.id)
                found.append((f, f'{start}{escape_attrib(oid)}" Value="',
                              f'{start}{escape_attrib(oid + oc.MISSING_SUFFIX)}" Value="'))
        return found

    def subject(self, subject_code: str, status: str, instances: list[Instance]) -> None:
        x = self.x
        x.start("SubjectData", {"SubjectKey": subject_code})
        self.flag(x.depth, status, oc.CL_SUBJECT_STATUS, oc.FLAG_SUBJECT_STATUS)
        event_key: tuple[str, int] | None = None
        for inst in instances:
            if (inst.event, inst.event_repeat) != event_key:
                if event_key is not None:
                    x.end()
                event_key = (inst.event, inst.event_repeat)
                x.start("StudyEventData", {
                    "StudyEventOID": oc.event_oid(inst.event),
                    "StudyEventRepeatKey": inst.event_repeat
                    if inst.event in self.repeating else None})
            self.form_data(inst)
        if event_key is not None:
            x.end()
        x.end()

    def form_data(self, inst: Instance) -> None:
        x = self.x
        form = self.forms.get(inst.form) or self.snap.form(inst.form)
        if self.older:
            self.defined(inst, form)
        x.start("FormData", {"FormOID": oc.form_oid(form.id),
                             "FormRepeatKey": inst.repeat if form.repeating else None})
        valid = [s for s in self.snap.signatures.get(inst.instance_id, []) if s.valid]
        if valid:
            # ID is optional in the 1.3.2 XSD but required by odmlib's model; one per form.
            x.start("Signature", {"ID": f"SIG.{inst.instance_id}"})
            x.leaf("UserRef", {"UserOID": oc.user_oid(valid[-1].user_id)})
            x.leaf("LocationRef", {"LocationOID": oc.LOCATION_OID})
            x.leaf("SignatureRef", {"SignatureOID": self.sig_defs[valid[-1].meaning]})
            x.leaf("DateTimeStamp", text=valid[-1].signed_at)
            x.end()
        self.flag(x.depth, inst.status, oc.CL_FORM_STATUS, oc.FLAG_FORM_STATUS)
        x.start("ItemGroupData", {"ItemGroupOID": oc.group_oid(form.id)})
        depth = x.depth
        values, missing = inst.values, inst.missing
        # With --audit, the latest change of each value: read per instance, never the trail.
        last = self.snap.last_changes(inst.instance_id) if self.with_audit else None
        out: list[str] = []
        for f, start, start_missing in self.items(form, depth):
            value = values.get(f.id)
            if value is not None:
                self.item_data(out, start, oc.to_odm(f, value),
                               last.get((f.id, False)) if last else None, depth)
            code = missing.get(f.id)
            if code:
                self.item_data(out, start_missing, str(code),
                               last.get((f.id, True)) if last else None, depth)
        if out:
            x.raw("".join(out))
        x.end()  # ItemGroupData
        x.end()  # FormData

    def defined(self, inst: Instance, form: Form) -> None:
        """Refuse, in words, a form holding what its version's definition has not."""
        v = self.version
        fields = {f.id for f in form.fields} if inst.form in self.forms else set()
        codes = {f.id for f in form.fields if f.missing} if fields else set()
        if (inst.event, inst.form) in self.places and inst.values.keys() <= fields \
                and inst.missing.keys() <= codes:
            return
        extra = sorted((inst.values.keys() - fields) | (inst.missing.keys() - codes))
        what = (f"values of {', '.join(extra)}" if extra
                else f"form {inst.form} at {inst.event}")
        raise ExportError(
            f"The form {inst.form} of {inst.subject} at {inst.event} was last changed under "
            f"study definition version {v.number} (CRF {v.study.crf_version}), which has no "
            f"{what}: the database was changed outside ALS Desk. Run 'alsdesk verify'.")

    def item_data(self, out: list[str], start: str, value: str, row: dict[str, Any] | None,
                  depth: int) -> None:
        """One ItemData (its start tag text up to the value given), with its AuditRecord."""
        out.append(start)
        out.append(escape_attrib(value))
        if row is not None and row["user_id"]:
            out.append('">')
            out.append(self.audit_record(row, depth))
            out.append(f"{self.x.indent(depth)}</ItemData>")
        else:
            out.append('" />')

    def audit_record(self, row: dict[str, Any], depth: int) -> str:
        """The AuditRecord of an ItemData at `depth`."""
        inner = self.x.indent(depth + 2)
        parts = [
            self.x.indent(depth + 1), "<AuditRecord>",
            inner, f'<UserRef UserOID="{escape_attrib(oc.user_oid(row["user_id"]))}" />',
            inner, f'<LocationRef LocationOID="{escape_attrib(oc.LOCATION_OID)}" />',
            leaf_text(inner, "DateTimeStamp", "", row["ts"]),
        ]
        if row["reason"]:
            parts.append(leaf_text(inner, "ReasonForChange", "", row["reason"]))
        parts.append(leaf_text(inner, "SourceID", "", f"ALS Desk audit trail row {row['seq']}"))
        parts.append(self.x.indent(depth + 1))
        parts.append("</AuditRecord>")
        return "".join(parts)


def add_clinical(x: Xml, snap: Snapshot, data: list["Placed"],
                 progress: Progress | None) -> None:
    """One ClinicalData per version in `data`, each written a SubjectData at a time."""
    study = snap.study
    writer = _Clinical(x, snap)
    total = sum(len(subjects) for _v, subjects, _only in data) + 1
    n = 0
    for version, subjects, only in data:
        x.start("ClinicalData", {"StudyOID": oc.study_oid(study.id),
                                 "MetaDataVersionOID": version.oid})
        writer.use(version)
        # The instances come in subject order: one subject's are held while it is written.
        stream = snap.all_instances(only)
        pending = next(stream, None)
        for subject in subjects:
            n += 1
            if progress:
                progress(n, total, f"Writing subject {subject.code}")
            mine: list[Instance] = []
            while pending is not None and pending.subject == subject.code:
                mine.append(pending)
                pending = next(stream, None)
            writer.subject(subject.code, subject.status, mine)
            x.flush()
        x.end()
