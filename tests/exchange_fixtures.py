"""Fixtures of the exchange tests: the demo database plus what the demo lacks (direct
identifiers, missing-data codes, a repeated unscheduled visit, a deleted log entry leaving a
gap in the repeat numbers, awkward text and numbers). Built once, copied for each test."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from alsdesk.demo import DEMO_PASSWORD, build_demo
from alsdesk.store import Store

PII = {"fullname": "Zahra Demo-Karimi", "mrn": "MRN-77123", "phone": "+98 21 5555 0101"}
MEMO = "Line one\nLine two: naïve, ±2 °C, \"quoted\", a,b"


def _augment(path: Path) -> None:
    with Store.open(path) as st:
        st.login("nurse", DEMO_PASSWORD)
        save = st.forms.save
        save("S003", "screening", "pii", PII)
        for n, when in ((1, "2026-01-10T10:15"), (2, "2026-02-11T11:45")):
            save("S005", "unscheduled", "sv", {"svdone": "Y", "svstdtc": when},
                 event_repeat=n, complete=True)
        save("S005", "unscheduled", "vs", {"vsdtc": "2026-01-10T10:20", "pulse": 81,
                                           "resp": 16, "temp": 36.7, "spo2": 96,
                                           "weight": 79.3},
             {"sysbp": "ND", "diabp": "ND"}, event_repeat=1, complete=True)
        save("S005", "unscheduled", "vs", {"vsdtc": "2026-02-11T11:50", "sysbp": 121,
                                           "diabp": 77}, event_repeat=2)
        bad = save("S005", "logs", "ae", {"aeterm": "Entered for the wrong patient"},
                   repeat=None).record
        st.forms.delete(bad.instance_id, "entered for the wrong patient")
        save("S005", "logs", "ae", {"aeterm": "Injection site bruising", "aestdat": "2026-01",
                                    "aeongo": "N", "aeendat": "2026-02-03", "aesev": "MILD",
                                    "aetoxgr": 1, "aeser": "N", "aerel": "NOT RELATED",
                                    "aeacn": "NOT APPLICABLE", "aeout": "RECOVERED/RESOLVED",
                                    "aethromb": "N"}, repeat=None, complete=True)
        save("S005", "logs", "cm", {"cmtrt": "Vitamin D", "cmdose": 0.00001, "cmdosu": "mg",
                                    "cmstdat": "2025", "cmongo": "Y"},
             {"cmindc": "UNK", "cmroute": "UNK", "cmdosfrq": "UNK"}, repeat=None,
             complete=True)
        save("S005", "logs", "dv", {"dvcat": "OTHER", "dvterm": MEMO, "dvimp": "N",
                                    "dvaction": "None needed."},
             {"dvdat": "UNK"}, repeat=None, complete=True)
        save("S006", "screening", "mh", {"mhterm": "Hypertension", "mhongo": "Y"},
             {"mhstdat": "UNK"}, repeat=None, complete=True)


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("master") / "demo.db"
    # The demo's "today" fixed so that _augment's fixed dates fall where the checks allow:
    # S005's unscheduled visits and AE after its consent and infusion, none in the future.
    build_demo(path, today=date(2026, 2, 20))
    _augment(path)
    return path


@pytest.fixture
def demo_db(demo_master, tmp_path) -> Path:
    """A fresh copy of the augmented demo database."""
    target = tmp_path / "demo.db"
    for suffix in ("", "-wal"):
        src = Path(str(demo_master) + suffix)
        if src.exists():
            shutil.copy(src, str(target) + suffix)
    return target


def open_as(path: Path, user: str) -> Store:
    st = Store.open(path)
    st.login(user, DEMO_PASSWORD)
    return st


@pytest.fixture
def monitor(demo_db):
    st = open_as(demo_db, "monitor")
    yield st
    st.close()


@pytest.fixture
def admin(demo_db):
    st = open_as(demo_db, "admin")
    yield st
    st.close()


def audit_rows(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]


def fresh_db(tmp_path: Path, name: str = "new.db") -> Path:
    """An empty database of the study with an administrator, an investigator and a monitor
    (the demo's password): where an ODM file is imported."""
    path = tmp_path / name
    with Store.create(path) as st:
        st.users.create_first_admin("admin", "Ada Admin", DEMO_PASSWORD)
        st.users.add("investigator", "Ivan Investigator", "investigator", DEMO_PASSWORD)
        st.users.add("monitor", "Mona Monitor", "monitor", DEMO_PASSWORD)
    return path
