"""Another ALS Desk instance for tests/test_lock.py: ``python -m tests.lock_holder DB [PW]``.

Opens the database for writing, logs in as the nurse, says ``ready``, then obeys one command
per line on standard input: ``save`` (a new subject with vitals; answers ``saved CODE``),
``wait`` (a long write transaction held open for a second), ``quit`` (close and exit).
"""
from __future__ import annotations

import sys
import time

from alsdesk.store import Store
from tests.conftest import PASSWORD


def main(db: str, password: str = PASSWORD) -> None:
    store = Store.open(db)
    store.login("nurse", password)
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "save":
            code = store.subjects.create("LH").code
            store.forms.save(code, "screening", "vs", {"pulse": 71, "weight": 70.5})
            print(f"saved {code}", flush=True)
        elif command == "wait":
            with store.transaction():
                store.conn.execute("UPDATE settings SET value = value WHERE 0")
                print("waiting", flush=True)
                time.sleep(1.0)
            print("done", flush=True)
        elif command == "quit":
            break
    store.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
