"""The measured figures, grouped; each group returns rows for the table in bench/run.py."""
from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.store import Store

ALSFRS = {"qsdat": "2025-03-01", "gastro": "N", "q1": 4, "q2": 3, "q3": 4, "q4": 3, "q5a": 3,
          "q6": 3, "q7": 3, "q8": 2, "q9": 2, "q10": 4, "q11": 4, "q12": 4}


def _copy(db: Path, tmp: Path) -> Path:
    dest = tmp / db.name
    shutil.copy(db, dest)
    return dest


def save_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    """Saving one complete ALSFRS-R form with its audit rows vs a bare INSERT + commit."""
    smallest = dbs[min(dbs)]
    samples, base = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = _copy(smallest, Path(tmp))
        with Store.open(path) as store:
            store.login("nurse", DEMO_PASSWORD)
            for _ in range(max(runs, 5) * 4):
                code = store.subjects.create().code
                t0 = time.perf_counter()
                store.forms.save(code, "screening", "alsfrs", ALSFRS, complete=True)
                samples.append(time.perf_counter() - t0)
        bare = sqlite3.connect(Path(tmp) / "bare.db", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = FULL")
        bare.execute("PRAGMA foreign_keys = ON")
        cols = list(ALSFRS)
        bare.execute(f"CREATE TABLE alsfrs (id INTEGER PRIMARY KEY, {', '.join(cols)})")
        marks = ", ".join("?" * len(cols))
        for _ in range(max(runs, 5) * 4):
            t0 = time.perf_counter()
            bare.execute("BEGIN")
            bare.execute(f"INSERT INTO alsfrs ({', '.join(cols)}) VALUES ({marks})",
                         list(ALSFRS.values()))
            bare.execute("COMMIT")
            base.append(time.perf_counter() - t0)
        bare.close()
    value, baseline = statistics.median(samples), statistics.median(base)
    return [Row("save complete ALSFRS-R form (+ audit rows)", value, baseline, "s",
                "<= 3x baseline", value <= 3 * baseline)]


GROUPS: dict[str, Callable] = {
    "save": save_group,
}
