"""ALS Desk benchmarks: `python -m bench` (or `python bench/run.py`) prints one table.

Each figure is the median of several runs, beside the same work done by the simplest possible
program (the baseline) and their ratio, and the target from the benchmark issue. Figures that
start a program (cold start, memory) run in fresh sub-processes.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import figures, synth  # noqa: E402


@dataclass
class Row:
    figure: str
    value: float | None  # seconds or MB
    baseline: float | None
    unit: str
    target: str
    met: bool | None
    note: str = ""

    def cells(self) -> list[str]:
        def fmt(v: float | None) -> str:
            if v is None:
                return "—"
            if self.unit == "s":
                if v < 0.01:
                    return f"{v * 1000:.2f} ms"
                return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"
            return f"{v:.0f} MB"

        ratio = "—" if not (self.value and self.baseline) else f"{self.value / self.baseline:.2f}x"
        verdict = {True: "yes", False: "NO", None: "—"}[self.met]
        return [self.figure, fmt(self.value), fmt(self.baseline), ratio, self.target, verdict,
                self.note]


def median_of(fn: Callable[[], float], runs: int) -> float:
    """The median of `runs` timings returned by fn (each call returns its own seconds)."""
    return statistics.median(fn() for _ in range(runs))


def print_table(rows: list[Row]) -> None:
    head = ["figure", "ALS Desk", "baseline", "ratio", "target", "met", "note"]
    table = [head] + [r.cells() for r in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    line = "+".join("-" * (w + 2) for w in widths)
    for i, r in enumerate(table):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
        if i == 0:
            print("|" + line + "|")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--sizes", default="19,1000,10000",
                    help="study sizes (subjects), comma separated")
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    ap.add_argument("--cache", type=Path,
                    default=Path(os.environ.get("ALSDESK_BENCH_CACHE",
                                                Path(tempfile.gettempdir()) / "alsdesk-bench")),
                    help="folder for the synthetic databases (kept between runs)")
    ap.add_argument("--only", default="", help="comma-separated figure groups to run")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"ALS Desk benchmarks on {platform.node()}: {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    dbs = {}
    for n in sizes:
        t0 = time.perf_counter()
        dbs[n] = synth.ensure(args.cache, n, progress=lambda m: print(m, flush=True))
        took = time.perf_counter() - t0
        size = dbs[n].stat().st_size / 1e6
        print(f"study of {n} subjects: {dbs[n]} ({size:.0f} MB; ready in {took:.1f} s)")
    rows: list[Row] = []
    only = {g for g in args.only.split(",") if g}
    for group, fn in figures.GROUPS.items():
        if only and group not in only:
            continue
        print(f"measuring {group} ...", flush=True)
        rows.extend(fn(dbs, args.runs, Row))
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
