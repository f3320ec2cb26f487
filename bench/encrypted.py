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
from alsdesk.keyslots import new_recovery_key
from alsdesk.store import Store, cipher, encryption, sqldb

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
    salt = sqldb.head(target)
    encryption.new_key_file(target, sqldb.raw_for(salt), salt, "nurse", DEMO_PASSWORD)
    return target


def _bare_encrypted(folder: Path):
    """The simplest program doing the same work: one INSERT and COMMIT into an encrypted
    file (same pragmas as the bare baseline of bench/figures.py, the key given raw)."""
    import os

    from alsdesk.keyslots import raw_key
    from alsdesk.store.sqldb import driver as sqlite3

    path = folder / "bare-encrypted.db"
    salt = os.urandom(16)
    sqldb.encrypt_new_with(path, salt, raw_key("bench", salt))
    bare = sqlite3.connect(path, isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    cols = list(ALSFRS)
    bare.execute(f"CREATE TABLE alsfrs (id INTEGER PRIMARY KEY, {', '.join(cols)})")
    insert = f"INSERT INTO alsfrs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    return bare, insert


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
        bare, insert = _bare_encrypted(tmp)
        values = list(ALSFRS.values())
        times: dict[str, list[float]] = {"plain": [], "encrypted": [], "bare": []}
        with Store.open(plain) as a, Store.open(enc) as b:
            a.login("nurse", DEMO_PASSWORD)
            b.login("nurse", DEMO_PASSWORD)
            for _ in range(rounds):  # in turns: all meet the same state of the disk
                for name, store in (("plain", a), ("encrypted", b)):
                    code = store.subjects.create().code
                    t0 = time.perf_counter()
                    store.forms.save(code, "screening", "alsfrs", ALSFRS, complete=True)
                    times[name].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                bare.execute("BEGIN")
                bare.execute(insert, values)
                bare.execute("COMMIT")
                times["bare"].append(time.perf_counter() - t0)
        bare.close()
        value, base, plain_save = (statistics.median(times[k])
                                   for k in ("encrypted", "bare", "plain"))
        rows.append(Row(f"save complete ALSFRS-R form, encrypted file, median of {rounds}",
                        value, base, "s", "<= 3x baseline", value <= 3 * base,
                        "baseline: a bare INSERT into an encrypted file"))
        rows.append(Row("the same save on the plain file (the cost of encryption)",
                        plain_save, None, "s", "—", None,
                        f"encrypted / plain: {value / plain_save:.2f}x"))
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
