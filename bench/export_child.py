"""One export in a fresh process; prints one JSON line {"seconds": s, "rss": MB}.

python bench/export_child.py FORMAT DB OUT   with FORMAT an exchange writer's name, or
"baseline": every form table's rows written with csv.writer, nothing else (the bare work).
Peak memory is the process's maximum resident set, so each export runs alone in its child.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def peak_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: a child keeps its
    parent's high-water mark across fork and exec; /proc's VmHWM belongs to the new image."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(db: str, out: Path) -> None:
    import csv
    from alsdesk.store.sqldb import driver as sqlite3

    out.mkdir()
    conn = sqlite3.connect(db)
    # The form tables (what the exports carry), named by the form_instances rows.
    tables = [r[0] for r in conn.execute("SELECT DISTINCT form FROM form_instances")]
    for name in tables:
        cur = conn.execute(f'SELECT * FROM "{name}"')
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([d[0] for d in cur.description])
            w.writerows(cur)


def export(fmt: str, db: str, out: Path) -> None:
    from alsdesk.demo import DEMO_PASSWORD
    from alsdesk.exchange.formats import writer
    from alsdesk.store import Store

    with Store.open(db) as store:
        store.login("monitor", DEMO_PASSWORD)
        writer(fmt)(store, out)


if __name__ == "__main__":
    fmt, db, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    t0 = time.perf_counter()
    (baseline if fmt == "baseline" else lambda d, o: export(fmt, d, o))(db, out)
    seconds = time.perf_counter() - t0
    rss = peak_mb()
    print(json.dumps({"seconds": seconds, "rss": rss}), flush=True)
