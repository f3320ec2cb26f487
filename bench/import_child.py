"""One ODM import in a fresh process; prints one JSON line {"seconds": s, "rss": MB}.

python bench/import_child.py WHAT ODM DB   with WHAT "import" (ALS Desk's import of the file
into a new empty database DB) or "baseline": the file read by ElementTree's iterparse and
every ItemData value inserted into one table of DB in one transaction, nothing else (the bare
work). Peak memory is the process's VmHWM, so each import runs alone in its child.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.export_child import peak_mb  # noqa: E402

NS = "{http://www.cdisc.org/ns/odm/v1.3}"


def baseline(odm: Path, db: Path) -> None:
    from alsdesk.store.sqldb import driver as sqlite3
    import xml.etree.ElementTree as ET

    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE item (subject TEXT, item TEXT, value TEXT)")
    subject = ""
    with conn:
        for event, el in ET.iterparse(odm, events=("start", "end")):
            if event == "start" and el.tag == NS + "SubjectData":
                subject = el.get("SubjectKey", "")
            elif event == "end" and el.tag == NS + "ItemData":
                conn.execute("INSERT INTO item VALUES (?, ?, ?)",
                             (subject, el.get("ItemOID"), el.get("Value")))
            elif event == "end" and el.tag == NS + "SubjectData":
                el.clear()


def run_import(odm: Path, db: Path) -> None:
    from alsdesk.demo import DEMO_PASSWORD
    from alsdesk.exchange.odm_import import import_odm
    from alsdesk.store import Store

    with Store.create(db) as st:
        st.users.create_first_admin("admin", "Ada Admin", DEMO_PASSWORD)
        st.users.add("investigator", "Ivan Investigator", "investigator", DEMO_PASSWORD)
    with Store.open(db) as st:
        st.login("investigator", DEMO_PASSWORD)
        import_odm(st, odm)


if __name__ == "__main__":
    what, odm, db = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    t0 = time.perf_counter()
    (baseline if what == "baseline" else run_import)(odm, db)
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "rss": peak_mb()}), flush=True)
