"""The measured figures, grouped; each group returns rows for the table in bench/run.py."""
from __future__ import annotations

import shutil
from alsdesk.store.sqldb import driver as sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.store import Store
from bench import amendments, double, encrypted, exports, imports

ALSFRS = {"qsdat": "2025-03-01", "gastro": "N", "q1": 4, "q2": 3, "q3": 4, "q4": 3, "q5a": 3,
          "q6": 3, "q7": 3, "q8": 2, "q9": 2, "q10": 4, "q11": 4, "q12": 4}


def _copy(db: Path, tmp: Path) -> Path:
    """A copy of the database with its write-ahead log (which may hold the latest pages)."""
    dest = tmp / db.name
    shutil.copy(db, dest)
    wal = Path(f"{db}-wal")
    if wal.exists():
        shutil.copy(wal, f"{dest}-wal")
    return dest


def save_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    """Saving one complete ALSFRS-R form with its audit rows vs a bare INSERT + commit.

    The two are timed in turns, save then bare insert, many times over: both meet the same
    state of the disk (on a shared machine its speed drifts from one second to the next).
    """
    smallest = dbs[min(dbs)]
    rounds = max(runs, 5) * 40
    samples, base = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = _copy(smallest, Path(tmp))
        bare = sqlite3.connect(Path(tmp) / "bare.db", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = FULL")
        bare.execute("PRAGMA foreign_keys = ON")
        cols = list(ALSFRS)
        bare.execute(f"CREATE TABLE alsfrs (id INTEGER PRIMARY KEY, {', '.join(cols)})")
        insert = f"INSERT INTO alsfrs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        values = list(ALSFRS.values())
        with Store.open(path) as store:
            store.login("nurse", DEMO_PASSWORD)
            for _ in range(rounds):
                code = store.subjects.create().code
                t0 = time.perf_counter()
                store.forms.save(code, "screening", "alsfrs", ALSFRS, complete=True)
                samples.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                bare.execute("BEGIN")
                bare.execute(insert, values)
                bare.execute("COMMIT")
                base.append(time.perf_counter() - t0)
        bare.close()
    value, baseline = statistics.median(samples), statistics.median(base)
    return [Row(f"save complete ALSFRS-R form (+ audit rows), median of {rounds}", value,
                baseline, "s", "<= 3x baseline", value <= 3 * baseline)]


def _timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def _plain_pages(pages: int) -> None:
    """The baseline: reportlab drawing `pages` pages of plain text, nothing else."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(io.BytesIO(), pagesize=A4)
    for page in range(pages):
        y = 800
        for line in range(45):
            c.drawString(60, y, f"Page {page + 1} line {line + 1}: plain text of a form field")
            y -= 16
        c.showPage()
    c.save()


def pdf_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    """Blank CRF book and a 12-month subject casebook with its audit appendix."""
    import alsdesk.pdf as pdf

    with Store.open(dbs[min(dbs)], readonly=True) as store:
        blank = pdf.blank_book(store.study)
        t_blank = _timed(lambda: pdf.blank_book(store.study), runs)
        b_blank = _timed(lambda: _plain_pages(blank.pages), runs)
        # in Persian: right to left, every text shaped and ordered (shaping.py); the
        # baseline is the English book of the same study
        fa = pdf.PrintOptions(language="fa")
        blank_fa = pdf.blank_book(store.study, fa)
        t_blank_fa = _timed(lambda: pdf.blank_book(store.study, fa), runs)
        code = store.subjects.list()[0].code
        book = pdf.casebook(store, code)
        t_case = _timed(lambda: pdf.casebook(store, code), runs)
        b_case = _timed(lambda: _plain_pages(book.pages), runs)
    return [
        Row(f"blank CRF book PDF ({blank.pages} pages)", t_blank, b_blank, "s",
            "<= 3x baseline, < 1 s", t_blank <= 3 * b_blank and t_blank < 1),
        Row(f"blank CRF book PDF in Persian ({blank_fa.pages} pages)", t_blank_fa, t_blank,
            "s", "<= 3x the English book", t_blank_fa <= 3 * t_blank),
        Row(f"subject casebook PDF ({book.pages} pages, 12 months + audit)", t_case, b_case,
            "s", "< 0.5 s", t_case < 0.5),
    ]


def _child(mode: str, db: Path | None = None, pycache: Path | None = None) -> dict:
    """Run bench/gui_child.py in a fresh interpreter (offscreen) and return its JSON.

    Byte code is cached under `pycache` (as pip does for an installed program), even where
    the environment sets PYTHONDONTWRITEBYTECODE: otherwise every start would compile the
    program from source and measure the compiler.
    """
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["BENCH_T0"] = repr(time.time())
    args = [sys.executable, str(Path(__file__).with_name("gui_child.py")), mode]
    if db is not None:
        args.append(str(db))
    out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=1200)
    if out.returncode != 0:
        raise RuntimeError(f"gui_child {mode} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def gui_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    """Cold start, casebook view, filtering as you type, and peak memory of the window."""
    pycache = dbs[min(dbs)].parent / "pycache"
    _child("start", dbs[min(dbs)], pycache)  # warm-up: compiles the byte code once
    bare = [_child("bare", None, pycache) for _ in range(runs)]
    b_shown = statistics.median(r["shown"] for r in bare)
    b_rss = statistics.median(r["rss"] for r in bare)
    rows = []
    apps = []
    for _ in range(runs):  # the program's own start on a copy (it writes its start backup)
        with tempfile.TemporaryDirectory() as tmp:
            apps.append(_child("app", _copy(dbs[min(dbs)], Path(tmp)), pycache))
    login = statistics.median(r["login_shown"] for r in apps)
    enter = statistics.median(r["after_enter"] for r in apps)
    rows.append(Row(f"cold start to the login window shown, {min(dbs)} subjects", login,
                    b_shown, "s", "<= 1.5x baseline, < 1.5 s",
                    login <= 1.5 * b_shown and login < 1.5,
                    f"then Enter to main window shown: {enter * 1000:.0f} ms"))
    for n in sorted({min(dbs), max(dbs)}):
        starts = [_child("start", dbs[n], pycache) for _ in range(runs)]
        shown = statistics.median(r["shown"] for r in starts)
        loaded = statistics.median(r["loaded"] for r in starts)
        rows.append(Row(f"cold start to main window shown, {n} subjects (login by program)",
                        shown, b_shown, "s",
                        "<= 1.5x baseline, < 1.5 s", shown <= 1.5 * b_shown and shown < 1.5,
                        f"list and dashboard filled after {loaded:.2f} s"))
        if n == max(dbs):
            rss = statistics.median(r["rss"] for r in starts)
            rows.append(Row(f"peak memory (RSS) of the GUI, {n} subjects open", rss, b_rss,
                            "MB", "< 300 MB", rss < 300))
    case = _child("casebook", dbs[max(dbs)], pycache)["median"]
    rows.append(Row(f"open a subject's casebook view ({max(dbs)} subjects)", case, None, "s",
                    "< 100 ms", case < 0.1))
    filt = _child("filter", dbs[max(dbs)], pycache)
    rows.append(Row(f"filter subject list per keystroke ({filt['rows']} subjects)",
                    filt["median"], None, "s", "< 30 ms", filt["median"] < 0.03,
                    f"slowest keystroke {filt['max'] * 1000:.0f} ms"))
    return rows


GROUPS: dict[str, Callable] = {
    "gui": gui_group,
    "save": save_group,
    "pdf": pdf_group,
    "export": exports.export_group,  # bench/exports.py: each export in its own process
    "import": imports.import_group,  # bench/imports.py: the ODM import, in its own process
    "amend": amendments.amend_group,  # bench/amendments.py: a protocol amendment
    "double": double.double_group,  # bench/double.py: double data entry
    "encrypted": encrypted.encrypted_group,  # bench/encrypted.py: the cost of encryption
}
