"""Export figures: time and peak memory of each format for the larger studies, each run in
its own process, against the bare baseline (csv.writer of every table) in the same way."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from alsdesk.exchange.formats import FORMATS

CHILD = Path(__file__).with_name("export_child.py")


def run_child(script: Path, *args: object) -> dict:
    """A bench child script run alone (its peak memory its own); its last JSON line."""
    done = subprocess.run([sys.executable, str(script), *map(str, args)],
                          capture_output=True, text=True, env={**os.environ}, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} {args[0]} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(fmt: str, db: Path, out: Path) -> dict:
    return run_child(CHILD, fmt, db, out)


def export_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    rows = []
    for n in sorted(dbs):
        if n < 1000:
            continue
        reps = 1 if n >= 10000 else max(1, runs // 2)
        with tempfile.TemporaryDirectory() as tmp:
            k = iter(range(10_000))

            def run(fmt: str) -> dict:
                results = [_child(fmt, dbs[n], Path(tmp) / f"{fmt}{next(k)}")
                           for _ in range(reps)]
                return {key: statistics.median(r[key] for r in results)
                        for key in ("seconds", "rss")}

            base = run("baseline")
            for fmt in FORMATS:
                got = run(fmt)
                big = n >= 10000
                rows.append(Row(f"{fmt.upper()} export, {n} subjects", got["seconds"],
                                base["seconds"], "s", "< 60 s" if big else "—",
                                got["seconds"] < 60 if big else None))
                rows.append(Row(f"{fmt.upper()} export peak memory, {n} subjects", got["rss"],
                                base["rss"], "MB", "< 300 MB" if big else "—",
                                got["rss"] < 300 if big else None))
    return rows
