"""Synthetic studies for the benchmarks: N subjects, each with 12 months of follow-up, AEs and
concomitant medications, entered through the same core save path as the program uses.

Building 10,000 subjects takes minutes, so files are cached by size and program version.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from alsdesk import __version__
from alsdesk.demo import DEMO_PASSWORD, DEMO_USERS, SubjectBuilder
from alsdesk.store import Store

SEED = 20150701
FORMAT = 2  # bump when the generated content changes


def cache_path(cache_dir: Path, subjects: int) -> Path:
    return cache_dir / f"synthetic-{subjects}-v{__version__}-f{FORMAT}.db"


def ensure(cache_dir: Path, subjects: int, progress=print) -> Path:
    """The cached synthetic database of `subjects` subjects, building it if needed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_path(cache_dir, subjects)
    if not path.exists():
        partial = path.with_suffix(".building")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        build(partial, subjects, progress)
        partial.rename(path)
    return path


def _items(rng: random.Random, decline: int) -> list[int]:
    items = [4] * 12
    for _ in range(decline):
        i = rng.randrange(12)
        items[i] = max(0, items[i] - 1)
    return items


def build(path: Path, subjects: int, progress=print) -> None:
    """Write a synthetic study of `subjects` subjects to a new file at `path`."""
    rng = random.Random(SEED + subjects)
    today = date(2026, 1, 15)
    store = Store.create(path)
    admin_id, admin_name, _ = DEMO_USERS[0]
    store.users.create_first_admin(admin_id, admin_name, DEMO_PASSWORD)
    for user_id, name, role in DEMO_USERS[1:]:
        store.users.add(user_id, name, role, DEMO_PASSWORD)
    store.logout()
    store.login("nurse", DEMO_PASSWORD)
    b = SubjectBuilder(store, today)
    for n in range(subjects):
        start = datetime(2024, 1, 8, 10) + timedelta(hours=7 * n % 9000)
        with store.transaction():
            _subject(b, rng, start)
        if progress and (n + 1) % 500 == 0:
            progress(f"  {path.name}: {n + 1}/{subjects} subjects")
    store.close()


def _subject(b: SubjectBuilder, rng: random.Random, start: datetime) -> None:
    st = b.st
    code = st.subjects.create("SY").code
    decline = rng.randrange(0, 8)
    birth = date(start.year - rng.randrange(25, 54), rng.randrange(1, 13), rng.randrange(1, 28))
    b.screening(code, start - timedelta(days=rng.randrange(7, 25)), birth=birth,
                alsfrs_items=_items(rng, decline), fvc_pct=float(rng.randrange(55, 100)),
                eligible=True, sex=rng.choice("MF"))
    weight = float(rng.randrange(50, 95))
    b.infusion(code, start, weight, round(weight * 2 * rng.uniform(0.95, 1.05), 1))
    b.h72(code, start)
    for event, day in (("m2", 60), ("m4", 120), ("m6", 180), ("m12", 365)):
        decline += rng.randrange(1, 4)
        b.followup(code, event, start + timedelta(days=day + rng.randrange(-5, 6)),
                   _items(rng, decline), float(rng.randrange(45, 95)), weight)
    for k in range(rng.randrange(1, 4)):
        day = rng.randrange(1, 300)
        b.ae(code, {"aeterm": rng.choice(["Headache", "Fatigue", "Fever", "Nausea",
                                          "Injection site pain", "Muscle cramps"]),
                    "aestdat": (start + timedelta(days=day)).strftime("%Y-%m-%d"),
                    "aeendat": (start + timedelta(days=day + 3)).strftime("%Y-%m-%d"),
                    # within 3 days of the infusion the study asks for the start time
                    "aesttim": f"{rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"})
    for drug in rng.sample(["Riluzole", "Baclofen", "Omeprazole", "Vitamin D"], 2):
        b.save(code, "logs", "cm", {"cmtrt": drug, "cmindc": "ALS care", "cmdose": 50.0,
                                    "cmdosu": "mg", "cmroute": "ORAL", "cmdosfrq": "BID",
                                    "cmstdat": str(start.year - 1), "cmongo": "Y"}, repeat=None)
    b.save(code, "eos", "eos", {"eosstat": "COMPLETED",
                                "eosdat": (start + timedelta(days=366)).strftime("%Y-%m-%d")})
    # enrolled by the infusion, completed by the end-of-study form: the status follows the data
