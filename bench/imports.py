"""Import figures: the ODM file of the 1,000-subject study imported into an empty database,
time and peak memory in its own process, against the bare baseline (iterparse and one INSERT
per value, bench/import_child.py) in the same way."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Callable

from bench.exports import _child as export_child, run_child

CHILD = Path(__file__).with_name("import_child.py")


def _child(what: str, odm: Path, db: Path) -> dict:
    return run_child(CHILD, what, odm, db)


def import_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    rows = []
    for n in sorted(dbs):
        if n != 1000:  # the size; 10,000 would take a quarter of an hour
            continue
        with tempfile.TemporaryDirectory() as tmp:
            odm = Path(tmp) / "study.xml"
            export_child("odm", dbs[n], odm)
            size = odm.stat().st_size / 1e6
            base = _child("baseline", odm, Path(tmp) / "base.db")
            got = _child("import", odm, Path(tmp) / "import.db")
        rows.append(Row(f"ODM import, {n} subjects ({size:.0f} MB)", got["seconds"],
                        base["seconds"], "s", "—", None))
        rows.append(Row(f"ODM import peak memory, {n} subjects", got["rss"], base["rss"], "MB",
                        "< 300 MB", got["rss"] < 300))
    return rows
