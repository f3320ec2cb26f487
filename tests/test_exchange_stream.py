"""Exports read the database as they write (a block of subjects at a time, for flat memory)
inside one read transaction: a save made while an export runs is not in it, even in the
forms written after the save."""
from __future__ import annotations

import csv

from alsdesk.exchange import ExportOptions, export_csv, export_odm
from alsdesk.exchange import reader
from alsdesk.exchange.redcap import export_redcap
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures


def _temps(path) -> dict[tuple[str, str], str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {(r["subject"], r["event"]): r["temp"] for r in csv.DictReader(fh)
                if r["event_repeat"] == "1"}


def test_a_save_during_an_export_is_not_in_it(demo_db, tmp_path):
    nurse = open_as(demo_db, "nurse")
    monitor = open_as(demo_db, "monitor")
    saved = []

    def progress(done, total, text):
        if text == "Writing sv.csv" and not saved:  # sv is written first, vs later
            nurse.forms.save("S001", "screening", "vs", {"temp": 38.4},
                             reason="transcription error corrected")
            saved.append(text)

    try:
        before = monitor.conn.execute(
            "SELECT v.temp FROM vs v JOIN form_instances fi ON fi.id = v.instance_id JOIN "
            "subjects s ON s.id = fi.subject_id WHERE s.code = 'S001' AND fi.event = "
            "'screening'").fetchone()[0]
        export_csv(monitor, tmp_path / "during", ExportOptions(), progress=progress)
        assert saved
        export_csv(monitor, tmp_path / "after")
    finally:
        nurse.close()
        monitor.close()
    assert before != 38.4
    during, after = _temps(tmp_path / "during" / "vs.csv"), _temps(tmp_path / "after" / "vs.csv")
    assert float(during[("S001", "screening")]) == before
    assert after[("S001", "screening")] == "38.4"


def test_blocks_of_subjects_give_the_same_files(demo_db, tmp_path, monkeypatch):
    """Read one subject at a time or all at once, the bytes written are the same."""
    st = open_as(demo_db, "monitor")
    try:
        whole = export_odm(st, tmp_path / "whole.xml").target.read_bytes()
        export_csv(st, tmp_path / "whole")
        export_redcap(st, tmp_path / "rc_whole")
        monkeypatch.setattr(reader, "BLOCK", 1)
        single = export_odm(st, tmp_path / "single.xml").target.read_bytes()
        result = export_csv(st, tmp_path / "single")
        export_redcap(st, tmp_path / "rc_single")
    finally:
        st.close()

    def body(data: bytes) -> bytes:  # the time stamps and file ids differ
        return data[data.index(b"<ClinicalData"):]

    assert body(whole) == body(single)
    for path in result.files:
        if path.name != "README.txt":
            assert path.read_bytes() == (tmp_path / "whole" / path.name).read_bytes(), path.name
    assert result.records > 100
    assert (tmp_path / "rc_whole" / "records.csv").read_bytes() == \
        (tmp_path / "rc_single" / "records.csv").read_bytes()
