"""The child process of tests/test_crash.py: saves into a real Store until it is killed.

It reports on a log file, one line per event, each line written with a single ``os.write``
to a file opened with O_APPEND: ``B`` before a save starts (with the state the save will
leave), ``K`` once its transaction has committed. A line cut short by the kill is ignored
by the parent.
"""
from __future__ import annotations

import json
import os
import random
from typing import Any

from alsdesk import backup
from alsdesk.store import Store
from alsdesk.study import load_study
from tests.conftest import PASSWORD
from tests.helpers import alsfrs_values

STUDY = load_study()  # loaded once in the fork server, inherited by every child


def vitals(rnd: random.Random) -> dict[str, Any]:
    return {
        "vsdtc": f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(8, 17):02d}:30",
        "sysbp": rnd.randint(100, 140), "diabp": rnd.randint(60, 90),
        "pulse": rnd.randint(55, 100), "resp": rnd.randint(12, 20),
        "temp": round(rnd.uniform(36.0, 37.4), 1), "spo2": rnd.randint(94, 99),
        "weight": round(rnd.uniform(50, 95), 1),
    }


def run(db_path: str, log_path: str, seed: int) -> None:
    """Open the database, log in and save, change, complete, checkpoint and back up for ever."""
    rnd = random.Random(seed)
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def say(kind: str, **data: Any) -> None:
        os.write(fd, (kind + " " + json.dumps(data, sort_keys=True) + "\n").encode())

    say("S")
    store = Store.open(db_path, STUDY)
    say("O", stale=store.stale_lock is not None)
    store.login("nurse", PASSWORD)
    mine: dict[tuple[str, str, str], dict[str, Any]] = {}  # loc -> {"values", "status"}
    subjects: list[str] = []
    step = 0
    while True:
        step += 1
        op = rnd.choices(["new", "change", "complete", "checkpoint", "backup"],
                         weights=[4, 4, 2, 1, 0.3])[0]
        if op == "new" or not subjects:
            number = store.conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM subjects").fetchone()[0]
            code = STUDY.subject_pattern.format(n=number)
            loc = (code, "screening", "vs")
            state = {"values": vitals(rnd), "status": "in progress"}
            say("B", op="new", loc=loc, **state)
            store.subjects.create("AB")
            store.forms.save(code, "screening", "vs", state["values"])
            say("K", op="new", loc=loc, **state)
            mine[loc] = state
            subjects.append(code)
        elif op == "change":
            loc = rnd.choice(sorted(mine))
            old = mine[loc]
            if loc[2] == "vs":
                change = {"weight": round(rnd.uniform(50, 95), 1), "pulse": rnd.randint(55, 100)}
            else:
                change = {"q1": rnd.choice([3, 4]), "q2": rnd.choice([2, 3, 4])}
            changed = any(old["values"].get(k) != v for k, v in change.items())
            # A real change sends a complete form back to "in progress" (it needs completing
            # again); saving the same values changes nothing.
            state = {"values": {**old["values"], **change},
                     "status": "in progress" if changed else old["status"]}
            # Data once saved as complete needs a reason for every later change.
            reason = "correction from source" if loc[2] == "alsfrs" else None
            say("B", op="change", loc=loc, **state)
            store.forms.save(*loc, change, reason=reason)
            say("K", op="change", loc=loc, **state)
            mine[loc] = state
        elif op == "complete":
            todo = [c for c in subjects if (c, "screening", "alsfrs") not in mine]
            if not todo:
                continue
            loc = (rnd.choice(todo), "screening", "alsfrs")
            state = {"values": alsfrs_values(q1=rnd.choice([3, 4])), "status": "complete"}
            say("B", op="complete", loc=loc, **state)
            store.forms.save(*loc, state["values"], complete=True)
            say("K", op="complete", loc=loc, **state)
            mine[loc] = state
        elif op == "checkpoint":
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        else:
            say("B", op="backup")
            backup.auto_backup(store, "close")
            say("K", op="backup")
