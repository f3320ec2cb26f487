"""Issue 12, item 12: a healthy database on a read-only file system is not called damaged.

The file system is made read-only for real: a read-only bind mount of the test's folder in a
private mount namespace (``unshare -m``, which needs root or the right capability; the test
is skipped where it cannot be done). In it a child Python opens the databases as ALS Desk
would and reports what it was told.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from alsdesk.store import Store
from tests.conftest import PASSWORD

PASSWORD_DEMO = "Demo-password-1"  # the demo accounts'

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="read-only bind mounts are a Linux feature")

CHILD = textwrap.dedent("""
    import json, sys
    from alsdesk.errors import ReadOnlyDatabase
    from alsdesk.store import Store
    out = {}
    for name in sys.argv[2:]:
        for readonly in (False, True):
            try:
                Store.open(sys.argv[1] + "/" + name, readonly=readonly).close()
                out[f"{name} {readonly}"] = ["opened", ""]
            except Exception as exc:
                out[f"{name} {readonly}"] = [type(exc).__name__, str(exc)]
    print(json.dumps(out))
""")


def _under_read_only_mount(folder, *names):
    if shutil.which("unshare") is None:
        pytest.skip("no unshare here")
    script = folder.parent / "child.py"
    script.write_text(CHILD)
    shell = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
             f"touch {folder}/probe 2>/dev/null && exit 7; "
             f"exec {sys.executable} {script} {folder} {' '.join(names)}")
    done = subprocess.run(["unshare", "-m", "sh", "-c", shell], capture_output=True,
                          text=True, timeout=60, cwd=str(folder.parent))
    if done.returncode == 7:
        pytest.fail("the bind mount was not read-only")
    if done.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {done.stderr.strip()[:200]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_healthy_database_on_a_read_only_disk_is_not_called_damaged(tmp_path, study):
    folder = tmp_path / "stick"
    folder.mkdir()
    clean = folder / "clean.db"
    with Store.create(clean, study, admin=("admin", "Ada Admin", PASSWORD)):
        pass
    # One with committed changes still in its write-ahead log (copied while open), as a
    # stick pulled out of a computer that had it open leaves it.
    live = Store.create(folder / "open.db", study, admin=("admin", "Ada Admin", PASSWORD))
    shutil.copy(folder / "open.db", folder / "pending.db")
    shutil.copy(folder / "open.db-wal", folder / "pending.db-wal")
    live.close()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    seen = _under_read_only_mount(folder, "clean.db", "pending.db")
    assert len(seen) == 4
    for key, (kind, text) in seen.items():
        assert kind != "opened" or key.endswith("True"), (key, text)
        if kind != "opened":
            assert "damaged" not in text.replace("not mean the file is damaged", ""), (key, text)
            assert "mounted read-only" in text and "copy the database" in text, (key, text)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # The same files on a writable disk open and verify: they were healthy all along.
    for name in ("clean.db", "pending.db"):
        with Store.open(folder / name, study) as store:
            assert store.verify().ok and store.users.count() == 1


def _commands_under_read_only_mount(folder, *commands):
    """Run `alsdesk` command lines (lists) with `folder` mounted read-only: [(rc, output)]."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare here")
    program = f"{sys.executable} -c 'from alsdesk.cli import main; main()'"
    runs = " ".join(f"{program} {' '.join(c)} 2>&1; echo @@$?;" for c in commands)
    shell = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
             f"touch {folder}/probe 2>/dev/null && exit 7; {runs}")
    done = subprocess.run(["unshare", "-m", "sh", "-c", shell], capture_output=True,
                          text=True, timeout=300, cwd=str(folder.parent), input="")
    if done.returncode == 7:
        pytest.fail("the bind mount was not read-only")
    if "@@" not in done.stdout:
        pytest.skip(f"cannot make a read-only mount here: {done.stderr.strip()[:200]}")
    parts = done.stdout.split("@@")
    return [(int(parts[i + 1].split("\n", 1)[0]), parts[i].split("\n", 1)[-1] if i else parts[i])
            for i in range(len(commands))]


def test_verify_backup_doctor_and_restore_work_from_a_read_only_stick(tmp_path, demo_db):
    """Item 3 of the review: the checks and a restore FROM the stick read it as immutable."""
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(demo_db, stick / "demo.db")
    assert not (stick / "demo.db-wal").exists()
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(demo_db, work / "demo.db")
    on_stick = str(stick / "demo.db")
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD_DEMO + "\n")
    runs = _commands_under_read_only_mount(
        stick,
        ["--db", on_stick, "verify"],
        ["--db", on_stick, "backup", "--out", str(work / "copy.db")],
        ["--db", on_stick, "doctor"],
        ["--db", str(work / "demo.db"), "restore", on_stick, "--as", "admin",
         "--password-stdin", "--yes", "<", str(pw)])
    for rc, text in runs:
        assert "damaged" not in text and "unreadable" not in text, text
    (v_rc, v_text), (b_rc, b_text), (d_rc, d_text), (r_rc, r_text) = runs
    assert v_rc == 0 and "VERIFY OK" in v_text, v_text
    assert b_rc == 0 and (work / "copy.db").is_file(), b_text
    assert "FAIL" not in d_text and "OK    database" in d_text, d_text
    assert r_rc == 0 and "replaced is kept" in r_text, r_text
    assert sorted(p.name for p in stick.iterdir()) == ["demo.db"]  # nothing written there
