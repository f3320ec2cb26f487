"""Double data entry on the synthetic studies: the second entry of an ALSFRS-R form (its
comparison with the first, its rows and audit rows) beside the first entry's own save, and
the double data entry report beside one count of the forms it reads."""
from __future__ import annotations

import dataclasses
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from alsdesk import double_report
from alsdesk.demo import DEMO_PASSWORD
from alsdesk.store import Store, amend
from alsdesk.study.loader import load_study_text
from bench.amendments import _copy

ALSFRS = {"qsdat": "2025-03-01", "gastro": "N", "q1": 4, "q2": 3, "q3": 4, "q4": 3, "q5a": 3,
          "q6": 3, "q7": 3, "q8": 2, "q9": 2, "q10": 4, "q11": 4, "q12": 4}
_HEAD = '[forms.alsfrs]\nlabel = "ALSFRS-R"\n'


def _keyed_twice(study):
    """The trial's definition with ALSFRS-R keyed twice (an amendment, as a site makes it)."""
    text = study.text.replace(f'crf_version = "{study.crf_version}"', 'crf_version = "9.2"')
    text = text.replace(_HEAD, _HEAD + "double_entry = true\n")
    assert "double_entry = true" in text, "the trial's ALSFRS-R is not as this bench expects"
    new = load_study_text(text, "double.toml", study.companions)
    return dataclasses.replace(new, companions=study.companions)


def _switched_on(path: Path) -> None:
    with Store.open(path) as store:
        store.login("admin", DEMO_PASSWORD)
        amend.apply(store, _keyed_twice(store.study), "double.toml", reason="benchmark",
                    password=DEMO_PASSWORD)


def double_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    rows = []
    rounds = max(runs, 5) * 10
    with tempfile.TemporaryDirectory() as tmp:
        path = _copy(dbs[min(dbs)], Path(tmp))
        _switched_on(path)
        first, second = [], []
        with Store.open(path) as nurse:
            for _ in range(rounds):
                nurse.login("nurse", DEMO_PASSWORD)
                code = nurse.subjects.create().code
                t0 = time.perf_counter()
                nurse.forms.save(code, "screening", "alsfrs", ALSFRS)
                first.append(time.perf_counter() - t0)
                nurse.logout()
                nurse.login("investigator", DEMO_PASSWORD)
                t0 = time.perf_counter()
                nurse.double.enter(code, "screening", "alsfrs", {**ALSFRS, "q9": 1})
                second.append(time.perf_counter() - t0)
                nurse.logout()
        value, baseline = statistics.median(second), statistics.median(first)
        rows.append(Row(f"second entry of an ALSFRS-R form (compared, kept, audited), median "
                        f"of {rounds}", value, baseline, "s", "<= 2x the first entry's save",
                        value <= 2 * baseline, "baseline: the first entry's save"))
    for n, db in sorted(dbs.items()):
        with tempfile.TemporaryDirectory() as tmp:
            path = _copy(db, Path(tmp))
            _switched_on(path)
            with Store.open(path) as store:
                store.login("monitor", DEMO_PASSWORD)
                reports, base = [], []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    double_report.report(store)
                    reports.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    store.conn.execute("SELECT form, count(*) FROM form_instances fi JOIN "
                                       "subjects s ON s.id = fi.subject_id GROUP BY form"
                                       ).fetchall()
                    base.append(time.perf_counter() - t0)
        value, baseline = statistics.median(reports), statistics.median(base)
        rows.append(Row(f"double data entry report, {n} subjects", value, baseline, "s",
                        "<= 2 s", value <= 2.0, "baseline: one count of the forms"))
    return rows
