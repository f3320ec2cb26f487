"""The study definitions an ODM file carries, and which ClinicalData each subject goes in.

A database keeps every version of its definition (alsdesk/store/definitions.py: the first,
then one per protocol amendment) and each form instance the version its data were last
changed under (``crf_changed``). The export writes one MetaDataVersion per stored version and
one ClinicalData per version that holds data, each naming its MetaDataVersion; a form goes
in the ClinicalData of its ``crf_changed``, so each value is described by the definition it
was entered or corrected under. A subject whose forms are of several versions appears in
several ClinicalData, as ODM allows; a subject without any exported form (its status only)
in the newest one.

An older version is exported with the same selection as the newest (the forms asked for);
which fields are direct identifiers is decided by the newest definition, which is the one
in force now, for every version alike (a field it no longer has keeps its own flag).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from alsdesk.exchange import odm_common as oc
from alsdesk.exchange import reader
from alsdesk.exchange.dataset import ExportError, Snapshot, SubjectRow, exported_events
from alsdesk.store import definitions
from alsdesk.study.model import Event, Form, Study


@dataclass(frozen=True)
class Version:
    """One stored definition as the file writes it."""

    number: int  # in study_versions; 1 for a file of format 2, which stores none
    study: Study
    forms: tuple[Form, ...]  # exported, as Snapshot.forms
    events: tuple[Event, ...]
    oid: str  # of its MetaDataVersion
    loaded_at: str = ""  # when it was stored ("" for a file of format 2)
    reason: str = ""  # why: the amendment's reason, as the administrator gave it


def versions_of(snap: Snapshot) -> list[Version]:
    """Every stored definition, oldest first; the newest is the snapshot's own."""
    stored = definitions.versions(snap.conn)
    if not stored:
        return [Version(snap.study_version, snap.study, snap.forms, snap.events,
                        oc.mdv_oid(snap.study.crf_version))]
    if stored[-1].version != snap.study_version:
        # Opened read-only before an administrator amended the file elsewhere: the newest
        # data may hold fields this window's definition does not know, which would be lost.
        raise ExportError(
            f"The study definition of this database was amended (now version "
            f"{stored[-1].version}, CRF {stored[-1].crf_version}) after it was opened here "
            f"(version {snap.study_version}): close it and open it again to export.")
    out: list[Version] = []
    oids = version_oids(stored)
    for row in stored:
        latest = row is stored[-1]
        study = snap.study if latest else definitions.study_at(snap.conn, row.version)
        forms = snap.forms if latest else selected_forms(study, snap)
        events = snap.events if latest else exported_events(study, forms)
        out.append(Version(row.version, study, forms, events, oids[row.version],
                           row.loaded_at, row.reason if row.version > 1 else ""))
    return out


def version_oids(stored: list[definitions.StoredVersion]) -> dict[int, str]:
    """Stored version -> the OID of its MetaDataVersion: the export writes these, and the
    import knows by them which of its own versions a file's ClinicalData is of."""
    out: dict[int, str] = {}
    for row in stored:
        oid = oc.mdv_oid(row.crf_version)
        if oid in out.values():  # "1-1" and "1.1" make one OID; OIDs are unique in a Study
            oid += f".V{row.version}"
        out[row.version] = oid
    return out


def selected_forms(study: Study, snap: Snapshot) -> tuple[Form, ...]:
    """An older definition's forms as the export selects them (no error for a form asked
    for that this version had not: its data are all of later versions). The CSV export's
    codes.csv lists each version's code lists by it too."""
    wanted = set(snap.options.forms)
    newest = snap.study.forms
    out = []
    for form in study.forms.values():
        if wanted and form.id not in wanted:
            continue
        now = newest.get(form.id)
        fields = tuple(f for f in form.fields if snap.options.include_identifiers or not (
            now.field(f.id).identifier if now is not None and f.id in now.field_ids
            else f.identifier))
        if fields:
            out.append(dataclasses.replace(form, fields=fields))
    return tuple(out)


# A ClinicalData to write: its version, its subjects in subject order, and the version whose
# instances it holds (None: every instance, when the database has a single definition).
Placed = tuple[Version, list[SubjectRow], "int | None"]


def placement(snap: Snapshot, versions: list[Version]) -> list[Placed]:
    """Each ClinicalData to write."""
    newest = versions[-1]
    if len(versions) == 1:  # every subject and form in the one ClinicalData, as always
        return [(newest, list(snap.subjects), None)]
    used = reader.subjects_by_version(snap.conn, snap.study, snap.forms,
                                      [s.code for s in snap.subjects])
    unknown = sorted(set(used) - {v.number for v in versions})
    if unknown:
        raise ExportError(
            f"Form instances of this database record definition version(s) "
            f"{', '.join(map(str, unknown))}, which it does not hold: it was changed outside "
            "ALS Desk. Run 'alsdesk verify'.")
    with_forms = set().union(*used.values())
    out: list[Placed] = []
    for v in versions:
        mine = used.get(v.number, set())
        subjects = [s for s in snap.subjects if s.code in mine
                    or (v is newest and s.code not in with_forms)]
        if subjects or (v is newest and not out):  # a file has at least one ClinicalData
            out.append((v, subjects, v.number))
    return out
