"""Every ODM export variant loads in odmlib's object model (an independent reader), and what
it reads there is what the store holds."""
from __future__ import annotations

import pytest

from alsdesk.exchange import ExportOptions, export_odm
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

LD = pytest.importorskip("odmlib.loader")
OL = pytest.importorskip("odmlib.odm_loader")

VARIANTS = {
    "plain": ("monitor", ExportOptions()),
    "audit": ("monitor", ExportOptions(include_audit=True)),
    "identifiers": ("admin", ExportOptions(include_identifiers=True, include_audit=True)),
    "filtered": ("monitor", ExportOptions(subjects=("S001", "S005"), forms=("vs", "ae"),
                                          include_audit=True)),
}


def _load(path):
    loader = LD.ODMLoader(OL.XMLODMLoader(model_package="odm_1_3_2"))
    loader.open_odm_document(str(path))
    return loader.root()


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_odmlib_loads_every_export_and_reads_the_stored_values(demo_db, tmp_path, variant):
    user, options = VARIANTS[variant]
    st = open_as(demo_db, user)
    try:
        export_odm(st, tmp_path / "x.xml", options)
        stored = {(code, rep, temp) for code, rep, temp in st.conn.execute(
            "SELECT s.code, fi.event_repeat, v.temp FROM vs v JOIN form_instances fi "
            "ON fi.id = v.instance_id JOIN subjects s ON s.id = fi.subject_id "
            "WHERE fi.status != 'deleted' AND v.temp IS NOT NULL")}
        signed = st.conn.execute("SELECT count(*) FROM signatures WHERE valid = 1"
                                 ).fetchone()[0] if options.include_audit else 0
    finally:
        st.close()
    odm = _load(tmp_path / "x.xml")
    assert odm.ClinicalData, "no clinical data"
    temps, signatures, ids = set(), 0, set()
    for subject in odm.ClinicalData[0].SubjectData:
        for event in subject.StudyEventData:
            for form in event.FormData:
                if form.Signature is not None:
                    signatures += 1
                    ids.add(form.Signature.ID)
                    assert form.Signature.UserRef.UserOID.startswith("USR.")
                for group in form.ItemGroupData:
                    for item in group.ItemData:
                        if item.ItemOID == "IT.VS.TEMP":
                            temps.add((subject.SubjectKey, int(event.StudyEventRepeatKey or 1),
                                       float(item.Value)))
    wanted = {t for t in stored if not options.subjects or t[0] in options.subjects}
    assert temps == wanted
    assert len(ids) == signatures  # one distinct ID per signed form
    if options.include_audit and not options.forms:
        assert signatures > 0 and signatures <= signed
