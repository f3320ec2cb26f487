"""Which of this database's stored definitions each ClinicalData of an ODM file is of.

The export names each stored version's MetaDataVersion by its CRF version label
(odm_versions.version_oids: MDV.CRF1.0, MDV.CRF1.1, ...). On import a ClinicalData of a
version this database holds is read, checked and saved under that version; one of an ALS
Desk version it does not hold is refused, since storing it under another would record it
as entered under a definition it was not (docs/exchange.md); another program's version is
read under the newest, as it always was.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from alsdesk.exchange import odm_common as oc
from alsdesk.study.model import Field, Form, Study
from alsdesk.study.versions import label_key

if TYPE_CHECKING:
    from alsdesk.store.core import Store

# An ALS Desk MetaDataVersion OID: the CRF version it is of, and the suffix of a label that
# made the same OID as an earlier one's
OURS = re.compile(r"MDV\.CRF(.+?)(\.V[0-9]+)?")


class Defs:
    """One stored definition's events, forms and items by their OIDs."""

    def __init__(self, number: int, study: Study) -> None:
        self.number, self.study = number, study
        self.events = {oc.event_oid(e.id): e for e in study.events}
        self.forms = {oc.form_oid(f.id): f for f in study.forms.values()}
        self.items: dict[str, tuple[Form, Field, bool]] = {}
        for form in study.forms.values():
            for f in form.fields:
                self.items[oc.item_oid(form.id, f.id)] = (form, f, False)
                self.items[oc.item_oid(form.id, f.id) + oc.MISSING_SUFFIX] = (form, f, True)


class Held:
    """The stored versions by MetaDataVersion OID (`oids`), read when first asked for."""

    def __init__(self, study: Study, number: int = 1, oids: dict[str, int] | None = None,
                 study_at: Callable[[int], Study] | None = None) -> None:
        self.newest = Defs(number, study)
        self.oids = oids or {oc.mdv_oid(study.crf_version): number}
        self.study_at = study_at
        self._defs: dict[int, Defs] = {number: self.newest}

    def of(self, mdv: str) -> Defs:
        """The stored definition the MetaDataVersion OID `mdv` names; else the newest."""
        number = self.oids.get(mdv)
        if number is None or self.study_at is None:
            return self.newest
        if number not in self._defs:
            self._defs[number] = Defs(number, self.study_at(number))
        return self._defs[number]

    def refusal(self, mdv: str) -> str | None:
        """Why the data of `mdv`, a MetaDataVersion the file defines, cannot be imported
        here: an ALS Desk version this database does not hold. None when they can."""
        found = OURS.fullmatch(mdv)
        if mdv in self.oids or found is None:
            return None
        crf, ours = found.group(1), self.newest.study.crf_version
        held = ", ".join(m.group(1) if (m := OURS.fullmatch(o)) else o for o in self.oids)
        newer = label_key(crf) is not None and label_key(ours) is not None \
            and label_key(crf) > label_key(ours)
        how = ("amend this database with that definition first ('alsdesk study save' in the "
               "source database writes it out, 'alsdesk amend' applies it here), then import"
               " the file again" if newer else
               "this database was made with a later definition: make a new database with "
               "the source's first definition and amend it as the source was ('alsdesk "
               "study save' in the source writes each out), then import the file into it")
        return (f"the clinical data of metadata version {mdv} were entered under CRF "
                f"version {crf}, a study definition this database does not hold (it holds "
                f"CRF version {held}); importing them under another would record them as "
                f"entered under a definition they were not: {how}")


def held_by(store: "Store") -> Held:
    """The definitions `store` holds."""
    from alsdesk.exchange.odm_versions import version_oids
    from alsdesk.store import definitions

    stored = definitions.versions(store.conn)
    if not stored:
        return Held(store.study, store.study_version)
    return Held(store.study, store.study_version,
                {oid: number for number, oid in version_oids(stored).items()},
                lambda number: definitions.study_at(store.conn, number))
