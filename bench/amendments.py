"""A protocol amendment on the synthetic studies: planning it (the diff and what it does to
the data: every subject's schedule read under both windows) and applying it (one
transaction), beside the baseline of one reading of every subject's schedule."""
from __future__ import annotations

import dataclasses
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.overview import all_schedules
from alsdesk.store import Store, amend
from alsdesk.study.loader import load_study_text

_H72 = 'id = "h72"\nlabel = "72 hours"\nforms = ["sv", "vs", "gcs", "aerev", "lb"]\n' \
       'unit = "hours"\ntarget = 72\nwindow = [48, 96]'


def _amended(study):
    """The 24 h amendment of the trial's own text (the visit at 24 h, window 18 to 30 h)."""
    text = study.text.replace(f'crf_version = "{study.crf_version}"', 'crf_version = "9.1"')
    text = text.replace(_H72, _H72.replace('"72 hours"', '"24 hours"').replace(
        "target = 72", "target = 24").replace("[48, 96]", "[18, 30]"))
    assert text != study.text, "the trial's h72 visit is not as this benchmark expects"
    new = load_study_text(text, "amendment.toml", study.companions)
    return dataclasses.replace(new, companions=study.companions)


def _copy(db: Path, tmp: Path) -> Path:
    dest = tmp / db.name
    shutil.copy(db, dest)
    if Path(f"{db}-wal").exists():
        shutil.copy(f"{db}-wal", f"{dest}-wal")
    return dest


def amend_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    rows = []
    for n, db in sorted(dbs.items()):
        with tempfile.TemporaryDirectory() as tmp:
            path = _copy(db, Path(tmp))
            with Store.open(path) as store:
                store.login("admin", DEMO_PASSWORD)
                new = _amended(store.study)
                plans, base = [], []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    plan = amend.plan(store, new, "amendment.toml")
                    plans.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    all_schedules(store)
                    base.append(time.perf_counter() - t0)
                assert not plan.refused
                t0 = time.perf_counter()
                amend.apply(store, new, "amendment.toml", reason="benchmark",
                            password=DEMO_PASSWORD)
                applied = time.perf_counter() - t0
            value, baseline = statistics.median(plans), statistics.median(base)
            rows.append(Row(f"plan the 24 h amendment, {n} subjects", value, baseline, "s",
                            "< 3 s", value < 3))
            rows.append(Row(f"apply it (password check + one transaction), {n} subjects",
                            applied, None, "s", "< 3 s", applied < 3,
                            "includes the scrypt password check"))
    return rows
