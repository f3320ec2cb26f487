"""The cost of encryption at rest (issue 20): the same save and the same filtering as the
save and gui groups, on an encrypted copy of the same synthetic study, beside the plain one.

The encrypted copy is made as `alsdesk encrypt` makes it (cipher.encrypt_copy), with a key
file whose slot the nurse's password opens; its page key is derived once, so a connection
costs what a plain one does and the difference is SQLCipher's per-page AES and HMAC.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from alsdesk.demo import DEMO_PASSWORD
from alsdesk.keyslots import KeyFile, key_file, new_recovery_key
from alsdesk.store import Store, cipher, encryption

ALSFRS = {"qsdat": "2025-03-01", "gastro": "N", "q1": 4, "q2": 3, "q3": 4, "q4": 3, "q5a": 3,
          "q6": 3, "q7": 3, "q8": 2, "q9": 2, "q10": 4, "q11": 4, "q12": 4}


def encrypted_copy(db: Path, folder: Path) -> Path:
    """An encrypted copy of `db` in `folder`, with a key file the nurse's password opens."""
    from bench.figures import _copy

    plain = _copy(db, folder)
    key = new_recovery_key()
    made = cipher.encrypt_copy(plain, key)
    target = folder / f"encrypted-{db.name}"
    made.rename(target)
    keys = KeyFile.new(key)
    keys.put(key, "nurse", DEMO_PASSWORD)
    keys.write(key_file(target))
    return target


def encrypted_group(dbs: dict[int, Path], runs: int, Row: Callable) -> list:
    from bench.figures import _child, _copy

    rows = []
    rounds = max(runs, 5) * 40
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = _copy(dbs[min(dbs)], tmp)
        (tmp / "e").mkdir()  # (a folder of its own: the copy has the same file name)
        enc = encrypted_copy(dbs[min(dbs)], tmp / "e")
        assert encryption.unlock(enc, "nurse", DEMO_PASSWORD)
        times: dict[str, list[float]] = {"plain": [], "encrypted": []}
        with Store.open(plain) as a, Store.open(enc) as b:
            a.login("nurse", DEMO_PASSWORD)
            b.login("nurse", DEMO_PASSWORD)
            for _ in range(rounds):  # in turns: both meet the same state of the disk
                for name, store in (("plain", a), ("encrypted", b)):
                    code = store.subjects.create().code
                    t0 = time.perf_counter()
                    store.forms.save(code, "screening", "alsfrs", ALSFRS, complete=True)
                    times[name].append(time.perf_counter() - t0)
        value = statistics.median(times["encrypted"])
        base = statistics.median(times["plain"])
        rows.append(Row(f"save complete ALSFRS-R form, encrypted file, median of {rounds}",
                        value, base, "s", "<= 1.5x the plain file's save",
                        value <= 1.5 * base, "baseline: the same save on the plain file"))
    big = dbs[max(dbs)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        enc = encrypted_copy(big, tmp)
        took = time.perf_counter() - t0
        pycache = dbs[min(dbs)].parent / "pycache"
        plain = _child("filter", big, pycache)
        filt = _child("filter", enc, pycache)
        rows.append(Row(f"filter subject list per keystroke, encrypted ({filt['rows']} "
                        "subjects)", filt["median"], plain["median"], "s", "< 30 ms",
                        filt["median"] < 0.03,
                        f"baseline: the plain file; slowest {filt['max'] * 1000:.0f} ms"))
        size = big.stat().st_size / 1e6
        rows.append(Row(f"encrypt a copy of the {max(dbs)}-subject file ({size:.0f} MB)", took,
                        None, "s", "—", None, "cipher.encrypt_copy: copy, check, sync"))
    return rows
